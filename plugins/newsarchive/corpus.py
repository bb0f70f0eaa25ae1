"""The whole archive at once: extract every raw file, find duplicates,
give each article a unique URL, and account for every file.

Extraction runs in a process pool. With a cache folder, each file's result
is kept on disk under a key made of the file's bytes, its manifest row, the
extraction code and the HTML options, so a rebuild re-reads only files that
are new or changed.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import pickle
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import cache
from html import escape
from pathlib import Path

from newsarchive import typography
from newsarchive.extract import MAX_BYTES, Article, SkipFile, extract_file
from newsarchive.manifest import load_manifest
from newsarchive.tags import unify_tags

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
    html: dict[str, str] = field(default_factory=dict)  # title, summary, body

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


NOT_ARTICLES = {"manifest.csv", "README.md", ".gitkeep"}


def find_files(root: Path, folders: list[str]) -> tuple[list[str], list[str]]:
    """Relative posix paths under `folders`: the raw *.txt files, and the
    other files, which are not read but reported."""
    raw: list[str] = []
    other: list[str] = []
    for folder in folders:
        for dirpath, dirnames, filenames in os.walk(root / folder):
            dirnames.sort()
            for name in sorted(filenames):
                rel = (Path(dirpath) / name).relative_to(root).as_posix()
                if name.endswith(".txt"):
                    raw.append(rel)
                elif name not in NOT_ARTICLES:
                    other.append(rel)
    return raw, other


@cache
def code_version() -> str:
    """Changes whenever the extraction code or cleaning profiles change."""
    h = hashlib.sha1()
    here = Path(__file__).parent
    for path in sorted(
        [*here.glob("*.py"), *here.glob("*.toml"), *here.glob("profiles/*.toml")]
    ):
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def article_html(article: Article, typogrify: dict | None = None) -> dict[str, str]:
    """The article's title, summary and body as HTML, typogrified if asked
    (options as Pelican's TYPOGRIFY_* settings: dashes, omit_filters)."""
    if typogrify is None:
        body = article.body_html()
        title = escape(article.title, quote=False)
    else:
        on = typography.configure(typogrify)
        body = typography.paragraphs_html(article.paragraphs, on)
        title = typography.paragraphs_html([article.title], on)[3:-4]
    summary = body.split("</p>", 1)[0] + "</p>" if article.paragraphs else "<p></p>"
    return {"title": title, "summary": summary, "body": body}


Result = tuple[str, Article | None, str | None, dict[str, str]]


def _cache_file(
    full: str, manifest: dict, typogrify: dict | None, cache_dir: Path
) -> Path | None:
    """Where a file's result is kept: named by everything it depends on."""
    try:
        if os.path.getsize(full) > MAX_BYTES:
            return None
        key = hashlib.sha1(Path(full).read_bytes())
    except OSError:
        return None
    key.update(json.dumps([manifest, typogrify], default=str).encode())
    key.update(code_version().encode())
    digest = key.hexdigest()
    return cache_dir / digest[:2] / f"{digest}.pickle"


def _load_cached(path: Path) -> tuple | None:
    try:
        return pickle.loads(path.read_bytes())
    except (OSError, pickle.PickleError, EOFError, AttributeError, TypeError):
        return None


def _extract_one(job: tuple[str, str, dict, dict | None, str | None]) -> Result:
    full, rel, manifest, typogrify, cached = job
    try:
        article = extract_file(Path(full), rel, manifest)
        result: tuple = (article, None, article_html(article, typogrify))
    except SkipFile as exc:
        result = (None, str(exc), {})
    except Exception as exc:  # a bug on one file must not stop the archive
        logger.exception("extraction failed for %s", rel)
        return rel, None, f"extraction error: {type(exc).__name__}: {exc}", {}
    if cached is not None:
        target = Path(cached)
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
        tmp.replace(target)
    return (rel, *result)


def article_url(article: Article) -> str:
    if article.date is None:
        return f"undated/{article.slug}/"
    return f"{article.date:%Y/%m}/{article.slug}/"


def build_corpus(
    root: Path,
    folders: list[str],
    manifest_path: Path | None = None,
    workers: int | None = None,
    cache_dir: Path | None = None,
    typogrify: dict | None = None,
    progress: Callable[[int], None] | None = None,
    files: tuple[list[str], list[str]] | None = None,
) -> Corpus:
    """Extract every raw file under `folders` (relative to `root`).

    `cache_dir`: keep each file's result there and reuse it when nothing it
    depends on changed. `typogrify`: options for the HTML (see article_html).
    `progress` is called with the number of files done so far. `files`:
    what find_files(root, folders) returned, when the caller has it already.
    """
    corpus = Corpus()
    paths, others = files if files is not None else find_files(root, folders)
    manifest_entries: dict[str, dict] = {}
    if manifest_path is not None:
        manifest = load_manifest(manifest_path, manifest_path.parent)
        corpus.manifest_problems = manifest.problems
        prefix = manifest_path.parent.relative_to(root).as_posix()
        manifest_entries = {f"{prefix}/{k}": v for k, v in manifest.entries.items()}

    done: dict[str, Result] = {}
    jobs = []
    used: set[Path] = set()
    for p in paths:
        full, entry = str(root / p), manifest_entries.get(p, {})
        target = _cache_file(full, entry, typogrify, cache_dir) if cache_dir else None
        if target is not None:
            used.add(target)
            if (hit := _load_cached(target)) is not None:
                done[p] = (p, *hit)
                continue
        jobs.append((full, p, entry, typogrify, str(target) if target else None))
    if progress:
        progress(len(done))
    workers = workers if workers is not None else min(os.cpu_count() or 1, 4)
    if workers > 1 and len(jobs) > 50:
        chunk = max(1, min(64, len(jobs) // (workers * 8)))
        with ProcessPoolExecutor(workers) as pool:
            for result in pool.map(_extract_one, jobs, chunksize=chunk):
                done[result[0]] = result
                if progress and len(done) % chunk == 0:
                    progress(len(done))
    else:
        for job in jobs:
            result = _extract_one(job)
            done[result[0]] = result
            if progress:
                progress(len(done))
    if progress:
        progress(len(done))
    if cache_dir is not None:
        for old in cache_dir.glob("*/*.pickle"):
            if old not in used:
                old.unlink(missing_ok=True)

    # one tag per entity, one spelling, across the whole archive
    got = [(p, done[p][1]) for p in paths if done[p][1] is not None]

    def text(i: int) -> str | None:  # tags from the manifest are not topped up
        rel, a = got[i]
        if manifest_entries.get(rel, {}).get("tags"):
            return None
        return "\n".join([a.title, *a.paragraphs])

    unified = unify_tags([a.tags for _, a in got], text)
    for (_, article), tags in zip(got, unified, strict=True):
        article.tags = tags

    for rel in others:
        corpus.entries[rel] = Entry(
            rel, SKIPPED, "not read: raw articles are *.txt files"
        )

    seen: dict[str, str] = {}  # fingerprint -> first path
    urls: dict[str, str] = {}  # url -> path
    for rel, article, reason, html in (done[p] for p in paths):
        entry = Entry(rel)
        corpus.entries[rel] = entry
        if article is None:
            entry.status, entry.reason = SKIPPED, reason
            continue
        entry.article, entry.html = article, html
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
