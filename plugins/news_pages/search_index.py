"""Build the Pagefind search index of a built site, in shards.

    python -m news_pages.search_index OUTPUT [--cache DIR]

Pagefind holds a whole index in memory (about 0.3 MB per article page) and
has no incremental mode, so the article pages are indexed in shards: month
folders (`YYYY/MM/`, oldest first) packed into groups of at most SHARD_PAGES
pages, each group whole years or months of one year (see `pack`), and
`undated/` alone. Each shard is a Pagefind bundle in
OUTPUT/pagefind/<first month>_<last month>/; the search page merges them
(Pagefind's mergeIndex). The newest month is a shard of its own, so adding
today's articles re-indexes only that month; packing from the oldest keeps
the other shards' bounds, and when a new month starts, the one before it
joins the newest packed shard (when a new year starts, the year before
joins the newest group of whole years if it fits).

OUTPUT/pagefind/shards.json lists the shards and their keys: a hash of what
Pagefind reads from each page (its <article> element, see `page_hash`) and
of the Pagefind command. A shard whose key is unchanged is kept; the others
are built again, two at a time, and shards no longer listed are removed.
When more than one shard is new, each of the two runs at a time has half of
the CPUs (see `cpu_sets`).

With --cache DIR, each page's hash of its indexed element is kept in
DIR/search-pages-<hash of OUTPUT's real path>.pickle (outside OUTPUT, which
is published) with the page's stamp: size, times, inode and device. A page
whose stamp is the recorded one is not read again (newsarchive.store.stamped,
as for raw files). The keys are the same with or without the cache.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import os
import pickle
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from importlib.metadata import version
from pathlib import Path

from newsarchive.store import Stamp, atomic_file, stamped

SHARD_PAGES = 1500  # Pagefind takes about 0.3 MB a page; two run at once
MONTH = re.compile(r"^([0-9]{4})/([0-9]{2})$")


def _folders(path: str) -> list[str]:
    """Names of the folders in `path`, sorted (none if it is missing)."""
    try:
        with os.scandir(path) as entries:
            return sorted(e.name for e in entries if e.is_dir() and e.name[0] != ".")
    except OSError:
        return []


def _pages(folder: Path) -> list[Path]:
    """folder/*/index.html, sorted."""
    base = os.fspath(folder)
    return [
        folder / name / "index.html"
        for name in _folders(base)
        if os.path.isfile(os.path.join(base, name, "index.html"))
    ]


def month_folders(output: Path) -> list[tuple[str, list[Path]]]:
    """("YYYY/MM" or "undated", its article pages), undated first, then
    oldest month first."""
    folders = []
    if undated := _pages(output / "undated"):
        folders.append(("undated", undated))
    for year in _folders(os.fspath(output)):
        for month in _folders(os.path.join(output, year)):
            name = f"{year}/{month}"
            if MONTH.match(name) and (pages := _pages(output / year / month)):
                folders.append((name, pages))
    return folders


def pack(
    folders: list[tuple[str, list[Path]]], limit: int = SHARD_PAGES
) -> list[list[tuple[str, list[Path]]]]:
    """The folders (as month_folders gives them) in groups, one a shard:
    `undated` alone; the other folders but the newest packed from the
    oldest into groups of at most `limit` pages (a larger folder makes a
    group of its own); the newest month alone. A group holds either whole
    years or months of one year, so that its glob (see `glob`) names no
    folder path between braces: for such a glob Pagefind walks the whole
    site (2.7 s a shard at 100,000 articles)."""
    if not folders:
        return []
    *rest, newest = folders
    years: dict[str, list[tuple[str, list[Path]]]] = {}
    for folder in rest:
        years.setdefault(folder[0].split("/")[0], []).append(folder)
    # (kind, folders): "years" packs with whole years, a year's name with
    # that year's months; "undated" with nothing
    units: list[tuple[str, list[tuple[str, list[Path]]]]] = []
    for year, months in years.items():
        size = sum(len(pages) for _, pages in months)
        if year == "undated":
            units.append((year, months))
        elif year != newest[0].split("/")[0] and size <= limit:
            units.append(("years", months))
        else:
            units.extend((year, [month]) for month in months)
    groups: list[list[tuple[str, list[Path]]]] = []
    kind, size = "", 0
    for unit_kind, unit in units:
        pages = sum(len(p) for _, p in unit)
        if unit_kind != kind or unit_kind == "undated" or size + pages > limit:
            groups.append([])
            kind, size = unit_kind, 0
        groups[-1].extend(unit)
        size += pages
    return [*groups, [newest]]


def shard_name(group: list[tuple[str, list[Path]]]) -> str:
    first, last = group[0][0].replace("/", "-"), group[-1][0].replace("/", "-")
    return first if first == last else f"{first}_{last}"


def glob(group: list[tuple[str, list[Path]]]) -> str:
    """Pagefind's glob for the article pages of a group made by `pack`."""
    years = list(dict.fromkeys(name.split("/")[0] for name, _ in group))
    if years == ["undated"]:
        return "undated/*/index.html"
    if len(years) > 1:  # whole years
        return f"{{{','.join(years)}}}/[0-9][0-9]/*/index.html"
    months = [name.split("/")[1] for name, _ in group]
    month = months[0] if len(months) == 1 else f"{{{','.join(months)}}}"
    return f"{years[0]}/{month}/*/index.html"


def command(output: Path, group: list[tuple[str, list[Path]]], name: str) -> list[str]:
    from pagefind_bin import get_executable  # the binary `pagefind[bin]` ships

    return [
        os.fspath(get_executable()),
        "--site",
        str(output),
        "--glob",
        glob(group),
        "--output-path",
        str(output / "pagefind" / name),
        "--quiet",
    ]


def page_hash(page: Path) -> bytes:
    """SHA-256 of what Pagefind reads from a page: its <article> element,
    which holds the parts it indexes (data-pagefind-body) and the filters
    and metadata (the whole page when it has no such element)."""
    data = page.read_bytes()
    start = data.find(b"<article")
    end = data.find(b"</article>", start)
    return hashlib.sha256(data[start:end] if 0 <= start < end else data).digest()


def cache_file(cache: Path, output: Path) -> Path:
    """Where the page hashes of the site in `output` are kept."""
    out = hashlib.sha1(os.path.realpath(output).encode()).hexdigest()[:16]
    return cache / f"search-pages-{out}.pickle"


def page_hashes(
    output: Path, pages: list[Path], cache: Path | None = None
) -> dict[Path, tuple[str, bytes]]:
    """Each page's path relative to `output` (posix style) and page_hash.
    With a cache folder, the hash of a page whose stamp is the one recorded
    is taken from the cache file instead of the page."""
    # the pages were found under output: their paths start with its own
    # (Path.relative_to takes ten times as long)
    start = len(os.fspath(output / "_")) - 1
    rels = {page: os.fspath(page)[start:].replace(os.sep, "/") for page in pages}
    if cache is None:
        return {page: (rel, page_hash(page)) for page, rel in rels.items()}
    path = cache_file(cache, output)
    try:
        old = pickle.loads(path.read_bytes())
    except Exception:  # missing, truncated or not a pickle: hash them all
        old = {}
    if not isinstance(old, dict):
        old = {}
    stamps: dict[str, tuple[Stamp, bytes]] = dict(old)
    digests = stamped({rel: page for page, rel in rels.items()}, stamps, page_hash)
    hashes = {
        page: (rel, page_hash(page) if digests[rel] is None else digests[rel])
        for page, rel in rels.items()
    }
    kept = {rel: stamps[rel] for rel in rels.values() if rel in stamps}  # still there
    if kept != old:
        with atomic_file(path) as fh:
            pickle.dump(kept, fh, protocol=pickle.HIGHEST_PROTOCOL)
    return hashes


def shard_key(
    group: list[tuple[str, list[Path]]], hashes: dict[Path, tuple[str, bytes]]
) -> str:
    """Hash of each page's path and indexed element (from page_hashes), and
    of the tool."""
    digest = hashlib.sha256(f"pagefind {version('pagefind')}\n".encode())
    for _, pages in group:
        for page in pages:
            rel, body = hashes[page]
            digest.update(rel.encode() + b"\0")
            digest.update(body)
    return digest.hexdigest()


def cpu_sets(cpus: list[int], jobs: int) -> list[set[int]]:
    """The CPUs split among `jobs` runs at once, none shared, or [] (no
    split) for one run or one CPU. A Pagefind run keeps about 1.35 CPUs
    busy, so two unbound runs on two CPUs contend: bound, one to each, they
    index the same pages in about 5 % less time."""
    jobs = min(jobs, len(cpus))
    if jobs <= 1:
        return []
    return [set(cpus[i::jobs]) for i in range(jobs)]


def _bind(sets: list[set[int]], slot: itertools.count) -> None:
    """Bind the calling thread, and so each process it starts, to the next
    set of CPUs (Linux; elsewhere nothing)."""
    if sets:
        os.sched_setaffinity(0, sets[next(slot) % len(sets)])


# Pagefind's ready-made search interfaces: the search page has its own
# (theme/static/js/search.js), which loads pagefind.js alone. About 420 KB a
# shard.
UNUSED = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)


# The search page loads the first shard's pagefind.js, whose worker runs the
# merged shards: the other shards need only their index and their language's
# WebAssembly. About 87 KB a shard.
LOADER = ("pagefind.js", "pagefind-worker.js")


def drop_unused(shard: Path, first: bool) -> None:
    """Remove from a built shard what the search page never loads: UNUSED,
    LOADER unless it is the `first` shard, and the WebAssembly of languages
    its pagefind-entry.json does not name (Pagefind writes one for pages of
    an unknown language whatever the pages are: about 68 KB)."""
    for name in UNUSED + (() if first else LOADER):
        (shard / name).unlink(missing_ok=True)
    entry = shard / "pagefind-entry.json"
    if not entry.is_file():  # nothing indexed
        return
    languages = json.loads(entry.read_bytes())["languages"]
    wanted = {
        f"wasm.{lang.get('wasm') or 'unknown'}.pagefind" for lang in languages.values()
    }
    for path in shard.glob("wasm.*.pagefind"):
        if path.name not in wanted:
            path.unlink()


def build_index(
    output: Path, limit: int = SHARD_PAGES, jobs: int = 2, cache: Path | None = None
) -> list[str]:
    """Bring OUTPUT/pagefind up to date; return the names of shards built.
    `cache`: a folder outside OUTPUT keeping the pages' hashes between runs."""
    if cache is not None and Path(os.path.realpath(cache)).is_relative_to(
        os.path.realpath(output)
    ):
        raise ValueError(f"the cache {cache} would be published in {output}")
    root = output / "pagefind"
    listing = root / "shards.json"
    try:
        old = json.loads(listing.read_text(encoding="utf-8"))["keys"]
    except (OSError, ValueError, KeyError, TypeError):
        old = {}
    folders = month_folders(output)
    groups = pack(folders, limit)
    shards = {shard_name(g): g for g in groups}
    listing.unlink(missing_ok=True)  # an interrupted build leaves no listing
    # shards new or missing are built whatever their pages hold: they start
    # while the pages are hashed (all of them on a first build)
    first = next(iter(shards), None)
    todo = [
        name
        for name in shards
        if name not in old
        or not (root / name / "pagefind-entry.json").is_file()
        # a shard built when it was not the first lacks the loader
        or (name == first and not (root / name / LOADER[0]).is_file())
    ]
    if root.is_dir():
        for path in root.iterdir():
            if path.is_dir() and (path.name not in shards or path.name in todo):
                shutil.rmtree(path)
            elif path.is_file() and path.name != "shards.json":
                path.unlink()  # a single index from an older layout

    def run(name: str) -> None:
        subprocess.run(command(output, shards[name], name), check=True)
        drop_unused(root / name, name == first)

    # a clean build's runs are bound (Linux); one run (today's month) has
    # every CPU
    bind = hasattr(os, "sched_setaffinity") and len(todo) > 1
    sets = cpu_sets(sorted(os.sched_getaffinity(0)), jobs) if bind else []
    with ThreadPoolExecutor(
        max(1, min(jobs, os.cpu_count() or 1)),
        initializer=_bind,
        initargs=(sets, itertools.count()),
    ) as pool:
        runs = [pool.submit(run, name) for name in todo]
        hashes = page_hashes(output, [p for _, pages in folders for p in pages], cache)
        keys = {name: shard_key(g, hashes) for name, g in shards.items()}
        for name in shards:
            if name not in todo and old.get(name) != keys[name]:
                shutil.rmtree(root / name)
                todo.append(name)
                runs.append(pool.submit(run, name))
        for done in runs:
            done.result()
    for name in shards:  # a shard kept that was the first: as if built now
        if name != first:
            for loader in LOADER:
                (root / name / loader).unlink(missing_ok=True)
    root.mkdir(exist_ok=True)
    listing.write_text(
        json.dumps({"shards": list(shards), "keys": keys}, indent=1) + "\n",
        encoding="utf-8",
    )
    return sorted(todo, key=list(shards).index)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(prog="python -m news_pages.search_index")
    parser.add_argument("output", type=Path, help="the built site")
    parser.add_argument(
        "--cache", type=Path, help="folder keeping page hashes (not in OUTPUT)"
    )
    args = parser.parse_args()
    built = build_index(args.output, cache=args.cache)
    if built:
        print(f"search index: {len(built)} shard(s) built", file=sys.stderr)
