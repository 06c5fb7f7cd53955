"""The report's own outlet: a news agency that signs the report ("a Ukrinform correspondent reports",
"BelTA has learned") is its voice, not an actor in the story."""

from __future__ import annotations

from spacy.tokens import Doc

from storyline.models import Mention

REPORTER_NOUNS = {"correspondent", "correspondents", "reporter", "reporters"}
# What an outlet's own correspondent does in the report's voice: "reports", "has learned", "was told".
REPORTING_VERBS = {"reports", "reported", "learned", "learnt", "writes", "wrote", "informs", "informed", "saw",
                   "witnessed", "told"}
LEARNED = {"learned", "learnt"}
DETERMINERS = {"a", "an", "our"}


def own_outlets(doc: Doc, mentions: list[Mention]) -> set[str]:
    """Ids of the bodies the report names as its own outlet: "a|an|our <outlet> correspondent reports"
    or "<outlet> has learned" (a story told by whoever learned it)."""
    own = set()
    for m in mentions:
        if m.type != "organization" or not m.entity:
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or span.end >= len(doc):
            continue
        after = doc[span.end]
        before = doc[span.start - 1] if span.start > 0 else None
        if after.lower_ in REPORTER_NOUNS and before is not None and before.lower_ in DETERMINERS:
            verb = after.head if after.dep_ in ("nsubj", "nsubjpass") else None
            if verb is not None and verb.lower_ in REPORTING_VERBS:
                own.add(m.entity)
        elif span.root.dep_ == "nsubj" and span.root.head.lower_ in LEARNED \
                and span.root.head.i > span.end - 1 and span.root.head.i - span.end <= 1:
            own.add(m.entity)  # "BelTA has learned", "Nortel learned"
    return own
