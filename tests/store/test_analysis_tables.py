"""Cross-source results stored per run in tables derived from the record classes (no models)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

import duckdb
import pytest

from storyline.models import Cluster, Conflict, Edge, Evidence, FigureRow, FigureTable
from storyline.store.analysis import KEEP_RUNS, AnalysisTables, RunStamp, docs_hash, layout, tables_for


def _ev(doc: str, start: int, text: str) -> Evidence:
    return Evidence(doc, start, start + len(text), text)


@dataclass
class Results:
    """A results class shaped like CrossSource: lists of records and a dict."""

    clusters: list[Cluster] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    figure_tables: list[FigureTable] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    network: dict = field(default_factory=dict)


def _results() -> Results:
    return Results(
        clusters=[Cluster("c1", ["s1", "s2"], ["da", "db"], asserting=["da"], denying=["db"], confirmed=1,
                          corroboration="2 independent sources", label="The dam held.")],
        conflicts=[Conflict("k1", "figure", "40 or 55 killed", [_ev("da", 4, "40 killed"), _ev("db", 9, "55 killed")],
                            assessment="evolving estimate")],
        figure_tables=[FigureTable("t1", "killed", "killed", None, [
            FigureRow("f1", "da", 40.0, None, None, None, None, "2024-06-04", "The ministry", "40"),
            FigureRow("f2", "db", 55.0, 50.0, 60.0, "about", "total", None, None, "55")], "evolving estimate")],
        edges=[Edge("kb:A", "kb:B", "supplies", 2, [_ev("da", 0, "A sent B arms."), _ev("db", 3, "arms from A")])],
    )


def _stamp(run_id: int, docs=("da", "db")) -> RunStamp:
    return RunStamp(run_id, "0.1.0", "cfg", docs_hash(list(docs)), list(docs))


def test_tables_follow_the_record_classes_with_child_tables_for_record_lists():
    names = [t for name, cls in (("conflicts", Conflict), ("figure_tables", FigureTable), ("edges", Edge))
             for t, _, _ in tables_for((name,), cls)]
    assert names == ["cross_conflicts", "cross_conflicts__sides", "cross_figure_tables", "cross_figure_tables__rows",
                     "cross_edges", "cross_edges__evidence"]
    kinds = {c.field: (c.kind, c.sql) for c in layout(Cluster)}
    assert kinds["statements"] == ("plain", "VARCHAR[]") and kinds["confirmed"] == ("plain", "INTEGER")
    assert {c.field: c.column for c in layout(Evidence)}["start"] == "start_char"


def test_a_run_reads_back_exactly_as_written():
    con = duckdb.connect()
    tables = AnalysisTables(con)
    written = _results()
    tables.write(written, {}, {"network": {"nodes": [{"id": "kb:A"}], "edges": []}}, _stamp(1))
    for name, cls in (("clusters", Cluster), ("conflicts", Conflict), ("figure_tables", FigureTable), ("edges", Edge)):
        assert tables.read_list(name, cls, 1) == getattr(written, name), name
    assert tables.blobs(1)["network"] == {"nodes": [{"id": "kb:A"}], "edges": []}
    assert [r.id for r in tables.runs()] == [1] and tables.next_run_id() == 2
    # Plain SQL works on the stored rows: the claim's members, the conflict's sides.
    assert con.execute("SELECT unnest(statements) FROM cross_clusters WHERE run_id = 1").fetchall() == [("s1",), ("s2",)]
    assert con.execute("SELECT count(*) FROM cross_conflicts__sides WHERE parent_seq = 0").fetchone()[0] == 2


@dataclass
class Claim:
    """A record kind the store has never seen, with a nested list and a dict."""

    id: str
    text: str
    sides: list[Evidence] = field(default_factory=list)
    scores: dict = field(default_factory=dict)


@dataclass
class Conflict2(Conflict):
    """Conflict after gaining a field (as when the analysis adds estimate fields)."""

    estimate: float | None = None


def test_new_record_lists_and_new_fields_flow_through_without_code_changes():
    con = duckdb.connect()
    tables = AnalysisTables(con)
    tables.write(_results(), {}, {}, _stamp(1))
    claims = [Claim("x1", "Troops crossed the river.", [_ev("da", 0, "Troops crossed")], {"p": 0.5})]
    newer = dataclasses.replace(_results())
    newer.conflicts = [Conflict2("k2", "evolution", "grew", [_ev("db", 0, "grew")], estimate=4.5)]
    tables.write(newer, {"claims": claims}, {}, _stamp(2))
    assert tables.read_list("claims", Claim, 2) == claims
    assert tables.read_list("conflicts", Conflict2, 2)[0].estimate == 4.5
    # The run written before the field existed still reads, with the new field empty.
    old = tables.read_list("conflicts", Conflict2, 1)
    assert old[0].summary == "40 or 55 killed" and old[0].estimate is None


def test_only_the_last_runs_are_kept():
    con = duckdb.connect()
    tables = AnalysisTables(con)
    for n in range(1, KEEP_RUNS + 3):
        tables.write(_results(), {}, {}, _stamp(n))
    ids = [r.id for r in tables.runs()]
    assert ids == list(range(3, KEEP_RUNS + 3))
    assert con.execute("SELECT min(run_id) FROM cross_conflicts__sides").fetchone()[0] == 3


@pytest.mark.parametrize("docs", [("da", "db"), ("db", "da")])
def test_docs_hash_is_of_the_set(docs):
    assert docs_hash(list(docs)) == docs_hash(["da", "db"]) != docs_hash(["da"])


def test_many_rows_with_empty_and_missing_values_read_back_as_written():
    con = duckdb.connect()
    tables = AnalysisTables(con)
    written = Results(clusters=[
        Cluster(f"c{n}", [f"s{n}", "s’ü"] if n % 3 else [], ["da"] if n % 2 else [], denying=[],
                confirmed=n, corroboration=None if n % 5 == 0 else f"{n} sources", label="Ünïcode “quoted”")
        for n in range(1234)])
    written.conflicts = [Conflict(f"k{n}", "figure", f"{n} or more", [_ev("da", n, "x")] * (n % 3)) for n in range(700)]
    tables.write(written, {}, {}, _stamp(1))
    assert tables.read_list("clusters", Cluster, 1) == written.clusters
    assert tables.read_list("conflicts", Conflict, 1) == written.conflicts
