"""Three more hand-written crises (a military coup, an earthquake, a rice export ban) through the real
pipeline, each with the chronology an analyst would draw planted in it. Besides the dated happenings,
each story carries what must stay off the chronology: a historical analogy, analysis and opinion (some
of it in the news perfect, which reads like the news of the report's day), a photo caption, a
dateline, forecasts and bounded dates. One report states its publication date only in a
"Published:" line, and a date after a noun ("a ban on rice exports from 1 March") names when the
thing named starts, not when the sentence's verb happened."""

from __future__ import annotations


import pytest

pytestmark = pytest.mark.integration

COUP = [
    {"title": "Soldiers seize power in Guinea-Bissau", "published": "2036-09-10", "text": (
        "BISSAU, Sept 10 (Coast Wire) - Soldiers seized the presidential palace in Bissau on Monday and detained "
        "President Armando Vieira, the army said in a broadcast.\n"
        "Coups in the region have often followed disputed elections, as in Mali in 2020.\n"
        "The junta closed the country's land borders on Tuesday.\n"
        "The African Union suspended Guinea-Bissau's membership on Tuesday.\n"
        "Analysts say the coup could embolden soldiers elsewhere in West Africa.\n"
        "Regional leaders will hold an emergency summit in Abuja on Friday.\n"
        "Soldiers patrol a street in Bissau on Tuesday. (Photo: Coast Wire/Joao Mendes)\n")},
    {"title": "Bissau crowds back the junta", "published": "2036-09-11", "text": (
        "The coup in Guinea-Bissau has exposed the weakness of the region's defences against military rule.\n"
        "Thousands of people marched in Bissau on Wednesday in support of the junta.\n"
        "Soldiers seized the palace on Monday after the president tried to dismiss the army chief.\n"
        "The junta released the former prime minister on Wednesday, his family said.\n"
        "Fuel prices doubled in 2035, fuelling anger at the government.\n"
        "Diplomats expect sanctions by the end of the month.\n")},
]
COUP_CHRONOLOGY = {("2036-09-08", "seized"), ("2036-09-09", "closed the country's land borders"),
                   ("2036-09-09", "suspended Guinea-Bissau's membership"), ("2036-09-10", "marched in Bissau"),
                   ("2036-09-10", "released the former prime minister")}

QUAKE = [
    {"title": "Earthquake kills dozens in southern Peru", "text": (
        "Published: 3 February 2037\n"
        "A magnitude 7.1 earthquake struck southern Peru on Monday, killing at least 48 people in the Arequipa "
        "region, the civil defence institute said.\n"
        "The 2001 earthquake in the same region killed 145 people.\n"
        "Rescue teams pulled 12 survivors from a collapsed hotel in Camana on Tuesday.\n"
        "The government declared a state of emergency in four provinces on Tuesday.\n"
        "Officials fear the toll could reach 100 by Friday.\n"
        "Critics have accused the government of ignoring building codes for years.\n"
        "A woman sits amid rubble in Camana on Tuesday. (Photo: Andes Press/Luis Quispe)\n")},
    {"title": "Peru quake toll rises to 63", "published": "2037-02-04", "text": (
        "AREQUIPA, Feb 4 (Andes Press) - The death toll from the earthquake rose to 63 on Wednesday, the health "
        "ministry said.\n"
        "The earthquake struck southern Peru at 10:14 on Monday, 40 kilometres off the coast.\n"
        "Chile sent a team of 80 rescuers to Arequipa on Wednesday.\n"
        "The quake has raised fresh doubts about the country's readiness.\n"
        "Schools in the region will stay closed until 15 February.\n")},
]
QUAKE_CHRONOLOGY = {("2037-02-02", "struck southern Peru"), ("2037-02-03", "pulled 12 survivors"),
                    ("2037-02-03", "declared a state of emergency"), ("2037-02-04", "rose to 63"),
                    ("2037-02-04", "sent a team of 80")}

RICE = [
    {"title": "Vietnam to halt rice exports", "published": "2038-01-13", "text": (
        "HANOI, Jan 13 (Mekong Wire) - Vietnam announced on Tuesday a ban on rice exports from 1 March, sending "
        "prices in Asian markets to a ten-year high.\n"
        "Rice futures in Bangkok jumped 9 percent on Wednesday.\n"
        "The Philippines, the largest buyer, summoned Vietnam's ambassador on Wednesday.\n"
        "A similar ban in 2008 caused shortages across the region.\n"
        "Traders say the ban will hurt farmers more than consumers.\n"
        "Workers load rice at a port in Ho Chi Minh City on Tuesday. (Photo: Mekong Wire/Tran Minh)\n")},
    {"title": "Manila takes rice ban to the WTO", "published": "2038-01-15", "text": (
        "Vietnam's decision to halt rice exports has rattled importers across Asia.\n"
        "The Philippines filed a complaint with the World Trade Organization on Thursday over the ban from "
        "1 March.\n"
        "Vietnam announced the ban on Tuesday after a drought cut the winter crop.\n"
        "Ministers from the region will meet in Manila on 2 February.\n"
        "Prices are likely to rise further, analysts said.\n")},
]
RICE_CHRONOLOGY = {("2038-01-12", "announced"), ("2038-01-13", "jumped 9 percent"),
                   ("2038-01-13", "summoned Vietnam's ambassador"), ("2038-01-14", "filed a complaint")}

STORIES = {"coup": (COUP, COUP_CHRONOLOGY), "quake": (QUAKE, QUAKE_CHRONOLOGY), "rice": (RICE, RICE_CHRONOLOGY)}
SHARED = {"coup": ("2036-09-08", "seized"), "quake": ("2037-02-02", "struck southern Peru"),
          "rice": ("2038-01-12", "announced")}


@pytest.fixture(scope="module")
def analysed(analyse_reports):
    return {name: analyse_reports(name, story[0]) for name, story in STORIES.items()}


@pytest.mark.parametrize("story", sorted(STORIES))
def test_planted_chronology_is_the_timeline(story, analysed, planted_chronology):
    planted_chronology.is_the_timeline(analysed[story]["timeline"], STORIES[story][1])


@pytest.mark.parametrize("story", sorted(STORIES))
def test_each_planted_happening_is_one_entry(story, analysed, planted_chronology):
    planted_chronology.one_entry_each(analysed[story]["timeline"], STORIES[story][1], SHARED[story])


def test_a_published_line_dates_its_report(analysed):
    dates = sorted(str(d.get("published"))[:10] for d in analysed["quake"]["documents"])
    assert dates == ["2037-02-03", "2037-02-04"]


def test_a_date_after_a_noun_names_when_the_thing_starts(analysed):
    data = analysed["rice"]
    everything = data["timeline"] + data["forecasts"] + data["background"]
    # "a ban on rice exports from 1 March", told in January: the coming March, never the last one,
    # and no happening of that day.
    assert not any(t["date"].startswith("2037-03") for t in everything)
    assert not any(t["date"].startswith("2038-03") for t in data["timeline"])
