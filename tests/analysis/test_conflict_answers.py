"""Denials that answer a claim without repeating its words the usual way: one that names whose claim it
answers, "contrary to X's statement that P", "asked about the account that P, ... said no such order
exists", a denial's own counter-claim (", saying Q"), and a label another source rejects."""

from __future__ import annotations

from storyline.analysis.clauses import claimed_clause
from storyline.analysis.conflicts import find_conflicts
from storyline.analysis.wording import disputed_claim

from tests.analysis.test_conflict_shapes import _found, _pair


def test_contrary_to_a_statement_disputes_it_with_no_negation_after_it():
    text = ("Contrary to the airline's statement that its flights were operating normally, 22 departures were "
            "cancelled on Tuesday, airport officials said.")
    assert disputed_claim(text) == "its flights were operating normally"
    # "despite" with a plain claim after it is a concession, not a dispute
    assert disputed_claim("Despite claims that the talks had stalled, the two sides met on Monday.") is None


def test_an_answer_aimed_back_at_a_restated_account_denies_it():
    text = ("Asked about the pilots' account that the regulator had ordered six jets grounded, a spokeswoman "
            "said no such order exists.")
    assert disputed_claim(text) == "the regulator had ordered six jets grounded"
    # the same frame answered with a claim of its own denies nothing
    assert disputed_claim("Asked about reports that the talks had stalled, the minister said they went well.") is None


def test_a_leading_according_to_is_no_part_of_the_claim():
    assert claimed_clause("According to the lawyers, the prison director had suspended family visits.") \
        == "the prison director had suspended family visits"


def test_a_denial_naming_whose_finding_it_answers_meets_that_sources_sentence():
    story = _pair("Inspectors from the ombudsman's office said three strikers had been moved to the clinic after "
                  "fainting.", "reported",
                  "The prison service dismissed as propaganda the inspectors' finding that strikers had fainted.",
                  "denied", dates=("2026-04-08", "2026-04-08"), first_source="local:organization:ombudsman",
                  later_source="local:organization:prison-service")
    story.records["statements"][0].source_text = "Inspectors from the ombudsman's office"
    story.records["statements"][1].source_text = "The prison service"
    assert _found(story) == [("status", ["a", "b"])]
    # another source's finding in the same words is not the one the denial names
    story.records["statements"][0].source_text = "Relatives of the inmates"
    assert _found(story) == []


def test_a_denials_counter_claim_is_its_sources_own_assertion():
    story = _pair("The trust called the ministry's claim that rhino numbers had risen false, saying the census had "
                  "counted some animals twice.", "denied",
                  "Contrary to the trust's assertion that the census had counted animals twice, each rhino was "
                  "identified from photographs, the ministry said.", "asserted",
                  dates=("2026-08-04", "2026-08-06"), first_source="local:organization:trust",
                  later_source="local:organization:ministry")
    story.records["statements"][0].source_text = "The trust"
    story.records["statements"][1].source_text = "the ministry"
    conflicts = find_conflicts(story.corpus())
    assert [(c.kind, [s.doc for s in c.sides]) for c in conflicts] == [("status", ["a", "b"])]


def test_a_rejected_label_meets_another_sources_sentence_that_uses_it():
    story = _pair("The governor said becoming entangled in a territorial dispute between the two states was not "
                  "in the national interest.", "reported",
                  "The invasion is not a “territorial dispute,” as the governor described it.", "asserted",
                  dates=("2026-03-15", "2026-03-18"), first_source="local:person:governor", later_kind="opinion")
    story.records["statements"][0].source_text = "The governor"
    assert _found(story) == [("negation", ["a", "b"])]
    # a label of one word, or one not set apart as someone's, is left alone
    plain = _pair("The governor called it a border war.", "reported", "The fighting is not a border war in any sense, "
                  "historians say.", "asserted", first_source="local:person:governor", later_kind="opinion")
    assert _found(plain) == []


def test_for_all_its_talk_of_or_although_it_says_with_in_fact_after_disputes_the_claim():
    assert disputed_claim("For all its talk of a ceasefire, the militia in fact shelled two villages on Sunday.") \
        == "a ceasefire"
    assert disputed_claim("Although the health ministry publicly declares that the outbreak is contained, in fact "
                          "new cases appear every day in the north.") == "the outbreak is contained"
    # a concession with nothing said in its place, or "for all of us", disputes nothing
    assert disputed_claim("Although the ministry says the outbreak is contained, doctors remain cautious.") is None
    assert disputed_claim("For all of us, the harvest is the one thing that counts.") is None


def test_although_a_source_says_p_in_fact_q_conflicts_with_that_sources_claim():
    story = _pair("The health ministry said the cholera outbreak in the northern districts was contained.", "reported",
                  "Although the health ministry publicly declares that the cholera outbreak is contained, in fact "
                  "new cases appear every day in the northern districts, a doctors' union said.", "reported",
                  dates=("2026-05-02", "2026-05-04"), first_source="local:organization:health-ministry",
                  later_source="local:organization:doctors-union")
    story.records["statements"][0].source_text = "The health ministry"
    story.records["statements"][1].source_text = "a doctors' union"
    assert _found(story) == [("status", ["a", "b"])]
