"""Group articles into sections, authors, tags and months: pure and O(N)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from newsarchive.slugs import slugify

MONTHS = (
    "January February March April May June July August September October "
    "November December"
).split()


@dataclass
class Group:
    """A set of articles with its own pages: a section, an author, a tag..."""

    name: str
    url: str  # folder URL, relative to the site root, ending in "/"
    articles: list[Any] = field(default_factory=list)
    children: list[Group] = field(default_factory=list)
    kind: str = ""

    @property
    def count(self) -> int:
        return len(self.articles)

    @property
    def feed_url(self) -> str:
        return self.url + "feed.xml"


def _by_name(groups: dict[str, Group]) -> list[Group]:
    return sorted(groups.values(), key=lambda g: g.name.lower())


def group_sections(articles: list[Any]) -> list[Group]:
    """Sections with their subsections; `articles` newest first."""
    sections: dict[str, Group] = {}
    subs: dict[str, dict[str, Group]] = defaultdict(dict)
    for a in articles:
        category = getattr(a, "category", None)
        if category is None:
            continue
        section = sections.get(category.slug)
        if section is None:
            section = Group(category.name, f"section/{category.slug}/", kind="section")
            sections[category.slug] = section
        section.articles.append(a)
        sub_name = getattr(a, "subsection", None)
        if sub_name:
            sub_slug = slugify_simple(sub_name)
            sub = subs[category.slug].get(sub_slug)
            if sub is None:
                sub = Group(sub_name, f"{section.url}{sub_slug}/", kind="subsection")
                subs[category.slug][sub_slug] = sub
            sub.articles.append(a)
    for slug, section in sections.items():
        section.children = _by_name(subs[slug])
    return _by_name(sections)


def group_authors(articles: list[Any]) -> list[Group]:
    authors: dict[str, Group] = {}
    for a in articles:
        for author in getattr(a, "authors", ()):
            g = authors.get(author.slug)
            if g is None:
                g = authors[author.slug] = Group(
                    author.name, f"author/{author.slug}/", kind="author"
                )
            g.articles.append(a)
    return _by_name(authors)


def group_tags(articles: list[Any]) -> list[Group]:
    tags: dict[str, Group] = {}
    for a in articles:
        for tag in getattr(a, "tags", ()):
            g = tags.get(tag.slug)
            if g is None:
                g = tags[tag.slug] = Group(tag.name, f"tag/{tag.slug}/", kind="tag")
            g.articles.append(a)
    return _by_name(tags)


def group_months(articles: list[Any]) -> tuple[list[Group], Group]:
    """Years (newest first), each with its months as children; and Undated."""
    years: dict[int, Group] = {}
    months: dict[tuple[int, int], Group] = {}
    undated = Group("Undated", "archive/undated/", kind="month")
    for a in articles:
        if getattr(a, "undated", False):
            undated.articles.append(a)
            continue
        y, m = a.date.year, a.date.month
        if y not in years:
            years[y] = Group(str(y), f"archive/{y}/", kind="year")
        if (y, m) not in months:
            months[(y, m)] = Group(
                f"{MONTHS[m - 1]} {y}", f"archive/{y}/{m:02d}/", kind="month"
            )
            years[y].children.append(months[(y, m)])
        years[y].articles.append(a)
        months[(y, m)].articles.append(a)
    ordered = [years[y] for y in sorted(years, reverse=True)]
    for year in ordered:
        year.children.sort(key=lambda g: g.url, reverse=True)
    return ordered, undated


def slugify_simple(text: str) -> str:
    return slugify(text) or "other"


def paginate(items: list[Any], per_page: int) -> list[list[Any]]:
    if not items:
        return [[]]
    return [items[i : i + per_page] for i in range(0, len(items), per_page)]
