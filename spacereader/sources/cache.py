"""The web cache: every fetched page or feed, kept on disk for revalidation and offline reading.

Where: `--cache-dir DIR`, else `SPACEREADER_CACHE_DIR`, else platformdirs' user cache dir, in `web/`.
One entry per requested URL (its sha256 names the files):

- `<key>.body`: the response body as received;
- `<key>.previous`: the body before the page last changed (so a change can be shown, and annotations
  made on the earlier text can be explained);
- `<key>.json`: the URL and the final URL after redirects, the headers that matter (content type,
  ETag, Last-Modified, Cache-Control, Expires), when it was fetched and last confirmed current, the
  sha256 of both bodies, and what was extracted from the body (so a cached page opens without
  running the extractor again).

Files are replaced atomically, the body before the JSON that names it; an entry whose JSON cannot be
read or whose body does not match its recorded sha256 is treated as absent, never as an error.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import time
from dataclasses import dataclass, field, replace
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

FORMAT = 1


def default_cache_dir(override: str | None = None) -> Path:
    """`override`, else SPACEREADER_CACHE_DIR, else platformdirs' user cache dir; the web cache is its `web/`."""
    base = override or os.environ.get("SPACEREADER_CACHE_DIR")
    if base:
        return Path(base).expanduser() / "web"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("spacereader", appauthor=False)) / "web"


@dataclass(frozen=True, slots=True)
class Entry:
    """One cached response. Times are seconds since the epoch."""

    url: str
    final_url: str
    body: bytes
    headers: dict[str, str]
    fetched: float
    checked: float
    previous: bytes | None = None
    previous_fetched: float | None = None
    #: What the extractor made of `body`: {"version": ..., "sha256": body digest, "data": ...}.
    extracted: dict[str, Any] | None = field(default=None, compare=False)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.body).hexdigest()

    @property
    def etag(self) -> str | None:
        return self.headers.get("etag")

    @property
    def last_modified(self) -> str | None:
        return self.headers.get("last-modified")

    def fresh(self, now: float) -> bool:
        """Still current by the server's own word (Cache-Control max-age, else Expires), without asking."""
        control = self.headers.get("cache-control", "").lower()
        directives = {part.strip().split("=", 1)[0]: part.strip() for part in control.split(",") if part.strip()}
        if "no-cache" in directives or "no-store" in directives or "must-revalidate" in directives:
            return False
        for name in ("s-maxage", "max-age"):
            if name in directives and "=" in directives[name]:
                try:
                    return now < self.checked + float(directives[name].split("=", 1)[1].strip('" '))
                except ValueError:
                    return False
        expires = self.headers.get("expires")
        if expires:
            try:
                return now < parsedate_to_datetime(expires).timestamp()
            except (TypeError, ValueError, IndexError, OverflowError):
                return False
        return False

    def extraction(self, version: str) -> Any:
        """The cached extraction of this body by extractor `version`, or None."""
        found = self.extracted
        if isinstance(found, dict) and found.get("version") == version and found.get("sha256") == self.sha256:
            return found.get("data")
        return None


class WebCache:
    """The entries under one directory. Reading never raises; writing failures are swallowed (it is a cache)."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def _files(self, url: str) -> tuple[Path, Path, Path]:
        key = hashlib.sha256(url.encode("utf-8")).hexdigest()[:40]
        return (self.directory / f"{key}.json", self.directory / f"{key}.body", self.directory / f"{key}.previous")

    def get(self, url: str) -> Entry | None:
        meta_path, body_path, previous_path = self._files(url)
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            if meta.get("format") != FORMAT or meta.get("url") != url:
                return None
            body = body_path.read_bytes()
            if hashlib.sha256(body).hexdigest() != meta["sha256"]:
                return None  # a write was interrupted between the body and its JSON
            previous = None
            if meta.get("previous_sha256"):
                with contextlib.suppress(OSError):
                    data = previous_path.read_bytes()
                    previous = data if hashlib.sha256(data).hexdigest() == meta["previous_sha256"] else None
            headers = meta.get("headers") or {}
            return Entry(
                url=url,
                final_url=str(meta.get("final_url") or url),
                body=body,
                headers={str(k): str(v) for k, v in headers.items()},
                fetched=float(meta["fetched"]),
                checked=float(meta.get("checked") or meta["fetched"]),
                previous=previous,
                previous_fetched=float(meta["previous_fetched"]) if previous is not None else None,
                extracted=meta.get("extracted"),
            )
        except Exception:  # missing, unreadable, damaged, or from another version: as if absent
            return None

    def store(self, url: str, final_url: str, body: bytes, headers: dict[str, str], now: float | None = None) -> Entry:
        """A new response for `url`; when its body differs from the cached one, that one becomes `previous`."""
        now = time.time() if now is None else now
        old = self.get(url)
        if old is not None and old.body == body:
            entry = replace(old, final_url=final_url, headers=headers, checked=now)
        elif old is not None:
            entry = Entry(url, final_url, body, headers, now, now, previous=old.body, previous_fetched=old.fetched)
        else:
            entry = Entry(url, final_url, body, headers, now, now)
        self._write(entry, body_changed=old is None or old.body != body)
        return entry

    def confirm(self, entry: Entry, headers: dict[str, str], now: float | None = None) -> Entry:
        """The server said 304: the cached body is current; merge the new validators and freshness."""
        updated = replace(entry, headers={**entry.headers, **headers}, checked=time.time() if now is None else now)
        self._write(updated, body_changed=False)
        return updated

    def remember_extraction(self, entry: Entry, version: str, data: Any) -> Entry:
        updated = replace(entry, extracted={"version": version, "sha256": entry.sha256, "data": data})
        self._write(updated, body_changed=False)
        return updated

    def _write(self, entry: Entry, *, body_changed: bool) -> None:
        meta_path, body_path, previous_path = self._files(entry.url)
        meta = {
            "format": FORMAT,
            "url": entry.url,
            "final_url": entry.final_url,
            "sha256": entry.sha256,
            "headers": entry.headers,
            "fetched": entry.fetched,
            "checked": entry.checked,
            "previous_sha256": hashlib.sha256(entry.previous).hexdigest() if entry.previous is not None else None,
            "previous_fetched": entry.previous_fetched,
            "extracted": entry.extracted,
        }
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            if body_changed:
                if entry.previous is not None:
                    _write_atomic(previous_path, entry.previous)
                _write_atomic(body_path, entry.body)
            _write_atomic(meta_path, json.dumps(meta, ensure_ascii=False).encode("utf-8"))
        except (OSError, TypeError, ValueError):
            pass


def _write_atomic(path: Path, data: bytes) -> None:
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{time.monotonic_ns()}.tmp")
    try:
        temporary.write_bytes(data)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
