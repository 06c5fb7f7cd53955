"""Cues for quote extraction: quotation marks, and what each cue word governs (its speaker and content)."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from storyline.nlp.grammar import first_child, noun_forms, supposed
from storyline.nlp.pipeline import text_of
from storyline.nlp.prose import dateline_end
from storyline.nlp.cue_content import (  # noqa: F401  (re-exported: FINITE_TAGS, NAMED_ENT_LABELS, extent)
    CONVICTION_WORDS,
    convinced_holder,
    DEMONSTRATIVES,
    FINITE_TAGS,
    NAMED_ENT_LABELS,
    content_of,
    cue_lemma,
    extent,
    is_passive,
    person_like,
    quoted_name,
    spaced_dash,
    subject_of,
)
from storyline.nlp.actor_roles import person_noun
from storyline.nlp.coref import OFFICE_NOUNS, OUTLET_NOUNS
from storyline.nlp.relays import CITED_RECORDS, SPEAKING_ENTITIES, can_speak, cited_origin, institution
from storyline.nlp.quote_marks import QuoteMark, find_quote_marks  # noqa: F401  (re-exported)
from storyline.nlp.cue_words import (  # noqa: F401  (re-exported: cues.X is the lexicon's one name)
    ACT_VERBS,
    ADDRESSEE_VERBS,
    ANONYMOUS_NOUNS,
    AS_VERBS,
    AUTHOR_PRONOUNS,
    CLAIM_CUE_FORMS,
    CLAIM_CUE_NOUNS,
    COGNITION_FORMS,
    COGNITION_VERBS,
    CONVEYING_VERBS,
    INFINITIVE_VERBS,
    MEDIA_NAMES,
    MEDIA_WORDS,
    MUTE_NOUNS,
    NAMING_PARTICIPLES,
    NAMING_WORDS,
    OBJECT_VERBS,
    PERSON_NOUNS,
    PERSON_PRONOUNS,
    PREP_CONTENT,
    RELATIVE_PRONOUNS,
    SPEECH_FORMS,
    SPEECH_VERBS,
    TITLE_NOUNS,
    inflections,
)


# -- cue frames: who speaks at each cue word, through whom, and what ----------------------

MAX_WALK = 12


@dataclass
class Frame:
    """One act of speech found at a cue word: who said it, through whom, and what."""

    cue: Token
    lemma: str
    strong: bool
    """A verb of saying (attributes an adjacent quotation), not cognition or evidence."""
    speaker: Token | None
    via: Token | None = None
    content: tuple[int, int] | None = None
    """Token range [start, end) of the reported clause, for indirect speech."""


_SHARED = "storyline.speech_context"
_OWN = ("doc", "text", "marks", "in_mark", "frames")


class Context:
    """One document's text, quotation marks and cue frames, computed once."""

    def __init__(self, doc: Doc):
        self.doc = doc
        # Quotes, figures and statements each build one; the marks and frames are computed by the
        # first and copied by the others while the Doc's mentions and date are the ones they read.
        basis = (id(doc._.mentions), len(doc._.mentions or ()), doc._.published)
        shared = doc.user_data.get(_SHARED)
        if shared is not None and shared[0] == basis:
            _, self.text, self.marks, self.in_mark, self.frames, state = shared
            self.__dict__.update({name: copy.copy(value) for name, value in state.items()})
            return
        self.text = text_of(doc)  # Doc.text joins every token: read it once
        self.marks = find_quote_marks(self.text)
        self.in_mark = [-1] * len(doc)
        for k, mark in enumerate(self.marks):
            for tok in doc.char_span(mark.start, mark.end, alignment_mode="expand") or ():
                self.in_mark[tok.i] = k
        self.frames = find_frames(self)
        # What finding the frames left in this context (resolvers' memos) starts every copy too.
        state = {name: copy.copy(value) for name, value in self.__dict__.items() if name not in _OWN}
        doc.user_data[_SHARED] = (basis, self.text, self.marks, self.in_mark, self.frames, state)

    @cached_property
    def ents(self) -> list[Span]:
        return list(self.doc.ents)

    def paragraph(self, tok: Token) -> tuple[int, int]:
        """Character bounds of the paragraph (line) a token is in."""
        start = self.text.rfind("\n", 0, tok.idx) + 1
        end = self.text.find("\n", tok.idx)
        return start, len(self.text) if end < 0 else end


def find_frames(ctx: Context) -> dict[int, Frame]:
    """Frames by the index of their cue token; cues inside quotations are the quoted person's."""
    frames: dict[int, Frame] = {}
    for tok in ctx.doc:
        if ctx.in_mark[tok.i] >= 0 or tok.i in frames:
            continue
        found = cue_lemma(tok)
        if found is None:
            noun = _noun_frame(ctx, tok) or _view_frame(ctx, tok) or _verb_read_as_noun(ctx, tok)
            if noun is not None:
                frames[tok.i] = noun
            continue
        lemma, strong = found
        if _no_speech(tok, lemma):
            continue
        if lemma == "according to":
            frame = _according_frame(ctx, tok)
        elif lemma in CONVEYING_VERBS and (conveyed := _conveyed(ctx, tok)) is not None:
            frame, inner = conveyed
            if inner is not None:
                frames[inner.i] = frame
        else:
            via, speaker = _media(tok) if strong else None, _speaker(ctx, tok)
            if strong and via is None and (origin := cited_origin(tok, speaker)) is not None:
                via, speaker = speaker, origin  # "Kyodo, citing the coast guard, said": the coast guard's words
            frame = Frame(tok, lemma, strong, speaker, via, content_of(ctx, tok, lemma, strong))
            if speaker is None and (read := _verb_read_as_noun(ctx, tok)) is not None:
                frame = read
            if strong and speaker is None and frame.content is not None:
                frame = _dash_named(ctx, frame) or frame
        frames[tok.i] = frame
    return frames


def _no_speech(tok: Token, lemma: str) -> bool:
    """A cue word used for no act of saying: "continue" with an act or an object of its own ("troops continue to
    advance", "continued its shelling"; only "she continued: ..." speaks), and a passive of saying that raises its
    topic to subject ("a town said to be cut off", "he is said to have fled": no one is named as saying it; the
    parser often reads the participle as a past tense, and "to be", "to have" right after it tell them apart), and
    a cue in a condition ("if he thinks he can win, he will escalate", "unless the board says so"): an act of
    saying or thinking supposed, not reported."""
    if supposed(tok):
        return True
    if lemma == "continue":
        return any(c.dep_ in ("xcomp", "dobj") for c in tok.children)
    if tok.tag_ not in ("VBN", "VBD") or tok.i + 2 >= len(tok.doc) or tok.nbor().lower_ != "to":
        return False
    raised = tok.nbor(2)
    return raised.lower_ in ("be", "have") and raised.head.i == tok.i


def _dash_named(ctx: Context, frame: Frame) -> Frame | None:
    """"- The pumps ran all night - the head of the water board, Ana Ruiz, told reporters": words closed by a
    spaced dash, and between that dash and the cue the phrase of their speaker, which the parser read as part of
    the words. The phrase after the last such dash speaks; the words before it are what was said."""
    doc, cue = ctx.doc, frame.cue
    first, last = frame.content
    if last > cue.i or any(not (t.is_punct or t.is_space) for t in doc[last:cue.i]):
        return None
    dash = next((t for t in reversed(doc[first:last]) if spaced_dash(t)), None)
    if dash is None:
        return None
    named = [t for t in doc[dash.i + 1:last] if not (t.is_punct or t.is_space)]
    inside = {t.i for t in named}
    heads = [t for t in named if t.head.i not in inside]
    if not named or len(named) > MAX_WALK or len(heads) != 1 or heads[0].pos_ not in ("PROPN", "NOUN"):
        return None
    speaker = _checked(ctx, cue, heads[0])
    content = extent(ctx, cue, list(doc[first:dash.i]))
    if speaker is None or content is None:
        return None
    return Frame(cue, frame.lemma, frame.strong, speaker, frame.via, content)


def _noun_frame(ctx: Context, tok: Token) -> Frame | None:
    """"Trump's claim that ...", "the ministry's warning that ...": a noun of saying or thinking
    with its owner and a that-clause is a report of its own."""
    if tok.tag_ not in ("NN", "NNS") or tok.lower_ not in CLAIM_CUE_FORMS:
        return None
    clause = next((c for c in tok.children if c.dep_ in ("acl", "ccomp", "appos")
                   and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
    if clause is None:
        return None
    owner = next((c for c in tok.children if c.dep_ == "poss"), None)
    if owner is None:
        owner = next((p for c in tok.children if c.dep_ == "prep" and c.lower_ in ("by", "from")
                      for p in c.children if p.dep_ == "pobj"), None)
    speaker = _checked(ctx, tok, owner)
    if speaker is None:
        return None
    return Frame(tok, CLAIM_CUE_FORMS[tok.lower_], False, speaker, content=extent(ctx, tok, list(clause.subtree)))


def _verb_read_as_noun(ctx: Context, tok: Token) -> Frame | None:
    """"Trump claims that he should be the exception": a verb of saying the parser read as a plural noun, the
    root of a sentence that then has no verb, with the name before it as its compound and a that-clause after it.
    The name speaks the clause. A noun with a determiner or possessor ("the charges that he faces") is a noun."""
    if tok.dep_ != "ROOT" or SPEECH_FORMS.get(tok.lower_) is None or not tok.lower_.endswith("s"):
        return None
    outlet = _outlet_read_as_modifier(tok)
    if tok.tag_ != "NNS" and not (tok.tag_ == "VBZ" and outlet is not None):
        return None  # "The British daily reports that": a verb with the outlet as its adjective and no subject
    if outlet is None and any(c.dep_ in ("det", "poss", "amod", "nummod") for c in tok.children):
        return None
    name = outlet or next((c for c in tok.children if c.dep_ in ("compound", "nsubj") and c.i == tok.i - 1), None)
    if name is None or not (name.is_title or name.pos_ == "PRON" or outlet is not None) or name.lower_ in DEMONSTRATIVES:
        return None
    clause = next((c for c in tok.children if c.dep_ in ("ccomp", "acl", "relcl") and c.i > tok.i
                   and tok.i + 1 < len(tok.doc) and tok.nbor().lower_ == "that" and tok.nbor().dep_ == "mark"
                   and tok.nbor().head.i == c.i), None)
    if clause is None:
        return _credit_read_as_noun(ctx, tok, name)
    speaker = _checked(ctx, tok, name)
    if speaker is None:
        return None
    return Frame(tok, SPEECH_FORMS[tok.lower_], True, speaker, content=extent(ctx, tok, list(clause.subtree)))


def _credit_read_as_noun(ctx: Context, tok: Token, name: Token) -> Frame | None:
    """'“...,” Ruiz comments.': a credit after a quotation whose verb the parser read as a plural noun with the name
    as its compound; the name, right after the closing mark and its comma, is the speaker of the words before it."""
    doc = tok.doc
    after = next((t for t in doc[tok.i + 1:] if not t.is_space), None)
    if after is not None and not (after.text in (".", "!", "?") or after.is_quote) or name.pos_ != "PROPN":
        return None
    first = name.left_edge.i
    before = [t for t in doc[max(0, first - 2):first] if not t.is_space]
    if not before or not before[-1].is_quote or ctx.in_mark[first] >= 0:
        return None
    speaker = _checked(ctx, tok, name)
    return Frame(tok, SPEECH_FORMS[tok.lower_], True, speaker) if speaker is not None else None


def _outlet_read_as_modifier(tok: Token) -> Token | None:
    """"The daily reports that ...", "the weekly writes that ...": an outlet named by its trade, which the parser read
    as an adjective of the cue word taken for a noun; the outlet word, when only a determiner and adjectives come
    before it in the phrase."""
    if tok.i == 0:
        return None
    word = tok.doc[tok.i - 1]
    if word.lower_ not in OUTLET_NOUNS or word.head.i != tok.i or word.dep_ not in ("amod", "compound"):
        return None
    before = [c for c in tok.children if c.i < word.i]
    if not any(c.dep_ == "det" for c in before) or any(c.dep_ not in ("det", "amod", "compound") for c in before):
        return None
    return word


# "In his view, ...", "in the opinion of the court, ...": nouns of a point of view that credit the clause.
# "In a poll released Monday, ...": evidence that speaks for the clause it opens.
SURVEY_NOUNS = frozenset({"poll", "polls", "survey", "surveys", "study", "studies"})
VIEW_NOUNS = frozenset({"view", "opinion", "eyes", "estimation", "judgment", "judgement", "words", "assessment"})


def view_owner(tok: Token) -> Token | None:
    """The owner of "in X's view" / "in the view of X" at the noun ``tok``, else None."""
    if tok.lower_ not in VIEW_NOUNS or tok.head.lower_ != "in" or tok.dep_ != "pobj":
        return None
    owner = next((c for c in tok.children if c.dep_ == "poss"), None)
    if owner is None:
        owner = next((p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                      for p in c.children if p.dep_ == "pobj"), None)
    return owner


def _view_frame(ctx: Context, tok: Token) -> Frame | None:
    """"In his view, the ban will fail": the owner of the view speaks the clause the phrase sits in;
    "In a survey of 2,000 adults, most backed the levy": so does the survey that opens it."""
    owner, lemma = view_owner(tok), "in the view of"
    if owner is None and tok.lower_ in SURVEY_NOUNS and tok.dep_ == "pobj" and tok.head.lower_ == "in":
        owner, lemma = tok, "according to"
    if owner is None or owner.lower_ in AUTHOR_PRONOUNS | {"my", "our", "your"}:
        return None
    prep = tok.head
    head = prep.head
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    if head.i == prep.i or head.pos_ not in ("VERB", "AUX"):
        return None
    said = (cue_lemma(head) or ("", False))[1]  # "In a survey, the ministry said ...": the ministry speaks
    if owner is tok and (head.i < prep.i or said or first_child(head, "nsubj", "nsubjpass") is None):
        return None  # "led in the polls": no clause the survey opens
    skip = {t.i for t in prep.subtree}
    content = extent(ctx, prep, [t for t in head.subtree if t.i not in skip])
    return Frame(prep, lemma, False, _checked(ctx, prep, owner), content=content)


def _according_frame(ctx: Context, tok: Token) -> Frame:
    # "according to X": X is the source of the clause the phrase sits in.
    to = tok.nbor()
    objs = [c for c in to.children if c.dep_ == "pobj"] or [c for c in tok.children if c.dep_ == "pobj"]
    head = tok.head
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    skip = {t.i for t in tok.subtree}
    words = [t for t in head.subtree if t.i not in skip]
    opener = [t for t in words if t.i < tok.i and not (t.is_punct or t.is_space)]
    if opener and len(opener) <= 2 and all(t.dep_ in ("cc", "advmod") for t in opener):
        # "But, according to Quiroga, the council was firm": the words start after the phrase, not at "But"
        last = max(skip)
        words = [t for t in words if t.i > last]
    content = extent(ctx, tok, words) if head.i != tok.i else None
    if (after := _named_aside(tok)) is not None:
        content = extent(ctx, tok, list(ctx.doc[after:tok.sent.end])) or content
    content = _looking_back(ctx, tok, head) or content
    return Frame(tok, "according to", True, _checked(ctx, tok, objs[0] if objs else None), content=content)


# How many words the name set off by commas after an "according to" description may have.
ASIDE_NAME = 4


def _named_aside(tok: Token) -> int | None:
    """"According to the head of the council, Marta Dahl, the bridge will reopen": an opening "according to" whose
    description is followed by the name set off by commas; the credited words start after the name's closing comma
    (the parser often makes the name the clause's subject, or the clause's subject the name's apposition). A
    list of names ("According to Ruiz, Dahl and Berg, ...") has no description; None where the pattern fails."""
    sent = tok.sent
    if any(not (t.is_punct or t.is_space) and t.dep_ not in ("cc", "advmod") for t in tok.doc[sent.start:tok.i]):
        return None
    commas = [t.i for t in tok.doc[tok.i + 2:sent.end] if t.text == ","][:2]
    if len(commas) < 2:
        return None
    described = tok.doc[tok.i + 2:commas[0]]
    name = tok.doc[commas[0] + 1:commas[1]]
    if not any(t.pos_ == "NOUN" for t in described) or not 0 < len(name) <= ASIDE_NAME or any(
            t.pos_ != "PROPN" and not t.is_punct for t in name) or not any(t.ent_type_ == "PERSON" for t in name):
        return None
    rest = [t for t in tok.doc[commas[1] + 1:sent.end] if not (t.is_punct or t.is_space)]
    if len(rest) < 2 or rest[0].lower_ in ("and", "or") or not any(t.pos_ in ("VERB", "AUX") for t in rest):
        return None
    return rest[0].i


def _looking_back(ctx: Context, tok: Token, head: Token) -> tuple[int, int] | None:
    """"That's according to the committee's chairman": the sentence before is the words credited, not "That"."""
    subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
    copula = head.lemma_ == "be" or head.lower_ in ("'s", "’s", "is", "was") or head.i == tok.i  # "That is according"
    if subject is None or subject.lower_ not in ("that", "this") or subject.i != tok.sent.start or not copula:
        return None
    before = [t for t in ctx.doc[:tok.sent.start] if not (t.is_space or t.is_punct)]
    if len(before) < 2:
        return None
    sent = before[-1].sent
    kept = [t.i for t in sent if not (t.is_space or t.is_punct)]
    return (min(kept), max(kept) + 1) if len(kept) >= 2 else None


def _conveyed(ctx: Context, tok: Token) -> tuple[Frame, Token | None] | None:
    """"Yoon's office quoted Trudeau as saying": Trudeau speaks, Yoon's office passes it on."""
    children = list(tok.children)
    said = None
    for prep in (c for c in children if c.dep_ == "prep" and c.lower_ == "as"):
        said = next((c for c in prep.children if c.lower_ in SPEECH_FORMS), None)
    objs = [c for c in children if c.dep_ == "dobj"]
    passive = [c for c in children if c.dep_ == "nsubjpass"]
    if objs and (said is not None or (tok.lower_.startswith("quot") and person_like(objs[0]))):
        speaker, via = objs[0], subject_of(tok, ctx)
    elif passive and said is not None:
        agents = [p for a in children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
        speaker, via = passive[0], (agents[0] if agents else None)
    else:
        return None
    content = content_of(ctx, said, "say", True) if said is not None else None
    lemma = SPEECH_FORMS[tok.lower_]
    return Frame(tok, lemma, True, _checked(ctx, tok, speaker), _checked(ctx, tok, via), content), said


def _media(cue: Token) -> Token | None:
    """The news outlet a speaker talked to, which relays the words: "told Reuters", "speaking
    to Anadolu Agency", "in an interview with the BBC"."""
    listeners = []
    if SPEECH_FORMS.get(cue.lower_) == "tell":
        listeners += [c for c in cue.children if c.dep_ in ("dative", "dobj")]
    listeners += _objects(cue, ("to", "with"))
    for noun in _objects(cue, ("in",)):
        listeners += _objects(noun, ("with",))
    subject = next((c for c in cue.children if c.dep_ == "nsubj"), None)
    for child in [*cue.children, *(subject.children if subject is not None else ())]:
        if child.dep_ in ("advcl", "acl") and child.lower_ in ("speaking", "talking"):
            listeners += _objects(child, ("to", "with"))
    return next((t for t in listeners if _is_media(t)), None)


def _objects(head: Token, preps: tuple[str, ...]) -> list[Token]:
    return [p for c in head.children if c.dep_ == "prep" and c.lower_ in preps for p in c.children if p.dep_ == "pobj"]


def _is_media(tok: Token) -> bool:
    words = [t.lower_ for t in tok.subtree]
    named = any(t.pos_ == "PROPN" for t in tok.subtree)
    return any(w in MEDIA_NAMES for w in words) or (named and tok.lower_ in MEDIA_WORDS)


# Verbs by which a source puts out a text that then speaks for it: "issued a statement calling for ...".
ISSUING_FORMS = frozenset(f for v in ("issue", "release", "publish", "post", "send", "write", "give", "deliver", "make",
                                      "sign", "adopt", "circulate", "tweet", "share", "file", "submit", "put", "present")
                          for f in inflections(v))


def _voiced(noun: Token) -> bool:
    """Whether a thing a participle of saying hangs on speaks for someone the text names: a source that can
    speak, or a thing a named body owns ("Russian propaganda claiming"), not "a number of examples calling"."""
    return can_speak(noun) or any(c.dep_ in ("amod", "compound", "poss") and c.ent_type_ in SPEAKING_ENTITIES
                                  for c in noun.children)


def _speaker(ctx: Context, verb: Token) -> Token | None:
    """The subject of a cue verb, inherited through coordination and participles."""
    if verb.lower_ in CONVICTION_WORDS:
        return _checked(ctx, verb, convinced_holder(verb))  # "Ruiz is convinced that": Ruiz
    tok = verb
    while tok.dep_ == "conj" and subject_of(tok, ctx) is None and not is_passive(tok):
        tok = tok.head
    subject = subject_of(tok, ctx)
    if subject is None and tok.dep_ == "acl" and tok.tag_ in ("VBD", "VBZ", "VBP", "VBG"):
        # "Machado, who ..., called on" (a main verb parsed as a modifier); "a statement saying"
        subject = tok.head
        if subject.pos_ == "NOUN" and not person_like(subject) and (
                subject.dep_ == "pobj" and subject.head.head.pos_ in ("VERB", "AUX")
                or subject.dep_ == "dobj" and subject.head.lower_ in ISSUING_FORMS
                or subject.dep_ in ("dobj", "pobj") and not _voiced(subject)) and not _thing(ctx, verb, subject):
            # "the council issued a statement calling ...", "said in a letter urging ...": the issuer speaks
            # through it; "tries to counter propaganda claiming ..." is the propaganda's claim, not the counterer's,
            # and "has taken steps suggesting she will run" the steps' evidence, no one's words
            subject = _enclosing_speaker(ctx, subject) or subject
    if subject is None and tok.dep_ == "xcomp":
        # "forced Stumpf to admit", "asked the envoy to confirm": the object speaks
        subject = next((c for c in tok.head.children if c.dep_ == "dobj" and c.i < tok.i), None)
    if subject is None and not is_passive(tok) and (
        tok.dep_ in ("advcl", "xcomp", "pcomp", "acl", "prep", "dep") or tok.tag_ == "VBG"
    ):
        subject = _enclosing_speaker(ctx, tok)
    if not is_passive(tok) and tok.tag_ in FINITE_TAGS and (
            subject is None or not ctx.paragraph(verb)[0] <= subject.idx < ctx.paragraph(verb)[1]):
        subject = _stranded_subject(tok, ctx.paragraph(verb)[0]) or subject  # a "subject" on the line before is none
    if subject is None and not is_passive(tok) and tok.tag_ in FINITE_TAGS:
        subject = _name_in_opener(tok)
    return _checked(ctx, verb, subject)


def _name_in_opener(verb: Token) -> Token | None:
    """"In a meeting with the editors of the Post Trump said that ...": a tensed verb the parser left with no
    subject, whose fronted phrase runs into it without a comma, has the name that ends that phrase as its subject."""
    if verb.i == 0:
        return None
    name = verb.doc[verb.i - 1]
    if name.pos_ != "PROPN" or not name.is_title or name.dep_ not in ("pobj", "compound", "appos"):
        return None
    tok = name
    for _ in range(MAX_WALK):
        if tok.head.i == verb.i:
            return name if tok.dep_ == "prep" and tok.i < name.i else None
        if tok.head.i == tok.i or tok.head.i > verb.i:
            return None
        tok = tok.head
    return None


def _stranded_subject(verb: Token, line_start: int) -> Token | None:
    """"At a summit in Nairobi, Kenya's foreign minister, Amina Mohamed, said": a subject the parser
    hung on the fronted phrase as an appositive. The highest appositive whose phrase ends right before
    the verb, inside a phrase the verb governs from its left (or inside the line before, which the
    parser made the verb's subject)."""
    doc = verb.doc
    prev = verb.i - 1
    while prev >= 0 and (doc[prev].is_punct or doc[prev].is_space):
        prev -= 1
    if prev < 0 or any(t.is_space for t in doc[prev + 1: verb.i]):
        return None
    found = None
    tok = doc[prev]
    for _ in range(MAX_WALK):
        if tok.head.i == tok.i or tok.head.i >= verb.i:
            break
        if tok.dep_ == "appos" and prev <= tok.right_edge.i < verb.i and tok.head.i < tok.i:
            found = tok
        tok = tok.head
    if found is None or tok.head.i != verb.i:
        return None
    if tok.dep_ in ("prep", "npadvmod", "advmod", "dep") or tok.dep_ == "nsubj" and tok.idx < line_start <= found.idx:
        return found
    return None


def _enclosing_speaker(ctx: Context, verb: Token) -> Token | None:
    """"..., adding that", "urging leaders to": a participle of saying continues the speech act
    of the nearest enclosing cue; failing that, it has the subject of the nearest clause."""
    fallback = complement = None
    set_off = verb.left_edge.i > 0 and verb.doc[verb.left_edge.i - 1].text == ","
    start, end = ctx.paragraph(verb)
    tok = verb
    for _ in range(MAX_WALK):
        if tok.head.i == tok.i:
            break
        tok = tok.head
        # a subject in the verb's own paragraph and outside quotation marks: the parser may run a sentence on
        # from the line before and give its verb a word of the quotation there as a second subject
        subject = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") and ctx.in_mark[c.i] < 0
                        and start <= c.idx < end), None)
        if subject is None or (subject.lower_ == "it" and tok.pos_ == "AUX"):  # "it is worth noting"
            continue
        found = cue_lemma(tok)
        if found is not None and found[1]:  # a verb of saying; "plans", "wants" are the subject's own
            return subject_of(tok, ctx)
        if set_off and tok.dep_ in ("ccomp", "xcomp") and subject.i > tok.head.i:
            # "The mayor requested the province send buses, saying ...": the parser hangs the participle on the
            # complement; the one asked is not the one who goes on speaking, the asker is
            complement = complement or subject
            continue
        fallback = fallback or subject
    return fallback or complement


def _checked(ctx: Context, cue: Token, speaker: Token | None) -> Token | None:
    """The speaker, unless it lies inside a quotation, in another paragraph, or is no word."""
    if speaker is None or not any(ch.isalpha() for ch in speaker.text):
        return None
    if ctx.in_mark[speaker.i] >= 0 and not quoted_name(ctx, cue, speaker):
        return None
    start, end = ctx.paragraph(cue)
    if not start <= speaker.idx < end:
        return None
    if (opening := dateline_end(ctx.text, start)) is not None and speaker.idx < opening:
        return None  # "LAGOS, May 3 (Reuters) —" tells where the report was filed, not who speaks
    if speaker.lower_ in MUTE_NOUNS and speaker.pos_ == "NOUN" and not any(c.dep_ == "poss" for c in speaker.children):
        return None  # "satellite imagery showed": evidence the report describes, nobody's statement
    if speaker.lower_ in DEMONSTRATIVES and antecedent(speaker) is None and not any(
            c.dep_ in ("amod", "prep", "relcl", "acl") for c in speaker.children):  # "those close to him" speak
        return None  # "This suggests that": the author's own inference
    if speaker.lower_ in ("what", "whatever") or speaker.lower_ == "one" and not any(True for _ in speaker.children):
        return None  # "What explains this stance?", "one does not recall": a question or anyone at all
    if (noun := antecedent(speaker)) is not None and _anyone(noun):
        return None  # "Those who say the war is lost are wrong": no one in particular says it
    if _thing(ctx, cue, speaker):
        return None  # "Their comments show", "The involvement of X suggests": the author's reading of a thing
    if speaker.left_edge.i <= cue.i <= speaker.right_edge.i and not (cue.dep_ == "acl" and cue.head.i == speaker.i):
        return None  # the cue inside its own speaker's phrase: a misparse
    return speaker


# Verbs by which a thing, not a person, can be said to tell something ("the evidence suggests").
EVIDENCE_LEMMAS = frozenset({"show", "suggest", "indicate", "reveal", "mean", "signal", "imply", "demonstrate",
                             "reflect", "illustrate", "point", "hint", "prove", "underscore", "highlight"})
# Nouns for states and their groupings, which speak as bodies do ("the G7 countries confirmed").
POLITY_NOUNS = frozenset(
    "country countries state states nation nations ally allies member members partner partners side sides "
    "group groups power powers neighbour neighbours neighbor neighbors donor donors signatory signatories".split()
)
# Nouns of something written or counted that speaks for whoever issued it ("the report said", "a survey showed").
DOCUMENT_SPEAKERS = frozenset({"analyses"}) | frozenset(w for n in ("report", "statement", "survey", "poll", "study", "assessment", "analysis",
                                          "letter", "communique", "communiqué", "document", "data", "bulletin",
                                          "estimate", "finding", "investigation", "review", "release", "briefing",
                                          "memo", "note", "declaration", "resolution", "intelligence", "census",
                                          "complaint", "lawsuit", "filing", "indictment", "petition", "ruling",
                                          "affidavit", "brief", "submission")
                              for w in noun_forms(n))  # "studies", "inquiries"

# Written records that tell what they show for whoever compiled them: "court records show", "the statistics
# indicate", "a transcript of the hearing shows". Pictures and footage stay mute (MUTE_NOUNS).
RECORD_NOUNS = CITED_RECORDS | frozenset({"record", "statistic", "transcript", "transcripts", "averages", "results"})


def record_evidence(speaker: Token, lemma: str) -> bool:
    """Whether a cue's subject is a written record telling what it shows ("court records show that the firm paid
    no tax"): the record speaks for its makers, as a report does, though no verb of saying is used."""
    return speaker.pos_ == "NOUN" and speaker.lower_ in RECORD_NOUNS and lemma in EVIDENCE_LEMMAS


def _thing(ctx: Context, cue: Token, speaker: Token) -> bool:
    """Whether a cue's subject is a thing that cannot speak: a common noun, not a person, office, body or
    document, that either owns a possessor ("Their comments show", "the Kremlin's policy of denying") or is
    the subject of a verb of evidence ("The involvement of troops suggests"). The clause is then the report's
    own reading, not anyone's statement."""
    if speaker.pos_ != "NOUN" or speaker.ent_type_ in NAMED_ENT_LABELS:
        return False
    low = speaker.lower_
    if (low in ANONYMOUS_NOUNS or low in DOCUMENT_SPEAKERS or person_noun(low) or low in OFFICE_NOUNS
            or institution(low) or low in MEDIA_WORDS or low in POLITY_NOUNS):
        return False
    if any(c.dep_ in ("compound", "amod", "nmod") and (c.pos_ == "PROPN" or c.ent_type_ in NAMED_ENT_LABELS)
           for c in speaker.children):
        return False  # "the G7 countries", "Ukrainian forces": a named body's people
    if any(c.dep_ == "appos" and (c.pos_ == "PROPN" or c.ent_type_ in NAMED_ENT_LABELS) for c in speaker.children):
        return False  # "Its chief executive, Martina Horakova, told": a noun a name stands beside is that one
    if any(m.start <= speaker.idx < m.end for m in ctx.doc._.mentions or ()):
        return False  # a name the actors component found ("the Pentagon's spokesperson")
    possessed = any(c.dep_ == "poss" for c in speaker.children) or (
        speaker.dep_ == "pobj" and speaker.head.lower_ == "of" and speaker.head.head.lower_ in ("much", "most", "part"))
    found = cue_lemma(cue)
    if found is not None and record_evidence(speaker, found[0]):
        return False
    return possessed or (found is not None and found[0] in EVIDENCE_LEMMAS)


def antecedent(tok: Token) -> Token | None:
    """The noun a relative pronoun stands for: "Koné, *who* said". A "who" the parser hung on a thing
    ("challenge Mr Trump for the nomination, who has criticized") stands for the nearest person named
    before that thing's phrase in the sentence."""
    if tok.lower_ not in RELATIVE_PRONOUNS or tok.head.dep_ != "relcl":
        return None
    noun = tok.head.head
    if tok.lower_ in ("who", "whom") and noun.dep_ == "pobj" and noun.head.lower_ in ("of", "for", "at") \
            and noun.pos_ != "PRON" and noun.ent_type_ != "PERSON" and _holder(noun.head.head):
        return noun.head.head  # "Ana Ruiz, the head of the nurses' union, who said": the head, not the union
    if tok.lower_ in ("who", "whom") and not _personal(noun):
        for prev in reversed(tok.doc[tok.sent.start:noun.left_edge.i]):
            if prev.ent_type_ == "PERSON" and (prev.i + 1 >= len(tok.doc) or prev.nbor().ent_type_ != "PERSON"
                                               or prev.nbor().ent_iob_ == "B"):
                return prev  # the last word of the name
            if prev.is_punct and prev.text in ".;:!?":
                break
    return noun


# Words for no one in particular, which a "who" can restrict ("those who say", "anyone who claims").
ANYONE = frozenset("those anyone anybody everyone everybody someone somebody whoever nobody none many few some all "
                   "people".split())


def _anyone(noun: Token) -> bool:
    """Whether a relative clause's antecedent is no one in particular: "those who say", "people who believe"
    (a bare "people", not "the people of the town")."""
    return noun.lower_ in ANYONE and not any(c.dep_ in ("det", "poss", "prep", "amod", "compound", "nummod")
                                             for c in noun.children)


def _holder(tok: Token) -> bool:
    """A noun for one person by office or trade: "head", "chairwoman", "spokesman", "founder"."""
    low = tok.lower_
    return tok.pos_ == "NOUN" and tok.tag_ == "NN" and (low in OFFICE_NOUNS or person_noun(low))


def _personal(tok: Token) -> bool:
    """A noun a "who" can stand for: a person or a body of people."""
    low = tok.lower_
    return (tok.pos_ in ("PRON", "PROPN") or tok.ent_type_ in NAMED_ENT_LABELS or low in ANONYMOUS_NOUNS
            or person_noun(low) or low in OFFICE_NOUNS or institution(low) or low in POLITY_NOUNS)


