"""Policy options argued across the reports, with who stands where, and the implications drawn per region or actor."""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from storyline.analysis.corpus import Corpus
from storyline.analysis.option_phrases import (  # noqa: F401  (re-exported)
    ADVOCATE_NOUN, ADVOCATE_VERB, BY_CUE, DEPLOYMENTS, DESTINATION, DETERMINERS, GENERIC_HEADS, INSTRUMENT_RE,
    INSTRUMENTS, IRREGULAR, LIGHT_VERBS, MODAL, NEGATED_ACTION, NEGATED_MODAL, NEGATIVE, OPPONENT_VERB, POSITIVE,
    STOP_AT, WORD, find_instruments, generic_option, stem,
)
from storyline.kb.normalize import key as norm_key
from storyline.models import Evidence, Implication, Mention, Option, Statement


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


def _qualifier_names(corpus: Corpus) -> dict[str, str]:
    """Lower-cased alias or first word of the name -> the first state or international body (most-mentioned
    first) known by it; built once per corpus, so a qualifier is one lookup, not a scan of every actor."""
    entities = corpus.entities
    cached = getattr(corpus, "_qualifier_names", None)
    if cached is not None and cached[0] is entities and cached[1] == len(entities):
        return cached[2]
    names: dict[str, str] = {}
    for entity in entities:
        if entity.type in ("igo", "state"):
            first = entity.name.lower().split()[:1]
            for word in [*{a.lower() for a in entity.aliases}, *first]:
                names.setdefault(word, entity.id)
    corpus._qualifier_names = (entities, len(entities), names)
    return names


def _qualifier_id(corpus: Corpus, statement: Statement, qualifier: str, mentions: list[Mention]) -> tuple[str, str]:
    """The actor a qualifier ("EU", "European") names, and its surface: spellings share the id."""
    words = qualifier.split()
    names = _qualifier_names(corpus)
    # The longest tail that names an actor: "Yet European" -> "European".
    for tail in (" ".join(words[i:]) for i in range(len(words))):
        for m in mentions:
            inside = m.start >= statement.start and m.end <= statement.end
            if inside and m.text == tail and (m.entity or "").startswith("kb:"):
                return m.entity, tail
        if tail.lower() in names:  # most-mentioned first: "European" -> European Union
            return names[tail.lower()], tail
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
        if not forward and not 0 <= offset - nearest.end <= BY_CUE_REACH:
            continue  # "X supported by Y" speaks of the noun just before it, not of an option further back
        out += _hit_raises(corpus, statement, [nearest], role, entity, mentions)
    return out


# How far before "proposed by"/"rejected by" the option may end: "the ban, first floated by", "a no-fly zone,
# which was rejected by".
BY_CUE_REACH = 30


# "The main concern is that <option> would ...": the report relays an argument without its holder, as in
# "critics fear"; it is the holder's stance, not the report's. "My concern is that" stays the author's.
RELAYED_ARGUMENT = re.compile(
    r"\b(?:the|one|another)\s+(?:\w+\s+){0,2}?(?:concerns?|fears?|worry|worries|arguments?|objections?|"
    r"criticisms?|complaints?|hopes?|expectations?|thinking|reasoning|logic)\s+(?:is|was|are|were|remains)\s+that\b",
    re.I)

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
    describes = who == f"author:{statement.doc}" and (statement.kind == "fact"
                                                      or bool(RELAYED_ARGUMENT.search(statement.text)))
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


def _last_word(key: str) -> str:
    return (key.split(":", 2)[2].split() or [""])[-1]


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
    # Two keys are similar only when their objects end in the same word: heads are kept by that word.
    group: dict[str, str] = {r.key: r.key for r in raises}
    heads: dict[str, list[str]] = defaultdict(list)
    for k in sorted({r.key for r in raises if r.generic}):
        same_end = heads[_last_word(k)]
        group[k] = next((h for h in same_end if _similar(h, k)), k)
        if group[k] == k:
            same_end.append(k)
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
    # One evidence per sentence, in the order the raises came: a set of spans seen, not a scan per raise
    # (a widely argued option has thousands of raises).
    spans = dict.fromkeys((r.statement.doc, r.statement.start, r.statement.end) for r in items)
    evidence: list[Evidence] = [corpus.evidence(*span) for span in spans]
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


