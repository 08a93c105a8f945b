"""Events: grouping a pile of articles (engine), the pile's comparisons in a pool, `spacereader events`,
`--event` across commands, and the batch export."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import hashlib
import io
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from spacereader.cli import main
from spacereader.engine.events import Event, event_id, find_event, group_events, read_article
from spacereader.model import Article
from spacereader.sources.files import seeds_dir
from spacereader.sources.load import load_paths

ROOT = Path(__file__).resolve().parent
WRITTEN = ROOT / "articles"
#: A pile of three events of two sources or more, two of one topic (earthquakes), and a single of that
#: topic: the natural first test of "topic words alone join nothing".
PILE = [WRITTEN / "quake", WRITTEN / "quake-kestria", WRITTEN / "transfer", WRITTEN / "singles" / "tremor.txt"]


def article(body: str, source: str = "a", title: str | None = None, published: dt.date | None = None) -> Article:
    return Article(
        source, f"{source}.txt", body, hashlib.sha256(body.encode()).hexdigest(), title, None, None, published
    )


def read_text(text: str, source: str, published: dt.date) -> Article:
    """An article from the text of a file (a header block, a blank line, the body)."""
    header, body = text.split("\n\n", 1)
    return article(body, source, title=header.removeprefix("title: "), published=published)


def written_pile() -> tuple[list[Article], dict[str, str]]:
    """Every written article and the seeds, with the event each truly reports (folder; a single alone)."""
    paths, truth = [], []
    for folder in sorted(WRITTEN.iterdir()):
        for path in sorted(folder.iterdir()):
            paths.append(str(path))
            truth.append(path.stem if folder.name == "singles" else folder.name)
    for path in sorted(seeds_dir().iterdir()):
        paths.append(str(path))
        truth.append("seeds")
    articles, errors = load_paths(paths)
    assert not errors and len(articles) == len(paths)
    return articles, {a.id: label for a, label in zip(articles, truth, strict=True)}


def partition(events) -> set[frozenset[str]]:
    return {frozenset(event.sources) for event in events}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# ── grouping ───────────────────────────────────────────────────────────────────────────────────────


def test_the_written_pile_is_grouped_as_written() -> None:
    articles, truth = written_pile()
    events = group_events(articles)
    expected: dict[str, set[str]] = {}
    for source, label in truth.items():
        expected.setdefault(label, set()).add(source)
    assert partition(events) == {frozenset(sources) for sources in expected.values()}
    # Two earthquakes a month apart and a tremor, two transfers a week apart, two strikes in one
    # country: every one its own event.
    assert {truth[event.sources[0]] for event in events} >= {
        "quake",
        "quake-kestria",
        "tremor",
        "transfer",
        "transfer-sandal",
    }


def test_every_article_is_in_exactly_one_event_most_covered_first() -> None:
    articles, _truth = written_pile()
    events = group_events(articles)
    sources = [source for event in events for source in event.sources]
    assert sorted(sources) == sorted(a.id for a in articles)
    sizes = [len(event.sources) for event in events]
    assert sizes == sorted(sizes, reverse=True)


def test_the_seeds_alone_are_one_event(seed_articles) -> None:
    (event,) = group_events(seed_articles)
    assert event.sources == tuple(a.id for a in seed_articles)
    assert (event.first, event.last) == (dt.date(2021, 10, 5), dt.date(2021, 12, 13))
    assert "Peresild" in event.title or "space" in event.title.lower()


def test_a_pile_where_nothing_shares_an_event() -> None:
    paths = sorted(str(p) for p in (WRITTEN / "singles").iterdir())
    articles, _ = load_paths(paths)
    events = group_events(articles)
    assert len(events) == len(articles) == len(paths)
    assert all(len(event.sources) == 1 for event in events)
    # Most covered first; ties keep the input order.
    assert [event.sources[0] for event in events] == [a.id for a in articles]


def test_the_order_of_the_input_does_not_change_the_events() -> None:
    articles, _ = written_pile()
    forward, backward = group_events(articles), group_events(articles[::-1])
    assert partition(forward) == partition(backward)
    assert {e.id for e in forward} == {e.id for e in backward}


def test_event_ids_are_a_stable_hash_of_the_sorted_source_ids() -> None:
    digest = hashlib.sha256(b"a\nb").hexdigest()[:12]
    assert event_id(["b", "a"]) == event_id(["a", "b"]) == f"e-{digest}"
    articles, _ = written_pile()
    for event in group_events(articles):
        assert event.id == event_id(event.sources)
        assert re.fullmatch(r"e-[0-9a-f]{12}", event.id)


def test_titles_dates_and_untitled_events() -> None:
    body = "The Varga Museum lost three paintings overnight. Police are searching for the thieves."
    untitled = article(body)
    (single,) = group_events([untitled])
    assert single.title == "The Varga Museum lost three paintings overnight."
    assert single.first is single.last is None
    titled = article("Body text about the theft at the Varga Museum.", "b", title="  Thieves   raid Varga Museum ")
    (event,) = group_events([titled])
    assert event.title == "Thieves raid Varga Museum"


def test_an_institution_many_stories_name_does_not_make_one_event() -> None:
    # Two rescues at sea a week apart, each told as news tells it: the Coast Guard in both (and "the
    # coast" as a word), their own boats, places, people and figures.
    trawler = (
        "title: Search for missing Kelvik trawler resumes\n\n"
        "The Coast Guard resumed its search on Monday for the Marla Quest, a trawler that went missing off "
        "Kelvik with six fishermen aboard. Skipper Odd Brennvik, 54, radioed on Saturday evening that the "
        "boat had lost power in rising seas. A helicopter found an empty life raft 30 miles from the coast "
        "on Sunday. The Kelvik fishermen's association said the Marla Quest had been refitted in 2019. "
        "Relatives gathered at the harbour chapel, where the mayor, Inga Sorlie, spoke to the families. "
        "The search area covers 1,200 square miles, the Coast Guard said."
    )
    migrants = (
        "title: 41 migrants rescued from dinghy near Pelosa\n\n"
        "The Coast Guard rescued 41 migrants from a drifting dinghy near the island of Pelosa on Sunday. "
        "The boat had left Tabrun two days earlier, the aid group Sea Haven said, and ran out of fuel. "
        "Four people, including a child, were treated for hypothermia at the hospital in Varnes. "
        "Prefect Dario Lenzi said 1,900 people had reached Pelosa by sea since January. "
        "A Coast Guard patrol boat took the survivors to Varnes, a short way up the coast. "
        "Sea Haven's ship, the Aurora, is due in Varnes on Tuesday."
    )
    pile = [
        read_text(trawler, "trawler", dt.date(2026, 3, 2)),
        read_text(migrants, "migrants", dt.date(2026, 3, 9)),
    ]
    assert len(group_events(pile)) == 2


def test_find_event_takes_an_id_or_a_unique_prefix() -> None:
    events = (Event("e-abc123000000", "one", ("a",)), Event("e-abd456000000", "two", ("b",)))
    assert find_event(events, "e-abc123000000") is events[0]
    assert find_event(events, "e-abc") is events[0]
    assert find_event(events, "abd") is events[1]
    with pytest.raises(ValueError, match="ambiguous"):
        find_event(events, "e-ab")
    for unknown in ("e-ff", "zz", "", "e-", "e"):
        with pytest.raises(LookupError):
            find_event(events, unknown)


def test_no_articles_no_events() -> None:
    assert group_events([]) == ()


@settings(max_examples=40, deadline=None)
@given(st.lists(st.text(min_size=0, max_size=300), min_size=1, max_size=6))
def test_any_text_is_read_and_grouped_without_raising(bodies: list[str]) -> None:
    articles = [article(body or " ", f"s{n}") for n, body in enumerate(bodies)]
    events = group_events(articles)
    assert sorted(s for e in events for s in e.sources) == sorted(a.id for a in articles)
    for a in articles:
        read_article(a)


# ── the pile: comparisons in a pool ────────────────────────────────────────────────────────────────


def test_a_pool_gives_what_a_serial_run_gives(monkeypatch: pytest.MonkeyPatch) -> None:
    from spacereader import pile

    articles, _ = written_pile()
    monkeypatch.setattr(pile, "POOL_READING", 2)  # read in the pool too
    serial = pile.build_pile(articles, workers=1)
    pooled = pile.build_pile(articles, workers=2)
    assert serial.events == pooled.events
    assert list(serial.comparisons) == list(pooled.comparisons) == [e.id for e in serial.events]
    for event in serial.events:
        assert serial.comparison(event) == pooled.comparison(event)
        assert serial.comparison(event).articles == pile.articles_of(event, articles)
    assert pile.read(articles, workers=2) == pile.read(articles, workers=1)


def test_several_events_means_two_of_two_sources_or_more() -> None:
    from spacereader.pile import several_events

    one = Event("e-1", "t", ("a", "b"))
    alone = Event("e-2", "t", ("c",))
    assert not several_events([one, alone, alone])
    assert several_events([one, dataclasses.replace(one, id="e-3")])


# ── spacereader events ─────────────────────────────────────────────────────────────────────────────


def test_events_json_follows_the_contract(capsys) -> None:
    code, out, err = run(capsys, "events", *map(str, PILE), "--format", "json")
    assert code == 0 and err == ""
    document = json.loads(out)
    assert document["schema"] == "spacereader.events/1"
    assert len(document["sources"]) == 10
    events = document["events"]
    assert [len(e["sources"]) for e in events] == [3, 3, 3, 1]
    for event in events:
        assert set(event) == {"id", "title", "sources", "first", "last", "conflicts"}
        assert event["id"] == event_id(event["sources"])
        assert isinstance(event["conflicts"], int) and event["conflicts"] >= 0
    assert sorted(s for e in events for s in e["sources"]) == sorted(s["id"] for s in document["sources"])
    quake = next(e for e in events if "daily" in e["sources"])
    assert sorted(quake["sources"]) == ["daily", "herald", "wire"]
    assert (quake["first"], quake["last"]) == ("2026-05-16", "2026-05-17")
    assert quake["conflicts"] >= 1  # 23, 25 or 27 dead
    assert events[-1]["title"] == "Moderate earthquake shakes Lissandra, no injuries"


def test_events_table_and_min_sources(capsys) -> None:
    code, out, err = run(capsys, "events", *map(str, PILE), "--min-sources", "2")
    lines = out.splitlines()
    assert code == 0
    assert lines[0].split()[:5] == ["ID", "SOURCES", "FIRST", "LAST", "CONFLICTS"]
    assert len(lines) == 4 and all(line.startswith("e-") for line in lines[1:])
    assert "Valmora Herald" in out and "Lissandra" not in out
    assert "1 smaller event(s) not listed" in err
    code, out, err = run(capsys, "events", str(PILE[-1]), "--min-sources", "2")
    assert code == 0 and out == "" and "no event has 2 or more sources" in err


def test_events_on_the_seeds_is_one_event(capsys) -> None:
    code, out, _ = run(capsys, "events", "--format", "json")
    (event,) = json.loads(out)["events"]
    assert code == 0 and len(event["sources"]) == 5


def test_events_workers_give_the_same_listing(capsys) -> None:
    _, serial, _ = run(capsys, "events", *map(str, PILE), "--format", "json", "--workers", "1")
    _, pooled, _ = run(capsys, "events", *map(str, PILE), "--format", "json", "--workers", "2")
    assert serial == pooled


@pytest.mark.parametrize("argv", [["--min-sources", "0"], ["--workers", "0"], ["--workers", "two"]])
def test_bad_counts_are_usage_errors(capsys, argv) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["events", str(PILE[-1]), *argv])
    assert exit_info.value.code == 2
    assert "Traceback" not in capsys.readouterr().err


# ── --event ────────────────────────────────────────────────────────────────────────────────────────


def pile_events(capsys) -> list[dict]:
    _, out, _ = run(capsys, "events", *map(str, PILE), "--format", "json")
    return json.loads(out)["events"]


def test_event_narrows_align_conflicts_and_export(capsys) -> None:
    events = pile_events(capsys)
    quake = next(e for e in events if "daily" in e["sources"])
    prefix = quake["id"][:6]
    code, out, _ = run(capsys, "align", *map(str, PILE), "--event", prefix, "--format", "json")
    assert code == 0 and sorted(json.loads(out)["sentences"]) == sorted(quake["sources"])
    code, out, _ = run(capsys, "conflicts", *map(str, PILE), "--event", quake["id"], "--format", "json")
    document = json.loads(out)
    assert code == 0 and document["schema"] == "spacereader.conflicts/1"
    assert {s["id"] for s in document["sources"]} == set(quake["sources"])
    assert len(document["conflicts"]) == quake["conflicts"]
    code, out, _ = run(capsys, "export", *map(str, PILE), "--event", prefix, "--format", "json")
    report = json.loads(out)
    assert code == 0 and report["schema"] == "spacereader.report/1"
    assert sorted(s["id"] for s in report["sources"]) == sorted(quake["sources"])


@pytest.mark.parametrize("command", ["align", "conflicts", "export", "read"])
def test_an_unknown_event_is_exit_2_with_one_line(capsys, command) -> None:
    extra = ["--format", "json"] if command == "export" else []
    code, out, err = run(capsys, command, *map(str, PILE), "--event", "e-000000000000", *extra)
    assert code == 2 and out == ""
    assert err.count("\n") == 1
    assert "--event e-000000000000: no such event (list them with: spacereader events" in err


# ── batch export ───────────────────────────────────────────────────────────────────────────────────


def test_batch_markdown_has_an_index_and_one_section_per_event(capsys) -> None:
    events = [e for e in pile_events(capsys) if len(e["sources"]) > 1]
    code, out, _ = run(capsys, "export", *map(str, PILE), "--format", "md")
    assert code == 0
    assert out.startswith("# 3 events in 10 articles\n")
    for number, event in enumerate(events, start=1):
        assert f"](#{event['id']}) `{event['id']}` | {len(event['sources'])} |" in out
        assert f'<a id="{event["id"]}"></a>' in out
        assert f"\n## {number}. " in out
    assert out.count("\n### Sources\n") == 3 and "Lissandra" not in out  # the single is not a section


def test_batch_json_is_one_report_per_event(capsys) -> None:
    events = [e for e in pile_events(capsys) if len(e["sources"]) > 1]
    code, out, _ = run(capsys, "export", *map(str, PILE), "--format", "json")
    document = json.loads(out)
    assert code == 0 and document["schema"] == "spacereader.reports/1"
    assert document["events"] == events
    assert [r["event"] for r in document["reports"]] == [e["id"] for e in events]
    for report, event in zip(document["reports"], events, strict=True):
        assert report["schema"] == "spacereader.report/1"
        assert sorted(s["id"] for s in report["sources"]) == sorted(event["sources"])
        assert {"rows", "sentences", "conflicts", "facts", "annotations"} <= set(report)
        assert len(report["conflicts"]) == event["conflicts"]


def test_batch_csv_and_html(capsys) -> None:
    events = {e["id"]: e for e in pile_events(capsys) if len(e["sources"]) > 1}
    _, out, _ = run(capsys, "export", *map(str, PILE), "--format", "csv")
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0][:2] == ["event", "conflict"]
    assert {row[0] for row in rows[1:]} <= set(events)
    for event_id_, event in events.items():
        assert len({row[1] for row in rows[1:] if row[0] == event_id_}) == event["conflicts"]
    _, page, _ = run(capsys, "export", *map(str, PILE), "--format", "html")
    assert page.startswith("<!doctype html>") and page.count('<h2 id="e-') == 3
    ids = re.findall(r' id="([^"]+)"', page)
    assert len(ids) == len(set(ids))  # every anchor unique across sections
    assert all(f'href="#{event}"' in page for event in events)


def test_one_event_exports_exactly_as_before(capsys) -> None:
    from spacereader.engine.comparison import build_comparison
    from spacereader.export import render

    articles, _ = load_paths([str(WRITTEN / "bridge"), str(WRITTEN / "singles" / "museum.txt")])
    for fmt in ("md", "json", "csv", "html"):
        _, out, _ = run(
            capsys, "export", str(WRITTEN / "bridge"), str(WRITTEN / "singles" / "museum.txt"), "--format", fmt
        )
        assert out == render(build_comparison(articles), (), fmt)
