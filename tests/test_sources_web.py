"""Web addresses, saved pages and feeds: extraction, metadata, the cache, offline reading and every bad case.

Every request goes to `tests.webserver`, a news site this test starts on 127.0.0.1 (the one name that is
looked up elsewhere is under `.invalid`, which never resolves).
"""

from __future__ import annotations

import datetime as dt
import json
import threading

import pytest

from spacereader.sources.cache import WebCache, default_cache_dir
from spacereader.sources.load import load_paths, web_source_id
from spacereader.sources.options import WebOptions
from tests.webpages import FURNITURE, STORIES, TEMPLATES, Story
from tests.webserver import Route, closed_port, news_site, story_url


@pytest.fixture
def site():
    with news_site() as server:
        yield server


def load(*inputs: str, **options):
    return load_paths(list(inputs), web=WebOptions(**options))


def kept_and_furniture(story: Story, body: str) -> tuple[list[str], list[str]]:
    """(story sentences missing from `body`, furniture phrases found in it)."""
    return [s for s in story.sentences() if s not in body], [f for f in FURNITURE if f in body]


# ── extraction and metadata ──────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize("template", sorted(TEMPLATES))
def test_every_story_sentence_is_kept_and_no_furniture(site, template):
    urls = [site.url(f"/{template}{story.path}") for story in STORIES]
    articles, errors = load(*urls)
    assert errors == ()
    assert len(articles) == len(STORIES)
    for story, article in zip(STORIES, articles, strict=True):
        missing, furniture = kept_and_furniture(story, article.body)
        assert missing == [], f"{template}: {story.slug} lost {missing}"
        assert furniture == [], f"{template}: {story.slug} kept {furniture}"
        # paragraph breaks are kept: one paragraph of the page, one of the article
        assert article.body.split("\n\n") == list(story.paragraphs)


@pytest.mark.parametrize("template", sorted(TEMPLATES))
def test_metadata_from_json_ld_open_graph_and_meta_tags(site, template):
    story = STORIES[1]
    (article,), errors = load(site.url(f"/{template}{story.path}"))
    assert errors == ()
    assert article.title == story.title
    assert article.outlet == story.outlet
    assert article.published == dt.date.fromisoformat(story.published)
    assert article.author == story.author
    # the canonical URL, not the address it was fetched from
    assert article.url == site.url(story.path)
    assert article.path == site.url(f"/{template}{story.path}")
    assert article.language == story.language  # inLanguage, <html lang>


def test_a_redirect_lands_on_the_story_and_the_canonical_url_is_its_identity(site):
    (article,), errors = load(site.url("/go/ferry"))
    assert errors == ()
    assert article.url == story_url(site, 0)
    assert article.path == site.url("/go/ferry")
    assert article.id == web_source_id(story_url(site, 0)) == "127-0-0-1-ferry-collision-harbour-mouth"


def test_the_same_article_by_two_addresses_is_read_once(site):
    articles, errors = load(story_url(site, 0), site.url("/go/ferry"), story_url(site, 0))
    assert errors == ()
    assert [a.url for a in articles] == [story_url(site, 0)]


def test_source_ids_are_host_and_last_segment_and_unique():
    assert web_source_id("https://apnews.com/article/titan-sub-implosion") == "apnews-com-titan-sub-implosion"
    assert web_source_id("https://www.example.org/news/2024/05/harbour-fire.html?x=1") == "example-org-harbour-fire"
    assert web_source_id("https://example.org/world/2024/05/") == "example-org-world"
    assert web_source_id("https://example.org/story/48213") == "example-org-story"
    assert web_source_id("https://example.org/") == "example-org"
    assert web_source_id("https://example.org/world/big-story/index.html") == "example-org-big-story"


def test_two_pages_with_the_same_slug_get_distinct_ids(site):
    first = site.html(
        "/a/same-slug", TEMPLATES["json-ld"](STORIES[3], site.base).replace(STORIES[3].path, "/a/same-slug")
    )
    second = site.html(
        "/b/same-slug", TEMPLATES["json-ld"](STORIES[4], site.base).replace(STORIES[4].path, "/b/same-slug")
    )
    articles, errors = load(first, second)
    assert errors == ()
    assert [a.id for a in articles] == ["127-0-0-1-same-slug", "127-0-0-1-same-slug-2"]


def test_plain_text_and_markdown_served_as_such_read_as_local_files_do(site):
    site.routes["/notes.txt"] = Route(
        b"title: Harbour notes\nsource: Port Bulletin\n\nThe harbour reopened on Wednesday.\n\nFerries run again.",
        headers={"Content-Type": "text/plain; charset=utf-8"},
    )
    site.routes["/notes.md"] = Route(
        b"# Ferries return\n\nThe *Island Star* sailed at noon.\n", headers={"Content-Type": "text/markdown"}
    )
    (text, markdown), errors = load(site.url("/notes.txt"), site.url("/notes.md"))
    assert errors == ()
    assert (text.title, text.outlet, text.url) == ("Harbour notes", "Port Bulletin", site.url("/notes.txt"))
    assert text.body == "The harbour reopened on Wednesday.\n\nFerries run again."
    assert (markdown.title, markdown.body) == ("Ferries return", "The Island Star sailed at noon.")


def test_a_saved_page_reads_as_its_story_offline(tmp_path):
    story = STORIES[3]
    saved = tmp_path / "tram.html"
    saved.write_text(TEMPLATES["open-graph"](story, "https://midlandspost.test"), encoding="utf-8")
    (article,), errors = load_paths([str(saved)], web=WebOptions(offline=True))
    assert errors == ()
    assert article.id == "tram"
    missing, furniture = kept_and_furniture(story, article.body)
    assert (missing, furniture) == ([], [])
    assert "<p>" not in article.body and "cookie" not in article.body.lower()
    assert article.url == "https://midlandspost.test" + story.path
    assert (article.title, article.outlet, article.author) == (story.title, story.outlet, story.author)


def test_a_directory_reads_its_saved_pages_beside_text_files(tmp_path):
    (tmp_path / "a.html").write_text(TEMPLATES["meta-tags"](STORIES[0], "https://x.test"), encoding="utf-8")
    (tmp_path / "b.txt").write_text("title: Note\n\nA short text article about the ferries in fog.\n", encoding="utf-8")
    articles, errors = load_paths([str(tmp_path)])
    assert errors == ()
    assert [a.id for a in articles] == ["a", "b"]
    assert articles[0].outlet == STORIES[0].outlet


def test_a_page_on_standard_input_is_read_as_a_page():
    page = TEMPLATES["json-ld"](STORIES[2], "https://wessexwire.test").encode()
    (article,), errors = load_paths(["-"], stdin=page)
    assert errors == ()
    assert article.title == STORIES[2].title
    assert "<" not in article.body


def test_local_text_never_imports_the_web_layer(tmp_path):
    import subprocess
    import sys

    path = tmp_path / "a.txt"
    path.write_text("Some text about a ferry.\n", encoding="utf-8")
    code = (
        "import sys\nfrom spacereader.sources.load import load_paths\n"
        f"load_paths([{str(path)!r}])\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('httpx', 'trafilatura', 'feedparser', 'lxml')"
        " or m == 'spacereader.sources.web'))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "[]", result.stderr


def test_a_load_served_by_the_cache_imports_neither_httpx_nor_trafilatura(site):
    import subprocess
    import sys

    load(story_url(site, 0))
    code = (
        "import sys\nfrom spacereader.sources.load import load_paths\nfrom spacereader.sources.options import WebOptions\n"
        f"articles, errors = load_paths([{story_url(site, 0)!r}], web=WebOptions(offline=True))\n"
        "assert len(articles) == 1 and not errors, errors\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'httpx', 'trafilatura', 'feedparser', 'lxml'}))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "[]", result.stderr


# ── feeds ────────────────────────────────────────────────────────────────────────────────────────


def _newest_first(stories) -> list[str]:
    return [s.title for s in sorted(stories, key=lambda s: s.published, reverse=True)]


@pytest.mark.parametrize("feed", ["/feeds/rss-full.xml", "/feeds/atom-full.xml"])
def test_a_feed_with_full_content_gives_its_items_without_fetching_them(site, feed):
    articles, errors = load(site.url(feed))
    assert errors == ()
    ferries = STORIES[:3]
    assert [a.title for a in articles] == _newest_first(ferries)
    for article in articles:
        story = next(s for s in ferries if s.title == article.title)
        assert kept_and_furniture(story, article.body) == ([], [])
        assert article.url == story_url(site, STORIES.index(story))
        assert article.published == dt.date.fromisoformat(story.published)
        assert article.author == story.author
    assert not any(site.hits[s.path] for s in ferries)  # the content was in the feed


@pytest.mark.parametrize("feed", ["/feeds/rss-links.xml", "/feeds/atom-links.xml"])
def test_a_feed_of_links_fetches_each_item(site, feed):
    articles, errors = load(site.url(feed))
    assert errors == ()
    stories = STORIES[:3] if "rss" in feed else STORIES
    assert [a.title for a in articles] == _newest_first(stories)
    for article in articles:
        story = next(s for s in stories if s.title == article.title)
        assert kept_and_furniture(story, article.body) == ([], [])
        assert article.outlet == story.outlet  # from the page itself, not the feed
        assert site.hits[story.path] == 1


def test_feed_limit_keeps_the_newest_items(site):
    articles, errors = load(site.url("/feeds/atom-links.xml"), feed_limit=2)
    assert errors == ()
    assert [a.title for a in articles] == _newest_first(STORIES)[:2]
    assert sum(site.hits[s.path] for s in STORIES) == 2  # the others were never fetched


def test_a_saved_feed_file_reads_offline(site, tmp_path):
    from tests.webpages import rss_feed

    path = tmp_path / "ledger.rss"
    path.write_text(rss_feed(list(STORIES[:2]), "https://coastal-ledger.test", full_content=True), encoding="utf-8")
    articles, errors = load_paths([str(path)], web=WebOptions(offline=True))
    assert errors == ()
    assert [a.id for a in articles] == [
        "coastal-ledger-test-ferry-collision-harbour-mouth",
        "coastal-ledger-test-fog-ferry-crash-port-aldren",
    ]


# ── bad input: one line each, the rest still loads ───────────────────────────────────────────────

BAD = {
    "dns": ("http://news.invalid/story", "cannot find the host news.invalid"),
    "refused": (None, "connection refused"),
    "404": ("/bad/404", "HTTP 404 Not Found"),
    "500": ("/bad/500", "HTTP 500 Internal Server Error"),
    "loop": ("/bad/loop-a", "redirect loop"),
    "too-many": ("/bad/hop-0", "more than 10 redirects"),
    "file-scheme": ("/bad/to-file", "redirected to a file: address (file:///etc/passwd), not followed"),
    "over-cap": ("/bad/huge", "over the 20 MB limit"),
    "image": ("/bad/image.png", "not a web page or feed: the response is a PNG image"),
    "pdf": ("/bad/report.pdf", "not a web page or feed: the response is a PDF document"),
    "pdf-labelled-html": ("/bad/lying.html", "the response is a PDF document (text/html)"),
    "paywall": ("/bad/paywall", "nothing to read"),
    "app-shell": ("/bad/app-shell", "nothing to read: no article text"),
    "empty-feed": ("/feeds/empty.xml", "the feed has no items"),
    "not-http": ("ftp://127.0.0.1/story.html", "only http:// and https:// addresses are read, not ftp://"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_each_bad_case_is_one_line_naming_the_url_and_the_rest_loads(site, case):
    where, reason = BAD[case]
    if case == "refused":
        url = f"http://127.0.0.1:{closed_port()}/story"
    elif where.startswith("/"):
        url = site.url(where)
    else:
        url = where
    articles, errors = load(story_url(site, 0), url, story_url(site, 1))
    assert [a.url for a in articles] == [story_url(site, 0), story_url(site, 1)]
    assert len(errors) == 1
    (error,) = errors
    assert error.path == url and not error.loaded
    assert reason in error.reason
    assert "\n" not in str(error) and "Traceback" not in str(error)


def test_a_redirect_to_a_local_file_is_never_opened(site, tmp_path):
    secret = tmp_path / "secret.html"
    secret.write_text(TEMPLATES["json-ld"](STORIES[4], "https://x.test"), encoding="utf-8")
    site.routes["/bad/to-secret"] = Route(status=302, headers={"Location": secret.as_uri()})
    articles, errors = load(site.url("/bad/to-secret"))
    assert articles == ()
    assert "not followed" in errors[0].reason


def test_a_slow_server_times_out(site):
    site.routes["/bad/slow"].drip = 1.0
    articles, errors = load(site.url("/bad/slow"), story_url(site, 0), timeout=1.5)
    assert [a.url for a in articles] == [story_url(site, 0)]
    assert errors[0].path == site.url("/bad/slow") and "timed out after 1.5 s" in errors[0].reason


def test_a_wrong_declared_charset_is_read_right_with_a_warning(site):
    articles, errors = load(site.url("/bad/wrong-charset"), site.url("/bad/latin-declared-utf8"))
    assert [("Zürich" in a.body, "Gênes" in a.body) for a in articles] == [(True, False), (False, True)]
    assert all(e.loaded for e in errors) and len(errors) == 2
    assert "declared charset iso-8859-1 is wrong (the page is UTF-8)" in errors[0].reason
    assert "declared charset utf-8 is wrong" in errors[1].reason and "cp1252" in errors[1].reason


def test_nothing_loads_means_only_errors():
    articles, errors = load("http://news.invalid/a", "http://news.invalid/b")
    assert articles == () and len(errors) == 2


# ── fetching politely ────────────────────────────────────────────────────────────────────────────


def test_the_user_agent_names_spacereader_and_its_version(site):
    from spacereader import __version__

    load(story_url(site, 0))
    assert site.agents and all(agent.startswith(f"spacereader/{__version__}") for agent in site.agents)


def test_several_pages_are_fetched_at_once(site):
    # Each of these three pages answers only once all three requests have arrived: fetched one after
    # another, the first would wait for the others in vain and fail.
    barrier = threading.Barrier(3, timeout=10)
    urls = []
    for number in range(3):
        path = f"/together/{number}"
        site.html(path, TEMPLATES["json-ld"](STORIES[number], site.base))
        urls.append(site.url(path))
    original = site.routes.copy()

    class Waiting(dict):
        def get(self, key, default=None):
            if key.startswith("/together/"):
                try:
                    barrier.wait()
                except threading.BrokenBarrierError:
                    return Route(b"", status=503)
            return original.get(key, default)

    site.routes = Waiting(original)
    articles, errors = load(*urls)
    assert errors == ()
    assert len(articles) == 3


def test_progress_is_reported_per_fetch(site):
    seen = []
    load_paths(
        [story_url(site, 0), site.url("/feeds/rss-links.xml")], web=WebOptions(), progress=lambda *a: seen.append(a)
    )
    assert seen[-1][0] == "fetching" and seen[-1][1] == seen[-1][2] == 5  # 2 inputs, then 3 feed items


# ── the cache ────────────────────────────────────────────────────────────────────────────────────


def test_the_cache_revalidates_with_the_etag(site):
    first, _ = load(story_url(site, 0))
    assert site.hits[STORIES[0].path] == 1 and site.conditional[STORIES[0].path] == 0
    again, errors = load(story_url(site, 0))
    assert errors == ()
    assert site.conditional[STORIES[0].path] == 1  # asked with If-None-Match, answered 304
    assert again == first


def test_a_fresh_cache_entry_is_used_without_asking(site):
    page = TEMPLATES["json-ld"](STORIES[3], site.base)
    site.html("/fresh", page, headers={"Cache-Control": "max-age=600"})
    load(site.url("/fresh"))
    load(site.url("/fresh"))
    assert site.hits["/fresh"] == 1


def test_offline_reads_the_cache_and_never_the_network(site):
    urls = [story_url(site, n) for n in range(3)]
    online, _ = load(*urls)
    hits = sum(site.hits.values())
    offline, errors = load(*urls, offline=True)
    assert errors == () and offline == online
    assert sum(site.hits.values()) == hits
    missing, errors = load(story_url(site, 3), offline=True)
    assert missing == () and "not in the cache" in errors[0].reason


def test_when_the_network_is_gone_the_cached_copy_stands_in(tmp_path):
    with news_site() as server:
        url = story_url(server, 0)
        online, _ = load(url)
    articles, errors = load(url, timeout=2)  # the server is gone: connection refused
    assert articles == online
    assert len(errors) == 1 and errors[0].loaded and "using the copy fetched" in errors[0].reason


def test_a_damaged_cache_entry_is_ignored(site):
    url = story_url(site, 0)
    load(url)
    directory = default_cache_dir()
    for path in directory.glob("*.json"):
        path.write_text("{not json", encoding="utf-8")
    articles, errors = load(url)
    assert errors == () and len(articles) == 1
    for path in directory.glob("*.body"):
        path.write_bytes(b"\x00garbage")
    articles, errors = load(url)
    assert errors == () and len(articles) == 1
    assert site.hits[STORIES[0].path] == 3  # each damaged entry was fetched anew
    offline, errors = load(url, offline=True)
    assert offline == articles


def test_cache_dir_option_moves_the_cache(site, tmp_path):
    load(story_url(site, 0), cache_dir=str(tmp_path / "elsewhere"))
    assert list((tmp_path / "elsewhere" / "web").glob("*.json"))
    assert load(story_url(site, 0), cache_dir=str(tmp_path / "elsewhere"), offline=True)[0]


def test_a_changed_page_keeps_its_earlier_text_and_annotations_reanchor(site, private_data_dir):
    from spacereader.annotations import AnnotationStore
    from spacereader.engine.segment import segment
    from spacereader.model import Comparison

    story = STORIES[0]
    url = story_url(site, 0)
    (before,), _ = load(url)
    sentences = segment(before.body, before.id)
    target = next(s for s in sentences if s.text.startswith("The operator"))
    with AnnotationStore.open(private_data_dir) as store:
        store.add(before, target, "disputed", "other outlets say £1.5 million")
    # The outlet updates the story: a new first paragraph, and a figure corrected.
    page = site.routes[story.path].body.decode()
    page = page.replace(
        "<p>Two passenger ferries",
        "<p>Update: one of the injured has died in hospital, the operator said.</p>\n<p>Two passenger ferries",
        1,
    )
    site.routes[story.path].body = page.replace("injuring 14 people", "injuring 15 people").encode()
    (after,), errors = load(url)
    assert errors == () and after.url == before.url and after.id == before.id
    assert after.body != before.body
    entry = WebCache(default_cache_dir()).get(url)
    assert entry is not None and entry.previous is not None and b"injuring 14 people" in entry.previous
    with AnnotationStore.open(private_data_dir) as store:
        comparison = Comparison(articles=(after,), sentences={after.id: segment(after.body, after.id)})
        (annotation,) = store.for_comparison(comparison)
    assert annotation.status == "moved"
    assert comparison.sentences[after.id][annotation.sentence].text == target.text
    assert annotation.sha256 == before.sha256 != after.sha256  # what the reader reports as a change


# ── the command line ─────────────────────────────────────────────────────────────────────────────


def test_sources_json_shows_title_outlet_date_and_canonical_url(site, capsys):
    from spacereader.cli import main

    assert main(["sources", site.url("/go/ferry"), "--format", "json"]) == 0
    (source,) = json.loads(capsys.readouterr().out)["sources"]
    story = STORIES[0]
    assert source["id"] == "127-0-0-1-ferry-collision-harbour-mouth"
    assert (source["title"], source["outlet"], source["published"]) == (story.title, story.outlet, story.published)
    assert source["url"] == story_url(site, 0)
    assert source["path"] == site.url("/go/ferry")


def test_cli_offline_after_online_and_bad_inputs_one_line_each(site, capsys, tmp_path):
    from spacereader.cli import main

    urls = [story_url(site, n) for n in range(3)]
    cache = str(tmp_path / "cache")
    assert main(["conflicts", "--cache-dir", cache, *urls, "--format", "json"]) == 0
    online = json.loads(capsys.readouterr().out)
    assert main(["conflicts", "--offline", "--cache-dir", cache, *urls, site.url("/bad/404"), "--format", "json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out) == online
    assert captured.err.strip().splitlines() == [
        f"spacereader: warning: {site.url('/bad/404')}: not in the cache (--offline reads only pages fetched before)"
    ]
    assert main(["sources", "--timeout", "2", site.url("/bad/404"), "http://news.invalid/x"]) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert (
        len(lines) == 3 and "HTTP 404" in lines[0] and "news.invalid" in lines[1] and "no readable article" in lines[2]
    )


def test_cli_rejects_a_bad_timeout_or_feed_limit(capsys):
    from spacereader.cli import main

    for argv in (["sources", "--timeout", "0"], ["sources", "--feed-limit", "x"]):
        with pytest.raises(SystemExit) as exit_info:
            main(argv)
        assert exit_info.value.code == 2
    assert "must be more than 0" in capsys.readouterr().err


def test_help_lists_the_web_options(capsys):
    from spacereader.cli import main

    with pytest.raises(SystemExit):
        main(["read", "--help"])
    out = capsys.readouterr().out
    for option in ("--timeout S", "--offline", "--cache-dir DIR", "--feed-limit N"):
        assert option in out
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "--offline" in capsys.readouterr().out
