"""The reader on web pages: opening links, adding a source from the reader, and a page changed since annotated."""

from __future__ import annotations

import pytest

from tests.test_reader_support import screen_text, wait_ready
from tests.webpages import STORIES
from tests.webserver import news_site, story_url

SIZE = (160, 48)


@pytest.fixture
def site():
    with news_site() as server:
        yield server


async def _until(pilot, predicate, tries: int = 400) -> None:
    for _ in range(tries):
        if predicate():
            return
        await pilot.pause(0.02)
    raise AssertionError("condition not reached")


def _messages(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_the_reader_opens_three_links_side_by_side(site):
    from spacereader.tui.app import ReaderApp

    app = ReaderApp([story_url(site, n) for n in range(3)], load_config=False)
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(app, pilot)
        assert app.model is not None
        assert [c.label for c in app.model.columns] == [s.outlet for s in STORIES[:3]]
        text = screen_text(app)
        assert "The Coastal Ledger" in text and "Northfield Herald" in text
        assert "cookies" not in text.lower()
        # the ferries' injured: 14 / sixteen / fourteen is a disagreement the reader finds
        assert app.model.comparison.conflicts


async def test_add_source_by_url_appears_as_a_column_and_keeps_the_focus(site):
    from spacereader.tui.app import ReaderApp

    app = ReaderApp([story_url(site, 0), story_url(site, 1)], load_config=False)
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(app, pilot)
        assert app.model is not None and len(app.model.columns) == 2
        await pilot.press("g", "j", "j", "l")
        focused = app.view.current_sentence
        assert focused is not None
        await pilot.press("o")
        await _until(pilot, lambda: app.screen.__class__.__name__ == "SourceDialog")
        await pilot.press(*story_url(site, 2))
        await pilot.press("enter")
        await _until(pilot, lambda: app.model is not None and len(app.model.columns) == 3)
        assert app.model.columns[2].label == STORIES[2].outlet
        assert app.view.current_sentence == focused  # re-aligned, focus kept on the same sentence
        assert any("Added Wessex Wire" in m for m in _messages(app))
        assert "Wessex Wire" in screen_text(app)
        # The same page again: nothing new, and it says so.
        await pilot.press("o")
        await _until(pilot, lambda: app.screen.__class__.__name__ == "SourceDialog")
        await pilot.press(*story_url(site, 2), "enter")
        await _until(pilot, lambda: any("open already" in m for m in _messages(app)))
        assert len(app.model.columns) == 3


async def test_add_source_that_fails_says_why_and_keeps_the_comparison(site, tmp_path):
    from spacereader.tui.app import ReaderApp

    app = ReaderApp([story_url(site, 0), story_url(site, 1)], load_config=False)
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(app, pilot)
        before = app.model
        await pilot.press("o")
        await _until(pilot, lambda: app.screen.__class__.__name__ == "SourceDialog")
        await pilot.press(*site.url("/bad/404"), "enter")
        await _until(pilot, lambda: any("HTTP 404" in m for m in _messages(app)))
        await pilot.pause(0.1)
        assert app.model is before
        # a local text file works the same way
        path = tmp_path / "notes.txt"
        path.write_text("title: Notes\n\nTwo ferries collided in fog at Port Aldren on Tuesday.\n", encoding="utf-8")
        await pilot.press("o")
        await _until(pilot, lambda: app.screen.__class__.__name__ == "SourceDialog")
        await pilot.press(*str(path), "enter")
        await _until(pilot, lambda: app.model is not None and len(app.model.columns) == 3)
        assert app.model.columns[2].source == "notes"


async def test_add_source_is_in_the_palette_and_the_help(site):
    from spacereader.tui.app import ReaderApp
    from spacereader.tui.commands import ReaderCommands

    app = ReaderApp([story_url(site, 0)], load_config=False)
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(app, pilot)
        provider = ReaderCommands(app.screen)
        texts = [text for text, _command, _help in provider._commands()]
        assert "Add source…" in texts
        await pilot.press("question_mark")
        await pilot.pause(0.1)
        from textual.widgets import Static

        shown = "\n".join(str(widget.render()) for widget in app.screen.query(Static))
        assert "source.add" in shown, shown
        assert "Add a source: a web address" in shown


async def test_the_reader_says_a_page_changed_since_it_was_annotated(site, private_data_dir):
    from spacereader.annotations import AnnotationStore
    from spacereader.engine.segment import segment
    from spacereader.sources.load import load_paths
    from spacereader.tui.app import ReaderApp

    url = story_url(site, 0)
    (article,), _ = load_paths([url])
    with AnnotationStore.open(private_data_dir) as store:
        store.add(article, segment(article.body, article.id)[2], "verified")
    route = site.routes[STORIES[0].path]
    route.body = route.body.replace(
        b"<p>Two passenger", b"<p>Update: the harbour reopened at noon.</p><p>Two passenger"
    )
    app = ReaderApp([url, story_url(site, 1)], load_config=False, data_dir=str(private_data_dir))
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(app, pilot)
        await _until(pilot, lambda: len(app.annotations) == 1)
        (annotation,) = app.annotations
        assert annotation.sentence == 3 and annotation.status == "moved"
        await _until(pilot, lambda: any("has changed since it was annotated" in m for m in _messages(app)))
        message = next(m for m in _messages(app) if "changed since" in m)
        assert message.startswith("The page of The Coastal Ledger") and "1 annotation re-anchored" in message
        # The earlier version is kept in the cache: the palette shows what changed.
        from spacereader.tui.commands import ReaderCommands

        commands = {text: command for text, command, _help in ReaderCommands(app.screen)._commands()}
        commands["What changed in The Coastal Ledger"]()
        await _until(pilot, lambda: app.screen.__class__.__name__ == "ChangesScreen")
        await pilot.pause(0.1)
        from textual.widgets import Static

        shown = [str(widget.render()) for widget in app.screen.query(Static)]
        assert "+ Update: the harbour reopened at noon." in shown
        assert any("0 paragraphs removed, 1 added" in line for line in shown)
        await pilot.press("escape")
        commands["What changed in Northfield Herald"]()
        await _until(pilot, lambda: any("No earlier version of Northfield Herald" in m for m in _messages(app)))


def test_screenshot_of_links_through_the_command_line(site, tmp_path, capsys):
    from spacereader.cli import main

    target = tmp_path / "shot.svg"
    urls = [story_url(site, n) for n in range(3)]
    assert main(["--screenshot", str(target), "--size", "120x30", *urls, site.url("/bad/404")]) == 0
    svg = target.read_text(encoding="utf-8")
    assert "Coastal" in svg and "Northfield" in svg
    err = capsys.readouterr().err
    assert "HTTP 404" in err or "404" in svg  # the bad one is reported, the others shown
    site.routes.clear()  # the site is "gone": offline reads the cache the first run filled
    assert main(["--screenshot", str(target), "--size", "120x30", "--offline", *urls]) == 0
    assert "Northfield" in target.read_text(encoding="utf-8")
