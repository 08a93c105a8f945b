"""`spacereader align`: the aligned rows, side by side (a quick look) or as `spacereader.alignment/1` JSON."""

from __future__ import annotations

import argparse
import shutil
import sys

from spacereader.cli import emit, format_table, load_comparison, truncate
from spacereader.model import Comparison
from spacereader.serialize import alignment_json, dumps, sources_json

#: A source column narrower than this is unreadable; sources that do not fit are left out of the table.
MIN_COLUMN = 16


def alignment_table(comparison: Comparison, width: int) -> tuple[str, int]:
    """Rows side by side in truncated columns, pivot first; returns the table and how many sources were left out."""
    sources = list(comparison.sentences)
    if comparison.pivot in sources:
        sources.remove(comparison.pivot)
        sources.insert(0, comparison.pivot)
    fixed = len("ROW") + 2 + len("SCORE") + 2
    fit = max(1, (width - fixed) // (MIN_COLUMN + 2))
    shown, hidden = sources[:fit], len(sources) - min(fit, len(sources))
    column = max(MIN_COLUMN, (width - fixed) // max(1, len(shown)) - 2)
    lines = []
    for row in comparison.rows:
        cells = []
        for source in shown:
            indices = row.cells.get(source, ())
            if not indices:
                cells.append("·")
                continue
            text = " ".join(comparison.sentences[source][index].text for index in indices)
            label = ",".join(str(index) for index in indices)
            cells.append(truncate(f"{label} {text}", column))
        score = "" if row.score is None else f"{row.score:.0f}"
        lines.append((str(row.id), score, *cells))
    headers = ("ROW", "SCORE", *(truncate(source, column) for source in shown))
    return format_table(headers, lines), hidden


def run(args: argparse.Namespace) -> int:
    comparison = load_comparison(args)
    if args.format == "json":
        document = {
            "schema": "spacereader.alignment/1",
            "sources": sources_json(comparison.articles),
            **alignment_json(comparison),
        }
        emit(dumps(document))
        return 0
    width = shutil.get_terminal_size((160, 48)).columns
    table, hidden = alignment_table(comparison, width)
    emit(table)
    if hidden:
        print(f"spacereader: {hidden} more source(s) do not fit; use --format json for all", file=sys.stderr)
    return 0
