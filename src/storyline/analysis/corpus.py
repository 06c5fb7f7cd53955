"""The cross-source stage's input: every extracted record of the corpus, read once from the store."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

from storyline.analysis.entities import Entity, build_entities
from storyline.kb.lookup import KnowledgeBase
from storyline.models import Event, Evidence, Figure, Frame, Mention, Quote, RemovedSpan, Statement, TimeRef
from storyline.store.records import record_id
from storyline.store.db import ExtractionStore, Store


@dataclass
class Corpus:
    """Documents and their extracted records; never raw text re-reading beyond evidence spans."""

    documents: dict[str, dict[str, Any]]
    """Document id -> stored row (title, outlet, author, published, text, duplicate_of, ...)."""
    mentions: list[Mention] = field(default_factory=list)
    times: list[TimeRef] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    sentences: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    entities: list[Entity] = field(default_factory=list)
    kb: KnowledgeBase | None = None
    removed: dict[str, list[RemovedSpan]] = field(default_factory=dict)
    """Debris removed from each document, for the sources section of a briefing."""
    references: dict[str, list[str]] = field(default_factory=dict)
    frames: list[Frame] = field(default_factory=list)
    """Attribution frames of every clause (empty where the extraction gives none)."""
    wordings: Any = field(default=None, repr=False, compare=False)
    """Statement wordings derived in earlier runs (a ``prop_wording.PropWordings``), or None: derive each."""

    def __post_init__(self) -> None:
        self._frames = {record_id("a", f): f for f in self.frames}
        self._names = {e.id: e.name for e in self.entities}
        self._starts = {doc: [s for s, _ in spans] for doc, spans in self.sentences.items()}

    @classmethod
    def from_store(cls, store: Store, kb: KnowledgeBase, only: set[str] | None = None) -> "Corpus":
        """Every stored document and its records; ``only``: just these document ids (a window of a
        store, as the scaling benchmark reads one)."""
        records = ExtractionStore(store)
        documents = {r["id"]: r for r in store.list_documents() if only is None or r["id"] in only}

        def load(cls_):
            found = records.load(cls_)
            return found if only is None else [r for r in found if r.doc in documents]

        sentences: dict[str, list[tuple[int, int]]] = {}
        for doc, start, end in store.con.execute(
                "SELECT doc_id, start_char, end_char FROM sentences ORDER BY doc_id, seq").fetchall():
            if only is None or doc in documents:
                sentences.setdefault(doc, []).append((start, end))
        mentions = load(Mention)
        entities, remap = build_entities(mentions, kb, {d: r.get("text") or "" for d, r in documents.items()})
        corpus = cls(
            documents=documents, mentions=mentions, times=load(TimeRef),
            quotes=load(Quote), figures=load(Figure), statements=load(Statement),
            events=load(Event), frames=load(Frame), sentences=sentences, entities=entities, kb=kb,
            removed=store.all_removed_spans(documents), references=store.all_references(documents),
        )
        stored = [m.entity for m in mentions]
        corpus.apply_remap(remap)
        # The merges as the store's mentions see them (stored id -> merged id), saved with the run.
        corpus.merged = {}
        for before, m in zip(stored, mentions):
            if before and m.entity and before != m.entity:
                corpus.merged[before] = m.entity
        return corpus

    def apply_remap(self, remap: dict[str, str]) -> None:
        """Rewrite actor ids after cross-document merging of local actors."""
        if not remap:
            return
        for m in self.mentions:
            m.entity = remap.get(m.entity, m.entity)
        for q in self.quotes:
            q.speaker, q.via = remap.get(q.speaker, q.speaker), remap.get(q.via, q.via)
        for f in self.figures:
            f.subject, f.attributed_to = remap.get(f.subject, f.subject), remap.get(f.attributed_to, f.attributed_to)
        for s in self.statements:
            s.source = remap.get(s.source, s.source)
            s.addressed = remap.get(s.addressed, s.addressed)
            s.actors = [remap.get(a, a) for a in s.actors]
        for f in self.frames:
            f.source = remap.get(f.source, f.source)
            f.relays = [remap.get(r, r) for r in f.relays]
        for e in self.events:
            e.actors = [remap.get(a, a) for a in e.actors]
            e.recipients = [remap.get(a, a) for a in e.recipients]

    # -- helpers for every analysis --------------------------------------------------

    def name(self, entity_id: str | None) -> str | None:
        """An actor's display name."""
        if entity_id is None:
            return None
        return self._names.get(entity_id, entity_id)

    def entity(self, entity_id: str | None) -> Entity | None:
        """The actor with this id, or None (indexed once; rebuilt when the entity list changes)."""
        index = getattr(self, "_entity_index", None)
        if index is None or index[0] is not self.entities or index[1] != len(self.entities):
            index = self._entity_index = (self.entities, len(self.entities), {e.id: e for e in self.entities})
        return index[2].get(entity_id) if entity_id else None

    def doc_order(self) -> dict[str, int]:
        """Document id -> its position in ingest order (rebuilt when documents are added)."""
        order = getattr(self, "_order", None)
        if order is None or len(order) != len(self.documents):
            order = self._order = {doc: n for n, doc in enumerate(self.documents)}
        return order

    def frame_of(self, record) -> Frame | None:
        """The attribution frame a quote, figure, statement or event points to, if any."""
        return self._frames.get(getattr(record, "frame", None) or "")

    def text(self, doc: str, start: int, end: int) -> str:
        return self.documents[doc]["text"][start:end]

    def evidence(self, doc: str, start: int, end: int) -> Evidence:
        return Evidence(doc, start, end, self.text(doc, start, end))

    def sentence_span(self, doc: str, offset: int) -> tuple[int, int]:
        """The sentence containing a character offset (the whole text if unknown)."""
        starts = self._starts.get(doc)
        if not starts:
            return 0, len(self.documents[doc]["text"])
        i = max(0, bisect.bisect_right(starts, offset) - 1)
        return self.sentences[doc][i]

    def sentence_evidence(self, doc: str, offset: int) -> Evidence:
        start, end = self.sentence_span(doc, offset)
        return self.evidence(doc, start, end)

    def published(self, doc: str) -> str | None:
        return self.documents[doc].get("published")

    def outlet(self, doc: str) -> str:
        """How a reader names a report: its outlet, else its title, else the file it came from."""
        row = self.documents[doc]
        return row.get("outlet") or row.get("title") or row["source"].replace("\\", "/").rsplit("/", 1)[-1]

    def originals(self) -> list[str]:
        """Ids of documents that are not copies of another, in ingest order."""
        return [d for d, row in self.documents.items() if not row.get("duplicate_of")]
