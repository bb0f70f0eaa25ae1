"""Manifest file names and source addresses: the quick paths agree with the
general ones for every string."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from hypothesis import given, settings
from hypothesis import strategies as st

from newsarchive.manifest import _posix, load_manifest
from newsarchive.slugs import _is_http, safe_url

PATHLIKE = st.text(alphabet="/\\. a_é\x00", max_size=12)


@settings(max_examples=2000, deadline=None)
@given(st.one_of(PATHLIKE, st.text(max_size=20)))
def test_posix_names_match_pure_posix_path(name: str):
    assert _posix(name) == PurePosixPath(name.replace("\\", "/")).as_posix()


def _safe_url_by_urlsplit(url: str | None) -> str | None:
    """safe_url without its quick path."""
    if not url:
        return None
    return url.strip() if _is_http(url.strip()) else None


def _outcome(f, url):
    try:
        return f(url)
    except ValueError as e:
        return type(e)


URLS = st.builds(
    "".join,
    st.tuples(
        st.sampled_from(["", " ", "\x01", "\t"]),
        st.sampled_from(
            ["http", "https", "HTTP", "hTtPs", "httpſ", "ftp", "javascript", ""]
        ),
        st.sampled_from(["://", ":/", ":", "//", ":///", ""]),
        st.text(alphabet="aZ09.-:@[]%_~ é\u212a/?#\\\n", max_size=12),
        st.text(alphabet=' /?#<>"ab\t\n[]é\u2028', max_size=10),
    ),
)


@settings(max_examples=3000, deadline=None)
@given(st.one_of(URLS, st.text(max_size=30)))
def test_safe_url_matches_urlsplit(url: str):
    assert _outcome(safe_url, url) == _outcome(_safe_url_by_urlsplit, url)


def test_odd_names_are_normalised(tmp_path: Path):
    (tmp_path / "sub").mkdir()
    for name in ("a.txt", "sub/b.txt", "sub/c.txt", "sub/d.txt"):
        (tmp_path / name).write_text("x\n")
    manifest = tmp_path / "manifest.csv"
    manifest.write_text(
        "file,date\n"
        "./a.txt,2020-01-01\n"
        "sub\\b.txt,2020-01-02\n"
        "sub//./c.txt,2020-01-03\n"
        "sub/d.txt/,2020-01-04\n"
        "sub/,2020-01-05\n",
        encoding="utf-8",
    )
    m = load_manifest(manifest, tmp_path)
    assert sorted(m.entries) == ["a.txt", "sub/b.txt", "sub/c.txt", "sub/d.txt"]
    assert m.problems == [
        {"row": 6, "file": "sub", "reason": "names a file that does not exist"}
    ]


def test_a_name_too_long_for_the_file_system_is_a_problem(tmp_path: Path):
    manifest = tmp_path / "manifest.csv"
    manifest.write_text(f"file\n{'x' * 300}.txt\n", encoding="utf-8")
    m = load_manifest(manifest, tmp_path)
    assert m.entries == {}
    assert m.problems[0]["reason"] == "names a file that does not exist"
