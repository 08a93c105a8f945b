"""A web page's story and metadata, extracted with trafilatura.

trafilatura finds the main text (paragraphs only: navigation, cookie banners, share buttons, related
links, comments, newsletter and paywall boxes and scripts are left out) and reads the metadata from
JSON-LD, Open Graph and meta tags (htmldate finds the date). What it does not give, the page's
language, is read here from the same three places. The result is a plain `dict` of text and metadata
(what the cache keeps), turned into an `Article` by the caller.
"""

from __future__ import annotations

import codecs
import json
import re
from typing import Any
from urllib.parse import urljoin, urlsplit

from spacereader.sources.text import clean_text

#: Bumped whenever the extraction below changes what it returns: cached extractions are then redone.
EXTRACTOR_VERSION = "page-1"
#: Fewer words than this is not an article: a paywall stub, a cookie wall, an app shell awaiting JavaScript.
MIN_WORDS = 30

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_HTML_START = re.compile(
    rb"(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)[\s>]", re.IGNORECASE | re.DOTALL
)
_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>", re.IGNORECASE)
_WORD = re.compile(r"\w+")
_LATIN_GUESSES = frozenset(
    {"cp1250", "cp1252", "latin_1", "iso8859_2", "iso8859_15", "mac_roman", "cp850", "mac_latin2"}
)


class PageError(Exception):
    """The page has no story to read; `str()` is the reason."""


def looks_like_html(data: bytes) -> bool:
    """True when a body starts as an HTML document does (after a BOM, white space and comments)."""
    return bool(_HTML_START.match(data[:2048]))


def declared_charset(content_type: str | None, data: bytes) -> str | None:
    """The charset the response header declares, else the one a <meta> in the first 2 KB declares."""
    if content_type:
        for part in content_type.split(";")[1:]:
            name, _, value = part.partition("=")
            if name.strip().lower() == "charset" and value.strip(" \"'"):
                return value.strip(" \"'")
    match = _META_CHARSET.search(data[:2048])
    return match.group(1).decode("ascii") if match else None


def decode_page(data: bytes, content_type: str | None = None) -> tuple[str, str | None]:
    """(text, warning): decoded with the declared charset, or, when that is wrong or unknown, a detected one.

    The warning (None when all went well) says what was wrong and what was used instead.
    """
    declared = declared_charset(content_type, data)
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace"), None
    problem: str | None = None
    if declared:
        if codecs.lookup(declared).name != "utf-8" if _known(declared) else False:
            # Bytes that are valid UTF-8 with non-ASCII in them are UTF-8, whatever the label says: text in a
            # single-byte charset almost never is. Read as labelled, they would be mojibake ("ZÃ¼rich").
            try:
                if not data.isascii():
                    text = data.decode("utf-8")
                    return text, f"declared charset {declared} is wrong (the page is UTF-8); read as utf-8"
            except UnicodeDecodeError:
                pass
        try:
            return data.decode(declared), None
        except LookupError:
            problem = f"unknown charset {declared!r}"
        except UnicodeDecodeError as error:
            problem = f"declared charset {declared} is wrong (byte 0x{data[error.start]:02x} at offset {error.start})"
    else:
        try:
            return data.decode("utf-8"), None
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    encoding = best.encoding if best is not None else "cp1252"
    if encoding in _LATIN_GUESSES:
        # Between the Latin single-byte charsets a detector can only guess; Windows-1252 is what a
        # mislabelled Western page almost always is (browsers read a "latin-1" label as it, too).
        try:
            data.decode("cp1252")
            encoding = "cp1252"
        except UnicodeDecodeError:
            pass
    text = data.decode(encoding, errors="replace")
    return text, (f"{problem}; read as {encoding}" if problem else None)


def _known(charset: str) -> bool:
    try:
        codecs.lookup(charset)
    except LookupError:
        return False
    return True


def extract_page(html: str, url: str | None) -> dict[str, Any]:
    """The story and metadata of a page; PageError when there is no story. `url`: where it came from."""
    from trafilatura import bare_extraction
    from trafilatura.utils import load_html

    tree = load_html(_XML_DECLARATION.sub("", html, count=1))
    if tree is None:
        raise PageError("not a readable HTML page")
    language = _language(tree)
    document = bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        favor_precision=True,
        deduplicate=False,
    )
    found: dict[str, Any] = document.as_dict() if document is not None and hasattr(document, "as_dict") else {}
    title = _one_line(found.get("title"))
    lines = [clean_text(line).strip() for line in (found.get("text") or "").split("\n")]
    lines = [line for line in lines if line]
    if lines and title and lines[0] == title:  # the headline, repeated at the top of the story
        lines = lines[1:]
    words = sum(len(_WORD.findall(line)) for line in lines)
    if words < MIN_WORDS:
        what = f"only {words} words of text" if words else "no article text"
        raise PageError(f"nothing to read: {what} (a paywall, a cookie wall or a page that needs JavaScript?)")
    canonical = _web_url(found.get("url"), url)
    outlet = _one_line(found.get("sitename"))
    if not outlet:
        host = urlsplit(canonical or url or "").hostname
        outlet = host.removeprefix("www.") if host else None
    return {
        "body": "\n\n".join(lines),
        "title": title,
        "outlet": outlet,
        "url": canonical,
        "published": found.get("date") or None,
        "author": _one_line(found.get("author")),
        "language": language,
    }


def _one_line(value: Any) -> str | None:
    if not value or not isinstance(value, str):
        return None
    text = " ".join(clean_text(value).split())
    return text or None


def _web_url(found: Any, base: str | None) -> str | None:
    """The page's canonical URL made absolute, if it is an http(s) address; else where it came from."""
    if isinstance(found, str) and found.strip():
        absolute = urljoin(base or "", found.strip())
        if urlsplit(absolute).scheme.lower() in ("http", "https"):
            return absolute
    if base and urlsplit(base).scheme.lower() in ("http", "https"):
        return base
    return None


def _language(tree: Any) -> str | None:
    """The page's language: JSON-LD inLanguage, <html lang>, Content-Language meta, og:locale."""
    for script in tree.xpath('//script[@type="application/ld+json"]/text()'):
        found = _ld_language(script)
        if found:
            return found
    for query in (
        "/html/@lang",
        "/html/@xml:lang",
        '//meta[translate(@http-equiv, "CONTENT-LANGUAGE", "content-language")="content-language"]/@content',
        '//meta[@property="og:locale"]/@content',
    ):
        values = [v.strip() for v in tree.xpath(query) if isinstance(v, str) and v.strip()]
        if values:
            return values[0].replace("_", "-")[:35]
    return None


def _ld_language(script: str) -> str | None:
    try:
        data = json.loads(script)
    except ValueError:
        return None
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            value = item.get("inLanguage")
            if isinstance(value, str) and value.strip():
                return value.strip()[:35]
            stack.extend(v for v in item.values() if isinstance(v, list | dict))
    return None
