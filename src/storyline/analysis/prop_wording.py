"""What a statement's wording says for conflicts (its claimed clause, words, status, hedges), kept
across runs so that an added report reads the other reports' back instead of deriving them again.

The wording of a proposition (``conflict_pairs.Wording``) depends only on the sentence, its kind,
status, polarity and cues, and the actor names inside it; it is keyed by a hash of those and of
the code that derives it, and stored in the store (``prop_wordings``) as JSON. Everything a
proposition takes from other reports (its actors after merging, who says it, its claims, its
place in time) is read from the corpus on every run.
"""

from __future__ import annotations

import hashlib
import json

from storyline.analysis.versions import code_digest

DERIVING = ("analysis/conflict_pairs.py", "analysis/clauses.py", "analysis/wording.py", "analysis/lasting.py",
            "analysis/prop_wording.py")
"""Modules whose code derives a wording: a change to any of them makes every stored one stale."""


def _version() -> str:
    return code_digest(DERIVING)


class PropWordings:
    """Wordings by key: in a store table, or in memory (``store=None``) for one corpus's runs."""

    TABLE = "prop_wordings"

    def __init__(self, store=None) -> None:
        """``store``: a :class:`~storyline.store.db.Store` or a bare DuckDB connection; None keeps
        them in memory."""
        self._store = store
        self.memory: dict[str, list] = {}
        self.found: dict[str, list] = {}
        self.used: set[str] = set()
        self.derived = 0
        """Wordings derived (not read back) in the last run."""
        self.version = _version()
        if self.con is not None:
            self.con.execute(f"CREATE TABLE IF NOT EXISTS {self.TABLE} (id VARCHAR PRIMARY KEY, wording VARCHAR)")

    @property
    def con(self):
        return getattr(self._store, "con", self._store)

    def key(self, parts: tuple) -> str:
        return hashlib.sha1(repr((self.version, parts)).encode()).hexdigest()

    def get(self, keys: list[str]) -> dict[str, list]:
        """The stored wordings (as JSON values) of those of ``keys`` known."""
        self.used |= set(keys)
        if self.con is None:
            return {k: self.memory[k] for k in keys if k in self.memory}
        rows = self.con.execute(
            f"SELECT b.id, b.wording FROM {self.TABLE} b JOIN (SELECT unnest(?) AS id) w ON b.id = w.id",
            [sorted(set(keys))]).fetchall()
        return {k: json.loads(v) for k, v in rows}

    def put(self, found: dict[str, list]) -> None:
        """Keep this run's new wordings until ``save``."""
        self.derived += len(found)
        self.found.update(found)

    def save(self) -> None:
        """Store the new wordings and forget those no statement of the last run has."""
        if self.con is None:
            self.memory = {k: v for k, v in {**self.memory, **self.found}.items() if k in self.used}
        else:
            from storyline.store.db import bulk_insert

            self.con.execute(f"DELETE FROM {self.TABLE} WHERE id NOT IN (SELECT unnest(?))", [sorted(self.used)])
            if self.found:
                bulk_insert(self.con, self.TABLE, ["id", "wording"], ["VARCHAR", "VARCHAR"],
                            [[k, json.dumps(v)] for k, v in self.found.items()], replace=True)
        self.found, self.used = {}, set()
