"""Candidate pairs that blocking by actor misses: a denial or doubt and a claim that name no party in
common (one names none: "witnesses said riot police fired rubber bullets" against "a police spokesman
called the accounts of rubber bullets a lie") but share two words of what the denial denies. Whether
they state one proposition is still ``conflict_match``'s judgement."""

from __future__ import annotations

from collections import Counter, defaultdict

from storyline.analysis.conflict_match import doubted_before
from storyline.analysis.conflict_pairs import CLAIMED, Prop, _reports_apart, _two_voices, candidate_pairs
from storyline.analysis.wording import DOUBTED, NEGATIVE

SHARED = 2
"""Words of the denied clause (or its lead) a claim must also say to be compared with it."""
PER_PROBE = 12
"""The most claims one denial or doubt is paired with here: those sharing most of its words, then the
closest in time."""
COMMON = 0.05
"""A word that more than this share of the statements say (and more than ``COMMON_FLOOR``) names no
proposition: it is no key here, so that a corpus about one crisis does not pair everything."""
COMMON_FLOOR = 40


def wider_pairs(props: list[Prop]) -> set[tuple[int, int]]:
    """(doubted or denied, claim) index pairs, the probe framing what it denies or doubts ("denied that P",
    "called the accounts of P a lie", "has not confirmed that P"), of two reports (or two voices in one), no further apart than
    one story's window, that share ``SHARED`` words of the denied clause; each probe keeps its
    ``PER_PROBE`` best. An inverted index over claims' words, common words left out: near-linear."""
    df = Counter(w for p in props for w in p.words)
    limit = max(COMMON_FLOOR, int(COMMON * len(props)))
    postings: dict[str, list[int]] = defaultdict(list)
    for j, p in enumerate(props):
        if p.status in CLAIMED and not p.hedged:
            for w in p.words:
                if df[w] <= limit:
                    postings[w].append(j)
    pairs: set[tuple[int, int]] = set()
    for i, q in enumerate(props):
        if q.status not in NEGATIVE | DOUBTED or not q.framed:
            continue  # only a denial or doubt that names what it denies: a plain "not" is blocked by actor
        probe = (q.clause_words | set(q.lead)) & {w for w in q.words | q.clause_words if df[w] <= limit}
        shared: Counter = Counter()
        for w in probe:
            shared.update(postings.get(w, ()))
        found = []
        for j, n in shared.items():
            p = props[j]
            if n < SHARED or _reports_apart(q.when[0], p.when[0]):
                continue
            if p.record.doc == q.record.doc and not _two_voices(q, p):
                continue
            found.append((-n, abs(_day(q) - _day(p)), j))
        pairs |= {(i, j) for _, _, j in sorted(found)[:PER_PROBE]}
    return pairs


def _doubted_before_pairs(props: list[Prop]) -> set[tuple[int, int]]:
    """(doubt, claim) for each doubt of "the figures" and the claim right before it (``doubted_before``)."""
    by_doc: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(props):
        by_doc[p.record.doc].append(i)
    pairs = set()
    for members in by_doc.values():
        members.sort(key=lambda i: props[i].record.start)
        for before, i in zip(members, members[1:]):
            if doubted_before(props[i], props[before]):
                pairs.add((i, before))
    return pairs


def _day(p: Prop) -> int:
    """The report's date as a number of days (0 when unknown), for nearness in time."""
    when = p.when[0]
    try:
        return int(when[:4]) * 372 + int(when[5:7]) * 31 + int(when[8:10])
    except ValueError:
        return 0


def reach_pairs(props: list[Prop], cache: dict | None = None) -> list[tuple[int, int]]:
    """The blocked candidate pairs (``conflict_pairs.candidate_pairs``) and the wider ones.

    ``cache``: a dict the caller keeps while it asks about one list of props (the conflicts and the
    meaning of their clauses ask about the same pairs): the pairs are computed once for that list and
    handed out again while it holds the same props. Without one they are computed afresh."""
    marks = tuple(map(id, props))
    if cache is not None and cache.get("props") is props and cache.get("marks") == marks:
        return list(cache["pairs"])
    pairs = sorted(set(candidate_pairs(props)) | wider_pairs(props) | _doubted_before_pairs(props))
    if cache is not None:
        cache.update(props=props, marks=marks, pairs=pairs)  # the list is held, so its ids stay its own
    return list(pairs)
