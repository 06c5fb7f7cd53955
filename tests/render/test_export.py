"""Exports from a hand-built contract: JSON, CSV and Parquet tables, GraphML and PLOVER events."""

import csv
import json
from importlib import resources

import duckdb
import jsonschema
import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.render.export import (FORMULA_LEADS, FORMATS, TABLES, export, graph_from_network, plover_events,
                                     read_analysis)

DOC_A = ("Helsinki, 3 March. Finland sent 200 engineers to Estonia on Monday, the defence ministry said. "
         "Estonia denied that it had asked for troops. Officials put the cost at about 4 million euros.")
DOC_B = ("Tallinn — Estonia’s premier met the Finnish president in Narva; both called the talks “useful”.\n"
         "Some 250 Finnish engineers are now in the country.")
TEXTS = {"da": DOC_A, "db": DOC_B}


def span(doc, needle, after=0):
    start = TEXTS[doc].index(needle, after)
    return {"doc": doc, "start": start, "end": start + len(needle), "text": needle}


def sentence(doc, needle):
    return span(doc, needle)


def contract():
    sent_a1 = sentence("da", "Finland sent 200 engineers to Estonia on Monday, the defence ministry said.")
    sent_a2 = sentence("da", "Estonia denied that it had asked for troops.")
    sent_a3 = sentence("da", "Officials put the cost at about 4 million euros.")
    sent_b1 = sentence("db", "Tallinn — Estonia’s premier met the Finnish president in Narva; both called "
                             "the talks “useful”.")
    sent_b2 = sentence("db", "Some 250 Finnish engineers are now in the country.")
    second_estonia = DOC_A.index("Estonia denied")
    return {
        "schema_version": "1.0", "storyline_version": "0.9.0", "generated_at": "2024-03-06T08:30:00+00:00",
        "config_hash": "cafe", "seconds": 1.5,
        "documents": [
            {"id": "da", "source": "https://news.example/fin-est", "title": "Engineers cross the gulf",
             "author": "A. Writer", "outlet": "Gulf Post", "published": "2024-03-05", "published_precision": "day",
             "published_method": "html-meta", "language": "en", "word_count": 33, "republished_from": None,
             "text": DOC_A, "removed": [{"reason": "related-links", "text": "More: ferries"}],
             "references": ["Report, 2023; annex"], "duplicate_of": None, "similarity": None},
            {"id": "db", "source": "reports/narva.txt", "title": None, "author": None, "outlet": None,
             "published": "2024-03-05", "published_precision": "day", "published_method": "text",
             "language": "en", "word_count": 26, "republished_from": None, "text": DOC_B, "removed": [],
             "references": [], "duplicate_of": None, "similarity": None},
        ],
        "entities": [
            {"id": "kb:EST", "name": "Estonia", "type": "state", "kb_id": "Q191", "aliases": ["Estonia", "Estonia’s"],
             "roles": [], "docs": 2,
             "mentions": [span("da", "Estonia"), span("da", "Estonia", second_estonia), span("db", "Estonia")]},
            {"id": "kb:FIN", "name": "Finland", "type": "state", "kb_id": "Q33", "aliases": ["Finland", "Finnish"],
             "roles": [], "docs": 2, "mentions": [span("da", "Finland"), span("db", "Finnish")]},
            {"id": "kb:FIN.MOD", "name": "Finnish Ministry of Defence", "type": "organization", "kb_id": None,
             "aliases": ["the defence ministry"], "roles": ["spokesman, \"acting\""], "docs": 1,
             "mentions": [span("da", "the defence ministry")]},
            {"id": "local:place:narva", "name": "Narva", "type": "place", "kb_id": None, "aliases": ["Narva"],
             "roles": [], "docs": 1, "mentions": [span("db", "Narva")]},
        ],
        "quotes": [
            {**span("db", "useful"), "id": "q1", "speaker": None, "speaker_text": "both", "cue": "called",
             "direct": True, "via": None, "partial": True, "anonymous": False, "via_text": None,
             "speaker_start": None, "speaker_end": None},
        ],
        "figures": [
            {**span("da", "200 engineers"), "id": "f1", "value": 200.0, "low": None, "high": None, "qualifier": None,
             "counts": "troops", "unit_text": "engineers", "subject": "kb:FIN", "subject_text": "Finland",
             "stage": None, "date": "2024-03-04", "attributed_to": "kb:FIN.MOD",
             "attributed_text": "the defence ministry", "status": "reported"},
            {**span("db", "Some 250 Finnish engineers"), "id": "f2", "value": 250.0, "low": None, "high": None,
             "qualifier": "about", "counts": "troops", "unit_text": "engineers", "subject": "kb:FIN",
             "subject_text": "Finnish", "stage": "total", "date": None, "attributed_to": None,
             "attributed_text": None, "status": "asserted"},
            {**span("da", "about 4 million euros"), "id": "f3", "value": 4000000.0, "low": None, "high": None,
             "qualifier": "about", "counts": "money:EUR", "unit_text": "euros", "subject": None,
             "subject_text": None, "stage": None, "date": None, "attributed_to": None,
             "attributed_text": "Officials", "status": "reported"},
        ],
        "figure_tables": [
            {"id": "t1", "measure": "troops (Finland)", "counts": "troops", "subject": "kb:FIN",
             "assessment": "evolving estimate", "rows": [
                 {"figure": "f1", "doc": "da", "value": 200.0, "low": None, "high": None, "qualifier": None,
                  "stage": None, "date": "2024-03-04", "source": "Finnish Ministry of Defence",
                  "text": "200 engineers"},
                 {"figure": "f2", "doc": "db", "value": 250.0, "low": None, "high": None, "qualifier": "about",
                  "stage": "total", "date": None, "source": None, "text": "Some 250 Finnish engineers"}]},
        ],
        "statements": [
            {**sent_a1, "id": "s1", "kind": "fact", "status": "reported", "source": "kb:FIN.MOD",
             "source_text": "the defence ministry", "cluster": "c1", "source_kind": "named", "cues": ["said"],
             "date": "2024-03-04", "actors": ["kb:FIN", "kb:EST"], "addressed": None, "action": None,
             "condition": None, "consequence": None},
            {**sent_a2, "id": "s2", "kind": "fact", "status": "denied", "source": "kb:EST", "source_text": "Estonia",
             "cluster": None, "source_kind": "named", "cues": ["denied"], "date": None, "actors": ["kb:EST"],
             "addressed": None, "action": None, "condition": None, "consequence": None},
            {**sent_b2, "id": "s3", "kind": "estimate", "status": "asserted", "source": None, "source_text": "author",
             "cluster": "c1", "source_kind": "author", "cues": [], "date": None, "actors": ["kb:FIN"],
             "addressed": None, "action": None, "condition": None, "consequence": None},
        ],
        "clusters": [
            {"id": "c1", "statements": ["s1", "s3"], "sources": ["da", "db"], "asserting": ["db"],
             "reporting": ["da"], "hedging": [], "denying": [], "confirmed": 0,
             "corroboration": "2 independent sources", "label": sent_a1["text"]},
        ],
        "conflicts": [
            {"id": "k1", "kind": "figure", "summary": "200 or 250 Finnish engineers", "assessment": "evolving estimate",
             "sides": [sent_a1, sent_b2]},
        ],
        "events": [
            {**sent_a1, "id": "e1", "type": "MOBILIZE", "mode": "troops", "actors": ["kb:FIN"],
             "recipients": ["kb:EST"], "date": "2024-03-04", "location": None, "status": "reported", "trigger": "sent"},
            {**sent_a2, "id": "e2", "type": "REQUEST", "mode": None, "actors": ["kb:EST"], "recipients": [],
             "date": None, "location": None, "status": "denied", "trigger": "asked"},
            {**sent_b1, "id": "e3", "type": "CONSULT", "mode": "visit", "actors": ["kb:EST", "kb:FIN"],
             "recipients": [], "date": None, "location": "local:place:narva", "status": "asserted", "trigger": "met"},
        ],
        "timeline": [
            {"date": "2024-03-04", "precision": "day", "ref": "e1", "docs": ["da"], "kind": "event",
             "text": sent_a1["text"], "undated": False},
            {"date": "2024-03-05", "precision": "report", "ref": "e3", "docs": ["db"], "kind": "event",
             "text": sent_b1["text"], "undated": True},
        ],
        "network": {
            "nodes": [{"id": "kb:EST", "name": "Estonia", "type": "state", "kb_id": "Q191"},
                      {"id": "kb:FIN", "name": "Finland", "type": "state", "kb_id": "Q33"}],
            "edges": [{"source": "kb:FIN", "target": "kb:EST", "type": "deploys_to", "weight": 1,
                       "evidence": [sent_a1]},
                      {"source": "kb:EST", "target": "kb:FIN", "type": "consults", "weight": 1,
                       "evidence": [sent_b1]}],
        },
        "options": [
            {"id": "o1", "option": "military aid", "advocates": ["kb:FIN", "author:db"], "opponents": [],
             "addressed": ["kb:EST"], "consequences": ["higher costs; slower deliveries", "a steadier border"],
             "docs": ["da", "db"], "evidence": [sent_a3]},
        ],
        "implications": [
            {"target": "kb:EST", "target_name": "Estonia", "text": "Estonia hosts more foreign engineers.",
             "docs": ["db"], "evidence": [sent_b2]},
        ],
    }


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_fixture_is_a_valid_contract():
    schema = json.loads(resources.files("storyline.schema").joinpath("analysis.schema.json").read_text())
    jsonschema.validate(contract(), schema)
    for doc, text in TEXTS.items():
        for entity in contract()["entities"]:
            for m in entity["mentions"]:
                if m["doc"] == doc:
                    assert text[m["start"]:m["end"]] == m["text"]


def test_json_export_writes_the_contract_unchanged(tmp_path):
    paths = export(contract(), None, "json", tmp_path)
    assert paths == [tmp_path / "analysis.json"]
    assert json.loads(paths[0].read_text(encoding="utf-8")) == contract()
    assert read_analysis(tmp_path) == contract()


def test_csv_writes_one_file_per_table_with_stable_headers(tmp_path):
    paths = export(contract(), None, "csv", tmp_path / "tables")
    assert [p.name for p in paths] == [f"{name}.csv" for name in TABLES]
    for name, path in zip(TABLES, paths):
        with open(path, encoding="utf-8", newline="") as f:
            assert next(csv.reader(f)) == [column for column, _ in TABLES[name]]
    assert not list((tmp_path / "tables").glob("*.tmp"))


def test_csv_row_counts_follow_the_records(tmp_path):
    export(contract(), None, "csv", tmp_path)
    counts = {name: len(read_csv(tmp_path / f"{name}.csv")) for name in TABLES}
    assert counts == {
        "documents": 2, "entities": 4, "mentions": 7, "quotes": 1, "figures": 3, "figure_tables": 2,
        "statements": 3, "clusters": 1, "conflicts": 2, "events": 3, "timeline": 2, "network_nodes": 2,
        "network_edges": 2, "options": 1, "implications": 1,
    }


def test_csv_joins_id_lists_with_semicolons_and_writes_text_lists_as_json(tmp_path):
    export(contract(), None, "csv", tmp_path)
    events = {row["id"]: row for row in read_csv(tmp_path / "events.csv")}
    assert events["e3"]["actors"] == "kb:EST;kb:FIN"
    assert events["e2"]["recipients"] == ""
    assert events["e2"]["mode"] == ""  # None is an empty cell
    option = read_csv(tmp_path / "options.csv")[0]
    assert option["advocates"].split(";") == ["kb:FIN", "author:db"]
    assert json.loads(option["consequences"]) == ["higher costs; slower deliveries", "a steadier border"]
    assert json.loads(option["evidence"])[0]["text"] == "Officials put the cost at about 4 million euros."
    entity = {row["id"]: row for row in read_csv(tmp_path / "entities.csv")}["kb:FIN.MOD"]
    assert json.loads(entity["roles"]) == ['spokesman, "acting"']
    quote = read_csv(tmp_path / "quotes.csv")[0]
    assert (quote["direct"], quote["anonymous"]) == ("true", "false")
    doc_b = read_csv(tmp_path / "documents.csv")[1]
    assert doc_b["text"] == DOC_B  # the newline and typographic quotes survive
    assert json.loads(read_csv(tmp_path / "documents.csv")[0]["removed"]) == [
        {"reason": "related-links", "text": "More: ferries"}]


def test_csv_flattens_mentions_figure_rows_and_conflict_sides(tmp_path):
    export(contract(), None, "csv", tmp_path)
    mentions = read_csv(tmp_path / "mentions.csv")
    assert [m["entity_id"] for m in mentions].count("kb:EST") == 3
    narva = next(m for m in mentions if m["entity_id"] == "local:place:narva")
    assert DOC_B[int(narva["start"]):int(narva["end"])] == "Narva"
    sides = read_csv(tmp_path / "conflicts.csv")
    assert [(s["conflict_id"], s["side"], s["doc"]) for s in sides] == [("k1", "1", "da"), ("k1", "2", "db")]
    rows = read_csv(tmp_path / "figure_tables.csv")
    assert [(r["table_id"], r["figure"], r["value"]) for r in rows] == [("t1", "f1", "200.0"), ("t1", "f2", "250.0")]
    assert rows[0]["measure"] == "troops (Finland)"


def test_parquet_round_trips_through_duckdb(tmp_path):
    paths = export(contract(), None, "parquet", tmp_path)
    assert [p.name for p in paths] == [f"{name}.parquet" for name in TABLES]
    con = duckdb.connect()

    def query(sql, path):
        return con.execute(sql.format(t=f"read_parquet('{path}')")).fetchall()

    for name, path in zip(TABLES, paths):
        described = con.execute(f"DESCRIBE SELECT * FROM read_parquet('{path}')").fetchall()
        assert [row[0] for row in described] == [column for column, _ in TABLES[name]]
    assert query("SELECT count(*) FROM {t}", tmp_path / "mentions.parquet") == [(7,)]
    assert query("SELECT count(*) FROM {t}", tmp_path / "conflicts.parquet") == [(2,)]
    assert query("SELECT actors, recipients, status FROM {t} WHERE id = 'e3'", tmp_path / "events.parquet") == [
        (["kb:EST", "kb:FIN"], [], "asserted")]
    assert query('SELECT value, "end" - start FROM {t} WHERE id = \'f3\'', tmp_path / "figures.parquet") == [
        (4000000.0, len("about 4 million euros"))]
    assert query("SELECT consequences FROM {t}", tmp_path / "options.parquet") == [
        (["higher costs; slower deliveries", "a steadier border"],)]
    assert query("SELECT direct, speaker FROM {t}", tmp_path / "quotes.parquet") == [(True, None)]
    assert query("SELECT text FROM {t} WHERE id = 'db'", tmp_path / "documents.parquet") == [(DOC_B,)]
    evidence = query("SELECT evidence FROM {t} WHERE type = 'consults'", tmp_path / "network_edges.parquet")
    assert json.loads(evidence[0][0])[0]["doc"] == "db"


def test_empty_analysis_exports_headers_and_empty_tables(tmp_path):
    empty = {"schema_version": "1.0", "network": {"nodes": [], "edges": []}}
    export(empty, None, "csv", tmp_path)
    assert read_csv(tmp_path / "events.csv") == []
    paths = export(empty, None, "parquet", tmp_path)
    con = duckdb.connect()
    assert all(con.execute(f"SELECT count(*) FROM read_parquet('{p}')").fetchall() == [(0,)] for p in paths)
    assert export(empty, None, "plover", tmp_path)[0].read_text() == ""
    assert nx.read_graphml(export(empty, None, "graphml", tmp_path)[0]).number_of_nodes() == 0


def test_graphml_rebuilt_from_the_contract_is_readable_by_networkx(tmp_path):
    (path,) = export(contract(), None, "graphml", tmp_path)
    assert path.name == "network.graphml"
    graph = nx.read_graphml(path, force_multigraph=True)
    assert graph.is_directed()
    assert graph.nodes["kb:FIN"] == {"name": "Finland", "type": "state", "kb_id": "Q33"}
    edges = {data["type"]: (u, v, data) for u, v, data in graph.edges(data=True)}
    assert edges["deploys_to"][:2] == ("kb:FIN", "kb:EST")
    assert edges["deploys_to"][2]["weight"] == 1 and edges["deploys_to"][2]["symmetric"] is False
    assert edges["consults"][2]["symmetric"] is True
    assert json.loads(edges["consults"][2]["evidence"])[0]["doc"] == "db"


def test_graphml_writes_the_graph_it_is_given(tmp_path):
    graph = graph_from_network(contract()["network"])
    graph.add_node("kb:LVA", name="Latvia", type="state", kb_id="Q211")
    (path,) = export(contract(), graph, "graphml", tmp_path)
    assert "kb:LVA" in nx.read_graphml(path)


def plover_lines(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_plover_lines_are_json_with_the_required_fields(tmp_path):
    (path,) = export(contract(), None, "plover", tmp_path)
    assert path.name == "events.plover.jsonl"
    records = plover_lines(path)
    assert [r["id"] for r in records] == ["e1", "e3"]  # the denied request is left out
    for record in records:
        assert {"id", "date", "source", "event"} <= record.keys()
        assert isinstance(record["event"], list) and isinstance(record["source"], list)
        doc = TEXTS[record["doc"]]
        assert doc[record["text_info"]["start"]:record["text_info"]["end"]] == record["text"]
        assert record["counted"] is True


def test_plover_maps_actors_dates_places_and_citations():
    e1, e3 = plover_events(contract())
    assert (e1["event"], e1["mode"], e1["quad_code"]) == (["MOBILIZE"], "troops", 4)
    assert e1["source"] == [{"code": "FIN", "actor_text": "Finland", "identifier_id": "Q33",
                             "identifier_text": "Finland", "storyline_id": "kb:FIN", "type": "state"}]
    assert e1["recipient"][0]["code"] == "EST" and e1["recipient"][0]["actor_text"] == "Estonia"
    assert (e1["date"], e1["date_precision"]) == ("2024-03-04", "day")
    assert e1["event_text"] == ["sent"] and e1["event_loc"] is None
    assert e1["cite_info"]["url"] == "https://news.example/fin-est"
    assert e1["cite_info"]["publication"] == "Gulf Post"
    assert (e1["coder"], e1["coded_date"], e1["coded_time"]) == ("storyline 0.9.0", "2024-03-06", "08:30:00+00:00")
    # Placed by its report's date on the timeline; reciprocal meeting: both sides are sources.
    assert (e3["date"], e3["date_precision"]) == ("2024-03-05", "report")
    assert [a["storyline_id"] for a in e3["source"]] == ["kb:EST", "kb:FIN"] and e3["recipient"] == []
    assert e3["event_loc"] == {"name": "Narva", "storyline_id": "local:place:narva"}
    assert e3["cite_info"]["url"] is None and e3["cite_info"]["citation"] == "reports/narva.txt"


def test_plover_includes_uncounted_events_when_asked(tmp_path):
    (path,) = export(contract(), None, "plover", tmp_path, include_uncounted=True)
    records = {r["id"]: r for r in plover_lines(path)}
    assert set(records) == {"e1", "e2", "e3"}
    assert (records["e2"]["status"], records["e2"]["counted"]) == ("denied", False)
    assert records["e2"]["quad_code"] == 1
    # No date of its own and none on the timeline: the report's publication date stands in.
    assert (records["e2"]["date"], records["e2"]["date_precision"]) == ("2024-03-05", "report")


def test_agency_gets_its_state_code_and_other_actors_none():
    data = contract()
    data["events"][0]["actors"] = ["kb:FIN.MOD", "local:place:narva"]
    (e1, _) = plover_events(data)
    assert e1["source"][0]["code"] == "FIN" and e1["source"][0]["actor_text"] == "the defence ministry"
    assert "code" not in e1["source"][1] and e1["source"][1]["actor_text"] is None


def test_single_file_formats_write_the_file_named_or_into_a_folder(tmp_path):
    assert export(contract(), None, "json", tmp_path / "a" / "run.json") == [tmp_path / "a" / "run.json"]
    assert export(contract(), None, "graphml", tmp_path / "net.graphml") == [tmp_path / "net.graphml"]
    assert export(contract(), None, "plover", tmp_path / "ev.jsonl") == [tmp_path / "ev.jsonl"]
    # A path without a suffix is a folder, created when missing.
    assert export(contract(), None, "plover", tmp_path / "new") == [tmp_path / "new" / "events.plover.jsonl"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a", "ev.jsonl", "net.graphml", "new"]


def test_unknown_format_is_a_clear_error(tmp_path):
    with pytest.raises(ValueError, match="unknown export format 'xlsx'"):
        export(contract(), None, "xlsx", tmp_path)
    assert set(FORMATS) == {"json", "csv", "parquet", "graphml", "plover"}


free_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)


@settings(max_examples=60, deadline=None)
@given(aliases=st.lists(free_text, max_size=4), title=free_text)
def test_csv_round_trips_any_text(tmp_path_factory, aliases, title):
    out = tmp_path_factory.mktemp("csv")
    data = {"entities": [{"id": "kb:X", "name": title, "type": "other", "kb_id": None, "aliases": aliases,
                          "roles": [], "mentions": []}]}
    export(data, None, "csv", out)
    (row,) = read_csv(out / "entities.csv")
    assert json.loads(row["aliases"]) == aliases
    # Text that a spreadsheet would run as a formula keeps a leading apostrophe (CSV injection).
    assert row["name"] == (("'" + title) if title.startswith(FORMULA_LEADS) else title)
