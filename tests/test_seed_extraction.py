"""The seed article, extracted field by field by the core (no Pelican)."""

from datetime import date
from pathlib import Path

from newsarchive import extract_file
from newsarchive.manifest import load_manifest
from tests.conftest import ROOT, SEED

CRUFT = [
    "Home > National > Politics",
    "print dictionary print",
    "BY SARAH KIM [kim.sarah@joongang.co.kr]",
    "Log in to Twitter or Facebook account to connect",
    "with the Korea JoongAng Daily",
    "help-image Social comment?",
    "lock icon",
    "To write comments, please log in to one of the accounts.",
    "Standards Board Policy (0/250자)",
]


def seed_article():
    manifest = load_manifest(ROOT / "seeds" / "manifest.csv", ROOT / "seeds")
    return extract_file(SEED, SEED.name, manifest.entries[SEED.name])


def test_seed_fields():
    a = seed_article()
    assert a.title == "Russia backs North’s security"
    assert a.authors == ["Sarah Kim"]
    assert a.emails == ["kim.sarah@joongang.co.kr"]
    assert (a.section, a.subsection) == ("National", "Politics")
    assert a.date == date(2019, 5, 15)
    assert a.date_source == "manifest"
    assert a.source_url == (
        "http://koreajoongangdaily.joins.com/news/article/article.aspx?aid=3063103"
    )
    assert a.tags == ["North Korea", "Russia", "denuclearization", "sanctions"]
    assert a.profile == "joongang"


def test_seed_body_is_the_fifteen_paragraphs_in_order():
    a = seed_article()
    assert len(a.paragraphs) == 15
    assert a.paragraphs[0].startswith("Moscow stepped up its call")
    assert a.paragraphs[-1].endswith("pushing the six-party talks format.")
    assert a.summary == a.paragraphs[0]
    raw_lines = [ln for ln in SEED.read_text(encoding="utf-8").splitlines() if ln]
    positions = [raw_lines.index(p) for p in a.paragraphs]
    assert positions == sorted(positions)


def test_seed_cruft_removed_and_recorded():
    a = seed_article()
    body = "\n".join(a.paragraphs)
    for line in CRUFT:
        assert line not in body
    removed = {r.text for r in a.removed}
    assert set(CRUFT) <= removed
    rules = {r.text: r.rule for r in a.removed}
    assert rules["Home > National > Politics"] == "breadcrumb"
    assert rules["BY SARAH KIM [kim.sarah@joongang.co.kr]"] == "byline"


def test_body_html_escapes_every_character(tmp_path: Path):
    raw = tmp_path / "x.txt"
    raw.write_text("A & B <b>\n\nBody with <script>alert(1)</script> & more.\n")
    a = extract_file(raw, "x.txt")
    assert a.title == "A & B <b>"
    assert "<script>" not in a.body_html()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more." in a.body_html()
