"""A news site on 127.0.0.1 for the tests and benchmarks: our pages and feeds, and one route per bad case.

`NewsServer` runs the standard library's ThreadingHTTPServer in a thread on a free loopback port. Its
routes are a dict (path → `Route`) that a test may change while it runs (a page that changes, a new
route); `hits` counts the requests per path and `conditional` those that came with a validator. Nothing
here reaches beyond this machine.
"""

from __future__ import annotations

import hashlib
import socket
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from tests.webpages import STORIES, TEMPLATES, atom_feed, rss_feed, url_of

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n"


class _QuietServer(ThreadingHTTPServer):
    """A client that gave up (a timeout, a response over the cap) leaves a broken pipe behind: that is the
    test working, not an error to print into the output the tests read."""

    def handle_error(self, request, client_address) -> None:
        if isinstance(sys.exc_info()[1], OSError):
            return
        super().handle_error(request, client_address)


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    #: Seconds to wait between chunks of 1 KB (a slow server); 0 sends at once.
    drip: float = 0.0
    #: Send this many bytes of filler, in chunks, without a Content-Length (a response over the cap).
    stream: int = 0
    #: Answer 304 to a matching If-None-Match (an ETag is derived from the body).
    etag: bool = False


def closed_port() -> int:
    """A local port nothing listens on (bound, then closed): connecting to it is refused."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class NewsServer:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: Counter[str] = Counter()
        self.conditional: Counter[str] = Counter()
        self.agents: list[str] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:  # quiet
                pass

            def do_GET(self) -> None:
                path = self.path.split("?")[0]
                server.hits[path] += 1
                server.agents.append(self.headers.get("User-Agent", ""))
                route = server.routes.get(path)
                if route is None:
                    self._send(404, {"Content-Type": "text/html"}, b"<html><body><h1>Not found</h1></body></html>")
                    return
                headers = {"Content-Type": "text/html; charset=utf-8", **route.headers}
                if route.etag:
                    tag = '"' + hashlib.sha256(route.body).hexdigest()[:16] + '"'
                    headers["ETag"] = tag
                    if self.headers.get("If-None-Match"):
                        server.conditional[path] += 1
                        if self.headers.get("If-None-Match") == tag:
                            self._send(304, {"ETag": tag}, b"")
                            return
                if route.stream:
                    self.send_response(route.status)
                    for name, value in headers.items():
                        self.send_header(name, value)
                    self.send_header("Connection", "close")
                    self.end_headers()
                    chunk = b"<p>" + b"x" * 65_530 + b"</p>"
                    try:
                        for _ in range(route.stream // len(chunk) + 1):
                            self.wfile.write(chunk)
                    except OSError:
                        pass  # the client gave up at the cap, as it should
                    self.close_connection = True
                    return
                if route.drip:
                    self.send_response(route.status)
                    for name, value in headers.items():
                        self.send_header(name, value)
                    self.send_header("Content-Length", str(len(route.body)))
                    self.end_headers()
                    try:
                        for start in range(0, len(route.body), 1024):
                            self.wfile.write(route.body[start : start + 1024])
                            self.wfile.flush()
                            time.sleep(route.drip)
                    except OSError:
                        pass
                    self.close_connection = True
                    return
                self._send(route.status, headers, route.body)

            def _send(self, status: int, headers: dict[str, str], body: bytes) -> None:
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if body:
                    self.wfile.write(body)

        self._server = _QuietServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, name="news-server", daemon=True)

    def __enter__(self) -> NewsServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def url(self, path: str) -> str:
        return self.base + path

    def html(self, path: str, page: str, **options: object) -> str:
        self.routes[path] = Route(page.encode("utf-8"), **options)  # type: ignore[arg-type]
        return self.url(path)


#: Which template renders which story on the site (each form of metadata is served).
SITE_TEMPLATES = ("json-ld", "open-graph", "meta-tags", "json-ld", "open-graph")


def news_site() -> NewsServer:
    """The site: every story under its own path, in its template; feeds; and the bad cases under /bad/."""
    site = NewsServer()
    for story, template in zip(STORIES, SITE_TEMPLATES, strict=True):
        site.html(story.path, TEMPLATES[template](story, site.base), etag=True)
        # the same story in the other templates, for measuring extraction
        for name, render in TEMPLATES.items():
            site.html(f"/{name}{story.path}", render(story, site.base))
    ferries = list(STORIES[:3])
    feed_xml = "application/rss+xml; charset=utf-8"
    atom_xml = "application/atom+xml; charset=utf-8"
    site.routes["/feeds/rss-full.xml"] = Route(
        rss_feed(ferries, site.base, full_content=True).encode(), headers={"Content-Type": feed_xml}
    )
    site.routes["/feeds/rss-links.xml"] = Route(
        rss_feed(ferries, site.base, full_content=False).encode(), headers={"Content-Type": feed_xml}
    )
    site.routes["/feeds/atom-full.xml"] = Route(
        atom_feed(ferries, site.base, full_content=True).encode(), headers={"Content-Type": atom_xml}
    )
    site.routes["/feeds/atom-links.xml"] = Route(
        atom_feed(list(STORIES), site.base, full_content=False).encode(), headers={"Content-Type": atom_xml}
    )
    site.routes["/feeds/empty.xml"] = Route(
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title><link>http://x.test/</link>'
        b"<description>Nothing yet</description></channel></rss>",
        headers={"Content-Type": feed_xml},
    )
    # Redirects: one that lands on a story, a loop, a chain too long, and one to a file.
    site.routes["/go/ferry"] = Route(status=301, headers={"Location": STORIES[0].path})
    site.routes["/bad/loop-a"] = Route(status=302, headers={"Location": "/bad/loop-b"})
    site.routes["/bad/loop-b"] = Route(status=302, headers={"Location": "/bad/loop-a"})
    for hop in range(12):
        site.routes[f"/bad/hop-{hop}"] = Route(status=302, headers={"Location": f"/bad/hop-{hop + 1}"})
    site.routes["/bad/to-file"] = Route(status=302, headers={"Location": "file:///etc/passwd"})
    site.routes["/bad/404"] = Route(b"<html><body>Gone</body></html>", status=404)
    site.routes["/bad/500"] = Route(b"<html><body>Oops</body></html>", status=500)
    site.routes["/bad/huge"] = Route(stream=21_000_000)
    site.routes["/bad/slow"] = Route(TEMPLATES["json-ld"](STORIES[3], site.base).encode(), drip=0.4)
    site.routes["/bad/image.png"] = Route(PNG, headers={"Content-Type": "image/png"})
    site.routes["/bad/report.pdf"] = Route(PDF, headers={"Content-Type": "application/pdf"})
    site.routes["/bad/lying.html"] = Route(PDF, headers={"Content-Type": "text/html"})
    site.routes["/bad/paywall"] = Route(
        b"<html><head><title>Budget leaks | The Ledger</title></head><body><nav><a href='/'>Home</a></nav>"
        b"<article><h1>Budget leaks</h1><p>This article is for subscribers only.</p>"
        b"<div class='paywall'><p>Subscribe to continue reading.</p><a href='/subscribe'>Subscribe</a></div>"
        b"</article></body></html>"
    )
    site.routes["/bad/app-shell"] = Route(
        b"<!doctype html><html><head><title>News</title><script src='/static/app.3f9a.js'></script></head>"
        b"<body><div id='root'></div><noscript>You need to enable JavaScript to run this app.</noscript></body></html>"
    )
    story = STORIES[4]
    page = TEMPLATES["open-graph"](story, site.base).replace("charset=utf-8", "charset=iso-8859-1")
    site.routes["/bad/wrong-charset"] = Route(
        page.replace("Researchers said", "Researchers in Zürich said").encode("utf-8"),
        headers={"Content-Type": "text/html; charset=iso-8859-1"},
    )
    latin = TEMPLATES["meta-tags"](STORIES[3], site.base).replace("Greaves said", "Greaves, from Gênes, said")
    site.routes["/bad/latin-declared-utf8"] = Route(
        latin.encode("latin-1", errors="replace"), headers={"Content-Type": "text/html; charset=utf-8"}
    )
    return site


def story_url(site: NewsServer, number: int) -> str:
    return url_of(STORIES[number], site.base)
