"""Phrase matching for policy options: instruments, deployments, stance and advocacy cues, and generic option phrases."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# General instruments of statecraft: (key, label, pattern). Variants of one instrument
# ("broaden sanctions", "additional sanctions") meet under its key. Deployments are
# matched separately because whose forces they are is part of the option.
INSTRUMENTS = [
    ("arms-embargo", "arms embargo", r"\barms embargo(?:es)?\b"),
    ("sanctions", "sanctions", r"\bsanction(?:s|ed|ing)?\b|\bexport controls?\b|\basset freezes?\b"),
    ("military-aid", "military aid",
     r"\b(?:military|lethal|defensive|security|weapons?)(?:,?\s+(?:and\s+)?\w+,?)*\s+"
     r"(?:aid|assistance|support|packages?)\b"
     # Weapons are aid only when handed over: "artillery fire could be dangerous" is not an option.
     r"|\b(?:provid|send|sent|suppl|deliver|giv|gave|ship|transfer|more|advanced|modern|western)\w*\s+"
     r"(?:[\w-]+\s+){0,3}?"
     r"(?:weapon(?:s|ry)|arms\b(?!\s+(?:embargo|control|race|trade))|ammunition|munitions|air defen[cs]es?|"
     r"fighter jets|artillery|tanks|missiles)\b|\bmilitary training\b"),
    ("economic-aid", "economic aid",
     r"\b(?:financial|economic|budget(?:ary)?)(?:,?\s+(?:and\s+)?\w+,?)*\s+(?:aid|assistance|support)\b"
     r"|\b(?:military|humanitarian),\s+financial\b"),
    ("humanitarian-aid", "humanitarian aid",
     r"\bhumanitarian(?:,?\s+(?:and\s+)?\w+,?)*\s+(?:aid|assistance|relief|corridors?|access|supplies)\b"
     r"|\baid deliver(?:y|ies)\b"),
    ("ceasefire", "ceasefire", r"\bcease-?fires?\b|\btruces?\b|\bcessation of hostilities\b|\barmistice\b"),
    ("intelligence-sharing", "intelligence sharing",
     r"\bintelligence[- ]sharing\b|\bshar\w* (?:of )?intelligence\b|\bintelligence (?:cooperation|exchange)\b"),
    ("diplomatic-pressure", "diplomatic pressure",
     r"\bdiplomatic (?:pressure|isolation)\b|\bisolat(?:e|ing|ion of)\b"),
    ("diplomacy", "diplomacy and negotiations",
     r"\bnegotiat\w+|\b(?:peace|multilateral|direct|diplomatic) talks\b|\btalks with\b|\bdialogue\b"
     r"|\b(?:seek|hold|open|resume|start|begin|launch|join)\w*\s+(?:\w+\s+)?talks\b|\bmediat(?:e|ion|ing)\b"
     r"|\bdiplomatic (?:solutions?|settlement|channels?|efforts?|initiatives?|engagement)\b|\bdiplomacy\b"),
    ("economic-measures", "economic measures",
     r"\btariffs?\b|\btrade restrictions?\b|\beconomic (?:measures|pressure|restrictions)\b"),
    ("defence-spending", "defence spending", r"\bdefen[cs]e (?:spending|budgets?)\b"),
    ("troops", "troops", r"\b(?:military|armed|foreign) intervention\b|\bintervention force\b"),
]
INSTRUMENT_RE = [(k, label, re.compile(rx, re.I)) for k, label, rx in INSTRUMENTS]
INSTRUMENT_WORDS = {
    "arms-embargo": ("arms embargo",),
    "sanctions": ("sanction", "export control", "asset freeze"),
    "military-aid": ("military", "lethal", "defensive", "security", "weapon", "arms", "munition", "air defen",
                     "fighter jets", "artillery", "tanks", "missiles"),
    "economic-aid": ("financial", "economic", "budget"),
    "humanitarian-aid": ("humanitarian", "aid deliver"),
    "ceasefire": ("cease", "truce", "cessation of hostilities", "armistice"),
    "intelligence-sharing": ("intelligence",),
    "diplomatic-pressure": ("diplomatic", "isolat"),
    "diplomacy": ("negotiat", "talks", "dialogue", "mediat", "diplomatic", "diplomacy"),
    "economic-measures": ("tariff", "trade restriction", "economic"),
    "defence-spending": ("defen",),
    "troops": ("intervention",),
}
"""Words (lower case) of which each instrument's every match holds one: a text holding none of them is not searched.
Unless it holds a letter that a case-blind pattern matches as another (dotless i, long s, dotted capital I): that one
is searched whole."""
_CASE_ODD = re.compile("[\u0131\u017f\u0130]")
# Whose forces is part of a deployment option; a generic adjective ("foreign") is not an owner.
_QUAL = r"(?:(?i:foreign|western|allied|international|multinational)\s+)?(?P<qual>(?:[A-Z][\w.’'-]*\s+)+)?"
# Verb forms only: "the deployment of X troops" reports an event, "deploying X troops" weighs an act.
_SEND = (r"(?i:deploy(?:s|ed|ing)?|send(?:s|ing)?|sent|dispatch(?:es|ed|ing)?|commit(?:s|ted|ting)?|"
         r"station(?:s|ed|ing)?|put(?:s|ting)?)\s+(?:(?i:the|more|additional|further|its|their|some|any|new)\s+)*")
DEPLOYMENTS = [
    ("troops", "troops", re.compile(_SEND + _QUAL + r"(?i:troops|soldiers|forces|ground forces|military personnel)\b"),
     re.compile("troops|soldiers|forces|military personnel", re.I)),
    ("troops", "troops",
     re.compile(f"(?:{_SEND})?" + _QUAL + r"(?:\([A-Z.]+\)\s+)?[\"“”]?(?i:boots\s+on\s+the\s+ground)"),
     re.compile("boots", re.I)),
    ("peacekeeping", "peacekeeping",
     re.compile(f"(?:{_SEND})?" + _QUAL + r"(?i:peace-?keep\w*|stabili[sz]ation force|monitoring mission)"),
     re.compile("peace|stabili|monitoring mission", re.I)),
]
"""(key, label, pattern, the words a match holds or None). A pattern whose verb is optional tries every capitalised
word as the start of an owner's name, so a text is searched first for the words it ends on (a third of the
options' time on the 447-report corpus); a text without them holds no match."""
DESTINATION = re.compile(r"^[\"”’]?\s+(?:to|in|into)\s+(?:the\s+)?(?P<dest>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)")

# A warning about what an option would bring makes its source a sceptic of the option.
NEGATIVE = re.compile(
    r"\brisk|(?<!de-)(?<!de)escalat|provok|provoc|confrontation|retaliat|backfir|undermin|destabili|danger|worsen|harm|"
    r"casualt|collapse|prolong|spiral|costly|(?:wider|direct|full-scale|world|regional|broader|the) war|nuclear|"
    r"drag\w* (?:[\w’'-]+ ){1,3}into|counterproductive|\bhurt|punish\w* (?:ordinary|civilians|famil)", re.I)
POSITIVE = re.compile(
    r"\bdeter|de-?escalat|weaken|pressure \w+|end the war|stabili[sz]e|protect|strengthen|bolster|force \w+ to|"
    r"hold \w+ accountable|curb|help", re.I)
NEGATED_ACTION = re.compile(
    r"^(?:not|never|avoid|refrain from|stop|halt|abandon|rule out|reject|resist|oppose)\b\s*", re.I)
NEGATED_MODAL = re.compile(r"\b(?:nobody|no one|no country|none)\s+(?:should|must)\b|"
                           r"\b(?:should|must|ought to|need to|can|cannot)\s*(?:not|never|n[’']t)\b(?!\s+only)"
                           r"|\b(?:shouldn|mustn)[’']t\b", re.I)
MODAL = re.compile(r"\b(?:should|must|ought to|needs? to|has to|have to|is imperative to|it is time to|"
                   r"calls? for|urged? \w+ to)\s+(?:be\s+)?", re.I)
ADVOCATE_NOUN = re.compile(r"^(?:'s|’s|'|’)?\s+(?:(?:initial|earlier|original|latest|own|renewed|repeated)\s+)?"
                           r"(?:idea|proposal|call|plan|suggestion|push|initiative|appeal)\b", re.I)
ADVOCATE_VERB = re.compile(
    r"^\s+(?:has\s+|have\s+|had\s+)?(?:\w+ly\s+)?(?:call(?:s|ed|ing)? for|urg(?:es|ed)|propos(?:es|ed)|"
    r"advocat(?:es|ed)|float(?:s|ed)|back(?:s|ed)|support(?:s|ed)|favou?r(?:s|ed)|argu(?:es|ed) for|push(?:es|ed) for|"
    r"demand(?:s|ed)|endors(?:es|ed))\b(?!\s+that\b)", re.I)
OPPONENT_VERB = re.compile(
    r"^(?:,[^,]{0,80},)?\s+(?:has\s+|have\s+|had\s+)?(?:\w+ly\s+)?(?:reject(?:s|ed)|oppos(?:es|ed)|rul(?:es|ed) out|"
    r"dismiss(?:es|ed)|veto(?:es|ed)|block(?:s|ed)|resist(?:s|ed)|warn(?:s|ed) against|refus(?:es|ed)|"
    r"(?:has been|have been|is|are|was|were|remains?|remained) "
    r"(?:reluctant|opposed|against|wary|sceptical|skeptical))\b", re.I)
BY_CUE = re.compile(
    r"\b(?:(?P<advocate>floated|proposed|suggested|advocated|championed|called for|pushed for|backed|supported|endorsed|"
    r"put forward)|(?P<opponent>shot down|rejected|opposed|ruled out|dismissed|vetoed|blocked|resisted|turned down))"
    r"\s+by\s+", re.I)

WORD = re.compile(r"[A-Za-z][\w’'-]*")
DETERMINERS = set("""not never the a an its their his her our this that these those more further additional new
fresh greater increased enhanced stronger tougher broader wider any some all both such other much most own every each
dozens hundreds thousands millions billions""".split())
STOP_AT = set("""to in into on against with for from by at of over under about through and or but so than as while
because if that which who soon now again today immediately quickly urgently without before after within either very
back out up down away off too also just only even still they them he she it we you would could might may will can
should must""".split())
# Verbs that urge a stance or a state of mind rather than an act of policy.
LIGHT_VERBS = set("be become remain stay consider recognise recognize understand reassess rethink reconsider keep "
                  "take make do have get adapt prepare grapple respond".split())
GENERIC_HEADS = set("strategy approach response position situation implication option proposal idea step measure "
                    "action reality role need way lesson capability effort".split())
IRREGULAR = {"sent": "send", "sold": "sell", "gave": "give", "given": "give", "took": "take", "taken": "take",
             "made": "make", "held": "hold", "put": "put"}

def stem(word: str) -> str:
    """A crude, consistent stem for matching variants ("imposed", "imposing" -> "impos")."""
    w = word.lower().strip("'’-")
    w = IRREGULAR.get(w, w)
    if w.endswith("ies") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 3:
        w = w[:-1]
    if w.endswith("ing") and len(w) > 5:
        w = w[:-3]
    elif w.endswith("ed") and not w.endswith("eed") and len(w) > 4:
        w = w[:-2]
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsf":
        w = w[:-1]
    return w[:-1] if w.endswith("e") and len(w) > 3 else w


@dataclass
class _Hit:
    """One option named in a phrase, with offsets into that phrase."""

    key: str
    label: str
    start: int
    end: int
    qualifier: str | None = None
    destination: str | None = None


def find_instruments(text: str) -> list[_Hit]:
    """Instruments of statecraft named in a phrase, in text order."""
    return list(_instruments(text))


@lru_cache(maxsize=1 << 14)
def _instruments(text: str) -> tuple[_Hit, ...]:
    """``find_instruments``, remembered: a statement's text is searched by several stance readers."""
    hits: list[_Hit] = []
    low = None if _CASE_ODD.search(text) else text.lower()
    for k, label, pattern, needed in DEPLOYMENTS:
        if needed is not None and not needed.search(text):
            continue
        for m in pattern.finditer(text):
            qual = (m.group("qual") or "").strip() or None
            dest = DESTINATION.match(text[m.end():])
            hits.append(_Hit(k, label, m.start(), m.end(), qual, dest.group("dest") if dest else None))
    for k, label, pattern in INSTRUMENT_RE:
        if low is not None and k in INSTRUMENT_WORDS and not any(w in low for w in INSTRUMENT_WORDS[k]):
            continue
        for m in pattern.finditer(text):
            # Lists overlap ("military, financial and humanitarian aid" is three); deployments and embargoes win.
            if not any(h.start < m.end() and m.start() < h.end for h in hits
                       if h.key in ("troops", "peacekeeping", "arms-embargo")):
                hits.append(_Hit(k, label, m.start(), m.end()))
    seen: set[str] = set()
    out = []
    for h in sorted(hits, key=lambda h: (h.start, h.key)):
        if h.key + (h.qualifier or "") not in seen:
            seen.add(h.key + (h.qualifier or ""))
            out.append(h)
    return tuple(out)


NOT_A_HEAD = re.compile(
    r"\A\s*+(?:[\d$€£¥]|(?:hundred|thousand|million|billion|trillion|dozen|half|sometimes|always|often|usually|"
    r"never|ever|already|perhaps|maybe|together|instead|rather|first|then)\b)", re.I)
"""What opens a phrase no verb heads: an amount, a scale word, a frequency or linking adverb."""


def generic_option(phrase: str) -> tuple[str, str] | None:
    """``(key, label)`` for an action outside the lexicon: head verb stem + object phrase."""
    if NOT_A_HEAD.match(phrase):
        return None  # "1.3 trillion euros from the neighbour", "sometimes take hard decisions": no verb leads
    words = [w for w in WORD.findall(phrase) if not w.lower().endswith("ly")]  # "carefully consider"
    if len(words) > 2 and words[1].lower() == "of":  # "reopening of the crossing"
        words = [words[0], *words[2:]]
    # The head must read as a verb: not a name, a preposition, or a participle left from a passive.
    if (not words or words[0].lower() in DETERMINERS | STOP_AT | {"re"} or words[0][0].isupper()
            or re.search(r"(?<!e)ed$|^(?:taken|given|done|made|seen|known|shown|held)$", words[0].lower())):
        return None
    verb, obj = words[0].lower(), []
    for w in words[1:]:
        if w.lower() in STOP_AT:
            break
        if w.lower() not in DETERMINERS:
            obj.append(w if w.isupper() or w[0].isupper() else w.lower())
    if not obj or verb in LIGHT_VERBS or stem(verb) in LIGHT_VERBS or stem(obj[-1]) in {stem(h) for h in GENERIC_HEADS}:
        return None
    return "do:" + stem(verb) + ":" + " ".join(stem(w) for w in obj), " ".join([verb, *obj])
