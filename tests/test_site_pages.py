"""The fixture archive's pages carry what a reader expects; raw text stays escaped."""

from __future__ import annotations

import gzip
import json
import re
import shutil
from html.parser import HTMLParser
from types import SimpleNamespace
from urllib.parse import urlsplit

import feedparser

from news_pages.groups import (
    Group,
    by_letter,
    related_articles,
    sitemap_chunks,
    tag_cloud,
)

ARTICLE = "2019/05/russia-backs-norths-security/index.html"
ESCAPED = "2019/06/tariffs-fair-trade-a-small-economys-view/index.html"
UNDATED = "undated/kimchi-fair-draws-crowds-to-city-plaza/index.html"


class Page(HTMLParser):
    """Tags with their attributes, and the text of each element by class."""

    def __init__(self, html: str):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.jsonld: list[str] = []
        self._ld = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        self._ld = tag == "script" and a.get("type") == "application/ld+json"

    def handle_endtag(self, tag):
        self._ld = False

    def handle_data(self, data):
        if self._ld:
            self.jsonld.append(data)

    def find(self, tag: str, **attrs) -> list[dict]:
        return [
            a
            for t, a in self.tags
            if t == tag and all(a.get(k.rstrip("_")) == v for k, v in attrs.items())
        ]

    def meta(self, key: str) -> str | None:
        for _, a in self.tags:
            if a.get("property") == key or a.get("name") == key:
                return a.get("content")
        return None


def load(site, path: str) -> tuple[str, Page]:
    html = (site.directory / path).read_text(encoding="utf-8")
    return html, Page(html)


def path(site) -> str:
    """The site's path ("/news-archive/"): links within the site start with
    it; canonical addresses, feeds and sitemaps are absolute."""
    return urlsplit(site.url).path


def text(html: str) -> str:
    html = re.sub(r"<(script|style)\b.*?</\1>", "", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_front_page_has_lead_latest_and_section_blocks(archive_site):
    html, page = load(archive_site, "index.html")
    assert "Island jazz festival moves online" in text(
        html.split("lead-story")[1][:2000]
    )
    for section in ["Business", "Culture", "National", "Opinion", "Sports"]:
        assert f">{section}</a></h2>" in html
    # 33 articles, 8 a page: the newest 9 here, then pages 3, 2, 1 (the oldest)
    assert {"rel": "next", "href": path(archive_site) + "page/3/"} in page.find(
        "a", rel="next"
    )
    assert page.find("link", rel="next", href=path(archive_site) + "page/3/")
    assert (archive_site.directory / "page/1/index.html").is_file()
    assert not (archive_site.directory / "page/4").exists()
    assert "More in National</a>" in html  # no count: it changes with every article


def test_article_page_fields(archive_site):
    html, page = load(archive_site, ARTICLE)
    body = text(html)
    assert "National › Politics" in body
    assert "By Sarah Kim" in body and "May 15, 2019" in body and "min read" in body
    # templates lose their indentation (news_pages.dedent), not a space between words
    assert re.search(r"May 15, 2019</time> · \d+ min read", html)
    assert "Originally published at" in body
    assert (
        page.find("link", rel="canonical")[0]["href"]
        == archive_site.url + ARTICLE[:-10]
    )
    assert page.meta("og:type") == "article"
    assert page.meta("og:title") == "Russia backs North’s security"
    assert page.meta("twitter:card") == "summary"
    assert page.meta("article:published_time") == "2019-05-15"
    assert page.find(
        "link", rel="alternate", type="application/atom+xml", title="National"
    )
    related = html.split('class="related"')[1]
    assert "Lavrov makes first trip to Pyongyang" in related
    nav = html.split('class="prev-next"')[1].split("</nav>")[0]
    assert "Conscripts allowed to keep phones" in nav  # older, same section
    assert "Defense budget to rise 7 percent" in nav  # newer, same section
    indexed = [t for t, a in page.tags if "data-pagefind-body" in a]
    assert indexed == ["h1", "div"]  # the headline and the body


def test_undated_article(archive_site):
    html, page = load(archive_site, UNDATED)
    assert "Date unknown" in text(html)
    assert "datePublished" not in page.jsonld[0]
    assert page.meta("article:published_time") is None
    html, _ = load(archive_site, "archive/index.html")
    assert "Undated" in html
    html, _ = load(archive_site, "archive/undated/index.html")
    assert (
        "Kimchi fair draws crowds" in html and "Letters from a wartime teacher" in html
    )


def test_editorials_have_no_site_name_author(archive_site):
    html, _ = load(
        archive_site,
        "2019/03/fine-dust-is-a-regional-problem-that-needs-a-regional-answer/index.html",
    )
    assert 'class="byline"' not in html
    assert not (archive_site.directory / "author/news-archive").exists()


def test_raw_text_is_escaped_everywhere(archive_site):
    html, page = load(archive_site, ESCAPED)
    assert "<small>" not in html and "<whole>" not in html
    assert "&lt;small&gt;" in html and "&lt;whole&gt;" in html
    assert page.meta("og:title") == 'Tariffs & "fair" trade: a <small> economy\'s view'
    data = json.loads(page.jsonld[0])
    assert data["headline"] == 'Tariffs & "fair" trade: a <small> economy\'s view'
    assert "<" not in page.jsonld[0]
    for listing in ["index.html", "section/opinion/index.html", "tag/trade/index.html"]:
        html, _ = load(archive_site, listing)
        assert "<small>" not in html, listing
    feed = feedparser.parse(
        (archive_site.directory / "section/opinion/feed.xml").read_bytes()
    )
    titles = [e.title for e in feed.entries]
    assert any("<small>" in t for t in titles)  # text once parsed: escaped in the XML


def test_index_pages(archive_site):
    html, page = load(archive_site, "author/index.html")
    body = text(html)
    assert re.search(r"Sarah Kim \d", body)
    letters = [
        a["href"] for a in page.find("a") if a.get("href", "").startswith("#letter-")
    ]
    assert letters == sorted(letters) and "#letter-S" in letters
    html, _ = load(archive_site, "tag/index.html")
    cloud = html.split('class="cloud"')[1].split("</ul>")[0]
    counts = [int(n) for n in re.findall(r'class="n">(\d+)<', cloud)]
    assert counts == sorted(counts, reverse=True) and counts[0] >= 3
    html, _ = load(archive_site, "section/index.html")
    assert re.search(r"Politics</a> <span class=\"n\">\d+", html)
    html, _ = load(archive_site, "archive/index.html")
    assert f'href="{path(archive_site)}archive/2019/05/"' in html
    html, _ = load(archive_site, "archive/2019/05/index.html")
    nav = html.split('aria-label="Other months"')[1].split("</nav>")[0]
    assert "April 2019" in nav and "June 2019" in nav
    html, page = load(archive_site, "section/national/index.html")
    # 11 articles, 8 a page: all on the first page until there are 16
    assert not page.find("link", rel="next")
    assert html.count("<h2><a ") == 11  # headlines
    assert not (archive_site.directory / "section/national/page").exists()
    assert page.find("link", rel="alternate", type="application/atom+xml")
    assert re.search(r"Politics <span class=\"n\">4</span>", html)  # own children
    aside = html.split('class="side"')[1]
    assert 'class="n"' not in aside  # no archive-wide counts on list pages


def test_front_numbered_pages(archive_site):
    html, page = load(archive_site, "page/3/index.html")
    assert page.find("link", rel="prev", href=path(archive_site))
    assert page.find("link", rel="next", href=path(archive_site) + "page/2/")
    (title,) = re.findall(r"<h1>(.*?)</h1>", html)
    assert title == "All articles: 8 March \u2013 9 October 2019"
    assert "page 3" not in text(html).lower() and " of " not in title
    html, page = load(archive_site, "page/1/index.html")
    assert page.find("link", rel="prev", href=path(archive_site) + "page/2/")
    assert not page.find("link", rel="next")
    assert "Letters from a wartime teacher" in html  # undated: the oldest
    assert "and undated articles" in re.findall(r"<h1>(.*?)</h1>", html)[0]


def test_search_page_and_index(archive_site):
    html, page = load(archive_site, "search/index.html")
    assert page.find("select", name="section") and page.find("select", name="year")
    assert page.meta("robots") == "noindex"
    index = archive_site.directory / "pagefind"
    shards = json.loads((index / "shards.json").read_text(encoding="utf-8"))["shards"]
    assert len(shards) > 1  # the search page merges them
    # the first shard's loader merges the others
    assert [s for s in shards if (index / s / "pagefind.js").is_file()] == shards[:1]
    records = [p for shard in shards for p in (index / shard / "fragment").iterdir()]
    assert len(records) == 33  # articles only
    # a record: the headline and the body's text, the filters and metadata
    # from the byline, breadcrumb and date; nothing of the page around them
    data = [json.loads(gzip.decompress(p.read_bytes())[12:]) for p in records]
    (russia,) = [
        d for d in data if d["meta"]["title"] == "Russia backs North’s security"
    ]
    assert russia["content"].startswith("Russia backs North’s security. Moscow")
    assert russia["filters"] == {
        "author": ["Sarah Kim"],
        "section": ["National"],
        "year": ["2019"],
    }
    assert russia["meta"]["date"] == "May 15, 2019"
    for d in data:
        for words in ("min read", "Originally published", "Related articles", "Skip"):
            assert words not in d["content"], (d["url"], words)


def test_every_feed_parses(archive_site):
    feeds = list(archive_site.directory.rglob("feed.xml"))
    assert len(feeds) > 30
    for feed in feeds:
        parsed = feedparser.parse(feed.read_bytes())
        assert not parsed.bozo, (feed, parsed.bozo_exception)


def _article(n: int, tags: list[str], section: str) -> SimpleNamespace:
    return SimpleNamespace(
        n=n,
        tags=[SimpleNamespace(slug=t) for t in tags],
        category=SimpleNamespace(slug=section),
    )


def test_related_articles_prefer_shared_tags_and_stay_bounded():
    arts = [
        _article(i, ["common"] + (["rare"] if i in (3, 500) else []), "s")
        for i in range(1000)
    ]
    related = related_articles(arts, k=4, window=12)
    assert arts[500] in related[id(arts[3])]  # a rarely shared tag, however far
    assert arts[3] in related[id(arts[500])]
    # otherwise only the nearest articles of each list are scanned: O(N * k)
    assert all(abs(a.n - 500) <= 6 for a in related[id(arts[500])] if a.n != 3)
    a, b = _article(0, ["x", "y"], "s1"), _article(1, ["x", "y"], "s2")
    c = _article(2, ["z"], "s1")
    assert related_articles([a, c, b])[id(a)] == [b, c]


def test_letters_cloud_and_sitemap_chunks():
    groups = [
        Group(n, f"{n}/", articles=[0] * len(n))
        for n in ["beta", "Alpha", "9 lives", "apple"]
    ]
    assert [
        (k, [g.name for g in v])
        for k, v in by_letter(sorted(groups, key=lambda g: g.name.lower()))
    ] == [
        ("A", ["Alpha", "apple"]),
        ("B", ["beta"]),
        ("#", ["9 lives"]),
    ]
    cloud = tag_cloud(groups, limit=3)
    assert [g.name for g, _ in cloud] == ["9 lives", "Alpha", "apple"]
    assert cloud[0][1] == 5 and cloud[-1][1] == 1
    assert [len(c) for c in sitemap_chunks(list(range(120001)))] == [
        50000,
        50000,
        20001,
    ]


def test_no_external_assets_and_no_double_curled_quotes(archive_site):
    for page in archive_site.directory.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for _, attrs in Page(html).tags:
            for key in ("src", "href"):
                ref = attrs.get(key) or ""
                if key == "src" or attrs.get("rel") in (
                    "stylesheet",
                    "icon",
                    "preload",
                ):
                    assert not ref.startswith(
                        ("http:", "https:", "//")
                    ) or ref.startswith(archive_site.url), (page, ref)
    html, page = load(archive_site, ARTICLE)
    body = text(html)
    assert (
        "“Naturally, we highlighted" in body
        and "North Korea’s full denuclearization" in body
    )
    for doubled in ("““", "””", "’’", "&#8220;&#8220;", "&#8217;&#8217;"):
        assert doubled not in html
    data = json.loads(page.jsonld[0])
    assert data["publisher"] == {"@type": "Organization", "name": "News Archive"}
    # the summary is in the meta description, not again in JSON-LD
    assert "description" not in data
    assert page.meta("description").startswith("Moscow stepped up its call")


def test_sitemap_index_past_the_limit(tmp_path):
    from tests.conftest import FIXTURE_ARCHIVE, ROOT, build_site

    root = tmp_path / "site"
    shutil.copytree(ROOT / "content", root / "content")
    shutil.copytree(FIXTURE_ARCHIVE, root / "seeds")
    out = tmp_path / "output"
    build_site(root, out, SITEURL="https://example.org/news", NEWS_SITEMAP_LIMIT=50)
    index = (out / "sitemap.xml").read_text(encoding="utf-8")
    assert "<sitemapindex" in index
    parts = re.findall(r"<loc>https://example.org/news/(sitemap-\d+\.xml)</loc>", index)
    assert len(parts) >= 3
    locs = []
    for part in parts:
        xml = (out / part).read_text(encoding="utf-8")
        locs += re.findall(r"<loc>([^<]+)</loc>", xml)
        assert xml.count("<url>") <= 50
    assert len(locs) == len(set(locs)) > 100
    assert "https://example.org/news/2019/05/russia-backs-norths-security/" in locs
    robots = (out / "robots.txt").read_text(encoding="utf-8")
    assert "Sitemap: https://example.org/news/sitemap.xml" in robots


def test_every_page_names_itself_canonical(archive_site):
    from tests.browser.pages import PAGE_TYPES

    for name, path in PAGE_TYPES.items():
        path = path.split("?")[0]
        file = path if path.endswith(".html") else path + "index.html"
        _, page = load(archive_site, file)
        (canonical,) = page.find("link", rel="canonical")
        assert canonical["href"] == archive_site.url + path, name
        assert page.meta("og:url") == archive_site.url + path, name
        current = [a for a in page.find("a") if "aria-current" in a]
        if name in (
            "front",
            "sections",
            "authors",
            "tags",
            "archives",
            "search",
            "about",
        ):
            assert [a["href"] for a in current if a["aria-current"] == "page"] == [
                urlsplit(archive_site.url + path).path
            ], name


def test_author_and_tag_feeds_are_shorter_than_section_feeds(tmp_path):
    """Author and tag feeds carry NEWS_GROUP_FEED_MAX_ITEMS newest articles,
    the site and section feeds FEED_MAX_ITEMS."""
    from tests.conftest import build_site, make_archive
    from tests.test_incremental import HEADER, raw, row

    files = {f"{n}.txt": raw(f"Story number {n}", f"Text {n}.") for n in range(6)}
    manifest = HEADER + "".join(row(f"{n}.txt", f"2019-01-0{n + 1}") for n in range(6))
    out = tmp_path / "out"
    build_site(
        make_archive(tmp_path, files, manifest),
        out,
        NEWS_CACHE="",
        FEED_MAX_ITEMS=4,
        NEWS_GROUP_FEED_MAX_ITEMS=2,
    )

    def titles(feed: str) -> list[str]:
        return [e.title for e in feedparser.parse((out / feed).read_bytes()).entries]

    newest = [f"Story number {n}" for n in (5, 4, 3, 2)]
    assert titles("feed.xml") == newest
    assert titles("section/national/feed.xml") == newest
    assert titles("tag/seoul/feed.xml") == newest[:2]
    assert titles("author/sarah-kim/feed.xml") == newest[:2]


def test_reading_time_counts_the_whole_text(tmp_path):
    """Only an article's first paragraph is kept after extraction; its
    reading time still counts every word (230 a minute), as Jinja's
    wordcount would on the page's text."""
    from tests.conftest import build_site, make_archive
    from tests.test_incremental import HEADER, row

    sentence = "The port's night shift moved 40 cranes — and 3,000 boxes. "
    body = "\n\n".join(sentence * 10 for _ in range(12))  # 1,200 words
    files = {
        "long.txt": (
            "Port works through the night\n\nHome > National > Politics\n\n"
            f"Port works through the night\n\n{body}\n\nBY SARAH KIM\n"
        )
    }
    out = tmp_path / "out"
    build_site(
        make_archive(tmp_path, files, HEADER + row("long.txt", "2019-01-02")),
        out,
        NEWS_CACHE="",
    )
    page = (out / "2019/01/port-works-through-the-night/index.html").read_text()
    # 12 words a sentence (port's is two), 1,440 in all: 6.3 minutes; the
    # first paragraph alone would make 1
    assert "6 min read" in page


def test_the_main_menu_marks_the_section_of_the_article_shown(archive_site):
    """Article pages of different sections, built one after another: each
    marks its own section in the menu (the menu is rendered once a section)."""
    marked = {}
    for path in sorted(archive_site.directory.glob("[0-9]*/[0-9]*/*/index.html")):
        _, page = load(archive_site, str(path.relative_to(archive_site.directory)))
        crumbs = [
            a for a in page.find("a") if a.get("data-pagefind-filter") == "section"
        ]
        section = crumbs[0]["href"] if crumbs else None  # some have none
        current = [
            (a["href"], a["aria-current"])
            for a in page.find("a")
            if "aria-current" in a
        ]
        assert current == ([(section, "true")] if section else []), path
        marked[section] = marked.get(section, 0) + 1
    assert len(marked) >= 3 and max(marked.values()) >= 2


def test_feed_summaries_are_cut_at_a_word():
    from news_pages.generator import shorten

    words = "word " * 100
    cut = shorten(words.strip(), 240)
    assert cut.endswith("word...") and len(cut) <= 240
    assert shorten("a" * 244, 240) == "a" * 244  # within the leeway: whole
    assert shorten("a" * 300, 240) == "a" * 237 + "..."  # one long word


def test_headline_lists_have_their_own_page_size(tmp_path):
    """NEWS_LIST_PAGINATION numbers subsection, author, tag and date pages;
    DEFAULT_PAGINATION the front page and the sections."""
    from tests.conftest import FIXTURE_ARCHIVE, ROOT, build_site

    root = tmp_path / "site"
    shutil.copytree(ROOT / "content", root / "content")
    shutil.copytree(FIXTURE_ARCHIVE, root / "seeds")
    out = tmp_path / "output"
    build_site(root, out, DEFAULT_PAGINATION=20, NEWS_LIST_PAGINATION=2)
    assert not (out / "section/national/page").exists()  # 11 articles, 20 a page
    assert not (out / "page").exists()
    for group in [
        "section/national/politics/",
        "author/sarah-kim/",
        "tag/trade/",
        "archive/2019/",
    ]:
        oldest = (out / group / "page/1/index.html").read_text(encoding="utf-8")
        assert oldest.count("<h2><a ") == 2, group  # headlines


def test_templates_lose_whitespace_between_tags_not_between_words():
    from news_pages.dedent import dedent

    source = (
        "<ul>\n  <li><a>One</a></li>\n  {% for x in y %}\n  <li>{{ x }}</li>\n"
        "  {% endfor %}\n</ul>\n<p>By\n  {{ name }}\n  and\nothers</p>\n"
    )
    assert dedent(source) == (
        "<ul><li><a>One</a>{% for x in y %}\n<li>{{ x }}{% endfor %}\n</ul>"
        "<p>By\n{{ name }}\nand\nothers</p>\n"
    )
