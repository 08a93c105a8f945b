"""Cross-source sentence alignment: which sentences of different outlets report the same thing.

News coverage reorders, paraphrases and shares only part of its content, so this is neither a line
diff nor a monotone (Gale–Church) aligner. The steps:

1. Features per sentence: a bag of stemmed content words with digits masked (news paraphrases and set
   phrases read as one word: killed/died, sacked/ousted, touched down/landed, chief executive/CEO —
   `spacereader.engine.paraphrase`), plus evidence tokens —
   numbers by value and with a guessed kind (age, money, year, date ...) and the names next to them,
   entity ids from the name linker (so "Yuliya" and "Yulia" Peresild meet), and facts as (attribute,
   entity) tokens: the same attribute of the same person is evidence even when the values conflict.
   Every token is weighted by its IDF over the sentences being aligned, so rare words and shared
   names count for more than common words; below the number of sentences that may report one
   statement (a few, or hundreds when hundreds of articles retell one story) rarity counts no more.
   Identical sentences (wire copy, a quote every outlet repeats) are one node: read, indexed and
   scored once.
2. Candidates: an inverted index over those tokens (very common ones skipped) proposes, for each
   sentence, the few sentences of other sources with the most weighted overlap. No N×N matrix; the
   members of a node share out its links, so pairs grow with the sentences, not with their repeats.
3. Scores: rapidfuzz `token_set_ratio` on digit-masked text, guarded against the subset trap (a short
   sentence whose words all occur in a long one scores 100), blended with the IDF-weighted overlap.
   Then a second look at each pair of articles about one event adds its context: its rank among each
   sentence's candidates in the other's source and its margin over the runner-up, the plain words it
   shares besides names, a sum or count both give, a figure of one measure both state (the facts'
   `measure`), whether both open their articles (headlines and leads state the news), and how near the
   two sit in their articles.
4. Rows: constrained greedy clustering — mutual best pairs first (so a generic sentence cannot take a
   source's place in a row before the right one), then the rest by descending score; a
   merge that would put two sentences of one source into a row is refused unless they are adjacent and
   together match one sentence of another source, or one repeats the other. Merges of bigger groups
   must also hold together on average (no chaining through one loose pair). Mutual best pairs a little
   under the threshold count only between articles about one event (articles linked by strong pairs).
   A second pass lets a sentence left alone join a row that two or more other sources already agree
   on, when it matches the whole row fairly well and better than anything else. A row is judged by
   its first SAMPLE_CELLS cells, so a row of hundreds of sources costs no more than one of ten.
5. Order: rows follow the pivot's reading order; the others go where the median relative position of
   their sentences puts them. Word differences are computed per row by `spacereader.engine.wordiff`.
"""

from __future__ import annotations

import dataclasses
import functools
import heapq
import itertools
import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from statistics import median, median_low

from rapidfuzz import fuzz

from spacereader.engine import paraphrase
from spacereader.engine.numbers import NUMBER_WORDS, read_digits
from spacereader.engine.wordiff import row_differences
from spacereader.model import Fact, Mention, Row, Sentence

Progress = Callable[[str, int, int], None]

#: Default score a pair needs to share a row (0-100), after the second look (`_second_look`), measured
#: (tests/bench/bench_align_real.py, bench_align.py): labelled real coverage, 18 tuning events, precision/recall
#: 0.82/0.46 (0.78/0.43 before leads, measures and OUTSIDE; rapidfuzz greedy at 50: 0.20/0.42); the written
#: tuning sets (seeds, bridge, quake) 0.97/0.63, held-out written sets 0.97/0.51; the synthetic clusters
#: 0.96/0.96 (10 articles), 0.96/0.98 (100). Lower thresholds add a little real recall for a false pair in
#: every few; precision first.
DEFAULT_THRESHOLD = 60.0
#: Sentences of other sources kept as candidates per sentence (the rest are never scored).
CANDIDATES_PER_SENTENCE = 10
#: ... but the members of a node of identical sentences share out NODE_LINKS links, at least
#: LINKS_PER_MEMBER each (a sentence that hundreds of sources repeat verbatim needs no more pairs).
NODE_LINKS, LINKS_PER_MEMBER = 30, 2
#: How many postings of the inverted index one sentence may visit to find its candidates.
POSTINGS_BUDGET = 300
#: Weights of the score's parts: guarded token_set_ratio (0-100), IDF cosine, shared IDF weight.
W_TEXT, W_COSINE, W_SHARED, SHARED_HALF = 0.3, 35.0, 35.0, 2.0
#: A split: the joined pair must beat the better half by SPLIT_GAIN (or by 45% of its distance to
#: 100), the weaker half reach SPLIT_PART × threshold on its own and bring SPLIT_NEW of the other
#: sentence's weight that the better half lacks.
SPLIT_GAIN, SPLIT_PART, SPLIT_NEW = 12.0, 0.75, 0.2
#: Pairs between two articles with fewer strong pairs than AFFINITY × what each shares with its
#: closest article are multiplied by STRANGER (articles about another event, given in the same run).
AFFINITY, STRANGER = 0.25, 0.8
#: Up to this many sentences, a word may be one statement every source reports (more with many retellings).
FLOOR = 6
#: The rarest word two sentences share must weigh this share of a statement-specific word's weight.
RARE_SHARE = 0.95
#: How much more a figure's kind next to a name ("Peresild, 36," → age of peresild) weighs than a word.
EVIDENCE = 3.0
#: Facts as evidence besides (attribute, entity): the same kind of figure ("count: person killed"),
#: and the same resolved date, sum or duration ("on Tuesday" and "March 4" are one day).
FACT_CONTEXT = True
FACT_VALUES = True
#: A second look at each candidate pair of two sources, in score points added to it: W_RANK / its worse
#: rank among each sentence's candidates in the other's source (1: each other's best), W_MARGIN × how far
#: it stands above the better runner-up (at most MARGIN_CAP points), W_CONTENT × the plain words it shares
#: (not names, figures or evidence) in statement-word units, W_FIGURE when it shares a figure (a sum or a
#: count from ten), W_POSITION × how near the two sit in their articles (1: the same relative place);
#: less CONTEXT, so that the threshold keeps its place. A logistic blend of these fitted on the tuning
#: sets' labels (python -m tests.bench.bench_align_signals --combine), in score points.
W_RANK, W_MARGIN, MARGIN_CAP, W_CONTENT, W_FIGURE, W_POSITION, CONTEXT = 22.0, 0.4, 25.0, 7.5, 36.0, 23.0, 60.0
#: ... W_LEAD when both open their articles (among the first LEAD_SENTENCES: a headline and its lead state
#: the news), W_MEASURE when both state a figure of one measure (the facts' `measure`: "killed", "cost").
#: The blend refitted with these two (on the twelve older real events) gives W_LEAD 39, W_MEASURE 24 and
#: CONTEXT 79; those cost the written sets and the seeds pinned pairs, so they sit lower, set by hand and
#: checked on the six newer real events, which the fit never saw.
W_LEAD, LEAD_SENTENCES, W_MEASURE = 25.0, 2, 15.0
#: A pair that is no candidate of either sentence (scored only when a merge asks) counts this much less: it
#: had no second look, and sentences that are not among each other's closest rarely report one statement
#: (quotes of one speaker, two captions of one photo agency would otherwise join through a third sentence).
OUTSIDE = 30.0
#: A merge of two groups needs their sentences to score this share of the threshold on average (the
#: whole threshold when two of their sources are articles about different events, as `_events` groups them).
COHESION = 0.7
#: Two sentences that are each other's best match in the other's article share a row from LOW ×
#: threshold on (paraphrases share few words, but more with each other than with the rest).
LOW = 0.85
#: Second pass: a lone sentence joins a row of two or more sources from JOIN × threshold (its mean score
#: with the row's cells), when it scores at least JOIN_FLOOR × threshold with every cell and at least
#: JOIN_PREFERRED of the row's sentences like it best in its source (tests/bench/bench_align_real.py).
JOIN, JOIN_FLOOR, JOIN_PREFERRED = 0.75, 0.5, 0.5
#: ... and shares with each cell JOIN_WORDS × a statement-specific word's weight besides names.
JOIN_WORDS = 1.0
#: Rows are compared by their first few cells (a row of hundreds of retellings is sampled, not read whole).
SAMPLE_CELLS = 10
#: Two sentences of one source count as a repeat of one statement from this similarity of their text on.
REPEAT_THRESHOLD = 88.0

_WORD = re.compile(r"\d+(?:[.,:]\d+)*(?:st|nd|rd|th|m|bn|k)?(?![^\W_])|[^\W_]+(?:[’'.\-][^\W_]+)*")
_SCALE = {
    "m": 1e6,
    "mn": 1e6,
    "million": 1e6,
    "millions": 1e6,
    "bn": 1e9,
    "billion": 1e9,
    "billions": 1e9,
    "k": 1e3,
    "thousand": 1e3,
    "crore": 1e7,
    "crores": 1e7,
    "lakh": 1e5,
    "trillion": 1e12,
}
_DIGITS = re.compile(r"\d+")
_PLAIN_NUMBER = re.compile(r"(\d+(?:[.,:]\d+)*)(st|nd|rd|th|m|bn|k)?")

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had has
    have having he her here hers herself him himself his how i if in into is it its itself just me more
    most my myself no nor not now of off on once only or other our ours ourselves out over own same she
    should so some such than that the their theirs them themselves then there these they this those
    through to too under until up very was we were what when where which while who whom why will with
    would you your yours yourself yourselves said says say told according mr mrs ms one ones s t
    there's it's that's he's she's who's i'm we're they're don't doesn't didn't won't can't isn't wasn't
    thus however still yet already even ever since though although whether upon onto per via among
    within without across toward towards amid around""".split()
)

_MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_MONEY_WORDS = frozenset(
    "dollar dollars usd euro euros eur pound pounds rupee rupees rs inr crore crores lakh million millions "
    "billion billions bn mn trillion yen yuan ruble rubles roubles $ € £ ¥ ₹".split()
)
_DURATION_WORDS = frozenset(
    "second seconds minute minutes hour hours day days week weeks month months year years".split()
)


#: Frequent news paraphrases, each read as one word (in the bag of words and in the text rapidfuzz
#: compares): `spacereader.engine.paraphrase`.
_SYNONYM = paraphrase.WORDS


@dataclass(frozen=True, slots=True)
class _Features:
    """What the scorer needs of one sentence."""

    source: int
    index: int
    text: str  # lower-cased, digits masked, words joined by single spaces
    weights: Mapping[str, float]  # token -> IDF weight (content words and evidence tokens)
    mass: float  # sum of the weights
    words: int  # number of words in the text
    unit: float  # the weight of a word that only the sentences of one statement share
    node: int = -1  # identical sentences (same text, same evidence) share a node and these features


@functools.lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    """A light English suffix stripper: enough to meet 'launched'/'launch', 'cities'/'city', 'cause'/'caused'."""
    if len(word) <= 3 or not word.isalpha():
        return word
    for suffix, replacement, minimum in (
        ("ies", "y", 5),
        ("ied", "y", 5),
        ("sses", "ss", 6),
        ("ing", "", 6),
        ("ed", "", 5),
        ("ches", "ch", 6),
        ("shes", "sh", 6),
        ("xes", "x", 5),
        ("s", "", 4),
    ):
        if word.endswith(suffix) and len(word) >= minimum and not word.endswith(("ss", "us", "is")):
            word = word[: len(word) - len(suffix)] + replacement
            break
    # A final silent e goes too, so that the stripped and the plain form meet ('caus', 'injur').
    return word[:-1] if len(word) > 4 and word.endswith("e") else word


def _number_value(token: str, scale: str = "") -> str | None:
    """The value of a number as written ('21,000', '4.2m', 'twelve', '1st'), as a canonical string."""
    if token in NUMBER_WORDS:
        return str(NUMBER_WORDS[token])
    match = _PLAIN_NUMBER.fullmatch(token)
    if not match:
        return None
    digits, suffix = match.group(1), match.group(2) or ""
    if ":" in digits:  # a time of day
        return digits
    value = read_digits(digits)
    if value is None:  # "1.2.3", "12.5.2021": not one number, but the same text is the same evidence
        return digits
    value *= _SCALE.get(suffix, 1.0) * _SCALE.get(scale, 1.0)
    return f"{value:.12g}"


def _number_tokens(text: str) -> set[str]:
    """Evidence tokens for the numbers of a sentence: its value, and its value with a guessed kind."""
    tokens: set[str] = set()
    lower = text.lower()
    words = [(m.group(0), m.start(), m.end()) for m in _WORD.finditer(lower)]
    for position, (word, start, end) in enumerate(words):
        head = word.split("-", 1)[0]
        nxt = words[position + 1][0] if position + 1 < len(words) else ""
        value = _number_value(head, nxt)
        if value is None:
            continue
        after = lower[end : end + 16]
        before = lower[max(0, start - 3) : start]
        prev = words[position - 1][0] if position else ""
        if "year-old" in word or after.startswith(("-year-old", " year-old", " years old", "-years-old")):
            kind = "age"
        elif re.search(r"[$€£¥₹]\s*$", before) or nxt in _MONEY_WORDS or prev in _MONEY_WORDS:
            kind = "money"
        elif nxt in _MONTHS or prev in _MONTHS:
            kind = "date"
        elif ":" in head:
            kind = "time"
        elif len(head) == 4 and head.isdigit() and 1800 <= int(head) <= 2100:
            kind = "year"
        elif nxt in _DURATION_WORDS:
            kind = "duration"
        elif after.startswith((",", ")")) and before.endswith((", ", "(")):
            kind = "age"  # "Yulia Peresild, 36," / "Peresild (36)"
        else:
            kind = "count"
        tokens.add(f"#{value}")
        tokens.add(f"#{kind}:{value}")
        tokens.add(f"#{kind}")
        if kind != "count":
            # The same attribute of the same name ("37-year-old actress Yuliya Peresild" / "Peresild,
            # 36,") is evidence of the same statement even when the values conflict.
            for name in _names_near(text, start, end):
                tokens.add(f"#{kind}@{name}")
    return tokens


_CAPITALISED = re.compile(r"\b[A-Z][\w’'-]*[a-z][\w’'-]*")


def _names_near(text: str, start: int, end: int) -> set[str]:
    """Capitalised words (not sentence-initial) within a few words either side of text[start:end]."""
    names = set()
    window_start = max(0, start - 40)
    for match in _CAPITALISED.finditer(text, window_start, min(len(text), end + 40)):
        if match.start() == 0:
            continue
        word = match.group(0).lower().removesuffix("’s").removesuffix("'s")
        if word not in STOPWORDS and word not in _MONTHS and word not in _MONEY_WORDS and word not in _WEEKDAYS:
            names.add(word)
    return names


def _text_tokens(text: str) -> tuple[str, dict[str, int], int]:
    """Masked text for rapidfuzz, the raw (unweighted) token counts of a sentence's words, its word count."""
    words = [m.group(0).lower().replace("’", "'") for m in _WORD.finditer(text)]
    words = paraphrase.canonical_words(words)
    masked = " ".join(_DIGITS.sub("0", w) for w in words)
    bag: dict[str, int] = defaultdict(int)
    numeric = False
    for word in words:
        if word.endswith("'s"):
            word = word[:-2]
        if word in STOPWORDS or len(word) < 2:
            continue
        if word[0].isdigit() or word in NUMBER_WORDS:
            numeric = True
            if _number_value(word) is not None:
                continue
        if "-" in word and not any(c.isdigit() for c in word):
            for part in word.split("-"):
                if part and part not in STOPWORDS:
                    bag[_stem(part)] += 1
        else:
            bag[_stem(_DIGITS.sub("0", word) if numeric else word)] += 1
    if numeric:
        for token in sorted(_number_tokens(text)):
            bag[token] += 1
    return masked, bag, len(words)


def _evidence_tokens(bag: dict[str, int], facts: Iterable[Fact], mentions: Iterable[Mention]) -> None:
    """Add the tokens of a sentence's names and facts to its bag."""
    for mention in mentions:
        bag[f"@{mention.entity}"] += 1
    for fact in facts:
        if fact.entity and fact.attribute == "age":  # the same person's age, whatever the values say
            bag[f"!{fact.attribute}@{fact.entity.lower()}"] += 1
        if FACT_CONTEXT and fact.context and fact.attribute != "name":  # people killed, vehicles a day
            context = " ".join(_SYNONYM.get(word, word) for word in fact.context.split())
            bag[f"~{fact.attribute}:{context}"] += 1
        if FACT_VALUES and fact.normalized is not None and fact.attribute in ("date", "money", "duration"):
            bag[f"={fact.attribute}:{fact.normalized!r}"] += 1


# ── candidate generation and scoring ───────────────────────────────────────────────────────────────


def _candidates(features: Sequence[_Features], per_sentence: int, progress: Progress | None) -> set[tuple[int, int]]:
    """Pairs (i < j) worth scoring: the sentences with the most weighted token overlap with each one.

    The index is over nodes (identical sentences are one node, found once). Each sentence is paired
    with up to `per_sentence` sentences of other sources, one from each of the closest nodes (and the
    next sentence of its own node), and with those of the 3 closest sentences of its own source that
    repeat it.
    """
    if any(feature.node < 0 for feature in features):  # features made elsewhere (events): each its own node
        features = [dataclasses.replace(feature, node=number) for number, feature in enumerate(features)]
    # The sentences of each node (nodes are numbered 0, 1, ... as `_prepare` numbers them).
    members: list[list[int]] = [[] for _node in range(max((feature.node for feature in features), default=-1) + 1)]
    for number, feature in enumerate(features):
        members[feature.node].append(number)
    postings: dict[str, list[int]] = defaultdict(list)
    for node, group in enumerate(members):
        for token in features[group[0]].weights:
            postings[token].append(node)
    by_source: dict[int, list[int]] = defaultdict(list)
    node_sources: list[dict[int, list[int]]] = [{} for _group in members]
    for number, feature in enumerate(features):
        by_source[feature.source].append(number)
        node_sources[feature.node].setdefault(feature.source, []).append(number)
    root_mass = [math.sqrt(features[group[0]].mass) for group in members]
    # A token in more nodes than this says little about which ones match; skipping it bounds the
    # work on big inputs (for a few articles nothing is skipped).
    cap = max(200, len(members) // 50)
    pairs: set[tuple[int, int]] = set()
    total = len(members)
    step = max(1, total // 50)
    for node, group in enumerate(members):
        feature = features[group[0]]
        # Rarest tokens first, until a budget of postings is spent: the rare words a sentence shares
        # with its true partners find them; the common ones would mostly add work.
        overlap: dict[int, float] = defaultdict(float)
        visited = 0
        for token in sorted(feature.weights, key=lambda token: (len(postings[token]), token)):
            posting = postings[token]
            if len(posting) > cap or (visited and visited + len(posting) > POSTINGS_BUDGET):
                break
            visited += len(posting)
            weight = feature.weights[token]
            for other in posting:
                overlap[other] += weight
        overlap.pop(node, None)
        closeness = functools.partial(_closeness, overlap, root_mass)
        # The closest nodes; the whole ranking only when a sentence goes further down (rare).
        ranked = heapq.nlargest(2 * per_sentence, overlap, key=closeness)
        # The members of a node have the same close nodes: they share out NODE_LINKS links to them
        # (taking turns), so that a sentence told alike by hundreds of sources does not cost hundreds
        # of times as many pairs. A lone sentence (or one of a few) links to `per_sentence` nodes.
        share = max(LINKS_PER_MEMBER, min(per_sentence, -(-NODE_LINKS // len(group))))
        for position, number in enumerate(group):
            source = features[number].source
            # The next identical sentence of another source (the closest there is): a node is a chain.
            found = int(_link(pairs, number, members[node], position + 1, features, source))
            # Members take turns over the closest nodes, then go down the list if those are of their source.
            start, window, turn = position * share, min(len(ranked), per_sentence), 0
            while found < share:
                if turn == len(ranked):
                    if len(ranked) == len(overlap):
                        break
                    ranked = sorted(overlap, key=closeness, reverse=True)
                other = ranked[(start + turn) % window if turn < window else turn]
                found += _link(pairs, number, members[other], position, features, source)
                turn += 1
            # Of its own source, the sentences that repeat it (the only same-source pairs that count).
            for other in _repeat_candidates(number, overlap, closeness, by_source[source], node_sources, features):
                pairs.add((number, other) if number < other else (other, number))
        if progress and node % step == 0:
            progress("candidates", node, total)
    if progress:
        progress("candidates", total, total)
    return pairs


def _repeat_candidates(
    number: int,
    overlap: Mapping[int, float],
    closeness: Callable[[int], tuple[float, int]],
    own: Sequence[int],
    node_sources: Sequence[Mapping[int, Sequence[int]]],
    features: Sequence[_Features],
) -> list[int]:
    """Of the 3 closest sentences of a sentence's own source (identical ones first), those that repeat it."""
    node, source = features[number].node, features[number].source
    same = [(math.inf, partner) for partner in node_sources[node][source] if partner != number]
    if len(own) > len(overlap):
        same += [(closeness(other)[0], partner) for other in overlap for partner in node_sources[other].get(source, ())]
    else:
        same += [
            (closeness(features[partner].node)[0], partner) for partner in own if features[partner].node in overlap
        ]
    text = features[number].text
    return [
        other
        for _weight, other in heapq.nlargest(3, same)
        if fuzz.ratio(text, features[other].text, score_cutoff=REPEAT_THRESHOLD)
    ]


def _closeness(overlap: Mapping[int, float], root_mass: Sequence[float], other: int) -> tuple[float, int]:
    """How close a node is by the overlap found (then by its number, as ties were always broken)."""
    return overlap[other] / root_mass[other], other


def _link(
    pairs: set[tuple[int, int]],
    number: int,
    others: Sequence[int],
    turn: int,
    features: Sequence[_Features],
    source: int,
) -> bool:
    """Pair a sentence with one of `others` of another source, starting at `turn` (they take turns)."""
    for step in range(len(others)):
        partner = others[(turn + step) % len(others)]
        if features[partner].source != source:
            pairs.add((number, partner) if number < partner else (partner, number))
            return True
    return False


def _overlap(a: _Features, b: _Features) -> tuple[float, float, float]:
    """IDF-weighted overlap of two bags: (cosine-like, the shared weight, the rarest shared token's weight)."""
    small, large = (a.weights, b.weights) if len(a.weights) <= len(b.weights) else (b.weights, a.weights)
    shared = rarest = 0.0
    for token, weight in small.items():
        if token in large:
            shared += weight
            if weight > rarest:
                rarest = weight
    if not shared:
        return 0.0, 0.0, 0.0
    return shared / math.sqrt(a.mass * b.mass), shared, rarest


def _combine(text_score: float, a: _Features, b: _Features) -> float:
    """One 0-100 score from the text similarity and the weighted overlap of two sentences."""
    cosine, shared, rarest = _overlap(a, b)
    # token_set_ratio is 100 when one sentence's words are a subset of the other's: scale it by how
    # much of the longer sentence the shorter one actually covers.
    shorter, longer = sorted((a.words, b.words))
    balance = min(1.0, (shorter / longer) / 0.5) if longer else 0.0
    guarded = text_score * (0.5 + 0.5 * balance)
    # Shared rare words count in themselves too: a long sentence restating a short one shares few of
    # its words, but the ones it shares (names, places, figures) are rare.
    # A word only the sentences of one statement share weighs `unit`; of two sentences, the stricter.
    unit = max(a.unit, b.unit)
    half = SHARED_HALF * unit
    score = W_TEXT * guarded + W_COSINE * min(1.0, 1.25 * cosine) + W_SHARED * shared / (shared + half)
    # Two reports of one statement share at least one rare word (a name, a place, a figure); sentences
    # that share only common ones follow the same pattern, not the same event.
    return score * min(1.0, rarest / (RARE_SHARE * unit)) if RARE_SHARE else score


def _node_score(a: _Features, b: _Features, node_scores: dict[tuple[int, int], float]) -> float:
    """The score of two sentences, computed once per two nodes (identical sentences score alike)."""
    key = (a.node, b.node) if a.node < b.node else (b.node, a.node)
    value = node_scores.get(key)
    if value is None:
        value = node_scores[key] = _combine(_text_score(a.text, b.text), a, b)
    return value


def _score_pairs(
    features: Sequence[_Features], pairs: Sequence[tuple[int, int]], progress: Progress | None
) -> dict[tuple[int, int], float]:
    """The score of each candidate pair; the text of two nodes is compared once, in bulk."""
    first: dict[tuple[int, int], tuple[int, int]] = {}
    for i, j in pairs:
        a, b = features[i].node, features[j].node
        first.setdefault((a, b) if a < b else (b, a), (i, j))
    text_scores = _text_scores(features, list(first.values()), progress)
    by_node = {
        key: _combine(text_score, features[i], features[j])
        for (key, (i, j)), text_score in zip(first.items(), text_scores, strict=True)
    }
    del first, text_scores
    scores = {}
    for i, j in pairs:
        a, b = features[i].node, features[j].node
        scores[i, j] = by_node[(a, b) if a < b else (b, a)]
    return scores


def _text_score(a: str, b: str) -> int:
    return int(fuzz.token_set_ratio(a, b) + 0.5)


def _text_scores(
    features: Sequence[_Features], pairs: Sequence[tuple[int, int]], progress: Progress | None = None
) -> list[float]:
    """token_set_ratio for each pair, as whole numbers.

    With numpy installed, rapidfuzz's `process.cpdist` scores the pairs on all cores into a uint8
    array; without it (numpy is not a dependency) the same C++ scorer runs pair by pair, rounded the
    same way. Scoring only the candidate pairs keeps this linear: no N×N matrix (`cdist`) is built.
    """
    try:
        import numpy as np
        from rapidfuzz import process
    except ImportError:  # pragma: no cover - depends on the environment
        np = None
    scores: list[float] = []
    chunk = 10_000
    if progress:
        progress("scoring", 0, len(pairs))
    for begin in range(0, len(pairs), chunk):
        block = pairs[begin : begin + chunk]
        if np is not None:
            left = [features[i].text for i, _ in block]
            right = [features[j].text for _, j in block]
            scores.extend(process.cpdist(left, right, scorer=fuzz.token_set_ratio, workers=-1, dtype=np.uint8).tolist())
        else:
            scores.extend(_text_score(features[i].text, features[j].text) for i, j in block)
        if progress:
            progress("scoring", min(begin + chunk, len(pairs)), len(pairs))
    return scores


# ── clustering ─────────────────────────────────────────────────────────────────────────────────────


class _Clusters:
    """Union-find over sentences where each cluster remembers its sentences per source."""

    def __init__(self, features: Sequence[_Features], score: Callable[[int, int], float], threshold: float):
        self.features = features
        self.parent = list(range(len(features)))
        self.members: dict[int, dict[int, list[int]]] = {n: {feature.source: [n]} for n, feature in enumerate(features)}
        self.allowed: set[tuple[int, int]] = set()  # same-source pairs that may share a row
        self.score = score
        self.threshold = threshold
        self.edge_scores: dict[int, list[float]] = defaultdict(list)
        self.events: Sequence[int] = ()  # per source, its event (`_events`)
        self.nodes: dict[int, set[int]] = {}  # root of a group of several sentences -> their nodes

    def _nodes(self, root: int) -> set[int]:
        """The nodes of a group's sentences (a lone sentence's is not stored)."""
        return self.nodes.get(root) or {self.features[root].node}

    def _repeated(self, x: int, y: int) -> bool:
        """Whether one group is a lone sentence identical to a sentence of the other (no new evidence)."""
        for lone, group in ((y, x), (x, y)):
            cells = self.members[lone]
            if len(cells) == 1 and len(next(iter(cells.values()))) == 1:
                return self.features[lone].node in self._nodes(group)
        return False

    def find(self, n: int) -> int:
        root = n
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[n] != root:
            self.parent[n], n = root, self.parent[n]
        return root

    def _compatible(self, x: int, y: int) -> bool:
        mx, my = self.members[x], self.members[y]
        if len(my) > len(mx):
            mx, my = my, mx
        for source, sentences in my.items():
            for a in mx.get(source, ()):
                for b in sentences:
                    if (min(a, b), max(a, b)) not in self.allowed:
                        return False
        return True

    def _cohesive(self, x: int, y: int) -> bool:
        """Bigger groups merge only when they match on average, not through one loose pair.

        Compared cell by cell: two sources' cells match as well as their best sentence pair does, so a
        sentence split in two by one source does not drag the average down.
        """
        mx, my = self.members[x], self.members[y]
        if len(mx) + len(my) <= 2 and sum(map(len, mx.values())) + sum(map(len, my.values())) <= 2:
            return True
        cells_x, cells_y = (
            list(itertools.islice(mx.items(), SAMPLE_CELLS)),
            list(itertools.islice(my.items(), SAMPLE_CELLS)),
        )
        table = {
            (sx, sy): max(self.score(a, b) for a in left[:3] for b in right[:3])
            for sx, left in cells_x
            for sy, right in cells_y
            if sx != sy
        }
        if not table:
            return True
        events = self.events
        cohesion = COHESION if not events or all(events[a] == events[b] for a, b in table) else 1.0
        return sum(table.values()) / len(table) >= cohesion * self.threshold

    def merge(self, a: int, b: int, score: float, *, cohesion: bool = True) -> bool:
        x, y = self.find(a), self.find(b)
        if x == y:
            return False
        if not self._compatible(x, y):
            return False
        # A sentence identical to one the group holds matches the group as that one does.
        if cohesion and not self._repeated(x, y) and not self._cohesive(x, y):
            return False
        if len(self.members[x]) < len(self.members[y]):
            x, y = y, x
        nodes_x, nodes_y = self._nodes(x), self.nodes.pop(y, None) or self._nodes(y)
        if len(nodes_x) < len(nodes_y):
            nodes_x, nodes_y = nodes_y, nodes_x
        nodes_x |= nodes_y
        self.nodes[x] = nodes_x
        self.parent[y] = x
        for source, sentences in self.members.pop(y).items():
            self.members[x].setdefault(source, []).extend(sentences)
        self.edge_scores[x].extend(self.edge_scores.pop(y, ()))
        self.edge_scores[x].append(score)
        return True


# ── the entry point ────────────────────────────────────────────────────────────────────────────────


def align(
    sentences_by_source: Mapping[str, Sequence[Sentence]],
    *,
    facts: Iterable[Fact] = (),
    mentions: Iterable[Mention] = (),
    pivot: str | None = None,
    threshold: float | None = None,
    progress: Progress | None = None,
) -> tuple[Row, ...]:
    """Align the sentences of several sources into rows; every sentence is in exactly one row.

    `facts` and `mentions` are optional evidence (same entity, same attribute, same or conflicting
    value). `pivot` (default: the first source) sets the row order and is the reference of word
    differences; `threshold` (0-100, default `DEFAULT_THRESHOLD`) is the score a pair needs to share a
    row. `progress` is called with (step, done, total). Word differences are read from the sentences'
    own text and offsets.
    """
    threshold = DEFAULT_THRESHOLD if threshold is None else float(threshold)
    source_ids = list(sentences_by_source)
    if not source_ids:
        return ()
    lead: str = pivot if pivot is not None and pivot in sentences_by_source else source_ids[0]
    facts = tuple(facts)
    sentence_list, features = _prepare(sentences_by_source, facts, mentions, progress)
    position = {(source_ids[f.source], f.index): n for n, f in enumerate(features)}

    pairs = sorted(_candidates(features, CANDIDATES_PER_SENTENCE, progress))
    scores = _score_pairs(features, pairs, progress)
    del pairs
    node_scores: dict[tuple[int, int], float] = {}  # pairs outside the candidates, scored when asked
    if progress:
        progress("pairs", 0, len(scores))
    links = _links(features, scores, threshold)
    events = _events(features, links)
    if AFFINITY:
        _discount_strangers(features, scores, links)

    def score(a: int, b: int) -> float:
        key = (a, b) if a < b else (b, a)
        value = scores.get(key)
        if value is None:
            value = _node_score(features[a], features[b], node_scores) - OUTSIDE
        return value

    clusters = _Clusters(features, score, threshold)
    clusters.events = events
    # Rows are built on a second look at each candidate pair (its context added to its own score);
    # a split sentence is judged on the own scores of its halves.
    own = dict(scores) if CONTEXT else scores
    if CONTEXT:
        measures = _measures(features, source_ids, facts) if W_MEASURE else []
        scores.update(_second_look(features, own, sentence_list, links, progress, measures))
    best = _best_partners(features, scores)
    edges = _edges(features, scores, best, threshold, clusters, events, progress, raw=own)
    step = max(1, len(edges) // 50)
    for number, (_priority, edge_score, members) in enumerate(edges):
        if len(members) == 2:
            clusters.merge(members[0], members[1], edge_score)
        # A split sentence: its second half follows the first, on the strength of the joined score.
        elif clusters.merge(members[0], members[1], edge_score):
            clusters.merge(members[0], members[2], edge_score, cohesion=False)
        if progress and number % step == 0:
            progress("rows", number, len(edges))
    if progress:
        progress("rows", len(edges), len(edges))
    if JOIN:
        if progress:
            progress("joining", 0, 1)
        _join_rows(features, scores, best, clusters, score, threshold, events, sentence_list)

    groups = {clusters.find(n) for n in range(len(features))}
    rows = []
    for root in groups:
        cells = {
            source_ids[source]: tuple(sorted(features[n].index for n in members))
            for source, members in clusters.members[root].items()
        }
        edge_scores = clusters.edge_scores.get(root)
        rows.append((cells, round(sum(edge_scores) / len(edge_scores), 1) if edge_scores else None))
    ordered = _order(rows, lead, {s: len(sentences_by_source[s]) for s in source_ids}, source_ids)
    by_index = {source: {s.index: s for s in group} for source, group in sentences_by_source.items()}
    result = []
    done, step = 0, max(1, len(features) // 50)
    for number, (cells, row_score) in enumerate(ordered):
        reference = _reference(cells, lead, lambda a, b: score(position[a], position[b]))
        differences = row_differences(cells, reference, by_index) if len(cells) > 1 else {}
        result.append(Row(id=number, cells=cells, score=row_score, reference=reference, differences=differences))
        size = sum(map(len, cells.values()))
        if progress and (done + size) // step != done // step:
            progress("differences", done + size, len(features))
        done += size
    if progress:
        progress("differences", len(features), len(features))
    return tuple(result)


def _join_rows(
    features: Sequence[_Features],
    scores: Mapping[tuple[int, int], float],
    best: Mapping[tuple[int, int], tuple[float, int]],
    clusters: _Clusters,
    score: Callable[[int, int], float],
    threshold: float,
    events: Sequence[int],
    sentences: Sequence[Sentence],
) -> None:
    """A second pass: a sentence left alone joins a row that two or more other sources already agree on.

    A row of several sources is corroborated: a paraphrase of it that shares few words with each of
    its sentences ("14 injured" / "12 taken to hospital") still matches them all a little, and better
    than it matches anything else. The lone sentence joins when its mean score with the row's cells
    reaches JOIN × threshold (and JOIN_FLOOR × threshold with each cell), the row is its best, at least
    JOIN_PREFERRED of the row's sentences rank it first in its source, and it is the row's best lone
    sentence of its source.
    """

    def alone(n: int) -> bool:
        cells = clusters.members[clusters.find(n)]
        return len(cells) == 1 and len(next(iter(cells.values()))) == 1

    lone = {n for n in range(len(features)) if alone(n)}
    if not lone:
        return
    neighbours: dict[int, set[int]] = defaultdict(set)
    floor = JOIN_FLOOR * threshold
    for (i, j), value in scores.items():
        if value >= floor and features[i].source != features[j].source:
            if i in lone:
                neighbours[i].add(j)
            if j in lone:
                neighbours[j].add(i)

    def words_shared(n: int, m: int) -> float:
        """The weight two sentences share besides names: what is said, not only who."""
        skip = _name_words(sentences[n].text) | _name_words(sentences[m].text)
        return _shared_besides(features[n], features[m], skip, "@!")

    best_row: dict[int, tuple[float, int]] = {}
    for n in neighbours:
        source = features[n].source
        for root in {clusters.find(m) for m in neighbours[n]}:
            cells = clusters.members[root]
            if source in cells or len(cells) < 2 or any(events[other] != events[source] for other in cells):
                continue
            sample = list(itertools.islice(cells.values(), SAMPLE_CELLS))
            values = [max(score(n, m) for m in members[:3]) for members in sample]
            if min(values) < floor:
                continue
            if JOIN_WORDS and any(
                max(words_shared(n, m) for m in members[:3]) < JOIN_WORDS * features[n].unit for members in sample
            ):
                continue
            preferred = sum(best.get((m, source), (0, -1))[1] == n for members in sample for m in members)
            if preferred < JOIN_PREFERRED * sum(map(len, sample)):
                continue
            mean = sum(values) / len(values)
            if mean >= JOIN * threshold and mean > best_row.get(n, (0.0, -1))[0]:
                best_row[n] = (mean, root)
    best_lone: dict[tuple[int, int], tuple[float, int]] = {}
    for n, (mean, root) in best_row.items():
        key = (root, features[n].source)
        if mean > best_lone.get(key, (0.0, -1))[0]:
            best_lone[key] = (mean, n)
    for (root, _source), (mean, n) in sorted(best_lone.items(), key=lambda item: -item[1][0]):
        clusters.merge(n, root, mean, cohesion=False)


#: Strong pairs per two sources, and per source its most strong pairs with any one other source.
Links = tuple[dict[tuple[int, int], int], dict[int, int]]


def _links(features: Sequence[_Features], scores: Mapping[tuple[int, int], float], threshold: float) -> Links:
    """Strong pairs (at the threshold) per two sources, and per source its most with any one other."""
    links: dict[tuple[int, int], int] = defaultdict(int)
    for (i, j), value in scores.items():
        a, b = features[i].source, features[j].source
        if a != b and value >= threshold:
            links[min(a, b), max(a, b)] += 1
    closest: dict[int, int] = defaultdict(int)
    for (a, b), count in links.items():
        closest[a] = max(closest[a], count)
        closest[b] = max(closest[b], count)
    return links, closest


def _events(features: Sequence[_Features], links_closest: Links) -> list[int]:
    """Which articles report one event: an event number per source.

    Two articles are linked when they share at least AFFINITY as many strong pairs (at the threshold)
    as either shares with its closest other article, and at least one; an event is a connected group
    of linked articles. Articles about one event share many statements, though not every two of them
    (an opinion piece and a wire report may share none while both share some with a third).
    """
    links, closest = links_closest
    sources = max((feature.source for feature in features), default=-1) + 1
    parent = list(range(sources))

    def find(n: int) -> int:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    for (a, b), count in links.items():
        if count >= AFFINITY * min(closest[a], closest[b]):
            parent[find(a)] = find(b)
    return [find(n) for n in range(sources)]


def _strangers(a: int, b: int, links_closest: Links) -> bool:
    """Whether two sources share fewer strong pairs than AFFINITY × what each shares with its closest other
    source (an article without a strong pair is a stranger to none)."""
    links, closest = links_closest
    return bool(closest[a] and closest[b]) and links.get((min(a, b), max(a, b)), 0) < AFFINITY * min(
        closest[a], closest[b]
    )


def _discount_strangers(
    features: Sequence[_Features], scores: dict[tuple[int, int], float], links_closest: Links
) -> None:
    """Lower the pairs between two articles that share almost nothing else.

    Given articles about several events at once, two articles about different events still have the
    odd look-alike pair of sentences ("Police said the investigation continues"). Articles about one
    event share many: a pair counts in full only when its two articles share at least AFFINITY as
    many strong pairs as each article shares with its closest other article. (Stricter than `_events`:
    two articles of one event that share little also share few doubtful pairs worth a row.)
    """
    for (i, j), value in scores.items():
        a, b = features[i].source, features[j].source
        if a != b and _strangers(a, b, links_closest):
            scores[i, j] = value * STRANGER


@functools.lru_cache(maxsize=65536)
def _name_words(text: str) -> frozenset[str]:
    """The words of the names in a sentence (capitalised, not sentence-initial), as the bag counts them."""
    return frozenset(
        _stem(word.lower().replace("’", "'").removesuffix("'s"))
        for match in _CAPITALISED.finditer(text)
        if match.start() and (word := match.group(0))
    )


def _shared_besides(a: _Features, b: _Features, skip: frozenset[str], evidence: str) -> float:
    """The weight two sentences share in tokens that are neither in `skip` nor start with one of `evidence`."""
    small, large = (a.weights, b.weights) if len(a.weights) <= len(b.weights) else (b.weights, a.weights)
    return sum(w for t, w in small.items() if t in large and t[0] not in evidence and t not in skip)


def _specific_figures(feature: _Features) -> frozenset[str]:
    """A sentence's figures that few other statements of a story give: sums and counts from ten.

    Durations are left out: "four months", "two years" recur across unrelated statements of one story.
    """
    figures = set()
    for token in feature.weights:
        if token.startswith(("=money:", "#money:")) or (
            token.startswith("#count:") and _is_number(token[7:]) and float(token[7:]) >= 10
        ):
            figures.add(token)
    return frozenset(figures)


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _measures(features: Sequence[_Features], source_ids: Sequence[str], facts: Iterable[Fact]) -> list[frozenset[str]]:
    """Per sentence, what its figures measure, by the facts' `measure` ("money:cost", "count:killed")."""
    number = {(source_ids[feature.source], feature.index): n for n, feature in enumerate(features)}
    found: dict[int, set[str]] = defaultdict(set)
    for fact in facts:
        n = number.get((fact.source, fact.sentence))
        if n is not None and fact.measure and fact.attribute != "name":
            found[n].add(f"{fact.attribute}:{fact.measure}")
    return [frozenset(found.get(n, ())) for n in range(len(features))]


def _second_look(
    features: Sequence[_Features],
    scores: Mapping[tuple[int, int], float],
    sentences: Sequence[Sentence],
    links_closest: Links,
    progress: Progress | None = None,
    measures: Sequence[frozenset[str]] = (),
) -> dict[tuple[int, int], float]:
    """What each candidate pair of two sources scores once its context is added (W_RANK ... CONTEXT).

    A pair's own words say only so much: two reports of one statement are also each other's best match
    in the other's article, by a margin; they share plain words besides the story's names; they often
    give one figure, or figures of one measure (`measures`, per sentence: `_measures`); the headlines and
    leads of articles about one event state its news; and news tells a story in much the same order. Pairs between two
    articles that share few strong pairs (strangers, as `_discount_strangers` reads them: likely about
    different events) keep their own scores: their ranks and places say nothing. An article with no
    strong pair at all is about no known other event: its pairs get the second look.
    """
    options: dict[tuple[int, int], list[tuple[float, int]]] = defaultdict(list)
    for (i, j), value in scores.items():
        if features[i].source != features[j].source:
            options[i, features[j].source].append((value, j))
            options[j, features[i].source].append((value, i))
    for ranked in options.values():
        ranked.sort(reverse=True)
    lengths: dict[int, int] = defaultdict(int)
    for feature in features:
        lengths[feature.source] += 1
    place = [(feature.index + 0.5) / lengths[feature.source] for feature in features]
    figures = [_specific_figures(feature) for feature in features]
    plains: list[dict[str, float] | None] = [None] * len(features)

    def plain(n: int) -> dict[str, float]:
        """The sentence's plain words: no names, figures or evidence tokens."""
        words = plains[n]
        if words is None:
            names = _name_words(sentences[n].text)
            words = plains[n] = {
                t: w for t, w in features[n].weights.items() if t[0] not in "@!#~=" and t not in names
            }
        return words

    def rank_and_runner_up(a: int, b: int) -> tuple[int, float]:
        ranked = options[a, features[b].source]
        if ranked[0][1] == b:
            return 1, ranked[1][0] if len(ranked) > 1 else 0.0
        return next(n for n, (_value, other) in enumerate(ranked, 1) if other == b), ranked[0][0]

    looked: dict[tuple[int, int], float] = {}
    total, step = len(scores), max(1, len(scores) // 20)
    for number, ((i, j), value) in enumerate(scores.items()):
        if progress and number % step == 0:
            progress("comparing", number, total)
        a, b = features[i].source, features[j].source
        if a == b or _strangers(a, b, links_closest):
            continue
        rank_i, runner_i = rank_and_runner_up(i, j)
        rank_j, runner_j = rank_and_runner_up(j, i)
        small, large = plain(i), plain(j)
        if len(small) > len(large):
            small, large = large, small
        content = sum(w for t, w in small.items() if t in large) / features[i].unit
        shared_figure = figures[i] and figures[j] and not figures[i].isdisjoint(figures[j])
        lead = features[i].index < LEAD_SENTENCES and features[j].index < LEAD_SENTENCES
        measure = bool(measures) and not measures[i].isdisjoint(measures[j])
        looked[i, j] = (
            value
            + W_RANK / max(rank_i, rank_j)
            + W_MARGIN * min(MARGIN_CAP, value - max(runner_i, runner_j))
            + W_CONTENT * content
            + (W_FIGURE if shared_figure else 0.0)
            + W_POSITION * (1 - abs(place[i] - place[j]))
            + (W_LEAD if lead else 0.0)
            + (W_MEASURE if measure else 0.0)
            - CONTEXT
        )
    if progress:
        progress("comparing", total, total)
    return looked


def _prepare(
    sentences_by_source: Mapping[str, Sequence[Sentence]],
    facts: Iterable[Fact],
    mentions: Iterable[Mention],
    progress: Progress | None = None,
) -> tuple[list[Sentence], list[_Features]]:
    """Every sentence in source order, with its features.

    Identical sentences (the same words and the same evidence: wire copy, a quote many outlets
    repeat) are one node and share their features, so that they are read, indexed and scored once.
    """
    source_number = {source: n for n, source in enumerate(sentences_by_source)}
    evidence_facts: dict[tuple[str, int], list[Fact]] = defaultdict(list)
    for fact in facts:
        evidence_facts[fact.source, fact.sentence].append(fact)
    evidence_mentions: dict[tuple[str, int], list[Mention]] = defaultdict(list)
    for mention in mentions:
        evidence_mentions[mention.source, mention.sentence].append(mention)

    sentences: list[Sentence] = []
    numbers: list[int] = []
    nodes: list[int] = []
    raw: list[tuple[str, dict[str, int], int]] = []  # per node
    node_of: dict[str | tuple[str, tuple[tuple[str, int], ...]], int] = {}  # its text (and evidence) -> node
    step = max(1, len(sentences_by_source) // 20)
    for number, source in enumerate(sentences_by_source):
        if progress and number % step == 0:
            progress("reading", number, len(sentences_by_source))
        for sentence in sentences_by_source[source]:
            sentences.append(sentence)
            numbers.append(source_number[source])
            key = (source, sentence.index)
            evidence: dict[str, int] = defaultdict(int)
            if key in evidence_facts or key in evidence_mentions:
                _evidence_tokens(evidence, evidence_facts.get(key, ()), evidence_mentions.get(key, ()))
            identity = (sentence.text, tuple(sorted(evidence.items()))) if evidence else sentence.text
            node = node_of.get(identity)
            if node is None:
                node = node_of[identity] = len(raw)
                masked, bag, words = _text_tokens(sentence.text)
                for token, count in evidence.items():
                    bag[token] += count
                raw.append((masked, bag, words))
            nodes.append(node)
    features = _weigh(sentences, raw, numbers, nodes)
    return sentences, features


def _weigh(
    sentences: Sequence[Sentence],
    raw: Sequence[tuple[str, dict[str, int], int]],
    sources: Sequence[int],
    nodes: Sequence[int],
) -> list[_Features]:
    """IDF weights over the sentences being aligned (a token in every sentence weighs little).

    A word in as many sentences as there are sources (up to FLOOR) may be one statement that every
    source reports: it weighs as much as a word found once (plain IDF would rank it below every
    unshared word, which can never match anyway). Each node's `unit`, the weight of a word only the
    sentences of its statement share, follows how many sentences seem to report that statement.

    `raw` holds the text and token counts of each node (identical sentences); `nodes` names each
    sentence's node.
    """
    size = [0] * len(raw)
    for node in nodes:
        size[node] += 1
    document_frequency: dict[str, int] = defaultdict(int)
    for (_text, bag, _words), count in zip(raw, size, strict=True):
        for token in bag:
            document_frequency[token] += count
    total = len(nodes)
    sources_count = len(set(sources))
    floor = min(max(2, sources_count), FLOOR)
    statements = _statement_sizes(raw, document_frequency)
    # How often an article's statements are repeated: the typical frequency of its sentences' rarest
    # tokens (1 to a few in ordinary coverage, whatever the input's size; hundreds in an article of
    # a story hundreds of others retell). A node takes the most of its sentences' articles.
    rarest = [min((document_frequency[token] for token in bag), default=1) for _t, bag, _w in raw]
    by_article: dict[int, list[int]] = defaultdict(list)
    for source, node in zip(sources, nodes, strict=True):
        by_article[source].append(rarest[node])
    article_typical = {source: median_low(values) for source, values in by_article.items()}
    typical = [1] * len(raw)
    for source, node in zip(sources, nodes, strict=True):
        typical[node] = max(typical[node], article_typical[source])
    shared: list[_Features] = []
    for node, (text, bag, words) in enumerate(raw):
        weights = {}
        for token in bag:
            idf = math.log((total + 1) / (max(document_frequency[token], floor) + 0.5))
            if token.startswith("#") and "@" in token:
                idf *= EVIDENCE  # evidence: the same figure or the same person
            weights[token] = max(idf, 0.05)
        # A statement that hundreds of articles retell has words in hundreds of sentences: they are
        # still its own words. Only in articles that show such repeats, and only for a sentence whose
        # own words are that frequent.
        statement = min(max(2, sources_count), max(floor, min(typical[node], statements[node])))
        shared.append(
            _Features(
                source=-1,
                index=-1,
                text=text,
                weights=weights,
                mass=sum(weights.values()) or 1.0,
                words=words,
                unit=max(0.05, math.log((total + 1) / (statement + 0.5))),
                node=node,
            )
        )
    return [
        _Features(source, sentence.index, node.text, node.weights, node.mass, node.words, node.unit, node.node)
        for sentence, source, node in zip(sentences, sources, (shared[node] for node in nodes), strict=True)
    ]


def _statement_sizes(
    raw: Sequence[tuple[str, dict[str, int], int]], document_frequency: Mapping[str, int]
) -> list[int]:
    """Per node, how many sentences seem to report its statement: the second-rarest of its words' frequencies.

    (The second: one rare word can be an outlet's own choice of synonym.)
    """
    sizes = []
    for _text, bag, _words in raw:
        frequencies = sorted(document_frequency[token] for token in bag if token[0] not in "#@!~=")
        sizes.append(frequencies[1] if len(frequencies) > 1 else frequencies[0] if frequencies else 1)
    return sizes


def _edges(
    features: Sequence[_Features],
    scores: Mapping[tuple[int, int], float],
    best: Mapping[tuple[int, int], tuple[float, int]],
    threshold: float,
    clusters: _Clusters,
    events: Sequence[int] = (),
    progress: Progress | None = None,
    raw: Mapping[tuple[int, int], float] | None = None,
) -> list[tuple[int, float, tuple[int, ...]]]:
    """Merges to try, best first: mutual best pairs, then the other pairs, each by descending score.

    `raw` holds the pairs' own scores where `scores` adds their context (`_second_look`): a split is
    judged on the own scores of its halves and of the joined sentence.

    Also registers which same-source pairs may share a row: repeats, and adjacent sentences that
    together match one sentence of another source better than either alone (a split sentence).
    """
    own = scores if raw is None else raw
    edges: list[tuple[int, float, tuple[int, ...]]] = []
    split_checked: set[tuple[int, int, int]] = set()
    step = max(1, len(scores) // 20)
    for number, ((i, j), value) in enumerate(scores.items()):
        if progress and number % step == 0:
            progress("pairs", number, len(scores))
        fi, fj = features[i], features[j]
        if fi.source == fj.source:
            if fuzz.ratio(fi.text, fj.text, score_cutoff=REPEAT_THRESHOLD):
                clusters.allowed.add((i, j))
                edges.append((1, value, (i, j)))
            continue
        mutual = best.get((i, fj.source), (0, -1))[1] == j and best.get((j, fi.source), (0, -1))[1] == i
        if value >= threshold:
            edges.append((2 if mutual else 1, value, (i, j)))
        elif mutual and value >= LOW * threshold and (not events or events[fi.source] == events[fj.source]):
            edges.append((2, value, (i, j)))  # cohesion still guards this pair's way into a bigger row
        # A split: this sentence and a neighbour of its best partner in that source together match
        # it better than either alone. Only neighbours that are candidates themselves are tried.
        value = own[i, j]
        if value < SPLIT_PART * threshold:
            continue
        for a, b in ((i, j), (j, i)):
            fb = features[b]
            if best.get((a, fb.source), (0, -1))[1] != b:
                continue
            for neighbour in (b - 1, b + 1):
                if not 0 <= neighbour < len(features) or features[neighbour].source != fb.source:
                    continue
                part = own.get((a, neighbour) if a < neighbour else (neighbour, a))
                if part is None or part < SPLIT_PART * threshold:
                    continue
                first, second = sorted((b, neighbour))
                if (a, first, second) in split_checked:
                    continue
                split_checked.add((a, first, second))
                if not _adds_to(features[a], features[b], features[neighbour]):
                    continue
                joined = _join(features[first], features[second])
                together = _combine(_text_score(features[a].text, joined.text), features[a], joined)
                alone = max(value, part)
                if together >= threshold and together - alone >= min(SPLIT_GAIN, 0.45 * (100 - alone)):
                    clusters.allowed.add((first, second))
                    edges.append((2, together + scores[i, j] - value, (a, first, second)))
    edges.sort(key=lambda edge: (edge[0], edge[1]), reverse=True)
    return edges


def _best_partners(
    features: Sequence[_Features], scores: Mapping[tuple[int, int], float]
) -> dict[tuple[int, int], tuple[float, int]]:
    """(sentence, another source) → the best score of the sentence with a sentence of that source, and which."""
    best: dict[tuple[int, int], tuple[float, int]] = {}
    for (i, j), value in scores.items():
        a, b = features[i].source, features[j].source
        if a != b:
            if value > best.get((i, b), (-1.0, -1))[0]:
                best[i, b] = (value, j)
            if value > best.get((j, a), (-1.0, -1))[0]:
                best[j, a] = (value, i)
    return best


def _adds_to(target: _Features, half: _Features, other_half: _Features) -> bool:
    """Whether `other_half` restates a part of `target` that `half` does not: its own shared words.

    Two neighbouring sentences of one pattern ("X is the likely cause of the Y failure") would
    otherwise join to match a third sentence of that pattern better than either does alone.
    """
    weights = target.weights
    new = sum(w for token, w in weights.items() if token in other_half.weights and token not in half.weights)
    return new >= SPLIT_NEW * target.mass


def _join(first: _Features, second: _Features) -> _Features:
    weights = dict(first.weights)
    for token, weight in second.weights.items():
        weights[token] = weight
    return _Features(
        source=first.source,
        index=first.index,
        text=f"{first.text} {second.text}",
        weights=weights,
        mass=sum(weights.values()) or 1.0,
        words=first.words + second.words,
        unit=first.unit,
        node=-1,
    )


def _order(
    rows: list[tuple[dict[str, tuple[int, ...]], float | None]],
    pivot: str,
    lengths: Mapping[str, int],
    source_ids: Sequence[str],
) -> list[tuple[dict[str, tuple[int, ...]], float | None]]:
    """The pivot's reading order; rows without it where the median relative position of theirs puts them."""
    order = {source: n for n, source in enumerate(source_ids)}

    def key(row: tuple[dict[str, tuple[int, ...]], float | None]) -> tuple[float, int, int, int]:
        cells = row[0]
        if pivot in cells:
            first = cells[pivot][0]
            return ((first + 0.5) / lengths[pivot], 0, 0, first)
        positions = [(index + 0.5) / lengths[source] for source, indices in cells.items() for index in indices]
        source = min(cells, key=order.__getitem__)
        return (median(positions), 1, order[source], cells[source][0])

    ordered = sorted(rows, key=key)
    # Keep the pivot's own rows in its reading order even where a pivot row and a non-pivot row tie.
    return [(dict(sorted(cells.items(), key=lambda item: order[item[0]])), score) for cells, score in ordered]


def _reference(
    cells: Mapping[str, tuple[int, ...]], pivot: str, score: Callable[[tuple[str, int], tuple[str, int]], float]
) -> str:
    """The pivot when it is in the row, else the source whose sentence matches the others best."""
    if pivot in cells or len(cells) == 1:
        return pivot if pivot in cells else next(iter(cells))
    # Among the first few cells: a row of hundreds of retellings needs no quadratic vote.
    firsts = [(source, indices[0]) for source, indices in itertools.islice(cells.items(), SAMPLE_CELLS)]
    return max(firsts, key=lambda this: sum(score(this, other) for other in firsts if other[0] != this[0]))[0]
