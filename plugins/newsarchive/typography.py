"""Typogrify for an article's plain-text paragraphs, fast, with the same
HTML as typogrify (amp, smartypants, caps, initial quotes; widont as asked)
gives for the paragraphs as `<p>` elements.

Typogrify runs each filter's regular expressions over every paragraph;
most of them can change a paragraph only if it holds certain characters.
So each `<p>` element goes through amp only if it holds an ampersand,
through smartypants only if it holds a quote, backtick, backslash, two
dashes or an ellipsis, through caps only if it holds two capitals in a row,
and through initial_quotes only if it opens with a quote. Smartypants'
curling of quotes runs about a dozen expressions over the whole text,
though each rewrites only a quote and the few characters before and after
it: `near_quotes` gives it only the text near quotes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from html import escape
from itertools import chain, zip_longest

import smartypants
from typogrify import filters

# convert_quotes' rules look at most 8 characters before a quote (`&#x2013;`)
# and 3 after it (`'90s`): text farther from any quote never changes
NEAR = 12
FAR = re.compile(rf"[^'\"]{{{2 * NEAR + 2},}}")
CUT = "\0"
# what smartypants changes (Attr.default: quotes, backticks, dashes,
# ellipses, &quot;, and backslash escapes)
PUNCTUATION = re.compile(r"""['"`\\]|--|\.\.\.|\. \. \.|&quot;""")
# what every match of typogrify's caps holds: two capitals with only digits,
# or a dot and a space, between
CAPITALS = re.compile(r"[A-Z](?:\d*|\.\s?)[A-Z]")
# what initial_quotes wraps: a left quote at the start of a paragraph, after
# white space and opening inline tags. It looks for the quote after each
# opening block tag, and the only ones here open paragraphs, so it can
# change a paragraph only when this matches at its start.
OPENING_QUOTE = re.compile(
    r"<p>\s*(?:<(?:a|em|span|strong|i|b)[^>]*>\s*)*(?:[\"']|&ldquo;|&#8220;|&lsquo;|&#8216;)"
)


def near_quotes(text: str, convert=smartypants.convert_quotes) -> str:
    """convert(text), smartypants' convert_quotes, run on the text with
    the middle of every long stretch free of quotes cut out, then put back.
    Every stretch keeps NEAR characters at each end, so each quote's
    surroundings, the start of the text and where each match of each rule
    begins are as they were."""
    if CUT in text:
        return convert(text)
    middles: list[str] = []

    def cut(match: re.Match) -> str:
        stretch = match.group()
        middles.append(stretch[NEAR:-NEAR])
        return stretch[:NEAR] + CUT + stretch[-NEAR:]

    parts = convert(FAR.sub(cut, text)).split(CUT)
    return "".join(chain.from_iterable(zip_longest(parts, middles, fillvalue="")))


@contextmanager
def _near_quotes_only() -> Iterator[None]:
    """typogrify's smartypants filter curls quotes with near_quotes."""
    convert = smartypants.convert_quotes
    smartypants.convert_quotes = near_quotes
    try:
        yield
    finally:
        smartypants.convert_quotes = convert


def configure(options: dict) -> dict[str, bool]:
    """Set smartypants' dashes as Pelican does (TYPOGRIFY_DASHES); return
    which typogrify filters are on (TYPOGRIFY_OMIT_FILTERS)."""
    dashes = options.get("dashes", "default")
    smartypants.Attr.default = {
        "oldschool": smartypants.Attr.set2,
        "oldschool_inverted": smartypants.Attr.set3,
    }.get(dashes, smartypants.Attr.set1) | smartypants.Attr.w
    omit = set(options.get("omit_filters", ()))
    names = ("amp", "smartypants", "caps", "initial_quotes", "widont")
    return {name: name not in omit for name in names}


def paragraphs_html(paragraphs: list[str], on: dict[str, bool]) -> str:
    """`<p>` elements for plain-text paragraphs, typogrified."""
    items = []
    with _near_quotes_only():
        for paragraph in paragraphs:
            text = escape(paragraph, quote=False)
            item = f"<p>{text}</p>"
            if on["amp"] and "&" in text:
                item = filters.amp(item)
            if on["smartypants"] and PUNCTUATION.search(text):
                item = filters.smartypants(item)
            if on["caps"] and CAPITALS.search(item):
                item = filters.caps(item)
            if on["initial_quotes"] and OPENING_QUOTE.match(item):
                item = filters.initial_quotes(item)
            items.append(item)
    html = "\n".join(items)
    return filters.widont(html) if on["widont"] else html
