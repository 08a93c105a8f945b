"""Where the sources disagree: facts compared slot by slot, each disagreement explained.

A slot is what a figure is about: the entity and the attribute for ages; the attribute, the context
word (launch, budget, candidate …) and the qualifier (per share, the unit of a count) for the rest.
Facts of different sources are compared only inside one slot and, when neither names an entity, only
when their sentences are about the same thing (they share enough content words). A source that gives
two different values in one slot makes the slot ambiguous: it is left alone. Prefer no report over a
false alarm.

- Dates agree when one contains the other (October 2021 contains October 5; a range contains its days).
- Money, durations and counts are intervals: equal values agree, overlapping hedged or rounded values are an
  `approximation`, disjoint ones a `conflict`; money only within one currency.
- Ages become birth windows when the publication dates are known: overlapping windows are a `time-shift`,
  disjoint ones a `conflict`; with a date missing, a `conflict` whose explanation says which date would
  settle it.
- Different spellings of one entity are a `variant`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import math
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace

from spacereader.engine.dates import date_bounds, month_day
from spacereader.engine.names import OPENERS, ROLES, fold
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
#: Pairs of facts compared in one slot at most (keeps a run over thousands of articles bounded).
_MAX_PAIRS = 200_000


# ── slots and similarity ───────────────────────────────────────────────────────────────────────────


def _slot(fact: Fact) -> tuple | None:
    if fact.attribute == "age":
        return ("age", fold(fact.entity)) if fact.entity else None
    if fact.attribute == "date" and fact.context in ("born", "died"):
        # A birth or a death is one person's: compared only when the person is known.
        return ("date", fact.context, fold(fact.entity)) if fact.entity and fact.normalized is not None else None
    if fact.attribute == "name" or fact.context is None or fact.normalized is None:
        return None
    if fact.attribute == "money":
        if not isinstance(fact.normalized, dict) or not fact.normalized.get("currency"):
            return None
        return ("money", fact.context, fact.qualifier, fact.normalized["currency"])
    if fact.attribute == "count" and fact.qualifier == "percent":
        return None  # a percentage of nothing named
    return (fact.attribute, fact.context, fact.qualifier)


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
        self._cache: dict[tuple[str, int], frozenset[str]] = {}
        self._entities: dict[tuple[str, int], set[str]] = defaultdict(set)
        for mention in mentions:
            self._entities[(mention.source, mention.sentence)].add(mention.entity)

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

    def related(self, a: Fact, b: Fact) -> bool:
        if a.entity and b.entity:
            return fold(a.entity) == fold(b.entity)
        wa, wb = self.words(a.source, a.sentence), self.words(b.source, b.sentence)
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
    if fact.attribute == "money":
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
        if _rounds_to(la, lb) or _rounds_to(lb, la):
            return "approximation"
        return "conflict"
    if a.normalized == b.normalized:
        return "same"
    if la <= hb and lb <= ha:
        return "approximation"
    return "conflict"


def _day_bounds(fact: Fact) -> tuple[dt.date, dt.date] | None:
    return date_bounds(fact.normalized)


def _compare_dates(a: Fact, b: Fact) -> str:
    na, nb = a.normalized, b.normalized
    if na == nb:
        return "same"
    ta, tb = _time_of(na), _time_of(nb)
    if ta is not None and tb is not None:
        da, db = _date_part(na), _date_part(nb)
        if da and db and da != db:
            return "conflict"
        gap = abs(ta - tb)
        return "same" if gap == 0 else "approximation" if gap <= 15 else "conflict"
    ba, bb = _day_bounds(a), _day_bounds(b)
    if ba and bb:
        contains = (ba[0] <= bb[0] and bb[1] <= ba[1]) or (bb[0] <= ba[0] and ba[1] <= bb[1])
        if contains:
            return "same"
        if a.relative or b.relative:
            # Read against a publication date that may be off (a crawl date, an update): the weaker kind.
            return "time-shift"
        return "conflict"
    ma, mb = month_day(na) if not ba else _month_day_of(ba), month_day(nb) if not bb else _month_day_of(bb)
    if ma and mb:
        if ma[0] != mb[0]:
            return "conflict" if (isinstance(na, str) and isinstance(nb, str)) else "unknown"
        if ma[1] is None or mb[1] is None or ma[1] == mb[1]:
            return "same"
        return "conflict"
    return "unknown"


def _month_day_of(bounds: tuple[dt.date, dt.date]) -> tuple[int, int | None] | None:
    first, last = bounds
    if first == last:
        return first.month, first.day
    if first.year == last.year and first.month == last.month:
        return first.month, None
    return None


def _time_of(value: object) -> int | None:
    if not isinstance(value, str) or "T" not in value:
        return None
    match = re.search(r"T(\d{2}):(\d{2})", value)
    return int(match.group(1)) * 60 + int(match.group(2)) if match else None


def _date_part(value: object) -> str | None:
    return value.split("T")[0] or None if isinstance(value, str) else None


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
    value = fact.normalized
    if fact.attribute == "age":
        return str(value)
    if fact.attribute == "date":
        if isinstance(value, list):
            return f"{value[0]} to {value[1]}"
        return str(value)
    return " ".join(fact.value.split())


_EVENT_NOUNS = {
    "born": "birth",
    "died": "death",
    "announce": "announcement",
    "sign": "signing",
    "found": "founding",
    "resign": "resignation",
    "appoint": "appointment",
    "marry": "wedding",
    "publish": "publication",
    "meet": "meeting",
    "confirm": "confirmation",
    "film": "filming",
    "build": "construction",
    "dock": "docking",
    "arrive": "arrival",
    "land": "landing",
    "sentence": "sentencing",
}


def _subject(attribute: str, entity: str | None, context: str | None, qualifier: str | None) -> str:
    if attribute == "age":
        return f"{entity}'s age"
    event = _EVENT_NOUNS.get(context or "", context)
    what = {
        "date": f"the date of the {event}" if context else "the date",
        "money": f"the {context}" if context else "the amount",
        "duration": f"how long the {context} lasts" if context else "the duration",
        "count": _count_subject(context, qualifier),
    }[attribute]
    if qualifier and attribute == "money":
        what += f" {qualifier}"
    if entity:
        what += f" of {entity}"
    return what


_PLURALS = {"person": "people", "man": "men", "woman": "women", "child": "children", "foot": "feet", "staff": "staff"}
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


def _count_subject(context: str | None, qualifier: str | None) -> str:
    if not context or context == "percent":
        return "the percentage"
    noun = qualifier or context
    rest = context[len(noun) :] if context.startswith(noun) else ""
    return f"the number of {_plural(noun)}{rest}"


def _rising_toll(key: tuple, values: list[Fact], articles: Mapping[str, Article]) -> bool:
    """Casualty-like counts that only grow with the publication date: a toll that rose, not a disagreement."""
    context = str(key[1])
    if not context.endswith(_TOLL_EVENTS):
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


def _components(items: list[Fact], topics: _Topics) -> list[list[Fact]]:
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
            if a.source == b.source:
                continue
            budget -= 1
            if budget < 0:
                break
            if a.attribute == "age" or topics.related(a, b):
                parent[find(i)] = find(j)
    groups: dict[int, list[Fact]] = defaultdict(list)
    for i, fact in enumerate(items):
        groups[find(i)].append(fact)
    return [group for group in groups.values() if len({f.source for f in group}) >= 2]


def _figure_conflicts(
    facts: Sequence[Fact],
    articles: Mapping[str, Article],
    sentences: Mapping[str, Sequence[Sentence]],
    topics: _Topics,
    people: frozenset[str] = frozenset(),
) -> list[Conflict]:
    order = list(articles)
    slots: dict[tuple, list[Fact]] = defaultdict(list)
    for fact in facts:
        if fact.source not in articles:
            continue
        key = _slot(fact)
        if key is not None and fact.normalized != "undisclosed":
            slots[key].append(fact)
    conflicts: list[Conflict] = []
    for key, items in slots.items():
        if len({f.source for f in items}) < 2:
            continue
        found = [
            conflict
            for group in _components(items, topics)
            if (conflict := _judge(key, group, articles, sentences, order, people)) is not None
        ]
        if len(found) > 1:
            found = [replace(conflict, id=_conflict_id(*key, number)) for number, conflict in enumerate(found)]
        conflicts.extend(found)
    return conflicts


def _judge(
    key: tuple,
    group: list[Fact],
    articles: Mapping[str, Article],
    sentences: Mapping[str, Sequence[Sentence]],
    order: list[str],
    people: frozenset[str] = frozenset(),
) -> Conflict | None:
    attribute = key[0]
    # One value per source; a source with two different values in one slot makes the slot ambiguous
    # (unless it is a person's age: then the source contradicts itself, which is worth showing).
    per_source: dict[str, list[Fact]] = defaultdict(list)
    for fact in sorted(group, key=lambda f: (order.index(f.source), f.start)):
        if not any(_compare(fact, other) == "same" for other in per_source[fact.source]):
            per_source[fact.source].append(fact)
    if attribute != "age" and any(len(values) > 1 for values in per_source.values()):
        return None
    if attribute == "age" and key[1] not in people:
        return None  # "Arsenal, 3,": a number after a name that is not a person's is not an age
    values = [fact for source in order for fact in per_source.get(source, [])]
    verdicts = {_compare(a, b) for i, a in enumerate(values) for b in values[i + 1 :] if a.source != b.source}
    verdicts.discard("same")
    if not verdicts or "unknown" in verdicts:
        return None
    if "conflict" in verdicts and attribute == "count" and _rising_toll(key, values, articles):
        kind = "time-shift"
    elif "conflict" in verdicts:
        kind = "conflict"
    elif "time-shift" in verdicts:
        kind = "time-shift"
    else:
        kind = "approximation"
    entity = (
        values[0].entity if all(f.entity and fold(f.entity) == fold(values[0].entity or "") for f in values) else None
    )
    context = None if attribute == "age" else key[1]
    qualifier = None if attribute == "age" else (key[2] if len(key) > 2 else None)
    subject = _subject(attribute, entity, context, qualifier)
    said = "; ".join(f"{articles[f.source].label} says {_shown(f)}" for f in values)
    if attribute == "age":
        kind, tail = _age_kind(values, articles)
        explanation = f"The sources disagree on {subject}: {said} — {tail}."
    elif kind == "approximation":
        explanation = f"The sources give {subject} differently but compatibly: {said} (a rounded or hedged figure)."
    elif kind == "time-shift" and attribute == "count":
        explanation = (
            f"The sources differ on {subject}: {said}, but the later reports give the higher figures, as a toll "
            "that rises over time would."
        )
    elif kind == "time-shift":
        explanation = (
            f"The sources differ on {subject}: {said}, a gap that relative dates read against different "
            "publication dates can explain."
        )
    else:
        explanation = f"The sources disagree on {subject}: {said}."
    conflict_values = tuple(
        ConflictValue(fact=f, quote=_quote(f, articles[f.source].body, sentences[f.source][f.sentence])) for f in values
    )
    return Conflict(
        # Stable across runs and input order: the slot names the conflict (a counter is added by the caller
        # when one slot holds several).
        id=_conflict_id(*key),
        entity=entity,
        attribute=attribute,  # type: ignore[arg-type]
        kind=kind,  # type: ignore[arg-type]
        explanation=explanation,
        values=conflict_values,
        context=context,
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
    people = frozenset(fold(e.name) for e in entities if e.kind == "person")
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

    raw = [fact for article in articles for fact in extract_facts(article, sentences.get(article.id, ()))]
    mentions, entities = find_entities(articles, sentences)
    figures = link_facts(raw, mentions, entities)
    conflicts = find_conflicts(articles, sentences, figures, mentions, entities)
    order = {article.id: index for index, article in enumerate(articles)}
    facts = sorted((*figures, *name_facts(mentions, entities)), key=lambda f: (order.get(f.source, 0), f.start, f.end))
    return tuple(facts), mentions, entities, conflicts


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
