"""A hand-written earthquake-response story through the real pipeline: its timeline is a chronology of
happenings, with forecasts and background kept apart and opinions, captions and datelines out."""

from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.integration

REPORTS = [
    {"title": "Quake kills dozens on Ecuador's coast", "published": "2030-09-11", "text": (
        "QUITO, Sept 11 (Andes Wire) - A magnitude 7.1 earthquake struck the coastal province of Manabi on Monday, "
        "killing at least 40 people, the national risk agency said.\n"
        "Rescue teams from Colombia and Peru arrived in Portoviejo on Tuesday.\n"
        "It is shameful that the government cut the disaster budget in March.\n"
        "A similar earthquake in 2016 killed more than 600 people in the same province.\n"
        "President Daniel Rojas will visit the province on Friday.\n"
        "Rescuers search the rubble of a hotel in Manta on Tuesday. (AP Photo/Luis Vera)\n")},
    {"title": "Toll rises as aftershock rattles Manta", "published": "2030-09-12", "text": (
        "Ecuador's risk agency raised the death toll to 58 on Wednesday.\n"
        "On Monday a 7.1 earthquake hit Manabi province, and on Tuesday an aftershock of magnitude 5.8 shook the port of Manta.\n"
        "Aid groups fear the toll could rise further next week.\n")},
    {"title": "Emergency declared in three provinces", "published": "2030-09-10", "text": (
        "The interior minister, Rosa Paredes, has declared a state of emergency in three coastal provinces.\n"
        "Schools in the region stay closed.\n")},
]


@pytest.fixture(scope="module")
def analysis(tmp_path_factory):
    from storyline.api import analyze

    folder = tmp_path_factory.mktemp("quake")
    bulk = folder / "quake.json"
    bulk.write_text(json.dumps(REPORTS), encoding="utf-8")
    data = analyze([bulk], db=folder / "store.duckdb", workers=1).to_dict()
    return data


@pytest.fixture(scope="module")
def timeline(analysis):
    """The chronology followed by the forecasts and the background, as the briefing lists them."""
    return analysis["timeline"] + analysis["forecasts"] + analysis["background"]


def _find(timeline, fragment):
    return [t for t in timeline if fragment in t["text"]]


def test_story_dated_happenings_are_placed_on_their_days(timeline):
    happened = {(t["date"], t["text"][:30]) for t in timeline if t["category"] == "happened"}
    assert ("2030-09-10", "Rescue teams from Colombia and") in happened
    assert ("2030-09-11", "Ecuador's risk agency raised t") in happened
    assert not any(t["date"] == "2030-09-11" and "QUITO" in t["text"] for t in timeline)  # a dateline dates nothing


def test_story_the_quake_told_by_two_reports_is_one_entry_citing_both(timeline):
    [quake] = [t for t in timeline if t["date"] == "2030-09-09"]
    assert quake["category"] == "happened" and len(quake["docs"]) == 2 == len(quake["evidence"])
    assert "earthquake" in quake["text"]


def test_story_two_dated_clauses_of_one_sentence_are_two_happenings(timeline):
    dates = sorted(t["date"] for t in _find(timeline, "aftershock of magnitude 5.8 shook"))
    assert "2030-09-10" in dates  # the aftershock on Tuesday
    assert all(d in {"2030-09-09", "2030-09-10"} for d in dates)


def test_story_a_news_perfect_lede_is_dated_by_its_report(timeline):
    [entry] = _find(timeline, "has declared a state of emergency")
    assert (entry["date"], entry["precision"], entry["undated"], entry["category"]) == (
        "2030-09-10", "report", True, "happened")


def test_story_the_timeline_lists_happenings_only(analysis):
    assert analysis["timeline"] and {t["category"] for t in analysis["timeline"]} == {"happened"}
    assert [t["text"][:22] for t in analysis["forecasts"]] == ["President Daniel Rojas"]
    assert all(t["category"] == "background" for t in analysis["background"])


def test_story_forecasts_and_background_are_kept_apart(timeline):
    [visit] = _find(timeline, "will visit the province")
    assert (visit["date"], visit["category"]) == ("2030-09-13", "forecast")
    [analogy] = _find(timeline, "A similar earthquake in 2016")
    assert (analogy["date"], analogy["category"]) == ("2016", "background")
    categories = [t["category"] for t in timeline]
    assert categories == sorted(categories, key=["happened", "forecast", "background"].index)


def test_story_opinions_captions_and_undated_sentences_stay_out(timeline):
    for fragment in ("It is shameful", "Rescuers search the rubble", "Schools in the region", "next week"):
        assert not _find(timeline, fragment), fragment
