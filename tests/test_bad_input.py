"""Bad input never crashes extraction: it is either an article or a SkipFile
with a clear reason, and nothing in it reaches the page unescaped."""

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsarchive import SkipFile, extract_file, extract_text
from newsarchive.manifest import load_manifest

BODY = "Ferry crews added\n\nThe ministry said Thursday that crews will grow.\n"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"   \n\t\n  \r\n", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary"),
        (bytes(range(1, 32)) * 50, "binary"),
        (b"Only a headline here\n", "title only"),
        (b"Menu\nSearch\nLog in\n", "page furniture"),
        (b"---\ntitle: Nothing else\n---\n", "front matter only"),
    ],
)
def test_unusable_files_are_skipped_with_a_reason(tmp_path: Path, data, reason):
    raw = tmp_path / "bad.txt"
    raw.write_bytes(data)
    with pytest.raises(SkipFile, match=reason):
        extract_file(raw, "bad.txt")


def test_a_50_mb_file_is_skipped_without_reading_it(tmp_path: Path):
    raw = tmp_path / "huge.txt"
    with raw.open("wb") as fh:
        fh.write(BODY.encode())
        fh.truncate(50 * 1024 * 1024)
    with pytest.raises(SkipFile, match="50 MB, over the 20 MB limit"):
        extract_file(raw, "huge.txt")


def test_truncated_file_keeps_what_is_there(tmp_path: Path):
    raw = tmp_path / "cut.txt"
    raw.write_bytes((BODY + "The second paragraph stops in the midd").encode())
    a = extract_file(raw, "cut.txt")
    assert a.paragraphs[-1] == "The second paragraph stops in the midd"


def test_markup_and_template_syntax_are_text_not_code():
    text = (
        "Tags <b>bold</b> & {{ title }} in a headline\n\n"
        "<script>alert('x')</script> came before the body.\n\n"
        "{% include 'x.html' %} and {{ config }} are literal, 1 < 2 > 0 & so on.\n"
        '<p onclick="steal()">a paragraph in HTML</p>\n'
    )
    a = extract_text(text, "m.txt")
    assert a.title == "Tags <b>bold</b> & {{ title }} in a headline"
    html = a.body_html()
    assert "<script>" not in html and "<b>" not in html and "<p onclick" not in html
    assert "&lt;script&gt;alert('x')&lt;/script&gt;" in html
    assert "{% include 'x.html' %} and {{ config }}" in html
    assert "1 &lt; 2 &gt; 0 &amp; so on." in html


def test_bad_manifest_rows_are_reported(tmp_path: Path):
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "b.txt").write_text(BODY, encoding="utf-8")
    manifest = tmp_path / "manifest.csv"
    manifest.write_text(
        "file,date,tags\n"
        "a.txt,2019-05-15,x\n"
        "missing.txt,2019-05-16,y\n"
        "b.txt,not-a-date,z\n"
        "a.txt,2019-01-01,a,b,c,too,many\n"
        ",2019-01-02,\n"
        "a.txt,2019-05-17,w\n",
        encoding="utf-8",
    )
    loaded = load_manifest(manifest, tmp_path)
    reasons = {p["row"]: p["reason"] for p in loaded.problems}
    assert reasons[3] == "names a file that does not exist"
    assert "bad date" in reasons[4]
    assert reasons[5] == "malformed row" and reasons[6] == "malformed row"
    assert reasons[7] == "file named twice"
    assert loaded.entries["a.txt"]["tags"] == ["x"]


# Anything that is a tag, an entity or a template delimiter once unescaped.
UNESCAPED = re.compile(r"<(?!/?p>)|(?<!<p)(?<!</p)>|&(?!(amp|lt|gt|quot|#x27);)")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.one_of(
            st.text(max_size=30),
            st.text(alphabet="<>&\"'{}%\n\r\t >-:,.[]@", max_size=10),
            st.sampled_from(
                [
                    "<script>",
                    "{{ x }}",
                    "{% if %}",
                    "\n",
                    "\n\n",
                    "BY SARAH KIM [a@b.co]",
                    "Home > News",
                    "---\n",
                    "title: x\n",
                    "Published: 17 Jun. 2007, 21:47",
                    "JoongAng Ilbo, Nov. 3, Page 31",
                    "Yonhap",
                    "The author is ",
                ]
            ),
        ),
        max_size=30,
    ).map("".join)
)
def test_any_text_gives_an_article_or_a_reason(text):
    try:
        a = extract_text(text, "h.txt")
    except SkipFile as exc:
        assert str(exc)
        return
    assert a.title.strip()
    assert a.paragraphs
    assert not UNESCAPED.search(a.body_html())
    assert a.slug and a.slug.isascii()


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.binary(max_size=300),
        st.binary(max_size=300).map(lambda b: b"\xff\xfe" + b),
        st.binary(max_size=300).map(lambda b: b"\xef\xbb\xbf" + b),
        st.text(max_size=200).map(lambda t: t.encode("utf-8")[:-1]),
    )
)
def test_any_bytes_give_an_article_or_a_reason(tmp_path_factory, data):
    raw = tmp_path_factory.mktemp("b") / "b.txt"
    raw.write_bytes(data)
    try:
        a = extract_file(raw, "b.txt")
    except SkipFile as exc:
        assert str(exc)
        return
    assert not UNESCAPED.search(a.body_html())
