"""A hand-written river flood and a bribery trial, each told in two reports, where a body's words of a day are
told twice in one report: once as the body's own ("The water authority announced on Monday ...") and once as
its spokesperson's ("A spokeswoman for the water authority, Ilse Brand, said on Monday ..."). One body speaking
through its spokesperson is one telling, one entry; another body's words that day stay an entry of their own.
Words put forward in a month alone ("claimed in March", "admitted in March", "said in August") are what the
reports recall, background, whatever the verb of saying or claiming."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.integration

FLOOD = [
    {"filename": "20370414T090000Z_XX_en_flood1.txt", "content": (
        "The river Varna burst its banks on Sunday, flooding four villages and forcing 3,000 people from their "
        "homes, the regional water authority said.\n\n"
        "The water authority announced on Monday that it would open two relief channels to lower the river.\n\n"
        "A spokeswoman for the water authority, Ilse Brand, said on Monday that two relief channels would be "
        "opened to lower the river.\n\n"
        "The dam operator claimed in March that the embankments had been reinforced.\n\n"
        "Farmers said in February that the dykes were crumbling, but nobody listened.\n\n"
        "Residents said the water rose within an hour.\n")},
    {"filename": "20370415T150000Z_XX_en_flood2.txt", "content": (
        "Rescuers pulled two men from a flooded cellar in Lindau on Tuesday, the fire service said.\n\n"
        "The regional government declared a state of emergency on Monday.\n\n"
        "Government spokesman Piet Olde told reporters on Monday that the emergency would last at least a week.\n\n"
        "The operator admitted in March that inspections had been delayed.\n")},
]
FLOOD_CHRONOLOGY = {
    ("2037-04-12", "burst its banks"), ("2037-04-13", "relief channels"), ("2037-04-13", "emergency"),
    ("2037-04-14", "Rescuers pulled"),
}
COURT = [
    {"filename": "20360924T100000Z_XX_en_court1.txt", "content": (
        "A court in Tallinn on Tuesday sentenced the former harbour director to six years in prison for taking "
        "bribes from shipping firms.\n\n"
        "The justice ministry said on Tuesday that the verdict showed no official was above the law.\n\n"
        "Ministry spokesman Karl Tamm told journalists on Tuesday that the verdict showed no official was above "
        "the law.\n\n"
        "European Commission spokeswoman Anna Berg said on Tuesday that the Commission had frozen the director's "
        "accounts.\n\n"
        "The director's lawyer said in August that his client had been framed.\n\n"
        "Prosecutors charged him in May with taking more than two million euros.\n")},
    {"filename": "20360925T080000Z_XX_en_court2.txt", "content": (
        "The former harbour director will appeal against his six-year sentence, his lawyer said on Wednesday.\n\n"
        "The court heard in July that the payments were made through a cousin.\n")},
]
COURT_CHRONOLOGY = {
    ("2036-09-23", "sentenced the former harbour director"), ("2036-09-23", "no official was above the law"),
    ("2036-09-23", "frozen the director"), ("2036-09-24", "will appeal"),
}


@pytest.fixture(scope="module")
def analysed(analyse_reports):
    return {"flood": analyse_reports("voices-flood", FLOOD), "court": analyse_reports("voices-court", COURT)}


def test_a_body_and_its_spokesperson_telling_one_days_words_are_one_entry(analysed, planted_chronology):
    planted_chronology.is_the_timeline(analysed["flood"]["timeline"], FLOOD_CHRONOLOGY)
    planted_chronology.is_the_timeline(analysed["court"]["timeline"], COURT_CHRONOLOGY)
    for story, words in (("flood", "relief channels"), ("court", "above the law")):
        assert len([t for t in analysed[story]["timeline"] if words in t["text"]]) == 1


def test_words_put_forward_in_a_month_alone_are_background(analysed):
    assert {(t["date"], t["text"].split(" in ")[0]) for t in analysed["flood"]["background"]} == {
        ("2037-02", "Farmers said"), ("2037-03", "The dam operator claimed"), ("2037-03", "The operator admitted")}
    assert {t["date"] for t in analysed["court"]["background"]} == {"2036-05", "2036-07", "2036-08"}
