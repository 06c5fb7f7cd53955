"""A history told across the cut between two windows of a long report keeps its year."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from storyline.models import TimeRef
from storyline.nlp.pipeline import Extraction
from storyline.nlp.times import continue_history

PUBLISHED = dt.date(2031, 5, 20)
FIRST = "The dispute over the islands began in 2019. Boats gathered off the coast.\n\n"
SECOND = "On March 3, fishing boats anchored off the largest island.\n\nInspectors came on Monday."
TEXT = FIRST + SECOND


def _extraction() -> tuple[Extraction, SimpleNamespace]:
    year_at = TEXT.index("2019")
    day_at = TEXT.index("March 3")
    monday_at = TEXT.index("Monday")
    times = [
        TimeRef("d", year_at, year_at + 4, "2019", "2019", "year"),
        # Read in its own window, the month-day took the report's year.
        TimeRef("d", day_at, day_at + 7, "March 3", "2031-03-03", "day"),
        TimeRef("d", monday_at, monday_at + 6, "Monday", "2031-05-19", "day"),
    ]
    end = TEXT.index("\n\nInspectors")
    statement = SimpleNamespace(start=len(FIRST), end=end, date="2031-03-03")
    return Extraction(doc_id="d", times=times, statements=[statement]), statement


def test_a_month_day_after_the_cut_takes_the_year_told_before_it():
    extraction, statement = _extraction()
    assert continue_history(extraction, TEXT, PUBLISHED, [0, len(FIRST)]) == 1
    assert extraction.times[1].value == "2019-03-03"
    assert statement.date == "2019-03-03"  # the record dated by it moves with it
    assert extraction.times[2].value == "2031-05-19"  # a date told relative to the report stays


def test_one_window_or_no_report_date_changes_nothing():
    extraction, _ = _extraction()
    assert continue_history(extraction, TEXT, PUBLISHED, [0]) == 0
    assert continue_history(extraction, TEXT, None, [0, len(FIRST)]) == 0
    assert extraction.times[1].value == "2031-03-03"


def test_a_glued_sentence_end_splits_a_date_in_two():
    from storyline.nlp.times import _glued_parts

    assert _glued_parts("as early as 2014.On February 27") == [("as early as 2014", 0), ("On February 27", 17)]
    assert _glued_parts("Feb. 27") == [("Feb. 27", 0)]  # an abbreviation is no sentence end


def test_a_photo_captions_year_tells_no_history():
    caption = "A banker speaks at a forum in Oslo on October 31, 2028. (Jane Roe/Getty Images)\n\n"
    text = caption + "The banker has criticised the war.\n\nThe banker, who was fined by the regulator on March 3, spoke."
    year_at, day_at = text.index("October 31, 2028"), text.index("March 3")
    extraction = Extraction(doc_id="d", times=[
        TimeRef("d", year_at, year_at + 16, "October 31, 2028", "2028-10-31", "day"),
        TimeRef("d", day_at, day_at + 7, "March 3", "2031-03-03", "day")])
    # Read as a history, "March 3" would move to the year after the caption's October: 2029.
    assert continue_history(extraction, text, PUBLISHED, [0, len(caption)]) == 0
    assert extraction.times[1].value == "2031-03-03"
