"""A hand-written volcanic eruption told over ten days in three reports of different kinds: a wire report
with a dateline and a photo caption, an opinion piece, and a round-up a week later. Every day is written
relative to its report, and the relative dates are the ones real reports get wrong: "Sunday night",
"Last night" (which the recogniser does not always tag), "last week" run into the clause after it
("resigned last week after a row ..."), "Last Monday" in a Tuesday report (the Monday of the week
before, not yesterday), "Earlier this month". Beside the planted chronology stand what must stay off it:
the dateline, the caption, history, an analogy, opinions and a forecast. Two bodies give different
counts of the evacuated on one day (a disagreement naming each); one of them revises its count twice
(evolving, set against no other body's earlier count)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.integration

VOLCANO = [
    {"filename": "20430512T090000Z_PT_en_eruption.txt", "content": (
        "PORTO ALTO, May 12 (Island Wire) - Mount Teravo on Cape Verde's island of Kalvi erupted on Sunday night, sending ash four kilometres "
        "into the sky, the volcanology institute said.\n\n"
        "Authorities ordered the evacuation of Vila Nova and Ribeira on Monday.\n\n"
        "The Civil Protection Agency said on Monday that 3,200 people had been evacuated from the two villages.\n\n"
        "The Kalvi Red Cross said on Monday that 4,500 people had been evacuated from the two villages.\n\n"
        "The volcano last erupted in 1957, burying two farms.\n\n"
        "Scientists warn that lava could reach the coast road within days.\n\n"
        "Residents carry their belongings out of Vila Nova on Monday. (Photo: Island Wire/Ana Reis)\n")},
    {"filename": "20430514T160000Z_PT_en_opinion.txt", "content": (
        "The evacuation of Kalvi should have begun days earlier, and the islanders deserve to know why it did "
        "not.\n\n"
        "Last night, lava crossed the coast road near Ribeira.\n\n"
        "Cape Verde's Civil Protection Agency said on Wednesday that 5,100 people had now been evacuated.\n\n"
        "The agency's director, Rui Matos, resigned last week after a row over the warning sirens.\n\n"
        "Like the eruption of 1957, this one will be remembered for the slowness of the response.\n\n"
        "The government must now pay for new homes rather than promise them.\n")},
    {"filename": "20430519T110000Z_PT_en_shelters.txt", "content": (
        "The Civil Protection Agency said on Saturday that 6,000 people had been evacuated from their homes "
        "in Cape Verde.\n\n"
        "Last Monday, the prime minister, Sofia Lemos, visited the shelters in Porto Alto.\n\n"
        "Schools in the north of the island reopened on Monday.\n\n"
        "Earlier this month, the regional assembly approved an emergency fund of 20 million euros.\n\n"
        "The institute expects the eruption to go on for weeks.\n\n"
        "Many families say they cannot afford to wait that long.\n")},
]
CHRONOLOGY = {
    ("2043-05-10", "erupted on Sunday night"), ("2043-05-11", "ordered the evacuation"),
    ("2043-05-11", "3,200 people"), ("2043-05-11", "4,500 people"), ("2043-05-11", "visited the shelters"),
    ("2043-05-13", "lava crossed the coast road"), ("2043-05-13", "5,100"), ("2043-05", "resigned last week"),
    ("2043-05-16", "6,000 people"), ("2043-05-18", "reopened on Monday"), ("2043-05", "approved an emergency fund"),
}

SHARED_BODIES = ("Civil Protection Agency", "Kalvi Red Cross")


@pytest.fixture(scope="module")
def analysed(analyse_reports):
    return analyse_reports("volcano", VOLCANO)


def test_planted_chronology_is_the_timeline(analysed, planted_chronology):
    # "Last Monday" in the report of Tuesday 19 May is 11 May; "on Monday" there is 18 May; "last week" in
    # the opinion piece of Thursday 14 May is 4-10 May, a week inside May: the resignation is dated May.
    planted_chronology.is_the_timeline(analysed["timeline"], CHRONOLOGY)


def test_history_analogy_caption_and_forecast_stay_off_the_chronology(analysed):
    assert {t["date"] for t in analysed["background"]} == {"1957"}
    everything = analysed["timeline"] + analysed["forecasts"] + analysed["background"]
    assert not any("Photo" in t["text"] or "within days" in t["text"] or "should have begun" in t["text"]
                   for t in everything)


def test_two_bodies_disagree_on_one_day_and_one_bodys_later_counts_are_its_revisions(analysed):
    [table] = [t for t in analysed["figure_tables"] if t["counts"] == "displaced"]
    relations = {(r["value"], r["source"]): r["relation"] for r in table["rows"]}
    assert table["assessment"] == "contradiction"
    assert relations[(3200.0, "Civil Protection Agency")] == relations[(4500.0, "Kalvi Red Cross")] == "contradiction"
    assert relations[(5100.0, "Civil Protection Agency")] == relations[(6000.0, "Civil Protection Agency")] == "evolving"
    [conflict] = [c for c in analysed["conflicts"] if c["kind"] == "figure"]
    assert all(body in conflict["summary"] for body in SHARED_BODIES)
    assert "5,100" not in conflict["summary"] and "6,000" not in conflict["summary"]
