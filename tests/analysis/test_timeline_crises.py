"""Three more hand-written crises (a river flood, a disputed election, a trade dispute) through the real
pipeline, each with the chronology an analyst would draw planted in it. Each story tells one happening
in two reports (one entry citing both), recalls history ("since ... in 2019", "last year", "in November"),
names what is expected ahead, and carries a dateline or a photo caption: only the planted happenings
are the chronology, each on its day."""

from __future__ import annotations


import pytest

pytestmark = pytest.mark.integration

FLOOD = [
    {"title": "Surma floods hundreds of villages", "published": "2033-07-18", "text": (
        "SYLHET, July 18 (Delta Wire) - The Surma river burst its banks on Saturday, flooding more than 300 "
        "villages in north-eastern Bangladesh, the disaster ministry said.\n"
        "The army evacuated 40,000 people from low-lying parts of Sunamganj on Sunday.\n"
        "Floods in the same region last year killed more than 100 people.\n"
        "Since the monsoon rains began in June, at least 62 people have died.\n"
        "Forecasters said the river would peak again on Thursday.\n"
        "Aid groups say the embankments have been neglected for decades.\n"
        "A boy wades through a flooded street in Sylhet on Sunday. (Photo: Delta Wire/Karim Ahmed)\n")},
    {"title": "Flood toll rises to 74", "published": "2033-07-19", "text": (
        "Bangladesh's disaster ministry said on Tuesday that the death toll from the floods had risen to 74.\n"
        "The Surma burst its banks on Saturday after a week of heavy rain, submerging hundreds of villages.\n"
        "The prime minister visited relief camps in Sunamganj on Monday.\n"
        "The government will release emergency funds next week.\n"
        "Critics say the warning system failed.\n")},
]
FLOOD_CHRONOLOGY = {("2033-07-16", "burst its banks"), ("2033-07-17", "evacuated 40,000 people"),
                    ("2033-07-18", "visited relief camps"), ("2033-07-19", "had risen to 74")}
FLOOD_SHARED = ("2033-07-16", "burst its banks")

ELECTION = [
    {"title": "Commission declares Banda winner; opposition cries foul", "published": "2034-02-14", "text": (
        "The Malawi Electoral Commission declared President Peter Banda the winner of the presidential "
        "election on Monday, giving him 51.2 percent of the vote.\n"
        "Opposition leader Grace Mwale rejected the result on Monday evening and called for a recount.\n"
        "Police arrested 35 opposition supporters in Lilongwe on Sunday, a police spokesman said.\n"
        "Since the ruling party came to power in 2019, it has won every by-election.\n"
        "The High Court is due to hear the opposition's petition on 20 February.\n"
        "Many voters believe the count was rigged.\n")},
    {"title": "Thousands march in Blantyre over vote", "published": "2034-02-16", "text": (
        "Thousands of opposition supporters marched in Blantyre on Wednesday to demand a recount.\n"
        "The electoral commission declared Banda the winner on Monday after a week of counting.\n"
        "The opposition filed its petition with the High Court on Tuesday, its lawyers said.\n"
        "Western observers will present their final report in March.\n")},
]
ELECTION_CHRONOLOGY = {("2034-02-13", "declared"), ("2034-02-13", "rejected the result"),
                       ("2034-02-12", "arrested 35"), ("2034-02-15", "marched in Blantyre"),
                       ("2034-02-14", "filed its petition")}
ELECTION_SHARED = ("2034-02-13", "declared")

TARIFF = [
    {"title": "Canada slaps tariff on Brazilian steel", "published": "2030-01-08", "text": (
        "OTTAWA, Jan 8 (Maple Press) - Canada imposed a 25 percent tariff on Brazilian steel on Monday, "
        "escalating a dispute that began last year.\n"
        "Brazil's trade minister summoned the Canadian ambassador on Tuesday, the ministry said in a statement.\n"
        "Brazil banned imports of Canadian pork in November, citing health rules.\n"
        "The two countries signed a trade framework in 2026.\n"
        "Trade officials from both sides will meet in Geneva on 15 January.\n"
        "Canadian exporters fear the dispute could cost them billions.\n")},
    {"title": "Brazil takes steel tariff to WTO", "published": "2030-01-09", "text": (
        "Brazil filed a complaint against Canada's steel tariff at the World Trade Organization on Wednesday.\n"
        "Canada imposed the tariff on Monday after talks broke down in October.\n"
        "Shares in Brazilian steelmakers fell 4 percent on Tuesday.\n"
        "A WTO panel is expected to be formed by March.\n")},
]
TARIFF_CHRONOLOGY = {("2030-01-07", "imposed"), ("2030-01-08", "summoned the Canadian ambassador"),
                     ("2030-01-09", "filed a complaint"), ("2030-01-08", "fell 4 percent")}
TARIFF_SHARED = ("2030-01-07", "imposed")

STORIES = {"flood": (FLOOD, FLOOD_CHRONOLOGY, FLOOD_SHARED), "election": (ELECTION, ELECTION_CHRONOLOGY, ELECTION_SHARED),
           "tariff": (TARIFF, TARIFF_CHRONOLOGY, TARIFF_SHARED)}


@pytest.fixture(scope="module")
def analysed(analyse_reports):
    return {name: analyse_reports(name, story[0]) for name, story in STORIES.items()}


@pytest.mark.parametrize("story", [
"flood", "tariff", "election"])
def test_planted_chronology_is_the_timeline(story, analysed, planted_chronology):
    planted_chronology.is_the_timeline(analysed[story]["timeline"], STORIES[story][1])


@pytest.mark.parametrize("story", sorted(STORIES))
def test_one_happening_told_by_two_reports_is_one_entry_citing_both(story, analysed):
    day, words = STORIES[story][2]
    entries = [t for t in analysed[story]["timeline"] if t["date"] == day and words in t["text"]
               and "rejected" not in t["text"]]
    assert len(entries) == 1
    assert len(entries[0]["docs"]) == 2


def test_recalled_history_is_background_on_its_own_year(analysed):
    background = {name: {t["date"][:7] for t in data["background"]} for name, data in analysed.items()}
    assert "2032" in background["flood"]          # "last year" against a report of 2033
    # "since ... came to power in 2019" opens a span: neither a happening nor a forecast
    assert not any(t["date"].startswith("2019") for t in analysed["election"]["timeline"] + analysed["election"]["forecasts"])
    assert {"2029-11", "2026"} <= background["tariff"]   # "in November" of a January report is last year's
    forecasts = {name: [t["text"] for t in data["forecasts"]] for name, data in analysed.items()}
    assert any("peak again" in t for t in forecasts["flood"])
    assert any("petition on 20 February" in t for t in forecasts["election"])
    assert any("meet in Geneva" in t for t in forecasts["tariff"])
