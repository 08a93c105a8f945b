"""Names: mentions found in news copy and linked across sources only when they are one name."""

from __future__ import annotations

import pytest

from spacereader.engine.names import find_entities, name_after, name_before, same_name
from spacereader.engine.segment import segment
from spacereader.model import Article


def entities_of(*bodies: str):
    articles = [Article(id=f"s{i}", path=f"s{i}.txt", body=body, sha256="") for i, body in enumerate(bodies)]
    sentences = {article.id: segment(article.body, article.id) for article in articles}
    return find_entities(articles, sentences)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Yulia Peresild", "Yuliya Peresild"),
        ("Yulia Peresild", "Yulija Peresild"),
        ("Klim Shipenko", "Klim Chipenko"),
        ("Juri Gagarin", "Yuri Gagarin"),
        ("Tom Cruise", "Tom Cuise"),
        ("Dmitry Rogozin", "Dmitri Rogozin"),
        ("Pervy Kanal", "Pervyi Kanal"),
        ("George Bush", "George W. Bush"),
        ("Ana Moreira", "Anna Moreira"),
    ],
)
def test_spelling_variants_are_one_name(a: str, b: str) -> None:
    assert same_name(a.split(), b.split())


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Klim Shipenko", "Anton Shkaplerov"),
        ("Klim Shipenko", "Klim Shkaplerov"),
        ("Tom Cruise", "Tom Hanks"),
        ("Joe Biden", "Hunter Biden"),
        ("Mark Smith", "Mary Smith"),
        ("Daniel Ortega", "Danielle Ortega"),
        ("Alexander Novak", "Alexandra Novak"),
        ("Roberto Silva", "Roberta Silva"),
        ("North Korea", "South Korea"),
        ("Serena Williams", "Venus Williams"),
    ],
)
def test_different_people_stay_apart(a: str, b: str) -> None:
    assert not same_name(a.split(), b.split())


def test_entities_link_across_sources_and_display_the_most_frequent_spelling() -> None:
    mentions, entities = entities_of(
        "Actress Yulia Peresild trained for months. Peresild said she was ready.",
        "The actress Yuliya Peresild flew to the station with Klim Shipenko.",
        "Yulia Peresild and director Klim Chipenko landed. Cosmonaut Anton Shkaplerov stayed.",
    )
    by_name = {entity.name: entity for entity in entities}
    peresild = by_name["Yulia Peresild"]
    assert dict(peresild.spellings) == {"Yulia Peresild": 2, "Yuliya Peresild": 1}
    assert peresild.kind == "person"
    assert "Anton Shkaplerov" in by_name
    shipenko = next(e for e in entities if "Klim Shipenko" in dict(e.spellings))
    assert "Klim Chipenko" in dict(shipenko.spellings)
    surname = [m for m in mentions if m.text == "Peresild"]
    assert surname and surname[0].entity == peresild.id


def test_titles_and_openers_are_not_part_of_a_name() -> None:
    _, entities = entities_of(
        "Russian President Vladimir Putin spoke. However Director Klim Chipenko said little. "
        "Prime Minister John Major resigned."
    )
    names = {entity.name for entity in entities}
    assert {"Vladimir Putin", "Klim Chipenko", "John Major"} <= names


def test_a_first_name_alone_does_not_merge_two_people() -> None:
    _, entities = entities_of("Tom Cruise met Tom Hanks.", "Tom Hanks and Tom Cruise spoke. Tom left early.")
    names = {entity.name for entity in entities}
    assert {"Tom Cruise", "Tom Hanks"} <= names
    assert all(len(dict(e.spellings)) == 1 for e in entities if e.name.startswith("Tom "))


def test_name_before_and_after() -> None:
    text = "Those sent were 37-year-old actress Yuliya Peresild and Director Klim Chipenko, 39, who flew."
    after = name_after(text, text.index("old") + 3)
    assert after is not None and after.text == "Yuliya Peresild"
    before = name_before(text, text.index("39"))
    assert before is not None and before.text == "Klim Chipenko" and before.role == "director"
    assert name_after("the 37-year-old said so", 15) is None


def test_mention_spans_slice_the_body() -> None:
    body = "Intro.\n\nThe actress Yuliya Peresild flew with Klim Shipenko’s crew."
    mentions, _ = entities_of(body)
    for mention in mentions:
        assert body[mention.start : mention.end] == mention.text
    assert {m.text for m in mentions} >= {"Yuliya Peresild", "Klim Shipenko"}


def test_a_single_word_name_is_one_entity_however_often_it_is_named() -> None:
    from spacereader.engine.comparison import build_comparison
    from spacereader.model import Article

    bodies = ("Roscosmos said the launch went well. Later Roscosmos confirmed it.", "Roscosmos declined to comment.")
    articles = [Article(id=f"a{n}", path=f"a{n}.txt", body=body, sha256=str(n)) for n, body in enumerate(bodies)]
    comparison = build_comparison(articles)
    roscosmos = [entity for entity in comparison.entities if entity.name == "Roscosmos"]
    assert len(roscosmos) == 1
    assert len({entity.id for entity in comparison.entities}) == len(comparison.entities)
    assert {m.entity for m in comparison.mentions if m.text == "Roscosmos"} == {roscosmos[0].id}
