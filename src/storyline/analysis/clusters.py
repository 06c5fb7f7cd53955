"""Statement clusters across documents, and how well each is corroborated.

Candidate pairs are blocked: two statements are compared only when they share a pair
of actors, or an actor and an event type or figure measure, and within a block only
with their nearest neighbours in time (the sorted-neighbourhood method), so the number
of comparisons grows linearly with the corpus. Only statements in some candidate pair
are embedded, and embeddings are cached by statement id, so adding a report embeds
only its own new statements.
"""

from __future__ import annotations

import bisect
import hashlib
from collections import defaultdict
from itertools import combinations

import numpy as np

from storyline.analysis.corpus import Corpus
from storyline.models import Cluster, Statement
from storyline.store.records import record_id

ASSERTING = {"asserted", "confirmed"}
REPORTING = {"reported"}
HEDGING = {"possible", "expected", "unconfirmed"}
DENYING = {"denied", "negated"}


def statement_id(statement: Statement) -> str:
    return record_id("s", statement)


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def blocking_keys(statement: Statement, event_types: set[str], measures: set[str]) -> set[tuple]:
    actors = sorted(set(statement.actors))
    keys: set[tuple] = {("pair", a, b) for a, b in combinations(actors[:6], 2)}
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


def candidate_pairs(corpus: Corpus, statements: list[Statement], window: int) -> set[tuple[int, int]]:
    """Index pairs of statements from different documents that share a blocking key."""
    events = _index((e.doc, e.start, e.type) for e in corpus.events)
    measures = _index((f.doc, f.start, f.counts) for f in corpus.figures if f.counts)
    blocks: dict[tuple, list[int]] = defaultdict(list)
    for i, s in enumerate(statements):
        for key in blocking_keys(s, _within(events, s), _within(measures, s)):
            blocks[key].append(i)
    order = {doc: (corpus.published(doc) or "9999", n) for n, doc in enumerate(corpus.documents)}
    pairs: set[tuple[int, int]] = set()
    for members in blocks.values():
        if len(members) < 2:
            continue
        members.sort(key=lambda i: (order.get(statements[i].doc, ("9999", 0)), statements[i].start))
        for pos, i in enumerate(members):
            for j in members[pos + 1 : pos + 1 + window]:
                if statements[i].doc != statements[j].doc:
                    pairs.add((min(i, j), max(i, j)))
    return pairs


def cluster_statements(corpus: Corpus, embeddings, threshold: float = 0.7, window: int = 50) -> list[Cluster]:
    """Group statements that say the same thing in different documents.

    ``embeddings`` is called with ``(ids, texts)`` and returns unit vectors (an
    EmbeddingCache's ``get``, or any function with that shape for tests).
    """
    statements = [s for s in corpus.statements if s.kind != "question" and len(s.actors) >= 1]
    pairs = sorted(candidate_pairs(corpus, statements, window))
    involved = sorted({i for pair in pairs for i in pair})
    if not involved:
        return []
    ids = [statement_id(statements[i]) for i in involved]
    vectors = embeddings(ids, [statements[i].text for i in involved])
    row = {i: n for n, i in enumerate(involved)}
    uf = _UnionFind()
    if pairs:
        left = vectors[[row[i] for i, _ in pairs]]
        right = vectors[[row[j] for _, j in pairs]]
        scores = np.einsum("ij,ij->i", left, right)
        for (i, j), score in zip(pairs, scores):
            if score >= threshold:
                uf.union(statement_id(statements[i]), statement_id(statements[j]))
    groups: dict[str, list[Statement]] = defaultdict(list)
    for s in statements:
        sid = statement_id(s)
        if sid in uf.parent:
            groups[uf.find(sid)].append(s)
    clusters = []
    for members in groups.values():
        if len({s.doc for s in members}) < 2:
            continue
        clusters.append(corroborate(corpus, members))
    clusters.sort(key=lambda c: (-len(c.sources), -c.confirmed, c.id))
    return clusters


def corroborate(corpus: Corpus, members: list[Statement]) -> Cluster:
    """Who asserts, reports, hedges and denies a clustered statement, in a reader's words."""
    order = {doc: n for n, doc in enumerate(corpus.documents)}
    members = sorted(members, key=lambda s: (corpus.published(s.doc) or "9999", order.get(s.doc, 0), s.start))
    by_doc: dict[str, list[Statement]] = defaultdict(list)
    for s in members:
        by_doc[s.doc].append(s)
    asserting, reporting, hedging, denying = [], [], [], []
    confirmed = 0
    for doc, items in by_doc.items():
        statuses = {s.status for s in items}
        if statuses & DENYING:
            denying.append(doc)
        elif statuses & ASSERTING and any(s.source_kind == "author" or s.status == "confirmed" for s in items):
            asserting.append(doc)
        elif statuses & HEDGING:
            hedging.append(doc)
        else:
            reporting.append(doc)
        if "confirmed" in statuses:
            confirmed += 1
    sources = list(by_doc)
    ids = [statement_id(s) for s in members]
    cluster_id = "c" + hashlib.sha256("|".join(sorted(ids)).encode()).hexdigest()[:12]
    representative = max(members, key=lambda s: (s.status == "confirmed", s.status in ASSERTING, -len(s.text)))
    return Cluster(
        id=cluster_id, statements=ids, sources=sources, asserting=asserting, reporting=reporting,
        hedging=hedging, denying=denying, confirmed=confirmed,
        corroboration=describe(len(sources), confirmed, len(hedging), len(denying)),
        label=representative.text,
    )


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
