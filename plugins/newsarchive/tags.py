"""Automatic tags: people, places, organisations and topics.

Fast and offline (well under a millisecond per article, see
tests/test_extract_tags.py): runs of capitalised words are the candidates;
titles, days and sentence openers break them (`tagdata.toml`); a candidate
seen only at the start of sentences must be a rare word (by the `wordfreq`
list, shipped inside the package) and be seen twice. Surnames alone merge
into the full name the article used (`Putin` -> `Vladimir Putin`), aliases
give one spelling (`U.S.` -> `United States`), and topics come from a small
vocabulary kept as data.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from functools import lru_cache
from pathlib import Path

from newsarchive.names import KOREAN_SURNAMES

DATA = Path(__file__).with_name("tagdata.toml")
MAX_TAGS, MIN_TAGS = 8, 3
MAX_TOPICS = 3

# a word, `U.S.`-style initials, or a hyphenated name; apostrophes inside
_CAP_OR_LINK = re.compile(
    r"(?<![\w’'-])(?:[A-Z](?:(?:\.[A-Za-z])+\.?|[A-Za-z’'-]*[A-Za-z’'])?|of|and)(?![\w-])"
)
_WORD = re.compile(r"[a-z0-9][a-z0-9'’-]*")
_SENTENCE_END = re.compile(r"[.!?:;][”\"’)]*\s+$|^\s*$|[“\"(]\s*$|[-–—]\s+$")
_POSSESSIVE = re.compile(r"(’s|'s|’|')$")
_CONNECTORS = {"of", "and"}


def _stem(word: str) -> str:
    return word[:-1] if len(word) > 3 and word[-1] == "s" and word[-2] != "s" else word


@lru_cache(maxsize=1)
def _data() -> tuple[frozenset[str], dict[str, str], dict[str, str]]:
    data = tomllib.loads(DATA.read_text(encoding="utf-8"))
    stop = frozenset(data["stop"])
    aliases = dict(data["aliases"])
    aliases.update({word: "" for word in data["alone"]})
    topics = {
        " ".join(_stem(w) for w in phrase.lower().split()): topic
        for topic, phrases in data["topics"].items()
        for phrase in phrases
    }
    return stop, aliases, topics


@lru_cache(maxsize=1)
def _topic_starts() -> frozenset[str]:
    """First words of the topic phrases of two or three words."""
    return frozenset(p.split()[0] for p in _data()[2] if " " in p)


@lru_cache(maxsize=1)
def _zipf() -> dict[str, float]:
    import math

    from wordfreq import get_frequency_dict

    return {w: math.log10(f) + 9 for w, f in get_frequency_dict("en", "small").items()}


def _korean_name(words: list[str]) -> list[str]:
    """`Kim Jong Un` -> `Kim Jong-un` (one spelling for Korean given names)."""
    if len(words) == 3 and words[0].lower() in KOREAN_SURNAMES:
        if all("-" not in w and w[1:].islower() for w in words[1:]):
            return [words[0], f"{words[1]}-{words[2].lower()}"]
    return words


def _normal_word(word: str) -> str:
    word = _POSSESSIVE.sub("", word)
    if len(word) > 4 and word.isupper() and "." not in word:
        word = word.capitalize()  # SAMSUNG -> Samsung, NATO stays
    return word


def candidates(text: str) -> list[tuple[str, bool, int]]:
    """(name, starts a sentence, position) for each run of capitalised words.

    `of` joins capitalised words (`Bank of Korea`), and after it `and`
    (`Ministry of Health and Welfare`); titles and other stop words split a
    run and are trimmed from its ends.
    """
    stop, aliases, _ = _data()
    found: list[tuple[str, bool, int]] = []
    run: list[str] = []
    state = {"start": 0, "initial": False}

    def close() -> None:
        words = list(run)
        while words and (words[0] in stop or words[0] in _CONNECTORS):
            words.pop(0)
        while words and (words[-1] in stop or words[-1] in _CONNECTORS):
            words.pop()
        name = (
            aliases.get(name, name) if (name := " ".join(_korean_name(words))) else ""
        )
        if name:
            found.append((name, state["initial"], state["start"]))
        run.clear()

    prev_end = 0
    for m in _CAP_OR_LINK.finditer(text):
        raw = m[0]
        joined = bool(run) and text[prev_end : m.start()] == " "
        prev_end = m.end()
        if raw in _CONNECTORS:
            if joined and (raw == "of" or "of" in run):
                run.append(raw)
            elif run:
                close()
            continue
        word = _normal_word(raw)
        if word in stop or word.rstrip(".") in stop:
            if run:
                close()
            continue
        if not joined and run:
            close()
        if not run:
            before = text[max(0, m.start() - 3) : m.start()]
            state["start"] = m.start()
            state["initial"] = m.start() == 0 or bool(_SENTENCE_END.search(before))
        run.append(word)
        if raw != word and raw.endswith(("’s", "'s", "’", "'")):
            close()  # `Korea’s` ends the name
    close()
    return found


def auto_tags(title: str, paragraphs: list[str]) -> list[str]:
    """3 to 8 tags for an article: entities first, then topics."""
    text = "\n".join(paragraphs)
    _, aliases, topic_phrases = _data()
    topic_starts = _topic_starts()
    canonical = set(aliases.values())

    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    mid_sentence: set[str] = set()
    for name, initial, pos in candidates(text):
        counts[name] += 1
        first.setdefault(name, pos)
        if not initial:
            mid_sentence.add(name)

    zipf = _zipf()
    weak: list[str] = []
    for name in list(counts):
        if name in mid_sentence or " " in name or name in canonical:
            continue
        # seen only at the start of sentences: a common word unless rare
        word = name.lower()
        common = zipf.get(word, 0.0)
        lower = re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text)
        if lower or word.endswith("ly") or common >= 5.0:
            del counts[name]
        elif counts[name] < 2:
            # once, at a sentence start: only a filler, and only if it is a
            # rare word that does not look like a plural or a verb form
            if common < 3.0 and not word.endswith(("s", "ing", "ed")):
                weak.append(name)
            del counts[name]

    # a single word inside a longer name merges into the most used such name
    parts = {n: set(n.replace("-", " ").split()) for n in counts if " " in n}
    for name in [n for n in counts if " " not in n]:
        longer = [n for n, words in parts.items() if name in words]
        if longer:
            target = max(longer, key=lambda n: (counts[n], -first[n]))
            counts[target] += counts.pop(name)
            first[target] = min(first[target], first.pop(name))

    title_low = title.lower()
    score = {n: c + (2 if n.lower() in title_low else 0) for n, c in counts.items()}
    entities = sorted(score, key=lambda n: (-score[n], first[n]))
    strong = [n for n in entities if score[n] >= 2]

    topic_counts: Counter[str] = Counter()
    words = [_stem(w) for w in _WORD.findall(f"{title}\n{text}".lower())]
    for k, word in enumerate(words):
        if topic := topic_phrases.get(word):
            topic_counts[topic] += 1
        if word in topic_starts:
            for size in (2, 3):
                if topic := topic_phrases.get(" ".join(words[k : k + size])):
                    topic_counts[topic] += 1
    topics = [t for t, c in topic_counts.most_common() if c >= 2][:MAX_TOPICS]

    tags = strong[: MAX_TAGS - len(topics)] + topics
    fillers = [n for n in entities if n not in strong]
    fillers += [t for t, _ in topic_counts.most_common() if t not in topics]
    for extra in fillers + weak:
        if len(tags) >= MIN_TAGS:
            break
        tags.append(extra)
    seen: set[str] = set()
    return [t for t in tags if not (t.casefold() in seen or seen.add(t.casefold()))]
