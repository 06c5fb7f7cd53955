"""A known body's name with its words in another order, as translations write it: "the National Security
Council and Defense of Freedonia" (or "... and the defense of Freedonia") for the knowledge base's "National
Security and Defense Council of Freedonia". The same content words, every one of them and no other, name the
body; NER often took only the opening words ("the National Security Council"), so the name is read on to where
the words agree."""

from __future__ import annotations

from spacy.tokens import Span

from storyline.kb.lookup import KBEntity, KnowledgeBase

FUNCTION_WORDS = {"the", "of", "and", "for", "on", "in", "&"}
MIN_WORDS = 4
"""Content words a name needs before its words, in any order, stand for it alone."""
MAX_MORE = 6
"""Tokens a name may be read on past NER's end."""


def _bag(words) -> frozenset[str] | None:
    content = [w.lower() for w in words if w.lower() not in FUNCTION_WORDS]
    if any(not w.isalpha() for w in content) or len(set(content)) != len(content):
        return None
    return frozenset(content)


class WordOrderIndex:
    """The knowledge base's bodies by the set of content words of each name (one body per set)."""

    def __init__(self, kb: KnowledgeBase) -> None:
        index: dict[frozenset[str], KBEntity | None] = {}
        for entity in kb.entities():
            if entity.type not in ("organization", "igo", "group"):
                continue
            for name in (entity.name, *entity.aliases):
                bag = _bag(name.replace("-", " ").split())
                if bag is None or len(bag) < MIN_WORDS:
                    continue
                index[bag] = entity if index.get(bag, entity) is entity else None
        self.index = {bag: e for bag, e in index.items() if e is not None}

    def body(self, span: Span) -> tuple[Span, KBEntity] | None:
        """The span read on to the end of a known body's name in another word order, and the body; None when
        its words, read on over up to ``MAX_MORE`` tokens of its sentence, name no body."""
        if not self.index or not span[0].is_title:
            return None
        doc = span.doc
        stop = min(len(doc), span.end + MAX_MORE, span.sent.end)
        for end in range(stop, span.end - 1, -1):
            tail = doc[span.end : end]
            if any(not (t.is_alpha or t.text == "-") for t in tail) or (len(tail) and tail[-1].lower_ in FUNCTION_WORDS):
                continue
            bag = _bag([t.text for t in doc[span.start : end] if t.text != "-"])
            if bag is not None and len(bag) >= MIN_WORDS and bag in self.index:
                return doc[span.start : end], self.index[bag]
        return None
