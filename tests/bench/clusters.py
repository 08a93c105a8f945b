"""Synthetic news event clusters with known true rows, for the alignment bench and tests.

An event is a set of statements (facts about invented people, places, organisations and figures). Each
article of the event reports a random part of them in its own words: a surface template of the
statement's frame chosen per article, synonyms swapped, words dropped, a clause moved to the front, a
number changed (a conflict), a long statement split into two sentences or kept as one, a quote repeated,
the order shuffled locally, and unrelated filler sentences of its own. Truth: the sentences that render
one statement form one row; every other sentence is a row of its own.

Everything is generated from word lists written here; no third-party text.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from spacereader.model import Sentence

FIRST = """Amara Bruno Celia Dmitri Elena Farid Greta Hugo Ines Jonas Kalani Lena Marco Nadia Oskar Priya Quentin
Rosa Samir Tamsin Umar Vera Wendell Ximena Yusuf Zora Anton Beatriz Cyrus Delphine Emil Fatima Gideon Hana Ivo
Jelena Kofi Liesel Mateo Noor Olga Pavel Rania Stellan Tova Viktor Wanjiru Yara""".split()
LAST = """Abernathy Balogun Castellano Drummond Eriksen Fontaine Grigoriev Haddad Ibsen Jovanovic Kowalczyk
Lindqvist Moreau Nakamura Okonkwo Petrova Quintero Rasmussen Sokolova Takahashi Urquhart Valdivia Whitcombe
Xenakis Yilmaz Zielinski Achterberg Brannigan Cvetkovic Delacroix Esposito Fairweather Gallagher Horvath
Iwasaki Jankowski Kaminski Lombardi Marchetti Novak Ostrowski Pellegrini Quarshie Romanov Szabo""".split()
SYLLABLES = """bel dor fen gar hal kes lin mar nor pel quin ros sel tam var wick yor zan bro cal dun ash bri cor del
elm fal gil hor ivo jar kil lor mun nes ov pra rud sol tor ul ves wyn""".split()
ROLES = """spokesperson director chairman chief minister mayor commander prosecutor engineer governor treasurer
auditor inspector ombudsman registrar curator surveyor coroner magistrate superintendent""".split()
ORG_KINDS = [
    "Harbour Trust",
    "Mining Council",
    "Lottery Board",
    "Forestry Office",
    "Statistics Bureau",
    "Dairy Cooperative",
    "Bar Association",
    "Chamber of Commerce",
    "Tax Office",
    "Census Board",
    "Aviation Authority",
    "Teachers' Union",
    "Veterans' League",
    "Railway Museum",
    "Wine Guild",
    "Ministry of Transport",
    "Water Authority",
    "Space Agency",
    "Fire Service",
    "Rail Company",
    "Health Department",
    "Port Authority",
    "Energy Board",
    "Police Department",
    "Court of Appeal",
]
NOUNS = """bridge reservoir satellite pipeline tunnel runway hospital dam factory stadium ferry railway reactor
turbine harbour levee warehouse refinery observatory aqueduct""".split()
CAUSES = [
    "corrosion",
    "flooding",
    "a software fault",
    "an electrical fire",
    "metal fatigue",
    "heavy rain",
    "a gas leak",
    "an engine failure",
    "poor maintenance",
    "a landslide",
]
ITEMS = [
    "the repairs",
    "the rescue operation",
    "temporary housing",
    "the compensation fund",
    "new sensors",
    "the cleanup",
    "the inquiry",
    "a replacement crossing",
    "the emergency shelters",
    "the legal fees",
]
STAGES = [
    "the first warning",
    "the evacuation",
    "the collapse",
    "the final inspection",
    "the last repair",
    "the blackout",
    "the first arrest",
    "the public hearing",
    "the reopening",
    "the alarm",
]
ACTIONS = [
    ("close", "closed"),
    ("inspect", "inspected"),
    ("guard", "guarded"),
    ("drain", "drained"),
    ("monitor", "monitored"),
    ("rebuild", "rebuilt"),
    ("seal", "sealed"),
    ("light", "lit"),
]
PEOPLE = ["people", "residents", "workers", "passengers", "children", "soldiers", "patients"]
HURT = ["injured", "evacuated", "rescued", "hospitalised", "killed", "displaced"]
QUOTE_VERBS = ["rebuild", "inspect", "reopen", "replace", "review", "protect", "compensate", "investigate"]
QUOTE_OBJECTS = [
    "every family affected",
    "the whole network",
    "each of the sites",
    "the old structures",
    "the safety rules",
    "the local economy",
    "the emergency plan",
    "the damaged section",
]
MONTHS = "January February March April May June July August September October November December".split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
SYNONYMS = {
    "said": ["said", "stated", "added", "declared"],
    "announced": ["announced", "said", "confirmed", "revealed"],
    "cost": ["cost", "budget", "price tag", "total cost"],
    "project": ["project", "programme", "plan", "scheme"],
    "about": ["about", "roughly", "nearly", "some"],
    "investigators": ["investigators", "inspectors", "experts", "officials"],
    "believe": ["believe", "suspect", "think", "say"],
    "accident": ["accident", "disaster", "incident", "collapse"],
    "at least": ["at least", "more than", "some", "about"],
    "will": ["will", "is set to", "plans to", "is expected to"],
    "started": ["started", "began", "opened", "launched"],
    "large": ["large", "big", "major", "significant"],
}
FILLER = [
    "{place} {verb} {adj} {topic} {prep} {month}.",
    "The {adj} {thing} of {place} {verb} {topic}.",
    "{people} in {place} {verb} {adj} {topic} and {topic2}.",
    "{weekday}'s {adj} {topic} {verb} {place}.",
    "Since {month}, {topic} {verb} {adj} {thing}.",
    "{org} {verb} {topic} {prep} {place2}.",
    "{adj} {topic} {verb} {people} {prep} {place}.",
    "Meanwhile, {place} {verb} {topic} amid {adj} {thing}.",
]
VERBS = """debated blamed praised ignored delayed funded mocked studied rejected welcomed questioned doubled
reviewed opposed celebrated tolerated""".split()
PREPS = "before after during across beyond despite near".split()
ADJ = """quiet bitter lengthy heated costly unusual modest sudden growing familiar fragile remote""".split()
ADJ2 = """long-running fierce public national regional seasonal historic crowded painful steady""".split()
TOPICS = [
    "housing prices",
    "road safety",
    "water quality",
    "school funding",
    "air pollution",
    "tax rises",
    "youth unemployment",
    "river pollution",
    "bus fares",
    "energy bills",
    "hospital waiting lists",
]
THINGS = [
    "cheese",
    "lace",
    "glassware",
    "vineyards",
    "wool mills",
    "ceramics",
    "shipyards",
    "orchards",
    "tramways",
    "beekeepers",
    "bakeries",
    "cinemas",
    "libraries",
    "markets",
    "choirs",
    "canals",
    "quarries",
    "bookshops",
]
TOPICS += [
    "parking fees",
    "noise complaints",
    "library hours",
    "street lighting",
    "rent controls",
    "litter fines",
    "broadband speeds",
    "night buses",
    "pension reform",
    "heritage grants",
    "tourist taxes",
    "dog licences",
]


# Verb groups: (past tense synonyms, past participle synonyms): an article picks one of each group.
VERB_GROUPS = [
    (["approved", "endorsed", "backed"], ["approved", "endorsed", "backed"]),
    (["rejected", "turned down", "refused"], ["rejected", "turned down", "refused"]),
    (["postponed", "delayed", "put off"], ["postponed", "delayed", "put off"]),
    (["inspected", "examined", "checked"], ["inspected", "examined", "checked"]),
    (["ordered", "commissioned", "requested"], ["ordered", "commissioned", "requested"]),
    (["criticised", "attacked", "condemned"], ["criticised", "attacked", "condemned"]),
    (["bought", "acquired", "purchased"], ["bought", "acquired", "purchased"]),
    (["repaired", "fixed", "restored"], ["repaired", "fixed", "restored"]),
    (["evacuated", "cleared", "emptied"], ["evacuated", "cleared", "emptied"]),
    (["found", "discovered", "detected"], ["found", "discovered", "detected"]),
    (["dismissed", "fired", "sacked"], ["dismissed", "fired", "sacked"]),
    (["funded", "financed", "paid for"], ["funded", "financed", "paid for"]),
    (["warned", "alerted", "cautioned"], ["warned", "alerted", "cautioned"]),
    (["sued", "took to court", "filed a lawsuit against"], ["sued", "taken to court", "sued"]),
    (["praised", "commended", "lauded"], ["praised", "commended", "lauded"]),
    (["closed", "shut", "sealed off"], ["closed", "shut", "sealed off"]),
    (["tested", "trialled", "piloted"], ["tested", "trialled", "piloted"]),
    (["blocked", "halted", "stopped"], ["blocked", "halted", "stopped"]),
    (["hired", "recruited", "took on"], ["hired", "recruited", "taken on"]),
    (["questioned", "interviewed", "interrogated"], ["questioned", "interviewed", "interrogated"]),
]
# Noun groups: synonyms an outlet may use for the same thing.
NOUN_GROUPS = [
    ["contract", "deal", "agreement"],
    ["report", "study", "review"],
    ["budget", "spending plan", "finances"],
    ["shipment", "consignment", "cargo"],
    ["vaccine", "jab", "shot"],
    ["warehouse", "depot", "storage site"],
    ["pipeline", "pipe network", "conduit"],
    ["proposal", "plan", "scheme"],
    ["lawsuit", "legal case", "suit"],
    ["ferry", "boat", "vessel"],
    ["drone", "unmanned aircraft", "UAV"],
    ["laboratory", "lab", "research centre"],
    ["election", "vote", "ballot"],
    ["strike", "walkout", "stoppage"],
    ["merger", "takeover", "acquisition"],
    ["hospital", "clinic", "medical centre"],
    ["tunnel", "underpass", "tunnel section"],
    ["reactor", "plant", "unit"],
    ["satellite", "spacecraft", "probe"],
    ["runway", "airstrip", "landing strip"],
    ["archive", "records", "files"],
    ["bridge", "crossing", "span"],
    ["school", "academy", "college"],
    ["factory", "plant", "works"],
    ["audit", "inspection", "review"],
    ["loan", "credit line", "bailout"],
    ["protest", "demonstration", "rally"],
    ["museum", "gallery", "exhibition hall"],
    ["levee", "flood wall", "embankment"],
    ["software", "system", "program"],
]
ADJECTIVES = """new old damaged disputed secret temporary regional private public controversial delayed
experimental historic emergency unfinished abandoned flagship leaking overdue rented modernised insured
mothballed prototype redundant subsidised upgraded vandalised waterlogged oversized makeshift rusting
refurbished uninsured unlicensed""".split()
TIMES = [
    "on {weekday}",
    "last {weekday}",
    "in {month}",
    "in {month} {year}",
    "early on {weekday}",
    "on {month} {day}",
    "late on {weekday}",
]


WHERE = """district valley quarter harbour heights estate marshes junction wharf gardens ridge borough parish
commons reach""".split()


def _grammar(rng: random.Random, people: list[tuple[str, str, int]], org: str, place: str) -> list[list[str]]:
    """A statement built from a subject, a verb, an object and adjuncts, in several surface forms."""
    who, role, _age = rng.choice(people)
    subject = rng.choice([who, f"the {org}", f"{role.capitalize()} {who}", f"the {place} council"])
    past, participle = rng.choice(VERB_GROUPS)
    noun = rng.choice(NOUN_GROUPS)
    adj = rng.choice(ADJECTIVES)
    count = rng.choice(["", "", f"{rng.randint(2, 90)} ", "two ", "three "])
    where = f"{_place(rng)} {rng.choice(WHERE)}"
    when = rng.choice(TIMES).format(
        weekday=rng.choice(WEEKDAYS), month=rng.choice(MONTHS), year=rng.randint(2015, 2024), day=rng.randint(1, 28)
    )
    source = rng.choice([f"the {org}", f"{who.split()[1]}'s office", "officials", "a spokesperson"])
    variants = []
    for _ in range(4):
        v, pp, n = rng.choice(past), rng.choice(participle), rng.choice(noun)
        plural = "s" if count and not n.endswith("s") else ""
        obj = f"{count}{adj} {n}{plural} in {where}" if count else f"the {adj} {n} in {where}"
        was = "were" if count else "was"
        form = rng.randrange(5)
        if form == 0:
            text = f"{subject} {v} {obj} {when}, {source} said."
        elif form == 1:
            text = f"{when}, {subject} {v} {obj}."
        elif form == 2:
            text = f"{obj} {was} {pp} by {subject} {when}."
        elif form == 3:
            text = f"According to {source}, {subject} {v} {obj} {when}."
        else:
            text = f"{source} said {subject} had {pp} {obj} {when}."
        variants.append([text[0].upper() + text[1:]])
    return variants


TOPIC_HEADS = """housing road water school air tax youth river bus energy hospital parking noise library street rent
litter broadband pension heritage tourist dog ferry farm fishing mining forestry cycling museum harbour""".split()
TOPIC_TAILS = """prices safety quality funding rules fees complaints hours grants bills permits subsidies quotas
licences inspections targets levies charges reforms shortages""".split()


@dataclass
class Event:
    statements: list[list[list[str]]]  # statement -> surface variants -> sentences (1 or 2)
    numbers: list[list[str]]  # per statement, the figures that may be changed


def _name(rng: random.Random) -> str:
    """A person: a first name from the list, a surname from the list or made up (surnames are many)."""
    if rng.random() < 0.5:
        return f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    stem = "".join(rng.choice(SYLLABLES) for _ in range(2)).capitalize()
    return f"{rng.choice(FIRST)} {stem}{rng.choice(['ski', 'son', 'ova', 'ez', 'ini', 'berg', 'ley', 'ard'])}"


def _place(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.choice((2, 3)))).capitalize()


def _statements(rng: random.Random, size: int) -> Event:
    """About `size` statements of an invented event, each as several surface variants."""
    place = _place(rng)
    org = f"{place} {rng.choice(ORG_KINDS)}"
    noun = rng.choice(NOUNS)
    people = [(_name(rng), rng.choice(ROLES), rng.randint(31, 72)) for _ in range(6)]
    statements: list[list[list[str]]] = []
    numbers: list[list[str]] = []
    # Each story uses some of the sentence patterns, not all: two events' stories differ in shape too.
    frames = rng.sample(["quote", "count", "person", "money", "date", "action", "background", "cause", "split"], 6)
    used: dict[str, int] = {}
    introduced: set[str] = set()
    while len(statements) < size:
        frame = rng.choice(frames)
        if used.get(frame, 0) >= 2:  # real stories do not repeat one sentence pattern for many facts
            statements.append(_grammar(rng, people, org, place))
            numbers.append([])
            continue
        used[frame] = used.get(frame, 0) + 1
        noun = rng.choice(NOUNS)  # each statement is about its own part of the story
        item = rng.choice(ITEMS)
        stage = rng.choice(STAGES)
        act, acted = rng.choice(ACTIONS)
        who, role, age = rng.choice(people)
        if frame == "person":  # one biography per person: a second would be the same statement
            if who in introduced:
                continue
            introduced.add(who)
        last = who.split()[1]
        verb, obj = rng.choice(QUOTE_VERBS), rng.choice(QUOTE_OBJECTS)
        n = rng.randint(3, 480)
        year = rng.randint(1950, 2015)
        day, month, weekday = rng.randint(1, 28), rng.choice(MONTHS), rng.choice(WEEKDAYS)
        money = rng.choice(
            [f"${rng.randint(2, 900)} million", f"Rs {rng.randint(20, 900)} crore", f"€{rng.randint(2, 90)} billion"]
        )
        sub = f"{_place(rng)} {rng.choice(['district', 'valley', 'quarter', 'crossing', 'station'])}"
        cause = rng.choice(CAUSES)
        pnoun, hurt = rng.choice(PEOPLE), rng.choice(HURT)
        if frame == "quote":
            quote = f"We will {verb} {obj} near {sub} before {month}"
            variants = [
                [f"“{quote},” {who} said."],
                [f"{who}, the {role}, said: “{quote}.”"],
                [f"“{quote},” said {last}, the {org} {role}."],
                [f"{last} promised that the {org} would {verb} {obj} near {sub} before {month}."],
            ]
            figures = []
        elif frame == "count":
            variants = [
                [f"At least {n} {pnoun} were {hurt} in {sub}, the {org} said."],
                [f"The {org} said {n} {pnoun} had been {hurt} in {sub}."],
                [f"In {sub}, at least {n} {pnoun} were {hurt} after the accident."],
                [f"According to the {org}, the number of {pnoun} {hurt} in {sub} rose to {n}."],
            ]
            figures = [str(n)]
        elif frame == "person":
            variants = [
                [f"{who}, {age}, has been the {role} of the {org} since {year}."],
                [f"The {age}-year-old {who} became {role} of the {org} in {year}."],
                [f"{who}, who is {age}, took over as the {org}'s {role} in {year}."],
            ]
            figures = [str(age), str(year)]
        elif frame == "money":
            variants = [
                [f"The total cost of {item} at the {noun} in {sub} is {money}."],
                [f"The estimated budget for {item} at the {sub} {noun} is {money}, according to {last}."],
                [f"The {org} put the price of {item} at the {noun} in {sub} at {money}."],
            ]
            figures = [money.split()[-2] if "Rs" in money else money.split()[0]]
        elif frame == "date":
            variants = [
                [f"{stage[0].upper() + stage[1:]} at the {sub} {noun} came on {weekday}, {month} {day}."],
                [f"On {month} {day}, a {weekday}, {stage} at the {noun} near {sub} took place."],
                [f"It was on {weekday} {day} {month} that {stage} at the {sub} {noun} happened."],
            ]
            figures = [str(day)]
        elif frame == "action":
            variants = [
                [f"The {org} announced that it will {act} the {noun} in {sub} for {n} days."],
                [f"The {noun} in {sub} will be {acted} for {n} days, the {org} announced."],
                [f"For the next {n} days the {sub} {noun} will be {acted}, {last} said."],
            ]
            figures = [str(n)]
        elif frame == "background":
            variants = [
                [f"{sub} was founded in {year} and has about {n * 100} residents."],
                [f"Founded in {year}, {sub} is home to roughly {n * 100} people."],
                [f"Some {n * 100} people live in {sub}, which dates from {year}."],
            ]
            figures = [str(n * 100)]
        elif frame == "cause":
            variants = [
                [f"Investigators believe the {noun} failure in {sub} was caused by {cause}."],
                [
                    f"{cause[0].upper() + cause[1:]} is the likely cause of the {sub} {noun} failure, investigators said."
                ],
                [f"Inspectors in {sub} suspect {cause} brought down the {noun}."],
            ]
            figures = []
        else:  # split: one long sentence in some articles, two in others
            a = f"{who}, the {role} of the {org}, visited the {noun} site in {sub} on {weekday}"
            b = f"promised {n} new inspectors for {_place(rng)} by {month}"
            variants = [
                [f"{a} and {b}."],
                [f"{a}.", f"{last} also {b}."],
                [f"{a}, and she {b}."],
                [f"On {weekday}, {last} toured the {noun} site in {sub}.", f"The {role} {b}."],
            ]
            figures = [str(n)]
        statements.append(variants)
        numbers.append(figures)
    return Event(statements, numbers)


def _perturb(rng: random.Random, text: str, figures: list[str]) -> str:
    """Article-level editing: synonyms, a dropped word, a moved clause, a changed number."""
    quoted = "“" in text
    for word, choices in SYNONYMS.items():
        if not quoted and f" {word} " in text and rng.random() < 0.5:
            text = text.replace(f" {word} ", f" {rng.choice(choices)} ", 1)
    words = text.split()
    if len(words) > 8 and rng.random() < 0.3:  # drop a word that is not a name or a number
        spot = rng.randrange(1, len(words) - 1)
        if words[spot].islower() and not any(c.isdigit() for c in words[spot]):
            del words[spot]
            text = " ".join(words)
    if ", " in text and rng.random() < 0.3 and text.endswith(".") and "“" not in text:
        head, tail = text[:-1].rsplit(", ", 1)
        if tail.endswith((" said", " announced", " stated", " declared", " added")):  # attribution to the front
            lead = head if head.split()[0] not in ("The", "At", "In", "A", "For") else head[0].lower() + head[1:]
            text = f"{tail[0].upper()}{tail[1:]} that {lead}."
        elif tail.startswith("according to "):
            text = f"According to {tail[13:]}, {head[0].lower() + head[1:]}."
    for figure in figures:
        if figure in text and rng.random() < 0.15:
            digits = "".join(c for c in figure if c.isdigit())
            if digits:
                changed = str(int(digits) + rng.choice((-2, -1, 1, 3)))
                text = text.replace(digits, changed, 1)
    return text


def _filler(rng: random.Random, org: str) -> str:
    """A sentence about something else: two clauses of background with their own invented names."""

    def clause() -> str:
        template = rng.choice(FILLER)
        topic, topic2 = (
            f"{rng.choice(TOPIC_HEADS)} {rng.choice(TOPIC_TAILS)}" if rng.random() < 0.7 else rng.choice(TOPICS)
            for _ in range(2)
        )
        return template.format(
            adj=rng.choice(ADJ + ADJ2),
            noun=rng.choice(NOUNS),
            place=_place(rng),
            place2=_place(rng),
            topic=topic,
            topic2=topic2,
            thing=rng.choice(THINGS),
            month=rng.choice(MONTHS),
            org=org,
            weekday=rng.choice(WEEKDAYS),
            people=rng.choice(PEOPLE),
            verb=rng.choice(VERBS),
            prep=rng.choice(PREPS),
        ).rstrip(".")

    first, second = clause(), clause()
    text = f"{first}, {rng.choice(['while', 'and', 'but', 'as', 'whereas'])} {second[0].lower() + second[1:]}."
    return text[0].upper() + text[1:]


def _unrelated(rng: random.Random) -> str:
    """Filler: background from another story (its own people, places and organisation) or local colour."""
    if rng.random() < 0.1:
        return _filler(rng, "council")
    place = _place(rng)
    people = [(_name(rng), rng.choice(ROLES), rng.randint(30, 70)) for _ in range(2)]
    return _perturb(rng, rng.choice(_grammar(rng, people, f"{place} {rng.choice(ORG_KINDS)}", place))[0], [])


@dataclass
class Cluster:
    sentences: dict[str, tuple[Sentence, ...]]
    rows: list[set[tuple[str, int]]]  # true rows with two or more sentences


def generate(articles: int, sentences_per_article: int = 40, per_event: int = 5, seed: int = 0) -> Cluster:
    """`articles` articles in events of about `per_event` articles, with the true rows."""
    rng = random.Random(seed)
    out: dict[str, tuple[Sentence, ...]] = {}
    truth: dict[tuple[int, int], set[tuple[str, int]]] = {}
    made = 0
    event_number = 0
    while made < articles:
        size = min(articles - made, max(2, per_event + rng.randint(-2, 2)))
        shared = int(sentences_per_article * 0.9)
        event = _statements(rng, shared)
        for _ in range(size):
            source = f"a{made:04d}"
            made += 1
            picked = sorted(
                rng.sample(range(len(event.statements)), int(len(event.statements) * rng.uniform(0.55, 0.85)))
            )
            # Local reordering: news moves paragraphs, it does not shuffle the whole story.
            keyed = sorted(picked, key=lambda s: s + rng.gauss(0, 4))
            items: list[tuple[str, int | None]] = []
            for statement in keyed:
                variant = rng.choice(event.statements[statement])
                for text in variant:
                    items.append((_perturb(rng, text, event.numbers[statement]), statement))
                if len(variant) == 1 and "“" in variant[0] and rng.random() < 0.1:  # the same quote again
                    items.append((variant[0], statement))
            while len(items) < sentences_per_article:
                items.insert(rng.randrange(len(items) + 1), (_unrelated(rng), None))
            body_parts, sentences, offset = [], [], 0
            for index, (text, statement) in enumerate(items[: max(sentences_per_article, len(items))]):
                sentences.append(Sentence(source=source, index=index, text=text, start=offset, end=offset + len(text)))
                body_parts.append(text)
                offset += len(text) + 1
                if statement is not None:
                    truth.setdefault((event_number, statement), set()).add((source, index))
            out[source] = tuple(sentences)
        event_number += 1
    rows = [row for row in truth.values() if len(row) > 1]
    return Cluster(out, rows)


def row_pairs(rows: list[set[tuple[str, int]]] | list[frozenset[tuple[str, int]]]) -> set[frozenset[tuple[str, int]]]:
    """Every unordered pair of sentences that share a row."""
    pairs = set()
    for row in rows:
        members = sorted(row)
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                pairs.add(frozenset((a, b)))
    return pairs


def precision_recall(predicted: list[set[tuple[str, int]]], truth: list[set[tuple[str, int]]]) -> tuple[float, float]:
    found, true = row_pairs(predicted), row_pairs(truth)
    hits = len(found & true)
    return (hits / len(found) if found else 1.0), (hits / len(true) if true else 1.0)
