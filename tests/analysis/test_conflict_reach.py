"""Denials that name no party of the claim they deny: the claim reaches the judge through the words of the
denied clause, a label ("called the accounts of X a lie") frames what it denies, and a report that something
was put off also claims the postponement."""

from __future__ import annotations

from storyline.analysis.clauses import claimed_clause
from storyline.analysis.conflicts import find_conflicts
from storyline.analysis.wording import DENIAL

from tests.analysis.test_conflict_shapes import _found, _pair


def test_a_label_of_falsehood_frames_what_it_denies():
    text = "A police spokesman called the accounts of rubber bullets a lie, saying officers used only water cannon."
    assert DENIAL.search(text)
    assert claimed_clause(text) == "rubber bullets"
    assert claimed_clause("The ministry dismissed talk of a payment to the kidnappers as baseless.") \
        == "a payment to the kidnappers"
    assert not DENIAL.search("He told a reporter that the lie detector had been switched off.")


def test_a_denial_meets_a_claim_that_names_no_party_it_names():
    claim = "Witnesses said riot police fired rubber bullets at protesters near the gates."
    denial = "A police spokesman called the accounts of rubber bullets a lie, saying officers used only water cannon."
    story = _pair(claim, "reported", denial, "denied", later_actors=("local:organization:defence-ministry",),
                  later_source="local:organization:defence-ministry")
    assert _found(story) == [("status", ["a", "b"])]


def test_the_same_label_by_the_same_voice_is_no_conflict():
    claim = "The ministry said riot police fired rubber bullets at protesters near the gates."
    denial = "The ministry called the accounts of rubber bullets a lie, saying officers used only water cannon."
    story = _pair(claim, "reported", denial, "denied", first_actors=("local:organization:defence-ministry",),
                  later_actors=("local:organization:defence-ministry",),
                  first_source="local:organization:defence-ministry",
                  later_source="local:organization:defence-ministry")
    assert [k for k, _ in _found(story)] != ["status"]


def test_a_postponement_is_also_the_claim_a_doubt_answers():
    claim = "The union said more than 300 planned operations were postponed at the hospitals on Tuesday."
    doubt = "The health inspectorate has not confirmed that any planned operations were postponed at the hospitals."
    story = _pair(claim, "reported", doubt, "unconfirmed", first_source="local:organization:charity",
                  later_source="local:organization:defence-ministry")
    found = find_conflicts(story.corpus())
    assert [c.kind for c in found] == ["status"]
    assert sorted(s.doc for s in found[0].sides) == ["a", "b"]


def test_the_candidate_pairs_are_kept_in_the_callers_cache_not_in_the_module(monkeypatch):
    from storyline.analysis import conflict_reach
    from storyline.analysis.conflict_pairs import statement_props

    claim = "Witnesses said riot police fired rubber bullets at protesters near the gates."
    denial = "A police spokesman called the accounts of rubber bullets a lie, saying officers used only water cannon."
    story = _pair(claim, "reported", denial, "denied", later_actors=("local:organization:defence-ministry",),
                  later_source="local:organization:defence-ministry")
    props = statement_props(story.corpus())
    fresh = conflict_reach.reach_pairs(props)
    assert (1, 0) in fresh and not hasattr(conflict_reach, "_last")
    calls = []
    monkeypatch.setattr(conflict_reach, "wider_pairs", lambda ps: calls.append(ps) or set())
    cache: dict = {}
    first = conflict_reach.reach_pairs(props, cache)
    assert conflict_reach.reach_pairs(props, cache) == first and len(calls) == 1  # found once per cache
    assert conflict_reach.reach_pairs(list(props), cache) == first and len(calls) == 2  # another list: afresh
    conflict_reach.reach_pairs(props, {})
    assert len(calls) == 3  # a new cache holds nothing
