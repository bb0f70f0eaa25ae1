"""The build's caches never give what a clean build would not."""

from __future__ import annotations

import json
import operator
import os
import pickle
import re
import shutil
import time
from pathlib import Path

import pytest

from newsarchive import corpus, store
from newsarchive.corpus import build_corpus
from tests.conftest import ROOT, build_site, make_archive
from tests.test_incremental import HEADER, raw, row, tree


def seeds(tmp_path: Path) -> Path:
    files = {
        "a.txt": raw("Envoy visits Seoul", "Jonas Brekke met officials."),
        "b.txt": raw("Talks stall", "Brekke left early."),
        "c.txt": raw("Summit date set", "Leaders agreed."),
    }
    manifest = HEADER + "".join(
        [
            row("a.txt", "2019-01-02", "Jonas Brekke, Diplomacy"),
            row("b.txt", "2019-01-03", "Brekke, Diplomacy"),
            row("c.txt", "2019-01-04", "Summit"),
        ]
    )
    return make_archive(tmp_path, files, manifest)


def extract(root: Path, cache: Path | None) -> dict:
    """What became of each file, and the manifest's problems."""
    got = build_corpus(
        root,
        ["seeds"],
        manifest_path=root / "seeds" / "manifest.csv",
        workers=1,
        cache_dir=cache,
        typogrify={"omit_filters": ["widont"]},
    )
    files = {
        rel: (
            e.status,
            e.reason,
            e.url,
            e.duplicate_of,
            e.html,
            e.article and (e.article.title, e.article.tags, e.article.paragraphs),
        )
        for rel, e in got.entries.items()
    }
    lines = got.report_lines()
    assert [json.loads(line) for line in lines] == got.report()["files"]
    return {**files, "manifest problems": got.manifest_problems, "report": lines}


def shards(cache: Path) -> list[str]:
    names = sorted(p.name for p in cache.iterdir())
    kept = ("manifest.pickle", "report.pickle")
    assert all(re.fullmatch(r"[0-9a-f]{2}\.pickle", n) for n in names if n not in kept)
    return names


def test_cached_corpus_is_the_clean_one(tmp_path):
    root = seeds(tmp_path)
    cache = tmp_path / "cache"
    assert extract(root, cache) == extract(root, None)
    assert shards(cache)
    # the surname tag of b.txt was unified with a.txt's; without a.txt it
    # must come back as the file gives it, not as the last build left it
    (root / "seeds" / "a.txt").unlink()
    (root / "seeds" / "d.txt").write_text(raw("Talks stall", "Brekke left early."))
    want = extract(root, None)
    assert want["seeds/b.txt"][5][1] == ["Brekke", "Diplomacy"]
    assert want["seeds/d.txt"][0] == "duplicate"
    assert extract(root, cache) == want
    assert extract(root, cache) == want  # all from the cache this time
    assert shards(cache)
    (root / "seeds" / "b.txt").unlink()  # d.txt is no duplicate any more
    want = extract(root, None)
    assert want["seeds/d.txt"][0] == "published"
    assert extract(root, cache) == want


def test_only_changed_shards_are_written(tmp_path):
    files = {f"{n}.txt": raw(f"Story {n}", f"Text {n}.") for n in range(20)}
    root = make_archive(tmp_path, files)
    cache = tmp_path / "cache"

    def stamps() -> set:  # of the shards (the report's lines change too)
        return {
            (p.name, p.stat().st_ino, p.stat().st_mtime_ns)
            for p in cache.glob("??.pickle")
        }

    extract(root, cache)
    before = stamps()
    (root / "seeds" / "3.txt").write_text(raw("Story 3", "Other text."))
    extract(root, cache)
    assert len(before & stamps()) >= len(before) - 2  # its old and new shard


def test_manifest_kept_until_it_or_the_files_it_names_change(tmp_path):
    root = seeds(tmp_path)
    cache = tmp_path / "cache"
    manifest = root / "seeds" / "manifest.csv"
    manifest.write_text(manifest.read_text() + row("x.txt", "2019-01-05"))
    assert extract(root, cache) == extract(root, None)
    assert "x.txt" in str(extract(root, cache)["manifest problems"])
    (root / "seeds" / "x.txt").write_text(raw("Late news", "It came."))
    assert extract(root, cache) == extract(root, None)
    assert extract(root, cache)["manifest problems"] == []
    (root / "seeds" / "b.txt").unlink()
    assert extract(root, cache) == extract(root, None)
    assert "b.txt" in str(extract(root, cache)["manifest problems"])
    manifest.write_text(HEADER + row("c.txt", "2020-02-02"))
    assert extract(root, cache) == extract(root, None)
    assert extract(root, cache)["seeds/c.txt"][2] == "2020/02/summit-date-set/"


def test_extraction_errors_are_not_cached(tmp_path, monkeypatch):
    root = seeds(tmp_path)
    cache = tmp_path / "cache"
    real = corpus.extract_file

    def broken(path, rel, manifest):
        if rel == "seeds/c.txt":
            raise RuntimeError("a bug")
        return real(path, rel, manifest)

    monkeypatch.setattr(corpus, "extract_file", broken)
    assert "extraction error" in extract(root, cache)["seeds/c.txt"][1]
    monkeypatch.setattr(corpus, "extract_file", real)
    assert extract(root, cache)["seeds/c.txt"][0] == "published"


@pytest.mark.parametrize(
    "content",
    [b"", b"not a pickle", pickle.dumps("another salt") + pickle.dumps({})],
)
def test_unusable_cache_file_is_replaced(tmp_path, content):
    root = seeds(tmp_path)
    cache = tmp_path / "cache"
    cache.mkdir()
    for name in "0123456789abcdef":
        (cache / f"{name}{name}.pickle").write_bytes(content)
    (cache / "extract.pickle").write_bytes(content)  # older layouts
    (cache / "ab").mkdir()
    (cache / "ab" / "ab12.pickle").write_bytes(b"old")
    assert extract(root, cache) == extract(root, None)
    assert shards(cache)


def test_changed_setting_or_template_renders_again(tmp_path):
    """Unchanged pages are not rendered again: unless a setting or a
    template they use changed."""
    root = seeds(tmp_path)
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    out, clean = tmp_path / "out", tmp_path / "clean"
    cache = {"NEWS_CACHE": str(tmp_path / "cache"), "THEME": str(theme)}
    build_site(root, out, **cache)

    build_site(root, out, SITENAME="Another Name", **cache)
    build_site(root, clean, SITENAME="Another Name", NEWS_CACHE="", THEME=str(theme))
    assert tree(out) == tree(clean)

    template = theme / "templates" / "article.html"
    text = template.read_text().replace(
        "{% block content %}", "{% block content %}<!-- a new line -->", 1
    )
    template.write_text(text)
    build_site(root, out, **cache)
    shutil.rmtree(clean)
    build_site(root, clean, NEWS_CACHE="", THEME=str(theme))
    assert tree(out) == tree(clean)
    assert b"a new line" in (out / "2019/01/talks-stall/index.html").read_bytes()


def test_articles_of_one_day_keep_one_order(tmp_path):
    """Pelican lists the files as a set: without a fixed order, same-day
    articles would move around from build to build."""
    letters = "QCKAXFMB"
    files = {f"{n}.txt": raw(f"Story {c}", f"Text {c}.") for n, c in enumerate(letters)}
    manifest = HEADER + "".join(row(name, "2019-01-05") for name in files)
    root = make_archive(tmp_path, files, manifest)
    out = tmp_path / "out"
    build_site(root, out, NEWS_CACHE="")
    front = (out / "index.html").read_text()
    shown = re.findall(r'href="/2019/01/story-(\w)/"', front)
    assert list(dict.fromkeys(shown)) == sorted(letters.lower())


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("tags", [" Seoul ", "Seoul", "", "North Korea", "seoul"]),
        ("tags", ["  ", ""]),
        ("authors", ["Kim Ji-su", "Kim Ji-su ", "Lee Min"]),
        ("category", " National "),
        ("category", "  "),
    ],
)
def test_reader_makes_the_metadata_pelican_makes(name, value):
    from pelican.readers import BaseReader
    from pelican.settings import DEFAULT_CONFIG

    from news_reader.reader import RawArticleReader

    reader = RawArticleReader(DEFAULT_CONFIG)
    want = BaseReader(DEFAULT_CONFIG).process_metadata(name, value)
    got = reader._process(name, value)
    assert repr(got) == repr(want)
    again = reader._process(name, value)
    if isinstance(got, list):  # the same objects, in a new list
        assert again is not got and all(map(operator.is_, again, got))


def test_unchanged_files_are_not_read_again(tmp_path, monkeypatch):
    monkeypatch.setattr(store, "SETTLED_NS", 0)  # no need to wait 2 s
    root = seeds(tmp_path)
    cache = tmp_path / "cache"
    extract(root, cache)
    opened = []
    monkeypatch.setattr(
        corpus, "open", lambda *a, **k: opened.append(a[0]) or open(*a, **k), False
    )
    assert extract(root, cache) == extract(root, None)
    assert not [p for p in opened if p.endswith(".txt")]


def test_an_edit_keeping_size_and_time_is_seen(tmp_path, monkeypatch):
    monkeypatch.setattr(store, "SETTLED_NS", 0)
    root = seeds(tmp_path)
    cache = tmp_path / "cache"
    extract(root, cache)
    time.sleep(0.05)  # a later tick of the file system's clock
    path = root / "seeds" / "b.txt"
    old, text = path.stat(), path.read_text()
    path.write_text(text.replace("left early", "came early"))
    os.utime(path, ns=(old.st_atime_ns, old.st_mtime_ns))
    assert path.stat().st_size == old.st_size
    want = extract(root, None)
    assert "came early" in corpus.unpack(want["seeds/b.txt"][4]["body"])
    assert extract(root, cache) == want


def test_a_file_changed_just_now_is_read_again(tmp_path, monkeypatch):
    root = seeds(tmp_path)
    cache = tmp_path / "cache"
    extract(root, cache)  # written just now: no stamp kept
    opened = []
    monkeypatch.setattr(
        corpus, "open", lambda *a, **k: opened.append(a[0]) or open(*a, **k), False
    )
    extract(root, cache)
    assert len([p for p in opened if p.endswith(".txt")]) == 3


def test_unchanged_articles_are_kept_from_the_last_build(tmp_path, monkeypatch):
    """Pelican builds an article object only for a file that changed (or
    when a setting changed); the site is the same as a clean build's."""
    from pelican.contents import Content

    from news_reader.reader import RawArticle

    built: list[str] = []
    init = Content.__init__

    def counting(self, *args, **kwargs):
        init(self, *args, **kwargs)
        if isinstance(self, RawArticle):
            built.append(self.raw_source)

    monkeypatch.setattr(Content, "__init__", counting)
    root = seeds(tmp_path)
    out, clean = tmp_path / "out", tmp_path / "clean"
    cache = {"NEWS_CACHE": str(tmp_path / "cache")}
    build_site(root, out, **cache)
    assert sorted(built) == ["seeds/a.txt", "seeds/b.txt", "seeds/c.txt"]

    built.clear()
    build_site(root, out, **cache)
    assert built == []

    path = root / "seeds" / "b.txt"
    path.write_text(path.read_text().replace("left early", "came early"))
    built.clear()
    build_site(root, out, **cache)
    assert built == ["seeds/b.txt"]
    build_site(root, clean, NEWS_CACHE="")
    assert tree(out) == tree(clean)
    assert b"came early" in (out / "2019/01/talks-stall/index.html").read_bytes()

    built.clear()
    build_site(root, out, DEFAULT_DATE_FORMAT="%d %B %Y", **cache)
    assert sorted(built) == ["seeds/a.txt", "seeds/b.txt", "seeds/c.txt"]


def test_spilled_bodies_read_back_the_same_in_forked_processes(tmp_path):
    got = extract_only(seeds(tmp_path))
    before = {rel: e.body_html() for rel, e in got.entries.items()}
    assert any("Brekke" in body for body in before.values())
    got.spill_bodies()
    assert not any(isinstance(e.html.get("body"), bytes) for e in got.entries.values())
    assert {rel: e.body_html() for rel, e in got.entries.items()} == before
    # the render workers are forked: they read the same file
    reader, writer = os.pipe()
    if (pid := os.fork()) == 0:
        same = {rel: e.body_html() for rel, e in got.entries.items()} == before
        os.write(writer, b"1" if same else b"0")
        os._exit(0)
    os.waitpid(pid, 0)
    assert os.read(reader, 1) == b"1"


def extract_only(root: Path) -> corpus.Corpus:
    return build_corpus(
        root, ["seeds"], manifest_path=root / "seeds" / "manifest.csv", workers=1
    )


def test_forked_work_is_done_one_at_a_time_before_pages_render(tmp_path, monkeypatch):
    """A forked process comes to hold a copy of the build's memory: the
    build report and the kept articles are written one after the other, and
    both are done before the pages are rendered (in forked processes too)."""
    from news_reader import reader
    from news_speed.writer import ParallelWriter

    log = tmp_path / "log.txt"

    def note(what: str) -> None:
        with log.open("a", encoding="utf-8") as fh:
            fh.write(f"{what} {time.monotonic()}\n")

    def slow(name: str, target):
        def run(*args):
            note(f"{name} start")
            time.sleep(0.5)
            target(*args)
            note(f"{name} end")

        return run

    monkeypatch.setattr(reader, "write_report", slow("report", reader.write_report))
    monkeypatch.setattr(reader, "_save_kept", slow("kept", reader._save_kept))
    render = ParallelWriter._render

    def rendering(self, *args):
        note("render start")
        return render(self, *args)

    monkeypatch.setattr(ParallelWriter, "_render", rendering)
    build_site(seeds(tmp_path), tmp_path / "out", NEWS_CACHE=str(tmp_path / "cache"))
    events = [line.rsplit(" ", 1)[0] for line in log.read_text().splitlines()]
    times = [float(line.rsplit(" ", 1)[1]) for line in log.read_text().splitlines()]
    assert events == [
        "report start",
        "report end",
        "kept start",
        "kept end",
        "render start",
    ]
    assert times == sorted(times)
