"""A history told across the cut between two windows of a long report keeps its year."""

from __future__ import annotations

import dataclasses
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


def test_a_recap_in_the_historical_present_keeps_its_year_after_the_cut():
    first = "On September 3, 2028, the river bursts its banks.\n\nTeams work all night.\n\n"
    text = first + "Agencies appeal for tents.\n\nOn October 12, the army closes the last breach."
    year_at, day_at = text.index("September 3, 2028"), text.index("October 12")
    times = [TimeRef("d", year_at, year_at + 17, "September 3, 2028", "2028-09-03", "day", head=text.index("bursts")),
             TimeRef("d", day_at, day_at + 10, "October 12", "2030-10-12", "day", head=text.index("closes"))]
    extraction = Extraction(doc_id="d", times=times)
    assert continue_history(extraction, text, PUBLISHED, [0, len(first)]) == 1
    assert extraction.times[1].value == "2028-10-12"
    # told in the past, the history ends at the paragraphs without dates
    past = text.replace("bursts", "burst").replace("closes", "closed")
    times = [dataclasses.replace(times[0], head=past.index("burst")),
             TimeRef("d", day_at - 1, day_at + 9, "October 12", "2030-10-12", "day", head=past.index("closed"))]
    assert continue_history(Extraction(doc_id="d", times=times), past, PUBLISHED, [0, len(first) - 1]) == 0


def test_historical_present_reads_acts_in_the_simple_present():
    from storyline.nlp.times import historical_present

    text = "The army crosses the river. The army is there. The army crossed it. Troops cross it."
    assert historical_present(text, text.index("crosses"))
    assert not historical_present(text, text.index("is"))  # being is no act
    assert not historical_present(text, text.index("crossed"))
    assert not historical_present(text, text.index("cross it"))  # without a parse, only the -s form is read
    assert historical_present(text, text.index("cross it"), "VBP")
    assert not historical_present(text, None)
