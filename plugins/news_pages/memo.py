"""Rendered fragments kept for the rest of a build (in each render process).

A teaser is the same on every list page that shows its article (its
section's, its author's, each tag's, its month's) and under every article
that names it as related; the footer and the list pages' browse box are the
same on every page, an article page's masthead on every article of its
section. The theme
calls `memo(macro, *args)` instead of `macro(*args)`; arguments are the
article (kept by identity) and plain values, and the macro's name says which
fragment it is, so a memoised macro needs a name of its own across the
theme. The page's SITEURL is part of the key: with RELATIVE_URLS it changes
from page to page.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context

LIMIT = 25_000  # fragments (about 35 MB of teasers), then it starts again


def make_memo(limit: int = LIMIT) -> Callable[..., str]:
    """A `memo` for the templates of one build."""
    kept: dict[tuple, str] = {}

    @pass_context
    def memo(context: Context, macro: Any, *args: Hashable) -> str:
        key = (macro.name, context.get("SITEURL"), *args)  # a Jinja macro
        try:
            return kept[key]
        except KeyError:
            pass
        if len(kept) >= limit:
            kept.clear()
        value = kept[key] = macro(*args)
        return value

    return memo
