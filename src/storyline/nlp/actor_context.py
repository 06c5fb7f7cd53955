"""Whether a name in its sentence is an actor at all: the parse and the words around a name tell a
weapon system, an exercise, a conference or a modifier from a person, body or state, and a byline
or a run-together headline from running text. Plain functions over spaCy spans; no name lists."""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Span

from storyline.kb.normalize import key
from storyline.nlp.actor_cues import PUBLICATION_NOUNS
from storyline.nlp.actor_roles import TITLE_WORDS, person_noun
from storyline.nlp.actor_spans import BODY_HEADS, HONORIFICS
from storyline.nlp.actor_vocab import (  # noqa: F401  (re-exported)
    COMPASS, EVENT_HEADS, BODY_OR_EVENT_HEADS, BATTLE_HEADS, DOCUMENT_HEADS, THING_HEADS,
    SHIP_PREFIXES, VESSEL_NOUNS, VESSEL_KINDS, CARRIER_KINDS, TITLE_ENDS, SITE_HEADS, MEDIA_WORDS, MOTION_VERBS, PLACE_OF_NOUNS,
    EVENT_NOUNS, ACTOR_NOUNS, DETERMINERS, FIGHT_NOUNS,
    TRAVEL_VERBS,
)
from storyline.nlp.cue_words import CLAIM_CUE_FORMS, SPEECH_FORMS
from storyline.nlp.pipeline import text_of

HEADLINE_WINDOW = 6
"""Tokens either side of a name searched for headline capitals ("Ukraine FM Visits Serbia For First Time")."""
"""Least similarity of a bare name to a surname of the report for a misspelling ("Blinkken", "Zelanski")."""


def _head_outside(span: Span):
    """The syntactic head of the span's root when it lies outside the span (None otherwise)."""
    head = span.root.head
    return None if span.start <= head.i < span.end else head


def modifies_common_noun(span: Span, label: str = "") -> bool:
    """The name only qualifies a common noun that follows it: "Patriot air defense systems", "the
    Nord Stream 2 gas pipeline", "Euro-Atlantic integration", "an RAF Typhoon squadron"."""
    doc = span.doc
    if span.end >= len(doc):
        return False
    after = doc[span.end]
    if bracketed_acronym(span) is not None and not any(t.lower_ in ACTOR_NOUNS | BODY_HEADS for t in span) \
            and span.end + 3 < len(doc):
        after = doc[span.end + 3]  # "expanded Liquefied Natural Gas (LNG) terminals": a thing's name, not a body's
    if after.lower_ in ("and", "or") and span.end + 1 < len(doc) and doc[span.end + 1].pos_ == "ADJ":
        after = doc[span.end + 1]  # "Euro-Atlantic and global security": one of two adjectives of the noun
    if not after.text[:1].islower() or after.pos_ not in ("NOUN", "ADJ"):
        return False
    head = _head_outside(span)
    if head is None or head.i < span.end or head.pos_ != "NOUN" or not head.text[:1].islower():
        return False
    if span.root.dep_ not in ("compound", "nmod", "amod", "nummod"):
        return False
    last = head
    while last.dep_ == "compound" and last.head.i > last.i:
        last = last.head  # "FPV kamikaze drone strikes": up to "strikes"
    thing = any(t.lower_ in THING_HEADS for t in doc[span.end : last.i + 1]) or any(c.isdigit() for c in span.text)
    lone_acronym = span.text.isupper() and sum(t.text == span.text for t in doc) == 1
    if label == "ORG" and len(span) == 1 and span.root.dep_ != "amod" and "-" not in span.text and not thing \
            and not lone_acronym:
        return False  # "Treasury reserves", "the Eurostat database": the body's own things ("F16 jets" are none);
        # an unknown acronym written once, only before a noun ("the ATO zone"), is jargon, not a body
    actor_nouns = ACTOR_NOUNS | PUBLICATION_NOUNS  # "La República newspaper" is the paper's name
    return head.lower_ not in actor_nouns and (after.pos_ != "NOUN" or after.lower_ not in actor_nouns)


def bracketed_acronym(span: Span) -> str | None:
    """The acronym written in brackets right after a name ("Liquefied Natural Gas (LNG)"), or None."""
    doc = span.doc
    if span.end + 2 < len(doc) and doc[span.end].text == "(" and doc[span.end + 2].text == ")":
        short = doc[span.end + 1]
        if short.is_upper and short.is_alpha and len(short) >= 2:
            return short.text
    return None


def hyphen_modifier(span: Span) -> bool:
    """The name opens a hyphenated adjective: "the GOP-led House", "a Wagner-linked firm"."""
    doc = span.doc
    return (span.end + 1 < len(doc) and not span[-1].whitespace_ and doc[span.end].text in ("-", "‑")
            and not doc[span.end].whitespace_ and doc[span.end + 1].is_lower)


def at_the_building(span: Span) -> bool:
    """A seat named with its article after a preposition of position: "a meeting at the Elysée Palace",
    "talks inside the Kremlin" is where it happened, not the government speaking ("uncertainty in the
    Kremlin" is the government's, so "in" does not count)."""
    doc = span.doc
    return (span.start > 1 and doc[span.start - 1].lower_ == "the"
            and doc[span.start - 2].lower_ in ("at", "inside", "outside"))


def name_continues(span: Span, kb):
    """A first name cut from its surname by a bracket: "(Russian President Vladimir) Putin" -> the
    knowledge-base person so named, or None."""
    doc = span.doc
    if len(span) != 1 or span.end + 1 >= len(doc) or doc[span.end].text != ")":
        return None
    after = doc[span.end + 1]
    people = [e for e in kb.lookup(after.text) if e.type == "person"
              and any(f.split()[0].lower() == span.text.lower() for f in (e.name, *e.aliases) if " " in f)]
    return people[0] if len(people) == 1 else None


def event_name(span: Span) -> bool:
    """The name of an event, not of an actor: "the Munich Security Conference", "Allied Resolve 2022",
    "Nato exercise Steadfast Defender"."""
    doc = span.doc
    words = [t for t in span if t.is_alpha]
    before = doc[span.start - 1] if span.start > 0 else None
    if words and words[-1].lower_ in BODY_OR_EVENT_HEADS:
        # "the Pacific Islands Forum said" is a body; "at the World Urban Forum" a meeting
        cue = before
        if cue is not None and cue.lower_ in ("the", "this", "that") and cue.i > 0:
            cue = doc[cue.i - 1]
        return cue is not None and (cue.lower_ in ("at", "during", "attend", "attended", "attending", "host", "hosted",
                                                   "hosting")
                                    or (cue.lower_ == "of" and cue.i > 0 and doc[cue.i - 1].lower_ == "sidelines"))
    if words and words[-1].lower_ in EVENT_HEADS:
        return True
    if len(words) > 1 and words[0].lower_ in ("operation", "exercise"):
        return True  # "Operation Barbarossa"
    if len(words) > 2 and words[0].lower_ in DOCUMENT_HEADS and words[1].lower_ in ("on", "of", "for", "between"):
        return True  # "the Treaty on the Non-Proliferation of Nuclear Weapons"
    if len(words) > 2 and words[0].lower_ in BATTLE_HEADS and words[1].lower_ == "of":
        return True  # "the Siege of Sarajevo", "the Battle of Mosul"
    if len(span) > 1 and re.fullmatch(r"(19|20)\d\d", span[-1].text):
        return True  # "Allied Resolve 2022", "Expo 2020": a name carrying its year is an event
    if before is not None and before.lower_ in EVENT_NOUNS and before.text[:1].islower():
        return True
    if before is not None and before.text in (":", "\"", "“", "'", "‘") and before.i > 0 \
            and doc[before.i - 1].lower_ in ("operation", "exercise"):
        return True  # "Operation: Desert Shield", "exercise “Northern Gale”"
    first = span.root.head if span.root.dep_ == "conj" else span.root
    if first.dep_ == "pobj" and first.head.lower_ in ("during", "throughout"):
        return True  # "during the Anschluss", "throughout Ramadan": a time, not who acted
    head = _head_outside(span)
    return head is not None and span.root.dep_ == "appos" and head.lower_ in EVENT_NOUNS


# Nouns a place's name qualifies when it names an agreement, a negotiating format or a pipeline after the
# place ("the Minsk agreements", "the Normandy format", "the Nord Stream pipeline"): the thing, not an actor.
NAMED_FOR_PLACE = {"agreement", "agreements", "accord", "accords", "protocol", "protocols", "format", "formula",
                   "pipeline", "pipelines", "memorandum"}
# Heads that name a document or a treaty alliance after a place whether or not they take a capital ("the
# Budapest Memorandum", "the Warsaw Pact", "the Rome statute"); "format" or "pipeline" with a capital may be
# part of a body's own name, so those keep the small letter test.
DOCUMENT_FOR_PLACE = {"agreement", "agreements", "accord", "accords", "protocol", "protocols", "memorandum",
                      "pact", "treaty", "statute", "convention", "conventions", "charter"}


def names_an_agreement(span: Span) -> bool:
    """The name qualifies a following common noun that names an agreement, a format or a pipeline:
    "the Minsk agreements", "the Normandy format", "the Budapest Memorandum" (a place that gave its name
    to a thing)."""
    doc = span.doc
    head = _head_outside(span)
    if head is None or head.i < span.end or span.root.dep_ not in ("compound", "nmod", "amod"):
        return False
    if any(not (t.is_alpha or t.like_num or t.text in ("-", "‑")) for t in doc[span.end : head.i]):
        return False  # "Minsk, agreements" is no compound
    return (head.lower_ in NAMED_FOR_PLACE and head.text[:1].islower()) or head.lower_ in DOCUMENT_FOR_PLACE


SHOUTED_WINDOW = 2
"""Words either side of a name read for a shouted line ("JOIN US ON TELEGRAM!")."""


def shouted(span: Span) -> bool:
    """A name in capitals beside a function word in capitals: page furniture shouted at the reader
    ("JOIN US ON TELEGRAM!", "READ MORE ON THE EU"), where "US" is a pronoun and nothing is an actor."""
    if not span.text.isupper():
        return False
    doc = span.doc
    near = [*doc[max(span.sent.start, span.start - SHOUTED_WINDOW) : span.start],
            *doc[span.end : min(span.sent.end, span.end + SHOUTED_WINDOW)]]
    return any(t.is_alpha and len(t) > 1 and t.text.isupper() and t.lower_ in STOP_WORDS and not t.ent_type_
               and t.lower_ != "us" for t in near)  # "the US and NATO": "US" is itself a name


def acronym_of_office(span: Span) -> bool:
    """An acronym the report gives in brackets right after an office written in capitals: "the Special
    Presidential Envoy for Drought Relief (SPEDR)", then "SPEDR has not answered": the office's short
    name, not a body; or after a kind of weapon ("Main Battle Tanks (MBT)")."""
    doc = span.doc
    if len(span) != 1 or not span.text.isupper() or len(span.text) < 3:
        return False
    for tok in doc:
        if tok.text != span.text or tok.i < 3 or tok.i + 1 >= len(doc) or doc[tok.i - 1].text != "(" \
                or doc[tok.i + 1].text != ")":
            continue
        words = []
        i = tok.i - 2
        while i >= 0 and len(words) < 8 and (doc[i].is_title or doc[i].lower_ in ("for", "of", "on", "the", "and")):
            words.insert(0, doc[i].lower_)
            i -= 1
        if any(w in TITLE_ENDS and k + 1 < len(words) and words[k + 1] in ("for", "of", "on")
               for k, w in enumerate(words)):
            return True
        initials = "".join(w[0] for w in words[-len(span.text):])
        if words and words[-1] in THING_HEADS and initials == span.text.lower():
            return True  # "Main Battle Tanks (MBT)": the short name of a kind of weapon
    return False


def bracketed_citation(span: Span) -> bool:
    """A name cited in brackets with a date, as a letter cites the report it answers ("your report
    (Coastal Courier, 20 February)", "(The Times, 3 May 2024)"): a reference, not an actor."""
    doc = span.doc
    start = span.start
    if start > 0 and doc[start - 1].lower_ == "the":
        start -= 1
    if start == 0 or doc[start - 1].text != "(" or span.end + 2 >= len(doc) or doc[span.end].text != ",":
        return False
    close = next((t.i for t in doc[span.end + 1 : min(len(doc), span.end + 7)] if t.text == ")"), None)
    return close is not None and close > span.end + 1 and all(
        t.ent_type_ == "DATE" or t.like_num for t in doc[span.end + 1 : close])


def compass_word(span: Span) -> bool:
    """"the West", "Western": a direction, not an actor."""
    return len(span) == 1 and span[0].lower_ in COMPASS


def strip_compass(span: Span, kb) -> Span:
    """"Western Nato" -> "Nato": the direction is a descriptor of a body's name. "Eastern Europe",
    "North Korea" or "West Bank" keep it (the rest is no known body)."""
    if len(span) > 1 and span[0].lower_ in COMPASS and not kb.lookup(span.text):
        rest = span.doc[span.start + 1 : span.end]
        if any(e.type in ("igo", "organization") for e in kb.lookup(rest.text)):
            return rest
    return span


def determiner_before(span: Span) -> bool:
    """A determiner or possessive right before the name: "during the Teleconference", "our
    Newsletters". People are not named so; things are."""
    if re.search(r"[A-Z]{2}", span.text) or span.root.dep_ in ("compound", "nmod", "amod"):
        return False  # "the BelTA agency": the name of what follows
    if span.start == 0:
        return False
    before = span.doc[span.start - 1]
    return before.lower_ in DETERMINERS and before.tag_ != "IN"  # not "said that Sanha had been arrested"


def place_after_noun(span: Span, nouns: set[str]) -> bool:
    """"the town of Avdiivka", "the city of Kharkiv": the name after "<place noun> of" is a place."""
    doc = span.doc
    return (span.start > 1 and doc[span.start - 1].lower_ == "of"
            and doc[span.start - 2].lower_ in nouns)


def fought_for(span: Span) -> bool:
    """"the battle for Mosul", "the fight for Bakhmut": the name a fight is for is a place."""
    doc = span.doc
    return (span.start > 1 and doc[span.start - 1].lower_ == "for"
            and doc[span.start - 2].lower_ in FIGHT_NOUNS)


def hyphenated_name(span: Span) -> bool:
    """One capitalised word of hyphen-joined parts ("Lloyd-Hughes", "Thomas-Greenfield")."""
    return (len(span) == 3 and span[1].text in ("-", "‑") and span[0].is_title and span[2].is_title
            and not span[0].whitespace_ and not span[1].whitespace_)


def title_before_name(span: Span) -> bool:
    """A rank or title NER cut from the name after it: "Rear Admiral (Ana Ruiz)", "Vice Chancellor (X)"."""
    doc = span.doc
    return (len(span) > 1 and span[-1].lower_ in TITLE_WORDS and all(t.is_title for t in span)
            and span.end < len(doc) and doc[span.end].is_title and doc[span.end].pos_ == "PROPN"
            and doc[span.end].ent_type_ == "PERSON")


def speaks(span: Span) -> bool:
    """The name is the subject of a verb of saying ("said Wierszynin"): a person or a body, not a place."""
    head = span.root.head
    return span.root.dep_ == "nsubj" and head.lower_ in SPEECH_FORMS


_CREDIT = re.compile(r"(?:\bcontributed (?:reporting |additional reporting )?to this (?:report|story|article)"
                     r"|\A(?:Additional )?[Rr]eporting by |\A(?:Writing|Editing|Compiled) by )")


def credit_sentence(span: Span) -> bool:
    """A line that credits the report's own staff: "Fox News' Jane Roe contributed to this report.",
    "Reporting by Jane Roe; Editing by John Doe": bylines, not actors."""
    sent = span.sent
    return _CREDIT.search(text_of(span.doc)[sent.start_char : sent.end_char]) is not None


def byline_sentence(span: Span) -> bool:
    """A standfirst byline: "…, Jane Doe in Kyiv and John Roe report." (the sentence's last clause is
    names, places and a closing "report(s)")."""
    sent, doc = span.sent, span.doc
    # The sentence's last two words, read from its end: asked for every mention, and most sentences end
    # on no "report", so the whole sentence is not walked.
    last: list = []
    for i in range(sent.end - 1, sent.start - 1, -1):
        if not doc[i].is_punct and not doc[i].is_space:
            last.append(doc[i])
            if len(last) == 2:
                break
    if len(last) < 2 or last[0].lower_ not in ("report", "reports") or last[1].pos_ != "PROPN":
        return False
    clause = [t for t in sent if t.i < last[0].i]
    commas = [t.i for t in clause if t.text in (",", ";", ":", "—", "–")]
    start = commas[-1] + 1 if commas else sent.start
    tail = [t for t in doc[start : last[0].i] if not t.is_punct]
    return span.start >= start and all(t.is_title or t.lower_ in ("and", "in", "from") for t in tail)


def in_headline_run(span: Span) -> bool:
    """Inside title-case text run into a line ("More Stories Peru Minister Visits Chile For
    First Time Since …"): short words written with a capital in mid-sentence mark a headline."""
    doc = span.doc
    left = doc[max(span.sent.start, span.start - HEADLINE_WINDOW) : span.start]
    right = doc[span.end : min(span.sent.end, span.end + HEADLINE_WINDOW)]
    capital_stops = 0
    for tok in (*left, *right):
        if tok.is_sent_start or tok.i == 0 or doc[tok.i - 1].text in ("\"", "“", ":", "(", "'", "‘"):
            continue
        if doc[tok.i - 1].is_space and "\n" in doc[tok.i - 1].text:
            continue  # a line's first word is capitalised as a line start, not as a headline's
        if tok.is_stop and tok.is_title and len(tok) > 1:
            capital_stops += 1
    return capital_stops >= 2


def acronym_then_name(span: Span, kb) -> bool:
    """NER ran a known acronym into the person after it: "the UN Lindy Thomas-Greenfield" (an office
    at the UN, then the name). The rest must look like a personal name, not a body's name."""
    first, rest = span[0], span[1:]
    if not (first.is_upper and len(first) > 1 and kb.lookup(first.text)):
        return False
    words = [t for t in rest if t.text not in ("-", "‑")]
    if not 2 <= len(words) <= 4 or kb.lookup(rest.text):
        return False
    return all(t.is_title and t.pos_ == "PROPN" and t.lower_ not in ACTOR_NOUNS | EVENT_HEADS for t in words)


# Common nouns that introduce a company or outlet by name: "energy giant Gazprom", "the metals firm Rusal".
BODY_NOUNS = {"firm", "company", "giant", "bank", "group", "agency", "network", "corporation", "producer",
              "maker", "operator", "chain", "retailer", "broadcaster", "newspaper", "daily", "channel",
              "outlet", "carrier", "airline", "lender", "insurer", "manufacturer", "conglomerate", "supplier",
              "exporter", "developer", "startup", "platform", "tabloid", "weekly", "magazine", "portal",
              "multinational", "brand"}


GROUP_NOUNS = {"coalition", "party", "alliance", "group", "movement", "militia", "bloc", "union",
               "federation", "association", "council", "committee", "commission", "network", "company"}


def named_as_body(span: Span) -> bool:
    """A noun before or after the name says what kind of body it is: "Russian energy giant Gazprom",
    "the Azimio la Umoja coalition". The noun is written small: in "the Central Bank Maria Lind" it ends a
    body's name before a person's."""
    doc = span.doc
    return ((span.start > 0 and doc[span.start - 1].lower_ in BODY_NOUNS and doc[span.start - 1].is_lower)
            or (span.end < len(doc) and doc[span.end].lower_ in GROUP_NOUNS and doc[span.end].is_lower))


def thing_name(span: Span) -> bool:
    """A weapon, a vehicle or a ship named like a body: "Bradley Infantry Fighting Vehicles", "MV Ocean Star",
    "(High) Mobility Artillery Rocket Systems" (not "BAE Systems")."""
    if len(span) > 1 and span[-1].lower_ in ("system", "systems"):
        return any(t.lower_ in THING_HEADS or t.lower_ in ("artillery", "defense", "defence") for t in span[:-1])
    return len(span) > 1 and (span[-1].lower_ in THING_HEADS or span[0].text in SHIP_PREFIXES)


# Infrastructure that carries water, gas or traffic: a name on one is the structure's, neither an actor
# nor a place where things happen ("the Kakhovka dam", "the Nord Stream 2 pipeline", "the Crimean Bridge").
CONDUIT_HEADS = {"dam", "dams", "pipeline", "pipelines", "bridge", "bridges"}


def conduit_name(span: Span) -> bool:
    """A dam, pipeline or bridge by its name: "the Kakhovka dam", "the Crimean Bridge", or a name set before
    the noun ("the Nord Stream 2 pipeline")."""
    doc = span.doc
    if len(span) > 1 and span[-1].lower_ in CONDUIT_HEADS:
        return True
    return span.end < len(doc) and doc[span.end].lower_ in CONDUIT_HEADS and span.root.head.i == span.end


def conduit_names(doc) -> set[str]:
    """Keys of the names of several words a report sets before a dam, pipeline or bridge ("the Nord Stream 2
    pipeline"), so the name met alone elsewhere in the report is the structure's too."""
    names = set()
    for tok in doc:
        if tok.lower_ not in CONDUIT_HEADS or not tok.is_lower:
            continue
        i = tok.i
        while i > 0 and (doc[i - 1].is_title or doc[i - 1].like_num or (
                i > 1 and doc[i - 1].text == "-" and doc[i - 2].is_title and not doc[i - 1].whitespace_)) \
                and not doc[i - 1].is_stop and doc[i - 1].i < doc[i - 1].head.i <= tok.i:
            i -= 1
        words = doc[i : tok.i]
        if len(words) > 1 and any(t.pos_ == "PROPN" for t in words):
            names.add(key(words.text))
    return names


def _vessel_noun(token) -> bool:
    """A small-letter noun of a ship, a boat or a train ("frigate", "bulk carrier")."""
    if not token.is_lower or token.pos_ in ("VERB", "AUX"):
        return False  # "to ship grain"
    if token.lower_ == "carrier":
        return token.i > 0 and token.doc[token.i - 1].lower_ in CARRIER_KINDS
    return token.lower_ in VESSEL_NOUNS


def vessel_name(span: Span) -> str | None:
    """How a name is a ship's, a boat's or a train's, whatever NER called it: "named" right after the noun of
    a vessel (a title of the name cut off between: "the frigate Admiral Essen") or with one in apposition ("the
    Ivan Khurs, a reconnaissance vessel,"); "qualifies" before one ("the Ivan Franko express train", a kind
    of vessel between), where a place's name says where the vessel goes ("the Kerch ferry"); else None."""
    doc = span.doc
    i = span.start - 1
    while i >= 0 and span.start - i <= 2 and doc[i].is_title and doc[i].lower_ in HONORIFICS | TITLE_WORDS:
        i -= 1
    if i >= 0 and _vessel_noun(doc[i]):
        return "named"
    if span.end + 2 < len(doc) and doc[span.end].text == "," and doc[span.end + 1].lower_ in ("a", "an", "the"):
        noun = next((t for t in doc[span.end + 2 : span.end + 6]
                     if t.pos_ == "NOUN" and t.dep_ not in ("compound", "amod")), None)
        return "named" if noun is not None and _vessel_noun(noun) else None
    if span.end < len(doc) and _vessel_noun(doc[span.end]):
        return "qualifies"
    if span.end + 1 < len(doc) and doc[span.end].lower_ in VESSEL_KINDS and _vessel_noun(doc[span.end + 1]):
        return "qualifies"  # "the Sapsan express train", "the Eagle S oil tanker"
    return None


def title_phrase(span: Span) -> bool:
    """An office written in capitals, not a body or a person: "Commander of the Land Forces", "National
    Security Advisor", "(the US) National Intelligence Director"."""
    doc = span.doc
    if len(span) > 2 and span[0].lower_ in TITLE_WORDS and span[1].lower_ in ("of", "for"):
        return True
    if len(span) > 1 and span[-1].lower_ in TITLE_ENDS:
        return True
    words = [t.lower_ for t in span]
    title = next((i for i, w in enumerate(words[:3]) if w in TITLE_ENDS), None)
    if title is not None and title + 2 < len(span) and words[title + 1] in ("for", "of", "to", "on") \
            and all(t.is_title and t.pos_ in ("ADJ", "PROPN") and t.ent_type_ not in ("GPE", "NORP")
                    for t in span[:title]):
        return True  # "Special Presidential Envoy for Climate", "Special Rapporteur on Torture": an office
    after = doc[span.end] if span.end < len(doc) else None
    # "National Security Council Spokesperson" keeps its body; a would-be person before a title does not.
    return (after is not None and after.is_title and after.lower_ in TITLE_ENDS
            and all(t.ent_type_ == "PERSON" for t in span))


def body_before_office(span: Span) -> Span | None:
    """A body's name run into one of its offices: "National Security Council Coordinator for Strategic
    Communications (John Kirby)", "Water Board Director of Operations": the body alone, or None."""
    words = [t.lower_ for t in span]
    title = next((i for i, w in enumerate(words) if i > 0 and w in TITLE_ENDS and span[i].is_title), None)
    if title is None or title + 2 >= len(span) or words[title + 1] not in ("for", "of", "to", "on") \
            or not all(t.is_title or t.is_upper for t in span[:title]) \
            or all(t.lower_.endswith(ADJECTIVE_ENDINGS) for t in span[:title]):
        return None  # "Special Presidential Envoy for Climate": adjectives of the office, no body
    return span[:title]


ADJECTIVE_ENDINGS = ("al", "ary", "ive", "ic", "ian")
"""Endings of adjectives that qualify an office ("Special Presidential Envoy"): words that name no body."""


def site_name(span: Span) -> bool:
    """A named site: "Hostomel Airfield", "the Trezzini Palace Hotel"."""
    return len(span) > 1 and span[-1].lower_ in SITE_HEADS and span[-1].is_title


def media_name(span: Span) -> bool:
    """The name of a newspaper, broadcaster or publication: a media word in it ("Diario La Nacion",
    "Kyiv Post"), or an appositive that says so ("Gazeta, the country's largest newspaper")."""
    if any(t.lower_ in MEDIA_WORDS for t in span):
        return True
    return any(c.dep_ == "appos" and c.lower_ in BODY_NOUNS for c in span.root.children)


def reached_place(span: Span) -> bool:
    """The object of a verb of going or attacking ("struggled to reach Rara", "shelled Kalikot")."""
    root = span.root
    first = root.head if root.dep_ == "conj" else root
    return first.dep_ == "dobj" and first.head.lower_ in MOTION_VERBS and first.head.i < span.start


def lone_opening_word(span: Span) -> bool:
    """A single capitalised word that only opens its sentence or line and appears nowhere else in the
    report ("Turnout was 71%", "Until now ..."): a common word NER took for a name, unless it speaks."""
    if len(span) != 1 or not span[0].is_title or len(span[0]) < 3:
        return False
    tok = span[0]
    doc = span.doc
    opens = tok.is_sent_start or tok.i == 0 or "\n" in doc[tok.i - 1].whitespace_ or "\n" in doc[tok.i - 1].text
    if not opens or speaks(span):
        return False
    return sum(1 for t in doc if t.text == tok.text) == 1


def opening_common_word(span: Span) -> Span:
    """The span without a capitalised common word that only opens the sentence: "Oligarchs Mikhail
    Fridman" -> "Mikhail Fridman", "Exiled Belarusian" -> "Belarusian"."""
    first = span[0]
    if len(span) > 1 and person_noun(first.text):
        return opening_common_word(span.doc[span.start + 1 : span.end])  # "Villager Ghulam Nabi"
    common = first.pos_ in ("ADJ", "VERB", "ADV") or first.tag_ == "NNPS" or (first.pos_ == "NOUN" and (
        len(span) > 2 or any(t.text == first.lower_ for t in span.doc)))  # not "Kwame Mensah" tagged a noun
    if len(span) > 1 and first.is_sent_start and common and first.is_title:
        return span.doc[span.start + 1 : span.end]
    return span


def listed_with_places(span: Span, kb, place_nouns: set[str]) -> bool:
    """A one-word name in a coordination whose other members are places ("the occupied Melitopol and
    Horlivka" where NER tagged one of them a place; "Zaporizhzhia, Kherson and Luhansk oblasts")."""
    root = span.root
    first = root.head if root.dep_ == "conj" else root
    group = [first, *(t for t in first.children if t.dep_ == "conj")]
    if len(group) < 2 or root not in group:
        return False
    if first.head.i != first.i and first.dep_ in ("compound", "nmod", "amod") and (
            first.head.lower_ in place_nouns or first.head.lower_.removesuffix("s") in place_nouns):
        return True  # the list names "oblasts", "regions", "provinces"
    for tok in group:
        if tok.i == root.i:
            continue
        if tok.ent_type_ in ("GPE", "LOC") or any(e.type in ("state", "place") and e.name == tok.text
                                                   for e in kb.lookup(tok.text)[:1]):
            return True
    return False


def coordinated_with(span: Span, tokens: set[int]) -> bool:
    """The name is coordinated with a place already named ("Donetsk, Kherson, Luhansk and
    Zaporizhzhia"): the same kind of thing."""
    root = span.root
    return root.dep_ == "conj" and root.head.i in tokens


def travelled_to(span: Span) -> bool:
    """The goal of a verb of travel: "travelled to Tambobamba", "were sent to Auki"."""
    root = span.root
    first = root.head if root.dep_ == "conj" else root
    prep = first.head
    if first.dep_ != "pobj" or prep.lower_ not in ("to", "into", "toward", "towards") or span.text.isupper() \
            or (span.start > 0 and span.doc[span.start - 1].lower_ in DETERMINERS):
        return False  # "flew missiles to the RSF": a recipient, not a place
    verb = next((a for a in prep.ancestors if a.pos_ in ("VERB", "AUX")), None)  # "move from the city toward X"
    return verb is not None and verb.i < prep.i and verb.lower_ in TRAVEL_VERBS


def portfolio_of_title(span: Span) -> bool:
    """A portfolio in a title, not a body: "Energy (and Mines Minister Rosa Huaman)", "Trade and
    Industry Secretary". The words after it run through "and", commas and capitalised words to a title."""
    doc = span.doc
    i, steps = span.end, 0
    while i < len(doc) and steps < 5:
        tok = doc[i]
        if tok.lower_ in TITLE_WORDS and tok.is_title:
            return steps > 0
        if not (tok.lower_ in ("and", "&", ",") or (tok.is_title and tok.is_alpha)):
            return False
        i, steps = i + 1, steps + 1
    return False


def common_word_opening(span: Span) -> bool:
    """One capitalised word that opens a sentence, a line, a quotation or the text after a dateline's dash
    and is written in lower case elsewhere in the report ("- Soldiers seized ..." beside "soldiers had set
    up", '"Mercury does not stop ...' beside "mercury pollution"): a common word, not a name."""
    if len(span) != 1 or not span[0].is_title or not span[0].is_alpha:
        return False
    tok, doc = span[0], span.doc
    prev = doc[tok.i - 1] if tok.i > 0 else None
    opens = prev is None or tok.is_sent_start or "\n" in prev.whitespace_ or prev.text in ("-", "–", "—", ":", "(") \
        or (prev.text in ('"', "“") and (prev.i == 0 or prev.is_sent_start or doc[prev.i - 1].text in (".", ",", ":")))
    return opens and any(t.text == tok.lower_ for t in doc)


def person_shaped(span: Span) -> bool:
    """A name NER took for a place that the sentence treats as a person: the subject after its verb
    ("- believes Magda Biejat"), after a word for a person ("confesses patient Ana Lis"), or with a
    description in apposition ("Ana Lis, a nurse")."""
    if span[-1].lower_ in ACTOR_NOUNS:
        return False  # "Nova Kakhovka district"
    root, doc = span.root, span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    if root.dep_ == "nsubj" and root.head.i < span.start and root.head.pos_ in ("VERB", "AUX"):
        return True
    if span.end + 1 < len(doc) and doc[span.end].text in ("'s", "’s") and (
            doc[span.end + 1].lower_ in CLAIM_CUE_FORMS or doc[span.end + 1].lower_ in ("remarks", "words", "speech")):
        return True  # "Kabayeva's statement": a place makes no statement
    if before is not None and before.is_lower and person_noun(before.text):
        return True
    return any(c.dep_ == "appos" and c.i >= span.end and (person_noun(c.text) or c.lower_ in TITLE_WORDS)
               for c in root.children)  # "Ana Lis, a nurse", not "Mariupol, a port city"


_QUOTED = re.compile(r"[\"“]([^\"“”\n]{3,200})[\"”]")


def in_quoted_title(span: Span) -> bool:
    """Inside the quoted title of a book, film or article ("the author of "The Harbour Ledger: How a
    Port City Lost Its Fleet""): every long word capitalised, as quoted speech never is."""
    text = text_of(span.doc)
    for match in _QUOTED.finditer(text, max(0, span.start_char - 200), min(len(text), span.end_char + 200)):
        if match.start(1) <= span.start_char and span.end_char <= match.end(1):
            words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", match.group(1)) if len(w) > 3]
            return len(words) >= 4 and all(w[0].isupper() for w in words)
    return False


# Words whose "in X" names where something was written or broadcast, not where it happened.
_PUBLISHED = {"wrote", "write", "writes", "writing", "written", "published", "publish", "publishes", "article",
              "column", "op-ed", "editorial", "essay", "piece", "interview", "appeared", "aired", "broadcast"}
# Quantity words that count things: an organisation or person is not counted ("more HIMARS", "two Patriots").
_COUNTING = {"more", "fewer", "additional", "extra", "several", "few", "many", "dozens", "hundreds"}


def published_in(span: Span) -> bool:
    """A publication after "wrote in", "an article published in": "Gowan wrote in Foreign Affairs"."""
    root = span.root
    first = root.head if root.dep_ == "conj" else root
    prep = first.head
    return first.dep_ == "pobj" and prep.lower_ == "in" and prep.head.lower_ in _PUBLISHED


def counted(span: Span) -> bool:
    """An unknown name counted like a thing ("more HIMARS", "two more Patriots"): a weapon or product."""
    return any(c.i < span.start and (c.dep_ == "nummod" or (c.dep_ == "amod" and c.lower_ in _COUNTING))
               for c in span.root.children)


def listed_with_things(span: Span) -> bool:
    """A plural name listed with a plural common noun ("attacks with missiles and Shaheds", "tanks and
    Leopards"): things of a kind, not a person."""
    tok = span.root
    if not (tok.tag_ in ("NNPS", "NNS") or (tok.tag_ == "NNP" and tok.text.endswith("s"))) or not tok.is_title:
        return False
    pals = [tok.head] if tok.dep_ == "conj" else []
    pals += [c for c in tok.children if c.dep_ == "conj"]
    return any(p.tag_ == "NNS" and p.is_lower for p in pals)


LIST_WINDOW = 12
"""Tokens after a name searched for the plural body noun its list shares ("..., Commerce and Banking Committees")."""


def shares_plural_head(span: Span) -> bool:
    """The name is one of several capitalised words listed before a body noun in the plural that they share:
    "the Senate Appropriations, Commerce and Banking Committees", "the Finance and Interior Ministries". Each
    is a fragment of one body's name (the Banking Committee), not a body the report names."""
    doc = span.doc
    joined = False
    for tok in doc[span.end : min(len(doc), span.end + LIST_WINDOW)]:
        if tok.text == "," or tok.lower_ == "and":
            joined = joined or tok.lower_ == "and"
            continue
        if not tok.is_title:
            return False
        plural = tok.lower_[:-3] + "y" if tok.lower_.endswith("ies") else tok.lower_.removesuffix("s")
        if joined and plural != tok.lower_ and plural in BODY_HEADS:
            return True
    return False


# Head nouns of an event, a site or an institution a city's name places ("the Paris Games", "a Berlin think tank",
# "the Warsaw railway node", "a Moscow court", "the Warsaw city hall", "a Moscow correspondent"): where it is,
# not the state governed from the city.
VENUE_HEADS = EVENT_HEADS | SITE_HEADS | {"court", "tribunal", "museum", "university", "tank", "node", "zoo", "hall",
                                          "mayor", "correspondent", "bureau", "metro", "hospital", "school"}


def names_a_venue(span: Span) -> bool:
    """The name qualifies the noun of an event, site or institution right after it (VENUE_HEADS)."""
    head = span.root.head
    return span.root.dep_ in ("compound", "nmod", "amod") and span.end <= head.i <= span.end + 2 \
        and head.lower_ in VENUE_HEADS


CURRENCY_NOUNS = {"hryvnia", "hryvnias", "rouble", "roubles", "ruble", "rubles", "dollar", "dollars", "euro", "euros",
                  "yuan", "renminbi", "zloty", "zlotys", "forint", "lira", "rupee", "rupees", "peso", "pesos", "rand",
                  "naira", "shilling", "shillings", "kwacha", "cedi", "tenge", "lari", "dram", "manat", "leu", "lev",
                  "dinar", "dinars", "rial", "riyal", "dirham", "won", "yen", "franc", "francs", "koruna", "krona",
                  "krone", "pound", "sterling", "real", "bolivar", "sol"}
# Pronouns and articles a page that lost its spaces runs on to the word before them ("the ForeignHe emphasizes").
_GLUED_TAILS = {"He", "She", "It", "They", "We", "The", "This", "That", "There", "His", "Her", "Its", "Their"}


def currency_name(span: Span, kb) -> bool:
    """A currency named with its people's adjective or its state's name, which NER takes for a body:
    "the Ukrainian Hryvnia", "the Kenyan Shilling", "the Polish zloty" (never "Ezra Pound")."""
    if len(span) < 2 or span[-1].lower_ not in CURRENCY_NOUNS or kb.lookup(span.text):
        return False
    owner = span[:-1].text
    return kb.demonym(owner) is not None or any(e.type == "state" for e in kb.lookup(owner))


def glued_word(span: Span) -> bool:
    """One word that is two a page lost the space between, the second a pronoun or an article ("ForeignHe",
    "ministryThe"): debris of a translated page, not a name."""
    if len(span) != 1 or not span.text.isalpha():
        return False
    text = span.text
    return any(text[i - 1].islower() and text[i:] in _GLUED_TAILS for i in range(2, len(text) - 1))


# Nouns of a work whose title follows them: "the 1994 movie The Harbour Ledger", "the novel Red Orchard".
WORK_NOUNS = {"movie", "film", "book", "novel", "documentary", "song", "album", "play", "opera", "poem", "sitcom"}


def work_title(span: Span) -> bool:
    """A name that opens the title of a work after the noun of the work ("the 1994 movie The Shawshank
    Redemption", "the novel Tarrant Bay"): part of a title, not an actor."""
    doc = span.doc
    i = span.start - 1
    if i >= 0 and doc[i].lower_ in ("the", "a", "an") and doc[i].is_title:
        i -= 1
    return i >= 0 and doc[i].lower_ in WORK_NOUNS and doc[i].is_lower
