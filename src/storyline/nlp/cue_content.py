"""What a cue word governs in the parse: whether a word is a cue at all, its subject, and the
token range of the clause it reports ("said that ...", "called the plan a mistake", "As the
director said, ...": the host clause). Used by the cue frames in ``quote_cues``."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Token

from storyline.nlp.actor_roles import person_noun
from storyline.nlp.office_holders import OFFICE_NOUNS
from storyline.nlp.prose import dateline_end
from storyline.nlp.relays import can_speak, cited_source

from storyline.nlp.cue_words import (
    ADDRESSEE_VERBS,
    ANONYMOUS_NOUNS,
    AS_VERBS,
    COGNITION_FORMS,
    INFINITIVE_VERBS,
    OBJECT_VERBS,
    PREP_CONTENT,
    SPEECH_FORMS,
)

if TYPE_CHECKING:
    from storyline.nlp.quote_cues import Context

FRAME_SUBJECTS = ("nsubj", "csubj")
NAMED_ENT_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
DEMONSTRATIVES = frozenset({"this", "that", "these", "those"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
# A dash that opens quoted words right after a sentence ends ("... for Ukraine.- A critical point - said
# the expert"), where the sentence splitter glued the two together.
DASH_OPENER = re.compile(r"[.!?…][\"”’]?[ \t]?[-–—][ \t]")
# A paragraph that opens with a dash is someone's words up to the dash that closes them before the cue.
DASH_PARAGRAPH = re.compile(r"[-–—][ \t]")
DASH_CLOSER = re.compile(r"[ \t]{0,3}[-–—][ \t]")
# A dash after a quotation that opens words set off by dashes up to their cue ('..." - we never wanted war - she said').
QUOTE_DASH_OPENER = re.compile(r"[\"”’][ \t]?[-–—][ \t]")


def cue_lemma(tok: Token) -> tuple[str, bool] | None:
    """(lemma, is a verb of saying) for a cue word, else None."""
    low = tok.lower_
    if low == "according" and tok.i + 1 < len(tok.doc) and tok.nbor().lower_ == "to":
        return "according to", True
    if low in CONVICTION_WORDS and convinced_holder(tok) is not None:
        return "believe", False  # "the minister is convinced that the strike will end": her belief
    if not tok.tag_.startswith("VB"):
        return None
    if low in SPEECH_FORMS:
        return SPEECH_FORMS[low], True
    if low in COGNITION_FORMS:
        return COGNITION_FORMS[low], False
    if low in ("reads", "read") and tok.tag_ in ("VBZ", "VBD", "VBP") and any(
            c.dep_ == "nsubj" and c.lower_ in WRITINGS for c in tok.children):
        return "say", True  # '"...," the letter reads': a text says what it reads
    return None


# Words of a state of mind that report a clause as their holder's belief: "X is convinced (that) ...".
CONVICTION_WORDS = frozenset({"convinced"})
# Verbs that link a holder to that state: "is convinced", "remains convinced", "became convinced".
LINKING_LEMMAS = frozenset("be is are was were been being remain remains remained stay stays stayed become becomes "
                           "became seem seems seemed appear appears appeared".split())


def convinced_holder(tok: Token) -> Token | None:
    """The holder of a conviction word with a clause after it: the subject of "was convinced" (parsed as a passive)
    or of the linking verb it completes ("remains convinced that"); None when someone else is convinced by an
    agent ("was convinced by the data"), or the word reports no clause ("a convinced democrat")."""
    if not any(c.dep_ == "ccomp" and c.i > tok.i for c in tok.children) or any(c.dep_ == "dobj" for c in tok.children):
        return None  # "she convinced the board that ...": the board is convinced, by her words
    own = [c for c in tok.children if c.dep_ == "nsubjpass" or c.dep_ == "nsubj" and tok.tag_ == "JJ"]
    if own:
        return own[0] if not any(c.dep_ == "agent" for c in tok.children) else None
    if tok.dep_ == "acomp" and tok.head.lower_ in LINKING_LEMMAS:
        return next((c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return None


# Texts whose words a report can quote as theirs ("the letter reads", "the communique says").
WRITINGS = frozenset(
    "letter letters document documents communique communiqué declaration declarations statement statements text "
    "resolution resolutions message messages note notes post posts memo memos order decree".split()
)


def person_like(tok: Token) -> bool:
    return tok.ent_type_ == "PERSON" or tok.lower_ in ANONYMOUS_NOUNS


# How far after an inverted cue its speaker's name may end ("said Sam Cranny-Evans": the head is the last word).
INVERTED_GAP = 6


def quoted_name(ctx: Context, cue: Token, speaker: Token) -> bool:
    """A body's name in quotation marks after the cue, as translated reports print a paper's title: '... - says
    "Kyiv Independent"', 'writes "The Guardian"'. The marks hold that name alone (an article aside), a body the
    actors component found, or without it an organisation the tagger found."""
    mark = ctx.marks[ctx.in_mark[speaker.i]]
    inner = ctx.text[mark.inner_start : mark.inner_end].strip(" ,.")
    if speaker.i < cue.i or not 0 < len(inner.split()) <= 5 or ctx.text[cue.idx + len(cue.text) : mark.start].strip():
        return False  # '"...," Flynn said on Fox News's "Fox and Friends"': a show's title, not right after the cue
    mentions = ctx.doc._.mentions if ctx.doc.has_extension("mentions") else None
    if mentions is None:
        return speaker.ent_type_ == "ORG"
    return any(m.type == "organization" and mark.inner_start <= m.start and m.end <= mark.inner_start + len(inner)
               and m.start <= speaker.idx < m.end and ctx.text[mark.inner_start : m.start].strip().lower() in ("", "the")
               for m in mentions)


def subject_of(verb: Token, ctx: Context | None = None) -> Token | None:
    """The subject of a verb, outside quotations; for a passive one, the agent ("was told by
    officials"). The parser often makes a word of the quotation the subject of its cue."""
    subjects = [c for c in verb.children if c.dep_ in FRAME_SUBJECTS and (ctx is None or ctx.in_mark[c.i] < 0)]
    if not subjects and ctx is not None:
        subjects = [c for c in verb.children if c.dep_ in FRAME_SUBJECTS and quoted_name(ctx, verb, c)]
    if len(subjects) > 1 and ctx is not None:
        # "12:15 p.m.\n\nDonald Trump says": a sentence run across a blank line has a subject from
        # the line before; the verb's own paragraph holds its subject
        start, end = ctx.paragraph(verb)
        subjects = [c for c in subjects if start <= c.idx < end] or subjects
    if len(subjects) > 1 and subjects[1].i == subjects[0].i + 1 and subjects[0].pos_ == "NOUN" and subjects[1].pos_ == "PROPN":
        return subjects[1]  # "The US image company Maxar said": the parser gives the name its own subject arc
    if len(subjects) > 1 and subjects[0].tag_ in ("NNS", "NNPS") and not subjects[0].whitespace_ and (
            subjects[0].i + 1 < subjects[1].i and verb.doc[subjects[0].i + 1].text in ("’", "'")):
        return subjects[1]  # "The miners’ union said": a plural possessor the parser made a second subject
    if len(subjects) > 1 and subjects[-1].i == verb.i - 1 and subjects[-1].pos_ == "PROPN":
        return subjects[-1]  # "... Won't Trigger War With Russia Kallas said": a heading glued before the name
    if subjects and subjects[0].dep_ == "csubj" and subjects[0].tag_ == "VBG" and verb.i > 0:
        # "Speaking in Gdansk - the old Danzig of the history books - Mr Lange hinted": the parser folds the
        # subject into the fronted participle; the name right before the cue inside it is the speaker
        before = verb.doc[verb.i - 1]
        if before.pos_ == "PROPN" and before.i in {t.i for t in subjects[0].subtree}:
            return before
    if len(subjects) > 1 and subjects[-1].i < verb.i and subjects[-1].right_edge.i == verb.i - 1 and any(
            t.text == "," for t in verb.doc[subjects[-2].right_edge.i + 1:subjects[-1].left_edge.i]):
        # "His promises notwithstanding, independent analyses agree", "People like Scott, he said": the words
        # before the comma are fronted, the subject is the one that runs up to the verb
        return subjects[-1]
    after = [c for c in subjects if c.i > verb.i]
    if len(subjects) > 1 and after and after[0].pos_ == "PROPN" and after[0].i - verb.i <= INVERTED_GAP:
        # '"...," that is, forces on the ground, said Sam Cranny-Evans': an inverted cue names its speaker after
        # it; the "subject" before it is the tail of the quotation
        return after[0]
    if subjects:
        return subjects[0]
    if is_passive(verb):
        return next((p for a in verb.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"), None)
    return None


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def _without_citation(clause: Token) -> list[Token]:
    """A reported clause without the ", citing X" that closes it: whom the reporter cites is no part of the words;
    nor a coordinated report of its own ("said fathers would not be eligible, and when pressed, the mother replied
    ..."), which the parser hung on the reported clause."""
    drop: set[int] = set()
    cite = next((c for c in clause.children if c.dep_ == "advcl" and c.lower_ in ("citing", "quoting")
                 and c.i > clause.i and c.right_edge.i >= clause.right_edge.i), None)
    if cite is not None:
        drop.update(range(cite.left_edge.i, cite.right_edge.i + 1))
        if cite.left_edge.i > 0 and clause.doc[cite.left_edge.i - 1].text == ",":
            drop.add(cite.left_edge.i - 1)
    for conj in clause.children:
        if conj.dep_ == "conj" and conj.i > clause.i and (cue_lemma(conj) or ("", False))[1] and any(
                c.dep_ == "nsubj" for c in conj.children):
            drop.update(range(conj.left_edge.i, conj.right_edge.i + 1))
            drop.update(c.i for c in clause.children if c.dep_ in ("cc", "punct") and c.i < conj.left_edge.i
                        and not any(t.i > c.i and t.i not in drop and not (t.is_punct or t.dep_ == "cc")
                                    for t in clause.doc[c.i + 1:conj.left_edge.i]))
    return [t for t in clause.subtree if t.i not in drop]


SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj", "expl")


def _predicate_after(verb: Token, clause: Token) -> Token | None:
    """'said that "becoming entangled in the dispute" was not vital': the parser made the clausal subject a
    clause of its own and its predicate a second one of the cue; the second, with no subject and nothing but
    punctuation between, is the rest of the reported clause."""
    if any(c.dep_ in SUBJECT_DEPS for c in clause.children):
        return None
    after = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > clause.right_edge.i), None)
    if after is None or any(c.dep_ in SUBJECT_DEPS for c in after.children):
        return None
    between = verb.doc[clause.right_edge.i + 1:after.left_edge.i]
    return after if all(t.is_punct and t.text not in ",;:" for t in between) else None


def content_of(ctx: Context, verb: Token, lemma: str, strong: bool) -> tuple[int, int] | None:
    """Token range of the clause a cue reports, or None."""
    if lemma in ("cite", "quote") and (verb.dep_ == "acl" and verb.tag_ == "VBN" or verb.dep_ in ("acl", "advcl")
                                        and verb.tag_ == "VBG"):
        # "the statement cited by the Guardian", "officials quoted by Interfax", "..., citing people familiar with
        # the matter": a relay or a reason, never words of its own
        return None
    clauses = [
        c
        for c in verb.children
        if (c.dep_ == "ccomp" or (c.dep_ == "parataxis" and _after_colon(verb, c))) and not _across_semicolon(verb, c)
    ]
    # A clause after the cue before one ahead of it: "(her campaign disclosed that ...)"; never one with no verb in
    # the cue's paragraph, which the parser can join to it ("..., Ms Ruiz said.\n\nThe firm plans ...").
    line_start, line_end = ctx.paragraph(verb)
    clauses = [c for c in clauses if line_start <= c.idx < line_end or any(
        line_start <= t.idx < line_end and t.pos_ in ("VERB", "AUX") for t in c.subtree)]
    # the clause nearest the cue first: in "X said A. - B - said X" the parser can hang both sentences on the last
    # cue, and its words are B
    for child in sorted(clauses, key=lambda c: (c.i < verb.i, abs(c.i - verb.i))):
        if not strong and (child.i < verb.i or not (_finite(child) or lemma in SMALL_CLAUSE_VERBS and _small_clause(verb, child))):
            continue  # "Russia finds itself cut off" is no report; keep cognition to full clauses
        predicate = _predicate_after(verb, child)
        return extent(ctx, verb, _split_subject(verb, child) + _without_citation(child)
                      + (list(predicate.subtree) if predicate is not None else []))
    if strong and (misparsed := _misparsed_clause(verb, lemma)) is not None:
        return extent(ctx, verb, misparsed)
    if lemma in INFINITIVE_VERBS:
        # The infinitive first: in "called on Monday on the council to act" and "called on residents to leave" a
        # phrase with "on" comes before it, and alone it is a day or the one called on, not what was asked.
        wanted = next((c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i), None)
        if wanted is not None:
            addressee = [
                t
                for c in verb.children
                if c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ == "on" and c.i < wanted.i and not _when(c))
                for t in c.subtree
                if t.i != c.i or c.dep_ == "dobj"
            ]
            return extent(ctx, verb, addressee + list(wanted.subtree))
        if lemma == "call" and speaking_agent(verb):
            for child in verb.children:
                if child.dep_ == "prep" and child.lower_ in ("for", "on") and not _when(child) and (
                        found := extent(ctx, verb, [t for t in child.subtree if t.i != child.i])) is not None:
                    return found
    as_prep = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" and c.i > verb.i]
    if lemma in AS_VERBS and as_prep:
        objs = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
        if objs:
            return extent(ctx, verb, [t for c in objs[:1] + as_prep[:1] for t in c.subtree])
    if lemma in OBJECT_VERBS and lemma not in AS_VERBS:
        predicative = [c for c in verb.children if c.dep_ in ("oprd", "ccomp") and c.i > verb.i]
        objs = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i and (c.pos_ != "PRON" or predicative)]
        if objs and lemma == "cite" and (person_like(objs[0]) or verb.dep_ in ("advcl", "acl", "relcl")
                                         and cited_source(objs[0]) is not None):
            # "cited two officials", "Kyodo, citing the coast guard, said": whom it cites, not what was said
            return None
        if objs and predicative:
            # "called the shootings a tragedy", "called him a liar": the object with what it is called
            return extent(ctx, verb, [t for c in objs[:1] + predicative[:1] for t in c.subtree])
        if objs:
            # "accused the junta of ...", "described the lead as ...": the rest belongs to the content
            reason = [
                c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("of", "for", "as") and c.i > objs[0].i
            ]
            if not reason and len(list(objs[0].subtree)) == 1:
                # "polls show Clinton with a lead": a bare name needs what is said of it
                reason = [c for c in verb.children if c.dep_ == "prep" and c.i > objs[0].i]
            return extent(ctx, verb, [t for c in objs[:1] + reason[:1] for t in c.subtree]) or _name(objs[0])
        by = [c for c in verb.children if c.dep_ == "agent"]
        passive = [c for c in verb.children if c.dep_ == "nsubjpass" and c.i < verb.i]
        if by and passive:  # "the plan has been endorsed by the union": the plan is what they endorse
            return extent(ctx, verb, list(passive[0].subtree)) or _name(passive[0])
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.i > verb.i):
        if prep.lower_ in PREP_CONTENT.get(lemma, ()) and any(p.dep_ in ("pobj", "pcomp") for p in prep.children):
            return extent(ctx, verb, [t for t in prep.subtree if t.i != prep.i])
    if verb.dep_ == "parataxis" and not any(c.dep_ in ("dobj", "ccomp") for c in verb.children):
        # "This involvement, Trudeau suggested, signals ...": the host clause is the content.
        skip = {t.i for t in verb.subtree}
        return extent(ctx, verb, [t for t in verb.head.subtree if t.i not in skip])
    if (strong and verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
            and any(c.dep_ == "nsubj" for c in verb.children)  # not "as noted", "as reported by the ministry"
            and not any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children) and verb.head.pos_ in ("VERB", "AUX")
            and not (cue_lemma(verb.head) or ("", False))[1]):  # "As the agency reported, Brieger said": his words
        # "As the director said on Wednesday, ten units are approaching": the host clause is the content
        skip = {t.i for t in verb.subtree}
        return extent(ctx, verb, [t for t in verb.head.subtree if t.i not in skip])
    return None


# Verbs of evidence whose finding can be a clause with a subject and an -ing verb: "polls show the mayor leading".
SMALL_CLAUSE_VERBS = frozenset({"show"})


def _small_clause(verb: Token, clause: Token) -> bool:
    """"Two polls show the incumbent leading her rival": a clause with its own subject and an -ing verb, found by a
    thing (a poll, a record), not shown by a person ("the guide showed visitors leaving the hall ...")."""
    subject = subject_of(verb)
    return (clause.tag_ == "VBG" and any(c.dep_ == "nsubj" for c in clause.children) and subject is not None
            and subject.pos_ in ("NOUN", "PROPN") and subject.ent_type_ != "PERSON" and not person_like(subject)
            and not person_noun(subject.lower_) and subject.lower_ not in OFFICE_NOUNS)


def _split_subject(verb: Token, clause: Token) -> list[Token]:
    """The subject the parser split off a reported clause as the cue's object: "studies have shown [large parts of
    the city] [are divided by income]", a clause with no subject of its own right after the object."""
    if clause.i < verb.i or any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj", "mark") for c in clause.children):
        return []
    obj = next((c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < clause.i), None)
    if obj is None or obj.right_edge.i + 1 != clause.left_edge.i or obj.pos_ == "PRON":
        return []
    return list(obj.subtree)


def _misparsed_clause(verb: Token, lemma: str) -> list[Token] | None:
    """The reported clause of a verb of saying that the parser attached elsewhere: a clause with its
    own subject and no conjunction of its own, read as an adverbial ("said after the vote he would
    resign"), or a "that" clause read as a relative clause of the addressee ("told a meeting of
    farmers that prices would rise", where "that" is no subject or object of it)."""
    for child in verb.children:
        if (child.dep_ == "advcl" and child.i > verb.i and _finite(child)
                and any(c.dep_ in ("nsubj", "nsubjpass") and c.i < child.i for c in child.children)
                and not any(c.dep_ == "mark" or c.dep_ == "advmod" and c.tag_ == "WRB" for c in child.children)):
            return list(child.subtree)  # not "said when the vote ended" nor "said because ..."
    if lemma not in ADDRESSEE_VERBS:
        return None
    addressees = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
    for obj in addressees:
        for clause in obj.subtree:
            if clause.dep_ != "relcl" or clause.head.i < verb.i:
                continue
            that = next((c for c in clause.children if c.lower_ == "that" and c.dep_ == "mark"), None)
            if that is not None and any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
                return [t for t in clause.subtree if t.i >= that.i]
    return None


def _when(prep: Token) -> bool:
    """A phrase that says when ("on Tuesday", "on 3 May"), not to whom or for what."""
    return any(p.dep_ == "pobj" and p.ent_type_ in ("DATE", "TIME") for p in prep.children)


def _name(tok: Token) -> tuple[int, int] | None:
    """A one-word content that names someone: "backed Clinton", "Trump has been endorsed by"."""
    return (tok.i, tok.i + 1) if tok.pos_ == "PROPN" and tok.is_alpha else None


def speaking_agent(verb: Token) -> bool:
    """Whether a cue's subject can speak: "the union calls for", not "this development calls for"."""
    subject = subject_of(verb)
    return subject is not None and (
        subject.pos_ in ("PROPN", "PRON")
        or subject.ent_type_ in NAMED_ENT_LABELS
        or subject.lower_ in ANONYMOUS_NOUNS
        or not any(c.lower_ in DEMONSTRATIVES for c in subject.children)
    )


def _finite(clause: Token) -> bool:
    """A clause with a complementizer or a tensed verb: "that ...", "whether ...", "she will ..."."""
    return clause.tag_ in FINITE_TAGS or any(
        c.dep_ == "mark" or (c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_TAGS) for c in clause.children
    )


def _across_semicolon(verb: Token, child: Token) -> bool:
    lo, hi = (child.right_edge.i, verb.i) if child.i < verb.i else (verb.i, child.left_edge.i)
    return any(t.text == ";" for t in verb.doc[lo:hi])


def _after_colon(verb: Token, child: Token) -> bool:
    return child.i > verb.i and any(t.text == ":" for t in verb.doc[verb.i : child.left_edge.i])


def extent(ctx: Context, cue: Token, tokens: list[Token]) -> tuple[int, int] | None:
    """[start, end) of the tokens in the cue's paragraph, without punctuation or space at the edges."""
    start, end = ctx.paragraph(cue)
    kept = [t.i for t in tokens if not (t.is_punct or t.is_space) and start <= t.idx < end]
    if len(kept) < 2:
        return None
    first, last = min(kept), max(kept) + 1
    doc = cue.doc
    if (opening := dateline_end(ctx.text, start)) is not None and doc[first].idx < opening:
        # "TIRANA, Albania (Wire) - Floods killed 14, the ministry said": the dateline is no part of the words
        first = next((i for i in kept if doc[i].idx >= opening), first)
    if last <= cue.i:
        first = _dash_paragraph_start(ctx, _after_dash_opener(ctx, first, last, cue), last, cue)
        last = _to_dash_closer(ctx, last, cue)
    elif first > cue.i:
        last = _before_dash_opener(ctx, first, last)
    if last < len(doc) and doc[last].is_quote and sum(t.is_quote for t in doc[first:last]) % 2:
        last += 1  # close a quotation the content opens: "talks were 'on track'"
    else:
        last = _to_open_quotation_end(ctx, first, last, cue)
    return first, last


def _to_open_quotation_end(ctx: Context, first: int, last: int, cue: Token) -> int:
    """Where words reported after their cue end when they open a quotation the parse cut short: "called the
    invasion "the most brazen act... in a generation."" runs to the mark that closes the quotation, in the
    same sentence, rather than stopping at the word where the parser's phrase ended."""
    doc = ctx.doc
    start, end = doc[first].idx, doc[last - 1].idx + len(doc[last - 1])
    sent_end = doc[last - 1].sent.end_char
    for mark in ctx.marks:
        if mark.start >= end:
            break
        if start <= mark.start and end < mark.end <= sent_end + 1 and "\n" not in ctx.text[end:mark.end] and (
                last > cue.i or mark.end <= cue.idx):
            span = doc.char_span(mark.start, mark.end, alignment_mode="expand")
            return span.end if span is not None else last
    return last


def _after_dash_opener(ctx: Context, first: int, last: int, cue: Token) -> int:
    """Where words reported before their cue begin: after the last dash that opens them following a
    sentence end, not at the start of the sentence the parser glued them to; where a dash sets the cue off
    ("... - she said"), also after one that follows a quotation ('... said that "..." - we never wanted war -
    she said')."""
    doc = ctx.doc
    start, end = doc[first].idx, doc[last - 1].idx + len(doc[last - 1])
    openers = [DASH_OPENER]
    if DASH_CLOSER.match(ctx.text, end, cue.idx) and any(spaced_dash(t) for t in doc[last:cue.i]):
        openers.append(QUOTE_DASH_OPENER)
    opener = None
    for found in (f for pattern in openers for f in pattern.finditer(ctx.text, start, end)):
        opener = found if opener is None or found.start() > opener.start() else opener
    if opener is None:
        return first
    after = next((t.i for t in doc[first:last] if t.idx >= opener.end() and not (t.is_punct or t.is_space)), None)
    return after if after is not None and after < last - 1 else first


def _before_dash_opener(ctx: Context, first: int, last: int) -> int:
    """Where words reported after their cue end: before a dash that opens someone's words after a
    sentence end ("said that the findings should satisfy Ukraine.- A critical point - said the expert")."""
    doc = ctx.doc
    start, end = doc[first].idx, doc[last - 1].idx + len(doc[last - 1])
    opener = DASH_OPENER.search(ctx.text, start, end)
    if opener is None:
        return last
    before = [t.i for t in doc[first:last] if t.idx < opener.start() + 1 and not (t.is_punct or t.is_space)]
    return before[-1] + 1 if len(before) >= 2 else last


def spaced_dash(tok: Token) -> bool:
    """A dash set off by spaces, which opens or closes someone's words; never the hyphen of "Holtz-Eakin"."""
    return tok.text in DASHES and bool(tok.whitespace_) and tok.i > 0 and bool(tok.doc[tok.i - 1].whitespace_)


DASHES = frozenset({"-", "–", "—", "--"})


def _to_dash_closer(ctx: Context, last: int, cue: Token) -> int:
    """Where words reported before their cue end when their paragraph opens with a dash: at the dash that closes
    them ("- The dam is safe - Malek said"), where the parser cut them short at a word it hung on the speaker."""
    doc = cue.doc
    if DASH_PARAGRAPH.match(ctx.text, ctx.paragraph(cue)[0]) is None:
        return last
    closers = [t.i for t in doc[last:cue.i] if spaced_dash(t)]
    if not closers:
        return last
    between = doc[last:closers[-1]]
    if any(t.is_quote or t.text in (".", "!", "?", ";") or t.is_space for t in between):
        return last  # another sentence, or someone's quotation, before the dash
    return closers[-1] if any(not t.is_punct for t in between) else last


def _dash_paragraph_start(ctx: Context, first: int, last: int, cue: Token) -> int:
    """Where words closed by a dash before their cue begin when their paragraph opens with a dash: "- NATO is
    in a confrontation. We talk about it every day - the spokeswoman said" reports both sentences."""
    doc = cue.doc
    start = ctx.paragraph(cue)[0]
    opened = DASH_PARAGRAPH.match(ctx.text, start)
    end = doc[last - 1].idx + len(doc[last - 1])
    if opened is None or doc[first].idx <= opened.end() or not DASH_CLOSER.match(ctx.text, end, cue.idx + 1):
        return first
    between = ctx.text[opened.end():doc[first].idx]
    if any(c in between for c in "-–—\"“”«»") or "\n" in between:
        return first  # another dash or quotation between: the words may be someone else's
    i = first
    while i > 0 and doc[i - 1].idx >= opened.end():
        i -= 1
    return i
