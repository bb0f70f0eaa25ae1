"""Pelican adapter: apply the cleaning rules to articles from other readers.

Raw dumps are cleaned line by line during extraction (see `newsarchive`);
Markdown or HTML articles get the same rules here, on their HTML.
"""

from __future__ import annotations

import logging

from pelican import signals
from pelican.contents import Article

from newsarchive.htmlclean import clean_html

logger = logging.getLogger(__name__)


def clean_article(content) -> None:
    if not isinstance(content, Article) or content.metadata.get("raw_source"):
        return
    html, removed = clean_html(content._content)
    if removed:
        content._content = html
        logger.info(
            "removed %d cruft elements from %s", len(removed), content.source_path
        )


def register() -> None:
    signals.content_object_init.connect(clean_article)
