"""news_speed.atom writes the very bytes feedgenerator writes, or fails as it does."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import feedgenerator
from feedgenerator.django.utils.xmlutils import UnserializableContentError
from hypothesis import given, settings
from hypothesis import strategies as st

from news_speed import atom

# text with what XML must escape, quotes of both kinds, whitespace that
# attributes escape, control characters XML 1.0 forbids, and non-ASCII
TEXT = st.text(
    st.sampled_from(list("ab &<>\"'\n\r\t\x01\x0b\x1f é“”—") + ["\U0001f600"]),
    max_size=40,
)
OPTIONAL = st.none() | TEXT
DATES = st.none() | st.datetimes(
    min_value=datetime(1990, 1, 1), max_value=datetime(2030, 1, 1)
).map(lambda d: d.replace(tzinfo=UTC))
ITEM = st.fixed_dictionaries(
    {
        "title": TEXT,
        "link": TEXT.map(lambda t: "/a/" + t),
        "description": OPTIONAL,
        "content": OPTIONAL,
        "unique_id": OPTIONAL,
        "author_name": OPTIONAL,
        "categories": st.lists(TEXT, max_size=3),
        "pubdate": DATES,
    }
)


def written(cls: type, feed: dict, items: list[dict]) -> str | type:
    """What `cls` writes for the feed, or the type of the error it raises."""
    f = cls(**feed)
    for item in items:
        f.add_item(**item)
    out = io.StringIO()
    try:
        f.write(out, "utf-8")
    except UnserializableContentError as exc:
        return type(exc)
    return out.getvalue()


@settings(max_examples=300, deadline=None)
@given(
    title=TEXT,
    subtitle=OPTIONAL,
    language=st.none() | st.just("en"),
    items=st.lists(ITEM, min_size=1, max_size=4),
)
def test_the_same_feed_as_feedgenerator(title, subtitle, language, items) -> None:
    for item in items:  # the root's <updated> would be "now" without a date
        item["pubdate"] = item["pubdate"] or datetime(2020, 1, 1, tzinfo=UTC)
    feed = {
        "title": title,
        "link": "https://example.org/",
        "feed_url": "https://example.org/feed.xml",
        "description": subtitle,
        "subtitle": subtitle,
        "language": language,
    }
    expected = written(feedgenerator.Atom1Feed, feed, items)
    assert written(atom.Atom1Feed, feed, items) == expected


def test_a_control_character_in_text_fails_the_feed() -> None:
    feed = {"title": "Feed", "link": "/", "description": None}
    item = {
        "title": "Bad \x07 title",
        "link": "/a/",
        "description": None,
        "pubdate": datetime(2020, 1, 1, tzinfo=UTC),
    }
    assert written(atom.Atom1Feed, feed, [item]) is UnserializableContentError
    item["link"] = "/a/\x07/"  # in an attribute: written, as feedgenerator does
    assert written(atom.Atom1Feed, feed, [item]) == written(
        feedgenerator.Atom1Feed, feed, [item]
    )
