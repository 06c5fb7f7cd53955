"""A day that marks a stretch of time since a happening dates no happening of its own."""

from __future__ import annotations

from storyline.analysis.dating import places
from storyline.models import TimeRef


def _places(text: str, date_text: str) -> bool:
    at = text.index(date_text)
    return places(text, TimeRef("d", at, at + len(date_text), date_text, "2031-03-16", "day"))


def test_a_day_opening_a_sentence_that_marks_years_since_dates_nothing():
    assert not _places("The dam was finished long ago.\n\nMarch 16 marks exactly ten years since the flood.",
                       "March 16 marks exactly ten years")
    assert not _places("Crowds were small. Sunday marked the second anniversary of the quake.", "Sunday")


def test_a_commemoration_on_a_day_is_still_a_happening():
    assert _places("Veterans on Sunday marked the anniversary with a march through the town.", "Sunday")
    assert _places("The storm reached the coast on March 16, ten years after the flood.", "March 16")


def test_an_agency_style_dated_caption_stays_off_the_timeline():
    from storyline.analysis.timeline import build_timeline
    from tests.analysis.test_timeline import Reports

    r = Reports()
    caption = ("A firefighter walks past a burnt lorry on Tuesday, March 4, 2031, near Tarvel, Ostria.")
    prose = "Firefighters put out the last fires on Tuesday."
    r.add("a", f"{caption} {prose}", published="2031-03-05")
    for sentence, phrase in ((caption, "Tuesday, March 4, 2031"), (prose, "on Tuesday")):
        r.say("a", sentence, date="2031-03-04")
        at = r.documents["a"]["text"].index(sentence) + sentence.index(phrase)
        r.times.append(TimeRef("a", at, at + len(phrase), phrase, "2031-03-04", "day"))
    assert [e.text for e in build_timeline(r.corpus())] == [prose]


def _places_on(text: str, date_text: str, verb: str) -> bool:
    """``places`` for a date the parse hangs on ``verb``."""
    at = text.index(date_text)
    return places(text, TimeRef("d", at, at + len(date_text), date_text, "2031-03-16", "day", head=text.index(verb)))


def test_a_date_in_a_relative_clause_without_its_pronoun_dates_nothing_of_the_sentence():
    # "the pledge made by the governor on Monday": what the clause tells of the pledge, not when the mayor repeated it.
    assert not _places_on("The mayor repeated the pledge made by the governor on Monday.", "on Monday", "made")
    assert not _places_on("Crews cleared the roads blocked by the landslide on Monday.", "on Monday", "blocked")


def test_a_passive_or_active_verb_with_its_doer_after_by_is_the_sentences_own():
    assert _places_on("The levee was breached by the flood on Monday.", "on Monday", "breached")
    assert _places_on("The survey published by the agency on Monday said rents had doubled.", "on Monday", "published")
    assert _places_on("The governor made a pledge on Monday, backed by the council.", "on Monday", "made")
    assert _places_on("The council backed the plan by a wide margin on Monday.", "on Monday", "backed")
    assert _places_on("The governor made by far the largest pledge on Monday.", "on Monday", "made")
    assert _places_on("The two leaders talked by phone on Monday.", "on Monday", "talked")
    assert _places_on("The deputies voted by a wide margin on Monday.", "on Monday", "voted")
