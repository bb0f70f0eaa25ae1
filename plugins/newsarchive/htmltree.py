"""What a reader sees of a parsed HTML page (an lxml tree): its visible
text, one block a line, and what its <meta> tags and JSON-LD say."""

from __future__ import annotations

import json
import re
from typing import Any

from newsarchive.text import WORD, squash

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
ARTICLE_TYPES = re.compile(r"Article|BlogPosting|Report|WebPage", re.I)
# scripts written without spaces between words: kana, Han, Hangul, Thai
UNSPACED = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]")
# where two elements touch, in `spaced` text: a space, unless a script
# written without spaces (or its full-width punctuation) is on either side
_TOUCH = "\x00"
_CLOSE = r"[\u0e00-\u0e7f\u3000-\u30ff\u4e00-\u9fff\uac00-\ud7af\uff00-\uffef]"
_TOUCH_UNSPACED = re.compile(rf"(?<={_CLOSE}){_TOUCH}|{_TOUCH}(?={_CLOSE})")
# characters that show nothing within a word: soft hyphen, zero-width space,
# word joiner, zero-width no-break space
SHOWS_NOTHING = re.compile("[\u00ad\u200b\u2060\ufeff]")


def compare_key(text: str) -> str:
    """Text as compared: words only, case aside."""
    return " ".join(WORD.findall(text.casefold()))


def run_together(text: str) -> str:
    """compare_key with no spaces: a text shown in parts (`Part<br>Two`,
    `<span>Demo</span>Der 9. Juli`) compares equal to it written whole."""
    return "".join(WORD.findall(text.casefold()))


def visible_blocks(root: Any, spaced: bool = False) -> list[tuple[int, str]]:
    """The page's visible text, one (source line, text) per block, as a
    reader sees it: hidden elements, scripts and styles left out. Walks the
    tree without recursion, so deep nesting cannot overflow. `spaced`, as
    a headline is read: a space between two elements that touch
    (`<span>Part</span><span>Two`), which its styles set apart, and no
    soft hyphen or zero-width space."""
    from lxml import etree

    out: list[tuple[int, str]] = []
    current: list[str] = []
    line = [0]

    def flush() -> None:
        text = "".join(current)
        if spaced:
            text = _TOUCH_UNSPACED.sub("", text).replace(_TOUCH, " ")
            text = SHOWS_NOTHING.sub("", text)
        text = squash(text)
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
            elif spaced and (before := el.getprevious()) is not None:
                if not before.tail:
                    current.append(_TOUCH)
            add(el.text, el.sourceline)
        else:
            if tag in BLOCKS:
                flush()
            add(el.tail, el.sourceline)
    flush()
    return out


def text_of(el: Any, spaced: bool = False) -> str:
    """An element's visible text (not its scripts' or hidden children's);
    `spaced` as for visible_blocks."""
    return " ".join(text for _, text in visible_blocks(el, spaced))


def _hidden(el: Any) -> bool:
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    return bool(HIDDEN_STYLE.search(el.get("style") or ""))


def title_element(root: Any) -> Any | None:
    """The page's <title>: not an icon's (`<svg><title>Search</title>`)."""
    found = root.xpath("(//title[not(ancestor::svg) and not(ancestor::math)])[1]")
    return found[0] if found else None


def title_text(root: Any) -> str:
    """The text of the page's <title>, as a browser's tab shows it."""
    el = title_element(root)
    return squash(SHOWS_NOTHING.sub("", el.text_content())) if el is not None else ""


def meta(root: Any, *names: str) -> str:
    """The first non-empty <meta property|name=...> content of `names`."""
    for name in names:
        for el in root.iterfind(".//meta"):
            if name in (el.get("property"), el.get("name"), el.get("itemprop")):
                if value := squash(el.get("content") or ""):
                    return value
    return ""


def json_ld(root: Any, types: re.Pattern = ARTICLE_TYPES) -> list[dict]:
    """The objects of `types` (article-like ones) in the page's JSON-LD."""
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
                if any(isinstance(k, str) and types.search(k) for k in kinds):
                    found.append(item)
                if isinstance(item.get("@graph"), list):
                    stack.extend(item["@graph"])
                if isinstance(item.get("mainEntity"), dict | list):
                    stack.append(item["mainEntity"])
    return found


# an element whose class, id, aria-label or itemtype says `breadcrumb`
_BREADCRUMB = (
    "(//*[contains(translate(concat(@class, ' ', @id, ' ', @aria-label, ' ', "
    "@itemtype), 'BREADCUM', 'breadcum'), 'breadcrumb')])[1]"
)


def breadcrumb_element(root: Any) -> Any | None:
    """The page's breadcrumb trail: the first element marked as one."""
    found = root.xpath(_BREADCRUMB)
    return found[0] if found else None


def breadcrumb_items(el: Any) -> list[str]:
    """The levels of a breadcrumb trail, `Home` too, each once."""
    items = [text_of(a) for a in el.iterfind(".//a")]
    items += [text_of(li) for li in el.iterfind(".//li")][len(items) :]
    return [i for i in dict.fromkeys(items) if i and len(i) <= 40]


# a trail's first level when it is the site's front page
HOME_LEVELS = {"home", "main", "start", "front page"}


def breadcrumb_levels(el: Any) -> list[str]:
    """The levels of a breadcrumb trail below its front page's."""
    items = breadcrumb_items(el)
    return items[1:] if items and compare_key(items[0]) in HOME_LEVELS else items
