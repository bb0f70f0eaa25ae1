"""Plain text that every line or article goes through: bidi controls out,
spacing and word counts."""

from __future__ import annotations

import re

WORD = re.compile(r"\w+")  # as Jinja's wordcount counts words
# a numbered part of a series, never an outlet's name: `Part 2`, `Chapter III`
INSTALMENT = re.compile(
    r"(?:part|chapter|episode|day|week|round|stage|season|series|volume|vol\.)"
    r"\s+(?:\d{1,3}|[ivxlc]{1,6}|one|two|three|four|five|six|seven|eight|nine|ten)",
    re.I,
)
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
# explicit embeddings, overrides and isolates (LRE to RLO, LRI to PDI): in a
# title, a name or a line they reorder what the site shows after them
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
# a byte of an ASCII word character becomes `a`, any other byte a space
_WORD_BYTES = bytes(
    0x61 if chr(i).isascii() and (chr(i).isalnum() or chr(i) == "_") else 0x20
    for i in range(256)
)


def strip_bidi(text: str) -> str:
    """`text` without bidi embedding, override and isolate controls. (The
    marks LRM, RLM and ALM stay: they reorder nothing beyond themselves.)"""
    return _BIDI.sub("", text) if _BIDI.search(text) else text


def squash(text: str) -> str:
    """`" ".join(text.split())`: runs of whitespace as one space, none at
    the ends. Most lines are so already, which one scan tells: any
    whitespace but the space is unprintable."""
    if (
        text.isprintable()
        and "  " not in text
        and not text.startswith(" ")
        and not text.endswith(" ")
    ):
        return text
    return " ".join(text.split())


def word_count(text: str) -> int:
    """`len(WORD.findall(text))`, without making a string of each word.
    When no character outside ASCII is a word character (curly quotes and
    dashes are not), the words are the runs of ASCII word bytes."""
    if not text.isascii() and any(
        c.isalnum() or c == "_" for c in set(_NON_ASCII.findall(text))
    ):
        return len(WORD.findall(text))
    return len(text.encode("utf-8", "surrogatepass").translate(_WORD_BYTES).split())
