"""The progress bar shows on a terminal only, and never in CI."""

from __future__ import annotations

import io

from news_build.progress import Progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def run(stream: io.StringIO) -> str:
    bar = Progress("Writing", 3, stream=stream)
    for done in range(1, 4):
        bar.update(done)
    bar.close()
    return stream.getvalue()


def test_quiet_when_not_a_terminal(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    assert run(io.StringIO()) == ""


def test_quiet_in_ci_even_on_a_terminal(monkeypatch):
    monkeypatch.setenv("CI", "true")
    assert run(Terminal()) == ""


def test_counts_and_eta_on_a_terminal(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    out = run(Terminal())
    assert "3/3" in out and "ETA" in out and out.endswith("\n")


def test_build_is_quiet_when_stderr_is_not_a_terminal(tmp_path, capfd, monkeypatch):
    from tests.conftest import SEED, build_site, make_archive

    monkeypatch.delenv("CI", raising=False)
    root = make_archive(tmp_path, {"a.txt": SEED.read_bytes()})
    build_site(root, tmp_path / "output", NEWS_CACHE="")
    assert "ETA" not in capfd.readouterr().err
