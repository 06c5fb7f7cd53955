"""``storyline kb``: the knowledge base's version and coverage, and a local overlay a user can import into and export."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import click

from storyline.cli import EXIT_USAGE, Fail, cli, out
from storyline.kb.lookup import KnowledgeBase, bundled_kb, load_kb
from storyline.kb.overlay import (
    OverlayError,
    apply_overlay,
    merge_overlay,
    overlay_path,
    parse_import,
    read_overlay,
    write_overlay,
)
from storyline.kb.records import TYPES, read_data

OFFICE_KINDS = ("head_of_state", "head_of_government", "foreign_minister", "defence_minister")


def kb_stats(kb: KnowledgeBase) -> dict[str, Any]:
    """Version, date and coverage: entities and Wikidata ids by type, office-holders by country."""
    by_type = Counter(e.type for e in kb.entities())
    qids = Counter(e.type for e in kb.entities() if e.qid)
    tenures = kb.tenures()
    countries: dict[str, dict[str, Any]] = defaultdict(lambda: {"persons": set(), "tenures": 0, "offices": set()})
    ids = {e.id for e in kb.entities()}
    for t in tenures:
        owner = kb.get(t.of) if t.of in ids else None
        code = t.of if owner is None or owner.type == "state" else (owner.country or t.of)
        row = countries[code]
        row["persons"].add(t.person)
        row["tenures"] += 1
        row["offices"].add(t.office.split(":")[0])
    states = {e.id for e in kb.entities("state")}
    covered = {code: row["offices"] for code, row in countries.items() if code in states}
    return {
        "version": kb.version,
        "as_of": kb.as_of.isoformat() if kb.as_of else None,
        "overlay": kb.overlay,
        "entities": {t: by_type.get(t, 0) for t in TYPES},
        "with_qid": {t: qids.get(t, 0) for t in TYPES},
        "tenures": len(tenures),
        "tenures_with_person_qid": sum(1 for t in tenures if kb.get(t.person).qid),
        "countries_with_office_holders": len(countries),
        "states_with_office_holders": len(covered),
        "states_by_office_kind": {k: sum(1 for offices in covered.values() if k in offices) for k in OFFICE_KINDS},
        "by_country": {
            code: {"persons": len(row["persons"]), "tenures": row["tenures"], "offices": sorted(row["offices"])}
            for code, row in sorted(countries.items())
        },
    }


@cli.group(name="kb")
def kb_group() -> None:
    """The knowledge base: coverage, and a local overlay of your own entities and office-holders.

    The overlay lives at $STORYLINE_KB_OVERLAY, else ~/.local/share/storyline/kb-overlay.json
    (under $XDG_DATA_HOME when set); it takes precedence over the bundled data.

    Example: storyline kb stats
    """


@kb_group.command(name="stats")
@click.option("--bundled", is_flag=True, help="The bundled data alone, without the local overlay.")
@click.option("--json", "as_json", is_flag=True, help="The figures as JSON.")
def stats_command(bundled: bool, as_json: bool) -> None:
    """Version, as-of date and coverage by type and by country.

    Example: storyline kb stats --json
    """
    kb = _kb(bundled)
    stats = kb_stats(kb)
    if as_json:
        out.print(json.dumps(stats, indent=1), markup=False)
        return
    out.print(f"version {stats['version']}  as of {stats['as_of']}", markup=False)
    out.print(f"overlay {stats['overlay'] or 'none'} (path: {overlay_path()})", markup=False)
    out.print("entities: " + ", ".join(f"{n} {t}" for t, n in stats["entities"].items()), markup=False)
    out.print("with a Wikidata id: " + ", ".join(f"{n} {t}" for t, n in stats["with_qid"].items()), markup=False)
    out.print(f"tenures: {stats['tenures']} ({stats['tenures_with_person_qid']} of persons with a Wikidata id)",
              markup=False)
    out.print(f"states with office-holders: {stats['states_with_office_holders']} ("
              + ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in stats["states_by_office_kind"].items())
              + f"); states and bodies: {stats['countries_with_office_holders']}", markup=False)
    line = []
    for code, row in stats["by_country"].items():
        line.append(f"{code} {row['tenures']}")
    out.print("tenures by country or body: " + "  ".join(line), markup=False)


@kb_group.command(name="import")
@click.argument("file", type=click.Path(dir_okay=False))
def import_command(file: str) -> None:
    """Add entities, offices and dated tenures from a JSON or CSV file to the local overlay.

    JSON: Storyline records ({"entities": [...], "offices": [...], "tenures": [...]}), or a Wikidata
    query result saved as JSON (variables item, itemLabel, aliases, country, office or kind, start, end).
    CSV: the same column names. See docs/kb.md.

    Example: storyline kb import ministers.json
    """
    path = Path(file)
    if not path.is_file():
        raise Fail(f"no such file: {file}", EXIT_USAGE)
    bundled = bundled_kb()
    states_by_qid = {e.qid: e.id for e in bundled.entities("state") if e.qid}
    kinds = {bundled.office(k)["kind"] for k in _office_keys()} | set(OFFICE_KINDS)
    try:
        new = parse_import(path, states_by_qid, kinds)
        merged = merge_overlay(read_overlay(), new, str(path))
        _check(merged)
    except OverlayError as exc:
        raise Fail(str(exc), EXIT_USAGE) from None
    target = write_overlay(merged)
    out.print(f"imported {len(new['entities'])} entities, {len(new['offices'])} offices, "
              f"{len(new['tenures'])} tenures into {target}", markup=False)


@kb_group.command(name="export")
@click.option("-o", "--output", help="File to write (default: standard output).")
@click.option("--overlay-only", is_flag=True, help="Only the local overlay, not the bundled data.")
def export_command(output: str | None, overlay_only: bool) -> None:
    """Write the knowledge base (bundled data with the overlay applied) as one JSON file that
    `storyline kb import` reads back.

    Example: storyline kb export --overlay-only -o my-kb.json
    """
    try:
        overlay = read_overlay()
    except OverlayError as exc:
        raise Fail(str(exc), EXIT_USAGE) from None
    if overlay_only:
        doc = {k: overlay.get(k, []) for k in ("entities", "offices", "tenures")} if overlay else \
            {"entities": [], "offices": [], "tenures": []}
    else:
        data = read_data()
        if overlay:
            data = apply_overlay(data, overlay)
        doc = {"meta": data["meta"],
               "entities": [r for s in ("states", "igos", "organizations", "places", "persons") for r in data[s]["records"]],
               "offices": data["offices"]["records"], "tenures": data["tenures"]["records"]}
    text = json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
    if output:
        Path(output).write_text(text, encoding="utf-8")
        out.print(f"wrote {len(doc['entities'])} entities, {len(doc['tenures'])} tenures to {output}", markup=False)
    else:
        click.echo(text, nl=False)


@kb_group.command(name="reset")
def reset_command() -> None:
    """Remove the local overlay, back to the bundled data.

    Example: storyline kb reset
    """
    path = overlay_path()
    if path.is_file():
        path.unlink()
        out.print(f"removed {path}", markup=False)
    else:
        out.print(f"no overlay at {path}", markup=False)


def _kb(bundled: bool) -> KnowledgeBase:
    try:
        return bundled_kb() if bundled else load_kb()
    except OverlayError as exc:
        raise Fail(str(exc), EXIT_USAGE) from None


def _office_keys() -> list[str]:
    return [r["key"] for r in read_data()["offices"]["records"]]


def _check(overlay: dict[str, Any]) -> None:
    """Refuse an overlay whose tenures name unknown persons or whose records the loader cannot read."""
    data = apply_overlay(read_data(), overlay)
    ids = {r["id"] for s in ("states", "igos", "organizations", "places", "persons") for r in data[s]["records"]}
    for tenure in overlay.get("tenures", []):
        if tenure["person"] not in ids:
            raise OverlayError(f"tenure of unknown person {tenure['person']!r}")
        owner = tenure["office"].partition(":")[2]
        if owner not in ids:
            raise OverlayError(f"office {tenure['office']!r} belongs to unknown {owner!r}")
    try:
        KnowledgeBase(data)
    except (KeyError, ValueError, TypeError) as exc:
        raise OverlayError(f"the overlay does not load: {exc}") from None
