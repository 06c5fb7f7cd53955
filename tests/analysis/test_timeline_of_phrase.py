"""A date on what may happen, named in an "of" phrase, dates that possible thing, not the sentence's verb;
a date after a noun naming the subject of a present verb dates nothing."""

from __future__ import annotations

from storyline.analysis.dating import places
from storyline.models import TimeRef


def _ref(text: str, date: str, verb: str) -> TimeRef:
    start = text.index(date)
    return TimeRef("d", start, start + len(date), date, "2031-02", "month", head=text.index(verb))


def test_a_date_on_a_possible_happening_in_an_of_phrase_dates_no_verb():
    text = "The governor warned of a real risk of an evacuation in February."
    assert not places(text, _ref(text, "February", "warned"))
    text = "The envoy spoke of the likelihood of fresh attacks in March."
    assert not places(text, _ref(text, "March", "spoke"))


def test_a_date_after_an_of_phrase_on_a_thing_dates_the_verb():
    text = "Rebels took control of the border town in February."
    assert places(text, _ref(text, "February", "took"))
    text = "The minister walked out of the negotiations on Monday."
    assert places(text, _ref(text, "Monday", "walked"))
    text = "The commission declared him the winner of the election on Monday."
    assert places(text, _ref(text, "Monday", "declared"))
    text = "The council ordered the closure of schools in February."
    assert places(text, _ref(text, "February", "ordered"))


def test_a_date_naming_the_subject_of_a_present_verb_dates_nothing():
    text = "The ministry's update on February 13 focuses on the northern front."
    assert not places(text, _ref(text, "February 13", "focuses"))
    text = "The talks on February 13 ended without a deal."
    assert places(text, _ref(text, "February 13", "ended"))
