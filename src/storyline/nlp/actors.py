"""Actor mentions: found by NER and the knowledge base, resolved to one identity each."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from storyline.kb.lookup import KnowledgeBase, load_kb
from storyline.kb.normalize import key, slug
from storyline.models import Mention
from storyline.nlp import actor_context as context
from storyline.nlp import actor_cues as cues
from storyline.nlp.actor_confidence import THRESHOLD, doubtful
from storyline.nlp.actor_links import (DocState, head_word_links, kb_id, owned_generic_links, short_form_links,
                                       split_name_links)
from storyline.nlp.actor_lists import cities_listed_with_places, one_kind_per_list
from storyline.nlp.actor_outlets import own_outlets
from storyline.nlp.actor_resolution import (  # noqa: F401  (re-exported)
    COMPATIBLE, FACETS, FEATURE_NOUNS, GENERIC_PLACE_NOUNS, LOCATIVE, PLACE_NOUNS, STORM_WORDS, TYPE_OF_LABEL,
    SpanResolution,
)
from storyline.nlp.actor_patterns import patterns
from storyline.nlp.actor_parts import (coordinated_places, given_name_cut_off, join_nickname, split_acronym, split_at_place,
                                       split_demonym, split_known_words, split_possessor, split_run_together,
                                       titled_appositive_names,
                                       unlabelled_full_names,
                                       unlabelled_places)
from storyline.nlp.actor_repeats import repeated_surnames
from storyline.nlp.actor_roles import role_descriptions, role_of
from storyline.nlp.actor_shared import government_of, names_a_site, shared_heads
from storyline.nlp.actor_spelling import SpellingIndex
from storyline.nlp.actor_spelling import polish_spelling, similar_place
from storyline.nlp.actor_spans import (clean_edges, drop_article, extend_facility, extend_name_left,
                                       extend_person_left, in_body, join_adjacent, strip_honorifics, trim)
from storyline.nlp.actor_surfaces import match_surfaces, own_name
from storyline.nlp.actor_word_order import WordOrderIndex
from storyline.nlp.pipeline import text_of

ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT"}
_REORDERED = "storyline_reordered_bodies"


@dataclass
class _Candidate:
    span: Span
    label: str


class ActorResolver(SpanResolution):
    """Finds and resolves actor mentions in one Doc, using a knowledge base."""

    min_confidence: float = THRESHOLD
    """Actors of a report below this confidence (actor_confidence) are dropped; 0 keeps every one."""

    def __init__(self, nlp: Language, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.spelling = SpellingIndex(kb)
        self.word_order = WordOrderIndex(kb)
        self.matcher = PhraseMatcher(nlp.vocab)
        self.matcher_lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        exact, lower = match_surfaces(kb)
        # Names the knowledge base writes in lower case only ("dpa"): matched as written, they are names.
        self.lower_names = {s for s in exact if not any(ch.isupper() for ch in s)}
        self.matcher.add("KB", patterns(nlp, exact, "ORTH"))
        self.matcher_lower.add("KB", patterns(nlp, lower, "LOWER"))

    # -- finding ---------------------------------------------------------------------

    def candidates(self, doc: Doc) -> list[_Candidate]:
        ents = join_adjacent([(ent, ent.label_) for ent in doc.ents if ent.label_ in ACTOR_LABELS], self.kb.lookup)
        ents = [part for span, label in join_nickname(ents) for part in split_possessor(span, label, self.kb.lookup)]
        ents = [part for span, label in ents
                for part in split_run_together(span, label, self.kb.lookup, self.spelling.given_name)]
        ents = [part for span, label in ents
                for part in given_name_cut_off(span, label, self.kb.lookup, self.spelling.given_name)]
        ents = [part for span, label in ents for part in split_at_place(span, label, self.kb.lookup)]
        ents = [part for span, label in ents for part in split_acronym(span, label, self.kb.lookup)]
        ents = [part for span, label in ents for part in split_known_words(span, label, self.kb.lookup)]
        ents = [part for span, label in ents for part in split_demonym(span, label, self.kb.lookup, self.kb.demonym)]
        found = []
        for span, label in ents:
            span = drop_article(span)
            if label == "PERSON":
                span = extend_person_left(span, self.kb.lookup, self.spelling.given_name)
            elif label in ("GPE", "LOC", "ORG") and len(span) == 1:
                named = extend_person_left(span, self.kb.lookup, self.spelling.given_name)
                if named is not span and self.spelling.given_name(named[0].text):
                    span, label = named, "PERSON"  # "Oleksii Vlasenko, 32," with the surname alone tagged a place
            # "the NATO base", "a US base": a body's or a state's site, not a place named with the body's name
            facility = extend_facility(span) if label in ("GPE", "LOC", "ORG", "FAC") and not any(
                e.type in ("state", "igo", "organization", "group") for e in self.kb.lookup(span.text)) else span
            found.append(_Candidate(facility, "FAC" if facility is not span else label))
        # "(UN Office for the) Coordination of Humanitarian Affairs": NER cut the name after "for".
        found = [_Candidate(extend_name_left(c.span), c.label) if c.label == "ORG" and not self.kb.lookup(c.span.text)
                 else c for c in found]
        found = [self._word_order(doc, c) for c in found]
        found.extend(_Candidate(span, "GPE") for span in unlabelled_places(doc))
        found.extend(_Candidate(span, "PERSON") for span in unlabelled_full_names(doc, self.kb.lookup))
        found.extend(_Candidate(span, "PERSON") for span in titled_appositive_names(doc, self.kb.lookup))
        for matcher in (self.matcher, self.matcher_lower):
            for _, start, end in matcher(doc):
                span = doc[start:end]
                # Lower-case matches only for multi-word names ("the european union"), never
                # for single words that happen to be common nouns.
                if matcher is self.matcher_lower and len(span) == 1 and not span.text[0].isupper():
                    continue
                if matcher is self.matcher_lower and any(t.is_lower and t.ent_type_ in ("DATE", "TIME") for t in span):
                    continue  # "against Belarus and Russia today": a name, then a time, not "Russia Today"
                found.append(_Candidate(span, "KB"))
        found = _cut_at_known_names(found, self.kb)
        # Longest span wins; for equal spans prefer the NER label (it carries the type).
        found.sort(key=lambda c: (c.span.start, -(c.span.end - c.span.start), c.label == "KB"))
        chosen: list[_Candidate] = []
        taken: set[int] = set()
        for cand in found:
            tokens = set(range(cand.span.start, cand.span.end))
            if tokens & taken:
                continue
            chosen.append(cand)
            taken |= tokens
        return chosen

    def _word_order(self, doc: Doc, cand: _Candidate) -> _Candidate:
        """An unknown body's name that is a known body's with its words in another order ("the National Security
        Council and Defense of X"), read on to where the words agree; the body is noted on the doc."""
        if cand.label != "ORG" or self.kb.lookup(cand.span.text):
            return cand
        found = self.word_order.body(cand.span)
        if found is None:
            return cand
        span, entity = found
        doc.user_data.setdefault(_REORDERED, {})[key(span.text)] = (kb_id(entity), entity.type)
        return _Candidate(span, "ORG")

    # -- resolving -------------------------------------------------------------------

    def resolve(self, doc: Doc) -> list[Mention]:
        doc_id = doc._.doc_id or ""
        when: dt.date | None = doc._.published
        state = DocState()
        state.doc_tag = slug(doc_id)[:12]
        state.when = when
        state.declines = polish_spelling(text_of(doc))
        state.things |= context.conduit_names(doc)  # "Nord Stream 2" after "the Nord Stream 2 pipeline"
        mentions: list[Mention] = []
        spans = []
        for cand in self.candidates(doc):
            whole = any(e.type == "organization" for e in self.kb.lookup(cand.span.text)[:1])
            cleaned = clean_edges(cand.span, keep_possessive=whole)
            if cleaned is None and cand.label == "KB" and cand.span.text in self.lower_names:
                cleaned = cand.span  # "German news agency dpa"
            if whole and cleaned is not None:
                cleaned = own_name(cleaned, self.kb)
            if cleaned is None or not in_body(cleaned):
                continue  # headings, bylines, captions, datelines, labels and debris are not actors
            if cleaned.end < len(doc) and doc[cleaned.end].text == "/" and not doc[cleaned.end - 1].whitespace_:
                continue  # a photo credit: "Timothy Fadek/Redux", "Jane Doe/Reuters"
            span = context.strip_compass(strip_honorifics(trim(cleaned)), self.kb)
            if cand.label == "PERSON" and len(span) and not self.kb.lookup(span.text):
                span = context.opening_common_word(span)
            if cand.label == "PERSON" and len(span) and names_a_site(span):
                continue  # "St Michael's Square": a site named after a person, not the person
            if len(span) and span[0].is_lower and span[0].is_stop:
                continue  # "the Minister of Foreign Affairs": a title, not a name
            if len(span) and (context.compass_word(span) or context.byline_sentence(span)
                              or context.in_headline_run(span) or context.in_quoted_title(span)
                              or context.shouted(span) or context.bracketed_citation(span)
                              or context.credit_sentence(span) or context.glued_word(span)
                              or context.currency_name(span, self.kb) or context.work_title(span)):
                continue  # "the West"; "…, Jane Doe in Kyiv report."; a headline run into the text; a book's
                # title; "JOIN US ON TELEGRAM!"; "(Coastal Courier, 20 February)"; "X contributed to this report.";
                # "the ForeignHe" run together on a page that lost its spaces; "the Ukrainian Hryvnia", a currency;
                # "the 1994 movie The Shawshank Redemption", a work's title
            vessel = context.vessel_name(span) if len(span) and cand.label != "NORP" else None
            if vessel is not None and all(e.type in (("person", "place") if vessel == "named" else ("person",))
                                          for e in self.kb.lookup(span.text)):
                state.things.add(key(span.text))
                continue  # "the landing ship Caesar Kunikov", "the Sapsan train": a vessel, not an actor, and
                # no full name for a bare word to follow ("Maersk said its container ship Maersk Hangzhou")
            if len(span):
                person = cand.label == "ORG" and (cues.who_follows(span) or cues.described_as_person(span))
                spans.append((span, "PERSON" if person else cand.label))
        state.named = self._full_names(spans)
        state.countries = self._countries(spans)
        state.place_forms = self._place_forms(spans)
        state.person_words = {key(span.text) for span, label in spans if label == "PERSON" and len(span) == 1}
        state.name_words = {w for span, _ in spans if len(span) > 1 for w in key(span.text).split()}
        for span, label in spans:
            cand = _Candidate(span, label)
            reordered = doc.user_data.get(_REORDERED, {}).get(key(span.text))
            if reordered is not None:
                start, end, text = span.start_char, span.end_char, span.text
                mention = Mention("", start, end, text, label, *reordered)
            else:
                mention = self._resolve_one(span, cand.label, state)
            if mention is None:
                continue
            mention.doc = doc_id
            if mention.type == "person" and mention.label == "PERSON":
                mention.role = mention.role or role_of(span)
            state.note(span, mention)
            if mention.entity and mention.entity.startswith("local:place:"):
                state.places.add(mention.entity)
            mentions.append(mention)
        mentions = [part for m in mentions for part in _owner_and_body(m, self.kb)]
        for m in mentions:
            if (m.entity or "").startswith("local:place:") and len(m.text.split()) == 1 \
                    and not m.entity.endswith("-region") \
                    and (place := similar_place(key(m.text), state.place_forms)) is not None:
                m.entity = place  # "around Kersoń" in a report that names Kherson: the known place, misspelt
        # A name first seen as "the Indo-Pacific region" is a place wherever it appears.
        for m in mentions:
            if m.entity and m.entity.startswith(("local:organization:", "local:person:")):
                place = "local:place:" + m.entity.split(":", 2)[2].split("@")[0]
                if place in state.places:
                    m.entity, m.type = place, "place"
        _one_bare_name(mentions)
        coordinated_places(doc, mentions, context.BODY_NOUNS)
        one_kind_per_list(doc, mentions, state.doc_tag)
        cities_listed_with_places(doc, mentions, self._city_of)
        mentions = shared_heads(doc, mentions, self.kb)
        government_of(doc, mentions, self.kb)
        text = text_of(doc)
        owned_generic_links(text, mentions, self.kb)
        split_name_links(text, mentions, self.kb)
        head_word_links(mentions, self.kb)
        short_form_links(mentions)
        # "We do have Patriots" where the report wrote "Patriot air defense systems": the same thing.
        mentions = [m for m in mentions if not (m.entity and m.entity.startswith("local:")
                                                 and {key(m.text), key(m.text).removesuffix("s")} & state.things)]
        own = own_outlets(doc, mentions)
        mentions = [m for m in mentions if m.entity not in own]  # the report's own outlet is its voice
        for m in repeated_surnames(doc, mentions, self.kb.lookup):
            m.doc = doc_id
            mentions.append(m)
        mentions.extend(self.role_descriptions(doc, when, {(m.start, m.end) for m in mentions}))
        mentions.sort(key=lambda m: (m.start, m.end))
        if self.min_confidence > 0:
            # An actor no knowledge-base link supports and whose evidence in the report is weak (named once,
            # only as a noun's modifier, outside running text) is no actor.
            weak = doubtful(doc, mentions, self.min_confidence)
            mentions = [m for m in mentions if m.entity not in weak]
        return mentions

    def _city_of(self, text: str) -> str | None:
        """The knowledge base's city a capital's name stands for, as an id ("London": the city)."""
        place = self._metonym_place(text)
        return kb_id(place) if place is not None else None

    def role_descriptions(self, doc: Doc, when: dt.date | None, taken: set[tuple[int, int]]) -> list[Mention]:
        """"the Lithuanian foreign minister" -> the holder of that office on the report's date."""
        return role_descriptions(doc, self.kb, when, taken)


_OWNED = re.compile(r"\A(?P<owner>[^'’]+)['’]s (?P<body>\S.*)\Z")


def _owner_and_body(mention: Mention, kb: KnowledgeBase) -> list[Mention]:
    """"Georgia's Interior Ministry", a state's body named by its generic name: the state, then the body
    (under the generic words alone), so the report names both."""
    match = _OWNED.match(mention.text)
    if match is None or mention.type != "organization" or not (mention.entity or "").startswith("kb:"):
        return [mention]
    body = kb.get(mention.entity[3:])
    owner = kb.lookup(match["owner"])
    if body is None or not owner or owner[0].type != "state" or owner[0].id != body.country:
        return [mention]
    owner_end = mention.start + len(match["owner"])
    body_start = mention.start + match.start("body")
    return [Mention(mention.doc, mention.start, owner_end, match["owner"], "GPE", f"kb:{owner[0].id}", "state"),
            Mention(mention.doc, body_start, mention.end, match["body"], mention.label, mention.entity, mention.type,
                    mention.role, mention.facet)]


def _one_bare_name(mentions: list[Mention]) -> None:
    """One word a report names now as a body and now as a person known only by that word ("Silva, a company
    registered last year ... Silva was registered"; "Kirill also stated ... Kirill blessed"): one actor, the
    kind most of its mentions have (a body on a tie: its id is not bound to the report)."""
    bodies = {key(m.text): m.entity for m in mentions if m.entity and m.entity.startswith("local:organization:")
              and len(m.text.split()) == 1}
    people = {key(m.text): m.entity for m in mentions if m.entity and m.entity.startswith("local:person:")
              and "@" in m.entity and len(m.text.split()) == 1}
    for word in bodies.keys() & people.keys():
        body, person = bodies[word], people[word]
        counts = Counter(m.entity for m in mentions if m.entity in (body, person))
        keep, drop = (person, body) if counts[person] > counts[body] else (body, person)
        for m in mentions:
            if m.entity == drop:
                m.entity, m.type = keep, keep.split(":")[1]


def _cut_at_known_names(found: list[_Candidate], kb: KnowledgeBase) -> list[_Candidate]:
    """An NER span that runs into a known person's full name ("the European Union - Ursula von", then
    "Leyen") is cut where the name begins: the knowledge base's name wins over NER's crossing guess."""
    names = [c.span for c in found if c.label == "KB" and len(c.span) > 1
             and any(e.type == "person" for e in kb.lookup(c.span.text))]
    out = []
    for cand in found:
        span = cand.span
        for name in names:
            if cand.label != "KB" and span.start < name.start < span.end < name.end:
                span = span.doc[span.start : name.start]
        out.append(cand if span is cand.span else _Candidate(span, cand.label))
    return out


@Language.factory(
    "storyline_actors",
    requires=["doc.ents", "token.dep", "doc._.published"],
    assigns=["doc._.mentions"],
)
def make_actors(nlp: Language, name: str) -> "ActorsComponent":
    """storyline.actors.v1: actor mentions resolved against the knowledge base."""
    return ActorsComponent(nlp)


class ActorsComponent:
    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self.resolver = ActorResolver(nlp, load_kb())

    def __call__(self, doc: Doc) -> Doc:
        kb = load_kb()
        if kb is not self.resolver.kb:  # the local overlay changed since the pipeline was loaded
            self.resolver = ActorResolver(self.nlp, kb)
        doc._.mentions = self.resolver.resolve(doc)
        return doc
