"""Conflicts across runs: word weights that an added report seldom moves, pairs judged once and read back,
and an added report that only has its own pairs judged."""

from __future__ import annotations

import dataclasses
import math

import duckdb

from storyline.analysis import conflict_match
from storyline.analysis.conflicts import find_conflicts, statement_props
from storyline.analysis.entities import Entity
from storyline.analysis.reuse import JudgedPairs
from storyline.models import Statement

from tests.analysis.stories import StoryBuilder


class Story(StoryBuilder):
    ENTITIES = [Entity("kb:MOR", "Moravia", "state"), Entity("kb:ODR", "Oder Authority", "organization"),
                Entity("kb:VEL", "Velmar", "state"), Entity("kb:UNI", "Dockers Union", "organization")]

    def say(self, doc: str, text: str, status: str, actors: tuple[str, ...], published: str, **kw) -> Statement:
        self.report(doc, text, published=published)
        s = Statement(doc, 0, len(text), text, "fact", status, actors=list(actors), **kw)
        self.records["statements"].append(s)
        return s


REPORTS = {
    "dam": ("Engineers from the Oder Authority confirmed on Monday that the Kolin dam burst and flooded three "
            "villages near Brno.", "confirmed", ("kb:ODR", "kb:MOR"), "2031-03-02"),
    "dam-denied": ("Moravia's governor denied that the Kolin dam had burst, blaming heavy rain for the flooding.",
                   "denied", ("kb:MOR", "kb:ODR"), "2031-03-03"),
    "spillway": ("Moravia said the Oder Authority opened two spillways to spare the town of Brno.",
                 "asserted", ("kb:MOR", "kb:ODR"), "2031-03-02"),
    "strike": ("The Dockers Union said Velmar dockers walked out over pay, halting container traffic at the port.",
               "confirmed", ("kb:UNI", "kb:VEL"), "2031-03-04"),
    "strike-doubted": ("Port officials in Velmar said a walkout by dockers over pay has not been confirmed.",
                       "unconfirmed", ("kb:VEL", "kb:UNI"), "2031-03-05"),
    "strike-denied": ("Velmar's mayor denied that dockers had walked out, saying container traffic was moving "
                      "normally.", "denied", ("kb:VEL", "kb:UNI"), "2031-03-06"),
}


def story(*keys: str) -> Story:
    built = Story()
    for key in keys:
        text, status, actors, published = REPORTS[key]
        built.say(key, text, status, actors, published, source=actors[0], source_kind="named")
    return built


def count_judged(monkeypatch) -> list:
    calls: list = []
    original = conflict_match.StatementMatcher.__call__

    def counted(self, probe, positive):
        calls.append((probe.record.doc, positive.record.doc))
        return original(self, probe, positive)

    monkeypatch.setattr(conflict_match.StatementMatcher, "__call__", counted)
    return calls


def test_word_weights_move_only_when_a_count_crosses_a_power_of_two():
    base = statement_props(story("dam").corpus())[0]
    props = [dataclasses.replace(base, words=frozenset({"flood", f"village{n}"} | ({"dam"} if n < 10 else set())))
             for n in range(40)]
    weights = conflict_match.StatementMatcher(props).weight
    assert weights["flood"] == math.log(2)  # in every statement: 40 and 40 both round to 32
    assert weights["dam"] == math.log(1 + 4)  # in one of four: 8 of 32
    assert weights["village0"] == math.log(1 + 32)  # in one of forty
    grown = props + [dataclasses.replace(base, words=frozenset({"flood", "dam", "village40"}))]
    assert {w: v for w, v in conflict_match.StatementMatcher(grown).weight.items() if w in weights} == weights
    doubled = props + [dataclasses.replace(base, words=frozenset({"flood", f"levee{n}"})) for n in range(60)]
    assert conflict_match.StatementMatcher(doubled).weight["village0"] == math.log(1 + 128)  # 100 rounds to 128
    assert conflict_match.StatementMatcher(doubled).weight["dam"] == math.log(1 + 16)


def test_pairs_judged_once_are_read_back_with_the_same_conflicts(monkeypatch):
    corpus = story("dam", "dam-denied", "spillway", "strike", "strike-doubted").corpus()
    expected = find_conflicts(corpus)
    assert {c.kind for c in expected} >= {"status"} and len(expected) >= 2
    judged = JudgedPairs()
    assert find_conflicts(corpus, judged=judged) == expected
    judged.save()
    assert judged.judged > 0
    calls = count_judged(monkeypatch)
    again = JudgedPairs()
    again.memory = judged.memory
    assert find_conflicts(corpus, judged=again) == expected
    assert calls == [] and again.judged == 0


def story_with_others(*keys: str, others: int = 30) -> Story:
    """The reports, after ``others`` reports about other things (the corpus a new report joins is large)."""
    built = Story()
    for n in range(others):
        name = "zar" + "".join(chr(97 + int(d)) for d in str(n))
        built.say(f"other{n}", f"The {name} committee published its annual review.", "asserted", (), "2031-02-01")
    for key in keys:
        text, status, actors, published = REPORTS[key]
        built.say(key, text, status, actors, published, source=actors[0], source_kind="named")
    return built


def test_an_added_report_has_only_its_own_pairs_and_those_of_moved_weights_judged(monkeypatch):
    judged = JudgedPairs()
    before = story_with_others("dam", "dam-denied", "spillway", "strike", "strike-doubted").corpus()
    find_conflicts(before, judged=judged)
    judged.save()
    calls = count_judged(monkeypatch)
    corpus = story_with_others("dam", "dam-denied", "spillway", "strike", "strike-doubted", "strike-denied").corpus()
    found = find_conflicts(corpus, judged=judged)
    assert calls and any("strike-denied" in pair for pair in calls)
    old = conflict_match.StatementMatcher(statement_props(before)).weight
    new = conflict_match.StatementMatcher(statement_props(corpus)).weight
    moved = {w for w in old if new[w] != old[w]}
    words = {p.record.doc: p.words | p.clause_words for p in statement_props(corpus)}
    assert all("strike-denied" in pair or any(words[d] & moved for d in pair) for pair in calls)
    assert not any(d.startswith("dam") for pair in calls for d in pair)  # the flood's pairs are read back
    monkeypatch.undo()
    assert found == find_conflicts(corpus)
    assert any(c.sides[1].doc == "strike-denied" for c in found)


def test_a_changed_statement_has_its_pairs_judged_again(monkeypatch):
    judged = JudgedPairs()
    built = story_with_others("dam", "dam-denied", "strike", "strike-doubted")
    find_conflicts(built.corpus(), judged=judged)
    judged.save()
    built.records["statements"][-1].status = "denied"  # the doubt about the strike is now a denial
    calls = count_judged(monkeypatch)
    corpus = built.corpus()
    found = find_conflicts(corpus, judged=judged)
    assert calls and all("strike-doubted" in pair for pair in calls)
    monkeypatch.undo()
    assert found == find_conflicts(corpus)


def test_judgements_kept_in_the_store_are_read_back_and_stale_ones_dropped(monkeypatch):
    con = duckdb.connect(":memory:")
    corpus = story("dam", "dam-denied", "strike", "strike-doubted").corpus()
    first = JudgedPairs(con)
    expected = find_conflicts(corpus, judged=first)
    first.save()
    stored = con.execute("SELECT count(*) FROM conflict_judgements").fetchone()[0]
    assert stored == first.judged > 0
    calls = count_judged(monkeypatch)
    second = JudgedPairs(con)
    assert find_conflicts(corpus, judged=second) == expected
    assert calls == [] and second.judged == 0
    monkeypatch.setattr("storyline.analysis.reuse.JudgedPairs.version", lambda self: "other rules")
    third = JudgedPairs(con)
    find_conflicts(corpus, judged=third)  # other rules: every pair judged again
    assert third.judged == stored
    third.save()
    assert con.execute("SELECT count(*) FROM conflict_judgements").fetchone()[0] == 2 * stored
    monkeypatch.undo()
    monkeypatch.setattr(JudgedPairs, "SLACK", -1)
    fourth = JudgedPairs(con)  # the first rules again: the other rules' judgements are stale
    assert find_conflicts(corpus, judged=fourth) == expected and fourth.judged == 0
    fourth.save()
    assert con.execute("SELECT count(*) FROM conflict_judgements").fetchone()[0] == stored
