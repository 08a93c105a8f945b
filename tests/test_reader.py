"""Pilot tests of the reader: navigation, filters, pivot, search, panels, safety, sizes, keymap."""

from __future__ import annotations

import re
import time

import pytest

from spacereader.sources.files import seeds_dir
from tests.test_reader_support import sample_app, screen_text, wait_ready

SIZE = (160, 48)
SEEDS_FILE = seeds_dir() / "003_61f4a650ca5522b8.txt"


def help_text(app) -> str:
    from textual.widgets import Static

    return "\n".join(str(widget.render()) for widget in app.screen.query(Static))


async def test_seeds_open_side_by_side(private_data_dir):
    from spacereader.tui.app import ReaderApp

    app = ReaderApp(load_config=False)
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(app, pilot)
        assert app.model is not None
        assert len(app.model.columns) == 5
        text = screen_text(app)
        assert "◆ 000_31401a5a5b9e1362" in text
        assert "2021-10-05" in text
        assert app.view.has_focus


async def test_the_seeds_open_on_their_disagreement_at_a_glance(private_data_dir):
    """With no arguments: the actress's three ages, the director's two and her name's three spellings, in the
    conflict bar of the first frame; on a small terminal two lines and a pointer to the rest."""
    from spacereader.tui.app import ReaderApp

    app = ReaderApp(load_config=False)
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(app, pilot)
        bar = str(app.query_one("#conflict-bar").render())
        assert "Yulia Peresild's age" in bar and all(age in bar for age in ("38 years old", "37-year-old", "36"))
        assert "Klim Shipenko's age" in bar and "39" in bar
        assert "Yulia Peresild's name" in bar and "Yulija Peresild" in bar and "Yuliya Peresild" in bar
    app = ReaderApp(load_config=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_ready(app, pilot)
        bar = str(app.query_one("#conflict-bar").render())
        assert len(bar.splitlines()) == 2 and "+1 more (c lists them)" in bar


async def test_rows_and_columns():
    app = sample_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(app, pilot)
        view = app.view
        await pilot.press("g")
        assert view.cursor_row == 0
        assert view.current_sentence == ("planet", 0)
        await pilot.press("j", "j")
        assert view.cursor_row == 2
        await pilot.press("k")
        assert view.cursor_row == 1
        await pilot.press("G")
        assert view.cursor_row == len(view.rows) - 1
        await pilot.press("g", "l")
        assert view.current_source == "orbit"
        await pilot.press("l", "l")  # past the last column: stays
        assert view.current_source == "wire"
        await pilot.press("h", "left")
        assert view.current_source == "planet"
        await pilot.press("down")
        assert "row 2/5" in str(app.query_one("#status").render())


async def test_next_and_previous_conflict():
    app = sample_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(app, pilot)
        view = app.view
        await pilot.press("G")
        await pilot.press("n")  # wraps around to the only conflict row
        assert view.cursor_row == 0
        assert view.current_row.severity == "conflict"
        await pilot.press("j", "N")
        assert view.cursor_row == 0


async def test_filters():
    app = sample_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(app, pilot)
        view = app.view
        assert len(view.rows) == 5
        await pilot.press("f")
        assert view.filter == "conflicts"
        assert [r.severity for r in view.rows] == ["conflict"]
        await pilot.press("f")
        assert view.filter == "shared"
        assert all(len(r.cells) >= 2 for r in view.rows) and len(view.rows) == 3
        await pilot.press("f")
        assert view.filter == "unique"
        assert all(len(r.cells) == 1 for r in view.rows) and len(view.rows) == 2
        assert "unique" in str(app.query_one("#status").render())
        await pilot.press("f")
        assert view.filter == "all"


async def test_choose_pivot():
    app = sample_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(app, pilot)
        await pilot.press("p")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "PivotScreen"
        await pilot.press("down", "enter")
        for _ in range(50):
            await pilot.pause(0.02)
            if app.model.pivot == "orbit":
                break
        assert app.model.pivot == "orbit"
        assert app.model.columns[0].source == "orbit"
        assert "◆ Orbit News" in screen_text(app)


async def test_search_next_and_previous():
    app = sample_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(app, pilot)
        view = app.view
        await pilot.press("g", "slash")
        assert app.focused.id == "search"
        await pilot.press(*"orbit", "enter")
        assert app.view.has_focus
        assert len(view.matches) == 3  # “in orbit” in three sentences
        first = (view.cursor_row, view.current_source)
        assert first == (2, "planet")
        await pilot.press("right_square_bracket")
        assert (view.cursor_row, view.current_source) == (2, "orbit")
        await pilot.press("left_square_bracket")
        assert (view.cursor_row, view.current_source) == first
        assert "“orbit” 1/3" in str(app.query_one("#status").render())
        await pilot.press("escape")
        assert view.matches == []


async def test_conflicts_panel_jumps_to_row():
    app = sample_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(app, pilot)
        await pilot.press("G", "c")
        panel = app.query_one("#conflicts-panel")
        assert panel.has_class("open")
        text = screen_text(app)
        assert "Yulia Peresild · age" in text
        assert "Orbit News: 36" in text
        await pilot.press("enter")
        assert app.view.cursor_row == 0 and app.view.current_source == "planet"
        await pilot.press("enter")  # again: the next source's value
        assert app.view.current_source == "orbit"
        await pilot.press("escape")
        assert not panel.has_class("open")


async def test_facts_view():
    app = sample_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(app, pilot)
        await pilot.press("F")
        await pilot.pause()
        text = screen_text(app)
        assert "Facts" in text and "Yulia Peresild" in text and "$20 million" in text
        await pilot.press("escape")
        assert app.screen is app.screen_stack[0]


async def test_help_explains_marks_and_keys():
    app = sample_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        text = help_text(app)
        for words in ("a value in conflict", "gutter", "the pivot source", "Next conflict", "conflict.next"):
            assert words in text
        await pilot.press("escape")
        assert app.screen is app.screen_stack[0]


async def test_palette_offers_jumps_and_pivots():
    from spacereader.tui.commands import ReaderCommands

    app = sample_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(app, pilot)
        provider = ReaderCommands(app.screen)
        texts = [hit.text async for hit in provider.discover()]
        assert "Jump to source Orbit News" in texts
        assert "Set pivot Orbit News" in texts
        assert "Jump to conflict about Yulia Peresild · age" in texts
        assert "Next conflict" in texts and "Search" in texts
        hits = [hit async for hit in provider.search("conflict yulia")]
        assert hits
        hit = max(hits)
        app.view.cursor_row = 3
        hit.command()
        await pilot.pause()
        assert app.view.cursor_row == 0


async def test_article_text_is_never_markup_or_control(tmp_path):
    from spacereader.tui.app import ReaderApp

    (tmp_path / "a.txt").write_text(
        "source: [bold red]Evil[/] Times\n\n"
        "Plain [bold red]x[/] and a lone [/] here. Red \x1b[31mtext\x1b[0m and "
        "\x1b]8;;https://evil.example\x1b\\a link\x1b]8;;\x1b\\ too.\n",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text("Another [link=https://x]article[/link] entirely.\n", encoding="utf-8")
    app = ReaderApp([str(tmp_path)], load_config=False)
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(app, pilot)
        text = screen_text(app)
        assert "[bold red]Evil[/] Times" in text
        assert "Plain [bold red]x[/] and a lone [/] here." in text
        assert "[link=https://x]article[/link]" in text
        assert "\x1b" not in text and "evil.example" not in text
        await pilot.press("slash", *"[/]", "enter")  # searching for markup is searching for text
        assert len(app.view.matches) >= 2
        await pilot.press("c", "question_mark")  # panels and help render the same text safely
        await pilot.pause()


async def test_bad_inputs_are_notified_and_the_rest_opens(tmp_path):
    from spacereader.tui.app import ReaderApp

    (tmp_path / "good.txt").write_text("One sentence here. And another.\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    app = ReaderApp([str(tmp_path / "good.txt"), str(tmp_path / "empty.txt"), str(tmp_path / "nope.txt")])
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(app, pilot)
        messages = [str(n.message) for n in app._notifications]
        assert any("empty.txt" in m and "empty file" in m for m in messages)
        assert any("nope.txt" in m for m in messages)
        assert [c.source for c in app.model.columns] == ["good"]


async def test_nothing_loads_exits_2(tmp_path):
    from spacereader.tui.app import ReaderApp

    app = ReaderApp([str(tmp_path / "missing.txt")], load_config=False)
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(100):
            if app.failure:
                break
            await pilot.pause(0.02)
    assert app.failure and "missing.txt" in app.failure


@pytest.mark.parametrize("size", [(80, 24), (40, 10), (20, 5)])
async def test_small_terminals(size):
    app = sample_app()
    async with app.run_test(size=size) as pilot:
        await wait_ready(app, pilot)
        for key in ("j", "l", "l", "n", "G", "h", "c", "escape", "f", "question_mark", "escape"):
            await pilot.press(key)
        assert app.view.cursor_column == 1
        if size == (80, 24):
            assert len(app.view.layout_info.visible) >= 2


async def test_columns_scroll_with_pivot_pinned():
    app = sample_app()
    async with app.run_test(size=(60, 24)) as pilot:
        await wait_ready(app, pilot)
        view = app.view
        assert view.layout_info.visible == (0, 1)
        assert "1 more ▶" in screen_text(app)
        await pilot.press("l", "l")
        assert view.layout_info.visible == (0, 2)  # the pivot stays, the others scroll
        assert "◀ 1 more" in screen_text(app)
        assert "Daily Planet" in screen_text(app)


async def test_keymap_from_config(tmp_path):
    from spacereader.tui.app import ReaderApp
    from tests.test_reader_support import build_sample, sample_articles

    config = tmp_path / "config.toml"
    config.write_text('theme = "textual-light"\n[keymap]\n"row.down" = "x"\n"conflict.next" = "ctrl+n"\n')
    app = ReaderApp(articles=sample_articles(), build=build_sample, config_path=config)
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(app, pilot)
        assert app.theme == "textual-light"
        await pilot.press("g", "x")
        assert app.view.cursor_row == 1
        await pilot.press("j")  # remapped away
        assert app.view.cursor_row == 1
        await pilot.press("ctrl+n")
        assert app.view.cursor_row == 0
        await pilot.press("question_mark")
        await pilot.pause()
        assert re.search(r"^  x +Row down  \(row\.down\)$", help_text(app), re.MULTILINE)


async def test_broken_config_is_reported_not_fatal(tmp_path):
    from spacereader.tui.app import ReaderApp
    from tests.test_reader_support import build_sample, sample_articles

    config = tmp_path / "config.toml"
    config.write_text("[keymap\n")
    app = ReaderApp(articles=sample_articles(), build=build_sample, config_path=config)
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(app, pilot)
        assert any("config.toml" in str(n.message) for n in app._notifications)


# ── annotations and export ──────────────────────────────────────────────────────────────────────


async def _until(pilot, predicate, tries: int = 100) -> None:
    for _ in range(tries):
        if predicate():
            return
        await pilot.pause(0.02)
    raise AssertionError("condition not reached")


async def test_annotate_edit_delete(private_data_dir):
    from spacereader.annotations import AnnotationStore

    app = sample_app(data_dir=str(private_data_dir))
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(app, pilot)
        await _until(pilot, lambda: app.store is not None)
        await pilot.press("g", "l", "a")  # Orbit News, sentence 1
        assert app.screen.__class__.__name__ == "AnnotationDialog"
        assert app.focused.id == "note"
        await pilot.press(*"she was 37", "enter")
        await _until(pilot, lambda: len(app.annotations) == 1)
        saved = app.annotations[0]
        assert (saved.source, saved.sentence, saved.label, saved.note) == ("orbit", 0, "note", "she was 37")
        assert "✎" in screen_text(app)
        # the store has it, committed, for any other process
        with AnnotationStore.open(private_data_dir) as other:
            assert [a.note for a in other.all()] == ["she was 37"]

        # edit: the dialog comes back with the note; choose another label
        await pilot.press("a")
        assert app.screen.query_one("#note").value == "she was 37"
        app.screen.query_one("#label").value = "disputed"
        await pilot.press("end", *" (checked)", "enter")
        await _until(pilot, lambda: app.annotations and app.annotations[0].label == "disputed")
        assert app.annotations[0].note == "she was 37 (checked)"
        assert len(app.annotations) == 1

        # escape cancels without a change
        await pilot.press("a", "x", "escape")
        await pilot.pause()
        assert app.annotations[0].note == "she was 37 (checked)"

        # next / previous annotation
        await pilot.press("G", "m")
        assert app.view.current_sentence == ("orbit", 0)

        # the panel lists it; d deletes after a confirmation
        await pilot.press("A")
        assert "disputed" in screen_text(app)
        await pilot.press("d")
        assert app.screen.__class__.__name__ == "ConfirmScreen"
        await pilot.press("y")
        await _until(pilot, lambda: not app.annotations)
        with AnnotationStore.open(private_data_dir) as other:
            assert other.all() == ()


async def test_annotate_empty_cell_is_explained():
    app = sample_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(app, pilot)
        await _until(pilot, lambda: app.store is not None)
        await pilot.press("g", "j", "l", "l", "a")  # row 2 has no Wire sentence
        assert app.screen is app.screen_stack[0]
        assert any("no sentence" in str(n.message) for n in app._notifications)


async def test_export_and_overwrite(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = sample_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(app, pilot)
        await pilot.press("e")
        assert app.screen.__class__.__name__ == "ExportDialog"
        path_input = app.screen.query_one("#path")
        assert path_input.value == str(tmp_path / "spacereader-report.md")
        await pilot.press("enter")
        target = tmp_path / "spacereader-report.md"
        await _until(pilot, target.exists)
        await _until(pilot, lambda: any("Exported md to" in str(n.message) for n in app._notifications))
        assert "Yulia" in target.read_text(encoding="utf-8")
        target.write_text("keep me", encoding="utf-8")
        await pilot.press("e", "enter")
        assert app.screen.__class__.__name__ == "ConfirmScreen"
        await pilot.press("n")
        await pilot.pause(0.1)
        assert target.read_text(encoding="utf-8") == "keep me"
        await pilot.press("e", "enter", "y")
        await _until(pilot, lambda: target.read_text(encoding="utf-8") != "keep me")


def test_forked_analysis_and_cache(tmp_path, monkeypatch):
    from spacereader.tui import analysis

    monkeypatch.setenv("SPACEREADER_CACHE_DIR", str(tmp_path / "cache"))
    options = {"encoding": None, "pivot": None, "threshold": None}
    key = analysis.cache_key([], **options)
    assert analysis.load_cached(key) is None
    running = analysis.start([], cache_key=key, **options)
    assert running is not None
    frames = list(running.frames())
    running.close()
    kind, result = frames[-1]
    assert kind == "R" and result[0] == "ok"
    assert len(result[3].articles) == 5
    cached = analysis.load_cached(key)
    assert cached is not None and cached[3] == result[3]
    # polled without waiting: None while the child works, then its result
    running = analysis.start([], **options)
    deadline = time.monotonic() + 60
    while (polled := running.result_if_done()) is None:
        assert time.monotonic() < deadline
        time.sleep(0.005)
    running.close()
    assert polled[0] == "ok" and polled[3] == result[3]
    # another pivot, another entry
    assert analysis.cache_key([], **{**options, "pivot": "003_61f4a650ca5522b8"}) != key
    # a missing input is reported, not raised
    running = analysis.start([str(tmp_path / "missing.txt")])
    (kind, result), *_ = [f for f in running.frames() if f[0] == "R"]
    running.close()
    assert result[0] == "error" and "missing.txt" in result[1]


async def test_cached_comparison_is_the_first_frame(private_data_dir):
    from spacereader.tui.analysis import analyse
    from spacereader.tui.app import ReaderApp

    cached = analyse([], encoding=None, pivot=None, threshold=None, progress=None)
    app = ReaderApp(load_config=False, preloaded=cached)
    async with app.run_test(size=SIZE) as pilot:
        # shown during mount: no loading screen and no worker in between
        assert app.ready and not app.query_one("#loading").display
        await pilot.pause()
        text = screen_text(app)
        assert "◆ 000_31401a5a5b9e1362" in text
        assert app.view.has_focus
        await _until(pilot, lambda: app.store is not None)


async def test_user_text_in_labels_and_notifications_is_not_markup(tmp_path):
    from spacereader.annotations import AnnotationStore
    from spacereader.tui.app import ReaderApp
    from tests.test_reader_support import build_sample, sample_articles

    data = tmp_path / "data"
    articles = sample_articles()
    with AnnotationStore.open(data) as store:
        comparison = build_sample(articles)
        store.add(articles[0], comparison.sentence("planet", 0), "[bold red]odd[/]", "[/] note")
    app = ReaderApp(articles=articles, build=build_sample, load_config=False, data_dir=str(data))
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(app, pilot)
        await _until(pilot, lambda: len(app.annotations) == 1)
        await pilot.press("A")
        await pilot.pause()
        assert "[bold red]odd[/]" in screen_text(app)
        await pilot.press("escape", "p", "down", "down", "enter")  # pivot “[bold red]Wire[/]”, notified
        await _until(pilot, lambda: app.model.pivot == "wire")
        assert any("[bold red]Wire[/]" in str(n.message) for n in app._notifications)
        await pilot.press("g", "a")  # the dialog offers the odd label as text
        await pilot.pause()
        assert "[bold red]odd[/]" in screen_text(app)


async def test_annotations_made_elsewhere_show_up(private_data_dir):
    from spacereader.annotations import AnnotationStore
    from tests.test_reader_support import build_sample, sample_articles

    app = sample_app(data_dir=str(private_data_dir))
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(app, pilot)
        await _until(pilot, lambda: app.store is not None)
        assert app.annotations == ()
        articles = sample_articles()
        with AnnotationStore.open(private_data_dir) as other:  # as `spacereader annotations add` would
            other.add(articles[1], build_sample(articles).sentence("orbit", 1), "verified", "from the CLI")
        await _until(pilot, lambda: len(app.annotations) == 1, tries=200)
        assert app.annotations[0].note == "from the CLI"


def test_screenshot_command(tmp_path, monkeypatch, capsys):
    from spacereader.cli import main

    monkeypatch.setenv("SPACEREADER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("SPACEREADER_CONFIG_DIR", str(tmp_path / "config"))
    target = tmp_path / "shot.svg"
    good = str(SEEDS_FILE)
    code = main(["--screenshot", str(target), "--size", "80x24", "--press", "c,j", good, str(tmp_path / "nope.txt")])
    assert code == 0
    svg = target.read_text(encoding="utf-8")
    assert svg.startswith("<svg") and "Conflicts" in svg
    err = capsys.readouterr().err
    assert "warning:" in err and "nope.txt" in err and "wrote" in err
    assert main(["--screenshot", str(tmp_path / "missing-dir" / "x.svg")]) == 2
    assert main(["read", "--screenshot", str(target), str(tmp_path / "nope.txt")]) == 2
    assert "nope.txt" in capsys.readouterr().err


async def test_second_annotation_on_one_sentence(private_data_dir):
    app = sample_app(data_dir=str(private_data_dir))
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(app, pilot)
        await _until(pilot, lambda: app.store is not None)
        await pilot.press("g", "a", *"first", "enter")
        await _until(pilot, lambda: len(app.annotations) == 1)
        app.action_annotate_new()
        await pilot.pause()
        assert app.screen.query_one("#note").value == ""
        await pilot.press(*"second", "enter")
        await _until(pilot, lambda: len(app.annotations) == 2)
        assert sorted(a.note for a in app.annotations) == ["first", "second"]


async def test_every_builtin_theme_renders():
    app = sample_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(app, pilot)
        await pilot.press("c")
        for theme in sorted(app.available_themes):
            app.theme = theme
            await pilot.pause()
            assert "Yulia Peresild · age" in screen_text(app), theme


async def test_a_failed_save_gives_the_note_back(private_data_dir):
    app = sample_app(data_dir=str(private_data_dir))
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(app, pilot)
        await _until(pilot, lambda: app.store is not None)

        def broken(*args, **kwargs):
            raise OSError("disk full")

        app.store.add = broken
        await pilot.press("g", "a", *"keep me", "enter")
        await _until(pilot, lambda: app.screen.__class__.__name__ == "AnnotationDialog")
        assert app.screen.query_one("#note").value == "keep me"
        assert any("Not saved: disk full" in str(n.message) for n in app._notifications)
        assert app.annotations == ()


async def test_click_focuses_a_cell():
    app = sample_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(app, pilot)
        view = app.view
        layout = view.layout_info
        x = 3 + layout.widths[0] + 3 + 2  # inside the second column
        await pilot.click("#view", offset=(x, 3 + 4))  # the second row (the first takes two lines and a gap)
        assert view.current_source == "orbit"
        assert view.cursor_row == 1


async def test_annotation_dialog_offers_the_configured_labels(tmp_path, private_data_dir):
    from spacereader.tui.app import ReaderApp
    from tests.test_reader_support import build_sample, sample_articles

    config = tmp_path / "config.toml"
    config.write_text('labels = ["checked", "satire"]\n')
    app = ReaderApp(articles=sample_articles(), build=build_sample, config_path=config, data_dir=str(private_data_dir))
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(app, pilot)
        await _until(pilot, lambda: app.store is not None)
        await pilot.press("g", "l", "a")
        select = app.screen.query_one("#label")
        offered = [value for _prompt, value in select._options]
        assert offered[:2] == ["checked", "satire"] and "note" in offered  # the default label stays offered
        assert "sentence #0" in str(app.screen.query_one(".dialog-title").render())


async def test_hostile_outlet_and_source_names_in_palette_and_facts(tmp_path):
    """An outlet `Daily [/x] Wire` must not be read as markup by the palette; a source called
    `entity` must not clash with the facts table's own columns."""
    from spacereader.tui.app import ReaderApp

    (tmp_path / "entity.txt").write_text(
        "source: Daily [/x] Wire [@click=app.quit]\n\nMayor Ana Reyes, 45, opened the bridge on Monday.\n"
    )
    (tmp_path / "b.txt").write_text("source: [bold]Post\n\nMayor Ana Reyes, 47, opened the bridge on Monday.\n")
    app = ReaderApp([str(tmp_path)], load_config=False)
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"jump")
        await pilot.pause(0.3)
        await pilot.press("escape")
        await pilot.press("F")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "FactsScreen"
        await pilot.press("escape")
        assert app.is_running


async def test_export_to_an_impossible_path_is_a_notification(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = sample_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(app, pilot)
        await pilot.press("e")
        path_input = app.screen.query_one("#path")
        path_input.value = "~nosuchuser-spacereader/report.md"
        await pilot.press("enter")
        await _until(pilot, lambda: any("Cannot export" in str(n.message) for n in app._notifications))
        assert app.is_running
