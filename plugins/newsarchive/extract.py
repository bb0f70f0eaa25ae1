"""Turn one raw page dump into an article record."""

from __future__ import annotations

import hashlib
import re
from dataclasses import asdict, dataclass, field
from datetime import date
from html import escape
from pathlib import Path
from urllib.parse import urlsplit

from newsarchive import content as layout
from newsarchive import dates, html_input
from newsarchive.address import url_date, url_section
from newsarchive.clean import (
    Profile,
    Removed,
    clean_lines,
    is_prose,
    load_profiles,
    pick_profile,
)
from newsarchive.decode import UndecodableError, decode_bytes
from newsarchive.furniture import file_hashes, line_hash
from newsarchive.names import (
    BY_WORD,
    GENRE,
    ROLE_LINE,
    add_author,
    name_line,
    names_line,
    parse_byline,
    split_names,
    wire_credit,
)
from newsarchive.slugs import safe_url, slugify
from newsarchive.tags import auto_tags
from newsarchive.text import squash, strip_bidi, word_count

BREADCRUMB = re.compile(r"Home(\s*(?:>|›|»|/)\s*[^>›»/]{1,40}){1,3}")
AUTHOR_NOTE = re.compile(r"The (?:author|writer)s? (?:is|are|was|were) .+")
FRONT_MATTER_KEY = re.compile(r"(?P<key>[A-Za-z_][\w-]*)\s*:\s*(?P<value>.*)")

MAX_BYTES = 20 * 1024 * 1024
NEAR = 8  # lines above an article's body where its byline and date may be
MAX_BYLINE = 160  # characters: the longest byline or dateline read
HEADER = 30  # lines under its headline where they may be, the body further down
UNDER_HEADLINE = 4  # lines under its headline where a bare name may be its byline
ABOVE_HEADLINE = 6  # lines above its headline where its date may be
# the rule that takes a page's buttons (`Share`, `Tweet`)
BUTTONS = frozenset({"share-buttons"})
# furniture that comes after an article, not inside it
ENDING_RULES = frozenset({"comments", "related-links", "copyright", "tag-list"})


class SkipFile(Exception):
    """The file cannot become an article; the message says why."""


class NeedsFurniture(Exception):
    """No outlet profile reads the file: its outlet's furniture must be
    learned first (see newsarchive.furniture). Holds the file's line hashes."""

    def __init__(self, hashes: frozenset[int]) -> None:
        super().__init__("outlet furniture not learned yet")
        self.hashes = hashes


@dataclass(slots=True)
class Article:
    source: str
    title: str
    paragraphs: list[str]
    authors: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    section: str | None = None
    subsection: str | None = None
    date: date | None = None
    date_source: str | None = None
    tags: list[str] = field(default_factory=list)
    source_url: str | None = None
    encoding: str = "utf-8"
    profile: str = "generic"
    print_edition: str | None = None
    removed: list[Removed] = field(default_factory=list)
    words: int = 0  # in the whole text (only the summary may be kept)

    @property
    def summary(self) -> str:
        return self.paragraphs[0] if self.paragraphs else ""

    @property
    def slug(self) -> str:
        return slugify(self.title) or "article-" + self.fingerprint[:10]

    @property
    def fingerprint(self) -> str:
        """Same for the same article scraped twice, whitespace and case aside."""
        text = squash(" ".join(self.paragraphs).lower())
        return hashlib.sha1(f"{self.title.lower()}\n{text}".encode()).hexdigest()

    def body_html(self) -> str:
        return "\n".join(f"<p>{escape(p, quote=False)}</p>" for p in self.paragraphs)

    def to_dict(self) -> dict:
        data = asdict(self)
        data["date"] = self.date.isoformat() if self.date else None
        data["summary"] = self.summary
        data["slug"] = self.slug
        return data


def extract_file(
    path: Path,
    source: str,
    manifest: dict | None = None,
    furniture: frozenset[int] | None = frozenset(),
) -> Article:
    """Read, decode and extract one raw file; raise SkipFile when it cannot be.
    `furniture`: hashes of the lines learned as page furniture of the file's
    outlet (see newsarchive.furniture); None when not learned yet, which
    raises NeedsFurniture if no outlet profile reads the file."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise SkipFile(f"file is {size // (1024 * 1024)} MB, over the 20 MB limit")
    data = path.read_bytes()
    if path.suffix.lower() in html_input.SUFFIXES:
        return extract_html(data, source, manifest)
    try:
        text, encoding = decode_bytes(data)
    except UndecodableError as exc:
        raise SkipFile(str(exc)) from exc
    article = extract_text(text, source, manifest, furniture)
    article.encoding = encoding
    return article


def extract_html(data: bytes, source: str, manifest: dict | None = None) -> Article:
    """A saved HTML page's article (see html_input); SkipFile when none."""
    try:
        text, encoding = html_input.decode_html(data)
    except UndecodableError as exc:
        raise SkipFile(str(exc)) from exc
    page = html_input.read_page(text, (manifest or {}).get("source_url") or "")
    if not any(line.strip() for line in page.lines):
        raise SkipFile("empty page: no visible text")
    article = extract_text(
        "\n".join(page.lines), source, manifest, known=page.known, found=page.found
    )
    # lines of the HTML, not of the text it was read as
    article.removed = sorted(
        [Removed(page.origin[r.line - 1], r.text, r.rule) for r in article.removed]
        + page.outside,
        key=lambda r: r.line,
    )
    if article.date_source == "file" and page.known.get("date"):
        article.date_source = "page-metadata"
    if page.authors and not (manifest or {}).get("authors"):
        # as the page names them: one-word and unspaced names too (`松村太郎`)
        article.authors = [name for name in page.authors if slugify(name)]
    article.encoding = encoding
    return article


def extract_text(
    text: str,
    source: str,
    manifest: dict | None = None,
    furniture: frozenset[int] | None = frozenset(),
    *,
    known: dict | None = None,
    found: bool = False,
) -> Article:
    """Extract an article from decoded text; raise SkipFile when there is none.
    `furniture`: as for extract_file. `known`: fields given besides the
    text, as front matter gives them. `found`: the text is the article
    already (a saved page's, as trafilatura found it), not a whole page."""
    manifest = manifest or {}
    text = strip_bidi(text)
    numbered = [(i, line.rstrip()) for i, line in enumerate(text.split("\n"), 1)]
    removed: list[Removed] = []
    front, numbered = read_front_matter(numbered, removed)
    front = {**{k: strip_bidi(v) for k, v in (known or {}).items()}, **front}
    content = [(i, line) for i, line in numbered if line.strip()]
    if not content:
        raise SkipFile("empty file: no text" if not front else "front matter only")

    profiles = load_profiles()
    profile = pick_profile([line for _, line in content], profiles)
    active = [p for p in profiles if p is profile or p.name == "generic"]
    if profile is None and furniture is None:
        raise NeedsFurniture(file_hashes("\n".join(line for _, line in content)))
    if profile is None and furniture:
        content = recurring_lines(content, furniture, active, removed)
    cleaned = clean_lines(content, active)
    removed.extend(cleaned.removed)
    kept = cleaned.kept
    title = squash(front.get("title", ""))
    above: set[int] = set()  # lines kept above the body for the fields only
    shown = None  # the line number of the headline the page shows
    if profile is None and not found:
        host = urlsplit(manifest.get("source_url") or front.get("url") or "").hostname
        kept, headline, above = _cut_to_article(content, kept, removed, host or "")
        if headline and not title:
            title = squash(headline[1])
            if headline[0] == content[0][0]:  # the page's <title>
                title = layout.strip_site_name(title, host or "")
            removed.append(Removed(*headline, "title"))
        elif headline:  # the front matter's title wins; the meta lines read it
            kept.insert(0, headline)
        shown = headline[0] if headline else None

    # single words above the headline are menu items (`World`, `Opinion`)
    while not title and len(kept) > 2 and len(kept[0][1].split()) == 1:
        removed.append(Removed(*kept.pop(0), "navigation"))
    if not title and profile is None:
        _skip_to_headline(kept, removed)
    if not title:
        if not kept:
            raise SkipFile("no article text: every line is page furniture")
        number, line = kept.pop(0)
        title = squash(line)
        removed.append(Removed(number, line, "title"))

    meta = _Meta(generic=profile is None and not found)
    body: list[tuple[int, str]] = []
    for k, (number, line) in enumerate(kept):
        top = k < 4 or number in above
        rule = meta.read_line(line, title, top)
        if not rule and not meta.authors and top and number != shown:
            # bare names by the dateline at the top are the byline
            near = [kept[j][1] if 0 <= j < len(kept) else "" for j in (k - 1, k + 1)]
            if names := _bare_byline(line, *near):
                meta.authors, rule = names, "byline"
        if not rule and k < 5 and ROLE_LINE.fullmatch(line.strip()):
            rule = "byline-role"
        if not rule and number in above:
            # kept above the body as a likely byline or date, and neither: a
            # name with no date by it, a button (`Order Reprints`)
            rule = "outside-article"
        if rule == "other-stories" and body and layout.teaser_shaped(body[-1][1]):
            # (and the card's headline above its byline)
            removed.append(Removed(*body.pop(), rule))
        if rule:
            removed.append(Removed(number, line, rule))
        else:
            body.append((number, line))
    _read_tail(body, meta, removed)
    if not body:
        raise SkipFile("title only: no article text")
    removed.sort(key=lambda r: r.line)
    paragraphs = [squash(line) for _, line in body]

    authors = meta.authors
    if front.get("author"):
        authors = split_names(front["author"]) or authors
    article = Article(
        source=source,
        title=title,
        paragraphs=paragraphs,
        words=word_count(" ".join(paragraphs)),
        authors=authors,
        emails=meta.emails,
        section=front.get("section") or meta.section,
        subsection=front.get("subsection") or meta.subsection,
        profile=profile.name if profile else "generic",
        print_edition=meta.print_line,
        removed=removed,
        source_url=safe_url(front.get("url")),
    )
    file_date = _front_date(front.get("date", "")) or meta.date
    if file_date:
        article.date, article.date_source = file_date, "file"
    year = manifest.get("year") or meta.year(content, removed)
    if article.date is None and meta.print_info and year:
        month, day, _ = meta.print_info
        if printed := dates.print_date(month, day, year):
            article.date, article.date_source = printed, "print-edition"
    if front.get("tags"):
        article.tags = [t.strip() for t in front["tags"].split(",") if t.strip()]
    elif not manifest.get("tags"):  # the manifest's replace them
        article.tags = auto_tags(title, paragraphs)
    apply_manifest(article, manifest)
    if profile is None and not found and article.source_url:
        if article.section is None:
            article.section, article.subsection = url_section(article.source_url)
        if article.date is None and (from_url := url_date(article.source_url)):
            article.date, article.date_source = from_url, "source-url"
    drop_unnamed(article)
    return article


def _bare_byline(line: str, above: str, below: str) -> list[str]:
    """The writers a line of bare names gives, by the lines `above` and
    `below` it: one name next to a dateline or a role (`Staff reporter`),
    two or more joined by `and` right over a dateline (`Ana Ruiz and AP`);
    else []."""
    names = names_line(line)
    if not names:
        return []
    if len(names) > 1:
        return names if dates.dateline(below) else []
    if any(dates.dateline(n) or ROLE_LINE.fullmatch(n) for n in (above, below)):
        return names
    return []


def recurring_lines(
    content: list[tuple[int, str]],
    furniture: frozenset[int],
    profiles: list[Profile],
    removed: list[Removed],
) -> list[tuple[int, str]]:
    """`content` less the lines learned as the outlet's furniture (a
    profile's `keep` patterns keep a line that must stay). A file made of
    nothing else (an article the outlet ran again and again) keeps them."""
    out, gone = [], []
    for number, line in content:
        if line_hash(line) in furniture and not any(
            p.keeps(line.strip()) for p in profiles
        ):
            gone.append(Removed(number, line, "recurring-line"))
        else:
            out.append((number, line))
    if not out:
        return content
    removed.extend(gone)
    return out


def _cut_to_article(
    content: list[tuple[int, str]],
    kept: list[tuple[int, str]],
    removed: list[Removed],
    host: str,
) -> tuple[list[tuple[int, str]], tuple[int, str] | None, set[int]]:
    """Unknown layouts: the lines of the article's run of prose (see
    newsarchive.content), its headline, and the numbers of the lines kept
    above the run; the kept lines outside it are removed as
    `outside-article`, those of a box of other stories' headlines inside it
    as `other-stories`. Bylines, datelines and a breadcrumb just above the
    body stay for the fields. A dump with no run of prose is left as it
    is."""
    lines = [line.strip() for _, line in content]
    title = layout.page_title_words(lines[0], host)
    _repeated_lines(content, lines, title, removed)
    gone = {r.line: r.rule for r in removed}
    kept = [(number, line) for number, line in kept if number not in gone]
    weight = {rule: layout.BREAK for rule in ENDING_RULES} | {
        "image-credit": 0.0,
        "advert-note": 0.0,  # (the article's text goes on past it)
        "shop-button": 0.0,
        "repeated-line": layout.SHORT,
    }
    furniture = {
        i: weight.get(gone[n], layout.NOISE)
        for i, (n, _) in enumerate(content)
        if n in gone
    }
    span = layout.find_span(lines, furniture, _is_meta, host=host)
    if span is None:
        return kept, None, set()
    first = content[span.start][0]
    last = content[span.end - 1][0]
    # bylines and datelines sit between the headline and the body
    near_top = span.start - NEAR if span.headline is None else span.headline
    near_start = max(near_top, span.start - NEAR, 0)
    top = content[near_start][0]
    headline = content[span.headline] if span.headline is not None else None
    # (further under the headline: a `By ...` byline or a dateline, or a bare
    # name close under it or with its date under it)
    header = _header_lines(content, span, gone) if span.headline is not None else set()
    # (and a dateline, byline or breadcrumb just above the headline:
    # `Published May 3, 2021`, then the headline)
    over_headline = _over_headline(content, span.headline, gone)
    # (a box of other stories' headlines set inside the article)
    boxed = {content[i][0] for box in span.boxes for i in box}
    shown = headline[0] if headline else None  # (its words never a byline)
    # (the line under each line above the body)
    below = {content[i][0]: content[i + 1][1] for i in range(near_start, span.start)}

    inside, near, over = [], [], []
    for number, line in kept:
        if number in boxed:
            removed.append(Removed(number, line, "other-stories"))
        elif first <= number <= last:
            inside.append((number, line))
        elif number in header or (
            top <= number < first
            and (
                _is_meta(line)
                or (shown != number and _bare_byline(line, "", below[number]))
            )
        ):
            near.append((number, line))
        elif number in over_headline and _dated_or_signed(line):
            over.append((number, line))
        elif headline is None or number != headline[0]:
            removed.append(Removed(number, line, "outside-article"))
    for card in _card_bylines(near, content, gone, headline and headline[0]):
        near.remove(card)
        removed.append(Removed(*card, "outside-article"))
    # (read after those under the headline: a page's date of the day, or a
    # teaser's, may sit above it)
    near += over
    return near + inside, headline, {number for number, _ in near}


def _over_headline(
    content: list[tuple[int, str]], headline: int | None, gone: dict[int, str]
) -> set[int]:
    """The numbers of the lines above the headline where the article's date
    may be: up to ABOVE_HEADLINE lines, with at most two lines of words
    between (a section's name, a kicker; `>`, the headline shown twice and
    the lines a cleaning rule took aside: `Share`), not over a menu
    (`News`, `Sport`, `Business`)."""
    found: set[int] = set()
    if headline is None:
        return found
    shown = squash(content[headline][1])
    between = 0
    for i in range(headline - 1, max(0, headline - ABOVE_HEADLINE) - 1, -1):
        found.add(content[i][0])
        if gone.get(content[i][0]) in BUTTONS:
            continue
        text = squash(content[i][1])
        if text != shown and any(c.isalnum() for c in text):
            between += 1
            if between > 2:
                break
    return found


def _header_lines(
    content: list[tuple[int, str]], span: layout.Span, gone: dict[int, str]
) -> set[int]:
    """The numbers of the lines between the headline and the body, further
    up than NEAR lines above it (up to HEADER), that give the article's
    byline or date: a dateline or a `By ...` byline; a bare name only up to
    UNDER_HEADLINE lines under the headline, or with a dateline right under
    it; none under a box's label and another story's headline (a card).
    `gone`: the lines the cleaning rules took."""
    found = set()
    start = max(span.headline + 1, span.start - HEADER)
    label = False  # (the line above was a short one: `Elsewhere`)
    headline_words = set(layout.words(squash(content[span.headline][1])))
    for i in range(span.headline + 1, span.start - NEAR):
        if content[i][0] in gone:
            continue
        line = squash(content[i][1])
        n = len(line.split())
        if len(line) > MAX_BYLINE or (n > 12 and line.endswith(layout.SENTENCE_END)):
            label = False  # (a paragraph, a standfirst: neither byline nor card)
            continue
        short = n <= 3
        if i < start and not short:  # (above the lines read: cards only)
            if label and _card_headline(line, headline_words) and not _is_meta(line):
                break
            label = False
            continue
        signed = _dated_or_signed(line)
        meta = signed or _bare_meta(line)
        if label and not meta and _card_headline(line, headline_words):
            break
        label = short and not meta
        if i < start:
            continue
        if signed or (
            meta
            and (
                i - span.headline <= UNDER_HEADLINE
                or dates.dateline(squash(content[i + 1][1]))
            )
        ):
            found.add(content[i][0])
    return found


def _card_headline(line: str, headline_words: set[str]) -> bool:
    """Another story's headline under a box's label (a line not a byline
    nor a dateline): shaped like one, not the article's own shown again."""
    return layout.teaser_shaped(line) and not set(layout.words(line)) <= headline_words


def _card_bylines(
    near: list[tuple[int, str]],
    content: list[tuple[int, str]],
    gone: dict[int, str],
    headline: int | None,
) -> list[tuple[int, str]]:
    """The bylines above the body that sign cards linking to other stories,
    not the article: one just under a box's label (`More on this`,
    `Headline`, `By Name`), or, of two or more, one right under a line that
    is neither metadata, nor taken by a rule, nor the headline (`Section`,
    `Headline`, `By Name`, again). `headline`: the headline's line number."""
    signed = [(n, x) for n, x in near if _signed(squash(x))]
    numbers = [n for n, _ in content]
    at = {n: i for i, n in enumerate(numbers)}
    taken = {n for n, _ in near} | gone.keys() | {headline}

    def under_label(n: int) -> bool:
        above = numbers[max(0, at[n] - 2) : at[n]]
        return any(gone.get(m) in ENDING_RULES for m in above)

    def under_card(n: int) -> bool:
        return at[n] > 0 and numbers[at[n] - 1] not in taken

    def under_headline(n: int) -> bool:
        # (the first byline three lines or fewer under the headline is the
        # article's, a dek above it or not)
        return n == signed[0][0] and headline in at and 0 < at[n] - at[headline] <= 3

    several = len(signed) >= 2
    return [
        (n, x)
        for n, x in signed
        if under_label(n) or (several and under_card(n) and not under_headline(n))
    ]


def _signed(text: str) -> bool:
    """A byline, with or without its date."""
    return bool(parse_byline(text) or byline_and_date(text))


def _dated_or_signed(line: str) -> bool:
    """A dateline, a `By ...` byline or a breadcrumb (not a bare name)."""
    text = squash(line)
    return bool(dates.dateline(text) or _signed(text) or BREADCRUMB.fullmatch(text))


def _repeated_lines(
    content: list[tuple[int, str]],
    lines: list[str],
    title: set[str],
    removed: list[Removed],
) -> None:
    """A line the next line or the one after repeats is a card linking to
    another story (its picture's caption and its link, `Section`,
    `Headline`, `Section`, `Headline`): both copies go, as `repeated-line`;
    not the page's own headline (`title`: the words of the page's title),
    nor the line signing each of two quoted posts by one writer, nor a short
    reply (`Yes.`) an interview gives twice."""
    gone = {r.line for r in removed}
    twice: set[int] = set()
    for i, line in enumerate(lines):
        copies = [
            j for j in range(max(0, i - 2), min(i + 3, len(lines))) if lines[j] == line
        ]
        if len(copies) != 2:  # (three or more: a list of like items, not a card)
            continue
        if (
            any(c.isalnum() for c in line)
            and not line.startswith(("—", "–", "-"))  # `— Name (@name) May 3, 2021`
            # a short reply given twice in an interview: `Yes.`, `I do.`
            and not (line.endswith((".", "!", "?")) and len(layout.words(line)) <= 3)
            and not layout.like_title(line, title)
        ):
            twice |= set(copies)
    removed.extend(
        Removed(*content[i], "repeated-line")
        for i in sorted(twice)
        if content[i][0] not in gone
    )


_BY_ON = re.compile(
    rf"(?:(?:Posted|Published|Written|Updated)\s+|{GENRE})?(?P<by>{BY_WORD}\s+.{{3,80}}?)"
    r"(?:\s+(?:on|at|am|le|el|[-–—|·•,]|(?i:published|updated))\s+|\s+(?=[0-3]?\d\.)"
    # (or only a space or a comma before the date: `By Jo Park Jul. 19, 2026`,
    # `By Jo Park, 30 August 2023`)
    r"|,?\s+(?=(?:[A-Z][a-z]{2,8}\.?\s+[0-3]?\d,?|[0-3]?\d\s+[^\W\d_]{3,}\.?)"
    r"\s+(?:19|20)\d\d))"
    r"(?P<date>.{6,80})"
)
_NAME_DATE = re.compile(
    r"(?P<name>.{3,60}?)(?:\s+[-–—|·•]\s+|\s*(?=(?:Published|Updated|Posted)\b)"
    r"|,?\s*(?<=[^\W\d_]|,|\s)(?=[0-3]?\d\.\s?[01]?\d\.\s?(?:19|20)\d\d))"
    r"(?P<date>.{6,80})"
)


# a byline's parts after its bars or bullets: `3 Jan 2026 • Jo Park • 3 min`
PART_SEPARATOR = re.compile(r"\s+[|•·/]\s+|\s*\|\s*")
# ... that say when, or how long: `Published 4 months ago`, `2 minutes read`,
# `14:07 Uhr`
_AGE = (
    r"\d{1,3}\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|"
    r"years?)\s+ago"
)
PUBLISHED_AGO = re.compile(rf"(?:Published|Updated|Posted)\s+{_AGE}", re.I)
AGE_OR_LENGTH = re.compile(rf"{_AGE}|{dates.READING_TIME}", re.I)
CLOCK = re.compile(r"\d{1,2}[:.]\d\d(?:\s*Uhr)?", re.I)
WHEN_AT_END = re.compile(
    rf"\s(?:{PUBLISHED_AGO.pattern}|{AGE_OR_LENGTH.pattern})$", re.I
)
DIGIT = re.compile(r"\d")


def byline_and_date(line: str) -> tuple[list[str], date | None] | None:
    """(authors, date) of a line that gives both: `Posted by Ana Ruiz on
    May 3, 2021`, `By Ana Ruiz | May 3, 2021`, `Ana Ruiz - May 3, 2021`,
    `Ana RuizPublished May 3, 2021` (run together as a page's boxes are),
    `Ana Ruiz, 03.05.2021 10:00 Uhr`, `Ana Ruiz03.05.2021`; or the names and
    when, in parts between bars or bullets (`3. Mai 2021 • Ana Ruiz •
    3 Minuten`, `Ana Ruiz | Published 4 months ago`: no date then)."""
    if len(line) > MAX_BYLINE or not DIGIT.search(line):  # (when is in figures)
        return None
    if m := _BY_ON.fullmatch(line):
        names = parse_byline(m["by"])
    elif m := _NAME_DATE.fullmatch(line):
        name = name_line(m["name"])
        names = ([name], []) if name else None
    else:
        return _byline_in_parts(line)
    found = dates.dateline(m["date"])
    if not names or found is None:
        return _byline_in_parts(line)
    return names[0], found


def _byline_in_parts(line: str) -> tuple[list[str], date | None] | None:
    """(authors, date) of a line in parts between bars or bullets: one part
    the names, the others when, at most one of them neither (an outlet's
    name). Names after `By` or `Von` go with a date, a time, an age or a
    reading time; a bare name only with a date or `Published ... ago` (not
    a section's `Premier League | 2 hours ago`, a result's `Jo Park 10.41`)."""
    parts = PART_SEPARATOR.split(line)
    if len(parts) == 1 and (m := WHEN_AT_END.search(line)):
        parts = [line[: m.start()], m.group().strip()]  # `By Ana Ruiz 2 min read`
    if not 2 <= len(parts) <= 4:
        return None
    authors: list[str] = []
    day, signed, published, when, other = None, False, False, 0, 0
    for part in parts:
        if PUBLISHED_AGO.fullmatch(part):
            published, when = True, when + 1
        elif AGE_OR_LENGTH.fullmatch(part) or CLOCK.fullmatch(part):
            when += 1
        elif (found := dates.dateline(part)) is not None:
            day, when = day or found, when + 1
        elif not authors and (byline := parse_byline(part)):
            authors, signed = byline[0], True
        elif not authors and (name := name_line(part)):
            authors = [name]
        else:
            other += 1
    if not (authors and when and other <= 1):
        return None
    return (authors, day) if signed or day or published else None


# `By` alone on its line, the names on the next: `Von` / `Jo Park`
NAMES_UNDER_BY = 3  # at most, the names a line each under it
BY_ALONE = re.compile(rf"(?:{GENRE})?{BY_WORD}")


def _is_meta(line: str) -> bool:
    """A byline or a dateline in any form (`By` alone, a bare name, a role
    such as `Staff reporter` too), or a breadcrumb."""
    text = squash(line)
    return _dated_or_signed(text) or _bare_meta(text)


def _bare_meta(text: str) -> bool:
    """`By` alone, a bare name or a role (`Staff reporter`)."""
    return bool(
        BY_ALONE.fullmatch(text) or name_line(text) or ROLE_LINE.fullmatch(text)
    )


def _skip_to_headline(kept: list[tuple[int, str]], removed: list[Removed]) -> None:
    """Unknown outlets: menu items above the headline go (`Press releases`).

    The headline is the first line of 4 to 20 words, not a sentence, a byline
    or a dateline, met before the first paragraph of prose.
    """
    for k, (_, line) in enumerate(kept[:8]):
        text = squash(line)
        if is_prose(text):
            return
        words = len(text.split())
        if (
            4 <= words <= 20
            and not text.endswith(".")
            and not parse_byline(text)
            and not dates.dateline(text)
            and not BREADCRUMB.fullmatch(text)
        ):
            removed.extend(Removed(n, t, "navigation") for n, t in kept[:k])
            del kept[:k]
            return


class _Meta:
    """What the header and footer lines of a dump say about the article."""

    def __init__(self, generic: bool) -> None:
        self.generic = generic  # no outlet profile: any byline form
        self.section: str | None = None
        self.subsection: str | None = None
        self.authors: list[str] = []
        self.emails: list[str] = []
        self.date: date | None = None
        self.print_info: tuple[int, int, int | None] | None = None
        self.print_line: str | None = None
        self.opinion = False
        self._title_seen = False
        self._names_due = 0  # name lines still to come under `By` alone

    def read_line(self, line: str, title: str, top: bool = True) -> str | None:
        """The rule name when `line` is metadata to take out of the body.
        `top`: the line is at the article's top, where a dateline dates it
        (lower down, on an unknown layout, a dateline is another story's
        in a box within the article: taken out, not dating it)."""
        dates_it = top or not self.generic
        stripped = squash(line)
        names_due, self._names_due = self._names_due, 0
        if self.section is None and BREADCRUMB.fullmatch(stripped):
            levels = [p.strip() for p in re.split(r"[>›»/]", stripped)[1:]]
            self.section = levels[0]
            self.subsection = levels[1] if len(levels) > 1 else None
            return "breadcrumb"
        if not self._title_seen and stripped == title:
            self._title_seen = True
            return "repeated-title"
        # (`Von`, then a name a line: `Jo Park`, `Ana Ruiz`)
        if names_due and (name := name_line(stripped)):
            add_author(self.authors, name)
            self._names_due = names_due - 1
            return "byline"
        if self.generic and BY_ALONE.fullmatch(stripped):
            self._names_due = NAMES_UNDER_BY
            return "byline"
        if byline := parse_byline(stripped):
            # the newer layout names the writers at the top and again, with
            # the email, at the bottom: one author per person
            for name in byline[0]:
                add_author(self.authors, name)
            self.emails += [e for e in byline[1] if e not in self.emails]
            return "byline"
        if (found := dates.dateline(stripped)) is not None:
            if dates_it:
                self.date = self.date or found
            _, by, names = stripped.partition(" by ")
            if by and (byline := parse_byline("By " + names)):
                for name in byline[0]:
                    add_author(self.authors, name)
            return "dateline"
        if self.generic and (both := byline_and_date(stripped)):
            if not dates_it:  # lower down: another story's card signs it
                return "other-stories"
            for name in both[0]:
                add_author(self.authors, name)
            self.date = self.date or both[1]
            return "byline"
        if self.print_info is None and (info := dates.print_edition(stripped)):
            self.print_info, self.print_line = info, stripped
            self.opinion = True
            return "print-edition"
        if AUTHOR_NOTE.fullmatch(stripped):
            self.opinion = True  # kept in the body as the writer's note
        return None

    def year(
        self, content: list[tuple[int, str]], removed: list[Removed]
    ) -> int | None:
        """The year the print-edition line lacks: its own, or a copyright line's."""
        if self.print_info and self.print_info[2]:
            return self.print_info[2]
        for r in removed:
            if r.rule == "copyright" and (year := dates.copyright_year(r.text)):
                return year
        return None


def _read_tail(
    body: list[tuple[int, str]], meta: _Meta, removed: list[Removed]
) -> None:
    """A wire credit alone on the last line, or a column's closing signature."""
    if body and (wire := wire_credit(body[-1][1])):
        number, line = body.pop()
        add_author(meta.authors, wire)
        removed.append(Removed(number, line, "wire-credit"))
    if not meta.opinion or meta.authors:
        return
    for pos in (len(body) - 1, len(body) - 2):
        if pos < 1:
            continue
        number, line = body[pos]
        if (name := name_line(line)) and not AUTHOR_NOTE.fullmatch(line.strip()):
            del body[pos]
            meta.authors = [name]
            removed.append(Removed(number, line, "writer-name"))
            return


def read_front_matter(
    numbered: list[tuple[int, str]], removed: list[Removed]
) -> tuple[dict[str, str], list[tuple[int, str]]]:
    """A leading `---` block of `key: value` lines, and the lines after it."""
    first = next((k for k, (_, line) in enumerate(numbered) if line.strip()), None)
    if first is None or numbered[first][1].strip() != "---":
        return {}, numbered
    for end in range(first + 1, min(len(numbered), first + 40)):
        if numbered[end][1].strip() == "---":
            break
    else:
        return {}, numbered
    block = numbered[first : end + 1]
    pairs = [FRONT_MATTER_KEY.fullmatch(line.strip()) for _, line in block[1:-1]]
    if not all(
        m or not line.strip() for m, (_, line) in zip(pairs, block[1:-1], strict=True)
    ):
        return {}, numbered
    front: dict[str, str] = {}
    aliases = {"authors": "author", "byline": "author", "category": "section"}
    for m in pairs:
        if m:
            key = m["key"].lower()
            front[aliases.get(key, key)] = _unwrap(m["value"].strip())
    removed.extend(Removed(n, line, "front-matter") for n, line in block)
    return front, numbered[end + 1 :]


def _unwrap(value: str) -> str:
    """Remove one pair of quotes or brackets wrapping the whole value."""
    if len(value) >= 2 and (value[0], value[-1]) in (
        ('"', '"'),
        ("'", "'"),
        ("[", "]"),
    ):
        return value[1:-1].strip()
    return value


def _front_date(value: str) -> date | None:
    value = value.strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return dates.dateline(value)


def drop_unnamed(article: Article) -> None:
    """Names that give no URL (only punctuation or emoji) cannot have a page."""
    article.tags = [t for t in article.tags if slugify(t)]
    article.authors = [a for a in article.authors if slugify(a)]
    if article.section and not slugify(article.section):
        article.section, article.subsection = article.subsection, None
        if article.section and not slugify(article.section):
            article.section = None
    if article.subsection and not slugify(article.subsection):
        article.subsection = None


def apply_manifest(article: Article, entry: dict) -> None:
    """Manifest fields win over what the text says (tags replace the automatic ones)."""
    if entry.get("date"):
        article.date = entry["date"]
        article.date_source = "manifest"
    if entry.get("source_url"):
        article.source_url = entry["source_url"]
    if entry.get("tags"):
        article.tags = list(entry["tags"])
    if entry.get("title"):
        article.title = entry["title"]
    if entry.get("authors"):
        article.authors = list(entry["authors"])
