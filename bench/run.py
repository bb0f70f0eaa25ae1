"""Benchmark: build N synthetic articles with the project and with stock
Pelican (`simple` theme), and print a table.

    python bench/run.py --n 1000 10000 --runs 3

The project build runs the same steps as `make html` (Pelican with
pelicanconf.py, the report, and Pagefind when the Makefile runs it) on a
temp copy; stock Pelican builds the same articles as Markdown with default
settings, its default feeds (all + per category + per author), and
TYPOGRIFY = True as in the project.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "plugins"))

from bench.synth import generate  # noqa: E402
from newsarchive.sizes import site_size  # noqa: E402

BIN = ROOT / ".venv" / "bin"
ADDED = 10  # articles added for the incremental row

STOCK_CONF = """\
PLUGINS = []  # none of the plugins installed for the tests
SITENAME = "Bench"
TIMEZONE = "UTC"
THEME = "simple"
TYPOGRIFY = True
"""


@dataclass
class Result:
    walls: list[float] = field(default_factory=list)
    rss: list[int] = field(default_factory=list)  # KiB, largest process
    pss: list[int] = field(default_factory=list)  # KiB, whole tree, sampled
    search: list[float] = field(default_factory=list)  # Pagefind's seconds
    rss_rest: list[int] = field(default_factory=list)  # KiB, Pagefind aside
    pages: int = 0
    bytes: int = 0  # the output folder's size after the last run

    def add(self, wall: float, rss: int, pss: int, stats: list) -> None:
        self.walls.append(wall)
        self.rss.append(rss)
        self.pss.append(pss)
        search = [(t, m) for cmd, t, m in stats if "search_index" in cmd]
        self.search.append(sum(t for t, _ in search))
        self.rss_rest.append(max(m for cmd, _, m in stats if "search_index" not in cmd))


def _tree(root_pid: int) -> list[int]:
    parents: dict[int, list[int]] = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                stat = Path(f"/proc/{name}/stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            parents.setdefault(ppid, []).append(int(name))
    found, todo = [], [root_pid]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(parents.get(pid, ()))
    return found


def _pss(pids: list[int]) -> int:
    total = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
                    break
        except OSError:
            pass
    return total


def wrap(cmds: list[list[str]]) -> None:
    """Run the commands in turn; print each one's wall seconds and peak RSS
    (KiB, its largest process) as JSON."""
    stats = []
    for cmd in cmds:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        err = proc.stderr.read() if proc.stderr else b""
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode:
            sys.stderr.write(err.decode(errors="replace")[-3000:])
            sys.exit(f"failed: {' '.join(cmd)}")
        stats.append((" ".join(cmd), time.perf_counter() - start, usage.ru_maxrss))
    print(json.dumps(stats))


def measure(cmds: list[list[str]], env: dict) -> tuple[float, int, int, list]:
    """Wall seconds, peak RSS of the largest process (KiB), peak PSS of the
    whole process tree (KiB, sampled every 0.2 s at most), and per-command
    stats.

    Reading a large process's memory map takes CPU (about a tenth of a core
    at 0.2 s): the sampling thread runs at the lowest priority, so that it
    takes none from a build that keeps every core busy, which would make
    that build, and not a build using one core, look slower."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, __file__, "--wrap", json.dumps(cmds)],
        env=env,
        stdout=subprocess.PIPE,
    )
    peak = [0]

    def sample() -> None:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 19)  # Linux
        while proc.poll() is None:
            peak[0] = max(peak[0], _pss(_tree(proc.pid)))
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, _ = proc.communicate()
    wall = time.perf_counter() - start
    sampler.join()
    if proc.returncode:
        sys.exit(proc.returncode)
    stats = json.loads(out.decode().strip().splitlines()[-1])
    return wall, max(rss for _, _, rss in stats), peak[0], stats


def project_cmds(site: Path, out: Path) -> list[list[str]]:
    report = site / "build-report.json"
    cmds = [
        [
            str(BIN / "pelican"),
            str(site),
            "-s",
            str(ROOT / "pelicanconf.py"),
            "-o",
            str(out),
            "-q",
            "-e",
            f'NEWS_REPORT="{report}"',
            f'NEWS_CACHE="{site / ".cache"}"',
        ],
        [str(BIN / "python"), "-m", "newsarchive.report", str(report)],
    ]
    if "--output" in (ROOT / "Makefile").read_text():
        cmds[-1] += ["--output", str(out)]  # as the Makefile does: sizes the site
    if "search_index" in (ROOT / "Makefile").read_text():
        # as the Makefile does: the build removes the index when pages change
        cmds.append(
            [
                "env",
                f"PYTHONPATH={ROOT / 'plugins'}",
                str(BIN / "python"),
                "-m",
                "news_pages.search_index",
                str(out),
                "--cache",
                str(site / ".cache"),
            ]
        )
    return cmds


def stock_cmds(site: Path, out: Path) -> list[list[str]]:
    conf = site / "stockconf.py"
    conf.write_text(STOCK_CONF)
    return [
        [
            str(BIN / "pelican"),
            str(site / "content"),
            "-s",
            str(conf),
            "-o",
            str(out),
            "-q",
        ]
    ]


def count_pages(out: Path) -> int:
    return sum(1 for _ in out.rglob("*.html"))


def hold_back(seeds: Path, n: int, count: int) -> Path:
    """Move the last `count` raw files and their manifest rows aside."""
    aside = seeds.parent / "aside"
    aside.mkdir()
    manifest = seeds / "manifest.csv"
    shutil.copy(manifest, aside / "manifest.csv")
    rows = list(csv.reader(manifest.open(encoding="utf-8")))
    names = {row[0] for row in rows[1:][n - count :]}
    with manifest.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(r for r in rows if r[0] not in names)
    for name in names:
        target = aside / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(seeds / name, target)
    return aside


def restore(seeds: Path, aside: Path) -> None:
    for path in aside.rglob("*"):
        if path.is_file():
            target = seeds / path.relative_to(aside)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(path, target)
    shutil.rmtree(aside)


def settle() -> None:
    """Let the disk finish what earlier builds left (dirty pages, discards
    of freed blocks) before a build is timed, so that no build pays for the
    one before it."""
    os.sync()
    time.sleep(2)


def bench(n: int, runs: int, tmp: Path) -> dict[str, Result]:
    work = tmp / f"n{n}"
    generate(work, n + ADDED)
    raw, md = work / "raw", work / "md"
    shutil.copytree(ROOT / "content", raw / "content", dirs_exist_ok=True)
    shutil.rmtree(md / "content" / "pages", ignore_errors=True)
    aside = hold_back(raw / "seeds", n + ADDED, ADDED)
    # the stock site gets the same N articles
    for path in sorted((md / "content").rglob("*.md"))[n:]:
        path.unlink()
    env = dict(os.environ, CI="true")
    env["PYTHONPATH"] = str(ROOT / "plugins")
    results = {k: Result() for k in ("project", "stock", f"project +{ADDED}")}
    for run in range(runs):
        for name, site, cmds in (
            ("project", raw, project_cmds),
            ("stock", md, stock_cmds),
        ):
            # a new folder for each build, and nothing deleted until the
            # bench is over (see README: deleting costs the builds after it)
            out = work / f"out-{name}-{run + 1}"
            if (site / ".cache").exists():
                (site / ".cache").rename(work / f"cache-{name}-{run + 1}")
            settle()
            r = results[name]
            r.add(*measure(cmds(site, out), env))
            r.pages = count_pages(out)
            r.bytes = site_size(out)[0]
            print(f"  N={n} run {run + 1} {name}: {r.walls[-1]:.1f}s", file=sys.stderr)
        # incremental: add ADDED articles to the built archive, rebuild
        restore(raw / "seeds", aside)
        settle()
        out = work / f"out-project-{run + 1}"
        r = results[f"project +{ADDED}"]
        r.add(*measure(project_cmds(raw, out), env))
        r.pages = count_pages(out)
        r.bytes = site_size(out)[0]
        print(f"  N={n} run {run + 1} +{ADDED}: {r.walls[-1]:.1f}s", file=sys.stderr)
        aside = hold_back(raw / "seeds", n + ADDED, ADDED)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", help="work folder to keep (default: temp)")
    parser.add_argument("--wrap", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.wrap:
        return wrap(json.loads(args.wrap))
    tmp = Path(args.keep or tempfile.mkdtemp(prefix="newsbench-"))
    rows = []
    for n in args.n:
        results = bench(n, args.runs, tmp)
        stock = statistics.median(results["stock"].walls)
        for name, r in results.items():
            wall = statistics.median(r.walls)
            rows.append(
                (
                    f"{n:,}",
                    name,
                    f"{wall:.1f}",
                    f"{min(r.walls):.1f}-{max(r.walls):.1f}",
                    f"{statistics.median(r.search):.1f}",
                    f"{statistics.median(r.rss) / 1024:.0f}",
                    f"{statistics.median(r.rss_rest) / 1024:.0f}",
                    f"{statistics.median(r.pss) / 1024:.0f}",
                    f"{r.pages:,}",
                    f"{r.pages / wall:.0f}" if not name.endswith(f"+{ADDED}") else "",
                    f"{wall / stock:.2f}",
                    f"{wall / n * 1000:.1f}",
                    f"{r.bytes / 1e6:.0f}",
                    f"{r.bytes / (n + ADDED if name.endswith(f'+{ADDED}') else n):,.0f}",
                )
            )
    head = (
        "N",
        "build",
        "wall s (median)",
        "range",
        "Pagefind s",
        "peak RSS MiB",
        "RSS w/o Pagefind",
        "peak PSS MiB",
        "pages",
        "pages/s",
        "x stock",
        "ms/article",
        "output MB",
        "bytes/article",
    )
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(head)]
    print(f"runs: {args.runs}; cores: {os.cpu_count()}")
    print("  ".join(h.ljust(w) for h, w in zip(head, widths, strict=True)))
    for row in rows:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)))
    if not args.keep:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
