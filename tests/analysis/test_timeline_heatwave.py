"""A hand-written heatwave told over a week in three reports of kinds the other stories lack: a live
morning memo, a press-agency report with a dateline, and an official's weekly video address in the
first person. Days are written relative to each report. The memo gives one day's deaths and the running
toll in one sentence (two measures, never one table); a doctors' body gives another toll the same day
(a disagreement naming each body); the health department's later toll revises its own (evolving), and
as a count over the stretch "since the heatwave began" it is no happening of its day. The
agency report recalls a day and month with no year on a past verb ("on August 20" in a June report) and
"last November 24", which lie before the report, never after it. Off the chronology: the dateline, the
photo caption, the forecast, the history and the opinions."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.integration

HEATWAVE = [
    {"filename": "20440614T070000Z_PK_en_memo.txt", "content": (
        "Good morning from Hyderabad. It was another scorching weekend across Sindh, Pakistan's southern province, and the worst may be yet "
        "to come.\n\n"
        "Last night, the provincial government announced that schools would stay closed until further notice.\n\n"
        "The health department said on Monday that 38 people had died of heatstroke in the past day, bringing "
        "the province's toll to 412.\n\n"
        "The Sindh Doctors' Association said on Monday that at least 520 people had died of heatstroke in the "
        "province.\n\n"
        "Forecasters expect temperatures to reach 49C on Thursday.\n\n"
        "Residents queue for water in Hyderabad on Monday. (Photo: Morning Memo/Bilal Shah)\n\n"
        "We'll be back with another memo tomorrow.\n")},
    {"filename": "20440616T120000Z_PK_en_agency.txt", "content": (
        "KARACHI, June 16 (Indus Press) - The health department said on Thursday that 463 people had died of "
        "heatstroke in Sindh since the heatwave began.\n\n"
        "The water board cut supplies to two districts of Karachi on August 20 after a canal breach, and "
        "residents say the pipes have never fully recovered.\n\n"
        "Filings dated last November 24 show that the power company warned of shortages in the summer.\n\n"
        "In 1998, a heatwave killed hundreds of people in the province.\n\n"
        "Critics say the province has done far too little to prepare its cities for the heat.\n")},
    {"filename": "20440619T150000Z_PK_en_address.txt", "content": (
        "Dear fellow citizens, this was a hard week for Sindh.\n\n"
        "On Tuesday, I met the families of the victims in Hyderabad.\n\n"
        "On Friday, the first of our forty cooling centres opened in Karachi.\n\n"
        "I believe we will come through this summer together, as we always have.\n\n"
        "Thank you, and stay in the shade.\n")},
]
CHRONOLOGY = {
    ("2044-06-13", "announced that schools"), ("2044-06-13", "38 people"), ("2044-06-13", "520 people"),
    ("2044-06-14", "met the families"), ("2044-06-17", "cooling centres opened"),
}


@pytest.fixture(scope="module")
def analysed(analyse_reports):
    return analyse_reports("heatwave", HEATWAVE)


def test_planted_chronology_is_the_timeline(analysed, planted_chronology):
    planted_chronology.is_the_timeline(analysed["timeline"], CHRONOLOGY)


def test_a_day_and_month_on_a_past_verb_and_last_november_lie_before_the_report(analysed):
    # Nearest to 16 June 2044, "August 20" and "November 24" would be later that year: forecasts.
    assert {t["date"] for t in analysed["background"]} == {"1998", "2043-08-20", "2043-11-24"}
    assert [t["date"] for t in analysed["forecasts"]] == ["2044-06-16"]


def test_dateline_caption_opinion_and_forecast_stay_off_the_chronology(analysed):
    assert not any("Photo" in t["text"] or "49C" in t["text"] or "far too little" in t["text"]
                   or "I believe" in t["text"] for t in analysed["timeline"])


def test_one_days_deaths_and_the_running_toll_are_two_measures(analysed):
    tables = {t["measure"]: t for t in analysed["figure_tables"] if t["counts"] == "killed"}
    [daily] = [t for name, t in tables.items() if name.endswith("one day")]
    assert [r["value"] for r in daily["rows"]] == [38.0]
    [total] = [t for name, t in tables.items() if not name.endswith("one day")]
    relations = {(r["value"], r["source"]): r["relation"] for r in total["rows"]}
    assert 38.0 not in {v for v, _ in relations}
    assert relations[(412.0, "The health department")] == relations[(520.0, "Sindh Doctors' Association")] == "contradiction"
    assert relations[(463.0, "The health department")] == "evolving"
    [conflict] = [c for c in analysed["conflicts"] if c["kind"] == "figure"]
    assert "health department" in conflict["summary"] and "Sindh Doctors' Association" in conflict["summary"]
