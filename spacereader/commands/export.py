"""`spacereader export`: the annotated comparison as Markdown, HTML, JSON, CSV or W3C annotations.

On a pile that holds several events covered by two or more sources, Markdown, HTML, JSON and CSV
export each such event as its own section with an index at the top (`spacereader.export.batch`);
`--event ID` exports one event as a single comparison.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from spacereader.cli import emit, load_articles, load_comparison, progress_callback, warn
from spacereader.model import Comparison


def _annotations(data_dir: str | None, comparisons: Sequence[Comparison]) -> list[tuple]:
    """Each comparison's annotations (none, with a warning, when the store cannot be opened)."""
    from spacereader.annotations import AnnotationStore, StoreError

    try:
        with AnnotationStore.open(data_dir) as store:
            return [store.for_comparison(comparison) for comparison in comparisons]
    except StoreError as error:
        warn(f"{error}; exporting without annotations")
        return [() for _ in comparisons]


def run(args: argparse.Namespace) -> int:
    from spacereader.export import batch, render

    loaded = None
    if args.event is None and args.format in batch.FORMATS:
        from spacereader.pile import build_pile, default_workers, group, several_events

        loaded = articles, _errors = load_articles(args)
        workers = args.workers or default_workers()
        progress = progress_callback()
        events = group(articles, workers=workers, progress=progress)
        if several_events(events):
            compared = [event for event in events if len(event.sources) > 1]
            pile = build_pile(articles, events=compared, workers=workers, progress=progress)
            comparisons = [pile.comparison(event) for event in compared]
            notes = _annotations(args.data_dir, comparisons)
            sections = list(zip(compared, comparisons, notes, strict=True))
            emit(batch.render(sections, args.format, pile.articles), args.output, args.force)
            return 0
    comparison = load_comparison(args, loaded)
    emit(render(comparison, _annotations(args.data_dir, [comparison])[0], args.format), args.output, args.force)
    return 0
