"""What each figure is about and what it measures: the measures table and the subject patterns, one by one.

Sentences written for these tests (business, disasters, sport, science, courts, politics), never taken from an
article.
"""

from __future__ import annotations

import datetime as dt

import pytest

from spacereader.engine.measures import MEASURES, class_of_word, find_cues, measure_of
from tests.test_facts import facts_of


def fact(text: str, value: str, published: dt.date | None = None):
    """The fact whose words are `value`."""
    found = [f for f in facts_of(text, published) if f.value == value or f.value.endswith(" " + value)]
    assert found, (text, [f.value for f in facts_of(text, published)])
    return found[0]


# ── the measures table ─────────────────────────────────────────────────────────────────────────────


def test_the_table_is_small_and_every_class_reads_well() -> None:
    assert len(MEASURES) < 200
    for measure in MEASURES:
        assert measure.key and measure.label.startswith(("the ", "how ", "inflation", "unemployment")), measure
        assert "{}" in measure.label, measure.key
        assert all(word == word.lower() for cue in measure.cues for word in cue), measure.key


def test_one_class_holds_every_way_of_naming_a_payout() -> None:
    for word in ("payout", "severance", "compensation"):
        assert class_of_word(word, "money") == "payout"
    text = "She will walk away with $9 million and a golden parachute worth $4 million."
    assert {cue.measure.key for cue in find_cues(text, "money")} == {"payout", "price"}  # "worth" is generic
    assert {fact(text, value).measure for value in ("$9 million", "$4 million")} == {"payout"}


def test_a_phrase_is_one_cue() -> None:
    """ "feared dead" says missing; its "dead" is not a second cue that says killed."""
    cues = list(find_cues("Hundreds are feared dead after the flood.", "count"))
    assert [cue.measure.key for cue in cues] == ["missing"]


def test_a_specific_cue_beats_a_nearer_generic_one() -> None:
    text = "Dana Lee's exit will cost the firm $31 million."
    start = text.index("$")
    assert measure_of(text, start, start + 11, "money")[0] == "payout"


def test_a_speaker_is_not_what_is_measured() -> None:
    text = "Survivors said 40 children were aboard the boat."
    assert fact(text, "40").measure == "aboard"


@pytest.mark.parametrize(
    ("text", "value", "measure"),
    [
        ("Dana Lee will leave with a severance package of $9 million.", "$9 million", "payout"),
        ("The regulator fined the club $2 million for the breach.", "$2 million", "fine"),
        ("The new bridge carries a price tag of $1.2 billion.", "$1.2 billion", "cost"),
        ("Keller earns $4 million a year at the bank.", "$4 million", "pay"),
        ("The court ordered Vance to pay $12 million in restitution.", "$12 million", "restitution"),
        ("The start-up raised $40 million in its latest funding round.", "$40 million", "funding"),
        ("The flood killed 31 people in the valley.", "31", "killed"),
        ("At least 120 people were injured in the blast.", "At least 120", "injured"),
        ("Rescuers pulled 14 survivors from the rubble.", "14", "rescued"),
        ("The ferry was carrying 212 passengers when it ran aground.", "212", "aboard"),
        ("Nine executives were fired after the audit.", "Nine", "fired"),
        ("The search for the climbers lasted 11 days.", "11 days", "search"),
        ("The trial lasted six weeks.", "six weeks", "trial"),
        ("The former mayor was sentenced to 25 years in prison.", "25 years", "sentence"),
        ("Prosecutors sought 40 years for the fraud.", "40 years", "requested by the prosecution"),
        ("Her lawyers asked for 18 months of home detention.", "18 months", "requested by the defence"),
        ("The rocket lifted off on 14 July 2023 from the coast.", "14 July 2023", "launch"),
        ("The quake struck on 8 September 2023 near the mountains.", "8 September 2023", "strike"),
        ("The ferry sank on 14 June 2023 off the cape.", "14 June 2023", "sink"),
        ("A magnitude 6.8 earthquake shook the region.", "6.8", "magnitude"),
        ("The wreck lies 3,800 metres deep.", "3,800", "depth"),
        ("Turnout was 61 percent, the commission said.", "61 percent", "turnout"),
        ("Shares of Larkspur fell 12% on Monday.", "12%", "share price fall"),
    ],
)
def test_measures(text: str, value: str, measure: str) -> None:
    assert fact(text, value).measure == measure


def test_money_paid_over_time_is_pay_whatever_word_says_it() -> None:
    for text in (
        "Mendez signed a £40m-a-year contract with the club.",
        "Mendez will earn £40 million a year at the club.",
        "Mendez has agreed a deal worth £40 million per season.",
    ):
        found = next(f for f in facts_of(text) if f.attribute == "money")
        assert (found.measure, found.qualifier) == ("pay", "per year"), text


def test_a_plan_that_did_not_happen_is_not_the_event() -> None:
    assert fact("The probe was originally scheduled to launch in 2021.", "2021").measure == "planned launch"


# ── subjects ───────────────────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("text", "value", "entity"),
    [
        # parenthesis: the figure in brackets belongs to the name before them
        ("The museum cost less than rivals such as “The Glass Hall” ($80 million).", "$80 million", "The Glass Hall"),
        # relative clause
        ("Port Veridia, which had a budget of $2 billion, never opened.", "$2 billion", "Port Veridia"),
        # apposition
        ("Project Selene, a $350 million probe, reached orbit on Tuesday.", "$350 million", "Project Selene"),
        # preposition after what is measured
        ("The payout to Dana Lee was $31 million, the filing shows.", "$31 million", "Dana Lee"),
        # possessive
        ("Dana Lee's exit will cost the firm $31 million.", "$31 million", "Dana Lee"),
        # the name before its verb, an aside between
        ("Marta Voss, who led the merger, received $12 million in cash.", "$12 million", "Marta Voss"),
        ("Former striker Tomas Reyes has scored 145 goals for the club.", "145", "Tomas Reyes"),
        ("The Orion-3 probe cost $310 million to build.", "$310 million", "Orion-3"),
        # the sentence's own subject
        ("Carlos Mendez has signed for Atlético Norte on a £40m-a-year contract.", "£40m", "Carlos Mendez"),
        # a description when no name does it
        ("The lander cost $90 million and the rocket cost $60 million.", "$60 million", "rocket"),
        # a referent of its own
        ("The previous mission cost $90 million.", "$90 million", "previous mission"),
        # quoted titles are names of things
        ("“Night Harbor” grossed $120 million in its first month.", "$120 million", "Night Harbor"),
    ],
)
def test_subjects(text: str, value: str, entity: str) -> None:
    assert fact(text, value).entity == entity


def test_respectively_pairs_names_and_figures_in_order() -> None:
    text = "Omar Haddad and Ines Cruz will receive $9 million and $4 million respectively."
    assert (fact(text, "$9 million").entity, fact(text, "$4 million").entity) == ("Omar Haddad", "Ines Cruz")


def test_a_pronoun_carries_the_subject_of_the_sentence_before() -> None:
    text = "Ines Cruz led the league's referees for six years. She earned $3 million in that time."
    assert fact(text, "$3 million").entity == "Ines Cruz"
    text = "Judge Amara Okoye heard the case. During her 20-year career, the court moved twice."
    assert fact(text, "20-year").entity == "Amara Okoye"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # who says it is not what it is about
        ("Analysts at Kestrel Research said 40 people were hurt.", "40"),
        ("Coast guard chief Anil Rao told reporters 31 people had drowned.", "31"),
        # a place is where it happens, not whom it happens to
        ("A fire in Portmore killed 12 people overnight.", "12"),
        # an example in a list is not the subject
        ("Directors, including Ann Cole, will share payouts worth $40 million.", "$40 million"),
        # a subordinate clause's subject is not the main clause's
        ("Since Hale took over the club, its shares have fallen 19%.", "19%"),
    ],
)
def test_no_subject_rather_than_a_wrong_one(text: str, value: str) -> None:
    assert fact(text, value).entity is None


def test_dates_resolve_against_the_publication_date() -> None:
    saturday = dt.date(2024, 3, 9)
    assert fact("The vote took place on Thursday.", "Thursday", saturday).normalized == "2024-03-07"
    assert fact("Prices rose last month.", "last month", saturday).normalized == "2024-02"
    assert fact("Talks began in January.", "January", saturday).normalized == "2024-01"
    assert fact("Sales grew over the past year.", "past year", saturday).normalized == ["2023-03-10", "2024-03-09"]


@pytest.mark.parametrize(
    ("text", "normalized", "qualifier"),
    [
        ("The levee failed on 10/5/2021 after days of rain.", None, "2021-10-05 or 2021-05-10"),
        ("The levee failed on 25/10/2021 after days of rain.", "2021-10-25", None),
        ("The levee failed on 10/25/2021 after days of rain.", "2021-10-25", None),
        ("The levee failed on 12.5.2021 after days of rain.", "2021-05-12", None),
        ("Repairs began on 25/10/2021. The levee had failed on 10/5/2021.", "2021-05-10", None),
    ],
)
def test_numeric_dates_keep_both_readings_until_the_article_settles_them(text, normalized, qualifier) -> None:
    found = [f for f in facts_of(text) if f.attribute == "date"][-1]
    assert (found.normalized, found.qualifier) == (normalized, qualifier)


@pytest.mark.parametrize(
    ("text", "normalized"),
    [
        ("It touched down at 6:04 pm India time (1234 GMT).", "T18:04+05:30"),
        ("It touched down at 6:04 pm India time (1234 GMT).", "T12:34Z"),
        ("It landed at 0:20 am JST.", "T00:20+09:00"),
        ("It landed just after midnight Japan time.", "T00:00+09:00"),
        ("The quake struck at 11:11 pm local time.", "T23:11"),
    ],
)
def test_times_keep_their_zone(text: str, normalized: str) -> None:
    assert normalized in [f.normalized for f in facts_of(text) if f.attribute == "date"]


@pytest.mark.parametrize(
    ("text", "value", "normalized"),
    [
        ("The dam cost Rs 615 crore.", "Rs 615 crore", {"amount": 6_150_000_000, "currency": "INR"}),
        ("The grant was ₹5 lakh.", "₹5 lakh", {"amount": 500_000, "currency": "INR"}),
        ("The clinic received US$2.5bn.", "US$2.5bn", {"amount": 2_500_000_000, "currency": "USD"}),
        ("The fine was £3.2m.", "£3.2m", {"amount": 3_200_000, "currency": "GBP"}),
        ("They will receive $44.5 million and $20 million.", "$20 million", {"amount": 20_000_000, "currency": "USD"}),
    ],
)
def test_scales_and_currencies(text: str, value: str, normalized: dict) -> None:
    assert fact(text, value).normalized == normalized


@pytest.mark.parametrize(
    ("text", "value", "normalized"),
    [
        ("The contract runs for two-and-a-half years.", "two-and-a-half years", {"value": 2.5, "unit": "year"}),
        ("They stayed a week and a half.", "a week and a half", {"value": 1.5, "unit": "week"}),
        ("The dive lasted 4 hours and 15 minutes.", "4 hours and 15 minutes", {"value": 255, "unit": "minute"}),
        ("She was jailed for 11 years and three months.", "11 years and three months", {"value": 135, "unit": "month"}),
    ],
)
def test_durations_in_two_parts_are_one(text: str, value: str, normalized: dict) -> None:
    assert fact(text, value).normalized == normalized


def test_counts_stated_around_the_number() -> None:
    assert fact("The collapse left 12 dead.", "12").measure == "killed"
    assert fact("The death toll rose to 2,445 on Monday.", "2,445").measure == "killed"
    assert fact("The quake killed 2,012 and injured 2,059.", "2,059").measure == "injured"
    assert fact("Reports said between 400 and 750 people were aboard.", "between 400 and 750").normalized == [400, 750]
    assert fact("The 90-foot trawler capsized.", "90").measure == "length"
