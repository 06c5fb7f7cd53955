"""A report's lede in the simple past, with no day, that joins a second named doer's past act to its own ("Spain
sent firefighters to the Algarve, and France dispatched water bombers") is a roundup of how things stand, not the
news of the report's day: it places nothing. A lede of one doer still takes its report's day, and so does one whose
second clause only tells of the act ("..., and the interior ministry said more evacuations were likely") or whose
second subject is no name ("..., and the king visited the injured"). Two hand-written crises: wildfires in southern
Portugal and an earthquake in Morocco's High Atlas."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.integration

WILDFIRES = [
    {"title": "Help for the fire zone", "published": "2053-08-12", "text": (
        "Spain sent 200 firefighters to the Algarve, and France dispatched four water bombers to the coast near "
        "Faro.\n"
        "Portugal's civil protection chief said the largest blaze was still out of control.\n"
        "Residents of Monchique were evacuated on Tuesday as the flames approached the town.\n")},
    {"title": "Portugal declares calamity", "published": "2053-08-13", "text": (
        "The Portuguese government declared a state of calamity in the south, and the interior ministry said more "
        "evacuations were likely.\n"
        "Firefighters fought through the night near Silves.\n")},
]

EARTHQUAKE = [
    {"title": "Aid reaches the Atlas", "published": "2053-09-10", "text": (
        "Qatar flew a field hospital to Marrakesh, while Tunisia sent three search teams to the mountain "
        "villages.\n"
        "Rescuers pulled two children from the rubble in Amizmiz on Saturday, the interior ministry said.\n")},
    {"title": "Morocco accepts help", "published": "2053-09-11", "text": (
        "Morocco accepted offers of help from four countries, and the king visited the injured in Marrakesh.\n"
        "Villagers in the mountains say aid has been slow to arrive.\n")},
]


@pytest.fixture(scope="module")
def analysed(analyse_reports):
    return {"fires": analyse_reports("roundup-ledes-fires", WILDFIRES),
            "quake": analyse_reports("roundup-ledes-quake", EARTHQUAKE)}


def _everything(data: dict) -> list[dict]:
    return [t for part in ("timeline", "forecasts", "background") for t in data[part]]


def test_a_lede_joining_a_second_doers_act_places_nothing(analysed):
    assert not any("water bombers" in t["text"] for t in _everything(analysed["fires"]))
    assert not any("field hospital" in t["text"] for t in _everything(analysed["quake"]))


def test_a_lede_of_one_doer_or_one_act_told_keeps_its_report_day(analysed, planted_chronology):
    telling = planted_chronology.telling
    calamity = telling(analysed["fires"]["timeline"], "2053-08-13", "declared a state of calamity")
    assert calamity and calamity[0]["undated"]
    accepted = telling(analysed["quake"]["timeline"], "2053-09-11", "accepted offers of help")
    assert accepted and accepted[0]["undated"]
