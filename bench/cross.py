"""Where the cross-source stage's time goes: each analysis over a stored corpus, in CPU seconds.

Usage: .venv/bin/python bench/cross.py --db STORE [--profile FILE] [--digest] [--encoder torch|onnx] [--no-cache]
       [--workers N] [--encoder-processes] [--precision float32|bfloat16|auto]

Reads the corpus from an analysed store (a copy is opened, so the store is left as it was; its
embedding cache makes the encoder's share small) and runs the stage's analyses in their order,
timing each in process CPU seconds (other jobs on the machine do not count) beside wall seconds.
Claims are also built through ``reuse.group_claims`` twice, first with no block known, then with
every block's links read back, to show what a block costs computed and reused (and that the three
give the same claims). ``--digest`` prints a hash of every result, so two versions of the code can be shown to find the
same (run one with ``PYTHONPATH=OTHER/src``). ``--no-cache`` drops the copy's cached embeddings, so the
stage encodes every sentence it needs (the first claims row, then conflicts' clauses) with the
``--encoder`` runtime (loading it is timed as its own row), on ``--workers`` intra-op threads as
``storyline analyze --workers N`` runs it, or with ``--encoder-processes`` on that many encoder
processes when there are many, at ``--precision`` (``EmbeddingCache``'s pool; its start is in the first row that encodes,
and its processes' CPU seconds in the CPU column). Each row gives the sentences it encoded. The claims
encode only the statements in a pair they compare (a statement shares no block with another report's
statement within the window: it is never compared, nor encoded): how many of the claim statements
those are, and their distinct texts, is printed beside.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path


def _digest(value) -> str:
    import dataclasses
    import hashlib
    import json

    def plain(v):
        if dataclasses.is_dataclass(v):
            return dataclasses.asdict(v)
        return sorted(v) if isinstance(v, (set, frozenset)) else str(v)

    return hashlib.sha256(json.dumps(value, default=plain, sort_keys=True).encode()).hexdigest()[:16]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--profile")
    parser.add_argument("--digest", action="store_true")
    parser.add_argument("--encoder", default="torch", choices=["torch", "onnx"])
    parser.add_argument("--no-cache", action="store_true", help="drop the cached embeddings first")
    parser.add_argument("--workers", type=int, default=1, help="cores the encoder uses (intra-op threads)")
    parser.add_argument("--encoder-processes", action="store_true",
                        help="large encodes on --workers encoder processes instead of threads")
    parser.add_argument("--precision", default="float32", choices=["float32", "bfloat16", "auto"],
                        help="the encoder's arithmetic ([analysis] encoder_precision)")
    args = parser.parse_args()
    from storyline import config
    from storyline.analysis import (
        bottomline, claims, conflicts, figures, implications, network, options, reuse, run, timeline,
    )
    from storyline.analysis import clusters as clustering
    from storyline.analysis.corpus import Corpus
    from storyline.analysis import embed
    from storyline.analysis.embed import EmbeddingCache
    from storyline.kb.lookup import load_kb
    from storyline.store.db import Store

    settings = config.defaults()["analysis"]
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "store.duckdb"
        shutil.copyfile(args.db, copy)
        rows: list[tuple[str, float, float, int]] = []

        def pool_cpu() -> float:
            return cache.pool.cpu if cache is not None and cache.pool is not None else 0.0

        cache = None

        def timed(name, fn, *fn_args):
            cpu, wall = time.process_time() + pool_cpu(), time.perf_counter()
            encoded = cache.encoded if cache is not None else 0
            out = fn(*fn_args)
            rows.append((name, time.process_time() + pool_cpu() - cpu, time.perf_counter() - wall,
                         (cache.encoded if cache is not None else 0) - encoded))
            return out

        profiler = cProfile.Profile() if args.profile else None
        with Store.open(copy) as store:
            if args.no_cache:
                store.con.execute(f"DROP TABLE IF EXISTS {EmbeddingCache.TABLE}")
            kb = load_kb()
            if profiler:
                profiler.enable()
            corpus = timed("read the corpus (Corpus.from_store)", Corpus.from_store, store, kb)
            timed(f"load the encoder ({args.encoder})", embed.load, args.encoder)
            cache = EmbeddingCache(store, args.encoder, args.workers, args.encoder_processes, args.precision)
            found = timed("claims", claims.group_claims, corpus, cache.get, settings["cluster_threshold"],
                          settings["block_window"])
            links = reuse.LinkCache()
            fresh = timed("claims, blocks kept (reuse, none known)", reuse.group_claims, corpus, cache.get,
                          settings["cluster_threshold"], settings["block_window"], links)
            again = timed("claims, blocks read back (reuse, all known)", reuse.group_claims, corpus, cache.get,
                          settings["cluster_threshold"], settings["block_window"], links)
            same_claims = found == fresh == again
            statements = claims.claim_statements(corpus)
            salient = claims.salient_items(statements, claims.statement_figures(corpus, statements))
            paired = {i for key, members in claims.claim_blocks(corpus, statements, salient).items()
                      for pair in claims.pairs_of(key, members, statements, settings["block_window"]) for i in pair}
            member_of = {sid: c.id for c in found for sid in c.statements}
            for s in corpus.statements:
                s.cluster = member_of.get(clustering.statement_id(s))
            tables = timed("figure tables", figures.build_figure_tables, corpus)
            found_conflicts = timed("conflicts", conflicts.find_conflicts, corpus, tables, found,
                                    run.conflict_vectors(cache.get))
            found_timeline = timed("timeline", timeline.build_timeline, corpus)
            _, edges = timed("network", network.build_network, corpus)
            found_options = timed("options", options.find_options, corpus)
            found_implications = timed("implications", implications.find_implications, corpus)
            lines = timed("bottom line", bottomline.bottom_line, corpus, found, found_conflicts, tables)
            cache.close()
            if profiler:
                profiler.disable()
                profiler.dump_stats(args.profile)
    print(f"{len(corpus.documents)} documents, {len(corpus.statements):,} statements, {len(found)} claims, "
          f"{len(found_conflicts)} conflicts, {cache.encoded:,} sentences encoded ({args.encoder} {cache.precision}, "
          f"{args.workers} {'process' if args.encoder_processes else 'thread'}{'es' if args.encoder_processes and args.workers > 1 else 's' if args.workers > 1 else ''}); load {os.getloadavg()[0]:.1f}; "
          f"claims with blocks reused equal claims built afresh: {same_claims}")
    print(f"{len(statements):,} claim statements, {len(paired):,} of them in a compared pair (encoded), "
          f"{len({statements[i].text for i in paired}):,} distinct texts")
    for name, cpu, wall, encoded in rows:
        print(f"  {name:44s} cpu {cpu:7.2f} s   wall {wall:7.2f} s   encoded {encoded:6,d}")
    stage = [r for r in rows if not r[0].startswith("claims, ")]  # the two reuse rows repeat the claims
    print(f"  {'total (claims once)':44s} cpu {sum(r[1] for r in stage):7.2f} s   wall {sum(r[2] for r in stage):7.2f} s")
    if args.digest:
        results = [found, tables, found_conflicts, found_timeline, edges, found_options, found_implications, lines]
        print("digest", _digest(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
