"""The real-coverage corpus: events read from the search tool's stored pages, labelled by reading.

The manifest and labels are `tests/real/events/*.toml` (format: tests/real/README.md); the texts are other
people's and live only in the ignored `tests/real/texts/`, rebuilt with this module:

    python -m tests.real.corpus missing                      texts to rebuild, with the query that finds each
    python -m tests.real.corpus save EVENT ARTICLE < FILE    write one text from its excerpt (checksum checked)
    python -m tests.real.corpus check                        every label's quotes found, exactly once
    python -m tests.real.corpus stats                        events, articles, figures and rows, by split
    python -m tests.real.corpus sentences EVENT              each article's sentences, numbered, and the rows
                                                             that hold them (for labelling rows by reading)
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent
EVENTS_DIR = ROOT / "events"
TEXTS_DIR = ROOT / "texts"
CHECKSUMS = ROOT / "checksums.txt"

ATTRIBUTES = ("date", "age", "money", "duration", "count")
KINDS = ("agree", "conflict", "approximation", "time-shift")
SPLITS = ("tune", "holdout", "")
_INLINE_DATE = re.compile(r"\A\s*date\s+\d{4}-\d{2}-\d{2}\s+", re.IGNORECASE)


@dataclass(frozen=True)
class ArticleRef:
    id: str
    outlet: str
    url: str
    published: str
    query: str


@dataclass(frozen=True)
class Value:
    article: str
    quote: str
    reading: str = "a"
    near: str | None = None
    currency: str | None = None


@dataclass(frozen=True)
class Slot:
    subject: str
    measure: str
    attribute: str
    kind: str
    values: tuple[Value, ...]
    note: str = ""

    @property
    def name(self) -> str:
        return f"{self.measure} of {self.subject}"

    @property
    def readings(self) -> set[str]:
        return {value.reading for value in self.values if value.currency != "other"}

    @property
    def disagreement(self) -> bool:
        """Two or more articles give values of different readings."""
        by_reading: dict[str, set[str]] = {}
        for value in self.values:
            if value.currency != "other":
                by_reading.setdefault(value.reading, set()).add(value.article)
        articles = set().union(*by_reading.values()) if by_reading else set()
        return len(by_reading) >= 2 and len(articles) >= 2


@dataclass(frozen=True)
class Member:
    article: str
    quote: str


@dataclass(frozen=True)
class RowLabel:
    members: tuple[Member, ...]
    either: bool = False


@dataclass(frozen=True)
class Event:
    id: str
    title: str
    topic: str
    split: str
    articles: tuple[ArticleRef, ...]
    figures: tuple[Slot, ...]
    rows: tuple[RowLabel, ...]

    @property
    def single(self) -> bool:
        return len(self.articles) == 1

    def text_path(self, article: str) -> Path:
        return TEXTS_DIR / self.id / f"{article}.txt"

    @property
    def complete(self) -> bool:
        """Every text of the event is on disk."""
        return all(self.text_path(a.id).is_file() for a in self.articles)

    def paths(self) -> list[str]:
        """The event's text files in manifest order (load them in this order: source ids are file stems)."""
        return [str(self.text_path(a.id)) for a in self.articles]


# ── reading the manifest ────────────────────────────────────────────────────────────────────────────


def _event(path: Path) -> Event:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    articles = tuple(
        ArticleRef(
            id=a["id"], outlet=a.get("outlet", ""), url=a["url"], published=a.get("published", ""), query=a["query"]
        )
        for a in data.get("articles", ())
    )
    figures = tuple(
        Slot(
            subject=f["subject"],
            measure=f["measure"],
            attribute=f["attribute"],
            kind=f.get("kind", "agree"),
            values=tuple(
                Value(
                    article=v["article"],
                    quote=v["quote"],
                    reading=v.get("reading", "a"),
                    near=v.get("near"),
                    currency=v.get("currency"),
                )
                for v in f["values"]
            ),
            note=f.get("note", ""),
        )
        for f in data.get("figures", ())
    )
    rows = tuple(
        RowLabel(
            members=tuple(Member(article=m["article"], quote=m["quote"]) for m in r["members"]),
            either=bool(r.get("either", False)),
        )
        for r in data.get("rows", ())
    )
    return Event(
        id=data["id"],
        title=data.get("title", ""),
        topic=data.get("topic", ""),
        split=data.get("split", ""),
        articles=articles,
        figures=figures,
        rows=rows,
    )


def load_events(split: str | None = None) -> list[Event]:
    """Every event of the manifest (only those of `split` when given), sorted by id."""
    events = [_event(path) for path in sorted(EVENTS_DIR.glob("*.toml"))]
    return [e for e in events if split is None or e.split == split]


def body_of(path: Path) -> str:
    """The body of a saved text as spacereader reads it (after the header block)."""
    from spacereader.sources.load import load_paths

    articles, errors = load_paths([str(path)])
    if errors or not articles:
        raise ValueError(f"{path}: {errors[0].reason if errors else 'nothing loaded'}")
    return articles[0].body


def locate(body: str, quote: str, near: str | None = None) -> tuple[int, int]:
    """The span of `quote` in `body`: found once in the body, or once inside `near`, which is found once."""
    if near is not None:
        where = _only(body, near)
        inside = _only(near, quote)
        return where + inside, where + inside + len(quote)
    start = _only(body, quote)
    return start, start + len(quote)


def _only(text: str, part: str) -> int:
    first = text.find(part)
    if first < 0:
        raise LookupError(f"not found: {part!r}")
    if text.find(part, first + 1) >= 0:
        raise LookupError(f"found more than once (add near=…): {part!r}")
    return first


# ── checksums and saving ────────────────────────────────────────────────────────────────────────────


def _checksums() -> dict[str, tuple[str, int]]:
    out: dict[str, tuple[str, int]] = {}
    if CHECKSUMS.is_file():
        for line in CHECKSUMS.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                key, digest, chars = line.split()
                out[key] = (digest, int(chars))
    return out


def _write_checksums(table: dict[str, tuple[str, int]]) -> None:
    lines = ["# event/article sha256-of-the-excerpt characters (tests/real/README.md)"]
    lines += [f"{key} {digest} {chars}" for key, (digest, chars) in sorted(table.items())]
    CHECKSUMS.write_text("\n".join(lines) + "\n", encoding="utf-8")


def excerpt_digest(excerpt: str) -> tuple[str, int]:
    text = excerpt.strip()
    return hashlib.sha256(text.encode("utf-8")).hexdigest(), len(text)


def render_text(event: Event, article: ArticleRef, excerpt: str) -> str:
    """A spacereader text file: header block from the manifest, then the excerpt as the body."""
    body = _INLINE_DATE.sub("", excerpt.strip(), count=1)
    header = [f"source: {article.outlet}" if article.outlet else "", f"url: {article.url}"]
    if article.published:
        header.append(f"date: {article.published}")
    return "\n".join(line for line in header if line) + "\n\n" + body + "\n"


def save(event_id: str, article_id: str, excerpt: str, *, force: bool = False) -> str:
    events = {e.id: e for e in load_events()}
    if event_id not in events:
        raise SystemExit(f"no event {event_id!r} in {EVENTS_DIR}")
    event = events[event_id]
    article = next((a for a in event.articles if a.id == article_id), None)
    if article is None:
        raise SystemExit(f"no article {article_id!r} in event {event_id!r}")
    digest, chars = excerpt_digest(excerpt)
    table = _checksums()
    key = f"{event_id}/{article_id}"
    if key in table and table[key][0] != digest and not force:
        raise SystemExit(f"{key}: this excerpt differs from the one labelled (sha256 {table[key][0][:12]}…); not saved")
    path = event.text_path(article_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_text(event, article, excerpt), encoding="utf-8")
    table[key] = (digest, chars)
    _write_checksums(table)
    return f"{path.relative_to(ROOT.parent.parent)}: {chars} characters, sha256 {digest[:12]}…"


# ── checking the labels ─────────────────────────────────────────────────────────────────────────────


def problems(event: Event) -> Iterable[str]:
    """Everything wrong with an event's labels that can be told without the engine."""
    ids = [a.id for a in event.articles]
    if len(set(ids)) != len(ids):
        yield "article ids repeat"
    if event.split not in SPLITS:
        yield f"split {event.split!r} is not one of {SPLITS}"
    bodies: dict[str, str] = {}
    for article in event.articles:
        path = event.text_path(article.id)
        if path.is_file():
            bodies[article.id] = body_of(path)
    seen: dict[tuple[str, int, int], str] = {}
    for slot in event.figures:
        if slot.attribute not in ATTRIBUTES:
            yield f"{slot.name}: attribute {slot.attribute!r}"
        if slot.kind not in KINDS:
            yield f"{slot.name}: kind {slot.kind!r}"
        if slot.kind == "agree" and len(slot.readings) > 1:
            yield f"{slot.name}: kind agree but {len(slot.readings)} readings"
        if slot.kind != "agree" and len(slot.readings) < 2:
            yield f"{slot.name}: kind {slot.kind} but one reading"
        for value in slot.values:
            yield from _check_quote(bodies, ids, value.article, value.quote, value.near, slot.name, seen)
    for number, row in enumerate(event.rows):
        articles = [m.article for m in row.members]
        if len(set(articles)) != len(articles):
            yield f"row {number}: two members from one article"
        for member in row.members:
            yield from _check_quote(bodies, ids, member.article, member.quote, None, f"row {number}", None)


def _check_quote(
    bodies: dict[str, str],
    ids: Sequence[str],
    article: str,
    quote: str,
    near: str | None,
    where: str,
    seen: dict[tuple[str, int, int], str] | None,
) -> Iterable[str]:
    if article not in ids:
        yield f"{where}: unknown article {article!r}"
        return
    if article not in bodies:
        return
    try:
        start, end = locate(bodies[article], quote, near)
    except LookupError as error:
        yield f"{where}: {article}: {error}"
        return
    if seen is not None:
        key = (article, start, end)
        if key in seen:
            yield f"{where}: {article}: {quote!r} is also labelled in {seen[key]}"
        seen[key] = where


def sentence_listing(event: Event) -> str:
    """Every article's sentences as the project's segmenter cuts them, each with the labelled rows holding it
    (r3, r7*: * marks an `either` row): what a labeller reads to make the row labels exhaustive. This is the
    segmenter only, never the aligner's output."""
    from spacereader.engine.segment import segment

    bodies = {a.id: body_of(event.text_path(a.id)) for a in event.articles}
    sentences = {article: segment(body, article) for article, body in bodies.items()}
    holding: dict[tuple[str, int], list[str]] = {}
    for number, row in enumerate(event.rows):
        for member in row.members:
            try:
                start, _ = locate(bodies[member.article], member.quote)
            except (LookupError, KeyError):
                continue
            index = next((s.index for s in sentences[member.article] if s.start <= start < s.end), None)
            if index is not None:
                holding.setdefault((member.article, index), []).append(f"r{number}{'*' if row.either else ''}")
    lines = [f"# {event.id}: {event.title}"]
    for article in event.articles:
        lines.append(f"\n## {article.id} ({article.outlet}, {article.published or 'undated'})")
        for sentence in sentences[article.id]:
            rows = ",".join(holding.get((article.id, sentence.index), ())) or "-"
            lines.append(f"{article.id}:{sentence.index} [{rows}] {' '.join(sentence.text.split())}")
    return "\n".join(lines)


# ── command line ────────────────────────────────────────────────────────────────────────────────────


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.real.corpus", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("missing", help="texts to rebuild, with the query that finds each")
    saving = commands.add_parser("save", help="write one text from its excerpt on standard input")
    saving.add_argument("event")
    saving.add_argument("article")
    saving.add_argument("--force", action="store_true", help="accept an excerpt that differs from the labelled one")
    commands.add_parser("check", help="every label's quotes found exactly once")
    commands.add_parser("stats", help="events, articles, figures and rows by split")
    listing = commands.add_parser("sentences", help="each article's sentences, numbered, with the rows holding them")
    listing.add_argument("event")
    args = parser.parse_args(argv)

    if args.command == "save":
        print(save(args.event, args.article, sys.stdin.read(), force=args.force))
        return 0
    events = load_events()
    if args.command == "sentences":
        chosen = [e for e in events if e.id == args.event]
        if not chosen:
            raise SystemExit(f"no event {args.event!r} in {EVENTS_DIR}")
        print(sentence_listing(chosen[0]))
        return 0
    if args.command == "missing":
        for event in events:
            for article in event.articles:
                if not event.text_path(article.id).is_file():
                    print(f"{event.id} {article.id}\n  query: {article.query}\n  url:   {article.url}")
        return 0
    if args.command == "check":
        bad = 0
        for event in events:
            found = list(problems(event))
            missing = [a.id for a in event.articles if not event.text_path(a.id).is_file()]
            if missing:
                found.append(f"texts missing (quotes not checked): {', '.join(missing)}")
            for line in found:
                print(f"{event.id}: {line}")
            bad += len(found)
        print(f"{len(events)} events, {bad} problems")
        return 1 if bad else 0
    for split in ("tune", "holdout", ""):
        chosen = [e for e in events if e.split == split]
        if not chosen:
            continue
        articles = sum(len(e.articles) for e in chosen)
        slots = sum(len(e.figures) for e in chosen)
        disagreements = sum(s.disagreement for e in chosen for s in e.figures)
        rows = sum(len(e.rows) for e in chosen)
        multi = sum(not e.single for e in chosen)
        print(
            f"{split or 'unassigned'}: {multi} events and {len(chosen) - multi} singles, {articles} articles, "
            f"{slots} slots ({disagreements} disagreements), {rows} rows"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
