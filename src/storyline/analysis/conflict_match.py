"""Whether a doubted or denied statement and a positive one state one proposition: rarity-weighted
word overlap of the claimed clause, the parsed propositions, a phrase said word for word, and the
clauses' meaning where embeddings are at hand; and the same test for two events."""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from collections.abc import Callable
from functools import lru_cache

from storyline.analysis.clauses import claimed_clause
from storyline.analysis.conflict_pairs import (
    _ACCUSING, _EVENT_CLASS, DENIED_ACCUSATION, Prop, _dates_compatible, _denies_before, _reports_apart, one_event,
    ANAPHORIC_REBUTTAL, _WHAT_WAS_SAID, relays_claim,
)
from storyline.analysis.wording import (
    ACKNOWLEDGE, DENIAL, DOUBTED, MODAL_NEGATION, NEGATED_PREDICATE, POSITIVE, _DENIAL_OR_DOUBT, _WORD,
    LIGHT_PREDICATES, _NEGATION, content_words, head_clause, is_actor_id, negated_verb, proposition_match, stem,
)
from storyline.nlp.actor_links import known_party

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
SAME_WORDS = 0.85
"""Overlap of two whole sentences' words, cue and function words included, at or above which they are one
sentence relayed twice."""
PARTLY_CONTAINED = 0.6
"""Without a shared actor, the share of a denied clause (three words at least) a claim must state when the
clauses' meaning is also compared."""
ACT_NEGATED_SIMILAR = 0.5
"""The clause similarity a plain negation of the claim's own verb still needs: the verb and one other word in
common, with meaning half alike, are one act said not to have happened."""
MIN_SHARED = 2
"""Content words two statements must share besides their actors (one word is a coincidence)."""
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
    """The probe doubts "the figures" (or "the claims", "this"), or rebuts it ("It's not true"), right after the
    positive sentence in one report (often a paragraph of its own), which relays what a source says or claims
    (not the report's own account)."""
    a, b = positive.record, probe.record
    if a.doc != b.doc or positive.status not in POSITIVE or positive.hedged or not 0 <= b.start - a.end <= 3:
        return False
    if not (probe.status in DOUBTED and ANAPHORIC_DOUBT.match(b.text)
            or probe.status in NEGATIVE_OR_DOUBTED and ANAPHORIC_REBUTTAL.match(b.text)):
        return False
    return relays_claim(a)


class StatementMatcher:
    """Whether a doubted or denied statement and a positive one state one proposition.

    The overlap is a Jaccard index in which each word counts ``log(1 + N / df)`` (N statements,
    df of them with the word): in a corpus about one deployment, sharing "troops" says little.
    N and each df are rounded to a power of two, so that a report added to a large corpus moves few
    weights: a pair judged before is judged again only when a weight of one of its words moved
    (``reuse.JudgedPairs``). The golden and real-text dev conflicts are those of the exact counts.
    """

    def __init__(self, props: list[Prop], similarity: Callable[[Prop, Prop], float | None] | None = None) -> None:
        df = Counter(w for p in props for w in p.words)
        # a class of words told of one event (``one_event``) weighs as rare as the statements holding any of them
        df.update(w for p in props for w in one_event(p.words) - p.words)
        n = round(math.log2(max(len(props), 1)))
        self.weight = {w: math.log(1 + 2.0 ** (n - round(math.log2(c)))) for w, c in df.items()}
        self.similarity = similarity

    def containment(self, part: frozenset[str], whole: frozenset[str]) -> float:
        """How much of ``part`` (by rarity weight) ``whole`` also says, one event in other words as one."""
        part, whole = one_event(part), one_event(whole)
        total = sum(self.weight.get(w, 1.0) for w in part)
        return sum(self.weight.get(w, 1.0) for w in part & whole) / total if total else 0.0

    def score(self, a: frozenset[str], b: frozenset[str]) -> float:
        a, b = one_event(a), one_event(b)
        union = sum(self.weight.get(w, 1.0) for w in a | b)
        return sum(self.weight.get(w, 1.0) for w in a & b) / union if union else 0.0

    def __call__(self, probe: Prop, positive: Prop) -> bool:
        if _same_wording(probe.record.text, positive.record.text):
            return False  # one sentence relayed twice, a cue read one way in one copy: they cannot disagree
        if not _forecasts_meet(probe, positive):
            return False
        if probe.status == "negated" and _ABSTAINS.search(positive.clause or positive.record.text):
            return False  # "refrain from joining sanctions" against "refused to join sanctions": both abstain
        if _other_wish(probe, positive):
            return False  # "his country did not want a war" against "Poland wants all of Belarus"
        if _only_requested(probe, positive):
            return False  # "refused to condemn the invasion" against "was to demand that the visitor condemn it"
        if doubted_before(probe, positive):
            return True  # "The figures could not be independently verified" after the claim it doubts
        if _accusing(probe.record.text) and _accusing(positive.record.text) \
                and positive.words <= probe.words:
            return False  # "X is accused of war crimes, which it denies": the denial already carries the accusation
        if probe.status == "negated" and not probe.framed and negated_verb(probe.record.text) in SPEECH_STEMS:
            return False  # "did not say what type of missile was sent": an answer withheld, nothing negated
        if positive.forecast and not probe.forecast:
            return _outcome_denied(probe, positive)
        if probe.persisted:
            return False  # "the crossing remained closed" negates only a forecast that it would reopen
        if _foretold(probe, positive) and not probe.when[0] > positive.when[0]:
            return False  # "warned that allies would introduce sanctions": a forecast, not yet contradicted
        if self._same_day_negation(probe, positive):
            return True
        if self._claimant_named(probe, positive):
            return True
        if self._act_negated(probe, positive):
            return True
        if not self._match(probe, positive):
            return False
        # Whatever the words share, the claimed clauses must mean alike where meaning is known:
        # "no signs of a withdrawal" does not doubt "troops are massed at the border".
        if self.similarity is None or probe.clusters & positive.clusters or _denies_before(probe, positive) \
                or _answers_accusation(probe, positive):
            return True
        if _phrase_match(probe, positive):
            return True  # the words themselves: meaning of a three-word clause against a sentence says little
        contained = self.contained(probe, positive)
        # the clause's words, with those of when it happened ("no shots were fired during the boarding")
        if contained and len((probe.clause_words | set(probe.lead)) & positive.words) >= CONTAINED_WORDS \
                and self.containment(probe.clause_words, positive.words) >= 1.0:
            return True  # every word of the denied clause, three at least, is in the claim
        bar = CONTAINED_SIMILAR if contained and len(probe.clause_words & positive.words) >= CONTAINED_WORDS \
            else MIN_CLAUSE_SIMILAR
        if _plain_negation(probe) and not _verb_stated(probe, positive):
            # what a plain negation negates is its verb's act: a claim in other verbs must mean it closely
            # ("did not cross the river" / "jumped the river"), not only share its nouns ("the count had not
            # been completed" / "counted 18,000 ballots on Tuesday": a part of the count is no completed one)
            bar = max(bar, CLAUSE_SIMILAR)
        return (self.similarity(probe, positive) or 0.0) >= bar

    def _same_day_negation(self, probe: Prop, positive: Prop) -> bool:
        """"There had been no queues at its branches on Monday" against "queues formed outside its branches on
        Monday": a plain negation whose every word (two at least) the claim says, about the same day."""
        a, b = probe.record.date, positive.record.date
        if not (_plain_negation(probe) and a and b and len(a) >= 10 and a[:10] == b[:10]) or positive.hedged:
            return False
        return len(probe.clause_words & positive.words) >= MIN_SHARED \
            and self.containment(probe.clause_words, positive.words) >= 1.0

    def _claimant_named(self, probe: Prop, positive: Prop) -> bool:
        """A denial or dispute that names whose claim it answers ("dismissed as propaganda the inspectors'
        finding that P", "contrary to the trust's assertion that P", "asked about the pilots' account that P")
        against that source's own sentence stating all of P (two words at least) or most of it (three words at
        least), within the window of one story."""
        if not probe.framed or probe.status not in NEGATIVE_OR_DOUBTED or positive.hedged:
            return False
        claimant = _CLAIMANT.search(probe.record.text)
        source = getattr(positive.record, "source_text", None) or ""
        if claimant is None or not source or source == "author":
            return False
        if not content_words(claimant.group("who")) & content_words(source):
            return False
        if _reports_apart(probe.when[0], positive.when[0]):
            return False
        shared, containment = len(probe.clause_words & positive.words), self.containment(probe.clause_words, positive.words)
        # all of a short clause; most of a longer one (the claim may name "the regulator" in full)
        return shared >= MIN_SHARED and containment >= 1.0 or shared >= CONTAINED_WORDS and containment >= PARTLY_CONTAINED

    def _act_negated(self, probe: Prop, positive: Prop) -> bool:
        """A plain negation of the very act a claim states: "“Our captain did not abandon his passengers,” X said"
        against "the captain had abandoned the ferry", "the players have never been approached by betting
        syndicates" against "he had been approached by a betting syndicate". The negated verb and another word of
        the negated clause (who acts, or on whom) are in the claim's own clause; the two are about one time,
        within one story's window, name no different parties, and mean alike where meaning is known."""
        if not _plain_negation(probe) or positive.hedged or positive.forecast or probe.forecast:
            return False
        verb = negated_verb(probe.record.text)
        if not verb or verb not in probe.clause_words:
            return False
        said = {verb} | STRONGER.get(verb, frozenset())  # "destroyed" says "damaged" too
        if not said & positive.clause_words & _asserted_stems(positive.clause):
            return False  # "stay indoors until there is a pause in the fighting" claims no pause
        if not (probe.clause_words - {verb}) & positive.clause_words:
            return False
        if _other_agents(probe.record, positive.record, verb) or _reports_apart(probe.when[0], positive.when[0]):
            return False
        if not _dates_meet(probe, probe.record.date, positive.record.date):
            return False
        known = [{a for a in x.actors if known_party(a)} for x in (probe, positive)]
        if all(known) and not known[0] & known[1]:
            return False  # "Belarus has not sent troops" against "Russia sent troops"
        return self.similarity is None or (self.similarity(probe, positive) or 0.0) >= ACT_NEGATED_SIMILAR

    def strength(self, probe: Prop, positive: Prop) -> float:
        """For choosing among matched claims: how much of the denied clause each says, then how much of it the
        claim's own clause says (its main claim, not an addition: "X has information that P, and that Q"
        makes Q in passing), then how alike in meaning."""
        sim = (self.similarity(probe, positive) or 0.0) if self.similarity is not None else 0.0
        own = self.containment(probe.clause_words, positive.clause_words) if positive.clause_words else 0.0
        return round(self.containment(probe.clause_words, positive.words), 1) + round(own, 1) / 2 + sim / 10

    def contained(self, probe: Prop, positive: Prop) -> bool:
        """The whole clause a sentence denies or doubts ("denied that P", "unfounded accusations that P",
        "despite what X said about P, it has not happened") is in the claim, two words of it at least. Only
        for a denial or doubt: what follows a plain "not" is no claim someone made."""
        shared = probe.clause_words & positive.words
        if (probe.framed or probe.forecast or _plain_negation(probe)) and len(probe.lead) >= CONTAINED_WORDS \
                and set(probe.lead) <= positive.words:
            return True  # who did what to whom, all in the claim: the rest is the denial's own detail
        if probe.status == "denied" and probe.framed and len(probe.lead) >= CONTAINED_WORDS \
                and len(set(probe.lead) - positive.clause_words) == 1 and f"that {probe.clause}" in probe.record.text:
            return True  # the denied "that" clause's lead in the claim's own clause but one word, named otherwise
            # ("rejects the claim that Icelandic vessels had been barred from its ports" / "barred trawlers")
        return (probe.framed and len(shared) >= MIN_SHARED
                and self.containment(probe.clause_words, positive.words) >= CONTAINED)

    def _denied_whole(self, probe: Prop, positive: Prop) -> bool:
        """A denial (not a doubt or a plain negation) of a short clause, two words of which the claim states:
        "denied that any flights had been diverted" against a relayed "several flights had been diverted to
        Oslo". The claim must state all of it, or most of it in the same meaning (``_match``), and the meaning
        of the two clauses must agree (``__call__``)."""
        return probe.status == "denied" and probe.framed and self.similarity is not None \
            and len(probe.clause_words & positive.words) >= MIN_SHARED

    def _match(self, probe: Prop, positive: Prop) -> bool:
        if _denies_before(probe, positive) or _answers_accusation(probe, positive):
            return True
        if positive.hedged:
            return False  # "no plans to invade" labelled reported, or a doubt, is not the claim a denial contradicts
        if _plain_negation(probe) and _other_agents(probe.record, positive.record):
            return False  # "he had not talked to X" (said by Y) against "Z has talked to X": another party's act
        if probe.clusters & positive.clusters:
            return True
        # "denied on Tuesday that P": Tuesday dates the denial, not P
        if not _dates_meet(probe, None if probe.framed else probe.record.date, positive.record.date):
            return False
        if not (probe.record.date and positive.record.date) and _reports_apart(probe.when[0], positive.when[0]):
            return False
        if _phrase_match(probe, positive):
            return True  # "no sign of a Ukrainian attack" against "claimed to be under Ukrainian attack"
        if not probe.parties() & positive.parties():  # a leader and his state are one party
            known = [{a for a in x.parties() if known_party(a)} for x in (probe, positive)]
            if all(known):
                return False  # each names known parties, none in common: two claims about different parties
            # No actor in common (one side names none): only a denied clause that the claim states
            # nearly word for word is the same proposition.
            shared = (probe.clause_words | set(probe.lead)) & positive.words
            containment = self.containment(probe.clause_words, positive.words)
            if len(shared) < CONTAINED_WORDS and not (self._denied_whole(probe, positive) and (
                    containment >= 1.0 or containment >= PARTLY_CONTAINED
                    and (self.similarity(probe, positive) or 0.0) >= CLAUSE_SIMILAR)):
                return False  # a short denied clause: all of it, or most of it with the same meaning
            # Most of a denied or doubted clause, when meaning is at hand to confirm it (see ``__call__``)
            # (or of a plain negation: "the fire did not cross the river" against "the fire jumped the river")
            partly = (probe.framed or probe.forecast or _plain_negation(probe)) and self.similarity is not None \
                and containment >= PARTLY_CONTAINED
            return containment >= CONTAINED or self.contained(probe, positive) or partly
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


NEGATIVE_OR_DOUBTED = {"denied", "negated", "unconfirmed"}
_NOT_SINCE = re.compile(r"\b(?:not|never|no)\b[^,;:.]*?\bsince\b", re.IGNORECASE)
"""A negation that runs from a time to the report's: "had not been inspected since it reopened last year"."""


def _dates_meet(probe: Prop, date: str | None, claim: str | None) -> bool:
    """Whether a negation dated ``date`` and a claim dated ``claim`` can be about one time. A negation "since" a
    time is dated by where it starts but covers every day from then to its report's date: "had not been
    inspected since it reopened last year" meets "had been inspected in September" of this year. Otherwise
    ``_dates_compatible``."""
    if date and claim and probe.status == "negated" and _NOT_SINCE.search(probe.record.text):
        reported = probe.when[0] if probe.when else "9999"
        n, m = min(len(date), len(claim)), min(len(claim), len(reported))
        return claim[:n] >= date[:n] and claim[:m] <= reported[:m]
    return _dates_compatible(date, claim)


_CLAIMANT = re.compile(r"(?<![\w.'’-])(?P<who>(?:[\w-]++\s++){0,1}?[\w-]++)['’]s?\s++(?:(?:own|earlier|latest|initial)\s++)?"
                       r"(?:claims?|findings?|statements?|accounts?|assertions?|reports?|allegations?|suggestions?)\s++"
                       r"(?:that|of|about)\b", re.IGNORECASE)
"""Whose claim a denial answers: "the inspectors' finding that", "the council's earlier statement that"."""

_SELF = {"i", "we", "he", "she"}
"""A speaker's own pronouns: "he had not talked to X", said by Y, is Y's own act."""


def _agent(record) -> str | None:
    """Who does what the clause says, as an actor id: the parsed agent, or the named source for a pronoun."""
    agent = getattr(record, "agent", None)
    if is_actor_id(agent):
        return agent
    source = getattr(record, "source", None)
    return source if agent and agent.lower() in _SELF and is_actor_id(source) else None


def _other_agents(a, b, verb: str | None = None) -> bool:
    """Both clauses name who acts, and they name two different parties: two actors, or one person and a group
    written as a plural ("many coastal mayors have refused to condemn X" against "the minister condemned Y"), or a
    body doing the act (``verb``, the negated one) and such a group whose sentence does not name it ("many local
    councils refused to condemn X" against "the senate condemns Y")."""
    x, y = _agent(a), _agent(b)
    if x and y:
        return x != y
    # A person who is only the clause's speaker ("'No one was hurt,' said X") is not who acted in it; one who is the
    # subject of the act ("X condemned the move") is.
    return any(_plural_group(other) and (
        _person(one) and (one != getattr(own, "source", None) or _does(own, verb))
        or one and not _person(one) and _does(own, verb) and one not in (getattr(other, "actors", None) or ()))
        for one, own, other in ((x, a, b), (y, b, a)))


def _does(record, verb: str | None) -> bool:
    """The clause's source, as written, is the subject of ``verb`` (a stem) within the next three words: "Yuriy
    Vitrenko condemned the move", "the senate also condemns"."""
    name = getattr(record, "source_text", None)
    if not verb or not name or name == "author":
        return False
    at = record.text.find(name)
    return at >= 0 and verb in {stem(w.lower()) for w in re.findall(r"[\w’'-]++", record.text[at + len(name):])[:3]}


def _person(actor: str | None) -> bool:
    return bool(actor) and "person" in actor


def _plural_group(record) -> bool:
    """The clause's agent is a group of people written as a plural noun phrase, not an actor or a pronoun."""
    agent = (getattr(record, "agent", None) or "").lower()
    words = agent.split()
    return bool(words) and not is_actor_id(agent) and words[-1] not in _SELF | {"they", "who"} \
        and words[-1].endswith("s") and not words[-1].endswith("ss")


def _answers_accusation(probe: Prop, positive: Prop) -> bool:
    """"Ecuador's Defence Ministry rejected the accusation, saying its patrol came under fire" against "Peru
    accused Ecuadorian soldiers of opening fire": a denial aimed at "the accusation" by a party the accusation
    names (the speaker, or a party its name holds), from another source, about the same act (a word of it in
    common besides the accusing)."""
    if not (_denied_accusation(probe.record.text) and _accusing(positive.record.text)):
        return False
    accuser = getattr(positive.record, "source", None)
    if not accuser or accuser in probe.voice or not (probe.voice & positive.actors) - {accuser}:
        return False  # the denier is not among those the accusation names
    if _reports_apart(probe.when[0], positive.when[0]):
        return False
    # the act in common is in what the denial goes on to say ("rejected the accusation, saying its patrol came
    # under fire"), not in who denies ("Moscow denied these accusations" meets no accusation naming Moscow)
    said = content_words(probe.record.text[DENIED_ACCUSATION.search(probe.record.text).end():])
    return bool({w for w in said & positive.words if not _ACCUSING.match(w)})


_MODAL = re.compile(r"\b(?:will|would|shall)\b|['’]ll\b", re.IGNORECASE)


_ABSTAINS = re.compile(r"\b(?:refrain(?:s|ed|ing)?\s++from|abstain(?:s|ed|ing)?\s++from|stay(?:s|ed|ing)?\s++out\s++of|"
                       r"refus(?:e|es|ed|ing)\s++to|declin(?:e|es|ed|ing)\s++to|avoid(?:s|ed|ing)?)\b", re.IGNORECASE)
"""A claim that is itself an abstention: a negation of its act agrees with it."""
WISHES = frozenset(stem(w) for w in ("want", "wish", "need", "hope", "fear", "seek", "desire", "like"))
"""Verbs of wanting: what "did not want" negates is its object, not an act."""


_REQUEST = re.compile(r"\b(?:demand(?:s|ed|ing)?|call(?:s|ed|ing)?\s++(?:on|upon)|urg(?:e|es|ed|ing)|"
                      r"press(?:es|ed|ing)|appeal(?:s|ed|ing)?\s++to|plead(?:s|ed|ing)?\s++with|ask(?:s|ed|ing)?(?!\s++about))\b"
                      r"(?P<asked>[^.;:!?]{0,80})", re.IGNORECASE)
"""A request and what it asks for: "was to demand from the leader condemning the invasion", "urged Chile to
reopen the crossing"."""


def _only_requested(probe: Prop, positive: Prop) -> bool:
    """A plain negation of an act that the claim only asks for ("leaders refused to condemn the invasion" against
    "the president was to demand that the visitor condemn it"): a request says nothing of whether the act is done."""
    verb = negated_verb(probe.record.text) if probe.status == "negated" else None
    if not verb:
        return False
    return any(stem(verb) in {stem(w) for w in _WORD.findall(m.group("asked").lower())}
               for m in _REQUEST.finditer(positive.record.text))


def _other_wish(probe: Prop, positive: Prop) -> bool:
    """A negated wish against a wish for something else: both parses name the object, and the two objects are
    two actors, or an actor and a thing, or two things with no word in common."""
    a, b = probe.record, positive.record
    verb = stem(getattr(a, "predicate", None) or "")
    if probe.status != "negated" or verb not in WISHES or verb != stem(getattr(b, "predicate", None) or ""):
        return False
    x, y = getattr(a, "theme", None), getattr(b, "theme", None)
    if not x or not y or x == y:
        return False
    if is_actor_id(x) or is_actor_id(y):
        return True
    return not content_words(x) & content_words(y)


def _foretold(probe: Prop, positive: Prop) -> bool:
    """The claim says what will or would happen to the words it shares with a probe that says no such thing:
    a forecast the extraction labelled as a report ("warned that allies would introduce sanctions")."""
    if probe.forecast or positive.forecast or _modal(probe.clause):
        return False
    text = _future_clause(positive.record.text)
    return text is not None and any(_foretelling(w).search(text) for w in probe.clause_words & positive.words)


@lru_cache(maxsize=1 << 16)
def _modal(clause: str) -> bool:
    """The clause says "will", "would" or "shall"; kept per clause, as every candidate pair asks again."""
    return _MODAL.search(clause) is not None


_WILL = re.compile(r"\b(?:will|would|shall)\s")


@lru_cache(maxsize=1 << 16)
def _future_clause(text: str) -> str | None:
    """The lower-cased head clause of a sentence that says "will", "would" or "shall" in it, else None (most
    say none: no word of theirs is looked for); kept per text, as every candidate pair a claim is in asks again."""
    head = head_clause(text).lower()
    return head if _WILL.search(head) else None


@lru_cache(maxsize=1 << 14)
def _foretelling(word: str) -> re.Pattern:
    """"will", "would" or "shall", then ``word`` or one word and ``word``: compiled once per word."""
    return re.compile(rf"\b(?:will|would|shall)\s+(?:\w+\s+)?{re.escape(word)}")


def _forecasts_meet(probe: Prop, positive: Prop) -> bool:
    """A forecast that something will not happen contradicts only a forecast that it will; what a source
    expects is contradicted by a later report that it has not happened, never by an earlier one."""
    if probe.forecast or probe.called_off:
        return positive.forecast
    if positive.forecast:
        return probe.status == "negated" and probe.when[0] > positive.when[0]
    return True


def _outcome_denied(probe: Prop, positive: Prop) -> bool:
    """A later report that what was expected has not happened: it negates the forecast's own verb ("would
    seal the leak by Wednesday" against "the leak had not been sealed by Thursday") and shares another of
    its words, both said before any condition the forecast sets, and it is dated after the time the forecast
    set (when it set one)."""
    if probe.called_off:  # put off: the same thing, due on the same day (one word in common then) or two words
        a, b = probe.record.date, positive.record.date
        shared = len(probe.clause_words & positive.clause_words)
        same_day = bool(a and b and len(a) >= 10 and a[:10] == b[:10])
        return shared >= MIN_SHARED and (not a or not b or same_day) or shared >= 1 and same_day
    verb = negated_verb(probe.record.text)
    due = positive.record.date
    if due and probe.when[0][:len(due)] < due:
        return False  # not done yet, before the time it was expected by ("from next year")
    if probe.persisted:  # "the crossing remained closed" against "the crossing was expected to reopen"
        subject, ended = probe.persisted
        return subject in positive.clause_words and bool(ended & positive.clause_words)
    known = [{a for a in x.actors if known_party(a)} for x in (probe, positive)]
    if all(known) and not known[0] & known[1]:
        return False  # "Belarus has not joined" against "Finland will be invited to join": other parties
    # the verb, and what the negation is about (its clause's first word: "the leak", "the fire")
    about = next((w for w in probe.lead if not w.endswith("ly")), None) if probe.lead \
        else next((w for w in _clause_order(probe) if w != verb), None)  # "the leak", not "formally"
    if verb is None or about in (None, verb):
        return False
    # both in what the forecast says will happen, not in a condition it sets ("will block the road if the
    # crossing closes" forecasts no closure)
    said = _stems_before_condition(positive.clause or positive.record.text)
    return verb in positive.clause_words and about in positive.clause_words and verb in said and about in said


def _clause_order(probe: Prop) -> list[str]:
    """The denied clause's content words in the order written, for a clause too short for ``Prop.lead``
    ("the B sample had not been analysed": "sampl", then "analys")."""
    seen: list[str] = []
    for word in _TOKEN.findall(probe.clause.lower()):
        seen += [w for w in sorted(content_words(word)) if w in probe.clause_words and w not in seen]
    return seen


STRONGER = {stem(weak): frozenset(stem(w) for w in strong) for weak, strong in (
    ("damaged", ("destroyed", "wrecked", "razed", "flattened", "demolished", "sunk", "gutted")),
    ("hurt", ("killed",)), ("harmed", ("killed", "injured", "wounded")),
)}
"""Verbs whose act a stronger one includes: what was destroyed was damaged, who was killed was harmed, so
"no aircraft were damaged" is contradicted by "seven aircraft were destroyed"."""


SPEECH_STEMS = {stem(w) for w in ("say", "said", "comment", "commented", "specify", "specified", "disclose",
                                  "disclosed", "reveal", "revealed", "elaborate", "elaborated", "explain",
                                  "explained", "respond", "responded", "name", "named", "identify", "identified")}
"""Verbs of saying: "did not say what type of missile was sent" withholds an answer, it negates nothing."""


def _verb_stated(probe: Prop, positive: Prop) -> bool:
    """Whether the claim says the verb a negation negates (or the negation's verb is not known)."""
    verb = negated_verb(probe.record.text)
    return verb is None or verb in positive.words or bool(STRONGER.get(verb, frozenset()) & positive.words) \
        or _EVENT_CLASS.get(verb, verb) in one_event(positive.words)  # "was not killed" against "died"


def _plain_negation(probe: Prop) -> bool:
    """The sentence says plainly that something did not happen (no denial or doubt frames it)."""
    return probe.status == "negated" and not probe.framed and _unmodal_negation(probe.record.text)


@lru_cache(maxsize=1 << 16)
def _unmodal_negation(text: str) -> bool:
    """A negation that is no forecast ("may not") and withholds no answer ("did not say"); kept per text, as
    every candidate pair a statement is in asks again."""
    return not MODAL_NEGATION.search(text) and negated_verb(text) not in SPEECH_STEMS


def _same_wording(a: str, b: str) -> bool:
    """One sentence relayed twice: nearly the same words, or one inside the other with only a frame added
    ("participants said they were concerned with P" relaying "we are concerned with P"), no negation in it."""
    x, y = _tokens(a), _tokens(b)
    if not (x and y):
        return False
    shared = len(x & y)  # the union's size is counted from it, not built: this runs once per candidate pair
    if shared / (len(x) + len(y) - shared) >= SAME_WORDS:
        return True
    short = min(len(x), len(y))
    if short < RELAYED_WORDS or shared / short < SAME_WORDS:
        return False
    differ = " ".join(x ^ y)  # the frame added, and what the shorter says that the longer does not
    return not _NEGATION.search(differ) and not _DENIAL_OR_DOUBT(differ) and not ACKNOWLEDGE.search(differ)


_UNASSERTED = re.compile(r"(?i)\b(?:until|unless|if|before|once|whether|in case)\b")
"""Where a clause turns to a condition or a time limit: what follows is not said to have happened."""


@lru_cache(maxsize=1 << 16)
def _stems_before_condition(clause: str) -> frozenset[str]:
    """The stems of a clause's words before any condition or time limit it sets ("if the crossing closes")."""
    return frozenset(stem(w) for w in _TOKEN.findall(_UNASSERTED.split(clause, maxsplit=1)[0].lower()))


@lru_cache(maxsize=1 << 16)
def _asserted_stems(clause: str) -> frozenset[str]:
    """The stems of a clause's words before any condition or time limit it sets ("until there is a pause"), less
    a verb after "to": "it is in our interest to help them" says what is wanted, not what was done."""
    words = _TOKEN.findall(_UNASSERTED.split(clause, maxsplit=1)[0].lower())
    return frozenset(stem(w) for n, w in enumerate(words) if n == 0 or words[n - 1] != "to")


@lru_cache(maxsize=1 << 16)
def _tokens(text: str) -> frozenset[str]:
    """A sentence's lower-cased words, once per text (every pair it is in compares them)."""
    return frozenset(_TOKEN.findall(text.lower()))


@lru_cache(maxsize=1 << 16)
def _accusing(text: str) -> bool:
    return _ACCUSING.search(text) is not None


@lru_cache(maxsize=1 << 16)
def _denied_accusation(text: str) -> bool:
    """The sentence rejects an accusation ("rejected the accusation"); kept per text, as ``_accusing``."""
    return DENIED_ACCUSATION.search(text) is not None


RELAYED_WORDS = 12
"""The least words a sentence must have to be recognised inside another as the same sentence relayed."""


_TOKEN = re.compile(r"[a-z0-9]+")
_LEADING = re.compile(r"^(?:(?:a|an|the|any|some|such|this|that|these|those)\s+)+", re.IGNORECASE)


def _phrase_match(probe: Prop, positive: Prop) -> bool:
    """A doubt ("no sign of X", "no evidence of X") whose X the claim says word for word, with an actor in common;
    or a denial aimed at a thing it names ("called the accounts of rubber bullets a lie") that another voice's
    claim says word for word ("witnesses said riot police fired rubber bullets")."""
    if probe.doubt and probe.actors & positive.actors:
        return _phrase_in(probe.clause, positive.record.text)
    return probe.status == "denied" and probe.framed and probe.clause != probe.record.text \
        and not probe.voice & positive.voice and _phrase_in(probe.clause, positive.record.text)


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
    if a.trigger and not _negation_reaches(a.text, a.trigger):
        return False  # "refused to condemn X, and continued to support Y": the support is not negated
    same_target = bool(set(a.recipients) & set(b.recipients)) or bool(
        a.location and b.location and a.location.lower() == b.location.lower())
    return (
        a.type == b.type and bool(probe.actors & positive.actors) and same_target
        and (not a.mode or not b.mode or a.mode == b.mode)
        and _dates_compatible(a.date, b.date)
    )


_CLAUSE_BREAK = re.compile(r",\s+(?:and|but|while|yet|as)\b|;|\bbut\b", re.IGNORECASE)
"""Where one coordinated clause ends and the next begins: a negation before it is not the next one's."""


def _negation_reaches(text: str, trigger: str) -> bool:
    """Whether the sentence's last negation or denial before the event's word governs it: none of the
    coordinated clauses ends between them. True when no negation comes before the word (the status was
    read from elsewhere, and is left to the other checks)."""
    at = re.search(rf"(?<!\w){re.escape(trigger)}(?!\w)", text, re.IGNORECASE)
    if at is None:
        return True
    before = text[:at.start()]
    cues = [m.end() for m in (*NEGATED_PREDICATE.finditer(before), *_NEGATION.finditer(before), *DENIAL.finditer(before))]
    if not cues:
        return True
    return _CLAUSE_BREAK.search(before[max(cues):]) is None


def embedding_similarity(props: list[Prop], embeddings, cache: dict | None = None) -> Callable[[Prop, Prop], float | None]:
    """Cosine similarity of two props' claimed clauses, embedding only the props in some candidate pair:
    the probe's clause against the closest of the claims the other sentence makes ("said that A and that B").
    ``cache``: the caller's ``conflict_reach.reach_pairs`` cache, so the pairs are found once for both."""
    from storyline.analysis.conflict_reach import reach_pairs

    needed = sorted({k for pair in reach_pairs(props, cache) for k in pair})
    if not needed:
        return lambda a, b: None
    texts = sorted({c for k in needed for c in (props[k].clause, *props[k].clauses)})
    vectors = embeddings(["k" + hashlib.sha256(c.encode()).hexdigest()[:16] for c in texts], texts)
    row = {c: n for n, c in enumerate(texts)}

    def similarity(a: Prop, b: Prop) -> float | None:
        if a.clause not in row or b.clause not in row:
            return None
        return max(float(vectors[row[a.clause]] @ vectors[row[c]]) for c in (b.clause, *b.clauses) if c in row)

    return similarity

