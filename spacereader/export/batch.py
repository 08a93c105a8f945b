"""Batch reports: every event of a pile covered by two or more sources, each as its own section, with an
index at the top. The formats that hold sections (Markdown, HTML, JSON, CSV); one event alone is
exported exactly as a single comparison is.

- Markdown and HTML: a title, the index (a table: event, sources, dates, conflicts, each linking to its
  section), then each event's report with its headings one level down.
- JSON, schema `spacereader.reports/1`: `sources` (every loaded article), `events` (the exported
  events as `spacereader.events/1` lists them) and `reports`: for each event, in the same order, its
  complete `spacereader.report/1` document with one more key, `event` (its id).
- CSV: one table of conflicts, the columns of the single report after a first column `event` (the
  event's id); a spreadsheet keeps one header and can filter by event.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from typing import Any

from spacereader import serialize
from spacereader.annotations import Annotation
from spacereader.engine.events import Event
from spacereader.model import Comparison

FORMATS = ("md", "html", "json", "csv")
SCHEMA = "spacereader.reports/1"

#: One event's report: its event, comparison and annotations.
Section = tuple[Event, Comparison, Sequence[Annotation]]


def _dates(event: Event) -> tuple[str, str]:
    return (event.first.isoformat() if event.first else "", event.last.isoformat() if event.last else "")


def _heading(articles: int, sections: Sequence[Section]) -> str:
    return f"{len(sections)} events in {articles} articles"


def _markdown(sections: Sequence[Section], articles: int) -> str:
    from spacereader.export.markdown_report import escape, escape_heading, report

    lines = [f"# {escape_heading(_heading(articles, sections))}", ""]
    lines += ["| # | Event | Sources | First | Last | Conflicts |", "| --- | --- | --- | --- | --- | --- |"]
    for number, (event, comparison, _notes) in enumerate(sections, start=1):
        first, last = _dates(event)
        link = f"[{escape(event.title)}](#{event.id})"
        lines.append(
            f"| {number} | {link} `{event.id}` | {len(event.sources)} | {first or '—'} | {last or '—'} "
            f"| {len(comparison.conflicts)} |"
        )
    for number, (event, comparison, notes) in enumerate(sections, start=1):
        # An explicit anchor: heading slugs differ between Markdown renderers.
        lines += ["", f'<a id="{event.id}"></a>', ""]
        lines.append(report(comparison, notes, level=2, title=f"{number}. {event.title} ({event.id})").rstrip("\n"))
    return "\n".join(lines) + "\n"


def _html(sections: Sequence[Section], articles: int) -> str:
    from spacereader.export.html_report import escape, page, section

    heading = _heading(articles, sections)
    body = [f"<h1>{escape(heading)}</h1>", '<table class="index">']
    body.append("<tr><th>#</th><th>Event</th><th>Sources</th><th>First</th><th>Last</th><th>Conflicts</th></tr>")
    for number, (event, comparison, _notes) in enumerate(sections, start=1):
        first, last = _dates(event)
        body.append(
            f'<tr><td>{number}</td><td><a href="#{event.id}">{escape(event.title)}</a> <code>{event.id}</code></td>'
            f"<td>{len(event.sources)}</td><td>{first}</td><td>{last}</td><td>{len(comparison.conflicts)}</td></tr>"
        )
    body.append("</table>")
    for number, (event, comparison, notes) in enumerate(sections, start=1):
        body += section(comparison, notes, level=2, title=f"{number}. {event.title} ({event.id})", prefix=event.id)
    return page(heading, body)


def _json(sections: Sequence[Section], articles: Sequence[Any]) -> str:
    from spacereader.export.json_report import report_json

    document = {
        "schema": SCHEMA,
        "sources": serialize.sources_json(articles),
        "events": [serialize.event_json(event, len(comparison.conflicts)) for event, comparison, _ in sections],
        "reports": [{"event": event.id, **report_json(comparison, notes)} for event, comparison, notes in sections],
    }
    return serialize.dumps(document)


def _csv(sections: Sequence[Section]) -> str:
    from spacereader.export.csv_conflicts import HEADER, rows

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(("event", *HEADER))
    for event, comparison, _notes in sections:
        writer.writerows([event.id, *row] for row in rows(comparison))
    return buffer.getvalue()


def render(sections: Sequence[Section], fmt: str, articles: Sequence[Any]) -> str:
    """The batch report of `sections` (in index order) in format `fmt`; `articles` are all the pile's."""
    renderers: dict[str, Callable[[], str]] = {
        "md": lambda: _markdown(sections, len(articles)),
        "html": lambda: _html(sections, len(articles)),
        "json": lambda: _json(sections, articles),
        "csv": lambda: _csv(sections),
    }
    if fmt not in renderers:
        raise ValueError(f"no batch export as {fmt!r} (formats: {', '.join(FORMATS)})")
    return renderers[fmt]()
