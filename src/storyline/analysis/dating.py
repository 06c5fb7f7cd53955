"""Which time expressions in a sentence can date a happening on the timeline, and which lines are captions."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from functools import lru_cache

from storyline.ingest.bylines import dateline_date
from storyline.models import TimeRef

PRESENT = {"today", "now", "currently", "at present", "these days", "nowadays", "right now"}
# "since" opening the clause a date sits in ("killed since Russia launched its invasion last year").
RE_SINCE = re.compile(r"\bsince\b[^,;.:]*$", re.I)
# A date in a phrase giving an example of what the clause tells ("troops arrived in recent days,
# including some on Wednesday"): it dates the example, and dating the sentence by it misdates the rest.
RE_EXAMPLE = re.compile(r"\b(?:including|among them|such as)\b[^,;.:()]*$", re.I)
SINCE_REACH = 60
# A date inside a phrase naming something else the sentence's verb is placed against ("before the
# start of the offensive on 4 June", "on the eve of the vote on Sunday", "a ship sets off, following the
# deal last month", "called the ruling final soon after a recording surfaced in late May"): it
# dates the thing named, not the verb. "After" counts only when the verb the date attaches to comes
# before it: in "after a week of rain the river burst its banks on Saturday" the date is the verb's.
RE_AFTER = re.compile(r"\bafter\b[^,;.:]*$", re.I)
RE_BEFORE = re.compile(r"\b(?:before|prior\s+to|ahead\s+of|in\s+the\s+run[- ]up\s+to|on\s+the\s+eve\s+of|"
                       r"following|in\s+the\s+wake\s+of)\b[^,;.:]*$", re.I)
# A date inside a relative clause ("met an actor who was assaulted last month", "the dam, which burst
# on Tuesday"): it dates what the clause tells of a participant, not the sentence's own verb.
RE_RELATIVE = re.compile(r"\b(?:who|whom|whose|which)\b[^,;.:()\"“”]*$", re.I)
RE_RELATIVE_SUBJECT = re.compile(r"\b(who|which)\b[^,;.:()\"“”]*$", re.I)
RELATIVE_REACH = 160
AUXILIARIES = frozenset("had has have was were is are been being later then also reportedly allegedly".split())
# A date that points back at one told earlier ("later that month", "the same day", "the following
# week"): resolving it against the report's date misplaces it.
RE_ANAPHORIC = re.compile(r"\b(?:that|the\s+same|the\s+following|the\s+next|the\s+previous)\s+"
                          r"(?:day|morning|afternoon|evening|night|week|weekend|month|year)\b", re.I)
# A date written before a noun, after a possessive or an article ("the country's 28 July vote", "the
# 9 May parade"): it names what the sentence mentions, not a second happening the sentence tells.
RE_PRENOMINAL = re.compile(r"(?:['’]s|\b(?:the|a|an|its|their|his|her|this|that))\s+$", re.I)
# A date that bounds a stretch of time rather than dating a happening in it: "criticised him prior to
# 18 July", "the report covers the period to May 2023", "a survey conducted between 22 February and
# 6 March", "talks must end by Friday", "as of January", "until 3 March".
RE_BOUND = re.compile(
    r"\b(?:prior\s+to|before|until|till|up\s+to|ahead\s+of|as\s+of|by|between|through|to)\s+(?:the\s+)?"
    r"(?:(?:end|start|beginning|middle)\s+of\s+)?$", re.I)
RE_BOUND_TEXT = re.compile(r"^(?:prior\s+to|before|until|till|up\s+to|ahead\s+of|as\s+of|by|between)\b", re.I)
# The opening of a stretch after the noun it belongs to: "a ban on exports from 1 March", "400,000
# recruits beginning Apr. 1", "data from June 4" date when the thing named starts, not a happening.
# After the verb it attaches to ("exercises were held from 10 February", "dockers struck from 3 March";
# without a parse, a past form) or opening the clause ("From 10 February, exercises were held") the
# date is the verb's.
RE_OPENING = re.compile(r"\b(?P<word>[\w’'\-]{1,30})\s+(?:from|beginning|starting|effective(?:\s+from)?)\s+(?:the\s+)?$",
                        re.I)
VERBS_OF_STRETCHES = frozenset({"held", "began", "ran", "run", "went", "came", "fought", "lasted", "took", "kept"})
RE_WITHIN = re.compile(r"\b(?:during|at|in|on|over)\s+(?:the|a|an|its|their|his|her|this|that)\s+$", re.I)
RE_WORD_AT = re.compile(r"[A-Za-z]+")
RE_OCCASION_BEFORE = re.compile(
    r"\b(?:in|at|during)\s{1,3}(?:a|an|his|her|its|their|the)\s{1,3}(?:[\w\-]{1,20}\s{1,3}){0,3}?"
    r"(?:address|speech|interview|statement|briefing|conference|post|message|remarks|video)\s{1,3}(?:on\s{1,3})?\Z",
    re.I)
"""A speaking occasion just before a date ("in a late night address Wednesday", "at a briefing on Monday"):
the day the sentence's speaker spoke, whatever verb the parser hangs it on."""
# A date that is the subject of "marks" with a stretch of time or an anniversary ("March 16 marks
# exactly nine years since the vote", "Friday marked the first anniversary of ..."): it counts time
# from a happening told elsewhere; the day itself is no happening.
RE_MARKS_TIME = re.compile(r"\A[^,;.:]{1,40}?\s(?:marks|marked|will\s+mark)\s(?:[\w’'\-]{1,20}\s){0,3}?"
                           r"(?:years?|months?|weeks?|days?|anniversary|birthday)\b", re.I)
SENTENCE_OPENERS = frozenset({"", ".", "!", "?", '"', "“"})
"""What comes before a date that opens its sentence (the subject of "marks")."""
# A date closing an "of" phrase under a noun of what may happen ("warned of a distinct possibility of
# an invasion in February", "the risk of floods on Sunday"): it dates the possible thing, not the verb.
RE_CHANCE_OF = re.compile(r"\b(?:possibility|possibilities|threat|threats|risk|risks|danger|dangers|prospect|prospects|"
                          r"likelihood|chance|chances|fear|fears|spectre|specter)[\"”’']?\s{1,3}of\s{1,3}"
                          r"(?:(?!of\b)[^\s,;.:]{1,40}\s{1,3}){0,6}?(?:in|on|during|by)\s{1,3}(?:the\s{1,3})?\Z", re.I)
IRREGULAR_PAST = frozenset(
    "said told wrote spoke made gave took met held went came began saw sent left brought found put kept "
    "struck shot fought fell hit led won lost broke chose drove flew rose sought stood swore threw cut set shut "
    "spread burst cast quit hurt beat sold paid built spent became knew thought bought caught fled fed withdrew "
    "overran sank drew grew blew heard felt tore dug stuck swept arose shook stole taught upheld withheld froze "
    "hung hid lent rode rang sang sat laid lit meant dealt sworn taken given seen shown known drawn flown grown "
    "torn frozen spoken fallen risen begun done gone forgotten beaten broken chosen driven stolen thrown written".split())
PLANNED_PARTICIPLES = frozenset({"expected", "scheduled", "planned", "slated", "intended", "supposed", "proposed"})
# A day written as a possessive ("Monday's warning") or bare after a noun ("his remarks Sunday")
# names a thing the sentence mentions.
RE_POSSESSIVE_AFTER = re.compile(r"['’]s\b")
RE_BARE_BEFORE = re.compile(r"\b[a-z][\w’'\-]*\s+$")
PREPOSITIONS = frozenset("on in at by during from since until till before after over through last this next early "
                         "late earlier later of for to and or".split())
RE_PERFECT = re.compile(r"\b(?:has|have|having)\s+(?:\w+\s+)?$", re.I)
# A participle after a present form of "be" is a present passive ("the month is dedicated to", "talks are
# held every May"): what is so, or is done as a habit, not an act of the past.
# After a modal or "to", "be" makes no past either ("it should be carried out in January", "is to be
# signed on Friday"): what ought to, may or will be done.
RE_PRESENT_PASSIVE = re.compile(r"\b(?:is|are|am|(?:will|would|shall|should|must|can|could|may|might|to)\s+be)\s+(?:\w+\s+)?$",
                                re.I)
# Photo captions and credits: a caption's date is the photo's, and a caption is not a report. An
# agency name alone in brackets is a dateline ("CAPRI, Italy (AP) - ..."), which opens a report's lede.
CAPTION_RE = re.compile(
    r"\((?:AP|AFP|Reuters|EPA|Getty|Anadolu)(?:\s+Photos?\b|\s*/)[^)]{0,60}\)|\b(?:photo|photograph|image|picture)\s*(?:credit)?\s*[:/]"
    r"|\bfile (?:photo|image|picture)\b|\bGetty Images\b|\bvia Getty\b|^\s*(?:caption|pictured)\b"
    r"|\([A-Z][\w.'’\- ]{2,40}\s*/\s*(?:AP|AFP|Reuters|EPA|Getty(?: Images)?|Anadolu|Bloomberg|Sputnik|TASS|PA|Xinhua)\)",
    re.I,
)


_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|"
          r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
RE_CAPTION_DATE = re.compile(rf"\b{_WEEKDAY},\s{{1,3}}{_MONTH}\.?\s{{1,3}}\d{{1,2}},\s{{1,3}}\d{{4}},\s{{1,3}}"
                             r"(?:in|near|at|outside|inside|on)\s{1,3}(?:the\s{1,3})?[A-Z]")
"""A photo caption in the agencies' style: what the picture shows, then the weekday, the full date
and the place ("... on Thursday, January 27, 2022, near Shyrokyne, Ukraine."). Prose does not date
a happening with a weekday, a full date and a place in a row."""


@lru_cache(maxsize=1 << 12)
def caption_line(line: str) -> bool:
    """Whether a line reads as a photo caption or credit (``CAPTION_RE``), remembered: each record of a
    paragraph asks of the same line."""
    return CAPTION_RE.search(line) is not None


def line_at(text: str, offset: int) -> tuple[int, str]:
    """Start and text of the line holding ``offset``."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, text[start: end if end >= 0 else len(text)]


def quoted_at(text: str, start: int, offset: int) -> bool:
    """Whether ``offset`` lies inside quotation marks opened after ``start``."""
    before = text[start:offset]
    straight = before.count('"') % 2 == 1
    curly = before.count("\u201c") > before.count("\u201d")
    return straight or curly


def places(text: str, ref: TimeRef) -> bool:
    """Whether a time expression can date a happening on the chronology.

    Not "today" or "now" (a state of affairs), not the opening of a span ("no supplies since
    Saturday", "killed since the invasion began last year"), not a date in a phrase placing the
    verb before it ("before the vote on Sunday", "spoke shortly after the vote on Sunday") or in a
    relative clause ("an actor who was assaulted last month", or without its pronoun: "the pledge made by the
    governor last month", see ``_reduced_relative``), not a date on what may happen named in an
    "of" phrase ("warned of a possibility of invasion in February", see ``_of_a_happening``), not a date pointing back at one told
    earlier ("later that month"), not the opening or end of a stretch ("a ban from 1 March", "until
    Friday"), not a day naming a thing on no past act ("Critics of Monday's warning say", see
    ``names_a_thing``), not a day that marks a stretch of time ("March 16 marks nine years since
    ..."), not a dateline ("KYIV, Oct 30 (Reuters) -": it dates the report), and not a week ("this week", "its
    weekend attack"): a week cannot be ordered against the days in it.
    """
    if not ref.value or ref.precision == "week":
        return False
    if " ".join(ref.text.lower().split()) in PRESENT:
        return False
    before = text[max(0, ref.start - SINCE_REACH):ref.start]
    if ref.text.lower().startswith("since ") or RE_SINCE.search(before) or RE_EXAMPLE.search(before):
        return False
    if RE_BEFORE.search(before) or RE_RELATIVE.search(before) or RE_ANAPHORIC.search(ref.text):
        return False
    if _relative_verb(text, ref) or _reduced_relative(text, ref):
        return False
    if (m := RE_AFTER.search(before)) is not None and ref.head is not None \
            and ref.head < ref.start - len(before) + m.start():
        return False
    if RE_BOUND_TEXT.match(ref.text.strip()) or RE_BOUND.search(text[max(0, ref.start - 30):ref.start]):
        return False
    if names_a_thing(text, ref) or _of_a_happening(text, ref) or _names_a_subject(text, ref):
        return False
    opens = text[max(0, ref.start - 200):ref.start].rstrip()[-1:] in SENTENCE_OPENERS
    if opens and RE_MARKS_TIME.match(text[ref.start:ref.start + 160]):
        return False  # "March 16 marks nine years since the referendum": a count of time, no happening
    window = max(0, ref.start - 40)
    if (m := RE_OPENING.search(text[window:ref.start])) is not None:
        word = m["word"].lower()
        verbs = ref.head == window + m.start("word") if ref.head is not None else (
            word.endswith("ed") or word in VERBS_OF_STRETCHES)
        if not verbs:
            return False
    line_start, line = line_at(text, ref.start)
    if (raw := dateline_date(line)) is not None:
        at = line.find(raw)
        if at >= 0 and line_start + at <= ref.start < line_start + at + len(raw) + 2:
            return False
    return True


def _of_a_happening(text: str, ref: TimeRef) -> bool:
    """Whether the date closes an "of" phrase under a noun of what may happen, after its verb
    ("warned of a possibility of an invasion in February", see ``RE_CHANCE_OF``): "walked out of the
    talks on Monday" and "declared him the winner of the election on Monday" keep their date."""
    if ref.head is None or ref.head >= ref.start or ref.start - ref.head > SINCE_REACH * 2:
        return False
    return RE_CHANCE_OF.search(text[ref.head:ref.start]) is not None


RE_NOUN_ON = re.compile(r"\b(?P<noun>[a-z][a-z\-]{2,30})\s{1,3}(?:on|of)\s{1,3}\Z")


def _names_a_subject(text: str, ref: TimeRef) -> bool:
    """Whether a date after a noun names the subject of a verb in the present that follows it ("The
    ministry's update on 13 February focuses on ...", "the summit on Tuesday brings together ..."):
    it says which thing the sentence describes, not that anything happened that day. "The talks on
    Wednesday ended" keeps its date: the verb is a past act."""
    if ref.head is None or ref.head < ref.end or ref.head - ref.end > SINCE_REACH:
        return False
    m = RE_NOUN_ON.search(text[max(0, ref.start - 30):ref.start])
    if m is None or m["noun"] in PREPOSITIONS or m["noun"].endswith("ed"):
        return False
    verb = RE_WORD_AT.match(text, ref.head)
    word = verb.group(0).lower() if verb else ""
    return word.endswith("s") and not past_word(text, ref.head) and word not in {"has", "was", "is"}


def _relative_verb(text: str, ref: TimeRef) -> bool:
    """Whether a date farther into a relative clause than ``SINCE_REACH`` attaches to the clause's own
    verb ("gunmen who held 30 hostages at the ferry terminal in March"): the
    verb follows the pronoun, at most an auxiliary or two between. "Officials who spoke on condition
    of anonymity said troops left on Monday" dates "left", not the clause's "spoke"."""
    if ref.head is None or ref.head >= ref.start:
        return False
    window = max(0, ref.start - RELATIVE_REACH)
    m = RE_RELATIVE_SUBJECT.search(text[window:ref.start])
    if m is None or window + m.start() > ref.head:
        return False
    between = text[window + m.end(1):ref.head].split()
    return len(between) <= 2 and all(w.lower() in AUXILIARIES for w in between)


RE_NOUN_BEFORE = re.compile(r"\b(?:the|a|an|its|their|his|her|this|that|these|those)\s+(?:[a-z][\w\-]*\s+){0,2}?"
                            r"(?P<noun>[a-z][\w\-]*)\s+\Z")
RE_BY_AFTER = re.compile(r"\s{1,3}by\s{1,3}(?:the\s|[A-Z])")
"""A doer after "by" ("by the council", "by Austin"), not a means or a measure ("by phone", "by far", "by a wide margin")."""


def _reduced_relative(text: str, ref: TimeRef) -> bool:
    """Whether the date's verb is a past participle straight after a common noun, its doer after "by" ("repeated
    the warning voiced by the minister last week"): a relative clause without its pronoun, dating
    what it tells of the noun, not the sentence's own verb. After an auxiliary ("the dam was breached by the
    flood on Monday") the participle is the sentence's verb, and a subject so described opening the sentence
    ("The report published by the agency on Monday said ...") is the thing whose dated coming the sentence tells."""
    if ref.head is None or ref.head >= ref.start:
        return False
    word = RE_WORD_AT.match(text, ref.head)
    if word is None or not (word.group(0).endswith("ed") or word.group(0) in IRREGULAR_PAST) \
            or not RE_BY_AFTER.match(text, word.end()):
        return False
    m = RE_NOUN_BEFORE.search(text, max(0, ref.head - 60), ref.head)
    return m is not None and m.group("noun") not in AUXILIARIES


RE_NOUN_BEFORE_ANY = re.compile(r"\b(?:the|a|an|its|their|his|her|this|that|these|those)\s+(?:[a-z][\w\-]*\s+){0,2}?"
                                r"(?P<noun>[a-z][\w\-]*),?\s+\Z", re.I)
RE_ONLY_PREPOSITIONS = re.compile(r"\s{1,3}(?:(?:in|on|at|during|early|late|earlier|back|out|off|up|down|away|over)"
                                  r"\s{1,3}){0,3}\Z", re.I)


def participle_history(text: str, ref: TimeRef) -> bool:
    """Whether the date follows straight on a past participle after a noun ("The bridge destroyed in November",
    "the ferry seized last month", "The harbour master, appointed in October,"): a relative clause without its
    pronoun, telling the history of a participant, whether or not its doer follows after "by". Only a
    preposition or a particle ("washed out in January") may stand between the participle and the date: in "the
    rebels captured the town in March" the verb has its object and is the sentence's own."""
    if ref.head is None or ref.head >= ref.start:
        return False
    word = RE_WORD_AT.match(text, ref.head)
    if word is None or not (word.group(0).endswith("ed") or word.group(0) in IRREGULAR_PAST):
        return False
    if RE_ONLY_PREPOSITIONS.fullmatch(" " + text[word.end():ref.start]) is None:
        return False
    m = RE_NOUN_BEFORE_ANY.search(text, max(0, ref.head - 60), ref.head)
    return m is not None and m.group("noun").lower() not in AUXILIARIES


def prenominal(text: str, ref: TimeRef) -> bool:
    """Whether a date stands between a determiner or possessive and the noun it names ("the country's
    9 June vote", "its January forecast")."""
    if not RE_PRENOMINAL.search(text[max(0, ref.start - 12):ref.start]):
        return False
    if RE_WITHIN.search(text[max(0, ref.start - 20):ref.start]):
        return False  # "spoke during a Tuesday address": the verb happens within the thing the date names
    after = RE_WORD_AT.match(text, ref.end + 1) if text[ref.end:ref.end + 1] == " " else None
    return after is not None and after.group(0).islower()


def tabular(text: str) -> bool:
    """Whether a record's text is a table row run together ("Dec 2021 May 2023 Yes No West 75 12 72 13
    ..."), not a sentence: most of its words are numbers."""
    words = text.split()
    if len(words) < 12:
        return False
    # A word of letters alone holds no digit: only the others are read character by character.
    return sum(1 for w in words if not w.isalpha() and any(map(str.isdigit, w))) > 0.35 * len(words)


def past_word(text: str, offset: int) -> bool:
    """Whether the word at ``offset`` is a verb in the past ("struck", "announced"), not a plan
    ("expected"), a present perfect ("has deepened") nor a present passive ("is dedicated")."""
    m = RE_WORD_AT.match(text, offset)
    word = m.group(0).lower() if m else ""
    if not (word in IRREGULAR_PAST or word.endswith("ed") and word not in PLANNED_PARTICIPLES):
        return False
    before = text[max(0, offset - 20):offset]
    return not (RE_PERFECT.search(before) or RE_PRESENT_PASSIVE.search(before))


def names_a_thing(text: str, ref: TimeRef) -> bool:
    """Whether a day names a thing the sentence mentions rather than when its verb happened: written as
    a possessive ("Critics of Monday's warning say it came too late", "Saturday's verdict has deepened
    divisions") or bare after a noun ("Medvedev's remarks Sunday raise the possibility"). Such a day
    dates the sentence only when its verb is a past act ("Monday's attack killed 12 people", "gave an
    example of Thursday's fire"); after a past verb a bare day is the verb's own ("said Wednesday")."""
    possessive = ref.text.endswith(("'s", "’s")) or bool(RE_POSSESSIVE_AFTER.match(text, ref.end))
    bare = False
    if RE_WITHIN.search(text[max(0, ref.start - 20):ref.start]):
        return False  # "saying in his Thursday night video address": the verb happens within the thing named
    if RE_OCCASION_BEFORE.search(text, max(0, ref.start - 60), ref.start):
        return False  # "called for a tribunal in a late night address Wednesday": the day of the occasion spoken at
    first = ref.text.split()[0].lower() if ref.text.split() else ""
    if not possessive and first not in PREPOSITIONS and not first[:1].isdigit() \
            and (m := RE_BARE_BEFORE.search(text[max(0, ref.start - 30):ref.start])) is not None:
        bare = m.group(0).split()[0].lower() not in PREPOSITIONS
    # Without a parse head the verb is unknown, and counts as past (as for the other tests of a date).
    return (possessive or bare) and ref.head is not None and not past_word(text, ref.head)



RE_WEEKEND_TEXT = re.compile(r"\bweekend\b", re.I)


def week_as_month(ref: TimeRef, published: str | None) -> TimeRef:
    """A date known only to its week ("last week", "this weekend", "two weeks ago") as the month it
    lies in, when the whole week (or weekend) lies in one month: "Zelensky last week demanded ..."
    in a report of 6 February is a happening of January. What this week or weekend holds up to the
    report's day counts, not the days after it. A week across two months cannot be placed and stays
    a week (``places`` refuses it); any other date is returned as it is."""
    if ref.precision != "week" or not ref.value:
        return ref
    try:
        monday = dt.date.fromisoformat(ref.value[:10])
    except ValueError:
        return ref
    first, last = monday, monday + dt.timedelta(days=6)
    if RE_WEEKEND_TEXT.search(ref.text):
        first = monday + dt.timedelta(days=5)
    if published:
        try:
            day = dt.date.fromisoformat(str(published)[:10])
        except ValueError:
            day = None
        if day is not None and first <= day < last and not ref.ahead:
            last = day
    if (first.year, first.month) != (last.year, last.month):
        return ref
    return dataclasses.replace(ref, value=f"{first.year:04d}-{first.month:02d}", precision="month")
