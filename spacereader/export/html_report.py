"""The HTML report: one self-contained page (inline CSS, no script, nothing fetched).

Sources, conflicts, then the rows side by side, one column per source, differing words marked and
annotations under their sentence. Every text goes through `html.escape`; a Content-Security-Policy
that forbids scripts and every fetch backs that up should a browser ever find something to run.
Links are made only from http(s) article URLs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape as html_escape
from urllib.parse import urlsplit

from spacereader import __version__
from spacereader.annotations import Annotation
from spacereader.export.common import (
    Piece,
    conflict_numbers,
    conflict_subject,
    counts,
    normalized_text,
    one_line,
    outlet_of,
    plain,
    published,
    report_rows,
    sha_prefix,
    title_of,
    unplaced,
)
from spacereader.model import Comparison

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; form-action 'none'; base-uri 'none'"

STYLE = """
:root { color-scheme: light dark; --muted: #6b7280; --line: #d1d5db; --mark: #fde68a; --conflict: #fee2e2;
  --verified: #15803d; --disputed: #b91c1c; --needs-source: #b45309; --important: #7c3aed; --note: #2563eb; }
@media (prefers-color-scheme: dark) { :root { --line: #374151; --mark: #854d0e; --conflict: #450a0a; } }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 110rem; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin-bottom: .25rem; } h2 { margin-top: 2.5rem; border-bottom: 1px solid var(--line); }
.summary, .muted, .index, .id { color: var(--muted); }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
th, td { border: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
th { font-weight: 600; }
code, .sha { font-family: ui-monospace, monospace; font-size: .9em; }
table.rows { table-layout: fixed; }
table.rows td.number { width: 4.5rem; white-space: nowrap; }
tr.conflict td.number { background: var(--conflict); }
p.sentence { margin: 0 0 .4rem; overflow-wrap: anywhere; }
p.sentence.annotated { border-left: 3px solid var(--note); padding-left: .4rem; }
mark { background: var(--mark); color: inherit; padding: 0 .1em; }
.annotation { margin: .2rem 0 .6rem; padding: .3rem .5rem; border-left: 3px solid var(--note); font-size: .9em;
  background: color-mix(in srgb, var(--note) 8%, transparent); white-space: pre-wrap; overflow-wrap: anywhere; }
.annotation .label { font-weight: 600; text-transform: uppercase; font-size: .8em; letter-spacing: .03em; }
.annotation.verified { border-color: var(--verified); } .annotation.disputed { border-color: var(--disputed); }
.annotation.needs-source { border-color: var(--needs-source); } .annotation.important { border-color: var(--important); }
.badge { display: inline-block; font-size: .75em; padding: 0 .4em; border-radius: .6em; background: var(--conflict); }
.conflict-kind { font-weight: normal; color: var(--muted); }
footer { margin-top: 3rem; color: var(--muted); font-size: .85em; }
"""

_SAFE_ID = re.compile(r"[^A-Za-z0-9_-]+")


def escape(text: str, quote: bool = True) -> str:
    """Text as inert HTML: control characters removed, `& < > " '` escaped."""
    return html_escape(plain(text), quote=quote)


_ID_UNSAFE = re.compile(r"[^A-Za-z0-9]")


def _anchor(*parts: object) -> str:
    """A fragment id from untrusted parts: only [A-Za-z0-9_-], and different parts give different ids."""
    return "-".join(_ID_UNSAFE.sub(lambda m: f"_{ord(m.group(0)):x}_", str(part)) for part in parts)


def _text(text: str) -> str:
    return escape(one_line(text))


def _link(url: str | None) -> str:
    if not url:
        return ""
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        scheme = ""
    if scheme in ("http", "https"):
        return f'<a href="{escape(url.strip())}" rel="noopener noreferrer nofollow">{escape(url)}</a>'
    return escape(url)


def _marked(pieces: Sequence[Piece]) -> str:
    return "".join(f"<mark>{escape(p.text)}</mark>" if p.differs else escape(p.text) for p in pieces)


def _label_class(label: str) -> str:
    return _SAFE_ID.sub("-", label.lower()).strip("-")


def _annotation(annotation: Annotation, current: str | None) -> str:
    parts = [f'<div class="annotation {_label_class(annotation.label)}">']
    parts.append(f'<span class="label">{escape(annotation.label)}</span>')
    if annotation.note:
        parts.append(f" {escape(annotation.note)}")
    parts.append(f' <span class="id">{escape(annotation.id)}</span>')
    if annotation.status == "moved" and current is not None and one_line(current) != one_line(annotation.quote):
        parts.append(f'<br><span class="muted">re-anchored; annotated text: “{_text(annotation.quote)}”</span>')
    if annotation.status == "orphaned" or annotation.sentence is None:
        parts.append(f'<br><span class="muted">orphaned; annotated text: “{_text(annotation.quote)}”</span>')
    parts.append("</div>")
    return "".join(parts)


def page(title: str, body: Sequence[str]) -> str:
    """A self-contained HTML page around `body` (lines of HTML built by this module)."""
    head = [
        "<!doctype html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="referrer" content="no-referrer">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="spacereader {escape(__version__)}">',
        f"<title>{_text(title)} · spacereader</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
    ]
    foot = [f"<footer>Generated by spacereader {escape(__version__)}.</footer>", "</body>", "</html>"]
    return "\n".join([*head, *body, *foot]) + "\n"


def render(comparison: Comparison, annotations: Sequence[Annotation]) -> str:
    return page(title_of(comparison), section(comparison, annotations))


def section(
    comparison: Comparison,
    annotations: Sequence[Annotation],
    *,
    level: int = 1,
    title: str | None = None,
    prefix: str = "",
) -> list[str]:
    """The report's body; `level` is its top heading's level, `prefix` starts every id in it (one
    event's section of a batch report: ids stay unique across sections)."""
    h1, h2, h3 = (f"h{min(6, level + n)}" for n in range(3))

    def anchor(*parts: object) -> str:
        return _anchor(*parts) if not prefix else f"{prefix}-{_anchor(*parts)}"

    top = f' id="{prefix}"' if prefix else ""
    out: list[str] = [
        f"<{h1}{top}>{_text(title or title_of(comparison))}</{h1}>",
        f'<p class="summary">{escape(counts(comparison, annotations))}</p>',
    ]

    out += [f'<{h2} id="{anchor("sources")}">Sources</{h2}>', "<table>"]
    out.append("<tr><th>ID</th><th>Outlet</th><th>Published</th><th>URL</th><th>SHA-256</th></tr>")
    for a in comparison.articles:
        out.append(
            f"<tr><td><code>{escape(a.id)}</code></td><td>{_text(a.outlet or a.title or '')}</td>"
            f"<td>{escape(published(a))}</td><td>{_link(a.url)}</td>"
            f'<td class="sha" title="{escape(a.sha256)}">{escape(sha_prefix(a))}</td></tr>'
        )
    out.append("</table>")

    out.append(f'<{h2} id="{anchor("conflicts")}">Conflicts</{h2}>')
    if not comparison.conflicts:
        out.append('<p class="muted">No conflicts found.</p>')
    numbers = conflict_numbers(comparison)
    subjects: dict[str, str] = {}
    for number, conflict in enumerate(comparison.conflicts, start=1):
        subject = conflict_subject(conflict)
        subjects[conflict.id] = subject
        out.append(
            f'<{h3} id="{anchor("conflict", conflict.id)}">{number}. {escape(subject)} '
            f'<span class="conflict-kind">({escape(conflict.kind)}, id {escape(conflict.id)})</span></{h3}>'
        )
        if conflict.explanation:
            out.append(f"<p>{_text(conflict.explanation)}</p>")
        out.append("<table><tr><th>Source</th><th>Outlet</th><th>Value</th><th>Normalized</th><th>Quote</th></tr>")
        for value in conflict.values:
            fact = value.fact
            out.append(
                f'<tr><td><a href="#{anchor("s", fact.source, fact.sentence)}"><code>{escape(fact.source)}</code></a></td>'
                f"<td>{_text(outlet_of(comparison, fact.source))}</td><td>{_text(fact.value)}</td>"
                f"<td><code>{escape(normalized_text(fact.normalized))}</code></td><td>{_text(value.quote)}</td></tr>"
            )
        out.append("</table>")

    out += [f'<{h2} id="{anchor("comparison")}">Comparison</{h2}>', '<table class="rows">']
    out.append(
        '<tr><th class="number">Row</th>'
        + "".join(
            f"<th>{_text(a.label)}<br><code>{escape(a.id)}</code></th>"
            if a.label != a.id
            else f"<th><code>{escape(a.id)}</code></th>"
            for a in comparison.articles
        )
        + "</tr>"
    )
    for report_row in report_rows(comparison, annotations):
        by_source = {cell.source: cell for cell in report_row.cells}
        badges = "".join(
            f' <a class="badge" href="#{anchor("conflict", c)}" title="{escape(subjects.get(c, c))}">'
            f"{escape(str(numbers.get(c, c)))}</a>"
            for c in report_row.conflicts
        )
        score = f'<br><span class="muted">{report_row.row.score:.0f}</span>' if report_row.row.score is not None else ""
        row_class = ' class="conflict"' if report_row.conflicts else ""
        cells = [f'<td class="number">{report_row.number}{score}{badges}</td>']
        for article in comparison.articles:
            cell = by_source.get(article.id)
            if cell is None:
                cells.append("<td></td>")
                continue
            inner: list[str] = []
            for sentence, sentence_pieces, notes in zip(cell.sentences, cell.pieces, cell.annotations, strict=True):
                annotated = " annotated" if notes else ""
                inner.append(
                    f'<p class="sentence{annotated}" id="{anchor("s", cell.source, sentence.index)}">'
                    f'<span class="index">{sentence.index}</span> {_marked(sentence_pieces)}</p>'
                )
                inner.extend(_annotation(a, sentence.text) for a in notes)
            cells.append(f"<td>{''.join(inner)}</td>")
        out.append(f"<tr{row_class}>{''.join(cells)}</tr>")
    out.append("</table>")

    orphans = unplaced(comparison, annotations)
    if orphans:
        out += [f'<{h2} id="{anchor("orphaned")}">Orphaned annotations</{h2}>']
        out.append('<p class="muted">The text these were made on is no longer in the article.</p>')
        for orphan in orphans:
            out.append(f"<p><code>{escape(orphan.source)}</code></p>{_annotation(orphan, None)}")
    return out
