"""Write the archive's index pages and feeds.

Pelican's own tag, category and author writers scan every article for every
tag (O(N^2)); this generator replaces them with one O(N) grouping pass.
"""

from __future__ import annotations

import logging
from functools import partial

from pelican import signals
from pelican.generators import Generator

from news_pages.groups import (
    Group,
    group_authors,
    group_months,
    group_sections,
    group_tags,
    paginate,
)
from news_pages.jsonld import jsonld_filter

logger = logging.getLogger(__name__)


def _noop(write) -> None:
    return None


def disable_quadratic_writers(generator) -> None:
    """Pelican's per-taxonomy writers are replaced by ArchivePagesGenerator."""
    generator.generate_tags = _noop
    generator.generate_categories = _noop
    generator.generate_authors = _noop


class ArchivePagesGenerator(Generator):
    def generate_context(self) -> None:
        articles = self.context.get("articles", [])
        dated = [a for a in articles if not getattr(a, "undated", False)]
        undated_articles = [a for a in articles if getattr(a, "undated", False)]
        # newest first, undated last
        self.articles = dated + undated_articles
        self.sections = group_sections(self.articles)
        self.authors = group_authors(self.articles)
        self.tags = group_tags(self.articles)
        self.years, self.undated = group_months(self.articles)
        self.context.update(
            news_sections=self.sections,
            news_authors=self.authors,
            news_tags=self.tags,
            news_years=self.years,
            news_undated=self.undated,
        )

    def _write_list(self, write, template: str, group: Group, per_page: int) -> None:
        chunks = paginate(group.articles, per_page)
        for number, chunk in enumerate(chunks, 1):
            url = group.url if number == 1 else f"{group.url}page/{number}/"
            write(
                url + "index.html",
                self.get_template(template),
                self.context,
                group=group,
                articles_page=chunk,
                pagination={
                    "number": number,
                    "count": len(chunks),
                    "prev_url": None
                    if number == 1
                    else (
                        group.url if number == 2 else f"{group.url}page/{number - 1}/"
                    ),
                    "next_url": f"{group.url}page/{number + 1}/"
                    if number < len(chunks)
                    else None,
                },
                url=url,
                template_name=template,
            )

    def _write_feed(self, writer, group: Group, title: str) -> None:
        items = [a for a in group.articles if not getattr(a, "undated", False)]
        writer.write_feed(
            items[: self.settings.get("FEED_MAX_ITEMS") or 50],
            self.context,
            group.feed_url,
            group.feed_url,
            feed_title=title,
        )

    def generate_output(self, writer) -> None:
        write = partial(writer.write_file, relative_urls=self.settings["RELATIVE_URLS"])
        per_page = self.settings.get("DEFAULT_PAGINATION") or 20
        site = self.settings["SITENAME"]

        front = Group(site, "", self.articles, kind="front")
        self._write_list(write, "index", front, per_page)
        self._write_feed(writer, front, site)

        for template, url, items in (
            ("sections", "section/", self.sections),
            ("authors", "author/", self.authors),
            ("tags", "tag/", self.tags),
            ("archives", "archive/", self.years),
        ):
            write(
                url + "index.html",
                self.get_template(template),
                self.context,
                groups=items,
                url=url,
                template_name=template,
            )

        for section in self.sections:
            self._write_list(write, "group", section, per_page)
            self._write_feed(writer, section, f"{site}: {section.name}")
            for sub in section.children:
                self._write_list(write, "group", sub, per_page)
        for group, label in [(a, "") for a in self.authors] + [
            (t, "Tag: ") for t in self.tags
        ]:
            self._write_list(write, "group", group, per_page)
            self._write_feed(writer, group, f"{site}: {label}{group.name}")
        for year in self.years:
            self._write_list(write, "group", year, per_page)
            for month in year.children:
                self._write_list(write, "group", month, per_page)
        if self.undated.articles:
            self._write_list(write, "group", self.undated, per_page)


def add_filters(generator) -> None:
    generator.env.filters["jsonld"] = jsonld_filter


def get_generators(pelican):
    return ArchivePagesGenerator


def register() -> None:
    signals.article_generator_init.connect(disable_quadratic_writers)
    signals.get_generators.connect(get_generators)
    signals.generator_init.connect(add_filters)
