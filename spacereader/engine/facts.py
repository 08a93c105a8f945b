"""Facts a sentence states: dates, ages, amounts of money, durations and counts.

`extract_facts(article, sentences)` finds each figure with its span in the article body, its
normalised value per CONTRACT.md, its precision, whether it is hedged ("about", "more than"), what it
measures (a class of `spacereader.engine.measures`: payout, cost, killed, launch …) and who or what it is
about (read by the patterns of `spacereader.engine.subjects`; ages and births by their own rules). Names
themselves are found by `spacereader.engine.names`; `link_facts` later replaces the name as written with the
entity's display name.

Rules over regular expressions, all of them linear in the input (possessive digit runs, bounded
windows, look-behinds that let a number start only at the start of its run of digits).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache

from spacereader.engine import dates, subjects
from spacereader.engine.measures import UNIT_SIZES, Cue, class_of_word, measure_of
from spacereader.engine.names import (
    DEMONYMS,
    PERSON_NOUNS,
    ROLES,
    NameSpan,
    find_entities,
    fold,
    name_after,
    name_before,
    name_runs,
    same_name,
)
from spacereader.engine.numbers import (
    DIGITS,
    HEDGE,
    NUMBER,
    SCALE,
    WORDS,
    hedge_kind,
    hedged,
    parse_number,
    scale_of,
    tidy,
)
from spacereader.model import Article, Entity, Fact, Mention, Sentence

# ── vocabularies ───────────────────────────────────────────────────────────────────────────────────


def _lexicon(table: Mapping[str, str]) -> dict[str, str]:
    """Expand "launch: launch launched launches" into word → key."""
    out: dict[str, str] = {}
    for key, words in table.items():
        for word in words.split():
            out[word] = key
    return out


#: Measure units after a number: the unit is what the count measures.
UNITS = _lexicon(
    {
        "meter": "m meter meters metre metres",
        "kilometer": "km kilometer kilometers kilometre kilometres",
        "centimeter": "cm centimeter centimeters centimetre centimetres",
        "mile": "mile miles mi",
        "foot": "ft feet foot",
        "inch": "inch inches",
        "kilogram": "kg kilogram kilograms kilo kilos",
        "tonne": "tonne tonnes ton tons",
        "pound-weight": "lb lbs pound-weight",
        "yard": "yard yards yd",
        "liter": "liter liters litre litres",
        "gallon": "gallon gallons",
        "barrel": "barrel barrels",
        "acre": "acre acres",
        "hectare": "hectare hectares ha",
        "degree": "degrees",
        "kph": "kph km/h kmh",
        "mph": "mph",
    }
)
#: Nouns that count people in general: "78 migrants" and "79 people" died are one toll.
_PEOPLE = frozenset(
    "person people persons individual migrant refugee passenger victim resident civilian villager inhabitant "
    "survivor occupant".split()
)
_CHILDREN = frozenset("child minor kid infant".split())
_IRREGULAR = {
    "people": "person",
    "men": "man",
    "women": "woman",
    "children": "child",
    "police": "police",
    "staff": "staff",
    "personnel": "personnel",
    "crew": "crew",
    "cattle": "cattle",
    "sheep": "sheep",
    "fish": "fish",
    "aircraft": "aircraft",
    "data": "data",
    "media": "media",
    "feet": "foot",
    "teeth": "tooth",
    "mice": "mouse",
    "geese": "goose",
    "troops": "troop",
}
# Lower-case words that end in "s" but are not counted nouns, and function words that end a phrase.
_NOT_NOUNS = frozenset(
    "was is has does says its this his hers ours yours theirs as us thus always perhaps whereas across "
    "less unless plus yes news series species means various previous famous serious numerous enormous "
    "gas bus towards afterwards besides sometimes nevertheless indeed was has is others ones yours themselves".split()
)
_FUNCTION = frozenset(
    "a an the of in on at by for from with to and or but that which who whom whose this these those it its "
    "he she they we i you his her their our my your is are was were be been being has have had do does did "
    "will would can could should may might must shall not no than then as so if into onto about over under "
    "after before during since until while per each every".split()
)
_IDENTIFIER_BEFORE = frozenset(
    "no no. number page pages chapter article section room flight route version model grade level rank ranked "
    "seed seeded class type channel platform gate row seat apollo soyuz covid".split()
)
_GROUP_NOUNS = "crew|team|group|family|squad|total|panel|jury|field|fleet|staff|workforce|tally|toll|party|cast|class"

_CURRENCY_SYMBOLS = {
    "$": "USD",
    "us$": "USD",
    "u.s.$": "USD",
    "a$": "AUD",
    "au$": "AUD",
    "c$": "CAD",
    "ca$": "CAD",
    "nz$": "NZD",
    "hk$": "HKD",
    "s$": "SGD",
    "r$": "BRL",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₹": "INR",
    "₽": "RUB",
    "₩": "KRW",
    "₺": "TRY",
    "₴": "UAH",
    "rs": "INR",
    "rs.": "INR",
}
_CURRENCY_CODES = (
    "USD EUR GBP RUB INR JPY CNY CHF AUD CAD NZD HKD SGD BRL ZAR TRY PLN SEK NOK DKK MXN KRW UAH ILS AED SAR"
).split()
_CURRENCY_WORDS = {
    "dollar": "USD",
    "euro": "EUR",
    "pound": "GBP",
    "sterling": "GBP",
    "rouble": "RUB",
    "ruble": "RUB",
    "yen": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "rupee": "INR",
    "franc": None,
    "peso": None,
    "reais": "BRL",
    "rand": "ZAR",
    "lira": "TRY",
    "zloty": "PLN",
    "shekel": "ILS",
    "hryvnia": "UAH",
    "dirham": "AED",
    "riyal": "SAR",
}
_DOLLAR_COUNTRIES = {
    "us": "USD",
    "u.s.": "USD",
    "american": "USD",
    "australian": "AUD",
    "canadian": "CAD",
    "new zealand": "NZD",
    "hong kong": "HKD",
    "singapore": "SGD",
}
_CURRENCY_WORD_RE = (
    r"(?:(?:US|U\.S\.|American|Australian|Canadian|New\s+Zealand|Hong\s+Kong|Singapore)\s+)?dollars?\b"
    r"|euros?\b|pounds?(?:\s+sterling)?\b|sterling\b|roubles?\b|rubles?\b|yen\b|yuan\b|renminbi\b|rupees?\b"
    r"|(?:Swiss\s+)?francs?\b|pesos?\b|reais\b|rand\b|lira\b|zloty\b|shekels?\b|hryvnias?\b|dirhams?\b|riyals?\b"
    r"|(?:" + "|".join(_CURRENCY_CODES) + r")\b"
)
_CURRENCY_PREFIX_RE = (
    r"(?:(?<![A-Za-z])(?:US|U\.S\.|A|AU|C|CA|NZ|HK|S|R)\$|\$|€|£|¥|₹|₽|₩|₺|₴"
    r"|\b(?:" + "|".join(_CURRENCY_CODES) + r")\s?|\bRs\.?\s?)"
)
_MONEY_HEAD = re.compile(r"[\s-]+([A-Za-z]+)\b")
#: Nouns an amount can be the price of when it stands right before them ("a $350 million mission").
_PRICED_THINGS = frozenset(
    "mission project programme program stadium bridge plant factory facility building tower satellite telescope "
    "probe film movie production renovation upgrade expansion road railway pipeline airport hospital "
    "deal takeover acquisition bid offer contract package budget loan fine settlement payout salary fee".split()
)
_PER = re.compile(
    r"[\s-]*(?:(?:per|a|an|each|every|/)[\s-]*(share|ticket|person|head|month|year|week|day|hour|night|barrel|ounce|"
    r"gallon|litre|liter|kilo|kilogram|tonne|ton|unit|seat|game|episode|copy|vote|household|family|player|passenger|"
    r"visitor|employee|worker|student|citizen|resident|minute|annum|capita|pupil|patient|car|vehicle|item|season|"
    r"second)\b|(each|apiece)\b)"
)
#: A period an amount is paid over, when the sentence says it before the amount ("an annual income of …").
_ANNUAL = re.compile(
    r"\b(?:annual|annually|yearly|a\s+year|per\s+year|per\s+annum|each\s+year|every\s+year)\b", re.IGNORECASE
)
_PERIODS = {"annum": "year", "season": "year"}
#: Money paid over a period to someone (a salary, a contract a year) is their pay, however it is worded.
_PAID_OVER_TIME = frozenset({None, "price", "contract", "pay", "value", "payout", "cost"})
_PERIODIC = frozenset(
    {"per year", "per month", "per week", "per day", "per hour", "per night", "per minute", "per second"}
)

_MONEY_PREFIXED = re.compile(
    rf"(?P<cur>{_CURRENCY_PREFIX_RE})\s?(?P<n1>{DIGITS})(?:[\s-]?(?P<s1>{SCALE}))?"
    rf"(?:\s?(?P<join>-|–|to|and)\s?(?:{_CURRENCY_PREFIX_RE})?\s?(?P<n2>{DIGITS})(?:[\s-]?(?P<s2>{SCALE}))?)?"
    rf"(?:\s+(?P<post>{_CURRENCY_WORD_RE}))?"
)
_MONEY_WORDED = re.compile(
    rf"(?P<n1>{NUMBER})(?:\s?(?P<join>-|–|to)\s?(?P<n2>{NUMBER}))?(?:[\s-]?(?P<s1>{SCALE}))?"
    rf"[\s-]+(?:of\s+)?(?P<cur>{_CURRENCY_WORD_RE})",
    re.IGNORECASE,
)
_MONEY_VAGUE = re.compile(
    rf"\b(?:(?P<many>tens|hundreds|dozens|several|a\s+few|many)\s+(?:of\s+)?)?"
    rf"(?P<scale>thousands|millions|billions|million|billion|thousand)\s+(?:of\s+)?(?P<cur>{_CURRENCY_WORD_RE})",
    re.IGNORECASE,
)
_UNDISCLOSED = re.compile(
    r"\b(?:(?:an?\s+)?undisclosed\s+(?P<n1>sum|amount|fee|price|figure|budget|payment|salary)"
    r"|(?P<n2>budget|price|fee|cost|amount|sum|terms|value|salary|figure|financial\s+details)\s+"
    r"(?:of\s+the\s+\w+\s+)?(?:is|was|were|are|remains|remained|has\s+been|have\s+been|had\s+been|will\s+be)\s+"
    r"(?:also\s+|still\s+|being\s+)?(?:kept\s+)?(?:secret|undisclosed|confidential|not\s+(?:been\s+)?(?:disclosed|revealed|made\s+public))"
    r"|(?:did|does|do|would|will)\s+not\s+(?:disclose|reveal)\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+)?"
    r"(?P<n3>budget|price|cost|amount|sum|terms|value|salary|fee|figure))\b",
    re.IGNORECASE,
)

_AGE_OLD = re.compile(
    rf"(?<![\w-])(?P<n>\d{{1,3}}|{WORDS})(?:[\s-]+|-)(?:years?|yrs?)(?:[\s-]+old\b|\s+of\s+age\b)", re.IGNORECASE
)
_APPOSITION = re.compile(r",\s+(?:the\s+|a\s+|an\s+|his\s+|her\s+|their\s+)?(?:[A-Z][\w-]*(?:['’]s)?\s+){0,2}$")
_AGE_AGED = re.compile(r"\baged\s+(?P<n>\d{1,3})\b(?!\s*(?:-|–|to|and)\s*\d)(?!\s*(?:%|years?\s+old))")
_AGE_COMMA = re.compile(r"(?<=,)\s(?P<n>\d{1,3})(?=\s*(?:,(?!\d)|;|\)|\.(?!\d)|$|\s+and\s|\s+[–—-]\s))")
_AGE_PAREN = re.compile(r"(?<=\()\s?(?P<n>\d{1,3})\s?(?=\))")
_AGE_WHO = re.compile(
    r"\bwho\s+(?:is|was|is\s+now|turns|turned|will\s+turn|has\s+turned)\s+(?P<n>\d{1,3})\b"
    r"(?=\s*(?:,|;|\.(?!\d)|$|\s+and\b|\s+years?\s+old|\s+(?:in|on|last|this|next)\s))"
)
_AGE_OF = re.compile(r"\b(?:at\s+)?(?:the\s+)?age\s+(?:of\s+)?(?P<n>\d{1,3})\b(?!\s*(?:%|-|–))")

_DURATION = re.compile(
    rf"(?P<n1>{NUMBER}|\ban?)(?P<half>[\s-]+and[\s-]+a[\s-]+half)?(?:\s*(?P<join>-|–|to|or)\s*(?P<n2>{NUMBER}))?"
    r"(?P<sep>[\s-]+)(?P<unit>seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|fortnights?|months?|years?|yrs?|decades?|centuries|century)\b"
    r"(?P<half2>\s+and\s+a\s+half\b)?(?P<tail>[\s-]+old\b|\s+ago\b|\s+of\s+age\b)?",
    re.IGNORECASE,
)
#: How many of the smaller unit one of the larger holds, for durations written in two parts ("4 hours and 15 minutes").
_SUBUNITS = {
    ("year", "month"): 12,
    ("week", "day"): 7,
    ("day", "hour"): 24,
    ("hour", "minute"): 60,
    ("minute", "second"): 60,
}
_DURATION_AND = re.compile(r"\s*(?:,\s*|\s)(?:and\s+)?$")
_DURATION_UNITS = {
    "second": ("second", 1),
    "minute": ("minute", 1),
    "min": ("minute", 1),
    "hour": ("hour", 1),
    "hr": ("hour", 1),
    "day": ("day", 1),
    "week": ("week", 1),
    "month": ("month", 1),
    "year": ("year", 1),
    "yr": ("year", 1),
    "decade": ("year", 10),
    "fortnight": ("week", 2),
    "century": ("year", 100),
    "centurie": ("year", 100),
}
#: Capitalised words that may open a sentence before a count ("Only 300 people", "Some 40 ships").
_COUNT_OPENERS = frozenset(
    "only all some about nearly almost over just another around roughly exactly at least".split()
)
_DURATION_LEAD = frozenset(
    "for within after lasted lasting spent spend took take than nearly almost over stayed stay stays remained".split()
)
_COUNT = re.compile(
    rf"(?<![^\W\d_]-)(?<![^\W\d_])(?P<between>between\s+)?(?P<n1>{DIGITS}|\b{WORDS})"
    rf"(?:\s*(?P<join>(?(between)and|(?:-\s*to|-|–|to)))\s*(?P<n2>{DIGITS}))?(?:\s+(?P<scale>million|billion|thousand|bn|mn)\b)?"
    r"(?P<percent>\s*%|\s+(?:per\s*cent|percent)\b)?",
    re.IGNORECASE,
)
#: A toll stated as such: "the death toll rose to 2,445", "revised the toll from 79 to 78", "a toll of 27".
_TOLL = re.compile(
    r"\b(?:death\s+)?toll\b[^.;:]{0,80}?\b(?:(?:rose|risen|climbed|jumped|increased|reached|stood|stands|hit)\s+"
    r"(?:to\s+|at\s+)?|(?:to|at|of|is|was)\s+)"
    rf"(?:at\s+least\s+|more\s+than\s+|over\s+|nearly\s+|almost\s+)?(?P<n>{DIGITS})(?![\d.,]*\s*(?:%|per))",
    re.IGNORECASE,
)
_PART_OF = re.compile(rf"(?<![\w.,])({DIGITS}|{WORDS})\s+(?:out\s+)?of\s+(?:the|its|all|their|a)\s+$", re.IGNORECASE)
_COUNT_VAGUE = re.compile(
    r"\b(?P<many>dozens|hundreds|thousands|millions|tens\s+of\s+thousands|hundreds\s+of\s+thousands)\s+of\b",
    re.IGNORECASE,
)
_GROUP = re.compile(
    rf"\b(?:an?\s+|the\s+)?(?P<noun>{_GROUP_NOUNS})\s+of\s+(?P<n1>{DIGITS}|\b{WORDS})\b(?!\s+[a-z]+s\b)", re.IGNORECASE
)
_HYPHEN_UNIT = re.compile(r"-([A-Za-z]+)\b")
_WORD_AT = re.compile(r"\s*(?:\(\s*)?([A-Za-z][\w’'-]*|[%])")
_VAGUE_RANGES = {
    "dozens": (24, 144),
    "hundreds": (200, 999),
    "thousands": (2_000, 9_999),
    "millions": (2_000_000, 999_999_999),
    "tens of thousands": (20_000, 99_999),
    "hundreds of thousands": (200_000, 999_999),
}
_VAGUE_MONEY = {
    "tens": (10, 99),
    "hundreds": (100, 999),
    "dozens": (24, 144),
    "several": (2, 9),
    "a few": (2, 5),
    "many": (2, 999),
}

#: Priority when candidates overlap: the more specific reading wins.
_PRIORITY = {"money": 5, "age": 4, "date": 3, "duration": 2, "count": 1}


@dataclass(slots=True)
class _Candidate:
    attribute: str
    start: int  # offsets into the sentence text
    end: int
    normalized: object
    precision: str = "none"
    approximate: bool = False
    measure: str | None = None
    #: The words that say the measure ("severance", "was paid").
    cue: Cue | None = None
    #: The name the figure is about, in the sentence (ages and births read it themselves).
    subject: NameSpan | None = None
    qualifier: str | None = None
    relative: bool = False
    #: A numeric date that reads either way keeps both readings until its article settles the order.
    readings: tuple[str, str] | None = None
    #: "md" or "dm": the order of day and month a numeric date shows by itself ("25/10/2021").
    order: str | None = None
    #: The subject read by `spacereader.engine.subjects`: its words and their body span (None for a referent
    #: such as "previous mission" that is not a name of the text).
    entity: str | None = None
    span: tuple[int, int] | None = None


# ── helpers ────────────────────────────────────────────────────────────────────────────────────────


def _interval(low: float | None, high: float | None) -> list[float | int | None]:
    return [tidy(low), tidy(high)]


def _amount(m: re.Match[str], n1: str, n2: str | None, s1: str | None, s2: str | None):
    """(value or [low, high], approximate) from the parts of an amount; None when a part is not a number."""
    first = parse_number(m.group(n1))
    if first is None:
        return None
    scale1 = scale_of(m.group(s1)) if s1 else 1
    second = parse_number(m.group(n2)) if n2 and m.group(n2) else None
    scale2 = scale_of(m.group(s2)) if s2 and m.group(s2) else scale1
    if second is not None:
        if s1 and not m.group(s1):
            scale1 = scale2
        low, high = first * scale1, second * scale2
        if high <= low:
            return None
        return _interval(low, high), False
    return tidy(first * scale1), False


def _lemma(word: str) -> str:
    lower = word.lower()
    if lower in _IRREGULAR:
        return _IRREGULAR[lower]
    if lower in UNITS:
        return UNITS[lower]
    if lower.endswith("ies") and len(lower) > 4:
        return lower[:-3] + "y"
    if lower.endswith(("ches", "shes", "sses", "xes")):
        return lower[:-2]
    if lower.endswith("s") and not lower.endswith("ss"):
        return lower[:-1]
    return lower


def _plural_noun(word: str) -> bool:
    lower = word.lower()
    if lower in _IRREGULAR or lower in UNITS:
        return True
    return (
        word[0].islower()
        and len(lower) > 2
        and lower.endswith("s")
        and not lower.endswith(("ss", "us", "is", "'s", "’s"))
        and lower not in _NOT_NOUNS
        and lower not in _FUNCTION
    )


def _count_value(first: float, second: float | None, scale: float) -> object:
    if second is not None and second > first:
        return _interval(first * scale, second * scale)
    return tidy(first * scale)


def _counted_noun(text: str, end: int, limit: int) -> tuple[str, int] | None:
    """The noun a number counts ("3,000 candidates", "three Russian cosmonauts", "230 cubic meters")."""
    cursor = end
    shape = None
    hyphen = _HYPHEN_UNIT.match(text, end, limit)
    if hyphen and hyphen.group(1).lower() in UNITS:
        return UNITS[hyphen.group(1).lower()], hyphen.end()  # "a 90-foot vessel", "30-meter-long"
    for step in range(4):
        match = _WORD_AT.match(text, cursor, limit)
        if not match:
            return None
        word = match.group(1)
        lower = word.lower()
        if step == 0 and lower in ("of", "in", "to", "out", "percent"):
            return None
        if lower in ("cubic", "square", "sq"):
            shape = "cubic" if lower == "cubic" else "square"
            cursor = match.end()
            continue
        if lower.rstrip("s") in _DURATION_UNITS:
            return None
        if lower in UNITS:
            unit = UNITS[lower]
            return (f"{shape} {unit}" if shape else unit), match.end()
        if _plural_noun(word):
            return _lemma(word), match.end()
        if lower in _FUNCTION or lower in _NOT_NOUNS or class_of_word(lower, "date"):
            return None
        if word[0].isupper() and not (len(word) > 3 and lower.endswith(("an", "ian", "ese", "ish", "ch", "i"))):
            return None
        cursor = match.end()
    return None


# ── the extractors (offsets into the sentence text) ────────────────────────────────────────────────


_CURRENCY_SIGN = re.compile(r"[$€£¥₹₽₩₺₴]|\b(?:" + "|".join(_CURRENCY_CODES) + r"|Rs)\b")
_CURRENCY_HINTS = (*_CURRENCY_WORDS, *(code.lower() for code in _CURRENCY_CODES))
_SCALE_HINTS = ("thousand", "million", "billion")
_SECRET_HINTS = ("secret", "undisclosed", "disclos", "confidential", "reveal", "public")
_UNIT_HINTS = ("second", "min", "hour", "hr", "day", "week", "fortnight", "month", "year", "yr", "decade", "centur")
_GROUP_HINTS = tuple(_GROUP_NOUNS.split("|"))


def _has_any(text: str, hints: tuple[str, ...]) -> bool:
    return _hint_pattern(hints).search(text) is not None


@cache
def _hint_pattern(hints: tuple[str, ...]) -> re.Pattern[str]:
    """One search for any of the hints (literal words), instead of one `in` per hint."""
    return re.compile("|".join(re.escape(hint) for hint in sorted(hints, key=len, reverse=True)))


def _money(text: str) -> Iterable[_Candidate]:
    lower = text.lower()
    for m in _MONEY_PREFIXED.finditer(text) if _CURRENCY_SIGN.search(text) else ():
        symbol = m.group("cur").strip().lower()
        currency = _CURRENCY_SYMBOLS.get(symbol) or (symbol.upper() if symbol.upper() in _CURRENCY_CODES else None)
        end = m.end()
        if m.group("join") == "and" and not re.search(r"\bbetween\s+$", text[max(0, m.start() - 9) : m.start()], re.I):
            # "$44.5 million and $20 million": two amounts, not a range.
            end = m.end("s1") if m.group("s1") else m.end("n1")
            amount = _amount(m, "n1", None, "s1", None)
            second = parse_number(m.group("n2"))
            if second is not None:
                second_end = m.end("s2") if m.group("s2") else m.end("n2")
                scale = scale_of(m.group("s2")) if m.group("s2") else scale_of(m.group("s1"))
                start2 = m.start("n2")
                if _CURRENCY_SIGN.match(text, max(0, start2 - 1)) or text[max(0, start2 - 1)] in "$€£¥₹":
                    start2 -= 1
                yield _Candidate("money", start2, second_end, {"amount": tidy(second * scale), "currency": currency})
        else:
            amount = _amount(m, "n1", "n2", "s1", "s2")
        if amount is None:
            continue
        if m.group("post") and end == m.end():
            currency = _currency_word(m.group("post")) or currency
        value, approximate = amount
        yield _Candidate("money", m.start(), end, {"amount": value, "currency": currency}, approximate=approximate)
    for m in _MONEY_WORDED.finditer(text) if _has_any(lower, _CURRENCY_HINTS) else ():
        amount = _amount(m, "n1", "n2", "s1", "s1")
        if amount is None:
            continue
        value, approximate = amount
        currency = _currency_word(m.group("cur"))
        yield _Candidate("money", m.start(), m.end(), {"amount": value, "currency": currency}, approximate=approximate)
    for m in _MONEY_VAGUE.finditer(text) if _has_any(lower, _SCALE_HINTS) else ():
        scale = scale_of(m.group("scale").rstrip("s"))
        many = " ".join((m.group("many") or "").lower().split())
        if many:
            low, high = _VAGUE_MONEY[many]
        elif m.group("scale").lower().endswith("s"):
            low, high = 1, 999
        else:
            continue
        value = _interval(low * scale, high * scale)
        yield _Candidate(
            "money", m.start(), m.end(), {"amount": value, "currency": _currency_word(m.group("cur"))}, approximate=True
        )
    for m in _UNDISCLOSED.finditer(text) if _has_any(lower, _SECRET_HINTS) else ():
        noun = (m.group("n1") or m.group("n2") or m.group("n3") or "").lower().split()[0]
        yield _Candidate("money", m.start(), m.end(), "undisclosed", measure=class_of_word(noun, "money") or noun)


def _currency_word(word: str) -> str | None:
    text = " ".join(word.split())
    if text.upper() in _CURRENCY_CODES:
        return text.upper()
    lower = text.lower()
    for country, code in _DOLLAR_COUNTRIES.items():
        if lower.startswith(country + " ") and "dollar" in lower:
            return code
    if lower.startswith("swiss"):
        return "CHF"
    head = lower.split()[-1] if "sterling" not in lower else "sterling"
    head = head[:-1] if head.endswith("s") and head not in ("reais",) else head
    return _CURRENCY_WORDS.get(head)


def _ages(text: str) -> Iterable[_Candidate]:
    for m in _AGE_OLD.finditer(text):
        age = parse_number(m.group("n"))
        if age is None or not 0 < age <= 125:
            continue
        subject = name_after(text, m.end())
        if subject is not None and len(subject.tokens) == 1 and subject.tokens[0].lower() in DEMONYMS:
            subject = None  # "the 36-year-old Argentine": who he is, not his name
        if subject is None and text[m.start() - 2 : m.start()] in (", ", "( "):
            subject = name_before(text, m.start())
        if subject is None and re.search(r"(?:,\s*|\bis\s+|\bwas\s+)$", text[max(0, m.start() - 6) : m.start()]):
            subject = name_before(text, m.start())
        if subject is None:
            # "Marta Lindquist, Bellhaven's 57-year-old chief executive": the name before the apposition.
            apposition = _APPOSITION.search(text, max(0, m.start() - 40), m.start())
            if apposition:
                subject = name_before(text, apposition.start())
        yield _Candidate("age", m.start(), m.end(), tidy(age), subject=subject, measure="age")
    # Several "(23)" in one sentence are goal minutes or list numbers, not ages.
    paren_ages = len(_AGE_PAREN.findall(text)) == 1
    for pattern in (_AGE_COMMA, _AGE_PAREN):
        if pattern is _AGE_PAREN and not paren_ages:
            continue
        for m in pattern.finditer(text):
            age = int(m.group("n"))
            if not 0 < age <= 125:
                continue
            subject = name_before(text, m.start("n"))
            if subject is None:
                # "The veteran goalkeeper, 41, kept …": a person noun before the age, no name.
                noun = re.search(r"\b([a-z]+)\s*[,(]\s*$", text[max(0, m.start("n") - 30) : m.start("n")])
                if noun and (noun.group(1) in ROLES or noun.group(1) in PERSON_NOUNS):
                    yield _Candidate("age", m.start("n"), m.end("n"), age, measure="age")
                continue
            if subject.tokens[-1].lower() in dates.MONTHS or subject.tokens[-1].lower() in dates.WEEKDAYS:
                continue
            if pattern is _AGE_PAREN and len(subject.tokens) < 2 and subject.role is None:
                continue
            yield _Candidate("age", m.start("n"), m.end("n"), age, subject=subject, measure="age")
    for pattern in (_AGE_AGED, _AGE_WHO, _AGE_OF):
        for m in pattern.finditer(text):
            age = parse_number(m.group("n"))
            if age is None or not 0 < age <= 125:
                continue
            subject = name_before(text, m.start())
            if subject is None and pattern is _AGE_OF:
                runs = [run for run in name_runs(text, 0, m.start()) if len(run.tokens) >= 2 or run.role]
                subject = runs[-1] if len(runs) == 1 else None
            yield _Candidate("age", m.start(), m.end(), tidy(age), subject=subject, measure="age")


def _durations(text: str) -> Iterable[_Candidate]:
    found: list[_Candidate] = []
    for m in _DURATION.finditer(text) if _has_any(text.lower(), _UNIT_HINTS) else ():
        if m.group("tail"):
            continue
        if m.group("n1").lower() in ("a", "an"):
            # "a year" is a duration after "for", "within", "more than" …, not in "once a year" or "$5m a year".
            before = text[max(0, m.start() - 12) : m.start()].lower().split()
            if _hedge_before(text, m.start()) is None and (not before or before[-1] not in _DURATION_LEAD):
                continue
        first = 1.0 if m.group("n1").lower() in ("a", "an") else parse_number(m.group("n1"))
        if first is None:
            continue
        if m.group("half") or m.group("half2"):
            first += 0.5  # "two and a half years", "a week and a half"
        unit_word = m.group("unit").lower()
        unit_word = unit_word[:-1] if unit_word.endswith("s") else unit_word
        unit, factor = _DURATION_UNITS.get(unit_word, (None, 1))
        if unit is None:
            continue
        hyphenated = "-" in m.group("sep")
        if hyphenated and m.group("unit").lower().endswith("s"):
            continue
        second = parse_number(m.group("n2")) if m.group("n2") else None
        if second is not None:
            if second <= first:
                continue
            value: object = _interval(first * factor, second * factor)
        else:
            value = tidy(first * factor)
        measure = None
        after = re.match(r"\s+of\s+([a-z]+)|[\s-]+([a-z]+)", text[m.end() : m.end() + 30])
        head = after.group(1) if after and after.group(1) else None
        if after and hyphenated and after.group(2) and after.group(2) not in _FUNCTION:
            head = after.group(2)
        if head is not None:
            measure = class_of_word(head, "duration")
        candidate = _Candidate("duration", m.start(), m.end(), {"value": value, "unit": unit}, measure=measure)
        if head is not None and measure is None:
            candidate.qualifier = _lemma(head)  # "a 52-week low": what lasts, if no word of the table says
        previous = found[-1] if found else None
        if previous is not None and (joined := _joined_duration(text, previous, candidate)) is not None:
            found[-1] = joined
        else:
            found.append(candidate)
    return found


def _joined_duration(text: str, first: _Candidate, second: _Candidate) -> _Candidate | None:
    """ "4 hours and 15 minutes", "11 years and three months": one duration in the smaller unit."""
    if not _DURATION_AND.fullmatch(" " + text[first.end : second.start]) or second.start - first.end > 6:
        return None
    a, b = first.normalized, second.normalized
    assert isinstance(a, dict) and isinstance(b, dict)
    ratio = _SUBUNITS.get((a["unit"], b["unit"]))
    if ratio is None or not isinstance(a["value"], int | float) or not isinstance(b["value"], int | float):
        return None
    value = {"value": tidy(a["value"] * ratio + b["value"]), "unit": b["unit"]}
    return _Candidate("duration", first.start, second.end, value, measure=second.measure or first.measure)


#: An ordinal's ending right after its digits: "21st", "3rd", "1er", "2e", "1º" rank, they do not count.
_ORDINAL_SUFFIX = re.compile(r"(?:st|nd|rd|th|er|re|ère|ème|eme|e|º|ª)(?![^\W\d_])", re.IGNORECASE)


def _counts(text: str) -> Iterable[_Candidate]:
    for m in _COUNT.finditer(text):
        n1 = m.group("n1")
        first = parse_number(n1)
        if (
            first is None
            or n1.lower() in ("one", "a dozen", "an dozen")
            or (n1[0] == "0" and len(n1) > 1 and n1[1].isdigit())
            or _ORDINAL_SUFFIX.match(text, m.end("n1"))
        ):
            continue
        start = m.start()
        if not m.group("n2") and text[start - 1 : start] in ("-", "−") and not text[start - 2 : start - 1].isalnum():
            start -= 1  # "-5 degrees", "−3%": a minus sign, not a hyphen in "COVID-19" or a range
            first = -first
        before = text[max(0, m.start() - 24) : m.start()]
        previous = re.search(r"([^\s]+)\s*$", before)
        previous_word = previous.group(1).lower() if previous else ""
        if previous_word in _IDENTIFIER_BEFORE or previous_word.startswith("#") or before.endswith(("#", "No. ")):
            continue
        # "Apollo 11", "Boeing 737", "Soyuz MS 18": a name with a number is an identifier.
        if (
            previous
            and previous.group(1)[:1].isupper()
            and previous.group(1).isalpha()
            and previous.group(1).lower() not in dates.MONTHS
            and previous.group(1).lower() not in _FUNCTION
            and previous.group(1).lower() not in _COUNT_OPENERS
        ):
            continue
        if text[m.end() : m.end() + 1] in (":", "/") or (
            text[m.end() : m.end() + 1] == "." and text[m.end() + 1 : m.end() + 2].isdigit()
        ):
            continue
        scale = scale_of(m.group("scale")) if m.group("scale") else 1
        second = parse_number(m.group("n2")) if m.group("n2") else None
        if m.group("between") and not m.group("n2"):
            continue
        if m.group("percent"):
            # A percentage is only comparable with one of the same thing: a rise, a turnout, a stake …
            thing = measure_of(text, m.start(), m.end(), "percent", before=60, after=50)
            change = measure_of(text, m.start(), m.end(), "change", before=25, after=12)
            cues = [found[1] for found in (thing, change) if found]
            yield _Candidate(
                "count",
                start,
                m.end(),
                _count_value(first, second, scale),
                measure=" ".join(found[0] for found in (thing, change) if found) or None,
                cue=min(cues, key=lambda cue: abs(cue.start - m.start())) if cues else None,
                # "down 19% since Chapek took over": a change over another period than the story's.
                qualifier="percent since" if change and _SINCE.search(text, 0, m.start()) else "percent",
            )
            continue
        found = _counted_noun(text, m.end(), min(len(text), m.end() + 80))
        if found is None:
            event = (
                _UNCOUNTED_EVENT.match(text, m.end())
                or _EVENT_ADJECTIVE.match(text, m.end())
                or _EVENT_BEFORE.search(text, max(0, m.start() - 30), m.start())
            )
            if event is not None and (key := class_of_word(event.group(1), "count")) in _PEOPLE_EVENTS:
                # "104 were rescued", "2,000 have been killed": people, though the noun is left out.
                yield _Candidate(
                    "count",
                    start,
                    m.end(),
                    _count_value(first, second, scale),
                    measure=key,
                    qualifier=_in_area(text, start, m.end(), "person"),
                )
            continue
        noun = found[0]
        end = m.end()
        part = _PART_OF.search(text, max(0, m.start() - 40), m.start())
        if part is not None and parse_number(part.group(1)) is not None:
            # "48 of the 230 seats": 48 seats, out of a total of 230.
            part_value = tidy(parse_number(part.group(1)))
            yield _Candidate("count", part.start(1), part.end(1), part_value, measure=noun, qualifier=noun)
            yield _Candidate(
                "count", start, end, _count_value(first, second, scale), measure=f"{noun} total", qualifier=noun
            )
            continue
        if second is not None and second <= first:
            continue
        measure, cue, qualifier = _count_measure(text, m.start(), end, noun)
        yield _Candidate(
            "count", start, end, _count_value(first, second, scale), measure=measure, cue=cue, qualifier=qualifier
        )
    lower = text.lower()
    for m in _COUNT_VAGUE.finditer(text) if " of" in lower else ():
        found = _counted_noun(text, m.end(), min(len(text), m.end() + 80))
        if found is None:
            continue
        low, high = _VAGUE_RANGES[" ".join(m.group("many").lower().split())]
        measure, cue, qualifier = _count_measure(text, m.start(), m.start() + len(m.group("many")), found[0])
        yield _Candidate(
            "count",
            m.start(),
            m.start() + len(m.group("many")),
            _interval(low, high),
            approximate=True,
            measure=measure,
            cue=cue,
            qualifier=qualifier,
        )
    for m in _TOLL.finditer(text) if "toll" in lower else ():
        value = parse_number(m.group("n"))
        if value is not None:
            qualifier = _in_area(text, m.start("n"), m.end("n"), "person")
            yield _Candidate("count", m.start("n"), m.end("n"), tidy(value), measure="killed", qualifier=qualifier)
    for m in _GROUP.finditer(text) if _has_any(lower, _GROUP_HINTS) else ():
        value = parse_number(m.group("n1"))
        if value is None:
            continue
        noun = m.group("noun").lower()
        yield _Candidate("count", m.start("noun"), m.end(), tidy(value), measure=noun, qualifier=noun)


_UNIT_AFTER = re.compile(r"[\s-]*(?:cubic\s+|square\s+)?[A-Za-z]+\b")
#: A part of a country a count may be limited to ("in Al Haouz province"), unless it is where most were counted.
_AREA = re.compile(
    r"\b[Ii]n\s+(?:the\s+)?([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+(province|district|region|county|municipality|prefecture)\b"
)
_PART = re.compile(r"\b(?:most|mostly|many|majority|including|whom|them|among)\b[^.;]*$", re.IGNORECASE)
#: What "an N-unit thing" measures of the thing: "a 90-foot vessel" is 90 feet long.
_SIZE_OF_THINGS = {"length": "length", "mass": "weight"}
_SINCE = re.compile(r"\bsince\b", re.IGNORECASE)
_UNCOUNTED_EVENT = re.compile(r"\s+(?:were|are|have\s+been|had\s+been|was)\s+(?:[a-z]+ly\s+)?([a-z]+)\b")
#: "killing 2,012 and injuring 2,059": the event before the number, the people left unsaid.
_EVENT_BEFORE = re.compile(
    r"\b(killing|killed|injuring|injured|wounding|wounded|rescuing|rescued|evacuating|evacuated)\s+"
    r"(?:at\s+least\s+|more\s+than\s+|over\s+|nearly\s+|almost\s+|about\s+|some\s+|another\s+)?$",
    re.IGNORECASE,
)
_EVENT_ADJECTIVE = re.compile(r"\s+(dead|killed|injured|wounded|missing|rescued|hurt)\b")
#: Events that happen to people, which a count may state without saying "people".
_PEOPLE_EVENTS = frozenset("killed injured missing arrested evacuated rescued aboard infected".split())


def _in_area(text: str, start: int, end: int, qualifier: str) -> str:
    """ "In Al Haouz province, 1,293 people died": a part of the toll, not the whole ("person in Al Haouz
    province"); not where most of a toll was counted ("2,012, most of them in Al Haouz province")."""
    area = _AREA.search(text, max(0, start - 80), min(len(text), end + 60))
    if area is None or _PART.search(text, max(0, area.start() - 25), area.start()):
        return qualifier
    return f"{qualifier} in {area.group(1)} {area.group(2).lower()}"


def _count_measure(text: str, start: int, end: int, noun: str) -> tuple[str | None, Cue | None, str]:
    """(measure, cue, qualifier) of a count: what happened to what it counts, or what it measures.

    "78 migrants drowned" → killed, of people; "1,600 feet from the bow" → distance, in feet; "50 seats" → seat.
    """
    if noun in UNITS.values() or noun.split()[-1] in UNITS.values():
        unit = _UNIT_AFTER.match(text, end)  # what follows the unit says what it measures: "71 km from …"
        after = unit.end() if unit else end
        close = text.find(")", after, after + 40) if text[after : after + 3].lstrip().startswith("(") else -1
        # up to the next figure, whose words are its own (past a conversion in brackets: "2,000 feet (610 m) high")
        following = _DIGIT.search(text, max(after, close), after + 40)
        found = measure_of(
            text, start, after, "size", before=50, after=(following.start() - after) if following else 40
        )
        if found is not None:
            return found[0], found[1], noun
        if text.startswith("-", end) and UNIT_SIZES.get(noun, ("",))[0] in _SIZE_OF_THINGS:
            return _SIZE_OF_THINGS[UNIT_SIZES[noun][0]], None, noun  # "a 90-foot vessel": its length
        return noun, None, noun
    qualifier = "person" if noun in _PEOPLE else "child" if noun in _CHILDREN else noun
    found = measure_of(text, start, end, "count", before=60, after=40)
    if found is not None:
        return found[0], found[1], _in_area(text, start, end, qualifier)
    return noun, None, noun


_MAGNITUDE = re.compile(
    r"\b(?:magnitude(?:\s+(?:of|at))?|M|Mw)[\s-]?(?P<a>[1-9](?:\.\d)?)\b(?![.,]\d)(?!\s*(?:%|per))"
    r"|(?<![\d.,])(?P<b>[1-9]\.\d)(?:[\s-]+|-)(?:magnitude\b|on\s+the\s+Richter\b|(?:earth)?quake\b|tremor\b)"
    r"|\bmeasur(?:ing|ed)\s+(?P<c>[1-9]\.\d)\b(?![.,]\d)"
)


def _magnitudes(text: str) -> Iterable[_Candidate]:
    """ "a magnitude 6.3 earthquake", "the 6.8-magnitude quake", "M9.5", "measuring 6.9"."""
    for m in _MAGNITUDE.finditer(text):
        group = "a" if m.group("a") else "b" if m.group("b") else "c"
        value = float(m.group(group))
        yield _Candidate("count", m.start(group), m.end(group), value, measure="magnitude", qualifier="magnitude")


def _dates(text: str, published, future: bool | None) -> Iterable[_Candidate]:
    for found in dates.find_dates(text, published, future):
        yield _Candidate(
            "date",
            found.start,
            found.end,
            found.normalized,
            precision=found.precision,
            approximate=found.approximate,
            relative=found.relative,
            readings=found.readings,
            order=found.order,
        )


_LIFE_EVENT = re.compile(r"(?:,\s*(?:who\s+was\s+)?|\s+(?:was|is|had\s+been)\s+|\s+)(?:born|died)\b[^,;]{0,24}$")


def _life_event_subject(text: str, start: int) -> NameSpan | None:
    """ "Yulia Peresild was born on 5 September 1984": the name right before "was born" / ", born" / "died"."""
    match = _LIFE_EVENT.search(text, max(0, start - 60), start)
    if match is None:
        return None
    return name_before(text, match.start())


_HEDGE_BEFORE = re.compile(rf"(?<![\w-])({HEDGE})\s+$", re.IGNORECASE)


def _hedge_before(text: str, start: int) -> re.Match[str] | None:
    """A hedge ("about", "more than", "up to") right before an amount, looked up backwards in a short window."""
    low = max(0, start - 24)
    return _HEDGE_BEFORE.search(text, low, start)


def _apply_hedge(candidate: _Candidate, text: str) -> None:
    """Widen an amount to the hedge before it: "more than $60 million" → [60000000, None], approximate."""
    match = _hedge_before(text, candidate.start)
    if match is None:
        if text[candidate.start - 1 : candidate.start] == "~" and candidate.start:
            candidate.start -= 1  # "~100 minors": about 100
            candidate.approximate = True
        return
    kind = hedge_kind(match.group(1))
    candidate.start = match.start(1)
    candidate.approximate = True
    value = candidate.normalized
    if candidate.attribute == "money" and isinstance(value, dict) and isinstance(value.get("amount"), int | float):
        candidate.normalized = {**value, "amount": hedged(value["amount"], kind)}
    elif candidate.attribute == "duration" and isinstance(value, dict) and isinstance(value.get("value"), int | float):
        candidate.normalized = {**value, "value": hedged(value["value"], kind)}
    elif candidate.attribute == "count" and isinstance(value, int | float):
        candidate.normalized = hedged(value, kind)


def _resolve(candidates: list[_Candidate]) -> list[_Candidate]:
    """Keep non-overlapping candidates: higher priority first, then the longer, then the earlier."""
    ordered = sorted(candidates, key=lambda c: (-_PRIORITY[c.attribute], -(c.end - c.start), c.start))
    kept: list[_Candidate] = []
    starts: list[int] = []  # the kept spans, sorted and disjoint: a bisect finds the neighbours
    ends: list[int] = []
    for candidate in ordered:
        index = bisect.bisect_right(starts, candidate.start)
        if index and ends[index - 1] > candidate.start:
            continue
        if index < len(starts) and starts[index] < candidate.end:
            continue
        starts.insert(index, candidate.start)
        ends.insert(index, candidate.end)
        kept.append(candidate)
    kept.sort(key=lambda c: c.start)
    return kept


_DIGIT = re.compile(r"\d")
_LOWER_WORD = re.compile(r"[a-z]+")
_NUMBER_WORDS = frozenset(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety dozen dozens hundred hundreds thousand "
    "thousands million millions billion billions tens several few".split()
)
_MONEY_TRIGGERS = frozenset(
    "million millions billion billions thousand thousands trillion crore lakh secret undisclosed disclose disclosed "
    "reveal revealed confidential public".split()
)
_AGE_TRIGGERS = frozenset("old age aged".split())
_DATE_TRIGGERS = frozenset(
    [
        *dates.MONTHS,
        *dates.WEEKDAYS,
        *dates.DECADE_WORDS,
        *"yesterday today tonight tomorrow ago week weekend month year morning afternoon evening century".split(),
        *"midnight noon midday".split(),
    ]
)
_COUNT_TRIGGERS = frozenset(_GROUP_NOUNS.split("|"))


def _sentence_candidates(text: str, published) -> list[_Candidate]:
    candidates: list[_Candidate] = []
    # Most sentences state no figure: cheap word checks skip the extractors that cannot match.
    if _DIGIT.search(text):
        money = ages = found_dates = durations = counts = True
    else:
        lower = text.lower()
        words = set(_LOWER_WORD.findall(lower))
        numbers = bool(words & _NUMBER_WORDS)
        # The extractors' own hint lists, so these checks cannot drift from what they read.
        money = bool(words & _MONEY_TRIGGERS) or _has_any(lower, _CURRENCY_HINTS)
        ages = numbers and bool(words & _AGE_TRIGGERS)
        found_dates = bool(words & _DATE_TRIGGERS)
        durations = _has_any(lower, _UNIT_HINTS)
        counts = numbers or bool(words & _COUNT_TRIGGERS)
    if money:
        candidates += _money(text)
    if ages:
        candidates += _ages(text)
    if found_dates:
        candidates += _dates(text, published, None)
    if durations:
        candidates += _durations(text)
    if counts:
        candidates += _counts(text)
    if money or counts:
        candidates += _magnitudes(text)
    if not candidates:
        return []
    for candidate in candidates:
        if candidate.attribute in ("money", "duration", "count") and candidate.normalized != "undisclosed":
            _apply_hedge(candidate, text)
    kept = _resolve(candidates)
    result = []
    for index, candidate in enumerate(kept):
        previous = kept[index - 1] if index else None
        if (
            previous is not None
            and candidate.attribute in ("count", "duration")
            and re.fullmatch(r"[\s\w.-]{0,24}\(\s*", text[previous.end : candidate.start])
            and previous.attribute in ("count", "duration")
        ):
            continue  # "2,300 feet (701 meters)"
        if candidate.attribute == "date" and candidate.measure is None:
            found = measure_of(text, candidate.start, candidate.end, "date")
            if found is not None:
                candidate.measure, candidate.cue = found
                if _PLANNED.search(text, max(0, found[1].start - 40), found[1].start):
                    # "was originally scheduled to launch in 2021": a plan, not what happened.
                    candidate.measure = f"planned {candidate.measure}"
            if candidate.measure in ("born", "died"):
                candidate.subject = _life_event_subject(text, candidate.start)
        elif candidate.attribute == "duration" and candidate.measure is None:
            found = measure_of(text, candidate.start, candidate.end, "duration")
            # "a five-year commitment": the noun a duration qualifies says what lasts, unless a word that names
            # the thing outright stands near ("her lawyers asked for 18 months of home detention").
            if found is not None and (candidate.qualifier is None or found[1].measure.rank >= 2):
                candidate.measure, candidate.cue = found
                if candidate.measure == "requested":
                    candidate.measure = _requested_by(text, candidate.start, found[1])
            if candidate.measure is None:
                candidate.measure = candidate.qualifier
            candidate.qualifier = None
            if candidate.measure == "tenure" and _FUTURE_TERM.search(
                text, max(0, candidate.start - 60), candidate.start
            ):
                candidate.measure = "term"  # "will serve as CEO for two years": a term ahead, not one served
        elif candidate.attribute == "money":
            _money_measure(candidate, text, kept[index + 1] if index + 1 < len(kept) else None)
        result.append(candidate)
    for index, candidate in enumerate(result):
        following = result[index + 1] if index + 1 < len(result) else None
        if following is not None and _converts(text, candidate, following):
            # "$207 million (£173 million)", "10:20 a.m. EST (8.50 p.m. IST)": one figure in two units.
            following.measure, following.cue = candidate.measure, candidate.cue
            following.qualifier = following.qualifier or candidate.qualifier
    # A time in a sentence with one day: the two make a date-time.
    days = [c for c in result if c.attribute == "date" and c.precision == "day" and isinstance(c.normalized, str)]
    for candidate in result:
        if (
            (
                candidate.attribute == "date"
                and candidate.precision == "time"
                and str(candidate.normalized).startswith("T")
            )
            and len(days) == 1
            and not str(days[0].normalized).startswith("--")
        ):
            candidate.normalized = str(days[0].normalized) + str(candidate.normalized)  # "2024-01-20T00:20+09:00"
        if candidate.attribute == "date" and candidate.measure is None and candidate.precision == "time" and days:
            found = measure_of(text, days[0].start, days[0].end, "date")
            if found is not None:
                candidate.measure, candidate.cue = found
    return result


_PROSECUTION = re.compile(r"\b(?:prosecutors?|prosecution|government|state|crown)\b", re.IGNORECASE)
_DEFENCE = re.compile(r"\b(?:defen[cs]e|lawyers?|attorneys?|counsel)\b", re.IGNORECASE)


def _requested_by(text: str, start: int, cue: Cue) -> str:
    """ "the 15 years prosecutors sought", "her lawyers asked for 18 months": whose request a sentence is."""
    low, high = min(start, cue.start) - 40, max(start, cue.end) + 25
    window = text[max(0, low) : high]
    prosecution, defence = _PROSECUTION.search(window), _DEFENCE.search(window)
    if prosecution and not defence:
        return "requested by the prosecution"
    if defence and not prosecution:
        return "requested by the defence"
    return "requested"


def _money_measure(candidate: _Candidate, text: str, following: _Candidate | None) -> None:
    """What an amount is: the class of the cue near it, or of the noun it stands before, and its period."""
    found = measure_of(text, candidate.start, candidate.end, "money")
    if candidate.measure is None and found is not None:
        candidate.measure, candidate.cue = found
    head = _MONEY_HEAD.match(text, candidate.end)
    if head and (word := head.group(1).lower()) in _PRICED_THINGS:
        # "a $350 million mission", "the $12-billion deal", "a $28 million payout": what the amount is of.
        candidate.measure = class_of_word(word, "money") or "cost"
    end = candidate.end
    if following is not None and following.attribute == "money" and _converts(text, candidate, following):
        end = text.find(")", following.end) + 1 or following.end  # "$207 million (£173 million) a year"
    per = _PER.match(text, end)
    if per:
        unit = (per.group(1) or "each").lower()
        candidate.qualifier = "per " + _PERIODS.get(unit, unit)
        if candidate.measure in (None, "value", "cost", "offer", "payout") and candidate.qualifier not in _PERIODIC:
            # "$41 a share", "the offer values it at $43 per share": a unit price either way.
            candidate.measure = "price"
    elif _ANNUAL.search(text, max(0, candidate.start - 40), min(len(text), candidate.end + 30)):
        candidate.qualifier = "per year"
    if candidate.qualifier in _PERIODIC and candidate.measure in _PAID_OVER_TIME:
        candidate.measure = "pay"


def _converts(text: str, first: _Candidate, second: _Candidate) -> bool:
    """Whether `second` is `first` in other units, in brackets right after it."""
    return (
        first.attribute == second.attribute
        and bool(
            re.fullmatch(
                r"\s*\(\s*(?:or\s+|about\s+|approximately\s+|around\s+|roughly\s+)?", text[first.end : second.start]
            )
        )
        and text[second.end : second.end + 3].lstrip().startswith(")")
    )


# ── subjects ───────────────────────────────────────────────────────────────────────────────────────

_PLANNED = re.compile(
    r"\b(?:(?:was|were|had\s+been|had)\s+(?:originally\s+|initially\s+|first\s+)?"
    r"(?:scheduled|planned|due|set|expected|slated|supposed|meant)|originally|initially|had\s+planned|were\s+to|was\s+to)"
    r"\b[^.;]*$",
    re.IGNORECASE,
)
_FUTURE_TERM = re.compile(r"\b(?:will|would|shall|’ll|'ll|to\s+serve|to\s+work|set\s+to)\b", re.IGNORECASE)

#: Quoted titles of films, books, ships ("“The Martian”", "‘Mission Impossible’"): names of things.
_TITLE = re.compile(r"[“\"‘]([A-Z0-9][^“”\"‘’\n]{0,60}?)[”\"’](?![a-z])")
#: Named things with a number: "Luna-25", "Chandrayaan-3", "Artemis 1".
_NUMBERED = re.compile(r"\b[A-Z][A-Za-z]+-\d{1,3}[A-Z]?\b")
#: How far before and after a figure its subject is looked for.
_SUBJECT_BEFORE, _SUBJECT_AFTER = 240, 120


def _sentence_names(sentence: Sentence, mentions: Sequence[Mention], titles: bool = True) -> list[subjects.Name]:
    """Names a subject can be: the sentence's mentions, quoted titles and numbered things (sentence offsets)."""
    text, offset = sentence.text, sentence.start
    spans: dict[tuple[int, int], None] = {}
    for mention in mentions:
        lower = mention.text.lower()
        if lower in DEMONYMS or lower in dates.MONTHS or lower in dates.WEEKDAYS:
            continue
        spans[(mention.start - offset, mention.end - offset)] = None
    for match in _TITLE.finditer(text) if titles else ():
        words = match.group(1).split()
        if len(words) <= 8 and sum(word[0].isupper() for word in words) * 2 >= len(words):
            spans[match.span(1)] = None
    for match in _NUMBERED.finditer(text) if titles else ():
        spans[match.span()] = None
    ordered = sorted(spans, key=lambda span: (span[0], -span[1]))
    names: list[subjects.Name] = []
    for start, end in ordered:
        if names and start < names[-1].end:
            continue  # a mention inside a title: the title
        names.append(subjects.make_name(text, start, end))
    return names


def _attribute(
    candidates: list[_Candidate], sentence: Sentence, names: list[subjects.Name], previous: _Candidate | None
) -> None:
    """Set each figure's entity from the sentence's structure (ages and births keep the names they read)."""
    starts = [name.start for name in names]
    figure_starts = [c.start for c in candidates]  # candidates come sorted by start
    for candidate in candidates:
        if candidate.attribute == "age" or candidate.subject is not None:
            continue
        # The patterns read a window around the figure, so a sentence of a megabyte costs no more per figure.
        w0 = max(0, candidate.start - _SUBJECT_BEFORE)
        w1 = min(len(sentence.text), candidate.end + _SUBJECT_AFTER)
        low, high = bisect.bisect_left(starts, w0), bisect.bisect_right(starts, w1)
        window = subjects.Sentence(
            sentence.text[w0:w1],
            [replace(name, start=name.start - w0, end=name.end - w0) for name in names[low:high] if name.end <= w1],
            [
                (c.start - w0, c.end - w0)
                for c in candidates[bisect.bisect_left(figure_starts, w0) : bisect.bisect_right(figure_starts, w1)]
                if c.end <= w1
            ],
            candidate.start - w0,
            candidate.end - w0,
            replace(candidate.cue, start=candidate.cue.start - w0, end=candidate.cue.end - w0)
            if candidate.cue and w0 <= candidate.cue.start and candidate.cue.end <= w1
            else None,
            whole=w0 == 0,
        )
        found = subjects.subject_of(window)
        if found is None:
            continue
        if found.carried:
            if previous is not None:
                candidate.entity, candidate.span = previous.entity, previous.span
        elif found.name is not None:
            candidate.entity = found.name.text
            candidate.span = (sentence.start + w0 + found.name.start, sentence.start + w0 + found.name.end)
        else:
            candidate.entity = found.text


def _topic(candidates: list[_Candidate], sentence: Sentence, names: list[subjects.Name]) -> _Candidate | None:
    """What the next sentence's "it" or "his" may refer to: this sentence's first subject, or its opening name."""
    for candidate in candidates:
        if candidate.entity and candidate.span:
            return candidate
    if names and not names[0].locative and subjects.opens(sentence.text, names[0]):
        name = names[0]
        return _Candidate(
            "name",
            name.start,
            name.end,
            None,
            entity=name.text,
            span=(sentence.start + name.start, sentence.start + name.end),
        )
    return None


def extract_facts(
    article: Article, sentences: Sequence[Sentence], mentions: Sequence[Mention] | None = None
) -> tuple[Fact, ...]:
    """Every date, age, amount of money, duration and count the article's sentences state, with what each is
    about. `mentions` are the article's names (`names.find_entities`); found here when not given."""
    if mentions is None:
        mentions = find_entities([article], {article.id: sentences})[0]
    by_sentence: dict[int, list[Mention]] = {}
    for mention in mentions:
        if mention.source == article.id:
            by_sentence.setdefault(mention.sentence, []).append(mention)
    found: list[tuple[Sentence, list[_Candidate]]] = []
    previous: _Candidate | None = None
    for sentence in sentences:
        candidates = _sentence_candidates(sentence.text, article.published)
        mentioned = by_sentence.get(sentence.index, ())
        # A sentence with no figure needs only the name it may open with, for the next one's "it" or "his".
        names = _sentence_names(sentence, mentioned if candidates else mentioned[:1], titles=bool(candidates))
        if candidates:
            _attribute(candidates, sentence, names, previous)
        previous = _topic(candidates, sentence, names)
        found.append((sentence, candidates))
    # "10/5/2021" is 10 May when the article writes "25/10/2021" elsewhere; otherwise it keeps both readings.
    orders = {c.order for _, candidates in found for c in candidates if c.order}
    facts: list[Fact] = []
    for sentence, candidates in found:
        for candidate in candidates:
            if candidate.readings and len(orders) == 1:
                candidate.normalized = candidate.readings[0 if orders == {"md"} else 1]
                candidate.readings = None
            start, end = sentence.start + candidate.start, sentence.start + candidate.end
            span = candidate.span
            if candidate.subject is not None:
                span = (sentence.start + candidate.subject.start, sentence.start + candidate.subject.end)
            facts.append(
                Fact(
                    source=article.id,
                    sentence=sentence.index,
                    attribute=candidate.attribute,  # type: ignore[arg-type]
                    value=article.body[start:end],
                    normalized=candidate.normalized,
                    start=start,
                    end=end,
                    entity=candidate.subject.text if candidate.subject else candidate.entity,
                    measure=candidate.measure,
                    precision=candidate.precision,  # type: ignore[arg-type]
                    approximate=candidate.approximate,
                    # An unsettled numeric date: "2021-10-05 or 2021-05-10" (month first, then day first).
                    qualifier=" or ".join(candidate.readings) if candidate.readings else candidate.qualifier,
                    relative=candidate.relative,
                    subject=span,
                )
            )
    return tuple(_attribute_bare_ages(facts, article.body))


_ROLE_AFTER = re.compile(r"\s+([a-z]+)")


def _the_one_named(body: str, fact: Fact) -> str | None:
    """ "the 37-year-old actress" after "actress Yulia Peresild" (and no other actress): that person."""
    role = _ROLE_AFTER.match(body, fact.end)
    if role is None or role.group(1) not in ROLES or role.group(1) in ("former", "new", "late", "then", "veteran"):
        return None
    pattern = re.compile(rf"\b(?i:{role.group(1)})\s+([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){{1,2}})")
    names = {match.group(1) for match in pattern.finditer(body, 0, fact.start)}
    return next(iter(names)) if len(names) == 1 else None


def _attribute_bare_ages(facts: list[Fact], body: str) -> list[Fact]:
    """ "the 37-year-old said": the person of the one earlier fact of the article with that age, or of the
    one person named earlier with the role that follows ("the 37-year-old actress").

    Only after "the": "a 37-year-old man" introduces someone new.
    """
    out: list[Fact] = []
    known: dict[object, set[str]] = {}
    for fact in facts:
        if fact.attribute == "age":
            if fact.entity is None:
                if not body[max(0, fact.start - 5) : fact.start].lower().endswith(("the ", "the\n")):
                    out.append(fact)
                    continue
                people = known.get(fact.normalized, set())
                if len(people) == 1:
                    fact = replace(fact, entity=next(iter(people)))
                elif not people:
                    named = _the_one_named(body, fact)
                    if named is not None:
                        fact = replace(fact, entity=named)
            else:
                known.setdefault(fact.normalized, set()).add(fact.entity)
        out.append(fact)
    return out


# ── linking facts to entities ──────────────────────────────────────────────────────────────────────


def link_facts(facts: Sequence[Fact], mentions: Sequence[Mention], entities: Sequence[Entity]) -> tuple[Fact, ...]:
    """Replace each fact's name as written with the display name of the entity it belongs to."""
    names = {entity.id: entity.name for entity in entities}
    by_source: dict[str, list[Mention]] = {}
    for mention in mentions:
        by_source.setdefault(mention.source, []).append(mention)
    for items in by_source.values():
        items.sort(key=lambda m: m.start)
    starts = {source: [m.start for m in items] for source, items in by_source.items()}
    # Spellings by word, so a name is compared only with the spellings that share a word with it.
    spellings: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for entity in entities:
        for spelling, _ in entity.spellings:
            key = tuple(fold(word) for word in spelling.split())
            for word in set(key):
                spellings.setdefault(word, []).append((key, entity.id))
    out = []
    for fact in facts:
        if fact.entity is None or fact.entity[:1].islower():
            out.append(fact)  # no subject, or one described in words ("lander rover propulsion")
            continue
        items = by_source.get(fact.source, [])
        found = _entity_for(fact, items, starts.get(fact.source, []), spellings)
        out.append(replace(fact, entity=names[found] if found else fact.entity))
    return tuple(out)


def _entity_for(
    fact: Fact,
    mentions: list[Mention],
    starts: list[int],
    spellings: Mapping[str, list[tuple[tuple[str, ...], str]]],
) -> str | None:
    if fact.subject is not None:
        low, high = fact.subject
        index = bisect.bisect_left(starts, low)
        for mention in mentions[max(0, index - 2) : index + 3]:
            if mention.start < high and low < mention.end:
                return mention.entity
    words = tuple(fold(word) for word in fact.entity.split()) if fact.entity else ()
    if not words:
        return None
    for word in words:
        for key, entity in spellings.get(word, ()):
            if same_name(words, key):
                return entity
    if len(words) == 1:
        matches = {m.entity for m in mentions if fold(m.text).split()[-1:] == [words[0]]}
        if len(matches) == 1:
            return next(iter(matches))
    return None
