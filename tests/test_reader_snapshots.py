"""Snapshot tests of the reader's main states (pytest-textual-snapshot), on the hand-made comparison.

Update after an intended change with `pytest tests/test_reader_snapshots.py --snapshot-update`, then
look at the report before committing.
"""

from __future__ import annotations

import pytest
from textual.widgets import Input

from tests.test_reader_support import sample_app, wait_ready


def _before(*keys: str, theme: str | None = None):
    async def run_before(pilot) -> None:
        app = pilot.app
        if theme:
            app.theme = theme
        await wait_ready(app, pilot)
        for _ in range(50):  # the annotation store opens in its own worker
            if app.store is not None:
                break
            await pilot.pause(0.02)
        for key in keys:
            await pilot.press(key)
        for widget in app.screen.query(Input):
            widget.cursor_blink = False  # a blinking cursor makes snapshots flaky
        app.clear_notifications()
        await pilot.pause()

    return run_before


@pytest.mark.parametrize(
    ("keys", "theme", "size"),
    [
        pytest.param((), None, (120, 32), id="overview"),
        pytest.param(("c",), None, (120, 32), id="conflicts-panel"),
        pytest.param(("question_mark",), None, (120, 40), id="help"),
        pytest.param(("n",), "textual-light", (120, 32), id="light-theme"),
        pytest.param(("slash", *"orbit", "enter"), None, (120, 32), id="search"),
        pytest.param(("f",), None, (120, 32), id="filter-conflicts"),
        pytest.param(("l", "a"), None, (120, 32), id="annotation-dialog"),
        pytest.param(("F",), None, (120, 32), id="facts"),
        pytest.param(("l",), None, (80, 24), id="80x24"),
        pytest.param(("l", "l"), None, (40, 10), id="40x10"),
    ],
)
def test_reader_snapshot(snap_compare, keys, theme, size):
    assert snap_compare(sample_app(), terminal_size=size, run_before=_before(*keys, theme=theme))


def _pile_app():
    from pathlib import Path

    from spacereader.tui.app import ReaderApp

    articles = Path(__file__).resolve().parent / "articles"
    paths = [articles / "quake", articles / "quake-kestria", articles / "transfer", articles / "singles" / "tremor.txt"]
    return ReaderApp([str(p) for p in paths], load_config=False)


@pytest.mark.parametrize(
    ("keys", "size"),
    [
        pytest.param((), (120, 24), id="events"),
        pytest.param(("slash", *"quake"), (120, 24), id="events-filter"),
        pytest.param(("down", "enter"), (120, 24), id="events-open"),
    ],
)
def test_events_screen_snapshot(snap_compare, keys, size):
    assert snap_compare(_pile_app(), terminal_size=size, run_before=_before(*keys))
