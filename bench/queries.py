"""Reading a stored analysis: query commands, and the explorer's size and opening time.

Usage: .venv/bin/python bench/queries.py [--db OUT/storyline.duckdb] [--explorer OUT/explorer.html]
                                         [--repeat 5] [--out BENCHMARKS.md]

Without ``--db`` the 447-article corpus (../shared) is analysed into a temporary folder first
(several minutes). For each query command the figure is the median over ``--repeat`` runs of
(a) the read itself in this process (open the store, read the stored run's tables, build
what the command prints) and (b) the whole command in a fresh process (``storyline X --json``,
wall and CPU seconds, Python start-up and imports included). Side by side: recomputing the
cross-source analysis, as every query did before results were stored (the run's own
cross-source seconds, read from the store). The explorer is opened in headless Chromium
(/usr/bin/chromium via Playwright) until its first view is drawn.
With ``--out`` the section between the ``queries`` markers of that file is replaced.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WAR = ROOT.parent / "shared" / "corpus" / "ukraine-war-2022-2024" / "articles.json"
STORYLINE = ROOT / ".venv" / "bin" / "storyline"
# Command -> the contract keys it reads (as in cli_records.py).
COMMANDS = {
    "conflicts": ("conflicts",), "figures": ("figures", "names"), "timeline": ("timeline",),
    "options": ("options", "names"), "network": ("network", "names"), "statements": ("statements", "names"),
    "actors": ("entities",), "quotes": ("quotes", "names"), "events": ("events", "names"),
}
MARK_START, MARK_END = "<!-- queries -->", "<!-- /queries -->"


def _analyse(folder: Path) -> Path:
    subprocess.run([str(STORYLINE), "analyze", str(WAR), "-o", str(folder)], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return folder / "storyline.duckdb"


def in_process(db: Path, keys: tuple[str, ...]) -> tuple[float, float]:
    """Wall and CPU seconds to read what one command shows (its JSON text included)."""
    from storyline.store import runs
    from storyline.store.db import Store

    started, cpu = time.perf_counter(), time.process_time()
    with Store.open(db, read_only=True) as store:
        data = runs.contract(store, runs.latest(store), keys)
    json.dumps(data, ensure_ascii=False, default=str)
    return time.perf_counter() - started, time.process_time() - cpu


def in_child(db: Path, command: str) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([str(STORYLINE), command, "--db", str(db), "--json"], check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def explorer_open(path: Path, repeat: int) -> list[float]:
    from playwright.sync_api import sync_playwright

    args = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
    times = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=args)
        for _ in range(repeat):
            page = browser.new_page(viewport={"width": 1300, "height": 900})
            started = time.perf_counter()
            page.goto(path.resolve().as_uri(), wait_until="load")
            page.wait_for_selector("body[data-ready='1']", timeout=60_000)
            page.evaluate("() => new Promise(r => requestAnimationFrame(() => r()))")
            times.append(time.perf_counter() - started)
            page.close()
        browser.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path)
    parser.add_argument("--explorer", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    tmp = None
    if args.db is None:
        if not WAR.is_file():
            print(f"skipped: {WAR} is absent")
            return
        tmp = tempfile.TemporaryDirectory(prefix="storyline-queries-")
        args.db = _analyse(Path(tmp.name))
    explorer = args.explorer or args.db.parent / "explorer.html"

    from storyline.store import runs
    from storyline.store.db import Store

    with Store.open(args.db, read_only=True) as store:
        stamp = runs.latest(store)
        blobs = runs.AnalysisTables(store.con).blobs(stamp.id)
    recompute = (blobs.get("stage_seconds") or {}).get("cross-source")
    rows = []
    for command, keys in COMMANDS.items():
        reads = [in_process(args.db, keys) for _ in range(args.repeat)]
        read, read_cpu = statistics.median(r[0] for r in reads), statistics.median(r[1] for r in reads)
        child = [in_child(args.db, command) for _ in range(args.repeat)]
        wall = statistics.median(c[0] for c in child)
        cpu = statistics.median(c[1] for c in child)
        rows.append((command, read, read_cpu, wall, cpu))
        print(f"{command:<11} read {read:.3f} s (cpu {read_cpu:.3f})  command wall {wall:.2f} s  cpu {cpu:.2f} s",
              flush=True)
    size = explorer.stat().st_size if explorer.is_file() else None
    opens = explorer_open(explorer, args.repeat) if size else []
    lines = [
        MARK_START,
        "## Reading a stored analysis",
        "",
        f"Store: {len(stamp.doc_ids)} documents of the 447-article corpus, analysis run {stamp.id}. "
        f"Reproduce with `.venv/bin/python bench/queries.py --db OUT/storyline.duckdb` (medians of {args.repeat}; "
        f"{os.cpu_count()} cores, shared). Recomputing the cross-source analysis, as every query did before "
        f"results were stored: {recompute:.1f} s." if recompute else "",
        "",
        "| command | read the stored run: wall s | CPU s | `storyline X --json` (new process): wall s | CPU s |",
        "|---|---|---|---|---|",
    ]
    lines += [f"| {c} | {r:.3f} | {rc:.3f} | {w:.2f} | {u:.2f} |" for c, r, rc, w, u in rows]
    lines += ["", "Wall seconds include waiting for a CPU on a machine shared with other jobs; CPU seconds are "
                  "the work itself. A new process spends about 0.3 s of its CPU time starting Python and "
                  "importing Storyline."]
    if size:
        lines += ["", f"`explorer.html`: {size / 1e6:.1f} MB; opens (load, data parsed, first view drawn) in headless "
                      f"Chromium in {statistics.median(opens):.2f} s (median of {len(opens)}; "
                      f"max {max(opens):.2f} s)."]
    lines.append(MARK_END)
    text = "\n".join(lines)
    print(text)
    if args.out:
        current = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
        if MARK_START in current:
            before, rest = current.split(MARK_START, 1)
            current = before + text + rest.split(MARK_END, 1)[1]
        else:
            current = current.rstrip() + "\n\n" + text + "\n"
        args.out.write_text(current, encoding="utf-8")
    if tmp:
        tmp.cleanup()


if __name__ == "__main__":
    main()
