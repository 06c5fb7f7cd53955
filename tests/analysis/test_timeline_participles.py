"""A date on a participle after a noun tells a participant's history, not the happening its sentence tells
("The bridge destroyed in November reopened on Monday"), with or without a doer after "by". Model-free."""

from __future__ import annotations

import pytest

from storyline.analysis.dating import participle_history
from storyline.analysis.timeline import build_timeline
from storyline.models import TimeRef
from tests.analysis.test_timeline import Reports


def _ref(text: str, date: str, head: str, value: str = "2032-11", precision: str = "month") -> TimeRef:
    start = text.index(date)
    return TimeRef("d", start, start + len(date), date, value, precision, head=text.index(head))


@pytest.mark.parametrize("text, date, head", [
    ("The bridge destroyed in November reopened to traffic on Monday.", "November", "destroyed"),
    ("Residents of the village captured in November went home on Sunday.", "November", "captured"),
    ("The harbour master, appointed in November, resigned on Monday.", "November", "appointed"),
    ("Crews refloated the tanker grounded early in November.", "November", "grounded"),
])
def test_a_date_straight_after_a_participle_after_a_noun_is_a_participants_history(text, date, head):
    assert participle_history(text, _ref(text, date, head))


@pytest.mark.parametrize("text, date, head", [
    ("The rebels captured the town in November.", "November", "captured"),
    ("Rebels captured the town in November.", "November", "captured"),
    ("The bridge was destroyed in November.", "November", "destroyed"),
    ("Parliament approved the budget in November.", "November", "approved"),
])
def test_a_past_verb_with_its_object_or_its_auxiliary_is_the_sentences_own(text, date, head):
    assert not participle_history(text, _ref(text, date, head))


def test_the_verbs_own_date_dates_a_sentence_that_tells_a_participants_history_too():
    r = Reports()
    text = "The ferry seized on 2 March was handed back to its owners on Tuesday."
    r.add("a", text, published="2033-03-16")
    r.times.append(TimeRef("a", *r.at("a", "2 March"), "2 March", "2033-03-02", "day", head=text.index("seized")))
    r.times.append(TimeRef("a", *r.at("a", "Tuesday"), "Tuesday", "2033-03-15", "day", head=text.index("handed")))
    r.say("a", text, date="2033-03-02")
    assert [(e.date, e.category) for e in build_timeline(r.corpus())] == [("2033-03-15", "happened")]


def test_a_participles_date_alone_still_dates_the_thing_whose_coming_the_sentence_tells():
    # No other date: "The report published on 6 June said ..." is the report's dated coming.
    r = Reports()
    text = "Prices rose again.\n\nThe report published on 6 June said food prices had doubled."
    r.add("a", text, published="2033-06-10")
    r.times.append(TimeRef("a", *r.at("a", "6 June"), "6 June", "2033-06-06", "day", head=text.index("published")))
    r.say("a", "The report published on 6 June said food prices had doubled.", date="2033-06-06")
    assert [e.date for e in build_timeline(r.corpus())] == ["2033-06-06"]


def test_a_verb_after_its_subject_dated_beside_another_verb_is_no_history():
    # "The dam burst on Monday" reads like a participle after a noun; no verb follows the date: two happenings.
    r = Reports()
    text = "The dam burst on Monday and the river fell on Tuesday."
    r.add("a", text, published="2033-03-16")
    r.times.append(TimeRef("a", *r.at("a", "Monday"), "Monday", "2033-03-14", "day", head=text.index("burst")))
    r.times.append(TimeRef("a", *r.at("a", "Tuesday"), "Tuesday", "2033-03-15", "day", head=text.index("fell")))
    r.say("a", text, date="2033-03-14")
    assert [e.date for e in build_timeline(r.corpus())] == ["2033-03-14", "2033-03-15"]


def test_a_date_deep_in_a_relative_clause_after_the_sentences_verb_dates_nothing():
    # The sentence tells how ferries sail now; the clearing of the channel is the quay's history.
    r = Reports()
    text = ("Ferries now sail from the north quay, access to which was restored after navy divers cleared the sunken "
            "dredger from the channel on 4 May.")
    r.add("a", text, published="2033-05-20")
    r.times.append(TimeRef("a", *r.at("a", "4 May"), "4 May", "2033-05-04", "day", head=text.index("cleared")))
    r.say("a", text, date="2033-05-04", predicate="sail")
    assert build_timeline(r.corpus()) == []


def test_a_date_after_a_relative_clause_on_the_subject_still_dates_the_sentence():
    r = Reports()
    text = ("Officials who spoke on condition of anonymity because they were not cleared to brief reporters said "
            "troops left the border on Monday.")
    r.add("a", text, published="2033-05-20")
    r.times.append(TimeRef("a", *r.at("a", "Monday"), "Monday", "2033-05-19", "day", head=text.index("left")))
    r.say("a", text, date="2033-05-19", predicate="leave", status="reported", source_kind="anonymous")
    assert [e.date for e in build_timeline(r.corpus())] == ["2033-05-19"]
