"""A one-line progress bar with counts and ETA, shown only on a terminal.

Quiet when stderr is not a TTY and in CI (`CI` set to anything but
"false"/"0"), so logs stay clean.
"""

from __future__ import annotations

import os
import sys
import time
from typing import TextIO


def enabled(stream: TextIO | None = None) -> bool:
    stream = stream or sys.stderr
    if os.environ.get("CI", "").lower() not in ("", "0", "false"):
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 60}:{seconds % 60:02d}"


class Progress:
    """`update(done)` as work goes on; `close()` at the end."""

    def __init__(self, label: str, total: int, stream: TextIO | None = None) -> None:
        self.label, self.total = label, total
        self.stream = stream or sys.stderr
        self.active = total > 0 and enabled(self.stream)
        self.start = self.last = time.monotonic()
        self.done = 0

    def update(self, done: int) -> None:
        self.done = done
        now = time.monotonic()
        if not self.active or (now - self.last < 0.1 and done < self.total):
            return
        self.last = now
        elapsed = now - self.start
        eta = elapsed / done * (self.total - done) if done else 0.0
        width = 30
        filled = width * done // self.total
        bar = "#" * filled + "-" * (width - filled)
        self.stream.write(
            f"\r{self.label:<10} [{bar}] {done:,}/{self.total:,}"
            f"  {_clock(elapsed)} elapsed, ETA {_clock(eta)} "
        )
        self.stream.flush()

    def close(self) -> None:
        if self.active:
            self.update(self.total)
            self.stream.write("\n")
            self.stream.flush()
            self.active = False
