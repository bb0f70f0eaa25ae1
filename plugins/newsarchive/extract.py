"""Turn one raw page dump into an article record."""

from __future__ import annotations

import hashlib
import re
from dataclasses import asdict, dataclass, field
from datetime import date
from html import escape
from pathlib import Path

from newsarchive.clean import Removed, clean_lines, load_profiles, pick_profile
from newsarchive.decode import UndecodableError, decode_bytes
from newsarchive.names import split_names
from newsarchive.slugs import slugify

BREADCRUMB = re.compile(r"Home(\s*>\s*[^>]+){1,3}")
BYLINE = re.compile(
    r"BY\s+(?P<names>[A-Z][A-Z .,'’&-]+?)\s*(\[(?P<email>[^\]\s]+@[^\]\s]+)\])?"
)

MAX_BYTES = 20 * 1024 * 1024


class SkipFile(Exception):
    """The file cannot become an article; the message says why."""


@dataclass
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
    removed: list[Removed] = field(default_factory=list)

    @property
    def summary(self) -> str:
        return self.paragraphs[0] if self.paragraphs else ""

    @property
    def slug(self) -> str:
        return slugify(self.title) or "article-" + self.fingerprint[:10]

    @property
    def fingerprint(self) -> str:
        """Same for the same article scraped twice, whitespace and case aside."""
        text = " ".join(" ".join(self.paragraphs).lower().split())
        return hashlib.sha1(f"{self.title.lower()}\n{text}".encode()).hexdigest()

    def body_html(self) -> str:
        return "\n".join(f"<p>{escape(p)}</p>" for p in self.paragraphs)

    def to_dict(self) -> dict:
        data = asdict(self)
        data["date"] = self.date.isoformat() if self.date else None
        data["summary"] = self.summary
        data["slug"] = self.slug
        return data


def extract_file(path: Path, source: str, manifest: dict | None = None) -> Article:
    """Read, decode and extract one raw file; raise SkipFile when it cannot be."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise SkipFile(f"file is {size // (1024 * 1024)} MB, over the 20 MB limit")
    data = path.read_bytes()
    try:
        text, encoding = decode_bytes(data)
    except UndecodableError as exc:
        raise SkipFile(str(exc)) from exc
    article = extract_text(text, source, manifest)
    article.encoding = encoding
    return article


def extract_text(text: str, source: str, manifest: dict | None = None) -> Article:
    """Extract an article from decoded text."""
    manifest = manifest or {}
    numbered = [(i, line.rstrip()) for i, line in enumerate(text.split("\n"), 1)]
    content = [(i, line) for i, line in numbered if line.strip()]
    if not content:
        raise SkipFile("empty file: no text")

    profiles = load_profiles()
    profile = pick_profile([line for _, line in content], profiles)
    active = [p for p in profiles if p is profile or p.name == "generic"]

    title_no, title = content[0]
    title = " ".join(title.split())
    removed: list[Removed] = [Removed(title_no, content[0][1], "title")]
    rest = content[1:]

    section = subsection = None
    authors: list[str] = []
    emails: list[str] = []
    kept: list[tuple[int, str]] = []
    title_seen = False
    for number, line in rest:
        stripped = line.strip()
        if section is None and BREADCRUMB.fullmatch(stripped):
            levels = [p.strip() for p in stripped.split(">")[1:]]
            section = levels[0]
            subsection = levels[1] if len(levels) > 1 else None
            removed.append(Removed(number, line, "breadcrumb"))
        elif not title_seen and " ".join(stripped.split()) == title:
            title_seen = True
            removed.append(Removed(number, line, "repeated-title"))
        elif not authors and (m := BYLINE.fullmatch(stripped)):
            authors = split_names(m["names"])
            if m["email"]:
                emails.append(m["email"])
            removed.append(Removed(number, line, "byline"))
        else:
            kept.append((number, line))

    cleaned = clean_lines(kept, active)
    removed.extend(cleaned.removed)
    removed.sort(key=lambda r: r.line)
    paragraphs = [" ".join(line.split()) for _, line in cleaned.kept]

    article = Article(
        source=source,
        title=title,
        paragraphs=paragraphs,
        authors=authors,
        emails=emails,
        section=section,
        subsection=subsection,
        profile=profile.name if profile else "generic",
        removed=removed,
    )
    apply_manifest(article, manifest)
    return article


def apply_manifest(article: Article, entry: dict) -> None:
    """Manifest fields win over what the text says."""
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
