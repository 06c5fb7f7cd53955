"""Bare numbers that count what an earlier figure counts: "the DAX rose 2 percent and the CAC by 1",
"Russia fired 36 missiles ... disabling 16 of the 36"."""

from __future__ import annotations

from spacy.tokens import Doc, Span

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
    first = j + 2 < sent.end and doc[j].lower_ == "of" and doc[j + 1].lower_ == "the" and doc[j + 2].like_num
    second = i - 3 >= sent.start and doc[i - 1].lower_ == "the" and doc[i - 2].lower_ == "of" and doc[i - 3].like_num
    if not (first or second) or amount.num_end - amount.num_start != 1:
        return None
    since = doc[sent.start - 1].sent.start_char if sent.start > 0 else sent.start_char
    for figure in reversed(earlier):
        if figure.start < since:
            return None
        if figure.counts and figure.unit and figure.value is not None and not figure.counts.startswith(
                ("money", "unit:", "percent", "share")) and figure.counts not in DURATIONS.values():
            return figure
    return None
