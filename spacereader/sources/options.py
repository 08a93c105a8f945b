"""How web inputs are read: the options of `--timeout`, `--offline`, `--cache-dir` and `--feed-limit`."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_TIMEOUT = 20.0
DEFAULT_FEED_LIMIT = 20


@dataclass(frozen=True, slots=True)
class WebOptions:
    """`timeout`: seconds for one fetch, redirects and reading included; `offline`: read only the cache;
    `cache_dir`: where the cache lives (None: SPACEREADER_CACHE_DIR, else the user cache dir);
    `feed_limit`: items read from one feed, newest first."""

    timeout: float = DEFAULT_TIMEOUT
    offline: bool = False
    cache_dir: str | None = None
    feed_limit: int = DEFAULT_FEED_LIMIT
