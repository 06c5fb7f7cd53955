"""Actors across the corpus: mentions grouped into one entity each, with names, aliases and roles."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from storyline.kb.lookup import KnowledgeBase
from storyline.kb.normalize import key, slug
from storyline.models import Mention
from storyline.nlp.actor_spelling import english_spelling, skeleton
from storyline.nlp.actor_vocab import CITY_REGION_NOUNS


@dataclass
class Entity:
    """One actor as the whole corpus knows it."""

    id: str
    name: str
    type: str
    kb_id: str | None = None
    """Wikidata QID when the actor is in the knowledge base."""
    aliases: list[str] = field(default_factory=list)
    """Every surface form it was mentioned by."""
    roles: list[str] = field(default_factory=list)
    """Roles stated for it in the reports."""
    mentions: list[dict] = field(default_factory=list)
    """``{doc, start, end, text}`` for each mention."""
    docs: int = 0
    """How many documents mention it."""


STOP_WORDS = {"of", "and", "the", "for", "de", "la", "del", "on", "in"}


def _name_of(entity_id: str) -> list[str]:
    """The words of a local id's name (a bare surname's id carries its report after "@")."""
    return entity_id.split(":", 2)[2].split("@")[0].split("-")


def _same_person(short: list[str], long: list[str]) -> bool:
    """Spelling variants and shortened forms of one name.

    "edmundo gonzalez" is in "edmundo gonzalez urrutia" (its words in order), and
    "hassan sheikh mohamoud" differs from "hassan sheikh mohamud" by a letter.
    """
    if len(short) >= 2 and short[0] == long[0]:
        it = iter(long)
        if all(word in it for word in short):
            return True
    if len(short) == len(long) >= 2 and short[0][0] == long[0][0]:
        return SequenceMatcher(None, " ".join(short), " ".join(long)).ratio() >= 0.88
    return False


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w and w not in STOP_WORDS)


def _written_with_acronym(mentions: list[Mention]) -> set[str]:
    """Local bodies whose full name holds an acronym of its own ("BNP Paribas", "ABC Mining Group"): their
    initials spell no acronym of the name ("BP" is another company, not "BNP Paribas")."""
    return {m.entity for m in mentions if m.entity and m.entity.startswith("local:organization:")
            and len(m.text.split()) > 1 and any(len(w) > 1 and w.isupper() and w.isalpha() for w in m.text.split())}


def _kind(entity_id: str) -> str:
    return entity_id.split(":")[1]


def _one_name_many_types(counts: Counter) -> dict[str, str]:
    """One name that NER typed differently in different reports ("Donbass" a place here, an
    organisation there) is one actor: a place if any report has it as one, else the commoner type; but
    a name reports give to a person more often than to a place stays the person ("Ana Ruiz of Lima")."""
    by_name: dict[str, list[str]] = defaultdict(list)
    for entity in counts:
        if "@" not in entity:
            by_name[entity.split(":", 2)[2]].append(entity)
    remap = {}
    for ids in by_name.values():
        if len(ids) > 1:
            # A place misread as a body or a person is the common error, not the reverse.
            best = max(ids, key=lambda e: (_kind(e) == "place", counts[e], e))
            person = next((e for e in ids if _kind(e) == "person"), None)
            if person is not None and counts[person] > counts[best]:
                best = person
            remap.update({e: best for e in ids if e != best})
    return remap


def _spelling_variants(places: list[str], counts: Counter) -> dict[str, str]:
    """Transliterations of one place name ("Donbass" and "Donbas", "Kharkov" and "Kharkiv") join the
    most mentioned form."""
    remap: dict[str, str] = {}
    by_initial: dict[str, list[str]] = defaultdict(list)
    for entity in sorted(places, key=lambda e: (-counts[e], e)):
        raw = "".join(_name_of(entity))
        name = english_spelling(raw)  # one spelling for "Awdijwka" and "Avdiivka", "Cherson" and "Kherson"
        if len(name) < 5:
            continue
        # Same consonants and the same last letter: "Pokrovsk" and "Pokrovske" are two towns.
        target = next((c for c in by_initial[name[0]] if skeleton("".join(_name_of(c))) == skeleton(raw)
                       and english_spelling("".join(_name_of(c)))[-1] == name[-1] and len(skeleton(raw)) >= 4), None)
        if target:
            remap[entity] = target
        else:
            by_initial[name[0]].append(entity)
    return remap


def _without_state(words: list[str], states: set[str]) -> list[str]:
    """An organisation's name without the state written before it: "us senate" -> "senate"."""
    for n in (2, 1):
        if len(words) > n and " ".join(words[:n]) in states:
            return words[n:]
    return words


def _named_in_full(mentions: list[Mention]) -> dict[str, str]:
    """A bare surname whose report names one person of that surname in full elsewhere (the report
    was parsed in windows, so the resolver saw the two apart) is that person."""
    full: dict[tuple[str, str], set[str]] = defaultdict(set)
    for m in mentions:
        words = key(m.text).split()
        if m.type == "person" and m.entity and len(words) > 1:
            full[(m.doc, words[-1])].add(m.entity)
    remap = {}
    for m in mentions:
        if m.entity and m.entity.startswith("local:person:") and "@" in m.entity:
            fits = full.get((m.doc, _name_of(m.entity)[-1]), set()) - {m.entity}
            if len(fits) == 1 and len(_name_of(m.entity)) == 1:
                remap[m.entity] = next(iter(fits))
    return remap


SHARED_CONTEXT = 2
"""Other actors a report must share with a full name's reports before its bare surname is taken for that name."""
TITLED_SHARED_CONTEXT = 1
"""The same for a surname written after a courtesy title ("Ms Mensah"): a person's name beyond doubt."""
_COURTESY = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr)\.? \Z")


def titled_surnames(mentions: list[Mention], texts: dict[str, str]) -> set[str]:
    """Report-local bare surnames written after a courtesy title somewhere in their report ("Ms Mensah")."""
    return {m.entity for m in mentions if m.entity and m.entity.startswith("local:person:") and "@" in m.entity
            and _COURTESY.search(texts.get(m.doc, "")[max(0, m.start - 6) : m.start])}


def _named_in_full_elsewhere(mentions: list[Mention], remap: dict[str, str],
                             titled: set[str] = frozenset()) -> dict[str, str]:
    """A bare surname in a report that never gives the full name ("Mensah said" in a follow-up) is the one
    person the other reports name in full with that surname, when no other person of the corpus bears it
    and the report shares at least SHARED_CONTEXT other actors with theirs (TITLED_SHARED_CONTEXT after a
    courtesy title, "Ms Mensah"): a surname and its context, never a surname alone."""
    full: dict[str, set[str]] = defaultdict(set)
    where: dict[str, set[str]] = defaultdict(set)
    others: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if not m.entity:
            continue
        words = key(m.text).split()
        if m.type == "person" and len(words) > 1:
            full[words[-1]].add(m.entity)
            if len(words) > 2 and words[-2] not in STOP_WORDS:
                full[words[-2]].add(m.entity)  # "Carla Quispe Huamán" is "Quispe" too: two family names
            where[m.entity].add(m.doc)
        elif m.type != "person":
            others[m.doc].add(m.entity)
    out = {}
    for m in mentions:
        entity = m.entity
        # a bare surname NER took for a body ("Quispe said in an interview") is a candidate too
        body = entity and entity.startswith("local:organization:") and "@" not in entity \
            and len(m.text.split()) == 1 and m.text[:1].isupper() and not m.text.isupper()
        if not entity or not (entity.startswith("local:person:") and "@" in entity or body) or entity in remap:
            continue
        words = _name_of(entity)
        fits = full.get(words[-1], set()) - {entity}
        if len(words) != 1 or len(fits) != 1:
            continue
        target = next(iter(fits))
        context = set().union(*(others[d] for d in where[target] if d != m.doc))
        if len(others[m.doc] & context) >= (TITLED_SHARED_CONTEXT if entity in titled else SHARED_CONTEXT):
            out[entity] = target
    return out


def merge_local_actors(mentions: list[Mention], states: set[str] = frozenset(),
                       titled: set[str] = frozenset()) -> dict[str, str]:
    """Map document-local actor ids that name the same actor to one id across documents.

    - A surname-only person is local to its report (the resolver links it to a full name the
      same report gives): across reports a surname alone never merges two people; a surname that one
      person alone of the corpus bears in full, in a report sharing other actors with theirs, is that person.
    - Variants of a full name join the longest form (blocked by first initial, so the
      comparisons stay few).
    - An acronym organisation ("IOM") joins the organisation whose initials spell it.
    """
    counts = Counter(m.entity for m in mentions if m.entity and m.entity.startswith("local:"))
    remap: dict[str, str] = {**_named_in_full(mentions), **_one_name_many_types(counts)}
    remap.update(_named_in_full_elsewhere(mentions, remap, titled))
    counts = Counter({e: n for e, n in counts.items() if e not in remap})
    people = sorted((e for e in counts if e.startswith("local:person:")), key=lambda e: (-len(_name_of(e)), e))
    by_initial: dict[str, list[str]] = defaultdict(list)
    for entity in people:
        words = _name_of(entity)
        if len(words) > 1:
            target = next((c for c in by_initial[words[0][0]] if _same_person(words, _name_of(c))), None)
            if target:
                remap[entity] = target
            else:
                by_initial[words[0][0]].append(entity)
    # A bare name that another report shows to be a place ("after crossing Samar" beside "in Samar").
    for entity in people:
        words = _name_of(entity)
        if len(words) == 1 and "@" in entity and f"local:place:{words[0]}" in counts:
            remap[entity] = f"local:place:{words[0]}"
    remap.update(_spelling_variants([e for e in counts if e.startswith("local:place:")], counts))
    orgs = [e for e in counts if e.startswith("local:organization:")]
    spelled = defaultdict(list)
    shortened = _written_with_acronym(mentions)
    for entity in orgs:
        words = _name_of(entity)
        if len(words) >= 2 and entity not in shortened:
            spelled[_initials(words)].append(entity)
    for entity in orgs:
        words = _name_of(entity)
        if len(words) == 1 and len(spelled.get(words[0], ())) == 1:
            remap[entity] = spelled[words[0]][0]
    # "US Senate", "U.S. Senate" and "Senate" are one body when the reports name no other Senate;
    # "House" is the House of Representatives when it is the only House.
    bodies: dict[str, list[str]] = defaultdict(list)
    for entity in orgs:
        if entity not in remap:
            bodies[" ".join(_without_state(_name_of(entity), states))].append(entity)
    heads: dict[str, set[str]] = defaultdict(set)
    for core in bodies:
        words = core.split()
        # "Senate" of "Senate of Poland", "National Bank" of "National Bank of Kazakhstan": the head before "of"
        if "of" in words[1:-1]:
            heads[" ".join(words[: words.index("of", 1)])].add(core)
    for core, ids in list(bodies.items()):
        fits = sorted(heads.get(core, ()), key=len)
        # The shortest full name, when every other one only extends it (NER ran a name on).
        if fits and all(f.startswith(fits[0]) for f in fits):
            bodies[fits[0]].extend(ids)
            del bodies[core]
    for ids in bodies.values():
        if len(ids) > 1:
            best = max(ids, key=lambda e: (len(_name_of(e)), counts[e], e))
            remap.update({e: best for e in ids if e != best})
    return _flatten(remap)


def _flatten(remap: dict[str, str]) -> dict[str, str]:
    """Follow chains (an organisation that is a place, that place another spelling of one) to the end."""
    out = {}
    for entity, target in remap.items():
        seen = {entity}
        while target in remap and target not in seen:
            seen.add(target)
            target = remap[target]
        out[entity] = target
    return out


def _known(kb: KnowledgeBase, entity_id: str):
    try:
        return kb.get(entity_id[3:])
    except KeyError:
        return None


def _into_known_bodies(mentions: list[Mention], remap: dict[str, str], kb: KnowledgeBase,
                       states: set[str]) -> dict[str, str]:
    """A body the reports also name by its generic name ("the Senate", "the House of Representatives"
    beside "the US Senate") is the knowledge-base body, when exactly one named body has that generic name."""
    generic: dict[str, set[str]] = defaultdict(set)
    for entity_id in {m.entity for m in mentions if m.entity and m.entity.startswith("kb:")}:
        known = kb.get(entity_id[3:])
        if known is None or known.type != "organization":
            continue
        for name in known.extra.get("generic", ()):
            words = key(name).split()
            generic[" ".join(words)].add(entity_id)
            if len(words) > 2 and words[1] == "of":
                generic[words[0]].add(entity_id)  # "the House"
    # "the Power Pool" where another report names "the West African Power Pool": the tail of one named body's name.
    tails: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        words = key(m.text).split()
        if m.entity and m.entity.startswith("kb:") and m.type in ("organization", "igo") and len(words) > 2:
            for n in range(2, len(words)):
                tails[" ".join(words[-n:])].add(m.entity)
    for entity_id in {m.entity for m in mentions if m.entity and m.entity.startswith("local:organization:")}:
        fits = tails.get(" ".join(_name_of(entity_id)), set())
        if len(_name_of(entity_id)) > 1 and len(fits) == 1 and remap.get(entity_id, entity_id) == entity_id:
            generic.setdefault(" ".join(_name_of(entity_id)), set()).update(fits)
    if not generic:
        return remap
    # A generic name goes to a state's body only where its reports name that state or no state at all:
    # "the Senate" of a report about Poland is not the US Senate another report named.
    named_states: dict[str, set[str]] = defaultdict(set)
    docs_of: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if m.entity and m.entity.startswith("kb:") and (known := _known(kb, m.entity)) is not None \
                and known.type == "state":
            named_states[m.doc].add(known.id)
        if m.entity:
            docs_of[m.entity].add(m.doc)
    out = dict(remap)
    for entity_id in {m.entity for m in mentions if m.entity and m.entity.startswith("local:organization:")}:
        target = out.get(entity_id, entity_id)
        if not target.startswith("local:organization:"):
            continue
        fits = generic.get(" ".join(_without_state(_name_of(target), states)), set())
        countries = {known.country for f in fits if (known := _known(kb, f)) is not None}
        where = set().union(*(named_states[d] for d in docs_of[entity_id]))
        if len(fits) == 1 and (not where or not (countries - {None}) - where):
            body = next(iter(fits))
            out[entity_id] = body
            out.update({e: body for e, t in out.items() if t == target})
    return out



def _province_name(name: str) -> str:
    """A province named for its city under one name: "Luhansk Oblasts" (written in a list) is "Luhansk Oblast",
    and the bare name of a listed province ("Donetsk" in "Donetsk and Luhansk oblasts") is "Donetsk region"."""
    words = name.split()
    last = words[-1].lower()
    if len(words) > 1 and last.endswith("s") and last[:-1] in CITY_REGION_NOUNS:
        return " ".join([*words[:-1], words[-1][:-1]])
    return name if len(words) > 1 and last in CITY_REGION_NOUNS else f"{name} region"

def build_entities(mentions: list[Mention], kb: KnowledgeBase,
                   texts: dict[str, str] | None = None) -> tuple[list[Entity], dict[str, str]]:
    """Entities from all mentions, and the remapping applied to local ids (old -> merged); ``texts``: each
    report's text by id, where the words before a mention are read."""
    states = {key(form) for e in kb.entities() if e.type == "state"
              for form in (e.name, *e.aliases, *e.extra.get("demonyms", ()))}
    remap = merge_local_actors(mentions, states, titled_surnames(mentions, texts or {}))
    remap = _into_known_bodies(mentions, remap, kb, states)
    groups: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        if m.entity:
            groups[remap.get(m.entity, m.entity)].append(m)
    entities = []
    for entity_id, items in groups.items():
        kb_entity = kb.get(entity_id[3:]) if entity_id.startswith("kb:") else None
        forms = Counter(m.text for m in items)
        if kb_entity is not None:
            name, etype, qid = kb_entity.name, kb_entity.type, kb_entity.qid
        else:
            # The form the id was made from ("Indo-Pacific", not "the Indo-Pacific region"), else the
            # most complete form: the longest of the common forms.
            own = entity_id.split(":", 2)[-1].split("@")[0]
            name = max(forms, key=lambda f: (slug(f) == own, len(key(f).split()), forms[f], len(f)))
            if slug(name) != own and slug(name.rsplit(" ", 1)[0]) == own:
                name = name.rsplit(" ", 1)[0]  # "Asia-Pacific region" known only so: "Asia-Pacific"
            if own.endswith("-region") and entity_id.startswith("local:place:"):
                name = _province_name(name)
            kind = entity_id.split(":")[1] if entity_id.startswith("local:") else None
            etype, qid = kind or items[0].type or "other", None
        roles = sorted({m.role for m in items if m.role})
        entities.append(Entity(
            id=entity_id, name=name, type=etype, kb_id=qid,
            aliases=sorted(forms, key=lambda f: (-forms[f], f)), roles=roles,
            mentions=[{"doc": m.doc, "start": m.start, "end": m.end, "text": m.text} for m in items],
            docs=len({m.doc for m in items}),
        ))
    entities.sort(key=lambda e: (-len(e.mentions), e.name))
    return entities, remap
