"""The headline of a saved HTML page: the one the page shows, whole, never
the outlet's name or a section's, and without the outlet's name tacked on."""

from __future__ import annotations

import pytest

from newsarchive.extract import extract_html
from newsarchive.headline import Outlet, host_label
from newsarchive.html_input import page_authors
from tests.test_html_input import ARTICLE, page

HEADLINE = "Ferry fares to rise for island commuters"
OG = '<meta property="og:title" content="{}">'
URL = "https://islandtimes.example/2021/ferry-fares-to-rise-for-island-commuters"


def read(body: str, head: str = "", url: str = ""):
    manifest = {"source_url": url} if url else None
    return extract_html(page(body, head).encode(), "p.html", manifest)


@pytest.mark.parametrize(
    "h1",
    [
        "<h1><span>Ferry fares to rise</span><span>for island commuters</span></h1>",
        "<h1><a href='/f'><b>Ferry fares</b><i>to rise for island commuters</i></a></h1>",
        "<h1>Ferry fares to rise<br>for island commuters</h1>",
    ],
)
def test_the_parts_of_a_headline_are_spaced_and_not_repeated_in_the_body(h1: str):
    for head in ("", f"<title>{HEADLINE} - Island Times</title>", OG.format(HEADLINE)):
        a = read(f"<article>{h1}{ARTICLE}</article>", head)
        assert a.title == HEADLINE
        assert not any("fares" in p for p in a.paragraphs)
        assert not any(
            "fares" in r.text for r in a.removed if r.rule != "repeated-title"
        )


def test_touching_parts_of_a_headline_in_a_script_without_spaces_stay_together():
    a = read(f"<h1><span>渡し船の運賃</span><span>値上げへ</span></h1>{ARTICLE}")
    assert a.title == "渡し船の運賃値上げへ"
    capital = read(f"<h1><span class='drop'>F</span>erry fares to rise</h1>{ARTICLE}")
    assert capital.title == "Ferry fares to rise"


@pytest.mark.parametrize(
    ("head", "url", "body"),
    [
        # the page's address names the outlet
        (OG.format(f"{HEADLINE} - BBC News"), "https://www.bbc.co.uk/news/1", ""),
        (
            OG.format(f"{HEADLINE} | The New York Times"),
            "https://www.nytimes.com/1",
            "",
        ),
        (
            OG.format(f"{HEADLINE} — Island Times")
            + '<link rel="canonical" href="https://www.islandtimes.example/ferry/1">',
            "",
            "",
        ),
        # so does its JSON-LD publisher, or its Twitter handle
        (
            OG.format(f"{HEADLINE} | Island Times")
            + '<script type="application/ld+json">{"@type": "NewsArticle", '
            '"publisher": {"@type": "Organization", "name": "Island Times"}}</script>',
            "",
            "",
        ),
        (
            '<meta name="twitter:title" content="Ferry fares to rise for island '
            'commuters | Island Times"><meta name="twitter:site" content="@islandtimes">',
            "",
            "",
        ),
        # another of the page's titles ends with the same words
        (
            OG.format(f"{HEADLINE} | Island Times")
            + "<title>Fares up on the ferries | Island Times</title>",
            "",
            "",
        ),
        # the page names it in a line of its own (and a section, too)
        (f"<title>{HEADLINE} | Island Times</title>", "", "<p>© 2021 Island Times</p>"),
        (OG.format(f"{HEADLINE}|Island Times"), "", "<p>© 2021 Island Times</p>"),
        (
            f"<title>{HEADLINE} | Local | Island Times</title>",
            "",
            "<nav><a href='/'>Island Times</a> <a href='/local'>Local</a></nav>",
        ),
        # `Outlet: Headline`, `Outlet - Headline`
        (OG.format(f"Island Times: {HEADLINE}"), "https://islandtimes.example/1", ""),
        (f"<title>Island Times - {HEADLINE}</title>", "", "<p>© 2021 Island Times</p>"),
    ],
)
def test_the_outlets_name_is_cut_off_when_the_page_says_it_is_the_outlets(
    head: str, url: str, body: str
):
    assert read(f"{body}<div>{ARTICLE}</div>", head, url).title == HEADLINE


def test_the_last_part_of_a_headline_stays_when_nothing_says_it_is_an_outlet():
    whole = "Ferry fares to rise - what commuters can do"
    for head in (OG.format(whole), f"<title>{whole}</title>" + OG.format(whole)):
        assert read(f"<div>{ARTICLE}</div>", head).title == whole


@pytest.mark.parametrize(
    ("head", "body"),
    [
        # a logo, by its place, its text or the <title>'s last words
        (
            "",
            f"<header class='site-logo'><h1>Island Times Online</h1></header><h1>{HEADLINE}</h1>",
        ),
        (f"<title>{HEADLINE} | Island Times</title>", "<h1>Island Times</h1>"),
        (f"<title>{HEADLINE} [Island Times]</title>", "<h1>Island Times beta</h1>"),
        # a section's name above an article the metadata names
        (
            OG.format(HEADLINE),
            "<h1>Transport and travel news</h1>"
            "<nav><a href='/transport'>Transport and travel news</a></nav>",
        ),
        (
            OG.format(HEADLINE),
            "<div class='breadcrumb'><a href='/'>Home</a><a href='/t'>Travel and "
            "transport desk</a><span>Ferry fares</span></div>"
            "<h1>Travel and transport desk</h1>",
        ),
        (OG.format(HEADLINE), "<h1>Subscribe today and save half the price</h1>"),
        (
            OG.format(HEADLINE),
            "<nav><a href='/travel'>Ferry and island travel</a></nav>"
            "<h1>Ferry and island travel</h1>",
        ),
    ],
)
def test_neither_a_logo_nor_a_section_is_taken_for_the_headline(head: str, body: str):
    url = "https://www.islandtimes.example/transport/2021/ferry-fares"
    assert read(f"{body}<div>{ARTICLE}</div>", head, url).title == HEADLINE


def test_a_title_that_is_only_the_outlets_name_is_never_the_headline():
    head = '<title>Island Times</title><meta property="og:site_name" content="Island Times">'
    assert read(f"<h1>Ferries</h1>{ARTICLE}", head).title == "Ferries"
    assert read(f"<h2>{HEADLINE}</h2>{ARTICLE}", head).title == HEADLINE
    # the page's copyright line says whose name it is
    body = f"<h2>{HEADLINE}</h2>{ARTICLE}<footer>© 2021 Island Times Ltd.</footer>"
    assert read(body, "<title>Island Times</title>").title == HEADLINE
    assert read(body, OG.format("Island Times")).title == HEADLINE


@pytest.mark.parametrize(
    ("host", "label"),
    [
        ("news.bbc.co.uk", "bbc"),
        ("www.nytimes.com", "nytimes"),
        ("abcnews.go.com", "abcnews"),
        ("ici.radio-canada.ca", "radiocanada"),
        ("localhost", "localhost"),
    ],
)
def test_the_name_in_a_host(host: str, label: str):
    assert host_label(host) == label


@pytest.mark.parametrize(
    ("part", "named"),
    [
        ("BBC News", True),
        ("The New York Times", True),
        ("nytimes.com", True),
        ("The Guardian", True),
        ("New York", False),
        ("BBC research finds ferries late", False),
        # accents and articles an address leaves out
        ("El Periódico", True),
        ("DIE INSEL", True),
        ("Süddeutsche Fähre", True),
        ("Sudöst", False),
        # an abbreviation in capitals the address starts with
        ("NYT", True),
        ("NY", False),
        ("Nyt", False),
        ("海の新聞", False),
    ],
)
def test_what_names_the_outlet_by_its_address(part: str, named: bool):
    labels = {"bbc", "nytimes", "theguardian", "elperiodico", "insel"}
    outlet = Outlet(frozenset(), frozenset({*labels, "sueddeutschefaehre"}))
    assert outlet.named(part) is named


def test_the_outlets_name_in_the_pages_logo_feed_or_copyright_is_cut_off():
    title = OG.format(f"{HEADLINE} · Island Times Daily")
    for head, body in [
        ("", "<img src='l.png' alt='Island Times Daily'>"),
        (
            '<link rel="alternate" type="application/rss+xml" title="Island Times Daily">',
            "",
        ),
        ('<meta name="copyright" content="Island Times Daily">', ""),
    ]:
        assert read(f"{body}<div>{ARTICLE}</div>", head + title).title == HEADLINE


def test_a_headline_the_address_names_stays_over_the_sites_own_og_title():
    head = OG.format("Island Times: news from the islands, every day")
    url = "https://islandtimes.example/2021/ferry-fares-to-rise-for-commuters"
    a = read(f"<h1>{HEADLINE}</h1>{ARTICLE}", head, url)
    assert a.title == HEADLINE


@pytest.mark.parametrize(
    ("head", "url"),
    [
        # the address names the <h1>'s words, not the social title's
        (OG.format("You will not believe what the ferry costs now"), URL),
        # the <title> holds the <h1>, and none of the metadata
        (
            '<script type="application/ld+json">{"@type": "NewsArticle", '
            '"headline": "Transport story"}</script>'
            f"<title>{HEADLINE} - Island Times</title>",
            "",
        ),
        # the <h1> has the metadata's words and more
        (OG.format("Ferry fares to rise"), ""),
    ],
)
def test_an_h1_worded_otherwise_than_the_metadata_stays_when_the_page_says_so(
    head: str, url: str
):
    assert read(f"<h1>{HEADLINE}</h1>{ARTICLE}", head, url).title == HEADLINE


def test_the_headline_the_pages_microdata_marks_is_taken():
    head = "<title>Ferry fares | Island Times</title>"
    body = (
        "<aside><h3 itemprop='headline'>Ferry strike ends at dawn</h3></aside>"
        f"<h1>Ferry fares</h1><h2 itemprop='headline'>{HEADLINE}</h2>"
    )
    assert read(f"{body}<div>{ARTICLE}</div>", head).title == HEADLINE


def test_of_several_headline_like_h1s_the_one_like_the_title_is_taken():
    head = "<title>Island ferry fares set to rise in spring</title>"
    body = f"<h1>Get our newsletter every Monday morning</h1><h1>{HEADLINE}</h1>"
    assert read(f"{body}<div>{ARTICLE}</div>", head).title == HEADLINE


def test_an_h1_that_names_the_outlet_after_the_headline_loses_the_outlets_name():
    head = '<meta property="og:site_name" content="Island Times">'
    a = read(f"<h1>{HEADLINE} | Island Times</h1><div>{ARTICLE}</div>", head)
    assert a.title == HEADLINE


def test_malformed_addresses_on_the_page_are_no_trouble():
    head = OG.format(HEADLINE) + '<meta property="og:url" content="http://[::1/news/a">'
    body = f"<a href='http://[x/news'>Ferries</a><h1>Ferries</h1><div>{ARTICLE}</div>"
    assert read(body, head, "http://[bad/news/2021/ferry").title == HEADLINE


def test_soft_hyphens_and_zero_width_spaces_are_not_in_the_headline():
    shy = "Ferry fares to rise for island com\u00admu\u200bters"
    for head, body in [
        ("", f"<h1>{shy}</h1>"),
        (OG.format(shy), ""),
        (f"<title>{shy}</title>", ""),
    ]:
        assert read(f"{body}<div>{ARTICLE}</div>", head).title == HEADLINE


def test_entities_left_in_the_metadata_are_read_as_the_characters_they_stand_for():
    ld = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": '
        '"Fares &#8220;to rise&#8221; for island&nbsp;commuters"}</script>'
    )
    assert (
        read(f"<div>{ARTICLE}</div>", ld).title
        == "Fares “to rise” for island commuters"
    )
    og = OG.format("Fares &amp;amp; tolls to rise")
    assert read(f"<div>{ARTICLE}</div>", og).title == "Fares & tolls to rise"


def test_a_headline_that_starts_with_a_name_the_metadata_gives_keeps_it():
    head = (
        '<script type="application/ld+json">[{"@type": "Organization", "name": "Apple"},'
        '{"@type": "WebSite", "name": "Island Times"}]</script>'
        "<title>Apple unveils a faster laptop chip | Tech | Island Times</title>"
    )
    a = read(f"<div>{ARTICLE}</div>", head)
    assert a.title == "Apple unveils a faster laptop chip"


def test_a_marked_headline_that_starts_with_a_name_the_metadata_gives_is_taken():
    head = (
        '<script type="application/ld+json">{"@type": "Organization", "name": "Apple"}'
        "</script><title>Apple chip | Island Times</title>"
    )
    body = "<h1>Apple chip</h1><h2 itemprop='headline'>Apple unveils a faster laptop chip</h2>"
    a = read(f"{body}<div>{ARTICLE}</div>", head)
    assert a.title == "Apple unveils a faster laptop chip"


def test_the_byline_under_a_headline_in_parts_is_found():
    h1 = "<h1><span>Ferry fares to rise</span><span>for island commuters</span></h1>"
    byline = "<div class='meta'>By Mina Park and Joon Lee on March 3, 2020</div>"
    head = '<meta name="author" content="Mina Park">'
    a = read(f"{h1}{byline}<div>Share on Facebook</div>{ARTICLE}", head)
    assert a.authors == ["Mina Park", "Joon Lee"]


def test_a_short_headline_that_ends_the_breadcrumb_is_still_the_headline():
    crumb = (
        "<ol class='breadcrumb'><li><a href='/'>Home</a></li>"
        "<li><a href='/news'>News</a></li><li>Ferry fares rise for commuters</li></ol>"
    )
    head = "<title>Ferry fares rise for commuters | Island Times</title>"
    a = read(
        f"{crumb}<h1>Ferry fares rise for commuters</h1><div>{ARTICLE}</div>", head
    )
    assert a.title == "Ferry fares rise for commuters"


@pytest.mark.parametrize("mark", ["«", "~", "‹"])
def test_the_outlets_name_after_a_guillemet_or_a_tilde_is_cut_off(mark: str):
    head = '<meta property="og:site_name" content="Island Times">'
    title = f"<title>{HEADLINE} {mark} Island Times</title>"
    assert read(f"<div>{ARTICLE}</div>", head + title).title == HEADLINE


@pytest.mark.parametrize(
    "headline",
    [
        "Le maire : « Nous rouvrirons le port » avant l’hiver",
        "Bürgermeister sagt »Wir bauen den Hafen neu« vor dem Winter",
        "Mayor says «we will reopen the harbour» before winter",
    ],
)
def test_guillemets_quoting_words_in_a_headline_are_not_taken_for_separators(
    headline: str,
):
    head = '<meta property="og:site_name" content="Le Courrier">'
    title = f"<title>{headline} » Le Courrier</title>"
    assert read(f"<div>{ARTICLE}</div>", head + title).title == headline


def test_an_icons_title_is_never_the_headline():
    icon = "<svg><title>Open the search box</title><path d='M0 0'/></svg>"
    a = read(f"<header>{icon}</header><h2>{HEADLINE}</h2><div>{ARTICLE}</div>")
    assert a.title == HEADLINE
    head = f"<title>{HEADLINE} | Island Times</title>"
    assert read(f"{icon}<div>{ARTICLE}</div>", head).title == HEADLINE


def _ld(data: str) -> str:
    return f'<script type="application/ld+json">{data}</script>'


@pytest.mark.parametrize(
    "head",
    [
        f'<meta itemprop="headline" content="{HEADLINE}">',
        f'<meta name="DC.title" content="{HEADLINE}">',
        f'<meta name="parsely-title" content="{HEADLINE}">',
        _ld(
            f'{{"@type": "WebPage", "mainEntity": {{"@type": "NewsArticle", '
            f'"headline": "{HEADLINE}"}}}}'
        ),
        _ld(
            f'{{"@graph": [{{"@type": "WebSite", "name": "Island Times"}}, '
            f'{{"@type": "NewsArticle", "headline": "{HEADLINE}"}}]}}'
        ),
    ],
)
def test_a_headline_only_the_pages_metadata_gives_is_found(head: str):
    title = "<title>Island Times</title>"
    assert read(f"<div>{ARTICLE}</div>", title + head).title == HEADLINE


@pytest.mark.parametrize("cut", ["…", "...", " …"])
def test_a_headline_cut_short_gives_way_to_the_whole_one(cut: str):
    short = HEADLINE[:22] + cut
    whole = f"<title>{HEADLINE} | Island Times</title>"
    assert read(f"<div>{ARTICLE}</div>", OG.format(short) + whole).title == HEADLINE
    ld = _ld(f'{{"@type": "NewsArticle", "headline": "{short}"}}')
    assert read(f"<div>{ARTICLE}</div>", ld + OG.format(HEADLINE)).title == HEADLINE


@pytest.mark.parametrize(
    "box",
    [
        "<nav><h1>Browse every section of the paper here</h1></nav>",
        "<footer><h1>Get the morning briefing in your inbox</h1></footer>",
        "<aside><h1>Lighthouse museum reopens to visitors this weekend</h1></aside>",
        "<div role='complementary'><h1>Lighthouse museum reopens to visitors</h1></div>",
        "<h1 class='sr-only'>Island Times front page and main menu</h1>",
        "<div class='menu hidden'><h1>Lighthouse museum reopens to visitors</h1></div>",
    ],
)
def test_an_h1_in_a_menu_footer_side_box_or_for_screen_readers_is_not_the_headline(
    box: str,
):
    head = f"<title>{HEADLINE} | Island Times</title>"
    a = read(f"{box}<div><h2>{HEADLINE}</h2>{ARTICLE}</div>", head)
    assert a.title == HEADLINE


@pytest.mark.parametrize(
    "classes", ["d-none d-lg-block", "hidden md:block", "title hidden lg:flex"]
)
def test_an_h1_hidden_on_phones_only_is_the_headline(classes: str):
    head = "<title>Island Times</title>"
    body = f"<h1 class='{classes}'>{HEADLINE}</h1><h2>More from the harbour desk</h2>"
    assert read(f"<div>{body}{ARTICLE}</div>", head).title == HEADLINE


@pytest.mark.parametrize(
    ("head", "body"),
    [
        (OG.format(f"Exclusive: {HEADLINE}"), ""),
        (OG.format(f"Opinion | {HEADLINE}"), ""),
        (f"<title>Live: {HEADLINE} | Island Times</title>", ""),
        ("", f"<h1><span class='flag'>Breaking</span> {HEADLINE}</h1>"),
        ("", f"<h1>Analysis — {HEADLINE}</h1>"),
    ],
)
def test_a_label_before_the_headline_is_not_part_of_it(head: str, body: str):
    assert read(f"{body}<div>{ARTICLE}</div>", head).title == HEADLINE


def test_a_word_that_only_looks_like_a_label_stays_in_the_headline():
    headline = "Live music returns to the island's harbour bars"
    assert read(f"<div>{ARTICLE}</div>", OG.format(headline)).title == headline


def test_the_date_shown_in_the_headlines_h1_is_not_part_of_it():
    h1 = f"<h1>{HEADLINE} <time datetime='2024-03-12'>12 March 2024</time></h1>"
    head = f"<title>{HEADLINE} | Island Times</title>"
    assert read(f"{h1}<div>{ARTICLE}</div>", head).title == HEADLINE


def test_the_outlet_the_copyright_line_names_is_cut_off_the_front_of_the_title():
    head = f"<title>Island Times: {HEADLINE}</title>"
    body = f"<div>{ARTICLE}</div><footer>© 2024 Island Times Ltd. All rights reserved.</footer>"
    assert read(body, head).title == HEADLINE


@pytest.mark.parametrize(
    "section",
    [
        '<meta property="article:section" content="Local News">',
        _ld('{"@type": "NewsArticle", "articleSection": "Local News"}'),
    ],
)
def test_the_section_between_the_headline_and_the_outlet_is_cut_off(section: str):
    head = OG.format(f"{HEADLINE} | Local News | Island Times") + section
    head += '<meta property="og:site_name" content="Island Times">'
    assert read(f"<div>{ARTICLE}</div>", head).title == HEADLINE


def test_the_writers_the_byline_links_to_their_own_pages_are_the_authors():
    h1 = f"<h1>{HEADLINE}</h1>"
    byline = (
        "<div class='credits'>By <a href='https://islandtimes.example/people/mina-park'>"
        "Mina Park</a> and <a rel='author' href='//islandtimes.example/profile/jl'>"
        "Joon Lee</a> · 3 March 2020</div>"
    )
    head = '<meta name="author" content="Mina Park">'
    a = read(f"<div>{h1}{byline}<div>{ARTICLE}</div></div>", head)
    assert a.authors == ["Mina Park", "Joon Lee"]


def test_a_person_the_story_links_to_in_its_text_is_not_an_author():
    mention = (
        "<p>The harbour master, <a href='/people/dara-lund/'>Dara Lund</a>, said "
        "the pier would be closed for the whole of the winter while the work is "
        "done, and that the ferries would use the north quay until spring.</p>"
    )
    a = read(f"<div><h1>{HEADLINE}</h1>{mention}{ARTICLE}</div>")
    assert "Dara Lund" not in a.authors


@pytest.mark.parametrize(
    ("given", "authors"),
    [
        ("Mina Park Harbour Post", ["Mina Park"]),
        ("MINA PARK Associated Press", ["Mina Park"]),
        ("Mina Park; Joon Lee Island Daily News", ["Mina Park", "Joon Lee"]),
        ("Mina Park Newsome", ["Mina Park Newsome"]),
        ("Mina Park; mpark@islandtimes.example", ["Mina Park"]),
        ("Mina Park; Mpark Com", ["Mina Park"]),
        ("Mina Park Reuters", ["Mina Park"]),
        # a family name that is also a newspaper's word stays
        ("Dara Lee Post", ["Dara Lee Post"]),
        ("Tomas Ruiz Press; Ana Vale", ["Tomas Ruiz Press", "Ana Vale"]),
        ("Jane Guest", ["Jane Guest"]),
        ("Guest Author", []),
        ("Mina Park; Valley Herald", ["Mina Park"]),
    ],
)
def test_a_newspapers_name_after_a_writers_name_is_not_part_of_it(
    given: str, authors: list[str]
):
    assert page_authors(given) == authors


def test_the_outlet_named_beside_the_writer_is_not_an_author():
    head = (
        '<meta property="og:site_name" content="Island Times">'
        '<meta name="author" content="Mina Park, Island Times">'
    )
    a = read(f"<div><h1>{HEADLINE}</h1>{ARTICLE}</div>", head)
    assert a.authors == ["Mina Park"]


SITE = '<meta property="og:site_name" content="Island Times">'


@pytest.mark.parametrize(
    "title",
    [
        f"{HEADLINE} | Island Times - Your daily news from the islands",
        f"{HEADLINE} | By Mina Park | Island Times",
        f"Island Times | Ferries | {HEADLINE}",
        f"{HEADLINE} | islandtimes.example.com",
        f"{HEADLINE} - 12 March 2024 - Island Times",
    ],
)
def test_a_slogan_section_byline_address_or_date_around_the_headline_is_cut_off(
    title: str,
):
    head = f"<title>{title}</title>{SITE}"
    assert read(f"<div>{ARTICLE}</div>", head).title == HEADLINE


def test_a_long_outlet_name_before_the_headline_is_cut_off():
    head = "<title>The Island Times Morning Edition | Ferry fares to rise</title>"
    site = '<meta property="og:site_name" content="The Island Times Morning Edition">'
    assert read(f"<div>{ARTICLE}</div>", head + site).title == "Ferry fares to rise"


def test_a_headline_with_a_dash_of_its_own_stays_whole():
    headline = "Ferry or no ferry - what the vote means for the islands"
    head = f"<title>{headline} | Island Times</title>{SITE}"
    assert read(f"<div>{ARTICLE}</div>", head).title == headline


@pytest.mark.parametrize(
    "head",
    [
        OG.format(f"{HEADLINE} | Harbour Gazette")
        + f"<title>{HEADLINE} | Harbour Gazette</title>",
        OG.format(f"{HEADLINE} - Harbour Gazette")
        + f"<title>{HEADLINE} - Harbour Gazette</title>",
        f'<meta name="twitter:title" content="{HEADLINE} | Harbour Gazette">',
    ],
)
def test_an_outlet_named_nowhere_else_is_cut_off_the_metadatas_headline(head: str):
    assert read(f"<div>{ARTICLE}</div>", head).title == HEADLINE


def test_a_metadata_headline_ending_in_words_of_its_own_keeps_them():
    headline = "Ferry fares to rise - what it means for you"
    assert read(f"<div>{ARTICLE}</div>", OG.format(headline)).title == headline


def test_another_storys_h1_is_not_taken_over_a_title_about_something_else():
    head = f"<title>{HEADLINE} | Island Times</title>"
    more = (
        "<div class='more'><h1>Lighthouse keeper retires after forty years</h1>"
        "<h1>Summer timetable brings later sailings</h1></div>"
    )
    a = read(f"<div><h2>{HEADLINE}</h2>{ARTICLE}</div>{more}", head)
    assert a.title == HEADLINE


@pytest.mark.parametrize("kind", ["kicker", "eyebrow", "topic-label"])
def test_a_kicker_over_the_headline_in_its_h1_is_not_part_of_it(kind: str):
    h1 = f"<h1><span class='{kind}'>Ferries</span> {HEADLINE}</h1>"
    head = f"<title>{HEADLINE} | Island Times</title>"
    assert read(f"<div>{h1}{ARTICLE}</div>", head).title == HEADLINE


def test_of_several_json_ld_headlines_the_one_the_title_is_about_is_taken():
    ld = _ld(
        '[{"@type": "NewsArticle", "headline": "Lighthouse keeper retires"},'
        f'{{"@type": "NewsArticle", "headline": "{HEADLINE}"}}]'
    )
    head = ld + "<title>Island ferry fares | Island Times</title>"
    assert read(f"<div>{ARTICLE}</div>", head).title == HEADLINE


@pytest.mark.parametrize(
    "extra",
    [
        "<span class='subtitle'>The crossing gets dearer</span>",
        "<small class='dek'>The crossing gets dearer from May</small>",
        "<a class='comment-count' href='#comments'>12</a>",
    ],
)
def test_a_subtitle_or_comment_count_in_the_h1_is_not_part_of_the_headline(extra):
    head = f"<title>{HEADLINE} | Island Times</title>"
    a = read(f"<div><h1>{HEADLINE} {extra}</h1>{ARTICLE}</div>", head)
    assert a.title == HEADLINE


def test_a_subtitle_in_the_h1_stays_when_the_title_has_it_too():
    whole = f"{HEADLINE}: the crossing gets dearer"
    h1 = f"<h1>{HEADLINE}<i class='title-subtitle'>: the crossing gets dearer</i></h1>"
    a = read(f"<div>{h1}{ARTICLE}</div>", f"<title>{whole} - Island Times</title>")
    assert a.title == whole


@pytest.mark.parametrize("cut", ["...", "…"])
def test_an_h1_cut_short_gives_way_to_the_whole_headline(cut: str):
    h1 = f"<h1>{HEADLINE[:20]}{cut}</h1>"
    for head in (f"<title>{HEADLINE} | Island Times</title>", OG.format(HEADLINE)):
        assert read(f"<div>{h1}{ARTICLE}</div>", head).title == HEADLINE


def test_the_outlet_after_a_full_width_colon_is_cut_off():
    headline = "離島航路の運賃が春から値上げへ、通勤客に負担"
    head = f"<title>{headline}：島の新聞</title>" + (
        '<meta property="og:site_name" content="島の新聞">'
    )
    assert read(f"<div>{ARTICLE}</div>", head).title == headline


def test_the_sites_slogan_in_an_h1_is_not_taken_over_the_title():
    slogan = "<header><h1>Your news from every island since 1887</h1></header>"
    head = f"<title>{HEADLINE} | Island Times</title>"
    assert read(f"{slogan}<div>{ARTICLE}</div>", head).title == HEADLINE


@pytest.mark.parametrize(
    "logo",
    [
        "<header><h1><a href='/'>Harbour Gazette</a></h1></header>",
        "<div class='site-logo'><a href='https://gazette.example/'>"
        "<img src='g.png' alt='Harbour Gazette'></a></div><h1>Harbour Gazette</h1>",
    ],
)
def test_the_name_the_logo_links_to_the_front_page_with_is_the_outlets(logo: str):
    head = "<title>Harbour Gazette</title>"
    a = read(f"{logo}<div><h2>{HEADLINE}</h2>{ARTICLE}</div>", head)
    assert a.title == HEADLINE


@pytest.mark.parametrize("ending", ["(Island Times)", "[Island Times]"])
def test_the_outlets_name_in_brackets_after_the_headline_is_cut_off(ending: str):
    head = OG.format(f"{HEADLINE} {ending}") + SITE
    assert read(f"<div>{ARTICLE}</div>", head).title == HEADLINE


def test_words_in_brackets_that_are_not_the_outlets_stay():
    headline = f"{HEADLINE} (and what it costs)"
    assert read(f"<div>{ARTICLE}</div>", OG.format(headline) + SITE).title == headline


@pytest.mark.parametrize(
    "byline",
    [
        "<p>By Mina Park and Joon Lee | Island Times</p>",
        "<p>By Mina Park and Joon Lee · 4 min read</p>",
    ],
)
def test_what_follows_the_names_on_a_byline_after_a_bar_is_not_a_name(byline: str):
    a = read(f"<div><h1>{HEADLINE}</h1>{byline}{ARTICLE}</div>")
    assert a.authors == ["Mina Park", "Joon Lee"]


def test_an_author_meta_written_with_value_for_content_is_read():
    head = '<meta name="author" value="Mina Park">'
    assert read(f"<div><h1>{HEADLINE}</h1>{ARTICLE}</div>", head).authors == [
        "Mina Park"
    ]


def test_the_writer_a_link_preview_names_is_read_when_nothing_else_names_one():
    head = (
        '<meta name="twitter:label1" content="Written by">'
        '<meta name="twitter:data1" content="Mina Park">'
        '<meta name="twitter:label2" content="Est. reading time">'
        '<meta name="twitter:data2" content="4 minutes">'
    )
    assert read(f"<div><h1>{HEADLINE}</h1>{ARTICLE}</div>", head).authors == [
        "Mina Park"
    ]
    # not over the page's own author <meta>, however it is read
    credit = '<meta name="author" content="Reuters">'
    a = read(f"<div><h1>{HEADLINE}</h1>{ARTICLE}</div>", credit + head)
    assert "Mina Park" not in a.authors
    # under another label it names no writer
    head = head.replace("Written by", "Filed under")
    assert read(f"<div><h1>{HEADLINE}</h1>{ARTICLE}</div>", head).authors == []


def test_a_full_name_in_the_author_meta_is_taken_over_one_stray_word():
    head = '<meta name="author" value="Mina Park">'
    body = "<p class='byline'>Reading: 4 minutes</p>"
    a = read(f"<div><h1>{HEADLINE}</h1>{body}{ARTICLE}</div>", head)
    assert a.authors == ["Mina Park"]


@pytest.mark.parametrize(
    "ld",
    [
        '{"@type": "NewsArticle", "publisher": [{"@type": "Organization", '
        '"name": "Island Times"}]}',
        '{"@type": "NewsArticle", "isPartOf": {"@type": "WebSite", '
        '"name": "Island Times"}}',
    ],
)
def test_the_outlet_the_json_ld_names_in_a_list_or_as_the_site_is_cut_off(ld: str):
    head = _ld(ld) + OG.format(f"{HEADLINE} · Island Times")
    assert read(f"<div>{ARTICLE}</div>", head).title == HEADLINE


def test_a_web_page_the_article_is_part_of_is_not_taken_for_the_outlet():
    ld = (
        f'{{"@type": "NewsArticle", "isPartOf": {{"@type": "WebPage", '
        f'"name": "{HEADLINE}"}}}}'
    )
    head = _ld(ld) + f'<meta name="twitter:title" content="{HEADLINE}">'
    assert read(f"<div>{ARTICLE}</div>", head).title == HEADLINE


@pytest.mark.parametrize("desk", ["Editorial", "Redaktion", "Redacción", "Rédaction"])
def test_a_newsroom_credited_as_the_author_is_not_a_person(desk: str):
    assert page_authors(desk) == []


def test_the_outlet_after_a_spaced_slash_is_cut_off_and_a_slash_in_a_word_stays():
    head = f"<title>{HEADLINE} / Story / Island Times</title>{SITE}"
    assert read(f"<div>{ARTICLE}</div>", head).title == HEADLINE
    headline = "Ferry fares to rise 24/7 for island commuters"
    head = f"<title>{headline} / Island Times</title>{SITE}"
    assert read(f"<div>{ARTICLE}</div>", head).title == headline


def test_a_headline_ending_in_words_of_its_own_keeps_them_when_it_is_also_the_title():
    headline = "Ferry fares to rise - what it means for you"
    head = OG.format(headline) + f"<title>{headline}</title>"
    assert read(f"<div>{ARTICLE}</div>", head).title == headline


@pytest.mark.parametrize(
    "head",
    [
        OG.format("Ferry Fares To Rise - What It Means For You"),
        OG.format("Ferry Fares To Rise - Island Bus Cuts")
        + "<title>Ferry Fares To Rise - Island Bus Cuts | Island Times</title>",
    ],
)
def test_a_capitalised_headline_keeps_its_last_part_when_it_is_no_name(head: str):
    assert " - " in read(f"<div>{ARTICLE}</div>", head).title


def test_a_headline_linked_to_its_own_saved_copy_is_not_taken_for_the_logo():
    h1 = "<h1><a href='index.html'>Ferry fares rise again</a></h1>"
    head = "<title>Ferry fares rise again</title>"
    assert read(f"<div>{h1}{ARTICLE}</div>", head).title == "Ferry fares rise again"


def test_an_articles_json_ld_name_is_its_headline_and_a_web_pages_is_not():
    title = "<title>Island Times</title>"
    ld = _ld(f'{{"@type": "NewsArticle", "name": "{HEADLINE}"}}')
    assert read(f"<div>{ARTICLE}</div>", title + ld).title == HEADLINE
    ld = _ld('{"@type": "WebPage", "name": "Island Times: news from every island"}')
    title = f"<title>{HEADLINE} | Island Times</title>"
    assert read(f"<div>{ARTICLE}</div>", title + ld).title == HEADLINE


@pytest.mark.parametrize(
    "name",
    [
        '<meta name="apple-mobile-web-app-title" content="Harbour Gazette">',
        '<meta property="al:ios:app_name" content="Harbour Gazette">',
    ],
)
def test_the_outlet_its_app_is_named_for_is_cut_off_the_headline(name: str):
    head = name + OG.format(f"{HEADLINE} - harbour gazette")
    assert read(f"<div>{ARTICLE}</div>", head).title == HEADLINE


@pytest.mark.parametrize(
    ("title", "headline"),
    [
        (
            "Le port ferme ses quais : ce que l'on sait",
            "Le port ferme ses quais : ce que l'on sait",
        ),
        ("Le port ferme ses quais : Le Courrier", "Le port ferme ses quais"),
    ],
)
def test_a_french_headline_keeps_what_follows_its_colon(title: str, headline: str):
    assert read(f"<div>{ARTICLE}</div>", f"<title>{title}</title>").title == headline


def test_a_newspaper_named_beside_the_writer_is_not_an_author():
    head = '<meta name="author" content="Mina Park | Island Times">'
    assert read(f"<div><h1>{HEADLINE}</h1>{ARTICLE}</div>", head).authors == [
        "Mina Park"
    ]


@pytest.mark.parametrize(
    "headline", ["The harbour at war - Part 2", "Life on the lighthouse | Chapter III"]
)
def test_a_headline_keeps_the_part_of_its_series(headline: str):
    for head in (f"<title>{headline}</title>", OG.format(headline)):
        assert read(f"<div>{ARTICLE}</div>", head).title == headline


def test_a_kicker_that_runs_into_the_headline_is_spaced_as_the_metadata_spaces_it():
    h1 = "<h1><span>Harbour news</span>Ferry fares to rise for island commuters</h1>"
    a = read(
        f"<article>{h1}{ARTICLE}</article>", OG.format(f"Harbour news / {HEADLINE}")
    )
    assert a.title == f"Harbour news / {HEADLINE}"


def test_a_short_headline_after_a_blogs_name_in_the_title_is_the_headline():
    head = "<title>Notes from the harbour master - Ferry fares rise</title>"
    body = (
        "<header><h2><a href='#'>Notes from the harbour master</a></h2></header>"
        f"<article><h1>Ferry fares rise</h1>{ARTICLE}</article>"
    )
    assert read(body, head).title == "Ferry fares rise"


def test_the_h1_the_metadata_words_otherwise_is_not_kept_as_the_bodys_first_line():
    h1 = "<h1>Island ferry fares to rise next spring</h1>"
    a = read(f"<article>{h1}{ARTICLE}</article>", OG.format(HEADLINE))
    assert a.title == HEADLINE
    assert not any("next spring" in p for p in a.paragraphs)
    assert any(r.rule == "repeated-title" for r in a.removed)


def test_the_people_the_json_ld_names_are_the_authors_over_a_publisher_or_handle():
    head = (
        '<meta name="author" content="Harbour Media Group, Portsmouth, England">'
        '<meta property="article:author" content="jpark77">'
        '<meta name="dc.creator" content="Park, Jo">'
        '<script type="application/ld+json">{"@type": "NewsArticle", '
        '"author": [{"@type": "Person", "name": "Jo Park"}, '
        '{"@type": "Person", "name": "Mina Lee"}], '
        '"publisher": {"@type": "Organization", "name": "Harbour Media Group"}}'
        "</script>"
    )
    a = read(f"<article><h1>{HEADLINE}</h1>{ARTICLE}</article>", head)
    assert a.authors == ["Jo Park", "Mina Lee"]
