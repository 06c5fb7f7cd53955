"""A hand-written hurricane told over two weeks in four reports: landfall, floods, aid, repairs and a
memorial, every day written relative to its report ("on Monday", "late on Monday", "on Saturday"), so
that one weekday names three different days across the reports. The chronology an analyst would draw
is planted in it, beside what must stay off it: a dateline, a photo caption, history, opinion, a
possessive date ("Monday's tour"), forecasts and a stretch of time ("remain in shelters"). The
reports also carry death tolls from two bodies on one day (a disagreement naming each) and the
emergency agency's later tolls (its own revisions: evolving, no conflict)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.integration

HURRICANE = [
    {"filename": "20410903T180000Z_BZ_en_landfall.txt", "content": (
        "BELIZE CITY, Sept 3 (Coastal Wire) - Hurricane Marisol made landfall near Dangriga on Monday night as a "
        "Category 4 storm, the National Meteorological Service said.\n\n"
        "The government ordered the evacuation of Placencia and Hopkins on Sunday.\n\n"
        "Prime Minister Elena Castillo declared a state of emergency on Monday afternoon.\n\n"
        "The National Emergency Management Organisation said on Tuesday that nine people had died in the storm.\n\n"
        "The Belize Red Cross said on Tuesday that 15 people had died in the storm.\n\n"
        "Hurricane Hattie destroyed much of Belize City in 1961.\n\n"
        "Forecasters say the storm could bring flooding to Guatemala on Wednesday.\n\n"
        "Farmers fear the damage to the banana plantations will take years to repair.\n\n"
        "Waves batter the seafront in Dangriga on Monday. (Photo: Coastal Wire/Luis Cal)\n")},
    {"filename": "20410906T120000Z_MX_en_floods.txt", "content": (
        "Marisol weakened to a tropical storm over Guatemala on Wednesday after dumping heavy rain on southern "
        "Belize.\n\n"
        "The hurricane made landfall near Dangriga late on Monday, the meteorological service said.\n\n"
        "The Belize River burst its banks near Belmopan on Thursday, flooding 40 homes.\n\n"
        "The National Emergency Management Organisation raised the death toll to 14 on Thursday.\n\n"
        "Mexico sent two navy ships with water and generators to Belize City on Wednesday.\n\n"
        "Aid groups say the relief effort has been too slow.\n\n"
        "Schools will stay closed until the end of next week, the education ministry said.\n")},
    {"filename": "20410910T090000Z_BZ_en_repairs.txt", "content": (
        "Power was restored to most of Belize City on Sunday, the electricity company said.\n\n"
        "Castillo toured flooded villages in the Toledo district on Monday and promised grants to farmers.\n\n"
        "The National Emergency Management Organisation raised the death toll to 17 on Saturday.\n\n"
        "The Caribbean Development Bank approved an emergency loan of $30 million on Friday.\n\n"
        "Critics of Monday's tour say the grants are too small.\n\n"
        "The government will hold a memorial service in Dangriga on Saturday.\n")},
    {"filename": "20410916T150000Z_GT_en_memorial.txt", "content": (
        "Hundreds of people gathered in Dangriga on Saturday for a memorial service for the victims of Hurricane "
        "Marisol.\n\n"
        "Schools in the Stann Creek district reopened on Monday.\n\n"
        "Police arrested three men for looting shops in Hopkins on Thursday.\n\n"
        "More than 3,000 people remain in shelters, the emergency organisation said.\n\n"
        "Economists say the storm has set the country's growth back by a year.\n")},
]
CHRONOLOGY = {
    ("2041-09-01", "ordered the evacuation"), ("2041-09-02", "made landfall"),
    ("2041-09-02", "declared a state of emergency"), ("2041-09-03", "nine people had died"),
    ("2041-09-03", "15 people had died"), ("2041-09-04", "weakened to a tropical storm"),
    ("2041-09-04", "sent two navy ships"), ("2041-09-05", "burst its banks"), ("2041-09-05", "toll to 14"),
    ("2041-09-06", "approved an emergency loan"), ("2041-09-07", "toll to 17"), ("2041-09-08", "Power was restored"),
    ("2041-09-09", "toured flooded villages"), ("2041-09-12", "arrested three men"),
    ("2041-09-14", "gathered in Dangriga"), ("2041-09-16", "Schools in the Stann Creek district reopened"),
}
SHARED = ("2041-09-02", "made landfall")


@pytest.fixture(scope="module")
def analysed(analyse_reports):
    return analyse_reports("hurricane", HURRICANE)


def test_planted_chronology_is_the_timeline(analysed, planted_chronology):
    # "on Monday" is 2 September in the first two reports, 9 September in the third and the report's
    # own day in the fourth; "on Saturday" is 7 September in the third and 14 September in the fourth.
    planted_chronology.is_the_timeline(analysed["timeline"], CHRONOLOGY)


def test_each_planted_happening_is_one_entry(analysed, planted_chronology):
    # The landfall, named in one report ("Hurricane Marisol made landfall") and described in another
    # ("The hurricane made landfall"), is one entry citing both.
    planted_chronology.one_entry_each(analysed["timeline"], CHRONOLOGY, SHARED)


def test_two_bodies_speaking_on_one_day_are_two_entries(analysed):
    # Both tolls are told "said on Tuesday that ... people had died in the storm": alike words, two sources.
    tolls = [t for t in analysed["timeline"] if t["date"] == "2041-09-03"]
    assert len(tolls) == 2 and {"nine people" in t["text"] for t in tolls} == {True, False}


def test_history_and_plans_stay_apart(analysed):
    assert [t["date"] for t in analysed["background"]] == ["1961"]
    assert [(t["date"], "memorial service" in t["text"]) for t in analysed["forecasts"]] == [("2041-09-14", True)]
    everything = analysed["timeline"] + analysed["forecasts"] + analysed["background"]
    assert not any("Photo" in t["text"] or "'s tour" in t["text"] or "shelters" in t["text"] for t in everything)


def test_concurrent_tolls_of_two_bodies_are_a_disagreement_and_a_revision_is_evolving(analysed):
    [table] = [t for t in analysed["figure_tables"] if t["counts"] == "killed"]
    relations = {(r["value"], r["source"]): r["relation"] for r in table["rows"]}
    assert table["assessment"] == "contradiction"
    assert relations[(9.0, "National Emergency Management Organisation")] == "contradiction"
    assert relations[(14.0, "National Emergency Management Organisation")] == "evolving"
    assert relations[(17.0, "National Emergency Management Organisation")] == "evolving"
    [conflict] = [c for c in analysed["conflicts"] if c["kind"] == "figure"]
    assert "National Emergency Management Organisation" in conflict["summary"] and "Red Cross" in conflict["summary"]
