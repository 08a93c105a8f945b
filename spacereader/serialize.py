"""JSON documents of the outside contract (`spacereader.*/1` schemas), built from engine values."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from spacereader.model import Article, Comparison
from spacereader.sources.files import display_path


def source_json(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "path": display_path(article.path),
        "title": article.title,
        "outlet": article.outlet,
        "url": article.url,
        "published": article.published.isoformat() if article.published else None,
        "sha256": article.sha256,
    }


def sources_json(articles: Iterable[Article]) -> list[dict[str, Any]]:
    return [source_json(article) for article in articles]


def dumps(document: dict[str, Any]) -> str:
    """One JSON document, readable and stable, ending with a newline."""
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def alignment_json(comparison: Comparison) -> dict[str, Any]:
    """The `sentences` and `rows` parts of schema `spacereader.alignment/1`."""
    return {
        "sentences": {
            source: [
                {"index": sentence.index, "text": sentence.text, "start": sentence.start, "end": sentence.end}
                for sentence in sentences
            ]
            for source, sentences in comparison.sentences.items()
        },
        "rows": [
            {
                "id": row.id,
                "cells": {source: list(indices) for source, indices in row.cells.items()},
                "score": row.score,
            }
            for row in comparison.rows
        ],
    }


def _fact_json(fact: Any) -> dict[str, Any]:
    return {
        "source": fact.source,
        "entity": fact.entity,
        "attribute": fact.attribute,
        "value": fact.value,
        "normalized": fact.normalized,
        "sentence": fact.sentence,
        "start": fact.start,
        "end": fact.end,
        "measure": fact.measure,
        "context": fact.measure,  # the measure's former name, kept for scripts that read it
        "qualifier": fact.qualifier,
        "precision": fact.precision,
        "approximate": fact.approximate,
    }


def conflicts_json(comparison: Comparison) -> dict[str, Any]:
    """The `conflicts` and `facts` parts of schema `spacereader.conflicts/1`."""
    return {
        "conflicts": [
            {
                "id": conflict.id,
                "entity": conflict.entity,
                "attribute": conflict.attribute,
                "kind": conflict.kind,
                "measure": conflict.measure,
                "context": conflict.measure,  # the measure's former name, kept for scripts that read it
                "topic": conflict.topic,
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


def event_json(event: Any, conflicts: int) -> dict[str, Any]:
    """One event of schema `spacereader.events/1` (an `engine.events.Event` and its conflicts found)."""
    return {
        "id": event.id,
        "title": event.title,
        "sources": list(event.sources),
        "first": event.first.isoformat() if event.first else None,
        "last": event.last.isoformat() if event.last else None,
        "conflicts": conflicts,
    }
