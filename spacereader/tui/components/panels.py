"""The side panels (conflicts, annotations) and the facts screen."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import DataTable, Label, OptionList, Static
from textual.widgets.option_list import Option

from spacereader.model import Conflict
from spacereader.tui.viewmodel import ReaderModel, conflict_severity, value_groups

#: Source columns of the facts table are keyed apart from its own "entity" and "attribute" columns
#: (a source may be called "entity").
SOURCE_KEY = "source:"

KIND_WORDS = {
    "conflict": "sources disagree",
    "time-shift": "differs by publication date",
    "approximation": "rounded vs precise",
    "variant": "spelling variant",
}


def conflict_prompt(conflict: Conflict, model: ReaderModel) -> Content:
    strong = conflict_severity(conflict) == "conflict" and conflict.kind != "variant"
    mark = ("! ", "bold $text-error") if strong else ("~ ", "bold $text-warning")
    lines = [
        Content.assemble(
            mark,
            (conflict.heading, "bold"),
            (f"  {KIND_WORDS.get(conflict.kind, conflict.kind)}", "dim"),
        )
    ]
    labels = {c.source: c.label for c in model.columns}
    for text, sources in value_groups(conflict, labels):
        if conflict.kind == "variant":
            lines.append(Content.assemble("   ", (text, "bold"), ("  " + ", ".join(sources), "dim")))
        else:
            lines.append(Content.assemble("   ", (", ".join(sources), "dim"), ": ", (text, "bold")))
    explanation = " ".join(conflict.explanation.split())
    if explanation:
        if len(explanation) > 160:
            explanation = explanation[:159].rsplit(" ", 1)[0] + " …"
        lines.append(Content.assemble("   ", (explanation, "italic dim")))
    return Content("\n").join(lines)


class ConflictsPanel(Vertical):
    """Every conflict: what it is about, then each source's value; enter jumps to the row."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "Close panel", id="panel.close")]

    class Jump(Message):
        def __init__(self, conflict: Conflict, value: int) -> None:
            super().__init__()
            self.conflict = conflict
            self.value = value

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.conflicts: tuple[Conflict, ...] = ()
        self._last: tuple[str, int] | None = None

    def compose(self) -> ComposeResult:
        yield Label("Conflicts", classes="panel-title")
        yield Static("enter jump, again: next source · esc close", classes="panel-hint")
        yield OptionList(id="conflict-list")

    def show(self, model: ReaderModel) -> None:
        comparison = model.comparison
        self.conflicts = comparison.conflicts
        options = self.query_one(OptionList)
        options.clear_options()
        if not self.conflicts:
            options.add_option(Option(Content("No conflicts found between these sources."), disabled=True))
            return
        options.add_options(Option(conflict_prompt(conflict, model), id=conflict.id) for conflict in self.conflicts)
        options.highlighted = 0

    @on(OptionList.OptionSelected)
    def selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        conflict = next((c for c in self.conflicts if c.id == event.option.id), None)
        if conflict is None:
            return
        value = 0
        if self._last is not None and self._last[0] == conflict.id:
            value = (self._last[1] + 1) % max(1, len(conflict.values))
        self._last = (conflict.id, value)
        self.post_message(self.Jump(conflict, value))

    async def action_close(self) -> None:
        await self.app.action_toggle_conflicts()  # type: ignore[attr-defined]


class AnnotationsPanel(Vertical):
    """Every annotation of these articles; enter jumps, d deletes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close panel", id="panel.close"),
        Binding("d,delete", "delete", "Delete annotation", id="annotation.delete"),
    ]

    class Jump(Message):
        def __init__(self, annotation_id: str) -> None:
            super().__init__()
            self.annotation_id = annotation_id

    class Delete(Message):
        def __init__(self, annotation_id: str) -> None:
            super().__init__()
            self.annotation_id = annotation_id

    def compose(self) -> ComposeResult:
        yield Label("Annotations", classes="panel-title")
        yield Static("enter jump · a edit · d delete · esc close", classes="panel-hint")
        yield OptionList(id="annotation-list")

    def show(self, annotations, labels: dict[str, str]) -> None:
        options = self.query_one(OptionList)
        highlighted = options.highlighted
        options.clear_options()
        if not annotations:
            options.add_option(Option(Content("No annotations yet: press a on a sentence."), disabled=True))
            return
        for annotation in annotations:
            where = f"sentence #{annotation.sentence}" if annotation.sentence is not None else "sentence not found"
            status = "" if annotation.status == "anchored" else f" ({annotation.status})"
            lines = [
                Content.assemble(
                    ("✎ ", "$text-accent"),
                    (annotation.label, "bold"),
                    " · ",
                    (labels.get(annotation.source, annotation.source), "dim"),
                    (f" · {where}{status}", "dim"),
                )
            ]
            if annotation.note:
                lines.append(Content.assemble("   ", Content(" ".join(annotation.note.split())[:200])))
            lines.append(Content.assemble("   ", (f"“{' '.join(annotation.quote.split())[:120]}”", "italic dim")))
            options.add_option(Option(Content("\n").join(lines), id=annotation.id))
        options.highlighted = min(highlighted or 0, options.option_count - 1)

    @on(OptionList.OptionSelected)
    def selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(self.Jump(event.option.id))

    def action_delete(self) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is None:
            return
        option = options.get_option_at_index(options.highlighted)
        if option.id:
            self.post_message(self.Delete(option.id))

    async def action_close(self) -> None:
        await self.app.action_toggle_annotations()  # type: ignore[attr-defined]


class FactsScreen(ModalScreen[tuple[str, int] | None]):
    """Entities × sources: what each source says about each entity; enter jumps to the sentence."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,F,q", "dismiss(None)", "Close", id="facts.close")]

    def __init__(self, model: ReaderModel) -> None:
        super().__init__()
        self.model = model
        self._targets: dict[str, tuple[str, int]] = {}

    def compose(self) -> ComposeResult:
        with Vertical(id="facts"):
            yield Label("Facts: what each source says", classes="panel-title")
            yield Static(
                "One row per entity and attribute; conflicting values in red. enter jump · escape close",
                classes="panel-hint",
            )
            yield DataTable(id="facts-table", cursor_type="cell", zebra_stripes=True)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        model = self.model
        comparison = model.comparison
        conflicting = {
            (v.fact.source, v.fact.start, v.fact.end)
            for c in comparison.conflicts
            if c.kind == "conflict"
            for v in c.values
        }
        grouped: dict[tuple[str, str], dict[str, list]] = {}
        for fact in comparison.facts:
            entity = fact.entity or "—"
            grouped.setdefault((entity, fact.attribute), {}).setdefault(fact.source, []).append(fact)
        rows = []
        rank = {attribute: n for n, attribute in enumerate(("age", "date", "money", "duration", "count", "name"))}

        def order(item):
            (entity, attribute), by_source = item
            disputed = any((f.source, f.start, f.end) in conflicting for fs in by_source.values() for f in fs)
            # disagreements first, then figures before names, then sourced by more outlets
            return (not disputed, rank.get(attribute, 9), entity == "—", -len(by_source), entity)

        for (entity, attribute), by_source in sorted(grouped.items(), key=order):
            cells = []
            for column in model.columns:
                parts = []
                shown: set[str] = set()
                for fact in by_source.get(column.source, []):
                    value = " ".join(fact.value.split())
                    if value.casefold() in shown:
                        continue
                    shown.add(value.casefold())
                    strong = (fact.source, fact.start, fact.end) in conflicting
                    parts.append(Content.styled(value, "bold $text-error") if strong else Content(value))
                cells.append(Content("; ").join(parts))
            key = f"{entity}\x00{attribute}"
            first = next(iter(by_source.values()))[0]
            self._targets[key] = (first.source, first.sentence)
            for source, facts in by_source.items():
                self._targets[f"{key}\x00{source}"] = (source, facts[0].sentence)
            rows.append((key, Content(entity), Content(attribute), cells))

        def width(values, header: str, cap: int) -> int:
            return min(cap, max([len(header), *(v.cell_length for v in values)]))

        table.add_column("Entity", key="entity", width=width([r[1] for r in rows], "Entity", 28))
        table.add_column("Attribute", key="attribute", width=width([r[2] for r in rows], "Attribute", 10))
        for n, column in enumerate(model.columns):
            heading = Text(column.label)  # a str would be read as markup; article text never is
            table.add_column(
                heading, key=f"{SOURCE_KEY}{column.source}", width=width([r[3][n] for r in rows], column.label[:24], 24)
            )
        if not rows:
            table.add_row(Content("No facts found."), "", *["" for _ in model.columns])
        for row_key, entity_cell, attribute_cell, value_cells in rows:
            table.add_row(entity_cell, attribute_cell, *value_cells, key=row_key)
        table.focus()

    @on(DataTable.CellSelected)
    def selected(self, event: DataTable.CellSelected) -> None:
        row_key = str(event.cell_key.row_key.value)
        source = str(event.cell_key.column_key.value).removeprefix(SOURCE_KEY)
        target = self._targets.get(f"{row_key}\x00{source}") or self._targets.get(row_key)
        if target is not None:
            self.dismiss(target)
