"""What an article's address says: its date and its section, for outlets
no profile knows (`/2019/11/19/`, `/politics/elections/story-slug`)."""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlsplit

_URL_SECTION = re.compile(r"[a-z]{2,}(?:-[a-z]{2,}){0,2}", re.IGNORECASE)
# path parts that name no section: `/news/article/...`, `/en-us/...`
_URL_NOT_SECTION = frozenset(
    "news article articles story stories amp en en-us content post posts "
    "blog blogs p a id view index html php www".split()
)


_URL_DATES = (
    # `/2019/11/19/`, `/2019-11-19-`
    re.compile(r"/((?:19|20)\d\d)[/-]([01]?\d)[/-]([0-3]?\d)(?=[/\-_.]|$)"),
    # written as one number: `/20191119/`, `/20191119-story`, `/2019/1119/`,
    # `/20191119.html`
    re.compile(r"/((?:19|20)\d\d)/?([01]\d)([0-3]\d)(?=[/\-_.]|$)"),
)


def url_date(url: str) -> date | None:
    """The date in an article's address: `/2019/11/19/`, `/2019-11-19-`,
    `/20191119/`, `/20191119.html` or `/2019/1119/`."""
    path = urlsplit(url).path
    for pattern in _URL_DATES:
        if m := pattern.search(path):
            try:
                return date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                continue  # (not a day: an article's number)
    return None


def url_section(url: str) -> tuple[str | None, str | None]:
    """(section, subsection) from the folders of an article's address:
    `https://example.com/politics/elections/some-story-slug` gives
    (`Politics`, `Elections`). Folders after one that looks like the
    article's own (digits, a dot, a long slug) are not read."""
    path = urlsplit(url).path
    folders = [part for part in path.split("/") if part][:-1]  # not the page
    found: list[str] = []
    for part in folders:
        if not _URL_SECTION.fullmatch(part) or len(part) > 30:
            break
        if part.lower() not in _URL_NOT_SECTION:
            name = part.replace("-", " ")
            found.append(name.upper() if len(name) <= 3 else name.title())
    found += [None, None]
    return found[0], found[1]
