"""The cleaning rules applied to HTML (articles written or pasted as HTML or
Markdown): block elements whose whole text is cruft are removed."""

from __future__ import annotations

from bs4 import BeautifulSoup

from newsarchive.clean import Profile, load_profiles

BLOCKS = ("p", "li", "div", "span", "h2", "h3", "h4", "h5", "h6")


def clean_html(
    html: str, profiles: tuple[Profile, ...] | None = None
) -> tuple[str, list[str]]:
    """Return (cleaned html, texts of the removed elements)."""
    profiles = profiles if profiles is not None else load_profiles()
    rules = [r.pattern for p in profiles for r in p.lines]
    starts = [b.start for p in profiles for b in p.blocks]
    ends = [b.end for p in profiles for b in p.blocks]
    soup = BeautifulSoup(html, "html.parser")
    removed: list[str] = []
    in_block = False
    for el in soup.find_all(BLOCKS):
        if el.decomposed or el.find(BLOCKS):
            continue
        text = " ".join(el.get_text(" ").split())
        if in_block or any(s.fullmatch(text) for s in starts):
            in_block = not any(e.fullmatch(text) for e in ends)
        elif not any(r.fullmatch(text) for r in rules):
            continue
        removed.append(text)
        el.decompose()
    return (str(soup) if removed else html), removed
