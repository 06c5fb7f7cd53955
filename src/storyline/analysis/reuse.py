"""Reuse across runs: the claims' links of a block the new reports leave unchanged are read back, not recomputed.

Claims are built from blocks (statements sharing a pair of actors, or an actor and an event type
or figure measure; see ``clusters``). Whether two statements of a block are linked depends only
on the two statements, their reports' dates, the figures inside them and their sentence vectors,
so a block whose members, in the same order, have the same content has the same links. Each
block is keyed by a hash of its blocking key, its members' content in time order and the code
and settings that decide a link; the links found are stored under that key in the store
(``claim_blocks``), and an added report only recomputes the blocks it joins. Grouping the links
into claims (complete link, then corroboration) runs over the whole corpus each time: it is
cheap, and it is what makes the result equal a full recomputation.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from pathlib import Path

from storyline.analysis import claims as claim_rules
from storyline.analysis.clusters import block_pairs, blocks, pair_scores, statement_id
from storyline.analysis.corpus import Corpus
from storyline.models import Cluster, Statement

RULES = ("analysis/claims.py", "analysis/clusters.py", "analysis/wording.py", "nlp/propositions.py",
         "analysis/reuse.py")
"""Modules whose code decides a link: a change to any of them makes every stored block stale."""


def _rules_version() -> str:
    root = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for name in RULES:
        path = root / name
        digest.update(path.read_bytes() if path.is_file() else name.encode())
    return digest.hexdigest()[:16]


_FIELDS = tuple(f.name for f in dataclasses.fields(Statement) if f.name != "cluster")


class LinkCache:
    """Links of claim blocks by block key: in a store table, or in memory (``con=None``)."""

    TABLE = "claim_blocks"

    def __init__(self, store=None) -> None:
        """``store``: a :class:`~storyline.store.db.Store` or a bare DuckDB connection; None keeps the
        links in memory."""
        self._store = store
        self.memory: dict[str, list] = {}
        self.reused = 0
        """Blocks whose links were read back in the last run."""
        self.computed = 0
        """Blocks whose links were computed in the last run."""
        if self.con is not None:
            self.con.execute(f"CREATE TABLE IF NOT EXISTS {self.TABLE} (id VARCHAR PRIMARY KEY, links VARCHAR)")

    @property
    def con(self):
        return getattr(self._store, "con", self._store)

    def get(self, keys: list[str]) -> dict[str, list]:
        if self.con is None:
            return {k: self.memory[k] for k in keys if k in self.memory}
        rows = self.con.execute(
            f"SELECT b.id, b.links FROM {self.TABLE} b JOIN (SELECT unnest(?) AS id) w ON b.id = w.id", [keys]
        ).fetchall()
        return {k: json.loads(v) for k, v in rows}

    def put(self, found: dict[str, list], keep: set[str]) -> None:
        """Store the new blocks' links and forget blocks no longer in the corpus (only changed rows are written)."""
        if self.con is None:
            self.memory = {k: v for k, v in self.memory.items() if k in keep}
            self.memory.update(found)
            return
        from storyline.store.db import bulk_insert

        self.con.execute(f"DELETE FROM {self.TABLE} WHERE id NOT IN (SELECT unnest(?))", [sorted(keep)])
        if found:
            bulk_insert(self.con, self.TABLE, ["id", "links"], ["VARCHAR", "VARCHAR"],
                        [[k, json.dumps(v)] for k, v in found.items()], replace=True)


def _fingerprints(corpus: Corpus, statements: list[Statement], numbers: dict[int, dict]) -> list[str]:
    """What a statement's links depend on: every field of it (but its cluster), its report's date,
    and the figures inside it (``numbers``, by statement index)."""
    out = []
    for n, s in enumerate(statements):
        values = tuple(getattr(s, f) for f in _FIELDS)
        figures = sorted((k, tuple(v)) for k, v in numbers.get(n, {}).items())
        text = repr((values, str(corpus.published(s.doc)), figures))
        out.append(hashlib.sha1(text.encode()).hexdigest())
    return out


def _block_key(version: str, key: tuple, members: list[int], prints: list[str]) -> str:
    # The members' relative index order decides each pair's orientation (first, second).
    ranks = sorted(range(len(members)), key=members.__getitem__)
    text = repr((version, key, [prints[i] for i in members], ranks))
    return hashlib.sha1(text.encode()).hexdigest()


def group_claims(corpus: Corpus, embeddings, threshold: float = 0.72, window: int = 20,
                 cache: LinkCache | None = None) -> list[Cluster]:
    """The same claims as ``claims.group_claims``, with each unchanged block's links read from ``cache``."""
    cache = cache if cache is not None else LinkCache()
    statements = [s for s in corpus.statements if claim_rules.is_factual(s) and (s.actors or s.predicate_class)]
    ids = [statement_id(s) for s in statements]
    index = {sid: n for n, sid in enumerate(ids)}
    if len(index) != len(ids):  # two statements under one id: links could not be told apart
        return claim_rules.group_claims(corpus, embeddings, threshold, window)
    grouped = blocks(corpus, statements)
    numbers = claim_rules.statement_figures(corpus, statements)
    prints = _fingerprints(corpus, statements, numbers)
    version = repr((_rules_version(), threshold, window))
    keys = {key: _block_key(version, key, members, prints) for key, members in grouped.items()}
    known = cache.get(sorted(set(keys.values())))
    fresh = {key: members for key, members in grouped.items() if keys[key] not in known}
    cache.reused, cache.computed = len(grouped) - len(fresh), len(fresh)
    edges: dict[tuple[int, int], float] = {}
    for links in known.values():
        for a, b, score in links:
            edges[(index[a], index[b])] = score
    found = _links(corpus, statements, numbers, embeddings, threshold, fresh, window)
    for key, members in fresh.items():
        pairs = block_pairs(members, statements, window)
        links = [(ids[i], ids[j], found[(i, j)]) for i, j in sorted(pairs) if (i, j) in found]
        known[keys[key]] = links
        for i, j, score in links:
            edges[(index[i], index[j])] = score
    cache.put({keys[key]: known[keys[key]] for key in fresh}, set(keys.values()))
    groups = claim_rules.complete_link(len(statements), edges, [s.doc for s in statements])
    claims = [claim_rules.corroborate(corpus, [statements[i] for i in g]) for g in groups]
    claims.sort(key=lambda c: (-len(c.sources), -c.confirmed, c.id))
    return claims


def _links(corpus: Corpus, statements: list[Statement], numbers: dict[int, dict], embeddings, threshold: float,
           fresh: dict[tuple, list[int]], window: int) -> dict[tuple[int, int], float]:
    """The linked pairs of the blocks to compute, with their similarity (the rule of ``claims.group_claims``)."""
    pairs: set[tuple[int, int]] = set()
    for members in fresh.values():
        pairs |= block_pairs(members, statements, window)
    if not pairs:
        return {}
    pairs_list = sorted(pairs)
    involved = sorted({i for pair in pairs_list for i in pair})
    vectors = embeddings([statement_id(statements[i]) for i in involved], [statements[i].text for i in involved])
    row = {i: n for n, i in enumerate(involved)}
    edges: dict[tuple[int, int], float] = {}
    for (i, j), score in zip(pairs_list, pair_scores(vectors, row, pairs_list)):
        if claim_rules.figures_differ(numbers.get(i), numbers.get(j)) \
                and claim_rules._concurrent(corpus, statements[i], statements[j]):
            continue
        bar = claim_rules.link_threshold(statements[i], statements[j], threshold)
        if bar is not None and score >= bar:
            edges[(i, j)] = float(score)
    return edges
