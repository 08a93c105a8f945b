"""`spacereader annotations add|list|delete|export|import`: the annotation store from the shell.

`add` prints the new id on stdout (so `id=$(spacereader annotations add ...)` works) and says what it
did on stderr. Ids may be shortened to any unique prefix, as with git. Labels are the default ones or
any already in use, matched case-insensitively or by a unique prefix (`--label ver`).
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections.abc import Sequence
from pathlib import Path

from spacereader.anchor import locate, selector_for
from spacereader.annotations import (
    Annotation,
    AnnotationStore,
    StoreError,
    article_path,
    match_strength,
    normalize_url,
)
from spacereader.cli import PROG, UsageError, emit, format_table, load_articles, truncate, warn
from spacereader.config import load_config
from spacereader.engine.segment import segment
from spacereader.model import Article, Comparison
from spacereader.serialize import dumps, sources_json

SCHEMA = "spacereader.annotations/1"


def open_store(args: argparse.Namespace) -> AnnotationStore:
    try:
        return AnnotationStore.open(getattr(args, "data_dir", None))
    except StoreError as error:
        raise UsageError(str(error)) from error


def light_comparison(args: argparse.Namespace) -> Comparison:
    """The loaded articles and their sentences: all that annotations need (no alignment or facts)."""
    articles, errors = load_articles(args)
    return Comparison(
        articles=tuple(articles),
        sentences={article.id: segment(article.body, article.id) for article in articles},
        errors=tuple(errors),
    )


def find_source(comparison: Comparison, wanted: str) -> Article:
    """The article with id `wanted`, or the only one whose id starts with it."""
    ids = [article.id for article in comparison.articles]
    if wanted in ids:
        return comparison.article(wanted)
    matches = [i for i in ids if i.startswith(wanted)] if wanted else []
    if len(matches) == 1:
        return comparison.article(matches[0])
    if len(matches) > 1:
        raise UsageError(f"source {wanted!r} is ambiguous: {', '.join(matches)}")
    raise UsageError(f"no source {wanted!r} (sources: {', '.join(ids)})")


def resolve_label(wanted: str, known: Sequence[str]) -> str:
    """A known label by its name (any case) or a unique prefix of it."""
    text = " ".join(wanted.split()).casefold()
    for label in known:
        if label.casefold() == text:
            return label
    matches = [label for label in known if text and label.casefold().startswith(text)]
    if len(matches) == 1:
        return matches[0]
    choices = ", ".join(known)
    if matches:
        raise UsageError(f"label {wanted!r} is ambiguous: {', '.join(matches)}")
    raise UsageError(f"unknown label {wanted!r} (labels: {choices})")


def _add(args: argparse.Namespace) -> int:
    comparison = light_comparison(args)
    article = find_source(comparison, args.source)
    sentences = comparison.sentences[article.id]
    if not 0 <= args.sentence < len(sentences):
        raise UsageError(
            f"{article.id} has sentences 0 to {len(sentences) - 1}; there is no sentence {args.sentence}"
            if sentences
            else f"{article.id} has no sentences"
        )
    with open_store(args) as store:
        config = load_config()
        for problem in config.problems:
            warn(problem)
        label = resolve_label(args.label, store.labels(config.labels))
        try:
            annotation = store.add(article, sentences[args.sentence], label, args.note or "")
        except ValueError as error:
            raise UsageError(str(error)) from error
    print(annotation.id)
    quote = truncate(annotation.quote, 60)
    print(f"{PROG}: annotated {article.id} sentence {args.sentence} as {label}: “{quote}”", file=sys.stderr)
    return 0


def annotation_row(annotation: Annotation) -> tuple[str, ...]:
    return (
        annotation.id,
        annotation.source,
        "—" if annotation.sentence is None else str(annotation.sentence),
        annotation.label,
        annotation.status,
        annotation.note,
        annotation.quote,
    )


def annotations_table(annotations: Sequence[Annotation]) -> str:
    return format_table(
        ("ID", "SOURCE", "SENTENCE", "LABEL", "STATUS", "NOTE", "QUOTE"),
        [annotation_row(a) for a in annotations],
        (8, 24, 8, 16, 8, 40, 60),
    )


def _list(args: argparse.Namespace) -> int:
    from spacereader.export.json_report import annotation_json

    comparison = light_comparison(args)
    with open_store(args) as store:
        annotations = store.for_comparison(comparison)
    if args.format == "json":
        emit(
            dumps(
                {
                    "schema": SCHEMA,
                    "sources": sources_json(comparison.articles),
                    "annotations": [annotation_json(a) for a in annotations],
                }
            )
        )
    elif annotations:
        emit(annotations_table(annotations))
    else:
        print(f"{PROG}: no annotations on these articles", file=sys.stderr)
    return 0


def _delete(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        try:
            annotation_id = store.resolve(args.annotation_id)
        except KeyError:
            raise UsageError(f"no annotation {args.annotation_id!r}") from None
        except ValueError as error:
            raise UsageError(str(error)) from None
        if not store.delete(annotation_id):  # deleted by another process in the meantime
            raise UsageError(f"no annotation {args.annotation_id!r}")
    print(f"{PROG}: deleted annotation {annotation_id}", file=sys.stderr)
    return 0


def _export(args: argparse.Namespace) -> int:
    from spacereader.export import render

    comparison = light_comparison(args)
    with open_store(args) as store:
        annotations = store.for_comparison(comparison)
    emit(render(comparison, annotations, "w3c"), args.output, args.force)
    return 0


def rebase(annotation: Annotation, comparison: Comparison) -> Annotation | None:
    """Tie an imported annotation to the loaded article it belongs to, if any.

    The article is the one `match_strength` prefers, else the one with the same source id (file name)
    in which the annotation anchors. Its identity (id, URL, local path and title) replaces the
    exporter's, so that the annotation follows this copy of the article from now on. A foreign highlight narrower than a
    sentence that cannot be anchored as it is becomes an annotation of the sentence containing it.
    """
    strengths = [match_strength(annotation, article) for article in comparison.articles]
    if strengths and max(strengths) > 0:
        article = comparison.articles[strengths.index(max(strengths))]
    else:
        # A copy elsewhere, edited, without a URL: same source id (file name) and the quote anchors in it.
        same_name = [a for a in comparison.articles if a.id == annotation.source]
        if len(same_name) != 1:
            return None
        article = same_name[0]
        if locate(annotation.selector, article.body, comparison.sentences[article.id]).sentence is None:
            return None
    rebased = dataclasses.replace(
        annotation,
        source=article.id,
        url=normalize_url(article.url) or annotation.url,
        path=article_path(article),
        title=article.title or annotation.title,
    )
    sentences = comparison.sentences[article.id]
    if locate(rebased.selector, article.body, sentences).sentence is not None:
        return rebased
    found = article.body.find(annotation.quote)
    if annotation.start is not None and article.body[annotation.start : annotation.end] == annotation.quote:
        found = annotation.start
    if found < 0:
        return rebased  # stays orphaned, still listed with its quote
    end = found + len(annotation.quote)
    inside = [s for s in sentences if s.start <= found and end <= s.end]
    if not inside:
        return rebased
    return rebased.on_selector(selector_for(article.body, inside[0], article.sha256))


def _import(args: argparse.Namespace) -> int:
    from spacereader.export.w3c import W3CError, loads

    name = "<stdin>" if args.file == "-" else args.file
    try:
        text = sys.stdin.read() if args.file == "-" else Path(args.file).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        reason = (error.strerror or str(error)).lower() if isinstance(error, OSError) else "not valid UTF-8"
        raise UsageError(f"{name}: {reason}") from error
    comparison = light_comparison(args)
    with open_store(args) as store:
        try:
            parsed, skipped = loads(text, store.now())
        except W3CError as error:
            raise UsageError(f"{name}: {error}") from None
        for item in skipped:
            warn(f"{name}: item {item.position} skipped: {item.reason}")
        outcomes = {"added": 0, "updated": 0, "unchanged": 0}
        unmatched = 0
        imported: set[str] = set()
        for annotation in parsed:
            placed = rebase(annotation, comparison)
            if placed is None:
                if not (annotation.url or annotation.path or annotation.sha256):
                    warn(f"{name}: annotation {annotation.id or '?'} names no article; skipped")
                    continue
                unmatched += 1
                placed = annotation
            try:
                outcomes[store.import_annotation(placed)] += 1
            except (StoreError, ValueError) as error:
                warn(f"{name}: annotation {annotation.id or '?'} not imported: {error}")
                continue
            imported.add(placed.id)
        orphaned = sum(1 for a in store.for_comparison(comparison) if a.id in imported and a.sentence is None)
    summary = ", ".join(f"{count} {what}" for what, count in outcomes.items() if count) or "nothing imported"
    print(f"{PROG}: {name}: {len(parsed) + len(skipped)} read, {summary}", file=sys.stderr)
    if orphaned:
        warn(f"{orphaned} imported annotation{'s' if orphaned != 1 else ''} did not anchor (orphaned)")
    if unmatched:
        warn(
            f"{unmatched} annotation{'s' if unmatched != 1 else ''} belong{'s' if unmatched == 1 else ''} to none "
            "of the loaded articles; stored, they show when their article is loaded"
        )
    if (parsed or skipped) and not imported:
        raise UsageError(f"{name}: no annotation could be imported")
    return 0


def run(args: argparse.Namespace) -> int:
    verbs = {"add": _add, "list": _list, "delete": _delete, "export": _export, "import": _import}
    return verbs[args.verb](args)
