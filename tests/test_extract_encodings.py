"""Encodings and line endings: the bytes are written by the test itself."""

import codecs
from pathlib import Path

import pytest

from newsarchive import extract_file
from newsarchive.slugs import slugify

LATIN = (
    "Café owners in Zürich protest new rules\n\n"
    "The café association said the naïve rules would hurt façades and cost €500.\n\n"
    "“We were not asked,” said one owner.\n"
)
KOREAN = (
    "서울 지하철 9호선 연장 구간 개통\n\n"
    "서울시는 토요일 아침 새 역 네 곳을 열었다고 밝혔다.\n\n"
    "승객들은 새 노선을 반겼다.\n"
)
ENGLISH = "Ferry crews added for night crossings\n\nThe ministry said Thursday that crews will grow.\n\nPrices may rise.\n"


@pytest.mark.parametrize(
    ("text", "encode", "encoding"),
    [
        (ENGLISH, lambda t: t.encode("utf-8"), "utf-8"),
        (LATIN, lambda t: codecs.BOM_UTF8 + t.encode("utf-8"), "utf-8-sig"),
        (LATIN, lambda t: t.encode("utf-16"), "utf-16"),
        (KOREAN, lambda t: t.encode("utf-16"), "utf-16"),
        (KOREAN, lambda t: t.encode("cp949"), "cp949"),
        (KOREAN, lambda t: t.encode("euc-kr"), "cp949"),
        (LATIN, lambda t: t.encode("cp1252"), "cp1252"),
        (
            LATIN.replace("€500", "500 francs").replace("“", '"').replace("”", '"'),
            lambda t: t.encode("latin-1"),
            "cp1252",
        ),
        (LATIN, lambda t: t.replace("\n", "\r\n").encode("utf-8"), "utf-8"),
        (LATIN, lambda t: t.replace("\n", "\r").encode("cp1252"), "cp1252"),
        (KOREAN, lambda t: t.replace("\n", "\r\n").encode("cp949"), "cp949"),
    ],
)
def test_text_comes_out_right(tmp_path: Path, text, encode, encoding):
    raw = tmp_path / "a.txt"
    raw.write_bytes(encode(text))
    a = extract_file(raw, "a.txt")
    expected = [line for line in text.split("\n") if line.strip()]
    assert a.title == expected[0]
    assert a.paragraphs == expected[1:]
    assert a.encoding == encoding
    assert not any("\r" in p for p in a.paragraphs + [a.title])


def test_korean_title_gets_a_stable_ascii_slug(tmp_path: Path):
    raw = tmp_path / "k.txt"
    raw.write_bytes(KOREAN.encode("cp949"))
    a = extract_file(raw, "k.txt")
    assert a.slug.isascii() and a.slug
    assert a.slug == extract_file(raw, "k.txt").slug
    assert a.slug == slugify(KOREAN.split("\n")[0])


def test_utf8_cut_inside_the_last_character_keeps_the_rest(tmp_path: Path):
    raw = tmp_path / "cut.txt"
    raw.write_bytes(KOREAN.rstrip(".\n").encode("utf-8")[:-1])
    a = extract_file(raw, "cut.txt")
    assert a.encoding == "utf-8"
    assert a.title == KOREAN.split("\n")[0]
    assert a.paragraphs[-1] == "승객들은 새 노선을 반겼"
