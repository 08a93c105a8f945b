"""The help screen: every key (as remapped by the user's keymap) and what each mark means."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, Static


def binding_rows(app, groups: Iterable[tuple[str, list[BindingType]]]) -> list[tuple[str, list[tuple[str, str, str]]]]:
    """(group, [(keys as shown, description, binding id)]) with the user's keymap applied."""
    keymap: dict[str, str] = getattr(app, "_keymap", {})
    out = []
    for title, bindings in groups:
        keys: dict[str, list[str]] = {}
        described: dict[str, str] = {}
        for binding in Binding.make_bindings(bindings):
            if not binding.description:
                continue
            ident = binding.id or binding.description
            if binding.key not in keys.setdefault(ident, []):
                keys[ident].append(binding.key)
            described[ident] = binding.tooltip or binding.description
        rows = []
        for ident, default_keys in keys.items():
            chosen = keymap[ident].split(",") if ident in keymap else default_keys
            shown = " ".join(app.get_key_display(Binding(key.strip(), "")) for key in chosen)
            rows.append((shown, described[ident], ident if ident in keymap or "." in ident or ident.isalpha() else ""))
        out.append((title, rows))
    return out


class HelpScreen(ModalScreen[None]):
    """Keys and marks. The legend is drawn with the reader's own styles, so it matches the theme."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,q", "dismiss", "Close help", id="help.close"),
        Binding("j", "scroll('down')", "Scroll down", id="help.scroll_down", show=False),
        Binding("k", "scroll('up')", "Scroll up", id="help.scroll_up", show=False),
    ]

    def action_scroll(self, direction: str) -> None:
        body = self.query_one("#help-body")
        if direction == "down":
            body.scroll_down()
        else:
            body.scroll_up()

    def __init__(self, groups: list[tuple[str, list[tuple[str, str, str]]]], legend: list[tuple[Text, str]]) -> None:
        super().__init__()
        self.groups = groups
        self.legend = legend

    def compose(self) -> ComposeResult:
        with Vertical(id="help"):
            yield Label("spacereader — help", classes="dialog-title")
            with VerticalScroll(id="help-body"):
                yield Static(
                    Content(
                        "Each column is one article; each row holds the sentences that say the same thing. "
                        "The pivot (◆) is the source the rows follow and the differences are measured against."
                    ),
                    classes="help-intro",
                )
                yield Label("What the marks mean", classes="help-heading")
                table = Text()
                for sample, meaning in self.legend:
                    table.append_text(sample)
                    table.append("  " + meaning + "\n")
                yield Static(table, classes="help-legend")
                for title, rows in self.groups:
                    yield Label(title, classes="help-heading")
                    text = Text()
                    width = max((len(keys) for keys, _, _ in rows), default=0)
                    for keys, description, binding_id in rows:
                        text.append(f"  {keys:<{width}}  ", style=Style(bold=True))
                        text.append(description)
                        if binding_id:
                            text.append(f"  ({binding_id})", style=Style(dim=True))
                        text.append("\n")
                    yield Static(text, classes="help-keys")
                yield Static(
                    Content(
                        "Remap any key in config.toml in your config directory, e.g.\n"
                        '  [keymap]\n  "row.down" = "j,down,ctrl+n"\n'
                        "using the ids in brackets above."
                    ),
                    classes="help-intro",
                )
            yield Static("j/k scroll · escape or ? close", classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#help-body").focus()
