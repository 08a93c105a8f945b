"""Every export format, on a hand-built comparison with hostile article text and on the seeds."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from spacereader.annotations import Annotation
from spacereader.engine.segment import segment
from spacereader.export import DESCRIPTIONS, FORMATS, SUFFIXES, render
from spacereader.export.common import one_line, pieces, rows_of
from spacereader.export.csv_conflicts import HEADER
from spacereader.export.html_report import escape as html_escape
from spacereader.export.json_report import annotation_json
from spacereader.export.markdown_report import escape as md_escape
from spacereader.export.markdown_report import escape_line as md_escape_line
from spacereader.export.w3c import parse as parse_w3c
from spacereader.model import Article, Comparison, Conflict, ConflictValue, DiffSpan, Fact, Row
from spacereader.sources.text import clean_text

HOSTILE = (
    "Officials said <script>alert('x')</script> nothing at all. "
    "See [x](javascript:alert(1)) and ![img](http://evil.example/i.png) today. "
    "A | pipe, `code`, \x1b[31m*stars*\x1b[0m, **strong**, _under_, ~~gone~~, $x$ and [bold red]x[/] "
    "\x1b]8;;https://evil.example\x07here\x1b]8;;\x07. "
    "Visit https://evil.example or www.evil.example, mail a@b.example &amp; <b>bold</b> &lt;. "
    "Ages were 37 years old."
)
CALM = "Officials said nothing at all. The report was quiet today. A pipe and code here. Visit the site. Ages were 38."


def article(source: str, body: str, **meta) -> Article:
    return Article(id=source, path=f"{source}.txt", body=body, sha256=hashlib.sha256(body.encode()).hexdigest(), **meta)


@pytest.fixture(scope="module")
def comparison() -> Comparison:
    import datetime as dt

    hostile = article(
        "evil|*id*",
        HOSTILE,
        outlet="The *Evil* | Times <img src=x onerror=alert(1)>",
        url="javascript:alert(1)",
        published=dt.date(2021, 10, 5),
    )
    calm = article("calm", CALM, outlet="Calm Post", url="https://calm.example/story?a=1&b=2")
    sentences = {a.id: segment(a.body, a.id) for a in (hostile, calm)}
    assert len(sentences[hostile.id]) == 5 and len(sentences[calm.id]) == 5
    age_hostile = sentences[hostile.id][4]
    age_calm = sentences[calm.id][4]
    facts = (
        Fact(
            hostile.id, 4, "age", "37", 37, age_hostile.start + 9, age_hostile.start + 11, entity="=cmd|' /C calc'!A0"
        ),
        Fact(calm.id, 4, "age", "38", 38, age_calm.start + 9, age_calm.start + 11, entity="=cmd|' /C calc'!A0"),
    )
    conflict = Conflict(
        id="c1",
        entity="=cmd|' /C calc'!A0",
        attribute="age",
        kind="conflict",
        explanation="The sources give *different* ages | <i>37</i> against 38.",
        values=(ConflictValue(facts[0], age_hostile.text), ConflictValue(facts[1], age_calm.text)),
    )
    first = sentences[hostile.id][0]
    rows = tuple(
        Row(
            id=i,
            cells={hostile.id: (i,), calm.id: (i,)},
            score=80.0,
            reference=calm.id,
            differences={hostile.id: (DiffSpan(first.start + 15, first.start + 40),)} if i == 0 else {},
        )
        for i in range(5)
    )
    return Comparison(
        articles=(hostile, calm),
        sentences=sentences,
        facts=facts,
        conflicts=(conflict,),
        rows=rows,
        pivot=calm.id,
    )


def note(comparison: Comparison, source: str, index: int | None, label: str, text: str, **extra) -> Annotation:
    quote = comparison.sentences[source][index].text if index is not None else extra.pop("quote")
    return Annotation(
        id=extra.pop("id", "a1b2c3d4"),
        source=source,
        sentence=index,
        label=label,
        note=text,
        quote=quote,
        status=extra.pop("status", "anchored" if index is not None else "orphaned"),
        created="2026-11-23T10:00:00Z",
        updated="2026-11-23T11:00:00Z",
        **extra,
    )


HOSTILE_NOTE = (
    "Checked: <script>alert(2)</script> [y](javascript:alert(2)) | `x` *b* _i_ \x1b[31mred\x1b[0m [bold red]z[/]"
)


@pytest.fixture(scope="module")
def annotations(comparison: Comparison) -> tuple[Annotation, ...]:
    return (
        note(
            comparison,
            "evil|*id*",
            0,
            "disputed",
            HOSTILE_NOTE,
            id="a1b2c3d4",
            prefix="",
            suffix=" See [x]",
            start=0,
            end=57,
        ),
        note(comparison, "calm", 4, "verified", "Ages confirmed by the agency.", id="b2c3d4e5"),
        replace(
            note(comparison, "calm", 1, "needs source", "moved here", id="c3d4e5f6", status="moved"),
            quote="The report was very quiet today.",
        ),
        note(
            comparison,
            "calm",
            None,
            "important",
            "lost <b>text</b>",
            id="d4e5f6a7",
            quote="A sentence that | was *removed*.",
        ),
    )


# ── Markdown ───────────────────────────────────────────────────────────────────────────────────────

MD = MarkdownIt("commonmark").enable(["table", "strikethrough"])


def inline_text(token) -> str:
    return "".join(
        child.content for child in token.children or () if child.type in ("text", "text_special", "code_inline")
    )


def test_markdown_structure(comparison, annotations) -> None:
    text = render(comparison, annotations, "md")
    tokens = MD.parse(text)
    kinds = {t.type for t in tokens} | {c.type for t in tokens for c in t.children or ()}
    # Nothing an article says becomes a link, an image, raw HTML or code ...
    assert not kinds & {"image", "html_inline", "html_block", "code_inline", "code_block", "fence", "s_open"}
    # ... the one link is the http(s) URL of a source, in the sources table.
    links = [c.attrs["href"] for t in tokens for c in t.children or () if c.type == "link_open"]
    assert links == ["https://calm.example/story?a=1&b=2"]
    headings = [inline_text(tokens[i + 1]) for i, t in enumerate(tokens) if t.type == "heading_open" and t.tag == "h2"]
    assert headings == ["Sources", "Conflicts", "Comparison", "Orphaned annotations"]
    tables = [i for i, t in enumerate(tokens) if t.type == "table_open"]
    assert len(tables) == 2  # sources, then the one conflict
    for start, columns, body_rows in ((tables[0], 5, 2), (tables[1], 5, 2)):
        end = next(i for i in range(start, len(tokens)) if tokens[i].type == "table_close")
        rows = [i for i in range(start, end) if tokens[i].type == "tr_open"]
        assert len(rows) == 1 + body_rows
        for row in rows:
            close = next(i for i in range(row, end) if tokens[i].type == "tr_close")
            assert sum(tokens[i].type in ("th_open", "td_open") for i in range(row, close)) == columns
    sources = [inline_text(t) for t in tokens[tables[0] : tables[1]] if t.type == "inline"]
    assert sources[5:10] == [
        "evil|*id*",
        "The *Evil* | Times <img src=x onerror=alert(1)>",
        "2021-10-05",
        "javascript:alert(1)",
        comparison.articles[0].sha256[:12],
    ]
    everything = "\n".join(inline_text(t) for t in tokens if t.type == "inline")
    for sentence in comparison.sentences["evil|*id*"]:
        assert one_line(clean_text(sentence.text)) in everything
    assert "A | pipe, `code`, *stars*, **strong**, _under_, ~~gone~~, $x$ and [bold red]x[/] here." in everything
    assert "Checked: <script>alert(2)</script> [y](javascript:alert(2)) | `x` *b* _i_ red [bold red]z[/]" in everything
    assert "\x1b" not in text


def test_markdown_marks_differences_and_shows_annotations(comparison, annotations) -> None:
    tokens = MD.parse(render(comparison, annotations, "md"))
    strong = []
    for token in tokens:
        children = token.children or []
        for i, child in enumerate(children):
            if child.type == "strong_open":
                strong.append(children[i + 1].content)
    first = comparison.sentences["evil|*id*"][0].text
    assert first[15:40] in strong  # the differing words
    items = [inline_text(t) for t in tokens if t.type == "inline"]
    assert any(i.startswith("disputed · Checked:") and i.endswith("(a1b2c3d4)") for i in items)
    assert "verified · Ages confirmed by the agency. (b2c3d4e5)" in items
    assert any("re-anchored; annotated text: “The report was very quiet today.”" in i for i in items)
    orphan = next(i for i in items if "d4e5f6a7" in i)
    assert "important · lost <b>text</b>" in orphan and "“A sentence that | was *removed*.”" in orphan


def test_markdown_rows_mention_their_conflicts(comparison, annotations) -> None:
    text = render(comparison, annotations, "md")
    assert "### Row 5 (score 80) · conflict 1\n" in text
    assert "### Conflict 1: =cmd\\|' /C calc'!A0 · age · conflict\n" in text
    assert "### Row 1 (score 80)\n" in text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=80))
def test_markdown_escape_always_yields_the_same_plain_text(text: str) -> None:
    """Whatever the text, it comes out of a Markdown renderer as itself and nothing else."""
    import unicodedata

    expected = unicodedata.normalize("NFC", one_line(text))
    # As the report uses it: after a list item's source id, in a table cell, and starting a line.
    for template, escaper in (("- x {}", md_escape), ("| a |\n| --- |\n| {} |", md_escape), ("{}", md_escape_line)):
        tokens = MD.parse(template.format(escaper(text)))
        children = [c for t in tokens if t.type == "inline" for c in t.children or ()]
        assert {t.type for t in tokens} <= {
            "paragraph_open",
            "paragraph_close",
            "inline",
            "bullet_list_open",
            "bullet_list_close",
            "list_item_open",
            "list_item_close",
            "table_open",
            "table_close",
            "thead_open",
            "thead_close",
            "tbody_open",
            "tbody_close",
            "tr_open",
            "tr_close",
            "th_open",
            "th_close",
            "td_open",
            "td_close",
        }
        assert {c.type for c in children} <= {"text", "text_special"}
        content = "".join(c.content for c in children)
        if template.startswith("- x"):
            content = content.removeprefix("x").lstrip()
        elif template.startswith("|"):
            content = content.removeprefix("a")
        assert content == expected.strip(), template


# ── HTML ───────────────────────────────────────────────────────────────────────────────────────────


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.stack: list[str] = []
        self.classes: dict[str, list[str]] = {}

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data) -> None:
        self.text.append(data)


def test_html_is_self_contained_and_inert(comparison, annotations) -> None:
    text = render(comparison, annotations, "html")
    page = Page()
    page.feed(text)
    tags = [tag for tag, _ in page.tags]
    assert "script" not in tags and "iframe" not in tags and "img" not in tags and "link" not in tags
    assert tags.count("style") == 1
    for tag, attrs in page.tags:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        assert "src" not in attrs
        if tag == "a":
            href = attrs["href"] or ""
            assert href.startswith("#") or href == "https://calm.example/story?a=1&b=2", href
    csp = next(attrs for tag, attrs in page.tags if tag == "meta" and attrs.get("http-equiv"))
    assert "default-src 'none'" in (csp["content"] or "") and "script-src" not in (csp["content"] or "")
    data = "".join(page.text)
    assert "<script>alert('x')</script>" in data
    assert "<img src=x onerror=alert(1)>" in data
    assert "[x](javascript:alert(1))" in data and "javascript:alert(1)" in data
    assert "&amp; <b>bold</b> &lt;." in data  # entities in the article stay as typed
    assert "\x1b" not in text


def test_html_shows_rows_side_by_side_with_annotations_and_conflicts(comparison, annotations) -> None:
    text = render(comparison, annotations, "html")
    page = Page()
    page.feed(text)
    table = text[text.index('<table class="rows">') :]
    header = table[: table.index("</tr>")]
    assert header.count("<th") == 1 + len(comparison.articles)
    assert table.count('<tr class="conflict">') == 1
    assert table.count("<mark>") == 1
    first = comparison.sentences["evil|*id*"][0].text
    assert html_escape(first[15:40]) in table[table.index("<mark>") :]
    classes = [attrs.get("class") for tag, attrs in page.tags if tag == "div"]
    assert classes.count("annotation disputed") == 1 and classes.count("annotation verified") == 1
    assert classes.count("annotation needs-source") == 1 and classes.count("annotation important") == 1
    data = "".join(page.text)
    assert "Checked: <script>alert(2)</script> [y](javascript:alert(2))" in data
    assert "Ages confirmed by the agency." in data
    assert "orphaned; annotated text: “A sentence that | was *removed*.”" in data
    ids = [attrs["id"] for _, attrs in page.tags if attrs.get("id")]
    assert len(ids) == len(set(ids))
    assert all(set(i) <= set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") for i in ids)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=60))
def test_html_escape_round_trips_any_text(text: str) -> None:
    import unicodedata

    page = Page()
    page.feed(f"<p>{html_escape(text)}</p>")
    page.close()
    assert [tag for tag, _ in page.tags] == ["p"]
    assert "".join(page.text) == unicodedata.normalize("NFC", text)


# ── JSON, CSV, W3C ─────────────────────────────────────────────────────────────────────────────────


def test_json_report(comparison, annotations) -> None:
    document = json.loads(render(comparison, annotations, "json"))
    assert document["schema"] == "spacereader.report/1"
    assert {"sources", "sentences", "rows", "conflicts", "facts", "annotations"} <= set(document)
    assert [s["id"] for s in document["sources"]] == ["evil|*id*", "calm"]
    assert document["sentences"]["evil|*id*"][0]["text"] == comparison.sentences["evil|*id*"][0].text
    assert document["rows"][0]["cells"] == {"evil|*id*": [0], "calm": [0]}
    (conflict,) = document["conflicts"]
    assert [v["value"] for v in conflict["values"]] == ["37", "38"]
    assert [v["normalized"] for v in conflict["values"]] == [37, 38]
    assert document["annotations"] == [annotation_json(a) for a in annotations]
    assert document["annotations"][0]["note"] == HOSTILE_NOTE  # JSON carries text as it is, escaped by JSON


def test_csv_of_conflicts(comparison, annotations) -> None:
    text = render(comparison, annotations, "csv")
    rows = list(csv.reader(io.StringIO(text)))
    assert (
        tuple(rows[0])
        == HEADER
        == (
            "conflict",
            "entity",
            "attribute",
            "kind",
            "source",
            "outlet",
            "published",
            "value",
            "normalized",
            "quote",
            "sentence",
            "start",
            "end",
            "context",
            "explanation",
        )
    )
    assert len(rows) == 3
    hostile, calm = rows[1], rows[2]
    assert hostile[:5] == ["c1", "'=cmd|' /C calc'!A0", "age", "conflict", "evil|*id*"]
    assert hostile[5:9] == ["The *Evil* | Times <img src=x onerror=alert(1)>", "2021-10-05", "37", "37"]
    assert hostile[9] == "Ages were 37 years old."
    assert calm[4:9] == ["calm", "Calm Post", "", "38", "38"]


def test_csv_without_conflicts_is_just_the_header(comparison) -> None:
    assert render(replace(comparison, conflicts=()), (), "csv") == ",".join(HEADER) + "\r\n"


def test_w3c_collection_reads_back(comparison, annotations) -> None:
    document = json.loads(render(comparison, annotations, "w3c"))
    assert document["type"] == "AnnotationCollection" and document["total"] == len(annotations)
    assert "http://www.w3.org/ns/anno.jsonld" in document["@context"]
    back, skipped = parse_w3c(document, "2026-01-01T00:00:00Z")
    assert skipped == []
    for original, read in zip(annotations, back, strict=True):
        assert (read.id, read.label, read.quote, read.created, read.updated) == (
            original.id,
            original.label,
            original.quote,
            original.created,
            original.updated,
        )
        assert read.note == clean_text(original.note)  # terminal escapes never come back in
        assert (read.prefix, read.suffix, read.start, read.end) == (
            original.prefix,
            original.suffix,
            original.start,
            original.end,
        )


# ── the seeds and the plumbing ─────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_renders_the_seeds(seed_comparison, fmt: str) -> None:
    sentences = seed_comparison.sentences
    source = seed_comparison.articles[3].id
    marked = note(seed_comparison, source, 2, "verified", "seed note")
    text = render(seed_comparison, [marked], fmt)
    assert text.endswith("\n")
    if fmt in ("md", "html", "json", "w3c"):
        assert "seed note" in text
    if fmt == "md":
        tokens = MD.parse(text)
        assert not {c.type for t in tokens for c in t.children or ()} & {"link_open", "image", "html_inline"}  # no URLs
        everything = "\n".join(inline_text(t) for t in tokens if t.type == "inline")
        for s in sentences[source]:
            assert f"{source} [{s.index}] {one_line(s.text)}" in everything


def test_unknown_format(comparison) -> None:
    with pytest.raises(ValueError, match="unknown export format 'pdf'"):
        render(comparison, (), "pdf")
    assert set(SUFFIXES) == set(DESCRIPTIONS) == set(FORMATS)


def test_rows_before_alignment_fall_back_to_one_per_sentence(comparison) -> None:
    bare = replace(comparison, rows=(), conflicts=(), facts=())
    text = render(bare, (), "md")
    assert text.count("### Row ") == sum(len(s) for s in comparison.sentences.values())


def test_pieces_clip_spans_to_the_sentence(comparison) -> None:
    sentence = comparison.sentences["calm"][1]
    spans = (
        DiffSpan(0, sentence.start + 3),
        DiffSpan(sentence.start + 4, sentence.start + 10),
        DiffSpan(10**6, 10**6 + 1),
    )
    result = pieces(sentence, spans)
    assert "".join(p.text for p in result) == sentence.text
    assert [p.differs for p in result] == [True, False, True, False]


# ── a real comparison: the bridge corpus through the whole engine ─────────────────────────────────

BRIDGE = Path(__file__).parent / "articles" / "bridge"


@pytest.fixture(scope="module")
def bridge() -> Comparison:
    from spacereader.engine.comparison import build_comparison
    from spacereader.sources.load import load_paths

    articles, errors = load_paths([str(BRIDGE)])
    assert not errors and len(articles) == 3
    return build_comparison(articles, errors)


def test_bridge_reports_show_sources_rows_and_annotations(bridge: Comparison, tmp_path: Path) -> None:
    from spacereader.annotations import AnnotationStore

    with AnnotationStore.open(tmp_path) as store:
        wire = bridge.article("wire")
        store.add(wire, bridge.sentences["wire"][0], "disputed", "Courier says *eight* | not nine")
        store.add(wire, bridge.sentences["wire"][2], "verified")
        annotations = store.for_comparison(bridge)
    assert [a.status for a in annotations] == ["anchored", "anchored"]

    markdown = render(bridge, annotations, "md")
    tokens = MD.parse(markdown)
    items = [inline_text(t) for t in tokens if t.type == "inline"]
    assert items[0] == bridge.article(bridge.pivot).title  # the pivot's title heads the report
    assert any(i.startswith("disputed · Courier says *eight* | not nine") for i in items)
    assert any(i.startswith("verified (") for i in items)
    row_headings = [i for i in items if i.startswith("Row ")]
    assert len(row_headings) == len(rows_of(bridge)) > 0  # aligned rows, or one per sentence before alignment
    first_table = next(i for i, t in enumerate(tokens) if t.type == "table_open")
    table_end = next(i for i in range(first_table, len(tokens)) if tokens[i].type == "table_close")
    assert sum(t.type == "tr_open" for t in tokens[first_table:table_end]) == 1 + len(bridge.articles)

    page = render(bridge, annotations, "html")
    assert page.count('class="annotation disputed"') == 1 and page.count('class="annotation verified"') == 1
    assert "Courier says *eight* | not nine" in page

    document = json.loads(render(bridge, annotations, "json"))
    assert [a["label"] for a in document["annotations"]] == ["disputed", "verified"]
    assert len(document["conflicts"]) == len(bridge.conflicts)
    assert sum(len(s) for s in document["sentences"].values()) == sum(len(s) for s in bridge.sentences.values())

    rows = list(csv.reader(io.StringIO(render(bridge, annotations, "csv"))))
    assert len(rows) == 1 + sum(len(c.values) for c in bridge.conflicts)


def test_the_command_runs_as_a_module(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    env = {**os.environ, "SPACEREADER_DATA_DIR": str(tmp_path / "data")}
    added = subprocess.run(
        [sys.executable, "-m", "spacereader", "annotations", "add", "wire", "1", str(BRIDGE), "--label", "important"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert added.returncode == 0, added.stderr
    output = tmp_path / "report.html"
    exported = subprocess.run(
        [sys.executable, "-m", "spacereader", "export", str(BRIDGE), "--format", "html", "-o", str(output)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert exported.returncode == 0, exported.stderr
    assert added.stdout.strip() in output.read_text()


@pytest.mark.parametrize(
    ("url", "href"),
    [
        ("https://a.example/x?a=1&b=2", "https://a.example/x?a=1&b=2"),
        ("javascript:alert(1)", None),
        ("https://a.example/a|b", None),
        ("https://x.example/<script>", None),
        ("https://x.example/ y", None),
        ("data:text/html,<script>alert(1)</script>", None),
    ],
)
def test_markdown_links_only_plain_http_urls(url: str, href: str | None) -> None:
    from spacereader.export.markdown_report import url_cell

    tokens = MD.parse(f"| URL |\n| --- |\n| {url_cell(url)} |")
    links = [c.attrs["href"] for t in tokens for c in t.children or () if c.type == "link_open"]
    assert links == ([href] if href else [])
    cells = [inline_text(t) for t in tokens if t.type == "inline"]
    assert len(cells) == 2 and (href or cells[1] == url)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=5),
    max_leaves=30,
)
W3C_KEYS = st.sampled_from(
    ["type", "items", "first", "target", "selector", "exact", "source", "body", "id", "start", "end", "sr:sha256"]
)
W3C_LIKE = st.recursive(
    st.none() | st.integers(-5, 10**12) | st.text(max_size=12) | st.sampled_from(["Annotation", "AnnotationPage"]),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(W3C_KEYS, children, max_size=6),
    max_leaves=40,
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(JSON_VALUES, W3C_LIKE))
def test_reading_any_json_as_w3c_fails_only_with_a_reason(document) -> None:
    from spacereader.export.w3c import W3CError

    try:
        found, skipped = parse_w3c(document, "2026-01-01T00:00:00Z")
    except W3CError as error:
        assert str(error)
        return
    for annotation in found:
        assert annotation.quote.strip() and annotation.label
        assert annotation.start is None or 0 <= annotation.start <= (annotation.end or 0)
    assert all(s.reason for s in skipped)


def test_html_fragment_ids_are_distinct_for_distinct_sources() -> None:
    from spacereader.export.html_report import _anchor

    ids = {_anchor("s", source, 1) for source in ("a|b", "a*b", "a_b", "a-b", "a b", "a-b-1", "ab")}
    assert len(ids) == 7
    assert all(set(i) <= set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") for i in ids)
