"""The reader's view model: a `Comparison` turned into columns, rows, marks and wrapped cell lines.

Pure Python (no Textual), so the layout rules are unit-tested without a terminal. The widget in
`components/comparison_view.py` only turns the tagged fragments this module produces into styled
strips. Every offset here is a character offset into a *cell text*: the cell's sentences joined by a
space, with newlines and tabs turned into spaces so offsets into the article body map 1:1.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import accumulate, pairwise
from typing import Literal

from rich.cells import cell_len

from spacereader.model import Comparison, Conflict, ConflictValue, Row

#: Fact attributes that get their own highlight style.
ATTRIBUTES = ("date", "age", "money", "duration", "count")
Filter = Literal["all", "conflicts", "shared", "unique"]
FILTERS: tuple[Filter, ...] = ("all", "conflicts", "shared", "unique")
FILTER_LABELS: Mapping[Filter, str] = {
    "all": "all rows",
    "conflicts": "rows with conflicts",
    "shared": "rows shared by two or more sources",
    "unique": "rows unique to one source",
}
#: How strongly a row disagrees: a hard conflict, or a softer one (time shift, approximation, name variant).
Severity = Literal["conflict", "soft"]

# Tags a fragment of text can carry; the widget maps each to a component class.
TAG_CONFLICT = "conflict"
TAG_SOFT = "soft"
TAG_DIFF = "diff"
TAG_VARIANT = "variant"
TAG_MATCH = "match"

_SPACE = re.compile(r"[\n\t\r]")


@dataclass(frozen=True, slots=True)
class Column:
    source: str
    label: str
    date: str
    sentences: int
    pivot: bool = False


@dataclass(frozen=True, slots=True)
class ViewRow:
    """One aligned row as the reader shows it; `index` is its position among all rows."""

    index: int
    cells: Mapping[str, tuple[int, ...]]
    reference: str | None
    differences: Mapping[str, tuple[tuple[int, int], ...]]
    severity: Severity | None = None
    conflicts: tuple[str, ...] = ()

    @property
    def shared(self) -> bool:
        return len(self.cells) >= 2


@dataclass(frozen=True, slots=True)
class Fragment:
    text: str
    tags: frozenset[str] = frozenset()


Line = tuple[Fragment, ...]


@dataclass(frozen=True, slots=True)
class Match:
    row: int  # index into ReaderModel.rows
    source: str
    start: int  # cell-text offsets
    end: int


@dataclass(slots=True)
class _Spans:
    """Tag intervals over one source's body, gathered once per comparison."""

    by_source: dict[str, list[tuple[int, int, str]]] = field(default_factory=dict)

    def add(self, source: str, start: int, end: int, tag: str) -> None:
        if end > start:
            self.by_source.setdefault(source, []).append((start, end, tag))


def column_label(comparison: Comparison, source: str) -> str:
    return comparison.article(source).label


def conflict_severity(conflict: Conflict) -> Severity:
    return "conflict" if conflict.kind == "conflict" else "soft"


def value_groups(conflict: Conflict, labels: Mapping[str, str]) -> list[tuple[str, list[str]]]:
    """(value as written, the sources saying it): one per source, or per spelling for a name variant."""
    groups: dict[str, list[str]] = {}
    ordered: list[tuple[str, list[str]]] = []
    for value in conflict.values:
        text = " ".join(value.fact.value.split())
        label = labels.get(value.fact.source, value.fact.source)
        if conflict.kind != "variant":
            ordered.append((text, [label]))
            continue
        if text not in groups:
            groups[text] = []
            ordered.append((text, groups[text]))
        if label not in groups[text]:
            groups[text].append(label)
    if conflict.kind == "variant":
        ordered.sort(key=lambda item: -len(item[1]))
    return ordered


_WORDS = re.compile(r"\w+")


def marked_values(conflict: Conflict) -> tuple[ConflictValue, ...]:
    """The values worth a mark: all of them, but for a spelling variant only the unusual spellings."""
    if conflict.kind != "variant":
        return conflict.values
    counts = Counter(" ".join(v.fact.value.split()) for v in conflict.values)
    usual = counts.most_common(1)[0][0] if counts else ""
    return tuple(v for v in conflict.values if " ".join(v.fact.value.split()) != usual)


def is_variant(text: str, canonical: str) -> bool:
    """True when `text` spells the name differently, not just shorter or in another case."""
    mine = set(_WORDS.findall(text.casefold()))
    theirs = set(_WORDS.findall(canonical.casefold()))
    return bool(mine) and not (mine <= theirs or theirs <= mine)


def fallback_rows(comparison: Comparison) -> tuple[Row, ...]:
    """Rows in reading order when the engine has not aligned anything: the n-th sentence of every source.

    This is what a reader does with parallel printed columns; the reader says so in its status line.
    """
    longest = max((len(s) for s in comparison.sentences.values()), default=0)
    rows = []
    for index in range(longest):
        cells = {
            article.id: (index,) for article in comparison.articles if index < len(comparison.sentences[article.id])
        }
        rows.append(Row(id=index, cells=cells))
    return tuple(rows)


class ReaderModel:
    """Columns, rows and per-sentence marks of one comparison; cheap to rebuild, cached wrapping."""

    def __init__(self, comparison: Comparison) -> None:
        self.comparison = comparison
        self.aligned = bool(comparison.rows)
        pivot = comparison.pivot or (comparison.articles[0].id if comparison.articles else None)
        self.pivot = pivot
        order = [a.id for a in comparison.articles]
        if pivot in order:
            order.remove(pivot)
            order.insert(0, pivot)
        self.columns: tuple[Column, ...] = tuple(
            Column(
                source=source,
                label=column_label(comparison, source),
                date=(lambda a: a.published.isoformat() if a.published else "undated")(comparison.article(source)),
                sentences=len(comparison.sentences.get(source, ())),
                pivot=source == pivot,
            )
            for source in order
        )
        self._spans = _Spans()
        self.sentence_conflicts: dict[tuple[str, int], list[Conflict]] = {}
        self._collect_spans()
        self.rows: tuple[ViewRow, ...] = self._build_rows()
        self.row_of_sentence: dict[tuple[str, int], int] = {}
        for row in self.rows:
            for source, indices in row.cells.items():
                for index in indices:
                    self.row_of_sentence[(source, index)] = row.index
        self._cell_text: dict[tuple[str, tuple[int, ...]], tuple[str, list[tuple[int, int, str]]]] = {}

    # ── marks ──────────────────────────────────────────────────────────────────────────────────

    def _collect_spans(self) -> None:
        comparison = self.comparison
        conflict_spans: set[tuple[str, int, int]] = set()
        for conflict in comparison.conflicts:
            tag = TAG_CONFLICT if conflict_severity(conflict) == "conflict" else TAG_SOFT
            if conflict.kind == "variant":
                tag = TAG_VARIANT
            for value in marked_values(conflict):
                fact = value.fact
                self._spans.add(fact.source, fact.start, fact.end, tag)
                conflict_spans.add((fact.source, fact.start, fact.end))
                self.sentence_conflicts.setdefault((fact.source, fact.sentence), []).append(conflict)
        for fact in comparison.facts:
            if fact.attribute in ATTRIBUTES:
                self._spans.add(fact.source, fact.start, fact.end, fact.attribute)
        # A name spelled differently from the entity's most common spelling is a variant; a shorter
        # form of it ("Putin" for "Vladimir Putin") is not.
        canonical = {e.id: (e.spellings[0][0] if e.spellings else e.name) for e in comparison.entities}
        for mention in comparison.mentions:
            spelling = canonical.get(mention.entity)
            if spelling is not None and is_variant(mention.text, spelling):
                self._spans.add(mention.source, mention.start, mention.end, TAG_VARIANT)

    def _build_rows(self) -> tuple[ViewRow, ...]:
        comparison = self.comparison
        rows = comparison.rows or fallback_rows(comparison)
        sentences = comparison.sentences
        out = []
        for index, row in enumerate(rows):
            severity: Severity | None = None
            conflict_ids: list[str] = []
            for source, indices in row.cells.items():
                for sentence in indices:
                    for conflict in self.sentence_conflicts.get((source, sentence), ()):
                        if conflict.id not in conflict_ids:
                            conflict_ids.append(conflict.id)
                        if conflict_severity(conflict) == "conflict" and conflict.kind != "variant":
                            severity = "conflict"
                        elif severity is None:
                            severity = "soft"
            differences = {}
            for source, spans in (row.differences or {}).items():
                differences[source] = tuple((span.start, span.end) for span in spans)
            cells = {s: tuple(i for i in idx if i < len(sentences.get(s, ()))) for s, idx in row.cells.items()}
            cells = {s: idx for s, idx in cells.items() if idx}
            out.append(
                ViewRow(
                    index=index,
                    cells=cells,
                    reference=row.reference,
                    differences=differences,
                    severity=severity,
                    conflicts=tuple(conflict_ids),
                )
            )
        return tuple(out)

    # ── queries ────────────────────────────────────────────────────────────────────────────────

    def column_index(self, source: str) -> int:
        for index, column in enumerate(self.columns):
            if column.source == source:
                return index
        raise KeyError(source)

    def filtered(self, which: Filter) -> tuple[ViewRow, ...]:
        if which == "conflicts":
            return tuple(r for r in self.rows if r.severity is not None)
        if which == "shared":
            return tuple(r for r in self.rows if len(r.cells) >= 2)
        if which == "unique":
            return tuple(r for r in self.rows if len(r.cells) == 1)
        return self.rows

    def conflict_rows(self, conflict: Conflict) -> list[int]:
        """Row indices that hold one of the conflict's values, in row order."""
        rows = {self.row_of_sentence.get((v.fact.source, v.fact.sentence)) for v in conflict.values}
        return sorted(r for r in rows if r is not None)

    def cell_text(self, source: str, indices: tuple[int, ...]) -> tuple[str, list[tuple[int, int, str]]]:
        """The cell's text and its tag spans (cell offsets), diff spans excluded (they are per row)."""
        key = (source, indices)
        cached = self._cell_text.get(key)
        if cached is not None:
            return cached
        parts: list[str] = []
        spans: list[tuple[int, int, str]] = []
        offset = 0
        source_spans = self._spans.by_source.get(source, ())
        for n, index in enumerate(indices):
            sentence = self.comparison.sentences[source][index]
            if n:
                parts.append(" ")
                offset += 1
            text = _SPACE.sub(" ", sentence.text)
            parts.append(text)
            for start, end, tag in source_spans:
                lo, hi = max(start, sentence.start), min(end, sentence.end)
                if lo < hi:
                    spans.append((offset + lo - sentence.start, offset + hi - sentence.start, tag))
            offset += len(text)
        result = ("".join(parts), spans)
        self._cell_text[key] = result
        return result

    def diff_spans(self, row: ViewRow, source: str) -> list[tuple[int, int, str]]:
        """The row's word differences for `source`, as cell offsets."""
        spans = row.differences.get(source)
        if not spans:
            return []
        out = []
        offset = 0
        for n, index in enumerate(row.cells.get(source, ())):
            sentence = self.comparison.sentences[source][index]
            if n:
                offset += 1
            for start, end in spans:
                lo, hi = max(start, sentence.start), min(end, sentence.end)
                if lo < hi:
                    out.append((offset + lo - sentence.start, offset + hi - sentence.start, TAG_DIFF))
            offset += len(sentence.text)
        return out

    def search(self, query: str, rows: Sequence[ViewRow]) -> list[Match]:
        """Case-insensitive matches of `query` in the given rows, in row then column order."""
        needle = query.casefold()
        if not needle:
            return []
        matches = []
        for position, row in enumerate(rows):
            for column in self.columns:
                indices = row.cells.get(column.source)
                if not indices:
                    continue
                text, _ = self.cell_text(column.source, indices)
                folded = text.casefold()
                # Casefolding may change lengths (ß → ss, İ → i̇): then map folded offsets back to the text's.
                origin = None if len(folded) == len(text) else [i for i, c in enumerate(text) for _ in c.casefold()]
                if origin is not None:
                    folded = "".join(c.casefold() for c in text)
                start = folded.find(needle)
                while start >= 0:
                    end = start + len(needle)
                    if origin is not None:
                        matches.append(Match(position, column.source, origin[start], origin[end - 1] + 1))
                    else:
                        matches.append(Match(position, column.source, start, end))
                    start = folded.find(needle, start + max(1, len(needle)))
        return matches


# ── wrapping ───────────────────────────────────────────────────────────────────────────────────────

_TOKEN = re.compile(r"\S+|\s+")


def wrap(text: str, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap to `width` terminal cells; returns (start, end) offsets of each line.

    Spaces at a break are dropped; a word wider than the line is split by cells.
    """
    width = max(1, width)
    measure = _measure(text)
    lines: list[tuple[int, int]] = []
    line_start: int | None = None
    line_end = 0
    for match in _TOKEN.finditer(text):
        if match.group().isspace():
            continue
        start, end = match.span()
        if line_start is not None:
            if measure(line_start, end) <= width:
                line_end = end
                continue
            lines.append((line_start, line_end))
            line_start = None
        # The word starts a new line; a word wider than the line is cut into pieces.
        while measure(start, end) > width:
            cut, cells = start, 0
            while cut < end and cells + measure(cut, cut + 1) <= width:
                cells += measure(cut, cut + 1)
                cut += 1
            cut = max(cut, start + 1)
            lines.append((start, cut))
            start = cut
        line_start, line_end = start, end
    if line_start is not None:
        lines.append((line_start, line_end))
    return lines or [(0, 0)]


def _measure(text: str) -> Callable[[int, int], int]:
    """`measure(start, end)`: the cells of text[start:end], as `cell_len` counts them, in O(1) when it can."""
    if text.isascii() and text.isprintable():  # one cell a character
        return lambda start, end: end - start
    if "\u200d" not in text and "\ufe0f" not in text:  # no joiners: cell_len adds up the characters
        offsets = [0, *accumulate(cell_len(character) for character in text)]
        return lambda start, end: offsets[end] - offsets[start]
    return lambda start, end: cell_len(text[start:end])


def fragments(text: str, start: int, end: int, spans: Iterable[tuple[int, int, str]]) -> Line:
    """Split text[start:end] into fragments at every span boundary, each with the tags covering it."""
    relevant = [(max(a, start), min(b, end), tag) for a, b, tag in spans if a < end and b > start]
    if not relevant:
        return (Fragment(text[start:end]),)
    cuts = sorted({start, end, *(a for a, _, _ in relevant), *(b for _, b, _ in relevant)})
    out = []
    for lo, hi in pairwise(cuts):
        if lo >= hi:
            continue
        tags = frozenset(tag for a, b, tag in relevant if a <= lo and b >= hi)
        out.append(Fragment(text[lo:hi], tags))
    return tuple(out)


def wrap_cell(text: str, spans: Iterable[tuple[int, int, str]], width: int) -> list[Line]:
    spans = list(spans)
    return [fragments(text, start, end, spans) for start, end in wrap(text, width)]


# ── column layout ──────────────────────────────────────────────────────────────────────────────────

GUTTER = 3  # conflict mark, annotation mark, space
SEPARATOR = 3  # " │ "
MIN_COLUMN = 24


@dataclass(frozen=True, slots=True)
class ColumnLayout:
    """Which columns show and how wide: the pivot (column 0) is always first and pinned."""

    visible: tuple[int, ...]
    widths: tuple[int, ...]
    hidden_left: int
    hidden_right: int


def layout_columns(total: int, width: int, offset: int, min_column: int = MIN_COLUMN) -> ColumnLayout:
    """Fit as many columns as `width` allows at `min_column` cells; the rest scroll from `offset`.

    `offset` is the index (among the non-pivot columns, 0-based) of the first scrolled column shown;
    when only one column fits, it is the index of that column among all of them.
    """
    if total <= 0:
        return ColumnLayout((), (), 0, 0)
    usable = max(1, width - GUTTER)
    fit = max(1, (usable + SEPARATOR) // (min_column + SEPARATOR))
    count = min(total, fit)
    if count == 1:
        # No room for a pinned pivot beside another column: show the one column `offset` points at.
        offset = max(0, min(offset, total - 1))
        return ColumnLayout((offset,), (max(1, usable),), offset, total - 1 - offset)
    others = total - 1
    shown_others = count - 1
    offset = max(0, min(offset, others - shown_others))
    visible = (0, *range(1 + offset, 1 + offset + shown_others))
    space = usable - SEPARATOR * (count - 1)
    base, extra = divmod(max(space, count), count)
    widths = tuple(base + (1 if i < extra else 0) for i in range(count))
    return ColumnLayout(visible, widths, offset, others - shown_others - offset)
