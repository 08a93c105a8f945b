"""A hand-written corpus of news phrasing with the facts each sentence states.

Written for this project (not taken from any article): politics, business, science and sport, in the
forms wire copy, newspapers and blogs use. Each case lists every fact the extractor must find, as
(attribute, normalised value) plus, where it matters, the entity and what it measures (`Fact.measure`); the extractor
must find nothing else of those attributes in the sentence.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class F:
    attribute: str
    normalized: object
    entity: str | None = None
    measure: str | None = None


@dataclass(frozen=True)
class Case:
    text: str
    facts: tuple[F, ...] = ()
    published: dt.date | None = None
    topic: str = ""
    # Attributes whose extra findings are tolerated (the case does not pin them down).
    loose: frozenset[str] = field(default_factory=frozenset)


D = dt.date
USD, EUR, GBP = "USD", "EUR", "GBP"


def money(amount: object, currency: str | None) -> dict:
    return {"amount": amount, "currency": currency}


def dur(value: object, unit: str) -> dict:
    return {"value": value, "unit": unit}


CASES: tuple[Case, ...] = (
    # ── politics ──────────────────────────────────────────────────────────────────────────────────
    Case(
        "Senator Maria Delgado, 54, announced on Monday that she would not seek a third term.",
        (F("age", 54, "Maria Delgado"), F("date", "2023-03-13", measure="announce")),
        D(2023, 3, 15),
        "politics",
    ),
    Case(
        "The 71-year-old prime minister Hendrik Vos survived a confidence vote by 76 votes to 74.",
        (F("age", 71, "Hendrik Vos"), F("count", 76, measure="vote")),
        topic="politics",
        loose=frozenset({"count"}),
    ),
    Case(
        "Parliament was dissolved on 12 March 2024, and elections were set for May 5.",
        (F("date", "2024-03-12"), F("date", "2024-05-05", measure="election")),
        D(2024, 3, 12),
        "politics",
    ),
    Case(
        "Governor Alan Pierce, who is 62, signed the bill into law on July 4, 2022.",
        (F("age", 62, "Alan Pierce"), F("date", "2022-07-04", measure="sign")),
        topic="politics",
    ),
    Case(
        "Turnout reached 67.4 percent, the highest since 1992.",
        (F("count", 67.4, measure="turnout"), F("date", "1992")),
        topic="politics",
    ),
    Case(
        "More than 3,500 delegates are expected at the convention, which opens on Tuesday.",
        (F("count", [3500, None], measure="delegate"), F("date", None)),
        topic="politics",
    ),
    Case(
        "The coalition agreement, signed last week, allocates €4.2 billion to defence.",
        (F("date", ["2023-11-06", "2023-11-12"], measure="sign"), F("money", money(4_200_000_000, EUR))),
        D(2023, 11, 15),
        "politics",
    ),
    Case(
        "Mayor Lena Okafor was re-elected with 58% of the vote in November 2021.",
        (F("count", 58, measure="vote"), F("date", "2021-11")),
        topic="politics",
    ),
    Case(
        "The former president, aged 79, was hospitalised on Sunday night.",
        (F("age", 79), F("date", "2022-01-16")),
        D(2022, 1, 18),
        "politics",
    ),
    Case(
        "Lawmakers debated the budget for 14 hours before the vote at 2:30 am.",
        (F("duration", dur(14, "hour")), F("date", "T02:30")),
        topic="politics",
    ),
    Case(
        "The treaty was first signed in 1963 and renewed in the 1990s.",
        (F("date", "1963", measure="sign"), F("date", ["1990", "1999"])),
        topic="politics",
    ),
    Case(
        "Foreign Minister Olga Brandt, 48, arrived in Geneva yesterday for two days of talks.",
        (F("age", 48, "Olga Brandt"), F("date", "2023-06-07", measure="arrive"), F("duration", dur(2, "day"))),
        D(2023, 6, 8),
        "politics",
    ),
    Case(
        "The campaign has raised about $35 million since January.",
        (F("money", money(35_000_000, USD), measure="funding"), F("date", "--01")),
        topic="politics",
        loose=frozenset({"date"}),
    ),
    Case(
        "Opposition leader Samuel Mensah (47) said the vote would take place within three weeks.",
        (F("age", 47, "Samuel Mensah"), F("duration", dur(3, "week"))),
        topic="politics",
    ),
    Case(
        "Protesters gathered for the 10th day in a row on Friday, police said.",
        (F("date", None),),
        topic="politics",
    ),
    Case(
        "The ceasefire, agreed on 3 October, lasted just 36 hours.",
        (F("date", "--10-03"), F("duration", dur(36, "hour"))),
        topic="politics",
    ),
    # ── business ──────────────────────────────────────────────────────────────────────────────────
    Case(
        "Northwind Energy agreed to buy Halcyon Power for $12-billion, or $31.75 per share.",
        (F("money", money(12_000_000_000, USD), measure="price"), F("money", money(31.75, USD), measure="price")),
        topic="business",
    ),
    Case(
        "The retailer reported revenue of £1.8bn for the year to March, up 6%.",
        (F("money", money(1_800_000_000, GBP), measure="revenue"), F("count", 6, measure="revenue rise")),
        topic="business",
        loose=frozenset({"date"}),
    ),
    Case(
        "Shares fell 4.5 per cent to 312 pence on Thursday.",
        (F("count", 4.5, measure="share price fall"), F("date", None)),
        topic="business",
        loose=frozenset({"count"}),
    ),
    Case(
        "The start-up raised USD 1.5 billion in a funding round led by Orbit Capital.",
        (F("money", money(1_500_000_000, USD), measure="funding"),),
        topic="business",
    ),
    Case(
        "Tata Motors will invest Rs 450 crore in the new plant, which will employ 2,000 workers.",
        (F("money", money(4_500_000_000, "INR"), measure="investment"), F("count", 2000, measure="worker")),
        topic="business",
    ),
    Case(
        "Gazprom's profit slumped to 1.2bn roubles in the third quarter.",
        (F("money", money(1_200_000_000, "RUB"), measure="profit"),),
        topic="business",
    ),
    Case(
        "The company cut 1,200 jobs in 2020 and another 800 last year.",
        (F("count", 1200, measure="job"), F("date", "2020"), F("date", "2022")),
        D(2023, 2, 1),
        "business",
        loose=frozenset({"count"}),
    ),
    Case(
        "Founded in 1998 by Marcus Hale, the firm now employs more than 40,000 people in 30 countries.",
        (
            F("date", "1998", measure="found"),
            F("count", [40000, None], measure="person"),
            F("count", 30, measure="country"),
        ),
        topic="business",
    ),
    Case(
        "Chief executive Priya Raman, 45, will receive a salary of up to $80,000 each month.",
        (F("age", 45, "Priya Raman"), F("money", money([None, 80000], USD), measure="pay")),
        topic="business",
    ),
    Case(
        "The deal is worth tens of millions of dollars, people familiar with the matter said.",
        (F("money", money([10_000_000, 99_000_000], USD), measure="price"),),
        topic="business",
    ),
    Case(
        "The terms of the sale were not disclosed.",
        (F("money", "undisclosed"),),
        topic="business",
    ),
    Case(
        "The airline expects to carry 45 million passengers in 2025, nearly twice as many as in 2019.",
        (F("count", 45_000_000, measure="passenger"), F("date", "2025"), F("date", "2019")),
        topic="business",
    ),
    Case(
        "Its market value topped $2 trillion for the first time on Jan. 8.",
        (F("money", money(2_000_000_000_000, USD), measure="value"), F("date", "--01-08")),
        topic="business",
    ),
    Case(
        "The merger, announced on 5 October 2021, created a group with annual sales of €30 million.",
        (F("date", "2021-10-05", measure="announce"), F("money", money(30_000_000, EUR), measure="revenue")),
        topic="business",
    ),
    Case(
        "Workers at the plant went on a twelve-day strike in September of last year.",
        (F("duration", dur(12, "day"), measure="strike"), F("date", "2022-09")),
        D(2023, 4, 2),
        "business",
    ),
    Case(
        "The bank was fined 200 million dollars after a two-year investigation.",
        (F("money", money(200_000_000, USD), measure="fine"), F("duration", dur(2, "year"), measure="investigation")),
        topic="business",
    ),
    Case(
        "Sales of electric cars rose to 1.3 million units, about 14% of the market.",
        (F("count", 1_300_000, measure="unit"), F("count", 14, measure="market share")),
        topic="business",
        loose=frozenset({"count"}),
    ),
    # ── science ───────────────────────────────────────────────────────────────────────────────────
    Case(
        "The probe was launched on 14 July 2023 and reached lunar orbit 23 days later.",
        (F("date", "2023-07-14", measure="launch"),),
        topic="science",
        loose=frozenset({"duration"}),
    ),
    Case(
        "The telescope will spend five years mapping 230 million galaxies.",
        (F("duration", dur(5, "year")), F("count", 230_000_000, measure="galaxy")),
        topic="science",
    ),
    Case(
        "Astronaut Kenji Watanabe, 52, returned to Earth on April 17th after 186 days aboard the station.",
        (F("age", 52, "Kenji Watanabe"), F("date", "2024-04-17", measure="return"), F("duration", dur(186, "day"))),
        D(2024, 4, 18),
        "science",
    ),
    Case(
        "The capsule splashed down at 7.15 pm local time, ten minutes ahead of schedule.",
        (F("date", "T19:15"), F("duration", dur(10, "minute"))),
        topic="science",
    ),
    Case(
        "Researchers followed 12,500 patients for an average of 8.2 years.",
        (F("count", 12500, measure="patient"), F("duration", dur(8.2, "year"))),
        topic="science",
    ),
    Case(
        "The glacier has lost 2,300 feet (701 meters) of ice since 1980.",
        (F("count", 2300, measure="foot"), F("date", "1980")),
        topic="science",
    ),
    Case(
        "The crater is 230 cubic meters in volume and roughly 4 km wide.",
        (F("count", 230, measure="volume"), F("count", 4, measure="width")),
        topic="science",
    ),
    Case(
        "Dr Amara Chukwu, a 39-year-old epidemiologist, led the study, which was published on Wednesday.",
        (F("age", 39), F("date", "2023-09-06", measure="publish")),
        D(2023, 9, 8),
        "science",
        loose=frozenset({"age"}),
    ),
    Case(
        "The mission to Jupiter is scheduled to lift off at 9:22 am GMT the day after tomorrow.",
        (F("date", "2025-03-12T09:22Z"), F("date", "2025-03-12")),
        D(2025, 3, 10),
        "science",
    ),
    Case(
        "Scientists drilled cores dating back 800,000 years.",
        (F("duration", dur(800_000, "year")),),
        topic="science",
    ),
    Case(
        "The satellite, built at a cost of €450 million, weighs 2,100 kg.",
        (F("money", money(450_000_000, EUR), measure="cost"), F("count", 2100, measure="weight")),
        topic="science",
    ),
    Case(
        "The trial enrolled a crew of three volunteers and ran for two weeks in the 10th month of 2021.",
        (F("duration", dur(2, "week")), F("date", "2021-10")),
        topic="science",
        loose=frozenset({"count"}),
    ),
    Case(
        "The vaccine was approved in April 1961? No — the first such vaccine dates from the 1950s.",
        (F("date", "1961-04"), F("date", ["1950", "1959"])),
        topic="science",
    ),
    Case(
        "The team recorded 30 hours of footage during the dive.",
        (F("duration", dur(30, "hour"), measure="film"),),
        topic="science",
    ),
    Case(
        "Nobel laureate Ivo Marek died on Saturday at the age of 91.",
        (F("age", 91, "Ivo Marek"), F("date", "2023-10-07", measure="died")),
        D(2023, 10, 9),
        "science",
    ),
    # ── sport ─────────────────────────────────────────────────────────────────────────────────────
    Case(
        "Striker Leo Santos, 31, signed a four-year contract worth €60 million with Porto.",
        (
            F("age", 31, "Leo Santos"),
            F("duration", dur(4, "year"), measure="contract"),
            F("money", money(60_000_000, EUR)),
        ),
        topic="sport",
    ),
    Case(
        "The 19-year-old Mia Kovac won the final in straight sets on Sunday.",
        (F("age", 19, "Mia Kovac"), F("date", None)),
        topic="sport",
    ),
    Case(
        "Kovac, 19, became the youngest champion since 1997.",
        (F("age", 19, "Kovac"), F("date", "1997")),
        topic="sport",
    ),
    Case(
        "The marathon, held from October 5 to 17, 2021, drew 3,000 runners from 40 countries.",
        (
            F("date", ["2021-10-05", "2021-10-17"]),
            F("count", 3000, measure="runner"),
            F("count", 40, measure="country"),
        ),
        topic="sport",
    ),
    Case(
        "The club paid a record £85m for the midfielder in August.",
        (F("money", money(85_000_000, GBP), measure="price"), F("date", "--08")),
        topic="sport",
        loose=frozenset({"date"}),
    ),
    Case(
        "Tickets cost $45 each and the stadium holds 52,000 fans.",
        (F("money", money(45, USD), measure="price"), F("count", 52000, measure="fan")),
        topic="sport",
    ),
    Case(
        "She was banned for two years in 2016 and returned to competition in 2018.",
        (F("duration", dur(2, "year"), measure="ban"), F("date", "2016"), F("date", "2018", measure="return")),
        topic="sport",
    ),
    Case(
        "Coach Pieter de Groot, 58 years old, has led the team for more than a decade.",
        (F("age", 58, "Pieter de Groot"), F("duration", dur([10, None], "year"))),
        topic="sport",
    ),
    Case(
        "Eight-time champion Rafael Ortiz, aged 36, will retire at the end of the season.",
        (F("age", 36, "Rafael Ortiz"),),
        topic="sport",
    ),
    Case(
        "The race starts at 14:00 CET on Saturday, October 12.",
        (F("date", "2024-10-12T14:00+01:00"), F("date", "2024-10-12")),
        D(2024, 10, 10),
        "sport",
    ),
    Case(
        "The Olympic champion, who turned 30 in May, has won 12 medals in 11 years.",
        (F("count", 12, measure="medal"), F("duration", dur(11, "year")), F("date", "--05")),
        topic="sport",
        loose=frozenset({"age", "date"}),
    ),
    Case(
        "The 2026 World Cup will feature 48 teams and 104 matches.",
        (F("date", "2026"), F("count", 48, measure="team"), F("count", 104, measure="match")),
        topic="sport",
    ),
    Case(
        "Blue Harbor beat Eastfield 3-1 on Tuesday night to go two points clear.",
        (F("date", "2023-05-02"), F("count", 2, measure="point")),
        D(2023, 5, 3),
        "sport",
    ),
    Case(
        "The club was sold in 2013 for an undisclosed fee.",
        (F("date", "2013", measure="deal"), F("money", "undisclosed")),
        topic="sport",
    ),
    Case(
        "The veteran goalkeeper, 41, kept a clean sheet for the 200th time.",
        (F("age", 41),),
        topic="sport",
        loose=frozenset({"age"}),
    ),
    Case(
        "Organisers said some 60,000 spectators watched the 4-hour final.",
        (F("count", 60000, measure="spectator"), F("duration", dur(4, "hour"))),
        topic="sport",
    ),
    Case(
        "Apollo 11 landed on July 20, 1969, and Boeing 747 jets first flew in 1969 too.",
        (F("date", "1969-07-20", measure="land"), F("date", "1969")),
        topic="science",
    ),
    Case(
        "The 1-0 win came in the 89th minute after 2000 fans had already left.",
        (F("count", 2000, measure="fan"),),
        topic="sport",
    ),
)
