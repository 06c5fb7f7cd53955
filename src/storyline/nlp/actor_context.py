"""Whether a name in its sentence is an actor at all: the parse and the words around a name tell a
weapon system, an exercise, a conference or a modifier from a person, body or state, and a byline
or a run-together headline from running text. Plain functions over spaCy spans; no name lists."""

from __future__ import annotations

import re

from spacy.tokens import Span

from storyline.nlp.actor_cues import PUBLICATION_NOUNS
from storyline.nlp.actor_roles import TITLE_WORDS, person_noun
from storyline.nlp.cue_words import SPEECH_FORMS

# Compass words: "the West", "Western officials", "the Western Nato alliance". A direction is not an
# actor; in front of a name it is a descriptor to strip.
COMPASS = {"west", "western", "east", "eastern", "north", "northern", "south", "southern"}
# Head nouns of the name of an event or an agreement ("the Munich Security Conference", "the Cuban
# Missile Crisis", "the Minsk Protocol"): not actors.
EVENT_HEADS = {"conference", "summit", "forum", "games", "olympics", "championship", "championships",
               "festival", "exercise", "exercises", "drills", "drill", "expo", "cup", "marathon", "dialogue",
               "crisis", "war", "revolution", "uprising", "invasion", "election", "elections", "referendum",
               "accord", "accords", "agreement", "treaty", "pact", "protocol", "charter", "decree", "declaration",
               "memorandum", "formula", "doctrine", "breakfast", "initiative", "statute", "convention", "conventions"}
# Nouns that open the name of a battle or a siege ("the Battle of Mosul", "the Fall of Kabul").
BATTLE_HEADS = {"siege", "battle", "fall", "liberation", "sack", "massacre", "bombing"}
# Nouns that open the name of an agreement or a document ("the Treaty on ...", "the Charter of ...").
DOCUMENT_HEADS = {"treaty", "charter", "convention", "protocol", "agreement", "accord", "declaration", "memorandum",
                  "pact", "decree", "resolution", "statute"}
# Head nouns of the name of a weapon or vehicle ("Bradley Infantry Fighting Vehicles"): things.
THING_HEADS = {"vehicle", "vehicles", "tank", "tanks", "missile", "missiles", "rocket", "rockets", "drone", "drones",
               "howitzer", "howitzers", "launcher", "launchers", "rifle", "rifles", "jet", "jets", "aircraft",
               "helicopter", "helicopters", "frigate", "destroyer", "submarine", "warship"}
# Prefixes of a ship's name: "MV Brave Commander", "HMS Defender".
SHIP_PREFIXES = {"MV", "MS", "MT", "SS", "HMS", "USS", "RFS", "INS", "HMAS", "HMCS"}
# Title words that end an office's name and never a body's ("National Security Advisor").
TITLE_ENDS = {"advisor", "adviser", "director", "spokesperson", "spokesman", "spokeswoman", "minister", "secretary",
              "ambassador", "envoy", "chairman", "chairwoman", "commissioner", "commander", "counsellor", "counselor"}
# Head nouns of a named site ("Hostomel Airfield", "Trezzini Palace Hotel"): a place, not a person or body.
SITE_HEADS = {"airfield", "airport", "airbase", "hotel", "isthmus", "station", "dam", "bridge", "refinery", "port",
              "stadium", "square", "plant", "shipyard", "terminal", "mine", "kurgan", "highway", "motorway"}
# Words that name a newspaper, broadcaster or publication: "Diario La Nacion", "Gazeta", "Kyiv Post".
MEDIA_WORDS = {"times", "post", "journal", "herald", "tribune", "gazette", "gazeta", "gazzetta", "diario", "daily",
               "radio", "tv", "television", "news", "telegraph", "press", "magazine", "weekly", "pravda",
               "izvestia", "zeitung", "playbook", "courier", "observer", "chronicle", "monitor", "dispatch"}
# Verbs whose object is where someone goes: "struggled to reach Rara", "fled Kalikot".
MOTION_VERBS = {"reach", "reached", "reaching", "enter", "entered", "entering", "flee", "fled", "fleeing",
                "evacuate", "evacuated", "evacuating", "shell", "shelled", "shelling", "bomb", "bombed",
                "bombing", "capture", "captured", "capturing", "recapture", "recaptured", "liberate",
                "liberated", "occupy", "occupied", "encircle", "encircled", "besiege", "besieged",
                "annex", "annexed", "annexing", "neighbouring", "neighboring", "surround", "surrounded"}
# Nouns whose "of"-phrase names a place: "the annexation of Crimea", "the outskirts of Kalikot".
PLACE_OF_NOUNS = {"annexation", "occupation", "invasion", "siege", "shelling", "bombardment", "outskirts",
                  "suburbs", "outskirt", "takeover", "take-over", "peninsula", "part", "parts", "residents",
                  "mayor", "governor", "assault", "fall", "battle", "liberation", "encirclement", "evacuation"}
# Common nouns that make the name before them an event: "Nato exercise Steadfast Defender".
EVENT_NOUNS = {"exercise", "exercises", "drills", "drill", "operation", "summit", "conference", "games",
               "festival", "tournament", "campaign", "offensive", "storm", "hurricane", "typhoon", "cyclone"}
# Nouns after a name that keep it an actor: "Hamas fighters", "Wagner group", "Tesla shares" are not
# kept, but "the Azov battalion" is the battalion's own name.
ACTOR_NOUNS = TITLE_WORDS | {
    "group", "groups", "movement", "party", "militia", "militias", "battalion", "brigade", "regiment",
    "alliance", "company", "agency", "bank", "coalition", "network", "government", "administration",
    "troops", "soldiers", "forces", "military", "army", "navy", "fighters", "officials", "authorities",
    "members", "supporters", "leadership", "regime", "ministry", "lawmakers", "leaders", "cabinet",
    "people", "citizens", "civilians", "residents", "population", "delegation", "team", "office",
    "council", "committee", "commission", "court", "parliament", "police", "staff", "workers",
    "region", "oblast", "province", "city", "district", "border", "area", "county", "town", "village",
}
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "our", "your", "their", "its", "his",
               "her", "my", "every", "each", "any", "some", "no"}
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
    if label == "ORG" and len(span) == 1 and span.root.dep_ != "amod" and "-" not in span.text and not thing:
        return False  # "Treasury reserves", "the Eurostat database": the body's own things ("F16 jets" are none)
    actor_nouns = ACTOR_NOUNS | PUBLICATION_NOUNS  # "La República newspaper" is the paper's name
    return head.lower_ not in actor_nouns and (after.pos_ != "NOUN" or after.lower_ not in actor_nouns)


def hyphen_modifier(span: Span) -> bool:
    """The name opens a hyphenated adjective: "the GOP-led House", "a Wagner-linked firm"."""
    doc = span.doc
    return (span.end + 1 < len(doc) and not span[-1].whitespace_ and doc[span.end].text in ("-", "‑")
            and not doc[span.end].whitespace_ and doc[span.end + 1].is_lower)


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
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.lower_ in EVENT_NOUNS and before.text[:1].islower():
        return True
    head = _head_outside(span)
    return head is not None and span.root.dep_ == "appos" and head.lower_ in EVENT_NOUNS


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
    return span.start > 0 and span.doc[span.start - 1].lower_ in DETERMINERS


def place_after_noun(span: Span, nouns: set[str]) -> bool:
    """"the town of Avdiivka", "the city of Kharkiv": the name after "<place noun> of" is a place."""
    doc = span.doc
    return (span.start > 1 and doc[span.start - 1].lower_ == "of"
            and doc[span.start - 2].lower_ in nouns)


def speaks(span: Span) -> bool:
    """The name is the subject of a verb of saying ("said Wierszynin"): a person or a body, not a place."""
    head = span.root.head
    return span.root.dep_ == "nsubj" and head.lower_ in SPEECH_FORMS


def byline_sentence(span: Span) -> bool:
    """A standfirst byline: "…, Jane Doe in Kyiv and John Roe report." (the sentence's last clause is
    names, places and a closing "report(s)")."""
    words = [t for t in span.sent if not t.is_punct and not t.is_space]
    if len(words) < 2 or words[-1].lower_ not in ("report", "reports") or words[-2].pos_ != "PROPN":
        return False
    clause = [t for t in span.sent if t.i < words[-1].i]
    commas = [t.i for t in clause if t.text in (",", ";", ":", "—", "–")]
    start = commas[-1] + 1 if commas else span.sent.start
    tail = [t for t in span.doc[start : words[-1].i] if not t.is_punct]
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
    "the Azimio la Umoja coalition"."""
    doc = span.doc
    return ((span.start > 0 and doc[span.start - 1].lower_ in BODY_NOUNS)
            or (span.end < len(doc) and doc[span.end].lower_ in GROUP_NOUNS and doc[span.end].is_lower))


def thing_name(span: Span) -> bool:
    """A weapon, a vehicle or a ship named like a body: "Bradley Infantry Fighting Vehicles", "MV Ocean Star"."""
    return len(span) > 1 and (span[-1].lower_ in THING_HEADS or span[0].text in SHIP_PREFIXES)


def title_phrase(span: Span) -> bool:
    """An office written in capitals, not a body or a person: "Commander of the Land Forces", "National
    Security Advisor", "(the US) National Intelligence Director"."""
    doc = span.doc
    if len(span) > 2 and span[0].lower_ in TITLE_WORDS and span[1].lower_ in ("of", "for"):
        return True
    if len(span) > 1 and span[-1].lower_ in TITLE_ENDS:
        return True
    after = doc[span.end] if span.end < len(doc) else None
    # "National Security Council Spokesperson" keeps its body; a would-be person before a title does not.
    return (after is not None and after.is_title and after.lower_ in TITLE_ENDS
            and all(t.ent_type_ == "PERSON" for t in span))


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
    if len(span) > 1 and first.is_sent_start and (first.pos_ in ("NOUN", "ADJ", "VERB", "ADV") or first.tag_ == "NNPS") \
            and first.is_title:
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
