"""Resolving one candidate actor span to a mention: KB lookup, facets and places, local ids, disambiguation."""

from __future__ import annotations

import re

from spacy.tokens import Span

from storyline.kb.lookup import KBEntity
from storyline.kb.normalize import key, slug
from storyline.kb.towns import is_town
from storyline.models import Mention
from storyline.nlp import actor_context as context
from storyline.nlp import actor_cues as cues
from storyline.nlp.actor_links import DocState, PersonLinking, bodies_by_generic, declined_in_report
from storyline.nlp.actor_links import kb_id as _kb_id
from storyline.nlp.actor_links import locative as _locative
from storyline.nlp.actor_parts import common_word_name, document_name, is_acronym, listed_as_bodies, model_designation
from storyline.nlp.actor_roles import TITLE_MODIFIERS, TITLE_WORDS, person_noun, titled_person
from storyline.nlp.actor_spans import BODY_HEADS, HONORIFICS, is_honorific, surface
from storyline.nlp.actor_spelling import similar_place
from storyline.nlp.pipeline import text_of
from storyline.nlp.actor_vocab import (  # noqa: F401  (re-exported)
    HOLIDAYS, FACETS, GENERIC_PLACE_NOUNS, ADMIN_NOUNS, CITY_REGION_NOUNS, FEATURE_NOUNS, PLACE_NOUNS, STORM_WORDS,
    LOCATIVE, TYPE_OF_LABEL, TRANSPORT_WORDS,
)

# Possessive pronouns: "his Address", "their Coalition" name a thing of theirs, not a body.
POSSESSIVE_PRONOUNS = {"his", "her", "their", "our", "my", "your"}
# A state's mission abroad, named by its state ("the Permanent Mission of Australia to the United Nations",
# "the Embassy of Ukraine in Warsaw"): the state speaks through it.
_MISSION = re.compile(r"\A(?:Permanent |Diplomatic )?(?:Mission|Embassy|Consulate|Consulate General|Delegation) of "
                      r"(?:the )?(?P<owner>[A-Z][\w.'’ -]{1,60}?)(?: (?:to|in|at) [\w.'’ -]{1,80})?\Z")
# A state's embassy or mission named with the state before it ("the U.S. Embassy in Moscow", "the Kenyan
# Mission").
_STATE_MISSION = re.compile(r"\A(?P<owner>[A-Z][\w.'’ -]{1,40}?) (?:Embassy|Consulate|Mission|Consulate General)"
                            r"(?: (?:in|to|at) [\w.'’ -]{1,60})?\Z")
# Nouns for a state that a people's adjective qualifies ("a former Soviet republic").
_STATE_NOUNS = {"state", "states", "republic", "republics", "country", "countries", "nation", "nations"}
# Common nouns that describe a body after its name ("the Interfax news agency", "the Kyodo wire service").
_BODY_NOUN_TAILS = {"news", "agency", "wire", "service", "newspaper", "daily", "broadcaster", "channel",
                    "network", "group", "company", "firm", "bank"}
# Plural adjectives that name a group of states ("the Baltics", "the Nordics") or the peoples of a continent
# ("Africans", "Europeans"): a collective, not one actor.
COLLECTIVE_PLURALS = {"baltics", "nordics", "africans", "europeans", "asians", "westerners"}
# The planet and its neighbours tagged as locations ("the greatest country on Earth"): no actor and no place
# where news happens.
CELESTIAL = {"earth", "moon", "mars"}

HOLDER_WINDOW = 6
"""Words of an office read between a body's generic name and the name of the person holding it."""

COMPATIBLE = {
    "PERSON": {"person", "state", "place"},  # a capital mistagged as a person resolves to its state
    "ORG": {"igo", "organization", "group", "state"},
    "GPE": {"state", "place", "igo"},
    "LOC": {"place", "state", "igo"},
    "FAC": {"place", "organization", "state", "igo"},
    "NORP": {"state", "group", "igo"},
    "PRODUCT": {"place", "state", "organization", "igo"},
    "KB": {"person", "state", "place", "igo", "organization", "group"},
}



def _region_noun(token) -> bool:
    """A noun of a province named for a city, singular or plural ("region", "Oblasts")."""
    word = token.lower_
    return word in CITY_REGION_NOUNS or (word.endswith("s") and word[:-1] in CITY_REGION_NOUNS)


def _listed_before_regions(span: Span) -> bool:
    """The name is listed before another that a plural province noun follows ("Donetsk and Luhansk oblasts",
    "the Kharkiv, Sumy and Chernihiv regions"): each name is a province."""
    doc = span.doc
    i = span.end
    while i + 1 < len(doc) and (doc[i].text == "," or doc[i].lower_ in ("and", "or")):
        j = i + 1
        while j < len(doc) and j - i <= 3 and doc[j].is_title and not _region_noun(doc[j]):
            j += 1
        if j == i + 1 or j >= len(doc):
            return False
        if _region_noun(doc[j]) and doc[j].lower_.endswith("s"):
            return True
        i = j
    return False

class SpanResolution(PersonLinking):
    """Turns one candidate span into a Mention; the resolver supplies the knowledge base and matchers."""

    def _body_of_main_state(self, text: str, state: "DocState") -> list:
        """A body named by a generic name every state may have ("the Foreign Intelligence Service"), in a
        report that names one state clearly more than any other: that state's body, when it has one so named."""
        counts = state.state_count_pairs()
        if not counts or (len(counts) > 1 and counts[0][1] < 2 * counts[1][1]):
            return []
        owner = self.kb.get(counts[0][0])
        if owner is None:
            return []
        bodies = [e for e in self.kb.lookup(f"{owner.name} {text}") if e.type == "organization" and e.country == owner.id]
        return bodies[:1]

    def _body_of_holders_state(self, span: Span, text: str) -> list:
        """A body named by a generic name, with one of its office-holders right after it ("National Security
        Council Coordinator for Strategic Communications John Kirby", "the Defence Ministry spokesman Ivo
        Marin"): the body of that name of the state the knowledge base gives the person."""
        doc = span.doc
        i = span.end
        while i < len(doc) and i - span.end < HOLDER_WINDOW and doc[i].ent_type_ != "PERSON" and (
                doc[i].is_title or doc[i].lower_ in ("for", "of", "on", "to") or doc[i].lower_ in TITLE_WORDS):
            i += 1
        if i >= len(doc) or doc[i].ent_type_ != "PERSON" or doc[i].ent_iob_ != "B":
            return []
        person = doc[i : next((j for j in range(i + 1, len(doc)) if doc[j].ent_iob_ != "I"), len(doc))]
        countries = {e.country for e in self.kb.lookup(person.text) if e.type == "person" and e.country}
        if len(countries) != 1:
            return []
        owners = bodies_by_generic(self.kb).get((next(iter(countries)), key(text)), set())
        return [self.kb.get(next(iter(owners))[3:])] if len(owners) == 1 else []

    def _body_of_only_state(self, text: str, state: "DocState") -> list:
        """A body named by a generic name ("the Senate") that the knowledge base knows for several states,
        when exactly one of the states the report names anywhere has it, or one of them is named at least
        twice as often as each other: that body. A name the knowledge base knows for one state only ("the
        Treasury") says too little: other states' bodies so named are missing."""
        index = bodies_by_generic(self.kb)
        if sum(1 for country, name in index if name == key(text)) < 2:
            return []
        owners = {country: index[(country, key(text))] for country in state.countries if (country, key(text)) in index}
        if len(owners) > 1:
            # Several of the report's states have one: the one it names at least twice as often as any other of them.
            counts = dict(state.state_count_pairs())
            ranked = sorted(owners, key=lambda c: (-counts.get(c, 0), c))
            if counts.get(ranked[0], 0) < 2 * max(1, counts.get(ranked[1], 0)):
                return []
            owners = {ranked[0]: owners[ranked[0]]}
        bodies = set().union(*owners.values())
        return [self.kb.get(next(iter(bodies))[3:])] if len(bodies) == 1 else []

    def _resolve_one(self, span: Span, label: str, state: "DocState") -> Mention | None:
        start, end, text = surface(span)
        doc = span.doc
        after = doc[span.end] if span.end < len(doc) else None
        before = doc[span.start - 1] if span.start > 0 else None
        if span[0].lower_ in STORM_WORDS or (before is not None and before.lower_ in STORM_WORDS):
            return None  # "Typhoon Haiyan" is a weather event, not an actor or a place
        if span[0].lower_ in HOLIDAYS and not self.kb.lookup(text):
            return None  # "the Easter message": a feast, not an actor
        known = self.kb.lookup(text)
        if not known and len(span) == 1 and span[0].lower_.rstrip(".") in HONORIFICS:
            return None  # "Pres. Obama", "Gov. Ana Ruiz": a title cut from its name, whatever NER called it
        if known and known[0].extra.get("platform") and (_posted_on(span) or context.modifies_common_noun(span)):
            return None  # "wrote on Telegram", "in an Instagram post": where words were posted, not who acted
        if not known and label in ("ORG", "PERSON", "PRODUCT") and (
                context.acronym_of_office(span) or (len(span) == 1 and text.endswith("s") and person_noun(text))):
            state.things.add(key(text))
            return None  # "(SPEDR)" after the office it abbreviates; "Farmers wrote ...": a plural common noun
        if not known and (mission := _MISSION.match(text)) is not None:
            owner = [e for e in self.kb.lookup(mission["owner"]) if e.type in ("state", "igo")]
            if owner:  # "the Permanent Mission of Australia to the United Nations": an embassy speaks for its state
                return Mention("", start, start + len(text), text, label, _kb_id(owner[0]), owner[0].type)
        if not known and label == "LOC" and key(text) in CELESTIAL:
            return None
        if not known and len(span) == 1 and key(text) in COLLECTIVE_PLURALS:
            return None  # "the Baltics", "the Nordics": a collective of states, not one actor or a place
        if not known and after is not None and after.lower_ in ("states", "countries", "nations", "republics") \
                and span.root.head.i == after.i and self.kb.demonym(text) is None:
            return None  # "the Baltic states", "the Gulf countries" written with a small letter: a collective
        if not known and label in ("ORG", "FAC", "GPE") and (owned := _STATE_MISSION.match(text)) is not None:
            owner = self.kb.demonym(owned["owner"]) or next(
                (e for e in self.kb.lookup(owned["owner"]) if e.type == "state"), None)
            if owner is not None:  # "the U.S. Embassy in Moscow warned": an embassy speaks for its state
                return Mention("", start, end, text, label, _kb_id(owner), owner.type)
        if not known and len(span) > 1 and span[-1].is_lower and (span[0].is_title or span[0].is_upper):
            core = span[: max(i for i, t in enumerate(span) if not t.is_lower) + 1]
            named = [e for e in self.kb.lookup(core.text) if e.type in ("organization", "igo")]
            if named and all(t.lower_ in _BODY_NOUN_TAILS for t in span[len(core):]):
                return Mention("", start, start + len(core.text), core.text, label, _kb_id(named[0]), named[0].type)
                # "Russia's Interfax news agency", "the AFP news agency": the agency the knowledge base knows,
                # without its description
        if (label in ("GPE", "LOC", "FAC") or known or (label == "ORG" and len(span) == 1)) \
                and context.names_an_agreement(span) and not any(
                e.type in ("state", "igo", "organization", "group", "person") for e in known):
            return None  # "the Minsk agreements", "the Normandy format": a place that names a thing (a state
            # so placed is a party: "a US-Ukraine security agreement")
        bound = state.acronyms.get(key(text)) if text.isupper() else None
        if bound and not bound.startswith("kb:"):
            return Mention("", start, end, text, label, bound, bound.split(":")[1])
        found = self.kb.lookup(text)
        if not found and label in ("PERSON", "ORG", "GPE"):
            found = self._other_name_order(text)  # "Orbán Viktor", "Jinping Xi": the known person
        if found and len(span) == 1 and not text.isascii() and all(e.type == "state" for e in found) \
                and not any(text.lower() == form.lower() for e in found
                            for form in (e.name, *e.aliases, *e.extra.get("demonyms", ()))):
            found = []  # "Jordán answered": a name with an accent no spelling of the state carries
            if label in ("GPE", "LOC") and context.speaks(span):
                label = "PERSON"
        if not found and len(span) == 1 and label in ("GPE", "LOC", "ORG") and span[0].is_title \
                and (person := declined_in_report(key(text), state)) is not None:
            return Mention("", start, end, text, "PERSON", person, "person")  # "the words of Putina" after
            # "Vladimir Putin" in a report spelt the Polish way, tagged as a place
        if (region := self._region_of_city(span)) is not None:
            return region  # "the Kharkiv region", "Kursk oblast": the province, not the city it is named for
        if not found and label == "ORG" and (len(span) >= 2 or (len(span) == 1 and span[0].is_title and text.isalpha())) \
                and all(t.is_title or t.is_stop for t in span):
            # "Head of the Foreign Intelligence Service" in a Ukrainian report; "the Senate" in an American one
            found = self._body_of_holders_state(span, text) or self._body_of_main_state(text, state) \
                or self._body_of_only_state(text, state)
        if found and label in ("PERSON", "ORG", "NORP", "PRODUCT") and all(
                e.type == "place" and not e.extra.get("metonym_for") for e in found):
            return Mention("", start, end, text, label, _kb_id(found[0]), "place")  # "Crimea" tagged as a body
        if not found and label in ("PERSON", "ORG") and (is_honorific(text) or key(text) in TITLE_WORDS
                                                         or context.lone_opening_word(span) or common_word_name(span)
                                                         or context.common_word_opening(span)):
            return None  # "Advisor (to the President)", "Turnout was 71%": a title or a common word
        if not found and len(span) == 1 and self._stance_word(text):
            return None  # "the Proputin faction": "pro-Putin" run together by a translation, not a name
        if not found and label in ("ORG", "PERSON", "GPE") and context.shares_plural_head(span):
            return None  # "the Senate Appropriations, Commerce and Banking Committees": fragments of names
        if not found and label == "ORG" and (body := context.body_before_office(span)) is not None:
            return self._resolve_one(body, label, state)  # "National Security Council (Coordinator for ...)"
        if not found and label in ("PERSON", "ORG") and (context.title_phrase(span) or context.title_before_name(span)):
            if span.end + 2 < len(doc) and doc[span.end].text == "(" and doc[span.end + 2].text == ")":
                state.things.add(key(doc[span.end + 1].text))  # "(SPEC)" after the office it abbreviates
            return None  # "Commander of the Land Forces", "National Security Advisor": an office, not an actor
        if not found and label in ("PERSON", "ORG", "PRODUCT") and context.thing_name(span):
            state.things.add(key(text))
            return None  # "Bradley Infantry Fighting Vehicles": a weapon, not an actor
        if not found and context.conduit_name(span):
            state.things.add(key(text))
            return None  # "the Kakhovka dam", "the Nord Stream 2 pipeline": infrastructure, not an actor
        if not found and label in ("PERSON", "ORG", "PRODUCT") and context.site_name(span):
            state.places.add(f"local:place:{slug(text)}")  # "Hostomel Airfield"
            return Mention("", start, end, text, label, f"local:place:{slug(text)}", "place")
        if not found and label == "PERSON" and context.media_name(span):
            label = "ORG"  # "Diario La Nacion, the largest newspaper": a publication
        if not found and label in ("PERSON", "GPE", "LOC", "FAC", "PRODUCT") and cues.publication_before_noun(span, label):
            label = "ORG"  # "told La República newspaper"
        if found and label == "PERSON" and not any(e.type == "person" for e in found) \
                and found[0].type in ("organization", "igo", "group"):
            label = "ORG"  # "the Quad", "Twitter" tagged as a person: the knowledge base knows the body
        if not found and label in ("GPE", "LOC", "FAC") and len(span) <= 3 \
                and all(t.is_title and t.is_alpha for t in span) and not is_town(text) \
                and ((len(span) > 1 and self.spelling.given_name(span[0].text)) or context.person_shaped(span)):
            label = "PERSON"  # "Svetlana Iwanowa was seen", "- believes Magda Biejat, a left-wing MP": a person
        if found and label in ("GPE", "LOC") and not any(e.type in COMPATIBLE[label] for e in found):
            label = "ORG"  # "the Verkhovna Rada" tagged as a place: the knowledge base knows the body
        if not found and (context.event_name(span) or document_name(span) or model_designation(span) or (self.kb.demonym(text) is None and (context.hyphen_modifier(span) or (
                label in ("PERSON", "ORG", "PRODUCT", "FAC", "NORP") and context.modifies_common_noun(span, label))))):
            state.things.add(key(text))
            if (short := context.bracketed_acronym(span)) is not None:
                state.things.add(key(short))  # the thing's acronym names no actor either
            return None  # "Exercise Steadfast Defender", "Patriot air defense systems": not actors
        if found and context.hyphen_modifier(span) and all(e.type in ("organization", "group") for e in found):
            return None  # "the GOP-led House", "a Wagner-linked firm": the name only qualifies the noun
        if label == "PERSON" and not found and (person := context.name_continues(span, self.kb)) is not None:
            return Mention("", start, end, text, "PERSON", _kb_id(person), "person")
        if label == "PERSON" and not found and (
                (len(span) == 1 and span[0].lower_.rstrip(".") in HONORIFICS)
                or (len(span) > 1 and self.kb.demonym(span[-1].text) is not None)):
            return None  # "Gen (Sir Patrick Sanders)" cut from its name; "Exiled Belarusian"
        if not found and label == "PERSON" and ((len(span) > 1 and span[-1].lower_ in BODY_HEADS)
                                                or any(t.lower_ in TRANSPORT_WORDS for t in span) or (
                (len(span) == 1 or span[-1].tag_ == "NNPS" or span[-1].lower_ == span.root.head.lower_)
                and context.coordinated_with(span, state.body_tokens))):
            label = "ORG"  # "Justice Department", "Rail Baltica"; "Sberbank and Gazprombank"
        if not found and label in ("PERSON", "ORG", "GPE", "LOC") and listed_as_bodies(span, context.BODY_NOUNS):
            return Mention("", start, end, text, "ORG", f"local:organization:{slug(text)}", "organization")  # "firms like X"
        if not found and ((label == "PERSON" or (label == "ORG" and len(span) == 1))
                          and context.coordinated_with(span, state.place_tokens)
                          and not (label == "PERSON" and len(span) > 1 and self.spelling.given_name(span[0].text)) or (
                label in ("PERSON", "ORG") and len(span) == 1 and context.listed_with_places(span, self.kb, PLACE_NOUNS))):
            state.places.add(f"local:place:{slug(text)}")  # "Melitopol and Horlivka", "Kherson and Luhansk oblasts"
            return Mention("", start, end, text, label, f"local:place:{slug(text)}", "place")
        if label == "PERSON" and not found and len(span) == 1 and span[0].is_sent_start \
                and (span[0].pos_ in ("ADV", "ADJ", "VERB") or span[0].tag_ == "NNS") and not context.speaks(span):
            return None  # "Worldwide, from Iran to ...", "Kidnappings and repressions": a word opening the sentence
        if label == "PERSON" and not found and len(span) == 1 and context.determiner_before(span):
            return None  # "during the Teleconference", "our Newsletters": a thing, not a person
        if label == "ORG" and not found and len(span) == 1 and before is not None \
                and before.lower_ in POSSESSIVE_PRONOUNS and context.determiner_before(span):
            return None  # "he delivered his Address": a person's thing, not a body
        if not found and label in ("LOC", "GPE") and len(span) > 1 and after is not None and after.is_lower \
                and after.pos_ == "NOUN" and (span[-1].tag_ == "JJ" or self.kb.demonym(span[-1].text) is not None):
            return None  # "to the Eastern European heartland": a region's adjective, not a place
        if not found and label in ("PERSON", "ORG") and key(text) not in state.named and (
                context.reached_place(span) or context.place_after_noun(span, context.PLACE_OF_NOUNS)
                or context.fought_for(span)):
            state.places.add(f"local:place:{slug(text)}")  # "to reach Rara", "the annexation of Crimea"
            return Mention("", start, end, text, label, f"local:place:{slug(text)}", "place")
        if not found and label != "NORP" and context.place_after_noun(span, GENERIC_PLACE_NOUNS):
            state.places.add(f"local:place:{slug(text)}")  # "the town of Avdiivka"
            return Mention("", start, end, text, label, f"local:place:{slug(text)}", "place")
        if not found and label in ("PERSON", "GPE", "LOC") and context.named_as_body(span):
            label = "ORG"  # "Russian energy giant Gazprom"
        if not found and label in ("GPE", "LOC") and len(span) == 1 and context.speaks(span):
            label = "PERSON"  # "said Wierszynin": a place does not speak
        if not found and label in ("ORG", "GPE", "LOC", "FAC") and (
                (len(span) == 1 and span[0].is_title) or context.hyphenated_name(span)) \
                and (person := self._known_in_report(key(text).split(), state)) is not None:
            # "Okonkwu" after "Amara Okonkwo"; "Lloyd-Hughes" after "Gwen Lloyd-Hughes"
            return Mention("", start, end, text, "PERSON", person, "person")
        if (label != "PERSON" and len(span) == 1 and key(text) in state.people and not self.kb.metonym(text)
                and not text.isupper()):
            # "Maduro" tagged ORG after "Nicolas Maduro": the same person.
            return Mention("", start, end, text, "PERSON", state.people[key(text)], "person")
        if label == "ORG" and not found and 2 <= len(span) <= 3 and all(t.is_title and t.pos_ == "PROPN" for t in span) \
                and (key(span[-1].text) in state.person_words or cues.who_follows_anywhere(span[-1])
                     or (span.root.dep_ == "appos" and (span.root.head.lower_ in TITLE_WORDS
                                                        or person_noun(span.root.head.text)))):
            label = "PERSON"  # "The commission's chairwoman, Palesa Ntho, said": a person NER took for a body
        if label == "ORG" and not found and len(span) <= 3 and all(t.is_title and t.is_alpha for t in span) and (
                cues.who_follows(span) or (before is not None and before.is_lower and person_noun(before.text))
                or (len(span) == 1 and cues.who_follows_anywhere(span[0]))):
            label = "PERSON"  # "Ukrainian player Jana Koval", "Sabalenka, who ...": a person, not a body
        if label == "ORG" and not found and len(span) == 1 and span[0].is_title and before is not None \
                and before.is_title and is_honorific(before.text) and before.lower_ not in ("president", "minister"):
            label = "PERSON"  # "General Pack", "Colonel Kovalenko": a rank, then a surname
        if label != "PERSON" and found and found[0].type == "person":
            label = "PERSON"  # a known person mistagged ("Zelenskyy" as a place, "Olaf Scholz" as an ORG)
        if label in ("ORG", "GPE") and not found and 2 <= len(span) <= 3 and all(t.is_title and t.is_alpha for t in span) \
                and self.spelling.person(key(text).split()) is not None:
            label = "PERSON"  # "Dmitry Pieskov" tagged ORG: a known person spelt another way
        if (label in ("ORG", "PRODUCT") and len(span) == 1 and not found and not text.isupper()
                and len(state.named.get(key(text), ())) == 1):
            label = "PERSON"  # "Psaki" tagged ORG in a report that names Jen Psaki
        if label == "PERSON" and not found and len(span) == 1 and (
                re.search(r"[A-Z]{2}", text) or (len(text) <= 4 and sum(c.isupper() for c in text) >= 2)):
            label = "ORG"  # "NDRRMC", "BelTA": an acronym or an agency's name, not a person
        if label in ("FAC", "GPE", "LOC", "ORG") and not found and len(span) > 2 \
                and all(t.is_title and t.is_alpha for t in span[1:]) and self.spelling.given_name(span[1].text) \
                and any(e.type in ("state", "place") and key(e.name) == key(span[0].text) for e in self.kb.lookup(span[0].text)):
            return self._resolve_one(span[1:], "PERSON", state)  # "(the governor of) Vermont Jane Roe" in one span
        if label == "PERSON" and not found and len(span) > 1:
            head, tail = self.kb.lookup(span[0].text), self.kb.lookup(span[-1].text)
            if head and (head[0].type == "state" or (head[0].type == "place" and len(span) > 2)) \
                    and key(span[0].text) == key(head[0].name):
                return self._resolve_one(span[1:], label, state)  # "Belarus Alaxandr Lukashenko", "(of) Ohio Ann Lee"
            if tail and tail[0].type == "state" and key(span[-1].text) == key(tail[0].name) \
                    and not self.spelling.given_name(span[0].text) and not context.speaks(span) \
                    and not (span.root.dep_ == "appos" and (span.root.head.lower_ in TITLE_WORDS
                                                            or person_noun(span.root.head.text))):
                return self._resolve_one(span[-1:], "GPE", state)  # "Restless Kazakhstan" (not "Hanna Mali said")
        if not found and len(span) > 1 and span[-1].lower_ in ("states", "countries", "nations") \
                and not any(t.lower_ == "of" for t in span):
            return None  # "the Baltic States", "the Gulf countries": a collective of states, not one actor
        if not found and label in ("ORG", "PRODUCT", "GPE") and context.counted(span) or (
                not found and label == "PERSON" and len(span) == 1 and context.listed_with_things(span)):
            return None  # "more HIMARS", "two Patriots": things counted, not actors
        if not found and len(span) > 2 and context.acronym_then_name(span, self.kb):
            return self._resolve_one(span[1:], "PERSON", state)  # "(Ambassador at the) UN Jane Doe"
        if label == "PERSON" and not found and "-" in text and all(
                self.kb.demonym(part) or any(e.type == "state" for e in self.kb.lookup(part)) for part in text.split("-")):
            return None  # "Belarus-Russian (drills)": an adjective of two states, not a person
        if label == "ORG" and not found and (
                (before is not None and before.lower_ == "of" and span.start > 1 and doc[span.start - 2].lower_ in TITLE_WORDS)
                or (len(span) == 1 and after is not None and after.lower_ in TITLE_WORDS and after.is_title
                    and not (text.isupper() and len(text) > 2))  # "NASA Administrator X": a body's acronym
                or (len(span) <= 3 and context.portfolio_of_title(span))) \
                and (len(span) < 3 or titled_person(span, self.kb) is None):
            return None  # "Secretary of State", "professor of International Relations", "Defense Secretary X"
        at_place = (label == "PERSON" and len(span) == 1 and before is not None and before.lower_ == "at"
                    and not (after is not None and after.text in ("'s", "’s")))  # "the danger level at Kanaighat"
        if not found and (label in ("ORG", "PERSON") or (label in ("NORP", "PRODUCT") and len(span) == 1 and span[0].is_title
                                                         and self.kb.demonym(text) is None)) \
                and (_locative(span) or at_place or context.travelled_to(span)) and key(text) not in state.named \
                and not (label == "ORG" and context.published_in(span)):
            state.places.add(f"local:place:{slug(text)}")  # "in Crimea", "near Pinsk"
            return Mention("", start, end, text, label, f"local:place:{slug(text)}", "place")
        if not found and label in ("PERSON", "ORG") and is_town(text) and key(text) not in state.named \
                and not (label == "PERSON" and self.spelling.given_name(text)) \
                and key(text) not in state.people and key(text) not in state.name_words and not context.speaks(span) \
                and not (before is not None and (is_honorific(before.text) or before.lower_ in TITLE_WORDS
                                                 or (label == "ORG" and before.lower_ == "the"  # "the Alliance"
                                                     and not (after is not None and after.pos_ == "NOUN"
                                                              and after.text[:1].islower())))):
            state.places.add(f"local:place:{slug(text)}")  # "Bucha" or "Kitwe" tagged as a person or a body
            return Mention("", start, end, text, label, f"local:place:{slug(text)}", "place")
        if not found and label in ("PERSON", "ORG") and len(span) == 1 and span[0].is_title \
                and key(text) not in state.named and key(text) not in state.people and not context.speaks(span) \
                and not self.spelling.given_name(text) \
                and (place := similar_place(key(text), state.place_forms)) is not None:
            return Mention("", start, end, text, label, place, "place")  # "Kersoń" in a report naming Kherson
        # Place mislabels: "the Kursk region", "the Indo-Pacific region", "in Kursk" tagged PRODUCT or ORG.
        last = span[-1].lower_
        # "the Kanyama and George townships": a small plural place noun after names listed before it
        listed = span[-1].is_lower and last.removesuffix("s") in GENERIC_PLACE_NOUNS - ADMIN_NOUNS - CITY_REGION_NOUNS
        if not found and label in ("PRODUCT", "PERSON", "ORG", "GPE", "LOC"):
            if (after is not None and (after.lower_ in PLACE_NOUNS or after.lower_.removesuffix("s") in PLACE_NOUNS)) \
                    or ((last in PLACE_NOUNS or last.removesuffix("s") in ADMIN_NOUNS or listed)
                        and len(span) > 1):  # "Luhansk Oblasts"
                if self.kb.demonym(text) is not None:
                    return None  # "the Ukrainian city", "Ukrainian front lines": an adjective
                # "the Kursk region" is Kursk; "Sumy oblast" is a province, not the city of Sumy.
                core = doc[span.start : span.end - 1].text if last in GENERIC_PLACE_NOUNS - ADMIN_NOUNS or listed \
                    else text
                known = [e for e in self.kb.lookup(core) if e.type in ("place", "state", "igo")]
                if not known and span[-1].text == "City":
                    core = text  # "Quezon City": a city's whole name, where "Kharkiv City" is the known Kharkiv
                if known and core != text:  # "the Indo-Pacific region": the known place
                    return Mention("", start, end, text, label, _kb_id(known[0]), known[0].type)
                state.places.add(f"local:place:{slug(core)}")
                state.places.add(f"local:place:{slug(doc[span.start : span.end - 1].text)}")  # "Sumy" after "Sumy oblast"
                return Mention("", start, end, text, label, f"local:place:{slug(core)}", "place")
        demonym = self.kb.demonym(text)
        if demonym is not None and not found and _before_title(span):
            return None  # "French President Emmanuel Macron", "the German chancellor": an adjective in a role
        if demonym is not None and not found and before is not None and before.lower_ in ("former", "ex", "-") \
                and after is not None and after.lower_ in _STATE_NOUNS:
            return None  # "a former Soviet republic", "ex-Yugoslav states": what another state once was
        if demonym is not None and not found:
            facet = None
            if after is not None:
                facet = next((f for f, nouns in FACETS.items() if after.lower_ in nouns), None)
            if facet in ("military", "government"):
                end = after.idx + len(after.text)
                text = text_of(doc)[start:end]
            return Mention("", start, end, text, "DEMONYM", _kb_id(demonym), demonym.type, facet=facet)
        metonym = self.kb.metonym(text)
        if found and found[0].type in ("organization", "igo", "group"):
            metonym = None  # "the German chancellery": the body the knowledge base names so, before its building
        if metonym is not None and label in ("GPE", "PERSON", "ORG", "FAC", "LOC", "KB"):
            based = span.end + 1 < len(doc) and doc[span.end].text in ("-", "‑") and not span[-1].whitespace_ \
                and doc[span.end + 1].lower_ == "based"
            if metonym.type in ("state", "igo") and (context.names_a_venue(span) or based) \
                    and (place := self._metonym_place(text)) is not None:
                return Mention("", start, end, text, label, _kb_id(place), "place")  # "the Paris Games", "a
                # Kyiv-based think tank": where it is
            governs = after is not None and (after.text in ("'s", "’s") or context.modifies_common_noun(span))
            where = _before_modifiers(span)
            if metonym.type in ("state", "igo") and not governs and not _seat_of_government(span) and (
                    (where is not None and where.lower_ in LOCATIVE) or context.at_the_building(span)):
                # "talks in Moscow", "leaders meeting in Brussels": the city, not its government; the
                # knowledge base's city, so that "in Kyiv" and "in Kiev" are one place in every report.
                place = self._metonym_place(text)
                entity = _kb_id(place) if place is not None else f"local:place:{slug(text)}"
                return Mention("", start, end, text, label, entity, "place")
            return Mention("", start, end, text, "METONYM", _kb_id(metonym), metonym.type, facet="government")
        if not found and label in ("ORG", "PRODUCT", "FAC", "GPE") and len(span) > 2:
            tail = titled_person(span, self.kb)
            if tail is not None:  # "Defense Lloyd Austin", "Senate Marshal Tomasz Grodzki": the person
                return self._resolve_one(tail, "PERSON", state)
        candidates = [c for c in found if c.type in COMPATIBLE.get(label, COMPATIBLE["KB"])
                      or (label == "NORP" and c.extra.get("kind") == "party")]  # "Republicans", "Tories"
        if label == "PERSON" or (candidates and candidates[0].type == "person"):
            return self._person(span, start, end, text, label, candidates, state)
        near = state.states_near(span) if before is not None and before.text in ("'s", "’s") else []
        if before is not None and before.lower_ in ("its", "their") and candidates \
                and all(c.type == "organization" and c.country for c in candidates) \
                and any(key(text) in {key(g) for g in c.extra.get("generic", ())} for c in candidates):
            # "Peru ... before its Congress approves": Peru's Congress. Only a generic name takes its owner
            # from the sentence: "its Eastern Military District" is the one body the knowledge base so names.
            near = state.states_in_sentence(span)[:1]
        if candidates and near and not any(c.country == near[0] for c in candidates) \
                and (own := [e for e in self.kb.lookup(f"{self.kb.get(near[0]).name} {text}")
                             if e.type == "organization" and e.country == near[0]]):
            # "Russia's Security Council" is Russia's own council, not the UN's body of that name
            return Mention("", start, end, text, label, _kb_id(own[0]), own[0].type)
        if candidates and near and all(c.type == "organization" and c.country for c in candidates) \
                and not any(c.country in near for c in candidates):
            # "Finland's Ministry of Defence" is not another country's ministry of that name.
            name = f"{self.kb.get(near[0]).name} {text}"
            return Mention("", start, end, text, label, f"local:organization:{slug(name)}", "organization")
        if candidates:
            best = self._disambiguate(span, text, candidates, state)
            return Mention("", start, end, text, label, _kb_id(best), best.type)
        if label in ("KB", "PRODUCT"):
            return None
        if label == "NORP":
            return None  # "European security", "Kurdish fighters", "pro-Western residents": an adjective of a
            # people, a faith or a side that no knowledge-base record names is no actor's name
        if label == "ORG" and len(text) < 2:
            return None  # stray capitals are not organisations
        if label == "ORG" and after is not None and not span[-1].is_upper and is_acronym(after) and (
                named := [e for e in self.kb.lookup(after.text) if e.type in ("organization", "igo")]):
            return Mention("", start, end, text, label, _kb_id(named[0]), named[0].type)
            # "the Russian Information Agency TASS": a description of the body whose acronym follows
        kind = TYPE_OF_LABEL[label]
        return Mention("", start, end, text, label, f"local:{kind}:{slug(text)}", kind)

    def _stance_word(self, text: str) -> bool:
        """"Proputin", "Antiwestern": "pro-" or "anti-" run onto a known person, state, body or people's name
        with the hyphen lost, as a translated page writes it: an adjective, not a name."""
        match = _STANCE.match(text)
        if match is None:
            return False
        rest = match["rest"]
        return self.kb.demonym(rest) is not None or any(
            e.type in ("person", "state", "igo", "group") for e in self.kb.lookup(rest))

    def _place_forms(self, spans: list[tuple[Span, str]]) -> dict[str, str]:
        """Every spelling (name and aliases) of the knowledge-base places a report names -> the place's id, so
        that the report's own misspelling of one of them ("Kersoń" beside "Kherson") is that place."""
        out: dict[str, str] = {}
        for span, _ in spans:
            place = next((e for e in self.kb.lookup(span.text)[:1] if e.type == "place"), None)
            if place is not None:
                for form in (place.name, *place.aliases):
                    out[key(form)] = _kb_id(place)
        return out

    def _region_of_city(self, span: Span) -> Mention | None:
        """A province named for its city ("the Kharkiv region", "Kherson oblast", "Kyiv Oblast"): one place
        whatever its noun, apart from the city (shelling across the Kharkiv region is not shelling in Kharkiv).
        The span is the city's name with the noun after it, or the name alone before the noun. Only a name the
        knowledge base knows as a city, whose record (and Wikidata id) is the city's: "the Tigray region" and "the
        Donbas region" are the regions themselves, and a name the knowledge base lacks ("the Kursk region") is a
        local place that stands for whatever the report means by it."""
        doc = span.doc
        if len(span) > 1 and _region_noun(span[-1]):
            core, end = span[:-1], span.end
        elif span.end < len(doc) and _region_noun(doc[span.end]):
            core, end = span, span.end + 1
        elif _listed_before_regions(span):
            core, end = span, span.end  # "Donetsk (and Luhansk oblasts)": the name alone
        else:
            return None
        city = next((e for e in self.kb.lookup(core.text)
                     if e.type == "place" and e.extra.get("kind") in ("city", "capital", "seat")), None)
        if city is None:
            return None
        start, _, _ = surface(core)
        finish = doc[end - 1].idx + len(doc[end - 1].text)
        # One province under every spelling of its city ("the Lugansk region" is "the Luhansk region").
        own = city.id.split(":", 1)[1] if city.id.startswith("place:") else slug(core.text)
        return Mention("", start, finish, text_of(doc)[start:finish], "GPE", f"local:place:{own}-region", "place")

    def _metonym_place(self, text: str) -> KBEntity | None:
        """The knowledge base's place behind a metonym ("Kyiv", "Kiev": the city), if it has one."""
        return next((e for e in self.kb.lookup(text) if e.type == "place" and e.extra.get("metonym_for")), None)

    def _disambiguate(self, span: Span, text: str, candidates: list[KBEntity], state: "DocState") -> KBEntity:
        """Several entities share a name ("DIA"): use the countries named around it."""
        if len(candidates) == 1:
            return candidates[0]
        bound = state.acronyms.get(key(text))
        if bound:
            for cand in candidates:
                if _kb_id(cand) == bound:
                    return cand
        for pool in (state.states_near(span), state.states_in_sentence(span), state.state_counts()):
            for country in pool:
                for cand in candidates:
                    if cand.country == country:
                        return cand
        return candidates[0]


_STANCE = re.compile(r"\A(?:[Pp]ro|[Aa]nti)(?P<rest>[A-Za-z]{4,})\Z")


def _before_modifiers(span: Span):
    """The word before a name and the lower-case adjectives that qualify it: "in" for "in central Kyiv",
    "in northern Tripoli" (at most two such words), so a city so described is still where something is."""
    i = span.start - 1
    while i >= 0 and span.start - i <= 2 and span.doc[i].pos_ == "ADJ" and span.doc[i].text[:1].islower():
        i -= 1
    return span.doc[i] if i >= 0 else None


# Nouns for whoever governs a state as a whole ("the regime in Bamako"); a single body in a city ("the commerce
# ministry in Phnom Penh") is placed there, not the state.
_GOVERNING = {"regime", "government", "authorities", "leadership", "administration", "junta", "rulers"}


def _seat_of_government(span: Span) -> bool:
    """The seat names who governs from it: "the new regime in Bamako", "the authorities in Minsk", "officials in
    Canberra" are that state's government, not the city where something happened."""
    prep = span.root.head
    return span.root.dep_ == "pobj" and prep.lower_ == "in" and prep.dep_ == "prep" \
        and prep.head.lower_ in _GOVERNING and prep.head.i < span.start


def _posted_on(span: Span) -> bool:
    """The name is where something was posted: after "on", "via" or "through", with at most an owner and a
    describing word between ("on Telegram", "via his official Instagram account")."""
    doc = span.doc
    i = span.start - 1
    while i >= 0 and span.start - i <= 3 and (doc[i].pos_ in ("DET", "PRON", "ADJ") or doc[i].tag_ == "PRP$"):
        i -= 1
    return i >= 0 and doc[i].lower_ in ("on", "via", "through")


def _before_title(span: Span) -> bool:
    """A word right before a title that names its holder: "(French) President Emmanuel Macron", "(Italian)
    Prime Minister Mario Draghi". A lower-case role alone ("a Ukrainian official said") keeps the state, which
    the official speaks for."""
    doc = span.doc
    i = span.end
    while i < len(doc) and i - span.end < 2 and doc[i].lower_ in TITLE_MODIFIERS:
        i += 1  # "Prime", "Foreign", "Deputy"
    if i >= len(doc) or doc[i].lower_ not in TITLE_WORDS:
        return False
    name = doc[i + 1] if i + 1 < len(doc) else None
    return doc[i].is_title and name is not None and name.ent_type_ == "PERSON"
