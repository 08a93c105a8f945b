"""The Markdown report: to read, or to paste into an issue tracker.

Sources table, conflicts with every source's value and quote, then the comparison row by row with
the differing words in bold and the annotations inline. Every piece of article text (and of notes,
ids and labels, which come from users and file names) goes through `escape`, so that nothing in an
article can open emphasis, code, a link, an image, raw HTML, a table cell or an autolink.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

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

# Inline Markdown syntax, backslash-escaped (CommonMark lets any ASCII punctuation be escaped):
# emphasis, code, links and images, raw HTML and autolinks, entities, tables, strikethrough, math.
_SPECIAL = re.compile(r"[\\`*_\[\]<>&|~$]")
# GFM turns bare URLs, www. names and e-mail addresses into links; breaking them up with an escape
# keeps them plain text.
_AUTOLINK = re.compile(r"(?<=[A-Za-z0-9])(:)(?=//)|(?<=\b[wW]{3})(\.)|(@)(?=\w)")
# Markdown that only counts at the start of a line (a heading, quote, list item or setext underline),
# for the few places where text starts one.
_LINE_START = re.compile(r"^[#>+\-=]")
_LIST_NUMBER = re.compile(r"^(\d+)([.)])")


def escape(text: str) -> str:
    """Article text as inert inline Markdown on one line (for text that does not start a line)."""
    text = one_line(plain(text))
    text = _SPECIAL.sub(lambda m: "\\" + m.group(0), text)
    return _AUTOLINK.sub(lambda m: "\\" + m.group(0), text)


def escape_line(text: str) -> str:
    """`escape`, also safe at the start of a line (no heading, quote, list or underline)."""
    text = _LIST_NUMBER.sub(lambda m: m.group(1) + "\\" + m.group(2), escape(text))
    return _LINE_START.sub(lambda m: "\\" + m.group(0), text)


def escape_heading(text: str) -> str:
    """`escape` for a heading's text, where `#` could close the heading."""
    return escape(text).replace("#", "\\#")


_SAFE_URL = re.compile(r"https?://[^\s<>|`\\\"'\x00-\x1f\x7f]+", re.IGNORECASE)


def url_cell(url: str | None) -> str:
    """An article's http(s) URL as an autolink; anything else (javascript:, odd characters) as text."""
    if not url:
        return ""
    url = url.strip()
    return f"<{url}>" if _SAFE_URL.fullmatch(url) else escape(url)


def _marked(pieces: Sequence[Piece]) -> str:
    """Sentence text with the differing pieces in bold (white space kept outside the markers)."""
    out: list[str] = []
    for piece in pieces:
        if not piece.text.strip():
            out.append(" ")
            continue
        lead = " " if piece.text[:1].isspace() else ""
        trail = " " if piece.text[-1:].isspace() else ""
        body = escape(piece.text)
        out.append(f"{lead}**{body}**{trail}" if piece.differs else f"{lead}{body}{trail}")
    return _SPACE_RUN.sub(" ", "".join(out)).strip()


_SPACE_RUN = re.compile(r" {2,}")


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join(" --- " for _ in headers) + "|"]
    lines.extend("| " + " | ".join(cell or "—" for cell in row) + " |" for row in rows)
    return lines


def _annotation_line(annotation: Annotation, current: str | None) -> str:
    text = f"**{escape(annotation.label)}**"
    if annotation.note:
        text += f" · {escape(annotation.note)}"
    text += f" ({escape(annotation.id)})"
    if annotation.status == "moved" and current is not None and one_line(current) != one_line(annotation.quote):
        text += f" — re-anchored; annotated text: “{escape(annotation.quote)}”"
    return text


def render(comparison: Comparison, annotations: Sequence[Annotation]) -> str:
    return report(comparison, annotations)


def report(
    comparison: Comparison, annotations: Sequence[Annotation], *, level: int = 1, title: str | None = None
) -> str:
    """The report; `level` is its top heading's level (2 for one event's section of a batch report),
    `title` replaces the comparison's own (its pivot's headline)."""
    h1, h2, h3 = ("#" * (level + n) for n in range(3))
    lines: list[str] = [
        f"{h1} {escape_heading(title or title_of(comparison))}",
        "",
        escape_line(counts(comparison, annotations)),
        "",
    ]

    lines += [f"{h2} Sources", ""]
    lines += _table(
        ("ID", "Outlet", "Published", "URL", "SHA-256"),
        [
            (
                escape(a.id),
                escape(a.outlet or a.title or ""),
                published(a),
                url_cell(a.url),
                sha_prefix(a),
            )
            for a in comparison.articles
        ],
    )
    lines.append("")

    lines += [f"{h2} Conflicts", ""]
    if not comparison.conflicts:
        lines += ["No conflicts found.", ""]
    numbers = conflict_numbers(comparison)
    for number, conflict in enumerate(comparison.conflicts, start=1):
        subject = conflict_subject(conflict)
        lines += [f"{h3} Conflict {number}: {escape_heading(subject)} · {escape_heading(conflict.kind)}", ""]
        explanation = escape_line(conflict.explanation) + " " if conflict.explanation else ""
        lines += [f"{explanation}(id {escape(conflict.id)})".lstrip(), ""]
        lines += _table(
            ("Source", "Outlet", "Value", "Normalized", "Quote"),
            [
                (
                    escape(value.fact.source),
                    escape(outlet_of(comparison, value.fact.source)),
                    escape(value.fact.value),
                    escape(normalized_text(value.fact.normalized)),
                    escape(value.quote),
                )
                for value in conflict.values
            ],
        )
        lines.append("")

    lines += [f"{h2} Comparison", ""]
    for report_row in report_rows(comparison, annotations):
        heading = f"{h3} Row {report_row.number}"
        if report_row.row.score is not None:
            heading += f" (score {report_row.row.score:.0f})"
        if report_row.conflicts:
            listed = ", ".join(str(numbers[c]) if c in numbers else escape(c) for c in report_row.conflicts)
            heading += f" · conflict{'s' if len(report_row.conflicts) > 1 else ''} {listed}"
        lines += [heading, ""]
        for cell in report_row.cells:
            for sentence, sentence_pieces, notes in zip(cell.sentences, cell.pieces, cell.annotations, strict=True):
                lines.append(f"- **{escape(cell.source)}** \\[{sentence.index}\\] {_marked(sentence_pieces)}")
                lines.extend(f"  - {_annotation_line(a, sentence.text)}" for a in notes)
        lines.append("")

    orphans = unplaced(comparison, annotations)
    if orphans:
        lines += [f"{h2} Orphaned annotations", "", "The text these were made on is no longer in the article.", ""]
        for a in orphans:
            where = f"**{escape(a.source)}**"
            if a.annotated_sentence is not None:
                where += f" (was sentence {a.annotated_sentence})"
            note = f" · {escape(a.note)}" if a.note else ""
            lines.append(f"- {where}: **{escape(a.label)}**{note} ({escape(a.id)}) — “{escape(a.quote)}”")
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
