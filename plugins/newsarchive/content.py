"""Where the article is in a text dump of an unknown layout.

A page dump holds the whole visible page: menus, lists of other stories,
share and login boxes, footers, and somewhere among them the article. The
article is the densest run of prose: lines of many words, with function
words and sentence punctuation, one after the other. Each line gets a
score (prose counts for it, short menu-shaped lines against it), and the
article is the run of lines whose scores add up to the most (a maximum
sum segment), so a short subheading or caption between paragraphs stays
while a menu of forty short items breaks the run, and so does a run of
headlines with no sentence among them (a box of other stories). The
weights were set on the development half of real pages and kept only
where they served both of its folds (scripts/measure_text.py). The
headline is the
line above that run which the page's title (a dump's first line) repeats,
else that title less the site's name, else the nearest headline-shaped
line above the run.

Pure functions of the lines; nothing here reads files.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from itertools import groupby

from newsarchive.text import INSTALMENT

FUNCTION_WORDS = frozenset(
    """a about after against all also an and are as at be because been but by
    can could did do does for from had has have he her his how i if in into
    is it its last more most my new no not of on one only or other our out
    over said says she so some than that the their them then there these they
    this those to two up was we were what when which while who will with
    would you your""".split()
)
# Chinese and Japanese run their words together: each two characters of
# those scripts count as a word, so a paragraph weighs as much as in others
_UNSPACED = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_WORD = re.compile(rf"[{_UNSPACED}]{{1,2}}|[^\W{_UNSPACED}]+")
_ASCII_WORD = re.compile(r"\w+")  # the same words in a line of ASCII: quicker
SENTENCE_END = (  # a line ending so ends a sentence
    *(".", "!", "?", '."', ".”", ".’", '?"', "?”", "!”", ".)", "…"),
    *(".“", "?“", "!“"),  # a German quote closing the sentence
    *("。", "！", "？", "。」", "。）", "。”", "！”", "？”"),
)
# a comment's header (`harbourfan says:`); not a sentence leading into a
# quotation (`In a statement, the board said:`, `She said:`)
_SPEAKER = re.compile(r"(?!(?:He|She|They|It) )[^,]{1,60} (?:says|said|wrote|writes):")
_MENU_SEPARATORS = re.compile(r"\s[|•·»›/]\s|\s{3,}")
# a price alone, as a shopping box shows it: `£205`, `From $1,299.99`, `12,99 €`
_PRICE = re.compile(
    r"(?:(?:from|was|now|only|just) )?[£$€¥] ?\d[\d,]*(?:\.\d\d)?|\d[\d.]*(?:,\d\d)? ?€",
    re.I,
)
_ITEM = re.compile(r"(?:\d[\d/.,-]*\)?|[•*·–-])\s+\w")
# the closing line of a quoted post: `— Jane Roe (@janeroe) May 4, 2019`
_POST_SIGNED = re.compile(r"[—–-]\s?[^@]{1,80} \(@\w{1,30}\) \w{3,9}\.? \d{1,2}, \d{4}")
_BAR = re.compile(r"\s+(?:[|•·]|::)\s+")  # `Headline | Site`
# `... - Site` (not `... – Wie sicher ist unser Stromnetz?`: a question)
_DASH_SITE = re.compile(r"\s+(?:[–—]|-{1,2})\s+(?=(?:\S+\s*){1,5}$)(?!.*\?\s*$)")


# (weights tuned on the development half of real pages, checked on each of
# its two folds; see scripts/measure_text.py)
SHORT = -3.5  # a menu item, a button, a name: three words or fewer
LABEL = -1.0  # a few words, no sentence: another story's headline, a caption
BREAK = -5.0  # a comment's `name says:`, a menu row, a comments box
NOISE = -2.5  # at worst, a share button or a photo credit among paragraphs
SHORT_DUMP = 20  # lines: a dump this short may be all article
LIST_ITEMS = 6  # at most, the items of a list a sentence announces
TEASER = -2.0  # at best, one of a run of headlines: other stories
TEASER_BOX = -9.0  # at worst, a whole run of them (a box inside the article)
BOX_AFTER = 8  # lines under such a box where the article must go on
POST = 0.5  # the name and date under a quoted post: part of the article


@dataclass(frozen=True, slots=True)
class Span:
    """The article's lines: from `start` to `end` (exclusive), by index."""

    start: int
    end: int
    headline: int | None  # index of the headline line, when one was found
    boxes: tuple[range, ...] = ()  # other stories' headlines set inside it


def words(line: str) -> list[str]:
    line = line.lower()
    return (_ASCII_WORD if line.isascii() else _WORD).findall(line)


def prose_score(line: str) -> float:
    """How much a line looks like a paragraph of an article (> 0) or like
    page furniture (< 0): menus, link lists, labels, buttons."""
    return _shape(line)[0]


def _shape(line: str) -> tuple[float, bool]:
    """(prose_score, whether the line is shaped like a headline: four to
    twenty words, not a sentence, not opening in lower case)."""
    tokens = words(line)
    n = len(tokens)
    if n == 0:
        return 0.0, False  # a separator or an invisible character: neither
    if line[0] in "—–-" and _POST_SIGNED.fullmatch(line):
        return POST, False
    function = sum(map(FUNCTION_WORDS.__contains__, tokens)) / n
    ends = line.endswith(SENTENCE_END)
    if not ends and "pic.twitter.com/" in line:
        # a quoted post's text, its picture's link last
        return max(POST, min(n, 50) / 10 * 0.6 * (function >= 0.2)), False
    if n <= 3 and _PRICE.fullmatch(line):
        return 0.0, False  # (in a buying guide, whose text goes on past it)
    headline = 4 <= n <= 20 and not ends and line[-1] != ":" and not line[0].islower()
    if (line[-1] == ":" and _SPEAKER.fullmatch(line)) or (
        not ends and _MENU_SEPARATORS.search(line)
    ):
        return BREAK, headline
    if n >= 12 and ends:
        return min(n, 50) / 10 + (function >= 0.25), False
    if n >= 12 and function >= 0.2:  # a long line with no full stop
        return min(n, 50) / 10 * 0.6, headline
    if n >= 6 and (ends or line[-1] == ":"):
        return (1.0 if function >= 0.15 else 0.4), False
    if ends and n >= 2:
        return 0.2, False
    if n <= 3 and line[-1] != ":":
        return SHORT, False
    return LABEL, headline


def teaser_shaped(line: str) -> bool:
    """Whether a line is shaped like another story's headline in a box: four
    to twenty words, not a sentence, not opening in lower case."""
    return _shape(line)[1]


def densest_run(scores: list[float]) -> tuple[int, int, float]:
    """(start, end, total) of the run of scores with the largest sum."""
    best = (0, 0, 0.0)
    start, total = 0, 0.0
    for i, score in enumerate(scores):
        if total <= 0:
            start, total = i, 0.0
        total += score
        if total > best[2] or (score > 0 and total == best[2]):
            best = (start, i + 1, total)
    return best


def strip_site_name(title: str, host: str = "") -> str:
    """`Headline - Site Name` -> `Headline` (see `_less_site_name`); a part
    of a series right after the headline stays: `Headline - Part 2`."""
    head = _less_site_name(title, host)
    start = title.find(head)
    if start >= 0 and (m := _INSTALMENT_AFTER.match(title, start + len(head))):
        return head + m.group()
    return head


_INSTALMENT_AFTER = re.compile(rf"\s*[-–—|:,]\s*(?:{INSTALMENT.pattern})\b", re.I)


def _less_site_name(title: str, host: str = "") -> str:
    """`Headline - Site Name` -> `Headline`: a page's `<title>` less the
    site's name, before or after it. The part like the address's `host`
    (`vortexcannon.org`: `Vortex Cannon Entertainment`) is the site's name;
    without one, the first part is the headline, unless it is much shorter
    than the last (`Site | A longer headline`); of three parts or more,
    none like the host, the longest (`Opinion | Headline - Site`); of the
    parts left beside the host's, the first, unless another is much longer
    (`Site | Section | Headline`)."""
    parts = _BAR.split(title)
    # `Headline : Section : Site` (one ` : ` may be the headline's own, as
    # French writes a colon)
    if title.count(" : ") >= 2:
        parts = [p for part in parts for p in part.split(" : ")]
    # a dash may be the headline's own: only the last, before a short name
    if dashes := list(_DASH_SITE.finditer(parts[-1])):
        last, dash = parts[-1], dashes[-1]
        parts[-1:] = [last[: dash.start()], last[dash.end() :]]
    if len(parts) < 2:
        return title
    site = _host_name(host)
    if site:
        # `Headline - Site - Tagline`: the site's name after a dash too
        parts[0] = _less_site(parts[0], site)
        rest = [p for p in parts if not _like_site(p, site)]
        if rest and len(rest) < len(parts):
            # (the first part left, unless another is much longer: `Site |
            # Section | Headline`)
            longest = max(rest, key=lambda part: len(words(part)))
            return longest if len(words(longest)) > 2 * len(words(rest[0])) else rest[0]
    if len(parts) >= 3:
        return max(parts, key=lambda part: len(words(part)))
    head, tail = parts[0], parts[-1]
    return tail if len(words(tail)) > 2 * len(words(head)) else head


def _less_site(part: str, site: str) -> str:
    """`Headline - Site` -> `Headline` when the last dash's tail is like `site`."""
    dashes = list(_DASH_SITE.finditer(part))
    if dashes and _like_site(part[dashes[-1].end() :], site):
        return part[: dashes[-1].start()]
    return part


def _host_name(host: str) -> str:
    """`www.vortexcannon.org` -> `vortexcannon`."""
    labels = host.lower().split(".")[:-1] or host.lower().split(".")
    return max((x for x in labels if x != "www"), key=len, default="")


def _like_site(part: str, site: str) -> bool:
    letters = "".join(words(part))
    # (a headline may hold the site's name: `The Guardian view on ...`)
    return 3 <= len(letters) <= 2 * len(site) and (
        letters in site
        or site in letters
        or (letters[:6] == site[:6] and len(site) >= 6)
    )


def page_title_words(first_line: str, host: str = "") -> set[str]:
    """The words of a dump's first line, the page's title, less the site's
    name (see strip_site_name)."""
    return set(words(strip_site_name(first_line, host)))


def title_score(line: str, title_words: set[str]) -> float:
    """How much the line is the page's title (`title_words`), 0 to 1: the
    share of its words in the title times the share of the title it
    covers; 0 unless most of its words are the title's and it covers half
    of it."""
    tokens = words(line)
    if not tokens or not title_words:
        return 0.0
    like = sum(t in title_words for t in tokens) / len(tokens)
    cover = len(tokens) / len(title_words)
    return like * min(cover, 1) if like >= 0.8 and cover >= 0.5 else 0.0


def like_title(line: str, title_words: set[str]) -> bool:
    """Whether the line is the page's title, or most of it."""
    return title_score(line, title_words) > 0


LONG_HEADLINE = 60  # words: the most a line the page's title gives may have


def headline_shaped(line: str, most: int = 30) -> bool:
    """A line that may be a headline: 2 to `most` words, no closing full
    stop, colon or bar, no web address, no arrow."""
    n = len(words(line))
    return (
        2 <= n <= most
        and not line.rstrip().endswith((".", ":", "|"))
        and "://" not in line  # a web address
        and not any(arrow in line for arrow in "→←")  # a link to the next page
    )


def line_scores(
    lines: list[str], furniture: Mapping[int, float]
) -> tuple[list[float], list[range]]:
    """Each line's score: how much it counts for (> 0) or against (< 0)
    being in the article's run of prose; and the boxes of other stories'
    headlines set inside the article (see _set_in_article), which count as
    TEASER_BOX in all."""
    shapes = [_shape(x) for x in lines]
    scores = [score for score, _ in shapes]
    for i, weight in furniture.items():
        # a comments box ends a run (BREAK) once, its further lines count as
        # labels; a share button counts no worse than NOISE, and a line taken
        # out never counts for the run (a sign-up box's sentences); a photo
        # credit (0) counts not at all
        if weight == BREAK and furniture.get(i - 1) == BREAK:
            scores[i] = LABEL
        elif weight == NOISE:
            scores[i] = min(max(scores[i], NOISE), 0.0)
        else:
            scores[i] = weight
    # items of a list (`1 tsp cinnamon`, `• Seats: 300`) in a run of three or
    # more count for nothing either way
    item = [bool(_ITEM.match(x)) for x in lines]
    for i in range(len(lines)):
        if (
            item[i]
            and i not in furniture
            and scores[i] < 0
            and (sum(item[max(0, i - 2) : i + 3]) >= 3)
        ):
            scores[i] = 0.0
    # the items of a list a sentence announces (`The plan has three
    # parts:`) count for nothing either way, up to the next line of prose
    for i, line in enumerate(lines):
        if line[-1] != ":" or i in furniture or scores[i] <= 0:
            continue
        for j in range(i + 1, min(len(lines), i + 1 + LIST_ITEMS)):
            if j in furniture or scores[j] > 0:
                break
            scores[j] = 0.0
    # a run of three or more headline-shaped lines is a box of other
    # stories' headlines, unless a line announces it (`It has:`): each
    # counts no better than TEASER
    shaped = [
        headline and not item[i] and i not in furniture
        for i, (_, headline) in enumerate(shapes)
    ]
    i, runs = 0, []
    for is_shaped, run in groupby(shaped):
        n = len(list(run))
        if is_shaped and n >= 3 and not (i and lines[i - 1].endswith(":")):
            scores[i : i + n] = [min(x, TEASER) for x in scores[i : i + n]]
            runs.append(range(i, i + n))
        i += n
    boxes = [run for run in runs if _set_in_article(scores, run)]
    for box in boxes:  # (no worse than TEASER_BOX in all)
        scale = TEASER_BOX / sum(scores[i] for i in box)
        scores[box.start : box.stop] = [scores[i] * scale for i in box]
    return scores, boxes


def _set_in_article(scores: list[float], run: range) -> bool:
    """Whether a box of other stories' headlines is set inside the article,
    between its first paragraphs and the rest: it counts for less than
    TEASER_BOX, the nearest lines that count either way above and below it
    are prose, and the BOX_AFTER lines under it count for more than the box
    will (the article going on, not a footer's sentence or two)."""
    above = [x for x in scores[max(0, run.start - 3) : run.start] if x]
    below = [x for x in scores[run.stop : run.stop + 3] if x]
    return (
        sum(scores[i] for i in run) < TEASER_BOX
        and bool(above)
        and above[-1] > 0
        and bool(below)
        and below[0] > 0
        and sum(scores[run.stop : run.stop + BOX_AFTER]) > -TEASER_BOX
    )


def find_span(
    lines: list[str],
    furniture: Mapping[int, float] | None = None,
    is_meta: Callable[[str], bool] = lambda line: False,
    min_prose: float = 3.0,
    host: str = "",
) -> Span | None:
    """The article among `lines` (non-blank, in order), or None when there
    is no prose, or no run of `min_prose` in a dump of SHORT_DUMP lines or
    fewer (keep it all; a longer page keeps its best run). `furniture`: for
    the lines a cleaning rule took, by index, the weight of that rule:
    BREAK ends a run (a comments box), NOISE means the line counts as its
    shape says but no worse than NOISE (a share button) and no better than
    nothing (a sign-up box's sentence), another number is
    the line's score (0 for a photo credit). `is_meta`: whether a line is a
    byline or a dateline (never the headline)."""
    furniture = furniture or {}
    scores, boxes = line_scores(lines, furniture)
    start, end, total = densest_run(scores)
    if total <= 0 or (total < min_prose and len(lines) <= SHORT_DUMP):
        return None  # no prose, or a short dump with no run standing out
    # the run ends on its last line of prose, not on a trailing label
    while end > start + 1 and scores[end - 1] <= 0:
        end -= 1
    # unless that line opens a list (`Tour dates:`): its items follow
    if lines[end - 1].endswith(":"):
        while end < len(lines) and end not in furniture and scores[end] > SHORT:
            end += 1
    title = page_title_words(lines[0], host) if lines else set()
    headline = _pick_headline(lines, start, title, furniture, is_meta)
    if headline is not None and headline >= start:
        if headline + 1 >= end:  # a run of its own: not the article's headline
            headline = None
        else:
            start = headline + 1
    inside = tuple(b for b in boxes if start <= b.start and b.stop <= end)
    return Span(start, end, headline, inside)


def _pick_headline(
    lines: list[str],
    start: int,
    title_words: set[str],
    furniture: Mapping[int, float],
    is_meta: Callable[[str], bool],
) -> int | None:
    """Index of the headline: the line above the run (or at its top) most
    like the page's title; else, when the title is nowhere above the run, a
    line just above it sharing several of the title's words (the headline
    as the page words it); else the title itself (line 0); else a
    headline-shaped line shown twice above the run; else the nearest
    headline-shaped line above the run."""

    def candidate(i: int) -> bool:
        line = lines[i]
        return i not in furniture and headline_shaped(line) and not is_meta(line)

    def title_like(i: int) -> float:
        """How much the line is the title (0 when it is not)."""
        line = lines[i]
        if i in furniture:
            return 0.0
        # (a long one only when it is the title, near enough)
        short = headline_shaped(line)
        if not short and not headline_shaped(line, LONG_HEADLINE):
            return 0.0
        score = title_score(line, title_words)
        return score if short or score >= 0.9 else 0.0

    window = range(max(1, start - 40), min(len(lines), start + 3))
    if not lines:
        return None
    best, best_like = None, 0.0
    for i in window:
        score = title_like(i)
        # (a byline is told apart only from a line like the title: quicker)
        if score and score >= best_like and not is_meta(lines[i]):
            best, best_like = i, score
    if best is None and not any(map(title_like, range(1, window.start))):
        best_shared = 3
        for i in range(window.start, start):
            # (a line shaped like a name may be the headline here: `The
            # Impeachment Clock`; a byline would not share three of the
            # title's words)
            line = lines[i]
            if i in furniture or not headline_shaped(line):
                continue
            if line.lower().startswith("by "):
                continue
            tokens = set(words(line))
            shared = len(tokens & title_words)
            # (a line holding the whole title and more is a prompt to share it)
            whole = shared == len(title_words)
            if shared >= best_shared and shared >= 0.4 * len(tokens) and not whole:
                best, best_shared = i, shared
    if best is None and candidate(0) and len(words(lines[0])) >= 3:
        best = 0  # the page's title itself (its site name taken off)
    if best is None:
        # a page whose title is only the site's name: the headline is often
        # shown twice above the article (its link, then its heading)
        shown = [
            i
            for i in range(window.start, start)
            if candidate(i) and len(words(lines[i])) >= 4
        ]
        texts = [lines[i] for i in shown]
        twice = [i for i in shown if texts.count(lines[i]) > 1]
        best = twice[-1] if twice else None
    if best is None:
        above = (
            i
            for i in range(start - 1, max(-1, start - 8), -1)
            if candidate(i)
            and len(words(lines[i])) >= 4
            and not _MENU_SEPARATORS.search(lines[i])
        )
        best = next(above, None)
    return best
