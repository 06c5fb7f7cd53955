"""What changed since the last run: three reports, then a fourth that confirms one claim and
denies another; `storyline changes` and the top of the briefing show exactly those changes."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from storyline.cli import cli

pytestmark = pytest.mark.integration

FIRST = """Flooding forces thousands from homes in Bolivia

By Ana Ruiz. La Paz, 3 March 2025.

Heavy rains caused the Beni River to burst its banks on Sunday, flooding dozens of villages in northern Bolivia.

The Bolivian government declared a state of emergency in the department of Beni on Monday.

The army has sent 600 soldiers to evacuate residents from the flooded villages, the defence ministry said.

Aid groups said clean water was running short in the town of Riberalta.
"""
SECOND = """Bolivia declares emergency as Beni River floods

By Carlos Mendez. Trinidad, 4 March 2025.

The Bolivian government declared a state of emergency in the department of Beni on Monday after days of heavy rain.

Officials said the flooding had destroyed the main bridge on the road to Riberalta.

Local radio reported that 4,000 families had left their homes.
"""
THIRD = """Army deployed to Bolivia flood zone

By Lucia Perez. Santa Cruz, 4 March 2025.

The army has sent 600 soldiers to evacuate residents from the flooded villages, the defence ministry said on Tuesday.

Brazil offered two helicopters to help with rescues, according to the foreign ministry in Brasilia.

The mayor of Riberalta said the town's hospital had flooded.
"""
FOURTH = """Beni governor disputes bridge report

By Jorge Salas. Trinidad, 5 March 2025.

The Bolivian government declared a state of emergency in the department of Beni on Monday, the presidency confirmed.

The public works ministry denied that the flooding had destroyed the main bridge on the road to Riberalta.
"""
CONFIRMED = "declared a state of emergency in the department of Beni"
DENIED = "destroyed the main bridge on the road to Riberalta"


def test_a_fourth_report_confirming_one_claim_and_denying_another(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for name, text in (("a.txt", FIRST), ("b.txt", SECOND), ("c.txt", THIRD), ("d.txt", FOURTH)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    runner = CliRunner()
    first = runner.invoke(cli, ["analyze", "a.txt", "b.txt", "c.txt", "-o", "out"])
    assert first.exit_code == 0, first.output
    alone = runner.invoke(cli, ["changes", "--json"])  # the folder's store, found without --db
    assert alone.exit_code == 0 and json.loads(alone.output)["since"] is None

    # A report ingested but not analysed yet: queries answer from the stored run and say so.
    assert runner.invoke(cli, ["ingest", "d.txt"]).exit_code == 0
    stale = runner.invoke(cli, ["conflicts"])
    assert stale.exit_code == 0
    assert "changed since analysis run 1 (1 new document)" in stale.output
    assert "storyline analyze --db out/storyline.duckdb" in stale.output

    second = runner.invoke(cli, ["analyze", "d.txt", "-o", "out"])
    assert second.exit_code == 0, second.output
    result = runner.invoke(cli, ["changes", "--json"])
    assert result.exit_code == 0, result.output
    changes = json.loads(result.output)
    assert changes["since"] == 1 and changes["run"] == 2 and len(changes["new_documents"]) == 1
    fourth = changes["new_documents"][0]

    assert [CONFIRMED in item["text"] for item in changes["corroborated"]] == [True]
    assert any(e["doc"] == fourth for e in changes["corroborated"][0]["evidence"])
    assert [DENIED in item["text"] for item in changes["disputed"]] == [True]
    assert {e["doc"] for e in changes["disputed"][0]["evidence"]} > {fourth}
    assert len(changes["new_conflicts"]) == 1 and DENIED in changes["new_conflicts"][0]["text"]
    assert changes["new_claims"] == [] and changes["revised_estimates"] == [] and changes["new_actors"] == []

    # The same changes open the briefing, before the bottom line.
    briefing = (tmp_path / "out" / "briefing.md").read_text(encoding="utf-8")
    first_section = briefing.split("\n## ")[1]
    assert first_section.startswith("What changed since run 1")
    assert CONFIRMED in first_section and DENIED in first_section
    assert briefing.index("What changed since run 1") < briefing.index("## Bottom line")
    data = json.loads((tmp_path / "out" / "analysis.json").read_text())
    assert data["run"]["id"] == 2 and data["changes"]["since"] == 1
    # The explorer carries them too (its briefing view lists them first).
    from tests.render.test_explorer import _embedded

    embedded = _embedded((tmp_path / "out" / "explorer.html").read_text(encoding="utf-8"))
    assert embedded["changes"]["corroborated"] == data["changes"]["corroborated"]

    text = runner.invoke(cli, ["changes"]).output
    assert "Newly corroborated (1)" in text and "Newly disputed (1)" in text
    assert runner.invoke(cli, ["changes", "--since", "7"]).exit_code == 2
