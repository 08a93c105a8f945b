"""Which articles of a pile report the same event: articles in, events out.

A pile (a morning's feeds, a folder of saved pages) mixes many stories. Articles about one event name
the same people and places and give the same figures (or conflicting ones about the same things);
articles that only share a topic ("earthquake", "transfer", "sentenced") use the same common words but
name other people, places and sums. So an article is described by what is specific to its story:

1. Evidence per article (`read_article`, independent of every other article): the names it uses
   (runs of capitalised words from `names.name_runs`, roles and sentence openers stripped, folded so
   that Yulia and Yuliya meet), its figures (the alignment's number tokens: a value with its kind,
   "#money:615000000", and a kind next to a name, "#age@peresild") and its content words (the
   alignment's stems), each with how often the article uses it, the headline and first sentence counting
   double.
2. Weights: rarity in the pile (IDF, smoothed by a prior so that a pile of two is not all common words)
   times the token's class: names and figures count for much more than words, except a name the pile
   also writes as a common word ("Coast Guard" and "the coast"), which names something many stories share.
3. Candidates: the alignment's rare-word index (`align._candidates`) proposes, for each article, the
   few others with the most weighted overlap: no N×N comparison.
4. Similarity: the cosine of two articles' weighted tokens, lowered when they were published weeks
   apart (a follow-up still joins when it shares enough).
5. Events: strongest pairs first, two groups merge only when the median similarity of their articles
   across is high enough, so one article that recalls another story does not chain two events together.
   Every article ends in exactly one event; one about nothing else is an event alone.

The thresholds are measured on written piles (tests/articles) and the tuning part of the real coverage
(tests/real), apart from its held-out part: `python -m tests.bench.bench_events`.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import hashlib
import heapq
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from statistics import median

from spacereader.engine.align import (
    _MONEY_WORDS,
    _MONTHS,
    _SYNONYM,
    _WEEKDAYS,
    _WORD,
    STOPWORDS,
    _candidates,
    _Features,
    _number_tokens,
    _stem,
)
from spacereader.engine.names import _CONNECTORS, _NOT_NAMES, OPENERS, ROLES, fold, name_runs, translit
from spacereader.engine.segment import sentence_spans
from spacereader.model import Article

Progress = Callable[[str, int, int], None]

#: Weight of a token's class, times its IDF: a shared name or figure says "same story", a shared word
#: mostly "same topic".
W_NAME, W_FIGURE, W_WORD = 3.0, 2.0, 0.5
#: A name weighs as a word when the pile uses it as a common word in COMMON × as many articles.
COMMON = 0.5
#: Pseudo-articles added to the pile for IDF, so that in a small pile a word found in every article
#: still weighs something (in a pile of two, every shared token is in "every" article).
PRIOR = 20
#: Two articles are one event from this similarity on (0-1) ...
THRESHOLD = 0.14
#: ... and two groups when the median similarity of their articles across reaches COHESION: an article
#: that recalls another story resembles one or two of that story's articles, not most of them.
COHESION = 0.11
#: Publication dates: no effect within SAME_DAYS; beyond, the similarity is divided by
#: 1 + (gap - SAME_DAYS) / HALF_DAYS (at SAME_DAYS + HALF_DAYS it counts half).
SAME_DAYS, HALF_DAYS = 3, 30
#: Others proposed per article by the rare-word index, from its INDEXED strongest tokens.
CANDIDATES, INDEXED = 20, 60
#: Members of each group compared when deciding a merge (the first ones: big groups are sampled).
SAMPLE = 12
#: Extra uses counted for a token of the headline or the first sentence (where a story says what it is about).
LEAD = 1
#: Characters of an event's title when it comes from a sentence.
TITLE_CHARS = 160

_KIND = re.compile(r"#(\w+)(?::|@)")
#: Capitalised words that are no part of a story's names: sentence openers, roles and titles, times,
#: currencies ("Rs"), abbreviations (GMT), name connectors ("al", "de").
_NOT_A_NAME = frozenset(
    STOPWORDS | OPENERS | ROLES | _MONTHS | _WEEKDAYS | _MONEY_WORDS | _NOT_NAMES | _CONNECTORS | {"adm", "rear"}
)
_HYPHEN = re.compile(r"[-‐‑]")
_LETTERS = re.compile(r"[^\W\d_]{2,}")


@dataclass(frozen=True, slots=True)
class Event:
    """Articles of a pile that report one event; `sources` in input order."""

    id: str
    title: str
    sources: tuple[str, ...]
    first: dt.date | None = None
    last: dt.date | None = None


def event_id(sources: Iterable[str]) -> str:
    """`e-` and a stable hash of the sorted source ids: the same articles are the same event in every run."""
    digest = hashlib.sha256("\n".join(sorted(sources)).encode("utf-8")).hexdigest()
    return f"e-{digest[:12]}"


def find_event(events: Sequence[Event], wanted: str) -> Event:
    """The event whose id is `wanted` or starts with it (`e-` optional), as git finds a commit.

    Raises LookupError when none matches and ValueError (listing them) when several do.
    """
    prefix = wanted.strip()
    if prefix and not prefix.startswith("e-"):
        prefix = "e-" + prefix
    matches = [event for event in events if event.id.startswith(prefix)] if len(prefix) > 2 else []
    exact = [event for event in matches if event.id == prefix]
    if exact:
        return exact[0]
    if not matches:
        raise LookupError(wanted)
    if len(matches) > 1:
        raise ValueError(f"event id {wanted!r} is ambiguous: {', '.join(event.id for event in matches)}")
    return matches[0]


# ── evidence per article ───────────────────────────────────────────────────────────────────────────


def _initial(starts: Sequence[int], text: str, position: int) -> bool:
    """Whether `position` holds the first word of its sentence (quotes and dashes before it aside)."""
    at = bisect.bisect_right(starts, position) - 1
    begin = starts[at] if at >= 0 else 0
    return not any(c.isalnum() for c in text[begin:position])


@functools.lru_cache(maxsize=65536)
def _word_key(word: str) -> str | None:
    """A word as the bag of words counts it (`w:` and its stem), None for stop words and numbers."""
    word = word.lower().replace("’", "'")
    word = _SYNONYM.get(word, word)
    if len(word) < 3 or word in STOPWORDS or not word.isalpha():
        return None
    return "w:" + _stem(word)


def _name_tokens(
    text: str, starts: Sequence[int], words: dict[str, str], lead_end: int = 0
) -> tuple[Counter[str], set[str]]:
    """Folded words of the names in a text with how often each is used, and those used before
    `lead_end`; `words` learns, for each, the word it would be in lower case.

    A single capitalised word that opens a sentence ("Rescuers dug ...") is a name only if the text
    also capitalises it elsewhere.
    """
    inside: Counter[str] = Counter()
    opening: Counter[str] = Counter()
    lead: set[str] = set()
    for run in name_runs(text):
        # "Al-Nassr" and "Al Nassr" meet; "Titanic-bound" is Titanic.
        parts = [part for token in run.tokens for part in _HYPHEN.split(token) if part[:1].isupper()]
        keys = []
        for part in parts:
            if len(part) > 1 and fold(part) not in _NOT_A_NAME and (key := "n:" + translit(part)) != "n:":
                keys.append(key)
                if key not in words and (word := _word_key(fold(part))) is not None:
                    words[key] = word
        if len(keys) == 1 and _initial(starts, text, run.start):
            opening[keys[0]] += 1
        else:
            inside.update(keys)
        if run.start < lead_end:
            lead.update(keys)
    inside.update({key: count for key, count in opening.items() if key in inside})
    return inside, lead


def _figure_tokens(text: str) -> set[str]:
    """The alignment's number tokens that say which figure this is: a value with its kind, a kind with a name."""
    return {token for token in _number_tokens(text) if _KIND.match(token)}


def _word_tokens(text: str, lead_end: int = 0) -> tuple[Counter[str], set[str]]:
    """Stemmed content words in lower case (capitalised words are names, counted apart), and those
    used before `lead_end`."""
    words: Counter[str] = Counter()
    lead: set[str] = set()
    for match in _WORD.finditer(text):
        word = match.group(0)
        if word[0].islower() and (key := _word_key(word)) is not None:
            words[key] += 1
            if match.start() < lead_end:
                lead.add(key)
    return words, lead


@dataclass(frozen=True, slots=True)
class Reading:
    """What grouping needs of one article: its tokens with how often it uses each, and the common word
    each of its names would be in lower case. Built by `read_article` (pure, picklable: a pool can
    read a pile's articles in parallel)."""

    tokens: Mapping[str, int]
    name_words: Mapping[str, str]


def read_article(article: Article) -> Reading:
    """What is specific to an article's story, with how often it says it: names (`n:`), figures (`#`)
    and words (`w:`). What the headline and the first sentence say counts LEAD more uses."""
    text = f"{article.title}\n\n{article.body}" if article.title else article.body
    spans = sentence_spans(text)
    starts = [start for start, _end, _paragraph in spans]
    lead_end = (spans[1][1] if article.title and len(spans) > 1 else spans[0][1]) if spans else 0
    name_words: dict[str, str] = {}
    names, lead = _name_tokens(text, starts, name_words, lead_end)
    words, lead_words = _word_tokens(text, lead_end)
    tokens = names + words
    figures = _figure_tokens(text)
    tokens.update(figures)
    lead |= lead_words | (_figure_tokens(text[:lead_end]) & figures)
    for token in lead:
        if token in tokens:
            tokens[token] += LEAD
    return Reading(dict(tokens), name_words)


# ── similarity ─────────────────────────────────────────────────────────────────────────────────────


@dataclass(frozen=True, slots=True)
class _Profile:
    weights: Mapping[int, float]  # token number -> weight
    norm: float  # sqrt of the sum of squared weights
    published: dt.date | None


def _profiles(readings: Sequence[Reading], dates: Sequence[dt.date | None]) -> tuple[list[_Profile], dict[str, int]]:
    """Weighted token sets: class × IDF × (1 + log uses), and the tokens' numbers.

    A name that the pile also uses as a common word ("Coast Guard" and "the coast", "the Moon" and "the
    moon") names an institution or a thing many stories share, not one story's people and places: it
    weighs as a word when the word is used in COMMON × as many articles as the name. Tokens are numbered
    (one shared int per token keeps 10,000 articles small); a token of one article only is left out of
    its weights (it can match nothing) but counts in its norm.
    """
    vocabulary: dict[str, int] = {}
    frequency: Counter[int] = Counter()
    numbered = []
    name_words: dict[str, str] = {}
    for reading in readings:
        numbers = {vocabulary.setdefault(token, len(vocabulary)): count for token, count in reading.tokens.items()}
        frequency.update(numbers.keys())
        numbered.append(numbers)
        name_words.update(reading.name_words)
    total = len(readings) + PRIOR

    def class_weight(token: str, number: int) -> float:
        if token.startswith("#"):
            return W_FIGURE
        if token.startswith("n:"):
            word = vocabulary.get(name_words.get(token, ""))
            return W_WORD if word is not None and frequency[word] >= COMMON * frequency[number] else W_NAME
        return W_WORD

    weight_of = [class_weight(token, n) * math.log(total / (frequency[n] + 0.5)) for token, n in vocabulary.items()]
    profiles = []
    for numbers, published in zip(numbered, dates, strict=True):
        weights = {number: weight_of[number] * (1.0 + math.log(count)) for number, count in numbers.items()}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        shared = {number: weight for number, weight in weights.items() if frequency[number] > 1}
        profiles.append(_Profile(shared, norm, published))
    return profiles, vocabulary


def _days_factor(a: dt.date | None, b: dt.date | None) -> float:
    if a is None or b is None:
        return 1.0
    gap = abs((a - b).days)
    return 1.0 / (1.0 + max(0, gap - SAME_DAYS) / HALF_DAYS)


def similarity(a: _Profile, b: _Profile) -> float:
    """Cosine of two weighted token sets (0-1), lowered for articles published far apart."""
    small, large = (a.weights, b.weights) if len(a.weights) <= len(b.weights) else (b.weights, a.weights)
    shared = sum(weight * large[token] for token, weight in small.items() if token in large)
    if not shared:
        return 0.0
    return shared / (a.norm * b.norm) * _days_factor(a.published, b.published)


# ── grouping ───────────────────────────────────────────────────────────────────────────────────────


def _candidate_pairs(profiles: Sequence[_Profile], progress: Progress | None) -> set[tuple[int, int]]:
    """Pairs of articles worth comparing, from the alignment's rare-word index."""
    features = []
    for number, profile in enumerate(profiles):
        # An article's strongest evidence finds its partners; the rest would mostly add work.
        strongest = heapq.nlargest(INDEXED, profile.weights.items(), key=lambda item: item[1])
        weights = {str(token): weight for token, weight in strongest}
        features.append(
            _Features(
                source=number, index=0, text="", weights=weights, mass=sum(weights.values()) or 1.0, words=0, unit=1.0
            )
        )
    return _candidates(features, CANDIDATES, progress)


class _Groups:
    """Union-find over articles; a merge of groups must hold together (median similarity across)."""

    def __init__(self, profiles: Sequence[_Profile]):
        self.profiles = profiles
        self.parent = list(range(len(profiles)))
        self.members: dict[int, list[int]] = {n: [n] for n in range(len(profiles))}
        self.known: dict[tuple[int, int], float] = {}

    def find(self, n: int) -> int:
        while self.parent[n] != n:
            self.parent[n] = self.parent[self.parent[n]]
            n = self.parent[n]
        return n

    def score(self, a: int, b: int) -> float:
        key = (a, b) if a < b else (b, a)
        value = self.known.get(key)
        if value is None:
            value = self.known[key] = similarity(self.profiles[a], self.profiles[b])
        return value

    def merge(self, a: int, b: int) -> bool:
        x, y = self.find(a), self.find(b)
        if x == y:
            return False
        left, right = self.members[x][:SAMPLE], self.members[y][:SAMPLE]
        if len(left) + len(right) > 2 and median(self.score(i, j) for i in left for j in right) < COHESION:
            return False
        if len(self.members[x]) < len(self.members[y]):
            x, y = y, x
        self.parent[y] = x
        self.members[x].extend(self.members.pop(y))
        return True


def _cluster(profiles: Sequence[_Profile], progress: Progress | None) -> _Groups:
    groups = _Groups(profiles)
    pairs = _candidate_pairs(profiles, progress)
    scored = [(groups.score(i, j), i, j) for i, j in pairs]
    scored.sort(key=lambda item: (-item[0], item[1], item[2]))
    for score, i, j in scored:
        if score < THRESHOLD:
            break
        groups.merge(i, j)
    return groups


def _title(members: Sequence[int], articles: Sequence[Article], groups: _Groups, vocabulary: Mapping[str, int]) -> str:
    """The headline of the member most like the others; else the sentence of that member that shares
    the most with the others (an article alone: its first sentence)."""
    ranked = sorted(members, key=lambda n: (-sum(groups.score(n, m) for m in members if m != n), n))
    for n in ranked:
        if title := articles[n].title:
            return " ".join(title.split())
    lead = articles[ranked[0]]
    spans = sentence_spans(lead.body)
    if not spans:
        return lead.id
    own = groups.profiles[ranked[0]].weights
    others = [groups.profiles[m].weights for m in members if m != ranked[0]]

    def shared(span: tuple[int, int, int]) -> float:
        # Its words and capitalised words as tokens (a sentence needs no fuller reading to be ranked).
        text = lead.body[span[0] : span[1]]
        tokens = _word_tokens(text)[0].keys() | {"n:" + translit(w) for w in _LETTERS.findall(text) if w[0].isupper()}
        numbers = {vocabulary[token] for token in tokens if token in vocabulary}
        return sum(own.get(n, 0.0) for n in numbers if any(n in weights for weights in others))

    best = max(spans, key=shared) if others else spans[0]
    text = " ".join(lead.body[best[0] : best[1]].split())
    return text if len(text) <= TITLE_CHARS else text[: TITLE_CHARS - 1].rsplit(" ", 1)[0] + "…"


def read_pile(articles: Sequence[Article], progress: Progress | None = None) -> list[Reading]:
    """`read_article` for every article, reporting progress."""
    readings = []
    step = max(1, len(articles) // 50)
    for number, article in enumerate(articles):
        readings.append(read_article(article))
        if progress and number % step == 0:
            progress("reading", number, len(articles))
    if progress:
        progress("reading", len(articles), len(articles))
    return readings


def group_events(
    articles: Sequence[Article], readings: Sequence[Reading] | None = None, *, progress: Progress | None = None
) -> tuple[Event, ...]:
    """Group articles into events: every article in exactly one; the most covered first.

    Ties keep the input order (of each event's first article). `readings` are the articles'
    `read_article` results when the caller has them (read in parallel); `progress` is called with
    (step, done, total) while the pile is read and compared.
    """
    if not articles:
        return ()
    if readings is None:
        readings = read_pile(articles, progress)
    profiles, vocabulary = _profiles(readings, [article.published for article in articles])
    groups = _cluster(profiles, progress)
    clusters = [sorted(members) for members in groups.members.values()]
    clusters.sort(key=lambda members: (-len(members), members[0]))
    events = []
    for members in clusters:
        sources = tuple(articles[n].id for n in members)
        dates = sorted(d for n in members if (d := articles[n].published) is not None)
        events.append(
            Event(
                id=event_id(sources),
                title=_title(members, articles, groups, vocabulary),
                sources=sources,
                first=dates[0] if dates else None,
                last=dates[-1] if dates else None,
            )
        )
    return tuple(events)
