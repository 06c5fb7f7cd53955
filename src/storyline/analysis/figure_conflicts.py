"""Figure conflicts: concurrent figures of independent sources that count the same thing and differ,
a disagreement naming each body. One body's revision of its own figure is no conflict."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from storyline.analysis.corpus import Corpus
from storyline.analysis.figure_assess import (
    CONTRADICTION, LOWER_BOUNDS, REPORT_DATE, UPPER_BOUNDS, agree, interval, same_time, scope_of, settle, source_key,
)
from storyline.analysis.figures import (
    COMMON_MIN_DOCS, SUMMARY_STEPS, content_id, format_value, normalise_counts, unique_evidence,
)
from storyline.analysis.wording import content_words
from storyline.models import Conflict, Evidence, Figure, FigureRow, FigureTable, Mention
from storyline.nlp.dates import date_interval
from storyline.store.records import record_id

# Counted nouns too general to tell two measures apart ("1,200 people died", "2,100 dead").
GENERIC_NOUNS = {"people", "persons", "person", "dead", "deaths", "death", "killed", "fatalities", "victims",
                 "casualties", "injured", "wounded", "troops", "other"}
RATE = re.compile(r"\b(?:every|each|a|per)\s+(?:single\s+)?(?P<unit>day|week|month|hour|night)\b(?!\s+ago)|"
                  r"\b(?P<ly>daily|weekly|monthly|hourly|nightly)\b|\bon average\b|\baverage\b", re.IGNORECASE)
_SPAN = re.compile(r"\b(?:(?:in|over|during|within|for)\s+the\s+(?:past|last|previous|preceding)\s+"
                   r"(?:(?P<n>\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|twelve|several|few)\s+)?"
                   r"(?P<unit>hour|day|night|week|month|weekend|fortnight)s?"
                   r"|(?:in|within)\s+one\s+(?P<single>hour|day|night|week|month)"
                   r"|(?P<one>overnight)|over\s+the\s+(?P<weekend>weekend))\b", re.IGNORECASE)
"""A count over a span the sentence names: "in the past 24 hours", "over the last week", "in one day", "overnight"."""
MAX_RATIO = 10.0
"""Figures more than this factor apart count different things (a unit and an army), not one toll."""
GENERIC_WORDS = {"estimat", "estim", "peopl", "person", "total", "number", "least", "nearly", "almost", "overall", "count",
                 "kill", "dead", "death", "di", "die", "died", "dy", "injur", "wound", "casualti", "victim", "fatalit", "troop", "soldier",
                 "army", "armi", "militar", "military", "forc"}
"""Stems of words that say how many, and of the tolled measures themselves (the table already
holds one measure), not of which count."""
SHORT_SENTENCE = 6
"""In a story's few reports, two sentences of at most this many content words ("The Red Crescent
counted 2,100 dead") say no more than their figures; when either is longer, or the corpus holds
many stories (``COMMON_MIN_DOCS``), they must share a word to speak of one thing."""
COMMON_SHARE = 0.4
"""In a corpus of at least ``COMMON_MIN_DOCS`` reports, a word in more than this share of them
(the war's own name, its main actors) says nothing about which count a sentence gives."""
GIVER_FILLER = frozenset({"the", "a", "an", "of", "s", "local", "organization", "kb"})
PLACE_PREPOSITIONS = ("in", "into", "to", "inside", "near", "at", "from")


@dataclass
class _Scope:
    """What a figure's sentence says about what it counts: the noun, the places, a rate."""

    noun: str | None
    places: frozenset
    period: str | None
    """What span one count covers: a rate's unit ("day" for "every day", "average"), a recent span ("24 hour" for
    "in the past 24 hours"), or None for a count with no span named (a running total)."""
    words: frozenset
    """Content words of the sentence, less numbers, the measure and whose it is."""
    numbers: frozenset = frozenset()
    """Every value of the figures extracted from the sentence."""
    large: bool = False
    """From a corpus of many stories, where one measure and week do not make one count."""


def period(text: str) -> str | None:
    """The span a sentence's count covers (see ``_Scope.period``)."""
    if (m := RATE.search(text)) is not None:
        unit = m.group("unit") or m.group("ly")
        return {"dai": "day", "nigh": "night"}.get(unit.lower()[:-2], unit.lower()[:-2]) if m.group("ly") \
            else unit.lower() if unit else "average"
    if (m := _SPAN.search(text)) is not None:
        if m.group("one"):
            return "1 night"
        unit = (m.group("unit") or m.group("single") or m.group("weekend")).lower()
        return f"{(m.group('n') or '1').lower().replace(',', '')} {unit}"
    return None


def _gives(scope: "_Scope | None", value: float | None) -> bool:
    return scope is not None and value is not None and value in scope.numbers


def _topic_words(text: str, ignore: set[str]) -> frozenset:
    return frozenset(w for w in content_words(text) if w not in GENERIC_WORDS and w[:5] not in ignore)


def _own_period(text: str, lo: int, hi: int, f: Figure, starts: list[int]) -> str | None:
    """The span one figure of a sentence covers: the words after it up to the next figure ("38 died in the past
    day, bringing the toll to 412": 38's is a day's, 412 a running total's), or, for the sentence's first figure,
    the words before it ("Over the weekend, 40 people were hurt")."""
    later = [at for at in starts if at > f.start]
    if (found := period(text[f.end:later[0] if later else hi])) is not None:
        return found
    return None if any(at < f.start for at in starts) else period(text[lo:f.start])


def _scopes(corpus: Corpus, figures: dict[str, Figure], tables: list[FigureTable]) -> dict[str, _Scope]:
    common: set[str] = set()
    if len(corpus.documents) >= COMMON_MIN_DOCS:
        df: Counter = Counter()
        for d in corpus.documents.values():
            df.update(content_words(d.get("text") or ""))
        common = {w for w, n in df.items() if n > COMMON_SHARE * len(corpus.documents)}
    ignore_of = {}
    for t in tables:
        words = content_words(f"{t.counts} {corpus.name(t.subject) or ''}")
        for r in t.rows:
            ignore_of[r.figure] = {w[:5] for w in words}
    places_by_doc: dict[str, list[Mention]] = defaultdict(list)
    for m in corpus.mentions:
        if m.entity and m.type in ("place", "state"):
            places_by_doc[m.doc].append(m)
    for ms in places_by_doc.values():
        ms.sort(key=lambda m: m.start)
    values_by_doc: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for g in corpus.figures:
        values_by_doc[g.doc] += [(g.start, v) for v in (g.value, g.low, g.high) if v is not None]
    out = {}
    for fid, f in figures.items():
        lo, hi = corpus.sentence_span(f.doc, f.start)
        text = corpus.documents[f.doc]["text"]
        places = set()
        for m in places_by_doc.get(f.doc, ()):
            if lo <= m.start < hi and (m.type == "place" or text[max(lo, m.start - 9):m.start].rstrip().lower()
                                       .rsplit(" ", 1)[-1] in PLACE_PREPOSITIONS):
                places.add(m.entity)
        noun = normalise_counts(f.unit_text) if f.unit_text else None
        starts = sorted({at for at, _ in values_by_doc.get(f.doc, ()) if lo <= at < hi})
        out[fid] = _Scope(None if noun in GENERIC_NOUNS else noun, frozenset(places), _own_period(text, lo, hi, f, starts),
                          _topic_words(text[lo:hi], ignore_of.get(fid, set()) | {w[:5] for w in content_words(f"{f.text} {f.unit_text or ''}")})
                          - common, frozenset(v for at, v in values_by_doc.get(f.doc, ()) if lo <= at < hi),
                          bool(common))
    return out


def _point(row: FigureRow) -> tuple[float, float] | None:
    """The values a source puts forward: a toll "at least 130,000" is that source's 130,000; an upper
    bound ("up to 3,000") or a vague magnitude is no toll to set against another."""
    if row.vague or (row.qualifier or "").lower() in UPPER_BOUNDS:
        return None
    if row.value is not None:
        return row.value, row.value
    if row.low is not None and row.high is not None:
        return row.low, row.high
    return None


def comparable(a: FigureRow, b: FigureRow, scopes: dict[str, _Scope]) -> bool:
    """Whether two rows of one table count the same thing: the same stage, the same span (no rate against a
    count, no count over the past week against a running total or a day's), the same noun where both name a specific one, no two different places, values within
    ``MAX_RATIO`` of each other."""
    if (a.stage or "total") != (b.stage or "total") or "potential" in (a.stage, b.stage):
        return False
    pa, pb = _point(a), _point(b)
    if pa is None or pb is None or min(pa[0], pb[0]) <= 0 or max(pa[1], pb[1]) > MAX_RATIO * min(pa[0], pb[0]):
        return False
    sa, sb = scopes.get(a.figure), scopes.get(b.figure)
    if sa is None or sb is None:
        return True
    if sa.period != sb.period or (sa.noun and sb.noun and sa.noun != sb.noun):
        return False
    if (sa.large or max(len(sa.words), len(sb.words)) > SHORT_SENTENCE) and not sa.words & sb.words:
        return False  # two full sentences with nothing in common besides the measure tell of two things
    return not (sa.places and sb.places and not sa.places & sb.places)


def disagree(a: FigureRow, b: FigureRow) -> bool:
    """The values two sources put forward differ by more than the tolerance."""
    pa, pb = _point(a), _point(b)
    return pa is not None and pb is not None and not agree(max(pa[0], pb[0]), min(pa[1], pb[1]))


GROWTH_DAYS = 2
"""Days after a report's lower bound from which another report's count may have grown past it."""


def _bound_met(a: FigureRow, b: FigureRow) -> bool:
    """Whether one row is a lower bound ("at least 130,000", "well over 100,000") that the other meets
    ("about 190,000"), either in one report (which gives both, the larger as the fuller count) or in a report
    ``GROWTH_DAYS`` or more after the bound's: a count that grows (troops massing, a toll rising) passes an
    earlier "at least" without contradicting it. A count closer in time, or an "at least" given after a larger
    count, is still set against it: a source's "at least 41" is its 41 against another's 90 the next day."""
    for bound, other in ((a, b), (b, a)):
        point = _point(other)
        if (bound.qualifier or "").lower() not in LOWER_BOUNDS or bound.value is None or point is None \
                or point[1] < bound.value:
            continue
        if a.doc == b.doc:
            return True
        since, until = date_interval(scope_of(bound)), date_interval(scope_of(other))
        if since is not None and until is not None and (until[0] - since[1]).days >= GROWTH_DAYS:
            return True
    return False


def _bodies_of_one_report(a: Figure | None, b: Figure | None) -> bool:
    """Whether two figures of one report are each given by a body it names, and not the same one ("the
    agency said nine people died" / "the Red Cross said 15 people died"): the report sets two sources'
    counts side by side, a disagreement like one between two reports. A figure the author gives, or one
    of two a single source gives, is a part or another quantity ("an army of 900,000, 190,000 of them
    at the border")."""
    if a is None or b is None:
        return False
    if a.attributed_to and b.attributed_to:
        return a.attributed_to != b.attributed_to
    # A body the knowledge base does not hold is named as written ("the health department"): two
    # names neither of which holds the other's words are two bodies.
    wa, wb = _giver_words(a), _giver_words(b)
    return bool(wa) and bool(wb) and not wa <= wb and not wb <= wa


def _giver_words(f: Figure) -> frozenset[str]:
    """The words naming the body that gives a figure: its actor id's last part, else its name as written."""
    name = f.attributed_to.rsplit(":", 1)[-1] if f.attributed_to else f.attributed_text or ""
    return frozenset(w for w in re.findall(r"[a-z]+", name.lower().replace("’", "'")) if w not in GIVER_FILLER)


def _days_apart(a: FigureRow, b: FigureRow) -> int | None:
    ia, ib = date_interval(scope_of(a)), date_interval(scope_of(b))
    if ia is None or ib is None:
        return None
    return 0 if ia[0] <= ib[1] and ib[0] <= ia[1] else min(abs((ia[0] - ib[1]).days), abs((ib[0] - ia[1]).days))


def _revised_nearer(a: FigureRow, b: FigureRow, rows: list[FigureRow]) -> bool:
    """Whether ``a``'s source gives another figure of the measure nearer in time to ``b`` than ``a``
    ("the agency said 3,200 on Monday, 5,100 on Wednesday" beside "the Red Cross said 4,500 on
    Monday"): that figure is the one set against ``b``; ``a`` is a revision of it, not a second
    disagreement."""
    gap = _days_apart(a, b)
    if gap is None or gap == 0:
        return False
    key = source_key(a)
    return any(r is not a and source_key(r) == key and (a.stage or "total") == (r.stage or "total")
               and (d := _days_apart(r, b)) is not None and d < gap for r in rows)


def figure_conflicts(corpus: Corpus, tables: list[FigureTable]) -> list[Conflict]:
    """Figure conflicts between reports, each naming every body and date behind it.

    * A **disagreement** (assessment ``contradiction``): two independent sources (different
      reports, different sources; or two bodies one report names, see ``_bodies_of_one_report``) give, for the same time (``same_time``), figures on one
      measure that count the same thing (``comparable``) and differ by more than the tolerance.
    * One body's later figure is a revision, not a conflict: its table rows say ``evolving``
      (``figure_assess.assess``); so are figures at other stages or dates. A body's figure is set
      against another body's only when the body gives none nearer in time to it (``_revised_nearer``):
      its later figures revise that one and clash with nothing.

    Everything else is left apart: other stages, rates against counts, different places or
    counted nouns, values more than ``MAX_RATIO`` apart, dates too far apart, and a lower bound that a
    count of the same report, or of a report days after it, meets (``_bound_met``).

    The conflicts found settle each table's assessment and its rows' relations
    (``figure_assess.settle``): the table says ``contradiction`` exactly when a conflict sets its
    rows against each other, so the table and the conflicts list never disagree.
    """
    figures = {record_id("f", f): f for f in corpus.figures}
    scopes = _scopes(corpus, {r.figure: figures[r.figure] for t in tables for r in t.rows if r.figure in figures},
                     tables)
    conflicts = []

    def side(row: FigureRow) -> Evidence:
        f = figures.get(row.figure)
        return corpus.sentence_evidence(row.doc, f.start) if f else Evidence(row.doc, 0, 0, row.text)

    def label(row: FigureRow) -> str:
        date = f"report {scope_of(row)}" if row.date and row.date.endswith(REPORT_DATE) else row.date
        detail = ", ".join(x for x in (row.stage, row.source, date) if x)
        return f"{format_value(row)} ({detail})" if detail else format_value(row)

    for table in tables:
        rows = table.rows
        group = list(range(len(rows)))  # disagreeing rows joined into groups, one conflict each

        def root(i: int) -> int:
            while group[i] != i:
                group[i] = group[group[i]]
                i = group[i]
            return i

        # A smaller figure beside a larger one in one sentence is a part of it ("140,000 at the
        # borders; of them, 30,000 in the neighbouring state"): it is set against no other report.
        sentence_max: dict[tuple, float] = defaultdict(float)
        for row in rows:
            sentence = figures[row.figure].start if row.figure in figures else None
            if sentence is not None and row.value is not None:
                key = (row.doc, corpus.sentence_span(row.doc, sentence))
                sentence_max[key] = max(sentence_max[key], row.value)

        def part(row: FigureRow) -> bool:
            f = figures.get(row.figure)
            return f is not None and row.value is not None and row.value < sentence_max[
                (row.doc, corpus.sentence_span(row.doc, f.start))]

        for i, a in enumerate(rows):
            for j in range(i + 1, len(rows)):
                b = rows[j]
                if part(a) or part(b):
                    continue
                if _gives(scopes.get(b.figure), a.value) or _gives(scopes.get(a.figure), b.value):
                    continue  # the other sentence gives this number too ("100,000 here and 30,000 there")
                if _revised_nearer(a, b, rows) or _revised_nearer(b, a, rows):
                    continue  # a later (or earlier) figure of one body: its revision, set against nothing
                if _bound_met(a, b):
                    continue  # "at least 130,000" on Monday, "190,000" on Thursday: the count grew past it
                if ((a.doc != b.doc or _bodies_of_one_report(figures.get(a.figure), figures.get(b.figure)))
                        and source_key(a) != source_key(b) and same_time(a, b)
                        and comparable(a, b, scopes) and disagree(a, b)):
                    group[root(j)] = root(i)
        members: dict[int, list[FigureRow]] = defaultdict(list)
        for i, row in enumerate(rows):
            members[root(i)].append(row)
        groups = [clashing for clashing in members.values() if len(clashing) >= 2]
        table.assessment = settle(rows, groups)
        for clashing in groups:
            named = list(dict.fromkeys(label(r) for r in sorted(clashing, key=lambda r: interval(r) or (0, 0))))
            summary = f"{table.measure}: " + " vs ".join(named[:SUMMARY_STEPS]) + ", for the same stage and time"
            if len(named) > SUMMARY_STEPS:
                summary += f" (and {len(named) - SUMMARY_STEPS} more)"
            conflicts.append(Conflict(
                id=content_id("x", ["figure", table.id, *(r.figure for r in clashing)]), kind="figure",
                summary=summary, assessment=CONTRADICTION,  # the highest figure's sentence first
                sides=unique_evidence([side(r) for r in sorted(clashing, key=lambda r: interval(r) or (0, 0), reverse=True)]),
            ))
    return conflicts
