"""The theme's templates without their indentation and line breaks between
tags.

Template source is indented and broken into lines for people; in the pages
that whitespace would be repeated on every line of every page (about 2% of a
list page, and one byte in a hundred of the whole site for the line breaks).
Before Jinja compiles a template, the leading spaces and tabs of each line
are dropped, and so is a line break between a tag's `>` and the next tag's
`<`; the other line breaks stay, so no two words run together. Only the
templates' own text is touched: what they output (article bodies, names)
keeps its whitespace.
"""

from __future__ import annotations

import re

from jinja2.ext import Extension

_INDENT = re.compile(r"^[ \t]+", re.MULTILINE)
_BETWEEN_TAGS = re.compile(r">\n+<")


def dedent(source: str) -> str:
    return _BETWEEN_TAGS.sub("><", _INDENT.sub("", source))


class Dedent(Extension):
    def preprocess(
        self, source: str, name: str | None, filename: str | None = None
    ) -> str:
        return dedent(source)
