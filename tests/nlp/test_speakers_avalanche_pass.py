"""Quote speakers and figure sources end to end on one press-agency report of our own about an avalanche on a
mountain highway: a ministry and its "it", a "Name: claim" heading line that says who the "she" under it is
before the report names her in full, a "she" that goes on across paragraphs past a man her words name, a
person who told her something inside her own report, "one of the ministry's spokesmen" with his name, an
opposition lawmaker described by office, a partial quotation inside a speaker's report whose own verb has a
thing as its subject, and a count in a minister's quotation that her "our teams" made."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.nlp.speaker_story import wrong_sources, wrong_speakers

pytestmark = pytest.mark.integration

# Invented: the avalanche, the association, every person and every figure are fictional; Kyrgyzstan, Bishkek,
# Osh, Kara-Balta and the Too-Ashuu pass are real places. No real avalanche is described.
REPORT = """BISHKEK, Kyrgyzstan (Highland Press) - An avalanche buried a two-kilometre stretch of the Bishkek-Osh highway near the Too-Ashuu pass on Tuesday night, trapping about 300 vehicles on the approach roads, the Ministry of Emergency Situations said.

The ministry said rescuers had dug out 46 cars by Wednesday morning. It added that 19 people had been flown to hospital in Kara-Balta by helicopter.

Bakyt Osmonov, who heads the Kyrgyz Road Hauliers Association, said more than 600 lorries were queuing on both sides of the pass. He told the agency that the length of the queue suggests the drivers are "running out of fuel and patience".

Sadykova: The road will reopen by Friday

"We have 40 bulldozers working on the pass and more on the way," she said on Wednesday. "Nobody will be left on the mountain."

Transport Minister Aigul Sadykova said the government would pay for fuel for every stranded driver. She argued that Osmonov's count included vehicles that had already turned back.

"Our teams counted 212 trucks at the two checkpoints," she said.

Sadykova said that Osmonov had called her on Tuesday night to ask for field kitchens. "They will have hot food tonight," she added.

One of the ministry's spokesmen, Nurlan Abdrakhmanov, said snow was still falling on the upper slopes and that a second slide could not be ruled out.

Opposition lawmaker Kamchybek Temirov said warning signs on the pass had been broken for two winters. The opposition leader also said 70 million som set aside for snow barriers had never been spent.
"""

MINISTRY, OSMONOV, SADYKOVA = "Ministry of Emergency Situations", "Bakyt Osmonov", "Aigul Sadykova"
ABDRAKHMANOV, TEMIROV = "Nurlan Abdrakhmanov", "Kamchybek Temirov"

# Each quote's words and who says them.
SPEAKERS = {
    "rescuers had dug out 46 cars": MINISTRY,  # "The ministry"
    "19 people had been flown to hospital": MINISTRY,  # "It"
    "more than 600 lorries were queuing": OSMONOV,
    "the length of the queue suggests": OSMONOV,  # "He"; "running out of fuel and patience" is his, not the queue's
    "We have 40 bulldozers": SADYKOVA,  # "she", under the heading "Sadykova: ..." and before her full name
    "Nobody will be left on the mountain": SADYKOVA,
    "pay for fuel for every stranded driver": SADYKOVA,
    "count included vehicles": SADYKOVA,  # "She argued that Osmonov's count ..."
    "Our teams counted 212 trucks": SADYKOVA,  # "she", a paragraph after the one that names Osmonov in her words
    "Osmonov had called her": SADYKOVA,
    "They will have hot food tonight": SADYKOVA,  # "she", though Osmonov is named inside her report just before
    "snow was still falling": ABDRAKHMANOV,  # "One of the ministry's spokesmen, Nurlan Abdrakhmanov"
    "warning signs on the pass": TEMIROV,
    "set aside for snow barriers": TEMIROV,  # "The opposition leader"
}

# Each figure and who gives it.
SOURCES = {
    "about 300 vehicles": MINISTRY,
    "46 cars": MINISTRY,
    "19 people": MINISTRY,
    "more than 600 lorries": OSMONOV,
    "40 bulldozers": SADYKOVA,
    "212 trucks": SADYKOVA,  # "Our teams counted", in her quotation
    "70 million som": TEMIROV,
}


@pytest.fixture(scope="module")
def doc(parse):
    return parse(REPORT, published=dt.date(2026, 2, 11), doc_id="avalanche-pass")



def test_avalanche_pass_every_quote_has_its_speaker(doc):
    assert wrong_speakers(doc, SPEAKERS) == []


def test_avalanche_pass_heading_is_no_quote_and_no_thing_speaks(doc):
    # the "Sadykova: ..." heading names who speaks below it, but annotators do not count it as her quotation
    assert not [q for q in doc._.quotes if "reopen by Friday" in q.text]
    # every quotation has a named speaker here: nothing is left to the queue or to "our teams"
    assert [q.text for q in doc._.quotes if q.speaker is None] == []
    assert not [q for q in doc._.quotes if q.text.strip('"') == "running out of fuel and patience" and q.speaker is None]


def test_avalanche_pass_every_figure_has_its_source(doc):
    assert wrong_sources(doc, SOURCES) == []
