"""The reader's view model, without a terminal: wrapping, layout, rows, marks, search."""

from __future__ import annotations

import dataclasses

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from spacereader.tui.viewmodel import (
    TAG_CONFLICT,
    TAG_DIFF,
    TAG_VARIANT,
    ReaderModel,
    fragments,
    is_variant,
    layout_columns,
    marked_values,
    value_groups,
    wrap,
    wrap_cell,
)
from tests.test_reader_support import build_sample


def test_wrap_breaks_at_spaces_and_cuts_long_words():
    text = "hello world this is a verylongwordthatneedssplitting ok"
    lines = [text[a:b] for a, b in wrap(text, 10)]
    assert lines == ["hello", "world this", "is a", "verylongwo", "rdthatneed", "ssplitting", "ok"]


@given(st.text(alphabet=st.sampled_from("ab 界\u0301x-"), max_size=80), st.integers(1, 20))
def test_wrap_keeps_every_word_and_fits(text, width):
    lines = wrap(text, width)
    for start, end in lines:
        assert cell_len(text[start:end]) <= max(width, 2)  # a wide character alone may exceed width 1
    assert "".join(text[a:b] for a, b in lines).replace(" ", "") == text.replace(" ", "")


def test_fragments_carry_overlapping_tags():
    line = fragments("abcdef", 0, 6, [(1, 4, "age"), (2, 3, TAG_CONFLICT)])
    assert [(f.text, sorted(f.tags)) for f in line] == [
        ("a", []),
        ("b", ["age"]),
        ("c", ["age", TAG_CONFLICT]),
        ("d", ["age"]),
        ("ef", []),
    ]
    wrapped = wrap_cell("abc def", [(2, 5, "date")], 3)
    assert [[f.text for f in line] for line in wrapped] == [["ab", "c"], ["d", "ef"]]


def test_layout_pins_the_pivot_and_scrolls_the_rest():
    wide = layout_columns(5, 160, 0)
    assert wide.visible == (0, 1, 2, 3, 4) and not wide.hidden_left and not wide.hidden_right
    narrow = layout_columns(5, 80, 2)
    assert narrow.visible == (0, 3) and narrow.hidden_left == 2 and narrow.hidden_right == 1
    assert sum(narrow.widths) + 3 + 3 <= 80
    tiny = layout_columns(5, 30, 3)
    assert tiny.visible == (3,)  # no room for a pinned pivot: the focused column alone
    assert layout_columns(0, 80, 0).visible == ()


def test_rows_marks_and_filters():
    model = ReaderModel(build_sample())
    assert [c.source for c in model.columns] == ["planet", "orbit", "wire"]
    assert model.columns[0].pivot
    first = model.rows[0]
    assert first.severity == "conflict" and first.conflicts == ("age-yulia",)
    assert len(model.filtered("conflicts")) == 1
    assert len(model.filtered("shared")) == 3
    assert len(model.filtered("unique")) == 2
    text, spans = model.cell_text("orbit", (0,))
    tags = {(text[a:b], tag) for a, b, tag in spans}
    assert ("36", TAG_CONFLICT) in tags and ("36", "age") in tags and ("5 October", "date") in tags
    assert ("Yuliya Peresild", TAG_VARIANT) in tags
    assert {(text[a:b], t) for a, b, t in model.diff_spans(first, "orbit")} == {("Yuliya", TAG_DIFF), ("36", TAG_DIFF)}


def test_without_alignment_rows_follow_reading_order():
    comparison = dataclasses.replace(build_sample(), rows=(), conflicts=(), facts=())
    model = ReaderModel(comparison)
    assert not model.aligned
    assert len(model.rows) == 4  # the longest source has four sentences
    assert model.rows[3].cells == {"planet": (3,)}
    assert all(row.severity is None for row in model.rows)


def test_search_is_case_insensitive_and_literal():
    model = ReaderModel(build_sample())
    matches = model.search("[/]", model.rows)
    assert [(m.source, m.row) for m in matches] == [("wire", 4), ("wire", 4)]
    assert len(model.search("ORBIT", model.rows)) == 3
    assert model.search("", model.rows) == []


def test_name_variants():
    assert is_variant("Yuliya Peresild", "Yulia Peresild")
    assert is_variant("Tom Cuise", "Tom Cruise")
    assert not is_variant("Putin", "Vladimir Putin")
    assert not is_variant("PERESILD", "Yulia Peresild")


def test_variant_conflicts_mark_only_the_unusual_spelling():
    sample = build_sample()
    age = sample.conflicts[0]
    names = dataclasses.replace(
        age,
        kind="variant",
        attribute="name",
        values=tuple(
            dataclasses.replace(v, fact=dataclasses.replace(v.fact, value=name))
            for v, name in zip(age.values, ("Yulia Peresild", "Yuliya Peresild", "Yulia Peresild"), strict=True)
        ),
    )
    assert [v.fact.source for v in marked_values(names)] == ["orbit"]
    assert value_groups(names, {"planet": "P", "orbit": "O", "wire": "W"}) == [
        ("Yulia Peresild", ["P", "W"]),
        ("Yuliya Peresild", ["O"]),
    ]
    assert value_groups(age, {}) == [("37", ["planet"]), ("36", ["orbit"]), ("38", ["wire"])]
