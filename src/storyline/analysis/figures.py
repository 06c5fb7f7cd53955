"""Figures across reports: one table per measure (what is counted, whose), assessed, and its conflicts."""

from __future__ import annotations

import bisect
import hashlib
import re
from collections import Counter, defaultdict

from storyline.analysis.corpus import Corpus
from storyline.analysis.wording import content_words, stem
from storyline.analysis.figure_assess import (  # noqa: F401  (CONSISTENT and assess are re-exported here)
    CONSISTENT, CONTRADICTION, EVOLVING, REPORT_DATE, assess, estimate, interval, precision_of, scope_of,
)
from storyline.models import Evidence, Figure, FigureRow, FigureTable, Mention
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
# Tolls of people (what a verb did to them): in a story that names no state, counted where it happened.
PLACED_TOLLS = {"killed", "wounded", "missing", "displaced", "casualties", "prisoners"}
# Statuses whose figure is not claimed as true ("not 10,000 troops") and so is left out.
NOT_CLAIMED = {"negated", "denied"}
HYPOTHETICAL = {"expected", "possible"}
DISPLACED_MEASURES = {"displaced", "refugees", "evacuated"}
RE_FLED_FROM = re.compile(r"\b(?:from|fled|flee|flees|fleeing|left|leaving|out\sof|invaded|invades|invading|"
                          r"invasion\sof|war\sin|fighting\sin|attack\son)\s(?:the\s)?\Z", re.I)
"""The words before a state that people fled, or that was invaded or fought in: they are that state's
displaced ("taking in thousands of refugees since Russia invaded Ukraine")."""

COMMON_MIN_DOCS = 20
"""A corpus of at least this many reports holds many stories: one measure and week do not make one
count, and a report that names no state is not about the story's."""
SUMMARY_STEPS = 6
"""Values named in a figure conflict's one-line summary; its sides keep the evidence of every row."""


ONE_DAY = "one day"
"""The stage of a count of one day's losses ("lost 950 soldiers in the last day"): never a row of the
running total's table, nor compared with it."""
RE_ONE_DAY = re.compile(
    r"\b(?:(?:in|over|during|of|for|within)\s(?:the\s)?(?:last|past|previous|preceding)\s"
    r"(?:day|24\shours|twenty-four\shours|night)|per\sday|each\sday|every\sday|daily|overnight|"
    r"in\s(?:a|one)\s(?:single\s)?day|that\sday)\b", re.I)
RE_RUNNING_TOTAL = re.compile(
    r"\b(?:since|from\sthe\s(?:beginning|start|outset)|in\stotal|in\sall|so\sfar|to\sdate|total|overall|"
    r"altogether|cumulative(?:ly)?|bringing)\b", re.I)


def one_day(corpus: Corpus, figure: Figure) -> bool:
    """Whether the figure counts one day's losses, not the running total: its sentence says "in the
    last day", "overnight", "daily" nearer the figure than any word of a total ("since the start",
    "in total", "so far"), as a general staff's daily report gives both in one sentence."""
    text = corpus.documents.get(figure.doc, {}).get("text") or ""
    lo, hi = corpus.sentence_span(figure.doc, figure.start)
    sentence = text[lo:hi]

    def nearest(pattern: re.Pattern) -> int | None:
        gaps = [max(figure.start - (lo + m.end()), (lo + m.start()) - figure.end, 0) for m in pattern.finditer(sentence)]
        return min(gaps, default=None)

    day = nearest(RE_ONE_DAY)
    if day is None:
        return False
    total = nearest(RE_RUNNING_TOTAL)
    return total is None or day < total


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
    the one state their sentence places them in ("in Sudan"), else the state whose body gives
    the figure ("Zambia's health ministry said 18 people had died": a state's own toll), else the
    state the corpus names most if the report names it, else the state the report names most; in
    a set of a few reports (one story), a report that names no state counts where the other
    figures of its measure were counted, else in the story's state (for a toll, where none of its
    reports names a state, the place they name most: ``PLACED_TOLLS``)."""
    dominant: dict[str, str] = {}
    tally: dict[str, Counter] = defaultdict(Counter)
    for m in mentions:
        if m.type == "state" and m.entity:
            tally[m.doc][m.entity] += 1
    overall: Counter = Counter()
    for counter in tally.values():
        overall.update(counter)
    story = overall.most_common(1)[0][0] if overall else None
    # A story that names no state ("in Seville province"): its tolls are counted in the place its reports
    # name most (not its counts of things: "six jets grounded" and "cracks in two jets" are two measures).
    places = Counter(m.entity for m in mentions if m.type == "place" and m.entity) if story is None else Counter()
    story_place = places.most_common(1)[0][0] if places else None
    for doc, counter in tally.items():
        # The story's country when the report names it at all, so one report's aside does not
        # start a table of its own.
        dominant[doc] = story if story in counter else counter.most_common(1)[0][0]
    state_ids = {e.id for e in corpus.entities if e.type == "state"}
    found: dict[int, str] = {}
    unplaced: list[tuple[int, str]] = []
    placed: dict[str, Counter] = defaultdict(Counter)
    for i, f in enumerate(figures):
        counts = normalise_counts(f.counts)
        if f.subject is not None or counts is None or counts in MILITARY_MEASURES or is_unit(counts):
            continue
        if counts in ("other", "people"):
            continue
        text = corpus.documents[f.doc]["text"]
        near = states.in_sentence(corpus, f)
        named = {m.entity for m in near
                 if m.type == "state" and text[max(0, m.start - 9):m.start].rstrip().lower().endswith(
                     ("in", "across", "inside", "within", "throughout"))}
        # People who fled are the side they fled ("2 million people have fled Sudan into Chad"),
        # not the country that shelters them.
        fled = {m.entity for m in near if m.type == "state" and RE_FLED_FROM.search(
            text[max(0, m.start - 16):m.start])} if counts in DISPLACED_MEASURES else set()
        if len(fled) == 1:
            found[i] = fled.pop()
        elif len(named) == 1:
            found[i] = named.pop()
        elif f.attributed_to in state_ids:
            found[i] = f.attributed_to
        elif f.doc in dominant:
            found[i] = dominant[f.doc]
        else:
            unplaced.append((i, counts))
            continue
        placed[counts][found[i]] += 1
    for i, counts in unplaced:
        if len(corpus.documents) >= COMMON_MIN_DOCS:
            continue
        # A report of a one-story set that names no state: where the story's other figures of this
        # measure were counted, else the story's state.
        where = placed[counts].most_common(1)[0][0] if placed.get(counts) else story
        if where is None and counts in PLACED_TOLLS:
            where = story_place
        if where is not None:
            found[i] = where
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


RE_STRETCH_OPENS = re.compile(r"\b(?:since|from)\s{1,3}(?:the\s{1,3})?\Z", re.I)


def _stretch_openings(corpus: Corpus) -> set[tuple[str, str]]:
    """``(doc, sentence start, date)`` of the dates that open a stretch ("since Feb. 24", "from 1 March"),
    read once per corpus."""
    cached = corpus.__dict__.get("_stretch_openings")
    if cached is None:
        cached = set()
        for t in corpus.times:
            text = corpus.documents.get(t.doc, {}).get("text") or ""
            if t.value and RE_STRETCH_OPENS.search(text[max(0, t.start - 12):t.start]):
                cached.add((t.doc, corpus.sentence_span(t.doc, t.start)[0], t.value))
        corpus.__dict__["_stretch_openings"] = cached
    return cached


def row_of(corpus: Corpus, figure: Figure) -> FigureRow:
    if figure.attributed_to and not (figure.attributed_text and " and " in figure.attributed_text):
        source = corpus.name(figure.attributed_to)
    elif figure.attributed_text:  # as written when it names several ("U.S. and Ukrainian officials")
        source = figure.attributed_text
    else:
        source = corpus.outlet(figure.doc)
    date = figure.date
    if date is not None and (figure.doc, corpus.sentence_span(figure.doc, figure.start)[0], date) in _stretch_openings(corpus):
        # "more than 1 million people have been evacuated since Feb. 24": the count runs up to its telling,
        # the day it opens is not its date.
        date = None
    if date is None and corpus.published(figure.doc):
        date = str(corpus.published(figure.doc))[:10] + REPORT_DATE
    # A count that is only expected or possible ("there could be 200,000") is a potential one.
    stage = figure.stage or ("potential" if figure.status in HYPOTHETICAL else None)
    if stage in (None, "total") and one_day(corpus, figure):
        stage = ONE_DAY
    vague = figure.value is None and not any(ch.isdigit() for ch in figure.text)
    return FigureRow(
        figure=record_id("f", figure), doc=figure.doc, value=figure.value, low=figure.low, high=figure.high,
        qualifier=figure.qualifier, stage=stage, date=date, source=source, text=figure.text, vague=vague,
        date_precision=precision_of(date.removesuffix(REPORT_DATE)) if date else None,
    )


def once_each(rows: list[FigureRow]) -> list[FigureRow]:
    """The rows, a report's repetition of one of its figures left out: the same words, value, source and
    date again in the same report (a summary line above the story that the story then repeats) is one
    count, not two rows that agree."""
    seen: set[tuple] = set()
    kept = []
    for r in rows:
        key = (r.doc, " ".join(r.text.lower().split()), r.value, r.low, r.high, r.source, r.date, r.stage)
        if key not in seen:
            seen.add(key)
            kept.append(r)
    return kept


def build_figure_tables(corpus: Corpus, min_rows: int = 1) -> list[FigureTable]:
    """One table per measure, rows in date then document order, most widely reported measures first.

    A measure is ``(counts, subject)``: the normalised thing counted and the actor it belongs
    to, so all troop figures about North Korea's forces form one table whatever noun each report
    used. Tables come from one grouping pass; each is assessed by ``assess`` in time linear in
    its rows, and ``figure_conflicts`` then settles each assessment by the conflicts it finds
    (``figure_assess.settle``), so the table and the conflicts agree.
    """
    inferred = infer_subjects(corpus, corpus.figures, corpus.mentions)
    # One day's losses and the running total are two measures: never rows of one table.
    groups: dict[tuple[str, str, bool], list[Figure]] = defaultdict(list)
    for i, figure in enumerate(corpus.figures):
        measure = measure_of(figure, inferred.get(i))
        if measure is not None:
            groups[(*measure, figure.stage in (None, "total") and one_day(corpus, figure))].append(figure)
    order = {doc: n for n, doc in enumerate(corpus.documents)}
    tables = []
    for (counts, subject, daily), figures in groups.items():
        if len(figures) < min_rows:
            continue
        rows = [row_of(corpus, f) for f in figures]
        offsets = {r.figure: (f.start, f.end) for r, f in zip(rows, figures)}
        rows.sort(key=lambda r: (scope_of(r) or "9999", order.get(r.doc, 0), offsets[r.figure], r.figure))
        rows = once_each(rows)
        table = FigureTable(
            id=content_id("ft", [r.figure for r in rows]),
            measure=f"{counts} ({corpus.name(subject)})" + (f", {ONE_DAY}" if daily else ""),
            counts=counts, subject=subject, rows=rows, assessment=assess(rows).assessment,
        )
        estimate(table)
        tables.append(table)
    for measure, figures in pooled_measures(corpus, inferred):
        rows = [row_of(corpus, f) for f in figures]
        offsets = {r.figure: (f.start, f.end) for r, f in zip(rows, figures)}
        rows.sort(key=lambda r: (scope_of(r) or "9999", order.get(r.doc, 0), offsets[r.figure], r.figure))
        table = FigureTable(
            id=content_id("ft", [r.figure for r in rows]), measure=measure, counts=figures[0].unit,
            subject=None, rows=rows, assessment=assess(rows).assessment,
        )
        estimate(table)
        tables.append(table)
    tables.sort(key=lambda t: (-len({r.doc for r in t.rows}), -len(t.rows), t.measure, t.id))
    return tables


# -- measures read off a figure's own words ------------------------------------------------

# Units that never pool: money ("$8bn" and "$61bn" may be two packages), shares, spans of time,
# and counts too generic to say what is counted.
UNPOOLED_UNITS = {"percent", "percentage point", "share", "person", "people", "year", "month", "week", "day",
                  "hour", "minute", "second", "time", "other", "thing", "case", "one"}
CONTEXT_TOKENS = 6
"""Words either side of a figure, within its clause, that say what it measures ("leaked ... of fuel oil")."""
CLAUSE_ENDS = {"that", "said", "says", "say", "told", "tells", "according", "while", "whereas", "but", "which", "who"}
# Words of how many or how sure, not of what: "an estimated 300", "a total of".
COUNT_WORDS = {stem(w) for w in ("estimated", "total", "number", "least", "nearly", "almost", "overall", "count",
                                   "roughly", "approximately", "figure", "another", "additional")}
_TOKEN = re.compile(r"[A-Za-z][\w'’-]*|[,;:()\u2013\u2014\"“”]")


def context_words(text: str, start: int, end: int, lo: int, hi: int) -> dict[str, str]:
    """The common words (stem -> word as written) within ``CONTEXT_TOKENS`` tokens either side of the
    figure at ``start:end`` in its sentence ``lo:hi``, not past the clause's end: the verb and the
    thing it counts ("has leaked an estimated 300 tonnes of fuel oil into the sea" -> leaked, fuel,
    oil, sea). Names are left out: a shared place says where, not what is measured."""
    before = _TOKEN.findall(text[lo:start])[::-1][:CONTEXT_TOKENS]
    after = _TOKEN.findall(text[end:hi])[:CONTEXT_TOKENS]
    found: dict[str, str] = {}
    for side in (before, after):
        for token in side:
            if not token[0].isalpha() or token.lower() in CLAUSE_ENDS:
                break
            if token[0].isupper():
                continue
            for s in content_words(token):
                if s not in COUNT_WORDS:
                    found.setdefault(s, token)
    return found


def pool_unit(figure: Figure) -> str | None:
    """The unit or counted noun a figure of no table may pool by, or None."""
    counts = normalise_counts(figure.counts)
    if counts is None or figure.unit is None or figure.status in NOT_CLAIMED or figure.value is None:
        return None
    if counts.startswith("money:") or (counts.isupper() and len(counts) == 3) or counts in ("percent", "share", "people"):
        return None
    if counts in UNIT_MEASURES and counts not in ("km", "km2", "sq km", "miles", "tons", "tonnes", "kg", "other"):
        return None  # spans of time
    unit = figure.unit.lower()
    return None if unit in UNPOOLED_UNITS or " per " in unit else unit


def pooled_measures(corpus: Corpus, inferred: dict[int, str]) -> list[tuple[str, list[Figure]]]:
    """Measures of figures that join no ``(counts, subject)`` table: those counted in a unit ("300
    tonnes") or of no named party ("46 homes"). In a set of a few reports (one story), figures
    with one unit or counted noun whose own clauses share a common word ("leaked", "destroyed")
    are one measure; one reported by two reports at least makes a table. A corpus of many
    stories gets none: one unit and one verb there do not make one count."""
    if len(corpus.documents) >= COMMON_MIN_DOCS:
        return []
    by_unit: dict[tuple[str, str | None], list[tuple[Figure, dict[str, str]]]] = defaultdict(list)
    for i, figure in enumerate(corpus.figures):
        if measure_of(figure, inferred.get(i)) is not None or (unit := pool_unit(figure)) is None:
            continue
        text = corpus.documents[figure.doc]["text"]
        lo, hi = corpus.sentence_span(figure.doc, figure.start)
        own = content_words(f"{figure.text} {figure.unit_text or ''} {unit}") | {stem(w) for w in unit.split()}
        words = {s: w for s, w in context_words(text, figure.start, figure.end, lo, hi).items() if s not in own}
        by_unit[(unit, figure.subject or inferred.get(i))].append((figure, words))
    out = []
    for (unit, subject), items in by_unit.items():
        group = list(range(len(items)))

        def root(i: int) -> int:
            while group[i] != i:
                group[i] = group[group[i]]
                i = group[i]
            return i

        for i, (a, wa) in enumerate(items):
            for j in range(i + 1, len(items)):
                b, wb = items[j]
                if a.doc != b.doc and wa.keys() & wb.keys():
                    group[root(j)] = root(i)
        members: dict[int, list[int]] = defaultdict(list)
        for i in range(len(items)):
            members[root(i)].append(i)
        for ids in members.values():
            figures = [items[i][0] for i in ids]
            if len({f.doc for f in figures}) < 2:
                continue
            shared = Counter(s for i in ids for s in items[i][1])
            first = items[ids[0]][1]
            words = [w for s, w in first.items() if shared[s] > 1]
            written = Counter((f.unit_text or unit).lower() for f in figures).most_common(1)[0][0]
            whose = f", {corpus.name(subject)}" if subject else ""
            out.append((f"{written} ({' '.join(words)}{whose})", figures))
    return out


_MAGNITUDES = {"dozen", "dozens", "score", "scores", "hundred", "hundreds", "thousand", "thousands",
               "million", "millions", "billion", "billions", "trillion", "trillions", "tens"}


def magnitude_words(text: str) -> str:
    """A vague magnitude as the report words it: "thousands more troops" -> "thousands",
    "tens of thousands of people" -> "tens of thousands", "several hundred workers" -> "several hundred"."""
    words = text.split()
    last = max((i for i, w in enumerate(words[:6]) if w.lower().strip(",.") in _MAGNITUDES), default=None)
    return " ".join(words[: last + 1] if last is not None else words[:4])


def format_value(row: FigureRow) -> str:
    """"up to 3,000", "1,000–9,999", "about 10,000"; a vague magnitude as written ("thousands")."""
    if row.vague:
        return magnitude_words(row.text)
    if row.value is None:
        low = f"{row.low:,.0f}" if row.low is not None else "?"
        high = f"{row.high:,.0f}" if row.high is not None else "?"
        text = f"{low}–{high}"
    else:
        text = f"{row.value:,.0f}" if float(row.value).is_integer() else f"{row.value:,}"
    return f"{row.qualifier} {text}" if row.qualifier else text


from storyline.analysis.figure_conflicts import figure_conflicts  # noqa: E402,F401  (re-exported)
