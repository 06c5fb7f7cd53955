"""Names that share words with a neighbour: two known names written with one head ("Donetsk and Luhansk
People's Republics", "North and South Korea"), a government named by its state or its leader ("the Irish
Government", "the Biden administration"), and a site named after a person ("St Michael's Square")."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from storyline.kb.lookup import KBEntity, KnowledgeBase
from storyline.kb.normalize import key
from storyline.models import Mention
from storyline.nlp.pipeline import text_of

# What stands between two names that share their last words: "X and Y <head>", "X, Y and Z <head>".
_JOIN = re.compile(r"\A(?:\s*,)?\s+(?:and|or|&)\s+\Z|\A\s*,\s+\Z")
# "X and Y <head>" inside one mention, where NER took the whole phrase as one name.
_WHOLE = re.compile(r"\A(?P<first>[^\s,]+(?: [^\s,]+)?) (?:and|&) (?P<rest>\S.*)\Z")
SHARED_TYPES = ("group", "organization", "igo", "state", "place")
# Nouns after a name that make it a government's: "the Irish Government", "the Biden administration".
GOVERNMENT_NOUNS = ("government", "administration", "cabinet", "authorities", "regime")
_LEADER_GOVERNMENT = re.compile(r" (?:administration|government|regime)\b")
# Sites named after a person or saint ("St Michael's Square", "Lenin's Mausoleum"): the name is not an actor.
SITE_NOUNS = frozenset(
    "square street avenue road bridge cathedral church basilica chapel monastery abbey mosque temple shrine "
    "park gate hall palace tower hospital college school mausoleum monument memorial".split())


def _singular(words: list[str]) -> list[list[str]]:
    """The head as written and with its last word made singular ("Republics" -> "Republic").

    Not ``nlp.units.singular``: that one keeps words in "-ics" as they are (for "politics", "economics"),
    so "People's Republics" would find no head, and it lower-cases acronyms the knowledge base matches in
    capitals only."""
    last = words[-1]
    forms = [words]
    if last.endswith("ies") and len(last) > 4:
        forms.append([*words[:-1], last[:-3] + "y"])
    elif last.endswith("s") and not last.endswith("ss") and len(last) > 3:
        forms.append([*words[:-1], last[:-1]])
    return forms


def _known(kb: KnowledgeBase, text: str) -> KBEntity | None:
    """The knowledge base's entity of a kind that shares heads, named exactly so (not by a bare surname)."""
    for e in kb.lookup(text):
        if e.type in SHARED_TYPES and key(text) in {key(e.name), *(key(a) for a in e.aliases)}:
            return e
    return None


def _pair(kb: KnowledgeBase, firsts: list[str], second: str) -> tuple[list[KBEntity], KBEntity] | None:
    """``(entities of the firsts, entity of the second)`` when every first name with the second's head,
    and the second itself, are names the knowledge base knows; the head is the second's last words."""
    words = second.split()
    for cut in range(1, len(words)):
        for head in _singular(words[cut:]):
            own = _known(kb, " ".join([*words[:cut], *head]))
            if own is None:
                continue
            others = [_known(kb, " ".join([first, *head])) for first in firsts]
            if all(o is not None and o.type == own.type and o.id != own.id for o in others):
                return others, own  # type: ignore[return-value]
    return None


def _set(mention: Mention, entity: KBEntity) -> None:
    mention.entity, mention.type, mention.label = f"kb:{entity.id}", entity.type, "KB"
    mention.facet = None


def shared_heads(doc: Doc, mentions: list[Mention], kb: KnowledgeBase) -> list[Mention]:
    """"Donetsk and Luhansk People's Republics": each first name takes the head the last one carries, when
    both names so made are in the knowledge base; a phrase NER took whole becomes its two names."""
    out: list[Mention] = []
    for m in mentions:
        whole = _WHOLE.match(m.text) if not (m.entity or "").startswith("kb:") else None
        found = _pair(kb, [whole["first"]], whole["rest"]) if whole else None
        if whole is None or found is None:
            out.append(m)
            continue
        (first,), second = found
        rest = m.start + whole.start("rest")
        a = Mention(m.doc, m.start, m.start + len(whole["first"]), whole["first"], "KB")
        b = Mention(m.doc, rest, m.end, whole["rest"], "KB")
        _set(a, first)
        _set(b, second)
        out.extend((a, b))
    for i, m in enumerate(out):
        if i == 0 or len(m.text.split()) < 2:
            continue
        chain: list[Mention] = []
        j = i
        while j > 0 and _JOIN.match(text_of(doc)[out[j - 1].end : out[j].start]) \
                and len(out[j - 1].text.split()) <= 2 and out[j - 1].text[:1].isupper():
            chain.insert(0, out[j - 1])
            j -= 1
        if not chain:
            continue
        found = _pair(kb, [c.text for c in chain], m.text)
        if found is None:
            continue
        firsts, second = found
        for c, entity in zip(chain, firsts):
            _set(c, entity)
        if not (m.entity or "").startswith("kb:") or m.entity != f"kb:{second.id}":
            _set(m, second)
    return out


def government_of(doc: Doc, mentions: list[Mention], kb: KnowledgeBase) -> None:
    """"The Irish Government", "the Biden Administration", "Kenyan authorities" that NER took as a body of
    their own: the state (its government), found by the state's name or demonym, or by its leader, a known
    person of that state the report names. A known person's name before "administration" or "government"
    ("the Obama administration") is that government too."""
    people = {key(m.text): m.entity for m in mentions if m.type == "person" and (m.entity or "").startswith("kb:")}
    for m in mentions:
        after = _LEADER_GOVERNMENT.match(text_of(doc), m.end)
        if m.type == "person" and (m.entity or "").startswith("kb:") and after:
            known = _entity(kb, m.entity[3:])
            state = _entity(kb, known.country) if known is not None and known.country else None
            if state is not None and state.type == "state":
                m.end = after.end()
                m.text = text_of(doc)[m.start : m.end]
                m.entity, m.type, m.label, m.facet, m.role = f"kb:{state.id}", "state", "METONYM", "government", None
            continue
        if not (m.entity or "").startswith("local:organization:"):
            continue
        words = m.text.split()
        if len(words) < 2 or words[-1].lower() not in GOVERNMENT_NOUNS:
            continue
        owner = " ".join(words[:-1])
        state = kb.demonym(owner) or next((e for e in kb.lookup(owner) if e.type == "state"
                                           and key(owner) in {key(e.name), *(key(a) for a in e.aliases)}), None)
        if state is None:
            person = people.get(key(owner)) or next(
                (entity for name, entity in people.items() if name.split()[-1:] == key(owner).split()), None)
            if person is None:  # "the Biden Administration" in a report that names no Biden: the one known Biden
                known = [e for e in kb.lookup(owner) if e.type == "person"]
                person = f"kb:{known[0].id}" if len(known) == 1 else None
            country = _entity(kb, person[3:]).country if person and _entity(kb, person[3:]) else None
            owner_state = _entity(kb, country) if country else None
            state = owner_state if owner_state is not None and owner_state.type == "state" else None
        if state is not None:
            m.entity, m.type, m.label, m.facet = f"kb:{state.id}", state.type, "METONYM", "government"


def _entity(kb: KnowledgeBase, entity_id: str) -> KBEntity | None:
    try:
        return kb.get(entity_id)
    except KeyError:
        return None


def names_a_site(span: Span) -> bool:
    """A person's or saint's name that opens a site's name: "St Michael('s Square)", "Lenin('s Mausoleum)"."""
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].text not in ("'s", "’s"):
        return False
    noun = doc[span.end + 1]
    return noun.is_title and noun.lower_ in SITE_NOUNS
