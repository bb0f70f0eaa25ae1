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
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    if (
        len(lines) >= 6
        and lines[0].startswith('{"summary": ')
        and lines[0].endswith(",")
        and lines[1].startswith('"manifest_problems": ')
        and lines[1].endswith(",")
        and lines[2] == '"files": ['
        and lines[-2:] == ["]}", ""]
    ):
        rows = lines[3:-2] if lines[3] else []
        try:
            summary = json.loads(lines[0][12:-1])
            problems = json.loads(lines[1][21:-1])
            found = [
                json.loads(r.removesuffix(","))
                for r in rows
                if '"skipped"' in r or "\\u" in r
            ]
            skipped = [f for f in found if f["status"] == "skipped"]
            if len(rows) == summary["read"] and len(skipped) == summary["skipped"]:
                return {
                    "summary": summary,
                    "manifest_problems": problems,
                    "files": skipped,
                }
        except (ValueError, TypeError, KeyError):
            pass
    return json.loads(text)


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
