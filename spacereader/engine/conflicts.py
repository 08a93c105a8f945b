"""Where the sources disagree: facts compared slot by slot, each disagreement explained.

A slot is one thing measured about one subject: the payout to Parag Agrawal, the cost of Chandrayaan-3, the
number of people killed in the shipwreck. Facts are first sorted by attribute and measure (the class of
`spacereader.engine.measures`, with the currency of money, the kind of thing a count counts, and whether a date
is a day or a time of day); then by subject: facts about the same entity form one slot, facts about different
entities never meet, and a fact whose sentence names no subject joins the one named slot it may be about (of
its time, named by its article or saying the same thing), or forms a slot with other such facts: those whose
sentences say the same thing, and, for a measure that names an event (a toll, a payout, a landing), those about
the story's own time rather than a past it recalls. A source that gives two different values in one slot keeps
the one whose words match the other sources', or is left out: it speaks of two things. Prefer no report over a
false alarm.

- Dates agree when they are the same; one that contains the other (October 2021 and October 5) is an
  `approximation`, a coarser value against a precise one; times of day compare in UTC when both give their zone,
  within a quarter of an hour an `approximation`.
- Money, durations and counts are intervals: equal values agree, overlapping hedged or rounded values are an
  `approximation`, disjoint ones a `conflict`; money only within one currency; sizes in any unit of the same
  dimension (feet against meters).
- Ages become birth windows when the publication dates are known: overlapping windows are a `time-shift`,
  disjoint ones a `conflict`; with a date missing, a `conflict` whose explanation says which date would
  settle it.
- Different spellings of one entity are a `variant`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import itertools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from spacereader.engine import measures
from spacereader.engine.dates import date_bounds, month_day, utc_minutes
from spacereader.engine.measures import UNIT_SIZES
from spacereader.engine.names import OPENERS, ROLES, fold, same_name
from spacereader.engine.numbers import significant_digits
from spacereader.model import Article, Conflict, ConflictValue, Entity, Fact, Mention, Sentence

_DAYS_PER_UNIT = {
    "second": 1 / 86400,
    "minute": 1 / 1440,
    "hour": 1 / 24,
    "day": 1,
    "week": 7,
    "month": 30.44,
    "year": 365.25,
}
_STOPWORDS = frozenset(
    """
    the and for that with from this have has had was were are been being will would could should can may might
    its his her their our your they them she him who whom whose which what when where while there here than then
    also into onto over under about after before during since until more most less least very just only not but
    all any some each every both either neither other such same own one two three four five six seven eight nine
    ten said says say told according per cent percent january february march april may june july august september
    october november december monday tuesday wednesday thursday friday saturday sunday year years month months
    week weeks day days time times first last next new like even still yet much many well back out off
    """.split()
)
_WORD = re.compile(r"[A-Za-z][A-Za-z’'-]{2,}")
_CAPITALISED = re.compile(r"\b[A-Z][\w-]+")
#: Sentences are about the same thing when they share this share of content words ...
_MIN_JACCARD = 0.2
#: ... and at least this many.
_MIN_SHARED = 2
#: Characters on each side of a figure that say what it is about ("… found about 1,600 feet from the bow …").
_AROUND = 60
#: Pairs of facts compared in one slot at most (keeps a run over thousands of articles bounded).
_MAX_PAIRS = 200_000


# ── slots and similarity ───────────────────────────────────────────────────────────────────────────


def _slot(fact: Fact) -> tuple | None:
    """What a fact measures, before its subject is looked at; None when it cannot be compared."""
    if fact.attribute == "name" or fact.normalized == "undisclosed":
        return None
    if fact.normalized is None and not _readings(fact):
        return None
    if fact.attribute == "age":
        return ("age",) if fact.entity else None
    if fact.measure is None or fact.measure in measures.UNCOMPARED:
        return None
    if fact.attribute == "date":
        if _needs_entity(("date", fact.measure)) and not fact.entity:
            return None
        timed = fact.precision == "time" and utc_minutes(fact.normalized) is not None
        return ("date", fact.measure, "time" if timed else "day")
    if fact.attribute == "money":
        if not isinstance(fact.normalized, dict) or not fact.normalized.get("currency"):
            return None
        return ("money", fact.measure, fact.qualifier, fact.normalized["currency"])
    if fact.attribute == "count":
        size = UNIT_SIZES.get(str(fact.qualifier).split()[-1])
        return ("count", fact.measure, size[0] if size else fact.qualifier)
    return (fact.attribute, fact.measure)


def _same_description(a: str, b: str) -> bool:
    wa, wb = set(a.split()), set(b.split())
    if not (a[:1].islower() and b[:1].islower()) or (wa & _MARKERS) != (wb & _MARKERS):
        return False  # a name against a description, or "previous mission" against "mission"
    shared = len(wa & wb)
    return shared > 0 and shared * 2 >= min(len(wa), len(wb))


#: Words that set a referent apart (`spacereader.engine.subjects`' "other" pattern).
_MARKERS = frozenset(
    "previous earlier predecessor prior last original former first second third aftershock foreshock".split()
)


def _needs_entity(key: tuple) -> bool:
    """Slots compared only between facts that name their subject: ages, births and deaths are one person's,
    and a story tells of many announcements."""
    return key[0] == "age" or (key[0] == "date" and key[1] in ("born", "died", "announce"))


def same_subject(a: str, b: str) -> bool:
    """Two subjects that name one person or thing: one spelling, or a surname against the full name; or two
    descriptions in words ("lander rover propulsion", "lander rover propulsion module") that share most of them."""
    if a[:1].islower() or b[:1].islower():
        return _same_description(a, b)
    wa, wb = [fold(word) for word in a.split()], [fold(word) for word in b.split()]
    if wa == wb or same_name(wa, wb):
        return True
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    return len(short) == 1 and len(long_) > 1 and short[0] in (long_[0], long_[-1]) and short[0][:1].isalpha()


class _Topics:
    """Content words of each sentence, to tell whether two sentences speak of the same thing."""

    def __init__(
        self, sentences: Mapping[str, Sequence[Sentence]], mentions: Sequence[Mention], entities: Sequence[Entity] = ()
    ) -> None:
        self._sentences = sentences
        # Two sentences that name different people, organisations or places are about different things.
        self._named = {"@" + e.id for e in entities}
        # Proper nouns: words written capitalised somewhere other than at the start of a sentence.
        self._proper = {
            word
            for items in sentences.values()
            for sentence in items
            for m in _CAPITALISED.finditer(sentence.text)
            if m.start() > 3
            and (word := fold(m.group(0))) not in OPENERS
            and word not in ROLES
            and word not in _STOPWORDS
        }
        self._display = {e.id: e.name for e in entities}
        self._cache: dict[tuple[str, int], frozenset[str]] = {}
        self._entities: dict[tuple[str, int], set[str]] = defaultdict(set)
        self._by_source: dict[str, set[str]] = defaultdict(set)
        for mention in mentions:
            self._entities[(mention.source, mention.sentence)].add(mention.entity)
            self._by_source[mention.source].add(mention.entity)

    def words(self, source: str, index: int) -> frozenset[str]:
        key = (source, index)
        cached = self._cache.get(key)
        if cached is None:
            sentence = self._sentences[source][index]
            words = {w.lower()[:6] for w in _WORD.findall(sentence.text) if w.lower() not in _STOPWORDS}
            words |= {"@" + entity for entity in self._entities.get(key, ())}
            # Capitalised words name who or what a sentence is about even when no entity was made of them
            # ("City scored …", "United scored …").
            words |= {"#" + word for word in map(fold, _CAPITALISED.findall(sentence.text)) if word in self._proper}
            cached = self._cache[key] = frozenset(words)
        return cached

    def mentions(self, source: str, subject: str) -> bool:
        """Whether the article names the subject anywhere."""
        named = self._by_source.get(source, set())
        return any(same_subject(self._display.get(entity, ""), subject) for entity in named)

    def related(self, a: Fact, b: Fact) -> bool:
        """Whether the two facts' sentences, or the words around the two figures, say the same thing."""
        if a.entity and b.entity:
            return fold(a.entity) == fold(b.entity)
        return self._similar(self.words(a.source, a.sentence), self.words(b.source, b.sentence)) or self._similar(
            self._around(a), self._around(b)
        )

    def _around(self, fact: Fact) -> frozenset[str]:
        sentence = self._sentences[fact.source][fact.sentence]
        low, high = fact.start - sentence.start - _AROUND, fact.end - sentence.start + _AROUND
        text = sentence.text[max(0, low) : max(0, high)]
        return frozenset(w.lower()[:6] for w in _WORD.findall(text) if w.lower() not in _STOPWORDS)

    def _similar(self, wa: frozenset[str], wb: frozenset[str]) -> bool:
        ea = {w for w in wa if w in self._named or w[0] == "#"}
        eb = {w for w in wb if w in self._named or w[0] == "#"}
        if ea and eb and not ea & eb:
            return False  # both sentences name who they are about, and not the same ones
        shared = len(wa & wb)
        union = len(wa | wb) or 1
        return shared >= _MIN_SHARED and shared / union >= _MIN_JACCARD


# ── intervals ──────────────────────────────────────────────────────────────────────────────────────


def _number_interval(value: object, approximate: bool) -> tuple[float, float, bool] | None:
    """(low, high, exact) of a normalised amount: a number, [low, high] or a hedged [x, None]."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        x = float(value)
        if approximate:
            return x * 0.9, x * 1.1, False
        return x, x, True
    if isinstance(value, list) and len(value) == 2:
        low = -math.inf if value[0] is None else float(value[0])
        high = math.inf if value[1] is None else float(value[1])
        if value[0] is None:
            low = 0.0
        return low, high, False
    return None


def _amount_of(fact: Fact) -> tuple[float, float, bool] | None:
    value = fact.normalized
    scale = 1.0
    if fact.attribute == "count":
        size = UNIT_SIZES.get(str(fact.qualifier).split()[-1])
        scale = size[1] if size else 1.0
    elif fact.attribute == "money":
        if not isinstance(value, dict):
            return None
        value = value.get("amount")
    elif fact.attribute == "duration":
        if not isinstance(value, dict):
            return None
        scale = _DAYS_PER_UNIT.get(str(value.get("unit")), 1)
        value = value.get("value")
    interval = _number_interval(value, fact.approximate)
    if interval is None:
        return None
    low, high, exact = interval
    return low * scale, high * scale, exact


def _unit_days(fact: Fact) -> float:
    if fact.attribute == "duration" and isinstance(fact.normalized, dict):
        return _DAYS_PER_UNIT.get(str(fact.normalized.get("unit")), 1)
    return 0


def _rounds_to(precise: float, rounded: float) -> bool:
    """Whether `rounded` is `precise` written less exactly: 198.5m → 200m, 34.2% → 34%.

    Small whole numbers are taken as written: 48 seats and 50 seats disagree.
    """
    if rounded == 0 or precise == 0 or precise == rounded:
        return False
    if float(rounded).is_integer() and not float(precise).is_integer():
        return round(precise) == rounded  # decimals dropped
    if abs(rounded) < 1000 or rounded % 1000:
        return False
    digits = significant_digits(rounded)
    magnitude = 10 ** (math.floor(math.log10(abs(rounded))) - digits + 1)
    return abs(precise - rounded) <= magnitude / 2 and precise != rounded


def _decimals(fact: Fact) -> int:
    """Decimals the figure is written with: "6.0" is as precise as "5.9", "$200 million" less than "$198.5 million"."""
    match = _WRITTEN_DECIMALS.search(fact.value)
    return len(match.group(1)) if match else 0


_WRITTEN_DECIMALS = re.compile(r"\d[.,](\d+)(?!\d*[.,]\d)")


def _compare_amounts(a: Fact, b: Fact) -> str:
    """'same', 'approximation' or 'conflict' for two amounts of one slot."""
    ia, ib = _amount_of(a), _amount_of(b)
    if ia is None or ib is None:
        return "unknown"
    (la, ha, ea), (lb, hb, eb) = ia, ib
    # A value in a coarser unit ("two weeks" against "12 days") is read to within half that unit.
    ua, ub = _unit_days(a), _unit_days(b)
    if ua and ub and ua != ub:
        if ua > ub:
            la, ha, ea = la - ua / 2, ha + ua / 2, False
        else:
            lb, hb, eb = lb - ub / 2, hb + ub / 2, False
    if ea and eb:
        if la == lb:
            return "same"
        if a.attribute == "count" and a.qualifier != b.qualifier and abs(la - lb) <= 0.05 * max(abs(la), abs(lb)):
            return "same"  # "100 meters (330 feet)": a conversion rounds
        if (_rounds_to(la, lb) and _decimals(b) < _decimals(a)) or (_rounds_to(lb, la) and _decimals(a) < _decimals(b)):
            return "approximation"
        return "conflict"
    if a.normalized == b.normalized:
        return "same"  # "about 41%" and "41%": one figure, one of them hedged
    if la <= hb and lb <= ha:
        return "approximation"
    return "conflict"


def _day_bounds(fact: Fact) -> tuple[dt.date, dt.date] | None:
    return date_bounds(fact.normalized)


def _readings(fact: Fact) -> list[str]:
    """The two readings of a numeric date its article leaves open ("10/5/2021"), else none."""
    if fact.attribute == "date" and fact.normalized is None and fact.qualifier and " or " in fact.qualifier:
        return fact.qualifier.split(" or ")
    return []


def _compare_dates(a: Fact, b: Fact) -> str:
    if _readings(a) or _readings(b):
        # Either reading may be the one meant: the pair agrees if one reading does.
        verdicts = {
            _compare_dates(replace(a, normalized=x, qualifier=None), replace(b, normalized=y, qualifier=None))
            for x in _readings(a) or [a.normalized]
            for y in _readings(b) or [b.normalized]
        }
        return next(v for v in ("same", "approximation", "time-shift", "conflict", "unknown") if v in verdicts)
    na, nb = a.normalized, b.normalized
    hedged = a.approximate != b.approximate
    if na == nb:
        return "approximation" if hedged else "same"
    ta, tb = utc_minutes(na), utc_minutes(nb)
    if ta is not None and tb is not None:
        return _compare_times(a, b, ta, tb)
    ba, bb = _day_bounds(a), _day_bounds(b)
    if ba and bb:
        if ba == bb:
            return "approximation" if hedged else "same"
        inside = (ba[0] <= bb[0] and bb[1] <= ba[1]) or (bb[0] <= ba[0] and ba[1] <= bb[1])
        spans = [f for f in (a, b) if isinstance(f.normalized, list)]
        if inside and spans and all(f.precision == "day" for f in spans):
            return "same"  # a day inside a stretch of days ("October 5" and "October 5 to 17")
        if ba[0] <= bb[1] and bb[0] <= ba[1]:
            # One contains the other (July and July 14, 2020 and late 2020), or they overlap: a coarser or
            # hedged date against a finer one.
            return "approximation"
        if a.relative or b.relative:
            # Read against a publication date that may be off (a crawl date, an update): the weaker kind.
            return "time-shift"
        return "conflict"
    ma, mb = month_day(na) if not ba else _month_day_of(ba), month_day(nb) if not bb else _month_day_of(bb)
    if ma and mb:
        if ma[0] != mb[0]:
            return "conflict" if (isinstance(na, str) and isinstance(nb, str)) else "unknown"
        if ma[1] == mb[1]:
            return "same"
        if ma[1] is None or mb[1] is None:
            return "approximation"
        return "conflict"
    return "unknown"


def _compare_times(a: Fact, b: Fact, ta: tuple[int, bool], tb: tuple[int, bool]) -> str:
    """Two times of day: in UTC when both name their zone, as written when neither does."""
    if ta[1] != tb[1]:
        return "unknown"  # a local time against a time in a named zone: the local zone is not known
    gap = abs(ta[0] - tb[0])
    gap = min(gap, 24 * 60 - gap)
    moments = _moment(a.normalized), _moment(b.normalized)
    if moments[0] is not None and moments[1] is not None:
        gap = round(abs((moments[0] - moments[1]).total_seconds()) / 60)
    if gap == 0:
        return "approximation" if a.approximate != b.approximate else "same"
    if gap <= 15 or (gap <= 45 and (a.approximate or b.approximate)):
        return "approximation"
    return "conflict"


def _moment(value: object) -> dt.datetime | None:
    """A date-time with its day ("2024-01-20T00:20+09:00"), None for a time of day alone."""
    if not isinstance(value, str) or value.startswith("T") or value.startswith("--"):
        return None
    try:
        return dt.datetime.fromisoformat(value)
    except ValueError:
        return None


def _month_day_of(bounds: tuple[dt.date, dt.date]) -> tuple[int, int | None] | None:
    first, last = bounds
    if first == last:
        return first.month, first.day
    if first.year == last.year and first.month == last.month:
        return first.month, None
    return None


def _compare(a: Fact, b: Fact) -> str:
    if a.attribute == "date":
        return _compare_dates(a, b)
    if a.attribute == "age":
        return "same" if a.normalized == b.normalized else "conflict"
    return _compare_amounts(a, b)


# ── ages and birth windows ─────────────────────────────────────────────────────────────────────────


def _years_before(day: dt.date, years: int) -> dt.date:
    if day.year - years < dt.MINYEAR:  # a 120-year-old in an article dated in the year 50
        return dt.date.min
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _birth_window(age: int, published: dt.date) -> tuple[dt.date, dt.date]:
    """Someone `age` on `published` was born after `published` - (age + 1) years and on or before - age years."""
    earliest, latest = _years_before(published, age + 1), _years_before(published, age)
    return min(earliest + dt.timedelta(days=1), latest), latest  # cut at the calendar's first day


def _age_kind(values: list[Fact], articles: Mapping[str, Article]) -> tuple[str, str]:
    """(kind, the end of the explanation) for differing ages of one person."""
    undated = sorted({f.source for f in values if articles[f.source].published is None}, key=list(articles).index)
    if undated:
        names = _join([articles[s].label for s in undated])
        has = "has" if len(undated) == 1 else "have"
        return "conflict", (
            f"{names} {has} no publication date, which would tell whether the difference is only the time between "
            "the articles"
        )
    low, high = dt.date.min, dt.date.max
    for fact in values:
        first, last = _birth_window(int(fact.normalized), articles[fact.source].published)  # type: ignore[arg-type]
        low, high = max(low, first), min(high, last)
    if low <= high:
        return "time-shift", (
            f"all fit one birth date between {low.isoformat()} and {high.isoformat()}, so the difference is the time "
            "between the publication dates"
        )
    return "conflict", "no single birth date fits them all, even allowing for the time between the publication dates"


# ── explanations ───────────────────────────────────────────────────────────────────────────────────


def _join(items: Sequence[str]) -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _shown(fact: Fact) -> str:
    """A value as the explanation quotes it: the words, with the date they resolve to or the unit they count."""
    value = fact.normalized
    written = " ".join(fact.value.split())
    if fact.attribute == "age":
        return str(value)
    if fact.attribute == "date":
        if _readings(fact):
            return f"{written} ({' or '.join(_readings(fact))})"
        resolved = f"{value[0]} to {value[1]}" if isinstance(value, list) else str(value)
        return written if written == resolved else f"{written} ({resolved})"
    unit = str(fact.qualifier)
    if fact.attribute == "count" and unit in UNIT_SIZES and not written.endswith(unit[:3]):
        return f"{written} {_plural(unit)}"
    return written


def _about(key: tuple, entity: str | None, qualifier: str | None) -> str:
    """What a slot measures, in words: "the payout to Parag Agrawal", "the number of people killed"."""
    attribute = key[0]
    if attribute == "age":
        return f"{entity}'s age"
    template = _template(_family(key), str(key[1]), qualifier)
    phrase = template.replace("{}", entity) if entity else _NO_SUBJECT.sub("", template)
    if attribute == "count" and qualifier and " in " in qualifier:
        phrase += " in " + qualifier.partition(" in ")[2]  # "the number of people killed in Al Haouz province"
    if attribute == "money" and qualifier:
        phrase += f" {qualifier}"
    if attribute == "date":
        return ("the time of " if key[2] == "time" else "the date of ") + phrase
    if attribute == "duration":
        return "the length of " + phrase
    return phrase


def _template(family: str, measure: str, qualifier: str | None) -> str:
    """The measures table's label for a slot, "{}" where its subject goes."""
    if family == "percent":
        words = measure.split()
        change = words.pop() if words and words[-1] in ("rise", "fall") else None
        inner = measures.label("percent", " ".join(words)) if words else None
        outer = measures.label("change", change) if change else None
        template = outer.replace("{}", inner) if outer and inner else outer or inner or "the change of {}"
        return "the percentage " + template.removeprefix("the ")
    label = measures.label(family, measure)
    if label is None:
        return f"the number of {_plural(measure)} of {{}}" if family == "count" else f"the {measure} of {{}}"
    return label.replace("{things}", _plural((qualifier or "thing").partition(" in ")[0]))


#: Where a slot's subject would go, with its preposition, when it has none ("the payout to {}" → "the payout").
_NO_SUBJECT = re.compile(r"\s+(?:of|to|in|on|for|by|over|against|from)\s+\{\}|\s*\{\}")
_DIMENSIONS = frozenset(size for size, _ in UNIT_SIZES.values())
_PLURALS = {
    "person": "people",
    "man": "men",
    "woman": "women",
    "child": "children",
    "foot": "feet",
    "staff": "staff",
    "inch": "inches",
}
_TOLL_EVENTS = ("killed", "injured", "missing", "arrested", "evacuated", "rescued", "infected")


def _plural(noun: str) -> str:
    head, _, last = noun.rpartition(" ")
    if last in _PLURALS:
        word = _PLURALS[last]
    elif last.endswith("y") and last[-2:-1] not in "aeiou":
        word = last[:-1] + "ies"
    elif last.endswith(("s", "x", "ch", "sh")):
        word = last + "es"
    else:
        word = last + "s"
    return f"{head} {word}" if head else word


def _rising_toll(key: tuple, values: list[Fact], articles: Mapping[str, Article]) -> bool:
    """Casualty-like counts that only grow with the publication date: a toll that rose, not a disagreement."""
    if str(key[1]) not in _TOLL_EVENTS:
        return False
    dated = []
    for fact in values:
        published = articles[fact.source].published
        amount = _amount_of(fact)
        if published is None or amount is None:
            return False
        dated.append((published, amount[0]))
    if len({day for day, _ in dated}) < 2:
        return False
    dated.sort()
    return all(
        later_value >= value for (day, value), (later, later_value) in itertools.pairwise(dated) if later > day
    ) and all(v1 == v2 for (d1, v1), (d2, v2) in itertools.pairwise(dated) if d1 == d2)


def _quote(fact: Fact, body: str, sentence: Sentence) -> str:
    if fact.subject is not None:
        start, end = min(fact.start, fact.subject[0]), max(fact.end, fact.subject[1])
        if end - start <= 120:
            return " ".join(body[start:end].split())
    text = sentence.text
    if len(text) <= 200:
        return " ".join(text.split())
    low = max(sentence.start, fact.start - 80)
    high = min(sentence.end, fact.end + 80)
    while low > sentence.start and not body[low - 1].isspace():
        low += 1
    while high < sentence.end and not body[high].isspace():
        high -= 1
    prefix = "…" if low > sentence.start else ""
    suffix = "…" if high < sentence.end else ""
    return prefix + " ".join(body[low:high].split()) + suffix


def _conflict_id(*parts: object) -> str:
    return "c" + hashlib.sha1("|".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:10]


# ── the comparison ─────────────────────────────────────────────────────────────────────────────────


def _components(
    items: list[Fact], together: Callable[[Fact, Fact], bool], within_source: bool = False
) -> list[list[Fact]]:
    """Facts joined as long as a pair of them (of two sources, unless `within_source`) belongs together (bounded
    for huge inputs)."""
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    budget = _MAX_PAIRS  # a huge slot (a whole archive in one run) is compared only this far
    for i, a in enumerate(items):
        for j in range(i + 1, len(items)):
            b = items[j]
            if a.source == b.source and not within_source:
                continue
            budget -= 1
            if budget < 0:
                break
            if together(a, b):
                parent[find(i)] = find(j)
    groups: dict[int, list[Fact]] = defaultdict(list)
    for i, fact in enumerate(items):
        groups[find(i)].append(fact)
    return list(groups.values())


def _by_subject(key: tuple, items: list[Fact], topics: _Topics, past: _Background) -> list[list[Fact]]:
    """The facts of one measure, split by what they are about.

    Facts about one entity form one group, and never meet facts about another. A fact with no subject joins
    the one group it may be about: of the same time (see `_Background`), naming an entity its article names or
    saying the same thing as one of the group's sentences. The others are grouped among themselves: those whose
    sentences say the same thing, and, for a measure that names an event (a toll, a payout, a landing), those
    about the story's own time rather than the past.
    """

    def near(a: Fact, b: Fact) -> bool:
        # Dates that agree or nearly do may be one event told from two distances in time.
        return a.attribute == "date" and _compare_dates(a, b) in ("same", "approximation")

    def same_time(a: Fact, b: Fact) -> bool:
        return past(a) == past(b) or near(a, b)

    def story(a: Fact, b: Fact) -> bool:
        # Two unnamed figures of one event measure are about the story's own event when neither recalls the past;
        # two recalled ones only when their dates agree (1912 and "last century", not 2007 and 2022).
        return (not past(a) and not past(b)) or near(a, b)

    named: list[tuple[str, list[Fact]]] = []
    loose: list[Fact] = []
    for fact in items:
        if not fact.entity:
            loose.append(fact)
            continue
        for subject, group in named:
            if same_subject(subject, fact.entity):
                group.append(fact)
                break
        else:
            named.append((fact.entity, [fact]))
    if key[0] == "date":
        # One person's or thing's dates of one kind far apart in time are two events (left Juventus in 2021,
        # left United in 2022), unless they nearly agree.
        named = [(subject, part) for subject, group in named for part in _components(group, same_time, True)]
    if _needs_entity(key):
        return [group for _, group in named]

    pool: list[Fact] = []
    for fact in loose:
        homes = [
            (subject, group)
            for subject, group in named
            if subject[:1].isupper()  # a name, not a referent set apart ("aftershock", "previous mission")
            and any(same_time(fact, other) for other in group)
            and (topics.mentions(fact.source, subject) or any(topics.related(fact, other) for other in group))
        ]
        if len(homes) > 1:
            # Several candidates: the one a sentence of which says the same thing as this fact's.
            homes = [(subject, group) for subject, group in homes if any(topics.related(fact, o) for o in group)]
        if len(homes) == 1:
            homes[0][1].append(fact)
        elif not homes:
            pool.append(fact)
    # A measure of the table names an event or an amount precisely enough; so does what a duration is the
    # length of ("a 52-week low"). A counted noun ("people", "seats") does not.
    eventful = key[1] not in _GENERIC_MEASURES and bool(key[0] == "duration" or measures.label(_family(key), key[1]))
    return [group for _, group in named] + _components(
        pool, lambda a, b: same_time(a, b) and (topics.related(a, b) or (eventful and story(a, b)))
    )


#: Measures too general to say two unnamed figures are about one thing ("the price", "the start").
_GENERIC_MEASURES = frozenset("price start end value contract rate distance deal announce confirm".split())


def _family(key: tuple) -> str:
    """The measures table's family of a slot."""
    if key[0] == "count":
        return "percent" if str(key[2]).startswith("percent") else "size" if key[2] in _DIMENSIONS else "count"
    return key[0]


def _yearless_bounds(value: object, reference: dt.date) -> tuple[dt.date, dt.date] | None:
    """A day or month without its year ("--08", "--11-10") taken as the last one before the reference."""
    found = month_day(value) if isinstance(value, str) and value.startswith("--") else None
    if found is None:
        return None
    month, day = found
    for year in (reference.year, reference.year - 1):
        try:
            first = dt.date(year, month, day or 1)
            last = first if day else dt.date(year, month, calendar.monthrange(year, month)[1])
        except ValueError:
            return None
        if first <= reference:
            return first, last
    return None


_RELATIVE_CLAUSE = re.compile(r"\s*(?:which|who|whose)\b", re.IGNORECASE)


class _Background:
    """Whether a figure is about the story's own time or about the past it recalls.

    "In February, 96 people died when …" in a June story, "Chandrayaan-2 failed in 2019": a figure whose date, or a
    date in its clause, ends more than two months before the article was published (or, undated, before the
    latest publication date of the comparison) is background, and is compared only with other background.
    """

    _MARGIN = dt.timedelta(days=60)

    def __init__(
        self, facts: Sequence[Fact], articles: Mapping[str, Article], sentences: Mapping[str, Sequence[Sentence]]
    ) -> None:
        self._sentences = sentences
        days = [article.published for article in articles.values() if article.published]
        latest = max(days) if days else None
        self._reference = {source: article.published or latest for source, article in articles.items()}
        self._dates: dict[tuple[str, int], list[Fact]] = defaultdict(list)
        for fact in facts:
            if fact.attribute == "date" and fact.normalized is not None:
                self._dates[(fact.source, fact.sentence)].append(fact)
        self._cache: dict[tuple[str, int], bool] = {}

    def __call__(self, fact: Fact) -> bool:
        key = (fact.source, fact.start)
        if key not in self._cache:
            self._cache[key] = self._past(fact)
        return self._cache[key]

    def _past(self, fact: Fact) -> bool:
        reference = self._reference.get(fact.source)
        if reference is None or reference < dt.date.min + self._MARGIN:
            return False  # no date to read against (or one at the very start of the calendar)
        if fact.attribute == "date":
            near = [fact]
        else:
            near = [date for date in self._dates.get((fact.source, fact.sentence), ()) if self._dates_it(date, fact)]
        for date in near:
            bounds = date_bounds(date.normalized) or _yearless_bounds(date.normalized, reference)
            if bounds is not None and bounds[1] < reference - self._MARGIN:  # safe: checked above
                return True
        return False

    def _dates_it(self, date: Fact, fact: Fact) -> bool:
        """Whether a date near a figure is the figure's time ("At least 79 migrants drowned on Wednesday", "In
        February, 96 people died"), not that of a relative clause about something else ("Bellhaven, which was
        founded in 1953, employs …")."""
        if abs(date.start - fact.start) > 80:
            return False
        text = self._sentences[fact.source][fact.sentence].text
        offset = self._sentences[fact.source][fact.sentence].start
        segment = text[text.rfind(",", 0, date.start - offset) + 1 : date.start - offset]
        return _RELATIVE_CLAUSE.match(segment) is None

    def of_group(self, group: list[Fact]) -> bool:
        return sum(map(self, group)) * 2 > len(group)


def _figure_conflicts(
    facts: Sequence[Fact],
    articles: Mapping[str, Article],
    sentences: Mapping[str, Sequence[Sentence]],
    topics: _Topics,
    people: frozenset[str] = frozenset(),
) -> list[Conflict]:
    order = {source: index for index, source in enumerate(articles)}
    past = _Background(facts, articles, sentences)
    slots: dict[tuple, list[Fact]] = defaultdict(list)
    for fact in facts:
        if fact.source not in articles:
            continue
        key = _slot(fact)
        if key is not None:
            slots[key].append(fact)
    conflicts: list[Conflict] = []
    for key, items in slots.items():
        if len({f.source for f in items}) < 2:
            continue
        found = [
            conflict
            for group in _by_subject(key, items, topics, past)
            if len({f.source for f in group}) >= 2
            and (conflict := _judge(key, group, articles, sentences, order, topics, people)) is not None
        ]
        # Each conflict is named by its slot and subject; several unnamed ones of one slot get a counter.
        shared = Counter(conflict.id for conflict in found)
        found = [
            replace(conflict, id=_conflict_id(conflict.id, number)) if shared[conflict.id] > 1 else conflict
            for number, conflict in enumerate(found)
        ]
        conflicts.extend(found)
    return conflicts


def _one_value_each(per_source: Mapping[str, list[Fact]], topics: _Topics) -> dict[str, list[Fact]]:
    """One value per source. Of a source's several values, the one whose words match another source's figures
    (its other values are about something else); a source left with several speaks of several things and is
    left out."""
    kept: dict[str, list[Fact]] = {}
    for source, values in per_source.items():
        if len(values) > 1:
            others = [fact for other, facts in per_source.items() if other != source for fact in facts]
            values = [fact for fact in values if any(topics.related(fact, other) for other in others)]
        if len(values) == 1:
            kept[source] = values
    return kept


def _judge(
    key: tuple,
    group: list[Fact],
    articles: Mapping[str, Article],
    sentences: Mapping[str, Sequence[Sentence]],
    order: Mapping[str, int],
    topics: _Topics,
    people: frozenset[str] = frozenset(),
) -> Conflict | None:
    attribute = key[0]
    # One value per source. A source with two different values in one slot speaks of two things and is left
    # out, unless it is a person's age: then the source contradicts itself, which is worth showing.
    per_source: dict[str, list[Fact]] = defaultdict(list)
    for fact in sorted(group, key=lambda f: (order[f.source], f.start)):
        if not any(_compare(fact, other) == "same" for other in per_source[fact.source]):
            per_source[fact.source].append(fact)
    if attribute != "age":
        per_source = defaultdict(list, _one_value_each(per_source, topics))
    elif not any(same_subject(person, group[0].entity or "") for person in people):
        return None  # "Arsenal, 3,": a number after a name that is not a person's is not an age
    values = [fact for source in sorted(per_source, key=order.__getitem__) for fact in per_source[source]]
    if len({f.source for f in values}) < 2:
        return None
    verdicts = {_compare(a, b) for i, a in enumerate(values) for b in values[i + 1 :] if a.source != b.source}
    verdicts -= {"same", "unknown"}
    if not verdicts:
        return None
    if "conflict" in verdicts and attribute == "count" and _rising_toll(key, values, articles):
        kind = "time-shift"
    elif "conflict" in verdicts:
        kind = "conflict"
    elif "time-shift" in verdicts:
        kind = "time-shift"
    else:
        kind = "approximation"
    named = [f.entity for f in values if f.entity]
    entity = named[0] if named and all(same_subject(named[0], other) for other in named) else None
    measure = None if attribute == "age" else key[1]
    qualifier = None if attribute in ("age", "date", "duration") else key[2]
    if attribute == "count":
        qualifier = values[0].qualifier
    about = _about(key, entity, qualifier)
    said = "; ".join(f"{articles[f.source].label} says {_shown(f)}" for f in values)
    if attribute == "age":
        kind, tail = _age_kind(values, articles)
        explanation = f"The sources disagree on {about}: {said} — {tail}."
    elif kind == "approximation":
        explanation = f"The sources give {about} differently but compatibly: {said} (a rounded or hedged figure)."
    elif kind == "time-shift" and attribute == "count":
        explanation = (
            f"The sources differ on {about}: {said}, but the later reports give the higher figures, as a toll "
            "that rises over time would."
        )
    elif kind == "time-shift":
        explanation = (
            f"The sources differ on {about}: {said}, a gap that relative dates read against different "
            "publication dates can explain."
        )
    else:
        explanation = f"The sources disagree on {about}: {said}."
    open_dates = [f for f in values if _readings(f)]
    if open_dates:
        which = _join([f"“{' '.join(f.value.split())}”" for f in open_dates])
        explanation += (
            f" {which} may be read day first or month first, and {'its article does' if len(open_dates) == 1 else 'their articles do'}"
            " not say which."
        )
    conflict_values = tuple(
        ConflictValue(fact=f, quote=_quote(f, articles[f.source].body, sentences[f.source][f.sentence])) for f in values
    )
    return Conflict(
        # Stable across runs and input order: the slot and its subject name the conflict (a counter is added by
        # the caller when one slot holds several).
        id=_conflict_id(*key, *([fold(entity)] if entity else [])),
        entity=entity,
        attribute=attribute,  # type: ignore[arg-type]
        kind=kind,  # type: ignore[arg-type]
        explanation=explanation,
        values=conflict_values,
        measure=measure,
        topic=about,
    )


def _variant_conflicts(
    mentions: Sequence[Mention],
    entities: Sequence[Entity],
    articles: Mapping[str, Article],
    sentences: Mapping[str, Sequence[Sentence]],
) -> list[Conflict]:
    order = list(articles)
    conflicts: list[Conflict] = []
    by_entity: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        by_entity[mention.entity].append(mention)
    for entity in entities:
        spellings = [s for s, _ in entity.spellings if len(s.split()) >= 2]
        distinct: list[str] = []
        for spelling in spellings:
            words = [fold(w) for w in spelling.split()]
            if any(_subset(words, [fold(w) for w in other.split()]) for other in distinct):
                continue
            distinct.append(spelling)
        if len(distinct) < 2:
            continue
        firsts: dict[tuple[str, str], Mention] = {}
        for mention in sorted(by_entity[entity.id], key=lambda m: (order.index(m.source), m.start)):
            if mention.text in distinct or " ".join(mention.text.split()) in distinct:
                firsts.setdefault((mention.source, " ".join(mention.text.split())), mention)
        if len({spelling for _, spelling in firsts}) < 2:
            continue
        values = []
        for (source, _), mention in sorted(firsts.items(), key=lambda item: (order.index(item[0][0]), item[1].start)):
            fact = Fact(
                source=source,
                sentence=mention.sentence,
                attribute="name",
                value=mention.text,
                normalized=entity.name,
                start=mention.start,
                end=mention.end,
                entity=entity.name,
            )
            values.append(
                ConflictValue(fact=fact, quote=_quote(fact, articles[source].body, sentences[source][mention.sentence]))
            )
        used: dict[str, list[str]] = defaultdict(list)
        for value in values:
            used[value.fact.value].append(articles[value.fact.source].label)
        listing = "; ".join(f"“{spelling}” in {_join(labels)}" for spelling, labels in used.items())
        explanation = f"The sources spell {entity.name}'s name {len(used)} ways: {listing}."
        conflicts.append(
            Conflict(
                # From the spellings, not the display name: stable whatever the order of the sources.
                id=_conflict_id("name", "variant", *sorted(fold(spelling) for spelling in distinct)),
                entity=entity.name,
                attribute="name",
                kind="variant",
                explanation=explanation,
                values=tuple(values),
                topic=f"{entity.name}'s name",
            )
        )
    return conflicts


def _subset(a: list[str], b: list[str]) -> bool:
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if short == long_:
        return True
    if len(short) == len(long_):
        return False
    rest = iter(long_)
    return all(word in rest for word in short)


def find_conflicts(
    articles: Sequence[Article],
    sentences: Mapping[str, Sequence[Sentence]],
    facts: Sequence[Fact],
    mentions: Sequence[Mention],
    entities: Sequence[Entity],
) -> tuple[Conflict, ...]:
    """Every disagreement between the sources: figures first (grouped by entity), then name variants."""
    by_id = {article.id: article for article in articles}
    topics = _Topics(sentences, mentions, entities)
    people = frozenset(e.name for e in entities if e.kind == "person")
    figures = _figure_conflicts(facts, by_id, sentences, topics, people)
    order = {article.id: index for index, article in enumerate(articles)}
    rank = {fold(entity.name): index for index, entity in enumerate(entities)}  # most mentioned first
    figures.sort(
        key=lambda c: (
            c.entity is None,
            rank.get(fold(c.entity or ""), len(rank)),
            c.entity or "",
            c.attribute,
            order[c.values[0].fact.source],
            c.values[0].fact.start,
        )
    )
    return (*figures, *_variant_conflicts(mentions, entities, by_id, sentences))


def compare_facts(
    articles: Sequence[Article], sentences: Mapping[str, Sequence[Sentence]]
) -> tuple[tuple[Fact, ...], tuple[Mention, ...], tuple[Entity, ...], tuple[Conflict, ...]]:
    """The whole fact step of the pipeline: extract, find names, link, compare."""
    from spacereader.engine.facts import extract_facts, link_facts
    from spacereader.engine.names import find_entities

    mentions, entities = find_entities(articles, sentences)
    raw = [fact for article in articles for fact in extract_facts(article, sentences.get(article.id, ()), mentions)]
    figures = _adopt_bare_ages(link_facts(raw, mentions, entities), mentions, entities)
    conflicts = find_conflicts(articles, sentences, figures, mentions, entities)
    order = {article.id: index for index, article in enumerate(articles)}
    facts = sorted((*figures, *name_facts(mentions, entities)), key=lambda f: (order.get(f.source, 0), f.start, f.end))
    return tuple(facts), mentions, entities, conflicts


def _adopt_bare_ages(
    facts: Sequence[Fact], mentions: Sequence[Mention], entities: Sequence[Entity]
) -> tuple[Fact, ...]:
    """ "the 36-year-old said": in an article that names the one person whose age other sources give, that person."""
    aged = {fact.entity for fact in facts if fact.attribute == "age" and fact.entity}
    names = {entity.id: entity.name for entity in entities}
    named: dict[str, set[str]] = defaultdict(set)
    for mention in mentions:
        name = names.get(mention.entity)
        if name in aged:
            named[mention.source].add(name)
    out = []
    for fact in facts:
        if fact.attribute == "age" and not fact.entity and len(named.get(fact.source, ())) == 1:
            fact = replace(fact, entity=next(iter(named[fact.source])))
        out.append(fact)
    return tuple(out)


def name_facts(mentions: Sequence[Mention], entities: Sequence[Entity]) -> tuple[Fact, ...]:
    """A `name` fact for each mention of a person or organisation: the name as written, the display name."""
    named = {entity.id: entity for entity in entities if entity.kind in ("person", "organisation")}
    return tuple(
        Fact(
            source=mention.source,
            sentence=mention.sentence,
            attribute="name",
            value=mention.text,
            normalized=named[mention.entity].name,
            start=mention.start,
            end=mention.end,
            entity=named[mention.entity].name,
        )
        for mention in mentions
        if mention.entity in named
    )
