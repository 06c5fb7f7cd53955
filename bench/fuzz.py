"""Fuzz ingest with thousands of hostile inputs and count what went wrong.

Each generated input (the strategies of tests/robustness/strategies.py) is ingested beside
a good report into one store, under a 10-second alarm. Counted: tracebacks (an exception
escaping ingest), hangs, silent drops (an input with no status line) and good reports lost.

    .venv/bin/python bench/fuzz.py [--examples 10000] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "robustness"))

from hypothesis import HealthCheck, given, settings  # noqa: E402

from storyline import config  # noqa: E402
from storyline.ingest.fetch import FetchOptions  # noqa: E402
from storyline.ingest.loaders import LoadOptions  # noqa: E402
from storyline.ingest.pipeline import iter_inputs, run_ingest  # noqa: E402
from storyline.store.db import Store  # noqa: E402
from strategies import inputs  # noqa: E402

GOOD = ("Engineers restored power to the northern grid on Thursday after a storm brought down "
        "transmission lines, the utility said, while crews kept working on rural feeders.")


class Hang(Exception):
    pass


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=10_000)
    parser.add_argument("--json", help="write the counts here")
    args = parser.parse_args()
    counts = {"inputs": 0, "tracebacks": 0, "hangs": 0, "silent_drops": 0, "good_lost": 0,
              "error_statuses": 0, "stored": 0, "slowest_s": 0.0}
    examples: list[str] = []
    work = Path(tempfile.mkdtemp(prefix="storyline-fuzz-"))
    store = Store.open(work / "fuzz.duckdb")
    settings_ = config.defaults()

    def alarm(*_):
        raise Hang

    signal.signal(signal.SIGALRM, alarm)

    @settings(max_examples=args.examples, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(case=inputs)
    def run(case):
        name, data = case
        counts["inputs"] += 1
        folder = work / f"in{counts['inputs']}"
        folder.mkdir()
        (folder / name).write_bytes(data)
        (folder / "good.txt").write_text(GOOD)
        start = time.perf_counter()
        signal.setitimer(signal.ITIMER_REAL, 10)
        try:
            items = iter_inputs([str(folder / name), str(folder / "good.txt")], LoadOptions(), FetchOptions(timeout=1))
            summary = run_ingest(store, items, settings_)
        except Hang:
            counts["hangs"] += 1
            examples.append(f"hang: {name} {data[:80]!r}")
            return
        except Exception:  # noqa: BLE001 - counted, that is the point
            counts["tracebacks"] += 1
            examples.append(traceback.format_exc(limit=3))
            return
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        counts["slowest_s"] = max(counts["slowest_s"], time.perf_counter() - start)
        sources = [s.source for s in summary.items]
        if not any(name in src for src in sources):
            counts["silent_drops"] += 1
            examples.append(f"no status: {name} {data[:80]!r}")
        good = [s for s in summary.items if s.source.endswith("good.txt")]
        if not good or good[0].status not in ("added", "duplicate") or not store.has_document(good[0].doc_id):
            counts["good_lost"] += 1
        counts["error_statuses"] += sum(s.status == "error" for s in summary.items)
        counts["stored"] += sum(s.status in ("added", "updated") for s in summary.items if not s.source.endswith("good.txt"))
        for path in folder.iterdir():
            path.unlink()
        folder.rmdir()

    started = time.perf_counter()
    run()
    counts["seconds"] = round(time.perf_counter() - started, 1)
    counts["slowest_s"] = round(counts["slowest_s"], 2)
    store.close()
    print(json.dumps(counts, indent=2))
    for example in examples[:10]:
        print(example)
    if args.json:
        Path(args.json).write_text(json.dumps(counts, indent=2))


if __name__ == "__main__":
    main()
