"""The reporting frame of a clause (who attributes it, with which cue and certainty) and the relays it came
through, and the source governing one word of a clause (``source_on_path``: a figure's speaker, "according
to" X, a report's maker); who a frame's speaker is, the one resolver answers (``speakers.source_of``)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from storyline.models import Quote
from storyline.nlp import certainty as cx
from storyline.nlp import figure_words as W
from storyline.nlp import grammar as gr
from storyline.nlp.certainty import Frame
from storyline.nlp.cue_words import FALSE_WORDS, PERSON_NOUNS
from storyline.nlp.grammar import first_child, lemma
from storyline.nlp.pipeline import text_of
from storyline.nlp.prose import Context
from storyline.nlp.quote_cues import view_owner
from storyline.nlp.relays import can_speak, institution, issued_by, relay_chain  # noqa: F401  (re-exported for attribution)

# Speech acts whose object is what was said ("voiced concerns", "stressed the need").
NP_FRAMES = gr.lexicon("warn", "stress", "emphasize", "emphasise", "highlight", "underscore", "express", "voice",
                       "reiterate", "acknowledge", "announce", "echo", "repeat", "condemn", "welcome", "accuse",
                       "promise", "pledge", "vow")  # what a source promised is its word: "pledged $2bn in aid"
# Verbs an inanimate subject can take ("the evidence suggests", "this underscores"): then the author infers.
EVIDENCE_VERBS = gr.lexicon("suggest", "indicate", "show", "mean", "signal", "imply", "highlight", "underscore",
                            "demonstrate", "reflect", "illustrate", "confirm", "point", "hint", "reveal", "emphasize",
                            "stress", "underline")
# Verbs that pass a verdict on their object: "called the reports fake", "described the toll as inflated".
VERDICT_VERBS = gr.lexicon("call", "describe", "brand", "label", "term", "deride", "denounce", "characterize")


def covering_quote(ctx: Context, span: Span) -> Quote | None:
    """A direct quotation that is the span's claim: most of the span, or all of it but the attribution."""
    size = max(1, span.end_char - span.start_char)
    for q in ctx.quotes:
        if not q.direct or q.partial or not _opens_quotation(text_of(ctx.doc), q.start):
            continue  # a reported clause that carries a few quoted words is not a quotation here
        overlap = min(q.end, span.end_char) - max(q.start, span.start_char)
        attributed_here = q.speaker_start is not None and span.start_char <= q.speaker_start < span.end_char
        if overlap > 0.5 * size or overlap > 0 and attributed_here and overlap > 0.3 * size:
            return q
    return None


def reported_in(ctx: Context, span: Span) -> Quote | None:
    """A quote whose speaker is in the span and whose words run into it: the clause is that report ("has warned of
    a 'dangerous moment'", a cue the clause's parse gives no frame)."""
    for q in ctx.quotes:
        if (q.speaker_start is not None and q.cue not in ("―", "—", ":")
                and span.start_char <= q.speaker_start < span.end_char and q.start < span.end_char
                and (span.start_char <= q.start or span.start_char < q.end)):
            # (words that began sentences before, as a dash-quoted passage does, and end in the span)
            return q
    return None


def _opens_quotation(text: str, start: int) -> bool:
    """Whether a record's words start right after a quotation mark. Words set off by dashes ("- It seems to me
    ... - he added") stay the frame's report here: their clause keeps the source its cue gives it."""
    i = start - 1
    while i >= 0 and text[i] in " \t\u00a0":
        i -= 1
    return i >= 0 and text[i] in "\"'“”‘’«»„"


# -- the reporting frame of a clause ------------------------------------------------
INDEFINITE_PRONOUNS = frozenset({"nothing", "something", "anything", "everything"})
"""Subjects that name no one: "nothing indicates a change, he added" is his, not nothing's, claim."""


def find_frame(pred: Token, lo: int, hi: int) -> Frame | None:
    """The attribution that governs a clause's predicate, from the parse."""
    lem = lemma(pred)

    def child(tok: Token, *deps: str) -> Token | None:
        return next((c for c in tok.children if c.dep_ in deps and lo <= c.i < hi), None)

    ccomp = child(pred, "ccomp")
    if ccomp is not None and lem in cx.WEAK_FRAMES and not any(
            m.lower_ == "that" for m in ccomp.children if m.dep_ == "mark"):
        ccomp = None
    subj = child(pred, "nsubj")
    if subj is None and pred.dep_ == "advcl" and pred.tag_ == "VBG":
        # ", rejecting the council's declaration": the participle speaks for the sentence's speaker
        top = pred.sent.root
        subj = first_child(top, "nsubj") if lemma(top) in cx.SPEECH_VERBS else gr.subject(pred)
    elif subj is None and pred.dep_ == "conj":
        subj = gr.subject(pred)
    subj = subj if subj is not None and subj.dep_ == "nsubj" else None
    if subj is None:
        # a heading glued to the sentence can steal its subject: take the orphaned one back
        # (or made it the object of the heading's last word: "... account of tablet recall\n\nMoravia Chemicals rejected")
        subj = next((t for t in pred.doc[lo:pred.i] if not lo <= t.head.i < hi and (
            t.dep_ == "nsubj" or t.dep_ == "pobj" and t.pos_ == "PROPN" and t.head.i < lo)), None)
    if subj is None and ccomp is not None:
        subj = _appositive_speaker(pred, ccomp)
    subjpass = child(pred, "nsubjpass", "expl")
    xcomp = child(pred, "xcomp")
    # "IGAD should insist that ...": advice or conjecture about speaking, not a report of it
    modal = any(a.lower_ in cx.DEONTIC_MODALS | cx.HEDGE_MODALS | cx.FUTURE_MODALS | {"would"} for a in gr.auxes(pred))
    status = None if modal else cx.FRAME_STATUS.get(lem)
    # "rejected as unfounded the company's claim that ...": the parser hangs the claim on the "as"
    as_claim = next((o for c in pred.children if c.dep_ == "prep" and c.lower_ == "as" for o in c.children
                     if o.dep_ == "pobj" and o.lower_ in cx.CLAIM_NOUNS and lo <= o.i < hi), None)
    if lem in cx.SAY_DENIED_OBJECT | cx.SAY_CONFIRMED_OBJECT and not modal:
        dobj = first_child(pred, "dobj")
        if ccomp is not None or (dobj is not None and dobj.lower_ in cx.CLAIM_NOUNS) or as_claim is not None:
            status = "denied" if lem in cx.SAY_DENIED_OBJECT else "confirmed"
    if status is not None:
        opinion = lem in cx.OPINION_FRAME
        if subjpass is not None and subjpass.lower_ == "it" and ccomp is not None:
            # "it is reported that ..."
            return Frame(None, ccomp, f"it is {pred.text}", status, pred, anonymous=True, opinion=opinion)
        if subjpass is not None and xcomp is not None and pred.tag_ == "VBN":
            return None  # "X is said to ...": a hedge on X's clause, not a frame
        agent = first_child(pred, "agent")
        if subj is None and agent is not None and subjpass is not None:
            by = first_child(agent, "pobj")
            if by is not None and status in {"confirmed", "denied", "reported"}:
                return Frame(by, pred, pred.text, status, pred)
        if subj is not None and ccomp is not None and _inanimate(subj, lem):
            # "This development suggests that ...": the author's inference, not a source's claim
            return Frame(None, ccomp, pred.text, status if status == "possible" else "asserted", pred, author=True)
        if subj is not None and (ccomp is not None or status in {"confirmed", "denied"}):
            if status in {"confirmed", "denied"} and ccomp is None:
                # "denied sending troops", "confirmed the presence of ...": the object is the claim
                if first_child(pred, "dobj") is None and xcomp is None and as_claim is None:
                    return None
                return Frame(subj, xcomp, pred.text, status, pred)
            return Frame(subj, ccomp, pred.text, status, pred, opinion=opinion)
    if subj is not None and child(pred, "dobj") is not None and not modal and _speaker_like(subj) and lem in NP_FRAMES:
        # "Trudeau voiced concerns about ...": what a source expressed is theirs to answer for
        return Frame(subj, None, pred.text, "reported", pred)
    if lem in cx.URGE and subj is not None and lem != "call":
        return Frame(subj, xcomp or ccomp, pred.text, "reported", pred)
    if lem in VERDICT_VERBS and subj is not None and not modal and _speaker_like(subj) and (
            first_child(pred, "dobj") is not None and (any(c.dep_ in {"oprd", "ccomp", "xcomp"} or (
                c.dep_ == "prep" and c.lower_ == "as") for c in pred.children) or any(
                t.lower_ in FALSE_WORDS for t in first_child(pred, "dobj").subtree))):
        # "the government called the reports fake news": a verdict on a claim is the subject's
        return Frame(subj, None, pred.text, "reported", pred)
    if lem == "call" and subj is not None and (
        any(c.dep_ == "prep" and c.lower_ in {"on", "upon", "for"} for c in pred.children) or xcomp is not None
    ) and subj.pos_ in {"PROPN", "PRON"} | ({"NOUN"} if subj.lower_ in cx.ANONYMOUS_NOUNS else set()):
        return Frame(subj, xcomp, pred.text, "reported", pred)
    if lem == "quote" and subj is not None:
        # "Yoon's office quoted Trudeau as saying that ...": the words are Trudeau's
        quoted = child(pred, "dobj")
        saying = next((t for t in pred.subtree if t.lower_ == "saying" and lo <= t.i < hi), None)
        if quoted is not None and saying is not None:
            return Frame(quoted, first_child(saying, "ccomp"), "quoted", "reported", pred, relays=[subj])
    if pred.pos_ in {"NOUN", "PROPN"}:
        # "The UN refugee agency, UNHCR, estimated that ...": a parse with the verb as a modifier
        for c in pred.children:
            if c.dep_ in {"acl", "relcl"} and lemma(c) in cx.SPEECH_VERBS and child(c, "ccomp") is not None:
                return Frame(pred, child(c, "ccomp"), c.text, cx.FRAME_STATUS.get(lemma(c), "reported"), c)
    # "X held, residents said, ..." and "X, the ministry said."
    for c in pred.children:
        if c.dep_ in {"parataxis", "ccomp"} and lo <= c.i < hi and lemma(c) in cx.SAY_REPORTED | cx.SAY_POSSIBLE:
            inner = first_child(c, "nsubj")
            if inner is not None and first_child(c, "ccomp") is None and lo <= inner.i < hi \
                    and inner.lower_ not in INDEFINITE_PRONOUNS:
                return Frame(inner, pred, c.text, cx.FRAME_STATUS[lemma(c)], c, opinion=lemma(c) in cx.OPINION_FRAME)
    # "according to X"
    for tok in pred.doc[lo:hi]:
        if tok.lower_ == "according" and tok.i + 1 < hi and tok.nbor(1).lower_ == "to":
            pobj = first_child(tok.nbor(1), "pobj")
            if pobj is not None and governs(pred, tok):
                return Frame(pobj, pred, "according to", "reported")
        owner = view_owner(tok)  # "in his view", "in the opinion of the court"
        if owner is not None and owner.lower_ not in {"i", "we", "you", "my", "our", "your"} and governs(pred, tok.head):
            return Frame(owner, pred, "in the view of", "reported", opinion=True)
    for c in pred.children:
        if c.dep_ == "advmod" and c.lower_ in cx.REPORTEDLY:
            return Frame(None, pred, c.lower_, "possible", anonymous=True)
    return _trailing_frame(pred, lo, hi)


def _appositive_speaker(pred: Token, ccomp: Token) -> Token | None:
    """ "... were sheltering inside the plant, Anna Kovac, head of the city police, told CNN": the speaker of a
    subjectless cue that the parser hung, between commas, as an apposition of the reported clause's last noun."""
    doc = pred.doc
    if pred.i < 3 or doc[pred.i - 1].text != "," or ccomp.i > pred.i:
        return None
    for tok in doc[ccomp.left_edge.i:pred.i - 1]:
        if (tok.dep_ == "appos" and (tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG")) and tok.right_edge.i == pred.i - 2
                and tok.left_edge.i > 0 and doc[tok.left_edge.i - 1].text == "," and tok in ccomp.subtree):
            return tok
    return None


def _trailing_frame(pred: Token, lo: int, hi: int) -> Frame | None:
    """ "..., the World Health Organization said on Friday": a closing attribution the parser misplaced."""
    doc = pred.doc
    for tok in doc[pred.i + 1:hi]:
        if lemma(tok) not in cx.SAY_REPORTED | cx.SAY_POSSIBLE or tok.tag_ not in {"VBD", "VBZ", "VBP"}:
            continue
        subj = first_child(tok, "nsubj")
        if subj is None or subj.i < pred.i or first_child(tok, "ccomp") is not None:
            continue
        before = doc[subj.left_edge.i - 1] if subj.left_edge.i > lo else None
        named = subj.pos_ == "PROPN" or subj.ent_type_ or subj.lower_ in cx.ANONYMOUS_NOUNS or institution(subj.lower_)
        if before is not None and before.text == "," and named:
            return Frame(subj, pred, tok.text, cx.FRAME_STATUS[lemma(tok)], tok)
    return None


def _speaker_like(tok: Token) -> bool:
    """A subject that can speak: a name, a person pronoun, an institution, unnamed officials."""
    return (tok.pos_ == "PROPN" or tok.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"}
            or tok.lower_ in cx.ANONYMOUS_NOUNS | PERSON_NOUNS | {"he", "she", "they", "we", "i"}
            or institution(tok.lower_))


def _inanimate(tok: Token, verb: str) -> bool:
    """A subject that cannot speak ("this development suggests"), judged by what it is said to do."""
    if verb not in EVIDENCE_VERBS:
        return False
    if tok.lower_ in {"it", "this", "that", "which"}:
        return True
    if issued_by(tok) is not None:
        return False  # "polling done by Chatham House indicates": the pollster's finding, not the author's inference
    return (tok.pos_ == "NOUN" and tok.lower_ not in cx.ANONYMOUS_NOUNS and not institution(tok.lower_)
            and tok.ent_type_ == "")


def governs(pred: Token, tok: Token) -> bool:
    """Whether tok hangs off pred without crossing into a subordinate clause."""
    node = tok.head
    while node.i != node.head.i and node.i != pred.i:
        if node.dep_ in {"relcl", "acl", "advcl"}:
            return False
        node = node.head
    return node.i == pred.i or tok.head.i == pred.i


# -- the source governing one word of a clause ---------------------------------------
# A figure, a name or any word deep in a clause takes the nearest source on its path up the parse: a
# speech verb's subject, "according to" X, the owner of a report ("an analysis by the AP found"). The
# clause's frame (``find_frame``) answers for the clause as a whole; this walk answers for one word in it.

def _cited(pobj: Token, on_path: set[int]) -> Token:
    """Who an "according to" cites: its object, or whoever stands behind a report it names ("according to the
    estimates of aid agencies"), or whom the outlet or body it names cites in turn ("according to the FT, which cited
    Western officials", "according to Reuters, citing two officials": the officials; the outlet only relays)."""
    if (original := _relayed_from(pobj, on_path)) is not None:
        return original
    return _source_owner(pobj, on_path) if pobj.lower_ in W.SOURCE_NOUNS and pobj.i not in on_path else pobj


RELAY_VERBS = W.inflect("cite", "quote")


def _relayed_from(pobj: Token, on_path: set[int]) -> Token | None:
    """Whom the object of "according to" cites right after it is named: a relative clause on it ("the FT, which
    cited ...") or a participle after it ("Reuters, citing ..."); never the phrase that holds the figure."""
    according = pobj.head.head if pobj.head.lower_ == "to" else None
    if according is None or according.lower_ != "according":
        return None
    after = pobj.right_edge.i + 1
    verbs = [c for c in pobj.children if c.dep_ == "relcl"]
    verbs += [c for c in according.head.children if c.dep_ == "advcl" and c.i > pobj.i and c.left_edge.i == c.i
              and all(t.is_punct for t in pobj.doc[after:c.i])]
    for verb in verbs:
        if verb.lower_ in RELAY_VERBS:
            for child in verb.children:
                if child.dep_ == "dobj" and child.pos_ in ("NOUN", "PROPN", "PRON") \
                        and not any(t.i in on_path for t in child.subtree):
                    return child
    return None


def _according(token: Token) -> Token | None:
    """The object of an "according to" attached to ``token``."""
    for child in ([token] if token.lower_ == "according" else []) + [c for c in token.children if c.lower_ == "according"]:
        for to in child.children:
            if to.lower_ == "to":
                for pobj in to.children:
                    if pobj.dep_ == "pobj":
                        return pobj
    return None


def _speaker_ok(token: Token, on_path: set[int]) -> bool:
    return (token.i not in on_path and token.pos_ in ("NOUN", "PROPN", "PRON") and not token.like_num
            and token.lower_ not in W.NO_SPEAKER and token.lower_ not in ("cent", "percent", "%"))


def _speaker(verb: Token, on_path: set[int]) -> Token | None:
    """The subject of a speech verb, or the agent of a passive one."""
    opening = _paragraph_start(verb)
    for child in verb.children:
        if child.i < opening:
            continue  # a heading the parser glued above the verb's paragraph holds none of its words
        if child.dep_ == "nsubj" and (_speaker_ok(child, on_path) or child.lower_ == "it"):
            return child  # "It put the cost at 25 million euros": the body the resolver finds
        if child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj" and _speaker_ok(pobj, on_path):
                    return pobj
    if (shared := _shared_subject(verb)) is not None and shared.i >= opening and _speaker_ok(shared, on_path):
        return shared  # "The mayor toured the port and announced $5m for repairs": the mayor announced it
    if opening > verb.sent.start:
        # "– Rains return –", a blank line, "The weather office says that ...": the parser hung the paragraph's
        # opening noun phrase on the heading; the one phrase standing between the break and the verb is its subject
        heads = [t for t in verb.doc[opening:verb.i] if not opening <= t.head.i < verb.i and not t.is_punct]
        if len(heads) == 1 and _speaker_ok(heads[0], on_path):
            return heads[0]
    return None


def _shared_subject(verb: Token) -> Token | None:
    """The subject a verb with none of its own shares with the verb it is joined to by "and" ("The mayor toured
    the port and announced ..."), the first verb's in a chain of them, where that verb is the sentence's own (one
    inside what someone says may be hung on the wrong verb: "the Taoiseach said the country stood with them, and
    announced ..." is his announcement, not the country's)."""
    if verb.dep_ != "conj" or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return None
    head = verb.head
    for _ in range(4):
        if head.dep_ != "conj" or any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children):
            break
        head = head.head
    if head.pos_ not in ("VERB", "AUX") or head.dep_ != "ROOT":
        return None
    return next((c for c in head.children if c.dep_ == "nsubj"), None)


def _paragraph_start(token: Token) -> int:
    """The index of the first token of the paragraph ``token`` is in, within its sentence."""
    for t in reversed(token.doc[token.sent.start:token.i]):
        if "\n\n" in t.text.replace("\r", "") or "\n\n" in t.whitespace_.replace("\r", ""):
            return t.i + 1
    return token.sent.start


def outer_speaker(subject: Token) -> Token | None:
    """The named speaker of the report a pronoun's clause is the content of: "the utility said it expects"
    (the utility), "Ortiz told reporters she estimates" (Ortiz)."""
    clause = subject.head
    if subject.dep_ not in ("nsubj", "nsubjpass") or clause.dep_ != "ccomp" or not _is_speech(clause.head, clause):
        return None
    speaker = _speaker(clause.head, set())
    return speaker if speaker is not None and speaker.pos_ != "PRON" else None


def _relative_speaker(verb: Token) -> Token | None:
    """The "who" of a speech verb in a relative clause ("the mayor, who said 300 homes flooded")."""
    if verb.dep_ != "relcl":
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj" and c.lower_ == "who"), None)


def _is_speech(verb: Token, previous: Token) -> bool:
    """True when ``verb`` reports what comes under it ("said", "confirmed", "put the toll at")."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    word = verb.lower_
    objects = [c.lower_ for c in verb.children if c.dep_ == "dobj"]
    if any(o.lower_ in W.OWN_FIGURE_NOUNS and not _own_things(o) for o in verb.children if o.dep_ == "dobj"):
        return True  # "raised its death toll to 41", "put turnout at 59 per cent"
    if word in W.DOCUMENT_VERBS:
        return any(o in W.DOCUMENT_NOUNS for o in objects)
    if word in ("put", "puts", "putting"):
        # "put the cost of the damage at 25 million euros": whatever is put at the figure is an estimate
        return previous.dep_ == "prep" and previous.lower_ == "at" or previous.dep_ == "dobj" and any(
            t.dep_ == "prep" and t.lower_ == "at" for t in previous.subtree)  # (an "at" the parse hangs lower)
    if word in W.ADD_FORMS and any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children):
        return False  # "adding to the 1.5 million euros" adds money, not words
    if word in FINDING_FORMS and (previous.dep_ == "dobj" and previous.lower_ not in W.OWN_FIGURE_NOUNS and not any(
            c.dep_ == "nummod" for c in previous.children) or previous.dep_ == "ccomp" and not _finite(previous)) and not any(
            c.dep_ == "nsubj" and c.lower_ in W.SOURCE_NOUNS for c in verb.children):
        # "they had found a mass grave containing 440 bodies" is an act, not a finding reported; "the
        # images showed 1,500 troops" and "found that 40 died" report the figure, and whatever a survey or a
        # report finds is its finding ("the survey found a split between those who want it (41%) and ...")
        return False
    return word in W.SPEECH_VERBS


def _own_things(count: Token) -> bool:
    """A count of the subject's own things ("increased the number of its troops by 7,000", "doubled the total
    of their patrols"): changing it is an act, not a revision of a count."""
    return any(p.dep_ == "prep" and p.lower_ == "of" and any(
        g.dep_ == "pobj" and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in g.children) for g in p.children)
        for p in count.children)


def reporting_subject(verb: Token, line: Span | None = None) -> Token | None:
    """Who gives what a verb's object holds: "The ministry released the following figures", "the agency
    reported these losses"; in a ``line`` that only opens what follows, also who speaks ("The Red Crescent
    said on Wednesday:"), whatever the parser glued on from the lines after it."""
    lo, hi = (line.start, line.end) if line is not None else (0, len(verb.doc))
    if not lo <= verb.i < hi:
        return None
    objects = [c for c in verb.children if c.dep_ == "dobj" and lo <= c.i < hi]
    speaker = next((c for c in verb.children if c.dep_ == "nsubj" and lo <= c.i < hi and _speaker_ok(c, set())), None)
    if objects and _is_speech(verb, objects[0]):
        return speaker
    if line is not None and verb.lower_ in W.SPEECH_VERBS and not any(
            c.dep_ in ("ccomp", "xcomp") and lo <= c.i < hi for c in verb.children):
        return speaker
    return None


def _finite(clause: Token) -> bool:
    """A clause that states something ("found that 40 had died"), not a participle ("found a school holding 30")."""
    return clause.tag_ in ("VBD", "VBZ", "VBP", "MD") or any(
        c.dep_ in ("aux", "auxpass") or c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


def _source_owner(noun: Token, on_path: set[int]) -> Token:
    """Who stands behind a report, an estimate or a bulletin: its possessor, author or issuer."""
    if (maker := issued_by(noun)) is not None:
        return maker  # "polling done by Chatham House", "a survey conducted by the university"
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
        if child.dep_ == "prep" and child.lower_ == "of" and child.i not in on_path:
            # "the estimates of aid agencies": those who can speak are who made them (not "reports of shelling")
            for pobj in child.children:
                if pobj.dep_ == "pobj" and can_speak(pobj):
                    return pobj
    if noun.dep_ == "dobj" and (speaker := _speaker(noun.head, on_path)) is not None:
        return speaker
    if noun.dep_ == "nsubjpass" and _is_speech(noun.head, noun) and any(c.dep_ == "agent" for c in noun.head.children) \
            and (speaker := _speaker(noun.head, on_path)) is not None:
        return speaker  # "reports of 4,000 more troops were confirmed by the agency": who confirms them gives them
    return noun


# Verbs of finding, showing and concluding: they report only a clause ("found that 40 died", "concluded that
# 12 had drowned"), never a thing found, shown or concluded ("concluded a deal offering a port for 25 years").
FINDING_FORMS = frozenset({"found", "finds", "find", "finding", "show", "shows", "showed", "shown", "showing",
                           "reveal", "reveals", "revealed", "revealing"}) | W.inflect("conclude", "identify")
# Participles by which a picture, a document or data shows what a figure counts ("images showing 8 wrecked jets").
SHOWING_FORMS = frozenset({"showing", "revealing", "depicting", "documenting", "indicating", "suggesting"})
# Subordinators of a clause that sets the scene rather than reporting: "after lawmakers passed a
# $61bn package", "since the 2019 floods".
SCENE_MARKS = frozenset({"after", "before", "since", "until", "once"})
# Prepositions that set a scene or a concession around a saying ("despite images showing ...").
SCENE_PREPS = SCENE_MARKS | {"despite", "amid", "amidst", "notwithstanding"}
BACKGROUND = object()
"""The figure sits in the report's own description of something the speaker talks about."""


def _background(clause: Token) -> bool:
    """A relative clause ("the bill, which provides $61bn") or a scene-setting one ("after
    lawmakers passed a $61bn package"): the report's own description, not the speaker's words."""
    if clause.dep_ == "relcl" and clause.pos_ in ("VERB", "AUX"):
        # "4.3 million were registered, of whom about 20% are men": a partitive relative goes on counting
        # what the source counts; any other relative clause is the report's description
        return not any(t.lower_ in ("whom", "which") and t.head.lower_ == "of" and t.head.head.i == clause.i
                       for t in clause.subtree)
    if clause.dep_ in ("advcl", "xcomp") and clause.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ == "having"
                                                                       for c in clause.children):
        # "said Ruiz, having spent 14 years in office" (read as a clause of its own or as the verb's complement):
        # the report's aside
        return not _is_speech(clause, clause)
    if clause.dep_ == "advcl" and _where_clause(clause):
        return True  # "the coast, where 30,000 people have left their homes": a relative clause by another name
    return clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in SCENE_MARKS for c in clause.children)


def _where_clause(clause: Token) -> bool:
    """A clause opening on "where" after a comma: it describes the place before it ("the border, where 100,000
    troops wait"), as a relative clause set off by commas does."""
    start = clause.left_edge
    return start.lower_ == "where" and start.head.i == clause.i and start.i > 0 and clause.doc[start.i - 1].text == ","


# Subordinators of a clause that says what the speaker was doing, or despite what, as they spoke ("Russia, while
# mobilizing 100,000 troops, denies it plans to invade").
CIRCUMSTANCE_MARKS = frozenset({"while", "whilst", "although", "though"})


def _circumstance(clause: Token, verb: Token) -> bool:
    """A clause with no subject of its own set before a speech verb by "while" or "although": what its speaker
    does meanwhile, in the report's words, not what it says."""
    return clause.dep_ == "advcl" and clause.i < verb.i and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in clause.children) and any(
        c.dep_ == "mark" and c.lower_ in CIRCUMSTANCE_MARKS for c in clause.children)


def _set_off(clause: Token) -> bool:
    """Whether a comma stands right before the clause's first word."""
    first = clause.left_edge.i
    return first > 0 and clause.doc[first - 1].text == ","


def _contrast_aside(clause: Token) -> bool:
    """A clause set off by a comma and "while" or "although" ("..., while 300 million euros is spent on radar")."""
    return clause.dep_ == "advcl" and _set_off(clause) and any(
        c.dep_ == "mark" and c.lower_ in CIRCUMSTANCE_MARKS for c in clause.children)


def source_on_path(path: list[Token], sent: Span) -> Token | object | None:
    """The nearest source governing the figure: a speech verb's subject, "according to" X, a report.

    A scene-setting clause or a relative clause set off by commas is the report's own description
    (``BACKGROUND``), even inside what a source says ("the ministry said the dam, which holds 40 million cubic
    metres, had burst"); a relative clause that defines its noun belongs to whoever says the clause it is in
    ("NATO said attacks that left millions without power were war crimes")."""
    on_path = {t.i for t in path}
    previous = path[0]
    own_phrase = defining = False
    for n, token in enumerate(path[1:], 1):
        if previous.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in previous.children):
            # a coordinated clause with its own subject answers for itself, and is the report's own description
            # when it is joined inside one ("the east, where rebels hold towns and 40,000 troops have massed")
            if _described_above(path[n:]):
                return BACKGROUND
            break
        if previous.dep_ in ("ccomp", "parataxis") and previous.i < token.i and _semicolon_between(previous, token):
            break  # "1,200 homes lost power; the utility said crews were out": the clause before the ";" is not said
        if _background(previous):
            if not _defining(previous):
                # ("the town, where 4,000 homes lost power, according to the utility": the utility's, all of it)
                return next((_cited(pobj, on_path) for t in path[n:] if (pobj := _according(t)) is not None), BACKGROUND)
            defining = True
        if previous.dep_ == "acl" and previous.lower_ in SHOWING_FORMS and previous.head.i == token.i \
                and token.pos_ in ("NOUN", "PROPN") and token.lower_ not in W.SOURCE_NOUNS:
            # "images from Maxar showing 8 wrecked jets": whoever took the pictures gives what they show, not whoever
            # speaks of the clause they sit in ("Peru denied its ship rammed the boat despite video footage showing
            # it make three passes": footage of no one's is the report's own)
            owner = _source_owner(token, on_path)
            return owner if owner.i != token.i else BACKGROUND
        if token.lower_ in W.SOURCE_NOUNS and token.pos_ in ("NOUN", "PROPN"):
            if previous.dep_ in ("acl", "ccomp", "relcl", "appos") or (previous.dep_ == "prep" and previous.lower_ == "of"):
                return _source_owner(token, on_path)
        if (pobj := _according(token)) is not None:
            return _cited(pobj, on_path)
        if previous.dep_ == "nsubj" and _is_speech(token, previous):
            # the figure is in the speaker's own phrase ("80% of those asked said", "said Ruiz, who has
            # spent 14 years in office", "the survey in nine states found"): the report describing its source,
            # unless a report above it or the sentence says whose count it is ("60% of voters say ...,
            # according to a poll by X"); "62% of nurses reported for duty" says nothing
            own_phrase = own_phrase or any(c.dep_ in ("ccomp", "xcomp") for c in token.children)
            previous = token
            continue
        if (previous.dep_ == "prep" and previous.lower_ in SCENE_PREPS or _circumstance(previous, token)) \
                and _is_speech(token, previous):
            # "the company denied it, despite images showing two passes", "she said, after 40 hours of talks,
            # ...", "the firm, while laying off 900 staff, says ...": what the report sets the saying against is
            # its own description, not the speaker's words
            return BACKGROUND
        if token.dep_ == "relcl" and not _set_off(token) and any(_contrast_aside(t) for t in path[:n]) \
                and _is_speech(token, previous):
            # "bases from which intelligence indicates an attack is near, while £200m goes on radar": a defining
            # relative clause's speaker answers for its own words, not for a contrast the parser hung on them after
            # a comma ("the governor, who said 300 homes were flooded, while 12 bridges fell, ..." says both)
            return BACKGROUND
        if _is_speech(token, previous) and (speaker := _speaker(token, on_path)) is not None:
            # "an analysis by the AP found ...": the analysis speaks for its author
            return _source_owner(speaker, on_path) if speaker.lower_ in W.SOURCE_NOUNS or issued_by(speaker) else speaker
        if _is_speech(token, previous) and (who := _relative_speaker(token)) is not None:
            return who  # "a senior official, who added that 7,000 troops ...": the resolver credits the official
        previous = token
    if defining:
        return BACKGROUND
    return _according_in(sent) or (BACKGROUND if own_phrase else None)


def _described_above(path: list[Token]) -> bool:
    """Whether a clause on ``path`` below its first speech verb is the report's own description (a relative or
    scene-setting clause set off by a comma)."""
    for previous, token in zip(path, path[1:]):
        if _is_speech(token, previous):
            return False
        if _background(previous) and not _defining(previous):
            return True
    return False


def _defining(clause: Token) -> bool:
    """A relative clause that says which thing its noun is ("the attacks that cut power"), not one set off by a
    comma that adds a description ("the dam, which holds ...")."""
    start = clause.left_edge.i
    return clause.dep_ == "relcl" and start > 0 and clause.doc[start - 1].text not in (",", "(", "—", "–", "-")


def _semicolon_between(clause: Token, cue: Token) -> bool:
    """Whether a ";" stands between a clause and the later cue the parser hung it on."""
    return any(t.text == ";" for t in clause.doc[clause.right_edge.i + 1:cue.i])


def _according_in(sent: Span) -> Token | None:
    """The source of an "according to" anywhere in the sentence (whom it cites, when it relays)."""
    for token in sent:
        if token.lower_ == "according" and (pobj := _according(token)) is not None:
            return _relayed_from(pobj, set()) or pobj
    return None
