"""schema.org NewsArticle JSON-LD for an article page."""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup


def script_json(data: Any) -> Markup:
    """JSON safe inside <script>: no `<`, `>` or `&` can close or open a tag."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)


def news_article(article: Any, siteurl: str, sitename: str = "") -> dict:
    """No description: the page's meta description gives it (search engines
    read both), and the summary is the article's first paragraph. No
    isBasedOn: the page links to the original ("Originally published at")."""
    url = f"{siteurl}/{article.url}"
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.metadata.get("plain_title", article.title),
        "url": url,
        "author": [
            {"@type": "Person", "name": a.name} for a in getattr(article, "authors", [])
        ],
    }
    if sitename:
        data["publisher"] = {"@type": "Organization", "name": sitename}
    if not getattr(article, "undated", False):
        data["datePublished"] = article.date.date().isoformat()
    if getattr(article, "category", None):
        data["articleSection"] = article.category.name
    tags = [t.name for t in getattr(article, "tags", [])]
    if tags:
        data["keywords"] = tags
    return data


def jsonld_filter(article: Any, siteurl: str = "", sitename: str = "") -> Markup:
    return script_json(news_article(article, siteurl, sitename))
