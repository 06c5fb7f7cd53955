"""The role a report states beside a person's name: a title before it or an appositive after it."""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc, Span

from storyline.kb.lookup import KnowledgeBase
from storyline.models import Mention
from storyline.nlp.pipeline import text_of

TITLE_WORDS = {
    "president", "minister", "secretary", "general", "chancellor", "premier", "spokesperson",
    "spokesman", "spokeswoman", "ambassador", "envoy", "leader", "chief", "director", "head",
    "commander", "governor", "mayor", "senator", "lawmaker", "analyst", "professor", "king", "queen",
    "chairman", "chairwoman", "chair", "adviser", "advisor", "official", "diplomat", "negotiator",
    "representative", "commissioner", "counsellor", "counselor", "speaker", "deputy", "prosecutor",
    "judge", "colonel", "lieutenant", "captain", "admiral", "marshal", "mp", "mep", "expert", "ombudsman",
    "administrator", "rapporteur", "coordinator", "registrar",
}
# What a person does or is, written before a name with a capital only because it opens the sentence or
# a caption ("Villager Ghulam Nabi", "Oligarchs Mikhail Fridman"): a description, never a given name.
PERSON_NOUNS = {
    "villager", "farmer", "fisherman", "herder", "shopkeeper", "trader", "merchant", "vendor", "oligarch",
    "businessman", "businesswoman", "tycoon", "billionaire", "entrepreneur", "investor", "banker", "activist",
    "campaigner", "protester", "protestor", "demonstrator", "resident", "student", "teacher", "doctor", "nurse",
    "surgeon", "paramedic", "patient", "driver", "worker", "miner", "engineer", "pilot", "soldier", "sergeant", "journalist",
    "reporter", "correspondent", "photographer", "blogger", "lawyer", "attorney", "economist", "historian",
    "researcher", "scientist", "priest", "imam", "pastor", "rabbi", "monk", "refugee", "survivor", "witness",
    "volunteer", "rescuer", "veteran", "pensioner", "widow", "commentator", "columnist", "author", "writer",
    "novelist", "filmmaker", "actor", "actress", "singer", "coach", "player", "presenter", "broadcaster",
    "editor", "landlord", "tenant", "owner", "manager", "mechanic", "electrician", "labourer", "laborer",
    "housewife", "grandmother", "grandfather", "mother", "father", "nun", "midwife", "pharmacist", "voter",
    "candidate", "lawmaker", "legislator", "councillor", "councilor", "unionist", "striker", "commuter",
    "athlete", "footballer", "boxer", "swimmer", "sprinter", "cyclist", "gymnast", "skater", "wrestler",
    "goalkeeper", "midfielder", "champion", "runner-up", "finalist", "executive", "pontiff",
}
TITLE_MODIFIERS = {"former", "acting", "deputy", "vice", "then", "interim", "outgoing", "foreign",
                   "defence", "defense", "prime", "interior", "finance", "supreme"}
def person_noun(word: str) -> bool:
    """``word`` (any case, singular or plural) describes what a person does: "Villagers", "oligarch"."""
    low = word.lower()
    return low in PERSON_NOUNS or (low.endswith("s") and low[:-1] in PERSON_NOUNS) or (
        low.endswith("men") and low[:-3] + "man" in PERSON_NOUNS)


APPOSITIVE_STOP = {"who", "which", "that", "whose", "where", "when", ",", ";", "(", ")", "—", "–"}


def role_of(span: Span) -> str | None:
    """A role stated beside a person's name: a title before it or an appositive after it."""
    doc = span.doc
    # Title words to the left: "Ukrainian President Volodymyr Zelenskyy", "NATO Secretary General X".
    start = span.start
    while start > 0:
        tok = doc[start - 1]
        if tok.text in ("-", "‑") and start > 1 and doc[start - 2].is_title:
            start -= 1  # "Secretary-General"
            continue
        if tok.is_punct or tok.pos_ in ("DET", "ADP", "VERB", "AUX", "PRON", "CCONJ", "SCONJ", "NUM"):
            break
        if not (tok.is_title or tok.is_upper or tok.lower_ in TITLE_MODIFIERS or tok.lower_ in TITLE_WORDS):
            break
        start -= 1
    left_tokens = doc[start : span.start]
    if left_tokens and not any(t.lower_ in TITLE_WORDS for t in left_tokens):
        left_tokens = doc[span.start : span.start]
    left = left_tokens.text.strip()
    # An appositive to the right: "Terhas, a former Estonian general and member of ..., said".
    right = ""
    if span.end < len(doc) - 2 and doc[span.end].text == ",":
        first = span.end + 1
        if first + 1 < len(doc) and doc[first].like_num and doc[first + 1].text == ",":
            first += 2  # "Jane Roe, 32, a nurse": the age, then the role
        appos = next((t for t in span.root.children if t.dep_ == "appos" and t.i >= first), None)
        if appos is not None:
            tokens = []
            for tok in doc[first : min(len(doc), first + 15)]:
                if tok.lower_ in APPOSITIVE_STOP or tok.pos_ in ("VERB", "AUX") or tok.is_sent_start:
                    break
                tokens.append(tok)
            right = doc[tokens[0].i : tokens[-1].i + 1].text.strip() if tokens else ""
            if right.lower().startswith(("a ", "an ", "the ")):
                right = right.split(" ", 1)[1]
            if right.lower() in ("a", "an", "the") or not right[-1:].isalnum():
                right = ""  # an appositive cut at its first word, or at a hyphenated place ("Jeddah-")
    return left or right or None


def role_descriptions(doc: Doc, kb: KnowledgeBase, when: dt.date | None, taken: set[tuple[int, int]]) -> list[Mention]:
    """"the Lithuanian foreign minister", "Ukraine's Foreign Minister" -> the holder of that office on the
    report's date. The mention of a possessive description is its title alone: the state's name stays the
    state's mention."""
    if when is None:
        return []
    text = text_of(doc)
    found = []
    matches = [(m, m.group("adj"), m.start("adj")) for m in ROLE_RE.finditer(text)]
    matches += [(m, m.group("owner"), m.start("title")) for m in OWNED_ROLE_RE.finditer(text)]
    for match, adjective, start in matches:
        title = match.group("title")
        state = kb.demonym(adjective) or next(iter(kb.lookup(adjective)), None)
        if state is None or state.type not in ("state", "igo"):
            continue
        after = text[match.end() : match.end() + 40]
        if re.match(r"\s+[A-Z][a-z]", after):
            continue  # a name follows: "Foreign Minister Landsbergis" is the person's mention
        for office in kb.find_office(title, state.id):
            holder = kb.holder(office, when)
            if holder is not None and (start, match.end()) not in taken:
                found.append(Mention(doc._.doc_id or "", start, match.end(), text[start : match.end()], "ROLE",
                                     f"kb:{holder.id}", "person", role=f"{adjective} {title}"))
                break
    return found


_ROLE_TITLES = (
    r"(?P<title>(?:[Ff]oreign|[Dd]efen[cs]e|[Pp]rime|[Ii]nterior|[Ff]inance)\s+(?:[Mm]inister|[Ss]ecretary)"
    r"|[Pp]resident|[Cc]hancellor|[Pp]remier|[Ss]ecretary[- ][Gg]eneral|[Ss]ecretary of [Ss]tate"
    r"|[Dd]efen[cs]e [Ss]ecretary|[Ff]oreign [Ss]ecretary|[Ss]upreme [Ll]eader|[Kk]ing|[Qq]ueen)\b"
)
ROLE_RE = re.compile(r"\b[Tt]he\s+(?P<adj>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)\s+" + _ROLE_TITLES)
# "Ukraine's Foreign Minister", "Britain’s prime minister" (never "Ukraine's former foreign minister").
OWNED_ROLE_RE = re.compile(r"\b(?P<owner>[A-Z][\w.-]+(?:\s+[A-Z][\w.-]+)?)['’]s\s+" + _ROLE_TITLES)


def titled_person(span: Span, kb: KnowledgeBase) -> Span | None:
    """The person at the end of a span NER took for an organisation: a known full name, or the
    words after an office title."""
    from storyline.nlp.actor_context import ACTOR_NOUNS, BODY_NOUNS, GROUP_NOUNS

    nouns = ACTOR_NOUNS | BODY_NOUNS | GROUP_NOUNS | TITLE_MODIFIERS  # "EU Military Committee" is a body
    doc = span.doc
    for cut in range(span.start + 1, span.end - 1):
        tail = doc[cut : span.end]
        if any(e.type == "person" for e in kb.lookup(tail.text)[:1]):
            return tail
        if doc[cut - 1].lower_ in TITLE_WORDS and all(t.is_title for t in tail):
            return tail
        if len(tail) == 2 and all(t.is_title and t.is_alpha and t.lower_ not in nouns for t in tail) and tail[-1].pos_ == "PROPN" \
                and not kb.lookup(tail.text) and doc[cut - 1].is_title and _body_name(doc[span.start : cut], kb):
            return tail  # "House of Representatives Hakeem Jeffries": a body's name, then a person's name
    return None


# Last words of a body's name written before a person's name ("House of Representatives Hakeem Jeffries").
BODY_NAME_ENDS = {"representatives", "council", "committee", "commission", "ministry", "assembly", "parliament",
                  "senate", "congress", "department", "agency", "office", "court", "party", "union"}


def _body_name(head: Span, kb: KnowledgeBase) -> bool:
    """The words are a body's name: known to the knowledge base as a body or state, or ending in a body's
    noun or a state's name ("National Security Council of Ukraine")."""
    if any(e.type in ("organization", "igo", "state") for e in kb.lookup(head.text)):
        return True
    last = head[-1]
    return last.lower_ in BODY_NAME_ENDS or any(e.type == "state" and e.name == last.text for e in kb.lookup(last.text)[:1])
