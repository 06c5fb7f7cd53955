"""Judgements said two ways: one source calls a thing what another calls its opposite, with no denial between
them ("the drills were a provocation" against "the drills were a routine exercise"; "the rate rise has worked"
against "the rate rise failed"; "the strike is illegal" against "the strike is lawful"; "the fire was an
accident" against "the fire was no accident").

A judgement is read from the wording of one clause: a copula and its complement ("the strike is illegal", "the
blast was not an accident", "poses no threat"), a role ("has a peacekeeping role"), the verbs of working and
failing ("the sanctions do not work"), or a naming verb and its object ("called the drills a provocation",
"described the vote as fair"). Its scale word sits on one pole of a short general scale (``SCALES``); a negation
in the clause turns it to the other pole. Two judgements conflict when they fall on the two poles of one scale
and judge one subject: the head of one subject is a word of the other, and the two sentences also share two words
of the subject, or (the caller's test) a party, a report or three words in all. A clause that hedges, asks or sets
a condition judges nothing, nor does a sentence that denies or doubts."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import combinations

from storyline.analysis.conflict_opposed import _same_moment, head
from storyline.analysis.conflict_pairs import _reports_apart
from storyline.analysis.wording import DENIAL, DOUBT, STOP, stem

SCALES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "working": (("effective", "successful", "success", "succeeded", "succeeds", "worked", "works", "work", "working"),
                ("ineffective", "unsuccessful", "failure", "failed", "fails", "futile", "useless",
                 "counterproductive", "fiasco", "debacle", "disaster")),
    "lawful": (("legal", "lawful", "legitimate", "constitutional", "valid"),
               ("illegal", "unlawful", "illegitimate", "unconstitutional", "invalid")),
    "justified": (("justified", "justifiable", "necessary", "proportionate"),
                  ("unjustified", "unjustifiable", "unnecessary", "disproportionate", "excessive")),
    "deliberate": (("deliberate", "intentional", "sabotage", "arson"),
                   ("accident", "accidental", "unintentional", "mishap")),
    "hostile": (("provocation", "provocative", "aggressive", "hostile", "offensive", "violent", "threat"),
                ("routine", "defensive", "peaceful")),
    "fair": (("fair", "credible", "transparent"), ("rigged", "fraudulent", "unfair", "flawed", "sham")),
    "party": (("aggressor", "accomplice", "co-aggressor", "belligerent"),
              ("peacemaker", "peacekeeper", "peacekeeping", "mediator", "neutral")),
    "accurate": (("accurate", "correct"), ("inaccurate", "incorrect", "misleading", "exaggerated")),
    "safe": (("safe", "harmless"), ("unsafe", "dangerous", "hazardous", "harmful", "contaminated", "polluted")),
}
"""Scales of judgement, each with its two poles: general words for what works, what the law allows, what was called
for, what was meant, what threatens, what was fair, which side a party is on in a conflict, what is accurate and
what is safe. No subject matter."""
POLE_OF = {word: (scale, n) for scale, poles in SCALES.items() for n, words in enumerate(poles) for word in words}
"""A scale word's scale and pole (0 or 1)."""
WORK_VERBS = frozenset({"work", "works", "worked", "working", "succeeded", "succeeds", "failed", "fails"})
"""Scale words that are verbs: they judge their subject only with nothing after them ("the plan failed", not "the
plan failed to pass" or "ministers worked on a plan")."""
PAST_VERBS = frozenset({"worked", "failed", "succeeded"})
"""The verbs' forms that judge with no auxiliary: the others may be nouns or need one ("does not work")."""

_COPULA = (r"(?:is|are|was|were|(?:has|have|had)\s++been|remains?|remained|proved|proven|seems?|seemed|looks?|"
           r"appears?|poses?|posed)")
_NOT = r"(?:not|no|never|n['’]t)"
_COMPLEMENT = re.compile(rf"\b{_COPULA}\s++(?P<not>{_NOT}\s++)?(?P<rest>[^.;:!?,\"“”()]{{2,80}})", re.IGNORECASE)
"""A copula and what it says its subject is: "was not a provocation", "is illegal under the constitution", "poses no
threat"."""
_ROLE = re.compile(r"\b(?:has|have|had|plays?|played)\s++(?P<not>no\s++)?(?:(?:a|an|the)\s++)?"
                   r"(?P<rest>(?:[\w-]++\s++){0,2}?)role\b", re.IGNORECASE)
"""A role its subject is said to have: "has a peacekeeping role", "plays a mediator's role"."""
_VERBAL = re.compile(rf"\b(?P<aux>(?:do|does|did|has|have|had)\s++(?P<not>{_NOT}\s++)?|"
                     r"(?:is|are)\s++(?P<neg>not\s++)?)?(?P<verb>work|works|worked|working|succeeded|succeeds|failed|"
                     r"fails)\b(?P<after>[^.;:!?\"“”]{0,30})",
                     re.IGNORECASE)
"""The verbs of working and failing with their auxiliary: "does not work", "has failed", "are working"."""
_JUDGED_VERB_END = re.compile(r"\A\s*+(?:(?:well|so\s++far|either|at\s++all|and|but)\b|[,–—-])", re.IGNORECASE)
"""What may follow a verb of working that judges its subject: an adverb of degree, the next clause or a comma."""
_NAMING = re.compile(r"\b(?:call(?:s|ed)?|describ(?:e|es|ed)|term(?:s|ed)?|label(?:s|led|ed)?|brand(?:s|ed)?|"
                     r"denounc(?:e|es|ed)|condemn(?:s|ed)?|characteri[sz](?:e|es|ed))\s++"
                     r"(?P<object>(?:(?!(?:as|a|an)\b)[\w’'-]++\s++){1,6})(?:as\s++(?:an?\s++)?|an?\s++)"
                     r"(?P<rest>[^.;:!?,\"“”()]{2,60})", re.IGNORECASE)
"""A naming verb, what it names and what it calls it: "called the drills a provocation", "described the vote as
fair"."""
_NAMED_BARE = re.compile(r"\b(?:call(?:s|ed)?|term(?:s|ed)?|label(?:s|led|ed)?|brand(?:s|ed)?|deem(?:s|ed)?)\s++"
                         r"(?P<object>(?:(?!(?:as|a|an|it|them|this|that|for|on|to)\b)[\w’'-]++\s++){1,5}?)"
                         r"(?P<word>[a-z-]++)(?=\s*+(?:[,.;:!?]|and\b|but\b|because\b|\Z))", re.IGNORECASE)
"""A naming verb with an adjective for what it names: "called the drills aggressive", "branded the vote unfair"."""
_DENIED_JUDGEMENT = re.compile(
    r"\b(?:den(?:y|ies|ied|ying)|reject(?:s|ed|ing)?|dismiss(?:es|ed|ing)?|refut(?:e|es|ed|ing)|rebut(?:s|ted)?)\s++"
    r"(?:as\s++[a-z]++\s++)?(?:(?:the|any|all|these|those|repeated|persistent)\s++)*"
    r"(?:(?:(?:charges?|claims?|accusations?|allegations?|suggestions?|assertions?)\s++)?that\s++(?P<clause>[^;:!?\"“”()]+)|"
    r"(?:(?:charges?|claims?|accusations?|allegations?|suggestions?)\s++of\s++)?being\s++(?P<self>[^.;:!?,\"“”()]{2,60}))",
    re.IGNORECASE)
"""A judgement denied: "rejected the charge that the drills were aggressive" (a clause that judges), "denied being
an aggressor" (the denier judged)."""
_STOPS_PHRASE = frozenset({"to", "of", "on", "for", "against", "with", "in", "by", "from", "at", "and", "but", "or",
                           "that", "which", "who", "because", "after", "before", "since", "as", "than", "if", "when"})
"""Words a complement's own phrase ends at: "was a response to a provocation" judges a response."""
COMPLEMENT_WORDS = 4
"""The most words of a complement read for its scale word ("was a carefully planned provocation")."""
_BOUNDARY = re.compile(r"(?:\A|[,;:\"“”(]|\b(?:that|said|says|say|told|tells|added|insisted|argued|and|but|while|"
                       r"whereas|because|although|though|after|before|since|when)\b)\s*+", re.IGNORECASE)
"""Where a clause starts: the subject of a copula is what is written between the last of these and it."""
_HEDGE = re.compile(r"\b(?:may|might|could|would|should|must|can|will|shall|if|unless|whether|perhaps|maybe|"
                    r"possibly|probably|likely|unlikely)\b|\?", re.IGNORECASE)
"""A judgement that hedges, sets a condition or asks: it is no judgement a source makes."""
SUBJECT_WORDS = 8
"""The most words of a subject: a longer one is a sentence the clause boundaries did not split."""
_PRONOUN = frozenset({"it", "this", "that", "these", "those", "they", "he", "she", "we", "i", "you", "there",
                      "which", "who", "what", "everything", "nothing", "something", "anything"})
"""Subjects that name nothing by themselves."""
_CLAUSE_WORDS = frozenset({"should", "would", "could", "can", "will", "may", "might", "must", "shall", "do", "does",
                           "did", "is", "are", "was", "were", "be", "been", "has", "have", "had", "how", "why", "where",
                           "what", "whom", "whose", "not", "now", "also", "only", "just", "then"})
"""Words no subject holds: a "subject" with a modal, an auxiliary or a wh-word is a clause the boundaries did not
split ("lawmakers should reform how provinces award public works")."""


@dataclass(frozen=True)
class Judgement:
    """What a sentence judges one subject to be."""

    scale: str
    pole: int
    """0 for the first pole of the scale (effective, lawful, hostile...), 1 for the other."""
    subject: frozenset[str]
    """Content stems of what is judged."""
    head: str
    """The stem of the subject's head noun."""


def _scale_word(rest: str) -> tuple[str, int] | None:
    """The scale and pole of the complement's scale word: the last of its first few words up to a preposition or
    conjunction, the head where two are written ("a deliberate provocation" is a provocation); None where there is
    none or where they hold both poles of one scale."""
    found = []
    for word in re.findall(r"[a-z’'-]+", rest.lower())[:COMPLEMENT_WORDS]:
        if word in _STOPS_PHRASE:
            break
        if word in POLE_OF and word not in WORK_VERBS:
            found.append(POLE_OF[word])
    if not found or len({scale for scale, _ in found}) < len(set(found)):
        return None
    return found[-1]


def _subject(text: str, at: int) -> tuple[frozenset[str], str] | None:
    """The content stems and head of what a clause writes before ``at``, back to the clause's start."""
    before = text[:at]
    starts = [m.end() for m in _BOUNDARY.finditer(before)]
    phrase = before[starts[-1]:] if starts else before
    return _phrase(phrase)


def _phrase(phrase: str) -> tuple[frozenset[str], str] | None:
    """The content stems and head of a noun phrase (its head as ``conflict_opposed`` reads it: "the fire at the
    depot" is a fire); None for a pronoun, a phrase that ends in a function word
    ("praised their work": "their" is no subject) or one too long to be a subject."""
    words = re.findall(r"[\w’'-]+", phrase.lower())
    if not words or len(words) > SUBJECT_WORDS or words[-1] in _PRONOUN or words[-1] in STOP \
            or _CLAUSE_WORDS & set(words):
        return None
    stems = [stem(w.removesuffix("’s").removesuffix("'s")) for w in words
             if w not in STOP and w not in _PRONOUN and w not in POLE_OF]
    stems = [s for s in stems if s and s not in STOP and len(s) > 1]
    found = head(phrase)
    return (frozenset(stems), found) if stems and found else None


HEDGE_REACH = 40
"""Characters before a judgement's verb read for a hedge that governs it ("said the count may have been")."""


def _hedged(text: str, start: int, end: int) -> bool:
    return _HEDGE.search(text[max(0, start - HEDGE_REACH):end]) is not None


def judgements(text: str) -> list[Judgement]:
    """Every judgement a sentence makes of a named subject, with its pole after any negation in its clause. A
    sentence that denies makes only the judgements it denies, on their other pole (``denied_judgements``); one
    that doubts makes none."""
    if DENIAL.search(text):
        return denied_judgements(text)
    if DOUBT.search(text):
        return []
    out = []
    for pattern in (_COMPLEMENT, _ROLE):
        for m in pattern.finditer(text):
            found = _scale_word(m.group("rest"))
            subject = _subject(text, m.start()) if found else None
            if found and subject and not _hedged(text, m.start(), m.end()):
                out.append(Judgement(found[0], found[1] ^ bool(m.group("not")), *subject))
    for m in _VERBAL.finditer(text):
        after = m.group("after")
        # "failed to pass", "worked on a plan", "is working with": the verb does not judge its subject
        if after.strip() and not _JUDGED_VERB_END.match(after):
            continue
        # a present form with no auxiliary may be a noun ("public works", "epic fails")
        if not m.group("aux") and m.group("verb").lower() not in PAST_VERBS:
            continue
        subject = _subject(text, m.start())
        if subject is None or _hedged(text, m.start(), m.end("verb")):
            continue
        scale, pole = POLE_OF[m.group("verb").lower()]
        negated = bool(m.group("not") or m.group("neg"))
        out.append(Judgement(scale, pole ^ negated, *subject))
    for m in _NAMING.finditer(text):
        found = _scale_word(m.group("rest"))
        # "called on the government to hold a fair vote": a preposition or a verb's "to" is no object
        named = m.group("object")
        subject = _phrase(named) if found and not _STOPS_PHRASE & set(named.lower().split()) else None
        if found and subject and not _hedged(text, m.start(), m.end()):
            out.append(Judgement(found[0], found[1], *subject))
    for m in _NAMED_BARE.finditer(text):
        word = m.group("word").lower()
        named = m.group("object")
        if word not in POLE_OF or word in WORK_VERBS or _STOPS_PHRASE & set(named.lower().split()):
            continue
        subject = _phrase(named)
        if subject and not _hedged(text, m.start(), m.end()):
            out.append(Judgement(*POLE_OF[word], *subject))
    return out


def denied_judgements(text: str) -> list[Judgement]:
    """The judgements a denial rejects, each on its other pole: the clause of "rejected the charge that the drills
    were aggressive" read as a judgement of the drills, and "denied being an aggressor" as one of the denier (the
    subject written before the denial). A judgement's own negation stays in its clause ("denied that the strike
    was not lawful" is lawful)."""
    out = []
    for m in _DENIED_JUDGEMENT.finditer(text):
        if m.group("clause"):
            out += [Judgement(j.scale, 1 - j.pole, j.subject, j.head) for j in judgements(m.group("clause"))]
            continue
        found = _scale_word(m.group("self"))
        subject = _subject(text, m.start()) if found else None
        if found and subject and not _hedged(text, m.start(), m.end()):
            out.append(Judgement(found[0], 1 - found[1], *subject))
    return out


def same_subject(a: Judgement, b: Judgement) -> bool:
    """One subject judged twice: the head of one is a word of the other, and where both say more than their head
    they share a word of that ("the airline's pay offer" and "its pension offer" are two offers)."""
    if not (a.head in b.subject or b.head in a.subject):
        return False
    x, y = a.subject - {a.head, b.head}, b.subject - {a.head, b.head}
    return not (x and y) or bool(x & y)


def judged_pairs(items: list, text: Callable[[object], str], one_thing: Callable[[object, object], bool],
                 two_voices: Callable[[object, object], bool], when: Callable[[object], tuple],
                 date: Callable[[object], str | None], read: Callable[[str], list[Judgement]] | None = None
                 ) -> list[tuple]:
    """Pairs of ``items`` (earlier first) that judge one subject on the two poles of one scale, said by two voices
    (``two_voices``) in reports within the report window (``when``: a sort key in time that opens with the
    publication date), of one moment (``date``: the date the sentence gives), where ``one_thing``
    also holds (a party, a report, or the subject's words in common). Each item in at most one pair: the pair whose
    subjects share most words. ``read``: what reads a sentence's judgements (``judgements`` by default)."""
    read = read or judgements
    found = [(n, j) for n, item in enumerate(items) for j in read(text(item))]
    by_scale: dict[str, list] = {}
    for n, j in found:
        by_scale.setdefault(j.scale, []).append((n, j))
    scored = []
    for members in by_scale.values():
        for (i, a), (k, b) in combinations(members, 2):
            if i == k or a.pole == b.pole or not same_subject(a, b):
                continue
            x, y = items[i], items[k]
            if _reports_apart(when(x)[0], when(y)[0]) or not _same_moment(date(x), date(y)) or not two_voices(x, y):
                continue
            if len(a.subject & b.subject) < 2 and not one_thing(x, y):
                continue
            scored.append((-len(a.subject & b.subject), min(i, k), max(i, k)))
    used: set[int] = set()
    out = []
    for _, i, k in sorted(scored):
        if i in used or k in used:
            continue
        used |= {i, k}
        first, later = sorted((items[i], items[k]), key=when)
        out.append((first, later))
    return out
