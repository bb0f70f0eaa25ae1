"""The seeds manifest: per-file metadata the raw text lacks.

`seeds/manifest.csv` has a header row and these columns (all but `file`
optional): file, date (YYYY-MM-DD; a bare YYYY gives only the year),
source_url, tags (comma-separated), title, authors (comma-separated).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePosixPath

from newsarchive.slugs import safe_url

COLUMNS = ("file", "date", "source_url", "tags", "title", "authors")


@dataclass
class Manifest:
    entries: dict[str, dict] = field(default_factory=dict)
    problems: list[dict] = field(default_factory=list)


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def load_manifest(path: Path, seeds_dir: Path) -> Manifest:
    """Parse the manifest; bad rows and rows naming missing files become problems."""
    out = Manifest()
    if not path.exists():
        return out
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
                name = PurePosixPath(name.replace("\\", "/")).as_posix()
            if not name or None in row:
                out.problems.append({"row": row_no, "reason": "malformed row"})
                continue
            if not (seeds_dir / name).is_file():
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
                    if re.fullmatch(r"\d{4}(-\d\d)?", raw_date):
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
            if tags := _split(row.get("tags") or ""):
                entry["tags"] = tags
            if title := (row.get("title") or "").strip():
                entry["title"] = title
            if authors := _split(row.get("authors") or ""):
                entry["authors"] = authors
            out.entries[name] = entry
    return out
