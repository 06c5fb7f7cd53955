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

# A statement naming many actors is blocked on pairs of its first few only: the cost of
# blocking grows with the square of this number.
MAX_PAIR_ACTORS = 4
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


def pair_scores(vectors: np.ndarray, row: dict[int, int], pairs: list[tuple[int, int]],
                chunk: int = 100_000) -> np.ndarray:
    """Cosine similarity of each pair, computed in chunks so memory stays flat."""
    out = np.empty(len(pairs), dtype=np.float32)
    for at in range(0, len(pairs), chunk):
        part = pairs[at : at + chunk]
        left = vectors[[row[i] for i, _ in part]]
        right = vectors[[row[j] for _, j in part]]
        out[at : at + len(part)] = np.einsum("ij,ij->i", left, right)
    return out


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
        scores = pair_scores(vectors, row, pairs)
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


POSITIVE = {"asserted", "confirmed", "reported"}
# A hedge ("may", "likely") is speculation and a negation is often about something else
# ("may not have an immediate impact"): neither starts a contrast; doubt and denial do.
DOUBTFUL = {"unconfirmed", "denied"}


def _military_keys(corpus: Corpus, statements: list[Statement]) -> list[set[tuple]]:
    """Per statement, ``("forces", state)`` for each state whose forces it mentions."""
    by_doc: dict[str, list] = defaultdict(list)
    for m in corpus.mentions:
        if m.facet == "military" and m.entity:
            by_doc[m.doc].append(m)
    starts = {doc: sorted(m.start for m in ms) for doc, ms in by_doc.items()}
    ordered = {doc: sorted(ms, key=lambda m: m.start) for doc, ms in by_doc.items()}
    keys = []
    for s in statements:
        lo = bisect.bisect_left(starts.get(s.doc, []), s.start)
        hi = bisect.bisect_left(starts.get(s.doc, []), s.end)
        keys.append({("forces", m.entity) for m in ordered.get(s.doc, [])[lo:hi]})
    return keys


def contrast_clusters(corpus: Corpus, embeddings, threshold: float = 0.55, window: int = 50) -> list[Cluster]:
    """Pairs of statements from different reports that say similar things with opposite certainty.

    "X confirmed the presence of troops in R" and "the deployment is yet to be confirmed" share
    few words, so they are found by meaning: candidates that share actors (or the same state's
    forces), one stated as so and one doubted or denied, whose embeddings are close. The pairs
    go to the conflict finder, which decides whether they really clash.
    """
    statements = [s for s in corpus.statements if s.kind in ("fact", "estimate", "opinion")
                  and s.status in POSITIVE | DOUBTFUL]
    forces = _military_keys(corpus, statements)
    blocks: dict[tuple, list[int]] = defaultdict(list)
    for i, s in enumerate(statements):
        for key in blocking_keys(s, set(), set()) | forces[i]:
            blocks[key].append(i)
    order = {doc: (corpus.published(doc) or "9999", n) for n, doc in enumerate(corpus.documents)}
    pairs: set[tuple[int, int]] = set()
    for members in blocks.values():
        members.sort(key=lambda i: (order.get(statements[i].doc, ("9999", 0)), statements[i].start))
        for pos, i in enumerate(members):
            for j in members[pos + 1 : pos + 1 + window]:
                a, b = statements[i], statements[j]
                if a.doc != b.doc and ((a.status in POSITIVE) != (b.status in POSITIVE)):
                    pairs.add((min(i, j), max(i, j)))
    if not pairs:
        return []
    involved = sorted({i for pair in pairs for i in pair})
    row = {i: n for n, i in enumerate(involved)}
    vectors = embeddings([statement_id(statements[i]) for i in involved], [statements[i].text for i in involved])
    ordered_pairs = sorted(pairs)
    scores = pair_scores(vectors, row, ordered_pairs)
    out = []
    for (i, j), score in zip(ordered_pairs, scores):
        if score >= threshold:
            ids = sorted([statement_id(statements[i]), statement_id(statements[j])])
            out.append(Cluster(id="k" + hashlib.sha256("|".join(ids).encode()).hexdigest()[:12], statements=ids,
                               sources=sorted({statements[i].doc, statements[j].doc}),
                               corroboration=f"similar claims, opposite certainty ({score:.2f})"))
    return out
