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
