"""The build report summary reads only the lines it prints, and says the same
as a full parse of the report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from news_reader import reader
from newsarchive.clean import Removed
from newsarchive.corpus import DUPLICATE, SKIPPED, Corpus, Entry
from newsarchive.extract import Article
from newsarchive.report import load_report, main, summarise

TRICKY = '"status": "skipped"'


def _corpus() -> Corpus:
    entries = {}
    for i in range(30):
        path = f"seeds/{i:03}.txt"
        if i % 2:
            entries[path] = Entry(path, SKIPPED, reason=f"no text ({TRICKY})")
        elif i == 4:  # decoded for its "skipped" title, then passed over
            article = Article(source=path, title="skipped", paragraphs=["Body."])
            entries[path] = Entry(path, article=article, url="2020/01/skipped/")
        elif i % 7 == 0:
            entries[path] = Entry(path, DUPLICATE, duplicate_of="seeds/000.txt")
        else:
            article = Article(
                source=path,
                title=f"Title {i} {TRICKY}, {{{TRICKY}}}",
                paragraphs=["Body."],
                removed=[Removed(1, f"{{{TRICKY}}}", "breadcrumb")],
            )
            entries[path] = Entry(path, article=article, url=f"2020/01/t{i}/")
    problems = [
        {"row": n, "file": f"{n}.txt", "reason": "names a file that does not exist"}
        for n in range(2, 9)
    ] + [{"row": 9, "reason": "malformed row"}]
    return Corpus(entries=entries, manifest_problems=problems)


def _write(tmp_path: Path, corpus: Corpus, monkeypatch) -> Path:
    """The report as the build writes it."""
    target = tmp_path / "build-report.json"
    reader.write_report(corpus, {"NEWS_REPORT": str(target)})
    return target


@pytest.mark.parametrize("make", [_corpus, Corpus], ids=["mixed", "empty"])
def test_quick_read_matches_full_parse(tmp_path: Path, monkeypatch, make):
    path = _write(tmp_path, make(), monkeypatch)
    full = json.loads(path.read_text(encoding="utf-8"))
    quick = load_report(path)
    skipped = [f for f in full["files"] if f["status"] == "skipped"]
    # only the skipped rows are kept: the build's layout was recognised
    assert quick == {**full, "files": skipped}
    assert summarise(quick) == summarise(full)


def test_main_prints_the_summary(tmp_path: Path, monkeypatch, capsys):
    path = _write(tmp_path, _corpus(), monkeypatch)
    full = json.loads(path.read_text(encoding="utf-8"))
    assert main([str(path)]) == 0
    assert capsys.readouterr().out == summarise(full) + "\n"
    assert main([str(path), "--strict"]) == 1
    assert "... and 5 more" in summarise(full)


def test_other_layouts_are_parsed_whole(tmp_path: Path, monkeypatch):
    text = _write(tmp_path, _corpus(), monkeypatch).read_text(encoding="utf-8")
    full = json.loads(text)
    pretty = tmp_path / "pretty.json"
    pretty.write_text(json.dumps(full, indent=2), encoding="utf-8")
    assert load_report(pretty) == full
    # the build's layout with one row edited by hand, its summary left as it was
    lines = text.split("\n")
    assert lines[5].startswith('{"path": "seeds/002.txt", "status": "published"')
    lines[5] = lines[5].replace('"status": "published"', '"status":"skipped"')
    edited = tmp_path / "edited.json"
    edited.write_text("\n".join(lines), encoding="utf-8")
    full = json.loads(edited.read_text(encoding="utf-8"))
    assert load_report(edited) == full
    assert "skipped seeds/002.txt" in summarise(full)


def _one_article_archive(tmp_path: Path) -> Path:
    from tests.conftest import make_archive
    from tests.test_incremental import HEADER, raw, row

    return make_archive(
        tmp_path,
        {"a.txt": raw("Port reopens", "Ships.")},
        HEADER + row("a.txt", "2019-01-02"),
    )


def test_a_report_that_cannot_be_written_fails_the_build(tmp_path: Path):
    from tests.conftest import build_site

    site = _one_article_archive(tmp_path)
    folder = tmp_path / "a-folder"
    folder.mkdir()
    with pytest.raises(RuntimeError, match="build report"):
        build_site(site, tmp_path / "out", NEWS_REPORT=str(folder), NEWS_CACHE="")


def test_kept_articles_that_cannot_be_written_fail_the_build(tmp_path: Path):
    """The kept articles are written by a forked process: its failure still
    fails the build."""
    from tests.conftest import build_site

    site = _one_article_archive(tmp_path)
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "articles").write_text("not a folder")
    with pytest.raises(RuntimeError, match="kept articles"):
        build_site(site, tmp_path / "out", NEWS_CACHE=str(cache))


def test_an_extraction_cache_that_cannot_be_written_fails_the_build(tmp_path: Path):
    """The extraction cache is written by a forked process while the build
    goes on: its failure still fails the build."""
    from tests.conftest import build_site

    site = _one_article_archive(tmp_path)
    cache = tmp_path / "cache"
    for n in range(256):  # where each shard of results would go
        (cache / "extract" / f"{n:02x}.pickle" / "in-the-way").mkdir(parents=True)
    with pytest.raises(RuntimeError, match="extraction cache"):
        build_site(site, tmp_path / "out", NEWS_CACHE=str(cache))
