"""Crawl the fixture archive over HTTP: no broken internal link, at a sub-path or root."""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.error import HTTPError
from urllib.parse import urldefrag, urljoin
from urllib.request import urlopen

import feedparser
import pytest

LINK_ATTRS = {
    "a": "href",
    "link": "href",
    "script": "src",
    "img": "src",
    "form": "action",
}


class _Refs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.refs: list[str] = []

    def handle_starttag(self, tag, attrs):
        value = dict(attrs).get(LINK_ATTRS.get(tag, ""))
        if value:
            self.refs.append(value)


def fetch(url: str) -> tuple[int, str, bytes]:
    try:
        with urlopen(url, timeout=10) as r:
            return r.status, r.headers.get("Content-Type", ""), r.read()
    except HTTPError as e:
        return e.code, "", b""


def crawl(base: str) -> tuple[dict[str, int], list[tuple[str, str]]]:
    """Every page reachable from `base`; (status by URL, broken (page, link) pairs)."""
    origin = base.split("/", 3)[:3]
    origin = "/".join(origin)
    seen: dict[str, int] = {}
    broken: list[tuple[str, str]] = []
    queue = [base]
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        status, ctype, body = fetch(url)
        seen[url] = status
        if status != 200 or "html" not in ctype:
            continue
        parser = _Refs()
        parser.feed(body.decode("utf-8"))
        for ref in parser.refs:
            target = urldefrag(urljoin(url, ref))[0].split("?")[0]
            if not target.startswith(origin):
                continue  # external: the original article addresses
            if not target.startswith(base):
                broken.append((url, ref))  # escapes the sub-path
                continue
            if target not in seen:
                status, ctype, _ = (200, "", b"") if target in queue else fetch(target)
                if status != 200:
                    broken.append((url, ref))
                    seen[target] = status
                elif target not in queue:
                    queue.append(target)
    return seen, broken


@pytest.mark.parametrize("which", ["archive_site", "archive_root_site"])
def test_no_broken_internal_links(which, request):
    server = request.getfixturevalue(which)
    seen, broken = crawl(server.url)
    assert broken == []
    pages = [
        u
        for u, s in seen.items()
        if s == 200 and not u.endswith((".xml", ".css", ".js", ".svg"))
    ]
    assert len(pages) > 100  # articles, sections, authors, tags, months, pages
    for path in ["search/", "about/", "archive/undated/", "section/national/politics/"]:
        assert server.url + path in seen, path


def test_feeds_and_sitemap_resolve(archive_site):
    base = archive_site.url
    status, _, body = fetch(base + "sitemap.xml")
    assert status == 200
    locs = [part.split("</loc>")[0] for part in body.decode().split("<loc>")[1:]]
    assert len(locs) > 100
    for loc in locs:
        assert loc.startswith(base), loc
        assert fetch(loc)[0] == 200, loc
    status, _, robots = fetch(base + "robots.txt")
    assert status == 200 and f"Sitemap: {base}sitemap.xml" in robots.decode()
    for feed in [
        "feed.xml",
        "section/national/feed.xml",
        "author/sarah-kim/feed.xml",
        "tag/russia/feed.xml",
    ]:
        status, _, body = fetch(base + feed)
        assert status == 200, feed
        parsed = feedparser.parse(body)
        assert not parsed.bozo, (feed, parsed.bozo_exception)
        assert parsed.entries, feed
        for entry in parsed.entries[:5]:
            assert entry.link.startswith(base), entry.link
            assert fetch(entry.link)[0] == 200, entry.link


def test_missing_page_gets_the_404_page(archive_site):
    status, _, _ = fetch(archive_site.url + "no/such/page/")
    assert status == 404


def test_feed_entries_credit_every_author(archive_site):
    _, _, body = fetch(archive_site.url + "feed.xml")
    entries = {e.title: e for e in feedparser.parse(body).entries}
    housing = entries["New lending limits aim to cool Seoul apartment prices"]
    assert [a.name for a in housing.authors] == ["Jin Min-ji", "Park Eun-jee"]
    one = entries["Russia backs North’s security"]
    assert [a.name for a in one.authors] == ["Sarah Kim"]
