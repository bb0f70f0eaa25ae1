"""The project's own settings (NEWS_*), their defaults, and what they mean.

README.md lists the same table; tests/test_settings_doc.py checks that the
two agree and that no other NEWS_ setting is read anywhere.
"""

from __future__ import annotations

import os
from pathlib import Path

MAX_WORKERS = 4  # more gains little on a build's memory and disk

# name -> (default as the README shows it, meaning)
SETTINGS: dict[str, tuple[str, str]] = {
    "NEWS_MANIFEST": (
        "None",
        "the manifest of raw files (`seeds/manifest.csv` in pelicanconf.py), "
        "relative to PATH",
    ),
    "NEWS_REPORT": (
        "`build-report.json`",
        "where the build report is written (pelicanconf.py: at the project root)",
    ),
    "NEWS_CACHE": (
        "`PATH/.cache`",
        "the folder kept between builds for incremental builds; empty: no cache",
    ),
    "NEWS_WORKERS": (
        "None",
        f"processes that extract files and render pages; None: one per core, "
        f"at most {MAX_WORKERS}",
    ),
    "NEWS_PAGES_PER_WORKER": (
        "100",
        "pages each render process is worth: fewer pages use fewer processes",
    ),
    "NEWS_RENDER_CACHE_TEMPLATES": (
        '`("article", "group", "page")`',
        "templates whose pages are not rendered again while their render key "
        "is unchanged (other pages are rendered, and written if they changed)",
    ),
    "NEWS_GROUP_FEED_MAX_ITEMS": (
        "50",
        "items in each author's and tag's feed (10 in pelicanconf.py)",
    ),
    "NEWS_LIST_PAGINATION": (
        "`DEFAULT_PAGINATION`",
        "articles on each page of a headline list: subsection, author, tag and "
        "date pages (50 in pelicanconf.py)",
    ),
    "NEWS_SITEMAP_LIMIT": (
        "50000",
        "addresses in each sitemap file (the sitemap protocol's cap)",
    ),
}


def cache_dir(settings: dict) -> Path | None:
    """NEWS_CACHE, by default `.cache` in the content root; None: no cache."""
    value = settings.get("NEWS_CACHE", os.path.join(settings["PATH"], ".cache"))
    return Path(value) if value else None


def workers(settings: dict) -> int:
    """NEWS_WORKERS, or one per core, at most MAX_WORKERS."""
    n = settings.get("NEWS_WORKERS")
    return n if n is not None else min(os.cpu_count() or 1, MAX_WORKERS)
