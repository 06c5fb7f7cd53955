"""Conflicts between sources: disagreeing figures, a claim confirmed here and doubted or denied there."""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from storyline.analysis.corpus import Corpus
from storyline.analysis.figures import build_figure_tables, content_id, figure_conflicts, unique_evidence
from storyline.analysis.kbcheck import knowledge_conflicts
from storyline.models import Cluster, Conflict, Event, FigureTable, Statement
from storyline.store.records import record_id

POSITIVE = {"asserted", "confirmed", "reported"}
DOUBTED = {"unconfirmed", "possible"}
NEGATIVE = {"negated", "denied"}
# Kinds of statement that claim something is or was so; a recommendation or question does not.
CLAIMS = {"fact", "estimate", "opinion"}

JACCARD = 0.3
"""Rarity-weighted content-word Jaccard at or above which two statements sharing an actor state
one proposition."""
JACCARD_WITH_EVENT = 0.15
"""The lower bar when the two statements also contain an event of the same type."""
STRICT_JACCARD = 0.5
"""The bar for ``negated`` and ``possible`` statements: any "not" or "may" in a sentence gives it
that status, so sharing a few words with a claim is weak evidence of doubting that claim."""
COARSE = {"negated", "possible"}
MIN_SHARED = 2
"""Content words two statements must share besides their actors (one word is a coincidence)."""
RARE_WORDS = 8
"""Blocking words per statement: its rarest content words across the corpus."""
WINDOW = 25
"""Neighbours in time, each side, that a doubted or denied item is compared with in one block."""
MAX_SIDES = 5
KIND_ORDER = {"figure": 0, "status": 1, "negation": 2, "knowledge": 3, "other": 4}

_WORD = re.compile(r"[a-z][a-z'-]*")
_NEGATION = re.compile(r"\b(?:not|no|never|neither|nor|none|nothing|without|deny|denies|denied|denial)\b|n['’]t\b",
                       re.IGNORECASE)
# Function words, and the reporting, hedging and negation cues: these say how a claim is
# made, not what it claims, so they must not count towards two claims being the same.
STOP = frozenset("""
a about above after again against all also although am an and any are as at be because been before
being below between both but by can could did do does doing down during each either few for from
further had has have having he her here hers him his how i if in into is it its itself just me
more most much my neither no nor not now of off on once only or other our out over own same she
should so some such than that the their them then there these they this those through to too under
until up us very was we were what when where which while who whom why will with would yet you your
according allegedly apparently claim claimed claims confirm confirmed confirms confirmation deny
denied denies denial evidence lack lacking likely may might possible possibly perhaps probable
probably report reported reportedly reports rumour rumor rumoured said say saying says seem seemed
seems suggest suggested suggests unconfirmed unverified verified verify never none nothing
told tell added noted stated statement announced indicated believe believed expected expect
whether still remain remains remained take taking took part official officials
near across along beyond within without toward towards around amid among despite via onto upon
""".split())
SYNONYMS = {"soldier": "troop", "force": "troop", "personnel": "troop", "servicemen": "troop",
            "troops": "troop", "forces": "troop", "soldiers": "troop"}
ACTOR_TYPES = {"person", "state", "organization", "igo", "group"}


def stem(word: str) -> str:
    """A crude, deterministic stem: enough to match "deployed", "deploying" and "deployment"."""
    word = word.strip("'-").removesuffix("'s")
    if word in SYNONYMS:
        return SYNONYMS[word]
    # "-ate" forms first, so "integrated" and "integration" meet at "integr".
    for suffix, keep in (("ations", 4), ("ation", 4), ("ating", 4), ("ated", 4), ("ates", 4), ("ate", 4),
                         ("ments", 5), ("ment", 5), ("ing", 4), ("ies", 3), ("ed", 4), ("ches", 3),
                         ("shes", 3), ("sses", 3), ("xes", 3), ("s", 3)):
        if word.endswith(suffix) and len(word) - len(suffix) >= keep and not word.endswith("ss"):
            if suffix in ("ches", "shes", "sses", "xes"):
                return word[:-2]
            base = word[: -len(suffix)]
            word = SYNONYMS.get(base, base + ("y" if suffix == "ies" else ""))
            break
    # "close", "closed" and "closing" all end as "clos".
    return word[:-1] if len(word) > 4 and word.endswith("e") else word


def content_words(text: str, exclude: set[str] = frozenset()) -> set[str]:
    words = set()
    for word in _WORD.findall(text.lower()):
        if word in STOP or word in exclude:
            continue
        s = stem(word)
        if s and s not in STOP and len(s) > 1:
            words.add(s)
    return words


@dataclass
class Prop:
    """A statement or event reduced to what proposition matching needs."""

    id: str
    kind: str
    """``statement`` or ``event``."""
    record: Statement | Event
    status: str
    actors: frozenset[str]
    words: frozenset[str] = frozenset()
    types: frozenset[str] = frozenset()
    """Event types found in the statement (or the event's own type)."""
    clusters: frozenset[str] = frozenset()
    when: tuple = ()
    """Sort key in time: report date, then document order, then offset."""


class _DocIndex:
    """Records of one kind per document, sorted by start, for "within this span" lookups."""

    def __init__(self, items: Iterable) -> None:
        by_doc: dict[str, list] = defaultdict(list)
        for item in items:
            by_doc[item.doc].append(item)
        self.items = {d: sorted(v, key=lambda r: (r.start, r.end)) for d, v in by_doc.items()}
        self.starts = {d: [r.start for r in v] for d, v in self.items.items()}

    def within(self, doc: str, start: int, end: int) -> list:
        starts = self.starts.get(doc, [])
        return self.items.get(doc, [])[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)]


def _dates_compatible(a: str | None, b: str | None) -> bool:
    """Unknown dates, or one date within the other ("2024-11" and "2024-11-04"), may be the same time."""
    return not a or not b or a.startswith(b) or b.startswith(a)


def _cluster_map(clusters: Iterable[Cluster] | None, statements: list[Statement]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for c in clusters or ():
        for sid in c.statements:
            out[sid].add(c.id)
    for s in statements:  # a colleague's stage may set the cluster on the record itself
        if getattr(s, "cluster", None):
            out[record_id("s", s)].add(s.cluster)
    return out


def statement_props(corpus: Corpus, clusters: Iterable[Cluster] | None = None) -> list[Prop]:
    order = {doc: n for n, doc in enumerate(corpus.documents)}
    events = _DocIndex(corpus.events)
    mentions = _DocIndex(m for m in corpus.mentions if m.type in ACTOR_TYPES)
    cluster_of = _cluster_map(clusters, corpus.statements)
    props = []
    for s in corpus.statements:
        if s.kind not in CLAIMS:
            continue
        sid = record_id("s", s)
        # Actor names are matched by id; their words would make any two claims about the
        # same actors look alike. A facet noun ("troops" in "North Korean troops") stays.
        names = set()
        for m in mentions.within(s.doc, s.start, s.end):
            words = _WORD.findall(m.text.lower())
            names |= set(words[:-1] if m.facet else words)
        props.append(Prop(
            id=sid, kind="statement", record=s, status=s.status, actors=frozenset(s.actors),
            words=frozenset(content_words(s.text, names)),
            types=frozenset(e.type for e in events.within(s.doc, s.start, s.end)),
            clusters=frozenset(cluster_of.get(sid, ())),
            when=(str(corpus.published(s.doc) or "9999"), order.get(s.doc, 0), s.start),
        ))
    return props


def event_props(corpus: Corpus) -> list[Prop]:
    order = {doc: n for n, doc in enumerate(corpus.documents)}
    return [
        Prop(id=record_id("e", e), kind="event", record=e, status=e.status, actors=frozenset(e.actors),
             types=frozenset([e.type]), when=(str(corpus.published(e.doc) or "9999"), order.get(e.doc, 0), e.start))
        for e in corpus.events if e.actors
    ]


class StatementMatcher:
    """Whether a doubted or denied statement and a positive one state one proposition.

    The overlap is a Jaccard index in which each word counts ``log(1 + N / df)`` (N statements,
    df of them with the word): in a corpus about one deployment, sharing "troops" says little.
    """

    def __init__(self, props: list[Prop]) -> None:
        df = Counter(w for p in props for w in p.words)
        n = max(len(props), 1)
        self.weight = {w: math.log(1 + n / c) for w, c in df.items()}

    def score(self, a: frozenset[str], b: frozenset[str]) -> float:
        union = sum(self.weight.get(w, 1.0) for w in a | b)
        return sum(self.weight.get(w, 1.0) for w in a & b) / union if union else 0.0

    def __call__(self, probe: Prop, positive: Prop) -> bool:
        if _NEGATION.search(positive.record.text):
            return False  # "no plans to invade" labelled reported is not the claim a denial contradicts
        if probe.clusters & positive.clusters:
            return True
        if not probe.actors & positive.actors or not _dates_compatible(probe.record.date, positive.record.date):
            return False
        if len(probe.words & positive.words) < MIN_SHARED:
            return False
        score = self.score(probe.words, positive.words)
        if probe.status in COARSE:
            return score >= STRICT_JACCARD
        return score >= JACCARD or (bool(probe.types & positive.types) and score >= JACCARD_WITH_EVENT)


def same_event(probe: Prop, positive: Prop) -> bool:
    """Same type, mode and actor, and the same target: a shared recipient or the same place.

    A missing target does not count as agreeing: "the US is not sending troops to Ukraine" and
    "the US sent troops" (somewhere) are not one event.
    """
    a, b = probe.record, positive.record
    if _NEGATION.search(b.text):
        return False
    same_target = bool(set(a.recipients) & set(b.recipients)) or bool(
        a.location and b.location and a.location.lower() == b.location.lower())
    return (
        a.type == b.type and bool(probe.actors & positive.actors) and same_target
        and (not a.mode or not b.mode or a.mode == b.mode)
        and _dates_compatible(a.date, b.date)
    )


def conflict_kind(positive: str, other: str) -> str | None:
    """``negation`` for happened vs did not; ``status`` for confirmed (or plainly asserted) vs in doubt.

    "Reportedly X" and "X is unconfirmed" agree, as do "X" and "X may be so": no conflict.
    """
    if positive not in POSITIVE:
        return None
    if other in NEGATIVE:
        return "negation"
    if (positive == "confirmed" and other in DOUBTED) or (positive == "asserted" and other == "unconfirmed"):
        return "status"
    return None


def candidate_pairs(props: list[Prop], window: int = WINDOW) -> list[tuple[int, int]]:
    """(doubted or denied, positive) index pairs from different documents that share a block.

    Nothing is compared all against all: this is the sorted-neighbourhood method over blocks, so
    the number of pairs grows linearly with the corpus.

    Each prop's blocking keys are ``(actor, word)`` for its rarest words and ``(actor, type)``
    for its event types, plus its clusters. Within a block, members are sorted in time and each
    doubted or denied one is paired with the ``window`` nearest positive ones on either side.
    """
    freq = Counter(w for p in props for w in p.words)
    blocks: dict[tuple, list[int]] = defaultdict(list)
    for i, p in enumerate(props):
        if p.status not in POSITIVE | DOUBTED | NEGATIVE:
            continue
        rare = sorted(p.words, key=lambda w: (freq[w], w))[:RARE_WORDS]
        keys = {("w", a, w) for a in p.actors for w in rare} | {("t", a, t) for a in p.actors for t in p.types}
        keys |= {("c", c) for c in p.clusters}
        for key in keys:
            blocks[key].append(i)
    pairs: set[tuple[int, int]] = set()
    for members in blocks.values():
        probes = [i for i in members if props[i].status not in POSITIVE]
        if not probes or len(probes) == len(members):
            continue
        positives = sorted((props[i].when, i) for i in members if props[i].status in POSITIVE)
        confirmed = [(w, i) for w, i in positives if props[i].status == "confirmed"]
        for i in probes:
            # "Possibly X" clashes only with a confirmation; spare the other comparisons.
            targets = confirmed if props[i].status == "possible" else positives
            at = bisect.bisect_left(targets, (props[i].when, i))
            for _, j in targets[max(0, at - window): at + window]:
                if props[j].record.doc != props[i].record.doc:
                    pairs.add((i, j))
    return sorted(pairs)


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


STATUS_WORDS = {"asserted": "stated", "possible": "only possible"}


def _who(corpus: Corpus, record: Statement | Event) -> str:
    """"by United States in Outlet A (2024-11-01)", or "in Outlet A" for the report's own voice."""
    date = corpus.published(record.doc)
    where = f"in {corpus.outlet(record.doc)}" + (f" ({str(date)[:10]})" if date else "")
    source = None
    if isinstance(record, Statement):
        source = corpus.name(record.source) or (record.source_text if record.source_text != "author" else None)
    return f"by {source} {where}" if source else where


def _summary(corpus: Corpus, p: Prop, q: Prop, more: int) -> str:
    """"Confirmed by X in Outlet A (date); unconfirmed in Outlet B (date): “the claim”"."""
    said = STATUS_WORDS.get(p.status, p.status)
    doubted = STATUS_WORDS.get(q.status, q.status)
    claim = _short(p.record.text)
    text = f"{said.capitalize()} {_who(corpus, p.record)}; {doubted} {_who(corpus, q.record)}: “{claim}”"
    return text + (f" (and {more} more report{'s' if more > 1 else ''})" if more else "")


def proposition_conflicts(corpus: Corpus, props: list[Prop], match: Callable[[Prop, Prop], bool],
                          covered: set) -> list[Conflict]:
    """One conflict per doubted or denied item, with every positive item it matches (up to a cap).

    ``covered`` holds the sentence pairs already in a conflict; it is updated, so a clash found
    through statements is not reported again through the events inside them.
    """
    matches: dict[int, list[int]] = defaultdict(list)
    for i, j in candidate_pairs(props):
        if match(props[i], props[j]) and conflict_kind(props[j].status, props[i].status):
            matches[i].append(j)
    conflicts = []
    for i, js in sorted(matches.items(), key=lambda kv: props[kv[0]].when):
        q = props[i]
        ps, seen = [], set()
        # The claim closest in wording to the doubt leads, then confirmations, then the earliest.
        for j in sorted(js, key=lambda j: (-len(props[j].words & q.words), props[j].status != "confirmed",
                                           props[j].when)):
            sentence = corpus.sentence_span(props[j].record.doc, props[j].record.start)
            if (props[j].record.doc, sentence) not in seen:  # a clause and its sentence count once
                seen.add((props[j].record.doc, sentence))
                ps.append(j)
        # Confirmations always show among the sides: they are what a doubt most plainly contradicts.
        ps = ps[:1] + sorted(ps[1:], key=lambda j: props[j].status != "confirmed")
        ps = ps[: MAX_SIDES - 1]
        kind = conflict_kind(props[ps[0]].status, q.status)
        sides = [corpus.sentence_evidence(props[j].record.doc, props[j].record.start) for j in ps]
        doubt = corpus.sentence_evidence(q.record.doc, q.record.start)
        pairs = {((s.doc, s.start), (doubt.doc, doubt.start)) for s in sides}
        if pairs <= covered:
            continue  # the same sentences already conflict (a statement and the event inside it)
        covered |= pairs
        conflicts.append(Conflict(
            id=content_id("x", [kind, q.id, *(props[j].id for j in ps)]), kind=kind,
            summary=_summary(corpus, props[ps[0]], q, len(ps) - 1),
            sides=unique_evidence(sides + [doubt]),
        ))
    return conflicts


def find_conflicts(corpus: Corpus, tables: list[FigureTable] | None = None,
                   clusters: Iterable[Cluster] | None = None) -> list[Conflict]:
    """Every conflict in the corpus: figures, status, negation and knowledge-base checks (``kbcheck``).

    ``tables`` are the figure tables (built here when not given); ``clusters`` are statement
    clusters, whose members are compared even without shared words.
    """
    tables = build_figure_tables(corpus) if tables is None else tables
    covered: set = set()
    conflicts = figure_conflicts(corpus, tables)
    statements = statement_props(corpus, clusters)
    conflicts += proposition_conflicts(corpus, statements, StatementMatcher(statements), covered)
    conflicts += proposition_conflicts(corpus, event_props(corpus), same_event, covered)
    conflicts += knowledge_conflicts(corpus)
    order = {doc: n for n, doc in enumerate(corpus.documents)}

    def position(c: Conflict) -> tuple:
        first = min(((order.get(s.doc, 0), s.start) for s in c.sides), default=(0, 0))
        return KIND_ORDER.get(c.kind, 9), first, c.id

    return sorted(conflicts, key=position)
