"""The whole archive at once: extract every raw file, find duplicates,
give each article a unique URL, and account for every file."""

from __future__ import annotations

import hashlib
import logging
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from newsarchive.extract import Article, SkipFile, extract_file
from newsarchive.manifest import load_manifest

logger = logging.getLogger(__name__)

PUBLISHED, DUPLICATE, SKIPPED = "published", "duplicate", "skipped"


@dataclass
class Entry:
    """What became of one raw file."""

    path: str  # relative to the content root, posix style
    status: str = PUBLISHED
    reason: str | None = None
    article: Article | None = None
    url: str | None = None
    duplicate_of: str | None = None

    def report(self) -> dict:
        row: dict = {"path": self.path, "status": self.status}
        if self.reason:
            row["reason"] = self.reason
        if self.duplicate_of:
            row["duplicate_of"] = self.duplicate_of
        if self.article is not None:
            a = self.article
            row.update(
                url=self.url,
                title=a.title,
                date=a.date.isoformat() if a.date else None,
                date_source=a.date_source or "undated",
                profile=a.profile,
                encoding=a.encoding,
                removed=[
                    {"line": r.line, "rule": r.rule, "text": r.text} for r in a.removed
                ],
            )
        return row


@dataclass
class Corpus:
    entries: dict[str, Entry] = field(default_factory=dict)
    manifest_problems: list[dict] = field(default_factory=list)

    def published(self) -> list[Entry]:
        return [e for e in self.entries.values() if e.status == PUBLISHED]

    def summary(self) -> dict:
        counts = {PUBLISHED: 0, DUPLICATE: 0, SKIPPED: 0}
        for e in self.entries.values():
            counts[e.status] += 1
        return {
            "read": len(self.entries),
            "published": counts[PUBLISHED],
            "duplicates": counts[DUPLICATE],
            "skipped": counts[SKIPPED],
            "undated": sum(
                1 for e in self.published() if e.article and e.article.date is None
            ),
            "manifest_problems": len(self.manifest_problems),
        }

    def report(self) -> dict:
        return {
            "summary": self.summary(),
            "manifest_problems": self.manifest_problems,
            "files": [self.entries[k].report() for k in sorted(self.entries)],
        }


def find_raw_files(root: Path, folders: list[str]) -> list[str]:
    """Relative posix paths of every *.txt under the given folders."""
    found = []
    for folder in folders:
        base = root / folder
        for dirpath, dirnames, filenames in os.walk(base):
            dirnames.sort()
            for name in sorted(filenames):
                if name.endswith(".txt"):
                    found.append((Path(dirpath) / name).relative_to(root).as_posix())
    return found


def _extract_one(job: tuple[str, str, dict]) -> tuple[str, Article | None, str | None]:
    full, rel, manifest = job
    try:
        return rel, extract_file(Path(full), rel, manifest), None
    except SkipFile as exc:
        return rel, None, str(exc)
    except Exception as exc:  # a bug on one file must not stop the archive
        logger.exception("extraction failed for %s", rel)
        return rel, None, f"extraction error: {type(exc).__name__}: {exc}"


def article_url(article: Article) -> str:
    if article.date is None:
        return f"undated/{article.slug}/"
    return f"{article.date:%Y/%m}/{article.slug}/"


def build_corpus(
    root: Path,
    folders: list[str],
    manifest_path: Path | None = None,
    workers: int | None = None,
) -> Corpus:
    """Extract every raw file under `folders` (relative to `root`)."""
    corpus = Corpus()
    paths = find_raw_files(root, folders)
    manifest_entries: dict[str, dict] = {}
    if manifest_path is not None:
        manifest = load_manifest(manifest_path, manifest_path.parent)
        corpus.manifest_problems = manifest.problems
        prefix = manifest_path.parent.relative_to(root).as_posix()
        manifest_entries = {f"{prefix}/{k}": v for k, v in manifest.entries.items()}

    jobs = [(str(root / p), p, manifest_entries.get(p, {})) for p in paths]
    workers = workers if workers is not None else min(os.cpu_count() or 1, 4)
    if workers > 1 and len(jobs) > 50:
        with ProcessPoolExecutor(workers) as pool:
            results = list(pool.map(_extract_one, jobs, chunksize=64))
    else:
        results = [_extract_one(job) for job in jobs]

    seen: dict[str, str] = {}  # fingerprint -> first path
    urls: dict[str, str] = {}  # url -> path
    for rel, article, reason in results:
        entry = Entry(rel)
        corpus.entries[rel] = entry
        if article is None:
            entry.status, entry.reason = SKIPPED, reason
            continue
        entry.article = article
        first = seen.setdefault(article.fingerprint, rel)
        if first != rel:
            entry.status, entry.duplicate_of = DUPLICATE, first
            entry.reason = f"same article as {first}"
            continue
        url = article_url(article)
        if url in urls:
            suffix = hashlib.sha1(rel.encode()).hexdigest()[:6]
            url = url[:-1] + f"-{suffix}/"
        urls[url] = rel
        entry.url = url
    return corpus
