"""Conflicts between sources: disagreeing figures, a claim confirmed here and doubted or denied there."""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from itertools import combinations
from dataclasses import dataclass

from storyline.analysis.corpus import Corpus
from storyline.analysis.figures import build_figure_tables, content_id, figure_conflicts
from storyline.analysis.kbcheck import knowledge_conflicts
from storyline.analysis.wording import (  # noqa: F401  (re-exported: the matcher's vocabulary)
    CLAIMS, DENIAL, DOUBT, DOUBTED, MODAL_NEGATION, NEGATIVE, POSITIVE, REPORTED_CLAIM, _DENIAL_OR_DOUBT, _NEGATION,
    _WORD,
    claimed_clause, content_words, disputed_claim, own_denial, probe_status, proposition_match, speaker, stem,
)
from storyline.models import Cluster, Conflict, Event, FigureTable, Statement
from storyline.store.records import record_id

JACCARD = 0.3
"""Rarity-weighted content-word Jaccard at or above which two statements sharing an actor state
one proposition."""
JACCARD_WITH_EVENT = 0.15
"""The lower bar when the two statements also contain an event of the same type."""
STRICT_JACCARD = 0.5
"""The bar for ``negated`` statements: any "not" in a sentence gives it that status, so sharing a
few words with a claim is weak evidence of denying that claim."""
COARSE = {"negated"}
SIMILAR_JACCARD = 0.12
"""The word overlap still required at ``CLAUSE_SIMILAR``: meaning alone pairs unrelated hedges."""
CLAUSE_SIMILAR = 0.7
"""Cosine similarity of the claimed clauses (frames stripped) at or above which they are one proposition."""
EVENT_CLAUSE_SIMILAR = 0.6
"""The clause similarity that two statements sharing an event type still need."""
MIN_CLAUSE_SIMILAR = 0.6
"""The clause similarity every matched pair needs when embeddings are at hand."""
CONTAINED_SIMILAR = 0.5
"""The lower bar when the whole denied clause, three words or more, is in the claim: a short clause
against a long sentence scores low on meaning however exactly the sentence states it."""
CONTAINED = 0.75
CONTAINED_WORDS = 3
"""Without a shared actor, a denied clause must be this contained (by weight, and in words) in the claim."""
MIN_SHARED = 2
"""Content words two statements must share besides their actors (one word is a coincidence)."""
RARE_WORDS = 8
"""Blocking words per statement: its rarest content words across the corpus."""
WINDOW = 25
"""Neighbours in time, each side, that a doubted or denied item is compared with in one block."""
PAIRED_WORDS = 12
"""A claim that names no actor is blocked on pairs of its this many rarest words, so that a denial
sharing two words of it still meets it."""
KIND_ORDER = {"figure": 0, "status": 1, "negation": 2, "knowledge": 3, "evolution": 4, "other": 5}

ACTOR_TYPES = {"person", "state", "organization", "igo", "group"}
HAPPENED = {"occurred", "occur", "occurs", "happened", "happen", "happens", "existed", "exist", "exists"}
"""Verbs that only say their subject took place: "denied that the contamination had occurred"
denies the contamination, so these are no part of what a denied clause must share with its claim."""
WHEN_ADJUNCT = re.compile(r"(?<!\s)\s++(?:before|after|since|until|during|following)\s++(?:the|a|an|its|their)\s++"
                          r"\w++[.,]?$", re.IGNORECASE)
"""A closing "before the collapse" says when, not what: a denied clause need not share it with its claim."""


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
    clause: str = ""
    """What is claimed, denied or doubted: the clause after "denied that", "confirmed that"..."""
    clause_words: frozenset[str] = frozenset()
    sourced: bool = False
    """True when a named or known source says it (so "reported" is a claim someone makes)."""
    hedged: bool = False
    """True when the sentence itself negates, denies or doubts: then it is not the claim a denial contradicts."""
    framed: bool = False
    """True when the sentence denies or doubts a clause it names ("denied that P", "no sign of P")."""
    doubt: bool = False
    """True when the sentence says something is not borne out ("no sign of", "has not confirmed")."""


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


def _dates_compatible(a: str | None, b: str | None, slack_days: int = 14) -> bool:
    """Unknown dates, one date within the other ("2024-11" and "2024-11-04"), or two days close
    together may be the same time: a claim made on Monday and denied on Tuesday are about one thing."""
    if not a or not b or a.startswith(b) or b.startswith(a):
        return True
    if len(a) >= 10 and len(b) >= 10:
        try:
            gap = abs((dt.date.fromisoformat(a[:10]) - dt.date.fromisoformat(b[:10])).days)
        except ValueError:
            return False
        return gap <= slack_days
    return False


REPORT_WINDOW_DAYS = 45
"""Two sources contradict each other about one time: a claim and a denial in reports further apart
than this, neither dating what it says, describe different moments ("has not yet condemned" in
April, a condemnation a year later), not one disputed fact."""


def _reports_apart(a: str, b: str) -> bool:
    """True when two reports' publication dates are known and more than the window apart."""
    try:
        gap = abs((dt.date.fromisoformat(a[:10]) - dt.date.fromisoformat(b[:10])).days)
    except ValueError:
        return False  # an undated report ("9999") may be from any time
    return gap > REPORT_WINDOW_DAYS


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
        if s.kind not in CLAIMS or _is_copy(corpus, s.doc):
            continue
        sid = record_id("s", s)
        # Actor names are matched by id; their words would make any two claims about the
        # same actors look alike. A facet noun ("troops" in "North Korean troops") stays.
        names = set()
        for m in mentions.within(s.doc, s.start, s.end):
            words = _WORD.findall(m.text.lower())
            names |= set(words[:-1] if m.facet else words)
        clause = claimed_clause(s.text)
        status = probe_status(s)
        if status == "denied" and not own_denial(s):
            status = "reported"  # denied by the sentence after it: here it is the claim someone makes
        props.append(Prop(
            id=sid, kind="statement", record=s, status=status, actors=frozenset(s.actors),
            words=frozenset(content_words(s.text, names)), clause=clause,
            clause_words=frozenset(content_words(WHEN_ADJUNCT.sub("", clause), names | HAPPENED)),
            sourced=bool(speaker(corpus, s)) or s.source_kind == "named",
            hedged=bool(_NEGATION.search(s.text)) or _DENIAL_OR_DOUBT(s.text),
            framed=clause != s.text and (_DENIAL_OR_DOUBT(s.text) or disputed_claim(s.text) is not None),
            doubt=bool(DOUBT.search(s.text)),
            types=frozenset(e.type for e in events.within(s.doc, s.start, s.end)),
            clusters=frozenset(cluster_of.get(sid, ())),
            when=(str(corpus.published(s.doc) or "9999"), order.get(s.doc, 0), s.start),
        ))
    return props


def _is_copy(corpus: Corpus, doc: str) -> bool:
    """A syndicated copy whose original is in the corpus: its clashes are its original's."""
    original = corpus.documents.get(doc, {}).get("duplicate_of")
    return bool(original and original in corpus.documents)


def event_props(corpus: Corpus) -> list[Prop]:
    order = {doc: n for n, doc in enumerate(corpus.documents)}
    return [
        Prop(id=record_id("e", e), kind="event", record=e, status=e.status, actors=frozenset(e.actors),
             types=frozenset([e.type]), when=(str(corpus.published(e.doc) or "9999"), order.get(e.doc, 0), e.start))
        for e in corpus.events if e.actors and not _is_copy(corpus, e.doc)
    ]


class StatementMatcher:
    """Whether a doubted or denied statement and a positive one state one proposition.

    The overlap is a Jaccard index in which each word counts ``log(1 + N / df)`` (N statements,
    df of them with the word): in a corpus about one deployment, sharing "troops" says little.
    """

    def __init__(self, props: list[Prop], similarity: Callable[[Prop, Prop], float | None] | None = None) -> None:
        df = Counter(w for p in props for w in p.words)
        n = max(len(props), 1)
        self.weight = {w: math.log(1 + n / c) for w, c in df.items()}
        self.similarity = similarity

    def containment(self, part: frozenset[str], whole: frozenset[str]) -> float:
        """How much of ``part`` (by rarity weight) ``whole`` also says."""
        total = sum(self.weight.get(w, 1.0) for w in part)
        return sum(self.weight.get(w, 1.0) for w in part & whole) / total if total else 0.0

    def score(self, a: frozenset[str], b: frozenset[str]) -> float:
        union = sum(self.weight.get(w, 1.0) for w in a | b)
        return sum(self.weight.get(w, 1.0) for w in a & b) / union if union else 0.0

    def __call__(self, probe: Prop, positive: Prop) -> bool:
        if not self._match(probe, positive):
            return False
        # Whatever the words share, the claimed clauses must mean alike where meaning is known:
        # "no signs of a withdrawal" does not doubt "troops are massed at the border".
        if self.similarity is None or probe.clusters & positive.clusters or _denies_before(probe, positive):
            return True
        if _phrase_match(probe, positive):
            return True  # the words themselves: meaning of a three-word clause against a sentence says little
        contained = self.contained(probe, positive)
        if contained and len(probe.clause_words & positive.words) >= CONTAINED_WORDS \
                and self.containment(probe.clause_words, positive.words) >= 1.0:
            return True  # every word of the denied clause, three at least, is in the claim
        bar = CONTAINED_SIMILAR if contained and len(probe.clause_words & positive.words) >= CONTAINED_WORDS \
            else MIN_CLAUSE_SIMILAR
        return (self.similarity(probe, positive) or 0.0) >= bar

    def strength(self, probe: Prop, positive: Prop) -> float:
        """For choosing among matched claims: how much of the denied clause each says, then how alike in meaning."""
        sim = (self.similarity(probe, positive) or 0.0) if self.similarity is not None else 0.0
        return round(self.containment(probe.clause_words, positive.words), 1) + sim / 10

    def contained(self, probe: Prop, positive: Prop) -> bool:
        """The whole clause a sentence denies or doubts ("denied that P", "unfounded accusations that P",
        "despite what X said about P, it has not happened") is in the claim, two words of it at least. Only
        for a denial or doubt: what follows a plain "not" is no claim someone made."""
        shared = probe.clause_words & positive.words
        return (probe.framed and len(shared) >= MIN_SHARED
                and self.containment(probe.clause_words, positive.words) >= CONTAINED)

    def _match(self, probe: Prop, positive: Prop) -> bool:
        if _denies_before(probe, positive):
            return True
        if positive.hedged:
            return False  # "no plans to invade" labelled reported, or a doubt, is not the claim a denial contradicts
        if probe.clusters & positive.clusters:
            return True
        # "denied on Tuesday that P": Tuesday dates the denial, not P
        if not _dates_compatible(None if probe.framed else probe.record.date, positive.record.date):
            return False
        if not (probe.record.date and positive.record.date) and _reports_apart(probe.when[0], positive.when[0]):
            return False
        if _phrase_match(probe, positive):
            return True  # "no sign of a Ukrainian attack" against "claimed to be under Ukrainian attack"
        if not probe.actors & positive.actors:
            # No actor in common (one side names none): only a denied clause that the claim states
            # nearly word for word is the same proposition.
            shared = probe.clause_words & positive.words
            return len(shared) >= CONTAINED_WORDS and self.containment(probe.clause_words, positive.words) >= CONTAINED
        same = proposition_match(probe.record, positive.record)
        if same is False and (_DENIAL_OR_DOUBT(probe.record.text) or probe.clause != probe.record.text):
            same = None  # a denial's or doubt's parse may be its frame ("had seen no evidence"), not what it denies
        if same is False:
            return False
        # What is denied or doubted is the clause, not the frame around it: the overlap is the clause's.
        if len(probe.clause_words & positive.words) < MIN_SHARED:
            return False
        score = self.score(probe.clause_words, positive.words)
        if same:
            return score >= JACCARD_WITH_EVENT
        if self.contained(probe, positive):
            return True
        if probe.status in COARSE and not DENIAL.search(probe.record.text):
            return score >= STRICT_JACCARD
        clauses = self.similarity
        if score >= JACCARD:
            return True
        if probe.types & positive.types and score >= JACCARD_WITH_EVENT:
            # One event type in both says little on a corpus about one crisis: the meaning must agree too.
            return not clauses or (clauses(probe, positive) or 0.0) >= EVENT_CLAUSE_SIMILAR
        # Meaning, with some wording in common, of the claimed clauses: on a corpus about one crisis
        # whole sentences are all alike, and a denial's frame says nothing about what is denied.
        return bool(clauses) and score >= SIMILAR_JACCARD and (clauses(probe, positive) or 0.0) >= CLAUSE_SIMILAR


_LEADING = re.compile(r"^(?:(?:a|an|the|any|some|such|this|that|these|those)\s+)+", re.IGNORECASE)


def _phrase_match(probe: Prop, positive: Prop) -> bool:
    """A doubt ("no sign of X", "no evidence of X") whose X the claim says word for word, with an actor in common."""
    return probe.doubt and bool(probe.actors & positive.actors) and _phrase_in(probe.clause, positive.record.text)


def _phrase_in(clause: str, text: str) -> bool:
    """Whether a short denied or doubted clause ("a Ukrainian attack") is said word for word in the claim,
    its determiners aside; at least two words, so that one shared word is never enough."""
    phrase = _LEADING.sub("", " ".join(clause.split()).strip(" .,\"'“”"))
    if len(phrase.split()) < 2 or len(phrase.split()) > 8:
        return False
    return re.search(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", " ".join(text.split()), re.IGNORECASE) is not None


def same_event(probe: Prop, positive: Prop) -> bool:
    """Same type, mode and actor, and the same target: a shared recipient or the same place.

    A missing target does not count as agreeing: "the US is not sending troops to Ukraine" and
    "the US sent troops" (somewhere) are not one event.
    """
    a, b = probe.record, positive.record
    if _NEGATION.search(b.text) or MODAL_NEGATION.search(a.text):
        return False  # "will not invade" is an intention or forecast, not a denial that something happened
    if a.trigger and a.trigger.lower() not in claimed_clause(a.text).lower():
        return False  # the sentence negates something else ("condemned X but refused to join Y")
    same_target = bool(set(a.recipients) & set(b.recipients)) or bool(
        a.location and b.location and a.location.lower() == b.location.lower())
    return (
        a.type == b.type and bool(probe.actors & positive.actors) and same_target
        and (not a.mode or not b.mode or a.mode == b.mode)
        and _dates_compatible(a.date, b.date)
    )


def conflict_kind(positive: str, other: str, sourced: bool = False) -> str | None:
    """``negation`` for happened vs did not; ``status`` for stated vs denied by a party, or
    confirmed (or plainly asserted) vs unconfirmed.

    "Reportedly X" and "X is unconfirmed" agree, as do "X" and "X may be so": no conflict.
    """
    if positive not in POSITIVE:
        return None
    if other == "negated":
        return "negation"
    if other == "denied" or (positive in ("confirmed", "asserted") and other in DOUBTED):
        return "status"
    if positive == "reported" and sourced and other in DOUBTED:
        return "status"  # a named source says so; another source says it is not borne out
    return None


def candidate_pairs(props: list[Prop], window: int = WINDOW) -> list[tuple[int, int]]:
    """(doubted or denied, positive) index pairs from different documents that share a block.

    Nothing is compared all against all: this is the sorted-neighbourhood method over blocks, so
    the number of pairs grows linearly with the corpus.

    Each prop's blocking keys are ``(actor, word)`` for every word of a positive prop and for the
    rarest words and the clause's words of a doubt or denial, ``(actor, type)`` for its event types,
    plus its clusters and (see below) pairs of rare words. The sentence right before a denial of
    "the reports" is always a candidate. Within a block, members are sorted in time and each
    doubted or denied one is paired with the ``window`` nearest positive ones on either side.
    """
    freq = Counter(w for p in props for w in p.words)
    blocks: dict[tuple, list[int]] = defaultdict(list)
    for i, p in enumerate(props):
        if p.status not in POSITIVE | DOUBTED | NEGATIVE:
            continue
        rare = sorted(p.words, key=lambda w: (freq[w], w))[:RARE_WORDS]
        # A short denied clause ("no sign of an attack") may share only a common word with its claim:
        # a claim is filed under all its words, a denial under its clause's words too.
        filed = set(p.words) if p.status in POSITIVE else set(rare) | p.clause_words
        keys = {("w", a, w) for a in p.actors for w in filed} | {("t", a, t) for a in p.actors for t in p.types}
        keys |= {("c", c) for c in p.clusters}
        # A denied clause can match a claim that names no actor: both are also blocked on pairs of
        # rare words (the clause's five rarest for a doubt or denial).
        if p.status not in POSITIVE:
            clause = sorted(p.clause_words, key=lambda w: (freq[w], w))[:5]
            keys |= {("ww", a, b) for a, b in combinations(sorted(clause), 2)}
        elif not p.actors:
            # a claim that names no actor ("the union said inspectors reported cracks" against "the
            # operator denied that cracks were reported"), on pairs of more of its words
            wider = sorted(p.words, key=lambda w: (freq[w], w))[:PAIRED_WORDS]
            keys |= {("ww", a, b) for a, b in combinations(sorted(wider), 2)}
        for key in keys:
            blocks[key].append(i)
    pairs: set[tuple[int, int]] = set(_anaphoric_pairs(props))
    for members in blocks.values():
        probes = [i for i in members if props[i].status not in POSITIVE]
        if not probes or len(probes) == len(members):
            continue
        positives = sorted((props[i].when, i) for i in members if props[i].status in POSITIVE)
        for i in probes:
            at = bisect.bisect_left(positives, (props[i].when, i))
            for _, j in positives[max(0, at - window): at + window]:
                if props[j].record.doc != props[i].record.doc or _two_voices(props[i], props[j]):
                    pairs.add((i, j))
    return sorted(pairs)


ANAPHORIC_DENIAL = re.compile(
    r"\b(?:den(?:y|ies|ied)|reject(?:s|ed)?|dismiss(?:es|ed)?|refut(?:e|es|ed)|disput(?:e|es|ed))\s+"
    r"(?:the|these|those|such|this|that|all|any)\s+(?:\w+\s+)?"
    r"(?:claims?|reports?|allegations?|accusations?|charges?|accounts?|assertions?|statements?)\b", re.IGNORECASE)
"""A denial aimed back at what was just said: "Kyiv denies the reports", "the ministry rejected these claims"."""


def _anaphoric_pairs(props: list[Prop]) -> Iterable[tuple[int, int]]:
    """(denial, claim) for a sentence that denies "the reports" or "these claims" and the claim right
    before it in the same paragraph: the denial names no words of what it denies."""
    by_doc: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(props):
        by_doc[p.record.doc].append(i)
    for members in by_doc.values():
        members.sort(key=lambda i: props[i].record.start)
        for before, i in zip(members, members[1:]):
            p, q = props[before], props[i]
            if q.status in NEGATIVE and p.status in POSITIVE and _denies_before(q, p):
                yield i, before


def _denies_before(probe: Prop, positive: Prop) -> bool:
    """The probe denies "the reports" right after the positive sentence in one report, which relays what
    someone says or alleges (the report's own account is not "the reports")."""
    a, b = positive.record, probe.record
    relayed = getattr(a, "source_kind", "author") != "author" or REPORTED_CLAIM.search(a.text)
    return a.doc == b.doc and 0 <= b.start - a.end <= 3 and bool(relayed) and bool(ANAPHORIC_DENIAL.search(b.text))


def _two_voices(a: Prop, b: Prop) -> bool:
    """Two sources quoted in one report ("Moscow says its troops are leaving; a White House official
    called that false"): both sides have a source other than the report's own voice, and not the
    same one. The report's own voice against a source it quotes is reporting, not a dispute."""
    def voice(p: Prop) -> str | None:
        record = p.record
        if getattr(record, "source_kind", "author") == "author":
            # "the separatists accused the army of ...", "claimed to be under attack": the report relays
            # someone else's claim, whoever the parse made its source
            return "a claim relayed" if p.status in POSITIVE and REPORTED_CLAIM.search(record.text) else None
        return record.source or (record.source_text or "").lower() or None

    va, vb = voice(a), voice(b)
    return va is not None and vb is not None and va != vb and a.record.start != b.record.start


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


def _speaker(corpus: Corpus, record: Statement | Event) -> str | None:
    return speaker(corpus, record) if isinstance(record, Statement) else None


def _same_speaker(corpus: Corpus, a: str | None, b: str | None) -> bool:
    """One source: the same actor, or a person named in full in one report and by surname in another
    ("Palesa Ntho", "Ms Ntho") when the reports' actors were not merged."""
    if not a or not b:
        return False
    if a == b:
        return True
    if "person" not in a or "person" not in b:
        return False
    x, y = (corpus.name(a) or "").split(), (corpus.name(b) or "").split()
    short, full = sorted([x, y], key=len)
    return bool(short) and len(short) < len(full) and full[-len(short):] == short


def _evolution_summary(corpus: Corpus, first: Prop, later: Prop, name: str) -> str:
    """"X denied it in Outlet A (date), then acknowledged it in Outlet B (date): “the claim”"."""
    def where(p: Prop) -> str:
        date = corpus.published(p.record.doc)
        return f"in {corpus.outlet(p.record.doc)}" + (f" ({str(date)[:10]})" if date else "")

    said = "denied" if first.status in NEGATIVE | DOUBTED else "stated"
    then = "acknowledged" if said == "denied" else ("retracted" if later.status in NEGATIVE else "doubted")
    claim = first.record.text if said == "stated" else later.record.text
    return f"{name} {said} it {where(first)}, then {then} it {where(later)}: “{_short(claim)}”"


def proposition_conflicts(corpus: Corpus, props: list[Prop], match: Callable[[Prop, Prop], bool],
                          covered: set) -> list[Conflict]:
    """One conflict per doubted or denied item and the positive item that best states what it denies.

    Its sides are exactly the two sentences. When both are said by one source (denied, then
    acknowledged), it is an ``evolution`` of that source's account, not a clash between sources.
    ``covered`` holds the sentence pairs already in a conflict; it is updated, so a clash found
    through statements is not reported again through the events inside them.
    """
    def match_strength(q: Prop, p: Prop) -> float:
        """How well a claim states what the probe denies: its clause's words, then meaning where known."""
        strength = getattr(match, "strength", None)
        return strength(q, p) if strength is not None else 0.0

    matches: dict[int, list[int]] = defaultdict(list)
    for i, j in candidate_pairs(props):
        if match(props[i], props[j]) and conflict_kind(props[j].status, props[i].status, props[j].sourced):
            matches[i].append(j)
    conflicts = []
    for i, js in sorted(matches.items(), key=lambda kv: props[kv[0]].when):
        q = props[i]
        who = _speaker(corpus, q.record)
        # One source's own account that changed: not its report of someone else's accusation.
        own = [j for j in js if _same_speaker(corpus, who, _speaker(corpus, props[j].record))
               and not REPORTED_CLAIM.search(props[j].record.text)]
        js = [j for j in js if j in own or not _same_speaker(corpus, who, _speaker(corpus, props[j].record))]
        others = [j for j in js if j not in own]
        # The claim that says most of the denied clause leads (then the closest in meaning), then the
        # closest in wording, then confirmations, then the earliest.
        best = lambda ks: min(ks, key=lambda j: (-round(match_strength(q, props[j]), 2),
                                                 -len(props[j].words & q.words), props[j].status != "confirmed",
                                                 props[j].when))
        for group, evolution in ((own, True), (others, False)):
            if not group:
                continue
            p = props[best(group)]
            side = corpus.sentence_evidence(p.record.doc, p.record.start)
            doubt = corpus.sentence_evidence(q.record.doc, q.record.start)
            pair = ((side.doc, side.start), (doubt.doc, doubt.start))
            if pair in covered:
                continue  # the same sentences already conflict (a statement and the event inside it)
            covered.add(pair)
            if evolution:
                first, later = sorted([p, q], key=lambda x: x.when)
                conflicts.append(Conflict(
                    id=content_id("x", ["evolution", first.id, later.id]), kind="evolution",
                    summary=_evolution_summary(corpus, first, later, corpus.name(who) or who),
                    sides=[corpus.sentence_evidence(x.record.doc, x.record.start) for x in (first, later)],
                    assessment="denied, then acknowledged" if first is q else "stated, then denied"))
                continue
            kind = conflict_kind(p.status, q.status, p.sourced)
            conflicts.append(Conflict(
                id=content_id("x", [kind, q.id, p.id]), kind=kind,
                summary=_summary(corpus, p, q, 0), sides=[side, doubt],
            ))
    return conflicts


def embedding_similarity(props: list[Prop], embeddings) -> Callable[[Prop, Prop], float | None]:
    """Cosine similarity of two props' claimed clauses, embedding only the props in some candidate pair."""
    needed = sorted({k for pair in candidate_pairs(props) for k in pair})
    if not needed:
        return lambda a, b: None
    texts = sorted({props[k].clause for k in needed})
    vectors = embeddings(["k" + hashlib.sha256(c.encode()).hexdigest()[:16] for c in texts], texts)
    row = {c: n for n, c in enumerate(texts)}

    def similarity(a: Prop, b: Prop) -> float | None:
        if a.clause not in row or b.clause not in row:
            return None
        return float(vectors[row[a.clause]] @ vectors[row[b.clause]])

    return similarity


def find_conflicts(corpus: Corpus, tables: list[FigureTable] | None = None,
                   clusters: Iterable[Cluster] | None = None, embeddings=None) -> list[Conflict]:
    """Every conflict in the corpus: figures, status, negation and knowledge-base checks (``kbcheck``).

    ``tables`` are the figure tables (built here when not given); ``clusters`` are statement
    clusters, whose members are compared even without shared words.
    """
    tables = build_figure_tables(corpus) if tables is None else tables
    covered: set = set()
    conflicts = figure_conflicts(corpus, tables)
    statements = statement_props(corpus, clusters)
    similarity = embedding_similarity(statements, embeddings) if embeddings is not None else None
    conflicts += proposition_conflicts(corpus, statements, StatementMatcher(statements, similarity), covered)
    conflicts += proposition_conflicts(corpus, event_props(corpus), same_event, covered)
    conflicts += knowledge_conflicts(corpus)
    order = {doc: n for n, doc in enumerate(corpus.documents)}

    def position(c: Conflict) -> tuple:
        first = min(((order.get(s.doc, 0), s.start) for s in c.sides), default=(0, 0))
        return KIND_ORDER.get(c.kind, 9), first, c.id

    return sorted(conflicts, key=position)
