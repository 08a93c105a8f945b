"""Conflicts as CSV: one line per source value, for a spreadsheet.

Columns: conflict id, entity, attribute, kind, source id, outlet, published, value, normalized,
quote (the contract's), then sentence, start, end (where the quote stands in the source's body), the
slot's context and the conflict's explanation. Both `spacereader conflicts --format csv` and
`spacereader export --format csv` write this. A cell that a spreadsheet would take for a formula (it starts with `=`, `+`, `-`, `@`, a tab
or a carriage return and is not a plain number) is prefixed with `'`, as OWASP recommends, so an
article cannot plant `=HYPERLINK(...)` in somebody's spreadsheet.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator, Sequence

from spacereader.annotations import Annotation
from spacereader.export.common import normalized_text, one_line, plain, published
from spacereader.model import Comparison

HEADER = (
    "conflict", "entity", "attribute", "kind", "source", "outlet", "published", "value", "normalized", "quote",
    "sentence", "start", "end", "context", "explanation",
)  # fmt: skip
_FORMULA = re.compile(r"^[=+\-@\t\r]")
_NUMBER = re.compile(r"^[+-]?\d+(?:\.\d+)?$")


def cell(value: object) -> str:
    text = "" if value is None else one_line(plain(str(value)))
    if _FORMULA.match(text) and not _NUMBER.match(text):
        return "'" + text
    return text


def rows(comparison: Comparison) -> Iterator[list[str]]:
    """One list of cells per source value of every conflict, in HEADER's order."""
    articles = {article.id: article for article in comparison.articles}
    for conflict in comparison.conflicts:
        for value in conflict.values:
            article = articles.get(value.fact.source)
            yield [
                cell(item)
                for item in (
                    conflict.id,
                    conflict.entity,
                    conflict.attribute,
                    conflict.kind,
                    value.fact.source,
                    article.outlet if article else "",
                    published(article) if article else "",
                    value.fact.value,
                    normalized_text(value.fact.normalized),
                    value.quote,
                    value.fact.sentence,
                    value.fact.start,
                    value.fact.end,
                    conflict.context,
                    conflict.explanation,
                )
            ]


def render(comparison: Comparison, annotations: Sequence[Annotation] = ()) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADER)
    writer.writerows(rows(comparison))
    return buffer.getvalue()
