"""Page furniture learned from the archive itself: lines that recur in many
files of one outlet (a site's menu, its footer, a newsletter box) are not
article text.

One pass over the files, counting each distinct line once per file in a
table per outlet (hashing: time grows with the number of lines, never with
pairs of files). A line is furniture of its outlet when at least
MIN_FILES files and MIN_SHARE of the outlet's files hold it.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from urllib.parse import urlsplit

from newsarchive.text import squash

MIN_FILES = 3
MIN_SHARE = 0.3
MAX_LINE = 300  # longer lines are paragraphs, not furniture


def line_key(line: str) -> str:
    """A line as compared across files: spacing and case ignored."""
    return squash(line).casefold()


def outlet_of(rel: str, source_url: str | None) -> str:
    """The outlet a file belongs to: its source_url's host without `www.`,
    or else the folder it is in (an archive keeps one outlet per folder)."""
    if source_url:
        host = (urlsplit(source_url).hostname or "").removeprefix("www.")
        if host:
            return host
    return "folder:" + rel.rpartition("/")[0]


def file_lines(text: str) -> set[str]:
    """The distinct short lines of one file, as line_key gives them."""
    return {
        key
        for line in text.split("\n")
        if (key := line_key(line)) and len(key) <= MAX_LINE
    }


def learn(files: Iterable[tuple[str, set[str]]]) -> dict[str, frozenset[str]]:
    """{outlet: its furniture} from (outlet, file_lines of one file) pairs."""
    counts: dict[str, Counter[str]] = {}
    sizes: Counter[str] = Counter()
    for outlet, lines in files:
        counts.setdefault(outlet, Counter()).update(lines)
        sizes[outlet] += 1
    learned = {}
    for outlet, counter in counts.items():
        need = max(MIN_FILES, MIN_SHARE * sizes[outlet])
        lines = frozenset(k for k, n in counter.items() if n >= need)
        if lines:
            learned[outlet] = lines
    return learned


def digest(lines: frozenset[str]) -> str:
    """Stands for a set of learned lines in a cache key."""
    return hashlib.sha1("\n".join(sorted(lines)).encode()).hexdigest()
