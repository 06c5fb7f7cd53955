"""How many claim statements the vector-free checks could spare from the sentence encoder.

Usage: .venv/bin/python bench/claim_vectors.py --db STORE [--window 20] [--threshold 0.72]

Reads the corpus from an analysed store (a copy, so the store is left as it was) and counts, among the
candidate pairs of ``claims.group_claims``, those whose score can matter to the claims: pairs that
nothing but the score keeps apart in the first stage (not ``told_apart``, ``link_threshold`` gives a
bar), pairs the second stage could link (``content_links``' checks that read no vector), and the pairs
that set each of those a best score in the other report. A statement in none of them needs no vector.
Nothing is encoded: the figures say how much a lazier encoder could save before anyone writes one.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections import defaultdict
from pathlib import Path


def candidate_pairs(corpus, window: int):
    """The candidate pairs of ``claims.group_claims`` over the corpus, with what they were built from: the claim
    statements, their figures and salient items, all pairs, and the pairs of blocks other than shared content
    words (an actor, event or figure block)."""
    from storyline.analysis import claims as rules

    statements = rules.claim_statements(corpus)
    numbers = rules.statement_figures(corpus, statements)
    salient = rules.salient_items(statements, numbers)
    pairs: set[tuple[int, int]] = set()
    by_actors: set[tuple[int, int]] = set()
    for key, members in rules.claim_blocks(corpus, statements, salient).items():
        found = rules.pairs_of(key, members, statements, window)
        pairs |= found
        if key[0] != "content":
            by_actors |= found
    return statements, numbers, salient, pairs, by_actors


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--window", type=int, default=20)
    parser.add_argument("--threshold", type=float, default=0.72)
    args = parser.parse_args()
    from storyline.analysis import claims as rules
    from storyline.analysis.corpus import Corpus
    from storyline.kb.lookup import load_kb
    from storyline.store.db import Store

    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "store.duckdb"
        shutil.copyfile(args.db, copy)
        with Store.open(copy) as store:
            corpus = Corpus.from_store(store, load_kb())
    statements, numbers, salient, pairs, _ = candidate_pairs(corpus, args.window)
    scored, second = set(), set()
    for i, j in pairs:
        a, b = statements[i], statements[j]
        if rules.told_apart(corpus, a, b, numbers.get(i), numbers.get(j)):
            continue
        if rules.link_threshold(a, b, args.threshold) is None:
            continue
        scored.add((i, j))
        if "quoted" in (a.source_kind, b.source_kind) or a.text == b.text or rules.negative(a) or rules.negative(b):
            continue
        if rules.anchored(salient[i], salient[j], a.date == b.date):
            second.add((i, j))
    by_report: dict[tuple[int, str], list[tuple[int, int]]] = defaultdict(list)
    for i, j in pairs:
        by_report[(i, statements[j].doc)].append((i, j))
        by_report[(j, statements[i].doc)].append((i, j))
    needed = set(scored)
    for i, j in second:
        needed.update(by_report[(i, statements[j].doc)], by_report[(j, statements[i].doc)])

    def members(found) -> int:
        return len({k for pair in found for k in pair})

    def texts(found) -> int:
        return len({statements[k].text for pair in found for k in pair})

    print(f"{len(corpus.documents)} documents, {len(statements):,} claim statements")
    for name, found in (("candidate pairs", pairs), ("pairs only a score decides", scored),
                        ("pairs the second stage could link", second), ("pairs whose score matters", needed)):
        print(f"  {name:36s} {len(found):8,d}   statements {members(found):6,d}   distinct sentences {texts(found):6,d}")
    spared = texts(pairs) - texts(needed)
    print(f"  sentences a lazier encoder would spare: {spared:,} of {texts(pairs):,} "
          f"({spared / max(1, texts(pairs)):.1%})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
