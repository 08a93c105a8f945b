"""The JSON report, schema `spacereader.report/1`: alignment, conflicts and annotations in one document.

Built on `spacereader.serialize`'s `alignment_json` and `conflicts_json` when they exist, so the
report says exactly what `align --format json` and `conflicts --format json` say; until then the same
shapes are built here from the comparison.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from spacereader import serialize
from spacereader.annotations import Annotation
from spacereader.model import Comparison, Fact

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


def _fact_json(fact: Fact) -> dict[str, Any]:
    return {
        "source": fact.source,
        "entity": fact.entity,
        "attribute": fact.attribute,
        "value": fact.value,
        "normalized": fact.normalized,
        "sentence": fact.sentence,
        "start": fact.start,
        "end": fact.end,
    }


def _alignment(comparison: Comparison) -> dict[str, Any]:
    return {
        "sentences": {
            source: [{"index": s.index, "text": s.text, "start": s.start, "end": s.end} for s in sentences]
            for source, sentences in comparison.sentences.items()
        },
        "rows": [
            {"id": row.id, "cells": {source: list(cells) for source, cells in row.cells.items()}, "score": row.score}
            for row in comparison.rows
        ],
    }


def _conflicts(comparison: Comparison) -> dict[str, Any]:
    return {
        "conflicts": [
            {
                "id": conflict.id,
                "entity": conflict.entity,
                "attribute": conflict.attribute,
                "kind": conflict.kind,
                "explanation": conflict.explanation,
                "values": [
                    {
                        "source": value.fact.source,
                        "value": value.fact.value,
                        "normalized": value.fact.normalized,
                        "quote": value.quote,
                        "sentence": value.fact.sentence,
                        "start": value.fact.start,
                        "end": value.fact.end,
                    }
                    for value in conflict.values
                ],
            }
            for conflict in comparison.conflicts
        ],
        "facts": [_fact_json(fact) for fact in comparison.facts],
    }


def _part(name: str, comparison: Comparison, fallback: Any) -> dict[str, Any]:
    """The other engineers' serializer when present, without its own schema and sources."""
    build = getattr(serialize, name, None)
    document = build(comparison) if callable(build) else fallback(comparison)
    return {key: value for key, value in document.items() if key not in ("schema", "sources")}


def report_json(comparison: Comparison, annotations: Sequence[Annotation]) -> dict[str, Any]:
    document: dict[str, Any] = {"schema": SCHEMA, "sources": serialize.sources_json(comparison.articles)}
    document.update(_part("alignment_json", comparison, _alignment))
    document.update(_part("conflicts_json", comparison, _conflicts))
    document["annotations"] = [annotation_json(a) for a in annotations]
    return document


def render(comparison: Comparison, annotations: Sequence[Annotation]) -> str:
    return serialize.dumps(report_json(comparison, annotations))
