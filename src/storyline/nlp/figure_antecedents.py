"""Bare numbers that count what another figure counts: "the DAX rose 2 percent and the CAC by 1",
"Russia fired 36 missiles ... disabling 16 of the 36", "killed 12 and wounded 30 civilians"."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from storyline.models import Figure
from storyline.nlp.amounts import Amount
from storyline.nlp.units import DURATIONS


def unit_said_before(doc: Doc, amount: Amount, sent: Span, earlier: list[Figure]) -> Figure | None:
    """The last measured figure of the sentence written after the same preposition ("by", "at", "to")
    as this bare number, when nothing else stands between them that could carry a unit."""
    if amount.start <= sent.start or doc[amount.start - 1].lower_ not in ("by", "at", "to") \
            or amount.num_end - amount.num_start != 1 or not doc[amount.num_start].text[:1].isdigit():
        return None
    for figure in reversed(earlier):
        if figure.start < sent.start_char:
            return None
        span = doc.char_span(figure.start, figure.end, alignment_mode="expand")
        if span is not None and span.end == amount.start - 1 and doc[span.end].lower_ == "to":
            # "fell 12 points to 7,450", "rose 3 metres to 45": the change, then the level in its unit;
            # after "rose 5% to 20" the level's unit is not said
            ok = figure.unit and figure.counts and figure.counts.startswith("unit:") and figure.value is not None
            return figure if ok else None
        if span is None or span.start == 0 or doc[span.start - 1].lower_ != doc[amount.start - 1].lower_:
            continue
        if figure.unit and figure.counts and not figure.counts.startswith("money") and figure.value is not None:
            return figure
        return None
    return None


def partitive(doc: Doc, amount: Amount, sent: Span, earlier: list[Figure]) -> Figure | None:
    """For a bare "16 of the 36" (after "Russia fired 36 missiles"), the last figure of this sentence or
    the one before that counts things: both numbers count what it counts."""
    i, j = amount.start, amount.end
    if (whole := _fronted_whole(doc, amount, sent, earlier)) is not None:
        return whole
    first = j + 2 < sent.end and doc[j].lower_ == "of" and doc[j + 1].lower_ == "the" and doc[j + 2].like_num
    second = i - 3 >= sent.start and doc[i - 1].lower_ == "the" and doc[i - 2].lower_ == "of" and doc[i - 3].like_num
    if not (first or second) or amount.num_end - amount.num_start != 1:
        return None
    since = doc[sent.start - 1].sent.start_char if sent.start > 0 else sent.start_char
    for figure in reversed(earlier):
        if figure.start < since:
            return None
        if figure.counts and figure.unit and figure.value is not None and not figure.counts.startswith(
                ("money", "unit:", "percent")) and figure.counts not in DURATIONS.values():
            return figure
    return None


def _fronted_whole(doc: Doc, amount: Amount, sent: Span, earlier: list[Figure]) -> Figure | None:
    """"Of the 40 people killed, 12 were children": the bare number's own "of" phrase holds a figure of this
    sentence, of which it is a part, so it counts what that figure counts."""
    holders = list(doc[amount.num_start: amount.num_end])
    holders += [t.head for t in holders if t.dep_ in ("nsubj", "nsubjpass")]  # the parse may hang "Of the 40 ..." on the verb
    for token in holders:
        for prep in token.children:
            if prep.dep_ != "prep" or prep.lower_ != "of" or prep.i > amount.start:
                continue
            for pobj in prep.children:
                for figure in reversed(earlier):
                    if figure.start < sent.start_char:
                        break
                    if figure.start <= pobj.idx < figure.end and figure.counts and figure.value is not None \
                            and not figure.counts.startswith(("money", "unit:", "percent")) \
                            and figure.counts not in DURATIONS.values():
                        return figure
    return None


# Words that join two parallel figures, each with its own time: "310 mm in 2021 and 180 this year".
GAP_JOINS = frozenset({"and", "but", ",", "while", "against", "versus", "vs", "vs."})
TIME_PREPS = frozenset({"in", "on", "by", "during", "for", "last", "this", "next", "a", "the", "that", "earlier", "later"})


def _time_after(doc: Doc, i: int, end: int) -> bool:
    """True when a time expression starts at token ``i`` ("in 2018", "last year", "on Tuesday", "a year earlier")."""
    for k in range(i, min(end, i + 3)):
        token = doc[k]
        if token.ent_type_ in ("DATE", "TIME"):
            return True
        if token.lower_ not in TIME_PREPS:
            return False
    return False


def gapped(doc: Doc, amount: Amount, sent: Span, earlier: list[Figure]) -> Figure | None:
    """For a bare number in a gapped clause ("a minus-1.4 degree angle in 2018 and 2.1 last year", "killed
    40 people on Monday and 12 on Tuesday"), the figure of the first clause: the two say one thing at two
    times, so the bare number counts what that figure counts. Both must be followed by a time of their
    own (the first one's within the few words after it), and the joining word must stand right before the
    bare number."""
    if amount.start <= sent.start or doc[amount.start - 1].lower_ not in GAP_JOINS \
            or amount.num_end - amount.num_start != 1 or not doc[amount.num_start].text[:1].isdigit() \
            or not _time_after(doc, amount.end, sent.end):
        return None
    for figure in reversed(earlier):
        if figure.start < sent.start_char:
            return None
        if not (figure.counts and figure.unit) or figure.value is None or figure.counts.startswith("money"):
            return None  # a bare sum is not said in the currency of another ("$5m in 2020 and 7 in 2021")
        span = doc.char_span(figure.start, figure.end, alignment_mode="expand")
        if span is None:
            return None
        between = doc[span.end: amount.start - 1]
        if len(between) > 6 or not any(t.ent_type_ in ("DATE", "TIME") for t in between) or any(
                (t.like_num and t.ent_type_ not in ("DATE", "TIME")) or t.pos_ in ("VERB", "AUX") for t in between):
            return None  # no time of its own, another number, or a clause of its own
        return figure
    return None


# Words that open a clause joined to another as its counterpart ("shipped 400 while its rival delivered 250 cars").
CONTRAST_MARKS = frozenset({"while", "whereas"})


def _role(token: Token) -> tuple[Token, str] | None:
    """The verb whose object a token is, and how: its direct object, or the object of one of its prepositions."""
    if token.dep_ == "dobj" and token.head.pos_ in ("VERB", "AUX"):
        return token.head, "dobj"
    if token.dep_ == "pobj" and token.head.dep_ == "prep" and token.head.head.pos_ in ("VERB", "AUX"):
        return token.head.head, "pobj"
    return None


def noun_said_after(anchor: Token, later: list[tuple[Token, Figure]]) -> Figure | None:
    """For a bare number that is the object of one verb ("killed 12 and wounded 30 civilians", "shipped
    400 while its rival delivered 250 cars"), the later figure of the sentence whose counted noun is the
    object, in the same way, of a verb joined to that one (by "and" with no subject of its own, or as a
    "while" clause): the noun is said once, after the last number, and counts both. ``later`` holds the
    later figures of the sentence with their number tokens."""
    own = _role(anchor)
    if own is None:
        return None
    verb, how = own
    for number, figure in later:
        noun = number.head
        if number.dep_ != "nummod" or noun.tag_ not in ("NNS", "NNPS") or not figure.unit or figure.counts is None \
                or noun.lower_ == "others":
            continue  # ("killing one and wounding six others": the others are not the one)
        other = _role(noun)
        if other is None or other[1] != how or other[0].head.i != verb.i or other[0].i == verb.i:
            continue
        second = other[0]
        if second.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in second.children) \
                or second.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONTRAST_MARKS for c in second.children):
            return figure  # (a clause joined by "and" with a subject of its own says its own thing: "he scored 2
            # and the team won 3 games")
    return None
