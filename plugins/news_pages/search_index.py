"""Build the Pagefind search index of a built site, in shards.

    python -m news_pages.search_index OUTPUT

Pagefind holds a whole index in memory (about 0.3 MB per article page) and
has no incremental mode, so the article pages are indexed in shards: month
folders (`YYYY/MM/`, oldest first, and `undated/`) packed into groups of at
most SHARD_PAGES pages. Each shard is a Pagefind bundle in
OUTPUT/pagefind/<first month>_<last month>/; the search page merges them
(Pagefind's mergeIndex). The newest month is a shard of its own, so adding
today's articles re-indexes only that month; packing from the oldest keeps
the other shards' bounds, and when a new month starts, the one before it
joins the newest packed shard.

OUTPUT/pagefind/shards.json lists the shards and their keys: a hash of what
Pagefind reads from each page (the element marked data-pagefind-body) and
of the Pagefind command. A shard whose key is unchanged is kept; the others
are built again, two at a time, and shards no longer listed are removed.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from importlib.metadata import version
from pathlib import Path

SHARD_PAGES = 1500  # Pagefind takes about 0.3 MB a page; two run at once
MONTH = re.compile(r"^(\d{4})/(\d\d)$")


def month_folders(output: Path) -> list[tuple[str, list[Path]]]:
    """("YYYY/MM" or "undated", its article pages), undated first, then
    oldest month first."""
    folders = []
    undated = sorted((output / "undated").glob("*/index.html"))
    if undated:
        folders.append(("undated", undated))
    for year in sorted(output.glob("[0-9][0-9][0-9][0-9]")):
        for month in sorted(year.glob("[0-9][0-9]")):
            name = f"{year.name}/{month.name}"
            pages = sorted(month.glob("*/index.html"))
            if MONTH.match(name) and pages:
                folders.append((name, pages))
    return folders


def pack(
    folders: list[tuple[str, list[Path]]], limit: int = SHARD_PAGES
) -> list[list[tuple[str, list[Path]]]]:
    """Consecutive folders in groups of at most `limit` pages (a larger
    folder makes a group of its own)."""
    groups: list[list[tuple[str, list[Path]]]] = []
    size = 0
    for folder in folders:
        if not groups or size + len(folder[1]) > limit:
            groups.append([])
            size = 0
        groups[-1].append(folder)
        size += len(folder[1])
    return groups


def shard_name(group: list[tuple[str, list[Path]]]) -> str:
    first, last = group[0][0].replace("/", "-"), group[-1][0].replace("/", "-")
    return first if first == last else f"{first}_{last}"


def command(output: Path, group: list[tuple[str, list[Path]]], name: str) -> list[str]:
    folders = ",".join(folder for folder, _ in group)
    return [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        str(output),
        "--glob",
        f"{{{folders}}}/*/index.html",
        "--output-path",
        str(output / "pagefind" / name),
        "--quiet",
    ]


def shard_key(output: Path, group: list[tuple[str, list[Path]]]) -> str:
    """Hash of each page's path and indexed element, and of the tool."""
    digest = hashlib.sha256(f"pagefind {version('pagefind')}\n".encode())
    for _, pages in group:
        for page in pages:
            data = page.read_bytes()
            start = data.find(b"data-pagefind-body")
            end = data.find(b"</article>", start)
            body = data[start:end] if 0 <= start < end else data
            digest.update(page.relative_to(output).as_posix().encode() + b"\0")
            digest.update(hashlib.sha256(body).digest())
    return digest.hexdigest()


def build_index(output: Path, limit: int = SHARD_PAGES, jobs: int = 2) -> list[str]:
    """Bring OUTPUT/pagefind up to date; return the names of shards built."""
    root = output / "pagefind"
    listing = root / "shards.json"
    try:
        old = json.loads(listing.read_text(encoding="utf-8"))["keys"]
    except (OSError, ValueError, KeyError, TypeError):
        old = {}
    folders = month_folders(output)
    # the newest month alone: today's articles re-index only it
    groups = pack(folders[:-1], limit) + [folders[-1:]] if folders else []
    shards = {shard_name(g): g for g in groups}
    keys = {name: shard_key(output, g) for name, g in shards.items()}
    todo = [
        name
        for name in shards
        if old.get(name) != keys[name]
        or not (root / name / "pagefind-entry.json").is_file()
    ]
    listing.unlink(missing_ok=True)  # an interrupted build leaves no listing
    if root.is_dir():
        for path in root.iterdir():
            if path.is_dir() and (path.name not in shards or path.name in todo):
                shutil.rmtree(path)
            elif path.is_file() and path.name != "shards.json":
                path.unlink()  # a single index from an older layout

    def run(name: str) -> None:
        subprocess.run(command(output, shards[name], name), check=True)

    with ThreadPoolExecutor(max(1, min(jobs, os.cpu_count() or 1))) as pool:
        list(pool.map(run, todo))
    root.mkdir(exist_ok=True)
    listing.write_text(
        json.dumps({"shards": list(shards), "keys": keys}, indent=1) + "\n",
        encoding="utf-8",
    )
    return todo


if __name__ == "__main__":
    built = build_index(Path(sys.argv[1]))
    if built:
        print(f"search index: {len(built)} shard(s) built", file=sys.stderr)
