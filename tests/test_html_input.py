"""Saved HTML pages, read by the core (no Pelican): the right fields, any
encoding, and bad pages skipped with a reason, never a crash."""

from __future__ import annotations

import re
from datetime import date
from html import escape
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsarchive import SkipFile, extract_file
from newsarchive.extract import extract_html
from newsarchive.html_input import page_authors
from newsarchive.inspect import main as inspect_main

HTML = Path(__file__).parent / "fixtures" / "html"
RAW = Path(__file__).parent / "fixtures" / "raw"

FURNITURE = [
    "Sport",
    "Log in",
    "Most read",
    "Lighthouse keeper retires after forty years",
    "Finally! Took them long enough to decide anything at all.",
    "Subscribe to our newsletter",
    "© 2020 The Harbour Gazette. All rights reserved.",
]


def page(body: str, head: str = "") -> str:
    """A small page of its own around `body`."""
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"


PARAGRAPHS = [
    "The river authority opened the new flood gates on Saturday morning, two "
    "weeks before the spring rains are expected to reach the valley towns.",
    "Engineers said the gates can hold back water a metre higher than the old "
    "ones, which were built in the nineteen sixties and had begun to leak.",
    "Farmers along the lower river had asked for the work to be finished "
    "before planting, and the authority said it kept to that promise.",
]


def flood_page(charset: str = "utf-8", extra: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return page(
        f"<nav><a href='/'>Home</a> <a href='/w'>Weather</a></nav>"
        f"<article><h1>Flood gates open early</h1>{extra}{body}</article>",
        f'<meta charset="{charset}"><title>Flood gates open early - Valley Post</title>'
        '<meta property="og:site_name" content="Valley Post">',
    )


def test_headline_byline_date_section_and_body_of_a_page():
    a = extract_file(HTML / "harbour_gazette.html", "harbour_gazette.html")
    assert a.title == "Tram line to the campus wins council vote"  # not the outlet
    assert a.authors == ["Helen Marsh"]
    assert (a.date, a.date_source) == (date(2020, 3, 3), "page-metadata")
    assert a.section == "Transport"
    assert a.tags == ["trams", "Harbour council"]
    assert len(a.paragraphs) == 4
    assert a.paragraphs[0].startswith("The harbour council voted on Monday night")
    assert a.paragraphs[-1].endswith("the committee chair said.")


def test_menus_asides_comments_and_footer_are_removed_and_listed():
    a = extract_file(HTML / "harbour_gazette.html", "harbour_gazette.html")
    body = "\n".join(a.paragraphs)
    removed = {r.text: r for r in a.removed}
    for text in FURNITURE:
        assert text not in body
        assert removed[text].rule == "outside-article"
    # the line of the saved page each block starts on
    lines = (HTML / "harbour_gazette.html").read_text(encoding="utf-8").splitlines()
    assert "Most read" in lines[removed["Most read"].line - 1]
    assert removed["Tram line to the campus wins council vote"].rule == (
        "repeated-title"
    )


def test_a_joongang_page_saved_as_html_reads_as_its_text_dump():
    html = extract_file(HTML / "jd_single_author.html", "jd.html")
    text = extract_file(RAW / "jd_single_author.txt", "jd.txt")
    fields = (
        "title paragraphs authors emails section subsection date tags profile"
    ).split()
    assert {f: getattr(html, f) for f in fields} == {
        f: getattr(text, f) for f in fields
    }
    assert html.section == "Business" and html.authors == ["Park Min-soo"]
    assert [r.rule for r in html.removed] == [r.rule for r in text.removed]
    assert "Hidden tracking text" not in "\n".join(html.paragraphs)


def marked(charset: str, word: str = "홍수 “문”") -> str:
    """The flood page declaring `charset`, with `word` (Hangul and curly
    quotes, which each encoding spells differently) in its first paragraph."""
    return flood_page(charset).replace("Saturday", f"Saturday ({word})")


@pytest.mark.parametrize(
    ("data", "encoding", "word"),
    [
        (marked("euc-kr").encode("cp949"), "cp949", "홍수 “문”"),
        (marked("utf-8").encode("utf-8"), "utf-8", "홍수 “문”"),
        (b"\xef\xbb\xbf" + marked("utf-8").encode(), "utf-8-sig", "홍수 “문”"),
        (marked("utf-8").encode("utf-16"), "utf-16", "홍수 “문”"),
        # no charset given, or a wrong one: told from the bytes
        (marked("").replace('<meta charset="">', "").encode("cp949"), "cp949", "홍수"),
        (marked("utf-8").encode("cp949"), "cp949", "홍수 “문”"),
        (marked("windows-1252", "café “door”").encode("cp1252"), "cp1252", "café"),
        # saved again as UTF-8, still labelled as it was first served
        (marked("iso-8859-1", "für Straße").encode("utf-8"), "utf-8", "für Straße"),
        (marked("euc-kr").encode("utf-8"), "utf-8", "홍수 “문”"),
    ],
)
def test_any_encoding(data: bytes, encoding: str, word: str):
    a = extract_html(data, "p.html")
    assert a.encoding == encoding
    assert a.title == "Flood gates open early"
    assert f"Saturday ({word}" in a.paragraphs[0]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"<html><head><title></title></head><body> </body></html>", "empty"),
        (b"<html><body><script>var a = 1;</script></body></html>", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary"),
        (page("<h1>Only a headline</h1>").encode(), "title only"),
    ],
)
def test_unusable_pages_are_skipped_with_a_reason(tmp_path: Path, data, reason):
    path = tmp_path / "bad.html"
    path.write_bytes(data)
    with pytest.raises(SkipFile, match=reason):
        extract_file(path, "bad.html")


def test_a_50_mb_page_is_skipped_without_reading_it(tmp_path: Path):
    path = tmp_path / "huge.html"
    with path.open("wb") as fh:
        fh.write(flood_page().encode())
        fh.truncate(50 * 1024 * 1024)
    with pytest.raises(SkipFile, match="50 MB, over the 20 MB limit"):
        extract_file(path, "huge.html")


def test_malformed_deep_and_script_laden_pages_give_their_article():
    scripts = "<script>document.write('<p>ad</p>');</script>" * 2000
    deep = "<div>" * 1000 + "<p>Deep inside the page.</p>"  # never closed
    unclosed = "<p>" + "</p><p>".join(PARAGRAPHS)  # the last <p> left open
    for body in (scripts + unclosed, deep + unclosed, unclosed + "</b></i></td>"):
        a = extract_html(page(f"<h1>Flood gates open early</h1>{body}").encode(), "m")
        assert a.title == "Flood gates open early"
        assert "ad" not in a.paragraphs and "document.write" not in str(a.paragraphs)
        assert PARAGRAPHS[1] in a.paragraphs


def test_nesting_past_what_the_parser_keeps_is_a_reason_not_a_crash():
    deep = "<div>" * 20000 + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    try:
        extract_html(page(f"<h1>Flood gates open early</h1>{deep}").encode(), "d")
    except SkipFile as exc:
        assert "title only" in str(exc)


def test_markup_in_text_is_text_and_markup_is_never_text():
    a = extract_html(
        flood_page(
            extra="<p>Officials wrote &lt;script&gt;alert(1)&lt;/script&gt; and "
            "{{ config }} on the sign &amp; left it up for the whole week.</p>"
            "<script>alert('real')</script><style>p { color: red }</style>"
        ).encode(),
        "x.html",
    )
    text = "\n".join(a.paragraphs)
    assert "<script>alert(1)</script> and {{ config }} on the sign &" in text
    assert "alert('real')" not in text and "color: red" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; and {{ config }}" in a.body_html()
    assert "<script>" not in a.body_html()


def test_inspect_shows_a_page_and_why(capsys):
    assert inspect_main([str(HTML / "harbour_gazette.html")]) == 0
    out = capsys.readouterr().out
    assert "title        Tram line to the campus wins council vote" in out
    assert re.search(r"line +\d+ +outside-article +Most read", out)
    assert "date         2020-03-03 (source: page-metadata)" in out


# --- any page ------------------------------------------------------------

# Anything that is a tag, an entity or a template delimiter once unescaped.
UNESCAPED = re.compile(r"<(?!/?p>)|(?<!<p)(?<!</p)>|&(?!(amp|lt|gt|quot|#x27);)")
WORDS = st.text(
    alphabet=st.characters(blacklist_characters="<>&", blacklist_categories=("Cs",)),
    max_size=40,
)
TAGS = st.sampled_from(
    "p div span h1 h2 nav aside footer header article main li ul a b i "
    "table td tr section script style meta noscript template".split()
)
ATTRS = st.sampled_from(
    [
        "",
        ' class="breadcrumb"',
        ' style="display:none"',
        " hidden",
        ' property="og:title" content="Og headline &amp; more"',
        ' name="author" content="Jo Smith"',
        ' type="application/ld+json"',
        ' href="http://[x/a"',
        ' href="/a"',
        ' itemprop="headline"',
        ' class="site-logo"',
        ' property="og:url" content="http://[::1/a/b"',
    ]
)


@st.composite
def pages(draw) -> str:
    """Random nesting of elements with text that holds no markup of its own."""
    # (a <title> left open holds the rest of the page as its text)
    parts = [f"<title>{draw(WORDS)}</title>"] if draw(st.booleans()) else []
    open_tags: list[str] = []
    for _ in range(draw(st.integers(0, 40))):
        step = draw(st.integers(0, 3))
        if step == 0:
            tag = draw(TAGS)
            parts.append(f"<{tag}{draw(ATTRS)}>")
            open_tags.append(tag)
        elif step == 1 and open_tags and draw(st.booleans()):
            parts.append(f"</{open_tags.pop()}>")
        else:
            parts.append(draw(WORDS))
    if draw(st.booleans()):
        parts.extend(f"</{t}>" for t in reversed(open_tags))
    return "".join(parts)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pages())
def test_any_page_gives_an_article_or_a_reason_and_no_markup(html: str):
    try:
        a = extract_html(html.encode("utf-8", "surrogatepass"), "any.html")
    except SkipFile as exc:
        assert str(exc)
        return
    assert a.title.strip() and a.paragraphs
    for text in [a.title, *a.paragraphs, *a.authors, *a.tags, a.section or ""]:
        assert "<" not in text and ">" not in text, text
    assert not UNESCAPED.search(a.body_html())


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.binary(max_size=400), st.text(max_size=300).map(str.encode)))
def test_any_bytes_as_a_page_give_an_article_or_a_reason(data: bytes):
    try:
        a = extract_html(data, "b.html")
    except SkipFile as exc:
        assert str(exc)
        return
    assert not UNESCAPED.search(a.body_html())


def test_bidi_controls_are_taken_out_of_the_page_metadata_too():
    rlo = "\u202e"
    a = extract_html(
        flood_page()
        .replace("<title>", f'<meta name="author" content="Mina {rlo}Park"><title>')
        .replace("Flood gates open early", f"Flood gates {rlo}open early")
        .encode(),
        "b.html",
    )
    assert a.title == "Flood gates open early" and a.authors == ["Mina Park"]


ARTICLE = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)


@pytest.mark.parametrize(
    ("head", "body", "headline"),
    [
        # the outlet's name is cut off the page's title and og:title
        ("<title>Gates open early | Valley Post</title>", "", "Gates open early"),
        (
            '<meta property="og:site_name" content="Valley Post">'
            '<meta property="og:title" content="Valley Post - Gates open early">',
            "",
            "Gates open early",
        ),
        # an <h1> the metadata or the <title> agrees with, not the logo's
        (
            "<title>Gates open early as rains near - Valley Post</title>",
            "<h1>Valley Post</h1><h1>Gates open early as rains near</h1>",
            "Gates open early as rains near",
        ),
        (
            '<script type="application/ld+json">{"@type": "NewsArticle", '
            '"headline": "Gates open early"}</script><title>Valley Post</title>',
            "<h1>Weather</h1>",
            "Gates open early",
        ),
        # an <h1> worded otherwise: the title the outlet gave the story
        (
            '<meta property="og:title" content="River authority opens the gates">',
            "<h1>Gates open early as rains near</h1>",
            "River authority opens the gates",
        ),
    ],
)
def test_the_headline_is_the_pages_own(head: str, body: str, headline: str):
    a = extract_html(page(body + f"<article>{ARTICLE}</article>", head).encode(), "h")
    assert a.title == headline


def test_a_section_or_byline_that_names_none_is_left_unknown():
    head = (
        '<meta property="article:section" content="Post">'
        '<meta name="author" content="Valley Post staff and wire reports">'
        "<title>Flood gates open early</title>"
    )
    crumbs = '<ul class="breadcrumbs"><li><a>Home</a></li><li><a>Weather</a></li></ul>'
    a = extract_html(
        page(crumbs + f"<h1>Flood gates open early</h1>{ARTICLE}", head).encode(), "s"
    )
    assert a.section == "Weather"  # the breadcrumb's, not `Post`
    assert a.authors == []
    plain = extract_html(
        page(f"<h1>Flood gates open early</h1>{ARTICLE}", head).encode(), "p"
    )
    assert plain.section is None


def test_a_headline_with_the_outlets_name_in_it_is_kept_whole():
    html = page(
        f"<h1>Wired homes cut the power bill by a third</h1>{ARTICLE}",
        "<title>Power bills fall | WIRED</title>",
    )
    a = extract_html(html.encode(), "w", {"source_url": "https://www.wired.com/s/1"})
    assert a.title == "Wired homes cut the power bill by a third"


def as_saved_page(dump: str) -> str:
    """A text dump as the page it was made from: its first line the
    <title>, each other line a block, with a script and a style around."""
    first, *rest = [line for line in dump.splitlines() if line.strip()]
    blocks = "".join(f"<div>{escape(line)}</div>" for line in rest)
    return page(
        f"<script>var slot = '<p>ad</p>';</script>{blocks}",
        f"<title>{escape(first)}</title><style>div {{ margin: 0 }}</style>",
    )


@pytest.mark.parametrize("name", sorted(p.name for p in RAW.glob("jd_*.txt")))
def test_every_joongang_layout_saved_as_html_reads_as_its_dump(name: str):
    text = extract_file(RAW / name, name)
    html = extract_html(as_saved_page((RAW / name).read_text()).encode(), name)
    fields = "title paragraphs authors emails section subsection date tags".split()
    for f in (*fields, "print_edition", "profile"):
        assert getattr(html, f) == getattr(text, f), f


@pytest.mark.parametrize(
    ("given", "authors"),
    [
        ("By Mina Park; JOON LEE", ["Mina Park", "Joon Lee"]),
        ("Helen Marsh December 5, 2016", ["Helen Marsh"]),
        ("Theresa May", ["Theresa May"]),
        ("Helen Marsh Link Copied", ["Helen Marsh"]),
        ("Paul", ["Paul"]),
        ("Admin", []),
        ("PATRICK REEVELL December", ["Patrick Reevell"]),
        ("Confreaks Confreaks", ["Confreaks"]),
        ("松村太郎", ["松村太郎"]),
        ("AP", ["AP"]),
        ("Valley Post staff; wire reports", []),
        ("Syrian defense ministries", []),
        # names joined by `and`, one part; an address's parts are no one
        ("Mina Park og Joon Lee", ["Mina Park", "Joon Lee"]),
        ("Mina Park; Harbourtown; Norway", ["Mina Park"]),
        ("Mina Park; München; Österreich", ["Mina Park"]),
        ("Reuters; Mina Park", ["Reuters", "Mina Park"]),
        ("Mina Park; PTI", ["Mina Park", "Pti"]),
        ("Madonna; Mina Park", ["Madonna", "Mina Park"]),
        ("Madonna; Staff", ["Madonna"]),
        ("Guest Author and Mina Park", []),
        ("Maria da Silva e Souza Lima", []),
        ("松村太郎; 岳弘彬", ["松村太郎", "岳弘彬"]),
    ],
)
def test_the_people_a_page_names_as_its_authors(given: str, authors: list[str]):
    """What trafilatura gives as the author, made into names."""
    assert page_authors(given) == authors


def test_a_byline_under_the_headline_names_the_authors_the_metadata_does_not():
    body = (
        "<h1>Flood gates open early</h1>"
        "<div class='meta'>By Mina Park and Joon Lee on March 3, 2020</div>"
        "<div>Share on Facebook</div>" + ARTICLE
    )
    a = extract_html(page(body, "<title>Flood gates open early</title>").encode(), "b")
    assert a.authors == ["Mina Park", "Joon Lee"]
    rules = {r.text: r.rule for r in a.removed}
    assert rules["By Mina Park and Joon Lee on March 3, 2020"] == "byline"
    assert rules["Share on Facebook"] == "outside-article"
    # the metadata names one of them: the byline names both
    head = (
        '<meta name="author" content="Mina Park"><title>Flood gates open early</title>'
    )
    both = extract_html(page(body, head).encode(), "b")
    assert both.authors == ["Mina Park", "Joon Lee"]


@pytest.mark.parametrize(
    "crumb",
    [
        '<ul class="breadcrumb"><li><a href="/">Home</a></li>'
        '<li><a href="/biz">Business</a></li><li><a href="/biz/eco">Economy</a></li></ul>',
        '<div class="breadcrumb"><a href="/biz">Business</a><a href="/biz/eco">Economy</a></div>',
        '<ol class="breadcrumb"><li>Home</li><li>Business</li><li>Economy</li></ol>',
    ],
)
def test_a_joongang_page_whose_breadcrumb_is_a_list_reads_as_its_text_dump(crumb: str):
    saved = (HTML / "jd_single_author.html").read_text(encoding="utf-8")
    html = saved.replace(
        '<div class="crumb">Home &gt; Business &gt; Economy</div>', crumb
    )
    assert html != saved
    a = extract_html(html.encode(), "jd.html")
    text = extract_file(RAW / "jd_single_author.txt", "jd.txt")
    assert (
        (a.section, a.subsection)
        == (text.section, text.subsection)
        == (
            "Business",
            "Economy",
        )
    )
    assert a.paragraphs == text.paragraphs
    assert [r.rule for r in a.removed] == [r.rule for r in text.removed]
