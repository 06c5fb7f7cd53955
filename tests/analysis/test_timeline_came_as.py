"""A happening told only as the moment another "came as" it ("The fires came as the weather office declared a
heat emergency"): dated by the sentence before it, whether that sentence gives its own day or is a lede in the
news perfect dated by its report. Two hand-written crises (wildfires in central Chile, a dock strike in an
Australian port), each also carrying what such a sentence must not place: an ongoing state after "as", and what
"came a day after" something."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.integration

WILDFIRES = [
    {"title": "Fires sweep the hills above Valparaiso", "published": "2042-02-03", "text": (
        "Wildfires have destroyed more than 400 homes in the hills above Valparaiso, forcing thousands of "
        "families to flee.\n"
        "The fires came as the national weather office declared a heat emergency in five central regions.\n"
        "Firefighters from three provinces joined the effort on Sunday, the forestry agency said.\n"
        "Residents say water supplies in the upper districts have run dry.\n"
        "Their complaints came as crews are stretched thin across the coast.\n"
        "The blazes spread quickly through dry eucalyptus plantations.\n")},
    {"title": "Largest blaze contained", "published": "2042-02-05", "text": (
        "Firefighters brought the largest of the blazes near Vina del Mar under control on Wednesday, the "
        "forestry agency said.\n"
        "The announcement came as the cabinet approved an emergency fund to rebuild destroyed homes.\n"
        "The evacuation of the upper districts came a day after the first fires were reported.\n"
        "Officials expect the remaining fires to burn for several more days.\n")},
]

DOCK_STRIKE = [
    {"title": "Melbourne dock workers walk out", "published": "2043-09-17", "text": (
        "Dock workers at the port of Melbourne walked off the job on Tuesday in a dispute over rosters, the "
        "maritime union said.\n"
        "The walkout came as the competition regulator fined two terminal operators for overcharging "
        "shipping lines.\n"
        "More than 40 container ships were waiting offshore by Wednesday evening, the port authority said.\n"
        "The union's demands came as negotiations are continuing behind closed doors.\n"
        "Farmers say the dispute threatens the citrus export season.\n")},
]


@pytest.fixture(scope="module")
def analysed(analyse_reports):
    return {"wildfires": analyse_reports("came-as-wildfires", WILDFIRES),
            "dock": analyse_reports("came-as-dock", DOCK_STRIKE)}


def test_came_as_a_past_act_takes_the_day_of_the_sentence_before(analysed, planted_chronology):
    entries_telling = planted_chronology.telling
    # After a lede in the news perfect: the report's day. After a dated sentence: that sentence's day.
    assert entries_telling(analysed["wildfires"]["timeline"], "2042-02-03", "declared a heat emergency")
    assert entries_telling(analysed["wildfires"]["timeline"], "2042-02-05", "approved an emergency fund")
    assert entries_telling(analysed["dock"]["timeline"], "2043-09-15", "fined two terminal operators")


def test_came_as_a_state_or_came_after_places_nothing(analysed):
    everything = [t for data in analysed.values() for part in ("timeline", "forecasts", "background")
                  for t in data[part]]
    assert not any("stretched thin" in t["text"] or "negotiations are continuing" in t["text"]
                   or "came a day after" in t["text"] for t in everything)
