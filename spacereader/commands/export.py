"""`spacereader export`: the annotated comparison as Markdown, HTML, JSON, CSV or W3C annotations."""

from __future__ import annotations

import argparse

from spacereader.cli import emit, load_comparison, warn


def run(args: argparse.Namespace) -> int:
    from spacereader.annotations import AnnotationStore, StoreError
    from spacereader.export import render

    comparison = load_comparison(args)
    annotations: tuple = ()
    try:
        with AnnotationStore.open(args.data_dir) as store:
            annotations = store.for_comparison(comparison)
    except StoreError as error:
        warn(f"{error}; exporting without annotations")
    emit(render(comparison, annotations, args.format), args.output, args.force)
    return 0
