"""Sentence segmentation of news text, with character spans into the body.

A rule-based splitter tuned for news: a boundary is a run of `.`, `!`, `?` or `…` (with any closing
quotes or brackets after it) followed by white space and a character that is not lower case, unless
the word before is an abbreviation, an initial or the boundary falls inside a short quotation. A
paragraph break is always a boundary. It beat pysbd, sentencex and syntok on the project's test set
both in accuracy and in speed (see tests/bench/bench_segment.py).
"""

from __future__ import annotations

import bisect
import re

from spacereader.model import Sentence

# Abbreviations that are always followed by more of the same sentence (titles before a name, "No. 5").
_NEVER_FINAL = frozenset(
    """mr mrs ms mx dr prof gen gov sen rep sgt lt col capt cmdr adm maj cpl rev hon pres supt insp det
    fr sr jr vs v no nos rs mt ft pp pt cf approx est dept op vol fig""".split()
)
# Abbreviations that may end a sentence: split after them only when the next word usually starts one.
_AMBIGUOUS = frozenset(
    """inc co corp ltd plc llc bros st ave blvd rd mon tue tues wed thu thur thurs fri sat sun etc al
    ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo mont neb
    nev okla ore pa tenn tex va vt wash wis wyo mln bn km kg lb oz sq""".split()
)
# Month abbreviations end a sentence unless a day number follows ("Jan. 1" against "in Jan. Prices").
_MONTHS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
_STARTERS = frozenset(
    """a an the he she it they we i you his her its their our my this that these those there here
    but and or so yet then now still also however meanwhile moreover in on at by for from with after
    before when while if as since during although though despite because why what who how where
    police officials authorities one two three some many most all no not each every both neither
    according last next earlier later today yesterday tomorrow mr mrs ms dr""".split()
)
_CLOSERS = "\"'”’»)]"
_OPENERS = '"“«'
# A sentence-ending run: terminal punctuation, then closing quotes or brackets, then white space.
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s)")
_WORD_BEFORE = re.compile(r"([\w.\-’']+)$")
_WORD_AFTER = re.compile(r"\s*[\"“«(\[]*([\w’'-]+)")
_PARAGRAPH = re.compile(r"\n[ \t]*\n\s*")
_LOOKBACK = 40
# A quotation longer than this is not kept in one sentence (a missing closing quote must not swallow text).
_MAX_QUOTE = 600


def _abbreviation_kind(text: str, dot: int) -> str | None:
    """Classify the word that ends at the period `text[dot]`: 'never', 'ambiguous', 'month' or None."""
    match = _WORD_BEFORE.search(text, max(0, dot - _LOOKBACK), dot)
    if not match:
        return None
    word = match.group(1).strip("-’'")
    if not word:
        return None
    bare = word.replace(".", "").lower()
    if "." in word:  # U.S., a.m., e.g.: dotted abbreviations
        if bare in ("eg", "ie", "viz"):
            return "never"
        if re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word):
            return "ambiguous"
        word = word.rsplit(".", 1)[-1]
        bare = word.lower()
    if bare in _NEVER_FINAL:
        return "never"
    if bare in _AMBIGUOUS:
        return "ambiguous"
    if bare in _MONTHS:
        return "month"
    if len(word) == 1 and word.isalpha() and word.isupper():  # an initial: "George W. Bush"
        return "ambiguous"
    return None


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans of closed double quotations in a paragraph (their insides are not split)."""
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    for match in re.finditer(r"[\"“”«»]", text):
        char, at = match.group(0), match.start()
        if opened is None:
            if char in '"“«':
                opened = at
        elif char in '"”»':
            if at - opened <= _MAX_QUOTE:
                spans.append((opened, at))
            opened = None
        elif char in "“«":
            opened = at
    return spans


def _is_boundary(text: str, match: re.Match[str], quotes: list[tuple[int, int]]) -> bool:
    end = match.end()
    after = _WORD_AFTER.match(text, end)
    if not after:
        return True  # only punctuation or nothing follows
    next_char = text[end:].lstrip()[:1]
    if next_char.islower() or next_char in ".…":  # "… and", or a spaced ellipsis ". . ."
        return False
    # A closing quote after "!" or "?" followed by an attribution ("…?” he asked) is handled above;
    # inside a short closed quotation, keep going.
    if quotes:
        inside = bisect.bisect_left(quotes, (match.start(), -1)) - 1
        if inside >= 0 and end <= quotes[inside][1]:
            return False
    run = match.group(0)
    if run.startswith(".") and len(run.rstrip(_CLOSERS)) == 1:
        kind = _abbreviation_kind(text, match.start())
        if kind == "never":
            return False
        if kind == "ambiguous":
            return after.group(1).lower() in _STARTERS
        if kind == "month":
            return not after.group(1)[0].isdigit()
    return True


def _split_paragraph(text: str, offset: int) -> list[tuple[int, int]]:
    quotes = _quoted_spans(text) if any(c in text for c in _OPENERS) else []
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        if _is_boundary(text, match, quotes):
            spans.append((start, match.end()))
            start = match.end()
    spans.append((start, len(text)))
    result: list[tuple[int, int]] = []
    for begin, end in spans:
        piece = text[begin:end]
        stripped = piece.strip()
        if stripped:
            lead = len(piece) - len(piece.lstrip())
            result.append((offset + begin + lead, offset + begin + lead + len(stripped)))
    return result


def sentence_spans(body: str) -> list[tuple[int, int, int]]:
    """(start, end, paragraph) for every sentence of `body`, in order, trimmed of white space."""
    spans: list[tuple[int, int, int]] = []
    paragraph = 0
    position = 0
    for separator in [*_PARAGRAPH.finditer(body), None]:
        stop = separator.start() if separator else len(body)
        chunk = body[position:stop]
        if chunk.strip():
            spans.extend((start, end, paragraph) for start, end in _split_paragraph(chunk, position))
            paragraph += 1
        if separator:
            position = separator.end()
    return spans


def segment(body: str, source: str = "") -> tuple[Sentence, ...]:
    """Split an article body into `Sentence`s whose spans slice the body to their text."""
    return tuple(
        Sentence(source=source, index=index, text=body[start:end], start=start, end=end, paragraph=paragraph)
        for index, (start, end, paragraph) in enumerate(sentence_spans(body))
    )
