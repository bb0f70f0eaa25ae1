"""The search index is built in shards, and only changed shards are rebuilt."""

from __future__ import annotations

import json
from pathlib import Path

from news_pages.search_index import build_index, pack
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


def listing(out: Path) -> dict:
    return json.loads((out / "pagefind" / "shards.json").read_text(encoding="utf-8"))


def stamps(out: Path, shard: str) -> dict[str, int]:
    return {
        p.relative_to(out).as_posix(): p.stat().st_mtime_ns
        for p in (out / "pagefind" / shard).rglob("*")
    }


def test_only_changed_shards_are_rebuilt(tmp_path):
    months = ["2018-03-02", "2018-07-09", "2019-01-15", "2019-06-20"]
    files = {
        f"a{n}.txt": raw(f"Port reopens after {n} weeks", f"Ships waited {n}.")
        for n in range(4)
    }
    manifest = HEADER + "".join(row(f"a{n}.txt", day) for n, day in enumerate(months))
    site = make_archive(tmp_path, files, manifest)
    out = tmp_path / "output"
    cache = {"NEWS_CACHE": str(tmp_path / "cache")}
    build_site(site, out, **cache)

    # months packed from the oldest, two articles a shard; the newest alone
    shards = ["2018-03_2018-07", "2019-01", "2019-06"]
    assert build_index(out, limit=2) == shards
    assert listing(out)["shards"] == shards
    for shard, count in zip(shards, (2, 1, 1), strict=True):
        assert (out / "pagefind" / shard / "pagefind.js").is_file()
        assert len(list((out / "pagefind" / shard / "fragment").iterdir())) == count

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

    # its articles are gone: the shard is removed
    for name in ("a0.txt", "a1.txt"):
        (site / "seeds" / name).unlink()
    build_site(site, out, **cache)
    assert build_index(out, limit=2) == []
    assert listing(out)["shards"] == ["2019-01", "2019-06", "2019-09"]
    assert not (out / "pagefind" / "2018-03_2018-07").exists()


def test_an_empty_archive_has_an_empty_listing(tmp_path):
    site = make_archive(tmp_path, {})
    out = tmp_path / "output"
    build_site(site, out)
    assert build_index(out) == []
    assert listing(out)["shards"] == []
