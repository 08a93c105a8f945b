"""Cross-source sentence alignment: rows, their order, word differences, and the invariants."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from spacereader.engine.align import align
from spacereader.engine.segment import segment
from spacereader.engine.wordiff import row_differences, tokens
from spacereader.model import DiffSpan, Fact, Sentence


def sources(**texts: str) -> dict[str, tuple[Sentence, ...]]:
    """Source id → its sentences, segmented from a small body."""
    return {source: segment(body, source) for source, body in texts.items()}


def row_of(rows, source: str, index: int):
    found = [row for row in rows if index in row.cells.get(source, ())]
    assert len(found) == 1, (source, index, found)
    return found[0]


def together(rows, *members: tuple[str, int]) -> bool:
    return len({id(row_of(rows, source, index)) for source, index in members}) == 1


# A small event written for the tests: three outlets on a fictional dam failure.
COURIER = (
    "The Kessel dam in the Aberlin valley burst on Sunday night, flooding three villages. "
    "At least 14 people were killed and 60 were injured, the regional governor Marta Ilves said. "
    "The dam, completed in 1974, held back about 40 million cubic metres of water. "
    "Engineers had warned in March that cracks in the spillway were getting worse. "
    "Rescue teams from Tarnow and Lisec worked through the night. "
    "The local football club cancelled its match against Ostrava."
)
HERALD = (
    "Sixteen people died when the Kessel dam burst late on Sunday, sending a wall of water through three villages in the Aberlin valley. "
    "Governor Marta Ilves said 60 people had been taken to hospital. "
    "Built in 1974, the dam held roughly 40 million cubic metres. "
    "Weather forecasters expect more rain on Wednesday. "
    "In March, engineers warned that the cracks in the spillway were growing."
)
WIRE = (
    "ABERLIN — The Kessel dam collapsed on Sunday night and flooded three villages. "
    "The government will pay for temporary housing for 2,000 residents, the finance minister said. "
    "Engineers had flagged worsening cracks in the spillway in March. "
    "At least 14 were killed, Governor Ilves said."
)


@pytest.fixture(scope="module")
def dam():
    sentences = sources(courier=COURIER, herald=HERALD, wire=WIRE)
    return sentences, align(sentences)


def test_paraphrases_share_a_row(dam) -> None:
    _sentences, rows = dam
    assert together(rows, ("courier", 0), ("herald", 0), ("wire", 0))  # the dam burst
    assert together(rows, ("courier", 2), ("herald", 2))  # built in 1974, 40 million m³
    assert together(rows, ("courier", 3), ("herald", 4), ("wire", 2))  # the March warning, reordered


def test_conflicting_numbers_do_not_keep_sentences_apart(dam) -> None:
    _sentences, rows = dam
    # 14 killed / 16 died is the conflict a reader wants to see side by side.
    assert together(rows, ("courier", 1), ("wire", 3))


def test_unrelated_sentences_stay_alone(dam) -> None:
    _sentences, rows = dam
    for source, index in (("courier", 5), ("herald", 3), ("wire", 1)):
        assert sum(len(cell) for cell in row_of(rows, source, index).cells.values()) == 1


def test_every_sentence_in_exactly_one_row(dam) -> None:
    sentences, rows = dam
    seen = [(source, index) for row in rows for source, cell in row.cells.items() for index in cell]
    assert sorted(seen) == sorted((source, s.index) for source, group in sentences.items() for s in group)
    assert [row.id for row in rows] == list(range(len(rows)))


def test_rows_follow_the_pivot(dam) -> None:
    sentences, _rows = dam
    for pivot in sentences:
        ordered = align(sentences, pivot=pivot)
        firsts = [row.cells[pivot][0] for row in ordered if pivot in row.cells]
        assert firsts == sorted(firsts)
    # Rows without the pivot go where their sentences' relative position puts them.
    ordered = align(sentences, pivot="wire")
    assert "wire" in ordered[0].cells
    last_wire = max(n for n, row in enumerate(ordered) if "wire" in row.cells)
    herald_weather = next(n for n, row in enumerate(ordered) if 3 in row.cells.get("herald", ()))
    assert herald_weather < last_wire + 2


def test_threshold_trades_rows_for_matches(dam) -> None:
    sentences, _rows = dam
    strict = align(sentences, threshold=100)
    loose = align(sentences, threshold=0)
    assert len(loose) <= len(align(sentences)) < len(strict)
    # Near the top only near-identical sentences (or clear mutual best matches just below) pair up.
    assert all(row.score is None or row.score >= 85 for row in strict)


def test_reference_and_word_differences(dam) -> None:
    sentences, rows = dam
    row = row_of(rows, "courier", 1)
    assert row.reference == "courier"
    wire = sentences["wire"]
    body_text = {s.index: s for s in wire}
    spans = row.differences.get("wire", ())
    assert all(isinstance(span, DiffSpan) for span in spans)
    # Only numbers and words the courier's sentence lacks are marked; "14" is shared.
    marked = {WIRE[span.start : span.end] for span in spans}
    assert "14" not in marked
    assert all(body_text[3].start <= span.start < span.end <= body_text[3].end for span in spans)
    herald_row = row_of(rows, "herald", 0)
    numbers = [HERALD[s.start : s.end] for s in herald_row.differences.get("herald", ()) if s.kind == "number"]
    assert numbers == ["Sixteen"] or "Sixteen" in numbers


def test_word_differences_ignore_order_and_function_words() -> None:
    a = Sentence("a", 0, "On Sunday the dam burst, flooding 3 villages.", 0, 45)
    b = Sentence("b", 0, "The dam burst on Sunday and flooded three villages.", 0, 51)
    diff = row_differences({"a": (0,), "b": (0,)}, "a", {"a": (a,), "b": (b,)})
    assert diff.get("b", ()) == ()  # same words in another order; 'flooded' meets 'flooding' by stem


def test_number_tokens() -> None:
    keys = {t.key for t in tokens("It cost $4.2 million, about 21,000 each, on 5 October; twelve died.")}
    assert {"#21000", "#5", "#12", "@oct"} <= keys


def test_split_sentence_joins_one_row() -> None:
    sentences = sources(
        long="Mayor Anna Brisk opened the new Harlow ferry terminal on Friday and promised 40 extra sailings every week.",
        short="Mayor Anna Brisk opened the Harlow ferry terminal on Friday. She also promised 40 extra sailings a week.",
    )
    rows = align(sentences)
    row = row_of(rows, "long", 0)
    assert row.cells.get("short") == (0, 1)


def test_repeated_quote_in_one_source() -> None:
    quote = "“We will rebuild every single house in Orlo before the winter,” the mayor said."
    sentences = sources(
        a=f"{quote} The storm hit Orlo on Monday. Power lines were cut across the whole province. {quote}",
        b="The storm struck Orlo on Monday night. “We will rebuild every single house in Orlo before the winter,” Mayor Tamm said.",
    )
    rows = align(sentences)
    assert row_of(rows, "a", 0).cells == {"a": (0, 3), "b": (1,)}


def test_generic_sentence_does_not_take_a_row() -> None:
    sentences = sources(
        a="Police said. The bridge over the Vistula in Torun was closed for repairs on Monday.",
        b="Officials in Torun closed the Vistula bridge on Monday for repairs, police said.",
    )
    rows = align(sentences)
    assert together(rows, ("a", 1), ("b", 0))
    assert row_of(rows, "a", 0).cells == {"a": (0,)}


def test_facts_are_evidence() -> None:
    sentences = sources(
        a="The total cost of the mission is Rs 450 crore. The crew trained for a year.",
        b="Officials put the estimated budget at Rs 450 crore. The rocket was built in Pune.",
    )
    facts = [
        Fact("a", 0, "money", "Rs 450 crore", {"amount": 4500000000, "currency": "INR"}, 35, 47, "mission"),
        Fact("b", 0, "money", "Rs 450 crore", {"amount": 4500000000, "currency": "INR"}, 39, 51, "mission"),
    ]
    rows = align(sentences, facts=facts)
    assert together(rows, ("a", 0), ("b", 0))
    assert not together(rows, ("a", 1), ("b", 1))


def test_set_phrases_and_paraphrase_groups_bring_a_statement_together() -> None:
    """'touched down' and 'landed' are one word to the aligner (spacereader.engine.paraphrase)."""
    sentences = sources(
        a="The Selene lander touched down near the lunar south pole at 6:04 pm. Mission control in Bengaluru "
        "erupted in cheers. Selene carries a small rover.",
        b="Selene landed close to the Moon's south pole on Wednesday evening. Scientists hope the rover finds "
        "water ice. The mission cost less than many films.",
    )
    rows = align(sentences)
    assert together(rows, ("a", 0), ("b", 0))
    assert not together(rows, ("a", 2), ("b", 1))


def test_one_figure_in_differently_built_sentences_shares_a_row() -> None:
    """The same count told with other words: each other's best match, at the top of both articles."""
    sentences = sources(
        a="Rescuers pulled 104 people from the water after the Aurelia capsized off Kavos. The captain was "
        "detained on Friday. Relatives gathered at the harbour in Kavos.",
        b="The coast guard said 104 survivors had been brought ashore. The Aurelia was carrying migrants from "
        "Tobruk to Kavos. Officials in Kavos declared three days of mourning.",
    )
    rows = align(sentences)
    assert together(rows, ("a", 0), ("b", 0))
    assert sum(len(row.cells) > 1 for row in rows) == 1


def test_headlines_of_one_story_share_a_row() -> None:
    """Two headlines of one story share few words, but both open their articles: they state its news."""
    sentences = sources(
        a="Storm Idris floods the old town of Varenna. The river Serra burst its banks overnight and water rose "
        "two metres in the streets. The mayor asked residents to stay upstairs. Schools will stay shut until "
        "Monday. Farmers counted their losses in the valley.",
        b="Varenna under water as Idris hits the coast. The Serra overflowed on Tuesday night and swamped the "
        "historic centre of the town. Shops along the harbour were shuttered. The mayor urged people to stay "
        "upstairs. Forecasters expect more rain on Thursday.",
    )
    rows = align(sentences)
    assert together(rows, ("a", 0), ("b", 0))
    assert together(rows, ("a", 2), ("b", 3))
    assert not together(rows, ("a", 3), ("b", 3))


def test_what_figures_measure_is_read_per_sentence() -> None:
    """The facts' measures reach the second look by sentence (a figure of one measure in both is evidence)."""
    from spacereader.engine.align import _measures, _prepare

    sentences = sources(a="The crash left 23 people dead. Traffic was diverted.", b="The toll stands at 23.")
    facts = [
        Fact("a", 0, "count", "23", 23, 15, 17, None, "killed"),
        Fact("a", 1, "name", "Traffic", "Traffic", 31, 38, None, "name"),
        Fact("b", 0, "count", "23", 23, 19, 21, "the crash", "killed"),
    ]
    _sentences, features = _prepare(sentences, facts, ())
    assert _measures(features, list(sentences), facts) == [
        frozenset({"count:killed"}),
        frozenset(),
        frozenset({"count:killed"}),
    ]


def test_unrelated_articles_stay_apart() -> None:
    """The second look (rank, place, shared words) adds nothing between articles that share no statement."""
    sentences = sources(
        a="The Kessel dam burst on Sunday, flooding three villages in the Aberlin valley. Rescue teams searched "
        "the valley all night. Engineers warned of cracks in 2019.",
        b="Orlo United beat Harrow 3-1 on Sunday in front of a record crowd. The coach praised his young "
        "striker. Tickets for the final sold out in an hour.",
    )
    rows = align(sentences)
    assert all(len(row.cells) == 1 for row in rows)


def test_paraphrase_vocabulary() -> None:
    from spacereader.engine.paraphrase import WORDS, canonical_words

    words = "the bank 's chief executive officer was shown the door and sacked".split()
    assert canonical_words(words) == ["the", "bank", "'s", "ceo", "was", "dismiss", "and", "dismiss"]
    assert canonical_words(["touched", "down"]) == canonical_words(["landed"]) == ["land"]
    assert canonical_words(["chief"]) == ["chief"]  # a phrase's first word alone stays itself
    assert WORDS["killed"] == WORDS["died"] == WORDS["drowned"]


def test_empty_and_single_source() -> None:
    assert align({}) == ()
    rows = align(sources(only="One sentence. Another one."))
    assert [row.cells for row in rows] == [{"only": (0,)}, {"only": (1,)}]
    assert align({"empty": ()}) == ()


def test_progress_is_reported(dam) -> None:
    sentences, _rows = dam
    steps: list[tuple[str, int, int]] = []
    align(sentences, progress=lambda step, done, total: steps.append((step, done, total)))
    assert steps and all(0 <= done <= total for _step, done, total in steps)
    assert steps[-1][1] == steps[-1][2]


WORDS = [
    "the",
    "dam",
    "burst",
    "Kessel",
    "14",
    "people",
    "died",
    "said",
    "on",
    "Sunday",
    "police",
    "1974",
    "cost",
    "$4m",
]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.lists(st.lists(st.sampled_from(WORDS), min_size=0, max_size=9), min_size=0, max_size=7),
        min_size=0,
        max_size=4,
    ),
    st.floats(min_value=0, max_value=100),
)
def test_every_sentence_in_exactly_one_row_property(texts, threshold) -> None:
    sentences = {}
    for number, group in enumerate(texts):
        source = f"s{number}"
        sentences[source] = tuple(
            Sentence(source, index, " ".join(words) + ".", index * 100, index * 100 + len(" ".join(words)) + 1)
            for index, words in enumerate(group)
        )
    rows = align(sentences, threshold=threshold, pivot="s1" if len(texts) > 1 else None)
    seen = sorted((source, index) for row in rows for source, cell in row.cells.items() for index in cell)
    assert seen == sorted((source, s.index) for source, group in sentences.items() for s in group)
    assert all(row.cells and all(row.cells.values()) for row in rows)
    for row in rows:
        for cell in row.cells.values():
            assert list(cell) == sorted(set(cell))
        assert row.reference in row.cells


def test_seed_rows(seed_comparison) -> None:
    rows = seed_comparison.rows
    peresild = ("003_61f4a650ca5522b8", 2), ("004_0ac90385ad601620", 1)
    ernst = ("003_61f4a650ca5522b8", 14), ("004_0ac90385ad601620", 9)
    assert together(rows, *peresild)
    assert together(rows, *ernst)
    # Unrelated: the USA–USSR Cold War sentence and the Gorki Park capsule.
    assert not together(rows, ("000_31401a5a5b9e1362", 7), ("002_bd465d32ec8b1f6f", 4))


def test_synthetic_clusters() -> None:
    """Four events of about five articles each: rows recover the known true rows (the bench, small)."""
    from tests.bench.clusters import generate, precision_recall

    cluster = generate(20, seed=11)
    rows = align(cluster.sentences)
    predicted = [{(source, i) for source, cell in row.cells.items() for i in cell} for row in rows]
    precision, recall = precision_recall(predicted, cluster.rows)
    assert precision >= 0.9 and recall >= 0.9, (precision, recall)


def test_many_retellings_share_rows() -> None:
    """150 articles retelling 20 of the seeds' sentences, lightly edited (75 retellings each): the scale bench, small.

    A statement many sources report has common words of its own; they must still count as its words.
    """
    from tests.bench.bench_align_scale import measure_rows, retellings

    case = retellings(150, 10, statements=20)
    steps: list[str] = []
    rows = align(case.sentences, progress=lambda step, _done, _total: steps.append(step))
    measured = measure_rows([[(s, i) for s, cell in row.cells.items() for i in cell] for row in rows], case.truth)
    assert measured["shared"] >= 0.97 and measured["right"] >= 0.98 and measured["recall"] >= 0.9, measured
    assert all(len(cell) == 1 for row in rows for cell in row.cells.values())
    assert {"candidates", "scoring", "rows", "differences"} <= set(steps)


def test_wire_copy_in_many_sources() -> None:
    """Forty outlets print one wire story word for word, one of them a sentence twice: one row per sentence."""
    story = (
        "The Varna ferry ran aground off Cape Emine on Thursday. "
        "All 212 passengers were taken ashore by lifeboats, the coastguard said. "
        "The operator, Black Sea Lines, suspended its Varna route until Monday. "
    )
    texts = {f"outlet{n:02d}": story for n in range(40)}
    texts["outlet07"] = story + "All 212 passengers were taken ashore by lifeboats, the coastguard said."
    rows = align(sources(**texts))
    assert len(rows) == 3
    assert all(len(row.cells) == 40 for row in rows)
    assert row_of(rows, "outlet07", 3) is row_of(rows, "outlet07", 1)
    assert all(row.score is not None and row.score >= 90 for row in rows)


def test_candidates_take_features_made_elsewhere() -> None:
    """Event grouping builds its own features (one per article, no node) and asks the index for candidates."""
    from spacereader.engine.align import _candidates, _Features

    bags = [{"quake": 2.0, "brasca": 3.0}, {"quake": 2.0, "brasca": 3.0, "school": 1.0}, {"budget": 2.0}]
    features = [
        _Features(source=n, index=0, text="", weights=bag, mass=sum(bag.values()), words=0, unit=1.0)
        for n, bag in enumerate(bags)
    ]
    assert _candidates(features, 5, None) == {(0, 1)}


def test_seed_differences(seed_comparison) -> None:
    rows = seed_comparison.rows
    row = row_of(rows, "003_61f4a650ca5522b8", 2)
    marked = {}
    for source, spans in row.differences.items():
        body = seed_comparison.article(source).body
        marked[source] = {(body[span.start : span.end], span.kind) for span in spans}
    # The ages the outlets give differently are numbers that differ; the shared names are not marked.
    assert ("36", "number") in marked["004_0ac90385ad601620"]
    assert ("37", "number") in marked["003_61f4a650ca5522b8"]
    assert not any("Shipenko" in text for texts in marked.values() for text, _kind in texts)


def test_cli_align_json_and_table(tmp_path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "spacereader", "align", "--format", "json"], capture_output=True, text=True, check=True
    )
    document = json.loads(done.stdout)
    assert document["schema"] == "spacereader.alignment/1"
    assert len(document["sources"]) == 5
    counted = sum(len(cell) for row in document["rows"] for cell in row["cells"].values())
    assert counted == sum(len(group) for group in document["sentences"].values())
    first = document["sentences"]["003_61f4a650ca5522b8"][2]
    assert set(first) == {"index", "text", "start", "end"}
    table = subprocess.run(
        [sys.executable, "-m", "spacereader", "align", "--pivot", "004_0ac90385ad601620"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert table.splitlines()[0].split()[:3] == ["ROW", "SCORE", "004_0ac90385ad601620"]
    bad = subprocess.run(
        [sys.executable, "-m", "spacereader", "align", "--pivot", "nope"], capture_output=True, text=True
    )
    assert bad.returncode == 2 and "nope" in bad.stderr
