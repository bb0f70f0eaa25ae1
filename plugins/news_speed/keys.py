"""Render keys: a fingerprint of everything a page or feed shows.

A page's key covers what every page depends on (the build digest: see
news_build.inputs; with none, no page has a key), its output name and
template, every keyword the generator passed for it, and the
context variables its template (with everything it includes or extends)
names. Values are reduced to stable text:

- an article or page passed as the page's subject: its HTML, metadata and
  the attributes plugins set on it (`related`, neighbours...);
- an article in a list (teasers, feeds): its HTML and metadata, or the
  content digest it carries in their place (news_build.inputs.CONTENT_DIGEST,
  which news_reader gives raw articles);
- a group (section, author, tag, month) passed to the page: its name, URL,
  count and articles; a group reached from the context (`news_sections` on
  the front page): its name, URL and children only, as for navigation.

Only templates named in NEWS_RENDER_CACHE_TEMPLATES (article, group, page)
are skipped when their key is unchanged; other pages are always rendered
(and still written only when their bytes change).
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from typing import Any

from jinja2 import meta
from pelican.contents import Content
from pelican.urlwrappers import URLWrapper

from news_build.inputs import CONTENT_DIGEST
from news_build.pelican_seams import content_html
from news_build.pelican_seams import state_of as attributes

VERSION = "3"
CACHEABLE = ("article", "group", "page")
_SKIP_ATTRS = {"settings", "metadata", "translations", "date_format"}
_SIMPLE = {str, int, float, bool, type(None)}


def _is_group(value: Any) -> bool:
    return hasattr(value, "articles") and hasattr(value, "children")


def _plain(value: Any) -> str:
    """Stable text for a setting or a simple value."""
    if value is None or isinstance(value, str | int | float | bool):
        return repr(value)
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, list | tuple | set | frozenset):
        items = [_plain(v) for v in value]
        return "[" + ",".join(sorted(items) if isinstance(value, set) else items) + "]"
    if isinstance(value, dict):
        return (
            "{"
            + ",".join(
                f"{_plain(k)}:{_plain(v)}"
                for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))
            )
            + "}"
        )
    if isinstance(value, URLWrapper):
        return f"{type(value).__name__}({value.name}|{value.url})"
    text = repr(value)
    if " at 0x" in text or " object at " in text:
        return f"<{type(value).__module__}.{type(value).__qualname__}>"
    return text


def _sha(*parts: str) -> str:
    return hashlib.sha1("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


class RenderKeys:
    def __init__(
        self, settings: dict, salt: str | None, templates: dict | None = None
    ) -> None:
        """`salt`: what every page depends on (news_build.inputs), None: no
        page has a key. `templates`: the `template_info` of an earlier build,
        to reuse."""
        self.settings = settings
        self.cacheable = set(settings.get("NEWS_RENDER_CACHE_TEMPLATES", CACHEABLE))
        self.salt = salt
        self._content: dict[int, str] = {}
        self._subject: dict[int, str] = {}
        self._nav: dict[int, str] = {}
        self._group: dict[int, str] = {}
        self._globals: dict[str, str] = {}
        self._wrappers: dict[int, str] = {}
        self._uses: dict[tuple, list[str]] = {}
        self._names: dict[str, set[str] | None] = {}
        self.templates: dict[str, set[str]] = {}  # name -> it and those it uses
        # a template source's hash -> the names it uses and the templates it
        # includes or extends (working that out is the slow part)
        self.template_info: dict[str, tuple[frozenset, tuple]] = dict(templates or {})
        self.sources: set[str] = set()  # the hashes of the sources read

    # values ----------------------------------------------------------------

    def plain(self, v: Any) -> str:
        """_plain(v), each Tag, Author or Category worked out once."""
        if type(v) in _SIMPLE:
            return repr(v)
        if type(v) is list:
            return "[" + ",".join(map(self.plain, v)) + "]"
        if isinstance(v, URLWrapper):
            key = id(v)  # the objects live as long as this
            if key not in self._wrappers:
                self._wrappers[key] = _plain(v)
            return self._wrappers[key]
        return _plain(v)

    def content(self, c: Content) -> str:
        """An article or page as a list item: HTML and metadata (or what
        stands for them)."""
        key = id(c)
        if key not in self._content:
            plain, meta = self.plain, c.metadata
            parts = [c.url, c.save_as or "", str(c.status)]
            if CONTENT_DIGEST in meta:  # it stands for the HTML and metadata
                parts.append(meta[CONTENT_DIGEST])
            else:
                parts.append(content_html(c))
                for k in sorted(meta):
                    parts += (k, plain(meta[k]))
            self._content[key] = _sha(*parts)
        return self._content[key]

    def subject(self, c: Content) -> str:
        """An article or page as the page's subject: also what plugins added."""
        key = id(c)
        if key not in self._subject:
            attrs = attributes(c)  # those copied from metadata are in content()
            parts = [self.content(c)]
            for k in sorted(attrs.keys() - c.metadata.keys() - _SKIP_ATTRS):
                if k[0] != "_":
                    v = attrs[k]
                    parts += (k, repr(v) if type(v) in _SIMPLE else self.value(v, True))
            self._subject[key] = _sha(*parts)
        return self._subject[key]

    def group(self, g: Any, nav: bool) -> str:
        memo = self._nav if nav else self._group
        key = id(g)
        if key not in memo:
            children = [self.group(c, nav=True) for c in g.children]
            if nav:
                memo[key] = _sha("nav", g.kind, g.name, g.url, *children)
            else:
                counts = [f"{c.url}={len(c.articles)}" for c in g.children]
                items = [self.content(a) for a in g.articles]
                memo[key] = _sha(g.kind, g.name, g.url, *children, *counts, *items)
        return memo[key]

    def value(self, v: Any, nav: bool = False) -> str:
        if isinstance(v, Content):
            return self.content(v)
        if type(v) in _SIMPLE:
            return repr(v)
        if _is_group(v):
            return self.group(v, nav)
        if isinstance(v, (list, tuple)):
            return _sha("list", *(self.value(x, nav) for x in v))
        if isinstance(v, dict):
            return _sha(
                "dict",
                *(
                    f"{k}:{self.value(x, nav)}"
                    for k, x in sorted(v.items(), key=lambda kv: str(kv[0]))
                ),
            )
        return self.plain(v)

    # templates -------------------------------------------------------------

    def names(self, env: Any, name: str) -> set[str] | None:
        """Context names a template and those it includes or extends use."""
        if name not in self._names:
            found: set[str] = set()
            seen: set[str] = set()
            todo = [name]
            while todo:
                current = todo.pop()
                if current in seen:
                    continue
                seen.add(current)
                source = env.loader.get_source(env, current)[0]
                digest = hashlib.sha1(
                    source.encode("utf-8", "surrogatepass")
                ).hexdigest()
                self.sources.add(digest)
                if digest not in self.template_info:
                    ast = env.parse(source)
                    self.template_info[digest] = (
                        frozenset(meta.find_undeclared_variables(ast)),
                        tuple(meta.find_referenced_templates(ast)),
                    )
                used, referenced = self.template_info[digest]
                found |= used
                refs = list(referenced)
                if None in refs:
                    found = None  # type: ignore[assignment]
                    break
                todo.extend(refs)
            self._names[name] = found
            self.templates[name] = seen
        return self._names[name]

    def global_value(self, context: dict, name: str) -> str:
        if name not in self._globals:
            self._globals[name] = (
                self.value(context[name], nav=True) if name in context else "-"
            )
        return self._globals[name]

    # jobs ------------------------------------------------------------------

    def job_key(self, job: tuple[str, tuple, dict]) -> str | None:
        if self.salt is None:
            return None
        kind, args, kwargs = job
        if kind == "feed":
            elements, _context, *rest = args
            limit = self.settings.get("FEED_MAX_ITEMS")
            items = [self.content(e) for e in elements[:limit]]
            return _sha(self.salt, "feed", _plain(rest), _plain(kwargs), *items)
        name, template, context, *rest = args
        template_name = getattr(template, "name", None) or ""
        if template_name.rsplit(".", 1)[0] not in self.cacheable:
            return None
        used = self.names(template.environment, template_name)
        if used is None:
            return None
        parts = [self.salt, "file", name, template_name, _plain(rest)]
        for k, v in sorted(kwargs.items()):
            if isinstance(v, Content):
                parts.append(f"{k}={self.subject(v)}")
            else:
                parts.append(f"{k}={self.value(v)}")
        names = (template_name, *kwargs)  # the context names the template uses
        if names not in self._uses:
            self._uses[names] = [
                f"{n}={self.global_value(context, n)}"
                for n in sorted(used - kwargs.keys())
            ]
        return _sha(*parts, *self._uses[names])
