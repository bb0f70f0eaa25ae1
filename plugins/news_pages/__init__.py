"""Archive index pages: front page, sections, authors, tags, date archives, feeds."""


def register() -> None:
    # imported here, so `python -m news_pages.search_index` does not load Pelican
    from news_pages.generator import register as connect

    connect()


__all__ = ["register"]
