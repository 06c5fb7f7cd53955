"""A hand-written ship grounding in a canal told over a week in three reports of kinds the other stories
lack: a wire round-up of unrelated items under dash headings, an interview set out as questions and
answers (the answers in the first person, with no quotation marks), and a live blog whose entries start
with a clock time. Days are written relative to each report. What happened goes on the chronology with
the day the text gives it; a telling dated by its speaking ("said on Sunday that it would open an
inquiry") is a happening of that day; the round-up's second item, dated by an "after" phrase, is its own
happening. Off the chronology: the forecasts (a salvage attempt, fares from April, traffic by Wednesday),
the history and the analogy (a year in a relative clause, an earlier grounding, another canal's blockage),
a habit ("Every spring"), a question, a photo caption, opinions, a telling dated only by "last week", and
a day in a relative clause on a sentence that tells nothing done ("The pilot, who boarded on Sunday, has
not been questioned"). An act dated by "last week" lying in one month is placed in that month."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.integration

CANAL = [
    {"filename": "20460306T170000Z_DE_en_roundup.txt", "content": (
        "- Ship blocks Kiel Canal -\n\n"
        "The bulk carrier Nordlys Trader ran aground in the Kiel Canal near Rendsburg on Monday evening, "
        "blocking the waterway in both directions, the canal authority said.\n\n"
        "Salvage crews will try to pull the ship free at high water on Thursday, the authority added.\n\n"
        "The canal, which opened in 1895, links the North Sea with the Baltic.\n\n"
        "Every spring the canal closes for a few nights of maintenance.\n\n"
        "- Dockers call off strike -\n\n"
        "Dock workers in Hamburg called off their strike on Tuesday after the port operator improved its pay "
        "offer.\n\n"
        "The union said last week that talks with the operator had stalled.\n\n"
        "- Ferry fares -\n\n"
        "Ferry fares to the North Frisian islands will rise by a tenth from April, the operator said.\n")},
    {"filename": "20460309T110000Z_DE_en_interview.txt", "content": (
        "Jens Albrecht chairs the association of canal pilots. We asked him about the grounding of the "
        "Nordlys Trader.\n\n"
        "What went wrong on Monday?\n\n"
        "The steering failed as the ship came out of the bend at Rendsburg. Our pilot did everything he "
        "could.\n\n"
        "How did the salvage go?\n\n"
        "Four tugs pulled her free on Thursday morning. It took them less than two hours.\n\n"
        "Could it happen again?\n\n"
        "It will happen again. The ships keep getting bigger and the canal does not.\n\n"
        "A ship of this size last grounded in the canal in 2031.\n")},
    {"filename": "20460312T080000Z_DE_en_liveblog.txt", "content": (
        "Kiel Canal grounding: live updates\n\n"
        "08:05 The federal transport ministry said on Sunday that it would open an inquiry into the "
        "grounding.\n\n"
        "07:50 The owner of the Nordlys Trader said in a statement on Saturday that divers had found a crack "
        "near the bow.\n\n"
        "07:40 The Nordlys Trader at anchor off Kiel on Sunday. (Photo: Canal Authority)\n\n"
        "07:45 The canal authority lowered the speed limit for large ships last week.\n\n"
        "07:35 The pilot, who boarded the ship on Sunday at Brunsbuttel, has not been questioned yet.\n\n"
        "07:30 Many here are reminded of 2021, when a container ship blocked the Suez Canal for six days.\n\n"
        "07:15 Traffic through the canal is expected to return to normal by Wednesday.\n\n"
        "07:00 Shipping lines say the canal needs wider bends.\n")},
]
CHRONOLOGY = {
    ("2046-03-05", "ran aground"), ("2046-03-06", "called off their strike"), ("2046-03-08", "pulled her free"),
    ("2046-03-10", "found a crack"), ("2046-03-11", "open an inquiry"), ("2046-03", "lowered the speed limit"),
}


@pytest.fixture(scope="module")
def analysed(analyse_reports):
    return analyse_reports("canal", CANAL)


def test_planted_chronology_is_the_timeline(analysed, planted_chronology):
    planted_chronology.is_the_timeline(analysed["timeline"], CHRONOLOGY)


def test_forecasts_and_history_are_kept_apart(analysed):
    forecasts = {t["date"] for t in analysed["forecasts"]}
    assert "2046-03-08" in forecasts  # the salvage attempt, told before it happened
    assert not any("pulled her free" in t["text"] for t in analysed["forecasts"] + analysed["background"])
    assert not any(t["date"].startswith("2046") for t in analysed["background"])


def test_habit_question_caption_opinion_and_last_week_stay_off_the_chronology(analysed):
    assert not any(words in t["text"] for t in analysed["timeline"]
                   for words in ("Every spring", "went wrong", "Photo", "wider bends", "stalled", "Suez", "boarded"))
