"""Author names from bylines: proper case, Korean given names, wire credits."""

from __future__ import annotations

import re

WIRE_SERVICES = {
    "yonhap": "Yonhap",
    "ap": "AP",
    "afp": "AFP",
    "reuters": "Reuters",
    "bloomberg": "Bloomberg",
    "xinhua": "Xinhua",
}

_PARTICLES = {"de", "van", "von", "der", "da", "di", "le", "la", "bin"}


def _word(word: str, first: bool) -> str:
    if not first and word.lower() in _PARTICLES:
        return word.lower()
    if "-" in word:
        # Korean given names: MIN-SOO -> Min-soo
        head, *rest = word.split("-")
        return "-".join([head.capitalize()] + [r.lower() for r in rest])
    if "'" in word or "’" in word:
        apostrophe = "'" if "'" in word else "’"
        return apostrophe.join(p.capitalize() for p in word.split(apostrophe))
    if re.fullmatch(r"(MC|MAC)[A-Z]{3,}", word) and word.startswith("MC"):
        return "Mc" + word[2:].capitalize()
    return word.capitalize()


def proper_case(name: str) -> str:
    """`PARK MIN-SOO` -> `Park Min-soo`; names already in mixed case stay."""
    name = " ".join(name.split())
    if not name:
        return name
    if name != name.upper():
        return name
    return " ".join(_word(w, i == 0) for i, w in enumerate(name.split(" ")))


def split_names(names: str) -> list[str]:
    """`A, B and C` -> [A, B, C]."""
    parts = re.split(r"\s*,\s*|\s+(?:and|AND|&)\s+", names.strip())
    return [proper_case(p) for p in parts if p.strip()]


def wire_credit(line: str) -> str | None:
    """The wire service named alone on a line, or None."""
    return WIRE_SERVICES.get(line.strip().strip(".").lower())
