"""The status line: where the cursor is, the filter, the counts, the search."""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget


class StatusBar(Widget):
    """One line, repainted (never re-laid out) on every cursor move, so moving stays cheap."""

    DEFAULT_CSS = """
    StatusBar {
        height: 1;
        width: 1fr;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._content = Content("")

    def update(self, content: Content) -> None:
        if content != self._content:
            self._content = content
            self.refresh()

    def render(self) -> Content:
        return self._content
