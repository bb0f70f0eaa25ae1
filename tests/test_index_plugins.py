"""Plugins from the Pelican plugin index work as a Pelican user expects, in
clean and incremental builds alike: pelican-readtime sets each article's
reading time, pelican-precompress writes a gzip copy of each file once the
site is written (at `finalized`)."""

from __future__ import annotations

import gzip
import shutil

from tests.test_fail_closed import build, edit, project
from tests.test_incremental import raw, row, tree

SETTINGS = """
PLUGINS = [*PLUGINS, "readtime", "precompress"]
PRECOMPRESS_GZIP = True
PRECOMPRESS_BROTLI = PRECOMPRESS_ZOPFLI = PRECOMPRESS_ZSTANDARD = False
"""


def test_readtime_and_precompress_same_in_clean_and_incremental_builds(tmp_path):
    site = project(tmp_path)
    with (site / "pelicanconf.py").open("a") as fh:
        fh.write(SETTINGS)
    edit(
        site / "theme/templates/article.html",
        "{% block content %}",
        '{% block content %}<p class="readtime">{{ article.readtime_string }}</p>',
    )
    out, cache = tmp_path / "out", tmp_path / "cache"
    build(site, out, cache)
    page = out / "2019/03/talks-resume-in-round-2/index.html"
    assert b'<p class="readtime">' in page.read_bytes()

    # a longer article, and a new one
    seeds = site / "seeds"
    long = raw("Talks resume in round 2", "Envoys met on day 2. " + "Words. " * 900)
    (seeds / "a2.txt").write_text(long)
    (seeds / "b.txt").write_text(raw("Summit date set", "Leaders agreed."))
    with (seeds / "manifest.csv").open("a") as fh:
        fh.write(row("b.txt", "2019-08-01", "Summit"))
    build(site, out, cache)
    clean = tmp_path / "clean"
    build(site, clean, None)

    got, want = tree(out), tree(clean)
    assert sorted(got) == sorted(want)
    for name, data in want.items():
        assert got[name] == data, f"{name} differs from a clean build"
    shutil.rmtree(clean)

    # readtime counted the raw article's words: three paragraphs of 900
    # and more, at 200 a minute
    assert b'<p class="readtime">13 minutes</p>' in page.read_bytes()
    # a gzip copy of every page, holding the page as it is now
    pages = [n for n in got if n.endswith(".html")]
    assert pages
    for name in pages:
        assert gzip.decompress(got[name + ".gz"]) == got[name], name
