"""`spacereader sources`: one line per article."""

from __future__ import annotations

import argparse
import re
from collections.abc import Sequence

from spacereader.cli import emit, format_table, load_articles
from spacereader.engine.segment import sentence_spans
from spacereader.model import Article
from spacereader.serialize import dumps, sources_json

_WORD = re.compile(r"\w+(?:[’'.-]\w+)*")


def sources_table(articles: Sequence[Article]) -> str:
    rows = [
        (
            article.id,
            article.outlet or article.title or "",
            article.published.isoformat() if article.published else "—",
            str(len(sentence_spans(article.body))),
            str(len(_WORD.findall(article.body))),
        )
        for article in articles
    ]
    return format_table(("ID", "OUTLET / TITLE", "PUBLISHED", "SENTENCES", "WORDS"), rows, (32, 48, 10, 9, 8))


def run(args: argparse.Namespace) -> int:
    articles, _errors = load_articles(args)
    if args.format == "json":
        emit(dumps({"schema": "spacereader.sources/1", "sources": sources_json(articles)}))
    else:
        emit(sources_table(articles))
    return 0
