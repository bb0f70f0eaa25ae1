"""Build the Pagefind search index of a built site.

    python -m news_pages.search_index OUTPUT

Only article pages carry searchable text (data-pagefind-body), so only their
folders are read: the index, list and feed pages would cost time and memory
for nothing (about a quarter of Pagefind's time on a large archive).
Does nothing when OUTPUT/pagefind exists: the build removes it whenever a
page changed.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ARTICLE_PAGES = "{[0-9][0-9][0-9][0-9],undated}/**/*.html"


def command(output: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        str(output),
        "--glob",
        ARTICLE_PAGES,
        "--quiet",
    ]


def build_index(output: Path, force: bool = False) -> None:
    if force or not (output / "pagefind").exists():
        subprocess.run(command(output), check=True)


if __name__ == "__main__":
    build_index(Path(sys.argv[1]))
