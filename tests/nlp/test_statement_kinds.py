"""Statement kinds: an adjective describing a participant of a happening does not make the clause a judgement."""

from __future__ import annotations

import datetime as dt

import pytest

pytestmark = pytest.mark.integration

DAY = dt.date(2025, 7, 16)


def kind_of(parse, text: str) -> str:
    statements = parse(text, published=DAY)._.statements
    assert len(statements) == 1, [s.text for s in statements]
    return statements[0].kind


@pytest.mark.parametrize("text", [
    "Striking workers blocked the gates of the port on Tuesday, the union said.",
    "A strong aftershock shook the coastal town on Wednesday morning.",
    "The minister was seriously injured in the blast on Friday.",
    "Heavy rain caused significant damage to the main road on Monday.",
    "Voters turned out in great numbers on Sunday.",
])
def test_a_described_participant_leaves_a_happening_a_fact(parse, text):
    assert kind_of(parse, text) == "fact"


@pytest.mark.parametrize("text", [
    "The inspectors' records clearly show that the dam leaked for three weeks.",
    "The survey obviously indicates that most farmers sold their harvest early.",
])
def test_a_sure_source_of_a_finding_leaves_it_a_fact(parse, text):
    assert kind_of(parse, text) == "fact"


@pytest.mark.parametrize("text", [
    "The decision to raise tariffs was a grave mistake.",
    "The council clearly failed the flooded villages.",
    "This is a dangerous escalation.",
    "The strike was a clear failure.",
    "The new tariff is reckless.",
])
def test_a_judgement_said_of_something_stays_an_opinion(parse, text):
    assert kind_of(parse, text) == "opinion"


@pytest.mark.parametrize("text", [
    "Police said the fire had been lit deliberately near a logging road and appealed for witnesses.",
    "The coastguard said the ferry had struck a reef and called for calm.",
])
def test_an_appeal_beside_a_reported_claim_leaves_the_claim_a_fact(parse, text):
    assert kind_of(parse, text) == "fact"


def test_an_action_urged_beside_a_reported_concern_is_still_a_recommendation(parse):
    text = "The envoy said Lisbon had serious concerns about the count and urged the commission to publish the tallies."
    assert kind_of(parse, text) == "recommendation"


@pytest.mark.parametrize("text", [
    "The agency said a sample taken from the sprinter had tested positive for a banned steroid.",
    "The ministry said all 40 passengers had tested negative for the virus.",
])
def test_a_test_result_is_a_finding_not_a_judgement(parse, text):
    assert kind_of(parse, text) == "fact"


@pytest.mark.parametrize("text", [
    "We would like the port levies to be lowered much faster, the union's chairwoman said.",
    "The mayor said she would prefer a quicker inquiry into the collapse.",
    "The growers would like the council to publish the water audit.",
])
def test_a_wish_after_would_is_a_recommendation_not_a_forecast(parse, text):
    assert kind_of(parse, text) == "recommendation"


def test_would_before_another_verb_stays_a_forecast(parse):
    assert kind_of(parse, "The new levy would raise the price of bread by a fifth, the bakers' guild warned.") == "prediction"
