"""The build summary gives the site's size and warns past a size limit."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsarchive.report import main, parse_size
from newsarchive.sizes import site_size


def _report(out: Path) -> Path:
    return out.parent / f"{out.name}-report.json"


def test_summary_gives_size_and_bytes_per_article(seed_site, capsys):
    out, report = seed_site
    assert main([str(_report(out)), "--output", str(out), "--strict"]) == 0
    text = capsys.readouterr().out
    size = site_size(out)[0]
    assert f"{size / 1e6:,.1f} MB" in text or f"{size / 1e3:,.1f} KB" in text
    per = size // report["summary"]["published"]
    assert f"per article  {per:>8,} bytes" in text
    assert "WARNING" not in text


def test_warns_past_the_limit_and_strict_fails(seed_site, capsys):
    out, _ = seed_site
    args = [str(_report(out)), "--output", str(out), "--size-limit", "10KB"]
    assert main(args) == 0  # a warning only
    text = capsys.readouterr().out
    assert "WARNING" in text and "GitHub Pages" in text and "1 GB" in text
    assert "over the limit of 10.0 KB" in text
    assert main([*args, "--strict"]) == 1
    assert "over the size limit" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("text", "size"),
    [("1GB", 10**9), ("900MB", 9 * 10**8), ("1.5 GB", 15 * 10**8), ("2048", 2048)],
)
def test_sizes_are_read_in_decimal_units(text, size):
    assert parse_size(text) == size
