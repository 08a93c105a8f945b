"""Web addresses, saved pages and feeds into article drafts: fetching (a few at once), the cache, extraction.

`read_web` takes the web inputs of one load, in order (URLs, and the bytes of local `.html` and feed
files) and returns, for each, its drafts (one for a page, one per item for a feed) and the problems met
on the way, each a `LoadError` naming the URL or file and the reason. Nothing here raises for a bad
input. Fetches run in a small thread pool sharing one httpx client; a feed's items are fetched in a
second round. Progress is reported as ("fetching", done, total).

The cache (`spacereader.sources.cache`) answers first: a fresh entry is used as it is, a stale one is
revalidated with its ETag / Last-Modified, and with `offline` nothing but the cache is read. When the
network cannot be reached at all and a copy is cached, the copy is used and a warning says so. What
the extractor made of a cached body is cached too, so a cached page opens without parsing it again.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import html
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from spacereader.model import LoadError
from spacereader.sources.cache import Entry, WebCache, default_cache_dir
from spacereader.sources.files import Input
from spacereader.sources.options import WebOptions

#: Fetches at once: enough to overlap the waiting, few enough to be polite to one site.
WORKERS = 4
ALLOWED_SCHEMES = ("http", "https")

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True, slots=True)
class Draft:
    """One article's text and metadata before it has a source id: `meta` keys as `text.build_article` takes."""

    path: str
    text: str
    meta: dict[str, str]


@dataclass(slots=True)
class Outcome:
    """What one input gave: its drafts in order, and its problems (warnings when drafts came all the same)."""

    drafts: list[Draft] = field(default_factory=list)
    problems: list[LoadError] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Fetched:
    """A body from the network or the cache; `warning` when the network failed and the cache stood in."""

    entry: Entry
    warning: str | None = None


def address_problem(url: str) -> str | None:
    """Why `url` is not an address we may fetch (only http and https, with a host), or None."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError as error:
        return f"not a valid web address ({error})"
    if parts.scheme.lower() not in ALLOWED_SCHEMES:
        return f"only http and https addresses are fetched, not {parts.scheme or 'a relative'}: addresses"
    if not host:
        return "the address has no host name"
    return None


def earlier_text(url: str, options: WebOptions) -> tuple[str, float] | None:
    """The story as it read before the page at `url` last changed, and when that version was fetched;
    None when the cache keeps no earlier version (or it has no story). Reads only the cache."""
    from spacereader.sources.page import PageError, decode_page, extract_page
    from spacereader.sources.text import normalize_body

    entry = WebCache(default_cache_dir(options.cache_dir)).get(url)
    if entry is None or entry.previous is None or entry.previous_fetched is None:
        return None
    html, _warning = decode_page(entry.previous, entry.headers.get("content-type"))
    try:
        found = extract_page(html, entry.final_url)
    except PageError:
        return None
    return normalize_body(found["body"]), entry.previous_fetched


def read_web(inputs: Sequence[str | Input], options: WebOptions, progress: Progress | None = None) -> list[Outcome]:
    """One `Outcome` per input (a URL, or a local page or feed file's bytes), in the order given."""
    session = _Session(options, progress)
    try:
        return session.run(inputs)
    finally:
        session.close()


class _Session:
    def __init__(self, options: WebOptions, progress: Progress | None) -> None:
        self.options = options
        self.cache = WebCache(default_cache_dir(options.cache_dir))
        self._progress = progress
        self._client: Any = None
        self._lock = threading.Lock()
        self._done = 0
        self._total = 0

    # ── the two rounds ──

    def run(self, inputs: Sequence[str | Input]) -> list[Outcome]:
        self._add_work(len(inputs))
        with ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="spacereader-fetch") as pool:
            firsts = list(pool.map(self._read_input, inputs))
            # Second round: the items of feeds that give only their link, fetched like pages.
            pending = [
                (number, position, item) for number, (_r, links) in enumerate(firsts) for position, item in links
            ]
            self._add_work(len(pending))
            seconds = list(pool.map(lambda job: self._read_item(job[2]), pending))
        placed: list[list[tuple[int, Draft | LoadError]]] = [results for results, _links in firsts]
        for (number, position, _item), result in zip(pending, seconds, strict=True):
            placed[number].append((position, result))
        outcomes = []
        for results in placed:
            results.sort(key=lambda pair: pair[0])  # a feed's items in feed order, its own problems first
            outcomes.append(
                Outcome(
                    drafts=[r for _p, r in results if isinstance(r, Draft)],
                    problems=[r for _p, r in results if isinstance(r, LoadError)],
                )
            )
        return outcomes

    def _read_input(self, item: str | Input) -> tuple[list[tuple[int, Draft | LoadError]], list[tuple[int, dict]]]:
        """(position, draft or problem) of one input, and the (position, feed item) pairs still to fetch.

        Positions order a feed's items; problems of the input itself come first (-1).
        """
        name = item.path if isinstance(item, Input) else item
        try:
            if isinstance(item, Input):
                if not item.data.strip():
                    return [(-1, LoadError(name, "empty file"))], []
                if b"\x00" in item.data:
                    return [(-1, LoadError(name, "binary file (contains NUL bytes), not a page or feed"))], []
                return self._read_body(name, item.data, None, None, entry=None)
            fetched = self._fetch(item)
            if isinstance(fetched, LoadError):
                return [(-1, fetched)], []
            notes: list[tuple[int, Draft | LoadError]] = []
            if fetched.warning:
                notes.append((-1, LoadError(name, fetched.warning, loaded=True)))
            entry = fetched.entry
            kind = _kind(entry)
            if isinstance(kind, LoadError):
                return [*notes, (-1, kind)], []
            results, links = self._read_body(
                name, entry.body, entry.final_url, entry.headers.get("content-type"), entry
            )
            return notes + results, links
        except Exception as error:  # a bug or a library's surprise costs one input, not the whole load
            return [(-1, LoadError(name, f"could not be read ({type(error).__name__}: {error})"))], []
        finally:
            self._step()

    def _read_body(
        self, name: str, data: bytes, final_url: str | None, content_type: str | None, entry: Entry | None
    ) -> tuple[list[tuple[int, Draft | LoadError]], list[tuple[int, dict]]]:
        from spacereader.sources.feed import looks_like_feed
        from spacereader.sources.page import looks_like_html

        if looks_like_feed(data, content_type):
            return self._feed(name, data, final_url, entry)
        kind = (content_type or "").split(";")[0].strip().lower()
        if kind in ("text/plain", "text/markdown") and not looks_like_html(data):
            return [(0, self._text(name, data, final_url, content_type, markdown=kind == "text/markdown"))], []
        draft, warning = self._page(name, data, final_url, content_type, entry)
        results: list[tuple[int, Draft | LoadError]] = [(-1, LoadError(name, warning, loaded=True))] if warning else []
        results.append((0, draft))
        return results, []

    def _read_item(self, item: dict[str, Any]) -> Draft | LoadError:
        """A feed item that gives only its link: the page there, with the item's title, date and author as fallbacks."""
        link = item["link"]
        try:
            fetched = self._fetch(link)
            if isinstance(fetched, LoadError):
                return fetched
            entry = fetched.entry
            kind = _kind(entry)
            if isinstance(kind, LoadError):
                return kind
            if kind == "feed":
                return LoadError(link, "the feed item links to another feed, not to a story")
            draft, _warning = self._page(link, entry.body, entry.final_url, entry.headers.get("content-type"), entry)
            if isinstance(draft, LoadError):
                return draft
            meta = dict(draft.meta)
            for key in ("title", "published", "author"):
                if not meta.get(key) and item.get(key):
                    meta[key] = item[key]
            return Draft(draft.path, draft.text, meta)
        except Exception as error:
            return LoadError(link, f"could not be read ({type(error).__name__}: {error})")
        finally:
            self._step()

    # ── fetching, through the cache ──

    def _fetch(self, url: str) -> _Fetched | LoadError:
        problem = address_problem(url)
        if problem:
            return LoadError(url, problem)
        cached = self.cache.get(url)
        if self.options.offline:
            if cached is None:
                return LoadError(url, "not in the cache (--offline reads only pages fetched before)")
            return _Fetched(cached)
        if cached is not None and cached.fresh(time.time()):
            return _Fetched(cached)
        # httpx is imported only now: a load served by the cache never pays for it.
        from spacereader.sources.fetch import FetchError, fetch

        try:
            response = fetch(
                self._http(),
                url,
                timeout=self.options.timeout,
                etag=cached.etag if cached else None,
                last_modified=cached.last_modified if cached else None,
            )
        except FetchError as error:
            if error.network and cached is not None:
                when = dt.datetime.fromtimestamp(cached.fetched).strftime("%Y-%m-%d %H:%M")
                return _Fetched(cached, f"{error}; using the copy fetched {when}")
            return LoadError(url, str(error))
        if response.status == 304 and cached is not None:
            return _Fetched(self.cache.confirm(cached, response.headers))
        if response.status == 304:
            return LoadError(url, "the server answered 304 Not Modified to a request without a cached copy")
        return _Fetched(self.cache.store(url, response.url, response.body, response.headers))

    def _http(self) -> Any:
        with self._lock:
            if self._client is None:
                from spacereader.sources.fetch import new_client

                self._client = new_client(self.options.timeout)
            return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()

    # ── pages and feeds ──

    def _page(
        self, name: str, data: bytes, final_url: str | None, content_type: str | None, entry: Entry | None
    ) -> tuple[Draft | LoadError, str | None]:
        """(the page's draft or why there is none, a charset warning or None)."""
        from spacereader.sources.page import EXTRACTOR_VERSION, PageError, decode_page, extract_page

        found = entry.extraction(EXTRACTOR_VERSION) if entry is not None else None
        warning: str | None = None
        if found is None:
            html, warning = decode_page(data, content_type)
            try:
                found = extract_page(html, final_url)
            except PageError as error:
                return LoadError(name, str(error)), warning
            found["warning"] = warning
            if entry is not None:
                self.cache.remember_extraction(entry, EXTRACTOR_VERSION, found)
        else:
            warning = found.get("warning")
        meta = {
            key: found[key] for key in ("title", "outlet", "url", "published", "author", "language") if found.get(key)
        }
        return Draft(name, found["body"], meta), warning

    def _text(
        self, name: str, data: bytes, final_url: str | None, content_type: str | None, *, markdown: bool
    ) -> Draft | LoadError:
        """A text or Markdown article served as such: read as a local .txt or .md file is."""
        from spacereader.sources.page import decode_page
        from spacereader.sources.text import split_text

        text, _warning = decode_page(data, content_type)
        meta, body = split_text(text, markdown=markdown)
        if final_url and not meta.get("url"):
            meta["url"] = final_url
        return Draft(name, body, {key: value for key, value in meta.items() if value})

    def _feed(
        self, name: str, data: bytes, final_url: str | None, entry: Entry | None
    ) -> tuple[list[tuple[int, Draft | LoadError]], list[tuple[int, dict]]]:
        from spacereader.sources.feed import EXTRACTOR_VERSION, FeedError, parse_feed

        items = entry.extraction(EXTRACTOR_VERSION) if entry is not None else None
        if items is None:
            try:
                items = parse_feed(data, final_url, limit=10_000)
            except FeedError as error:
                return [(-1, LoadError(name, str(error)))], []
            if entry is not None:
                self.cache.remember_extraction(entry, EXTRACTOR_VERSION, items)
        results: list[tuple[int, Draft | LoadError]] = []
        links: list[tuple[int, dict]] = []
        for position, item in enumerate(items[: self.options.feed_limit]):
            if item.get("content"):
                results.append((position, self._content_draft(name, item)))
            elif item.get("link"):
                links.append((position, item))
            else:
                title = item.get("title") or f"number {position + 1}"
                results.append((position, LoadError(name, f"feed item {title!r} has neither its story nor a link")))
        return results, links

    def _content_draft(self, name: str, item: dict[str, Any]) -> Draft | LoadError:
        from spacereader.sources.page import PageError, extract_page

        link = item.get("link")
        title = item.get("title") or ""
        page = f"<html><head><title>{html.escape(title)}</title></head><body><article>{item['content']}</article></body></html>"
        try:
            found = extract_page(page, link)
        except PageError as error:
            return LoadError(link or name, str(error))
        meta = {
            "title": item.get("title") or found.get("title") or "",
            "outlet": item.get("feed") or found.get("outlet") or "",
            "url": link or "",
            "published": item.get("published") or found.get("published") or "",
            "author": item.get("author") or found.get("author") or "",
        }
        return Draft(link or name, found["body"], {k: v for k, v in meta.items() if v})

    # ── progress ──

    def _add_work(self, count: int) -> None:
        with self._lock:
            self._total += count
        self._report()

    def _step(self) -> None:
        with self._lock:
            self._done += 1
        self._report()

    def _report(self) -> None:
        if self._progress is not None:
            with self._lock:
                done, total = self._done, self._total
            with contextlib.suppress(Exception):  # a progress display must never stop a load
                self._progress("fetching", done, total)


_NOT_ARTICLES = (
    "image/",
    "audio/",
    "video/",
    "font/",
    "application/pdf",
    "application/zip",
    "application/octet-stream",
)
_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"RIFF", "a media file"),
)


def _kind(entry: Entry) -> str | LoadError:
    """Whether a fetched body is a "page" or a "feed", or why it is neither."""
    from spacereader.sources.feed import looks_like_feed

    content_type = entry.headers.get("content-type", "")
    kind = content_type.split(";")[0].strip().lower()
    head = entry.body[:16]
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return LoadError(entry.url, f"not a web page or feed: the response is {what} ({kind or 'no content type'})")
    if not entry.body.strip():
        return LoadError(entry.url, "the server sent an empty page")
    if looks_like_feed(entry.body, content_type):
        return "feed"
    if kind.startswith(_NOT_ARTICLES):
        return LoadError(entry.url, f"not a web page or feed ({kind})")
    if b"\x00" in entry.body[:4096]:
        return LoadError(entry.url, f"not a web page or feed: binary content ({kind or 'no content type'})")
    if kind and kind not in (
        "text/html",
        "application/xhtml+xml",
        "text/plain",
        "text/markdown",
        "application/xml",
        "text/xml",
    ):
        return LoadError(entry.url, f"not a web page or feed ({kind})")
    return "page"
