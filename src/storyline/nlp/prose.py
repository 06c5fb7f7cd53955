"""Body prose of a report: its sentences and clauses, and the actors and quotes the extractors see."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from storyline.models import Mention, Quote
from storyline.nlp import certainty as cx
from storyline.nlp import grammar as gr
from storyline.nlp.grammar import first_child, lemma
from storyline.nlp.headings import is_heading_line
from storyline.nlp.pipeline import text_of

FINAL_PUNCT = tuple(".!?…:;\"”’)'")
BULLETS = {"•", "-", "*", "–", "—", "·", ">", "‣", "◦", "▪"}
MIN_WORDS = 4
ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
ENTITY_TYPES = {"PERSON": "person", "ORG": "organization", "GPE": "state", "NORP": "state", "LOC": "place",
                "FAC": "place"}
# -- context -------------------------------------------------------------------------
@dataclass
class Context:
    """What the earlier components found in a document, with fallbacks where they are absent."""

    doc: Doc
    mentions: list[Mention]
    quotes: list[Quote]
    starts: list[int] = field(default_factory=list)

    @classmethod
    def of(cls, doc: Doc) -> Context:
        mentions = sorted(actor_mentions(doc), key=lambda m: m.start)
        if doc._.quotes is None:
            from storyline.nlp.quotes import extract_quotes  # the quotes component did not run

            doc._.quotes = extract_quotes(doc)
        quotes = doc._.quotes
        return cls(doc, mentions, quotes, [m.start for m in mentions])

    @cached_property
    def speech(self):
        """The quotation marks and cue frames of the document, for the speaker resolver."""
        from storyline.nlp.quote_cues import Context as SpeechContext

        return SpeechContext(self.doc)

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        i = bisect_left(self.starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    def mention_at(self, token: Token) -> Mention | None:
        """The mention covering a token (the innermost of nested ones)."""
        i = bisect_right(self.starts, token.idx) - 1
        for j in range(i, max(-1, i - 8), -1):
            m = self.mentions[j]
            if m.start <= token.idx < m.end:
                return m
        return None


def _slug(text: str) -> str:
    text = re.sub(r"(?:'s|’s)$", "", text.strip())
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def actor_mentions(doc: Doc) -> list[Mention]:
    """The actors component's mentions, or named entities as document-local actors while it is absent."""
    if doc._.mentions is not None:
        return list(doc._.mentions)
    out = []
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        span = ent
        if ent[-1].tag_ == "POS":
            span = ent[:-1]
        if ent[0].lower_ == "the":
            span = span[1:]
        if not len(span):
            continue
        text = span.text
        out.append(Mention(doc._.doc_id or "", span.start_char, span.end_char, text, ent.label_,
                           entity=f"local:{_slug(text)}", type=ENTITY_TYPES[ent.label_]))
    return out


# -- units ---------------------------------------------------------------------------
def _line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    return text.rfind("\n", 0, start) + 1, (text.find("\n", end) + 1 or len(text) + 1) - 1


# "PHILADELPHIA (AP) —", "KYIV, Ukraine (Reuters) -": a dateline opening a report's first paragraph.
DATELINE = re.compile(r"[A-Z][A-Z.'’ -]{1,40}(?:,[ A-Za-z0-9.]{2,30})?[ ]*(?:\([A-Za-z .&/-]{1,30}\))?[ ]*(?:—|–|--|-)[ ]*")


def dateline_end(text: str, start: int) -> int | None:
    """Where the dateline opening a paragraph at ``start`` ends, if there is one."""
    if start and text[start - 1] != "\n":
        return None
    found = DATELINE.match(text, start)
    if found is None or not re.search(r"[A-Z]{3}", found.group(0)):
        return None
    return found.end()


def _after_dateline(doc: Doc, lo: int, hi: int) -> int:
    """The first token after a dateline at ``lo``: a dateline is no part of the sentence."""
    if lo >= hi:
        return lo
    end = dateline_end(text_of(doc), doc[lo].idx)
    if end is None:
        return lo
    while lo < hi and doc[lo].idx < end:
        lo += 1
    return lo


def units(doc: Doc) -> list[Span]:
    """Sentences of body prose, cut at line breaks, without bullets, headings or fragments."""
    text = text_of(doc)
    pieces: list[tuple[int, int]] = []
    for sent in doc.sents:
        begin = sent.start
        for tok in sent:
            if "\n" in tok.text or "\n" in tok.whitespace_:
                pieces.append((begin, tok.i + (0 if tok.is_space else 1)))
                begin = tok.i + 1
        pieces.append((begin, sent.end))
    merged: list[tuple[int, int]] = []
    for lo, hi in pieces:
        while lo < hi and (doc[lo].is_space or doc[lo].text in BULLETS):
            lo += 1
        lo = _after_dateline(doc, lo, hi)
        while hi > lo and doc[hi - 1].is_space:
            hi -= 1
        if hi <= lo:
            continue
        if merged:
            plo, phi = merged[-1]
            gap = text[doc[phi - 1].idx + len(doc[phi - 1]):doc[lo].idx]
            # the parser sometimes ends a sentence mid-clause ("Burhan removed | Dagalo from ...")
            if "\n" not in gap and not doc[phi - 1].text.endswith(FINAL_PUNCT):
                merged[-1] = (plo, hi)
                continue
        merged.append((lo, hi))
    out = []
    for lo, hi in merged:
        span = doc[lo:hi]
        line_start, line_end = _line_bounds(text, span.start_char, span.end_char)
        if is_heading_line(text[line_start:line_end]):
            continue
        if sum(1 for t in span if t.is_alpha or t.like_num) < MIN_WORDS:
            continue
        out.append(span)
    return out


def clauses(unit: Span) -> list[tuple[Span, Token]]:
    """Independent clauses joined by a conjunction, each with its own subject, as (span, predicate)."""
    root = unit.root
    heads = [root] + [
        c for c in root.children
        if c.dep_ == "conj" and gr.is_verbal(c) and c.i > root.i and c.i < unit.end
        and first_child(c, "nsubj", "nsubjpass", "expl") is not None and c.left_edge.i > unit.start
        # "said X, and that Y" is one report with two complements, not two clauses
        and not any(m.lower_ in {"that", "whether", "if"} for m in c.children if m.dep_ == "mark")
        and any(t.dep_ == "cc" or t.text == ";" for t in unit.doc[max(unit.start, c.left_edge.i - 2):c.left_edge.i])
    ]
    # ", where the truce never took hold": a closing non-restrictive clause is its own assertion
    last = unit.doc[unit.end - 1]
    heads += [t for t in _trailing_clauses(unit, heads[-1]) if t.left_edge.i > heads[-1].left_edge.i]
    for tok in unit:
        if (tok.lower_ == "where" and tok.i > unit.start + 3 and unit.doc[tok.i - 1].text == ","
                and tok.head.dep_ == "relcl" and first_child(tok.head, "nsubj", "nsubjpass") is not None
                and tok.head.right_edge.i >= last.i - 1 and len(heads) == 1):
            heads.append(tok.head)
            break
    if len(heads) == 1:
        return [(unit, root)]
    out = []
    # a clause ends where the next begins; a relative clause starts after its "where"
    ends = [h.left_edge.i for h in heads[1:]] + [unit.end]
    starts = [unit.start] + [h.left_edge.i + (h.dep_ == "relcl") for h in heads[1:]]
    for head, lo, hi in zip(heads, starts, ends):
        while hi > lo + 1 and (unit.doc[hi - 1].is_punct or unit.doc[hi - 1].dep_ == "cc" or unit.doc[hi - 1].is_space):
            hi -= 1
        out.append((unit.doc[lo:hi], head))
    return out


# Verbs that confirm or dispute the claim before them: only these earn a closing clause its own record.
EVIDENTIAL = cx.SAY_CONFIRMED | cx.SAY_CONFIRMED_OBJECT | cx.SAY_DENIED | cx.SAY_DENIED_OBJECT | cx.CONFIRM_VERBS


def _trailing_clauses(unit: Span, root: Token) -> list[Token]:
    """ ", rejecting the council's declaration" and ", a figure Egypt has not confirmed": closing
    clauses that say something of their own about the claim before them."""
    doc, last = unit.doc, unit.doc[unit.end - 1]
    end = last.i - 1 if last.is_punct else last.i
    for tok in unit:
        if tok.right_edge.i < end or tok.left_edge.i <= unit.start + 3 or doc[tok.left_edge.i - 1].text != ",":
            continue
        if tok.dep_ == "advcl" and tok.tag_ == "VBG" and lemma(tok) in EVIDENTIAL:
            return [tok]
        if (tok.dep_ in {"appos", "npadvmod"} and tok.pos_ == "NOUN" and tok.left_edge.lower_ in {"a", "an"}
                and any(c.dep_ == "relcl" and first_child(c, "nsubj") is not None and lemma(c) in EVIDENTIAL
                        for c in tok.children)):
            return [tok]
    return []
