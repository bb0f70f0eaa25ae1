"""Cleaning rules: load the profiles and decide which lines are UI cruft."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from newsarchive.firstchar import first_char

PROFILE_DIR = Path(__file__).with_name("profiles")


@dataclass(frozen=True)
class LineRule:
    rule: str
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class BlockRule:
    rule: str
    start: re.Pattern[str]
    end: re.Pattern[str]


@dataclass(frozen=True)
class ListRule:
    """A header line and the short item lines right after it."""

    rule: str
    start: re.Pattern[str]
    item: re.Pattern[str]


@dataclass(frozen=True)
class Profile:
    name: str
    outlet: str = ""
    detect: tuple[re.Pattern[str], ...] = ()
    lines: tuple[LineRule, ...] = ()
    blocks: tuple[BlockRule, ...] = ()
    lists: tuple[ListRule, ...] = ()
    keep: tuple[re.Pattern[str], ...] = ()
    off: frozenset[str] = frozenset()  # rules of other profiles not applied

    def matches(self, lines: list[str]) -> bool:
        detect = joined(self.detect)
        return detect is not None and any(detect(line.strip()) for line in lines)

    def keeps(self, line: str) -> bool:
        """Whether a `keep` pattern says the line stays, recurring or not."""
        return any(p.fullmatch(line) for p in self.keep)


def any_of(patterns: tuple[re.Pattern[str], ...]) -> Callable | None:
    """A `fullmatch` that matches where any of `patterns` does, or None when
    there are none. (Tried one by one: joined into one alternation, they
    would lose the quick test of a line's first character that each
    pattern has on its own.)"""
    if not patterns:
        return None

    def fullmatch(text: str) -> re.Match[str] | None:
        for pattern in patterns:
            if m := pattern.fullmatch(text):
                return m
        return None

    return fullmatch


# what would make a pattern mean something else inside a longer one: a
# back-reference by number or name, or a test of whether a group matched
_BACKREF = re.compile(r"\\(?:[1-9]|g<)|\(\?P=|\(\?\(")


@lru_cache(maxsize=64)
def joined(patterns: tuple[re.Pattern[str], ...]) -> Callable | None:
    """A `fullmatch` that matches where any of `patterns` does (which one
    aside), or None when there are none: one alternation, so each line is
    read once rather than once per pattern. Patterns that cannot be joined
    (their flags differ, or one refers back to a group) are tried in turn."""
    if not patterns:
        return None
    flags = {p.flags for p in patterns}
    sources = [p.pattern for p in patterns]
    if len(flags) == 1 and not any(_BACKREF.search(s) for s in sources):
        try:
            return re.compile("|".join(f"(?:{s})" for s in sources), *flags).fullmatch
        except re.error:  # e.g. a pattern opening with its own flags
            pass
    return any_of(patterns)


class _Rules(NamedTuple):
    lines: tuple[LineRule, ...]
    blocks: tuple[BlockRule, ...]
    lists: tuple[ListRule, ...]
    keep: Callable | None
    # by a line's first character: the blocks, lists and lines whose start
    # or pattern may match a line that opens with it
    opening: dict[str, tuple[tuple, tuple, tuple]]


def _may_open(rules: _Rules, char: str) -> tuple[tuple, tuple, tuple]:
    """The block, list and line rules that may take a line opening with
    `char`, in their order (see newsarchive.firstchar)."""
    if (hit := rules.opening.get(char)) is None:
        hit = rules.opening[char] = (
            tuple(b for b in rules.blocks if _opens(b.start, char)),
            tuple(r for r in rules.lists if _opens(r.start, char)),
            tuple(r for r in rules.lines if _opens(r.pattern, char)),
        )
    return hit


def _opens(pattern: re.Pattern[str], char: str) -> bool:
    test = first_char(pattern)
    return test is None or test(char) is not None


_RULES: dict[tuple[int, ...], tuple[list[Profile], _Rules]] = {}


def _rules(profiles: list[Profile]) -> _Rules:
    """The rules of `profiles` together, less those a profile switches off
    (worked out once for each set of profiles)."""
    key = tuple(map(id, profiles))
    if (hit := _RULES.get(key)) is not None and all(
        a is b for a, b in zip(hit[0], profiles, strict=True)
    ):
        return hit[1]
    off = frozenset().union(*(p.off for p in profiles))
    rules = _Rules(
        tuple(r for p in profiles for r in p.lines if r.rule not in off),
        tuple(b for p in profiles for b in p.blocks if b.rule not in off),
        tuple(r for p in profiles for r in p.lists if r.rule not in off),
        any_of(tuple(k for p in profiles for k in p.keep)),
        {},
    )
    if len(_RULES) > 16:
        _RULES.clear()
    _RULES[key] = (list(profiles), rules)
    return rules


class Removed(NamedTuple):
    """One line taken out of the article, and the rule that took it. (A
    tuple: an archive's cache holds about a dozen per article.)"""

    line: int  # 1-based line number in the decoded file
    text: str
    rule: str


@dataclass
class Cleaned:
    kept: list[tuple[int, str]] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)


class ProfileError(ValueError):
    """A profile file that cannot be used; the message names the file and key."""


# what a profile may hold; anything else is a mistake worth stopping for
_KEYS = {"name", "outlet", "detect", "line", "block", "list", "keep", "off"}
_TABLE_KEYS = {
    "line": ({"rule"}, {"pattern", "patterns"}),
    "block": ({"rule", "start", "end"}, set()),
    "list": ({"rule", "start", "item"}, set()),
}


def _compile(pattern: str | list[str], where: str) -> re.Pattern[str]:
    """One pattern, or a list of them as one alternation, case ignored."""
    patterns = [pattern] if isinstance(pattern, str) else pattern
    if not patterns or not all(isinstance(p, str) for p in patterns):
        raise ProfileError(f"{where}: expected a pattern or a list of patterns")
    try:
        if len(patterns) == 1:
            return re.compile(patterns[0], re.IGNORECASE)
        return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)
    except re.error as exc:
        raise ProfileError(f"{where}: bad pattern: {exc}") from exc


def _check(data: dict, name: str) -> None:
    for key in data:
        if key not in _KEYS:
            raise ProfileError(f"{name}: unknown key {key!r}")
    for table, (required, optional) in _TABLE_KEYS.items():
        for k, entry in enumerate(data.get(table, []), 1):
            where = f"{name}: [[{table}]] number {k}"
            if not isinstance(entry, dict):
                raise ProfileError(f"{where}: expected a table")
            for key in entry:
                if key not in required | optional:
                    raise ProfileError(f"{where}: unknown key {key!r}")
            missing = required - entry.keys()
            if table == "line" and not entry.keys() & {"pattern", "patterns"}:
                missing.add("pattern")
            if missing:
                raise ProfileError(f"{where}: missing {', '.join(sorted(missing))}")
    if "name" not in data:
        raise ProfileError(f"{name}: missing key 'name'")


def load_profile(path: Path) -> Profile:
    """One profile file; ProfileError names the file and the key at fault."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(f"{path.name}: {exc}") from exc
    _check(data, path.name)

    def rule(entry: dict, key: str, table: str) -> re.Pattern[str]:
        where = f"{path.name}: [[{table}]] {entry['rule']!r} {key}"
        return _compile(entry[key], where)

    return Profile(
        name=data["name"],
        outlet=data.get("outlet", ""),
        detect=tuple(
            _compile(p, f"{path.name}: detect") for p in data.get("detect", [])
        ),
        lines=tuple(
            LineRule(
                r["rule"], rule(r, "patterns" if "patterns" in r else "pattern", "line")
            )
            for r in data.get("line", [])
        ),
        blocks=tuple(
            BlockRule(r["rule"], rule(r, "start", "block"), rule(r, "end", "block"))
            for r in data.get("block", [])
        ),
        lists=tuple(
            ListRule(r["rule"], rule(r, "start", "list"), rule(r, "item", "list"))
            for r in data.get("list", [])
        ),
        keep=tuple(_compile(p, f"{path.name}: keep") for p in data.get("keep", [])),
        off=frozenset(data.get("off", [])),
    )


@lru_cache(maxsize=4)
def load_profiles(directory: Path = PROFILE_DIR) -> tuple[Profile, ...]:
    """All profiles in `directory`, generic last."""
    profiles = [load_profile(p) for p in sorted(directory.glob("*.toml"))]
    return tuple(sorted(profiles, key=lambda p: p.name == "generic"))


def pick_profile(lines: list[str], profiles: tuple[Profile, ...]) -> Profile | None:
    """The first outlet profile whose detect patterns match, else None."""
    for profile in profiles:
        if profile.name != "generic" and profile.matches(lines):
            return profile
    return None


def clean_lines(numbered: list[tuple[int, str]], profiles: list[Profile]) -> Cleaned:
    """Split numbered lines into kept and removed by the profiles' rules."""
    out = Cleaned()
    rules = _rules(profiles)
    keep = rules.keep
    open_block: BlockRule | None = None
    open_list: ListRule | None = None
    seen_prose = False
    for number, text in numbered:
        stripped = text.strip()
        if keep is not None and keep(stripped):
            out.kept.append((number, text))
            continue
        if open_list is not None:
            if open_list.item.fullmatch(stripped):
                out.removed.append(Removed(number, text, open_list.rule))
                continue
            open_list = None
        if open_block is not None:
            out.removed.append(Removed(number, text, open_block.rule))
            if open_block.end.fullmatch(stripped):
                open_block = None
            continue
        block_rules, list_rules, line_rules = _may_open(rules, stripped[:1])
        block = next((b for b in block_rules if b.start.fullmatch(stripped)), None)
        if block is not None:
            out.removed.append(Removed(number, text, block.rule))
            if not block.end.fullmatch(stripped):
                open_block = block
            continue
        listed = next((r for r in list_rules if r.start.fullmatch(stripped)), None)
        if listed is not None:
            out.removed.append(Removed(number, text, listed.rule))
            # above the article (no prose yet) the headline may come next:
            # take the header alone
            open_list = listed if seen_prose else None
            continue
        rule = next((r for r in line_rules if r.pattern.fullmatch(stripped)), None)
        if rule is not None:
            out.removed.append(Removed(number, text, rule.rule))
            continue
        out.kept.append((number, text))
        seen_prose = seen_prose or is_prose(stripped)
    return out


def is_prose(line: str) -> bool:
    """A sentence-like paragraph: eight words or more, ending like a sentence."""
    return len(line.split()) >= 8 and line.rstrip().endswith(
        (".", "!", "?", '"', "”", "’", ")")
    )
