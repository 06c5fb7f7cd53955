"""Attribution frames: for every clause, who says it (through whom), how sure, whether it is negated or
denied, and the date it refers to, computed once (storyline.attribution.v1).

Quotes, figures, statements and events point to the frame of their clause (its ``frame`` id) and take
source, certainty and polarity from it. The token-level reading of each clause stays on the Doc
(``doc._.readings``) for the components after this one.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import registry

from storyline.models import Frame as FrameRecord
from storyline.models import Quote
from storyline.nlp import certainty as cx
from storyline.nlp import grammar as gr
from storyline.nlp.certainty import Frame
from storyline.nlp.cue_words import FALSE_WORDS, GROUND_NOUNS
from storyline.nlp.grammar import first_child, lemma
from storyline.nlp.pipeline import register_extensions, text_of
from storyline.nlp.relays import can_speak
from storyline.nlp.prose import Context, clauses, units
from storyline.nlp.sources import covering_quote, find_frame, governs, relay_chain, reported_in
from storyline.nlp.speakers import Source, frame_source, hop_name, quote_source
from storyline.store.records import record_id

VERSION = "storyline.attribution.v1"

# Plain reporting: a report of a report credits the inner speaker and keeps the outer one as a relay.
RELAYING = gr.lexicon("say", "report", "tell", "write", "state", "add", "note")
DENY_AS = gr.lexicon("call", "describe", "dismiss", "brand", "label", "term", "denounce", "reject", "deride")
MODALS = {"can": "can", "ca": "can", "could": "could", "may": "may", "might": "might", "must": "must",
          "should": "should", "ought": "should", "will": "will", "'ll": "will", "wo": "will", "shall": "will",
          "would": "would"}
NEGATING = ("not", "no", "never", "declined", "refused", "without", "lack", "nobody", "none", "neither")


# -- one clause -----------------------------------------------------------------------
@dataclass
class Reading:
    """One clause's attribution as read from the parse, for the components that build on it."""

    unit: Span
    span: Span
    pred: Token
    frame: Frame | None
    """The reporting frame that governs the clause (token level), None for the author's voice."""
    quote: Quote | None
    spine: list[Token]
    """The clause's content predicate and the verbs that carry its meaning."""
    found: list[tuple[str, str]]
    """Every (status, cue) the clause carries."""
    author: bool
    question: bool
    future: bool
    source: Source
    record: FrameRecord


def _inner_report(frame: Frame | None, lo: int, hi: int) -> Frame | None:
    """"The agency reported that officials said ...": the report nested in a plain report."""
    if frame is None or frame.content is None or frame.verb is None or frame.status != "reported":
        return None
    if lemma(frame.verb) not in RELAYING:
        return None
    inner = find_frame(frame.content, lo, hi)
    if inner is None or inner.speaker is None or inner.author or inner.verb is None or inner.verb.i == frame.verb.i:
        return None
    return inner


def _according_relay(pred: Token, frame: Frame, lo: int, hi: int) -> Token | None:
    """"According to Yonhap, officials said ...": the outlet relays the officials' words."""
    for tok in pred.doc[lo:hi]:
        if tok.lower_ == "according" and tok.i + 1 < hi and tok.nbor(1).lower_ == "to":
            pobj = first_child(tok.nbor(1), "pobj")
            if pobj is not None and frame.speaker is not None and pobj.i != frame.speaker.i and governs(pred, tok):
                return pobj
    return None


def denial_cues(spine: list[Token], lo: int, hi: int) -> list[tuple[str, str]]:
    """Denials written as a verdict on a claim: "called the reports fake", "dismissed it as
    propaganda", "the allegations are baseless", "there is no truth in the claim that ..."."""
    found = []
    for tok in spine:
        lem = lemma(tok)
        ground = _groundless(tok, lo, hi)
        if ground is not None:
            found.append(("denied", ground))
            continue
        words = []
        obj = first_child(tok, "dobj")
        if lem in DENY_AS and obj is not None:
            # the parser often folds the verdict into the object: "called [the reports fake news]"
            words += [t for t in obj.subtree if t.i > obj.i and lo <= t.i < hi]
            for c in tok.children:
                if c.dep_ in {"oprd", "acomp", "xcomp", "ccomp"}:
                    words += [t for t in c.subtree if lo <= t.i < hi]
                elif c.dep_ == "prep" and c.lower_ == "as":
                    words += [t for t in c.subtree if lo <= t.i < hi]
        elif lem == "be":
            subj = first_child(tok, "nsubj")
            if subj is not None and (subj.lower_ in cx.CLAIM_NOUNS or subj.lower_ in {"they", "these", "those"}):
                for c in tok.children:
                    if c.dep_ in {"attr", "acomp"}:
                        words += [t for t in c.subtree if lo <= t.i < hi and t.dep_ != "neg"]
        hit = next((t for t in words if t.lower_ in FALSE_WORDS), None)
        if hit is not None and not cx.not_cues(tok):
            found.append(("denied", f"{tok.lower_} {hit.lower_}" if lem != "be" else hit.lower_))
    return found


def _groundless(tok: Token, lo: int, hi: int) -> str | None:
    """ "There is no truth in the suggestion that ...", "the report has no basis": a clause saying that a
    claim lacks ground denies it, so its "no" is the cue of a denial, not of a plain negation."""
    lem = lemma(tok)
    if lem == "be" and first_child(tok, "expl") is not None:
        noun = first_child(tok, "attr", "nsubj")
    elif lem == "have":
        noun = first_child(tok, "dobj")
    else:
        return None
    if noun is None or not lo <= noun.i < hi or noun.lower_ not in GROUND_NOUNS:
        return None
    det = first_child(noun, "det")
    return f"no {noun.lower_}" if det is not None and det.lower_ == "no" else None


def polarity(found: list[tuple[str, str]]) -> tuple[str, str | None]:
    """Negative where the clause is denied or negated, or a source declines to vouch for it."""
    for status, cue in sorted(found, key=lambda f: cx.RANK[f[0]]):
        if status in {"denied", "negated"}:
            return "negative", cue
        if status == "unconfirmed" and cue.split()[0] in NEGATING:
            return "negative", cue
    return "positive", None


def modality(spine: list[Token]) -> str | None:
    """The modal verb of a clause ("may", "must", "will"), if any."""
    for tok in spine:
        for a in gr.auxes(tok):
            if a.tag_ == "MD" and a.lower_ in MODALS:
                return MODALS[a.lower_]
    return None


def _future(doc: Doc, head: Token, lo: int, hi: int) -> bool:
    """Whether a clause names a time after the report's publication ("on 2 September", "next week")."""
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


def _news_perfect(pred: Token) -> bool:
    """"has warned", "have promised": the present perfect of news ledes."""
    return pred.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in pred.children)


def read_clause(ctx: Context, unit: Span, span: Span, pred: Token) -> Reading:
    """The attribution of one clause: source, relays, certainty cues, polarity and date."""
    doc, lo, hi = ctx.doc, span.start, span.end
    quote = covering_quote(ctx, span)
    frame = find_frame(pred, lo, hi)
    outer: list[Token] = list(frame.relays) if frame is not None else []
    inner = _inner_report(frame, lo, hi)
    if inner is not None:
        outer.append(frame.speaker)
        frame = inner
    origin, share = None, False
    if frame is not None and not frame.author and frame.speaker is not None:
        via = _according_relay(pred, frame, lo, hi)
        share = frame.speaker.text == "%" or frame.speaker.lower_ in ("percent", "cent") or frame.speaker.like_num
        if via is not None and (share or frame.content is not None and frame.content.i != frame.speaker.i
                                and via.i in {t.i for t in frame.content.subtree}):
            # "That's according to Bloomberg, Andina reports": Andina passes on Bloomberg's words; "60% of
            # farmers say ..., according to a survey by X": the survey's finding
            origin = via
        elif via is not None:
            outer.insert(0, via)  # "According to Yonhap, officials said": Yonhap passes on the officials' words
    spine = cx.chain(frame.content if frame is not None and frame.content is not None else pred, lo, hi)
    # predicates sharing the subject ("had weakened and was expected to leave") carry cues too
    spine += [c for c in spine[0].children if c.dep_ == "conj" and gr.is_verbal(c) and lo <= c.i < hi
              and first_child(c, "nsubj", "nsubjpass") is None and c not in spine]
    # a report the parse gives no frame here but the quote cues found ("X warned of ..."); a lede in the
    # news perfect ("X has warned of ...") stays the report's telling of X's act, which the timeline dates
    told = reported_in(ctx, span) if quote is None and frame is None and not _news_perfect(pred) else None
    author = quote is None and told is None and (frame is None or frame.author)
    question = cx.in_question(span)
    future = _future(doc, spine[0], lo, hi)
    found = cx.status_cues(frame, spine, span, author, quoted=quote is not None, future=future)
    found += denial_cues(spine, lo, hi)
    if quote is not None:
        found.append(("reported", quote.cue or "quote"))
    elif told is not None:
        found.append(("reported", told.cue))
    # a question asserts nothing, so hedges inside it say nothing about certainty
    if question:
        kept = {frame.cue.lower() if frame is not None else None, (quote.cue or "quote") if quote is not None else None}
        found = [f for f in found if f[1] in kept]
    if quote is not None:
        source = quote_source(ctx, quote)
    elif told is not None:
        source = quote_source(ctx, told)
        source.kind = "anonymous" if told.anonymous else "named"
    elif frame is not None and not frame.author:
        speaker, hops = relay_chain(frame.speaker, frame.verb, outer) if origin is None else (origin, outer if share else [*outer, frame.speaker])
        source = frame_source(ctx, speaker, frame.anonymous, frame.cue)
        source.relays = [hop_name(ctx, h) for h in hops]
    else:
        source = Source(None, "author", "author")
    return Reading(unit, span, pred, frame, quote, spine, found, author, question, future, source,
                   _record(doc, span, frame, quote, source, found))


def _record(doc: Doc, span: Span, frame: Frame | None, quote: Quote | None, source: Source,
            found: list[tuple[str, str]]) -> FrameRecord:
    status, _ = cx.choose(found, "asserted")
    sign, sign_cue = polarity(found)
    cue = cue_start = cue_end = None
    if frame is not None and frame.verb is not None:
        cue, cue_start, cue_end = frame.cue, frame.verb.idx, frame.verb.idx + len(frame.verb)
    elif frame is not None:
        cue = frame.cue
        at = text_of(doc).find(cue, span.start_char, span.end_char) if cue else -1
        cue_start, cue_end = (at, at + len(cue)) if at >= 0 else (None, None)
    elif quote is not None:
        cue = quote.cue
    elif source.kind != "author" and source.start is not None:
        cue = next((f[1] for f in found if f[0] == "reported"), None)
    return FrameRecord(
        doc=doc._.doc_id or "", start=span.start_char, end=span.end_char, text=span.text,
        source=source.id, source_text=source.text, source_start=source.start, source_end=source.end,
        source_kind=source.kind, cue=cue, cue_start=cue_start, cue_end=cue_end, relays=list(source.relays),
        status=status, polarity=sign, polarity_cue=sign_cue, date=_date(doc, span),
    )


def refresh(reading: Reading) -> None:
    """Recompute a clause's status and polarity after a cue was added to it."""
    reading.record.status, _ = cx.choose(reading.found, "asserted")
    reading.record.polarity, reading.record.polarity_cue = polarity(reading.found)


# -- the document ------------------------------------------------------------------------
ANAPHORIC = frozenset({"claim", "claims", "report", "reports", "allegation", "allegations", "account", "accounts",
                       "them", "it", "this", "these", "that", "assertion", "assertions", "accusation", "accusations"})
# "While the information is yet to be confirmed, ...": doubt about what the sentence before said.
DOUBTED_BACK = re.compile(
    r"^\W*(?:(?:while|although|though|but|however|yet)\W+)?(?:the|this|these|that|those|such)\s+"
    r"(?:information|report|reports|claim|claims|account|accounts|news|allegations?|assertions?|figures?|findings?)"
    r"\s+(?:is|are|was|were|has|have|remains?|could|can|cannot|has not|have not)\b", re.I)


# "That's according to the chairman", "This is according to a ministry statement": the sentence before is theirs.
CREDITED_BACK = re.compile(r"\A[\"'“‘]?(?:That|This)(?:'s|’s| is| was) according to\b")


# "The figures come from the interior ministry", "These numbers were compiled by the port authority": a sentence
# that says where the numbers before it come from credits the sentence before to that source.
RECORD_NOUNS = frozenset({"figure", "figures", "number", "numbers", "data", "statistics", "estimate", "estimates",
                          "count", "tally", "toll", "totals"})
ORIGIN_VERBS = frozenset({"come", "comes", "came", "provided", "released", "compiled", "published", "supplied",
                          "given", "issued", "collected", "gathered"})


def _origin_back(ctx: Context, cur: Reading) -> Source | None:
    """The source a sentence names for the numbers of the sentence before: its subject is "the figures" (a record
    noun with a demonstrative or "the"), its verb "come from" or a passive "provided by", and whoever comes after
    "from" or "by" can speak."""
    verb = cur.unit.root
    subject = first_child(verb, "nsubj", "nsubjpass")
    if (subject is None or subject.lower_ not in RECORD_NOUNS or verb.lower_ not in ORIGIN_VERBS
            or first_child(subject, "det") is None or first_child(subject, "det").lower_ not in ("the", "these", "those")):
        return None
    preps = [c for c in verb.children if c.dep_ == ("agent" if verb.tag_ == "VBN" else "prep")
             and c.lower_ == ("by" if verb.tag_ == "VBN" else "from")]
    origin = first_child(preps[0], "pobj") if preps else None
    if origin is None or not can_speak(origin) and not (origin.pos_ == "NOUN" and first_child(origin, "compound", "amod")):
        return None
    return frame_source(ctx, origin, False, "according to")


def _credit(prev: Reading, cur: Reading) -> None:
    """Give the clause before the source a "That's according to X" sentence names."""
    p, c = prev.record, cur.record
    prev.source = cur.source
    p.source, p.source_text, p.source_start, p.source_end = c.source, c.source_text, c.source_start, c.source_end
    p.source_kind, p.cue, p.cue_start, p.cue_end, p.relays = c.source_kind, c.cue, c.cue_start, c.cue_end, list(c.relays)
    prev.author = False
    prev.found = [f for f in prev.found if f[0] != "asserted"] + [("reported", "according to")]
    refresh(prev)


def _backward(ctx: Context, readings: list[Reading]) -> None:
    """A denial of, or doubt about, what the sentence before reported marks that claim so.

    "The army denied the claims." makes the claim before it denied; "While the information
    is yet to be confirmed, ..." makes it unconfirmed.
    """
    text = text_of(ctx.doc)
    for prev, cur in zip(readings, readings[1:]):
        p, c = prev.record, cur.record
        if p.source_kind == "author" and c.source_kind != "author" and CREDITED_BACK.match(c.text):
            _credit(prev, cur)  # "... . That's according to the committee's chairman."
            continue
        if p.source_kind == "author" and c.source_kind == "author" and "\n\n" not in text[p.end:c.start] and (
                source := _origin_back(ctx, cur)) is not None:
            prev.source = source  # "The toll stands at 31. The figures come from the interior ministry."
            p.source, p.source_text, p.source_start, p.source_end = source.id, source.text, source.start, source.end
            p.source_kind, p.cue = source.kind, "according to"
            prev.author = False
            prev.found = [f for f in prev.found if f[0] != "asserted"] + [("reported", "according to")]
            refresh(prev)
            continue
        if "\n" in text[p.end:c.start]:
            continue
        if c.status == "unconfirmed" and p.status in {"reported", "asserted"} and DOUBTED_BACK.match(c.text):
            prev.found.append(("unconfirmed", "unconfirmed by the next sentence"))
            refresh(prev)
            continue
        if c.status != "denied" or p.status not in {"reported", "asserted", "possible"}:
            continue
        if prev.unit.start == cur.unit.start:
            continue  # clauses of one sentence keep their own cues
        for tok in cur.span:
            if lemma(tok) in cx.SAY_DENIED | cx.SAY_DENIED_OBJECT and any(
                    ch.dep_ == "dobj" and ch.lower_ in ANAPHORIC
                    and ch.left_edge.lower_ in {"the", "these", "those", "such", ch.lower_}
                    for ch in tok.children):
                prev.found.append(("denied", tok.lower_))
                refresh(prev)
                break


def extract_readings(doc: Doc) -> list[Reading]:
    """The attribution of every clause of body prose, in document order."""
    ctx = Context.of(doc)
    out = [read_clause(ctx, unit, span, pred) for unit in units(doc) for span, pred in clauses(unit)]
    _backward(ctx, out)
    return out


def readings(doc: Doc) -> list[Reading]:
    """The document's clause readings: the component's, or computed now when it did not run."""
    if doc._.readings is None:
        doc._.readings = extract_readings(doc)
    return doc._.readings


def extract_frames(doc: Doc) -> list[FrameRecord]:
    """One attribution frame per clause of body prose."""
    return [r.record for r in readings(doc)]


def frame_id(frame: FrameRecord) -> str:
    """The id the store gives a frame (records point to it through their ``frame`` field)."""
    return record_id("a", frame)


class FrameIndex:
    """Frames of one document by character offset."""

    def __init__(self, frames: list[FrameRecord]):
        self.frames = sorted(frames, key=lambda f: (f.start, f.end))
        self.starts = [f.start for f in self.frames]

    def at(self, start: int, end: int | None = None) -> FrameRecord | None:
        """The frame whose clause holds ``start`` (the one overlapping ``[start, end)`` most)."""
        end = start + 1 if end is None else max(end, start + 1)
        i = bisect_right(self.starts, end)
        best, size = None, 0
        for f in self.frames[max(0, i - 6):i]:
            overlap = min(f.end, end) - max(f.start, start)
            if overlap > size:
                best, size = f, overlap
        return best


def link(records: list, frames: list[FrameRecord]) -> None:
    """Point each record (quote, figure, event...) to the frame of the clause it sits in."""
    index = FrameIndex(frames)
    for record in records:
        found = index.at(record.start, record.end)
        record.frame = frame_id(found) if found is not None else None


@registry.misc(VERSION)
def make_extractor() -> Callable[[Doc], list[Reading]]:
    """The rule-based reader of every clause's attribution."""
    return extract_readings


@Language.factory(
    "storyline_attribution",
    requires=["doc.sents", "token.dep", "doc._.mentions", "doc._.times", "doc._.quotes", "doc._.published"],
    assigns=["doc._.frames", "doc._.readings"],
    default_config={"extractor": {"@misc": VERSION}},
)
def make_attribution(nlp: Language, name: str, extractor: Callable[[Doc], list[Reading]]) -> AttributionComponent:
    register_extensions()
    return AttributionComponent(extractor)


class AttributionComponent:
    """Sets ``doc._.readings`` and ``doc._.frames``, and points the quotes to their frames."""

    def __init__(self, extractor: Callable[[Doc], list[Reading]]):
        self.extractor = extractor

    def __call__(self, doc: Doc) -> Doc:
        doc._.readings = self.extractor(doc)
        doc._.frames = [r.record for r in doc._.readings]
        link(doc._.quotes or [], doc._.frames)
        return doc
