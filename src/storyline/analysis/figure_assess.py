"""Assessing a table of figures: intervals, same time and source, contradictions and revisions, estimates."""

from __future__ import annotations

import datetime as dt
import math
import statistics
from collections import defaultdict
from dataclasses import dataclass, field

from storyline.models import FigureRow, FigureTable
from storyline.nlp.dates import date_interval

TOLERANCE = 0.10
"""Two values agree when their intervals overlap or the gap is at most this share of the larger."""

UPPER_BOUNDS = {"up to", "fewer than", "less than", "under", "at most", "no more than", "below"}
LOWER_BOUNDS = {"at least", "more than", "over", "above", "in excess of", "upwards of"}
NEARLY = {"nearly", "almost", "close to", "just under"}
# A figure without a stage is the report's current count: the same stage as an explicit total.
DEFAULT_STAGE = "total"
REPORT_DATE = " (report)"
"""Suffix of a row's date when it is the report's publication date, not a date the text gives."""

CONSISTENT, EVOLVING, CONTRADICTION = "consistent", "evolving estimate", "contradiction"


def interval(row: FigureRow) -> tuple[float, float] | None:
    """The values a row allows: "up to 3,000" is [0, 3000], "more than 10,000" and "thousands" have no top."""
    if row.low is not None or row.high is not None:
        low = row.low if row.low is not None else 0.0
        if row.vague or (row.value is None and not any(ch.isdigit() for ch in row.text)):
            # "thousands of troops" says at least a few thousand, not that there are under 10,000.
            return low, math.inf
        return low, row.high if row.high is not None else math.inf
    if row.value is None:
        return None
    v, q = row.value, (row.qualifier or "").lower()
    if q in UPPER_BOUNDS:
        return 0.0, v
    if q in LOWER_BOUNDS:
        return v, math.inf
    if q in NEARLY:
        return v * (1 - TOLERANCE), v
    return v, v  # "about" is covered by the tolerance


def agree(lo: float, hi: float) -> bool:
    """Whether the largest low end ``lo`` and the smallest high end ``hi`` leave the values compatible."""
    return lo <= hi or (lo - hi) <= TOLERANCE * lo


def scope_of(row: FigureRow) -> str | None:
    """The date a row's figure is for (its own, else its report's), None when unknown."""
    if not row.date:
        return None
    return row.date.removesuffix(REPORT_DATE)


def precision_of(date: str) -> str:
    """``day``, ``week``, ``month`` or ``year`` from an ISO date's form."""
    if "-W" in date:
        return "week"
    return {4: "year", 7: "month"}.get(len(date), "day")


SAME_TIME_DAYS = 7
"""Day-dated figures from different sources at most this many days apart speak of the same time."""


def time_bucket(scope: str | None) -> tuple | None:
    """Where a row's date falls for comparison: its ISO week for a day, else the month or year as
    written. None (no date) compares with nothing: a year-only date is not every day of that year."""
    if scope is None:
        return None
    interval_ = date_interval(scope)
    if interval_ is None:
        return None
    if interval_[0] == interval_[1]:
        year, week, _ = interval_[0].isocalendar()
        return ("week", year, week)
    return ("span", interval_[0].isoformat(), interval_[1].isoformat())


def _next_week(bucket: tuple) -> tuple | None:
    if bucket[0] != "week":
        return None
    monday = dt.date.fromisocalendar(bucket[1], bucket[2], 1) + dt.timedelta(days=7)
    year, week, _ = monday.isocalendar()
    return ("week", year, week)


def same_time(a: FigureRow, b: FigureRow) -> bool:
    """Both dated at the same precision and the same span (days: within ``SAME_TIME_DAYS``)."""
    ia, ib = date_interval(scope_of(a)), date_interval(scope_of(b))
    if ia is None or ib is None:
        return False
    if ia[0] == ia[1] and ib[0] == ib[1]:
        return abs((ia[0] - ib[0]).days) <= SAME_TIME_DAYS
    return ia == ib


def source_key(row: FigureRow) -> str:
    return " ".join((row.source or row.doc).lower().split())


def _differ(a: tuple, b: tuple) -> bool:
    """Two rows are independent when they come from different reports and different sources."""
    return a[0] != b[0] and a[1] != b[1]


@dataclass
class _Extremes:
    """The two largest low ends and two smallest high ends, each from a different report."""

    lows: list[tuple[float, int]] = field(default_factory=list)
    highs: list[tuple[float, int]] = field(default_factory=list)

    def add(self, lo: float, hi: float, i: int, sources: list[tuple]) -> None:
        self.lows = _top2(self.lows + [(-lo, i)], sources)
        self.highs = _top2(self.highs + [(hi, i)], sources)

    def merged(self, other: "_Extremes", sources: list[tuple]) -> "_Extremes":
        return _Extremes(_top2(self.lows + other.lows, sources), _top2(self.highs + other.highs, sources))


def _top2(items: list[tuple[float, int]], sources: list[tuple]) -> list[tuple[float, int]]:
    out: list[tuple[float, int]] = []
    for item in sorted(items):
        if not out or _differ(sources[item[1]], sources[out[0][1]]):
            out.append(item)
        if len(out) == 2:
            break
    return out


def _clash(ext: _Extremes, spans: list[tuple[float, float]], sources: list[tuple], pair_rows) -> tuple[int, int] | None:
    """A pair of independent rows about the same time whose values disagree, if any."""
    for lows, highs in ((ext.lows[:1], ext.highs), (ext.lows, ext.highs[:1])):
        for _, i in lows:
            for _, j in highs:
                if _differ(sources[i], sources[j]) and not agree(spans[i][0], spans[j][1]) and same_time(*pair_rows(i, j)):
                    return i, j
    return None


@dataclass
class Assessment:
    """A table's assessment and the pairs of rows behind it."""

    assessment: str
    contradictions: list[tuple[int, int]] = field(default_factory=list)
    """Row index pairs (high side, low side) that disagree at the same stage and date."""


def assess(rows: list[FigureRow]) -> Assessment:
    """``consistent``, ``evolving estimate`` or ``contradiction`` for the rows of one measure,
    and each row's ``relation``.

    Values are compared as intervals, and only the extreme bounds of each stage and time bucket
    need checking: in one dimension, intervals all overlap exactly when the largest low end does
    not pass the smallest high end.

    Rows disagree when their intervals are more than ``TOLERANCE`` apart. A disagreement is a
    contradiction when the rows are independent (different reports and different sources), give
    the same stage (no stage counts as ``total``) and speak of the same time: dates of the same
    precision, days at most ``SAME_TIME_DAYS`` apart. A year-only or undated row is set against
    nothing. A disagreement between reports of one source is a revision (evolving), as is one
    between dates or stages. Two figures that differ within one report are two quantities the
    author tells apart ("an army of 900,000, of which 190,000 at the border"), not a clash.
    """
    spans: list[tuple[float, float]] = []
    sources: list[tuple] = []
    buckets: dict[tuple, _Extremes] = defaultdict(_Extremes)
    members: dict[tuple, list[int]] = defaultdict(list)
    overall_lo, overall_hi = -math.inf, math.inf
    for i, row in enumerate(rows):
        span = interval(row)
        spans.append(span or (0.0, math.inf))
        sources.append((row.doc, source_key(row)))
        if span is None:
            continue
        overall_lo, overall_hi = max(overall_lo, span[0]), min(overall_hi, span[1])
        bucket = time_bucket(scope_of(row))
        if bucket is not None:
            buckets[(row.stage or DEFAULT_STAGE, bucket)].add(span[0], span[1], i, sources)
            members[(row.stage or DEFAULT_STAGE, bucket)].append(i)

    def pair_rows(i: int, j: int) -> tuple[FigureRow, FigureRow]:
        return rows[i], rows[j]

    pairs = []
    clashing: set[int] = set()
    for (stage, bucket), ext in sorted(buckets.items(), key=lambda kv: (kv[0][0], str(kv[0][1]))):
        for other in (bucket, _next_week(bucket)):
            if other == bucket:
                combined = ext
            elif other is not None and (stage, other) in buckets:
                combined = ext.merged(buckets[(stage, other)], sources)
            else:
                continue
            pair = _clash(combined, spans, sources, pair_rows)
            if pair is not None and pair not in pairs:
                pairs.append(pair)
                clashing.update(_against_extremes(members[(stage, bucket)] + members.get((stage, other), []),
                                                  combined, spans, sources, rows))
    _relations(rows, spans, pairs, clashing)
    if pairs:
        return Assessment(CONTRADICTION, pairs)
    if overall_lo > -math.inf and not agree(overall_lo, overall_hi) and across_reports(rows, spans):
        return Assessment(EVOLVING)
    return Assessment(CONSISTENT)


def across_reports(rows: list[FigureRow], spans: list[tuple[float, float]]) -> bool:
    """Whether two rows of different reports disagree. Figures that differ only within one report are
    quantities its author tells apart ("198 civilians killed, three of them children"): no estimate
    moved. The largest gap between reports lies between one of the two largest low ends and one of the
    two smallest high ends of different reports, so four rows need checking."""
    known = [(span, row.doc) for row, span in zip(rows, spans) if interval(row) is not None]

    def firsts(key, reverse: bool) -> list[tuple[tuple[float, float], str]]:
        out: list[tuple[tuple[float, float], str]] = []
        for span, doc in sorted(known, key=key, reverse=reverse):
            if all(doc != d for _, d in out):
                out.append((span, doc))
            if len(out) == 2:
                break
        return out

    lows, highs = firsts(lambda k: k[0][0], True), firsts(lambda k: k[0][1], False)
    return any(a_doc != b_doc and not agree(a[0], b[1]) for a, a_doc in lows for b, b_doc in highs)


def settle(rows: list[FigureRow], clashing: list[list[FigureRow]]) -> str:
    """The table's assessment and its rows' relations from the disagreements the figure conflicts
    found (``figure_conflicts``), the one judge of what contradicts what: ``assess`` finds where
    values of one time cannot all hold, while the conflicts also ask whether two sentences count
    the same thing; a table is a contradiction exactly when it has a figure conflict, and its
    contradicting rows are those the conflicts set against each other."""
    spans = [interval(r) or (0.0, math.inf) for r in rows]
    _relations(rows, spans, [])
    contradicting = {id(r) for group in clashing for r in group}
    for row in rows:
        if id(row) in contradicting:
            row.relation = CONTRADICTION
    if contradicting:
        return CONTRADICTION
    lo = max((s[0] for r, s in zip(rows, spans) if interval(r) is not None), default=-math.inf)
    hi = min((s[1] for r, s in zip(rows, spans) if interval(r) is not None), default=math.inf)
    return EVOLVING if lo > -math.inf and not agree(lo, hi) and across_reports(rows, spans) else CONSISTENT


def _against_extremes(indexes: list[int], ext: _Extremes, spans: list[tuple[float, float]], sources: list[tuple],
                      rows: list[FigureRow]) -> set[int]:
    """Rows of a clashing bucket that disagree with an independent extreme row of the same time."""
    extremes = [i for _, i in ext.lows + ext.highs]
    out = set()
    for i in indexes:
        for j in extremes:
            lo, hi = max(spans[i][0], spans[j][0]), min(spans[i][1], spans[j][1])
            if _differ(sources[i], sources[j]) and not agree(lo, hi) and same_time(rows[i], rows[j]):
                out.update((i, j))
                break
    return out


def _relations(rows: list[FigureRow], spans: list[tuple[float, float]], pairs: list[tuple[int, int]],
               clashing: set[int] = frozenset()) -> None:
    """Each row's relation to the others (see FigureRow.relation), in time linear in the rows."""
    in_pair = {i for pair in pairs for i in pair} | set(clashing)
    by_source: dict[str, list[int]] = defaultdict(list)
    for i, row in enumerate(rows):
        by_source[source_key(row)].append(i)
    revised: set[int] = set()
    for members in by_source.values():
        if len({rows[i].doc for i in members}) > 1 and not agree(max(spans[i][0] for i in members),
                                                                  min(spans[i][1] for i in members)):
            revised.update(members)
    lo = max((s[0] for s in spans), default=-math.inf)
    hi = min((s[1] for s in spans), default=math.inf)
    everyone_agrees = agree(lo, hi)
    one_report_apart = not everyone_agrees and not across_reports(rows, spans)
    for i, row in enumerate(rows):
        if i in in_pair:
            row.relation = CONTRADICTION
        elif i in revised:
            row.relation = "evolving"
        elif everyone_agrees or len(rows) == 1:
            row.relation = CONSISTENT
        elif one_report_apart or (row.stage or DEFAULT_STAGE) != DEFAULT_STAGE or _precision(row) not in ("day", "week"):
            row.relation = "not comparable"  # another stage, a coarse date, or quantities one report tells apart
        else:
            row.relation = "evolving"


def _precision(row: FigureRow) -> str | None:
    scope = scope_of(row)
    return row.date_precision or (precision_of(scope) if scope else None)


def estimate(table: FigureTable) -> None:
    """Low, best and high across independent sources, as the conflict-data projects keep them.

    UCDP keeps a low, a best and a high estimate; ACLED codes the most conservative figure and
    notes the dispute. Here: each source's latest total (no stage, or ``total``) counts once; of
    those, the ones dated within ``SAME_TIME_DAYS`` of the latest dated one are current (all of
    them when none is dated). Low is the smallest low end, high the largest finite high end,
    best the median of the point values (vague magnitudes and open bounds give no point).
    """
    latest: dict[str, FigureRow] = {}
    for row in table.rows:  # rows are in date order, so the last one of a source is its latest
        if (row.stage or DEFAULT_STAGE) == DEFAULT_STAGE and interval(row) is not None:
            latest[source_key(row)] = row
    if not latest:
        return
    dated = [date_interval(scope_of(r)) for r in latest.values() if _precision(r) == "day"]
    newest = max((d[1] for d in dated if d), default=None)
    current = [r for r in latest.values() if newest is None or (
        _precision(r) == "day" and (d := date_interval(scope_of(r))) and (newest - d[0]).days <= SAME_TIME_DAYS)]
    if not current:
        current = list(latest.values())
    bounds = [interval(r) for r in current]
    points = [r.value if r.value is not None else (r.low + r.high) / 2 for r in current
              if not r.vague and (r.value is not None or (r.low is not None and r.high is not None))
              and (r.qualifier or "").lower() not in LOWER_BOUNDS | UPPER_BOUNDS]
    table.low = min(b[0] for b in bounds)
    finite = [b[1] for b in bounds if b[1] != math.inf]
    table.high = max(finite) if finite else None
    table.best = statistics.median(points) if points else None
    table.sources = len(current)
    table.conservative = min(points) if points else table.low
    table.disputed = not agree(max(b[0] for b in bounds), min(b[1] for b in bounds))
    span = "the latest dated within a week of the newest" if newest is not None else "undated"
    table.rule = (f"low/high: lowest and highest of the latest total from each of {len(current)} independent "
                  f"source{'s' if len(current) != 1 else ''} ({span}); best: their median point value; "
                  "conservative: the smallest (as ACLED codes it)")
