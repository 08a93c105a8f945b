"""Exports of an annotated comparison: Markdown, HTML, JSON report, CSV of conflicts, W3C annotations.

`render(comparison, annotations, fmt)` returns the text; writing it (atomically, never over an
existing file unless asked) is the caller's job: `spacereader.cli.emit`, or the reader's export dialog.
Every format treats article text as data: escaped for Markdown and HTML, quoted for CSV.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacereader.annotations import Annotation
from spacereader.model import Comparison

FORMATS = ("md", "html", "json", "csv", "w3c")
#: File name suffix of each format, for a default output name.
SUFFIXES = {"md": ".md", "html": ".html", "json": ".json", "csv": ".csv", "w3c": ".jsonld"}
#: What each format is, in words for a menu.
DESCRIPTIONS = {
    "md": "Markdown report",
    "html": "HTML page",
    "json": "JSON report (spacereader.report/1)",
    "csv": "CSV of conflicts",
    "w3c": "W3C Web Annotations (JSON-LD)",
}


def _renderer(fmt: str) -> Callable[[Comparison, Sequence[Annotation]], str]:
    if fmt == "md":
        from spacereader.export.markdown_report import render
    elif fmt == "html":
        from spacereader.export.html_report import render
    elif fmt == "json":
        from spacereader.export.json_report import render
    elif fmt == "csv":
        from spacereader.export.csv_conflicts import render
    elif fmt == "w3c":
        from spacereader.export.w3c import render
    else:
        raise ValueError(f"unknown export format {fmt!r} (formats: {', '.join(FORMATS)})")
    return render


def render(comparison: Comparison, annotations: Sequence[Annotation], fmt: str) -> str:
    """The comparison with its annotations, as text in format `fmt` (one of `FORMATS`)."""
    return _renderer(fmt)(comparison, tuple(annotations))
