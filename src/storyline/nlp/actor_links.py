"""Linking person names: a bare surname to the full name the report gives, or to a knowledge-base
person only when the context fits (office on the report's date, title, country); otherwise a
report-local identity. Also what one report has learnt so far (names, states, acronyms)."""

from __future__ import annotations

import datetime as dt
import re
from difflib import SequenceMatcher

from spacy.tokens import Span

from storyline.kb.lookup import KBEntity, KnowledgeBase
from storyline.kb.normalize import key, slug
from storyline.models import Mention
from storyline.nlp.actor_parts import is_acronym
from storyline.nlp.actor_spelling import SpellingIndex, declined_form, feminine_of, similar_surname
from storyline.nlp.actor_roles import TITLE_MODIFIERS, TITLE_WORDS, role_of

# The endings of an East Slavic patronymic ("Grigoryevich", "Oleksandrivna"); a surname so made is told apart
# by the report writing it alone.
PATRONYMIC = re.compile(r"(?:ovich|evich|ovych|evych|ovna|evna|ivna|ichna)\Z")
# Case endings a Slavic name takes in a translated report ("Timura", "Ivanova", "Kovalenkom", "Wronie"): the
# name of a person the report names in full, declined.
CASE_ENDINGS = {"a", "u", "y", "e", "ie", "om", "em", "owi", "ovi", "ego", "ogo", "iem", "ym"}
PLACE_PREPOSITIONS = {"in", "near", "outside", "inside", "around", "across"}  # not "at": "a professor at Yale"
# A title before a bare surname that a former head of state or government bears ("ex-President Obama").
LEADER_ROLE = re.compile(r"\b(?:president|prime|premier|chancellor|former|leader)\b", re.IGNORECASE)


# States whose people's names are written family name first (Hungary; China, Taiwan, the Koreas, Japan,
# Vietnam, Cambodia, Mongolia), so reports write them in either order.
FAMILY_NAME_FIRST = frozenset({"HUN", "CHN", "TWN", "KOR", "PRK", "JPN", "VNM", "KHM", "MNG"})


class DocState:
    """What resolution has learnt so far in one document."""

    def __init__(self) -> None:
        self.people: dict[str, str] = {}  # surname key -> entity id, for back-references
        self.full: dict[tuple[str, ...], str] = {}  # words of each full person name -> entity id
        self.named: dict[str, set[str]] = {}  # surname key -> KB persons the report names in full
        self.doc_tag = ""  # makes a bare surname's own identity local to its report
        self.when: dt.date | None = None
        self.places: set[str] = set()
        self.things: set[str] = set()
        self.place_tokens: set[int] = set()  # tokens of places and states named so far
        self.body_tokens: set[int] = set()  # tokens of organisations named so far
        self.acronyms: dict[str, str] = {}  # "dia" -> the entity its spelled-out name resolved to
        self.states: list[tuple[int, int, str]] = []  # (token index, sentence start, state id)
        self.countries: set[str] = set()  # every state the report names, or whose bodies it names, anywhere
        self.place_forms: dict[str, str] = {}  # every spelling of the known places the report names -> their id
        self.person_words: set[str] = set()  # one-word names NER tags as persons anywhere in the report
        self.name_words: set[str] = set()  # words of the report's names of two words or more
        self.declines = False  # the report spells names the Polish way and so declines them ("Putina")

    def note(self, span: Span, mention: Mention) -> None:
        if mention.type in ("place", "state"):
            self.place_tokens.update(range(span.start, span.end))
        if mention.type in ("organization", "igo"):
            self.body_tokens.update(range(span.start, span.end))
        if mention.type == "state" and mention.entity and mention.entity.startswith("kb:"):
            self.states.append((span.start, span.sent.start, mention.entity[3:]))
        # "Full Name (ACR)": the acronym means the same thing for the rest of the report; so does a body's
        # acronym written right after its name ("the State Emergency Service DSNS").
        doc = span.doc
        if mention.entity and span.end + 2 < len(doc) and doc[span.end].text == "(":
            acronym = doc[span.end + 1]
            if acronym.is_upper and doc[span.end + 2].text == ")":
                self.acronyms[key(acronym.text)] = mention.entity
        elif mention.type in ("organization", "igo") and mention.entity and span.end < len(doc) \
                and not span[-1].is_upper and is_acronym(doc[span.end]):
            self.acronyms.setdefault(key(doc[span.end].text), mention.entity)

    def states_near(self, span: Span) -> list[str]:
        return [s for i, _, s in reversed(self.states) if span.start - 4 <= i < span.start]

    def states_in_sentence(self, span: Span) -> list[str]:
        return [s for _, sent, s in reversed(self.states) if sent == span.sent.start]

    def state_counts(self) -> list[str]:
        return [s for s, _ in self.state_count_pairs()]

    def state_count_pairs(self) -> list[tuple[str, int]]:
        """The states named so far with how often, most named first."""
        counts: dict[str, int] = {}
        for _, _, s in self.states:
            counts[s] = counts.get(s, 0) + 1
        return sorted(counts.items(), key=lambda item: -item[1])



def declined_in_report(word: str, state: "DocState") -> str | None:
    """The one person named in full in the report of whose given name or surname a word is a case form
    ("Timura" of Timur Ivanov, "Dudy" of Andrzej Duda). A woman's form of a man's surname ("Sidorova") is
    not his, except in a report spelt the Polish way, where it is his name declined ("Putina", "Austina")."""
    found = {e for full, e in state.full.items() for i, w in enumerate(full)
             if declined_form(word, w, CASE_ENDINGS, surname=i == len(full) - 1)
             and (state.declines or not (i == len(full) - 1 and feminine_of(word, w)))}
    return next(iter(found)) if len(found) == 1 else None


class PersonLinking:
    """Person resolution for the actor resolver (which provides ``self.kb``)."""

    kb: KnowledgeBase

    def _person(self, span: Span, start: int, end: int, text: str, label: str,
                candidates: list[KBEntity], state: "DocState") -> Mention | None:
        words = key(text).split()
        if not words:
            return None
        people = state.people
        surname = words[-1]
        persons = [c for c in candidates if c.type == "person"]
        if persons and len(words) == 1 and given_name_before(span, self.kb, persons):
            persons = []  # "Ana Martin" cut to "Martin" by NER: not the office-holder Martin
        if persons and len(words) == 1:
            every = persons
            persons = [p for p in persons if self._surname_fits(span, p, state)]
            if len(persons) > 1:  # a living office-holder of the report's date before a namesake of history
                persons = [p for p in persons if not p.extra.get("by_surname")] or persons
            if len(persons) > 1:
                persons = []  # two office-holders fit a bare surname: the report's own person
            elif not persons and state.when is not None:
                role = role_of(span)
                persons = (self._sole_leader(every, state.when) if role is None else []) or (
                    self._former_leader(every, state) if role is None or LEADER_ROLE.search(role) else [])
        if not persons and len(words) > 1 and not candidates:
            persons = self._spelling_variant(words) or self._misspelt_holder(words, state.when)
            if not persons and (spelt := self.spelling.person(words)) is not None:
                persons = [spelt]  # "Sergei Ławrow", "Dmitry Pieskow": a known person spelt another way
        places = [c for c in candidates if c.type in ("place", "state")]
        if len(words) == 1 and surname in people:
            entity = people[surname]  # "Trudeau" after "Justin Trudeau" in the same report
        elif len(words) == 1 and surname in state.named:
            named = state.named[surname]  # the report names the full person (possibly further on)
            entity = next(iter(named)) if len(named) == 1 else f"local:person:{slug(text)}@{state.doc_tag}"
        elif persons:
            entity = kb_id(persons[0])
        elif places or locative(span):
            # A city tagged as a person: "fighting in Bahri", "Khartoum North".
            if places and places[0].type == "state":
                return Mention("", start, end, text, label, kb_id(places[0]), "state")
            return Mention("", start, end, text, label, f"local:place:{slug(text)}", "place")
        elif (known := self._known_in_report(words, state)) is not None:
            entity = known  # "Thomas-Greenfield", "(President Vladimir) Putin", "Blinkken" for Blinken
        elif len(words) == 1:
            entity = f"local:person:{slug(text)}@{state.doc_tag}"  # a bare name: this report's own person
        else:
            entity = f"local:person:{slug(text)}"
        if len(words) > 1 or surname not in people:
            people.setdefault(surname, entity)
        if len(words) > 1:
            state.full.setdefault(tuple(words), entity)
        return Mention("", start, end, text, "PERSON", entity, "person")

    def _sole_leader(self, persons: list[KBEntity], when: dt.date) -> list[KBEntity]:
        """A head of state or government on the report's date whom no other office-holder shares the
        surname with: reports name such leaders by surname alone ("not provoking Putin")."""
        serving = [p for p in persons if self.kb.offices(p.id, on=when)]
        if len(serving) != 1:
            return []
        kinds = {t.office.split(":")[0] for t in self.kb.offices(serving[0].id, on=when)}
        return serving if kinds & {"head_of_state", "head_of_government"} else []

    def _former_leader(self, persons: list[KBEntity], state: "DocState") -> list[KBEntity]:
        """The one person of the knowledge base bearing a surname, when they were a head of state or
        government before the report's date and the report names their country: reports name a former
        leader by surname alone ("Merkel's policy" in a report about Germany)."""
        if len(persons) != 1 or state.when is None:
            return []
        kinds = {t.office.split(":")[0] for t in self.kb.offices(persons[0].id) if t.start and t.start < state.when}
        countries = state.countries | {s for _, _, s in state.states}
        return persons if kinds & {"head_of_state", "head_of_government"} and persons[0].country in countries else []

    def _known_in_report(self, words: list[str], state: "DocState") -> str | None:
        """The one person of this report a partial name points to: the last words of a full name (a
        double surname), its first name alone, or a misspelt surname."""
        fits = {e for full, e in state.full.items() if len(full) > len(words)
                and (tuple(full[-len(words):]) == tuple(words) or (len(words) == 1 and full[0] == words[0]))}
        if len(fits) == 1:
            return next(iter(fits))
        if len(words) == 2 and not fits and PATRONYMIC.search(words[1]) and words[1] not in state.people \
                and not state.named.get(words[1], set()) - {f"local:person:{slug(' '.join(words))}"} \
                and words[1] not in state.person_words:
            # "Alexander Grigoryevich" after "Alexander Lukashenko": a given name and a patronymic, the polite
            # form of the one person of the report with that given name
            fits = {e for full, e in state.full.items() if len(full) > 1 and full[0] == words[0]}
            return next(iter(fits)) if len(fits) == 1 else None
        if len(words) != 1 or fits:
            return None
        if (inflected := declined_in_report(words[0], state)) is not None:
            return inflected  # "the sanctions that fell on Timura" after "Timur Ivanov"
        surnames = {w: next(iter(n)) for w, n in state.named.items() if len(n) == 1}
        surnames.update(state.people)  # a name already resolved wins over the one guessed before resolving
        found = similar_surname(words[0], surnames)
        if found is None and state.when is not None:
            # A misspelt surname of someone in office on the report's date, of a country the report names
            # anywhere ("Dacic repeated ... Serbia" names the state after the surname).
            countries = state.countries | {s for _, _, s in state.states}
            holders = {w: e for w, (e, country) in self._holders(state.when).items() if country in countries}
            found = similar_surname(words[0], holders)
        return found

    def _holders(self, when: dt.date) -> dict[str, tuple[str, str | None]]:
        """Surname -> (person id, country) of everyone holding an office on a day."""
        cache = self.__dict__.setdefault("_holders_cache", {})
        if when not in cache:
            out: dict[str, tuple[str, str | None]] = {}
            for person in self.kb.entities("person"):
                if self.kb.offices(person.id, on=when):
                    for surname in surnames_of(person):
                        out.setdefault(surname, (kb_id(person), person.country))
            cache[when] = out
        return cache[when]

    def _spelling_variant(self, words: list[str]) -> list[KBEntity]:
        """A known person under another transliteration of the given name: "Alaxandr Lukashenko"
        is Alexander Lukashenko (same surname, given names alike)."""
        out = []
        for person in self.kb.lookup(words[-1]):
            if person.type != "person":
                continue
            for form in (person.name, *person.aliases):
                known = key(form).split()
                if len(known) == len(words) and known[-1] == words[-1] and known[0][0] == words[0][0] \
                        and SequenceMatcher(None, known[0], words[0]).ratio() >= 0.75:
                    out.append(person)
                    break
        return out[:1] if len(out) == 1 else []

    def _misspelt_holder(self, words: list[str], when: dt.date | None) -> list[KBEntity]:
        """Someone in office on the report's date under a misspelt surname and their own given name:
        "Volodymyr Zelanski" is Volodymyr Zelensky."""
        if when is None:
            return []
        found = similar_surname(words[-1], {w: e for w, (e, _) in self._holders(when).items()})
        person = self.kb.get(found.removeprefix("kb:")) if found else None
        if person is None or not any(key(form).split()[0] == words[0] for form in (person.name, *person.aliases)):
            return []
        return [person]

    def _countries(self, spans: list[tuple[Span, str]]) -> set[str]:
        """The states a report names anywhere: by name, demonym, capital, or through a body of theirs."""
        out: set[str] = set()
        for span, _ in spans:
            found = [e for e in (self.kb.demonym(span.text), self.kb.metonym(span.text)) if e is not None]
            found += self.kb.lookup(span.text)[:1]
            for entity in found:
                if entity.type == "state":
                    out.add(entity.id)
                elif entity.type in ("organization", "place") and entity.country:
                    out.add(entity.country)
        return out

    def _other_name_order(self, text: str) -> list[KBEntity]:
        """The known person a two- or three-word name is, written in the other order: "Orbán Viktor" (family
        name first, as Hungarian writes it) or "Jinping Xi" (given name first, as a Western form puts a
        Chinese name). Only people of a state whose names are written family name first."""
        words = text.split()
        if not 2 <= len(words) <= 3 or not all(w[:1].isupper() for w in words):
            return []
        for form in (" ".join(words[1:] + words[:1]), " ".join(words[-1:] + words[:-1])):
            people = [e for e in self.kb.lookup(form) if e.type == "person" and e.country in FAMILY_NAME_FIRST]
            if people:
                return people
        return []

    def _full_names(self, spans: list[tuple[Span, str]]) -> dict[str, set[str]]:
        """Surname -> the persons a report names in full (KB or not), so a bare surname can follow them."""
        named: dict[str, set[str]] = {}
        for span, label in spans:
            words = key(span.text).split()
            if len(words) < 2:
                continue
            found = [e for e in self.kb.lookup(span.text) if e.type == "person"] or self._other_name_order(span.text)
            if found and len(key(found[0].name).split()) > 1:
                person = found[0]
                for word in dict.fromkeys(w for form in (person.name, *person.aliases) for w in key(form).split()):
                    if any(e.id == person.id for e in self.kb.lookup(word)):
                        named.setdefault(word, set()).add(kb_id(person))
            elif label == "PERSON" and not found:
                # A known person spelt another way ("Wołodymyr Zelnski") is that person for the surnames too.
                spelt = self.spelling.person(words)
                who = kb_id(spelt) if spelt is not None else f"local:person:{slug(span.text)}"
                # Either end may be the surname ("Lee Seung-kweun" puts the family name first).
                for word in {words[0], words[-1]}:
                    if word == words[-1] or all(e.type == "person" for e in self.kb.lookup(word)):
                        named.setdefault(word, set()).add(who)
        return named

    def _surname_fits(self, span: Span, person: KBEntity, state: "DocState") -> bool:
        """Whether a bare surname can be this knowledge-base person when the report never names them in
        full: they hold an office on the report's date (or the title before the name is theirs) and
        nothing in the context says otherwise (another role, another country)."""
        if person.extra.get("by_surname"):
            return True  # "compared him to Hitler": a figure of history whom news names by surname alone
        when = state.when
        spells = self.kb.offices(person.id, on=when) if when else self.kb.offices(person.id)
        role = role_of(span)
        if role:
            titles = set(self.kb.find_office(role)) or set(self.kb.find_office(role.split()[-1]))
            if not titles or not titles & {t.office for t in self.kb.offices(person.id)}:
                return False  # "lawmaker Lee", "prisoner Ri": a role this person never held
            return True
        if not spells:
            return False
        if any(self.kb.get(t.of) is not None and self.kb.get(t.of).type == "igo" for t in spells):
            return True  # an international official ("Guterres") is named by surname whatever the country
        # A national office-holder by surname alone only in a report that names their country (or one of
        # its bodies): a "Martin" in a story about another country is that story's own Martin.
        return person.country in state.countries | {s for _, _, s in state.states}


_POSSESSIVE = ("'s ", "’s ", "' ", "’ ")


def bodies_by_generic(kb: KnowledgeBase) -> dict[tuple[str, str], set[str]]:
    """``(state id, generic name key) -> body ids``, built once per knowledge base."""
    cached = getattr(kb, "_bodies_by_generic", None)
    if cached is None:
        cached = {}
        for body in kb.entities("organization"):
            for generic in body.extra.get("generic", ()):
                if body.country:
                    cached.setdefault((body.country, key(generic)), set()).add(f"kb:{body.id}")
        kb._bodies_by_generic = cached
    return cached


def owned_generic_links(text: str, mentions: list[Mention], kb: KnowledgeBase) -> None:
    """A body named by its generic name right after a state's possessive ("Poland's Senate", where NER
    made two names of it) is that state's body, when the state has exactly one body of that generic name;
    head_word_links then gives the report's other bare mentions of the name the same body."""
    ordered = sorted(mentions, key=lambda m: (m.start, m.end))
    index = None
    for before, m in zip(ordered, ordered[1:]):
        if not (m.entity or "").startswith("local:organization:") or not (before.entity or "").startswith("kb:") \
                or text[before.end : m.start] not in _POSSESSIVE:
            continue
        try:
            owner = kb.get(before.entity[3:])
        except KeyError:
            continue
        if owner.type != "state":
            continue
        index = index if index is not None else bodies_by_generic(kb)
        fits = index.get((owner.id, key(m.text)), set())
        if len(fits) == 1:
            m.entity = next(iter(fits))
            m.type = "organization"


def split_name_links(text: str, mentions: list[Mention], kb: KnowledgeBase) -> None:
    """A name NER cut in two at "of" ("Islamic Republic" | "of" | "Iran", "Ministry of Foreign Affairs" |
    "of" | "Ukraine") whose whole is one knowledge-base name: the first part is that entity, and so is
    every other mention of the report that its local id named. So is the head before "of" (two words or
    more) of exactly one known name the report wrote in full ("the Islamic Republic" after "the Islamic
    Republic of Iran")."""
    ordered = sorted(mentions, key=lambda m: (m.start, m.end))
    found: dict[str, str] = {}
    for first, second in zip(ordered, ordered[1:]):
        if not (first.entity or "").startswith("local:") or not (second.entity or "").startswith("kb:") \
                or text[first.end : second.start] != " of ":
            continue
        hits = kb.lookup(text[first.start : second.end])
        if len(hits) == 1 and hits[0].type in ("state", "organization", "igo"):
            found[first.entity] = f"kb:{hits[0].id}"
    # "the Islamic Republic" after "the Islamic Republic of Iran": the head before "of" of one known name
    heads: dict[str, set[str]] = {}
    for m in mentions:
        if (m.entity or "").startswith("kb:") and m.type in ("state", "organization", "igo"):
            words = key(m.text).split()
            if "of" in words[2:]:
                heads.setdefault(" ".join(words[: words.index("of", 2)]), set()).add(m.entity)
    for m in mentions:
        if (m.entity or "").startswith("local:") and m.entity not in found \
                and len(heads.get(key(m.text), ())) == 1:
            found[m.entity] = next(iter(heads[key(m.text)]))
    for m in mentions:
        if m.entity in found:
            m.entity = found[m.entity]
            m.type = kb.get(m.entity[3:]).type


def head_word_links(mentions: list[Mention], kb: KnowledgeBase) -> None:
    """A body named by one word of its full name earlier or later in the report ("the Union" beside
    the European Union, "the House" beside the House of Representatives) is that body, when exactly
    one body of the report fits."""
    # "Peru's Congress" made "Congress" a body of Peru: its other bare mentions in the report are that
    # body too, not another state's body the knowledge base knows by the same word.
    qualified: dict[str, set[str]] = {}
    for m in mentions:
        if (m.entity or "").startswith("local:organization:") and m.entity != f"local:organization:{slug(m.text)}" \
                and "@" not in m.entity:
            qualified.setdefault(key(m.text), set()).add(m.entity)
        elif (m.entity or "").startswith("kb:") and m.type == "organization" \
                and (body := kb.get(m.entity[3:])) is not None \
                and key(m.text) in {key(g) for g in body.extra.get("generic", ())} \
                and key(m.text) not in {key(n) for n in (body.name, *body.aliases)}:
            # "Peru ... its Congress", "Poland's Ministry of Defence": a generic name its context gave an owner
            qualified.setdefault(key(m.text), set()).add(m.entity)
    for m in mentions:
        if m.type == "organization" and len(qualified.get(key(m.text), ())) == 1:
            m.entity = next(iter(qualified[key(m.text)]))
    bodies: dict[str, set[str]] = {}
    generics: dict[str, set[str]] = {}
    for m in mentions:
        if m.type not in ("organization", "igo") or not m.entity:
            continue
        known = None
        names = [m.text]
        if m.entity.startswith("kb:") and (known := kb.get(m.entity[3:])) is not None:
            names.append(known.name)
        for name in names:
            words = key(name).split()
            if len(words) < 2:
                continue
            bodies.setdefault(words[-1], set()).add(m.entity)
            if "of" in words[1:]:  # "the Agency" after "the Main Intelligence Agency of the Defence Ministry"
                bodies.setdefault(words[words.index("of", 1) - 1], set()).add(m.entity)
        if m.entity.startswith("kb:") and known is not None:
            # "the House of Representatives" beside "the US House of Representatives": the state's body.
            for generic in known.extra.get("generic", ()):
                # "the Defence Ministry", "the MoD": a generic name of several words, or an abbreviation
                if " " in generic or sum(c.isupper() for c in generic) >= 2:
                    generics.setdefault(key(generic), set()).add(m.entity)
    for m in mentions:
        if m.entity and m.entity.startswith("local:organization:") and len(generics.get(key(m.text), ())) == 1:
            m.entity = next(iter(generics[key(m.text)]))
            m.type = "organization"
    for m in mentions:
        if m.entity and m.entity.startswith("local:organization:") and len(key(m.text).split()) == 1 \
                and not m.text.isupper() and key(m.text) not in qualified:
            fits = bodies.get(key(m.text), set()) - {m.entity}
            if len(fits) == 1:
                m.entity = next(iter(fits))
                known = kb.get(m.entity[3:]) if m.entity.startswith("kb:") else None
                m.type = known.type if known is not None else m.type
    states = {m.entity[3:] for m in mentions if m.type == "state" and (m.entity or "").startswith("kb:")}
    for m in mentions:
        # "Congress" after "the Ceylon Workers' Congress", in a report that names no United States: the union
        known = kb.get(m.entity[3:]) if (m.entity or "").startswith("kb:") and m.type == "organization" else None
        if known is not None and known.country and known.country not in states and len(key(m.text).split()) == 1:
            local = {e for e in bodies.get(key(m.text), set()) if e.startswith("local:organization:")}
            if len(local) == 1:
                m.entity = next(iter(local))


def locative(span: Span) -> bool:
    """A name right after a locative preposition ("in Bahri", "near Merowe")."""
    return span.start > 0 and span.doc[span.start - 1].lower_ in PLACE_PREPOSITIONS


def surnames_of(person: KBEntity) -> list[str]:
    """A known person's surnames as keys: those the knowledge base sets (a family name written first, as in
    "Lee Jae-myung", is not the last word), else the last word of the name and of each multi-word alias."""
    if "surname" in person.extra:
        return [key(s).split()[-1] for s in person.extra["surname"] if key(s)]
    return [words[-1] for form in (person.name, *person.aliases) if len(words := key(form).split()) > 1]


def kb_id(entity: KBEntity) -> str:
    return f"kb:{entity.id}"


def known_party(entity_id: str) -> bool:
    """An actor the knowledge base knows, not a place it knows: "kb:UKR" is a party to a claim, the
    city in "talks in Kyiv" ("kb:place:kyiv") only where it happened."""
    return entity_id.startswith("kb:") and not entity_id.startswith("kb:place:")


def given_name_before(span: Span, kb: KnowledgeBase, persons: list[KBEntity]) -> bool:
    """A capitalised word NER left out just before a one-word name ("Teacher Ana Martin" tagged
    "Martin"): a given name none of ``persons`` has, so the bare surname is someone else."""
    if span.start == 0 or len(span) != 1:
        return False
    prev = span.doc[span.start - 1]
    if not (prev.is_alpha and prev.is_title and prev.pos_ == "PROPN") or prev.is_sent_start \
            or prev.lower_ in TITLE_WORDS or prev.lower_ in TITLE_MODIFIERS:
        return False
    window = span.doc[max(0, prev.i - 3) : prev.i]
    if any(t.lower_ in TITLE_WORDS for t in window) and any(t.lower_ == "of" for t in window):
        return False  # the end of a title: "US Secretary of State Blinken", "Minister of Defence Reznikov"
    if kb.lookup(prev.text) or kb.demonym(prev.text) is not None:
        return False  # "Irish Martin", "Kremlin Peskov": a known name or adjective, not a given name
    if any(e.type == "person" for e in kb.lookup(f"{prev.text} {span.text}")):
        return False
    given = key(prev.text)
    return not any(given in key(form).split() for p in persons for form in (p.name, *p.aliases))


def short_form_links(mentions: list[Mention]) -> None:
    """A body the report names by the first words of its full name ("Kafue Copper" beside "Kafue Copper
    Resources") is that body, when exactly one body of the report starts with those words."""
    full: dict[str, set[str]] = {}
    for m in mentions:
        if m.type == "organization" and m.entity and not m.text.isupper():
            full.setdefault(key(m.text), set()).add(m.entity)
    for m in mentions:
        words = key(m.text).split()
        if m.type != "organization" or not (m.entity or "").startswith("local:organization:") or len(words) < 2:
            continue
        fits = {e for name, ents in full.items() if name.split()[: len(words)] == words and len(name.split()) > len(words)
                for e in ents}
        if len(fits) == 1:
            m.entity = next(iter(fits))
