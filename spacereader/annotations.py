"""The annotation store: what readers marked on which sentence, kept in SQLite.

Storage. One SQLite file, ``annotations.sqlite3``, in the data dir: ``--data-dir`` /
``SPACEREADER_DATA_DIR``, else platformdirs' user data dir for ``spacereader``. WAL journal,
``synchronous=FULL`` and autocommit: every `add`, `update` and `delete` is its own committed
transaction before the call returns, so a process killed right after an annotation was shown as saved
loses nothing. Several processes (two readers, a reader and the CLI) may use the same store: writes
are row-level (an update touches only the columns it changes), so nobody overwrites anybody else's
annotations, and every `for_comparison` reads the current rows. The schema is versioned with
``PRAGMA user_version`` and migrated step by step in one transaction when an older store is opened;
a store written by a newer spacereader is refused, not damaged.

Which article an annotation belongs to. An annotation keeps the identity of its article at the time
it was made: the URL (from the article's header), the resolved file path, the title and the sha256 of
the body. An article loaded later is the same article when, in this order of strength:

1. both have a URL: the URLs are equal (scheme and host case, a trailing slash and the fragment
   ignored). Different URLs are different articles even with the same text (a syndicated wire story
   under two outlets), and nothing below can override that;
2. the resolved path is the same and the titles do not contradict each other (the file was edited in
   place; a file reused for another story with another title is not the same article);
3. the body has the same sha256 (the file was moved or renamed, or the seeds are loaded from another
   installation: same text, same annotations).

An annotation is shown under at most one article of a comparison, the one that matches most strongly
(the first on a tie), then re-anchored to that article's current sentences (`spacereader.anchor`).
An article moved *and* edited without a URL loses its annotations from view; they stay in the store.

Engine side: no Textual or Rich here.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import secrets
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit, urlunsplit

from spacereader.anchor import Selector, Status, locate, selector_for
from spacereader.engine.segment import segment
from spacereader.model import Article, Comparison, Sentence
from spacereader.sources.text import clean_text

#: The default labels, in the order the reader offers them.
LABELS: tuple[str, ...] = ("verified", "disputed", "needs source", "important", "note")
DATABASE = "annotations.sqlite3"
MAX_LABEL = 64
MAX_NOTE = 100_000

ImportOutcome = Literal["added", "updated", "unchanged"]


class StoreError(Exception):
    """The store cannot be opened or used (unwritable data dir, damaged or newer database)."""


@dataclass(frozen=True, slots=True)
class Annotation:
    """A label and an optional note on one sentence of one article.

    `source` is the article's source id and `sentence` its current sentence index (None when the
    annotation is `orphaned`); both come from the latest re-anchoring. The remaining fields are what
    the annotation was made on: `quote` (the sentence's exact text), its `prefix`/`suffix` context,
    `start`/`end` offsets and `annotated_sentence` index in a body whose digest is `sha256`, and the
    article's `url`, resolved `path` and `title`. `created`/`updated` are ISO 8601 UTC.
    """

    id: str
    source: str
    sentence: int | None
    label: str
    note: str
    quote: str
    status: Status
    created: str
    updated: str
    prefix: str = ""
    suffix: str = ""
    start: int | None = None
    end: int | None = None
    annotated_sentence: int | None = None
    sha256: str = ""
    url: str | None = None
    path: str | None = None
    title: str | None = None

    @property
    def orphaned(self) -> bool:
        return self.sentence is None

    @property
    def selector(self) -> Selector:
        return Selector(
            exact=self.quote,
            prefix=self.prefix,
            suffix=self.suffix,
            start=self.start,
            end=self.end,
            sentence=self.annotated_sentence,
            sha256=self.sha256,
        )

    def on_selector(self, selector: Selector) -> Annotation:
        """This annotation made on `selector`'s quote, context, offsets, sentence and body digest."""
        return replace(
            self,
            quote=selector.exact,
            prefix=selector.prefix,
            suffix=selector.suffix,
            start=selector.start,
            end=selector.end,
            annotated_sentence=selector.sentence,
            sha256=selector.sha256 or "",
        )


# ── schema ─────────────────────────────────────────────────────────────────────────────────────────

#: MIGRATIONS[n] takes a store from schema version n to n + 1; the current version is their number.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        """CREATE TABLE annotation (
            id TEXT PRIMARY KEY,
            source_id TEXT NOT NULL,
            url TEXT,
            path TEXT,
            title TEXT,
            sha256 TEXT NOT NULL,
            sentence INTEGER,
            exact TEXT NOT NULL,
            prefix TEXT NOT NULL DEFAULT '',
            suffix TEXT NOT NULL DEFAULT '',
            start INTEGER,
            "end" INTEGER,
            label TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            created TEXT NOT NULL,
            updated TEXT NOT NULL
        )""",
        "CREATE INDEX annotation_url ON annotation(url)",
        "CREATE INDEX annotation_path ON annotation(path)",
        "CREATE INDEX annotation_sha256 ON annotation(sha256)",
    ),
)
_COLUMNS = (
    "id, source_id, url, path, title, sha256, sentence, exact, prefix, suffix, start, "
    '"end", label, note, created, updated'
)


def schema_version() -> int:
    return len(MIGRATIONS)


def default_data_dir() -> Path:
    """SPACEREADER_DATA_DIR, else platformdirs' user data dir for spacereader."""
    override = os.environ.get("SPACEREADER_DATA_DIR")
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("spacereader", appauthor=False))


# ── values ─────────────────────────────────────────────────────────────────────────────────────────

_SPACES = re.compile(r"\s+")


def normalize_label(label: str) -> str:
    """A label as stored: escapes removed, white space collapsed; ValueError when empty or too long."""
    text = _SPACES.sub(" ", clean_text(label)).strip()
    if not text:
        raise ValueError("the label is empty")
    if len(text) > MAX_LABEL:
        raise ValueError(f"the label is longer than {MAX_LABEL} characters")
    return text


def normalize_note(note: str) -> str:
    """A note as stored: terminal escapes and control characters removed, ends trimmed."""
    text = clean_text(note).strip()
    if len(text) > MAX_NOTE:
        raise ValueError(f"the note is longer than {MAX_NOTE} characters")
    return text


def normalize_url(url: str | None) -> str | None:
    """The URL an article is known by: scheme and host lower case, no fragment, no trailing slash."""
    if not url or not url.strip():
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    path = parts.path.rstrip("/") if parts.path not in ("", "/") else ""
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, parts.query, ""))


def article_path(article: Article) -> str | None:
    """The resolved path of an article's file; None for standard input and for a web address (the
    article is then known by its canonical URL)."""
    if not article.path or article.path.startswith("<") or "://" in article.path:
        return None
    try:
        return os.path.realpath(article.path)
    except (OSError, ValueError):
        return os.path.abspath(article.path)


def match_strength(annotation: Annotation, article: Article, path: str | None = None) -> int:
    """How strongly `annotation` belongs to `article`: 0 not at all, else higher is stronger.

    `path` is `article_path(article)`, passed in when already known.
    """
    url = normalize_url(article.url)
    if annotation.url and url:
        return 4 if annotation.url == url else 0
    path = path if path is not None else article_path(article)
    titles_agree = not (annotation.title and article.title and annotation.title != article.title)
    if annotation.path and path and annotation.path == path and titles_agree:
        return 3 if annotation.sha256 == article.sha256 else 2
    if annotation.sha256 and annotation.sha256 == article.sha256:
        return 1
    return 0


def new_id() -> str:
    """Eight hex characters: short enough to type, 4 billion values (collisions are retried)."""
    return secrets.token_hex(4)


def _utc_now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _from_row(row: sqlite3.Row) -> Annotation:
    return Annotation(
        id=row["id"],
        source=row["source_id"],
        sentence=row["sentence"],
        label=row["label"],
        note=row["note"],
        quote=row["exact"],
        status="anchored",
        created=row["created"],
        updated=row["updated"],
        prefix=row["prefix"],
        suffix=row["suffix"],
        start=row["start"],
        end=row["end"],
        annotated_sentence=row["sentence"],
        sha256=row["sha256"],
        url=row["url"],
        path=row["path"],
        title=row["title"],
    )


def _to_row(a: Annotation) -> tuple[Any, ...]:
    return (
        a.id,
        a.source,
        a.url,
        a.path,
        a.title,
        a.sha256,
        a.annotated_sentence,
        a.quote,
        a.prefix,
        a.suffix,
        a.start,
        a.end,
        a.label,
        a.note,
        a.created,
        a.updated,
    )


# ── the store ──────────────────────────────────────────────────────────────────────────────────────


def _set_up(connection: sqlite3.Connection, path: Path, patience: float = 15.0) -> None:
    """Switch to WAL and migrate, waiting while another process does the same.

    SQLite does not call the busy handler for every lock a journal-mode switch or the first schema write
    needs, so two processes opening a new store at once can see "database is locked" at once: retry.
    """
    deadline = time.monotonic() + patience
    while True:
        try:
            connection.execute("PRAGMA busy_timeout = 15000")
            connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA synchronous = FULL")
            _migrate(connection, path)
            return
        except sqlite3.OperationalError as error:
            transient = "locked" in str(error) or "busy" in str(error)
            if not transient or time.monotonic() > deadline:
                raise
            if connection.in_transaction:
                connection.rollback()
            time.sleep(0.05)


class AnnotationStore:
    """Annotations in SQLite; see the module docstring. Safe to share between threads."""

    def __init__(self, connection: sqlite3.Connection, path: Path, clock: Callable[[], str] = _utc_now) -> None:
        self._db = connection
        self.path = path
        self._clock = clock
        self._lock = threading.RLock()
        # Where the latest `for_comparison` placed each annotation: (source, sentence, status).
        self._placed: dict[str, tuple[str, int | None, Status]] = {}

    @classmethod
    def open(cls, data_dir: str | Path | None = None, *, clock: Callable[[], str] | None = None) -> AnnotationStore:
        """Open (creating or migrating it as needed) the store in `data_dir` (None: `default_data_dir()`)."""
        directory = Path(data_dir).expanduser() if data_dir else default_data_dir()
        path = directory / DATABASE
        try:
            if not directory.is_dir():
                directory.parent.mkdir(parents=True, exist_ok=True)
                directory.mkdir(mode=0o700, exist_ok=True)  # notes can be private: the owner's only
            connection = sqlite3.connect(path, timeout=15.0, isolation_level=None, check_same_thread=False)
        except (OSError, sqlite3.Error) as error:
            raise StoreError(f"cannot open the annotation store in {directory}: {_reason(error)}") from error
        connection.row_factory = sqlite3.Row
        try:
            _set_up(connection, path)
        except (sqlite3.Error, StoreError) as error:
            connection.close()
            if isinstance(error, StoreError):
                raise
            raise StoreError(f"cannot open the annotation store {path}: {_reason(error)}") from error
        return cls(connection, path, clock or _utc_now)

    def now(self) -> str:
        """The store's clock: the current time as ISO 8601 UTC."""
        return self._clock()

    # context manager, so `with AnnotationStore.open() as store:` closes it
    def __enter__(self) -> AnnotationStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def _run(self, sql: str, parameters: Sequence[Any] = (), doing: str = "read the annotations") -> sqlite3.Cursor:
        """One statement, under the lock; database errors become a `StoreError` saying what failed."""
        with self._lock:
            try:
                return self._db.execute(sql, parameters)
            except sqlite3.IntegrityError:
                raise
            except sqlite3.Error as error:
                raise StoreError(f"cannot {doing} ({self.path}): {_reason(error)}") from error

    # ── writing ──

    def add(self, article: Article, sentence: Sentence, label: str, note: str = "") -> Annotation:
        """Annotate `sentence` of `article`; committed before this returns."""
        if sentence.source and sentence.source != article.id:
            raise ValueError(f"sentence {sentence.index} is of {sentence.source!r}, not of {article.id!r}")
        if article.body[sentence.start : sentence.end] != sentence.text:
            raise ValueError(f"sentence {sentence.index} is not at {sentence.start}:{sentence.end} of {article.id!r}")
        selector = selector_for(article.body, sentence, article.sha256)
        now = self._clock()
        annotation = Annotation(
            id="",
            source=article.id,
            sentence=sentence.index,
            label=normalize_label(label),
            note=normalize_note(note),
            quote="",
            status="anchored",
            created=now,
            updated=now,
            url=normalize_url(article.url),
            path=article_path(article),
            title=article.title,
        ).on_selector(selector)
        annotation = self._insert(annotation)
        with self._lock:
            self._placed[annotation.id] = (article.id, sentence.index, "anchored")
        return annotation

    def _insert(self, annotation: Annotation, keep_id: bool = False) -> Annotation:
        for _attempt in range(20):
            if not keep_id:
                annotation = replace(annotation, id=new_id())
            try:
                self._run(
                    f"INSERT INTO annotation ({_COLUMNS}) VALUES ({', '.join('?' * 16)})",
                    _to_row(annotation),
                    "save the annotation",
                )
                return annotation
            except sqlite3.IntegrityError:
                if keep_id:
                    raise
        raise StoreError("cannot find a free annotation id")

    def update(self, annotation_id: str, *, label: str | None = None, note: str | None = None) -> Annotation:
        """Change the label and/or the note; only those columns are written. KeyError for an unknown id."""
        changes: dict[str, str] = {}
        if label is not None:
            changes["label"] = normalize_label(label)
        if note is not None:
            changes["note"] = normalize_note(note)
        changes["updated"] = self._clock()
        assignments = ", ".join(f"{column} = ?" for column in changes)
        cursor = self._run(
            f"UPDATE annotation SET {assignments} WHERE id = ?",
            (*changes.values(), annotation_id),
            "save the annotation",
        )
        if cursor.rowcount == 0:
            raise KeyError(annotation_id)
        annotation = self.get(annotation_id)
        if annotation is None:  # deleted by another process in between
            raise KeyError(annotation_id)
        return annotation

    def delete(self, annotation_id: str) -> bool:
        """Delete an annotation; False when there was none with this id."""
        cursor = self._run("DELETE FROM annotation WHERE id = ?", (annotation_id,), "delete the annotation")
        with self._lock:
            self._placed.pop(annotation_id, None)
        return cursor.rowcount > 0

    def import_annotation(self, annotation: Annotation) -> ImportOutcome:
        """Store an annotation from an export, keeping its id and times.

        An id already in the store is updated (label and note) when the imported one is newer, else
        left alone, so importing the same file twice changes nothing.
        """
        existing = self.get(annotation.id) if annotation.id else None
        if existing is None:
            self._insert(annotation, keep_id=bool(annotation.id))
            return "added"
        if annotation.updated <= existing.updated or (
            annotation.label == existing.label and annotation.note == existing.note
        ):
            return "unchanged"
        self._run(
            "UPDATE annotation SET label = ?, note = ?, updated = ? WHERE id = ?",
            (annotation.label, annotation.note, annotation.updated, annotation.id),
            "save the annotation",
        )
        return "updated"

    # ── reading ──

    def get(self, annotation_id: str) -> Annotation | None:
        """The stored annotation, placed where the latest `for_comparison` put it."""
        with self._lock:
            row = self._run(f"SELECT {_COLUMNS} FROM annotation WHERE id = ?", (annotation_id,)).fetchone()
        return self._with_placement(_from_row(row)) if row else None

    def all(self) -> tuple[Annotation, ...]:
        """Every stored annotation, oldest first, as made (not re-anchored)."""
        with self._lock:
            rows = self._run(f"SELECT {_COLUMNS} FROM annotation ORDER BY created, rowid").fetchall()
        return tuple(_from_row(row) for row in rows)

    def resolve(self, prefix: str) -> str:
        """The id that is `prefix` or starts with it; KeyError when none, ValueError when ambiguous."""
        prefix = prefix.strip().lower()
        if not prefix or not re.fullmatch(r"[0-9a-z_-]+", prefix):
            raise KeyError(prefix)
        with self._lock:
            if self._run("SELECT 1 FROM annotation WHERE id = ?", (prefix,)).fetchone():
                return prefix
            rows = self._run(
                "SELECT id FROM annotation WHERE substr(id, 1, ?) = ? ORDER BY id", (len(prefix), prefix)
            ).fetchall()
        if not rows:
            raise KeyError(prefix)
        if len(rows) > 1:
            raise ValueError(f"{prefix!r} is ambiguous: " + ", ".join(row["id"] for row in rows[:10]))
        return str(rows[0]["id"])

    def data_version(self) -> int:
        """A number that changes when another connection (another reader, the CLI) commits a change.

        Cheap enough to poll every second or two: re-read `for_comparison` when it changes.
        """
        with self._lock:
            return int(self._run("PRAGMA data_version").fetchone()[0])

    def labels(self, defaults: Sequence[str] = LABELS) -> tuple[str, ...]:
        """The default labels (the user's configured ones, or `LABELS`), then any other label in use."""
        defaults = tuple(defaults) or LABELS
        with self._lock:
            used = [row[0] for row in self._run("SELECT DISTINCT label FROM annotation ORDER BY label")]
        return defaults + tuple(label for label in used if label not in defaults)

    def for_comparison(self, comparison: Comparison) -> tuple[Annotation, ...]:
        """All annotations of these articles, re-anchored to their current texts.

        Ordered by article (comparison order), then current sentence (orphaned last), then creation.
        """
        articles = list(comparison.articles)
        paths = [article_path(article) for article in articles]
        candidates = self._candidates(
            urls={u for u in (normalize_url(a.url) for a in articles) if u},
            paths={p for p in paths if p},
            digests={a.sha256 for a in articles},
        )
        placed: list[tuple[int, Annotation]] = []
        for stored in candidates:
            strengths = [match_strength(stored, article, path) for article, path in zip(articles, paths, strict=True)]
            best = max(strengths, default=0)
            if best == 0:
                continue
            position = strengths.index(best)
            article = articles[position]
            placement = locate(stored.selector, article.body, sentences_of(comparison, article.id))
            placed.append(
                (position, replace(stored, source=article.id, sentence=placement.sentence, status=placement.status))
            )
        placed.sort(key=lambda item: (item[0], item[1].sentence is None, item[1].sentence or 0))
        result = tuple(annotation for _position, annotation in placed)
        with self._lock:
            for annotation in result:
                self._placed[annotation.id] = (annotation.source, annotation.sentence, annotation.status)
        return result

    def _candidates(self, urls: Iterable[str], paths: Iterable[str], digests: Iterable[str]) -> list[Annotation]:
        clauses, parameters = [], []
        for column, values in (("url", sorted(urls)), ("path", sorted(paths)), ("sha256", sorted(digests))):
            if values:
                clauses.append(f"{column} IN ({', '.join('?' * len(values))})")
                parameters.extend(values)
        if not clauses:
            return []
        with self._lock:
            rows = self._run(
                f"SELECT {_COLUMNS} FROM annotation WHERE {' OR '.join(clauses)} ORDER BY created, rowid", parameters
            ).fetchall()
        return [_from_row(row) for row in rows]

    def _with_placement(self, annotation: Annotation) -> Annotation:
        with self._lock:
            placed = self._placed.get(annotation.id)
        if placed is None:
            return annotation
        source, sentence, status = placed
        return replace(annotation, source=source, sentence=sentence, status=status)


def _reason(error: BaseException) -> str:
    if isinstance(error, OSError):
        return (error.strerror or str(error)).lower()
    return str(error)


def _migrate(connection: sqlite3.Connection, path: Path) -> None:
    """Bring the schema to the current version, in one transaction that other processes wait for."""
    current = schema_version()
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    if version == current:
        return
    connection.execute("BEGIN IMMEDIATE")
    try:
        version = connection.execute("PRAGMA user_version").fetchone()[0]  # another process may have won
        if version > current:
            raise StoreError(
                f"{path} was written by a newer spacereader (schema {version}, this one knows {current}); "
                "upgrade spacereader or pass another --data-dir"
            )
        for step in MIGRATIONS[version:]:
            for statement in step:
                connection.execute(statement)
        connection.execute(f"PRAGMA user_version = {current}")
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise


def sentences_of(comparison: Comparison, source: str) -> Sequence[Sentence]:
    """The sentences of one source of a comparison (segmenting when the comparison has none)."""
    sentences = comparison.sentences.get(source)
    return sentences if sentences is not None else segment(comparison.article(source).body, source)
