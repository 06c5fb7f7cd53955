"""The knowledge-base checks over a stored corpus, with and without each report's role readings read back.

Usage: .venv/bin/python bench/knowledge_roles.py --workdir DIR [--base base.duckdb]

Reads the corpus from a copy of ``DIR/BASE`` (a store bench/incremental.py built) and times
:func:`storyline.analysis.kbcheck.knowledge_conflicts` in CPU seconds of the calling thread three
ways: reading every report's roles afresh, then twice with the store's ``text_checks`` (the
first pass reads back what the analysis that built the store saved and makes and saves any
reading it lacks; the second reads all back), as an added report's analysis does. The three
results must be equal; the script exits 1 if they are not.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

from storyline.analysis import kbcheck, reuse
from storyline.analysis.corpus import Corpus
from storyline.kb.lookup import load_kb
from storyline.store.db import Store


def timed(fn, *args):
    start = time.thread_time()
    result = fn(*args)
    return result, time.thread_time() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workdir", required=True, help="the folder bench/incremental.py wrote")
    parser.add_argument("--base", default="base.duckdb", help="the store in it (default base.duckdb)")
    args = parser.parse_args(argv)
    source = Path(args.workdir) / args.base
    if not source.is_file():
        print(f"no store at {source}: build one with bench/incremental.py --workdir {args.workdir}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "store.duckdb"
        shutil.copyfile(source, copy)
        with Store.open(copy) as store:
            corpus = Corpus.from_store(store, load_kb())
            fresh, fresh_s = timed(kbcheck.knowledge_conflicts, corpus)
            first_checks = reuse.TextChecks(store)
            first, first_s = timed(kbcheck.knowledge_conflicts, corpus, first_checks)
            first_checks.save()
            again_checks = reuse.TextChecks(store)
            again, again_s = timed(kbcheck.knowledge_conflicts, corpus, again_checks)
    print(f"{len(corpus.documents)} reports, {len(fresh)} knowledge conflicts")
    print(f"roles read afresh        {fresh_s:6.3f} CPU s")
    print(f"store readings, pass 1   {first_s:6.3f} CPU s ({first_checks.read} readings made)")
    print(f"store readings, pass 2   {again_s:6.3f} CPU s ({again_checks.read} readings made)")
    if not fresh == first == again:
        print("the three results differ", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
