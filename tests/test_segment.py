"""Sentence segmentation: the tricky news cases, and properties of the spans on any text."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from spacereader.engine.segment import segment, sentence_spans
from tests.segmentation_cases import CASES


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[text[:40] for text, _ in CASES])
def test_news_cases(text: str, expected: list[str]) -> None:
    assert [s.text for s in segment(text)] == expected


def test_there_are_at_least_forty_cases() -> None:
    assert len(CASES) >= 40


def test_sentences_carry_source_index_and_paragraph() -> None:
    sentences = segment("One here. Two here.\n\nThree here.", "src")
    assert [(s.source, s.index, s.paragraph) for s in sentences] == [("src", 0, 0), ("src", 1, 0), ("src", 2, 1)]


def test_seed_sentence_with_time_and_parenthesised_day(seed_articles) -> None:
    article = next(a for a in seed_articles if a.id.startswith("003"))
    texts = [s.text for s in segment(article.body)]
    assert (
        "The rocket arrived at the International Space Station at 9:22 am GMT, ten minutes later than scheduled."
        in texts
    )
    assert any(t.startswith("The country sent an actress") and "Tuesday (5)" in t for t in texts)


def _check_spans(body: str) -> None:
    spans = sentence_spans(body)
    covered = []
    previous_end = 0
    for start, end, _paragraph in spans:
        assert previous_end <= start < end <= len(body)
        piece = body[start:end]
        assert piece == piece.strip() and piece
        covered.extend(i for i in range(start, end) if not body[i].isspace())
        previous_end = end
    assert covered == [i for i, c in enumerate(body) if not c.isspace()]


news_alphabet = st.sampled_from(
    list("abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") + list(".!?…\"“”‘’'(),:;-–\n\t ") + ["\n\n"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(news_alphabet, max_size=300).map("".join))
def test_spans_cover_every_visible_character_once_in_order(body: str) -> None:
    _check_spans(body)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200))
def test_spans_hold_for_any_unicode(body: str) -> None:
    _check_spans(body)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from([c[0] for c in CASES]), min_size=1, max_size=6), st.sampled_from([" ", "\n", "\n\n"]))
def test_slicing_by_span_gives_the_sentence_text(texts: list[str], glue: str) -> None:
    body = glue.join(texts)
    for sentence in segment(body):
        assert body[sentence.start : sentence.end] == sentence.text


def test_a_huge_single_line_is_read() -> None:
    # Its speed is measured by `python -m tests.bench.bench_segment`; here it must come out whole.
    body = "word " * 200_000 + "end."
    assert sentence_spans(body) == [(0, len(body), 0)]
    assert len(sentence_spans("1" * 100_000 + ". " + "“" * 50_000 + "x. Y")) >= 1


def test_no_sentence_crosses_a_paragraph_break() -> None:
    body = "Mr.\n\nSmith arrived. He said “hello.\n\nThen” he left."
    for sentence in segment(body):
        assert not re.search(r"\n\s*\n", sentence.text)
