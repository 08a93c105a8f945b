"""`spacereader conflicts`: where the sources disagree, grouped by entity, with each source's quote."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from spacereader.cli import emit, format_table, load_comparison, use_color
from spacereader.export import csv_conflicts
from spacereader.model import Comparison, Conflict
from spacereader.serialize import conflicts_json, dumps, sources_json

_KIND_COLORS = {"conflict": "31", "time-shift": "33", "approximation": "36", "variant": "35"}


def _paint(text: str, code: str, color: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if color else text


def _printable(text: str) -> str:
    """Article text shown on a terminal: no control characters (load removes them; this is a second guard)."""
    return "".join(c if c.isprintable() else " " for c in text)


def conflicts_table(comparison: Comparison, color: bool = False) -> str:
    if not comparison.conflicts:
        return "No disagreements found between the sources.\n"
    labels = {article.id: article.id for article in comparison.articles}
    blocks: list[str] = []
    groups: dict[str, list[Conflict]] = {}
    for conflict in comparison.conflicts:
        heading = conflict.entity or (f"({conflict.context})" if conflict.context else "(event)")
        groups.setdefault(heading, []).append(conflict)
    for heading, conflicts in groups.items():
        blocks.append(_paint(_printable(heading), "1", color))
        for conflict in conflicts:
            kind = _paint(conflict.kind, _KIND_COLORS.get(conflict.kind, "0"), color)
            blocks.append(f"  {kind}  {_printable(conflict.heading)}  [{conflict.id}]")
            blocks.append(f"  {_printable(conflict.explanation)}")
            rows: list[Sequence[str]] = [
                (
                    labels[value.fact.source],
                    _printable(value.fact.value),
                    f"#{value.fact.sentence}",
                    "“" + _printable(value.quote) + "”",
                )
                for value in conflict.values
            ]
            table = format_table(("SOURCE", "VALUE", "SENT", "QUOTE"), rows, (36, 32, 6, 100))
            blocks.extend("    " + line for line in table.rstrip("\n").split("\n"))
            blocks.append("")
    return "\n".join(blocks).rstrip("\n") + "\n"


def run(args: argparse.Namespace) -> int:
    comparison = load_comparison(args)
    if args.format == "json":
        document = {"schema": "spacereader.conflicts/1", "sources": sources_json(comparison.articles)}
        document.update(conflicts_json(comparison))
        emit(dumps(document))
    elif args.format == "csv":
        emit(csv_conflicts.render(comparison))
    else:
        emit(conflicts_table(comparison, color=use_color()))
    return 0
