"""Article objects kept from the last build.

Pelican builds an Article for every raw file on every build: its metadata
processed, its dates, paths and URL worked out, about 0.25 ms a file. An
article whose content digest (its cached extraction, URL and tag
spellings: see reader.py) is the last build's, under the same build digest
(settings, code, theme, versions: see news_build.inputs), is restored from
the state it had then instead.

States are taken when the articles are all read (before any plugin links
them to each other) and kept in 256 files by a hash of the file's path, so
a few new files rewrite only a few of them. Settings, the shared context
and the Tag, Author and Category objects are not stored: they are the
current build's. Pelican's `article_generator_preread`,
`article_generator_context` and `content_object_init` signals are not sent
again for a restored article (what the project's receivers did to it then
is kept); while a plugin from outside the project is loaded, no article is
restored (reader._kept).
"""

from __future__ import annotations

import hashlib
import io
import logging
import pickle
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, BinaryIO

from pelican.urlwrappers import URLWrapper

from news_build.pelican_seams import context_of
from news_build.pelican_seams import state_of as attributes
from newsarchive import store

logger = logging.getLogger(__name__)

# the metadata name that makes each kind of wrapper (see RawArticleReader._process)
WRAPPERS = {"Category": "category", "Author": "author", "Tag": "tag"}


def shard(rel: str) -> str:
    return hashlib.sha1(rel.encode("utf-8", "surrogatepass")).hexdigest()[:2]


class _Pickler(pickle.Pickler):
    def __init__(self, file: BinaryIO, live: dict[int, str]) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self.live = live

    def persistent_id(self, obj: Any) -> Any:
        if id(obj) in self.live:
            return self.live[id(obj)]
        if isinstance(obj, URLWrapper) and type(obj).__name__ in WRAPPERS:
            return (type(obj).__name__, obj.name)
        return None


class _Unpickler(pickle.Unpickler):
    def __init__(self, file: io.BufferedReader, live: dict[Any, Any], wrap) -> None:
        super().__init__(file)
        self.live, self.wrap = live, wrap  # live: also each wrapper looked up

    def persistent_load(self, pid: Any) -> Any:
        got = self.live.get(pid)
        if got is None:
            kind, name = pid
            got = self.live[pid] = self.wrap(WRAPPERS[kind], name)
        return got


class KeptArticles:
    """States by relative path, each with the content digest it was kept under."""

    def __init__(self, folder: Path | None, salt: str) -> None:
        self.folder, self.salt = folder, salt
        self.loaded = False
        self.states: dict[str, tuple[str, dict]] = {}
        self.names: dict[str, set[str]] = {}  # shard -> paths kept in it
        self.restored: set[str] = set()

    def load(self, settings: dict, context: dict, wrap: Callable) -> None:
        """Read the kept states. `settings` and `context`: the objects the
        articles refer to; `wrap(kind, name)`: the build's Tag, Author or
        Category for a name."""
        self.loaded = True
        if self.folder is None or not self.folder.is_dir():
            return
        live: dict[Any, Any] = {"settings": settings, "context": context}
        for path in self.folder.glob("??.pickle"):
            states = store.load(path, self.salt, lambda fh: _Unpickler(fh, live, wrap))
            if not isinstance(states, dict):
                continue
            self.states.update(states)
            self.names[path.stem] = set(states)

    def take(self, rel: str, digest: str | None) -> dict | None:
        """The state kept for `rel` if it was kept under `digest`."""
        got = self.states.pop(rel, None)
        if got is None or digest is None or got[0] != digest:
            return None
        self.restored.add(rel)
        return got[1]

    def save(self, articles: Iterable[Any], settings: dict, context: dict) -> None:
        """Keep the states of `articles` (raw articles, as read, referring
        to `settings` and `context`); rewrite only the files with a new,
        changed or removed article."""
        self.states.clear()
        if self.folder is None:
            return
        new: dict[str, dict[str, Any]] = {}
        for a in articles:
            if a.settings is settings and context_of(a) is context:
                new.setdefault(shard(a.raw_source), {})[a.raw_source] = a
        live = {id(settings): "settings", id(context): "context"}
        self.folder.mkdir(parents=True, exist_ok=True)
        for name in new.keys() | self.names.keys():
            items = new.get(name, {})
            if items.keys() == self.names.get(name) and self.restored.issuperset(items):
                continue
            path = self.folder / f"{name}.pickle"
            if not items:
                path.unlink(missing_ok=True)
                continue
            states = {rel: (a.extraction, attributes(a)) for rel, a in items.items()}
            store.keep(path, self.salt, states, lambda fh: _Pickler(fh, live))
