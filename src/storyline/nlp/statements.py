"""Statements: one record per sentence or clause of body prose, with its source, certainty and type."""

from __future__ import annotations

import re

from collections.abc import Callable
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import registry

from storyline.models import Quote, Statement
from storyline.nlp import certainty as cx
from storyline.nlp import grammar as gr
from storyline.nlp import statement_kinds as sk
from storyline.nlp.certainty import Frame
from storyline.nlp.grammar import first_child, lemma, noun_phrase
from storyline.nlp.pipeline import register_extensions
from storyline.nlp.prose import Context, clauses, token_at, units

VERSION = "storyline.statements.v1"

# Speech acts whose object is what was said ("voiced concerns", "stressed the need").
NP_FRAMES = gr.lexicon("warn", "stress", "emphasize", "emphasise", "highlight", "underscore", "express", "voice",
                       "reiterate", "acknowledge", "announce", "echo", "repeat", "condemn", "welcome", "accuse")
# Verbs an inanimate subject can take ("the evidence suggests", "this underscores"): then the author infers.
EVIDENCE_VERBS = gr.lexicon("suggest", "indicate", "show", "mean", "signal", "imply", "highlight", "underscore",
                            "demonstrate", "reflect", "illustrate", "confirm", "point", "hint", "reveal", "emphasize",
                            "stress", "underline")
INSTITUTIONS = frozenset({"ministry", "government", "office", "agency", "army", "military", "pentagon", "kremlin",
                          "police", "embassy", "administration", "presidency", "council", "committee", "court",
                          "parliament", "spokesperson", "spokesman", "spokeswoman", "service", "command", "bloc"})
DOCUMENT_NOUNS = frozenset({"report", "reports", "briefing", "briefings", "statement", "statements", "assessment",
                            "assessments", "data", "figures", "estimates"})
# -- sources -------------------------------------------------------------------------
@dataclass
class Source:
    id: str | None
    text: str
    kind: str


def source_of(ctx: Context, head: Token | None, anonymous: bool = False, text: str | None = None) -> Source:
    """Resolve who asserts something from the head of the speaker's noun phrase."""
    if head is None:
        return Source(None, text or "unnamed", "anonymous")
    np = noun_phrase(head)
    if head.lower_ in {"he", "she", "him", "her"}:
        m = ctx.antecedent(head)
        return Source(m.entity if m else None, head.text, "named")
    if head.lower_ in cx.PRONOUNS:
        return Source(None, head.text, "named")
    if head.lower_ in DOCUMENT_NOUNS:
        # "reports from the DIA and U.S. intelligence": the source is who issued them
        by = next((first_child(p, "pobj") for p in head.children
                   if p.dep_ == "prep" and p.lower_ in {"from", "by", "of"}), None)
        if by is not None:
            return source_of(ctx, by)
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
    elif mention is None and inside:
        mention = inside[-1]
    if generic or anonymous:
        return Source(mention.entity if mention else None, np.text, "anonymous")
    return Source(mention.entity if mention else None, np.text, "named")


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
        subj = next((t for t in pred.doc[lo:pred.i] if t.dep_ == "nsubj" and not lo <= t.head.i < hi), None)
    subjpass = child(pred, "nsubjpass", "expl")
    xcomp = child(pred, "xcomp")
    # "IGAD should insist that ...": advice or conjecture about speaking, not a report of it
    modal = any(a.lower_ in cx.DEONTIC_MODALS | cx.HEDGE_MODALS | cx.FUTURE_MODALS | {"would"} for a in gr.auxes(pred))
    status = None if modal else cx.FRAME_STATUS.get(lem)
    if lem in cx.SAY_DENIED_OBJECT | cx.SAY_CONFIRMED_OBJECT and not modal:
        dobj = first_child(pred, "dobj")
        if ccomp is not None or (dobj is not None and dobj.lower_ in cx.CLAIM_NOUNS):
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
                if first_child(pred, "dobj") is None and xcomp is None:
                    return None
                return Frame(subj, xcomp, pred.text, status, pred)
            return Frame(subj, ccomp, pred.text, status, pred, opinion=opinion)
    if subj is not None and child(pred, "dobj") is not None and not modal and _speaker_like(subj) and lem in NP_FRAMES:
        # "Trudeau voiced concerns about ...": what a source expressed is theirs to answer for
        return Frame(subj, None, pred.text, "reported", pred)
    if lem in cx.URGE and subj is not None and lem != "call":
        return Frame(subj, xcomp or ccomp, pred.text, "reported", pred)
    if lem == "call" and subj is not None and (
        any(c.dep_ == "prep" and c.lower_ in {"on", "upon", "for"} for c in pred.children) or xcomp is not None
    ) and subj.pos_ in {"PROPN", "PRON"} | ({"NOUN"} if subj.lower_ in cx.ANONYMOUS_NOUNS else set()):
        return Frame(subj, xcomp, pred.text, "reported", pred)
    if lem == "quote" and subj is not None:
        # "Yoon's office quoted Trudeau as saying that ...": the words are Trudeau's
        quoted = child(pred, "dobj")
        saying = next((t for t in pred.subtree if t.lower_ == "saying" and lo <= t.i < hi), None)
        if quoted is not None and saying is not None:
            return Frame(quoted, first_child(saying, "ccomp"), "quoted", "reported", pred)
    if pred.pos_ in {"NOUN", "PROPN"}:
        # "The UN refugee agency, UNHCR, estimated that ...": a parse with the verb as a modifier
        for c in pred.children:
            if c.dep_ in {"acl", "relcl"} and lemma(c) in cx.SPEECH_VERBS and child(c, "ccomp") is not None:
                return Frame(pred, child(c, "ccomp"), c.text, cx.FRAME_STATUS.get(lemma(c), "reported"), c)
    # "X held, residents said, ..." and "X, the ministry said."
    for c in pred.children:
        if c.dep_ in {"parataxis", "ccomp"} and lo <= c.i < hi and lemma(c) in cx.SAY_REPORTED | cx.SAY_POSSIBLE:
            inner = first_child(c, "nsubj")
            if inner is not None and first_child(c, "ccomp") is None and lo <= inner.i < hi:
                return Frame(inner, pred, c.text, cx.FRAME_STATUS[lemma(c)], c, opinion=lemma(c) in cx.OPINION_FRAME)
    # "according to X"
    for tok in pred.doc[lo:hi]:
        if tok.lower_ == "according" and tok.i + 1 < hi and tok.nbor(1).lower_ == "to":
            pobj = first_child(tok.nbor(1), "pobj")
            if pobj is not None and _governs(pred, tok):
                return Frame(pobj, pred, "according to", "reported")
    for c in pred.children:
        if c.dep_ == "advmod" and c.lower_ in cx.REPORTEDLY:
            return Frame(None, pred, c.lower_, "possible", anonymous=True)
    return _trailing_frame(pred, lo, hi)


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
        named = subj.pos_ == "PROPN" or subj.ent_type_ or subj.lower_ in cx.ANONYMOUS_NOUNS | INSTITUTIONS
        if before is not None and before.text == "," and named:
            return Frame(subj, pred, tok.text, cx.FRAME_STATUS[lemma(tok)], tok)
    return None


def _speaker_like(tok: Token) -> bool:
    """A subject that can speak: a name, a person pronoun, an institution, unnamed officials."""
    return (tok.pos_ == "PROPN" or tok.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"}
            or tok.lower_ in cx.ANONYMOUS_NOUNS | INSTITUTIONS | {"he", "she", "they", "we", "i"})


def _inanimate(tok: Token, verb: str) -> bool:
    """A subject that cannot speak ("this development suggests"), judged by what it is said to do."""
    if verb not in EVIDENCE_VERBS:
        return False
    if tok.lower_ in {"it", "this", "that", "which"}:
        return True
    return (tok.pos_ == "NOUN" and tok.lower_ not in cx.ANONYMOUS_NOUNS and tok.lower_ not in INSTITUTIONS
            and tok.ent_type_ == "")


def _governs(pred: Token, tok: Token) -> bool:
    """Whether tok hangs off pred without crossing into a subordinate clause."""
    node = tok.head
    while node.i != node.head.i and node.i != pred.i:
        if node.dep_ in {"relcl", "acl", "advcl"}:
            return False
        node = node.head
    return node.i == pred.i or tok.head.i == pred.i


# -- assembly ------------------------------------------------------------------------
def covering_quote(ctx: Context, span: Span) -> Quote | None:
    """A direct quotation that is the span's claim: most of the span, or all of it but the attribution."""
    size = max(1, span.end_char - span.start_char)
    for q in ctx.quotes:
        if not q.direct or q.partial:
            continue
        overlap = min(q.end, span.end_char) - max(q.start, span.start_char)
        attributed_here = q.speaker_start is not None and span.start_char <= q.speaker_start < span.end_char
        if overlap > 0.5 * size or overlap > 0 and attributed_here and overlap > 0.3 * size:
            return q
    return None


def _quote_source(ctx: Context, q: Quote) -> Source:
    speaker, text = q.speaker, q.speaker_text
    if speaker is None and text and text.lower() in {"he", "she"} and q.speaker_start is not None:
        tok = ctx.doc.char_span(q.speaker_start, q.speaker_end, alignment_mode="expand")
        m = ctx.antecedent(tok[0]) if tok is not None and len(tok) else None
        speaker = m.entity if m else None
    return Source(speaker, text or "unnamed", "quoted")


def _frame_source(ctx: Context, frame: Frame) -> Source:
    src = source_of(ctx, frame.speaker, frame.anonymous, frame.cue)
    if frame.speaker is not None and src.id is None:
        # the quotes component resolves pronouns and roles better than a local look-up
        for q in ctx.quotes:
            if q.speaker and q.speaker_start is not None and q.speaker_start <= frame.speaker.idx < q.speaker_end:
                return Source(q.speaker, src.text, "anonymous" if q.anonymous else src.kind)
    return src


def analyse(ctx: Context, span: Span, pred: Token) -> Statement:
    """One statement for a clause: its source, status and kind."""
    doc, lo, hi = ctx.doc, span.start, span.end
    quote = covering_quote(ctx, span)
    frame = find_frame(pred, lo, hi)
    spine = cx.chain(frame.content if frame is not None and frame.content is not None else pred, lo, hi)
    # predicates sharing the subject ("had weakened and was expected to leave") carry cues too
    spine += [c for c in spine[0].children if c.dep_ == "conj" and gr.is_verbal(c) and lo <= c.i < hi
              and first_child(c, "nsubj", "nsubjpass") is None and c not in spine]
    author = quote is None and (frame is None or frame.author)
    question = cx.in_question(span)
    future = _future(ctx, spine[0], lo, hi)
    found = cx.status_cues(frame, spine, span, author, quoted=quote is not None, future=future)
    if quote is not None:
        found.append(("reported", quote.cue or "quote"))
    # a question asserts nothing, so hedges inside it say nothing about certainty
    if question:
        kept = {frame.cue.lower() if frame is not None else None, (quote.cue or "quote") if quote is not None else None}
        found = [f for f in found if f[1] in kept]
    if quote is not None:
        source = _quote_source(ctx, quote)
    elif frame is not None and not frame.author:
        source = _frame_source(ctx, frame)
    else:
        source = Source(None, "author", "author")
    kind = sk.kind_of(ctx.mention_at, span, spine, frame, author, question, found, future)
    if kind.proposer is not None and source.kind == "author":
        source = source_of(ctx, kind.proposer)
        found.append(("reported", kind.cue or "call"))
    if kind.kind == "recommendation":
        # "nobody should plan an invasion" recommends not planning one: the negation is the advice
        found = [f for f in found if f[0] != "negated" and f[1] != "would"]
    elif kind.kind == "opinion":
        # "the vote had not met international standards": a negative judgement is still a judgement
        found = [f for f in found if f[0] != "negated"]
    status, cues = cx.choose(found, "asserted")
    if kind.cue and kind.cue not in cues:
        cues.append(kind.cue)
    actors = []
    for m in ctx.mentions_in(span.start_char, span.end_char):
        if m.entity and m.entity not in actors:
            actors.append(m.entity)
    addressed = None
    if kind.addressed is not None and kind.addressed.lower_ not in cx.NEGATIVE_WORDS:
        m = ctx.mention_at(kind.addressed)
        addressed = m.entity if m is not None else noun_phrase(kind.addressed).text
    return Statement(
        doc=doc._.doc_id or "",
        start=span.start_char,
        end=span.end_char,
        text=span.text,
        kind=kind.kind,
        status=status,
        source=source.id,
        source_text=source.text,
        source_kind=source.kind,
        cues=cues,
        date=_date(doc, span),
        actors=actors,
        addressed=addressed,
        action=kind.action,
        condition=kind.condition,
        consequence=kind.consequence,
    )


def _future(ctx: Context, head: Token, lo: int, hi: int) -> bool:
    """Whether a clause names a time after the report's publication ("on 2 September", "next week")."""
    doc = ctx.doc
    tokens = [t for t in head.subtree if lo <= t.i < hi]
    if not tokens:
        return False
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    published = doc._.published
    for t in doc._.times or []:
        if start <= t.start < end and t.value and published is not None:
            if t.value > published.isoformat()[:len(t.value)]:
                return True
    return any(t.lower_ in {"tomorrow", "next", "upcoming", "soon"} for t in tokens)


def _date(doc: Doc, span: Span) -> str | None:
    for t in doc._.times or []:
        if span.start_char <= t.start < span.end_char and t.value:
            return t.value
    return None


def extract_statements(doc: Doc) -> list[Statement]:
    """One statement per sentence of body prose, or per independent clause where they differ."""
    ctx = Context.of(doc)
    out: list[Statement] = []
    for unit in units(doc):
        parts = clauses(unit)
        readings = [analyse(ctx, span, pred) for span, pred in parts]
        signature = {(r.source, r.source_kind, r.status, r.kind) for r in readings}
        if len(readings) > 1 and len(signature) == 1:
            # the same source and certainty throughout: keep the sentence whole
            whole = readings[0]
            whole.start, whole.end, whole.text = unit.start_char, unit.end_char, unit.text
            whole.cues = list(dict.fromkeys(c for r in readings for c in r.cues))
            whole.actors = list(dict.fromkeys(a for r in readings for a in r.actors))
            readings = [whole]
        out.extend(readings)
    _backward(ctx, out)
    return out


ANAPHORIC = frozenset({"claim", "claims", "report", "reports", "allegation", "allegations", "account", "accounts",
                       "them", "it", "this", "these", "that", "assertion", "assertions", "accusation", "accusations"})


# "While the information is yet to be confirmed, ...": doubt about what the sentence before said.
DOUBTED_BACK = re.compile(
    r"^\W*(?:(?:while|although|though|but|however|yet)\W+)?(?:the|this|these|that|those|such)\s+"
    r"(?:information|report|reports|claim|claims|account|accounts|news|allegations?|assertions?|figures?|findings?)"
    r"\s+(?:is|are|was|were|has|have|remains?|could|can|cannot|has not|have not)\b", re.I)


def _backward(ctx: Context, statements: list[Statement]) -> None:
    """A denial of, or doubt about, what the sentence before reported marks that claim so.

    "The army denied the claims." makes the claim before it denied; "While the information
    is yet to be confirmed, ..." makes it unconfirmed.
    """
    doc, text = ctx.doc, ctx.doc.text
    for prev, cur in zip(statements, statements[1:]):
        if cur.status == "unconfirmed" and prev.status in {"reported", "asserted"} and DOUBTED_BACK.match(cur.text):
            if "\n" not in text[prev.end:cur.start]:
                prev.status = "unconfirmed"
                prev.cues.append("unconfirmed by the next sentence")
            continue
        if cur.status != "denied" or prev.status not in {"reported", "asserted", "possible"}:
            continue
        if "\n" in text[prev.end:cur.start]:
            continue
        first, second = token_at(doc, prev.start), token_at(doc, cur.start)
        if first is None or second is None or first.sent.start == second.sent.start:
            continue  # clauses of one sentence keep their own cues
        span = doc.char_span(cur.start, cur.end, alignment_mode="expand")
        for tok in span if span is not None else []:
            if lemma(tok) in cx.SAY_DENIED | cx.SAY_DENIED_OBJECT and any(
                    c.dep_ == "dobj" and c.lower_ in ANAPHORIC
                    and c.left_edge.lower_ in {"the", "these", "those", "such", c.lower_}
                    for c in tok.children):
                prev.status = "denied"
                prev.cues.append(tok.lower_)
                break


@registry.misc(VERSION)
def make_extractor() -> Callable[[Doc], list[Statement]]:
    """The rule-based extractor: attribution, certainty and type of every sentence."""
    return extract_statements


@Language.factory(
    "storyline_statements",
    requires=["doc.sents", "token.dep"],
    assigns=["doc._.statements"],
    default_config={"extractor": {"@misc": VERSION}},
)
def make_statements(nlp: Language, name: str, extractor: Callable[[Doc], list[Statement]]) -> StatementsComponent:
    register_extensions()
    return StatementsComponent(extractor)


class StatementsComponent:
    """Sets ``doc._.statements`` to the statements of the document."""

    def __init__(self, extractor: Callable[[Doc], list[Statement]]):
        self.extractor = extractor

    def __call__(self, doc: Doc) -> Doc:
        doc._.statements = self.extractor(doc)
        return doc
