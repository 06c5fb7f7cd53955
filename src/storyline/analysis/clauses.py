"""The clause a sentence claims, denies or doubts, without the frame around it: "X denied on Monday that P,
saying ..." gives P; "P, the navy said in a statement" gives P; "P, though no official would confirm it" gives P."""

from __future__ import annotations

import re
from functools import lru_cache

from storyline.analysis.wording import _WORD, DENIAL, DOUBT, NEGATED_PREDICATE, content_words, disputed_claim

_THAT = re.compile(r"\b(?:that|of|as)\s+", re.IGNORECASE)
_QUOTE_THEN_FRAME = re.compile(r"^\s*[\"“](?P<quote>[^\"“”]+?[,!?])[\"”]\s+(?:[\w.'’-]+\s+){0,6}$")
"""A quotation closed before its frame: "“Q,” said X", "“Q,” X said"."""
_TAIL = re.compile(r",\s+(?:saying|calling|adding|which|as|while|but|because)\b|;|(?<!\s)\s++and that\b|"
                   r"(?<!\s)\s++and\s++(?:also\s++)?(?:says|said|insists|insisted|adds|added|argues|argued|warns|warned)\b|"
                   r"[,.!?][\"”](?=\s|$)|(?<=\w)[\"”](?=,\s)", re.IGNORECASE)
"""Where a claim ends: what its source adds (", saying", "and says"), or the close of the quotation it is in
(before its full stop or comma: "“X did not start it”, and ...")."""
_FRAME = re.compile(r"(?<!\bthe\s)(?<!\ba\s)(?<!\ban\s)(?<!\bits\s)(?<!\btheir\s)\b(?:said|says|told|stated|confirmed|announced|reported|acknowledged|"
                    r"admitted(?!\s+(?:to|into)\s+(?!\w+ing\b)\w)|added|claimed|insisted|denied|rejected|dismissed|"
                    r"disputed|refuted|rebutted|conceded)\b", re.IGNORECASE)
"""A verb that frames a claim ("admitted to having", not "admitted to hospital"; not an adjective after a
determiner: "the disputed waters", "the reported attack")."""
_SOURCE_THEN_ADJUNCT = re.compile(
    r"^(?:\s+(?:(?:late|early)\s+)?(?:in|on|at|by|during|after|before|from|via|over|through|earlier|later|"
    r"reporters|journalists|the\s+\w+\s+(?:news\s+)?agency)\b|\s*[,.]|\s*$)", re.IGNORECASE)
"""What follows a frame verb that closes a claim: when or how it was said ("the navy said in a statement",
"told reporters in Dakar"), not what was said."""
_TRAILING_DOUBT = re.compile(r",\s+(?:(?:al)?though|but|yet)\s+[^,;]+$", re.IGNORECASE)
"""A doubt added at the end ("P, though no official would confirm it")."""


_CLAIM_THAT = re.compile(r"\b(?:claims?|reports?|allegations?|assertions?|suggestions?|accusations?|announcement)\s+"
                         r"that\s+(.+?)\s+(?:is|are|was|were|as)\s*(?:\w+\s+){0,2}[\"'“‘]?$", re.IGNORECASE)
_LABELLED = re.compile(
    r"\b(?:call|dismiss|reject|brand|describ|label)\w*+\s++(?:as\s++)?(?:the|these|those|such|all|any)?\s*+"
    r"(?:[\w.-]++['’]s?\s++){0,2}?(?:accounts?|reports?|claims?|allegations?|accusations?|stor(?:y|ies)|"
    r"suggestions?|talk|rumou?rs?)\s++(?:of|that|about)\s++(.+?)\s*+(?:\bas\s*+)?[\"'“‘]?\s*+$", re.IGNORECASE)
"""What a sentence calls false before the label it gives it: "called the accounts of rubber bullets" (a lie),
"dismissed talk of a payment to the kidnappers as" (baseless)."""
_BEFORE = re.compile(r",\s+(?:something|which|a claim|an accusation|a charge|(?:al)?though|but)\b|(?<!\s)\s++[-–—]\s+which\b",
                     re.IGNORECASE)
_ASIDE = re.compile(r",\s+(?:[\w.'’-]+\s+){1,6}?(?:said|says|told\s+(?:[\w.'’-]+\s+){0,2}?(?:on\s+)?\w+day|told\s+\w+|"
                    r"added)(?:\s+on\s+\w+day)?,\s+", re.IGNORECASE)
"""An attribution set in the middle of a claim ("The attackers, an official told reporters on Monday, belonged
to ..."): it says who speaks, not what is claimed."""
_OTHER_THAT = re.compile(r"\band\b|\b(?:warn(?:s|ed)|claimed|insist(?:s|ed)|argu(?:es|ed)|add(?:s|ed|ing)|saying|stress(?:es|ed)|"
                         r"say|says|said|told)\b", re.IGNORECASE)
"""Before a "that", the words that make it another verb's ("warned that") or a later clause's ("and that")."""
_ACCORDING = re.compile(r",\s+(?:according\s+to|citing)\b", re.IGNORECASE)
_ATTRIBUTION = re.compile(r",\s+(?:[\w.'’-]+\s+){1,6}?(?:said|says|told|added|reported|according)\b", re.IGNORECASE)
"""A closing attribution ("..., Ms Morrow said on Monday"): who says it, not what is negated."""
_AUXILIARY = re.compile(r"\b(?:did|does|do|had|has|have|was|were|is|are|will|would|could|can|should|must|may|might)"
                        r"\s*$", re.IGNORECASE)


def _plain(clause: str) -> str:
    return _ASIDE.sub(" ", clause)


_PLACE_PREPOSITIONS = {"to", "in", "at", "from", "into", "on", "by"}


def _without_generic_place(clause: str) -> str:
    """The clause without a closing adjunct that names no place ("diverted to other airports", "to any other
    port"): it stands for whatever places a claim names. Three words of the clause at least remain."""
    words = clause.split()
    for n in (3, 4, 5):
        tail = [w.lower().strip(".") for w in words[-n:]]
        generic = tail[1] in ("other", "another") or tail[1:3] == ["any", "other"]
        if len(words) - n >= 3 and tail[0] in _PLACE_PREPOSITIONS and generic and (n < 5 or tail[1] == "any"):
            return " ".join(words[:-n])
    return clause


@lru_cache(maxsize=1 << 16)
def claimed_clause(text: str) -> str:
    """The proposition a sentence claims, denies or doubts, without its frame: "X denied on Monday that
    P, saying ..." gives P; "the claim that P is false" gives P; "P, something X has denied" gives P;
    "P, according to X, which said Q" gives P. An attribution set in the middle ("P1, an official said, P2")
    is left out. A sentence with no frame is its own clause."""
    clause = _claimed_clause(text)
    if clause == text:
        return clause
    return _without_generic_place(_plain(clause))


_LEADING_SOURCE = re.compile(r"\A\s*+(?:according\s+to|citing)\s++(?:[\w.'’-]++\s++){0,6}?[\w.'’-]++,\s++",
                             re.IGNORECASE)
"""A source named first ("According to the lawyers, P"): who says it, not what."""


_TOLD_THEN_REJECTED = re.compile(
    r"\b(?:claim(?:s|ed)?|alleg(?:e|es|ed)|said|says|insisted|asserted)\s++(?:(?:late|early)\s++)?(?:on\s++\w+day\s++)?"
    r"that\s++(?P<clause>[^;]+?)\s*+,\s*+(?:a|an)\s++(?:claim|allegation|accusation|assertion|charge|account)\s++"
    r"(?:[\w-]++\s++){0,2}?(?:rejected|dismissed|refuted|disputed|denied)\s++by\b", re.IGNORECASE)
"""A claim and, after it, its rejection by another party: "X claimed that P, a claim flatly rejected by Y" denies P."""


def _claimed_clause(text: str) -> str:
    disputed = disputed_claim(text)
    if disputed:
        return disputed
    told = _TOLD_THEN_REJECTED.search(text)
    if told and len(told.group("clause").split()) >= 3:
        return told.group("clause").strip(" .,")
    source = _LEADING_SOURCE.match(text)
    if source and len(text[source.end():].split()) >= 3:
        return _claimed_clause(text[source.end():]).strip(" .")
    cue = DENIAL.search(text) or DOUBT.search(text)
    trailing = _TRAILING_DOUBT.search(text)
    if cue and trailing and cue.start() > trailing.start() and len(text[:trailing.start()].split()) >= 4 \
            and len(text[cue.end():].strip(" .,\"”").split()) <= 2:
        return _claimed_clause(_plain(text[:trailing.start()]))  # "P, though no official would confirm it": P
    if not cue:
        according = _ACCORDING.search(text)
        if according and len(text[:according.start()].split()) >= 3:
            return text[:according.start()]  # "P, according to X, which said Q": P is what is claimed
        negation = NEGATED_PREDICATE.search(text)
        if negation and negation.start() >= len(_TAIL.split(text)[0]):
            negation = None  # "X confirmed that P, adding that Q had not": the negation is the addition's
        if negation:  # "X refused to join the sanctions": what is negated is X joining the sanctions
            rest = _ATTRIBUTION.split(_TAIL.split(text[negation.end():])[0])[0].strip(" .,")
            rest = re.sub(r"^(?:been|be|being)\s+", "", rest, flags=re.IGNORECASE)
            if len(rest.split()) < 2:
                return text
            subject = _AUXILIARY.sub("", re.split(r",\s|\b(?:that|said|says|told|but|and|while|yet|though|although)\s", text[:negation.start()])[-1])
            return f"{subject.strip()} {rest}".strip() if len(subject.split()) <= 8 else rest
        cue = _FRAME.search(text)
    by_verb = cue is not None and not (DENIAL.search(text) or DOUBT.search(text))  # "P, the navy said ..."
    if not cue:
        return text
    before, rest = text[:cue.start()], text[cue.end():]
    claim = _CLAIM_THAT.search(before) or _LABELLED.search(before)
    if claim:
        return claim.group(1)
    quoted = _QUOTE_THEN_FRAME.search(before)
    if quoted and not DENIAL.search(text) and len(quoted.group("quote").split()) >= 3:
        return quoted.group("quote").strip(" .,\"“”")  # "“Q,” said X during ...": Q is what is said
    that = _THAT.search(rest)
    if that and (that.start() >= 60 or _OTHER_THAT.search(rest[:that.start()])):
        that = None  # not the frame's own "that" ("said there were no queues and that ...", "said, after Q warned that")
    if not that and rest.lstrip().startswith(",") and not DENIAL.search(text) \
            and len(_BEFORE.split(before)[0].split()) >= 3:
        head = _BEFORE.split(before)[0]  # "P, witnesses said, after ...": the frame closes the claim
        claim_, _, who = head.rpartition(",")
        return (claim_ if claim_ and len(who.split()) <= 6 else head).strip(" .,")
    if not that and by_verb and _SOURCE_THEN_ADJUNCT.match(rest):
        claim_ = _claim_before_source(before)
        if claim_:
            return claim_  # "P, the navy said in a statement read on state radio": P
    if that:
        rest = _CLOSING_SOURCE.sub("", _TAIL.split(rest[that.end():])[0]).strip(" .,")
        # "no sign of tear gas": what a doubt's "of" names may be two words; a clause after "that" is longer
        least = 2 if that.group(0).lower().startswith("of") and not DENIAL.search(text) else 3
        return rest if len(rest.split()) >= least else text
    if not rest.strip(" .,\"'”’") or rest.lstrip().startswith(","):
        head = _BEFORE.split(before)[0].strip(" .,")  # the cue closes the sentence: what it denies came first
        return head if len(head.split()) >= 3 else text
    rest = _TAIL.split(rest)[0].strip(" .,")
    return rest if len(rest.split()) >= 3 else text


_CLOSING_SOURCE = re.compile(r",\s+(?:[\w.'’-]+,?\s+){1,7}?(?:said|says|told|added)\b[^,;]*$", re.IGNORECASE)
"""A source named at the end ("..., a spokeswoman, Abena Mensah, said by telephone"): who says it, not what."""
_VERB = re.compile(r"\b(?:had|has|have|was|were|is|are|did|does|do|will|would|could|can|may|might)\b", re.IGNORECASE)
_RELATIVE = re.compile(r"^\s*(?:which|who|whom|whose|that|where|when|while|as|after|before|because)\b", re.IGNORECASE)


def _claim_before_source(before: str) -> str | None:
    """The claim in front of a closing source: "P, a navy spokesman, Captain X, " gives P (the first comma
    after which no more than eight words name who speaks), None when no comma sets a source apart."""
    for comma in re.finditer(r",\s+", before):
        claim, who = before[:comma.start()], before[comma.end():]
        if len(claim.split()) >= 3 and 1 <= len(who.split()) <= 8 and not _RELATIVE.match(who) \
                and not _VERB.search(who):
            return claim.strip(" .,")
    return None


LEAD = 3
"""Leading content words of a denied clause that a claim must all state (see ``Prop.lead``)."""
_AND_THAT = re.compile(r"(?<!\s)\s++and\s+that\s+", re.IGNORECASE)


def lead_words(clause: str, exclude: set[str]) -> tuple[str, ...]:
    """The clause's first ``LEAD`` content words, in order (empty for a shorter clause)."""
    seen: list[str] = []
    for word in _WORD.findall(clause.lower()):
        stems = content_words(word, exclude)
        for s in stems:
            if s not in seen:
                seen.append(s)
        if len(seen) >= LEAD:
            return tuple(seen[:LEAD])
    return ()


def claims_of(text: str, clause: str) -> list[str]:
    """The claimed clause and, for "said that A and that B", B too."""
    out = [clause]
    for part in _AND_THAT.split(text)[1:]:
        part = re.split(r"[,;]\s", part)[0].strip(" .")
        if len(part.split()) >= 3:
            out.append(part)
    return out
