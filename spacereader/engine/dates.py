"""Dates and times as news writes them, resolved to ISO values.

`find_dates(text, published)` returns every date expression of a text with its span and its
normalised value per CONTRACT.md: "2021-10-05", "2021-10", "2021", "2021-10-05T09:22Z", a range
["2021-10-05", "2021-10-17"], a decade ["1990", "1999"], "--10-05" for a day whose year the article
does not give, "T09:22Z" for a time without a date. Relative expressions ("on Tuesday", "yesterday",
"last year") resolve against the publication date; without one they keep their text and no value.

`date_bounds(normalized)` turns any of those values back into the first and last day they cover, so
the comparison can tell whether two dates agree (one contains the other) or not.

Every pattern is linear: bounded repetitions, possessive digit runs and look-behinds that let a
number start only at the start of a run of digits.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from spacereader.engine.numbers import NUMBER, ORDINALS, parse_number

MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
DECADE_WORDS = {
    "twenties": 20,
    "thirties": 30,
    "forties": 40,
    "fifties": 50,
    "sixties": 60,
    "seventies": 70,
    "eighties": 80,
    "nineties": 90,
}
#: Hours to add to a local time to get UTC.
ZONES = {
    "gmt": 0,
    "utc": 0,
    "z": 0,
    "bst": -1,
    "cet": -1,
    "cest": -2,
    "eet": -2,
    "eest": -3,
    "msk": -3,
    "moscow time": -3,
    "est": 5,
    "edt": 4,
    "et": None,
    "cst": 6,
    "cdt": 5,
    "mst": 7,
    "mdt": 6,
    "pst": 8,
    "pdt": 7,
    "ist": -5.5,
    "jst": -9,
    "kst": -9,
    "hkt": -8,
    "sgt": -8,
    "aest": -10,
    "aedt": -11,
}

_MONTH = (
    r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)(?![a-z])"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?![a-z])\.?)"
)
_DAY = r"(?<![\d.,])([0-3]?\d)(?:st|nd|rd|th)?(?![\d%])"
_YEAR4 = r"(1[5-9]\d\d|20\d\d)(?![\d%])"
_ZONE = r"(GMT|UTC|BST|CEST|CET|EEST|EET|MSK|EST|EDT|CST|CDT|MST|MDT|PST|PDT|IST|JST|KST|HKT|SGT|AEST|AEDT|Moscow time|local time)\b"
_TO = r"\s*(?:-|–|—|to|and|until|till|through|thru)\s*"

_ISO = re.compile(r"(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2})?(Z)?)?(?![\d-])")
_RANGE_MD = re.compile(rf"(?:\b(?:from|between)\s+)?({_MONTH})\s+{_DAY}{_TO}(?:({_MONTH})\s+)?{_DAY}(?:,?\s+{_YEAR4})?")
_RANGE_DM = re.compile(
    rf"(?:\b(?:from|between)\s+)?{_DAY}(?:\s+(?:of\s+)?({_MONTH}))?{_TO}{_DAY}\s+(?:of\s+)?({_MONTH})(?:,?\s+{_YEAR4})?"
)
_MD = re.compile(rf"({_MONTH})\s+{_DAY}(?!:)(?:,?\s+{_YEAR4})?")
_DM = re.compile(rf"{_DAY}\s+(?:of\s+)?({_MONTH})(?:,?\s+{_YEAR4})?")
_MY = re.compile(
    rf"(?:\b(early|mid|late|the\s+end\s+of|end\s+of|the\s+beginning\s+of|beginning\s+of|the\s+start\s+of|start\s+of)[\s-]+)?"
    rf"\b({_MONTH})(?:,?\s+(?:of\s+)?{_YEAR4}|\s+of\s+(last|this|next)\s+year\b|\s+(last|this|next)\s+year\b)?"
)
_ORD_MONTH = re.compile(
    r"\bthe\s+(\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)"
    r"\s+month\s+of\s+(?:(1[5-9]\d\d|20\d\d)(?!\d)|(last|this|next)\s+year\b)",
    re.IGNORECASE,
)
_DECADE = re.compile(
    r"\b(?:the\s+)?(?:(early|mid|late)[\s-]+)?(1[5-9]\d0|20\d0)['’]?s\b"
    r"|\bthe\s+(?:(early|mid|late)[\s-]+)?['’](\d0)s\b"
    r"|\bthe\s+(?:(early|mid|late)[\s-]+)?(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b",
    re.IGNORECASE,
)
_YEAR_RANGE = re.compile(
    r"(?:\b(?:from|between)\s+)?(?<![\w$€£¥₹.,/-])(1[5-9]\d\d|20\d\d)\s*(?:-|–|—|to|and)\s*(1[5-9]\d\d|20\d\d|\d\d)(?![\w%/-]|[.,]\d)"
)
_YEAR = re.compile(r"(?:\b(early|mid|late)[\s-]+)?(?<![\w$€£¥₹.,/:'’-])(1[5-9]\d\d|20\d\d)(?![\w%/:’'-]|[.,]\d)")
_WEEKDAY = re.compile(
    r"(?:\b(last|next|this|on|early|late|past|coming)\s+)?\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?!\w)"
    r"(?:\s+(morning|afternoon|evening|night))?(?:\s*\((\d{1,2})\))?"
)
_RELATIVE = re.compile(
    r"\b(?:the\s+day\s+(after\s+tomorrow|before\s+yesterday)|(yesterday|today|tonight|tomorrow)"
    r"|this\s+(morning|afternoon|evening)"
    r"|(last|next|this|past|coming)\s+(week|month|year|weekend)"
    rf"|({NUMBER}|an?|a\s+few|several)\s+(days?|weeks?|months?|years?)\s+(ago))\b",
    re.IGNORECASE,
)
_TIME = re.compile(
    r"(?<![\d.:,])([01]?\d|2[0-3])(?:[:.]([0-5]\d))?\s*([ap])\.?m\b\.?(?:\s*" + _ZONE + r")?"
    r"|(?<![\d.:,])([01]?\d|2[0-3])[:h]([0-5]\d)(?![\d:])(?:\s*(?:h|hrs|hours)\b)?(?:\s*" + _ZONE + r")?",
    re.IGNORECASE,
)

# Words before a bare year or month that make it a date ("in 2013", "since May").
_DATE_PREPOSITIONS = frozenset(
    "in since by until till from to of during before after early late mid around circa through between and or "
    "the since, summer winter spring autumn fall end start beginning year season as for last next this each "
    "every until".split()
)
# Words after a bare year that keep it a date ("2014 Olympics", "the 2020 election").
_YEAR_NOUNS = frozenset(
    "election elections season olympics games world cup census budget model edition championship championships "
    "campaign film movie release version tournament race final finals presidential general midterm midterms "
    "vote referendum summit crisis war attack attacks law act report survey study festival awards award "
    "graduates class draft levels level figures data".split()
)
_FUTURE = re.compile(
    r"\b(?:will|would|’ll|'ll|shall|should|scheduled|expected|plans?|planned|due|set\s+to|next|upcoming|to\s+be)\b"
)


_ANY_DIGIT = re.compile(r"\d")
_ANY_MONTH = re.compile(_MONTH)
_RELATIVE_HINTS = (
    "yesterday",
    "today",
    "tonight",
    "tomorrow",
    "week",
    "month",
    "year",
    "morning",
    "afternoon",
    "evening",
    " ago",
)


@dataclass(frozen=True, slots=True)
class FoundDate:
    start: int
    end: int
    normalized: object
    precision: str
    approximate: bool = False
    relative: bool = False


def _month(text: str) -> int:
    return MONTHS[text.rstrip(".").lower()]


def _in_calendar(year: int) -> bool:
    """Whether a date object can hold the year (an ISO value needs four digits: 1 to 9999)."""
    return dt.MINYEAR <= year <= dt.MAXYEAR


def _valid(year: int, month: int, day: int) -> bool:
    return _in_calendar(year) and 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def _year_value(year: int) -> str | None:
    return f"{year:04d}" if _in_calendar(year) else None


def _month_value(year: int, month: int) -> str | None:
    return f"{year:04d}-{month:02d}" if _in_calendar(year) else None


def _nearest_year(month: int, day: int | None, published: dt.date, future: bool | None) -> int:
    """The year that puts month/day closest to the publication date (not before it when the text speaks of the future)."""
    options = []
    for year in (y for y in (published.year - 1, published.year, published.year + 1) if _in_calendar(y)):
        if day is None:
            first = dt.date(year, month, 1)
            last = dt.date(year, month, calendar.monthrange(year, month)[1])
        else:
            first = last = dt.date(year, month, min(day, calendar.monthrange(year, month)[1]))
        if published < first:
            distance = (first - published).days
        elif published > last:
            distance = -(published - last).days
        else:
            distance = 0
        options.append((year, distance))

    # A text about the future leans forward, a text about the past backward; a wrong-way date costs triple.
    def cost(option: tuple[int, int]) -> tuple[int, int]:
        distance = option[1]
        wrong_way = (future is True and distance < -3) or (future is False and distance > 3)
        return (abs(distance) * (3 if wrong_way else 1), option[0])

    return min(options, key=cost)[0]


def _day_value(year: int | None, month: int, day: int) -> str | None:
    if year is None:
        return f"--{month:02d}-{day:02d}" if 1 <= day <= 31 else None
    return dt.date(year, month, day).isoformat() if _valid(year, month, day) else None


def _resolve_md(month: int, day: int, year: int | None, published: dt.date | None, future: bool | None):
    if year is None and published is not None:
        return _nearest_year(month, day, published, future), True
    return year, False


def _preceding_word(text: str, start: int) -> str:
    match = re.search(r"([A-Za-z’']+)[\s-]*$", text[max(0, start - 24) : start])
    return match.group(1).lower() if match else ""


def _following_word(text: str, end: int) -> str:
    match = re.match(r"\s*([A-Za-z]+)", text[end : end + 30])
    return match.group(1) if match else ""


def _year_from_relative(word: str, published: dt.date | None) -> int | None:
    if published is None:
        return None
    year = published.year + {"last": -1, "this": 0, "next": 1}[word.lower()]
    return year if _in_calendar(year) else None  # "next year" in 9999: no value, as if undated


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def find_dates(text: str, published: dt.date | None = None, future: bool | None = None) -> list[FoundDate]:
    """Every date expression of `text` (overlaps allowed: the caller keeps the longest)."""
    try:
        return _find_dates(text, published, future)
    except (OverflowError, ValueError):
        if published is None:
            raise
        # A relative date the calendar cannot hold ("1000000 days ago", "next Monday" from 9999-12-31):
        # read the text as if the article were undated, so those dates keep their words and no value.
        return _find_dates(text, None, future)


def _find_dates(text: str, published: dt.date | None, future: bool | None) -> list[FoundDate]:
    found: list[FoundDate] = []
    add = found.append
    year: int | None
    value: str | None
    # Cheap checks first: most sentences name no month, no weekday and no relative day.
    digits = _ANY_DIGIT.search(text) is not None
    months = _ANY_MONTH.search(text) is not None
    lower = text.lower()
    decades = "0s" in text or "0’s" in text or "0's" in text or "ties" in lower

    for m in _ISO.finditer(text) if digits else ():
        year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if not _valid(year, month, day):
            continue
        if m.group(4) and int(m.group(4)) < 24 and int(m.group(5)) < 60:
            value = f"{year:04d}-{month:02d}-{day:02d}T{m.group(4)}:{m.group(5)}" + ("Z" if m.group(6) else "")
            add(FoundDate(m.start(), m.end(), value, "time"))
        else:
            add(FoundDate(m.start(), m.end(), f"{year:04d}-{month:02d}-{day:02d}", "day"))

    for pattern, order in ((_RANGE_MD, "md"), (_RANGE_DM, "dm")):
        for m in pattern.finditer(text) if digits and months else ():
            if order == "md":
                month1 = _month(m.group(1))
                day1 = int(m.group(2))
                month2 = _month(m.group(3)) if m.group(3) else month1
                day2 = int(m.group(4))
                year_text = m.group(5)
            else:
                day1 = int(m.group(1))
                month2 = _month(m.group(4))
                month1 = _month(m.group(2)) if m.group(2) else month2
                day2 = int(m.group(3))
                year_text = m.group(5)
            if not (1 <= day1 <= 31 and 1 <= day2 <= 31) or (month1, day1) >= (month2, day2):
                continue
            year = int(year_text) if year_text else None
            year, relative = _resolve_md(month1, day1, year, published, _tense(text, m.start(), future))
            first, last = _day_value(year, month1, day1), _day_value(year, month2, day2)
            if first and last:
                add(FoundDate(m.start(), m.end(), [first, last], "day", relative=relative))

    for pattern, order in ((_MD, "md"), (_DM, "dm")):
        for m in pattern.finditer(text) if digits and months else ():
            if order == "md":
                month, day = _month(m.group(1)), int(m.group(2))
            else:
                day, month = int(m.group(1)), _month(m.group(2))
            if not 1 <= day <= 31:
                continue
            if m.group(1) in ("May", "March") and order == "md" and not m.group(3):
                # "May 5" is a date; "May 2 people" is not: require no noun after a bare day.
                follow = _following_word(text, m.end())
                if follow and follow[0].islower() and follow not in ("and", "to", "at", "in", "when", "as"):
                    continue
            year = int(m.group(3)) if m.group(3) else None
            year, relative = _resolve_md(month, day, year, published, _tense(text, m.start(), future))
            value = _day_value(year, month, day)
            if value:
                add(FoundDate(m.start(), m.end(), value, "day", relative=relative))

    for m in _MY.finditer(text) if months else ():
        month = _month(m.group(2))
        part = (m.group(1) or "").lower()
        year = int(m.group(3)) if m.group(3) else None
        relative_word = m.group(4) or m.group(5)
        relative = False
        if relative_word:
            year = _year_from_relative(relative_word, published)
            relative = True
            if year is None:
                add(FoundDate(m.start(), m.end(), None, "month", relative=True))
                continue
        elif year is None:
            before = _preceding_word(text, m.start())
            if not part and before not in _DATE_PREPOSITIONS:
                continue
            if (
                m.group(2).rstrip(".") in ("May", "March")
                and not part
                and before
                not in ("in", "since", "until", "of", "by", "during", "early", "late", "mid", "last", "next", "this")
            ):
                continue
            if published is not None:
                year, relative = _nearest_year(month, None, published, _tense(text, m.start(), future)), True
        value = f"{year:04d}-{month:02d}" if year is not None else f"--{month:02d}"
        add(FoundDate(m.start(), m.end(), value, "month", approximate=bool(part), relative=relative))

    for m in _ORD_MONTH.finditer(text) if "month" in lower else ():
        word = m.group(1).lower()
        month = ORDINALS.get(word) or int(re.sub(r"\D", "", word) or 0)
        if not 1 <= month <= 12:
            continue
        year = int(m.group(2)) if m.group(2) else _year_from_relative(m.group(3), published)
        value = f"{year:04d}-{month:02d}" if year is not None else None
        add(FoundDate(m.start(), m.end(), value, "month", relative=not m.group(2)))

    for m in _DECADE.finditer(text) if decades else ():
        if m.group(2):
            decade = int(m.group(2))
            if decade % 10:
                continue
        elif m.group(4):
            decade = 1900 + int(m.group(4))
        else:
            decade = 1900 + DECADE_WORDS[m.group(6).lower()]
        edge = (m.group(1) or m.group(3) or m.group(5) or "").lower()
        # "the 1990s" is a decade; "the 1900s" could be a century: treat x00s as a decade all the same.
        low, high = decade, decade + 9
        if edge == "early":
            high = decade + 4
        elif edge == "late":
            low = decade + 5
        elif edge == "mid":
            low, high = decade + 3, decade + 7
        add(FoundDate(m.start(), m.end(), [str(low), str(high)], "decade", approximate=bool(edge)))

    for m in _YEAR_RANGE.finditer(text) if digits else ():
        start_year = int(m.group(1))
        end_text = m.group(2)
        end_year = int(end_text) if len(end_text) == 4 else (start_year // 100) * 100 + int(end_text)
        if end_year <= start_year or end_year - start_year > 50:
            continue
        after = text[m.end() : m.end() + 12].lstrip().lower()
        if after.startswith(("%", "percent", "per cent")):
            continue
        add(FoundDate(m.start(), m.end(), [str(start_year), str(end_year)], "year"))

    for m in _YEAR.finditer(text) if digits else ():
        year = int(m.group(2))
        before = _preceding_word(text, m.start(2))
        follow = _following_word(text, m.end())
        after = text[m.end() : m.end() + 2]
        part = m.group(1)
        dateish = (
            bool(part)
            or before in _DATE_PREPOSITIONS
            or before.endswith(("’s", "'s"))
            or text[max(0, m.start() - 1) : m.start()] == "("
            or not follow
            or follow[0].isupper()
            or follow.lower() in _YEAR_NOUNS
            or after[:1] in (",", ".", ";", ")", ":", "—", "–")
        )
        if follow and follow[0].islower() and follow.lower() not in _YEAR_NOUNS:
            # "2000 people", "1500 meters": a count, not a year (unless a preposition makes it one).
            small = follow in ("and", "or", "to", "the", "a", "when", "as", "with", "while", "after", "before", "but")
            if not small and before not in ("in", "since", "of", "by", "until", "from", "during"):
                dateish = False
        if not dateish:
            continue
        add(FoundDate(m.start(), m.end(), str(year), "year", approximate=bool(part)))

    for m in _WEEKDAY.finditer(text) if "day" in lower else ():
        modifier = (m.group(1) or "").lower()
        weekday = WEEKDAYS[m.group(2).lower()]
        day_of_month = int(m.group(4)) if m.group(4) else None
        value = None
        if published is not None:
            value = _resolve_weekday(published, weekday, modifier, day_of_month, _tense(text, m.start(), future))
        add(FoundDate(m.start(), m.end(), value, "day", relative=True))

    for m in _RELATIVE.finditer(text) if any(hint in lower for hint in _RELATIVE_HINTS) else ():
        add(FoundDate(m.start(), m.end(), *_resolve_relative(m, published)))

    # "Saturday, October 12": the weekday names the day the explicit date gives; one fact.
    days = {
        f.start: f
        for f in found
        if f.precision == "day" and text[f.start : f.end].split()[-1].strip(",").lower() not in WEEKDAYS
    }
    merged: list[FoundDate] = []
    for item in found:
        if item.relative and text[item.start : item.end].split()[-1].strip(",").lower() in WEEKDAYS:
            gap = re.match(r",?\s*(?:the\s+)?", text[item.end : item.end + 8])
            target = days.get(item.end + (gap.end() if gap else 0))
            if target is not None:
                merged.append(FoundDate(item.start, target.end, target.normalized, "day"))
                continue
        merged.append(item)
    found[:] = merged

    for m in _TIME.finditer(text) if digits else ():
        if m.group(3):
            hour, minute, half, zone = int(m.group(1)), int(m.group(2) or 0), m.group(3).lower(), m.group(4)
            if not 1 <= hour <= 12:
                continue
            hour = hour % 12 + (12 if half == "p" else 0)
        else:
            hour, minute, zone = int(m.group(5)), int(m.group(6)), m.group(7)
            if not zone and _preceding_word(text, m.start()) not in (
                "at",
                "by",
                "until",
                "from",
                "before",
                "after",
                "around",
                "to",
            ):
                continue
        add(FoundDate(m.start(), m.end(), _time_value(hour, minute, zone), "time"))
    return found


def _time_value(hour: int, minute: int, zone: str | None) -> str:
    offset = ZONES.get(zone.lower()) if zone else None
    if offset is None:
        return f"T{hour:02d}:{minute:02d}"
    total = (hour * 60 + minute + int(offset * 60)) % (24 * 60)
    return f"T{total // 60:02d}:{total % 60:02d}Z"


def _resolve_weekday(
    published: dt.date, weekday: int, modifier: str, day_of_month: int | None, future: bool | None
) -> str | None:
    if day_of_month is not None:
        for delta in range(-10, 11):
            when = published + dt.timedelta(days=delta)
            if when.weekday() == weekday and when.day == day_of_month:
                return when.isoformat()
    ahead = (weekday - published.weekday()) % 7
    behind = (published.weekday() - weekday) % 7
    if modifier in ("last", "past"):
        delta = -(behind or 7)
    elif modifier in ("next", "coming"):
        delta = ahead or 7
    elif ahead == 0:
        delta = 0
    elif future:
        delta = ahead
    else:
        delta = -behind
    return (published + dt.timedelta(days=delta)).isoformat()


def _resolve_relative(m: re.Match[str], published: dt.date | None) -> tuple[object, str, bool, bool]:
    """(normalized, precision, approximate, relative) of "yesterday", "last year", "three weeks ago" …"""
    if m.group(1) or m.group(2) or m.group(3):
        word = " ".join((m.group(1) or m.group(2) or "today").lower().split())
        delta = {"after tomorrow": 2, "before yesterday": -2, "yesterday": -1, "tomorrow": 1}.get(word, 0)
        if published is None:
            return None, "day", False, True
        return (published + dt.timedelta(days=delta)).isoformat(), "day", False, True
    if m.group(4):
        which, unit = m.group(4).lower(), m.group(5).lower()
        sign = {"last": -1, "past": -1, "next": 1, "coming": 1, "this": 0}[which]
        if published is None:
            return None, {"year": "year", "month": "month"}.get(unit, "day"), False, True
        if unit == "year":
            return _year_value(published.year + sign), "year", False, True
        if unit == "month":
            return _month_value(*_shift_month(published.year, published.month, sign)), "month", False, True
        monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=sign)
        first = monday + dt.timedelta(days=5) if unit == "weekend" else monday
        return [first.isoformat(), (monday + dt.timedelta(days=6)).isoformat()], "day", False, True
    amount_text, unit, direction = m.group(6).lower(), m.group(7).lower().rstrip("s"), m.group(8).lower()
    if direction != "ago" or published is None:
        return None, "day", True, True
    amount = 1 if amount_text in ("a", "an") else parse_number(amount_text)
    if amount is None or amount_text in ("a few", "several"):
        return None, "day", True, True
    amount = int(amount)
    if unit == "day":
        return (published - dt.timedelta(days=amount)).isoformat(), "day", False, True
    if unit == "week":
        return (published - dt.timedelta(weeks=amount)).isoformat(), "day", True, True
    if unit == "month":
        return _month_value(*_shift_month(published.year, published.month, -amount)), "month", True, True
    return _year_value(published.year - amount), "year", True, True


def _tense(text: str, start: int, future: bool | None) -> bool | None:
    """Whether the words just before a date speak of the future ("will leave on", "is scheduled for")."""
    if future is not None:
        return future
    clause = re.split(r"[,;:—–]\s", text[max(0, start - 60) : start])[-1]
    return speaks_of_future(clause)


def speaks_of_future(sentence: str) -> bool | None:
    return True if _FUTURE.search(sentence) else None


# ── comparing ──────────────────────────────────────────────────────────────────────────────────────


def _bounds_one(value: str) -> tuple[dt.date, dt.date] | None:
    try:
        if len(value) == 4 and value.isdigit():
            year = int(value)
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        if len(value) == 7 and value[4] == "-":
            year, month = int(value[:4]), int(value[5:])
            return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
        if len(value) >= 10 and value[4] == "-":
            day = dt.date.fromisoformat(value[:10])
            return day, day
    except ValueError:
        return None
    return None


def date_bounds(normalized: object) -> tuple[dt.date, dt.date] | None:
    """First and last day a normalised date covers; None for year-less days, times alone and unknowns."""
    if isinstance(normalized, list) and len(normalized) == 2:
        first, last = _bounds_one(str(normalized[0])), _bounds_one(str(normalized[1]))
        if first and last:
            return first[0], last[1]
        return None
    if isinstance(normalized, str):
        return _bounds_one(normalized)
    return None


def month_day(normalized: object) -> tuple[int, int | None] | None:
    """(month, day) of a day or month value, including the year-less "--10-05" and "--10"."""
    if not isinstance(normalized, str):
        return None
    text = normalized[2:] if normalized.startswith("--") else normalized[5:] if len(normalized) >= 7 else ""
    try:
        if len(text) >= 5 and text[2] == "-":
            return int(text[:2]), int(text[3:5])
        if len(text) == 2:
            return int(text), None
    except ValueError:
        return None
    return None
