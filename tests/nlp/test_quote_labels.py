"""Quotations credited without a verb of their own: a headline's "Name: claim", a paragraph that "Name
added:" introduces, and a clause that "In a survey of ..." opens."""

from __future__ import annotations

import pytest

from tests.nlp.test_quotes import no_quote, spoken_by


@pytest.mark.integration
def test_headline_label_credits_a_name_the_report_names_again(parse):
    doc = parse(
        "Sanchez: Spain will not raise fuel taxes this year.\n\n"
        "Prime Minister Pedro Sanchez told parliament on Wednesday that the budget had room for relief.\n"
    )
    quote = spoken_by(doc, "will not raise fuel taxes", "Sanchez")[0]
    assert quote.cue == ":" and quote.speaker_text == "Sanchez"
    poll = parse("Poll: Most Kenyans back the new flood levy.\n\nA survey of 2,000 adults was published on Friday.\n")
    assert spoken_by(poll, "Most Kenyans back", "Poll")[0].speaker_text == "Poll"


@pytest.mark.integration
def test_headline_label_that_names_no_speaker_credits_nobody(parse):
    doc = parse(
        "Bangladesh: Floods cut off 40 villages near Sylhet.\n\n"
        "Rescue teams reached the district on Sunday after the river burst its banks.\n"
    )
    assert not [q for q in doc._.quotes if "cut off 40 villages" in q.text]
    latest = parse("The Latest: Dockers extend the strike at Antwerp.\n\nUnion leader Els Peeters spoke on Monday.\n")
    assert not [q for q in latest._.quotes if "extend the strike" in q.text]


@pytest.mark.integration
def test_paragraph_after_name_added_colon_is_that_persons_words(parse):
    doc = parse(
        "Farmers block roads in Lyon.\n\n"
        "The union leader, Marie Dubois, said the blockade would last a week.\n\n"
        "Dubois added:\n\n"
        "We have asked for talks for two years. Nobody in Paris has answered us, so the roads stay shut.\n\n"
        "The ministry has not responded.\n"
    )
    quote = spoken_by(doc, "asked for talks for two years", "Dubois")[0]
    assert quote.cue == "add" and quote.text.endswith("the roads stay shut")
    no_quote(doc, "The ministry has not responded")
    assert not [q for q in doc._.quotes if "ministry has not responded" in q.text]


@pytest.mark.integration
def test_survey_that_opens_a_clause_is_its_source(parse):
    doc = parse(
        "In a survey of 2,000 adults published on Friday, 61 percent backed the levy. "
        "The opposition led in the polls last year. "
        "In a study released Monday, the ministry said the levy would raise $40 million.\n"
    )
    quote = spoken_by(doc, "61 percent backed the levy", "survey")[0]
    assert quote.cue == "according to" and "2,000 adults" in quote.speaker_text
    assert not [q for q in doc._.quotes if "opposition led" in q.text]
    assert [q.speaker_text for q in doc._.quotes if "raise $40 million" in q.text] == ["the ministry"]
