"""Candidate pairs that blocking by actor misses: a denial or doubt and a claim that name no party in
common (one names none: "witnesses said riot police fired rubber bullets" against "a police spokesman
called the accounts of rubber bullets a lie") but share two words of what the denial denies. Whether
they state one proposition is still ``conflict_match``'s judgement."""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from storyline.analysis.conflict_pairs import CLAIMED, Prop, _reports_apart, _two_voices, candidate_pairs
from storyline.analysis.wording import DOUBTED, NEGATIVE, POSITIVE, REPORTED_CLAIM

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


_WHAT_WAS_SAID = (r"(?:claims?|reports?|figures?|numbers?|tolls?|estimates?|accounts?|allegations?|assertions?|"
                  r"statements?|information|data|details|losses)")
ANAPHORIC_DOUBT = re.compile(
    r"\A\s*+(?:but\s++|however,?\s++)?(?:"
    r"(?:(?:the|these|those|this|that|such|its|their|his|her)\s++(?:\w++\s++)?" + _WHAT_WAS_SAID + r"|this|that|it|none)"
    r"\s++(?:of\s++(?:this|that|these|them|it)\s++)?(?:(?:could|can|have|has|had|was|were|is|are)(?:\s++not|\s++never|n['’]t)"
    r"|cannot)\s++(?:yet\s++|immediately\s++|independently\s++|be\s++|been\s++){0,3}"
    r"(?:independently\s++|immediately\s++)?(?:verified|confirmed|corroborated|substantiated)"
    r"|(?:[\w.'’-]++\s++){1,4}?(?:could|can|was|were|has|have|had)\s++(?:not|n['’]t|unable\s++to|been\s++unable\s++to)\s++"
    r"(?:(?:be\s++able\s++to|immediately|independently)\s++){0,2}(?:verify|confirm|corroborate)\s++"
    r"(?:the|these|those|this|that|such|its|their|his|her)\s++(?:\w++\s++)?" + _WHAT_WAS_SAID +
    r"|there\s++(?:was|is|has\s++been)\s++no\s++independent\s++(?:confirmation|verification)\s++of\s++"
    r"(?:the|these|those|this|that|such|its|their|his|her)\s++(?:\w++\s++)?" + _WHAT_WAS_SAID + r")\b", re.IGNORECASE)
"""A doubt aimed back at what the sentence before it relays, naming none of its words: "The figures could not be
independently verified", "This could not be confirmed", "Reuters could not independently verify the claims",
"There was no independent confirmation of the reports"."""


def doubted_before(probe: Prop, positive: Prop) -> bool:
    """The probe doubts "the figures" (or "the claims", "this") right after the positive sentence in one
    report and paragraph, which relays what a source says or claims (not the report's own account)."""
    a, b = positive.record, probe.record
    if a.doc != b.doc or probe.status not in DOUBTED or positive.status not in POSITIVE or positive.hedged:
        return False
    if not 0 <= b.start - a.end <= 3 or ANAPHORIC_DOUBT.match(b.text) is None:
        return False
    return getattr(a, "source_kind", "author") != "author" or REPORTED_CLAIM.search(a.text) is not None


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
