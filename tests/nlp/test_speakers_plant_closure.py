"""Quote speakers and figure sources end to end on one report of our own about a factory closure: a company,
a union, a ministry, a regional governor and a newspaper each give figures and statements, with pronouns
throughout ("she", "he", "it", "its"), a figure put "at" a sum, a figure in the description of a speaker (not
the speaker's), a relay that cites a body's figures, a list under the line that introduces it and a body
described by its kind ("the company", "the union")."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.nlp.speaker_story import names, wrong_sources, wrong_speakers

pytestmark = pytest.mark.integration

# Invented: the company, the union, every person and every figure are fictional; the Czech Republic, Ostrava,
# Karvina and the labour ministry's name are real. No real closure is described.
REPORT = """OSTRAVA, Czech Republic (Silesian Wire) - The tyre maker Vitkov Rubber Company will close its plant in Ostrava by the end of June, cutting 1,400 jobs, the company said on Tuesday.

The firm blamed a slump in orders from carmakers. Its chief executive, Martina Horakova, told the newspaper Moravsky Denik that sales to carmakers had dropped by 35 per cent in two years. She said the company would keep a warehouse in the city with about 80 staff.

"We have run out of ways to keep the line going," Horakova said. "Nobody regrets this more than we do."

The Silesian Metalworkers Union said the real number of jobs at risk was closer to 2,000, because suppliers and cleaning firms would also lose work. Its regional chairman, Petr Dvorak, who has worked at the plant for 31 years, said the union would ask the government to buy the site.

"They told us nothing until this morning," he said. "Not a word."

The Ministry of Labour and Social Affairs put the cost of retraining the workers at 240 million koruna. It told the Czech News Agency that a job centre would open at the plant gates next week.

The Ostrava Herald, citing figures from the regional labour office, reported that unemployment in the region stood at 5.8 per cent in May.

Jan Novak, the regional governor, met workers at the gates on Wednesday morning.

He said the region had already found places for many of them:
- 600 workers could move to a battery factory being built in Karvina
- 300 would be offered early retirement
- 150 places on retraining courses were already paid for

"This is a hard day, but it is not the end of industry here," he told reporters.

A survey by the union found that 70 per cent of the workers would leave the region if they could not find work nearby.

According to the company, severance pay will average 180,000 koruna per worker. The union said that was not enough.
"""

COMPANY, HORAKOVA, UNION = "Vitkov Rubber Company", "Martina Horakova", "Silesian Metalworkers Union"
DVORAK, MINISTRY, NOVAK = "Petr Dvorak", "Ministry of Labour and Social Affairs", "Jan Novak"
LABOUR_OFFICE = "regional labour office"  # a body the report does not name: unresolved, never another body

# Each quote's words and who says them.
SPEAKERS = {
    "will close its plant in Ostrava": COMPANY,  # "the company said", after a dateline that is no part of the words
    "sales to carmakers had dropped": HORAKOVA,  # "Its chief executive, Martina Horakova"
    "keep a warehouse in the city": HORAKOVA,  # "She"
    "We have run out of ways": HORAKOVA,
    "Nobody regrets this more": HORAKOVA,
    "the real number of jobs at risk": UNION,
    "ask the government to buy the site": DVORAK,  # a relative clause between the name and the cue
    "They told us nothing": DVORAK,  # "he"
    "a job centre would open": MINISTRY,  # "It told the Czech News Agency": the ministry, not the agency told
    "already found places for many of them": NOVAK,  # "He", a paragraph after the governor is named
    "This is a hard day": NOVAK,
    "70 per cent of the workers would leave": UNION,  # "A survey by the union"
    "severance pay will average": COMPANY,  # "According to the company"
    "that was not enough": UNION,  # "The union said"
}

# Each figure and who gives it (None: the report's own).
SOURCES = {
    "1,400 jobs": COMPANY,
    "35 per cent": HORAKOVA,
    "about 80 staff": HORAKOVA,
    "2,000": UNION,
    "31 years": None,  # how long the union's chairman has worked there: the report describing him
    "240 million koruna": MINISTRY,  # "put the cost of retraining the workers at"
    "600 workers": NOVAK,  # the list under "He said the region had already found places for many of them:"
    "300": NOVAK,
    "150 places": NOVAK,
    "70 per cent": UNION,
    "180,000 koruna": COMPANY,
}


@pytest.fixture(scope="module")
def doc(parse):
    return parse(REPORT, published=dt.date(2026, 5, 12), doc_id="plant-closure")



def test_plant_closure_every_quote_has_its_speaker(doc):
    assert wrong_speakers(doc, SPEAKERS) == []


def test_plant_closure_every_figure_has_its_source(doc):
    assert wrong_sources(doc, SOURCES, exact=False) == []


def test_plant_closure_relay_credits_the_body_whose_figures_are_cited(doc):
    # "The Ostrava Herald, citing figures from the regional labour office, reported that ...": the office's
    # figure, passed on by the newspaper; the office has no name, so it stays unresolved rather than taking
    # the ministry or the newspaper named nearby
    (figure,) = [f for f in doc._.figures if "5.8 per cent" in f.text]
    assert figure.attributed_to is None and LABOUR_OFFICE in (figure.attributed_text or "")
    (quote,) = [q for q in doc._.quotes if "unemployment in the region" in doc.text[q.start:q.end]]
    assert quote.speaker is None and LABOUR_OFFICE in (quote.speaker_text or "")
    assert "Ostrava Herald" in names(doc, quote.via)


def test_plant_closure_speaker_phrases_are_as_written(doc):
    spans = {q.speaker_text for q in doc._.quotes}
    assert "Its regional chairman, Petr Dvorak" in spans  # without "who has worked at the plant for 31 years"
    (first,) = [q for q in doc._.quotes if "will close its plant" in doc.text[q.start:q.end]]
    assert doc.text[first.start:].startswith("The tyre maker")  # not "OSTRAVA, Czech Republic (Silesian Wire) -"
