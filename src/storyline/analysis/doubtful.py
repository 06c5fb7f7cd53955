"""Doubtful entries of the chronology: dated records that tell no happening of their date (among them a
judgement of a dated happening), subjects that do not act, and tellings of a speech whose speaker was not
resolved; and the nouns of happenings a date written before them places.

The timeline (analysis/timeline.py) prefers leaving a doubtful entry out to listing it: a month
that is the report's own ("this month", "a conflict beginning in February" written in February) or a
tally over a stretch ("198 civilians killed so far") places nothing on a day.
"""

from __future__ import annotations

import re

from storyline.analysis.dating import RE_WORD_AT
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


HAPPENING_NOUNS = frozenset(
    "invasion invasions incursion attack attacks airstrike airstrikes raid raids assault offensive bombing bombings "
    "shelling strike strikes massacre shooting killing killings assassination ambush explosion explosions blast blasts "
    "earthquake quake eruption landslide flood floods fire storm cyclone hurricane typhoon tornado spill crash collapse "
    "capsizing sinking derailment coup mutiny uprising vote votes ballot election elections referendum runoff "
    "signing signings capture seizure annexation arrest arrests walkout walkouts stoppage protest protests "
    "demonstration demonstrations riot riots blockade summit".split())
"""Nouns of a happening: a day written before one ("the February 24 invasion", "the 3 May blast", "the 12 March
walkout") dates it."""
SURVEY_NOUNS = frozenset("poll polls survey surveys census".split())
"""Nouns of a survey: a day or a month written before one ("the Axios/Ipsos March survey showed ...", "a 4 June
poll found ...") dates when it was taken, the happening the figures it gives come from. A month before a
publication named by its period ("the May jobless figures", "its January forecast") dates no happening."""
ASSESSING = frozenset(
    "underlined underscored highlighted illustrated demonstrated exposed reflected signalled signaled showed proved "
    "deepened".split())
"""Verbs that judge what something meant ("the blast on Tuesday underlined how stretched the crews are")."""
ASSESSED = HAPPENING_NOUNS | frozenset(
    "bomb bombs decision move talks meeting visit speech announcement ruling verdict resignation closure outage "
    "defeat victory deal agreement".split())
"""Nouns of what is judged: a happening or an act named as the subject of a verb of judging."""
RE_NOUN_WORD = re.compile(r"[a-z]+")
RE_PUBLICATION = re.compile(r"\b(?:polls?|surveys?|census|studies|study|reports?|data|figures|statistics|numbers|"
                            r"images|imagery|photos|photographs|footage|videos?|documents?|records|papers|files|"
                            r"findings|results|tests?|audit|review|analysis|estimates?|accounts)\b", re.I)
"""What is released or put out: a subject that shows or reveals something is its finding, a release."""


def assessment(text: str, record: Statement, ref: TimeRef) -> bool:
    """Whether a record judges what a dated happening meant, the date in the subject and the verb one of
    judging (``ASSESSING``: "The strike on Monday exposed deep divisions in the cabinet", "A bomb near the capital
    last week underlined how ..."; the subject names a happening or an act, ``ASSESSED``): an assessment, the
    happening told only as its subject. Like an opinion it is no occurrence, whatever it names. A release's
    finding ("Figures released on Wednesday showed ...", "Images taken on Friday showed ...") is no assessment:
    its subject names what was put out."""
    if ref.head is None or not record.start <= ref.start < ref.end <= ref.head:
        return False
    m = RE_WORD_AT.match(text, ref.head)
    if m is None or m.group(0).lower() not in ASSESSING:
        return False
    # "Officials on Monday signalled ...": the doer's act, the date the verb's; only a happening judged counts.
    if not ASSESSED.intersection(RE_NOUN_WORD.findall(text[record.start:ref.start].lower())):
        return False
    return RE_PUBLICATION.search(text, record.start, ref.head) is None


RE_HAS = re.compile(r"\b(?:has|have)\b")
RE_SUBJECT_CUT = re.compile(r",|\s(?:in|of|on|over|from|against|by|for|with|at|to|that|who|which|amid|after)\s")
RE_HEAD_WORD = re.compile(r"[\w’'\-]+")
RE_PLURAL = re.compile(r"[a-z]s$")
RE_POSSESSIVE = re.compile(r"['’]s?\b|['’]")
NOT_ACTORS = frozenset({"place", "other"})


def acting_subject(lede: Statement, mentions: list[tuple[int, int, str | None]], verb_at: int | None = None) -> bool:
    """Whether the subject of a news-perfect lede is someone who acts, not a thing named after one
    ("The coup in Guinea-Bissau", "Vietnam's decision to halt exports"). Its head word (before a comma,
    a preposition or a clause) is a name or an actor's mention (``(start, end, type)`` in the report),
    or is led by an actor's name ("The European Union presidency") or followed by a person's in
    apposition ("The interior minister, Rosa Paredes,"), or is a plural of a body ("Members of the G7",
    "Ministers from ten countries"). ``verb_at``: where the lede's verb starts, when it is no "has"."""
    verb = RE_HAS.search(lede.text) if verb_at is None else None
    if verb is None and verb_at is None:
        return False
    subject = lede.text[:verb.start() if verb is not None else verb_at]
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
