"""Rendered fragments kept for the rest of a build.

A teaser is the same on every list page that shows its article (its
section's, its author's, each tag's, its month's) and under every article
that names it as related. The theme calls `memo(macro, *args)` instead of
`macro(*args)`; arguments are the article (kept by identity) and plain
values, and the macro's name says which fragment it is, so a memoised macro
needs a name of its own across the theme.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

LIMIT = 40_000  # fragments; about 30 MB of teasers, then it starts again


class Memo:
    def __init__(self, limit: int = LIMIT) -> None:
        self.limit = limit
        self.kept: dict[tuple, str] = {}

    def __call__(self, macro: Any, *args: Hashable) -> str:
        key = (macro.name, *args)  # a Jinja macro
        try:
            return self.kept[key]
        except KeyError:
            pass
        if len(self.kept) >= self.limit:
            self.kept.clear()
        value = self.kept[key] = macro(*args)
        return value
