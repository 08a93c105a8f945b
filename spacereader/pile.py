"""A pile of articles about many events: grouped into events, then one comparison per event.

    articles ──read (per article)──▶ readings ──group──▶ events ──compare (per event)──▶ comparisons

Reading an article and comparing an event are each independent of every other, so both run in a pool
of processes (`workers`, default the number of cores); grouping is one pass over all the readings. The
results are the same as a serial run's: every piece of work is a pure function of its own inputs, and
the results are put back in input order. The engine steps (`read_article`, `group_events`,
`build_comparison`) are the same ones a distributed engine would run (README, "Larger piles").
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacereader.engine.comparison import build_comparison
from spacereader.engine.events import Event, Reading, find_event, group_events, read_article, read_pile
from spacereader.model import Article, Comparison

if TYPE_CHECKING:
    from concurrent.futures import Executor

Progress = Callable[[str, int, int], None]

#: Below this many articles, reading them in one process is quicker than starting a pool.
POOL_READING = 400
#: Articles a worker reads per task (one task per article would spend more on messages than on reading).
READ_CHUNK = 64


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True, slots=True)
class Pile:
    """The articles, their events (most covered first) and each event's comparison."""

    articles: tuple[Article, ...]
    events: tuple[Event, ...]
    comparisons: Mapping[str, Comparison]

    def comparison(self, event: Event) -> Comparison:
        return self.comparisons[event.id]

    def conflicts(self, event: Event) -> int:
        comparison = self.comparisons.get(event.id)
        return len(comparison.conflicts) if comparison is not None else 0

    @property
    def compared(self) -> tuple[Event, ...]:
        """The events worth comparing: covered by two or more sources."""
        return tuple(event for event in self.events if len(event.sources) > 1)


def outlets(pile: Pile) -> dict[str, str]:
    """Event id → its outlets (an article without one: its id), each named once, in input order."""
    labels = {article.id: article.outlet or article.id for article in pile.articles}
    return {event.id: ", ".join(dict.fromkeys(labels[source] for source in event.sources)) for event in pile.events}


def several_events(events: Sequence[Event]) -> bool:
    """Whether a pile holds more than one event covered by two or more sources (else it is one comparison)."""
    return sum(len(event.sources) > 1 for event in events) > 1


def articles_of(event: Event, articles: Iterable[Article]) -> tuple[Article, ...]:
    """The event's articles, in input order."""
    wanted = set(event.sources)
    return tuple(article for article in articles if article.id in wanted)


def _pool(workers: int) -> Executor:
    # Imported here: the reader's analysis of a few articles never starts a pool and should not pay for it.
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(max_workers=workers)


def read(articles: Sequence[Article], *, workers: int = 1, progress: Progress | None = None) -> list[Reading]:
    """`read_article` of every article, in a pool when there are many."""
    if workers <= 1 or len(articles) < POOL_READING:
        return read_pile(articles, progress)
    readings: list[Reading] = []
    with _pool(workers) as pool:
        for reading in pool.map(read_article, articles, chunksize=READ_CHUNK):
            readings.append(reading)
            if progress and len(readings) % READ_CHUNK == 0:
                progress("reading", len(readings), len(articles))
    if progress:
        progress("reading", len(articles), len(articles))
    return readings


def group(articles: Sequence[Article], *, workers: int = 1, progress: Progress | None = None) -> tuple[Event, ...]:
    """The events of a pile (see `spacereader.engine.events`)."""
    return group_events(articles, read(articles, workers=workers, progress=progress), progress=progress)


def _compare(articles: Sequence[Article], pivot: str | None, threshold: float | None) -> Comparison:
    return build_comparison(articles, pivot=pivot if pivot in {a.id for a in articles} else None, threshold=threshold)


def compare(
    articles: Sequence[Article],
    events: Sequence[Event],
    *,
    workers: int = 1,
    pivot: str | None = None,
    threshold: float | None = None,
    progress: Progress | None = None,
) -> dict[str, Comparison]:
    """Each event's comparison (its own articles only), in a pool when there are several; keyed by event id.

    `pivot`, a source id, is the pivot of the event it belongs to.
    """
    by_id = {article.id: article for article in articles}
    work = {event.id: tuple(by_id[source] for source in event.sources) for event in events}  # input order
    done: dict[str, Comparison] = {}
    if workers <= 1 or len(work) < 2:
        for event_id, members in work.items():
            done[event_id] = _compare(members, pivot, threshold)
            if progress:
                progress("comparing", len(done), len(work))
        return done
    from concurrent.futures import as_completed

    with _pool(workers) as pool:
        # The biggest events first: a long one started last would keep the other workers idle.
        order = sorted(work, key=lambda event_id: -sum(len(a.body) for a in work[event_id]))
        futures = {pool.submit(_compare, work[event_id], pivot, threshold): event_id for event_id in order}
        for future in as_completed(futures):
            done[futures[future]] = future.result()
            if progress:
                progress("comparing", len(done), len(work))
    return {event.id: done[event.id] for event in events}


def build_pile(
    articles: Sequence[Article],
    *,
    events: Sequence[Event] | None = None,
    workers: int = 1,
    pivot: str | None = None,
    threshold: float | None = None,
    progress: Progress | None = None,
) -> Pile:
    """Group (unless `events` are given) and compare every event."""
    if events is None:
        events = group(articles, workers=workers, progress=progress)
    comparisons = compare(articles, events, workers=workers, pivot=pivot, threshold=threshold, progress=progress)
    return Pile(tuple(articles), tuple(events), comparisons)


def unknown_event(wanted: str, paths: Sequence[str]) -> str:
    """The one-line message for an `--event` that names no event, with the command that lists them."""
    import shlex

    listing = " ".join(shlex.quote(path) for path in paths) if paths else ""
    return f"--event {wanted}: no such event (list them with: spacereader events {listing})".replace(" )", ")")


def choose_event(articles: Sequence[Article], wanted: str, *, workers: int = 1) -> tuple[Event, tuple[Article, ...]]:
    """The event `--event` names (an id or a unique prefix of one) and its articles.

    Raises LookupError (no such event) or ValueError (the prefix names several).
    """
    event = find_event(group(articles, workers=workers), wanted)
    return event, articles_of(event, articles)
