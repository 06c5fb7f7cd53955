"""Policy options argued across the reports, with who stands where, and the implications drawn per region or actor."""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache

from storyline.analysis.corpus import Corpus
from storyline.kb.normalize import key as norm_key
from storyline.models import Evidence, Implication, Mention, Option, Statement

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
# Whose forces is part of a deployment option; a generic adjective ("foreign") is not an owner.
_QUAL = r"(?:(?i:foreign|western|allied|international|multinational)\s+)?(?P<qual>(?:[A-Z][\w.’'-]*\s+)+)?"
# Verb forms only: "the deployment of X troops" reports an event, "deploying X troops" weighs an act.
_SEND = (r"(?i:deploy(?:s|ed|ing)?|send(?:s|ing)?|sent|dispatch(?:es|ed|ing)?|commit(?:s|ted|ting)?|"
         r"station(?:s|ed|ing)?|put(?:s|ting)?)\s+(?:(?i:the|more|additional|further|its|their|some|any|new)\s+)*")
DEPLOYMENTS = [
    ("troops", "troops", re.compile(_SEND + _QUAL + r"(?i:troops|soldiers|forces|ground forces|military personnel)\b")),
    ("troops", "troops",
     re.compile(f"(?:{_SEND})?" + _QUAL + r"(?:\([A-Z.]+\)\s+)?[\"“”]?(?i:boots\s+on\s+the\s+ground)")),
    ("peacekeeping", "peacekeeping",
     re.compile(f"(?:{_SEND})?" + _QUAL + r"(?i:peace-?keep\w*|stabili[sz]ation force|monitoring mission)")),
]
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
    r"\b(?P<advocate>floated|proposed|suggested|advocated|championed|called for|pushed for|backed|supported|endorsed|"
    r"put forward)|(?P<opponent>shot down|rejected|opposed|ruled out|dismissed|vetoed|blocked|resisted|turned down)"
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
    for k, label, pattern in DEPLOYMENTS:
        for m in pattern.finditer(text):
            qual = (m.group("qual") or "").strip() or None
            dest = DESTINATION.match(text[m.end():])
            hits.append(_Hit(k, label, m.start(), m.end(), qual, dest.group("dest") if dest else None))
    for k, label, pattern in INSTRUMENT_RE:
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


def generic_option(phrase: str) -> tuple[str, str] | None:
    """``(key, label)`` for an action outside the lexicon: head verb stem + object phrase."""
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


@dataclass
class _Raise:
    """One statement raising an option, and the stance its source takes."""

    key: str
    label: str
    role: str
    """``advocate``, ``opponent`` or ``raised`` (named without a stance)."""
    who: str | None
    statement: Statement
    qualifier: str | None = None
    destination: str | None = None
    addressed: str | None = None
    consequence: str | None = None
    generic: bool = False


def source_ref(statement: Statement) -> str:
    """Who takes a stance: an actor id, ``author:<doc>``, or the unresolved source in its report."""
    if statement.source:
        return statement.source
    if statement.source_kind == "author" or statement.source_text == "author":
        return f"author:{statement.doc}"
    return f"{statement.source_kind}:{statement.doc}:{norm_key(statement.source_text or '')}"


def _qualifier_id(corpus: Corpus, statement: Statement, qualifier: str, mentions: list[Mention]) -> tuple[str, str]:
    """The actor a qualifier ("EU", "European") names, and its surface: spellings share the id."""
    words = qualifier.split()
    # The longest tail that names an actor: "Yet European" -> "European".
    for tail in (" ".join(words[i:]) for i in range(len(words))):
        for m in mentions:
            inside = m.start >= statement.start and m.end <= statement.end
            if inside and m.text == tail and (m.entity or "").startswith("kb:"):
                return m.entity, tail
        for entity in corpus.entities:  # most-mentioned first: "European" -> European Union
            if entity.type in ("igo", "state") and (tail.lower() in {a.lower() for a in entity.aliases}
                                                    or entity.name.lower().split()[0] == tail.lower()):
                return entity.id, tail
    return words[-1].lower(), words[-1]


def _hit_raises(corpus, statement, hits, role, who, mentions, **extra) -> list[_Raise]:
    out = []
    for h in hits:
        k, qualifier = h.key, None
        if h.qualifier:
            owner, qualifier = _qualifier_id(corpus, statement, h.qualifier, mentions)
            k += "/" + owner
        out.append(_Raise(k, h.label, role, who, statement, qualifier, h.destination, **extra))
    return out


def _polarity(text: str, negated: bool) -> str:
    role = "opponent" if NEGATIVE.search(text) else "advocate" if POSITIVE.search(text) else "raised"
    if negated and role != "raised":
        role = "advocate" if role == "opponent" else "opponent"
    return role


def _text_stances(corpus: Corpus, statement: Statement, mentions: list[Mention]) -> list[_Raise]:
    """Stances stated around named actors: "X's proposal to ...", "shot down by Y", "Y rejected ..."."""
    text = statement.text
    hits = find_instruments(text)
    if not hits:
        return []
    inside = [m for m in mentions if statement.start <= m.start and m.end <= statement.end and m.entity]
    found: list[tuple[str, str, int, bool]] = []  # (entity, role, offset, option after it)
    for m in inside:
        after = text[m.end - statement.start:]
        if ADVOCATE_NOUN.match(after) or ADVOCATE_VERB.match(after):
            found.append((m.entity, "advocate", m.end - statement.start, True))
        elif OPPONENT_VERB.match(after):
            found.append((m.entity, "opponent", m.end - statement.start, True))
    for cue in BY_CUE.finditer(text):
        agents = [m for m in inside if 0 <= m.start - statement.start - cue.end() <= 40]
        if agents:
            agent = next((m for m in agents if m.type == "person"), agents[0])
            found.append((agent.entity, "advocate" if cue.group("advocate") else "opponent", cue.start(), False))
    out = []
    for entity, role, offset, forward in found:
        side = [h for h in hits if (h.start >= offset) == forward] or hits
        nearest = min(side, key=lambda h: abs(h.start - offset))
        out += _hit_raises(corpus, statement, [nearest], role, entity, mentions)
    return out


# "<option> would <consequence>" in any statement: the source weighs the option by its effect.
MODAL_AFTER = re.compile(r"^[^.;:!?,\"“”]{0,40}?\b(?:would|could|will|might|may)\b(?P<rest>[^.;!?]*)", re.I)


def _modal_stances(corpus: Corpus, statement: Statement, who: str, mentions: list[Mention]) -> list[_Raise]:
    out = []
    for hit in find_instruments(statement.text):
        after = MODAL_AFTER.match(statement.text[hit.end:])
        role = _polarity(after.group("rest"), statement.status in ("negated", "denied")) if after else "raised"
        if role != "raised":
            out += _hit_raises(corpus, statement, [hit], role, who, mentions, consequence=after.group("rest").strip())
    return out


def statement_raises(corpus: Corpus, statement: Statement, mentions: list[Mention]) -> list[_Raise]:
    """The options one statement raises and the stance of its source on each."""
    who, raises = source_ref(statement), []
    frame = corpus.frame_of(statement) if hasattr(corpus, "frame_of") else None
    if frame is not None and frame.source:
        who = frame.source  # the original source behind any relays takes the stance
    negated = statement.status in ("negated", "denied") or statement.polarity == "negative"
    if statement.kind == "recommendation":
        phrase = statement.action or MODAL.split(statement.text, maxsplit=1)[-1]
        against = negated or bool(NEGATED_MODAL.search(statement.text)) or bool(NEGATED_ACTION.match(phrase))
        phrase = NEGATED_ACTION.sub("", phrase)
        hits = find_instruments(phrase)
        if not hits and re.match(r"be\s+\w+ed\b", phrase):
            # "economic sanctions should be broadened": the option is the passive subject.
            hits = find_instruments(MODAL.split(statement.text, maxsplit=1)[0])
        role = "opponent" if against else "advocate"
        raises += _hit_raises(corpus, statement, hits, role, who, mentions, addressed=statement.addressed)
        generic = None if hits or against else generic_option(phrase)
        if generic:
            raises.append(_Raise(generic[0], generic[1], role, who, statement, addressed=statement.addressed,
                                 generic=True))
    elif statement.kind == "prediction":
        if statement.condition:
            hits = find_instruments(statement.condition)
            role = _polarity(statement.consequence or statement.text, negated)
            raises += _hit_raises(corpus, statement, hits, role, who, mentions, consequence=statement.consequence)
        else:
            # "Washington is expected to intensify sanctions": named, no stance taken.
            hits = find_instruments(statement.consequence or statement.text)
            raises += _hit_raises(corpus, statement, hits, "raised", who, mentions)
    # A report that describes what an option would do in its own voice ("the ban would take effect in May")
    # takes no stance on it; a named source who says so, or an opinion, does.
    describes = statement.kind == "fact" and who == f"author:{statement.doc}"
    if not describes and (statement.kind in ("opinion", "fact") or statement.kind == "prediction"
                          and not statement.condition):
        raises += _modal_stances(corpus, statement, who, mentions)
    if statement.kind != "question":
        raises += _text_stances(corpus, statement, mentions)
    return raises


def _similar(a: str, b: str) -> bool:
    _, verb_a, obj_a = a.split(":", 2)
    _, verb_b, obj_b = b.split(":", 2)
    wa, wb = obj_a.split(), obj_b.split()
    if wa[-1] != wb[-1]:
        return False
    content_a, content_b = {verb_a, *wa}, {verb_b, *wb}
    return verb_a == verb_b or len(content_a & content_b) / len(content_a | content_b) >= 0.5


def _unique(items) -> list:
    return list(dict.fromkeys(x for x in items if x))


def _mentions_by_doc(corpus: Corpus) -> dict[str, list[Mention]]:
    by_doc: dict[str, list[Mention]] = defaultdict(list)
    for m in sorted(corpus.mentions, key=lambda m: (m.doc, m.start, m.end)):
        by_doc[m.doc].append(m)
    return by_doc


def _ordered_statements(corpus: Corpus) -> list[Statement]:
    order = {doc: n for n, doc in enumerate(corpus.documents)}
    return sorted((s for s in corpus.statements if s.doc in order), key=lambda s: (order[s.doc], s.start, s.end))


def find_options(corpus: Corpus) -> list[Option]:
    """Policy options raised across the reports, most widely raised first."""
    by_doc = _mentions_by_doc(corpus)
    raises = [r for s in _ordered_statements(corpus) for r in statement_raises(corpus, s, by_doc[s.doc])]
    # Generic keys join the first earlier key they resemble (sorted, so the result is stable).
    group: dict[str, str] = {r.key: r.key for r in raises}
    heads: list[str] = []
    for k in sorted({r.key for r in raises if r.generic}):
        group[k] = next((h for h in heads if _similar(h, k)), k)
        if group[k] == k:
            heads.append(k)
    members: dict[str, list[_Raise]] = defaultdict(list)
    for r in raises:
        members[group[r.key]].append(r)
    # Named without anyone arguing for or against ("Russia plans to deploy ..."), it is news, not an option.
    members = {k: v for k, v in members.items() if any(r.role != "raised" for r in v)}
    options = [_option(corpus, k, items) for k, items in members.items()]
    options.sort(key=lambda o: (-len(o.docs), -len(o.advocates) - len(o.opponents), o.option, o.id))
    return options


def _option(corpus: Corpus, group_key: str, items: list[_Raise]) -> Option:
    label = Counter(r.label for r in items).most_common(1)[0][0] if items[0].generic else items[0].label
    qualifiers = Counter(r.qualifier for r in items if r.qualifier)
    if qualifiers:
        label = f"{qualifiers.most_common(1)[0][0]} {label}"
    destinations = Counter(r.destination for r in items if r.destination)
    if destinations:
        label += f" in {destinations.most_common(1)[0][0]}"
    evidence: list[Evidence] = []
    for r in items:
        s = r.statement
        if all((e.doc, e.start, e.end) != (s.doc, s.start, s.end) for e in evidence):
            evidence.append(corpus.evidence(s.doc, s.start, s.end))
    return Option(
        id="o" + hashlib.sha256(group_key.encode()).hexdigest()[:12],
        option=label,
        advocates=_unique(r.who for r in items if r.role == "advocate"),
        opponents=_unique(r.who for r in items if r.role == "opponent"),
        addressed=_unique(r.addressed for r in items),
        consequences=_unique(r.consequence for r in items),
        docs=_unique(r.statement.doc for r in items),
        evidence=evidence,
    )


# -- implications ------------------------------------------------------------------------


