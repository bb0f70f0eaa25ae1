"""Korea JoongAng Daily page layouts, field by field (fixtures in fixtures/raw)."""

from datetime import date
from pathlib import Path

import pytest

from newsarchive import extract_file

RAW = Path(__file__).parent / "fixtures" / "raw"


def extract(name: str, manifest: dict | None = None):
    return extract_file(RAW / name, name, manifest)


def rules(article) -> dict[str, str]:
    return {r.text.strip(): r.rule for r in article.removed}


def test_single_author_with_email_and_two_level_breadcrumb():
    a = extract("jd_single_author.txt")
    assert a.profile == "joongang"
    assert a.title == "Chaebol pledge more for rural clinics"
    assert a.authors == ["Park Min-soo"]
    assert a.emails == ["park.minsoo@joongang.co.kr"]
    assert (a.section, a.subsection) == ("Business", "Economy")
    assert a.date is None and a.date_source is None
    assert len(a.paragraphs) == 4
    assert a.paragraphs[0].startswith("Five of the largest business groups")
    # a paragraph that merely starts like a breadcrumb stays
    assert a.paragraphs[-1].startswith("Home prices rose in several")
    body = " ".join(a.paragraphs)
    assert "BY PARK" not in body and "print dictionary" not in body
    assert "joongang.co.kr" not in a.body_html()
    assert rules(a)["BY PARK MIN-SOO [park.minsoo@joongang.co.kr]"] == "byline"


def test_two_authors_email_belongs_to_the_first_and_one_level_breadcrumb():
    a = extract("jd_two_authors.txt")
    assert a.authors == ["Lee Hye-jin", "Sarah Kim"]
    assert a.emails == ["lee.hyejin@joongang.co.kr"]
    assert (a.section, a.subsection) == ("National", None)
    assert a.paragraphs[-1] == (
        "Operators said the change would raise ticket prices by a small amount."
    )


def test_three_authors_and_three_level_breadcrumb():
    a = extract("jd_three_authors.txt")
    assert a.authors == ["Choi Ji-woo", "Mark O'Neill", "Kang Da-eun"]
    assert a.emails == ["choi.jiwoo@joongang.co.kr"]
    assert (a.section, a.subsection) == ("Culture", "Arts & Design")
    assert any(p.startswith("Print and broadcast ads") for p in a.paragraphs)


def test_wire_credit_on_the_last_line_becomes_the_author():
    a = extract("jd_wire_credit.txt")
    assert a.authors == ["Yonhap"]
    assert "Yonhap" not in a.paragraphs
    assert a.paragraphs[-1].startswith("Airlines said")
    assert rules(a)["Yonhap"] == "wire-credit"


def test_opinion_column_writer_note_print_edition_and_signature():
    a = extract("jd_opinion_column.txt", {"year": 2018})
    assert a.authors == ["Cho Seung-ho"]
    assert (a.section, a.subsection) == ("Opinion", "Columns")
    assert a.paragraphs[-1] == (
        "The author is a professor of urban planning at Hanbit University."
    )
    assert a.print_edition == "JoongAng Ilbo, Nov. 3, Page 31"
    assert not any("Page 31" in p or "CHO SEUNG-HO" in p for p in a.paragraphs)
    assert (a.date, a.date_source) == (date(2018, 11, 3), "print-edition")
    assert rules(a)["CHO SEUNG-HO"] == "writer-name"


def test_print_edition_without_a_year_does_not_date_the_article():
    a = extract("jd_opinion_column.txt")
    assert a.date is None and a.date_source is None


def test_manifest_date_wins_over_the_print_edition():
    a = extract("jd_opinion_column.txt", {"date": date(2018, 11, 4)})
    assert (a.date, a.date_source) == (date(2018, 11, 4), "manifest")


def test_editorial_has_no_author():
    a = extract("jd_editorial.txt")
    assert a.authors == []
    assert a.print_edition == "JoongAng Ilbo, March 14, Page 30"
    assert a.paragraphs[-1].startswith("We urge the National Assembly")
    assert a.date is None
    dated = extract("jd_editorial.txt", {"year": 2019})
    assert (dated.date, dated.date_source) == (date(2019, 3, 14), "print-edition")


def test_no_byline_means_no_author():
    a = extract("jd_no_byline.txt")
    assert a.authors == [] and a.emails == []
    assert len(a.paragraphs) == 3
    assert a.paragraphs[1].startswith("Log in to the website has become")


def test_newer_layout_published_line_and_top_byline():
    a = extract("jd_new_layout.txt")
    assert a.profile == "joongang"
    assert a.title == "Shipyards race to hire welders"
    assert (a.date, a.date_source) == (date(2007, 6, 17), "file")
    # named at the top and again at the bottom: one author
    assert a.authors == ["Yoon So-yeon"]
    assert a.emails == ["yoon.soyeon@joongang.co.kr"]
    assert len(a.paragraphs) == 3
    assert rules(a)["Published: 17 Jun. 2007, 21:47"] == "dateline"
    assert not any("Published" in p or "Updated" in p for p in a.paragraphs)


def test_front_matter_block():
    a = extract("front_matter.txt")
    assert a.title == "Rice farmers test drones for seeding"
    assert (a.date, a.date_source) == (date(2021, 4, 9), "file")
    assert a.authors == ["Jang Hyun-woo"]
    assert a.section == "Business"
    assert a.tags == ["agriculture", "drones"]
    assert a.paragraphs[0].startswith("Farmers in Gimje")
    assert len(a.paragraphs) == 2
    assert [r.rule for r in a.removed].count("front-matter") == 7


@pytest.mark.parametrize("name", sorted(p.name for p in RAW.glob("*.txt")))
def test_every_removed_line_is_recorded_once(name):
    a = extract(name)
    raw = [ln for ln in (RAW / name).read_text(encoding="utf-8").splitlines()]
    kept = len(a.paragraphs)
    assert kept + len(a.removed) == sum(1 for ln in raw if ln.strip())
    for r in a.removed:
        assert raw[r.line - 1] == r.text
