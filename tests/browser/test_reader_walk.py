"""A reader's walk through the archive served under a sub-path, in real Chromium."""

from __future__ import annotations

import re

from playwright.sync_api import expect


def test_reader_walk(archive_site, page):
    base = archive_site.url
    page.goto(base)
    expect(page).to_have_title("News Archive")
    lead = page.locator(".lead-story h2 a")
    expect(lead).to_be_visible()

    # front page -> section
    page.get_by_role("navigation", name="Main").get_by_role(
        "link", name="National"
    ).click()
    expect(page).to_have_url(base + "section/national/")
    expect(page.locator("h1")).to_have_text("National")

    # section -> article (the seed)
    page.get_by_role("link", name="Russia backs North’s security").click()
    expect(page).to_have_url(base + "2019/05/russia-backs-norths-security/")
    expect(page.locator("h1")).to_have_text("Russia backs North’s security")
    expect(page.locator(".byline")).to_have_text("By Sarah Kim")
    expect(page.locator(".story time")).to_have_text("May 15, 2019")
    expect(page.locator(".crumbs")).to_contain_text("Politics")
    expect(page.locator(".related li")).not_to_have_count(0)

    # article -> author
    page.locator(".byline").get_by_role("link", name="Sarah Kim").click()
    expect(page).to_have_url(base + "author/sarah-kim/")
    expect(page.get_by_role("link", name="Atom feed for Sarah Kim")).to_be_visible()

    # author -> article -> tag
    page.get_by_role(
        "link", name="Lavrov makes first trip to Pyongyang in nine years"
    ).click()
    page.locator(".tags").get_by_role("link", name="Russia").click()
    expect(page).to_have_url(base + "tag/russia/")
    expect(page.locator(".article-list > li")).to_have_count(3)

    # archives -> a month
    page.get_by_role("navigation", name="Main").get_by_role(
        "link", name="Archives"
    ).click()
    page.get_by_role("link", name="May", exact=True).first.click()
    expect(page).to_have_url(re.compile(re.escape(base) + r"archive/\d{4}/05/"))
    expect(page.locator(".article-list > li")).not_to_have_count(0)

    # search "Lavrov" from the masthead
    quick = page.get_by_role("searchbox", name="Search the archive")
    quick.fill("Lavrov")
    quick.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(base) + r"search/\?q=Lavrov"))
    results = page.locator("#search-results > li")
    expect(results).to_have_count(3)
    expect(page.locator("#search-status")).to_have_text("3 articles found.")
    expect(results.first.locator(".summary mark").first).to_have_text(
        re.compile("Lavrov", re.I)
    )
    expect(results.first.locator("p:last-child")).to_contain_text(re.compile(r"\d{4}"))

    # filters narrow the results
    page.select_option("#filter-section", "Opinion")
    expect(results).to_have_count(1)
    page.select_option("#filter-section", "")
    page.select_option("#filter-year", "2019")
    expect(results).to_have_count(2)
    page.select_option("#filter-author", "Sarah Kim")
    expect(results).to_have_count(1)

    # -> the seed article
    results.first.get_by_role("link").click()
    expect(page).to_have_url(base + "2019/05/russia-backs-norths-security/")
    assert page.js_errors == []


def test_search_finds_nothing_for_nonsense(archive_site, page):
    page.goto(archive_site.url + "search/?q=zzyzxq")
    expect(page.locator("#search-status")).to_have_text("No articles found.")


def test_search_result_text_is_escaped(archive_site, page):
    page.goto(archive_site.url + "search/?q=tariff")
    title = page.locator("#search-results h2 a").first
    expect(title).to_contain_text("<small>")
    assert page.locator("#search-results small").count() == 0
    assert page.js_errors == []


def test_search_at_a_domain_root(archive_root_site, page):
    page.goto(archive_root_site.url + "search/?q=Lavrov&section=National")
    results = page.locator("#search-results > li")
    expect(results).to_have_count(2)
    results.last.get_by_role("link").click()
    expect(page).to_have_url(
        archive_root_site.url + "2019/05/russia-backs-norths-security/"
    )
    assert page.js_errors == []


def test_search_shows_more_results_on_request(archive_site, page):
    page.goto(archive_site.url + "search/?q=the")
    results = page.locator("#search-results > li")
    expect(results).to_have_count(20)
    expect(page.locator("#search-status")).to_contain_text("articles found")
    page.get_by_role("button", name="Show more results").click()
    expect(results).not_to_have_count(20)
    expect(page.get_by_role("button", name="Show more results")).to_be_hidden()
    expect(results.nth(20).get_by_role("link")).to_be_focused()
    assert page.js_errors == []
