"""Fetching one web address politely, with httpx: the rules a reader of other people's sites keeps.

- Only http and https, redirects included: each redirect is checked before it is followed, so a
  `Location: file:///etc/passwd` is refused, never opened; at most `MAX_REDIRECTS`, and a loop is named.
- One response is at most `MAX_BYTES`, read as a stream and dropped as soon as it grows past that.
- One deadline for the whole fetch (connecting, redirects, reading): a server that drips bytes cannot
  hold a load for longer than `timeout` seconds.
- A User-Agent that says what is asking (spacereader and its version), and conditional requests
  (If-None-Match / If-Modified-Since) when the cache holds a copy.

Every failure is a `FetchError` whose message is the reason in words a user can act on.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from spacereader import __version__
from spacereader.sources.files import MAX_BYTES
from spacereader.sources.web import ALLOWED_SCHEMES, address_problem

MAX_REDIRECTS = 10
USER_AGENT = f"spacereader/{__version__} (terminal reader comparing news coverage; python-httpx)"
ACCEPT = "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5"
#: Headers kept from a response: what the cache needs to revalidate and to judge freshness.
KEPT_HEADERS = ("content-type", "etag", "last-modified", "cache-control", "expires", "date")


class FetchError(Exception):
    """A fetch that failed; `str()` is the reason (the caller names the URL)."""

    def __init__(self, reason: str, *, network: bool = False) -> None:
        super().__init__(reason)
        #: The network could not be reached at all (DNS, refused, timeout): a cached copy may stand in.
        self.network = network


@dataclass(frozen=True, slots=True)
class Response:
    """A final response: 200 with its body, or 304 (the cached copy is still current) with none."""

    url: str
    status: int
    headers: dict[str, str]
    body: bytes


def new_client(timeout: float) -> httpx.Client:
    """One client for a load: its connection pool is shared by the threads that fetch at once."""
    return httpx.Client(
        headers={"User-Agent": USER_AGENT, "Accept": ACCEPT, "Accept-Language": "*"},
        timeout=httpx.Timeout(timeout),
        follow_redirects=False,  # each hop is checked here (scheme, loops, count)
        limits=httpx.Limits(max_connections=8, max_keepalive_connections=4),
    )


def fetch(
    client: httpx.Client,
    url: str,
    *,
    timeout: float,
    etag: str | None = None,
    last_modified: str | None = None,
    max_bytes: int = MAX_BYTES,
) -> Response:
    """GET `url`, following at most `MAX_REDIRECTS` http(s) redirects, within `timeout` seconds in all."""
    deadline = time.monotonic() + timeout
    visited: list[str] = []
    problem = address_problem(url)
    if problem:
        raise FetchError(problem)
    current = url
    conditional = {}
    if etag:
        conditional["If-None-Match"] = etag
    if last_modified:
        conditional["If-Modified-Since"] = last_modified
    while True:
        if time.monotonic() > deadline:
            raise FetchError(f"timed out after {timeout:g} s", network=True)
        visited.append(current)
        response = _send(client, current, conditional, timeout)
        try:
            if response.status_code == 304:
                return Response(current, 304, _kept(response.headers), b"")
            if response.has_redirect_location:
                location = response.headers["location"]
                target = urljoin(current, location.strip())
                scheme = urlsplit(target).scheme.lower()
                if scheme not in ALLOWED_SCHEMES:
                    raise FetchError(f"redirected to a {scheme or 'non-web'}: address ({target}), not followed")
                if target in visited:
                    raise FetchError(f"redirect loop ({' → '.join([*visited[visited.index(target) :], target])})")
                if len(visited) > MAX_REDIRECTS:
                    raise FetchError(f"more than {MAX_REDIRECTS} redirects")
                current = target
                continue
            if response.status_code >= 400:
                phrase = response.reason_phrase or httpx.codes.get_reason_phrase(response.status_code)
                raise FetchError(f"HTTP {response.status_code} {phrase}".rstrip())
            if response.status_code != 200:
                raise FetchError(f"unexpected HTTP status {response.status_code}")
            body = _read_capped(response, max_bytes, deadline, timeout)
            return Response(current, 200, _kept(response.headers), body)
        except httpx.HTTPError as error:
            raise _network_error(error, current, timeout) from None
        finally:
            response.close()


def _send(client: httpx.Client, url: str, headers: dict[str, str], timeout: float) -> httpx.Response:
    """Send a GET; once more when a kept-alive connection turns out to have been closed by the server
    (as browsers do: the request never reached it, and a GET may be repeated)."""
    for attempt in (1, 2):
        try:
            return client.send(client.build_request("GET", url, headers=headers), stream=True)
        except httpx.RemoteProtocolError as error:
            if attempt == 2:
                raise _network_error(error, url, timeout) from None
        except httpx.HTTPError as error:
            raise _network_error(error, url, timeout) from None
    raise AssertionError("unreachable")


def _read_capped(response: httpx.Response, max_bytes: int, deadline: float, timeout: float) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(f"response is {int(declared) / 1e6:.1f} MB, over the {max_bytes // 1_000_000} MB limit")
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(f"response is over the {max_bytes // 1_000_000} MB limit")
        chunks.append(chunk)
        if time.monotonic() > deadline:
            raise FetchError(f"timed out after {timeout:g} s (the page was still arriving)", network=True)
    return b"".join(chunks)


def _kept(headers: httpx.Headers) -> dict[str, str]:
    return {name: headers[name] for name in KEPT_HEADERS if name in headers}


_DNS_HINTS = (
    "name or service not known",
    "nodename nor servname",
    "name resolution",
    "no address associated",
    "getaddrinfo",
)


def _network_error(error: httpx.HTTPError, url: str, timeout: float) -> FetchError:
    """The reason a request failed, said the way a user thinks of it."""
    host = urlsplit(url).hostname or url
    text = str(error).lower()
    if isinstance(error, httpx.TimeoutException):
        return FetchError(f"timed out after {timeout:g} s", network=True)
    if isinstance(error, httpx.ConnectError):
        if any(hint in text for hint in _DNS_HINTS) or "errno -2" in text or "errno -3" in text:
            return FetchError(f"cannot find the host {host} (DNS lookup failed)", network=True)
        if "refused" in text:
            return FetchError(f"connection refused by {host}", network=True)
        if "certificate" in text or "ssl" in text:
            return FetchError(f"secure connection to {host} failed ({error})")
        return FetchError(f"cannot connect to {host} ({error})", network=True)
    if isinstance(error, httpx.RemoteProtocolError):
        return FetchError(f"the server broke the connection ({error})")
    if isinstance(error, httpx.UnsupportedProtocol | httpx.InvalidURL):
        return FetchError(f"not a valid web address ({error})")
    return FetchError(f"{type(error).__name__}: {error}" if str(error) else type(error).__name__, network=True)
