"""The quality gate: golden-set scores must not fall below their pinned floors."""

import copy
import json
from pathlib import Path

import pytest

from storyline.evaluation import golden_sets, score, score_golden, total

ROOT = Path(__file__).resolve().parents[1]
FLOORS = json.loads((ROOT / "tests" / "golden" / "floors.json").read_text())["floors"]
SHARED = ROOT.parent / "shared"

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def gate(tmp_path_factory):
    if not (SHARED / "corpus" / "seeds").is_dir():
        pytest.skip("../shared/corpus/seeds is not present: the floors are pinned on the full golden set")
    folders = [ROOT / "tests" / "golden", ROOT / "tests" / "fixtures" / "stories", ROOT / "src" / "storyline" / "data" / "example"]
    analyses: dict = {}
    totals, per_set = score_golden(golden_sets(folders), tmp_path_factory.mktemp("golden"), analyses)
    for name, categories in per_set.items():
        print(name, {k: (round(v.precision, 3), round(v.recall, 3)) for k, v in categories.items()})
    return totals, analyses


def below(scores) -> list[str]:
    return [f"{name} {kind} {getattr(scores[name], kind):.3f} < {floor[kind]}"
            for name, floor in FLOORS.items() for kind in ("precision", "recall")
            if getattr(scores[name], kind) < floor[kind]]


@pytest.mark.parametrize("category", sorted(FLOORS))
def test_score_meets_its_floor(gate, category):
    scores, _ = gate
    score_, floor = scores[category], FLOORS[category]
    assert score_.precision >= floor["precision"], f"{category} precision {score_.precision:.3f} < {floor['precision']}"
    assert score_.recall >= floor["recall"], f"{category} recall {score_.recall:.3f} < {floor['recall']}"


def test_every_category_has_a_floor(gate):
    scores, _ = gate
    assert set(scores) == set(FLOORS)


@pytest.mark.parametrize("breakage", ["speakers", "figure_values", "statuses"])
def test_gate_fails_on_a_broken_extractor(gate, breakage):
    """The same analyses with one extractor's output broken must fall below a floor."""
    _, analyses = gate
    broken = []
    for data, expected in analyses.values():
        data = copy.deepcopy(data)
        for record in {"speakers": data["quotes"], "figure_values": data["figures"],
                       "statuses": data["statements"]}[breakage]:
            if breakage == "speakers":
                record["speaker"], record["speaker_text"] = None, None
            elif breakage == "figure_values":
                record["value"] = (record["value"] or 0) + 1
            else:
                record["status"] = "asserted"
        broken.append(score(data, expected))
    assert below(total(broken))
