"""Shared fixtures: a real Pelican build of the project into a temp folder."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from pelican import Pelican
from pelican.settings import read_settings

from news_pages.search_index import build_index

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_bf2fc2e86ffaba18.txt"


def build_site(content_root: Path, output: Path, **overrides) -> dict:
    """Build `content_root` (holding seeds/ and content/) into `output`.

    Returns the build report.
    """
    report = output.parent / f"{output.name}-report.json"
    settings = read_settings(
        str(ROOT / "pelicanconf.py"),
        override={
            "PATH": str(content_root),
            "OUTPUT_PATH": str(output),
            "NEWS_REPORT": str(report),
            **overrides,
        },
    )
    Pelican(settings).run()
    return json.loads(report.read_text(encoding="utf-8"))


def make_archive(tmp: Path, files: dict[str, bytes | str], manifest: str = "") -> Path:
    """A content root with the project's pages and the given raw files."""
    root = tmp / "site"
    shutil.copytree(ROOT / "content", root / "content")
    seeds = root / "seeds"
    seeds.mkdir(parents=True)
    for name, data in files.items():
        target = seeds / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, str):
            target.write_text(data, encoding="utf-8")
        else:
            target.write_bytes(data)
    if manifest:
        (seeds / "manifest.csv").write_text(manifest, encoding="utf-8")
    return root


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory) -> tuple[Path, dict]:
    """The project itself (seeds/ and content/) built into a temp folder."""
    out = tmp_path_factory.mktemp("seed") / "output"
    report = build_site(ROOT, out)
    return out, report


FIXTURE_ARCHIVE = ROOT / "tests" / "fixtures" / "archive"


def build_fixture_archive(tmp: Path, siteurl: str = "", search: bool = True) -> Path:
    """tests/fixtures/archive built into `tmp`/output (and indexed by Pagefind)."""

    root = tmp / "site"
    shutil.copytree(ROOT / "content", root / "content")
    shutil.copytree(FIXTURE_ARCHIVE, root / "seeds")
    out = tmp / "output"
    build_site(
        root,
        out,
        SITEURL=siteurl,
        FEED_DOMAIN=siteurl,
        DEFAULT_PAGINATION=8,
        NEWS_LIST_PAGINATION=8,
    )
    if search:
        build_index(out, limit=12)  # several shards, merged by the search page
    return out


def _served_archive(prefix: str, for_prefix: bool):
    # Its own temp folder: pytest prunes old basetemps when runs overlap.
    import tempfile

    from tests.browser.serve import SiteServer

    with tempfile.TemporaryDirectory(prefix="news-archive-") as tmp:
        server = SiteServer(Path(tmp) / "output", prefix=prefix)
        build_fixture_archive(Path(tmp), server.siteurl if for_prefix else "")
        server.start()
        yield server
        server.stop()


@pytest.fixture(scope="session")
def archive_site():
    """The fixture archive served at http://127.0.0.1:PORT/news-archive/."""
    yield from _served_archive("/news-archive/", True)


@pytest.fixture(scope="session")
def archive_root_site():
    """The fixture archive built for, and served at, a domain root."""
    yield from _served_archive("/", False)
