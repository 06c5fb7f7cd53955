"""Three hand-written crises that unfold over a week (a volcanic eruption with evacuations, a
parliamentary impeachment, a blockade of a ferry port) through the real pipeline, each with the
chronology an analyst would draw planted in it. Besides the dated happenings each story carries what
must stay off the chronology: a date read from a possessive ("Tuesday's vote", "Monday's warning")
on a sentence that tells no act of that day, a date that is part of a name ("the 12 April
Movement"), analysis and opinion, a photo caption, a dateline, history, spans ("since Thursday") and
forecasts. Two acts of different doers on one day stay two entries; one act told by two reports is
one entry citing both."""

from __future__ import annotations


import pytest

pytestmark = pytest.mark.integration

ERUPTION = [
    {"title": "Mount Agung erupts, thousands flee", "published": "2039-05-10", "text": (
        "DENPASAR, May 10 (Island Wire) - Mount Agung erupted on Monday, sending a column of ash eight "
        "kilometres into the sky, Indonesia's volcanology agency said.\n"
        "The agency raised the alert to its highest level on Monday evening.\n"
        "Police ordered 30,000 residents to leave villages within 10 kilometres of the crater on Tuesday.\n"
        "The volcano's 1963 eruption killed more than 1,100 people.\n"
        "Tourism operators say the eruption has come at the worst possible time.\n"
        "Monday's eruption was the largest since 2017, the agency said.\n"
        "The airport in Denpasar will stay closed until Thursday, the transport ministry said.\n"
        "Ash rises from Mount Agung on Monday. (Photo: Island Wire/Made Sutrisna)\n")},
    {"title": "Second eruption buries villages", "published": "2039-05-13", "text": (
        "Mount Agung erupted again on Thursday, burying two villages on its northern slope in ash, the "
        "disaster agency said.\n"
        "Soldiers evacuated 12,000 more people from the northern slope on Wednesday.\n"
        "The volcano first erupted on Monday, forcing the closure of the island's airport.\n"
        "Residents who refused to leave say the evacuation has been chaotic.\n"
        "Critics of Monday's warning say it came too late.\n"
        "The president will visit the evacuation camps on Saturday.\n")},
    {"title": "Bali airport reopens as alert is lowered", "published": "2039-05-16", "text": (
        "Denpasar airport reopened on Sunday after six days, the transport ministry said.\n"
        "The volcanology agency lowered the alert by one level on Saturday.\n"
        "The president visited evacuation camps in Karangasem on Saturday.\n"
        "More than 40,000 people have left their homes since the volcano first erupted.\n"
        "Thursday's eruption was the second in four days.\n"
        "Scientists expect further eruptions in the coming weeks.\n")},
]
ERUPTION_CHRONOLOGY = {("2039-05-09", "erupted"), ("2039-05-09", "raised the alert"),
                       ("2039-05-10", "ordered 30,000 residents"), ("2039-05-11", "evacuated 12,000"),
                       ("2039-05-12", "erupted again"), ("2039-05-14", "lowered the alert"),
                       ("2039-05-14", "visited evacuation camps"), ("2039-05-15", "reopened")}
ERUPTION_SHARED = ("2039-05-09", "erupted")

IMPEACHMENT = [
    {"title": "Paraguay deputies impeach president", "published": "2040-03-07", "text": (
        "ASUNCION, March 7 (River Press) - Paraguay's Chamber of Deputies voted on Tuesday to impeach "
        "President Julio Benitez over a bribery scandal, sending the case to the Senate.\n"
        "Benitez addressed the nation on Tuesday night and called the vote a coup.\n"
        "The Senate removed President Fernando Lugo in 2012 after a trial that lasted two days.\n"
        "Supporters of the president marched in Asuncion on Wednesday against Tuesday's vote.\n"
        "The Senate will open the trial on Thursday.\n"
        "The speed of the process has alarmed constitutional lawyers.\n"
        "Opposition senators appear to have the votes to convict.\n")},
    {"title": "Senate opens Benitez trial", "published": "2040-03-09", "text": (
        "The Senate opened the impeachment trial of President Julio Benitez on Thursday, giving his "
        "lawyers two hours to present his defence.\n"
        "Members of the 12 April Movement, a student group, blocked a main road in Asuncion on Thursday.\n"
        "The Chamber of Deputies impeached Benitez on Tuesday by 61 votes to 18.\n"
        "Tuesday's vote was the first against a sitting president in 28 years.\n"
        "Analysts say the trial is likely to end in his removal.\n")},
    {"title": "Senate removes Benitez", "published": "2040-03-11", "text": (
        "Paraguay's Senate removed President Julio Benitez from office on Saturday, voting 37 to 8 to "
        "convict him of misconduct.\n"
        "Vice-President Carmen Villalba was sworn in as president on Saturday night.\n"
        "Benitez said on Sunday that he would challenge the verdict in the Supreme Court.\n"
        "The new president is expected to name a cabinet by Tuesday.\n"
        "Saturday's verdict has deepened divisions in the ruling party.\n"
        "Senators vote in Asuncion on Saturday. (Photo: River Press/Ana Gimenez)\n")},
]
IMPEACHMENT_CHRONOLOGY = {("2040-03-06", "Chamber of Deputies"), ("2040-03-06", "addressed the nation"),
                          ("2040-03-07", "marched in Asuncion"), ("2040-03-08", "opened the impeachment trial"),
                          ("2040-03-08", "blocked a main road"), ("2040-03-10", "removed President Julio Benitez"),
                          ("2040-03-10", "sworn in"), ("2040-03-11", "challenge the verdict")}
IMPEACHMENT_SHARED = ("2040-03-06", "Chamber of Deputies")

BLOCKADE = [
    {"title": "Trawlers blockade Calais", "published": "2041-06-07", "text": (
        "CALAIS, June 7 (Channel Wire) - French fishing crews blockaded the port of Calais with about 80 "
        "trawlers on Thursday, protesting against cuts to their quotas.\n"
        "The operator Manche Ferries suspended its crossings to Dover on Thursday evening.\n"
        "Crews blocked Calais for a day in 2021 in a dispute over fishing licences.\n"
        "The fisheries minister will meet the crews' leaders on Monday.\n"
        "The blockade has exposed the fragility of cross-Channel trade.\n"
        "Trawlers block the harbour mouth in Calais on Thursday. (Photo: Channel Wire/Luc Martin)\n")},
    {"title": "Fishing crews reject compensation offer", "published": "2041-06-11", "text": (
        "The French government offered on Sunday to compensate crews for lost catches.\n"
        "The crews' leaders rejected the offer at a meeting with the fisheries minister on Monday.\n"
        "Police towed two trawlers away from the harbour mouth on Saturday, the prefecture said.\n"
        "Exporters say Thursday's blockade has cost them 40 million euros.\n"
        "Fishing crews have blockaded Calais since Thursday.\n")},
    {"title": "Calais blockade lifted", "published": "2041-06-13", "text": (
        "The crews lifted the blockade on Wednesday after the government agreed to delay the quota cuts by "
        "a year.\n"
        "Manche Ferries resumed crossings to Dover on Wednesday evening.\n"
        "Fishing crews blockaded the port last Thursday with about 80 trawlers.\n"
        "The agreement shows that street pressure still works in French politics, analysts said.\n"
        "Ministers will present the revised quota plan in September.\n")},
]
BLOCKADE_CHRONOLOGY = {("2041-06-06", "blockaded the port"), ("2041-06-06", "suspended its crossings"),
                       ("2041-06-08", "towed two trawlers"), ("2041-06-09", "offered"),
                       ("2041-06-10", "rejected the offer"), ("2041-06-12", "lifted the blockade"),
                       ("2041-06-12", "resumed crossings")}
BLOCKADE_SHARED = ("2041-06-06", "blockaded the port")

STORIES = {"eruption": (ERUPTION, ERUPTION_CHRONOLOGY, ERUPTION_SHARED),
           "impeachment": (IMPEACHMENT, IMPEACHMENT_CHRONOLOGY, IMPEACHMENT_SHARED),
           "blockade": (BLOCKADE, BLOCKADE_CHRONOLOGY, BLOCKADE_SHARED)}


@pytest.fixture(scope="module")
def analysed(analyse_reports):
    return {name: analyse_reports(name, story[0]) for name, story in STORIES.items()}


@pytest.mark.parametrize("story", sorted(STORIES))
def test_planted_chronology_is_the_timeline(story, analysed, planted_chronology):
    planted_chronology.is_the_timeline(analysed[story]["timeline"], STORIES[story][1])


# "Mount Agung erupted on Monday" and "The volcano first erupted on Monday" share only their verb; the
# second names the doer by what it is: one act, one entry citing both reports.
@pytest.mark.parametrize("story", sorted(STORIES))
def test_each_planted_happening_is_one_entry(story, analysed, planted_chronology):
    planted_chronology.one_entry_each(analysed[story]["timeline"], STORIES[story][1], STORIES[story][2])


@pytest.mark.parametrize("story", sorted(STORIES))
def test_a_possessive_date_dates_no_entry_of_its_day(story, analysed):
    # "Critics of Monday's warning say ...", "Tuesday's vote was the first ...", "Exporters say
    # Thursday's blockade has cost ...": the day names the thing, not when the sentence happened.
    data = analysed[story]
    everything = data["timeline"] + data["forecasts"] + data["background"]
    assert not any("'s warning" in t["text"] or "'s vote was" in t["text"] or "'s blockade has cost" in t["text"]
                   or "'s eruption was" in t["text"] or "'s verdict has" in t["text"] for t in everything)


def test_a_date_in_a_name_dates_nothing(analysed):
    data = analysed["impeachment"]
    everything = data["timeline"] + data["forecasts"] + data["background"]
    assert not any(t["date"][5:7] == "04" for t in everything)


def test_history_and_plans_stay_apart(analysed):
    background = {name: {t["date"][:4] for t in data["background"]} for name, data in analysed.items()}
    assert "2012" in background["impeachment"]
    # "The volcano's 1963 eruption killed ...": history, never on the chronology nor among the forecasts
    # (the year stands before the noun it names, so it may date nothing at all).
    assert not any("1963" in t["text"] for t in analysed["eruption"]["timeline"] + analysed["eruption"]["forecasts"])
    assert "2021" in background["blockade"]
    forecasts = {name: " ".join(t["text"] for t in data["forecasts"]) for name, data in analysed.items()}
    assert "visit the evacuation camps" in forecasts["eruption"]
    assert "open the trial" in forecasts["impeachment"]
    assert "meet the crews' leaders" in forecasts["blockade"]
