"""The names the project relies on inside Pelican are checked when the
plugins register: a Pelican without one stops the build with a message."""

from __future__ import annotations

import pytest
from pelican import Pelican
from pelican.settings import read_settings

from news_build import pelican_seams
from tests.conftest import ROOT


def test_the_pinned_pelican_has_every_name():
    assert pelican_seams.missing() == []
    pelican_seams.check()


def test_a_pelican_without_a_name_stops_the_build(monkeypatch, tmp_path):
    gone = ("pelican.writers", "Writer._open_w_renamed", "as a release might")
    monkeypatch.setattr(pelican_seams, "SEAMS", [*pelican_seams.SEAMS, gone])
    settings = read_settings(
        str(ROOT / "pelicanconf.py"), override={"OUTPUT_PATH": str(tmp_path / "out")}
    )
    with pytest.raises(SystemExit) as stopped:
        Pelican(settings)
    message = str(stopped.value)
    assert pelican_seams.SUPPORTED in message
    assert "pelican.writers.Writer._open_w_renamed" in message
    assert not (tmp_path / "out").exists()


def test_an_attribute_pelican_no_longer_sets_is_named(monkeypatch):
    gone = ("pelican.writers", "Writer", "_files_written", "as a release might")
    monkeypatch.setattr(
        pelican_seams, "INSTANCE_SEAMS", [*pelican_seams.INSTANCE_SEAMS, gone]
    )
    assert pelican_seams.missing() == ["pelican.writers.Writer._files_written"]
    with pytest.raises(SystemExit, match="Pelican 4.12"):
        pelican_seams.check()
