"""Later mentions NER missed: a person's surname written alone after the report named them in full
("President Umaro Sissoco Embalo said ... Embalo told reporters"), found from the report's own full
names, never from a list. A surname two people of the report share stays unresolved."""

from __future__ import annotations

from collections import defaultdict

from spacy.tokens import Doc

from storyline.kb.normalize import key
from storyline.models import Mention
from storyline.nlp.actor_spans import in_body


def repeated_surnames(doc: Doc, mentions: list[Mention], known) -> list[Mention]:
    """Mentions for each later bare surname of a person named in full before it, where no mention
    covers that word yet. ``known`` looks a name up in the knowledge base: a surname that also names a
    place, state or body ("Jordan", "Georgia") is left to the parser."""
    named: dict[str, list[tuple[int, str]]] = defaultdict(list)  # surname -> (end of a full name, its person)
    for m in mentions:
        words = m.text.split()
        if m.type == "person" and m.entity and len(words) >= 2 and words[-1][:1].isupper():
            named[words[-1]].append((m.end, m.entity))
    covered = [(m.start, m.end) for m in mentions]
    found = []
    for tok in doc:
        entities = {entity for end, entity in named.get(tok.text, ()) if end <= tok.idx}
        if len(entities) != 1:
            continue  # nobody named in full before it, or two people of that surname
        start, end = tok.idx, tok.idx + len(tok.text)
        if any(s < end and start < e for s, e in covered):
            continue
        if any(e.type != "person" for e in known(tok.text)) or not in_body(doc[tok.i : tok.i + 1]):
            continue
        after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        before = doc[tok.i - 1] if tok.i > 0 else None
        if any(t is not None and t.is_title and t.pos_ == "PROPN" and key(t.text) != key(tok.text)
               for t in (before, after)):
            continue  # "Embalo Street", "Jane Embalo": part of another name
        entity = next(iter(entities))
        found.append(Mention("", start, end, tok.text, "PERSON", entity, "person"))
        covered.append((start, end))
    return found
