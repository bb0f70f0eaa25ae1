"""Dates: manifest, then the file, then the print edition; never invented."""

from datetime import date
from pathlib import Path

import pytest

from newsarchive import extract_file, extract_text
from newsarchive.dates import dateline, print_edition
from newsarchive.inspect import main as inspect_main
from tests.conftest import ROOT, SEED

RAW = Path(__file__).parent / "fixtures" / "raw"
COLUMN = (
    "Fix the pension before it fixes us\n\n"
    "The fund is on course to run dry within a generation.\n\n"
    "The author is a retired actuary.\n\n"
    "{print}\n\n"
    "{extra}\n"
)


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("Published: 17 Jun. 2007, 21:47", date(2007, 6, 17)),
        ("Updated: Sept. 3, 2019 at 9:30 am EST", date(2019, 9, 3)),
        ("Tuesday, May 14, 2019 10:02 a.m.", date(2019, 5, 14)),
        ("2019-05-15", date(2019, 5, 15)),
        ("2019.05.15", date(2019, 5, 15)),
        ("Posted on 3 March 2020", date(2020, 3, 3)),
        ("Published 3:45 PM EST, Tue May 14, 2019", date(2019, 5, 14)),
        ("Feb. 30, 2019", None),  # no such day
        ("May 15, 2019 the talks began", None),
        ("The talks began on May 15, 2019.", None),
        # in other languages: day first, month names of their own
        ("Stand: 22.04.2024, 06:00 Uhr", date(2024, 4, 22)),
        ("06. 01. 2026, 14:59 Uhr", date(2026, 1, 6)),
        ("Freitag, 28.04.2023, 19:25", date(2023, 4, 28)),
        ("3. Mai 2024, 17:47", date(2024, 5, 3)),
        ("15 de octubre de 2024", date(2024, 10, 15)),
        ("Publié le 5 mai 2024 à 08h30", date(2024, 5, 5)),
        ("5 maggio 2024", date(2024, 5, 5)),
        ("Erstellt: 28.04.2023, 18:16 Uhr", date(2023, 4, 28)),
        ("søndag 2. februar 2025", date(2025, 2, 2)),
        # with the time it takes to read after it
        ("29.06.2023, 15:04 | Lesedauer: 7 Minuten", date(2023, 6, 29)),
        ("Published Jun 05, 2026 • 3 minute read", date(2026, 6, 5)),
        ("2025年1月14日 01時28分 (1月14日 01時40分更新)", date(2025, 1, 14)),
        ("2019년 5월 15일", date(2019, 5, 15)),
        ("Offentliggjort torsdag 06. feb 2025 17:25", date(2025, 2, 6)),
        ("3 janv. 2024", date(2024, 1, 3)),
        # a month named as English names it, an ISO time, when it was updated
        ("23. April 2024", date(2024, 4, 23)),
        ("2024-02-14T16:15:30Z", date(2024, 2, 14)),
        ("August 30, 2023 1:55 am(Updated 4:30 am)", date(2023, 8, 30)),
        ("Publicerad 23 okt 2025 kl 10.23Uppdaterad kl 12.17", date(2025, 10, 23)),
        ("Giriş: 03.07.2024 - 18:24 Güncelleme: 03.07.2024 - 18:57", date(2024, 7, 3)),
        ("5 gennaio 2025 ( modifica il 6 gennaio 2025 | 15:24)", date(2025, 1, 5)),
        ("2024年04月24日23:52 | 来源：新华网", date(2024, 4, 24)),
        ("12.13.2024", None),  # no thirteenth month
        # with slashes, day first or month first as the figures show
        ("29/05/2025 20:00", date(2025, 5, 29)),
        ("5/22/2025", date(2025, 5, 22)),
        ("Publié le 23/04/2024 à 10h30", date(2024, 4, 23)),
        ("02/02/2025 KL. 09:00", date(2025, 2, 2)),
        ("10/07/2026", None),  # 10 July or October 7: not guessed
        # in Vietnamese and Japanese, and where the story was filed
        ("Thứ tư, 22/10/2025, 19:25 (GMT+7)", date(2025, 10, 22)),
        ("公開日：2025/01/31 11:30 更新日：2025/01/31 11:30", date(2025, 1, 31)),
        ("发布时间：2024-04-24 08:20", date(2024, 4, 24)),
        ("Madrid-29/05/2025 20:00", date(2025, 5, 29)),
        ("LONDON, May 3, 2021", date(2021, 5, 3)),
        ("FRANKFURT, October 23, 2024, 3:48 Uhr", date(2024, 10, 23)),
        ("The talks, May 3, 2021", None),
        # not a sentence, a tour's date, a timeline's step
        ("Then, May 3, 2021 by all accounts was the turning point.", None),
        ("May 3, 2021 by all accounts was the turning point", None),
        ("May 3, 2021 by Ana Ruiz", date(2021, 5, 3)),
        ("May 3, 2021 by Émile Zola", date(2021, 5, 3)),
        ("NEW YORK, May 3, 2021", date(2021, 5, 3)),
        ("ANA RUIZ, 03.05.2021", None),  # a byline, below
        ("Dublin, 3 May 2021", None),
        ("Closure, 20 December 2007", None),
        ("2024-04-24 更新的数据显示，失业率上升到百分之五点二。", None),
        ("2024-02-14T16:15:30Z and the talks began", None),
        ("5 gennaio 2025 modifica il codice della strada", None),
        (
            "3. Mai 2024 Aktualisiert am Donnerstag, 4. Mai 2024, 10:15 Uhr",
            date(2024, 5, 3),
        ),
        ("May 3, 2021 (Updated: yesterday)", date(2021, 5, 3)),
        ("3. Mai 2024 Aktualisiert wurde auch der Fahrplan", None),
        ("Am 3. Mai 2024 begann die Sitzung.", None),
    ],
)
def test_datelines(line, day):
    assert dateline(line) == day


def test_the_date_under_the_headline_wins_over_one_above_it_or_lower_down():
    body = [
        "The harbour board approved the new ferry timetable on Tuesday after "
        "a year of talks with the island's councils.",
        "Most read",
        "Lighthouse keeper retires after forty years",
        "12. März 2021",
        "The first sailing under the new timetable leaves at six in the "
        "morning, an hour earlier than now, the board said.",
        "Fares stay the same until the end of the year, when the board will "
        "review them with the councils.",
    ]
    text = "\n\n".join(
        [
            "Ferry timetable approved - Bayside Ledger",
            *["Home", "News", "Sport", "Weather"],
            "Mittwoch, 3. Dezember 2025",  # the page's date of the day
            "Ferry timetable approved",
            "Von Nora Hale",
            "Stand: 22.04.2024, 06:00 Uhr",
            *body,
            *["Contact us", "Privacy policy"],
        ]
    )
    a = extract_text(text, "t.txt")
    assert a.title == "Ferry timetable approved"
    assert a.authors == ["Nora Hale"]
    assert a.date == date(2024, 4, 22)


def _ferry_page(top: list[str]) -> str:
    body = [
        "The harbour board approved the new ferry timetable on Tuesday after "
        "a year of talks with the island's councils.",
        "The first sailing under the new timetable leaves at six in the "
        "morning, an hour earlier than now, the board said.",
        "Fares stay the same until the end of the year, when the board will "
        "review them with the councils.",
    ]
    title = "Ferry timetable approved - Bayside Ledger"
    menu = ["Home", "News", "Sport", "Weather"]
    return "\n\n".join([title, *menu, *top, "Ferry timetable approved", *body])


def test_a_date_a_few_lines_above_the_headline_dates_the_article():
    # a section, the date, a kicker and a label over the headline
    page = _ferry_page(["Inrikes", "torsdag 8 januari 2026", "Bayside", "Just nu"])
    a = extract_text(page, "t.txt")
    assert a.title == "Ferry timetable approved"
    assert a.date == date(2026, 1, 8)
    # the page's date of the day, at the top far above it, dates nothing;
    # nor over a menu
    links = ["Tides", "Jobs", "Puzzles", "Shop", "Contact", "Archive", "Events"]
    page = _ferry_page(["torsdag 8 januari 2026", *links])
    assert extract_text(page, "t.txt").date is None
    page = _ferry_page(["Monday, 3 March 2025", "Ferries", "Tides", "Harbour"])
    assert extract_text(page, "t.txt").date is None
    # share buttons between the date and the headline are not words between
    buttons = ["Inrikes", "8 januari 2026", "Most read", "Share", "Tweet", "Email"]
    assert extract_text(_ferry_page(buttons), "t.txt").date == date(2026, 1, 8)
    # but other stories' cards, each shown twice, are
    cards = ["Most read", "1 March 2025", *["Harbour festival returns"] * 2]
    cards += ["Lighthouse keepers to go"] * 2
    assert extract_text(_ferry_page(cards), "t.txt").date is None


def test_print_edition_lines():
    assert print_edition("JoongAng Ilbo, Nov. 3, Page 31") == (11, 3, None)
    assert print_edition("JoongAng Ilbo, Sept. 11, 2019, Page 30") == (9, 11, 2019)
    assert print_edition("He said on Nov. 3 that Page 31 was missing") is None


def test_print_edition_with_its_own_year():
    text = COLUMN.format(print="JoongAng Ilbo, Sept. 11, 2019, Page 30", extra="")
    a = extract_text(text, "c.txt")
    assert (a.date, a.date_source) == (date(2019, 9, 11), "print-edition")


def test_print_edition_year_from_a_copyright_line():
    text = COLUMN.format(
        print="JoongAng Ilbo, Nov. 3, Page 31", extra="ⓒ Korea JoongAng Daily 2018"
    )
    a = extract_text(text, "c.txt")
    assert (a.date, a.date_source) == (date(2018, 11, 3), "print-edition")
    assert a.paragraphs[-1] == "The author is a retired actuary."


def test_file_date_wins_over_the_print_edition():
    text = COLUMN.format(print="JoongAng Ilbo, Nov. 3, Page 31", extra="")
    text = text.replace("\n\n", "\nPublished: 4 Nov. 2018, 19:02\n\n", 1)
    a = extract_text(text, "c.txt", {"year": 2018})
    assert (a.date, a.date_source) == (date(2018, 11, 4), "file")


def test_manifest_wins_over_the_file():
    a = extract_file(RAW / "jd_new_layout.txt", "n.txt", {"date": date(2007, 6, 18)})
    assert (a.date, a.date_source) == (date(2007, 6, 18), "manifest")


def test_no_date_anywhere_means_undated(tmp_path: Path):
    raw = tmp_path / "u.txt"
    raw.write_text("A headline\n\nThe body says it happened on Tuesday.\n")
    a = extract_file(raw, "u.txt")  # the file's mtime is never used
    assert a.date is None and a.date_source is None


def test_inspector_prints_fields_and_removed_lines(capsys):
    code = inspect_main([str(SEED), "--manifest", str(ROOT / "seeds" / "manifest.csv")])
    out = capsys.readouterr().out
    assert code == 0
    assert "title        Russia backs North’s security" in out
    assert "date         2019-05-15 (source: manifest)" in out
    assert "profile      joongang" in out
    assert "breadcrumb" in out and "Home > National > Politics" in out
    assert "social-login-and-comments" in out


def test_inspector_reports_a_skipped_file(tmp_path: Path, capsys):
    raw = tmp_path / "empty.txt"
    raw.write_bytes(b"")
    assert inspect_main([str(raw)]) == 1
    assert "skipped      empty file" in capsys.readouterr().out
