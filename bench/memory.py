"""Peak memory of ingesting (and optionally analysing) one big report, by size.

Each size runs in a fresh child process with the size cap raised; the report is made of the
447-article corpus's paragraphs (read at run time) repeated until it reaches the size.

    .venv/bin/python bench/memory.py [--sizes 2,5,10,20] [--analyze-up-to 2] [--cross-source]
        [--json out.json]

``--analyze-up-to N`` also extracts reports of up to N MB; ``--cross-source`` then runs the
cross-source stage on that store as ``analyze`` does (claims, conflicts, figures, timeline, with
the sentence encoder), so the peak is that of the whole analysis of the report.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import resource
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "ukraine-war-2022-2024" / "articles.json"


def _report(megabytes: float) -> str:
    """Paragraphs of three sentences drawn (seeded) from the whole corpus: distinct paragraphs,
    so the cleaner's repeated-line removal does not shrink the report."""
    import random
    import re

    sentences = [s for record in json.loads(CORPUS.read_text("utf-8"))
                 for s in re.split(r"(?<=[.!?])\s+", record["content"]) if 60 <= len(s) <= 400 and "\n" not in s]
    rng = random.Random(7)
    target, out, size = int(megabytes * 1_000_000), [], 0
    while size < target:
        paragraph = " ".join(rng.sample(sentences, 3))
        out.append(paragraph)
        size += len(paragraph.encode("utf-8")) + 2
    return "\n\n".join(out)


def _measure(megabytes: float, analyze: bool, queue, cross_source: bool = False) -> None:
    from storyline import config
    from storyline.ingest.fetch import FetchOptions
    from storyline.ingest.loaders import LoadOptions
    from storyline.ingest.pipeline import iter_inputs, run_ingest
    from storyline.store.db import Store

    work = Path(tempfile.mkdtemp(prefix="storyline-mem-"))
    path = work / "big.txt"
    path.write_text(_report(megabytes), encoding="utf-8")
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    settings = config.defaults()
    cap = path.stat().st_size + 1
    settings["ingest"]["max_bytes"] = cap
    settings["model"]["workers"] = 1  # parse in this process, so its peak memory is measured
    store = Store.open(work / "s.duckdb")
    started = time.perf_counter()
    summary = run_ingest(store, iter_inputs([str(path)], LoadOptions(max_bytes=cap), FetchOptions()), settings)
    ingest_s = time.perf_counter() - started
    ingest_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kept = store.con.execute("SELECT length(text) FROM documents").fetchone()[0]
    result = {"mb": megabytes, "status": summary.items[0].status, "text_chars": kept, "ingest_s": round(ingest_s, 1),
              "ingest_peak_mb": ingest_peak // 1024, "baseline_mb": base // 1024}
    if analyze:
        from storyline.nlp.runner import extract_pending

        started = time.perf_counter()
        extract_pending(store, settings)
        result["extract_s"] = round(time.perf_counter() - started, 1)
        result["extract_peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
        if cross_source:
            from storyline.analysis.corpus import Corpus
            from storyline.analysis.run import analyse, store_embeddings
            from storyline.kb.lookup import load_kb

            started = time.perf_counter()
            corpus = Corpus.from_store(store, load_kb())
            cross = analyse(corpus, settings, store_embeddings(store).get)
            result["cross_source_s"] = round(time.perf_counter() - started, 1)
            result["cross_source_peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
            result["statements"] = len(corpus.statements)
            result["timeline"] = len(cross.timeline)
    store.close()
    queue.put(result)


def measure(megabytes: float, analyze: bool, cross_source: bool = False) -> dict:
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    child = ctx.Process(target=_measure, args=(megabytes, analyze, queue, cross_source))
    child.start()
    import queue as queues

    while True:
        try:
            result = queue.get(timeout=5)
            break
        except queues.Empty:
            if not child.is_alive():  # killed (the out-of-memory killer) or crashed: say so, go on
                result = {"mb": megabytes, "status": f"measuring process ended with code {child.exitcode}"}
                break
    child.join()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="2,5,10,20")
    parser.add_argument("--analyze-up-to", type=float, default=0, help="also extract reports up to this many MB")
    parser.add_argument("--cross-source", action="store_true",
                        help="also run the cross-source stage on the extracted reports")
    parser.add_argument("--json")
    args = parser.parse_args()
    if not CORPUS.exists():
        raise SystemExit(f"skipped: {CORPUS} is absent")
    rows = []
    for size in (float(s) for s in args.sizes.split(",")):
        row = measure(size, size <= args.analyze_up_to, args.cross_source)
        rows.append(row)
        print(json.dumps(row), flush=True)
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()
