"""Files a build keeps for the next: written whole or not at all, under a
salt (what they were worked out under: a file kept under another salt is
not used), and values worked out from a file reused while the file's stamp
is unchanged."""

from __future__ import annotations

import functools
import importlib.metadata
import os
import pickle
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

T = TypeVar("T")
P = TypeVar("P", str, Path)
Stamp = tuple[int, int, int, int, int]  # size, mtime_ns, ctime_ns, inode, device
SETTLED_NS = 2_000_000_000  # see stamped


@contextmanager
def atomic_file(path: Path) -> Iterator[BinaryIO]:
    """A file to write `path` with, piece by piece (no need to hold the
    whole of it), through a temporary file: a reader sees the old file or
    the new one, never a part."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    try:
        with tmp.open("wb") as fh:
            yield fh
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)


def load(
    path: Path, salt: str, unpickler: Callable[[BinaryIO], Any] = pickle.Unpickler
) -> Any:
    """What keep(path, salt, data) kept, or None: nothing kept, kept under
    another salt, or unreadable. `unpickler(file)`: a pickle.Unpickler that
    turns references back into objects, as keep's `pickler` made them."""
    try:
        with path.open("rb") as fh:
            if pickle.load(fh) == salt:
                return unpickler(fh).load()
    except Exception:  # missing, truncated, or classes that changed
        pass
    return None


def _pickler(fh: BinaryIO) -> pickle.Pickler:
    return pickle.Pickler(fh, protocol=pickle.HIGHEST_PROTOCOL)


def keep(
    path: Path,
    salt: str,
    data: Any,
    pickler: Callable[[BinaryIO], pickle.Pickler] = _pickler,
) -> None:
    """Keep `data` in `path` under `salt`, pickled as it is written (not
    held whole in memory), for load(path, salt)."""
    with atomic_file(path) as fh:
        pickle.dump(salt, fh, protocol=pickle.HIGHEST_PROTOCOL)
        pickler(fh).dump(data)


def stamped(
    paths: dict[str, P],
    stamps: dict[str, tuple[Stamp, T]],
    compute: Callable[[P], T | None],
    map_: Callable = map,
) -> dict[str, T | None]:
    """compute(path) for each file in `paths` (key -> path), or, for a file
    whose size, times, inode and device are those recorded with it, what
    `stamps[key]` holds. compute runs through `map_` (a process pool's map,
    say) on the other files, and their new values are recorded. None: the
    file cannot be read, or compute gave None.

    Any write sets the change time (ctime) to the current time, and a value
    is recorded only for a file changed more than SETTLED_NS before it was
    read, so a second write within the clock's resolution cannot go unseen.
    """
    values: dict[str, T | None] = {}
    todo: list[tuple[str, P, Stamp, bool]] = []
    settled_before = time.time_ns() - SETTLED_NS
    for key, path in paths.items():
        try:
            st = os.stat(path)
        except OSError:
            stamps.pop(key, None)
            values[key] = None
            continue
        stamp = (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev)
        if (old := stamps.get(key)) is not None and old[0] == stamp:
            values[key] = old[1]
            continue
        stamps.pop(key, None)
        todo.append((key, path, stamp, st.st_ctime_ns < settled_before))
    for (key, _, stamp, settled), value in zip(
        todo, map_(compute, [path for _, path, _, _ in todo]), strict=True
    ):
        values[key] = value
        if settled and value is not None:
            stamps[key] = (stamp, value)
    return values


@functools.cache
def versions() -> str:
    """Python's version and every installed package's, one a line: what is
    kept is kept for these."""
    names = sorted(
        f"{d.metadata['Name']}=={d.version}"
        for d in importlib.metadata.distributions()
        if d.metadata["Name"]
    )
    return "\n".join([sys.version, sys.platform, *names])
