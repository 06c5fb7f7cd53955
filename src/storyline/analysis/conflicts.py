"""Conflicts between sources: disagreeing figures, a claim confirmed here and doubted or denied there,
and one source's own account that changed (an evolution). Which propositions are compared is
``conflict_pairs``; whether two of them state one proposition is ``conflict_match``."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import replace

from storyline.analysis.conflict_match import (  # noqa: F401  (re-exported)
    JACCARD, JACCARD_WITH_EVENT, StatementMatcher, embedding_similarity, same_event,
)
from storyline.analysis.conflict_pairs import (  # noqa: F401  (re-exported)
    REPORT_WINDOW_DAYS, Prop, _is_copy, _reports_apart, candidate_pairs, event_props, governed_state, statement_props,
)
from storyline.analysis.conflict_agency import agency_pairs
from storyline.analysis.conflict_intent import CONTEXT, intent_pairs, intentions
from storyline.analysis.conflict_judged import judged_pairs, judgements
from storyline.analysis.conflict_opposed import opposed
from storyline.analysis.conflict_reach import reach_pairs
from storyline.analysis.corpus import Corpus
from storyline.analysis.figures import build_figure_tables, content_id, figure_conflicts
from storyline.analysis.kbcheck import knowledge_conflicts
from storyline.analysis.wording import (  # noqa: F401  (re-exported: the matcher's vocabulary)
    DENIAL, DOUBT, DOUBTED, NEGATIVE, POSITIVE, REPORTED_CLAIM, _NEGATION, content_words, is_actor_id, speaker,
)
from storyline.models import Cluster, Conflict, Event, Evidence, FigureTable, Statement
from storyline.store.records import record_id

KIND_ORDER = {"figure": 0, "status": 1, "negation": 2, "knowledge": 3, "evolution": 4, "other": 5}


def conflict_kind(positive: str, other: str, sourced: bool = False, accusation: bool = False) -> str | None:
    """``negation`` for happened vs did not, and for an accusation against its denial ("accused the army of
    shelling" against "denied the reports": the accused says it did not happen); ``status`` for stated vs
    denied by a party, or confirmed (or plainly asserted) vs unconfirmed.

    "Reportedly X" and "X is unconfirmed" agree, as do "X" and "X may be so": no conflict.
    """
    if positive == "expected":
        return "negation" if other == "negated" else None  # expected to happen; said not to, or not to have
    if positive == "likely":  # judged probably so: a denial contradicts it, a doubt ("not confirmed") agrees
        return conflict_kind("reported", other, True, accusation) if other in NEGATIVE else None
    if positive not in POSITIVE:
        return None
    if other == "negated" or (other == "denied" and accusation):
        return "negation"
    if other == "denied" or (positive in ("confirmed", "asserted") and other in DOUBTED):
        return "status"
    if positive == "reported" and sourced and other in DOUBTED:
        return "status"  # a named source says so; another source says it is not borne out
    return None


ACCUSATION = re.compile(r"\b(?:accus(?:e|es|ed|ing|ation|ations)|alleg(?:e|es|ed|edly|ation|ations)|"
                        r"charges?\s++(?:that|of)(?=\s))\b", re.IGNORECASE)
"""An accusation or allegation, in the claim or in the denial ("denied the allegations", "rejected the charge
that the offer was unfair")."""


def _capital(text: str) -> str:
    """"the museum" as a sentence opens with it: "The museum"."""
    return text[:1].upper() + text[1:]


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


STATUS_WORDS = {"asserted": "stated", "possible": "only possible", "likely": "judged likely"}


def _who(corpus: Corpus, record: Statement | Event) -> str:
    """"by United States in Outlet A (2024-11-01)", or "in Outlet A" for the report's own voice."""
    date = corpus.published(record.doc)
    where = f"in {corpus.outlet(record.doc)}" + (f" ({str(date)[:10]})" if date else "")
    source = None
    if isinstance(record, Statement):
        source = corpus.name(record.source) or (record.source_text if record.source_text != "author" else None)
    return f"by {source} {where}" if source else where


def _summary(corpus: Corpus, p: Prop, q: Prop, more: int) -> str:
    """"Confirmed by X in Outlet A (date); unconfirmed in Outlet B (date): “the claim”"."""
    said = STATUS_WORDS.get(p.status, p.status)
    doubted = STATUS_WORDS.get(q.status, q.status)
    claim = _short(p.record.text)
    text = f"{said.capitalize()} {_who(corpus, p.record)}; {doubted} {_who(corpus, q.record)}: “{claim}”"
    return text + (f" (and {more} more report{'s' if more > 1 else ''})" if more else "")


def _speaker(corpus: Corpus, record: Statement | Event) -> str | None:
    return speaker(corpus, record) if isinstance(record, Statement) else None


def _same_speaker(corpus: Corpus, a: str | None, b: str | None, texts: tuple[str, str] = ()) -> bool:
    """One source: the same actor, a person named in full in one report and by surname in another
    ("Palesa Ntho", "Ms Ntho") when the reports' actors were not merged, or a person in one and, in the
    other, the organization whose statement that person gives (``texts``: the two sentences)."""
    if not a or not b:
        return False
    if a == b:
        return True
    if texts and _speaks_for(corpus, a, b, texts[1]) or texts and _speaks_for(corpus, b, a, texts[0]):
        return True
    if "organization" in a and "organization" in b:
        return _short_name(corpus.name(a), corpus.name(b))  # "Veridia" and "Veridia Biologics"
    if "person" not in a or "person" not in b:
        return False
    x, y = (corpus.name(a) or "").split(), (corpus.name(b) or "").split()
    short, full = sorted([x, y], key=len)
    return bool(short) and len(short) < len(full) and full[-len(short):] == short


_THE_BODY = re.compile(r"\Athe\s++[a-z]++\Z")
"""A body known by its common noun alone, "the museum", "the company": one word after "the"."""


def _one_body_unnamed(corpus: Corpus, a: Statement | Event, b: Statement | Event) -> bool:
    """Two sentences whose frames both say "the museum" (or "the company"...) and resolve to no actor: one
    body speaking twice when both are in one report, or when each report names, before the sentence, the
    same actor as the one it calls that ("the Casa Ribeira museum ... The museum denied"; "Iceland's fisheries
    ministry ... the ministry"). Two reports that name no such body, or name two, are two voices: in a corpus
    of many stories "the ministry" of one report is not that of another. A plural or indefinite source
    ("officials", "a spokesman") or a longer description ("the regional council") is no one voice."""
    x, y = (" ".join((getattr(r, "source_text", None) or "").lower().split()) for r in (a, b))
    if x != y or _THE_BODY.match(x) is None or x.endswith("s"):
        return False
    if a.doc == b.doc:
        return True
    noun = x.split()[1]
    return bool(_named_as(corpus, a, noun) & _named_as(corpus, b, noun))


_TAIL_STOP = re.compile(r"[.,;:()\"“”!?]")
_NOT_IN_NAME = {"the", "a", "an", "and", "or", "of", "to", "in", "on", "at", "by", "for", "with", "from", "its", "their",
                "his", "her", "said", "says", "told", "has", "have", "had", "was", "were", "is", "are"}
"""Words that end a name's noun phrase: "Russia said the ministry" does not call Russia the ministry."""
_NAME_TOKEN = re.compile(r"[\w’'-]++")


def _words(text: str) -> list[str]:
    return [w.lower().removesuffix("'s").removesuffix("’s") for w in text.split()]


def _name_before(text: str, at: int) -> str | None:
    """The capitalised name, with the plain words after it, that ends a noun phrase closing at ``at``: "the Casa
    Ribeira museum" gives "casa ribeira", "Iceland's fisheries ministry" "iceland fisheries" (not Russia's
    defence ministry). At most two plain words between the name and the noun, none a function word or a verb
    in the past ("Russia said the ministry" names none); "The" and function words are no part of a name."""
    tokens = _NAME_TOKEN.findall(_TAIL_STOP.split(text[max(0, at - 80):at])[-1])
    k = len(tokens)
    while k > 0 and len(tokens) - k < 2 and tokens[k - 1].islower() and tokens[k - 1] not in _NOT_IN_NAME \
            and not tokens[k - 1].endswith("ed"):
        k -= 1
    modifiers, name = tokens[k:], []
    while k > 0 and tokens[k - 1][:1].isupper() and tokens[k - 1].lower() not in _NOT_IN_NAME and len(name) < 4:
        name.insert(0, tokens[k - 1].lower().removesuffix("'s").removesuffix("’s"))
        k -= 1
    return " ".join(name + modifiers) if name else None


def _named_as(corpus: Corpus, record: Statement | Event, noun: str) -> set[str]:
    """Who a report calls by ``noun`` before ``record``: the nearest earlier actor mention whose name holds the
    noun ("the Verhaegen Museum"), and the nearest capitalised name written before the noun ("the Casa Ribeira
    museum", which no actor may hold; "Iceland's fisheries ministry"), as an actor id and lower-cased names.
    Empty when the report names none."""
    text = corpus.documents[record.doc]["text"]
    named = [m for m in corpus.mentions if m.doc == record.doc and m.start < record.start and m.entity
             and noun in _words(m.text)]
    keys = set()
    if named:
        best = max(named, key=lambda m: m.start)
        keys |= {best.entity, " ".join(w for w in _words(best.text) if w != noun)}
    for found in reversed(list(re.finditer(rf"(?i)(?<![\w-]){re.escape(noun)}(?![\w-])", text[:record.start]))):
        name = _name_before(text, found.start())
        if name:
            keys.add(name)
            break
    return keys - {""}


def _short_name(a: str | None, b: str | None) -> bool:
    """One body named in full and by its first words ("Veridia Biologics", "Veridia")."""
    x, y = (a or "").lower().split(), (b or "").lower().split()
    short, full = sorted([x, y], key=len)
    return bool(short) and len(short) < len(full) and full[:len(short)] == short


def _speaks_for(corpus: Corpus, person: str, body: str, text: str) -> bool:
    """"The bank acknowledged ..., its chairman, Arman Seitkali, said": the body's sentence names the person
    as the one who speaks."""
    if "person" not in person or "person" in body:
        return False
    name = corpus.name(person) or ""
    return len(name.split()) >= 2 and re.search(rf"\b{re.escape(name)},?\s+(?:said|says|told|added)\b", text) is not None


def _sentence(corpus: Corpus, record: Statement | Event) -> Evidence:
    """The sentence a side cites: the one holding the record's start, within its paragraph. A paragraph break
    ends a sentence even where the parse ran two together ("... accused Kiev of P."<break>"Q," said X): the
    side cites what its source says, not the paragraph before it."""
    start, end = corpus.sentence_span(record.doc, record.start)
    text = corpus.documents[record.doc]["text"]
    before = text.rfind("\n\n", start, record.start)
    start = before + 2 if before >= 0 else start
    after = text.find("\n\n", max(record.start, start), end)
    end = after if after >= 0 else end
    while end > start and text[end - 1].isspace():
        end -= 1
    return corpus.evidence(record.doc, start, end)


def _evolution_summary(corpus: Corpus, first: Prop, later: Prop, name: str) -> str:
    """"X denied it in Outlet A (date), then acknowledged it in Outlet B (date): “the claim”"."""
    def where(p: Prop) -> str:
        date = corpus.published(p.record.doc)
        return f"in {corpus.outlet(p.record.doc)}" + (f" ({str(date)[:10]})" if date else "")

    said = "denied" if first.status in NEGATIVE | DOUBTED else "stated"
    then = "acknowledged" if said == "denied" else ("retracted" if later.status in NEGATIVE else "doubted")
    claim = first.record.text if said == "stated" else later.record.text
    return f"{name} {said} it {where(first)}, then {then} it {where(later)}: “{_short(claim)}”"


def proposition_conflicts(corpus: Corpus, props: list[Prop], match: Callable[[Prop, Prop], bool],
                          covered: set, pairs: Callable[[list[Prop]], list[tuple[int, int]]] = candidate_pairs
                          ) -> list[Conflict]:
    """One conflict per doubted or denied item and the positive item that best states what it denies.

    Its sides are exactly the two sentences. When both are said by one source (denied, then
    acknowledged), it is an ``evolution`` of that source's account, not a clash between sources.
    ``covered`` holds the sentence pairs already in a conflict; it is updated, so a clash found
    through statements is not reported again through the events inside them. ``pairs`` gives the
    (probe, claim) index pairs compared.
    """
    def match_strength(q: Prop, p: Prop) -> float:
        """How well a claim states what the probe denies: its clause's words, then meaning where known."""
        strength = getattr(match, "strength", None)
        return strength(q, p) if strength is not None else 0.0

    matches: dict[int, list[int]] = defaultdict(list)
    for i, j in pairs(props):
        if match(props[i], props[j]) and conflict_kind(props[j].status, props[i].status, props[j].sourced):
            matches[i].append(j)
    conflicts = []
    for i, js in sorted(matches.items(), key=lambda kv: props[kv[0]].when):
        q = props[i]
        who = _speaker(corpus, q.record)
        # One source's own account that changed: not its report of someone else's accusation.
        def one_voice(j: int) -> bool:
            other = _speaker(corpus, props[j].record)
            if who is None and other is None:
                return _one_body_unnamed(corpus, q.record, props[j].record)
            return _same_speaker(corpus, who, other, (q.record.text, props[j].record.text))
        own = [j for j in js if one_voice(j) and not REPORTED_CLAIM.search(props[j].record.text)]
        js = [j for j in js if j in own or not one_voice(j)]
        others = [j for j in js if j not in own]
        # The claim that says most of the denied clause leads (then the closest in meaning), then the
        # closest in wording, then confirmations, then the earliest.
        best = lambda ks: min(ks, key=lambda j: (-round(match_strength(q, props[j]), 2),
                                                 -len(props[j].words & q.words), props[j].status != "confirmed",
                                                 props[j].when))
        for group, evolution in ((own, True), (others, False)):
            if not group:
                continue
            p = props[best(group)]
            side = _sentence(corpus, p.record)
            doubt = _sentence(corpus, q.record)
            pair = ((side.doc, side.start), (doubt.doc, doubt.start))
            if pair in covered:
                continue  # the same sentences already conflict (a statement and the event inside it)
            covered.add(pair)
            if evolution:
                first, later = sorted([p, q], key=lambda x: x.when)
                conflicts.append(Conflict(
                    id=content_id("x", ["evolution", first.id, later.id]), kind="evolution",
                    summary=_evolution_summary(corpus, first, later, corpus.name(who) or who
                                               or _capital(getattr(q.record, "source_text", None) or "")),
                    sides=[_sentence(corpus, x.record) for x in (first, later)],
                    assessment="denied, then acknowledged" if first is q else "stated, then denied"))
                continue
            kind = conflict_kind(p.status, q.status, p.sourced,
                                 bool(ACCUSATION.search(p.record.text) or ACCUSATION.search(q.record.text)))
            conflicts.append(Conflict(
                id=content_id("x", [kind, q.id, p.id]), kind=kind,
                summary=_summary(corpus, p, q, 0), sides=[side, doubt],
            ))
    return conflicts


_COUNTER = re.compile(r",\s++(?:saying|adding|insisting)\s++(?:that\s++)?(?P<claim>[^;]+?)[.\"”]*$", re.IGNORECASE)
"""What a denial asserts in its place: "X called the claim false, saying the census had counted animals twice"."""


def counter_claims(props: list[Prop]) -> list[Prop]:
    """The claim each denial makes in its place (", saying Q" after "rejected P"): Q is its source's own
    assertion, which a later "contrary to the trust's assertion that Q" disputes. Only a plain Q, three
    content words at least, that neither negates, denies nor doubts."""
    out = []
    for p in props:
        if p.status not in NEGATIVE or p.record.text.count(",") > 3:
            continue
        m = _COUNTER.search(p.record.text)
        if m is None or len(m.group("claim").split()) < 4:
            continue
        claim = m.group("claim").strip(" .")
        if _NEGATION.search(claim) or DENIAL.search(claim) or DOUBT.search(claim) or _MODAL.search(claim):
            continue
        words = frozenset(content_words(claim))
        if len(words) < 3:
            continue
        out.append(replace(p, id=f"{p.id}:said", status="reported", words=words, clause=claim, clause_words=words,
                           lead=(), clauses=(claim,), hedged=False, framed=False, doubt=False, forecast=False,
                           sourced=True))
    return out


_MODAL = re.compile(r"\b(?:may|might|could|would|will|should|must|can)\b", re.IGNORECASE)


_ACCUSED_THEN_DENIED = re.compile(
    r"\A(?P<claim>[^;]{0,300}?\b(?:(?:accus|alleg)\w*+|claim(?:s|ed)?+(?=\s++that\b))\s++(?P<act>[^;]{6,300}?))\s*+[,–—-]\s*+(?:something|which|a\s++charge|"
    r"an\s++accusation|an\s++allegation|a\s++claim|claims|allegations|accusations|charges)\s++(?:that\s++)?"
    r"(?:[\w.'’-]++\s++){0,4}?(?:(?:has|have|had)\s++)?(?:(?:repeatedly|consistently|strongly|always|flatly|long)\s++)?"
    r"(?:den(?:y|ies|ied)|rejects?|rejected|dismiss(?:es|ed)?)\b", re.IGNORECASE)
"""An accusation or a claim and its denial in one sentence: "Farmers accuse the mill of dumping waste in the river,
something the mill has always denied", "The mill is accused of dumping waste, which it denies", "The union claimed that
the exits had been locked, a claim flatly rejected by the owner"."""
_ACCUSING_VERB = re.compile(r"\b(?:(?:accus|alleg)\w*+|claim(?:s|ed)?+(?=\s++that\b))", re.IGNORECASE)
_PASSIVE_END = re.compile(r"\b(?:is|are|was|were|been|being|be)\s*+(?:(?:widely|repeatedly|also|often|long)\s++)?\Z",
                          re.IGNORECASE)
"""An accusation in the passive ("Russia is accused of", "has been accused of"): it names no accuser."""
_ACCUSED_ACT = re.compile(r"\A(?:(?P<who>(?:[\w.'’-]++\s++){1,4}?))?(?:of|that)\s++", re.IGNORECASE)


def accused_claims(props: list[Prop]) -> list[Prop]:
    """The accusation a sentence makes before the denial it reports ("Farmers accuse the mill of dumping waste in
    the river, something the mill has always denied"): the accusers' claim, which a denial in another report
    ("The mill denies dumping waste") answers. Its clause is who is accused and of what; at least two content
    words, no negation, doubt or modal in it."""
    out = []
    for p in props:
        if p.status not in NEGATIVE:
            continue
        m = _ACCUSED_THEN_DENIED.match(p.record.text)
        if m is None:
            continue
        act = m.group("act").strip(" .,\"“”")
        obj = _ACCUSED_ACT.match(act)
        if obj is None:
            continue
        clause = f"{obj.group('who') or ''}{act[obj.end():]}".strip()
        if _NEGATION.search(clause) or DENIAL.search(clause) or DOUBT.search(clause) or _MODAL.search(clause):
            continue
        words = frozenset(content_words(clause))
        if len(words) < 2:
            continue
        claim = m.group("claim").strip(" .,")
        # the accusers speak it (not the party that denies it, whom the sentence's frame may name); "is accused
        # of" names none
        accuser = claim[:_ACCUSING_VERB.search(claim).start()].strip(" ,")
        accuser = None if not accuser or _PASSIVE_END.search(accuser) else accuser
        record = replace(p.record, source=None, source_text=accuser, frame=None, agent=None,
                         source_kind="named" if accuser else "anonymous")
        out.append(replace(p, id=f"{p.id}:accused", record=record, status="reported",
                           words=frozenset(content_words(claim)), clause=clause, clause_words=words, lead=(),
                           clauses=(clause,), hedged=False, framed=False, doubt=False, forecast=False,
                           called_off=False, persisted=(), sourced=True))
    return out


def called_off_claims(props: list[Prop]) -> list[Prop]:
    """What a report that something was put off also claims: "more than 300 operations were postponed" negates
    a forecast that they would take place, and states that the postponement happened, which "has not confirmed
    that any operations were postponed" doubts. One plain claim per such report, with its sentence's status."""
    return [replace(p, id=f"{p.id}:done", status=p.record.status if p.record.status in POSITIVE else "reported",
                    called_off=False, forecast=False)
            for p in props if p.called_off and p.record.status in POSITIVE | {"negated"}
            and not _NEGATION.search(p.record.text)]


_LABEL_DENIED = re.compile(
    r"(?P<subject>\A\s*+(?:this|it|that)\s++)?\b(?:is|was|are|were)\s++(?:not|never)\s++(?:a|an)\s++"
    r"(?P<quote>[\"“‘'])?(?P<term>[^,.;:\"“”‘’()]{3,60}?)(?=\s*+[,.;:\"”’)]|\s++as\s|\s*+$)", re.IGNORECASE)
"""A label rejected: "the invasion is not a “territorial dispute”", "This is not a territorial dispute"."""
_AS_DESCRIBED = re.compile(r"\A[,\"”’'\s]*+as\s++(?P<who>(?:[\w.'’-]++\s++){1,6}?)(?:had\s++|has\s++)?"
                           r"(?:described|called|termed|labell?ed|characteri[sz]ed|put|framed)\b", re.IGNORECASE)
"""Whose label it is: "..., as Florida's governor described it"."""


def label_conflicts(corpus: Corpus, props: list[Prop], covered: set) -> list[Conflict]:
    """A label one source gives and another rejects ("becoming entangled in a territorial dispute" against
    "the invasion is not a “territorial dispute”, as X described it"): the rejection puts the label in
    quotation marks, names whose label it is, or answers it with a bare "this is not a ..."; the claim is
    another source's sentence that uses the label word for word, the one by the named source first, then
    the earliest. Labels of one content word ("not a war") are left alone: too common to tell whose they are."""
    # a sentence that uses the label inside its own negation ("becoming entangled in a territorial dispute was
    # not in our interest") still gives it: what it negates is not the label
    positives = [p for p in props if p.status in POSITIVE or p.status == "negated" and p.record.status in POSITIVE]
    conflicts = []
    for s in corpus.statements:
        m = _LABEL_DENIED.search(s.text)
        if m is None or len(content_words(m.group("term"))) < 2:
            continue
        named = _AS_DESCRIBED.match(s.text[m.end():])
        if not (m.group("quote") or m.group("subject") or named):
            continue
        term = " ".join(m.group("term").split())
        said = re.compile(rf"(?<![\w-]){re.escape(term)}(?![\w-])", re.IGNORECASE)
        who = _speaker(corpus, s)
        when = str(corpus.published(s.doc) or "9999")
        found = [p for p in positives if p.record.doc != s.doc or p.record.start != s.start]
        found = [p for p in found if said.search(p.record.text) and not _LABEL_DENIED.search(p.record.text)
                 and not _reports_apart(when, p.when[0])
                 and not _same_speaker(corpus, who, _speaker(corpus, p.record), (s.text, p.record.text))]
        if not found:
            continue
        names = content_words(named.group("who")) if named else set()

        def by_named(p: Prop) -> bool:
            return bool(names & content_words(corpus.name(_speaker(corpus, p.record)) or p.record.source_text or ""))

        p = min(found, key=lambda x: (not by_named(x), x.when))
        side, doubt = _sentence(corpus, p.record), _sentence(corpus, s)
        pair = ((side.doc, side.start), (doubt.doc, doubt.start))
        if pair in covered:
            continue
        covered.add(pair)
        q = Prop(id=record_id("s", s), kind="statement", record=s, status="negated", actors=frozenset(s.actors))
        conflicts.append(Conflict(id=content_id("x", ["negation", q.id, p.id]), kind="negation",
                                  summary=_summary(corpus, p, q, 0), sides=[side, doubt]))
    return conflicts


def _two_voices(corpus: Corpus) -> Callable[[Prop, Prop], bool]:
    """Whether two sentences are said by two sources: two speakers that are not one, or, both in the reports'
    own voice, two reports that do not name one body speaking."""
    def two_voices(a: Prop, b: Prop) -> bool:
        x, y = _speaker(corpus, a.record), _speaker(corpus, b.record)
        if x is None and y is None:
            return a.record.doc != b.record.doc and not _one_body_unnamed(corpus, a.record, b.record)
        return not _same_speaker(corpus, x, y, (a.record.text, b.record.text))

    return two_voices


def _opposite_conflicts(corpus: Corpus, pairs: Iterable[tuple[Prop, Prop]], covered: set, reading: str,
                        said: str) -> list[Conflict]:
    """A ``negation`` conflict citing the two sentences of each (earlier, later) pair that are not in a conflict
    yet: ``reading`` names how the pair was read (in its id), ``said`` opens its summary ("Said", "Judged")."""
    conflicts = []
    for p, q in pairs:
        side, other = _sentence(corpus, p.record), _sentence(corpus, q.record)
        pair = ((side.doc, side.start), (other.doc, other.start))
        if pair in covered or pair[::-1] in covered:
            continue
        covered.add(pair)
        conflicts.append(Conflict(
            id=content_id("x", ["negation", reading, p.id, q.id]), kind="negation",
            summary=f"{said} {_who(corpus, p.record)}: “{_short(p.record.text)}”; "
                    f"the opposite {_who(corpus, q.record)}: “{_short(q.record.text)}”",
            sides=[side, other]))
    return conflicts


def opposed_conflicts(corpus: Corpus, props: list[Prop], covered: set, embeddings=None) -> list[Conflict]:
    """Two sources that say opposite things of one subject in other words (``conflict_opposed``): a ``negation``
    conflict citing the two sentences, the earlier first. One source saying both is left out: its account
    changed, or the sentences are two moments of one story it tells."""
    return _opposite_conflicts(corpus, opposed(props, embeddings, _two_voices(corpus)), covered, "opposed", "Said")


def agency_conflicts(corpus: Corpus, props: list[Prop], covered: set) -> list[Conflict]:
    """A party said by one source to have done something and, by another, not to have done it
    (``conflict_agency``): the claim, then the denial or negation; its kind as ``conflict_kind`` reads the two
    statuses (a denial of an accusation is a ``negation``). A head of state or government in office acts for
    his state (``governed_state``)."""
    conflicts = []
    def leads(party: str, p: Prop) -> str | None:
        return governed_state(party, corpus.published(p.record.doc))

    for i, j, status in agency_pairs(props, corpus.mentions, _two_voices(corpus), leads):
        q, p = replace(props[i], status=status), props[j]
        side, doubt = _sentence(corpus, p.record), _sentence(corpus, q.record)
        pair = ((side.doc, side.start), (doubt.doc, doubt.start))
        if pair in covered or pair[::-1] in covered:
            continue
        covered.add(pair)
        kind = conflict_kind(p.status, status, p.sourced,
                             bool(ACCUSATION.search(p.record.text) or ACCUSATION.search(q.record.text)))
        conflicts.append(Conflict(id=content_id("x", [kind, "agency", q.id, p.id]), kind=kind,
                                  summary=_summary(corpus, p, q, 0), sides=[side, doubt]))
    return conflicts


SHARED_WORDS = 3
"""Content words two judging sentences share to be about one thing when they stand in two reports and name no
party in common (and their subjects share one word only)."""


def _judging_props(corpus: Corpus) -> list[Prop]:
    """Every statement but questions, doubted ones and syndicated copies, whatever kind the extraction gave it
    (a judgement or an intention is often typed an opinion or a prediction), as a proposition in time."""
    order = {doc: n for n, doc in enumerate(corpus.documents)}
    statements = [s for s in corpus.statements if s.kind != "question" and s.status not in DOUBTED
                  and not _is_copy(corpus, s.doc)]
    return [Prop(id=record_id("s", s), kind="statement", record=s, status=s.status, actors=frozenset(s.actors),
                 when=(str(corpus.published(s.doc) or "9999"), order.get(s.doc, 0), s.start)) for s in statements]


def judged_conflicts(corpus: Corpus, props: list[Prop], covered: set, reader=judgements) -> list[Conflict]:
    """One subject judged on two poles by two sources (``conflict_judged``: "the drills were a provocation"
    against "the drills were a routine exercise"): a ``negation`` conflict citing the two sentences, the earlier
    first. Read from ``props`` (``_judging_props``: every statement but questions, whatever kind the extraction
    gave it, as a judgement is often an opinion); sentences in two reports whose subjects share one word must also share a party or three words.
    ``reader``: what reads a sentence's judgements (``judgements``, or one remembering earlier runs')."""
    def one_thing(a: Prop, b: Prop) -> bool:
        return a.record.doc == b.record.doc or bool(a.actors & b.actors) \
            or len(content_words(a.record.text) & content_words(b.record.text)) >= SHARED_WORDS

    pairs = judged_pairs(props, lambda x: x.record.text, one_thing, _two_voices(corpus),
                         lambda x: x.when, lambda x: x.record.date, reader)
    return _opposite_conflicts(corpus, pairs, covered, "judged", "Judged")


def intent_conflicts(corpus: Corpus, props: list[Prop], covered: set, reader=intentions) -> list[Conflict]:
    """A party said by one source to mean an act and by another not to mean it (``conflict_intent``: "the union
    could strike at any time" against "the union has no plans to strike"; "dismissed reports of an imminent
    offensive"): a ``negation`` conflict citing the two sentences, the earlier first, as a forecast against a
    report that it will not happen is one. ``reader``: what reads a sentence's intentions (``intentions``, or one
    remembering earlier runs')."""
    by_doc: dict[str, list] = defaultdict(list)
    for m in corpus.mentions:
        by_doc[m.doc].append(m)

    def read(p: Prop) -> list:
        s = p.record
        context = corpus.documents[s.doc]["text"][max(0, s.start - CONTEXT):s.start]
        found = reader(s.text, by_doc.get(s.doc, ()), s.start, s.source if is_actor_id(s.source) else None, context)
        # a head of state or government means what his state means: "the president will not stop at the border"
        # against "the country has no plans to attack"
        return found + [replace(i, party=state) for i in found
                        if (state := governed_state(i.party, corpus.published(s.doc))) is not None]

    pairs = intent_pairs(props, lambda x: _sentence(corpus, x.record).text, read,
                         _two_voices(corpus), lambda x: x.when)
    return _opposite_conflicts(corpus, pairs, covered, "intent", "Said")


def find_conflicts(corpus: Corpus, tables: list[FigureTable] | None = None,
                   clusters: Iterable[Cluster] | None = None, embeddings=None, judged=None,
                   checks=None) -> list[Conflict]:
    """Every conflict in the corpus: figures, status, negation and knowledge-base checks (``kbcheck``).

    ``tables`` are the figure tables (built here when not given); ``clusters`` are statement
    clusters, whose members are compared even without shared words. ``judged``: a
    ``reuse.JudgedPairs`` holding earlier runs' judgements of pairs (none: every pair is judged); ``checks``: a
    ``reuse.TextChecks`` holding earlier runs' readings of sentences (none: every sentence is read).
    """
    tables = build_figure_tables(corpus) if tables is None else tables
    covered: set = set()
    conflicts = figure_conflicts(corpus, tables)
    statements = statement_props(corpus, clusters)
    statements += counter_claims(statements) + called_off_claims(statements) + accused_claims(statements)
    reached: dict = {}  # the candidate pairs of ``statements``, found once for the meaning and the matching
    similarity = embedding_similarity(statements, embeddings, reached) if embeddings is not None else None
    matcher, events = StatementMatcher(statements, similarity), same_event
    if judged is not None:
        matcher, events = judged.remember(matcher, f"statement:{similarity is not None}"), judged.remember(events, "event")
    conflicts += proposition_conflicts(corpus, statements, matcher, covered, lambda ps: reach_pairs(ps, reached))
    conflicts += proposition_conflicts(corpus, event_props(corpus), events, covered)
    conflicts += label_conflicts(corpus, statements, covered)
    conflicts += opposed_conflicts(corpus, statements, covered, embeddings)
    conflicts += agency_conflicts(corpus, statements, covered)
    judging = _judging_props(corpus)  # every statement but questions, doubted ones and copies, read once for both
    judge, intend = judgements, intentions
    if checks is not None:
        from storyline.analysis.reuse import remembered_intentions, remembered_judgements

        judge, intend = remembered_judgements(checks), remembered_intentions(checks)
    conflicts += judged_conflicts(corpus, judging, covered, judge)
    conflicts += intent_conflicts(corpus, judging, covered, intend)
    conflicts += knowledge_conflicts(corpus, checks)
    order = {doc: n for n, doc in enumerate(corpus.documents)}

    def position(c: Conflict) -> tuple:
        first = min(((order.get(s.doc, 0), s.start) for s in c.sides), default=(0, 0))
        return KIND_ORDER.get(c.kind, 9), first, c.id

    return sorted(conflicts, key=position)
