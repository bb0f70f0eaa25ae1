"""Metadata from raw files and the manifest that must not break or poison the site."""

from __future__ import annotations

from pathlib import Path

from newsarchive import extract_text
from newsarchive.manifest import load_manifest
from tests.conftest import build_site, make_archive

DUMP = "Quiet harbour reopens\n\nHome > National\n\nThe ferry pier opened again on Monday after repairs.\n"


def test_unsafe_source_urls_are_refused(tmp_path: Path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name in "abcd":
        (seeds / f"{name}.txt").write_text(DUMP)
    (seeds / "manifest.csv").write_text(
        "file,date,source_url\n"
        'a.txt,2020-01-01,"  JavaScript:alert(1)"\n'
        'b.txt,2020-01-01,"data:text/html;base64,PHNjcmlwdD4="\n'
        "c.txt,2020-01-01,https://example.org/news/1\n"
        "./d.txt,2020-01-02,\n"
        "d.txt,2020-01-03,\n"
    )
    m = load_manifest(seeds / "manifest.csv", seeds)
    assert "source_url" not in m.entries["a.txt"]
    assert "source_url" not in m.entries["b.txt"]
    assert m.entries["c.txt"]["source_url"] == "https://example.org/news/1"
    assert str(m.entries["d.txt"]["date"]) == "2020-01-02"  # ./d.txt is d.txt
    reasons = {(p.get("file"), p["reason"]) for p in m.problems}
    assert ("a.txt", "source_url is not an absolute http(s) address") in reasons
    assert ("d.txt", "file named twice") in reasons


def test_front_matter_values_keep_their_brackets_and_refuse_script_urls():
    text = (
        "---\ntitle: [Column] The road ahead\nurl: javascript:alert(1)\n"
        'author: "Jane Roe"\n---\n\nBody text of the column goes here.\n'
    )
    a = extract_text(text, "x.txt")
    assert a.title == "[Column] The road ahead"
    assert a.source_url is None
    assert a.authors == ["Jane Roe"]


def test_names_without_a_url_are_dropped_not_fatal(tmp_path: Path):
    root = make_archive(
        tmp_path,
        {
            "a.txt": DUMP,
            "b.txt": DUMP.replace("National", "*** > Politics").replace(
                "Monday", "Friday"
            ),
        },
        manifest='file,date,tags,authors\na.txt,2020-01-01,"!!!, harbours","???"\n',
    )
    report = build_site(root, tmp_path / "out")
    assert report["summary"]["published"] == 2
    out = tmp_path / "out"
    assert (out / "tag/harbours/index.html").is_file()
    assert not (out / "author/index.html").read_text().count("???")
    # `Home > *** > Politics`: the level with no name gives way to the next
    assert (out / "section/politics/index.html").is_file()
