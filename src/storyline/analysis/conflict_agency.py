"""Who did it: one source says a party did something, another source that the party did not ("the blockade of
the ports by the navy" against "the navy denied blocking ports"; "the company bears full responsibility for the
spill" against "“the company did not cause any spill,” its lawyer said"; "the rebels blew up the bridge" against
"the rebels blamed the blast on the army").

Each statement is read for acts with their party, an actor id: acts said done (the parsed agent and predicate,
"the X of Y by P", "P bears responsibility for X", "P is to blame for X", "accused P of X", "blamed X on P") and
acts disowned ("P denied X-ing", "P denied responsibility for X", "P did not X", "P blamed X on Q"). A disowned act
meets a done one of the same party (or of a body of it) whose act word is the same (or its noun: "blocking" and
"blockade", "invade" and "invasion", or another name of one act of force: "the raid" and "attacked"), where what it
was done to, when both say, has a word in common. A denial whose subject is a pronoun ("It denied carrying out the
raid") is its speaker's.

And why: the reason a party gives for its own act ("the plant is closing due to a technical fault") against
another source's "there is no technical reason for the company's decision". Whether the two sentences are two
voices, of one time, is the caller's test."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from storyline.analysis.conflict_pairs import CLAIMED, Prop, _reports_apart
from storyline.analysis.conflict_pairs import _two_voices as quoted_voices
from storyline.analysis.conflict_reach import _day
from storyline.analysis.wording import FRAME_CLASSES, POSITIVE, content_words, is_actor_id, stem
from storyline.models import Mention

LIGHT = frozenset(stem(w) for w in ("start", "begin", "launch", "commit", "carry", "conduct", "wage", "make", "do",
                                    "take", "have", "be", "get", "stage", "mount", "unleash", "play", "cause", "impose",
                                    "introduce"))
"""Verbs whose act is their object ("did not start the war": the war): what is disowned is the noun after them."""
SAID = frozenset(stem(w) for w in ("say", "tell", "add", "state", "claim", "deny", "confirm", "report", "announce",
                                   "accuse", "blame", "call", "warn", "insist", "argue", "comment", "respond",
                                   "believe", "think", "know", "want", "hope", "need", "expect", "seem", "see"))
"""Predicates of saying, thinking and wanting: the act they frame is no act of their agent's."""
PREFIX = 5
"""The least letters an act word must have to meet a longer word it starts ("block" and "blockade")."""
FORCE = frozenset(stem(w) for w in ("attack", "offensive", "invade", "invasion", "assault", "incursion", "raid",
                                    "strike", "onslaught", "bombard", "bombardment"))
"""Acts of armed force: one act under several names ("the attack", "the offensive", "the invasion", "the strike"),
as reports of one crisis call it one way and another. What the act is done to, when both say, still decides."""
OBJECT_WORDS = 6
"""The most words read as what an act was done to."""

_NOUN_END = re.compile(r"[.;:!?\"“”()]|\s(?:which|who|that|because|as|after|before|while|since|despite|saying|"
                       r"adding|although|though|when|if|amid)\s", re.IGNORECASE)
"""Where a noun phrase ends: "its unjustified and unprovoked war, which ..." is one phrase up to "which"."""
_END = re.compile(_NOUN_END.pattern + r"|,|\s(?:and|but)\s", re.IGNORECASE)
"""Where an act's clause ends: a verb phrase ends at a comma or the next coordinated clause as well."""
_DENIED_DOING = re.compile(r"\bden(?:y|ies|ied|ying)\s++(?:(?:ever|any|all|having|repeatedly|again)\s++)*"
                           r"(?P<acts>[a-z]+ing\b[^.;:!?\"“”()]*)", re.IGNORECASE)
"""A denial of the denier's own act, as a gerund: "denied stealing grain or blocking ports"."""
_DENIED_PART = re.compile(r"\bden(?:y|ies|ied|ying)\s++(?:(?:any|all|repeatedly)\s++)*(?:responsibility|involvement|"
                          r"(?:a\s++)?role)\s++(?:for|in)\s++(?P<acts>[^.;:!?\"“”()]+)", re.IGNORECASE)
"""A denial of a part in something: "denied responsibility for the blast", "denied any involvement in the attack"."""
_NOT_DONE = re.compile(r"(?:\b(?:did|does|do|has|have|had)\s++(?:not|never)|\b(?:didn|doesn|don|hasn|haven|hadn)['’]t|"
                       r"\bnever)\s++(?:(?:ever|yet|once|even)\s++)*(?P<acts>[a-z]++\b[^.;:!?\"“”()]*)", re.IGNORECASE)
"""A plain negation of an act: "did not start the war", "has never blocked a port"."""
_BLAMED_ON = re.compile(r"\bblam(?:e|es|ed|ing)\s++(?P<acts>(?:the|a|an|this|that|its|their|his|her)\s++[^.;:!?,\"“”]{2,60}?)"
                        r"\s++on\s++(?P<other>[^.;:!?,\"“”]{2,60})", re.IGNORECASE)
"""An act put down to another party: "blamed the blockade on Ukrainian mines"."""
_BLAMED_FOR = re.compile(r"\b(?:blam(?:e|es|ed|ing)|accus(?:e|es|ed|ing))\s++(?P<other>[^.;:!?,\"“”]{2,60}?)\s++"
                         r"(?:for|of)\s++(?P<acts>[^.;:!?\"“”()]+)", re.IGNORECASE)
"""An act laid at another party's door: "blamed the army for the blast", "accused the army of shelling"."""
_RESPONSIBLE = re.compile(r"\b(?:(?:bears?|bore|borne|holds?|held|carr(?:y|ies|ied)|takes?|took|taken|claim(?:s|ed)?|"
                          r"accept(?:s|ed)?)\s++(?:(?:the|full|sole|direct|primary|all|its|their)\s++){0,2}responsibility|"
                          r"(?:is|are|was|were|be|been)\s++(?:(?:solely|fully|directly|entirely|also)\s++)?"
                          r"(?:responsible|to\s++blame))\s++for\s++(?P<acts>[^.;:!?\"“”()]+)", re.IGNORECASE)
"""A party said to answer for an act: "bears full responsibility for the war", "was to blame for the blast"."""
_DONE_BY = re.compile(r"\b(?P<act>[a-z]{4,})\s++of\s++(?:[\w’'-]++\s++){1,5}?by\s++", re.IGNORECASE)
"""An act as a noun with its party after "by": "the blockade of Ukrainian ports by ..."."""
_LEADING = re.compile(r"\A(?:(?:the|a|an|any|its|their|his|her|this|that|these|those|such)\s++)+", re.IGNORECASE)


@dataclass(frozen=True)
class Act:
    """What a sentence says one party did or did not do."""

    party: str
    """The actor id of who acts."""
    acts: frozenset[str]
    """Stems of the act's word (a verb, or its noun), or of the noun after a light verb ("start the war")."""
    objects: frozenset[str]
    """Content stems of what it was done to, or of the rest of its noun phrase."""


def _words(phrase: str, limit: int = OBJECT_WORDS, end: re.Pattern = _END) -> list[str]:
    """The phrase's words up to where its clause (or, with ``_NOUN_END``, its noun phrase) ends, determiners
    aside."""
    phrase = end.split(_LEADING.sub("", phrase.strip()), maxsplit=1)[0]
    return re.findall(r"[A-Za-z][\w’'-]*", phrase)[:limit]


def _gerunds(phrase: str) -> list[str]:
    """The coordinated gerund phrases of a denial, each its own act: "stealing grain or blocking ports" gives
    "stealing grain" and "blocking ports"."""
    parts: list[list[str]] = [[]]
    for word in phrase.split():
        before = parts[-1][-1] if parts[-1] else ""
        if word.lower().endswith("ing") and (before.lower() in ("or", "and", "nor") or before.endswith(",")):
            if before.lower() in ("or", "and", "nor"):
                parts[-1].pop()
            parts.append([])
        parts[-1].append(word)
    return [" ".join(p).strip(" ,") for p in parts if p]


def _act(party: str, phrase: str) -> Act | None:
    """The act a phrase names: its first word ("blocking ports"), or the nouns after a light verb ("start
    aggression in Ukraine": aggression); at least one content word."""
    words = _words(phrase)
    while words and (words[0].lower().endswith("ly") or words[0].lower() in ("also", "even", "ever", "yet")):
        words = words[1:]  # "did not explicitly say": the verb
    if not words or words[0].lower() in BE:
        return None  # "was never a threat" states what something is, not an act
    head, rest = words[0].lower(), words[1:]
    if stem(head) in LIGHT or stem(head + "e") in LIGHT:
        rest = [w for w in rest if content_words(w)]  # "start the war in X": the war, then X
        acts = frozenset(content_words(rest[0])) if rest else frozenset()
        objects = frozenset(content_words(" ".join(rest[1:])))
    else:
        acts = frozenset(content_words(head)) or frozenset({stem(head)})
        objects = frozenset(content_words(" ".join(rest)))
    return Act(party, acts, objects - acts) if acts and not acts & SAID else None


def _noun_acts(party: str, phrase: str) -> Act | None:
    """The act a noun phrase names ("its unprovoked war of aggression against Ukraine"): its content words,
    every one of which may be the act."""
    words = frozenset(content_words(" ".join(_words(phrase, 2 * OBJECT_WORDS, _NOUN_END))))
    return Act(party, words, words) if words else None


_NO_REASON = re.compile(r"\bno\s++(?P<kind>[a-z]++)\s++(?:reason|grounds?|justification|basis|cause)[”\"’']?\s++for\s++"
                        r"(?P<what>[^.;:!?]{3,80})", re.IGNORECASE)
"""A reason ruled out: "there is “no technical reason” for the company's announcement"."""
_BECAUSE = re.compile(r"\b(?:due\s++to|because\s++of|owing\s++to|on\s++account\s++of|citing|as\s++a\s++result\s++of)\s++"
                      r"(?P<why>[^.;!?]{3,120})", re.IGNORECASE)
"""A reason given: "due to the worn state of the pump", "citing safety concerns"."""


_BETWEEN = re.compile(r"(?:['’]s?(?:\s++[a-z]++)?)?(?:\s++(?:has|have|had|is|are|was|were|did|does|do|also|still|again|"
                      r"already|long|itself|themselves|[a-z]+ly))*\s*+")
"""What may stand between a subject and its verb: "'s navy", auxiliaries, adverbs."""
BE = frozenset({"be", "is", "are", "was", "were", "been", "being", "am"})


class _Parties:
    """The actor mentions of one statement, by offset within its text."""

    def __init__(self, mentions: Iterable[Mention], start: int) -> None:
        self.spans = sorted((m.start - start, m.end - start, m.entity) for m in mentions if is_actor_id(m.entity))

    def before(self, text: str, at: int) -> str | None:
        """The party written as the subject right before ``at``: its name, or a body of it ("the country's navy"),
        then only auxiliaries and adverbs ("Russia has repeatedly denied"); none across punctuation or a clause
        ("the islanders are not French and would never be")."""
        found = [(e, entity) for s, e, entity in self.spans if e <= at]
        if not found:
            return None
        end, entity = found[-1]
        return entity if _BETWEEN.fullmatch(text[end:at]) else None

    def within(self, a: int, b: int) -> set[str]:
        return {entity for s, e, entity in self.spans if a <= s < b}


_OWN_PRONOUN = re.compile(r"(?:\A|[,;:]\s*+|\b(?:said|says|say|told|added|insisted|stressed|stated|that)\s++)"
                          r"(?P<pro>it|they|he|she)\s++(?:(?:has|have|had|is|are|was|were|did|does|do|also|still|"
                          r"again|already|now|always|never|[a-z]+ly)\s++){0,2}\Z", re.IGNORECASE)
"""A pronoun subject that opens the sentence or the clause a verb of saying gives, at most two words (auxiliaries,
adverbs) before the verb: "It denied ...", "said it had no plans to ..."."""


def own_pronoun(text: str, at: int, speaker: str | None) -> str | None:
    """The speaker, where the subject of the verb at ``at`` is a pronoun that opens the sentence or the clause of
    saying and fits the speaker ("it" a body, "he" or "she" a person, "they" either): who denies or disowns an act
    in "It denied planning an attack" is the sentence's source, which the speaker resolution read from the parse.
    None when the speaker is no actor or the pronoun is none of these."""
    m = _OWN_PRONOUN.search(text, max(0, at - 60), at)
    if m is None or not is_actor_id(speaker):
        return None
    person = "person" in speaker
    pro = m.group("pro").lower()
    return speaker if pro == "they" or (pro == "it") != person else None


def _subject(record, parties: _Parties, text: str, at: int, own: bool = False) -> str | None:
    """Who does the act at ``at``: the party written just before it, the source where ``own`` (the act is one the
    sentence disowns for its subject) and that subject is a pronoun standing for it (``own_pronoun``), else the
    parsed agent when it is an actor."""
    found = parties.before(text, at) or (own_pronoun(text, at, record.source) if own else None)
    if found:
        return found
    agent = getattr(record, "agent", None)
    return agent if is_actor_id(agent) else None


def disowned(prop: Prop, parties: _Parties) -> list[tuple[Act, str]]:
    """The acts a statement says its party did not do, each with the status it gives them: ``denied`` for a
    denial ("denied blocking ports", "denied responsibility for the blast"), ``negated`` for a plain negation
    ("did not start the war") or an act put down to another party ("blamed the blast on the army")."""
    s, text = prop.record, prop.record.text
    out: list[tuple[Act, str]] = []
    for m in _DENIED_DOING.finditer(text):
        party = _subject(s, parties, text, m.start(), own=True)
        for part in _gerunds(m.group("acts")) if party else ():
            act = _act(party, part)
            if act:
                out.append((act, "denied"))
    for m in _DENIED_PART.finditer(text):
        party = _subject(s, parties, text, m.start(), own=True)
        act = _noun_acts(party, m.group("acts")) if party else None
        if act:
            out.append((act, "denied"))
    if prop.status == "negated" and not prop.forecast:
        for m in _NOT_DONE.finditer(text):
            party = parties.before(text, m.start())
            act = _act(party, m.group("acts")) if party else None
            if act:
                out.append((act, "negated"))
    for m in _BLAMED_ON.finditer(text):
        party = _subject(s, parties, text, m.start())
        others = parties.within(m.start("other"), m.end("other")) - {party}
        act = _noun_acts(party, m.group("acts")) if party and others else None
        if act:
            out.append((act, "negated"))
    return out


def done(prop: Prop, parties: _Parties) -> list[Act]:
    """The acts a plain claim says a party did: its parsed agent's predicate, "the X of Y by P", "P bears
    responsibility for X", "P is to blame for X", "accused P of X", "blamed X on P"."""
    s, text = prop.record, prop.record.text
    out = []
    agent, predicate = getattr(s, "agent", None), (getattr(s, "predicate", None) or "").lower()
    if is_actor_id(agent) and predicate and getattr(s, "polarity", "positive") == "positive" \
            and getattr(s, "predicate_class", None) not in FRAME_CLASSES | {"accuse"} and stem(predicate) not in SAID:
        at = re.search(rf"\b{re.escape(predicate[:4])}\w*", text, re.IGNORECASE)
        act = _act(agent, text[at.start():]) if at else None
        if act:
            out.append(act)
    for m in _DONE_BY.finditer(text):
        for party in parties.within(m.end(), m.end() + 40):
            acts = frozenset({stem(m.group("act").lower())})
            if not acts & SAID:
                out.append(Act(party, acts, frozenset(content_words(m.group()[len(m.group("act")):]))))
    for m in _RESPONSIBLE.finditer(text):
        party = _subject(s, parties, text, m.start())
        act = _noun_acts(party, m.group("acts")) if party else None
        if act:
            out.append(act)
    for m in _BLAMED_FOR.finditer(text):
        for party in parties.within(m.start("other"), m.end("other")):
            act = _noun_acts(party, m.group("acts"))
            if act:
                out.append(act)
    for m in _BLAMED_ON.finditer(text):
        for party in parties.within(m.start("other"), m.end("other")):
            act = _noun_acts(party, m.group("acts"))
            if act:
                out.append(act)
    return out


def ruled_out(prop: Prop, parties: _Parties) -> list[tuple[str, str]]:
    """``(party, kind)`` for each reason a statement rules out for a party's act: "no technical reason for the
    company's announcement" gives the company and "technical"."""
    text = prop.record.text
    return [(party, m.group("kind").lower()) for m in _NO_REASON.finditer(text)
            if content_words(m.group("kind")) for party in parties.within(m.start("what"), m.end("what"))]


def gives_reason(record, kind: str) -> bool:
    """Whether a sentence gives a reason of that kind ("due to the “worn state of the pump”")."""
    return any(re.search(rf"\b{re.escape(kind)}\b", m.group("why"), re.IGNORECASE) for m in _BECAUSE.finditer(record.text))


def _same_act(a: str, b: str) -> bool:
    """One act word, or a verb and its noun: the same stem, one a start of the other ("block", "blockad"), a
    noun in -sion of a verb in -de ("invasion", "invad"), or two names of an act of force (``FORCE``)."""
    if a == b or a in FORCE and b in FORCE:
        return True
    short, long_ = sorted((a, b), key=len)
    if len(short) >= PREFIX and long_.startswith(short):
        return True
    return any(x.endswith("sion") and x[:-4] + "d" == y for x, y in ((a, b), (b, a)))


def _same_party(a: str, b: str) -> bool:
    """One party, or a party and a body of it ("kb:XYZ" and "kb:XYZ.NAVY")."""
    return a == b or a.startswith(b + ".") or b.startswith(a + ".")


def meets(no: Act, yes: Act) -> bool:
    """A disowned act and a done one of one party, the same act, and (where both say what it was done to) a word
    of that in common."""
    if not _same_party(no.party, yes.party):
        return False
    if not any(_same_act(a, b) for a in no.acts for b in yes.acts):
        return False
    return not (no.objects and yes.objects) or bool(no.objects & (yes.objects | yes.acts))


def _for_state(act: Act, prop: Prop, leads: Callable[[str, Prop], str | None]) -> list[Act]:
    """The act, and the same act of the state its party leads on the sentence's date, if any."""
    state = leads(act.party, prop)
    return [act, replace(act, party=state)] if state else [act]


def agency_pairs(props: list[Prop], mentions: Iterable[Mention],
                 two_voices: Callable[[Prop, Prop], bool],
                 leads: Callable[[str, Prop], str | None] = lambda party, prop: None) -> list[tuple[int, int, str]]:
    """``(disowning, claim, status)`` index pairs: for each statement that disowns an act, the plain claim of
    another voice, within one story's window, that says the party did it (in one report, two sources it
    quotes: its own account against a source's is reporting); the claim sharing most words of what was done
    first, then the nearest in time, then the earliest. ``status`` is the disowning one's (``denied`` or
    ``negated``); and for each reason ruled out for a party's act, the party's own sentence giving a reason of
    that kind (status ``denied``). ``leads``: the state a party leads on a sentence's date (a head of state or
    government acts for his state), or None."""
    by_doc: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_doc[m.doc].append(m)

    def parties(p: Prop) -> _Parties:
        s = p.record
        return _Parties((m for m in by_doc.get(s.doc, ()) if s.start <= m.start < s.end), s.start)

    claims: list[tuple[int, Act]] = []
    probes: list[tuple[int, Act, str]] = []
    for n, p in enumerate(props):
        if ":" in p.id:
            continue  # a claim derived from another sentence's words: its own sentence is read here
        found = parties(p)
        if p.status in POSITIVE and p.status in CLAIMED and not p.hedged and not p.forecast and not p.framed:
            claims += [(n, x) for act in done(p, found) for x in _for_state(act, p, leads)]
        probes += [(n, x, status) for act, status in disowned(p, found) for x in _for_state(act, p, leads)]
    out = []
    for i, p in enumerate(props):
        if ":" in p.id:
            continue
        for party, kind in ruled_out(p, parties(p)):
            # the party's own sentence giving a reason of that kind, said by the party
            found = [(abs(_day(p) - _day(props[j])), props[j].when, j) for j, q in enumerate(props)
                     if j != i and q.status in POSITIVE and not q.hedged and _same_party(party, q.record.source or "")
                     and gives_reason(q.record, kind) and not _reports_apart(p.when[0], q.when[0])
                     and (p.record.doc != q.record.doc or quoted_voices(p, q)) and two_voices(p, q)]
            if found:
                out.append((i, min(found)[2], "denied"))
    for i, no, status in probes:
        q = props[i]
        found = [(-len(no.objects & (yes.objects | yes.acts)), abs(_day(q) - _day(props[j])), props[j].when, j)
                 for j, yes in claims
                 if j != i and meets(no, yes) and not _reports_apart(q.when[0], props[j].when[0])
                 and (q.record.doc != props[j].record.doc or quoted_voices(q, props[j])) and two_voices(q, props[j])]
        if found:
            out.append((i, min(found)[3], status))
    return sorted(set(out))

