"""Statement wordings kept across runs, and candidate pairs computed once per list of propositions."""

from __future__ import annotations

import duckdb

from storyline.analysis import conflict_pairs
from storyline.analysis.conflicts import find_conflicts, statement_props
from storyline.analysis.prop_wording import PropWordings

from tests.analysis.test_reuse_conflicts import story_with_others

KEYS = ("dam", "dam-denied", "spillway", "strike", "strike-doubted")


def test_wordings_read_back_give_the_same_props_and_conflicts():
    corpus = story_with_others(*KEYS).corpus()
    expected, conflicts = statement_props(corpus), find_conflicts(corpus)
    con = duckdb.connect()
    corpus.wordings = PropWordings(con)
    assert statement_props(corpus) == expected
    corpus.wordings.save()
    assert corpus.wordings.derived == len(expected)
    again = story_with_others(*KEYS).corpus()
    again.wordings = PropWordings(con)
    assert statement_props(again) == expected
    assert again.wordings.derived == 0
    assert find_conflicts(again) == conflicts


def test_an_added_report_derives_only_its_own_wording(monkeypatch):
    wordings = PropWordings()
    before = story_with_others(*KEYS).corpus()
    before.wordings = wordings
    statement_props(before)
    wordings.save()
    derived: list = []
    original = conflict_pairs.wording
    monkeypatch.setattr(conflict_pairs, "wording", lambda s, *a: derived.append(s.doc) or original(s, *a))
    corpus = story_with_others(*KEYS, "strike-denied").corpus()
    corpus.wordings = wordings
    props = statement_props(corpus)
    assert derived == ["strike-denied"]
    monkeypatch.undo()
    assert props == statement_props(story_with_others(*KEYS, "strike-denied").corpus())


def test_a_changed_statement_is_derived_again():
    wordings = PropWordings()
    built = story_with_others(*KEYS)
    corpus = built.corpus()
    corpus.wordings = wordings
    statement_props(corpus)
    wordings.save()
    built.records["statements"][-1].status = "denied"  # the doubt about the strike is now a denial
    changed = built.corpus()
    changed.wordings = wordings
    props = statement_props(changed)
    assert wordings.derived == len(props) + 1
    assert [p.status for p in props if p.record.doc == "strike-doubted"] == ["denied"]


def test_candidate_pairs_answer_again_for_the_same_props_and_anew_for_others(monkeypatch):
    props = statement_props(story_with_others(*KEYS).corpus())
    first = conflict_pairs.candidate_pairs(props)
    assert first
    calls: list = []
    original = conflict_pairs._candidate_pairs
    monkeypatch.setattr(conflict_pairs, "_candidate_pairs", lambda p, w: calls.append(w) or original(p, w))
    assert conflict_pairs.candidate_pairs(props) == first and calls == []
    fewer = [p for p in props if p.record.doc != "dam-denied"]
    assert conflict_pairs.candidate_pairs(fewer) != first and calls == [conflict_pairs.WINDOW]
    props.insert(0, props.pop())  # the same list, its members moved: pairs are found again
    assert conflict_pairs.candidate_pairs(props) != first and len(calls) == 2
