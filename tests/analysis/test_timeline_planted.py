"""Two hand-written crises (a general strike, a contested recount) through the real pipeline, each
with the chronology an analyst would draw planted in it: every planted happening is on the timeline
on its day, and nothing else is (forecasts, history, bounded dates, habits and counts stay off)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.integration

STRIKE = [
    {"title": "Unions shut down Lagos as fuel talks collapse", "published": "2031-05-14", "text": (
        "LAGOS, May 14 (Gulf Wire) - Nigeria's two largest labour unions began a general strike on Tuesday "
        "after talks with the government over fuel prices collapsed.\n"
        "The labour minister, Musa Danjuma, walked out of the negotiations on Monday evening.\n"
        "Police detained 1260 protesters in Lagos and Kano, the national police said.\n"
        "The unions had warned the government prior to 2 May that they would strike.\n"
        "A similar strike in 2012 shut down the country for a week.\n"
        "The unions will meet the president on Friday.\n")},
    {"title": "Ports idle on second day of strike", "published": "2031-05-15", "text": (
        "Dock workers at Apapa port joined the strike on Wednesday, leaving dozens of ships waiting offshore.\n"
        "The central bank raised its April inflation estimate for the country.\n"
        "Ministers have long blamed the unions for the fuel shortages.\n")},
]
STRIKE_CHRONOLOGY = {("2031-05-12", "walked out of the negotiations"), ("2031-05-13", "began a general strike"),
                     ("2031-05-14", "joined the strike")}

RECOUNT = [
    {"title": "Court orders partial recount in Zambezia", "published": "2029-11-09", "text": (
        "The Constitutional Council ordered a recount in three districts of Zambezia on Thursday, upholding "
        "part of the opposition's appeal against the 15 October vote.\n"
        "Election officials had counted the ballots between 16 and 20 October.\n"
        "Opposition supporters marched through Quelimane on Friday, and police fired tear gas at the crowd.\n"
        "The recount is expected to finish by 20 November.\n")},
    {"title": "Recount begins under observers", "published": "2029-11-12", "text": (
        "Officials began recounting ballots in Mocuba on Monday under the eyes of regional observers.\n"
        "The ruling party has repeatedly dismissed the appeal as a stunt.\n"
        "The council said it would publish the results in December.\n")},
]
RECOUNT_CHRONOLOGY = {("2029-11-08", "ordered a recount"), ("2029-11-09", "marched through Quelimane"),
                      ("2029-11-12", "began recounting ballots")}


# A report with no publication date but a dateline without its year and a year in its text.
MARKET_FIRE = [
    {"title": "Fire guts Port Louis fish market", "text": (
        "PORT LOUIS, March 4 (Island Wire) - Fire swept through the central fish market on Sunday, destroying "
        "most of the stalls, the fire service said.\n"
        "A smaller fire damaged the market last year, and it had to be rebuilt.\n"
        "Stallholders said cuts in the 2025 budget had left the fire station short of crews.\n")},
]


@pytest.fixture(scope="module")
def strike(analyse_reports):
    return analyse_reports("strike", STRIKE)


@pytest.fixture(scope="module")
def recount(analyse_reports):
    return analyse_reports("recount", RECOUNT)


@pytest.mark.parametrize("story, planted", [("strike", STRIKE_CHRONOLOGY), ("recount", RECOUNT_CHRONOLOGY)])
def test_planted_chronology_is_the_timeline(story, planted, request, planted_chronology):
    planted_chronology.is_the_timeline(request.getfixturevalue(story)["timeline"], planted)


def test_planted_forecasts_and_history_are_kept_apart(strike, recount):
    forecasts = {t["text"][:24] for t in strike["forecasts"] + recount["forecasts"]}
    assert "The unions will meet the" in forecasts
    assert any(t["date"] == "2029-12" and "publish the results" in t["text"] for t in recount["forecasts"])
    assert any(t["date"] == "2012" for t in strike["background"])
    for entries in (strike["timeline"], recount["timeline"]):
        for t in entries:
            assert not any(w in t["text"] for w in ("prior to 2 May", "between 16 and 20", "repeatedly", "have long",
                                                     "April inflation", "expected to finish")), t["text"]
    assert not any(t["date"].startswith("1260") for t in strike["timeline"] + strike["background"])


def test_a_report_dated_by_its_yearless_dateline_places_its_days_and_last_year(analyse_reports):
    data = analyse_reports("fire", MARKET_FIRE)
    [doc] = data["documents"]
    assert str(doc["published"])[:10] == "2025-03-04"
    assert [(t["date"], t["text"][:15]) for t in data["timeline"]] == [("2025-03-02", "Fire swept thro")]
    assert [t["date"] for t in data["background"]] == ["2024"]

