"""The timeline: dated happenings in time order, merged across reports, with forecasts and background apart."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable

from storyline.analysis.corpus import Corpus
from storyline.ingest.debris import dateline_date
from storyline.models import Cluster, Event, Statement, TimelineEntry, TimeRef
from storyline.nlp.dates import date_interval
from storyline.store.records import record_id

NOT_HAPPENED = {"negated", "denied", "possible"}
# Statements of what happened or will: an opinion, a recommendation or a question is not an
# occurrence, even when it names a date.
TIMELINE_KINDS = {"fact", "estimate", "prediction"}
NOT_OCCURRENCES = {"opinion", "recommendation", "question"}
FORECAST_STATUSES = {"expected"}
PRECISION_OF_LENGTH = {10: "day", 7: "month", 4: "year"}
BACKGROUND_DAYS = 14
"""A date ending more than this many days before the earliest report is background: the context
the reports recall ("last year", "in February"), not the chronology they tell."""
PRESENT = {"today", "now", "currently", "at present", "these days", "nowadays", "right now"}
CONFLICT_DAYS = 3
"""Dates of one cluster at most this many days apart are one happening dated differently; farther
apart, similar sentences tell of different happenings (two ceasefires, two tolls)."""
CATEGORY_ORDER = {"happened": 0, "forecast": 1, "background": 2}
# Photo captions and credits: a caption's date is the photo's, and a caption is not a report.
CAPTION_RE = re.compile(
    r"\((?:AP|AFP|Reuters|EPA|Getty|Anadolu)\b[^)]{0,60}\)|\b(?:photo|photograph|image|picture)\s*(?:credit)?\s*[:/]"
    r"|\bfile (?:photo|image|picture)\b|\bGetty Images\b|\bvia Getty\b|^\s*(?:caption|pictured)\b",
    re.I,
)


def _time_ref(record: Event | Statement, times: dict[str, list[TimeRef]], starts: dict[str, list[int]]) -> TimeRef | None:
    """The time expression inside the record that gave its date."""
    doc_starts = starts.get(record.doc, [])
    lo, hi = bisect.bisect_left(doc_starts, record.start), bisect.bisect_left(doc_starts, record.end)
    for t in times.get(record.doc, [])[lo:hi]:
        if t.value == record.date:
            return t
    return None


def _line(text: str, offset: int) -> tuple[int, str]:
    """Start and text of the line holding ``offset``."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, text[start: end if end >= 0 else len(text)]


def _excluded(corpus: Corpus, record: Event | Statement, ref: TimeRef | None) -> bool:
    """Captions, and dates that only come from a dateline ("KYIV, Oct 30 (Reuters) -")."""
    text = corpus.documents.get(record.doc, {}).get("text") or ""
    line_start, line = _line(text, record.start)
    if CAPTION_RE.search(line):
        return True
    if ref is not None and " ".join(ref.text.lower().split()) in PRESENT:
        return True  # "today" dates a state of affairs, not a happening
    if getattr(record, "source_kind", None) == "quoted":
        return True  # the words of a quotation; the speech itself is the happening
    if ref is not None and (ref.text.lower().startswith("since ") or text[max(0, ref.start - 7):ref.start].lower().rstrip()
                            .endswith("since")):
        return True  # "no supplies since Saturday": the date opens a span, it does not date a happening
    if ref is not None and (raw := dateline_date(line)) is not None:
        at = line.find(raw)
        if at >= 0 and line_start + at <= ref.start < line_start + at + len(raw) + 2:
            return True  # the dateline dates the report, not the happening
    return False


def _category(record: Event | Statement, published: str | None, earliest: dt.date | None) -> str:
    """``forecast`` for predictions, expectations and dates after the report; ``background`` for
    dates well before the earliest report (see ``BACKGROUND_DAYS``); else ``happened``."""
    if getattr(record, "kind", None) == "prediction" or record.status in FORECAST_STATUSES:
        return "forecast"
    when, report = date_interval(record.date), date_interval(str(published)[:10] if published else None)
    if when is not None and report is not None and when[0] > report[1]:
        return "forecast"
    start = earliest or (report[0] if report else None)
    if when is not None and start is not None and when[1] < start - dt.timedelta(days=BACKGROUND_DAYS):
        return "background"
    return "happened"


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


def _by_happening(key: tuple, members: list) -> list[tuple[tuple, list]]:
    """A cluster's members split where their dates lie more than ``CONFLICT_DAYS`` apart."""
    if key[0] != "cluster" or len(members) < 2:
        return [(key, members)]
    ordered = sorted(members, key=lambda r: date_interval(r.date) or (dt.date.max, dt.date.max))
    parts, current, end = [], [], None
    for r in ordered:
        span = date_interval(r.date)
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
    photo captions, and not a date that only comes from a dateline. A report's publication date
    never dates an item: an undated sentence is not chronology. Identical events (same type,
    actors and date) and statements of one cluster are one entry listing every report; when the
    reports of one entry give dates that cannot be the same day, the entry lists them all and is
    flagged (``date_conflict``). A statement holding an event that is already listed is not
    listed again.
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

    def usable(record: Event | Statement) -> bool:
        if not record.date:
            return False
        refs[id(record)] = ref = _time_ref(record, times, starts)
        published = corpus.published(record.doc)
        if len(record.date) == 4 and published and str(published)[:4] == record.date:
            return False  # "this year" in a report of that year places nothing
        return not _excluded(corpus, record, ref)

    groups: dict[tuple, list[Event | Statement]] = defaultdict(list)
    events_by_doc: dict[str, list[int]] = defaultdict(list)
    for e in corpus.events:
        if e.status in NOT_HAPPENED or _inside(opinions.get(e.doc, []), e.start, e.end) or not usable(e):
            continue
        events_by_doc[e.doc].append(e.start)
        actors = tuple(sorted(set(e.actors)))
        # Events without actors never merge.
        key = ("event", e.type, actors, e.date) if actors else ("event", record_id("e", e))
        groups[key].append(e)
    for starts_list in events_by_doc.values():
        starts_list.sort()
    cluster_of = {sid: c.id for c in clusters or () for sid in c.statements}
    for s in corpus.statements:
        if s.kind not in TIMELINE_KINDS or s.status in NOT_HAPPENED or not usable(s):
            continue
        doc_events = events_by_doc.get(s.doc, [])
        if bisect.bisect_left(doc_events, s.start) < bisect.bisect_left(doc_events, s.end):
            continue  # an event inside it is already on the timeline
        cluster = cluster_of.get(record_id("s", s)) or getattr(s, "cluster", None)
        key = ("cluster", cluster) if cluster else ("statement", record_id("s", s))
        groups[key].append(s)

    entries = []
    for key, members in [split for key, members in groups.items() for split in _by_happening(key, members)]:
        members.sort(key=lambda r: (str(corpus.published(r.doc) or "9999"), order.get(r.doc, 0), r.start))
        first = members[0]
        ref = refs.get(id(first))
        kind = "event" if key[0] == "event" else "statement"
        prefix = "e" if kind == "event" else "s"
        docs = list(dict.fromkeys(r.doc for r in members))
        evidence, seen = [], set()
        for r in members:
            if r.doc not in seen:
                seen.add(r.doc)
                evidence.append(corpus.sentence_evidence(r.doc, r.start))
        conflict = _disagreeing([r.date for r in members])
        entry = TimelineEntry(
            date=first.date, precision=ref.precision if ref else PRECISION_OF_LENGTH.get(len(first.date), "day"),
            ref=record_id(prefix, first), kind=kind, text=" ".join(first.text.split()), docs=docs,
            category=_category(first, corpus.published(first.doc), earliest), evidence=evidence, dated_by=docs,
            dates=conflict, date_conflict=bool(conflict),
        )
        entries.append(((CATEGORY_ORDER[entry.category], entry.date, order.get(first.doc, 0), first.start, entry.ref), entry))
    entries.sort(key=lambda pair: pair[0])
    return [entry for _, entry in entries]


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
