"""The search index is built in shards, and only changed shards are rebuilt."""

from __future__ import annotations

import json
import os
import pickle
import sys
from pathlib import Path

import pytest

from news_pages import search_index
from news_pages.search_index import (
    build_index,
    cache_file,
    cpu_sets,
    glob,
    pack,
    page_hashes,
)
from newsarchive import store
from tests.conftest import build_site, make_archive
from tests.test_incremental import HEADER, raw, row


def folders(*sizes: int) -> list[tuple[str, list[Path]]]:
    return [
        (f"2019/{m:02d}", [Path(f"p{m}-{i}") for i in range(n)])
        for m, n in enumerate(sizes, 1)
    ]


def names(groups) -> list[list[str]]:
    return [[name for name, _ in group] for group in groups]


def test_pack_keeps_order_and_limit():
    groups = pack(folders(3, 2, 4, 7, 1), limit=5)
    assert names(groups) == [
        ["2019/01", "2019/02"],
        ["2019/03"],
        ["2019/04"],
        ["2019/05"],
    ]
    assert pack([], limit=5) == []


def test_adding_to_the_newest_month_keeps_older_shards():
    before = names(pack(folders(3, 2, 4, 1), limit=5))
    after = names(pack(folders(3, 2, 4, 3), limit=5))
    assert after[: len(before) - 1] == before[:-1]


def test_groups_are_whole_years_or_months_of_one_year():
    # globs naming folder paths between braces make Pagefind walk the
    # whole site for each shard
    found = [
        ("undated", [Path("u")]),
        *folders(2, 1, 4)[:1],
        ("2020/02", [Path("a")]),
        ("2020/07", [Path("b")]),
        ("2021/01", [Path("c"), Path("d"), Path("e")]),
        ("2021/02", [Path("f")]),
        ("2021/03", [Path("g")]),
    ]
    groups = pack(found, limit=4)
    assert names(groups) == [
        ["undated"],
        ["2019/01", "2020/02", "2020/07"],
        ["2021/01", "2021/02"],
        ["2021/03"],
    ]
    assert [glob(g) for g in groups] == [
        "undated/*/index.html",
        "{2019,2020}/[0-9][0-9]/*/index.html",
        "2021/{01,02}/*/index.html",
        "2021/03/*/index.html",
    ]


def test_each_shard_indexes_its_pages(tmp_path):
    out = tmp_path / "output"
    months = {"undated": 1, "2017/04": 2, "2018/01": 1, "2019/05": 3, "2019/06": 1}
    for month, count in months.items():
        for n in range(count):
            page = out / month / f"story-{n}" / "index.html"
            page.parent.mkdir(parents=True)
            page.write_text(
                '<html lang="en"><body><article data-pagefind-body>'
                f"<h1>Story {n}</h1><p>Harbour news {month}.</p></article></body></html>"
            )
    (out / "2019" / "05" / "index.html").write_text("<html><body>month</body></html>")
    shards = ["undated", "2017-04_2018-01", "2019-05", "2019-06"]
    assert build_index(out, limit=3) == shards
    for shard, count in zip(shards, (1, 3, 3, 1), strict=True):
        assert len(list((out / "pagefind" / shard / "fragment").iterdir())) == count


def test_two_runs_share_no_cpu():
    assert cpu_sets([0, 1], 2) == [{0}, {1}]
    assert cpu_sets([0, 1, 2, 3, 4], 2) == [{0, 2, 4}, {1, 3}]
    assert cpu_sets([0, 1, 2, 3], 1) == []
    assert cpu_sets([3], 2) == []  # one CPU: nothing to split


@pytest.mark.skipif(
    not hasattr(os, "sched_getaffinity") or len(os.sched_getaffinity(0)) < 2,
    reason="needs two CPUs and Linux's CPU affinity",
)
def test_each_run_has_cpus_of_its_own(tmp_path, monkeypatch):
    out = tmp_path / "output"
    for month in ("2019/01", "2019/02", "2019/03", "2019/04"):
        page = out / month / "story" / "index.html"
        page.parent.mkdir(parents=True)
        page.write_text("<html><body><article data-pagefind-body>Port</article>")

    def command(output, group, name):  # each run records the CPUs it may use
        return [
            sys.executable,
            "-c",
            "import json, os, sys, time; time.sleep(0.2); "
            "json.dump(sorted(os.sched_getaffinity(0)), open(sys.argv[1], 'w'))",
            str(tmp_path / f"{name}.cpus"),
        ]

    monkeypatch.setattr(search_index, "command", command)
    build_index(out, limit=1)
    seen = [json.loads(p.read_text()) for p in sorted(tmp_path.glob("*.cpus"))]
    assert len(seen) == 4
    sets = {tuple(cpus) for cpus in seen}
    assert len(sets) == 2  # two runs at a time, each on one half
    first, second = (set(cpus) for cpus in sets)
    assert not first & second
    assert first | second == os.sched_getaffinity(0)


def listing(out: Path) -> dict:
    return json.loads((out / "pagefind" / "shards.json").read_text(encoding="utf-8"))


def stamps(out: Path, shard: str) -> dict[str, int]:
    return {
        p.relative_to(out).as_posix(): p.stat().st_mtime_ns
        for p in (out / "pagefind" / shard).rglob("*")
    }


def one_a_month(tmp_path: Path, days: list[str]) -> Path:
    """A content root with one article on each of `days`."""
    files = {
        f"a{n}.txt": raw(f"Port reopens after {n} weeks", f"Ships waited {n}.")
        for n in range(len(days))
    }
    manifest = HEADER + "".join(row(f"a{n}.txt", day) for n, day in enumerate(days))
    return make_archive(tmp_path, files, manifest)


def test_only_changed_shards_are_rebuilt(tmp_path):
    site = one_a_month(
        tmp_path, ["2018-03-02", "2018-07-09", "2019-01-15", "2019-06-20"]
    )
    out = tmp_path / "output"
    cache = {"NEWS_CACHE": str(tmp_path / "cache")}
    build_site(site, out, **cache)

    # months packed from the oldest, two articles a shard; the newest alone
    shards = ["2018-03_2018-07", "2019-01", "2019-06"]
    assert build_index(out, limit=2) == shards
    assert listing(out)["shards"] == shards
    for shard, count in zip(shards, (2, 1, 1), strict=True):
        assert len(list((out / "pagefind" / shard / "fragment").iterdir())) == count
    assert loaders(out) == ["2018-03_2018-07"]  # the first shard's, merging the rest

    # nothing changed: nothing rebuilt
    build_site(site, out, **cache)
    old = stamps(out, "2018-03_2018-07")
    assert build_index(out, limit=2) == []

    def add(name: str, title: str, day: str) -> None:
        (site / "seeds" / name).write_text(raw(title, "Cranes ran."))
        with (site / "seeds" / "manifest.csv").open("a") as fh:
            fh.write(row(name, day))
        build_site(site, out, **cache)

    # today's article: only the newest month is indexed again
    add("b.txt", "Port adds a night shift", "2019-06-28")
    assert build_index(out, limit=2) == ["2019-06"]
    assert stamps(out, "2018-03_2018-07") == old

    # a new month: a shard of its own; the month before, now full, is kept
    june = stamps(out, "2019-06")
    add("c.txt", "Port opens a new berth", "2019-09-01")
    assert build_index(out, limit=2) == ["2019-09"]
    assert listing(out)["shards"] == [*shards, "2019-09"]
    assert stamps(out, "2019-06") == june
    assert stamps(out, "2018-03_2018-07") == old

    # an old article's text changes: its shard is rebuilt
    (site / "seeds" / "a0.txt").write_text(
        raw("Port reopens after 0 weeks", "Ships queued.")
    )
    build_site(site, out, **cache)
    assert build_index(out, limit=2) == ["2018-03_2018-07"]

    # its articles are gone: the shard is removed; the next one, now the
    # first, is built again with the loader
    for name in ("a0.txt", "a1.txt"):
        (site / "seeds" / name).unlink()
    build_site(site, out, **cache)
    assert build_index(out, limit=2) == ["2019-01"]
    assert listing(out)["shards"] == ["2019-01", "2019-06", "2019-09"]
    assert not (out / "pagefind" / "2018-03_2018-07").exists()
    assert loaders(out) == ["2019-01"]

    # an undated article: its shard comes first, and the one that was first
    # loses the loader, as in a clean build
    add("d.txt", "Port history undated", "")
    assert build_index(out, limit=2) == ["undated"]
    assert listing(out)["shards"][:2] == ["undated", "2019-01"]
    assert loaders(out) == ["undated"]


def loaders(out: Path) -> list[str]:
    """The shards with the loader the search page imports (pagefind.js and
    its worker); each shard has its index and one language's WebAssembly."""
    shards = listing(out)["shards"]
    for shard in shards:
        wasm = [p.name for p in (out / "pagefind" / shard).glob("wasm.*")]
        assert wasm == ["wasm.en.pagefind"], shard
    return [
        shard
        for shard in shards
        if (out / "pagefind" / shard / "pagefind.js").is_file()
        and (out / "pagefind" / shard / "pagefind-worker.js").is_file()
    ]


def test_an_empty_archive_has_an_empty_listing(tmp_path):
    site = make_archive(tmp_path, {})
    out = tmp_path / "output"
    build_site(site, out)
    assert build_index(out) == []
    assert listing(out)["shards"] == []


def test_a_cache_spares_reading_unchanged_pages(tmp_path, monkeypatch):
    site = one_a_month(tmp_path, ["2018-03-02", "2018-07-09", "2019-01-15"])
    out = tmp_path / "output"
    build_site(site, out)
    shards = ["2018-03_2018-07", "2019-01"]
    assert build_index(out, limit=2) == shards
    keys = listing(out)["keys"]

    read = []
    page_hash = search_index.page_hash
    monkeypatch.setattr(
        search_index, "page_hash", lambda page: read.append(page) or page_hash(page)
    )
    cache = tmp_path / "cache"
    with pytest.raises(ValueError):  # the output folder is published
        build_index(out, cache=out / "cache")

    # pages written under SETTLED_NS ago: read again, as a rewrite within the
    # clock's resolution could leave the same stamp
    assert build_index(out, limit=2, cache=cache) == []
    assert len(read) == 3
    assert build_index(out, limit=2, cache=cache) == []
    assert len(read) == 6

    monkeypatch.setattr(store, "SETTLED_NS", 0)  # they count as settled
    read.clear()
    assert build_index(out, limit=2, cache=cache) == []
    assert len(read) == 3
    assert listing(out)["keys"] == keys

    # nothing changed: no page read, no shard built, the same keys
    read.clear()
    assert build_index(out, limit=2, cache=cache) == []
    assert read == []
    assert listing(out)["keys"] == keys

    # a page rewritten, same size, other text: read again, its shard rebuilt
    (page,) = (out / "2018" / "03").glob("*/index.html")
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace("Ships waited 0.", "Ships queued 0."), "utf-8")
    assert build_index(out, limit=2, cache=cache) == ["2018-03_2018-07"]
    assert read == [page]
    changed = listing(out)["keys"]
    assert changed["2018-03_2018-07"] != keys["2018-03_2018-07"]
    assert changed["2019-01"] == keys["2019-01"]

    # the keys are those computed without the cache
    assert build_index(out, limit=2) == []
    assert listing(out)["keys"] == changed

    # a corrupt cache file: every page read, the keys unchanged
    cache_file(cache, out).write_bytes(b"not a pickle")
    read.clear()
    assert build_index(out, limit=2, cache=cache) == []
    assert len(read) == 3
    assert listing(out)["keys"] == changed

    # pages no longer there drop out of the cache file
    pages = sorted(out.glob("[0-9]*/*/*/index.html"))
    page_hashes(out, pages[1:], cache)
    kept = pickle.loads(cache_file(cache, out).read_bytes())
    assert sorted(kept) == [p.relative_to(out).as_posix() for p in pages[1:]]
