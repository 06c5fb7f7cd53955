"""Where an added report's CPU time goes: one add to a store bench/incremental.py built, in a fresh process.

Usage: .venv/bin/python bench/add_split.py --workdir DIR [--base base.duckdb] [--n 0] [--json FILE]

Adds report ``--n`` (the one bench/incremental.py adds as its ``n``-th) to a copy of ``DIR/BASE`` as
``storyline analyze`` would in a new process, and prints the process's CPU seconds: importing Storyline,
the whole ``analyze`` call, and the calling thread's CPU in each step (``time.thread_time``, so the
encoder loading on its helper thread is not counted twice): ingest, extraction (loading the spaCy model
and parsing the report), reading the corpus, each analysis of the cross-source stage, saving the run and
comparing it with the previous one. Other jobs on the machine do not count in CPU seconds, so two versions
of the code can be compared on a loaded machine (run one with ``PYTHONPATH=OTHER/src``).
"""

from __future__ import annotations

import time

_START = time.process_time()

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import shutil  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
import incremental  # noqa: E402

from storyline import api  # noqa: E402

IMPORT_CPU = time.process_time() - _START


def _timed(split: dict[str, float], owner, name: str, label: str) -> None:
    """Replace ``owner.name`` by a function adding its calling thread's CPU seconds to ``split[label]``."""
    fn = getattr(owner, name)

    def timed(*args, **kwargs):
        tick = time.thread_time()
        try:
            return fn(*args, **kwargs)
        finally:
            split[label] = split.get(label, 0.0) + time.thread_time() - tick

    setattr(owner, name, timed)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workdir", required=True, help="bench/incremental.py's folder, holding the built store")
    parser.add_argument("--base", default="base.duckdb", help="the store to add to (fresh.duckdb after --refresh)")
    parser.add_argument("--n", type=int, default=0)
    parser.add_argument("--json")
    args = parser.parse_args()
    from storyline.analysis import (
        bottomline, claims, conflicts, figures, implications, network, options, reuse, timeline,
    )
    from storyline.analysis.corpus import Corpus
    from storyline.ingest import pipeline as ingest
    from storyline.nlp import runner
    from storyline.store import changes, runs

    split: dict[str, float] = {}
    for owner, name, label in [
        (ingest, "run_ingest", "ingest"), (runner, "extract_pending", "extract (model load and parse)"),
        (reuse, "group_claims", "claims"), (claims, "shown_claims", "claims shown"),
        (figures, "build_figure_tables", "figure tables"), (conflicts, "find_conflicts", "conflicts"),
        (timeline, "build_timeline", "timeline"), (network, "build_network", "network"),
        (options, "find_options", "options"), (implications, "find_implications", "implications"),
        (bottomline, "bottom_line", "bottom line"), (runs, "save", "save the run"),
        (runs, "load_for_changes", "read the previous run"), (changes, "compare", "changes"),
    ]:
        _timed(split, owner, name, label)
    read = Corpus.from_store.__func__

    def from_store(cls, *a, **k):
        tick = time.thread_time()
        try:
            return read(cls, *a, **k)
        finally:
            split["read the corpus"] = split.get("read the corpus", 0.0) + time.thread_time() - tick

    Corpus.from_store = classmethod(from_store)
    workdir = Path(args.workdir)
    records = incremental._reports()
    db = workdir / f"split{os.getpid()}.duckdb"
    extra = workdir / f"split{os.getpid()}.txt"
    shutil.copyfile(workdir / args.base, db)
    extra.write_text(f"One more report, number {args.n}.\n\n" + records[(args.n * 37) % len(records)]["content"])
    try:
        cpu, here = incremental._cpu(), time.thread_time()
        result = api.analyze([extra], db=db, config=incremental._config())
        cpu, here = incremental._cpu() - cpu, time.thread_time() - here
    finally:
        db.unlink(missing_ok=True)
        extra.unlink(missing_ok=True)
    out = {"import": IMPORT_CPU, "analyze": cpu, "analyze, calling thread": here, "analyze, other threads": cpu - here,
           **split}
    for name, seconds in out.items():
        print(f"  {name:36s} cpu {seconds:6.2f} s")
    print(f"{len(result.corpus.documents)} documents, {len(result.cross.clusters)} claims, "
          f"{len(result.cross.conflicts)} conflicts; load {os.getloadavg()[0]:.1f}")
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
