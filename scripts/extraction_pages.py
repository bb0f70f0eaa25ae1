"""Real news pages with ground truth, for measuring extraction.

The pages come from the public Article Extraction Benchmark (181 article
pages from many outlets, each saved as HTML, with the article body a person
marked). They are not part of this repository; get a copy with

    git clone https://github.com/scrapinghub/article-extraction-benchmark

and pass its folder (a work tree, or a bare git directory) as `--benchmark`
or in the environment as `ARTICLE_BENCHMARK`.

The pages are split once, by their id, before any rule is tuned: ids whose
last hex digit is even are the development half, the others the test half.
Figures are reported on the test half. For two-fold cross-validation while
tuning, the development half is split again by the id's last but one hex
digit: 0 to 7 are fold `dev-a`, 8 to f fold `dev-b` (a change is kept only
when it helps the fold it was not made on too).

`render_text_dump` turns a page into a text dump the way raw archives hold
them: the document title, then the page's visible text, one block per line,
blank lines between.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "plugins"))

from newsarchive.htmltree import BLOCKS, HIDDEN_STYLE, INVISIBLE  # noqa: E402

HOW_TO_GET = (
    "git clone https://github.com/scrapinghub/article-extraction-benchmark DIR, "
    "then pass --benchmark DIR or set ARTICLE_BENCHMARK=DIR"
)

SPLITS = ("dev", "test")
FOLDS = ("dev-a", "dev-b")


@dataclass(frozen=True, slots=True)
class BenchmarkPage:
    page_id: str
    url: str
    html_bytes: bytes
    body: str  # the article body as marked by a person

    @property
    def split(self) -> str:
        return split_of(self.page_id)


def split_of(page_id: str) -> str:
    """`dev` or `test`, fixed by the id alone."""
    return "dev" if page_id[-1] in "02468ace" else "test"


def in_split(page_id: str, split: str) -> bool:
    """Whether the page is in `split`: a half, or a fold of the dev half."""
    if split in FOLDS:
        fold = "dev-a" if page_id[-2] in "01234567" else "dev-b"
        return split_of(page_id) == "dev" and fold == split
    return split_of(page_id) == split


class BenchmarkMissing(RuntimeError):
    pass


def benchmark_root(given: str | None) -> Path:
    path = given or os.environ.get("ARTICLE_BENCHMARK")
    if not path:
        raise BenchmarkMissing(f"no copy of the benchmark given: {HOW_TO_GET}")
    root = Path(path)
    if (root / "ground-truth.json").is_file() or (root / "HEAD").is_file():
        return root
    if (root / "repo" / "HEAD").is_file():  # a mirror folder holding the git dir
        return root / "repo"
    raise BenchmarkMissing(f"{root} is not a copy of the benchmark: {HOW_TO_GET}")


def repo_reader(root: Path) -> tuple[Callable[[str], bytes], Callable[[str], list]]:
    """(read a file, list a folder) of a work tree or a bare git directory."""
    if not (root / "HEAD").is_file() and (root / "repo" / "HEAD").is_file():
        root = root / "repo"
    if (root / "HEAD").is_file() and not (root / ".git").exists():

        def git(*args: str) -> bytes:
            return subprocess.run(
                ["git", f"--git-dir={root}", *args], check=True, capture_output=True
            ).stdout

        def read(name: str) -> bytes:
            return git("show", f"HEAD:{name}")

        def listing(folder: str) -> list[str]:
            out = git("ls-tree", "--name-only", f"HEAD:{folder}").decode()
            return [f"{folder}/{n}" for n in out.split()]

        return read, listing
    return (
        lambda name: (root / name).read_bytes(),
        lambda folder: sorted(f"{folder}/{p.name}" for p in (root / folder).iterdir()),
    )


def load_pages(root: Path, split: str | None = None) -> Iterator[BenchmarkPage]:
    """Every page of the benchmark, or of one split (or fold), in id order."""
    read, _ = repo_reader(root)
    truth = json.loads(read("ground-truth.json"))
    for page_id in sorted(truth):
        if split and not in_split(page_id, split):
            continue
        html = gzip.decompress(read(f"html/{page_id}.html.gz"))
        yield BenchmarkPage(
            page_id=page_id,
            url=truth[page_id].get("url", ""),
            html_bytes=html,
            body=truth[page_id].get("articleBody", ""),
        )


# --- text dumps ---------------------------------------------------------

_SPACE = re.compile(r"\s+")


def _hidden(tag: Tag) -> bool:
    if tag.name in INVISIBLE or tag.has_attr("hidden"):
        return True
    return bool(HIDDEN_STYLE.search(tag.get("style") or ""))


def _blocks(node: Tag, out: list[str], current: list[str]) -> None:
    for child in node.children:
        if isinstance(child, Comment):
            continue
        if isinstance(child, NavigableString):
            current.append(str(child))
            continue
        if not isinstance(child, Tag) or _hidden(child):
            continue
        if child.name in BLOCKS:
            _flush(out, current)
            _blocks(child, out, current)
            _flush(out, current)
        else:
            _blocks(child, out, current)


def _flush(out: list[str], current: list[str]) -> None:
    text = _SPACE.sub(" ", "".join(current)).strip()
    current.clear()
    if text:
        out.append(text)


def render_text_dump(html: bytes | str) -> str:
    """The page as a text dump: its title, then one visible block per line
    (bytes that are UTF-8 read as UTF-8, whatever charset the page still
    declares: a page saved again as UTF-8)."""
    if isinstance(html, bytes):
        try:
            html = html.decode("utf-8")
        except UnicodeDecodeError:
            pass
    soup = BeautifulSoup(html, "html.parser")
    lines: list[str] = []
    title = soup.find("title")
    if title and title.get_text(strip=True):
        lines.append(_SPACE.sub(" ", title.get_text()).strip())
    root = soup.body or soup
    _blocks(root, lines, [])
    return "\n\n".join(lines) + "\n"


def normalise_line(text: str) -> str:
    """A line as compared with the ground truth: spacing and case ignored."""
    return _SPACE.sub(" ", text).strip().casefold()


_SITE = re.compile(r"\s+(?:[|–—·•]|-{1,2})\s+(?:\S+\s*){1,5}$")


def without_site(title: str) -> str:
    """A title less a trailing ` - Site` or ` | Site` of five words or fewer."""
    return _SITE.sub("", title)


def html_headlines(html: bytes) -> set[str]:
    """The page's headline as its HTML gives it, the benchmark marking none:
    its og:title without a trailing site name (` - Site`, ` | Site`: a
    title that keeps the site's name is not the headline), and its first
    h1."""
    soup = BeautifulSoup(html, "html.parser")
    found = set()
    og = soup.find("meta", attrs={"property": "og:title"})
    if og and og.get("content", "").strip():
        found.add(normalise_line(without_site(og["content"])))
    h1 = soup.find("h1")
    if h1 and h1.get_text(strip=True):
        found.add(normalise_line(h1.get_text(" ")))
    found.discard("")  # (an og:title that is only the site's name)
    return found


def right_title(title: str, truths: set[str]) -> bool:
    """`title` is one of the page's headlines (html_headlines)."""
    return normalise_line(title) in truths
