"""Exports of an analysis: the JSON contract, flat tables (CSV, Parquet), GraphML and PLOVER events.

Everything is rendered from the contract dict (``Analysis.to_dict()`` or a stored
``analysis.json``), so an export never needs the store or the models. docs/export.md
describes every file, column and field.
"""

from __future__ import annotations

import csv
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx

from storyline.analysis.network import COUNTED, SYMMETRIC, write_graphml

FORMATS = ("json", "csv", "parquet", "graphml", "plover")

# Column kinds. A kind says how a value is written: lists of ids are joined with ";" in CSV
# (ids never contain it), lists of free text and nested objects become JSON text, because
# free text may contain any separator. Parquet keeps both kinds of list as real lists.
STR, INT, FLOAT, BOOL, IDS, TEXTS, JSON = "str", "int", "float", "bool", "ids", "texts", "json"
SQL_TYPES = {STR: "VARCHAR", INT: "BIGINT", FLOAT: "DOUBLE", BOOL: "BOOLEAN",
             IDS: "VARCHAR[]", TEXTS: "VARCHAR[]", JSON: "VARCHAR"}
ID_SEPARATOR = ";"

_SPAN = [("doc", STR), ("start", INT), ("end", INT), ("text", STR)]
_EVIDENCE = ("evidence", JSON)

# One table per record type; the column order is part of the export's format.
TABLES: dict[str, list[tuple[str, str]]] = {
    "documents": [
        ("id", STR), ("source", STR), ("title", STR), ("author", STR), ("outlet", STR), ("published", STR),
        ("published_precision", STR), ("published_method", STR), ("language", STR), ("word_count", INT),
        ("republished_from", STR), ("duplicate_of", STR), ("similarity", FLOAT), ("references", TEXTS),
        ("removed", JSON), ("text", STR),
    ],
    "entities": [("id", STR), ("name", STR), ("type", STR), ("kb_id", STR), ("docs", INT),
                 ("aliases", TEXTS), ("roles", TEXTS)],
    "mentions": [("entity_id", STR), *_SPAN],
    "quotes": [
        ("id", STR), *_SPAN, ("speaker", STR), ("speaker_text", STR), ("speaker_start", INT),
        ("speaker_end", INT), ("cue", STR), ("direct", BOOL), ("partial", BOOL), ("anonymous", BOOL),
        ("via", STR), ("via_text", STR),
    ],
    "figures": [
        ("id", STR), *_SPAN, ("value", FLOAT), ("low", FLOAT), ("high", FLOAT), ("qualifier", STR),
        ("counts", STR), ("unit_text", STR), ("unit", STR), ("subject", STR), ("subject_text", STR),
        ("stage", STR), ("date", STR), ("attributed_to", STR), ("attributed_text", STR), ("status", STR),
    ],
    "figure_tables": [
        ("table_id", STR), ("measure", STR), ("counts", STR), ("subject", STR), ("assessment", STR),
        ("figure", STR), ("doc", STR), ("value", FLOAT), ("low", FLOAT), ("high", FLOAT), ("qualifier", STR),
        ("stage", STR), ("date", STR), ("source", STR), ("text", STR),
    ],
    "statements": [
        ("id", STR), *_SPAN, ("kind", STR), ("status", STR), ("source", STR), ("source_text", STR),
        ("source_kind", STR), ("cues", TEXTS), ("date", STR), ("actors", IDS), ("addressed", STR),
        ("action", STR), ("condition", STR), ("consequence", STR), ("cluster", STR),
    ],
    "clusters": [
        ("id", STR), ("label", STR), ("corroboration", STR), ("confirmed", INT), ("statements", IDS),
        ("sources", IDS), ("asserting", IDS), ("reporting", IDS), ("hedging", IDS), ("denying", IDS),
        ("disputed_by", IDS),
    ],
    "conflicts": [("conflict_id", STR), ("kind", STR), ("summary", STR), ("assessment", STR),
                  ("side", INT), *_SPAN],
    "events": [
        ("id", STR), *_SPAN, ("type", STR), ("mode", STR), ("actors", IDS), ("recipients", IDS),
        ("date", STR), ("location", STR), ("status", STR), ("trigger", STR),
    ],
    "timeline": [("date", STR), ("precision", STR), ("ref", STR), ("kind", STR), ("text", STR),
                 ("docs", IDS), ("undated", BOOL)],
    "network_nodes": [("id", STR), ("name", STR), ("type", STR), ("kb_id", STR)],
    "network_edges": [("source", STR), ("target", STR), ("type", STR), ("weight", INT), _EVIDENCE],
    "options": [("id", STR), ("option", STR), ("advocates", IDS), ("opponents", IDS), ("addressed", IDS),
                ("consequences", TEXTS), ("docs", IDS), _EVIDENCE],
    "implications": [("target", STR), ("target_name", STR), ("text", STR), ("docs", IDS), _EVIDENCE],
}


# -- tables ---------------------------------------------------------------------------

def table_rows(analysis: dict[str, Any], name: str) -> Iterator[dict[str, Any]]:
    """The contract's records for table ``name``, flattened to one dict per row."""
    if name == "mentions":
        for entity in analysis.get("entities", []):
            for mention in entity.get("mentions", []):
                yield {"entity_id": entity["id"], **mention}
    elif name == "figure_tables":
        for table in analysis.get("figure_tables", []):
            head = {k: table.get(k) for k in ("measure", "counts", "subject", "assessment")}
            for row in table.get("rows", []):
                yield {"table_id": table["id"], **head, **row}
    elif name == "conflicts":
        for conflict in analysis.get("conflicts", []):
            head = {"conflict_id": conflict["id"], **{k: conflict.get(k) for k in ("kind", "summary", "assessment")}}
            for n, side in enumerate(conflict.get("sides", []), 1):
                yield {**head, "side": n, **side}
    elif name in ("network_nodes", "network_edges"):
        yield from (analysis.get("network") or {}).get(name.split("_")[1], [])
    else:
        yield from analysis.get(name, [])


def _typed(value: Any, kind: str) -> Any:
    """A contract value as the column's type (Parquet's view; CSV formats it further)."""
    if value is None:
        return [] if kind in (IDS, TEXTS) else None
    if kind == JSON:
        return json.dumps(value, ensure_ascii=False)
    if kind in (IDS, TEXTS):
        return [str(v) for v in value]
    if kind == STR:
        return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return value


# A spreadsheet reads a cell starting with one of these as a formula (CSV injection).
FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def neutralise(cell: str) -> str:
    """A text cell a spreadsheet shows as text: formula-leading cells get a leading apostrophe."""
    return "'" + cell if cell.startswith(FORMULA_LEADS) else cell


def _csv_cell(value: Any, kind: str) -> str:
    value = _typed(value, kind)
    if kind == IDS:
        return neutralise(ID_SEPARATOR.join(value))
    if kind == TEXTS:
        return json.dumps(value, ensure_ascii=False)
    if value is None:
        return ""
    if kind == BOOL:
        return "true" if value else "false"
    if kind == STR:
        return neutralise(str(value))
    return str(value)


def _write_csv(analysis: dict[str, Any], name: str, path: Path) -> None:
    columns = TABLES[name]
    with _replacing(path) as tmp, open(tmp, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow([column for column, _ in columns])
        for row in table_rows(analysis, name):
            writer.writerow([_csv_cell(row.get(column), kind) for column, kind in columns])


def _sql_string(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _write_parquet(analysis: dict[str, Any], name: str, path: Path, con) -> None:
    """Stage the rows as JSON Lines and let DuckDB read them with the table's explicit types."""
    columns = TABLES[name]
    with tempfile.TemporaryDirectory(prefix="storyline-export-") as tmpdir:
        staged = Path(tmpdir) / f"{name}.jsonl"
        with open(staged, "w", encoding="utf-8") as f:
            for row in table_rows(analysis, name):
                record = {column: _typed(row.get(column), kind) for column, kind in columns}
                f.write(json.dumps(record, ensure_ascii=False) + "\n")
        types = ", ".join(f"{_sql_string(c)}: {_sql_string(SQL_TYPES[k])}" for c, k in columns)
        select = ", ".join('"' + c + '"' for c, _ in columns)
        with _replacing(path) as tmp:
            con.execute(
                f"COPY (SELECT {select} FROM read_json({_sql_string(str(staged))}, "
                f"format = 'newline_delimited', columns = {{{types}}})) "
                f"TO {_sql_string(str(tmp))} (FORMAT PARQUET)"
            )


class _replacing:
    """A temporary sibling path that replaces ``path`` on success, so no reader sees half a file."""

    def __init__(self, path: Path):
        self.path = path
        self.tmp = path.with_name(path.name + ".tmp")

    def __enter__(self) -> Path:
        return self.tmp

    def __exit__(self, exc_type, *_) -> None:
        if exc_type is None:
            os.replace(self.tmp, self.path)
        else:
            self.tmp.unlink(missing_ok=True)


# -- network --------------------------------------------------------------------------

def graph_from_network(network: dict[str, Any]) -> nx.MultiDiGraph:
    """Rebuild the actor network from the contract's ``network``, with the attributes
    ``analysis.network.build_network`` gives it, so a stored analysis.json exports the same GraphML."""
    graph = nx.MultiDiGraph()
    for node in network.get("nodes", []):
        graph.add_node(node["id"], name=node.get("name") or node["id"], type=node.get("type") or "other",
                       kb_id=node.get("kb_id") or "")
    for edge in network.get("edges", []):
        for end in (edge["source"], edge["target"]):
            if end not in graph:
                graph.add_node(end, name=end, type="other", kb_id="")
        graph.add_edge(
            edge["source"], edge["target"], key=edge["type"], type=edge["type"], weight=edge["weight"],
            symmetric=edge["type"] in SYMMETRIC,
            evidence=json.dumps(edge.get("evidence", []), ensure_ascii=False),
        )
    return graph


# -- PLOVER ---------------------------------------------------------------------------

# PLOVER's quad categories (verbal/material cooperation/conflict). Both spellings of the
# disapproval category are listed; REQUEST (CAMEO's APPEAL) counts as verbal cooperation.
QUAD = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "REQUEST"), 1),
    **dict.fromkeys(("COOPERATE", "AID", "RETREAT", "INVESTIGATE"), 2),
    **dict.fromkeys(("DEMAND", "ACCUSE", "DISAPPROVE", "REJECT", "SANCTION", "THREATEN"), 3),
    **dict.fromkeys(("PROTEST", "CRIME", "MOBILIZE", "COERCE", "ASSAULT", "FIGHT"), 4),
}


def _precision_of(date: str) -> str | None:
    return {10: "day", 7: "month", 4: "year"}.get(len(date))


def _event_dates(analysis: dict[str, Any]) -> dict[str, tuple[str, str]]:
    return {t["ref"]: (t["date"], t.get("precision") or _precision_of(t["date"]))
            for t in analysis.get("timeline", []) if t.get("kind", "event") == "event" and t.get("date")}


class _Plover:
    """Lookups shared by every event of one analysis."""

    def __init__(self, analysis: dict[str, Any]):
        self.entities = {e["id"]: e for e in analysis.get("entities", [])}
        for node in (analysis.get("network") or {}).get("nodes", []):
            self.entities.setdefault(node["id"], node)
        self.documents = {d["id"]: d for d in analysis.get("documents", [])}
        self.dates = _event_dates(analysis)
        stamp = analysis.get("generated_at") or ""
        self.coded_date, _, self.coded_time = stamp.partition("T")
        self.coder = f"storyline {analysis.get('storyline_version', '')}".strip()

    def actor(self, entity_id: str, event: dict[str, Any]) -> dict[str, Any]:
        entity = self.entities.get(entity_id, {})
        actor: dict[str, Any] = {}
        code = _actor_code(entity_id, entity.get("type"))
        if code:
            actor["code"] = code
        actor["actor_text"] = next(
            (m["text"] for m in entity.get("mentions", [])
             if m["doc"] == event["doc"] and event["start"] <= m["start"] and m["end"] <= event["end"]), None)
        actor["identifier_id"] = entity.get("kb_id")
        actor["identifier_text"] = entity.get("name") or entity_id
        actor["storyline_id"] = entity_id
        actor["type"] = entity.get("type")
        return actor

    def location(self, entity_id: str | None) -> dict[str, Any] | None:
        if not entity_id:
            return None
        entity = self.entities.get(entity_id, {})
        loc: dict[str, Any] = {"name": entity.get("name") or entity_id}
        code = _actor_code(entity_id, entity.get("type"))
        if code and entity.get("type") == "state":
            loc["cc3"] = code
        loc["storyline_id"] = entity_id
        return loc

    def date(self, event: dict[str, Any]) -> tuple[str | None, str | None]:
        if event.get("id") in self.dates:
            return self.dates[event["id"]]
        if event.get("date"):
            return event["date"], _precision_of(event["date"])
        published = self.documents.get(event["doc"], {}).get("published")
        return (published, "report") if published else (None, None)

    def cite(self, doc_id: str) -> dict[str, Any]:
        doc = self.documents.get(doc_id, {})
        source = doc.get("source")
        url = source if isinstance(source, str) and source.startswith(("http://", "https://")) else None
        return {"citation": source, "url": url, "title": doc.get("title"), "publication": doc.get("outlet"),
                "language": doc.get("language"), "published": doc.get("published"), "coder": self.coder}


def _actor_code(entity_id: str, kind: str | None) -> str | None:
    """The three-letter country code PLOVER's ``code`` wants: a state's own (``kb:PRK``), or the
    state an agency belongs to (``kb:KOR.NIS``); other actors have no such code."""
    if not entity_id.startswith("kb:"):
        return None
    head = entity_id[3:].split(".", 1)
    if len(head[0]) == 3 and head[0].isalpha() and head[0].isupper() and (kind == "state" or len(head) == 2):
        return head[0]
    return None


def plover_events(analysis: dict[str, Any], include_uncounted: bool = False) -> Iterator[dict[str, Any]]:
    """Events as PLOVER JSON records (docs/export.md has the mapping).

    Only events a report states as having happened (status ``asserted``, ``confirmed`` or
    ``reported``, as the network counts them) unless ``include_uncounted``; every record keeps
    its ``status`` and a ``counted`` flag either way.
    """
    ctx = _Plover(analysis)
    for event in analysis.get("events", []):
        counted = event.get("status") in COUNTED
        if not counted and not include_uncounted:
            continue
        date, precision = ctx.date(event)
        kind = (event.get("type") or "").upper()
        yield {
            "id": event["id"],
            "date": date,
            "date_precision": precision,
            "event": [kind],
            "mode": event.get("mode"),
            "quad_code": QUAD.get(kind),
            "source": [ctx.actor(a, event) for a in event.get("actors", []) if a],
            "recipient": [ctx.actor(r, event) for r in event.get("recipients", []) if r],
            "event_loc": ctx.location(event.get("location")),
            "event_text": [event["trigger"]] if event.get("trigger") else [],
            "text": event.get("text"),
            "text_info": {"start": event["start"], "end": event["end"]},
            "cite_info": ctx.cite(event["doc"]),
            "coder": ctx.coder,
            "coded_date": ctx.coded_date or None,
            "coded_time": ctx.coded_time or None,
            "has_event": True,
            "doc": event["doc"],
            "start": event["start"],
            "end": event["end"],
            "status": event.get("status"),
            "counted": counted,
        }


# -- entry point ----------------------------------------------------------------------

def _file(out: Path, default: str) -> Path:
    """``out`` itself for a single-file format, or ``default`` inside it when ``out`` is a folder
    (an existing one, or a path without a suffix)."""
    path = out / default if out.is_dir() or not out.suffix else out
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def export(analysis: dict[str, Any], graph: nx.MultiDiGraph | None, fmt: str, out: str | Path, *,
           include_uncounted: bool = False) -> list[Path]:
    """Write ``analysis`` (the JSON contract) as ``fmt`` to ``out``; return the files written.

    ``csv`` and ``parquet`` write one file per table into the folder ``out``. ``json``,
    ``graphml`` and ``plover`` write one file: ``out`` itself, or ``analysis.json``,
    ``network.graphml`` or ``events.plover.jsonl`` inside it when ``out`` is a folder.
    ``graph`` is the analysis's networkx graph for ``graphml``; without one the network is
    rebuilt from the contract. ``include_uncounted`` adds hypothetical, denied and negated
    events to the ``plover`` export.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    out = Path(out)
    if fmt in ("csv", "parquet"):
        out.mkdir(parents=True, exist_ok=True)
        paths = [out / f"{name}.{fmt}" for name in TABLES]
        if fmt == "csv":
            for name, path in zip(TABLES, paths):
                _write_csv(analysis, name, path)
        else:
            import duckdb

            with duckdb.connect() as con:
                for name, path in zip(TABLES, paths):
                    _write_parquet(analysis, name, path, con)
        return paths
    if fmt == "json":
        path = _file(out, "analysis.json")
        with _replacing(path) as tmp:
            tmp.write_text(json.dumps(analysis, ensure_ascii=False, indent=1), encoding="utf-8")
    elif fmt == "graphml":
        path = _file(out, "network.graphml")
        with _replacing(path) as tmp:
            write_graphml(graph if graph is not None else graph_from_network(analysis.get("network") or {}), tmp)
    else:
        path = _file(out, "events.plover.jsonl")
        with _replacing(path) as tmp, open(tmp, "w", encoding="utf-8") as f:
            for record in plover_events(analysis, include_uncounted):
                f.write(json.dumps(record, ensure_ascii=False) + "\n")
    return [path]


def read_analysis(path: str | Path) -> dict[str, Any]:
    """A stored ``analysis.json`` (or the folder holding it), ready for ``export``."""
    path = Path(path)
    if path.is_dir():
        path = path / "analysis.json"
    return json.loads(path.read_text(encoding="utf-8"))
