"""Conflicts as CSV: one line per source value, for a spreadsheet.

Columns: conflict id, entity, attribute, kind, source id, outlet, published, value, normalized,
quote. A cell that a spreadsheet would take for a formula (it starts with `=`, `+`, `-`, `@`, a tab
or a carriage return and is not a plain number) is prefixed with `'`, as OWASP recommends, so an
article cannot plant `=HYPERLINK(...)` in somebody's spreadsheet.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence

from spacereader.annotations import Annotation
from spacereader.export.common import normalized_text, one_line, plain, published
from spacereader.model import Comparison

HEADER = ("conflict", "entity", "attribute", "kind", "source", "outlet", "published", "value", "normalized", "quote")
_FORMULA = re.compile(r"^[=+\-@\t\r]")
_NUMBER = re.compile(r"^[+-]?\d+(?:\.\d+)?$")


def cell(value: object) -> str:
    text = "" if value is None else one_line(plain(str(value)))
    if _FORMULA.match(text) and not _NUMBER.match(text):
        return "'" + text
    return text


def render(comparison: Comparison, annotations: Sequence[Annotation] = ()) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADER)
    articles = {article.id: article for article in comparison.articles}
    for conflict in comparison.conflicts:
        for value in conflict.values:
            article = articles.get(value.fact.source)
            writer.writerow(
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
                )
            )
    return buffer.getvalue()
