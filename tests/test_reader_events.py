"""The reader on a pile of several events: the events screen, opening an event, back, filter, keys, safety."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.test_reader_support import screen_text, wait_ready

ARTICLES = Path(__file__).resolve().parent / "articles"
PILE = [ARTICLES / "quake", ARTICLES / "quake-kestria", ARTICLES / "transfer", ARTICLES / "singles" / "tremor.txt"]
SIZE = (140, 32)


def pile_app(paths=PILE, **kwargs):
    from spacereader.tui.app import ReaderApp

    return ReaderApp([str(p) for p in paths], load_config=False, **kwargs)


def table(app):
    from textual.widgets import DataTable

    return app.screen.query_one("#events-table", DataTable)


async def test_a_pile_opens_on_the_events_screen():
    app = pile_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(app, pilot)
        assert app.screen.id == "events-screen"
        assert app.model is None and app.pile is not None
        text = screen_text(app)
        assert "4 events in 10 articles · 3 covered by two or more sources" in text
        for headline in ("deadly Valmora quake", "Kestria's highlands", "Northbridge sign Arvelo", "Lissandra"):
            assert headline in text
        assert table(app).row_count == 4
        # Most covered first: the single comes last.
        assert [str(key.value) for key in table(app).rows][-1] == app.pile.events[-1].id


async def test_enter_opens_an_event_and_escape_returns():
    app = pile_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(app, pilot)
        await pilot.press("down", "enter")
        await pilot.pause()
        second = app.pile.events[1]
        assert app.screen.id != "events-screen"
        assert app.model is not None
        assert [a.id for a in app.model.comparison.articles] == list(second.sources)
        assert "escape: all events" in str(app.query_one("#status").render())
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.id == "events-screen"
        assert table(app).cursor_row == 1  # where it was
        await pilot.press("up", "enter")
        await pilot.pause()
        assert [a.id for a in app.model.comparison.articles] == list(app.pile.events[0].sources)


async def test_slash_filters_the_list():
    app = pile_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(app, pilot)
        await pilot.press("slash", *"kestria")
        await pilot.pause()
        assert table(app).row_count == 1
        await pilot.press("enter", "enter")  # leave the field, open the one event left
        await pilot.pause()
        assert app.model is not None and "ledger" in app.model.comparison.sentences
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("escape")  # clears the filter
        await pilot.pause()
        assert table(app).row_count == 4
        await pilot.press("slash", *"no such words")
        await pilot.pause()
        assert "No event matches the filter." in screen_text(app)
        await pilot.press("enter", "enter")  # the message line opens nothing
        await pilot.pause()
        assert app.screen.id == "events-screen" and app.model is not None


async def test_reader_keys_do_nothing_on_the_events_screen():
    app = pile_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(app, pilot)
        for key in ("n", "N", "c", "F", "A", "a", "e", "p", "f", "question_mark", "j", "g", "m"):
            await pilot.press(key)
        await pilot.pause()
        assert app.is_running and app.screen.id == "events-screen"
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_one_event_opens_the_comparison_directly(tmp_path: Path):
    app = pile_app([ARTICLES / "quake", ARTICLES / "singles" / "tremor.txt", ARTICLES / "singles" / "museum.txt"])
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(app, pilot)
        assert app.pile is None and app.model is not None
        assert len(app.model.columns) == 5  # as today: every article side by side


async def test_event_option_opens_that_event():
    from spacereader.engine.events import group_events
    from spacereader.sources.load import load_paths

    articles, _ = load_paths([str(p) for p in PILE])
    transfer = next(e for e in group_events(articles) if "agency" in e.sources)
    app = pile_app(event=transfer.id[:7])
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(app, pilot)
        assert app.pile is None
        assert sorted(app.model.comparison.sentences) == sorted(transfer.sources)


async def test_headlines_are_text_not_markup(tmp_path: Path):
    for folder in ("quake", "transfer"):
        shutil.copytree(ARTICLES / folder, tmp_path / folder)
    for path in (tmp_path / "quake").iterdir():  # every headline of the event is markup
        lines = path.read_text().split("\n")
        path.write_text(
            "\n".join("title: [bold red]Quake[/] [/] kills 23" if line.startswith("title:") else line for line in lines)
        )
    app = pile_app([tmp_path / "quake", tmp_path / "transfer"])
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(app, pilot)
        assert app.screen.id == "events-screen"
        await pilot.press("slash", *"[/")
        await pilot.pause()
        assert table(app).row_count == 1
        assert "[bold red]Quake[/] [/] kills 23" in screen_text(app)


@pytest.mark.parametrize("size", [(80, 24), (40, 10)])
async def test_small_terminals(size):
    app = pile_app()
    async with app.run_test(size=size) as pilot:
        await wait_ready(app, pilot)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.id == "events-screen"


async def _until(pilot, predicate, tries: int = 150) -> None:
    for _ in range(tries):
        if predicate():
            return
        await pilot.pause(0.02)
    raise AssertionError("condition not reached")


async def test_pivot_and_annotations_stay_within_the_event(private_data_dir):
    app = pile_app(data_dir=str(private_data_dir))
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(app, pilot)
        await _until(pilot, lambda: app.store is not None)
        await pilot.press("enter")
        await pilot.pause()
        event = app.pile.events[0]
        await pilot.press("p")
        await pilot.pause()
        await pilot.press("down", "enter")
        await _until(pilot, lambda: app.model.pivot == event.sources[1])
        # the new pivot's comparison is this event's articles, none of the pile's others
        assert [a.id for a in app.model.comparison.articles] == list(event.sources)
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*"checked", "enter")
        await _until(pilot, lambda: len(app.annotations) == 1)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("down", "enter")  # another event: none of its sentences is annotated
        await _until(pilot, lambda: not app.annotations)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("up", "enter")
        await _until(pilot, lambda: len(app.annotations) == 1)


def test_forked_analysis_of_a_pile(tmp_path, monkeypatch):
    from spacereader.tui import analysis

    monkeypatch.setenv("SPACEREADER_CACHE_DIR", str(tmp_path / "cache"))
    options = {"encoding": None, "pivot": None, "threshold": None, "event": None}
    paths = [str(p) for p in PILE]
    key = analysis.cache_key(paths, **options)
    running = analysis.start(paths, cache_key=key, workers=2, **options)
    assert running is not None
    kind, result = list(running.frames())[-1]
    running.close()
    assert kind == "R" and result[0] == "ok"
    pile = result[3]
    assert len(pile.events) == 4 and set(pile.comparisons) == {e.id for e in pile.events}
    assert analysis.load_cached(key)[3] == pile
    # another event id is another cache entry
    assert analysis.cache_key(paths, **{**options, "event": pile.events[0].id}) != key
