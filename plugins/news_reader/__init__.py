"""Pelican adapter: raw page dumps become articles; every file is reported."""

from news_reader.reader import register

__all__ = ["register"]
