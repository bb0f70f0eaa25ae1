"""Saved HTML pages (`*.html`, `*.htm`): the article in them as lines of
text and the page's own metadata, for `extract.extract_text` to read as it
reads a text dump.

A page of a layout a profile knows (the Korea JoongAng Daily) is read as its
visible text, one block per line, as its text dump would be: the same rules
give the same fields. Any other page goes through trafilatura, which finds
the article body, author, date and tags; the headline is the page's own
(see `headline`: its `<h1>`, `og:title`, JSON-LD `headline` before its
`<title>`, the outlet's name cut off). Every visible block of the page that is
not in the article is listed as removed (`outside-article`), with the line
of the HTML it starts on.

trafilatura is imported on the first HTML page only: archives of text dumps
never load it.
"""

from __future__ import annotations

import codecs
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
from newsarchive.headline import (
    MAX_H1,
    Outlet,
    content_words,
    h1_text,
    in_aside,
    pick_headline,
)
from newsarchive.htmltree import (
    breadcrumb_element,
    breadcrumb_levels,
    compare_key,
    json_ld,
    meta,
    run_together,
    text_of,
    title_element,
    title_text,
    visible_blocks,
)
from newsarchive.names import (
    BYLINE_END,
    add_author,
    name_line,
    names_line,
    parse_byline,
    proper_case,
    wire_credit,
)
from newsarchive.text import squash, strip_bidi

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

MAX_TAGS = 12
# words in what trafilatura gives as an author that no person's name has
NOT_A_NAME = re.compile(
    r"\b(reports?|wires?|news|staff|agency|agencies|services?|desk|team|"
    r"admin(istrator)?|editors?|editorial|anonymous|unknown|"
    r"redaktion|redacci[oó]n|r[ée]daction|redazione|reda[çc][ãa]o)\b",
    re.I,
)
# `Guest Author`, `Guest`: not `Jane Guest`, whose family name it is
GUEST = re.compile(r"^\s*guest\b", re.I)
# what follows the names on a byline: `By Jo Park on December 13, 2016`,
# `by Jo Park - Jan 9, 2017 at 10:05AM`, `Jo Park Monday`, `Jo Park Link copied`
MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
# words in the name of a newspaper, magazine or agency (alone after a name,
# only an agency's: `Jo Park Reuters`, not `Mary Ann Post`)
AGENCIES = frozenset(("reuters", "bloomberg"))
ORGANISATION = re.compile(
    r"\b(?:press|post|times|news|international|journal|herald|tribune|magazine|"
    r"daily|agency|wire|network|media|radio|television|gazette|chronicle|"
    r"telegraph|observer|reuters|bloomberg)\b",
    re.I,
)
# how a newspaper's name ends, never a person's (unlike `Post`, `Press`):
# `Island Times`, `Valley Herald`
PAPER_ENDS = frozenset(
    """times news journal herald tribune magazine gazette chronicle telegraph
    observer agency network media radio television wire""".split()
)
# how an address ends, never a name: what is left of `jpark@islandtimes.com`
ADDRESS_ENDS = frozenset(("com", "net", "org"))
# months that are no one's name, alone at the end of a byline
LONG_MONTHS = frozenset("january february september october november december".split())
AFTER_NAME = re.compile(
    r"(?:\s*[,|–—-]\s*|\s+on\s+|\s+)"
    rf"(?:{MONTH}\s+\d|\d|(?:updated|published|posted|link copied)\b|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day\b).*$",
    re.I,
)


# where a page links its writers' own pages: `/author/jo-park`, `/people/…`
AUTHOR_PATH = re.compile(
    r"/(?:authors?|people|profiles?|staff|writers?|contributors?|editors?|"
    r"journalists?|columnists?|reporters?|by)/(?:[^/]+/)*([^/]+)/?$",
    re.I,
)
# what holds a byline's names: its line, paragraph or box
BYLINE_BOXES = frozenset(("p", "div", "address", "li", "section", "header"))
MAX_BYLINE = 160  # characters in a byline's block, its date and all


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
    its <meta> declares (if the bytes fit it; not a legacy one on bytes
    that are UTF-8 beyond ASCII: a page saved again as UTF-8 keeps its old
    label), else as for text dumps."""
    boms = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
    if not data.startswith(boms) and not looks_binary(data):
        try:
            if not data.isascii():
                return normalise_newlines(data.decode("utf-8")), "utf-8"
        except UnicodeDecodeError:
            pass
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
        headline = pick_headline(
            root, Outlet.of(root, profile.outlet, url), url, blocks
        )
        blocks = breadcrumb_on_a_line(root, blocks)
        texts = [t for _, t in blocks]
        title = title_element(root)
        at = (title.sourceline or 0) if title is not None else 0
        lines = [headline or title_text(root), *texts]
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
    outlet = Outlet.of(root, "", url)
    if doc is None or not (doc.text or "").strip():
        # nothing trafilatura calls an article: the visible text, as a dump
        headline = pick_headline(root, outlet, url, blocks)
        return Page(
            lines=texts,
            origin=[n for n, _ in blocks],
            known={"title": headline} if headline else {},
        )
    # (not trafilatura's site name: on some pages it is the headline; nor
    # its title, which may hold a script's text)
    headline = pick_headline(root, outlet, url, blocks)
    h1 = headline_h1(root, headline)
    lines = as_headline(
        [line for line in map(squash, doc.text.split("\n")) if line],
        headline,
        h1_text(h1) if h1 is not None else "",
    )
    where = {compare_key(t): n for n, t in reversed(blocks)}
    origin = [where.get(compare_key(line), 0) for line in lines]
    known = _known(root, doc, outlet)
    if headline:
        known["title"] = headline
    keys = {compare_key(line) for line in [headline, *lines]}
    whole = " " + " \n ".join(keys) + " "

    shown = set(visible_blocks(h1)) if h1 is not None else set()

    def in_article(key: str) -> bool:
        # a whole line of it, or a run of five words or more within one
        return key in keys or (key.count(" ") >= 4 and f" {key} " in whole)

    outside = [
        Removed(n, t, "outside-article")
        for n, t in blocks
        if (key := compare_key(t)) and not in_article(key) and (n, t) not in shown
    ]
    # the people the JSON-LD names, over the author <meta> tags (which may
    # name a publisher, a place or a handle); else those tags
    authors = ld_people(root) or meta_authors(root, doc.author or "")
    byline = byline_near(blocks, headline, shown)
    if byline and _names_more(byline[0], authors):
        authors, block = byline
        outside = [
            r._replace(rule="byline") if (r.line, r.text) == block else r
            for r in outside
        ]
    if _names_more(linked := author_links(root, h1), authors):
        authors = linked
    # (not the outlet or its publisher beside the people who wrote it)
    people = [a for a in authors if not outlet.named(a, within=False)]
    authors = people or authors
    return Page(
        lines, origin, known=known, outside=outside, authors=authors, found=True
    )


def _names_more(found: list[str], authors: list[str]) -> bool:
    """`found` (the byline under the headline, the writers it links to)
    names everyone in `authors` and more: the metadata named no one, or
    only some of them."""
    return set(map(compare_key, authors)) < set(map(compare_key, found))


def as_headline(lines: list[str], headline: str, shown: str = "") -> list[str]:
    """`lines` with the headline's parts, run together or on lines of their
    own (`<span>Part</span><span>Two`, `Part<br>Two`), as the headline: the
    article then does not repeat it. `shown`: the headline as the page's
    <h1> words it, where that is otherwise (see headline_h1)."""
    keys = {run_together(h) for h in (headline, shown)} - {""}
    squeezed = [run_together(line) for line in lines]
    out: list[str] = []
    i = 0
    while i < len(lines):
        n = next((n for n in (1, 2, 3) if "".join(squeezed[i : i + n]) in keys), 0)
        out.append(headline if n else lines[i])
        i += n or 1
    return out


def headline_h1(root: Any, headline: str) -> Any | None:
    """The first of the page's <h1>s that shows `headline`, in parts or run
    together; else, where the page's metadata words the headline otherwise,
    the first <h1> in the page's story (not in a menu or a box beside it)
    that shares two of its words or more, if any."""
    key = run_together(headline)
    elements = list(root.iterfind(".//h1"))[:MAX_H1]
    for el in elements:
        shows = {run_together(t) for t in (h1_text(el), text_of(el))}
        if key and key in shows:
            return el
    about = content_words(headline)
    for el in elements:
        if len(content_words(h1_text(el)) & about) >= 2 and not in_aside(el):
            return el
    return None


def breadcrumb_on_a_line(
    root: Any, blocks: list[tuple[int, str]]
) -> list[tuple[int, str]]:
    """`blocks` with the page's breadcrumb trail on one line, `Home > News >
    Politics`, as a text dump of the page shows it, when its levels are
    blocks of their own or run together (a list, links with no text
    between them)."""
    crumb = breadcrumb_element(root)
    if crumb is None or not (own := visible_blocks(crumb)):
        return blocks
    items = breadcrumb_levels(crumb)
    if not items or (len(own) == 1 and re.search(r"[>›»/]", own[0][1])):
        return blocks  # no trail, or one line already
    line = " > ".join(["Home", *items])
    for i in range(len(blocks) - len(own) + 1):
        if blocks[i : i + len(own)] == own:
            return [*blocks[:i], (own[0][0], line), *blocks[i + len(own) :]]
    return blocks


def _meta_value(root: Any, name: str) -> str:
    """A <meta name=...> written with `value` for `content`."""
    for el in root.iterfind(".//meta"):
        if el.get("name") == name and not el.get("content"):
            return squash(el.get("value") or "")
    return ""


def _written_by(root: Any) -> str:
    """The name a page gives for link previews as `twitter:data1` under the
    label `Written by`, when it has no author <meta> (whose `Reuters`
    trafilatura drops: not the account that posted the wire's story)."""
    data: dict[str, str] = {}
    for el in root.iterfind(".//meta"):
        key = el.get("name") or el.get("property") or ""
        if key.lower() == "author":
            return ""
        if key.startswith("twitter:"):
            data[key] = squash(el.get("content") or el.get("value") or "")
    for n in "1234":
        if data.get(f"twitter:label{n}", "").lower() == "written by":
            return data.get(f"twitter:data{n}", "")
    return ""


def _spells(slug: str, name: str) -> bool:
    """An address's last part spells the name: `jo-park-1.234` for Jo Park."""
    parts = set(re.split(r"[\W_]+", slug.lower()))
    words = compare_key(name).split()
    return len(words) > 1 and words[0] in parts and words[-1] in parts


def author_links(root: Any, start: Any | None = None) -> list[str]:
    """The writers the byline links to their own pages (`By <a
    href="/author/jo-park">Jo Park</a> and <a rel="author" ...>`): the
    first such link after the headline's <h1> (`start`, see headline_h1)
    whose address spells the name, in a short block (not the story's text)
    and not in a menu or footer (a box beside the story may hold the
    byline), and those beside it."""
    after = start is None
    box = None
    found: list[str] = []
    for el in root.iter():
        if el is start:
            after = True
        if not after or el.tag != "a" or not el.get("href"):
            continue
        if box is not None and box not in el.iterancestors():
            break
        path = AUTHOR_PATH.search(_href_path(el.get("href") or ""))
        name = name_line(squash(el.text_content()))
        rel = "author" in (el.get("rel") or "").lower()
        if not name or not (rel or (path and _spells(path.group(1), name))):
            continue
        if any(up.tag in ("nav", "footer") for up in el.iterancestors()):
            continue
        if box is None:
            up = next((u for u in el.iterancestors() if u.tag in BYLINE_BOXES), None)
            if up is None:
                return [name]
            if len(squash(up.text_content())) > MAX_BYLINE:
                continue  # a name linked in the story's text
            box = up
        add_author(found, name)
    return found


def _href_path(href: str) -> str:
    return re.sub(r"^(?:[a-z]+:)?//[^/]+|[?#].*$", "", href.strip(), flags=re.I)


def byline_near(
    blocks: list[tuple[int, str]], headline: str, shown: set | frozenset = frozenset()
) -> tuple[list[str], tuple[int, str]] | None:
    """The authors of a `By ...` line among the few blocks after the
    headline (or after `shown`, the blocks its <h1> shows it in), and that
    block, for a page whose metadata names none."""
    key = compare_key(headline)
    ends = [i for i, block in enumerate(blocks) if block in shown]
    at = ends[-1:] or [i for i, (_, t) in enumerate(blocks) if compare_key(t) == key]
    if not at:
        return None
    start = at[0]
    for line, text in blocks[start + 1 : start + 8]:
        text = BYLINE_END.split(text)[0]  # `By Jo Park | Outlet`
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


def _section_name(value: str, outlet: Outlet) -> str:
    """`value` when it can be a section's name: a few words, not a list, an
    address, the outlet's name or a word every page has."""
    value = squash(value)
    key = compare_key(value)
    if not key or len(value.split()) > 4 or re.search(r"[,;|/]|\.[a-z]{2,}$", value):
        return ""
    if key in NOT_SECTIONS or outlet.named(value):
        return ""
    return value


def _outlet_after(words: list[str]) -> int:
    """Where the name of a newspaper or agency starts after a person's name
    (`Jo Park Harbour Post`, `JO PARK Associated Press`), else the end."""
    for i in range(2, len(words)):
        tail = words[i:]
        if len(tail) <= 3 and ORGANISATION.search(" ".join(tail)):
            if len(tail) == 1 and tail[0].lower() not in AGENCIES:
                continue  # a family name: `Post`, `Press`, `Daily`
            if all(w[:1].isupper() for w in tail):
                return i
    return len(words)


def meta_authors(root: Any, given: str) -> list[str]:
    """The people the author <meta> tags name, as trafilatura gives them
    (`given`), or as one written with `value` (which trafilatura does not
    read) gives them when `given` names no one, or only one-word names
    (`Reading time`'s first word, a user's handle) where it has a full
    name."""
    authors = page_authors(given)
    # (or as a link's preview gives it: `twitter:label1` `Written by`)
    named = page_authors(_meta_value(root, "author") or _written_by(root))
    single = all(len(a.split()) == 1 and a.isascii() for a in authors)
    if not authors or (single and any(len(a.split()) > 1 for a in named)):
        return named or authors
    return authors


def ld_people(root: Any) -> list[str]:
    """The people the page's JSON-LD names as its article's authors (objects
    of @type Person), as page_authors reads them: the first article that
    names any."""
    for item in json_ld(root):
        given = item.get("author")
        listed = given if isinstance(given, list) else [given]
        names = [
            squash(a["name"])
            for a in listed
            if isinstance(a, dict)
            and "Person" in str(a.get("@type"))
            and isinstance(a.get("name"), str)
        ]
        if people := page_authors(";".join(names)):
            return people
    return []


def _latin(word: str) -> bool:
    """Written in Latin letters, accented or not (`München`; not `松村`,
    whose names are one word)."""
    return all(ord(c) < 0x250 for c in word)


def page_authors(given: str) -> list[str]:
    """The people (or wire services) in what trafilatura gives as the
    author: `By `, dates, `Link copied` and a newspaper's or agency's name
    after a name dropped; a phrase that is no person's name left out (names
    in other scripts are kept), and two lone words or more beside other
    parts (a place: `Outlet; Frankfurt; Germany`); names joined by `and`,
    `og` or `und` in one part are each a writer."""
    found: list[str] = []
    parts = strip_bidi(given).split(";")
    # (two or more lone words in lower or title case: an address's town and
    # country, `Outlet; Frankfurt; Germany`; one is a writer's: `Madonna`,
    # `PTI`)
    lone = [p.strip() for p in parts if len(p.split()) == 1]
    lone = [p for p in lone if not (NOT_A_NAME.search(p) or wire_credit(p))]
    address = len([p for p in lone if _latin(p) and not p.isupper()]) >= 2
    for part in parts:
        part = AFTER_NAME.sub("", re.sub(r"^\s*by\s+", "", part, flags=re.I)).strip()
        words = part.split()
        if words and words[-1].lower() in LONG_MONTHS:  # a date cut short
            words.pop()
        half = len(words) // 2
        if half and words[:half] == words[half:]:  # the name twice over
            words = words[:half]
        words = words[: _outlet_after(words)]
        part = " ".join(words)
        if "@" in part or (words and words[-1].lower() in ADDRESS_ENDS):
            continue  # an e-mail address, or what is left of one: `Jpark Com`
        if 1 < len(words) <= 4 and words[-1].lower() in PAPER_ENDS:
            continue  # a newspaper beside its writer: `Jo Park | Island Times`
        if wire := wire_credit(part):
            add_author(found, wire)
        elif address and len(words) == 1 and _latin(part) and not part.isupper():
            continue
        elif part and not NOT_A_NAME.search(part) and not GUEST.match(part):
            if len(joined := names_line(part)) > 1:
                for name in joined:  # `Ana Ruiz og Tom Reyes`
                    if not GUEST.match(name):  # (`Jo Park and Guest Author`)
                        add_author(found, name)
                continue
            if part.isascii() and not name_line(part) and len(part.split()) != 1:
                continue
            add_author(found, proper_case(part) if part.isascii() else part)
    return found


def _known(root: Any, doc: Any, outlet: Outlet) -> dict[str, str]:
    """date, section, tags and address as the page's metadata gives them."""
    known: dict[str, str] = {}
    if doc.date:
        known["date"] = doc.date
    crumb = breadcrumb_element(root)
    trail = breadcrumb_levels(crumb) if crumb is not None else []
    levels = [n for n in (_section_name(v, outlet) for v in trail[:2]) if n]
    found = [meta(root, "article:section"), *levels[:1], *(doc.categories or [])[:1]]
    section = next((n for n in (_section_name(v, outlet) for v in found) if n), "")
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
