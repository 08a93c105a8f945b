"""Loading articles: formats, headers, cleaning, and every kind of bad input."""

from __future__ import annotations

import datetime as dt
import hashlib
from importlib import resources
from pathlib import Path

import pytest

from spacereader.sources import files
from spacereader.sources.files import seeds_dir
from spacereader.sources.load import load_paths
from spacereader.sources.text import clean_text


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


def test_seeds_are_bundled_byte_for_byte() -> None:
    shared = Path(__file__).resolve().parents[2] / "shared" / "seeds"
    bundled = sorted(seeds_dir().glob("*.txt"))
    assert [p.name[:4] for p in bundled] == ["000_", "001_", "002_", "003_", "004_"]
    if shared.is_dir():  # beside the checkout in development and CI
        for path in bundled:
            assert path.read_bytes() == (shared / path.name).read_bytes()


def test_seeds_are_found_through_importlib_resources_when_installed() -> None:
    packaged = resources.files("spacereader") / "seeds"
    # An installed wheel carries them inside the package; a development checkout falls back to ./seeds.
    assert packaged.is_dir() or (Path(files.__file__).resolve().parents[2] / "seeds").is_dir()
    assert len(list(seeds_dir().glob("*.txt"))) == 5


def test_seed_dates_and_ids(seed_articles) -> None:
    published = {a.id[:3]: a.published for a in seed_articles}
    assert published == {
        "000": None,
        "001": dt.date(2021, 12, 13),
        "002": None,
        "003": dt.date(2021, 10, 5),
        "004": None,
    }
    seed_003 = next(a for a in seed_articles if a.id.startswith("003"))
    assert seed_003.body.startswith("After losing the space race")
    assert seed_003.sha256 == hashlib.sha256(seed_003.body.encode()).hexdigest()


def test_text_header_block(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "story.txt",
        "title: Dam approved\nsource: The Valley Courier\nurl: https://example.org/dam\n"
        "published: 2024-03-02\nauthor: R. Ode\nlanguage: en\n\nThe council approved the dam. It costs $4m.\n",
    )
    (article,), errors = load_paths([str(path)])
    assert not errors
    assert (article.title, article.outlet, article.url, article.published) == (
        "Dam approved",
        "The Valley Courier",
        "https://example.org/dam",
        dt.date(2024, 3, 2),
    )
    assert article.author == "R. Ode" and article.language == "en"
    assert article.body == "The council approved the dam. It costs $4m."


def test_unknown_header_key_ends_the_header_and_is_body_text(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", "title: Storm\nNote: the roads are closed.\n\nMore text.")
    (article,), _ = load_paths([str(path)])
    assert article.title == "Storm"
    assert article.body == "Note: the roads are closed.\n\nMore text."


def test_text_without_header_is_all_body(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", "Warning: storms ahead. Stay home.\n")
    (article,), _ = load_paths([str(path)])
    assert article.title is None and article.body == "Warning: storms ahead. Stay home."


def test_inline_date_prefix(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", " date 2023-07-14 The river rose overnight.")
    (article,), _ = load_paths([str(path)])
    assert article.published == dt.date(2023, 7, 14)
    assert article.body == "The river rose overnight."


def test_markdown_front_matter_headings_links_and_paragraphs(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "b.md",
        "---\ntitle: 'Budget vote'\nsource: Capital Wire\ndate: 2024-11-05\ntags: [politics]\n---\n"
        "# Budget vote delayed\n\nThe vote was **delayed** by a [week](https://example.org).\n\n"
        "## Reaction\n\n* One party *welcomed* it.\n* Another did not.\n",
    )
    (article,), errors = load_paths([str(path)])
    assert not errors
    assert article.title == "Budget vote"
    assert article.outlet == "Capital Wire" and article.published == dt.date(2024, 11, 5)
    assert article.body.split("\n\n") == [
        "Budget vote delayed",
        "The vote was delayed by a week.",
        "Reaction",
        "One party welcomed it.",
        "Another did not.",
    ]


def test_markdown_first_heading_becomes_the_title(tmp_path: Path) -> None:
    path = write(tmp_path, "c.markdown", "# Floods in the north\n\nRivers burst their banks.")
    (article,), _ = load_paths([str(path)])
    assert article.title == "Floods in the north" and article.body == "Rivers burst their banks."


def test_directory_loads_supported_files_sorted(tmp_path: Path) -> None:
    write(tmp_path, "b.md", "Second story.")
    write(tmp_path, "a.txt", "First story.")
    write(tmp_path, "c.pdf", "not loaded")
    articles, errors = load_paths([str(tmp_path)])
    assert [a.id for a in articles] == ["a", "b"] and not errors


def test_duplicate_stems_get_suffixes(tmp_path: Path) -> None:
    (tmp_path / "x").mkdir()
    write(tmp_path, "story.txt", "One.")
    write(tmp_path / "x", "story.md", "Two.")
    write(tmp_path / "x", "story.txt", "Three.")
    articles, _ = load_paths([str(tmp_path / "story.txt"), str(tmp_path / "x")])
    assert [a.id for a in articles] == ["story", "story-2", "story-3"]
    assert [a.body for a in articles] == ["One.", "Two.", "Three."]


def test_a_file_reached_twice_is_read_once(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", "One.")
    write(tmp_path, "empty.txt", "")
    paths = [str(tmp_path), str(tmp_path / "a.txt"), str(tmp_path / "." / "empty.txt")]
    articles, errors = load_paths(paths)
    assert [a.id for a in articles] == ["a"]
    assert [e.reason for e in errors] == ["empty file"]


def test_stdin(tmp_path: Path) -> None:
    (article,), errors = load_paths(["-"], stdin=b"Piped text. Two sentences.")
    assert article.id == "stdin" and article.body == "Piped text. Two sentences." and not errors


def test_utf8_bom_dropped_and_nfc(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", "\ufeffCafe\u0301 owners protested.".encode())
    (article,), _ = load_paths([str(path)])
    assert article.body == "Café owners protested."


def test_crlf_and_trailing_space_normalised(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", b"First line.  \r\n\r\n\r\nSecond paragraph.\r\n")
    (article,), _ = load_paths([str(path)])
    assert article.body == "First line.\n\nSecond paragraph."


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("\x1b[31mred\x1b[0m text", "red text"),
        ("\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\ here", "link here"),
        ("\x1b]8;;https://evil.example\x07click\x1b]8;;\x07", "click"),
        ("bell\x07 and back\x08space", "bell and backspace"),
        ("\x9b1;31mC1 CSI", "C1 CSI"),
        ("tab\tand\nnewline kept", "tab\tand\nnewline kept"),
        ("[bold red]markup[/] stays text", "[bold red]markup[/] stays text"),
    ],
)
def test_escape_sequences_removed_whole(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean


# ── bad inputs: one error naming the path and the reason; the rest still load ─────────────────────


def test_missing_path(tmp_path: Path) -> None:
    good = write(tmp_path, "good.txt", "Fine.")
    articles, errors = load_paths([str(tmp_path / "nope.txt"), str(good)])
    assert [a.id for a in articles] == ["good"]
    assert [str(e) for e in errors] == [f"{tmp_path / 'nope.txt'}: no such file or directory"]


def test_directory_without_supported_files(tmp_path: Path) -> None:
    write(tmp_path, "photo.jpg", b"\xff\xd8")
    _, (error,) = load_paths([str(tmp_path)])
    assert error.path == str(tmp_path) and "no supported files" in error.reason


def test_empty_file(tmp_path: Path) -> None:
    _, (error,) = load_paths([str(write(tmp_path, "e.txt", "  \n\n "))])
    assert error.reason == "empty file"


def test_binary_file(tmp_path: Path) -> None:
    _, (error,) = load_paths([str(write(tmp_path, "b.txt", b"PK\x03\x04\x00\x00binary"))])
    assert "binary" in error.reason


def test_not_utf8(tmp_path: Path) -> None:
    path = write(tmp_path, "l.txt", "Caf\xe9 owners".encode("latin-1"))
    _, (error,) = load_paths([str(path)])
    assert "not valid UTF-8" in error.reason and "0xe9" in error.reason and "--encoding" in error.reason
    (article,), errors = load_paths([str(path)], encoding="latin-1")
    assert article.body == "Café owners" and not errors


def test_unknown_encoding(tmp_path: Path) -> None:
    _, (error,) = load_paths([str(write(tmp_path, "a.txt", "x"))], encoding="klingon")
    assert "unknown encoding" in error.reason


def test_file_over_the_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse: 21 MB without writing them
        handle.seek(21_000_000)
        handle.write(b"x")
    _, (error,) = load_paths([str(path)])
    assert error.reason == "file is 21.0 MB, over the 20 MB limit"


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "secret.txt", "hidden")
    real_open = Path.open

    def deny(self: Path, *args, **kwargs):
        if self.name == "secret.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", deny)
    _, (error,) = load_paths([str(path)])
    assert str(error) == f"{path}: permission denied"


def test_header_only_file(tmp_path: Path) -> None:
    _, (error,) = load_paths([str(write(tmp_path, "h.txt", "title: Nothing here\n\n"))])
    assert "no article text" in error.reason
