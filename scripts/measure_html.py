"""How well saved HTML pages are read: body and headline, beside trafilatura
alone, on real pages nobody here wrote.

    python scripts/measure_html.py [--split test|dev] [-v]

Body: the Article Extraction Benchmark (see extraction_pages.py; pass
--benchmark DIR or set ARTICLE_BENCHMARK). Each page is read as a saved
page in seeds/ is, and its body compared with the body a person marked,
as the benchmark's own evaluate.py does: shingles of four \\w+ tokens,
true/false positives and misses normalised per page, precision and recall
averaged over pages, F1 of the two averages. The baseline is trafilatura's
default extraction of the same page, in the same run. The benchmark marks
no headline: on its pages a headline is right, as for their text dumps
(measure_text.py), when it is the page's og:title less the site's name
after a bar or a dash (a title keeping the site's name is not the
headline), or its first <h1>.

Headline, on seven more sets: other public sets of real pages with each
page's expected title are read (any of them may be left out):

    git clone https://github.com/postlight/parser           POSTLIGHT_PAGES
    git clone https://github.com/mozilla/readability        READABILITY_PAGES
    git clone https://github.com/goose3/goose3              GOOSE3_PAGES
    git clone https://github.com/AndyTheFactory/newspaper4k NEWSPAPER4K_PAGES
    git clone https://github.com/microlinkhq/metascraper    METASCRAPER_PAGES
    git clone https://github.com/flairNLP/fundus            FUNDUS_PAGES
    git clone https://github.com/omnivore-app/omnivore      OMNIVORE_PAGES

(a work tree or a bare git directory, in those variables or --postlight,
--readability, --goose3, --newspaper4k, --metascraper, --fundus, --omnivore).
Postlight's are the headlines its custom extractors' tests expect, one site
each, and Fundus's those its hand-written publisher parsers must give; the
others are what those projects' extractors gave, and some keep the
outlet's name: a headline counts as right when its words are those of the
expected title, with or without the outlet's name (as the page's metadata
and address name the outlet: headline.Outlet.of; the same rule for the
baseline, trafilatura's own title). A second column also counts the
expected title's words up to one of its separators. Byline: on Postlight's
and Fundus's pages whose tests expect an author, the same people (order,
case and punctuation aside), beside trafilatura's own author. Date: on
Fundus's and Readability's pages that give the day the article was
published, the same day, beside trafilatura's own date.

Every page set is split once, by the SHA-1 of the page's name (an even last
digit: development; odd: test), before anything is tuned; the test half is
reported unless --split dev (or one of its two folds, --split dev-a or
dev-b).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import re
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT / "scripts"))

from extraction_pages import (  # noqa: E402
    FOLDS,
    HOW_TO_GET,
    SPLITS,
    BenchmarkMissing,
    benchmark_root,
    html_headlines,
    load_pages,
    repo_reader,
    right_title,
)

from newsarchive.extract import SkipFile, extract_html  # noqa: E402
from newsarchive.headline import Outlet, separators, strip_site  # noqa: E402
from newsarchive.htmltree import compare_key  # noqa: E402

TOKEN = re.compile(r"\w+", re.UNICODE | re.MULTILINE | re.IGNORECASE | re.DOTALL)
# readability's pages built to test one parsing rule, not news pages
SYNTHETIC = re.compile(r"^\d{3}-|metadata|missing-paragraphs")


# --- the benchmark's scoring (evaluate.py) ------------------------------


def shingles(text: str, n: int = 4) -> Counter:
    tokens = TOKEN.findall(text or "")
    grams = (tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)))
    return Counter(g for g in grams if g)


def tp_fp_fn(true: str, pred: str) -> tuple[float, float, float]:
    t, p = shingles(true), shingles(pred)
    tp = fp = fn = 0.0
    for key in t.keys() | p.keys():
        tp += min(t[key], p[key])
        fp += max(0, p[key] - t[key])
        fn += max(0, t[key] - p[key])
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def scores(counts: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    """(precision, recall, F1) as evaluate.py works them out."""
    p = statistics.mean(_precision(*c) for c in counts if c[0] + c[1] > 0)
    r = statistics.mean(_recall(*c) for c in counts if c[0] + c[2] > 0)
    return p, r, 2 * p * r / (p + r)


# --- readers ------------------------------------------------------------


def split_of(name: str) -> str:
    return (
        "dev" if hashlib.sha1(name.encode()).hexdigest()[-1] in "02468ace" else "test"
    )


def in_headline_split(name: str, split: str) -> bool:
    """Whether the page is in `split`: a half, or a fold of the dev half (by
    the SHA-1's last but one digit)."""
    if split in FOLDS:
        digit = hashlib.sha1(name.encode()).hexdigest()[-2]
        fold = "dev-a" if digit in "01234567" else "dev-b"
        return split_of(name) == "dev" and fold == split
    return split_of(name) == split


@dataclass
class Reading:
    """What a reader makes of a page."""

    title: str = ""
    body: str = ""
    authors: list[str] = field(default_factory=list)
    day: str = ""  # the day it was published, YYYY-MM-DD, when it finds one


def ours(html: bytes, name: str, url: str) -> Reading:
    """The page as a saved page in seeds/ gives it."""
    try:
        article = extract_html(html, name, {"source_url": url} if url else {})
    except SkipFile:
        return Reading()
    day = article.date.isoformat() if article.date else ""
    return Reading(article.title, "\n".join(article.paragraphs), article.authors, day)


def trafilatura_alone(html: bytes, url: str) -> Reading:
    """trafilatura's default extraction, and its own title, author and date."""
    import trafilatura

    body = trafilatura.extract(html, url=url or None) or ""
    meta = trafilatura.extract_metadata(html, default_url=url or None)
    if meta is None:
        return Reading(body=body)
    authors = (meta.author or "").split(";")
    return Reading(meta.title or "", body, authors, (meta.date or "")[:10])


NAME_SEPARATOR = re.compile(r"\s*[,;&]\s*(?:and\s+)?|\s+and\s+")


def byline_right(got: list[str], expected: str) -> bool:
    """The same people, in any order, case and punctuation aside."""

    def people(names: list[str]) -> set[str]:
        return {compare_key(n) for n in names if compare_key(n)}

    return people(got) == people(NAME_SEPARATOR.split(expected))


@dataclass
class TitledPage:
    name: str
    html: bytes
    title: str
    url: str = ""
    author: str = ""  # as the set gives it, when it does
    body: str = ""  # the article's paragraphs, one a line, when the set gives them
    date: str = ""  # the day it was published, YYYY-MM-DD, when the set gives it


def readability_pages(root: Path) -> Iterator[TitledPage]:
    read, listing = repo_reader(root)
    for folder in listing("test/test-pages"):
        name = folder.rsplit("/", 1)[-1]
        if SYNTHETIC.search(name):
            continue
        try:
            meta = json.loads(read(f"{folder}/expected-metadata.json"))
            html = read(f"{folder}/source.html")
        except (subprocess.CalledProcessError, OSError, ValueError):
            continue
        if meta.get("title") and (
            meta.get("siteName") or meta.get("byline") or meta.get("publishedTime")
        ):
            day = str(meta.get("publishedTime") or "")[:10]
            yield TitledPage(
                f"readability/{name}",
                html,
                meta["title"],
                date=day if re.fullmatch(r"\d{4}-\d\d-\d\d", day) else "",
            )


def omnivore_pages(root: Path) -> Iterator[TitledPage]:
    """Omnivore's fork of Readability.js, its own test pages: each with the
    title its tests expect and the page's address."""
    read, listing = repo_reader(root)
    for folder in listing("packages/readabilityjs/test/test-pages"):
        try:
            meta = json.loads(read(f"{folder}/expected-metadata.json"))
            html = read(f"{folder}/source.html")
            url = read(f"{folder}/url.txt").decode("utf-8", "replace").strip()
        except (subprocess.CalledProcessError, OSError, ValueError):
            continue
        if meta.get("title") and (
            meta.get("siteName") or meta.get("byline") or meta.get("publishedDate")
        ):
            name = folder.rsplit("/", 1)[-1]
            yield TitledPage(f"omnivore/{name}", html, meta["title"], url)


def goose3_pages(root: Path) -> Iterator[TitledPage]:
    read, listing = repo_reader(root)
    for folder in ("tests/data/content", "tests/data/reportagenewsarticle"):
        for path in listing(folder):
            if not path.endswith(".json"):
                continue
            data = json.loads(read(path))
            expected = data.get("expected") or {}
            if not expected.get("title"):
                continue
            html = read(path[:-5] + ".html")
            name = path.rsplit("/", 1)[-1][:-5]
            yield TitledPage(
                f"goose3/{name}", html, expected["title"], data.get("url", "")
            )


def newspaper4k_pages(root: Path) -> Iterator[TitledPage]:
    read, listing = repo_reader(root)
    for path in listing("tests/data/metadata"):
        data = json.loads(read(path))
        name = path.rsplit("/", 1)[-1][:-5]
        try:
            html = read(f"tests/data/html/{name}.html")
        except (subprocess.CalledProcessError, OSError):
            continue
        if data.get("title"):
            yield TitledPage(
                f"newspaper4k/{name}", html, data["title"], data.get("url") or ""
            )


METASCRAPER_FIELD = re.compile(
    r"^\s*(title|author|date|url): '((?:\\.|[^'\\])*)',$", re.M
)


def metascraper_pages(root: Path) -> Iterator[TitledPage]:
    """Metascraper's integration tests: a saved page and the title its
    snapshot expects; pages that name no author and no date (home pages,
    profiles, videos) are left out. Its authors are what metascraper gave,
    not what a person marked, so bylines are not scored on this set."""
    read, listing = repo_reader(root)
    for folder in listing("packages/metascraper/test/integration"):
        try:
            html = read(f"{folder}/input.html")
            snapshot = read(f"{folder}/snapshots/index.js.md").decode("utf-8")
        except (subprocess.CalledProcessError, OSError):
            continue
        fields: dict[str, str] = {}
        for key, value in METASCRAPER_FIELD.findall(snapshot):
            fields.setdefault(key, re.sub(r"\\(.)", r"\1", value))
        if fields.get("title") and fields.get("author") and fields.get("date"):
            name = folder.rsplit("/", 1)[-1]
            yield TitledPage(
                f"metascraper/{name}",
                html,
                fields["title"],
                fields.get("url", ""),
            )


FUNDUS_DATA = "tests/resources/parser/test_data"


def _version_order(name: str) -> list[int]:
    return [int(n) for n in re.findall(r"\d+", name)]


def _fundus_body(body: object) -> str:
    """A Fundus article body's summary, subheadings and paragraphs, one a
    line."""
    if not isinstance(body, dict):
        return ""
    lines = list(body.get("summary") or [])
    for section in body.get("sections") or []:
        lines += [*(section.get("headline") or []), *(section.get("paragraphs") or [])]
    return "\n".join(line for line in lines if isinstance(line, str))


def fundus_pages(root: Path) -> Iterator[TitledPage]:
    """Fundus's parser tests: for each publisher, saved pages and, for each
    version of its hand-written parser, the title and authors it must give.
    A publisher's versions and pages are paired in order (oldest version,
    earliest crawled page), as its tests pair them by crawl date."""
    read, listing = repo_reader(root)
    for country in listing(FUNDUS_DATA):
        try:
            files = [f.rsplit("/", 1)[-1] for f in listing(country)]
            meta = json.loads(read(f"{country}/meta.info"))
        except (subprocess.CalledProcessError, OSError, ValueError, NotADirectoryError):
            continue
        for expected in (f for f in files if f.endswith(".json")):
            publisher = expected[:-5]
            own = re.compile(re.escape(publisher) + r"(_\d{4}_\d\d_\d\d)?\.html\.gz")
            pages = sorted(
                filter(own.fullmatch, files),
                key=lambda f: meta.get(f, {}).get("crawl_date", ""),
            )
            versions = json.loads(read(f"{country}/{expected}"))
            if len(pages) != len(versions):
                continue
            for version, page in zip(
                sorted(versions, key=_version_order), pages, strict=True
            ):
                fields = versions[version]
                if not fields.get("title"):
                    continue
                yield TitledPage(
                    f"fundus/{page[:-8]}",
                    gzip.decompress(read(f"{country}/{page}")),
                    fields["title"],
                    meta.get(page, {}).get("url", ""),
                    ", ".join(fields.get("authors") or []),
                    _fundus_body(fields.get("body")),
                    str(fields.get("publishing_date") or "")[:10],
                )


POSTLIGHT_FIXTURE = re.compile(r"readFileSync\(\s*['\"]\./fixtures/([^'\"]+)['\"]")
POSTLIGHT_URL = re.compile(r"url\s*=\s*['\"`]([^'\"`]+)['\"`]")
POSTLIGHT_TITLE = re.compile(
    r"assert\.equal\(\s*title,\s*(['\"`])((?:\\.|(?!\1).)*)\1", re.DOTALL
)
POSTLIGHT_AUTHOR = re.compile(
    r"assert\.equal\(\s*author,\s*(['\"`])((?:\\.|(?!\1).)*)\1", re.DOTALL
)


def postlight_pages(root: Path) -> Iterator[TitledPage]:
    """The custom extractors' tests: each names a saved page and the
    headline a person wrote down for it."""
    read, listing = repo_reader(root)
    for folder in listing("src/extractors/custom"):
        try:
            test = read(f"{folder}/index.test.js").decode("utf-8")
        except (subprocess.CalledProcessError, OSError):
            continue
        fixture, url = POSTLIGHT_FIXTURE.search(test), POSTLIGHT_URL.search(test)
        title = POSTLIGHT_TITLE.search(test)
        if not (fixture and title):
            continue
        expected = re.sub(r"\\(.)", r"\1", title.group(2))
        author = POSTLIGHT_AUTHOR.search(test)
        byline = re.sub(r"\\(.)", r"\1", author.group(2)) if author else ""
        try:
            html = read(f"fixtures/{fixture.group(1)}")
        except (subprocess.CalledProcessError, OSError):
            continue
        name = folder.rsplit("/", 1)[-1]
        yield TitledPage(
            f"postlight/{name}", html, expected, url.group(1) if url else "", byline
        )


HEADLINE_SETS = {
    "postlight": ("POSTLIGHT_PAGES", postlight_pages),
    "readability": ("READABILITY_PAGES", readability_pages),
    "goose3": ("GOOSE3_PAGES", goose3_pages),
    "newspaper4k": ("NEWSPAPER4K_PAGES", newspaper4k_pages),
    "metascraper": ("METASCRAPER_PAGES", metascraper_pages),
    "fundus": ("FUNDUS_PAGES", fundus_pages),
    "omnivore": ("OMNIVORE_PAGES", omnivore_pages),
}


def title_right(got: str, page: TitledPage, sites: Outlet) -> bool:
    """The expected title's words, with or without the outlet's name."""
    if not compare_key(got):
        return False
    return compare_key(got) in (
        compare_key(page.title),
        compare_key(strip_site(page.title, sites)),
    )


def title_right_before_tail(got: str, page: TitledPage) -> bool:
    """Also right: the expected title's words up to one of its separators
    (`Headline - Author - Outlet`: the set kept what the page's <title>
    adds after the headline, names this run cannot tell are the outlet's)."""
    if not compare_key(got):
        return False
    heads = [page.title[: m.start()] for m in separators(page.title)]
    return compare_key(got) in {compare_key(page.title), *map(compare_key, heads)}


def _sites(html: bytes, url: str) -> Outlet:
    """The outlet's names, to take off an expected title (see title_right):
    what the page's metadata and address call it."""
    from trafilatura.utils import load_html

    root = load_html(html)
    return (
        Outlet.of(root, "", url)
        if root is not None
        else Outlet(frozenset(), frozenset())
    )


# --- the run ------------------------------------------------------------


def measure_bodies(root: Path, split: str, verbose: bool) -> list[str]:
    counts: dict[str, list] = {"this reader": [], "trafilatura alone": []}
    times: dict[str, list[float]] = {name: [] for name in counts}
    pages = list(load_pages(root, split))
    # headlines right, on the pages with an og:title or an <h1>
    titled, titles = 0, dict.fromkeys(counts, 0)
    for page in pages:
        start = time.perf_counter()
        mine = ours(page.html_bytes, page.page_id + ".html", page.url)
        middle = time.perf_counter()
        base = trafilatura_alone(page.html_bytes, page.url)
        times["this reader"].append(middle - start)
        times["trafilatura alone"].append(time.perf_counter() - middle)
        counts["this reader"].append(tp_fp_fn(page.body, mine.body))
        counts["trafilatura alone"].append(tp_fp_fn(page.body, base.body))
        if truths := html_headlines(page.html_bytes):
            titled += 1
            for name, reading in zip(counts, (mine, base), strict=True):
                titles[name] += right_title(reading.title, truths)
        if verbose:
            a, b = (scores([c[-1]])[2] for c in counts.values())
            print(f"  {page.page_id}  F1 {a:.3f}  trafilatura {b:.3f}")
    out = [f"Body, {len(pages)} {split} pages of the Article Extraction Benchmark"]
    out.append(f"  {'':<20} {'precision':>9} {'recall':>7} {'F1':>6}  median time")
    for name, c in counts.items():
        p, r, f = scores(c)
        ms = statistics.median(times[name]) * 1000
        out.append(f"  {name:<20} {p:9.3f} {r:7.3f} {f:6.3f}  {ms:6.0f} ms a page")
    out.append(
        f"Headline, {titled} of those pages: right (og:title less the site, or h1)"
    )
    for name, right in titles.items():
        out.append(f"  {name:<20} {right}/{titled} = {right / max(titled, 1):.1%}")
    return out


def measure_headlines(sets: dict[str, Path], split: str, verbose: bool) -> list[str]:
    who = ("this reader", "trafilatura alone")
    # per set: pages, and for each reader headlines right (two ways), bylines
    per: dict[str, list] = {}
    bylines = 0
    # the day of publication, on the pages that give it: right, wrong, none
    days: dict[str, Counter] = {w: Counter() for w in who}
    for name, folder in sets.items():
        count = per.setdefault(name, [0, {w: [0, 0, 0] for w in who}])
        for page in HEADLINE_SETS[name][1](folder):
            if not in_headline_split(page.name, split):
                continue
            count[0] += 1
            sites = _sites(page.html, page.url)
            mine = ours(page.html, page.name.rsplit("/", 1)[-1] + ".html", page.url)
            base = trafilatura_alone(page.html, page.url)
            got, authors = mine.title, mine.authors
            bylines += bool(page.author)
            for w, reading in zip(who, (mine, base), strict=True):
                right = count[1][w]
                right[0] += title_right(reading.title, page, sites)
                right[1] += title_right_before_tail(reading.title, page)
                right[2] += bool(page.author) and byline_right(
                    reading.authors, page.author
                )
                if page.date:
                    day = reading.day
                    days[w]["none" if not day else day == page.date] += 1
            if verbose and not title_right(got, page, sites):
                won = (
                    " (trafilatura right)"
                    if title_right(base.title, page, sites)
                    else ""
                )
                print(f"  {page.name}: {got!r}, expected {page.title!r}{won}")
            if verbose and page.author and not byline_right(authors, page.author):
                print(f"  {page.name}: by {authors!r}, expected {page.author!r}")
    total = sum(c[0] for c in per.values())
    sums = {w: [sum(c[1][w][i] for c in per.values()) for i in range(3)] for w in who}

    def share(k: int, n: int) -> str:
        return f"{k}/{n} = {k / n if n else 0:.1%}"

    out = [
        f"Headline, {total} {split} pages ({', '.join(per)}): right on",
        f"  {'':<20} {'as given or without the outlet':>30} {'or up to a separator':>24}",
    ]
    for w in who:
        n, m, _ = sums[w]
        out.append(f"  {w:<20} {share(n, total):>30} {share(m, total):>24}")
    out.append("  by set, as given or without the outlet:")
    for name, (pages, right) in per.items():
        cells = "   ".join(f"{w} {share(right[w][0], pages)}" for w in who)
        out.append(f"    {name:<12} {cells}")
    out.append(f"Byline, {bylines} of those pages that name their authors: right on")
    for w in who:
        out.append(f"  {w:<20} {share(sums[w][2], bylines)}")
    dated = sum(days[who[0]].values())
    out.append(f"Date, {dated} of those pages that give the day it was published:")
    for w in who:
        right, wrong, none = days[w][True], days[w][False], days[w]["none"]
        out.append(f"  {w:<20} {right} right, {wrong} wrong, {none} none")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--benchmark", help="Article Extraction Benchmark copy")
    for name, (variable, _) in HEADLINE_SETS.items():
        parser.add_argument(f"--{name}", default=os.environ.get(variable))
    parser.add_argument("--split", choices=(*SPLITS, *FOLDS), default="test")
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="each page, or each one wrong"
    )
    args = parser.parse_args(argv)
    lines: list[str] = []
    try:
        root = benchmark_root(args.benchmark)
    except BenchmarkMissing as exc:
        print(f"body: {exc}")
    else:
        lines += measure_bodies(root, args.split, args.verbose)
    sets = {n: Path(getattr(args, n)) for n in HEADLINE_SETS if getattr(args, n)}
    if sets:
        lines += measure_headlines(sets, args.split, args.verbose)
    else:
        print(
            "headline: no page set with expected titles given: "
            + ", ".join(v for v, _ in HEADLINE_SETS.values())
        )
    if not lines:
        print(f"nothing measured; to get the pages: {HOW_TO_GET}")
        return 0
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
