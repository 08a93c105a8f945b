"""Modal screens: pick a pivot, annotate a sentence, add a source, export, confirm."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option


class PivotScreen(ModalScreen[str | None]):
    """Choose the source the rows follow and the word differences are measured against."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss(None)", "Cancel", id="dialog.cancel")]

    def __init__(self, sources: list[tuple[str, str]], current: str | None) -> None:
        super().__init__()
        self.sources = sources
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Pivot source", classes="dialog-title")
            yield Static("The rows follow the pivot's reading order; differences are measured against it.")
            options = [
                Option(Content.assemble(("◆ " if s == self.current else "  "), label, (f"  {s}", "dim")), id=s)
                for s, label in self.sources
            ]
            yield OptionList(*options, id="pivot-options")
            yield Static("enter choose · escape cancel", classes="dialog-hint")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        ids = [s for s, _ in self.sources]
        if self.current in ids:
            options.highlighted = ids.index(self.current)

    @on(OptionList.OptionSelected)
    def chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)


@dataclass(frozen=True, slots=True)
class AnnotationResult:
    """What the annotation dialog asks for: save (label, note) or delete."""

    action: str  # "save" or "delete"
    label: str = "note"
    note: str = ""


class AnnotationDialog(ModalScreen[AnnotationResult | None]):
    """Annotate one sentence: the note field has focus, enter saves, escape cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss(None)", "Cancel", id="dialog.cancel")]

    def __init__(
        self,
        title: str,
        quote: str,
        labels: tuple[str, ...],
        *,
        label: str = "note",
        note: str = "",
        editing: bool = False,
    ) -> None:
        super().__init__()
        self.dialog_title = title
        self.quote = quote
        self.labels = labels if label in labels else (*labels, label)
        self.label = label
        self.note = note
        self.editing = editing

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="annotation-dialog"):
            yield Label(Content(self.dialog_title), classes="dialog-title")
            yield Static(Content(self.quote), classes="quote")
            with Horizontal(classes="field"):
                yield Label("Label", classes="field-label")
                yield Select(
                    [(Content(label), label) for label in self.labels], value=self.label, allow_blank=False, id="label"
                )
            with Horizontal(classes="field"):
                yield Label("Note", classes="field-label")
                yield Input(self.note, placeholder="type a note; enter saves", id="note")
            with Horizontal(classes="buttons"):
                yield Button("Save", variant="primary", id="save")
                if self.editing:
                    yield Button("Delete", variant="error", id="delete")
                yield Button("Cancel", id="cancel")
            yield Static("enter save · tab next field · escape cancel", classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#note", Input).focus()

    def _result(self) -> AnnotationResult:
        label = self.query_one("#label", Select).value
        note = self.query_one("#note", Input).value
        return AnnotationResult("save", str(label) if isinstance(label, str) else "note", note)

    @on(Input.Submitted, "#note")
    def submitted(self) -> None:
        self.dismiss(self._result())

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.dismiss(self._result())
        elif event.button.id == "delete":
            self.dismiss(AnnotationResult("delete"))
        else:
            self.dismiss(None)


class SourceDialog(ModalScreen[str | None]):
    """Add a source: a web address, a saved page, a feed, a file or a directory; enter adds, escape cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss(None)", "Cancel", id="dialog.cancel")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="source-dialog"):
            yield Label("Add a source", classes="dialog-title")
            yield Static("A web address (https://…), a feed, a saved page (.html), a text or Markdown file, or a directory.")
            with Horizontal(classes="field"):
                yield Label("From", classes="field-label")
                yield Input(placeholder="https://… or a path", id="source")
            with Horizontal(classes="buttons"):
                yield Button("Add", variant="primary", id="add")
                yield Button("Cancel", id="cancel")
            yield Static("enter add · escape cancel", classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#source", Input).focus()

    def _value(self) -> str | None:
        value = self.query_one("#source", Input).value.strip()
        if not value:
            self.notify("Give a web address or a path.", severity="warning")
            return None
        return value

    @on(Input.Submitted, "#source")
    def submitted(self) -> None:
        value = self._value()
        if value:
            self.dismiss(value)

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "add":
            value = self._value()
            if value:
                self.dismiss(value)
        else:
            self.dismiss(None)


@dataclass(frozen=True, slots=True)
class ExportRequest:
    fmt: str
    path: str


class ExportDialog(ModalScreen[ExportRequest | None]):
    """Choose a format and a path for the export."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss(None)", "Cancel", id="dialog.cancel")]

    def __init__(
        self,
        formats: tuple[str, ...],
        suffixes: dict[str, str],
        descriptions: dict[str, str],
        default_stem: str = "spacereader-report",
    ) -> None:
        super().__init__()
        self.formats = formats
        self.suffixes = suffixes
        self.descriptions = descriptions
        self.stem = default_stem

    def compose(self) -> ComposeResult:
        first = self.formats[0] if self.formats else "md"
        with Vertical(classes="dialog", id="export-dialog"):
            yield Label("Export the comparison and its annotations", classes="dialog-title")
            with Horizontal(classes="field"):
                yield Label("Format", classes="field-label")
                yield Select(
                    [(f"{self.descriptions.get(f, f)} ({f})", f) for f in self.formats],
                    value=first,
                    allow_blank=False,
                    id="format",
                )
            with Horizontal(classes="field"):
                yield Label("File", classes="field-label")
                yield Input(str(Path.cwd() / f"{self.stem}{self._suffix(first)}"), id="path")
            with Horizontal(classes="buttons"):
                yield Button("Export", variant="primary", id="export")
                yield Button("Cancel", id="cancel")
            yield Static("enter export · escape cancel", classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#path", Input).focus()

    @on(Select.Changed, "#format")
    def format_changed(self, event: Select.Changed) -> None:
        path_input = self.query_one("#path", Input)
        path = Path(path_input.value)
        if isinstance(event.value, str) and path.suffix in {self._suffix(f) for f in self.formats}:
            path_input.value = str(path.with_suffix(self._suffix(event.value)))

    def _suffix(self, fmt: str) -> str:
        return self.suffixes.get(fmt, "." + fmt)

    def _request(self) -> ExportRequest | None:
        fmt = self.query_one("#format", Select).value
        path = self.query_one("#path", Input).value.strip()
        if not path or not isinstance(fmt, str):
            self.notify("Give a file to write to.", severity="warning")
            return None
        return ExportRequest(fmt, path)

    @on(Input.Submitted, "#path")
    def submitted(self) -> None:
        request = self._request()
        if request:
            self.dismiss(request)

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "export":
            request = self._request()
            if request:
                self.dismiss(request)
        else:
            self.dismiss(None)


class ConfirmScreen(ModalScreen[bool]):
    """A yes/no question; `y`/enter yes, `n`/escape no."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "dismiss(True)", "Yes", id="confirm.yes"),
        Binding("n,escape", "dismiss(False)", "No", id="confirm.no"),
    ]

    def __init__(self, question: str, yes: str = "Yes") -> None:
        super().__init__()
        self.question = question
        self.yes = yes

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="confirm-dialog"):
            yield Static(Content(self.question), classes="dialog-title")
            with Horizontal(classes="buttons"):
                yield Button(self.yes, variant="error", id="yes")
                yield Button("No", id="no")
            yield Static("y yes · n/escape no", classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")
