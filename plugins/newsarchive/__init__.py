"""Extraction core: raw page dumps in, article records out.

Plain Python with no Pelican import, so tests, worker processes and the
command-line inspector can all call it directly.
"""

from newsarchive.extract import Article, SkipFile, extract_file, extract_text

__all__ = ["Article", "SkipFile", "extract_file", "extract_text"]
