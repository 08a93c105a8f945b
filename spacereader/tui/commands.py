"""The command palette: every reader action, plus jumps built from the comparison on screen."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher
from textual.markup import escape

from spacereader.tui.viewmodel import FILTER_LABELS, FILTERS

if TYPE_CHECKING:
    from spacereader.tui.app import ReaderApp


class ReaderCommands(Provider):
    """Hits from the app's bindings and from the current comparison (sources, conflicts, pivots)."""

    def _commands(self) -> Iterator[tuple[str, Callable[[], object], str]]:
        app: ReaderApp = self.app  # type: ignore[assignment]
        if app.screen.id == "events-screen":  # nothing to act on until an event is open
            return
        seen: set[str] = set()
        for binding in Binding.make_bindings([*app.BINDINGS, *app.view_bindings()]):
            if not binding.description or binding.action in seen or binding.action == "command_palette":
                continue
            seen.add(binding.action)
            yield binding.description, partial(app.run_palette_action, binding.action), f"key {binding.key}"
        model = app.model
        if model is None:
            return
        yield (
            "New annotation on the focused sentence",
            app.action_annotate_new,
            "even when it is annotated already (a edits the latest)",
        )
        for which in FILTERS:
            yield f"Filter: {FILTER_LABELS[which]}", partial(app.apply_filter, which), "which rows show"
        for column in model.columns:
            yield f"Jump to source {column.label}", partial(app.jump_to_source, column.source), column.source
        for column in model.columns:
            article = model.comparison.article(column.source)
            if "://" in article.path:  # fetched: the cache may keep the version before the page last changed
                yield (
                    f"What changed in {column.label}",
                    partial(app.show_changes, column.source),
                    "since the earlier version of the page",
                )
        for column in model.columns:
            if not column.pivot:
                yield f"Set pivot {column.label}", partial(app.set_pivot, column.source), "rows follow this source"
        for conflict in model.comparison.conflicts:
            values = " / ".join(v.fact.value for v in conflict.values)
            yield (
                f"Jump to conflict about {conflict.topic or conflict.heading}",
                partial(app.jump_to_conflict, conflict.id),
                values,
            )

    # Outlets, titles, names and quoted values come from articles: the palette reads a str prompt or
    # help as markup, so prompts are `Content` and help text is escaped.
    async def discover(self) -> Hits:
        for text, command, help_text in self._commands():
            yield DiscoveryHit(Content(text), command, text=text, help=escape(help_text))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, command, help_text in self._commands():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, _highlight(matcher, text), command, text=text, help=escape(help_text))


def _highlight(matcher: Matcher, text: str) -> Content:
    """`Matcher.highlight` without reading `text` as markup."""
    content = Content(text)
    _score, offsets = matcher.fuzzy_search.match(matcher.query, text)
    for offset in offsets:
        if not text[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content
