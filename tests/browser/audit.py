"""Lighthouse scores for the front page and an article: python -m tests.browser.audit."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.browser.pages import PAGE_TYPES
from tests.browser.serve import CHROMIUM, CHROMIUM_ARGS, SiteServer
from tests.conftest import ROOT, build_fixture_archive

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
GOAL = 95


def audit(url: str) -> dict[str, int]:
    run = subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            "--output-path=stdout",
            "--only-categories=" + ",".join(CATEGORIES),
            "--chrome-flags=--headless=new " + " ".join(CHROMIUM_ARGS),
        ],
        capture_output=True,
        text=True,
        check=True,
        env={"CHROME_PATH": CHROMIUM, "PATH": "/usr/bin:/bin"},
    )
    categories = json.loads(run.stdout)["categories"]
    return {c: round(categories[c]["score"] * 100) for c in CATEGORIES}


def main() -> int:
    low = False
    with tempfile.TemporaryDirectory() as tmp:
        server = SiteServer(Path(tmp) / "output", prefix="/news-archive/")
        build_fixture_archive(Path(tmp), server.siteurl)
        server.start()
        try:
            for name in ("front", "article"):
                scores = audit(server.url + PAGE_TYPES[name])
                low |= min(scores.values()) < GOAL
                print(f"{name:8} " + "  ".join(f"{c} {s}" for c, s in scores.items()))
        finally:
            server.stop()
    if low:
        print(f"some score is below {GOAL}")
    return 1 if low else 0


if __name__ == "__main__":
    sys.exit(main())
