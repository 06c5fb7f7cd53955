"""Amounts written together that share words: a vote's tally, a unit said once, suspended hyphens."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from storyline.nlp.numbers import _attached, _digits, _word, _word_value
from storyline.nlp.rates import read_per

if TYPE_CHECKING:
    from storyline.nlp.amounts import Amount

# Nouns after "79-18" that make it a tally of votes (two counts) rather than a game's score.
TALLY_NOUNS = frozenset("vote votes ballot ballots margin majority decision ruling verdict split".split())
# Words shortly before "79 to 18" or "312-118" that make it a vote's tally: "the vote was", "passed the House".
VOTE_WORDS = frozenset(
    "vote votes voted voting ballot ballots passed pass passes approved approve approves adopted adopt adopts "
    "rejected reject rejects defeated ratified endorsed overrode confirmed".split())
TALLY_REACH = 6
# "four-" in "four-, five- and six-cylinder engines": a number whose hyphen waits for a later noun.
RE_SUSPENDED = re.compile(r"^(.+?)-$")
JOINERS = frozenset({",", "and", "or", "to", "&"})
# Groups of a number whose thousands are set apart by spaces ("473 400", "1 250 000").
RE_LEAD_GROUP = re.compile(r"^[1-9]\d{0,2}$")
RE_GROUP = re.compile(r"^\d{3}$")


def spaced_thousands(doc: Doc, found: list[Amount], limit: int) -> list[Amount]:
    """"473 400", "About 12 000 people", "€12 500": a number whose thousands are set apart by a space,
    as much of Europe writes them, read as one amount (a day of a date is no leading group: "March 3 100")."""
    out: list[Amount] = []
    for b in found:
        a = out[-1] if out else None
        if (a is not None and a.value is not None and b.value is not None and a.end == a.num_end == b.start == b.num_start
                and b.qualifier is None and not (a.unit or a.percent or a.low is not None or b.low is not None)
                and not (a.currency and b.currency)
                and doc[a.num_end - 1].whitespace_ == " " and RE_GROUP.match(doc[b.num_start].text)
                and (b.num_end - b.num_start == 1 or doc[b.num_start].whitespace_ == "")
                and spaced_groups(doc, a.num_start, a.num_end) and doc[a.num_end - 1].ent_type_ not in ("DATE", "TIME")):
            out[-1] = joined = replace(b, start=a.start, num_start=a.num_start, value=a.value * 1000 + b.value,
                                       qualifier=a.qualifier)
            if a.currency:
                joined.currency, joined.currency_text = a.currency, a.currency_text
                joined.end = read_per(doc, joined, joined.end, limit)  # "€12 500 a year"
            continue
        out.append(b)
    return out


def spaced_groups(doc: Doc, start: int, end: int) -> bool:
    """``doc[start:end]`` is one group of digits, or groups set apart by spaces ("1 250 000")."""
    tokens = doc[start: end]
    return RE_LEAD_GROUP.match(tokens[0].text) is not None and all(
        RE_GROUP.match(t.text) and doc[t.i - 1].whitespace_ == " " for t in tokens[1:])


def tallies(doc: Doc, found: list[Amount], limit: int) -> list[Amount]:
    """A vote's tally ("passed by a 79-18 vote") as its two counts; other scores ("2-0") stay one, refused."""
    out = []
    for a in found:
        second = _digits(_word(doc[a.num_end - 1])) if a.num_end - a.num_start == 3 else None
        if not (a.score and _voted(doc, a.start, a.end, limit)) or a.value is None or second is None:
            out.append(a)
            continue
        plain = dict(low=None, high=None, qualifier=None, currency=None, currency_text=None, percent=False, more=False,
                     spelled=False, score=False, fraction=False, unit=None, unit_text=None, per=None, per_text=None,
                     change_from=None, vague=False)
        out += [replace(a, **plain, end=a.num_start + 1, num_end=a.num_start + 1),
                replace(a, **plain, start=a.num_end - 1, num_start=a.num_end - 1, value=float(second))]
    return out


def _voted(doc: Doc, start: int, end: int, limit: int) -> bool:
    """The tally from ``start`` to ``end`` is a vote's: a tally noun after it ("a 79-18 vote") or a
    vote word shortly before it in the sentence ("the vote was 79 to 18", "passed the House 312-118")."""
    if end < limit and _word(doc[end]) in TALLY_NOUNS:
        return True
    for k in range(start - 1, max(-1, start - 1 - TALLY_REACH), -1):
        if doc[k].is_punct and doc[k].text in ".;:!?" or doc[k].like_num:
            return False
        if _word(doc[k]) in VOTE_WORDS:
            return True
    return False


def is_tally(doc: Doc, amount: Amount, limit: int) -> bool:
    """One count of a vote's tally: "79" or "18" in "voted 79 to 18" or "a 79-18 vote"."""
    if amount.end + 1 < limit and _word(doc[amount.end]) in ("to", "-", "–") and _digits(_word(doc[amount.end + 1])):
        return _voted(doc, amount.start, amount.end + 2, limit)
    if amount.start >= 2 and _word(doc[amount.start - 1]) in ("to", "-", "–") and _digits(_word(doc[amount.start - 2])):
        return _voted(doc, amount.start - 2, amount.end, limit)
    return False


def share_units(doc: Doc, found: list[Amount]) -> None:
    """"from 4.8 to 4.7 percent", "from 240 to 273 horsepower": the unit said once, at the end."""
    from storyline.nlp.changes import _year_between

    for a, b in zip(found, found[1:]):
        if a.end + 1 == b.num_start and _word(doc[a.end]) in ("to", "and") and not (a.percent or a.unit or a.currency) \
                and (b.percent or b.unit) and a.value is not None and not _year_between(doc, a):
            a.percent, a.unit, a.unit_text = b.percent, b.unit, b.unit_text


def suspended(doc: Doc, found: list[Amount], start: int, end: int) -> list[Amount]:
    """"four-, five- and six-cylinder engines", "10-, 20- and 30-year bonds": the numbers whose
    hyphen waits for the noun written after the last one, each an amount that shares it (``joined``)."""
    out: list[Amount] = []
    taken = {i for a in found for i in range(a.start, a.end)}
    for b in found:
        if not (b.num_end < end and doc[b.num_end].text == "-" and _attached(doc, b.num_end)):
            continue
        k = b.start - 1
        while k >= start and k not in taken and (_word(doc[k]) in JOINERS or _suspended_value(doc, k) is not None):
            if _word(doc[k]) not in JOINERS:
                value = _suspended_value(doc, k)
                out.append(replace(b, start=k, end=k + 1, num_start=k, num_end=k + 1, value=value, low=None, high=None,
                                   qualifier=None, change_from=None, vague=False, more=False,
                                   spelled=not doc[k].text[:1].isdigit(), joined=b.num_start))
            k -= 1
    return sorted(found + out, key=lambda a: a.start)


def _suspended_value(doc: Doc, k: int) -> float | None:
    """The number of a token written with a hanging hyphen ("four-", "10-"), else None."""
    m = RE_SUSPENDED.match(doc[k].text)
    if m is None or k + 1 >= len(doc) or _word(doc[k + 1]) not in JOINERS:
        return None
    return _digits(m[1]) if _digits(m[1]) is not None else _word_value(m[1].lower())
