"""Facts a sentence states: dates, ages, amounts of money, durations and counts.

`extract_facts(article, sentences)` finds each figure with its span in the article body, its
normalised value per CONTRACT.md, its precision, whether it is hedged ("about", "more than"), the
word that says what it measures (born, budget, launch, candidates …) and, for ages, the person it is
about. Names themselves are found by `spacereader.engine.names`; `link_facts` later replaces the name as
written with the entity's display name.

Rules over regular expressions, all of them linear in the input (possessive digit runs, bounded
windows, look-behinds that let a number start only at the start of its run of digits).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from spacereader.engine import dates
from spacereader.engine.names import PERSON_NOUNS, ROLES, NameSpan, fold, name_after, name_before, name_runs, same_name
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


DATE_CONTEXT = _lexicon(
    {
        "born": "born birth birthday",
        "died": "died dies death dead passed",
        "launch": "launch launched launches launching liftoff lift-off blast-off depart departs departed departing "
        "departure leave leaves leaving take-off takeoff",
        "dock": "docked docking dock docks",
        "arrive": "arrive arrived arrives arriving arrival",
        "return": "return returned returns returning",
        "land": "land landed lands landing touchdown",
        "release": "release released releases releasing premiere premiered premieres debut debuted",
        "announce": "announce announced announces announcing announcement unveiled unveil",
        "election": "election elections elected vote voted polls",
        "sign": "sign signed signs signing",
        "found": "founded founding established",
        "build": "built build constructed completed",
        "award": "won award awarded prize",
        "start": "began begin begins start started starts starting kicked opened opening",
        "end": "ended ends end finished finish concluded closing closed",
        "resign": "resigned resign resignation quit",
        "appoint": "appointed appointment named sworn inaugurated inauguration",
        "arrest": "arrested arrest detained",
        "sentence": "sentenced sentencing convicted",
        "marry": "married wedding",
        "attack": "attack attacked attacks",
        "publish": "published publication",
        "meet": "met meeting meet summit",
        "confirm": "confirmed confirm",
        "film": "filmed filming shot shooting",
        "deal": "sold sale acquired acquisition bought takeover merger merged",
    }
)
MONEY_CONTEXT = _lexicon(
    {
        "budget": "budget budgets budgeted",
        "cost": "cost costs costing costed",
        # What a buyer pays: a price, a deal, a bid, a transfer fee.
        "price": "price priced prices paid pay paying pays payment payments deal bid offer acquisition acquire "
        "acquired buy buying bought takeover sold sell selling sale fee worth",
        "salary": "salary salaries wage wages earns earned earning",
        "revenue": "revenue revenues sales turnover",
        "profit": "profit profits earnings income",
        "loss": "loss losses lost",
        "fine": "fine fined fines penalty",
        "value": "valued valuation value capitalisation capitalization",
        "funding": "raised raise raising funding round",
        "investment": "invest invested investment investing",
        "spend": "spend spent spending",
        "debt": "debt debts loan loans borrow borrowed borrowing bonds",
        "aid": "aid grant grants package",
        "prize": "prize bonus jackpot",
        "settlement": "damages settlement compensation",
        "tax": "tax taxes",
        "gross": "grossed gross box-office",
        "dividend": "dividend dividends",
        "contract": "contract contracts",
    }
)
DURATION_CONTEXT = _lexicon(
    {
        "stay": "stay stays stayed stint spend spent",
        "mission": "mission missions expedition",
        "flight": "flight flights",
        "trip": "trip trips journey voyage visit",
        "orbit": "orbit",
        "training": "training trained",
        "sentence": "sentence sentenced jail prison",
        "term": "term terms tenure",
        "contract": "contract contracts deal",
        "ban": "ban banned suspension suspended",
        "delay": "delay delayed",
        "strike": "strike strikes",
        "war": "war conflict fighting",
        "lockdown": "lockdown shutdown",
        "film": "film filming shoot shooting footage",
        "career": "career",
        "talks": "talks negotiations",
        "trial": "trial",
        "ceasefire": "ceasefire truce",
    }
)
#: What a percentage is a share of, or a change in.
PERCENT_CONTEXT = _lexicon(
    {
        "revenue": "revenue revenues sales turnover",
        "profit": "profit profits earnings income",
        "share-price": "shares stock",
        "stake": "stake holding",
        "turnout": "turnout",
        "vote": "vote votes ballots",
        "support": "support approval poll polls rating",
        "inflation": "inflation prices",
        "unemployment": "unemployment jobless",
        "growth": "growth economy gdp",
        "rate": "rate rates",
        "market": "market",
        "budget": "budget",
        "cost": "cost costs",
    }
)
#: What happened to the people or things a count counts ("seven people were killed").
COUNT_EVENTS = _lexicon(
    {
        "killed": "killed killing kills dead died deaths death toll fatalities perished",
        "injured": "injured injuring wounded wounding hurt hospitalised hospitalized hospital",
        "missing": "missing unaccounted",
        "arrested": "arrested detained",
        "evacuated": "evacuated displaced homeless",
        "rescued": "rescued saved",
        "infected": "infected cases tested",
    }
)
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
        "pound-weight": "lb lbs",
        "liter": "liter liters litre litres",
        "gallon": "gallon gallons",
        "barrel": "barrel barrels",
        "acre": "acre acres",
        "hectare": "hectare hectares ha",
        "degree": "degrees",
        "kph": "kph km/h mph",
    }
)
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
    "deal takeover acquisition bid offer contract package budget loan fine settlement".split()
)
_PER = re.compile(
    r"\s*(?:(?:per|a|an|each|every|/)\s*(share|ticket|person|head|month|year|week|day|hour|night|barrel|ounce|gallon|"
    r"litre|liter|kilo|kilogram|tonne|ton|unit|seat|game|episode|copy|vote|household|family|player|passenger|visitor|"
    r"employee|worker|student|citizen|resident|minute|annum|capita|pupil|patient|car|vehicle|item)\b|(each|apiece)\b)"
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
    rf"(?P<n1>{NUMBER}|\ban?)(?:\s*(?P<join>-|–|to|or)\s*(?P<n2>{NUMBER}))?"
    r"(?P<sep>[\s-]+)(?P<unit>seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|fortnights?|months?|years?|yrs?|decades?|centuries|century)\b"
    r"(?P<tail>[\s-]+old\b|\s+ago\b|\s+of\s+age\b)?",
    re.IGNORECASE,
)
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
_DURATION_LEAD = frozenset("for within after lasted lasting spent spend took take than nearly almost over".split())
_COUNT = re.compile(
    rf"(?<![^\W\d_]-)(?<![^\W\d_])(?P<n1>{DIGITS}|\b{WORDS})"
    rf"(?:\s*(?:-|–|to)\s*(?P<n2>{DIGITS}))?(?:\s+(?P<scale>million|billion|thousand|bn|mn)\b)?"
    r"(?P<percent>\s*%|\s+(?:per\s*cent|percent)\b)?",
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
_WORD_AT = re.compile(r"\s*(?:\(\s*)?([A-Za-z][\w’'-]*|[%])")
_WINDOW_WORDS = re.compile(r"[A-Za-z][A-Za-z’'-]*")
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
    context: str | None = None
    subject: NameSpan | None = None
    qualifier: str | None = None
    relative: bool = False


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


#: Two-word verbs of the date lexicon: "take off" is a launch, "touch down" a landing.
_PHRASES = {
    **{
        (verb, "off"): "launch"
        for verb in "take takes took taking lift lifts lifted lifting blast blasts blasted set".split()
    },
    **{(verb, "down"): "land" for verb in "touch touched touches splash splashed splashes".split()},
    **{(verb, "back"): "return" for verb in "come came comes coming fly flew flies flying".split()},
}
_PHRASE_HEADS = frozenset(verb for verb, _ in _PHRASES)
_PARTICLE = re.compile(r"[\s-]+(off|down|back)\b", re.IGNORECASE)


def _nearest(text: str, start: int, end: int, lexicon: Mapping[str, str], reach: int = 90) -> str | None:
    """The lexicon key of the word nearest to text[start:end] (words after count a little farther)."""
    best, best_distance = None, None
    low = max(0, start - reach)
    for word in _WINDOW_WORDS.finditer(text, low, min(len(text), end + reach)):
        if start <= word.start() < end:
            continue
        lower = word.group(0).lower()
        key = lexicon.get(lower)
        if key is None and lower in _PHRASE_HEADS and lexicon is DATE_CONTEXT:
            particle = _PARTICLE.match(text, word.end())
            key = _PHRASES.get((lower, particle.group(1).lower())) if particle else None
        if key is None:
            continue
        distance = start - word.end() if word.end() <= start else (word.start() - end) * 2
        if best_distance is None or distance < best_distance:
            best, best_distance = key, distance
    return best


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
    measure = None
    for step in range(4):
        match = _WORD_AT.match(text, cursor, limit)
        if not match:
            return None
        word = match.group(1)
        lower = word.lower()
        if step == 0 and lower in ("of", "in", "to", "out", "percent"):
            return None
        if lower in ("cubic", "square", "sq"):
            measure = "cubic" if lower == "cubic" else "square"
            cursor = match.end()
            continue
        if lower.rstrip("s") in _DURATION_UNITS:
            return None
        if lower in UNITS:
            unit = UNITS[lower]
            return (f"{measure} {unit}" if measure else unit), match.end()
        if _plural_noun(word):
            return _lemma(word), match.end()
        if lower in _FUNCTION or lower in _NOT_NOUNS or lower in DATE_CONTEXT or (word[0].isupper() and False):
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


def _has_any(text: str, hints: Iterable[str]) -> bool:
    return any(hint in text for hint in hints)


def _money(text: str) -> Iterable[_Candidate]:
    lower = text.lower()
    for m in _MONEY_PREFIXED.finditer(text) if _CURRENCY_SIGN.search(text) else ():
        symbol = m.group("cur").strip().lower()
        currency = _CURRENCY_SYMBOLS.get(symbol) or (symbol.upper() if symbol.upper() in _CURRENCY_CODES else None)
        end = m.end()
        if m.group("join") == "and" and not re.search(r"\bbetween\s+$", text[max(0, m.start() - 9) : m.start()], re.I):
            end = m.end("s1") if m.group("s1") else m.end("n1")
            amount = _amount(m, "n1", None, "s1", None)
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
        context = MONEY_CONTEXT.get(noun, noun)
        yield _Candidate("money", m.start(), m.end(), "undisclosed", context=context)


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
        if subject is None and text[m.start() - 2 : m.start()] in (", ", "( "):
            subject = name_before(text, m.start())
        if subject is None and re.search(r"(?:,\s*|\bis\s+|\bwas\s+)$", text[max(0, m.start() - 6) : m.start()]):
            subject = name_before(text, m.start())
        if subject is None:
            # "Marta Lindquist, Bellhaven's 57-year-old chief executive": the name before the apposition.
            apposition = _APPOSITION.search(text, max(0, m.start() - 40), m.start())
            if apposition:
                subject = name_before(text, apposition.start())
        yield _Candidate("age", m.start(), m.end(), tidy(age), subject=subject, context="age")
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
                    yield _Candidate("age", m.start("n"), m.end("n"), age, context="age")
                continue
            if subject.tokens[-1].lower() in dates.MONTHS or subject.tokens[-1].lower() in dates.WEEKDAYS:
                continue
            if pattern is _AGE_PAREN and len(subject.tokens) < 2 and subject.role is None:
                continue
            yield _Candidate("age", m.start("n"), m.end("n"), age, subject=subject, context="age")
    for pattern in (_AGE_AGED, _AGE_WHO, _AGE_OF):
        for m in pattern.finditer(text):
            age = parse_number(m.group("n"))
            if age is None or not 0 < age <= 125:
                continue
            subject = name_before(text, m.start())
            if subject is None and pattern is _AGE_OF:
                runs = [run for run in name_runs(text, 0, m.start()) if len(run.tokens) >= 2 or run.role]
                subject = runs[-1] if len(runs) == 1 else None
            yield _Candidate("age", m.start(), m.end(), tidy(age), subject=subject, context="age")


def _durations(text: str) -> Iterable[_Candidate]:
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
        unit_word = m.group("unit").lower()
        unit_word = unit_word[:-1] if unit_word.endswith("s") else unit_word
        unit, factor = _DURATION_UNITS.get(unit_word, (None, 1))
        if unit is None:
            continue
        hyphenated = "-" in m.group("sep")
        if hyphenated and m.group("unit").lower().endswith("s"):
            continue
        second = parse_number(m.group("n2")) if m.group("n2") else None
        approximate = False
        if second is not None:
            if second <= first:
                continue
            value: object = _interval(first * factor, second * factor)
        else:
            value = tidy(first * factor)
        context = None
        after = re.match(r"\s+of\s+([a-z]+)|[\s-]+([a-z]+)", text[m.end() : m.end() + 30])
        if after and after.group(1):
            context = _lemma(after.group(1))
        elif after and hyphenated and after.group(2) and after.group(2) not in _FUNCTION:
            context = DURATION_CONTEXT.get(after.group(2), after.group(2))
        yield _Candidate(
            "duration",
            m.start(),
            m.end(),
            {"value": value, "unit": unit},
            approximate=approximate,
            context=context,
        )


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
        if m.group("percent"):
            # A percentage is only comparable with one of the same thing: "turnout", "revenue", "stake" …
            thing = _nearest(text, m.start(), m.end(), PERCENT_CONTEXT, reach=50)
            value: object = _count_value(first, second, scale)
            yield _Candidate(
                "count",
                start,
                m.end(),
                value,
                context="percent",
                qualifier=f"percent {thing}" if thing else "percent",
            )
            continue
        else:
            found = _counted_noun(text, m.end(), min(len(text), m.end() + 80))
            if found is None:
                continue
            noun, noun_end = found
            end = m.end()
            part = _PART_OF.search(text, max(0, m.start() - 40), m.start())
            if part is not None and parse_number(part.group(1)) is not None:
                # "48 of the 230 seats": 48 seats, out of a total of 230.
                part_value = tidy(parse_number(part.group(1)))
                yield _Candidate("count", part.start(1), part.end(1), part_value, context=noun, qualifier=noun)
                yield _Candidate(
                    "count", start, end, _count_value(first, second, scale), context=f"{noun} total", qualifier=noun
                )
                continue
            event = _nearest(text, m.start(), noun_end, COUNT_EVENTS, reach=40)
            if event:
                yield _Candidate(
                    "count",
                    start,
                    end,
                    _count_value(first, second, scale),
                    context=f"{noun} {event}",
                    qualifier=noun,
                )
                continue
        if second is not None:
            if second <= first:
                continue
            value = _interval(first * scale, second * scale)
        else:
            value = tidy(first * scale)
        yield _Candidate("count", start, end, value, context=noun, qualifier=noun)
    lower = text.lower()
    for m in _COUNT_VAGUE.finditer(text) if " of" in lower else ():
        found = _counted_noun(text, m.end(), min(len(text), m.end() + 80))
        if found is None:
            continue
        low, high = _VAGUE_RANGES[" ".join(m.group("many").lower().split())]
        yield _Candidate(
            "count",
            m.start(),
            m.start() + len(m.group("many")),
            _interval(low, high),
            approximate=True,
            context=found[0],
            qualifier=found[0],
        )
    for m in _GROUP.finditer(text) if _has_any(lower, _GROUP_HINTS) else ():
        value = parse_number(m.group("n1"))
        if value is None:
            continue
        noun = m.group("noun").lower()
        yield _Candidate("count", m.start("noun"), m.end(), tidy(value), context=noun, qualifier=noun)


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
        *"yesterday today tonight tomorrow ago week weekend month year morning afternoon evening".split(),
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
        if candidate.context is None:
            lexicon = {"date": DATE_CONTEXT, "money": MONEY_CONTEXT, "duration": DURATION_CONTEXT}.get(
                candidate.attribute
            )
            if lexicon is not None:
                candidate.context = _nearest(text, candidate.start, candidate.end, lexicon)
            if candidate.attribute == "date" and candidate.context in ("born", "died"):
                candidate.subject = _life_event_subject(text, candidate.start)
        if candidate.attribute == "money":
            head = _MONEY_HEAD.match(text, candidate.end)
            if head and head.group(1).lower() in _PRICED_THINGS:
                # "a $350 million mission", "the $12-billion deal": what the amount is the price of.
                word = head.group(1).lower()
                candidate.context = MONEY_CONTEXT.get(word, "cost")
            per = _PER.match(text, candidate.end)
            if per:
                candidate.qualifier = "per " + (per.group(1) or "each").lower()
                if candidate.context in (None, "value", "cost"):
                    # "$41 a share", "the offer values it at $43 per share": a unit price either way.
                    candidate.context = "price"
        result.append(candidate)
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
            candidate.normalized = str(days[0].normalized) + str(candidate.normalized)
        if candidate.attribute == "date" and candidate.context is None and candidate.precision == "time" and days:
            candidate.context = _nearest(text, days[0].start, days[0].end, DATE_CONTEXT)
    return result


def extract_facts(article: Article, sentences: Sequence[Sentence]) -> tuple[Fact, ...]:
    """Every date, age, amount of money, duration and count the article's sentences state."""
    facts: list[Fact] = []
    for sentence in sentences:
        text = sentence.text
        for candidate in _sentence_candidates(text, article.published):
            start, end = sentence.start + candidate.start, sentence.start + candidate.end
            entity = candidate.subject.text if candidate.subject else None
            facts.append(
                Fact(
                    source=article.id,
                    sentence=sentence.index,
                    attribute=candidate.attribute,  # type: ignore[arg-type]
                    value=article.body[start:end],
                    normalized=candidate.normalized,
                    start=start,
                    end=end,
                    entity=entity,
                    context=candidate.context,
                    precision=candidate.precision,  # type: ignore[arg-type]
                    approximate=candidate.approximate,
                    qualifier=candidate.qualifier,
                    relative=candidate.relative,
                    subject=(
                        (sentence.start + candidate.subject.start, sentence.start + candidate.subject.end)
                        if candidate.subject
                        else None
                    ),
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
        if fact.entity is None:
            out.append(fact)
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
