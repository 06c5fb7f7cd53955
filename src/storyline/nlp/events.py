"""Events: who did what to whom, when and where, coded with PLOVER types and modes."""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import registry

from storyline.models import Event, Mention, Statement
from storyline.nlp import certainty as cx
from storyline.nlp import grammar as gr
from storyline.nlp import plover as pv
from storyline.nlp.grammar import children, first_child, lemma
from storyline.nlp.pipeline import register_extensions
from storyline.nlp.prose import Context

VERSION = "storyline.events.v1"

# Statuses an event cannot keep once its own verb is hedged: "would send troops" has not happened.
FIRM = {"asserted", "reported", "confirmed"}
HYPOTHETICAL_MODALS = cx.HEDGE_MODALS | {"would"}
# Nouns that make what hangs off them an idea, not an act ("the proposal to deploy troops").
IDEA_NOUNS = frozenset({"proposal", "idea", "call", "calls", "need", "appeal", "suggestion", "option", "question",
                        "debate", "discussion", "plea", "demand", "demands", "push", "case", "argument", "request",
                        "capacity", "ability", "capability", "willingness", "readiness", "intention", "intent", "plan",
                        "plans", "effort", "efforts", "bid", "attempt", "desire", "right", "way", "means"})
CHANCE_NOUNS = frozenset({"possibility", "prospect", "risk", "threat", "danger", "likelihood", "chance", "fear",
                          "fears", "concern", "concerns", "speculation", "reports", "report", "rumours", "rumors",
                          "accusation", "accusations", "allegation", "allegations", "claim", "claims", "indication"})
RECIPIENT_PREPS = frozenset({"to", "with", "against", "on", "upon", "from", "for", "toward", "towards"})
PLACE_PREPS = frozenset({"in", "near", "at", "inside", "across", "along", "into", "around", "outside", "throughout",
                         "to", "toward", "towards"})
ACTOR_TYPES = frozenset({"state", "organization", "igo", "group", "person"})
PERSONAL = frozenset({"he", "she", "him", "her"})
# Verbs over a trigger that make it wished for ("wants Ukraine to recognise") or only tried.
DESIRE = gr.lexicon("want", "wish", "hope", "propose")
ATTEMPT = gr.lexicon("try", "attempt", "seek", "threaten", "vow", "pledge", "promise", "prepare", "consider", "weigh",
                     "mull", "contemplate")
# Edges to climb from a trigger to the clause predicate when collecting its hedges.
CLIMB = frozenset({"xcomp", "conj", "acl", "pcomp", "pobj", "prep", "advcl", "ccomp", "dobj", "nsubj", "nsubjpass"})
# Triggers that are themselves acts of speech: the author narrates them, whatever their content's status.
SPEECH_ACTS = frozenset(lem for lem, triggers in pv.VERBS.items()
                        if any(t.type in {"ACCUSE", "REQUEST", "THREATEN", "REJECT"} for t in triggers))
# Heads of noun phrases that name an actor through a modifier ("North Korean troops", "Russian officials").
ACTOR_NOUNS = pv.TROOPS | pv.nouns("government", "leader", "official", "authority", "authorities", "administration",
                                   "ministry", "military", "navy", "regime", "president", "minister", "diplomat",
                                   "delegation", "envoy", "rebel", "militant", "spokesman", "spokesperson",
                                   "air force", "warplane", "aircraft", "jet", "drone", "artillery", "police")


def _mentions(ctx: Context, tokens: list[Token]) -> list[Mention]:
    out = []
    for tok in tokens:
        m = ctx.mention_at(tok)
        if m is not None and m.entity and m not in out:
            out.append(m)
    return out


def _np_tokens(head: Token) -> list[Token]:
    """A noun phrase with its coordinated members ("Trudeau and Yoon"), without clauses hanging off it."""
    out = [head]
    for c in head.children:
        if c.dep_ in {"compound", "amod", "poss", "conj", "cc", "det", "nmod", "appos", "nummod"}:
            out.extend(_np_tokens(c) if c.dep_ in {"conj", "poss", "nmod", "appos"} else c.subtree)
    return out


def _subject_head(tok: Token) -> Token | None:
    """The agent of a trigger: its subject, the possessor of a "decision to ...", or a passive's agent."""
    agent = first_child(tok, "agent")
    if agent is not None:
        return first_child(agent, "pobj")
    if tok.dep_ == "acl" and tok.head.pos_ == "NOUN":
        owner = first_child(tok.head, "poss")
        if owner is not None:
            return owner
    node = tok
    for _ in range(4):
        subj = first_child(node, "nsubj", "nsubjpass", "csubj", "expl")
        if subj is None:
            for aux in children(node, "aux", "auxpass"):
                subj = subj or first_child(aux, "nsubj")
        if subj is not None:
            return subj if subj.dep_ == "nsubj" else None
        # "Russia plans to deploy", "condemned X and called on Y": share the subject, never across a clause
        if node.dep_ not in {"xcomp", "conj"}:
            return None
        node = node.head
    return None


def _actors(ctx: Context, head: Token | None) -> list[Mention]:
    if head is None:
        return []
    if head.lower_ in PERSONAL:
        return _only_person(ctx, head)
    if head.pos_ == "PRON":
        return []  # "it", "they": too often the wrong referent to code an event on
    if ctx.mention_at(head) is None and head.lower_ not in ACTOR_NOUNS:
        return []  # "Ukrainian advances threatened ...": an actor must be the one who acts
    return [m for m in _mentions(ctx, _np_tokens(head)) if m.type in ACTOR_TYPES or m.type is None]


def _only_person(ctx: Context, pronoun: Token) -> list[Mention]:
    """The referent of "he"/"she" when one person only is named since the previous sentence."""
    sent = pronoun.sent
    start = sent.start_char
    if sent.start > 0:
        start = pronoun.doc[sent.start - 1].sent.start_char
    people = {m.entity: m for m in ctx.mentions_in(start, pronoun.idx) if m.entity and m.type == "person"}
    return list(people.values()) if len(people) == 1 else []


def _pobj_mentions(ctx: Context, prep: Token) -> list[Mention]:
    obj = first_child(prep, "pobj")
    return _mentions(ctx, _np_tokens(obj)) if obj is not None else []


def _hedge(tok: Token, stop: Token) -> tuple[list[tuple[str, str]], Token | None]:
    """Hedges, futures, negation and advice over a trigger, up to the clause predicate.

    Also returns the noun the climb stopped at, when the trigger is the content of one ("accusations
    that Russia is planning to attack", "the decision to deploy"): what governs that noun is not
    said of the event.
    """
    found: list[tuple[str, str]] = []
    speech = lemma(tok) in SPEECH_ACTS
    node = tok
    for _ in range(6):
        own = node.i == tok.i
        for aux in gr.auxes(node):
            low = aux.lower_
            if low in cx.DEONTIC_MODALS:
                found.append(("advice", low))
            elif low in HYPOTHETICAL_MODALS:
                found.append(("possible", low))
            elif low in cx.FUTURE_MODALS:
                found.append(("expected", low))
        for c in node.children:
            # a threat's or an appeal's "if" is part of what was said, not a doubt about saying it
            if c.dep_ == "advcl" and not speech and any(m.lower_ in {"if", "unless"} for m in children(c, "mark")):
                found.append(("possible", "if"))
            if c.dep_ == "advmod" and c.lower_ in cx.HEDGE_ADVERBS:
                found.append(("possible", c.lower_))
            if c.dep_ == "amod" and c.lower_ in pv.HEDGED_ADJ and pv.HEDGED_ADJ[c.lower_]:
                found.append((pv.HEDGED_ADJ[c.lower_], c.lower_))
        nots = cx.not_cues(node)
        if nots and lemma(node) == "rule" and any(c.lower_ == "out" for c in children(node, "prt")):
            found.append(("possible", "not rule out"))  # "cannot rule out sending troops"
        elif nots:
            found.append(("negated", nots[0]))
        lem = lemma(node)
        if not own:
            if node.pos_ in {"NOUN", "PROPN"}:
                if node.lower_ in IDEA_NOUNS:
                    found.append(("advice", node.lower_))
                elif node.lower_ in CHANCE_NOUNS:
                    found.append(("possible", node.lower_))
                return found, node
            if lem == "need" or lem in cx.URGE or lem in DESIRE:
                found.append(("advice", node.lower_))
            elif lem in cx.RAISING_EXPECTED:
                found.append(("expected", node.lower_))
            elif lem in ATTEMPT:
                found.append(("possible", node.lower_))
            elif lem in cx.NEGATIVE_VERBS:
                found.append(("negated", node.lower_))
        if node.i == stop.i or node.dep_ not in CLIMB:
            break
        node = node.head
    return found, None


def _narrated(tok: Token, root: Token) -> bool:
    """Whether a trigger sits in the reporting frame ("during a call with Yoon, Trudeau said ..."), not the claim."""
    if lemma(root) not in cx.SPEECH_VERBS or first_child(root, "ccomp") is None:
        return False
    node = tok
    while node.i != root.i and node.head.i != node.i:
        if node.dep_ in {"ccomp", "xcomp", "parataxis"} and node.head.i == root.i:
            return False
        node = node.head
    return node.i == root.i


def _base_status(st: Statement, tok: Token, root: Token, under: Token | None) -> str:
    """The statement's status, except where the trigger is the telling itself, sits in its frame, or
    is the content of a noun whose sentence is negated ("did not repeat accusations that ...")."""
    if under is not None and st.status == "negated":
        return "possible" if under.lower_ in CHANCE_NOUNS | cx.CLAIM_NOUNS else "asserted"
    if st.status in FIRM | {"possible", "expected"} and _narrated(tok, root):
        return "asserted"
    if tok.i == root.i and lemma(tok) in SPEECH_ACTS and st.status != "unconfirmed":
        return "asserted"  # "Ukraine requested aid": the request is the author's report of an act
    return st.status


def _status(base: str, found: list[tuple[str, str]]) -> str:
    status = base
    for kind, _ in found:
        if kind == "negated" and cx.RANK[status] > cx.RANK["negated"]:
            status = "negated"
        elif kind in {"possible", "expected"} and status in FIRM:
            status = kind
    return status


def _date(doc: Doc, tok: Token, statement: Statement) -> str | None:
    times = [t for t in doc._.times or [] if statement.start <= t.start < statement.end and t.value]
    left, right = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)
    near = [t for t in times if left <= t.start < right]
    return (near or times or [None])[0].value if (near or times) else None


def _location(ctx: Context, heads: list[Token], taken: set[str]) -> str | None:
    for head in heads:
        for prep in children(head, "prep"):
            if prep.lower_ not in PLACE_PREPS:
                continue
            for m in _pobj_mentions(ctx, prep):
                if m.entity not in taken and (m.type in {"place", "state"} or m.label in {"GPE", "LOC", "FAC"}):
                    return m.entity
    return None


def _aid_mode(obj: Token, default: str | None) -> str | None:
    if any(c.lower_ in pv.MILITARY_AID for c in obj.subtree):
        return "military"  # "supplies of heavy weapons"
    for c in obj.subtree:
        if c.lower_ in pv.AID_MODES and c.i < obj.i:
            return pv.AID_MODES[c.lower_]
    return default


def _match(tok: Token, obj: Token | None) -> pv.Trigger | None:
    for trig in pv.VERBS.get(lemma(tok), []):
        if trig.objects is None:
            return trig
        heads = [obj, *children(obj, "conj")] if obj is not None else []
        if any(h.lower_ in trig.objects for h in heads):
            return trig
    return None


def _verb_event(ctx: Context, st: Statement, tok: Token, root: Token) -> Event | None:
    if not tok.tag_.startswith("VB") or tok.dep_ in {"amod", "compound", "aux", "auxpass"}:
        return None
    lem = lemma(tok)
    if lem not in pv.VERBS:
        return None
    needed = pv.PARTICLE_NEEDED.get(lem)
    if needed and not any(c.lower_ in needed for c in children(tok, "prt")):
        return None
    passive = first_child(tok, "auxpass") is not None or first_child(tok, "nsubjpass") is not None
    obj = first_child(tok, "nsubjpass") if passive else first_child(tok, "dobj")
    trig = _match(tok, obj)
    if trig is None:
        return None
    mode = trig.mode
    if trig.type == "AID" and obj is not None:
        mode = _aid_mode(obj, mode)
    if trig.type == "CONSULT" and any(c.lower_ in pv.PHONE_WORDS for p in children(tok, "prep") for c in p.subtree):
        mode = "phone"
    if trig.type == "ASSAULT":
        mode = pv.ASSAULT_MODES.get(lem) or next((pv.ASSAULT_MODES[c.lower_] for c in tok.subtree
                                                  if c.lower_ in pv.ASSAULT_MODES and c.i != tok.i), None)
    head = _subject_head(tok)
    actors = _actors(ctx, head)
    if not actors and passive and obj is not None and trig.type == "MOBILIZE":
        # "North Korean troops were deployed": the troops' state is the actor
        actors = [m for m in _mentions(ctx, _np_tokens(obj)) if m.type in ACTOR_TYPES]
    if not actors:
        return None
    return _finish(ctx, st, tok, root, trig, mode, actors, obj if trig.objects is not None else None)


def _finish(ctx: Context, st: Statement, tok: Token, root: Token, trig: pv.Trigger, mode: str | None,
            actors: list[Mention], thing: Token | None) -> Event | None:
    found, under = _hedge(tok, root)
    if any(kind == "advice" for kind, _ in found) or st.kind == "question":
        return None  # urged, proposed or asked about: not something that happened
    if st.kind == "recommendation" and tok.i != root.i:
        return None  # whatever a recommendation mentions is what it wants, not what was done
    taken = {m.entity for m in actors}
    recipients: list[Mention] = []
    heads = [tok] + ([thing] if thing is not None else [])
    for head in heads:
        for c in head.children:
            if c.dep_ in {"dobj", "dative"} and (thing is None or c.i != thing.i):
                recipients += [m for m in _mentions(ctx, _np_tokens(c)) if m.type in ACTOR_TYPES]
            elif c.dep_ == "prep" and c.lower_ in RECIPIENT_PREPS:
                recipients += [m for m in _pobj_mentions(ctx, c) if m.type in ACTOR_TYPES | {None}]
    recipients = [m for i, m in enumerate(recipients) if m.entity not in taken and m.entity not in
                  {r.entity for r in recipients[:i]}]
    if trig.recipient_needed and not recipients:
        return None
    if trig.type == "CONSULT" and not recipients and len(actors) < 2:
        return None  # a consultation needs two sides
    location = _location(ctx, heads, taken | {m.entity for m in recipients})
    return Event(
        doc=st.doc,
        start=st.start,
        end=st.end,
        text=st.text,
        type=trig.type,
        mode=mode,
        actors=[m.entity for m in actors],
        recipients=[m.entity for m in recipients],
        date=_date(ctx.doc, tok, st),
        location=location,
        status=_status(_base_status(st, tok, root, under), found),
        trigger=tok.text,
        frame=st.frame,
    )


def _noun_event(ctx: Context, st: Statement, tok: Token, root: Token) -> Event | None:
    if tok.pos_ != "NOUN" or tok.lower_ not in pv.NOUN_TRIGGERS:
        return None
    trig = pv.NOUN_TRIGGERS[tok.lower_]
    if trig.type == "CONSULT":
        # "during a phone call with Yoon, Trudeau ...": only calls that say they were by phone
        if not any(c.lower_ in pv.PHONE_WORDS for c in tok.children if c.dep_ in {"compound", "amod"}):
            return None
        owner = first_child(tok, "poss")
        if owner is None and tok.dep_ == "pobj" and tok.head.dep_ == "prep":
            verb = tok.head.head
            owner = _subject_head(verb) if gr.is_verbal(verb) else None
        actors = _actors(ctx, owner)
        if not actors or not any(p.lower_ == "with" for p in children(tok, "prep")):
            return None
        return _finish(ctx, st, tok, root, trig, "phone", actors, None)
    # "the deployment of North Korean troops to Russia"
    of = next((p for p in children(tok, "prep") if p.lower_ == "of"), None)
    troops = first_child(of, "pobj") if of is not None else None
    if troops is None or troops.lower_ not in pv.TROOPS:
        return None
    owner = first_child(tok, "poss")
    actors = _actors(ctx, owner) if owner is not None else [
        m for m in _mentions(ctx, _np_tokens(troops)) if m.type in ACTOR_TYPES]
    if not actors:
        return None
    return _finish(ctx, st, tok, root, trig, "troops", actors, troops)


def extract_events(doc: Doc) -> list[Event]:
    """Events in the statements of a document, each with a resolved actor and a lexicon trigger."""
    if doc._.statements is None:
        from storyline.nlp.statements import extract_statements  # the statements component did not run

        doc._.statements = extract_statements(doc)
    statements = doc._.statements
    ctx = Context.of(doc)
    out: list[Event] = []
    for st in statements:
        span: Span | None = doc.char_span(st.start, st.end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        for tok in span:
            event = _verb_event(ctx, st, tok, root) or _noun_event(ctx, st, tok, root)
            if event is not None:
                out.append(event)
    return out


@registry.misc(VERSION)
def make_extractor() -> Callable[[Doc], list[Event]]:
    """The rule-based extractor: PLOVER-coded events from the parse and the statements' certainty."""
    return extract_events


@Language.factory(
    "storyline_events",
    requires=["doc._.statements", "token.dep", "doc._.mentions", "doc._.quotes", "doc._.times"],
    assigns=["doc._.events"],
    default_config={"extractor": {"@misc": VERSION}},
)
def make_events(nlp: Language, name: str, extractor: Callable[[Doc], list[Event]]) -> EventsComponent:
    register_extensions()
    return EventsComponent(extractor)


class EventsComponent:
    """Sets ``doc._.events`` to the events of the document."""

    def __init__(self, extractor: Callable[[Doc], list[Event]]):
        self.extractor = extractor

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = self.extractor(doc)
        return doc
