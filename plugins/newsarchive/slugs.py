"""Stable ASCII slugs."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

from unidecode import unidecode

# An address urlsplit reads as http(s) with a plain ASCII host (so it cannot
# raise) and with nothing unsafe after it: safe_url returns it unchanged.
_PLAIN_HTTP = re.compile(
    r"[hH][tT][tT][pP][sS]?://[A-Za-z0-9.:@_~%-]+(?:[/?#][^\s<>\"]*)?"
)


def slugify(text: str, max_length: int = 80) -> str:
    """`Russia backs North’s security` -> `russia-backs-norths-security`."""
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("’", "").replace("'", "")
    text = unidecode(text).lower()
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    if len(text) > max_length:
        text = text[:max_length].rsplit("-", 1)[0]
    return text


def safe_url(url: str | None) -> str | None:
    """`url` if it is an absolute http(s) address, else None.

    A source address from a raw file or the manifest becomes a link: a
    `javascript:` or `data:` address must never be clickable.
    """
    if not url:
        return None
    url = url.strip()
    return url if _PLAIN_HTTP.fullmatch(url) or _is_http(url) else None


def _is_http(url: str) -> bool:
    """The general check (safe_url tries a quick pattern first)."""
    try:
        parts = urlsplit(url)
    except ValueError:  # malformed: `http://[`
        return False
    return bool(
        parts.scheme.lower() in ("http", "https")
        and parts.netloc
        and not re.search(r"[\s<>\"]", url)
    )
