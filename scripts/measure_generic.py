"""Line-level precision and recall of the generic cleaner on labelled dumps.

    python scripts/measure_generic.py [tests/fixtures/labelled] [-v]

Each labelled line is `T| `, `B| `, `C| ` or `M| ` followed by the text (see
tests/fixtures/labelled/README.md). The labels are stripped, the text goes
through the extractor, and every line is scored: cruft and metadata lines
should be removed from the body, body lines kept, the `T` line become the
title. Prints the figures per set (dev, heldout) and overall.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from newsarchive.extract import SkipFile, extract_text  # noqa: E402

LABELS = {"T", "B", "C", "M"}


@dataclass
class Score:
    removed_right: int = 0  # cruft or metadata removed
    removed_wrong: int = 0  # body removed
    missed: int = 0  # cruft or metadata kept
    kept_right: int = 0  # body kept
    titles: int = 0
    files: int = 0
    mistakes: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in ("removed_right", "removed_wrong", "missed", "kept_right"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.titles += other.titles
        self.files += other.files
        self.mistakes += other.mistakes

    def lines(self, name: str) -> list[str]:
        def ratio(a: int, b: int) -> str:
            return f"{a / b:6.1%} ({a}/{b})" if b else "   n/a"

        rr, rw, mi, kr = (
            self.removed_right,
            self.removed_wrong,
            self.missed,
            self.kept_right,
        )
        return [
            f"{name}: {self.files} files, titles right {self.titles}/{self.files}",
            f"  cruft removal   precision {ratio(rr, rr + rw)}  recall {ratio(rr, rr + mi)}",
            f"  body retention  precision {ratio(kr, kr + mi)}  recall {ratio(kr, kr + rw)}",
        ]


def parse_labelled(path: Path) -> tuple[str, dict[int, tuple[str, str]]]:
    """(raw text, {line number: (label, text)})."""
    raw, labels = [], {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            raw.append("")
            continue
        label, _, text = line.partition("| ")
        if label not in LABELS:
            raise ValueError(f"{path.name}:{number}: unknown label {label!r}")
        raw.append(text)
        labels[number] = (label, text)
    return "\n".join(raw) + "\n", labels


def score_file(path: Path) -> Score:
    text, labels = parse_labelled(path)
    score = Score(files=1)
    try:
        article = extract_text(text, path.name)
    except SkipFile as exc:
        score.mistakes.append(f"{path.name}: skipped: {exc}")
        return score
    removed = {r.line: r.rule for r in article.removed}
    for number, (label, line) in labels.items():
        if label == "T":
            if article.title == " ".join(line.split()):
                score.titles += 1
            else:
                score.mistakes.append(f"{path.name}: title {article.title!r}")
            continue
        gone = number in removed and removed[number] != "title"
        if label == "B" and gone:
            score.removed_wrong += 1
            score.mistakes.append(
                f"{path.name}:{number}: body removed ({removed[number]}): {line}"
            )
        elif label == "B":
            score.kept_right += 1
        elif gone:
            score.removed_right += 1
        else:
            score.missed += 1
            score.mistakes.append(f"{path.name}:{number}: cruft kept: {line}")
    return score


def measure(folder: Path) -> dict[str, Score]:
    sets: dict[str, Score] = {}
    for path in sorted(folder.glob("*.txt")):
        name = path.name.split("-", 1)[0]
        sets.setdefault(name, Score()).add(score_file(path))
    total = Score()
    for s in sets.values():
        total.add(s)
    sets["all"] = total
    return sets


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "folder", nargs="?", type=Path, default=ROOT / "tests/fixtures/labelled"
    )
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="list each mistake"
    )
    args = parser.parse_args(argv)
    sets = measure(args.folder)
    for name, score in sets.items():
        print("\n".join(score.lines(name)))
    if args.verbose:
        print("\n".join(sets["all"].mistakes) or "no mistakes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
