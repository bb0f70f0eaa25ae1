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


# bytes below 32 other than tab, newline, form feed and carriage return
CONTROLS = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


class UndecodableError(ValueError):
    """The bytes are not text in any encoding we can tell apart."""


def looks_binary(data: bytes) -> bool:
    """True for NUL bytes or a high share of control characters."""
    sample = data[:8192]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, CONTROLS))
    return controls / len(sample) > 0.05


def _garbled(text: str) -> bool:
    """More than 10% replacement or control characters."""
    if not text:
        return False
    bad = sum(1 for c in text if c == "\ufffd" or (ord(c) < 32 and c not in "\t\n\r\f"))
    return bad / len(text) > 0.1


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name) with line endings normalised to \\n."""
    for bom, name in BOMS:
        if data.startswith(bom):
            # a BOM says text; a few bad bytes become U+FFFD, many mean binary
            text = data.decode(name, errors="replace")
            if _garbled(text):
                raise UndecodableError(f"not {name} text despite its byte-order mark")
            return normalise_newlines(text), name
    if looks_binary(data):
        raise UndecodableError("binary data, not text")
    try:
        return normalise_newlines(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError as exc:
        if exc.start >= len(data) - 3 and exc.reason == "unexpected end of data":
            # a file cut off inside its last character
            return normalise_newlines(data[: exc.start].decode("utf-8")), "utf-8"
    guess = _legacy(data)
    if guess is not None:
        return guess
    best = from_bytes(data).best()
    if best is None:
        raise UndecodableError("no text encoding fits these bytes")
    return normalise_newlines(str(best)), best.encoding


# Legacy encodings of this archive, tried in order; the one whose non-ASCII
# characters look most like text (Hangul, accented Latin letters, curly quotes)
# wins. Statistical detection alone mistakes short CP1252 text for Baltic or
# Central European code pages.
LEGACY = ("cp949", "cp1252", "latin-1")
_PUNCTUATION = set("“”‘’–—…€·°«»¡¿£©®§¢¥¶ ")


def _looks_like_text(char: str) -> bool:
    code = ord(char)
    return (
        0xAC00 <= code <= 0xD7A3  # Hangul syllables
        or 0x4E00 <= code <= 0x9FFF  # Hanja
        or (0xC0 <= code <= 0xFF and code not in (0xD7, 0xF7))  # Latin letters
        or char in _PUNCTUATION
    )


def _legacy(data: bytes) -> tuple[str, str] | None:
    best: tuple[float, str, str] | None = None
    for name in LEGACY:
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        odd = [c for c in text if ord(c) > 127]
        score = sum(map(_looks_like_text, odd)) / len(odd) if odd else 1.0
        if best is None or score > best[0]:
            best = (score, text, name)
    if best is None or best[0] < 0.9:
        return None
    return normalise_newlines(best[1]), best[2]


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
