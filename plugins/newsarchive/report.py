"""Print the one-screen summary of build-report.json.

    python -m newsarchive.report build-report.json [--strict]

With --strict, exit 1 when any file was skipped or any manifest row is bad.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


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
    report = json.loads(args.report.read_text(encoding="utf-8"))
    print(summarise(report))
    s = report["summary"]
    if args.strict and (s["skipped"] or s["manifest_problems"]):
        print("STRICT: some files were skipped", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
