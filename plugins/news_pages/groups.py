"""Group articles into sections, authors, tags and months: pure and O(N)."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from operator import neg
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
    # the section of a subsection
    parent: Group | None = field(default=None, repr=False, compare=False)

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
        if category is None or not category.slug:
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
                sub = Group(
                    sub_name,
                    f"{section.url}{sub_slug}/",
                    kind="subsection",
                    parent=section,
                )
                subs[category.slug][sub_slug] = sub
            sub.articles.append(a)
    for slug, section in sections.items():
        section.children = _by_name(subs[slug])
    return _by_name(sections)


def group_authors(articles: list[Any]) -> list[Group]:
    authors: dict[str, Group] = {}
    for a in articles:
        for author in getattr(a, "authors", ()):
            if not author.slug:
                continue
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
            if not tag.slug:
                continue
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


@lru_cache(maxsize=4096)  # a few hundred subsections, each seen per article
def slugify_simple(text: str) -> str:
    return slugify(text) or "other"


def paginate(items: list[Any], per_page: int) -> tuple[list[Any], list[list[Any]]]:
    """A group's pages: (its first page, its numbered pages 1..F).

    `items` are newest first. Numbered pages are fixed runs of `per_page`
    items counted from the oldest: page 1 holds the oldest `per_page`, page 2
    the next, each newest first like `items`. The first page holds the rest,
    the newest n - F * per_page items, with F = max(n // per_page - 1, 0):
    between per_page and 2 * per_page - 1 of them once n >= per_page, all of
    them before. Adding newer items never changes a numbered page; a new one
    appears only when n reaches a multiple of per_page.
    """
    if per_page < 1:
        raise ValueError(f"per_page must be at least 1, not {per_page}")
    n = len(items)
    numbered = max(n // per_page - 1, 0)
    first = items[: n - numbered * per_page]
    pages = [
        items[n - k * per_page : n - (k - 1) * per_page] for k in range(1, numbered + 1)
    ]
    return first, pages


def page_url(group_url: str, number: int) -> str:
    """The URL of a group's page: its own for 0, `…/page/<number>/` otherwise."""
    return group_url if number == 0 else f"{group_url}page/{number}/"


def page_links(number: int, numbered: int) -> tuple[int | None, int | None]:
    """(newer, older) page numbers around page `number` (0: the first page)
    of a group with `numbered` numbered pages; None where there is none."""
    if number == 0:
        return None, numbered or None
    newer = 0 if number == numbered else number + 1
    return newer, number - 1 or None


def date_range(newest: date, oldest: date) -> str:
    """Dates from `oldest` to `newest`: '3 March – 28 March 2019',
    '28 December 2018 – 3 January 2019', or '3 March 2019' for one day."""

    def day(d: date, year: bool = True) -> str:
        return f"{d.day} {MONTHS[d.month - 1]}" + (f" {d.year}" if year else "")

    if (newest.year, newest.month, newest.day) == (
        oldest.year,
        oldest.month,
        oldest.day,
    ):
        return day(newest)
    return f"{day(oldest, oldest.year != newest.year)} \u2013 {day(newest)}"


def chunk_label(chunk: list[Any]) -> str:
    """What a numbered page holds (articles newest first, undated last)."""
    dated = [a for a in chunk if not getattr(a, "undated", False)]
    if not dated:
        return "undated articles"
    label = date_range(dated[0].date, dated[-1].date)
    return label if len(dated) == len(chunk) else f"{label} and undated articles"


def page_labels(pages: list[list[Any]]) -> list[str]:
    """A label for each numbered page (page 1 first): the dates it covers, and
    ', part j' for the j-th page in a row covering the same dates. A label
    depends only on its page and the older ones, so it never changes."""
    labels: list[str] = []
    previous, run = None, 0
    for chunk in pages:
        label = chunk_label(chunk)
        run = run + 1 if label == previous else 1
        previous = label
        labels.append(label if run == 1 else f"{label}, part {run}")
    return labels


def by_letter(groups: list[Group]) -> list[tuple[str, list[Group]]]:
    """Groups (sorted by name) under their initial letter, A-Z; others under '#'."""
    letters: dict[str, list[Group]] = {}
    for g in groups:
        first = g.name[:1].upper()
        key = first if "A" <= first <= "Z" else "#"
        letters.setdefault(key, []).append(g)
    return sorted(letters.items(), key=lambda kv: (kv[0] == "#", kv[0]))


def tag_cloud(
    tags: list[Group], limit: int = 30, steps: int = 5
) -> list[tuple[Group, int]]:
    """The `limit` most used tags, most used first, each with a weight 1..steps."""
    top = sorted(tags, key=lambda g: (-g.count, g.name.lower()))[:limit]
    if not top:
        return []
    low, high = top[-1].count, top[0].count
    span = max(high - low, 1)
    return [(g, 1 + (g.count - low) * (steps - 1) // span) for g in top]


def related_articles(
    articles: list[Any], k: int = 4, window: int = 12
) -> dict[int, list[Any]]:
    """For each article (by id), up to k others sharing tags or its section.

    Candidates come only from the `window` articles nearest in date in each of
    the article's tag and section lists, so the work is O(N * k), not O(N^2).
    Score: 2 per shared tag (4 for a tag of at most `window` articles), 1 for
    the same section; newer first on ties.
    """
    # articles by their place in `articles`, so that place breaks ties
    lists: dict[tuple[str, str], list[int]] = defaultdict(list)
    keys_of: list[list[tuple[str, str]]] = []
    for n, a in enumerate(articles):  # newest first, so each list is too
        keys = [("tag", t.slug) for t in getattr(a, "tags", ())]
        if getattr(a, "category", None) is not None:
            keys.append(("section", a.category.slug))
        for key in keys:
            lists[key].append(n)
        keys_of.append(keys)
    position: dict[tuple[str, str], dict[int, int]] = {
        key: {n: i for i, n in enumerate(items)} for key, items in lists.items()
    }
    weights = {
        key: 1 if key[0] == "section" else 4 if len(items) <= window else 2
        for key, items in lists.items()
    }
    half = window // 2
    out: dict[int, list[Any]] = {}
    for n, a in enumerate(articles):
        near: list[int] = []  # each neighbour `weight` times, counted in C
        for key in keys_of[n]:
            items, i = lists[key], position[key][n]
            near += items[max(0, i - half) : i + half + 1] * weights[key]
        scores = Counter(near)
        scores.pop(n, None)
        best = sorted(zip(map(neg, scores.values()), scores, strict=True))[:k]
        out[id(a)] = [articles[m] for _, m in best]
    return out


def neighbours(group: Group) -> dict[int, tuple[Any, Any]]:
    """(newer, older) article for each article of a group, by id; None at the ends."""
    items = group.articles
    return {
        id(a): (
            items[i - 1] if i > 0 else None,
            items[i + 1] if i + 1 < len(items) else None,
        )
        for i, a in enumerate(items)
    }


def sitemap_chunks(urls: list[str], limit: int = 50000) -> list[list[str]]:
    """The site's URLs split into sitemap files of at most `limit` URLs each."""
    return [urls[i : i + limit] for i in range(0, len(urls), limit)] or [[]]
