"""Numbers as news writes them: digits with separators, number words, scale words, hedges.

Shared by fact extraction: regular-expression fragments (every one safe against catastrophic
backtracking: possessive quantifiers and a look-behind that lets a number start only at the start of
a run of digits) and the functions that turn the matched text into values.
"""

from __future__ import annotations

import re
import unicodedata

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
#: Vulgar fractions after digits: "2½" is 2.5.
FRACTIONS = "½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅐⅛⅜⅝⅞⅑⅒"
#: Thousands separators that are never a decimal mark: no-break, thin and narrow no-break spaces, and
#: the Swiss apostrophes. (A plain space is not one: "in 2021 300 people" is two numbers.)
_SPACES, _APOSTROPHES = "\u00a0\u2009\u202f", "'’"
#: Digits in the ways news writes them, each alternative unambiguous about which mark groups thousands:
#: "3,000" and "1,234.56"; Indian "1,23,45,678"; "1.234.567" and "1.234,56"; "1 234,56" with a
#: no-break or thin space; Swiss "1'234.50"; a decimal comma "2,5" (one or two digits after the comma,
#: so not a thousands group); plain "200", "1.5". Any of them may end in a vulgar fraction ("2½").
#: Unicode decimal digits count ("٣", "१२", "１２"); `read_digits` reads them all.
#: "1,234" and "1.234" are ambiguous; they are read the English way (1234 and 1.234), as before.
#: The look-behind stops a match from starting inside a number and every repetition is possessive,
#: so a long run of digits is scanned once (linear time), never re-tried from every offset.
DIGITS = (
    r"(?<![\d.,])(?=\d)(?:"
    r"\d{1,3}(?:,\d{3})++(?!\d)(?:\.\d++)?+"
    r"|\d{1,2}(?:,\d\d(?=,))++,\d{3}(?![\d,])(?:\.\d++)?+"
    r"|\d{1,3}(?:\.\d{3}){2,}+(?![\d.])(?:,\d++)?+"
    r"|\d{1,3}\.\d{3},\d++"
    rf"|\d{{1,3}}(?:[{_SPACES}]\d{{3}})++(?!\d)(?:[.,]\d++)?+"
    rf"|\d{{1,3}}(?:[{_APOSTROPHES}]\d{{3}})++(?!\d)(?:\.\d++)?+"
    r"|\d++,\d{1,2}(?![\d,])"
    r"|\d++(?:\.\d++)?+"
    rf")[{FRACTIONS}]?+"
)
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
    "nearly": "below",
    "almost": "below",
    "close to": "below",
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
    """A number as written ("3,000", "1.5", "1.234,56", "twelve"), or None when it is not one."""
    text = text.strip()
    if not text:
        return None
    if text[0].isdigit() or text[0] in "-−+":
        return read_digits(text)
    return parse_words(text)


_INDIAN = re.compile(r"\d{1,2}(?:,\d\d)*,\d{3}")  # bounded by MAX_DIGITS: no runaway backtracking
_MARKS = frozenset(",.'’" + _SPACES)
_ASCII_NUMBER = frozenset("0123456789,.'")


def _grouped(whole: str, mark: str) -> bool:
    """Whether `whole` is digits in thousands groups separated by `mark` ("1,234,567", Indian "12,34,567")."""
    groups = whole.split(mark)
    if 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:]):
        return True
    return mark == "," and _INDIAN.fullmatch(whole) is not None


def read_digits(text: str) -> float | None:
    """The value of a number written in digits, or None when the text is not one number.

    Reads every national format `DIGITS` matches (see there), any Unicode decimal digits, a leading
    sign ("-", "−", "+") and a trailing vulgar fraction ("2½"). None for what is not one number: a
    version or a dotted date ("1.2.3", "12.5.2021"), a list ("1,2,3"), a malformed grouping
    ("12,34,5", "1'23"), superscripts and other digits that are not decimal ("²", "①"), exponents ("1e400"),
    and more than `MAX_DIGITS` digits (an identifier, not a quantity). Never raises.
    """
    text = text.strip()
    if text.isdigit() and text.isascii():  # most numbers: "12", "2021"
        return float(text) if len(text) <= MAX_DIGITS else None
    if len(text) > 2 * MAX_DIGITS + 2:  # more digits than MAX_DIGITS whatever the marks: not a quantity
        return None
    sign = -1.0 if text[:1] in ("-", "−") else 1.0
    text = text[1:] if text[:1] in ("-", "−", "+") else text
    fraction = 0.0
    if text and text[-1] in FRACTIONS:
        fraction = unicodedata.numeric(text[-1])
        text = text[:-1]
    if text.isascii():
        if not _ASCII_NUMBER.issuperset(text):
            return None  # a letter, a second sign
        number = text
    else:
        digits: list[str] = []
        for char in text:
            value = unicodedata.decimal(char, None)
            if value is None and char not in _MARKS:
                return None  # a letter, a superscript, a circled digit
            digits.append(char if value is None else str(value))
        number = "".join(digits)
    if not number or not number[0].isdigit() or not number[-1].isdigit():
        return None
    if sum(char.isdigit() for char in number) > MAX_DIGITS:
        return None
    plain = _plain_digits(number)
    return None if plain is None else sign * (float(plain) + fraction)


def _plain_digits(number: str) -> str | None:
    """ASCII digits and marks → digits with at most one decimal point: "1.234,56" → "1234.56"; None
    when the marks do not make one number ("1.2.3", "1,2,3", "12.5.2021", "1,2.3,4")."""
    marks = [char for char in number if not char.isdigit()]
    if not marks:
        return number
    kinds = set(marks)
    last = marks[-1]
    if len(kinds) == 1 and len(marks) == 1:
        head, tail = number.split(last)
        if last == "." or (last == "," and (len(tail) != 3 or len(head) > 3)):
            return f"{head}.{tail}"  # "1.5", "1.234" (the English reading), "2,5", "1234,567"
        return head + tail if _grouped(number, last) else None  # "1,234", "1 234", "1'234"
    if len(kinds) == 1:
        return number.replace(last, "") if _grouped(number, last) else None  # "1.234.567", "1,23,45,678"
    if len(kinds) == 2 and marks.count(last) == 1 and last in ",.":
        head, tail = number.rsplit(last, 1)
        (mark,) = kinds - {last}
        return f"{head.replace(mark, '')}.{tail}" if _grouped(head, mark) else None  # "1,234.56", "1.234,56"
    return None


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
