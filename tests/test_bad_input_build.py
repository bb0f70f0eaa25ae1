"""A real build over a mixed archive: good, duplicate, broken and hostile files.

Every file is accounted for: read = published + duplicates + skipped."""

import json
from pathlib import Path

import pytest

from tests.conftest import build_site, make_archive

RAW = Path(__file__).parent / "fixtures" / "raw"
HOSTILE = (
    "Council bans {{ curly }} signs & <b>bold</b> posters\n\n"
    "Home > National\n\n"
    "The council said <script>alert('x')</script> will not be tolerated.\n\n"
    "Its {% raw %} rules say 3 < 4 & 5 > 2.\n"
)
GENERIC = (
    "Skip to content\nMenu\n"
    "Harbour council approves new tram line\n"
    "By Helen Marsh, Transport Reporter\n"
    "Tuesday, March 3, 2020 10:15 a.m.\n"
    "Share this article\n\n"
    "The harbour council voted on Monday night to build a tram line to the campus.\n\n"
    "Construction starts next spring.\n\n"
    "© 2020 The Harbour Gazette. All rights reserved.\n"
)


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("mixed")
    files: dict[str, bytes | str] = {
        "jd/column.txt": (RAW / "jd_opinion_column.txt").read_bytes(),
        "jd/wire.txt": (RAW / "jd_wire_credit.txt").read_bytes(),
        "jd/wire-again.txt": (RAW / "jd_wire_credit.txt").read_bytes(),  # duplicate
        "jd/new.txt": (RAW / "jd_new_layout.txt").read_bytes(),
        "other/generic.txt": GENERIC,
        "other/hostile.txt": HOSTILE,
        "other/korean.txt": "서울 지하철 연장 개통\n\n서울시는 새 역을 열었다.\n".encode(
            "cp949"
        ),
        "bad/empty.txt": b"",
        "bad/blank.txt": b" \n\n\t\n",
        "bad/binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)),
        "bad/title-only.txt": "Just a headline\n",
    }
    root = make_archive(
        tmp,
        files,
        manifest=(
            "file,date,tags\n"
            "jd/column.txt,2018,\n"
            "missing.txt,2020-01-01,x\n"
            "jd/wire.txt,not-a-date,\n"
            "jd/new.txt,2007-06-17,a,b,c\n"
        ),
    )
    huge = root / "seeds" / "bad" / "huge.txt"
    with huge.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    out = tmp / "output"
    report = build_site(root, out)
    return out, report


def test_every_file_is_accounted_for(mixed):
    _, report = mixed
    s = report["summary"]
    assert s["read"] == 12
    assert s["read"] == s["published"] + s["duplicates"] + s["skipped"]
    assert (s["published"], s["duplicates"], s["skipped"]) == (6, 1, 5)
    rows = {row["path"]: row for row in report["files"]}
    reasons = {p: r.get("reason", "") for p, r in rows.items()}
    assert "empty file" in reasons["seeds/bad/empty.txt"]
    assert "empty file" in reasons["seeds/bad/blank.txt"]
    assert "binary" in reasons["seeds/bad/binary.txt"]
    assert "title only" in reasons["seeds/bad/title-only.txt"]
    assert "50 MB" in reasons["seeds/bad/huge.txt"]
    pair = [rows["seeds/jd/wire.txt"], rows["seeds/jd/wire-again.txt"]]
    assert sorted(r["status"] for r in pair) == ["duplicate", "published"]


def test_manifest_problems_are_reported(mixed):
    _, report = mixed
    problems = json.dumps(report["manifest_problems"])
    assert "names a file that does not exist" in problems
    assert "bad date" in problems
    assert "malformed row" in problems


def test_dates_come_from_the_right_place(mixed):
    _, report = mixed
    rows = {row["path"]: row for row in report["files"]}
    assert rows["seeds/jd/column.txt"]["date"] == "2018-11-03"
    assert rows["seeds/jd/column.txt"]["date_source"] == "print-edition"
    assert rows["seeds/jd/new.txt"]["date_source"] == "file"
    assert rows["seeds/other/generic.txt"]["date"] == "2020-03-03"
    assert rows["seeds/jd/wire.txt"]["date_source"] == "undated"


def test_hostile_text_is_shown_as_text(mixed):
    out, report = mixed
    (row,) = [r for r in report["files"] if r["path"] == "seeds/other/hostile.txt"]
    page = (out / row["url"] / "index.html").read_text(encoding="utf-8")
    assert "<script>alert" not in page and "<b>bold</b>" not in page
    assert "&lt;script&gt;alert" in page
    assert "{{ curly }}" in page and "{% raw %}" in page
    assert "3 &lt; 4" in page and "5 &gt; 2" in page


def test_generic_article_page_has_no_furniture(mixed):
    out, report = mixed
    (row,) = [r for r in report["files"] if r["path"] == "seeds/other/generic.txt"]
    page = (out / row["url"] / "index.html").read_text(encoding="utf-8")
    assert "The harbour council voted" in page
    assert "Helen Marsh" in page
    for cruft in ("Share this article", "All rights reserved", "Skip to content</p>"):
        assert cruft not in page
