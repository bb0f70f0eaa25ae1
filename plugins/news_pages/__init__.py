"""Archive index pages: front page, sections, authors, tags, date archives, feeds."""

from news_pages.generator import register

__all__ = ["register"]
