"""No text crashes spacereader: a grammar of news tokens, and the whole pipeline run on what it makes.

The grammar (`corpora()`) writes several articles about one story: statements shared between the
articles with their figures redrawn now and then (so sentences align and figures conflict), plus
each article's own sentences, header blocks or front matter, random publication dates (or none),
and every kind of token news carries: numbers in every national format, Unicode digits, fractions,
dates and times inside and outside the calendar, currencies with scales, ranges, ordinals, names
with particles, markup, terminal escapes, emoji, right-to-left text and zero-width characters.

`check_pipeline(corpus)` runs what a user runs: parsing each file body (header included) into an
article, `build_comparison`, every export format (with annotations), the JSON serialisers, the
CLI's tables and the reader's view model, and checks the invariants that are cheap to check. The
reader's widget renders every line of every generated comparison in one app started once per run
(`test_reader_renders_every_line`), and one Pilot-driven app opens a generated hostile corpus
(`test_reader_opens_a_hostile_corpus`); `test_commands_never_exit_1` runs every command on a few
generated files in a subprocess.

Example counts: the CI profile below is derandomised, so every run tries the same examples and a
failure in CI is one anyone can reproduce from the test's name; a machine shared by several
engineers should not turn red on a random draw in someone else's change. Exploring new inputs is
`python -m tests.bench.bench_fuzz` (random, thousands of examples, prints examples/s and failures),
or this file with SPACEREADER_FUZZ=random (and SPACEREADER_FUZZ_EXAMPLES=N).
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import json
import os
import string
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from spacereader.annotations import Annotation
from spacereader.engine.comparison import build_comparison
from spacereader.model import Article, Comparison, LoadError
from spacereader.sources.text import parse_article

# ── profiles ───────────────────────────────────────────────────────────────────────────────────────

#: Examples per CI run: 10-20 s on the project's shared 2-core machine (the widget test takes a quarter as many).
CI_EXAMPLES = 120
settings.register_profile(
    "spacereader-fuzz-ci",
    max_examples=int(os.environ.get("SPACEREADER_FUZZ_EXAMPLES", CI_EXAMPLES)),
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    print_blob=True,
)
settings.register_profile(
    "spacereader-fuzz-random",
    parent=settings.get_profile("spacereader-fuzz-ci"),
    derandomize=False,
    database=None,
)
FUZZ = settings.get_profile(
    "spacereader-fuzz-random" if os.environ.get("SPACEREADER_FUZZ") == "random" else "spacereader-fuzz-ci"
)

# ── the grammar: tokens ────────────────────────────────────────────────────────────────────────────

DIGIT_SETS = (
    "٠١٢٣٤٥٦٧٨٩",  # Arabic-Indic
    "۰۱۲۳۴۵۶۷۸۹",  # Extended Arabic-Indic (Persian, Urdu)
    "०१२३४५६७८९",  # Devanagari
    "০১২৩৪৫৬৭৮৯",  # Bengali
    "０１２３４５６７８９",  # full-width
    "๐๑๒๓๔๕๖๗๘๙",  # Thai
    "𝟎𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟗",  # mathematical bold
)
#: Thousands separators news uses, with the decimal mark that goes with each.
SEPARATORS = ((",", "."), (".", ","), (" ", ","), ("\u00a0", ","), ("\u2009", ","), ("\u202f", ","), ("'", "."))
SEPARATORS += (("’", "."), ("", "."), ("", ","))


def group(digits: str, sep: str, indian: bool = False) -> str:
    """'1234567' → '1,234,567' (or the Indian '12,34,567')."""
    if not sep or len(digits) <= 3:
        return digits
    head, tail = digits[:-3], digits[-3:]
    size = 2 if indian else 3
    parts = []
    while head:
        parts.insert(0, head[-size:])
        head = head[:-size]
    return sep.join([*parts, tail])


@st.composite
def formatted_numbers(draw) -> str:
    whole = str(draw(st.one_of(st.integers(0, 999), st.integers(0, 10**9), st.integers(0, 10**45))))
    sep, mark = draw(st.sampled_from(SEPARATORS))
    text = group(whole, sep, indian=draw(st.booleans()) and sep == ",")
    if draw(st.booleans()):
        text += mark + str(draw(st.integers(0, 999)))
    return text


SMALL_NUMBERS = st.integers(0, 130).map(str)
NUMBER_WORDS = st.sampled_from(
    [
        *"zero one two three seven eleven twelve nineteen twenty hundred dozens twenty-five ninety-nine".split(),
        *("a dozen", "two hundred", "three thousand", "nine hundred thousand", "a few", "several"),
    ]
)
ODD_NUMBERS = st.sampled_from(
    "1e400 1E-5 2.5e+10 -1e400 inf NaN nan Infinity 0x1F 0b101 1_000 007 00 0.0 .5 5. 1..2 1,,2 ,5 1,2,3 "
    "1.2.3 v2.0.1 3.11 12.5.2021 1.1.1 31.12.99 2021.10.05 1/2 3/4 10/5/2021 5/0 0/0 1:2:3 99:99 "
    "+44 -3 −3 +3 ±2 ~5 ≈10 ≥4 ≤4 #1 No.1 №5 x2 2x 3rd 21st 1er 2e 3ème 1º 2ª 11th 101st 0th 1000000th "
    "½ 2½ ¾ 1¾ ⅓ ⅞ ↉ ² 10² km² ¹²³ ₁₂ ① Ⅻ ⅻ ↊ 𝟙𝟚 ٣ ३ １２ 1٢3 ১২,৩৪৫ 3.5% 12 % 99.9‰ 0% 200% -5% "
    "2-3 2–3 2—3 10-5 1-2-3 2-to-3 4/5ths 9,99 1,000,000,000,000,000,000,000 99999999999999999999999999".split()
)
NUMBERS = st.one_of(
    formatted_numbers(),
    SMALL_NUMBERS,
    NUMBER_WORDS,
    ODD_NUMBERS,
    st.tuples(st.integers(0, 999).map(str), st.sampled_from(DIGIT_SETS)).map(
        lambda pair: pair[0].translate(str.maketrans("0123456789", pair[1]))
    ),
)
MONTHS = "January February March April May June July August September October November December".split()
SHORT_MONTHS = "Jan. Feb Mar. Apr Jun. Jul Aug. Sept. Sep Oct. Nov Dec.".split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()


CURRENCY_BEFORE = "$ US$ U.S.$ A$ C$ NZ$ HK$ S$ R$ € £ ¥ ₹ ₽ ₩ ₺ ₴ Rs Rs. USD EUR GBP INR CHF".split()
CURRENCY_AFTER = [
    *"dollars euros pounds sterling rupees yen yuan roubles francs pesos reais rand lira zloty shekels".split(),
    *"hryvnias dirhams riyals USD EUR GBP INR".split(),
    "Swiss francs", "US dollars", "Canadian dollars", "pounds sterling",
]
SCALES = "million billion trillion thousand crore crores lakh lakhs bn m mn mln k cr b tn".split()


NAMES = st.sampled_from(
    [
        "Ludwig van Beethoven", "Ursula von der Leyen", "Mohammed bin Salman", "Ana de Armas", "Leonardo da Vinci",
        "Charles de Gaulle", "Vincent van Gogh", "Robert De Niro", "Shaquille O'Neal", "Conan O’Brien",
        "Jean-Luc Picard", "Zoë Ångström-Núñez", "Nguyễn Thị Minh Khai", "Björk Guðmundsdóttir", "Kim Jong Un",
        "Abdel Fattah el-Sisi", "Yulia Peresild", "Yuliya Peresild", "Klim Shipenko", "Dr. Martin Luther King Jr.",
        "J.R.R. Tolkien", "Mr. T", "will.i.am", "王小明", "Владимир Путин", "محمد بن سلمان", "דוד בן-גוריון",
        "Mary-Kate O'Neill-Smith", "Lee", "Dana Lee", "Park", "A", "X Æ A-12", "Prince", "the Pope",
        "Marta Lindquist", "Sir Keir Starmer", "Ngozi Okonjo-Iweala", "Recep Tayyip Erdoğan", "Ólafur Ragnar Grímsson",
    ]
)
ROLES = st.sampled_from(
    ["actress", "director", "President", "CEO", "Prime Minister", "the 37-year-old", "cosmonaut", "chief executive",
     "spokeswoman", "minister", "goalkeeper", "the veteran", "Mayor"]
)
OUTLETS = st.sampled_from(
    ["AFP", "BBC NEWS", "REUTERS", "AP", "TASS", "THE NEW YORK TIMES", "Le Monde", "Der Spiegel", "Al Jazeera",
     "[bold red]Wire[/]", "Daily [/x] Wire", "N\u200dews", "日経", "الجزيرة", "Ch. 4 News", ""]
)
WORDS = st.sampled_from(
    (
        "the a an of to in on at by for with from and or but said says told reporters according officials "
        "police government company film crew mission budget cost price salary fine deal people killed injured "
        "missing arrested passengers victims deaths voters votes percent turnout revenue profit shares stock "
        "launched landed docked arrived returned announced signed elected resigned appointed born died married "
        "spent stayed lasted began ended delayed rose fell cut raised paid received earned will would is was "
        "were has had been about around more than less up nearly over under some estimated between only "
        "station orbit space earthquake bridge strike transfer rates storm election court trial ceasefire "
        "who which that its their his her it they he she we week day month year hours minutes weeks days years "
        "old age aged million billion thousand crore lakh dollars euros rupees kg km feet meters tonnes "
        "Monday May March August the end since until before after during local time"
    ).split()
)
PUNCTUATION = st.sampled_from(
    [
        *".,;:!?…—–-/\\&<>|`*_#=+~^%@$()[]{}\"'“”‘’«»„‹›「」",
        *(" - ", " — ", " ... ", "...", "?!", ".\n", ".\n\n", "\n", "\n\n\n", "\t", "  ", "", ". ", "; "),
    ]
)
ABBREVIATIONS = st.sampled_from(
    "Dr. U.S. St. No. p.m. a.m. e.g. i.e. Inc. Ltd. vs. Jan. approx. etc. Mr. Mrs. Ms. Prof. Gen. Sen. Rep. "
    "U.K. E.U. N.Y. Co. Corp. Jr. Sr. No.5 pp. fig. vol. ca. cf. al.".split()
)
MARKUP = st.sampled_from(
    [
        "[bold red]", "[/]", "[/bold]", "[link=http://x]x[/link]", "[@click=app.quit]quit[/]", "[b]x[/b]",
        "$text-error", "{x}", "{{x}}", "%s", "%(x)s", "\\[", "[", "]", "<script>alert(1)</script>", "&amp;",
        "&#0;", "<!--", "-->", "**bold**", "_it_", "`code`", "# ", "> ", "* ", "1. ", "| a | b |", "---",
        "=HYPERLINK(\"x\")", "+1", "@SUM(A1)", "-2+3", "\\", "\\n", "```",
    ]
)
ESCAPES = st.sampled_from(
    [
        "\x1b[31m", "\x1b[0m", "\x1b]8;;http://evil.example\x07link\x1b]8;;\x07", "\x1b]0;title\x1b\\", "\x07",
        "\x9b31m", "\x1b", "\r", "\r\n", "\x0c", "\x0b", "\x7f", "\x85", "\x1bP1$r\x1b\\", "\x00",
    ]
)
EMOJI = st.sampled_from(["👩‍🚀", "🇺🇦", "👍🏽", "🚀", "❤️", "🧑‍🤝‍🧑", "😀", "🏳️‍🌈", "#️⃣", "🫠"])
RTL = st.sampled_from(
    ["مرحبا بالعالم", "שלום עולם", "\u202e", "\u202b", "\u200f", "\u202cabc\u202c", "قال ٣ مسؤولين", "עמ׳ 5"]
)
INVISIBLE = st.sampled_from(
    ["\u200d", "\u200c", "\u200b", "\ufeff", "\u2060", "e\u0301", "Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇", "\u00ad", "\u2028", "\u2029",
     "\u3000", "\u00a0", "\u2009", "\u202f", "İ", "ß", "ﬁ", "ǅ", "ΐ", "\U000e0041", "\ufffd", "\U0010ffff"]
)
SCRIPTS = st.sampled_from(
    ["东京奥运会于2021年7月23日开幕。", "Москва, 5 октября 2021 г.", "Ελλάδα", "ภาษาไทย", "日本語の文", "한국어 문장"]
)
#: Anything else Unicode has, a little of it: no lone surrogates (a file that holds one is not UTF-8).
ANY_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=12)

# ── the grammar: figures ───────────────────────────────────────────────────────────────────────────

#: Figures as news states them: dates inside and outside the calendar, times, money with currencies and
#: scales, ages, durations, counts, ranges and hedges. {n} and {m} are any number of the grammar; the
#: other fields are drawn from `FIELDS`, only those a form uses.
FIGURE_FORMS = (
    # ages
    "{name}, {n},", "the {n}-year-old {role} {name}", "{name} ({n})", "{name}, who turned {n},",
    "{role} {name}, aged {n},", "{n} years old", "at the age of {n}",
    # money
    "{cur}{n} {scale}", "{cur} {n}{short}", "{n} {scale} {currency}", "{cur}{n}-{m} {scale}",
    "between {cur}{n} and {m} {scale}", "{hedge} {cur}{n} {scale}", "a budget of {cur}{n} {scale}",
    "the film cost {cur}{n} {scale}", "{name} was paid {n} {scale} {currency}", "{many} of {scale}s of dollars",
    "₹615 crore", "Rs 3.5 lakh", "€2.4bn", "US$1.2m", "£3 m", "Rs. 1,23,45,678", "CHF 1'234.50", "$1e400",
    "an undisclosed sum", "fifty euros",
    # durations
    "{n} {unit}", "for {n} {unit}", "a {n}-{unit1} stay", "{hedge} {n} {unit}", "stayed for {n} {unit}",
    "a {n}-{unit1} mission", "for {n} to {m} {unit}", "a week and a half", "a fortnight", "2½ years",
    # counts, percentages, ranges
    "{n} people were killed", "{n} passengers", "{n} percent", "{n}%", "a crew of {n}", "{hedge} {n} {noun}",
    "{n}-{m} {noun}", "{n}–{m} {noun}", "{n} to {m} {noun}", "{hedge} {n} people were injured",
    "{n} to {m} passengers were rescued", "{n} of the {m} seats", "{many} of {noun}", "-{n} degrees", "−{n}%",
    # dates
    "on {day} {month} {year}", "{month} {day}, {year}", "{month} {day}", "{day}th of {month}", "{month} {day}-{mon}",
    "between {day} and {mon} {month} {year}", "{month} {year}", "early {month}", "in {year}", "since {year}",
    "{year}-{mon:02d}-{day:02d}", "{year}-{mon:02d}-{day:02d}T{h:02d}:{mm:02d}Z", "{day}.{mon}.{year}",
    "{day}/{mon}/{year}", "{mon}/{day}/{yy:02d}", "{year}–{m}", "{year}-{yy:02d}", "the {year}s", "the mid-{year}s",
    "the '90s", "the late eighties", "{n} days ago", "{big} days ago", "{n} {unit} ago", "{relative} {weekday}",
    "{weekday} ({day})", "{weekday}, {month} {day}", "the {ordinal} month of {year}", "{now}",
    "launched on {day} {month} {year}", "{name} was born on {month} {day}, {year}", "died in {year}",
    "landed {n} days ago", "returned on {weekday}",
    # times
    "at {h}:{mm:02d} pm", "around {h:02d}:{mm:02d} PM{zone}", "{h}h{mm:02d}", "at {h}h{mm:02d}", "at {h}:{mm:02d}{zone}",
    "{h}.{mm:02d}am", "{h} a.m.{zone}", "{h}:{mm}:{day}", "noon", "midnight", "T{h:02d}:{mm:02d}Z",
    "docked at {h}:{mm:02d}{zone} on {day} {month}",
)
#: Mostly plausible ages, counts and days, so the same statement conflicts; often any hostile number.
FIGURE_NUMBERS = st.one_of(SMALL_NUMBERS, SMALL_NUMBERS, NUMBERS)
#: The parts of a figure that differ between outlets ...
VARYING = {
    "n": FIGURE_NUMBERS,
    "m": FIGURE_NUMBERS,
    "big": st.integers(0, 10**30),
    "day": st.integers(0, 40),
    "mon": st.integers(0, 14),
    "year": st.one_of(st.integers(1990, 2030), st.integers(0, 99999)),
    "yy": st.integers(0, 99),
    "h": st.integers(0, 30),
    "mm": st.integers(0, 70),
}
#: ... and those that say what the figure is about.
FIELDS = {
    **VARYING,
    "name": NAMES,
    "role": ROLES,
    "cur": st.sampled_from(CURRENCY_BEFORE),
    "currency": st.sampled_from(CURRENCY_AFTER),
    "scale": st.sampled_from([*SCALES, ""]),
    "short": st.sampled_from(["m", "bn", "k", "cr", " m", ""]),
    "unit": st.sampled_from(["days", "weeks", "months", "years", "hours", "decades", "fortnight", "centuries", "mins"]),
    "unit1": st.sampled_from(["day", "week", "month", "year"]),
    "hedge": st.sampled_from(["about", "more than", "up to", "nearly", "at least", "some", "fewer than", "over"]),
    "many": st.sampled_from(["tens", "hundreds", "thousands", "dozens", "several", "many"]),
    "noun": st.sampled_from(["people", "passengers", "victims", "candidates", "ships", "tonnes", "kg", "feet"]),
    "month": st.sampled_from(MONTHS + SHORT_MONTHS),
    "weekday": st.sampled_from(WEEKDAYS),
    "relative": st.sampled_from(["last", "next", "this", "on", "past", "coming"]),
    "ordinal": st.sampled_from(["13th", "0th", "first", "twelfth", "99th", "2nd"]),
    "now": st.sampled_from(
        ["yesterday", "today", "tomorrow", "last week", "next month", "last year", "this morning",
         "the day before yesterday", "last weekend", "a few days ago", "next year"]
    ),
    "zone": st.sampled_from(["", " GMT", " UTC", " EDT", " IST", " local time", " Moscow time", " XYZ"]),
}
_FIELDS_OF = {form: {name for _, name, _, _ in string.Formatter().parse(form) if name} for form in FIGURE_FORMS}


@st.composite
def figures(draw) -> tuple[str, dict[str, object]]:
    """A figure: its form and the fields it uses, drawn once here (`realise` may redraw the varying ones)."""
    form = draw(st.sampled_from(FIGURE_FORMS))
    return form, {name: draw(FIELDS[name]) for name in sorted(_FIELDS_OF[form])}


def render(figure: tuple[str, dict[str, object]]) -> str:
    form, fields = figure
    return form.format(**fields)


#: One person, spelled as different outlets spell them.
NAME_VARIANTS = st.sampled_from(
    [
        ("Yulia Peresild", "Yuliya Peresild", "Julia Peresild"),
        ("Mohammed bin Salman", "Mohammad bin Salman", "Muhammad bin Salman"),
        ("Volodymyr Zelensky", "Volodymyr Zelenskyy", "Vladimir Zelensky"),
        ("Ursula von der Leyen", "Ursula Von der Leyen", "Ursula von der Layen"),
        ("Conan O'Brien", "Conan O’Brien", "Conan OBrien"),
        ("Recep Tayyip Erdoğan", "Recep Tayyip Erdogan", "Tayyip Erdoğan"),
        ("Nguyễn Thị Minh Khai", "Nguyen Thi Minh Khai", "Nguyễn Minh Khai"),
        ("Abdel Fattah el-Sisi", "Abdel Fattah al-Sisi", "Abdel-Fattah el-Sissi"),
    ]
)
FIGURES = st.one_of(NUMBERS, figures().map(render))
NOISE = st.one_of(
    ABBREVIATIONS, MARKUP, ESCAPES, EMOJI, RTL, INVISIBLE, SCRIPTS, ANY_TEXT, OUTLETS, st.sampled_from(string.punctuation)
)
#: About half words, a fifth figures, the rest names, roles, punctuation and noise.
TOKENS = st.one_of(WORDS, WORDS, WORDS, WORDS, WORDS, NAMES, ROLES, FIGURES, FIGURES, PUNCTUATION, NOISE)
JOINERS = st.sampled_from([" "] * 12 + ["", ", ", "\n", "  ", "-", "\u00a0", "\t"])

# ── the grammar: statements, articles, corpora ─────────────────────────────────────────────────────

#: A slot of a statement: ("text", str), a ("figure", (form, fields)) whose varying fields an outlet may
#: give differently, or a ("name", spellings) an outlet may spell its own way.
Slot = tuple[str, object]


@st.composite
def statements(draw) -> list[Slot]:
    """One thing the story says: words, names and figures; figures and spellings may differ between articles."""
    slots: list[Slot] = []
    for _ in range(draw(st.integers(1, 12))):
        choice = draw(st.integers(0, 9))
        if choice <= 2:
            slots.append(("figure", draw(figures())))
        elif choice == 3:
            slots.append(("name", draw(NAME_VARIANTS)))
        else:
            slots.append(("text", draw(TOKENS)))
        slots.append(("text", draw(JOINERS)))
    slots.append(("text", draw(st.sampled_from([".", ".", ".", "!", "?", "…", "", ".”", "?!", ".)"]))))
    return slots


def shifted(fields: dict[str, object], delta: int) -> dict[str, object]:
    """The figure's varying parts moved by `delta`: 37 → 38, 5 → 6 October (hypothesis often draws a value twice)."""
    out = dict(fields)
    for key, value in fields.items():
        if key in ("n", "m") and str(value).isascii() and str(value).isdigit() and len(str(value)) < 6:
            out[key] = str(int(str(value)) + delta)
        elif key in VARYING and isinstance(value, int):
            out[key] = value + delta
    return out


def realise(draw, statement: list[Slot], redraw: bool) -> str:
    """The statement as one article writes it: with `redraw`, some figures and spellings differ."""
    parts = []
    for kind, value in statement:
        if kind == "figure":
            form, fields = value  # type: ignore[misc]
            if redraw and draw(st.booleans()):
                if draw(st.booleans()):  # a close figure, or any other
                    fields = shifted(fields, draw(st.integers(1, 3)))
                else:
                    fields = {**fields, **{k: draw(VARYING[k]) for k in fields if k in VARYING}}
            parts.append(render((form, fields)))
        elif kind == "name":
            parts.append(value[draw(st.integers(0, 2))] if redraw else value[0])  # type: ignore[index]
        else:
            parts.append(str(value))
    return "".join(parts)


@dataclass(frozen=True)
class GeneratedFile:
    name: str  # file name, suffix included: decides text or Markdown parsing
    text: str


@st.composite
def headers(draw, published: str | None, markdown: bool) -> str:
    lines = []
    if published is not None:
        key = draw(st.sampled_from(["date", "published", "Date", "DATE"]))
        lines.append(f"{key}: {published}")
    for key, strategy in (("title", st.one_of(NOISE, NAMES)), ("source", OUTLETS), ("url", NOISE),
                          ("author", NAMES), ("language", st.sampled_from(["en", "ar", "", "x" * 40]))):
        if draw(st.booleans()):
            lines.append(f"{key}: {draw(strategy)}")
    if draw(st.integers(0, 5)) == 0:
        lines.append(f"{draw(st.sampled_from(['Title', 'unknown', 'x', '']))}: {draw(NOISE)}")
    if not lines:
        return ""
    if markdown and draw(st.booleans()):
        return "---\n" + "\n".join(lines) + "\n---\n"
    return "\n".join(lines) + "\n\n"


PUBLISHED = st.one_of(
    st.none(),
    st.dates().map(dt.date.isoformat),
    st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2025, 12, 31)).map(dt.date.isoformat),
    st.dates(max_value=dt.date(1, 12, 31)).map(dt.date.isoformat),  # the calendar's edges, where date
    st.dates(min_value=dt.date(9999, 1, 1)).map(dt.date.isoformat),  # arithmetic overflows
    st.sampled_from(["0001-01-01", "9999-12-31", "0100-02-29", "2021-02-30", "2021-13-01", "०००१-०१-०१", "２０２１-１０-０５",
                     "2021-10-05T09:00", "yesterday", "", "5 October 2021"]),
)
STEMS = st.sampled_from(
    ["planet", "orbit", "wire", "a", "[bold]x[/]", "entity", "source", "日本", "a b", "x.y", "ID", "-", "—",
     "مقال", "e\u0301", "sources", "stdin", "0", "row", "CON"]
)


@st.composite
def corpora(draw) -> list[GeneratedFile]:
    """One to four articles about one story, as files."""
    story = draw(st.lists(statements(), min_size=1, max_size=6))
    files = []
    for number in range(draw(st.integers(1, 4))):
        markdown = draw(st.integers(0, 3)) == 0
        published = draw(PUBLISHED)
        if published is not None and draw(st.integers(0, 3)) == 0:
            text = f"date {published} "  # the seeds' inline date
        else:
            text = draw(headers(published, markdown))
        paragraphs = []
        for statement in story:
            if draw(st.integers(0, 4)) == 0:
                continue  # this article does not say it
            sentence = realise(draw, statement, redraw=draw(st.booleans()))
            prefix = draw(st.sampled_from(["", "", "", "# ", "* ", "> ", "1. "])) if markdown else ""
            paragraphs.append(prefix + sentence)
        for _ in range(draw(st.integers(0, 3))):  # what only this article says
            paragraphs.append(realise(draw, draw(statements()), redraw=True))
        text += draw(st.sampled_from(["\n\n", " ", "\n"])).join(paragraphs)
        files.append(GeneratedFile(f"{draw(STEMS)}-{number}{'.md' if markdown else '.txt'}", text))
    return files


# ── the pipeline ───────────────────────────────────────────────────────────────────────────────────


def load_corpus(files: list[GeneratedFile]) -> tuple[tuple[Article, ...], tuple[LoadError, ...]]:
    """The files as `load` turns decoded text into articles (reading bytes is tested in test_load)."""
    articles, errors = [], []
    for file in files:
        result = parse_article(Path(file.name).stem, file.name, file.text)
        (errors if isinstance(result, LoadError) else articles).append(result)
    return tuple(articles), tuple(errors)


def annotations_for(comparison: Comparison) -> tuple[Annotation, ...]:
    """An annotation on the first and last sentence of each source, and one orphan: hostile labels and notes."""
    notes = ["[bold]x[/]", "=SUM(A1)", "\x1b[31mred", "<b>&amp;</b>", "👩‍🚀 ‮RTL", ""]
    out = []
    for n, (source, sentences) in enumerate(comparison.sentences.items()):
        for sentence in dict.fromkeys((sentences[0], sentences[-1])) if sentences else ():
            out.append(
                Annotation(
                    id=f"{n:04x}{sentence.index:04x}",
                    source=source,
                    sentence=sentence.index,
                    label=["verified", "disputed", "needs source", "note", "[/]"][n % 5],
                    note=notes[(n + sentence.index) % len(notes)],
                    quote=sentence.text,
                    status="anchored",
                    created="2026-01-01T00:00:00Z",
                    updated="2026-01-01T00:00:00Z",
                    start=sentence.start,
                    end=sentence.end,
                    annotated_sentence=sentence.index,
                    sha256=comparison.article(source).sha256,
                    path=comparison.article(source).path,
                )
            )
    out.append(
        Annotation("ffffffff", "gone", None, "note", "orphan [/]", "a quote", "orphaned", "2026-01-01T00:00:00Z",
                   "2026-01-01T00:00:00Z")
    )
    return tuple(out)


def strict_json(text: str) -> object:
    """JSON as the standard defines it: NaN and Infinity are not JSON."""

    def refuse(constant: str) -> object:
        raise ValueError(f"not JSON: {constant}")

    return json.loads(text, parse_constant=refuse)


def check_invariants(comparison: Comparison) -> None:
    """Every sentence in exactly one row; every fact inside its sentence, its value the text it spans."""
    seen: dict[tuple[str, int], int] = {}
    for row in comparison.rows:
        for source, indices in row.cells.items():
            for index in indices:
                assert (source, index) not in seen, f"sentence {source}#{index} in rows {seen[(source, index)]} and {row.id}"
                seen[(source, index)] = row.id
    every = {(source, s.index) for source, sentences in comparison.sentences.items() for s in sentences}
    assert set(seen) == every, f"sentences in no row: {sorted(every - set(seen))[:5]}"
    for source, sentences in comparison.sentences.items():
        body = comparison.article(source).body
        for sentence in sentences:
            assert body[sentence.start : sentence.end] == sentence.text
    for fact in comparison.facts:
        sentence = comparison.sentence(fact.source, fact.sentence)
        assert sentence.start <= fact.start <= fact.end <= sentence.end, f"{fact} outside {sentence}"
        assert comparison.article(fact.source).body[fact.start : fact.end] == fact.value
    for conflict in comparison.conflicts:
        assert len({value.fact.source for value in conflict.values}) >= 2 or conflict.kind == "variant"


def check_pipeline(files: list[GeneratedFile]) -> Comparison | None:
    """What a user runs on these files, none of which may raise; the invariants hold on the way."""
    from spacereader import export, serialize
    from spacereader.anchor import anchor, selector_for
    from spacereader.commands.align import alignment_table
    from spacereader.commands.conflicts import conflicts_table
    from spacereader.commands.sources import sources_table
    from spacereader.export import w3c
    from spacereader.tui.app import _prepare
    from spacereader.tui.viewmodel import FILTERS, marked_values, value_groups, wrap_cell

    articles, errors = load_corpus(files)
    if not articles:
        return None
    comparison = build_comparison(articles, errors)
    check_invariants(comparison)
    if len(articles) > 1:  # another pivot reorders every row
        check_invariants(build_comparison(articles, errors, pivot=articles[-1].id))

    annotations = annotations_for(comparison)
    for fmt in export.FORMATS:
        for notes in ((), annotations):
            text = export.render(comparison, notes, fmt)
            if fmt in ("json", "w3c"):
                strict_json(text)
            elif fmt == "csv":
                list(csv.reader(io.StringIO(text)))
    w3c.loads(export.render(comparison, annotations, "w3c"), "2026-01-01T00:00:00Z")
    strict_json(serialize.dumps({"sources": serialize.sources_json(articles), **serialize.alignment_json(comparison)}))
    strict_json(serialize.dumps(serialize.conflicts_json(comparison)))
    sources_table(articles)
    alignment_table(comparison, 80)
    conflicts_table(comparison, color=True)
    for article in articles:
        sentences = comparison.sentences[article.id]
        for sentence in sentences[:3]:
            anchor(selector_for(article.body, sentence, article.sha256), article, sentences)

    model = _prepare(comparison)
    labels = {column.source: column.label for column in model.columns}
    for conflict in comparison.conflicts:
        value_groups(conflict, labels)
        marked_values(conflict)
        model.conflict_rows(conflict)
    for which in FILTERS:
        model.filtered(which)
    for row in model.rows:
        for source, indices in row.cells.items():
            text, spans = model.cell_text(source, indices)
            for width in (1, 9, 48):
                for line in wrap_cell(text, spans + model.diff_spans(row, source), width):
                    assert "".join(fragment.text for fragment in line) in text
    for query in ("the", "1", "İ", "ß", "ss", "\u200d", "[/]"):
        for match in model.search(query, model.rows):  # a match covers what was searched for
            text, _ = model.cell_text(match.source, model.rows[match.row].cells[match.source])
            assert query.casefold() in text[match.start : match.end].casefold()
    return comparison


# ── the properties ─────────────────────────────────────────────────────────────────────────────────


@FUZZ
@given(corpora())
def test_pipeline_never_raises(files):
    check_pipeline(files)


async def test_reader_renders_every_line():
    """The comparison view paints every line of generated comparisons: one app, a new model per example."""
    from spacereader.tui.app import _prepare
    from spacereader.tui.components.comparison_view import HEADER
    from spacereader.tui.components.panels import conflict_prompt
    from tests.test_reader_support import sample_app, wait_ready

    app = sample_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(app, pilot)
        view = app.view

        @settings(FUZZ, max_examples=max(10, FUZZ.max_examples // 4))
        @given(corpora())
        def paint(files):
            articles, errors = load_corpus(files)
            if not articles:
                return
            model = _prepare(build_comparison(articles, errors))
            app.model = model
            view.set_model(model)
            for which in ("all", "conflicts", "shared", "unique", "all"):
                view.set_filter(which)  # type: ignore[arg-type]
                assert view._total_lines >= len(view.rows)  # laid out: every row has lines to paint
                for y in range(HEADER + view._total_lines + 1):
                    assert view.render_line(y).cell_length == view.scrollable_content_region.width
            for position in range(len(view.rows)):
                view.cursor_row = position  # the status and the conflict bar follow the cursor
                app._update_status()
            for column in range(len(model.columns)):
                view.cursor_column = column
                view.render_line(HEADER)
            for conflict in model.comparison.conflicts:  # the conflicts panel's entries
                conflict_prompt(conflict, model)

        paint()
        await pilot.pause()


#: The issue's own examples, which stopped every command before the parsing was mended.
ISSUE_NUMBERS = (
    "date 2021-10-05 The probe weighed 2,148.5 kg and cost 1,234.56 euros, or ₹615 crore, on 12.5.2021. "
    "Version 1.2.3 of the software logged 33,123.45 km at 9:12 pm.\n\nIt carried ٣ crew for 2½ years."
)


@functools.cache
def hostile_corpora(count: int = 2) -> tuple[tuple[GeneratedFile, ...], ...]:
    """The first `count` generated corpora of two or more files with digits, non-ASCII text and a conflict
    between them: the same every run (derandomised, not shrunk)."""
    from hypothesis import find

    chosen: list[tuple[GeneratedFile, ...]] = []

    def hostile(files: list[GeneratedFile]) -> bool:
        text = "".join(file.text for file in files)
        if len(files) < 2 or tuple(files) in chosen or text.isascii() or not any(c.isdigit() for c in text):
            return False
        articles, errors = load_corpus(files)
        return any(c.kind != "variant" for c in build_comparison(articles, errors).conflicts)

    options = settings(
        database=None, derandomize=True, phases=[Phase.generate], suppress_health_check=list(HealthCheck)
    )
    for _ in range(count):
        chosen.append(tuple(find(corpora(), hostile, settings=options)))
    return tuple(chosen)


def write_corpora(directory: Path) -> list[str]:
    """The hostile corpora and the issue's numbers as files in `directory`; their paths."""
    paths = []
    files = [file for corpus in hostile_corpora() for file in corpus]
    for n, file in enumerate([*files, GeneratedFile("issue.txt", ISSUE_NUMBERS)]):
        path = directory / f"{n:02d}{Path(file.name).suffix}"
        path.write_text(file.text, encoding="utf-8")
        paths.append(str(path))
    return paths


async def test_reader_opens_a_hostile_corpus(tmp_path):
    """A full app on generated files, driven by keys through every panel; it never fails."""
    from spacereader.tui.app import ReaderApp
    from tests.test_reader_support import wait_ready

    app = ReaderApp(write_corpora(tmp_path), load_config=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(app, pilot)
        assert app.failure is None
        keys = ["n", "j", "l", "G", "f", "f", "c", "escape", "F", "escape", "slash", "1", "enter", "N", "g"]
        keys += ["a", "x", "enter", "A", "escape", "m", "p", "escape", "question_mark", "escape"]
        for key in keys:
            await pilot.press(key)
        await pilot.pause()
        assert app.is_running


def commands_reading_articles() -> list[list[str]]:
    """Every command that reads articles, in each of its output formats. Taken from the parser, so that a
    command added later (`events`) is checked too."""
    import argparse

    from spacereader.cli import build_parser

    def variants(name: list[str], parser: argparse.ArgumentParser) -> list[list[str]]:
        fmt = next((a for a in parser._actions if "--format" in a.option_strings), None)
        return [[*name, "--format", f] for f in fmt.choices] if fmt and fmt.choices else [name]

    def subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
        action = next((a for a in parser._actions if isinstance(a, argparse._SubParsersAction)), None)
        return dict(action.choices) if action else {}

    runs = []
    for name, parser in subcommands(build_parser()).items():
        if name == "read":
            continue  # the reader: its headless screenshot, in the test
        verbs = subcommands(parser)
        for verb, verb_parser in verbs.items():
            positional = [a.dest for a in verb_parser._actions if not a.option_strings and a.dest != "help"]
            if positional == ["paths"]:  # `annotations list`, `annotations export`
                runs += variants([name, verb], verb_parser)
        if not verbs:
            runs += variants([name], parser)
    return runs


def test_commands_never_exit_1(tmp_path):
    """Every command on generated hostile files exits 0 (a bad file among them is a warning), and 2 when no
    file is readable; never 1."""
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02 2,148.5 kg")
    paths = [*write_corpora(tmp_path), str(binary)]
    commands = [*commands_reading_articles(), ["--screenshot", str(tmp_path / "shot.svg"), "--size", "80x24"]]
    assert ["export", "--format", "w3c"] in commands and ["annotations", "export"] in commands
    # One interpreter runs them all (a process per command would cost a second each); each command's
    # exit code goes to a file, its output to /dev/null.
    script = (
        "import json, sys\nfrom spacereader.cli import main\n"
        "runs, out = json.loads(sys.argv[1]), open(sys.argv[2], 'w')\n"
        "for args in runs:\n"
        "    try:\n        code = main(args)\n    except SystemExit as exit:\n        code = exit.code\n"
        "    out.write(f'{code}\\n'); out.flush()\n"
    )
    codes_file = tmp_path / "codes"
    runs = [[*command, *paths] for command in commands] + [[*command, str(binary)] for command in commands]
    result = subprocess.run(
        [sys.executable, "-c", script, json.dumps(runs), str(codes_file)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "COLUMNS": "100"},
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "internal error" not in result.stderr, result.stderr[-2000:]
    codes = codes_file.read_text().split()
    expected = ["0"] * len(commands) + ["2"] * len(commands)
    for args, code, wanted in zip(runs, codes, expected, strict=True):
        assert code == wanted, f"{args[:3]}: exit {code}\n{result.stderr[-2000:]}"
    assert (tmp_path / "shot.svg").read_text().startswith("<svg")


# ── what the grammar found: each crash class and each wrong value, fixed ───────────────────────────


def _comparison(*bodies: str) -> Comparison:
    articles, errors = load_corpus([GeneratedFile(f"s{n}.txt", body) for n, body in enumerate(bodies)])
    return build_comparison(articles, errors)


def test_the_issue_numbers_no_longer_stop_the_comparison():
    comparison = _comparison(ISSUE_NUMBERS, ISSUE_NUMBERS.replace("2,148.5", "2,148.6").replace("2021-10-05", "2021-10-06"))
    counts = [f.normalized for f in comparison.facts if f.attribute == "count" and f.source == "s0"]
    assert 2148.5 in counts and 33123.45 in counts
    assert any(c.attribute == "count" for c in comparison.conflicts)  # 2,148.5 kg against 2,148.6 kg


def test_an_age_in_an_article_dated_before_the_calendar_could_hold_a_birth():
    """ValueError('year -71 is out of range') in the birth window of a 120-year-old in the year 50."""
    comparison = _comparison("date: 0050-01-01\n\nYulia Peresild, 120, flew.", "date: 0051-01-02\n\nYulia Peresild, 99, flew.")
    assert [c.attribute for c in comparison.conflicts] == ["age"]
    check_pipeline([GeneratedFile("a.txt", "date: 0001-01-01\n\nDana Lee, 125, and Dana Lee, 3, met.")])


@pytest.mark.parametrize(
    ("text", "published", "values"),
    [
        ("It launched on 0000-01-05.", None, []),  # no year 0 in the calendar (was "0000-01-05")
        ("It launched on 2021-10-05T25:61.", None, ["2021-10-05"]),  # no hour 25: the day alone
        ("It will launch next year.", dt.date(9999, 12, 31), [None]),  # was "10000"
        ("It will launch in May of next year.", dt.date(9999, 12, 31), [None, None]),  # was "10000-05", "10000"
        ("It launched 3 years ago.", dt.date(1, 1, 1), [None]),  # was "-2"
        ("It launched 99999999999999 months ago.", dt.date(2021, 1, 1), [None]),  # was "-8333333331313-10"
        ("It launched 2 months ago.", dt.date(2021, 1, 1), ["2020-11"]),
        ("It will open next month.", dt.date(9999, 12, 31), [None]),
    ],
)
def test_dates_outside_the_calendar_keep_their_words_and_no_value(text, published, values):
    from spacereader.engine.dates import find_dates

    assert [found.normalized for found in find_dates(text, published)] == values


def test_times_in_the_24_hour_h_form_are_read_after_a_preposition_or_with_a_zone():
    from spacereader.engine.dates import find_dates

    assert [f.normalized for f in find_dates("It docked at 21h30 and by 9h05 GMT.")] == ["T21:30", "T09:05Z"]
    assert find_dates("He ran the marathon in 2h30.") == []  # a duration, not a time of day


def test_search_offsets_survive_letters_that_casefold_longer():
    """'İ' and 'ß' casefold to two characters: matches after them were shifted (and 'ss' missed 'ß')."""
    from spacereader.tui.viewmodel import ReaderModel

    model = ReaderModel(_comparison("İstanbul and Straße both flew 37 days."))
    text, _ = model.cell_text("s0", (0,))
    assert [text[m.start : m.end] for m in model.search("37", model.rows)] == ["37"]
    assert [text[m.start : m.end] for m in model.search("strasse", model.rows)] == ["Straße"]
    assert [text[m.start : m.end] for m in model.search("i̇stanbul", model.rows)] == ["İstanbul"]


def _counts_of(text: str) -> list[object]:
    from spacereader.engine.facts import extract_facts
    from spacereader.engine.segment import segment

    article = Article("a", "a.txt", text, "")
    return [(f.value, f.normalized) for f in extract_facts(article, segment(text)) if f.attribute == "count"]


def test_an_ordinal_is_not_a_count():
    assert _counts_of("The 21st people arrived and the 3rd ships left.") == []
    assert _counts_of("He finished 21st among 30 runners.") == [("30", 30)]


def test_a_minus_sign_is_read_and_a_hyphen_is_not():
    assert _counts_of("It fell to -5 degrees, −12 people left and shares lost -3%.") == [
        ("-5", -5),
        ("−12", -12),
        ("-3%", -3),
    ]
    assert _counts_of("The 2-3 ships carried COVID-19 patients.") == [("2-3", [2, 3])]


if __name__ == "__main__":  # what the grammar writes, to look at
    for corpus in hostile_corpora():
        for generated in corpus:
            print(f"── {generated.name}\n{generated.text!r}\n")
