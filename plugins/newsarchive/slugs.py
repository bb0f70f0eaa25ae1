"""Stable ASCII slugs."""

from __future__ import annotations

import re
import unicodedata

from unidecode import unidecode


def slugify(text: str, max_length: int = 80) -> str:
    """`Russia backs North’s security` -> `russia-backs-norths-security`."""
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("’", "").replace("'", "")
    text = unidecode(text).lower()
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    if len(text) > max_length:
        text = text[:max_length].rsplit("-", 1)[0]
    return text
