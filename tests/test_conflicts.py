"""Conflicts: the seeds' known disagreements, look-alike non-conflicts, the kinds, and the CLI."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest

from spacereader.cli import main
from spacereader.engine.conflicts import compare_facts
from spacereader.engine.segment import segment
from spacereader.model import Article, Conflict


def conflicts_of(*bodies: str | tuple[str, dt.date | None]) -> tuple[Conflict, ...]:
    articles = []
    for index, item in enumerate(bodies):
        body, published = item if isinstance(item, tuple) else (item, None)
        articles.append(Article(id=f"s{index}", path=f"s{index}.txt", body=body, sha256="", published=published))
    sentences = {article.id: segment(article.body, article.id) for article in articles}
    return compare_facts(articles, sentences)[3]


def figures(conflicts: tuple[Conflict, ...]) -> list[Conflict]:
    return [c for c in conflicts if c.kind != "variant"]


# ── the seeds ──────────────────────────────────────────────────────────────────────────────────────


def _values(conflict: Conflict) -> list:
    return sorted(value.fact.normalized for value in conflict.values)


def test_seed_ages(seed_comparison) -> None:
    ages = {c.entity: c for c in seed_comparison.conflicts if c.attribute == "age"}
    assert _values(ages["Yulia Peresild"]) == [36, 37, 38]
    assert _values(ages["Klim Shipenko"]) == [38, 38, 39]
    for conflict in ages.values():
        assert conflict.kind == "conflict"
        assert "publication date" in conflict.explanation
        assert {value.fact.source[:3] for value in conflict.values} == {"002", "003", "004"}


def test_seed_name_variants(seed_comparison) -> None:
    variants = {c.entity: {v.fact.value for v in c.values} for c in seed_comparison.conflicts if c.kind == "variant"}
    assert variants["Yulia Peresild"] == {"Yulia Peresild", "Yuliya Peresild", "Yulija Peresild"}
    assert variants["Klim Shipenko"] == {"Klim Shipenko", "Klim Chipenko"}
    assert "Anton Shkaplerov" not in variants


def test_seeds_agree_on_the_launch_the_return_and_the_stay(seed_comparison) -> None:
    for conflict in seed_comparison.conflicts:
        assert conflict.attribute not in ("date", "duration"), conflict.explanation
    durations = {
        f.normalized["value"]
        for f in seed_comparison.facts
        if f.attribute == "duration" and f.normalized["unit"] == "day"
    }
    assert durations == {12}
    days = [
        f.normalized for f in seed_comparison.facts if f.attribute == "date" and f.source.startswith(("001", "003"))
    ]
    assert "2021-10-05" in days and "2021-10-17" in days


def test_seed_conflicts_only_figures_the_articles_really_disagree_on(seed_comparison) -> None:
    kinds = {(c.attribute, c.kind) for c in seed_comparison.conflicts}
    assert kinds <= {("age", "conflict"), ("name", "variant")}


def test_conflict_ids_are_stable(seed_articles) -> None:
    from spacereader.engine.comparison import build_comparison

    first = [c.id for c in build_comparison(seed_articles).conflicts]
    again = [c.id for c in build_comparison(seed_articles).conflicts]
    assert first == again and len(set(first)) == len(first)


def test_values_quote_the_source(seed_comparison) -> None:
    for conflict in seed_comparison.conflicts:
        assert conflict.explanation.endswith(".")
        for value in conflict.values:
            body = seed_comparison.article(value.fact.source).body
            assert body[value.fact.start : value.fact.end] == value.fact.value
            assert value.fact.value in value.quote


# ── kinds ──────────────────────────────────────────────────────────────────────────────────────────


def test_ages_with_publication_dates_are_a_time_shift_when_the_birth_windows_overlap() -> None:
    found = conflicts_of(
        ("Actress Yulia Peresild, 37, flew to the station.", dt.date(2021, 10, 5)),
        ("Actress Yulia Peresild, 38, starred in the film.", dt.date(2023, 4, 12)),
    )
    (conflict,) = figures(found)
    assert conflict.kind == "time-shift" and "birth date" in conflict.explanation


def test_ages_with_publication_dates_conflict_when_no_birth_date_fits() -> None:
    found = conflicts_of(
        ("Actress Yulia Peresild, 36, flew to the station.", dt.date(2021, 10, 5)),
        ("Actress Yulia Peresild, 38, flew to the station.", dt.date(2021, 10, 6)),
    )
    (conflict,) = figures(found)
    assert conflict.kind == "conflict" and "no single birth date" in conflict.explanation


def test_an_undated_source_names_the_missing_date() -> None:
    found = conflicts_of(
        ("Actress Yulia Peresild, 37, flew to the station.", dt.date(2021, 10, 5)),
        "Actress Yulia Peresild, 38, flew to the station.",
    )
    (conflict,) = figures(found)
    assert conflict.kind == "conflict" and "s1 has no publication date" in conflict.explanation


@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [
        (
            "The probe was launched on 14 July 2023 from Sriharikota.",
            "The probe was launched from Sriharikota on 15 July 2023.",
            "conflict",
        ),
        ("The crash killed 45 people, officials said.", "The crash killed 54 people, officials said.", "conflict"),
        ("The new stadium cost $1.2 billion to build.", "The new stadium cost $1.5 billion to build.", "conflict"),
        (
            "The new stadium cost $198.5 million to build.",
            "The new stadium cost $200 million to build.",
            "approximation",
        ),
        (
            "The new stadium cost more than $60 million to build.",
            "The new stadium cost $62 million to build.",
            "approximation",
        ),
        (
            "The crew stayed two weeks aboard the station.",
            "The crew stayed 12 days aboard the station.",
            "approximation",
        ),
        ("The crew stayed 20 days aboard the station.", "The crew stayed 12 days aboard the station.", "conflict"),
        ("The crew stayed 10 days aboard the station.", "The crew stayed 12 days aboard the station.", "conflict"),
        ("Homeland won 50 seats in the 230-seat parliament.", "Homeland won 48 seats in parliament.", "conflict"),
        ("Renewal won 34.2% of the vote on Sunday.", "Renewal won 34% of the vote on Sunday.", "approximation"),
        (
            "The Selene mission cost about $320 million.",
            "Selene, a $350 million mission, carries 11 instruments.",
            "approximation",
        ),
        (
            "Actress Yulia Peresild was born on 5 September 1984.",
            "Peresild, who was born in 1983, trained hard.",
            "conflict",
        ),
        # A coarser date containing a finer one is the same date said less precisely (the real-coverage labels
        # read "in July" against "July 14" so; these pairs were look-alikes before).
        (
            "The crew launched in October 2021 from Baikonur.",
            "The crew launched on October 5, 2021 from Baikonur.",
            "approximation",
        ),
        (
            "The crew launched in 2021 from Baikonur.",
            "The crew launched in October 2021 from Baikonur.",
            "approximation",
        ),
        (
            "Actress Yulia Peresild was born on 5 September 1984.",
            "Yulia Peresild, born in 1984 in Pskov, trained.",
            "approximation",
        ),
    ],
)
def test_kinds(a: str, b: str, kind: str) -> None:
    (conflict,) = figures(conflicts_of(a, b))
    assert conflict.kind == kind
    assert len(conflict.values) == 2


# ── look-alikes that are not conflicts ─────────────────────────────────────────────────────────────

LOOK_ALIKES = [
    # a film's budget against a ticket price
    ("The film had a budget of $200 million.", "Tickets for the premiere cost $25 each."),
    # a release year against an award year
    ("The film was released in 2013.", "The film won the Oscar in 2014."),
    # one value in two spellings
    ("They flew into orbit for twelve days.", "They flew into orbit for 12 days."),
    ("The crew stayed a twelve-day stint in orbit.", "The crew stayed 12 days in orbit."),
    # a point inside a range
    ("The crew will launch on October 5, 2021.", "The crew will launch from October 5 to 17, 2021."),
    # a hedge around the same number
    ("The film cost about $35 million to make.", "The film cost $35 million to make."),
    # two people who share a first name, two with similar surnames
    ("Actor Tom Cruise, 59, plans a film in space.", "Actor Tom Hanks, 65, plans a film in space."),
    ("Director Klim Shipenko, 38, flew to the station.", "Cosmonaut Anton Shkaplerov, 49, flew to the station."),
    # different currencies
    ("The film had a budget of €30 million.", "The film had a budget of $35 million."),
    # a deal's value against its price per share
    (
        "Northwind will buy Halcyon in a deal worth $12 billion.",
        "Northwind will buy Halcyon in a deal at $31.75 per share.",
    ),
    # counts of different things
    ("She was chosen from 3,000 candidates.", "She was chosen from 3,000 candidates and 40 finalists."),
    ("The station hosts 3 cosmonauts and 2 tourists.", "The station hosts 7 astronauts."),
    # launches of different missions in unrelated sentences
    ("The first satellite was launched in 1957.", "The new probe was launched on 14 July 2023."),
    # a secret budget against a known one
    ("The budget of the film is secret.", "The film had a budget of $200 million."),
    # one source gives two values for the slot: it is about two things
    (
        "The first probe was launched in 2019. The second probe was launched in 2021.",
        "The probe was launched in 2020 after delays.",
    ),
    # relative dates without a publication date
    ("The crew will launch on Tuesday night.", "The crew will launch the day after tomorrow."),
    # percentages of different things, and of nothing named
    ("Acme's revenue rose 5% in the quarter.", "Acme's profit rose 3% in the quarter."),
    (
        "Acme's shares rose 5% on Monday after the results.",
        "Acme's shares rose 5% after the results, up 3% on the week.",
    ),
    # the same kind of figure about different people
    (
        "Senator Ann Lee won the seat in 2016 after the recount.",
        "Senator Bob Hale won the seat in 2018 after the recount.",
    ),
    # the same figure about different teams
    ("On Saturday, City scored three goals at home.", "On Saturday, United scored two goals at home."),
    # an organisation followed by a number
    ("Arsenal, 3, were beaten.", "Arsenal, 5, were beaten."),
    # births of different people
    ("Actress Yulia Peresild was born in 1984.", "Director Klim Shipenko was born in 1983."),
    # an unattributed age
    ("The 37-year-old said she was ready.", "The 38-year-old said she was ready."),
]


@pytest.mark.parametrize(("a", "b"), LOOK_ALIKES, ids=[a[:40] for a, _ in LOOK_ALIKES])
def test_look_alikes_are_not_conflicts(a: str, b: str) -> None:
    assert figures(conflicts_of(a, b)) == []


# ── the command ────────────────────────────────────────────────────────────────────────────────────


def test_cli_json(capsys) -> None:
    assert main(["conflicts", "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["schema"] == "spacereader.conflicts/1" and document["sources"]
    ages = [c for c in document["conflicts"] if c["attribute"] == "age"]
    assert {c["entity"] for c in ages} == {"Yulia Peresild", "Klim Shipenko"}
    value = ages[0]["values"][0]
    assert set(value) >= {"source", "value", "normalized", "quote", "sentence", "start", "end"}
    fact = document["facts"][0]
    assert set(fact) >= {"source", "entity", "attribute", "value", "normalized", "sentence", "start", "end"}


def test_cli_csv_and_table(capsys) -> None:
    assert main(["conflicts", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert {row["kind"] for row in rows} == {"conflict", "variant"}
    assert main(["conflicts"]) == 0
    out = capsys.readouterr().out
    assert "Yulia Peresild" in out and "\x1b[" not in out


def test_cli_article_text_is_not_markup(tmp_path, capsys) -> None:
    (tmp_path / "a.txt").write_text("The new stadium cost $1.2 billion [red]to build[/red].\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("The new stadium cost $1.5 billion [red]to build[/red].\n", encoding="utf-8")
    assert main(["conflicts", str(tmp_path)]) == 0
    assert "[red]to build[/red]" in capsys.readouterr().out


# ── a second story, end to end ─────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize("story", [0, 1], ids=["business", "election"])
def test_stories_report_exactly_their_disagreements(story: int) -> None:
    from tests.corpus_conflicts import STORIES

    stories, expected = STORIES[story]
    articles = [Article(id=i, path=f"{i}.txt", body=b, sha256="", published=p) for i, b, p in stories]
    sentences = {article.id: segment(article.body, article.id) for article in articles}
    conflicts = compare_facts(articles, sentences)[3]
    got = {
        (c.attribute, c.context or c.entity, tuple(sorted(v.fact.value for v in c.values)), c.kind) for c in conflicts
    }
    # The age values may be written "56", "who is 56" or "aged 56": compare ages by number.
    got = {(a, s, tuple(sorted(v.split()[-1] for v in vs)) if a == "age" else vs, k) for a, s, vs, k in got}
    assert got == expected


def test_table_uses_colour_only_when_asked(seed_comparison) -> None:
    from spacereader.commands.conflicts import conflicts_table

    assert "\x1b[" not in conflicts_table(seed_comparison, color=False)
    coloured = conflicts_table(seed_comparison, color=True)
    assert "\x1b[31mconflict\x1b[0m" in coloured and "\x1b[35mvariant\x1b[0m" in coloured


def test_conflict_ids_do_not_depend_on_the_order_of_the_sources(seed_articles) -> None:
    from spacereader.engine.comparison import build_comparison

    forward = {c.id for c in build_comparison(seed_articles).conflicts}
    backward = {c.id for c in build_comparison(tuple(reversed(seed_articles))).conflicts}
    assert forward == backward


# ── what a figure is about: subjects and measures (sentences written for these tests) ──────────────


def _one(*bodies) -> Conflict:
    (conflict,) = figures(conflicts_of(*bodies))
    return conflict


def test_money_paid_to_a_named_person_is_compared_and_explained_by_subject_and_measure() -> None:
    conflict = _one(
        "Dana Lee will walk away with a severance package of $31 million, the filing shows.",
        "Lee could receive a $28 million payout, analysts at Fenwick estimate.",
    )
    assert (conflict.entity, conflict.measure, conflict.kind) == ("Dana Lee", "payout", "conflict")
    assert conflict.explanation.startswith("The sources disagree on the payout to Dana Lee:")


def test_each_person_has_a_slot_of_their_own() -> None:
    found = figures(
        conflicts_of(
            "Omar Haddad and Ines Cruz are entitled to $9 million and $4 million respectively.",
            "Haddad will receive $12 million, while Cruz gets $4 million.",
        )
    )
    assert [(c.entity, sorted(v.fact.value for v in c.values)) for c in found] == [
        ("Omar Haddad", ["$12 million", "$9 million"])
    ]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # a thing and its predecessor
        (
            "The Orion-3 probe cost $310 million. Its predecessor, Orion-2, had a budget of $250 million.",
            "Orion-3 cost $310 million to build.",
        ),
        ("The previous stadium cost $400 million.", "The new stadium cost $1.1 billion."),
        ("Last year's budget of the festival was $2 million.", "The festival has a budget of $3 million."),
        # a thing and what it is compared with: the figure in brackets is the name's before it
        (
            "The documentary was cheaper than films such as “Deep Orbit” ($90 million) and “Red Tide” ($120 million).",
            "“Red Tide” had a budget of $120 million.",
        ),
        # the main shock and an aftershock
        ("A magnitude 6.3 earthquake struck the valley on Friday.", "An aftershock of magnitude 5.9 struck on Friday."),
        # a death toll recalled from another disaster
        (
            "At least 79 people died when the ferry capsized on Wednesday.",
            "In February, 96 people died when a boat hit rocks off the coast.",
        ),
    ],
)
def test_different_referents_never_conflict(a: str, b: str) -> None:
    published = dt.date(2023, 6, 16)
    assert figures(conflicts_of((a, published), (b, published))) == []


def test_a_named_thing_against_its_own_figure_elsewhere() -> None:
    conflict = _one(
        "The documentary was cheaper than films such as “Deep Orbit” ($90 million) and “Red Tide” ($120 million).",
        "“Red Tide” had a budget of $150 million.",
    )
    assert conflict.entity == "Red Tide" and conflict.kind == "conflict"


@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [
        # counts in noun phrases
        ("Two ticket-holding guests were injured in the collapse.", "Three guests who had paid were hurt.", "conflict"),
        # durations worded differently
        (
            "The crew spent 10 days aboard the station.",
            "The crew's stay aboard lasted a week and a half.",
            "approximation",
        ),
        ("The crew spent 10 days aboard the station.", "The crew's stay aboard lasted two weeks.", "conflict"),
        # ranges and hedges are intervals
        ("The chairman could receive up to $40 million.", "The chairman will receive $38.5 million.", "approximation"),
        (
            "The fraud cost investors more than $80 million.",
            "The fraud cost investors more than $95 million.",
            "approximation",
        ),
        (
            "Reports said between 400 and 750 people were aboard.",
            "About 750 people were aboard the boat.",
            "approximation",
        ),
        # scales and currencies
        ("The dam cost Rs 615 crore to build.", "The dam cost ₹6.15 billion to build.", None),
        ("The dam cost Rs 615 crore to build.", "The dam cost nearly ₹600 crore to build.", "approximation"),
        ("The clinic cost US$2.5bn to build.", "The clinic cost $2.7 billion to build.", "conflict"),
        # a figure with its conversion is one figure, compared in either unit
        ("The ridge rises 2,000 feet (610 meters) high.", "The ridge rises 610 meters high.", None),
        ("The ridge rises 2,000 feet (610 meters) high.", "The ridge rises 700 meters high.", "conflict"),
        # times of day: an approximation, not a conflict
        ("The fire broke out at 9:12 pm on Friday.", "The fire broke out around 09:15 PM on Friday.", "approximation"),
        # coarse and precise dates
        ("Talks on the treaty began in March 2024.", "Talks on the treaty began on March 12, 2024.", "approximation"),
    ],
)
def test_real_news_phrasings(a: str, b: str, kind: str | None) -> None:
    found = figures(conflicts_of(a, b))
    assert [c.kind for c in found] == ([kind] if kind else []), [c.explanation for c in found]


def test_weekdays_read_against_each_articles_date() -> None:
    # The same vote, on Tuesday in one article dated Wednesday and on Monday in another dated Tuesday: a day apart.
    conflict = _one(
        ("The council voted on Tuesday to close the mine.", dt.date(2024, 3, 6)),
        ("The council voted on Monday to close the mine.", dt.date(2024, 3, 5)),
    )
    assert (
        conflict.kind == "time-shift" and "2024-03-05" in conflict.explanation and "2024-03-04" in conflict.explanation
    )
    # "on Thursday" in an article dated on a Saturday is the Thursday before it.
    assert (
        figures(
            conflicts_of(
                ("The court ruled on Thursday that the merger may proceed.", dt.date(2024, 3, 9)),
                ("The court ruled on March 7 that the merger may proceed.", dt.date(2024, 3, 8)),
            )
        )
        == []
    )


def test_a_numeric_date_open_to_two_readings_says_so() -> None:
    conflict = _one("The levee failed on 10/5/2021, officials said.", "The levee failed on 12 June 2021.")
    assert "10/5/2021 (2021-10-05 or 2021-05-10)" in conflict.explanation
    assert "may be read day first or month first" in conflict.explanation
    # read either way, it may be the other source's date: nothing to report
    assert figures(conflicts_of("The levee failed on 10/5/2021.", "The levee failed on 5 October 2021.")) == []
    # the article settles it elsewhere
    settled = _one("The levee failed on 10/5/2021. Repairs began on 25/10/2021.", "The levee failed on 5 October 2021.")
    assert "10/5/2021 (2021-05-10)" in settled.explanation and "may be read" not in settled.explanation


def test_a_toll_that_rises_with_the_publication_dates_is_a_time_shift() -> None:
    conflict = _one(
        ("The earthquake killed at least 1,000 people, officials said.", dt.date(2023, 10, 8)),
        ("The earthquake killed 2,445 people, officials said.", dt.date(2023, 10, 10)),
    )
    assert conflict.measure == "killed" and conflict.kind in ("approximation", "time-shift")
    conflict = _one(
        ("The earthquake killed 1,000 people, officials said.", dt.date(2023, 10, 8)),
        ("The earthquake killed 2,445 people, officials said.", dt.date(2023, 10, 10)),
    )
    assert conflict.kind == "time-shift" and "number of people killed" in conflict.explanation


def test_the_sentence_given_against_the_sentence_sought() -> None:
    found = figures(
        conflicts_of(
            "Mara Quill was sentenced to 11 years and three months, far less than the 15 years prosecutors sought.",
            "Quill was jailed for more than 11 years on Friday.",
            "Mara Quill was sentenced to 12 years in prison.",
        )
    )
    assert [(c.entity, c.measure, sorted(v.fact.value for v in c.values)) for c in found] == [
        ("Mara Quill", "sentence", ["11 years and three months", "12 years", "more than 11 years"])
    ]


def test_json_facts_and_conflicts_say_what_is_measured(tmp_path, capsys) -> None:
    (tmp_path / "a.txt").write_text("Dana Lee will receive a severance package of $31 million.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Dana Lee could get a $28 million payout.\n", encoding="utf-8")
    assert main(["conflicts", str(tmp_path), "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    (conflict,) = document["conflicts"]
    assert (conflict["entity"], conflict["measure"]) == ("Dana Lee", "payout")
    money = [fact for fact in document["facts"] if fact["attribute"] == "money"]
    assert {(fact["entity"], fact["measure"]) for fact in money} == {("Dana Lee", "payout")}


def test_a_provinces_toll_is_not_the_countrys() -> None:
    found = figures(
        conflicts_of(
            ("The earthquake killed 2,012 people, most of them in Al Haouz province.", dt.date(2023, 9, 10)),
            ("In Al Haouz province, 1,293 people died, officials said.", dt.date(2023, 9, 10)),
            ("The quake killed 2,122 people across the country.", dt.date(2023, 9, 10)),
            ("The toll in Al Haouz province reached 1,351.", dt.date(2023, 9, 11)),
        )
    )
    assert sorted((c.explanation.split(":")[0], sorted(v.fact.value for v in c.values)) for c in found) == [
        ("The sources differ on the number of people killed in Al Haouz province", ["1,293", "1,351"]),
        ("The sources disagree on the number of people killed", ["2,012", "2,122"]),
    ]


def test_each_conflict_says_in_words_what_it_is_about(seed_comparison) -> None:
    topics = {conflict.topic for conflict in seed_comparison.conflicts}
    assert {"Yulia Peresild's age", "Klim Shipenko's age", "Yulia Peresild's name"} <= topics
    payout = conflicts_of(
        ("Parag Agrawal will receive a severance payout of $38.7 million, according to Equilar.", dt.date(2022, 10, 28)),
        ("Agrawal is set to walk away with a $42 million payout after his dismissal.", dt.date(2022, 10, 29)),
    )
    (conflict,) = [c for c in payout if c.attribute == "money"]
    assert conflict.topic == "the payout to Parag Agrawal" and conflict.heading == "Payout to Parag Agrawal"
