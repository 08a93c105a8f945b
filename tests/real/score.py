"""Scoring the engine against the real-coverage labels (tests/real/README.md): conflicts and alignment.

Conflicts, per labelled slot and per reported conflict:
- a slot is a *disagreement* when two articles give it values of different readings; it is *found* when one
  reported conflict (any kind but `variant`) holds values of two or more of its readings;
- a reported conflict is a *false merge* when its values belong to two or more different slots (different
  subjects or measures), a *false conflict* when all its values are of one reading of one slot (the sources
  agree), and *unlabelled* when it holds a value no label covers (counted against the engine: every figure of
  every text is labelled).

A value belongs to the labelled figure its span overlaps in the same article.

Alignment: every cross-article pair of sentences inside a labelled row is a true pair (an `either` row's pairs
are not counted); every other cross-article pair the engine puts in one row is a false pair.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations

from spacereader.model import Comparison, Conflict, Fact, Sentence
from tests.real.corpus import Event, Slot, Value, locate

Member = tuple[str, int]
Pair = frozenset[Member]


def build(event: Event) -> Comparison:
    """The engine's comparison of one event's texts, loaded as a user would load them."""
    from spacereader.engine.comparison import build_comparison
    from spacereader.sources.load import load_paths

    articles, errors = load_paths(event.paths())
    if errors:
        raise ValueError(f"{event.id}: {'; '.join(map(str, errors))}")
    return build_comparison(articles)


@dataclass
class Labelled:
    slot: int
    value: Value
    start: int
    end: int


def labelled_values(event: Event, comparison: Comparison) -> dict[str, list[Labelled]]:
    """Every labelled figure's span, by article."""
    out: dict[str, list[Labelled]] = {}
    for number, slot in enumerate(event.figures):
        for value in slot.values:
            body = comparison.article(value.article).body
            start, end = locate(body, value.quote, value.near)
            out.setdefault(value.article, []).append(Labelled(number, value, start, end))
    return out


def _label_of(fact: Fact, labels: Mapping[str, list[Labelled]]) -> Labelled | None:
    best = None
    for item in labels.get(fact.source, ()):
        overlap = min(item.end, fact.end) - max(item.start, fact.start)
        if overlap > 0 and (best is None or overlap > best[0]):
            best = (overlap, item)
    return best[1] if best else None


@dataclass
class ConflictScore:
    event: str
    disagreements: list[Slot] = field(default_factory=list)
    found: list[tuple[Slot, Conflict]] = field(default_factory=list)
    missed: list[Slot] = field(default_factory=list)
    kind_right: int = 0
    false_conflicts: list[Conflict] = field(default_factory=list)
    false_merges: list[tuple[Conflict, list[str]]] = field(default_factory=list)
    unlabelled: list[tuple[Conflict, list[str]]] = field(default_factory=list)
    reported: int = 0
    figures: int = 0  # labelled figures
    extracted: int = 0  # labelled figures an engine fact of the same attribute overlaps


def score_conflicts(event: Event, comparison: Comparison) -> ConflictScore:
    labels = labelled_values(event, comparison)
    result = ConflictScore(event.id)
    result.figures = sum(len(items) for items in labels.values())
    hit: set[tuple[str, int, int]] = set()
    for fact in comparison.facts:
        if fact.attribute == "name":
            continue
        item = _label_of(fact, labels)
        if item is not None and _same_kind(event.figures[item.slot].attribute, fact.attribute):
            hit.add((fact.source, item.start, item.end))
    result.extracted = len(hit)

    found_slots: dict[int, Conflict] = {}
    for conflict in comparison.conflicts:
        if conflict.kind == "variant":
            continue
        result.reported += 1
        items = [(value.fact, _label_of(value.fact, labels)) for value in conflict.values]
        loose = [f"{fact.source}: {fact.value!r}" for fact, item in items if item is None]
        slots = {item.slot for _, item in items if item is not None}
        if len(slots) >= 2:
            names = sorted({event.figures[slot].name for slot in slots})
            result.false_merges.append((conflict, names))
            continue
        if loose:
            result.unlabelled.append((conflict, loose))
            continue
        (slot,) = slots
        readings = {item.value.reading for _, item in items if item is not None}
        if len(readings) < 2:
            result.false_conflicts.append(conflict)
        else:
            found_slots.setdefault(slot, conflict)

    for number, slot in enumerate(event.figures):
        if not slot.disagreement:
            continue
        result.disagreements.append(slot)
        if number in found_slots:
            conflict = found_slots[number]
            result.found.append((slot, conflict))
            result.kind_right += conflict.kind == slot.kind
        else:
            result.missed.append(slot)
    return result


def _same_kind(label: str, engine: str) -> bool:
    return label == engine or {label, engine} == {"age", "count"}


# ── alignment ──────────────────────────────────────────────────────────────────────────────────────


def _sentence_of(sentences: Sequence[Sentence], start: int) -> int:
    for sentence in sentences:
        if sentence.start <= start < sentence.end:
            return sentence.index
    raise LookupError(f"no sentence holds offset {start}")


def labelled_pairs(event: Event, comparison: Comparison) -> tuple[set[Pair], set[Pair]]:
    """(true, either) cross-article sentence pairs of the event's row labels, in the engine's segmentation."""
    true: set[Pair] = set()
    either: set[Pair] = set()
    for row in event.rows:
        members = []
        for member in row.members:
            body = comparison.article(member.article).body
            start, _ = locate(body, member.quote)
            members.append((member.article, _sentence_of(comparison.sentences[member.article], start)))
        target = either if row.either else true
        target.update(frozenset(pair) for pair in combinations(members, 2) if pair[0][0] != pair[1][0])
    return true, either - true


def row_pairs(rows: Iterable[Mapping[str, Sequence[int]]]) -> set[Pair]:
    """Cross-article pairs of sentences that rows put together."""
    result: set[Pair] = set()
    for cells in rows:
        members = [(source, index) for source, indices in cells.items() for index in indices]
        result.update(frozenset(pair) for pair in combinations(members, 2) if pair[0][0] != pair[1][0])
    return result


def pair_score(found: set[Pair], true: set[Pair], either: set[Pair]) -> tuple[int, int, int]:
    """(true pairs found, pairs counted, true pairs): `either` pairs are not counted."""
    counted = found - either
    return len(counted & true), len(counted), len(true)
