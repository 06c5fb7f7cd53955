"""Relays in quotes: a closing "citing X" credits X and is no part of the words; what a report cites is never
words of its own; a "cited by" outlet relays, on sentences written for the tests."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.integration


def test_closing_citation_credits_the_cited_and_leaves_the_words(parse):
    doc = parse('The Lagos Courier reported that the minister planned to resign after the vote, citing "people '
                'familiar with the matter."')
    (quote,) = doc._.quotes  # the cited people are no quotation of their own
    assert doc.text[quote.start:quote.end] == "that the minister planned to resign after the vote"
    assert quote.speaker_text == "people familiar with the matter" and quote.speaker is None
    assert "Lagos Courier" in (quote.via_text or "")


def test_closing_citation_of_a_bodys_figures_credits_the_body(parse):
    doc = parse("The Andina agency reported that pay for temporary staff fell by 12%, citing figures from the "
                "labour ministry.")
    (quote,) = doc._.quotes
    assert quote.speaker_text == "the labour ministry"


def test_statement_cited_by_an_outlet_is_no_quote_of_the_outlet(parse):
    doc = parse('Ned Carter, a spokesman for the port authority, said in a statement cited by the Harbour Times: '
                '"The cranes will run again on Monday."')
    assert all("Harbour Times" not in (q.speaker_text or "") for q in doc._.quotes)
    assert [q.speaker_text for q in doc._.quotes if "cranes" in q.text] == ["Ned Carter, a spokesman for the port authority"]
