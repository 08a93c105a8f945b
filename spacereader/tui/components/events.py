"""The events screen: the events of a pile, one line each, most covered first; enter opens one.

The same columns as `spacereader events`: id, sources, first and last publication date, conflicts found
inside the event, its headline, its outlets. `/` filters the lines as you type (any of those words,
case-insensitive); escape clears the filter, or goes back to the comparison that was open.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Input, Label, Static

from spacereader.tui.components.status import ReaderFooter

COLUMNS = ("ID", "Sources", "First", "Last", "Conflicts", "Headline", "Outlets")
#: The widest each column gets (cells): headlines and outlet lists are cut beyond.
WIDTHS = (14, 7, 10, 10, 9, 72, 48)


@dataclass(frozen=True, slots=True)
class EventLine:
    """One event as the screen lists it."""

    id: str
    sources: int
    first: str
    last: str
    conflicts: int
    title: str
    outlets: str

    def matches(self, words: Sequence[str]) -> bool:
        text = f"{self.id} {self.title} {self.outlets} {self.first} {self.last}".casefold()
        return all(word in text for word in words)

    def cells(self) -> tuple[Content, ...]:
        # Content, never str: a str cell would be read as markup, and headlines are article text.
        conflicts = Content.styled(str(self.conflicts), "bold $text-error") if self.conflicts else Content("0")
        return (
            Content.styled(self.id, "$text-muted"),
            Content(str(self.sources)),
            Content(self.first or "—"),
            Content(self.last or "—"),
            conflicts,
            Content(" ".join(self.title.split())),
            Content.styled(self.outlets, "$text-muted"),
        )


def event_lines(pile: Any) -> list[EventLine]:
    """The lines of a `spacereader.pile.Pile`, most covered first."""
    from spacereader.pile import outlets

    named = outlets(pile)
    return [
        EventLine(
            id=event.id,
            sources=len(event.sources),
            first=event.first.isoformat() if event.first else "",
            last=event.last.isoformat() if event.last else "",
            conflicts=pile.conflicts(event),
            title=event.title,
            outlets=named[event.id],
        )
        for event in pile.events
    ]


class EventsScreen(Screen[None]):
    """Every event of the pile; `Chosen` is posted when one is opened."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "filter", "Filter", id="events.filter", tooltip="Filter the events (headline, outlet, id)"),
        Binding("escape", "back", "Back", id="events.back", tooltip="Clear the filter, or back to the comparison"),
        Binding("q", "app.quit", "Quit", id="quit"),
    ]

    class Chosen(Message):
        """An event to open."""

        def __init__(self, event_id: str) -> None:
            super().__init__()
            self.event_id = event_id

    def __init__(self, lines: Sequence[EventLine], summary: str) -> None:
        super().__init__(id="events-screen")
        self.lines = tuple(lines)
        self.summary = summary
        self.query_words: tuple[str, ...] = ()
        #: Set by the app once a comparison has been opened: escape then goes back to it.
        self.can_go_back = False

    def compose(self) -> ComposeResult:
        yield Label(Content(self.summary), id="events-title", classes="panel-title")
        yield Static(Content("enter open · / filter · escape back · q quit"), id="events-hint", classes="panel-hint")
        yield DataTable(id="events-table", cursor_type="row", zebra_stripes=True)
        yield Input(placeholder="filter the events: words of the headline, an outlet, an id", id="events-filter")
        yield ReaderFooter(compact=True)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        cells = [line.cells() for line in self.lines]
        for n, (label, cap) in enumerate(zip(COLUMNS, WIDTHS, strict=True)):
            width = min(cap, max([len(label), *(row[n].cell_length for row in cells)]))
            table.add_column(label, key=label.lower(), width=width)
        self._fill()
        table.focus()

    @property
    def shown(self) -> tuple[EventLine, ...]:
        return tuple(line for line in self.lines if line.matches(self.query_words))

    def _fill(self) -> None:
        table = self.query_one(DataTable)
        table.clear()
        for line in self.shown:
            table.add_row(*line.cells(), key=line.id)
        if not table.row_count:
            table.add_row(*(Content("") for _ in COLUMNS[:-2]), Content("No event matches the filter."), Content(""))

    @on(DataTable.RowSelected, "#events-table")
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        key = event.row_key.value
        if key is not None:
            self.post_message(self.Chosen(str(key)))

    def action_filter(self) -> None:
        field = self.query_one(Input)
        field.display = True
        field.focus()

    @on(Input.Changed, "#events-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.query_words = tuple(event.value.casefold().split())
        self._fill()

    @on(Input.Submitted, "#events-filter")
    def _filter_submitted(self) -> None:
        self.query_one(DataTable).focus()

    def action_back(self) -> None:
        field = self.query_one(Input)
        if field.display or self.query_words:
            field.value = ""
            field.display = False
            self.query_one(DataTable).focus()
            return
        if self.can_go_back:
            self.app.pop_screen()
