"""Judgements: which clauses evaluate what they speak of (an opinion) rather than tell what happened."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from storyline.nlp import certainty as cx
from storyline.nlp import grammar as gr
from storyline.nlp.grammar import first_child, lemma

# Evaluative words that turn an author's sentence into an assessment.
EVALUATIVE = frozenset("""
significant significantly profound profoundly dangerous dangerously troubling concerning alarming
worrying worrisome grave serious desperate desperation daunting controversial reckless
unacceptable deplorable irresponsible destabilising destabilizing perilous disastrous catastrophic
remarkable pivotal crucial critical game-changer game changer turning inevitable insufficient
ineffective effective fragile failure mistake misguided naive prudent wise foolish hollow meaningless
shameful outrageous brutal heinous far-reaching wide-reaching sweeping dire deeply unfathomable
symbolic symbolically staggering unprecedented striking stark vital essential imperative urgent
clear clearly obvious obviously undeniable undeniably absurd wrong right better worse best worst
good bad great terrible tragic welcome welcomed positive negative risky safer unwise ominous
robust weak strong strongly fundamental fundamentally
""".split())
OPINION_PHRASES = re.compile(
    r"\b(?:i|we)\s+(?:think|believe|feel|doubt|suspect|fear)\b"
    r"|\bin\s+(?:my|our)\s+(?:view|opinion|judgement|judgment)\b"
    r"|\bto\s+my\s+mind\b|\bone\s+thing\s+is\s+clear\b",
    re.I,
)
ASSESS_VERBS = gr.lexicon("represent", "signify", "mark", "underscore", "highlight", "illustrate", "demonstrate",
                          "reflect", "symbolize", "symbolise", "constitute", "pose", "embody", "amount")
CERTAINTY_ADVERBS = frozenset({"clearly", "obviously", "undeniably"})
"""Evaluative adverbs that, on a verb of saying or showing ("the data clearly show that ..."), say how
sure the source is of what follows, not what it thinks of it."""
PREDICATIVE = frozenset({"acomp", "attr", "oprd", "xcomp"})
"""Dependents that say something of the subject: their modifiers judge ("a grave mistake")."""

def is_characterisation(tok: Token, author: bool) -> bool:
    """ "That is not an audit", "Shelter is the gap now": a copula naming what something is, a judgement.

    In the author's voice only the pointed forms count ("this is a ...", "X is not a Y"): plain
    "X is a Y" there is as often a description as a verdict.
    """
    attr = first_child(tok, "attr")
    subj = gr.subject(tok)
    if lemma(tok) != "be" or attr is None or attr.pos_ != "NOUN" or attr.ent_type_ or subj is None:
        return False
    if any(t.like_num for t in attr.subtree) or attr.left_edge.lower_ not in {"a", "an", "the", "not"}:
        return False
    if cx.not_cues(tok):
        return True
    return subj.lower_ in {"that", "this"} or not author and subj.pos_ in {"PRON", "NOUN"}


def is_opinion(span: Span, spine: list[Token], author: bool) -> str | None:
    """The evaluative cue that makes the clause a judgement, or None.

    An evaluative word counts where it is said of something (predicative: "the move was
    reckless", "a grave mistake", "dangerously escalated"); an adjective describing a participant
    of a happening ("striking workers blocked the port", "a strong aftershock shook the town",
    "caused significant damage") describes, and the clause stays a fact."""
    if OPINION_PHRASES.search(span.text):
        return OPINION_PHRASES.search(span.text).group(0).lower()
    seen = []
    for tok in spine:
        seen.append(tok)
        for c in tok.children:
            if c.dep_ in {"acomp", "attr", "dobj", "advmod", "oprd", "nsubj", "npadvmod", "xcomp", "prep"}:
                seen.append(c)
                for g in c.children:
                    if g.dep_ in {"amod", "compound"} and c.dep_ not in PREDICATIVE:
                        continue  # an attribute of a participant, not a judgement of it
                    if g.dep_ in {"amod", "advmod", "compound", "conj", "pobj", "acomp"}:
                        seen.append(g)
                        seen.extend(h for h in g.children if h.dep_ in {"amod", "advmod", "conj"}
                                    and not (h.dep_ == "amod" and g.dep_ == "pobj"))
    for tok in seen:
        if tok.lower_ in CERTAINTY_ADVERBS and tok.dep_ == "advmod" and lemma(tok.head) in cx.SAY_REPORTED:
            continue  # "our records clearly show that the dam leaked": a finding stated with confidence
        if tok.lower_ in EVALUATIVE and tok.i < span.end and tok.i >= span.start:
            return tok.lower_
    for tok in spine:
        # "could not be considered democratic", "was deemed a failure"
        judged = first_child(tok, "acomp", "oprd", "attr", "xcomp")
        if lemma(tok) in cx.JUDGE_VERBS and first_child(tok, "auxpass") is not None and judged is not None:
            return tok.lower_
    if is_characterisation(spine[0], author):
        return "is a"
    head = spine[0]
    subj = gr.subject(head)
    if author and lemma(head) in ASSESS_VERBS and subj is not None and subj.pos_ in {"NOUN", "PRON"}:
        return head.lower_
    if author and re.search(r",\s+not\s+(?:a|an|the|just|merely)\b", span.text):
        return "not"
    return None
