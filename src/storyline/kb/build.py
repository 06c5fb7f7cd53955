"""Regenerate ``data/states.json`` from ``sources/states.tsv`` and pycountry: ``python -m storyline.kb.build``."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Any

from storyline.kb.normalize import key

HERE = Path(__file__).parent
SOURCE = HERE / "sources" / "states.tsv"
TARGET = HERE / "data" / "states.json"

UN_STATUS = {"M": "member", "O": "observer", "-": None}
# Endings whose plural is the word itself ("the Chinese", "the Swiss", "the British").
_INVARIANT_ENDINGS = ("ese", "sh", "ch", "ss", "s", "x", "z")
# Codes pycountry lacks: Kosovo's user-assigned codes, as the EU and IMF use them
# (Somaliland, XSL, has no two-letter code at all).
USER_ASSIGNED = {"XKX": {"iso2": "XK", "iso_numeric": None}}


def _split(cell: str) -> list[str]:
    return [] if cell.strip() in ("", "-") else [p.strip() for p in cell.split(";") if p.strip()]


def _places(cell: str) -> list[dict[str, Any]]:
    """``"Kyiv|Kiev;Lviv"`` -> ``[{"name": "Kyiv", "aliases": ["Kiev"]}, {"name": "Lviv", "aliases": []}]``."""
    out = []
    for item in _split(cell):
        name, *aliases = [v.strip() for v in item.split("|")]
        out.append({"name": name, "aliases": aliases})
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


def write_records(path: Path, header: dict[str, Any], records: list[dict[str, Any]]) -> None:
    """Write a data file with one record per line, so diffs show which record changed."""
    head = json.dumps(header, ensure_ascii=False)[:-1]
    body = ",\n".join("  " + json.dumps(r, ensure_ascii=False) for r in records)
    path.write_text(f'{head}, "records": [\n{body}\n]}}\n', encoding="utf-8")


def build(source: Path = SOURCE, target: Path = TARGET) -> int:
    """Write the states file; returns the number of states written."""
    records = [state_record(row) for row in read_rows(source)]
    ids = [r["id"] for r in records]
    if len(ids) != len(set(ids)):
        raise ValueError("duplicate ISO3 codes in " + str(source))
    write_records(target, {"kind": "states", "generated_by": "python -m storyline.kb.build"}, records)
    return len(records)


def main() -> None:
    count = build()
    print(f"wrote {count} states to {TARGET}", file=sys.stderr)


if __name__ == "__main__":
    main()
