"""The quality gate: strict golden-set scores must not fall below their pinned floors.

Two gated groups (tests/golden/floors.json): ``golden`` (every expected.json: the seeds, the team
stories and the bundled example, micro-averaged) and ``realtext_dev`` (the dev split of the real-text
gold). The real-text test split is analysed only for citation integrity and scored only in the
benchmark (bench/quality.py), never here, so no change is tuned against it.
"""

import copy
import json
from pathlib import Path

import pytest

from storyline.evaluation import score, total
from storyline.evaluation.realtext import score_story

ROOT = Path(__file__).resolve().parents[1]
FLOORS = json.loads((ROOT / "tests" / "golden" / "floors.json").read_text())["floors"]


def _gated(group: str) -> list[str]:
    """Categories with at least one pinned floor (null: not gated yet)."""
    return sorted(c for c, f in FLOORS.get(group, {}).items() if any(v is not None for v in f.values()))

pytestmark = pytest.mark.integration


def _below(scores: dict, floors: dict) -> list[str]:
    """Every floor a score falls below; an undefined score (no output, or no gold) is below any floor."""
    out = []
    for name, floor in floors.items():
        for kind in ("precision", "recall"):
            want = floor.get(kind)
            got = getattr(scores[name], kind) if name in scores else None
            if want is not None and (got is None or got < want):
                out.append(f"{name} {kind} {got if got is None else round(got, 3)} < {want}")
    return out


@pytest.fixture(scope="module")
def golden(golden_analyses):
    per_set = {name: score(data, expected) for name, (data, expected) in golden_analyses.items()}
    for name, categories in per_set.items():
        print(name, {k: (v.precision, v.recall) for k, v in categories.items()})
    return total(list(per_set.values()))


@pytest.fixture(scope="module")
def realtext_dev(realtext_analyses):
    stories = {n: v for n, v in realtext_analyses.items() if v[3] == "dev"}
    if not stories:
        pytest.skip("no real-text dev story")
    return total([score_story(data, gold, contents) for data, gold, contents, _ in stories.values()])


@pytest.mark.parametrize("category", _gated("golden"))
def test_golden_score_meets_its_floor(golden, category):
    assert not _below(golden, {category: FLOORS["golden"][category]})


@pytest.mark.parametrize("category", _gated("realtext_dev"))
def test_realtext_dev_score_meets_its_floor(realtext_dev, category):
    assert not _below(realtext_dev, {category: FLOORS["realtext_dev"][category]})


def test_every_golden_category_has_a_floor(golden):
    assert set(golden) == set(FLOORS["golden"])


def test_every_realtext_category_has_a_floor(realtext_dev):
    assert set(realtext_dev) == set(FLOORS["realtext_dev"])


@pytest.mark.parametrize("breakage", ["speakers", "figure_values", "statuses", "no_conflicts", "extra_conflicts"])
def test_gate_fails_on_a_broken_extractor(golden_analyses, breakage):
    """The same analyses with one stage's output broken must fall below a floor."""
    broken = []
    for data, expected in golden_analyses.values():
        data = copy.deepcopy(data)
        if breakage == "no_conflicts":
            data["conflicts"] = []
        elif breakage == "extra_conflicts":
            # Every conflict repeated with its sides swapped to another kind: all false positives.
            data["conflicts"] += [{**c, "kind": "knowledge" if c["kind"] != "knowledge" else "figure"}
                                  for c in data["conflicts"] for _ in range(3)]
        for record in {"speakers": data["quotes"], "figure_values": data["figures"],
                       "statuses": data["statements"]}.get(breakage, []):
            if breakage == "speakers":
                record["speaker"], record["speaker_text"] = None, None
            elif breakage == "figure_values":
                record["value"] = (record["value"] or 0) + 1
            else:
                record["status"] = "asserted"
        broken.append(score(data, expected))
    assert _below(total(broken), FLOORS["golden"])
