"""Hand labels for alignment on real-looking coverage: which sentences of different sources belong in one row.

Each corpus lists groups of sentences ("000:19" is sentence 19 of the source whose id starts with
"000"; indices are `spacereader.engine.segment.segment`'s on the article body):

- `true`: every cross-source pair inside a group reports the same statement (a reader comparing the
  coverage wants them side by side, conflicting figures included);
- `either`: pairs a careful reader could call either way (same theme, one sentence restating part of a
  compound one, the same person saying different things); left out of precision and recall;
- `false`: clearly different statements that an aligner might still pair (shared names or figures);
  they are pinned by tests. Every pair that is neither true nor either counts as false.

The seeds are real articles (about the first film shot in space); `tests/articles/bridge` was written
for the tests; `quake`, `rates`, `transfer` and `strike` were written for this evaluation (invented places, people
and figures; three outlets each with paraphrase, reordering and some differing numbers). Tuning sets
and held-out sets are named in `TUNE` and `HOLDOUT`: change the aligner looking at the first only.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

Member = tuple[str, int]
Pair = frozenset[Member]


@dataclass(frozen=True)
class Corpus:
    path: str | None  # None: the bundled seeds
    true: Sequence[str]
    either: Sequence[str] = ()
    false: Sequence[str] = ()


LABELS: dict[str, Corpus] = {
    "seeds": Corpus(
        None,
        true=(
            "001:6 004:2",  # beat / overtake Tom Cruise and his project with NASA and Musk's SpaceX
            "000:19 001:2 003:2 004:1",  # actress Peresild and director Shipenko go to space
            "000:5 001:3",  # leaving from Baikonur in Kazakhstan on Tuesday / October 5
            "000:21 001:4",  # the film is called "The Challenge"
            "002:2 004:17",  # plot: a surgeon / doctor sent to the ISS to save (operate on) a cosmonaut
            "002:3 003:1",  # Russia sent an actress and a director to orbit
            "002:11 003:7",  # both underwent training
            "002:9 003:5 004:21",  # the director does camera, light and sound himself
            "003:13 004:8",  # producers include Rogozin, head of Roscosmos
            "003:14 004:9",  # Ernst staged Putin's parades, inaugurations, the Sochi games
            "003:11 004:4",  # the Russian project was announced after Cruise's
        ),
        either=(
            # Russia first, ahead of the Americans and Tom Cruise: one theme, many statements.
            "000:1 000:2 000:3 000:17 001:0 001:1 001:6 002:0 002:1 002:12 003:0 003:1 004:0 004:2",
            "000:5 001:3 004:1 000:22",  # 004:1 also gives the launch
            "000:21 001:4 004:4 002:2",  # the title also in 004:4 and 002:2
            "002:2 003:4 004:17",  # 003:4 is twelve days of filming and the plot
            "002:3 003:4 003:2 004:1 001:2 000:19",  # "sent an actress and a director" / who they are
            "002:11 003:7 004:20 000:20",  # training
            "002:9 003:5 004:21 003:6 002:8 002:10",  # the director's jobs, the tiny set
            "002:10 000:19 001:2 003:2 004:1",  # Peresild's age (a conflict) in another statement
            "002:9 003:2 004:1",  # Shipenko's age (a conflict)
            "003:13 003:14 004:8 004:9",
            "003:11 004:4 001:10",
            "001:7 000:2 003:11 000:18",  # Cruise's film aboard the ISS
            "001:9 004:2",  # Doug Liman
            "002:17 002:18 003:15 004:0 000:11 002:16",  # Gagarin, April, Putin's speeches
            "001:20 003:17",  # a Russian space station
            "000:6 002:13",  # Cold War
            "004:12 004:13 003:10",  # Russia lost ground / prestige
            "001:4 003:12",  # never filmed in orbit before
        ),
        false=(
            "000:7 002:4",  # Cold War rivals / the capsule in Gorki Park
            "003:3 001:3",  # arrival at the ISS / departure from Baikonur
            "004:24 002:9",  # 3,000 candidates / 30 hours of footage
        ),
    ),
    "bridge": Corpus(
        "tests/articles/bridge",
        true=(
            "courier:0 gazette:1 wire:1",  # the bridge fell into the river on Tuesday evening
            "courier:1 gazette:2 wire:2",  # 14 injured / 12 taken to hospital
            "gazette:0 wire:0",  # nine dead
            "courier:2 gazette:3 wire:3",  # opened in 1968 (1971), 21,000 (20,000) vehicles a day
            "courier:3 gazette:4",  # structurally deficient in 2019
            "courier:6 gazette:4 wire:6",  # $4.2 million of repairs due in June
            "courier:5 wire:5",  # engineer Okonkwo: "serious but not an emergency"
            "gazette:6 wire:7",  # Bellamy: review of the 40 bridges in two weeks
        ),
        either=(
            "gazette:0 wire:1 courier:1 courier:0 wire:0",  # the death toll, 7 or 9
            "courier:4 gazette:5 wire:4",  # Mayor Haraldsen said different things
            "courier:7 gazette:5 gazette:2",  # divers, search teams
            "courier:8 gazette:0",  # two missing / a ninth victim found
            "wire:3 gazette:6 courier:3",  # 40 crossings flagged for corrosion
            "gazette:7 wire:7",
        ),
        false=(
            "courier:5 gazette:5",  # the engineer, 52 / the mayor, 61
            "wire:8 courier:6",  # tolls of $12 / $4.2 million of repairs
        ),
    ),
    "quake": Corpus(
        "tests/articles/quake",
        true=(
            "herald:0 wire:0",  # the earthquake killed 23 / 27 people
            "daily:0 wire:9",  # Prime Minister Fanti comes back to Brasca
            "herald:1 daily:2",  # it struck at 4.12 am
            "herald:2 wire:1 daily:2",  # epicentre about 12 km from Brasca; magnitude 6.4 / 6.2
            "wire:2 daily:3",  # 170 / 160 injured
            "herald:3 wire:6",  # old stone houses collapsed
            "herald:4 wire:3",  # 300 soldiers / troops
            "herald:5 wire:5",  # Verri: survivors still found alive
            "herald:6 wire:7",  # aftershock of magnitude 4.8
            "herald:7 wire:4",  # a landslide blocked the valley road
            "herald:8 daily:6",  # the 1980 earthquake, nearly 3,000 dead
            "herald:9 daily:8",  # schools closed until Wednesday
            "wire:8 daily:5",  # Red Cross tents for 2,000
        ),
        either=(
            "herald:0 wire:0 daily:0",
            "herald:1 wire:1",
            "herald:0 wire:2 daily:3",  # the injured, also in the lead
            "daily:4 herald:3 wire:6 herald:4 wire:3 wire:0",  # digging through collapsed houses
            "herald:6 wire:7 daily:7",  # aftershocks
            "daily:1 wire:9",
        ),
        false=(
            "daily:9 herald:0",  # insurance / the lead
            "wire:8 herald:8",  # 2,000 in tents / 3,000 dead in 1980
        ),
    ),
    "rates": Corpus(
        "tests/articles/rates",
        true=(
            "ledger:0 newswire:0 times:1",  # half a point to 4.75% on Thursday
            "ledger:1 newswire:1",  # economists expected a quarter point
            "ledger:2 newswire:3 times:2",  # Vasko: inflation far too high, persistent
            "newswire:4 times:3",  # inflation 8.1% / 7.9% in May
            "ledger:3 newswire:2 times:5",  # three of nine voted for a quarter point
            "ledger:4 times:4",  # inflation back to target in late 2026
            "ledger:5 newswire:6",  # borrowers will pay more at once
            "ledger:6 newswire:5 times:8",  # the crown rose against the euro
            "ledger:7 newswire:7",  # ready to raise again
            "ledger:8 times:6",  # Ruel: a blow to struggling families
            "ledger:9 times:9",  # next meeting September 18
        ),
        either=(
            "times:0 ledger:0 newswire:0 times:1 ledger:5 newswire:6",
            "ledger:0 newswire:8",  # biggest rise in two decades / since 2003
            "ledger:2 newswire:4 times:3",  # 7.9% in May inside the governor's sentence
            "times:2 ledger:7 newswire:7",  # "more hikes could follow"
            "times:3 ledger:4",  # the 2% target
        ),
        false=(
            "times:7 ledger:8",  # the retailers' worry / the opposition's
            "ledger:9 newswire:8",
        ),
    ),
    "transfer": Corpus(
        "tests/articles/transfer",
        true=(
            "sport:0 agency:0",  # Northbridge sign Arvelo from Lisvale (62 million pounds / 72 million euros)
            "sport:0 post:0",  # a club record
            "sport:0 post:1",  # £62m
            "sport:1 agency:5 post:3",  # contract until 2030
            "sport:2 agency:2",  # top scorer, 31 / 27 goals
            "sport:2 post:4",  # 31 goals last season
            "sport:4 agency:6",  # Arvelo wants to win titles
            "sport:5 post:2",  # Calloway: exactly what we were looking for
            "sport:6 post:5",  # add-ons up to £70m
            "sport:7 agency:1",  # 10% sell-on
            "sport:8 post:8",  # debut against Harrowgate
            "sport:9 agency:4 post:7",  # an earlier bid was rejected
        ),
        either=(
            "agency:0 post:0 post:1",
            "agency:0 sport:6 post:5",  # "plus bonuses"
            "agency:2 post:4",
            "agency:7 post:9",
            "sport:1 post:3 agency:2",  # his age, 24
        ),
        false=(
            "agency:3 sport:0",  # his earlier transfer / this one
            "post:6 sport:3",
        ),
    ),
    "strike": Corpus(
        "tests/articles/strike",
        true=(
            "tribune:0 courier:0 wire:0",  # a 48-hour / two-day strike began on Monday
            "tribune:1 courier:1 wire:2",  # 1 in 5 / 20% of trains ran; four in five cancelled
            "tribune:2 courier:3 wire:1",  # the union wants 9%
            "tribune:3 courier:3 wire:1",  # Oskrail offers 4.5%
            "tribune:4 courier:2",  # Holm: no real-terms rise / lost out to rising prices
            "tribune:5 courier:5",  # buses for the commuters
            "tribune:6 courier:4 wire:4",  # Vik: irresponsible
            "tribune:7 wire:3",  # freight and ports delayed
            "tribune:8 courier:7 wire:6",  # more strikes in April / next month
        ),
        either=(
            "courier:0 tribune:5",
            "tribune:2 courier:2",  # two years of inflation
            "wire:5 courier:3 tribune:3",  # what the company can afford
        ),
        false=(
            "courier:6 wire:0",  # the third strike since November / this one
            "wire:5 tribune:6",
        ),
    ),
}

#: Look at these while changing the aligner; report the others as held out.
TUNE = ("seeds", "bridge", "quake")
HOLDOUT = ("rates", "transfer", "strike")  # strike: written after the tuning, never tuned on


def _member(sources: Sequence[str], text: str) -> Member:
    prefix, index = text.split(":")
    matches = [source for source in sources if source.startswith(prefix)]
    if len(matches) != 1:
        raise ValueError(f"label {text!r} names {len(matches)} sources")
    return matches[0], int(index)


def pairs_of(sources: Sequence[str], groups: Sequence[str]) -> set[Pair]:
    """Every cross-source pair inside each group."""
    result: set[Pair] = set()
    for group in groups:
        members = [_member(sources, text) for text in group.split()]
        for a, b in combinations(members, 2):
            if a[0] != b[0]:
                result.add(frozenset((a, b)))
    return result


def labelled_pairs(corpus: Corpus, sources: Sequence[str]) -> tuple[set[Pair], set[Pair], set[Pair]]:
    """(true, either, false) pairs of one corpus; `either` never contains a true pair."""
    true = pairs_of(sources, corpus.true)
    either = pairs_of(sources, corpus.either) - true
    false = pairs_of(sources, corpus.false)
    if overlap := false & (true | either):
        raise ValueError(f"pairs labelled false and true/either: {sorted(map(sorted, overlap))}")
    return true, either, false


def row_pairs(rows: Sequence[Mapping[str, Sequence[int]]]) -> set[Pair]:
    """Cross-source pairs that the rows put together."""
    result: set[Pair] = set()
    for cells in rows:
        members = [(source, index) for source, indices in cells.items() for index in indices]
        for a, b in combinations(members, 2):
            if a[0] != b[0]:
                result.add(frozenset((a, b)))
    return result


def score(found: set[Pair], true: set[Pair], either: set[Pair]) -> tuple[float, float, int, int]:
    """(precision, recall, true pairs found, pairs counted) — `either` pairs are not counted."""
    counted = found - either
    hits = len(counted & true)
    precision = hits / len(counted) if counted else 1.0
    return precision, hits / len(true) if true else 1.0, hits, len(counted)
