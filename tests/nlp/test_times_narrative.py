"""Month-days written without a year in a report recounting history take the year it tells of."""

from __future__ import annotations

import datetime as dt

import pytest

pytestmark = pytest.mark.integration

PUBLISHED = dt.date(2031, 5, 20)  # a Tuesday


def values(parse, text):
    return {t.text: t.value for t in parse(text, published=PUBLISHED)._.times}


def test_a_month_day_after_a_past_year_takes_that_year(parse):
    got = values(parse, "The dispute over the islands began in 2019. On March 3, fishing boats from the mainland "
                        "anchored off the largest one, and on March 9 coastguards boarded two of them.")
    assert got["March 3"] == "2019-03-03" and got["March 9"] == "2019-03-09"


def test_a_history_told_in_order_rolls_into_the_next_year(parse):
    got = values(parse, "The drought began in the spring of 2028. On November 9, the first wells ran dry. "
                        "In January, the government rationed water in the capital.")
    assert got["November 9"] == "2028-11-09" and got["January"] == "2029-01"


def test_a_date_told_relative_to_the_report_ends_the_history(parse):
    got = values(parse, "The canal opened in 1998. The regulator said on Monday that traffic fell in March.")
    assert got["March"] == "2031-03"


def test_a_weekday_that_does_not_fit_the_told_year_keeps_the_reports(parse):
    got = values(parse, "The strike of 2024 lasted a month. Now, on Sunday, May 18, the union voted again.")
    assert any(v == "2031-05-18" for v in got.values())


def test_without_history_a_month_day_is_the_reports_year(parse):
    assert values(parse, "Inspectors visited the plant on April 2.")["April 2"] == "2031-04-02"


def test_a_year_opening_a_span_or_a_paragraph_without_dates_ends_the_history(parse):
    got = values(parse, "The mayor has held office since 2009.\n\nThe port handles most of the grain.\n\n"
                        "Dockers walked out in late January.")
    assert got["late January"] == "2031-01"
    got = values(parse, "The levee was built in 1999.\n\nIt holds back the river.\n\nIt failed in February.")
    assert got["February"] == "2031-02"


def test_a_year_naming_a_thing_leaves_the_history_told(parse):
    got = values(parse, "The rebellion broke out on June 2, 2017. Rebels took the port.\n\n"
                        "They swore by the charter of 1961, which the republic had long forgotten.\n\n"
                        "On June 9, the rebels seized the airport.")
    assert got["June 9"] == "2017-06-09"


def test_a_told_sequence_of_days_goes_on_past_a_paragraph_of_comment(parse):
    got = values(parse, "The siege began on August 4, 2019, when rebels closed the roads.\n\n"
                        "Nobody in the capital believed it could last.\n\n"
                        "On August 12, the first convoy was turned back. The next day, the mayor fled.\n\n"
                        "On August 20, the rebels shelled the market.")
    assert got["August 12"] == "2019-08-12" and got["August 20"] == "2019-08-20"


def test_dates_of_two_sentences_run_together_are_read_apart(parse):
    got = values(parse, "The blockade of the strait began as early as 2019.On March 3, patrol boats "
                        "turned back a tanker.")
    assert got["On March 3"] == "2019-03-03"


def test_a_history_looking_back_a_few_days_keeps_its_year(parse):
    got = values(parse, "The vote took place on June 20, 2017. The ballot was printed only on June 9–11 days "
                        "before the vote.")
    assert got["June 9–11 days"] == "2017-06-09"


def test_a_day_on_a_verb_of_going_in_the_simple_present_is_a_plan(parse):
    times = {t.text: t for t in parse("The prime minister goes to Lisbon on Thursday to meet the president. "
                                      "The minister went to Porto on Monday.", published=PUBLISHED)._.times}
    assert times["Thursday"].ahead and times["Thursday"].value == "2031-05-22"
    assert not times["Monday"].ahead


def test_a_year_opening_a_stretch_after_from_sets_no_history(parse):
    # "the aid given from 2019" counts from that year: a month after it is the report's year.
    got = values(parse, "The aid given from 2019 is worth $4 billion. The minister criticised the grants in March.")
    assert got["March"] == "2031-03"


def test_a_year_naming_a_thing_in_a_present_sentence_starts_no_history(parse):
    got = values(parse, "The site of a chemical fire in 2009, the valley is still closed to walkers. "
                        "In March, rangers reopened one of its trails.")
    assert got["March"] == "2031-03"


@pytest.mark.parametrize("text, want", [
    # "the opening of the bridge in 1998" names the opening: the delays told after it are this year's.
    ("Trade on the island grew after the opening of the bridge in 1998. On March 8, the morning ferry left an "
     "hour behind its timetable.", "2031-03-08"),
    # a year on the verb still tells the history the month-days go on with
    ("The ferry service ended in 1998. On March 8, the last boat left the island.", "1998-03-08"),
])
def test_a_year_on_a_noun_in_a_past_sentence_starts_no_history(parse, text, want):
    assert values(parse, text)["March 8"] == want


def test_a_recap_in_the_historical_present_keeps_its_year_across_paragraphs(parse):
    text = ("Here is how the floods unfolded.\n\n"
            "On September 3, 2028, the river bursts its banks above the capital and the army evacuates two towns.\n\n"
            "Rescue teams work through the night.\n\n"
            "Aid agencies appeal for tents and clean water.\n\n"
            "On October 12, engineers close the last breach in the levee.\n\n"
            "Farmers return to their fields.\n\n"
            "Prices of grain climb across the region.\n\n"
            "In January, parliament approves a rebuilding fund.")
    got = values(parse, text)
    assert got["October 12"] == "2028-10-12" and got["January"] == "2029-01"


def test_a_year_on_a_verb_in_the_historical_present_opens_a_recap(parse):
    got = values(parse, "In 2027, the opposition wins the election. On March 14, the new cabinet takes office.")
    assert got["March 14"] == "2027-03-14"


@pytest.mark.parametrize("text", [
    # a history told in the past ends at paragraphs without dates: only the historical present carries its year on
    ("On September 3, 2028, the river burst its banks above the capital.\n\n"
     "Rescue teams worked through the night.\n\n"
     "Aid agencies appealed for tents.\n\n"
     "On April 12, engineers closed the last breach."),
    # a recap ends at a date told from the report
    ("On September 3, 2028, the river bursts its banks above the capital.\n\n"
     "Rescue teams work through the night.\n\n"
     "On Monday the minister said the levees are safe.\n\n"
     "Farmers fear the rains.\n\n"
     "Aid agencies say little has changed.\n\n"
     "On April 12, engineers inspect the dams again."),
], ids=["past-tense history", "date told from the report"])
def test_a_month_day_after_a_recap_has_ended_falls_in_the_reports_year(parse, text):
    assert values(parse, text)["April 12"] == "2031-04-12"


def test_a_recap_day_that_would_fall_after_the_report_keeps_the_recaps_year(parse):
    text = ("On September 3, 2028, the river bursts its banks above the capital.\n\n"
            "Rescue teams work through the night.\n\n"
            "Aid agencies appeal for tents.\n\n"
            "On October 12, the army claims to have closed the last breach.")
    assert values(parse, text)["October 12"] == "2028-10-12"
