"""Outlets no profile knows: where the article is, its fields, and the page
furniture learned from the archive (fixtures in fixtures/outlets, invented)."""

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsarchive import SkipFile, extract_file, extract_text, firstchar
from newsarchive.address import url_section
from newsarchive.clean import ProfileError, clean_lines, load_profile, pick_profile
from newsarchive.content import prose_score
from newsarchive.corpus import build_corpus
from newsarchive.extract import NeedsFurniture, recurring_lines
from newsarchive.furniture import Learner, file_hashes, outlet_of

OUTLETS = Path(__file__).parent / "fixtures" / "outlets"
RAW = Path(__file__).parent / "fixtures" / "raw"


def rules(article) -> dict[str, str]:
    return {r.text.strip(): r.rule for r in article.removed}


def test_menus_above_and_below_the_article_and_other_headlines_go():
    a = extract_file(OUTLETS / "page_with_menus.txt", "page_with_menus.txt")
    assert a.profile == "generic"
    # the headline, not the page title with the site's name, nor a menu line
    assert a.title == "Ferry fares to rise by a tenth from March"
    assert a.authors == ["Marta Quinn", "Oskar Lind"]
    assert a.date == date(2008, 1, 13) and a.date_source == "file"
    assert len(a.paragraphs) == 6
    assert a.paragraphs[0].startswith("The island ferry company will raise")
    assert a.paragraphs[-1].startswith("The board said it would look again")
    gone = rules(a)
    for menu in ("The Bayside Ledger", "Schools", "Puzzles", "Tide tables"):
        assert gone[menu] == "outside-article"
    # another story's teaser, written in sentences, is not this article
    teaser = next(t for t in gone if t.startswith("Harbour festival returns"))
    assert gone[teaser] == "outside-article"
    assert gone["Council votes to keep the old lighthouse lit"] == "related-links"
    assert gone["Bayside Ledger Media, 4 Quay Street, Bayside"] == "outside-article"
    # every line is either in the body or removed with its rule
    lines = (OUTLETS / "page_with_menus.txt").read_text().splitlines()
    assert len(a.paragraphs) + len(a.removed) == sum(1 for x in lines if x.strip())


def page(header: list[str]) -> str:
    """A dump with a menu, the header lines given, a body and a footer."""
    body = [
        "The county will reopen the coast road on Friday after three weeks of "
        "repairs to the sea wall, the highways office said.",
        "Drivers had been sent on a detour of twelve miles through the hills "
        "while engineers rebuilt the collapsed section by the old mill.",
        "The office said the work had cost less than feared because the "
        "foundations of the wall were sound.",
    ]
    menu = ["News", "Roads", "Weather", "Sport", "Jobs", "Contact"]
    footer = ["Privacy", "Cookies", "Site map", "Dunmore Post Ltd"]
    return "\n\n".join(
        ["Coast road reopens after repairs - Dunmore Post", *menu]
        + ["Coast road reopens after repairs", *header, *body, *footer]
    )


@pytest.mark.parametrize(
    ("header", "day", "authors"),
    [
        (["January 13, 2008"], date(2008, 1, 13), []),
        (["13 Jan 2008 10:47"], date(2008, 1, 13), []),
        (["2008-01-13"], date(2008, 1, 13), []),
        (["Updated: January 13, 2008 4:05 p.m."], date(2008, 1, 13), []),
        (
            ["By Nora Hale", "Published 13 January 2008"],
            date(2008, 1, 13),
            ["Nora Hale"],
        ),
        (["Posted by Nora Hale on January 13, 2008"], date(2008, 1, 13), ["Nora Hale"]),
        (["Nora Hale - Jan 13, 2008, 9:12 am"], date(2008, 1, 13), ["Nora Hale"]),
        (["By Nora Hale | 13 Jan 2008"], date(2008, 1, 13), ["Nora Hale"]),
        ([], None, []),  # nothing invented: no dateline, no date
    ],
)
def test_datelines_and_bylines_in_common_forms(header, day, authors):
    a = extract_text(page(header), "t.txt")
    assert a.title == "Coast road reopens after repairs"
    assert a.date == day
    assert a.date_source == ("file" if day else None)
    assert a.authors == authors
    assert len(a.paragraphs) == 3
    assert all(r.rule in ("dateline", "byline") for r in a.removed if r.text in header)


def test_a_name_or_button_above_the_body_is_not_its_first_paragraph():
    a = extract_text(page(["Nora Hale", "Order Reprints"]), "t.txt")
    assert a.paragraphs[0].startswith("The county will reopen")
    assert len(a.paragraphs) == 3
    gone = rules(a)
    assert "Nora Hale" in gone and "Order Reprints" in gone
    # a name with no date by it is not taken for the writer (a menu's
    # `White House` looks the same)
    assert a.authors == []
    # with a date by it, it is the byline, however far above the body
    header = ["Nora Hale", "13 Jan 2008 10:47", "Order Reprints", "Print Article"]
    a = extract_text(page(header), "t.txt")
    assert a.authors == ["Nora Hale"] and len(a.paragraphs) == 3
    assert a.date == date(2008, 1, 13)


SHARE_BAR = [
    *("Facebook", "Twitter", "Email", "Print", "Comments", "Copy link"),
    *("Show more sharing options", "Listen to this article", "Gift this article"),
]


def test_a_byline_under_the_headline_far_above_the_body_is_read():
    # a standfirst, the byline and its date, then a long bar of buttons
    header = [
        "Engineers found the old wall sound",
        "By Nora Hale | Dunmore Post",
        "13 Jan 2008 10:47",
        *SHARE_BAR,
        *SHARE_BAR,
    ]
    a = extract_text(page(header), "t.txt")
    assert a.authors == ["Nora Hale"]
    assert a.date == date(2008, 1, 13)
    assert len(a.paragraphs) == 3
    # a bare name too, with its date under it
    header = ["Nora Hale", "13 Jan 2008 10:47", *SHARE_BAR, *SHARE_BAR]
    a = extract_text(page(header), "t.txt")
    assert a.authors == ["Nora Hale"]
    assert a.date == date(2008, 1, 13)


@pytest.mark.parametrize(
    "names",
    ["Nora Hale and Tom Reyes", "Nora Hale og Tom Reyes", "Nora Hale & Tom Reyes"],
)
def test_names_without_by_over_the_dateline_are_the_byline(names):
    a = extract_text(page([names, "13 Jan 2008 10:47"]), "t.txt")
    assert a.authors == ["Nora Hale", "Tom Reyes"]
    assert a.date == date(2008, 1, 13)
    assert rules(a)[names] == "byline" and len(a.paragraphs) == 3
    # a wire service among them
    a = extract_text(page(["Nora Hale and AP", "13 Jan 2008 10:47"]), "t.txt")
    assert a.authors == ["Nora Hale", "AP"]
    # or alone by the date; a picture agency is no writer
    a = extract_text(page(["AP", "13 Jan 2008 10:47"]), "t.txt")
    assert a.authors == ["AP"]
    a = extract_text(page(["Getty Images", "13 Jan 2008 10:47"]), "t.txt")
    assert a.authors == []
    # with no date by them, the line is left alone (a menu's `Food and
    # Drink` looks alike), and a menu's item over the byline is not a name
    a = extract_text(page(["Nora Hale and Tom Reyes"]), "t.txt")
    assert a.authors == []
    a = extract_text(page(["Court Reports", "Nora Hale", "13 Jan 2008"]), "t.txt")
    assert a.authors == ["Nora Hale"]
    # nor a line of tags under the date, nor a headline worded like names
    a = extract_text(page(["13 Jan 2008", "Joe Biden and Kamala Harris"]), "t.txt")
    assert a.authors == [] and a.date == date(2008, 1, 13)
    text = page(["13 Jan 2008"]).replace(
        "Coast road reopens after repairs", "Nora Hale and Tom Reyes"
    )
    for front in ("", "---\ntitle: Coast road reopens\n---\n"):
        a = extract_text(front + text, "t.txt")
        assert a.authors == [] and a.date == date(2008, 1, 13)
        assert len({r.line for r in a.removed}) == len(a.removed)  # once each


def test_a_card_far_under_the_headline_gives_neither_author_nor_date():
    card = [
        "Elsewhere",
        "Fishermen protest over new quota cuts in the bay",
        "By Jo Park",
        "28 February 2025",
    ]
    a = extract_text(page([*SHARE_BAR, *card, *SHARE_BAR]), "t.txt")
    assert a.authors == [] and a.date is None
    assert len(a.paragraphs) == 3


def test_name_like_menu_items_far_under_the_headline_are_not_its_authors():
    menu = ["Travel Guides", "Gift Ideas", "Tide Tables", "Lego Masters"]
    header = [*SHARE_BAR, *menu, *SHARE_BAR, "13 Jan 2008 10:47"]
    a = extract_text(page(header), "t.txt")
    assert a.authors == []
    assert a.date == date(2008, 1, 13)
    assert len(a.paragraphs) == 3


def test_the_headline_the_page_shows_wins_over_a_reworded_page_title():
    text = page(["By Nora Hale"]).replace(
        "Coast road reopens after repairs",
        "Coast road open again as sea wall repairs end early",
    )
    title = "Coast road reopened after wall repairs, drivers told - Dunmore Post"
    text = title + text[text.index("\n") :]
    a = extract_text(text, "t.txt")
    assert a.title == "Coast road open again as sea wall repairs end early"
    assert a.authors == ["Nora Hale"] and len(a.paragraphs) == 3
    # a page title with too little in common with any line above the body
    # stays the headline
    text = (
        "Council to review harbour parking fees - Dunmore Post"
        + text[text.index("\n") :]
    )
    assert extract_text(text, "t.txt").title == "Council to review harbour parking fees"
    # a short headline in capitals, shaped like a name, is still the headline
    text = page(["By Nora Hale"]).replace(
        "Coast road reopens after repairs", "The Coast Road"
    )
    text = (
        "Coast road work: the county races against the tide - Dunmore Post"
        + text[text.index("\n") :]
    )
    a = extract_text(text, "t.txt")
    assert a.title == "The Coast Road" and a.authors == ["Nora Hale"]
    # a link to the next page is never the headline, whatever it shares
    text = page(["Part 2 of the coast road repairs series Next →"]).replace(
        "Coast road reopens after repairs\n\nPart", "Part"
    )
    text = "Coast road repairs - Part 1 - Nora Hale" + text[text.index("\n") :]
    assert "→" not in extract_text(text, "t.txt").title
    # two words in common (the site's name) are not enough
    text = "Dunmore Post Online" + text[text.index("\n") :]
    text = text.replace(
        "Coast road open again as sea wall repairs end early", "Dunmore Post weekly"
    )
    assert extract_text(text, "t.txt").title != "Dunmore Post weekly"


@pytest.mark.parametrize(
    ("title", "host", "headline"),
    [
        # a headline that holds the site's name is not the site's name
        (
            "The Dunmore view on the coast road | Leader | Opinion | Dunmore",
            "dunmore.example",
            "The Dunmore view on the coast road",
        ),
        # the site's name after a dash, then a tagline
        (
            "Coast road reopens - Dunmore 24/7 - News of the bay",
            "www.dunmore247.example",
            "Coast road reopens",
        ),
        # a section, the headline and a name not like the address
        (
            "Opinion | Coast road reopens at last - The Evening Lamp",
            "lamp.example",
            "Coast road reopens at last",
        ),
        # parts set off by colons with spaces around them
        (
            "Coast road reopens : Local news : The Evening Lamp",
            "lamp.example",
            "Coast road reopens",
        ),
        # one such colon is the headline's own, as French writes it
        (
            "Route côtière : la réouverture est avancée | Le Phare",
            "lephare.example",
            "Route côtière : la réouverture est avancée",
        ),
        # the site's name, a section, then the headline
        (
            "Dunmore.example | Roads | Coast road reopens after the sea wall repairs",
            "dunmore.example",
            "Coast road reopens after the sea wall repairs",
        ),
    ],
)
def test_the_headline_is_read_out_of_a_page_title_with_several_parts(
    title, host, headline
):
    text = page([]).replace("Coast road reopens after repairs - Dunmore Post", title)
    text = text.replace("\n\nCoast road reopens after repairs\n", "\n")
    a = extract_text(text, "t.txt", {"source_url": f"https://{host}/coast-road"})
    assert a.title == headline
    assert len(a.paragraphs) == 3


def test_paragraphs_above_a_gallery_of_submitted_photos_stay_in_the_article():
    body = [
        "Police arrested four people on Monday after a search of a house on "
        "Mill Lane, the county sheriff said in a statement.",
        "Officers had stopped a car near the harbour bridge earlier in the day "
        "and found a bag of stolen tools under the back seat.",
        "Story continues below gallery",
        "1 of 3",
        "Marta Quinn Submitted photo",
        "Oskar Lind Submitted photo",
        "Nora Hale Submitted photo",
        "All four were taken to the county jail, where they were being held "
        "until a hearing set for Thursday morning.",
        "The sheriff said more arrests were likely as the inquiry into a run "
        "of break-ins along the coast went on.",
    ]
    text = "\n\n".join(["Four held after harbour search", *body])
    a = extract_text(text, "t.txt")
    assert a.paragraphs[0].startswith("Police arrested four people")
    assert a.paragraphs[-1].startswith("The sheriff said more arrests")
    assert not any("Submitted photo" in p for p in a.paragraphs)


def test_the_opening_paragraphs_above_a_photo_count_stay_in_the_article():
    body = [
        "A fisherman who ate a gull's egg on the cliffs has fallen ill with "
        "a rare fever.",
        "The 41-year-old is the second person in the bay to catch it this "
        "year, doctors said.",
        "6",
        "The cliffs above Gull Point, where the eggs were foundCredit: Ana Ruiz",
        "6",
        "Health officers said nine people who met the fisherman were being "
        "watched for signs of the fever.",
        "The man told doctors he had cooked the egg over a camp fire on the "
        "beach the week before.",
        "He was taken to the county hospital on Saturday and is said to be "
        "recovering well after a course of drugs.",
    ]
    text = "\n\n".join(["Fisherman falls ill after eating gull egg", *body])
    a = extract_text(text, "t.txt")
    assert a.paragraphs[0].startswith("A fisherman who ate")
    assert "6" not in a.paragraphs


def test_a_card_linking_to_another_story_inside_the_article_is_not_kept():
    before = [
        "The county will reopen the coast road on Friday after three weeks of "
        "repairs to the sea wall, the highways office said on Monday, and the "
        "buses that serve the villages along it will go back to their old "
        "timetable from the weekend.",
        "Drivers had been sent on a detour of twelve miles through the hills "
        "while engineers rebuilt the collapsed section by the old mill, and "
        "the narrow lanes there were jammed every morning and evening with "
        "cars, tractors and delivery vans.",
        "The office said the work had cost less than feared because the "
        "foundations of the wall, laid in the last century, were sound, and "
        "only the upper courses of stone and the railings along the top had "
        "needed to be replaced.",
    ]
    card = [
        "Business",
        "Column: Why the ferry company wants a bigger harbour",
        "Business",
        "Column: Why the ferry company wants a bigger harbour",
    ]
    after = [
        "Shopkeepers in the village said trade had fallen by a third while "
        "the road was shut, and asked the council for help with their rates "
        "this year, saying that several of the smaller cafes and shops would "
        "not survive another closure of that length.",
        "The council said it would look at their request when it meets again "
        "at the end of the month, after the budget has been agreed, but its "
        "leader warned that the money set aside for repairs to the roads and "
        "bridges of the county had already been spent.",
        "Engineers will check the wall again in the spring, when the highest "
        "tides of the year are expected along that stretch of the coast, and "
        "they have asked walkers to keep off the beach below it until then.",
    ]
    title = "Coast road reopens after repairs"
    a = extract_text("\n\n".join([title, *before, *card, *after]), "t.txt")
    assert a.paragraphs == before + after
    assert a.title == title
    # two quoted posts by one writer keep the lines that sign them
    posts = [
        "The coast road is open again from this morning.",
        "— Dunmore Highways (@dunmoreroads) March 3, 2021",
        "Buses will run to the old timetable from Saturday.",
        "— Dunmore Highways (@dunmoreroads) March 3, 2021",
    ]
    a = extract_text("\n\n".join([title, *before, *posts, *after]), "t.txt")
    assert a.paragraphs == before + posts + after
    # a line repeated three times is a list of like items, and stays
    items = ["Tide at noon: 4.2 m"] * 3
    a = extract_text("\n\n".join([title, *before, *items, *after]), "t.txt")
    assert a.paragraphs.count("Tide at noon: 4.2 m") == 3


def test_a_sign_up_box_after_the_article_does_not_pull_its_pitch_in():
    box = [
        "Sign up for e-mail newsletters",
        "Get our news every morning!",
        "No spam, we promise. You can unsubscribe at any time and we will "
        "never share your address with anyone else.",
    ]
    text = page([]).replace("\n\nPrivacy", "\n\n" + "\n\n".join(box) + "\n\nPrivacy")
    a = extract_text(text, "t.txt")
    assert len(a.paragraphs) == 3
    assert a.paragraphs[-1].startswith("The office said")


@pytest.mark.parametrize(
    "title", ["The harbour at war - Part 2", "The harbour at war - Part 2 | Ledger"]
)
def test_a_headline_keeps_the_part_of_its_series(title):
    body = (
        "The island ferry will run four times a day from next Monday, the "
        "harbour board said on Tuesday, down from six in the summer months."
    )
    a = extract_text(f"{title}\n\n{body}\n\n{body.upper()}\n", "t.txt")
    assert a.title == "The harbour at war - Part 2"


def test_a_short_reply_an_interview_gives_twice_is_kept():
    lines = [
        "Ten questions for the last lighthouse keeper",
        "Nora Hale kept the light on Gull Point for thirty years, until the "
        "lamp was made automatic last spring; we asked her about the job, "
        "the storms and the long winters on the rock.",
        "Did you ever think of leaving before the lamp was automated?",
        "Yes.",
        "Did you miss the rock when you finally left it last spring?",
        "Yes.",
        "What will you do with the time you have now, off the rock?",
        "I will finally learn to sail, which I never had the time to do "
        "while I was looking after the lamp and the engine every night.",
    ]
    a = extract_text("\n\n".join(lines), "t.txt")
    assert a.paragraphs.count("Yes.") == 2


def test_a_headline_shown_twice_is_taken_when_the_title_is_the_sites_name():
    text = (
        page([])
        .replace("Coast road reopens after repairs - Dunmore Post", "Dunmore Post")
        .replace(
            "Coast road reopens after repairs",
            "Coast road reopens after repairs\n\nShare\n\nComments\n\n"
            "Coast road reopens after repairs\n\nBy Nora Hale\n\n"
            "Drawing by Ana Ruiz for the Post",
        )
    )
    a = extract_text(text, "t.txt")
    assert a.title == "Coast road reopens after repairs"
    assert len(a.paragraphs) == 3


def test_section_from_a_breadcrumb_or_the_address_and_unknown_stays_unknown():
    a = extract_text(page(["Home > Local > Roads"]), "t.txt")
    assert (a.section, a.subsection) == ("Local", "Roads")
    url = "https://dunmorepost.example/local/roads/coast-road-reopens-after-repairs"
    a = extract_text(page([]), "t.txt", {"source_url": url})
    assert (a.section, a.subsection) == ("Local", "Roads")
    a = extract_text(
        page([]), "t.txt", {"source_url": "https://x.example/2008/01/13/x"}
    )
    assert a.section is None and a.date == date(2008, 1, 13)
    assert a.date_source == "source-url"
    assert url_section("https://x.example/story") == (None, None)
    assert url_section("https://x.example/news/article/12345.html") == (None, None)


@pytest.mark.parametrize(
    ("url", "day"),
    [
        ("https://x.example/2008/01/13/ferry-fares", date(2008, 1, 13)),
        ("https://x.example/local/20080113/1188/ferry-fares.html", date(2008, 1, 13)),
        ("https://x.example/n1/2008/0113/c1001-402.html", date(2008, 1, 13)),
        ("https://x.example/world/20080113-OYT1T502/", date(2008, 1, 13)),
        ("https://x.example/world/20080113.html", date(2008, 1, 13)),
        # an article's number is not a day
        ("https://x.example/news/20081399/ferry-fares", None),
        ("https://x.example/news/12345678/ferry-fares", None),
    ],
)
def test_the_address_dates_an_undated_article(url, day):
    a = extract_text(page([]), "t.txt", {"source_url": url})
    assert a.date == day
    assert a.date_source == ("source-url" if day else None)


def test_recurring_lines_of_an_outlet_are_learned_and_removed(tmp_path):
    corpus = build_corpus(OUTLETS.parent, ["outlets"], workers=1)
    entries = {e.path: e for e in corpus.entries.values()}
    bus = entries["outlets/ledger/04_bus.txt"].article
    assert bus.title == "School bus timetable changes after half term"
    assert entries["outlets/ledger/04_bus.txt"].body_html().count("<p>") == 3
    gone = rules(bus)
    assert gone["Weekend edition: puzzles, recipes and the tide table"] == (
        "recurring-line"
    )
    assert gone["Ledger Media Group · Bayside · Est. 1898"] == "recurring-line"
    # the page in the other folder is another outlet: nothing learned for it
    menus = entries["outlets/page_with_menus.txt"].article
    assert "recurring-line" not in rules(menus).values()
    report = entries["outlets/ledger/01_lifeboat.txt"].report()
    assert {"line": 17, "rule": "recurring-line"}.items() <= next(
        r for r in report["removed"] if r["line"] == 17
    ).items()


def test_a_line_in_two_files_is_not_furniture_nor_a_copy_of_one_file():
    learner = Learner()
    one = file_hashes("Menu line\nFirst story text.\n")
    two = file_hashes("Menu line\nSecond story text.\n")
    learner.add("x", one)
    learner.add("x", two)
    assert learner.learned() == {}
    for _ in range(5):  # the same file again and again is one file
        learner.add("y", one)
    assert learner.learned() == {}


def test_outlets_are_told_apart_by_host_then_folder():
    assert (
        outlet_of("seeds/a.txt", "https://www.ledger.example/x/1") == "ledger.example"
    )
    assert outlet_of("seeds/ledger/a.txt", None) == "seeds/ledger/"
    assert outlet_of("a.txt", "") == "./"


def test_adding_files_that_make_a_line_recur_changes_the_others_as_a_clean_build(
    tmp_path,
):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    files = sorted((OUTLETS / "ledger").glob("*.txt"))
    for f in files[:2]:
        (seeds / f.name).write_bytes(f.read_bytes())
    cache = tmp_path / "cache"
    first = build_corpus(tmp_path, ["seeds"], workers=1, cache_dir=cache)
    a = first.entries["seeds/" + files[0].name].article
    assert "recurring-line" not in rules(a).values()  # two files: too few
    for f in files[2:]:
        (seeds / f.name).write_bytes(f.read_bytes())
    again = build_corpus(tmp_path, ["seeds"], workers=1, cache_dir=cache)
    clean = build_corpus(tmp_path, ["seeds"], workers=1)
    assert again.report() == clean.report()
    a = again.entries["seeds/" + files[0].name].article
    assert "recurring-line" in rules(a).values()


def test_joongang_dumps_never_take_the_generic_path():
    for path in sorted(RAW.glob("jd_*.txt")):
        # furniture not learned (None) raises for generic files only
        a = extract_file(path, path.name, None, None)
        assert a.profile == "joongang", path.name
        assert not {"outside-article", "recurring-line"} & set(rules(a).values())
    with pytest.raises(NeedsFurniture):
        extract_file(OUTLETS / "page_with_menus.txt", "p.txt", None, None)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "outlet.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_rule_may_list_patterns_keep_a_line_and_switch_a_rule_off(tmp_path):
    profile = load_profile(
        write(
            tmp_path,
            'name = "outlet"\n'
            'keep = ["Readers can reach the desk at .+"]\n'
            'off = ["navigation-list"]\n'
            "[[line]]\n"
            'rule = "donate-box"\n'
            'patterns = ["Donate( now)?", "Support our reporting[.!]?"]\n',
        )
    )
    generic = load_profile(
        Path(__file__).parent.parent / "plugins/newsarchive/profiles/generic.toml"
    )
    lines = [
        "Donate now",
        "Support our reporting!",
        "Seoul | Tokyo | Beijing",
        "Readers can reach the desk at desk@ledger.example",
    ]
    numbered = list(enumerate(lines, 1))
    out = clean_lines(numbered, [profile, generic])
    assert [r.rule for r in out.removed] == ["donate-box", "donate-box"]
    assert [t for _, t in out.kept] == lines[2:]
    # without the profile, the generic rule takes the row of names
    assert "navigation-list" in [
        r.rule for r in clean_lines(numbered, [generic]).removed
    ]
    # a kept line stays even when it recurs in the outlet's files
    learned = file_hashes("\n".join(lines))
    removed = []
    kept = recurring_lines(numbered, learned, [profile], removed)
    assert [t for _, t in kept] == [lines[3]]


def test_an_outlet_is_picked_by_any_detect_pattern_whatever_its_form(tmp_path):
    # one pattern repeats a word (a back-reference), one sets its own flags,
    # one is plain: each alone picks the outlet, and only on a whole line
    profile = load_profile(
        write(
            tmp_path,
            'name = "gazette"\n'
            "detect = [\n"
            "  '(Tide) and \\1 tables',\n"
            "  '(?s)Harbour Gazette.{0,20}',\n"
            "  'Printed at the quay press',\n"
            "]\n",
        )
    )
    generic = load_profile(
        Path(__file__).parent.parent / "plugins/newsarchive/profiles/generic.toml"
    )
    profiles = (profile, generic)
    page = ["A ferry ran late on Tuesday.", "The crew blamed the fog."]
    assert pick_profile(page, profiles) is None
    for line in (
        "Tide and Tide tables",
        "Harbour Gazette, morning edition",
        "  printed at the quay press",
    ):
        assert pick_profile([*page, line], profiles) is profile, line
    for line in ("Tide and tide tables too", "Printed at the quay press today"):
        assert pick_profile([*page, line], profiles) is None, line


@pytest.mark.parametrize("pattern_parser", ["read", "absent"])
def test_a_rule_takes_its_lines_however_its_pattern_opens(
    tmp_path, monkeypatch, pattern_parser
):
    # without Python's pattern parser, every rule is tried on every line
    if pattern_parser == "absent":
        monkeypatch.setattr(firstchar, "_parser", None)
        firstchar.first_char.cache_clear()
    # case ignored (even the Kelvin sign for `k`), an optional opening word,
    # an opening a look-ahead checks, one that keeps its case, a class, a
    # number, and a whole pattern that may open with any character
    profile = load_profile(
        write(
            tmp_path,
            'name = "quay"\n'
            "[[line]]\n"
            'rule = "harbour-box"\n'
            "patterns = [\n"
            "  'kiosk hours',\n"
            "  '(The )?tide table',\n"
            "  '(?=[^/]{3,30}/)[A-Z][a-z]+/[A-Z][a-z]+',\n"
            "  '(?-i:Pier) notices',\n"
            "  '[#*] ferry',\n"
            "  '\\d+ berths?',\n"
            "  '.{3,20} (?-i:QUAY)',\n"
            "]\n",
        )
    )
    taken = [
        "KIOSK HOURS",
        "\u212aiosk hours",
        "Tide table",
        "the TIDE TABLE",
        "Ana/Harbour",
        "Pier NOTICES",
        "* Ferry",
        "12 berths",
        "  Down by the QUAY",
    ]
    kept = [
        "Kiosk hours vary",
        "pier notices",
        "Ana Harbour",
        "A ferry",
        "Berths",
        "Down by the quay",
    ]
    out = clean_lines(list(enumerate(taken + kept, 1)), [profile])
    assert [r.text for r in out.removed] == taken
    assert [t for _, t in out.kept] == kept
    firstchar.first_char.cache_clear()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('name = "x"\npaterns = ["a"]\n', "outlet.toml: unknown key 'paterns'"),
        ('name = "x"\n[[lines]]\nrule = "a"\n', "outlet.toml: unknown key 'lines'"),
        (
            'name = "x"\n[[line]]\nrule = "a"\npaterns = ["b"]\n',
            "outlet.toml: [[line]] number 1: unknown key 'paterns'",
        ),
        ('name = "x"\n[[line]]\nrule = "a"\n', "missing pattern"),
        ('name = "x"\n[[line]]\nrule = "a"\npattern = "("\n', "bad pattern"),
        ('outlet = "x"\n', "missing key 'name'"),
    ],
)
def test_a_profile_with_an_unknown_key_or_bad_pattern_is_an_error(
    tmp_path, text, message
):
    with pytest.raises(
        ProfileError, match=message.replace("[", r"\[").replace("]", r"\]")
    ):
        load_profile(write(tmp_path, text))


def test_inspect_shows_why_each_line_of_an_unknown_outlet_went(capsys):
    from newsarchive import inspect

    assert inspect.main([str(OUTLETS / "ledger" / "02_lighthouse.txt")]) == 0
    out = capsys.readouterr().out
    assert "title        Council votes to keep the old lighthouse lit" in out
    assert "recurring-line             Weekend edition: puzzles" in out
    assert "outside-article" in out
    assert "outlet       ./: 5 recurring lines learned from 4 files" in out


@pytest.mark.parametrize(
    ("title", "host", "headline"),
    [
        ("Ferry fares rise - The Bayside Ledger", "", "Ferry fares rise"),
        (
            "The Bayside Ledger | Ferry fares rise",
            "baysideledger.example",
            "Ferry fares rise",
        ),
        ("About tides – Bayside Ledger Media", "baysideledger.example", "About tides"),
        (
            "Fares rise — and so do tempers - Ledger",
            "",
            "Fares rise — and so do tempers",
        ),
        (
            "Ferry fares to rise by a tenth in March | Ferries | Ledger",
            "",
            "Ferry fares to rise by a tenth in March",
        ),
        # (a question after the dash is the headline's, not a site's name)
        (
            "Gale shuts the port: ferries idle – Can the island wait?",
            "",
            "Gale shuts the port: ferries idle – Can the island wait?",
        ),
    ],
)
def test_the_page_title_gives_the_headline_not_the_site_name(title, host, headline):
    text = f"{title}\n\nMenu\n\n" + "\n\n".join(
        "The ferry company said the new fares would apply from the first "
        f"crossing of the day on the first of March, part {n}."
        for n in range(3)
    )
    url = f"https://{host}/ferries/story" if host else None
    a = extract_text(text, "t.txt", {"source_url": url} if url else {})
    assert a.title == headline


def test_a_list_the_article_announces_stays_and_the_menu_after_it_goes():
    body = [
        "The brass band will play in six towns along the coast this summer, "
        "its first tour since the bandstand on the pier was rebuilt.",
        "Tickets go on sale at the harbour office on Monday, and children "
        "under twelve will be let in free at every concert.",
        "The band will play on these dates:",
        "June 9 -- Bayside pier",
        "June 14 -- North Shore green",
        "July 2 -- Lighthouse field",
    ]
    text = "\n\n".join(
        ["Brass band tours the coast", *body, "Home", "Sport", "Weather"]
    )
    a = extract_text(text, "t.txt")
    assert a.paragraphs == body
    assert rules(a)["Weather"] == "outside-article"


def test_a_box_of_other_headlines_after_the_article_goes_a_list_inside_it_stays():
    body = [
        "The harbour board has chosen a builder for the new ferry terminal, "
        "which will replace the wooden shed that has stood on the quay since 1952.",
        "The terminal will have a covered waiting room with these features:",
        "Heated benches along the harbour wall",
        "A cafe run by the sailing club volunteers",
        "Lockers for bicycles and fishing gear",
        "Work will start in April and should be finished before the summer "
        "timetable begins, the board said in a statement on Tuesday.",
        "The old shed will be taken down and its timbers given to the museum, "
        "which plans to rebuild part of it as a display on the quay's history.",
    ]
    teasers = [
        "Lifeboat crew rescue two walkers cut off by the tide",
        "School bus route changes after the bridge closes for repairs",
        "Fishing quotas cut again as the cod stocks fall",
        "Bayside choir wins the county contest for the third year",
    ]
    text = "\n\n".join(["Harbour picks builder for ferry terminal", *body, *teasers])
    a = extract_text(text, "t.txt")
    assert a.paragraphs == body
    assert all(rules(a)[t] == "outside-article" for t in teasers)


# a story in six paragraphs (the first three: BODY)
STORY = [
    "Fishing boats stayed in the harbour for a third day on Thursday as "
    "the gale that closed the ferry route kept blowing from the north.",
    "The harbour master said no boat would be allowed out before the "
    "wind dropped below forty knots, which forecasters expect on Sunday.",
    "Skippers said the lost days would cost them more than the fuel "
    "savings of the autumn, and asked the council to delay the mooring fees.",
    "The council said it would discuss the request at its meeting next "
    "month, when the fees for the coming year are set.",
    "The last gale to close the harbour for so long was in 2009, when "
    "boats were kept in for five days in the middle of the herring season.",
    "Crews used the time to mend nets and paint hulls, and the fish market "
    "on the quay opened for only an hour each morning to sell what was left.",
]
BODY = STORY[:3]


def test_a_box_of_other_stories_inside_the_article_goes_and_both_halves_stay():
    first = [*STORY[:2], STORY[5]]
    box = [
        "Most read in local news",
        "Lifeboat crew rescue two walkers cut off by the tide",
        "School bus route changes after the bridge closes",
        "Bayside choir wins the county contest again",
    ]
    second = STORY[2:5]
    text = "\n\n".join(["Gale keeps the fishing fleet in port", *first, *box, *second])
    a = extract_text(text, "t.txt")
    assert a.paragraphs == first + second
    assert all(rules(a)[line] == "related-links" for line in box)


def test_an_unlabelled_box_of_other_headlines_after_the_opening_keeps_the_top():
    # the headline, its byline and date, two paragraphs, then a box of six
    # other stories' headlines with no label, then the rest of the article
    opening = [
        "Fishing boats stayed in the harbour for a third day on Thursday as "
        "the gale that closed the ferry route kept blowing from the north, and "
        "the skippers who had hoped to sail at dawn were back in the cafe on "
        "the quay by eight, watching the waves break over the harbour wall.",
        "The harbour master said no boat would be allowed out before the "
        "wind dropped below forty knots, which forecasters expect on Sunday, "
        "and that the ferry company had been told the same, so the island "
        "would have to wait for its post, its bread and its newspapers.",
    ]
    box = [
        "Lifeboat crew rescue two walkers cut off by the tide",
        "School bus route changes after the bridge closes",
        "Bayside choir wins the county contest again",
        "Council keeps the old lighthouse lit for another year",
        "Cod quotas cut as the stocks fall for a fifth season",
        "New ferry timetable brings an earlier first crossing",
    ]
    rest = STORY[2:]
    headline = "Gale keeps the fishing fleet in port"
    top = [headline, "News", "Sport", "Weather", headline]
    byline = ["Von Marta Quinn, Oskar Lind und Ana Ruiz", "09.01.2025, 14:55 Uhr"]
    text = "\n\n".join([*top, *byline, *opening, *box, *rest, "Impressum"])
    a = extract_text(text, "t.txt")
    assert a.title == headline
    assert a.authors == ["Marta Quinn", "Oskar Lind", "Ana Ruiz"]
    assert a.date == date(2025, 1, 9)
    assert a.paragraphs == opening + rest
    assert all(rules(a)[line] == "other-stories" for line in box)


@pytest.mark.parametrize(
    "cards",
    [
        # a box of the most read, each card its section, headline and writer
        [
            "Am beliebtesten",
            "Harbour",
            "Lifeboat crew rescue two walkers cut off by the tide",
            "Von Ana Ruiz",
            "Schools",
            "School bus route changes after the bridge closes",
            "Von Tom Reyes",
        ],
        # one card under a box's label
        ["Mehr zum Thema", "Bayside choir wins the county contest", "von Ana Ruiz"],
    ],
)
def test_the_writers_of_cards_above_the_body_are_not_its_authors(cards):
    headline = "Gale keeps the fishing fleet in port"
    text = "\n\n".join([headline, "News", "Sport", headline, *cards, *BODY])
    a = extract_text(text, "t.txt")
    assert a.authors == []
    assert a.paragraphs == BODY


def test_a_card_signed_and_dated_lower_in_the_article_names_no_author():
    card = [
        "Lifeboat crew rescue two walkers cut off by the tide",
        "di Ana Ruiz 20 Novembre 2024",
    ]
    headline = "Gale keeps the fishing fleet in port"
    text = "\n\n".join([headline, "By Tom Reyes", *BODY[:2], *card, BODY[2]])
    a = extract_text(text, "t.txt")
    assert a.authors == ["Tom Reyes"]
    assert a.date is None
    assert a.paragraphs == BODY
    assert all(rules(a)[line] == "other-stories" for line in card)


@pytest.mark.parametrize(
    ("header", "authors"),
    [
        # the article's own byline, then a card under a box's label
        (
            ["By Marta Quinn", "Mehr zum Thema", "Bayside choir wins", "von Ana Ruiz"],
            ["Marta Quinn"],
        ),
        # the article's byline given twice, a share button between
        (
            ["By Marta Quinn", "Share", "By Marta Quinn | The Harbour Gazette"],
            ["Marta Quinn"],
        ),
        # a photo credit between the byline and who updated it
        (
            [
                "By Marta Quinn",
                "Photo: Ana Ruiz/AP",
                "Updated by Tom Reyes May 4, 2021",
            ],
            ["Marta Quinn", "Tom Reyes"],
        ),
        # ... a dek above them
        (
            [
                "Skippers fear for the season as the storm goes on",
                "By Marta Quinn",
                "Photo: Ana Ruiz/AP",
                "Updated by Tom Reyes May 4, 2021",
            ],
            ["Marta Quinn", "Tom Reyes"],
        ),
    ],
)
def test_the_articles_own_byline_is_not_taken_for_a_card(header, authors):
    headline = "Gale keeps the fishing fleet in port"
    text = "\n\n".join([headline, "News", "Sport", headline, *header, *BODY])
    a = extract_text(text, "t.txt")
    assert a.authors == authors
    assert a.paragraphs == BODY


def _paragraph(n: int) -> str:
    return (
        f"Fishing boats stayed in the harbour for day {n} on Thursday as the gale "
        "that closed the ferry route kept blowing hard from the north, the "
        "harbour master said."
    )


BOX = [f"Lifeboat crew rescue walker number {n} cut off by the tide" for n in range(6)]


@pytest.mark.parametrize(
    ("lines", "kept"),
    [
        # a photo credit between the box and the rest of the article
        (
            [*map(_paragraph, (1, 2, 3)), *BOX, "Photo: Ana Ruiz/AP"]
            + [*map(_paragraph, (4, 5, 6, 7))],
            [*map(_paragraph, range(1, 8))],
        ),
        # three long paragraphs under the box
        (
            [*map(_paragraph, range(1, 4)), *BOX, *map(_paragraph, range(4, 7))],
            [*map(_paragraph, range(1, 7))],
        ),
    ],
)
def test_a_box_inside_the_article_goes_whatever_stands_next_to_it(lines, kept):
    headline = "Gale keeps the fishing fleet in port"
    a = extract_text("\n\n".join([headline, "News", headline, *lines]), "t.txt")
    assert a.paragraphs == kept
    assert all(rules(a)[line] == "other-stories" for line in BOX)


def test_a_box_before_a_footer_ends_the_article():
    footer = [
        "Sign up to the Bayside newsletter and get every story first, each day.",
        "Support local journalism: give what you can to keep the Ledger free.",
        "Bayside Ledger Media, 4 Quay Street, Bayside",
    ]
    body = [*map(_paragraph, range(1, 5))]
    headline = "Gale keeps the fishing fleet in port"
    text = "\n\n".join([headline, "News", headline, *body, *BOX, *footer])
    a = extract_text(text, "t.txt")
    assert a.paragraphs == body


def test_a_quoted_paragraph_above_a_card_lower_down_stays():
    quote = "“Will we sail by Sunday?” the skipper asked. “Of course we will!”"
    headline = "Gale keeps the fishing fleet in port"
    lines = [headline, "By Tom Reyes", *BODY[:2], quote, "By Ana Ruiz | May 4, 2021"]
    a = extract_text("\n\n".join([*lines, BODY[2]]), "t.txt")
    assert quote in a.paragraphs
    assert a.authors == ["Tom Reyes"]


def test_links_to_other_stories_between_paragraphs_do_not_cut_the_article():
    paragraphs = STORY[:4]
    links = [
        "Lifeboat crew rescue two walkers cut off by the tide | mehr",
        "Harbour master warns of a long winter of storms | audio",
    ]
    headline = "Gale keeps the fishing fleet in port"
    body = ["Von Marta Quinn", *paragraphs[:2], *links, *paragraphs[2:]]
    text = "\n\n".join([headline, "News", "Sport", headline, *body, "Impressum"])
    a = extract_text(text, "t.txt")
    assert a.authors == ["Marta Quinn"]
    assert a.paragraphs == paragraphs
    assert all(rules(a)[line] == "teaser-link" for line in links)


def test_a_brief_among_a_long_page_of_menus_keeps_the_brief_not_the_page():
    menu = ["News", "Sport", "Weather", "Jobs", "Puzzles", "Letters", "Events"]
    footer = ["About us", "Contact", "Advertise", "Privacy", "Site map"]
    brief = "The coast road reopens on Friday, the county said."
    text = "\n\n".join(
        ["Coast road reopens", *menu, *menu, "Coast road reopens", brief, *footer]
    )
    a = extract_text(text, "t.txt")
    assert a.title == "Coast road reopens"
    assert a.paragraphs == [brief]


def test_an_article_in_a_script_without_spaces_is_found_among_its_menus():
    menu = ["ホーム", "ニュース", "スポーツ", "天気", "経済", "文化", "お問い合わせ"]
    body = [
        "三日続いた強風がようやく収まり、湾岸の港には朝から漁船が次々と戻ってきた。",
        "港の管理事務所によると、風速が四十ノットを下回ったため、"
        "午前六時に出港の制限を解いたという。",
        "魚市場は一時間だけ開かれ、残っていた魚は昼前には売り切れた。"
        "漁師たちは網の修理に追われている。",
    ]
    footer = ["会社概要", "利用規約", "プライバシー", "サイトマップ"]
    text = "\n\n".join(
        ["港に漁船が戻る - 湾岸新聞", *menu, "港に漁船が戻る", *body, *footer]
    )
    a = extract_text(text, "t.txt")
    assert a.title == "港に漁船が戻る"
    assert a.paragraphs == body
    assert rules(a)["サイトマップ"] == "outside-article"


def test_text_already_found_as_the_article_is_not_searched_again():
    # a saved page's paragraphs, as trafilatura found them: short lines stay
    text = page([]).replace("Dunmore Post Ltd", "Drivers welcomed the news")
    whole = extract_text(
        text, "t.txt", known={"title": "Coast road reopens"}, found=True
    )
    searched = extract_text(text, "t.txt", known={"title": "Coast road reopens"})
    assert "Drivers welcomed the news" in whole.paragraphs
    assert "Drivers welcomed the news" not in searched.paragraphs
    assert "outside-article" not in rules(whole).values()


LINES = st.sampled_from(
    [
        "Home",
        "Sport | Weather | Jobs",
        "Share this article",
        "Ana Ruiz says:",
        "January 13, 2008",
        "By Nora Hale",
        "Harbour Gazette",
        "1) A list item",
        "The band will play on these dates:",
        "Comments (3)",
        "Another story's headline about the ferries",
        "The council said the road would reopen on Friday after repairs.",
        "Drivers had been sent on a long detour through the hills while the "
        "engineers rebuilt the wall by the old mill, the highways office said.",
        "\u200b",
        "·",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(LINES, min_size=1, max_size=60), st.sets(LINES, max_size=4))
def test_any_page_gives_an_article_or_a_reason_and_accounts_for_each_line(
    lines, recurring
):
    text = "\n\n".join(lines)
    learned = file_hashes("\n".join(recurring))
    try:
        a = extract_text(
            text, "t.txt", {"source_url": "https://x.example/a/b"}, learned
        )
    except SkipFile as exc:
        assert str(exc)
        return
    assert a.title.strip()
    assert a.paragraphs
    assert len(a.paragraphs) + len(a.removed) == len(lines)
    assert len({r.line for r in a.removed}) == len(a.removed)


MENU = ["Home", "Sport", "Weather", "Contact us"]


def read_above_a_menu(headline: str, body: list[str]):
    """A dump of `headline`, `body` and a site's menu under them."""
    return extract_text("\n\n".join([headline, *body, *MENU]), "t.txt")


def test_a_quoted_post_closing_the_article_stays_with_its_signature():
    body = [
        "The county council voted on Tuesday to keep the night ferry running "
        "through the winter, reversing a plan to cut it from November.",
        "Councillors said the ferry was the only way home for hundreds of "
        "hospital staff who finish their shifts after midnight.",
        "The council announced the vote on social media:",
        "The night ferry stays. Thank you to everyone who wrote to us.",
        "— Bayside County Council (@baysidecouncil) October 4, 2022",
    ]
    a = read_above_a_menu("Night ferry saved for the winter", body)
    assert a.paragraphs == body
    assert rules(a)["Weather"] == "outside-article"


@pytest.mark.parametrize(
    ("headline", "body"),
    [
        pytest.param(
            "Harbour survey finds worn moorings",
            [
                "The harbour board has published the results of its survey of the "
                "town's moorings, the first since the storm of 2019.",
                "Of the two hundred berths checked, forty need new chains and twelve "
                "will be closed until their pontoons are rebuilt next spring.",
                "What changes:",
                "Owners of the closed berths will be offered places in the marina.",
                "The survey will be repeated every five years.",
            ],
            id="a-short-line-announcing-what-follows",
        ),
        pytest.param(
            "Volunteers replant the river path",
            [
                "Volunteers planted two hundred oak saplings along the river path on "
                "Saturday, replacing trees lost in the spring floods.",
                "The parks office thanked them in a post with a photo of the path.",
                "Forty volunteers, muddy boots, hundreds of oaks planted "
                "#RiverPath pic.twitter.com/Qx7LmR2abc",
                "— Bayside Parks (@baysideparks) April 9, 2022",
            ],
            id="a-quoted-post-with-a-picture-link",
        ),
        pytest.param(
            "Lifeboat crew out four times in one night",
            [
                "The lifeboat crew were called out four times in one night as the "
                "storm drove three yachts and a fishing boat onto the sandbanks.",
                "The coxswain, who has served on the crew for twenty years, spoke to "
                "reporters on the slipway as the last boat was towed into harbour.",
                "She said:",
                "I have never seen the sea like that in May. Everyone came home, and "
                "that is all that matters to us tonight.",
            ],
            id="she-said-before-a-quotation",
        ),
        pytest.param(
            "Harbour picks a design for the terminal",
            [
                "The harbour board has chosen a design for the new ferry terminal, "
                "which will replace the wooden shed that has stood on the quay since 1952.",
                "The board says the building will offer passengers these things:",
                "Heated benches",
                "A small cafe",
                "Bicycle lockers",
                "Free water",
                "Work will start in April and should be finished before the summer "
                "timetable begins, the board said in a statement on Tuesday.",
                "The old shed will be taken down and its timbers given to the museum, "
                "which plans to rebuild part of it as a display on the quay's history.",
            ],
            id="a-list-a-sentence-announces",
        ),
    ],
)
def test_article_lines_that_only_look_like_an_ending_stay(headline, body):
    # (a short line announcing what follows, a quoted post with its picture's
    # link, `She said:` before a quotation, a list a sentence announces)
    assert read_above_a_menu(headline, body).paragraphs == body


def test_paragraphs_closing_on_a_quotation_in_chinese_or_german_are_prose():
    menu = ["首页", "新闻", "体育", "天气", "财经", "文化", "联系我们"]
    body = [
        "湾岸市的渡轮公司周二宣布，夜间航班将在整个冬季继续运行，"
        "此前公司曾计划从十一月起停开这条航线。",
        "一位在医院上夜班的护士说：“每天凌晨下班以后，这班船是我回家的唯一办法，"
        "停开的话我们很多人都不知道该怎么办，只能在医院里等到天亮。”",
        "码头管理处的负责人表示：“我们收到了几百封来信，"
        "大家都希望保留夜班船，所以董事会最后决定改变原来的计划。”",
        "公司说，冬季的票价不会上涨，学生和老人仍然可以享受半价优惠。",
    ]
    footer = ["关于我们", "使用条款", "隐私政策", "网站地图"]
    text = "\n\n".join(["夜班渡轮冬季照常运行", *menu, *body, *footer])
    a = extract_text(text, "t.txt")
    assert a.paragraphs == body

    line = "„Die Fähre bleibt, und zwar den ganzen Winter über“, sagte sie „danke.“"
    assert prose_score(line) > 0


def test_a_sentence_leading_into_a_quotation_does_not_end_the_article():
    first = [
        "The harbour board will close the north pier for a month from Monday "
        "so that divers can inspect the timber piles under the old fish market.",
        "In a statement released on Friday, the board's chairwoman said:",
    ]
    rest = [
        "We would rather lose a month of trade than a pier. The piles are a "
        "century old and nobody has looked at them properly since the 1980s.",
        "Fishing boats will use the south quay while the work goes on, and "
        "the market will move to the car park behind the lifeboat station.",
    ]
    a = read_above_a_menu("North pier to close for checks", [*first, *rest])
    assert a.paragraphs == first + rest


def test_a_comment_header_still_ends_the_article():
    body = [
        "The harbour board will close the north pier for a month from Monday "
        "so that divers can inspect the timber piles under the old fish market.",
        "Fishing boats will use the south quay while the work goes on, and "
        "the market will move to the car park behind the lifeboat station.",
    ]
    comments = [
        "pierwatcher says:",
        "About time too, the planks have been loose for years and nobody cared.",
    ]
    text = "\n\n".join(["North pier to close for checks", *body, *comments])
    a = extract_text(text, "t.txt")
    assert a.paragraphs == body


def test_a_long_headline_the_title_gives_is_the_headline_above_the_article():
    headline = (
        "'We will not close the road for a single day while the wall is "
        "rebuilt': the county promises drivers the coast road stays open "
        "through the whole of the two-year repair of the sea wall"
    )
    body = [
        "The county council said on Monday that the coast road would stay "
        "open while its sea wall is rebuilt, with one lane closed at a time.",
        "Work on the first stretch of the wall starts next month and is due "
        "to finish before the winter storms, the council's engineer said.",
        "Drivers should expect delays of up to ten minutes at the traffic "
        "lights set up at each end of the works, the council added.",
    ]
    text = "\n\n".join(
        [headline, *MENU, headline, "Roads and travel across the county", *body]
    )
    a = extract_text(text, "t.txt")
    assert a.title == headline
    assert a.paragraphs[-3:] == body


def test_a_prompt_to_make_the_outlet_a_preferred_source_is_not_article_text():
    body = [
        "The county council said on Monday that the coast road would stay "
        "open while its sea wall is rebuilt, with one lane closed at a time.",
        "Work on the first stretch of the wall starts next month and is due "
        "to finish before the winter storms, the council's engineer said.",
    ]
    prompt = "Add Dunmore Post as a preferred source on Google"
    a = read_above_a_menu("Coast road to stay open", [*body, prompt])
    assert a.paragraphs == body
    assert rules(a)[prompt] == "subscribe"


def test_a_paywall_box_is_not_the_article_and_advert_notes_do_not_end_it():
    body = [
        "The harbour board gave up two of its four offices in January to save "
        "money, and now has nowhere to put the staff it was told to bring back.",
        "A memo seen by the Ledger says forty clerks will share twelve desks "
        "from Monday, and that meetings will move to the ferry terminal cafe.",
        "The board said in a statement that it was looking for more space and "
        "that no one would be asked to work from the quay in the rain.",
        "Union officials said the plan had been drawn up without asking the "
        "staff, and called for the return to the office to be put off.",
    ]
    paywall = [
        "THIS CONTENT IS RESERVED FOR SUBSCRIBERS ONLY",
        "Subscribe now to read the latest news from the coast and beyond.",
        "Unlimited digital access to the Bayside Ledger.",
        "Support local journalism.",
        "REGISTER / SIGN IN TO UNLOCK MORE ARTICLES",
        "Create an account or sign in to continue with your reading experience.",
        "Enjoy additional articles per month.",
    ]
    notes = ["Article content", "Story continues below", "Article content"]
    lines = ["Harbour board runs out of desks", body[0], *paywall, *notes[:1]]
    for paragraph, note in zip(body[1:], notes, strict=True):
        lines += [paragraph, note, "Article content"]
    a = extract_text("\n\n".join([*lines, *MENU]), "t.txt")
    assert a.paragraphs == body
    assert rules(a)["Support local journalism."] == "subscribe"
    assert rules(a)["Story continues below"] == "advert-note"
