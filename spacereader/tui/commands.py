"""The command palette: every reader action, plus jumps built from the comparison on screen."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider

from spacereader.tui.viewmodel import FILTER_LABELS, FILTERS

if TYPE_CHECKING:
    from spacereader.tui.app import ReaderApp


class ReaderCommands(Provider):
    """Hits from the app's bindings and from the current comparison (sources, conflicts, pivots)."""

    def _commands(self) -> Iterator[tuple[str, Callable[[], object], str]]:
        app: ReaderApp = self.app  # type: ignore[assignment]
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
            if not column.pivot:
                yield f"Set pivot {column.label}", partial(app.set_pivot, column.source), "rows follow this source"
        names = {entity.id: entity.name for entity in model.comparison.entities}
        for conflict in model.comparison.conflicts:
            about = names.get(conflict.entity or "", conflict.entity or "(unnamed)")
            values = " / ".join(v.fact.value for v in conflict.values)
            yield (
                f"Jump to conflict about {about} · {conflict.attribute}",
                partial(app.jump_to_conflict, conflict.id),
                values,
            )

    async def discover(self) -> Hits:
        for text, command, help_text in self._commands():
            yield DiscoveryHit(text, command, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, command, help_text in self._commands():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), command, text=text, help=help_text)
