"""News pages written for the tests: stories in the furniture of real news sites, and feeds of them.

Each `Story` is rendered by one of three page templates that carry its metadata in one of the three
forms sites use (JSON-LD, Open Graph, plain meta tags) and wrap it in what a reader never wants in a
comparison: navigation, a cookie banner, share buttons, related links, a newsletter box, a paywall
promotion, comments, scripts, a footer. `FURNITURE` lists phrases from all of that; a good extraction
keeps every sentence of the story and none of them. The stories are ours (invented events, invented
people); three of them cover the same ferry collision and disagree on its figures.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime


@dataclass(frozen=True)
class Story:
    slug: str
    title: str
    outlet: str
    host: str
    section: str
    author: str
    published: str  # ISO date
    language: str
    paragraphs: tuple[str, ...]

    @property
    def path(self) -> str:
        return f"/{self.section}/2024/{self.slug}"

    def sentences(self) -> list[str]:
        """The story's sentences, as a careful reader would split them (for counting what was kept)."""
        found: list[str] = []
        for paragraph in self.paragraphs:
            found.extend(s.strip() for s in re.split(r"(?<=[.!?”])\s+(?=[A-Z“])", paragraph) if s.strip())
        return found


STORIES: tuple[Story, ...] = (
    Story(
        slug="ferry-collision-harbour-mouth",
        title="Two ferries collide at harbour mouth in thick fog",
        outlet="The Coastal Ledger",
        host="coastal-ledger.test",
        section="news",
        author="Marta Iglesias",
        published="2024-05-14",
        language="en",
        paragraphs=(
            "Two passenger ferries collided at the mouth of Port Aldren harbour on Tuesday morning, injuring 14 "
            "people, three of them seriously.",
            "The Island Star, carrying 212 passengers, struck the stern of the smaller Gannet as both vessels "
            "waited for the fog to lift shortly after 7.40am.",
            "Harbourmaster Colin Tréguier, 58, said visibility had fallen to less than 50 metres in the minutes "
            "before the crash. “Both masters were on the radio to us, and both were moving slowly,” he said.",
            "The injured were taken to St Brannoc's Hospital, where a spokeswoman said two remained in intensive "
            "care on Tuesday evening.",
            "The operator, Aldren Sea Links, has cancelled all crossings until Thursday and said repairs to the "
            "Gannet could cost £1.2 million.",
            "The Marine Accident Investigation Branch has sent a team of four inspectors to the port.",
        ),
    ),
    Story(
        slug="fog-ferry-crash-port-aldren",
        title="Fog blamed as ferries crash outside Port Aldren",
        outlet="Northfield Herald",
        host="www.northfield-herald.test",
        section="uk",
        author="Daniel Okafor",
        published="2024-05-14",
        language="en-GB",
        paragraphs=(
            "Sixteen people were hurt when two ferries collided in dense fog outside Port Aldren on Tuesday.",
            "The larger vessel, the Island Star, had about 200 passengers on board when it hit the Gannet at "
            "around 7.45am, according to the coastguard.",
            "Harbourmaster Colin Treguier, 57, told reporters that the fog had come in “like a wall” and that "
            "neither ship had been travelling at more than four knots.",
            "Three passengers were flown to hospital by helicopter, and one is said to be in a critical condition.",
            "Aldren Sea Links estimated the damage to the Gannet at £1.5 million and suspended its timetable for "
            "the rest of the week.",
        ),
    ),
    Story(
        slug="aldren-ferries-collision",
        title="Ferry passengers describe moment of impact",
        outlet="Wessex Wire",
        host="wessexwire.test",
        section="regional",
        author="Priya Ramaswamy",
        published="2024-05-15",
        language="en",
        paragraphs=(
            "Passengers on the Island Star said they felt a sudden jolt and heard metal grinding as the ferry "
            "struck another vessel near Port Aldren on Tuesday.",
            "“Cups flew off the tables and people were thrown against the windows,” said Helen Marsh, a teacher "
            "travelling with her two children.",
            "Fourteen people were injured in the collision, which happened in heavy fog at 7.40am.",
            "Harbourmaster Colin Tréguier, 58, praised the crews of both vessels for keeping passengers calm.",
            "An investigation by the Marine Accident Investigation Branch began on Wednesday.",
        ),
    ),
    Story(
        slug="council-approves-tram-extension",
        title="Council approves £48m tram extension after five-hour debate",
        outlet="Midlands Post",
        host="midlandspost.test",
        section="politics",
        author="Tom Ashworth",
        published="2023-11-02",
        language="en",
        paragraphs=(
            "Councillors in Brackley Vale voted 31 to 17 on Wednesday night to extend the city's tram line to "
            "the new hospital campus.",
            "The £48 million scheme will add 3.2 kilometres of track and four stops, and is due to open in the "
            "spring of 2027.",
            "Opposition members argued that the money would be better spent on bus routes to outlying villages.",
            "Council leader Anita Greaves said the extension would take 6,000 car journeys a day off the ring road.",
            "Construction is expected to begin next September, once the final government grant is confirmed.",
        ),
    ),
    Story(
        slug="malaria-vaccine-trial-results",
        title="Malaria vaccine cuts infections by two thirds in children, trial finds",
        outlet="Health Desk Daily",
        host="healthdesk.test",
        section="science",
        author="Dr. Ines Kowalczyk",
        published="2024-02-20",
        language="en",
        paragraphs=(
            "A malaria vaccine given in three doses reduced infections by 67 percent among children under five, "
            "according to results published on Tuesday.",
            "The trial followed 4,800 children in four countries for 18 months.",
            "Researchers said the effect was strongest in the first year and faded slowly after that.",
            "The vaccine costs about $3 a dose to produce, a fraction of the price of earlier candidates.",
            "Regulators are expected to review the data before the end of the year.",
        ),
    ),
)

#: Phrases from the furniture around every story: none may be kept by the extraction.
FURNITURE: tuple[str, ...] = (
    "Accept all cookies",
    "We use cookies",
    "Skip to content",
    "Subscribe now",
    "unlimited access",
    "Sign up to our morning briefing",
    "Share on Facebook",
    "Copy link",
    "Related stories",
    "Most read",
    "Lottery results",
    "Comments (",
    "This is outrageous",
    "Report this comment",
    "All rights reserved",
    "Terms of use",
    "dataLayer",
    "adSlot",
    "Advertisement",
)


def _nav(story: Story) -> str:
    return (
        '<header class="site-header"><a class="skip" href="#main">Skip to content</a>'
        f'<a class="logo" href="/">{html.escape(story.outlet)}</a>'
        '<nav class="primary"><ul><li><a href="/news">News</a></li><li><a href="/world">World</a></li>'
        '<li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li>'
        '<li><a href="/culture">Culture</a></li><li><a href="/lottery">Lottery results</a></li></ul></nav>'
        "</header>"
    )


_COOKIES = (
    '<div id="cookie-banner" class="consent"><p>We use cookies to improve your experience and to show you '
    "personalised advertising. You can change your choices at any time.</p>"
    '<button class="accept">Accept all cookies</button><button>Manage preferences</button></div>'
)
_SHARE = (
    '<div class="share-tools"><a href="#">Share on Facebook</a> <a href="#">Share on X</a> '
    "<button>Copy link</button></div>"
)
_PAYWALL = (
    '<aside class="paywall-promo"><h3>Keep reading without limits</h3><p>Subscribe now for unlimited access to '
    "award-winning journalism: your first month costs just £1, then £8.99 a month. Cancel anytime.</p>"
    '<a class="cta" href="/subscribe">Subscribe now</a></aside>'
)
_NEWSLETTER = (
    '<div class="newsletter"><h3>Sign up to our morning briefing</h3><p>The day\'s essential stories, in your '
    'inbox before breakfast.</p><form><input type="email" placeholder="Email address"><button>Sign up</button>'
    "</form></div>"
)
_ADVERT = '<div class="ad-slot" id="ad-top"><span>Advertisement</span></div>'
_SCRIPTS = (
    "<script>window.dataLayer = window.dataLayer || []; dataLayer.push({'event': 'pageview'});</script>"
    '<script>var adSlot = "top"; document.write("<div>" + adSlot + "</div>");</script>'
    "<noscript>Please enable JavaScript to see the comments.</noscript>"
)


def _related(story: Story) -> str:
    others = [s for s in STORIES if s.slug != story.slug][:3]
    items = "".join(f'<li><a href="{s.path}">{html.escape(s.title)}</a></li>' for s in others)
    return (
        f'<section class="related"><h2>Related stories</h2><ul>{items}</ul></section>'
        '<section class="most-read"><h2>Most read</h2><ol><li><a href="/a">Lottery results: Saturday\'s '
        'winning numbers</a></li><li><a href="/b">Ten walks for a rainy weekend</a></li></ol></section>'
    )


_COMMENTS = (
    '<section id="comments" class="comments"><h2>Comments (3)</h2>'
    '<div class="comment"><span class="user">harbourwatcher</span><p>This is outrageous, the fog warnings '
    'were ignored again and nobody will be held responsible.</p><a href="#">Report this comment</a></div>'
    '<div class="comment"><span class="user">Jen_K</span><p>Thoughts with everyone who was on board '
    'this morning.</p><a href="#">Report this comment</a></div></section>'
)


def _footer(story: Story) -> str:
    return (
        f'<footer class="site-footer"><p>© 2024 {html.escape(story.outlet)} Media Ltd. All rights reserved.</p>'
        '<ul><li><a href="/terms">Terms of use</a></li><li><a href="/privacy">Privacy policy</a></li></ul></footer>'
    )


def _paragraphs(story: Story, *, advert_after: int = 2) -> str:
    parts = []
    for number, paragraph in enumerate(story.paragraphs):
        parts.append(f"<p>{html.escape(paragraph, quote=False)}</p>")
        if number == advert_after:
            parts.append(_ADVERT)
    return "\n".join(parts)


def url_of(story: Story, base: str) -> str:
    return base.rstrip("/") + story.path


def page_json_ld(story: Story, base: str) -> str:
    """Metadata as JSON-LD (a NewsArticle in an @graph, as many CMSs write it); a plain <title> with the site."""
    canonical = url_of(story, base)
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "Organization", "name": story.outlet, "url": base},
            {"@type": "WebPage", "@id": canonical, "url": canonical},
            {
                "@type": "NewsArticle",
                "headline": story.title,
                "datePublished": f"{story.published}T08:15:00+00:00",
                "dateModified": f"{story.published}T17:02:00+00:00",
                "author": [{"@type": "Person", "name": story.author}],
                "publisher": {"@type": "Organization", "name": story.outlet},
                "inLanguage": story.language,
                "mainEntityOfPage": canonical,
            },
        ],
    }
    return f"""<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>{html.escape(story.title)} | {html.escape(story.outlet)}</title>
<link rel="canonical" href="{canonical}">
<script type="application/ld+json">{json.dumps(graph)}</script>
{_SCRIPTS}
</head>
<body>
{_COOKIES}
{_nav(story)}
<main id="main">
<article class="story">
<h1 class="headline">{html.escape(story.title)}</h1>
<div class="byline">By <span class="author">{html.escape(story.author)}</span> · <time>{story.published}</time></div>
{_SHARE}
<div class="story-body">
{_paragraphs(story)}
</div>
{_NEWSLETTER}
</article>
{_PAYWALL}
{_related(story)}
{_COMMENTS}
</main>
{_footer(story)}
</body>
</html>
"""


def page_open_graph(story: Story, base: str) -> str:
    """Metadata as Open Graph and article: properties; the story in nested divs, no <article>."""
    canonical = url_of(story, base)
    return f"""<!doctype html>
<html lang="{story.language}">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{html.escape(story.title)} - {html.escape(story.outlet)}</title>
<meta property="og:type" content="article">
<meta property="og:title" content="{html.escape(story.title)}">
<meta property="og:site_name" content="{html.escape(story.outlet)}">
<meta property="og:url" content="{canonical}">
<meta property="article:published_time" content="{story.published}T06:30:00Z">
<meta property="article:author" content="{html.escape(story.author)}">
<meta name="twitter:card" content="summary_large_image">
{_SCRIPTS}
</head>
<body class="article-page">
{_nav(story)}
{_COOKIES}
<div class="container">
<div class="col-main">
<h1>{html.escape(story.title)}</h1>
<p class="meta">{html.escape(story.author)} | {story.published}</p>
{_SHARE}
<div class="entry-content" itemprop="articleBody">
{_paragraphs(story, advert_after=1)}
</div>
{_PAYWALL}
{_COMMENTS}
</div>
<div class="col-side">
{_NEWSLETTER}
{_related(story)}
</div>
</div>
{_footer(story)}
</body>
</html>
"""


def page_meta_tags(story: Story, base: str) -> str:
    """Metadata as plain meta tags (author, date, description); the site name only in the <title>."""
    canonical = url_of(story, base)
    return f"""<html lang="{story.language}">
<head>
<meta charset="UTF-8">
<title>{html.escape(story.title)} | {html.escape(story.outlet)}</title>
<meta name="author" content="{html.escape(story.author)}">
<meta name="date" content="{story.published}">
<meta name="description" content="{html.escape(story.paragraphs[0][:120])}">
<meta name="application-name" content="{html.escape(story.outlet)}">
<link rel="canonical" href="{canonical}">
{_SCRIPTS}
</head>
<body>
{_COOKIES}
{_nav(story)}
<section class="content">
<div class="article">
<h1>{html.escape(story.title)}</h1>
<div class="article-body">
{_paragraphs(story, advert_after=3)}
</div>
</div>
{_SHARE}
{_NEWSLETTER}
{_related(story)}
{_COMMENTS}
{_PAYWALL}
</section>
{_footer(story)}
</body>
</html>
"""


TEMPLATES: dict[str, Callable[[Story, str], str]] = {
    "json-ld": page_json_ld,
    "open-graph": page_open_graph,
    "meta-tags": page_meta_tags,
}


def rss_feed(stories: list[Story], base: str, *, full_content: bool) -> str:
    """RSS 2.0; with `full_content`, every item carries its story in content:encoded."""
    items = []
    for story in stories:
        date = format_datetime(datetime.fromisoformat(story.published).replace(hour=9, tzinfo=UTC))
        content = ""
        if full_content:
            body = "".join(f"<p>{html.escape(p, quote=False)}</p>" for p in story.paragraphs)
            content = f"<content:encoded><![CDATA[{body}]]></content:encoded>"
        items.append(
            f"<item><title>{html.escape(story.title)}</title><link>{url_of(story, base)}</link>"
            f"<guid>{url_of(story, base)}</guid><pubDate>{date}</pubDate>"
            f"<dc:creator>{html.escape(story.author)}</dc:creator>"
            f"<description>{html.escape(story.paragraphs[0])}</description>{content}</item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Coastal Ledger: News</title>'
        f"<link>{base}</link><description>The latest news</description>{''.join(items)}</channel></rss>\n"
    )


def atom_feed(stories: list[Story], base: str, *, full_content: bool) -> str:
    """Atom 1.0; with `full_content`, every entry carries its story as HTML content."""
    entries = []
    for story in stories:
        content = ""
        if full_content:
            body = "".join(f"<p>{html.escape(p, quote=False)}</p>" for p in story.paragraphs)
            content = f'<content type="html">{html.escape(body)}</content>'
        entries.append(
            f"<entry><title>{html.escape(story.title)}</title>"
            f'<link rel="alternate" href="{url_of(story, base)}"/><id>{url_of(story, base)}</id>'
            f"<updated>{story.published}T09:00:00Z</updated><published>{story.published}T09:00:00Z</published>"
            f"<author><name>{html.escape(story.author)}</name></author>"
            f"<summary>{html.escape(story.paragraphs[0])}</summary>{content}</entry>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
        f'<title>Wessex Wire</title><link href="{base}"/><id>{base}/</id><updated>2024-05-15T10:00:00Z</updated>'
        f"{''.join(entries)}</feed>\n"
    )
