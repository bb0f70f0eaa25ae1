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


def test_other_files_in_seeds_are_reported_not_published(tmp_path: Path):
    root = make_archive(
        tmp_path,
        {
            "a.txt": DUMP,
            "notes.md": "Title: Notes <img src=x onerror=alert(1)>\n\n<script>x</script>\n",
            "b.TXT": DUMP.replace("Monday", "Sunday"),
        },
    )
    report = build_site(root, tmp_path / "out")
    rows = {r["path"]: r for r in report["files"]}
    assert rows["seeds/a.txt"]["status"] == "published"
    for other in ("seeds/notes.md", "seeds/b.TXT"):
        assert rows[other]["status"] == "skipped"
        assert "*.txt" in rows[other]["reason"]
    s = report["summary"]
    assert s["read"] == s["published"] + s["duplicates"] + s["skipped"] == 3
    out = tmp_path / "out"
    assert not (out / "notes").exists()
    assert "onerror" not in "".join(
        p.read_text(encoding="utf-8") for p in out.rglob("*.html")
    )


def test_symlinked_seeds_folder_is_published(tmp_path: Path):
    root = make_archive(tmp_path, {"a.txt": DUMP})
    real = tmp_path / "elsewhere"
    (root / "seeds").rename(real)
    (root / "seeds").symlink_to(real, target_is_directory=True)
    report = build_site(root, tmp_path / "out")
    (row,) = report["files"]
    assert row["status"] == "published"
    assert (tmp_path / "out" / "undated/quiet-harbour-reopens/index.html").is_file()


def test_straight_apostrophes_are_curled_once(tmp_path: Path):
    root = make_archive(
        tmp_path,
        {"a.txt": DUMP.replace("Quiet harbour reopens", "The city's harbour reopens")},
    )
    build_site(root, tmp_path / "out")
    page = (tmp_path / "out/undated/the-citys-harbour-reopens/index.html").read_text(
        encoding="utf-8"
    )
    assert "city’s" in page or "city&#8217;s" in page
    assert "&amp;#" not in page


BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def test_bidi_controls_are_taken_out_of_raw_text_and_the_manifest(tmp_path: Path):
    rlo, pdf, rli, pdi = "\u202e", "\u202c", "\u2067", "\u2069"
    text = (
        f"Quiet {rlo}harbour{pdf} reopens\n\nHome > National\n\n"
        f"The ferry pier {rli}opened{pdi} again on Monday\u200f after repairs.\n"
        f"BY JANE {rlo}ROE [jane@example.com]\n"
    )
    article = extract_text(text, "a.txt")
    assert article.title == "Quiet harbour reopens"
    assert article.authors == ["Jane Roe"]
    assert article.paragraphs == [
        "The ferry pier opened again on Monday\u200f after repairs."  # a mark stays
    ]
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text(DUMP)
    (seeds / "manifest.csv").write_text(
        "file,date,source_url,tags,title,authors\n"
        f'a.txt,2020-01-01,,"{rlo}Ports, sh{rli}ips","{rlo}Harbour","Jane {pdf}Roe"\n',
        encoding="utf-8",
    )
    entry = load_manifest(seeds / "manifest.csv", seeds).entries["a.txt"]
    assert entry["tags"] == ["Ports", "ships"]
    assert entry["title"] == "Harbour"
    assert entry["authors"] == ["Jane Roe"]
    assert not any(c in str(entry) for c in BIDI)
