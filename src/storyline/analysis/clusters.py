"""Candidate pairs of statements across documents, for grouping them into claims (see ``claims``).

Candidate pairs are blocked: two statements are compared only when they share a pair
of actors, or an actor and an event type or figure measure, and within a block only
with their nearest neighbours in time (the sorted-neighbourhood method), so the number
of comparisons grows linearly with the corpus. Only statements in some candidate pair
are embedded, and embeddings are cached by statement id, so adding a report embeds
only its own new statements.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from itertools import combinations

import numpy as np

from storyline.analysis.corpus import Corpus
from storyline.models import Statement
from storyline.store.records import record_id

# A statement naming many actors is blocked on pairs of its first few only: the cost of
# blocking grows with the square of this number.
MAX_PAIR_ACTORS = 4
ASSERTING = {"asserted", "confirmed"}
REPORTING = {"reported"}
HEDGING = {"possible", "expected", "unconfirmed"}
DENYING = {"denied", "negated"}


def statement_id(statement: Statement) -> str:
    return record_id("s", statement)


def blocking_keys(statement: Statement, event_types: set[str], measures: set[str]) -> set[tuple]:
    actors = list(dict.fromkeys(statement.actors))  # in order of first mention
    keys: set[tuple] = {("pair", *sorted(p)) for p in combinations(actors[:MAX_PAIR_ACTORS], 2)}
    for actor in actors:
        keys |= {("event", actor, t) for t in event_types}
        keys |= {("figure", actor, m) for m in measures}
    return keys


def _index(items) -> dict[str, tuple[list[int], list[str]]]:
    """Per document: sorted start offsets and the matching labels, for range lookups."""
    by_doc: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for doc, start, label in items:
        by_doc[doc].append((start, label))
    return {doc: ([s for s, _ in sorted(v)], [l for _, l in sorted(v)]) for doc, v in by_doc.items()}


def _within(index: dict[str, tuple[list[int], list[str]]], s: Statement) -> set[str]:
    starts, labels = index.get(s.doc, ([], []))
    lo, hi = bisect.bisect_left(starts, s.start), bisect.bisect_left(starts, s.end)
    return set(labels[lo:hi])


def blocks(corpus: Corpus, statements: list[Statement]) -> dict[tuple, list[int]]:
    """Statement indices by blocking key, each block's members sorted in time (report date, then
    document order, then offset); blocks of one member are left out."""
    events = _index((e.doc, e.start, e.type) for e in corpus.events)
    measures = _index((f.doc, f.start, f.counts) for f in corpus.figures if f.counts)
    out: dict[tuple, list[int]] = defaultdict(list)
    for i, s in enumerate(statements):
        for key in blocking_keys(s, _within(events, s), _within(measures, s)):
            out[key].append(i)
    order = {doc: (corpus.published(doc) or "9999", n) for n, doc in enumerate(corpus.documents)}
    kept = {}
    for key, members in out.items():
        if len(members) >= 2:
            members.sort(key=lambda i: (order.get(statements[i].doc, ("9999", 0)), statements[i].start))
            kept[key] = members
    return kept


def block_pairs(members: list[int], statements: list[Statement], window: int) -> set[tuple[int, int]]:
    """Index pairs of one block (sorted in time): each member with its ``window`` next neighbours
    from other documents."""
    pairs: set[tuple[int, int]] = set()
    for pos, i in enumerate(members):
        for j in members[pos + 1 : pos + 1 + window]:
            if statements[i].doc != statements[j].doc:
                pairs.add((min(i, j), max(i, j)))
    return pairs


def candidate_pairs(corpus: Corpus, statements: list[Statement], window: int) -> set[tuple[int, int]]:
    """Index pairs of statements from different documents that share a blocking key."""
    pairs: set[tuple[int, int]] = set()
    for members in blocks(corpus, statements).values():
        pairs |= block_pairs(members, statements, window)
    return pairs


def pair_scores(vectors: np.ndarray, row: dict[int, int], pairs: list[tuple[int, int]],
                chunk: int = 4096) -> np.ndarray:
    """Cosine similarity of each pair, computed in chunks small enough that the gathered rows stay
    in the processor's cache (six times faster than chunks of 100,000 pairs; the same values)."""
    out = np.empty(len(pairs), dtype=np.float32)
    left = np.fromiter((row[i] for i, _ in pairs), dtype=np.intp, count=len(pairs))
    right = np.fromiter((row[j] for _, j in pairs), dtype=np.intp, count=len(pairs))
    for at in range(0, len(pairs), chunk):
        out[at : at + chunk] = np.einsum("ij,ij->i", vectors[left[at : at + chunk]], vectors[right[at : at + chunk]])
    return out


def describe(sources: int, confirmed: int, hedged: int, denied: int) -> str:
    """"3 independent sources, 1 confirms officially, 1 hedges"."""
    parts = [f"{sources} independent source{'s' if sources != 1 else ''}"]
    if confirmed:
        parts.append(f"{confirmed} confirm{'s' if confirmed == 1 else ''} officially")
    if hedged:
        parts.append(f"{hedged} hedge{'s' if hedged == 1 else ''}")
    if denied:
        parts.append(f"{denied} den{'ies' if denied == 1 else 'y'}")
    return ", ".join(parts)
