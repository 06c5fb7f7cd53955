"""Robustness figures for BENCHMARKS.md: the fuzz run and memory by report size.

    .venv/bin/python bench/robustness.py [--examples 10000] [--sizes 2,5,10,20] [--out BENCHMARKS.md]
    .venv/bin/python bench/robustness.py --from-json fuzz.json mem.json --out BENCHMARKS.md

Runs bench/fuzz.py and bench/memory.py in child processes (or reads their saved JSON) and,
with ``--out``, replaces the section between the ``robustness`` markers of that file.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MARK_START, MARK_END = "<!-- robustness -->", "<!-- /robustness -->"


def section(fuzz: dict, memory: list[dict]) -> str:
    lines = [
        MARK_START,
        "## Robustness: hostile inputs and big reports",
        "",
        f"Fuzz (`bench/fuzz.py --examples {fuzz['inputs']}`): {fuzz['inputs']:,} generated hostile inputs (text, "
        "HTML, JSON, JSON Lines, CSV, feeds, binary; lone surrogates, control characters, deep nesting, huge "
        "numbers, long bracket and name runs), each ingested beside a good report under a 10 s alarm.",
        "",
        "| tracebacks | hangs (>10 s) | silent drops | good reports lost | error statuses | stored | slowest input | total |",
        "|---|---|---|---|---|---|---|---|",
        f"| {fuzz['tracebacks']} | {fuzz['hangs']} | {fuzz['silent_drops']} | {fuzz['good_lost']} | "
        f"{fuzz['error_statuses']:,} | {fuzz['stored']:,} | {fuzz['slowest_s']} s | {fuzz['seconds']:,.0f} s |",
        "",
        "Memory by report size (`bench/memory.py`; one report of distinct paragraphs made from the 447-article "
        "corpus's sentences, size cap raised, each size in a fresh process, extraction in that process (one "
        "worker); peak resident memory of the whole process, model included):",
        "",
        "| report | text kept after cleaning | ingest peak | ingest time | extraction peak | extraction time |",
        "|---|---|---|---|---|---|",
    ]
    for row in memory:
        extract = (f"{row['extract_peak_mb']} MB | {row['extract_s']} s" if "extract_s" in row else "– | –")
        kept = f"{row['text_chars']:,} characters" if "text_chars" in row else "–"
        lines.append(f"| {row['mb']:g} MB | {kept} | {row['ingest_peak_mb']} MB | {row['ingest_s']} s | {extract} |")
    lines += ["", "Measured on the 2-core development machine while other jobs shared it: times are upper bounds.",
              MARK_END]
    return "\n".join(lines)


def replace_section(path: Path, text: str) -> None:
    current = path.read_text(encoding="utf-8") if path.exists() else ""
    if MARK_START in current and MARK_END in current:
        before, rest = current.split(MARK_START, 1)
        after = rest.split(MARK_END, 1)[1]
        path.write_text(before + text + after, encoding="utf-8")
    else:
        path.write_text(current.rstrip("\n") + "\n\n" + text + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=10_000)
    parser.add_argument("--sizes", default="2,5,10,20")
    parser.add_argument("--analyze-up-to", default="2")
    parser.add_argument("--from-json", nargs=2, metavar=("FUZZ", "MEMORY"))
    parser.add_argument("--out")
    args = parser.parse_args()
    if args.from_json:
        fuzz = json.loads(Path(args.from_json[0]).read_text())
        memory = json.loads(Path(args.from_json[1]).read_text())
    else:
        work = Path(tempfile.mkdtemp(prefix="storyline-robust-"))
        subprocess.run([sys.executable, str(ROOT / "bench" / "fuzz.py"), "--examples", str(args.examples),
                        "--json", str(work / "fuzz.json")], check=True)
        subprocess.run([sys.executable, str(ROOT / "bench" / "memory.py"), "--sizes", args.sizes,
                        "--analyze-up-to", args.analyze_up_to, "--json", str(work / "mem.json")], check=True)
        fuzz = json.loads((work / "fuzz.json").read_text())
        memory = json.loads((work / "mem.json").read_text())
    text = section(fuzz, memory)
    print(text)
    if args.out:
        replace_section(Path(args.out), text)


if __name__ == "__main__":
    main()
