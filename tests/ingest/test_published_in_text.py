"""Publication dates a plain-text report states about itself, kept even when cleaning removes the line."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from storyline import config
from storyline.ingest.metadata import dateline_with_year_in_text, stated_published
from storyline.ingest.prepare import prepare
from storyline.models import RawInput, RemovedSpan

ROOT = Path(__file__).resolve().parents[2]
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


def test_a_dotted_day_first_date_and_a_dateline_with_its_year_date_the_report():
    span = RemovedSpan("date", "23.08.2024 · Asia", 12, 29)
    assert stated_published("DELTA TIMES\n23.08.2024 · Asia\n\n" + BODY, [span]).value == "2024-08-23"
    assert stated_published("DELTA TIMES\n31.02.2024 · Asia\n\n" + BODY, [RemovedSpan("date", "31.02.2024", 12, 22)]) is None
    dated = stated_published("Floods swamp the delta\n\nDHAKA, July 14, 2025 (Reuters) - " + BODY)
    assert (dated.value, dated.method) == ("2025-07-14", "dateline")
    assert stated_published("Floods\n\nDHAKA, 14 July 2025 (AFP) — " + BODY).value == "2025-07-14"
    # Without its year a dateline cannot say which year the report is from.
    assert stated_published("Floods swamp the delta\n\nDHAKA, July 14 (Reuters) - " + BODY) is None


def test_a_dateline_without_its_year_takes_the_latest_year_the_report_writes_or_stays_undated():
    dated = "Floods swamp the delta\n\nDHAKA, July 14 (Reuters) - " + BODY + "It is the worst flood since 2019.\n"
    found = dateline_with_year_in_text(dated, today=dt.date(2026, 1, 1))
    assert (found.value, found.method) == ("2019-07-14", "dateline+year-in-text")
    newer = dated + "The 2024 embankment gave way; a new one is planned by 2031.\n"
    assert dateline_with_year_in_text(newer, today=dt.date(2026, 1, 1)).value == "2024-07-14"
    assert dateline_with_year_in_text("Floods\n\nDHAKA, July 14 (Reuters) - " + BODY) is None  # no year written
    # A weekday in the dateline has to fall on the day in that year (14 July 2024 was a Sunday).
    assert dateline_with_year_in_text(newer.replace("July 14", "Sunday, July 14"), today=dt.date(2026, 1, 1))
    assert dateline_with_year_in_text(newer.replace("July 14", "Monday, July 14"), today=dt.date(2026, 1, 1)) is None


def test_a_yearless_dateline_skips_a_year_closing_a_span_and_follows_a_later_day_told_that_year():
    head = "Floods swamp the delta\n\nDHAKA, July 14 (Reuters) - " + BODY
    # "2021-2024" bounds a plan: the report writes no later year than 2021 of its own time.
    plan = head + "The levee plan for 2021-2024 was adopted in 2021.\n"
    assert dateline_with_year_in_text(plan, today=dt.date(2026, 1, 1)).value == "2021-07-14"
    # A day told in the past later in that year puts the report's July 14 in the next year.
    signed = head + "The levee plan was signed on 4 November 2021.\n"
    assert dateline_with_year_in_text(signed, today=dt.date(2026, 1, 1)).value == "2022-07-14"
    earlier = head + "The levee plan was signed on 4 March 2021.\n"
    assert dateline_with_year_in_text(earlier, today=dt.date(2026, 1, 1)).value == "2021-07-14"
    assert dateline_with_year_in_text(signed, today=dt.date(2021, 12, 1)) is None  # the next year is still ahead
    # A year of long ago is history the report recalls, not its own year.
    assert dateline_with_year_in_text(head + "The country joined the river commission in 1954.\n",
                                      today=dt.date(2026, 1, 1)) is None


def test_prepare_completes_a_yearless_dateline_only_when_nothing_better_dates_the_report():
    text = "Floods swamp the delta\n\nDHAKA, July 14 (Reuters) - " + BODY + "The 2024 levee failed.\n"
    doc, _ = prepare(RawInput("flood.txt", text), config.defaults())
    assert (doc.published.value, doc.published.method) == ("2024-07-14", "dateline+year-in-text")
    doc, _ = prepare(RawInput("20240716T080000Z_flood.txt", text), config.defaults())
    assert (doc.published.value, doc.published.method) == ("2024-07-16", "filename")


@pytest.mark.parametrize("raw_header, expected", [
    ("DELTA TIMES\n23.08.2024 · Asia\n\nFloods swamp the delta\n\n", "2024-08-23"),
    ("Floods swamp the delta\n\nDHAKA, July 14, 2025 (Reuters) - ", "2025-07-14"),
    ("# Floods swamp the delta\n\n**Delta Times** · Asia · *14 July 2025*\n\n", "2025-07-14"),
    ("DELTA TIMES\nMonday 14 July 2025\n\nFloods swamp the delta\n\n", "2025-07-14"),
    ("Floods swamp the delta\nLast updated 14:05 GMT, 14 July 2025\n\n", "2025-07-14"),
    ("Floods swamp the delta\nBy Anika Rahman, Dhaka | July 14th, 2025\n\n", "2025-07-14"),
])
def test_prepare_dates_plain_text_reports_that_state_their_date(raw_header, expected):
    doc, _ = prepare(RawInput("flood.txt", raw_header + BODY), config.defaults())
    assert doc.published.value == expected


WRITTEN = ("{d} {B} {y}", "{B} {d}, {y}", "{d:02}.{m:02}.{y}", "{y}-{m:02}-{d:02}", "{b} {d}, {y}", "{d} {b} {y}")


@pytest.mark.parametrize("expected_json", sorted((ROOT / "tests" / "fixtures" / "stories").glob("*/expected.json"))
                         + [ROOT / "src" / "storyline" / "data" / "example" / "expected.json"],
                         ids=lambda p: p.parent.name)
def test_every_hand_written_report_that_states_its_date_is_dated_by_it(expected_json):
    """A report whose header writes its publication date (in any of the usual forms) is dated by it."""
    stated = 0
    for entry in json.loads(expected_json.read_text())["documents"]:
        path = expected_json.parent / entry["file"]
        if path.suffix != ".txt" and path.suffix != ".md" or not entry.get("published"):
            continue
        day = dt.date.fromisoformat(entry["published"])
        forms = {f.format(d=day.day, m=day.month, y=day.year, B=day.strftime("%B"), b=day.strftime("%b"))
                 for f in WRITTEN}
        header = path.read_text(encoding="utf-8")[:600]
        if not any(form in header for form in forms):
            continue
        stated += 1
        doc, _ = prepare(RawInput(path.name, path.read_text(encoding="utf-8")), config.defaults())
        assert doc.published is not None and doc.published.value == entry["published"], path.name
    if expected_json.parent.name in {"typhoon_relief", "venezuela_election", "horn_ankara_talks", "example"}:
        assert stated >= 2  # these stories' reports carry dated headers: the check is not vacuous


def test_a_header_line_holding_only_a_date_and_a_time_or_an_iso_stamp_dates_the_report():
    for header, expected in (("Floods\nDecember 5, 2026 9:12 AM ET\n\n", "2026-12-05"),
                             ("Floods\nWed 14 July 2025 | 10:45 GMT\n\n", "2025-07-14"),
                             ("Floods\n2026-12-05T09:12:00Z\n\n", "2026-12-05"),
                             ("Floods\nLast updated: 2026-12-05T09:12:00+01:00\n\n", "2026-12-05")):
        assert stated_published(header + BODY).value == expected, header
    # a line telling something on a date is the story's, not the report's
    assert stated_published("Floods\nOn 12 May 2020 the dam held.\n\n" + BODY) is None
    assert stated_published("Floods\n12 May 2020: a dam held\n\n" + BODY) is None
