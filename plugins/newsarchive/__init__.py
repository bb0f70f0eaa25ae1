"""Extraction core: raw page dumps in, article records out.

Plain Python with no Pelican import, so tests, worker processes and the
command-line inspector can all call it directly.
"""

from typing import Any

__all__ = ["Article", "SkipFile", "extract_file", "extract_text"]


def __getattr__(name: str) -> Any:
    # loaded on first use, so `python -m newsarchive.report` stays quick
    if name in __all__:
        from newsarchive import extract

        return getattr(extract, name)
    raise AttributeError(f"module 'newsarchive' has no attribute {name!r}")
