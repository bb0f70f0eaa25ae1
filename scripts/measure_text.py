"""How well the text path finds the article in page dumps of real outlets.

    python scripts/measure_text.py [--benchmark DIR] [--split test]

(`--split dev-a` or `dev-b`: a fold of the development half, for tuning;
`--split dev` prints the extractor's figures on each fold too.)

(`make measure` runs it with ARTICLE_BENCHMARK, FUNDUS_PAGES, GOOSE3_PAGES
and NEWSPAPER4K_PAGES from the environment.)

Pages: the Article Extraction Benchmark (see extraction_pages.py), each
rendered to a text dump the way raw archives hold them. A dump line is an
article line when, spacing and case aside, it is one of the body's
paragraphs as a person marked them, or a part of the body of four words or
more, or holds such a paragraph. Printed for the chosen half (`test`
unless told): line precision, recall and F1 of

- this extractor (the lines it keeps as the body),
- no-op: keeping every line,
- jusText on the same lines (each line one paragraph, English stop list),

and how often the title is the headline: the page's `og:title` less a
trailing ` - Site` or ` | Site` (a title keeping the site's name is not
the headline), or its first `<h1>`, taken from its HTML. With GOOSE3_PAGES
or NEWSPAPER4K_PAGES set, also on the pages whose expected titles those
projects keep in their tests, read and split as measure_html.py reads and
splits them. With FUNDUS_PAGES set, the same figures on Fundus's pages
(news from some 40 countries, most not in English; see measure_fundus).
And the average CPU time the extractor takes per dump (its word lists
loaded once before): the machine may be shared and noisy, so every dump is
extracted in each of three passes and the best pass is printed, beside the
first pass (the one interleaved with the measuring, caches cold).

Third-party pages are read from local copies and never kept here; without
a copy the script says how to get one and exits 0.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT / "scripts"))

import justext  # noqa: E402
from extraction_pages import (  # noqa: E402
    FOLDS,
    SPLITS,
    BenchmarkMissing,
    benchmark_root,
    html_headlines,
    in_split,
    load_pages,
    normalise_line,
    render_text_dump,
    right_title,
    without_site,
)
from measure_html import HEADLINE_SETS, byline_right, in_headline_split  # noqa: E402
from measure_html import split_of as page_split  # noqa: E402

from newsarchive.extract import SkipFile, extract_text  # noqa: E402
from newsarchive.htmltree import compare_key  # noqa: E402

# the sets of saved pages with expected titles that measure_html.py reads
TITLE_SETS = {name: HEADLINE_SETS[name] for name in ("goose3", "newspaper4k")}
TITLE_SETS_HOW = (
    "git clone https://github.com/goose3/goose3 and/or "
    "https://github.com/AndyTheFactory/newspaper4k (a work tree or a bare git "
    "directory), then set GOOSE3_PAGES and NEWSPAPER4K_PAGES"
)


@dataclass
class Lines:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, predicted: set[int], truth: set[int]) -> None:
        self.tp += len(predicted & truth)
        self.fp += len(predicted - truth)
        self.fn += len(truth - predicted)

    def row(self, name: str) -> str:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return f"  {name:<12} precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}"


@dataclass
class Tally:
    """The figures of one set of pages: lines of the extractor (and, on the
    dev half, of each fold), of no-op and of jusText; headlines right."""

    split: str
    ours: Lines = field(default_factory=Lines)
    noop: Lines = field(default_factory=Lines)
    justext: Lines = field(default_factory=Lines)
    folds: dict[str, Lines] = field(default_factory=dict)
    titles: int = 0
    pages: int = 0

    def __post_init__(self) -> None:
        if self.split == "dev":
            self.folds = {fold: Lines() for fold in FOLDS}

    def add(
        self, dump: str, body: str, article: Any, folds: set[str], title_ok: bool
    ) -> None:
        """One page: its dump, its body as marked, what the extractor gave
        (None: skipped), the folds of the dev half it is in."""
        lines, truth = article_lines(dump, body)
        kept = lines - {r.line for r in article.removed} if article else set()
        self.pages += 1
        self.ours.add(kept, truth)
        for fold in folds & self.folds.keys():
            self.folds[fold].add(kept, truth)
        self.noop.add(lines, truth)
        self.justext.add(justext_lines(dump), truth)
        self.titles += title_ok

    def print(self, what: str, headline: str) -> None:
        part = "fold of the dev half" if self.split in FOLDS else "half"
        print(f"text dumps, {self.split} {part} of {what}: {self.pages} pages")
        print(self.ours.row("extractor"))
        for fold, counts in self.folds.items():
            print(counts.row(f"  on {fold}"))
        print(self.noop.row("no-op"))
        print(self.justext.row("jusText"))
        share = self.titles / self.pages if self.pages else 0
        print(
            f"  headline right ({headline}): {self.titles}/{self.pages} = {share:.0%}"
        )


def article_lines(dump: str, body: str) -> tuple[set[int], set[int]]:
    """(numbers of the non-blank lines, numbers of the article's lines)."""
    whole = normalise_line(body)
    paragraphs = {normalise_line(p) for p in body.split("\n") if p.strip()}
    lines, truth = set(), set()
    for number, line in enumerate(dump.split("\n"), 1):
        text = normalise_line(line)
        if not text:
            continue
        lines.add(number)
        if (
            text in paragraphs
            or (len(text.split()) >= 4 and text in whole)
            or any(len(p.split()) >= 4 and p in text for p in paragraphs)
        ):
            truth.add(number)
    return lines, truth


def justext_lines(dump: str) -> set[int]:
    """The lines jusText keeps, each dump line given to it as a paragraph."""
    numbered = [(n, x) for n, x in enumerate(dump.split("\n"), 1) if x.strip()]
    paragraphs = "".join(f"<p>{escape(x)}</p>" for _, x in numbered)
    html = f"<html><body>{paragraphs}</body></html>"
    kept = justext.justext(html.encode(), justext.get_stoplist("English"))
    out, k = set(), 0
    for paragraph in kept:  # in order; match each back to its line
        text = normalise_line(paragraph.text)
        while k < len(numbered) and normalise_line(numbered[k][1]) != text:
            k += 1
        if k < len(numbered):
            if not paragraph.is_boilerplate:
                out.add(numbered[k][0])
            k += 1
    return out


PASSES = 3  # timed passes over the dumps; the best one is the figure


def timed_pass(jobs: list[tuple[str, str, dict]]) -> float:
    """CPU seconds the extractor takes over all the dumps, once each."""
    started = time.process_time()
    for dump, page_id, manifest in jobs:
        try:
            extract_text(dump, page_id, manifest)
        except SkipFile:
            pass
    return time.process_time() - started


FUNDUS_HOW = (
    "git clone https://github.com/flairNLP/fundus (a work tree or a bare git "
    "directory), then set FUNDUS_PAGES"
)


def measure_fundus(folder: Path, split: str, verbose: bool) -> None:
    """The same figures on Fundus's pages (news of some 40 countries, most
    not in English), rendered as dumps: the article lines are the body its
    hand-written publisher parsers must give, the headline the title they
    must give (an outlet's name after it aside); and the authors they give
    (measure_html.byline_right) and the day of the publishing date, each
    page's address given as its manifest's source_url."""
    tally = Tally(split)
    either = 0  # headlines right as Fundus gives them or as the benchmark's are
    bylines = [0, 0]  # right, of pages naming their authors
    dated = Counter()  # right, wrong, unknown
    for page in HEADLINE_SETS["fundus"][1](folder):
        if not (page.body and in_headline_split(page.name, split)):
            continue
        dump = render_text_dump(page.html)
        try:
            article = extract_text(dump, page.name, {"source_url": page.url})
        except SkipFile:
            article = None
        # (its words, as measure_html.py compares them)
        wanted = {compare_key(page.title), compare_key(without_site(page.title))}
        ok = article is not None and compare_key(article.title) in wanted
        folds = {f for f in FOLDS if in_headline_split(page.name, f)}
        tally.add(dump, page.body, article, folds, ok)
        either += ok or (
            article is not None
            and right_title(article.title, html_headlines(page.html))
        )
        if page.author:
            bylines[0] += bool(article) and byline_right(article.authors, page.author)
            bylines[1] += 1
        if page.date:
            got = article.date.isoformat() if article and article.date else ""
            dated[
                "unknown" if not got else "right" if got == page.date else "wrong"
            ] += 1
        if verbose:
            got = article and article.title
            print(f"{'ok ' if ok else 'NO '} {page.name}: {got!r} / {page.title!r}")
    if tally.pages:
        tally.print("Fundus's pages", "Fundus's title")
        print(
            f"    or the page's og:title (less the site) or h1, as on the benchmark: "
            f"{either}/{tally.pages} = {either / tally.pages:.0%}"
        )
        right, named = bylines
        print(f"  authors right (Fundus's): {right}/{named} = {right / named:.0%}")
        print(
            f"  date (the address given as the manifest's source_url): "
            f"{dated['right']} right, {dated['wrong']} wrong, "
            f"{dated['unknown']} unknown of {sum(dated.values())}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--benchmark", help="copy of the benchmark")
    parser.add_argument("--split", default="test", choices=(*SPLITS, *FOLDS))
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    try:
        root = benchmark_root(args.benchmark)
    except BenchmarkMissing as exc:
        print(f"skipped: {exc}")
        return 0

    tally = Tally(args.split)  # (on the dev half, each fold too)
    extract_text("A page\n\nTo load the word lists once.\n", "warm-up")
    spent = 0.0
    jobs = []  # (dump, page id, manifest) for the further timed passes
    for page in load_pages(root, args.split):
        dump = render_text_dump(page.html_bytes)
        jobs.append((dump, page.page_id, {"source_url": page.url}))
        started = time.process_time()  # CPU time: the machine may be shared
        try:
            article = extract_text(dump, *jobs[-1][1:])
        except SkipFile:
            article = None
        spent += time.process_time() - started
        ok = article is not None and right_title(
            article.title, html_headlines(page.html_bytes)
        )
        folds = {f for f in FOLDS if in_split(page.page_id, f)}
        tally.add(dump, page.body, article, folds, ok)
        if args.verbose:
            print(
                f"{'ok ' if ok else 'NO '} {page.url[:60]}: {article and article.title}"
            )
    tally.print("the benchmark", "og:title less the site, or h1")
    pages = tally.pages
    best = min([spent] + [timed_pass(jobs) for _ in range(PASSES - 1)])
    print(
        f"  extractor CPU time per page, average: {best / pages * 1000:.2f} ms "
        f"(best of {PASSES} passes; first pass {spent / pages * 1000:.2f} ms)"
    )

    if folder := os.environ.get(HEADLINE_SETS["fundus"][0]):
        measure_fundus(Path(folder), args.split, args.verbose)
    else:
        print(f"Fundus's pages: skipped: {FUNDUS_HOW}")

    sets = {
        name: Path(folder)
        for name, (variable, _) in TITLE_SETS.items()
        if (folder := os.environ.get(variable))
    }
    if not sets:
        print(f"headline on other sets: skipped: {TITLE_SETS_HOW}")
    for name, folder in sets.items():
        named = [
            p for p in TITLE_SETS[name][1](folder) if page_split(p.name) == args.split
        ]
        right = 0
        for page in named:
            truth = {
                normalise_line(page.title),
                normalise_line(without_site(page.title)),
            }
            try:
                article = extract_text(render_text_dump(page.html), page.name)
            except SkipFile:
                article = None
            ok = article is not None and right_title(article.title, truth)
            right += ok
            if args.verbose:
                print(
                    f"{'ok ' if ok else 'NO '} {page.name}: {article and article.title}"
                )
        if named:
            print(
                f"headline right, {name} ({args.split} half): "
                f"{right}/{len(named)} = {right / len(named):.0%}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
