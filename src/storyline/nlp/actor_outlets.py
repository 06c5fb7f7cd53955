"""The report's own outlet: a news agency that signs the report ("a Ukrinform correspondent reports",
"BelTA has learned") is its voice, not an actor in the story."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from storyline.kb.lookup import load_kb
from storyline.kb.normalize import key
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


def _squashed(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", key(text))


def outlet_forms(names: tuple[str, ...] | list[str]) -> set[str]:
    """Match forms (letters and digits only) of the names the report's own outlet goes by: a name as written
    ("THE HARBOUR GAZETTE" as "harbourgazette") and a web address by its site's name ("www.harbourgazette.com",
    "news.harbourgazette.co.uk" as "harbourgazette")."""
    forms = set()
    for name in names:
        name = name.strip()
        if re.fullmatch(r"(?:[a-z0-9-]+\.)+[a-z]{2,}", name.lower()):
            labels = name.lower().split(".")
            labels = [x for x in labels[:-1] if x not in ("www", "co", "com", "org", "net", "news", "edition", "m")]
            forms |= {_squashed(x) for x in labels}
        else:
            forms.add(_squashed(name))
    return {f for f in forms if len(f) >= 3}


def _named_as(m: Mention, forms: set[str]) -> bool:
    """The mention names the report's own outlet: a body the knowledge base does not know or knows as an
    outlet (a section label over the headline, "EUROPE" or "NATO", is no outlet), named as written or by the
    knowledge base's names of it."""
    if m.type != "organization" or not m.entity:
        return False
    known = m.entity.startswith("kb:")
    if known and not outlet(m.entity):
        return False
    if _squashed(m.text) in forms:
        return True
    if not known:
        return False
    entity = load_kb().get(m.entity[3:])
    return any(_squashed(n) in forms for n in (entity.name, *entity.aliases))


def own_outlets(doc: Doc, mentions: list[Mention]) -> set[str]:
    """Ids of the bodies the report names as its own outlet: the outlet the report is published by (its
    stated outlet or the masthead over its headline, ``doc._.outlet``: "a farmer told the Harbour Gazette" in
    the Harbour Gazette), "a|an|our <outlet> correspondent reports", "<outlet> has learned" (a story told by
    whoever learned it), "As <outlet> reported earlier", "<outlet> could not independently verify", "<outlet>
    diplomatic correspondent Jane Doe"."""
    own = set()
    forms = outlet_forms(doc._.outlet or ()) if Doc.has_extension("outlet") else set()
    for m in mentions:
        if forms and _named_as(m, forms):
            own.add(m.entity)
            continue
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
