"""A builder of hand-written reports with extracted records placed on fragments of their text."""

from __future__ import annotations

from storyline.analysis.corpus import Corpus
from storyline.analysis.entities import Entity


class StoryBuilder:
    """Reports made of sentences; records are added by subclasses or by tests through ``records``."""

    ENTITIES: list[Entity] = []
    KINDS = ("statements", "events", "figures", "mentions", "times")

    def __init__(self) -> None:
        self.documents: dict[str, dict] = {}
        self.sentences: dict[str, list[tuple[int, int]]] = {}
        self.records: dict[str, list] = {kind: [] for kind in self.KINDS}

    def report(self, doc: str, *sentences: str, published: str | None = None) -> None:
        text, spans = "", []
        for sentence in sentences:
            start = len(text) + (1 if text else 0)
            text = f"{text} {sentence}" if text else sentence
            spans.append((start, len(text)))
        self.documents[doc] = {"id": doc, "text": text, "published": published, "outlet": f"Outlet {doc.upper()}",
                               "source": f"{doc}.txt"}
        self.sentences[doc] = spans

    def at(self, doc: str, fragment: str) -> tuple[int, int]:
        start = self.documents[doc]["text"].index(fragment)
        return start, start + len(fragment)

    def corpus(self, kb=None) -> Corpus:
        return Corpus(documents=self.documents, sentences=self.sentences, entities=self.ENTITIES, kb=kb,
                      **{k: list(v) for k, v in self.records.items()})
