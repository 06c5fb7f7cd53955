"""What a party means to do: one source warns that a party will, could or is preparing to do something, another
says the party has no such plan ("the union could strike at any time" against "the union has no plans to strike";
"the army is preparing an offensive" against "the army dismissed reports of an imminent offensive"; "the company
will close the plant" against "the company is unlikely to close the plant").

Each statement is read for intentions, an act with its party (an actor id) on one of two poles: warned (``could``,
``will``, ``is preparing to``, ``plans to``, "an imminent X by P", "is preparing for an X", and the act as the subject
of its coming: "an offensive could begin any day", "P's invasion is imminent"; "P will not stop at the border",
even on a condition, warns of more force) or disowned (``has no plans to``,
``will not``, ``is not going to``, ``is unlikely to``, "denied planning to", "denied any intention to", "denied
planning an X", "has no plans for an X", "no X is planned", "there will be no X", and a warning named inside a
denial: "dismissed reports that P was preparing to X"); a pronoun that opens a disowning sentence or the clause after
its verb of saying ("It denied planning an attack", "the ministry said it had no plans ...") is its speaker, as is the
party of a disowned act that names none ("no offensive is planned, the ministry said"). A warned act whose subject is
a pronoun or the act itself stands for the party named before it in the report, not the speaker who warns of it
("P massed troops near the border, and Q warned that it was preparing an invasion": P). A disowned intention meets a
warned one of the same party (or a body of it) whose act is the same word (or its noun: "invade" and "invasion", a
verb after a light verb: "launch an offensive" is an offensive, or another name of one act of force: "an attack" and
"an offensive"), where what it is done to, when both say, has a word in common. A sentence that sets a condition
("if", "unless") or asks states no intention. Whether the two sentences are two voices, of one time, is the caller's
test."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from storyline.analysis.conflict_agency import FORCE, LIGHT, SAID, _same_act, _same_party, own_pronoun
from storyline.analysis.conflict_pairs import _reports_apart
from storyline.analysis.wording import DENIAL, DOUBT, content_words, is_actor_id, stem
from storyline.models import Mention

WARNED, DISOWNED = 0, 1
"""The two poles of an intention: said to be coming, or said not to be."""

_ACT = r"(?P<act>[a-z][a-z’'-]*+\b[^.;:!?\"“”()]*)"
_SOON = r"(?:(?:soon|now|still|also|even|again|yet|imminently|shortly|quickly|(?:one|some)\s++day)\s++)?+"
_WARN_MODAL = re.compile(
    r"\b(?:could|may|might|will|would|shall|(?:is|are|was|were)\s++(?:(?:now|still|also|reportedly)\s++)?"
    r"(?:going|about|poised|ready|set|likely|expected|preparing|planning|plotting|readying)\s++to|"
    r"plans?\s++to|planned\s++to|intends?\s++to|intended\s++to|(?:has|have|had)\s++decided\s++to|"
    r"(?:may|might|could|must)\s++(?:well\s++)?be\s++(?:preparing|planning|plotting|readying)\s++to)\s++"
    + _SOON + r"(?!(?:not|never|be|have|been|say|like)\b)" + _ACT, re.IGNORECASE)
"""A warned act after a modal or a verb of intending: "could invade", "is preparing to strike", "plans to close"."""
_WARN_PREPARING = re.compile(
    r"\b(?:is|are|was|were|(?:may|might|could|must)\s++(?:well\s++)?be|(?:has|have|had)\s++been)\s++"
    r"(?:(?:now|still|also|reportedly)\s++)?(?:preparing|planning|plotting|readying)\s++"
    r"(?:for\s++)?(?!to\b)(?P<act>(?:(?:an?|the|its|their|his|her|new|more|further)\s++)?[a-z][^.;:!?\"“”()]*)",
    re.IGNORECASE)
"""A warned act as a noun a party prepares: "is preparing an offensive", "was planning for the walkout", "may be
preparing for an attack", "was preparing air strikes"."""
_WARN_IMMINENT = re.compile(
    r"\b(?:imminent|impending|looming)\s++(?P<act>(?:[A-Z][\w’'-]*+\s++)?[a-z][^.;:!?\"“”()]*)")
"""A warned act as a noun said to be near: "an imminent Kalvarian offensive", "the impending strike by the union"."""

_NOT = r"(?:not|never|n['’]t)"
_DISOWN_PLAIN = re.compile(
    r"\b(?:(?:will|would|shall)\s++(?:not|never)|won['’]t|wouldn['’]t|shan['’]t|"
    r"(?:does|do|did)\s++not\s++(?:plan|intend|mean|aim|want|seek)\s++to|(?:does|do|did)n['’]t\s++"
    r"(?:plan|intend|mean|aim|want|seek)\s++to|"
    rf"(?:is|are|was|were)\s++{_NOT}\s++(?:going|planning|preparing|about|poised|set|intending)\s++to|"
    r"(?:is|are|was|were)n['’]t\s++(?:going|planning|preparing|about)\s++to|"
    r"(?:is|are|was|were)\s++(?:(?:very|highly|still)\s++)?(?:unlikely|not\s++likely|not\s++expected)\s++to|"
    r"(?:has|have|had)\s++no\s++(?:plans?|intention|intentions|intent|desire)\s++(?:to|of)|"
    r"(?:has|have|had)\s++not\s++decided\s++to)\s++" + _SOON + r"(?!(?:be|have|been)\b|stop\s++(?:at|with|there|short)\b)"
    + _ACT, re.IGNORECASE)
"""An act its party is said not to mean: "will not strike", "has no plans to close", "is unlikely to invade"."""
_WARN_BEYOND = re.compile(
    r"\b(?:(?:will|would|shall)\s++[\"“‘']?(?:not|never)|won['’]t|wouldn['’]t)\s++[\"“‘']?stop\s++"
    r"(?:at|with|there|short\s++of)\b", re.IGNORECASE)
"""A warning that a party will go further ("will not stop at the border", "would not stop there"): no act it
disowns, but more of its force to come, whatever condition it is set on ("if it wins the war")."""
FURTHER = "~further"
"""The act such a warning names: more force, beyond what the party has done."""
_DISOWN_UNLIKELY = re.compile(
    r"\bunlikely\s++that\s++(?P<rest>[^.;:!?\"“”()]+)", re.IGNORECASE)
"""A hedge set before a warned clause: "it is unlikely that the union will strike"."""
_DENIED_PLAN = re.compile(
    r"\b(?:den(?:y|ies|ied|ying)|reject(?:s|ed|ing)?|dismiss(?:es|ed|ing)?)\s++(?:(?:any|all|having|ever|repeatedly)\s++)*"
    r"(?:(?:plans?|intentions?|intent)\s++(?:to|of)|(?:planning|preparing|plotting|intending)\s++to|"
    r"(?:that\s++)?(?P<pro>it|they|he|she|we)\s++(?:(?:(?:(?:is|are|was|were|had\s++been|has\s++been)\s++"
    r"(?:planning|preparing|plotting|intending|going)|plans?|planned|intends?|intended|means?|meant|wants?|wanted|"
    r"(?:has|have|had)\s++(?:any\s++)?plans?)\s++to)|(?:has|have|had)\s++(?:any\s++)?intentions?\s++(?:to|of)))\s++"
    + _SOON + _ACT, re.IGNORECASE)
"""A party denying its own plan: "denied planning to close the plant", "denies it is preparing to attack", "has
denied it intends to mount a raid", "denies it has any plans to strike", "denied any intention of invading"."""
_DENIED_PLANNED = re.compile(
    r"\b(?:(?:den(?:y|ies|ied|ying)|reject(?:s|ed|ing)?|dismiss(?:es|ed|ing)?)\s++(?:(?:any|all|ever|having|repeatedly)\s++)*"
    r"(?:(?:planning|preparing|plotting)\s++(?:for\s++)?|plans?\s++(?:for|of)\s++|(?:that\s++)?(?:it|they|he|she)\s++"
    r"(?:is|are|was|were|had\s++been|has\s++been)\s++(?:planning|preparing|plotting)\s++(?:for\s++)?)|"
    r"(?:has|have|had)\s++no\s++(?:plans?|intention)\s++(?:for|of)\s++)"
    r"(?P<act>(?:an?|the|any|its|their|his|her)\s++[^.;:!?\"“”()]*)", re.IGNORECASE)
"""A party denying that it plans an act named as a noun: "denied planning an attack on the town", "rejects any plans
for an offensive", "denies it is planning an invasion", "has no plans for a raid on the camp"."""
_DENIED_REPORT = re.compile(
    r"\b(?:den(?:y|ies|ied|ying)|reject(?:s|ed|ing)?|dismiss(?:es|ed|ing)?|refut(?:e|es|ed|ing)|"
    r"brush(?:es|ed)?\s++(?:off|aside))\s++(?:that\s++|(?:(?:the|any|all|these|those|repeated|western|media|press|"
    r"recent|persistent|unfounded|baseless|false)\s++)*(?:reports?|suggestions?|claims?|accusations?|allegations?|"
    r"talk|fears?|warnings?|speculation|charges?|assertions?|predictions?|rumou?rs?)\s++(?:(?:that|of)\s++|"
    r"(?=(?:it|they|he|she|the)\s|(?-i:[A-Z]))))"
    r"(?P<rest>[^.;:!?\"“”()]+)", re.IGNORECASE)
"""A warning denied by naming it: "dismissed reports of an imminent offensive", "rejected claims that the union
would strike", "rejected claims the union was preparing to strike"."""

_NP = r"(?P<act>(?:[A-Z][\w’'-]*+\s++)?(?:[a-z][\w’'-]*+\s++){0,2}?[a-z][\w’'-]*+(?:\s++(?:of|on|against|into|by|at|in)\s++[^.;:!?,\"“”()]{1,40}?)?)"
"""An act named as a noun phrase, a name and two words at most before it and what it is done to after it:
"Kalvarian ground offensive against the port"."""
_BEGIN = (r"(?:begin|start|come|happen|occur|take\s++place|take\s++effect|get\s++under\s++way|be\s++(?:launched|"
          r"imposed|introduced|staged|called))\b")
_WARN_SUBJECT = re.compile(
    r"(?:\b(?:[Aa]n?|[Tt]he|[Aa]ny|[A-Z][\w-]*+['’]s?)\s++|(?<=\bthat\s))" + _NP + r"\s++"
    r"(?:(?:could|may|might|will)\s++(?:(?:soon|now|still|even|also|well)\s++)?(?:" + _BEGIN +
    r"|be\s++[\"“‘]?(?:imminent|(?:[\w-]++\s++){0,3}?(?:hours|days|weeks|months)\s++away)\b)"
    r"|(?:is|was|appears|appeared|seems|seemed)\s++(?:now\s++|still\s++)?[\"“‘]?(?:imminent|under\s++way)\b)")
"""A warned act as the subject of its coming: "an offensive could begin at any time", "Kalvaria's invasion is
imminent", "a tariff on steel may take effect in May", "a blockade could be “four to six weeks away”"."""
_SUBJECT_OPENS = re.compile(r"(?:\A|[,;:“\"]|\b(?:that|and|but|when|as|while|said|says|warned|warns|believes?|believed|"
                            r"fears?|feared)\b)\s*+\Z", re.IGNORECASE)
"""What may come right before such a subject: the clause's start, not a verb or preposition it is the object of."""
_DISOWN_NONE = re.compile(
    r"\b[Nn]o\s++" + _NP + r"\s++(?:is|was|are|were|has\s++been|had\s++been)\s++(?:being\s++)?"
    r"(?:planned|prepared|intended|imminent|in\s++preparation|on\s++the\s++cards|under\s++consideration)\b")
"""An act said not to be coming, with no party before it: "no offensive is planned", "no strike was imminent"."""
_DISOWN_THERE = re.compile(
    r"\b[Tt]here\s++(?:(?:will|would)\s++be\s++no|(?:is|are|was|were)\s++no\s++(?:plans?|intention)\s++(?:for|of))\s++"
    r"(?:an?\s++|any\s++)?(?P<act>[^.;:!?\"“”()]+)")
"""The same said of what is to come: "there will be no strike at the port", "there are no plans for a raid"."""

_CONDITION = re.compile(r"\b(?:if|unless|whether|in\s++case|in\s++the\s++event)\b|\?", re.IGNORECASE)
"""A sentence that sets a condition or asks: the act it names is no intention a source states."""
_NEGATED_BEFORE = re.compile(r"\b(?:not|no|never|nobody|none|nothing)\b|n['’]t\b", re.IGNORECASE)
NEGATION_REACH = 40
"""Characters before a warned act read for a negation that governs it ("nobody believes the army will ...")."""
_BODIES = r"(?:forces|troops|army|military|navy|government|leadership|officials|authorities|management|members|workers)"
_BETWEEN = re.compile(
    rf"(?:['’]s?)?(?:\s++{_BODIES})?(?:\s++(?:has|have|had|is|are|was|were|did|does|do|also|still|again|already|"
    r"now|itself|themselves|[a-z]+ly))*\s*+")
"""What may stand between a party and its verb: a possessive, a body of it ("Kalvarian troops"), auxiliaries,
adverbs."""
_OPENS = re.compile(r"\A\s*+(?:the\s++|[A-Z][\w-]{0,40}+['’]s\s++)?\Z", re.IGNORECASE)
"""What may come before a party that opens its sentence: "The", a name's possessive ("Mendoza's Electoral Board")."""
_WARNS = re.compile(r"\A(?:['’]s?)?(?:\s++[a-z]{1,20}+){0,3}?\s++(?:(?:has|have|had|also|repeatedly)\s++)?(?:said|says|say|warned|"
                    r"warns?|briefed|told|tells|believes?|believed|fears?|feared|estimated|estimates?|claimed|claims?|"
                    r"added|stated|predicted|predicts?|expects?|expected|reported)\b")
"""A name followed by its verb of saying or warning ("British intelligence officials briefed that ..."): it frames
the warning, it does not do the act warned of."""
_AFTER_PREPOSITION = re.compile(r"\b(?:to|of|in|into|from|for|with|on|at|by|against|towards?|near)\s++(?:the\s++)?\Z",
                                re.IGNORECASE)
"""A name that a preposition governs is no subject."""
PARTY_TYPES = frozenset({"state", "organization", "person", "group", "igo"})
"""Actor types that can mean to do something: not places."""
_ADVERBS = frozenset({"also", "even", "ever", "again", "always", "never", "still", "soon", "now", "then", "instead",
                      "just", "only", "certainly", "definitely"})
"""Words between a modal and its verb that are no act."""
_NOUN_END = re.compile(r"\s(?:which|who|that|because|as|after|before|while|since|despite|although|though|when|amid|"
                       r"and|but|or|at|in|within|by|until|during|over|for|from|to|with|on\s++the\s++part)\s|,|\s[–—-]\s",
                       re.IGNORECASE)
"""Where an act's phrase ends: its object is read up to a clause, a time or a place ("at any time", "in March")."""
_OBJECT_PREPS = frozenset({"of", "on", "against", "into", "across"})
"""Words after which a noun act names what it is done to: "an offensive against the town"."""
_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "any", "this", "that", "these", "those"})
_TIME = frozenset(stem(w) for w in ("time", "moment", "day", "days", "week", "weeks", "month", "months", "year",
                                    "hour", "hours", "coming", "soon", "next", "weekend", "tomorrow", "today",
                                    "tonight", "instead", "however", "again", "new", "fresh", "further"))
"""Words of when an act comes, not of what it is done to."""
OBJECT_WORDS = 5


@dataclass(frozen=True)
class Intent:
    """An act a sentence says one party means (``WARNED``) or does not mean (``DISOWNED``) to do."""

    party: str
    acts: frozenset[str]
    """Stems of the act's word, or of the noun after a light verb ("launch an offensive")."""
    objects: frozenset[str]
    """Content stems of what the act is done to."""
    pole: int


class _Parties:
    """The mentions of parties (not places) in one sentence, by offset within its text, and those of the report
    just before it (``context``, the text before the sentence: negative offsets)."""

    def __init__(self, mentions: Iterable[Mention], start: int, length: int, context: str = "") -> None:
        found = sorted((m.start - start, m.end - start, m.entity, m.type) for m in mentions
                       if is_actor_id(m.entity) and m.type in PARTY_TYPES and -len(context) <= m.start - start < length)
        self.spans = [(s, e, entity) for s, e, entity, _ in found if s >= 0]
        self.typed = found
        self.context = context

    def before(self, text: str, at: int) -> str | None:
        """The party written as the subject right before ``at`` ("the union has", "Kalvarian troops are"); not one
        after a preposition ("the road to the capital could ...")."""
        found = [(s, e, entity) for s, e, entity in self.spans if e <= at]
        if not found:
            return None
        start, end, entity = found[-1]
        if _AFTER_PREPOSITION.search(text[:start]):
            return None
        return entity if _BETWEEN.fullmatch(text[end:at]) else None

    def within(self, a: int, b: int) -> list[str]:
        return [entity for s, e, entity in self.spans if a <= s < b]

    def antecedent(self, text: str, at: int, types: frozenset[str], speaker: str | None,
                   subject: bool = False) -> str | None:
        """The party a warned act's subject stands for when the sentence does not name it ("it", "they", or the
        act itself: "an offensive could begin"): the nearest party named before ``at``, in the sentence or the
        report just before it, of a fitting type, not governed by a preposition ("near the border of Ukraine") and
        not the speaker or another party that says or warns (``_WARNS``), who warn of another party's act ("Kalvaria
        massed troops near the border, and Ostland warned that it was preparing an offensive": Kalvaria). Where
        ``subject`` (the act itself is the subject, which often stands for a party the report never names), one
        before the sentence only when it opens the sentence just before ("Kalvaria moved tanks to the coast. An
        invasion could begin at any time")."""
        whole, shift = self.context + text, len(self.context)
        opens = max(whole.rfind(". ", 0, shift - 2), whole.rfind("\n", 0, shift - 1)) + 1
        for s, e, entity, kind in reversed(self.typed):
            if e > at or kind not in types or speaker and _same_party(entity, speaker):
                continue
            if _AFTER_PREPOSITION.search(whole[:s + shift]) or _WARNS.match(whole[e + shift:e + shift + 80]):
                continue
            if subject and s < 0 and not (s + shift >= opens and _OPENS.fullmatch(whole[opens:s + shift])):
                return None
            return entity
        return None


def _phrase(text: str) -> str:
    """An act's phrase, up to where it ends (a clause, a time or a place: "at any time", "in March")."""
    return _NOUN_END.split(f" {text.strip()} ", maxsplit=1)[0].strip()


def _words(phrase: str) -> list[str]:
    """A phrase's words, determiners aside."""
    return [w for w in re.findall(r"[A-Za-z][\w’'-]*", phrase) if w.lower() not in _DETERMINERS]


def _act(party: str, phrase: str, pole: int, noun: bool = False) -> Intent | None:
    """The intention a phrase names: its first word ("strike at the port"), the noun after a light verb ("launch
    an offensive against the town": offensive), or, for a noun phrase (``noun``), the last word before what it is
    done to ("a Kalvarian offensive against the town": offensive; names before it are its party, not its object).
    At least one content word; no verb of saying."""
    words = _words(_phrase(phrase))
    while words and (words[0].lower().endswith("ly") or words[0].lower() in _ADVERBS):
        words = words[1:]
    if not words:
        return None
    head = words[0].lower()
    if not noun and (stem(head) in LIGHT or stem(head + "e") in LIGHT):
        words, noun = words[1:], True
    if noun:
        of = next((n for n, w in enumerate(words) if w.lower() in _OBJECT_PREPS), len(words))
        names = [w for w in words[:of] if content_words(w)]
        if not names:
            return None
        acts, rest = content_words(names[-1]), [w for w in names[:-1] if w.islower()] + words[of:]
    else:
        acts, rest = content_words(head) or {stem(head)}, words[1:]
    objects = frozenset(content_words(" ".join(rest[:OBJECT_WORDS]))) - _TIME
    acts = frozenset(acts) - _TIME
    return Intent(party, acts, objects - acts, pole) if acts and not acts & SAID else None


_PRONOUN = re.compile(r"\b(?P<pro>it|they|he|she)\s++(?:(?:has|have|had|is|are|was|were|did|does|do|also|still|"
                      r"again|already|now|[a-z]+ly)\s++){0,2}\Z", re.IGNORECASE)
"""A pronoun subject right before a warned act: "it was preparing to", "they could"."""
_SAYS = re.compile(r"\b(?:said|says|say|added|announced|stated|confirmed)\s++(?:that\s++)?\Z", re.IGNORECASE)
"""A verb of saying before the pronoun: "the company said it would close the plant" tells its own intention."""
BODIES = frozenset({"state", "organization", "group", "igo"})
_FITS = {"it": BODIES, "they": BODIES, "he": frozenset({"person"}), "she": frozenset({"person"})}
"""The actor types each pronoun may stand for."""
CONTEXT = 300
"""Characters of the report before a sentence read for the party its warned act's subject stands for."""


def _party(parties: _Parties, text: str, at: int, speaker: str | None, own: bool = False) -> str | None:
    """Who means the act at ``at``: the party written right before it, or the speaker where the clause says "we",
    or, where ``own`` (the sentence disowns the act for its subject), where a pronoun standing for the speaker
    opens it ("It denied planning an attack": ``own_pronoun``). A warned act's pronoun is the speaker where a verb
    of saying gives it and the speaker fits it ("the company said it would close the plant"), else the party
    named before it (``_Parties.antecedent``: "it was preparing an offensive, army commanders said")."""
    found = parties.before(text, at)
    if found:
        return found
    if speaker and re.search(r"\bwe\s++(?:[a-z]+\s++){0,2}\Z", text[max(0, at - 30):at], re.IGNORECASE):
        return speaker
    if own:
        return own_pronoun(text, at, speaker)
    pronoun = _PRONOUN.search(text, max(0, at - 40), at)
    if pronoun is None:
        return None
    fits = _FITS[pronoun.group("pro").lower()]
    if _SAYS.search(text, max(0, pronoun.start() - 30), pronoun.start()):
        return speaker if is_actor_id(speaker) and ("person" in speaker) == ("person" in fits) else None
    return parties.antecedent(text, pronoun.start(), fits, speaker)


def _named(parties: _Parties, m: re.Match) -> str | None:
    """The party an act's noun phrase names before what it is done to ("a Kalvarian offensive against the port",
    "Kalvaria's offensive": Kalvaria; "a strike by the union"), not the one it is done to."""
    of = re.search(r"\s(?:of|on|against|into|at|in)\s", m.group("act"))
    end = m.start("act") + (of.start() if of else len(m.group("act")))
    by = re.search(r"\sby\s", m.group("act"))
    named = parties.within(m.start(), end) + (parties.within(m.start("act") + by.end(), m.end("act")) if by else [])
    return named[0] if named else None


def _read(pattern: re.Pattern, text: str, parties: _Parties, speaker: str | None, pole: int, offset: int = 0,
          noun: bool = False, own: bool = False) -> list[Intent]:
    """The acts a pattern finds from ``offset`` on, each with the party written before it (``own``: see
    ``_party``); a warned one under a negation ("nobody believes the army will ...") is none."""
    out = []
    for m in pattern.finditer(text, offset):
        if pole == WARNED and _NEGATED_BEFORE.search(text[max(offset, m.start() - NEGATION_REACH):m.start()]):
            continue
        party = _party(parties, text, m.start(), speaker, own)
        found = _act(party, m.group("act"), pole, noun) if party else None
        if found:
            out.append(found)
    return out


def _warned(text: str, parties: _Parties, speaker: str | None, offset: int = 0, own: bool = False) -> list[Intent]:
    """The acts a clause warns of, each with its party (``own``: see ``_party``)."""
    out = _read(_WARN_MODAL, text, parties, speaker, WARNED, offset, own=own)
    out += _read(_WARN_PREPARING, text, parties, speaker, WARNED, offset, noun=True, own=own)
    for m in _WARN_IMMINENT.finditer(text, offset):
        # the party: a name inside the noun phrase ("an imminent Kalvarian offensive"), after "by" or "from" right
        # after it ("the impending strike by the union"), or a possessive before it ("the union's impending strike")
        end = m.start("act") + len(_phrase(m.group("act")))
        by = re.match(r"\s++(?:by|from)\s++(?:the\s++)?[^.;:!?,]{1,40}", text[end:])
        named = parties.within(m.start("act"), end + (by.end() if by else 0))
        named = named or [p for p in (parties.before(text, m.start()),) if p]
        found = _act(named[0], m.group("act"), WARNED, noun=True) if named else None
        if found:
            out.append(found)
    for m in _WARN_SUBJECT.finditer(text, offset):
        if not _SUBJECT_OPENS.search(text, 0, m.start()) \
                or _NEGATED_BEFORE.search(text[max(offset, m.start() - NEGATION_REACH):m.start()]):
            continue  # the object of a verb or a preposition, or a warning under a negation
        # the party: a name in the phrase, else (in a warning a party denies: ``own``) the speaker, else the one
        # named before it that the warning is about
        party = _named(parties, m) or (speaker if own and is_actor_id(speaker) else None) \
            or (None if own else parties.antecedent(text, m.start("act"), BODIES, speaker, subject=True))
        found = _act(party, m.group("act"), WARNED, noun=True) if party else None
        if found:
            out.append(found)
    return out


def intentions(text: str, mentions: Iterable[Mention], start: int, speaker: str | None = None,
               context: str = "") -> list[Intent]:
    """Every intention a sentence states, warned or disowned. ``mentions`` are the document's actor mentions,
    ``start`` the sentence's offset in it, ``speaker`` the actor who says it (for "we"), ``context`` the report's
    text just before it (where a warned act's pronoun finds its party). A sentence that sets a
    condition or asks states none; one that denies or doubts warns of nothing itself."""
    parties = _Parties(mentions, start, len(text), context)
    beyond = [Intent(party, frozenset({FURTHER}), frozenset(), WARNED) for m in _WARN_BEYOND.finditer(text)
              if not _NEGATED_BEFORE.search(text[max(0, m.start() - NEGATION_REACH):m.start()])
              and (party := _party(parties, text, m.start(), speaker))]
    if _CONDITION.search(text):
        return beyond  # "would not stop at the border if it won": a warning of more force, set on a condition
    out = _read(_DISOWN_PLAIN, text, parties, speaker, DISOWNED, own=True)
    for pattern in (_DISOWN_NONE, _DISOWN_THERE):  # no party before the act: one in it, else the speaker's own
        for m in pattern.finditer(text):
            party = _named(parties, m) or (speaker if is_actor_id(speaker) else None)
            found = _act(party, m.group("act"), DISOWNED, noun=True) if party else None
            if found:
                out.append(found)
    out += _read(_DENIED_PLAN, text, parties, speaker, DISOWNED, own=True)
    out += _read(_DENIED_PLANNED, text, parties, speaker, DISOWNED, noun=True, own=True)
    for pattern in (_DISOWN_UNLIKELY, _DENIED_REPORT):  # a warning named inside a hedge or a denial
        for m in pattern.finditer(text):
            # a pronoun in the warning a party denies is the party ("dismissed reports that it was preparing to
            # attack"); in one a source hedges, anyone
            out += [Intent(i.party, i.acts, i.objects, DISOWNED)
                    for i in _warned(text, parties, speaker, m.start("rest"), own=pattern is _DENIED_REPORT)]
    if not (DENIAL.search(text) or DOUBT.search(text) or out):
        out += _warned(text, parties, speaker)
    return out + beyond


def _same_intended_act(a: Intent, b: Intent) -> bool:
    """One act (``_same_act``); a warning of more force (``FURTHER``) is any act of force disowned."""
    if FURTHER in a.acts or FURTHER in b.acts:
        return bool((a.acts | b.acts) & FORCE)
    return any(_same_act(x, y) for x in a.acts for y in b.acts)


def meets(no: Intent, yes: Intent) -> bool:
    """A disowned intention and a warned one of one party, the same act, and (where both say what it is done
    to) a word of that in common."""
    if no.pole == yes.pole or not _same_party(no.party, yes.party) or not _same_intended_act(no, yes):
        return False
    return not (no.objects and yes.objects) or bool(no.objects & yes.objects)


def intent_pairs(items: list, text: Callable[[object], str], read: Callable[[object], list[Intent]],
                 two_voices: Callable[[object, object], bool], when: Callable[[object], tuple]) -> list[tuple]:
    """Pairs of ``items`` (earlier first) where one warns of a party's act and another says the party does not
    mean it, said by two voices in reports within the report window (``when``: a sort key in time that opens
    with the publication date, then the report). Each sentence (``text``) in at most one pair: the pair sharing most
    words of what the act is done to first, then a pair within one report, then the nearest in time."""
    found = [(n, i) for n, item in enumerate(items) for i in read(item)]
    warned = [(n, i) for n, i in found if i.pole == WARNED]
    scored = []
    for n, no in found:
        if no.pole != DISOWNED:
            continue
        for k, yes in warned:
            x, y = items[n], items[k]
            if text(x) == text(y) or not meets(no, yes) or _reports_apart(when(x)[0], when(y)[0]) \
                    or not two_voices(x, y):
                continue
            # a report that tells the warning and the disowning sets them against each other itself
            scored.append((-len(no.objects & yes.objects), when(x)[:2] != when(y)[:2], when(x)[0] != when(y)[0], n, k))
    used: set[str] = set()
    out = []
    for *_, n, k in sorted(scored):
        if text(items[n]) in used or text(items[k]) in used:
            continue
        used |= {text(items[n]), text(items[k])}
        out.append(tuple(sorted((items[n], items[k]), key=when)))
    return out
