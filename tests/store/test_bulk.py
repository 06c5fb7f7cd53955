"""Bulk inserts: the Arrow path and the list-parameter path store the same rows, of every column type the store uses."""

from __future__ import annotations

import datetime as dt

import duckdb
import pytest

from storyline.store import extractions
from storyline.store.extractions import bulk_insert

NAMES = ["id", "n", "x", "flag", "words", "stamp", "vector"]
TYPES = ["VARCHAR", "INTEGER", "DOUBLE", "BOOLEAN", "VARCHAR[]", "TIMESTAMP", "FLOAT[3]"]
ROWS = [
    ["a", 1, 0.5, True, ["flood", "levee"], dt.datetime(2031, 3, 4, 5, 6, 7), [0.25, 0.5, 0.75]],
    ["b", None, None, None, None, None, None],
    ["c", -7, 3, False, [], dt.datetime(1999, 12, 31), [1.0, 0.0, -1.0]],  # an int in a DOUBLE column
    ["d", 2**31 - 1, 1e300, True, ["strike", None], dt.datetime(2024, 2, 29, 23, 59, 59), [0.0, 0.0, 0.0]],
]


def _table(arrow: bool, monkeypatch, replace: bool = False) -> list:
    monkeypatch.setattr(extractions, "ARROW", arrow)
    monkeypatch.setattr(extractions, "ARROW_MIN_ROWS", 0)  # these few rows would otherwise go as lists
    monkeypatch.setattr(extractions, "ARROW_FIRST_CELLS", 0)  # and so would they before pyarrow's first use
    con = duckdb.connect(":memory:")
    con.execute("CREATE TABLE t (id VARCHAR PRIMARY KEY, n INTEGER, x DOUBLE, flag BOOLEAN, words VARCHAR[], "
                "stamp TIMESTAMP, vector FLOAT[3])")
    bulk_insert(con, "t", NAMES, TYPES, ROWS, chunk=3)
    if replace:
        bulk_insert(con, "t", NAMES, TYPES, [["a", 9, 9.0, False, ["dam"], None, [1.0, 1.0, 1.0]]], replace=True)
    return con.execute("SELECT * FROM t ORDER BY id").fetchall()


@pytest.mark.parametrize("replace", [False, True])
def test_arrow_and_list_parameters_store_the_same_rows(monkeypatch, replace):
    pytest.importorskip("pyarrow")
    by_lists = _table(False, monkeypatch, replace)
    assert len(by_lists) == 4 and by_lists[1][1:] == (None,) * 6
    assert _table(True, monkeypatch, replace) == by_lists
    assert (by_lists[0][1] == 9) is replace


def test_a_column_arrow_cannot_convert_falls_back_to_list_parameters(monkeypatch):
    pytest.importorskip("pyarrow")
    con = duckdb.connect(":memory:")
    con.execute("CREATE TABLE t (id VARCHAR, n INTEGER)")
    called = []
    real = extractions._arrow_insert

    def spy(*args):
        called.append(real(*args))
        return called[-1]

    monkeypatch.setattr(extractions, "_arrow_insert", spy)
    monkeypatch.setattr(extractions, "ARROW_MIN_ROWS", 0)
    monkeypatch.setattr(extractions, "ARROW_FIRST_CELLS", 0)
    bulk_insert(con, "t", ["id", "n"], ["VARCHAR", "INTEGER"], [["a", "12"], ["b", 3]])  # "12": text for a number
    assert called == [False]
    assert con.execute("SELECT * FROM t ORDER BY id").fetchall() == [("a", 12), ("b", 3)]


def test_a_few_rows_go_as_list_parameters_and_many_as_arrow(monkeypatch):
    pytest.importorskip("pyarrow")
    con = duckdb.connect(":memory:")
    con.execute("CREATE TABLE t (id VARCHAR, n INTEGER)")
    called = []
    real = extractions._arrow_insert
    monkeypatch.setattr(extractions, "_arrow_insert", lambda *args: called.append(len(args[3])) or real(*args))
    monkeypatch.setattr(extractions, "_arrow_ready", lambda: True)  # pyarrow already converted lists in this process
    few = [[f"a{i}", i] for i in range(extractions.ARROW_MIN_ROWS - 1)]
    many = [[f"b{i}", i] for i in range(extractions.ARROW_MIN_ROWS)]
    bulk_insert(con, "t", ["id", "n"], ["VARCHAR", "INTEGER"], few)
    bulk_insert(con, "t", ["id", "n"], ["VARCHAR", "INTEGER"], many)
    assert called == [len(many)]
    assert con.execute("SELECT count(*), sum(n) FROM t").fetchone() == (len(few) + len(many),
                                                                        sum(range(len(few))) + sum(range(len(many))))


def test_before_pyarrow_is_used_inserts_go_as_lists_until_many_values_went_so(monkeypatch):
    pytest.importorskip("pyarrow")
    con = duckdb.connect(":memory:")
    con.execute("CREATE TABLE t (id VARCHAR, n INTEGER)")
    con.execute("CREATE TABLE v (id VARCHAR, vector FLOAT[384])")
    called = []
    real = extractions._arrow_insert
    monkeypatch.setattr(extractions, "_arrow_insert", lambda *args: called.append(len(args[3])) or real(*args))
    monkeypatch.setattr(extractions, "_arrow_ready", lambda: False)  # a fresh process: loading pyarrow's converters costs more
    monkeypatch.setattr(extractions, "_listed", 0)
    rows = [[f"a{i}", i] for i in range(extractions.ARROW_MIN_ROWS * 4)]
    bulk_insert(con, "t", ["id", "n"], ["VARCHAR", "INTEGER"], rows)
    few = [[f"s{i}", [i / 1000] * 384] for i in range(100)]  # an added report's sentences
    bulk_insert(con, "v", ["id", "vector"], ["VARCHAR", "FLOAT[384]"], few)
    assert called == []
    many = [[f"m{i}", [i / 1000] * 384] for i in range(extractions.ARROW_FIRST_CELLS // 385)]  # a corpus's
    bulk_insert(con, "v", ["id", "vector"], ["VARCHAR", "FLOAT[384]"], many)
    assert called == [len(many)]  # with those before, past the bound
    bulk_insert(con, "t", ["id", "n"], ["VARCHAR", "INTEGER"], [[f"b{i}", i] for i in range(extractions.ARROW_MIN_ROWS)])
    assert called == [len(many), extractions.ARROW_MIN_ROWS]
    assert con.execute("SELECT count(*) FROM t").fetchone() == (len(rows) + extractions.ARROW_MIN_ROWS,)
    assert con.execute("SELECT count(*), sum(vector[2]) FROM v").fetchone() == pytest.approx(
        (len(few) + len(many), sum(r[1][1] for r in few + many)), rel=1e-5)


def test_an_arrow_insert_makes_the_next_small_ones_arrow_too(monkeypatch):
    pytest.importorskip("pyarrow")
    con = duckdb.connect(":memory:")
    con.execute("CREATE TABLE t (id VARCHAR, n INTEGER)")
    monkeypatch.setattr(extractions, "_arrow_loaded", False)
    monkeypatch.setattr(extractions, "ARROW_FIRST_CELLS", 0)
    bulk_insert(con, "t", ["id", "n"], ["VARCHAR", "INTEGER"], [[f"a{i}", i] for i in range(extractions.ARROW_MIN_ROWS)])
    assert extractions._arrow_ready()
