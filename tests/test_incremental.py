"""Incremental rebuilds give, byte for byte, what a clean build gives."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from news_pages.search_index import build_index
from tests.conftest import build_site, make_archive

HEADER = "file,date,source_url,tags\n"


def raw(title: str, body: str, author: str = "SARAH KIM") -> str:
    """A raw dump in the JoongAng layout."""
    paragraphs = "\n\n".join(f"{body} Paragraph {n} of {title}." for n in range(3))
    return (
        f"{title}\n\nHome > National > Politics\n\nprint dictionary print\n\n"
        f"{title}\n\n{paragraphs}\n\nBY {author} [kim.sarah@joongang.co.kr]\n"
        "Log in to Twitter or Facebook account to connect\n"
    )


def row(name: str, day: str, tags: str = "Politics, Seoul") -> str:
    return f'{name},{day},https://example.com/{name},"{tags}"\n'


def tree(folder: Path) -> dict[str, bytes | None]:
    """Every file's bytes, and every folder (None)."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() if p.is_file() else None
        for p in sorted(folder.rglob("*"))
    }


def comparable(files: dict[str, bytes | None]) -> tuple[dict, Counter]:
    """Pagefind's meta and filter files differ from run to run on the same
    pages: count them per folder (none stale), and compare the rest."""
    kept, varying = {}, Counter()
    for name, data in files.items():
        if name.endswith((".pf_meta", ".pf_filter")):
            varying[name.rsplit("/", 1)[0]] += 1
        elif not name.endswith("/pagefind-entry.json"):
            kept[name] = data
    return kept, varying


def search_index(out: Path) -> None:
    """As `make html` does it: only the shards whose pages changed."""
    build_index(out)


@pytest.fixture
def archive(tmp_path):
    files = {
        f"a{n}.txt": raw(f"Talks resume in round {n}", f"Envoys met on day {n}.")
        for n in range(6)
    }
    manifest = HEADER + "".join(
        row(f"a{n}.txt", f"2019-0{n + 1}-1{n}") for n in range(6)
    )
    return make_archive(tmp_path, files, manifest)


def assert_same_as_clean(root: Path, out: Path, tmp: Path, step: str) -> None:
    clean = tmp / f"clean-{step}"
    build_site(root, clean, NEWS_CACHE="")
    search_index(out)
    search_index(clean)
    got, want = comparable(tree(out)), comparable(tree(clean))
    assert got[1] == want[1], step
    assert sorted(got[0]) == sorted(want[0]), step
    for name, data in want[0].items():
        assert got[0][name] == data, f"{step}: {name} differs"


def test_add_edit_delete_and_manifest_change(archive, tmp_path):
    seeds = archive / "seeds"
    out = tmp_path / "output"
    cache = {"NEWS_CACHE": str(tmp_path / "cache"), "NEWS_PAGES_PER_WORKER": 1}
    build_site(archive, out, **cache)
    assert_same_as_clean(archive, out, tmp_path, "first")
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*.html")}

    # add
    (seeds / "b1.txt").write_text(raw("Summit date set", "Leaders agreed."))
    with (seeds / "manifest.csv").open("a") as fh:
        fh.write(row("b1.txt", "2019-08-01", "Summit"))
    build_site(archive, out, **cache)
    assert_same_as_clean(archive, out, tmp_path, "add")
    unchanged = [
        p for p, t in before.items() if p.exists() and p.stat().st_mtime_ns == t
    ]
    assert unchanged, "every page was rewritten"

    # an undated article, alone under its tag: that tag's feed has no entry
    (seeds / "u1.txt").write_text(raw("Envoy list published", "Names were read."))
    with (seeds / "manifest.csv").open("a") as fh:
        fh.write(row("u1.txt", "", "Envoy list"))
    build_site(archive, out, **cache)
    assert (out / "tag" / "envoy-list" / "feed.xml").is_file()
    assert_same_as_clean(archive, out, tmp_path, "undated")

    # edit
    (seeds / "a2.txt").write_text(raw("Talks resume in round 2", "Envoys argued."))
    build_site(archive, out, **cache)
    assert_same_as_clean(archive, out, tmp_path, "edit")

    # delete
    (seeds / "a4.txt").unlink()
    text = (seeds / "manifest.csv").read_text()
    (seeds / "manifest.csv").write_text(
        "".join(line for line in text.splitlines(True) if not line.startswith("a4."))
    )
    build_site(archive, out, **cache)
    assert_same_as_clean(archive, out, tmp_path, "delete")

    # manifest change: a new date moves the article; new tags
    text = (seeds / "manifest.csv").read_text()
    text = text.replace(
        row("a1.txt", "2019-02-11"), row("a1.txt", "2020-12-24", "Trade")
    )
    (seeds / "manifest.csv").write_text(text)
    build_site(archive, out, **cache)
    assert_same_as_clean(archive, out, tmp_path, "manifest")
    assert not (out / "2019/02").exists()


def test_unchanged_rebuild_reads_from_cache(archive, tmp_path, monkeypatch):
    from newsarchive import corpus

    out = tmp_path / "output"
    cache = {"NEWS_CACHE": str(tmp_path / "cache")}
    build_site(archive, out, **cache)
    calls = []
    real = corpus.extract_file
    monkeypatch.setattr(
        corpus, "extract_file", lambda *a, **k: calls.append(a) or real(*a, **k)
    )
    build_site(archive, out, **cache)
    assert calls == []
