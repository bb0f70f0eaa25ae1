"""Author names and slugs: one spelling per person, stable ASCII slugs."""

import pytest

from newsarchive import extract_text
from newsarchive.names import name_line, names_line, parse_byline, proper_case
from newsarchive.slugs import slugify


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        ("PARK MIN-SOO", "Park Min-soo"),
        ("SARAH KIM", "Sarah Kim"),
        ("Park Min-Soo", "Park Min-soo"),
        ("park min-soo".upper(), "Park Min-soo"),
        ("MARK O'NEILL", "Mark O'Neill"),
        ("LUDWIG VAN BEETHOVEN", "Ludwig van Beethoven"),
        ("KIM  JI-HOON ", "Kim Ji-hoon"),
        ("Jean-Paul Martin", "Jean-Paul Martin"),
        ("PARK MIN SOO", "Park Min-soo"),
        ("Kim Jong Un", "Kim Jong-un"),
        ("Lee Sarah Jane", "Lee Sarah Jane"),
    ],
)
def test_proper_case(raw, name):
    assert proper_case(raw) == name


@pytest.mark.parametrize(
    ("line", "authors", "emails"),
    [
        (
            "BY SARAH KIM [kim.sarah@joongang.co.kr]",
            ["Sarah Kim"],
            ["kim.sarah@joongang.co.kr"],
        ),
        (
            "BY PARK MIN-SOO, SARAH KIM [park.minsoo@joongang.co.kr]",
            ["Park Min-soo", "Sarah Kim"],
            ["park.minsoo@joongang.co.kr"],
        ),
        (
            "BY LEE JI-EUN, CHOI HYUN-WOO AND SARAH KIM",
            ["Lee Ji-eun", "Choi Hyun-woo", "Sarah Kim"],
            [],
        ),
        ("By Yoon So-yeon", ["Yoon So-yeon"], []),
        ("By Jane Doe, Staff Writer", ["Jane Doe"], []),
        ("By The Associated Press", ["AP"], []),
        ("BY SARAH KIM, SARAH KIM", ["Sarah Kim"], []),
        # a role run into the name or after it, in other languages too
        ("Von Jörg WeißKorrespondent", ["Jörg Weiß"], []),
        ("By Jo Park Staff Reporter", ["Jo Park"], []),
        ("Por Ana Ruiz, corresponsal", ["Ana Ruiz"], []),
        ("By Jo Park Senior Political Correspondent", ["Jo Park"], []),
        ("Von DPA", ["dpa"], []),
        # names with a capital inside stay whole
        (
            "By Jo McDonald and DeShawn MacArthur",
            ["Jo McDonald", "DeShawn MacArthur"],
            [],
        ),
        (
            "By Jo FitzGerald, Jeff VanderMeer and Ana RoseMarie Kim",
            ["Jo FitzGerald", "Jeff VanderMeer", "Ana RoseMarie Kim"],
            [],
        ),
    ],
)
def test_bylines(line, authors, emails):
    assert parse_byline(line) == (authors, emails)


@pytest.mark.parametrize(
    "line",
    [
        "By the end of the year, prices rose.",
        "By Tuesday",
        "BY",
        "Bystanders watched the fire.",
    ],
)
def test_lines_that_are_not_bylines(line):
    assert parse_byline(line) is None


def test_name_line_is_a_name_only():
    assert name_line("CHO SEUNG-HO") == "Cho Seung-ho"
    assert name_line("by Lee Ha-kyung") == "Lee Ha-kyung"
    assert name_line("Thank you.") is None
    assert name_line("The author is a professor.") is None
    assert name_line("Senior Reporter") is None
    # the outlet run into the name (`Name` then `The Outlet` on one line)
    assert name_line("Ana Ruiz-VegaThe Harbour Times") == "Ana Ruiz-Vega"
    assert name_line("Emma ReedLifestyle Writer") == "Emma Reed"
    # a name and its role, with no comma between
    assert name_line("Amy Marsh Political Correspondent") == "Amy Marsh"
    # `By` in other languages is not part of the name (`Di` may be)
    assert name_line("Von Ana Ruiz") == "Ana Ruiz"
    assert name_line("Kolumne von Ana Ruiz") == "Ana Ruiz"
    assert name_line("Di Stefano Luca") == "Di Stefano Luca"


def test_names_line_is_names_only():
    assert names_line("Ana Ruiz") == ["Ana Ruiz"]
    assert names_line("Ana Ruiz and Tom Reyes") == ["Ana Ruiz", "Tom Reyes"]
    assert names_line("Ana Ruiz og Tom Reyes") == ["Ana Ruiz", "Tom Reyes"]
    assert names_line("Ana Ruiz and AP") == ["Ana Ruiz", "AP"]
    # one part that is not a name, and the line is not names; nor a list
    # of tags, nor a picture's credit
    assert names_line("Food and Drink") == []
    assert names_line("Joe Biden, Kamala Harris") == []
    assert names_line("Getty Images and AFP") == []
    assert names_line("Ana Ruiz and friends") == []
    assert names_line("Home / News / Ana Ruiz") == []
    assert names_line("Thank you.") == []


def test_same_writer_spelled_twice_is_one_author_and_email_stays_metadata():
    text = (
        "Shipyards race to hire welders\n"
        "By Yoon So-Yeon\n\n"
        "Shipbuilders are offering bonuses.\n\n"
        "BY YOON SO-YEON [yoon.soyeon@joongang.co.kr]\n"
    )
    a = extract_text(text, "y.txt")
    assert a.authors == ["Yoon So-yeon"]
    assert a.emails == ["yoon.soyeon@joongang.co.kr"]
    assert "@" not in a.body_html()


def test_manifest_authors_override_the_byline():
    text = "A headline\n\nBody.\n\nBY SARAH KIM [kim.sarah@joongang.co.kr]\n"
    a = extract_text(text, "m.txt", {"authors": ["Kim Sa-rah"]})
    assert a.authors == ["Kim Sa-rah"]


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Russia backs North’s security", "russia-backs-norths-security"),
        ("Café owners in Zürich protest", "cafe-owners-in-zurich-protest"),
        ("  Spaces   & symbols!!  ", "spaces-symbols"),
    ],
)
def test_slugs(title, slug):
    assert slugify(title) == slug


def test_titles_without_latin_letters_still_get_a_stable_slug():
    korean = extract_text("서울 지하철 연장 개통\n\n본문입니다.\n", "k.txt")
    assert korean.slug.isascii() and korean.slug
    symbols = extract_text("★ ★ ★\n\nA body line.\n", "s.txt")
    assert symbols.slug.startswith("article-")
    assert symbols.slug == extract_text("★ ★ ★\n\nA body line.\n", "s2.txt").slug
    long = extract_text(("word " * 60) + "\n\nBody.\n", "l.txt")
    assert len(long.slug) <= 80 and not long.slug.endswith("-")
