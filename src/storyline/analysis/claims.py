"""Claims: statements from different reports that state one proposition, grouped without chaining.

Two statements may join one claim only when their propositions are compatible (agent,
predicate class, theme, place and time, where the parse gives them) and their sentence
embeddings are close. Candidates are blocked by shared actors, event types and figure measures
(``clusters.blocks``) and by the rare salient items they share (words, names, numbers:
``content_blocks``), and compared only with their neighbours in time, so the cost grows
near-linearly with the corpus. Each candidate pair is scored once; the first stage links pairs over
the bar, and keeps the near ones with their scores for the second stage, which joins two wordings
of one fact below that bar ("62 survivors were pulled from the water", "rescuers brought 62 people
alive to shore"): each the other's closest statement in the other's report, fairly close in
meaning (or giving details alike on one day, ``agreeing``: one measured figure, one exact count, two numbers, or one
speaker's account of that day, where being alike outranks being closest; the day of a date is no number they
share), naming something in common, neither a denial nor a doubt
(``content_links``). Numbers written in both statements and none alike, or one
short sentence printed word for word (page furniture), keep two statements apart
(``told_apart``). One named speaker's statement retold by two reports in other words is matched speaker to
speaker (``retold``): the same resolved source, fairly close in meaning, sharing more of its words with the
other than with anything else that speaker says there. Groups grow by complete link: a statement joins a claim only when it is close to
EVERY member, and a claim holds at most one statement per report, so "A is like B, B is like C"
never puts A and C together unless A is like C too.

Corroboration counts independent sources: a syndicated or partial copy (``duplicate_of``,
``republished_from``) counts as its original, and statements relayed from one origin (the
frame's original source behind a chain of relays) count once.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
from collections import defaultdict
from functools import lru_cache

from storyline.analysis.clusters import (
    ASSERTING, DENYING, HEDGING, block_pairs, blocks, describe, pair_scores, statement_id,
)
from storyline.analysis.corpus import Corpus
from storyline.analysis.wording import (
    DOUBTED, LIGHT_PREDICATES, NEGATIVE, content_words, is_actor_id, probe_status, proposition_match,
)
from storyline.models import Cluster, Statement
from storyline.nlp import grammar as gr
from storyline.nlp.dates import MONTHS

FACTUAL = {"fact", "estimate"}
"""Kinds of statement that claim something is so; opinions, predictions and advice are not claims of fact."""
PROPOSITION_BONUS = 0.12
"""How much lower the similarity bar is when both parses give matching propositions with one resolved agent
(``link_threshold``)."""


def is_factual(s: Statement) -> bool:
    return s.kind in FACTUAL


def origin_doc(corpus: Corpus, doc: str) -> str:
    """The document a copy was taken from: ``duplicate_of``, or a stored report of the outlet it
    says it was republished from; the document itself otherwise."""
    row = corpus.documents.get(doc, {})
    if row.get("duplicate_of") and row["duplicate_of"] in corpus.documents:
        return row["duplicate_of"]
    source = (row.get("republished_from") or "").strip().lower()
    if source:
        for other, r in corpus.documents.items():
            names = {(r.get("outlet") or "").lower(), (r.get("url") or "").lower(), (r.get("title") or "").lower()}
            if other != doc and source in names - {""} and not r.get("republished_from"):
                return other
    return doc


def independence_key(corpus: Corpus, s: Statement) -> tuple:
    """What one independent source is for a statement: the origin of a relayed statement (a wire
    and everyone who relays it count once), else the original of a copied report."""
    frame = corpus.frame_of(s)
    if frame is not None and frame.relays:
        return ("origin", frame.source or frame.relays[-1])
    return ("doc", origin_doc(corpus, s.doc))


def independent_groups(corpus: Corpus, members: list[Statement]) -> list[list[Statement]]:
    """Members grouped by independent source: one relayed origin, or one original and its copies
    (a copy of a report that relays a wire belongs with that wire)."""
    parent = list(range(len(members)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    first: dict[tuple, int] = {}
    for n, s in enumerate(members):
        for key in {independence_key(corpus, s), ("doc", origin_doc(corpus, s.doc))}:
            if key in first:
                parent[find(n)] = find(first[key])
            else:
                first[key] = n
    groups: dict[int, list[Statement]] = defaultdict(list)
    for n, s in enumerate(members):
        groups[find(n)].append(s)
    return list(groups.values())


def _dates_compatible(a: str | None, b: str | None) -> bool:
    return not a or not b or a.startswith(b) or b.startswith(a)


CAST_DOUBT = re.compile(r"\b(?:cast(?:s|ing)?|threw|throws?)\s+doubt\s+on\b|\bquestion(?:ed|s)?\s+(?:the|\w+['’]s)\s+"
                        r"(?:claims?|assertions?|account|statements?)\b", re.IGNORECASE)
"""A doubt the statuses do not mark: "the official cast doubt on Russia's assertions that ..."."""


def negative(s: Statement) -> bool:
    """The statement denies, negates or doubts what it says ("no chlorine had leaked", "has not confirmed")."""
    return probe_status(s) in NEGATIVE | DOUBTED or _casts_doubt(s.text)


@lru_cache(maxsize=1 << 16)
def _casts_doubt(text: str) -> bool:
    # Kept per text: every candidate pair a statement is in asks again.
    return CAST_DOUBT.search(text) is not None


FIGURE_TOLERANCE = 0.1
"""Two figures of one measure within this share of each other may be one claim ("$61bn", "$60.8bn")."""


def statement_figures(corpus: Corpus, statements: list[Statement]) -> dict[int, dict[str, list[float]]]:
    """For each statement (by index), the values of the figures inside it, by what they count."""
    by_doc: dict[str, list] = defaultdict(list)
    for f in corpus.figures:
        value = f.value if f.value is not None else (f.low if f.low is not None else f.high)
        if value is not None and f.counts:
            by_doc[f.doc].append((f.start, f.end, f.counts, float(value)))
    out: dict[int, dict[str, list[float]]] = {}
    for n, st in enumerate(statements):
        for start, end, counts, value in by_doc.get(st.doc, ()):
            if st.start <= start and end <= st.end:
                out.setdefault(n, {}).setdefault(counts, []).append(value)
    return out


def figures_differ(a: dict[str, list[float]] | None, b: dict[str, list[float]] | None) -> bool:
    """Both statements give figures of one measure and no two of them are close: "Russia has amassed 130,000
    troops" and "over 100,000 soldiers", reported the same day, are two claims (the figure tables compare the
    numbers)."""
    if not a or not b:
        return False
    shared = set(a) & set(b)
    return bool(shared) and not any(_close(x, y) for c in shared for x in a[c] for y in b[c])


CONCURRENT_DAYS = 3
"""Reports this close in time give figures for one moment: disagreeing ones are two claims. Figures weeks
apart may be one toll as it grew."""


def _concurrent(corpus: Corpus, a: Statement, b: Statement) -> bool:
    x, y = _report_day(str(corpus.published(a.doc))), _report_day(str(corpus.published(b.doc)))
    if x is None or y is None:
        return True  # an undated report may be from the same day
    return abs((x - y).days) <= CONCURRENT_DAYS


@lru_cache(maxsize=1 << 12)
def _report_day(published: str) -> dt.date | None:
    """The day of a report's publication date, None when it gives none; read once per date, not per pair."""
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


def _close(x: float, y: float) -> bool:
    """Within the tolerance, also after a power of a thousand: "$ 60.8 billion" read without its scale word
    is still the $60.8bn another report gives."""
    for scale in (1.0, 1e3, 1e6, 1e9):
        for u, v in ((x * scale, y), (x, y * scale)):
            if abs(u - v) <= FIGURE_TOLERANCE * max(abs(u), abs(v)):
                return True
    return False


PROPOSITION_PENALTY = 0.04
"""How much higher the bar is when the parses disagree only in ways a parse often gets wrong: a
verb outside the synonym classes ("passed the bill", "voted to approve it") or two local
identities of one body ("the Senate", "the US Senate")."""


def _surely_different(a: Statement, b: Statement) -> bool:
    """Two propositions that cannot be one: predicates from two different synonym classes
    ("deployed" and "attacked"), or agents resolved to two different knowledge-base actors
    ("Russia did X" and "Ukraine did X")."""
    from storyline.nlp.propositions import CLASSES

    pa, pb = a.predicate_class, b.predicate_class
    if pa in CLASSES and pb in CLASSES and pa != pb:
        return True
    x, y = a.agent or "", b.agent or ""
    return x.startswith("kb:") and y.startswith("kb:") and x != y


SUPPORT_VERBS = frozenset({"launch", "open", "start", "begin", "initiate", "conduct", "undertake", "carry"})
"""Verbs that lend their clause to the noun they take ("launched an inquiry", "opened an investigation", "began
talks"): what happened is the noun's event, so the verb's synonym class ("launch" as an attack) says nothing of
whether two such clauses are one proposition."""


def _supported(s: Statement) -> bool:
    """The statement's verb is a support verb whose theme is a thing named in words, not an actor."""
    return (s.predicate or "").lower() in SUPPORT_VERBS and bool(s.theme) and not is_actor_id(s.theme)


def _accusation(s: Statement) -> bool:
    """The statement's verb accuses ("the union has accused the mill of dumping waste in the river"): what it claims is
    the act it accuses someone of, told in its complement, so its own agent and verb (the accuser, "accuse") say
    nothing of whether another report states that claim ("the mill is dumping waste in the river")."""
    return s.predicate_class == "accuse"


def _introduces_clause(s: Statement) -> bool:
    """The statement's verb takes a clause that says what is so ("he added that the talks had failed", "officials
    noted on Friday that the dam held", "the minister assured: ..."): the verb tells who says or holds it, the
    clause what is claimed, so two such verbs alike say nothing of whether two statements claim one thing."""
    return _clause_after(s.predicate or "", s.text)


@lru_cache(maxsize=1 << 16)
def _clause_after(predicate: str, text: str) -> bool:
    # Kept per text: every candidate pair a statement is in asks again.
    pattern = _clause_pattern(predicate.lower())
    return pattern is not None and pattern.search(text) is not None


@lru_cache(maxsize=1 << 12)
def _clause_pattern(lemma: str) -> re.Pattern | None:
    """The pattern of a verb followed by the clause it introduces, compiled once per verb (None: no verb)."""
    if len(lemma) < 2 or not lemma.isalpha():
        return None
    forms = [re.escape(lemma[:-1] if lemma.endswith("e") else lemma) + r"\w*+"]
    forms += (re.escape(form) for form in gr.IRREGULAR.get(lemma, ()))  # "told reporters that ..."
    verb = "|".join(forms)
    # The verb, perhaps a day ("noted on Friday"), or the one addressed after "tell" ("told the union's leaders"), then
    # "that" or a colon; a "that" after any other object opens a relative clause ("fired rockets that hit the depot").
    between = r"(?:\s++[\w'’-]++){0,3}?" if lemma == "tell" else r"(?:\s++on\s++\w+day)?"
    return re.compile(rf"\b(?:{verb})\b{between}(?:\s*+:|\s++that\b)", re.IGNORECASE)


def two_voices(a: Statement, b: Statement) -> bool:
    """Both statements quote a speaker and the frames resolve them to two different actors: a quotation's words
    are its speaker's own ("“the talks are over,” the mayor said", "“the talks have failed,” the union leader
    said"), so two speakers' quotations are two claims however alike their words."""
    return (a.source_kind == b.source_kind == "quoted" and is_actor_id(a.source) and is_actor_id(b.source)
            and a.source != b.source)


def capable(s: Statement) -> bool:
    """The statement says what its subject can do, not what it did or does: its clause is modal with "can" ("the
    new dam can hold back a flood twice this size"), or its verb follows "able to", "capable of" or "the capacity
    to" ("the port is able to load 40 ships a day"). A capability and an act of that kind ("the dam held back the
    flood on Sunday") are two claims however alike their words."""
    return s.modality == "can" or _able_before(s.predicate or "", s.text)


@lru_cache(maxsize=1 << 16)
def _able_before(predicate: str, text: str) -> bool:
    # Kept per text: every candidate pair a statement is in asks again.
    lemma = predicate.lower()
    if lemma in {"able", "unable", "capable"}:
        return True
    if len(lemma) < 2 or not lemma.isalpha():
        return False
    forms = [re.escape(lemma[:-1] if lemma.endswith("e") else lemma) + r"\w*+"]
    forms += (re.escape(form) for form in gr.IRREGULAR.get(lemma, ()))
    return re.search(rf"{_ABLE}\s++(?:\w++\s++)?(?:{'|'.join(forms)})\b", text, re.IGNORECASE) is not None


_ABLE = r"\b(?:(?:un)?able\s++to|capable\s++of|(?:capacity|capability|ability|power)\s++to)"
"""Words that make the verb after them a capability ("able to reach", "capable of striking", "the capacity to
produce")."""

BELIEF = re.compile(
    r"\b(?:believes?|believed|believing|thinks?)\b(?!\s++(?:to|in|of|about|so|tanks?)\b)|"
    r"\b(?:am|is|are|was|were|be|been|being|remains?|remained|seems?|seemed|feels?|felt|became|becomes?)\s++"
    r"(?:\w++ly\s++|not\s++)?(?:convinced|sure|certain|confident|persuaded)\b(?!\s++(?:to|enough)\b)",
    re.IGNORECASE)
"""A belief the statement reports: "the mayor believes (that) ...", "the union is convinced that ...", "they remain
confident the levee will hold"; not "is believed to have" (a hedged report) nor "is sure to win" (a forecast)."""


def believed(s: Statement) -> bool:
    """The statement tells what someone believes or is sure of ("the opposition is convinced the count was rigged"),
    not the thing itself ("the count was rigged"): a conviction held is a claim of its own, and two reports that
    tell the act and someone's belief in it state two things."""
    return _belief(s.text)


@lru_cache(maxsize=1 << 16)
def _belief(text: str) -> bool:
    return BELIEF.search(text) is not None


def _agent_unnamed(a: Statement, b: Statement) -> bool:
    """``a`` names its agent, a resolved actor, and ``b`` names no resolved agent and never mentions that actor:
    "Canada has imposed sanctions on 750 people" is not thereby "the United States and 30 other countries imposed
    sanctions", whose agent the parse missed. Two such clauses may still be one claim, at a higher bar. A report-local
    actor of the same name typed otherwise in the other report ("local:organization:x" beside "local:place:x": the
    parse read one name two ways) is a mention of it."""
    if not is_actor_id(a.agent) or is_actor_id(b.agent) or a.agent == b.source:
        return False
    named = {_local_name(x) for x in b.actors}
    return a.agent not in b.actors and (_local_name(a.agent) is None or _local_name(a.agent) not in named)


def _local_name(actor: str) -> str | None:
    """The name part of a report-local actor id ("local:place:kassala" -> "kassala"); None for a knowledge-base id."""
    parts = actor.split(":")
    return parts[-1] if len(parts) == 3 and parts[0] == "local" else None


def link_threshold(a: Statement, b: Statement, threshold: float) -> float | None:
    """The similarity two statements need to be linked, or None when they can never be."""
    if not _dates_compatible(a.date, b.date):
        return None
    unread = (_supported(a) or _supported(b) or _accusation(a) or _accusation(b) or _introduces_clause(a)
              or _introduces_clause(b))
    if two_voices(a, b) or capable(a) != capable(b) or believed(a) != believed(b):
        return None
    same = None if unread else proposition_match(a, b)
    if same and (_agent_unnamed(a, b) or _agent_unnamed(b, a)):
        same = False  # "Canada has imposed sanctions" and "the US and 30 other countries imposed sanctions"
    if negative(a) != negative(b) and not same:
        return None  # "X happened" and "X did not happen" are two claims, in conflict, not one
    longer = PROPOSITION_PENALTY if one_clause_of(a, b) else 0.0
    if same is False:
        return None if _surely_different(a, b) else threshold + PROPOSITION_PENALTY + longer
    # A proposition whose parse found no agent matches any agent: "Kharkiv has been targeted in recent weeks" is not
    # thereby "Russian missiles attacked Kharkiv early on Wednesday". Nor does a pronoun or an unresolved phrase ("he",
    # "they", "officials") say who did it: "they want all of the north" and "we do not want a war" are two speakers.
    # Only one resolved agent in both lowers the bar.
    if same and is_actor_id(a.agent) and a.agent == b.agent:
        return threshold - PROPOSITION_BONUS + longer
    return threshold + longer


LONGER = 3
"""How many times the words of the shorter statement the longer must have to tell more than it does."""


def one_clause_of(a: Statement, b: Statement) -> bool:
    """One statement has at least ``LONGER`` times the words of the other ("Leaders talked about support for the
    port" beside a sentence of thirty words that also says who wrote what, where, and confirmed which position):
    the short one can tell at most one of the long one's clauses, and the sentence encoder rates a clause it shares
    as high as a whole sentence alike, so the pair needs the higher bar of differing parses."""
    x, y = len(a.text.split()), len(b.text.split())
    return max(x, y) >= LONGER * max(1, min(x, y))


def complete_link(n: int, edges: dict[tuple[int, int], float], doc_of: list[str]) -> list[list[int]]:
    """Groups of item indices in which every two members are linked (complete link), at most one
    member per document; strongest links merge first. Items in no group are left out."""
    group_of = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    for (i, j), _ in sorted(edges.items(), key=lambda kv: (-kv[1], kv[0])):
        gi, gj = group_of[i], group_of[j]
        if gi == gj:
            continue
        a, b = members[gi], members[gj]
        if {doc_of[x] for x in a} & {doc_of[y] for y in b}:
            continue
        if not all((min(x, y), max(x, y)) in edges for x in a for y in b):
            continue
        keep, drop = (gi, gj) if len(a) >= len(b) else (gj, gi)
        members[keep] += members.pop(drop)
        for x in members[keep]:
            group_of[x] = keep
    return [m for m in members.values() if len(m) > 1]


CONTENT_SIMILAR = 0.62
"""The least sentence similarity two wordings of one fact need in the second stage (see ``content_links``):
"Rescuers had brought 62 people alive to shore" and "Navy divers pulled 62 survivors from the water" score
about 0.66, below the bar for wordings that nothing else joins."""
NAMED_WORDS = 3
"""Content words two wordings without a common number must share at least, besides an actor ("Ukraine is
not invited to NATO" and "Ukraine wants to join NATO" share only the two names, as words and as actors)."""
NAMED_AGREEMENT = 0.4
"""And the least share of the smaller one's salient weight (rarer items weigh more) the other holds too."""
RARE = math.log(2)
"""The weight of an item no more than about half of the reports name: the story's own name ("the gondola", named
in every report) is no sign that two of its sentences tell one fact."""
SALIENT_KEYS = 5
"""Each statement is blocked on each of its this many rarest salient items that another report names too."""
CONTENT_WINDOW = 10
"""Neighbours in time each member of a content block is compared with."""


def salient_items(statements: list[Statement], numbers: dict[int, dict[str, list[float]]]) -> list[dict[str, float]]:
    """What each statement names, weighted by how rare it is among the statements' reports: its content
    words (stemmed, less the words naming its source: "the transport office said" tells who, not what),
    the actors it mentions (by id), the numbers of the figures inside it (``numbers``, from
    ``statement_figures``) and the day it dates what it says to (``@`` and the ISO day: a key that brings two
    tellings of one day's event together for comparison, not a number they share)."""

    items: list[set[str]] = []
    for n, s in enumerate(statements):
        source = set(_WORDS.findall((s.source_text or "").lower())) if s.source_kind != "author" else set()
        found = content_words(s.text, source) | {a for a in s.actors if a and a != s.source}
        found |= {f"#{_number_key(v)}" for v in stated_numbers(s, numbers.get(n))}
        if _one_day(s.date):
            found.add(f"@{s.date}")
        items.append(found)
    docs: dict[str, set[str]] = defaultdict(set)
    for s, found in zip(statements, items):
        for item in found:
            docs[item].add(s.doc)
    total = len({s.doc for s in statements}) + 1
    return [{item: math.log(total / len(docs[item])) for item in found} for found in items]


_WORDS = re.compile(r"[a-z][a-z'-]*+")


def stated_numbers(s: Statement, figures: dict[str, list[float]] | None) -> set[float]:
    """The numbers a statement gives: its figures' values and the numbers written in digits, less years and the days
    of dates ("by 22 votes to 8" and "with 22 in favour and 8 against" give 22 and 8 whether or not the figure reader
    saw a count; "since February 24" and "on 21 July" give none: the day two reports date is no count they share)."""
    values = {v for found in (figures or {}).values() for v in found}
    written = text_numbers(_DAY_OF_MONTH.sub(" ", s.text))
    return values | {v for v in written if not (1800 <= v <= 2100 and v == int(v))}


_MONTH = "|".join(sorted((m.capitalize() for m in MONTHS), key=len, reverse=True))
_DAY_OF_MONTH = re.compile(rf"\b(?:{_MONTH})\.?\s++\d{{1,2}}(?:st|nd|rd|th)?\b|"
                           rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s++(?:of\s++)?(?:{_MONTH})\b")
"""A day of a month as dates write it: "February 24", "Feb. 24th", "21 July", "the 3rd of May" (capitalised: "may 5"
is no date)."""


def _number_key(value: float) -> str:
    """A figure's value to three significant digits ("$60.8bn" and "60.8 billion" meet)."""
    return f"{value:.3g}" if value else "0"


def anchored(a: dict[str, float], b: dict[str, float], same_date: bool = True, dated: bool = False) -> bool:
    """Two statements give one number (a figure's value) and name one more thing in common ("62 survivors",
    "62 people alive"), or name one actor and hold much of each other's rarer content besides ("the Mining
    Ministry ordered the company to halt all work at its site near Uyuni") where both date it alike (a raid
    "early on Wednesday" is not the attacks "in recent weeks"). A name alone is no anchor: the reports of one
    story name the same few actors in most of their sentences. ``dated``: both statements date what they say to
    one and the same day ("launched an inquiry on Sunday", "opened an investigation on Sunday"): that day is one
    more thing they name in common, so two rare words besides it anchor them, with or without an actor."""
    shared = {k for k in a.keys() & b.keys() if not k.startswith("@")}  # the day is ``dated``
    if any(k.startswith("#") for k in shared):
        return len(shared) >= 2
    words = [k for k in shared if ":" not in k]
    if not same_date or len(words) < NAMED_WORDS - dated or (len(words) == len(shared) and not dated):
        return False
    if dated:  # the day and two rare words: the wordings may differ in all else ("inquiry", "investigation")
        return sum(min(a[k], b[k]) >= RARE for k in words) >= NAMED_WORDS - 1
    smaller = min(sum(v for k, v in a.items() if k[0] != "@"), sum(v for k, v in b.items() if k[0] != "@"))
    return smaller > 0 and sum(min(a[k], b[k]) for k in shared) / smaller >= NAMED_AGREEMENT


def one_figure(a: dict[str, list[float]] | None, b: dict[str, list[float]] | None) -> bool:
    """Both statements give the same figure of the same measure ("raised its key rate to 7.25 percent on Thursday",
    "lifted borrowing costs to 7.25% on Thursday"): dated alike, two wordings that agree on a measured number tell
    one fact, however far apart their words are (the sentence encoder scores those two 0.42); the other checks
    (closest telling, a shared item besides the number, no denial) still apply."""
    if not a or not b:
        return False
    return any(_close(x, y) and x == x for c in set(a) & set(b) if c not in LOOSE_MEASURES
               for x in a[c] for y in b[c] if x >= 1)


LOOSE_MEASURES = frozenset({"other", "years", "months", "weeks", "days", "hours"})
"""What a figure counts when the reader could not tell, or a span of time: too common to make one fact."""


def content_blocks(corpus: Corpus, statements: list[Statement],
                   salient: list[dict[str, float]]) -> dict[tuple, list[int]]:
    """Statements by their rarest salient items (in time order, as ``clusters.blocks``): two wordings of
    one fact that share no pair of actors still share a rare word, name or number."""
    reports: dict[str, set[str]] = defaultdict(set)
    for s, items in zip(statements, salient):
        for item in items:
            reports[item].add(s.doc)
    out: dict[tuple, list[int]] = defaultdict(list)
    for i, items in enumerate(salient):
        shared = [k for k in items if len(reports[k]) >= 2]  # an item no other report names blocks nothing
        top = sorted(shared, key=lambda k: (-items[k], k))[:SALIENT_KEYS]
        for x in top:
            out[("content", x)].append(i)
    order = {doc: (corpus.published(doc) or "9999", n) for n, doc in enumerate(corpus.documents)}
    kept = {}
    for key, members in out.items():
        if len({statements[i].doc for i in members}) >= 2:
            members.sort(key=lambda i: (order.get(statements[i].doc, ("9999", 0)), statements[i].start))
            kept[key] = members
    return kept


def claim_blocks(corpus: Corpus, statements: list[Statement],
                 salient: list[dict[str, float]]) -> dict[tuple, list[int]]:
    """Every block whose pairs are compared: statements sharing a pair of actors, or an actor and an event
    type or figure measure (``clusters.blocks``), and statements sharing a rare salient item
    (``content_blocks``): "Officials in Ptuj closed the river intake" and "The town of Ptuj shut its
    drinking water intake" name no actor the parser resolves, but share rare words."""
    out = dict(blocks(corpus, statements))
    out.update(content_blocks(corpus, statements, salient))
    return out


def pairs_of(key: tuple, members: list[int], statements: list[Statement], window: int) -> set[tuple[int, int]]:
    """The pairs one block compares: each member with its next neighbours in time (fewer in a content block,
    whose rare item is a weaker sign than a shared pair of actors)."""
    return block_pairs(members, statements, min(window, CONTENT_WINDOW) if key[0] == "content" else window)


NEAR = 0.3
"""Pairs at least this similar are kept with their score for the second stage (``content_links``): a pair
below it is not one fact in other words, however much it names in common."""


def judge_pairs(corpus: Corpus, statements: list[Statement], numbers: dict[int, dict[str, list[float]]],
                pairs: list[tuple[int, int]], scores, threshold: float) -> dict[tuple[int, int], tuple[float, bool]]:
    """The first stage on scored pairs: each pair at least ``NEAR`` similar, with its score and whether it
    is linked (close enough for the bar ``link_threshold`` sets, and no figures of one measure that differ).

    A pair below the lowest bar ``link_threshold`` sets is kept unlinked without reading its statements: most
    pairs are (on the 447-report corpus, 139,301 of the 146,707 kept)."""
    lowest = threshold - PROPOSITION_BONUS
    out: dict[tuple[int, int], tuple[float, bool]] = {}
    for (i, j), score in zip(pairs, scores):
        score = float(score)
        if score < NEAR:
            continue
        linked = False
        if score >= lowest:
            a, b = statements[i], statements[j]
            if not told_apart(corpus, a, b, numbers.get(i), numbers.get(j)):
                bar = link_threshold(a, b, threshold)
                linked = bar is not None and score >= bar
        out[(i, j)] = (score, linked)
    return out


BOILERPLATE_WORDS = 8
"""A sentence this short that two reports print word for word is page furniture ("Help Ukraine, join the
collection.", "You can read more on ..."), not a fact both report: a copied fact is a longer sentence."""
_NUMBER = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?")


def text_numbers(text: str) -> list[float]:
    """The numbers written in digits in a text ("130,000", "7.25")."""
    out = []
    for m in _NUMBER.finditer(text):
        try:
            out.append(float(m.group().replace(",", "")))
        except ValueError:
            continue
    return out


_SCALED = re.compile(r"(?<![\w.,])(?:(\d+(?:,\d{3})*(?:\.\d+)?)|(?:an?|one)(?:\s{1,3}(?:additional|extra|further))?|another)"
                     r"\s{1,3}(thousand|million|billion|trillion)\b", re.IGNORECASE)
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}


def scaled_numbers(text: str) -> list[float]:
    """The numbers in a text with their scale words read ("$225 million", "a billion dollars", "an additional billion"),
    and every other number written in digits (``text_numbers``)."""
    out = [float(m.group(1).replace(",", "") if m.group(1) else 1) * _SCALE[m.group(2).lower()]
           for m in _SCALED.finditer(text)]
    return out + text_numbers(_SCALED.sub(" ", text))


def told_apart(corpus: Corpus, a: Statement, b: Statement, x: dict[str, list[float]] | None,
               y: dict[str, list[float]] | None) -> bool:
    """Two statements that cannot be one claim whatever their words share: figures of one measure that differ
    (``figures_differ``), or, between reports of the same days, large counts given in both and none alike
    ("Russia has amassed at least 130,000 troops", "There are 150,000 along the border", where the figure
    reader missed what one counts; "over 100,000 soldiers", "by seven thousand soldiers"); or one short
    sentence printed word for word (``BOILERPLATE_WORDS``)."""
    if a.text == b.text and len(a.text.split()) <= BOILERPLATE_WORDS:
        return True
    if placed_apart(corpus, a, b):
        return True
    if not _concurrent(corpus, a, b):
        return False
    if figures_differ(x, y):
        return True
    p = _counts(scaled_numbers(a.text) + [v for values in (x or {}).values() for v in values])
    q = _counts(scaled_numbers(b.text) + [v for values in (y or {}).values() for v in values])
    return bool(p and q) and not any(_close(u, v) for u in p for v in q)


def placed_apart(corpus: Corpus, a: Statement, b: Statement) -> bool:
    """Both parses place the act in a town or region (``Statement.place``: "the river burst its banks in Lenton",
    "the river flooded homes in Dunmore"), the two names share no word, and neither statement names the other's
    place: one kind of act in two places is two claims, however alike the sentences tell them. A country is no such place
    ("flooded the north of Velmora" and "flooded Lenton" may tell one flood), nor is a place the other statement
    names too ("flooded homes in Dunmore, near Lenton": a town and the region around it)."""
    if not (_town(corpus, a.place) and _town(corpus, b.place)) or a.place in b.actors or b.place in a.actors:
        return False
    return not _place_words(corpus, a.place) & _place_words(corpus, b.place)


def _place_words(corpus: Corpus, actor: str) -> set[str]:
    """The content words of a place's names (its name, or the name in a report-local id): "Dunmore" and "Dunmore
    county" share one."""
    return content_words(corpus.name(actor) or "") | content_words((_local_name(actor) or "").replace("-", " "))


def _town(corpus: Corpus, actor: str | None) -> bool:
    """The actor is a place below a country: a town, a region, a site (``local:place:...`` or a known place)."""
    if not actor or not is_actor_id(actor):
        return False
    if actor.startswith("local:"):
        return actor.startswith("local:place:")
    entity = corpus.entity(actor)
    return entity is not None and entity.type == "place"


def _counts(values: list[float]) -> list[float]:
    """The large counts among numbers (a thousand or more, not a year): "80 years" and "91,000 German troops"
    in two tellings of one visit count different things, "130,000" and "150,000" troops are two estimates."""
    return [v for v in values if v >= 1000 and not (1800 <= v <= 2100 and v == int(v))]


def content_links(corpus: Corpus, statements: list[Statement], near: dict[tuple[int, int], float],
                  known: dict[tuple[int, int], float], numbers: dict[int, dict[str, list[float]]],
                  salient: list[dict[str, float]], threshold: float) -> dict[tuple[int, int], float]:
    """The second stage: pairs the similarity bar alone leaves apart that are one fact in other words.

    ``near``: the first stage's compared pairs at least ``NEAR`` similar, with their scores (nothing is
    scored again here). A pair is linked when each statement is the other's closest candidate in the
    other's report (a fact told once in each report meets its own telling, not a neighbour's), their
    sentences are fairly close (``CONTENT_SIMILAR``), they name something in common (``anchored``), and
    nothing tells them apart: not a figure of one measure that differs, not a date, not a denial or a doubt
    (those join by the first stage only), not two predicates or agents that cannot be one
    (``link_threshold`` gives no bar)."""
    best: dict[tuple[int, str], float] = {}
    for (i, j), score in near.items():
        for x, y in ((i, j), (j, i)):
            key = (x, statements[y].doc)
            best[key] = max(best.get(key, -1.0), score)
    shares, heard = voice_shares(corpus, statements, near, salient)
    acts = {pair: score for pair, score in near.items()
            if CONTENT_SIMILAR > score >= ACT_SIMILAR and one_act(corpus, statements[pair[0]], statements[pair[1]])}
    best_act: dict[tuple[int, str], float] = {}
    for (i, j), score in acts.items():
        for x, y in ((i, j), (j, i)):
            key = (x, statements[y].doc)
            best_act[key] = max(best_act.get(key, -1.0), score)
    edges: dict[tuple[int, int], float] = {}
    for (i, j), score in near.items():
        if (i, j) in known:
            continue
        a, b = statements[i], statements[j]
        if retold(corpus, a, b, shares.get((i, j)), heard, (i, j), numbers):
            edges[(i, j)] = score
            continue
        agree = agreeing(corpus, a, b, numbers.get(i), numbers.get(j))
        act = not agree and (i, j) in acts
        if score < CONTENT_SIMILAR and not agree and not act:
            continue  # below the bar, only details both give alike (or one act of one actor that day) tie two wordings
        if "quoted" in (a.source_kind, b.source_kind):
            continue  # a quotation's words are its speaker's: two of them alike are two voices, not one fact
        if a.text == b.text:
            continue  # one wording twice is the first stage's (a copy) or page boilerplate ("read more on ...")
        if placed_beside(a) or placed_beside(b):
            continue  # the details both give are the background event's, not the statement's own news
        if act and (score < best_act[(i, b.doc)] or score < best_act[(j, a.doc)]):
            continue  # one act told twice in a report: each meets the other report's closest telling of that act
        if not agree and not act and (score < best[(i, b.doc)] or score < best[(j, a.doc)]):
            continue
        if not anchored(salient[i], salient[j], a.date == b.date, _one_day(a.date) and a.date == b.date):
            continue
        if told_apart(corpus, a, b, numbers.get(i), numbers.get(j)):
            continue
        if link_threshold(a, b, threshold) is None or negative(a) or negative(b):
            continue  # a denial or a doubt in other words is left to the similarity bar and the conflicts
        edges[(i, j)] = score
    return edges


PLACING = frozenset({"come", "follow", "precede"})
"""Verbs that place a statement's news beside an earlier event ("His visit comes as the council approved a $40m
grant", "The meeting follows the signing of the $40m grant")."""


def placed_beside(s: Statement) -> bool:
    """The statement's verb places its subject beside another event (``PLACING``): the numbers and names it shares
    with another report are the background event's, so they tie it to no statement in the second stage."""
    return (s.predicate or "").lower() in PLACING


VOICE_SIMILAR = 0.45
"""The least sentence similarity two reports' retellings of one speaker's words need (``retold``): "the alliance
keeps hurrying to ship its shells to the front" and "the alliance and its clients are still busily shipping shells
to the front" are one minister's words in two translations (such a pair in the real-text dev set scores 0.46)."""
VOICE_AGREEMENT = 0.3
"""And the least share of the smaller one's word weight (``word_share``) the other holds too."""
VOICE_WORDS = 2
"""And the least number of words they share: one word in common ("diplomacy") is a subject, not a statement."""
VOICED = frozenset({"named", "quoted"})
"""Source kinds that give a named speaker's words, quoted or in the report's paraphrase."""


def one_voice(corpus: Corpus, a: Statement, b: Statement) -> bool:
    """Both statements give the words of one speaker the attribution frame resolves to one actor (not the
    report's author, not an unnamed official), in reports of the same days: one account told by two outlets."""
    return (is_actor_id(a.source) and a.source == b.source and a.source_kind in VOICED
            and b.source_kind in VOICED and _concurrent(corpus, a, b))


def word_share(a: dict[str, float], b: dict[str, float], said: tuple[set[str], set[str]] | None = None) -> tuple[float, int]:
    """The share of the smaller statement's word weight (salient words only: no actor, no number; only the words
    of what is said, ``said``, where given) the other holds too, and how many words they share."""
    x = {k: v for k, v in a.items() if ":" not in k and k[0] not in "#@" and (said is None or k in said[0])}
    y = {k: v for k, v in b.items() if ":" not in k and k[0] not in "#@" and (said is None or k in said[1])}
    shared = x.keys() & y.keys()
    smaller = min(sum(x.values()), sum(y.values()))
    return (sum(min(x[k], y[k]) for k in shared) / smaller if smaller > 0 else 0.0), len(shared)


def said_words(corpus: Corpus, s: Statement) -> set[str]:
    """The content words of what the statement says, less its attribution: the side of the sentence around its
    frame's source and cue that holds the clause said: after a cue that goes on "that ..." or ":", or with too
    little before it ("According to the governor, ..."); before a reporting clause put last ("Belarus has a
    peacekeeping role ..." of "..., Lukashenko said in an interview with a news agency in Minsk"). Two things one
    speaker said in one interview share the interview's words, not their own; nor do the names of the actors it
    mentions count ("the United States has offered new ideas", "the United States is ready to talk" share a country,
    not a statement: the actors are compared as actors)."""
    frame = corpus.frame_of(s)
    text = s.text
    if frame is not None and frame.source_start is not None and frame.cue_start is not None:
        spans = [(frame.source_start, frame.source_end or frame.source_start),
                 (frame.cue_start, frame.cue_end or frame.cue_start)]
        first = min(x for x, _ in spans) - s.start
        last = max(y for _, y in spans) - s.start
        if 0 <= first <= last <= len(text):
            before, after = text[:first], text[last:]
            told_after = _TOLD_AFTER.match(after) is not None or len(before.split()) < SAID_BEFORE_WORDS
            text = after if told_after else before
    names = {w for actor in s.actors for w in _WORDS.findall((corpus.name(actor) or "").lower())}
    return content_words(text, names)


SAID_BEFORE_WORDS = 4
"""Words before the source and cue that make them a reporting clause put after what is said ("The dam held through
the night, the governor said")."""
_TOLD_AFTER = re.compile(r"\A\W{0,3}+(?:[\w’'-]++\W{1,3}+){0,6}?(?:that|whether)\b|\A\s{0,3}+[:\"“‘]", re.IGNORECASE)
"""What is said follows the cue: "said that ...", "informed the president, the prime minister, that ...", "said: ..."."""


def voice_shares(corpus: Corpus, statements: list[Statement], near: dict[tuple[int, int], float],
                 salient: list[dict[str, float]]) -> tuple[dict[tuple[int, int], tuple[float, int]],
                                                          dict[tuple[int, str], float]]:
    """Over the compared pairs in the same voice (``one_voice``) at least ``VOICE_SIMILAR`` close: each pair's
    ``word_share`` of what is said (``said_words``), and for each statement and each other report the largest
    share it has with a statement there."""
    said: dict[int, set[str]] = {}
    shares: dict[tuple[int, int], tuple[float, int]] = {}
    best: dict[tuple[int, str], float] = {}
    for (i, j), score in near.items():
        if score >= VOICE_SIMILAR and one_voice(corpus, statements[i], statements[j]):
            for k in (i, j):
                if k not in said:
                    said[k] = said_words(corpus, statements[k])
            shares[(i, j)] = word_share(salient[i], salient[j], (said[i], said[j]))
            for x, y in ((i, j), (j, i)):
                key = (x, statements[y].doc)
                best[key] = max(best.get(key, -1.0), shares[(i, j)][0])
    return shares, best


def retold(corpus: Corpus, a: Statement, b: Statement, shared: tuple[float, int] | None,
           heard: dict[tuple[int, str], float], pair: tuple[int, int],
           numbers: dict[int, dict[str, list[float]]]) -> bool:
    """One speaker's one statement retold by two reports in other words: the same resolved speaker on the same
    days (``one_voice``), fairly close in meaning (``VOICE_SIMILAR``), much of their words in common
    (``VOICE_AGREEMENT``, ``VOICE_WORDS``) and more than either shares with any other statement of that speaker in
    the other's report, both asserting or both denying (a speaker's "did not start the aggression" in two tellings
    is one denial), and nothing telling them apart (differing figures or dates, predicates or agents that cannot be
    one). The speaker's statements are matched to the speaker's own, not to every sentence on the subject, so
    the similarity bar can be lower than for the report's own voice. ``shared`` is the pair's ``word_share`` from
    ``voice_shares``, None where the pair is not one voice close enough."""
    i, j = pair
    if shared is None or a.text == b.text:
        return False
    share, count = shared
    if share < VOICE_AGREEMENT or count < VOICE_WORDS or share < heard[(i, b.doc)] or share < heard[(j, a.doc)]:
        return False
    if negative(a) != negative(b) or told_apart(corpus, a, b, numbers.get(i), numbers.get(j)):
        return False
    return link_threshold(a, b, CONTENT_SIMILAR) is not None


ACT_SIMILAR = 0.45
"""The least sentence similarity two tellings of one actor's one act on one day need in the second stage
(``one_act``): "the senate passed the budget on Friday after weeks of delay" and "on Friday the upper chamber at
last voted through a $9 billion spending plan" are one act told in two reports' words with little in common."""


def one_act(corpus: Corpus, a: Statement, b: Statement) -> bool:
    """Both parses read one act (``propositions_agree``) by one resolved agent (one body under two ids counts as one),
    dated by both to one and the same day, and neither verb lends its clause to a noun, accuses or introduces a
    clause said: "the council approved the plan on Monday" and "on Monday the city council voted through the $4m
    plan" tell one approval however differently they go on. The second stage's other checks still apply (each the
    other's closest statement in the other's report, the day and two rare words in common, nothing telling them
    apart)."""
    if not (_one_day(a.date) and a.date == b.date and is_actor_id(a.agent) and is_actor_id(b.agent)):
        return False
    if not one_body(corpus, a.agent, b.agent) or not propositions_agree(corpus, a, b):
        return False
    return not any(_supported(s) or _accusation(s) or _introduces_clause(s) for s in (a, b))


def _one_day(date: str | None) -> bool:
    """An ISO date to the day ("2026-01-18"), not a month or a year."""
    return bool(date) and len(date) == 10 and date[4] == "-" and date[7] == "-"


def same_day(corpus: Corpus, a: Statement, b: Statement) -> bool:
    """Both statements date what they say to one day, or neither dates it and one named source says both in
    reports of one day (a spokesman's account of a raid, retold by two outlets the same evening)."""
    if a.date or b.date:
        return bool(a.date) and a.date == b.date
    if not (a.source and a.source == b.source and a.source_kind == b.source_kind == "named"):
        return False  # checked before the reports' days: most pairs have no named source in common
    day = str(corpus.published(a.doc) or "")[:10]
    return bool(day) and day == str(corpus.published(b.doc) or "")[:10]


def agreeing(corpus: Corpus, a: Statement, b: Statement, x: dict[str, list[float]] | None,
             y: dict[str, list[float]] | None) -> bool:
    """Details two wordings of one fact give alike, however far apart their words are: on one day, the same
    measured figure ("raised its key rate to 7.25 percent", "lifted borrowing costs to 7.25%"), or two numbers
    both give ("by 22 votes to 8", "22 in favour and 8 against"), or one named speaker's account dated to that day
    (two reports of one interview). A day and one number are rare together in two sentences of different facts;
    the second stage's other checks still apply."""
    if not same_day(corpus, a, b):
        return False
    if _one_day(a.date) and one_voice(corpus, a, b):
        return True  # one speaker's account of one day (an interview, a briefing) told by two reports
    if one_figure(x, y):
        return True
    mine, theirs = stated_numbers(a, x), stated_numbers(b, y)
    if any(precise(v) for v in mine & theirs):
        return True  # "118 skiers stuck in its cabins", "118 people who were trapped": one exact count
    shared = {_number_key(v) for v in mine} & {_number_key(v) for v in theirs}
    return len(shared) >= 2


def precise(value: float) -> bool:
    """A count given to the unit that is not a round number, a small one, a clock time or a year (118, 2,347; not 9,
    40, 300 or 2025): two reports of one day that both give it are rarely telling two facts."""
    return value == int(value) and value > 12 and value % 10 != 0 and not 1800 <= value <= 2100


def claim_statements(corpus: Corpus) -> list[Statement]:
    """The statements claims are made of: claims of fact that name an actor or a predicate, not an address to
    the reader."""
    return [s for s in corpus.statements if (is_factual(s) or announced(s)) and (s.actors or s.predicate_class)
            and not addressed_to_reader(s) and not credit_line(s)]


CREDIT = re.compile(r"\bcontribut\w*+\s++(?:\w++\s++){0,2}?to\s++this\s++(?:report|story|article)\b|"
                    r"\bthis\s++(?:report|story|article)\s++(?:was|has\s++been)\s++(?:updated|corrected|amended)\b",
                    re.IGNORECASE)


def credit_line(s: Statement) -> bool:
    """The sentence speaks of the report itself ("The Tidewater Herald contributed to this report", "This story has
    been updated"): a credit or an editor's note that reports of many outlets print alike, never a claim of fact."""
    return CREDIT.search(s.text) is not None


def addressed_to_reader(s: Statement) -> bool:
    """The sentence opens with its own verb in the base form, names no agent and gives the verb an object ("Follow
    our coverage of the war on ...", "Read more on the main page"): an imperative to the reader, page furniture that two reports of one
    outlet print alike, never a claim of fact."""
    verb = (s.predicate or "").lower()
    first = s.text.lstrip("\"“‘'([-–— ").split(" ", 1)[0].lower()
    return (s.agent is None and s.source_kind == "author" and len(verb) > 1 and first == verb
            and bool(s.theme) and not is_actor_id(s.theme))  # the verb takes an object: "follow our coverage"


ANNOUNCED_KINDS = {"prediction"}
ANNOUNCED_STATUSES = {"reported", "expected", "asserted", "confirmed"}


def announced(s: Statement) -> bool:
    """What a named or anonymous source says it will do ("told Zelensky he will move quickly to send
    aid", "will end its purchases of state bonds in May"): a decision two reports can tell alike, not a hedge."""
    return (s.kind in ANNOUNCED_KINDS and s.source_kind in ("named", "anonymous") and s.status in ANNOUNCED_STATUSES
            and not _CONDITION.search(s.text))


_CONDITION = re.compile(r"\b(?:if|unless)\b", re.IGNORECASE)


def group_links(corpus: Corpus, statements: list[Statement], judged: dict[tuple[int, int], tuple[float, bool]],
                numbers: dict[int, dict[str, list[float]]], salient: list[dict[str, float]],
                threshold: float) -> list[Cluster]:
    """Claims from the first stage's judged pairs: its links (less the thin ties between two different facts,
    ``thinly_linked``), the second stage's, complete link, corroboration."""
    edges = {pair: score for pair, (score, linked) in judged.items()
             if linked and not thinly_linked(corpus, statements, salient, pair, score, threshold)}
    near = {pair: score for pair, (score, _) in judged.items()}
    edges.update(content_links(corpus, statements, near, edges, numbers, salient, threshold))
    groups = complete_link(len(statements), edges, [s.doc for s in statements])
    claims = [corroborate(corpus, [statements[i] for i in g]) for g in groups]
    claims.sort(key=lambda c: (-len(c.sources), -c.confirmed, c.id))
    return claims


THIN_PENALTY = 0.08
"""How much higher the first stage's bar is for a thin tie between two statements whose parses do not read one act
(``thinly_linked``)."""
THIN_SHARE = 0.5
"""A single word in common that makes up less than this share of the smaller statement's word weight is a thin tie."""


def thinly_linked(corpus: Corpus, statements: list[Statement], salient: list[dict[str, float]], pair: tuple[int, int],
                  score: float, threshold: float) -> bool:
    """A first-stage link between two different facts on one subject: the statements share no salient word, or one
    word that is less than half of the smaller one's word weight (actors, the words of their names and numbers not
    counted), both parses give a verb and the two do not agree (``propositions_agree``), they do not both date what
    they say to one day, and their similarity is short of the bar raised by ``THIN_PENALTY``: "The coastguard
    impounded three trawlers off the cape" and "The navy shelled the harbour at the cape", or "Another front of the
    campaign is the blockade of the ports" and "The first is open aggression on the borders", are close in subject
    only. Two wordings of one fact that share as few words ("thieves stole the portraits", "the paintings were
    taken") parse alike, or one parse reads no verb at all: those keep the plain bar. Nor does a pair that shares not
    one such word earn the lower bar of one proposition (``PROPOSITION_BONUS``) where that proposition names only actors
    besides its verb: "Arland invaded Borduria last spring" and "For 90 days Arland has kept bombarding Borduria" parse
    to one agent, act and theme, but tell a war, not one fact (a theme told in words, "sent 30,000 troops", keeps it). The weights are the whole corpus's, so this is checked on every run, after the first stage's stored
    judgements."""
    i, j = pair
    a, b = statements[i], statements[j]
    if _one_day(a.date) and a.date == b.date:
        return False  # one day both date what they say to is more than a subject in common
    names = _name_words(corpus, a) | _name_words(corpus, b)
    share, count = word_share({k: v for k, v in salient[i].items() if k not in names},
                              {k: v for k, v in salient[j].items() if k not in names})
    if count == 0 and is_actor_id(a.theme) and is_actor_id(b.theme):
        bar = link_threshold(a, b, threshold)
        if bar is not None and bar < threshold:
            return score < bar + PROPOSITION_BONUS  # one actor's act on another, no word besides names: the plain bar
    if not (a.predicate_class and b.predicate_class) or propositions_agree(corpus, a, b):
        return False  # one parse read no verb (too little to tell), or both read one act
    if count > 1 or (count == 1 and share >= THIN_SHARE):
        return False
    bar = link_threshold(a, b, threshold)
    return bar is None or score < bar + THIN_PENALTY


def propositions_agree(corpus: Corpus, a: Statement, b: Statement) -> bool:
    """The two parses read one act: verbs of one synonym class, or of one kindred set (``KINDRED_VERBS``: "stole" and
    "taken", "suspended" and "halted"), not a light verb ("is", "has": two of them say nothing of what happened),
    and no agent, theme or place resolved to two different actors (one body under two ids, ``one_body``, is one)."""
    if not _kindred(a.predicate_class, b.predicate_class) or a.predicate_class in LIGHT_PREDICATES:
        return False
    for name in ("agent", "theme", "place"):
        x, y = getattr(a, name), getattr(b, name)
        if is_actor_id(x) and is_actor_id(y) and not one_body(corpus, x, y):
            return False
    return True


KINDRED_VERBS = (
    frozenset({"steal", "rob", "loot", "burgle", "pilfer", "plunder", "snatch", "take"}),
    frozenset({"suspend", "halt", "stop", "pause", "cancel", "ground", "shut", "close", "end", "freeze"}),
    frozenset({"rescue", "save", "bring", "recover"}),
    frozenset({"find", "discover", "recover", "locate", "uncover"}),
    frozenset({"approve", "pass", "adopt", "back", "endorse"}),
    frozenset({"raise", "increase", "lift", "hike", "boost"}),
    frozenset({"cut", "lower", "reduce", "slash", "trim"}),
    frozenset({"collapse", "fall", "crumble", "cave"}),
    frozenset({"capsize", "sink", "overturn", "founder", "flip"}),
    frozenset({"resign", "quit", "step"}),
    frozenset({"dismiss", "sack", "remove", "oust"}),
)
"""Verbs outside the predicate classes that two wordings of one fact use for it ("thieves stole four paintings", "four
canvases were taken"): a pair of them reads one act (``propositions_agree``)."""


def _kindred(x: str | None, y: str | None) -> bool:
    """Two predicates (classes or verbs) that may tell one act: the same, or two verbs of one ``KINDRED_VERBS`` set."""
    return x == y or any(x in kin and y in kin for kin in KINDRED_VERBS)


def one_body(corpus: Corpus, x: str, y: str) -> bool:
    """Two actor ids of one body: the same id, or a report-local one whose name's words all stand in the other's
    name ("local:organization:house" beside the knowledge base's "US House of Representatives")."""
    if x == y:
        return True
    for local, other in ((x, y), (y, x)):
        name = _local_name(local)
        if name is not None:
            mine = content_words(name.replace("-", " "))
            theirs = content_words(corpus.name(other) or "")
            theirs |= content_words((_local_name(other) or "").replace("-", " "))
            if mine and mine <= theirs:
                return True
    return False


def _name_words(corpus: Corpus, s: Statement) -> set[str]:
    """The content words of the names of the actors a statement mentions ("donbas" of the Donbas)."""
    return {w for actor in s.actors for w in content_words(corpus.name(actor) or "")}


def group_claims(corpus: Corpus, embeddings, threshold: float = 0.72, window: int = 20) -> list[Cluster]:
    """Claims of fact stated by more than one report, each a complete-link group of statements.

    ``embeddings(ids, texts)`` returns unit vectors (an EmbeddingCache's ``get``, or any function
    with that shape for tests). Each candidate pair is scored once; both stages read that score.
    """
    statements = claim_statements(corpus)
    numbers = statement_figures(corpus, statements)
    salient = salient_items(statements, numbers)
    pairs: set[tuple[int, int]] = set()
    for key, members in claim_blocks(corpus, statements, salient).items():
        pairs |= pairs_of(key, members, statements, window)
    ordered = sorted(pairs)
    judged = judge_pairs(corpus, statements, numbers, ordered, _scores(statements, embeddings, ordered), threshold)
    return group_links(corpus, statements, judged, numbers, salient, threshold)


def _scores(statements: list[Statement], embeddings, pairs: list[tuple[int, int]]) -> list[float]:
    """The cosine similarity of each pair of statements (indices into ``statements``)."""
    if not pairs:
        return []
    involved = sorted({i for pair in pairs for i in pair})
    vectors = embeddings([statement_id(statements[i]) for i in involved], [statements[i].text for i in involved])
    row = {i: n for n, i in enumerate(involved)}
    return [float(x) for x in pair_scores(vectors, row, pairs)]


def shown_claims(corpus: Corpus, groups: list[Cluster]) -> list[Cluster]:
    """The claims to show: each group ``group_claims`` builds, less the members that deny or doubt what the others
    state ("the union called off the strike at the port", "the union did not call off the strike"). A statement and
    its denial are two claims in dispute, not one, even where they parse to one proposition; the claim lists its
    denials (``disputed_by``), and the denials two reports make alike are a claim of their own. The groups as built
    stay what the conflicts compare: a statement and its denial in one group are a dispute's candidate pair."""
    statements = {statement_id(s): s for s in corpus.statements}
    out = []
    for group in groups:
        members = [statements[i] for i in group.statements if i in statements]
        against = [s for s in members if negative(s)]
        if not against or len(against) == len(members):
            out.append(group)
            continue
        stated = [s for s in members if not negative(s)]
        out += [corroborate(corpus, stated, against)] if len(stated) > 1 else []
        out += [corroborate(corpus, against)] if len(against) > 1 else []
    out.sort(key=lambda c: (-len(c.sources), -c.confirmed, c.id))
    return out


def corroborate(corpus: Corpus, members: list[Statement], denials: list[Statement] | None = None) -> Cluster:
    """Who asserts, reports, hedges and denies a claim, counting each independent source once. ``denials``: the
    statements that deny or doubt it without being its members (``shown_claims``); their reports deny it."""
    order = corpus.doc_order()
    members = sorted(members, key=lambda s: (corpus.published(s.doc) or "9999", order.get(s.doc, 0), s.start))
    by_source = independent_groups(corpus, members)
    asserting, reporting, hedging, denying = [], [], [], []
    confirmed = 0
    sources = []
    for items in by_source:
        doc = min((origin_doc(corpus, s.doc) for s in items), key=lambda d: order.get(d, 0))
        sources.append(doc)
        statuses = {s.status for s in items}
        if statuses & DENYING or any(s.polarity == "negative" for s in items):
            denying.append(doc)
        elif statuses & ASSERTING and any(s.source_kind == "author" or s.status == "confirmed" for s in items):
            asserting.append(doc)
        elif statuses & HEDGING:
            hedging.append(doc)
        else:
            reporting.append(doc)
        confirmed += "confirmed" in statuses
    denying += [doc for doc in dict.fromkeys(origin_doc(corpus, s.doc) for s in denials or ()) if doc not in denying]
    ids = [statement_id(s) for s in members]
    representative = max(members, key=lambda s: (s.status == "confirmed", s.status in ASSERTING,
                                                  s.polarity != "negative", -len(s.text)))
    return Cluster(
        id="c" + hashlib.sha256("|".join(sorted(ids)).encode()).hexdigest()[:12], statements=ids,
        sources=list(dict.fromkeys(sources)), asserting=asserting, reporting=reporting, hedging=hedging,
        denying=denying, confirmed=confirmed,
        corroboration=describe(len(set(sources)), confirmed, len(hedging), len(denying)),
        label=representative.text, representative=statement_id(representative),
        disputed_by=[statement_id(s) for s in denials or ()],
    )
