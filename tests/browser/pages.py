"""One URL (relative to the site root) for each page type of the fixture archive."""

PAGE_TYPES = {
    "front": "",
    "front-numbered": "page/1/",
    "article": "2019/05/russia-backs-norths-security/",
    "article-undated": "undated/kimchi-fair-draws-crowds-to-city-plaza/",
    "article-escaped": "2019/06/tariffs-fair-trade-a-small-economys-view/",
    "sections": "section/",
    "section": "section/national/",
    "subsection": "section/national/politics/",
    "authors": "author/",
    "author": "author/sarah-kim/",
    "tags": "tag/",
    "tag": "tag/russia/",
    "archives": "archive/",
    "year": "archive/2019/",
    "month": "archive/2019/05/",
    "undated": "archive/undated/",
    "about": "about/",
    "search": "search/?q=Lavrov",
    "404": "404.html",
}
