"""Changes between two amounts: "rose from 20 to 45" is one amount, the new level, with the old one (which the
figures component reads as a figure of its own, at the stage ``previous``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc

from storyline.nlp.currencies import CURRENCY_SYMBOLS
from storyline.nlp.numbers import RANGING, _digits, _word

if TYPE_CHECKING:
    from storyline.nlp.amounts import Amount

# Nouns of change that "from" can hang on: "an increase from 20 to 45" is a change, not a band.
CHANGE_NOUNS = frozenset("increase rise fall drop decline jump cut growth change reduction shift move surge".split())


def _changes(doc: Doc, found: list[Amount], floor: int) -> list[Amount]:
    """"rose from 20 to 45": one amount, the new level, with the level it changed from.

    The old level is kept as ``previous`` on the new one, so that its figure can say it is a level left behind
    rather than a second, dateless estimate. A band after a
    noun ("homes from $750,000 to $1 million") is a range instead."""
    out: list[Amount] = []
    k = 0
    while k < len(found):
        a = found[k]
        n = k + 1
        while n < len(found) and _year_between(doc, found[n]):
            n += 1  # "from 20 mpg in 2008 to 29 mpg in 2020"
        b = found[n] if n < len(found) else None
        if b is not None and a.value is None and not a.vague and a.low is not None and doc[a.start - 1].lower_ == "from" \
                and a.end < b.num_start and "to" in (t.lower_ for t in doc[a.end: b.start]) \
                and not (b.unit or b.currency or b.percent) and b.value is not None:
            # "from 14-18 mpg to 24": the new level is said in the band's unit
            b.unit, b.unit_text, b.currency, b.currency_text = a.unit, a.unit_text, a.currency, a.currency_text
            b.percent = a.percent
        if b is None or not _change_pair(doc, a, b, floor):
            out.append(a)
            k += 1
            continue
        _share_scale(doc, a, b)
        if not (b.unit or b.currency or b.percent):  # "from 208 pounds to 193": the unit said once
            b.unit, b.unit_text, b.currency, b.currency_text = a.unit, a.unit_text, a.currency, a.currency_text
            b.per, b.per_text = a.per, a.per_text
        elif b.currency == a.currency and a.per and not b.per:  # "from $75 per barrel to $45.88"
            b.per, b.per_text = a.per, a.per_text
        frm = doc[a.start - 1]
        to_band = b.end + 1 < len(doc) and _word(doc[b.end]) == "to" and n + 1 < len(found) \
            and found[n + 1].start == b.end + 1
        if b.value is None:
            b.change_from = a.value  # "from 24.2 to 33-35 billion euros": a level changed to a band
        elif to_band and a.value < b.value:
            # "revised from 6 to 8 per cent to 2 to 4 per cent": a band, changed to another
            b.value, b.low, b.high = None, a.value, b.value
        elif frm.dep_ == "prep" and frm.head.pos_ == "NOUN" and frm.head.lower_ not in CHANGE_NOUNS and a.value < b.value:
            b.value, b.low, b.high = None, a.value, b.value  # a band: "homes from $750,000 to $1 million"
        else:
            b.change_from = a.value
        if b.change_from is not None:
            b.previous, b.level_start = a, b.start
        b.start = a.start
        out.extend(found[k + 1: n])
        out.append(b)
        k = n + 1
    return out


def _change_pair(doc: Doc, a: Amount, b: Amount, floor: int) -> bool:
    """True for "from A ... to B" with two exact amounts, outside a range opened by "range from"."""
    if a.value is None or (b.value is None and b.low is None) or a.vague or b.vague or a.start <= floor \
            or b.change_from is not None:
        return False
    if doc[a.start - 1].lower_ != "from" or _ranging(doc, a.num_start):
        return False
    between = [t.lower_ for t in doc[a.end: b.start]]
    return "to" in between and len(between) <= 8 and not any(w in (",", ";", "from", "and") for w in between[:between.index("to")])


def _share_scale(doc: Doc, a: Amount, b: Amount) -> None:
    """"from 2.1 to 3.5 million", "from 24.2 to 33-35 billion euros": a bare old level takes the
    scale word said once, after the new one."""
    raw, level = _digits(_word(doc[b.num_start])), b.value if b.value is not None else b.low
    if a.num_end - a.num_start != 1 or _digits(_word(doc[a.num_start])) != a.value or a.currency \
            or a.unit not in (None, b.unit) or not raw or level is None:
        return
    factor = level / raw
    if any(abs(factor / scale - 1) < 1e-9 for scale in (1e3, 1e6, 1e9, 1e12)) and a.value * factor < level * 100:
        a.value *= factor


def _year_between(doc: Doc, x: Amount) -> bool:
    """A year inside a change ("in 2008"): skipped when pairing its two ends."""
    return x.value is not None and not (x.unit or x.currency or x.percent) and x.num_end - x.num_start == 1 \
        and 1800 <= x.value <= 2199 and float(x.value).is_integer() and x.start > 0 and doc[x.start - 1].lower_ in ("in", "by")


def _ranging(doc: Doc, i: int) -> bool:
    """True when "from" before token ``i`` opens a range ("prices range from $5 to $9"), not a change."""
    k = i - 1
    while k > 0 and (doc[k].lower_ == "from" or _word(doc[k]) in CURRENCY_SYMBOLS or doc[k].pos_ == "ADV"):
        k -= 1
    return doc[k].lower_ in RANGING
