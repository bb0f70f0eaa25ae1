"""The README's table of NEWS_* settings is the one the code reads."""

from __future__ import annotations

import re

from news_build import options
from tests.conftest import ROOT


def readme_rows() -> dict[str, tuple[str, str]]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return {
        m[1]: (m[2].strip(), m[3].strip())
        for m in re.finditer(r"^\| `(NEWS_\w+)` \|([^|]*)\|(.*)\|$", text, re.M)
    }


def read_in_code() -> set[str]:
    names = set()
    for path in [*(ROOT / "plugins").rglob("*.py"), ROOT / "pelicanconf.py"]:
        names |= set(re.findall(r"\bNEWS_[A-Z_]+\b", path.read_text(encoding="utf-8")))
    return names


def test_readme_lists_every_setting_with_the_code_default_and_meaning():
    assert readme_rows() == dict(options.SETTINGS)


def test_no_setting_is_read_that_the_readme_leaves_out():
    assert read_in_code() == set(options.SETTINGS)


def test_workers_default_as_the_readme_says(monkeypatch):
    monkeypatch.setattr(options.os, "cpu_count", lambda: 16)
    assert options.workers({}) == options.MAX_WORKERS == 4
    assert "at most 4" in options.SETTINGS["NEWS_WORKERS"][1]
    monkeypatch.setattr(options.os, "cpu_count", lambda: 2)
    assert options.workers({}) == 2
    assert options.workers({"NEWS_WORKERS": 7}) == 7
