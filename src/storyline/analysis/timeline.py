"""The timeline: dated happenings in time order, merged across reports, with forecasts and background apart."""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable

from storyline.analysis.corpus import Corpus
from storyline.analysis.dating import (
    RE_CAPTION_DATE, RE_OCCASION_BEFORE, RE_PRENOMINAL, RE_WORD_AT, line_at, participle_history, past_word,
    places, prenominal,
    caption_line, quoted_at, tabular, week_as_month,
)
from storyline.analysis.doubtful import HAPPENING_NOUNS, RE_SAYING, SURVEY_NOUNS, assessment, own_month, tally
from storyline.analysis.happenings import (
    NOT_HAPPENED, RE_NEWS_PERFECT, RE_NEWS_TELLING, RE_SPEECH_NOUN, REPORT, STATE_PREDICATES, TELLING,
    TELLING_PARTICIPLES, leans_back, lede_dating,
    merge_happenings, rare_words, retold_lede, speech_lede, telling_lede,
)
from storyline.models import Cluster, Event, Statement, TimelineEntry, TimeRef
from storyline.nlp.dates import date_interval
from storyline.store.records import record_id

# Statements of what happened or will: an opinion, a recommendation or a question is not an
# occurrence, even when it names a date.
TIMELINE_KINDS = {"fact", "estimate", "prediction"}
NOT_OCCURRENCES = {"opinion", "recommendation", "question"}
FORECAST_STATUSES = {"expected"}
PRECISION_OF_LENGTH = {10: "day", 7: "month", 4: "year"}
BACKGROUND_DAYS = 14
"""A date ending more than this many days before the story's first report is background: the context
the reports recall ("last year", "In February the border closed", in a report of June), not the
chronology they tell, unless it is a day (see ``HISTORY_DAYS``). The story spans all its reports: what
a later report recalls of the months the story covers ("On 10 April the owners were charged", in a
report of May on a ferry lost in March) is its chronology, the only telling of that happening there may be."""
HISTORY_DAYS = 183
"""A happening dated to its day up to this many days (half a year) before the story's first report stays
on the chronology when a report tells it in its first half (see ``DEEP_SHARE``): the run-up a reader places
("the invasion on 24 February", told early in a report of July; "the report published on 6 June"). Told
only deep in its reports, below the news, it is their background ("As reported, at a donors' conference on
5 May the president pledged ...", a recap of the spring in a report of June); older days are the story's
history ("the water board cut supplies on August 20", in a report of June; "On 20 March 2003, bombs fell on ...")."""
CONFLICT_DAYS = 3
"""Dates of one cluster at most this many days apart are one happening dated differently; farther
apart, similar sentences tell of different happenings (two ceasefires, two tolls)."""
# Verbs of telling: a dated telling of a sentence that dates what it tells ("the typhoon came ashore on
# Monday, the council said on Tuesday") is how the news came, not a second happening.
TELLING_HEADS = frozenset({"said", "says", "told", "tells", "added", "stated", "reported", "reports", "noted"})
CATEGORY_ORDER = {"happened": 0, "forecast": 1, "background": 2}
RE_NEGATED_VERB = re.compile(r"\b(?:not|never|n['’]t|no\s+longer)\s+(?:\w+\s+){0,1}\Z", re.I)
"""A negation just before a verb ("did not say", "has never told"): the telling did not happen."""


def _refs_in(record: Event | Statement, times: dict[str, list[TimeRef]], starts: dict[str, list[int]]) -> list[TimeRef]:
    doc_starts = starts.get(record.doc, [])
    lo, hi = bisect.bisect_left(doc_starts, record.start), bisect.bisect_left(doc_starts, record.end)
    return times.get(record.doc, [])[lo:hi]


def _record_excluded(corpus: Corpus, record: Event | Statement) -> bool:
    """Captions, and table rows run together into one record."""
    text = corpus.documents.get(record.doc, {}).get("text") or ""
    return bool(caption_line(line_at(text, record.start)[1]) or RE_CAPTION_DATE.search(record.text)) \
        or tabular(record.text)


def _dating(corpus: Corpus, record: Event | Statement, refs: list[TimeRef]) -> TimeRef | None:
    """The time expression that dates the record: the one that gave its date if it can place a
    happening, else the first one inside it that can. Records stored without their time
    expressions keep their own date."""
    quoted = getattr(record, "source_kind", None) == "quoted"
    if not refs and not quoted:
        return TimeRef(record.doc, record.start, record.start, "", record.date,
                       PRECISION_OF_LENGTH.get(len(record.date or ""), "day")) if record.date else None
    text = corpus.documents.get(record.doc, {}).get("text") or ""
    published = corpus.documents.get(record.doc, {}).get("published")
    usable = [w for w in (week_as_month(t, published) for t in refs) if places(text, w)]
    # A week read as its month dates the record only when nothing in it gives a date of its own.
    usable.sort(key=lambda t: t not in refs)
    if quoted:
        # The words of a quotation date nothing; the speech itself is the happening, dated by its
        # frame when the record holds one ("Speaking on Wednesday, the minister said: \u201c...\u201d").
        marks = any(m in record.text for m in ('"', "\u201c", "\u201d"))  # a last quoted sentence holds only the closing mark
        usable = [t for t in usable if marks and not quoted_at(text, record.start, t.start)]
    # A date written before a noun names the thing ("upgraded its January forecast"), not when the
    # sentence's verb happened: it never dates the record.
    plain = [t for t in usable if not prenominal(text, t)]
    # A participle's date beside a date of the sentence's own verb ("The bridge destroyed in November reopened
    # on Monday") tells a participant's history: the verb's date dates the record.
    plain = [t for t in plain if not _history_beside(text, t, plain) and not _in_relative_clause(text, record, t)]
    return next((t for t in plain if t.value == record.date), plain[0] if plain else None)


RE_CAME_AS = re.compile(r"\A(?:[\w\u2019'.\-]+,?\s{1,3}){1,8}?(?:came|comes)\s{1,3}(?:just\s{1,3}|only\s{1,3})?as\s{1,3}"
                        r"(?P<clause>[^;:\u2013\u2014]+)")
"""A sentence telling that what the sentence before told "came as" something else happened ("The shelling came as
trade ministers opened their meeting in Lisbon", "Her remarks came as the port authority reopened two berths")."""
RE_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|its|their|his|her|this|that|these|those)\s{1,3}\Z", re.I)


NOT_PAST_AUXILIARIES = frozenset("is are am has have will would can could may might shall should must".split())


def _past_clause(text: str, start: int, end: int) -> bool:
    """Whether the clause's verb is a past act: a past word (not straight after a determiner, "the embattled")
    comes before any auxiliary of the present, the perfect or the future ("negotiations are continuing behind
    closed doors" is no past act)."""
    for n, w in enumerate(RE_WORD_AT.finditer(text, start, end)):
        if w.group(0).lower() in NOT_PAST_AUXILIARIES:
            return False
        if n and past_word(text, w.start()) and not RE_DETERMINER_BEFORE.search(text, max(0, w.start() - 8), w.start()):
            return True
    return False


CAME_AS_BACK = 3
"""How many sentences back a "came as" sentence looks for what it speaks of ("The strikes ...")."""


def _came_as(corpus: Corpus, record: Statement, before: list[Statement], refs: dict, lede: Statement | None) -> TimeRef | None:
    """The day of a happening told only as the moment another "came as" it ("Rockets have hit the port
    overnight. Warehouses near the quay burned ..." / "The shelling came as trade ministers opened their meeting
    in Lisbon."): the day of the nearest of the ``CAME_AS_BACK`` sentences ``before`` it (nearest last) that is on
    the timeline with a day (``refs`` holds those), or is its report's lede telling in the news perfect or present
    what has just happened (the report's day); the clause after "as" must tell a past act ("began", "said").
    Ongoing states ("as efforts are sought", "as tensions have intensified") and what came hours or days after
    something ("came a day after ...") place nothing."""
    if record.date or record.kind not in TIMELINE_KINDS or record.status in NOT_HAPPENED \
            or getattr(record, "source_kind", None) == "quoted" or _told_ahead(record):
        return None
    m = RE_CAME_AS.match(record.text)
    if m is None:
        return None
    text = corpus.documents.get(record.doc, {}).get("text") or ""
    at = record.start + m.start("clause")
    if not _past_clause(text, at, record.start + m.end("clause")):
        return None
    published = str(corpus.published(record.doc) or "")[:10]
    for earlier in reversed(before[-CAME_AS_BACK:]):
        ref = refs.get(id(earlier))
        if ref is not None:
            if ref.ahead or _told_ahead(earlier) or len(ref.value or "") != 10:
                return None
            return TimeRef(record.doc, record.start, record.start, "", ref.value, ref.precision)
        if earlier is lede and published and not earlier.date and (RE_NEWS_PERFECT.match(earlier.text)
                                                                    or RE_NEWS_TELLING.match(earlier.text)):
            return TimeRef(record.doc, record.start, record.start, "", published, REPORT)
    return None


RE_RELATIVE_PRONOUN = re.compile(r"\b(?:who|whom|whose|which)\b", re.I)
RE_CLAUSE_END = re.compile(r"[;:\"\u201c\u201d()]")


def _in_relative_clause(text: str, record: Event | Statement, ref: TimeRef) -> bool:
    """Whether the date attaches to a verb inside a relative clause that follows the record's own predicate ("Now
    exports leave through the river, access to which was opened after troops retook the island in June"): it
    tells the history of a participant, however far into the clause, not when the sentence's verb happened.
    "Officials who spoke on condition of anonymity said troops left on Monday" keeps its date: the predicate
    ("leave") is not before the pronoun."""
    predicate = getattr(record, "predicate", None)
    if not predicate or ref.head is None or not record.start <= ref.head < ref.start:
        return False
    pronouns = [m for m in RE_RELATIVE_PRONOUN.finditer(text, record.start, ref.head)]
    if not pronouns or RE_CLAUSE_END.search(text, pronouns[-1].end(), ref.start):
        return False
    stem = re.escape(predicate[:-1] if len(predicate) > 4 and predicate.endswith("e") else predicate)
    verb = re.search(rf"\b{stem}\w*", text[record.start:pronouns[-1].start()], re.I)
    return verb is not None and record.start + verb.start() != ref.head


RE_VERB_NEXT = re.compile(r"[\s,]{1,4}(?:(?:was|were|is|are|has|have|had|been|later|then)\s{1,3})*")


def _history_beside(text: str, ref: TimeRef, refs: list[TimeRef]) -> bool:
    """Whether ``ref`` dates a participle after a noun (``dating.participle_history``) and the sentence's own verb,
    dated by another of its time expressions, follows straight after the date ("The bridge destroyed in November
    reopened to traffic on Monday", "The envoy, appointed in May, resigned on Friday"): the participant's history,
    not a happening the sentence tells. "The dam burst on Monday and the river fell on Tuesday" tells two."""
    if not participle_history(text, ref) or (m := RE_VERB_NEXT.match(text, ref.end)) is None:
        return False
    return any(u is not ref and u.head == m.end() for u in refs)


def _other_happenings(corpus: Corpus, record: Statement, dating: TimeRef, refs: list[TimeRef]) -> list[TimeRef]:
    """Dates on other predicates of the same sentence ("exercises were held from 10 May, and on 13
    May manoeuvres began"): each dates a happening of its own, told by the same record."""
    if dating.head is None or getattr(record, "kind", None) == "prediction" or record.status in FORECAST_STATUSES:
        return []  # the other dates of a forecast are the forecast's
    text = corpus.documents.get(record.doc, {}).get("text") or ""
    out: list[TimeRef] = []
    seen = {(dating.head, dating.value)}
    for t in refs:
        if t.head is None or t.head == dating.head or t.ahead or t.precision != "day" or t.value == dating.value:
            continue
        if not places(text, t) or (t.head, t.value) in seen or quoted_at(text, record.start, t.start):
            continue
        if RE_PRENOMINAL.search(text[max(0, t.start - 12):t.start]) or prenominal(text, t):
            continue
        if any(restates(text, r, t) for r in refs) or _history_beside(text, t, refs) \
                or _in_relative_clause(text, record, t):
            continue  # "on Monday (6 February)": one day written twice, however the parser hung the second
        if (m := RE_WORD_AT.match(text, t.head)) is not None and m.group(0).lower() in TELLING_HEADS:
            continue  # "Venezuela's 28 July election": the date names a thing the sentence mentions
        seen.add((t.head, t.value))
        out.append(t)
    return out


RE_NOUN_AFTER = re.compile(r"\s{1,3}(?P<noun>[a-z][a-z\-]{1,30})\b")
RE_NAMED_BEFORE = re.compile(r"(?:['’]s|\b(?i:the|a|an|its|their|his|her|this|that))\s+"
                             r"(?:[A-Z][\w/&.’'\-]*\s+){1,3}$")
"""A determiner and a name or two before a date ("the Axios/Ipsos March survey", "a Gallup 4 June poll")."""


def _named_happenings(corpus: Corpus, record: Statement, dating: TimeRef | None, refs: list[TimeRef]) -> list[TimeRef]:
    """Days written before a noun of a happening (``HAPPENING_NOUNS``), after a determiner or a possessive
    ("troops massed there before the February 24 invasion", "since the country's 3 May blast"): whatever the
    sentence's verb tells, the happening it names took place that day, told by the same record. A survey
    (``SURVEY_NOUNS``) is dated so by its day or its month, a name or two allowed between the determiner and the
    date ("The Axios/Ipsos March survey showed ..."). A day after the report is what lies ahead, and a
    quotation's words date nothing."""
    if getattr(record, "kind", None) == "question" or record.status in {"negated", "denied"}:
        return []
    text = corpus.documents.get(record.doc, {}).get("text") or ""
    report = date_interval(str(corpus.published(record.doc) or "")[:10] or None)
    out: list[TimeRef] = []
    for t in refs:
        if t.precision not in {"day", "month"} or t.ahead or not t.value \
                or (dating is not None and t.value == dating.value):
            continue
        before = text[max(0, t.start - 40):t.start]
        if not (RE_PRENOMINAL.search(before[-12:]) or RE_NAMED_BEFORE.search(before)) \
                or quoted_at(text, record.start, t.start):
            continue
        noun = RE_NOUN_AFTER.match(text, t.end)
        nouns = HAPPENING_NOUNS if t.precision == "day" else frozenset()
        span = date_interval(t.value)
        if noun is None or noun["noun"] not in nouns | SURVEY_NOUNS or span is None \
                or report is not None and span[0] > report[1]:
            continue
        if t.value not in {n.value for n in out}:
            out.append(t)
    return out


RE_RESTATING = re.compile(r"[\s,(\[\u2013\u2014-]{1,4}")
RE_WEEKDAY = re.compile(r"\A(?:on\s)?(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.I)


def restates(text: str, before: TimeRef, ref: TimeRef) -> bool:
    """Whether ``ref``, a calendar date, follows a weekday ``before`` with only a comma, a dash or an
    opening bracket between them ("Monday (February 6)", "Sunday, 12 March"): one day written twice,
    no second happening, whatever the two say (a list of weekdays, "Monday, Tuesday", is no restating)."""
    return before is not ref and before.end <= ref.start and RE_WEEKDAY.match(before.text) is not None \
        and RE_WEEKDAY.match(ref.text) is None and RE_RESTATING.fullmatch(text, before.end, ref.start) is not None


def _dates_a_past_act(text: str, ref: TimeRef) -> bool:
    """Whether the date attaches to a verb in the past ("said on Friday that ... will", "agreed on
    Tuesday to ..."): the act is a happening even when what it tells lies ahead. Unknown (no parse
    head) counts as past."""
    return ref.head is None or ref.precision == REPORT or past_word(text, ref.head)


def _after_report(when: tuple[dt.date, dt.date] | None, published: str | None) -> bool:
    """Whether a date (as ``date_interval`` gives it) begins after its report's day: what lies ahead."""
    report = date_interval(str(published)[:10] if published else None)
    return when is not None and report is not None and when[0] > report[1]


def _category(record: Event | Statement, ref: TimeRef | None, published: str | None, earliest: dt.date | None,
              text: str, deep: bool = False) -> str:
    """``forecast`` for dates in a clause about what will or would happen (``TimeRef.ahead``) and
    dates after the report; ``background`` for dates well before the story's first report (see
    ``BACKGROUND_DAYS`` and ``HISTORY_DAYS``; ``deep``: every report tells it in its second half), dates
    known only to their year ("profits rose in 2022") and words dated only by their month (see
    ``_said_in_month``); else ``happened``. A prediction dated by its telling ("said on Friday that an attack will ...") is
    the telling, a happening; without a time expression to read,
    predictions and expectations are forecasts, and so are those whose date attaches to a verb that
    is no past act ("On Monday the chancellor will go to Kyiv", see ``_dates_a_past_act``)."""
    past_act = ref is None or _dates_a_past_act(text, ref)
    when = date_interval(ref.value if ref is not None else record.date)
    report = date_interval(str(published)[:10] if published else None)
    start = earliest or (report[0] if report else None)
    recalled = when is not None and start is not None and when[1] < start - dt.timedelta(days=BACKGROUND_DAYS)
    if ref is not None and ref.ahead:
        # What lay ahead well before the story is history by now ("blocked its accession in 2008,
        # which would have ..."): background, never a forecast.
        return "background" if recalled else "forecast"
    if (ref is None or not past_act) and not recalled and _told_ahead(record):
        return "forecast"
    if _after_report(when, published):
        return "forecast"
    if recalled and not (when[0] == when[1] and not _told_ahead(record) and not deep
                         and when[1] >= start - dt.timedelta(days=HISTORY_DAYS)):
        return "background"
    if ref is not None and ref.precision == "year":
        return "background"  # a year cannot be ordered against the days of the story: it is context
    if ref is not None and _said_in_month(text, ref):
        return "background"
    return "happened"


RE_CALLING = re.compile(r"\b(?:called|urged|appealed|asked|demanded|pleaded)\b")


def _dated_occasion(text: str, record: Statement, ref: TimeRef) -> bool:
    """Whether a call's date names the occasion it was made on, after a past verb of calling ("X called
    for a tribunal in a late night address Wednesday"): the parser hangs the day on the occasion's noun,
    but the call was made that day."""
    if not record.start <= ref.start <= record.end:
        return False
    if RE_OCCASION_BEFORE.search(text, max(record.start, ref.start - 60), ref.start) is None:
        return False
    verb = RE_CALLING.search(text, record.start, ref.start)
    return verb is not None and past_word(text, verb.start())


def _past_call(corpus: Corpus, ref: TimeRef, record: Statement | None = None) -> bool:
    """Whether a call's date attaches to a verb read as past ("called on Monday for ...", "urged
    on Tuesday"), or names the occasion of a past call (``_dated_occasion``), not to what is asked
    ("called for talks on Friday") nor to an unparsed sentence."""
    text = corpus.documents.get(ref.doc, {}).get("text") or ""
    if ref.head is None or ref.precision == REPORT or ref.ahead:
        return False
    return _dates_a_past_act(text, ref) or record is not None and _dated_occasion(text, record, ref)


def _dated_telling(corpus: Corpus, record: Statement, ref: TimeRef) -> bool:
    """Whether the record's date attaches to a source's verb of telling in the past ("said on Sunday",
    "told reporters on Wednesday", "warned on Friday"), itself not negated ("did not say on Monday") nor
    a question. The source may be unnamed ("officials said on Monday"), or left unread in a frame that
    follows a dash ("... around Ukraine - said on Friday the foreign minister"): someone spoke that day."""
    if record.kind == "question" or record.source_kind is None or ref.head is None or ref.ahead:
        return False
    text = corpus.documents.get(record.doc, {}).get("text") or ""
    m = RE_WORD_AT.match(text, ref.head)
    if m is None or m.group(0).lower() not in TELLING_PARTICIPLES or not past_word(text, ref.head):
        return False
    # What is said may be negated or denied ("said the war was not prevented"); the saying may not be.
    return RE_NEGATED_VERB.search(text[max(0, ref.head - 24):ref.head]) is None


def _tells_no_act(corpus: Corpus, record: Statement, ref: TimeRef) -> bool:
    """Whether a dated telling tells no act: a state ("the port is shut, the agency said on Monday", admitted
    only by its dated telling), or words the proposition did not read, the date on a plain verb of telling
    that is itself the record's predicate, with nothing it acts on ("X said on Tuesday that ..."). As for a
    view, the speaking is what happened; told only deep in its reports, it is colour (see ``build_timeline``).
    Words given at a named occasion (an interview, a press conference, a speech) are an appearance: an act."""
    if RE_SPEECH_NOUN.search(record.text):
        return False
    if record.predicate in STATE_PREDICATES:
        return True
    text = corpus.documents.get(record.doc, {}).get("text") or ""
    m = RE_WORD_AT.match(text, ref.head) if ref.head is not None else None
    return m is not None and m.group(0).lower() in TELLING_HEADS and record.predicate in TELLING \
        and record.theme is None


RE_WITHIN_MONTH = re.compile(r"\b(?:week|weekend|earlier\s+this\s+month)\b", re.I)


def _told_within(text: str, ref: TimeRef) -> bool:
    """Whether a source's words are dated only by the week or the part of the month they were said in
    ("told CNN earlier this week that ...", "said last week he hoped ..."): an act so dated is placed in
    its month ("resigned last week"), but words are a happening only of the day they were said."""
    if ref.precision != "month" or ref.head is None or not RE_WITHIN_MONTH.search(ref.text):
        return False
    m = RE_WORD_AT.match(text, ref.head)
    return m is not None and m.group(0).lower() in TELLING_PARTICIPLES | TELLING_HEADS


CLAIMING = frozenset("claimed alleged admitted acknowledged argued suggested complained described branded labelled "
                     "labeled dubbed".split())
"""Verbs of putting words forward ("the operator claimed in March that ...", "described the plan in May as a
betrayal"): like saying, words only."""


def _said_in_month(text: str, ref: TimeRef) -> bool:
    """Whether a month alone dates a verb of saying or claiming ("Last month the agency warned that ...", "In
    late June, the adviser said talks were expected", "the operator claimed in March that ..."): words are a
    happening only of the day they were said, so words placed in a month are what the reports recall around
    their news, its background. An act so dated stays on the chronology ("the agency published its report in
    March", "the court issued a warrant last month")."""
    if ref.precision != "month" or ref.head is None:
        return False
    m = RE_WORD_AT.match(text, ref.head)
    return m is not None and (RE_SAYING.fullmatch(word := m.group(0).lower()) is not None or word in CLAIMING)


DEEP_SHARE = 0.5
"""A record starting past this share of its report's text lies in the report's second half: below the news
of the day an inverted-pyramid report leads with, where it gives colour, reactions and background."""


def _deep(corpus: Corpus, record: Event | Statement) -> bool:
    """Whether the record lies in its report's second half (see ``DEEP_SHARE``)."""
    text = corpus.documents.get(record.doc, {}).get("text") or ""
    return bool(text) and record.start > DEEP_SHARE * len(text)


def _told_ahead(record: Event | Statement) -> bool:
    """A record that tells what someone expects, not what was done."""
    return getattr(record, "kind", None) == "prediction" or record.status == "expected"


def _opinion_spans(corpus: Corpus) -> dict[str, list[tuple[int, int]]]:
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for s in corpus.statements:
        if s.kind in NOT_OCCURRENCES:
            spans[s.doc].append((s.start, s.end))
    return spans


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a <= start and end <= b for a, b in spans)


def _disagreeing(dates: list[str]) -> list[str]:
    """The distinct dates when at least two of them cannot be the same day; else nothing."""
    distinct = list(dict.fromkeys(d for d in dates if d))
    spans = [date_interval(d) for d in distinct]
    for i, a in enumerate(spans):
        for b in spans[i + 1:]:
            if a is not None and b is not None and (a[1] < b[0] or b[1] < a[0]):
                return distinct
    return []


def _by_happening(key: tuple, members: list, when) -> list[tuple[tuple, list]]:
    """A cluster's members split where their dates (``when(record)``) lie more than ``CONFLICT_DAYS`` apart."""
    if key[0] != "cluster" or len(members) < 2:
        return [(key, members)]
    ordered = sorted(members, key=lambda r: date_interval(when(r)) or (dt.date.max, dt.date.max))
    parts, current, end = [], [], None
    for r in ordered:
        span = date_interval(when(r))
        if current and (span is None or end is None or (span[0] - end).days > CONFLICT_DAYS):
            parts.append(current)
            current, end = [], None
        current.append(r)
        end = max(end, span[1]) if end and span else (span[1] if span else None)
    parts.append(current)
    return [((*key, n), part) for n, part in enumerate(parts)]


def build_timeline(corpus: Corpus, clusters: Iterable[Cluster] | None = None) -> list[TimelineEntry]:
    """Dated happenings in date order, then forecasts, then background; each cites its sentences.

    What goes in: events and statements (facts, estimates, predictions) whose own text gives a
    date; not opinions, recommendations or questions (nor events inside them), not what is said
    not to have happened or only possibly to have (``negated``, ``denied``, ``possible``), not
    states ("the package approved on Saturday includes ..."), not photo captions, and not a date
    that only comes from a dateline, a week across two months (a week in one month dates an act by that
month, see ``dating.week_as_month``), "today", "since" or "this month"; not tallies ("killed
    so far") nor the report's own month on no past verb (analysis/doubtful.py). A date in a future,
    conditional or planned clause (``TimeRef.ahead``) makes a forecast; dates on two predicates of one
    sentence are two happenings. A report's publication date dates only its lede, and only when
    the lede tells in the news perfect what someone has just done (``undated``, precision
    ``report``): any other undated sentence is not chronology. Identical events (same type,
    actors and date), statements of one cluster, and entries of one day that tell one happening
    (analysis/happenings.py) are one entry listing every report; when the reports of one entry
    give dates that cannot be the same day, the entry lists them all and is flagged
    (``date_conflict``). A statement holding an event that is already listed is not listed again. A source's
    dated telling of a view, a possibility or a state (``_tells_no_act``) told only deep in its reports
    (``_deep``) is colour and left out.
    """
    order = {doc: n for n, doc in enumerate(corpus.documents)}
    times: dict[str, list[TimeRef]] = defaultdict(list)
    for t in sorted(corpus.times, key=lambda t: (t.doc, t.start)):
        times[t.doc].append(t)
    starts = {doc: [t.start for t in ts] for doc, ts in times.items()}
    opinions = _opinion_spans(corpus)
    published = [date_interval(str(p)[:10]) for p in (corpus.published(d) for d in corpus.documents) if p]
    earliest = min((p[0] for p in published if p), default=None)
    refs: dict[int, TimeRef | None] = {}
    seen: dict[int, tuple[Event | Statement, bool]] = {}  # the record is held, so its id stays its own

    def excluded(record: Event | Statement) -> bool:
        """``_record_excluded``, read once a record: several passes below ask of the same statements."""
        if id(record) not in seen:
            seen[id(record)] = (record, _record_excluded(corpus, record))
        return seen[id(record)][1]

    def usable(record: Event | Statement) -> bool:
        if not record.date or excluded(record):
            return False
        refs[id(record)] = ref = _dating(corpus, record, _refs_in(record, times, starts))
        if ref is None:
            return False
        published = corpus.published(record.doc)
        text = corpus.documents.get(record.doc, {}).get("text") or ""
        if own_month(ref, published, _dates_a_past_act(text, ref)) or tally(record):
            return False  # the report's own month, a count so far: no happening of a day
        if _told_within(text, ref):
            return False
        return not (len(ref.value) == 4 and published and str(published)[:4] == ref.value)  # "this year"

    def when(record: Event | Statement) -> str:
        return refs[id(record)].value

    groups: dict[tuple, list[Event | Statement]] = defaultdict(list)
    events_by_doc: dict[str, list[int]] = defaultdict(list)
    for e in corpus.events:
        if e.status in NOT_HAPPENED or _inside(opinions.get(e.doc, []), e.start, e.end) or not usable(e):
            continue
        events_by_doc[e.doc].append(e.start)
        actors = tuple(sorted(set(e.actors)))
        # Events without actors never merge.
        ahead = e.status in FORECAST_STATUSES or refs[id(e)].ahead  # a forecast that came true stays apart
        key = ("event", e.type, actors, when(e), ahead) if actors else ("event", record_id("e", e))
        groups[key].append(e)
    for starts_list in events_by_doc.values():
        starts_list.sort()
    cluster_of = {sid: c.id for c in clusters or () for sid in c.statements}
    words_only: set[int] = set()  # records on the timeline only as a dated telling of a view, a possibility or a state
    for s in corpus.statements:
        if s.predicate in STATE_PREDICATES and not (usable(s) and _dated_telling(corpus, s, refs[id(s)])):
            continue  # a state, unless a source's dated telling of it ("the agency said on Monday the port is shut")
        if s.kind == "recommendation":
            # A call told as a dated past act ("rejected the result on Monday and called for a
            # recount"): the calling happened that day; its status judges what is asked, not the act.
            if s.status in {"negated", "possible"} or not usable(s) or not _past_call(corpus, refs[id(s)], s):
                continue
        elif s.kind not in TIMELINE_KINDS or s.status in NOT_HAPPENED:
            # A source's dated speaking is a happening whatever it says ("X told reporters on Wednesday
            # that the build-up is insufficient for an offensive", "Russia may be forced to ..., Y said
            # Sunday"): the view or the possibility is what was said, the saying is what happened.
            if not usable(s) or not _dated_telling(corpus, s, refs[id(s)]):
                continue
            words_only.add(id(s))
        elif not usable(s):
            continue
        if assessment(corpus.documents.get(s.doc, {}).get("text") or "", s, refs[id(s)]):
            continue  # the author's judgement of a dated happening: like an opinion, no occurrence
        if _tells_no_act(corpus, s, refs[id(s)]):
            words_only.add(id(s))
        doc_events = events_by_doc.get(s.doc, [])
        if bisect.bisect_left(doc_events, s.start) < bisect.bisect_left(doc_events, s.end):
            continue  # an event inside it is already on the timeline
        cluster = cluster_of.get(record_id("s", s)) or getattr(s, "cluster", None)
        ahead = _told_ahead(s) or refs[id(s)].ahead  # what a report said would happen is no telling of it
        key = ("cluster", cluster, ahead) if cluster else ("statement", record_id("s", s))
        groups[key].append(s)
        for n, ref in enumerate(_other_happenings(corpus, s, refs[id(s)], _refs_in(s, times, starts)), 1):
            told = dataclasses.replace(s, date=ref.value)
            refs[id(told)] = ref
            groups[("statement", record_id("s", s), n)].append(told)

    for s in corpus.statements:
        if excluded(s):
            continue
        for ref in _named_happenings(corpus, s, refs.get(id(s)), _refs_in(s, times, starts)):
            named = dataclasses.replace(s, date=ref.value)
            refs[id(named)] = ref
            groups[("statement", record_id("s", s), "named", ref.start)].append(named)

    mentions: dict[str, list[tuple[int, int, str | None]]] = defaultdict(list)
    for m in corpus.mentions:
        mentions[m.doc].append((m.start, m.end, m.type))
    ledes: dict[str, Statement] = {}
    for s in corpus.statements:
        if s.doc not in ledes or s.start < ledes[s.doc].start:
            ledes[s.doc] = s
    for s in ledes.values():
        ahead = refs.get(id(s)) is not None and (refs[id(s)].ahead or _told_ahead(s)
                                                 or _after_report(date_interval(refs[id(s)].value), corpus.published(s.doc)))
        if ahead and not excluded(s):
            # A lede telling that someone has just spoken of what lies ahead ("X has told a press conference
            # that he plans to call Y on Friday", "The utility says it is cutting supplies from Wednesday"):
            # Friday's call is a forecast, the telling is the news of the report's day.
            told = dataclasses.replace(s, date=None)
            if (ref := telling_lede(told, corpus.published(s.doc), past=False)) is not None:
                refs[id(told)] = ref
                groups[("statement", record_id("s", s), "told")].append(told)
            continue
        if id(s) in refs or excluded(s):
            continue
        if (found := speech_lede(s, groups, refs, corpus.published(s.doc))) is not None:
            key, refs[id(s)] = found
            groups[key].append(s)
        elif (ref := lede_dating(s, corpus.published(s.doc), mentions.get(s.doc, []))
              or telling_lede(s, corpus.published(s.doc))) is not None:
            rare = rare_words(corpus.documents.get(s.doc, {}).get("text") or "")
            if (found := retold_lede(s, corpus.published(s.doc), groups, refs, rare)) is not None:
                key, refs[id(s)] = found  # the lede's news, dated further down: that day, not the report's
                groups[key].append(s)
                continue
            refs[id(s)] = ref
            groups[("statement", record_id("s", s))].append(s)

    placed = {id(r) for members in groups.values() for r in members}
    # What "came as" another happened is another happening: it never merges into the one told before it.
    came_as: list[tuple[tuple, list]] = []
    by_doc: dict[str, list[Statement]] = defaultdict(list)
    for s in corpus.statements:
        by_doc[s.doc].append(s)
    for doc, told in by_doc.items():
        told.sort(key=lambda r: r.start)
        on_it = {id(r): refs[id(r)] for r in told if id(r) in placed}
        for n, s in enumerate(told):
            if id(s) in placed or excluded(s):
                continue
            if (ref := _came_as(corpus, s, told[:n], on_it, ledes.get(doc))) is not None:
                refs[id(s)] = ref
                came_as.append((("statement", record_id("s", s), "as"), [s]))

    parts = [split for key, members in groups.items() for split in _by_happening(key, members, when)]
    entries = []
    rare = {doc: rare_words(corpus.documents[doc].get("text") or "") for doc in {r.doc for _, m in parts for r in m}
            if doc in corpus.documents}
    amounts: dict[str, list[tuple[int, float, str]]] = defaultdict(list)
    for f in corpus.figures:
        if f.value is not None and f.counts:
            amounts[f.doc].append((f.start, f.value, f.counts))
    for key, members in [*merge_happenings(parts, when, refs, rare, amounts), *came_as]:
        members.sort(key=lambda r: (str(corpus.published(r.doc) or "9999"), order.get(r.doc, 0), r.start))
        # The record that tells it best: the one whose date comes first in its sentence, where it
        # frames the whole clause ("In a call on Monday, X told Y"), not a clause deep inside it; and
        # one telling what was done, not what someone said will be ("X has said there will be war"
        # joined to "X said on Wednesday ...": the speech happened, its forecast did not).
        # A telling admitted only as someone's words ("separatists accused the army on Thursday of ...")
        # tells the entry only when nothing states the happening itself ("the shelling on Thursday of a
        # kindergarten").
        # One that leans on the sentence before it ("Her post appeared on Monday") tells it only alone.
        first = min(members, key=lambda r: (refs[id(r)].precision == REPORT, id(r) in words_only, _told_ahead(r),
                                            leans_back(r), refs[id(r)].start - r.start) if len(members) > 1 else 0)
        ref = refs.get(id(first))
        deep = all(_deep(corpus, r) for r in members)
        if deep and all(id(r) in words_only for r in members):
            continue  # only someone's view or account of how things stand told deep in its reports: colour
        kind = "event" if isinstance(first, Event) else "statement"
        prefix = "e" if kind == "event" else "s"
        docs = list(dict.fromkeys(r.doc for r in members))
        evidence, seen = [], set()
        for r in members:
            if r.doc not in seen:
                seen.add(r.doc)
                evidence.append(corpus.sentence_evidence(r.doc, r.start))
        conflict = _disagreeing([when(r) for r in members])
        entry = TimelineEntry(
            date=when(first), precision=ref.precision,
            ref=record_id(prefix, first), kind=kind, text=" ".join(first.text.split()), docs=docs,
            category=_category(first, ref, corpus.published(first.doc), earliest,
                               corpus.documents.get(first.doc, {}).get("text") or "", deep),
            evidence=evidence,
            undated=ref.precision == REPORT,
            dated_by=list(dict.fromkeys(r.doc for r in members if refs[id(r)].precision != REPORT)),
            dates=conflict, date_conflict=bool(conflict),
        )
        entries.append(((CATEGORY_ORDER[entry.category], entry.date, order.get(first.doc, 0), first.start, entry.ref), entry))
    entries.sort(key=lambda pair: pair[0])
    return [entry for _, entry in entries]


def split_timeline(entries: Iterable[TimelineEntry]) -> tuple[list[TimelineEntry], list[TimelineEntry], list[TimelineEntry]]:
    """The chronology, the forecasts and the background, each in the order given.

    An analyst's timeline lists what happened on a date; what is expected or scheduled and the
    history the reports recall are lists of their own, so that neither reads as a happening."""
    parts: dict[str, list[TimelineEntry]] = {"happened": [], "forecast": [], "background": []}
    for entry in entries:
        parts[entry.category].append(entry)
    return parts["happened"], parts["forecast"], parts["background"]


def report_dates(corpus: Corpus) -> dict:
    """How many reports carry a publication date, for an honest header.

    ``dated``/``undated`` count original reports (copies counted once, with their original);
    ``earliest``/``latest`` span the dated ones; ``by_method`` says how dates were found
    (metadata, a "Published:" line, a dateline, a file name...).
    """
    originals = corpus.originals() if hasattr(corpus, "originals") else list(corpus.documents)
    dated = [d for d in originals if corpus.published(d)]
    values = sorted(str(corpus.published(d))[:10] for d in dated)
    methods: dict[str, int] = defaultdict(int)
    for d in dated:
        methods[corpus.documents[d].get("published_method") or "unknown"] += 1
    return {"reports": len(originals), "dated": len(dated), "undated": len(originals) - len(dated),
            "earliest": values[0] if values else None, "latest": values[-1] if values else None,
            "by_method": dict(methods)}
