"""A real build of an archive with saved HTML pages among the text dumps:
every file is accounted for (read = published + duplicates + skipped), each
page shows its headline and byline, and nothing in a page becomes markup."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsarchive.corpus import build_corpus
from tests.conftest import build_site, make_archive
from tests.test_html_input import HTML, RAW, flood_page, page

HOSTILE = page(
    "<nav><a href='/'>Home</a></nav><article>"
    "<h1>Council bans {{ curly }} signs &amp; &lt;b&gt;bold&lt;/b&gt; posters "
    "&lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt;</h1>"
    "<p>The council said &lt;script&gt;alert('x')&lt;/script&gt; will not be "
    "tolerated on any notice board in the town centre from next month.</p>"
    "<script>document.title = 'owned'</script>"
    "<p>Its {% raw %} rules say 3 &lt; 4 &amp; 5 &gt; 2, and that every poster "
    "must carry the name of whoever put it up, the clerk explained.</p>"
    "</article>",
    "<title>Council bans signs</title>",
)


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("mixed-html")
    files: dict[str, bytes | str] = {
        "pages/harbour.html": (HTML / "harbour_gazette.html").read_bytes(),
        "pages/jd.html": (HTML / "jd_single_author.html").read_bytes(),
        "dumps/jd.txt": (RAW / "jd_single_author.txt").read_bytes(),  # the same
        "pages/flood.htm": flood_page("euc-kr")
        .replace("Saturday", "Saturday (토요일)")
        .encode("cp949"),
        "pages/hostile.html": HOSTILE,
        "dumps/wire.txt": (RAW / "jd_wire_credit.txt").read_bytes(),
        "bad/empty.html": b"",
        "bad/binary.htm": b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)),
        "bad/title-only.html": page("<h1>Just a headline</h1>"),
        "bad/notes.xml": "<notes/>",
    }
    root = make_archive(tmp, files)
    with (root / "seeds" / "bad" / "huge.html").open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    out = tmp / "output"
    report = build_site(root, out)
    return out, report


def rows(report: dict) -> dict[str, dict]:
    return {row["path"]: row for row in report["files"]}


def test_every_file_is_accounted_for(mixed):
    _, report = mixed
    s = report["summary"]
    assert s["read"] == 11
    assert s["read"] == s["published"] + s["duplicates"] + s["skipped"]
    assert (s["published"], s["duplicates"], s["skipped"]) == (5, 1, 5)
    got = rows(report)
    reasons = {p: r.get("reason", "") for p, r in got.items()}
    assert "empty page" in reasons["seeds/bad/empty.html"]
    assert "binary" in reasons["seeds/bad/binary.htm"]
    assert "title only" in reasons["seeds/bad/title-only.html"]
    assert "50 MB" in reasons["seeds/bad/huge.html"]
    assert "not read" in reasons["seeds/bad/notes.xml"]
    pair = [got["seeds/pages/jd.html"], got["seeds/dumps/jd.txt"]]
    assert sorted(r["status"] for r in pair) == ["duplicate", "published"]


def test_removed_blocks_are_in_the_report_with_their_rule(mixed):
    _, report = mixed
    harbour = rows(report)["seeds/pages/harbour.html"]
    removed = {r["text"]: r for r in harbour["removed"]}
    assert removed["Most read"]["rule"] == "outside-article"
    assert removed["Subscribe to our newsletter"]["line"] > 0
    jd = rows(report)["seeds/pages/jd.html"]
    assert {r["rule"] for r in jd["removed"]} >= {
        "breadcrumb",
        "byline",
        "social-login-and-comments",
    }
    assert harbour["date_source"] == "page-metadata"
    assert rows(report)["seeds/pages/flood.htm"]["encoding"] == "cp949"


def test_a_page_shows_its_headline_byline_and_section(mixed):
    out, report = mixed
    row = rows(report)["seeds/pages/harbour.html"]
    html = (out / row["url"] / "index.html").read_text(encoding="utf-8")
    assert row["title"] == "Tram line to the campus wins council vote"
    assert "Tram line to the campus wins council vote" in html
    assert "Helen Marsh" in html and "/section/transport/" in html
    assert "The harbour council voted on Monday night" in html
    for furniture in ("Most read", "Took them long enough", "Subscribe to our"):
        assert furniture not in html
    flood = rows(report)["seeds/pages/flood.htm"]
    html = (out / flood["url"] / "index.html").read_text(encoding="utf-8")
    assert "Saturday (토요일)" in html


def test_markup_in_a_page_is_shown_as_text(mixed):
    out, report = mixed
    row = rows(report)["seeds/pages/hostile.html"]
    html = (out / row["url"] / "index.html").read_text(encoding="utf-8")
    assert "<b>bold</b>" not in html and "<script>alert" not in html
    assert "document.title" not in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html and "&lt;script&gt;alert" in html
    assert "{{ curly }}" in html and "{% raw %}" in html
    assert "3 &lt; 4" in html and "5 &gt; 2" in html


def _extracted(root: Path, workers: int, cache: Path | None = None) -> dict:
    got = build_corpus(root, ["seeds"], workers=workers, cache_dir=cache)
    return {
        rel: (e.status, e.reason, e.url, e.html, json.dumps(e.report()))
        for rel, e in got.entries.items()
    }


def test_pages_are_read_in_worker_processes_and_cached_like_dumps(tmp_path: Path):
    # more than the 50 files a first build reads in worker processes
    files = {
        f"p{n:02}.html": flood_page().replace("early", f"early in zone {n}")
        for n in range(60)
    }
    root = make_archive(tmp_path, files)
    alone = _extracted(root, workers=1)
    assert _extracted(root, workers=2) == alone
    assert all(status == "published" for status, *_ in alone.values())
    cache = tmp_path / "cache"
    assert _extracted(root, 2, cache) == alone  # first build, kept
    page_file = root / "seeds" / "p07.html"
    page_file.write_text(
        flood_page().replace("Flood gates open early", "Flood gates stay shut"),
        encoding="utf-8",
    )
    again = _extracted(root, 2, cache)  # incremental
    assert again == _extracted(root, 1)  # clean
    assert again["seeds/p07.html"][2].endswith("flood-gates-stay-shut/")


def test_no_file_of_the_site_holds_a_pages_text_as_markup(mixed):
    """Article page, JSON-LD, feeds, lists and search records alike."""
    out, _ = mixed
    for path in out.rglob("*"):
        if path.suffix in (".html", ".xml", ".json", ".js") and path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            for markup in ("<b>bold</b>", "<script>alert(", "</script><script>alert"):
                assert markup not in text, (path, markup)
