"""`spacereader events`: the events a pile of articles covers, most covered first (`spacereader.events/1`)."""

from __future__ import annotations

import argparse
import sys

from spacereader.cli import PROG, emit, format_table, load_articles, progress_callback
from spacereader.engine.events import Event
from spacereader.pile import Pile, build_pile, default_workers, outlets
from spacereader.serialize import dumps, event_json, sources_json

SCHEMA = "spacereader.events/1"


def events_table(events: tuple[Event, ...], pile: Pile) -> str:
    named = outlets(pile)
    rows = [
        (
            event.id,
            str(len(event.sources)),
            event.first.isoformat() if event.first else "—",
            event.last.isoformat() if event.last else "—",
            str(pile.conflicts(event)),
            event.title,
            named[event.id],
        )
        for event in events
    ]
    return format_table(
        ("ID", "SOURCES", "FIRST", "LAST", "CONFLICTS", "TITLE", "OUTLETS"), rows, (14, 7, 10, 10, 9, 64, 60)
    )


def run(args: argparse.Namespace) -> int:
    articles, _errors = load_articles(args)
    pile = build_pile(articles, workers=args.workers or default_workers(), progress=progress_callback())
    shown = tuple(event for event in pile.events if len(event.sources) >= args.min_sources)
    if args.format == "json":
        emit(
            dumps(
                {
                    "schema": SCHEMA,
                    "sources": sources_json(pile.articles),
                    "events": [event_json(e, pile.conflicts(e)) for e in shown],
                }
            )
        )
        return 0
    if not shown:
        print(f"{PROG}: no event has {args.min_sources} or more sources ({len(pile.events)} events)", file=sys.stderr)
        return 0
    emit(events_table(shown, pile))
    hidden = len(pile.events) - len(shown)
    if hidden:
        print(f"{PROG}: {hidden} smaller event(s) not listed (--min-sources {args.min_sources})", file=sys.stderr)
    return 0
