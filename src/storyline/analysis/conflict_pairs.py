"""The propositions conflicts are found between (a statement or event reduced to its words, actors,
status and claimed clause) and which of them are compared: blocking by actor and rare words, a window
in time, and a denial aimed back at "the reports" just before it. Matching is ``conflict_match``."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations
from typing import NamedTuple

from storyline.analysis.clauses import claimed_clause, claims_of, lead_words
from storyline.analysis.corpus import Corpus
from storyline.analysis.lasting import persisted_state
from storyline.analysis.wording import (
    CLAIMS, DOUBT, DOUBTED, NEGATIVE, POSITIVE, REPORTED_CLAIM, _DENIAL_OR_DOUBT, _NEGATION, _WORD,
    content_words, disputed_claim, head_clause, own_denial, probe_status, speaker, stem,
)
from storyline.models import Cluster, Event, Statement
from storyline.store.records import record_id

RARE_WORDS = 8
"""Blocking words per statement: its rarest content words across the corpus."""
WINDOW = 25
"""Neighbours in time, each side, that a doubted or denied item is compared with in one block."""
PAIRED_WORDS = 12
"""A claim that names no actor is blocked on pairs of its this many rarest words, so that a denial
sharing two words of it still meets it."""
ACTOR_TYPES = {"person", "state", "organization", "igo", "group"}
HAPPENED = {"occurred", "occur", "occurs", "happened", "happen", "happens", "existed", "exist", "exists",
            "found", "seen", "recorded", "observed"}
"""Verbs that only say their subject took place: "denied that the contamination had occurred"
denies the contamination, and "no dead fish had been found" says there were none, so these are no
part of what a denied clause must share with its claim."""
WHEN_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "morning", "afternoon",
              "evening", "night", "weekend", "today", "tonight", "yesterday", "tomorrow", "week", "month"}
"""Words that say when ("by Sunday night"): what a forecast and the later report against it differ on by design."""
WHEN_ADJUNCT = re.compile(r"(?<!\s)\s++(?:before|after|since|until|during|following)\s++(?:the|a|an|its|their)\s++"
                          r"\w++(?:\s++\w++){0,3}[.,]?$", re.IGNORECASE)
"""A closing "before the collapse" or "since the ship ran aground" says when, not what: a denied clause
need not share it with its claim."""


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
    lead: tuple[str, ...] = ()
    """The clause's first content words in order: who did what to whom ("troops rescued pupils"), before
    the details a denial adds ("taken from the boarding school")."""
    clauses: tuple[str, ...] = ()
    """Every claim the sentence makes ("said that A and that B" gives A and B), for meaning."""
    sourced: bool = False
    """True when a named or known source says it (so "reported" is a claim someone makes)."""
    hedged: bool = False
    """True when the sentence itself negates, denies or doubts: then it is not the claim a denial contradicts."""
    framed: bool = False
    """True when the sentence denies or doubts a clause it names ("denied that P", "no sign of P")."""
    doubt: bool = False
    """True when the sentence says something is not borne out ("no sign of", "has not confirmed")."""
    called_off: bool = False
    """True for a report that something expected was put off ("the third round ... has been postponed"): it
    negates only a forecast that it would happen."""
    forecast: bool = False
    """True for what a sentence expects ("would seal the leak by Wednesday", "will not be restored before
    the weekend"): it meets only what was expected to happen, or a later report that it did not."""
    voice: frozenset[str] = frozenset()
    """Who says it: the source and the parties its name holds ("Ecuador's Defence Ministry": Ecuador too)."""
    persisted: tuple = ()
    """``(subject, changes ruled out)`` for a report that a state lasted ("the crossing remained closed"):
    it negates only a forecast of one of those changes to that subject ("was expected to reopen")."""
    led: frozenset[str] = frozenset()
    """The states whose head of state or government, on the report's date, is one of its actors: the leader
    stands for his state ("the president said troops would stay" and "the country denies it has troops there")."""

    def parties(self) -> frozenset[str]:
        """Its actors and the states its leaders stand for."""
        return self.actors | self.led if self.led else self.actors


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


class Wording(NamedTuple):
    """What a statement's own wording says for conflicts: the fields of its ``Prop`` that depend only on
    the sentence, its kind, status, polarity and cues, and the actor names inside it."""

    status: str
    words: frozenset[str]
    clause: str
    clause_words: frozenset[str]
    lead: tuple[str, ...]
    clauses: tuple[str, ...]
    hedged: bool
    framed: bool
    doubt: bool
    forecast: bool
    called_off: bool
    persisted: tuple


def wording(s: Statement, names: set[str], forecast: str | None) -> Wording:
    """The wording of ``s`` (``forecast``: its ``forecast_status``; ``names``: words of the actor names
    inside it, left out of its words)."""
    clause = claimed_clause(s.text)
    status = forecast or probe_status(s)
    if status == "possible" and s.kind in CLAIMS and judged_likely(s.text):
        status = "likely"  # "the blast was most likely caused by a gas leak": an assessment a denial answers
    called_off = forecast is None and status in POSITIVE and bool(CALLED_OFF.search(head_clause(s.text)))
    status = "negated" if called_off else status
    if status == "denied" and not own_denial(s):
        status = "reported"  # denied by the sentence after it: here it is the claim someone makes
    persisted = persisted_state(s.text) if forecast is None and status in POSITIVE else None
    status = "negated" if persisted else status
    return Wording(
        status=status, words=frozenset(content_words(s.text, names)), clause=clause,
        clause_words=frozenset(content_words(WHEN_ADJUNCT.sub("", clause), names | HAPPENED | WHEN_WORDS)),
        lead=lead_words(clause, names | HAPPENED | WHEN_WORDS), clauses=tuple(claims_of(s.text, clause)),
        hedged=bool(_HEDGE.search(head_clause(s.text))) or _DENIAL_OR_DOUBT(s.text),
        framed=clause != s.text and (_DENIAL_OR_DOUBT(s.text) or disputed_claim(s.text) is not None),
        doubt=bool(DOUBT.search(s.text)), forecast=forecast is not None, called_off=called_off,
        persisted=persisted or (),
    )


EVENT_WORDS = {
    "~die": ("die", "died", "dies", "dying", "dead", "death", "deaths", "kill", "killed", "kills", "killing",
             "perish", "perished", "fatal", "fatally"),
    "~hit": ("hit", "hits", "struck", "crash", "crashed", "crashes", "crashing", "collide", "collided", "collides",
             "collision", "ram", "rammed", "rams", "slam", "slammed", "smash", "smashed"),
}
"""One event told in other words by two sources: "three were killed" and "three died"; "the lorry hit the bus" and
"the lorry crashed into the bus". The word overlap of two statements reads each of these words as its class (a
word no text holds); everything else reads the words themselves."""
_EVENT_CLASS = {stem(w): name for name, forms in EVENT_WORDS.items() for w in forms}


def one_event(words: frozenset[str]) -> frozenset[str]:
    """``words`` with each word of a death or a collision read as its class (``EVENT_WORDS``)."""
    return frozenset(_EVENT_CLASS.get(w, w) for w in words) if not _EVENT_CLASS.keys().isdisjoint(words) else words


def _to_json(w: Wording) -> list:
    persisted = [w.persisted[0], sorted(w.persisted[1])] if w.persisted else []
    return [w.status, sorted(w.words), w.clause, sorted(w.clause_words), list(w.lead), list(w.clauses),
            w.hedged, w.framed, w.doubt, w.forecast, w.called_off, persisted]


def _from_json(v: list) -> Wording:
    persisted = (v[11][0], frozenset(v[11][1])) if v[11] else ()
    return Wording(v[0], frozenset(v[1]), v[2], frozenset(v[3]), tuple(v[4]), tuple(v[5]), v[6], v[7], v[8], v[9],
                   v[10], persisted)


def _wordings(corpus: Corpus, chosen: list[tuple[Statement, set[str], str | None]]) -> list[Wording]:
    """The wording of each chosen statement: read back from the corpus's ``wordings`` store where an
    earlier run derived it, derived here otherwise (and, once, for a sentence the corpus repeats)."""
    store = corpus.wordings
    keys = [(s.text, s.kind, s.status, s.polarity, tuple(s.cues or ()), tuple(sorted(names)), forecast)
            for s, names, forecast in chosen]
    hashed = [store.key(k) for k in keys] if store is not None else keys
    known = {k: _from_json(v) for k, v in store.get(hashed).items()} if store is not None else {}
    found: dict = {}
    out = []
    for (s, names, forecast), key in zip(chosen, hashed):
        w = known.get(key) or found.get(key)
        if w is None:
            w = found[key] = wording(s, names, forecast)
        out.append(w)
    if store is not None:
        store.put({k: _to_json(w) for k, w in found.items()})
    return out


LEADERS = ("head_of_state", "head_of_government")


@lru_cache(maxsize=1 << 12)
def governed_state(actor: str, published: str | None) -> str | None:
    """The state (an actor id) whose head of state or government a knowledge-base person was on the report's
    date ``published``; None for anyone else, for a report with no date, or for one who led two states then."""
    if not actor.startswith("kb:person:") or not published:
        return None
    try:
        day = dt.date.fromisoformat(str(published)[:10])
    except ValueError:
        return None
    from storyline.kb.lookup import load_kb

    states = {t.of for t in load_kb().offices(actor[3:], day) if t.of and t.office.startswith(LEADERS)}
    return f"kb:{states.pop()}" if len(states) == 1 else None


def statement_props(corpus: Corpus, clusters: Iterable[Cluster] | None = None) -> list[Prop]:
    order = {doc: n for n, doc in enumerate(corpus.documents)}
    events = _DocIndex(corpus.events)
    mentions = _DocIndex(m for m in corpus.mentions if m.type in ACTOR_TYPES)
    cluster_of = _cluster_map(clusters, corpus.statements)
    chosen, voices = [], []
    for s in corpus.statements:
        if _is_copy(corpus, s.doc):
            continue
        forecast = forecast_status(s)
        if s.kind not in CLAIMS and forecast is None and not (s.status == "confirmed" and s.kind == "opinion") \
                and not (s.kind == "opinion" and s.status in NEGATIVE | DOUBTED and ANAPHORIC_REBUTTAL.match(s.text)):
            continue  # a confirmation, or a flat rebuttal ("this is a baseless pretext"), states a fact, whatever
            # word in it reads as a judgement
        # Actor names are matched by id; their words would make any two claims about the
        # same actors look alike. A facet noun ("troops" in "North Korean troops") stays.
        named: Counter = Counter()
        inside = mentions.within(s.doc, s.start, s.end)
        voice = {s.source} if s.source else set()
        voice |= {m.entity for m in inside if m.entity and s.source_text and m.text in s.source_text}
        for m in inside:
            words = _WORD.findall(m.text.lower())
            named.update(words[:-1] if m.facet else words)
        # A name's word that the sentence also uses elsewhere stays ("the Water Supply Company denied the
        # tap water was contaminated").
        said = Counter(_WORD.findall(s.text.lower()))
        names = {w for w, n in named.items() if said[w] <= n}
        chosen.append((s, names, forecast))
        voices.append(voice)
    props = []
    for (s, _, _), voice, w in zip(chosen, voices, _wordings(corpus, chosen)):
        sid = record_id("s", s)
        props.append(Prop(
            id=sid, kind="statement", record=s, status=w.status, actors=frozenset(s.actors),
            words=w.words, clause=w.clause, clause_words=w.clause_words, lead=w.lead, clauses=w.clauses,
            sourced=bool(speaker(corpus, s)) or s.source_kind == "named",
            hedged=w.hedged, framed=w.framed, doubt=w.doubt, forecast=w.forecast, called_off=w.called_off,
            persisted=w.persisted, voice=frozenset(voice),
            led=frozenset(x for a in s.actors if (x := governed_state(a, corpus.published(s.doc)))),
            types=frozenset(e.type for e in events.within(s.doc, s.start, s.end)),
            clusters=frozenset(cluster_of.get(sid, ())),
            when=(str(corpus.published(s.doc) or "9999"), order.get(s.doc, 0), s.start),
        ))
    return props


_HEDGE = re.compile(_NEGATION.pattern.replace("without|", ""), re.IGNORECASE)
"""A negation that makes a sentence no plain claim; "without a licence" says how, it negates nothing."""
FUTURE_NEGATION = re.compile(r"\b(?:will|would|shall)\s+not\b|\b(?:won|wouldn)['’]?t\b", re.IGNORECASE)
"""A forecast that something will not happen ("supply would not be restored before the weekend")."""
CALLED_OFF = re.compile(r"\b(?:(?:has|have|had|was|were|is|are)\s+been\s+|was\s+|were\s+)(?:postponed|cancell?ed|"
                        r"called\s+off|put\s+off|scrapped|delayed)\b", re.IGNORECASE)
"""What was expected did not happen when it was due: "has been postponed", "was called off"."""
CLAIMED = POSITIVE | {"expected", "likely"}
"""What a denial, doubt or negation can contradict: a claim, what a source expects to happen, or what it judges
likely ("most likely caused by")."""
_PROBABLE = re.compile(r"\b(?:(?:most|very|highly)\s++)?(?:likely|probably)\b(?!\s++to\b)|"
                       r"\balmost\s++certainly\b|\bin\s++all\s++likelihood\b", re.IGNORECASE)
_WEAKER = re.compile(r"\b(?:may|might|could|possibly|perhaps|maybe|if|whether|unless|unclear|not\s++clear|"
                     r"(?:un|less\s++)likely)\b", re.IGNORECASE)


def judged_likely(text: str) -> bool:
    """Whether a hedged sentence's only hedge says its claim is probably so ("the fire was most likely caused by a
    faulty heater", "the crash probably resulted from pilot error"): an assessment, which a denial of what it
    claims contradicts, unlike "may have been caused" or "is likely to rise" (a forecast)."""
    return _PROBABLE.search(text) is not None and _WEAKER.search(head_clause(text)) is None


def forecast_status(s: Statement) -> str | None:
    """``expected`` for a forecast that something will happen, ``negated`` for one that it will not (none under
    a condition: ``CONDITION``), None for anything else (a claim of fact, or a forecast that only says it may:
    "could rise")."""
    if s.kind in CLAIMS | {"prediction"} and s.status == "expected" and not _NEGATION.search(head_clause(s.text)):
        return "expected"
    if s.kind in CLAIMS | {"prediction"} and s.status == "negated" and FUTURE_NEGATION.search(s.text) \
            and not _DENIAL_OR_DOUBT(s.text) and not CONDITION.search(head_clause(s.text)):
        return "negated"
    return None


CONDITION = re.compile(r"\b(?:if|unless)\b", re.IGNORECASE)
"""A condition set on a forecast ("if the rebels take the town, they will not stop there"): what will not happen
hangs on it, so the sentence forecasts nothing a report of what came to pass can answer."""


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


def candidate_pairs(props: list[Prop], window: int = WINDOW) -> list[tuple[int, int]]:
    """(doubted or denied, positive) index pairs from different documents that share a block.

    Nothing is compared all against all: this is the sorted-neighbourhood method over blocks, so
    the number of pairs grows linearly with the corpus.

    Each prop's blocking keys are ``(actor, word)`` for every word of a positive prop and for the
    rarest words and the clause's words of a doubt or denial, ``(actor, type)`` for its event types,
    plus its clusters and (see below) pairs of rare words. The sentence right before a denial of
    "the reports" is always a candidate. Within a block, members are sorted in time and each
    doubted or denied one is paired with the ``window`` nearest positive ones on either side.

    The pairs of the last list of props asked about are kept: conflicts and the meaning of their
    clauses ask about the same statements, and the pairs are the costliest part of either.
    """
    global _last
    marks = tuple(map(id, props))
    held = _last  # read once: another thread may replace it meanwhile
    if held is not None and held[0] is props and held[1] == (marks, window):
        return list(held[2])
    pairs = _candidate_pairs(props, window)
    _last = (props, (marks, window), pairs)
    return list(pairs)


_last: tuple | None = None
"""The props (a list, held so that its identity stays its own), their members' identities and the
window, and the pairs found: ``candidate_pairs`` answers again from it while the list and its
members are the same (props are not changed once made)."""


def _candidate_pairs(props: list[Prop], window: int) -> list[tuple[int, int]]:
    freq = Counter(w for p in props for w in p.words)
    # Props are filed in time order (date, document, offset, then index), so every block's
    # members come out sorted in time with no sort per block.
    by_time = sorted(range(len(props)), key=lambda i: (props[i].when, i))
    claimed = [p.status in CLAIMED for p in props]
    filed_keys: list[tuple[int, set[tuple]]] = []
    probing: set[tuple] = set()  # keys of some doubted or denied prop: only their blocks pair anything
    rank = lambda w: (freq[w], w)  # noqa: E731
    for i in by_time:
        p = props[i]
        if p.status not in _COMPARED:
            continue
        ranked = sorted(p.words, key=rank)
        # A short denied clause ("no sign of an attack") may share only a common word with its claim:
        # a claim is filed under all its words, a denial under its clause's words too.
        filed = set(p.words) if claimed[i] else set(ranked[:RARE_WORDS]) | p.clause_words
        keys = {("w", a, w) for a in p.actors for w in filed} | {("t", a, t) for a in p.actors for t in p.types}
        keys |= {("c", c) for c in p.clusters}
        day = p.record.date if isinstance(p.record.date, str) and len(p.record.date) >= 10 else None
        if day:  # "no queues on Monday" and "queues formed on Monday", whoever each names
            keys |= {("d", day[:10], w) for w in (filed if claimed[i] else p.clause_words)}
        # A denied clause can match a claim that names no actor: both are also blocked on pairs of
        # rare words (the clause's five rarest for a doubt or denial).
        if claimed[i] and _ACCUSING.search(p.record.text) or DENIED_ACCUSATION.search(p.record.text):
            keys |= {("acc", a) for a in p.actors}  # "rejected the accusation" meets the accusations naming it
        if p.persisted:  # "the crossing remained closed" meets "the crossing was expected to reopen"
            keys |= {("ww", *sorted((p.persisted[0], v))) for v in p.persisted[1]}
        if not claimed[i]:
            clause = sorted(p.clause_words, key=rank)[:5]
            keys |= {("ww", a, b) for a, b in combinations(sorted(clause), 2)}
            keys |= {("ww", a, b) for a, b in combinations(sorted(p.lead), 2)}  # who did what, whatever the detail
            probing |= keys
        else:
            # a claim, on pairs of more of its words: one that names no actor ("the union said inspectors
            # reported cracks" against "the operator denied that cracks were reported"), or whose actors the
            # denial does not name ("the community leaders said a ransom was paid", "reports that a ransom
            # had been paid")
            wider = sorted(ranked[:PAIRED_WORDS])
            keys |= {("ww", a, b) for a, b in combinations(wider, 2)}
        filed_keys.append((i, keys))
    # A block with no doubted or denied member pairs nothing: only the others are filled.
    blocks: dict[tuple, list[int]] = defaultdict(list)
    for i, keys in filed_keys:
        for key in keys & probing if claimed[i] else keys:
            blocks[key].append(i)
    docs = [p.record.doc for p in props]
    pairs: set[tuple[int, int]] = set(_anaphoric_pairs(props))
    for members in blocks.values():
        if len(members) < 2:
            continue
        positives = [i for i in members if claimed[i]]
        if not positives:
            continue
        seen = 0  # positives before the probe in time: where it would sort among them
        for i in members:
            if claimed[i]:
                seen += 1
                continue
            doc = docs[i]
            for j in positives[max(0, seen - window): seen + window]:
                if docs[j] != doc or _two_voices(props[i], props[j]):
                    pairs.add((i, j))
    return sorted(pairs)


_COMPARED = CLAIMED | DOUBTED | NEGATIVE
"""The statuses that take part in a candidate pair, as a claim or as what doubts or denies one."""


_ACCUSING = re.compile(r"\b(?:accus|alleg)\w*", re.IGNORECASE)
DENIED_ACCUSATION = re.compile(
    r"\b(?:den(?:y|ies|ied)|reject(?:s|ed)?|dismiss(?:es|ed)?|refut(?:e|es|ed)|disput(?:e|es|ed))\s+"
    r"(?:the|these|those|such|this|that|all|any)\s+(?:\w+\s+)?(?:accusations?|allegations?|charges?)\b(?!,?\s+that\b)",
    re.IGNORECASE)
"""A denial aimed at an accusation it does not spell out: "rejected the accusation", "denies these allegations"."""
ANAPHORIC_DENIAL = re.compile(
    r"\b(?:den(?:y|ies|ied)|reject(?:s|ed)?|dismiss(?:es|ed)?|refut(?:e|es|ed)|disput(?:e|es|ed))\s+"
    r"(?:the|these|those|such|this|that|all|any)\s+(?:\w+\s+)?"
    r"(?:claims?|reports?|allegations?|accusations?|charges?|accounts?|assertions?|statements?)\b(?!,?\s+that\b)",
    re.IGNORECASE)
"""A denial aimed back at what was just said: "Kyiv denies the reports", "the ministry rejected these claims"
(not "rejected the claim that P", which names what it denies)."""


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


_WHAT_WAS_SAID = (r"(?:claims?|reports?|figures?|numbers?|tolls?|estimates?|accounts?|allegations?|assertions?|"
                  r"statements?|information|data|details|losses)")
"""What a source said, as a report names it back: "the claims", "the figures", "this information"."""
ANAPHORIC_REBUTTAL = re.compile(
    r"\A[\s\"“'‘–—-]*+(?:but\s++)?"
    r"(?:(?:[\w.'’-]++\s++){1,6}?(?:says?|said|insists?|insisted|argues?|argued|maintains?|maintained|counters?|"
    r"countered|calls?|called)\s++(?:that\s++)?)?"
    r"(?:it|this|that|(?:the|these|those|this|that|such)\s++(?:\w++\s++)?" + _WHAT_WAS_SAID + r")"
    r"(?:['’]s\s++|\s++(?:is|was|are|were)\s++)(?:simply\s++|just\s++|all\s++)?"
    r"(?:not\s++true|untrue|not\s++the\s++case|nonsense|an?\s++(?:(?:outright|blatant|complete|total)\s++)?"
    r"(?:lie|fabrication)|(?:an?\s++)?(?:false|fake|incorrect|baseless|groundless|unfounded)"
    r"(?!\s++(?:alarm|flag|impression|start|dawn)s?\b))\b(?!\s++(?:that|to)\b)", re.IGNORECASE)
"""A flat rebuttal of the sentence before it, naming none of its words: "It's not true", "That is false", "This
information is incorrect", and with its source first: "Kyiv says this is a baseless pretext" (not "it is not true
that P" nor "it was incorrect to say P", which name what they rebut)."""
_RELAYED_FRAME = re.compile(
    r"\A(?:[\w.'’-]++\s++){1,5}?(?<!\bis\s)(?<!\bare\s)(?<!\bwas\s)(?<!\bwere\s)(?<!\bbe\s)(?<!\bbeen\s)"
    r"(?:(?:has|have|had)\s++)?(?:says?|said|terms?|termed|calls?|called|"
    r"describes?|described|insists?|insisted|maintains?|maintained|argues?|argued)\b")
"""A party's word relayed in the report's own voice: "Moscow terms its action a special operation", "Russia has
said it is acting in self-defence" (not the passive "the bridge is called ...")."""
_RELAYED_NOUN = re.compile(
    r"\b(?:concerns?|fears?|warnings?|reports?|suggestions?|assessments?|allegations?|accusations?|claims?|charges?)"
    r"\s++(?:(?:from|by|in)\s++(?:[\w.'’-]++\s++){1,4}?)?that\s", re.IGNORECASE)
"""A claim relayed as a noun's content: "concerns from Washington that Beijing is sending arms", "reports that the
army shelled the village"."""


def relays_claim(record: Statement | Event) -> bool:
    """Whether a sentence relays what someone says, alleges or fears (a source other than the report's own voice,
    "accused", "X says", "concerns from X that"): what a "the reports" or "this is false" right after it answers."""
    return getattr(record, "source_kind", "author") != "author" or REPORTED_CLAIM.search(record.text) is not None \
        or _RELAYED_FRAME.match(record.text) is not None or _RELAYED_NOUN.search(record.text) is not None


def _denies_before(probe: Prop, positive: Prop) -> bool:
    """The probe denies "the reports" right after the positive sentence in one report, which relays what
    someone says or alleges (the report's own account is not "the reports")."""
    a, b = positive.record, probe.record
    return a.doc == b.doc and 0 <= b.start - a.end <= 3 and relays_claim(a) and bool(ANAPHORIC_DENIAL.search(b.text))


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

