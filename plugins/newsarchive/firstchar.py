"""What the first character of a line a pattern matches can be.

Cleaning tries every rule's pattern on every line of a page, and most lines
fail on their first character; but a pattern with case ignored and many
alternatives (`Home|Menu|Search|...`) tries each alternative in turn before
it fails. `first_char` reads a pattern once and gives a test of one
character, so the rules a line's first character rules out are not tried.
The test is the pattern's own opening, recompiled with the same flags, so
what it lets through is never less than what the pattern can match.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

try:  # Python's own pattern parser: not a public API, so checked here once
    from re import _constants as sre
    from re import _parser
except ImportError:  # another Python: every rule is tried on every line
    sre = _parser = None

# the flags that change what one character matches
_FLAG_LETTERS = {re.IGNORECASE: "i", re.DOTALL: "s"}
_CATEGORIES = (
    {}
    if sre is None
    else {
        sre.CATEGORY_DIGIT: r"\d",
        sre.CATEGORY_NOT_DIGIT: r"\D",
        sre.CATEGORY_SPACE: r"\s",
        sre.CATEGORY_NOT_SPACE: r"\S",
        sre.CATEGORY_WORD: r"\w",
        sre.CATEGORY_NOT_WORD: r"\W",
    }
)
_REPEATS = (
    () if sre is None else (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
)
_ZERO_WIDTH = () if sre is None else (sre.AT, sre.ASSERT, sre.ASSERT_NOT)


class _Any(Exception):
    """The pattern's opening is not read here: any character may open it."""


@lru_cache(maxsize=1024)
def first_char(pattern: re.Pattern[str]) -> Callable[[str], object] | None:
    """A `fullmatch` for one character that is true for the first character
    of every string `pattern` fully matches (and maybe others), or None when
    any character may come first (or the pattern matches the empty string)."""
    if _parser is None:
        return None
    try:
        opening: list[str] = []
        tree = _parser.parse(pattern.pattern, pattern.flags)
        if _firsts(tree, pattern.flags, opening):
            return None  # it matches the empty string
        return re.compile("|".join(opening)).fullmatch
    except (
        _Any,
        re.error,
        TypeError,
        ValueError,
        AttributeError,
    ):  # a form not read here
        return None


def _firsts(data: _parser.SubPattern | list, flags: int, out: list[str]) -> bool:
    """Add to `out` what the first character matched by `data` (a parsed
    sequence) can be; True when `data` can also match nothing at all."""
    for op, av in data:
        if op in (sre.LITERAL, sre.NOT_LITERAL, sre.ANY, sre.IN):
            out.append(_scoped(_one_char(op, av), flags))
            return False
        if op is sre.SUBPATTERN:
            _, add, delete, sub = av
            if not _firsts(sub, (flags | add) & ~delete, out):
                return False
        elif op is sre.ATOMIC_GROUP:
            if not _firsts(av, flags, out):
                return False
        elif op is sre.BRANCH:
            empty = False
            for alternative in av[1]:
                empty = _firsts(alternative, flags, out) or empty
            if not empty:
                return False
        elif op in _REPEATS:
            low, _, sub = av
            if not _firsts(sub, flags, out) and low > 0:
                return False
        elif op not in _ZERO_WIDTH:  # an assertion only narrows what follows
            raise _Any
    return True


def _one_char(op: object, av: object) -> str:
    if op is sre.LITERAL:
        return re.escape(chr(av))
    if op is sre.NOT_LITERAL:
        return f"[^{re.escape(chr(av))}]"
    if op is sre.ANY:
        return "."
    parts = []
    for item, value in av:
        if item is sre.NEGATE and not parts:
            parts.append("^")
        elif item is sre.LITERAL:
            parts.append(re.escape(chr(value)))
        elif item is sre.RANGE:
            parts.append(f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}")
        elif item is sre.CATEGORY and value in _CATEGORIES:
            parts.append(_CATEGORIES[value])
        else:
            raise _Any
    return f"[{''.join(parts)}]"


def _scoped(source: str, flags: int) -> str:
    """`source` under `flags` (case, dot and ASCII), whatever surrounds it."""
    on = "".join(c for f, c in _FLAG_LETTERS.items() if flags & f)
    off = "".join(c for f, c in _FLAG_LETTERS.items() if not flags & f)
    if flags & re.ASCII:
        on += "a"
    return f"(?{on}-{off}:{source})" if off else f"(?{on}:{source})"
