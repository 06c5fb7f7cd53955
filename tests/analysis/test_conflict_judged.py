"""Judgements said two ways: one source calls a thing what another calls its opposite (a provocation against a
routine exercise, illegal against lawful, an accident against no accident); near-misses (another subject, a
hedge, a question, one source, two reports about unrelated things) stay apart."""

from __future__ import annotations

from storyline.analysis.conflict_judged import judgements
from storyline.analysis.conflicts import find_conflicts

from tests.analysis.test_conflict_shapes import BorderStory


def _read(text: str) -> list[tuple[str, int, str]]:
    return [(j.scale, j.pole, j.head) for j in judgements(text)]


def test_a_clause_judges_its_subject_on_one_pole_and_a_negation_turns_it():
    assert _read("The coastguard said the naval drills were a routine exercise.") == [("hostile", 1, "drill")]
    assert _read("Fishermen called the naval drills a deliberate provocation.") == [("hostile", 0, "drill")]
    assert _read("The blaze at the warehouse was no accident, the union said.") == [("deliberate", 0, "blaz")]
    assert _read("Investigators said the blaze was an accident.") == [("deliberate", 1, "blaz")]
    assert _read("According to the governor, the curfew does not work.") == [("working", 1, "curfew")]
    assert _read("The curfew is working, the police chief said.") == [("working", 0, "curfew")]
    assert _read("The referee condemned the second goal as illegal.") == [("lawful", 1, "goal")]
    assert _read("Observers said the count was not fair.") == [("fair", 1, "count")]
    assert _read("The police response was proportionate, the interior ministry said.") == [("justified", 0, "respons")]
    assert _read("Witnesses said the police response was excessive.") == [("justified", 1, "respons")]
    assert _read("The drone programme poses no threat to its neighbours.") == [("hostile", 1, "programm")]
    assert _read("Oman plays a mediator role in the dispute.") == [("party", 1, "oman")]
    assert _read("Oman is an accomplice to the blockade, the minister said.") == [("party", 0, "oman")]


def test_hedges_questions_pronouns_and_verbs_with_an_object_judge_nothing():
    for text in ("The count may have been fraudulent.", "Was the count fair?", "It was a provocation.",
                 "The ministers worked on a new plan.", "The talks failed to produce a deal.",
                 "The mayor praised their work.", "He called on the council to hold a fair vote.",
                 "If the strike is illegal, the union will be fined.", "The strike was a response to provocation."):
        assert judgements(text) == [], text


def _story(first: str, later: str, *, sources=("kb:PER", "kb:ECU"), actors=((), ()),
           published=("2026-05-02", "2026-05-03"), same_doc=False) -> BorderStory:
    """Two judging sentences, opinions as the extraction often types them, in two reports or in one."""
    story = BorderStory()
    if same_doc:
        story.report("a", first, later, published=published[0])
    else:
        story.report("a", first, published=published[0])
        story.report("b", later, published=published[1])
    for doc, text, source, found in (("a", first, sources[0], actors[0]),
                                     ("a" if same_doc else "b", later, sources[1], actors[1])):
        story.say(doc, text, "asserted", kind="opinion", source=source, source_kind="named", actors=found)
    return story


def _found(story: BorderStory) -> list[tuple[str, list[str]]]:
    return [(c.kind, [s.doc for s in c.sides]) for c in find_conflicts(story.corpus())]


PROVOCATION = "The fishermen's association called the naval drills near the island a provocation."
ROUTINE = "The navy said the naval drills near the island were a routine exercise."


def test_two_sources_judging_one_subject_on_two_poles_conflict():
    assert _found(_story(PROVOCATION, ROUTINE)) == [("negation", ["a", "b"])]
    # one report, two voices; and two reports whose one word in common is the subject, with a party in common
    assert _found(_story("The union said the strike is lawful.", "The strike is illegal, the company said.",
                         same_doc=True)) == [("negation", ["a", "a"])]
    assert _found(_story("The union said the strike is lawful.", "The strike is illegal, the company said.",
                         actors=(("kb:PER",), ("kb:PER",)))) == [("negation", ["a", "b"])]


def test_one_source_another_subject_one_pole_far_apart_or_unrelated_reports_do_not_conflict():
    assert _found(_story(PROVOCATION, ROUTINE, sources=("kb:PER", "kb:PER"))) == []
    assert _found(_story(PROVOCATION, "The navy said the naval patrols near the island were routine.")) == []
    assert _found(_story(PROVOCATION, "The navy said the naval drills near the island were a provocation.")) == []
    assert _found(_story(PROVOCATION, ROUTINE, published=("2026-05-02", "2026-09-30"))) == []
    # two strikes in two reports that share nothing but the word: no party, no other words
    assert _found(_story("The union said the strike is lawful.", "The strike is illegal, the company said.")) == []


def test_a_naming_verb_with_an_adjective_judges_what_it_names():
    assert _read("The union called the pay offer unfair.") == [("fair", 1, "offer")]
    assert _read("Residents branded the curfew illegal because it had no end date.") == [("lawful", 1, "curfew")]
    assert _read("He called for a fair vote.") == [] and _read("She called it unfair.") == []


def test_a_denial_judges_what_it_denies_on_the_other_pole():
    assert _read("The airline rejected the charge that its pay offer was unfair.") == [("fair", 0, "offer")]
    assert _read("The navy denied that the naval drills were a provocation.") == [("hostile", 1, "drill")]
    assert _read("Oman denied being an accomplice to the blockade.") == [("party", 1, "oman")]
    assert _read("The ministry denied the report.") == []


def test_a_charge_and_its_rejection_by_another_source_conflict():
    charge = "The union called the airline's pay offer unfair."
    rejection = "The airline rejected the charge that its pay offer was unfair."
    assert _found(_story(charge, rejection)) == [("negation", ["a", "b"])]
    # a rejection of a charge about another offer, or said by the one who made the charge, is no conflict
    assert _found(_story(charge, "The airline rejected the charge that its pension offer was unfair.")) == []
    assert _found(_story(charge, rejection, sources=("kb:PER", "kb:PER"))) == []
