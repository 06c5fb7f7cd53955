"""The report's own outlet: a news agency that signs the report ("a Ukrinform correspondent reports",
"BelTA has learned") is its voice, not an actor in the story."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from storyline.kb.lookup import load_kb
from storyline.models import Mention
from storyline.nlp.pipeline import text_of

REPORTER_NOUNS = {"correspondent", "correspondents", "reporter", "reporters"}
# What an outlet's own correspondent does in the report's voice: "reports", "has learned", "was told".
REPORTING_VERBS = {"reports", "reported", "learned", "learnt", "writes", "wrote", "informs", "informed", "saw",
                   "witnessed", "told"}
LEARNED = {"learned", "learnt"}
DETERMINERS = {"a", "an", "our"}
# The outlet pointing back to its own reporting or saying what it did to check a story: "As Ukrinform
# reported earlier", "as was earlier reported by the Kyiv Post", "CNN was able to geolocate", "CNN could not verify",
# "CNN has reached out to the ministry".
_EARLIER_BEFORE = re.compile(r"(?i)(?:\A|\W)as (?:was |has been |had been |it was )?(?:(?:previously|earlier|already) "
                             r"reported by|reported (?:previously|earlier) by)(?: the)? \Z")
# The outlet's own pointer to more of its reporting: "You can read more latest information on Gazeta.pl".
_READ_MORE_BEFORE = re.compile(r"(?i)\b(?:read|find|follow|watch)\b[^.\n]{0,40}\b(?:on|at)(?: the)? \Z")
_EARLIER_AFTER = re.compile(r"(?i)\A (?:has |had )?(?:previously |earlier )?reported (?:earlier|previously|before)\b")
_AS_BEFORE = re.compile(r"(?i)(?:\A|\W)as(?: the)? \Z")
_CHECKED_AFTER = re.compile(
    r"(?i)\A (?:(?:was|were|has been|have been) (?:not |un)?able to|could not|couldn't|cannot|can't|could|has|have|had)"
    r" (?:not )?(?:independently )?(?:verify|verified|confirm|confirmed|geolocate|geolocated|reached out|contacted"
    r"|reach out|contact)\b")

# The outlet's own staff named before their name, as a report presents its own journalist: "BBC diplomatic
# correspondent James Landale says", "CNN Moscow bureau chief Jill Dougherty".
_STAFF_AFTER = re.compile(r"\A(?:['’]s)? (?:[A-Za-z]+ ){0,2}(?:correspondent|editor|reporter|bureau chief) [A-Z][a-z]")

OUTLET_KINDS = {"media", "news_agency"}


def outlet(entity: str) -> bool:
    """A body the knowledge base knows as a broadcaster, paper or news agency."""
    if not entity.startswith("kb:"):
        return False
    try:
        return load_kb().get(entity[3:]).extra.get("kind") in OUTLET_KINDS
    except KeyError:
        return False


def own_outlets(doc: Doc, mentions: list[Mention]) -> set[str]:
    """Ids of the bodies the report names as its own outlet: "a|an|our <outlet> correspondent reports",
    "<outlet> has learned" (a story told by whoever learned it), "As <outlet> reported earlier", "<outlet>
    could not independently verify", "<outlet> diplomatic correspondent Jane Doe"."""
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
        elif outlet(m.entity):
            before_text = text_of(doc)[max(0, m.start - 40) : m.start]
            after_text = text_of(doc)[m.end : m.end + 60]
            if _EARLIER_BEFORE.search(before_text) or _STAFF_AFTER.match(after_text) or _READ_MORE_BEFORE.search(before_text) \
                    or _CHECKED_AFTER.match(after_text) or (
                    _AS_BEFORE.search(before_text) and _EARLIER_AFTER.match(after_text)):
                own.add(m.entity)
    return own
