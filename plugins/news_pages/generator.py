"""Write the archive's index pages and feeds.

Pelican's own tag, category and author writers scan every article for every
tag (O(N^2)); this generator replaces them with one O(N) grouping pass.
"""

from __future__ import annotations

import logging
from functools import partial
from itertools import islice
from pathlib import Path
from urllib.parse import urlsplit
from xml.sax.saxutils import escape

from markupsafe import escape as html_escape
from pelican import signals
from pelican.generators import Generator

from news_pages.dedent import Dedent
from news_pages.groups import (
    Group,
    by_letter,
    group_authors,
    group_months,
    group_sections,
    group_tags,
    neighbours,
    page_labels,
    page_links,
    page_url,
    paginate,
    related_articles,
    sitemap_chunks,
    slugify_simple,
    tag_cloud,
)
from news_pages.jsonld import jsonld_filter
from news_pages.memo import make_memo

logger = logging.getLogger(__name__)


def site_path(siteurl: str) -> str:
    """The path of SITEURL, without its last slash: "" for a domain root,
    "/repo" for https://user.github.io/repo."""
    return urlsplit(siteurl).path.rstrip("/")


def shorten(text: str, width: int = 240) -> str:
    """`text` cut at the last space before `width` characters, with "..."
    (as the theme's teasers, Jinja's truncate); whole if it is at most five
    characters longer."""
    if len(text) <= width + 5:
        return text
    cut = text[: width - 3]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut) + "..."


class SummaryOnly:
    """An article as an entry of a summary-only feed: Pelican's feed writer
    puts what get_content gives in the entry's <content>, and the summary in
    its <summary>; here there is no content (an Atom entry with a summary and
    a link needs none), and the summary is the teaser's: the first
    paragraph's text, cut to 240 characters."""

    def __init__(self, article) -> None:
        self._article = article

    def __getattr__(self, name: str):
        return getattr(self._article, name)

    @property
    def summary(self) -> str:
        text = self._article.metadata.get("plain_summary")
        if text is None:
            return self._article.summary
        return str(html_escape(shorten(text)))

    def get_content(self, siteurl: str) -> None:
        return None


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
        related = related_articles(self.articles)
        for section in self.sections:
            around = neighbours(section)
            subs = {sub.url: sub for sub in section.children}
            for a in section.articles:
                a.newer_in_section, a.older_in_section = around[id(a)]
                a.section_group = section
                name = getattr(a, "subsection", None)
                a.subsection_group = (
                    name and subs[section.url + slugify_simple(name) + "/"]
                )
        for a in self.articles:
            a.related = related[id(a)]
        months = [m for year in self.years for m in year.children]  # newest first
        for i, month in enumerate(months):
            month.newer = months[i - 1] if i > 0 else None
            month.older = months[i + 1] if i + 1 < len(months) else None
        self.context.update(
            # links within the site: root-relative, as the path of SITEURL
            # (the scheme and host on every link were a tenth of a page)
            SITEPATH=site_path(self.settings.get("SITEURL", "")),
            news_sections=self.sections,
            # the masthead's links, as a plain value it can be memoised by
            news_nav=tuple((s.name, s.url) for s in self.sections),
            news_authors=self.authors,
            news_tags=self.tags,
            news_years=self.years,
            news_undated=self.undated,
            news_author_letters=by_letter(self.authors),
            news_tag_letters=by_letter(self.tags),
            news_tag_cloud=tag_cloud(self.tags),
            # the years (and Undated) as plain links, for list pages' asides:
            # their render keys change only when a year is added
            news_archive_links=[{"name": y.name, "url": y.url} for y in self.years]
            + (
                [{"name": "Undated", "url": self.undated.url}]
                if self.undated.articles
                else []
            ),
        )

    def _view(self, group: Group, first: bool) -> dict:
        """What a list page shows of its group, as plain values.

        The render key of a page covers what it is passed (news_speed), so a
        numbered page gets nothing that changes when newer articles are added:
        no count, no children; only the first page has those.
        """

        def link(g: Group | None) -> dict | None:
            return None if g is None else {"name": g.name, "url": g.url}

        view = {
            "name": group.name,
            "url": group.url,
            "kind": group.kind,
            "feed_url": group.feed_url,
            "parent": link(group.parent),
            "newer": link(getattr(group, "newer", None)),
            "older": link(getattr(group, "older", None)),
            "count": None,
            "children": [],
        }
        if first:
            view["count"] = group.count
            view["children"] = [
                {"name": c.name, "url": c.url, "count": c.count} for c in group.children
            ]
        return view

    def _write_list(
        self, write, template: str, group: Group, per_page: int, name: str = ""
    ) -> None:
        """The group's first page with `template`, its numbered pages with
        group.html; `name` stands for the group in numbered pages' titles."""
        first, pages = paginate(group.articles, per_page)
        labels = page_labels(pages)
        for number, chunk in [(0, first)] + list(enumerate(pages, 1)):
            url = page_url(group.url, number)
            newer, older = page_links(number, len(pages))
            if number == 0:
                title = group.name
            elif group is self.undated:
                title = labels[number - 1].capitalize()
            else:
                title = f"{name or group.name}: {labels[number - 1]}"
            page_template = template if number == 0 else "group"
            write(
                url + "index.html",
                self.get_template(page_template),
                self.context,
                group=self._view(group, number == 0),
                articles_page=chunk,
                pagination={
                    "number": number,
                    "title": title,
                    "newer_url": None if newer is None else page_url(group.url, newer),
                    "older_url": None if older is None else page_url(group.url, older),
                },
                url=url,
                page_url=url,  # `url` is the writer's own argument
                template_name=page_template,
            )

    def _write_feed(
        self,
        writer,
        group: Group,
        title: str | None,
        setting: str = "FEED_MAX_ITEMS",
        summaries: bool = False,
    ) -> None:
        """The group's newest dated articles, as many as `setting` says;
        with `summaries`, each one's summary and not its whole text."""
        limit = self.settings.get(setting) or 50
        dated = (a for a in group.articles if not getattr(a, "undated", False))
        items = list(islice(dated, limit))
        writer.write_feed(
            [SummaryOnly(a) for a in items] if summaries else items,
            self.context,
            group.feed_url,
            group.feed_url,
            # Pelican strips tags from feed titles: escape so names stay whole
            feed_title=html_escape(title) if title else None,
        )

    def generate_output(self, writer) -> None:
        write = partial(writer.write_file, relative_urls=self.settings["RELATIVE_URLS"])
        per_page = self.settings.get("DEFAULT_PAGINATION") or 20
        # headline lists (subsection, author, tag and date pages)
        per_list = self.settings.get("NEWS_LIST_PAGINATION") or per_page
        site = self.settings["SITENAME"]

        front = Group(site, "", self.articles, kind="front")
        self._write_list(write, "index", front, per_page, "All articles")
        self._write_feed(writer, front, None)

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
                page_url=url,  # `url` is the writer's own argument
                template_name=template,
            )

        for section in self.sections:
            self._write_list(write, "group", section, per_page)
            self._write_feed(writer, section, section.name)
            for sub in section.children:
                self._write_list(write, "group", sub, per_list)
        for group, label in [(a, "") for a in self.authors] + [
            (t, "Tag: ") for t in self.tags
        ]:
            self._write_list(write, "group", group, per_list)
            self._write_feed(
                writer,
                group,
                f"{label}{group.name}",
                "NEWS_GROUP_FEED_MAX_ITEMS",
                summaries=True,
            )
        for year in self.years:
            self._write_list(write, "group", year, per_list)
            for month in year.children:
                self._write_list(write, "group", month, per_list)
        if self.undated.articles:
            self._write_list(write, "group", self.undated, per_list)

        write(
            "search/index.html",
            self.get_template("search"),
            self.context,
            url="search/",
            page_url="search/",
            template_name="search",
        )
        self._write_sitemap()

    def _site_urls(self) -> list[tuple[str, str]]:
        """(url, lastmod) of every page worth listing, relative to the site root."""
        urls = [("", "")]
        for a in self.articles:
            day = "" if getattr(a, "undated", False) else a.date.date().isoformat()
            urls.append((a.url, day))
        urls += [(p.url, "") for p in self.context.get("pages", [])]
        urls += [(u, "") for u in ("section/", "author/", "tag/", "archive/")]
        for section in self.sections:
            urls += [(section.url, "")] + [(s.url, "") for s in section.children]
        urls += [(g.url, "") for g in self.authors + self.tags]
        for year in self.years:
            urls += [(year.url, "")] + [(m.url, "") for m in year.children]
        if self.undated.articles:
            urls.append((self.undated.url, ""))
        return urls

    def _write_sitemap(self) -> None:
        out = Path(self.output_path)
        site = self.settings.get("SITEURL", "")
        head = '<?xml version="1.0" encoding="UTF-8"?>\n'
        ns = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'

        def urlset(rows: list[tuple[str, str]]) -> str:
            body = "".join(
                f"<url><loc>{escape(f'{site}/{url}')}</loc>"
                + (f"<lastmod>{day}</lastmod>" if day else "")
                + "</url>\n"
                for url, day in rows
            )
            return f"{head}<urlset {ns}>\n{body}</urlset>\n"

        limit = self.settings.get("NEWS_SITEMAP_LIMIT") or 50000  # the protocol's cap
        chunks = sitemap_chunks(self._site_urls(), limit)
        if len(chunks) == 1:
            (out / "sitemap.xml").write_text(urlset(chunks[0]), encoding="utf-8")
        else:
            names = [f"sitemap-{n}.xml" for n in range(1, len(chunks) + 1)]
            for name, chunk in zip(names, chunks, strict=True):
                (out / name).write_text(urlset(chunk), encoding="utf-8")
            body = "".join(
                f"<sitemap><loc>{escape(f'{site}/{name}')}</loc></sitemap>\n"
                for name in names
            )
            (out / "sitemap.xml").write_text(
                f"{head}<sitemapindex {ns}>\n{body}</sitemapindex>\n", encoding="utf-8"
            )
        (out / "robots.txt").write_text(
            f"User-agent: *\nAllow: /\nSitemap: {site}/sitemap.xml\n", encoding="utf-8"
        )


def add_filters(generator) -> None:
    generator.env.add_extension(Dedent)
    generator.env.filters["jsonld"] = jsonld_filter
    generator.env.globals["memo"] = make_memo()  # a new one for each build


def get_generators(pelican):
    return ArchivePagesGenerator


def register() -> None:
    signals.article_generator_init.connect(disable_quadratic_writers)
    signals.get_generators.connect(get_generators)
    signals.generator_init.connect(add_filters)
