"""What changed in a web page since the earlier version the cache keeps: paragraphs removed and added."""

from __future__ import annotations

import difflib
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, Static


def paragraph_changes(earlier: str, current: str) -> list[tuple[str, str]]:
    """(mark, paragraph) in reading order: "-" only in the earlier text, "+" only in the current, " " in both."""
    before, after = earlier.split("\n\n"), current.split("\n\n")
    out: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=before, b=after, autojunk=False).get_opcodes():
        if tag == "equal":
            out.extend((" ", p) for p in before[i1:i2])
            continue
        out.extend(("-", p) for p in before[i1:i2])
        out.extend(("+", p) for p in after[j1:j2])
    return out


class ChangesScreen(ModalScreen[None]):
    """The earlier and the current text of one source, paragraph by paragraph."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "dismiss", "Close", id="changes.close"),
        Binding("j", "scroll('down')", "Scroll down", id="changes.scroll_down", show=False),
        Binding("k", "scroll('up')", "Scroll up", id="changes.scroll_up", show=False),
    ]

    def __init__(self, label: str, when: str, earlier: str, current: str) -> None:
        super().__init__()
        self.label = label
        self.when = when
        self.changes = paragraph_changes(earlier, current)

    def action_scroll(self, direction: str) -> None:
        body = self.query_one("#changes-body")
        if direction == "down":
            body.scroll_down()
        else:
            body.scroll_up()

    def compose(self) -> ComposeResult:
        removed = sum(1 for mark, _ in self.changes if mark == "-")
        added = sum(1 for mark, _ in self.changes if mark == "+")
        with Vertical(id="changes"):
            yield Label(Content(f"What changed in {self.label}"), classes="dialog-title")
            yield Static(
                Content.assemble(
                    f"Since the version fetched {self.when}: ",
                    (f"{removed} paragraph{'s' if removed != 1 else ''} removed", "$text-error"),
                    ", ",
                    (f"{added} added", "$text-success"),
                    " (a changed paragraph is both).",
                ),
                classes="help-intro",
            )
            with VerticalScroll(id="changes-body"):
                styles = {"-": "$text-error strike", "+": "$text-success", " ": "$text-muted"}
                for mark, paragraph in self.changes:
                    yield Static(Content.assemble((f"{mark} ", "bold"), (paragraph, styles[mark])), classes="change")
            yield Static("j/k scroll · escape close", classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#changes-body").focus()
