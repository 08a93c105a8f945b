"""The bottom bars: the status line (where the cursor is, the filter, the counts, the search) and the footer."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer


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


class ReaderFooter(Footer):
    """Textual's footer, rebuilt only when the keys it shows change.

    The stock footer recomposes all its keys on every change of the active bindings, which includes
    every focus change. Most focus changes in the reader (the view taking focus once the comparison is
    shown, closing a panel) leave the shown keys as they were; skipping those rebuilds saves mounting
    and styling a dozen widgets, most visibly on the way to the first frame.
    """

    _shown: tuple | None = None
    _rebuild_pending = False

    def _shown_keys(self) -> tuple:
        app = self.app
        keys = [
            (binding.key, app.get_key_display(binding), binding.description, binding.action, enabled, tooltip)
            for (_, binding, enabled, tooltip) in self.screen.active_bindings.values()
            if binding.show
        ]
        return (self.show_command_palette, app.ENABLE_COMMAND_PALETTE, *keys)

    def compose(self) -> ComposeResult:
        if self._bindings_ready:
            self._shown = self._shown_keys()
        yield from super().compose()

    def bindings_changed(self, screen: Screen) -> None:
        # As Footer.bindings_changed, but one rebuild for a burst of changes, and none when the
        # shown keys are the same.
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._rebuild_pending:
            self._rebuild_pending = True
            self.call_after_refresh(self._rebuild)

    async def _rebuild(self) -> None:
        self._rebuild_pending = False
        if self._shown != self._shown_keys():
            await self.recompose()
