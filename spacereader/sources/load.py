"""Every input into `Article`s: files, directories, standard input, web addresses, saved pages and feeds.

`load_paths` keeps the order of the inputs (a directory's files sorted by name, a feed's items newest
first) and gives each article a source id that is unique in the load. Text and Markdown files are
read here; web addresses, `.html`/`.htm` files and feeds go to `spacereader.sources.web`, imported only
when an input needs it, so reading local text never pays for the web libraries.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from spacereader.model import Article, LoadError
from spacereader.sources import FEED_SUFFIXES, MARKDOWN_SUFFIXES, PAGE_SUFFIXES, TEXT_SUFFIXES, is_url
from spacereader.sources.files import Input, expand
from spacereader.sources.options import WebOptions
from spacereader.sources.text import build_article, decode, parse_article

if TYPE_CHECKING:
    from spacereader.sources.web import Outcome

_SLUG = re.compile(r"[^a-z0-9]+")
_OTHER_SCHEME = re.compile(r"\A[A-Za-z][A-Za-z0-9+.-]*://")


@dataclass(frozen=True, slots=True)
class _Web:
    """An input for the web layer: a URL, or a local page or feed."""

    item: str | Input


def is_web_input(path: str) -> bool:
    """True for an input the web layer reads: a URL, or a file named as a saved page or a feed."""
    return is_url(path) or Path(path).suffix.lower() in PAGE_SUFFIXES | FEED_SUFFIXES


def _needs_web(item: Input) -> bool:
    suffix = Path(item.path).suffix.lower()
    if suffix in PAGE_SUFFIXES | FEED_SUFFIXES:
        return True
    if suffix in MARKDOWN_SUFFIXES | TEXT_SUFFIXES:
        return False
    # Standard input or a file without a known suffix: read it as what its content is.
    from spacereader.sources.feed import looks_like_feed
    from spacereader.sources.page import looks_like_html

    return looks_like_html(item.data) or looks_like_feed(item.data)


def source_id_for(path: str) -> str:
    if path == "<stdin>":
        return "stdin"
    return Path(path).stem or "article"


def web_source_id(url: str) -> str:
    """A slug of the host and the last path segment: `apnews-com-titan-sub-implosion`."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "web"
    host = (parts.hostname or "").removeprefix("www.")
    # The last segment that names something: not "index.html", not a bare number from a dated path.
    stems = [Path(segment).stem for segment in parts.path.split("/") if segment]
    named = [stem for stem in stems if stem.lower() not in ("index", "default") and not stem.isdigit()]
    last = named[-1] if named else (stems[-1] if stems else "")
    slug = _SLUG.sub("-", f"{host} {last}".lower()).strip("-")
    return slug[:80].rstrip("-") or "web"


def load_paths(
    paths: Iterable[str],
    *,
    encoding: str | None = None,
    stdin: bytes | None = None,
    web: WebOptions | None = None,
    progress: Callable[[str, int, int], None] | None = None,
    taken: Iterable[str] = (),
) -> tuple[tuple[Article, ...], tuple[LoadError, ...]]:
    """Load every input; return the articles and the problems, in input order.

    A file reached twice (named, and inside a named directory) is read once, as is a web address given
    twice or an article whose canonical URL was already loaded. `taken`: source ids already in use.
    """
    slots: list[Input | LoadError | _Web] = []
    seen: set[str] = set()
    for raw in paths:
        items: list[Input | LoadError | _Web]
        if is_url(raw.strip()):
            items = [_Web(raw.strip())]
        elif _OTHER_SCHEME.match(raw):
            scheme = raw.split(":", 1)[0]
            items = [LoadError(raw, f"only http:// and https:// addresses are read, not {scheme}://")]
        else:
            items = list(expand(raw, stdin))
        for item in items:
            if isinstance(item, _Web):
                identity = str(item.item)
            else:
                identity = item.path if item.path == "<stdin>" else os.path.realpath(item.path)
            if identity in seen:
                continue
            seen.add(identity)
            slots.append(_Web(item) if isinstance(item, Input) and _needs_web(item) else item)

    outcomes: dict[int, Outcome] = {}
    web_slots = {n: slot.item for n, slot in enumerate(slots) if isinstance(slot, _Web)}
    if web_slots:
        from spacereader.sources.web import read_web

        found = read_web(list(web_slots.values()), web or WebOptions(), progress)
        outcomes = dict(zip(web_slots, found, strict=True))

    articles: list[Article] = []
    errors: list[LoadError] = []
    taken_ids = set(taken)
    urls: set[str] = set()

    def new_id(stem: str) -> str:
        source_id, suffix = stem, 1
        while source_id in taken_ids:
            suffix += 1
            source_id = f"{stem}-{suffix}"
        taken_ids.add(source_id)
        return source_id

    for number, slot in enumerate(slots):
        if isinstance(slot, LoadError):
            errors.append(slot)
        elif isinstance(slot, Input):
            text = decode(slot.data, slot.path, encoding)
            if isinstance(text, LoadError):
                errors.append(text)
                continue
            article = parse_article(new_id(source_id_for(slot.path)), slot.path, text)
            if isinstance(article, LoadError):
                errors.append(article)
            else:
                articles.append(article)
        else:
            outcome = outcomes[number]
            errors.extend(outcome.problems)
            local = isinstance(slot.item, Input)
            drafts = outcome.drafts
            for position, draft in enumerate(drafts):
                url = draft.meta.get("url")
                if url and url in urls:
                    continue  # the same article reached twice (a redirect, a feed item also named)
                if local and len(drafts) == 1:
                    stem = source_id_for(draft.path)
                elif url or is_url(draft.path):
                    stem = web_source_id(url or draft.path)
                else:
                    stem = f"{source_id_for(draft.path)}-{position + 1}"
                article = build_article(new_id(stem), draft.path, draft.text, draft.meta)
                if isinstance(article, LoadError):
                    errors.append(article)
                    continue
                if url:
                    urls.add(url)
                articles.append(article)
    return tuple(articles), tuple(errors)
