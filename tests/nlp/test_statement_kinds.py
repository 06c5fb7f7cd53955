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
    "The decision to raise tariffs was a grave mistake.",
    "This is a dangerous escalation.",
    "The strike was a clear failure.",
    "The new tariff is reckless.",
])
def test_a_judgement_said_of_something_stays_an_opinion(parse, text):
    assert kind_of(parse, text) == "opinion"
