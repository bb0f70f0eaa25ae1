"""The theme's templates without their indentation, the line breaks between
tags, and the list items' end tags.

Template source is indented and broken into lines for people; in the pages
that whitespace would be repeated on every line of every page (about 2% of a
list page, and one byte in a hundred of the whole site for the line breaks).
Before Jinja compiles a template, the leading spaces and tabs of each line
are dropped, and so is a line break between the end of a tag (`>`) or of an
output (`}}`) and the start of a tag or of a Jinja tag, output or comment
(`<`, `{%`, `{{`, `{#`): in the theme, such an output is block markup
(article bodies, teasers), never a word. The other line breaks stay, so no
two words run together. And `</li>` is dropped: a list item ends where the
next one starts or its list ends (HTML's optional end tags), so the page's
document is the same without it, at some 40 list items a page. Only the
templates' own text is touched: what they output (article bodies, names)
keeps its whitespace and its tags.
"""

from __future__ import annotations

import re

from jinja2.ext import Extension

_INDENT = re.compile(r"^[ \t]+", re.MULTILINE)
_BETWEEN_TAGS = re.compile(r"(>|\}\})\n+(?=<|\{[{%#])")


def dedent(source: str) -> str:
    return _BETWEEN_TAGS.sub(r"\1", _INDENT.sub("", source)).replace("</li>", "")


class Dedent(Extension):
    def preprocess(
        self, source: str, name: str | None, filename: str | None = None
    ) -> str:
        return dedent(source)
