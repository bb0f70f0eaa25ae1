"""Parallel, incremental page writing.

Pelican's generators call the writer once per page and feed. This writer
records those calls, and when every generator has had its turn (just before
static files are copied) renders them in this process and in forked worker
processes, which inherit the finished context; each process takes the next
CHUNK jobs when it is done with its last, so all finish together:

- a page whose render key (template, settings, theme, and a fingerprint of
  what it shows; see keys.py) matches the last build's and whose file is
  still there is not rendered again;
- a rendered page is written only when its bytes differ from the file there;
- pages the writer produced in the last build but not in this one are
  removed. (The search index is brought up to date after the build, shard by
  shard: see news_pages/search_index.py.)

The first build into an output folder with no record empties it as
DELETE_OUTPUT_DIRECTORY asks; later builds keep it and update it in place.
"""

from __future__ import annotations

import hashlib
import io
import logging
import multiprocessing
import os
import time
from collections.abc import Callable
from pathlib import Path

from pelican import signals
from pelican.utils import clean_output_dir, sanitised_join

from news_build.inputs import foreign_receivers
from news_build.options import cache_dir, workers
from news_build.pelican_seams import BufferedWriter, install_escape
from news_build.progress import Progress
from news_build.session import connect as connect_session
from news_build.session import session
from news_speed import atom
from news_speed.keys import RenderKeys
from newsarchive import store

logger = logging.getLogger(__name__)

CHUNK = 16  # jobs a render process takes at a time (a few tens of ms)


class _Buffer(io.TextIOBase):
    """A file opened for writing; saved on close, only if its bytes changed.
    (Pages and feeds are written in one piece or a few: a list of them is
    cheaper than a StringIO, which widens a non-ASCII text to 4 bytes a
    character and back.)"""

    def __init__(self, writer: ParallelWriter, path: str, encoding: str) -> None:
        super().__init__()
        self.writer, self.path, self.charset = writer, path, encoding
        self.parts: list[str] = []

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        self.parts.append(text)
        return len(text)

    def close(self) -> None:
        if not self.closed:
            text = "".join(self.parts)
            self.parts = []
            self.writer.save(self.path, text.encode(self.charset))
        super().close()


class ParallelWriter(BufferedWriter):
    atom_class = atom.Atom1Feed

    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        self.jobs: list[tuple[str, tuple, dict]] = []
        self.deferred = True
        self.produced: set[str] = set()
        self.changed = 0
        os.makedirs(output_path, exist_ok=True)  # others write here directly
        self.keys: RenderKeys | None = None  # while pages render

    # recording -----------------------------------------------------------

    def write_file(self, name, template, context, *args, **kwargs):
        if not self.deferred:
            return super().write_file(name, template, context, *args, **kwargs)
        if name:
            self.jobs.append(("file", (name, template, context, *args), kwargs))
        return None

    def write_feed(self, elements, context, path=None, *args, **kwargs):
        if not self.deferred or not path:
            return super().write_feed(elements, context, path, *args, **kwargs)
        self.jobs.append(("feed", (list(elements), context, path, *args), kwargs))
        return None

    # writing -------------------------------------------------------------

    def open_buffer(self, filename: str, encoding: str) -> _Buffer:
        return _Buffer(self, filename, encoding)

    def save(self, path: str, data: bytes) -> None:
        self.produced.add(path)
        try:
            if os.path.getsize(path) == len(data) and Path(path).read_bytes() == data:
                return
        except OSError:
            pass
        with open(path, "wb") as fh:  # Pelican made its folder
            fh.write(data)
        self.changed += 1

    def _run(self, job: tuple[str, tuple, dict]) -> None:
        kind, args, kwargs = job
        if kind == "file":
            super().write_file(*args, **kwargs)
        else:
            super().write_feed(*args, **kwargs)

    def _target(self, job: tuple[str, tuple, dict]) -> str | None:
        """The one file a job writes, or None when that is not known up front."""
        kind, args, kwargs = job
        if kind == "feed":
            return sanitised_join(self.output_path, args[2])
        name, template = args[0], args[1]
        template_name = kwargs.get("template_name") or getattr(template, "name", "")
        paginated = kwargs.get("paginated") or any(
            k in kwargs for k in ("articles", "dates")
        )
        if paginated and template_name in self.settings["PAGINATED_TEMPLATES"]:
            return None
        return sanitised_join(self.output_path, name)

    def flush(self) -> None:
        """Render every recorded job that needs it, in worker processes."""
        self.deferred = False
        jobs, self.jobs = self.jobs, []
        record_path = _record_path(self.settings)
        record = _load(record_path)
        if record_path is not None:
            record_path.unlink(missing_ok=True)  # a failed build leaves none
        started = time.perf_counter()
        templates = record.get("templates", {})
        new_keys, rendered = self._render(jobs, record["keys"], templates)
        stale = set(record["produced"]) - self.produced
        for path in sorted(stale):
            try:
                os.remove(path)
                os.removedirs(os.path.dirname(path))  # empty folders up the tree
            except OSError:
                pass
        if record_path is not None:
            store.keep(
                record_path,
                RECORD,
                {
                    "keys": new_keys,
                    "produced": sorted(self.produced),
                    "templates": templates,
                },
            )
        logger.info(
            "pages: %d, rendered %d, written %d, removed %d; %.1f s",
            len(self.produced),
            rendered,
            self.changed,
            len(stale),
            time.perf_counter() - started,
        )

    def _share(
        self, jobs: list, take: Callable[[], int | None], old: dict[str, str], tick
    ) -> tuple[dict[str, str], int]:
        """Jobs CHUNK at a time, from each index take() gives until it gives
        None: each one's render key, and the job rendered unless its key is
        the last build's and its file is still there. Returns the keys and
        how many were rendered."""
        keys = self.keys
        assert keys is not None
        new_keys: dict[str, str] = {}
        rendered = 0
        while (start := take()) is not None:
            for job in jobs[start : start + CHUNK]:
                target = self._target(job)
                key = keys.job_key(job) if target else None
                if key:
                    new_keys[target] = key  # type: ignore[index]
                if key and old.get(target) == key and os.path.isfile(target):
                    self.produced.add(target)  # type: ignore[arg-type]
                else:
                    self._run(job)
                    rendered += 1
                tick()
        return new_keys, rendered

    def _render(
        self, jobs: list, old: dict[str, str], templates: dict
    ) -> tuple[dict[str, str], int]:
        """Work out keys and render in worker processes, which take the jobs
        CHUNK at a time; returns the new keys and how many were rendered."""
        per_worker = self.settings.get("NEWS_PAGES_PER_WORKER", 100)
        n = min(workers(self.settings), len(jobs) // per_worker or 1)
        bar = Progress("Writing", len(jobs))
        build = session(self.settings)
        self.keys = keys = RenderKeys(self.settings, build.digest, templates)
        _compile_templates(jobs, keys)
        # kept with the record: what this build's templates gave
        used = {d: keys.template_info[d] for d in keys.sources}
        templates.clear()
        templates.update(used)
        # what the pages show lasts until the build ends
        build.freeze()
        if n <= 1:
            done = iter(range(1, len(jobs) + 1))
            starts = iter(range(0, len(jobs), CHUNK))
            result = self._share(
                jobs, lambda: next(starts, None), old, lambda: bar.update(next(done))
            )
            self.keys = None
            bar.close()
            return result
        # this process renders a share itself: each worker copies the pages
        # of this heap it touches, this process copies none
        ctx = multiprocessing.get_context("fork")
        share = _Share(self, jobs, old, ctx)
        produced, changed = self.produced, self.changed
        try:
            shares = share.run(n - 1, lambda: bar.update(share.counter.value))
        finally:
            self.keys = None
            self.produced, self.changed = produced, changed
        bar.close()
        new_keys: dict[str, str] = {}
        rendered = 0
        for produced, changed, keys, count in shares:
            self.produced.update(produced)
            self.changed += changed
            new_keys.update(keys)
            rendered += count
        return new_keys, rendered


def _compile_templates(jobs: list, keys: RenderKeys) -> None:
    """Compile the templates the jobs render, and those they include or
    import, once, before the workers fork (each would compile its own)."""
    seen: set[tuple[int, str]] = set()
    for kind, args, _ in jobs:
        template = args[1] if kind == "file" else None
        env, name = (
            getattr(template, "environment", None),
            getattr(template, "name", None),
        )
        if env is None or name is None or (id(env), name) in seen:
            continue
        seen.add((id(env), name))
        keys.names(env, name)
        for used in keys.templates.get(name, ()):
            env.get_template(used)


class _Share:
    """The jobs, shared by forked render processes and this one: each takes
    the next CHUNK when it is done with its last, until none are left.
    (Forked, not pickled: a process starts with the jobs in its memory.)"""

    def __init__(self, writer: ParallelWriter, jobs: list, old: dict, ctx) -> None:
        self.writer, self.jobs, self.old, self.ctx = writer, jobs, old, ctx
        self.counter = ctx.Value("i", 0)  # jobs done, for the bar
        self.cursor = ctx.Value("i", 0)  # the next job to take

    def run(self, forks: int, counted: Callable[[], None]) -> list[tuple]:
        """Render with `forks` forked processes and this one; each one's
        produced files, changed count, keys and rendered count."""
        pipes, processes = [], []
        for _ in range(forks):
            receive, send = self.ctx.Pipe(duplex=False)
            process = self.ctx.Process(target=self._child, args=(send,))
            process.start()
            send.close()
            pipes.append(receive)
            processes.append(process)
        shares = [self.render(counted)]
        for receive, process in zip(pipes, processes, strict=True):
            while not receive.poll(0.2):
                counted()
                if not process.is_alive() and not receive.poll(0):
                    raise RuntimeError("a render process failed (see above)")
            shares.append(receive.recv())
            process.join()
        return shares

    def _child(self, send) -> None:
        try:
            send.send(self.render())
        finally:
            send.close()

    def render(
        self, counted: Callable[[], None] | None = None
    ) -> tuple[set[str], int, dict[str, str], int]:
        """Render jobs, CHUNK at a time, until none are left; `counted` is
        called each time the shared count of jobs done grows."""
        writer, counter, cursor, jobs = (
            self.writer,
            self.counter,
            self.cursor,
            self.jobs,
        )
        writer.produced, writer.changed = set(), 0
        done = 0

        def count(n: int) -> None:
            with counter.get_lock():
                counter.value += n
            if counted is not None:
                counted()

        def tick() -> None:  # the bar is told every 25 jobs
            nonlocal done
            done += 1
            if done % 25 == 0:
                count(25)

        def take() -> int | None:
            with cursor.get_lock():
                start = cursor.value
                cursor.value += CHUNK
            return start if start < len(jobs) else None

        keys, rendered = writer._share(jobs, take, self.old, tick)
        count(done % 25)
        return writer.produced, writer.changed, keys, rendered


def _record_path(settings: dict) -> Path | None:
    folder = cache_dir(settings)
    if folder is None:
        return None
    out = os.path.realpath(settings["OUTPUT_PATH"])
    return folder / f"pages-{hashlib.sha1(out.encode()).hexdigest()[:16]}.pickle"


RECORD = "pages 1"  # the salt of the record's layout


def _load(path: Path | None) -> dict:
    got = store.load(path, RECORD) if path is not None else None
    return got if isinstance(got, dict) else {"keys": {}, "produced": []}


# signal handlers -----------------------------------------------------------


def keep_output(pelican) -> None:
    """Update the output folder in place instead of emptying it first; empty
    it only when there is no record of what the last build wrote, or when a
    plugin from outside the project is loaded (it may write files in the
    output folder that a clean build would not have: see news_build.inputs)."""
    if not pelican.delete_outputdir:
        return
    if foreign := foreign_receivers():
        logger.info(
            "plugins from outside the project (%s): the output folder is "
            "emptied first and every page written again",
            ", ".join(foreign),
        )
        return  # Pelican empties it
    pelican.delete_outputdir = False
    record = _record_path(pelican.settings)
    if record is None or not record.exists():
        out, src = (os.path.realpath(p) for p in (pelican.output_path, pelican.path))
        if os.path.commonpath([out]) != os.path.commonpath([out, src]):
            clean_output_dir(pelican.output_path, pelican.output_retention)


def get_writer(pelican):
    return ParallelWriter


def flush_before_static(generators) -> None:
    """Static files go last: render the recorded pages just before them."""
    last = generators[-1]
    generate_output = last.generate_output

    def flush_then_generate(writer):
        if isinstance(writer, ParallelWriter) and writer.deferred:
            writer.flush()
        return generate_output(writer)

    last.generate_output = flush_then_generate


def register() -> None:
    connect_session()
    install_escape()
    signals.initialized.connect(keep_output)
    signals.get_writer.connect(get_writer)
    signals.all_generators_finalized.connect(flush_before_static)
