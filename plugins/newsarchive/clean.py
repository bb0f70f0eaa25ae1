"""Cleaning rules: load the profiles and decide which lines are UI cruft."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

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

    def matches(self, lines: list[str]) -> bool:
        return any(p.fullmatch(line.strip()) for p in self.detect for line in lines)

    def keeps(self, line: str) -> bool:
        """Whether a `keep` pattern says the line stays, recurring or not."""
        return any(p.fullmatch(line) for p in self.keep)


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


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def load_profile(path: Path) -> Profile:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return Profile(
        name=data["name"],
        outlet=data.get("outlet", ""),
        detect=tuple(_compile(p) for p in data.get("detect", [])),
        lines=tuple(
            LineRule(r["rule"], _compile(r["pattern"])) for r in data.get("line", [])
        ),
        blocks=tuple(
            BlockRule(r["rule"], _compile(r["start"]), _compile(r["end"]))
            for r in data.get("block", [])
        ),
        lists=tuple(
            ListRule(r["rule"], _compile(r["start"]), _compile(r["item"]))
            for r in data.get("list", [])
        ),
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
    line_rules = [r for p in profiles for r in p.lines]
    block_rules = [b for p in profiles for b in p.blocks]
    list_rules = [r for p in profiles for r in p.lists]
    open_block: BlockRule | None = None
    open_list: ListRule | None = None
    seen_prose = False
    for number, text in numbered:
        stripped = text.strip()
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
