"""The fast typogrify gives what typogrify gives for the paragraphs."""

from __future__ import annotations

import re
from html import escape

import smartypants
from hypothesis import given, settings
from hypothesis import strategies as st
from typogrify.filters import typogrify

from newsarchive.extract import SkipFile, extract_file
from newsarchive.typography import configure, near_quotes, paragraphs_html
from tests.conftest import ROOT, SEED

FIXTURES = ROOT / "tests" / "fixtures"

PARAGRAPHS = [
    '"We will not back down," Kim said -- and left.',
    "'Tis the season: rock 'n' roll in the '90s... 'quoted' too.",
    "AT&T and NATO met; R&D spending < 5% & > 2%.",
    "'Single' then \"double\" quotes, and an em---dash.",
    "<script>alert('x')</script> stays text.",
]


def reference(paragraphs: list[str], omit: list[str]) -> str:
    body = "\n".join(f"<p>{escape(p, quote=False)}</p>" for p in paragraphs)
    return typogrify(body, [], **dict.fromkeys(omit, False))


def test_same_as_typogrify_per_paragraph():
    for omit in ([], ["widont"], ["amp", "caps"], ["smartypants"]):
        on = configure({"omit_filters": omit})
        assert paragraphs_html(PARAGRAPHS, on) == reference(PARAGRAPHS, omit)


def test_markup_in_text_stays_text():
    html = paragraphs_html(PARAGRAPHS, configure({}))
    assert "<script>" not in html and "&lt;script&gt;" in html


def fixture_articles():
    for path in sorted(FIXTURES.glob("*/*.txt")) + [SEED]:
        try:
            yield extract_file(path, path.name)
        except SkipFile:
            pass


def test_same_as_typogrify_on_the_fixture_articles():
    on = configure({"omit_filters": ["widont"]})
    articles = list(fixture_articles())
    assert len(articles) > 40
    for article in articles:
        got = paragraphs_html(article.paragraphs, on)
        assert got == reference(article.paragraphs, ["widont"]), article.source


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.text(alphabet=st.sampled_from(list("aZ '\"-.&<>;19")), min_size=1),
        min_size=1,
        max_size=4,
    )
)
def test_any_text_stays_text(paragraphs):
    html = paragraphs_html(paragraphs, configure({}))
    assert html.count("<p>") == len(paragraphs)
    assert re.sub(r"</?p>|<span class=\"[a-z]+\">|</span>", "", html).count("<") == 0


# what convert_quotes looks at around a quote, and long stretches with none
AROUND = ["'", '"', "'90s", "s ", " ", "\n", "a", "9", "-", "--", ".", "(", "[", "`"]
AROUND += ["&#8211;", "&#8212;", "&#x2013;", "&nbsp;", "&mdash;", "&amp;", ";"]
FREE = [piece for piece in AROUND if "'" not in piece and '"' not in piece]


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.lists(st.sampled_from(AROUND), max_size=6).map("".join),
            st.lists(st.sampled_from(FREE), min_size=25, max_size=40).map("".join),
        ),
        min_size=1,
        max_size=6,
    ).map("".join)
)
def test_quotes_curled_near_them_as_over_the_whole_text(text):
    assert near_quotes(text) == smartypants.convert_quotes(text)


# what typogrify's filters look for, and what they look around
PIECES = [*"aAZs9 .'\"&-;(`\\\n", "..", ". ", "--", "U.S.", "AB", "&quot;"]


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.lists(st.sampled_from(PIECES), max_size=16).map("".join),
        min_size=1,
        max_size=4,
    )
)
def test_same_as_typogrify_on_any_text(paragraphs):
    for omit in (["widont"], []):
        on = configure({"omit_filters": omit})
        assert paragraphs_html(paragraphs, on) == reference(paragraphs, omit)
