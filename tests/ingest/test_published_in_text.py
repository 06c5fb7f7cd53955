"""Publication dates a plain-text report states about itself, kept even when cleaning removes the line."""

from __future__ import annotations

from storyline import config
from storyline.ingest.metadata import stated_published
from storyline.ingest.prepare import prepare
from storyline.models import RawInput, RemovedSpan

BODY = ("Heavy rain pushed the river over its banks near the port city on Tuesday night, flooding "
        "low-lying districts and cutting the main road to the airport.\n\n"
        "The national disaster agency said at least 40 people had died and that rescue teams were "
        "still searching villages upstream, where mobile networks remained down.\n")


def test_published_stamp_beats_updated_stamp_and_keeps_its_precision():
    text = "Floods swamp the delta\nUpdated: 16 July 2025\nPublished: 14 July 2025\n\n" + BODY
    found = stated_published(text)
    assert (found.value, found.method, found.precision) == ("2025-07-14", "text-stamp", "day")
    assert stated_published("Floods\nPosted on July 3, 2024 at 9:15 am\n\n" + BODY).value == "2024-07-03"
    assert stated_published("Election count\nDate: 3rd of March, 2024\n\n" + BODY).value == "2024-03-03"


def test_no_stamp_no_date_and_a_date_in_the_story_is_not_the_reports():
    assert stated_published("Floods swamp the delta\n\n" + BODY) is None
    assert stated_published("Floods\nPosted: yesterday\n\n" + BODY) is None
    assert stated_published("Floods\n\nThe dam, finished on 12 May 2020, held.\n" + BODY) is None


def test_a_dated_byline_the_cleaner_removed_still_dates_the_report():
    text = "Floods swamp the delta\nBy Jane Doe | 14 July 2025\n\n" + BODY
    span = RemovedSpan("byline", "By Jane Doe | 14 July 2025", 23, 49)
    assert stated_published(text, [span]).value == "2025-07-14"
    assert stated_published(text, [RemovedSpan("related-links", span.text, 23, 49)]) is None


def test_prepare_dates_a_plain_text_report_from_its_published_line():
    raw = RawInput("flood.txt", "Floods swamp the delta as rivers burst\nPublished: 14 July 2025\n\n" + BODY)
    doc, _ = prepare(raw, config.defaults())
    assert (doc.published.value, doc.published.method) == ("2025-07-14", "text-stamp")
    assert "Published:" not in doc.text  # cleaned away as debris, but the date was read first
    given = RawInput("flood.txt", raw.content, fields={"published": "2025-07-15"})
    assert prepare(given, config.defaults())[0].published.value == "2025-07-15"  # given metadata wins
