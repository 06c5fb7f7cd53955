"""The actor network: typed, directed relations between actors, weighted by independent reports."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import asdict
from pathlib import Path
from typing import Any

import networkx as nx

from storyline.analysis.corpus import Corpus
from storyline.models import Edge, Event, Evidence, Mention, Statement

RELATIONS = ("cooperates", "supports", "supplies", "deploys_to", "sanctions", "opposes", "threatens", "consults")
# Only what a report states as having happened counts; expected, possible, unconfirmed,
# denied and negated events are claims about the network, not part of it.
COUNTED = {"asserted", "confirmed", "reported"}
# Relations with no meaningful direction: "X cooperates with Y" and "Y with X" are one fact.
SYMMETRIC = {"cooperates", "consults"}

EVENT_RELATION = {
    "MOBILIZE": "deploys_to", "AID": "supports", "SUPPORT": "supports",
    "COOPERATE": "cooperates", "AGREE": "cooperates", "SANCTION": "sanctions",
    "THREATEN": "threatens", "CONSULT": "consults",
    # The edge types have no "attacks": armed and verbal hostility both read as opposition.
    "ASSAULT": "opposes", "FIGHT": "opposes", "COERCE": "opposes",
    "ACCUSE": "opposes", "REJECT": "opposes", "PROTEST": "opposes",
}
MATERIEL_MODES = {"military", "weapons", "arms", "materiel", "equipment", "ammunition", "lethal"}
SUPPLY_TRIGGER = re.compile(r"suppl|deliver|ship|transfer|sell|sold", re.I)
MATERIEL = re.compile(
    r"\b(?:weapon\w*|arms|missiles?|shells?|ammunition|munitions|drones?|artillery|rockets?|tanks?|"
    r"equipment|military (?:aid|assistance|support|hardware|technology)|lethal aid|materiel)\b", re.I)
TROOPS = re.compile(r"\b(?:troops|soldiers|forces|personnel|units|fighters|battalions|brigades)\b", re.I)
AID = re.compile(r"\b(?:aid|assistance|support|help|backing|funds|money|loans?)\b", re.I)

# Cue patterns over the text between two adjacent actor mentions in one statement, used
# only where the events component coded nothing for that pair. Each is (relation, regex).
_P = r"(?:'s|’s|'|’)?"  # a possessive the mention's surface form left out
_AUX = r"(?:has\s+|have\s+|had\s+|is\s+|was\s+|were\s+|are\s+)?(?:\w+ly\s+)?"
_END = r"\s+(?:the\s+)?$"
BETWEEN = [
    ("cooperates", rf"^{_P}\s+(?:[\w-]+\s+){{0,2}}(?:alliance|cooperation|co-operation|partnership|ties|"
                   rf"relations|coordination|collaboration|pact|axis)\s+with{_END}"),
    ("cooperates", rf"^\s+{_AUX}(?:allied|cooperat\w+|co-operat\w+|partnered|sided|teamed up|aligned)\s+with{_END}"),
    ("supports", rf"^\s+{_AUX}(?:backs?|backed|backing|supports?|supported|supporting|endorsed?|endorses|"
                 rf"stands? (?:by|with)|stood (?:by|with)){_END}"),
    ("aid", rf"^{_P}\s+(?:[\w-]+,?\s+){{0,3}}(?:aid|assistance|support|backing|supplies|deliveries)"
            rf"\s+(?:for|to|of){_END}"),
    ("transfer", rf"^\s+{_AUX}(?:suppl\w+|provid\w+|deliver\w*|sen[dt]\w*|ship\w*|sold|sells?|selling|"
                 rf"transferr?\w*|deploy\w*|dispatch\w*|station\w*)\s+(?P<obj>[^.;:]{{1,80}}?)"
                 rf"\s+(?:to|for|into|in){_END}"),
    ("deploys_to", rf"^{_P}\s+(?:[\w-]+\s+){{0,1}}(?:troops|soldiers|forces|deployment)\s+(?:to|in|into){_END}"),
    ("sanctions", rf"^\s+{_AUX}(?:sanction(?:s|ed|ing)?|(?:imposed|imposes|imposing|slapped|announced|"
                  rf"tightened)\s+(?:[\w-]+\s+){{0,2}}sanctions\s+(?:on|against)){_END}"),
    ("sanctions", rf"^{_P}\s+(?:[\w-]+\s+){{0,2}}sanctions\s+(?:on|against){_END}"),
    ("opposes", rf"^\s+{_AUX}(?:condemn\w*|critici[sz]\w*|denounc\w*|accus\w*|blam\w*|oppos\w*|rebuk\w*|"
                rf"attack\w*|struck|strikes|invad\w*|shell\w*|fought|fights?|fighting|at war with){_END}"),
    ("opposes", rf"^{_P}\s+(?:[\w-]+\s+){{0,2}}(?:war|aggression|invasion|offensive|attacks?|hostility)\s+"
                rf"(?:against|on|of|with){_END}"),
    ("threatens", rf"^\s+{_AUX}(?:threaten\w*|warn(?:ed|s)?|intimidat\w*){_END}"),
    ("consults", rf"^\s+{_AUX}(?:spoke|speaks|talked|met|meets|conferred|consulted|(?:had|held)\s+(?:a\s+)?"
                 rf"(?:phone\s+|telephone\s+)?(?:call|talks|conversation|meeting))(?:\s+by\s+phone)?"
                 rf"(?:\s+with)?{_END}"),
    ("consults", rf"^{_P}\s+(?:[\w-]+\s+){{0,2}}(?:call|talks|meeting|summit|conversation)\s+with{_END}"),
]
BETWEEN_RE = [(rel, re.compile(rx, re.I)) for rel, rx in BETWEEN]
# "the alliance between X and Y": the cue stands before the first mention.
PAIR_BEFORE = re.compile(
    r"\b(?P<cue>alliance|cooperation|co-operation|partnership|ties|pact|axis|relations|coordination|"
    r"collaboration|call|talks|meeting|summit|conversation|war|conflict)\s+between\s+(?:the\s+)?$", re.I)
# "the potential deployment of", "Macron's proposal to deploy": a relation proposed, not stated.
HEDGED_BEFORE = re.compile(r"\b(?:potential|possible|possibly|prospect|proposed|planned|plans?|idea|suggestion|"
                           r"proposals?|calls?|question|option|possibility|debate|discussion|would|could|may|might|"
                           r"if|whether)\b[^.;]*$", re.I)
# Advice, forecasts and questions are not relations that hold: only reported facts and judgements.
STATED_KINDS = {"fact", "estimate", "opinion"}
PAIR_BETWEEN = re.compile(r"^\s*+(?:(?:'s|’s)\s*+)?(?:and|-|–|—)\s*+(?:the\s++)?$", re.I)
PAIR_CUE = {"call": "consults", "talks": "consults", "meeting": "consults", "summit": "consults",
            "conversation": "consults", "war": "opposes", "conflict": "opposes"}
# "the deployment of North Korean troops to Russia": a military mention sent somewhere.
DEPLOY_BEFORE = re.compile(r"\b(?:deploy\w*|send\w*|sent|dispatch\w*|station\w*)\s+(?:of\s+)?(?:[\w-]+\s+){0,3}$", re.I)
DEPLOY_BETWEEN = re.compile(rf"^\s+(?:troops\s+|soldiers\s+|forces\s+)?(?:to|into|in){_END}", re.I)
# Co-actors of one event relate only when coordinated ("X and President Y"), not in apposition.
COORDINATED = re.compile(r"^(?:'s|’s)?(?:\s*+,)?\s++(?:and|&)\s++(?:the\s++)?(?:[A-Z][\w.’'-]*+\s++){0,3}$")


def _key(source: str, target: str, relation: str) -> tuple[str, str, str]:
    if relation in SYMMETRIC and target < source:
        source, target = target, source
    return source, target, relation


def _event_relation(event: Event) -> str | None:
    relation = EVENT_RELATION.get(event.type.upper())
    if relation == "supports" and event.type.upper() == "AID":
        if (event.mode or "").lower() in MATERIEL_MODES or SUPPLY_TRIGGER.search(event.trigger or ""):
            return "supplies"
    return relation


def _location_entity(location: str | None, aliases: dict[str, str]) -> str | None:
    if not location:
        return None
    if location.startswith(("kb:", "local:")):
        return location
    return aliases.get(location.lower())


def _event_targets(event: Event, relation: str, aliases: dict[str, str]) -> list[str]:
    targets = [r for r in event.recipients if r]
    if not targets and relation == "deploys_to":
        # "troops arrived in Kursk": MOBILIZE names a destination, not a recipient.
        place = _location_entity(event.location, aliases)
        targets = [place] if place else []
    return targets


def _classify_transfer(obj: str) -> str | None:
    if TROOPS.search(obj):
        return "deploys_to"
    if MATERIEL.search(obj):
        return "supplies"
    if AID.search(obj):
        return "supports"
    return None


def relation_between(before: str, first: Mention, between: str) -> str | None:
    """The relation a statement states from one mention to the next, from the words around them."""
    for relation, pattern in BETWEEN_RE:
        match = pattern.match(between)
        if not match:
            continue
        if relation == "aid":  # "North Korean military" + " assistance to": the facet names the kind
            return "supplies" if MATERIEL.search(first.text + between) else "supports"
        if relation == "transfer":
            return _classify_transfer(match.group("obj"))
        return relation
    if PAIR_BETWEEN.match(between):
        cue = PAIR_BEFORE.search(before)
        if cue:
            return PAIR_CUE.get(cue.group("cue").lower(), "cooperates")
    military = first.facet == "military" or TROOPS.search(first.text)
    if military and DEPLOY_BETWEEN.match(between) and DEPLOY_BEFORE.search(before):
        return "deploys_to"
    return None


def _mentions_by_doc(corpus: Corpus) -> dict[str, list[Mention]]:
    by_doc: dict[str, list[Mention]] = defaultdict(list)
    for m in corpus.mentions:
        if m.entity:
            by_doc[m.doc].append(m)
    for items in by_doc.values():
        items.sort(key=lambda m: (m.start, m.end))
    return by_doc


def statement_relations(
    corpus: Corpus, statement: Statement, mentions: list[Mention]
) -> list[tuple[str, str, str, int]]:
    """``(source, target, relation, offset)`` stated between adjacent actors of one statement."""
    text = corpus.documents[statement.doc]["text"]
    inside = [m for m in mentions if m.start >= statement.start and m.end <= statement.end]
    found = []
    for first, second in zip(inside, inside[1:]):
        if first.entity == second.entity or second.start < first.end:
            continue
        before = text[max(statement.start, first.start - 60) : first.start]
        if HEDGED_BEFORE.search(before):
            continue
        relation = relation_between(before, first, text[first.end : second.start])
        if relation:
            found.append((first.entity, second.entity, relation, first.start))
    return found


def _joint_actors(event: Event, mentions: list[Mention]) -> list[tuple[str, str]]:
    """Pairs of co-actors joined by "and" ("Trudeau and Yoon discussed"), not by apposition."""
    text, pairs = event.text, []
    inside = [m for m in mentions if event.start <= m.start and m.end <= event.end and m.entity in event.actors]
    for first, second in zip(inside, inside[1:]):
        between = text[first.end - event.start : second.start - event.start]
        if first.entity != second.entity and COORDINATED.match(between):
            pairs.append(tuple(sorted((first.entity, second.entity))))
    return pairs


def _original(corpus: Corpus, doc: str) -> str:
    # Copies are not extracted, but a record that slipped through counts for its original.
    return corpus.documents.get(doc, {}).get("duplicate_of") or doc


def collect(corpus: Corpus) -> dict[tuple[str, str, str], dict[str, list[Evidence]]]:
    """Every counted relation: key -> document -> sentence evidence."""
    found: dict[tuple[str, str, str], dict[str, list[Evidence]]] = defaultdict(lambda: defaultdict(list))
    aliases: dict[str, str] = {}
    for entity in reversed(corpus.entities):  # the most-mentioned entity wins a shared alias
        for alias in [entity.name, *entity.aliases]:
            aliases[alias.lower()] = entity.id
    coded: dict[str, list[tuple[int, int, frozenset[str]]]] = defaultdict(list)
    by_doc = _mentions_by_doc(corpus)

    def add(key: tuple[str, str, str], doc: str, offset: int) -> None:
        evidence = corpus.sentence_evidence(doc, offset)
        items = found[key][_original(corpus, doc)]
        if all((e.doc, e.start, e.end) != (evidence.doc, evidence.start, evidence.end) for e in items):
            items.append(evidence)

    for event in corpus.events:
        relation = _event_relation(event)
        if relation is None:
            continue
        targets = _event_targets(event, relation, aliases)
        pairs = [(a, t) for a in event.actors if a for t in targets if t != a]
        if not targets and relation in SYMMETRIC:
            pairs = _joint_actors(event, by_doc.get(event.doc, []))
        # Any coded event, counted or not, means the events component spoke for that sentence.
        coded[event.doc].append((event.start, event.end, frozenset(x for pair in pairs for x in pair)))
        if event.status not in COUNTED:
            continue
        for actor, target in pairs:
            add(_key(actor, target, relation), event.doc, event.start)

    for statement in corpus.statements:
        if (statement.status not in COUNTED or statement.kind not in STATED_KINDS
                or statement.doc not in corpus.documents):
            continue
        for source, target, relation, offset in statement_relations(corpus, statement, by_doc.get(statement.doc, [])):
            if any(s < statement.end and statement.start < e and {source, target} <= actors
                   for s, e, actors in coded.get(statement.doc, [])):
                continue
            add(_key(source, target, relation), statement.doc, offset)
    return found


def _node(corpus: Corpus, entity_id: str, entities: dict[str, Any]) -> dict[str, Any]:
    entity = entities.get(entity_id)
    return {
        "id": entity_id,
        "name": corpus.name(entity_id) or entity_id,
        "type": entity.type if entity is not None else "other",
        "kb_id": entity.kb_id if entity is not None else None,
    }


def build_network(corpus: Corpus) -> tuple[nx.MultiDiGraph, list[Edge]]:
    """The actor network as a graph (one edge per relation type) and as Edge records."""
    edges = []
    for (source, target, relation), docs in collect(corpus).items():
        evidence = sorted((e for items in docs.values() for e in items), key=lambda e: (e.doc, e.start))
        edges.append(Edge(source=source, target=target, type=relation, weight=len(docs), evidence=evidence))
    edges.sort(key=lambda e: (-e.weight, RELATIONS.index(e.type), e.source, e.target))
    entities = {e.id: e for e in corpus.entities}
    graph = nx.MultiDiGraph()
    for node_id in sorted({x for e in edges for x in (e.source, e.target)}):
        node = _node(corpus, node_id, entities)
        graph.add_node(node_id, name=node["name"], type=node["type"], kb_id=node["kb_id"] or "")
    for edge in edges:
        graph.add_edge(
            edge.source, edge.target, key=edge.type, type=edge.type, weight=edge.weight,
            symmetric=edge.type in SYMMETRIC,
            evidence=json.dumps([asdict(e) for e in edge.evidence], ensure_ascii=False),
        )
    return graph, edges


def to_json(edges: list[Edge], corpus: Corpus) -> dict[str, Any]:
    """``{"nodes": [...], "edges": [...]}`` for the briefing and exports."""
    entities = {e.id: e for e in corpus.entities}
    nodes = [_node(corpus, n, entities) for n in sorted({x for e in edges for x in (e.source, e.target)})]
    return {
        "nodes": nodes,
        "edges": [
            {"source": e.source, "target": e.target, "type": e.type, "weight": e.weight,
             "evidence": [asdict(v) for v in e.evidence]}
            for e in edges
        ],
    }


def write_graphml(graph: nx.MultiDiGraph, path: str | Path) -> None:
    """Write the network as GraphML (every attribute is a string, number or boolean)."""
    nx.write_graphml(graph, str(path))
