"""A user's local additions to the knowledge base: imported from JSON or CSV, kept in one overlay file
that takes precedence over the bundled data.

The overlay lives at ``$STORYLINE_KB_OVERLAY`` when that is set, else in the user data directory
(``$XDG_DATA_HOME/storyline/kb-overlay.json``, by default ``~/.local/share/storyline/kb-overlay.json``).
It holds Storyline's own record shapes (see docs/kb.md): ``{"kind": "kb-overlay", "entities": [...],
"offices": [...], "tenures": [...], "imports": [...]}``.

Accepted inputs:

- Storyline JSON: ``{"entities"|"persons"|...: [records], "offices": [...], "tenures": [...]}``, or a
  list of records (entities carry ``type``; tenures carry ``office``, ``person`` and ``start``).
- A Wikidata query result saved as JSON (``{"head": ..., "results": {"bindings": [...]}}``) or the
  flat list the Wikidata Query Service exports, with variables such as ``item``, ``itemLabel``,
  ``aliases``, ``country`` (ISO3, or a country item the bundled states know by QID), ``office``
  (a Storyline office key) or ``kind`` (``head_of_state``, ``foreign_minister``...), ``title``,
  ``start``, ``end``, ``type``.
- CSV with the same column names (one row per entity, or per tenure).
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import os
from pathlib import Path
from typing import Any, Iterable, Mapping

from storyline.kb.normalize import slug

OVERLAY_ENV = "STORYLINE_KB_OVERLAY"
ENTITY_TYPES = ("state", "igo", "organization", "group", "person", "place")


class OverlayError(ValueError):
    """An import file that cannot be read as knowledge-base records."""


def overlay_path() -> Path:
    """Where the local overlay is read from and written to."""
    env = os.environ.get(OVERLAY_ENV)
    if env:
        return Path(env).expanduser()
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "storyline" / "kb-overlay.json"


def empty_overlay() -> dict[str, Any]:
    return {"kind": "kb-overlay", "entities": [], "offices": [], "tenures": [], "imports": []}


def read_overlay(path: Path | None = None) -> dict[str, Any] | None:
    """The overlay's records, or None when there is none."""
    path = path or overlay_path()
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise OverlayError(f"{path}: not a readable overlay ({exc})") from None
    if not isinstance(data, dict) or data.get("kind") != "kb-overlay":
        raise OverlayError(f"{path}: not a Storyline knowledge-base overlay")
    return data


def overlay_hash(path: Path | None = None) -> str | None:
    """A short hash of the overlay's content (None without one): part of the extraction cache key."""
    path = path or overlay_path()
    if not path.is_file():
        return None
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


# ------------------------------------------------------------------------- parsing inputs
def _value(cell: Any) -> str | None:
    """A SPARQL binding's value, or a plain cell; Wikidata entity URLs become their QID."""
    if isinstance(cell, Mapping):
        cell = cell.get("value")
    if cell is None:
        return None
    text = str(cell).strip()
    if text.startswith(("http://www.wikidata.org/entity/", "https://www.wikidata.org/entity/")):
        text = text.rsplit("/", 1)[1]
    return text or None


def _date(text: str | None) -> str | None:
    """``2024-05-20T00:00:00Z`` or ``2024-05-20`` -> ``2024-05-20``."""
    if not text:
        return None
    day = text.lstrip("+")[:10]
    try:
        return dt.date.fromisoformat(day).isoformat()
    except ValueError:
        raise OverlayError(f"not a date: {text!r}") from None


def _list(text: str | None) -> list[str]:
    if not text:
        return []
    for sep in ("|", ";", ","):
        if sep in text:
            return [p.strip() for p in text.split(sep) if p.strip()]
    return [text.strip()]


def _rows_from_json(data: Any) -> tuple[list[dict[str, Any]], dict[str, list[dict[str, Any]]]]:
    """Flat rows (Wikidata or CSV-like) and native records found in a parsed JSON file."""
    native: dict[str, list[dict[str, Any]]] = {"entities": [], "offices": [], "tenures": []}
    if isinstance(data, Mapping) and "results" in data and isinstance(data["results"], Mapping):
        return [dict(b) for b in data["results"].get("bindings", [])], native
    if isinstance(data, Mapping):
        for stem, records in data.items():
            if not isinstance(records, list):
                continue
            if stem == "offices":
                native["offices"] += records
            elif stem == "tenures":
                native["tenures"] += records
            elif stem in ("entities", "states", "igos", "organizations", "places", "persons", "records"):
                native["entities"] += records
        if not any(native.values()):
            raise OverlayError("no records found (expected entities, offices or tenures)")
        return [], native
    if isinstance(data, list):
        rows = []
        for rec in data:
            if not isinstance(rec, Mapping):
                raise OverlayError("a list of records must hold objects")
            if "key" in rec and "kind" in rec:
                native["offices"].append(dict(rec))
            elif "office" in rec and "person" in rec:
                native["tenures"].append(dict(rec))
            elif "id" in rec and rec.get("type") in ENTITY_TYPES and "name" in rec:
                native["entities"].append(dict(rec))
            else:
                rows.append(dict(rec))
        return rows, native
    raise OverlayError("expected a JSON object or list")


def parse_import(path: Path, states_by_qid: Mapping[str, str], office_kinds: Iterable[str]) -> dict[str, Any]:
    """The records an import file holds, in the overlay's shapes."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise OverlayError(f"cannot read {path}: {exc}") from None
    if path.suffix.lower() == ".csv" or (not text.lstrip().startswith(("{", "["))):
        rows, native = list(csv.DictReader(io.StringIO(text))), {"entities": [], "offices": [], "tenures": []}
        if not rows:
            raise OverlayError(f"{path}: no CSV rows")
    else:
        try:
            rows, native = _rows_from_json(json.loads(text))
        except ValueError as exc:
            if isinstance(exc, OverlayError):
                raise
            raise OverlayError(f"{path}: not valid JSON ({exc})") from None
    out = empty_overlay()
    for rec in native["entities"]:
        if not rec.get("id") or not rec.get("name") or rec.get("type") not in ENTITY_TYPES:
            raise OverlayError(f"an entity needs id, name and a type among {', '.join(ENTITY_TYPES)}: {rec}")
        out["entities"].append({"qid": None, "aliases": [], "country": None, **rec})
    out["offices"] += native["offices"]
    out["tenures"] += native["tenures"]
    kinds = set(office_kinds)
    for row in rows:
        _add_row({k: _value(v) for k, v in row.items()}, out, states_by_qid, kinds)
    for tenure in out["tenures"]:
        for field in ("office", "person", "start"):
            if not tenure.get(field):
                raise OverlayError(f"a tenure needs office, person and start: {tenure}")
        tenure["start"], tenure["end"] = _date(tenure["start"]), _date(tenure.get("end"))
    return out


def _add_row(row: dict[str, str | None], out: dict[str, Any], states_by_qid: Mapping[str, str], kinds: set[str]) -> None:
    """One flat row: an entity and, when it names an office and a start, a tenure."""
    qid = row.get("qid") or (row.get("item") if (row.get("item") or "").startswith("Q") else None)
    name = row.get("name") or row.get("itemLabel") or row.get("label")
    if not name:
        raise OverlayError(f"a row needs a name (or itemLabel): {row}")
    etype = (row.get("type") or "person").lower()
    if etype not in ENTITY_TYPES:
        raise OverlayError(f"unknown type {etype!r} for {name}")
    country = row.get("country")
    if country and country.startswith("Q"):
        country = states_by_qid.get(country, country)
    entity_id = row.get("id") or (f"{etype}:{slug(name)}" if etype in ("person", "place") else slug(name).upper())
    aliases = _list(row.get("aliases") or row.get("altLabel") or row.get("itemAltLabel"))
    out["entities"].append({"id": entity_id, "type": etype, "qid": qid, "name": name,
                            "aliases": [a for a in aliases if a != name], "country": country})
    office = row.get("office")
    kind = row.get("kind")
    if not office and kind and country:
        office = f"{kind}:{country}"
    if office and row.get("start"):
        kind, _, owner = office.partition(":")
        if kind not in kinds or not owner:
            raise OverlayError(f"unknown office {office!r} (kind:owner with a kind among {', '.join(sorted(kinds))})")
        tenure = {"office": office, "person": entity_id, "start": row["start"], "end": row.get("end")}
        if row.get("title"):
            tenure["title"] = row["title"]
        if (row.get("acting") or "").lower() in ("true", "yes", "1"):
            tenure["acting"] = True
        out["tenures"].append(tenure)


def merge_overlay(old: Mapping[str, Any] | None, new: Mapping[str, Any], source: str) -> dict[str, Any]:
    """An overlay with the new records added; a record with the same id, office key or
    (office, person, start) replaces the earlier one."""
    merged = empty_overlay() if old is None else {k: list(v) if isinstance(v, list) else v for k, v in old.items()}
    for stem, ident in (("entities", lambda r: r["id"]), ("offices", lambda r: r["key"]),
                        ("tenures", lambda r: (r["office"], r["person"], r["start"]))):
        by_key = {ident(r): r for r in merged.get(stem, [])}
        for rec in new.get(stem, []):
            by_key[ident(rec)] = rec
        merged[stem] = list(by_key.values())
    merged.setdefault("imports", []).append(
        {"file": source, "at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
         "entities": len(new.get("entities", [])), "tenures": len(new.get("tenures", []))})
    return merged


def write_overlay(data: Mapping[str, Any], path: Path | None = None) -> Path:
    path = path or overlay_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    tmp.replace(path)
    return path


def apply_overlay(data: dict[str, Any], overlay: Mapping[str, Any]) -> dict[str, Any]:
    """The bundled data with the overlay on top: its entities replace those with the same id, its
    offices those with the same key, and its tenures push out bundled tenures of the same office
    that overlap them."""
    out = {stem: dict(content) for stem, content in data.items()}
    stems = {"state": "states", "igo": "igos", "organization": "organizations", "group": "organizations",
             "place": "places", "person": "persons"}
    replaced: dict[str, dict[str, Any]] = {}
    for rec in overlay.get("entities", []):
        replaced[rec["id"]] = rec
    for stem in ("states", "igos", "organizations", "places", "persons"):
        records = [replaced.pop(r["id"], r) for r in data[stem]["records"]]
        out[stem]["records"] = records
    for rec in replaced.values():  # new entities
        out[stems[rec["type"]]]["records"] = [*out[stems[rec["type"]]]["records"], rec]
    offices = {o["key"]: o for o in data["offices"]["records"]}
    for rec in overlay.get("offices", []):
        offices[rec["key"]] = rec
    new_tenures = list(overlay.get("tenures", []))
    for tenure in new_tenures:
        if tenure["office"] not in offices:
            kind, _, owner = tenure["office"].partition(":")
            offices[tenure["office"]] = {"key": tenure["office"], "of": owner, "kind": kind, "titles": [], "rank": 5}
    out["offices"]["records"] = list(offices.values())

    def overlaps(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
        return a["office"] == b["office"] and a["start"] < (b.get("end") or "9999") and b["start"] < (a.get("end") or "9999")

    kept = []
    for tenure in data["tenures"]["records"]:
        clash = [n for n in new_tenures if overlaps(tenure, n)]
        if not clash:
            kept.append(tenure)
        elif all(tenure["start"] < n["start"] for n in clash):
            # A new holder from the overlay: the bundled spell ends when theirs starts.
            kept.append({**tenure, "end": min(n["start"] for n in clash)})
    out["tenures"]["records"] = kept + new_tenures
    return out
