"""What every report format needs from a comparison: rows, marked differences, conflicts, annotations.

Pure functions over engine values; each format module only decides how to write them down.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from spacereader.annotations import Annotation
from spacereader.model import Article, Comparison, Conflict, DiffSpan, Row, Sentence
from spacereader.sources.text import clean_text

SHA_PREFIX = 12
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Piece:
    """A stretch of sentence text, marked when it differs from the row's reference."""

    text: str
    differs: bool = False


@dataclass(frozen=True, slots=True)
class Cell:
    """One source's sentences in one row, with their annotations."""

    source: str
    sentences: tuple[Sentence, ...]
    pieces: tuple[tuple[Piece, ...], ...]  # per sentence
    annotations: tuple[tuple[Annotation, ...], ...]  # per sentence


@dataclass(frozen=True, slots=True)
class ReportRow:
    number: int  # 1-based, as a person counts
    row: Row
    cells: tuple[Cell, ...]  # in article order; sources absent from the row are left out
    conflicts: tuple[str, ...]  # ids of conflicts whose values are quoted from this row


def one_line(text: str) -> str:
    """White space (newlines included) collapsed to single spaces."""
    return _SPACE.sub(" ", text).strip()


def plain(text: str) -> str:
    """Text with terminal escapes and control characters removed (loading did it already; a report
    may be built from other values, and it may end up `cat` to a terminal)."""
    return clean_text(text)


def sha_prefix(article: Article) -> str:
    return article.sha256[:SHA_PREFIX]


def published(article: Article) -> str:
    return article.published.isoformat() if article.published else ""


def normalized_text(value: object) -> str:
    """A normalized value as compact JSON (`37`, `[30, null]`, `{"amount": 5, ...}`), '' for None."""
    if value is None:
        return ""
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "), default=str)


def title_of(comparison: Comparison) -> str:
    """What the report is about: the pivot's title, else the first title, else how many articles."""
    articles = list(comparison.articles)
    if comparison.pivot:
        articles.sort(key=lambda a: a.id != comparison.pivot)
    for article in articles:
        if article.title:
            return article.title
    return f"Comparison of {len(articles)} article{'' if len(articles) == 1 else 's'}"


def rows_of(comparison: Comparison) -> tuple[Row, ...]:
    """The comparison's rows; before alignment, one row per sentence, source after source."""
    if comparison.rows:
        return tuple(comparison.rows)
    rows: list[Row] = []
    for article in comparison.articles:
        for sentence in comparison.sentences.get(article.id, ()):
            rows.append(Row(id=len(rows), cells={article.id: (sentence.index,)}))
    return tuple(rows)


def pieces(sentence: Sentence, spans: Sequence[DiffSpan]) -> tuple[Piece, ...]:
    """Split a sentence into plain and differing pieces; spans are body offsets, clipped to it."""
    result: list[Piece] = []
    cursor = sentence.start
    for span in sorted(spans, key=lambda s: (s.start, s.end)):
        start, end = max(span.start, cursor, sentence.start), min(span.end, sentence.end)
        if start >= end:
            continue
        if start > cursor:
            result.append(Piece(sentence.text[cursor - sentence.start : start - sentence.start]))
        result.append(Piece(sentence.text[start - sentence.start : end - sentence.start], differs=True))
        cursor = end
    if cursor < sentence.end:
        result.append(Piece(sentence.text[cursor - sentence.start :]))
    return tuple(result)


def annotations_by_sentence(annotations: Sequence[Annotation]) -> dict[tuple[str, int], list[Annotation]]:
    index: dict[tuple[str, int], list[Annotation]] = defaultdict(list)
    for annotation in annotations:
        if annotation.sentence is not None:
            index[(annotation.source, annotation.sentence)].append(annotation)
    return index


def unplaced(comparison: Comparison, annotations: Sequence[Annotation]) -> tuple[Annotation, ...]:
    """Annotations attached to no sentence of this comparison: orphaned ones (and any stray)."""
    sentences = comparison.sentences
    return tuple(
        a
        for a in annotations
        if a.sentence is None or a.source not in sentences or not 0 <= a.sentence < len(sentences[a.source])
    )


def conflicts_by_sentence(conflicts: Sequence[Conflict]) -> dict[tuple[str, int], list[str]]:
    index: dict[tuple[str, int], list[str]] = defaultdict(list)
    for conflict in conflicts:
        for value in conflict.values:
            key = (value.fact.source, value.fact.sentence)
            if conflict.id not in index[key]:
                index[key].append(conflict.id)
    return index


def report_rows(comparison: Comparison, annotations: Sequence[Annotation]) -> tuple[ReportRow, ...]:
    notes = annotations_by_sentence(annotations)
    conflicted = conflicts_by_sentence(comparison.conflicts)
    order = [article.id for article in comparison.articles]
    result: list[ReportRow] = []
    for number, row in enumerate(rows_of(comparison), start=1):
        cells: list[Cell] = []
        conflict_ids: list[str] = []
        differences: Mapping[str, tuple[DiffSpan, ...]] = row.differences or {}
        for source in order:
            indices = row.cells.get(source) or ()
            known = comparison.sentences.get(source, ())
            sentences = tuple(known[i] for i in indices if 0 <= i < len(known))
            if not sentences:
                continue
            spans = differences.get(source, ())
            cells.append(
                Cell(
                    source=source,
                    sentences=sentences,
                    pieces=tuple(pieces(s, spans) for s in sentences),
                    annotations=tuple(tuple(notes.get((source, s.index), ())) for s in sentences),
                )
            )
            for s in sentences:
                conflict_ids.extend(c for c in conflicted.get((source, s.index), ()) if c not in conflict_ids)
        result.append(ReportRow(number=number, row=row, cells=tuple(cells), conflicts=tuple(conflict_ids)))
    return tuple(result)


def conflict_subject(conflict: Conflict) -> str:
    """'Klim Shipenko's age', 'Payout to Parag Agrawal': what a conflict is about."""
    return one_line(conflict.heading)


def conflict_numbers(comparison: Comparison) -> dict[str, int]:
    """Conflict id → its number in the report (1-based, in the comparison's order)."""
    return {conflict.id: number for number, conflict in enumerate(comparison.conflicts, start=1)}


def counts(comparison: Comparison, annotations: Sequence[Annotation]) -> str:
    """'5 sources · 120 rows · 3 conflicts · 4 annotations (1 orphaned)'."""

    def plural(n: int, word: str) -> str:
        return f"{n} {word}{'' if n == 1 else 's'}"

    orphaned = len(unplaced(comparison, annotations))
    parts = [
        plural(len(comparison.articles), "source"),
        plural(len(rows_of(comparison)), "row"),
        plural(len(comparison.conflicts), "conflict"),
        plural(len(annotations), "annotation") + (f" ({orphaned} orphaned)" if orphaned else ""),
    ]
    return " · ".join(parts)


def outlet_of(comparison: Comparison, source: str) -> str:
    """The outlet (else the title) of a source, '' when it has neither."""
    try:
        article = comparison.article(source)
    except KeyError:
        return ""
    return article.outlet or article.title or ""
