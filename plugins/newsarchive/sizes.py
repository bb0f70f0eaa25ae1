"""Where a built site's bytes go: each file sorted into a page type.

    python -m newsarchive.sizes output [--articles N]

prints bytes, files and bytes per article for each type (article pages,
tag/author/section/date listing pages, feeds by kind, search index,
sitemaps, assets), largest first.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

# (type, pattern on the path relative to the output root), first match wins
KINDS: list[tuple[str, re.Pattern]] = [
    (kind, re.compile(pattern))
    for kind, pattern in [
        ("search index", r"^pagefind/"),
        ("sitemaps", r"^(sitemap[^/]*\.xml|robots\.txt)$"),
        ("assets", r"^theme/"),
        ("feed: site", r"^feed\.xml$"),
        ("feed: section", r"^section/.+/feed\.xml$"),
        ("feed: author", r"^author/.+/feed\.xml$"),
        ("feed: tag", r"^tag/.+/feed\.xml$"),
        ("article pages", r"^(\d{4}/\d{2}|undated)/[^/]+/index\.html$"),
        ("date archives", r"^archive/.+\.html$"),
        ("section pages", r"^section/.+\.html$"),
        ("author pages", r"^author/.+\.html$"),
        ("tag pages", r"^tag/.+\.html$"),
        ("front pages", r"^(page/\d+/)?index\.html$"),
    ]
]


def kind_of(relpath: str) -> str:
    for kind, pattern in KINDS:
        if pattern.search(relpath):
            return kind
    return "other"


def _files(root: str | Path, prefix: str = ""):
    """(path relative to `root` with "/", size) of each file under `root`:
    one stat a file (a build's summary walks tens of thousands)."""
    with os.scandir(root) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                yield from _files(entry.path, f"{prefix}{entry.name}/")
            elif entry.is_file(follow_symlinks=False):
                yield prefix + entry.name, entry.stat(follow_symlinks=False).st_size


def site_size(root: Path) -> tuple[int, int]:
    """(bytes, files) of everything under `root`."""
    total = files = 0
    for _, size in _files(root):
        total += size
        files += 1
    return total, files


def sizes_by_kind(root: Path) -> dict[str, tuple[int, int]]:
    """{type: (bytes, files)} of every file under `root`."""
    out: dict[str, list[int]] = {}
    for rel, size in _files(root):
        row = out.setdefault(kind_of(rel), [0, 0])
        row[0] += size
        row[1] += 1
    return {k: (b, n) for k, (b, n) in out.items()}


def table(sizes: dict[str, tuple[int, int]], articles: int) -> str:
    total = sum(b for b, _ in sizes.values())
    files = sum(n for _, n in sizes.values())
    rows = sorted(sizes.items(), key=lambda kv: -kv[1][0])
    rows.append(("all", (total, files)))
    head = ("type", "MB", "files", "bytes/file", "bytes/article", "share")
    body = [
        (
            kind,
            f"{b / 1e6:.1f}",
            f"{n:,}",
            f"{b // max(n, 1):,}",
            f"{b // max(articles, 1):,}",
            f"{100 * b / max(total, 1):.0f}%",
        )
        for kind, (b, n) in rows
    ]
    widths = [max(len(h), *(len(r[i]) for r in body)) for i, h in enumerate(head)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(head, widths, strict=True))]
    lines += [
        "  ".join(
            c.rjust(w) if i else c.ljust(w)
            for i, (c, w) in enumerate(zip(r, widths, strict=True))
        )
        for r in body
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path)
    parser.add_argument("--articles", type=int, help="default: article pages")
    args = parser.parse_args(argv)
    sizes = sizes_by_kind(args.output)
    articles = args.articles or sizes.get("article pages", (0, 0))[1]
    print(f"{args.output}: {articles:,} articles")
    print(table(sizes, articles))
    return 0


if __name__ == "__main__":
    sys.exit(main())
