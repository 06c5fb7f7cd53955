"""Doubtful entries of the chronology: dated records that tell no happening of their date, subjects
that do not act, and tellings of a speech whose speaker was not resolved.

The timeline (analysis/timeline.py) prefers leaving a doubtful entry out to listing it: a month
that is the report's own ("this month", "a conflict beginning in February" written in February) or a
tally over a stretch ("198 civilians killed so far") places nothing on a day.
"""

from __future__ import annotations

import re

from storyline.models import Event, Statement, TimeRef

RE_TALLY = re.compile(r"\b(?:so\s+far|to\s+date|thus\s+far|since\s+(?:the\s+)?(?:start|beginning|outbreak)\b|"
                      r"since\s+the\s+[\w\-]+\s+(?:began|started))", re.I)
"""A count over a stretch of time, up to the telling: no happening of the day it is told."""
RE_DIGIT = re.compile(r"\d")
RE_OPENED_COUNT = re.compile(r"^\W*(?i:from|starting|beginning)\s+[^,;]{2,40}?,\s+"
                             r"(?=.*\b(?!(?:19|20)\d\d\b)\d+(?:[.,]\d+)*\s+(?:thousand\s+|million\s+|hundred\s+)?[a-z])")
"""A count in a clause opened by the start of a stretch ("From September 6, the army liberated 3.8
thousand square kilometres"): what was done over the stretch, not on its first day."""
RE_THIS_MONTH = re.compile(r"\b(?:this|the\s+current)\s+month\b", re.I)
RE_EARLIER = re.compile(r"\bearlier\s+this\s+month\b", re.I)
RE_SAYING = re.compile(r"\b(?:said|says|told|tells|added|stated|warned|noted|insisted|stressed|briefed)\b")
"""A frame telling someone's speech ("X, during a briefing on Wednesday, said ...")."""


def own_month(ref: TimeRef, published: str | None, past_act: bool = True) -> bool:
    """Whether a date known only to its month is the month the reports live in, not a place on the
    chronology: "this month", or the report's own month on a verb that is no past act ("the frozen
    ground occurring in February can give ...", "a conflict beginning in February" in a report of 4
    February). A past act of that month stays ("announced plans in April", "met him earlier this
    month", not "rain fell this month"), and so does what is said to lie ahead (a forecast)."""
    if ref.precision != "month" or ref.ahead:
        return False
    if RE_THIS_MONTH.search(ref.text):
        # "Macron told Zelensky in Paris earlier this month": one past act earlier in the month stays;
        # "this month" on anything else ("rain fell on 40 towns this month", a state, an unparsed
        # sentence) is the month the reports live in, or a stretch of it.
        return not (past_act and ref.head is not None and RE_EARLIER.search(ref.text))
    return not past_act and bool(published) and str(published)[:7] == ref.value


def tally(record: Event | Statement) -> bool:
    """Whether a record tells a count over a stretch up to its telling ("the minister said on Saturday
    that 198 civilians had been killed so far") or from a day it opens with ("From 6 September, the
    army retook 300 villages"): the count is no happening of that day."""
    return bool(RE_TALLY.search(record.text) and RE_DIGIT.search(record.text) or RE_OPENED_COUNT.match(record.text))


RE_HAS = re.compile(r"\b(?:has|have)\b")
RE_SUBJECT_CUT = re.compile(r",|\s(?:in|of|on|over|from|against|by|for|with|at|to|that|who|which|amid|after)\s")
RE_HEAD_WORD = re.compile(r"[\w’'\-]+")
RE_PLURAL = re.compile(r"[a-z]s$")
RE_POSSESSIVE = re.compile(r"['’]s?\b|['’]")
NOT_ACTORS = frozenset({"place", "other"})


def acting_subject(lede: Statement, mentions: list[tuple[int, int, str | None]]) -> bool:
    """Whether the subject of a news-perfect lede is someone who acts, not a thing named after one
    ("The coup in Guinea-Bissau", "Vietnam's decision to halt exports"). Its head word (before a comma,
    a preposition or a clause) is a name or an actor's mention (``(start, end, type)`` in the report),
    or is led by an actor's name ("The European Union presidency") or followed by a person's in
    apposition ("The interior minister, Rosa Paredes,"), or is a plural of a body ("Members of the G7",
    "Ministers from ten countries")."""
    verb = RE_HAS.search(lede.text)
    if verb is None:
        return False
    subject = lede.text[:verb.start()]
    cut = RE_SUBJECT_CUT.search(subject)
    chunk = subject[:cut.start()].rstrip() if cut else subject.rstrip()
    words = list(RE_HEAD_WORD.finditer(chunk))
    if not words:
        return False
    head = words[-1]
    if head.group(0)[0].isupper() and head.start() > words[0].start():
        return True  # a name (the sentence's first word is capitalised whatever it is)
    if cut is not None and cut.group(0).strip() in {"of", "from"} and RE_PLURAL.search(head.group(0)):
        return True
    possessed = any(w.group(0).endswith(("'s", "’s", "'", "’")) for w in words[:-1])
    if not possessed and any(w.group(0)[0].isupper() for w in words[1:-1]):
        return True  # a name before the head noun, not a possessive ("The Crimea Platform participants")
    at, begin = lede.start + head.start(), lede.start + words[0].start()
    # An apposition naming who it is: "The interior minister, Rosa Paredes, has declared ..."
    apposed = (lede.start + cut.end(), lede.start + len(subject)) if cut is not None and cut.group(0) == "," else None
    for a, b, kind in mentions:
        if kind in NOT_ACTORS:
            continue
        if a <= at < b or apposed and apposed[0] <= a and b <= apposed[1] and kind == "person":
            return True
        if begin <= a and b <= at and not RE_POSSESSIVE.match(lede.text, b - lede.start):
            return True  # a name before the head noun, not a possessive ("The EU presidency")
    return False



RE_QUOTED = re.compile(r"[\"“][^\"”]*[\"”]")


def names_speaker(records: list, people: set[str], unnamed_too: bool = False) -> bool:
    """Whether a telling whose speaker was not resolved names one of ``people`` as its speaker: a
    quotation naming the person in its frame ("'...,' said US President Joe Biden on Friday"), or a
    sentence without a source whose frame names the person with a verb of saying ("Press secretary
    Ana Ruiz, during a briefing on Wednesday, said ..."). The person's surname counts, outside the
    quotation marks. People are known by ids ending in their name ("kb:person:joe-biden"). With
    ``unnamed_too``, a telling whose source is only an anonymous one counts as without a source."""
    surnames = {p.rsplit(":", 1)[-1].rsplit("-", 1)[-1] for p in people}
    surnames = {n for n in surnames if len(n) > 2}
    for r in records:
        source = getattr(r, "source", None)
        if source and not (unnamed_too and getattr(r, "source_kind", None) == "anonymous") or not surnames:
            continue
        frame = RE_QUOTED.sub(" ", r.text).lower()
        if getattr(r, "source_kind", None) != "quoted" and not RE_SAYING.search(frame):
            continue
        if any(re.search(rf"\b{re.escape(n)}\b", frame) for n in surnames):
            return True
    return False
