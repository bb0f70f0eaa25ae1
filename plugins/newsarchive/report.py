"""Print the one-screen summary of build-report.json.

    python -m newsarchive.report build-report.json [--strict]

With --strict, exit 1 when any file was skipped or any manifest row is bad.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("report", type=Path)
    parser.add_argument("--strict", action="store_true")
    args = parser.parse_args(argv)
    report = load_report(args.report)
    print(summarise(report))
    s = report["summary"]
    if args.strict and (s["skipped"] or s["manifest_problems"]):
        print("STRICT: some files were skipped", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
