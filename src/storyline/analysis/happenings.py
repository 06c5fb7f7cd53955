"""Which dated records tell one happening, and which ledes their report's date places.

The timeline (analysis/timeline.py) lists happenings; reports tell one happening in other words
and from other angles. These rules say when two entries of one day are the same happening, and
when a report's lede, undated, is still the news of its day.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from functools import lru_cache

from storyline.analysis.dating import IRREGULAR_PAST, past_word
from storyline.analysis.doubtful import acting_subject, names_speaker
from storyline.models import Event, Statement, TimeRef
from storyline.nlp.dates import date_interval

NOT_HAPPENED = {"negated", "denied", "possible"}
# Predicates of states, not happenings: "the package approved on Saturday includes ...", "the
# Friday teleconference was another such undertaking" describe something; what happened is told elsewhere.
STATE_PREDICATES = frozenset({"be", "include", "contain", "remain", "consist", "comprise", "belong", "seem",
                              "exist", "mean", "resemble", "equal", "lack", "deserve"})
# Predicates of speaking: one person's remarks of one day are one happening however many reports tell them.
SPEAKING = frozenset({"say", "speak", "tell", "warn", "address", "announce", "state", "declare", "add", "insist",
                      "note", "stress", "remark", "comment", "brief"})
SAYING_WORDS = frozenset("said says told tells added adds stated noted commented remarked stressed insisted".split())
RE_COUNTRY = re.compile(r"^kb:[A-Z]{3}$")
TELLING = SPEAKING | {"remind", "recall", "report", "confirm", "publish", "release"}
"""Predicates by which a body tells of its own act."""
# A lede's main verb group in the present perfect: a subject of a few words (appositions allowed),
# then "has/have" and a participle ("The UK foreign secretary, Liz Truss, has warned ...").
RE_NEWS_PERFECT = re.compile(
    r"^\s*(?:(?!(?:is|are|was|were)\b)[\w’'.\-]+,?\s+){1,14}?(?<!\bthat )(?<!\bwhich )(?<!\bwho )"
    r"(?:has|have)\s+(?:(?:also|now|just|already|officially|formally)\s+)?"
    r"(?P<verb>[a-z]+)\b(?P<after>\s+[a-z]+ed\b)?"
)
"""The subject holds no copula and "has" does not open a relative clause: in "Russia is looking to
..., a country that has a troubled past" the "has" is not the lede's verb group."""
RE_HABITUAL = re.compile(r"\b(?:repeatedly|regularly|often|frequently|long|always|consistently|continually|"
                         r"increasingly|for\s+(?:years|months|decades))\b", re.I)
"""A lede telling a habit, not an act ("X has repeatedly spoken about ..."): no happening of its day."""
RE_SPAN = re.compile(r"\b(?:since|throughout|so\s+far|to\s+date|thus\s+far|over\s+the\s+(?:past|last)|in\s+the\s+(?:past|last))\b",
                     re.I)
"""A lede telling a tally over a stretch of time ("More than 500 children have been killed since the
invasion began in 2022", "Floods have displaced 20,000 people so far"), or what someone has done all
through one ("has chosen his words carefully throughout the crisis"): no happening of its day."""
NOT_PARTICIPLES = frozenset({"to", "not", "no", "never", "long", "been", "a", "an", "the", "some", "its", "their",
                             "his", "her", "many", "more", "much", "little", "few", "all"})
REPORT = "report"
"""Precision of a date that is the report's own publication date (see ``lede_dating``)."""
RE_WORD = re.compile(r"[a-z][a-z'’\-]{2,}|\d+(?:[.,]\d+)?")
FUNCTION_WORDS = frozenset(
    "the and for that with from this was were has have had been its their his her they them said says say "
    "are not but also after before into onto over under about more than some other which who whom what when "
    "where while will would could should may might can did does one two three its it's".split())
DATE_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august "
    "september october november december today yesterday tomorrow week month year morning afternoon evening "
    "night weekend last next earlier later".split())
NOT_CONTENT = FUNCTION_WORDS | DATE_WORDS
"""Words that tell no happening apart: joined once here, not for every word read."""
RE_CLAUSE_BREAK = re.compile(r",\s+(?:and|but|while|whereas)\s+|;\s+")
ALIKE_SHARE = 0.6
ALIKE_MIN_WORDS = 4
"""Two tellings of one day share ``ALIKE_SHARE`` of the shorter one's content words (at least
``ALIKE_MIN_WORDS`` of them) when they tell one happening."""
SAME_ACT_SHARED = 1
"""Two reports' entries of one day with the same doer and verb that share this many other content words
tell one act (see ``_same_act``)."""
SAME_REPORT_SHARED = 3
"""Entries of one report on one day that share this many actors tell one happening twice."""
TWICE_SHARED = 2
"""Entries of one report on one day whose dates attach to one verb, sharing this many other content
words, tell one act twice (see ``_told_twice``)."""
RETOLD_SHARED = 2
RETOLD_MAX_USES = 2
"""Entries of one report on one day that share ``RETOLD_SHARED`` words the report uses at most
``RETOLD_MAX_USES`` times ("the kindergarten in Stanytsia", told in the lede and again further down)
tell one happening twice."""


def lede_dating(lede: Statement, published: str | None, mentions: list[tuple[int, int, str | None]]) -> TimeRef | None:
    """The report's date for its lede when the lede tells, in the author's voice and the present
    perfect, what someone has just done ("The foreign secretary has warned of ...", "The prime
    minister has promised ..."): the news perfect places a happening on the day it is reported.
    Anything told through a source ("X has said that ...") is the source's content, not the act;
    and a lede whose subject is no one who acts ("The coup has exposed the weakness of ...", "The
    decision has rattled importers", see ``acting_subject``) tells an analysis or an effect, not an act
    of that day. ``mentions``: the report's actor mentions as ``(start, end, type)``."""
    if not published or lede.source_kind != "author" or lede.status != "asserted" or lede.date:
        return None
    if lede.kind in {"question", "recommendation"} or lede.predicate in STATE_PREDICATES:
        return None
    m = RE_NEWS_PERFECT.match(lede.text)
    if m is None or m["verb"].lower() in NOT_PARTICIPLES and not m["after"]:
        # The simple past ("The health ministry declared an outbreak ..."): the subject ends at its verb.
        m = past_lede(lede) or progressive_lede(lede, PROGRESSIVE_ACTS)
        if m is None or not acting_subject(lede, mentions, m.start()):
            return None
    elif not acting_subject(lede, mentions):
        return None
    if RE_HABITUAL.search(lede.text[:m.end() + 40]) or RE_SPAN.search(lede.text):
        return None
    return TimeRef(lede.doc, lede.start, lede.start, "", str(published)[:10], REPORT)


RE_LEDE_WORD = re.compile(r"[\w’'\-]+")
NOT_IN_SUBJECT = frozenset(
    "is are was were be been has have had will would can could may might must should shall does did do not "
    "as if when while after before although though because since until that who whom which whose what where "
    "says said according".split())
"""Words that show a lede's opening is no plain subject ("As analysts warn ...", "The deal that was signed ..."),
or that its verb is no simple past of the lede's own ("was not invited", "has said")."""
LEDE_SUBJECT_WORDS = 12


def past_lede(lede: Statement, verbs: frozenset[str] | None = None) -> re.Match | None:
    """The verb of a lede that tells in the simple past, with no day, what its subject did ("The leader of Belarus
    announced that ...", "Russia assailed the United States for ...", "X met the heads of ..."): the wire's lede of
    the day's news, dated like the news perfect by its report. The verb is the first past word within
    ``LEDE_SUBJECT_WORDS`` words, after a subject holding no auxiliary, subordinator or relative pronoun
    (``NOT_IN_SUBJECT``): one of ``verbs`` when given, else the lede's own predicate (a regular form of it, or an
    irregular simple past other than of saying or of the mind)."""
    predicate = getattr(lede, "predicate", None)
    if not predicate or not lede.text[:1].isupper() or verbs is None and predicate in MIND:
        return None
    stem = predicate[:-1] if len(predicate) > 3 and predicate.endswith("e") else predicate
    for n, w in enumerate(RE_LEDE_WORD.finditer(lede.text)):
        word = w.group(0).lower()
        if n >= LEDE_SUBJECT_WORDS:
            return None
        if n and w.group(0).islower() and past_word(lede.text, w.start()):
            if verbs is not None:
                return w if word in verbs and not _second_doer(lede.text, w) else None
            irregular = word in IRREGULAR_PAST and word not in NOT_ACTS and not word.endswith(("en", "wn", "un", "one"))
            return w if (word.startswith(stem) or irregular) and not _second_doer(lede.text, w) else None
        if word in NOT_IN_SUBJECT:
            return None
    return None


RE_SECOND_DOER = re.compile(r",\s{1,3}(?:and|while|whereas|but)\s{1,3}(?:the\s{1,3})?(?P<doer>[A-Z][\w’'\-]*(?:\s{1,3}[A-Z][\w’'\-]*){0,3})"
                            r"\s{1,3}(?:also\s{1,3})?(?=[a-z])")
"""A clause joined to a lede's own with a named subject of its own ("..., and Germany increased ...")."""


def _second_doer(text: str, verb: re.Match) -> bool:
    """Whether a lede in the simple past joins to its own act a second doer's act in the past ("The United States
    sent troops to Poland, and Germany increased its force in Lithuania"): a roundup of how things stand, not the
    news of one day. A second clause of telling ("..., and the Kremlin said more would follow") goes on with the act."""
    subject = text[:verb.start()].lower()
    for m in RE_SECOND_DOER.finditer(text, verb.end()):
        after = RE_LEDE_WORD.match(text, m.end())
        if after is None or not past_word(text, after.start()) or after.group(0).lower() in TELLING_PARTICIPLES:
            continue
        if not any(w.lower() in subject for w in m["doer"].split()):
            return True
    return False


RE_PROGRESSIVE = re.compile(r"\b(?P<aux>is|are)\s+(?:now\s+|also\s+)?(?P<verb>[a-z]+ing)\b")
RE_PLAIN_SUBJECT = re.compile(r"\A\s*(?:(?!(?:is|are|was|were|has|have|had|will|would|could|may|might|that|which|who)\b)"
                              r"[\w’'.\-]+,?\s+){1,14}")
PROGRESSIVE_ACTS = frozenset("arriving visiting travelling traveling touring meeting hosting holding heading".split())
PROGRESSIVE_TELLINGS = frozenset("warning calling urging accusing demanding pressing telling".split())
"""Verbs a lede tells in the present progressive as the news of its day: a visit or a meeting going on ("The
foreign minister is arriving in Kampala on the latest stop of his tour"), or someone speaking out ("Latvia is
calling on Australia to ..."); not a stretch of doing ("is looking to", "is spreading", "is bracing")."""


def progressive_lede(lede: Statement, verbs: frozenset[str]) -> re.Match | None:
    """The verb group of a lede in the present progressive of one of ``verbs`` ("is arriving"), after a plain
    subject of a few words (no auxiliary, no relative pronoun), or None."""
    m = RE_PROGRESSIVE.search(lede.text)
    if m is None or m["verb"] not in verbs or RE_PLAIN_SUBJECT.fullmatch(lede.text, 0, m.start()) is None:
        return None
    return m


NOT_ACTS = frozenset("said told felt thought meant knew saw heard".split())
"""Irregular pasts that tell no act of the lede's own: saying (the words are the source's), the mind, the senses."""
MIND = frozenset("fear believe hope want wish worry think know feel expect doubt need prefer like love hate "
                 "assume suspect".split())
"""Predicates of the mind: "Aid workers feared the outbreak could spread" tells no act of a day."""


RE_NEWS_TELLING = re.compile(
    r"^\s*(?:(?!(?:is|are|was|were|has|have|had|will|would|could|may|might)\b)[\w’'.\-]+,?\s+){1,14}?"
    r"(?<!\bthat )(?<!\bwhich )(?<!\bwho )"
    r"(?:(?:has|have)\s+(?:(?:also|now|just|again|publicly|officially|formally)\s+)?(?P<perfect>[a-z]+)"
    r"|(?P<present>says|tells|warns|accuses|announces|insists|claims|confirms|denies))\b"
)
"""A lede's verb of telling in the news perfect or the news present ("Moldova's president has accused
Russia of ...", "The agency says ..."), after a subject of a few words holding no copula or modal."""
RE_TELLING_TAIL = re.compile(r",[\"”’']?\s{1,3}(?:[\w’'.\-]{1,30}\s{1,3}){1,12}?(?:says|warns|tells|claims|insists)\.?\s{0,3}\Z")
"""A lede closed by its source in the news present ("Russia will struggle ..., the head of the
intelligence service says.")."""
RE_TELLING_AFTER = re.compile(r",[\"”’']?\s{1,3}(?:[\w’'.\-]{1,30}\s{1,3}){1,8}?(?:said|told)"
                              r"(?:\s{1,3}(?!that\b)[a-z]|\.?[\"”’']?\s{0,3}\Z)")
"""A lede whose source and a past verb of telling follow what is told ("Troops shelled the port, the
governor said.", "The West understands ..., President X said in an interview with ..., the agency has
learned"): the wire agencies' lede of the day's news."""
TELLING_PARTICIPLES = frozenset(
    "said told warned accused announced claimed insisted confirmed denied declared stated urged called "
    "criticised criticized condemned threatened vowed pledged promised admitted acknowledged revealed "
    "suggested argued rejected dismissed defended blamed praised welcomed published released issued invited asked "
    "appealed demanded offered described branded labelled labeled dubbed".split())
"""Participles that, after "has" or carrying a date, tell someone speaking out or putting words out
(a statement, a report, an interview, a name given to something: "described the offer as an insult"): the
speaking is a happening of its day."""


def telling_lede(lede: Statement, published: str | None, past: bool = True) -> TimeRef | None:
    """The report's date for a lede that tells, with no date of its own, that a named source has just
    spoken ("Moldova's president has accused Russia of plotting a coup", "The intelligence agency says
    the border remains calm"): the speaking is the news the report brings, on its day, whatever is
    said (a warning, a forecast, a view). A habit ("has repeatedly warned") or a stretch of time
    ("has said since 2014") is no news of a day, nor is a question. With ``past`` false, a lede in the
    simple past ("X said ...") is no such telling: without a day of its own it may tell a speech of days
    before."""
    if not published or lede.date or lede.kind == "question" or lede.status == "negated":
        return None
    if lede.source_kind not in {"named", "quoted"} or not lede.source:
        return None
    m = RE_NEWS_TELLING.match(lede.text)
    if m is not None and m["perfect"] is not None and m["perfect"].lower() not in TELLING_PARTICIPLES:
        m = None
    if m is None and RE_TELLING_TAIL.search(lede.text) is None and RE_TELLING_AFTER.search(lede.text) is None:
        # "The leader of Belarus announced that his country ...", "Latvia is calling on Australia to ..."
        m = (past_lede(lede, TELLING_PARTICIPLES) if past else None) or progressive_lede(lede, PROGRESSIVE_TELLINGS)
        if m is None:
            return None
    if RE_HABITUAL.search(lede.text[:m.end() + 40] if m else lede.text) or RE_SPAN.search(lede.text):
        return None
    return TimeRef(lede.doc, lede.start, lede.start, "", str(published)[:10], REPORT)


VERBAL_ACTS = frozenset({"defend", "explain", "justify", "hail", "welcome", "promise", "pledge", "vow", "ask", "call"})
"""Acts done in words: a news-perfect lede of one ("X has defended her decision") is told where X spoke."""


def speech_lede(lede: Statement, groups: dict, refs: dict, published: str | None = None) -> tuple[tuple, TimeRef] | None:
    """A lede telling in the news perfect that someone has spoken or acted ("X has said he is
    convinced ...", "X has defended his decision") tells the speech its report dates further down
    ("X spoke to the press late on Friday"):
    it joins that entry, with that date, and tells it (a lede says best what happened), unless the
    lede is read as a forecast ("X has said there will be war"): then the dated speech tells it. A lede
    of an act not done in words ("X has made a surprise trip to Kyiv") joins X's dated act ("X arrived in
    Kyiv on Tuesday", a day of the week before the report), never a speech of X's ("X announced a plan in Delhi on Monday"): that is another
    happening."""
    if lede.date or lede.kind in {"question", "recommendation"} or lede.status in NOT_HAPPENED:
        return None
    who = speakers(lede) | _people_acting(lede)
    if not who or RE_NEWS_PERFECT.match(lede.text) is None and past_lede(lede) is None \
            and past_lede(lede, TELLING_PARTICIPLES) is None:
        return None  # the news perfect, or the simple past ("Senator X said Governor Y was ...")
    in_words = bool(speakers(lede)) or _speaking(lede) or getattr(lede, "predicate", None) in VERBAL_ACTS
    for key, members in groups.items():
        for r in members:
            ref = refs[id(r)]
            if in_words:
                told = speakers(r) & who or names_speaker([r], who, unnamed_too=True)
            else:  # "X has made a surprise trip" is X's act ("X arrived on Tuesday"), not X's speech elsewhere
                told = not _speaking(r) and _people_doing(r) & who and _within_reach(ref, published)
            if r.doc == lede.doc and ref.precision == "day" and not ref.ahead and told \
                    and getattr(r, "kind", None) != "prediction" and r.status != "expected":
                return key, TimeRef(lede.doc, lede.start, lede.start, "", ref.value, ref.precision)
    return None


LEDE_REACH_DAYS = 7
"""A lede's news told further down with a day at most this many days before the report (see ``retold_lede``)."""


def _within_reach(ref: TimeRef, published: str | None) -> bool:
    """Whether ``ref`` is a day of the ``LEDE_REACH_DAYS`` before the report: a lede's news told further down."""
    report, span = date_interval(str(published)[:10]) if published else None, date_interval(ref.value)
    return report is not None and span is not None and report[0] - dt.timedelta(days=LEDE_REACH_DAYS) <= span[0] <= report[0]


def retold_lede(lede: Statement, published: str | None, groups: dict, refs: dict,
                rare: set[str]) -> tuple[tuple, TimeRef] | None:
    """A lede the report's date would place (``lede_dating``) that its report tells again further down
    with a day of its own ("The bloc has agreed new sanctions on ..." / "the envoy announced on Wednesday
    that the bloc agreed to sanctions on ..."), with the same doer and sharing ``RETOLD_SHARED`` words the
    report rarely uses (``rare``): the lede joins that entry, with that day, instead of taking the report's date. Only a day
    of the week before the report counts: a lede recalling an old happening still tells the news of its day."""
    report = date_interval(str(published)[:10]) if published else None
    doer = _doer(lede)
    if report is None or doer is None:
        return None
    for key, members in groups.items():
        for r in members:
            ref = refs[id(r)]
            span = date_interval(ref.value)
            if r.doc != lede.doc or ref.precision != "day" or ref.ahead or span is None or _told_ahead(r):
                continue
            if not report[0] - dt.timedelta(days=LEDE_REACH_DAYS) <= span[0] < report[0]:
                continue
            if doer is not None and _doer(r) == doer and _retold([lede], [r], {lede.doc: rare}):
                return key, TimeRef(lede.doc, lede.start, lede.start, "", ref.value, ref.precision)
    return None


def _told_ahead(record: Event | Statement) -> bool:
    return getattr(record, "kind", None) == "prediction" or record.status == "expected"


def _people_acting(record: Event | Statement) -> set[str]:
    """The person whose act a lede tells ("Biden has defended his decision"): a news-perfect act of
    a person is told, in the report, where the person spoke of it."""
    agent = getattr(record, "agent", None)
    return {agent} if agent and ":person:" in agent else set()


def _people(record: Event | Statement) -> set[str]:
    found = set(record.actors) | {getattr(record, "source", None), getattr(record, "agent", None)}
    found |= set(getattr(record, "recipients", None) or ())
    return {a for a in found if a and ":person:" in a}


def _people_doing(record: Event | Statement) -> set[str]:
    """The people who do or say what the record tells (its agent, its source, or its one actor), not
    those it is done to ("deputies voted to impeach President X" is no doing of X's)."""
    found = {getattr(record, "agent", None)} | speakers(record)
    found |= {record.actors[0]} if len(set(record.actors)) == 1 else set()
    return {a for a in found if a and ":person:" in a}


SPEECH_PREDICATES = SPEAKING | {"comment", "blame", "accuse", "criticize", "criticise", "condemn", "praise", "urge",
                                "claim", "deny", "reject", "threaten", "argue", "appeal", "appear", "respond", "reply"}
SPEECH_EVENTS = frozenset({"ACCUSE", "THREATEN", "REJECT", "REQUEST", "APPEAL"})
RE_SPEECH_NOUN = re.compile(r"\b(?:comments?|remarks?|speech|address|press conference|news conference|interview|"
                            r"briefing|statement)\b", re.I)


def _speaking(record: Event | Statement) -> bool:
    """Whether the record tells someone speaking: a verb of saying or of judging aloud ("blamed",
    "rejected"), or a speech named ("made the comment at a press conference")."""
    if isinstance(record, Event):
        return record.type in SPEECH_EVENTS
    return getattr(record, "predicate", None) in SPEECH_PREDICATES or bool(RE_SPEECH_NOUN.search(record.text))


def _person_speaking(record: Event | Statement) -> set[str]:
    """The one person whose speaking the record tells (see ``_speaking``): as for ``_people_doing``,
    or the one person it names ("Belarus's leader on Thursday blamed Kyiv", "the president
    commented on the sanctions as he delivered his address, the agency learnt")."""
    if not _speaking(record):
        return set()
    found = _people_doing(record)
    if not found:
        people = {a for a in record.actors if ":person:" in a}
        found = people if len(people) == 1 else set()
    return found


def _tellers(records: list, refs: dict) -> set[str]:
    """Who speaks in records whose date attaches to a verb of telling ("the agency said on Tuesday that
    nine had died", "Biden on Monday threatened Russia with ..."): their named source, or the one
    person a speech event tells speaking. Two reports' tellings by different sources on one day are
    two happenings ("the agency said nine died" / "the Red Cross said 15 died")."""
    found: set[str] = set()
    for r in records:
        if isinstance(r, Event):
            found |= _person_speaking(r)
            continue
        verb = _dated_verb(r, refs[id(r)]) if id(r) in refs else None
        if verb in TELLING_PARTICIPLES and getattr(r, "source_kind", None) in {"named", "quoted"} and r.source:
            found.add(r.source)
    return found


RE_VOICE = re.compile(r"\b(?:spokes(?:man|woman|person)|press\s+(?:secretary|officer))\b", re.I)
"""A source who speaks for a body ("Ministry spokesman X", "a spokeswoman for the water board", "the
White House press secretary")."""
RE_POSSESSIVE = re.compile(r"['’]s\b")


def _name_words(name: str | None) -> frozenset[str]:
    """The content words of a name as written or as an actor id's last part ("karl-tamm"), in lower case."""
    text = RE_POSSESSIVE.sub("", (name or "").lower().replace("-", " "))
    return frozenset(w for w in RE_WORD.findall(text) if w not in FUNCTION_WORDS)


def _voice_words(record: Event | Statement) -> frozenset[str] | None:
    """The words naming the body a spokesperson source speaks for, the source's words less the title and
    the person's name ("Ministry spokesman Karl Tamm": ministry; "A spokeswoman for the water board, Ilse
    Brand": water, board); None for any other source, or a spokesperson of no body named."""
    text = getattr(record, "source_text", None) or ""
    if isinstance(record, Event) or not RE_VOICE.search(text):
        return None
    person = record.source.rsplit(":", 1)[-1] if record.source and ":person:" in record.source else None
    return _name_words(RE_VOICE.sub(" ", text)) - _name_words(person) or None


def _teller_words(record: Event | Statement, refs: dict) -> frozenset[str] | None:
    """The words naming who tells a record whose date attaches to a verb of telling, its source
    resolved or not ("the health department"), less articles; for a spokesperson, the body spoken for
    (``_voice_words``); None when it tells no one's telling."""
    if isinstance(record, Event) or id(record) not in refs or getattr(record, "source_kind", None) != "named":
        return None
    if _dated_verb(record, refs[id(record)]) not in TELLING_PARTICIPLES:
        return None
    if (voice := _voice_words(record)) is not None:
        return voice
    return _name_words(record.source.rsplit(":", 1)[-1] if record.source else getattr(record, "source_text", None)) \
        or None


def _one_voice(a: list, b: list, refs: dict) -> bool:
    """Whether a spokesperson's telling in one entry speaks for the body telling the other, or both for one
    body ("the water board said on Monday that ..." / "a spokeswoman for the water board said on Monday
    that ..."): the words naming the body spoken for are among the other teller's."""
    for one, other in ((a, b), (b, a)):
        for x in one:
            voice = _voice_words(x)
            if voice is None or _teller_words(x, refs) is None:
                continue
            if any((words := _teller_words(y, refs)) is not None and (voice <= words or words <= voice) for y in other):
                return True
    return False


def _two_bodies_in_one_report(a: list, b: list, refs: dict) -> bool:
    """Whether one report tells two bodies each telling something that day ("the health department said
    on Monday that 412 had died" / "the doctors' association said on Monday that 520 had died"), named
    in words neither of which holds the other's, resolved to actors or not: two tellings, not one."""
    for x in a:
        for y in b:
            if x.doc != y.doc:
                continue
            wx, wy = _teller_words(x, refs), _teller_words(y, refs)
            if wx and wy and not wx <= wy and not wy <= wx:
                return True
    return False


def _entities(record: Event | Statement) -> set[str]:
    found = set(record.actors) | {getattr(record, "source", None), getattr(record, "agent", None)}
    found |= set(getattr(record, "recipients", None) or ())
    return {a for a in found if a and ":" in a}


def speakers(record: Event | Statement) -> set[str]:
    """The people whose speaking the record tells: its named or quoted source, or an agent who speaks."""
    found = set()
    if getattr(record, "source_kind", None) in {"named", "quoted"} and record.source:
        found.add(record.source)
    if getattr(record, "predicate", None) in SPEAKING and getattr(record, "agent", None):
        found.add(record.agent)
    return {a for a in found if ":person:" in a}


def _bodies_telling(records: list) -> set[str]:
    """The bodies whose telling the records tell ("the council recalled in a statement ..."): not
    people, nor whole countries, which tell many things a day."""
    return {r.agent for r in records if getattr(r, "predicate", None) in TELLING and getattr(r, "agent", None)
            and ":" in r.agent and ":person:" not in r.agent and not RE_COUNTRY.match(r.agent)}


def _doers(records: list) -> set[str]:
    """Who does what the records tell: their agent, or their one actor."""
    found = {getattr(r, "agent", None) for r in records}
    found |= {r.actors[0] for r in records if len(set(r.actors)) == 1}
    return {a for a in found if a}


def _words(record: Event | Statement, ref: TimeRef) -> frozenset[str]:
    """The content words of the clause of a record that holds its date, without dates."""
    return _clause_words(record.text, ref.start - record.start)


def _common_words(x: Event | Statement, y: Event | Statement, refs: dict) -> set[str]:
    """The content words the dated clauses of two records share, as written in lower case in both (so no
    word of a name)."""
    written = set(RE_WORD.findall(x.text)) & set(RE_WORD.findall(y.text))
    return _words(x, refs[id(x)]) & _words(y, refs[id(y)]) & written


@lru_cache(maxsize=1 << 16)
def _clause_words(text: str, at: int) -> frozenset[str]:
    """``_words`` of a sentence whose date is at offset ``at``: kept per sentence and offset, as every entry of
    its day that it is compared with asks again."""
    start, end = 0, len(text)
    for m in RE_CLAUSE_BREAK.finditer(text):
        if m.end() <= at:
            start = m.end()
        elif m.start() >= at:
            end = m.start()
            break
    return frozenset(w for w in RE_WORD.findall(text[start:end].lower()) if w not in NOT_CONTENT)


def _told_alike(a: list, b: list, refs: dict, one_report_too: bool = False) -> bool:
    """Whether two reports (with ``one_report_too``, any two tellings) tell it in mostly the same words:
    most content words of the shorter telling are in the other ("a 7.1 earthquake hit Manabi province" / "a
    magnitude 7.1 earthquake struck the coastal province of Manabi"), or the same verb with ``ALIKE_MIN_WORDS``
    content words in common ("the river burst its banks on Saturday, flooding 300 villages" / "the river burst
    its banks on Saturday after a week of rain, submerging hundreds of villages")."""
    for x in a:
        for y in b:
            if x.doc == y.doc and not one_report_too:
                continue
            wx, wy = _words(x, refs[id(x)]), _words(y, refs[id(y)])
            if min(len(wx), len(wy)) >= ALIKE_MIN_WORDS and len(wx & wy) >= ALIKE_SHARE * min(len(wx), len(wy)):
                return True
            verb = getattr(x, "predicate", None)
            if verb and verb == getattr(y, "predicate", None) and verb not in SPEAKING | STATE_PREDICATES \
                    and len(wx & wy) >= ALIKE_MIN_WORDS:
                return True  # one act told with the same verb, one report adding detail the other leaves out
    return False


def _doer(record: Event | Statement) -> str | None:
    """Who does what the record tells: its agent when resolved to an actor, else its one actor."""
    agent = getattr(record, "agent", None)
    if agent and ":" in agent:
        return agent
    actors = set(record.actors)
    return next(iter(actors)) if len(actors) == 1 else None


def _dated_verb(record: Event | Statement, ref: TimeRef) -> str | None:
    """The verb the record's date attaches to, as written ("announced")."""
    if ref.head is None or not record.start <= ref.head < record.end:
        return None
    m = RE_WORD.match(record.text.lower(), ref.head - record.start)
    return m.group(0) if m else None


def _same_act(a: list, b: list, refs: dict) -> bool:
    """Whether two reports tell one doer's act with one verb and name the same thing done ("Vietnam
    announced on Tuesday a ban on rice exports" / "Vietnam announced the ban on Tuesday after a
    drought"): the same doer, the same verb carrying the date, and a content word in common besides
    the doer's name and the verb. Verbs of saying need one word more (a body says many things a day)."""
    for x in a:
        for y in b:
            if x.doc == y.doc or (doer := _doer(x)) is None or doer != _doer(y):
                continue
            verb = _dated_verb(x, refs[id(x)])
            if verb is None or verb != _dated_verb(y, refs[id(y)]):
                continue
            shared = _common_words(x, y, refs) - {verb}
            if len(shared) >= SAME_ACT_SHARED + (verb in SAYING_WORDS):
                return True
    return False


def _told_twice(a: list, b: list, refs: dict, one_report: bool = True) -> bool:
    """Whether one report (or, with ``one_report`` false, any two) tells one act twice with the verb
    carrying the date ("after the army launched its offensive on Thursday" / "the general launched the
    offensive early on Thursday"), sharing ``TWICE_SHARED`` content words besides the verb, as written
    in lower case. Verbs of saying do not count: one report tells many speeches of a day."""
    for x in a:
        for y in b:
            if one_report and x.doc != y.doc or (verb := _dated_verb(x, refs[id(x)])) is None or verb in SAYING_WORDS:
                continue
            if verb == _dated_verb(y, refs[id(y)]):
                if len(_common_words(x, y, refs) - {verb}) >= TWICE_SHARED:
                    return True
    return False


RE_DEFINITE_SUBJECT = re.compile(r"\A(?:[A-Z][\w’'\-]{0,30},\s{1,3})?(?:The|the)\s{1,3}(?P<noun>[a-z][a-z\-]{1,30})\s{1,3}"
                                 r"(?:(?:[a-z]{1,20}ly|first|again|also|then|later|finally|only|just)\s{1,3})?\Z")
"""A clause opening on a definite common noun as its subject, up to the verb ("The volcano first
erupted"): a retelling that names the doer by what it is, not by its name."""


def _unnamed_doer(record: Event | Statement, ref: TimeRef) -> bool:
    """Whether the record's dated verb has for subject a definite common noun ("the volcano", "the
    chamber") that names no actor: the thing its report or another named before."""
    if ref.head is None or not record.start <= ref.head < record.end:
        return False
    m = RE_DEFINITE_SUBJECT.match(record.text[:ref.head - record.start])
    agent = getattr(record, "agent", None)
    return m is not None and (agent is None or ":" not in agent)


def _retold_by_what_it_is(a: list, b: list, refs: dict) -> bool:
    """Whether two reports tell one act with one verb, one naming the doer ("Mount Agung erupted on
    Monday"), the other calling it by a definite common noun ("The volcano first erupted on Monday"):
    a doer named and a doer described, doing the same on the same day. Verbs of saying and of being do
    not count (many speak and are on one day)."""
    for x in a:
        for y in b:
            if x.doc == y.doc:
                continue
            verb = _dated_verb(x, refs[id(x)])
            if verb is None or verb in SAYING_WORDS or verb != _dated_verb(y, refs[id(y)]):
                continue
            if getattr(x, "predicate", None) in SPEAKING | STATE_PREDICATES:
                continue
            if _unnamed_doer(x, refs[id(x)]) != _unnamed_doer(y, refs[id(y)]):
                return True
    return False


ACTS = tuple(frozenset(words.split()) for words in (
    "pass passed passes passing approve approved approves approval adopt adopted adopts adoption clear cleared "
    "clears endorse endorsed endorses ratify ratified ratifies ratification",
    "explode exploded explodes explosion explosions blast blasts blew detonate detonated detonation",
    "sign signed signs signing",
    "resign resigned resigns resignation quit quits",
    "arrest arrested arrests detain detained detains detention",
    "collapse collapsed collapses collapsing",
    "capture captured captures seize seized seizes seizure",
    "fire fired fires launch launched launches",
))
"""Words that tell one kind of act, as verb or noun: "the Senate passed the bill" and "Congress approved
the bill", "the plant exploded" and "the blast at the plant", told the same day, are one act."""


def _act_of(words: set[str]) -> set[int]:
    return {n for n, act in enumerate(ACTS) if words & act}


def _places_of(record: Event | Statement) -> set[str]:
    return {a for a in record.actors if ":place:" in a}


def _retold_otherwise(a: list, b: list, refs: dict) -> bool:
    """Whether two reports, or one report twice, tell one act in other words: the date of one attaches to a
    verb of a kind of act (``ACTS``), the other tells the same kind of act as verb or noun ("the Senate passed
    the aid bill on Tuesday" / "Congress approved the aid bill on Tuesday"; "the plant exploded on Monday" /
    "the blast at the plant on Monday killed four"; "rebels fired 40 rockets at the port on Sunday" / "the
    army downed 12 of the rockets launched Sunday", in one report), and they name the same thing done, a
    content word in common as written in lower case besides the act's words. Two places named, none shared,
    are two acts."""
    for x in a:
        for y in b:
            if (verb := _dated_verb(x, refs[id(x)])) is None:
                continue
            acts = _act_of({verb})
            if not acts or not acts & _act_of(_words(y, refs[id(y)]) | {_dated_verb(y, refs[id(y)]) or ""}):
                continue
            shared = _common_words(x, y, refs) - set().union(*(ACTS[n] for n in acts))
            px, py = _places_of(x), _places_of(y)
            if shared and (not px or not py or px & py):
                return True
    return False


AMOUNT_MIN = 100
"""A figure as large as this (or a sum of money) names one thing done: two reports giving it on one day
with a word in common tell one happening; smaller numbers recur by chance."""


def _amounts_in(record: Event | Statement, amounts: dict[str, list[tuple[int, float, str]]]) -> set[tuple[float, str]]:
    return {(value, counts) for at, value, counts in amounts.get(record.doc, ())
            if record.start <= at < record.end and (value >= AMOUNT_MIN or counts.startswith("money"))}


def _same_amount(a: list, b: list, amounts: dict[str, list[tuple[int, float, str]]]) -> bool:
    """Whether two reports tell one happening by the amount it is about ("the treasury has pledged a
    fresh $2 billion for reconstruction" / "the finance ministry pledged on Thursday a further two billion
    dollars"): the same figure of the same kind, large or money (``AMOUNT_MIN``), and a content word in
    common as written in lower case ("pledged")."""
    for x in a:
        for y in b:
            if x.doc == y.doc or not _amounts_in(x, amounts) & _amounts_in(y, amounts):
                continue
            words = lambda r: {w for w in RE_WORD.findall(r.text) if w not in NOT_CONTENT
                               and not w[0].isdigit()}
            if words(x) & words(y):
                return True
    return False


def rare_words(text: str) -> set[str]:
    """The content words a report uses at most ``RETOLD_MAX_USES`` times: what marks one happening in it."""
    counts = Counter(w for w in RE_WORD.findall(text.lower())
                     if len(w) > 3 and not w[0].isdigit() and w not in NOT_CONTENT)
    return {w for w, n in counts.items() if n <= RETOLD_MAX_USES}


def _participant_words(record: Event | Statement) -> set[str]:
    """Words of the names of the people and bodies taking part: they mark who acts, not the happening
    (one union holds a meeting and closes the docks on one day); places do mark it."""
    return {w for a in _entities(record) if ":place:" not in a for w in re.split(r"[-:]", a.lower())}


def _retold(a: list, b: list, rare: dict[str, set[str]]) -> bool:
    """Whether one report tells both, sharing ``RETOLD_SHARED`` of its rare words."""
    for x in a:
        for y in b:
            if x.doc == y.doc and x.doc in rare:
                shared = set(RE_WORD.findall(x.text.lower())) & set(RE_WORD.findall(y.text.lower())) & rare[x.doc]
                if len(shared - _participant_words(x) - _participant_words(y)) >= RETOLD_SHARED:
                    return True
    return False


RE_THEIR_THING = re.compile(r"\A(?:His|Her|Its|Their)\s{1,3}[a-z][\w\-]{1,30}\b")
"""A sentence opening on a thing of someone the sentence before named ("His post appeared on Facebook on
Monday", "Her letter reached the court on Monday")."""
CONTINUED_GAP = 3
"""At most this many characters (spaces, a line break) between a sentence and the one going on from it."""


def leans_back(record: Event | Statement) -> bool:
    """Whether the record opens on a thing of someone named before it (``RE_THEIR_THING``): it cannot be
    read alone."""
    return RE_THEIR_THING.match(record.text) is not None


def _goes_on(a: list, b: list) -> bool:
    """Whether one record follows straight on another of its report and leans back on it (``leans_back``):
    "The minister answered the critics on Saturday." / "Her post appeared on 23 July on Facebook." tell
    one answer and where it came out, not a second happening of the day."""
    return any(x.doc == y.doc and 0 <= y.start - x.end <= CONTINUED_GAP and leans_back(y)
               for one, other in ((a, b), (b, a)) for x in one for y in other)


def _named_in(record: Event | Statement, person: str) -> bool:
    """Whether the record names the person: among its actors, or by a word of the person's name, as a name
    is written (an event's actors may leave out those it does not hold)."""
    words = [w for w in person.rsplit(":", 1)[-1].split("-") if len(w) > 2]
    return person in record.actors or any(re.search(rf"\b{re.escape(w.capitalize())}\b", record.text) for w in words)


def _speaks_for(a: list, b: list, tellers: set[str]) -> bool:
    """Whether a country telling something in ``a`` is, in the same report, the subject of what a person tells
    in ``b`` ("the government vowed on Thursday to slug imports with a tariff" / "the prime minister said on
    Thursday the government was applying a tariff on imports"): the person speaks for the country, one telling."""
    countries = {t for t in tellers if RE_COUNTRY.match(t)}
    return any(y.doc == x.doc and getattr(y, "agent", None) in countries for x in a for y in b)


def _name_one_thing(a: list, b: list, refs: dict) -> bool:
    """Whether two entries of one report share a content word as written in lower case in the clauses holding
    their dates, not a number (the day's) nor a word of a participant's name ("a sitting of the port
    board in Valdora on 3 May" / "the port board was sitting in Valdora on 3 May")."""
    return any(x.doc == y.doc and any(not w[0].isdigit() for w in _common_words(x, y, refs)
                                      - _participant_words(x) - _participant_words(y)) for x in a for y in b)


def _takes_part(a: list, b: list) -> bool:
    """Whether a record of ``a`` names a person doing what a record of ``b`` of the same report tells, one who
    does nothing in the first ("X said on Saturday he had discussed the war in talks with Y" / "Y exchanged
    views on the war during Saturday's talks"): the person took part in what the first tells."""
    return any(x.doc == y.doc and any(_named_in(x, p) for p in _people_doing(y) - _people_doing(x))
               for x in a for y in b)


def _one_report_one_thing(a: list, b: list, refs: dict) -> bool:
    """Whether two entries of one report on one day tell one happening by who takes part in it and what it is:
    they share ``SAME_REPORT_SHARED`` participants (a report retelling its own story), or fewer that tie them,
    a person doing one that the other names (``_takes_part``: one meeting told from each side) or a body and a
    place, and they name one thing in the same word (``_name_one_thing``: "talks", "sitting")."""
    shared = set().union(*map(_entities, a)) & set().union(*map(_entities, b))
    if len(shared) >= SAME_REPORT_SHARED:
        return True
    tied = _takes_part(a, b) or _takes_part(b, a) or len(shared) >= SAME_REPORT_SHARED - 1 \
        and any(":place:" in e for e in shared)
    return tied and _name_one_thing(a, b, refs)


def _countries_of_people(record: Event | Statement) -> set[str]:
    """The countries of the people the record names whom the knowledge base knows."""
    from storyline.kb.lookup import load_kb

    kb, found = load_kb(), set()
    for e in _entities(record):
        if e.startswith("kb:person:"):
            try:
                country = kb.get(e[3:]).country
            except KeyError:
                continue
            if country:
                found.add(f"kb:{country}")
    return found


def _lede_of_their_meeting(ledes: list, told: list, refs: dict) -> bool:
    """Whether ``ledes``, placed only by their report's day, sum up what people of the lede's two countries or more
    did together that day, told further down the same report ("Chile is calling on Japan to back a ban on deep-sea
    mining" / "The Chilean foreign minister met the Japanese foreign minister in Tokyo on Monday, urging ..."): one
    happening, told with its day where the report gives it; the lede may name more countries than met ("... to
    designate Russia a sponsor of terrorism"). A sentence naming people of only one of the lede's countries
    ("Chile's president said on Monday ...") tells another."""
    if any(refs[id(r)].precision != REPORT for r in ledes):
        return False
    for x in ledes:
        countries = {e for e in _entities(x) if RE_COUNTRY.match(e)}
        if len(countries) < 2:
            continue
        if any(y.doc == x.doc and refs[id(y)].precision != REPORT and len(countries & _countries_of_people(y)) >= 2
               for y in told):
            return True
    return False


def _same_happening(a: list, b: list, day: str, refs: dict, rare: dict[str, set[str]] | None = None,
                    amounts: dict[str, list[tuple[int, float, str]]] | None = None) -> bool:
    """Two entries on one day are one happening when they name the same two people ("Biden and
    Scholz spoke by phone" / "Biden talked by phone with Scholz"), go on one from the other (``_goes_on``),
    tell the same person speaking
    (one person's remarks of a day, told by several reports), are told alike (``_told_alike``,
    ``_same_act``, ``_retold``), or tell a body's telling of what that body did that day ("the council extended the
    sanctions on Thursday" / "the council recalled in a statement on Thursday that ..."); or, within
    one report, share a person ("Blinken on Monday drew distinctions ..." / "In his speech Monday,
    Blinken made reference to ...") or who takes part and what it is (``_one_report_one_thing``): a report
    retelling its own story.
    Across reports, one person speaking that day (``_person_speaking``: "X on Thursday blamed Kyiv" /
    "X made the comment Thursday at a press conference") is one happening, and so is one act told with
    its doer named in one report and described in another (``_retold_by_what_it_is``), and one act told
    with other verbs or subjects (``_retold_otherwise``), and one amount told by two reports
    (``_same_amount``)."""
    if len(day) != 10:
        return False
    if _goes_on(a, b) or _lede_of_their_meeting(a, b, refs) or _lede_of_their_meeting(b, a, refs):
        return True
    people_a, people_b = set().union(*map(_people, a)), set().union(*map(_people, b))
    if len(people_a & people_b) >= 2:
        return True
    said_a, said_b = set().union(*map(speakers, a)), set().union(*map(speakers, b))
    if said_a & said_b or names_speaker(a, said_b) or names_speaker(b, said_a):
        return True
    if _one_voice(a, b, refs):
        # One body's words of the day, told as its own and as its spokesperson's: one telling when told alike.
        return _told_alike(a, b, refs, one_report_too=True)
    tellers_a, tellers_b = _tellers(a, refs), _tellers(b, refs)
    spoken_for = _speaks_for(a, b, tellers_a) or _speaks_for(b, a, tellers_b)
    if tellers_a and tellers_b and not tellers_a & tellers_b and not spoken_for:
        return False  # two sources each speaking that day: two tellings, however alike their words
    if _two_bodies_in_one_report(a, b, refs) and not spoken_for:
        return False
    if _told_alike(a, b, refs) or _same_act(a, b, refs) or _told_twice(a, b, refs) or rare and _retold(a, b, rare):
        return True
    if _retold_by_what_it_is(a, b, refs) or _retold_otherwise(a, b, refs) or _retold_otherwise(b, a, refs):
        return True
    if amounts and _same_amount(a, b, amounts):
        return True
    if set().union(*map(_person_speaking, a)) & set().union(*map(_person_speaking, b)):
        return True  # one person's speaking of one day, told by several reports: one appearance, one speech
    if _bodies_telling(a) & _doers(b) or _bodies_telling(b) & _doers(a):
        return True
    if not {r.doc for r in a} & {r.doc for r in b}:
        return False
    if set().union(*map(_people_doing, a)) & set().union(*map(_people_doing, b)):
        return True  # one person's doings of one day in one report: one visit, one speech, told in parts
    return _one_report_one_thing(a, b, refs)


def _told_days_before(members: list, of_day: dict[str, list[list]], refs: dict,
                      amounts: dict[str, list[tuple[int, float, str]]] | None) -> bool:
    """Whether ``members``, ledes placed only by their report's date (precision ``REPORT``), tell what another
    report dated to a day of the ``LEDE_REACH_DAYS`` before ("The minister has signed a gas deal with ...", in a
    report of Thursday / "the minister signed the gas deal on Tuesday", in another): the happening is that
    day's, told again, not a second one on the report's day. Only a telling in mostly the same words
    (``_told_alike``) or of the same amount (``_same_amount``) counts: one person speaks or acts on many days.
    The ledes join that entry, dated by its day; returns True when they did."""
    ref = refs[id(members[0])]
    report = date_interval(ref.value)
    if report is None or any(refs[id(r)].precision != REPORT or refs[id(r)].ahead or _told_ahead(r) for r in members):
        return False
    for back in range(1, LEDE_REACH_DAYS + 1):
        for target in of_day.get((report[0] - dt.timedelta(days=back)).isoformat(), ()):
            if any(refs[id(r)].ahead or refs[id(r)].precision != "day" or _told_ahead(r) for r in target) \
                    or {r.doc for r in target} & {r.doc for r in members}:
                continue
            if _told_alike(target, members, refs) or amounts and _same_amount(target, members, amounts):
                for r in members:
                    refs[id(r)] = TimeRef(r.doc, r.start, r.start, "", refs[id(target[0])].value, REPORT)
                target.extend(members)
                return True
    return False


def merge_happenings(parts: list[tuple[tuple, list]], when, refs: dict,
                     rare: dict[str, set[str]] | None = None,
                     amounts: dict[str, list[tuple[int, float, str]]] | None = None) -> list[tuple[tuple, list]]:
    """Entries of one day that tell one happening, merged (see ``_same_happening``), and entries dated
    by a month alone left out where an entry of a day in that month tells the same; ``rare`` holds
    each report's ``rare_words``."""
    merged: list[tuple[tuple, list]] = []
    of_day: dict[str, list[list]] = defaultdict(list)  # the merged entries by their first record's date, in order
    for key, members in sorted(parts, key=lambda p: when(p[1][0])):
        day = when(members[0])
        if len({when(r) for r in members}) == 1:
            # What a report said would happen that day is no telling of what did ("will visit the
            # camps on Saturday" / "visited the camps on Saturday"): a forecast joins only forecasts.
            ahead = all(refs[id(r)].ahead for r in members)
            target = next((m for m in of_day[day] if len({when(r) for r in m}) == 1
                           and all(refs[id(r)].ahead for r in m) == ahead
                           and _same_happening(m, members, day, refs, rare, amounts)), None)
            if target is not None:
                target.extend(members)
                continue
        merged.append((key, list(members)))
        of_day[day].append(merged[-1][1])
    merged = [(key, members) for key, members in merged if not _told_days_before(members, of_day, refs, amounts)]
    days = [m for _, m in merged if len(when(m[0])) == 10]
    # One happening told by its day and, elsewhere, by its month alone: the month adds nothing.
    return [(key, members) for key, members in merged if len(month := when(members[0])) != 7 or not any(
        when(m[0]).startswith(month) and (_same_happening(m, members, when(m[0]), refs, rare, amounts)
                                           or _told_twice(m, members, refs, one_report=False)) for m in days)]
