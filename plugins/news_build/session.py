"""One build, from start to end: what it keeps while it runs.

Pelican sends `get_generators` when a build starts (`pelican` runs one;
`pelican -r` one per change) and `finalized` when it ends. A BuildSession is
made at the first and closed at the second; it owns what the project's
plugins keep for the length of a build:

- `digest`: what the caches are keyed on (see inputs.py), worked out once;
- `values`: the build's corpus, kept articles and the like, by name;
- `in_background`: work done by forked processes while the build goes on,
  one at a time; `close` waits for them and fails the build if one failed;
- the garbage collector: `freeze` moves what exists so far (what lasts the
  whole build) out of its sight; the next build's start gives it back.

Each plugin reaches the session through the settings it is handed
(`session(settings)`); nothing is kept at module level.

A build, phase by phase (the Pelican signal, then what the plugins do):

1. `initialized` (once per Pelican object): pelican_seams.check() has run
   as the plugins registered; news_speed.keep_output decides whether the
   output folder is updated in place or emptied first.
2. `get_generators`: start(): a new BuildSession.
3. `readers_init`: news_reader adds the raw-file reader.
4. The first raw file read: news_reader builds the corpus
   (newsarchive.corpus.build_corpus: manifest, cache look-up, extraction,
   saving the cache in the background, tags, accounting, URLs); the bodies
   go to a temporary file; the build report is written in the background.
   Each raw article is then made by Pelican, or restored from the last
   build (news_reader.kept).
5. `article_generator_pretaxonomy`: files that are not raw articles are
   dropped; the articles' states are kept in the background.
6. news_pages groups the articles (its generator's generate_context).
7. `all_generators_finalized`: the work in the background is waited for.
8. The generators hand their pages and feeds to news_speed's writer, which
   records them; before static files are copied, it renders them in forked
   processes, skipping those whose render key is unchanged.
9. `finalized`: finish(): the session is closed.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import time
from collections.abc import Callable
from typing import Any

from news_build import inputs, pelican_seams

logger = logging.getLogger(__name__)

KEY = inputs.SESSION_KEY


class BuildSession:
    def __init__(self, settings: dict, plugins: list) -> None:
        self.settings, self.plugins = settings, plugins
        self.started = time.time()
        self.values: dict[str, Any] = {}
        self.background: list[multiprocessing.process.BaseProcess] = []
        self.foreign = inputs.foreign_receivers()
        self._digest: str | None | bool = False  # not worked out yet

    @property
    def digest(self) -> str | None:
        """inputs.build_digest, once; None: nothing is reused this build."""
        if self._digest is False:
            self._digest = inputs.build_digest(self.settings, self.plugins)
            if self._digest is None:
                logger.warning(
                    "settings %s cannot be fingerprinted: nothing is reused "
                    "from the cache in this build",
                    ", ".join(inputs.unknown_settings(self.settings)),
                )
        return self._digest  # type: ignore[return-value]

    def value(self, name: str, make: Callable[[], Any]) -> Any:
        """The build's `name`, made by make() the first time it is asked."""
        if name not in self.values:
            self.values[name] = make()
        return self.values[name]

    def in_background(self, what: str, target: Callable, *args: object) -> None:
        """Run target(*args) in a forked process while the build goes on,
        once the one started before it is done. (A forked process comes to
        hold its own copy of most of this process's memory, 0.9 GB at
        100,000 articles: two at once, or one with the render processes,
        would take a large archive's build past 2 GB.)"""
        self.wait_for_background()
        process = multiprocessing.get_context("fork").Process(
            target=target, args=args, name=what
        )
        process.start()
        self.background.append(process)

    def adopt(self, process: multiprocessing.process.BaseProcess) -> None:
        """A forked process started elsewhere, to wait for like the others."""
        self.background.append(process)

    def wait_for_background(self) -> None:
        for process in self.background:
            process.join()

    @staticmethod
    def freeze() -> None:
        """What exists now lasts the whole build: keep the collector from
        walking it again and again, and forked processes from copying the
        pages the collector would write to."""
        gc.freeze()

    def close(self) -> None:
        """Wait for the work in forked processes; raise if one failed.
        What the build holds is let go by release(), when the next build
        starts: `pelican` ends with the build, and its objects need not be
        walked by the collector, or freed one by one, before it exits."""
        self.wait_for_background()
        failed = [p.name for p in self.background if p.exitcode != 0]
        self.background = []
        if failed:
            raise RuntimeError(
                f"the {', '.join(failed)} could not be written (see above)"
            )

    def release(self) -> None:
        """Let go of what the build held, and give the collector back what
        was frozen."""
        self.background, self.values = [], {}
        gc.unfreeze()


def session(settings: dict) -> BuildSession:
    """The build's session, through the settings (or a copy of them) a
    generator, reader, writer or article holds."""
    got = settings.get(KEY)
    if got is None:  # used outside a build, as tests do
        got = settings[KEY] = BuildSession(settings, [])
    return got


def start(pelican: Any) -> None:
    """get_generators: a build starts."""
    old = pelican.settings.get(KEY)
    if old is not None:  # the last build (pelican -r), ended or stopped half way
        old.release()
    gc.unfreeze()  # what any earlier build in this process froze
    pelican.settings[KEY] = BuildSession(pelican.settings, pelican.plugins)


def finish(pelican: Any) -> None:
    """finalized: the build is over."""
    if (current := pelican.settings.get(KEY)) is not None:
        current.close()


def connect() -> None:
    """Connect start and finish (once, however many plugins ask)."""
    from pelican import signals

    pelican_seams.check()
    signals.get_generators.connect(start)
    signals.finalized.connect(finish)
