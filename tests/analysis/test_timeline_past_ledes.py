"""A report's lede telling in the simple past, with no day, what its subject did ("The health minister declared a
cholera outbreak ...", "The World Health Organization announced that ...") is the news of the report's day, like
a lede in the news perfect. So is a lede in the present progressive of a visit or an appeal
("The foreign minister is visiting ...", "The Red Crescent is calling on donors ..."). Hand-written crises (a
cholera outbreak in Malawi, a rail strike in Argentina, floods in Bangladesh), each also carrying ledes that place
nothing: the mind ("Aid workers feared ..."), a passive ("The terminal was closed ..."), an opening clause ("As the
strike continues, ..."), a stretch of doing ("is bracing for more rain")."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.integration

CHOLERA = [
    {"title": "Cholera outbreak declared", "published": "2044-03-09", "text": (
        "Malawi's Health Minister Khumbize Chiponda declared a cholera outbreak in three southern districts "
        "after 40 deaths were recorded.\n"
        "Doctors at the district hospital in Nsanje treated more than 300 patients on Tuesday, the ministry "
        "said.\n"
        "Health workers say clean water is scarce in the camps.\n")},
    {"title": "WHO to send vaccines", "published": "2044-03-10", "text": (
        "The World Health Organization announced that it would send 500,000 doses of oral vaccine to Malawi "
        "within days.\n"
        "Cholera spreads through water contaminated by sewage.\n")},
    {"title": "Fears for the capital", "published": "2044-03-10", "text": (
        "Aid workers feared the outbreak could reach the capital, Lilongwe, before the end of the rains.\n"
        "The disease is treatable with oral rehydration salts.\n")},
]

RAIL_STRIKE = [
    {"title": "Rail unions halt trains", "published": "2045-11-21", "text": (
        "The train drivers' union La Fraternidad halted all commuter trains in Buenos Aires in a dispute over "
        "wages.\n"
        "Millions of commuters crowded onto buses on Monday, the transport secretariat said.\n")},
    {"title": "Stations shut", "published": "2045-11-22", "text": (
        "The main terminal at Retiro was closed to the public as pickets blocked its gates.\n"
        "Union leaders say the strike will go on until the government raises its offer.\n")},
    {"title": "Commuters wait", "published": "2045-11-22", "text": (
        "As the strike continues, commuters in the suburbs wait hours for a seat on the few buses running.\n"
        "Taxi fares have doubled since the trains stopped.\n")},
]

FLOODS = [
    {"title": "Minister tours flooded north-east", "published": "2046-08-14", "text": (
        "Bangladesh's Foreign Minister Rina Haque is visiting flood-hit Sylhet on the second day of a tour of the "
        "north-east.\n"
        "Rivers in the region burst their banks on Sunday after a week of monsoon rain, the water board said.\n")},
    {"title": "Appeal for shelters", "published": "2046-08-15", "text": (
        "The Bangladesh Red Crescent Society is calling on donors to fund emergency shelters for 200,000 displaced "
        "people.\n"
        "Many families have lost their harvest as well as their homes.\n")},
    {"title": "More rain forecast", "published": "2046-08-15", "text": (
        "Sylhet is bracing for more rain as the rivers keep rising.\n"
        "Forecasters expect the monsoon to weaken next week.\n")},
]

TYPHOON = [
    {"title": "Senator attacks typhoon response", "published": "2047-10-18", "text": (
        "Senator Ana Ruiz said the national disaster agency had abandoned the coastal towns hit by Typhoon "
        "Lando.\n"
        "Ruiz spoke to reporters in Tacloban on Tuesday after touring two evacuation centres.\n"
        "The storm destroyed more than 9,000 homes across the Eastern Visayas.\n")},
]


@pytest.fixture(scope="module")
def analysed(analyse_reports):
    return {"cholera": analyse_reports("past-ledes-cholera", CHOLERA),
            "rail": analyse_reports("past-ledes-rail", RAIL_STRIKE),
            "floods": analyse_reports("progressive-ledes-floods", FLOODS),
            "typhoon": analyse_reports("past-ledes-typhoon", TYPHOON)}


def test_a_lede_in_the_simple_past_is_the_news_of_its_report_day(analysed, planted_chronology):
    telling = planted_chronology.telling
    assert telling(analysed["cholera"]["timeline"], "2044-03-09", "declared a cholera outbreak")
    assert telling(analysed["cholera"]["timeline"], "2044-03-10", "announced that it would send")
    assert telling(analysed["rail"]["timeline"], "2045-11-21", "halted all commuter trains")
    # The day a sentence names still dates it.
    assert telling(analysed["cholera"]["timeline"], "2044-03-08", "treated more than 300 patients")


def test_a_lede_in_the_simple_past_of_a_speech_told_further_down_takes_its_day(analysed, planted_chronology):
    # "Senator X said ..." with no day, and "X spoke to reporters on Tuesday" further down: one speech, on Tuesday.
    timeline = analysed["typhoon"]["timeline"]
    assert not [t for t in timeline if t["date"] == "2047-10-18"]
    entry = [t for t in timeline if t["date"] == "2047-10-15"]
    assert len(entry) == 1 and "Ana Ruiz said" in entry[0]["text"]


def test_a_lede_in_the_present_progressive_of_a_visit_or_an_appeal_is_the_news_of_its_day(analysed,
                                                                                        planted_chronology):
    telling = planted_chronology.telling
    assert telling(analysed["floods"]["timeline"], "2046-08-14", "is visiting flood-hit Sylhet")
    assert telling(analysed["floods"]["timeline"], "2046-08-15", "is calling on donors")


def test_a_lede_of_the_mind_a_passive_an_opening_clause_or_a_stretch_places_nothing(analysed):
    everything = [t for data in analysed.values() for part in ("timeline", "forecasts", "background")
                  for t in data[part]]
    assert not any("feared the outbreak" in t["text"] or "was closed to the public" in t["text"]
                   or "wait hours for a seat" in t["text"] or "bracing for more rain" in t["text"]
                   for t in everything)
