"""Propositions: the synonym class a clause's verb gives, read from its parse."""

from __future__ import annotations

import pytest
import spacy
from spacy.lookups import Lookups
from spacy.tokens import Doc

from storyline.nlp import grammar as gr
from storyline.nlp.propositions import retreating


def _root(words: list[str], heads: list[int], deps: list[str]):
    """The root verb of a sentence parsed by hand (no model)."""
    return next(t for t in Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps) if t.dep_ == "ROOT")


@pytest.mark.parametrize("words, heads, deps, base", [
    # "The army moved its tanks away from the river"
    (["The", "army", "moved", "its", "tanks", "away", "from", "the", "river"], [1, 2, 2, 4, 2, 2, 5, 8, 6],
     ["det", "nsubj", "ROOT", "poss", "dobj", "advmod", "prep", "det", "pobj"], "move"),
    # "The rebels pulled back their fighters"
    (["The", "rebels", "pulled", "back", "their", "fighters"], [1, 2, 2, 2, 5, 2],
     ["det", "nsubj", "ROOT", "prt", "poss", "dobj"], "pull"),
    # "The firm is drawing down its staff"
    (["The", "firm", "is", "drawing", "down", "its", "staff"], [1, 3, 3, 3, 3, 6, 3],
     ["det", "nsubj", "aux", "ROOT", "prt", "poss", "dobj"], "draw"),
])
def test_a_verb_of_moving_sent_away_or_back_withdraws(words, heads, deps, base):
    assert retreating(_root(words, heads, deps), base)


def test_a_verb_of_moving_sent_somewhere_or_moved_down_is_no_withdrawal():
    # "The navy moved two frigates to the strait": a deployment
    pred = _root(["The", "navy", "moved", "two", "frigates", "to", "the", "strait"], [1, 2, 2, 4, 2, 2, 7, 5],
                 ["det", "nsubj", "ROOT", "nummod", "dobj", "prep", "det", "pobj"])
    assert not retreating(pred, "move")
    # "The index moved down": only "draw" withdraws when sent down
    pred = _root(["The", "index", "moved", "down"], [1, 2, 2, 2], ["det", "nsubj", "ROOT", "prt"])
    assert not retreating(pred, "move")


@pytest.mark.integration
@pytest.mark.parametrize("text, klass", [
    ("The ministry says it is moving its tanks away from the river after the drills ended.", "withdraw"),
    ("Officials said the army was moving troops back to their barracks.", "withdraw"),
    ("The navy moved two frigates to the strait on Sunday.", "deploy"),
])
def test_the_parsed_class_of_a_movement_follows_where_it_goes(nlp, text, klass):
    found = [s for s in nlp(text)._.statements if s.predicate in ("move", "pull", "draw")]
    assert len(found) == 1 and found[0].predicate_class == klass


@pytest.mark.parametrize("form, base", [
    ("continued", "continue"), ("continuing", "continue"), ("argued", "argue"), ("noticing", "notice"),
    ("compared", "compare"), ("renaming", "rename"), ("welcomed", "welcome"), ("retired", "retire"),
    ("stopped", "stop"), ("planning", "plan"), ("added", "add"), ("staffed", "staff"), ("filled", "fill"),
    ("cleared", "clear"), ("poured", "pour"), ("claimed", "claim"), ("visited", "visit"), ("carried", "carry"),
    ("broadened", "broaden"), ("escalating", "escalate"),
])
def test_a_verb_outside_the_lexicons_gets_its_base_from_its_spelling(form, base):
    assert gr.spelled_base(form) == base


@pytest.fixture
def lemma_tables():
    """Small verb lemma tables shaped like a spaCy lemmatizer's, given to the grammar for one test."""
    saved = gr._VERB_TABLES
    lookups = Lookups()
    lookups.add_table("lemma_index", {"verb": ["hope", "hop", "continue", "ferry", "tie"]})
    lookups.add_table("lemma_exc", {"verb": {"wove": ["weave"]}})
    lookups.add_table("lemma_rules", {"verb": [["s", ""], ["ies", "y"], ["es", "e"], ["es", ""], ["ed", "e"],
                                               ["ed", ""], ["ing", "e"], ["ing", ""]]})
    gr.use_lemma_tables(lookups)
    yield
    gr._VERB_TABLES = saved
    gr._table_base.cache_clear()


@pytest.mark.parametrize("form, base", [
    ("continues", "continue"), ("continuing", "continue"), ("hoped", "hope"), ("hopes", "hope"),
    ("ferries", "ferry"), ("tied", "tie"), ("wove", "weave"),
])
def test_the_models_lemma_tables_give_the_base_of_a_verb_they_know(lemma_tables, form, base):
    assert gr.verb_base(form) == base


def test_a_verb_the_lemma_tables_do_not_know_is_guessed_from_its_spelling(lemma_tables):
    assert gr.verb_base("broadened") is None
    assert gr.guess_base(Doc(spacy.blank("en").vocab, words=["broadened"])[0]) == "broaden"


@pytest.mark.integration
@pytest.mark.parametrize("text, base", [
    ("The council continued the hearings on Monday.", "continue"),
    ("The harbour office is renaming the pier after the storm.", "rename"),
    ("The rangers noticed smoke above the ridge.", "notice"),
    ("The mayor continues the talks with the bus drivers.", "continue"),
])
def test_the_parsed_predicate_is_the_verbs_base_form(nlp, text, base):
    found = [s for s in nlp(text)._.statements if s.predicate]
    assert [s.predicate for s in found] == [base]


@pytest.mark.integration
@pytest.mark.parametrize("text, klass", [
    ("The rebels took the river port of Tessaly on Sunday.", "capture"),
    ("The militia has taken control of the airfield near the lake.", "capture"),
    ("Three fishing unions took part in the talks on quotas.", "take"),
    ("The council has taken steps towards a ban on night flights.", "take"),
])
def test_taking_captures_only_a_place_an_actor_or_control(nlp, text, klass):
    found = [s for s in nlp(text)._.statements if s.predicate == "take"]
    assert len(found) == 1 and found[0].predicate_class == klass
