"""Propositions: the synonym class a clause's verb gives, read from its parse."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

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
