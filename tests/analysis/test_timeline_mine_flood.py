"""A hand-written flood at a copper mine told in two reports: what a sentence names with its day written
before a noun ("the 2 March flood") is a happening of that day, while the history of a participant told in a
participle after a noun ("The access road washed out in January reopened on Monday") or deep in a relative
clause after the sentence's own verb ("..., access to which was cut after ... on 28 February") dates nothing."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.integration

MINE_FLOOD = [
    {"filename": "20350307T090000Z_CL_en_mine1.txt", "content": (
        "Rescuers brought eleven miners to the surface at the Cerro Pardo copper mine on Tuesday, the regional "
        "emergency office said.\n\n"
        "The access road washed out in January reopened to heavy trucks on Monday.\n\n"
        "Families of the missing miners are still waiting at the gates, four days after the 2 March flood in the "
        "lower galleries.\n\n"
        "Pumps now run from the old ventilation shaft, access to which was cleared after engineers removed the "
        "collapsed timber supports on 28 February.\n")},
    {"filename": "20350309T110000Z_CL_en_mine2.txt", "content": (
        "The mining ministry suspended the operator's licence on Thursday.\n\n"
        "The company's chief executive, Tomas Irrazabal, resigned on Wednesday.\n\n"
        "Geologists expect the water to drain from the galleries within two weeks.\n")},
]
CHRONOLOGY = {
    ("2035-03-02", "2 March flood"), ("2035-03-05", "reopened to heavy trucks"),
    ("2035-03-06", "eleven miners"), ("2035-03-07", "resigned on Wednesday"), ("2035-03-08", "suspended the operator"),
}


@pytest.fixture(scope="module")
def analysed(analyse_reports):
    return analyse_reports("mine_flood", MINE_FLOOD)


def test_planted_chronology_is_the_timeline(analysed, planted_chronology):
    planted_chronology.is_the_timeline(analysed["timeline"], CHRONOLOGY)


def test_a_participants_history_is_neither_chronology_nor_background(analysed):
    everything = analysed["timeline"] + analysed["forecasts"] + analysed["background"]
    assert not any(t["date"].startswith("2035-01") for t in everything)
    assert not any("ventilation shaft" in t["text"] for t in everything)
