"""Re-anchoring an annotation after its article was edited: each kind of edit and its outcome."""

from __future__ import annotations

import hashlib
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from spacereader.anchor import (
    CONTEXT,
    Selector,
    anchor,
    locate,
    selector_for,
    shares_words,
    words,
)
from spacereader.engine.segment import segment
from spacereader.model import Article


def article_with(body: str, base: Article | None = None) -> Article:
    digest = hashlib.sha256(body.encode()).hexdigest()
    if base is None:
        return Article(id="a", path="a.txt", body=body, sha256=digest)
    return replace(base, body=body, sha256=digest)


@pytest.fixture
def seed(seed_articles) -> Article:
    """A seed article with enough sentences either side of the annotated one."""
    return next(a for a in seed_articles if a.id.startswith("003"))


def annotate(article: Article, index: int) -> Selector:
    sentences = segment(article.body, article.id)
    return selector_for(article.body, sentences[index], article.sha256)


def reanchor(selector: Selector, article: Article):
    return anchor(selector, article, segment(article.body, article.id))


INDEX = 5  # "Klim Shipenko, the filmmaker, said in a press conference held last Friday (1) that ..."


def test_selector_holds_quote_context_and_position(seed: Article) -> None:
    sentence = segment(seed.body)[INDEX]
    selector = annotate(seed, INDEX)
    assert selector.exact == sentence.text
    assert seed.body.endswith(selector.suffix, 0, sentence.end + len(selector.suffix))
    assert len(selector.prefix) == CONTEXT and len(selector.suffix) == CONTEXT
    assert seed.body[selector.start : selector.end] == selector.exact
    assert selector.sentence == INDEX and selector.sha256 == seed.sha256


def test_unchanged_article_is_anchored(seed: Article) -> None:
    assert reanchor(annotate(seed, INDEX), seed) == ("anchored", INDEX)


def test_every_sentence_of_every_seed_anchors_to_itself(seed_articles) -> None:
    for article in seed_articles:
        sentences = segment(article.body)
        for sentence in sentences:
            selector = selector_for(article.body, sentence, article.sha256)
            assert reanchor(selector, article) == ("anchored", sentence.index)


def test_sentences_inserted_before_move_it(seed: Article) -> None:
    selector = annotate(seed, INDEX)
    edited = article_with("Breaking news first. A second new sentence here.\n\n" + seed.body, seed)
    placement = locate(selector, edited.body, segment(edited.body))
    assert (placement.status, placement.sentence, placement.method) == ("moved", INDEX + 2, "quote")


def test_text_changed_before_but_same_index_stays_anchored(seed: Article) -> None:
    selector = annotate(seed, INDEX)
    first = segment(seed.body)[0]
    edited = article_with(seed.body.replace(first.text, first.text.replace("years", "many decades"), 1), seed)
    assert reanchor(selector, edited) == ("anchored", INDEX)


def test_a_word_changed_in_the_sentence_moves_it_in_place(seed: Article) -> None:
    sentence = segment(seed.body)[INDEX]
    selector = annotate(seed, INDEX)
    assert "press conference" in sentence.text
    edited = article_with(seed.body.replace("press conference", "news conference", 1), seed)
    placement = locate(selector, edited.body, segment(edited.body))
    assert (placement.status, placement.sentence, placement.method) == ("moved", INDEX, "fuzzy")


def test_a_word_changed_and_sentences_inserted_before(seed: Article) -> None:
    selector = annotate(seed, INDEX)
    edited = article_with("An update was added on top.\n\n" + seed.body.replace("last Friday", "on Friday", 1), seed)
    assert reanchor(selector, edited) == ("moved", INDEX + 1)


def test_a_split_sentence_attaches_to_the_part_with_most_of_the_quote(seed: Article) -> None:
    sentence = segment(seed.body)[INDEX]
    selector = annotate(seed, INDEX)
    # "... held last Friday (1) that he will have to perform ..." → two sentences.
    split = sentence.text.replace(" that he will", ". He will", 1)
    assert split != sentence.text
    edited = article_with(seed.body.replace(sentence.text, split, 1), seed)
    sentences = segment(edited.body)
    assert sentences[INDEX].text.endswith("(1).") and sentences[INDEX + 1].text.startswith("He will")
    status, index = reanchor(selector, edited)
    assert status == "moved"
    assert index in (INDEX, INDEX + 1)
    longer = max(sentences[INDEX : INDEX + 2], key=lambda s: len(words(s.text)))
    assert index == longer.index


def test_a_sentence_split_in_three_short_parts_is_orphaned() -> None:
    body = (
        "Intro sentence here. The mayor opened the bridge, the crowd cheered, and the band played all night. The end."
    )
    selector = annotate(article_with(body), 1)
    edited = article_with(
        "Intro sentence here. The mayor opened the bridge. The crowd cheered. The band played all night. The end."
    )
    assert reanchor(selector, edited) == ("orphaned", None)


def test_a_deleted_sentence_is_orphaned(seed: Article) -> None:
    sentence = segment(seed.body)[INDEX]
    selector = annotate(seed, INDEX)
    edited = article_with(seed.body.replace(sentence.text, "", 1), seed)
    assert sentence.text not in edited.body
    assert reanchor(selector, edited) == ("orphaned", None)


def test_a_deleted_paragraph_is_orphaned_even_between_similar_sentences() -> None:
    body = "The council met on Monday. The council voted on Monday to close the old bridge. The council met again on Friday."
    selector = annotate(article_with(body), 1)
    edited = article_with("The council met on Monday. The council met again on Friday.")
    assert reanchor(selector, edited) == ("orphaned", None)


def test_a_replaced_article_orphans_everything(seed: Article, seed_articles) -> None:
    other = next(a for a in seed_articles if a.id != seed.id)
    for index in range(len(segment(seed.body))):
        assert reanchor(annotate(seed, index), replace(other, id=seed.id)) == ("orphaned", None)


def test_a_repeated_sentence_anchors_to_the_occurrence_with_matching_context() -> None:
    body = "Alpha opens here. He said no comment today. Beta follows now. He said no comment today. Gamma ends it."
    selector = annotate(article_with(body), 3)
    edited = article_with("A new lead. " + body)
    assert reanchor(selector, edited) == ("moved", 4)
    assert reanchor(annotate(article_with(body), 1), edited) == ("moved", 2)


def test_a_merged_sentence_keeps_the_annotation_when_the_quote_is_most_of_it() -> None:
    body = "Opening line of the story. The bridge carried nine thousand cars every single day. Ok."
    selector = annotate(article_with(body), 1)
    edited = article_with("Opening line of the story. The bridge carried nine thousand cars every single day, ok.")
    assert reanchor(selector, edited) == ("moved", 1)


def test_rewrapped_lines_are_still_anchored() -> None:
    body = "First line here. The second sentence\nruns over two lines. Third one."
    selector = annotate(article_with(body), 1)
    edited = article_with("First line here. The second sentence runs\nover two lines. Third one.")
    assert reanchor(selector, edited) == ("anchored", 1)


def test_empty_quote_and_empty_article_are_orphaned(seed: Article) -> None:
    assert reanchor(Selector(exact=""), seed) == ("orphaned", None)
    assert anchor(annotate(seed, 0), seed, ()) == ("orphaned", None)


def test_a_stale_position_out_of_range_falls_back_to_the_quote(seed: Article) -> None:
    selector = replace(annotate(seed, INDEX), start=10**9, end=10**9 + 5)
    assert reanchor(selector, seed) == ("anchored", INDEX)


def test_shares_words() -> None:
    assert shares_words("the bridge fell down", "The bridge fell down!")
    assert not shares_words("the bridge fell down at noon today", "the bridge")  # too little of the quote
    assert not shares_words("the bridge", "the bridge fell down at noon today")  # too little of the sentence
    assert shares_words("—", "—") and not shares_words("—", "–")


# ── property: random edits never attach an annotation to a sentence unlike its quote ──────────────

VOCABULARY = (
    "bridge river council mayor engineer truck evening morning rescue divers water steel cable report "
    "inspection traffic city county budget repair crack warning closed opened witness police road cars "
    "four nine twelve hundred thousand said told found feared built collapsed rose fell quickly slowly "
    "north south old new local federal"
).split()

sentence_strategy = st.lists(st.sampled_from(VOCABULARY), min_size=3, max_size=14).map(
    lambda ws: " ".join([ws[0].capitalize(), *ws[1:]]) + "."
)


@st.composite
def edit(draw, sentences: list[str]) -> list[str]:
    """One random edit of a list of sentences."""
    sentences = list(sentences)
    kind = draw(st.sampled_from(["insert", "delete", "word", "split", "merge", "swap", "rewrite"]))
    at = draw(st.integers(0, max(0, len(sentences) - 1)))
    if kind == "insert" or not sentences:
        sentences.insert(at, draw(sentence_strategy))
    elif kind == "delete":
        del sentences[at]
    elif kind == "word":
        ws = sentences[at][:-1].split(" ")
        position = draw(st.integers(0, len(ws) - 1))
        ws[position] = draw(st.sampled_from(VOCABULARY))
        ws[0] = ws[0].capitalize()
        sentences[at] = " ".join(ws) + "."
    elif kind == "split":
        ws = sentences[at][:-1].split(" ")
        if len(ws) >= 2:
            cut = draw(st.integers(1, len(ws) - 1))
            first = " ".join(ws[:cut]) + "."
            second = " ".join([ws[cut].capitalize(), *ws[cut + 1 :]]) + "."
            sentences[at : at + 1] = [first, second]
    elif kind == "merge" and at + 1 < len(sentences):
        sentences[at : at + 2] = [sentences[at][:-1] + ", " + sentences[at + 1][0].lower() + sentences[at + 1][1:]]
    elif kind == "swap" and at + 1 < len(sentences):
        sentences[at], sentences[at + 1] = sentences[at + 1], sentences[at]
    elif kind == "rewrite":
        sentences[at] = draw(sentence_strategy)
    return sentences


@st.composite
def edited_article(draw):
    original = draw(st.lists(sentence_strategy, min_size=1, max_size=12))
    index = draw(st.integers(0, len(original) - 1))
    edited = original
    for _ in range(draw(st.integers(1, 4))):
        edited = draw(edit(edited))
    assume(edited)
    return original, index, edited


def body_of(sentences: list[str]) -> str:
    return " ".join(sentences)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edited_article())
def test_random_edits_never_attach_to_a_sentence_unlike_the_quote(case) -> None:
    original, index, edited = case
    before = article_with(body_of(original))
    sentences = segment(before.body)
    assume(len(sentences) == len(original))  # the segmenter splits these as written
    selector = selector_for(before.body, sentences[index], before.sha256)
    after = article_with(body_of(edited))
    after_sentences = segment(after.body)
    status, found = anchor(selector, after, after_sentences)
    if found is None:
        assert status == "orphaned"
        return
    assert status in ("anchored", "moved")
    text = after_sentences[found].text
    quote_words, sentence_words = words(selector.exact), words(text)
    shared = sum(min(quote_words.count(w), sentence_words.count(w)) for w in set(sentence_words))
    # The promise: never a sentence sharing less than half its words with the quote ...
    assert 2 * shared >= len(sentence_words)
    # ... and, stricter, never one that holds less than half of the quote.
    assert 2 * shared >= len(quote_words)
    if status == "anchored":
        assert text.split() == selector.exact.split() and found == index


@settings(max_examples=200, deadline=None)
@given(st.lists(sentence_strategy, min_size=1, max_size=10, unique=True), st.data())
def test_an_untouched_unique_sentence_is_always_found(original, data) -> None:
    """Edits elsewhere never lose a sentence that is still there, word for word and unique."""
    before = article_with(body_of(original))
    sentences = segment(before.body)
    assume(len(sentences) == len(original))
    index = data.draw(st.integers(0, len(original) - 1))
    kept = original[index]
    others = original[:index] + original[index + 1 :]
    inserted = data.draw(st.lists(sentence_strategy, max_size=3))
    position = data.draw(st.integers(0, len(others)))
    edited = others[:position] + inserted + [kept] + others[position:]
    assume(edited.count(kept) == 1 and all(kept not in s for s in edited if s != kept))
    after = article_with(body_of(edited))
    after_sentences = segment(after.body)
    assume(len(after_sentences) == len(edited))
    status, found = anchor(selector_for(before.body, sentences[index]), after, after_sentences)
    assert found == edited.index(kept)
    assert status == ("anchored" if found == index else "moved")
