"""Text into an `Article`: cleaning, header blocks, front matter, Markdown, decoding.

Pure functions of the text they are given (no file, network or clock): the readers of files, pages and
feeds all end here, so every article is cleaned and normalised the same way.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from pathlib import Path

from spacereader.model import Article, LoadError
from spacereader.sources import MARKDOWN_SUFFIXES

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


def decode(data: bytes, path: str, encoding: str | None) -> str | LoadError:
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
    meta, body = split_text(text, markdown=Path(path).suffix.lower() in MARKDOWN_SUFFIXES)
    return build_article(source_id, path, body, meta)


def split_text(text: str, *, markdown: bool) -> tuple[dict[str, str], str]:
    """(metadata, body text) of a text or Markdown article: its header block or front matter, a Markdown
    headline as the title, an inline date."""
    text = clean_text(text)
    title: str | None = None
    if markdown:
        meta, text = _split_front_matter(text)
        title, text = markdown_to_text(text, take_title="title" not in meta)
    else:
        meta, text = _split_header(text)
    inline = _INLINE_DATE.match(text)
    if inline:
        meta.setdefault("published", inline.group(1))
        text = text[inline.end() :]
    return {**meta, "title": meta.get("title") or title or ""}, text


def build_article(source_id: str, path: str, text: str, meta: dict[str, str]) -> Article | LoadError:
    """An `Article` from cleaned body text and its metadata (keys as in `HEADER_KEYS`' values)."""
    body = normalize_body(text)
    if not body:
        return LoadError(path, "no article text (only a header or markup)")
    return Article(
        id=source_id,
        path=path,
        body=body,
        sha256=hashlib.sha256(body.encode("utf-8")).hexdigest(),
        title=meta.get("title") or None,
        outlet=meta.get("outlet") or None,
        url=meta.get("url") or None,
        published=parse_date(meta.get("published") or ""),
        author=meta.get("author") or None,
        language=meta.get("language") or None,
    )
