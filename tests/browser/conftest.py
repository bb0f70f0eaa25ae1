"""A headless Chromium (Debian's, driven by Playwright) shared by the browser tests."""

from __future__ import annotations

import pytest

from tests.browser.serve import chromium_available, launch, missing


@pytest.fixture(scope="session")
def browser():
    if not chromium_available():
        missing("Chromium is not installed (make test installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = launch(p)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.on("console", lambda m: m.type == "error" and errors.append(m.text))
    pg.js_errors = errors
    yield pg
    context.close()
