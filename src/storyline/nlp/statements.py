"""Statements: one record per sentence or clause of body prose: its type and proposition, with the source
and certainty of its attribution frame (nlp/attribution.py)."""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import registry

from storyline.models import Statement
from storyline.nlp import certainty as cx
from storyline.nlp import statement_kinds as sk
from storyline.nlp.attribution import Reading, frame_id, modality, readings
from storyline.nlp.grammar import noun_phrase
from storyline.nlp.pipeline import register_extensions
from storyline.nlp.propositions import FACTUAL, propose
from storyline.nlp.prose import Context
from storyline.nlp.speakers import source_of

VERSION = "storyline.statements.v1"


def analyse(ctx: Context, reading: Reading) -> Statement:
    """One statement for a clause: its kind, and the source and certainty of its attribution frame."""
    doc, span, frame, spine = ctx.doc, reading.span, reading.frame, reading.spine
    found = list(reading.found)
    source = reading.source
    kind = sk.kind_of(ctx.mention_at, span, spine, frame, reading.author, reading.question, found, reading.future)
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
    record = reading.record
    statement = Statement(
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
        date=record.date,
        actors=actors,
        addressed=addressed,
        action=kind.action,
        condition=kind.condition,
        consequence=kind.consequence,
        frame=frame_id(record),
        polarity=record.polarity,
        modality=modality(spine),
    )
    if kind.kind in FACTUAL:
        propose(ctx, statement, reading)
    return statement


def extract_statements(doc: Doc) -> list[Statement]:
    """One statement per sentence of body prose, or per independent clause where they differ."""
    ctx = Context.of(doc)
    out: list[Statement] = []
    by_unit: dict[int, list[Reading]] = {}
    for reading in readings(doc):
        by_unit.setdefault(reading.unit.start, []).append(reading)
    for parts in by_unit.values():
        unit = parts[0].unit
        found = [analyse(ctx, r) for r in parts]
        signature = {(r.source, r.source_kind, r.status, r.kind, r.polarity) for r in found}
        if len(found) > 1 and len(signature) == 1:
            # the same source and certainty throughout: keep the sentence whole
            whole = found[0]
            whole.start, whole.end, whole.text = unit.start_char, unit.end_char, unit.text
            whole.cues = list(dict.fromkeys(c for r in found for c in r.cues))
            whole.actors = list(dict.fromkeys(a for r in found for a in r.actors))
            found = [whole]
        out.extend(found)
    return out


@registry.misc(VERSION)
def make_extractor() -> Callable[[Doc], list[Statement]]:
    """The rule-based extractor: attribution, certainty and type of every sentence."""
    return extract_statements


@Language.factory(
    "storyline_statements",
    requires=["doc._.readings", "doc._.mentions", "doc._.quotes", "doc._.figures"],
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
