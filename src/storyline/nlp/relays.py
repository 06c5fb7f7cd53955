"""Who passes on whose words: the relay chain of a report ("Yonhap, citing the spy agency, said", "an outlet
citing an agency citing an official"), and the nouns that name a body of people able to speak. Quote cues,
attribution frames and figure sources all credit the original source through this one walk."""

from __future__ import annotations

from spacy.tokens import Token

from storyline.nlp import coref
from storyline.nlp import figure_words as W
from storyline.nlp import grammar as gr
from storyline.nlp.actor_roles import person_noun
from storyline.nlp.cue_words import ANONYMOUS_NOUNS, PERSON_NOUNS
from storyline.nlp.grammar import first_child, lemma

INSTITUTIONS = frozenset(set().union(*(gr.noun_forms(n) for n in (
    "ministry", "government", "office", "agency", "army", "military", "pentagon", "kremlin", "police", "embassy",
    "administration", "presidency", "council", "committee", "court", "parliament", "spokesperson", "service",
    "command", "bloc", "commission", "authority", "board", "bank", "company", "firm", "union", "regulator",
    "department", "secretariat", "tribunal", "watchdog", "mission", "coalition", "alliance", "party", "campaign",
    "organisation", "organization", "association", "institute", "federation", "cabinet", "junta", "senate",
    "assembly", "congress", "legislature", "bureau", "directorate", "operator", "utility", "insurer", "network",
    "inspectorate", "consulate", "navy", "coastguard", "ombudsman", "prosecutor", "hospital", "university",
    "observatory", "laboratory", "brigade", "battalion", "regiment", "airline", "manufacturer", "retailer", "guard",
    "panel", "jury", "delegation", "team", "staff",
))) | {"spokesman", "spokeswoman", "spokesmen", "spokeswomen"})
# Endings of nouns that name a body of people ("the inspectorate", "the commissariat", "the sultanate").
INSTITUTION_ENDINGS = ("orate", "orates", "ariat", "ariats", "ulate", "ulates", "anate", "anates")
# Participles that pass on someone else's words: "Yonhap, citing the spy agency, said".
RELAY_PARTICIPLES = frozenset({"citing", "quoting"})
RELAY_VERBS = gr.lexicon("cite", "quote")
SPEAKING_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# What a report can cite as the origin of words besides people and bodies: "citing a report by the agency".
SOURCE_DOCUMENTS = frozenset({"report", "reports", "statement", "statements", "document", "documents",
                              "assessment", "assessments", "data"})
# How many hops a chain may have ("an outlet citing an agency citing officials").
MAX_HOPS = 4


def institution(word: str) -> bool:
    """A noun that names a body of people, which can speak: "ministry", "regulator", "inspectorate"."""
    return word in INSTITUTIONS or word.endswith(INSTITUTION_ENDINGS)


def can_speak(tok: Token) -> bool:
    """Whether a cited noun is a source that speaks ("citing the coast guard", "citing officials"), not a
    reason or an example ("citing the release of prisoners", "citing her work")."""
    return (tok.pos_ in ("PROPN", "PRON") or tok.ent_type_ in SPEAKING_ENTITIES or tok.lower_ in ANONYMOUS_NOUNS
            or tok.lower_ in PERSON_NOUNS or person_noun(tok.lower_) or institution(tok.lower_)
            or tok.lower_ in SOURCE_DOCUMENTS)


# Endings of nouns for someone who does something ("analyst", "respondent", "campaigner", "historian"): a
# noun so made may speak, whatever list it is missing from.
AGENT_ENDINGS = ("ist", "ists", "er", "ers", "or", "ors", "ian", "ians", "ant", "ants", "ent", "ents", "ee", "ees",
                 "ive", "ives")
# Nouns for many bodies or records of what they said: "few member nations supported", "according to accounts".
COLLECTIVES = frozenset(set().union(*(gr.noun_forms(n) for n in (
    "nation", "state", "country", "ally", "media", "press", "account", "update", "resolution", "declaration",
    "communique", "letter", "document", "poll", "survey")))) | {"communiqué", "communiqués"}


def speaking_subject(tok: Token, initial: bool = True) -> bool:
    """Whether a cue's subject can be the one who speaks: a name, a pronoun, a person or body, a report; not a
    thing or an abstraction ("that conflict", "the second cold war", "the world", "much of his address").
    ``initial=False`` reads a capital that opens the sentence as no sign of a name ("Outages will continue")."""
    if tok.pos_ != "NOUN" or tok.ent_type_ or tok.is_title and (initial or tok.i != tok.sent.start):
        return True  # (a name the tagger took for a common noun: "Zelenskyy, though, said")
    low = tok.lower_
    return (can_speak(tok) or person_noun(low) or low in coref.OFFICE_NOUNS or low in W.SOURCE_NOUNS
            or low in COLLECTIVES or low.endswith(AGENT_ENDINGS)
            or any(c.dep_ == "poss" or c.ent_type_ in SPEAKING_ENTITIES for c in tok.children
                   if c.dep_ in ("poss", "compound", "amod")))


# Participles for a text someone holds rather than makes: "an audit seen by the newspaper", "a memo obtained by
# Reuters" is the auditor's or the memo writer's, never the outlet's.
HELD_FORMS = frozenset({"seen", "obtained", "reviewed", "viewed", "read", "received", "acquired", "shared", "leaked"})


def issued_by(noun: Token) -> Token | None:
    """Who made a poll, a study or a report: "polling done by Chatham House", "a survey conducted by the
    university", "a report by the agency" -> the body or person after "by", when it can speak."""
    if noun.pos_ != "NOUN" or noun.lower_ in PERSON_NOUNS or noun.lower_ in ANONYMOUS_NOUNS:
        return None  # a thing made, not someone "quoted by" an outlet, which relays them
    preps = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"]
    preps += [a for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN" and lemma(c) not in RELAY_VERBS
              and c.lower_ not in HELD_FORMS for a in c.children if a.dep_ == "agent"]
    for by in preps:
        maker = first_child(by, "pobj")
        if maker is not None and can_speak(maker):
            return maker
    return None


# Records that stand for whoever compiled them: "citing figures from the labour ministry".
CITED_RECORDS = SOURCE_DOCUMENTS | frozenset({"figures", "statistics", "numbers", "estimates", "records", "tallies"})


def cited_source(obj: Token) -> Token | None:
    """Who speaks through what a report cites: a person or body ("citing the coast guard"), or the maker
    of records it cites ("citing figures from the labour ministry", "citing the ministry's data")."""
    if obj.lower_ in CITED_RECORDS:
        maker = issued_by(obj) or first_child(obj, "poss") or next(
            (p for c in obj.children if c.dep_ == "prep" and c.lower_ in ("from", "of")
             for p in c.children if p.dep_ == "pobj" and can_speak(p) and p.lower_ not in CITED_RECORDS), None)
        if maker is not None and can_speak(maker):
            return maker
    return obj if can_speak(obj) else None


def _cited(tok: Token) -> Token | None:
    """Whom a word cites: "Yonhap, citing officials" / "the agency, which cited a source"."""
    for c in tok.children:
        if c.dep_ in {"acl", "advcl", "relcl"} and (c.lower_ in RELAY_PARTICIPLES or lemma(c) in RELAY_VERBS):
            obj = first_child(c, "dobj")
            if obj is not None and (source := cited_source(obj)) is not None:
                return source
    return None


def _closing_citation(clause: Token) -> bool:
    """Whether a clause ends in ", citing X" (its last participle, after a comma)."""
    cite = next((c for c in reversed(list(clause.children)) if c.dep_ == "advcl" and c.lower_ in RELAY_PARTICIPLES), None)
    return (cite is not None and cite.i > 0 and cite.doc[cite.i - 1].text == ","
            and cite.right_edge.i >= clause.right_edge.i)


def relay_chain(speaker: Token | None, verb: Token | None, outer: list[Token]) -> tuple[Token | None, list[Token]]:
    """(the original source, every hop before it) for a frame's speaker.

    "Yonhap, citing the spy agency, which cited officials, reported": officials speak; Yonhap and
    the agency relay. ``outer`` holds speakers already known to relay (an enclosing report)."""
    hops = list(outer)
    if speaker is None:
        return None, hops
    seen = {speaker.i}
    hosts = [verb] if verb is not None else []
    # "Reuters reported that nine bridges collapsed, citing the ministry": a closing "citing" the parse hangs
    # on the reported clause still says whom the reporter cites
    hosts += [c for v in hosts for c in v.children if c.dep_ == "ccomp" and c.i > speaker.i and _closing_citation(c)]
    for host in hosts:
        cited = _cited(host)  # "X said, citing Y"
        if cited is not None and cited.i not in seen:
            hops.append(speaker)
            speaker = cited
            seen.add(cited.i)
    for _ in range(MAX_HOPS):
        cited = _cited(speaker)
        if cited is None or cited.i in seen:
            break
        hops.append(speaker)
        speaker = cited
        seen.add(cited.i)
    return speaker, hops


def cited_origin(verb: Token, speaker: Token | None) -> Token | None:
    """The original source a speaker cites for a cue's words ("Kyodo, citing the coast guard, said"), or None
    when the speaker cites no one."""
    origin, hops = relay_chain(speaker, verb, [])
    return origin if hops else None
