"""axe-core finds no violation on any page type, in light and dark mode;
pages fit a 360 px screen; keyboard focus is visible; pages work without JavaScript."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.pages import PAGE_TYPES
from tests.browser.serve import missing

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


def axe_violations(page, only: list[str] | None = None) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    options = {"resultTypes": ["violations"]}
    if only:
        options["runOnly"] = only
    result = page.evaluate("options => axe.run(document, options)", options)
    return [
        {"id": v["id"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
    ]


@pytest.fixture(scope="module")
def axe_ready():
    if not AXE.is_file():
        missing("axe-core is not installed (make test runs npm ci)")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations(archive_site, browser, axe_ready, scheme):
    context = browser.new_context(
        color_scheme=scheme, viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    found = {}
    for name, path in PAGE_TYPES.items():
        page.goto(archive_site.url + path)
        if name == "search":
            expect(page.locator("#search-results > li")).not_to_have_count(0)
        # dark mode changes only colours: check their contrast
        only = ["color-contrast"] if scheme == "dark" else None
        if violations := axe_violations(page, only):
            found[name] = violations
    context.close()
    assert found == {}


def test_pages_fit_a_small_screen(archive_site, browser):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    too_wide = {}
    for name, path in PAGE_TYPES.items():
        page.goto(archive_site.url + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 360:
            too_wide[name] = width
    context.close()
    assert too_wide == {}


def test_skip_link_and_visible_focus(archive_site, page):
    page.goto(archive_site.url + PAGE_TYPES["article"])
    page.keyboard.press("Tab")
    skip = page.locator(".skip")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    outline = skip.evaluate("e => getComputedStyle(e).outlineStyle")
    assert outline == "solid"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.closest('main') !== null")
    assert focused


def test_works_without_javascript(archive_site, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(archive_site.url)
    page.locator(".lead-story h2 a").click()
    expect(page.locator(".story h1")).to_be_visible()
    page.goto(archive_site.url + "search/")
    expect(page.locator(".notice")).to_contain_text("Search needs JavaScript")
    context.close()


def test_print_stylesheet_hides_navigation(archive_site, page):
    page.goto(archive_site.url + PAGE_TYPES["article"])
    page.emulate_media(media="print")
    expect(page.locator(".masthead nav")).to_be_hidden()
    expect(page.locator(".story-aside")).to_be_hidden()
    expect(page.locator(".story h1")).to_be_visible()
