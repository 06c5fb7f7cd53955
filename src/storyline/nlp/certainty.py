"""Rules that turn attribution and certainty cues into a status (vocabularies live in certainty_words)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from storyline.nlp.certainty_words import (  # noqa: F401  (re-exported)
    STATUSES, RANK, SAY_REPORTED, WEAK_FRAMES, SAY_POSSIBLE, SAY_EXPECTED, SAY_CONFIRMED, SAY_CONFIRMED_OBJECT,
    SAY_DENIED, SAY_DENIED_OBJECT, CLAIM_NOUNS, OPINION_FRAME, FRAME_STATUS, URGE, ANONYMOUS_NOUNS, PRONOUNS,
    REPORTEDLY, HEDGE_MODALS, FUTURE_MODALS, DEONTIC_MODALS, HEDGE_ADVERBS, RAISING_POSSIBLE, RAISING_EXPECTED,
    EXPECTED_ADJ, POSSIBLE_ADJ, POSSIBILITY_NOUNS, CONFIRM_VERBS, NEGATIVE_WORDS, NEGATIVE_VERBS, OUTCOMES,
    NOT_CONTRAST, UNCONFIRMED_PATTERNS, CAUSAL, CAUSAL_OBJECT, LIKELY_ADJ, STATIVE, PRESENT_ADVERBS, ESTIMATE_WORDS,
    FIGURE_NOUNS, QUALIFIERS, FIGURE_PREDICATES, CASUALTY_WORDS, VAGUE_NUMBERS, WARN_FRAMES, JUDGE_VERBS,
    SPEECH_VERBS,
)
from storyline.nlp.grammar import auxes, children, first_child, is_verbal, lemma


def starts_negative(token: Token) -> bool:
    """Whether a noun phrase is negative ("no troops", "neither side's account", "nobody")."""
    left = token.left_edge
    if left.lower_ in NEGATIVE_WORDS:
        return True
    return any(c.dep_ in {"det", "neg"} and c.lower_ in NEGATIVE_WORDS for c in token.children)


def not_cues(token: Token) -> list[str]:
    """Negation cues attached to a predicate: "not", "never", "no" subject or object."""
    cues = []
    for c in token.children:
        if c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in {"never", "not", "no"}):
            nxt = c.nbor(1) if c.i + 1 < len(c.doc) else None
            if nxt is not None and nxt.lower_ in NOT_CONTRAST:
                continue
            if c.lower_ == "no" and nxt is not None and nxt.lower_ == "longer":
                cues.append("no longer")
                continue
            cues.append(c.lower_.replace("n't", "not"))
        elif c.dep_ in {"nsubj", "nsubjpass"} and starts_negative(c):
            cues.append(c.left_edge.lower_ if c.left_edge.lower_ in NEGATIVE_WORDS else c.lower_)
        elif (c.dep_ in {"dobj", "attr"} and c.lower_ != "longer" and starts_negative(c)
              and lemma(token) in {"be", "have", "see", "find", "show"}):
            cues.append(c.left_edge.lower_)
    return cues


def short_of(token: Token) -> bool:
    """ "stopped short of condemning": the parser hangs "of" on "short"."""
    return any(c.lower_ == "short" and any(p.lower_ == "of" for p in children(c, "prep")) for c in token.children)


def negated_act(token: Token) -> str | None:
    """The negation over a speech act: "did not say", "stopped short of condemning", "declined to confirm"."""
    nots = not_cues(token)
    if nots:
        return nots[0]
    node = token
    for _ in range(3):
        if node.dep_ not in {"xcomp", "pcomp", "pobj", "prep"} or node.head.i == node.i:
            return None
        node = node.head
        if node.lower_ == "short" and node.head.i != node.i:
            node = node.head
        if lemma(node) in NEGATIVE_VERBS:
            return node.lower_
    return None


def in_question(span: Span) -> bool:
    """Whether a span is itself a question (final "?" outside any embedded quotation)."""
    text = span.text.rstrip()
    if not text.endswith(("?", "?\"", "?”", "?'", "?’")):
        return False
    if text.endswith("?"):
        return True
    # ends with ?" : a question only if the whole span is the quotation
    return text.lstrip()[:1] in {"\"", "“", "'", "‘"}


def phrase_cues(text: str, patterns: Iterable[re.Pattern]) -> list[str]:
    return [m.group(0).lower() for p in patterns for m in p.finditer(text)]


@dataclass
class Frame:
    """Who a claim is attributed to and how: the reporting verb, its speaker and the claim's predicate."""

    speaker: Token | None
    content: Token | None
    cue: str
    status: str
    verb: Token | None = None
    anonymous: bool = False
    opinion: bool = False
    author: bool = False
    """The author's own inference ("this suggests that"), not a source's claim."""
    relays: list[Token] = field(default_factory=list)
    """Speakers who pass the words on ("the ministry quoted the envoy as saying": the ministry)."""


# -- certainty -----------------------------------------------------------------------
def chain(pred: Token, lo: int, hi: int) -> list[Token]:
    """A predicate and the verbs that carry its meaning: "appears to ... be", "is expected to arrive"."""
    out, tok = [pred], pred
    for _ in range(6):
        nxt = first_child(tok, "xcomp")
        if nxt is None and lemma(tok) in {"be", "remain"}:
            subj = first_child(tok, "nsubj")
            if subj is not None and subj.pos_ == "NOUN":
                nxt = first_child(tok, "ccomp")
        if nxt is None:
            acomp = first_child(tok, "acomp")
            if acomp is not None and acomp.lower_ in EXPECTED_ADJ | POSSIBLE_ADJ:
                nxt = first_child(acomp, "xcomp")
        # the parser sometimes hangs a heading or the next line off a sentence: stay inside the unit
        if nxt is None or nxt in out or not lo <= nxt.i < hi:
            break
        out.append(nxt)
        tok = nxt
    return out


def status_cues(frame: Frame | None, spine: list[Token], unit: Span, author: bool, quoted: bool = False,
                future: bool = False) -> list[tuple[str, str]]:
    """Every (status, cue) the statement carries; the first by precedence wins.

    ``would`` hedges the author's own sentences; under "said" it is the reported "will", an
    expectation only when the clause names a future date. A speaker's own "will" in a direct
    quotation stays a reported prediction: only announced plans and schedules are "expected".
    """
    found: list[tuple[str, str]] = []
    if frame is not None:
        found.append((frame.status, frame.cue.lower()))
        if frame.verb is not None:
            nots = not_cues(frame.verb)
            if nots:
                status = "unconfirmed" if frame.status == "confirmed" else "negated"
                found.append((status, f"{nots[0]} {frame.verb.lower_}"))
                found = [f for f in found if f[0] not in {"confirmed", "denied"}]
            for c in auxes(frame.verb):
                if c.lower_ in HEDGE_MODALS:
                    found.append(("possible", c.lower_))
    for tok in spine:
        lem = lemma(tok)
        for c in [*tok.children, *(a for a in auxes(tok) if a.head.i != tok.i)]:
            if not unit.start <= c.i < unit.end:
                continue
            low = c.lower_
            if c.dep_ == "aux" and c.tag_ == "MD":
                if low in HEDGE_MODALS and not (low == "could" and not_cues(tok)):
                    # "could not be considered" is inability, not a hedge; "may not" stays a hedge
                    found.append(("possible", low))
                elif low in FUTURE_MODALS and not quoted:
                    found.append(("expected", "will" if low in {"'ll", "wo"} else low))
                elif low == "would" and author:
                    found.append(("possible", low))
                elif low == "would" and future:
                    found.append(("expected", low))
            elif c.dep_ == "advmod" and low in HEDGE_ADVERBS:
                found.append(("possible", low))
            elif (c.dep_ == "advcl" and author and any(m.lower_ in {"if", "unless"} for m in children(c, "mark"))
                  and not any(a.lower_ in FUTURE_MODALS for a in auxes(tok))):
                found.append(("possible", "if"))  # "if X, Y will" stays an expectation
        xcomp = first_child(tok, "xcomp")
        perfect = any(a.lower_ in {"have", "has", "had", "'ve"} for a in auxes(tok))
        if xcomp is not None and not perfect:
            if lem in RAISING_POSSIBLE and (tok.tag_ == "VBN" or lem in {"appear", "seem"}):
                found.append(("possible", f"{tok.lower_} to"))
            elif lem in RAISING_EXPECTED:
                found.append(("expected", f"{tok.lower_} to"))
            elif tok.lower_ == "going" and any(c.lower_ in {"is", "are", "was", "were", "'s", "'re"}
                                               for c in tok.children):
                found.append(("expected", "going to"))
        acomp = first_child(tok, "acomp")
        if acomp is not None and first_child(acomp, "xcomp") is not None:
            if acomp.lower_ in POSSIBLE_ADJ:
                found.append(("possible", f"{acomp.lower_} to"))
            elif acomp.lower_ in EXPECTED_ADJ:
                found.append(("expected", f"{acomp.lower_} to"))
        subj = first_child(tok, "nsubj")
        if (subj is not None and subj.lower_ in POSSIBILITY_NOUNS and lem in {"be", "remain", "exist", "grow"}
                and first_child(tok, "ccomp") is not None):
            found.append(("possible", subj.lower_))
        nots = not_cues(tok)
        for p in children(tok, "prep"):
            # "the talks ended without an agreement": the outcome the clause is about did not happen
            if p.lower_ == "without" and any(o.lower_ in OUTCOMES for o in children(p, "pobj")):
                nots.append("without")
        if nots:
            if lem in CONFIRM_VERBS:
                found.append(("unconfirmed", f"{nots[0]} {tok.lower_}"))
            elif lem == "rule" and any(c.lower_ == "out" for c in children(tok, "prt")):
                found.append(("possible", "not rule out"))  # "cannot rule out sending troops"
            else:
                found.append(("negated", nots[0]))
        if lem in SAY_DENIED and tok.i != spine[0].i:
            found.append(("denied", tok.lower_))
        if lem in {"decline", "refuse"} and xcomp is not None and lemma(xcomp) in CONFIRM_VERBS | {"comment"}:
            found.append(("unconfirmed", f"{tok.lower_} to {xcomp.lower_}"))
        elif lem in NEGATIVE_VERBS and (xcomp is not None or short_of(tok) or any(
                p.lower_ in {"from", "of"} and first_child(p, "pcomp", "pobj") is not None
                for p in children(tok, "prep"))):
            # "refrained from committing", "failed to stop", "stopped short of condemning"
            if lem != "stop" or any(c.lower_ == "short" for c in tok.children):
                found.append(("negated", f"{tok.lower_} short of" if short_of(tok) else tok.lower_))
    # Missing evidence qualifies the whole sentence, wherever it is said ("While ... is yet to be confirmed, ...").
    for cue in phrase_cues(unit.text, UNCONFIRMED_PATTERNS):
        found.append(("unconfirmed", cue))
    for tok in unit:
        if lemma(tok) in CONFIRM_VERBS and tok not in spine and is_verbal(tok):
            nots = not_cues(tok)
            if nots:
                found.append(("unconfirmed", f"{nots[0]} {tok.lower_}"))
    return found


def choose(found: list[tuple[str, str]], default: str) -> tuple[str, list[str]]:
    status = min((s for s, _ in found), key=RANK.__getitem__, default=default)
    if RANK[status] > RANK[default]:
        status = default
    cues = []
    for _, cue in found:
        if cue not in cues:
            cues.append(cue)
    return status, cues
