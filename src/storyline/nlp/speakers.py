"""Who says so: one resolver from a speaker's head token to its phrase and its actor.

Quotes, attribution frames (and through them statements) and figure sources all ask this module who a
speaker is, so a rule for pronouns, relative pronouns, descriptions ("the ministry") or offices
("Yoon's office") applies to every record alike.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from storyline.models import Mention, Quote
from storyline.nlp import certainty as cx
from storyline.nlp import coref, prose
from storyline.nlp import figure_words as FW
from storyline.nlp import quote_cues as cues
from storyline.nlp.actor_roles import person_noun
from storyline.nlp.cue_content import WRITINGS
from storyline.nlp.cue_words import PERSON_PRONOUNS
from storyline.nlp.grammar import first_child, noun_phrase, supposed
from storyline.nlp.office_holders import HEAD_NOUNS, later_holder
from storyline.nlp.prose import dateline_end
from storyline.nlp.relays import CITED_RECORDS, can_speak, institution, issued_by
from storyline.nlp.quote_cues import Context
from storyline.nlp.speaker_pronouns import (continued_speaker, end_char, entity_at, in_quotes, own_content,
                                            previous_paragraph, pronoun_speaker, reported_spans, same_name)

EDGE_PUNCT = frozenset({",", ";", ":", "—", "–", "-", "."})
# How many paragraphs before a description ("the politician said") its person may be named, headings
# and captions between them included.
DESCRIBED_PARAGRAPHS = 4


def phrase(ctx: Context, head: Token, cue: Token) -> tuple[int, int]:
    """Character span of the speaker as written: the phrase its head token heads, within its
    paragraph, without the cue's own clause and without a relative clause; a pronoun, relative ones
    included, stands alone ("Koné, who said": the span is "who", as PolNeAR and news annotators mark
    it, and :func:`resolve` credits Koné, or the person a "who" the parser hung on a thing stands for)."""
    skip = {cue.i} - {head.i}  # "Said Ana Ruiz:": the tagger may hang the cue on the name
    noun = cues.antecedent(head)
    if head.pos_ == "PRON" or noun is not None:
        return head.idx, end_char(head)
    named = [c for c in head.children if c.dep_ == "appos"]
    for child in [c for t in [head, *named] for c in t.children]:
        # "Trudeau, speaking to Reuters, said"; "X, who ..., said"; "its chairman, Petr Dvorak, who ..., said";
        # "Ruiz, having spent 14 years in office, said"
        if child.dep_ == "relcl" or child.dep_ == "acl" and (child.lower_ in ("speaking", "talking") or (
                child.tag_ in ("VBG", "VBN") and child.left_edge.i > 0 and child.doc[child.left_edge.i - 1].text == ",")):
            skip.update(t.i for t in child.subtree)
        elif child.dep_ == "prep" and child.i > head.i and child.doc[child.i - 1].text == "," and child.lower_ in (
                "in", "on", "during", "at"):
            skip.update(t.i for t in child.subtree)  # "said Souza, the panel's deputy head, in a post on X"
    if head.i < cue.i:
        # "Machado, who ..., called on": a main verb parsed as a modifier of its subject
        skip.update(range(cue.i, head.right_edge.i + 1))
    start, end = ctx.paragraph(head)
    start = max(start, dateline_end(ctx.text, start) or 0)  # "CAPRI, Italy (AP) — Top officials" starts at "Top"
    words = list(head.subtree)
    if head.head.i == cue.i and head.dep_ in ("amod", "compound") and head.i < cue.i:
        # "The British daily reports that": the cue read as a noun holds the outlet's determiner and adjectives
        words = [t for c in cue.children if c.i < head.i and c.dep_ in ("det", "amod", "compound") for t in c.subtree] + words
    before = head.doc[head.i - 1] if head.i > 0 else None
    if before is not None and before.text in ("’", "'") and head.i > 1:
        before = head.doc[head.i - 2]  # "The spies’ spokesman": the possessor the parser made a second subject
    if before is not None and before.dep_ == head.dep_ == "nsubj" and before.head.i == head.head.i and before.pos_ == "NOUN":
        words = list(before.subtree) + words  # "The US image company Maxar": the description the name was split from
    tokens = [t for t in words if not t.is_space and start <= t.idx < end and t.i not in skip] or [head]
    if cue.i < head.i:
        # "... we must arm - said party president", "... the soil-explains analyst Ruiz": a credit after its cue
        # starts after the cue, whatever of the quotation the parser hung on the name
        tokens = [t for t in tokens if t.i > cue.i] or [head]
    dashes = [k for k, t in enumerate(tokens) if t.i < head.i and t.text in ("-", "–", "—", "--") and t.whitespace_
              and t.i > 0 and t.doc[t.i - 1].whitespace_]  # a spaced dash, never the hyphen of "Holtz-Eakin"
    if dashes and head.pos_ == "PROPN":
        tokens = tokens[dashes[-1] + 1:]  # "... the modern name for Stalingrad - Mr Putin": the name after the dash
    while len(tokens) > 1 and (tokens[0].text in EDGE_PUNCT or tokens[0].is_quote):
        tokens.pop(0)
    while len(tokens) > 1 and (tokens[-1].text in EDGE_PUNCT or tokens[-1].is_quote):
        tokens.pop()
    return tokens[0].idx, end_char(tokens[-1])


def credited(quotes: list[Quote], head: Token) -> Quote | None:
    """The quote whose speaker phrase holds ``head`` and that resolved it to an actor: a speaker the quotes
    component resolved keeps that actor in the clause's frame, statement and figures."""
    for q in quotes:
        if q.speaker and q.speaker_start is not None and q.speaker_start <= head.idx < (q.speaker_end or 0):
            return q
    return None


def speaker_of(ctx: Context, quotes: list[Quote], head: Token) -> str | None:
    """The actor a speaker's head token stands for, the same for every record: the quote that credits it,
    else :func:`resolve`."""
    said = credited(quotes, head)
    if said is not None:
        return said.speaker
    return resolve(ctx, head)[0] if ctx.doc._.mentions is not None else None


def resolve(ctx: Context, head: Token) -> tuple[str | None, bool]:
    """(actor id, or name when no actor mentions are available; anonymous) for a speaker.

    An unnamed speaker ("officials", "a ministry spokesman") is anonymous; its actor is the body
    it speaks for where the text names one ("Somali officials", "the ministry's spokesman")."""
    head = cues.antecedent(head) or head
    if (named := _owned_name(head)) is not None:
        return resolve(ctx, named)  # "Ruiz's daughter Ana wrote", parsed with the owner as the subject: Ana
    low = head.lower_.lstrip("-–—")  # "-he said": a dash glued to the pronoun
    if low in cues.PERSON_PRONOUNS or low == "his":  # "in his view" speaks as "he said" does
        return _named_after(ctx, head) or pronoun_speaker(ctx, head, person=True) or _referent(ctx, head), False
    if low in ("it", "its"):
        found = pronoun_speaker(ctx, head, person=False)
        if found is None and head.dep_ == "nsubj" and continued_speaker(ctx, head, plural=False) is not None:
            return None, False  # "the ministry told Reuters ... It added": the body no name accounts for, not the outlet
        return found or _referent(ctx, head), False
    if low in ("they", "their", "them"):
        if (first := _first_conjunct_subject(head)) is not None:
            return resolve(ctx, first)  # "Rescuers from the service arrive first, and they also say": the rescuers
        if head.dep_ == "nsubj" and (last := continued_speaker(ctx, head, plural=True)) is not None:
            return resolve(ctx, last)  # "officials said. They said": still the unnamed officials
        return _referent(ctx, head), False  # "the ministry and the army said they", "officials said they"
    if head.pos_ == "PRON":
        return None, False
    if head.text == "%" or head.lower_ in ("percent", "cent") or head.like_num:
        if (named := _one_named(ctx, head)) is not None:
            return resolve(ctx, named)  # "one of the army's spokesmen, Peter Lerner, said": that person
        if (group := _one_of_unnamed(head)) is not None:
            return resolve(ctx, group)[0], True  # "one of the EU officials said": an unnamed official of the EU
        return None, True  # "More than 80% of those asked said": a share of people no one names
    if (maker := issued_by(head)) is not None:
        return resolve(ctx, maker)  # "polling done by Chatham House indicates": the pollster
    if low in DOCUMENT_NOUNS and head.tag_ == "NNS" and not any(
            c.dep_ in ("poss", "compound", "amod") and (c.pos_ == "PROPN" or c.ent_type_) or c.dep_ == "prep"
            and c.lower_ in ("by", "from", "of") for c in head.children):
        if ctx.doc._.mentions is not None and (issuer := _released_before(ctx, head)) is not None:
            return issuer, False  # "The bureau published its figures. The data show ...": the bureau's
        return None, True  # "according to the latest reports": reports no one the report names issued
    named = [c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
    if low in cues.ANONYMOUS_NOUNS and head.pos_ != "PROPN" and not named and low not in coref.OFFICE_NOUNS:
        if ctx.doc._.mentions is None:
            return None, True  # without the actors component, no body to speak for
        if (titled := _titled_spokesperson(ctx, head)) is not None:
            return titled, False  # "a spokesman for the ministry, Oleh Berg, ... The spokesman for the ministry said"
        body = entity_at(ctx, head) or _possessor(ctx, head) or _pronoun_owner(ctx, head)
        if body is None and not _introduced_unnamed(head) and (person := _recent_person(ctx, head)) is not None:
            return person, False  # "the Ukrainian expert said" after "the military expert Serhij Grabski said"
        return body, True
    if low in coref.OFFICE_NOUNS and (head.pos_ == "NOUN" or head.pos_ == "PROPN" and entity_at(ctx, head) is None):
        # "the president", "Chile's foreign minister", "The Secretary of State of the USA", "the agency's spokesman"
        described = (_titled_spokesperson(ctx, head) or _described(ctx, head) or _introduced(ctx, head)
                     or _named_next(ctx, head) or _later_holder(ctx, head))
        if described is not None:
            return described, False
    resolved = entity_at(ctx, head) or (entity_at(ctx, named[0]) if named else None) or _titled_conj(ctx, head)
    own = [c for c in head.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
    if resolved is None and head.pos_ == "NOUN" and own and ctx.doc._.mentions is not None \
            and low not in GOVERNMENT_NOUNS and (low in BODY_WORDS or institution(low)):
        # "the Andina agency" is Andina or no one, never the body quoted last
        return entity_at(ctx, own[-1]) or same_name(ctx, own[-1]), False
    if resolved is None and low in coref.OUTLET_NOUNS and (head.pos_ != "PROPN" or head.is_lower) \
            and ctx.doc._.mentions is not None:  # "explained the daily", the tagger taking "daily" for a name
        # "The Ukrainian daily reports": the outlet the report named before, or no one; never the last body or state
        read_as_noun = head.dep_ in ("amod", "compound") and head.head.i > head.i  # "The daily reports that"
        start, end = phrase(ctx, head, head.head if read_as_noun else head)
        span = ctx.doc.char_span(start, end, alignment_mode="expand")
        found = coref.described(ctx.doc, span) if span is not None and len(span) else None
        return (found.entity if found is not None else None), False
    if resolved is None and low in BODY_WORDS and head.dep_ == "nsubj" and any(
            c.dep_ == "det" and c.lower_ == "the" for c in head.children) and not named and ctx.doc._.mentions is not None:
        last = continued_speaker(ctx, head, plural=False)
        if last is not None and last.lower_ not in BODY_WORDS and (found := resolve(ctx, last))[0] is not None:
            # "Kepler Analytics said the port had reopened. Ships were moving again, the firm added": the body just
            # quoted, not whatever body its words named
            return found
    if resolved is None and head.pos_ == "PROPN" and low in WRITINGS and ctx.doc._.mentions is not None:
        # "That's according to the Lima Declaration, published on the OAS website": the text speaks for its maker
        return _maker(ctx, head), False
    if resolved is None and (person := _by_trait(ctx, head)) is not None:
        return person, False  # "the Republican", "the 44-year-old": the person just named, by party or age
    if resolved is None and head.pos_ == "PROPN" and ctx.doc._.mentions is not None:
        # a name the actors component missed here ("said US President Joe Biden" on a line read as a
        # heading, "the US image company Maxar"): the same name elsewhere in the report, never a modifier
        named_here = same_name(ctx, head)
        if named_here is not None or low not in coref.OFFICE_NOUNS:
            return named_here, False
        return _recent_person(ctx, head), False  # "says the Acme CEO": an office word the tagger took for a name
    if resolved is None and any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in head.children):
        resolved = _possessor(ctx, head)  # "Ukraine's military": the named owner, not the last army named
    if resolved is None and low in coref.OFFICE_NOUNS and head.pos_ == "NOUN":
        # "Kaczynski said ... The PiS president also added": the person just named holds the office; the
        # party or state in the title is whom the office belongs to, not who speaks
        resolved = _described(ctx, head) or _introduced(ctx, head) or _recent_person(ctx, head) or _body_member(ctx, head)
    if resolved is None and low in DOCUMENT_NOUNS | STUDY_NOUNS and ctx.doc._.mentions is not None:
        resolved = _maker(ctx, head)  # "the Gallup June survey" is Gallup's, not the survey named before it
    return (resolved or _described(ctx, head) or _introduced(ctx, head) or _named_next(ctx, head) or _body_member(ctx, head)
            or _possessor(ctx, head) or _recent_person(ctx, head)
            or _said_before(ctx, head) or _issuer(ctx, head)), False


def _owned_name(head: Token) -> Token | None:
    """The name of the one a possessive subject owns where the parse made the owner the subject: "Ruiz's
    then 12-year-old daughter Ana" read as "Ruiz" with "daughter Ana" beside it."""
    if head.pos_ != "PROPN" or not any(c.dep_ == "case" and c.lower_ in ("'s", "’s") for c in head.children):
        return None
    for noun in head.children:
        if noun.dep_ == "appos" and noun.pos_ == "NOUN" and noun.i > head.i:
            return next((c for c in noun.children if c.dep_ in ("appos", "flat") and c.pos_ == "PROPN"
                         and c.i > noun.i), None)
    return None


def _named_after(ctx: Context, pronoun: Token) -> str | None:
    """"“…,” he wrote on social media, Prime Minister Ana Ruiz.": a pronoun no name before it can stand for (the
    report names no person before it outside quotation marks), subject of a cue after the words it reports, is
    the person the cue's sentence names after the cue with no verb between (a translation's word order)."""
    cue = pronoun.head
    if ctx.doc._.mentions is None or pronoun.dep_ != "nsubj" or cue.i not in ctx.frames or cue.i < pronoun.i:
        return None
    if any(m.type == "person" and m.start < pronoun.idx and not in_quotes(ctx, m.start) for m in ctx.doc._.mentions):
        return None
    content = ctx.frames[cue.i].content
    if content is not None and content[0] > cue.i:
        return None  # "he said the plan ...": the words follow; a name there is what was said about
    end = min(cue.sent.end_char, ctx.paragraph(cue)[1])
    for m in ctx.doc._.mentions:
        if m.type != "person" or not m.entity or not end_char(cue) <= m.start < end or in_quotes(ctx, m.start):
            continue
        between = ctx.doc.char_span(end_char(cue), m.start, alignment_mode="expand") or ()
        if any(t.pos_ in ("VERB", "AUX") or t.lower_ in ADDRESSED for t in between):
            return None  # "he said after meeting Ana Ruiz", "he wrote to Ana Ruiz": someone else
        return m.entity
    return None


# Prepositions before a person the speaker addresses or speaks of: "he wrote to Ruiz", "he spoke about Ruiz".
ADDRESSED = frozenset({"to", "with", "about", "against", "for", "toward", "towards", "from", "by"})


def _pronoun_owner(ctx: Context, head: Token) -> str | None:
    """"its officials say", "their spokesman said": the body the possessive pronoun stands for, by coreference."""
    owner = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in ("its", "their")), None)
    return _referent(ctx, owner) if owner is not None else None


def _first_conjunct_subject(pronoun: Token) -> Token | None:
    """The plural subject of the clause a "they" clause is coordinated with: "Rescuers ... arrive first, and they
    also say" stands for the rescuers, not for whatever the first clause names after its subject."""
    verb = pronoun.head
    if pronoun.dep_ != "nsubj" or verb.dep_ != "conj" or pronoun.lower_ != "they":
        return None
    subject = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.pos_ not in ("NOUN", "PROPN") or not (
            subject.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in subject.children)):
        return None
    return subject


def _titled_conj(ctx: Context, head: Token) -> str | None:
    """"Chilean historian and former Lima correspondent Marta Quiroga": a bare title (no article of its own)
    coordinated with a named person is that person's title, however the parser split the phrase (the name
    read as a second subject). "The minister and Okafor" are two people."""
    if ctx.doc._.mentions is None or head.pos_ != "NOUN" or any(c.dep_ in ("det", "poss") for c in head.children):
        return None
    for conj in (c for c in head.children if c.dep_ == "conj" and c.pos_ == "PROPN"):
        if any(c.dep_ == "det" for c in conj.subtree):
            return None
        found = next((m.entity for m in ctx.doc._.mentions if m.start <= conj.idx < m.end and m.type == "person"), None)
        if found:
            return found
    return None


def _one_named(ctx: Context, head: Token) -> Token | None:
    """The person "one of" names: "one of the army's spokesmen, Peter Lerner", "one of IDF representatives
    Peter Lerner" (a name heading the phrase or in apposition to it); None for a share of a group."""
    if head.lower_ != "one" or ctx.doc._.mentions is None:
        return None
    people = [c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN" and any(
        m.start <= c.idx < m.end and m.type == "person" for m in ctx.doc._.mentions)]
    if people:
        return people[0]  # "One of the ministry's spokesmen, Nurlan Abdrakhmanov," with the name on "one"
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            for name in [obj, *(c for c in obj.children if c.dep_ == "appos")]:
                if name.pos_ == "PROPN" and any(m.start <= name.idx < m.end and m.type == "person"
                                                for m in ctx.doc._.mentions):
                    return name
    return None


def _one_of_unnamed(head: Token) -> Token | None:
    """The unnamed group "one of" picks a speaker from ("one of the senior EU officials", "one of the ministry's
    spokesmen"): its plural noun, whose body the one speaks for as the group would."""
    if head.lower_ != "one":
        return None
    return next((obj for prep in head.children if prep.dep_ == "prep" and prep.lower_ == "of"
                 for obj in prep.children if obj.dep_ == "pobj" and obj.lower_ in cues.ANONYMOUS_NOUNS), None)


# Words that grade or date a role without saying whose it is: "the former Polish leader", "the top US diplomat".
ROLE_GRADES = frozenset({"former", "top", "senior", "then", "new", "current", "veteran", "longtime", "ex", "outgoing",
                         "incoming", "acting", "interim", "chief", "leading", "prominent", "influential", "powerful"})


# Nouns for a person that name no particular office: "the former Polish leader" may be the ex-president named
# before; "the Ukrainian minister" must be someone the report called a minister.
GENERIC_ROLES = frozenset({"leader", "diplomat", "politician", "executive", "chief", "head", "boss", "tycoon",
                           "billionaire", "businessman", "businesswoman", "magnate", "oligarch", "statesman",
                           "stateswoman", "veteran", "figure", "lawmaker", "legislator"})


def _introduced(ctx: Context, head: Token) -> str | None:
    """"the former Polish leader", "the top US diplomat": a definite description of a person whose every word
    of origin or body (a state, its adjective, a named body) the report wrote where it named that person
    before ("ex-President of Poland Alexander Kwasniewski", "US Secretary of State Antony Blinken"), when
    exactly one person so named comes before it, outside anyone's quoted words. "Our correspondent" is the one
    person the report titled with that very noun ("Radio Nord correspondent Petra Lind"): the outlet's own."""
    mentions = ctx.doc._.mentions
    own = any(c.dep_ == "poss" and c.lower_ == "our" for c in head.children)
    if not mentions or head.pos_ != "NOUN" or not own and not any(c.dep_ == "det" and c.lower_ in ("the", "this")
                                                                   for c in head.children):
        return None
    low = head.lower_
    if low in cues.ANONYMOUS_NOUNS and low not in coref.OFFICE_NOUNS or not (
            low in cues.PERSON_NOUNS or low in coref.OFFICE_NOUNS or person_noun(low)):
        return None  # "the Ukrainian official" is an unnamed one of that state, not the last Ukrainian named
    mods = [c for c in head.children if c.dep_ in ("amod", "compound", "nmod") and c.i < head.i
            and c.lower_.strip("-") not in ROLE_GRADES and not c.is_punct]
    if not (mods or own) or any(c.dep_ == "prep" for c in head.children):
        return None
    wanted = [_word_keys(ctx, m) for m in mods]
    doc = ctx.doc
    found = set()
    for m in mentions:
        if m.type != "person" or not m.entity or m.end > head.idx or in_quotes(ctx, m.start):
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        words = [t for t in _name_phrase(span.root) if not span.start <= t.i < span.end] + _title_before(span)
        keys = set().union(*(_word_keys(ctx, t) for t in words))
        if (own or low not in GENERIC_ROLES) and low not in {t.lower_ for t in words}:
            continue  # "the Ukrainian minister" is not the Ukrainian president the report named
        if all(w & keys for w in wanted) and not _holds_now(ctx, head, m.entity):
            found.add(m.entity)  # "the former Brazilian president" is not the Brazilian President named before
    return found.pop() if len(found) == 1 else None


def _titled_spokesperson(ctx: Context, head: Token) -> str | None:
    """"The spokesman for the foreign ministry said" after "a spokesman for the Foreign Ministry, Oleh Berg": the
    one person the report named before with that title and the same body (a body speaks through one spokesperson,
    and "the", a body's noun or no determiner at all, "the agency's spokesman", "Agency spokesman", point back at
    the one introduced; "a spokesman" is another); None when no one or several were so titled."""
    if not head.lower_.startswith("spokes") or not ctx.doc._.mentions or any(
            c.dep_ == "det" and c.lower_ != "the" or c.dep_ == "poss" and c.pos_ != "NOUN" for c in head.children):
        return None
    bodies = {key for t in head.subtree if t.i != head.i for key in _body_keys(ctx, t)}
    found = set()
    for m in ctx.doc._.mentions:
        if m.type != "person" or not m.entity or m.end > head.idx or in_quotes(ctx, m.start):
            continue
        title = _title_of(ctx, m)
        if head.lower_ in {t.lower_ for t in title} and (
                not bodies or bodies & {key for t in title for key in _body_keys(ctx, t)}):
            found.add(m.entity)
    return found.pop() if len(found) == 1 else None


def _title_of(ctx: Context, mention) -> list[Token]:
    """The words a person's mention is written with around the name: its titles and appositives."""
    span = ctx.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or not len(span):
        return []
    return [t for t in _name_phrase(span.root) + _title_before(span) if not span.start <= t.i < span.end]


def _titled_elsewhere(ctx: Context, head: Token, person: str) -> bool:
    """Whether a description that names a body ("the Commission's spokesman") would stand for a person the
    report titled only with another body before ("Karl Tamm, a spokesman for the water board"): not that one.
    A person named without a body in the title ("Borrell said") may still be the body's described officer."""
    bodies = {key for t in head.subtree if t.i != head.i for key in _body_keys(ctx, t)}
    if not bodies:
        return False
    titles = [t for m in ctx.doc._.mentions if m.entity == person and m.end <= head.idx for t in _title_of(ctx, m)]
    keys = {key for t in titles for key in _body_keys(ctx, t)}
    if keys:
        return not bodies & keys
    return any(t.dep_ in ("pobj", "poss") and t.pos_ in ("NOUN", "PROPN") for t in titles)


# How many paragraphs of prose after a lede's description the report may name its person.
NAMED_NEXT_PARAGRAPHS = 2


def _named_next(ctx: Context, head: Token) -> str | None:
    """"Ghana's ambassador to Japan said ... / Ghanaian Ambassador Kofi Mensah-Dari appeared", "..., the head of
    the port authority warns. / Authority chief Lena Brandt told reporters": a definite description of a
    person written before the report names anyone is the person the next sentence names first (within the next
    paragraphs), when that person acts or speaks there and no state in their title contradicts one in the
    description."""
    mentions = ctx.doc._.mentions
    if not mentions or head.pos_ != "NOUN" or head.tag_ != "NN" or not any(
            c.dep_ == "poss" or c.dep_ == "det" and c.lower_ == "the" for c in head.children):
        return None
    low = head.lower_
    if low in cues.ANONYMOUS_NOUNS and low not in coref.OFFICE_NOUNS or not (
            low in coref.OFFICE_NOUNS or agent_noun(low) and not _thing_noun(low)):
        return None
    if any(m.type == "person" and m.start < head.idx for m in mentions):
        return None  # someone is named before: the description may be them (``_introduced``)
    skip = own_content(ctx, head)
    told = reported_spans(ctx)
    text = ctx.text
    end = ctx.paragraph(head)[1]
    for _ in range(NAMED_NEXT_PARAGRAPHS):  # the end of each next paragraph, blank lines passed over
        nxt = end
        while nxt < len(text) and text[nxt] in "\n \t\u00a0":
            nxt += 1
        found = text.find("\n", nxt)
        end = len(text) if found < 0 else found
    own = sentence = head.sent
    while sentence.end < len(ctx.doc) and (sentence.start == own.start or not any(t.is_alpha for t in sentence)):
        sentence = ctx.doc[sentence.end].sent
    if sentence.start == own.start:
        return None
    # the sentence after the description's: a name in its own sentence or much later is someone else
    begin, end = sentence.start_char, min(end, sentence.end_char)
    people = [m for m in mentions if m.type == "person" and m.entity and begin <= m.start < end
              and not skip[0] <= m.start < skip[1] and not in_quotes(ctx, m.start)
              and not any(a <= m.start < b for a, b in told)]
    if not people:
        return None
    first = min(people, key=lambda m: m.start)
    span = ctx.doc.char_span(first.start, first.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    tok = span.root
    for _ in range(4):
        if tok.dep_ in ("nsubj", "nsubjpass") or tok.dep_ not in ("appos", "flat", "compound") or tok.head.i == tok.i:
            break
        tok = tok.head
    speakers = {f.speaker.i for f in ctx.frames.values() if f.speaker is not None}
    if tok.dep_ not in ("nsubj", "nsubjpass") and tok.i not in speakers:
        return None  # the person is acted on or talked about, not the one who speaks
    wanted = set().union(*(_state_keys(ctx, t) for t in head.subtree if t.i != head.i))
    have = set().union(*(_state_keys(ctx, t) for t in _name_phrase(span.root) + _title_before(span)))
    if wanted and have and not wanted & have:
        return None  # "Ghana's ambassador" is not the Togolese ambassador named next
    return first.entity


def _trait(head: Token) -> bool:
    """Whether a definite phrase describes one person by a trait alone, with no office and no name of its
    own: a party or people ("the Republican", "the Socialist", "the Frenchman"), an age ("the 44-year-old")."""
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in head.children) or any(
            c.dep_ in ("compound", "appos", "poss", "prep") for c in head.children):
        return False
    if head.pos_ == "PROPN":
        return head.tag_ == "NNP" and head.ent_type_ == "NORP"
    return head.lower_ == "old" and any(c.dep_ == "npadvmod" and c.lower_ in ("year", "years") for c in head.children)


def _by_trait(ctx: Context, head: Token) -> str | None:
    """"Ukraine invited Governor Ana Ruiz, after the Republican dismissed ...", "Ruiz spoke first. The 44-year-old
    said ...": a person described by a trait alone is the one person named before it in its own sentence (in any
    role), else the last person named as a subject or speaker in the few paragraphs before; never one whose
    title places them in another state than the description's ("the Russian" is not a Ukrainian minister)."""
    if ctx.doc._.mentions is None or not _trait(head):
        return None
    sent = head.sent
    told = reported_spans(ctx)
    here = {m.entity for m in ctx.doc._.mentions if m.type == "person" and m.entity and sent.start_char <= m.start
            and m.end <= head.idx and not in_quotes(ctx, m.start) and not any(a <= m.start < b for a, b in told)}
    found = None
    if len(here) == 1:
        found = next(m for m in ctx.doc._.mentions if m.entity in here and sent.start_char <= m.start < head.idx)
    elif not here:
        found = _last_named(ctx, head)
    if found is None:
        return None
    span = ctx.doc.char_span(found.start, found.end, alignment_mode="expand")
    wanted = _state_keys(ctx, head)
    have = set().union(*(_state_keys(ctx, t) for t in _name_phrase(span.root) + _title_before(span))) if span else set()
    return None if wanted and have and not wanted & have else found.entity


def _state_keys(ctx: Context, tok: Token) -> set[str]:
    """The states a word names (its keys that are states)."""
    return {k for k in _word_keys(ctx, tok) if k.startswith("kb:") and k.count(":") == 1 and "." not in k}


def _name_phrase(name: Token) -> list[Token]:
    """The phrase a name is written in with its titles and appositives ("ex-President of Poland (1995-2005)
    Alexander Kwasniewski", "Edgars Rinkevics, the Latvian foreign minister"), without clauses."""
    top = name
    for _ in range(6):
        if top.dep_ in ("compound", "appos", "flat", "nmod", "pobj") and top.head.i != top.i and (
                top.head.pos_ in ("NOUN", "PROPN") or top.dep_ == "pobj" and top.head.head.pos_ in ("NOUN", "PROPN")):
            top = top.head if top.dep_ != "pobj" else top.head.head
        else:
            break
    clauses = [t for t in top.subtree if t.dep_ in ("relcl", "acl", "advcl", "ccomp")]
    skip = {t.i for c in clauses for t in c.subtree}
    return [t for t in top.subtree if t.i not in skip and not t.is_punct]


# How many words before a name its title may run ("ex-President of Poland (1995-2005) Alexander Kwasniewski").
TITLE_WINDOW = 10


def _title_before(name: Span) -> list[Token]:
    """The words right before a name, back to a verb or a clause's punctuation: its title where the parse split
    it from the name (a parenthesis the parser took for a sentence end)."""
    words = []
    for tok in reversed(name.doc[max(0, name.start - TITLE_WINDOW):name.start]):
        if tok.pos_ in ("VERB", "AUX") or tok.text in (".", ",", ";", ":", "!", "?") or "\n" in tok.text:
            break
        words.append(tok)
    return words


def _word_keys(ctx: Context, tok: Token) -> set[str]:
    """A word as what it can name: itself in lower case, the actor written there, and the state an adjective
    or a name belongs to ("Polish" and "Poland" share one)."""
    keys = {tok.lower_.removesuffix("'s").removesuffix("’s")}
    actor = entity_at(ctx, tok)
    if actor:
        keys.add(actor)
    if tok.ent_type_ in ("NORP", "GPE") or tok.pos_ in ("PROPN", "ADJ") and tok.text[:1].isupper():
        from storyline.kb.lookup import load_kb

        kb = load_kb()
        word = tok.text.removesuffix("'s").removesuffix("’s")
        state = kb.demonym(word) or next((e for e in kb.lookup(word) if e.type == "state"), None)
        if state is not None:
            keys.add(f"kb:{state.id}")
    return keys


def _introduced_unnamed(head: Token) -> bool:
    """Whether the report brought in the one a definite description stands for without a name: "the
    official added" after "a senior official, speaking on condition of anonymity, said", or after "said the
    official of the transport ministry" (an unnamed one placed in a body, who spoke)."""
    unnamed = head.lower_ in cues.ANONYMOUS_NOUNS and head.lower_ not in coref.OFFICE_NOUNS
    for tok in reversed(head.doc[:head.i]):
        if tok.lower_ != head.lower_:
            continue
        named = any(c.dep_ in ("appos", "compound", "flat") and c.pos_ == "PROPN" for c in tok.children)
        if any(c.dep_ == "det" and c.lower_ in ("a", "an", "another", "one") for c in tok.children):
            return not any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in tok.children)
        if unnamed and not named and tok.dep_ in ("nsubj", "nsubjpass") and any(
                c.dep_ == "prep" and c.lower_ in ("of", "at", "from", "in") for c in tok.children):
            return True
    return False


def _issuer(ctx: Context, head: Token) -> str | None:
    """"the statement said" after "the ministry said this in a statement" or "the union issued a statement",
    "the report said" after "a report released by the agency", "the union's letter reads": a document speaks
    for whoever the report says made it, in its own phrase or at the nearest earlier one of that noun."""
    if ctx.doc._.mentions is None or head.lower_ not in DOCUMENT_NOUNS | STUDY_NOUNS:
        return None
    if (maker := _maker(ctx, head)) is not None:
        return maker
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in head.children):
        return None
    for tok in reversed(ctx.doc[:head.i]):
        # "the document" and "the text" stand for whichever text was named before
        if tok.i == head.i or tok.lower_ != head.lower_ and not (
                head.lower_ in ("document", "text") and tok.lower_ in WRITINGS and tok.tag_ in ("NN", "NNP")):
            continue  # "the Lima Declaration ... the document reads": a text named by its title counts too
        if (maker := _maker(ctx, tok)) is not None:
            return maker  # "a report released on Wednesday by the agency ... the report said"
        verb = tok.head
        while verb.dep_ == "prep" and verb.head.i != verb.i:
            verb = verb.head
        if tok.dep_ not in ("dobj", "pobj"):
            continue  # an earlier "the statement said" is the same document, not its issuer
        issuer = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if verb.pos_ in ("VERB", "AUX") and issuer is not None:
            return speaker_of(ctx, [], issuer)
        break
    return _sole_study_maker(ctx, head)


def _sole_study_maker(ctx: Context, head: Token) -> str | None:
    """"the polling found" in a report that named one maker of a poll, a survey or a report before it ("a report by
    the Hartley Institute"), whatever noun it wrote it with: that maker; none when it named several."""
    if head.lower_ not in STUDY_NOUNS or _named_modifiers(ctx, head):
        return None  # "the Post-ABC poll" is by the makers it names, resolved or not, not the one maker named before
    makers = {_maker(ctx, tok) for tok in ctx.doc[:head.i] if tok.lower_ in STUDY_NOUNS | {"report", "reports"}}
    makers.discard(None)
    return makers.pop() if len(makers) == 1 else None


def _released_before(ctx: Context, head: Token) -> str | None:
    """"The bureau published its monthly figures on Tuesday. The data show ...": records the report calls by a
    definite description are those a subject released in the same or the sentence before, by whatever word."""
    if head.lower_ not in RELEASED_RECORDS or not any(c.dep_ == "det" and c.lower_ in ("the", "these")
                                                      for c in head.children):
        return None
    near = ctx.doc[head.sent.start - 1].sent.start if head.sent.start > 0 else 0
    for tok in reversed(ctx.doc[near:head.i]):
        if tok.lower_ in RELEASED_RECORDS and tok.dep_ == "dobj" and tok.head.lower_ in RELEASE_FORMS and (
                issuer := first_child(tok.head, "nsubj")) is not None:
            return speaker_of(ctx, [], issuer)
    return None


def _maker(ctx: Context, noun: Token) -> str | None:
    """Who a text is by, as its own phrase says: "a report released by the agency", "a statement from the
    ministry", "the federation's letter", "the UNHCR report" (never whom it is about: "a survey of voters")."""
    maker = issued_by(noun) or next((c for c in noun.children if c.dep_ == "poss"), None) or _site_owner(noun)
    if maker is None:
        maker = next((p for c in noun.children if c.dep_ == "prep" and c.lower_ == "from"
                      for p in c.children if p.dep_ == "pobj" and can_speak(p)), None)
    if maker is None:
        # "the Axios/Ipsos March survey": the maker named first, not the month it was taken in
        return next((e for e in (entity_at(ctx, n) for n in _named_modifiers(ctx, noun)) if e), None)
    if maker.lower_ in ("whose",):
        return None
    return speaker_of(ctx, [], maker)


def _named_modifiers(ctx: Context, noun: Token) -> list[Token]:
    """The proper nouns written before a text's noun that may name its maker ("the Axios/Ipsos March survey"),
    not a month or a place it is about."""
    return [t for t in noun.subtree if t.i < noun.i and t.pos_ == "PROPN" and t.ent_type_ != "DATE"
            and t.dep_ in ("compound", "nmod", "flat") and not any(
                m.start <= t.idx < m.end and m.type == "place" for m in ctx.doc._.mentions or ())]


def _site_owner(noun: Token) -> Token | None:
    """"a declaration published on the ASEAN website", "a statement posted on the ministry's site": the owner of
    the site a text was released on, who speaks by it."""
    for verb in noun.children:
        if verb.dep_ not in ("acl", "relcl") or verb.lower_ not in RELEASE_FORMS:
            continue
        for site in (p for c in verb.children if c.dep_ == "prep" and c.lower_ in ("on", "at")
                     for p in c.children if p.dep_ == "pobj" and p.lower_ in SITE_NOUNS):
            owner = next((c for c in site.children if c.dep_ in ("poss", "compound") and can_speak(c)), None)
            if owner is not None:
                return owner
    return None


# Where a body posts its texts: "on the ministry's website", "on the Kremlin's Telegram channel".
SITE_NOUNS = frozenset({"website", "site", "page", "portal", "channel", "account", "feed"})


def _said_before(ctx: Context, head: Token) -> str | None:
    """"the central bank said" after "Russia's central bank pledged": a description no name nearby
    accounts for is the nearest earlier speaker written with the same noun, as that one resolved."""
    if ctx.doc._.mentions is None or head.pos_ != "NOUN" or not any(
            c.dep_ == "det" and c.lower_ in ("the", "this") for c in head.children):
        return None
    if head.lower_ in coref.OFFICE_NOUNS or person_noun(head.lower_):
        return None  # a person by office is its holder, found by office, never "the head" of another body
    earlier = sorted((f.speaker for f in ctx.frames.values() if f.speaker is not None and f.speaker.i < head.i
                      and f.speaker.lower_ == head.lower_), key=lambda t: -t.i)
    for tok in earlier:
        found = entity_at(ctx, tok) or _described(ctx, tok) or _possessor(ctx, tok)
        if found is not None:
            return found
    return None


def _recent_person(ctx: Context, head: Token) -> str | None:
    """"the politician said", "said the head of the committee": a person described by what they do,
    not otherwise resolved, is the last person this or the few paragraphs before name as a subject or
    speaker (not someone acted on, nor a name inside what anyone is reported to say)."""
    low = head.lower_
    if ctx.doc._.mentions is None or (head.tag_ != "NN" and not (head.tag_ == "NNP" and low in coref.OFFICE_NOUNS)):
        return None  # one person, by a common noun or an office word the tagger took for a name ("the CEO")
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in head.children):
        return None
    if not (low in cues.PERSON_NOUNS or low in coref.OFFICE_NOUNS or person_noun(low) or low in cues.ANONYMOUS_NOUNS
            or low in EPITHETS or agent_noun(low) and not _thing_noun(low) and _titled_before(ctx, head)):
        return None
    if _introduced_unnamed(head):
        return None  # "the presenter asked" after "a Russian state TV presenter": that one, not a recent name
    office = low in coref.OFFICE_NOUNS and not _former(head)  # "the former Russian president" held it once
    if any(t.dep_ == "appos" for t in head.subtree if t.i != head.i) or any(
            c.dep_ in ("amod", "poss") and c.pos_ == "PROPN" or c.dep_ == "compound" and _state_name(ctx, c)
            or office and c.dep_ in ("compound", "amod", "poss") and c.ent_type_ in ("GPE", "NORP")
            for c in head.children) or any(
            t.pos_ == "PROPN" or t.ent_type_ in ("GPE", "NORP") for c in head.children
            if c.dep_ == "prep" and c.lower_ == "of" for t in c.subtree):
        # "the author of the study, Olesia Ruban" names its own person, resolved or not; "the Belarusian
        # leader", "the EU's envoy", "the head of the Indian government" hold an office of a named body:
        # neither is a recent name ("the Ukrainian expert" only says where an expert is from). A firm's or
        # body's name before the noun ("the Acme CEO said") is how a report goes on calling the person it
        # named: that one, as for "the executive".
        return None
    found = _last_named(ctx, head)
    after = found.end if found is not None else _window_start(ctx, head)
    pronouns = [f.speaker for f in ctx.frames.values() if f.speaker is not None and f.speaker.lower_.lstrip("-–—") in ("he", "she")
                and after <= f.speaker.idx and f.cue.idx < head.idx and not in_quotes(ctx, f.speaker.idx)]
    if pronouns:
        # "Ana Ruiz ... said ... - he said. / The politician added": the person the last "he said" stands for,
        # when the parse lost the name as a subject or no name comes after
        person = resolve(ctx, max(pronouns, key=lambda t: t.i))[0]
        if person is not None and any(m.entity == person and m.type == "person" for m in ctx.doc._.mentions) \
                and not _speaks_for_the_head(ctx, head, person) and not _titled_otherwise(ctx, head, person):
            return person
    if found is not None and (low in EPITHETS or _former(head)) and (
            _other_state(ctx, head, found) or found.entity and _holds_now(ctx, head, found.entity)):
        return None  # "the Belarusian dictator" is not the Polish minister named last
    return found.entity if found is not None and not _speaks_for_the_head(ctx, head, found.entity) \
        and not _titled_otherwise(ctx, head, found.entity) else None


# Words a report calls a person by instead of an office ("the dictator said", "the former spy predicts"): the
# person named before, as for "the politician".
EPITHETS = frozenset({"dictator", "autocrat", "despot", "tyrant", "strongman", "spy"})


def _other_state(ctx: Context, head: Token, found: Mention) -> bool:
    """Whether the states a description names ("the Belarusian dictator") and those in the found person's name
    and title ("Polish Defence Minister Jan Nowak") are both given and have none in common."""
    span = ctx.doc.char_span(found.start, found.end, alignment_mode="expand")
    wanted = set().union(*(_state_keys(ctx, t) for t in head.subtree if t.i != head.i))
    have = set().union(*(_state_keys(ctx, t) for t in _name_phrase(span.root) + _title_before(span))) if span else set()
    return bool(wanted and have and not wanted & have)


# Offices a report may write for one another ("Foreign Secretary" and "the minister", "Premier" and "the prime
# minister"); an office in none of these groups is matched only by itself.
OFFICE_GROUPS = (
    frozenset({"minister", "secretary", "premier", "chancellor"}),
    frozenset({"chairman", "chairwoman", "chair", "president"}),
    frozenset({"spokesman", "spokeswoman", "spokesperson"}),
    frozenset({"ambassador", "envoy"}),
    frozenset({"senator", "congressman", "congresswoman", "representative", "lawmaker"}),
    frozenset({"archbishop", "bishop", "patriarch", "cardinal", "pope", "pontiff"}),
)
# Offices precise enough that a person titled only with another office is someone else.
DISTINCT_OFFICES = frozenset().union(*OFFICE_GROUPS, {"governor", "mayor", "prosecutor", "judge", "ambassador"}) - {
    "lawmaker", "representative"}


# Words of a description naming an office held besides the one a title gives: "the former congressman", "the
# deputy prime minister".
SECOND_OFFICE = frozenset({"former", "ex", "then", "deputy", "vice", "onetime", "erstwhile"})


def _office_group(word: str) -> frozenset[str]:
    return next((g for g in OFFICE_GROUPS if word in g), frozenset({word}))


def _titled_otherwise(ctx: Context, head: Token, person: str) -> bool:
    """Whether a description of a person ("the chairman", "the former Russian official") contradicts every title
    the report gave ``person`` before it: an office of another kind ("the chairman" is not the "Defence Secretary"
    named last, "the minister" not the president; a former or deputy's office may be), or words of another state ("the Russian official" is not the
    "Chinese President" named last). A person named without a title may be anyone so described."""
    titles = [t for m in ctx.doc._.mentions if m.entity == person and m.type == "person" and m.end <= head.idx
              for t in _title_of(ctx, m)]
    low = head.lower_
    offices = {t.lower_ for t in titles if t.lower_ in DISTINCT_OFFICES}
    second = any(t.lower_.strip("-") in SECOND_OFFICE for t in head.subtree if t.i < head.i)
    if low in DISTINCT_OFFICES and offices and not offices & _office_group(low) and not second:
        return True  # a former or a deputy's office ("the former congressman") may be one the title left out
    wanted = set().union(*(_state_keys(ctx, t) for t in head.subtree if t.i != head.i and t.i < head.i))
    have = set().union(*(_state_keys(ctx, t) for t in titles))
    return bool(wanted and have and not wanted & have)


FORMER = frozenset({"former", "ex", "onetime", "erstwhile"})


def _former(head: Token) -> bool:
    """Whether a description names an office held before ("the former president", "the ex-minister")."""
    return any(t.lower_.strip("-") in FORMER for t in head.subtree if t.i < head.i)


def _holds_now(ctx: Context, head: Token, person: str) -> bool:
    """Whether a description of a past office ("the former Brazilian president") meets a person the report titled
    with that office as held now ("Brazilian President Carlos Andrade"): the one who held it before is someone
    else."""
    if not _former(head):
        return False
    group = _office_group(head.lower_)
    for m in ctx.doc._.mentions:
        if m.entity == person and m.type == "person" and m.end <= head.idx:
            title = [t.lower_.strip("-") for t in _title_of(ctx, m)]
            if any(w in group for w in title) and not any(w in FORMER for w in title):
                return True
    return False


def _speaks_for_the_head(ctx: Context, head: Token, person: str) -> bool:
    """Whether a description and the person's own title set a body's head against its spokesperson: "the
    director of the board" is not "Karl Tamm, a spokesman for the water board", nor "the spokeswoman" the
    chairman named before (a body speaks through one and is run by the other)."""
    titles = {t.lower_ for m in ctx.doc._.mentions if m.entity == person and m.end <= head.idx
              for t in _title_of(ctx, m)}
    spokes = any(w.startswith("spokes") for w in titles)
    heads = bool(titles & HEAD_NOUNS)
    if head.lower_ in HEAD_NOUNS:
        return spokes and not heads
    return head.lower_.startswith("spokes") and heads and not spokes


def _window_start(ctx: Context, head: Token) -> int:
    """Where the few paragraphs of prose before ``head``'s own begin: how far back a description's person is
    looked for (a heading or caption between, "Continuation under the video", is no paragraph of prose)."""
    floor = ctx.paragraph(head)[0]
    counted = 0
    for _ in range(3 * DESCRIBED_PARAGRAPHS):
        if counted >= DESCRIBED_PARAGRAPHS or floor <= 0:
            break
        floor = previous_paragraph(ctx.text, floor)
        counted += _prose_line(ctx.text, floor)
    return floor


def _last_named(ctx: Context, head: Token) -> Mention | None:
    """The mention of the last person this or the few paragraphs before ``head`` name as a subject or speaker,
    outside what anyone is reported to say."""
    floor = _window_start(ctx, head)
    skip = own_content(ctx, head)
    speakers = {f.speaker.i for f in ctx.frames.values() if f.speaker is not None}
    doc = ctx.doc
    told = reported_spans(ctx)
    actors = []
    for m in ctx.doc._.mentions:
        if m.type != "person" or not m.entity or not floor <= m.start or m.end > head.idx or skip[0] <= m.start < skip[1]:
            continue
        if any(a <= m.start < b for a, b in told):
            continue  # "Jeffries said that Putin is seeking": Putin is talked about
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        tok = span.root if span is not None and len(span) else None
        for _ in range(4):  # "the chairwoman of the commission Ana Ruiz said": the name inside the subject
            if tok is None or tok.dep_ in ("nsubj", "nsubjpass") or tok.i in speakers:
                break
            climbs = tok.dep_ in ("appos", "flat", "pobj", "prep", "conj") or tok.dep_ == "compound" and (
                tok.head.pos_ == "PROPN" or person_noun(tok.head.lower_) or tok.head.lower_ in coref.OFFICE_NOUNS)
            # "Putin troops have committed": a name modifying a thing is not the one who acts
            tok = tok.head if climbs and tok.head.i != tok.i else None
        # the one who acts or speaks there ("Chief executive Tom Harlan defended"), not someone acted on, nor
        # someone a condition supposes ("she fears that if the minister resigns, ...")
        if tok is not None and (tok.dep_ in ("nsubj", "nsubjpass") or tok.i in speakers) and not in_quotes(ctx, m.start) \
                and not _supposed(tok):
            actors.append(m)
    return max(actors, key=lambda m: m.end) if actors else None


def _body_member(ctx: Context, head: Token) -> str | None:
    """"“…,” the founder of the firm wrote", "said the head of the foreign ministry": a definite description of
    a person by their place in a named body or state is the last person named as a subject or speaker in the few
    paragraphs before (a report names someone new before describing them), unless the title written with that
    name places them in another body or state of the same kind ("the president of France" is not the German
    chancellor named before). An unnamed spokesman or official stays the body's voice (see :func:`resolve`)."""
    low = head.lower_
    if ctx.doc._.mentions is None or head.tag_ != "NN" or not any(
            c.dep_ == "det" and c.lower_ in ("the", "this") for c in head.children):
        return None
    if low in cues.ANONYMOUS_NOUNS or not (low in cues.PERSON_NOUNS or low in coref.OFFICE_NOUNS or person_noun(low)):
        return None
    places = [t for c in head.children if c.dep_ == "prep" and c.lower_ in PLACE_PREPS for t in c.subtree]
    bodies = {key for t in places for key in _body_keys(ctx, t)}
    if not bodies or _introduced_unnamed(head):
        return None
    found = _last_named(ctx, head)
    if found is None:
        return None
    title = _title_of(ctx, found)
    held = {key for t in title for key in _body_keys(ctx, t)}
    kinds = {kind for kind, _ in bodies}
    if any(kind in kinds and (kind, entity) not in bodies for kind, entity in held):
        return None  # the person named before holds a place in another body of that kind
    words = {t.lower_ for t in places if t.is_alpha and not t.is_stop}
    if any(t.lower_ in PLACE_PREPS for t in title) and not words & {t.lower_ for t in title}:
        return None  # "the deputy head of the electoral commission, Ana Torres" is not "the head of the government"
    return found.entity


# Prepositions that place a person in a body: "the head of", "a researcher at", "the spokesman for".
PLACE_PREPS = ("of", "at", "for")


def _body_keys(ctx: Context, tok: Token) -> set[tuple[str, str]]:
    """(kind, actor) for each body or state a word names: the mention it is part of, and the state an
    adjective names ("German" names Germany as "Germany" does)."""
    keys = {("state", k) for k in _state_keys(ctx, tok)}
    keys.update((m.type, m.entity) for m in ctx.doc._.mentions or ()
                if m.start <= tok.idx < m.end and m.entity and m.type not in ("person", None))
    return keys


def _supposed(subject: Token) -> bool:
    """Whether a subject's clause is a condition ("if the minister resigns", "unless the mayor signs"): someone
    supposed to act, not someone who acts or speaks."""
    return supposed(subject.head)


def _state_name(ctx: Context, tok: Token) -> bool:
    """Whether a proper-noun modifier is not a firm's or a body's own name: a place, a people, a state, or a
    union of states ("the US president", "the EU envoy"); "the Naftogaz CEO" names a firm."""
    if tok.pos_ != "PROPN":
        return False
    if tok.ent_type_ not in ("ORG", ""):
        return True
    return any(m.start <= tok.idx < m.end and m.type not in ("organization", "group", "person")
               for m in ctx.doc._.mentions or ())


def _prose_line(text: str, start: int) -> bool:
    """Whether the paragraph starting at ``start`` is prose: it ends a sentence."""
    end = text.find("\n", start)
    line = text[start:end if end >= 0 else len(text)].rstrip()
    return line.endswith((".", "!", "?", "\"", "”", "’", "'", ":"))


def _referent(ctx: Context, pronoun: Token) -> str | None:
    """The actor coreference finds for a pronoun no speaker accounts for: "The agency raised *its*
    estimate" is the agency; "they" stands for the bodies named as its subject or before it."""
    if not ctx.doc._.mentions:
        return None
    found = coref.antecedent(ctx.doc, ctx.doc[pronoun.i : pronoun.i + 1])
    if found is not None and in_quotes(ctx, found.start) and not in_quotes(ctx, pronoun.idx):
        return None  # "“... the National Parliament voted ...,” the statement said. It added": not the parliament
    return found.entity if found is not None else None


def _described(ctx: Context, head: Token) -> str | None:
    """The actor a description stands for ("the ministry", "the president"), by coreference."""
    if not ctx.doc._.mentions:
        return None
    start, end = phrase(ctx, head, head)
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    found = coref.described(ctx.doc, span) if span is not None and len(span) else None
    if found is not None and _other_kind(head, found.text):
        return None  # "the labour ministry" is not the news agency named last because both are bodies
    if found is not None and found.type == "person" and found.entity and _titled_elsewhere(ctx, head, found.entity):
        return None  # "the Commission's spokesman" is not the spokesman the report named for the water board
    if found is not None and found.type == "person" and in_quotes(ctx, found.start) and not in_quotes(ctx, head.idx):
        return None  # "“I kept calling Zelensky ...,” the head of state said": a person the quoted words name
    if found is not None and found.type == "person" and found.entity and _holds_now(ctx, head, found.entity):
        return None  # "the former president" is not the one the report titled president
    return found.entity if found is not None else None


def _later_holder(ctx: Context, head: Token) -> str | None:
    """The person named later whom the knowledge base has hold the office a description names ("the Moldovan
    leader" before "Maia Sandu")."""
    if not ctx.doc._.mentions:
        return None
    start, end = phrase(ctx, head, head)
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    found = later_holder(sorted(ctx.doc._.mentions, key=lambda m: (m.start, m.end)), span) if span is not None and len(span) else None
    return found.entity if found is not None else None


def _other_kind(head: Token, name: str) -> bool:
    """Whether a body's name says it is not what a qualified description describes: "the labour ministry"
    is not "the Andina agency", "the regional labour office" not the "Ministry of Labour" (the description's
    noun is not in the name); "the ministry" alone and "the Ukrainian ministry" may stand for any body of that
    kind named before."""
    if head.pos_ != "NOUN" or head.lower_ in coref.OFFICE_NOUNS:
        return False
    words = set(name.lower().replace("’", "'").replace("'s", "").split())
    qualifiers = [c for c in head.children if c.dep_ in ("compound", "amod") and c.pos_ in ("NOUN", "ADJ")
                  and not c.ent_type_ and c.lower_ not in ROLE_GRADES]
    return bool(qualifiers) and head.lower_ not in words


def _possessor(ctx: Context, head: Token) -> str | None:
    """An office speaks for its holder: "Yoon's office", "the EU's spokesman", "Pentagon officials",
    "officials at the health ministry", "a spokesman for the union"."""
    owners = [c for c in head.children if c.dep_ in ("poss", "compound") and c.pos_ in ("PROPN", "NOUN")]
    if head.lower_ in coref.OFFICE_NOUNS and not head.lower_.startswith("spokes"):
        return next((e for e in (entity_at(ctx, o) for o in owners) if e), None)  # "the head of X" is not X
    if head.tag_ == "NN" and head.lower_ not in cues.ANONYMOUS_NOUNS and not agent_noun(head.lower_):
        # "Ukrainian intelligence" speaks for the state; "Estonian services" are several bodies, "a
        # senior Malian official" is one unnamed person and "a Russian scholar" a person of that country
        owners += [c for c in head.children if c.dep_ == "amod" and c.ent_type_ in ("NORP", "GPE")]
    owners += [p for c in head.children if c.dep_ == "prep" and c.lower_ in ("at", "for", "from", "of", "with")
               for p in c.children if p.dep_ == "pobj" and p.pos_ in ("PROPN", "NOUN")]
    owner = next((e for e in (entity_at(ctx, o) for o in owners) if e), None)
    if owner is not None and head.lower_ in GOVERNMENT_NOUNS:
        return _governed(ctx, owner) or owner
    return owner


# Endings of nouns for what a person does ("scholar", "analyst", "historian", "researcher", "editor").
AGENT_ENDINGS = ("ist", "ists", "ian", "ians", "lar", "lars", "er", "ers", "or", "ors")


def agent_noun(low: str) -> bool:
    """Whether a lower-case noun names a person by what they do: the known person nouns, and words with the
    endings of agent nouns (a state's "intelligence", "military" or "government" has none)."""
    return person_noun(low) or low.endswith(AGENT_ENDINGS)


def _titled_before(ctx: Context, head: Token) -> bool:
    """Whether the report wrote this noun before as a named person's title ("Chilean historian ... Marta Quiroga"
    before "the historian explained"): a noun the lexicon does not know as a person's is one where it titles one."""
    mentions = ctx.doc._.mentions or ()
    for tok in ctx.doc[:head.i]:
        if tok.lower_ == head.lower_ and any(
                t.pos_ == "PROPN" and any(m.start <= t.idx < m.end and m.type == "person" for m in mentions)
                for t in [*tok.subtree, tok.head]):
            return True
    return False


def _thing_noun(low: str) -> bool:
    """A noun with an agent noun's ending that names a body, a text or an outlet: "the paper", "the letter"."""
    return (low in BODY_WORDS or low in DOCUMENT_NOUNS or low in STUDY_NOUNS or low in cues.MEDIA_WORDS
            or low in cues.MUTE_NOUNS or institution(low))


# Words for a body by its kind alone: "the organization added", "the paper wrote".
BODY_WORDS = frozenset({"organization", "organisation", "group", "agency", "body", "institution", "outlet", "company",
                        "firm", "newspaper", "paper", "daily", "broadcaster", "publication", "network", "website",
                        "institute", "charity", "think-tank", "watchdog", "monitor"})
# Nouns for the government a leader heads: "President Joe Biden's administration" is the United States.
GOVERNMENT_NOUNS = frozenset({"administration", "government", "cabinet"})


def _governed(ctx: Context, person: str) -> str | None:
    """The state whose government a knowledge-base person led on the report's date (else at any time)."""
    if not person.startswith("kb:person:"):
        return None
    from storyline.kb.lookup import load_kb

    kb = load_kb()
    when = ctx.doc._.published
    spells = (kb.offices(person[3:], when) if when is not None else []) or kb.offices(person[3:])
    states = {t.of for t in spells if t.of and t.office.startswith(("head_of_state", "head_of_government"))}
    return f"kb:{states.pop()}" if len(states) == 1 else None


# -- the source of a record: a speaker token as a Source --------------------------------
DOCUMENT_NOUNS = frozenset({"letter", "document", "communique", "communiqué", "declaration", "text",
                            "report", "reports", "briefing", "briefings", "statement", "statements", "assessment",
                            "assessments", "data", "figures", "estimates"})
# Records a body releases, any of which the next sentence may call by another of these words, and the verbs of
# releasing them ("The bureau published its figures", not "The union disputed the figures").
RELEASED_RECORDS = CITED_RECORDS | frozenset({"information"})
RELEASE_FORMS = FW.DOCUMENT_VERBS | FW.inflect("present", "provide", "share", "unveil", "compile")
# Findings someone made, which speak for their maker as a document does: "the survey found", "the study says".
STUDY_NOUNS = frozenset({"survey", "poll", "polls", "polling", "study", "audit", "analysis", "review", "investigation",
                         "inquiry", "research"})
RELATIVE_PRONOUNS = frozenset({"who", "that", "which", "whom"})


@dataclass
class Source:
    """A resolved source: actor id, text as written, kind, offsets and the hops it was relayed through."""

    id: str | None
    text: str
    kind: str
    start: int | None = None
    end: int | None = None
    relays: list[str] = field(default_factory=list)


def relative_head(tok: Token) -> Token | None:
    """The noun a relative pronoun stands for: "the minister, *who* said" -> minister."""
    if tok.lower_ in RELATIVE_PRONOUNS and tok.dep_ in {"nsubj", "nsubjpass"}:
        clause = tok.head
        if clause.dep_ in {"relcl", "acl"} and clause.head.i != clause.i:
            return clause.head
    return None


def source_of(ctx: prose.Context, head: Token | None, anonymous: bool = False, text: str | None = None) -> Source:
    """Resolve who asserts something from the head of the speaker's noun phrase."""
    if head is None:
        return Source(None, text or "unnamed", "anonymous")
    rel = relative_head(head)
    if rel is not None:
        head = rel  # "who" is never the speaker: its antecedent is
    np = noun_phrase(head)
    if head.text == "%" or head.lower_ in ("percent", "cent") or head.like_num:
        # "More than 80% in Norway and Finland said": a share of people no one names, whatever places it names
        return Source(None, np.text, "anonymous", np.start_char, np.end_char)
    said = credited(ctx.quotes, head)
    if said is not None:
        # a speaker the quotes component resolved keeps that actor for every record
        kind = "anonymous" if said.anonymous or anonymous else "named"
        return Source(said.speaker, np.text, kind, np.start_char, np.end_char)
    if (maker := issued_by(head)) is not None and maker.i != head.i:
        return source_of(ctx, maker)  # "polling done by Chatham House", "a survey conducted by the university"
    if head.lower_ in DOCUMENT_NOUNS:
        # "reports from the DIA and U.S. intelligence": the source is who issued them
        by = next((first_child(p, "pobj") for p in head.children
                   if p.dep_ == "prep" and p.lower_ in {"from", "by", "of"}), None)
        if by is not None:
            return source_of(ctx, by)
    # One resolver: the speaker module answers who a head stands for, as it does for quotes.
    entity, unnamed = resolve(ctx.speech, head) if ctx.doc._.mentions is not None else (None, False)
    if head.lower_ in PERSON_PRONOUNS or head.lower_ in cx.PRONOUNS:
        return Source(entity, head.text, "named", head.idx, head.idx + len(head))
    mention = ctx.mention_at(head)
    inside = ctx.mentions_in(np.start_char, np.end_char)
    appos = [c for c in head.children if c.dep_ == "appos"]
    named_appos = [m for a in appos for m in ctx.mentions_in(a.left_edge.idx, a.right_edge.idx + len(a.right_edge))
                   if m.type == "person" or m.label == "PERSON"]
    generic = head.lower_ in cx.ANONYMOUS_NOUNS and head.pos_ != "PROPN" and not named_appos and (
        head.tag_ in {"NNS", "NNPS"} or head.left_edge.lower_ in {"a", "an", "one", "some", "several", "many"}
        or not any(c.dep_ in {"det", "poss"} for c in head.children)
    )
    if named_appos:
        mention = named_appos[0]
    elif head.pos_ == "NOUN" and (described := coref.described(ctx.doc, np)) is not None \
            and not _other_kind(head, described.text):
        mention = described  # "the president", "the ministry": the actor described
    elif mention is None and inside:
        mention = inside[-1]
    actor = entity or (mention.entity if mention else None)
    if actor is None and head.pos_ == "NOUN" and (head.lower_ in cx.ANONYMOUS_NOUNS or head.lower_ in DOCUMENT_NOUNS):
        generic = True  # "the official said", "the latest reports": no one the report names stands behind it
    kind = "anonymous" if generic or anonymous else "named"
    return Source(actor, np.text, kind, np.start_char, np.end_char)


def quote_source(ctx: prose.Context, q: Quote) -> Source:
    """The source of a clause that is a quotation: its speaker, relayed by the outlet it was told to."""
    speaker, text = q.speaker, q.speaker_text  # resolved by the speaker module, pronouns included
    relays = [q.via or q.via_text] if (q.via or q.via_text) else []
    kind = "anonymous" if q.anonymous else "quoted"
    return Source(speaker, text or "unnamed", kind, q.speaker_start, q.speaker_end, relays)


def frame_source(ctx: prose.Context, speaker: Token | None, anonymous: bool, cue: str) -> Source:
    """The source of a reporting frame; a speaker the quotes component resolved keeps that actor."""
    src = source_of(ctx, speaker, anonymous, cue)
    if speaker is not None and src.id is None and (q := credited(ctx.quotes, speaker)) is not None:
        src.id, src.kind = q.speaker, "anonymous" if q.anonymous else src.kind
    return src


def hop_name(ctx: prose.Context, tok: Token) -> str:
    """A relay as stored: its actor id where resolved, else its text."""
    src = source_of(ctx, tok)
    return src.id or src.text
