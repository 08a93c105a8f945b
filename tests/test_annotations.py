"""The annotation store: saving, durability, concurrency, schema versions and which article is whose."""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from spacereader import annotations as store_module
from spacereader.annotations import (
    DATABASE,
    LABELS,
    AnnotationStore,
    StoreError,
    normalize_url,
    schema_version,
)
from spacereader.engine.segment import segment
from spacereader.model import Comparison
from spacereader.sources.load import load_paths

BODY = (
    "The Marrow Creek bridge collapsed on Tuesday evening. Four cars fell into the river below. "
    "Divers searched the water until midnight. The mayor promised an inquiry."
)


def write(path: Path, body: str, header: str = "") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text((header + "\n\n" if header else "") + body + "\n", encoding="utf-8")
    return path


def comparison_of(*paths: Path) -> Comparison:
    articles, errors = load_paths([str(p) for p in paths])
    assert not errors
    return Comparison(articles=articles, sentences={a.id: segment(a.body, a.id) for a in articles})


@pytest.fixture
def store(tmp_path: Path):
    with AnnotationStore.open(tmp_path / "data") as opened:
        yield opened


@pytest.fixture
def article_file(tmp_path: Path) -> Path:
    return write(tmp_path / "news" / "courier.txt", BODY, "title: Bridge collapse")


def annotate(store: AnnotationStore, comparison: Comparison, index: int, label: str = "verified", note: str = ""):
    article = comparison.articles[0]
    return store.add(article, comparison.sentences[article.id][index], label, note)


# ── basics ─────────────────────────────────────────────────────────────────────────────────────────


def test_add_returns_a_saved_anchored_annotation(store: AnnotationStore, article_file: Path) -> None:
    comparison = comparison_of(article_file)
    annotation = annotate(store, comparison, 1, "disputed", "only three cars, says the police")
    assert re.fullmatch(r"[0-9a-f]{8}", annotation.id)
    assert (annotation.source, annotation.sentence, annotation.status) == ("courier", 1, "anchored")
    assert annotation.quote == "Four cars fell into the river below."
    assert annotation.prefix.endswith("Tuesday evening. ") and annotation.suffix.startswith(" Divers")
    assert annotation.path == str(article_file.resolve()) and annotation.title == "Bridge collapse"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", annotation.created)
    assert store.for_comparison(comparison) == (annotation,)
    assert store.get(annotation.id) == annotation


def test_update_changes_only_what_is_given(tmp_path: Path, article_file: Path) -> None:
    times = iter(["2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z", "2026-01-03T00:00:00Z", "2026-01-04T00:00:00Z"])
    with AnnotationStore.open(tmp_path / "data", clock=lambda: next(times)) as store:
        comparison = comparison_of(article_file)
        annotation = annotate(store, comparison, 0, "note", "first")
        relabeled = store.update(annotation.id, label="important")
        assert (relabeled.label, relabeled.note, relabeled.updated) == ("important", "first", "2026-01-02T00:00:00Z")
        renoted = store.update(annotation.id, note="second")
        assert (renoted.label, renoted.note, renoted.created) == ("important", "second", "2026-01-01T00:00:00Z")
        assert renoted.sentence == 0 and renoted.status == "anchored"
        with pytest.raises(KeyError):
            store.update("00000000", note="x")


def test_update_keeps_the_latest_placement(store: AnnotationStore, article_file: Path) -> None:
    annotation = annotate(store, comparison_of(article_file), 2)
    write(article_file, "A new first sentence. " + BODY, "title: Bridge collapse")
    (placed,) = store.for_comparison(comparison_of(article_file))
    assert (placed.sentence, placed.status) == (3, "moved")
    updated = store.update(annotation.id, note="still true")
    assert (updated.sentence, updated.status, updated.note) == (3, "moved", "still true")


def test_delete(store: AnnotationStore, article_file: Path) -> None:
    comparison = comparison_of(article_file)
    annotation = annotate(store, comparison, 0)
    assert store.delete(annotation.id) is True
    assert store.delete(annotation.id) is False
    assert store.for_comparison(comparison) == ()
    assert store.get(annotation.id) is None


def test_labels_and_notes_are_cleaned(store: AnnotationStore, article_file: Path) -> None:
    comparison = comparison_of(article_file)
    annotation = annotate(
        store, comparison, 0, "  needs \n source ", "\x1b[31mred\x1b[0m \x1b]8;;http://evil\x07link\x1b]8;;\x07\x00 "
    )
    assert annotation.label == "needs source"
    assert annotation.note == "red link"
    with pytest.raises(ValueError):
        annotate(store, comparison, 0, "   ")
    with pytest.raises(ValueError):
        annotate(store, comparison, 0, "x" * 65)
    assert store.labels() == LABELS
    annotate(store, comparison, 1, "fact-checked")
    assert store.labels() == (*LABELS, "fact-checked")


def test_a_sentence_of_another_article_is_refused(store: AnnotationStore, tmp_path: Path, article_file: Path) -> None:
    other = write(tmp_path / "news" / "gazette.txt", "Completely different words here. And more of them.")
    comparison = comparison_of(article_file, other)
    with pytest.raises(ValueError):
        store.add(comparison.articles[0], comparison.sentences["gazette"][0], "note")


def test_resolve_a_unique_prefix(store: AnnotationStore, article_file: Path) -> None:
    comparison = comparison_of(article_file)
    ids = [annotate(store, comparison, i % 4).id for i in range(40)]
    assert len(set(ids)) == 40
    for annotation_id in ids:
        assert store.resolve(annotation_id.upper()) == annotation_id
    with pytest.raises(KeyError):
        store.resolve("zzzz")
    with pytest.raises(KeyError):
        store.resolve("%")
    first = ids[0][0]
    if sum(i.startswith(first) for i in ids) > 1:
        with pytest.raises(ValueError, match="ambiguous"):
            store.resolve(first)


def test_annotations_persist_and_list_in_article_and_sentence_order(tmp_path: Path, article_file: Path) -> None:
    comparison = comparison_of(article_file)
    with AnnotationStore.open(tmp_path / "data") as store:
        later = annotate(store, comparison, 3)
        earlier = annotate(store, comparison, 0)
    with AnnotationStore.open(tmp_path / "data") as store:
        assert [a.id for a in store.for_comparison(comparison)] == [earlier.id, later.id]


def test_open_without_a_dir_uses_the_environment(private_data_dir: Path, article_file: Path) -> None:
    with AnnotationStore.open() as store:
        assert store.path == private_data_dir / DATABASE
        annotate(store, comparison_of(article_file), 0)
    assert (private_data_dir / DATABASE).exists()


def test_an_unusable_data_dir_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    with pytest.raises(StoreError, match="cannot open the annotation store"):
        AnnotationStore.open(blocker)
    garbage = tmp_path / "garbage"
    garbage.mkdir()
    (garbage / DATABASE).write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(StoreError):
        AnnotationStore.open(garbage)


# ── durability and schema ──────────────────────────────────────────────────────────────────────────


def test_the_store_uses_wal_and_is_versioned(tmp_path: Path) -> None:
    AnnotationStore.open(tmp_path).close()
    connection = sqlite3.connect(tmp_path / DATABASE)
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert connection.execute("PRAGMA user_version").fetchone()[0] == schema_version() >= 1
    connection.close()


def test_a_store_from_a_newer_version_is_refused_and_left_alone(tmp_path: Path) -> None:
    AnnotationStore.open(tmp_path).close()
    connection = sqlite3.connect(tmp_path / DATABASE)
    connection.execute(f"PRAGMA user_version = {schema_version() + 1}")
    connection.commit()
    connection.close()
    with pytest.raises(StoreError, match="newer spacereader"):
        AnnotationStore.open(tmp_path)
    connection = sqlite3.connect(tmp_path / DATABASE)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == schema_version() + 1
    connection.close()


def test_an_older_store_is_migrated_keeping_its_annotations(
    tmp_path: Path, article_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    comparison = comparison_of(article_file)
    with AnnotationStore.open(tmp_path) as store:
        kept = annotate(store, comparison, 1, "verified", "kept")
    extra_step = ("CREATE TABLE label_colour (label TEXT PRIMARY KEY, colour TEXT NOT NULL)",)
    monkeypatch.setattr(store_module, "MIGRATIONS", (*store_module.MIGRATIONS, extra_step))
    with AnnotationStore.open(tmp_path) as store:
        assert [a.note for a in store.for_comparison(comparison)] == [kept.note]
    connection = sqlite3.connect(tmp_path / DATABASE)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == schema_version() == 2
    assert connection.execute("SELECT count(*) FROM label_colour").fetchone()[0] == 0
    connection.close()


def test_a_failed_migration_changes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    AnnotationStore.open(tmp_path).close()
    broken = ("CREATE TABLE fine (x)", "THIS IS NOT SQL")
    monkeypatch.setattr(store_module, "MIGRATIONS", (*store_module.MIGRATIONS, broken))
    with pytest.raises(StoreError):
        AnnotationStore.open(tmp_path)
    connection = sqlite3.connect(tmp_path / DATABASE)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == 1
    assert not connection.execute("SELECT 1 FROM sqlite_master WHERE name = 'fine'").fetchone()
    connection.close()


SAVE_THEN_HANG = textwrap.dedent(
    """
    import sys, time
    from spacereader.annotations import AnnotationStore
    from spacereader.sources.load import load_paths
    from spacereader.engine.segment import segment
    (article,), _ = load_paths([sys.argv[2]])
    store = AnnotationStore.open(sys.argv[1])
    sentences = segment(article.body, article.id)
    saved = store.add(article, sentences[1], "disputed", "saved before the kill")
    store.update(saved.id, note="updated before the kill")
    doomed = store.add(article, sentences[2], "note", "deleted before the kill")
    store.delete(doomed.id)
    print(saved.id, flush=True)  # what the user sees as "saved"
    time.sleep(120)
    """
)


def test_kill_9_right_after_saving_loses_nothing(tmp_path: Path, article_file: Path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-c", SAVE_THEN_HANG, str(tmp_path / "data"), str(article_file)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        saved_id = process.stdout.readline().strip()
        assert re.fullmatch(r"[0-9a-f]{8}", saved_id)
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.wait(timeout=30)
        process.stdout.close()
    assert process.returncode == -signal.SIGKILL
    assert (tmp_path / "data" / f"{DATABASE}-wal").exists()  # killed before any checkpoint
    with AnnotationStore.open(tmp_path / "data") as store:
        (annotation,) = store.for_comparison(comparison_of(article_file))
    assert (annotation.id, annotation.label, annotation.note) == (saved_id, "disputed", "updated before the kill")
    assert annotation.sentence == 1


# ── several readers on one store ───────────────────────────────────────────────────────────────────


def test_two_readers_do_not_lose_each_others_annotations(tmp_path: Path, article_file: Path) -> None:
    comparison = comparison_of(article_file)
    with AnnotationStore.open(tmp_path) as first, AnnotationStore.open(tmp_path) as second:
        mine = annotate(first, comparison, 0, "verified")
        theirs = annotate(second, comparison, 1, "disputed")
        assert {a.id for a in first.for_comparison(comparison)} == {mine.id, theirs.id}
        # Both change the same annotation, one its label, the other its note: both changes stay.
        first.update(theirs.id, label="important")
        second.update(theirs.id, note="from the second reader")
        second.delete(mine.id)
        (both,) = first.for_comparison(comparison)
        assert (both.id, both.label, both.note) == (theirs.id, "important", "from the second reader")


ADD_MANY = textwrap.dedent(
    """
    import sys
    from spacereader.annotations import AnnotationStore
    from spacereader.sources.load import load_paths
    from spacereader.engine.segment import segment
    (article,), _ = load_paths([sys.argv[2]])
    sentences = segment(article.body, article.id)
    with AnnotationStore.open(sys.argv[1]) as store:
        for i in range(25):
            store.add(article, sentences[i % len(sentences)], "note", sys.argv[3] + str(i))
    """
)


def test_processes_writing_at_once_all_get_saved(tmp_path: Path, article_file: Path) -> None:
    processes = [
        subprocess.Popen([sys.executable, "-c", ADD_MANY, str(tmp_path), str(article_file), name]) for name in "ab"
    ]
    assert [p.wait(timeout=120) for p in processes] == [0, 0]
    with AnnotationStore.open(tmp_path) as store:
        notes = {a.note for a in store.for_comparison(comparison_of(article_file))}
    assert notes == {f"{name}{i}" for name in "ab" for i in range(25)}


def test_threads_share_one_store(store: AnnotationStore, article_file: Path) -> None:
    comparison = comparison_of(article_file)
    errors: list[BaseException] = []

    def work() -> None:
        try:
            for _ in range(10):
                annotate(store, comparison, 0)
                store.for_comparison(comparison)
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert len(store.for_comparison(comparison)) == 40


# ── which article an annotation belongs to ─────────────────────────────────────────────────────────


def test_a_moved_file_keeps_its_annotations(store: AnnotationStore, tmp_path: Path, article_file: Path) -> None:
    annotation = annotate(store, comparison_of(article_file), 2)
    moved = article_file.rename(tmp_path / "elsewhere.txt")
    (found,) = store.for_comparison(comparison_of(moved))
    assert (found.id, found.source, found.sentence, found.status) == (annotation.id, "elsewhere", 2, "anchored")


def test_a_file_edited_in_place_keeps_its_annotations(store: AnnotationStore, article_file: Path) -> None:
    annotate(store, comparison_of(article_file), 3)
    write(article_file, BODY.replace("Divers searched", "Rescue divers searched"), "title: Bridge collapse")
    (found,) = store.for_comparison(comparison_of(article_file))
    assert (found.sentence, found.status) == (3, "anchored")


def test_a_file_reused_for_another_story_does_not_inherit(store: AnnotationStore, article_file: Path) -> None:
    annotate(store, comparison_of(article_file), 0)
    write(article_file, "A story about a flood. Rivers rose.", "title: Flood in the valley")
    assert store.for_comparison(comparison_of(article_file)) == ()


def test_the_url_decides_when_both_have_one(store: AnnotationStore, tmp_path: Path) -> None:
    first = write(tmp_path / "a" / "wire.txt", BODY, "url: https://Courier.example/bridge/#top")
    annotation = annotate(store, comparison_of(first), 1)
    assert annotation.url == "https://courier.example/bridge"
    # Same text under another outlet's URL: a different article.
    syndicated = write(tmp_path / "b" / "wire.txt", BODY, "url: https://gazette.example/bridge")
    assert store.for_comparison(comparison_of(syndicated)) == ()
    # Same URL, another file and an edited text: the same article.
    edited = write(tmp_path / "c" / "saved.txt", "Updated at 9pm. " + BODY, "url: https://courier.example/bridge/")
    (found,) = store.for_comparison(comparison_of(edited))
    assert (found.id, found.sentence, found.status) == (annotation.id, 2, "moved")


def test_identical_copies_in_one_comparison_show_it_once(store: AnnotationStore, tmp_path: Path) -> None:
    original = write(tmp_path / "x" / "one.txt", BODY)
    copy = write(tmp_path / "y" / "two.txt", BODY)
    annotation = annotate(store, comparison_of(original), 1)
    placed = store.for_comparison(comparison_of(copy, original))
    assert [(a.id, a.source) for a in placed] == [(annotation.id, "one")]


def test_other_articles_annotations_never_show(store: AnnotationStore, tmp_path: Path, article_file: Path) -> None:
    other = write(tmp_path / "news" / "gazette.txt", "Completely different words here. And more of them.")
    annotate(store, comparison_of(article_file), 0)
    assert store.for_comparison(comparison_of(other)) == ()


def test_standard_input_articles_match_by_text(store: AnnotationStore) -> None:
    (article,), _ = load_paths(["-"], stdin=BODY.encode())
    comparison = Comparison(articles=(article,), sentences={article.id: segment(article.body, article.id)})
    annotation = store.add(article, comparison.sentences["stdin"][0], "note")
    assert annotation.path is None
    assert store.for_comparison(comparison) == (annotation,)


def test_orphaned_annotations_are_listed_with_their_quote(store: AnnotationStore, article_file: Path) -> None:
    annotation = annotate(store, comparison_of(article_file), 1, "disputed")
    write(article_file, BODY.replace("Four cars fell into the river below. ", ""), "title: Bridge collapse")
    (orphan,) = store.for_comparison(comparison_of(article_file))
    assert (orphan.id, orphan.sentence, orphan.status, orphan.quote) == (
        annotation.id,
        None,
        "orphaned",
        "Four cars fell into the river below.",
    )


@pytest.mark.parametrize(
    ("url", "normal"),
    [
        ("HTTPS://Example.COM/a/b/", "https://example.com/a/b"),
        ("https://example.com/", "https://example.com"),
        ("https://example.com/a?x=1#frag", "https://example.com/a?x=1"),
        ("  ", None),
        (None, None),
    ],
)
def test_normalize_url(url, normal) -> None:
    assert normalize_url(url) == normal


def test_using_a_closed_store_is_a_store_error(tmp_path: Path, article_file: Path) -> None:
    store = AnnotationStore.open(tmp_path)
    store.close()
    with pytest.raises(StoreError):
        store.for_comparison(comparison_of(article_file))
    with pytest.raises(StoreError):
        store.delete("a1b2c3d4")


def test_data_version_tells_a_reader_that_another_one_wrote(tmp_path: Path, article_file: Path) -> None:
    comparison = comparison_of(article_file)
    with AnnotationStore.open(tmp_path) as first, AnnotationStore.open(tmp_path) as second:
        seen = first.data_version()
        annotate(first, comparison, 0)
        assert first.data_version() == seen  # its own writes do not count
        annotation = annotate(second, comparison, 1)
        assert first.data_version() != seen
        seen = first.data_version()
        assert first.data_version() == seen
        second.delete(annotation.id)
        assert first.data_version() != seen
        assert [a.orphaned for a in first.for_comparison(comparison)] == [False]


def test_a_new_data_dir_is_private(tmp_path: Path) -> None:
    AnnotationStore.open(tmp_path / "deep" / "data").close()
    assert (tmp_path / "deep" / "data").stat().st_mode & 0o777 == 0o700
