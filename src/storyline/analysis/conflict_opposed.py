"""Meaning-level contradictions: two sources say incompatible things about one subject in other words, with
no denial between them ("the troops withdrew" against "the troops are massing"; "the talks collapsed" against
"the two sides reached a deal"; "the crossing reopened" against "the crossing stayed shut").

Read from the statements' propositions (agent, predicate, theme, place, polarity): the two clauses share their
subject (one actor id, or one head noun), their predicates fall on the two poles of one short opposition, and
nothing in either sentence hedges, negates or forecasts. Where the sentences' vectors are at hand the two
clauses must also be about one thing (close in meaning), so that "Russia pulled back from Kyiv" does not meet
"Russia is advancing on the coast" when the vectors tell them apart."""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Callable
from itertools import combinations

from storyline.analysis.conflict_pairs import Prop, _dates_compatible, _reports_apart
from storyline.analysis.wording import POSITIVE, STOP, content_words, is_actor_id, stem
from storyline.nlp import grammar as gr

POLES: dict[str, tuple[str, str]] = {
    "withdraw": ("withdraw", "retreat", "leave", "depart", "evacuate", "recall", "abandon"),
    "advance": ("advance", "mass", "amass", "arrive", "reinforce", "deploy", "concentrate"),
    "agree": ("agree", "sign", "seal", "clinch", "settle"),
    "fail": ("fail", "collapse", "stall", "founder"),
    "open": ("open", "reopen", "resume", "restart", "restore"),
    "close": ("close", "shut", "halt", "suspend", "stop", "cease"),
    "rise": ("rise", "increase", "grow", "climb", "jump", "surge", "soar"),
    "fall": ("fall", "decrease", "drop", "decline", "plunge", "shrink", "slump"),
    "win": ("win",),
    "lose": ("lose",),
    "accept": ("accept", "approve", "endorse"),
    "refuse": ("refuse", "veto", "reject"),
}
"""Predicate lemmas by pole: general verbs of movement, outcome, state and trend, one line each."""
OPPOSED = {frozenset(p) for p in (("withdraw", "advance"), ("agree", "fail"), ("open", "close"), ("rise", "fall"),
                                  ("win", "lose"), ("accept", "refuse"))}
"""The oppositions: a subject cannot do both at one time."""
IRREGULAR = {form: base for base, forms in gr.IRREGULAR.items() for form in forms if form != base}
"""Past forms the parse may leave as the predicate ("fell" for "fall"), from the grammar's table."""
POLE_OF = {stem(lemma): pole for pole, lemmas in POLES.items() for lemma in lemmas}
"""Poles by the stem of the lemma, so that a predicate left inflected ("collapsed") still finds its pole."""
_PHRASAL = {("pull", "back"): "withdraw", ("pull", "out"): "withdraw", ("break", "down"): "fail",
            ("fall", "through"): "fail", ("fall", "apart"): "fail", ("build", "up"): "advance",
            ("move", "in"): "advance", ("move", "out"): "withdraw"}
"""Two-word verbs whose particle sets the pole ("pulled back", "broke down")."""
_DEAL = {"deal", "agreement", "accord", "compromise", "settlement", "breakthrough", "truce", "ceasefire"}
"""What "reach" or "strike" must take to mean agreeing: "reached a deal", "struck an accord"."""
_CLAUSE_PARTICLE = re.compile(r"\b(?P<verb>[a-z]+)\s+(?P<prt>back|out|down|through|apart|up|in)\b")
_HEDGE = re.compile(r"\b(?:may|might|could|would|will|should|must|can|if|unless|whether|plan(?:s|ned)?\s+to|"
                    r"expect(?:s|ed)?|threat(?:en|ens|ened)|want(?:s|ed)?\s+to|ready\s+to|intend(?:s|ed)?|"
                    r"not|no|never|n['’]t|without|deny|denies|denied|reject(?:s|ed)?\s+(?:claims?|reports?))\b",
                    re.IGNORECASE)
"""A sentence that hedges, plans, threatens or negates states no act a plain report can contradict by its
opposite; denials and negations are the other conflict kinds' work."""
OUTCOME = {"agree", "fail"}
"""Poles of an outcome, whose subject may be the parties ("the two sides reached a deal") or their talks
("the talks collapsed"): blocked together, and one subject where the two clauses share a party or two words."""
PROCESS = {stem(w) for w in ("talks", "negotiations", "meeting", "summit", "mediation")}
"""Stems of the nouns an outcome's subject is when it is the talks themselves."""
OPPOSED_SIMILAR = 0.4
"""The two clauses' least similarity in meaning, where vectors are at hand: opposites on one topic."""


def pole(record) -> str | None:
    """The pole a statement's predicate falls on: its lemma, or lemma and particle ("pulled back"), or "reach"
    and "strike" with a deal ("reached an agreement")."""
    base = (getattr(record, "predicate", None) or "").lower()
    if not base:
        return None
    base = IRREGULAR.get(base, base)
    theme = (getattr(record, "theme", None) or "").lower()
    text = record.text.lower()
    for m in _CLAUSE_PARTICLE.finditer(text):
        verb = m.group("verb")
        if verb[:2] == base[:2]:  # the predicate as written: "broke" for "break"
            found = _PHRASAL.get((base, m.group("prt")))
            if found:
                return found
    if base in {"reach", "strike"} and _DEAL & set(theme.split()):
        return "agree"
    # a base the parse guessed from an inflected form ("collaps" from "collapsed") meets its lemma's stem
    return next((POLE_OF[k] for k in (stem(base), stem(base + "ed")) if k in POLE_OF), None)


_PREPOSITION = re.compile(r"\s(?:of|on|along|in|at|from|for|with|by|near|to|across|around|inside|outside|"
                          r"charged|who|which|that)\s")
"""Where a noun phrase's head has been passed: "shops along the avenue" ends its head at "along"."""


def head(phrase: str | None) -> str | None:
    """The stem of a phrase's head noun: its last content word before any preposition or relative ("riot police"
    gives police, "shops along the avenue" shops, "fares for app-based rides in Tbilisi" fares)."""
    if not phrase:
        return None
    words = [w for w in re.findall(r"[a-z]+", _PREPOSITION.split(f" {phrase.lower()} ")[0]) if w not in STOP]
    return stem(words[-1]) if words else None


def subject(record) -> str | None:
    """Who or what does the act: the agent (an actor id, or the head noun of its phrase), else the theme for a
    clause without one ("the crossing was closed")."""
    value = getattr(record, "agent", None) or getattr(record, "theme", None)
    return value if is_actor_id(value) else head(value)


def _predicate_at(record) -> tuple[str, int] | None:
    """The sentence (less a dateline) and where its predicate is written in it."""
    base = IRREGULAR.get((getattr(record, "predicate", None) or "").lower(), getattr(record, "predicate", None))
    if not base:
        return None
    text = record.text.split(" - ", 1)[-1] if " - " in record.text[:60] else record.text
    base = base.lower()
    for m in re.finditer(r"[A-Za-z]+", text):
        word = m.group().lower()
        # the predicate as written, not a shorter word it starts with ("with" for "withdraw")
        if IRREGULAR.get(word) == base or word[:3] == base[:3] and len(word) >= len(base) - 1:
            return text, m.start()
    return None


def written_subject(record) -> str | None:
    """The head of what the sentence writes before its predicate, in its first clause ("Fares for app-based rides
    in Tbilisi fell" gives fares even where the parse names Tbilisi's state as the agent)."""
    found = _predicate_at(record)
    if found is None:
        return None
    before = found[0][:found[1]]
    return head(before) if "," not in before and '"' not in before and "“" not in before else None


_PERFECT = re.compile(r"\b(?:has|have)\s++(?:(?:already|now|recently|also|reportedly)\s++)?(?:been\s++)?\Z",
                      re.IGNORECASE)
_PROGRESSIVE_OR_PRESENT = re.compile(r"\b(?:is|are|am)\s++(?:(?:now|still|also)\s++)?(?:being\s++)?\Z", re.IGNORECASE)


def aspect(record) -> str:
    """``perfect`` ("has amassed": a state reached over a stretch of time; "had reached" in reported speech is
    the past), ``present`` ("withdraws", "is
    withdrawing") or ``past`` ("withdrew"): opposite acts contradict each other only told of one moment alike."""
    found = _predicate_at(record)
    if found is None:
        return "past"
    text, at = found
    word = re.match(r"[A-Za-z]+", text[at:]).group().lower()
    before = text[max(0, at - 40):at]
    if _PERFECT.search(before):
        return "perfect"
    if _PROGRESSIVE_OR_PRESENT.search(before) or (word.endswith("s") and not word.endswith("ss")):
        return "present"
    return "past"


def _same_moment(a: str | None, b: str | None) -> bool:
    """Unknown or nested dates may be one moment; two different days are two: a road closed on Monday and
    reopened on Tuesday is news, not a contradiction."""
    if not a or not b or a.startswith(b) or b.startswith(a):
        return True
    return not (len(a) >= 10 and len(b) >= 10) and _dates_compatible(a, b)


def _clash(a, b, name: str) -> bool:
    """Two slots that name different things: two actor ids, or two phrases with no word in common."""
    x, y = getattr(a, name, None), getattr(b, name, None)
    if not x or not y or x == y:
        return False
    if is_actor_id(x) or is_actor_id(y):
        return is_actor_id(x) and is_actor_id(y)
    return not (content_words(x) & content_words(y))


def plain(p: Prop) -> bool:
    """A positive, factual, unhedged clause with a proposition: what an opposite claim can contradict."""
    s = p.record
    return (p.status in POSITIVE and getattr(s, "polarity", "positive") == "positive" and not p.hedged
            and not p.framed and not p.forecast and not p.called_off and not getattr(s, "modality", None)
            and getattr(s, "kind", "fact") in {"fact", "estimate"} and _HEDGE.search(s.text) is None)


def opposed_pairs(props: list[Prop]) -> list[tuple[int, int]]:
    """Index pairs of plain clauses on one subject whose predicates sit on opposed poles, from reports within the
    report window, of compatible dates, with no place, theme or agent named two ways. Blocked by subject: the
    cost grows with the largest group of clauses about one subject, not with the square of all."""
    groups: dict[str, list[int]] = defaultdict(list)
    poles: dict[int, str] = {}
    for n, p in enumerate(props):
        found = pole(p.record) if plain(p) else None
        # the subject as written leads: an actor the parse found inside it ("the line of contact with Russian
        # forces") is not who acts
        keys = ({"outcome"} if found in OUTCOME else {written_subject(p.record) or subject(p.record)}) if found else ()
        for key in set(keys) - {None}:
            poles[n] = found
            groups[key].append(n)
    out = set()
    for members in groups.values():
        for i, j in combinations(members, 2):
            a, b = props[i].record, props[j].record
            if frozenset((poles[i], poles[j])) not in OPPOSED or (a.doc == b.doc and a.start == b.start):
                continue
            if _reports_apart(props[i].when[0], props[j].when[0]) or not _same_moment(a.date, b.date) \
                    or aspect(a) != aspect(b):
                continue  # two days, or a state reached ("has amassed") against an act of now ("withdraws")
            slots = ("place",) if poles[i] in OUTCOME else ("agent", "theme", "place")
            if any(_clash(a, b, slot) for slot in slots):
                continue
            if poles[i] in OUTCOME and not _one_outcome(props[i], props[j]):
                continue
            out.add((i, j) if props[i].when <= props[j].when else (j, i))
    return sorted(out)


def _one_outcome(p: Prop, q: Prop) -> bool:
    """Two outcomes of one negotiation: a party in common, or two content words ("the drivers' association")."""
    if p.actors & q.actors:
        return True
    return len((content_words(p.record.text) & content_words(q.record.text)) - PROCESS) >= 2


def clause_similarity(props: list[Prop], pairs: list[tuple[int, int]], embeddings) -> Callable[[int, int], float]:
    """Cosine similarity of two props, encoding only those in ``pairs``: of their claimed clauses (the sentence
    less its attribution) or of their sentences, whichever is closer (a clause cut short by an aside, "..., the
    company said, as more riders switched", is still its sentence)."""
    needed = sorted({k for pair in pairs for k in pair})
    if embeddings is None or not needed:
        return lambda i, j: 1.0
    texts = sorted({t for k in needed for t in (props[k].clause or props[k].record.text, props[k].record.text)})
    vectors = embeddings(["k" + hashlib.sha256(t.encode()).hexdigest()[:16] for t in texts], texts)
    row = {t: n for n, t in enumerate(texts)}

    def similarity(i: int, j: int) -> float:
        a, b = props[i], props[j]
        return max(float(vectors[row[a.clause or a.record.text]] @ vectors[row[b.clause or b.record.text]]),
                   float(vectors[row[a.record.text]] @ vectors[row[b.record.text]]))

    return similarity


def opposed(props: list[Prop], embeddings=None,
            two_voices: Callable[[Prop, Prop], bool] = lambda a, b: True) -> list[tuple[Prop, Prop]]:
    """The pairs of ``props`` that contradict each other in meaning, earlier first: opposed poles on one subject,
    said by two voices (``two_voices``: one source's changed account is an evolution, not this), and close in
    meaning where ``embeddings`` are given. One pair per sentence pair; each clause in at most one pair, its
    closest."""
    pairs = [(i, j) for i, j in opposed_pairs(props) if two_voices(props[i], props[j])]
    similar = clause_similarity(props, pairs, embeddings)
    scored = sorted(((similar(i, j), i, j) for i, j in pairs), reverse=True)
    used: set[int] = set()
    out = []
    for score, i, j in scored:
        if score < OPPOSED_SIMILAR or i in used or j in used:
            continue
        used |= {i, j}
        out.append((props[i], props[j]))
    return out
