"""A real Pelican build of the project: pages exist, link up, carry the fields."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import feedparser

from tests.test_seed_extraction import CRUFT

ARTICLE = "2019/05/russia-backs-norths-security/index.html"


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []
        self.jsonld: list[str] = []
        self._in_ld = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and "href" in a:
            self.hrefs.append(a["href"])
        if tag == "script" and a.get("type") == "application/ld+json":
            self._in_ld = True

    def handle_endtag(self, tag):
        self._in_ld = False

    def handle_data(self, data):
        if self._in_ld:
            self.jsonld.append(data)


def parse(path: Path) -> Links:
    p = Links()
    p.feed(path.read_text(encoding="utf-8"))
    return p


def text_of(path: Path) -> str:
    html = path.read_text(encoding="utf-8")
    html = re.sub(r"<script.*?</script>", "", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace("&nbsp;", " ")


def test_expected_pages_exist(seed_site):
    out, _ = seed_site
    for page in [
        "index.html",
        ARTICLE,
        "section/index.html",
        "section/national/index.html",
        "section/national/politics/index.html",
        "author/index.html",
        "author/sarah-kim/index.html",
        "tag/index.html",
        "tag/north-korea/index.html",
        "tag/sanctions/index.html",
        "archive/index.html",
        "archive/2019/index.html",
        "archive/2019/05/index.html",
        "about/index.html",
        "404.html",
        "feed.xml",
        "section/national/feed.xml",
        "author/sarah-kim/feed.xml",
        "tag/russia/feed.xml",
    ]:
        assert (out / page).is_file(), page


def test_article_page_shows_the_fields(seed_site):
    out, _ = seed_site
    page = out / ARTICLE
    text = text_of(page)
    assert "Russia backs North’s security" in text
    assert "By Sarah Kim" in text
    assert "May 15, 2019" in text
    assert "National › Politics" in text
    assert "Moscow stepped up its call" in text
    assert "pushing the six-party talks format." in text
    links = parse(page).hrefs
    for href in [
        "/author/sarah-kim/",
        "/section/national/",
        "/section/national/politics/",
        "/tag/north-korea/",
        "/tag/russia/",
        "/tag/denuclearization/",
        "/tag/sanctions/",
        "http://koreajoongangdaily.joins.com/news/article/article.aspx?aid=3063103",
    ]:
        assert href in links, href
    # emails are metadata, not printed
    assert "kim.sarah@joongang.co.kr" not in page.read_text(encoding="utf-8")


def test_article_jsonld(seed_site):
    out, _ = seed_site
    (raw,) = parse(out / ARTICLE).jsonld
    data = json.loads(raw)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Russia backs North’s security"
    assert data["author"] == [{"@type": "Person", "name": "Sarah Kim"}]
    assert data["datePublished"] == "2019-05-15"
    assert data["articleSection"] == "National"
    assert data["keywords"] == [
        "North Korea",
        "Russia",
        "denuclearization",
        "sanctions",
    ]
    assert data["url"].endswith("/2019/05/russia-backs-norths-security/")


def test_no_page_contains_cruft(seed_site):
    out, _ = seed_site
    pages = list(out.rglob("*.html")) + list(out.rglob("*.xml"))
    assert len(pages) > 15
    for page in pages:
        text = page.read_text(encoding="utf-8")
        for line in CRUFT:
            assert line not in text, (page, line)


def test_index_pages_link_to_each_other(seed_site):
    out, _ = seed_site
    article_url = "/2019/05/russia-backs-norths-security/"
    for page in [
        "index.html",
        "section/national/index.html",
        "section/national/politics/index.html",
        "author/sarah-kim/index.html",
        "tag/russia/index.html",
        "archive/2019/05/index.html",
    ]:
        assert article_url in parse(out / page).hrefs, page
    assert "/section/national/politics/" in parse(out / "section/index.html").hrefs
    assert (
        "/section/national/politics/"
        in parse(out / "section/national/index.html").hrefs
    )
    assert "/author/sarah-kim/" in parse(out / "author/index.html").hrefs
    assert "/tag/sanctions/" in parse(out / "tag/index.html").hrefs
    assert "/archive/2019/05/" in parse(out / "archive/index.html").hrefs
    nav = parse(out / ARTICLE).hrefs
    for href in ["/", "/section/", "/author/", "/tag/", "/archive/", "/about/"]:
        assert href in nav


def test_feeds_parse(seed_site):
    out, _ = seed_site
    for feed in out.rglob("feed.xml"):
        parsed = feedparser.parse(feed.read_bytes())
        assert not parsed.bozo, (feed, parsed.bozo_exception)
        entry = parsed.entries[0]
        assert entry.title == "Russia backs North’s security"
        group = feed.relative_to(out).parts[0]
        if group in ("author", "tag"):
            # titles, links and the teaser's summary: the first paragraph's
            # text, cut short
            assert "content" not in entry
            assert entry.link.endswith("/2019/05/russia-backs-norths-security/")
            assert entry.summary.startswith("Moscow stepped up its call")
            assert "<p>" not in entry.summary and len(entry.summary) <= 245
            continue
        # the site's and the sections' feeds: the summary is the first
        # paragraph, the content the whole article
        assert entry.summary.startswith("<p>Moscow stepped up its call")
        assert entry.summary.endswith("</p>")
        assert entry.summary.count("<p>") == 1
        assert entry.summary in entry.content[0].value
        assert "Mike Pompeo met with" in entry.content[0].value


def test_report_lists_the_seed(seed_site):
    _, report = seed_site
    assert report["summary"]["read"] == 1
    assert report["summary"]["published"] == 1
    (row,) = report["files"]
    assert row["path"] == "seeds/000_bf2fc2e86ffaba18.txt"
    assert row["status"] == "published"
    assert row["url"] == "2019/05/russia-backs-norths-security/"
    assert row["date_source"] == "manifest"
    assert {"line": 5, "rule": "print-tools", "text": "print dictionary print"} in (
        row["removed"]
    )
