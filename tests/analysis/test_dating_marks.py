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
