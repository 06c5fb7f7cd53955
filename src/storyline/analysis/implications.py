"""Implications the reports draw for a region or actor: Europe, the United States, the Indo-Pacific..."""

from __future__ import annotations

import re
from collections import defaultdict

from storyline.analysis.corpus import Corpus
from storyline.models import Implication, Mention, Statement

from storyline.analysis.options import WORD, _mentions_by_doc, _ordered_statements, _unique, source_ref

IMPLICATION_KINDS = {"prediction", "opinion", "recommendation"}
TARGET_TYPES = {"state", "igo", "place"}
FOR_TARGET = re.compile(
    r"(?:^|[.;:!?]\s*|\b(?:implications?|consequences?|repercussions?|impact|effects?|challenges?|opportunit\w+|"
    r"risks?|dangers?|threats?|stakes|lessons?|questions?|concerns?|news|security|stability)\s+)"
    r"(?:for|on|to)\s+(?:both\s+)?(?:the\s+)?(?:(?:overall|wider|broader|regional|global|long-term)\s+)?"
    r"(?:security\s+of\s+(?:the\s+)?)?$", re.I)
CHAIN = re.compile(r"^\s*(?:,|and|,\s*and|&)\s*(?:the\s+)?$", re.I)
LEAD_IN = re.compile(r"^\W*(?:(?:but|however|meanwhile|similarly|thus|therefore|instead|ultimately|moreover|"
                     r"in response|in turn|for its part|as a result|in the end)\W+)*(?:the\s+)?$", re.I)
SUBJECT_VERB = re.compile(r"^(?:,[^,]{0,40},)?(?:\s++(?:\w++\s++){0,2}?)?(?:may|might|must|should|could|would|"
                          r"will|needs? to|has to|have to|is likely to|is expected to|faces?|cannot|can|risks?|"
                          r"stands to|is being|is under)\b", re.I)




def statement_targets(
    corpus: Corpus, statement: Statement, mentions: list[Mention], types: dict[str, str]
) -> list[str]:
    """States, IGOs and regions a statement draws a consequence for ("For Canada, ...", "Europe must ...")."""
    text = statement.text
    # Named actors only: "for both Ukrainian and Russian forces" is about troops, not states.
    inside = [m for m in mentions if statement.start <= m.start and m.end <= statement.end and m.entity
              and m.label != "DEMONYM" and types.get(m.entity, m.type) in TARGET_TYPES]
    targets: list[str] = []
    previous: Mention | None = None
    for n, m in enumerate(inside):
        rel_start = m.start - statement.start
        before = text[:rel_start]
        chained = (previous is not None and previous.entity in targets
                   and CHAIN.match(text[previous.end - statement.start : rel_start]))
        subject = n == 0 and LEAD_IN.match(before) and SUBJECT_VERB.match(text[m.end - statement.start:])
        if FOR_TARGET.search(before) or chained or subject:
            targets.append(m.entity)
        previous = m
    if statement.kind == "recommendation" and statement.addressed and types.get(statement.addressed) in TARGET_TYPES:
        targets.append(statement.addressed)
    return _unique(targets)


def find_implications(corpus: Corpus) -> list[Implication]:
    """Consequences the reports draw for each state, IGO or region, with their evidence."""
    types = {e.id: e.type for e in corpus.entities}
    by_doc = _mentions_by_doc(corpus)
    for m in corpus.mentions:
        if m.entity and m.type:
            types.setdefault(m.entity, m.type)
    found: dict[str, list[Statement]] = defaultdict(list)
    for s in _ordered_statements(corpus):
        if s.kind in IMPLICATION_KINDS:
            for target in statement_targets(corpus, s, by_doc[s.doc], types):
                found[target].append(s)
    rank = {"prediction": 0, "recommendation": 1, "opinion": 2}
    out = []
    for target, statements in found.items():
        name = corpus.name(target) or target
        # Regions outside the knowledge base are named, not numbered: "Europe", not "local:place:europe".
        target_ref = name if target.startswith("local:") and types.get(target) == "place" else target
        best = min(statements, key=lambda s: rank.get(s.kind, 3))
        # The sentence shown comes first: a reader opening the line sees that sentence cited.
        ordered = [best] + [s for s in statements if s is not best]
        evidence = [corpus.evidence(s.doc, s.start, s.end) for s in ordered]
        out.append(Implication(target=target_ref, target_name=name, text=best.text,
                               docs=_unique(s.doc for s in statements), evidence=evidence))
    out.sort(key=lambda i: (-len(i.docs), -len(i.evidence), i.target_name))
    return out
