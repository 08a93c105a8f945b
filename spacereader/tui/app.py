"""The reader app: loads and analyses the articles in a worker, then shows them side by side.

Slow work never runs on the UI thread: loading and analysis (`_analyse`), opening the annotation
store, every store write and every export run in thread workers and report back with
`call_from_thread`. An annotation is shown as saved only after the store has committed it.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, cast

from rich.text import Text
from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Center, Horizontal, Vertical
from textual.content import Content
from textual.widgets import Input, Label, LoadingIndicator, ProgressBar

from spacereader.cli import truncate
from spacereader.tui.commands import ReaderCommands
from spacereader.tui.components.comparison_view import ComparisonView
from spacereader.tui.components.status import ReaderFooter, StatusBar
from spacereader.tui.viewmodel import FILTER_LABELS, FILTERS, Filter, ReaderModel, value_groups

if TYPE_CHECKING:
    from spacereader.tui.components.events import EventsScreen
    from spacereader.tui.components.panels import AnnotationsPanel, ConflictsPanel

FILTER_SHORT = {"all": "all rows", "conflicts": "conflicts", "shared": "shared", "unique": "unique"}


class ReaderApp(App[int]):
    """`spacereader [PATH ...]`: the comparison side by side."""

    CSS_PATH = "app.tcss"
    TITLE = "spacereader"
    COMMANDS = App.COMMANDS | {ReaderCommands}
    ENABLE_COMMAND_PALETTE = True

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "help", "Help", id="help"),
        Binding("n", "next_conflict", "Next conflict", id="conflict.next"),
        Binding("N", "previous_conflict", "Previous conflict", id="conflict.previous", show=False),
        Binding("slash", "search", "Search", id="search.open", tooltip="Search the articles (case-insensitive)"),
        Binding("right_square_bracket", "next_match", "Next match", id="search.next", show=False),
        Binding("left_square_bracket", "previous_match", "Previous match", id="search.previous", show=False),
        Binding(
            "f",
            "cycle_filter",
            "Filter",
            id="rows.filter",
            tooltip="Filter rows: all, with conflicts, shared by two or more, unique to one source",
        ),
        Binding(
            "p",
            "choose_pivot",
            "Pivot",
            id="pivot.choose",
            tooltip="Choose the pivot source (the rows follow it; differences are measured against it)",
        ),
        Binding(
            "c",
            "toggle_conflicts",
            "Conflicts",
            id="panel.conflicts",
            tooltip="Conflicts panel: entity · attribute · each source's value; enter jumps",
        ),
        Binding(
            "A",
            "toggle_annotations",
            "Annotations panel",
            id="panel.annotations",
            show=False,
            tooltip="Annotations panel: enter jumps, d deletes",
        ),
        Binding(
            "F",
            "facts",
            "Facts view",
            id="facts.open",
            show=False,
            tooltip="Facts view: entities × sources with each source's values",
        ),
        Binding(
            "a",
            "annotate",
            "Annotate",
            id="annotation.add",
            tooltip="Annotate the focused sentence (or edit its annotation)",
        ),
        Binding("m", "next_annotation", "Next annotation", id="annotation.next", show=False),
        Binding("M", "previous_annotation", "Previous annotation", id="annotation.previous", show=False),
        Binding(
            "o",
            "add_source",
            "Add source…",
            id="source.add",
            show=False,
            tooltip="Add a source: a web address, a feed, a saved page, a file or a directory",
        ),
        Binding(
            "e",
            "export",
            "Export",
            id="export",
            tooltip="Export the comparison and annotations (md, html, json, csv, w3c)",
        ),
        Binding("escape", "escape", "Close panel / clear search", id="escape", show=False),
        Binding("q", "quit", "Quit", id="quit"),
    ]

    def __init__(
        self,
        paths: Sequence[str] = (),
        *,
        pivot: str | None = None,
        threshold: float | None = None,
        data_dir: str | None = None,
        encoding: str | None = None,
        config_path: Path | None = None,
        load_config: bool = True,
        articles: Sequence[Any] = (),
        build: Callable[..., Any] | None = None,
        analysis: Any = None,
        preloaded: Any = None,
        web: Any = None,
        event: str | None = None,
    ) -> None:
        """`articles` skips loading and `build` replaces the engine's `build_comparison` (tests, benchmarks)."""
        super().__init__()
        self.paths = list(paths)
        self.event = event
        #: A pile of several events (`spacereader.pile.Pile`), listed on the events screen; None for one comparison.
        self.pile: Any = None
        self.requested_pivot = pivot
        self.threshold = threshold
        self.data_dir = data_dir
        self.encoding = encoding
        self.web = web  # WebOptions for web inputs (None: the defaults)
        self.model: ReaderModel | None = None
        self.failure: str | None = None
        self.ready = False
        self._articles: tuple = tuple(articles)
        self._errors: tuple = ()
        self._build = build
        self._analysis = analysis
        self._preloaded = preloaded
        self.store: Any = None
        self.annotations: tuple = ()
        self.search_query = ""
        self._adding: str | None = None  # what "Add source" is loading, and how far it got
        self._told_changed: set[str] = set()  # sources already said to have changed since annotated
        self._config_problems: tuple[str, ...] = ()
        self._labels: tuple[str, ...] = ()
        if load_config:
            from spacereader.config import load_config as read_config

            config = read_config(config_path)
            if config.keymap:
                self.set_keymap(config.keymap)
            if config.theme:
                self._wanted_theme = config.theme
            self._labels = config.labels
            self._config_problems = config.problems

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """On the events screen the reader's keys do nothing (they act on a comparison); quitting and
        Textual's own actions still work."""
        if action != "quit" and self.screen_stack and self.screen_stack[-1].id == "events-screen":
            return action not in {binding.action for binding in Binding.make_bindings(self.BINDINGS)}
        return True

    def notify(
        self,
        message: Any,
        *,
        title: str = "",
        severity: Any = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Notifications quote article text, paths and labels: never markup unless asked for."""
        if isinstance(message, Content):
            message = message.plain
        super().notify(str(message), title=title, severity=severity, timeout=timeout, markup=markup)

    # ── layout ─────────────────────────────────────────────────────────────────────────────────

    def compose(self) -> ComposeResult:
        with Center(id="loading"), Vertical(id="loading-box"):
            yield Label("Reading the articles…", id="loading-label")
        # The side panels and the search field are mounted on first use: fewer widgets to style
        # before the first frame.
        with Horizontal(id="main"):
            yield ComparisonView(id="view")
        yield StatusBar(id="conflict-bar")
        yield StatusBar(id="status")
        yield ReaderFooter(compact=True)

    @property
    def load_errors(self) -> tuple:
        """The inputs that could not be loaded (each also shown as a notification)."""
        return tuple(self._errors)

    @property
    def view(self) -> ComparisonView:
        return self.query_one("#view", ComparisonView)

    def view_bindings(self) -> list:
        return list(ComparisonView.BINDINGS)

    def on_mount(self) -> None:
        theme = getattr(self, "_wanted_theme", None)
        if theme:
            if theme in self.available_themes:
                self.theme = theme
            else:
                self.notify(f"Unknown theme {theme!r} in config.toml; using {self.theme}.", severity="warning")
        for problem in self._config_problems:
            self.notify(problem, severity="warning", title="config.toml")
        self.query_one("#main").display = False
        result, self._preloaded = self._preloaded, None
        if result is None and self._analysis is not None:
            # The child forked at launch has often finished while Textual started: take its result now.
            result = self._analysis.result_if_done()
            if result is not None:
                self._analysis.close()
                self._analysis = None
        if result is not None:
            # From the cache or the finished child: shown before the first frame, which is then the
            # comparison itself rather than the loading screen.
            if result[0] == "error":
                self._fail(result[1])
                return
            _, self._articles, self._errors, comparison = result
            self._report_errors(self._errors)
            self._present(comparison)
            return
        self._analyse(self.requested_pivot)
        # The animated indicator only when loading takes a while: no flash (and no animation
        # competing with the analysis) on a quick start.
        self.set_timer(0.3, self._show_progress)

    def _show_progress(self) -> None:
        import gc

        gc.enable()  # a long analysis runs with the collector on (see commands/read.py)
        if self.model is None and self.failure is None:
            box = self.query_one("#loading-box")
            box.mount(LoadingIndicator(), ProgressBar(total=None, show_eta=False, id="loading-progress"))

    # ── loading and analysis ───────────────────────────────────────────────────────────────────

    @work(thread=True, exclusive=True, group="analysis")
    def _analyse(self, pivot: str | None, keep: tuple[str, int] | None = None) -> None:
        from spacereader.tui.analysis import analyse

        def progress(step: str, done: int, total: int) -> None:
            self.call_from_thread(self._progress, step, done, total)

        comparison = None
        if self._analysis is not None:
            # Started in a child process at launch (see analysis.py); here we only wait on its pipe.
            forked, self._analysis = self._analysis, None
            result: Any = ("error", "the analysis process ended unexpectedly")
            try:
                for kind, body in forked.frames():
                    if kind == "P":
                        progress(*body)
                    else:
                        result = body
            finally:
                forked.close()
            if result[0] == "error":
                self.call_from_thread(self._fail, result[1])
                return
            _, self._articles, self._errors, comparison = result
            self.call_later(self._report_errors, self._errors)
        elif not self._articles:
            # In a thread of this process: one worker (forking a process that runs threads is unsafe).
            result = analyse(
                self.paths,
                encoding=self.encoding,
                pivot=pivot,
                threshold=self.threshold,
                progress=progress,
                web=self.web,
                event=self.event,
                workers=1,
            )
            if result[0] == "error":
                self.call_from_thread(self._fail, result[1])
                return
            _, self._articles, self._errors, comparison = result
            self.call_from_thread(self._report_errors, self._errors)
        if comparison is None:
            if self._build is not None:
                build_comparison = self._build
            else:
                from spacereader.engine.comparison import build_comparison
            comparison = build_comparison(
                self._articles, self._errors, pivot=pivot, threshold=self.threshold, progress=progress
            )
        if _is_pile(comparison):
            self.call_from_thread(self._present, comparison)
            return
        # Off the UI thread, so the first frame is quick.
        self.call_from_thread(self._show, _prepare(comparison), keep)

    def _progress(self, step: str, done: int, total: int) -> None:
        self.query_one("#loading-label", Label).update(Content(f"{step.capitalize()}…"))
        for bar in self.query("#loading-progress").results(ProgressBar):
            bar.update(total=total or None, progress=done)

    def _report_errors(self, errors: Sequence[Any]) -> None:
        for error in errors:
            title = "Loaded, with a warning" if getattr(error, "loaded", False) else "Could not load"
            self.notify(Content(str(error)), title=title, severity="warning", timeout=8)

    def _fail(self, message: str) -> None:
        self.failure = message
        self.exit(2, message=None)

    def _present(self, result: Any) -> None:
        """Show an analysis result: the events screen for a pile, else the comparison."""
        if _is_pile(result):
            self._show_events(result)
        else:
            self._show(_prepare(result), None)

    def _show_events(self, pile: Any) -> None:
        """A pile of several events: list them; enter opens one's comparison (`on_events_screen_chosen`)."""
        from spacereader.tui.components.events import EventsScreen, event_lines

        self.pile = pile
        loading = self.query_one("#loading")
        loading.display = False
        loading.query("LoadingIndicator").remove()
        compared = len(pile.compared)
        summary = (
            f"{len(pile.events)} events in {len(pile.articles)} articles · {compared} covered by two or more sources"
        )
        self.install_screen(EventsScreen(event_lines(pile), summary), name="events")
        self.push_screen("events")
        self.call_after_refresh(self._open_store)
        import gc

        gc.freeze()
        gc.enable()  # as in `_show`
        self.ready = True

    def on_events_screen_chosen(self, message: EventsScreen.Chosen) -> None:
        from spacereader.pile import articles_of

        event = next(event for event in self.pile.events if event.id == message.event_id)
        # A new pivot rebuilds this event's comparison, from its own articles.
        self._articles = articles_of(event, self.pile.articles)
        self.get_screen("events").can_go_back = True  # type: ignore[attr-defined]
        self.pop_screen()
        self.search_query = ""  # a search of another event's words
        self._show(_prepare(self.pile.comparison(event)), None, opened=True)

    def _show(self, model: ReaderModel, keep: tuple[str, int] | None, *, opened: bool = False) -> None:
        """Show a comparison; `opened`: another event's, chosen on the events screen."""
        first = self.model is None or opened
        self.model = model
        self._adding = None
        loading = self.query_one("#loading")
        loading.display = False
        loading.query("LoadingIndicator").remove()
        self.query_one("#main").display = True
        view = self.view
        view.set_model(model, keep=keep)
        for panel in self.query("ConflictsPanel"):  # by name: panels.py is imported on first use
            cast("ConflictsPanel", panel).show(model)
        if first:
            view.focus()
            if self.pile is None:
                # After the comparison is painted: the store's thread (imports, SQLite, re-anchoring)
                # would otherwise take turns on the GIL with the first frame.
                self.call_after_refresh(self._open_store)
            # Open on the first disagreement, so it is on screen without scrolling.
            hard = [n for n, row in enumerate(view.rows) if row.severity == "conflict"]
            if hard and keep is None:
                self._focus_conflict_row(hard[0])
        if not first or opened:
            self._refresh_annotations()
        if self.search_query:
            self._run_search(self.search_query, notify=False)
        self._update_status()
        # The comparison lives as long as it is shown: keep the cyclic GC from walking its objects on
        # every full collection (those pauses were most of the slow keys on a large comparison).
        import gc

        gc.freeze()
        gc.enable()  # `spacereader read` starts with the collector off (commands/read.py)
        self.ready = True
        if not model.aligned and first and len(model.columns) > 1:
            self.notify(
                "The sentences are shown in reading order: this build has no sentence alignment yet.",
                title="Not aligned",
                timeout=6,
            )

    # ── status ─────────────────────────────────────────────────────────────────────────────────

    @on(ComparisonView.CursorMoved)
    def _cursor_moved(self) -> None:
        self._update_status()

    def _update_status(self) -> None:
        model = self.model
        status = self.query_one("#status", StatusBar)
        if model is None:
            return
        self._update_conflict_bar()
        view = self.view
        conflicts = sum(1 for c in model.comparison.conflicts if c.kind == "conflict")
        others = len(model.comparison.conflicts) - conflicts
        parts: list[Content | tuple[str, str] | str] = []
        total = len(view.rows)
        parts.append((f" row {view.cursor_row + 1 if total else 0}/{total} ", "bold"))
        if self._adding:
            parts.append((f" {self._adding} ", "reverse $text-warning"))
        if view.filter != "all":
            parts.append((f" {FILTER_SHORT[view.filter]} ", "reverse $text-accent"))
        source = view.current_source
        if source is not None:
            label = model.columns[view.cursor_column].label
            sentence = view.current_sentence
            where = f" sentence #{sentence[1]}" if sentence else " (no sentence)"
            parts.append(Content.assemble("  ", (label, "$text-accent"), where))
        parts.append(Content.assemble("  ", (_count(conflicts, "conflict"), "$text-error" if conflicts else "")))
        if others:
            parts.append(f" · {_count(others, 'other difference')}")
        if self.annotations:
            parts.append(f" · {_count(len(self.annotations), 'annotation')}")
        if view.matches:
            current = (view.current_match or 0) + 1
            parts.append(
                Content.assemble("  ", (f"“{self.search_query}” {current}/{len(view.matches)}", "$text-warning"))
            )
        layout = view.layout_info
        if layout.hidden_left or layout.hidden_right:
            parts.append(("  h/l: more sources", "dim"))
        if self.pile is not None:
            parts.append(("  escape: all events", "dim"))
        status.update(Content.assemble(*parts))

    def _update_conflict_bar(self) -> None:
        """Every source's value for the conflicts of the focused row, even those in other rows."""
        bar = self.query_one("#conflict-bar", StatusBar)
        model, row = self.model, self.view.current_row
        conflicts = [c for c in (model.comparison.conflicts if model else ()) if row and c.id in row.conflicts]
        conflicts.sort(key=lambda c: c.kind != "conflict")
        if not conflicts or model is None:
            if bar.display:
                bar.display = False
            return
        short = {c.source: truncate(c.label, 18) for c in model.columns}
        # Three lines where the screen has room (the seeds' age row holds both ages and a name spelled three
        # ways: all of it at a glance), two on a small terminal.
        shown = conflicts[: 3 if self.size.height >= 40 else 2]
        lines = []
        for conflict in shown:
            strong = conflict.kind == "conflict"
            parts: list[Any] = [
                (" ! " if strong else " ~ ", "bold $text-error" if strong else "bold $text-warning"),
                (conflict.heading, "bold"),
                "  ",
            ]
            for n, (text, sources) in enumerate(value_groups(conflict, short)):
                if n:
                    parts.append(("  ·  ", "$text-muted"))
                if conflict.kind == "variant":
                    more = f" +{len(sources) - 1}" if len(sources) > 1 else ""
                    parts.extend([(text, "bold"), " ", (sources[0] + more, "$text-muted")])
                else:
                    parts.extend([(", ".join(sources), "$text-muted"), " ", (text, "bold")])
            lines.append(Content.assemble(*parts))
        if len(conflicts) > len(shown):
            lines[-1] = Content.assemble(lines[-1], (f"  +{len(conflicts) - len(shown)} more (c lists them)", "dim"))
        bar.update(Content("\n").join(lines))
        if bar.styles.height is None or bar.styles.height.value != len(lines):
            bar.styles.height = len(lines)
        if not bar.display:
            bar.display = True

    # ── navigation ─────────────────────────────────────────────────────────────────────────────

    def _step_conflict(self, step: int) -> None:
        view = self.view
        rows = view.rows
        if not rows or not any(r.severity for r in rows):
            self.notify(
                "No conflicts in the rows shown."
                if self.model and self.model.comparison.conflicts
                else "No conflicts found."
            )
            return
        count = len(rows)
        for distance in range(1, count + 1):
            position = (view.cursor_row + step * distance) % count
            if rows[position].severity:
                wrapped = (step > 0 and position <= view.cursor_row) or (step < 0 and position >= view.cursor_row)
                self._focus_conflict_row(position)
                if wrapped:
                    self.notify("Wrapped around to the " + ("first" if step > 0 else "last") + " conflict.", timeout=2)
                return

    def _focus_conflict_row(self, position: int) -> None:
        view = self.view
        model = self.model
        row = view.rows[position]
        source = view.current_source
        if model is not None and (
            source is None
            or source not in row.cells
            or not any((source, i) in model.sentence_conflicts for i in row.cells.get(source, ()))
        ):
            for column in model.columns:
                if any((column.source, i) in model.sentence_conflicts for i in row.cells.get(column.source, ())):
                    source = column.source
                    break
        view.focus_row(position, source)

    def action_next_conflict(self) -> None:
        self._step_conflict(+1)

    def action_previous_conflict(self) -> None:
        self._step_conflict(-1)

    def action_cycle_filter(self) -> None:
        view = self.view
        which = FILTERS[(FILTERS.index(view.filter) + 1) % len(FILTERS)]
        self.apply_filter(which)

    def apply_filter(self, which: Filter) -> None:
        view = self.view
        view.set_filter(which)
        if self.search_query:
            self._run_search(self.search_query, notify=False)
        self.notify(f"Showing {FILTER_LABELS[which]} ({len(view.rows)}).", timeout=2)
        self._update_status()

    def jump_to_source(self, source: str) -> None:
        if self.model is not None:
            self.view.cursor_column = self.model.column_index(source)
            self.view.focus()

    def jump_to_sentence(self, source: str, index: int, *, focus: bool = True) -> bool:
        view = self.view
        if not view.focus_sentence(source, index):
            if view.filter != "all":
                view.set_filter("all")
                self._update_status()
            if not view.focus_sentence(source, index):
                return False
        if focus:
            view.focus()
        return True

    def jump_to_conflict(self, conflict_id: str, value: int = 0, *, focus: bool = True) -> None:
        if self.model is None:
            return
        conflict = next((c for c in self.model.comparison.conflicts if c.id == conflict_id), None)
        if conflict is None or not conflict.values:
            return
        fact = conflict.values[value % len(conflict.values)].fact
        self.jump_to_sentence(fact.source, fact.sentence, focus=focus)

    def on_conflicts_panel_jump(self, message: ConflictsPanel.Jump) -> None:
        # The panel keeps the focus, so one can walk through the conflicts and watch the rows.
        self.jump_to_conflict(message.conflict.id, message.value, focus=False)

    def run_palette_action(self, action: str) -> None:
        target = self.view if action in {b.action for b in Binding.make_bindings(ComparisonView.BINDINGS)} else self
        self.call_later(self.run_action, action, target)

    # ── pivot ──────────────────────────────────────────────────────────────────────────────────

    def action_choose_pivot(self) -> None:
        if self.model is None:
            return
        from spacereader.tui.components.dialogs import PivotScreen

        sources = [(c.source, c.label) for c in self.model.columns]
        self.push_screen(PivotScreen(sources, self.model.pivot), self._pivot_chosen)

    def _pivot_chosen(self, source: str | None) -> None:
        if source:
            self.set_pivot(source)

    def set_pivot(self, source: str) -> None:
        if self.model is None or source == self.model.pivot:
            return
        keep = self.view.current_sentence
        self.notify(f"Pivot: {self.model.columns[self.model.column_index(source)].label}", timeout=2)
        self._analyse(source, keep)

    # ── search ─────────────────────────────────────────────────────────────────────────────────

    async def action_search(self) -> None:
        search = await self._search_input()
        search.display = True
        search.value = self.search_query
        search.focus()

    async def _search_input(self) -> Input:
        found = self.query("#search").results(Input)
        search = next(iter(found), None)
        if search is None:
            search = Input(placeholder="search the articles; enter find · escape cancel", id="search")
            await self.mount(search, before="#conflict-bar")
        return search

    @on(Input.Submitted, "#search")
    def _search_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        event.input.display = False
        self.view.focus()
        self._run_search(event.value.strip(), notify=True)

    def _run_search(self, query: str, *, notify: bool) -> None:
        view = self.view
        self.search_query = query
        if self.model is None or not query:
            view.set_matches([], None)
            self._update_status()
            return
        matches = self.model.search(query, view.rows)
        if not matches:
            view.set_matches([], None)
            if notify:
                self.notify(Content(f"No match for “{query}” in the rows shown."), severity="warning", timeout=3)
            self._update_status()
            return
        order = {c.source: i for i, c in enumerate(self.model.columns)}
        here = (view.cursor_row, view.cursor_column)
        current = next(
            (n for n, m in enumerate(matches) if (m.row, order[m.source]) >= here),
            0,
        )
        view.set_matches(matches, current)
        if notify:
            self._go_to_match(current)
        self._update_status()

    def _go_to_match(self, index: int) -> None:
        view = self.view
        match = view.matches[index]
        view.set_matches(view.matches, index)
        view.focus_row(match.row, match.source)
        self._update_status()

    def _step_match(self, step: int) -> None:
        view = self.view
        if not view.matches:
            if self.search_query:
                self._run_search(self.search_query, notify=True)
            else:
                self.notify("No search: press / to search.", timeout=2)
            return
        index = ((view.current_match if view.current_match is not None else -step) + step) % len(view.matches)
        self._go_to_match(index)

    def action_next_match(self) -> None:
        self._step_match(+1)

    def action_previous_match(self) -> None:
        self._step_match(-1)

    def action_escape(self) -> None:
        search = next(iter(self.query("#search").results(Input)), None)
        if search is not None and search.display:
            search.display = False
            self.view.focus()
            return
        for panel in self.query(".side-panel"):
            if panel.has_class("open"):
                panel.remove_class("open")
                self.view.focus()
                self._update_status()
                return
        if self.view.matches:
            self.search_query = ""
            self.view.set_matches([], None)
            self._update_status()
        elif self.pile is not None:
            self.push_screen("events")

    # ── panels and screens ─────────────────────────────────────────────────────────────────────

    async def _panel(self, panel_type: type) -> Any:
        from spacereader.tui.components.panels import AnnotationsPanel, ConflictsPanel

        panel = next(iter(self.query(panel_type)), None)
        if panel is None:
            panel_id = "conflicts-panel" if panel_type is ConflictsPanel else "annotations-panel"
            panel = panel_type(id=panel_id, classes="side-panel")
            await self.query_one("#main").mount(panel)
            if isinstance(panel, ConflictsPanel) and self.model is not None:
                panel.show(self.model)
            elif isinstance(panel, AnnotationsPanel):
                panel.show(self.annotations, self._source_labels())
        return panel

    def _source_labels(self) -> dict[str, str]:
        return {c.source: c.label for c in self.model.columns} if self.model else {}

    async def _toggle_panel(self, panel_type: type) -> None:
        if self.model is None:
            return
        panel = await self._panel(panel_type)
        opening = not panel.has_class("open")
        for other in self.query(".side-panel"):
            other.remove_class("open")
        if opening:
            panel.add_class("open")
            panel.query_one("OptionList").focus()
        else:
            self.view.focus()
        self.call_after_refresh(self.view._relayout)

    async def action_toggle_conflicts(self) -> None:
        from spacereader.tui.components.panels import ConflictsPanel

        await self._toggle_panel(ConflictsPanel)

    async def action_toggle_annotations(self) -> None:
        from spacereader.tui.components.panels import AnnotationsPanel

        await self._toggle_panel(AnnotationsPanel)

    def action_facts(self) -> None:
        if self.model is None:
            return
        from spacereader.tui.components.panels import FactsScreen

        def jump(target: tuple[str, int] | None) -> None:
            if target:
                self.jump_to_sentence(*target)

        self.push_screen(FactsScreen(self.model), jump)

    def help_groups(self):
        from spacereader.tui.components.help import binding_rows
        from spacereader.tui.components.panels import AnnotationsPanel, ConflictsPanel

        return binding_rows(
            self,
            [
                ("Moving", ComparisonView.BINDINGS),
                ("Reading", [b for b in self.BINDINGS if isinstance(b, Binding) and b.id != "escape"]),
                ("Panels", [*ConflictsPanel.BINDINGS, *AnnotationsPanel.BINDINGS]),
                (
                    "Everywhere",
                    [
                        Binding("escape", "escape", "Close panel / clear search", id="escape"),
                        Binding(
                            "ctrl+p",
                            "command_palette",
                            "Command palette: every action, jump to source or conflict, set pivot, theme",
                            id="palette",
                        ),
                    ],
                ),
            ],
        )

    def legend(self) -> list[tuple[Text, str]]:
        view = self.view
        style = view._style
        base = view.rich_style

        def sample(text: str, *names: str) -> Text:
            result = Text()
            styled = base
            for name in names:
                styled += style(name)
            result.append(text, styled)
            return Text.assemble(result, " " * max(0, 14 - len(text)))

        return [
            (sample("!", "conflict-mark"), "in the gutter: a value in this row contradicts another source"),
            (sample("~", "soft-mark"), "in the gutter: a softer difference (publication dates, rounding, spelling)"),
            (sample("✎", "annotation-mark"), "in the gutter: you annotated a sentence of this row"),
            (sample("37", "age", "conflict"), "a value in conflict with another source"),
            (sample("about 200", "money", "soft"), "a value that differs for a softer reason"),
            (sample("5 October", "date"), "a date"),
            (sample("37-year-old", "age"), "an age"),
            (sample("$20 million", "money"), "money"),
            (sample("12 days", "duration"), "a duration"),
            (sample("three", "count"), "a count"),
            (sample("Yuliya", "variant"), "a name spelled differently from the other sources"),
            (sample("filmmaker", "diff"), "words that differ from the row's pivot sentence"),
            (sample("dim text", "unique"), "a sentence only one source has"),
            (sample("match", "match"), "a search match (] next, [ previous)"),
            (sample("◆ Outlet", "header-pivot"), "the pivot source (p to change)"),
            (sample("◀ 2 more", "header-more"), "sources scrolled out of view (h/l)"),
            (sample("▌", "cursor-mark"), "the focused row; the focused source's cell is highlighted"),
            (sample("· only in X", "only-in"), "a row whose sentences are all in sources scrolled out of view"),
            (
                Text.assemble(("! Name · age", "bold"), " " * 2),
                "bar above the status line: every source's value for the focused row's conflicts",
            ),
            (
                Text.assemble(("row 3/41", "bold"), " " * 6),
                "status line: row, filter, focused source and sentence, counts, search matches",
            ),
        ]

    def action_help(self) -> None:
        from spacereader.tui.components.help import HelpScreen

        if self.model is None:
            return
        self.push_screen(HelpScreen(self.help_groups(), self.legend()))

    # ── annotations ────────────────────────────────────────────────────────────────────────────

    @work(thread=True, exclusive=True, group="store")
    def _open_store(self) -> None:
        try:
            from spacereader.annotations import AnnotationStore

            store = AnnotationStore.open(self.data_dir)
        except Exception as error:  # the reader stays usable without annotations
            self.call_from_thread(self.notify, Content(str(error)), title="Annotations unavailable", severity="error")
            return
        self.store = store
        self._store_version = self._data_version()
        self._load_annotations()
        # Another reader or the CLI may change the store: look every two seconds (a cheap PRAGMA).
        self.call_from_thread(self.set_interval, 2.0, self._poll_store)

    def _data_version(self) -> int | None:
        try:
            return int(self.store.data_version())
        except Exception:
            return None

    @work(thread=True, exclusive=True, group="store-poll")
    def _poll_store(self) -> None:
        if self.store is None:
            return
        version = self._data_version()
        if version is not None and version != getattr(self, "_store_version", None):
            self._store_version = version
            self._load_annotations()

    def _load_annotations(self) -> None:
        """In a worker thread: re-read and re-anchor the annotations of the comparison on screen."""
        model = self.model
        if self.store is None or model is None:
            return
        annotations = self.store.for_comparison(model.comparison)
        self.call_from_thread(self._show_annotations, annotations)

    @work(thread=True, group="store")
    def _refresh_annotations(self) -> None:
        self._load_annotations()

    def _show_annotations(self, annotations: tuple) -> None:
        self.annotations = annotations
        self._say_what_changed(annotations)
        self.view.set_annotated((a.source, a.sentence) for a in annotations if a.sentence is not None)
        for panel in self.query("AnnotationsPanel"):
            cast("AnnotationsPanel", panel).show(annotations, self._source_labels())
        self._update_status()

    def _say_what_changed(self, annotations: tuple) -> None:
        """Once per source: its text is no longer the one its annotations were made on (a page edited
        since, a file changed); they have been re-anchored, and those that could not be are orphaned."""
        model = self.model
        if model is None:
            return
        changed: dict[str, list] = {}
        for annotation in annotations:
            try:
                article = model.comparison.article(annotation.source)
            except KeyError:
                continue
            if annotation.sha256 and annotation.sha256 != article.sha256:
                changed.setdefault(article.id, []).append(annotation)
        for source, moved in changed.items():
            if source in self._told_changed:
                continue
            self._told_changed.add(source)
            article = model.comparison.article(source)
            orphaned = sum(1 for a in moved if a.sentence is None)
            web = "://" in article.path
            what = "The page" if web else "The text"
            placed = f"{_count(len(moved) - orphaned, 'annotation')} re-anchored"
            lost = f", {orphaned} could not be placed (orphaned, see A)" if orphaned else ""
            hint = " To see what changed: ctrl+p, “What changed in …”." if web else ""
            self.notify(
                Content(f"{what} of {article.label} has changed since it was annotated: {placed}{lost}.{hint}"),
                title="Source changed",
                severity="warning",
                timeout=10,
            )

    def _annotations_at(self, source: str, index: int) -> list:
        found = [a for a in self.annotations if a.source == source and a.sentence == index]
        return sorted(found, key=lambda a: a.updated)

    def action_annotate_new(self) -> None:
        """Another annotation on the focused sentence, even when it has one already."""
        self.action_annotate(new=True)

    def action_annotate(self, new: bool = False) -> None:
        model = self.model
        if model is None:
            return
        if self.store is None:
            self.notify("The annotation store is not open.", severity="error")
            return
        target = self.view.current_sentence
        if target is None:
            self.notify("Nothing to annotate here: this source has no sentence in this row.", severity="warning")
            return
        source, index = target
        self.open_annotation_dialog(source, index, new=new)

    def open_annotation_dialog(
        self,
        source: str,
        index: int,
        *,
        label: str | None = None,
        note: str | None = None,
        editing_id: str | None = None,
        new: bool = False,
    ) -> None:
        from spacereader.annotations import LABELS
        from spacereader.tui.components.dialogs import AnnotationDialog

        model = self.model
        assert model is not None
        sentence = model.comparison.sentence(source, index)
        existing = self._annotations_at(source, index)
        current = None
        if editing_id is not None:
            current = next((a for a in self.annotations if a.id == editing_id), None)
        elif existing and not new:
            current = existing[-1]
        column = model.columns[model.column_index(source)]
        title = f"{'Edit annotation' if current else 'Annotate'} · {column.label} · sentence #{index}"
        try:
            labels = tuple(self.store.labels(self._labels))
        except Exception:
            labels = self._labels or LABELS
        dialog = AnnotationDialog(
            title,
            sentence.text,
            labels,
            label=label or (current.label if current else "note"),
            note=note if note is not None else (current.note if current else ""),
            editing=current is not None,
        )
        annotation_id = current.id if current else None

        def done(result) -> None:
            if result is None:
                return
            if result.action == "delete" and annotation_id:
                self._confirm_delete(annotation_id)
            elif result.action == "save":
                self._save_annotation(source, index, result.label, result.note, annotation_id)

        self.push_screen(dialog, done)

    @work(thread=True, group="store-write")
    def _save_annotation(self, source: str, index: int, label: str, note: str, annotation_id: str | None) -> None:
        model = self.model
        assert model is not None  # the dialog that asked for this save needs a comparison on screen
        try:
            if annotation_id:
                self.store.update(annotation_id, label=label, note=note)
            else:
                article = model.comparison.article(source)
                self.store.add(article, model.comparison.sentence(source, index), label, note)
        except Exception as error:
            reason = str(error)

            # Not saved: say so and give the text back in the dialog, so nothing typed is lost.
            def retry() -> None:
                self.notify(Content(f"Not saved: {reason}"), title="Annotation", severity="error", timeout=10)
                self.open_annotation_dialog(source, index, label=label, note=note, editing_id=annotation_id)

            self.call_from_thread(retry)
            return
        self._load_annotations()
        self.call_from_thread(self.notify, f"Annotation saved ({label}).", timeout=2)

    def _confirm_delete(self, annotation_id: str) -> None:
        from spacereader.tui.components.dialogs import ConfirmScreen

        annotation = next((a for a in self.annotations if a.id == annotation_id), None)
        what = f"the {annotation.label!r} annotation" if annotation else "this annotation"

        def answer(yes: bool | None) -> None:
            if yes:
                self._delete_annotation(annotation_id)

        self.push_screen(ConfirmScreen(f"Delete {what}?", yes="Delete"), answer)

    @work(thread=True, group="store-write")
    def _delete_annotation(self, annotation_id: str) -> None:
        try:
            self.store.delete(annotation_id)
        except Exception as error:
            self.call_from_thread(self.notify, Content(f"Not deleted: {error}"), severity="error")
            return
        self._load_annotations()
        self.call_from_thread(self.notify, "Annotation deleted.", timeout=2)

    def on_annotations_panel_jump(self, message: AnnotationsPanel.Jump) -> None:
        annotation = next((a for a in self.annotations if a.id == message.annotation_id), None)
        if annotation is None:
            return
        if annotation.sentence is None:
            self.notify("This annotation's sentence is no longer in the article.", severity="warning")
            return
        self.jump_to_sentence(annotation.source, annotation.sentence, focus=False)

    def on_annotations_panel_delete(self, message: AnnotationsPanel.Delete) -> None:
        self._confirm_delete(message.annotation_id)

    def _step_annotation(self, step: int) -> None:
        view = self.view
        model = self.model
        if model is None:
            return
        positions = {row.index: n for n, row in enumerate(view.rows)}
        spots = sorted(
            {
                (positions[r], a.source, a.sentence)
                for a in self.annotations
                if a.sentence is not None
                and (r := model.row_of_sentence.get((a.source, a.sentence))) is not None
                and r in positions
            }
        )
        if not spots:
            self.notify("No annotations in the rows shown.", timeout=2)
            return
        here = (view.cursor_row, view.cursor_column)
        order = {c.source: i for i, c in enumerate(model.columns)}
        keyed = [((p, order[s]), s, i) for p, s, i in spots]
        if step > 0:
            after = [k for k in keyed if k[0] > here]
            target = after[0] if after else keyed[0]
        else:
            before = [k for k in keyed if k[0] < here]
            target = before[-1] if before else keyed[-1]
        self.jump_to_sentence(target[1], target[2])

    def action_next_annotation(self) -> None:
        self._step_annotation(+1)

    def action_previous_annotation(self) -> None:
        self._step_annotation(-1)

    # ── adding a source ────────────────────────────────────────────────────────────────────────

    def action_add_source(self) -> None:
        if self.model is None:
            return
        from spacereader.tui.components.dialogs import SourceDialog

        def chosen(value: str | None) -> None:
            if value:
                self._adding = f"adding {truncate(value, 40)}…"
                self._update_status()
                self._add_source(value)

        self.push_screen(SourceDialog(), chosen)

    @work(thread=True, exclusive=True, group="add-source")
    def _add_source(self, value: str) -> None:
        """Load one more input (fetching it if it is a web address), then re-align with it; focus stays put."""
        import os

        from spacereader.sources import is_url
        from spacereader.sources.load import load_paths

        model = self.model
        assert model is not None  # the dialog needs a comparison on screen
        existing = tuple(self._articles) or model.comparison.articles

        def progress(step: str, done: int, total: int) -> None:
            self.call_from_thread(self._adding_progress, f"{step} {done}/{total}")

        target = value if is_url(value) else os.path.expanduser(value)
        try:
            articles, errors = load_paths(
                [target], encoding=self.encoding, web=self.web, progress=progress, taken=[a.id for a in existing]
            )
        except Exception as error:  # never lose the comparison on screen to one bad input
            articles, errors = (), ()
            self.call_from_thread(self.notify, Content(f"{value}: {error}"), title="Could not load", severity="error")
        new = [a for a in articles if not any(_same_article(a, old) for old in existing)]
        self.call_from_thread(self._report_errors, errors)
        if not new:
            self.call_from_thread(self._adding_progress, None)
            if articles:
                self.call_from_thread(self.notify, Content(f"{value} is open already."), timeout=4)
            return
        self._articles = (*existing, *new)
        self._errors = (*self._errors, *errors)
        labels = ", ".join(article.label for article in new)
        self.call_from_thread(self._adding_progress, f"aligning {len(self._articles)} sources")
        self.call_from_thread(self._analyse_added, Content(f"Added {labels}."))

    def show_changes(self, source: str) -> None:
        """What changed in a web source since the earlier version the cache keeps."""
        if self.model is not None:
            self._load_changes(self.model.comparison.article(source))

    @work(thread=True, group="changes")
    def _load_changes(self, article: Any) -> None:
        import datetime as dt

        from spacereader.sources.options import WebOptions
        from spacereader.sources.web import earlier_text

        found = earlier_text(article.path, self.web or WebOptions())
        if found is None:
            message = f"No earlier version of {article.label} is kept: it has not changed since it was first fetched."
            self.call_from_thread(self.notify, Content(message), timeout=5)
            return
        text, fetched = found
        when = dt.datetime.fromtimestamp(fetched).strftime("%Y-%m-%d %H:%M")
        from spacereader.tui.components.changes import ChangesScreen

        self.call_from_thread(self.push_screen, ChangesScreen(article.label, when, text, article.body))

    def _adding_progress(self, text: str | None) -> None:
        self._adding = text
        self._update_status()

    def _analyse_added(self, message: Content) -> None:
        model = self.model
        if model is None:
            return
        self._analyse(model.pivot, self.view.current_sentence)
        self.notify(message, title="Source added", timeout=4)

    # ── export ─────────────────────────────────────────────────────────────────────────────────

    def action_export(self) -> None:
        if self.model is None:
            return
        from spacereader.export import DESCRIPTIONS, FORMATS, SUFFIXES
        from spacereader.tui.components.dialogs import ExportDialog

        def chosen(request) -> None:
            if request is None:
                return
            try:
                path = Path(request.path).expanduser()
                is_dir, parent_ok, exists = path.is_dir(), path.parent.is_dir(), path.exists()
            except (OSError, RuntimeError, ValueError) as error:  # "~nobody/x", a NUL byte, no permission
                self.notify(f"Cannot export to {request.path}: {error}", severity="error")
                return
            if is_dir:
                self.notify(f"{path} is a directory; give a file name.", severity="error")
                return
            if not parent_ok:
                self.notify(f"The directory {path.parent} does not exist.", severity="error")
                return
            if exists:
                from spacereader.tui.components.dialogs import ConfirmScreen

                def answer(yes: bool | None) -> None:
                    if yes:
                        self._export(request.fmt, path)

                self.push_screen(ConfirmScreen(f"{path} exists. Overwrite it?", yes="Overwrite"), answer)
            else:
                self._export(request.fmt, path)

        self.push_screen(ExportDialog(tuple(FORMATS), dict(SUFFIXES), dict(DESCRIPTIONS)), chosen)

    @work(thread=True, group="export")
    def _export(self, fmt: str, path: Path) -> None:
        from spacereader.atomic import write_atomic
        from spacereader.export import render

        if self.model is None:
            return
        try:
            text = render(self.model.comparison, self.annotations, fmt)
            write_atomic(path, text)
        except Exception as error:
            self.call_from_thread(self.notify, Content(f"Export failed: {error}"), severity="error", timeout=10)
            return
        self.call_from_thread(self.notify, Content(f"Exported {fmt} to {path}"), title="Export", timeout=8)

    # ── quitting ───────────────────────────────────────────────────────────────────────────────

    async def action_quit(self) -> None:
        # Let a save in flight commit before the process goes: the UI may already show it.
        for worker in list(self.workers):
            if worker.group == "store-write":
                await worker.wait()
        if self.store is not None:
            self.store.close()
        self.exit(0)


def _prepare(comparison: Any) -> ReaderModel:
    """The view model, with every cell's text ready for the first layout."""
    model = ReaderModel(comparison)
    for row in model.rows:
        for source, indices in row.cells.items():
            model.cell_text(source, indices)
    return model


def _is_pile(result: Any) -> bool:
    """Whether an analysis result is a pile of events. Only a pile imports its module (one comparison
    never does: the reader starts without the engine)."""
    module = sys.modules.get("spacereader.pile")
    return module is not None and isinstance(result, module.Pile)


def _same_article(new: Any, old: Any) -> bool:
    """Whether an added article is one already open: the same URL, the same file, or the same text."""
    from spacereader.annotations import article_path, normalize_url

    if new.url and old.url:
        return bool(normalize_url(new.url) == normalize_url(old.url))
    path = article_path(new)
    return (path is not None and path == article_path(old)) or new.sha256 == old.sha256


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def run_reader(args: argparse.Namespace, analysis: Any = None, preloaded: Any = None, web: Any = None) -> int:
    """Entry point of `spacereader [read]`: the interactive reader, or a headless screenshot.

    `web`: the options of web inputs (None: the defaults)."""
    app = ReaderApp(
        getattr(args, "paths", None) or [],
        pivot=getattr(args, "pivot", None),
        threshold=getattr(args, "threshold", None),
        data_dir=getattr(args, "data_dir", None),
        encoding=getattr(args, "encoding", None),
        analysis=analysis,
        preloaded=preloaded,
        web=web,
        event=getattr(args, "event", None),
    )
    if getattr(args, "screenshot", None):
        from spacereader.tui.screenshots import take_screenshot

        return take_screenshot(app, args.screenshot, size=args.size, press=args.press)
    code = app.run()
    if app.failure:
        from spacereader.cli import UsageError

        raise UsageError(app.failure)
    return int(code or 0)
