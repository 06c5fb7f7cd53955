"""Instruments of statecraft: a text holding none of an instrument's words is not searched for it, and what is
found is what the patterns alone find."""

import pytest

from storyline.analysis import option_phrases

TEXTS = [
    "The league imposed an arms embargo on both militias after the border clashes.",
    "Ministers agreed to broaden sanctions and tighten export controls on drone parts.",
    "The island's government asked for lethal and defensive assistance from its neighbours.",
    "Donors pledged to send more advanced air defences and artillery shells before winter.",
    "The bank offered budgetary support while the coalition debated humanitarian corridors.",
    "Both commanders accepted a truce, though neither trusted the cessation of hostilities to last.",
    "The two agencies signed an intelligence-sharing pact and promised a regular intelligence exchange.",
    "Its diplomatic isolation deepened as envoys urged negotiations and direct talks with the rebels.",
    "New tariffs and other economic measures followed, along with higher defense budgets.",
    "A foreign intervention force was ruled out, but deploying Kenyan troops to the port was weighed.",
    "Western officials spoke of Kenyan boots on the ground; others floated a monitoring mission.",
    "The mayor thanked volunteers for clearing the flooded streets overnight.",
    "The council voted for ſanctions on the shipping firm and for a ceaſefire.",
    "THE SUMMIT ENDED WITH CALLS FOR HUMANITARIAN AID AND A CEASEFIRE.",
    "İntelligence sharing resumed after the DİPLOMATİC talks, officials said.",
]


def _unfiltered(text: str, monkeypatch) -> tuple:
    with monkeypatch.context() as m:
        m.setattr(option_phrases, "INSTRUMENT_WORDS", {})
        m.setattr(option_phrases, "DEPLOYMENTS", [(k, label, rx, None) for k, label, rx, _ in option_phrases.DEPLOYMENTS])
        return option_phrases._instruments.__wrapped__(text)


def test_every_instrument_names_the_words_its_matches_hold():
    assert {k for k, _, _ in option_phrases.INSTRUMENTS} == set(option_phrases.INSTRUMENT_WORDS)


@pytest.mark.parametrize("text", TEXTS)
def test_the_words_skip_only_texts_that_hold_no_match(text, monkeypatch):
    assert option_phrases._instruments.__wrapped__(text) == _unfiltered(text, monkeypatch)


def test_case_blind_letters_are_still_found():
    found = {h.key for h in option_phrases.find_instruments(TEXTS[12])}
    assert {"sanctions", "ceasefire"} <= found
    assert {"intelligence-sharing", "diplomacy"} <= {h.key for h in option_phrases.find_instruments(TEXTS[14])}
