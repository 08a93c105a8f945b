"""Loading articles from files, directories and standard input.

This is one of the two places the engine touches the outside world (the other is the annotation
store). Every failure becomes a `LoadError` naming the path and the reason; nothing here raises for a
bad input.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from spacereader.model import Article, LoadError

MAX_BYTES = 20 * 1000 * 1000
TEXT_SUFFIXES = frozenset({".txt", ".text"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | MARKDOWN_SUFFIXES
STDIN = "-"

HEADER_KEYS = {
    "title": "title",
    "source": "outlet",
    "outlet": "outlet",
    "url": "url",
    "date": "published",
    "published": "published",
    "author": "author",
    "language": "language",
}

# Terminal escape sequences, removed whole: CSI (ESC [ ... final byte, or the 8-bit 0x9b), OSC
# (ESC ] ... ended by BEL or ST, as in an OSC-8 hyperlink with its target), DCS/SOS/PM/APC strings,
# and two-byte escapes. Then every other control character but newline and tab.
_ESCAPES = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[@-Z\\-_]"
    r"|\x1b[ -/]*[0-~]?"
)
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_INLINE_DATE = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})(?:\s+|\Z)", re.IGNORECASE)
_HEADER_LINE = re.compile(r"\A([A-Za-z]+)\s*:\s*(.*?)\s*\Z")
_BLANK_LINES = re.compile(r"\n[ \t]*\n\s*")


@dataclass(frozen=True, slots=True)
class _Input:
    path: str
    data: bytes


def clean_text(text: str) -> str:
    """Remove terminal escapes and control characters, unify newlines, NFC-normalise."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ESCAPES.sub("", text)
    text = _CONTROLS.sub("", text)
    return unicodedata.normalize("NFC", text)


def normalize_body(text: str) -> str:
    """Paragraphs separated by exactly one blank line; lines inside a paragraph kept; ends trimmed."""
    paragraphs = [p.strip() for p in _BLANK_LINES.split(text.strip())]
    lines = ("\n".join(line.strip() for line in p.split("\n")) for p in paragraphs if p)
    return "\n\n".join(lines)


def parse_date(text: str) -> dt.date | None:
    text = text.strip()
    match = re.match(r"\d{4}-\d{2}-\d{2}", text)
    if not match:
        return None
    try:
        return dt.date.fromisoformat(match.group(0))
    except ValueError:
        return None


def _split_header(text: str) -> tuple[dict[str, str], str]:
    """Read a `key: value` header block ended by a blank line; an unknown key ends it early."""
    meta: dict[str, str] = {}
    lines = text.split("\n")
    for number, line in enumerate(lines):
        if not line.strip():
            return (meta, "\n".join(lines[number + 1 :])) if meta else ({}, text)
        match = _HEADER_LINE.match(line)
        key = match.group(1).lower() if match else ""
        if key not in HEADER_KEYS:
            return meta, "\n".join(lines[number:])
        meta[HEADER_KEYS[key]] = match.group(2) if match else ""
    return meta, ""


def _split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """YAML-style front matter: `---`, simple `key: value` lines, `---`. Unknown keys are skipped."""
    if not text.startswith("---\n"):
        return {}, text
    end = re.search(r"^(?:---|\.\.\.)[ \t]*$", text[4:], re.MULTILINE)
    if end is None:
        return {}, text
    meta: dict[str, str] = {}
    for line in text[4 : 4 + end.start()].split("\n"):
        match = _HEADER_LINE.match(line)
        if match and match.group(1).lower() in HEADER_KEYS:
            value = match.group(2).strip().strip("'\"")
            meta[HEADER_KEYS[match.group(1).lower()]] = value
    return meta, text[4 + end.end() :]


def markdown_to_text(text: str, *, take_title: bool = True) -> tuple[str | None, str]:
    """Markdown to (title, plain text): every block is a paragraph, links keep their text.

    A first-level heading at the very top is the headline: it becomes the title (when `take_title`)
    rather than body text.
    """
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").parse(text)
    blocks: list[str] = []
    title: str | None = None
    heading_level = ""
    for token in tokens:
        if token.type == "heading_open":
            heading_level = token.tag
        elif token.type == "inline":
            parts: list[str] = []
            for child in token.children or ():
                if child.type in ("text", "code_inline", "html_inline"):
                    parts.append(child.content if child.type != "html_inline" else "")
                elif child.type in ("softbreak", "hardbreak"):
                    parts.append("\n" if child.type == "hardbreak" else " ")
                elif child.type == "image":
                    parts.append(child.content)
            inline = "".join(parts).strip()
            if take_title and heading_level == "h1" and title is None and not blocks:
                title = inline
            elif inline:
                blocks.append(inline)
            heading_level = ""
        elif token.type in ("code_block", "fence") and token.content.strip():
            blocks.append(token.content.strip())
    return title, "\n\n".join(blocks)


def _decode(data: bytes, path: str, encoding: str | None) -> str | LoadError:
    if not data.strip():
        return LoadError(path, "empty file")
    if b"\x00" in data:
        return LoadError(path, "binary file (contains NUL bytes), not an article")
    if encoding:
        try:
            return data.decode(encoding)
        except LookupError:
            return LoadError(path, f"unknown encoding {encoding!r}")
        except UnicodeDecodeError as error:
            return LoadError(path, f"not valid {encoding} (byte 0x{data[error.start]:02x} at offset {error.start})")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return LoadError(
            path,
            f"not valid UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start}); "
            "pass --encoding, e.g. --encoding latin-1",
        )


def parse_article(source_id: str, path: str, text: str) -> Article | LoadError:
    """Turn decoded text into an `Article`; the format follows the path's suffix."""
    text = clean_text(text)
    meta: dict[str, str] = {}
    title: str | None = None
    if Path(path).suffix.lower() in MARKDOWN_SUFFIXES:
        meta, text = _split_front_matter(text)
        title, text = markdown_to_text(text, take_title="title" not in meta)
    else:
        meta, text = _split_header(text)
    inline = _INLINE_DATE.match(text)
    if inline:
        meta.setdefault("published", inline.group(1))
        text = text[inline.end() :]
    body = normalize_body(text)
    if not body:
        return LoadError(path, "no article text (only a header or markup)")
    return Article(
        id=source_id,
        path=path,
        body=body,
        sha256=hashlib.sha256(body.encode("utf-8")).hexdigest(),
        title=meta.get("title") or title,
        outlet=meta.get("outlet") or None,
        url=meta.get("url") or None,
        published=parse_date(meta.get("published", "")),
        author=meta.get("author") or None,
        language=meta.get("language") or None,
    )


def _describe_os_error(error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return "no such file or directory"
    if isinstance(error, PermissionError):
        return "permission denied"
    if isinstance(error, IsADirectoryError):
        return "is a directory"
    return (error.strerror or str(error)).lower()


def _read(path: Path) -> bytes | LoadError:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return LoadError(str(path), f"file is {size / 1e6:.1f} MB, over the {MAX_BYTES // 1_000_000} MB limit")
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as error:
        return LoadError(str(path), _describe_os_error(error))
    if len(data) > MAX_BYTES:  # grew since stat, or a device that reports no size
        return LoadError(str(path), f"file is over the {MAX_BYTES // 1_000_000} MB limit")
    return data


def _expand(raw: str, stdin: bytes | None) -> list[_Input | LoadError]:
    if raw == STDIN:
        if stdin is None:
            stdin = sys.stdin.buffer.read(MAX_BYTES + 1)
        if len(stdin) > MAX_BYTES:
            return [LoadError("<stdin>", f"input is over the {MAX_BYTES // 1_000_000} MB limit")]
        return [_Input("<stdin>", stdin)]
    path = Path(raw)
    try:
        is_dir = path.is_dir()
    except OSError as error:
        return [LoadError(raw, _describe_os_error(error))]
    if is_dir:
        try:
            children = sorted(
                (child for child in path.iterdir() if child.suffix.lower() in SUPPORTED_SUFFIXES and child.is_file()),
                key=lambda child: child.name,
            )
        except OSError as error:
            return [LoadError(raw, _describe_os_error(error))]
        if not children:
            suffixes = ", ".join(sorted(SUPPORTED_SUFFIXES))
            return [LoadError(raw, f"directory has no supported files ({suffixes})")]
        results: list[_Input | LoadError] = []
        for child in children:
            data = _read(child)
            results.append(data if isinstance(data, LoadError) else _Input(str(child), data))
        return results
    data = _read(path)
    return [data if isinstance(data, LoadError) else _Input(raw, data)]


def source_id_for(path: str) -> str:
    if path == "<stdin>":
        return "stdin"
    return Path(path).stem or "article"


def load_paths(
    paths: Iterable[str], *, encoding: str | None = None, stdin: bytes | None = None
) -> tuple[tuple[Article, ...], tuple[LoadError, ...]]:
    """Load every path (file, directory or `-`); return the articles and the errors, in input order.

    A file reached twice (named, and inside a named directory) is read once.
    """
    articles: list[Article] = []
    errors: list[LoadError] = []
    taken: set[str] = set()
    seen: set[str] = set()
    for raw in paths:
        for item in _expand(raw, stdin):
            identity = item.path if item.path == "<stdin>" else os.path.realpath(item.path)
            if identity in seen:
                continue
            seen.add(identity)
            if isinstance(item, LoadError):
                errors.append(item)
                continue
            text = _decode(item.data, item.path, encoding)
            if isinstance(text, LoadError):
                errors.append(text)
                continue
            source_id = stem = source_id_for(item.path)
            suffix = 1
            while source_id in taken:
                suffix += 1
                source_id = f"{stem}-{suffix}"
            taken.add(source_id)
            article = parse_article(source_id, item.path, text)
            if isinstance(article, LoadError):
                errors.append(article)
            else:
                articles.append(article)
    return tuple(articles), tuple(errors)


def seeds_dir() -> Path:
    """The bundled default corpus: packaged inside the wheel, or the checkout's top-level seeds/."""
    packaged = resources.files("spacereader") / "seeds"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / "seeds"


def default_paths(paths: Sequence[str]) -> list[str]:
    return list(paths) if paths else [str(seeds_dir())]


def display_path(path: str) -> str:
    """A path as the user would like to read it: relative to the working directory when inside it."""
    try:
        return os.path.relpath(path) if not os.path.relpath(path).startswith("..") else path
    except ValueError:
        return path
