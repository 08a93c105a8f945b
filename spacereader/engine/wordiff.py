"""Word-level differences inside a row: which words a sentence shares with the row's reference sentence,
which differ, and which of the differing ones are numbers or dates.

Sentences in a row say the same thing in a different order, so the comparison is by bag of words, not
by a longest common subsequence: a clause moved to the front is not a difference. Words are compared
lower-cased with a light stem ('launched' meets 'launch'), numbers by value ('12' meets 'twelve',
'1,000' meets '1000'). Function words are never reported: that 'the' is missing is noise to a reader.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from spacereader.model import DiffSpan, Sentence

Status = Literal["shared", "word", "number"]

_TOKEN = re.compile(r"\d+(?:[.,:]\d+)*(?:st|nd|rd|th|s)?|[^\W\d_]+(?:[’'][^\W\d_]+)*")
_FUNCTION_WORDS = frozenset(
    """a an the and or but nor so yet of in on at by for from to with without into onto over under about
    as than then that this these those there here it its it's is are was were be been being am has have
    had having do does did will would shall should can could may might must not no he she they we i you
    him her them us me his hers their theirs our ours my your who whom whose which what when where why
    how also just only very too more most some any all each every both either neither such own same other
    said says say told according mr mrs ms s if while after before during since until upon up down out
    off again once""".split()
)
_NUMBER_WORDS = {
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "ten": "10",
    "eleven": "11",
    "twelve": "12",
    "thirteen": "13",
    "fourteen": "14",
    "fifteen": "15",
    "sixteen": "16",
    "seventeen": "17",
    "eighteen": "18",
    "nineteen": "19",
    "twenty": "20",
    "thirty": "30",
    "forty": "40",
    "fifty": "50",
    "sixty": "60",
    "seventy": "70",
    "eighty": "80",
    "ninety": "90",
    "hundred": "100",
    "thousand": "1000",
    "million": "1000000",
    "billion": "1000000000",
    "dozen": "12",
}
_DATE_WORDS = frozenset(
    """january february march april may june july august september october november december jan feb mar
    apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday today
    yesterday tomorrow""".split()
)


@dataclass(frozen=True, slots=True)
class Token:
    """A word of a sentence: body offsets, the key it is compared by, and whether it is a figure."""

    start: int
    end: int
    key: str
    number: bool
    function: bool


def _stem(word: str) -> str:
    if len(word) <= 3 or not word.isalpha():
        return word
    for suffix, replacement, minimum in (("ies", "y", 5), ("ing", "", 6), ("ed", "", 5), ("es", "", 6), ("s", "", 4)):
        if word.endswith(suffix) and len(word) >= minimum and not word.endswith("ss"):
            return word[: len(word) - len(suffix)] + replacement
    return word


def tokens(text: str, offset: int = 0) -> list[Token]:
    """The words and numbers of `text`, with offsets shifted by `offset` (a sentence's body start)."""
    result = []
    matches = list(_TOKEN.finditer(text))
    for position, match in enumerate(matches):
        original = match.group(0)
        word = original.lower().replace("’", "'")
        if word.endswith("'s"):
            word = word[:-2]
        following = matches[position + 1].group(0).lower() if position + 1 < len(matches) else ""
        if word[0].isdigit():
            digits = re.sub(r"(st|nd|rd|th|s)$", "", word).replace(",", "")
            key, number = "#" + digits.rstrip("0").rstrip(".") if "." in digits else "#" + digits, True
        elif word in _NUMBER_WORDS and not (word == "one" and following in ("of", "another")):
            key, number = "#" + _NUMBER_WORDS[word], True
        elif word in _DATE_WORDS and (original[0].isupper() or word in ("today", "yesterday", "tomorrow")):
            key, number = "@" + word[:3], True  # "May" the month, not "may" the verb
        else:
            key, number = _stem(word), False
        function = word in _FUNCTION_WORDS or word == "one"
        result.append(Token(match.start() + offset, match.end() + offset, key, number, function and not number))
    return result


def classify(sentence_tokens: Sequence[Token], reference_keys: set[str]) -> list[tuple[Token, Status]]:
    """Each token with its status against the reference's words: shared, a differing word or number."""
    out: list[tuple[Token, Status]] = []
    for token in sentence_tokens:
        if token.key in reference_keys or token.function:
            out.append((token, "shared"))
        else:
            out.append((token, "number" if token.number else "word"))
    return out


def _spans(classified: Sequence[tuple[Token, Status]]) -> tuple[DiffSpan, ...]:
    """Differing tokens as spans; neighbouring differing words are joined into one span."""
    spans: list[DiffSpan] = []
    for token, status in classified:
        if status == "shared":
            continue
        if spans and status == "word" and spans[-1].kind == "word" and token.start - spans[-1].end <= 1:
            spans[-1] = DiffSpan(spans[-1].start, token.end, "word")
        else:
            spans.append(DiffSpan(token.start, token.end, status))
    return tuple(spans)


def row_differences(
    cells: Mapping[str, Sequence[int]],
    reference: str,
    sentences_by_source: Mapping[str, Sequence[Sentence] | Mapping[int, Sentence]],
) -> dict[str, tuple[DiffSpan, ...]]:
    """Spans (body offsets) of each source's sentences in a row that differ from the reference sentence.

    Other sources: their words the reference does not have. The reference itself: its words that no
    other sentence of the row has, and its numbers and dates that any other sentence lacks (a figure
    one outlet gives differently is the point of the comparison).

    Sentences are read at offsets in themselves and shifted to the body: a row of many outlets
    repeating one sentence compares that sentence once.
    """
    row = {source: [sentences_by_source[source][index] for index in indices] for source, indices in cells.items()}
    reference_sentences = row.get(reference, [])
    reference_keys = set().union(*(_text_keys(sentence.text) for sentence in reference_sentences))
    differing: dict[str, tuple[DiffSpan, ...]] = {}
    result: dict[str, tuple[DiffSpan, ...]] = {}
    for source, sentences in row.items():
        if source == reference:
            continue
        spans = []
        for sentence in sentences:
            if sentence.text not in differing:
                differing[sentence.text] = _spans(classify(_text_tokens(sentence.text), reference_keys))
            spans.extend(_shifted(differing[sentence.text], sentence.start))
        if spans:
            result[source] = tuple(spans)
    others = [
        set().union(*(_text_keys(sentence.text) for sentence in sentences))
        for source, sentences in row.items()
        if source != reference
    ]
    if others and reference_keys:
        anywhere = set().union(*others)
        everywhere = set.intersection(*others)
        spans = []
        for sentence in reference_sentences:
            marked: list[tuple[Token, Status]] = []
            for token in _text_tokens(sentence.text):
                if token.function:
                    marked.append((token, "shared"))
                elif token.number:
                    marked.append((token, "shared" if token.key in everywhere else "number"))
                else:
                    marked.append((token, "shared" if token.key in anywhere else "word"))
            spans.extend(_shifted(_spans(marked), sentence.start))
        if spans:
            result[reference] = tuple(spans)
    return result


def _shifted(spans: Sequence[DiffSpan], offset: int) -> list[DiffSpan]:
    return [DiffSpan(span.start + offset, span.end + offset, span.kind) for span in spans]


@functools.lru_cache(maxsize=16384)
def _text_tokens(text: str) -> tuple[Token, ...]:
    """The tokens of a sentence at offsets in the sentence (many outlets may repeat one sentence)."""
    return tuple(tokens(text))


@functools.lru_cache(maxsize=16384)
def _text_keys(text: str) -> frozenset[str]:
    return frozenset(token.key for token in _text_tokens(text))
