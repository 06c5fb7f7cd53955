"""Who speaks in a line of the bottom line: a principal of the story (a head of state or government, a minister, a
state or an international body acting) whose word is the news, or a commentator whose word is a reading of it."""

from __future__ import annotations

import datetime as dt
import re

from storyline.analysis.corpus import Corpus

PRINCIPAL_OFFICE = re.compile(
    r"\b(?:president|prime\s+minister|premier|chancellor|minister|secretary(?:[\s-]+general)?|king|queen|emir|"
    r"sultan|monarch|head\s+of\s+(?:state|government)|taoiseach|spokes(?:man|woman|person))\b", re.IGNORECASE)
"""Offices whose holder speaks for a state or a body ("Prime Minister", "Foreign Secretary", "Kremlin spokesman"):
what they say is the party's own word, a decision or a position, not a reading of events."""
NOT_IN_OFFICE = re.compile(r"\b(?:former|ex|vice|deputy|assistant|candidate|nominee|hopeful|designate|late)\b",
                           re.IGNORECASE)
"""Words of a title that put its holder out of the office, or second to it ("former President", "deputy minister")."""
PRINCIPAL_TYPES = frozenset({"state", "igo"})
"""Actors that are a party themselves ("Moscow says ...", "NATO said ..."): a state or an international body."""
COMMENTATOR_ROLE = re.compile(
    r"\b(?:analysts?|experts?|observers?|commentators?|columnists?|economists?|professors?|lecturers?|scholars?|"
    r"historians?|researchers?|fellows?|academics?|pundits?|strategists?|think[- ]tanks?)\b", re.IGNORECASE)
"""Roles whose trade is reading events ("a senior fellow at ...", "a professor of politics", "a defence analyst")."""


def _titles(corpus: Corpus, actor: str, doc: str) -> list[str]:
    """The roles the reports give the actor, and the offices the knowledge base has them hold on the report's
    date."""
    entity = corpus.entity(actor)
    titles = list(entity.roles) if entity is not None else []
    kb = corpus.kb
    if actor.startswith("kb:") and kb is not None:
        published = corpus.published(doc)
        try:
            on = dt.date.fromisoformat(str(published)[:10]) if published else None
        except ValueError:
            on = None
        if on is not None:
            titles += [t.title or "" for t in kb.offices(actor[3:], on)]
    return titles


def principal(corpus: Corpus, actor: str | None, doc: str) -> bool:
    """The actor is a principal of the story: a state or an international body ("Moscow", "NATO"), or a person
    whose office (a role the reports give them, or one the knowledge base has them hold on the report's date) is
    to speak or decide for one: a head of state or government, a minister, a secretary, a spokesperson. Not one
    who held it before or stands second to it ("former President", "deputy minister")."""
    if not actor:
        return False
    entity = corpus.entity(actor)
    kind = entity.type if entity is not None else (actor.split(":")[1] if actor.count(":") >= 2 else None)
    if kind in PRINCIPAL_TYPES:
        return True
    if kind != "person":
        return False
    titles = _titles(corpus, actor, doc)
    return (any(PRINCIPAL_OFFICE.search(t) and not NOT_IN_OFFICE.search(t) for t in titles)
            and not any(COMMENTATOR_ROLE.search(t) for t in titles))


def commentator(corpus: Corpus, actor: str | None, source_text: str | None, doc: str) -> bool:
    """The source's trade is reading events: named so ("analysts", "a military expert") or given such a role in the
    reports ("Jane Roe, a senior fellow at the institute")."""
    if COMMENTATOR_ROLE.search(source_text or ""):
        return True
    return bool(actor) and any(COMMENTATOR_ROLE.search(t) for t in _titles(corpus, actor, doc))
