"""Two hand-written labour disputes (a nurses' strike in Norway, a dockers' walkout in Rotterdam) through the
real pipeline, each with the chronology an analyst would draw planted in it. Beside the dated happenings each
carries what must stay off the chronology: the author's judgement of a dated happening ("The strike on Monday
exposed deep divisions"), a name given to something in a week ("branded the plan a betrayal"); and what must be
on it: a survey dated by the month written before its noun, a strike or a protest dated by the day written before
its noun, a release's findings, a doer's act, and both days of a sentence telling one happening in a relative
clause and another in its own verb."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.integration

NURSES = [
    {"title": "Norway's nurses strike", "published": "2046-10-12", "text": (
        "OSLO, Oct 12 (Fjord Wire) - Norway's nurses began a national strike on Monday after talks on pay "
        "collapsed.\n"
        "A Gallup poll published on Tuesday found that 58 percent of voters back the nurses.\n"
        "The union's September survey showed that 70 percent of nurses planned to quit within five years.\n"
        "Figures released on Wednesday showed hospital waiting lists grew by 12 percent in a year.\n"
        "The strike on Monday exposed deep divisions in the cabinet.\n"
        "Last week, opposition leaders described the government's offer as an insult.\n"
        "The health minister says the strike is unlawful.\n"
        "Nurses last struck in 2012.\n")},
    {"title": "Hospital talks resume", "published": "2046-10-15", "text": (
        "The nurses' union and the health ministry resumed talks on Thursday.\n"
        "Lena Berg, who was among the 30 managers and officials suspended by the health board on 2 October "
        "over a payroll scandal, resigned on Thursday.\n"
        "The September 30 strike by midwives closed 14 maternity wards.\n"
        "Hospitals postponed 4,000 operations during the first three days of the strike.\n"
        "Union leaders will meet the prime minister on Wednesday.\n")},
]
PORT = [
    {"title": "Dockers walk out", "published": "2047-03-08", "text": (
        "ROTTERDAM, March 8 (Delta Wire) - Dockers at the port of Rotterdam walked out on Thursday over plans "
        "to automate two container terminals.\n"
        "The port authority on Friday signalled that it was ready to delay the plans.\n"
        "A Kantar February poll found that 61 percent of Dutch voters back the dockers.\n"
        "The walkout on Thursday underlined how much the economy depends on the port.\n"
        "Last week, union leaders branded the automation plan a betrayal.\n"
        "Ships queued outside the harbour on Friday.\n"
        "Dockers last walked out in 2031.\n")},
    {"title": "Port reopens", "published": "2047-03-12", "text": (
        "Dockers returned to work at Rotterdam on Monday after the port authority shelved the automation plans.\n"
        "The union's leaders signed a two-year agreement with the port authority on Sunday.\n"
        "The March 2 protest by crane drivers had halted work at one terminal for a day.\n"
        "A bomb threat at the ferry terminal on Saturday demonstrated how exposed the port remains.\n"
        "Economists say the dispute will weigh on exports.\n")},
]
NURSES_CHRONOLOGY = {("2046-09", "September survey"), ("2046-09-30", "strike by midwives"),
                     ("2046-10-08", "began a national strike"), ("2046-10-09", "Gallup poll"),
                     ("2046-10-10", "Figures released"), ("2046-10-11", "resumed talks"),
                     ("2046-10-02", "suspended by the health board"), ("2046-10-11", "resigned on Thursday")}
PORT_CHRONOLOGY = {("2047-02", "Kantar February poll"), ("2047-03-02", "protest by crane drivers"),
                   ("2047-03-07", "walked out on Thursday"), ("2047-03-08", "signalled"),
                   ("2047-03-08", "Ships queued"), ("2047-03-10", "signed a two-year agreement"),
                   ("2047-03-11", "returned to work")}
STORIES = {"nurses": (NURSES, NURSES_CHRONOLOGY), "port": (PORT, PORT_CHRONOLOGY)}


@pytest.fixture(scope="module")
def analysed(analyse_reports):
    return {name: analyse_reports(name, story[0]) for name, story in STORIES.items()}


@pytest.mark.parametrize("story", sorted(STORIES))
def test_planted_chronology_is_the_timeline(story, analysed, planted_chronology):
    planted_chronology.is_the_timeline(analysed[story]["timeline"], STORIES[story][1])


@pytest.mark.parametrize("story", sorted(STORIES))
def test_judgements_and_names_given_are_nowhere(story, analysed):
    data = analysed[story]
    everything = " ".join(t["text"] for t in data["timeline"] + data["forecasts"] + data["background"])
    for words in ("exposed deep divisions", "described the government", "underlined how", "branded the",
                  "demonstrated how"):
        assert words not in everything
