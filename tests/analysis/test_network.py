"""Actor network: relations from events and statement cues, weights, evidence and GraphML export."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import networkx as nx
import pytest

from storyline.analysis.corpus import Corpus
from storyline.analysis.entities import Entity
from storyline.analysis.network import build_network, relation_between, to_json, write_graphml
from storyline.models import Event, Mention, Statement

# A made-up crisis between made-up states, so no fixture sentence speaks for a real one.
ACTORS = {
    "kb:ARV": ("Arvania", "state", "Q1", ["Arvania", "Arvanian troops"]),
    "kb:BEL": ("Belmora", "state", "Q2", ["Belmora"]),
    "kb:CAS": ("Castria", "state", "Q3", ["Castria"]),
    "kb:LU": ("Lowland Union", "igo", "Q4", ["Lowland Union"]),
    "local:place:vessa": ("Vessa", "place", None, ["Vessa"]),
    "local:person:ida-marsh": ("Ida Marsh", "person", None, ["Ida Marsh"]),
}


class Story:
    """A hand-built corpus: reports, their actor mentions found by surface form, and records."""

    def __init__(self) -> None:
        self.docs: dict[str, str] = {}
        self.statements: list[Statement] = []
        self.events: list[Event] = []

    def report(self, doc: str, text: str) -> "Story":
        self.docs[doc] = text
        return self

    def _span(self, doc: str, fragment: str) -> tuple[int, int]:
        start = self.docs[doc].index(fragment)
        return start, start + len(fragment)

    def statement(self, doc: str, fragment: str, kind: str = "fact", status: str = "asserted", **kw) -> Statement:
        start, end = self._span(doc, fragment)
        s = Statement(doc, start, end, fragment, kind, status, **kw)
        self.statements.append(s)
        return s

    def event(self, doc: str, fragment: str, type: str, actors: list[str], recipients: list[str] = (),
              status: str = "asserted", **kw) -> Event:
        start, end = self._span(doc, fragment)
        e = Event(doc, start, end, fragment, type, actors=list(actors), recipients=list(recipients), status=status,
                  **kw)
        self.events.append(e)
        return e

    def corpus(self, shuffle: int | None = None) -> Corpus:
        mentions, sentences = [], {}
        for doc, text in self.docs.items():
            taken: set[int] = set()
            surfaces = sorted(((s, eid, a[1]) for eid, a in ACTORS.items() for s in a[3]), key=lambda x: -len(x[0]))
            for surface, eid, etype in surfaces:
                for m in re.finditer(rf"\b{re.escape(surface)}\b", text):
                    if not taken & set(range(m.start(), m.end())):
                        taken |= set(range(m.start(), m.end()))
                        facet = "military" if surface.endswith("troops") else None
                        mentions.append(Mention(doc, m.start(), m.end(), surface, "KB", eid, etype, facet=facet))
            sentences[doc] = [(m.start(), m.end()) for m in re.finditer(r"[^.!?\n]+[.!?]?", text)]
        entities = [Entity(eid, a[0], a[1], a[2], aliases=list(a[3])) for eid, a in ACTORS.items()]
        documents = {d: {"id": d, "text": t, "outlet": f"Outlet {d}", "duplicate_of": None}
                     for d, t in self.docs.items()}
        statements, events = list(self.statements), list(self.events)
        if shuffle is not None:
            rng = random.Random(shuffle)
            for items in (mentions, statements, events):
                rng.shuffle(items)
        return Corpus(documents=documents, mentions=mentions, statements=statements, events=events,
                      sentences=sentences, entities=entities, kb=None)


def edges_of(corpus: Corpus) -> dict[tuple[str, str, str], int]:
    _, edges = build_network(corpus)
    return {(e.source, e.target, e.type): e.weight for e in edges}


def test_network_cooperation_counts_each_report_once_in_either_direction():
    story = Story()
    story.report("d1", "Arvania signed a defence pact with Belmora. Arvania and Belmora drilled together.")
    story.report("d2", "Belmora agreed a security accord with Arvania on Monday.")
    story.event("d1", "Arvania signed a defence pact with Belmora", "COOPERATE", ["kb:ARV"], ["kb:BEL"])
    story.event("d1", "Arvania and Belmora drilled together", "COOPERATE", ["kb:ARV"], ["kb:BEL"])
    story.event("d2", "Belmora agreed a security accord with Arvania", "AGREE", ["kb:BEL"], ["kb:ARV"])
    _, edges = build_network(story.corpus())
    assert [(e.source, e.target, e.type, e.weight) for e in edges] == [("kb:ARV", "kb:BEL", "cooperates", 2)]
    assert [(v.doc, v.text) for v in edges[0].evidence] == [
        ("d1", "Arvania signed a defence pact with Belmora."),
        ("d1", " Arvania and Belmora drilled together."),
        ("d2", "Belmora agreed a security accord with Arvania on Monday."),
    ]


def test_network_negated_and_denied_events_give_no_edge():
    story = Story().report("d1", "Arvania did not send troops to Castria. Castria denied that it armed Belmora.")
    story.event("d1", "Arvania did not send troops to Castria", "MOBILIZE", ["kb:ARV"], ["kb:CAS"], status="negated")
    story.event("d1", "it armed Belmora", "AID", ["kb:CAS"], ["kb:BEL"], status="denied", mode="military")
    assert edges_of(story.corpus()) == {}


def test_network_hypothetical_sanction_is_not_an_edge():
    story = Story().report("d1", "The Lowland Union could sanction Castria. The Lowland Union sanctioned Belmora.")
    story.event("d1", "The Lowland Union could sanction Castria", "SANCTION", ["kb:LU"], ["kb:CAS"], status="possible")
    story.event("d1", "The Lowland Union sanctioned Belmora", "SANCTION", ["kb:LU"], ["kb:BEL"])
    assert edges_of(story.corpus()) == {("kb:LU", "kb:BEL", "sanctions"): 1}


def test_network_event_types_map_to_relations():
    story = Story().report(
        "d1",
        "Castria shipped rockets to Belmora. Castria sent food aid to Vessa. Arvanian troops arrived in Vessa. "
        "Belmora threatened Arvania. Belmora shelled Arvania. Ida Marsh phoned Belmora.",
    )
    story.event("d1", "Castria shipped rockets to Belmora", "AID", ["kb:CAS"], ["kb:BEL"], trigger="shipped")
    story.event("d1", "Castria sent food aid to Vessa", "AID", ["kb:CAS"], ["local:place:vessa"], mode="humanitarian")
    story.event("d1", "Arvanian troops arrived in Vessa", "MOBILIZE", ["kb:ARV"], location="Vessa")
    story.event("d1", "Belmora threatened Arvania", "THREATEN", ["kb:BEL"], ["kb:ARV"])
    story.event("d1", "Belmora shelled Arvania", "ASSAULT", ["kb:BEL"], ["kb:ARV"])
    story.event("d1", "Ida Marsh phoned Belmora", "CONSULT", ["local:person:ida-marsh"], ["kb:BEL"])
    assert edges_of(story.corpus()) == {
        ("kb:CAS", "kb:BEL", "supplies"): 1,
        ("kb:CAS", "local:place:vessa", "supports"): 1,
        ("kb:ARV", "local:place:vessa", "deploys_to"): 1,
        ("kb:BEL", "kb:ARV", "threatens"): 1,
        ("kb:BEL", "kb:ARV", "opposes"): 1,
        ("kb:BEL", "local:person:ida-marsh", "consults"): 1,
    }


def test_network_joint_actors_of_a_symmetric_event_relate_to_each_other():
    story = Story().report("d1", "Arvania and Belmora agreed on closer ties. Arvania and Castria fought.")
    story.event("d1", "Arvania and Belmora agreed on closer ties", "AGREE", ["kb:BEL", "kb:ARV"])
    story.event("d1", "Arvania and Castria fought", "FIGHT", ["kb:ARV", "kb:CAS"])  # directed: no target, no edge
    assert edges_of(story.corpus()) == {("kb:ARV", "kb:BEL", "cooperates"): 1}


def test_network_apposition_is_not_a_meeting():
    story = Story().report("d1", "Ida Marsh, the Castria envoy, has spoken only through recorded messages.")
    story.event("d1", "Ida Marsh, the Castria envoy, has spoken", "CONSULT", ["local:person:ida-marsh", "kb:CAS"])
    assert edges_of(story.corpus()) == {}


def test_network_mobilize_without_destination_gives_no_edge():
    story = Story().report("d1", "Arvania mobilised its reserves.")
    story.event("d1", "Arvania mobilised its reserves", "MOBILIZE", ["kb:ARV"])
    assert edges_of(story.corpus()) == {}


def test_network_statement_cues_where_events_found_nothing():
    story = Story()
    story.report("d1", "The alliance between Arvania and Belmora has deepened. Castria condemned Belmora.")
    story.report("d2", "Arvania's military cooperation with Belmora worries its neighbours. Arvania backs Castria.")
    story.report("d3", "Castria supplied drones and shells to Belmora, officials said.")
    story.statement("d1", "The alliance between Arvania and Belmora has deepened.")
    story.statement("d1", "Castria condemned Belmora.")
    story.statement("d2", "Arvania's military cooperation with Belmora worries its neighbours.", kind="opinion")
    story.statement("d2", "Arvania backs Castria.")
    story.statement("d3", "Castria supplied drones and shells to Belmora, officials said.", status="reported")
    assert edges_of(story.corpus()) == {
        ("kb:ARV", "kb:BEL", "cooperates"): 2,
        ("kb:CAS", "kb:BEL", "opposes"): 1,
        ("kb:ARV", "kb:CAS", "supports"): 1,
        ("kb:CAS", "kb:BEL", "supplies"): 1,
    }


def test_network_statement_cues_skip_negated_and_hedged_statements():
    story = Story().report("d1", "Arvania never backed Castria. Arvania may soon back Belmora.")
    story.statement("d1", "Arvania never backed Castria.", status="negated")
    story.statement("d1", "Arvania may soon back Belmora.", kind="prediction", status="possible")
    assert edges_of(story.corpus()) == {}


def test_network_statement_does_not_double_count_a_coded_event():
    story = Story().report("d1", "Castria condemned Belmora on Friday.")
    story.statement("d1", "Castria condemned Belmora on Friday.")
    story.event("d1", "Castria condemned Belmora", "ACCUSE", ["kb:CAS"], ["kb:BEL"], status="negated")
    # The events component read the sentence as negated: the statement cue must not overrule it.
    assert edges_of(story.corpus()) == {}


def test_relation_between_unrelated_words_give_nothing():
    first = Mention("d", 0, 7, "Arvania", "KB", "kb:ARV", "state")
    assert relation_between("", first, " and ") is None
    assert relation_between("", first, " hosted a football match against ") is None
    assert relation_between("the alliance between ", first, " and ") == "cooperates"
    assert relation_between("a phone call between ", first, " and ") == "consults"


def _sample() -> Story:
    story = Story()
    story.report("d1", "Castria shipped rockets to Belmora. Arvania signed a pact with Belmora.")
    story.report("d2", "Castria delivered more rockets to Belmora.")
    story.event("d1", "Castria shipped rockets to Belmora", "AID", ["kb:CAS"], ["kb:BEL"], mode="military")
    story.event("d1", "Arvania signed a pact with Belmora", "COOPERATE", ["kb:ARV"], ["kb:BEL"])
    story.event("d2", "Castria delivered more rockets to Belmora", "AID", ["kb:CAS"], ["kb:BEL"], trigger="delivered")
    return story


def test_network_to_json_has_named_typed_nodes_and_weighted_edges():
    corpus = _sample().corpus()
    data = to_json(build_network(corpus)[1], corpus)
    assert data["nodes"] == [
        {"id": "kb:ARV", "name": "Arvania", "type": "state", "kb_id": "Q1"},
        {"id": "kb:BEL", "name": "Belmora", "type": "state", "kb_id": "Q2"},
        {"id": "kb:CAS", "name": "Castria", "type": "state", "kb_id": "Q3"},
    ]
    first = data["edges"][0]
    assert (first["source"], first["target"], first["type"], first["weight"]) == ("kb:CAS", "kb:BEL", "supplies", 2)
    assert first["evidence"][0] == {"doc": "d1", "start": 0, "end": 35, "text": "Castria shipped rockets to Belmora."}
    json.dumps(data)  # serialisable as is


def test_network_graphml_round_trip(tmp_path):
    corpus = _sample().corpus()
    graph, edges = build_network(corpus)
    path = tmp_path / "network.graphml"
    write_graphml(graph, path)
    back = nx.read_graphml(path, force_multigraph=True, edge_key_type=str)
    assert back.is_directed() and back.is_multigraph()
    assert back.nodes["kb:CAS"] == {"name": "Castria", "type": "state", "kb_id": "Q3"}
    data = back.get_edge_data("kb:CAS", "kb:BEL")["supplies"]
    assert data["weight"] == 2 and data["type"] == "supplies"
    assert [e["doc"] for e in json.loads(data["evidence"])] == ["d1", "d2"]
    assert back.number_of_edges() == len(edges) == 2


def test_network_order_is_deterministic_whatever_the_record_order():
    story = _sample()
    expected = to_json(build_network(story.corpus())[1], story.corpus())
    for seed in range(5):
        corpus = story.corpus(shuffle=seed)
        assert to_json(build_network(corpus)[1], corpus) == expected


# -- integration: the real pipeline on the seed reports ------------------------------------


@pytest.mark.integration
def test_network_seed_corpus_with_the_real_pipeline(tmp_path):
    seeds = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "seeds"
    if not seeds.is_dir():
        pytest.skip("../shared/corpus/seeds is not present")
    pipeline = pytest.importorskip("storyline.nlp.pipeline")
    pytest.importorskip("storyline.nlp.events")
    from storyline import config
    from storyline.analysis.entities import build_entities
    from storyline.ingest.loaders import LoadOptions, iter_path
    from storyline.ingest.prepare import prepare
    from storyline.kb.lookup import load_kb

    nlp, documents, sentences, records = pipeline.load(), {}, {}, {"mentions": [], "statements": [], "events": []}
    for raw in iter_path(seeds, LoadOptions()):
        doc, _ = prepare(raw, config.defaults())
        ext = next(pipeline.extract(nlp, [(doc.id, doc.text, None)]))
        documents[doc.id], sentences[doc.id] = {"id": doc.id, "text": doc.text}, ext.sentences
        for kind in records:
            records[kind] += getattr(ext, kind)
    entities, remap = build_entities(records["mentions"], load_kb())
    corpus = Corpus(documents=documents, sentences=sentences, entities=entities, **records)
    corpus.apply_remap(remap)
    graph, edges = build_network(corpus)
    weights = {(e.source, e.target, e.type): e.weight for e in edges}
    assert weights.get(("kb:PRK", "kb:RUS", "cooperates"), 0) >= 2
    assert any(s == "kb:PRK" and t == "deploys_to" for s, _, t in weights)
    # Proposals and questions are not deployments: nobody in the reports has sent EU troops.
    assert not any(s == "kb:EU" and t == "deploys_to" for s, _, t in weights)
    write_graphml(graph, tmp_path / "seeds.graphml")
    assert nx.read_graphml(tmp_path / "seeds.graphml", force_multigraph=True).number_of_edges() == len(edges)
