"""Happenings named by a noun with their day before it ("the 3 May blast", "before the March 9 coup"): the
happening took place that day whatever the sentence's own verb tells. Model-free: records placed by hand."""

from __future__ import annotations

from storyline.analysis.timeline import build_timeline
from storyline.models import TimeRef
from tests.analysis.test_timeline import Reports


def _day(r: Reports, doc: str, fragment: str, value: str, head: str | None = None) -> None:
    text = r.documents[doc]["text"]
    r.times.append(TimeRef(doc, *r.at(doc, fragment), fragment, value, "day",
                           head=None if head is None else text.index(head)))


def test_a_day_written_before_a_noun_of_a_happening_dates_that_happening():
    # The sentence's verb is undated ("are still searching"); the blast it names happened on 3 May.
    r = Reports()
    text = "Divers are still searching the harbour for survivors of the 3 May blast at the fuel depot."
    r.add("a", text, published="2033-05-06")
    _day(r, "a", "3 May", "2033-05-03", head="blast")
    r.say("a", text)
    assert [(e.date, e.category) for e in build_timeline(r.corpus())] == [("2033-05-03", "happened")]


def test_a_named_happening_placed_before_the_verb_is_still_dated():
    # "before the March 9 coup" places the verb against the coup: the coup itself is a happening of its day,
    # beside the sentence's own dated act.
    r = Reports()
    text = "Officers moved tanks into the capital on March 7, before the March 9 coup."
    r.add("a", text, published="2034-03-12")
    _day(r, "a", "March 7", "2034-03-07", head="moved")
    _day(r, "a", "March 9", "2034-03-09", head="coup")
    r.say("a", text, date="2034-03-07")
    assert [e.date for e in build_timeline(r.corpus())] == ["2034-03-07", "2034-03-09"]


def test_a_day_before_a_noun_of_no_happening_or_after_the_report_dates_nothing():
    r = Reports()
    r.add("a", "The agency raised its 2 June forecast for the harvest.", published="2033-06-10")
    r.add("b", "Voters are preparing for the 20 June referendum on the new charter.", published="2033-06-10")
    r.add("c", "The minister did not attend the 4 June vote, her office said.", published="2033-06-10")
    _day(r, "a", "2 June", "2033-06-02", head="forecast")
    _day(r, "b", "20 June", "2033-06-20", head="referendum")
    _day(r, "c", "4 June", "2033-06-04", head="vote")
    r.say("a", "The agency raised its 2 June forecast for the harvest.")
    r.say("b", "Voters are preparing for the 20 June referendum on the new charter.")
    r.say("c", "The minister did not attend the 4 June vote, her office said.", status="negated")
    assert build_timeline(r.corpus()) == []
