"""The sources layer: everything that turns an outside thing into an `Article`.

`files` reads local inputs, `text` turns text and Markdown into articles, `load` runs a whole load in
input order; the web layer (`web`: fetching in `fetch`, the cache in `cache`, pages in `page`, feeds in
`feed`) is imported only when an input is a web address, a saved page or a feed. Nothing in
`spacereader.engine` imports this package: the engine never touches a file or the network.
"""

from __future__ import annotations

# What kind of input a PATH is, known from its name alone: here, so that the reader's start-up can ask
# without importing the readers themselves.
STDIN = "-"
TEXT_SUFFIXES = frozenset({".txt", ".text"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
PAGE_SUFFIXES = frozenset({".html", ".htm"})
FEED_SUFFIXES = frozenset({".xml", ".rss", ".atom"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | PAGE_SUFFIXES | FEED_SUFFIXES


def is_url(text: str) -> bool:
    """An input that is fetched rather than read: it starts with http:// or https://."""
    return text[:8].lower().startswith(("http://", "https://"))
