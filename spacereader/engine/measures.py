"""What a figure measures: a small reviewed table of measure classes.

A figure is compared with another source's figure only when both measure the same thing about the same
subject: the payout to Parag Agrawal, the cost of Chandrayaan-3, the number of people killed in the
shipwreck. `measure_of` reads the class of a figure from the words around it ("severance", "was paid",
"walk away with" are all a *payout*; "budget", "spent", "price tag" a *cost*).

The table is data, one line per class: the family of figures it applies to, its key (a fact's `measure`), its
rank, how an explanation names it, and its cue words. The families are `money`, `count` (what happened to the
people or things counted), `percent` and `change` (what a percentage is of, and whether it rose or fell; a
percentage's measure joins the two: "share price fall"), `size` (what a length, a mass or a volume measures),
`duration` and `date` (the event a date is the date of).

A cue is a word or a phrase (words joined by `_`; a hyphen in the text counts as a space, so `pay_off` also
matches "pay-off"); an `adjacent` class's cues count only right before the figure ("until June 2025"). When
several cues stand in a figure's clause, the class of higher rank is preferred, each step of rank worth
`RANK_REACH` characters of distance, and otherwise the nearer cue (one after the figure counts as half as far
again). Rank 0 is for generic words ("paid", "received", "worth") that decide only when nothing more specific
is near; rank 2 and more for words that name the thing outright ("severance", "golden parachute", "base
salary", "prosecutors sought"). A cue followed by a verb of reporting names who speaks ("Survivors said …"), and
is no cue.

To extend it: add a cue to the class that means the same thing, and review it against tests/test_subjects.py
and the real-coverage bench (`python -m tests.bench.bench_conflicts_real --split tune --misses`); add a class
only for a new idea, with a label that reads well in "The sources disagree on {label}". Never add a word for
one article: a cue must mean the same thing in any story.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

#: How many characters of distance one step of rank is worth when two cues compete for a figure.
RANK_REACH = 30


@dataclass(frozen=True, slots=True)
class Measure:
    """One class of the table: `attribute` is the family of figures it applies to."""

    attribute: str
    key: str
    rank: int
    #: How an explanation names it; "{}" is where the subject goes ("the payout to {}").
    label: str
    cues: tuple[tuple[str, ...], ...]
    #: The cue counts only right before the figure ("until June 2025", "since December 2020").
    adjacent: bool = False


def _measure(attribute: str, key: str, rank: int, label: str, cues: str, adjacent: bool = False) -> Measure:
    return Measure(attribute, key, rank, label, tuple(tuple(cue.split("_")) for cue in cues.split()), adjacent)


# fmt: off
MEASURES: tuple[Measure, ...] = (
    # ── money ───────────────────────────────────────────────────────────────────────────────────────
    _measure("money", "payout", 2, "the payout to {}",
             "payout payouts severance compensation golden_parachute golden_parachutes exit_package exit_packages "
             "exit_pay exit pay_off payoff walk_away_with walks_away_with walked_away_with walk_away leave_with "
             "leaves_with entitled_to was_paid were_paid been_paid paycheck paycheque handsome_sum"),
    _measure("money", "payout", 0, "the payout to {}", "received receive receives receiving got get gets"),
    _measure("money", "base pay", 2, "the base pay of {}",
             "base_salary basic_salary base_pay basic_pay basic_wage base_wage"),
    _measure("money", "pay", 1, "the pay of {}",
             "salary salaries wage wages earn earns earned earning income pay_packet annual_pay"),
    _measure("money", "cost", 1, "the cost of {}",
             "cost costs costing costed budget budgets budgeted spent spend spending price_tag expense expenses "
             "made_for built_at bill cheaper costlier pricier"),
    _measure("money", "offer", 1, "the offer to {}", "offer offers offered bid bids carrot"),
    _measure("money", "price", 0, "the price of {}",
             "price priced prices fare fares ticket tickets paid pay paying pays payment payments deal deals "
             "acquisition acquire acquired buy buying bought takeover sold sell selling sale purchase worth "
             "agreement"),
    _measure("money", "fine", 2, "the fine on {}", "fine fined fines penalty penalties"),
    _measure("money", "fee", 1, "the fee for {}", "fee fees transfer_fee"),
    _measure("money", "funding", 1, "the funding of {}", "funding raised raise raising round"),
    _measure("money", "investment", 1, "the investment in {}", "invest invested investment investing"),
    _measure("money", "revenue", 1, "the revenue of {}", "revenue revenues sales turnover"),
    _measure("money", "profit", 1, "the profit of {}", "profit profits earnings net_income"),
    _measure("money", "loss", 1, "the loss of {}", "loss losses lost"),
    _measure("money", "fraud", 2, "the fraud by {}",
             "defrauded defraud fraud stole stolen embezzled misappropriated misused siphoned"),
    _measure("money", "value", 1, "the value of {}",
             "valued valuation value capitalisation capitalization market_value"),
    _measure("money", "debt", 1, "the debt of {}", "debt debts loan loans borrow borrowed borrowing bonds"),
    _measure("money", "aid", 1, "the aid to {}", "aid grant grants aid_package rescue_package stimulus"),
    _measure("money", "prize", 1, "the prize of {}", "prize bonus jackpot reward"),
    _measure("money", "damages", 2, "the damages in {}", "damages settlement settled"),
    _measure("money", "restitution", 2, "the restitution by {}", "restitution"),
    _measure("money", "forfeiture", 2, "the forfeiture by {}", "forfeit forfeiture forfeited forfeits"),
    _measure("money", "bail", 2, "the bail of {}", "bail"),
    _measure("money", "tax", 1, "the tax of {}", "tax taxes"),
    _measure("money", "gross", 1, "the box office of {}", "grossed gross box_office"),
    _measure("money", "dividend", 1, "the dividend of {}", "dividend dividends"),
    _measure("money", "contract", 0, "the contract of {}", "contract contracts"),
    _measure("money", "damage", 1, "the damage from {}", "damage losses_from"),
    # ── counts: what happened to the people or things counted ───────────────────────────────────────
    _measure("count", "killed", 1, "the number of {things} killed in {}",
             "killed killing kills dead died deaths death death_toll toll fatalities perished lives drowned "
             "bodies dying"),
    _measure("count", "injured", 1, "the number of {things} injured in {}",
             "injured injuring wounded wounding hurt injuries hospitalised hospitalized"),
    _measure("count", "missing", 1, "the number of {things} missing in {}",
             "missing unaccounted feared_dead feared_missing"),
    _measure("count", "arrested", 1, "the number of {things} arrested over {}", "arrested detained arrests"),
    _measure("count", "evacuated", 1, "the number of {things} evacuated in {}", "evacuated displaced homeless evacuation"),
    _measure("count", "rescued", 1, "the number of {things} rescued in {}",
             "rescued saved survivors survivor pulled_alive"),
    _measure("count", "aboard", 1, "the number of {things} aboard {}",
             "aboard on_board onboard carrying carried packed crammed"),
    _measure("count", "infected", 1, "the number of {things} infected in {}", "infected cases"),
    _measure("count", "fired", 1, "the number of {things} fired by {}", "fired sacked laid_off dismissed layoffs"),
    _measure("count", "charges", 1, "the number of charges against {}", "counts charges"),
    _measure("count", "destroyed", 1, "the number of {things} destroyed in {}",
             "destroyed damaged flattened collapsed razed"),
    # Read by the magnitude extractor itself, never as a cue for another count ("the 6.4-magnitude quake killed …").
    _measure("count", "magnitude", 2, "the magnitude of {}", ""),
    _measure("change", "rise", 1, "the rise of {}",
             "rose rise rising jumped jump jumps gained gain gains climbed soared surged up increase increased"),
    _measure("change", "fall", 1, "the fall of {}",
             "fell fall falling fallen dropped drop slumped slid declined decline down lost plunged tumbled"),
    _measure("percent", "turnout", 2, "the turnout in {}", "turnout"),
    _measure("percent", "vote", 1, "the vote share of {}", "vote votes ballots"),
    _measure("percent", "stake", 1, "the stake of {}", "stake holding"),
    _measure("percent", "revenue", 1, "the revenue change of {}", "revenue revenues sales turnover"),
    _measure("percent", "profit", 1, "the profit change of {}", "profit profits earnings"),
    _measure("percent", "inflation", 2, "inflation in {}", "inflation"),
    _measure("percent", "unemployment", 2, "unemployment in {}", "unemployment jobless"),
    _measure("percent", "growth", 1, "the growth of {}", "growth economy gdp"),
    _measure("percent", "rate", 0, "the rate of {}", "rate rates"),
    _measure("percent", "share price", 1, "the share price of {}", "shares stock share_price share_prices"),
    _measure("percent", "market share", 1, "the market share of {}", "market market_share"),
    _measure("size", "distance", 1, "the distance from {}",
             "from away off distance north south east west northeast northwest southeast southwest"),
    _measure("size", "depth", 1, "the depth of {}", "deep depth beneath below under_the_surface dive dived descent"),
    _measure("size", "length", 1, "the length of {}", "long length"),
    _measure("size", "width", 1, "the width of {}", "wide width across"),
    _measure("size", "accuracy", 2, "the accuracy of {}", "radius accuracy precision within"),
    _measure("size", "height", 1, "the height of {}", "high height tall altitude above"),
    _measure("size", "weight", 1, "the weight of {}", "weighing weighs weighed weight heavy mass"),
    _measure("size", "volume", 1, "the volume of {}", "volume capacity"),
    # ── durations ───────────────────────────────────────────────────────────────────────────────────
    _measure("duration", "stay", 1, "the stay of {}", "stay stays stayed stint spend spent"),
    _measure("duration", "tenure", 2, "the tenure of {}", "tenure reign rein on_the_job in_office at_the_helm"),
    _measure("duration", "tenure", 0, "the tenure of {}",
             "served serve serving held role ceo chief_executive chairman president head_coach manager"),
    _measure("duration", "remaining", 2, "the time left to {}", "remaining left to_go"),
    _measure("duration", "mission", 1, "the mission of {}", "mission missions expedition"),
    _measure("duration", "flight", 1, "the flight of {}", "flight flights"),
    _measure("duration", "trip", 1, "the trip of {}", "trip trips journey voyage visit"),
    _measure("duration", "search", 2, "the search for {}", "search searched searching hunt"),
    _measure("duration", "training", 1, "the training of {}", "training trained"),
    _measure("duration", "requested", 3, "the sentence sought for {}",
             "sought seek seeks seeking asked requested recommended demanded called_for"),
    _measure("duration", "maximum", 3, "the longest sentence {} faced", "faced faces face facing maximum"),
    _measure("duration", "sentence", 2, "the sentence of {}",
             "sentence sentenced jail jailed prison imprisonment behind_bars custody prison_term"),
    _measure("duration", "trial", 2, "the trial of {}", "trial"),
    _measure("duration", "term", 1, "the term of {}", "term terms"),
    _measure("duration", "contract", 1, "the contract of {}", "contract contracts deal signed agreement"),
    _measure("duration", "ban", 2, "the ban on {}", "ban banned suspension suspended"),
    _measure("duration", "delay", 1, "the delay of {}", "delay delayed"),
    _measure("duration", "strike", 1, "the strike of {}", "strike strikes"),
    _measure("duration", "war", 1, "the war of {}", "war fighting"),
    _measure("duration", "lockdown", 1, "the lockdown of {}", "lockdown shutdown"),
    _measure("duration", "film", 1, "the filming of {}", "film filming shoot shooting footage"),
    _measure("duration", "career", 1, "the career of {}", "career"),
    _measure("duration", "talks", 1, "the talks of {}", "talks negotiations"),
    _measure("duration", "ceasefire", 1, "the ceasefire of {}", "ceasefire truce"),
    _measure("duration", "mourning", 2, "the mourning for {}", "mourning"),
    _measure("duration", "oxygen", 2, "the oxygen left to {}", "oxygen air_supply"),
    _measure("duration", "orbit", 1, "the orbit of {}", "orbit"),
    # ── dates: the event a date is the date of ──────────────────────────────────────────────────────
    _measure("date", "born", 2, "the birth of {}", "born birth birthday"),
    _measure("date", "died", 2, "the death of {}", "died dies death passed_away"),
    _measure("date", "launch", 1, "the launch of {}",
             "launch launched launches launching liftoff lift_off blast_off depart departs departed departing "
             "take_off takeoff took_off takes_off taking_off lifted_off lifts_off blasted_off set_off "
             "began_its_journey embarked"),
    _measure("date", "dock", 1, "the docking of {}", "docked docking dock docks"),
    _measure("date", "arrive", 1, "the arrival of {}", "arrive arrived arrives arriving arrival"),
    _measure("date", "return", 1, "the return of {}",
             "return returned returns returning come_back came_back comes_back fly_back flew_back flies_back"),
    _measure("date", "land", 1, "the landing of {}",
             "land landed lands landing touchdown touched_down touch_down touches_down splashed_down "
             "splash_down soft_landing soft_landed"),
    _measure("date", "release", 1, "the release of {}",
             "release released releases releasing premiere premiered premieres"),
    _measure("date", "debut", 1, "the debut of {}", "debut debuted debuts"),
    _measure("date", "join", 1, "the joining of {}", "joined join joins joining rejoin rejoined rejoining"),
    _measure("date", "statement", 1, "the statement of {}", "said says told stated", adjacent=True),
    _measure("date", "announce", 1, "the announcement of {}",
             "announce announced announces announcing announcement unveiled unveil"),
    _measure("date", "election", 1, "the election of {}", "election elections elected polls"),
    _measure("date", "election", 0, "the election of {}", "vote voted"),
    _measure("date", "sign", 1, "the signing of {}", "sign signed signs signing"),
    _measure("date", "found", 1, "the founding of {}", "founded founding established"),
    _measure("date", "build", 1, "the construction of {}", "built build constructed completed"),
    _measure("date", "award", 1, "the award of {}", "won award awarded prize"),
    _measure("date", "start", 0, "the start of {}",
             "began begin begins start started starts starting kicked opened opening broke_out erupted"),
    _measure("date", "end", 0, "the end of {}", "ended ends end finished finish concluded closing closed"),
    _measure("date", "resign", 1, "the resignation of {}", "resigned resign resignation quit stepped_down"),
    _measure("date", "appoint", 1, "the appointment of {}",
             "appointed appointment named sworn inaugurated inauguration took_over take_over takes_over "
             "taking_over reappointed re_appointed tapped hired"),
    _measure("date", "renewal", 1, "the renewal of {}",
             "extend extended extending extension renew renewed renewal re_upped"),
    _measure("date", "dismissal", 1, "the dismissal of {}", "fired sacked ousted dismissed ouster ousting"),
    _measure("date", "arrest", 1, "the arrest of {}", "arrested arrest detained"),
    _measure("date", "sentence", 1, "the sentencing of {}", "sentenced sentencing sentence"),
    _measure("date", "prison", 2, "the start of the prison term of {}",
             "report_to_prison surrender begin_serving start_serving"),
    _measure("date", "verdict", 1, "the verdict on {}", "convicted conviction verdict found_guilty"),
    _measure("date", "marry", 1, "the wedding of {}", "married wedding"),
    _measure("date", "attack", 1, "the attack on {}", "attack attacked attacks"),
    _measure("date", "strike", 1, "the earthquake in {}", "struck jolted rocked shook hit"),
    _measure("date", "strike", 0, "the earthquake in {}", "earthquake quake tremor temblor"),
    _measure("date", "search", 1, "the search for {}", "searched search searching scoured combed"),
    _measure("date", "sink", 1, "the sinking of {}", "sank sink sinking sunk capsized capsize capsizing"),
    _measure("date", "crash", 1, "the crash of {}", "crashed crash crashes"),
    _measure("date", "publish", 1, "the publication of {}", "published publication"),
    _measure("date", "meet", 1, "the meeting of {}", "met meeting meet summit"),
    _measure("date", "confirm", 1, "the confirmation of {}", "confirmed confirm"),
    _measure("date", "film", 1, "the filming of {}", "filmed filming shot shooting"),
    _measure("date", "deal", 1, "the deal of {}",
             "sold sale acquired acquisition bought takeover merger merged"),
    _measure("date", "failure", 2, "the failure of {}", "failed failure failures"),
    _measure("date", "expiry", 3, "the end of the term of {}", "until till through", adjacent=True),
    _measure("date", "expiry", 2, "the end of the term of {}", "expire expires expired expiring expiry"),
    _measure("date", "since", 3, "the start of the period compared for {}", "since", adjacent=True),
    _measure("date", "exit", 1, "the exit of {}", "left leaving leave exit exited departure"),
    _measure("date", "expiry", 0, "the end of the term of {}", "contract contracts"),
    _measure("date", "estimate", 1, "the estimate of {}", "estimated estimate estimates analysis forecast"),
    _measure("date", "low", 2, "the low of {}", "low lows"),
    _measure("date", "high", 2, "the peak of {}", "peak peaked high highs"),
)
# fmt: on

#: What a unit measures and how many of the dimension's base unit (meter, kilogram, square meter …) it holds.
UNIT_SIZES = {
    "meter": ("length", 1.0),
    "kilometer": ("length", 1000.0),
    "centimeter": ("length", 0.01),
    "mile": ("length", 1609.344),
    "foot": ("length", 0.3048),
    "inch": ("length", 0.0254),
    "yard": ("length", 0.9144),
    "kilogram": ("mass", 1.0),
    "tonne": ("mass", 1000.0),
    "pound-weight": ("mass", 0.45359237),
    "liter": ("volume", 1.0),
    "gallon": ("volume", 3.785411784),
    "acre": ("area", 4046.8564224),
    "hectare": ("area", 10000.0),
    "kph": ("speed", 1.0),
    "mph": ("speed", 1.609344),
}

#: Verbs of reporting: words before them name who speaks ("Survivors said", "JAXA said"), not what is measured.
SPEECH = frozenset(
    """
    said says say told tells tell reported reports report according estimated estimates estimate believes
    believed claimed claims announced announces stated states added adds noted notes wrote writes confirmed
    confirms quoted quotes cited explained explains revealed reveals showed shows suggested suggests
    """.split()
)

#: Classes that say what a date is, so that it is not read as another event's, but that two articles never share:
#: "said on Monday" and "told reporters on Friday" are two statements, not one event dated twice.
UNCOMPARED = frozenset({"statement"})

#: Labels of classes narrowed after the table has found them (whose request a sentence sought is).
_NARROWED = {
    ("duration", "requested by the prosecution"): "the sentence the prosecution sought for {}",
    ("duration", "requested by the defence"): "the sentence the defence sought for {}",
}

_WORD = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?")
_CLAUSE_END = re.compile(r"[;:]\s|\s[—–]\s")
_STRICT_END = re.compile(r"[;:]\s|\s[—–]\s|,\s+(?:and|but|while|whereas|although|though|as|after|before)\s")


@dataclass(frozen=True, slots=True)
class Cue:
    """A cue found in a text: the class it names and where it stands."""

    measure: Measure
    start: int
    end: int


@cache
def _cues(attribute: str) -> Mapping[str, tuple[tuple[tuple[str, ...], Measure], ...]]:
    """First word → (phrase, measure) for one attribute, longest phrases first."""
    table: dict[str, list[tuple[tuple[str, ...], Measure]]] = {}
    for measure in MEASURES:
        if measure.attribute == attribute:
            for phrase in measure.cues:
                table.setdefault(phrase[0], []).append((phrase, measure))
    return {word: tuple(sorted(items, key=lambda item: -len(item[0]))) for word, items in table.items()}


def find_cues(text: str, attribute: str, low: int = 0, high: int | None = None) -> Iterable[Cue]:
    """Every cue of the attribute's classes in text[low:high], left to right."""
    table = _cues(attribute)
    words = list(_WORD.finditer(text, low, len(text) if high is None else high))
    lowered = [word.group(0).lower().replace("’", "'") for word in words]
    covered = 0  # words of a phrase already matched are not cues again ("feared dead" is not "dead")
    for index, word in enumerate(lowered):
        if index < covered:
            continue
        for phrase, measure in table.get(word, ()):
            if tuple(lowered[index : index + len(phrase)]) == phrase and _joined(text, words, index, len(phrase)):
                yield Cue(measure, words[index].start(), words[index + len(phrase) - 1].end())
                covered = index + len(phrase)
                break


def _joined(text: str, words: list[re.Match[str]], index: int, length: int) -> bool:
    """Whether the words of a phrase follow one another with only spaces or hyphens between."""
    return all(
        text[words[i].end() : words[i + 1].start()].strip(" -\n\t") == "" for i in range(index, index + length - 1)
    )


def measure_of(
    text: str, start: int, end: int, attribute: str, before: int = 90, after: int = 60
) -> tuple[str, Cue] | None:
    """The measure class of the figure text[start:end] and the cue that says it, from the cues of its clause."""
    low, high = clause_bounds(text, start, end, before, after, strict=True)
    best: tuple[float, Cue] | None = None
    for cue in find_cues(text, attribute, low, high):
        if start <= cue.start < end or _speaker(text, cue.end):
            continue
        if cue.measure.adjacent and not (cue.end <= start and start - cue.end <= 6):
            continue
        distance = start - cue.end if cue.end <= start else (cue.start - end) * 1.5
        key = distance - cue.measure.rank * RANK_REACH
        if best is None or key < best[0]:
            best = (key, cue)
    return (best[1].measure.key, best[1]) if best else None


def _speaker(text: str, end: int) -> bool:
    """Whether the word at `end` is followed by a verb of reporting ("Survivors said …")."""
    following = _WORD.match(text, end + 1) if text[end : end + 1] == " " else None
    return following is not None and following.group(0).lower() in SPEECH


def clause_bounds(text: str, start: int, end: int, before: int, after: int, strict: bool = False) -> tuple[int, int]:
    """A window around text[start:end] that stops at a semicolon, a colon or a spaced dash; when strict, also
    at a comma that opens another clause (", while …", ", and …")."""
    low, high = max(0, start - before), min(len(text), end + after)
    pattern = _STRICT_END if strict else _CLAUSE_END
    for match in pattern.finditer(text, low, start):
        low = match.end()
    stop = pattern.search(text, end, high)
    return low, stop.start() if stop else high


def label(attribute: str, key: str | None) -> str | None:
    """How an explanation names a measure ("the payout to {}"); None when the table has no such class."""
    for measure in MEASURES:
        if measure.attribute == attribute and measure.key == key:
            return measure.label
    return _NARROWED.get((attribute, key or ""))


@cache
def _single_words(attribute: str) -> Mapping[str, str]:
    out: dict[str, tuple[int, str]] = {}
    for measure in MEASURES:
        if measure.attribute != attribute:
            continue
        for phrase in measure.cues:
            if len(phrase) == 1 and (phrase[0] not in out or out[phrase[0]][0] < measure.rank):
                out[phrase[0]] = (measure.rank, measure.key)
    return {word: key for word, (_, key) in out.items()}


def class_of_word(word: str, attribute: str) -> str | None:
    """The class a single cue word names ("severance" → "payout"), or None."""
    return _single_words(attribute).get(word.lower())
