"""The main job end to end on real and team-written corpora: contract, findings, incremental runs."""

import json
from importlib import resources

import jsonschema
import pytest
from click.testing import CliRunner

from storyline.api import analyze
from storyline.cli import cli

pytestmark = pytest.mark.integration
SCHEMA = json.loads(resources.files("storyline.schema").joinpath("analysis.schema.json").read_text())


def test_seeds_analysis_validates_and_points_into_text(seeds_run):
    out, data = seeds_run
    jsonschema.validate(data, SCHEMA)
    texts = {d["id"]: d["text"] for d in data["documents"]}
    for kind in ("quotes", "figures", "statements", "events"):
        for record in data[kind]:
            assert texts[record["doc"]][record["start"]:record["end"]] == record["text"], kind
    for conflict in data["conflicts"]:
        for side in conflict["sides"]:
            assert texts[side["doc"]][side["start"]:side["end"]] == side["text"]
    assert (out / "briefing.html").stat().st_size > 5000 and (out / "briefing.md").is_file()


def test_seeds_troop_figures_form_one_table(seeds_run):
    _, data = seeds_run
    troops = [t for t in data["figure_tables"] if t["counts"] == "troops" and t["subject"] == "kb:PRK"]
    assert len(troops) == 1
    values = {r["value"] for r in troops[0]["rows"]}
    assert {1500.0, 3000.0, 10000.0, 12000.0} <= values
    assert any(r["value"] is None and r["low"] == 2000 for r in troops[0]["rows"])  # "thousands"
    assert troops[0]["assessment"] in ("evolving estimate", "contradiction")


def test_seeds_nato_office_clash_is_flagged(seeds_run):
    _, data = seeds_run
    knowledge = [c for c in data["conflicts"] if c["kind"] == "knowledge"]
    assert any("Stoltenberg" in c["summary"] and "Rutte" in c["summary"] for c in knowledge)


def test_seeds_eu_troops_option_has_advocates_and_an_opponent(seeds_run):
    _, data = seeds_run
    options = {o["option"]: o for o in data["options"]}
    eu = next(o for name, o in options.items() if "EU troops" in name)
    assert len(eu["advocates"]) >= 1 and len(eu["opponents"]) >= 1
    for name in ("sanctions", "military aid"):
        assert name in options and len(options[name]["docs"]) >= 2, name


def test_briefing_sections_and_citations(seeds_run):
    out, data = seeds_run
    html = (out / "briefing.html").read_text()
    for section in ("bottom-line", "figures", "disputed", "actors", "options", "implications", "timeline",
                    "quotes", "sources"):
        assert f'<section id="{section}">' in html
    assert html.count('<details class="cite"') > 20
    assert "<script src" not in html and "<link" not in html


def test_cli_listing_commands_read_the_store(seeds_run):
    out, data = seeds_run
    db = str(out / "storyline.duckdb")
    runner = CliRunner()
    for command, key in (("actors", None), ("quotes", None), ("figures", None), ("statements", None),
                         ("events", None), ("conflicts", None), ("timeline", None), ("options", None)):
        result = runner.invoke(cli, [command, "--db", db, "--json"], catch_exceptions=False)
        assert result.exit_code == 0, command
        assert json.loads(result.output) == data[command if command != "actors" else "entities"] or command in (
            "actors", "conflicts"), command
    recs = json.loads(runner.invoke(cli, ["statements", "--db", db, "--json", "--type", "recommendation"]).output)
    assert recs and all(r["kind"] == "recommendation" for r in recs)


def test_example_corpus_runs_and_links_its_syndicated_copy(example_analysis):
    data = example_analysis
    jsonschema.validate(data, SCHEMA)
    copies = [d for d in data["documents"] if d["duplicate_of"]]
    assert len(copies) == 1 and copies[0]["source"].endswith("07_meridian-daily.txt")
    assert data["conflicts"] and data["figure_tables"]


def _comparable(data):
    """An analysis without run-specific fields, in a stable order."""
    data = {k: v for k, v in data.items() if k not in ("generated_at", "seconds", "run", "changes")}
    data["documents"] = sorted(data["documents"], key=lambda d: d["id"])
    return json.loads(json.dumps(data, sort_keys=True, default=str))


def test_incremental_update_equals_full_recomputation(example_increment, tmp_path):
    work, _, incremental = example_increment  # the example without one report, then that report added
    full = analyze([work], db=tmp_path / "full.duckdb")
    a, b = _comparable(incremental.to_dict()), _comparable(full.to_dict())
    for key in a:
        if key != "documents":
            assert a[key] == b[key], key
    assert [d["id"] for d in a["documents"]] == [d["id"] for d in b["documents"]]


def test_seeds_bottom_line_states_confirmations_estimates_and_what_is_unconfirmed(seeds_run):
    _, data = seeds_run
    lines = data["bottom_line"]
    facts = [b for b in lines if b["kind"] != "commentary"]
    # The US confirmation of the troops' presence, quoted and cited.
    assert any(b["kind"] == "confirmation" and "confirmed the presence" in b["text"]
               and b["evidence"][0]["text"] == b["text"] for b in facts)
    # The troop estimates, each with who gives it, citing several independent reports.
    troops = [b for b in facts if b["kind"] == "figure" and b["text"].startswith("troops (")]
    assert troops and troops[0]["sources"] >= 3 and troops[0]["text"].count("(") >= 4
    # What remains unconfirmed, and by whom.
    assert any(b["kind"] == "unconfirmed" and "unconfirmed according to" in b["detail"] for b in facts)
    # Commentary is kept apart from the facts.
    assert all(b["kind"] == "commentary" for b in lines[len(facts):])


def test_example_office_holder_named_after_his_removal_is_flagged(example_analysis):
    data = example_analysis
    knowledge = [c for c in data["conflicts"] if c["kind"] == "knowledge"]
    assert any("Dagalo" in c["summary"] and "Malik Agar" in c["summary"] for c in knowledge)
