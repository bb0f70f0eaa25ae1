"""The whole archive at once: extract every raw file, find duplicates,
give each article a unique URL, and account for every file.

Extraction runs in a process pool. With a cache folder, the results are kept
on disk, each under a key made of the file's path, bytes and manifest row,
the extraction code and the HTML options, so a rebuild extracts only files
that are new or changed. They are kept in 256 files by the key's first two
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
import pickle
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

from newsarchive import html_input, typography
from newsarchive.extract import MAX_BYTES, Article, SkipFile, extract_file
from newsarchive.manifest import Manifest, load_manifest
from newsarchive.store import atomic_file, stamped
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
        kept = (_read(path, code_version()) if path else None) or {}
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
            _write(path, code_version(), keep)
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
    """Changes whenever the extraction code, the cleaning profiles or the
    libraries that read HTML pages change."""
    h = hashlib.sha1(html_input.library_versions().encode())
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


def pack(html: str) -> bytes:
    """An article body as kept until a page shows it: two fifths of the room.
    (zlib's fastest level: the default takes twice the time to save an
    eighth of the room, on disk once the corpus is built.)"""
    return zlib.compress(html.encode("utf-8", "surrogatepass"), 1)


def unpack(data: bytes) -> str:
    return zlib.decompress(data).decode("utf-8", "surrogatepass")


# what extraction gives for one file: the article (or why there is none),
# its HTML (the body packed), its fingerprint and its URL before duplicates
# are told apart
Extracted = tuple[Article | None, str | None, dict[str, Any], str, str]
Result = tuple[str, Article | None, str | None, dict[str, Any], str, str]

ERROR = "extraction error"


def _cache_salt(typogrify: dict | None) -> str:
    """What every file's result depends on besides its bytes and manifest row."""
    return hashlib.sha1(
        code_version().encode() + json.dumps(typogrify, default=str).encode()
    ).hexdigest()


def _sha1(full: str) -> str | None:
    """The SHA-1 of a file's bytes; None if unreadable or too big."""
    try:
        if os.path.getsize(full) > MAX_BYTES:
            return None
        with open(full, "rb") as fh:
            return hashlib.sha1(fh.read()).hexdigest()
    except OSError:
        return None


def _cache_key(digest: str, rel: str, manifest: dict, salt: str) -> str:
    """A file's key: its path, bytes and manifest row, and the salt."""
    row = json.dumps([rel, manifest], default=str)
    return hashlib.sha1(f"{salt}\0{digest}\0{row}".encode()).hexdigest()


def _read(path: Path, salt: str) -> Any:
    """What _write(path, salt, data) kept, or None: none yet, kept under
    another salt (the code changed), or unreadable."""
    try:
        with path.open("rb") as fh:
            if pickle.load(fh) == salt:
                return pickle.load(fh)
    except Exception:  # truncated, or classes that changed
        pass
    return None


def _write(path: Path, salt: str, data: Any) -> None:
    with atomic_file(path) as fh:  # pickled as it is written, not held whole
        pickle.dump(salt, fh, protocol=pickle.HIGHEST_PROTOCOL)
        pickle.dump(data, fh, protocol=pickle.HIGHEST_PROTOCOL)


def _load_cache(folder: Path, salt: str) -> dict[str, dict[str, Extracted]]:
    """The results kept by the last build, by key, in shards by the key's
    first two digits."""
    shards = {path.stem: _read(path, salt) for path in folder.glob("??.pickle")}
    return {name: shard for name, shard in shards.items() if shard is not None}


def _save_cache(
    folder: Path, salt: str, results: dict[str, Extracted], old: dict[str, dict]
) -> None:
    """Write the shards whose keys changed; remove every other file."""
    shards: dict[str, dict[str, Extracted]] = {}
    for key, result in results.items():
        shards.setdefault(key[:2], {})[key] = result
    for name, shard in shards.items():
        if shard.keys() != old.get(name, {}).keys():
            _write(folder / f"{name}.pickle", salt, shard)
    keep = {*shards, "manifest", "report", "stamps"}
    for path in folder.iterdir():  # emptied shards, older layouts
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        elif path.suffix == ".pickle" and path.stem not in keep:
            path.unlink()


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
    if (hit := _read(kept, salt)) is not None:
        manifest, named = hit
        if all(exists(n) == e for n, e in named.items()):
            return manifest
    manifest = load_manifest(path, path.parent, found)
    files = {*manifest.entries, *(p["file"] for p in manifest.problems if "file" in p)}
    named = {n: exists(n) for n in files}
    _write(kept, salt, (manifest, named))
    return manifest


def _extract_one(job: tuple[str, str, dict, dict | None]) -> Result:
    full, rel, manifest, typogrify = job
    try:
        article = extract_file(Path(full), rel, manifest)
        html = article_html(article, typogrify)
        html["body"] = pack(html["body"])
        result = rel, article, None, html, article.fingerprint, article_url(article)
        if manifest.get("tags"):
            # the HTML has the text, and no automatic tags will read it (see
            # build_corpus): kept and cached, it would only take room
            article.paragraphs = article.paragraphs[:1]  # Article.summary
        return result
    except SkipFile as exc:
        return rel, None, str(exc), {}, "", ""
    except Exception as exc:  # a bug on one file must not stop the archive
        logger.exception("extraction failed for %s", rel)
        return rel, None, f"{ERROR}: {type(exc).__name__}: {exc}", {}, "", ""


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
    paths, others = files if files is not None else find_files(root, folders)
    manifest_entries: dict[str, dict] = {}
    if manifest_path is not None:
        prefix = manifest_path.parent.relative_to(root).as_posix()
        start = len(prefix) + 1
        found = {p[start:] for p in (*paths, *others) if p.startswith(prefix + "/")}
        manifest = _manifest(manifest_path, cache_dir, found)
        corpus.manifest_problems = manifest.problems
        manifest_entries = {f"{prefix}/{k}": v for k, v in manifest.entries.items()}

    done: dict[str, Result] = {}
    jobs = []
    keys: dict[str, str] = {}  # path -> cache key
    salt = _cache_salt(typogrify)
    shards = _load_cache(cache_dir, salt) if cache_dir else {}
    kept_stamps = (_read(cache_dir / "stamps.pickle", "1") or {}) if cache_dir else {}
    stamps = {p: kept_stamps[p] for p in paths if p in kept_stamps}  # still there
    workers = workers if workers is not None else min(os.cpu_count() or 1, 4)
    # its workers are forked when first given work
    with ProcessPoolExecutor(max(workers, 1), initializer=gc.enable) as pool:

        def many(function: Callable, items: list) -> Any:
            """map, in the workers when the items are many (a first build)."""
            if workers > 1 and len(items) > 500:
                return pool.map(function, items, chunksize=256)
            return map(function, items)

        # the files' digests (see store.stamped)
        paths_of = {p: os.path.join(root, p) for p in paths}
        digests = stamped(paths_of, stamps, _sha1, many) if cache_dir else {}
        for p in paths:
            entry, digest = manifest_entries.get(p, {}), digests.get(p)
            key = _cache_key(digest, p, entry, salt) if digest else None
            if key is not None:
                keys[p] = key
                if (hit := shards.get(key[:2], {}).get(key)) is not None:
                    done[p] = (p, *hit)
                    continue
            jobs.append((paths_of[p], p, entry, typogrify))
        hits = len(done)
        if progress:
            progress(len(done))
        if workers > 1 and len(jobs) > 50:
            chunk = max(1, min(64, len(jobs) // (workers * 8)))
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
    cached = sum(map(len, shards.values())) if cache_dir else 0
    new_results = cache_dir is not None and (len(keys) != hits or cached != hits)
    new_stamps = cache_dir is not None and stamps != kept_stamps

    def save() -> None:
        if new_results:
            # before the tags are unified below: what each file gave
            keep = {
                key: done[p][1:]
                for p, key in keys.items()
                if not (done[p][2] or "").startswith(ERROR)  # a bug: try again
            }
            _save_cache(cache_dir, salt, keep, shards)
        if new_stamps:
            _write(cache_dir / "stamps.pickle", "1", stamps)

    if background and (new_results or new_stamps):
        # the forked process sees the results as they are now, before the
        # tags are unified and the paragraphs cut below
        corpus.saving = multiprocessing.get_context("fork").Process(
            target=save, name="extraction cache"
        )
        corpus.saving.start()
    else:
        save()

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
        # from here on the HTML stands for the text (fingerprint and URL are
        # worked out): the first paragraph is all the build reads of it
        article.paragraphs = article.paragraphs[:1]

    for rel in others:
        corpus.entries[rel] = Entry(
            rel, SKIPPED, "not read: raw articles are *.txt, *.html or *.htm files"
        )

    seen: dict[str, str] = {}  # fingerprint -> first path
    published: list[tuple[Entry, str]] = []
    for rel, article, reason, html, fingerprint, url in (done[p] for p in paths):
        entry = Entry(rel, key=keys.get(rel))
        corpus.entries[rel] = entry
        if article is None:
            entry.status, entry.reason = SKIPPED, reason
            continue
        entry.article, entry.html = article, html
        first = seen.setdefault(fingerprint, rel)
        if first != rel:
            entry.status, entry.duplicate_of = DUPLICATE, first
            entry.reason = f"same article as {first}"
            continue
        published.append((entry, url))
    assign_urls(published)
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
