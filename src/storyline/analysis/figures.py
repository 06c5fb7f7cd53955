"""Figures across reports: one table per measure (what is counted, whose), assessed, and its conflicts."""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import math
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from storyline.analysis.corpus import Corpus
from storyline.models import Conflict, Evidence, Figure, FigureRow, FigureTable, Mention
from storyline.nlp.dates import date_interval
from storyline.store.records import record_id

# Counted nouns that name the same measure. The extractor normalises most; these are the
# variants reports use interchangeably for one headcount.
MEASURE_SYNONYMS = {
    "troop": "troops", "soldier": "troops", "soldiers": "troops", "personnel": "troops",
    "forces": "troops", "force": "troops", "servicemen": "troops", "military personnel": "troops",
    "dead": "killed", "deaths": "killed", "death": "killed", "fatalities": "killed",
    "injured": "wounded", "injuries": "wounded",
}
# Measures of a military headcount: a figure without a subject may take one from its sentence.
MILITARY_MEASURES = {"troops"}
# Units say how something is measured, not what: "$8bn" and "$61bn" from one state may be two
# different packages, so pooling them would report false contradictions. Generic counts
# ("other", plain "people") say too little of what is counted. None of these get a table.
UNIT_MEASURES = {"percent", "km", "km2", "sq km", "miles", "tons", "tonnes", "kg", "years", "months",
                 "weeks", "days", "hours", "minutes", "other", "people"}
# Statuses whose figure is not claimed as true ("not 10,000 troops") and so is left out.
NOT_CLAIMED = {"negated", "denied"}
HYPOTHETICAL = {"expected", "possible"}

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
MAX_EVOLVING_SIDES = 12
# Values named in the one-line summary; the sides keep the evidence of every row up to the cap.
SUMMARY_STEPS = 6
"""Rows shown for an evolving estimate: one per distinct value and stage, in date order."""


def content_id(prefix: str, member_ids: list[str]) -> str:
    """An id from the sorted ids of a finding's members: a rerun reproduces it."""
    return prefix + hashlib.sha256("|".join(sorted(member_ids)).encode()).hexdigest()[:12]


def unique_evidence(sides: list[Evidence]) -> list[Evidence]:
    """Evidence spans in order, each once."""
    seen, out = set(), []
    for e in sides:
        if (e.doc, e.start, e.end) not in seen:
            seen.add((e.doc, e.start, e.end))
            out.append(e)
    return out


def normalise_counts(counts: str | None) -> str | None:
    if not counts:
        return None
    value = " ".join(counts.split())
    lower = value.lower()
    # Currency codes stay in capitals ("USD", "money:USD"); counted nouns fold to lower case.
    if not (value.isupper() and len(value) == 3) and not lower.startswith("money:"):
        value = lower
    return MEASURE_SYNONYMS.get(lower, value)


def is_unit(counts: str) -> bool:
    """Money ("money:USD", "USD"), percentages, lengths and other units, and generic counts."""
    return (counts in UNIT_MEASURES or counts.startswith(("money:", "unit:")) or counts in ("share", "seconds")
            or (counts.isupper() and len(counts) == 3))


# -- building tables ---------------------------------------------------------------------


class _SentenceActors:
    """State mentions per document, for inferring whose forces a subjectless figure counts."""

    def __init__(self, mentions: list[Mention]) -> None:
        by_doc: dict[str, list[Mention]] = defaultdict(list)
        for m in mentions:
            if m.type == "state" and m.entity:
                by_doc[m.doc].append(m)
        self.items = {doc: sorted(ms, key=lambda m: (m.start, m.end)) for doc, ms in by_doc.items()}
        self.starts = {doc: [m.start for m in ms] for doc, ms in self.items.items()}

    def in_sentence(self, corpus: Corpus, figure: Figure) -> list[Mention]:
        starts = self.starts.get(figure.doc)
        if not starts:
            return []
        lo, hi = corpus.sentence_span(figure.doc, figure.start)
        return self.items[figure.doc][bisect.bisect_left(starts, lo):bisect.bisect_left(starts, hi)]


def infer_subjects(corpus: Corpus, figures: list[Figure], mentions: list[Mention]) -> dict[int, str]:
    """Subjects for military headcounts that have none, by index into ``figures``.

    1. The figure's sentence mentions exactly one state with a military facet ("North Korean
       troops"): that state.
    2. Otherwise, when the sentence names no state's forces but does name a state ("1,500
       soldiers sent from North Korea"), and every other figure of that measure in the same
       report that has a subject has this same one: that state.
    """
    states = _SentenceActors(mentions)
    inferred: dict[int, str] = {}
    pending: list[tuple[int, str, set[str]]] = []
    report_subjects: dict[tuple[str, str], set[str]] = defaultdict(set)
    for i, f in enumerate(figures):
        counts = normalise_counts(f.counts)
        if counts not in MILITARY_MEASURES:
            continue
        if f.subject is not None:
            report_subjects[(f.doc, counts)].add(f.subject)
            continue
        near = states.in_sentence(corpus, f)
        forces = {m.entity for m in near if m.facet == "military"}
        if len(forces) == 1:
            inferred[i] = forces.pop()
            report_subjects[(f.doc, counts)].add(inferred[i])
        elif not forces:
            pending.append((i, counts, {m.entity for m in near}))
    for i, counts, named in pending:
        subjects = report_subjects.get((figures[i].doc, counts), set())
        if len(subjects) == 1 and subjects <= named:
            inferred[i] = next(iter(subjects))
    inferred.update(_where_counted(corpus, figures, mentions, states))
    return inferred


def _where_counted(corpus: Corpus, figures: list[Figure], mentions: list[Mention],
                   states: "_SentenceActors") -> dict[int, str]:
    """Other counts (killed, displaced, wounded...) belong to the state they are counted in:
    the one state their sentence places them in ("in Sudan"), else the state the corpus
    names most if the report names it, else the state the report names most."""
    dominant: dict[str, str] = {}
    tally: dict[str, Counter] = defaultdict(Counter)
    for m in mentions:
        if m.type == "state" and m.entity:
            tally[m.doc][m.entity] += 1
    overall: Counter = Counter()
    for counter in tally.values():
        overall.update(counter)
    story = overall.most_common(1)[0][0] if overall else None
    for doc, counter in tally.items():
        # The story's country when the report names it at all, so one report's aside does not
        # start a table of its own.
        dominant[doc] = story if story in counter else counter.most_common(1)[0][0]
    found: dict[int, str] = {}
    for i, f in enumerate(figures):
        counts = normalise_counts(f.counts)
        if f.subject is not None or counts is None or counts in MILITARY_MEASURES or is_unit(counts):
            continue
        if counts in ("other", "people"):
            continue
        text = corpus.documents[f.doc]["text"]
        named = {m.entity for m in states.in_sentence(corpus, f)
                 if m.type == "state" and text[max(0, m.start - 9):m.start].rstrip().lower().endswith(
                     ("in", "across", "inside", "within", "throughout"))}
        if len(named) == 1:
            found[i] = named.pop()
        elif f.doc in dominant:
            found[i] = dominant[f.doc]
    return found


def measure_of(figure: Figure, subject: str | None) -> tuple[str, str] | None:
    """``(counts, subject)`` of a figure, or None when it cannot join a table."""
    counts = normalise_counts(figure.counts)
    if counts is None or is_unit(counts) or figure.status in NOT_CLAIMED:
        return None
    subject = figure.subject or subject
    if subject is None:
        return None  # "3,000 troops" of nobody in particular cannot be compared with anyone's
    return counts, subject


def row_of(corpus: Corpus, figure: Figure) -> FigureRow:
    if figure.attributed_to and not (figure.attributed_text and " and " in figure.attributed_text):
        source = corpus.name(figure.attributed_to)
    elif figure.attributed_text:  # as written when it names several ("U.S. and Ukrainian officials")
        source = figure.attributed_text
    else:
        source = corpus.outlet(figure.doc)
    date = figure.date
    if date is None and corpus.published(figure.doc):
        date = str(corpus.published(figure.doc))[:10] + REPORT_DATE
    # A count that is only expected or possible ("there could be 200,000") is a potential one.
    stage = figure.stage or ("potential" if figure.status in HYPOTHETICAL else None)
    vague = figure.value is None and not any(ch.isdigit() for ch in figure.text)
    return FigureRow(
        figure=record_id("f", figure), doc=figure.doc, value=figure.value, low=figure.low, high=figure.high,
        qualifier=figure.qualifier, stage=stage, date=date, source=source, text=figure.text, vague=vague,
        date_precision=precision_of(date.removesuffix(REPORT_DATE)) if date else None,
    )


def precision_of(date: str) -> str:
    """``day``, ``week``, ``month`` or ``year`` from an ISO date's form."""
    if "-W" in date:
        return "week"
    return {4: "year", 7: "month"}.get(len(date), "day")


def build_figure_tables(corpus: Corpus, min_rows: int = 1) -> list[FigureTable]:
    """One table per measure, rows in date then document order, most widely reported measures first.

    A measure is ``(counts, subject)``: the normalised thing counted and the actor it belongs
    to, so all troop figures about North Korea's forces form one table whatever noun each report
    used. Tables come from one grouping pass; each is assessed by ``assess`` in time linear in
    its rows.
    """
    inferred = infer_subjects(corpus, corpus.figures, corpus.mentions)
    groups: dict[tuple[str, str], list[Figure]] = defaultdict(list)
    for i, figure in enumerate(corpus.figures):
        measure = measure_of(figure, inferred.get(i))
        if measure is not None:
            groups[measure].append(figure)
    order = {doc: n for n, doc in enumerate(corpus.documents)}
    tables = []
    for (counts, subject), figures in groups.items():
        if len(figures) < min_rows:
            continue
        rows = [row_of(corpus, f) for f in figures]
        offsets = {r.figure: (f.start, f.end) for r, f in zip(rows, figures)}
        rows.sort(key=lambda r: (scope_of(r) or "9999", order.get(r.doc, 0), offsets[r.figure], r.figure))
        table = FigureTable(
            id=content_id("ft", [r.figure for r in rows]), measure=f"{counts} ({corpus.name(subject)})",
            counts=counts, subject=subject, rows=rows, assessment=assess(rows).assessment,
        )
        estimate(table)
        tables.append(table)
    tables.sort(key=lambda t: (-len({r.doc for r in t.rows}), -len(t.rows), t.measure, t.id))
    return tables


# -- assessing a table ---------------------------------------------------------------------


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
    if overall_lo > -math.inf and not agree(overall_lo, overall_hi):
        return Assessment(EVOLVING)
    return Assessment(CONSISTENT)


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
    for i, row in enumerate(rows):
        if i in in_pair:
            row.relation = CONTRADICTION
        elif i in revised:
            row.relation = "evolving"
        elif everyone_agrees or len(rows) == 1:
            row.relation = CONSISTENT
        elif (row.stage or DEFAULT_STAGE) != DEFAULT_STAGE or _precision(row) not in ("day", "week"):
            row.relation = "not comparable"
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


def format_value(row: FigureRow) -> str:
    """"up to 3,000", "1,000–9,999", "about 10,000"; a vague magnitude as written ("thousands")."""
    if row.vague:
        return " ".join(row.text.split()[:4])
    if row.value is None:
        low = f"{row.low:,.0f}" if row.low is not None else "?"
        high = f"{row.high:,.0f}" if row.high is not None else "?"
        text = f"{low}–{high}"
    else:
        text = f"{row.value:,.0f}" if float(row.value).is_integer() else f"{row.value:,}"
    return f"{row.qualifier} {text}" if row.qualifier else text


def figure_conflicts(corpus: Corpus, tables: list[FigureTable]) -> list[Conflict]:
    """A conflict for each table whose figures contradict each other or evolve across reports."""
    figures = {record_id("f", f): f for f in corpus.figures}
    conflicts = []

    def side(row: FigureRow) -> Evidence:
        f = figures.get(row.figure)
        return corpus.sentence_evidence(row.doc, f.start) if f else Evidence(row.doc, 0, 0, row.text)

    def label(row: FigureRow) -> str:
        date = f"report {scope_of(row)}" if row.date and row.date.endswith(REPORT_DATE) else row.date
        detail = ", ".join(x for x in (row.stage, row.source, date) if x)
        return f"{format_value(row)} ({detail})" if detail else format_value(row)

    for table in tables:
        result = assess(table.rows)
        if result.assessment == CONTRADICTION:
            rows = []
            for i, j in result.contradictions:
                rows += [table.rows[i], table.rows[j]]
            # Every row that disagrees with another source about the same time, each body named.
            rows += [r for r in table.rows if r.relation == CONTRADICTION and r not in rows]
            named = list(dict.fromkeys(label(r) for r in sorted(rows, key=lambda r: interval(r) or (0, 0))))
            summary = f"{table.measure}: " + " vs ".join(named[:SUMMARY_STEPS]) + ", for the same stage and time"
            more = len(named) - SUMMARY_STEPS
            if more > 0:
                summary += f" (and {more} more)"
        elif result.assessment == EVOLVING and len({r.doc for r in table.rows}) > 1:
            # One row per distinct value and stage, in date order: how the estimate moved.
            seen, rows = set(), []
            for row in table.rows:
                if interval(row) is not None and (row.stage, interval(row)) not in seen:
                    seen.add((row.stage, interval(row)))
                    rows.append(row)
            rows = rows[: MAX_EVOLVING_SIDES]
            # Only dated rows make a sequence; undated ones are listed apart, not as a step.
            dated = [r for r in rows if scope_of(r)]
            undated = [r for r in rows if not scope_of(r)]
            steps = " → ".join(label(r) for r in dated[:SUMMARY_STEPS])
            more = len(dated) - SUMMARY_STEPS
            summary = f"{table.measure}: estimates differ by stage or date: {steps}" + (
                f" (and {more} more)" if more > 0 else "")
            if undated:
                summary += ("; " if dated else "") + "undated: " + ", ".join(label(r) for r in undated[:SUMMARY_STEPS])
        else:
            continue
        conflicts.append(Conflict(
            id=content_id("x", ["figure", table.id]), kind="figure", summary=summary,
            sides=unique_evidence([side(r) for r in rows]), assessment=result.assessment,
        ))
    return conflicts
