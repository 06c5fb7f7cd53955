"""The bottom line: the claims of fact an analyst leads with, ranked, each with its sources.

Lines come from stored records only: claims stated by several independent reports, official
confirmations, claims one source states and another denies (the conflicts), each report's lede
(its first statement of fact), the figure tables (each estimate and who gives it), and what a named source
says remains unconfirmed. Commentary (opinions, the author's own analysis) is kept apart. Every
line's first citation is the sentence it quotes, and its count of independent sources is the
number of distinct original documents it cites.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import replace

from storyline.analysis.bottomline_speakers import commentator, principal
from storyline.analysis.bottomline_words import (
    APPEAL, BY_WHOM, COMMENTATOR, CONCESSION, DOUBTER, INTERPRETIVE, MOTIVE, MOTIVE_READING, MOTIVE_SUBJECT, POSSIBLE, SAID, RECORD_SUBJECT, STANCE, STANCE_CUE,
    STANCE_OBJECT, UNSETTLED, VERDICT, WITHHELD,
)
from storyline.analysis.claims import independent_groups, is_factual, negative, origin_doc, text_numbers
from storyline.analysis.clusters import statement_id
from storyline.analysis.wording import DOUBT, probe_status, speaker
from storyline.analysis.corpus import Corpus
from storyline.analysis.figure_assess import CONSISTENT
from storyline.analysis.figures import format_value
from storyline.models import BottomLine, Cluster, Conflict, Evidence, FigureTable, Statement
from storyline.nlp.dates import MONTHS, WEEKDAYS
from storyline.nlp.figures import LENGTH_UNITS
from storyline.store.records import record_id

MAX_FACTS = 5
MAX_LEAD_LINES = 8
"""Facts, disputes and report ledes together: ledes fill what the corroborated facts leave."""
LEDE_STATUSES = {"asserted", "reported", "confirmed"}
LEDE_MIN_WORDS = 8
ANNOUNCED = {"prediction", "recommendation"}
"""Kinds of lede that report what a source announced, offered or asked for: a decision is news."""
ANNOUNCED_STATUSES = {"reported", "expected", "asserted", "confirmed"}
MAX_DISPUTES = 3
"""Claims one source states and another denies or doubts: they take the place of facts, so the facts
and disputes together stay at ``MAX_FACTS + 2``."""
MAX_FIGURES = 2
MAX_UNCONFIRMED = 2
MAX_COMMENTARY = 4
MAX_DENIALS = 2
MAX_WORDS = 60
"""A sentence longer than this is a paragraph the parser failed to split, not a line to lead with."""
HEDGED = {"possible", "expected"}
"""Statuses of what may be or is expected: not a fact to lead with, however many reports say it."""
MAX_LINES = 0
"""Lines of fact a report's next news may fill up to, after the lines above (``_report_lines``). Off (0): on the
real-text dev split these lines added 2 gold facts for 12 lines outside the gold (bottom-line precision 0.571 ->
0.464, recall 0.727 -> 0.788); raise it to let each report's further news fill the briefing."""
REPORT_POOL = 40
"""Lines, counting those above, that a report's further news may fill in the pool the ranking model chooses from."""
REPORT_STATUSES = {"asserted", "reported", "confirmed", "denied", "negated"}
"""What a source states, confirms or says is not so ("we do not see offensive groups forming"): an assessment
is news whichever way it goes; a hedge is not."""


def _evidence(s: Statement) -> Evidence:
    return Evidence(s.doc, s.start, s.end, s.text)


def _where(corpus: Corpus, doc: str) -> str:
    date = corpus.published(doc)
    return corpus.outlet(doc) + (f", {str(date)[:10]}" if date else "")


def _who(corpus: Corpus, s: Statement) -> str:
    """The source's name, or the report's outlet for its own voice."""
    who = speaker(corpus, s)
    if who:
        return corpus.name(who) or who
    if s.source_text and s.source_text != "author":
        return s.source_text
    return corpus.outlet(s.doc)


def is_commentary(s: Statement) -> bool:
    """An opinion, advice, a stance, or an interpretation of events, in the report's own voice or a source's.

    A confirmation is a fact even when it says what an event means; a confirmed resolve is not, nor a state of
    things granted in an argument (``conceded``)."""
    if s.kind == "opinion" or VERDICT.search(s.text) or STANCE_OBJECT.search(s.text) or conceded(s):
        return True
    if s.predicate_class in STANCE and s.status != "confirmed":
        return True
    if s.source_kind != "author" and any(STANCE_CUE.match(c) for c in s.cues or ()):
        return True  # '"..., " he warned': the source's words framed as a warning, a hope or a belief
    if (s.kind in ANNOUNCED or s.status in HEDGED or POSSIBLE.search(s.text)) and COMMENTATOR.search(s.source_text or ""):
        return True  # "analysts expect the bank to raise rates", "experts say the frost could help": a forecast by
        # those whose trade is reading events
    return s.status != "confirmed" and (reading(s) or hypothetical(s))


def reading(s: Statement) -> bool:
    """The statement reads events (``INTERPRETIVE``), but not where "concern" is the motive an actor gives for its
    act ("banned the exports, citing concern that ...", "closed the road over concerns about the bridge"), nor
    where a clause of its own hedges what a reported act may mean ("troops massed at the border, which officials
    said may indicate plans to attack"): the act is the news. Nor where a record or a count shows or indicates it
    ("customs data show exports rose by half", "court documents show the case was opened in May"): a finding
    (``RECORD_SUBJECT``). Nor a word of reading used as a noun ("as the war nears the 16-month mark", ``NOUN_TOO``).
    Where the statement's own verb is a word of saying
    or the reading itself ("the minister said the vote may signal ...", "the storm may signal ..."), the reading
    is what it tells."""
    from storyline.nlp.certainty_words import SPEECH_VERBS

    verb = (s.predicate or "").lower()
    for m in INTERPRETIVE.finditer(s.text):
        if m.group(0).lower().startswith("concern") and MOTIVE.search(s.text, 0, m.start()):
            continue
        word = m.group(0).lower()
        if word.startswith(("show", "indicat", "demonstrat")) and RECORD_SUBJECT.search(s.text, 0, m.start()):
            continue
        if word in NOUN_TOO and NOUN_BEFORE.search(s.text, 0, m.start()):
            continue  # "as the strike nears the 16-month mark", "a show of force": a noun, no reading
        if (HEDGE_BEFORE.search(s.text, 0, m.start()) and verb and verb not in SPEECH_VERBS
                and not m.group(0).lower().startswith(verb[:4])):
            continue
        return True
    return False


NOUN_TOO = frozenset({"mark", "marks", "show", "shows", "highlight", "highlights", "means"})
"""Words of reading that are also nouns ("the 16-month mark", "a show of force", "the highlights", "the means to")."""
NOUN_BEFORE = re.compile(r"(?:\b(?:the|a|an|its|their|his|her|our|your|halfway)|\d|-(?:day|week|month|year|mile)|"
                         r"\b(?:first|second|third|clear|strong|positive|negative|new|same|any|every|no))\s++\Z",
                         re.IGNORECASE)
"""A determiner, a number or an adjective just before such a word: the word is a noun."""
HEDGE_BEFORE = re.compile(r"\b(?:may|might|could)\s+(?:also\s+|well\s+)?\Z")
"""A reading under a hedging modal ("... may indicate"), matched just before the reading's verb."""


DECISIONS = frozenset({"announce", "deploy", "sanction", "sign", "supply", "fund", "withdraw", "tax", "release",
                       "train"})
"""Synonym classes of the acts a party decides (``nlp.propositions.CLASSES``): announcing, sending, arming, funding,
sanctioning, signing, withdrawing."""


DECISION_DAYS = 14
"""A decision dated this long before its report is a recap of what was decided then, not the report's news: on
seventeen hand-labelled sets of non-test reports every such decision ("last month ... pledged $5.5 billion", "in
November ... sent border guards") was labelled no line to lead with."""


def decision(corpus: Corpus, s: Statement) -> bool:
    """A principal of the story (``bottomline_speakers.principal``) tells what it decided or does: the source or
    the clause's agent is a state, a body, a head of state or a minister, and the act one it decides (``DECISIONS``:
    "the president announced the stationing of 3,000 troops", "the minister said they would send two frigates"),
    told as so, not denied or hedged. Not one dated more than ``DECISION_DAYS`` before its report ("Last month the
    government pledged ...", "In November the army sent ..."): what was decided weeks ago is the setting of the news,
    retold."""
    if s.predicate_class not in DECISIONS or s.status not in ("asserted", "reported", "confirmed") or _against(s):
        return False
    age = age_days(corpus, s)
    if age is not None and age > DECISION_DAYS:
        return False
    agent = s.agent if s.agent and ":" in s.agent else None
    return principal(corpus, s.source, s.doc) or principal(corpus, agent, s.doc)


def appeal(corpus: Corpus, s: Statement) -> bool:
    """The statement tells what someone asks of another ("Civic groups called on the donors to withhold the funds",
    ``APPEAL``), and who asks is no party that decides (``bottomline_speakers.principal``: a state, an international
    body, a head of state or government, a minister): a plea, not a fact to lead with. A party's own demand ("the
    government called on the strikers to return to work") is its position, and news."""
    if not APPEAL.search(s.text):
        return False
    agent = s.agent if s.agent and ":" in s.agent else None
    return not principal(corpus, agent or s.source, s.doc)


def motive_reading(corpus: Corpus, s: Statement) -> bool:
    """A source who decides nothing for a party (``bottomline_speakers.principal``: a lawmaker, an official of no
    state office, a campaigner) says what another actor is after ("the senator said the governor is trying to
    break the union", "the opposition leader said the ruling party wants to delay the vote"): their reading of
    another's motive, not a fact to lead with. A principal's word on it ("the president said the rebels are trying
    to take the port") is its party's position, and news; a speaker's own aim ("we are seeking to ...") is a
    decision; an accusation ("accused the mayor of trying to ...") tells who accuses whom."""
    from storyline.analysis.bottomline_speakers import NOT_IN_OFFICE, PRINCIPAL_OFFICE
    from storyline.nlp.certainty_words import SPEECH_VERBS

    if s.status == "confirmed":
        return False
    found = [m for m in MOTIVE_READING.finditer(s.text) if not MOTIVE_SUBJECT.search(s.text, 0, m.start())]
    if not found:
        return False
    agent = s.agent if s.agent and ":" in s.agent else None
    if s.source_kind in ("named", "anonymous"):
        return not (agent and agent == s.source) and not principal(corpus, s.source, s.doc)
    if s.source_kind != "author" or (s.predicate or "").lower() not in SPEECH_VERBS:
        return False
    # the parse took the verb of saying for the clause's own ("The party's leader in the chamber said that the
    # governor is trying to ..."): whoever speaks stands before it
    said = [m for m in SAID.finditer(s.text, 0, found[0].start())]
    if not said:
        return False
    cut = said[-1].start()
    office = PRINCIPAL_OFFICE.search(s.text, 0, cut)
    if office and not NOT_IN_OFFICE.search(s.text, max(0, office.start() - 12), office.start()):
        return False
    return not any(m.doc == s.doc and s.start <= m.start < s.start + cut and principal(corpus, m.entity, s.doc)
                   for m in corpus.mentions)


def conceded(s: Statement) -> bool:
    """A source grants how things stand on the way to its own point ("the minister admitted that the economy is in
    trouble, but not because of the sanctions"): the admission reads as a confirmation, yet the sentence argues a
    view. An act or a number admitted ("admitted the strike but said ...", "acknowledged 40 deaths, but ...") is
    still a fact."""
    from storyline.nlp.propositions import CLASSES

    return (CONCESSION.search(s.text) is not None and s.predicate_class not in CLASSES
            and not any(ch.isdigit() for ch in s.text))


def fragment(s: Statement) -> bool:
    """The statement's text is a piece of a sentence ("a breakaway region where ..."): it opens in lower case,
    so what it is about stands in words it does not quote. No line quotes it."""
    text = s.text.lstrip("\"“‘'([- ")
    return bool(text) and text[0].islower()


ANAPHOR = re.compile(
    r"\b(?:those|these|such)\s++(?:[\w-]+\s+)?(?!(?:as|is|was|has|days|years|weeks|months|times)\b)[a-z][\w-]*s\b"
    r"(?!\s+(?:who|whom|whose|which|that|as)\b)", re.IGNORECASE)
"""A plural noun phrase that points back at what an earlier sentence told ("acknowledged those frustrations", "an
increase in such attacks", "these sanctions"): not one a clause of its own defines ("those countries that ..."),
nor a comparison ("such weapons as drones"), nor a time ("these days")."""
SENTENCE_END = re.compile(r"(?<!\b[A-Z])(?<!\b[A-Z][a-z])[.!?][\"”’']?(?=\s*+[–—-]?\s*+[\"“‘']?[A-Z])")
"""A full stop that ends a sentence: before a capital, not after an initial or a short title ("U.N.", "Mr.")."""
STAND_IN = frozenset({"he", "she", "him", "her", "they", "them"})
"""Pronouns that stand in for a source named in an earlier sentence ("According to him, ...")."""
QUOTED_PRONOUN = re.compile("\\A[\"“‘'][^\"“”]+[\"”’]\\s*+,?\\s*+(?:he|she|they)\\s", re.IGNORECASE)
"""A sentence that opens with a quotation its speaker tags only by a pronoun ("'We never asked for them,' he said,
..."): the words of someone an earlier sentence names, a retort rather than who denies or doubts what."""
REPORTS_ONLY = re.compile(
    r"\A(?:[\w’'-]+\s+){0,4}?(?:reports?|claims?|information|rumou?rs?)\s+(?:were|was|(?:has|have)\s+been)\s+"
    r"confirmed\b|\bconfirm(?:s|ed|ing)?\s+the\s+(?:[\w-]+\s+){0,2}?(?:reports?|claims?|information|rumou?rs?)\b"
    r"(?!\s+(?:of|that|about)\b)", re.IGNORECASE)
"""A confirmation of "the reports" or "the information" that does not say what they tell ("Wire reports were
confirmed by the minister", "The port authority confirmed the reports on Monday"): what is confirmed is told in an
earlier sentence. (A denial of "the claims" is a dispute's line, which quotes the claim beside it.)"""


def leans_on_context(text: str, source_text: str | None = None) -> bool:
    """A reader cannot understand the line alone: its source is only a pronoun standing in for a name given
    earlier ("According to him, the blame lies with the council"), or its first sentence points back at what an
    earlier one told ("The spokesman acknowledged those frustrations", "The ministry confirmed the reports"). A line that opens with a pronoun is the
    ranking model's to weigh (``bottomline_rank.PRONOUN``)."""
    if (source_text or "").strip().lower() in STAND_IN and not OPENING_QUOTE.match(text):
        return True
    end = SENTENCE_END.search(text)
    first = text[: end.start() if end else len(text)]
    return ANAPHOR.search(first) is not None or REPORTS_ONLY.search(first) is not None


STATIVE = frozenset({"be", "have", "share", "remain", "lie", "border", "belong", "depend", "rely"})
"""Verbs of how things stand ("Moldova is close to the war and shares a long border with Ukraine"), not of
what happened."""


def standing(s: Statement) -> bool:
    """How things stand, told undated in the report's own voice: the setting two reports months apart repeat,
    not the news either leads with. A source's word on it, or a date, makes it news, and so does where a person
    is (``present``). Nor is what a source only spoke about, told in the report's words (``topic_only``)."""
    return (s.source_kind == "author" and not s.date and s.status != "confirmed"
            and (s.predicate or "").lower() in STATIVE and not present(s)) or topic_only(s)


def present(s: Statement) -> bool:
    """The statement says where a person is ("the country's prime minister is in the capital, where he is
    promising aid"): a visit, news however undated, not a place's setting ("the town is on the border") nor what a
    person is ("he is a close ally of the president")."""
    return ((s.predicate or "").lower() == "be" and bool(s.place) and ":place:" not in (s.agent or "")
            and any("person" in actor for actor in s.actors))


TOPIC = frozenset({"refer", "comment"})
"""Verbs that name what a source spoke about, not what it said ("the minister also referred to the strike")."""
TOPIC_CLAUSE = re.compile(r"\A[^,;:–—]*?\b(?:commented\s+on|comments\s+on|referred\s+to|refers\s+to|spoke\s+about|"
                          r"talked\s+about|touched\s+(?:up)?on)\b", re.IGNORECASE)
"""A first clause whose verb names what its subject spoke about ("The mayor commented on the closure ... , the
agency has learned", "The envoy referred to the talks and again backed the plan"), where the parse took the
sign-off's verb or a second verb for the statement's own."""


def topic_only(s: Statement) -> bool:
    """The report tells, in its own words, what a source spoke about ("the mayor also commented on the closure of
    the port", "the envoy referred to the talks"): what the source said is in the sentences that follow, and
    this one gives no fact to lead with."""
    return s.source_kind == "author" and ((s.predicate or "").lower() in TOPIC or TOPIC_CLAUSE.match(s.text) is not None)


HEDGING_MODALS = frozenset({"may", "might"})
"""Modals of a clause (``Statement.modality``, from its parse) that only say what is possible: "would" and "could"
also tell what a bill provides or what someone can do."""


def hypothetical(s: Statement) -> bool:
    """The statement's own verb is under "would", "could" or "might" ("Ukraine's entry would be perceived as
    a threat"), or its clause under "may" or "might" (``HEDGING_MODALS``: "the marshes may not be a decisive
    factor"): what may be, not what is. A modal elsewhere ("passed a bill that would provide ...") is not."""
    if getattr(s, "modality", None) in HEDGING_MODALS:
        return True
    verb = (getattr(s, "predicate", None) or "").lower()
    if len(verb) < 3 or not verb.isalpha():
        return False
    stem = verb[:-1] if verb.endswith("e") else verb  # "perceive": "perceived"
    # "would (not) (be|have) (been) <stem>...", matched without a pattern per verb (compiling one per
    # statement cost more than the rest of the bottom line)
    text = s.text
    for modal in _MODAL.finditer(text):
        starts = {modal.end()}
        for aux in _MODAL_AUX:
            starts |= {m.end() for m in (aux.match(text, at) for at in starts) if m}
        if any(text[at : at + len(stem)].lower() == stem for at in starts):
            return True
    return False


_MODAL = re.compile(r"\b(?:would|could|might)\s+", re.IGNORECASE)
_MODAL_AUX = (re.compile(r"not\s+", re.IGNORECASE), re.compile(r"(?:be|have)\s+", re.IGNORECASE),
              re.compile(r"been\s+", re.IGNORECASE))


BACKGROUND_DAYS = 30
"""A fact about a time that ended this long before its report was published is background, not the news: a month
back ("a report published on 6 June said ...", "has met a dozen times since late January") is what the report
recalls around its news. (At 90 days, the real-text dev split and ten sets of non-test reports showed such recaps;
at 14, a hand-labelled set lost a line of the week's fighting that its parse dated to the month before.)"""


YEARS_AGO = re.compile(r"\A(?:[\w-]+\s+){0,3}?(?:years?|decades?|centur(?:y|ies))\s+ago\b", re.IGNORECASE)
"""A sentence that opens by setting its time years back ("Two decades ago, the army ...", "A year ago the
plant ..."): what happened then, told as background to the news."""


SINCE_START = re.compile(
    r"\A(?:ever\s+)?since\s+(?:(?:the\s+)?(?:start|beginning|outbreak|onset)\s+of\b[^,]{0,80}|"
    r"[^,]{0,80}?\b(?:began|started|broke\s+out|erupted))\s*,", re.IGNORECASE)
"""A sentence that opens with the span of time since a crisis began ("Since the start of the strike, ...", "Ever
since the floods began, ...")."""


def since_start(s: Statement) -> bool:
    """The report sums up, in its own voice, how things went since the crisis began ("Since the siege began, the
    rebels have failed to take the town"): a recap of the story so far, not its news. A count since then ("Since
    the start of the strike, 40 flights have been cancelled") is a tally, and a source's word is news."""
    m = SINCE_START.match(s.text.lstrip("\"“‘'([- "))
    return (m is not None and s.source_kind == "author"
            and not any(ch.isdigit() for ch in s.text.lstrip("\"“‘'([- ")[m.end():]))


def is_background(corpus: Corpus, s: Statement) -> bool:
    """The statement dates what it says ("The last aid bill was approved in December 2022"), and that time
    ended more than ``BACKGROUND_DAYS`` before the report, or it opens by setting its time years back
    (``YEARS_AGO``), or it sums up the story since its start (``since_start``): background to the news, not what
    to lead with."""
    if YEARS_AGO.match(s.text.lstrip("\"“‘'([- ")) or since_start(s):
        return True
    age = age_days(corpus, s)
    return age is not None and age > BACKGROUND_DAYS


def age_days(corpus: Corpus, s: Statement) -> int | None:
    """How many days before its report the time the statement dates ended ("in December 2022", "last month":
    the month's 28th), or None where it gives no date or its report none."""
    published = corpus.published(s.doc)
    date = getattr(s, "date", None)
    if not (isinstance(date, str) and published and len(date) >= 4 and date[:4].isdigit()):
        return None
    try:
        year = int(date[:4])
        month = int(date[5:7]) if len(date) >= 7 else 12
        day = int(date[8:10]) if len(date) >= 10 else 28
        ended = dt.date(year, month, min(day, 28) if len(date) < 10 else day)
        reported = dt.date.fromisoformat(str(published)[:10])
    except ValueError:
        return None
    return (reported - ended).days


DENIAL_DAYS = 14
"""A denial dated this long before its report answered the claims of then, not the news the report tells: an
analyst leads with the denial of what the reports now claim, not with one of weeks before."""


DENIAL_CUE = re.compile(
    r"\b(?:den(?:y|ies|ied|ying)|reject(?:s|ed|ing)?|dismiss(?:es|ed|ing)?|refut(?:es|ed|ing))\s+"
    r"(?:(?:the\s+|any\s+)?(?:claims?|reports?|allegations?|accusations?|suggestions?)\s+)?(?:that|having)\b",
    re.IGNORECASE)
"""A denial followed by what it denies ("denied that the tank had failed", "rejected claims that ...")."""

DATE_WORD = re.compile(
    r"\b(?:" + "|".join(sorted((w.title() for w in [*MONTHS, *WEEKDAYS]), key=len, reverse=True))
    + r"|(?i:yesterday|today|(?:last|this|next)\s+(?:week|month|year)|ago)|1[89]\d\d|20\d\d)\b")
"""A word that dates what is around it (a month, a weekday, a year, "last week", "ago")."""


def dates_the_denied(s: Statement) -> bool:
    """The statement's date is named only inside what it denies ("denied that the tank had failed an
    inspection in May"): the date of the denied act, not of the denial."""
    cue = DENIAL_CUE.search(s.text)
    return bool(cue and DATE_WORD.search(s.text, cue.end()) and not DATE_WORD.search(s.text, 0, cue.start()))


def old_denial(corpus: Corpus, s: Statement) -> bool:
    """The statement is a denial or a refusal dated well before its report (``DENIAL_DAYS``: "Last month the
    minister dismissed talk of a merger as nonsense"), or background however it is dated (``is_background``).
    A date named only in what is denied (``dates_the_denied``) does not date the denial."""
    if not (s.status in ("denied", "negated") or probe_status(s) == "denied" or refusal(s)):
        return False
    if dates_the_denied(s):
        return False
    age = age_days(corpus, s)
    return is_background(corpus, s) or (age is not None and age > DENIAL_DAYS)


def _salience(s: Statement) -> float:
    """What makes a fact worth leading with: who did what, where, how many, confirmed by whom."""
    score = min(len(set(s.actors)), 4) * 0.5
    score += 1.0 if s.status == "confirmed" else 0.0
    score += 0.5 if s.kind == "estimate" or any(ch.isdigit() for ch in s.text) else 0.0
    score += 0.5 if s.source_kind == "named" else 0.0
    score += 0.5 if s.predicate_class else 0.0
    words = len(s.text.split())
    score -= 1.0 if words > 45 or words < 6 else 0.0
    return score


def _disputes(conflicts: Iterable[Conflict]) -> dict[tuple[str, int], list[Evidence]]:
    """Sentence start -> the opposing sides of each conflict (not an evolution) it takes part in."""
    out: dict[tuple[str, int], list[Evidence]] = {}
    for c in conflicts:
        if c.kind in ("evolution", "knowledge") or (c.kind == "figure" and c.assessment != "contradiction"):
            continue  # an evolving estimate is not a dispute
        for side in c.sides:
            out.setdefault((side.doc, side.start), []).extend(x for x in c.sides if x is not side)
    return out


def _claim_line(corpus: Corpus, claim: Cluster, statements: dict[str, Statement], disputes) -> BottomLine | None:
    members = [statements[i] for i in claim.statements if i in statements]
    if not members:
        return None
    lead = statements.get(claim.representative or "") or members[0]
    news = [s for s in members if not is_commentary(s) and not is_background(corpus, s) and not appeal(corpus, s) and not motive_reading(corpus, s)
            and s.status not in HEDGED  # "an invasion is possible", said twice, is still a hedge
            and not own_view(corpus, s) and not fragment(s) and not standing(s)]
    if len(lead.text.split()) > MAX_WORDS or not news:
        return None
    if lead not in news:
        lead = news[0]
    alone = [s for s in news if not leans_on_context(s.text, s.source_text)]
    if lead not in alone and alone:
        lead = alone[0]  # a member a reader understands without the sentence before it
    # A claim holds its denials too ("one tanker wagon had leaked chlorine", "no chlorine had leaked"): only the
    # members that say what the line quotes are its sources; the denial is the dispute the conflicts show. A
    # member that only hedges it ("could be imminent") or gives a view of it is no source of the fact either.
    members = [s for s in news if _against(s) == _against(lead)]
    if len({origin_doc(corpus, s.doc) for s in members}) < 2:
        return None
    # One sentence per independent source, the quoted one first; an original's own sentence before its copy's.
    cited = [lead]
    for group in independent_groups(corpus, members):
        if lead in group:
            continue
        s = min(group, key=lambda s: (origin_doc(corpus, s.doc) != s.doc, s.doc, s.start))
        if origin_doc(corpus, s.doc) not in {origin_doc(corpus, c.doc) for c in cited}:
            cited.append(s)
    return _line(corpus, lead, cited, "confirmation" if any(s.status == "confirmed" for s in cited) else "fact",
                 disputes, claim.id)


def _against(s: Statement) -> bool:
    """The statement says its proposition is not so, or doubts it ("may not have an immediate impact")."""
    return negative(s) or s.status in ("denied", "negated") or s.polarity == "negative"


OPINION_TITLE = re.compile(
    r"\A(?:opinion|commentary|editorial|analysis|column|op-?ed)\s*+[:|–—-]|[|–—(-]\s*+(?:opinion|commentary|editorial|"
    r"op-?ed)\s*+\)?\s*+\Z", re.IGNORECASE)
"""A title that labels its report an opinion piece ("Opinion: ...", "... – OpEd", "... | Commentary")."""


def opinion_piece(corpus: Corpus, doc: str) -> bool:
    """The report is labelled an opinion piece by its title or its section."""
    row = corpus.documents.get(doc, {})
    return any(OPINION_TITLE.search(str(row.get(key) or "")) for key in ("title", "section"))


def own_view(corpus: Corpus, s: Statement) -> bool:
    """What an opinion piece says in its own voice is its writer's view, however factual it reads ("North Korea's
    involvement establishes a new front"); what it reports a named source saying or confirming is still news."""
    return s.source_kind == "author" and opinion_piece(corpus, s.doc)


def _line(corpus: Corpus, lead: Statement, cited: list[Statement], kind: str, disputes, claim: str | None) -> BottomLine:
    sources = len({origin_doc(corpus, s.doc) for s in cited})
    parts = [f"{sources} independent source{'s' if sources != 1 else ''} ({'; '.join(_where(corpus, s.doc) for s in cited)})"]
    confirmers = [_who(corpus, s) for s in cited if s.status == "confirmed"]
    if confirmers:
        parts.append("confirmed by " + ", ".join(dict.fromkeys(confirmers)))
    against = []
    for s in cited:
        span = corpus.sentence_span(s.doc, s.start)
        against += disputes.get((s.doc, span[0]), [])
    if against:
        parts.append("disputed in " + ", ".join(dict.fromkeys(_where(corpus, e.doc) for e in against)))
    score = 2.0 * sources + _salience(lead) + (1.0 if confirmers else 0.0)
    return BottomLine(text=lead.text, kind=kind, evidence=[_evidence(s) for s in cited], sources=sources,
                      detail="; ".join(parts), disputed=bool(against), claim=claim, score=round(score, 3))


def _figure_lines(corpus: Corpus, tables: list[FigureTable], limit: int = MAX_FIGURES) -> list[BottomLine]:
    """Each estimate of a measure that several reports give, and who gives it."""
    figures = {record_id("f", f): f for f in corpus.figures}
    lines = []
    for table in tables:
        rows = [r for r in table.rows if r.figure in figures]
        docs = {origin_doc(corpus, r.doc) for r in rows}
        if len(docs) < 2 or setting(table.counts) or _tally(corpus, [figures[r.figure] for r in rows]) or not _one_count(
                corpus, [figures[r.figure] for r in rows]):
            continue
        seen, parts, evidence = set(), [], []
        for r in rows:
            value = format_value(r)
            if (value, r.source) in seen:
                continue
            seen.add((value, r.source))
            parts.append(f"{value} ({r.source or corpus.outlet(r.doc)})")
            f = figures[r.figure]
            sentence = corpus.sentence_evidence(f.doc, f.start)
            if (sentence.doc, sentence.start) not in {(e.doc, e.start) for e in evidence}:
                evidence.append(sentence)
        sources = len({origin_doc(corpus, e.doc) for e in evidence})
        lines.append(BottomLine(
            text=f"{table.measure}: " + "; ".join(parts[:6]) + ("; …" if len(parts) > 6 else ""), kind="figure",
            evidence=evidence, sources=sources, detail=f"{table.assessment}; {sources} independent sources",
            disputed=table.assessment == "contradiction", claim=table.id, score=2.0 * sources + len(rows) * 0.1))
    lines.sort(key=lambda b: (-b.score, b.text))
    return lines[:limit]


def setting(counts: str) -> bool:
    """The measure is a distance or an age ("some 1,400 km away", "a seven-year-old girl"): where a place lies or
    how old someone is, the setting of the news that each report gives of its own place or person, not a count
    the reports estimate of one thing."""
    unit = (counts or "").removeprefix("unit:")
    return unit in LENGTH_UNITS or unit in ("km", "miles") or unit.endswith(" of age")


def _one_count(corpus: Corpus, figures: list) -> bool:
    """Two reports count the same thing (each names its counted noun: "40 soldiers", "some 60 soldiers"): the
    estimates of one measure. A table whose reports each count another kind of person or thing ("12 nurses"
    killed in one, "300 fishermen" in another) gathers different events under one heading. Where fewer than
    two reports name what they count, nothing tells."""
    docs: dict[str, set[str]] = {}
    for f in figures:
        if f.unit:
            docs.setdefault(f.unit, set()).add(origin_doc(corpus, f.doc))
    return len(set().union(*docs.values())) < 2 or any(len(found) >= 2 for found in docs.values())


def _tally(corpus: Corpus, figures: list) -> bool:
    """The figures are the parts of one count, each report giving them all together ("the vote was 79 to 18",
    "passed by a 79-18 vote"): a split, not estimates that differ."""
    values = {f.text for f in figures}
    if len(values) < 2:
        return False
    for f in figures:
        sentence = corpus.sentence_evidence(f.doc, f.start).text
        if sum(re.search(rf"(?<![\d.,]){re.escape(v)}(?![\d])", sentence) is not None for v in values) < 2:
            return False
    return True


def _dispute_lines(corpus: Corpus, conflicts: Iterable[Conflict], facts: list[BottomLine],
                   limit: int = MAX_DISPUTES) -> list[BottomLine]:
    """A claim stated by one source and denied, negated or doubted by another: the claim's sentence, then
    the denial's, with who says each. A claim already led with as a fact carries its dispute there."""
    led = {(e.doc, e.start) for line in facts for e in line.evidence[:1]}
    corroborating = {(e.doc, e.start) for line in facts for e in line.evidence[1:]}
    by_doc: dict[str, list[Statement]] = {}
    for s in corpus.statements:
        by_doc.setdefault(s.doc, []).append(s)

    def body(side: Evidence) -> Evidence:
        """The side's sentence without what the splitter left around it (a headline, blank lines)."""
        inside = [s for s in by_doc.get(side.doc, []) if side.start <= s.start and s.end <= side.end]
        if not inside:
            return side
        return corpus.evidence(side.doc, min(s.start for s in inside), max(s.end for s in inside))

    def commentary(side: Evidence) -> bool:
        """A view disputed is still a view: the claim's side says only what someone thinks."""
        inside = [s for s in by_doc.get(side.doc, []) if side.start <= s.start and s.end <= side.end]
        return bool(inside) and all(is_commentary(s) for s in inside)

    lines = []
    for c in conflicts:
        if c.kind not in ("status", "negation") or len(c.sides) != 2:
            continue
        claim, denial = (body(side) for side in c.sides)
        if (claim.doc, claim.start) in led or len((claim.text or "").split()) > MAX_WORDS or commentary(claim):
            continue
        sources = len({origin_doc(corpus, e.doc) for e in c.sides})
        detail = c.summary.split(": “")[0]
        if (claim.doc, claim.start) not in corroborating:
            lines.append(BottomLine(text=claim.text, kind="disputed", evidence=[claim, denial], sources=sources,
                                    detail=detail, disputed=True, claim=c.id, score=2.0 * sources))
        # else a fact line cites the claim's sentence among its sources: it is that line's claim, told again
        led.add((claim.doc, claim.start))
        if (c.kind == "status" and (denial.doc, denial.start) not in led and _named_denial(corpus, denial)
                and not _stale(corpus, denial)):
            # who denies it is a fact an analyst leads with too: the denial's own line, its sentence first
            lines.append(BottomLine(text=denial.text, kind="disputed", evidence=[denial, claim], sources=sources,
                                    detail="denies: " + detail, disputed=True, claim=c.id, score=2.0 * sources))
            led.add((denial.doc, denial.start))
    return _distinct(lines)[:limit]


def _denial_lines(corpus: Corpus, led: list[BottomLine], disputes, limit: int = MAX_DENIALS) -> list[BottomLine]:
    """Who denies what, by name ("the company denied that the brakes had failed"), where no conflict pairs
    the denial with the claim it answers. Not a denial whose source is only a pronoun ("we deny ...": who denies
    is told elsewhere), nor "deny" with a thing withheld from someone ("we deny their ships access to the ports",
    ``WITHHELD``): an act, no denial of a claim."""
    cited = {(e.doc, e.start) for line in led for e in line.evidence}
    lines = []
    for s in sorted(corpus.statements, key=lambda s: (s.doc, s.start)):
        refused = refusal(s)
        if ((not refused and (s.source_kind != "named" or probe_status(s) != "denied")) or not is_factual(s)
                or is_commentary(s) or len(s.text.split()) > MAX_WORDS or (s.doc, s.start) in cited
                or old_denial(corpus, s)
                or POSSIBLE.search(s.text) or (not refused and (WITHHELD.search(s.text)
                                                                or _who(corpus, s).lower() in PRONOUN_SOURCE))):
            continue
        # the whole sentence where it is short: "X said P, but Y denied that P" gives the claim and its denial
        sentence = corpus.sentence_evidence(s.doc, s.start)
        if any(d == s.doc and sentence.start <= at < sentence.end for d, at in disputes):
            continue  # a conflict's side: a dispute line, or one not led with (a view denied)
        if len((sentence.text or "").split()) <= MAX_WORDS:
            text = sentence.text.rstrip()
            s = replace(s, start=sentence.start, end=sentence.start + len(text), text=text)
        line = _line(corpus, s, [s], "disputed", disputes, None)
        who = (corpus.name(s.agent) or s.agent) if refused else _who(corpus, s)
        line.detail = f"{'refused' if refused else 'denied'} by {who} ({_where(corpus, s.doc)})"
        line.disputed = True
        lines.append(line)
    lines.sort(key=lambda b: (-b.score, b.evidence[0].doc, b.evidence[0].start))
    return _distinct(lines)[:limit]


PRONOUN_SOURCE = STAND_IN | {"we", "i", "it", "us", "you"}
"""Sources that are only a pronoun: whoever they stand for is named in another sentence."""
REFUSED = re.compile(r"(?:refus|declin)", re.IGNORECASE)
"""Cue words of a refusal ("refused to condemn", "is refusing to go beyond", "declined to join"), matched at the start
of a statement's cue word."""


def refusal(s: Statement) -> bool:
    """A named actor refuses or declines to act ("the president refused to sign the bill", "the league declined to
    join the boycott"): who rejects what, a denial in deed, whoever reports it. The actor must be one the reports
    name (an actor id as the clause's agent), not a phrase ("many leaders"); a refusal to confirm or comment is
    what remains unconfirmed, not a refusal to act."""
    agent = s.agent or ""
    return (s.status == "negated" and ":" in agent and ":place:" not in agent
            and any(REFUSED.match(c) for c in s.cues or ()))


def _stale(corpus: Corpus, side: Evidence) -> bool:
    """Every denial the sentence holds is dated well before its report (``old_denial``)."""
    inside = [s for s in corpus.statements if s.doc == side.doc and side.start <= s.start < side.end
              and (s.status in ("denied", "negated") or probe_status(s) == "denied")]
    return bool(inside) and all(old_denial(corpus, s) for s in inside)


def _named_denial(corpus: Corpus, side: Evidence) -> bool:
    """The sentence is a source's denial or rejection (not the report's own doubt), short enough to lead with."""
    inside = [s for s in corpus.statements if s.doc == side.doc and side.start <= s.start < side.end]
    return len((side.text or "").split()) <= MAX_WORDS and any(
        s.source_kind != "author" and probe_status(s) == "denied" for s in inside)


def _unconfirmed_lines(corpus: Corpus, disputes, led: list[BottomLine], limit: int = MAX_UNCONFIRMED) -> list[BottomLine]:
    """What a named source says has not been confirmed, and who says so (unless a line above quotes it)."""
    lines = []
    quoted = _first_citations(led)
    for s in corpus.statements:
        if any(start <= s.start < end for start, end in quoted.get(s.doc, ())):
            continue  # a line above quotes its sentence
        if not is_factual(s) or probe_status(s) != "unconfirmed" or not (DOUBT.search(s.text) or UNSETTLED.search(s.text)):
            continue
        # who doubts it must be known: the actors it names, the named source that says it is unconfirmed, or the
        # doubter the sentence names as its subject ("Inspectors have not confirmed whether ...")
        if len(s.text.split()) > MAX_WORDS or not (s.actors or s.source_kind == "named" or DOUBTER.search(s.text)):
            continue
        line = _line(corpus, s, [s], "unconfirmed", disputes, None)
        by, doubter = BY_WHOM.search(s.text), DOUBTER.search(s.text)
        whom = f"; not yet confirmed by {by.group(1)}" if by else ""
        who = doubter.group(1) if doubter and s.source_kind == "author" else _who(corpus, s)
        where = _where(corpus, s.doc)
        said = f"unconfirmed in the report's own words ({where})" if who == corpus.outlet(s.doc) else (
            f"unconfirmed according to {who} ({where})")
        line.detail = said + whom + (
            "; contradicts a claim stated elsewhere" if line.disputed else "")
        line.score = _salience(s) + (1.0 if line.disputed else 0.0) + (0.5 if s.source_kind == "named" else 0.0)
        lines.append(line)
    lines.sort(key=lambda b: (-b.score, b.evidence[0].doc, b.evidence[0].start))
    return _distinct(lines)[:limit]


def _commentary(corpus: Corpus) -> list[BottomLine]:
    """The author's own analysis and opinions: shown apart from the facts."""
    lines = []
    for s in corpus.statements:
        if s.source_kind != "author" or not (is_commentary(s) or own_view(corpus, s)) or len(s.text.split()) > MAX_WORDS:
            continue
        lines.append(BottomLine(text=s.text, kind="commentary", evidence=[_evidence(s)], sources=1,
                                detail=f"analysis by {_where(corpus, s.doc)}", score=_salience(s)))
    lines.sort(key=lambda b: (-b.score, b.evidence[0].doc, b.evidence[0].start))
    return _distinct(lines)[:MAX_COMMENTARY]


def _distinct(lines: list[BottomLine]) -> list[BottomLine]:
    seen, out = set(), []
    for line in lines:
        key = " ".join(line.text.lower().split())
        if key not in seen:
            seen.add(key)
            out.append(line)
    return out


def bottom_line(corpus: Corpus, claims: list[Cluster], conflicts: list[Conflict],
                tables: list[FigureTable]) -> list[BottomLine]:
    """The lines an analyst leads with, then commentary: each section's best lines (``SURE``) and every other
    candidate line (``candidates``) the ranking model (``bottomline_rank``) gives at least ``KEEP`` (``KEEP_SHARED``
    for a claim several reports state), most probable first, no sentence quoted twice, at most ``MAX_SHOWN``."""
    from storyline.analysis import bottomline_rank as rank

    if not RANKED:
        return candidates(corpus, claims, conflicts, tables, capped=True)
    pool = candidates(corpus, claims, conflicts, tables, capped=False)
    lines = [line for line in pool if line.kind != "commentary"]
    leads = quoted_statements(corpus, lines)
    # a line a reader cannot understand without the sentence before it is no line to lead with
    kept_leads = [(line, lead) for line, lead in zip(lines, leads)
                  if line.kind == "figure" or not leans_on_context(line.text, lead.source_text if lead else None)]
    # nor a line of fact that opens with a quotation: a speaker's own words, often a piece of a longer quotation,
    # where the report tells the news in its own words elsewhere (a dispute or a doubt quoted is its section's)
    kept_leads = [(line, lead) for line, lead in kept_leads
                  if not (line.kind in AGREE_KINDS and OPENING_QUOTE.match(line.text))]
    lines, leads = [line for line, _ in kept_leads], [lead for _, lead in kept_leads]
    features = line_features(corpus, lines, leads)
    scored = [(rank.probability(f), line) for line, f in zip(lines, features)]
    # a claim several reports state needs only KEEP_SHARED, unless it opens with a pronoun ("He added that ..."):
    # read alone it cannot say whom it is about, and sharing it does not mend that; nor a quotation's own words
    # that several reports print (a speech's phrase) or what is said not to be so (``KEEP_SHARED``)
    copies = rewritten(corpus, lines)
    shared = {id(line) for line, f in zip(lines, features)
              if line.sources >= 2 and line.kind in ("fact", "confirmation") and not f["pronoun"]
              and not f["quoted"] and not f["denied"] and _pair(corpus, line) not in copies}
    # the estimates with who gives each, the disputes and what remains unconfirmed are sections of their own, built
    # by their own rules: each section's best lines (``SURE``) are shown whatever the model gives them, and no
    # further line of it but further figure tables the model keeps (``MORE``); a line that opens with a pronoun
    # cannot say alone whom it is about and is not sure
    sections: dict[str, list[BottomLine]] = {}
    for line in lines:  # a quotation's own "we" is its speaker's: only an open pronoun leans on the line before
        if line.kind in SURE and not rank.PRONOUN.match(line.text) and not QUOTED_PRONOUN.match(line.text):
            sections.setdefault(line.kind, []).append(line)
    sure_ids = {id(line) for kind, found in sections.items() for line in found[:SURE[kind]]}
    kept, quoted = [], set()
    # the sure lines claim their sentences first (a lede that quotes a named denial's sentence is that denial's
    # line), then the model's lines, most probable first; at most MAX_SHOWN, the sure lines kept first
    for p, line in sorted(scored, key=lambda x: (id(x[1]) not in sure_ids, -x[0], x[1].evidence[0].doc,
                                                 x[1].evidence[0].start)):
        first = (line.evidence[0].doc, line.evidence[0].start) if line.kind != "figure" else (line.claim, -1)
        sure = id(line) in sure_ids
        least = rank.KEEP_SHARED if id(line) in shared else rank.KEEP
        if (p < least or line.kind in SURE and line.kind not in MORE) and not sure or first in quoted:
            continue
        quoted.add(first)
        line.score = round(p, 3)
        kept.append(line)
    shown = sorted(kept[:MAX_SHOWN], key=lambda line: (-line.score, line.evidence[0].doc, line.evidence[0].start))
    return shown + [line for line in pool if line.kind == "commentary"]


REWRITE_LINES = 3
"""Claims two reports, and only they, share: this many make one a rewrite of the other (``rewritten``)."""


def _pair(corpus: Corpus, line: BottomLine) -> frozenset[str]:
    return frozenset(origin_doc(corpus, e.doc) for e in line.evidence)


def rewritten(corpus: Corpus, lines: list[BottomLine]) -> set[frozenset[str]]:
    """Pairs of reports of which one retells the other (a translation, a rewrite of a wire story): they alone share
    ``REWRITE_LINES`` claims or more, the setting and asides as well as the news, told in the same order. What only
    the two of them state is one source's account told twice, not two reports that each found it, and needs the
    model's full bar. Two reports that each found the news tell it each in its own order."""
    pairs: dict[frozenset[str], list[tuple[int, int]]] = {}
    for line in lines:
        if line.kind in ("fact", "confirmation") and line.sources == 2 and len(line.evidence) == 2:
            first, second = sorted(line.evidence, key=lambda e: e.doc)
            pairs.setdefault(_pair(corpus, line), []).append((first.start, second.start))
    return {pair for pair, at in pairs.items() if len(at) >= REWRITE_LINES
            and [b for _, b in sorted(at)] == sorted(b for _, b in at)}


RANKED = True
"""Rank and keep lines by the model (``bottomline_rank``); False: the fixed sections and caps of
``candidates``."""
MAX_SHOWN = 8
"""The most lines of fact the ranked bottom line shows, most probable first: on the real-text dev split the 9th and
10th lines were all outside its gold (bottom-line precision 0.651 -> 0.667 at the same recall), and on eleven
hand-labelled sets of non-test reports the cap cost no wanted line."""
SURE = {"figure": 1, "unconfirmed": 1, "disputed": 2}
"""How many of each section's best lines are shown whatever the ranking model gives them: the estimates with who
gives each, what remains unconfirmed and by whom, a dispute and a named denial are what an analyst leads with, and
the model, fitted on stories whose gold seldom holds them, scores a denial or a doubt low. More of them showed lines
outside the gold on the real-text dev split (bottom-line precision 0.683 -> 0.585 with the sections' full caps)."""

MORE = {"figure"}
"""Sections whose further lines (after their ``SURE`` ones) are shown where the model gives them at least ``KEEP``:
each figure table is a measure of its own (troops massed, troops sent, people displaced), and who gives how many
of each is what an analyst leads with; further disputes and doubts mostly retell the ones shown."""


def quoted_statements(corpus: Corpus, lines: list[BottomLine]) -> list[Statement | None]:
    """The statement each line quotes: the first that starts inside its first citation (None for a figure
    table, which quotes no one statement)."""
    by_doc: dict[str, list[Statement]] = {}
    for s in corpus.statements:
        by_doc.setdefault(s.doc, []).append(s)
    out: list[Statement | None] = []
    for line in lines:
        e = line.evidence[0]
        inside = [s for s in by_doc.get(e.doc, []) if e.start <= s.start < max(e.end, e.start + 1)]
        out.append(min(inside, key=lambda s: s.start) if inside and line.kind != "figure" else None)
    return out


def line_features(corpus: Corpus, lines: list[BottomLine],
                  leads: list[Statement | None] | None = None) -> list[dict[str, float]]:
    """Each line's features for the ranking model (``bottomline_rank.features``); ``leads``: the statements the
    lines quote (``quoted_statements``), where the caller has them."""
    from storyline.analysis import bottomline_rank as rank

    opening: dict[str, int] = {}  # each report's first statement
    for s in corpus.statements:
        opening[s.doc] = min(opening.get(s.doc, s.start), s.start)
    out = []
    for line, lead in zip(lines, quoted_statements(corpus, lines) if leads is None else leads):
        e = line.evidence[0]
        starts = corpus._starts.get(e.doc) or [0]
        # where the sentence stands among the report's sentences of prose: a dateline ("Hong Kong CNN —"), a
        # headline or a byline before the first statement holds none, and the lede is the sentence after it
        first = max(0, bisect.bisect_right(starts, opening.get(e.doc, 0)) - 1)
        at = max(0, bisect.bisect_right(starts, e.start) - 1 - first)
        view = lead is not None and (is_commentary(lead) or lead.status in HEDGED or hypothetical(lead))
        texts = {" ".join(x.text.split()) for x in line.evidence}
        verbatim = line.kind != "figure" and len(line.evidence) > 1 and len(texts) == 1
        out.append(rank.features(line, lead, at / max(1, len(starts) - 1 - first), view, verbatim,
                                 lead is not None and decision(corpus, lead)))
    return out


def candidates(corpus: Corpus, claims: list[Cluster], conflicts: list[Conflict],
               tables: list[FigureTable], capped: bool = True) -> list[BottomLine]:
    """Facts first (corroborated claims and confirmations, by rank), then figures, then what remains
    unconfirmed, then commentary. ``capped``: each section to its own limit (``MAX_FACTS``...); else every
    candidate of each, for the ranking model to choose from."""
    big = 1000
    statements = {statement_id(s): s for s in corpus.statements}
    disputes = _disputes(conflicts)
    facts = [line for c in claims if (line := _claim_line(corpus, c, statements, disputes))]
    in_claims = {sid for c in claims for sid in c.statements}
    for sid, s in statements.items():
        if (sid not in in_claims and s.status == "confirmed" and is_factual(s) and s.source_kind == "named"
                and len(s.text.split()) <= MAX_WORDS and s.actors and not is_commentary(s)
                and not is_background(corpus, s)):
            facts.append(_line(corpus, s, [s], "confirmation", disputes, None))
    facts.sort(key=lambda b: (-b.score, b.evidence[0].doc, b.evidence[0].start))
    facts = _distinct(facts)[:MAX_FACTS if capped else big]
    contested = _dispute_lines(corpus, conflicts, facts, MAX_DISPUTES if capped else big)
    if capped:
        facts = facts[:max(MAX_FACTS + 2 - len(contested), MAX_FACTS - MAX_DISPUTES)]
    figures = _figure_lines(corpus, tables, MAX_FIGURES if capped else big)
    # estimates that agree, each in a sentence a fact line already cites, are that line's fact again
    said = {(e.doc, corpus.sentence_span(e.doc, e.start)[0]) for line in facts + contested for e in line.evidence}
    # and so are estimates that all agree where a fact line quotes one of their sentences: the line gives the number
    quoted = {(e.doc, corpus.sentence_span(e.doc, e.start)[0]) for line in facts + contested for e in line.evidence[:1]}
    agreed = {t.id for t in tables if t.assessment == CONSISTENT}
    figures = [f for f in figures if f.disputed or not (all((e.doc, e.start) in said for e in f.evidence) or (
        f.claim in agreed and any((e.doc, e.start) in quoted for e in f.evidence)))]
    # a lede that gives a figure already tabled with who gives it is that line's fact again
    ledes = _lede_lines(corpus, facts + contested + figures, disputes, wide=not capped)
    if capped:
        ledes = ledes[:max(0, MAX_LEAD_LINES - len(facts) - len(contested))]
    led = facts + contested + ledes
    reversals = {(c.sides[0].doc, c.sides[0].start): c for c in conflicts
                 if c.kind == "evolution" and c.assessment == "denied, then acknowledged"}
    led += figures + _denial_lines(corpus, led, {**disputes, **dict.fromkeys(reversals, [])}, MAX_DENIALS if capped else big)
    for line in led:  # an acknowledgment leads as the end of its source's earlier denial
        for c in reversals.values():
            if (line.evidence[0].doc, line.evidence[0].start) == (c.sides[1].doc, c.sides[1].start):
                line.detail = "; ".join(filter(None, [line.detail, f"reverses a denial ({_where(corpus, c.sides[0].doc)})"]))
    led += _unconfirmed_lines(corpus, disputes, led, MAX_UNCONFIRMED if capped else big)
    led += _report_lines(corpus, led, disputes, MAX_LINES if capped else REPORT_POOL)
    return agreeing(corpus, led) + _commentary(corpus)


AGREE_KINDS = ("fact", "confirmation", "report")
"""Lines that may state one proposition in other words than another line (``agreeing``)."""
STAND_IN_AGENT = frozenset({"it", "they", "we", "he", "she", "i"})
"""A clause's agent that is only a pronoun for its source ("Moscow says it is moving troops"): the source acts."""


def proposition(s: Statement) -> tuple[str, str, str, bool] | None:
    """Who does what to what, as the parse reads the clause: (the agent's actor id, the predicate's synonym class,
    the theme's actor id or head word, whether it says it is not so). None where any part is missing, the agent
    is no actor the reports name, or the clause is a hedge: such lines are never taken for one another."""
    from storyline.nlp.propositions import CLASSES

    if s.predicate_class not in CLASSES or not is_factual(s) or s.status in HEDGED or not s.theme:
        return None
    agent = s.agent or ""
    if agent.lower() in STAND_IN_AGENT and s.source:
        agent = s.source
    if ":" not in agent or ":place:" in agent:
        return None
    theme = s.theme if ":" in s.theme else s.theme.lower().split()[-1]
    return agent, s.predicate_class, theme, _against(s)


def agreeing(corpus: Corpus, lines: list[BottomLine]) -> list[BottomLine]:
    """Lines that state one proposition (``proposition``: one actor doing one class of thing to one thing, "Moscow
    says it is moving troops away", "Russia reports that it withdraws its troops") in reports of other origins,
    published within days of each other and giving no numbers that differ, are one line: the first (the better
    ranked) cites the others' sentences as further independent sources, where the claims, told in other words,
    were not grouped."""
    from storyline.analysis.claims import _concurrent, _dates_compatible

    leads = quoted_statements(corpus, lines)
    out: list[BottomLine] = []
    keyed: dict[tuple, list[tuple[int, Statement]]] = {}
    gone: set[int] = set()
    merged: dict[int, list[Evidence]] = {}
    for n, (line, lead) in enumerate(zip(lines, leads)):
        key = proposition(lead) if lead is not None and line.kind in AGREE_KINDS else None
        if key is None:
            continue
        numbers = set(text_numbers(lead.text))
        for m, first in keyed.get(key, []):
            other = set(text_numbers(first.text))
            if (m in gone or not _concurrent(corpus, first, lead) or not _dates_compatible(first.date, lead.date)
                    or (numbers and other and not numbers & other)):
                continue
            origins = {origin_doc(corpus, e.doc) for e in lines[m].evidence + merged.get(m, [])}
            if {origin_doc(corpus, e.doc) for e in line.evidence} <= origins:
                continue
            merged.setdefault(m, []).extend(line.evidence)
            gone.add(n)
            break
        else:
            keyed.setdefault(key, []).append((n, lead))
    for n, line in enumerate(lines):
        if n in gone:
            continue
        if n in merged:
            line = _agreed(corpus, line, merged[n])
        out.append(line)
    return out


def _agreed(corpus: Corpus, line: BottomLine, others: list[Evidence]) -> BottomLine:
    """The line with the sentences the lines that state its proposition in other words cite after its own, one
    for each origin it does not cite yet."""
    evidence = list(line.evidence)
    origins = {origin_doc(corpus, e.doc) for e in evidence}
    for e in others:
        if origin_doc(corpus, e.doc) not in origins:
            evidence.append(e)
            origins.add(origin_doc(corpus, e.doc))
    sources = len(origins)

    def head(n: int, cited: list[Evidence]) -> str:
        return f"{n} independent source{'s' if n != 1 else ''} ({'; '.join(_where(corpus, e.doc) for e in cited)})"

    before = head(line.sources, line.evidence)  # the count and the reports, then who confirms and who disputes
    rest = line.detail[len(before):].lstrip("; ") if line.detail.startswith(before) else line.detail
    detail = "; ".join(filter(None, [head(sources, evidence), rest]))
    return replace(line, kind="fact" if line.kind == "report" else line.kind, evidence=evidence, sources=sources,
                   detail=detail, score=round(line.score + 2.0 * (sources - line.sources), 3))


def _first_citations(lines: list[BottomLine]) -> dict[str, list[tuple[int, int]]]:
    """The spans the lines quote first (each line's first citation), by document: a statement inside one is
    already quoted."""
    out: dict[str, list[tuple[int, int]]] = {}
    for line in lines:
        e = line.evidence[0]
        out.setdefault(e.doc, []).append((e.start, e.end))
    return out


CONDITIONAL = re.compile(r"\b(?:if|unless)\b", re.IGNORECASE)
FUTURE = re.compile(r"\b(?:will|would|shall)\b|['’]ll\b", re.IGNORECASE)
OPENING_QUOTE = re.compile("\\A[\"“‘']")


def _lede_news(s: Statement) -> bool:
    """A report's first statement is its news when it states a fact, or says what a source announced,
    offered or committed to ("X has invited Y to visit", "X told Y it will send aid quickly", "X is to back
    Y's bid, according to reports"): a decision or an offer is news. Not a hedge, not what may happen under a
    condition ("there will be war if ..."), not the report's own forecast, and not a quotation the report
    opens with for colour (the news follows it)."""
    if OPENING_QUOTE.match(s.text) or s.source_kind == "quoted" or fragment(s):
        return False
    if is_factual(s):
        # "there will be hundreds of thousands of soldiers if there is aggression": a threat, not what happened
        return s.status in LEDE_STATUSES and not (CONDITIONAL.search(s.text) and FUTURE.search(s.text))
    return (s.kind in ANNOUNCED and s.source_kind in ("named", "anonymous") and s.status in ANNOUNCED_STATUSES
            and not CONDITIONAL.search(s.text))


BARE_SOURCE = re.compile(r"\A\s*(?:some|many|most|several|few|others?|they|one)\s*\Z", re.IGNORECASE)
"""A source that is only a determiner or a pronoun ("some", "many", "others"): no one on record."""


def analysis(s: Statement) -> bool:
    """A view, a warning or a forecast by those whose trade is reading events ("As military analysts warn of an
    invasion, they are watching the weather"): analysis, even on record, not a source's news."""
    return COMMENTATOR.search(s.source_text or "") is not None and is_commentary(s)


def heading(s: Statement) -> bool:
    """The statement is a noun phrase with no clause ("A look at the new border base"): its parse finds no one who
    acts and takes the phrase's head noun for the predicate. A heading or a teaser, not the report's news."""
    verb = s.predicate or ""
    return (not s.agent and verb.isalpha()
            and re.match(rf"(?:an?|the)\s++(?:[\w-]+\s+)?{re.escape(verb)}\b", s.text, re.IGNORECASE) is not None)


CREDIT = re.compile(r"\([^()\n]{3,160}\)|(?:photo|image|picture|credit)s?\s{0,3}(?::|by\b)", re.IGNORECASE)
"""A photo credit ("(Jane Roe/Agency/Picture Desk)", "Photo: ...", "Image by ..."), which follows a caption; a
parenthesis is a credit where a slash parts its names."""


def caption(corpus: Corpus, s: Statement) -> bool:
    """The statement's sentence is a photo's caption: a credit follows it ("X speaks at a conference in 2018.
    (Jane Roe/Agency/Picture Desk)"). What the picture shows is no lede; the report's news follows."""
    text = corpus.documents.get(s.doc, {}).get("text") or ""
    at = max(corpus.sentence_span(s.doc, s.start)[1], s.end)
    at += len(text[at:at + 200]) - len(text[at:at + 200].lstrip())
    credit = CREDIT.match(text, at)
    return credit is not None and (not credit.group(0).startswith("(") or "/" in credit.group(0))


def _lede_lines(corpus: Corpus, led: list[BottomLine], disputes, wide: bool = False) -> list[BottomLine]:
    """Each original report's lede: its first statement of fact, which news writing puts first because
    it is the report's main news. One source each, so after the corroborated facts, most salient first.
    ``wide``: also a lede that gives a named or anonymous source's view, warning or hedge on record ("the
    NATO chief said the West must prepare for a long war"), as a ``report`` line for the ranking model to
    weigh; never the report's own view."""
    cited = [(e.doc, e.start, e.end) for line in led for e in line.evidence]
    first: dict[str, Statement] = {}
    for s in sorted(corpus.statements, key=lambda s: (s.doc, s.start)):
        if s.doc in first or origin_doc(corpus, s.doc) != s.doc:
            continue
        if (LEDE_MIN_WORDS <= len(s.text.split()) <= MAX_WORDS and s.kind != "question" and not heading(s)
                and not caption(corpus, s)
                and not (s.source_kind != "author" and commentator(corpus, s.source, s.source_text, s.doc))):
            first[s.doc] = s  # a question, a heading, a photo's caption or a commentator's word that opens a report
            # (an analyst's reading of the news, however factual it reads): the report's own news follows
    # A report that opens with a view, a stance or a hedge has no lede of fact: the next sentence is not its news.
    lines = [_line(corpus, s, [s], "fact", disputes, None) for s in first.values()
             if not any(d == s.doc and a <= s.start < b for d, a, b in cited) and _lede_news(s)
             and not is_commentary(s) and not is_background(corpus, s) and not own_view(corpus, s)
             and not appeal(corpus, s) and not motive_reading(corpus, s)
             and not standing(s)]
    if wide:
        shown = {(b.evidence[0].doc, b.evidence[0].start) for b in lines}
        lines += [_line(corpus, s, [s], "report", disputes, None) for s in first.values()
                  if (s.doc, s.start) not in shown and s.source_kind in ("named", "anonymous")
                  and not _against(s) and probe_status(s) not in ("denied", "unconfirmed")  # lines of their own
                  and not any(d == s.doc and a <= s.start < b for d, a, b in cited)
                  and not OPENING_QUOTE.match(s.text) and not fragment(s) and not is_background(corpus, s)
                  and not analysis(s) and not BARE_SOURCE.match(s.source_text or "") and not appeal(corpus, s) and not motive_reading(corpus, s)]
    lines.sort(key=lambda b: (-b.score, b.evidence[0].doc, b.evidence[0].start))
    return _distinct(lines)


def _report_lines(corpus: Corpus, led: list[BottomLine], disputes, limit: int = MAX_LINES) -> list[BottomLine]:
    """Where the lines above leave room, each report's next news after its lede: what a named source did, found
    or said is so or not so (an official's act or assessment), most salient first, one report at a time so that
    every report gets its say before any gets a second line. Not a view, not background, not a hedge."""
    room = limit - len(led)
    if room <= 0:
        return []
    cited = [(e.doc, e.start, e.end) for line in led for e in line.evidence]
    counted = {n for line in led if line.kind != "figure" for n in text_numbers(line.text)}
    per_doc: dict[str, list[BottomLine]] = {}
    for s in corpus.statements:
        if (origin_doc(corpus, s.doc) != s.doc or s.source_kind != "named" or not is_factual(s)
                or s.status not in REPORT_STATUSES or is_commentary(s) or old_denial(corpus, s) or appeal(corpus, s) or motive_reading(corpus, s)
                or is_background(corpus, s) or POSSIBLE.search(s.text) or OPENING_QUOTE.match(s.text)
                or not LEDE_MIN_WORDS <= len(s.text.split()) <= MAX_WORDS
                or any(d == s.doc and a <= s.start < b for d, a, b in cited) or not _act_or_finding(s)
                or counted & set(text_numbers(s.text))):  # a count a line above gives, told again
            continue
        per_doc.setdefault(s.doc, []).append(_line(corpus, s, [s], "report", disputes, None))
    for lines in per_doc.values():
        lines.sort(key=lambda b: (-b.score, b.evidence[0].start))
    order = sorted(per_doc, key=lambda d: (-per_doc[d][0].score, d))
    out: list[BottomLine] = []
    for rank in range(max((len(v) for v in per_doc.values()), default=0)):
        out += [per_doc[d][rank] for d in order if rank < len(per_doc[d])]
    return _distinct(out)[:room]


def _act_or_finding(s: Statement) -> bool:
    """The statement tells an act (a verb of the synonym classes: sent, struck, met, signed, sanctioned...), a
    number, or a confirmation, denial or negation: what a reader keeps, beside what a source feels or recounts."""
    from storyline.nlp.propositions import CLASSES

    return (s.predicate_class in CLASSES or s.status in ("confirmed", "denied", "negated")
            or any(ch.isdigit() for ch in s.text))
