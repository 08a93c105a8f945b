"""The JSON report, schema `spacereader.report/1`: alignment, conflicts and annotations in one document.

Built on `spacereader.serialize`'s `alignment_json` and `conflicts_json`, so the report says exactly
what `align --format json` and `conflicts --format json` say.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from spacereader import serialize
from spacereader.annotations import Annotation
from spacereader.model import Comparison

SCHEMA = "spacereader.report/1"


def annotation_json(annotation: Annotation) -> dict[str, Any]:
    """An annotation as the contract lists it."""
    return {
        "id": annotation.id,
        "source": annotation.source,
        "sentence": annotation.sentence,
        "label": annotation.label,
        "note": annotation.note,
        "quote": annotation.quote,
        "status": annotation.status,
        "created": annotation.created,
        "updated": annotation.updated,
    }


def report_json(comparison: Comparison, annotations: Sequence[Annotation]) -> dict[str, Any]:
    document: dict[str, Any] = {"schema": SCHEMA, "sources": serialize.sources_json(comparison.articles)}
    document.update(serialize.alignment_json(comparison))
    document.update(serialize.conflicts_json(comparison))
    document["annotations"] = [annotation_json(a) for a in annotations]
    return document


def render(comparison: Comparison, annotations: Sequence[Annotation]) -> str:
    return serialize.dumps(report_json(comparison, annotations))
