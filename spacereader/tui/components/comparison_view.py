"""The side-by-side view: one line-API widget that paints every column of every row.

Painting all columns from one `render_line` means a row's cells always start on the same line and
columns can never drift apart, and only the lines on screen are rendered (as Toolong's `LogLines`
and Textual's `DataTable` do), so 50 sources × 50 sentences scroll as fast as 5 × 20.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from spacereader.cli import truncate
from spacereader.tui.viewmodel import (
    ATTRIBUTES,
    GUTTER,
    SEPARATOR,
    TAG_CONFLICT,
    TAG_DIFF,
    TAG_MATCH,
    TAG_SOFT,
    TAG_VARIANT,
    ColumnLayout,
    Filter,
    Line,
    Match,
    ReaderModel,
    ViewRow,
    layout_columns,
    wrap_cell,
)

HEADER = 3  # outlet line, date line, rule
TAG_CURRENT_MATCH = "current-match"
# Later tags win: a conflict outshines the plain attribute colour, the search match outshines both.
TAG_ORDER = (TAG_DIFF, *ATTRIBUTES, TAG_VARIANT, TAG_SOFT, TAG_CONFLICT, TAG_MATCH, TAG_CURRENT_MATCH)


@dataclass(frozen=True, slots=True)
class _RowLayout:
    lines: tuple[tuple[Line, ...], ...]  # per visible column, the wrapped lines
    height: int  # text lines, without the gap below


class ComparisonView(ScrollView, can_focus=True):
    """Rows of aligned sentences, one column per source, with a gutter of conflict and note marks."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "reader--header",
        "reader--header-pivot",
        "reader--header-date",
        "reader--header-more",
        "reader--rule",
        "reader--separator",
        "reader--gutter",
        "reader--conflict-mark",
        "reader--soft-mark",
        "reader--annotation-mark",
        "reader--cursor-mark",
        "reader--cursor-row",
        "reader--cursor-cell",
        "reader--unique",
        "reader--only-in",
        "reader--date",
        "reader--age",
        "reader--money",
        "reader--duration",
        "reader--count",
        "reader--conflict",
        "reader--soft",
        "reader--diff",
        "reader--variant",
        "reader--match",
        "reader--current-match",
    }

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "cursor_down", "Row down", id="row.down", show=False),
        Binding("k,up", "cursor_up", "Row up", id="row.up", show=False),
        Binding("h,left", "cursor_left", "Source left", id="column.left", show=False),
        Binding("l,right", "cursor_right", "Source right", id="column.right", show=False),
        Binding("g,home", "first_row", "First row", id="row.first", show=False),
        Binding("G,end", "last_row", "Last row", id="row.last", show=False),
        Binding("pagedown,space", "page_down", "Page down", id="row.page_down", show=False),
        Binding("pageup,b", "page_up", "Page up", id="row.page_up", show=False),
    ]

    cursor_row: reactive[int] = reactive(0, always_update=True, init=False)
    cursor_column: reactive[int] = reactive(0, always_update=True, init=False)

    class CursorMoved(Message):
        """The focused row or source changed."""

        def __init__(self, view: ComparisonView) -> None:
            super().__init__()
            self.view = view

    def __init__(self, *, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.model: ReaderModel | None = None
        self.rows: tuple[ViewRow, ...] = ()
        self.filter: Filter = "all"
        self.matches: list[Match] = []
        self.current_match: int | None = None
        self.annotated: frozenset[tuple[str, int]] = frozenset()
        self._offset = 0
        self._layout = ColumnLayout((), (), 0, 0)
        self._row_layouts: list[_RowLayout] = []
        self._row_tops: list[int] = []
        self._total_lines = 0
        self._layout_width = -1
        self._styles: dict[str, Style] = {}
        self._line_cache: dict[tuple, Strip] = {}
        self._match_spans: dict[tuple[int, str], list[tuple[int, int, str]]] = {}
        self._jump = False
        self._combined: dict[tuple[Style, frozenset[str]], Style] = {}
        self._wrapped: dict[tuple, tuple[Line, ...]] = {}

    # ── state changes from the app ─────────────────────────────────────────────────────────────

    def set_model(self, model: ReaderModel, *, keep: tuple[str, int] | None = None) -> None:
        """Show a new comparison; keep the cursor on sentence `keep` (source, index) when it is still shown."""
        self.model = model
        self._wrapped.clear()
        self.rows = model.filtered(self.filter)
        self.matches, self.current_match = [], None
        self.cursor_column = 0
        self.cursor_row = 0
        if keep is None or not self.focus_sentence(*keep):
            first = self.rows[0] if self.rows else None
            if first is not None and model.columns[0].source not in first.cells:
                self.cursor_column = next(
                    (n for n, column in enumerate(model.columns) if column.source in first.cells), 0
                )
        self._invalidate()

    def set_filter(self, which: Filter) -> None:
        if self.model is None:
            return
        current = self.current_row
        self.filter = which
        self.rows = self.model.filtered(which)
        self.matches, self.current_match = [], None
        row = 0
        if current is not None:
            positions = [r.index for r in self.rows]
            row = min(bisect.bisect_left(positions, current.index), max(0, len(self.rows) - 1))
        self.cursor_row = row
        self._invalidate()

    def set_annotated(self, annotated: Iterable[tuple[str, int]]) -> None:
        self.annotated = frozenset(annotated)
        self._line_cache.clear()
        self.refresh()

    def set_matches(self, matches: list[Match], current: int | None) -> None:
        self.matches = matches
        self.current_match = current
        self._match_spans = {}
        for n, match in enumerate(matches):
            tag = TAG_CURRENT_MATCH if n == current else TAG_MATCH
            self._match_spans.setdefault((match.row, match.source), []).append((match.start, match.end, tag))
        self._invalidate()

    # ── cursor ─────────────────────────────────────────────────────────────────────────────────

    @property
    def current_row(self) -> ViewRow | None:
        return self.rows[self.cursor_row] if 0 <= self.cursor_row < len(self.rows) else None

    @property
    def current_source(self) -> str | None:
        if self.model is None or not self.model.columns:
            return None
        return self.model.columns[min(self.cursor_column, len(self.model.columns) - 1)].source

    @property
    def current_sentence(self) -> tuple[str, int] | None:
        """The focused (source, sentence index), or None when the focused cell is empty."""
        row, source = self.current_row, self.current_source
        if row is None or source is None or source not in row.cells:
            return None
        return source, row.cells[source][0]

    def focus_sentence(self, source: str, index: int) -> bool:
        """Move the cursor to a sentence; False when the current filter hides its row."""
        if self.model is None:
            return False
        row_index = self.model.row_of_sentence.get((source, index))
        for position, row in enumerate(self.rows):
            if row.index == row_index:
                self.focus_row(position, source)
                return True
        return False

    def focus_row(self, position: int, source: str | None = None) -> None:
        """Jump to a row (and source): a row out of view is shown with some rows of context above it."""
        if not self.rows:
            return
        self._jump = True
        if source is not None and self.model is not None:
            self.cursor_column = self.model.column_index(source)
        self._jump = True
        self.cursor_row = max(0, min(position, len(self.rows) - 1))

    def watch_cursor_row(self, old: int, new: int) -> None:
        # Only the two rows whose look changed are repainted (the line cache keys on the cursor).
        self._refresh_rows(old, new)
        self.post_message(self.CursorMoved(self))

    def _refresh_rows(self, *positions: int) -> None:
        before = self.scroll_y
        self._scroll_to_cursor()
        if self.scroll_y != before or not self._row_tops:
            self.refresh()
            return
        width = self.scrollable_content_region.width
        for position in positions:
            if 0 <= position < len(self._row_tops):
                y = HEADER + self._row_tops[position] - int(self.scroll_y)
                height = self._row_layouts[position].height
                self.refresh(Region(0, max(HEADER, y), width, height))
        self.refresh(Region(0, 0, width, HEADER))

    def validate_cursor_column(self, value: int) -> int:
        columns = len(self.model.columns) if self.model is not None else 1
        return max(0, min(value, columns - 1))

    def validate_cursor_row(self, value: int) -> int:
        return max(0, min(value, len(self.rows) - 1))

    def watch_cursor_column(self) -> None:
        if self.model is None:
            return
        if self._reveal_column(self.cursor_column):
            self._relayout()
        else:
            self._refresh_rows(self.cursor_row)
        self.post_message(self.CursorMoved(self))

    def _reveal_column(self, column: int) -> bool:
        """Scroll the columns so `column` shows; True when the offset changed."""
        layout = self._layout
        old = self._offset
        if len(layout.visible) == 1 and self.model is not None and len(self.model.columns) > 1:
            self._offset = column
        elif column > 0:
            shown = len(layout.visible) - 1
            position = column - 1
            if position < self._offset:
                self._offset = position
            elif shown > 0 and position >= self._offset + shown:
                self._offset = position - shown + 1
        return self._offset != old

    def _scroll_to_cursor(self) -> None:
        # After a jump (conflict, match, panel) a row out of view lands a quarter down, with context above.
        if not self._row_tops or not 0 <= self.cursor_row < len(self._row_tops) or self.size.height <= 0:
            return
        jump, self._jump = self._jump, False
        top = self._row_tops[self.cursor_row]
        bottom = top + self._row_layouts[self.cursor_row].height
        view = max(1, self.size.height - HEADER)
        y = self.scroll_y
        if jump and (top < y or bottom > y + view):
            y = max(0, min(top - view // 4, top))
        elif top < y:
            y = top
        elif bottom > y + view:
            y = min(top, bottom - view)
        if y != self.scroll_y:
            # Set directly: right after a relayout `scroll_to` may still see the old virtual size.
            self.set_scroll(None, y)
            self.scroll_target_y = y
            if self.show_vertical_scrollbar:
                self.vertical_scrollbar.position = y
            self.refresh()

    def action_cursor_down(self) -> None:
        if self.cursor_row < len(self.rows) - 1:
            self.cursor_row += 1

    def action_cursor_up(self) -> None:
        if self.cursor_row > 0:
            self.cursor_row -= 1

    def action_cursor_left(self) -> None:
        if self.cursor_column > 0:
            self.cursor_column -= 1

    def action_cursor_right(self) -> None:
        if self.model is not None and self.cursor_column < len(self.model.columns) - 1:
            self.cursor_column += 1

    def action_first_row(self) -> None:
        self.cursor_row = 0

    def action_last_row(self) -> None:
        self.cursor_row = max(0, len(self.rows) - 1)

    def _row_at_line(self, line: int) -> int:
        return max(0, bisect.bisect_right(self._row_tops, line) - 1)

    def action_page_down(self) -> None:
        if not self._row_tops:
            return
        view = max(1, self.size.height - HEADER)
        target = self._row_tops[self.cursor_row] + view
        self.cursor_row = min(len(self.rows) - 1, max(self.cursor_row + 1, self._row_at_line(target)))

    def action_page_up(self) -> None:
        if not self._row_tops:
            return
        view = max(1, self.size.height - HEADER)
        target = self._row_tops[self.cursor_row] - view
        self.cursor_row = max(0, min(self.cursor_row - 1, self._row_at_line(max(0, target))))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or self.model is None:
            return
        x = offset.x - GUTTER
        for column_index, cell_width in zip(self._layout.visible, self._layout.widths, strict=False):
            if x < cell_width + SEPARATOR:
                self.cursor_column = column_index
                break
            x -= cell_width + SEPARATOR
        if offset.y >= HEADER and self._row_tops:
            line = offset.y - HEADER + int(self.scroll_y)
            if line < self._total_lines:
                self.cursor_row = self._row_at_line(line)

    # ── layout ─────────────────────────────────────────────────────────────────────────────────

    @property
    def layout_info(self) -> ColumnLayout:
        return self._layout

    def _invalidate(self) -> None:
        self._layout_width = -1
        self._relayout()

    def _size_updated(self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True) -> bool:
        # Lay the rows out for the new width here, before the paint that follows the layout pass, not
        # in `on_resize`, a frame later: the comparison, shown in a view that was hidden until then,
        # appears in the first frame after it is displayed.
        resized = super()._size_updated(size, virtual_size, container_size, layout)
        width = self.scrollable_content_region.width
        if self.model is not None and width > 0 and width != self._layout_width:
            self._relayout()
        return resized

    def on_resize(self, event: events.Resize) -> None:
        if self.scrollable_content_region.width != self._layout_width:
            self._relayout()
        else:  # laid out already; a new height may still hide the cursor
            self.call_after_refresh(self._scroll_to_cursor)

    def _relayout(self) -> None:
        width = self.scrollable_content_region.width
        model = self.model
        self._line_cache.clear()
        if model is None or width <= 0:
            self._row_layouts, self._row_tops, self._total_lines = [], [], 0
            self.virtual_size = Size(width, HEADER)
            self.refresh()
            return
        layout = self._layout = layout_columns(len(model.columns), width, self._offset)
        self._offset = layout.hidden_left
        if self._reveal_column(self.cursor_column):
            layout = self._layout = layout_columns(len(model.columns), width, self._offset)
        sources = [model.columns[i].source for i in layout.visible]
        row_layouts: list[_RowLayout] = []
        tops: list[int] = []
        total = 0
        for position, row in enumerate(self.rows):
            per_column: list[tuple[Line, ...]] = []
            for source, cell_width in zip(sources, layout.widths, strict=False):
                indices = row.cells.get(source)
                if not indices:
                    per_column.append(())
                    continue
                text, spans = model.cell_text(source, indices)
                extra = model.diff_spans(row, source) + self._match_spans.get((position, source), [])
                key = (source, indices, cell_width, tuple(extra))
                wrapped = self._wrapped.get(key)
                if wrapped is None:
                    wrapped = self._wrapped[key] = tuple(wrap_cell(text, spans + extra if extra else spans, cell_width))
                per_column.append(wrapped)
            height = max(1, *(len(lines) for lines in per_column)) if per_column else 1
            row_layouts.append(_RowLayout(tuple(per_column), height))
            tops.append(total)
            total += height + 1  # a blank line between rows
        self._row_layouts, self._row_tops, self._total_lines = row_layouts, tops, total
        self._layout_width = width
        self.virtual_size = Size(width, HEADER + total)
        # After the new virtual size is applied, or the scroll would be clamped to the old one.
        self.call_after_refresh(self._scroll_to_cursor)
        self.refresh()

    # ── painting ───────────────────────────────────────────────────────────────────────────────

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()
        self._combined.clear()
        self._line_cache.clear()
        self.refresh()

    def _style(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            # Only what the rule sets, so styles layer (a date inside the cursor cell keeps the cursor's
            # background); colours come from the full style, where translucent theme colours
            # ("$primary 20%") have been blended with the background.
            component = f"reader--{name}"
            rules = self.get_component_styles(component)
            full = self.get_component_rich_style(component)
            style = self.get_component_rich_style(component, partial=True).without_color + Style(
                color=full.color if rules.has_rule("color") else None,
                bgcolor=full.bgcolor if rules.has_rule("background") else None,
            )
            self._styles[name] = style
        return style

    def _tagged(self, cell_style: Style, tags: frozenset[str]) -> Style:
        """The cell's style with each tag's style layered on, in `TAG_ORDER`; cached."""
        if not tags:
            return cell_style
        key = (cell_style, tags)
        style = self._combined.get(key)
        if style is None:
            style = cell_style
            for tag in TAG_ORDER:
                if tag in tags:
                    style += self._style(tag)
            self._combined[key] = style
        return style

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self._styles.get("")
        if base is None:
            base = self._styles[""] = self.rich_style
        if self.model is None:
            return Strip.blank(width, base)
        if y < HEADER:
            return self._render_header(y, width, base)
        line = y - HEADER + int(self.scroll_y)
        if line >= self._total_lines or not self._row_tops:
            return Strip.blank(width, base)
        position = self._row_at_line(line)
        offset = line - self._row_tops[position]
        cursor = position == self.cursor_row
        key = (position, offset, cursor, self.cursor_column if cursor else -1, width)
        strip = self._line_cache.get(key)
        if strip is None:
            strip = self._render_row_line(position, offset, width, base)
            if len(self._line_cache) > 2000:
                self._line_cache.clear()
            self._line_cache[key] = strip
        return strip

    def _render_header(self, y: int, width: int, base: Style) -> Strip:
        assert self.model is not None
        layout = self._layout
        segments: list[Segment] = []
        if y == 2:
            rule = base + self._style("rule")
            parts = ["─" * GUTTER]
            for n, cell_width in enumerate(layout.widths):
                parts.append(("─┼─" if n else "") + "─" * cell_width)
            return Strip([Segment("".join(parts), rule)]).adjust_cell_length(width, base)
        segments.append(Segment(" " * GUTTER, base + self._style("gutter")))
        separator = base + self._style("separator")
        last = len(layout.visible) - 1
        for n, (column_index, cell_width) in enumerate(zip(layout.visible, layout.widths, strict=False)):
            column = self.model.columns[column_index]
            if n:
                segments.append(Segment(" │ ", separator))
            if y == 0:
                style = base + self._style("header-pivot" if column.pivot else "header")
                text = ("◆ " if column.pivot else "") + column.label
                segments.extend(_fit(text, cell_width, style))
            else:
                date_style = base + self._style("header-date")
                more_style = base + self._style("header-more")
                left = f"◀ {layout.hidden_left} more  " if n == 1 and layout.hidden_left else ""
                if len(layout.visible) == 1 and layout.hidden_left:
                    left = f"◀ {layout.hidden_left}  "
                right = f"  {layout.hidden_right} more ▶" if n == last and layout.hidden_right else ""
                middle = f"{column.date} · {column.sentences} sentences"
                space = cell_width - cell_len(left) - cell_len(right)
                if space < 10:
                    middle = column.date
                    space = cell_width - cell_len(left) - cell_len(right)
                pieces = []
                if left:
                    pieces.append(Segment(left, more_style))
                pieces.extend(_fit(middle, max(0, space), date_style))
                if right:
                    pieces.append(Segment(right, more_style))
                segments.extend(Strip(pieces).adjust_cell_length(cell_width, date_style))
        return Strip(segments).adjust_cell_length(width, base)

    def _render_row_line(self, position: int, offset: int, width: int, base: Style) -> Strip:
        assert self.model is not None
        model = self.model
        layout = self._layout
        row = self.rows[position]
        row_layout = self._row_layouts[position]
        cursor = position == self.cursor_row
        row_style = base + (self._style("unique") if not row.shared else Style())
        cursor_row_style = self._style("cursor-row") if cursor and offset < row_layout.height else Style()
        segments: list[Segment] = []
        # gutter: conflict mark, annotation mark, cursor mark — on the row's first line only
        gutter = base + self._style("gutter")
        if offset == 0:
            if row.severity == "conflict":
                segments.append(Segment("!", gutter + self._style("conflict-mark")))
            elif row.severity == "soft":
                segments.append(Segment("~", gutter + self._style("soft-mark")))
            else:
                segments.append(Segment(" ", gutter))
            noted = any((source, i) in self.annotated for source, idx in row.cells.items() for i in idx)
            segments.append(Segment("✎" if noted else " ", gutter + self._style("annotation-mark")))
        else:
            segments.append(Segment("  ", gutter))
        segments.append(
            Segment("▌" if cursor and offset < row_layout.height else " ", gutter + self._style("cursor-mark"))
        )
        separator = base + self._style("separator")
        visible_sources = [model.columns[i].source for i in layout.visible]
        any_visible = any(s in row.cells for s in visible_sources)
        if not any_visible:
            if offset == 0:
                names = ", ".join(model.columns[model.column_index(s)].label for s in row.cells)
                text = f"· only in {names} (off screen: h/l to scroll)"
                segments.extend(_fit(text, width - GUTTER, row_style + self._style("only-in") + cursor_row_style))
            return Strip(segments).adjust_cell_length(width, base)
        for n, (column_index, cell_width) in enumerate(zip(layout.visible, layout.widths, strict=False)):
            if n:
                segments.append(Segment(" │ ", separator))
            cell_style = row_style + cursor_row_style
            if cursor and column_index == self.cursor_column and offset < row_layout.height:
                cell_style += self._style("cursor-cell")
            lines = row_layout.lines[n]
            if offset < len(lines):
                used = 0
                for fragment in lines[offset]:
                    segments.append(Segment(fragment.text, self._tagged(cell_style, fragment.tags)))
                    used += cell_len(fragment.text)
                if used < cell_width:
                    segments.append(Segment(" " * (cell_width - used), cell_style))
            else:
                segments.append(Segment(" " * cell_width, cell_style))
        return Strip(segments).adjust_cell_length(width, base)


def _fit(text: str, width: int, style: Style) -> list[Segment]:
    """`text` cut (with an ellipsis) or padded to exactly `width` cells, as plain segments."""
    if width <= 0:
        return []
    text = truncate(text, width)
    return [Segment(text + " " * (width - cell_len(text)), style)]


__all__ = ["HEADER", "SEPARATOR", "ComparisonView"]
