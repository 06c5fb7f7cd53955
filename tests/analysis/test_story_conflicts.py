"""Hand-written multi-report stories, through the real pipeline: planted conflicts and evolutions are
found, citing exactly their two sentences, and no unrelated hedge becomes a conflict."""

from __future__ import annotations

import json

import pytest

from tests.conftest import STORIES

pytestmark = pytest.mark.integration

PLANTED = sorted(p for p in STORIES.glob("*/expected.json") if "must_not_conflict" in json.loads(p.read_text()))


@pytest.fixture(scope="module")
def analyses(golden_analysis):
    """Each story analysed once per session, the same analysis the quality gate scores."""
    return golden_analysis


def _ids(data, expected):
    by_file = {}
    for d in data["documents"]:
        by_file[d["source"].replace("\\", "/").rsplit("/", 1)[-1]] = d["id"]
    return {f["file"]: by_file.get(f["file"]) for f in expected["documents"]}


def _covers(side, fragment) -> bool:
    return fragment in " ".join(side["text"].split())


@pytest.mark.parametrize("path", PLANTED, ids=lambda p: p.parent.name)
def test_story_planted_conflicts_are_found_with_exactly_their_two_sentences(path, analyses):
    expected = json.loads(path.read_text())
    data = analyses(path)
    ids = _ids(data, expected)
    for item in expected["conflicts"]:
        if item["kind"] == "figure" or item.get("known_miss"):
            continue  # figure conflicts: see test_story_figure_conflicts_name_each_body_and_revisions
        docs = [ids[f] for f in item["between"]]
        hits = [c for c in data["conflicts"] if c["kind"] == item["kind"] and sorted(s["doc"] for s in c["sides"])
                == sorted(docs)]
        if "sides" in item:
            hits = [c for c in hits if len(c["sides"]) == 2
                    and all(any(_covers(s, f) for s in c["sides"]) for f in item["sides"])]
        assert hits, item["about"]
        assert all(len(c["sides"]) == 2 for c in hits)


@pytest.mark.parametrize("path", PLANTED, ids=lambda p: p.parent.name)
def test_story_evolutions_are_shown_as_such_not_as_contradictions(path, analyses):
    expected = json.loads(path.read_text())
    data = analyses(path)
    for item in expected["evolutions"]:
        def touches(c):
            return all(any(_covers(s, f) for s in c["sides"]) for f in item["sides"])
        assert [c["kind"] for c in data["conflicts"] if touches(c)] == ["evolution"], item["sides"]


@pytest.mark.parametrize("path", PLANTED, ids=lambda p: p.parent.name)
def test_story_unrelated_hedges_are_never_a_conflict(path, analyses):
    expected = json.loads(path.read_text())
    data = analyses(path)
    for conflict in data["conflicts"]:
        for item in expected["must_not_conflict"]:
            assert not any(_covers(s, item["text_contains"]) for s in conflict["sides"]), conflict["summary"]
    # Nothing beyond what was planted: figure conflicts are the figure tables' own business.
    planted = len([c for c in expected["conflicts"] if c["kind"] != "figure" and not c.get("known_miss")]) \
        + len(expected["evolutions"])
    # a known miss now found (whatever kind it is given) is planted too, not something beyond
    found = [item["sides"] for item in expected["conflicts"] if item.get("known_miss") and item.get("sides")]
    beyond = [c for c in data["conflicts"] if c["kind"] != "figure"
              and not any(all(any(_covers(s, f) for s in c["sides"]) for f in sides) for sides in found)]
    assert len(beyond) == planted


@pytest.mark.parametrize("path", [p for p in PLANTED if any(c.get("known_miss") for c in json.loads(p.read_text())["conflicts"])],
                         ids=lambda p: p.parent.name)
@pytest.mark.xfail(reason="planted conflicts the matcher does not find yet: a denial or doubt that shares one "
                          "word with its claim ('talk of a payment' against 'a ransom had been paid'), two bodies' "
                          "figures in one report", strict=False)
def test_story_known_misses_are_still_missed_or_now_found(path, analyses):
    """Planted conflicts the matcher does not find yet (``known_miss``): kept in the story so that a fix shows."""
    expected = json.loads(path.read_text())
    missed = [c for c in expected["conflicts"] if c.get("known_miss")]
    data = analyses(path)
    ids = _ids(data, expected)
    for item in missed:
        if item["kind"] == "figure":
            docs = {ids[f] for f in item["between"]}
            assert any(c["kind"] == "figure" and docs <= {s["doc"] for s in c["sides"]} for c in data["conflicts"])
            continue
        assert any(c["kind"] == item["kind"] and all(any(_covers(s, f) for s in c["sides"]) for f in item["sides"])
                   for c in data["conflicts"]), item["about"]


@pytest.mark.parametrize("path", PLANTED, ids=lambda p: p.parent.name)
def test_story_bottom_line_quotes_a_cited_sentence_and_counts_original_documents(path, analyses):
    data = analyses(path)
    copies = {d["id"] for d in data["documents"] if d.get("duplicate_of")}
    assert data["bottom_line"]
    for line in data["bottom_line"]:
        if line["kind"] != "figure":
            assert line["text"] == line["evidence"][0]["text"]
        assert line["sources"] == len({e["doc"] for e in line["evidence"]} - copies)


@pytest.mark.parametrize("path", PLANTED, ids=lambda p: p.parent.name)
def test_story_figure_conflicts_name_each_body_and_revisions(path, analyses):
    """A planted figure conflict between two reports is found with both reports among its sides: a
    disagreement between bodies or one body's revision; a story that plants none gets none."""
    expected = json.loads(path.read_text())
    data = analyses(path)
    ids = _ids(data, expected)
    planted = [c for c in expected["conflicts"] if c["kind"] == "figure" and not c.get("known_miss")]
    found = [c for c in data["conflicts"] if c["kind"] == "figure"]
    for item in planted:
        docs = {ids[f] for f in item["between"]}
        assert any(docs <= {s["doc"] for s in c["sides"]} for c in found), item["about"]
    assert len(found) == len(planted)
