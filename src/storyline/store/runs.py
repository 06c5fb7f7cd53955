"""Saving an analysis to the store as a run, reading it back, and telling when it is out of date.

``analyze`` saves each analysis in one transaction; every reader (query commands, exports,
the briefing, the explorer) loads the latest run instead of recomputing it.
"""

from __future__ import annotations

import dataclasses
import time
import typing
from typing import Any

from storyline import __version__
from storyline.store.analysis import AnalysisTables, RunStamp, docs_hash, list_of_records, now, record_fields
from storyline.store.db import ExtractionStore, Store
from storyline.store.records import RECORD_TABLES

# The networkx graph is rebuilt from the network's JSON when it is needed (GraphML export).
NOT_STORED = {"graph"}


def blob_fields(cross: Any) -> dict[str, Any]:
    """Results that are not lists of records (the network's JSON, and whatever the analysis
    gains), kept per run as JSON; values that cannot be written as JSON are left out."""
    import json

    lists = {name for name, _ in record_fields(type(cross))}
    out = {}
    for f in dataclasses.fields(cross):
        if f.name in lists or f.name in NOT_STORED:
            continue
        value = getattr(cross, f.name)
        try:
            json.dumps(value, default=lambda v: dataclasses.asdict(v) if dataclasses.is_dataclass(v) else _refuse(v))
        except TypeError:
            continue
        out[f.name] = value
    return out


def _refuse(value: Any) -> Any:
    raise TypeError(type(value).__name__)


def current_doc_ids(store: Store) -> list[str]:
    return [r[0] for r in store.con.execute("SELECT id FROM documents ORDER BY seq").fetchall()]


def _remap(store: Store, corpus: Any) -> dict[str, str]:
    """Actor ids the corpus merged across documents (stored id -> merged id), read off the mentions."""
    from storyline.models import Mention

    stored = ExtractionStore(store).load(Mention)
    remap = {}
    for before, after in zip(stored, corpus.mentions):
        if before.entity and after.entity and before.entity != after.entity:
            remap[before.entity] = after.entity
    return remap


def save(store: Store, analysis: Any, started_at: Any = None) -> RunStamp:
    """Store ``analysis`` (an api.Analysis) as the next run, in one transaction."""
    tables = AnalysisTables(store.con)
    doc_ids = list(analysis.corpus.documents)
    remap = getattr(analysis.corpus, "merged", None)
    if remap is None:  # a corpus not read by Corpus.from_store
        remap = _remap(store, analysis.corpus)
    blobs = blob_fields(analysis.cross)
    blobs["remap"] = remap
    blobs["stage_seconds"] = analysis.stage_seconds
    with store.transaction():
        stamp = RunStamp(
            id=tables.next_run_id(), version=__version__, config_hash=analysis.config_hash,
            docs_hash=docs_hash(doc_ids), doc_ids=doc_ids, started_at=started_at or now(), finished_at=now(),
            seconds=analysis.seconds,
        )
        tables.write(analysis.cross, {"entities": analysis.corpus.entities}, blobs, stamp)
    return stamp


def latest(store: Store) -> RunStamp | None:
    runs = AnalysisTables(store.con).runs()
    return runs[-1] if runs else None


def find_run(store: Store, key: str | int | None) -> RunStamp | None:
    """A run by id (``3``, ``-1`` for the one before the latest) or the latest with None."""
    runs = AnalysisTables(store.con).runs()
    if not runs:
        return None
    if key is None:
        return runs[-1]
    n = int(key)
    if n < 0:
        return runs[n - 1] if len(runs) >= 1 - n else None
    return next((r for r in runs if r.id == n), None)


def staleness(store: Store, stamp: RunStamp, config_hash: str | None = None) -> str | None:
    """One line saying how the store differs from what the run covered, or None when it does not."""
    docs = set(current_doc_ids(store))
    covered = set(stamp.doc_ids)
    reasons = []
    if docs - covered:
        reasons.append(f"{len(docs - covered)} new document{'s' if len(docs - covered) != 1 else ''}")
    if covered - docs:
        reasons.append(f"{len(covered - docs)} removed")
    if stamp.version != __version__:
        reasons.append(f"Storyline {stamp.version} -> {__version__}")
    if config_hash and stamp.config_hash != config_hash:
        reasons.append("configuration changed")
    if not reasons:
        return None
    return f"the store changed since analysis run {stamp.id} ({', '.join(reasons)})"


def load_for_changes(store: Store, stamp: RunStamp) -> Any:
    """The part of a stored run that ``changes.compare`` reads of the earlier run (its documents,
    actors, claims, conflicts and figure tables), without the corpus's records: what ``analyze``
    needs to say what a new report changed, at a fraction of the cost of ``load``."""
    from storyline.store.changes import READS

    return load(store, stamp, lists=READS, records=False)


def load(store: Store, stamp: RunStamp, lists: tuple[str, ...] | None = None, records: bool = True) -> Any:
    """The stored run as an api.Analysis (corpus records from the extraction tables, results from the run).

    ``lists``: read only these result lists (the others stay empty); ``records=False`` leaves the
    corpus's extraction records and sentences out (documents and actors are still read)."""
    from storyline.analysis.corpus import Corpus
    from storyline.analysis.entities import Entity
    from storyline.analysis.run import CrossSource
    from storyline.api import Analysis

    started = time.perf_counter()
    tables = AnalysisTables(store.con)
    cross = CrossSource()
    for name, cls in record_fields(CrossSource):
        if lists is None or name in lists:
            setattr(cross, name, tables.read_list(name, cls, stamp.id))
    blobs = tables.blobs(stamp.id)
    for f in dataclasses.fields(CrossSource):
        if f.name in blobs:
            setattr(cross, f.name, blobs[f.name])
    entities = tables.read_list("entities", Entity, stamp.id)

    extracted = ExtractionStore(store)
    kwargs: dict[str, Any] = {}
    hints = typing.get_type_hints(Corpus)
    for f in dataclasses.fields(Corpus):
        cls = list_of_records(hints[f.name])
        if cls in RECORD_TABLES and records:
            kwargs[f.name] = extracted.load(cls)
    covered = set(stamp.doc_ids)
    documents = {r["id"]: r for r in store.list_documents() if r["id"] in covered}
    for key in [k for k, v in kwargs.items() if v and hasattr(v[0], "doc")]:
        kwargs[key] = [r for r in kwargs[key] if r.doc in covered]
    sentences: dict[str, list[tuple[int, int]]] = {}
    for doc, start, end in store.con.execute(
        "SELECT doc_id, start_char, end_char FROM sentences ORDER BY doc_id, seq"
    ).fetchall() if records else ():
        if doc in covered:
            sentences.setdefault(doc, []).append((start, end))
    removed, references = _removed_and_references(store, covered) if records else ({}, {})
    corpus = Corpus(documents=documents, sentences=sentences, entities=entities, kb=None,
                    removed=removed, references=references, **kwargs)
    corpus.apply_remap(blobs.get("remap") or {})
    member_of = {sid: c.id for c in getattr(cross, "clusters", []) for sid in getattr(c, "statements", [])}
    if member_of:
        from storyline.store.records import record_id

        for statement in corpus.statements:
            statement.cluster = member_of.get(record_id("s", statement), statement.cluster)
    return Analysis(corpus=corpus, cross=cross, config_hash=stamp.config_hash, seconds=time.perf_counter() - started,
                    stage_seconds=blobs.get("stage_seconds") or {}, run=stamp)


def _removed_and_references(store: Store, covered: set[str]) -> tuple[dict[str, list], dict[str, list[str]]]:
    from storyline.models import RemovedSpan

    removed: dict[str, list] = {d: [] for d in covered}
    for doc, reason, text, start, end in store.con.execute(
        "SELECT doc_id, reason, text, start_char, end_char FROM removed ORDER BY doc_id, seq"
    ).fetchall():
        if doc in covered:
            removed[doc].append(RemovedSpan(reason, text, start, end))
    references: dict[str, list[str]] = {d: [] for d in covered}
    for doc, text in store.con.execute("SELECT doc_id, text FROM doc_references ORDER BY doc_id, seq").fetchall():
        if doc in covered:
            references[doc].append(text)
    return removed, references


def contract(store: Store, stamp: RunStamp, keys: tuple[str, ...] | None = None) -> dict[str, Any]:
    """The stored run as the JSON contract, or only its ``keys`` (what one query command shows).

    Reading a few keys skips the rest of the corpus, so a query answers in a fraction of a
    second on a large store; ``entities`` with only ``id`` and ``name`` is ``names``.
    """
    if keys is None:
        return load(store, stamp).to_dict()
    from storyline.analysis.corpus import Corpus
    from storyline.analysis.entities import Entity
    from storyline.analysis.run import CrossSource
    from storyline.render.contract import _asdict, _with_id

    tables = AnalysisTables(store.con)
    data: dict[str, Any] = {}
    cross = dict(record_fields(CrossSource))
    blobs = tables.blobs(stamp.id)
    covered = set(stamp.doc_ids)
    for key in keys:
        if key in cross:
            data[key] = [_asdict(r) for r in tables.read_list(key, cross[key], stamp.id)]
        elif key in blobs:
            data[key] = blobs[key]
        elif key == "entities":
            data[key] = [_asdict(e) for e in tables.read_list("entities", Entity, stamp.id)]
        elif key == "names":
            rows = store.con.execute("SELECT id, name FROM cross_entities WHERE run_id = ? ORDER BY seq",
                                     [stamp.id]).fetchall()
            data["entities"] = [{"id": i, "name": n} for i, n in rows]
    hints = typing.get_type_hints(Corpus)
    wanted = {f.name: list_of_records(hints[f.name]) for f in dataclasses.fields(Corpus) if f.name in keys}
    wanted = {name: cls for name, cls in wanted.items() if cls in RECORD_TABLES}
    if wanted:
        records = ExtractionStore(store)
        loaded = {name: [r for r in records.load(cls) if r.doc in covered] for name, cls in wanted.items()}
        corpus = Corpus(documents={}, **loaded)
        corpus.apply_remap(blobs.get("remap") or {})
        if "statements" in loaded:
            clusters = tables.read_list("clusters", cross["clusters"], stamp.id) if "clusters" in cross else []
            member_of = {sid: c.id for c in clusters for sid in c.statements}
            from storyline.store.records import record_id

            for statement in corpus.statements:
                statement.cluster = member_of.get(record_id("s", statement), statement.cluster)
        prefixes = {cls: prefix for cls, (_, prefix) in RECORD_TABLES.items()}
        for name, cls in wanted.items():
            prefix = prefixes[cls]
            items = getattr(corpus, name)
            data[name] = [_with_id(prefix, r) if prefix else _asdict(r) for r in items]
    return data
