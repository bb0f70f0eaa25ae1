"""The seeds manifest: per-file metadata the raw text lacks.

`seeds/manifest.csv` has a header row and these columns (all but `file`
optional): file, date (YYYY-MM-DD; a bare YYYY gives only the year),
source_url, tags (comma-separated), title, authors (comma-separated).
"""

from __future__ import annotations

import csv
import os
import re
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePosixPath

from newsarchive.slugs import safe_url
from newsarchive.text import strip_bidi

COLUMNS = ("file", "date", "source_url", "tags", "title", "authors")
_YEAR = re.compile(r"\d{4}(-\d\d)?")


def _posix(name: str) -> str:
    """`PurePosixPath(name.replace("\\", "/")).as_posix()`, without building a
    path for a name that is already in that form (not empty, and no
    backslash, empty or `.` segment, or trailing slash)."""
    if (
        "\\" in name
        or "//" in name
        or name.endswith(("/", "/."))
        or name.startswith("./")
        or "/./" in name
        or name in ("", ".")
    ):
        return PurePosixPath(name.replace("\\", "/")).as_posix()
    return name


@dataclass
class Manifest:
    entries: dict[str, dict] = field(default_factory=dict)
    problems: list[dict] = field(default_factory=list)


def _split(value: str) -> list[str]:
    return [v for v in map(str.strip, value.split(",")) if v]


def load_manifest(path: Path, seeds_dir: Path, found: Collection[str] = ()) -> Manifest:
    """Parse the manifest; bad rows and rows naming missing files become
    problems. `found`: names (relative to `seeds_dir`) a directory walk just
    found, which need no check that they exist."""
    out = Manifest()
    if not path.exists():
        return out
    base = os.fspath(seeds_dir)
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        unknown = set(reader.fieldnames or ()) - set(COLUMNS)
        if "file" not in (reader.fieldnames or ()) or unknown:
            out.problems.append(
                {"row": 1, "reason": f"header must name columns from {COLUMNS}"}
            )
            return out
        for row_no, row in enumerate(reader, 2):
            name = (row.get("file") or "").strip()
            if name:
                name = _posix(name)
            if not name or None in row:
                out.problems.append({"row": row_no, "reason": "malformed row"})
                continue
            # a name the file system refuses (too long...) is missing too
            if name not in found and not os.path.isfile(os.path.join(base, name)):
                out.problems.append(
                    {
                        "row": row_no,
                        "file": name,
                        "reason": "names a file that does not exist",
                    }
                )
                continue
            if name in out.entries:
                out.problems.append(
                    {"row": row_no, "file": name, "reason": "file named twice"}
                )
                continue
            entry: dict = {}
            if raw_date := (row.get("date") or "").strip():
                try:
                    if _YEAR.fullmatch(raw_date):
                        # a year (or year and month) alone dates nothing, but
                        # lets a print-edition line `Nov. 3` date the article
                        entry["year"] = int(raw_date[:4])
                    else:
                        entry["date"] = date.fromisoformat(raw_date)
                except ValueError:
                    out.problems.append(
                        {
                            "row": row_no,
                            "file": name,
                            "reason": f"bad date {raw_date!r}",
                        }
                    )
            if url := (row.get("source_url") or "").strip():
                if safe_url(url):
                    entry["source_url"] = url
                else:
                    out.problems.append(
                        {
                            "row": row_no,
                            "file": name,
                            "reason": "source_url is not an absolute http(s) address",
                        }
                    )
            if tags := _split(strip_bidi(row.get("tags") or "")):
                entry["tags"] = tags
            if title := strip_bidi(row.get("title") or "").strip():
                entry["title"] = title
            if authors := _split(strip_bidi(row.get("authors") or "")):
                entry["authors"] = authors
            out.entries[name] = entry
    return out
