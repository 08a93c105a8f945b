"""Re-anchoring an annotation to the current text of its article.

An annotation remembers the sentence it was made on with two W3C selectors: a quote selector (the
sentence's exact text with up to 32 characters of context either side) and a position selector
(its character offsets in the body), plus the sentence index and the body's sha256. When the article
is loaded again, possibly edited, `locate` finds the sentence the annotation belongs to now, trying in
order:

1. position: the text at the stored offsets is still the exact quote;
2. exact quote: the quote occurs elsewhere (sentences inserted or removed before it); among several
   occurrences the one whose context and position fit best wins;
3. fuzzy quote: every sentence is scored as hypothes.is scores an approximate match
   (``(50·quote + 20·prefix + 20·suffix + 2·distance) / 92``, each part a rapidfuzz similarity in
   0..1; the distance term, normalised by the body's length, favours the sentences near the old
   position) and the best one is taken when it reaches `MIN_SCORE` and its text alone reaches
   `MIN_QUOTE_SIMILARITY`.

Whatever the stage, a sentence is only ever accepted when it shares at least half of its words with
the quote *and* holds at least half of the quote's words (`shares_words`): below that the annotation
is `orphaned` (listed with its quote, attached to nothing) rather than pinned to the wrong sentence.

Status: `anchored` when the sentence reads the same (white space aside) and keeps its index, `moved`
when the annotation was found at another index or on edited text, `orphaned` when nothing fits.
Pure functions only.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from rapidfuzz import fuzz

from spacereader.model import Article, Sentence

Status = Literal["anchored", "moved", "orphaned"]
Method = Literal["position", "quote", "fuzzy", "none"]

#: Characters of context kept either side of the quote.
CONTEXT = 32
#: Weights of the fuzzy score, as in hypothes.is' match-quote.
QUOTE_WEIGHT, PREFIX_WEIGHT, SUFFIX_WEIGHT, POSITION_WEIGHT = 50.0, 20.0, 20.0, 2.0
#: A fuzzy candidate needs this combined score (0..1) ...
MIN_SCORE = 0.6
#: ... and this similarity of its own text to the quote (0..1).
MIN_QUOTE_SIMILARITY = 0.6

_WORD = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Selector:
    """Where an annotation was made: quote with context, offsets, sentence index, body digest."""

    exact: str
    prefix: str = ""
    suffix: str = ""
    start: int | None = None
    end: int | None = None
    sentence: int | None = None
    sha256: str | None = None


@dataclass(frozen=True, slots=True)
class Placement:
    """Where `locate` put an annotation: the sentence index (None when orphaned) and how sure it is."""

    status: Status
    sentence: int | None
    score: float
    method: Method


ORPHANED = Placement("orphaned", None, 0.0, "none")


def selector_for(body: str, sentence: Sentence, sha256: str | None = None) -> Selector:
    """The selector of `sentence` in `body`."""
    return Selector(
        exact=body[sentence.start : sentence.end],
        prefix=body[max(0, sentence.start - CONTEXT) : sentence.start],
        suffix=body[sentence.end : sentence.end + CONTEXT],
        start=sentence.start,
        end=sentence.end,
        sentence=sentence.index,
        sha256=sha256,
    )


def words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def shares_words(quote: str, text: str) -> bool:
    """True when `text` and `quote` each have at least half of their words in common with the other."""
    quote_words, text_words = words(quote), words(text)
    if not quote_words or not text_words:
        return _normalize(quote) == _normalize(text)
    shared = sum((Counter(quote_words) & Counter(text_words)).values())
    return 2 * shared >= len(quote_words) and 2 * shared >= len(text_words)


def _normalize(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _similarity(a: str, b: str) -> float:
    if not a and not b:
        return 1.0
    return fuzz.ratio(a, b) / 100.0


def _position_score(selector: Selector, body: str, start: int) -> float:
    if selector.start is None or not body:
        return 1.0
    return 1.0 - min(1.0, abs(start - selector.start) / len(body))


def _score(quote: float, selector: Selector, body: str, start: int, end: int) -> float:
    prefix = _similarity(selector.prefix, body[max(0, start - len(selector.prefix)) : start])
    suffix = _similarity(selector.suffix, body[end : end + len(selector.suffix)])
    position = _position_score(selector, body, start)
    total = QUOTE_WEIGHT * quote + PREFIX_WEIGHT * prefix + SUFFIX_WEIGHT * suffix + POSITION_WEIGHT * position
    return total / (QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT)


def _containing(sentences: Sequence[Sentence], starts: Sequence[int], start: int, end: int) -> Sentence | None:
    """The sentence whose span contains body[start:end], if one does."""
    at = bisect.bisect_right(starts, start) - 1
    if at < 0:
        return None
    sentence = sentences[at]
    return sentence if sentence.start <= start and end <= sentence.end else None


def _placed(selector: Selector, sentence: Sentence, score: float, method: Method) -> Placement:
    """Anchored when the sentence reads the same (white space aside) at the same index, else moved."""
    unchanged = sentence.index == selector.sentence and (
        sentence.text == selector.exact or _normalize(sentence.text) == _normalize(selector.exact)
    )
    return Placement("anchored" if unchanged else "moved", sentence.index, score, method)


def locate(selector: Selector, body: str, sentences: Sequence[Sentence]) -> Placement:
    """Find the sentence of `body` an annotation with `selector` belongs to now."""
    exact = selector.exact
    if not exact.strip() or not sentences:
        return ORPHANED
    starts = [sentence.start for sentence in sentences]

    # 1. Position, checked against the quote.
    if selector.start is not None and selector.end is not None and body[selector.start : selector.end] == exact:
        sentence = _containing(sentences, starts, selector.start, selector.end)
        if sentence is not None and shares_words(exact, sentence.text):
            return _placed(selector, sentence, 1.0, "position")

    # 2. The exact quote elsewhere: best context and nearest position among its occurrences.
    best: tuple[float, Sentence] | None = None
    position = 0
    while (found := body.find(exact, position)) >= 0:
        position = found + 1
        sentence = _containing(sentences, starts, found, found + len(exact))
        if sentence is None or not shares_words(exact, sentence.text):
            continue
        score = _score(1.0, selector, body, found, found + len(exact))
        if best is None or score > best[0]:
            best = (score, sentence)
    if best is not None:
        return _placed(selector, best[1], best[0], "quote")

    # 3. Fuzzy: score every sentence on quote, context and distance; the gate keeps it honest.
    quote = _normalize(exact)
    best = None
    for sentence in sentences:
        similarity = fuzz.ratio(quote, _normalize(sentence.text), score_cutoff=MIN_QUOTE_SIMILARITY * 100) / 100
        if not similarity or not shares_words(exact, sentence.text):
            continue
        score = _score(similarity, selector, body, sentence.start, sentence.end)
        if score >= MIN_SCORE and (best is None or score > best[0]):
            best = (score, sentence)
    if best is not None:
        return _placed(selector, best[1], best[0], "fuzzy")
    return ORPHANED


def anchor(selector: Selector, article: Article, sentences: Sequence[Sentence]) -> tuple[Status, int | None]:
    """(status, current sentence index or None when orphaned) of an annotation in `article`."""
    placement = locate(selector, article.body, sentences)
    return placement.status, placement.sentence
