"""Stable archive pages: numbered list pages are fixed runs counted from the
oldest article, so adding newer articles leaves them as they are."""

from __future__ import annotations

import logging
import re
import shutil
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace

import pytest

from news_pages.groups import (
    chunk_label,
    date_range,
    page_labels,
    page_links,
    page_url,
    paginate,
)
from newsarchive.corpus import build_corpus
from tests.conftest import FIXTURE_ARCHIVE, ROOT, build_site

# pure functions ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "first", "numbered"),
    [
        (0, 0, 0),
        (1, 1, 0),
        (4, 4, 0),  # fewer than a page
        (5, 5, 0),
        (9, 9, 0),  # up to 2 * per_page - 1 on the first page
        (10, 5, 1),
        (14, 9, 1),
        (15, 5, 2),
        (33, 8, 5),
    ],
)
def test_paginate_sizes(n, first, numbered):
    items = list(range(n, 0, -1))  # newest first
    front, pages = paginate(items, 5)
    assert len(front) == first and len(pages) == numbered
    assert all(len(p) == 5 for p in pages)
    # together, every item once, in order: first page, then pages F..1
    assert front + [i for p in reversed(pages) for i in p] == items


def test_paginate_counts_from_the_oldest():
    items = list(range(23, 0, -1))  # 23 newest ... 1 oldest
    front, pages = paginate(items, 5)
    assert pages[0] == [5, 4, 3, 2, 1]  # page 1: the oldest, newest first
    assert pages[1] == [10, 9, 8, 7, 6]
    assert pages[2] == [15, 14, 13, 12, 11]
    assert front == [23, 22, 21, 20, 19, 18, 17, 16]


def test_adding_newer_items_never_changes_a_numbered_page():
    per_page = 4
    previous: list[list[int]] = []
    for n in range(0, 60):
        items = list(range(n, 0, -1))
        front, pages = paginate(items, per_page)
        assert pages[: len(previous)] == previous  # old pages kept as they were
        assert len(pages) - len(previous) <= 1  # at most one new page
        if n >= per_page:
            assert per_page <= len(front) <= 2 * per_page - 1
        else:
            assert front == items
        previous = pages


def test_paginate_refuses_empty_pages():
    with pytest.raises(ValueError):
        paginate([1, 2], 0)


def test_page_urls_and_links():
    assert page_url("section/national/", 0) == "section/national/"
    assert page_url("section/national/", 3) == "section/national/page/3/"
    assert page_url("", 2) == "page/2/"
    # 3 numbered pages: first -> 3 -> 2 -> 1, newer going back up
    assert page_links(0, 3) == (None, 3)
    assert page_links(3, 3) == (0, 2)
    assert page_links(2, 3) == (3, 1)
    assert page_links(1, 3) == (2, None)
    assert page_links(0, 0) == (None, None)
    assert page_links(1, 1) == (0, None)


def _art(day: str | None) -> SimpleNamespace:
    if day is None:
        return SimpleNamespace(undated=True, date=datetime(1970, 1, 1))
    return SimpleNamespace(undated=False, date=datetime.fromisoformat(day))


def test_date_ranges_and_labels():
    d = datetime.fromisoformat
    assert (
        date_range(d("2019-03-28"), d("2019-03-03")) == "3 March \u2013 28 March 2019"
    )
    assert (
        date_range(d("2019-01-03"), d("2018-12-28"))
        == "28 December 2018 \u2013 3 January 2019"
    )
    assert date_range(d("2019-03-03 18:00"), d("2019-03-03 08:00")) == "3 March 2019"
    assert chunk_label([_art("2019-05-02"), _art("2019-04-30")]) == (
        "30 April \u2013 2 May 2019"
    )
    assert chunk_label([_art("2017-02-27"), _art(None)]) == (
        "27 February 2017 and undated articles"
    )
    assert chunk_label([_art(None), _art(None)]) == "undated articles"
    # pages covering the same dates are told apart by a part number that
    # depends only on older pages
    pages = [
        [_art(None), _art(None)],
        [_art(None), _art(None)],
        [_art("2019-03-03"), _art("2019-03-03")],
        [_art("2019-03-03"), _art("2019-03-03")],
        [_art("2019-03-04"), _art("2019-03-03")],
    ]
    assert page_labels(pages) == [
        "undated articles",
        "undated articles, part 2",
        "3 March 2019",
        "3 March 2019, part 2",
        "3 March \u2013 4 March 2019",
    ]
    assert page_labels(pages[:3]) == page_labels(pages)[:3]


# built sites --------------------------------------------------------------------

NEW = """Envoys meet again in Pyongyang

Home > National > Politics

print dictionary print

Envoys meet again in Pyongyang

Russian and North Korean envoys met again in Pyongyang on Tuesday to talk about the summit.

Both sides said the talks were useful and would continue next month.
BY SARAH KIM [kim.sarah@joongang.co.kr]
Log in to Twitter or Facebook account to connect
"""


def numbered_pages(out: Path) -> dict[str, tuple[bytes, int]]:
    """Every numbered list page: its bytes and modification time."""
    return {
        p.relative_to(out).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in out.rglob("index.html")
        if "page" in p.relative_to(out).parts
    }


def headlines(html: str) -> list[str]:
    return re.findall(r'<h2><a href="[^"]*">([^<]*)</a>', html)


@pytest.fixture
def fixture_site(tmp_path) -> tuple[Path, Path, dict]:
    root = tmp_path / "site"
    shutil.copytree(ROOT / "content", root / "content")
    shutil.copytree(FIXTURE_ARCHIVE, root / "seeds")
    out = tmp_path / "output"
    # 5 a page: no group crosses a multiple of 5 with the article added below
    settings = {"DEFAULT_PAGINATION": 5, "NEWS_CACHE": str(tmp_path / "cache")}
    build_site(root, out, **settings)
    return root, out, settings


def test_section_page_1_holds_the_oldest_articles(fixture_site):
    _, out, _ = fixture_site
    # National: 11 articles, 5 a page -> the newest 6 first, then page 1
    first = (out / "section/national/index.html").read_text(encoding="utf-8")
    oldest = (out / "section/national/page/1/index.html").read_text(encoding="utf-8")
    assert not (out / "section/national/page/2").exists()
    assert len(headlines(first)) == 6
    assert headlines(oldest) == [
        "New subway line links the airport and the southern suburbs",
        "Lavrov makes first trip to Pyongyang in nine years",
        "Aides finalize plans for border summit",
        "Rural schools start the year with fewer pupils",
        "Kimchi fair draws crowds to city plaza",  # undated: the oldest of all
    ]
    assert "Turnout hits 28-year high despite outbreak" in headlines(first)
    h1 = re.findall(r"<h1>(.*?)</h1>", oldest)
    assert h1 == [
        "National: 27 February 2017 \u2013 27 December 2018 and undated articles"
    ]
    assert f"<title>{h1[0]} \u00b7 News Archive</title>" in oldest
    assert 'rel="prev" href="/section/national/"' in oldest  # newer: the first page
    assert 'rel="next"' not in oldest
    assert 'rel="next" href="/section/national/page/1/"' in first
    for html in (oldest, first):
        assert " of " not in re.sub(r"<[^>]+>", " ", html.split("<main")[1])[:400]
    assert "article" not in oldest.split('class="count"')[1].split("</p>")[0]


def test_adding_a_newer_article_keeps_every_numbered_page(fixture_site, caplog):
    root, out, settings = fixture_site
    before = numbered_pages(out)
    assert {"page/5/index.html", "section/national/page/1/index.html"} <= set(before)
    first_before = (out / "section/national/index.html").read_bytes()

    seeds = root / "seeds"
    (seeds / "200_envoys.txt").write_text(NEW, encoding="utf-8")
    with (seeds / "manifest.csv").open("a", encoding="utf-8") as fh:
        fh.write(
            '200_envoys.txt,2020-09-15,https://example.com/200,"Russia, diplomacy"\n'
        )
    with caplog.at_level(logging.INFO, logger="news_speed"):
        build_site(root, out, **settings)

    after = numbered_pages(out)
    assert sorted(after) == sorted(before)  # no count crossed a multiple of 5
    # numbered pages are not even rendered again (nor most article pages)
    (summary,) = [r.getMessage() for r in caplog.records if "rendered" in r.msg]
    pages, rendered = map(int, re.findall(r"pages: (\d+), rendered (\d+)", summary)[0])
    assert rendered < pages / 3, summary
    for name, (data, mtime) in before.items():
        assert after[name][0] == data, f"{name} changed"
        assert after[name][1] == mtime, f"{name} was rewritten"
    first = (out / "section/national/index.html").read_text(encoding="utf-8")
    assert first.encode() != first_before
    assert headlines(first)[0] == "Envoys meet again in Pyongyang"
    front = (out / "index.html").read_text(encoding="utf-8")
    assert "Envoys meet again in Pyongyang" in front


def test_a_new_numbered_page_appears_at_a_multiple(fixture_site):
    root, out, settings = fixture_site
    before = numbered_pages(out)
    seeds = root / "seeds"
    rows = []
    for n in range(4):  # National: 11 -> 15, a multiple of 5
        name = f"20{n}_envoys.txt"
        text = NEW.replace("Envoys meet again", f"Envoys meet again, round {n}")
        (seeds / name).write_text(text, encoding="utf-8")
        rows.append(f'{name},2020-09-1{n},https://example.com/{n},"Russia"\n')
    with (seeds / "manifest.csv").open("a", encoding="utf-8") as fh:
        fh.writelines(rows)
    build_site(root, out, **settings)
    after = numbered_pages(out)
    assert "section/national/page/2/index.html" in after
    page2 = after["section/national/page/2/index.html"][0].decode()
    page1 = after["section/national/page/1/index.html"][0].decode()
    # page 1 kept its articles; only its link to newer ones now goes to page 2
    old1 = before["section/national/page/1/index.html"][0].decode()
    assert headlines(page1) == headlines(old1)
    assert page1.replace("/section/national/page/2/", "/section/national/") == old1
    assert headlines(page2)[-1] == "Fine dust emergency enters sixth day"
    assert 'rel="prev" href="/section/national/"' in page2
    assert 'rel="next" href="/section/national/page/1/"' in page2


def test_a_newer_same_titled_article_never_moves_an_older_ones_url(tmp_path):
    """A column with the same title every week: each added article gets a
    suffixed URL, whatever its file name, and the first keeps the plain one."""
    root = tmp_path / "site"
    seeds = root / "seeds"
    seeds.mkdir(parents=True)
    manifest = ["file,date,source_url,tags"]

    def add(name: str, day: str) -> dict[str, str]:
        text = NEW.replace("on Tuesday", f"on {day}")  # not a duplicate
        (seeds / name).write_text(text, encoding="utf-8")
        manifest.append(f"{name},{day},,")
        (seeds / "manifest.csv").write_text("\n".join(manifest) + "\n")
        corpus = build_corpus(root, ["seeds"], seeds / "manifest.csv", workers=0)
        return {e.path: e.url for e in corpus.published()}

    first = add("500_envoys.txt", "2020-09-01")
    assert first == {"seeds/500_envoys.txt": "2020/09/envoys-meet-again-in-pyongyang/"}
    # file names from a scraper need not sort by date: these sort first
    second = add("300_envoys.txt", "2020-09-08")
    third = add("100_envoys.txt", "2020-09-15")
    assert first.items() <= second.items() <= third.items()
    assert len(set(third.values())) == 3
    for url in third.values():
        assert url.startswith("2020/09/envoys-meet-again-in-pyongyang")
