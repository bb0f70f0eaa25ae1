"""The whole archive at once: extract every raw file, find duplicates,
give each article a unique URL, and account for every file.

Extraction runs in a process pool. With a cache folder, the results are kept
on disk, each under a key made of the file's path, bytes and manifest row,
the extraction code and the HTML options (and, for a file no outlet profile
reads, the lines learned as its outlet's furniture: see
newsarchive.furniture), so a rebuild extracts only files that are new or
changed. They are kept in 256 files by the key's first two
digits: a few new files rewrite only a few of them. A file whose size, times
and inode are those of the last build is not read again (see store.stamped).
"""

from __future__ import annotations

import gc
import hashlib
import json
import logging
import multiprocessing
import os
import shutil
import tempfile
import zlib
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from functools import cache, wraps
from html import escape
from pathlib import Path
from typing import Any, NamedTuple

from newsarchive import furniture, html_input, store, typography
from newsarchive.extract import (
    MAX_BYTES,
    Article,
    NeedsFurniture,
    SkipFile,
    extract_file,
)
from newsarchive.manifest import Manifest, load_manifest
from newsarchive.store import stamped, versions
from newsarchive.tags import unify_tags

logger = logging.getLogger(__name__)

PUBLISHED, DUPLICATE, SKIPPED = "published", "duplicate", "skipped"


class Spilled(NamedTuple):
    """Where a packed body lies in the file Corpus.spill_bodies wrote."""

    fd: int
    offset: int
    size: int


@dataclass(slots=True)
class Entry:
    """What became of one raw file."""

    path: str  # relative to the content root, posix style
    status: str = PUBLISHED
    reason: str | None = None
    article: Article | None = None
    url: str | None = None
    duplicate_of: str | None = None
    # title HTML, and the body's HTML compressed (see body_html)
    html: dict[str, Any] = field(default_factory=dict)
    key: str | None = None  # of its extraction in the cache

    def body_html(self) -> str:
        if not self.html:
            return ""
        body = self.html["body"]
        if type(body) is Spilled:
            body = os.pread(body.fd, body.size, body.offset)
        return unpack(body)

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
    cache_dir: Path | None = None
    _spill: Any = field(default=None, repr=False, compare=False)
    saving: Any = field(default=None, repr=False, compare=False)  # see build_corpus

    def published(self) -> list[Entry]:
        return [e for e in self.entries.values() if e.status == PUBLISHED]

    def spill_bodies(self) -> None:
        """Move the packed bodies out of memory, into an unnamed temporary
        file that lasts as long as this corpus (a tenth of a large archive's
        memory; forked processes read the same file)."""
        spill = tempfile.TemporaryFile(prefix="bodies-")
        offset = 0
        for entry in self.entries.values():
            body = entry.html.get("body") if entry.html else None
            if type(body) is bytes:
                spill.write(body)
                entry.html["body"] = Spilled(spill.fileno(), offset, len(body))
                offset += len(body)
        spill.flush()
        self._spill = spill  # open while the entries point into it

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

    def report_lines(self) -> list[str]:
        """report()["files"], each file as one line of JSON. With a cache, a
        line is reused while the file's extraction, status and URL are."""
        path = self.cache_dir / "report.pickle" if self.cache_dir else None
        kept = (store.load(path, code_version()) if path else None) or {}
        lines, keep = [], {}
        for rel in sorted(self.entries):
            e = self.entries[rel]
            inputs = (e.key, e.status, e.reason, e.duplicate_of, e.url)
            old = kept.get(rel)
            if e.key is not None and old is not None and old[0] == inputs:
                line = old[1]
            else:
                line = json.dumps(e.report(), ensure_ascii=False)
            lines.append(line)
            if e.key is not None:
                keep[rel] = (inputs, line)
        if path is not None and keep != kept:
            store.keep(path, code_version(), keep)
        return lines


NOT_ARTICLES = {"manifest.csv", "README.md", ".gitkeep"}
RAW_SUFFIXES = (".txt", *html_input.SUFFIXES)


def find_files(root: Path, folders: list[str]) -> tuple[list[str], list[str]]:
    """Relative posix paths under `folders`: the raw files (*.txt, saved
    *.html and *.htm pages), and the other files, which are not read but
    reported."""
    raw: list[str] = []
    other: list[str] = []
    for folder in folders:
        for dirpath, dirnames, filenames in os.walk(root / folder):
            dirnames.sort()
            where = Path(dirpath).relative_to(root).as_posix()
            prefix = "" if where == "." else where + "/"
            for name in sorted(filenames):
                rel = prefix + name
                if name.endswith(RAW_SUFFIXES):
                    raw.append(rel)
                elif name not in NOT_ARTICLES:
                    other.append(rel)
    return raw, other


@cache
def code_version() -> str:
    """Changes whenever the extraction code or cleaning profiles change, or
    the version of Python or of an installed package."""
    h = hashlib.sha1(versions().encode())
    here = Path(__file__).parent
    for path in sorted(
        [*here.glob("*.py"), *here.glob("*.toml"), *here.glob("profiles/*.toml")]
    ):
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def article_html(article: Article, typogrify: dict | None = None) -> dict[str, str]:
    """The article's title and body as HTML, typogrified if asked (options
    as Pelican's TYPOGRIFY_* settings: dashes, omit_filters)."""
    if typogrify is None:
        body = article.body_html()
        title = escape(article.title, quote=False)
    else:
        on = typography.configure(typogrify)
        body = typography.paragraphs_html(article.paragraphs, on)
        title = typography.paragraphs_html([article.title], on)[3:-4]
    return {"title": title, "body": body}


def summary_html(body: str) -> str:
    """An article's summary as HTML: its body's first paragraph. Worked out
    when a feed shows it, not held for every article."""
    return body.split("</p>", 1)[0] + "</p>" if body else "<p></p>"


def pack_body(html: str) -> bytes:
    """An article body as kept until a page shows it: two fifths of the room.
    (zlib's fastest level: the default takes twice the time to save an
    eighth of the room, on disk once the corpus is built.)"""
    return zlib.compress(html.encode("utf-8", "surrogatepass"), 1)


def unpack(data: bytes) -> str:
    return zlib.decompress(data).decode("utf-8", "surrogatepass")


@dataclass(slots=True)
class Extraction:
    """What extracting one raw file gave (kept in the cache by its key)."""

    article: Article | None
    reason: str | None = None  # why there is no article
    html: dict[str, Any] = field(default_factory=dict)  # title, packed body
    text_hash: str = ""  # of the article's text: duplicates share it
    url: str = ""  # before articles with the same URL are told apart


class Job(NamedTuple):
    """One file to extract, as the extraction workers get it."""

    full: str
    rel: str
    manifest: dict
    typogrify: dict | None
    # lines learned as the outlet's furniture; None: not learned yet (a
    # file no outlet profile reads then gives its lines, see Unlearned)
    furniture: frozenset[int] | None = None


class Unlearned(NamedTuple):
    """A file no outlet profile reads: extracted once its outlet's furniture
    is learned from it and the others (see newsarchive.furniture)."""

    hashes: frozenset[int]  # its lines


ERROR = "extraction error"


def _sha1(full: str) -> str | None:
    """The SHA-1 of a file's bytes; None if unreadable or too big."""
    try:
        if os.path.getsize(full) > MAX_BYTES:
            return None
        with open(full, "rb") as fh:
            return hashlib.sha1(fh.read()).hexdigest()
    except OSError:
        return None


class ExtractionCache:
    """Each file's Extraction from the last build, under a key made of the
    file's path, bytes and manifest row, the extraction code and the HTML
    options; in 256 shards by the key's first two digits. With no folder,
    nothing is kept and every file is extracted."""

    def __init__(self, folder: Path | None, typogrify: dict | None) -> None:
        self.folder = folder
        self.salt = hashlib.sha1(
            code_version().encode() + json.dumps(typogrify, default=str).encode()
        ).hexdigest()
        self.shards: dict[str, dict[str, Extraction]] = {}
        self.kept_stamps: dict = {}
        if folder is not None:
            for path in folder.glob("??.pickle"):
                if (shard := store.load(path, self.salt)) is not None:
                    self.shards[path.stem] = shard
            self.kept_stamps = store.load(folder / "stamps.pickle", "1") or {}
        self.stamps: dict = {}
        self.digests: dict[str, str | None] = {}

    def keys(
        self, paths: dict[str, str], rows: dict[str, dict], many: Callable
    ) -> dict[str, str]:
        """Each readable file's key (`paths`: relative -> full path); the
        bytes of a file whose stamp is unchanged are not read again (see
        store.stamped)."""
        if self.folder is None:
            return {}
        self.stamps = {p: self.kept_stamps[p] for p in paths if p in self.kept_stamps}
        self.digests = stamped(paths, self.stamps, _sha1, many)
        keys = {}
        for rel in paths:
            if (key := self.key(rel, rows.get(rel, {}))) is not None:
                keys[rel] = key
        return keys

    def key(self, rel: str, row: dict) -> str | None:
        """The key of file `rel` (whose digest keys() found) with manifest
        row `row`; None if it could not be read."""
        digest = self.digests.get(rel)
        if not digest:
            return None
        text = json.dumps([rel, row], default=str)
        return hashlib.sha1(f"{self.salt}\0{digest}\0{text}".encode()).hexdigest()

    def get(self, key: str) -> Extraction | None:
        return self.shards.get(key[:2], {}).get(key)

    def outdated(self, keys: dict[str, str], hits: int) -> bool:
        """Whether what is kept differs from what `keys` found (`hits` of
        them in the cache)."""
        if self.folder is None:
            return False
        kept = sum(map(len, self.shards.values()))
        return len(keys) != hits or kept != hits or self.stamps != self.kept_stamps

    def save(self, results: dict[str, Extraction]) -> None:
        """Keep `results` (by key): write the shards whose keys changed,
        remove every other file."""
        assert self.folder is not None
        shards: dict[str, dict[str, Extraction]] = {}
        for key, result in results.items():
            shards.setdefault(key[:2], {})[key] = result
        for name, shard in shards.items():
            if shard.keys() != self.shards.get(name, {}).keys():
                store.keep(self.folder / f"{name}.pickle", self.salt, shard)
        names = {*shards, "manifest", "report", "stamps"}
        for path in self.folder.iterdir():  # emptied shards, older layouts
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            elif path.suffix == ".pickle" and path.stem not in names:
                path.unlink()
        if self.stamps != self.kept_stamps:
            store.keep(self.folder / "stamps.pickle", "1", self.stamps)


def _manifest(path: Path, cache_dir: Path | None, found: set[str]) -> Manifest:
    """load_manifest(path), kept in the cache under the manifest's bytes and
    the code; whether the files it names exist is checked again. `found`:
    files in the manifest's folder that find_files saw (no need to stat)."""
    seeds = str(path.parent)

    def exists(name: str) -> bool:
        return name in found or os.path.isfile(os.path.join(seeds, name))

    try:
        data = path.read_bytes()
    except OSError:
        return load_manifest(path, path.parent, found)
    if cache_dir is None:
        return load_manifest(path, path.parent, found)
    salt = hashlib.sha1(code_version().encode() + b"\0" + data).hexdigest()
    kept = cache_dir / "manifest.pickle"
    if (hit := store.load(kept, salt)) is not None:
        manifest, named = hit
        if all(exists(n) == e for n, e in named.items()):
            return manifest
    manifest = load_manifest(path, path.parent, found)
    files = {*manifest.entries, *(p["file"] for p in manifest.problems if "file" in p)}
    named = {n: exists(n) for n in files}
    store.keep(kept, salt, (manifest, named))
    return manifest


def _extract_one(job: Job) -> tuple[str, Extraction | Unlearned]:
    try:
        article = extract_file(Path(job.full), job.rel, job.manifest, job.furniture)
        html = article_html(article, job.typogrify)
        html["body"] = pack_body(html["body"])
        result = Extraction(
            article, None, html, article.fingerprint, article_url(article)
        )
        if job.manifest.get("tags"):
            # the HTML has the text, and no automatic tags will read it (see
            # unify_archive_tags): kept and cached, it would only take room
            article.paragraphs = article.paragraphs[:1]  # Article.summary
        return job.rel, result
    except NeedsFurniture as exc:
        return job.rel, Unlearned(exc.hashes)
    except SkipFile as exc:
        return job.rel, Extraction(None, str(exc))
    except Exception as exc:  # a bug on one file must not stop the archive
        logger.exception("extraction failed for %s", job.rel)
        return job.rel, Extraction(None, f"{ERROR}: {type(exc).__name__}: {exc}")


def article_url(article: Article) -> str:
    if article.date is None:
        return f"undated/{article.slug}/"
    return f"{article.date:%Y/%m}/{article.slug}/"


def _without_collector(function: Callable) -> Callable:
    """Run `function` with the garbage collector off: it makes many small
    objects that are all kept, which the collector would walk again and
    again. (Build workers turn it back on.)"""

    @wraps(function)
    def run(*args, **kwargs):
        collecting = gc.isenabled()
        gc.disable()
        try:
            return function(*args, **kwargs)
        finally:
            if collecting:
                gc.enable()

    return run


def read_manifest(
    corpus: Corpus,
    root: Path,
    manifest_path: Path | None,
    found: tuple[list[str], list[str]],
    cache_dir: Path | None,
) -> dict[str, dict]:
    """Phase 1: the manifest's rows by the path of the file they describe
    (relative to `root`); its problems go in the corpus."""
    if manifest_path is None:
        return {}
    prefix = manifest_path.parent.relative_to(root).as_posix()
    start = len(prefix) + 1
    names = {p[start:] for p in (*found[0], *found[1]) if p.startswith(prefix + "/")}
    manifest = _manifest(manifest_path, cache_dir, names)
    corpus.manifest_problems = manifest.problems
    return {f"{prefix}/{k}": v for k, v in manifest.entries.items()}


def extract_all(
    jobs: list[Job],
    done: dict[str, Extraction],
    workers: int,
    pool: ProcessPoolExecutor,
    progress: Callable[[int], None] | None,
    unlearned: Callable[[str, frozenset[int]], None] | None = None,
) -> None:
    """Phase 3: extract the files the cache did not have, into `done`; the
    lines of a file no outlet profile reads go to `unlearned` instead."""
    if workers > 1 and len(jobs) > 50:
        chunk = max(1, min(64, len(jobs) // (workers * 8)))
        results = pool.map(_extract_one, jobs, chunksize=chunk)
    else:
        chunk, results = 1, map(_extract_one, jobs)
    for rel, result in results:
        if type(result) is Unlearned:
            assert unlearned is not None
            unlearned(rel, result.hashes)
            continue
        done[rel] = result
        if progress and len(done) % chunk == 0:
            progress(len(done))


def outlet_of(rel: str, rows: dict[str, dict]) -> str:
    return furniture.outlet_of(rel, rows.get(rel, {}).get("source_url"))


def unify_archive_tags(
    paths: list[str], done: dict[str, Extraction], rows: dict[str, dict]
) -> None:
    """Phase 5: one tag per entity, one spelling, across the whole archive.
    From here on the HTML stands for the text (fingerprint and URL are
    worked out): the first paragraph is all the build reads of it."""
    got = [(p, done[p].article) for p in paths if done[p].article is not None]

    def text(i: int) -> str | None:  # tags from the manifest are not topped up
        rel, a = got[i]
        if rows.get(rel, {}).get("tags"):
            return None
        return "\n".join([a.title, *a.paragraphs])

    unified = unify_tags([a.tags for _, a in got], text)
    for (_, article), tags in zip(got, unified, strict=True):
        article.tags = tags
        article.paragraphs = article.paragraphs[:1]


def account(
    corpus: Corpus,
    paths: list[str],
    others: list[str],
    done: dict[str, Extraction],
    keys: dict[str, str],
) -> None:
    """Phase 6: an entry for every file: skipped (and why), a duplicate (of
    which), or published with a URL of its own."""
    for rel in others:
        corpus.entries[rel] = Entry(
            rel, SKIPPED, "not read: raw articles are *.txt files"
        )
    seen: dict[str, str] = {}  # text hash -> first path
    published: list[tuple[Entry, str]] = []
    for rel in paths:
        result = done[rel]
        entry = Entry(rel, key=keys.get(rel))
        corpus.entries[rel] = entry
        if result.article is None:
            entry.status, entry.reason = SKIPPED, result.reason
            continue
        entry.article, entry.html = result.article, result.html
        first = seen.setdefault(result.text_hash, rel)
        if first != rel:
            entry.status, entry.duplicate_of = DUPLICATE, first
            entry.reason = f"same article as {first}"
            continue
        published.append((entry, result.url))
    assign_urls(published)


@_without_collector
def build_corpus(
    root: Path,
    folders: list[str],
    manifest_path: Path | None = None,
    workers: int | None = None,
    cache_dir: Path | None = None,
    typogrify: dict | None = None,
    progress: Callable[[int], None] | None = None,
    files: tuple[list[str], list[str]] | None = None,
    background: bool = False,
) -> Corpus:
    """Extract every raw file under `folders` (relative to `root`).

    `cache_dir`: keep each file's result there and reuse it when nothing it
    depends on changed. `typogrify`: options for the HTML (see article_html).
    `progress` is called with the number of files done so far. `files`:
    what find_files(root, folders) returned, when the caller has it already.
    `background`: the cache is written by a forked process, Corpus.saving,
    while the caller goes on; its exit code is not 0 if the writing failed.
    """
    corpus = Corpus(cache_dir=cache_dir)
    found = files if files is not None else find_files(root, folders)
    paths, others = found
    rows = read_manifest(corpus, root, manifest_path, found, cache_dir)
    cache = ExtractionCache(cache_dir, typogrify)
    workers = workers if workers is not None else min(os.cpu_count() or 1, 4)
    done: dict[str, Extraction] = {}
    # its workers are forked when first given work
    with ProcessPoolExecutor(max(workers, 1), initializer=gc.enable) as pool:

        def many(function: Callable, items: list) -> Any:
            """map, in the workers when the items are many (a first build)."""
            if workers > 1 and len(items) > 500:
                return pool.map(function, items, chunksize=256)
            return map(function, items)

        # phase 2: what the cache has
        full = {p: os.path.join(root, p) for p in paths}
        keys = cache.keys(full, rows, many)
        jobs = []
        for p in paths:
            if p in keys and (hit := cache.get(keys[p])) is not None:
                done[p] = hit
            else:
                jobs.append(Job(full[p], p, rows.get(p, {}), typogrify))
        hits = len(done)
        if progress:
            progress(hits)
        learner, waiting = furniture.Learner(), []

        def unlearned(rel: str, hashes: frozenset[int]) -> None:
            learner.add(outlet_of(rel, rows), hashes)
            waiting.append(rel)

        extract_all(jobs, done, workers, pool, progress, unlearned)
        # phase 3b: the files no outlet profile reads, with the furniture
        # learned from their outlet's files (part of their cache key)
        learned, jobs = learner.learned(), []
        for p in waiting:
            lines = learned.get(outlet_of(p, rows), frozenset())
            row = {**rows.get(p, {}), "furniture": furniture.digest(lines)}
            if p in keys and (key := cache.key(p, row)) is not None:
                keys[p] = key
                if (hit := cache.get(key)) is not None:
                    done[p], hits = hit, hits + 1
                    continue
            jobs.append(Job(full[p], p, rows.get(p, {}), typogrify, lines))
        extract_all(jobs, done, workers, pool, progress)
    if progress:
        progress(len(done))

    # phase 4: keep what each file gave (before the tags are unified below)
    if cache.outdated(keys, hits):
        keep = {
            key: done[p]
            for p, key in keys.items()
            if not (done[p].reason or "").startswith(ERROR)  # a bug: try again
        }
        if background:  # the forked process sees the results as they are now
            corpus.saving = multiprocessing.get_context("fork").Process(
                target=cache.save, args=(keep,), name="extraction cache"
            )
            corpus.saving.start()
        else:
            cache.save(keep)

    unify_archive_tags(paths, done, rows)
    account(corpus, paths, others, done, keys)
    return corpus


def assign_urls(published: list[tuple[Entry, str]]) -> None:
    """Give each entry its URL. Of articles with the same URL (same title,
    same month), the oldest keeps it, then the first by path; the others
    get a suffix from their path. So an article added later, as a newer
    one usually is, never moves the URL of one already published."""

    def age(item: tuple[Entry, str]) -> tuple:
        day = item[0].article.date if item[0].article else None
        return (day is None, day or date.min, item[0].path)

    counts = Counter(url for _, url in published)
    clashes = []  # only these need ordering
    for entry, url in published:
        if counts[url] == 1:
            entry.url = url
        else:
            clashes.append((entry, url))
    taken: set[str] = set()
    for entry, url in sorted(clashes, key=age):
        if url in taken:
            suffix = hashlib.sha1(entry.path.encode()).hexdigest()[:6]
            url = url[:-1] + f"-{suffix}/"
        taken.add(url)
        entry.url = url
