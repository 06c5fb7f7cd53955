"""The timeline: events and dated or corroborated statements in time order, merged across reports."""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable

from storyline.analysis.corpus import Corpus
from storyline.models import Cluster, Event, Statement, TimelineEntry, TimeRef
from storyline.store.records import record_id

NOT_HAPPENED = {"negated", "denied", "possible"}
# Statements of what happened or will: an opinion, a recommendation or a question is not an
# occurrence, even when it names a date.
TIMELINE_KINDS = {"fact", "estimate", "prediction"}
PRECISION_OF_LENGTH = {10: "day", 7: "month", 4: "year"}


def _precision(date: str, record: Event | Statement, times: dict[str, list[TimeRef]],
               starts: dict[str, list[int]]) -> str:
    """The precision of the time expression that gave the date, else what the date's form shows."""
    doc_starts = starts.get(record.doc, [])
    lo, hi = bisect.bisect_left(doc_starts, record.start), bisect.bisect_left(doc_starts, record.end)
    for t in times.get(record.doc, [])[lo:hi]:
        if t.value == date:
            return t.precision
    return PRECISION_OF_LENGTH.get(len(date), "day")


def _cluster_of(clusters: Iterable[Cluster] | None, statements: list[Statement]) -> dict[str, str]:
    out: dict[str, str] = {}
    for c in clusters or ():
        for sid in c.statements:
            out.setdefault(sid, c.id)
    for s in statements:  # a colleague's stage may set the cluster on the record itself
        if getattr(s, "cluster", None):
            out.setdefault(record_id("s", s), s.cluster)
    return out


def build_timeline(corpus: Corpus, clusters: Iterable[Cluster] | None = None) -> list[TimelineEntry]:
    """Timeline entries in date order (dated before undated on the same day), then report order.

    What goes in: every event except those said not to have happened or only possibly to have
    (``negated``, ``denied``, ``possible``); and each statement that gives its own date or
    belongs to a cluster (one entry per cluster), if it is a fact, estimate or prediction (not
    an opinion, recommendation or question) and not already on the timeline through an event
    inside it. Everything else stays out: a timeline of every sentence is the report again.
    Identical events (same type, actors and date) from several reports are one entry listing
    every report. Items without a date are placed at their report's publication date
    (``undated``, precision ``report``); items from reports without a date come last, with an
    empty date.
    """
    order = {doc: n for n, doc in enumerate(corpus.documents)}
    times: dict[str, list[TimeRef]] = defaultdict(list)
    for t in sorted(corpus.times, key=lambda t: (t.doc, t.start)):
        times[t.doc].append(t)
    starts = {doc: [t.start for t in ts] for doc, ts in times.items()}

    def place(record: Event | Statement) -> tuple[str, str, bool]:
        if record.date:
            return record.date, _precision(record.date, record, times, starts), False
        published = corpus.published(record.doc)
        return (str(published)[:10] if published else ""), "report", True

    groups: dict[tuple, list[Event | Statement]] = defaultdict(list)
    kinds: dict[tuple, str] = {}
    events_by_doc: dict[str, list[int]] = defaultdict(list)
    for e in corpus.events:
        if e.status in NOT_HAPPENED:
            continue
        events_by_doc[e.doc].append(e.start)
        date, _, undated = place(e)
        actors = tuple(sorted(set(e.actors)))
        # Undated events merge only within one report date; events without actors never merge.
        key = ("event", e.type, actors, date, undated) if actors else ("event", record_id("e", e))
        groups[key].append(e)
        kinds[key] = "event"
    for starts_list in events_by_doc.values():
        starts_list.sort()
    cluster_of = _cluster_of(clusters, corpus.statements)
    for s in corpus.statements:
        sid = record_id("s", s)
        cluster = cluster_of.get(sid)
        if s.kind not in TIMELINE_KINDS or (not s.date and cluster is None):
            continue
        doc_events = events_by_doc.get(s.doc, [])
        if bisect.bisect_left(doc_events, s.start) < bisect.bisect_left(doc_events, s.end):
            continue  # an event inside it is already on the timeline
        key = ("cluster", cluster) if cluster else ("statement", sid)
        groups[key].append(s)
        kinds[key] = "statement"

    entries = []
    for key, members in groups.items():
        members.sort(key=lambda r: (str(corpus.published(r.doc) or "9999"), order.get(r.doc, 0), r.start))
        dated = [r for r in members if r.date]
        first = dated[0] if dated else members[0]
        date, precision, undated = place(first)
        prefix = "e" if kinds[key] == "event" else "s"
        entry = TimelineEntry(
            date=date, precision=precision, ref=record_id(prefix, first), kind=kinds[key],
            text=" ".join(first.text.split()), docs=list(dict.fromkeys(r.doc for r in members)), undated=undated,
        )
        entries.append(((date == "", date, undated, order.get(members[0].doc, 0), members[0].start, entry.ref), entry))
    entries.sort(key=lambda pair: pair[0])
    return [entry for _, entry in entries]
