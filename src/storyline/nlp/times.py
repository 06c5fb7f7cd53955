"""DATE expressions resolved against a report's publication date: the ``storyline_times`` component."""

from __future__ import annotations

import bisect
import datetime as dt
import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from storyline.analysis.dating import CAPTION_RE
from storyline.models import TimeRef
from storyline.nlp.dates import (
    MONTHS, RE_DMY, RE_MDY, WEEKDAYS, Resolution, date_interval, resolve_date_text, safe_date, year_from_weekday,
)
from storyline.nlp.grammar import lemma, lexicon
from storyline.nlp.pipeline import text_of

__all__ = ["ahead_cue", "continue_history", "extract_times", "historical_present", "infer_published", "is_ahead", "is_reference_line", "line_of",
           "predicate_of", "resolve_date_text", "year_from_weekday"]

# Words around a date that make an ambiguous day or month point forward in time.
FORWARD_BEFORE = ("as early as", "as soon as", "by", "until", "till", "next", "upcoming", "coming", "from", "before")
FORWARD_ONLY = ("as early as", "as soon as", "next", "upcoming", "coming")
"""Cues that point forward whatever the tense; the others ("by", "until", "from", "before") only
outside a past clause ("from 6 September the army liberated ..." looks back)."""
FORWARD_VERBS = frozenset(
    "will 'll shall wo plan plans planned planning expected expect expects scheduled schedule set due "
    "intend intends intended aim aims prepare prepares preparing going upcoming".split()
)
# Modals that put a clause's date ahead of the telling: "will vote on Monday", "would oversee it this weekend".
AHEAD_MODALS = frozenset({"will", "'ll", "wo", "shall", "would", "'d"})
# Modals of what may come to pass ("an attack could come on Wednesday", "talks might resume in March"):
# the date is of something possible, not of an act; with "have" ("may have struck on Monday") they look back.
HEDGE_MODALS = frozenset({"could", "may", "might"})
PAST_FUTURE = frozenset({"would", "'d"}) | HEDGE_MODALS
# Heads of "X to <verb>" that schedule or intend the verb: "is set to vote", "is due to meet", "is to end".
# Matched by ``grammar.lemma``, so that their inflected forms count ("is expected to vote", "plans to meet") where the
# pipeline gives no lemmas.
AHEAD_FRAMES = lexicon("set", "schedule", "expect", "plan", "intend", "aim", "go", "prepare", "suppose", "hope", "want",
                       "threaten", "vow", "pledge", "promise") | {"due", "be", "supposed"}
# Nouns that make a date inside them a plan ("the plans of the Saturday visit").
AHEAD_NOUNS = frozenset({"plan", "plans", "schedule", "timetable", "agenda", "deadline", "target", "prospect",
                         "intent", "intention", "intentions"})
# Nouns of what may happen: a date on a noun under them dates that possible thing ("warned of the
# possibility of an invasion in February", "the risk of floods on Sunday"), not the warning. A date
# directly on them ("the threat on Monday") is the threat's own.
CHANCE_NOUNS = frozenset({"possibility", "possibilities", "risk", "risks", "threat", "threats", "danger", "likelihood",
                          "chance", "chances", "prospects", "fear", "fears", "scenario"})
# Words that, modifying a noun, make a date inside them a plan ("the talks, scheduled for Friday, ...").
PLANNED_WORDS = frozenset({"due", "scheduled", "planned", "slated", "expected", "set"})
START_CUES = frozenset({"from", "starting", "beginning", "effective"})
# Verbs of going and meeting that, in the simple present with a day, tell a plan ("the prime minister
# goes to Moscow on Tuesday", "the court opens the trial on Monday"), as news writes the schedule.
SCHEDULED_PRESENT = frozenset("goes go travels travel visits visit leaves leave arrives arrive flies fly heads head "
                              "meets meet hosts host opens open begins begin starts start".split())
NOUN_PLAN = "planned: "
"""Prefix of the cue a planning word beside a noun gives: that plan's day is the nearest one, before
or after the report (the plan may have been dropped since)."""
# TIME entities that still name a day ("Monday afternoon", "late on Friday night").
RE_DAY_WORD = re.compile(r"\b(?:" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + "|" + "|".join(
    sorted(MONTHS, key=len, reverse=True)) + r"|yesterday|tomorrow|last\s+night)\b", re.I)
# Two days run into one entity by a word that sets one against the other ("marched on Wednesday
# against Tuesday's vote"): the first is the date of the clause, the second names a thing.
RE_JOINED_DAYS = re.compile(r"(?<=\S)\s+(?:against|versus|vs\.?|over|after|before|following)\s+", re.I)
RE_REFERENCE = re.compile(
    r"\b(?:Press|Publishers?|Publishing|University|Journal|Books|Vol\.|pp\.|doi|ISBN|Retrieved|Accessed|et al\.)"
)
RE_AUTHOR_START = re.compile(r"^\s*(?:[•*\-–\d.\[\]]+\s*)?[A-Z][\w'’\-]+,\s+[A-Z][\w.]*")


def is_reference_line(line: str) -> bool:
    """True for a bibliography entry ("Doe, Jane. Rivers of the Plain. London: Example Press, 2005.")."""
    if len(line) > 300:
        return False
    has_year = re.search(r"\b(?:1[5-9]|20)\d{2}\b", line)
    return bool(has_year and (RE_AUTHOR_START.match(line) or RE_REFERENCE.search(line))
                and re.search(r"[.:,(]\s*(?:1[5-9]|20)\d{2}\b", line))


def line_of(text: str, start_char: int) -> str:
    """The text line (between newlines) that holds a character offset."""
    left = text.rfind("\n", 0, start_char) + 1
    right = text.find("\n", start_char)
    return text[left: right if right >= 0 else len(text)]


def _is_modal_may(span: Span) -> bool:
    token = span[0]
    if len(span) != 1 or token.lower_ != "may":
        return False
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return token.tag_ == "MD" or token.text == "may" or (following is not None and following.tag_ in ("VB", "RB"))


def _verb_words(token) -> set[str]:
    """A verb's own word and its auxiliaries' ("will vote", "is expected", "plans"). A verb in the simple
    past is an act told, whatever its word: "protesters set up a camp on Monday", "the army planned the raid
    on Monday" look back like any past verb, where "the vote is set for Monday" (a participle) plans."""
    auxes = {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}
    return auxes if token.tag_ == "VBD" else auxes | {token.lower_}


def _points_forward(span: Span) -> bool:
    """True when the context sends an ambiguous day or month into the future."""
    sent_start = span.sent.start if span.doc.has_annotation("SENT_START") else 0
    before = " ".join(t.lower_ for t in span.doc[max(sent_start, span.start - 3): span.start])
    inner = span.text.lower()
    if any(before.endswith(cue) for cue in FORWARD_ONLY) or re.search(r"\b(?:next|upcoming|coming)\b", inner):
        return True
    cued = any(before.endswith(cue) for cue in FORWARD_BEFORE) or inner.startswith(("by ", "until ", "as early as ", "from "))
    token, hops = span.root, 0
    while token.head is not token and hops < 4:
        token, hops = token.head, hops + 1
        if token.pos_ in ("VERB", "AUX"):
            words = _verb_words(token)
            if words & FORWARD_VERBS:
                return True
            if token.tag_ in ("VBD", "VBN") or words & {"has", "have", "had", "was", "were", "did"}:
                # "had been killed by Sunday", "fought until Friday": a past clause looks back
                return False
    return cued


def _told_in_past(span: Span) -> bool:
    """Whether the date's governing verb is in the past ("police arrested him on April 2", "filings
    dated November 24"): a day and month without a year then lies before the report, never after it."""
    token, hops = span.root, 0
    while token.head is not token and hops < 4:
        token, hops = token.head, hops + 1
        if token.pos_ in ("VERB", "AUX"):
            words = _verb_words(token)
            if words & FORWARD_VERBS or words & {"would", "could", "should", "might", "may", "to"}:
                return False
            return token.tag_ == "VBD" or (token.tag_ == "VBN" and bool(
                words & {"has", "have", "had", "was", "were", "been"} or token.dep_ in ("acl", "amod")))
    return False


def _acts_in_present(span: Span) -> bool:
    """Whether the date's governing verb is an act in the simple present, with no auxiliary ("On April 2, reporters
    find ...", "In 2014, troops seize ..."; see ``historical_present``), and the date is no thing's."""
    token, hops = span.root, 0
    while token.head is not token and hops < 4:
        token, hops = token.head, hops + 1
        if token.pos_ in ("VERB", "AUX"):
            if any(c.dep_ in ("aux", "auxpass") for c in token.children) or _year_of_a_thing(span):
                return False
            return historical_present(text_of(span.doc), token.idx, token.tag_)
    return False


def _year_of_a_thing(span: Span) -> bool:
    """Whether the date is a phrase on a noun ("the announcement of independence in 1991", "the opening of the
    bridge in 1998", "the reform in 2009"): it names the thing, and places no verb of the sentence."""
    prep = span.root.head
    return span.root.dep_ == "pobj" and prep.dep_ == "prep" and prep.head.pos_ in ("NOUN", "PROPN")


def _opens_named_thing(span: Span) -> bool:
    """Whether the date opens the stretch of a thing named just before it ("a ban on rice exports from
    1 March", "tariffs starting Monday"): the thing's start, not a point the clause's tense places
    before the telling; it is the nearest such day, before or after the report."""
    if span.start < 2:
        return False
    cue, named = span.doc[span.start - 1], span.doc[span.start - 2]
    return cue.lower_ in START_CUES and named.pos_ == "NOUN"


def ahead_cue(span: Span) -> str | None:
    """The word that puts the date ahead of the telling, or None: it dates what will or would
    happen, not what happened.

    The date's governing predicate decides: a future or conditional modal on it, an infinitive
    under a scheduling or intending head ("is set to vote on Saturday", "is to end on 20
    February"), or a plan noun on the way up ("the plans of the Saturday visit"). A past-tense
    predicate in between ends the search: "said on Friday that ... will" dates the saying.
    """
    token, hops, through_noun = span.root, 0, False
    while token.head is not token and hops < 6:
        token, hops = token.head, hops + 1
        if token.pos_ in ("NOUN", "PROPN") and token.lower_ in AHEAD_NOUNS:
            return token.lower_
        if token.pos_ == "NOUN" and token.lower_ in CHANCE_NOUNS and through_noun:
            return token.lower_
        through_noun = through_noun or token.pos_ == "NOUN"
        if token.lower_ in PLANNED_WORDS and token.tag_ in ("JJ", "VBN") and token.dep_ in ("amod", "acl", "appos"):
            return NOUN_PLAN + token.lower_  # "the talks, due in Ankara on 17 September, were postponed"
        if token.lower_ in PLANNED_WORDS and hops == 2 and span.root.head.lower_ in ("for", "on") \
                and (token.tag_ == "JJ" or any(c.dep_ == "auxpass" for c in token.children)):
            # "the vote is scheduled for Sunday", "the ruling is due on Monday": the plan's day; one told in
            # the past ("the hearing was set for 3 May") is the nearest such day, the plan may have changed.
            past = any(c.dep_ == "auxpass" and c.lower_ in ("was", "were") for c in token.children)
            return NOUN_PLAN + token.lower_ if past else token.lower_
        if token.pos_ not in ("VERB", "AUX"):
            continue
        auxes = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
        modal = next((a.lower_ for a in auxes if a.lower_ in AHEAD_MODALS), None)
        if modal:
            return modal
        hedge = next((a.lower_ for a in auxes if a.lower_ in HEDGE_MODALS), None)
        if hedge and not any(a.lower_ == "have" for a in auxes):
            return hedge
        if token.lower_ in {"is", "are"} and any(c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children)
                                                 for c in token.children):
            return token.lower_ + " to"  # "the chancellor on Monday is to visit Kyiv": the date is the plan's
        if token.tag_ in ("VBZ", "VBP") and token.lower_ in SCHEDULED_PRESENT and not auxes \
                and RE_DAY_WORD.search(span.text):
            return token.lower_  # "the prime minister goes to Moscow on Tuesday": a plan told in the present
        if token.tag_ in ("VBD", "VBN", "VBZ", "VBP") and not any(a.lower_ == "to" for a in auxes):
            return None
        if any(a.lower_ == "to" for a in auxes) and token.dep_ in ("xcomp", "ccomp") \
                and (lemma(token.head) in AHEAD_FRAMES or token.head.lower_ in AHEAD_FRAMES):
            return token.head.lower_
        if token.dep_ not in ("xcomp", "conj", "advcl", "pcomp", "acl", "relcl"):
            return None
    return None


def is_ahead(span: Span) -> bool:
    """True when the date dates what will or would happen (see ``ahead_cue``)."""
    return ahead_cue(span) is not None


RE_EXPLICIT_YEAR = re.compile(r"\b(?:1[6-9]|20)\d\d\b")
RE_RELATIVE_TIME = re.compile(r"\b(?:today|tonight|yesterday|tomorrow|now|ago|last|this|next|past|coming|recent|"
                              r"week|weekend|" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\b", re.I)
RE_YEARLESS = re.compile(r"\A(?:(?:on|in|of|by|from|during|since|early|mid|late|the|end|beginning|start|middle)\s{0,3}-?\s{1,3}){0,4}"
                         r"(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?)?(?P<m>" + "|".join(sorted(MONTHS, key=len, reverse=True))
                         + r")\.?(?:\s+\d{1,2}(?:st|nd|rd|th)?)?\Z", re.I)


RE_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
RE_NAMING_OF = re.compile(r"\b[a-z]{3,30}\s{1,3}of\s{1,3}\Z")
"""A year closing an "of" phrase under a noun names a thing ("the constitution of 1992")."""
RE_BARE_YEAR = re.compile(r"\A\d{4}\Z")
LOOK_BACK_DAYS = 90
"""A month-day at most this many days before the last date of a history told stays in its year."""
RE_DAYS_TAIL = re.compile(r"\s{0,2}[-–]\s{0,2}\d{1,2}(?:st|nd|rd|th)?(?:\s(?:days?|weeks?))?\Z")
"""The end of a range of days ("March 6-10") or a count run into the date by a dash ("March 6–10 days
before the vote")."""
RE_TOLD_BEFORE = re.compile(r"\b(?:that|the\s+same|the\s+following|the\s+next|the\s+previous)\s+"
                            r"(?:day|morning|afternoon|evening|night|week|weekend|month|year)s?\b"
                            r"|\b(?:days?|weeks?|months?)\s+later\b")
"""A date told from the last one ("the next day", "two weeks later"), not from the report's date."""
RE_SINCE_BEFORE = re.compile(r"\b(?:since|from)\s{1,3}\Z", re.I)
"""A year opening a stretch ("in office since 1994", "the aid given from 2014 is worth ..."): no history told."""


class _Narrative:
    """The past year a report is telling of, for month-days written without one.

    A report recounting history sets the year once ("Russia's aggression began as early as 2014. On
    February 27, unmarked troops stormed the parliament") and goes on by month and day: those dates
    belong to that year, not to the report's. An explicit year before the report's own sets it; a
    date told relative to the report ("on Tuesday", "last week", "yesterday") or in the report's own
    year ends it; a weekday that does not fit the told year ends it too ("on Sunday, March 19").
    Told in order, a month well before the last one told (``LOOK_BACK_DAYS``) rolls into the next year
    ("On November 9, ... In January, ..."), never past the report's date; a few days or weeks back is
    the story looking back ("the vote on March 16 ... the questions published on March 6"). The history holds while its dates follow
    each other paragraph by paragraph: a whole paragraph without a date between ends it (two such
    paragraphs when the history has already told a day of its year: a told sequence of days goes on
    past a paragraph of comment), and so does a year that opens a span ("in office since
    1994"), which sets no history. A year that names a thing ("the constitution of 1992", "the
    referendum of 1991") leaves a history being told as it is, and sets none; a date told from the last one ("the next
    day") keeps it. A photo caption's date ("... in Oslo on October 31, 2018. (Jane Roe/Getty Images)") is the
    photo's, not a history the report tells: it neither sets one nor ends one.

    A recap told in the historical present ("On February 24, 2022, the army crosses the border ... On April 2,
    reporters find ...", a list of how a crisis unfolded) keeps its year across paragraphs without dates: each of
    its month-days on a verb in the simple present (``present``), or on another verb not told ahead that would
    otherwise fall after the report ("On April 21, the army claims to have taken the port", in a report of
    February), goes on with the year the recap set, however far down, until a date told relative to the report or
    one of the report's own year ends it. A year on such a verb
    ("In 2014, troops seize the peninsula") opens a recap as a past verb opens a history."""

    def __init__(self, published: dt.date | None, text: str = "") -> None:
        self.published = published.date() if isinstance(published, dt.datetime) else published
        self.year: int | None = None
        self.last: dt.date | None = None
        self.breaks = [m.start() for m in RE_PARAGRAPH_BREAK.finditer(text)]
        self.text = text
        self.paragraph = -1
        self.placed = 0
        """Month-days placed in the current history's year (a told sequence of days)."""
        self.recap = False
        """Whether the current history is told in the historical present."""

    def _after_report(self, resolved: Resolution) -> bool:
        """Whether a date, read without the history, lies after the report: in a recap, no plan but the recap's."""
        span = date_interval(resolved.value)
        return span is not None and self.published is not None and span[0] > self.published

    def _paragraph(self, at: int) -> int:
        return bisect.bisect_right(self.breaks, at)

    def place(self, text: str, resolved: Resolution, forward: bool, at: int = 0, past: bool = True,
              present: bool = False) -> Resolution:
        """``resolved`` placed in the history the report tells; ``past`` says whether the date's verb is
        told in the past: a bare year on anything else ("the site of a disaster in 1986, the zone is
        closed") names a thing and starts no history, unless the verb is an act in the simple present
        (``present``, see ``historical_present``), as a recap tells its history."""
        if self.published is None:
            return resolved
        if CAPTION_RE.search(line_of(self.text, at)):
            return resolved  # a photo caption's date is the photo's: it tells no history and ends none
        low = " ".join(text.lower().split())
        paragraph = self._paragraph(at)
        if self.year is not None and paragraph > self.paragraph + 1 + (self.placed >= 1) \
                and not (self.recap and not forward and (present or self._after_report(resolved))):
            self.year = None  # a paragraph told without a date: the history is over (a recap goes on)
            self.recap = False
        if (explicit := RE_EXPLICIT_YEAR.search(low)) is not None:
            if (RE_NAMING_OF.search(self.text[max(0, at - 40):at]) or not (past or present)) and RE_BARE_YEAR.match(low):
                self.paragraph = paragraph if self.year is not None else self.paragraph
                return resolved  # "the constitution of 1992": a thing named; a history told goes on
            span = date_interval(resolved.value)
            told = span[0].year if span else int(explicit.group(0))
            since = RE_SINCE_BEFORE.search(self.text[max(0, at - 12):at]) or low.startswith(("since", "from"))
            year = told if told < self.published.year and not since else None
            same = year is not None and year == self.year
            self.placed = (self.placed if same else 0) + (resolved.precision == "day")
            self.recap = year is not None and (present or same and self.recap)
            self.year = year
            self.last = span[0] if span and self.year is not None else None
            self.paragraph = paragraph
            return resolved
        if self.year is not None and RE_TOLD_BEFORE.search(low):
            self.paragraph = paragraph  # "the next day", "that month": told from the history's last date
            return resolved
        if RE_RELATIVE_TIME.search(low) or forward or self.year is None:
            if RE_RELATIVE_TIME.search(low):
                self.year, self.recap = None, False
            return resolved
        core = RE_DAYS_TAIL.sub("", low)  # "March 6–10 days (before the vote)": March 6
        if RE_YEARLESS.match(core) is None:
            return resolved
        for year in (self.year, self.year + 1):
            again = resolve_date_text(f"{core} {year}", self.published)
            span = date_interval(again.value) if again is not None else None
            if span is None or (again.note or "").startswith("weekday does not match") or span[1] > self.published:
                break
            if year == self.year and self.last is not None and span[1] < self.last - dt.timedelta(days=LOOK_BACK_DAYS):
                continue  # earlier in the year than the last date told: the story has moved on a year
            self.placed = self.placed + 1 if year == self.year else 1
            self.recap = self.recap or present
            self.year, self.last, self.paragraph = year, span[0], paragraph
            note = f"year {year} from the history the report tells"
            return Resolution(again.value, again.precision, note)
        self.year, self.recap = None, False
        return resolved


PRESENT_NOT_ACTS = frozenset("is are am has have does do says say seems seem remains remain".split())
"""Present forms that tell no act of a recap: the present of being and having, and of saying (a source's
words of today, "the ministry says")."""


def historical_present(text: str, head: int | None, tag: str | None = None) -> bool:
    """Whether the verb at ``head`` is an act told in the simple present ("troops cross the border", "the
    minister resigns"), as a recap of past months tells them. ``tag``, the parser's tag where there is a parse,
    decides the form; without one, a word ending in -s that is no past form does ("crosses", not "cross")."""
    if head is None:
        return False
    m = re.compile(r"[A-Za-z]+").match(text, head)
    word = m.group(0) if m else ""
    if not word.islower() or word in PRESENT_NOT_ACTS:
        return False
    if tag is not None:
        return tag in ("VBZ", "VBP")
    return word.endswith("s") and not word.endswith("ss")


def continue_history(extraction, text: str, published: dt.date | None, cuts: list[int]) -> int:
    """Month-days of a report parsed in windows (nlp/windows.py) placed as one parse of the whole text
    would place them: a history told across a cut ("began as early as 2014. [cut] On February 27,
    ...") keeps its year (see ``_Narrative``). Each window's dates were read on their own; here they
    are read again in order over the whole text, and only those after the first cut may change,
    with the records dated by them (statements, events, figures). ``cuts`` are the window starts.
    What pointed forward is read from ``TimeRef.ahead`` (the parse is gone). Returns how many dates
    changed."""
    if published is None or len(cuts) < 2:
        return 0
    from storyline.analysis.dating import past_word  # the parse is gone: the verb's form says if it is past

    narrative = _Narrative(published, text)
    changed = 0
    for ref in sorted(extraction.times, key=lambda t: t.start):
        before = Resolution(ref.value, ref.precision, ref.note)
        past = ref.head is None or (not ref.ahead and past_word(text, ref.head))  # unknown counts as past
        present = not ref.ahead and not past and historical_present(text, ref.head)
        placed = narrative.place(ref.text, before, ref.ahead, ref.start, past=past, present=present)
        if ref.start < cuts[1] or placed.value == ref.value or placed.value is None:
            continue
        for name in ("statements", "events", "figures"):
            for record in getattr(extraction, name, None) or ():
                if getattr(record, "date", None) == ref.value and record.start <= ref.start < record.end:
                    record.date = placed.value
        ref.value, ref.precision, ref.note = placed.value, placed.precision, placed.note
        changed += 1
    return changed


def predicate_of(span: Span) -> int | None:
    """Character offset of the verb a date attaches to: the first verb above it in the parse."""
    token, hops = span.root, 0
    while token.head is not token and hops < 8:
        token, hops = token.head, hops + 1
        if token.pos_ in ("VERB", "AUX"):
            return token.idx
    return None


def _names_a_day(ent: Span) -> bool:
    """A TIME entity that names a day ("Monday afternoon", "Friday night"), not an hour or a duration."""
    return ent.label_ == "TIME" and bool(RE_DAY_WORD.search(ent.text))


def infer_published(doc: Doc, today: dt.date | None = None) -> dt.date | None:
    """A report's likely date, from a fully specified weekday + month + day inside it (the latest one)."""
    found = []
    for ent in doc.ents:
        if ent.label_ != "DATE":
            continue
        low = " ".join(ent.text.lower().split())
        for pattern in (RE_MDY, RE_DMY):
            m = pattern.search(low)
            if m and m["wd"]:
                month, day = MONTHS[m["m"]], int(m["d"])
                if m["y"]:
                    date = safe_date(int(m["y"]), month, day)
                else:
                    year = year_from_weekday(month, day, WEEKDAYS[m["wd"]], today)
                    date = safe_date(year, month, day) if year else None
                if date and date.weekday() == WEEKDAYS[m["wd"]] and date <= (today or dt.date.today()):
                    found.append(date)
                break
    return max(found) if found else None


def _is_age(span: Span) -> bool:
    doc = span.doc
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    after = " ".join(t.lower_ for t in doc[span.end: span.end + 3])
    return before in ("aged", "age", "ages") or after.startswith(("old", "- old", "-old")) or "year - old" in after


YEAR_TAKERS = frozenset("in since of from by until till during before after through for the its their his her this "
                        "that our 's ’s".split())
"""Words a year written before a noun follows ("in 2024 polls", "the 2022 floods"); a count follows others."""


def _is_count(span: Span) -> bool:
    """A bare four-digit number counting the plural noun after it ("1260 soldiers", "2000 homes"),
    not a year: no determiner or preposition before it that a year would take ("the 2024 elections",
    "in 2024")."""
    doc = span.doc
    if not re.fullmatch(r"\d{4}", span.text.strip()) or span.end >= len(doc):
        return False
    after, before = doc[span.end], doc[span.start - 1] if span.start > 0 else None
    if after.tag_ not in ("NNS", "NNPS"):
        return False
    return before is None or before.lower_ not in YEAR_TAKERS


def _nearest(back: Resolution, ahead: Resolution | None, base: dt.date) -> Resolution:
    """Of a date read back and read ahead, the one nearer ``base`` ("said it would publish the
    results in December", in a November report, is the coming December); the past one on a tie."""
    def distance(r: Resolution | None) -> int | None:
        span = date_interval(r.value) if r is not None else None
        return None if span is None else max((span[0] - base).days, (base - span[1]).days, 0)

    far_back, far_ahead = distance(back), distance(ahead)
    return ahead if far_ahead is not None and far_back is not None and far_ahead < far_back else back


def _first_of_joined(ent: Span) -> Span:
    """The first of two days that the entity recogniser ran together (see ``RE_JOINED_DAYS``)."""
    m = RE_JOINED_DAYS.search(ent.text)
    if m is None or not RE_DAY_WORD.search(ent.text[:m.start()]) or not RE_DAY_WORD.search(ent.text[m.end():]):
        return ent
    first = ent.doc.char_span(ent.start_char, ent.start_char + m.start(), label=ent.label_)
    return first if first is not None else ent


def extract_times(doc: Doc, infer: bool = True, today: dt.date | None = None) -> list[TimeRef]:
    """Every DATE entity of ``doc`` that names a point or period in time, resolved.

    Without a publication date, absolute dates still resolve; with ``infer``, relative ones
    resolve against a date inferred from a weekday + month + day in the text (and say so).
    """
    published = doc._.published if Doc.has_extension("published") else None
    inferred = infer_published(doc, today) if published is None and infer else None
    doc_id = doc._.doc_id if Doc.has_extension("doc_id") else None
    refs = []
    text = text_of(doc)
    narrative = _Narrative(published, text)
    for ent in doc.ents:
        if (ent.label_ != "DATE" and not _names_a_day(ent)) or _is_modal_may(ent) or _is_age(ent) or _is_count(ent):
            continue
        if is_reference_line(line_of(text, ent.start_char)):
            continue
        ent = _first_of_joined(ent)
        cue = ahead_cue(ent)
        ahead = cue is not None
        # "would" is the future of a past telling: the day stays the nearest one, before or after.
        # So is a plan named beside its noun ("the talks, due on 17 September, were postponed"), and
        # the start of a thing named before the date ("the ban from 1 March").
        nearest = cue in PAST_FUTURE or str(cue).startswith(NOUN_PLAN) or _opens_named_thing(ent)
        forward = (ahead and not nearest) or _points_forward(ent)
        backward = not ahead and not forward and _told_in_past(ent)
        for part, offset in _glued_parts(ent.text):
            resolved = resolve_date_text(part, published, forward=forward and not nearest, today=today,
                                         backward=backward)
            if (resolved is None or resolved.value is None) and (m := RE_CLAUSE_AFTER_DATE.search(part)) is not None:
                # "resigned last week after a row": the recogniser ran the date into the clause after it.
                cut = resolve_date_text(part[:m.start()], published, forward=forward and not nearest, today=today)
                if cut is not None and cut.value is not None:
                    part, resolved = part[:m.start()], cut
            if resolved is None:
                continue
            if nearest and published is not None:
                resolved = _nearest(resolved, resolve_date_text(part, published, forward=True, today=today), published)
            if resolved.value is None and inferred is not None and resolved.note == "no publication date":
                again = resolve_date_text(part, inferred, forward=forward, today=today)
                if again is not None and again.value is not None:
                    note = f"relative to {inferred.isoformat()}, a date inferred from the text"
                    resolved = Resolution(again.value, again.precision, note + (f"; {again.note}" if again.note else ""))
            start = ent.start_char + offset
            # A year naming a thing ("the trains have kept running after the declaration of independence in
            # 1991") tells no history: the month-days after it keep the report's year.
            resolved = narrative.place(part, resolved, forward, start,
                                       past=(backward or _told_in_past(ent)) and not _year_of_a_thing(ent),
                                       present=not ahead and _acts_in_present(ent))
            refs.append(TimeRef(doc=doc_id or "", start=start, end=start + len(part), text=part,
                                value=resolved.value, precision=resolved.precision, note=resolved.note,
                                ahead=ahead, head=predicate_of(ent)))
    taken = [(r.start, r.end) for r in refs]
    for m in RE_LAST_NIGHT.finditer(text):
        # "Last night, lava crossed the road": the recogniser does not always tag the evening before.
        if any(a < m.end() and m.start() < b for a, b in taken) or published is None:
            continue
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None or is_reference_line(line_of(text, m.start())):
            continue
        resolved = resolve_date_text(m.group(0), published, today=today)
        if resolved is not None and resolved.value is not None:
            refs.append(TimeRef(doc=doc_id or "", start=m.start(), end=m.end(), text=m.group(0), value=resolved.value,
                                precision=resolved.precision, note=resolved.note, ahead=ahead_cue(span) is not None,
                                head=predicate_of(span)))
    for m in RE_SURVEY_DATE.finditer(text):
        # "The Axios/Ipsos March survey showed ...": the recogniser often leaves a month before a survey's noun.
        if any(a < m.end() and m.start() < b for a, b in taken) or published is None:
            continue
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None or is_reference_line(line_of(text, m.start())):
            continue
        resolved = resolve_date_text(m.group(0), published, today=today, backward=True)
        if resolved is not None and resolved.value is not None:
            refs.append(TimeRef(doc=doc_id or "", start=m.start(), end=m.end(), text=m.group(0), value=resolved.value,
                                precision=resolved.precision, note=resolved.note, head=predicate_of(span)))
    refs.sort(key=lambda r: r.start)
    return refs


RE_SURVEY_DATE = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+\d{1,2})?"
    r"(?=\s+(?:poll|polls|survey|surveys|census)\b)")
"""A month, or a month and day, written straight before a survey's noun ("the Axios/Ipsos March survey", "a
Gallup June 4 poll"): when the survey was taken, which the recogniser often misses."""
RE_CLAUSE_AFTER_DATE = re.compile(r"\s(?:after|amid|following|when|as)\s")
"""Where a date entity runs into the clause after it ("last week after a row over the sirens")."""
RE_LAST_NIGHT = re.compile(r"\b[Ll]ast\s+night\b")


RE_GLUED_SENTENCES = re.compile(r"(?<=[\w)])\.(?=[A-Z][a-z])")
"""A sentence end with its space lost ("began as early as 2014.On February 27, troops ..."), as
scraped text often has: the entity recogniser runs the two sentences' dates into one."""


def _glued_parts(text: str) -> list[tuple[str, int]]:
    """The entity text cut at sentence ends that lost their space, each part with its offset: each
    sentence's date is read on its own ("2014", then "On February 27" in the year just told)."""
    cuts = [m.end() for m in RE_GLUED_SENTENCES.finditer(text)]
    if not cuts:
        return [(text, 0)]
    bounds = [0, *cuts, len(text)]
    return [(text[a:b].rstrip("."), a) for a, b in zip(bounds, bounds[1:]) if text[a:b].strip(". ")]


class TimesComponent:
    """Pipeline component: fills ``doc._.times`` with TimeRef records."""

    def __init__(self, infer_published: bool = True):
        self.infer_published = infer_published

    def __call__(self, doc: Doc) -> Doc:
        if doc._.published is None and self.infer_published:
            # Later components (office-holders on the report's date) need the date too.
            inferred = infer_published(doc)
            if inferred is not None:
                doc._.published = inferred
                doc._.published_inferred = True
        doc._.times = extract_times(doc, infer=self.infer_published)
        return doc


@Language.factory(
    "storyline_times",
    requires=["doc.ents"],
    assigns=["doc._.times", "doc._.published"],
    default_config={"infer_published": True},
)
def make_times(nlp: Language, name: str, infer_published: bool) -> TimesComponent:
    from storyline.nlp.pipeline import register_extensions

    register_extensions()
    return TimesComponent(infer_published)
