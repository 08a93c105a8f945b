"""Numbers as news writes them: digits with separators, number words, scale words, hedges.

Shared by fact extraction: regular-expression fragments (every one safe against catastrophic
backtracking: possessive quantifiers and a look-behind that lets a number start only at the start of
a run of digits) and the functions that turn the matched text into values.
"""

from __future__ import annotations

import re

_SMALL = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES = {
    "hundred": 100,
    "thousand": 1_000,
    "k": 1_000,
    "lakh": 100_000,
    "lakhs": 100_000,
    "million": 1_000_000,
    "millions": 1_000_000,
    "m": 1_000_000,
    "mn": 1_000_000,
    "mln": 1_000_000,
    "crore": 10_000_000,
    "crores": 10_000_000,
    "cr": 10_000_000,
    "billion": 1_000_000_000,
    "billions": 1_000_000_000,
    "bn": 1_000_000_000,
    "b": 1_000_000_000,
    "trillion": 1_000_000_000_000,
    "tn": 1_000_000_000_000,
}
ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
}

# Longest alternatives first, each closed by \b, so "seventeen" is never read as "seven".
#: Single number words and their values, for code that normalises words rather than reading phrases.
#: Without "zero": "zero gravity" and "zero tolerance" are no counts.
NUMBER_WORDS = {word: value for word, value in {**_SMALL, **_TENS, "hundred": 100, "dozen": 12}.items() if value}
_SMALL_ALT = "|".join(sorted(_SMALL, key=len, reverse=True))
_TENS_ALT = "|".join(_TENS)
#: A number written in words: "twelve", "twenty-five", "a dozen", "two hundred", "three thousand".
WORDS = (
    rf"(?:(?:{_TENS_ALT})(?:[- ](?:one|two|three|four|five|six|seven|eight|nine)\b)?|(?:{_SMALL_ALT})|an?\s+dozen|dozen)"
    r"\b(?:\s+(?:hundred|thousand)\b)?"
)
#: Digits: "3,000", "1.5", "200", "100000". The look-behind stops a match from starting inside a
#: number, so a long run of digits is scanned once (linear time), never re-tried from every offset.
DIGITS = r"(?<![\d.,])(?:\d{1,3}(?:,\d{3})++(?!\d)|\d++)(?:\.\d++)?+"
#: Either form.
NUMBER = rf"(?:{DIGITS}|\b{WORDS})"
#: Scale words after a number: "million", "bn", "m", "crore".
SCALE = r"(?:thousand|millions?|billions?|trillion|crores?|lakhs?|mln|mn|bn|tn|cr|[mbk])\b"

#: Hedges before an amount, with the interval they make of a value x (None = unbounded).
HEDGES = {
    "about": "approx",
    "around": "approx",
    "approximately": "approx",
    "approx.": "approx",
    "roughly": "approx",
    "some": "approx",
    # "nearly ₹600 crore" for 615: news writes these loosely, so they are read as "about".
    "nearly": "approx",
    "almost": "approx",
    "close to": "approx",
    "just under": "below",
    "an estimated": "approx",
    "estimated": "approx",
    "more than": "above",
    "over": "above",
    "at least": "above",
    "just over": "above",
    "in excess of": "above",
    "upwards of": "above",
    "above": "above",
    "as many as": "upto",
    "as much as": "upto",
    "up to": "upto",
    "less than": "below",
    "fewer than": "below",
    "under": "below",
    "below": "below",
    "no more than": "upto",
}
HEDGE = r"(?:" + "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in sorted(HEDGES, key=len, reverse=True)) + r")"

#: Numbers longer than this are identifiers or noise, not quantities (and int() refuses huge strings).
MAX_DIGITS = 18


def parse_words(text: str) -> float | None:
    """ "twelve" → 12, "twenty-five" → 25, "a dozen" → 12, "two hundred" → 200."""
    words = text.lower().replace("-", " ").split()
    total, current = 0.0, 0.0
    seen = False
    for word in words:
        if word in ("a", "an"):
            current = current or 1
            continue
        if word == "dozen":
            current = (current or 1) * 12
            seen = True
        elif word in _SMALL:
            current += _SMALL[word]
            seen = True
        elif word in _TENS:
            current += _TENS[word]
            seen = True
        elif word == "hundred":
            current = (current or 1) * 100
            seen = True
        elif word in SCALES:
            total += (current or 1) * SCALES[word]
            current = 0
            seen = True
        else:
            return None
    return total + current if seen else None


def parse_number(text: str) -> float | None:
    """A number as written ("3,000", "1.5", "twelve"), or None when it is not one."""
    text = text.strip()
    if not text:
        return None
    if text[0].isdigit():
        digits = text.replace(",", "")
        if len(digits) > MAX_DIGITS:
            return None
        try:
            return float(digits)
        except ValueError:
            return None
    return parse_words(text)


def scale_of(word: str | None) -> float:
    return SCALES.get(word.lower(), 1) if word else 1


def hedge_kind(text: str | None) -> str | None:
    """The kind of a hedge ("more than" → "above"), ignoring case and spacing."""
    if not text:
        return None
    return HEDGES.get(" ".join(text.lower().split()))


def hedged(value: float, kind: str | None) -> float | int | list[float | int | None] | None:
    """The contract's shape for a hedged value: "more than 30" → [30, None], "up to 80" → [None, 80]."""
    if kind == "above":
        return [tidy(value), None]
    if kind in ("upto", "below"):
        return [None, tidy(value)]
    return tidy(value)


def tidy(value: float | None) -> float | int | None:
    """Whole numbers as int, so JSON shows 12 rather than 12.0."""
    if value is None:
        return None
    if abs(value) >= 1e18:
        return round(value, 6)
    nearest = round(value)
    if abs(value - nearest) <= 1e-9 * max(1.0, abs(value)):  # 4.1 * 1e9 is 4099999999.9999995
        return int(nearest)
    return round(value, 6)


def significant_digits(value: float) -> int:
    """How many significant digits a value is written with: 200000000 → 1, 35500000 → 3."""
    if value == 0:
        return 1
    text = f"{abs(value):.6f}".rstrip("0").rstrip(".").replace(".", "").lstrip("0")
    return max(1, len(text.rstrip("0")))
