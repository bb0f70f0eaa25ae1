"""Every place the project relies on Pelican (and Jinja, MarkupSafe,
feedgenerator) beyond their signals and public classes.

`check()` runs when the plugins register: if a name listed in SEAMS is gone
(a Pelican release changed it), the build stops with a message naming the
supported versions, instead of failing later or giving a wrong site. Each
entry says why the name is used.
"""

from __future__ import annotations

import importlib
import inspect
import os
from typing import Any

import jinja2.runtime
import markupsafe
from feedgenerator import Atom1Feed
from markupsafe import Markup
from pelican import __version__ as pelican_version
from pelican.contents import Article
from pelican.writers import FileOverwriteFailedError, Writer

SUPPORTED = "Pelican 4.12 (4.12.0 to 4.12.x)"

# (module, attribute path, why)
SEAMS: list[tuple[str, str, str]] = [
    (
        "pelican.contents",
        "Content._update_content",
        "a raw article's body is made when a page shows it: Pelican's own "
        "link replacement is applied to it then",
    ),
    (
        "pelican.contents",
        "Content.get_content",
        "raw articles read their body from the corpus (Pelican checks for a "
        "`_get_content` hook), and keep no copy of it (get_content is "
        "memoized per article)",
    ),
    (
        "pelican.cache",
        "FileStampDataCacher._get_file_stamp",
        "with its cache off, Pelican still stats every source file twice: "
        "the stamp is skipped",
    ),
    (
        "pelican.writers",
        "Writer._open_w",
        "pages are written to a buffer and saved only when their bytes "
        "change, with Pelican's rules for a file written twice",
    ),
    (
        "pelican.writers",
        "Writer._add_item_to_the_feed",
        "an Atom entry credits every author, not only the first",
    ),
    (
        "pelican.writers",
        "Writer._create_new_feed",
        "Atom feeds are written by news_speed.atom, the same bytes faster",
    ),
    (
        "pelican.readers",
        "Readers.read_file",
        "a raw article kept from the last build is used instead of a new "
        "one, and raw articles (typogrified in the extraction workers) are "
        "read with TYPOGRIFY off",
    ),
    (
        "pelican.generators",
        "ArticlesGenerator.generate_tags",
        "tag, category and author pages are written by news_pages (Pelican's "
        "own take time in proportion to the square of the archive)",
    ),
    (
        "pelican.generators",
        "ArticlesGenerator.generate_categories",
        "as generate_tags",
    ),
    (
        "pelican.generators",
        "ArticlesGenerator.generate_authors",
        "as generate_tags",
    ),
    (
        "jinja2.runtime",
        "escape",
        "templates escape with escape() below: the same Markup, made faster",
    ),
    (
        "markupsafe",
        "_escape_inner",
        "escape() below: markupsafe.escape without Markup's Python __new__",
    ),
]


# attributes Pelican sets on its objects: (module, class, attribute, why),
# checked in the class's source
INSTANCE_SEAMS: list[tuple[str, str, str, str]] = [
    (
        "pelican.writers",
        "Writer",
        "_written_files",
        "BufferedWriter._open_w keeps Pelican's rules for a file written twice",
    ),
    ("pelican.writers", "Writer", "_overridden_files", "as _written_files"),
    (
        "pelican.cache",
        "FileDataCacher",
        "_cache_data_policy",
        "skip_unused_stamps: whether Pelican's content cache is in use",
    ),
    ("pelican.cache", "FileDataCacher", "_cache", "as _cache_data_policy"),
    (
        "pelican.contents",
        "Content",
        "_context",
        "kept articles refer to the build's shared context, not a copy",
    ),
    (
        "pelican.contents",
        "Content",
        "_content",
        "a raw article's `_content` is its body, made when asked",
    ),
]


class SeamMissing(SystemExit):
    """Raised by check(): Pelican would otherwise log it and go on."""


def _find(module: str, path: str) -> bool:
    try:
        value: Any = importlib.import_module(module)
    except ImportError:
        return False
    for part in path.split("."):
        if not hasattr(value, part):
            return False
        value = getattr(value, part)
    return True


def _sets(module: str, cls: str, attribute: str) -> bool:
    try:
        source = inspect.getsource(getattr(importlib.import_module(module), cls))
    except (ImportError, AttributeError, OSError, TypeError):
        return False
    return f"self.{attribute} =" in source


def missing() -> list[str]:
    """The names in SEAMS and INSTANCE_SEAMS that are not there."""
    gone = [f"{m}.{p}" for m, p, _ in SEAMS if not _find(m, p)]
    gone += [f"{m}.{c}.{a}" for m, c, a, _ in INSTANCE_SEAMS if not _sets(m, c, a)]
    return gone


def check() -> None:
    """Stop the build if a name the project relies on is gone."""
    if gone := missing():
        raise SeamMissing(
            f"News Archive supports {SUPPORTED}; this is Pelican "
            f"{pelican_version}, which lacks {', '.join(gone)}. Install the "
            "versions pinned in requirements.txt (make venv)."
        )


# contents ------------------------------------------------------------------


class LazyArticle(Article):
    """An article whose body is made by `body_html()` each time a page or
    feed shows it; Pelican keeps no copy. `_content`, which plugins read and
    may set, is that body (Pelican sets it to "" when the article is made)."""

    __slots__ = ("body",)  # a body set by a plugin

    def body_html(self) -> str:
        raise NotImplementedError

    def _get_content(self) -> str:  # Pelican's hook for content kept elsewhere
        if (body := getattr(self, "body", None)) is not None:
            return body
        return self.body_html()

    @property
    def _content(self) -> str:
        return self._get_content()

    @_content.setter
    def _content(self, value: str) -> None:
        if value:
            self.body = value

    def get_content(self, siteurl: str) -> str:  # not memoized
        return self._update_content(self._get_content(), siteurl)


def content_html(content: Any) -> str:
    """The HTML of an article or page as read (before links are replaced)."""
    if hasattr(content, "_get_content"):
        return content._get_content() or ""
    return content._content or ""


def context_of(content: Any) -> dict:
    """The shared context an article or page was made with."""
    return content._context


def state_of(obj: Any) -> dict[str, Any]:
    """An object's attributes, those held in slots too (see restore)."""
    got = dict(vars(obj))
    for cls in type(obj).__mro__:
        for name in getattr(cls, "__slots__", ()):
            if name not in got and hasattr(obj, name):
                got[name] = getattr(obj, name)
    return got


def restore(cls: type, state: dict[str, Any]) -> Any:
    """An instance of `cls` with `state` (attributes, those in slots too),
    without running __init__ (or sending content_object_init again)."""
    obj = cls.__new__(cls)
    for name, value in state.items():
        setattr(obj, name, value)
    return obj


def skip_unused_stamps(cacher: Any) -> None:
    """Pelican's content cache takes each source file's modification time
    when it reads the file and when it stores the result, even with the
    cache off; then no stamp is ever compared, so none is taken."""
    if not cacher._cache_data_policy and not cacher._cache:
        cacher._get_file_stamp = lambda filename: None


def wrap_read_file(readers: Any, wrap: Any) -> None:
    """readers.read_file = wrap(the original read_file)."""
    readers.read_file = wrap(readers.read_file)


# writing -------------------------------------------------------------------


class BufferedWriter(Writer):
    """Pelican's Writer, whose files are opened by `open_buffer(name,
    encoding)`, whose Atom feeds are of class `atom_class`, and whose feed
    entries carry every author (`co_authors` after the first)."""

    atom_class: type | None = None

    def open_buffer(self, filename: str, encoding: str) -> Any:
        raise NotImplementedError

    def _open_w(self, filename, encoding, override=False):
        # Pelican's rules for writing one file twice, then a buffer
        if filename in self._overridden_files:
            if override:
                raise FileOverwriteFailedError(f"{filename} overwritten twice")
            return open(os.devnull, "w", encoding=encoding)
        if filename in self._written_files and not override:
            raise FileOverwriteFailedError(f"{filename} written twice")
        if override:
            self._overridden_files.add(filename)
        self._written_files.add(filename)
        return self.open_buffer(filename, encoding)

    def _add_item_to_the_feed(self, feed, item):
        super()._add_item_to_the_feed(feed, item)  # credits item.author
        feed.items[-1]["co_authors"] = [
            a.name for a in getattr(item, "authors", [])[1:]
        ]

    def _create_new_feed(self, feed_type, feed_title, context):
        feed = super()._create_new_feed(feed_type, feed_title, context)
        if self.atom_class is not None and type(feed) is Atom1Feed:
            feed.__class__ = self.atom_class  # the same feed, written faster
        return feed


def escape(value: object) -> Markup:
    """markupsafe.escape, which Jinja calls for each `{{ }}` of a page (a
    hundred or so): the same Markup, made for a plain str without Markup's
    Python `__new__`, which costs nine times the escaping itself."""
    if type(value) is str:
        return str.__new__(Markup, markupsafe._escape_inner(value))
    return markupsafe.escape(value)


def install_escape() -> None:
    """What templates compiled from now on call to escape."""
    jinja2.runtime.escape = escape
