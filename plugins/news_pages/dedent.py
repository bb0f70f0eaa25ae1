"""The theme's templates without their indentation.

Template source is indented for people; in the pages it would be repeated
on every line of every page (about 2% of a list page). Leading spaces and
tabs of each template line are dropped before Jinja compiles it; the line
breaks stay, so no two words run together. Only the templates' own text is
touched: what they output (article bodies, names) keeps its whitespace.
"""

from __future__ import annotations

import re

from jinja2.ext import Extension

_INDENT = re.compile(r"^[ \t]+", re.MULTILINE)


def dedent(source: str) -> str:
    return _INDENT.sub("", source)


class Dedent(Extension):
    def preprocess(
        self, source: str, name: str | None, filename: str | None = None
    ) -> str:
        return dedent(source)
