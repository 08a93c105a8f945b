"""A small hand-made comparison for the reader's tests: every kind of mark, independent of the engine.

Three outlets disagree on an actress's age (37 / 36 / 38), spell her name two ways, and one outlet's
name and text carry markup that must stay text. `build_sample` has the signature of
`build_comparison`, so the reader can rebuild it for another pivot.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from spacereader.engine.segment import segment
from spacereader.model import (
    Article,
    Comparison,
    Conflict,
    ConflictValue,
    DiffSpan,
    Entity,
    Fact,
    Mention,
    Row,
)

BODIES = {
    "planet": (
        "Actress Yulia Peresild, 37, flew to the ISS on 5 October. The film cost $20 million to make. "
        "The crew spent 12 days in orbit. Only the Planet reports that the cosmonaut sang."
    ),
    "orbit": (
        "Actress Yuliya Peresild, 36, flew to the ISS on 5 October. The film cost $20 million to make. "
        "The crew spent 12 days in orbit."
    ),
    "wire": (
        "Actress Yulia Peresild, 38, flew to the ISS. Markup [bold red]x[/] and a lone [/] stay text. "
        "The crew spent twelve days in orbit."
    ),
}
OUTLETS = {"planet": "Daily Planet", "orbit": "Orbit News", "wire": "[bold red]Wire[/]"}
DATES = {"planet": dt.date(2021, 10, 5), "orbit": dt.date(2021, 10, 6), "wire": None}


def sample_articles() -> tuple[Article, ...]:
    return tuple(
        Article(
            id=source,
            path=f"{source}.txt",
            body=body,
            sha256=hashlib.sha256(body.encode()).hexdigest(),
            outlet=OUTLETS[source],
            published=DATES[source],
        )
        for source, body in BODIES.items()
    )


def _fact(source: str, sentence: int, attribute: str, value: str, normalized, entity: str | None = None) -> Fact:
    start = BODIES[source].index(value)
    return Fact(source, sentence, attribute, value, normalized, start, start + len(value), entity=entity)  # type: ignore[arg-type]


def _diff(source: str, word: str) -> DiffSpan:
    start = BODIES[source].index(word)
    return DiffSpan(start, start + len(word))


def build_sample(articles=None, errors=(), *, pivot: str | None = None, threshold=None, progress=None) -> Comparison:
    articles = tuple(articles or sample_articles())
    pivot = pivot or "planet"
    sentences = {a.id: segment(a.body, a.id) for a in articles}
    ages = [
        _fact("planet", 0, "age", "37", 37, "Yulia Peresild"),
        _fact("orbit", 0, "age", "36", 36, "Yulia Peresild"),
        _fact("wire", 0, "age", "38", 38, "Yulia Peresild"),
    ]
    facts = (
        *ages,
        _fact("planet", 0, "date", "5 October", "2021-10-05"),
        _fact("orbit", 0, "date", "5 October", "2021-10-05"),
        _fact("planet", 1, "money", "$20 million", {"amount": 20_000_000, "currency": "USD"}),
        _fact("orbit", 1, "money", "$20 million", {"amount": 20_000_000, "currency": "USD"}),
        _fact("planet", 2, "duration", "12 days", {"value": 12, "unit": "day"}),
        _fact("orbit", 2, "duration", "12 days", {"value": 12, "unit": "day"}),
        _fact("wire", 2, "duration", "twelve days", {"value": 12, "unit": "day"}),
    )
    conflict = Conflict(
        id="age-yulia",
        entity="Yulia Peresild",  # facts and conflicts name the entity; mentions link to its id
        attribute="age",
        kind="conflict",
        explanation="The sources give three different ages.",
        values=tuple(ConflictValue(f, BODIES[f.source][f.start - 16 : f.end]) for f in ages),
    )
    mentions = tuple(
        Mention(source, 0, name, BODIES[source].index(name), BODIES[source].index(name) + len(name), "yulia")
        for source, name in (("planet", "Yulia Peresild"), ("orbit", "Yuliya Peresild"), ("wire", "Yulia Peresild"))
    )
    entity = Entity("yulia", "Yulia Peresild", spellings=(("Yulia Peresild", 2), ("Yuliya Peresild", 1)))
    shared = [
        {"planet": (0,), "orbit": (0,), "wire": (0,)},
        {"planet": (1,), "orbit": (1,)},
        {"planet": (2,), "orbit": (2,), "wire": (2,)},
        {"planet": (3,)},
        {"wire": (1,)},
    ]
    if pivot != "planet":  # the pivot's own sentences first, as the engine orders rows
        shared.sort(key=lambda cells: 0 if pivot in cells else 1)
    rows = tuple(
        Row(
            id=n,
            cells=cells,
            reference=pivot if pivot in cells else next(iter(cells)),
            differences={"orbit": (_diff("orbit", "Yuliya"), _diff("orbit", "36"))} if n == 0 else {},
        )
        for n, cells in enumerate(shared)
    )
    return Comparison(
        articles=articles,
        sentences=sentences,
        facts=facts,
        mentions=mentions,
        entities=(entity,),
        conflicts=(conflict,),
        rows=rows,
        pivot=pivot,
        errors=tuple(errors),
    )


def sample_app(**kwargs):
    from spacereader.tui.app import ReaderApp

    return ReaderApp(articles=sample_articles(), build=build_sample, load_config=False, **kwargs)


async def wait_ready(app, pilot) -> None:
    from spacereader.tui.screenshots import wait_until_ready

    assert await wait_until_ready(app, pilot, timeout=20)


def screen_text(app) -> str:
    """What the terminal shows, as plain text lines."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())
