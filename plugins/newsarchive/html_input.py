"""Saved HTML pages (`*.html`, `*.htm`): the article in them as lines of
text and the page's own metadata, for `extract.extract_text` to read as it
reads a text dump.

A page of a layout a profile knows (the Korea JoongAng Daily) is read as its
visible text, one block per line, as its text dump would be: the same rules
give the same fields. Any other page goes through trafilatura, which finds
the article body, author, date and tags; the headline is taken from the
page's `og:title`, JSON-LD `headline` or `<h1>` before its `<title>`, and
the outlet's name is cut off it. Every visible block of the page that is
not in the article is listed as removed (`outside-article`), with the line
of the HTML it starts on.

trafilatura is imported on the first HTML page only: archives of text dumps
never load it.
"""

from __future__ import annotations

import codecs
import json
import logging
import re
from dataclasses import dataclass, field
from typing import Any

from newsarchive.clean import Removed, load_profiles, pick_profile
from newsarchive.decode import (
    decode_bytes,
    looks_binary,
    normalise_newlines,
)
from newsarchive.names import (
    add_author,
    name_line,
    parse_byline,
    proper_case,
    wire_credit,
)
from newsarchive.text import WORD, squash, strip_bidi

SUFFIXES = (".html", ".htm")

CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
# what browsers read these labels as
CHARSET_ALIASES = {
    "euc-kr": "cp949",
    "ks_c_5601-1987": "cp949",
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
}

# tags whose text no reader sees
INVISIBLE = {
    "head", "script", "style", "noscript", "template", "svg", "iframe",
    "object", "canvas", "select", "button", "input", "textarea", "option",
}  # fmt: skip
BLOCKS = {
    "address", "article", "aside", "blockquote", "body", "br", "caption",
    "dd", "details", "dialog", "div", "dl", "dt", "fieldset", "figcaption",
    "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hr", "html", "legend", "li", "main", "nav", "ol", "p", "pre", "section",
    "summary", "table", "td", "th", "tr", "ul",
}  # fmt: skip
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
# ` | `, ` - `, ` – `, ` — `, ` :: `, ` · `, ` » `: between a headline and
# the outlet's name in a page title
TITLE_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|::|·|»|:)\s+")
IDEOGRAPHS = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")  # kana, Han
ARTICLE_TYPES = re.compile(r"Article|BlogPosting|Report|WebPage", re.I)
MAX_TAGS = 12
# words in what trafilatura gives as an author that no person's name has
NOT_A_NAME = re.compile(
    r"\b(reports?|wires?|news|staff|agency|agencies|services?|desk|team|"
    r"admin(istrator)?|editors?|guest|anonymous|unknown)\b",
    re.I,
)
# what follows the names on a byline: `By Jo Park on December 13, 2016`,
# `by Jo Park - Jan 9, 2017 at 10:05AM`, `Jo Park Monday`, `Jo Park Link copied`
MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
# months that are no one's name, alone at the end of a byline
LONG_MONTHS = frozenset("january february september october november december".split())
AFTER_NAME = re.compile(
    r"(?:\s*[,|–—-]\s*|\s+on\s+|\s+)"
    rf"(?:{MONTH}\s+\d|\d|(?:updated|published|posted|link copied)\b|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day\b).*$",
    re.I,
)


@dataclass
class Page:
    """What a saved page gives extract_text."""

    lines: list[str]  # the text to read, one block a line
    origin: list[int]  # the HTML line each of `lines` starts on
    known: dict[str, str] = field(default_factory=dict)  # as front matter
    outside: list[Removed] = field(default_factory=list)  # blocks left out
    found: bool = False  # `lines` are the article (trafilatura found it)
    authors: list[str] = field(default_factory=list)  # as the metadata names them


def decode_html(data: bytes) -> tuple[str, str]:
    """The page's text and encoding: its byte-order mark, else the charset
    its <meta> declares (if the bytes fit it), else as for text dumps."""
    boms = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
    if not data.startswith(boms) and not looks_binary(data):
        if declared := CHARSET.search(data[:4096]):
            name = declared.group(1).decode("ascii", "replace").lower()
            name = CHARSET_ALIASES.get(name, name)
            try:
                codec = codecs.lookup(name).name
                if "16" not in codec and "32" not in codec:  # ASCII-compatible only
                    return normalise_newlines(data.decode(codec)), codec
            except (LookupError, UnicodeDecodeError):
                pass  # a wrong label: tell from the bytes
    return decode_bytes(data)


def word_count(text: str) -> float:
    """Words, a Chinese or Japanese character counting as half of one (they
    are written without spaces)."""
    return len(text.split()) + len(IDEOGRAPHS.findall(text)) / 2


def compare_key(text: str) -> str:
    """Text as compared: words only, case aside."""
    return " ".join(WORD.findall(text.casefold()))


def visible_blocks(root: Any) -> list[tuple[int, str]]:
    """The page's visible text, one (source line, text) per block, as a
    reader sees it: hidden elements, scripts and styles left out. Walks the
    tree without recursion, so deep nesting cannot overflow."""
    from lxml import etree

    out: list[tuple[int, str]] = []
    current: list[str] = []
    line = [0]

    def flush() -> None:
        text = squash("".join(current))
        current.clear()
        if text:
            out.append((line[0], text))
        line[0] = 0

    def add(text: str | None, at: int | None) -> None:
        if text:
            if not line[0] and text.strip():
                line[0] = at or 0
            current.append(text)

    body = root.find("body")
    walker = etree.iterwalk(body if body is not None else root, events=("start", "end"))
    for event, el in walker:
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            if not tag or tag in INVISIBLE or _hidden(el):
                walker.skip_subtree()
                # its tail is text of the parent; skip_subtree gives no "end"
                add(el.tail, el.sourceline)
                continue
            if tag in BLOCKS:
                flush()
            add(el.text, el.sourceline)
        else:
            if tag in BLOCKS:
                flush()
            add(el.tail, el.sourceline)
    flush()
    return out


def text_of(el: Any) -> str:
    """An element's visible text (not its scripts' or hidden children's)."""
    return " ".join(text for _, text in visible_blocks(el))


def _hidden(el: Any) -> bool:
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    return bool(HIDDEN_STYLE.search(el.get("style") or ""))


def _meta(root: Any, *names: str) -> str:
    """The first non-empty <meta property|name=...> content of `names`."""
    for name in names:
        for el in root.iterfind(".//meta"):
            if name in (el.get("property"), el.get("name"), el.get("itemprop")):
                if value := squash(el.get("content") or ""):
                    return value
    return ""


def _json_ld(root: Any) -> list[dict]:
    """The article-like objects in the page's JSON-LD scripts."""
    found: list[dict] = []
    for script in root.iterfind(".//script"):
        if "ld+json" not in (script.get("type") or "").lower():
            continue
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        stack = [data]
        while stack and len(found) < 20:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                kind = item.get("@type")
                kinds = kind if isinstance(kind, list) else [kind]
                if any(isinstance(k, str) and ARTICLE_TYPES.search(k) for k in kinds):
                    found.append(item)
                if isinstance(item.get("@graph"), list):
                    stack.extend(item["@graph"])
    return found


def site_names(root: Any, sitename: str, url: str) -> set[str]:
    """Names the outlet goes by, as compared (see compare_key)."""
    names = {sitename, _meta(root, "og:site_name", "application-name")}
    host = re.sub(r"^https?://(www\.)?", "", url or "").split("/")[0]
    if host:
        names.add(host)
        names.add(host.rsplit(".", 1)[0])
    return {compare_key(n) for n in names if n and compare_key(n)}


def _is_site(part: str, sites: set[str], within: bool = True) -> bool:
    """`part` names the outlet: it is one of `sites` (spacing aside) or,
    `within`, holds one or is held by one, as whole words (`BBC News`)."""
    key = compare_key(part)
    if not key:
        return True
    squeezed = key.replace(" ", "")
    padded = f" {key} "
    return any(
        key == s
        or squeezed == s.replace(" ", "")
        or (within and len(s) > 3 and f" {s} " in padded)
        or (within and len(key) > 3 and padded in f" {s} ")
        for s in sites
    )


def strip_site(title: str, sites: set[str], page_title: str = "") -> str:
    """`Headline | Outlet` -> `Headline`: a leading or trailing part that
    names the outlet (or that the page's <title>, not the same text, also
    ends with) goes."""
    cuts = [m.span() for m in TITLE_SEPARATOR.finditer(title)]
    if not cuts:
        return title
    bounds = [0, *(c for span in cuts for c in span), len(title)]
    parts = [title[bounds[i] : bounds[i + 1]] for i in range(0, len(bounds), 2)]
    tail = ""
    if page_title and compare_key(page_title) != compare_key(title):
        tail = compare_key(TITLE_SEPARATOR.split(page_title)[-1])
    first, last = 0, len(parts) - 1
    while last > first and (
        _is_site(parts[last], sites) or (tail and compare_key(parts[last]) == tail)
    ):
        last -= 1
    while first < last and _is_site(parts[first], sites):
        first += 1
    return squash(title[bounds[2 * first] : bounds[2 * last + 1]])


def pick_headline(root: Any, sitename: str = "", url: str = "") -> str:
    """The headline the page shows: its <h1>, when the page's metadata
    (JSON-LD, og:title, twitter:title) or its <title> agrees, or when it
    reads as a headline (not a logo or a section's name); else that
    metadata, else the <title>. Never the outlet's name."""
    page_title = squash(root.findtext(".//title") or "")
    sites = site_names(root, sitename, url)
    ld = next(
        (
            squash(str(item["headline"]))
            for item in _json_ld(root)
            if isinstance(item.get("headline"), str) and item["headline"].strip()
        ),
        "",
    )
    metas = [ld, _meta(root, "og:title"), _meta(root, "twitter:title")]
    metas = [strip_site(m, sites, page_title) for m in metas if m]
    h1s = [text_of(el) for el in root.iterfind(".//h1")][:8]
    h1s = [h for h in h1s if h and not _is_site(h, sites, within=False)]
    for h in h1s:  # a headline the metadata agrees with
        if any(compare_key(h) == compare_key(m) for m in metas):
            return h
    title_key = compare_key(page_title)
    held = [h for h in h1s if len(compare_key(h)) > 3 and compare_key(h) in title_key]
    if held:  # the fullest <h1> the <title> holds (not the outlet's in it)
        return max(held, key=len)
    for h in h1s:  # the headline the page shows, not a logo or section
        if word_count(h) >= 4:
            return h
    if metas:
        return metas[0]
    words = set(compare_key(strip_site(page_title, sites)).split())
    for h in h1s:  # an <h1> with every word of a shorter <title>
        if words and words <= set(compare_key(h).split()):
            return h
    if page_title:
        return strip_title_tail(strip_site(page_title, sites, ""))
    return h1s[0] if h1s else ""


def strip_title_tail(title: str) -> str:
    """`Headline | Outlet` with an outlet this page does not name elsewhere:
    a short last part after a separator, shorter than what comes before."""
    cuts = list(TITLE_SEPARATOR.finditer(title))
    if not cuts:
        return title
    head, tail = title[: cuts[-1].start()], title[cuts[-1].end() :]
    if len(tail.split()) <= 4 and len(tail) < len(head):
        return head
    return title


def _breadcrumb(root: Any) -> list[str]:
    """The levels of the page's breadcrumb trail, below `Home`."""
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        marks = " ".join(
            el.get(a) or "" for a in ("class", "id", "aria-label", "itemtype")
        )
        if not re.search(r"breadcrumb", marks, re.I):
            continue
        items = [text_of(a) for a in el.iterfind(".//a")]
        items += [text_of(li) for li in el.iterfind(".//li")][len(items) :]
        items = [i for i in dict.fromkeys(items) if i and len(i) <= 40]
        if items and compare_key(items[0]) in ("home", "main", "start", "front page"):
            items = items[1:]
        if items:
            return items[:2]
    return []


def _quiet_libraries() -> None:
    """trafilatura and htmldate log each page they find little in; the build
    report says what became of each file instead."""
    for name in ("trafilatura", "htmldate", "courlan", "justext"):
        logging.getLogger(name).setLevel(logging.CRITICAL)


def read_page(text: str, url: str = "") -> Page:
    """Split a decoded page into the lines extract_text reads and what it
    knows from the page's metadata."""
    from lxml.etree import ParserError
    from lxml.html import HTMLParser, document_fromstring
    from trafilatura import bare_extraction

    _quiet_libraries()
    # deep nesting kept (libxml2 drops what is over 256 levels deep otherwise)
    parser = HTMLParser(
        encoding="utf-8", remove_comments=True, remove_pis=True, huge_tree=True
    )
    try:
        root = document_fromstring(text.encode("utf-8", "replace"), parser=parser)
    except (ParserError, ValueError):  # no element at all
        return Page(lines=[], origin=[])
    blocks = visible_blocks(root)
    texts = [t for _, t in blocks]
    profile = pick_profile(texts, load_profiles())
    if profile is not None:
        # a known layout: its visible text, read as its text dump is; the
        # headline in place of the <title> a dump starts with
        headline = pick_headline(root, profile.outlet, url)
        title = root.find(".//title")
        at = (title.sourceline or 0) if title is not None else 0
        lines = [headline or squash(root.findtext(".//title") or ""), *texts]
        origin = [at, *(n for n, _ in blocks)]
        return Page(lines=lines, origin=origin)

    try:
        doc = bare_extraction(
            root,
            url=url or None,
            with_metadata=True,
            include_comments=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except (RecursionError, ValueError, TypeError, AttributeError):
        doc = None  # a page it cannot read: its visible text, below
    if doc is None or not (doc.text or "").strip():
        # nothing trafilatura calls an article: the visible text, as a dump
        headline = pick_headline(root, "", url)
        return Page(
            lines=texts,
            origin=[n for n, _ in blocks],
            known={"title": headline} if headline else {},
        )
    # (not trafilatura's site name: on some pages it is the headline; nor
    # its title, which may hold a script's text)
    headline = pick_headline(root, "", url)
    lines = [squash(line) for line in doc.text.split("\n")]
    lines = [line for line in lines if line]
    where = {compare_key(t): n for n, t in reversed(blocks)}
    origin = [where.get(compare_key(line), 0) for line in lines]
    known = _known(root, doc, url)
    if headline:
        known["title"] = headline
    keys = {compare_key(line) for line in [headline, *lines]}
    whole = " " + " \n ".join(keys) + " "

    def in_article(key: str) -> bool:
        # a whole line of it, or a run of five words or more within one
        return key in keys or (key.count(" ") >= 4 and f" {key} " in whole)

    outside = [
        Removed(n, t, "outside-article")
        for n, t in blocks
        if (key := compare_key(t)) and not in_article(key)
    ]
    authors = page_authors(doc.author or "")
    byline = byline_near(blocks, headline)
    # the byline under the headline, when the metadata names no one or only
    # some of the people it names
    if byline and set(map(compare_key, authors)) < set(map(compare_key, byline[0])):
        authors, block = byline
        outside = [
            r._replace(rule="byline") if (r.line, r.text) == block else r
            for r in outside
        ]
    return Page(
        lines, origin, known=known, outside=outside, authors=authors, found=True
    )


def byline_near(
    blocks: list[tuple[int, str]], headline: str
) -> tuple[list[str], tuple[int, str]] | None:
    """The authors of a `By ...` line among the few blocks after the
    headline, and that block, for a page whose metadata names none."""
    key = compare_key(headline)
    start = next((i for i, (_, t) in enumerate(blocks) if compare_key(t) == key), None)
    if start is None:
        return None
    for line, text in blocks[start + 1 : start + 8]:
        if found := parse_byline(AFTER_NAME.sub("", text)):
            return found[0], (line, text)
    return None


# what pages give as a section that names none
NOT_SECTIONS = frozenset(
    (
        *("all", "article", "articles", "default", "front page", "frontpage"),
        *("general", "home", "homepage", "home page", "index", "latest", "main"),
        *("post", "posts", "stories", "story", "uncategorized"),
    )
)


def _section_name(value: str, sites: set[str]) -> str:
    """`value` when it can be a section's name: a few words, not a list, an
    address, the outlet's name or a word every page has."""
    value = squash(value)
    key = compare_key(value)
    if not key or len(value.split()) > 4 or re.search(r"[,;|/]|\.[a-z]{2,}$", value):
        return ""
    if key in NOT_SECTIONS or _is_site(value, sites):
        return ""
    return value


def page_authors(given: str) -> list[str]:
    """The people (or wire services) in what trafilatura gives as the
    author: `By `, dates and `Link copied` after a name dropped; a phrase
    that is no person's name left out (names in other scripts are kept)."""
    found: list[str] = []
    for part in strip_bidi(given).split(";"):
        part = AFTER_NAME.sub("", re.sub(r"^\s*by\s+", "", part, flags=re.I)).strip()
        words = part.split()
        if words and words[-1].lower() in LONG_MONTHS:  # a date cut short
            words.pop()
        half = len(words) // 2
        if half and words[:half] == words[half:]:  # the name twice over
            words = words[:half]
        part = " ".join(words)
        if wire := wire_credit(part):
            add_author(found, wire)
        elif part and not NOT_A_NAME.search(part):
            if part.isascii() and not name_line(part) and len(part.split()) != 1:
                continue
            add_author(found, proper_case(part) if part.isascii() else part)
    return found


def _known(root: Any, doc: Any, url: str = "") -> dict[str, str]:
    """date, section, tags and address as the page's metadata gives them."""
    known: dict[str, str] = {}
    if doc.date:
        known["date"] = doc.date
    sites = site_names(root, "", url)
    levels = [n for n in (_section_name(v, sites) for v in _breadcrumb(root)) if n]
    found = [_meta(root, "article:section"), *levels[:1], *(doc.categories or [])[:1]]
    section = next((n for n in (_section_name(v, sites) for v in found) if n), "")
    if section:
        known["section"] = section
        if levels[1:] and compare_key(levels[0]) == compare_key(section):
            known["subsection"] = levels[1]
    tags = [t.strip() for tag in (doc.tags or []) for t in tag.split(",")]
    tags = [t for t in dict.fromkeys(tags) if t and len(t) <= 40]
    if tags:
        known["tags"] = ", ".join(tags[:MAX_TAGS])
    if doc.url and doc.url.startswith(("http://", "https://")):
        known["url"] = doc.url
    return known
