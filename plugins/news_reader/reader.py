"""A Pelican reader for raw article files (`*.txt` dumps, saved `*.html`
pages), and the build report.

The extraction itself lives in `newsarchive`; this module only hands its
records to Pelican and writes `build-report.json` once every raw file is read.
"""

from __future__ import annotations

import gc
import hashlib
import json
import locale
import logging
import os
import sys
from datetime import UTC, datetime
from functools import partial
from operator import attrgetter
from pathlib import Path

from pelican import __version__ as pelican_version
from pelican import signals
from pelican.contents import Article
from pelican.readers import BaseReader
from pelican.utils import order_content

from news_build.inputs import CONTENT_DIGEST
from news_build.options import cache_dir, workers
from news_build.pelican_seams import (
    LazyArticle,
    content_html,
    skip_unused_stamps,
    wrap_read_file,
)
from news_build.pelican_seams import restore as restore_object
from news_build.progress import Progress
from news_build.session import connect as connect_session
from news_build.session import session
from news_reader.kept import KeptArticles
from newsarchive.corpus import (
    PUBLISHED,
    RAW_SUFFIXES,
    Corpus,
    Entry,
    build_corpus,
    find_files,
    summary_html,
)

logger = logging.getLogger(__name__)

# Pelican needs a date on every article; undated ones get this and the
# metadata flag `undated`, and templates never show it.
UNDATED = datetime(1, 1, 1, tzinfo=UTC)


def typogrify_options(settings: dict) -> dict | None:
    """Pelican's TYPOGRIFY settings, for extraction workers to apply."""
    if not settings.get("TYPOGRIFY"):
        return None
    return {
        "ignore_tags": list(settings.get("TYPOGRIFY_IGNORE_TAGS") or []),
        "omit_filters": list(settings.get("TYPOGRIFY_OMIT_FILTERS") or []),
        "dashes": settings.get("TYPOGRIFY_DASHES", "default"),
    }


def _corpus(settings: dict) -> Corpus:
    build = session(settings)
    corpus = build.values.get("corpus")
    if corpus is None:
        root = Path(settings["PATH"])
        manifest = settings.get("NEWS_MANIFEST")
        cache = cache_dir(settings)
        files = find_files(root, settings["ARTICLE_PATHS"])
        bar = Progress("Reading", len(files[0]))
        corpus = build_corpus(
            root,
            settings["ARTICLE_PATHS"],
            manifest_path=root / manifest if manifest else None,
            workers=workers(settings),
            cache_dir=cache / "extract" if cache else None,
            typogrify=typogrify_options(settings),
            progress=bar.update,
            files=files,
            background=True,
        )
        bar.close()
        build.values["corpus"] = corpus
        if corpus.saving is not None:  # the extraction cache, being written
            build.adopt(corpus.saving)
        build.freeze()  # the corpus lasts the whole build
        # the bodies wait for the pages in a file (before the fork below: the
        # memory they free is reused while the forked process shares it)
        corpus.spill_bodies()
        # what became of each file is known now: the report is written by a
        # forked process while this one goes on, and the lines cleaning
        # removed need not be held through the pages
        build.in_background("build report", write_report, corpus, settings)
        for entry in corpus.entries.values():
            if entry.article is not None:
                entry.article.removed = []
    return corpus


def _rel(settings: dict, source_path: str) -> str:
    """A file's path relative to the content root, posix style, as the
    corpus names it."""
    root = os.path.join(settings["PATH"], "")
    # no resolve(): a symlinked seeds/ keeps the name the corpus gave it
    if source_path.startswith(root):
        return source_path[len(root) :].replace(os.sep, "/")
    return Path(os.path.relpath(source_path, root)).as_posix()


def content_digest(entry: Entry) -> str | None:
    """Everything the reader gives Pelican for a file comes from the file's
    cached extraction (its key), its URL and the archive-wide tag spellings:
    render keys and kept articles go by this instead of by HTML and
    metadata. None without a cache."""
    if entry.key is None or entry.article is None or entry.url is None:
        return None
    parts = [entry.key, entry.url, *entry.article.tags]
    return hashlib.sha1("\0".join(parts).encode()).hexdigest()


def _kept(settings: dict) -> KeptArticles:
    """The articles kept from the last build: none when a setting cannot be
    fingerprinted, or when a plugin from outside the project receives
    Pelican's signals (it could change an article in ways only a new one
    shows: see news_build.inputs)."""
    build = session(settings)

    def make() -> KeptArticles:
        cache = cache_dir(settings)
        if build.digest is None or build.foreign:
            cache = None
        salt = "\0".join(
            [
                "2",
                pelican_version,
                sys.version,
                str(locale.setlocale(locale.LC_ALL)),
                build.digest or "",
            ]
        )
        return KeptArticles(cache / "articles" if cache else None, salt)

    return build.value("kept", make)


class RawArticle(LazyArticle):
    """An article from a raw file. Its body stays compressed in the corpus
    and is unpacked each time a page or feed shows it or its summary (the
    first paragraph), so a large archive does not hold every body in
    memory; Pelican keeps no copy (its get_content would, per article).

    What the reader gives (Pelican sets an attribute for each) and what
    news_pages links to each article are held in slots: with Pelican's own
    attributes there would be about 40 in the instance dict, which takes
    1.6 KB from 30 on, and one set after the article is made turns its
    values (0.3 KB) into a dict of 0.8 KB."""

    __slots__ = (
        *("title", "plain_title", "date", "undated", "date_source", "slug"),
        *("override_url", "override_save_as", "plain_summary", "words"),
        *("source_url", "subsection", "emails", "raw_source", "extraction"),
        *("category", "authors", "tags", "reader"),
        # news_pages
        *("newer_in_section", "older_in_section", "related"),
        *("section_group", "subsection_group"),
    )

    def body_html(self) -> str:
        build = session(self.settings)
        entry = _corpus(self.settings).entries[self.raw_source]
        last = build.values.get("last body")  # a feed asks for content, then summary
        if last is None or last[0] is not entry:
            last = build.values["last body"] = (entry, entry.body_html())
        return last[1]

    def get_summary(self, siteurl: str) -> str:
        return summary_html(content_html(self))

    def get_static_links(self) -> set[str]:
        """None in a body made from raw text, where every `<` is escaped:
        the body is not made just to look."""
        if getattr(self, "body", None) is None:
            return set()
        return super().get_static_links()

    def get_relative_source_path(self, source_path: str | None = None) -> str | None:
        # the reader worked it out already, as the corpus names the file
        if not source_path or source_path == self.source_path:
            return self.raw_source
        return super().get_relative_source_path(source_path)


# Plugins tell articles from pages by their class's name (pelican-readtime
# looks for "Article"), and so does Pelican for its ARTICLE_* settings
RawArticle.__name__ = "Article"


class RawArticleReader(BaseReader):
    enabled = True
    file_extensions = ["txt", "html", "htm"]

    def __init__(self, settings: dict) -> None:
        super().__init__(settings)
        self._wrappers: dict[tuple[str, str], object] = {}

    def _process(self, name: str, value: str | list[str]) -> object:
        """process_metadata(name, value) with one Tag, Author or Category per
        name, so that each works out its slug once."""
        single = isinstance(value, str)  # a category
        # stripped, blanks and repeats dropped, as Pelican does
        names = [
            n for n in dict.fromkeys(map(str.strip, [value] if single else value)) if n
        ]
        if not names:
            return self.process_metadata(name, value)  # for Pelican to drop
        for n in names:
            if (name, n) not in self._wrappers:
                got = self.process_metadata(name, n if single else [n])
                self._wrappers[(name, n)] = got if single else got[0]
        got = [self._wrappers[(name, n)] for n in names]
        return got[0] if single else got

    def read(self, source_path: str) -> tuple[str, dict]:
        rel = _rel(self.settings, source_path)
        entry = _corpus(self.settings).entries.get(rel)
        if entry is None or entry.status != PUBLISHED or entry.article is None:
            # Reported in build-report.json with its reason; Pelican skips it.
            return "", {"status": "skip", "title": rel}
        a = entry.article
        date = (
            datetime(a.date.year, a.date.month, a.date.day, tzinfo=UTC)
            if a.date
            else UNDATED
        )
        html = entry.html
        meta = {
            "title": html["title"],
            "plain_title": a.title,
            "date": date,
            "undated": a.date is None,
            "date_source": a.date_source or "undated",
            "slug": entry.url.rstrip("/").rsplit("/", 1)[-1],  # unique, like the URL
            "url": entry.url,
            "save_as": entry.url + "index.html",
            "plain_summary": a.summary,
            "words": a.words,
            "source_url": a.source_url,
            "subsection": a.subsection,
            "emails": a.emails,
            "raw_source": rel,
        }
        if (extraction := content_digest(entry)) is not None:
            meta[CONTENT_DIGEST] = extraction
        if a.section:
            meta["category"] = self._process("category", a.section)
        if a.authors:
            meta["authors"] = self._process("authors", a.authors)
        if a.tags:
            meta["tags"] = self._process("tags", a.tags)
        return "", meta  # the body: RawArticle


def add_reader(readers) -> None:
    for extension in RawArticleReader.file_extensions:
        readers.reader_classes[extension] = RawArticleReader
    # The extraction workers already typogrified raw articles' HTML (see
    # typogrify_options); Pelican must not do it again in this process.
    plain = dict(readers.settings, TYPOGRIFY=False)

    readers.raw_settings = plain  # what raw articles refer to

    def restore(full: str, context: dict) -> RawArticle | None:
        """The article kept from the last build, if nothing it came from
        changed (see kept.py)."""
        kept = _kept(readers.settings)
        if not kept.loaded:
            reader = readers.readers["txt"]

            def wrap(kind: str, name: str) -> object:
                if kind == "category":
                    return reader._process("category", name)
                return reader._process(kind + "s", [name])[0]

            kept.load(plain, context, wrap)
        rel = _rel(readers.settings, full)
        entry = _corpus(readers.settings).entries.get(rel)
        if entry is None or entry.status != PUBLISHED:
            return None
        state = kept.take(rel, content_digest(entry))
        if state is None:
            return None
        return restore_object(RawArticle, state)

    def read_without_typogrify(read_file, base_path, path, *args, **kwargs):
        if not str(path).endswith(RAW_SUFFIXES):
            return read_file(base_path, path, *args, **kwargs)
        if kwargs.get("content_class") is Article:
            kwargs["content_class"] = RawArticle
            full = os.path.abspath(os.path.join(base_path, path))
            context = kwargs.get("context")
            if context is not None and (article := restore(full, context)):
                return article
        settings, readers.settings = readers.settings, plain
        try:
            return read_file(base_path, path, *args, **kwargs)
        finally:
            readers.settings = settings

    wrap_read_file(
        readers, lambda read_file: partial(read_without_typogrify, read_file)
    )


def drop_other_articles(generator) -> None:
    """Only raw dumps are articles: a Markdown or reST file dropped in seeds/
    would skip extraction and escaping. It is reported as not read instead.

    The articles are put in a fixed order: Pelican reads the files in no
    fixed order (a set), and without translation grouping (which sorts them
    by slug) articles of the same date would come out in another order each
    build. By slug, then as ARTICLE_ORDER_BY says (a stable sort)."""
    keep = [a for a in generator.articles if a.metadata.get("raw_source")]
    if len(keep) != len(generator.articles):
        logger.warning(
            "%d non-.txt files in the article folders were not published "
            "(see build-report.json)",
            len(generator.articles) - len(keep),
        )
    build = session(generator.settings)
    _corpus(generator.settings)  # an archive with no raw file has a report too
    build.freeze()  # the articles last the whole build
    kept = _kept(generator.settings)
    if kept.folder is not None:  # their states, kept while this process goes on
        build.in_background(
            "kept articles",
            _save_kept,
            kept,
            keep,
            generator.readers.raw_settings,
            generator.context,
        )
    kept.states.clear()  # what was not taken: this process needs it no more
    keep.sort(key=attrgetter("slug", "source_path"))
    generator.articles = order_content(keep, generator.settings["ARTICLE_ORDER_BY"])
    generator.translations = [
        a for a in generator.translations if a.metadata.get("raw_source")
    ]


def _save_kept(
    kept: KeptArticles, articles: list, settings: dict, context: dict
) -> None:
    gc.disable()
    kept.save(articles, settings, context)


def skip_stamps(generator) -> None:
    skip_unused_stamps(generator)
    skip_unused_stamps(generator.readers)


def wait_for_background(generators: list) -> None:
    """The work started in forked processes (the extraction cache, the build
    report, the kept articles) is done before pages render, in processes
    forked in turn."""
    session(generators[0].settings).wait_for_background()


def write_report(corpus: Corpus, settings: dict) -> None:
    """build-report.json: every raw file, published or why not."""
    target = Path(settings.get("NEWS_REPORT", "build-report.json"))
    # one line per file: readable, and fast (the C encoder needs no indent);
    # written line by line, as a large archive's report is large
    line = partial(json.dumps, ensure_ascii=False)
    with target.open("w", encoding="utf-8") as fh:
        fh.write(
            f'{{"summary": {line(corpus.summary())},\n'
            f'"manifest_problems": {line(corpus.manifest_problems)},\n'
            '"files": [\n'
        )
        for n, row in enumerate(corpus.report_lines()):
            fh.write(",\n" + row if n else row)
        fh.write("\n]}\n")
    logger.info("build report written to %s", target)


def register() -> None:
    connect_session()
    signals.readers_init.connect(add_reader)
    signals.article_generator_init.connect(skip_stamps)
    signals.article_generator_pretaxonomy.connect(drop_other_articles)
    signals.all_generators_finalized.connect(wait_for_background)
