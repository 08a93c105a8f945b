"""Synthetic piles of news articles about many events, with the true event of every article.

A pile mixes events of a few dozen topics (earthquakes, transfers, strikes, rate decisions ...): events of
one topic share the topic's words, its institutions ("the Red Cross", "the Premier League") and often
their country, and some articles recall an earlier event of their topic ("the second quake this year
after the one in Brasca"). Each event has its own invented people, places, organisation, figures and
date. Every article of an event reports a part of it in its own words (a surface variant per statement,
synonyms, a changed figure now and then: `clusters._perturb`), plus background sentences of other
stories (`clusters._unrelated`). About a third of the events are covered by one article only.

Everything is generated from word lists written here and in `tests/bench/clusters.py`; no third-party text.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from dataclasses import dataclass

from spacereader.model import Article
from tests.bench.clusters import LAST, SYLLABLES, _name, _perturb, _place, _statements, _unrelated

# Each topic: headlines, leads, statements (each a few surface variants), and the institutions every
# event of the topic may name. Slots: {place} {region} {country} {person} {person2} {org} {n} {m}
# {money} {mag} {weekday} {month} {day} {year} {age} {other} (a place of another event of the topic).
TOPICS: dict[str, dict[str, list]] = {
    "earthquake": {
        "title": ["Earthquake kills {n} in {region}", "{mag} quake strikes {country}", "Deadly tremor hits {place}"],
        "lead": [
            "A magnitude {mag} earthquake struck {region} in {country} on {weekday}, killing at least {n} people.",
            "At least {n} people died when a strong earthquake shook {place} early on {weekday}.",
            "Rescuers searched the rubble in {place} after an earthquake of magnitude {mag} left {n} dead.",
        ],
        "facts": [
            ["More than {m} people were injured, the {org} said.", "The {org} said {m} people had been hurt."],
            [
                "The epicentre was about {day} km from {place}, at a shallow depth.",
                "Seismologists located the epicentre near {place}.",
            ],
            [
                "The Red Cross set up tents for families whose homes collapsed.",
                "Tents were put up by the Red Cross for the homeless.",
            ],
            [
                "Aftershocks rattled the region through the night.",
                "Several aftershocks followed, frightening residents.",
            ],
            [
                "{person} said soldiers had been sent to help dig through the rubble.",
                "Troops were deployed to the area, {person} said.",
            ],
            [
                "It was the strongest quake in {region} since {year}.",
                "The region last suffered a major earthquake in {year}.",
            ],
        ],
        "recall": ["It is the second deadly quake in {country} this year, after the one near {other}."],
        "shared": ["Red Cross", "Geological Survey"],
    },
    "collapse": {
        "title": [
            "Bridge collapse in {place} kills {n}",
            "{place} bridge falls into river",
            "Inquiry ordered after {place} collapse",
        ],
        "lead": [
            "A road bridge in {place} collapsed on {weekday}, killing {n} people and injuring {m}.",
            "{n} people died when the bridge over the river at {place} gave way during the evening rush.",
            "The collapse of a bridge in {place}, {country}, has left {n} dead, officials said.",
        ],
        "facts": [
            [
                "Inspectors had rated the bridge structurally deficient in {year}.",
                "The crossing was flagged as deficient in {year}.",
            ],
            ["Repairs worth {money} had been postponed twice.", "A {money} repair plan was delayed for lack of funds."],
            [
                "{person}, the transport minister, ordered checks on every similar bridge.",
                "Every similar bridge will be inspected, {person} said.",
            ],
            ["Divers searched the river until dawn.", "Divers resumed the search at first light."],
            ["The bridge carried about {m} vehicles a day.", "Some {m} vehicles crossed it every day."],
        ],
        "recall": ["The disaster recalls the collapse at {other} earlier this year."],
        "shared": ["Transport Ministry", "Highways Agency"],
    },
    "transfer": {
        "title": ["{person} joins {org} in record deal", "{org} sign {person}", "{person} completes move to {org}"],
        "lead": [
            "{org} have signed forward {person} for a club-record fee of {money}.",
            "{person} has completed his move to {org}, who paid {money} for the {age}-year-old.",
            "The {age}-year-old {person} joined {org} on {weekday} in a deal worth {money}.",
        ],
        "facts": [
            ["He signed a contract until {year}.", "His deal runs to {year}."],
            ["{person} scored {n} goals last season.", "Last season he scored {n} times."],
            [
                "Manager {person2} called him the player the club needed.",
                "{person2}, the manager, praised the signing.",
            ],
            [
                "The fee could rise with add-ons linked to the Champions League.",
                "Add-ons tied to Champions League success could raise the fee.",
            ],
            ["He passed a medical on {weekday}.", "A medical was completed on {weekday}."],
        ],
        "recall": ["The deal follows the signing of {other} by a rival last week."],
        "shared": ["Premier League", "Champions League"],
    },
    "strike": {
        "title": ["{org} workers strike over pay", "Strike halts {org}", "Walkout at {org} enters second day"],
        "lead": [
            "Workers at {org} in {country} began a {n}-hour strike on {weekday} over pay.",
            "A strike by {m} staff of {org} brought services to a halt on {weekday}.",
            "Members of the union walked out at {org} on {weekday}, demanding a {day}% pay rise.",
        ],
        "facts": [
            [
                "Union leader {person} said members had lost out to inflation.",
                "{person}, who leads the union, blamed rising prices.",
            ],
            ["The employer has offered a smaller rise.", "Management's offer falls well short of the demand."],
            [
                "Minister {person2} urged both sides to return to talks.",
                "{person2} called on the two sides to resume talks.",
            ],
            ["Further stoppages are planned for {month}.", "The union threatened more strikes in {month}."],
        ],
        "recall": ["It follows a strike at {other} last month."],
        "shared": ["Labour Ministry"],
    },
    "rates": {
        "title": ["{org} raises rates to {mag}%", "{country} central bank moves rates", "Rates decision at {org}"],
        "lead": [
            "The {org} changed its main interest rate to {mag}% on {weekday}.",
            "{country}'s central bank set its benchmark rate at {mag}% on {weekday}, its first move since {year}.",
            "Governor {person} announced a rate of {mag}% after the {org} met on {weekday}.",
        ],
        "facts": [
            ["Inflation stood at {day}% in {month}.", "Annual inflation was {day}% in {month}."],
            ["{n} of the committee's members backed the decision.", "The vote was {n} in favour."],
            [
                "Economists polled by the Financial Wire had expected the move.",
                "The decision was in line with the Financial Wire poll.",
            ],
            ["The next meeting is on {month} {day}.", "Policymakers meet again on {month} {day}."],
        ],
        "recall": [],
        "shared": ["Financial Wire"],
    },
    "wildfire": {
        "title": ["Wildfire forces {m} from homes near {place}", "Fire burns {n} hectares in {region}"],
        "lead": [
            "A wildfire near {place} forced {m} people from their homes on {weekday}.",
            "Firefighters battled a blaze that has burned {n} hectares in {region}.",
        ],
        "facts": [
            [
                "Fire chief {person} said {day} aircraft were fighting the fire.",
                "{day} water-bombing planes were deployed, {person} said.",
            ],
            ["Temperatures have topped 38C for days.", "A heatwave has kept temperatures above 38C."],
            ["Police arrested a man suspected of starting it.", "A suspect has been detained, police said."],
        ],
        "recall": ["Crews sent to {other} last week were called back."],
        "shared": ["Civil Protection"],
    },
    "sentencing": {
        "title": [
            "{person} jailed for {day} years over fraud",
            "Former {org} chief sentenced",
            "{person} sentenced in {org} fraud case",
        ],
        "lead": [
            "{person}, the founder of {org}, was sentenced to {day} years in prison on {weekday} for fraud.",
            "A court in {place} jailed {person} for {day} years for defrauding investors of {money}.",
            "The {age}-year-old former head of {org}, {person}, received a {day}-year sentence.",
        ],
        "facts": [
            ["Judge {person2} said the fraud was calculated.", "{person2}, the judge, called it a calculated fraud."],
            ["Prosecutors had asked for {n} years.", "The prosecution sought {n} years."],
            ["He was ordered to forfeit {money}.", "A forfeiture of {money} was ordered."],
            ["His lawyers said he would appeal.", "An appeal is planned, his lawyers said."],
        ],
        "recall": ["The case has been compared with the conviction of {other}."],
        "shared": ["Supreme Court", "Securities Commission"],
    },
    "launch": {
        "title": ["{org} unveils new phone", "{org} launches {place} tablet", "First look at the {org} {place}"],
        "lead": [
            "{org} unveiled the {place}, its new smartphone, on {weekday}, priced from {money}.",
            "The {org} {place} goes on sale in {month} for {money}, the company said.",
        ],
        "facts": [
            [
                "Chief executive {person} said the company expects to sell {m} units.",
                "{person} forecast sales of {m} units.",
            ],
            ["The battery lasts {day} hours, the company says.", "{org} claims {day} hours of battery life."],
            ["It will be made at a factory in {region}.", "Production will take place in {region}."],
        ],
        "recall": ["Rival {other} launched a similar device last month."],
        "shared": ["App Store"],
    },
    "sinking": {
        "title": ["Ferry sinks off {place}, {n} missing", "Boat capsizes near {place}"],
        "lead": [
            "A ferry carrying {m} people sank off {place} on {weekday}, leaving {n} missing.",
            "The coast guard rescued dozens after a boat capsized near {place}, {country}.",
        ],
        "facts": [
            [
                "The Coast Guard said {day} ships joined the search.",
                "{day} vessels took part in the search, the Coast Guard said.",
            ],
            ["Survivors were taken to a hospital in {place}.", "The rescued were treated in {place}."],
            [
                "{person}, the ferry's owner, said the vessel was inspected in {year}.",
                "The boat passed its last inspection in {year}, {person} said.",
            ],
        ],
        "recall": ["It is the worst accident at sea since the sinking off {other}."],
        "shared": ["Coast Guard", "Maritime Authority"],
    },
    "ousted": {
        "title": ["{org} ousts chief executive {person}", "{person} out at {org}"],
        "lead": [
            "The board of {org} removed chief executive {person} on {weekday}, replacing him with {person2}.",
            "{person} has been ousted as head of {org} after {day} years in charge.",
        ],
        "facts": [
            ["Shares in {org} rose {day}% on the news.", "The company's shares gained {day}%."],
            ["{person} will receive a payout of {money}.", "His exit package is worth {money}."],
            ["The board cited losses of {money}.", "Losses of {money} prompted the move, the board said."],
        ],
        "recall": ["The shake-up comes weeks after {other} lost its chief executive."],
        "shared": ["Stock Exchange"],
    },
}

MAGNITUDES = [f"{whole}.{tenth}" for whole in range(4, 8) for tenth in range(10)]
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
MONTHS = "January February March April May June July August September October November December".split()


def _country(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(2)).capitalize() + rng.choice(["ia", "land", "ova", "stan"])


@dataclass
class Pile:
    articles: list[Article]
    truth: list[int]  # event number of each article
    topics: list[str]  # topic of each event


def _slots(rng: random.Random, countries: list[str], day: dt.date, topic: str) -> dict[str, str]:
    person = _name(rng)
    return {
        "place": _place(rng),
        "region": f"{_place(rng)} {rng.choice(['Valley', 'Highlands', 'Province', 'Coast', 'Hills'])}",
        "country": rng.choice(countries),
        "person": person,
        "person2": _name(rng),
        "org": f"{_place(rng)} {rng.choice(['United', 'Bank', 'Rail', 'Systems', 'Holdings', 'Transit', 'Mobile'])}"
        if topic != "rates"
        else f"Bank of {_place(rng)}",
        "n": str(rng.randint(3, 400)),
        "m": f"{rng.randint(2, 90) * 100:,}",
        "money": rng.choice(
            [f"${rng.randint(2, 900)} million", f"€{rng.randint(2, 90)} million", f"£{rng.randint(5, 99)}m"]
        ),
        "mag": rng.choice(MAGNITUDES),
        "weekday": WEEKDAYS[day.weekday()],
        "month": rng.choice(MONTHS),
        "day": str(rng.randint(2, 28)),
        "year": str(rng.randint(1960, 2022)),
        "age": str(rng.randint(19, 70)),
    }


def _fill(template: str, slots: dict[str, str]) -> str:
    text = template.format(**slots)
    return text[0].upper() + text[1:]


def generate(articles: int, seed: int = 0, singles: float = 0.35, start: dt.date = dt.date(2024, 1, 1)) -> Pile:
    """`articles` articles about events of every topic; about `singles` of the events have one article."""
    rng = random.Random(seed)
    countries = [_country(rng) for _ in range(30)]
    out: list[Article] = []
    truth: list[int] = []
    topics: list[str] = []
    places: dict[str, list[str]] = {topic: [] for topic in TOPICS}
    event = 0
    while len(out) < articles:
        topic = rng.choice(list(TOPICS))
        spec = TOPICS[topic]
        day = start + dt.timedelta(days=rng.randrange(730))
        slots = _slots(rng, countries, day, topic)
        slots["other"] = rng.choice(places[topic]) if places[topic] else _place(rng)
        places[topic].append(slots["person"] if topic in ("transfer", "sentencing", "ousted") else slots["place"])
        size = 1 if rng.random() < singles else min(12, 2 + int(rng.expovariate(0.35)))
        size = min(size, articles - len(out))
        story = _statements(rng, 10)
        for _ in range(size):
            title = _fill(rng.choice(spec["title"]), slots) if rng.random() < 0.8 else None
            sentences = [_fill(rng.choice(spec["lead"]), slots)]
            facts = rng.sample(spec["facts"], k=min(len(spec["facts"]), rng.randint(2, len(spec["facts"]))))
            sentences += [
                _perturb(rng, _fill(rng.choice(variants), slots), [slots["n"], slots["m"]]) for variants in facts
            ]
            picked = rng.sample(story.statements, k=rng.randint(4, 7))
            sentences += [" ".join(rng.choice(variants)) for variants in picked]
            if spec["recall"] and rng.random() < 0.3:
                sentences.insert(rng.randint(1, len(sentences)), _fill(rng.choice(spec["recall"]), slots))
            for _ in range(rng.randint(2, 4)):
                sentences.insert(rng.randint(1, len(sentences)), _unrelated(rng))
            body = "\n\n".join(" ".join(sentences[i : i + 2]) for i in range(0, len(sentences), 2))
            published = day + dt.timedelta(days=rng.choice((0, 0, 0, 1, 1, 2))) if rng.random() < 0.9 else None
            number = len(out)
            out.append(
                Article(
                    id=f"a{number:05d}",
                    path=f"a{number:05d}.txt",
                    body=body,
                    sha256=hashlib.sha256(body.encode()).hexdigest(),
                    title=title,
                    outlet=f"{rng.choice(LAST)} {rng.choice(['Times', 'Post', 'Wire', 'Herald', 'News'])}",
                    published=published,
                )
            )
            truth.append(event)
        topics.append(topic)
        event += 1
    return Pile(out, truth, topics)


if __name__ == "__main__":
    pile = generate(12, seed=1)
    for article, event in zip(pile.articles, pile.truth, strict=True):
        print(f"── {article.id} event {event} ({pile.topics[event]}) {article.published} {article.title}")
        print(article.body[:600], "\n")
