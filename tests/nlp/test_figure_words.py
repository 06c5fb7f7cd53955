"""The verb forms the figure rules match (nlp/figure_words.py): no model needed."""

from __future__ import annotations

from storyline.nlp.figure_words import inflect


def test_inflect_gives_regular_forms():
    assert inflect("confirm") == {"confirm", "confirms", "confirmed", "confirming"}
    assert inflect("evacuate") >= {"evacuates", "evacuated", "evacuating"}
    assert inflect("bury") >= {"buries", "buried", "burying"}


def test_inflect_doubles_a_final_consonant_after_one_short_vowel():
    assert inflect("commit") >= {"committed", "committing", "commited"}
    assert inflect("kidnap") >= {"kidnapped", "kidnapping"}
    assert "fixxed" not in inflect("fix") and "fixed" in inflect("fix")  # x, w and y are never doubled
    assert "boostted" not in inflect("boost")  # two vowels before the consonant: no doubling
