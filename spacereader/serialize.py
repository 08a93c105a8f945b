"""JSON documents of the outside contract (`spacereader.*/1` schemas), built from engine values."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from spacereader.load import display_path
from spacereader.model import Article


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
