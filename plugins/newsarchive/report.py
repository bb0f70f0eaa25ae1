"""Print the one-screen summary of build-report.json.

    python -m newsarchive.report build-report.json [--output DIR]
        [--size-limit 1GB] [--strict]

With --output, the summary also gives the built site's size and bytes per
article, and warns when the site is larger than --size-limit (GitHub Pages
refuses a site over 1 GB). With --strict, exit 1 when any file was skipped,
any manifest row is bad or the site is over the limit.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from newsarchive.sizes import site_size

GITHUB_PAGES_LIMIT = 10**9  # bytes: "no larger than 1 GB"
_UNITS = {"": 1, "B": 1, "KB": 10**3, "MB": 10**6, "GB": 10**9}


def load_report(path: Path) -> dict:
    """build-report.json, with "files" cut down to the skipped rows when
    that is cheap: all that `summarise` and `main` read.

    write_report puts the summary, the manifest problems, `"files": [` and
    then each file on a line of its own, so only the lines that can hold a
    "skipped" status are decoded: those with the string `"skipped"` or a
    `\\u` escape (the only other way to write that string). A file in any other
    layout, or whose lines disagree with its summary's counts, is parsed
    whole.
    """
    got = _skipped_rows(path)
    if got is not None:
        return got
    return json.loads(path.read_text(encoding="utf-8"))


def _skipped_rows(path: Path) -> dict | None:
    """load_report's fast path, reading the file line by line; None when
    the file is not in write_report's layout."""
    with path.open(encoding="utf-8") as fh:
        head = [fh.readline() for _ in range(3)]
        if not (
            head[0].startswith('{"summary": ')
            and head[0].endswith(",\n")
            and head[1].startswith('"manifest_problems": ')
            and head[1].endswith(",\n")
            and head[2] == '"files": [\n'
        ):
            return None
        rows, found, last = 0, [], ""
        for line in fh:
            if last.strip():  # a row (an empty list leaves a blank line)
                rows += 1
                if '"skipped"' in last or "\\u" in last:
                    found.append(last)
            last = line
        if last != "]}\n":
            return None
    try:
        summary = json.loads(head[0][12:-2])
        problems = json.loads(head[1][21:-2])
        rows_found = [json.loads(r.rstrip("\n").removesuffix(",")) for r in found]
        skipped = [f for f in rows_found if f["status"] == "skipped"]
    except (ValueError, TypeError, KeyError):
        return None
    if rows != summary["read"] or len(skipped) != summary["skipped"]:
        return None
    return {"summary": summary, "manifest_problems": problems, "files": skipped}


def summarise(report: dict) -> str:
    s = report["summary"]
    lines = [
        "Build report",
        f"  files read   {s['read']:>8}",
        f"  published    {s['published']:>8}  ({s['undated']} undated)",
        f"  duplicates   {s['duplicates']:>8}",
        f"  skipped      {s['skipped']:>8}",
    ]
    skipped = [f for f in report["files"] if f["status"] == "skipped"]
    for row in skipped[:10]:
        lines.append(f"    skipped {row['path']}: {row.get('reason')}")
    if len(skipped) > 10:
        lines.append(f"    ... and {len(skipped) - 10} more in build-report.json")
    for p in report["manifest_problems"][:5]:
        where = p.get("file", f"row {p['row']}")
        lines.append(f"  manifest: {where}: {p['reason']}")
    return "\n".join(lines)


def parse_size(text: str) -> int:
    """Bytes from `123`, `900MB`, `1GB`, `1.5 GB` (decimal units)."""
    number = text.strip().upper().rstrip("B").rstrip()
    unit = text.strip().upper()[len(number) :].strip()
    for suffix in ("K", "M", "G"):
        if number.endswith(suffix):
            number, unit = number[:-1].strip(), suffix + "B"
    try:
        return int(float(number) * _UNITS[unit or ""])
    except (ValueError, KeyError):
        raise argparse.ArgumentTypeError(f"not a size: {text!r}") from None


def _size(n: int) -> str:
    for unit, factor in (("GB", 10**9), ("MB", 10**6), ("KB", 10**3)):
        if n >= factor:
            return f"{n / factor:,.1f} {unit}"
    return f"{n} bytes"


def size_summary(size: int, files: int, articles: int, limit: int) -> tuple[str, bool]:
    """Lines on the site's size, and whether it is over `limit` bytes."""
    per = size // articles if articles else 0
    lines = [f"  output       {_size(size):>11}  ({files:,} files)"]
    if articles:
        lines.append(f"  per article  {per:>8,} bytes")
    over = size > limit
    if over:
        lines.append(
            f"WARNING: the site is {_size(size)}, over the limit of {_size(limit)}:"
            " GitHub Pages refuses a site larger than 1 GB"
            " (see README, Hosting)"
        )
    return "\n".join(lines), over


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("report", type=Path)
    parser.add_argument("--output", type=Path, help="the built site, to size")
    parser.add_argument(
        "--size-limit",
        type=parse_size,
        default=GITHUB_PAGES_LIMIT,
        help="warn above this size (default 1GB, GitHub Pages' limit)",
    )
    parser.add_argument("--strict", action="store_true")
    args = parser.parse_args(argv)
    report = load_report(args.report)
    print(summarise(report))
    s = report["summary"]
    over = False
    if args.output is not None:
        size, files = site_size(args.output)
        text, over = size_summary(size, files, s["published"], args.size_limit)
        print(text)
    status = 0
    if args.strict and (s["skipped"] or s["manifest_problems"]):
        print("STRICT: some files were skipped", file=sys.stderr)
        status = 1
    if args.strict and over:
        print("STRICT: the site is over the size limit", file=sys.stderr)
        status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
