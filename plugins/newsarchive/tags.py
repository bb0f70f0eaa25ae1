"""Automatic tags: people, places, organisations and topics.

Fast and offline (well under a millisecond per article, see
tests/test_extract_tags.py): runs of capitalised words are the candidates;
titles, days and sentence openers break them (`tagdata.toml`); a candidate
seen only at the start of sentences must be a rare word (by the `wordfreq`
list, shipped inside the package) and be seen twice. Surnames alone merge
into the full name the article used (`Putin` -> `Vladimir Putin`), aliases
give one spelling (`U.S.` -> `United States`), and topics come from a small
vocabulary kept as data.

`unify_tags` then runs once over the whole archive so that each entity has
one tag and one spelling everywhere (see its docstring).
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections import Counter
from collections.abc import Callable
from functools import lru_cache
from itertools import chain
from pathlib import Path

from newsarchive.content import FUNCTION_WORDS
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
_POSSESSIVE_ENDS = ("’s", "'s", "’", "'")
_CONTRACTION = re.compile(r"[A-Za-z]+[’'](?:m|ve|re|ll|d|t)")  # `I’m`, `Don’t`


def _uses_word(word: str, text: str) -> bool:
    """`word` stands alone in `text` (not inside a longer word or name), as
    `(?<![\\w-])word(?![\\w-])` says: looked for with `str.find`, since a
    regex compiled per candidate word cost more than the rest of tagging."""
    end = len(text)
    at = text.find(word)
    while at >= 0:
        after = at + len(word)
        if not (at and _joins(text[at - 1])) and not (
            after < end and _joins(text[after])
        ):
            return True
        at = text.find(word, at + 1)
    return False


def _joins(char: str) -> bool:
    """A character of a word or a hyphenated name (`[\\w-]`)."""
    return char.isalnum() or char in "_-"


_CONNECTORS = {"of", "and"}


def _stem(word: str) -> str:
    return word[:-1] if len(word) > 3 and word[-1] == "s" and word[-2] != "s" else word


@lru_cache(maxsize=1)
def _toml() -> dict:
    return tomllib.loads(DATA.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _data() -> tuple[frozenset[str], dict[str, str], dict[str, str]]:
    data = _toml()
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

    zipf = {w: math.log10(f) + 9 for w, f in get_frequency_dict("en", "small").items()}
    # (and as news text spells them, with a curly apostrophe: `you’ve`)
    return zipf | {w.replace("'", "’"): z for w, z in zipf.items() if "'" in w}


def _korean_name(words: list[str]) -> list[str]:
    """`Kim Jong Un` -> `Kim Jong-un` (one spelling for Korean given names)."""
    if len(words) == 3 and words[0].lower() in KOREAN_SURNAMES:
        if all("-" not in w and w[1:].islower() for w in words[1:]):
            return [words[0], f"{words[1]}-{words[2].lower()}"]
    return words


def _normal_word(word: str) -> str:
    if word.endswith(_POSSESSIVE_ENDS):  # (a word of a name holds no newline)
        word = _POSSESSIVE.sub("", word)
    if len(word) > 4 and word.isupper() and "." not in word:
        word = word.capitalize()  # SAMSUNG -> Samsung, NATO stays
    return word


def candidates(
    text: str, title: str = "", english: bool = True
) -> list[tuple[str, bool, int]]:
    """(name, starts a sentence, position) for each run of capitalised words.

    `of` joins capitalised words (`Bank of Korea`), and after it `and`
    (`Ministry of Health and Welfare`); titles and other stop words split a
    run and are trimmed from its ends.
    """
    stop, aliases, _ = _data()
    if not english:
        stop = _stop_other_languages()
    # (`North` as `North Korea` only in a story that names Korea)
    needs = {a: words for a, words in _alias_needs().items() if a in text}
    about = f"{title}\n{text}".lower() if needs else ""
    unnamed = {
        alias
        for alias, words in needs.items()
        if not any(word.lower() in about for word in words)
    }
    found: list[tuple[str, bool, int]] = []
    run: list[str] = []
    state = {"start": 0, "initial": False}

    def close() -> None:
        words = list(run)
        while words and (words[0] in stop or words[0] in _CONNECTORS):
            words.pop(0)
        while words and (words[-1] in stop or words[-1] in _CONNECTORS):
            words.pop()
        name = " ".join(_korean_name(words))
        name = "" if name in unnamed else aliases.get(name, name)
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
        if raw != word and raw.endswith(_POSSESSIVE_ENDS):
            close()  # `Korea’s` ends the name
    close()
    return found


FOREIGN_NAME_ZIPF = 5.0  # under it, how common in English such a name is

_WORD_OF_LETTERS = re.compile(r"[^\W\d_]+")
ENGLISH_SAMPLE = 500  # characters of a text enough to tell its language
ENGLISH_WORDS = 8  # lower-case words fewer than which no language is told


def _language(text: str) -> tuple[bool, bool]:
    """(English, capitalises its nouns) of `text`, by its first
    ENGLISH_SAMPLE characters: English when a sixth or more of its
    lower-case words are English's commonest (content.FUNCTION_WORDS:
    `the`, `of`, `a`), or when it is too short to tell; else its nouns are
    capitalised when a quarter or more of its words are (German)."""
    words = _WORD_OF_LETTERS.findall(text[:ENGLISH_SAMPLE])
    lower = [w for w in words if w[0].islower()]
    if len(lower) < ENGLISH_WORDS:
        return True, False
    if sum(map(FUNCTION_WORDS.__contains__, lower)) >= len(lower) / 6:
        return True, False
    return False, len(words) - len(lower) >= len(words) / 4


def _not_a_tag(name: str, nouns: bool, canonical: set[str]) -> bool:
    """A one-word name that is no tag: a letter or two in lower case, an
    English contraction (`I’m`, `Don’t`, even within a sentence), or,
    where nouns are capitalised (`nouns`), one that is no acronym, alias
    target or name English knows without using it as a common word
    (`Berlin`, not `Polizei` or `Problem`)."""
    if len(name) == 1 or (len(name) == 2 and not name.isupper()):
        return True
    if _CONTRACTION.fullmatch(name) and name.lower() in _zipf():
        return True
    if not nouns or name.isupper() or name in canonical:
        return False
    return not 0 < _zipf().get(name.lower(), 0.0) < FOREIGN_NAME_ZIPF


def auto_tags(title: str, paragraphs: list[str]) -> list[str]:
    """3 to 8 tags for an article: entities first, then topics."""
    text = "\n".join(paragraphs)
    _, aliases, topic_phrases = _data()
    topic_starts = _topic_starts()
    canonical = set(aliases.values())

    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    mid_sentence: set[str] = set()
    english, nouns = _language(text)
    for name, initial, pos in candidates(text, title, english):
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
        lower = _uses_word(word, text)
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

    # one word alone: not a letter or two (`V`, `Za`: a preposition opening
    # a sentence), nor, in a language that capitalises its nouns, a noun
    for name in [n for n in counts if " " not in n]:
        if _not_a_tag(name, nouns, canonical):
            del counts[name]
    weak = [n for n in weak if not _not_a_tag(n, nouns, canonical)]

    title_low = title.lower()
    score = {n: c + (2 if n.lower() in title_low else 0) for n, c in counts.items()}
    entities = sorted(score, key=lambda n: (-score[n], first[n]))
    strong = [n for n in entities if score[n] >= 2]

    topic_counts: Counter[str] = Counter()
    words = list(map(_stem, _WORD.findall(f"{title}\n{text}".lower())))
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


# --- one tag per entity across the archive ----------------------------------

_FOLD = str.maketrans({c: " " for c in "-‐‑‒–—_"} | {".": "", "’": "'", "‘": "'"})


def _key(tag: str) -> str:
    """What variants of one name share: case, hyphens, dots, accents aside."""
    if not tag.isascii():
        tag = "".join(
            c
            for c in unicodedata.normalize("NFKD", tag)
            if not unicodedata.combining(c)
        )
    return " ".join(tag.translate(_FOLD).casefold().split())


@lru_cache(maxsize=1)
def _stop_other_languages() -> frozenset[str]:
    """The stop words of a text not in English: English's, and sentence
    openers of other languages (`Die`, `Det`, `Por`)."""
    return _data()[0] | frozenset(_toml()["stop_other_languages"])


@lru_cache(maxsize=1)
def _alias_needs() -> dict[str, list[str]]:
    """The aliases that hold only where the text names a word too."""
    return dict(_toml()["aliases_if_named"])


@lru_cache(maxsize=1)
def _unify_data() -> tuple[dict[str, str], frozenset[str], frozenset[str]]:
    """Aliases by key, the spellings the data fixes (topics and alias targets),
    and words no person's name has."""
    data = _toml()
    aliases = {_key(k): v for k, v in data["aliases"].items() if v}
    known = frozenset(data["aliases"].values()) | frozenset(data["topics"])
    words = [*data["not_person"], *data["alone"], *data["stop"], *data["topics"]]
    words += [name for name in known if " " not in name]  # `Russia`, not `Mike`
    not_person = frozenset(_key(w) for phrase in words for w in phrase.split())
    return aliases, known, not_person


def _spelling_rank(spelling: str, count: int) -> tuple:
    """Most used first; then hyphenated (`Kim Jong-un`), fewer capitals inside
    words (`Gimje` over `GIMJE`), and finally the string itself."""
    inner_caps = sum(1 for w in spelling.split() for c in w[1:] if c.isupper())
    return (-count, -spelling.count("-"), inner_caps, spelling)


def _surname(name: str, not_person: frozenset[str]) -> str | None:
    """The key of the surname of what looks like a person's full name.

    Two or three words, none of them a place or organisation word (`North`,
    `Airport`...). Korean names give the first word (`Moon Jae-in`), others
    the last (`Mike Pompeo`).
    """
    words = name.split()
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() for w in words):
        return None
    keys = [_key(w) for w in words]
    korean = (
        keys[0] in KOREAN_SURNAMES
        and (
            (len(words) == 2 and "-" in words[1])  # `Moon Jae-in`
            or (
                len(words) == 3 and all(len(w) <= 5 for w in words[1:])
            )  # `Ban Ki Moon`
        )
    )
    for k in keys[korean:]:  # `Park`, `Song`: surnames, not places
        if k in not_person or not k.replace(" ", "").replace("'", "").isalpha():
            return None
    return keys[0] if korean else keys[-1]


def unify_tags(
    tag_lists: list[list[str]],
    text: Callable[[int], str | None] | None = None,
) -> list[list[str]]:
    """The same tag lists with one spelling per entity across the archive.

    - the aliases of `tagdata.toml` apply (`U.S.` -> `United States`);
    - tags that differ only in case, hyphens, dots or accents are one tag
      (`Kim Jong Un`, `Kim Jong-un`): it is spelled as the data spells it
      (a topic or alias target), else as most articles spell it, ties going
      to the hyphenated spelling, then to fewer capitals inside words, then
      to the alphabetical first;
    - a lone surname becomes the full name when exactly one person in the
      archive has that surname (`Pompeo` -> `Mike Pompeo`); a surname shared
      by several people stays as it is;
    - a tag repeated in one article after this is kept once, in first place.

    `text(i)`, when given, returns article i's title and text (or None to
    leave it alone, e.g. for tags an editor chose). An article with fewer than
    3 tags then gets the archive's entity tags its text names, as the tagger
    finds names (a single word needs two other articles with that tag, and a
    mid-sentence mention unless the word never appears in lower case). Nothing
    else is added, so an article may stay short rather than get a weak tag.

    One pass over all tags plus one over each distinct spelling; the text of
    short articles only is read.
    """
    aliases, known, not_person = _unify_data()

    # articles per spelling (a spelling repeated within one article counts once)
    counts = Counter(chain.from_iterable(map(set, tag_lists)))

    # group spellings by key, with the data's aliases applied first
    groups: dict[str, Counter[str]] = {}
    key_of: dict[str, str] = {}
    for spelling, n in counts.items():
        s = " ".join(spelling.split())
        if not s:
            continue
        if not s.islower():  # `U.S.`, `Polish`; not the topic `polish`
            s = aliases.get(_key(s), s)
        k = _key(s)
        key_of[spelling] = k
        groups.setdefault(k, Counter())[s] += n
    canonical: dict[str, str] = {}
    for k, spellings in groups.items():
        fixed = sorted(s for s in spellings if s in known)
        canonical[k] = (
            fixed[0]
            if fixed
            else min(spellings, key=lambda s: _spelling_rank(s, spellings[s]))
        )

    # a lone surname -> the only full name in the archive that has it
    people: dict[str, set[str]] = {}
    for k, name in canonical.items():
        if " " in k and (surname := _surname(name, not_person)):
            people.setdefault(surname, set()).add(k)
    shared: set[str] = set()  # surnames of several people: `Kim`
    for k, name in canonical.items():
        if " " not in k and name not in known and k in people:
            if len(people[k]) == 1:
                canonical[k] = canonical[next(iter(people[k]))]
            else:
                shared.add(name)

    final = dict.fromkeys(counts, "")  # blank tags go
    final.update((spelling, canonical[k]) for spelling, k in key_of.items())
    get = final.__getitem__
    result = [list(dict.fromkeys(map(get, tags))) for tags in tag_lists]
    if "" in final.values():
        result = [[t for t in tags if t] for tags in result]

    if text is not None:
        never = shared | frozenset(_toml()["topics"])
        _top_up(result, text, canonical, never)
    return result


# a run of capitalised words, `of`, `of the` and `and` inside it (no
# look-behind: it would slow the scan threefold; _names checks the char before)
_NAME_WORD = r"[A-Z][\w’']*(?:[.-][\w’']+)*"
_RUN = re.compile(rf"{_NAME_WORD}(?: (?:of (?:the )?|and )?{_NAME_WORD})*")
_LONGEST = 6


def _names(
    text: str, lookup: dict[str, str], heads: dict[str, int], word_keys: dict[str, str]
) -> list[tuple[str, bool, str]]:
    """(tag, starts a sentence, key as written) for each name in `text` that is
    a tag of the archive: the longest such span of each run of capitalised
    words, so `President Moon Jae-in` gives `Moon Jae-in`.

    `lookup`: key -> tag; `heads`: first word of a key -> most words in a key
    that starts with it; `word_keys`: a cache of _key for single words.
    """
    found = []
    for m in _RUN.finditer(text):
        start = m.start()
        if start and (text[start - 1].isalnum() or text[start - 1] in "’'-."):
            continue  # `iPhone`, `Jong-Un`
        keys = []
        for w in m[0].split(" "):
            k = word_keys.get(w)
            if k is None:
                k = word_keys[w] = _key(_POSSESSIVE.sub("", w))
            keys.append(k)
        j, end = 0, len(keys)
        while j < end:
            longest = heads.get(keys[j].partition(" ")[0], 0)
            for n in range(min(longest, end - j), 0, -1):
                span = " ".join(keys[j : j + n]) if n > 1 else keys[j]
                if span in lookup:
                    before = text[max(0, start - 3) : start]
                    initial = j == 0 and (
                        "\n" in before or bool(_SENTENCE_END.search(before))
                    )
                    found.append((lookup[span], initial, span))
                    j += n - 1
                    break
            j += 1
    return found


def _top_up(
    result: list[list[str]],
    text: Callable[[int], str | None],
    canonical: dict[str, str],
    never: set[str],
) -> None:
    """Articles short of tags get the archive's entity tags they name (not
    topics, which the tagger has already looked for, nor shared surnames)."""
    short = [i for i, tags in enumerate(result) if len(tags) < MIN_TAGS]
    if not short:
        return
    aliases = _unify_data()[0]
    articles: Counter[str] = Counter()
    for tags in result:
        articles.update(tags)
    lookup = dict(canonical)
    for k, target in aliases.items():
        if (t := _key(target)) in canonical:
            lookup.setdefault(k, canonical[t])
    heads: dict[str, int] = {}
    for k in lookup:
        head = k.partition(" ")[0]
        heads[head] = max(heads.get(head, 0), min(k.count(" ") + 1, _LONGEST))
    word_keys: dict[str, str] = {}
    for i in short:
        body = text(i)
        if not body:
            continue
        tags = result[i]
        found: Counter[str] = Counter()
        weak: dict[str, str] = {}  # named only by one word opening a sentence
        strong: set[str] = set()
        runs: list[str] = [_key(t) for t in tags]
        for tag, initial, span in _names(body, lookup, heads, word_keys):
            runs.append(span)
            if tag in never or tag in tags:
                continue
            found[tag] += 1
            if " " in span or not initial:
                strong.add(tag)
            else:
                weak.setdefault(tag, span)
        # a word inside a longer name the article uses (`Kim` of `Kim Jong-un`)
        inside = {w for k in runs if " " in k for w in k.split()}
        for tag, _ in found.most_common():
            if len(tags) >= MIN_TAGS:
                break
            if tag not in strong:
                # one word, only at sentence starts: the archive must know it
                # well, and the text must never use it as a common word
                word = weak[tag]
                if word in inside or articles[tag] < 2:
                    continue
                if _uses_word(word, body):
                    continue
            elif " " not in (k := _key(tag)) and k in inside:
                continue
            tags.append(tag)
