"""Names of people and organisations: mentions in each source, linked into entities across sources.

Without a trained recogniser, a name is a run of capitalised words, cleaned of what surrounds it in
news copy: sentence openers ("However"), titles and roles ("President", "Director"), a demonym before a
title ("Russian President"), a possessive. Runs of two words or more are full names; a single word
becomes a mention only when it is the surname (or first name) of one full name of the same article
(else of the whole corpus), or an acronym.

Two full names are one entity when they are spellings of the same name: one word identical and the
others equal after transliteration folding (Yulia / Yuliya / Yulija, Shipenko / Chipenko, Juri /
Yuri) or a close typo (Cuise / Cruise). Sharing only a first name or only a surname is not enough.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz.fuzz import ratio

from spacereader.model import Article, Entity, Mention, Sentence

#: A word of a name; a number joined by a hyphen stays with it ("Chandrayaan-3", "Luna-25" are names of their own).
_TOKEN = re.compile(r"[^\W\d_]+(?:[’'-][^\W\d_]+)*(?:-\d{1,4}[^\W\d_]?(?![\w-]))?")

#: Titles and roles that precede a name and are not part of it (compared in lower case).
ROLES = frozenset(
    """
    mr mrs ms miss mx dr prof professor sir dame lord lady madam mister
    president vice prime minister ministers premier chancellor king queen prince princess emperor pope
    senator sen rep representative congressman congresswoman governor gov mayor ambassador secretary
    gen col colonel capt captain lt lieutenant sgt sergeant maj major commander admiral marshal
    judge justice attorney chairman chairwoman chair ceo cfo coo cto founder cofounder co-founder chief head
    director filmmaker producer actor actress singer rapper writer author novelist poet artist painter
    coach manager striker midfielder defender goalkeeper captain player forward champion
    cosmonaut astronaut pilot engineer scientist researcher physicist chemist biologist economist analyst
    doctor surgeon nurse officer spokesman spokeswoman spokesperson editor journalist reporter correspondent
    commissioner inspector detective chief superintendent deputy assistant executive agent
    tycoon billionaire businessman businesswoman entrepreneur investor banker lawyer
    rev reverend father bishop archbishop cardinal rabbi imam sheikh
    interpreter former late then new veteran legendary
    """.split()
)
#: Capitalised words that open sentences or clauses and are not names.
OPENERS = frozenset(
    """
    the a an this that these those there here it its he she they we i you his her their our my your
    but and or so yet then now still also however meanwhile moreover furthermore instead indeed
    in on at by for from with after before when while if as since during although though despite because
    why what who how where which whose both either neither each every all some many most few no not
    according last next earlier later today yesterday tomorrow tonight one two three four five
    born even just only once like unlike among between about against under over through into onto upon
    other another filming shooting speaking asked contacted announced unlike dear hello thanks thank yes
    """.split()
)
#: Lower-case nouns for a person, before an age with no name ("the goalkeeper, 41,").
PERSON_NOUNS = frozenset(
    """
    man woman boy girl child teenager teen baby toddler father mother son daughter husband wife brother sister
    victim driver passenger suspect resident pensioner student worker farmer soldier patient neighbour neighbor
    owner survivor witness pedestrian cyclist motorcyclist climber hiker fan mum dad grandmother grandfather
    """.split()
)
_CONNECTORS = frozenset("de da das do dos du del della der den van von la le di bin ibn al el y zu".split())
_TIME_WORDS = frozenset(
    """
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    monday tuesday wednesday thursday friday saturday sunday
    """.split()
)
_ORG_WORDS = frozenset(
    """
    agency inc corp corporation company co ltd llc plc group bank university college school institute
    ministry department council party network channel kanal tv television radio times news post press
    pravda journal gazette herald tribune daily club fc association federation committee commission
    foundation organization organisation union league airlines airways motors technologies labs studios
    pictures records holdings partners capital fund office court parliament senate congress army navy
    police service authority board bureau assembly cabinet government administration nasa esa
    roscosmos reuters afp bbc cnn nbc cbs abc ap
    """.split()
)
_PLACE_WORDS = frozenset(
    """
    states kingdom republic federation station cosmodrome park day games olympics war sea ocean river
    mountains mountain street square palace house hall airport island islands city county province
    region centre center space cup prize award awards festival world empire coast valley bay gulf
    museum theatre theater cathedral church bridge tower stadium arena lake desert peninsula
    """.split()
)
_PLACE_FIRST = frozenset(
    """
    new north south east west central great united saint st san santa los las upper lower mount lake
    cape port fort grand holy royal national international federal global world mission star winter
    summer cold first second third supreme high old middle greater northern southern eastern western
    soviet russian american british chinese european
    """.split()
)
#: Nationalities before a name ("Englishman Harry Kane", "Russian cosmonaut"): not part of it.
DEMONYMS = frozenset(
    """
    american british english englishman englishwoman french frenchman frenchwoman german russian chinese japanese
    indian italian spanish mexican canadian australian brazilian argentine argentinian ukrainian polish dutch
    dutchman swedish norwegian danish finnish irish irishman scottish scot scotsman welsh welshman israeli
    palestinian iranian iraqi syrian turkish egyptian saudi korean african nigerian kenyan swiss austrian belgian
    greek portuguese czech hungarian romanian serbian croatian soviet european asian arab afghan pakistani
    bangladeshi vietnamese thai filipino indonesian malaysian colombian chilean peruvian venezuelan cuban
    jamaican ethiopian moroccan algerian lebanese qatari emirati kazakh belarusian lithuanian latvian estonian
    slovak bulgarian icelandic
    """.split()
)
_DEMONYM_SUFFIXES = ("ian", "an", "ese", "ish", "ch", "ic", "i")


@dataclass(frozen=True, slots=True)
class NameSpan:
    """A cleaned name found in a text: its words as written and its span (offsets into that text)."""

    text: str
    start: int
    end: int
    tokens: tuple[str, ...]
    role: str | None = None


# ── folding and similarity ─────────────────────────────────────────────────────────────────────────


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Lower case without accents or possessive: "Cuaròn’s" → "cuaron"."""
    word = strip_possessive(word)
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("’", "'")


_TRANSLIT = (
    ("sch", "sh"),
    ("tch", "ch"),
    ("ch", "sh"),
    ("ph", "f"),
    ("kh", "h"),
    ("ck", "k"),
    ("ks", "x"),
    ("j", "y"),
    ("w", "v"),
    ("iy", "i"),
    ("yi", "i"),
    ("ii", "i"),
    ("ie", "i"),
    ("ey", "ei"),
    ("c", "k"),
)


_DOUBLED = re.compile(r"(\w)\1+")


@lru_cache(maxsize=65536)
def translit(word: str) -> str:
    """A spelling key that merges common transliteration choices: Yuliya/Yulia/Yulija, Chipenko/Shipenko."""
    key = fold(word).replace("-", "").replace("'", "")
    for old, new in _TRANSLIT:
        key = key.replace(old, new)
    key = _DOUBLED.sub(r"\1", key)  # Anna / Ana, Phillip / Philip, Mohammed / Mohamed
    if key.endswith("y") and len(key) > 3:
        key = key[:-1] + "i"
    return key


def same_word(a: str, b: str) -> bool:
    """Two spellings of one name word: equal after transliteration folding, or a one-letter typo of a long word."""
    ka, kb = translit(a), translit(b)
    if ka == kb:
        return True
    if min(len(ka), len(kb)) < 5 or any(c.isdigit() for c in ka + kb):
        return False  # Chandrayaan-2 and Chandrayaan-3 are two missions
    # Alexander / Alexandra, Daniel / Daniela, Louis / Louise: a feminine ending makes another name.
    if ka.endswith("a") != kb.endswith("a") or ka.endswith("e") != kb.endswith("e"):
        return False
    # Cuise / Cruise, Paras / Parag: one letter mistyped in a long word.
    return ratio(ka, kb) >= 88 or (len(ka) == len(kb) and sum(x != y for x, y in zip(ka, kb, strict=True)) == 1)


def same_name(a: Sequence[str], b: Sequence[str]) -> bool:
    """Whether two full names (their words) are spellings of one name."""
    return _same_key(tuple(fold(t) for t in a), tuple(fold(t) for t in b))


def _same_key(fa: tuple[str, ...], fb: tuple[str, ...]) -> bool:
    """`same_name` on names already folded."""
    if fa == fb:
        return True
    if len(fa) != len(fb):
        short, long_ = (fa, fb) if len(fa) < len(fb) else (fb, fa)
        if len(short) < 2 or short[0] != long_[0] or short[-1] != long_[-1]:
            return False
        rest = iter(long_)
        return all(word in rest for word in short)
    exact = 0
    for x, y in zip(fa, fb, strict=True):
        if x == y:
            exact += 1
        elif not same_word(x, y):
            return False
    return exact > 0


def strip_possessive(word: str) -> str:
    for suffix in ("’s", "'s", "’", "'"):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            return word[: -len(suffix)]
    return word


def _demonym(word: str) -> bool:
    lower = word.lower()
    return len(lower) > 4 and lower.endswith(_DEMONYM_SUFFIXES)


# ── finding names in a text ────────────────────────────────────────────────────────────────────────


def _clean_run(words: list[re.Match[str]], text: str, sentence_start: bool) -> NameSpan | None:
    """Strip openers, roles and time words from a run of capitalised words; None if nothing is left."""
    role = None
    items = list(words)
    # "Foreign Minister Olga Brandt", "Prime Minister John Major": drop up to the last role with a name after it.
    last_role = max(
        (i for i, item in enumerate(items[:-1]) if strip_possessive(item.group(0)).lower() in ROLES), default=-1
    )
    if last_role >= 0:
        role = strip_possessive(items[last_role].group(0)).lower()
        items = items[last_role + 1 :]
    while items:
        word = items[0].group(0)
        lower = strip_possessive(word).lower()
        nxt = items[1].group(0).lower() if len(items) > 1 else ""
        if lower.startswith("ex-") and lower[3:] in ROLES:
            lower = lower[3:]  # "Ex-CFO Segal"
        if lower in ROLES:
            role = lower
            items.pop(0)
        elif (
            lower in OPENERS
            or lower in _TIME_WORDS
            or (_demonym(word) and nxt in ROLES)
            or (lower in DEMONYMS and len(items) > 1 and nxt not in _ORG_WORDS)
        ):
            items.pop(0)
        else:
            break
    while items and strip_possessive(items[-1].group(0)).lower() in _TIME_WORDS | OPENERS:
        items.pop()
    while items and items[-1].group(0).lower() in _CONNECTORS:
        items.pop()
    if not items:
        return None
    tokens = tuple(strip_possessive(item.group(0)) for item in items)
    start, end = items[0].start(), items[-1].start() + len(tokens[-1])
    return NameSpan(text[start:end], start, end, tokens, role)


_CAPS_WORD = re.compile(r"[^\W\d_][\w’'-]*")


def _title_case(text: str) -> bool:
    """A headline written in title case: most of its words (after the first) are capitalised."""
    words = _CAPS_WORD.findall(text)[1:]
    if len(words) < 4:
        return False
    capitalised = sum(word[0].isupper() for word in words)
    return capitalised >= 4 and capitalised * 10 >= len(words) * 7


def name_runs(text: str, begin: int = 0, end: int | None = None) -> list[NameSpan]:
    """Runs of capitalised words in text[begin:end] (offsets into `text`), cleaned."""
    end = len(text) if end is None else end
    runs: list[NameSpan] = []
    current: list[re.Match[str]] = []
    first_word = True
    run_at_start = False
    previous_end = begin

    def close() -> None:
        if current:
            cleaned = _clean_run(current, text, run_at_start)
            if cleaned:
                runs.append(cleaned)
            current.clear()

    for match in _TOKEN.finditer(text, begin, end):
        word = match.group(0)
        gap = text[previous_end : match.start()]
        joined = bool(current) and (
            gap == " "
            or (gap.strip() == "" and "\n" not in gap)
            or (gap.strip() == "." and len(current[-1].group(0)) == 1)
        )
        if word[0].isupper():
            if current and not joined:
                close()
            if not current:
                run_at_start = first_word
            current.append(match)
            if word.endswith(("’s", "'s")):
                close()
        elif word.lower() in _CONNECTORS and current and joined:
            current.append(match)
        else:
            close()
        first_word = False
        previous_end = match.end()
    close()
    return runs


def name_before(text: str, position: int, begin: int = 0) -> NameSpan | None:
    """The name that ends right before `position` (only spaces, a comma or an opening bracket between)."""
    window_start = max(begin, position - 120)
    gap = re.search(r"[\s,(]*$", text[window_start:position])
    stop = position - len(gap.group(0)) if gap else position
    runs = name_runs(text, window_start, stop)
    if not runs:
        return None
    last = runs[-1]
    tail = text[last.end : stop]
    if tail.strip() not in ("", ".", "’s", "'s"):
        return None
    if window_start > begin and last.start == window_start:
        return None
    return last


_SKIPPABLE = re.compile(r"\s*(?:[a-z][\w-]*|[A-Z][a-z]+(?:ian|an|ese|ish|ch|i)\b)", re.UNICODE)


def name_after(text: str, position: int, end: int | None = None, max_words: int = 5) -> NameSpan | None:
    """The name that follows `position` after at most a few role or adjective words ("actress", "Russian")."""
    end = len(text) if end is None else end
    window_end = min(end, position + 160)
    cursor = position
    for _ in range(max_words + 1):
        runs = name_runs(text, cursor, window_end)
        if (runs and text[cursor : runs[0].start].strip() == "") or (
            runs and _only_roles(text[cursor : runs[0].start])
        ):
            run = runs[0]
            nxt = re.match(r"\s+([a-z]+)", text[run.end : window_end])
            # "Russian actress …", "the Chelsea striker …": a capitalised modifier of a role, not the person.
            if nxt and (
                (len(run.tokens) == 1 and _demonym(run.tokens[0]))
                or nxt.group(1) in ROLES
                or nxt.group(1) in PERSON_NOUNS
            ):
                cursor = run.end
                continue
            return run
        skip = _SKIPPABLE.match(text, cursor, window_end)
        if not skip:
            return None
        word = skip.group(0).strip().lower()
        if word in _STOP_AFTER:
            return None
        cursor = skip.end()
    return None


_STOP_AFTER = frozenset(
    "and or but said says told who which that was is were are has have had will would with in on at of for to "
    "from by as when while after before who's".split()
)


def _only_roles(gap: str) -> bool:
    words = gap.split()
    return all(word.strip(",").lower() in ROLES for word in words) and len(words) <= 3


# ── entities ───────────────────────────────────────────────────────────────────────────────────────


def entity_kind(tokens: Sequence[str], role: str | None = None) -> str:
    lowered = [fold(t) for t in tokens]
    if any(t in _ORG_WORDS for t in lowered) or (len(tokens) == 1 and tokens[0].isupper() and len(tokens[0]) > 1):
        return "organisation"
    if role:
        return "person"
    if len(tokens) < 2 or len(tokens) > 4 or any(any(c.isdigit() for c in token) for token in tokens):
        return "other"  # "Chandrayaan-3 Moon Landing" is nobody's name
    if lowered[0] in _PLACE_FIRST or any(t in _PLACE_WORDS for t in lowered):
        return "other"
    if any(t.isupper() and len(t) > 1 for t in tokens):
        return "other"
    return "person"


#: Capitalised abbreviations that are not names.
_NOT_NAMES = frozenset("gmt utc bst cet cest est edt pst pdt msk am pm ok tv ad bc ce".split())


def entity_id(name: str) -> str:
    return "e" + hashlib.sha1(fold(name).encode("utf-8")).hexdigest()[:8]


@dataclass(slots=True)
class _Cluster:
    spellings: Counter[str]
    keys: list[tuple[str, ...]]
    tokens: tuple[str, ...]
    roles: Counter[str]
    sources: set[str]
    order: int
    #: Where each spelling is used: its sources, and the position of its first use.
    spelled_in: dict[str, set[str]] = field(default_factory=dict)
    first_use: dict[str, int] = field(default_factory=dict)


def _sentence_of(sentences: Sequence[Sentence], start: int) -> Sentence | None:
    for sentence in sentences:
        if sentence.start <= start < sentence.end:
            return sentence
    return None


def find_entities(
    articles: Sequence[Article], sentences: Mapping[str, Sequence[Sentence]]
) -> tuple[tuple[Mention, ...], tuple[Entity, ...]]:
    """Name mentions of every source and the entities they link to (most mentioned first)."""
    # 1. Runs of capitalised words per sentence.
    found: list[tuple[str, int, NameSpan, bool]] = []  # (source, sentence, name, at sentence start)
    mid_sentence: Counter[str] = Counter()
    for article in articles:
        body = article.body
        for sentence in sentences.get(article.id, ()):
            if _title_case(sentence.text):
                # A headline in title case: its capitalised words are not names by their case, so each word
                # stands alone and counts only if it names someone the articles name elsewhere.
                for run in name_runs(body, sentence.start, sentence.end):
                    for part in _TOKEN.finditer(body, run.start, run.end):
                        token = strip_possessive(part.group(0))
                        single = NameSpan(token, part.start(), part.start() + len(token), (token,))
                        found.append((article.id, sentence.index, single, True))
                continue
            for run in name_runs(body, sentence.start, sentence.end):
                before = body[sentence.start : run.start].rstrip(" \"“‘'«(")
                opening = not before or before[-1] in '.!?:;—-–"“”«»'
                found.append((article.id, sentence.index, run, opening))
                if len(run.tokens) == 1 and not opening:
                    mid_sentence[fold(run.tokens[0])] += 1

    # 2. Full names (two words or more) cluster into entities.
    clusters: list[_Cluster] = []
    by_key: dict[tuple[str, ...], _Cluster] = {}
    multi = [(s, i, run) for s, i, run, _ in found if len(run.tokens) >= 2]
    key_counts = Counter(tuple(fold(t) for t in run.tokens) for _, _, run in multi)
    first_seen: dict[tuple[str, ...], int] = {}
    for position, (_, _, run) in enumerate(multi):
        first_seen.setdefault(tuple(fold(t) for t in run.tokens), position)
    # Two spellings of one name share at least one word exactly: index clusters by word.
    by_word: dict[str, list[int]] = defaultdict(list)
    for key in sorted(key_counts, key=lambda k: (-key_counts[k], first_seen[k])):
        target = None
        candidates = sorted({index for word in key for index in by_word.get(word, ())})
        for index in candidates:
            if any(_same_key(key, other) for other in clusters[index].keys):
                target = clusters[index]
                break
        if target is None:
            target = _Cluster(Counter(), [], key, Counter(), set(), len(clusters))
            clusters.append(target)
        target.keys.append(key)
        for word in set(key):
            if target.order not in by_word[word][-1:]:
                by_word[word].append(target.order)
        by_key[key] = target
    for position, (source, _, run) in enumerate(multi):
        cluster = by_key[tuple(fold(t) for t in run.tokens)]
        spelling = " ".join(run.text.split())
        cluster.spellings[spelling] += 1
        cluster.spelled_in.setdefault(spelling, set()).add(source)
        cluster.first_use.setdefault(spelling, position)
        cluster.sources.add(source)
        if run.role:
            cluster.roles[run.role] += 1

    # 3. Single words link to the one full name of the same article (else the corpus) they belong to.
    per_source_words: dict[str, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    corpus_words: dict[str, set[int]] = defaultdict(set)
    for index, cluster in enumerate(clusters):
        role = cluster.roles.most_common(1)[0][0] if cluster.roles else None
        if len(cluster.tokens) > 4 or entity_kind(cluster.tokens, role) != "person":
            continue  # a single word is the surname or first name of a person, not a word of a title or a thing's
        for key in cluster.keys:
            for word in (key[0], key[-1]):
                corpus_words[word].add(index)
                for source in cluster.sources:
                    per_source_words[source][word].add(index)
    singles: dict[tuple[str, str], int | str] = {}
    mentions: list[tuple[str, int, NameSpan, object]] = []
    for source, index, run, opening in found:
        if len(run.tokens) >= 2:
            mentions.append((source, index, run, by_key[tuple(fold(t) for t in run.tokens)]))
            continue
        word = fold(run.tokens[0])
        if word in _NOT_NAMES:
            continue
        cached = singles.get((source, word))
        if cached is None:
            local = per_source_words[source].get(word, set())
            if len(local) == 1:
                cached = next(iter(local))
            elif not local and len(corpus_words.get(word, ())) == 1:
                cached = next(iter(corpus_words[word]))
            elif (
                not local and ((run.tokens[0].isupper() and len(word) > 1) or mid_sentence[word] >= 1) and len(word) > 1
            ):
                cached = "single"
            else:
                cached = "skip"
            singles[(source, word)] = cached
        if cached == "skip":
            continue
        if cached == "single":
            if opening and mid_sentence[word] == 0 and not run.tokens[0].isupper():
                continue
            key = (word,)
            existing = by_key.get(key)
            if existing is None:
                cluster = by_key[key] = _Cluster(Counter(), [key], key, Counter(), set(), len(clusters))
                clusters.append(cluster)
            else:
                cluster = existing
            cluster.spellings[run.tokens[0]] += 1
            cluster.sources.add(source)
            mentions.append((source, index, run, cluster))
        else:
            mentions.append((source, index, run, clusters[int(cached)]))

    # 4. Entities: display name is the most frequent full spelling.
    entities: list[Entity] = []
    ids: dict[int, str] = {}
    counts: Counter[int] = Counter(id(cluster) for *_, cluster in mentions)
    for cluster in sorted(clusters, key=lambda c: (-counts[id(c)], c.order)):
        if not counts[id(cluster)]:
            continue
        # The most frequent spelling; on a tie, the one more sources use, then the one used first.
        spellings = sorted(
            cluster.spellings.items(),
            key=lambda item: (
                -item[1],
                -len(cluster.spelled_in.get(item[0], ())),
                cluster.first_use.get(item[0], 1 << 30),
                item[0],
            ),
        )
        name = spellings[0][0] if spellings else " ".join(cluster.tokens)
        role = cluster.roles.most_common(1)[0][0] if cluster.roles else None
        words = name.split()
        kind = entity_kind(words, role)
        ident = entity_id(name)
        ids[id(cluster)] = ident
        entities.append(Entity(id=ident, name=name, kind=kind, spellings=tuple(spellings)))  # type: ignore[arg-type]
    result = tuple(
        Mention(source=source, sentence=index, text=run.text, start=run.start, end=run.end, entity=ids[id(cluster)])
        for source, index, run, cluster in mentions
    )
    return result, tuple(entities)
