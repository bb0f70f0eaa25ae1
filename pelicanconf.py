"""Site settings for local builds (`make html`, `make serve`)."""

import os
import sys

ROOT = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(ROOT, "plugins"))

SITENAME = "News Archive"
SITESUBTITLE = "Articles kept from the Korea JoongAng Daily and other outlets"
# No AUTHOR setting: Pelican would credit unsigned articles (editorials) to it.
SITEURL = ""
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
DEFAULT_DATE_FORMAT = "%B %-d, %Y"

PATH = ROOT
ARTICLE_PATHS = ["seeds"]
PAGE_PATHS = ["content/pages"]
STATIC_PATHS = []
OUTPUT_PATH = os.path.join(ROOT, "output")
DELETE_OUTPUT_DIRECTORY = True
READERS = {"html": None}  # seeds hold raw dumps only; pages are Markdown

NEWS_MANIFEST = "seeds/manifest.csv"
NEWS_REPORT = os.path.join(ROOT, "build-report.json")
NEWS_WORKERS = None  # None: one per core

PLUGIN_PATHS = [os.path.join(ROOT, "plugins")]
PLUGINS = ["news_reader", "news_clean", "news_pages", "news_speed"]

THEME = os.path.join(ROOT, "theme")
JINJA_ENVIRONMENT = {
    "trim_blocks": True,
    "lstrip_blocks": True,
    "autoescape": True,
    "auto_reload": False,  # no stat() per include; each build makes a new environment
}
TYPOGRIFY = True
TYPOGRIFY_OMIT_FILTERS = ["widont"]  # keep titles plain in feeds and tabs

# Folder-style URLs. Article URLs come from the reader (YYYY/MM/slug/).
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
ARTICLE_URL = "{slug}/"
ARTICLE_SAVE_AS = "{slug}/index.html"
# Index, section, author, tag and archive pages are written by news_pages.
DIRECT_TEMPLATES = []
CATEGORY_SAVE_AS = TAG_SAVE_AS = AUTHOR_SAVE_AS = ""
CATEGORIES_SAVE_AS = TAGS_SAVE_AS = AUTHORS_SAVE_AS = ARCHIVES_SAVE_AS = ""
YEAR_ARCHIVE_SAVE_AS = MONTH_ARCHIVE_SAVE_AS = DAY_ARCHIVE_SAVE_AS = ""
CATEGORY_URL = "section/{slug}/"
TAG_URL = "tag/{slug}/"
AUTHOR_URL = "author/{slug}/"
DEFAULT_PAGINATION = 20  # the front page and section pages (with summaries)
# subsection, author, tag and date pages, which list headlines and dates
NEWS_LIST_PAGINATION = 50

# Feeds: the site feed here; section, author and tag feeds by news_pages.
FEED_DOMAIN = SITEURL
FEED_ALL_ATOM = None
FEED_ATOM = None
CATEGORY_FEED_ATOM = None
TAG_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None
# An archive has no translations; grouping them is O(N^2) in Pelican 4.12.
ARTICLE_TRANSLATION_ID = None
FEED_MAX_ITEMS = 50  # the site's and each section's feed
# Each author's and tag's feed: they are most of the feeds; each item holds
# the title, summary and link (the site's and sections' the whole article).
NEWS_GROUP_FEED_MAX_ITEMS = 10

RELATIVE_URLS = False
