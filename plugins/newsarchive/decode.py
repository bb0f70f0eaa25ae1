"""Bytes to text: BOMs, UTF-8, legacy encodings, line endings."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class UndecodableError(ValueError):
    """The bytes are not text in any encoding we can tell apart."""


def looks_binary(data: bytes) -> bool:
    """True for NUL bytes or a high share of control characters."""
    sample = data[:8192]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls / len(sample) > 0.05


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name) with line endings normalised to \\n."""
    for bom, name in BOMS:
        if data.startswith(bom):
            text = data.decode(name)
            return normalise_newlines(text), name
    if looks_binary(data):
        raise UndecodableError("binary data, not text")
    try:
        return normalise_newlines(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise UndecodableError("no text encoding fits these bytes")
    return normalise_newlines(str(best)), best.encoding


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
