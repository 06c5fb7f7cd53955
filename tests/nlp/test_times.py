"""DATE expressions: resolution rules (model-free), the component on our own sentences, and the seeds."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.nlp.times import infer_published, is_reference_line, resolve_date_text, year_from_weekday

WED = dt.date(2024, 11, 6)  # a Wednesday
TODAY = dt.date(2026, 11, 22)
ISO = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


def resolve(text: str, base: dt.date | None = WED, forward: bool = False):
    return resolve_date_text(text, base, forward=forward, today=TODAY)


# -- resolution rules, no model ----------------------------------------------------------


def test_times_weekday_month_day_without_year_takes_the_year_whose_calendar_matches():
    r = resolve("Wednesday, October 30", base=None)
    assert (r.value, r.precision) == ("2024-10-30", "day")
    assert "weekday" in r.note


def test_times_month_day_takes_the_nearest_year_to_publication():
    assert resolve("October 30").value == "2024-10-30"
    assert resolve("December 28", base=dt.date(2025, 1, 3)).value == "2024-12-28"
    assert resolve("January 5", base=dt.date(2024, 12, 20)).value == "2025-01-05"


def test_times_wrong_weekday_is_kept_with_a_note():
    r = resolve("Tuesday, October 30")
    assert r.value == "2024-10-30"
    assert "does not match" in r.note


def test_times_full_dates_resolve_without_publication_date():
    assert resolve("4 November 2024", base=None).value == "2024-11-04"
    assert resolve("Nov. 4, 2024", base=None).value == "2024-11-04"
    assert resolve("2024-11-04", base=None).value == "2024-11-04"
    assert (resolve("October 1962", base=None).value, resolve("October 1962").precision) == ("1962-10", "month")


def test_times_bare_weekday_is_the_nearest_past_day_unless_context_points_forward():
    assert resolve("Monday").value == "2024-11-04"
    assert resolve("Wednesday").value == "2024-11-06"  # "on Wednesday" in a Wednesday report
    assert resolve("Sunday", forward=True).value == "2024-11-10"
    # "leaders meet on Wednesday" in a Wednesday report is that very day; "next Wednesday" a week on.
    assert resolve("Wednesday", forward=True).value == "2024-11-06"
    assert resolve("next Wednesday").value == "2024-11-13"
    assert resolve("next Tuesday").value == "2024-11-12"
    assert resolve("last Monday").value == "2024-11-04"
    # "last Tuesday" in a Wednesday report is not yesterday (that is "on Tuesday" or "yesterday"): it is
    # the Tuesday of the week before.
    assert resolve("last Tuesday").value == "2024-10-29"
    assert resolve("on Tuesday").value == "2024-11-05"


def test_times_last_night_is_the_evening_before_the_report():
    assert (resolve("last night").value, resolve("last night").precision) == ("2024-11-05", "day")
    assert resolve("last night", base=None).value is None


def test_times_weeks_resolve_to_their_monday():
    assert (resolve("last week").value, resolve("last week").precision) == ("2024-10-28", "week")
    assert resolve("this week").value == "2024-11-04"
    assert resolve("two weeks ago").value == "2024-10-21"


def test_times_months_and_years_relative_to_publication():
    assert resolve("in August").value == "2024-08"
    assert resolve("December").value == "2023-12"
    assert resolve("December", forward=True).value == "2024-12"
    assert (resolve("earlier this month").value, resolve("earlier this month").precision) == ("2024-11", "month")
    assert resolve("last month").value == "2024-10"
    assert (resolve("this year").value, resolve("this year").precision) == ("2024", "year")
    assert resolve("late last year").value == "2023"
    assert resolve("three years ago").value == "2021"
    assert resolve("yesterday").value == "2024-11-05"
    assert resolve("April last year").value == "2023-04"
    assert resolve("the beginning of December").value == "2023-12"


def test_times_years_and_decades():
    assert (resolve("2022").value, resolve("2022").precision) == ("2022", "year")
    assert resolve("the 1990s").value is None
    assert resolve("the 1990s").precision == "vague"


def test_times_periods_are_vague_without_a_value():
    for text in ("recent weeks", "the coming months", "the past year", "the past year or so", "several months ago",
                 "a few days ago"):
        r = resolve(text)
        assert (r.value, r.precision) == (None, "vague"), text


def test_times_durations_ages_and_percentages_are_not_dates():
    for text in ("three years", "decades", "for two weeks", "years", "50 years old", "20%", "as early as", "50",
                 "two to three weeks", "a year and a half", "up to 15 years", "6 and 8 days", "ten and twelve weeks"):
        assert resolve(text) is None, text


def test_times_relative_dates_need_a_publication_date():
    for text in ("last week", "Monday", "in August", "this year", "yesterday"):
        r = resolve(text, base=None)
        assert r.value is None and r.note == "no publication date", text


def test_times_year_from_weekday_prefers_the_most_recent_year_not_after_today():
    assert year_from_weekday(10, 30, 2, today=TODAY) == 2024
    assert year_from_weekday(10, 30, 2, today=dt.date(2024, 10, 29)) == 2019


def test_times_reference_lines_are_recognised():
    assert is_reference_line("Doe, Jane. A History of Floods. London: Example Press, 2005.")
    assert is_reference_line("  • Roe, R. (2019) Rivers and rain. Journal of Examples, 4(2).")
    assert not is_reference_line("The river rose in 2005, the mayor said.")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40), st.booleans())
def test_times_resolution_never_raises_and_values_are_iso(text, forward):
    r = resolve_date_text(text, WED, forward=forward, today=TODAY)
    assert r is None or r.value is None or ISO.match(r.value)
    assert r is None or r.precision in ("day", "week", "month", "year", "vague")


# -- the component on our own sentences (real model) -------------------------------------


def times_of(parse, text, published=WED):
    return [(t.text, t.value, t.precision) for t in parse(text, published=published)._.times]


@pytest.mark.integration
def test_times_component_resolves_our_sentences(parse):
    got = times_of(parse, "The dam burst on Monday and engineers arrived last week; repairs began in August.")
    assert ("Monday", "2024-11-04", "day") in got
    assert ("last week", "2024-10-28", "week") in got
    assert ("August", "2024-08", "month") in got


@pytest.mark.integration
def test_times_component_points_forward_for_future_context(parse):
    got = times_of(parse, "The rescue teams plan to reach the valley as early as Sunday.")
    assert ("Sunday", "2024-11-10", "day") in got
    got = times_of(parse, "The council will vote on the relief budget in December.")
    assert ("December", "2024-12", "month") in got


@pytest.mark.integration
def test_times_component_by_or_until_in_a_past_clause_looks_back(parse):
    got = times_of(parse, "At least 30 people had been killed by Sunday morning, the ministry said.")
    assert ("Sunday", "2024-11-03", "day") in got or ("Sunday morning", "2024-11-03", "day") in got
    got = times_of(parse, "Rescue teams will keep searching until Sunday.")
    assert any(value == "2024-11-10" for _, value, _ in got)


def test_times_a_range_of_days_keeps_its_year():
    assert resolve("August 6-8, 2016").value == "2016-08-06"
    assert resolve("March 3–5, 2021").value == "2021-03-03"


@pytest.mark.integration
def test_times_component_skips_modal_may_ages_and_durations(parse):
    got = times_of(parse, "Aid may arrive soon. The 70-year-old farmer, aged 70, had farmed there for three years.")
    assert all(text.lower() != "may" for text, _, _ in got)
    assert not any("70" in text or "three years" in text for text, _, _ in got)


@pytest.mark.integration
def test_times_from_a_day_in_a_past_clause_looks_back_and_ahead_in_a_future_one(parse):
    got = times_of(parse, "From 2 September, the army retook four villages.")
    assert any(value == "2024-09-02" for _, value, _ in got)
    got = times_of(parse, "From 2 December, the ferry will run twice a day.")
    assert any(value == "2024-12-02" for _, value, _ in got)


@pytest.mark.integration
def test_times_a_plan_named_beside_its_noun_is_ahead_and_its_day_the_nearest(parse):
    doc = parse("The third round of talks, due in Geneva on 4 November, has been postponed.", published=WED)
    assert [(t.value, t.ahead) for t in doc._.times] == [("2024-11-04", True)]


@pytest.mark.integration
def test_times_a_month_in_a_would_clause_is_the_nearest_one(parse):
    got = times_of(parse, "The council said it would publish the results in December.")
    assert ("December", "2024-12", "month") in got
    got = times_of(parse, "The council said it would publish the results in October.")
    assert ("October", "2024-10", "month") in got


@pytest.mark.integration
def test_times_a_count_before_a_plural_noun_is_no_year(parse):
    got = times_of(parse, "Rebels freed 1260 prisoners on Monday, and the 2019 floods were recalled.")
    assert not any(text.startswith("1260") for text, _, _ in got)
    got = times_of(parse, "The levee was built in 1962 after storms.")
    assert ("1962", "1962", "year") in got


@pytest.mark.integration
def test_times_component_ignores_bibliography_lines(parse):
    doc = parse("Floods returned to the valley in 2023.\nDoe, Jane. Rivers of the Plain. London: Example Press, 2005.\n")
    values = [t.value for t in doc._.times]
    assert "2023" in values and "2005" not in values


@pytest.mark.integration
def test_times_component_without_publication_date(parse):
    got = times_of(parse, "The bridge collapsed last week, and 4 March 2023 was the last inspection.", published=None)
    assert ("last week", None, "week") in got
    assert ("4 March 2023", "2023-03-04", "day") in got


@pytest.mark.integration
def test_times_publication_date_inferred_from_a_weekday_date(parse):
    doc = parse("The ministry released its figures on Wednesday, October 30, two days after the storm.", published=None)
    assert infer_published(doc, today=TODAY) == dt.date(2024, 10, 30)


@pytest.mark.integration
def test_times_component_analyze_pipes_has_no_problems(nlp):
    analysis = nlp.analyze_pipes()
    assert not analysis["problems"]["storyline_times"]
    assert not analysis["problems"]["storyline_figures"]


@pytest.mark.integration
def test_times_seed_002_call_date_resolves_to_2024_10_30(seed_docs):
    refs = [t for t in seed_docs["002"]._.times if "October 30" in t.text]
    assert refs and refs[0].value == "2024-10-30" and refs[0].precision == "day"
    assert infer_published(seed_docs["002"], today=TODAY) == dt.date(2024, 10, 30)


@pytest.mark.integration
def test_times_seeds_have_no_false_dates(seed_docs):
    for key, doc in seed_docs.items():
        for ref in doc._.times:
            assert ref.text.strip().lower() not in ("decades", "years", "may", "as early as"), (key, ref.text)


def ahead_of(parse, text, published=WED):
    return {t.text: (t.value, t.ahead) for t in parse(text, published=published)._.times}


@pytest.mark.integration
def test_times_dates_in_future_conditional_or_scheduled_clauses_are_ahead(parse):
    got = ahead_of(parse, "The dockers will walk out on Monday.")
    assert got["Monday"] == ("2024-11-11", True)  # ahead: the coming Monday, not the nearest one (4 Nov)
    got = ahead_of(parse, "The union said its members would walk out on Monday.")
    assert got["Monday"] == ("2024-11-04", True)  # the future of a past telling keeps the nearest day
    got = ahead_of(parse, "The parliament is set to vote on the budget on Thursday.")
    assert got["Thursday"] == ("2024-11-07", True)
    got = ahead_of(parse, "The minister cancelled the plans of the Sunday visit to the flooded towns.")
    assert got["Sunday"] == ("2024-11-10", True)
    got = ahead_of(parse, "The two leaders were supposed to meet in Geneva on Monday.")
    assert got["Monday"][1] is True
    got = ahead_of(parse, "The council is expected to vote on the levy on Monday.")
    assert got["Monday"] == ("2024-11-11", True)  # an inflected scheduling head, with no lemma from the parser
    got = ahead_of(parse, "Fishermen are planning to block the harbour on Saturday.")
    assert got["Saturday"] == ("2024-11-09", True)
    got = ahead_of(parse, "The runoff is scheduled for Sunday.")
    assert got["Sunday"] == ("2024-11-10", True)  # a planning word over the date's preposition: the plan's day
    got = ahead_of(parse, "The ruling is due on Monday.")
    assert got["Monday"] == ("2024-11-11", True)
    got = ahead_of(parse, "Rescuers set up a camp on Monday.")
    assert got["Monday"][1] is False  # a past act, no plan


@pytest.mark.integration
def test_times_a_date_on_the_telling_is_not_ahead_even_when_the_content_is(parse):
    got = ahead_of(parse, "The mayor said on Monday that the river will crest within days.")
    assert got["Monday"] == ("2024-11-04", False)
    got = ahead_of(parse, "Rescuers reached the village on Tuesday.")
    assert got["Tuesday"] == ("2024-11-05", False)


@pytest.mark.integration
def test_times_dates_on_coordinated_predicates_have_their_own_heads(parse):
    text = "Strikers blocked the port on 2 November, and on 4 November the dockers' union joined them."
    refs = {t.text: t for t in parse(text)._.times}
    first, second = refs["2 November"], refs["4 November"]
    assert text[first.head:].startswith("blocked") and text[second.head:].startswith("joined")


@pytest.mark.integration
def test_times_a_time_entity_naming_a_day_is_a_date(parse):
    got = times_of(parse, "Shells struck the power station on Friday night, a few seconds after the sirens.")
    assert ("Friday night", "2024-11-01", "day") in got
    assert not any("seconds" in text for text, _, _ in got)


def test_times_a_day_first_range_starts_on_its_first_day():
    assert resolve("13-19 February", base=dt.date(2022, 2, 21)).value == "2022-02-13"
    assert resolve("6–8 August 2016").value == "2016-08-06"


@pytest.mark.integration
def test_times_a_date_on_is_to_plus_a_verb_dates_a_plan(parse):
    doc = parse("The prime minister on Monday is to visit the flooded towns.", published=dt.date(2024, 11, 6))
    assert [(t.value, t.ahead) for t in doc._.times] == [("2024-11-11", True)]
    doc = parse("The prime minister visited the flooded towns on Monday.", published=dt.date(2024, 11, 6))
    assert [(t.value, t.ahead) for t in doc._.times] == [("2024-11-04", False)]


@pytest.mark.integration
def test_times_a_date_opening_the_stretch_of_a_noun_is_the_nearest_such_day(parse):
    # "the ban from 1 March": when the thing named starts, before or after the report, whatever the tense
    got = ahead_of(parse, "The ban on rice exports from 1 March covers all grades.", published=dt.date(2038, 8, 20))
    assert got["1 March"] == ("2038-03-01", False)
    got = ahead_of(parse, "The ministry announced a ban on rice exports from 1 March.", published=dt.date(2038, 1, 13))
    assert got["1 March"] == ("2038-03-01", False)
    # after a verb, "from" still looks ahead outside a past clause
    got = ahead_of(parse, "The dockers strike from Monday.")
    assert got["Monday"][0] == "2024-11-11"


@pytest.mark.integration
def test_times_two_days_run_into_one_entity_date_by_the_first(parse):
    # "on Wednesday against Tuesday's vote": the recogniser may make one entity of both days; the
    # first dates the clause, the second names the thing marched against.
    got = times_of(parse, "Supporters of the president marched in the capital on Wednesday against Tuesday's vote.")
    assert ("Wednesday", "2024-11-06", "day") in got
    assert all(value is not None for _, value, _ in got)


def test_times_only_days_set_against_each_other_are_split():
    from spacy.lang.en import English
    from spacy.tokens import Span

    from storyline.nlp.times import _first_of_joined

    nlp = English()
    doc = nlp("They marched on Wednesday against Tuesday's vote and met after dinner.")
    joined = Span(doc, 3, 7, label="DATE")   # "Wednesday against Tuesday's"
    assert _first_of_joined(joined).text == "Wednesday"
    plain = Span(doc, 3, 4, label="DATE")
    assert _first_of_joined(plain) is plain
    not_days = Span(doc, 9, 12, label="DATE")  # "met after dinner": no day on either side
    assert _first_of_joined(not_days) is not_days


@pytest.mark.integration
def test_times_last_night_and_a_date_run_into_the_clause_after_it(parse):
    # Whether or not the recogniser tags "Last night", it is the evening before the report; a date run
    # into the clause after it ("last week after a row") is read without that clause.
    got = {t.text: (t.value, t.precision) for t in parse(
        "The evacuation should have begun days earlier. Last night, lava crossed the coast road near the port. "
        "The director resigned last week after a row over the sirens.", published=dt.date(2043, 5, 14))._.times}
    assert got["Last night"] == ("2043-05-13", "day")
    assert got["last week"] == ("2043-05-04", "week")


@pytest.mark.integration
def test_times_a_month_before_a_surveys_noun_dates_the_survey(parse):
    # Whether or not the recogniser tags it, a month (or a month and day) written straight before "poll" or
    # "survey" says when the survey was taken, the latest such month before the report.
    got = {t.text: (t.value, t.precision) for t in parse(
        "A Kantar February poll found that most voters back the dockers. The union's November survey showed "
        "that few members trust the board. A Gallup June 4 poll put the mayor ahead.",
        published=dt.date(2047, 3, 8))._.times}
    assert got["February"] == ("2047-02", "month")
    assert got["November"] == ("2046-11", "month")
    assert got["June 4"] == ("2046-06-04", "day")


def test_times_an_approximate_stretch_back_places_no_day_week_or_month():
    assert resolve("two months ago").value == "2024-09"
    for text in ("almost two months ago", "about ten days ago", "nearly three weeks ago"):
        assert resolve(text).value is None and resolve(text).precision == "vague"
    assert resolve("about two years ago").value == "2022"


def test_times_last_or_next_before_a_day_and_month_says_which_way_to_look():
    base = dt.date(2025, 7, 25)
    assert resolve("last November 24", base=base).value == "2024-11-24"
    assert resolve("November 24", base=base).value == "2025-11-24"  # the nearest, when nothing says
    assert resolve("next March 3", base=base).value == "2026-03-03"
    assert resolve_date_text("September 2", base, backward=True).value == "2024-09-02"


@pytest.mark.integration
def test_times_component_a_day_on_a_past_verb_lies_before_the_report(parse):
    published = dt.date(2025, 2, 20)
    got = times_of(parse, "On April 2, the river guards arrested two smugglers near the weir.", published)
    assert ("April 2", "2024-04-02", "day") in got
    got = times_of(parse, "The river guards will patrol the weir on April 2.", published)
    assert ("April 2", "2025-04-02", "day") in got
    got = times_of(parse, "The ferry crossing on March 1 is expected to draw crowds.", published)
    assert ("March 1", "2025-03-01", "day") in got


def _parsed(rows: list[tuple[str, int, str, str, str]], date: tuple[int, int], published: dt.date):
    """A Doc from (word, head, dep, pos, tag) rows, its tokens ``date`` (start, end) a DATE entity: the parse
    under test is fixed (model-free)."""
    import spacy
    from spacy.tokens import Doc, Span

    from storyline.nlp.pipeline import register_extensions

    register_extensions()
    words, heads, deps, pos, tags = (list(column) for column in zip(*rows))
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags)
    doc.ents = [Span(doc, *date, label="DATE")]
    doc._.published, doc._.doc_id = published, "t"
    return doc


def test_times_a_weekday_on_a_simple_past_verb_lies_before_the_report_whatever_the_verb():
    from storyline.nlp.times import extract_times

    # "Farmers set up a camp on Monday." in a Wednesday report: "set" is told in the past, the Monday gone.
    doc = _parsed([
        ("Farmers", 1, "nsubj", "NOUN", "NNS"), ("set", 1, "ROOT", "VERB", "VBD"), ("up", 1, "prt", "ADP", "RP"),
        ("a", 4, "det", "DET", "DT"), ("camp", 1, "dobj", "NOUN", "NN"), ("on", 1, "prep", "ADP", "IN"),
        ("Monday", 5, "pobj", "PROPN", "NNP"), (".", 1, "punct", "PUNCT", "."),
    ], (6, 7), WED)
    assert [(t.value, t.ahead) for t in extract_times(doc, today=TODAY)] == [("2024-11-04", False)]
    # "The vote is set for Friday.": the participle of a plan looks ahead.
    doc = _parsed([
        ("The", 1, "det", "DET", "DT"), ("vote", 3, "nsubjpass", "NOUN", "NN"), ("is", 3, "auxpass", "AUX", "VBZ"),
        ("set", 3, "ROOT", "VERB", "VBN"), ("for", 3, "prep", "ADP", "IN"), ("Friday", 4, "pobj", "PROPN", "NNP"),
        (".", 3, "punct", "PUNCT", "."),
    ], (5, 6), WED)
    assert [t.value for t in extract_times(doc, today=TODAY)] == ["2024-11-08"]


@pytest.mark.integration
def test_times_component_a_weekday_on_a_past_verb_of_planning_lies_before_the_report(parse):
    got = times_of(parse, "Protesters set up a camp outside the parliament on Monday.")
    assert ("Monday", "2024-11-04", "day") in got
    got = times_of(parse, "The minister set out the reform plan on Thursday.")
    assert ("Thursday", "2024-10-31", "day") in got
    got = times_of(parse, "The coastguard planned the rescue on Sunday and reached the crew at dawn.")
    assert ("Sunday", "2024-11-03", "day") in got
    got = times_of(parse, "The mayor is set to resign on Friday.")
    assert ("Friday", "2024-11-08", "day") in got
