"""The reader's world as frozen values: articles, sentences, facts, entities, conflicts, rows.

Every engine step takes some of these and returns new ones; nothing here reads a file, the clock or
the terminal. `Comparison` is the one object the reader, the CLI and every exporter consume.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

Attribute = Literal["date", "age", "money", "duration", "count", "name"]
ConflictKind = Literal["conflict", "time-shift", "approximation", "variant"]
Precision = Literal["time", "day", "month", "year", "decade", "none"]
#: JSON-ready normalised value, shaped per the contract (number, [low, high], ISO string, dict ...).
Normalized = Any


@dataclass(frozen=True, slots=True)
class Article:
    """One loaded article: its metadata and its plain-text body (NFC, escapes removed)."""

    id: str
    path: str
    body: str
    sha256: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    author: str | None = None
    language: str | None = None

    @property
    def label(self) -> str:
        """What a person calls this source: the outlet, else the title, else the id."""
        return self.outlet or self.title or self.id


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of one source; `start`/`end` are character offsets into that article's body."""

    source: str
    index: int
    text: str
    start: int
    end: int
    paragraph: int = 0


@dataclass(frozen=True, slots=True)
class Fact:
    """A figure a sentence states: a date, an age, an amount of money, a duration, a count or a name.

    `value` is the text as written (body[start:end]); `normalized` is JSON-ready per the contract, or
    None when the text cannot be resolved (a relative date in an undated article).

    A figure is compared with other sources' figures of the same `measure` about the same `entity`:
    - `entity`: who or what the figure is about, by its display name across the sources: a person, an
      organisation or a named thing (a mission, a film, a ship, a club). None when the sentence does not
      say; such figures are compared only where the sentences say the same thing.
    - `measure`: what is measured, one class of `spacereader.engine.measures` ("payout", "cost", "killed",
      "stay", "launch", "age" …); None when no word near the figure says.
    """

    source: str
    sentence: int
    attribute: Attribute
    value: str
    normalized: Normalized
    start: int
    end: int
    entity: str | None = None
    measure: str | None = None
    precision: Precision = "none"
    approximate: bool = False
    #: What the figure is per or of, kept apart from the measure: "per share" for money, the unit of a count.
    qualifier: str | None = None
    #: Resolved from a relative expression ("on Tuesday", "last year") against the publication date.
    relative: bool = False
    #: Body span of the words the entity was read from, as written ("Agrawal’s", "Chandrayaan-2").
    subject: tuple[int, int] | None = None

    @property
    def context(self) -> str | None:
        """The measure's former name (read by alignment and the exports until they move to `measure`)."""
        return self.measure


@dataclass(frozen=True, slots=True)
class Mention:
    """A name as one source spells it, linked to an entity id."""

    source: str
    sentence: int
    text: str
    start: int
    end: int
    entity: str


@dataclass(frozen=True, slots=True)
class Entity:
    """A person or organisation, with every spelling the sources use (most frequent first)."""

    id: str
    name: str
    kind: Literal["person", "organisation", "other"] = "person"
    spellings: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True, slots=True)
class ConflictValue:
    """One source's side of a conflict, with the quote a reader can check."""

    fact: Fact
    quote: str


@dataclass(frozen=True, slots=True)
class Conflict:
    """Sources that disagree on one figure: the measure of one entity (or of one unnamed thing)."""

    id: str
    entity: str | None
    attribute: Attribute
    kind: ConflictKind
    explanation: str
    values: tuple[ConflictValue, ...]
    #: What the values measure (payout, cost, killed, launch …), as in `Fact.measure`; None for names.
    measure: str | None = None
    #: What the conflict is about, in words: "the payout to Parag Agrawal", "Yulia Peresild's age".
    topic: str = ""

    @property
    def heading(self) -> str:
        """The topic as a heading: "Payout to Parag Agrawal", "Number of people killed"."""
        text = self.topic.removeprefix("the ") or " · ".join(p for p in (self.entity, self.attribute) if p)
        return text[:1].upper() + text[1:]

    @property
    def context(self) -> str | None:
        """The measure's former name (read by the exports and the conflicts table)."""
        return self.measure


@dataclass(frozen=True, slots=True)
class DiffSpan:
    """A stretch of a sentence that differs from the row's reference sentence (body offsets)."""

    start: int
    end: int
    kind: Literal["word", "number"] = "word"


@dataclass(frozen=True, slots=True)
class Row:
    """Sentences of several sources that say the same thing.

    `cells` maps a source id to its sentence indices in this row (usually one). `reference` is the
    source whose sentence the word differences are measured against; `differences` maps a source id to
    the spans of its sentences that differ from the reference.
    """

    id: int
    cells: Mapping[str, tuple[int, ...]]
    score: float | None = None
    reference: str | None = None
    differences: Mapping[str, tuple[DiffSpan, ...]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class LoadError:
    """An input that could not be loaded, and why, in words a user can act on.

    With `loaded`, the input was read all the same and this is a warning about how (a page in the wrong
    charset, a cached copy standing in for an unreachable site).
    """

    path: str
    reason: str
    loaded: bool = False

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass(frozen=True, slots=True)
class Comparison:
    """Everything the engine knows about a set of articles about one event."""

    articles: tuple[Article, ...]
    sentences: Mapping[str, tuple[Sentence, ...]]
    facts: tuple[Fact, ...] = ()
    mentions: tuple[Mention, ...] = ()
    entities: tuple[Entity, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    rows: tuple[Row, ...] = ()
    pivot: str | None = None
    errors: tuple[LoadError, ...] = ()

    def article(self, source: str) -> Article:
        for article in self.articles:
            if article.id == source:
                return article
        raise KeyError(source)

    def sentence(self, source: str, index: int) -> Sentence:
        return self.sentences[source][index]
