"""Page furniture learned from the archive itself: lines that recur in many
files of one outlet (a site's menu, its footer, a newsletter box) are not
article text.

One pass over the files of unknown layout, counting each distinct line
once per file in a table per outlet: time grows with the number of lines,
never with pairs of files. Lines are counted by a 64-bit hash of their
text (spacing and case aside), so the tables stay small. A line is
furniture of its outlet when at least MIN_FILES files, and MIN_SHARE of
the outlet's files, hold it.

Files are told apart by outlet: the host of their `source_url` in the
manifest, else the folder they are in.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from urllib.parse import urlsplit

from newsarchive.text import squash

MIN_FILES = 3
MIN_SHARE = 0.3
MAX_LINE = 300  # characters: longer lines are paragraphs, not furniture


def line_hash(line: str) -> int | None:
    """A line as compared across files (spacing and case aside), or None
    for a blank line or one too long to be furniture."""
    key = squash(line).casefold()
    if not key or len(key) > MAX_LINE:
        return None
    return int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest())


def file_hashes(text: str) -> frozenset[int]:
    """The distinct lines of one file that could be furniture, hashed."""
    hashes = {line_hash(line) for line in text.split("\n")}
    hashes.discard(None)
    return frozenset(hashes)


def outlet_of(rel: str, source_url: str | None = None) -> str:
    """The outlet of the file at `rel`: its source_url's host (less `www.`),
    or else the folder it is in (`seeds/ledger/`; `./` at the top)."""
    if source_url:
        host = (urlsplit(source_url).hostname or "").removeprefix("www.")
        if host:
            return host
    return (rel.rpartition("/")[0] or ".") + "/"


class Learner:
    """Counts lines per outlet, one file at a time."""

    def __init__(self) -> None:
        self.counts: dict[str, Counter[int]] = {}
        self.files: Counter[str] = Counter()
        self._seen: set[int] = set()

    def add(self, outlet: str, hashes: frozenset[int]) -> None:
        """Count a file's lines; a copy of a file counted already is not
        counted again (its lines would all seem to recur)."""
        copy = hash((outlet, hashes))
        if copy in self._seen:
            return
        self._seen.add(copy)
        self.counts.setdefault(outlet, Counter()).update(hashes)
        self.files[outlet] += 1

    def learned(self) -> dict[str, frozenset[int]]:
        """{outlet: the hashes of its furniture lines} (outlets with some)."""
        out = {}
        for outlet, counts in self.counts.items():
            need = max(MIN_FILES, MIN_SHARE * self.files[outlet])
            lines = frozenset(h for h, n in counts.items() if n >= need)
            if lines:
                out[outlet] = lines
        return out


def digest(lines: frozenset[int]) -> str:
    """Stands for an outlet's furniture in a cache key."""
    return hashlib.sha1(repr(sorted(lines)).encode()).hexdigest()
