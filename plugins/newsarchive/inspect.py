"""Show what the extractor makes of one raw file, and why.

    PYTHONPATH=plugins python -m newsarchive.inspect FILE [--manifest seeds/manifest.csv]

Prints the fields (title, authors, section, date and where it came from,
tags...), the profile and encoding, the body paragraphs, and every removed
line with the rule that removed it. Exits 1 when the file would be skipped,
printing the reason.

For a file no outlet profile reads, the lines recurring in its outlet's
files are learned first, as the build does: from the raw files under the
manifest's folder (or, without a manifest, the file's own folder).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from newsarchive import furniture
from newsarchive.extract import Article, NeedsFurniture, SkipFile, extract_file
from newsarchive.manifest import load_manifest


def manifest_entry(path: Path, manifest: Path | None) -> tuple[dict, list[str]]:
    """The manifest row for `path` (if any) and the manifest's problems."""
    if manifest is None:
        return {}, []
    loaded = load_manifest(manifest, manifest.parent)
    notes = [
        f"manifest row {p['row']}: {p.get('file', '')} {p['reason']}".replace("  ", " ")
        for p in loaded.problems
    ]
    return loaded.entries.get(_relative(path, manifest.parent), {}), notes


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.name


def learn_outlet(
    path: Path, entry: dict, manifest: Path | None
) -> tuple[str, frozenset[int], int]:
    """(outlet, its furniture, how many of its files it was learned from),
    as the build learns it: over the outlet's raw files that no outlet
    profile reads."""
    root = manifest.parent if manifest is not None else path.parent
    entries = load_manifest(manifest, root).entries if manifest is not None else {}
    outlet = furniture.outlet_of(_relative(path, root), entry.get("source_url"))
    learner = furniture.Learner()
    for other in sorted(root.rglob("*.txt")):
        rel = other.relative_to(root).as_posix()
        row = entries.get(rel, {})
        if furniture.outlet_of(rel, row.get("source_url")) != outlet:
            continue
        try:
            extract_file(other, rel, row, None)
        except NeedsFurniture as exc:
            learner.add(outlet, exc.hashes)
        except SkipFile:
            pass
    return outlet, learner.learned().get(outlet, frozenset()), learner.files[outlet]


def describe(article: Article, width: int = 100) -> str:
    def short(text: str) -> str:
        return text if len(text) <= width else text[: width - 1] + "…"

    date = article.date.isoformat() if article.date else "undated"
    lines = [
        f"title        {article.title}",
        f"slug         {article.slug}",
        f"authors      {', '.join(article.authors) or '-'}",
        f"emails       {', '.join(article.emails) or '-'} (metadata, never printed)",
        f"section      {article.section or '-'}"
        + (f" > {article.subsection}" if article.subsection else ""),
        f"date         {date} (source: {article.date_source or 'none'})",
        f"print line   {article.print_edition or '-'}",
        f"tags         {', '.join(article.tags) or '-'}",
        f"source url   {article.source_url or '-'}",
        f"profile      {article.profile}",
        f"encoding     {article.encoding}",
        f"paragraphs   {len(article.paragraphs)}",
    ]
    lines += [f"  {i:>3}. {short(p)}" for i, p in enumerate(article.paragraphs, 1)]
    lines.append(f"removed      {len(article.removed)} lines")
    lines += [
        f"  line {r.line:>4}  {r.rule:<26} {short(r.text.strip())}"
        for r in article.removed
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("--manifest", type=Path, help="seeds/manifest.csv")
    args = parser.parse_args(argv)
    if not args.file.is_file():
        print(f"{args.file}: no such file", file=sys.stderr)
        return 2
    entry, notes = manifest_entry(args.file, args.manifest)
    for note in notes:
        print(note)
    if args.manifest is not None:
        print(f"manifest     {'row found' if entry else 'no row for this file'}")
    learned = None
    try:
        try:
            article = extract_file(args.file, args.file.name, entry, None)
        except NeedsFurniture:  # no outlet profile: learn as the build does
            learned = learn_outlet(args.file, entry, args.manifest)
            article = extract_file(args.file, args.file.name, entry, learned[1])
    except SkipFile as exc:
        print(f"skipped      {exc}")
        return 1
    print(describe(article))
    if learned is not None:
        outlet, lines, files = learned
        print(
            f"outlet       {outlet}: {len(lines)} recurring lines learned "
            f"from {files} files"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
