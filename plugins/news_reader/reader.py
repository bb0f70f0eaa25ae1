"""A Pelican reader for raw article dumps (`*.txt`), and the build report.

The extraction itself lives in `newsarchive`; this module only hands its
records to Pelican and writes `build-report.json` when the build ends.
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from html import escape
from pathlib import Path

from pelican import signals
from pelican.readers import BaseReader

from newsarchive.corpus import PUBLISHED, Corpus, build_corpus

logger = logging.getLogger(__name__)

# Pelican needs a date on every article; undated ones get this and the
# metadata flag `undated`, and templates never show it.
UNDATED = datetime(1, 1, 1, tzinfo=UTC)

_state: dict[str, Corpus] = {}


def _corpus(settings: dict) -> Corpus:
    corpus = _state.get("corpus")
    if corpus is None:
        root = Path(settings["PATH"])
        manifest = settings.get("NEWS_MANIFEST")
        corpus = build_corpus(
            root,
            settings["ARTICLE_PATHS"],
            manifest_path=root / manifest if manifest else None,
            workers=settings.get("NEWS_WORKERS"),
        )
        _state["corpus"] = corpus
    return corpus


class RawArticleReader(BaseReader):
    enabled = True
    file_extensions = ["txt"]

    def read(self, source_path: str) -> tuple[str, dict]:
        root = Path(self.settings["PATH"])
        rel = Path(source_path).resolve().relative_to(root.resolve()).as_posix()
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
        meta = {
            "title": escape(a.title),
            "plain_title": a.title,
            "date": date,
            "undated": a.date is None,
            "date_source": a.date_source or "undated",
            "slug": a.slug,
            "url": entry.url,
            "save_as": entry.url + "index.html",
            "summary": f"<p>{escape(a.summary)}</p>",
            "plain_summary": a.summary,
            "source_url": a.source_url,
            "subsection": a.subsection,
            "emails": a.emails,
            "raw_source": rel,
        }
        if a.section:
            meta["category"] = self.process_metadata("category", a.section)
        if a.authors:
            meta["authors"] = self.process_metadata("authors", a.authors)
        if a.tags:
            meta["tags"] = self.process_metadata("tags", a.tags)
        return a.body_html(), meta


def add_reader(readers) -> None:
    readers.reader_classes["txt"] = RawArticleReader


def reset(generator) -> None:
    """A new build (devserver rebuilds in one process) re-reads the seeds."""
    _state.pop("corpus", None)


def write_report(pelican) -> None:
    settings = pelican.settings
    corpus = _corpus(settings)
    target = Path(settings.get("NEWS_REPORT", "build-report.json"))
    target.write_text(
        json.dumps(corpus.report(), ensure_ascii=False, indent=1) + "\n",
        encoding="utf-8",
    )
    logger.info("build report written to %s", target)


def register() -> None:
    signals.readers_init.connect(add_reader)
    signals.article_generator_init.connect(reset)
    signals.finalized.connect(write_report)
