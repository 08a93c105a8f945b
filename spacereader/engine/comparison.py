"""The engine's one entry point: articles in, a `Comparison` out.

load → segment → extract facts / align → compare. Pure: no files, clock or terminal here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacereader.engine.align import align
from spacereader.engine.conflicts import compare_facts
from spacereader.engine.segment import segment
from spacereader.model import Article, Comparison, LoadError

#: Called with (step name, done, total) as slow steps advance.
Progress = Callable[[str, int, int], None]


def build_comparison(
    articles: Sequence[Article],
    errors: Sequence[LoadError] = (),
    *,
    pivot: str | None = None,
    threshold: float | None = None,
    progress: Progress | None = None,
) -> Comparison:
    """Segment, extract facts and names, align sentences into rows and find the conflicts."""
    if pivot is not None and pivot not in {article.id for article in articles}:
        raise ValueError(f"unknown source id {pivot!r}")
    sentences = {article.id: segment(article.body, article.id) for article in articles}
    facts, mentions, entities, conflicts = compare_facts(articles, sentences)
    pivot = pivot or (articles[0].id if articles else None)
    rows = align(sentences, facts=facts, mentions=mentions, pivot=pivot, threshold=threshold, progress=progress)
    return Comparison(
        articles=tuple(articles),
        sentences=sentences,
        facts=facts,
        mentions=mentions,
        entities=entities,
        conflicts=conflicts,
        rows=rows,
        pivot=pivot,
        errors=tuple(errors),
    )
