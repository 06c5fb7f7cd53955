"""Reuse across runs: the claims' judged pairs of a block the new reports leave unchanged are read back, not recomputed.

Claims are built from blocks (statements sharing a pair of actors, or an actor and an event type
or figure measure, or a rare salient item; see ``claims.claim_blocks``). Whether two statements of a block are linked depends only
on the two statements, their reports' dates, the figures inside them and their sentence vectors,
so a block whose members, in the same order, have the same content has the same links. Each
block is keyed by a hash of its blocking key, its members' content in time order and the code
and settings that decide a link; the pairs judged (each near pair's similarity and whether it is
linked) are stored under that key in the store (``claim_blocks``), and an added report only
recomputes the blocks it joins. The second stage reads the stored similarities, so an unchanged
block is never scored again. Grouping the links
into claims (complete link, then corroboration) runs over the whole corpus each time: it is
cheap, and it is what makes the result equal a full recomputation.
"""

from __future__ import annotations

import bisect
import dataclasses
import hashlib
import json
from functools import lru_cache

from storyline.analysis import claims as claim_rules
from storyline.analysis.clusters import pair_scores, statement_id
from storyline.analysis.corpus import Corpus
from storyline.analysis.versions import code_digest
from storyline.models import Cluster, Statement

RULES = ("analysis/claims.py", "analysis/clusters.py", "analysis/wording.py", "nlp/propositions.py",
         "analysis/reuse.py")
"""Modules whose code decides a link: a change to any of them makes every stored block stale."""


def _rules_version() -> str:
    return code_digest(RULES)


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
    def store(self):
        """The store (or connection) the links are kept in; None in memory."""
        return self._store

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
    """The same claims as ``claims.group_claims``, with each unchanged block's judged pairs read from ``cache``.

    A block's stored pairs are the first stage's judgements (score, linked) of its pairs at least
    ``claims.NEAR`` similar, so the second stage reads their scores too: no pair is scored twice, and
    an unchanged block is not scored at all."""
    cache = cache if cache is not None else LinkCache()
    statements = claim_rules.claim_statements(corpus)
    ids = [statement_id(s) for s in statements]
    index = {sid: n for n, sid in enumerate(ids)}
    if len(index) != len(ids):  # two statements under one id: links could not be told apart
        return claim_rules.group_claims(corpus, embeddings, threshold, window)
    numbers = claim_rules.statement_figures(corpus, statements)
    salient = claim_rules.salient_items(statements, numbers)
    grouped = claim_rules.claim_blocks(corpus, statements, salient)
    prints = _fingerprints(corpus, statements, numbers)
    version = repr((_rules_version(), threshold, window))
    keys = {key: _block_key(version, key, members, prints) for key, members in grouped.items()}
    known = cache.get(sorted(set(keys.values())))
    fresh = {key: members for key, members in grouped.items() if keys[key] not in known}
    cache.reused, cache.computed = len(grouped) - len(fresh), len(fresh)
    judged: dict[tuple[int, int], tuple[float, bool]] = {}
    for pairs in known.values():
        for a, b, score, linked in pairs:
            judged[(index[a], index[b])] = (score, linked)
    found = _judge(corpus, statements, numbers, embeddings, threshold, fresh, window)
    for key, members in fresh.items():
        pairs = claim_rules.pairs_of(key, members, statements, window)
        stored = [(ids[i], ids[j], *found[(i, j)]) for i, j in sorted(pairs) if (i, j) in found]
        known[keys[key]] = stored
        for i, j, score, linked in stored:
            judged[(index[i], index[j])] = (score, linked)
    cache.put({keys[key]: known[keys[key]] for key in fresh}, set(keys.values()))
    # The second stage weighs words by their rarity in the whole corpus: it runs on every run, on the
    # scores stored with the first stage.
    return claim_rules.group_links(corpus, statements, judged, numbers, salient, threshold)


def _judge(corpus: Corpus, statements: list[Statement], numbers: dict[int, dict], embeddings, threshold: float,
           fresh: dict[tuple, list[int]], window: int) -> dict[tuple[int, int], tuple[float, bool]]:
    """The judged pairs of the blocks to compute (the rule of ``claims.group_claims``)."""
    pairs: set[tuple[int, int]] = set()
    for key, members in fresh.items():
        pairs |= claim_rules.pairs_of(key, members, statements, window)
    if not pairs:
        return {}
    pairs_list = sorted(pairs)
    involved = sorted({i for pair in pairs_list for i in pair})
    vectors = embeddings([statement_id(statements[i]) for i in involved], [statements[i].text for i in involved])
    row = {i: n for n, i in enumerate(involved)}
    return claim_rules.judge_pairs(corpus, statements, numbers, pairs_list, pair_scores(vectors, row, pairs_list),
                                   threshold)


JUDGING = ("analysis/conflict_match.py", "analysis/conflict_pairs.py", "analysis/wording.py", "analysis/lasting.py",
           "analysis/reuse.py", "models.py")
"""Modules whose code decides whether two propositions are one: a change to any makes every judgement stale."""


_SCALARS = frozenset({str, int, float, bool, type(None)})


def _plain(value):
    """A value with its sets sorted, so that its ``repr`` is the same in every process."""
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if type(value) in (tuple, list) and all(type(v) in _SCALARS for v in value):
        return tuple(value)  # what the general case below gives, without a call per item
    if isinstance(value, (set, frozenset)):
        if all(isinstance(v, str) for v in value):
            return ("set", tuple(sorted(value)))
        return ("set", tuple(sorted(repr(_plain(v)) for v in value)))
    if isinstance(value, (list, tuple)):
        return tuple(_plain(v) for v in value)
    if isinstance(value, dict):
        return ("dict", tuple(sorted((repr(k), repr(_plain(v))) for k, v in value.items())))
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return (type(value).__name__,) + tuple(_plain(getattr(value, f.name)) for f in dataclasses.fields(value)
                                              if f.name != "cluster")
    return value


class JudgedPairs:
    """Whether two propositions are one (``conflict_match``), by the content of the pair: in a store table,
    or in memory (``store=None``).

    A judgement depends only on the two propositions: their records (but the claim a statement was
    grouped in), the words, status and clause drawn from them, whether they share a claim, the
    clauses' meaning (vectors of their text) and the weights of their words (which the matcher rounds
    so that an added report seldom changes one). So a pair judged in an earlier run is read back;
    only pairs with a proposition that is new or changed (a new report's, one whose claim gained a
    member, one with a word whose weight moved) are judged again.
    """

    TABLE = "conflict_judgements"
    SLACK = 1000
    """Stale judgements (of pairs no longer compared) are dropped once they outnumber the live ones by this."""

    def __init__(self, store=None) -> None:
        self._store = store
        self.memory: dict[str, tuple[bool, float | None]] = {}
        self.known: dict[str, tuple[bool, float | None]] | None = None
        self.found: dict[str, tuple[bool, float | None]] = {}
        self.used: set[str] = set()
        self.judged = 0
        """Pairs judged (not read back) in this run."""
        if self.con is not None:
            self.con.execute(f"CREATE TABLE IF NOT EXISTS {self.TABLE} "
                             "(id VARCHAR PRIMARY KEY, matched BOOLEAN, strength DOUBLE)")

    @property
    def con(self):
        return getattr(self._store, "con", self._store)

    def _load(self) -> dict[str, tuple[bool, float | None]]:
        if self.known is None:
            if self.con is None:
                self.known = dict(self.memory)
            else:
                rows = self.con.execute(f"SELECT id, matched, strength FROM {self.TABLE}").fetchall()
                self.known = {k: (m, s) for k, m, s in rows}
        return self.known

    def version(self) -> str:
        return code_digest(JUDGING)

    def remember(self, match, tag: str) -> "_Remembered":
        """``match`` (a callable on two props, with ``strength`` or not) answering from this memory.
        ``tag`` names the matcher and what it was given (meaning at hand or not)."""
        return _Remembered(self, match, repr((self.version(), tag)))

    def save(self) -> None:
        """Store this run's new judgements; drop stale ones once they outnumber the live ones."""
        if self.con is None:
            self.memory = {k: v for k, v in {**(self.known or {}), **self.found}.items() if k in self.used}
            return
        from storyline.store.db import bulk_insert

        if self.found:
            bulk_insert(self.con, self.TABLE, ["id", "matched", "strength"], ["VARCHAR", "BOOLEAN", "DOUBLE"],
                        [[k, m, s] for k, (m, s) in self.found.items()], replace=True)
        stale = len(set(self.known or {}) - self.used)
        if stale > len(self.used) + self.SLACK:
            self.con.execute("CREATE TEMP TABLE judgements_used (id VARCHAR)")
            bulk_insert(self.con, "judgements_used", ["id"], ["VARCHAR"], [[k] for k in self.used])
            self.con.execute(f"DELETE FROM {self.TABLE} WHERE id NOT IN (SELECT id FROM judgements_used)")
            self.con.execute("DROP TABLE judgements_used")
        self.known, self.found = None, {}


@lru_cache(maxsize=None)
def _field_names(cls: type, skip: tuple[str, ...]) -> tuple[str, ...]:
    """The names of a record class's fields, in order, but ``skip``."""
    return tuple(f.name for f in dataclasses.fields(cls) if f.name not in skip)


class _Remembered:
    """A matcher that judges each pair once (see ``JudgedPairs``)."""

    def __init__(self, memory: JudgedPairs, match, salt: str) -> None:
        self.memory, self.match = memory, match
        self.salt = hashlib.sha1(salt.encode()).hexdigest()[:8]
        self.prints: dict[int, tuple[str, frozenset]] = {}
        self.known = memory._load()
        self.weights = getattr(match, "weight", None)
        if hasattr(match, "strength"):
            self.strength = self._strength

    def _print(self, prop) -> tuple[str, frozenset]:
        """A digest of everything the judgement reads from one prop: the record (but its claim), the
        prop's other fields (but its id and claims), and the weights the matcher gives its words."""
        # props live as long as this matcher (one ``find_conflicts``): their ids are stable meanwhile
        record = prop.record
        fields = [type(record).__name__]
        fields += [getattr(record, name) for name in _field_names(type(record), ("cluster",))]
        fields += [_plain(getattr(prop, name)) for name in _field_names(type(prop), ("record", "clusters", "id"))]
        if self.weights is not None:  # all a pair's word overlap reads
            fields += sorted((w, self.weights.get(w)) for w in prop.words | prop.clause_words)
        out = hashlib.blake2b(repr(fields).encode(), digest_size=8).hexdigest(), prop.clusters
        self.prints[id(prop)] = out
        return out

    def _judge(self, a, b) -> tuple[bool, float | None]:
        x, cx = self.prints.get(id(a)) or self._print(a)
        y, cy = self.prints.get(id(b)) or self._print(b)
        # which claims they are in matters only as whether they share one
        key = f"{self.salt}{x}{y}{0 if cx.isdisjoint(cy) else 1}"
        self.memory.used.add(key)
        out = self.known.get(key)
        if out is None:
            out = self.memory.found.get(key)
        if out is None:
            matched = bool(self.match(a, b))
            strength = getattr(self.match, "strength", None)
            out = (matched, float(strength(a, b)) if matched and strength is not None else None)
            self.memory.found[key] = out
            self.memory.judged += 1
        return out

    def __call__(self, a, b) -> bool:
        return self._judge(a, b)[0]

    def _strength(self, a, b) -> float:
        matched, strength = self._judge(a, b)
        return strength if matched else self.match.strength(a, b)  # kept for matched pairs only


READING = ("analysis/conflict_intent.py", "analysis/conflict_judged.py", "analysis/conflict_agency.py",
           "analysis/conflict_opposed.py", "analysis/conflict_pairs.py", "analysis/conflict_reach.py",
           "analysis/conflict_match.py",
           "analysis/clauses.py", "analysis/lasting.py", "analysis/wording.py", "nlp/grammar.py", "models.py",
           "analysis/reuse.py")
"""Modules whose code reads a sentence for the conflicts (its intentions, its judgements): a change to any makes
every stored reading stale."""


class TextChecks:
    """What the conflicts read off one sentence (``conflict_intent.intentions``, ``conflict_judged.judgements``),
    by the content it is read from: in a store table, or in memory (``store=None``).

    Such a reading depends only on what it is given (the sentence, and for an intention the actor mentions in
    and just before it, its speaker and the report's text before it), so one made in an earlier run is read
    back: an added report reads its own sentences, and those whose context it changed (an actor merged under
    another id). Each reading is keyed by a hash of the code that reads, the kind of reading and its input."""

    TABLE = "text_checks"

    def __init__(self, store=None) -> None:
        self._store = store
        self.memory: dict[str, str] = {}
        self.known: dict[str, str] | None = None
        self.found: dict[str, str] = {}
        self.used: set[str] = set()
        self.read = 0
        """Readings made (not read back) since the last ``save``."""
        if self.con is not None:
            self.con.execute(f"CREATE TABLE IF NOT EXISTS {self.TABLE} (id VARCHAR PRIMARY KEY, value VARCHAR)")

    @property
    def con(self):
        return getattr(self._store, "con", self._store)

    def _load(self) -> dict[str, str]:
        if self.known is None:
            if self.con is None:
                self.known = dict(self.memory)
            else:
                self.known = dict(self.con.execute(f"SELECT id, value FROM {self.TABLE}").fetchall())
        return self.known

    def remember(self, kind: str, read, encode, decode, given=None):
        """``read`` answering from this memory: ``given(*args)`` is what the reading depends on (by default its
        arguments), ``encode`` turns a reading into JSON values and ``decode`` turns them back."""
        known = self._load()
        salt = repr((code_digest(READING), kind))

        def remembered(*args):
            key = hashlib.sha1(repr((salt, given(*args) if given else args)).encode()).hexdigest()
            self.used.add(key)
            value = known.get(key) or self.found.get(key)
            if value is None:
                out = read(*args)
                self.found[key] = json.dumps(encode(out))
                self.read += 1
                return out
            return decode(json.loads(value))

        return remembered

    def save(self) -> None:
        """Store this run's new readings and forget those no sentence of the run asked for."""
        if self.con is None:
            self.memory = {k: v for k, v in {**(self.known or {}), **self.found}.items() if k in self.used}
        else:
            from storyline.store.db import bulk_insert

            stale = set(self.known or {}) - self.used
            if stale:
                self.con.execute(f"DELETE FROM {self.TABLE} WHERE id IN (SELECT unnest(?))", [sorted(stale)])
            if self.found:
                bulk_insert(self.con, self.TABLE, ["id", "value"], ["VARCHAR", "VARCHAR"],
                            [[k, v] for k, v in self.found.items()], replace=True)
        self.known, self.found, self.used, self.read = None, {}, set(), 0


def remembered_intentions(checks: TextChecks):
    """``conflict_intent.intentions`` answering from ``checks``: a sentence's intentions depend on its text, the
    actor mentions from the context it is given to its end (their offsets from its start, ids and types), its
    speaker and that context."""
    from storyline.analysis.conflict_intent import Intent, intentions

    by_start: dict[int, tuple[list, list[int], list]] = {}  # a report's mentions in order of their start

    def given(text, mentions, start, speaker=None, context=""):
        held = by_start.get(id(mentions))
        if held is None or held[0] is not mentions:
            ordered = sorted(mentions, key=lambda m: m.start)
            held = by_start[id(mentions)] = (mentions, [m.start for m in ordered], ordered)
        _, starts, ordered = held
        window = ordered[bisect.bisect_left(starts, start - len(context)):bisect.bisect_left(starts, start + len(text))]
        return text, tuple((m.start - start, m.end - start, m.entity, m.type) for m in window), speaker, context

    return checks.remember(
        "intentions", intentions, lambda found: [[i.party, sorted(i.acts), sorted(i.objects), i.pole] for i in found],
        lambda rows: [Intent(p, frozenset(a), frozenset(o), pole) for p, a, o, pole in rows], given)


def remembered_judgements(checks: TextChecks):
    """``conflict_judged.judgements`` answering from ``checks`` (they depend on the sentence's text alone)."""
    from storyline.analysis.conflict_judged import Judgement, judgements

    return checks.remember(
        "judgements", judgements, lambda found: [[j.scale, j.pole, sorted(j.subject), j.head] for j in found],
        lambda rows: [Judgement(scale, pole, frozenset(subject), head) for scale, pole, subject, head in rows])
