"""`spacereader annotations ...` and `spacereader export`: through the entry function, as a user types them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from spacereader.cli import main

BODY = (
    "The Marrow Creek bridge collapsed on Tuesday evening. Four cars fell into the river below. "
    "Divers searched the water until midnight. The mayor promised an inquiry."
)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def listed(capsys, *paths: str) -> list[dict]:
    code, out, _ = run(capsys, "annotations", "list", *paths, "--format", "json")
    assert code == 0
    document = json.loads(out)
    assert document["schema"] == "spacereader.annotations/1" and "sources" in document
    return document["annotations"]


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "news" / "courier.txt"
    path.parent.mkdir()
    path.write_text("title: Bridge collapse\nsource: Valley Courier\n\n" + BODY + "\n", encoding="utf-8")
    return path


def test_add_list_delete(capsys) -> None:
    code, out, err = run(capsys, "annotations", "add", "003", "5", "--label", "ver", "--note", "checked *twice*")
    assert code == 0
    annotation_id = out.strip()
    assert re.fullmatch(r"[0-9a-f]{8}", annotation_id)
    assert "annotated 003_61f4a650ca5522b8 sentence 5 as verified" in err
    (entry,) = listed(capsys)
    assert set(entry) == {"id", "source", "sentence", "label", "note", "quote", "status", "created", "updated"}
    assert entry["id"] == annotation_id and entry["source"] == "003_61f4a650ca5522b8"
    assert (entry["sentence"], entry["label"], entry["note"], entry["status"]) == (
        5,
        "verified",
        "checked *twice*",
        "anchored",
    )
    assert entry["quote"].startswith("Klim Shipenko, the filmmaker")
    code, out, _ = run(capsys, "annotations", "list")
    assert code == 0 and out.splitlines()[0].split()[:5] == ["ID", "SOURCE", "SENTENCE", "LABEL", "STATUS"]
    assert annotation_id in out
    code, _, err = run(capsys, "annotations", "delete", annotation_id[:5])
    assert code == 0 and f"deleted annotation {annotation_id}" in err
    assert listed(capsys) == []
    code, out, err = run(capsys, "annotations", "list")
    assert (code, out) == (0, "") and "no annotations" in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("add", "003", "999", "--label", "note"), "there is no sentence 999"),
        (("add", "003", "-1", "--label", "note"), "there is no sentence -1"),
        (("add", "nope", "0", "--label", "note"), "no source 'nope'"),
        (("add", "00", "0", "--label", "note"), "ambiguous"),
        (("add", "003", "0", "--label", "verfied"), "unknown label 'verfied' (labels: verified, disputed"),
        (("add", "003", "0", "--label", "n"), "ambiguous"),
        (("delete", "deadbeef"), "no annotation 'deadbeef'"),
        (("import", "/nonexistent/file.json"), "/nonexistent/file.json: no such file"),
    ],
)
def test_bad_usage_exits_2_with_a_message(capsys, argv, message) -> None:
    code, out, err = run(capsys, "annotations", *argv)
    assert code == 2 and out == ""
    assert message in err and "Traceback" not in err


def test_labels_are_matched_loosely_and_custom_labels_in_use_are_accepted(capsys) -> None:
    assert run(capsys, "annotations", "add", "003", "0", "--label", "NEEDS  Source")[0] == 0
    assert run(capsys, "annotations", "add", "003", "1", "--label", "imp")[0] == 0
    assert [a["label"] for a in listed(capsys)] == ["needs source", "important"]


def test_w3c_round_trip(capsys, tmp_path: Path, article: Path) -> None:
    hostile = "see [x](javascript:alert(1)) <script>alert(1)</script> | `code` *bold* _it_ [bold red]x[/]"
    for index, label in ((0, "verified"), (1, "disputed"), (3, "needs source")):
        assert (
            run(capsys, "annotations", "add", "courier", str(index), str(article), "--label", label, "--note", hostile)[
                0
            ]
            == 0
        )
    before = listed(capsys, str(article))
    exported = tmp_path / "notes.jsonld"
    code, out, err = run(capsys, "annotations", "export", str(article), "-o", str(exported))
    assert (code, out) == (0, "") and f"wrote {exported}" in err
    collection = json.loads(exported.read_text())
    assert collection["type"] == "AnnotationCollection" and collection["total"] == 3
    item = collection["first"]["items"][0]
    assert {s["type"] for s in item["target"]["selector"]} == {"TextQuoteSelector", "TextPositionSelector"}
    for entry in before:
        assert run(capsys, "annotations", "delete", entry["id"])[0] == 0
    assert listed(capsys, str(article)) == []
    code, _, err = run(capsys, "annotations", "import", str(exported), str(article))
    assert code == 0 and "3 added" in err
    assert listed(capsys, str(article)) == before
    # Importing again changes nothing.
    code, _, err = run(capsys, "annotations", "import", str(exported), str(article))
    assert code == 0 and "3 unchanged" in err
    assert listed(capsys, str(article)) == before


def test_import_re_anchors_to_an_edited_copy(capsys, tmp_path: Path, article: Path) -> None:
    run(capsys, "annotations", "add", "courier", "2", str(article), "--label", "important")
    exported = tmp_path / "notes.json"
    run(capsys, "annotations", "export", str(article), "-o", str(exported))
    elsewhere = tmp_path / "colleague" / "courier.txt"
    elsewhere.parent.mkdir()
    elsewhere.write_text("Update: two people were rescued. " + BODY.replace("midnight", "1 am"))
    code, _, err = run(
        capsys, "annotations", "import", str(exported), str(elsewhere), "--data-dir", str(tmp_path / "other")
    )
    assert code == 0, err
    code, out, _ = run(
        capsys, "annotations", "list", str(elsewhere), "--format", "json", "--data-dir", str(tmp_path / "other")
    )
    (entry,) = json.loads(out)["annotations"]
    assert (entry["source"], entry["sentence"], entry["status"]) == ("courier", 3, "moved")
    assert entry["quote"] == "Divers searched the water until midnight."
    # Under another name, an edited copy is another article: stored, not shown under it.
    renamed = elsewhere.rename(elsewhere.with_name("bridge.txt"))
    other = tmp_path / "third"
    code, _, err = run(capsys, "annotations", "import", str(exported), str(renamed), "--data-dir", str(other))
    assert code == 0 and "belongs to none of the loaded articles" in err
    code, out, _ = run(capsys, "annotations", "list", str(renamed), "--format", "json", "--data-dir", str(other))
    assert json.loads(out)["annotations"] == []


def test_import_a_foreign_highlight_narrower_than_a_sentence(capsys, tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("url: https://courier.example/bridge\n\n" + BODY)
    foreign = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "AnnotationPage",
        "items": [
            {
                "id": "https://hypothes.is/a/abc123",
                "type": "Annotation",
                "motivation": "questioning",
                "body": {"type": "TextualBody", "value": "Which river?"},
                "target": {
                    "source": "https://courier.example/bridge",
                    "selector": [{"type": "TextQuoteSelector", "exact": "into the river", "prefix": "Four cars fell "}],
                },
            },
            {"type": "Annotation", "target": {"source": "https://courier.example/bridge"}},
            "not an annotation",
        ],
    }
    source = tmp_path / "foreign.json"
    source.write_text(json.dumps(foreign))
    code, _, err = run(capsys, "annotations", "import", str(source), str(page))
    assert code == 0, err
    assert "item 1 skipped: no target with a selector" in err and "item 2 skipped" in err
    (entry,) = listed(capsys, str(page))
    assert (entry["sentence"], entry["label"], entry["note"], entry["status"]) == (
        1,
        "needs source",
        "Which river?",
        "anchored",
    )
    assert entry["quote"] == "Four cars fell into the river below."


@pytest.mark.parametrize("content", ["{not json", '{"type": "Something"}', "[1, 2]", "[" * 100_000])
def test_import_of_something_else_exits_2(capsys, tmp_path: Path, content: str) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(content)
    code, _, err = run(capsys, "annotations", "import", str(bad))
    assert code == 2 and str(bad) in err and "Traceback" not in err


def test_export_shows_annotations_and_refuses_to_overwrite(capsys, tmp_path: Path, article: Path) -> None:
    run(
        capsys,
        "annotations",
        "add",
        "courier",
        "1",
        str(article),
        "--label",
        "disputed",
        "--note",
        "three cars, police say",
    )
    target = tmp_path / "report.md"
    code, out, err = run(capsys, "export", str(article), "--format", "md", "-o", str(target))
    assert (code, out) == (0, "") and "wrote" in err
    text = target.read_text()
    assert "**disputed** · three cars, police say" in text
    target.write_text("keep me")
    code, _, err = run(capsys, "export", str(article), "--format", "html", "-o", str(target))
    assert code == 2 and "file exists; pass --force" in err
    assert target.read_text() == "keep me"
    code, _, _ = run(capsys, "export", str(article), "--format", "html", "-o", str(target), "--force")
    assert code == 0 and "three cars, police say" in target.read_text()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary files left


@pytest.mark.parametrize("fmt", ["md", "html", "json", "csv", "w3c"])
def test_export_every_format_to_stdout(capsys, fmt: str) -> None:
    run(capsys, "annotations", "add", "001", "2", "--label", "note", "--note", "seen")
    code, out, err = run(capsys, "export", "--format", fmt)
    assert code == 0 and out and "Traceback" not in err
    if fmt in ("json", "w3c"):
        json.loads(out)
    if fmt != "csv":
        assert "seen" in out


def test_export_with_a_broken_store_still_exports(capsys, tmp_path: Path, article: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("")
    code, out, err = run(capsys, "export", str(article), "--format", "md", "--data-dir", str(blocker))
    assert code == 0 and "Marrow Creek" in out and "exporting without annotations" in err
