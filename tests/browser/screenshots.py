"""Screenshots of each page type at 375 and 1280 px: python -m tests.browser.screenshots DIR."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.browser.pages import PAGE_TYPES
from tests.browser.serve import SiteServer, launch
from tests.conftest import build_fixture_archive

WIDTHS = (375, 1280)


def main(target: str = "screenshots") -> None:
    out_dir = Path(target)
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        server = SiteServer(Path(tmp) / "output", prefix="/news-archive/")
        build_fixture_archive(Path(tmp), server.siteurl)
        server.start()
        try:
            with sync_playwright() as p:
                browser = launch(p)
                for width in WIDTHS:
                    for scheme in ("light", "dark"):
                        page = browser.new_page(
                            viewport={"width": width, "height": 900},
                            color_scheme=scheme,
                        )
                        for name, path in PAGE_TYPES.items():
                            if scheme == "dark" and name not in ("front", "article"):
                                continue
                            page.goto(server.url + path)
                            if name == "search":
                                page.wait_for_selector("#search-results > li")
                            suffix = "-dark" if scheme == "dark" else ""
                            shot = out_dir / f"{name}-{width}{suffix}.png"
                            page.screenshot(path=str(shot), full_page=True)
                            print(shot)
                        page.close()
                browser.close()
        finally:
            server.stop()


if __name__ == "__main__":
    main(*sys.argv[1:])
