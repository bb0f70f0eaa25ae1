"""Files a build keeps for the next: written whole or not at all, and
values worked out from a file reused while the file's stamp is unchanged."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
Stamp = tuple[int, int, int, int, int]  # size, mtime_ns, ctime_ns, inode, device
SETTLED_NS = 2_000_000_000  # see stamped


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file: a reader sees the
    old file or the new one, never a part."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_bytes(data)
    tmp.replace(path)


def stamped(
    path: str,
    key: str,
    stamps: dict[str, tuple[Stamp, T]],
    compute: Callable[[os.stat_result], T | None],
) -> T | None:
    """compute(stat) for the file at `path`, or what `stamps[key]` holds when
    the file's size, times, inode and device are those recorded with it.
    None: the file cannot be read, or compute gave None.

    Any write sets the change time (ctime) to the current time, and a value
    is recorded only for a file changed more than SETTLED_NS before it was
    read, so a second write within the clock's resolution cannot go unseen.
    """
    try:
        st = os.stat(path)
    except OSError:
        return None
    stamp = (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev)
    if (old := stamps.get(key)) is not None and old[0] == stamp:
        return old[1]
    stamps.pop(key, None)
    settled = st.st_ctime_ns < time.time_ns() - SETTLED_NS
    value = compute(st)
    if settled and value is not None:
        stamps[key] = (stamp, value)
    return value
