"""Statement types: which sentences recommend, predict, estimate or judge, and their arguments."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from storyline.nlp import certainty as cx
from storyline.nlp import grammar as gr
from storyline.nlp.certainty import Frame
from storyline.nlp.grammar import span_text, children, first_child, lemma, noun_phrase_full
from storyline.nlp.judgements import is_opinion

IMPERATIVE_ADJ = frozenset({"imperative", "essential", "vital", "crucial", "necessary", "important", "critical",
                            "urgent", "incumbent", "advisable", "paramount", "high", "time"})
REQUIRE_VERBS = gr.lexicon("require", "necessitate", "demand", "warrant", "call")
PASSIVE_URGE = gr.lexicon("urge", "press", "exhort", "implore", "encourage", "advise", "call")
ASKING = gr.lexicon("request", "ask", "demand", "seek")
NEED_VERBS = gr.lexicon("underscore", "highlight", "signal", "show", "demonstrate", "stress", "emphasize",
                        "emphasise", "reflect", "illustrate", "indicate", "point", "be", "create", "raise", "reinforce")
MentionAt = Callable[[Token], object | None]


# -- kinds ---------------------------------------------------------------------------
@dataclass
class Kind:
    kind: str = "fact"
    cue: str | None = None
    addressed: Token | None = None
    action: str | None = None
    condition: str | None = None
    consequence: str | None = None
    proposer: Token | None = None


def _action(mention_at: MentionAt, verb: Token, lo: int, hi: int) -> str | None:
    return gr.verb_phrase(verb, lo, hi, _passive_object(mention_at, verb), cx.HEDGE_ADVERBS)


def _passive_object(mention_at: MentionAt, verb: Token) -> Token | None:
    """The subject of a passive that is really what is acted on ("sanctions should be broadened")."""
    subj = gr.subject(verb)
    passive = subj is not None and (subj.dep_ == "nsubjpass" or first_child(verb, "auxpass") is not None)
    if passive and subj.pos_ == "NOUN" and mention_at(subj) is None and lemma(verb) != "be":
        return subj
    return None


def _urged(mention_at: MentionAt, verb: Token) -> Token | None:
    """Who a recommendation addresses: the subject, or the agent of a passive."""
    if _passive_object(mention_at, verb) is not None:
        agent = first_child(verb, "agent")
        return first_child(agent, "pobj") if agent is not None else None
    subj = gr.subject(verb)
    return None if subj is not None and subj.lower_ in {"it", "there"} else subj


def _conditional_inversion(aux: Token, verb: Token) -> bool:
    """ "Should these reports be substantiated, ..." is a condition, not advice."""
    subj = gr.subject(verb)
    return aux.lower_ == "should" and subj is not None and aux.i < subj.i


WISH_VERBS = frozenset({"like", "love", "prefer"})
"""Verbs that, after "would", state what the subject wants done."""


def recommendation(mention_at: MentionAt, spine: list[Token], frame: Frame | None, lo: int, hi: int) -> Kind | None:
    for tok in spine:
        lem = lemma(tok)
        for aux in gr.auxes(tok):
            if aux.lower_ in cx.DEONTIC_MODALS and not _conditional_inversion(aux, tok):
                return Kind("recommendation", aux.lower_, _urged(mention_at, tok), _action(mention_at, tok, lo, hi))
        xcomp = first_child(tok, "xcomp")
        if lem in WISH_VERBS and any(a.lower_ in {"would", "'d"} for a in gr.auxes(tok)):
            # "We would like the talks moved", "she would prefer an inquiry": a wish, not a forecast
            target = xcomp or first_child(tok, "ccomp")
            if target is not None:
                urged = first_child(tok, "dobj") if xcomp is not None else None
                return Kind("recommendation", f"would {tok.lower_}", urged, _action(mention_at, target, lo, hi))
            obj = first_child(tok, "dobj")
            if obj is not None:
                return Kind("recommendation", f"would {tok.lower_}", None, noun_phrase_full(obj, lo, hi))
        if lem == "need" and gr.is_verbal(tok) and xcomp is not None:
            return Kind("recommendation", "need to", gr.subject(tok), _action(mention_at, xcomp, lo, hi))
        acomp = first_child(tok, "acomp") or first_child(tok, "attr")
        if lem == "be" and acomp is not None and acomp.lower_ in IMPERATIVE_ADJ:
            target = first_child(acomp, "xcomp", "ccomp") or first_child(tok, "xcomp", "ccomp")
            if target is not None:
                urged = gr.subject(target) if target.dep_ == "ccomp" else None
                return Kind("recommendation", f"{acomp.lower_}", urged, _action(mention_at, target, lo, hi))
        subj = gr.subject(tok)
        if lem == "come" and subj is not None and subj.lower_ == "time":
            target = first_child(tok, "xcomp") or first_child(subj, "acl", "relcl")
            if target is not None:
                return Kind("recommendation", "time has come", None, _action(mention_at, target, lo, hi))
        if lem in REQUIRE_VERBS and tok.tag_ != "VBN":
            obj = first_child(tok, "dobj")
            if lem == "call":
                obj = next((first_child(p, "pobj") for p in children(tok, "prep") if p.lower_ == "for"), None)
            personal = subj is not None and (subj.pos_ == "PRON" and subj.lower_ != "it" or subj.ent_type_ == "PERSON")
            if obj is not None and (lem in {"call", "demand"} or not personal):
                return Kind("recommendation", tok.lower_, None, noun_phrase_full(obj, lo, hi))
        if lem in PASSIVE_URGE and tok.tag_ == "VBN" and xcomp is not None and first_child(tok, "nsubjpass"):
            # "European leaders are being urged to keep it on the table"
            return Kind("recommendation", tok.lower_, first_child(tok, "nsubjpass"), _action(mention_at, xcomp, lo, hi))
        if lem in cx.URGE and tok.i != spine[0].i and gr.is_verbal(tok) and not cx.not_cues(tok):
            # "condemned the fighting and called on both commanders to halt it"
            urged = _urge_args(mention_at, tok, lo, hi)
            if urged is not None:
                return urged
        for obj in children(tok, "dobj", "attr", "nsubj"):
            needed = obj.lower_ in {"need", "needs"} and lem in NEED_VERBS
            if needed or (obj.lower_ in {"call", "calls", "appeal", "appeals"} and obj.dep_ == "dobj"):
                target = next((first_child(p, "pobj") for p in children(obj, "prep") if p.lower_ == "for"), None)
                verb = first_child(obj, "acl", "relcl", "advcl")
                if verb is None and target is not None:
                    verb = first_child(target, "acl", "relcl")
                if verb is not None and lo <= verb.i < hi:
                    urged = first_child(verb, "nsubj") or target
                    return Kind("recommendation", f"{obj.lower_} for", urged, _action(mention_at, verb, lo, hi))
                if target is not None:
                    return Kind("recommendation", f"{obj.lower_} for", None, noun_phrase_full(target, lo, hi))
        doc = tok.doc
        # a heading glued to the sentence can take over its subject: orphans count as subjects too
        orphans = [t for t in doc[lo:tok.i] if not lo <= t.head.i < hi and t.pos_ == "NOUN"]
        for obj in [c for c in children(tok, "nsubj") if lo <= c.i < hi] + orphans:
            owner = next((c for c in obj.children
                          if lo <= c.i < hi and (c.dep_ == "poss" or c.dep_ == "nmod" and c.pos_ == "PROPN")), None)
            if owner is None:
                # "Landsbergis’ call": a possessive the parser lost across the curly apostrophe
                back = [t for t in doc[max(lo, obj.i - 3):obj.i] if not t.is_punct and t.tag_ != "POS"]
                owner = back[-1] if back and back[-1].pos_ == "PROPN" else None
            if obj.lower_ in {"call", "calls", "appeal", "plea"} and owner is not None:
                # "Landsbergis' call to reconsider ... comes at a critical time"
                target = first_child(obj, "acl", "relcl")
                if target is None and obj.i + 2 < hi and doc[obj.i + 1].lower_ == "to" and doc[obj.i + 2].tag_ == "VB":
                    target = doc[obj.i + 2]
                pobj = next((first_child(p, "pobj") for p in children(obj, "prep") if p.lower_ == "for"), None)
                if target is not None:
                    action = _action(mention_at, target, lo, hi)
                else:
                    action = noun_phrase_full(pobj, lo, hi) if pobj is not None else None
                if action:
                    return Kind("recommendation", obj.lower_, None, action, proposer=owner)
    if frame is not None and frame.verb is not None and lemma(frame.verb) in cx.URGE and not cx.not_cues(frame.verb):
        return _urge_args(mention_at, frame.verb, lo, hi)
    return None


def _urge_args(mention_at: MentionAt, verb: Token, lo: int, hi: int) -> Kind | None:
    """Who is urged to do what: "urged X to Y", "called on X to Y", "called for Y", "requested Y from X"."""
    addressed = next((c for c in verb.children
                      if c.dep_ in {"dobj", "dative"} and c.ent_type_ not in {"DATE", "TIME"}), None)
    target = first_child(verb, "xcomp", "ccomp")
    for p in children(verb, "prep"):
        if p.lower_ in {"on", "upon"}:
            addressed = first_child(p, "pobj")
        elif p.lower_ == "for" and target is None:
            return Kind("recommendation", f"{verb.lower_} for", None, noun_phrase_full(first_child(p, "pobj"), lo, hi))
    if (lemma(verb) in ASKING and addressed is not None and addressed.pos_ == "NOUN" and mention_at(addressed) is None
            and addressed.lower_ not in cx.ANONYMOUS_NOUNS):
        # "requested further aid from NATO allies": the object is what is asked for
        source = next((first_child(p, "pobj") for p in children(verb, "prep") if p.lower_ in {"from", "of"}), None)
        return Kind("recommendation", verb.lower_, source, noun_phrase_full(addressed, lo, hi))
    if target is None and addressed is not None:
        target = first_child(addressed, "xcomp", "acl", "relcl")
    if target is not None and (addressed is None or target.i != addressed.i) and lo <= target.i < hi:
        if addressed is None:
            addressed = first_child(target, "nsubj")
        return Kind("recommendation", verb.lower_, addressed, _action(mention_at, target, lo, hi))
    return None


def _is_event_noun(mention_at: MentionAt, tok: Token) -> bool:
    """A nominalised event with its participant: "the presence of troops", "North Korea's participation"."""
    if tok.pos_ != "NOUN" or mention_at(tok) is not None:
        return False
    return any(c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)


def prediction(mention_at: MentionAt, spine: list[Token], frame: Frame | None, lo: int, hi: int,
               author: bool) -> Kind | None:
    """A claim about what will or would happen, with its condition and consequence where stated."""
    cue, at = None, None
    warned = frame is not None and frame.verb is not None and lemma(frame.verb) in cx.WARN_FRAMES
    for tok in spine:
        lem = lemma(tok)
        perfect = any(a.lower_ in {"have", "has", "had", "'ve"} for a in gr.auxes(tok))
        for aux in gr.auxes(tok):
            low = aux.lower_
            found = None
            if perfect and low not in cx.FUTURE_MODALS:
                break  # "would have required", "may have planned": the past, not a forecast
            if low in cx.FUTURE_MODALS:
                found = "will"
            elif low == "would" and (author or warned or _has_condition(tok) or lem in cx.CAUSAL):
                # under "said", "would" is mostly the reported "will" and says nothing of the future
                found = "would"
            elif low in cx.HEDGE_MODALS and _future_event(tok):
                found = low
            if found and cue is None:
                cue, at = found, tok
        planned = lem in cx.RAISING_EXPECTED or tok.lower_ == "going"
        if cue is None and not perfect and planned and first_child(tok, "xcomp") is not None:
            cue, at = f"{tok.lower_} to", first_child(tok, "xcomp")
        acomp = first_child(tok, "acomp")
        if cue is None and acomp is not None and acomp.lower_ in cx.LIKELY_ADJ and first_child(acomp, "xcomp"):
            cue, at = f"{acomp.lower_} to", first_child(acomp, "xcomp")
        if cue is None and lem == "risk" and tok.tag_ in {"VBZ", "VBP"} and first_child(tok, "xcomp", "dobj"):
            cue, at = "risks", tok
    if cue is None:
        doc = spine[0].doc
        # "X risks escalating": the small model often tags this "risks" as a plural noun
        risk = next((t for t in doc[lo:hi - 1] if t.lower_ == "risks" and doc[t.i + 1].tag_ == "VBG"), None)
        if risk is None:
            return None
        return Kind("prediction", "risks", consequence=gr.verb_phrase(doc[risk.i + 1], lo, hi, skip=cx.HEDGE_ADVERBS))
    kind = Kind("prediction", cue)
    for tok in spine:
        for c in tok.children:
            if c.dep_ != "advcl":
                continue
            marks = [m for m in children(c, "mark") if m.lower_ in {"if", "unless", "provided", "providing"}]
            inverted = [a for a in gr.auxes(c) if a.lower_ in {"should", "were", "had"} and a.i == c.left_edge.i]
            if marks or inverted:
                sub = {t.i for t in c.subtree}
                drop = {t.i for t in marks + inverted}
                end = next((t.i for t in c.subtree if t.text in {",", ";"} and t.i > c.i), hi)
                kind.condition = span_text(tok.doc, [i for i in sub if lo <= i < min(hi, end) and i not in drop])
                rest = [t.i for t in spine[0].subtree if lo <= t.i < hi and t.i not in sub]
                kind.consequence = span_text(tok.doc, rest)
                return kind
    subj = gr.subject(at)
    if subj is not None and subj.dep_ in {"csubj", "csubjpass"}:
        kind.condition = noun_phrase_full(subj, lo, hi)
    elif subj is not None and cue in {"would", "could", "might", "may"} and _is_event_noun(mention_at, subj):
        # "the presence of North Korean forces would complicate ...": the nominalised event is the condition
        kind.condition = noun_phrase_full(subj, lo, hi)
    if kind.condition is not None or lemma(at) in cx.CAUSAL_OBJECT:
        kind.consequence = _consequence(at, lo, hi)
    return kind


def _consequence(verb: Token, lo: int, hi: int) -> str | None:
    if lemma(verb) in cx.CAUSAL_OBJECT:
        for c in verb.children:
            if c.dep_ in {"xcomp", "dobj", "ccomp"}:
                return noun_phrase_full(c, lo, hi)
            if c.dep_ == "prep" and c.lower_ in {"to", "in"}:
                return noun_phrase_full(first_child(c, "pobj"), lo, hi)
    return gr.verb_phrase(verb, lo, hi, skip=cx.HEDGE_ADVERBS)


def _has_condition(tok: Token) -> bool:
    subj = gr.subject(tok)
    if subj is not None and subj.dep_ == "csubj":
        return True
    return any(c.dep_ == "advcl" and any(m.lower_ in {"if", "unless"} for m in children(c, "mark"))
               for c in tok.children)


def _future_event(tok: Token) -> bool:
    """Whether a hedged predicate is about what may happen, not about what may be the case now."""
    if lemma(tok) in cx.STATIVE or lemma(tok) in cx.CONFIRM_VERBS:
        return False
    auxes = [a.lower_ for a in children(tok, "aux")]
    if "have" in auxes or "be" in auxes and tok.tag_ == "VBG":
        return False
    return not any(c.lower_ in cx.PRESENT_ADVERBS for c in children(tok, "advmod"))


def _in_core(tok: Token, spine: list[Token]) -> bool:
    """Whether a token belongs to the main clause, not to a side clause ("..., providing billions")."""
    ids = {t.i for t in spine}
    for _ in range(30):
        if tok.i in ids:
            return True
        if tok.dep_ in {"advcl", "relcl", "acl", "parataxis"} or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _casualties(span: Span, counts: str | None) -> bool:
    if counts and counts.lower() in cx.CASUALTY_WORDS:
        return True
    return any(gr.lemma(t) in cx.CASUALTY_WORDS or t.lower_ in cx.CASUALTY_WORDS for t in span)


def is_estimate(span: Span, spine: list[Token], attributed: bool) -> str | None:
    doc = span.doc
    if doc._.figures is not None:
        for fig in doc._.figures:
            if not span.start_char <= fig.start < span.end_char:
                continue
            head = doc.char_span(fig.start, fig.end, alignment_mode="expand")
            if head is None or not _in_core(head.root, spine):
                continue
            # a bare attributed number is an estimate when it counts people, a fact when it counts houses
            vague = fig.qualifier or fig.value is None or fig.low is not None
            if vague or attributed and _casualties(span, fig.counts):
                return fig.qualifier or "figure"
    else:
        for ent in span.ents:
            if ent.label_ not in {"CARDINAL", "MONEY", "PERCENT", "QUANTITY"} or not _in_core(ent.root, spine):
                continue
            before = doc[max(span.start, ent.start - 3):ent.start].text.lower()
            inside = ent.text.lower()
            for q in cx.QUALIFIERS:
                if inside.startswith(q + " ") or before.endswith(q) or before.endswith(q + " "):
                    return q
            if any(t.lower_ in cx.VAGUE_NUMBERS for t in ent):
                return ent.text.lower()
            if attributed and any(ch.isdigit() for ch in ent.text) and _casualties(span, None):
                return "figure"
    for tok in spine:
        for c in tok.children:
            # "the true toll is higher", "the figures were underestimated"
            if (c.dep_ in {"nsubj", "nsubjpass", "dobj"} and c.lower_ in cx.FIGURE_NOUNS
                    and lemma(tok) in cx.FIGURE_PREDICATES):
                return c.lower_
        if tok.lower_ in cx.ESTIMATE_WORDS:
            return tok.lower_
    return None


def _test_result(spine: list[Token]) -> bool:
    """"The sample tested positive for EPO": a laboratory's result, not a judgement of the sample."""
    return any(t.lower_ in {"test", "tests", "tested", "testing"}
               and any(c.lower_ in {"positive", "negative"} for c in t.children if c.dep_ in {"oprd", "acomp", "advmod"})
               for t in spine)


def kind_of(mention_at: MentionAt, span: Span, spine: list[Token], frame: Frame | None, author: bool,
            question: bool, found: list[tuple[str, str]], future: bool = False) -> Kind:
    """The statement's type, first match wins: question, recommendation, argued opinion, prediction,
    estimate, assessment, fact."""
    lo, hi = span.start, span.end
    if question:
        return Kind("question", "?")
    head = spine[0]
    # verbs sharing the clause's subject ("underscores X ... and necessitates Y") count for the type
    wide = spine + [c for c in head.children if c.dep_ == "conj" and gr.is_verbal(c) and lo <= c.i < hi
                    and first_child(c, "nsubj", "nsubjpass") is None]
    # "Police said the fire had been lit deliberately and appealed for witnesses": an appeal for something
    # (no action urged on anyone) is the speaker's own act, coordinated with the reporting verb (the parser
    # hangs it on the reported clause); what the sentence claims is the clause. "... and urged the
    # authorities to publish the count" urges an action: that is advice.
    reported = frame is not None and frame.verb is not None and head.dep_ == "ccomp" and head.head.i == frame.verb.i
    advice = [t for t in wide if not (reported and t.dep_ == "conj" and t.head.i == head.i and lemma(t) in cx.URGE
                                      and first_child(t, "xcomp", "ccomp") is None
                                      and not any(p.lower_ in {"on", "upon"} for p in children(t, "prep")))]
    rec = recommendation(mention_at, advice, frame, lo, hi)
    if rec is not None:
        return rec
    if frame is not None and frame.opinion:
        return Kind("opinion", frame.cue.lower())
    pred = prediction(mention_at, wide, frame, lo, hi, author or future)
    if pred is not None:
        return pred
    estimate = is_estimate(span, spine, not author)
    if estimate is not None:
        return Kind("estimate", estimate)
    opinion = None if _test_result(spine) else is_opinion(span, wide, author)
    if opinion is not None:
        return Kind("opinion", opinion)
    return Kind("fact")
