"""Build speed: pages rendered in parallel worker processes, unchanged
pages not rendered again, identical files not rewritten, and a progress bar
on a terminal."""

from news_speed.writer import register

__all__ = ["register"]
