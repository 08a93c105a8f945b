"""RSS and Atom feeds, read with feedparser: the items, newest first, each with its story or its link.

An item whose feed carries its full content (`content:encoded`, Atom `<content>`) is read from that
content; an item with only a summary is read from its link, fetched like any page. The result is a list
of plain dicts (what the cache keeps), newest first.
"""

from __future__ import annotations

import calendar
import re
from typing import Any
from urllib.parse import urljoin, urlsplit

EXTRACTOR_VERSION = "feed-1"
#: Content shorter than this many words is a teaser, not the story: the item's link is fetched instead.
MIN_CONTENT_WORDS = 60

_FEED_ROOT = re.compile(rb"<(?:[A-Za-z0-9_]+:)?(rss|feed|RDF)[\s>]")
_HTML_ROOT = re.compile(rb"<(?:!doctype\s+html|html)[\s>]", re.IGNORECASE)
_WORD = re.compile(r"\w+")


class FeedError(Exception):
    """Not a feed, or a feed with nothing in it; `str()` is the reason."""


def looks_like_feed(data: bytes, content_type: str | None = None) -> bool:
    """True when the body is an RSS, RDF or Atom document (by its root element, whatever the header says)."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if _HTML_ROOT.search(head[:512]):
        return False
    match = _FEED_ROOT.search(head)
    if match is None:
        return False
    kind = (content_type or "").split(";")[0].strip().lower()
    return kind in ("", "text/xml", "application/xml", "application/octet-stream", "text/plain") or any(
        word in kind for word in ("rss", "atom", "rdf", "xml")
    )


def parse_feed(data: bytes, url: str | None, limit: int) -> list[dict[str, Any]]:
    """The feed's items, newest first, at most `limit`: each {"link", "title", "published", "author", "content"}.

    `content` is the item's HTML when the feed carries the whole story, else None (read the link).
    """
    import feedparser

    parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=True, response_headers={})
    if not parsed.get("version") and not parsed.entries:
        reason = parsed.get("bozo_exception")
        raise FeedError(f"not a valid RSS or Atom feed ({reason})" if reason else "not a valid RSS or Atom feed")
    if not parsed.entries:
        raise FeedError("the feed has no items")
    feed_title = (parsed.feed.get("title") or "").strip() or None
    dated: list[tuple[tuple[float, int], dict[str, Any]]] = []
    for position, entry in enumerate(parsed.entries):
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        item = {
            "link": _link(entry, url),
            "title": (entry.get("title") or "").strip() or None,
            "published": _iso_date(stamp),
            "author": (entry.get("author") or "").strip() or None,
            "feed": feed_title,
            "content": _full_content(entry),
        }
        # Newest first; undated items after the dated ones, in feed order.
        dated.append(((calendar.timegm(stamp) if stamp else float("-inf"), -position), item))
    dated.sort(key=lambda pair: pair[0], reverse=True)
    items = [item for _key, item in dated]
    return items[: max(0, limit)]


def _link(entry: Any, base: str | None) -> str | None:
    candidates = [entry.get("link")]
    candidates += [link.get("href") for link in entry.get("links", ()) if link.get("rel", "alternate") == "alternate"]
    if entry.get("guidislink") or entry.get("id", "").startswith(("http://", "https://")):
        candidates.append(entry.get("id"))
    for candidate in candidates:
        if isinstance(candidate, str) and candidate.strip():
            absolute = urljoin(base or "", candidate.strip())
            if urlsplit(absolute).scheme.lower() in ("http", "https"):
                return absolute
    return None


def _full_content(entry: Any) -> str | None:
    """The item's own HTML when it is the story (long enough), not a teaser."""
    best = None
    for content in entry.get("content", ()):
        value = content.get("value") or ""
        if best is None or len(value) > len(best):
            best = value
    if best and len(_WORD.findall(re.sub(r"<[^>]*>", " ", best))) >= MIN_CONTENT_WORDS:
        return best
    return None


def _iso_date(stamp: Any) -> str | None:
    if not stamp:
        return None
    try:
        return f"{stamp.tm_year:04d}-{stamp.tm_mon:02d}-{stamp.tm_mday:02d}"
    except AttributeError:
        return None
