"""Unknown outlets: the generic fallback keeps the body and drops the furniture."""

import sys
from datetime import date
from pathlib import Path

import pytest

from newsarchive import SkipFile, extract_text
from newsarchive.extract import byline_and_date
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import measure_generic  # noqa: E402

LABELLED = Path(__file__).parent / "fixtures" / "labelled"


def test_labelled_set_keeps_every_body_line_and_most_cruft_goes():
    sets = measure_generic.measure(LABELLED)
    total = sets["all"]
    assert total.files >= 9
    assert total.titles == total.files
    assert total.removed_wrong == 0, total.mistakes  # no body line lost
    assert total.removed_right / (total.removed_right + total.missed) >= 0.95


@pytest.mark.parametrize(
    "line",
    [
        "Home prices rose for the third month in a row, the agency said.",
        "Print and broadcast ads will be banned near schools from July.",
        "Log in to the website has become slower since the update, users say.",
        "Share prices fell after the announcement.",
        "Subscribe to nothing and pack light.",
        "Comments from the minister drew criticism.",
        "Related to the trail is a small museum.",
        "Copyright law is being rewritten for the streaming era.",
        "We baked cookies for the volunteers, she said.",
        "By the end of the year, the line should be finished.",
        "Next week, engineers will inspect the embankments.",
        "Credit: the bank raised its rates twice, and borrowers noticed.",
        "The photo shows the pier in 1931, before the storm took its end.",
        "Rates rose 2/3 of a point, the Bank of Bayside said.",
        "Popular in the fifties, the dance hall is open again.",
        "More local stories are being told by the radio station.",
        "Follow the coast road on foot and you reach the old mill by noon.",
        "Subscribe to a farm box and the vegetables come on Tuesdays, she said.",
        "Also on the agenda was the new car park by the pier.",
        "About the harbour, the council said nothing.",
        "Courtesy of the season, the ferry runs late on Fridays.",
        "[The harbour master had warned of this in March.]",
        "Ana Ruiz, a teacher, said the ferry was always late.",
        "(The ferry was cancelled twice that week, both times for fog.)",
        "Write to the council if you want the bus back, she said.",
        "»Wir fahren morgen wieder«, sagte der Kapitän.",
        "Watch out for the new speed limit on the coast road, police said.",
        "Get the ferry app for free (upgrade to a season pass for $4.99/mo)",
        "Buy now, pay later deals have doubled in a year, the regulator said.",
        "Order today and the season pass arrives by post within a week.",
        "$5 is what the ferry charged in 1961, the museum's ticket shows.",
        "Available on the coast road only: the new night bus, from May.",
        # a bargain hunter's advice, a price list's line, a broker's fee
        "Buy on the dip",
        "Order from a local butcher",
        "Shop on the high street",
        "Available from the library",
        "Check the price at the pump",
        "$12.99",
        "2,50 €",
        "Estate agents may receive a commission.",
        "The ferry was late again, the report from AP said.",
        # sentences that open like a prompt, a credit or a caption
        "Follow the hashtag on Twitter and a very different story of the strike emerges.",
        "Subscribe to Tidewatch and you get every season for the price of a ticket.",
        "Courtesy Cabs, the island's only taxi firm, has closed its office.",
        "Tickets and prices (Adults/Children)",
        "Watch: the council meeting will be streamed from 7pm on its website.",
        "Also: the ferry operator said it would refund every ticket sold.",
        "Anzeige gegen den Bürgermeister wurde am Montag erstattet.",
        "Article content rules for the ferry company's website were published.",
        "Mehr zum Thema sagte der Bürgermeister am Montag nicht.",
        "The photo by the harbour wall won the prize last year.",
        "Quelle der Daten ist das Statistische Landesamt in Kiel.",
        "Foto und Video zeigen den Hafen am Morgen nach dem Sturm.",
        # `Bild` is a newspaper too; `| video` ends no link here
        "Der Bürgermeister sagte im Interview mit Bild: „Wir bauen den Kai neu“",
        "Latest videos from the council show the damage to the sea wall.",
        "The logo is protected by law. © marks appear on every box they ship.",
        "Die Fähre fährt wieder, sagte der Kapitän dem Sender | video folgt",
    ],
)
def test_body_lines_that_start_like_cruft_stay(line):
    a = extract_text(f"A headline for the test\n\n{line}\n\nAnother line.\n", "t.txt")
    assert line in a.paragraphs


@pytest.mark.parametrize(
    "line",
    [
        "Share this article",
        "Facebook | Twitter | Email",
        "Log in | Register",
        "Sign up for our daily newsletter",
        "We use cookies to improve your experience. By continuing you accept them.",
        "12 Comments",
        "Leave a comment",
        "Related articles",
        "© 2020 The Harbour Gazette. All rights reserved.",
        "Skip to content",
        "News | Sport | Business | Opinion",
        "Advertisement",
        # captions that carry their photo's credit, and bare credits
        "Divers check the hull of the ferry at dawn (Credit: Harbour Press)",
        "The lighthouse keeper on the last night of the season.Credit: Ana Ruiz",
        "Volunteers clear the beach after the storm.Credit...Tom Reyes/Bay Herald",
        "Image caption The old pier was closed to walkers in March",
        "Image copyright Harbour Press",
        "Marta Quinn/Bayside Ledger/Harbour Press",
        "Oskar Lind Submitted photo",
        "Tom Reyes, AP",
        "(Harbour Press)",
        "Video: The harbour master explains how the new lock gates work",
        "Watch: Divers bring the bell up from the wreck",
        "The first map of the seabed off Gull Point. (Harbour Trust/Ana Ruiz)",
        "Divers at work on the wreck at dawn [Harbour Trust via AP]",
        "View all (12)",
        "» Next week: the tide tables for the spring",
        "Write to Nora Hale at nora.hale@ledger.example",
        "Crowds wait for the first ferry of the season at the quay.Reuters",
        "A fisherman mends his nets on the harbour wall. Getty",
        "Courtesy of Harbour Trust",
        # the header of a box of other stories, named for the site or section
        "Most read in local news",
        "Popular on Bayside Ledger",
        "More Great Ledger Stories",
        "Next up in Science & Health",
        # a sign-up box for a newsletter or the outlet's channels
        "Morning Tide Newsletter",
        "Get the Bayside Ledger delivered to your inbox",
        "Sign up for e-mail newsletters",
        "No spam, we promise. You can unsubscribe at any time.",
        "Thanks for signing up!",
        "Sign In Sign Up",
        "Get the Ledger in your inbox.",
        "Subscribe to the Ledger Video Channel for our latest films!",
        "Subscribe to LEDGER and read every story from the coast.",
        "Follow Ledger Sport on Instagram, Facebook and YouTube.",
        "Follow the Ledger's Opinion desk on Facebook, Twitter (@LedgerView) and Instagram.",
        "Follow us on instagram youtube",
        "Subscribe to LEDGER and stay up to date with the coast's news.",
        "Gulls over the trawler at dawn. (Ledger/Bay-Trust/GPA)",
        "video: sport",
        "Like this story? Share it with a friend!",
        "If you enjoyed this article, become a member of the Ledger club.",
        # gallery counters, a wire photo's caption, links to other stories
        "Image 2 of / 7",
        "3 / 7",
        "12",
        "FILE PHOTO: Gulls circle the trawler as it docks at dawn. LEDGER/Ana Ruiz",
        "[Related: Harbour festival returns with a night market]",
        "[Harbour Press]",
        "[Video]",
        "Also: See our guide to the coast path",
        "Also on ledger.example Ferry company names its new captain",
        "Related post: Three walks along the bay",
        "Share on FacebookShare on TwitterShare via Email",
        "Copied!",
        "Advert",
        "Thanks for watching!",
        # the header of the box about the writer, in English and other languages
        "About Nora Hale",
        "Sobre Nora Hale",
        # adverts and the notes they leave, in English and other languages
        "Advertisement 3",
        "Anzeige",
        "Publicidad",
        "Story continues below advertisement",
        "This advertisement has not loaded yet, but your article continues below.",
        "Article content",
        # boxes of other stories in other languages
        "Mehr zum Thema",
        "Lesen Sie auch:",
        "À lire aussi",
        "More Trending",
        "Read More Stories",
        # the box shown in place of an embedded video or post
        "Empfohlener redaktioneller Inhalt",
        "An dieser Stelle finden Sie einen externen Inhalt, der den Artikel ergänzt.",
        "Ich bin damit einverstanden, dass mir externe Inhalte angezeigt werden.",
        "Personenbezogene Daten können an Drittplattformen übermittelt werden.",
        "Externen Inhalt anzeigen",
        "To view this video please enable JavaScript, and upgrade your browser.",
        # captions ending in their credit
        "Crowds at the quay for the first ferry (Picture: Harbour Press)",
        "The ferry's first crossing, in 1961. Photo by Ana Ruiz/Ledger Archive",
        "(Foto: Harbour Press)",
        # credits, sources and boxes in other languages
        "Quelle: Harbour Press",
        "What to read next",
        "Latest Videos From",
        "Follow Harbour Times on Google News and add us as a preferred source to get "
        "our news in your feeds.",
        "By submitting your information you agree to the Terms & Conditions and "
        "Privacy Policy and are aged 16 or over.",
        "Foto: Ana Ruiz, Bayside Ledger",
        "Meistgelesen",
        "Mehr aus dem Ressort",
        "Annonsørinnhold",
        "Player wird geladen",
        "Subscribe Today!",
        # a shopping box's buttons in a buying guide
        "Buy now",
        "Shop now at Harbour Outfitters",
        "Check price",
        "Price at",
        "Available from Harbour Outfitters",
        "$285 at Harbour Outfitters",
        "12,99 € bei Hafenladen",
    ],
)
def test_generic_cruft_is_removed_with_its_rule(line):
    assert _rule_between_body_lines(line) not in ("title", "")


def _rule_between_body_lines(line: str) -> str:
    """The rule that takes `line` out of a short article's body, between its
    two lines (which both stay)."""
    text = f"A headline for the test\n\nFirst body line.\n\n{line}\n\nLast body line.\n"
    a = extract_text(text, "t.txt")
    assert a.paragraphs == ["First body line.", "Last body line."]
    (gone,) = [r for r in a.removed if r.text == line]
    return gone.rule


@pytest.mark.parametrize(
    "line",
    [
        "Rauch steigt über dem Hafen auf. Foto: Ana Ruiz/AP",
        "Die Fähre am Kai von Bayside | Bild: Ana Ruiz/Harbour Press",
        "Eine dunkle Rauchwolke zieht über den Hafen. © Harbour Press | Ana Ruiz",
        "Rauch steigt über dem Hafen auf – Foto: dpa",
        "Der Kapitän am Kai. Bild: picture alliance/dpa",
        "The ferry leaves the quay at dawn (Image: Harbour Press)",
        "The mayor greets the crew on the pier Ana Ruiz/AP",
        "Walkers on the old pier Tom Reyes/Getty Images Europe",
        "The pier reopened to walkers after a year of repairs. Supplied",
        "The crew waited on the quay for about an hour. AP",
        "Getty Images/Harbour Press)",
    ],
)
def test_a_caption_ending_in_its_credit_is_an_image_credit(line):
    assert _rule_between_body_lines(line) == "image-credit"


@pytest.mark.parametrize(
    "line",
    [
        "The ferry left at dawn, the harbour master said, and the crew waited.",
        "Fares rise in May for the crossing to Gull Point and Ana Ruiz/AP.",
        "Ana Ruiz said the supplies were supplied.",
        # a subhead or a sentence with no closing full stop
        "How voters rated the plan in the Ipsos MORI/PA survey",
        "The senator met with Joe Biden/AP reporters on Tuesday",
    ],
)
def test_a_sentence_naming_a_photo_agency_stays(line):
    text = f"A headline for the test\n\nFirst body line.\n\n{line}\n\nLast body line.\n"
    assert line in extract_text(text, "t.txt").paragraphs


@pytest.mark.parametrize(
    ("lines", "authors", "day"),
    [
        (
            ["By Helen Marsh, Staff Reporter", "March 3, 2020"],
            ["Helen Marsh"],
            date(2020, 3, 3),
        ),
        (
            ["By JOHN SMITH and JANE DOE", "Updated Mar 12, 2022 at 6:40 PM"],
            ["John Smith", "Jane Doe"],
            date(2022, 3, 12),
        ),
        (
            ["Written by Tom Reyes", "Published 14 June 2021"],
            ["Tom Reyes"],
            date(2021, 6, 14),
        ),
        (
            ["Jordan Blake", "Wed 7 Sep 2022 09.30 BST"],
            ["Jordan Blake"],
            date(2022, 9, 7),
        ),
        (["Posted on October 2, 2023 by Ana Ruiz"], ["Ana Ruiz"], date(2023, 10, 2)),
        (["2019-05-15"], [], date(2019, 5, 15)),
        (["By Reuters Staff"], ["Reuters"], None),
        # `By` in other languages, names with accented letters
        (["Von: Jörg Weiß", "March 3, 2020"], ["Jörg Weiß"], date(2020, 3, 3)),
        (["Par Amélie Durand", "March 3, 2020"], ["Amélie Durand"], date(2020, 3, 3)),
        (["di Łukasz Nowak"], ["Łukasz Nowak"], None),
        # the outlet after the names; a name and a date run together
        (["By Helen Marsh | Bayside Ledger"], ["Helen Marsh"], None),
        (["Helen MarshPublished March 3, 2020"], ["Helen Marsh"], date(2020, 3, 3)),
        # `and` in other languages, a role or a place after the names
        (["Von Jörg Weiß und Ana Ruiz"], ["Jörg Weiß", "Ana Ruiz"], None),
        (["Von Ana Ruiz, Redakteurin (Sport)"], ["Ana Ruiz"], None),
        (
            ["Von Ana Ruiz, Lille 05.08.2024, 20:59 Uhr"],
            ["Ana Ruiz"],
            date(2024, 8, 5),
        ),
        (["By Helen Marsh published 3 March 2020"], ["Helen Marsh"], date(2020, 3, 3)),
        # the date after the names with only a space between
        (["by Ana Ruiz Jul. 19, 2026 9:45 am"], ["Ana Ruiz"], date(2026, 7, 19)),
        (["By Ana Ruiz, May 3, 2021"], ["Ana Ruiz"], date(2021, 5, 3)),
        (
            ["By Helen Marsh 30 August 2023 • 4:45pm"],
            ["Helen Marsh"],
            date(2023, 8, 30),
        ),
        # `By` alone on its line, the name on the next
        (
            ["Von", "Jörg Weiß", "22.04.2024, 17:26 Uhr"],
            ["Jörg Weiß"],
            date(2024, 4, 22),
        ),
        (["Kommentar von", "Ana Ruiz"], ["Ana Ruiz"], None),
        # what kind of piece, before `By`, is not part of the name
        (["Analysis by Ana Ruiz"], ["Ana Ruiz"], None),
        (
            ["Kolumne von Ana Ruiz - 28.04.2024 um 08:52 Uhr"],
            ["Ana Ruiz"],
            date(2024, 4, 28),
        ),
        # ... and each further name on a line of its own
        (
            ["Von", "Jörg Weiß", "Ana Ruiz", "22.04.2024, 17:26 Uhr"],
            ["Jörg Weiß", "Ana Ruiz"],
            date(2024, 4, 22),
        ),
        # a name and a day-first date, after a comma or run together
        (["Ana Ruiz, 03.05.2021 10:00 Uhr"], ["Ana Ruiz"], date(2021, 5, 3)),
        (["ANA RUIZ, 03.05.2021"], ["Ana Ruiz"], date(2021, 5, 3)),
        (["Ana Ruiz03.05.2021, 19:35 Uhr"], ["Ana Ruiz"], date(2021, 5, 3)),
        # the name and when, in parts between bars or bullets: a date, a
        # time, an age or a reading time, and perhaps the outlet's name
        (["Ana Ruiz | Published 4 months ago"], ["Ana Ruiz"], None),
        (["By Ana Ruiz 2 minutes read"], ["Ana Ruiz"], None),
        (["3. Mai 2021 • Ana Ruiz • 3 Minuten"], ["Ana Ruiz"], date(2021, 5, 3)),
        (["Mo 03.05.21 | 14:07 Uhr | Von Ana Ruiz"], ["Ana Ruiz"], None),
        (
            ["Ana Ruiz / BAYSIDE LEDGER / May 3, 2021, 17:07 IST"],
            ["Ana Ruiz"],
            date(2021, 5, 3),
        ),
    ],
)
def test_common_bylines_and_datelines(lines, authors, day):
    header = "\n".join(lines)
    text = f"A headline for the test\n{header}\n\nThe body of the article is here.\n"
    a = extract_text(text, "t.txt")
    assert a.authors == authors
    assert a.date == day
    assert a.date_source == ("file" if day else None)
    assert a.paragraphs == ["The body of the article is here."]


@pytest.mark.parametrize(
    "line",
    [
        "Read more | 5 min read",
        "Sport • 3 hours ago",
        "Home | News | World",
        "The talks ended 3 hours ago",
        "Ana Ruiz | Tom Reyes | Oskar Lind | Nora Hale | 5 min",
        # a bare name only with a date or `Published ... ago`: not a
        # section's or outlet's name with an age, a time or a reading time
        "Harbour Times | 3 hours ago",
        "Real Estate | 4 min read",
        "Live Updates | 14:07",
        "Most Read | 3 min",
        "Ana Ruiz 2 minutes read",
        "Jo Park 10.41",
    ],
)
def test_parts_that_say_when_with_no_name_are_not_a_byline(line):
    assert byline_and_date(line) is None


def test_results_with_times_in_the_body_stay_in_it():
    results = ["Jo Park 10.41", "Sam Lee 10.55", "Mia Cruz 10.62"]
    body = [
        "The harbour swim was held on Sunday in calm water, the club said.",
        "The first three home in the men's race were:",
        *results,
        "The club thanked the volunteers who kept watch from the boats.",
    ]
    text = "\n\n".join(["Harbour swim results", "By Ana Ruiz", *body])
    a = extract_text(text, "t.txt")
    assert a.authors == ["Ana Ruiz"]
    assert all(r in a.paragraphs for r in results)


def test_a_date_inside_a_sentence_does_not_date_the_article():
    text = "Headline here\n\nThe talks were held on May 15, 2019 in Sochi.\n"
    a = extract_text(text, "t.txt")
    assert a.date is None and a.date_source is None


def test_title_comes_from_the_first_real_line():
    text = (
        "Skip to content\nMenu\nWorld\nSign in\nReal headline of the story\n\nBody.\n"
    )
    a = extract_text(text, "t.txt")
    assert a.title == "Real headline of the story"
    assert a.paragraphs == ["Body."]


def test_all_furniture_no_article():
    with pytest.raises(SkipFile, match="page furniture"):
        extract_text("Menu\nSearch\nLog in\n", "t.txt")


def test_short_headline_of_an_unknown_layout_is_kept():
    text = (
        "Kim meets Trump\n\nHome > National > Politics\n\n"
        "The two leaders met for three hours in the border village on Sunday.\n"
    )
    a = extract_text(text, "t.txt")
    assert a.title == "Kim meets Trump"
    assert (a.section, a.subsection) == ("National", "Politics")


def test_related_header_above_the_headline_does_not_swallow_it():
    text = (
        "Top Stories\nFor You\nNight markets return to the riverside\n\n"
        "Food stalls and street musicians came back to the promenade on Friday.\n\n"
        "Related stories\nFerry timetable changes for summer\n"
    )
    a = extract_text(text, "t.txt")
    assert a.title == "Night markets return to the riverside"
    assert a.paragraphs == [
        "Food stalls and street musicians came back to the promenade on Friday."
    ]


def test_a_photo_credit_in_brackets_is_an_image_credit_a_source_is_not():
    text = (
        "A headline for the test\n\nFirst body line.\n\n[Photo by Ana Ruiz]"
        "\n\n[Harbour Press]\n\nLast body line.\n"
    )
    gone = {r.text: r.rule for r in extract_text(text, "t.txt").removed}
    assert gone["[Photo by Ana Ruiz]"] == "image-credit"
    assert gone["[Harbour Press]"] == "navigation"


def test_a_more_box_after_the_article_takes_the_headlines_under_it():
    first = (
        "The ferry will run an extra crossing on Sundays from May, the company said."
    )
    text = (
        f"A headline for the test\n\n{first}\n\nMore:\n\n"
        "Ferry company names its new captain\n\nHarbour festival returns\n"
    )
    a = extract_text(text, "t.txt")
    assert a.paragraphs == [first]
    assert {r.rule for r in a.removed if r.rule != "title"} == {"related-links"}


def test_a_buying_guide_goes_on_past_each_shopping_box():
    """Its buttons go, every part of its text stays (its prices with it:
    they may be the text's own)."""
    parts = [
        [
            f"The {name} kept us dry on {n} nights out on the coast path, "
            "and it packs down small enough for a day bag.",
            f"We tested the {name} in wind and rain along the bay for a month, "
            "and it was the last one of the lot to let water through.",
            f"At its price the {name} is not cheap, but the seams held up and "
            "the zips never stuck, which is more than we can say for the rest.",
        ]
        for n, name in [(3, "Gull Jacket"), (5, "Tern Shell"), (4, "Pier Parka")]
    ]
    boxes = ["£120\n\nBuy now\n\nPrice at", "£95\n\nCheck price", "$80\n\nBuy now"]
    text = "The best rain jackets for the coast, tested\n\n" + "\n\n".join(
        "\n\n".join(part) + "\n\n" + box for part, box in zip(parts, boxes, strict=True)
    )
    a = extract_text(text + "\n", "t.txt")
    # (the prices between its parts stay; the box after its end goes)
    prices = ["£120", "£95", None]
    assert a.paragraphs == [
        line
        for part, price in zip(parts, prices, strict=True)
        for line in [*part, price]
        if line
    ]
    assert {r.text for r in a.removed if r.rule == "shop-button"} == {
        "Buy now",
        "Price at",
        "Check price",
    }


def test_a_box_of_other_stories_takes_headlines_with_abbreviations():
    first = (
        "The ferry will run an extra crossing on Sundays from May, the company said."
    )
    items = [
        "St. Paul council backs a night ferry to the islands",
        "U.S. grant pays for the new harbour wall",
        "Dr. Ana Ruiz named head of the harbour trust",
    ]
    text = "A headline for the test\n\n{}\n\nMost read\n\n{}\n".format(
        first, "\n\n".join(items)
    )
    a = extract_text(text, "t.txt")
    assert a.paragraphs == [first]
    assert {r.text for r in a.removed if r.rule == "related-links"} == {
        "Most read",
        *items,
    }


@pytest.mark.parametrize(
    "sentence",
    [
        "The new crossing will be paid for by the EU.",
        "Mr. Smith said the money came from the U.S.",
        "The ferry line is run by Harbour Lines Inc.",
        "The fund was set up by Tom Reyes Jr.",
    ],
)
def test_a_sentence_under_a_box_header_is_no_item_of_it(sentence):
    body = [
        "The ferry will run an extra crossing on Sundays from May, the company said.",
        sentence,
        "The council will vote on the timetable next week, a spokesman said.",
        "Tickets for the first Sunday crossing go on sale at the quay on Monday.",
    ]
    text = "A headline for the test\n\n{}\n\nMost read\n\n{}\n".format(
        body[0], "\n\n".join(body[1:])
    )
    assert sentence in extract_text(text, "t.txt").paragraphs
