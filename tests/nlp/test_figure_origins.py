"""Who gives a figure when the source stands across a ";" or in the next sentence."""

from __future__ import annotations

import pytest


def givers(doc) -> dict[str, str | None]:
    return {f.text: f.attributed_text for f in doc._.figures or []}


@pytest.mark.integration
def test_a_cue_after_a_semicolon_does_not_answer_for_the_clause_before_it(parse):
    doc = parse("Some 1,200 homes lost power; the utility said crews were working through the night.\n\n"
                "The storm destroyed 300 barns, the governor said.")
    found = givers(doc)
    assert found["Some 1,200 homes"] is None
    assert found["300 barns"] == "the governor"


@pytest.mark.integration
def test_a_cue_before_a_semicolon_does_not_answer_for_the_clause_after_it(parse):
    doc = parse("In the weeks before the vote, analysts estimated the party had spent as much as 90 million dollars; "
                "the rival campaign spent about 20 million.")
    found = givers(doc)
    assert found["as much as 90 million dollars"] == "analysts"
    assert found["about 20 million"] is None


@pytest.mark.integration
def test_a_next_sentence_that_names_where_the_figures_come_from_gives_them(parse):
    doc = parse("The toll stands at 31. The figures come from the interior ministry.\n\n"
                "About 4,000 tonnes of grain were lost. These numbers were compiled by the farmers union.\n\n"
                "The reservoir holds 40 million cubic metres. The water comes from the mountains.")
    found = givers(doc)
    assert found["31"] == "the interior ministry"
    assert found["About 4,000 tonnes"] == "the farmers union"
    assert found["40 million cubic metres"] is None
