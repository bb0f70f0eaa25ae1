"""The headline of a saved HTML page, and the outlet's name cut off it.

A page gives its headline several ways: the <h1> a reader sees, the
og:title, twitter:title and JSON-LD `headline` written for other sites,
and the <title> of the browser's tab, which mostly adds the outlet's name
(`Headline | Outlet`) and sometimes a section's; and some pages mark it
(`itemprop="headline"`). The <h1> wins when the metadata agrees with it
or it reads as a headline; an <h1> that is the outlet's logo or a
section's name never does.

What tells a part of a title is the outlet's name: the names the page's
metadata gives (og:site_name, application-name, the JSON-LD publisher),
its address (`bbc.co.uk` for `BBC News`, `nytimes.com` for `The New York
Times`), its Twitter handle, the same part ending the page's other titles,
and, at the end of a title, the page naming it in a line of its own
(a logo's text, `About Outlet`, `© 2019 Outlet`).
"""

from __future__ import annotations

import copy
import html
import re
import unicodedata
from dataclasses import dataclass
from typing import Any
from urllib.parse import SplitResult, urljoin, urlsplit

from newsarchive.htmltree import (
    SHOWS_NOTHING,
    UNSPACED,
    breadcrumb_element,
    breadcrumb_items,
    compare_key,
    json_ld,
    meta,
    run_together,
    text_of,
    title_text,
    visible_blocks,
)
from newsarchive.text import INSTALMENT, squash

# ` - `, ` – `, ` — `, ` :: `, ` · `, ` » `, ` « `, ` › `, ` ‹ `, ` • `, ` / `,
# ` ~ `, ` // `, ` : `, `|`, `｜`, `：`: between a headline and the outlet's
# name in a page title
TITLE_SEPARATOR = re.compile(
    r"\s+(?:-|–|—|::|·|»|«|›|‹|•|~|//|/|:)\s+|\s*[|｜]\s*|\s*：\s*"
)
# a part of a title that is an address (`harbourtimes.com`) or a date
DOMAIN = re.compile(
    r"(?:www\.)?[a-z0-9-]{2,}(?:\.[a-z0-9-]+)*\.(?:com|net|org|info|news|co|[a-z]{2})",
    re.I,
)
DATE = re.compile(
    r"\d{1,2}\.?\s+\w+\.?\s+\d{4}|\w+\.?\s+\d{1,2},?\s+\d{4}|"
    r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}"
)
# a quote within a headline: `« Nous reviendrons »`, `»Wir bleiben«`
QUOTED = re.compile(r"«[^«»]{1,200}»|»[^«»]{1,200}«")
# `Headline [Outlet]`
BRACKETED = re.compile(r"\s*\[([^\[\]]{2,60})\]\s*$")
# `Headline (Outlet)`, `Headline [Outlet]`
ENCLOSED = re.compile(r"\s*[(\[]([^()\[\]]{2,60})[)\]]\s*$")
# `Outlet: Headline`
OUTLET_COLON = re.compile(r"([^:]{2,40}):\s+(?=\S)")
IDEOGRAPHS = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")  # kana, Han
# where a page's logo or name stands, by its class or id
LOGO = re.compile(
    r"(?:^|[\s_-])(?:logo|masthead|branding|site-?(?:title|name))(?:$|[\s_-])",
    re.I,
)
# what a page puts before a headline to say what kind of story it is
LABELS = frozenset(
    (
        *("exclusive", "live", "breaking", "breaking news", "live updates"),
        *("opinion", "analysis", "editorial", "commentary", "comment"),
        *("watch", "video", "photos", "gallery", "update", "updated"),
        *("sponsored", "advertorial", "paid content", "just in", "developing"),
    )
)
LABEL = re.compile(
    rf"^\s*(?:{'|'.join(sorted(LABELS, key=len, reverse=True))})\s*[:|｜–—]\s*(?=\S)",
    re.I,
)
# the class of a label or topic over a headline, in an element of its own
KICKER = re.compile(
    r"kicker|eyebrow|overline|supertitle|topline|flag|badge|label|rubric", re.I
)
# the class of what an <h1> may hold beside its headline
NOT_HEADLINE = re.compile(
    r"(?:^|[\s_-])(?:sub-?(?:title|head|headline)|dek|standfirst|strapline|"
    r"comments?|count|share|byline|author|date|timestamp)(?:$|[\s_-])",
    re.I,
)
# where a page has what is not its story: menus, footers, boxes beside it
ASIDE_TAGS = frozenset(("nav", "footer", "aside"))
ASIDE_ROLES = frozenset(("navigation", "contentinfo", "complementary"))
SCREEN_READER = re.compile(
    r"(?:^|\s)(?:sr-only|screen-reader-text|visually-?hidden|a11y-hidden|"
    r"element-invisible|offscreen|hidden|d-none|is-hidden|invisible)(?:$|\s)",
    re.I,
)
# a class that shows on wider screens what it hides on narrow ones:
# `d-none d-lg-block`, `hidden md:block`
SHOWN_WIDER = re.compile(
    r"(?:^|\s)(?:d-(?:sm|md|lg|xl|xxl)-|(?:sm|md|lg|xl|2xl):)"
    r"(?:block|flex|inline|inline-block|grid|table)(?:$|\s)",
    re.I,
)
# a link to a site's front page: `/`, `https://islandtimes.example/`
HOME = re.compile(
    r"(?:(?:https?:)?//[^/?#]+)?/(?:index\.\w+)?$|(?:https?:)?//[^/?#]+$", re.I
)
NOT_NAMES = frozenset(("home", "homepage", "home page", "front page", "logo"))
# the <meta> that name the site or its app: `og:site_name`, `Island Times`
SITE_NAMES = (
    *("og:site_name", "application-name", "apple-mobile-web-app-title"),
    *("al:ios:app_name", "al:android:app_name"),
)
SITES = re.compile(r"Organization|WebSite|Periodical", re.I)
PUBLISHERS = re.compile(r"Organization|WebSite", re.I)
COPYRIGHT = re.compile(r"©|\(c\)|copyright|all rights reserved", re.I)
# an address's second level under a country's domain: `bbc.co.uk`
SECOND_LEVEL = frozenset("ac co com edu go gov ne net or org".split())
# words of four letters or more too common to tell what a headline is about
COMMON = frozenset(
    """about after also been could does from have here into just like more
    most only over said says some than that their them then there these they
    this those were what when where which will with would your""".split()
)
MAX_H1 = 8
# the articles an outlet's name may start with, which its address leaves out
ARTICLES = frozenset("the der die das le la les el il lo de het".split())
# how German addresses spell umlauts: `sueddeutsche.de`
UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
# the small words of a name written in capitals: `Isle of Man Post`
NAME_LINKS = frozenset("of the and & de del la le el di du von van".split())
# words of a headline in capitals that no outlet's name has: `What It Means`
NOT_IN_NAMES = frozenset(
    """what how why who when where is are was were be to in on for with a an
    it its you your my we our this that will can not no after before vs says
    said""".split()
)
# the JSON-LD types whose `name` is a headline (a WebPage's may be the site's)
ARTICLE_NAME = re.compile(r"Article|BlogPosting|Report", re.I)
# the <meta> that give a page's headline, after its JSON-LD's: Open Graph's,
# Twitter's, microdata's, Dublin Core's, Parse.ly's
OTHER_TITLES = (
    *("og:title", "twitter:title", "headline", "DC.title", "dc.title"),
    *("dcterms.title", "parsely-title"),
)
# a headline cut short: `... to rebu…`, `... to rebuild...`
CUT_SHORT = re.compile(r"(?:\.{3}|…)\s*$")
# the elements a page's microdata marks as its headline
_MARKED = "//*[contains(concat(' ', normalize-space(@itemprop), ' '), ' headline ')]"


@dataclass(frozen=True)
class Outlet:
    """The names the outlet that published a page goes by."""

    names: frozenset[str]  # as compared (compare_key): `bbc news`
    labels: frozenset[str]  # its address's and handle's, squeezed: `nytimes`
    seen: tuple[str, ...] = ()  # the page's short lines, as compared
    credits: tuple[str, ...] = ()  # its copyright lines, as compared

    @classmethod
    def of(cls, root: Any, sitename: str = "", url: str = "") -> Outlet:
        """What the page's metadata, address and logo say the outlet is
        called."""
        names = {sitename, *(meta(root, n) for n in SITE_NAMES)}
        names.update(_ld_outlets(root), _home_links(root))
        labels = set()
        for address in (url, meta(root, "og:url"), _canonical(root)):
            host = (_split(address).hostname or "") if "//" in address else ""
            host = re.sub(r"^www\d?\.", "", host)
            if host:
                names.update((host, host.rsplit(".", 1)[0]))
                labels.add(host_label(host))
        if handle := meta(root, "twitter:site").lstrip("@"):
            labels.add(handle.lower())
        headline = compare_key(meta(root, "og:title"))  # not a name: a page's
        return cls(
            frozenset(k for n in names if (k := compare_key(n)) and k != headline),
            frozenset(label for label in labels if len(label) > 1),
        )

    def with_lines(self, root: Any, blocks: list[tuple[int, str]]) -> Outlet:
        """The outlet, with the page's short lines to find its name in: its
        visible blocks, its images' alt texts, its feeds' and search's
        titles, its publisher and copyright <meta>."""
        lines = [t for _, t in blocks]
        lines += [i.get("alt") or "" for i in root.iterfind(".//img")]
        lines += [link.get("title") or "" for link in root.iterfind(".//link")]
        lines += [
            meta(root, n) for n in ("publisher", "copyright", "dcterms.publisher")
        ]
        # (and its section's name: `Headline | Section | Outlet`)
        lines += [meta(root, "article:section", "parsely-section")]
        lines += [str(item.get("articleSection") or "") for item in json_ld(root)]
        seen = (compare_key(t) for t in lines if t and len(t.split()) <= 8)
        credits = (compare_key(t) for t in lines if t and COPYRIGHT.search(t))
        return Outlet(
            self.names,
            self.labels,
            tuple(dict.fromkeys(seen)),
            tuple(dict.fromkeys(credits)),
        )

    def also(self, name: str) -> Outlet:
        """The outlet, going by `name` too."""
        names = self.names | {name} if name else self.names
        return Outlet(names, self.labels, self.seen, self.credits)

    def named(self, part: str, within: bool = True, exact: bool = False) -> bool:
        """`part` names the outlet: one of its names (spacing aside) or,
        `within`, holding one or held by one, as whole words (`BBC News`);
        or its address's name (`The New York Times`; unless `exact`, with
        a word or two more: `CNN Politics`)."""
        within = within and not exact
        key = compare_key(part)
        if not key:
            return True
        squeezed = key.replace(" ", "")
        padded = f" {key} "
        if any(
            key == s
            or squeezed == s.replace(" ", "")
            or (within and len(s) > 3 and f" {s} " in padded)
            or (within and len(key) > 3 and padded in f" {s} ")
            for s in self.names
        ):
            return True
        if len(key.split()) > 6:
            return False
        # its first words run together, its initials, `ny` + `times`; `the`
        # and all (`theguardian`); accents aside (`elpais`, `sueddeutsche`)
        forms = {squeezed}
        for spelled in {key, *_plain(key)}:
            if not (words := spelled.split()):
                continue
            forms.add("".join(words))
            if words[0] in ARTICLES and len(words) > 1:
                words = words[1:]
            if len(words) > 5:
                continue
            least = len(words) if exact else max(1, len(words) - 2)
            forms.update("".join(words[:k]) for k in range(least, len(words) + 1))
            if len(words) > 1:
                forms.add("".join(w[0] for w in words))
                forms.add("".join(w[0] for w in words[:-1]) + words[-1])
        if forms & self.labels:
            return True
        # `NYT` for nytimes.com: an abbreviation in capitals the address starts with
        short = part.strip()
        return (
            not exact
            and 2 < len(short) < 6
            and short.isalpha()
            and short.isupper()
            and any(label.startswith(key) for label in self.labels)
        )

    def credited(self, part: str) -> bool:
        """The page's copyright line names `part` (`© 2019 Outlet Inc.`)."""
        key = compare_key(part)
        return len(key) > 3 and any(f" {key} " in f" {c} " for c in self.credits)

    def shown(self, part: str) -> bool:
        """The page names `part` in a short line of its own (`Outlet`,
        `About Outlet`, `© 2019 Outlet Inc.`)."""
        key = compare_key(part)
        return bool(key) and any(f" {key} " in f" {line} " for line in self.seen)


def _ld_outlets(root: Any) -> set[str]:
    """The outlet's names the page's JSON-LD gives: an article's publisher
    (one or a list), the site or periodical it is part of, an organisation
    or web site of its own."""
    names = set()
    for item in json_ld(root):
        for key in ("publisher", "isPartOf", "sourceOrganization"):
            given = item.get(key)
            for org in given if isinstance(given, list) else [given]:
                if not isinstance(org, dict) or not isinstance(org.get("name"), str):
                    continue
                if key == "publisher" or SITES.search(str(org.get("@type"))):
                    names.add(org["name"])
    names.update(str(o.get("name") or "") for o in json_ld(root, PUBLISHERS))
    return names


def _plain(key: str) -> set[str]:
    """`key` without its accents, as an address spells it: `pais` for
    `país`; `sueddeutsche` and `suddeutsche` for `süddeutsche`."""
    if key.isascii():
        return set()
    umlauts = key.translate(UMLAUTS)
    return {
        "".join(c for c in unicodedata.normalize("NFKD", k) if c.isascii())
        for k in (key, umlauts)
    }


def host_label(host: str) -> str:
    """The name in a host: `news.bbc.co.uk` -> `bbc`."""
    parts = [p for p in host.lower().split(".") if p]
    if len(parts) > 1:
        parts.pop()  # the top-level domain
    if len(parts) > 1 and parts[-1] in SECOND_LEVEL:
        parts.pop()
    return re.sub(r"[\W_]", "", parts[-1]) if parts else ""


def _split(address: str, link: str = "") -> SplitResult:
    """`address` (with `link` followed from it) in parts; none when it is
    malformed (`http://[`)."""
    try:
        return urlsplit(urljoin(address, link) if link else address)
    except ValueError:
        return SplitResult("", "", "", "", "")


def _canonical(root: Any) -> str:
    for link in root.iterfind(".//link"):
        if "canonical" in (link.get("rel") or "").lower():
            return link.get("href") or ""
    return ""


def word_count(text: str) -> float:
    """Words, a Chinese or Japanese character counting as half of one (they
    are written without spaces)."""
    return len(text.split()) + len(IDEOGRAPHS.findall(text)) / 2


def content_words(text: str) -> set[str]:
    """What a headline is about, to tell whether two are about the same
    thing: its longer words, their first five letters (`secret` and
    `secrets` alike), and pairs of characters of scripts without spaces."""
    found: set[str] = set()
    for word in compare_key(text).split():
        if UNSPACED.search(word):
            found.update(word[i : i + 2] for i in range(len(word) - 1))
        elif len(word) >= 4 and word not in COMMON:
            found.add(word[:5])
    return found


def separators(title: str) -> list[re.Match]:
    """Where `title` has separators between its parts; not the guillemets
    of a quote within it."""
    quotes = [m.span() for m in QUOTED.finditer(title)]
    return [
        m
        for m in TITLE_SEPARATOR.finditer(title)
        if not any(a <= m.start() < b or a < m.end() <= b for a, b in quotes)
    ]


def title_parts(title: str) -> list[str]:
    """`title` split at its separators."""
    return _parts(title)[1]


def _parts(title: str) -> tuple[list[int], list[str]]:
    cuts = [m.span() for m in separators(title)]
    bounds = [0, *(c for span in cuts for c in span), len(title)]
    return bounds, [title[bounds[i] : bounds[i + 1]] for i in range(0, len(bounds), 2)]


def strip_site(title: str, outlet: Outlet, others: tuple[str, ...] = ()) -> str:
    """`Headline | Outlet` -> `Headline`: a leading or trailing part that
    names the outlet goes (a leading one short, or in the page's copyright
    line), and a trailing one that another of the page's titles (`others`,
    not the same text) also ends with, or that the page shows in a short
    line of its own while what is left is longer."""
    if (ending := ENCLOSED.search(title)) and outlet.named(ending.group(1)):
        title = title[: ending.start()]  # `Headline (Outlet)`
    if (opening := OUTLET_COLON.match(title)) and (
        outlet.named(opening.group(1), exact=True) or outlet.credited(opening.group(1))
    ):
        title = title[opening.end() :]  # `Outlet: Headline`
    bounds, parts = _parts(title)
    if len(parts) == 1:
        return title
    tails = {
        compare_key(title_parts(other)[-1])
        for other in others
        if other and compare_key(other) != compare_key(title)
    }
    first, last = 0, len(parts) - 1
    words = [len(p.split()) for p in parts]

    def outlets(i: int) -> bool:
        if outlet.named(parts[i]) or compare_key(parts[i]) in tails:
            return True
        if DOMAIN.fullmatch(parts[i].strip()) or DATE.fullmatch(parts[i].strip()):
            return True  # `Headline | harbourtimes.com`, `Headline - 3 May 2024`
        rest = title[bounds[2 * first] : bounds[2 * i]]
        return len(parts[i]) < len(rest) and outlet.shown(parts[i])

    def beside(i: int, most: int, rest: range) -> bool:
        """A short part beside the outlet's name: a section's, a byline."""
        return words[i] <= most and sum(words[j] for j in rest) >= 3 * words[i]

    # (the outlet's name with its slogan after it: `Headline | Outlet - News`)
    last = next(
        (i for i in range(1, last) if outlet.named(parts[i], within=False)), last
    )
    if last > first and outlets(last):
        while last > first and outlets(last):
            last -= 1
        while last > first and beside(last, 3, range(first, last)):
            last -= 1  # `Headline | Local News | Outlet`

    def leads(i: int) -> bool:  # `Outlet | Headline`, not `Apple unveils...`
        short = words[i] <= 3
        if words[i] <= 6 and compare_key(parts[i]) in outlet.names:
            return True
        return short and (outlet.named(parts[i], False) or outlet.credited(parts[i]))

    if first < last and leads(first):
        while first < last and leads(first):
            first += 1
        while first < last and beside(first, 2, range(first + 1, last + 1)):
            first += 1  # `Outlet | Politics | Headline`
    return squash(title[bounds[2 * first] : bounds[2 * last + 1]])


def strip_label(title: str) -> str:
    """`Exclusive: Headline`, `Opinion | Headline` -> `Headline`."""
    return LABEL.sub("", title)


def strip_title_tail(title: str) -> str:
    """`Headline | Outlet` with an outlet this page does not name elsewhere:
    a short last part after a separator, shorter than what comes before
    (and a date before it: `Headline - 3 May 2024 - Outlet`); after a
    spaced colon, only a part that reads as a name; never a part of a
    series (`Part 2`)."""
    # (not at a full-width colon: `特集：...` starts many a headline)
    cuts = [c for c in separators(title) if "：" not in c.group()]
    if not cuts:
        return title
    head, tail = title[: cuts[-1].start()], title[cuts[-1].end() :]
    if not (len(tail.split()) <= 4 and len(tail) < len(head)):
        return title
    if INSTALMENT.fullmatch(tail.strip()):
        return title  # `The harbour at war - Part 2`
    if cuts[-1].group().strip() == ":" and not _reads_as_name(tail):
        return title  # a French headline's colon: `Le maire part : ce qu'il dit`
    cuts = separators(head)
    if cuts and DATE.fullmatch(head[cuts[-1].end() :].strip()):
        return head[: cuts[-1].start()]
    return head


def _h1_shown(el: Any, outlet: Outlet, titles: list[str]) -> str:
    """An <h1>'s headline (h1_text), the outlet's name cut off; all its
    text when a title gives it all (a subtitle the <title> has too)."""
    own = strip_label(strip_site(h1_text(el), outlet))
    whole = strip_label(strip_site(text_of(el, spaced=True), outlet))
    key = compare_key(whole)
    if own != whole and any(key in compare_key(t) for t in titles if t):
        return whole
    return own


def _whole(text: str, fuller: list[str]) -> str:
    """`text`, or when it is cut short (`Ferry fares to ri…`) the shortest
    of `fuller` that starts with it."""
    if not CUT_SHORT.search(text):
        return text
    key = compare_key(text)
    found = [
        f
        for f in fuller
        if len(key) > 3 and compare_key(f).startswith(key) and compare_key(f) != key
    ]
    return min(found, key=len, default=text)


def _reads_as_name(text: str) -> bool:
    """A few words, each capitalised: `Island Times`, `The Isle of Man Post`."""
    words = text.split()
    return (
        0 < len(words) <= 4
        and all(
            w[:1].isupper() or w[:1].isdigit() or w.lower() in NAME_LINKS for w in words
        )
        and not any(w.lower() in NOT_IN_NAMES for w in words)
    )


def _without_tail(title: str, page_title: str) -> str:
    """A metadata headline without an outlet's name after it that nothing
    else on the page names: when that last part reads as a name (`... -
    Island Times`, not `... - what we know`), or follows a bar in what is
    the <title> itself (`... | islandtimes`)."""
    head = strip_title_tail(title)
    if head == title:
        return title
    tail = title_parts(title)[-1]
    if compare_key(page_title).startswith(compare_key(title) + " "):
        return title  # (the <title> has it all, and the outlet after it)
    barred = "|" in title[len(head) :] or "｜" in title[len(head) :]
    if _reads_as_name(tail) or (
        barred and compare_key(title) == compare_key(page_title)
    ):
        return head
    return title


def title_tail(page_title: str) -> str:
    """What may be the outlet's name in a <title>: a short last part after a
    separator, or in brackets (`Headline [Outlet]`), as compared."""
    if bracket := BRACKETED.search(page_title):
        return compare_key(bracket.group(1))
    head = strip_title_tail(page_title)
    return compare_key(page_title[len(head) :]) if head != page_title else ""


def h1_text(el: Any) -> str:
    """The headline an <h1> shows: not a label or kicker before it in an
    element of its own (`<span>Breaking</span> Headline`, `<span
    class="kicker">`), nor a subtitle, byline, date, time or comment count
    in it (NOT_HEADLINE, `<time>`)."""
    first = next(iter(el), None)
    label = (
        first is not None
        and not (el.text or "").strip()
        and bool((first.tail or "").strip() or len(el) > 1)
        and (
            compare_key(first.text_content()) in LABELS
            or bool(KICKER.search(first.get("class") or ""))
        )
    )
    whole = text_of(el, spaced=True)
    if not label and not _extras(el):
        return whole
    el = copy.deepcopy(el)
    for drop in [*_extras(el), *([el[0]] if label else [])]:
        if (parent := drop.getparent()) is not None:
            tail = drop.tail or ""
            before = drop.getprevious()
            if before is not None:
                before.tail = (before.tail or "") + " " + tail
            else:
                parent.text = (parent.text or "") + " " + tail
            parent.remove(drop)
    return text_of(el, spaced=True) or whole


def _extras(el: Any) -> list[Any]:
    """What an <h1> holds beside its headline: `<time>`, NOT_HEADLINE."""
    return [
        e
        for e in el.iterdescendants()
        if e.tag == "time" or NOT_HEADLINE.search(str(e.get("class") or ""))
    ]


def in_aside(el: Any) -> bool:
    """An element a reader does not read as the page's story: in its menu,
    footer or a box beside it (by tag or ARIA role), there only for screen
    readers (`sr-only`, `visually-hidden`) or hidden by its class (not
    one shown on wider screens: `hidden md:block`)."""
    for up in (el, *el.iterancestors()):
        if up.tag in ASIDE_TAGS or (up.get("role") or "").lower() in ASIDE_ROLES:
            return True
        classes = up.get("class") or ""
        if SCREEN_READER.search(classes) and not SHOWN_WIDER.search(classes):
            return True
    return False


def in_story(el: Any) -> bool:
    """An element inside the page's <article> or <main>."""
    return any(up.tag in ("article", "main") for up in el.iterancestors())


def _home_links(root: Any) -> list[str]:
    """The outlet's name as its logo gives it: the text (or image's alt
    text) of a link to the site's front page in an <h1> or the logo."""
    found = []
    for a in root.iterfind(".//a[@href]"):
        href = (a.get("href") or "").strip()
        if not href or not HOME.match(href):
            continue
        if not any(up.tag == "h1" for up in a.iterancestors()) and not _logo(a):
            continue
        alts = [i.get("alt") or "" for i in a.iterfind(".//img")]
        for text in (squash(a.text_content()), *alts):
            if 0 < len(text.split()) <= 5 and compare_key(text) not in NOT_NAMES:
                found.append(text)
        if len(found) >= 3:
            break
    return found


def _logo(el: Any) -> bool:
    """An element in the page's logo or masthead, by its or its parents'
    class or id."""
    for _ in range(4):
        if el is None or not isinstance(el.tag, str):
            return False
        if LOGO.search(f"{el.get('class') or ''} {el.get('id') or ''}"):
            return True
        el = el.getparent()
    return False


def _address(root: Any, url: str) -> str:
    """The page's address: as given, else as the page gives it."""
    found = url or meta(root, "og:url") or _canonical(root)
    return found if "//" in found else ""


def _slug(root: Any, url: str) -> set[str]:
    """What the page's address says it is about (`/2021/ferry-fares-rise`)."""
    return content_words(re.sub(r"[\W_]+", " ", _split(_address(root, url)).path))


def _links(root: Any, url: str, keys: set[str]) -> tuple[set[str], set[str]]:
    """Those of `keys` that are the text of a link (not within an <h1>),
    and of those the ones whose link goes to one of the page's sections:
    an address the page's own is under (`/seminar` for
    `/seminar/nsf/2019/index.html`)."""
    base = _address(root, url)
    path = _split(base).path.rstrip("/")
    linked, sections = set(), set()
    for a in root.iterfind(".//a[@href]"):
        text = a.text_content()
        if len(text) > 80 or (key := compare_key(text)) not in keys:
            continue
        if any(el.tag == "h1" for el in a.iterancestors()):
            continue
        linked.add(key)
        target = _split(base, a.get("href") or "").path.rstrip("/")
        if path.count("/") > 1 and target and path.startswith(target + "/"):
            sections.add(key)  # (not the page itself)
    return linked, sections


def _labels(root: Any, url: str, keys: set[str]) -> tuple[set[str], set[str]]:
    """Those of `keys` that name a section: a level of the page's
    breadcrumb, its article:section, a link to a section it is under; and
    those that are a link's text. (A trail may end with the page's
    headline, a link may go to it: a section's name is short.)"""
    keys = {k for k in keys if len(k.split()) <= 5 and len(k) <= 40}
    if not keys:
        return set(), set()
    linked, labels = _links(root, url, keys)
    if (crumb := breadcrumb_element(root)) is not None:
        labels.update(compare_key(i) for i in breadcrumb_items(crumb))
    labels.add(compare_key(meta(root, "article:section")))
    return labels & keys, linked


def pick_headline(
    root: Any, outlet: Outlet, url: str = "", blocks: list | None = None
) -> str:
    """The headline the page shows: its <h1>, when the page's metadata
    (JSON-LD, og:title, twitter:title) agrees; else what the page marks as
    its headline; else the metadata's title where an <h1> words it
    otherwise (unless the <title> or the address sides with the <h1>, or
    the <h1> says more); else its <h1> when its <title> holds it, or when it reads
    as a headline (not a logo, a section's name or something the metadata
    is not about); else that metadata, else the <title>. Never the
    outlet's name (`outlet`: Outlet.of the page). `blocks`: the page's
    visible blocks, if at hand."""
    page_title = title_text(root)
    shown = outlet.with_lines(root, visible_blocks(root) if blocks is None else blocks)
    metas = _metadata_headlines(root, outlet, shown, page_title)
    tail = title_tail(page_title)
    if bracket := BRACKETED.search(page_title):  # `Headline [Outlet]`
        outlet, shown = outlet.also(tail), shown.also(tail)
        page_title = page_title[: bracket.start()].rstrip()
    h1s = _h1_headlines(root, url, outlet, metas, page_title, tail)

    for h in h1s:  # a headline the metadata agrees with (its kicker run
        # into it, `<span>Demo</span>Der 9. Juli`: as the metadata spaces it)
        if same := [m for m in metas if run_together(m) == run_together(h)]:
            key = compare_key(h)
            return h if any(compare_key(m) == key for m in same) else same[0]
    if marked := _marked_headline(root, outlet, [*metas, page_title], url):
        return marked
    title_key = compare_key(page_title)

    def held(h: str) -> bool:  # in the <title>
        return len(compare_key(h)) > 3 and compare_key(h) in title_key

    # an <h1> the metadata words otherwise: the metadata's words, the title
    # the outlet gave the story (not when the <title> holds the <h1> and
    # none of the metadata: `Wikimedia list article`; nor when the address
    # names the <h1>'s words and not the metadata's: a site's slogan; nor
    # when an <h1> has the metadata's words and more)
    if metas and h1s:
        slug = _slug(root, url)

        def addressed(h: str) -> bool:
            return len(content_words(h) & slug) >= 2

        more = any(compare_key(h).startswith(compare_key(metas[0]) + " ") for h in h1s)
        if not (
            more
            or (any(map(held, h1s)) and not any(map(held, metas)))
            or (any(map(addressed, h1s)) and not addressed(metas[0]))
        ):
            return _without_tail(metas[0], page_title)
    if held_h1s := [h for h in h1s if held(h)]:
        # the fullest <h1> the <title> holds (not the outlet's in it)
        return max(held_h1s, key=len)
    # the headline the page shows, not a logo or section: of those that read
    # as one, the first most like the <title> (not a box's `Sign up today`)
    like = content_words(page_title)
    if shown_h1s := [h for h in h1s if word_count(h) >= 4]:
        best = max(shown_h1s, key=lambda h: len(content_words(h) & like))
        # (not another story's, when the <title> names this one at length)
        about = content_words(strip_title_tail(strip_site(page_title, shown)))
        shared = len(content_words(best) & about)
        if shared >= min(2, len(content_words(best))) or len(about) < 4 or metas:
            return best
    if metas:
        return _without_tail(metas[0], page_title)
    words = set(compare_key(strip_site(page_title, outlet)).split())
    for h in h1s:  # an <h1> with every word of a shorter <title>
        if words and words <= set(compare_key(h).split()):
            return h
    # a short last part left may be a section's name or an outlet's
    title = strip_label(strip_title_tail(strip_site(page_title, shown)))
    if title and not outlet.named(title, within=False) and not shown.credited(title):
        return title
    if h1s:
        return h1s[0]
    # a <title> that is only the outlet's name, and no <h1>: the first <h2>
    # that reads as a headline, if any
    h2s = (text_of(el, spaced=True) for el in root.iterfind(".//h2"))
    return next(
        (h for h in h2s if word_count(h) >= 4 and not outlet.named(h, False)), ""
    )


def _marked_headline(root: Any, outlet: Outlet, titles: list[str], url: str) -> str:
    """The text the page marks as its headline (`itemprop="headline"`, as
    schema.org's microdata has it; not the outlet's name): of those, the
    one most about what its titles and address are about, sharing two
    words with them or more (not another story's, marked in a list)."""
    about = set().union(_slug(root, url), *map(content_words, titles))
    found = [text_of(el, spaced=True) for el in root.xpath(_MARKED)[:MAX_H1]]
    found = [h for h in found if word_count(h) >= 2 and not outlet.named(h, False)]
    shared = {h: len(content_words(h) & about) for h in found}
    best = max(found, key=lambda h: shared[h], default="")
    return best if best and shared[best] >= min(2, len(about)) else ""


def _ld_headline(item: dict) -> str:
    """A JSON-LD object's `headline`, else an article's `name` (not a web
    page's: it may be the site's)."""
    given = item.get("headline")
    if not (isinstance(given, str) and given.strip()):
        if ARTICLE_NAME.search(str(item.get("@type"))):
            given = item.get("name")
    return squash(given) if isinstance(given, str) else ""


def _metadata_headlines(
    root: Any, outlet: Outlet, shown: Outlet, page_title: str
) -> list[str]:
    """The headlines the page's JSON-LD and <meta> give (OTHER_TITLES), the
    outlet's name cut off; none that is only the outlet's name, none cut
    short where another title gives it whole."""
    lds = [h for h in map(_ld_headline, json_ld(root)) if h]
    others = [meta(root, n) for n in OTHER_TITLES]
    # (of several, the one about what the page's titles are about, not a
    # list's other stories)
    about = set().union(*map(content_words, [*others, page_title]))
    ld = max(lds, key=lambda h: len(content_words(h) & about), default="")
    given = [ld, *others]
    # (JSON-LD and <meta> written with the page's entities still in them:
    # `&#8220;`, `&amp;amp;`)
    given = [squash(SHOWS_NOTHING.sub("", html.unescape(g))) for g in given]
    metas = [
        strip_label(strip_site(m, shown, (page_title, *given))) for m in given if m
    ]
    metas = [m for m in metas if not (outlet.named(m, False) or shown.credited(m))]
    metas = list(dict.fromkeys(metas))
    keys = [compare_key(m) for m in metas]
    fuller = [*keys, compare_key(strip_site(page_title, shown))]
    # not one cut short (`... to contract` for `... to contract the disease`,
    # `... to rebu…` for `... to rebuild the pier`)
    return [
        m
        for m, key in zip(metas, keys, strict=True)
        if not any(k.startswith(key + " ") for k in keys)
        and not (
            CUT_SHORT.search(m) and any(k.startswith(key) and k != key for k in fuller)
        )
    ]


def _h1_headlines(
    root: Any, url: str, outlet: Outlet, metas: list[str], page_title: str, tail: str
) -> list[str]:
    """The texts of the page's <h1>s that may be its headline: not its logo
    (by its class, the outlet's name, the <title>'s last words), not a
    section's name, not about something else than the metadata's headline
    and the page's address say. `tail`: the <title>'s last words."""
    heads = [*metas, page_title, title_parts(page_title)[0]]
    elements = list(root.iterfind(".//h1"))[:MAX_H1]
    # (an <h1> that names the outlet after its headline: not the outlet's)
    h1s = [_h1_shown(el, outlet, [*metas, page_title]) for el in elements]
    # (one cut short, `Ferry fares to ri…`, as a title gives it whole)
    stripped = strip_site(page_title, outlet)
    whole = [*metas, strip_title_tail(stripped), stripped]
    h1s = [_whole(h, whole) for h in h1s]
    slug = _slug(root, url)
    about = set().union(*map(content_words, [*metas, stripped]))
    labels, linked = _labels(root, url, set(map(compare_key, h1s)))
    # (not the headline itself, as a breadcrumb's last level may give it)
    labels -= {compare_key(t) for t in heads}
    labels = {k for k in labels if len(content_words(k) & about) < 2}
    # a menu's item, where the metadata names another headline
    linked -= {compare_key(t) for t in metas} if metas else linked
    found = []
    for el, h in zip(elements, h1s, strict=True):
        key = compare_key(h)
        if not key or outlet.named(h, within=False) or key in labels | linked:
            continue
        if in_aside(el):
            continue
        if word_count(h) < 6 and _logo(el):  # (a logo's name is short)
            continue
        if len(h.split()) <= 3 and outlet.named(h):  # `Bloomberg UK`
            continue
        tail_like = tail and not in_story(el)  # (a logo is not in the story)
        if tail_like and f" {tail} " in f" {key} " and len(key) < len(tail) + 12:
            continue  # `Archive of Our Own beta` for `Headline [Archive of Our Own]`
        if tail_like and word_count(h) < 4 and f" {key} " in f" {tail} ":
            continue  # `Valley Post` for `Headline - The Valley Post`
        words = content_words(h)
        if metas and not words & about and not words & slug:
            continue  # about something else: a section's name, a quote
        found.append(h)
    return found
