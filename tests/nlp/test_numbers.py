"""Number grammar (model-free): glued currencies and units, hyphenated scales, signs, fractions, ranges."""

from __future__ import annotations

from functools import lru_cache

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.nlp.amounts import find_amounts
from storyline.nlp.numbers import fraction_words
from storyline.nlp.units import phrase_at, unit_name


@lru_cache(maxsize=1)
def _tokenizer():
    return spacy.blank("en")


def read(text):
    return [(a.value, a.low, a.high, a.currency, a.percent, a.unit) for a in find_amounts(_tokenizer()(text))]


def test_numbers_hyphenated_and_mixed_number_words():
    assert read("Flood waters forced 15-thousand residents out")[0][0] == 15000
    assert read("four-thousand-100 ballots were spoiled")[0][0] == 4100
    assert read("15-hundred cattle drowned")[0][0] == 1500
    assert read("twenty-five polling stations")[0][0] == 25


def test_numbers_scale_suffixes_before_a_noun():
    assert read("Exports reached 12.3m tonnes of wheat")[0][:1] == (12.3e6,)
    assert read("Vaccines for 35m of its citizens")[0][0] == 35e6
    assert read("The wall is 37m high")[0][5] == "metre"
    assert read("A 2.5bn loan")[0][0] == 2.5e9


def test_numbers_currency_prefixes_glued_to_the_number():
    assert read("The ringgit deal cost RM23.50 a share") [0][:4] == (23.5, None, None, "MYR")
    assert read("a PS8.1bn rescue")[0][:4] == (8.1e9, None, None, "GBP")  # a mangled pound sign
    assert read("grants of A$82,615,680")[0][:4] == (82615680, None, None, "AUD")
    assert read("fines of Y=28,030")[0][:4] == (28030, None, None, "JPY")
    assert read("relief worth HK $5.4m")[0][:4] == (5.4e6, None, None, "HKD")
    assert read("a USD10m bond")[0][:4] == (10e6, None, None, "USD")


def test_numbers_signs_and_small_percentages():
    assert read("Night temperatures fell to minus 40 degrees")[0][0] == -40
    assert read("the trade balance fell to $-50.8bn")[0][:4] == (-50.8e9, None, None, "USD")
    assert read("a loss of minus-5 yards")[0][0] == -5
    assert read("inflation of 1.38pc")[0][4] is True
    assert read("a positivity rate of .001 per cent")[0][:1] == (0.001,)
    assert read("COVID -19 testing")[:1] != [(-19.0, None, None, None, False, None)]


def test_numbers_units_by_name_glued_or_spaced():
    units = [a[5] for a in read("Winds of 155mph, gusts of 100km/hr, a 10kW pump, 5.5 kWh, 24.5 cubic feet, "
                                "1520 sq m and 3 hours")]
    assert units == ["mile per hour", "kilometre per hour", "kilowatt", "kilowatt hour", "cubic foot",
                     "square metre", "hours"]
    assert unit_name("W") == "watt" and unit_name("w") is None  # case decides
    assert phrase_at(["in", "the"]) is None  # "5 in the list" is no inch


def test_numbers_percent_ranges_and_ranges_opened_by_range_from():
    assert read("Prices of rice rose between 5% and 6%")[0][:3] == (None, 5, 6)
    assert read("tolls range from 3 per cent to 4.5 per cent")[0][:3] == (None, 3, 4.5)
    assert read("Prices range from $370,000 to $5.5 million")[0][:3] == (None, 370000, 5.5e6)
    # a change is one amount, the new level, with the level it came from; the unit said once belongs to both
    changed = find_amounts(_tokenizer()("turnout fell from 64 to 58 percent"))
    assert [(a.value, a.change_from, a.percent) for a in changed] == [(58, 64, True)]
    # "by X to Y": the change and the new level
    assert [a[0] for a in read("the deficit increased by $43.6 billion to $419.2 billion")] == [43.6e9, 419.2e9]


def test_numbers_fractions_before_of_are_percentages():
    assert read("two-thirds of the districts")[0][0] == pytest.approx(200 / 3)
    # hyphenated, a fraction is one with or without "of"; an ordinal is none
    assert [(round(a[0], 1), a[4]) for a in read("a two-thirds majority")] == [(66.7, True)]
    assert [(a[0], a[4]) for a in read("three-quarters voted")] == [(75, True)]
    assert fraction_words(["twenty-fifth", "of"]) is None and fraction_words(["two", "-", "thirds"]) == (3, 2 / 3)
    assert read("a quarter of households")[0][0] == 25
    assert read("1/16 of the budget")[0][0] == 6.25
    assert read("half a million doses")[0][0] == 500000


def test_numbers_pence_glued_to_a_price_but_not_a_video_format():
    assert read("The bank's shares closed at 87.5p")[0][:4] == (87.5, None, None, "GBX")
    assert read("a stamp costs 95p")[0][3] == "GBX"
    assert read("footage filmed in 1080p") == []  # a video format, not a price


def test_numbers_pence_spaced_from_the_price_or_spelled_out():
    assert [a[:4] for a in read("The brewer's shares slid 14 p to 386.5 p.")] == [(14, None, None, "GBX"),
                                                                           (386.5, None, None, "GBX")]
    assert read("A pint of milk went up by 6 pence")[0][3] == "GBX"
    assert read("the ferry leaves at 7 p.m. sharp")[0][3] is None  # the hour, not a price
    assert read("the trailer streams at 720 p")[0][3] is None  # a video format
    assert read("see the table at p 12")[0][3] is None  # a page, said before its number


def test_numbers_a_change_then_the_new_level_with_units_at_both_ends():
    # "fell 3.2p to 140p": the fall and the new price, not a range from 3.2 to 140
    assert [a[:3] for a in read("The miner's shares fell 3.2p to 140p")] == [(3.2, None, None), (140, None, None)]
    assert [a[0] for a in read("the rand gained 1.5% to 18.2%")] == [1.5, 18.2]
    # without a unit at each end "rose 20 to 30 percent" is still a range of the rise
    assert read("Rents rose 20 to 30 percent")[0][:3] == (None, 20, 30)


def test_numbers_shares_written_out_of_and_one_in():
    assert read("seven out of ten voters")[0][0] == pytest.approx(70)
    assert read("one in five farms was flooded")[0][0] == pytest.approx(20)
    assert read("1 in 4 children")[0][0] == pytest.approx(25)
    # a digit count "in" a larger count stays a count
    assert [a[0] for a in read("rebels held 5 in 12 districts")] == [5, 12]


def test_numbers_ages_are_read_with_their_unit():
    assert [(a[0], a[5]) for a in read("a 1,200-year-old mosque")] == [(1200, "year of age")]
    assert [(a[0], a[5]) for a in read("a 6-month-old calf")] == [(6, "month of age")]
    assert [(a[0], a[5]) for a in read("the dam is 90 years old")] == [(90, "year of age")]
    assert [(a[0], a[5]) for a in read("a lease of 90 years")] == [(90, "years")]


def test_numbers_an_age_said_before_the_number_is_in_years_of_age():
    assert [(a[0], a[5]) for a in read("the driver, aged 71, was unhurt")] == [(71, "year of age")]
    assert [(a[0], a[5]) for a in read("she retired at the age of 60")] == [(60, "year of age")]
    # a band of ages after "between the ages of" is one range; its second end needs no word of its own
    assert [(a[1], a[2], a[5]) for a in read("between the ages of 18 and 25")] == [(18, 25, "year of age")]
    assert [(a[0], a[5]) for a in read("twins aged 8 and 11")] == [(8, "year of age"), (11, "year of age")]
    # no whole number a person could be: a measure or a count, not an age
    assert [(a[0], a[5]) for a in read("aged 1.5 million years")] == [(1500000, "years")]
    assert [a[5] for a in read("at age 150 the oak fell")] == [None]


def test_numbers_crowns_with_a_national_adjective_and_torque_in_pound_feet():
    assert read("a fine of 2 million Danish crowns")[0][3] == "DKK"
    assert read("loans of 40 billion Czech crowns")[0][3] == "CZK"
    assert [(a[0], a[3], a[5]) for a in read("an engine with 310 pound-feet of torque")] == [(310, None, "pound-foot")]
    assert read("a bill of 300 pounds")[0][3] == "GBP"


def test_numbers_a_change_from_one_level_to_another():
    def changes(text):
        return [(a.value, a.change_from, a.currency, a.unit) for a in find_amounts(_tokenizer()(text))]

    assert changes("the budget grew from $2.1bn to $2.6bn") == [(2.6e9, 2.1e9, "USD", None)]
    # a fall keeps its order; the unit said once at the start belongs to the new level too
    assert changes("her weight dropped from 80 kg to 71") == [(71, 80, None, "kilogram")]
    # a year inside the change is skipped when pairing its ends
    assert (65, 40) in [c[:2] for c in changes("rice went from 40 rupees in 2019 to 65 rupees in 2023")]
    found = find_amounts(_tokenizer()("inflation went from 4% in 2019 to 5% in 2020"))
    assert [(a.value, a.change_from) for a in found if a.percent] == [(5, 4)]  # no "2019%"
    # "range from" opens a range, and two separate clauses are no change
    assert changes("fees range from $5 to $9") == [(None, None, "USD", None)]
    assert [c[1] for c in changes("from 3 villages, and to 5 towns")] == [None, None]


def test_numbers_rates_say_what_they_are_per():
    rates = [(a.value, a.currency, a.unit, a.per) for a in find_amounts(_tokenizer()(
        "Wheat sold at $312 a tonne, rent of €900 per month, 14 cents per share, 3 metres a year and "
        "land at £45 per sq m."))]
    assert rates == [(312, "USD", None, "metric ton"), (900, "EUR", None, "month"), (14, None, "cent", "share"),
                     (3, None, "metre", "year"), (45, "GBP", None, "square metre")]
    # "a week ago" is a time, not a rate
    assert [a.per for a in find_amounts(_tokenizer()("The fund paid $5m a week ago"))] == [None]


def test_numbers_units_hyphenated_before_a_noun():
    assert [(a[0], a[5]) for a in read("a 40-km front and a 6-mpg gain")] == [(40, "kilometre"), (6, "mile per gallon")]
    assert read("a 250,000 barrel-a-day refinery")[0][5] == "barrel per day"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["RM23.50", "-5", "minus", "15", "-", "thousand", "hundred", "four", "m", "of",
                                 "tonnes", "1.38pc", "%", "and", "between", "to", "from", "range", "kW", "10kW",
                                 "sq", "km", "/", "hr", "by", "$", "HK", "two-thirds", "1/16", "B", "people",
                                 "212p", "fell", "out", "in", "year-old", "year", "old", "crowns", "per", "a",
                                 "share", "cents"]),
                max_size=12))
def test_numbers_new_forms_never_raise_and_ranges_are_ordered(words):
    for a in find_amounts(_tokenizer()(" ".join(words))):
        assert a.start <= a.num_start < a.num_end <= a.end
        assert a.value is not None or (a.low is not None and a.high is not None and a.low <= a.high)


def test_numbers_a_range_of_fractions_is_a_range_of_shares():
    low, high, currency, percent = read("two-thirds to three-quarters of the voters")[0][1:5]
    assert (round(low, 1), high, currency, percent) == (66.7, 75, None, True)


def test_numbers_a_half_dozen_is_six_and_a_half_million_half_of_one():
    assert read("a half-dozen climbers")[0][0] == 6
    assert read("half a dozen climbers")[0][0] == 6
    assert read("a half million voters")[0][0] == 500000
    assert read("two and a half million voters")[0][0] == 2500000


def test_numbers_a_plural_scale_after_a_number_multiplies_it():
    assert read("the economy lost fifteen billions")[0][0] == 15e9
    assert read("two millions of refugees")[0][0] == 2e6
    assert read("it cost 3 billions of dollars")[0][:4] == (3e9, None, None, "USD")
    assert read("tens of thousands of refugees")[0][1:3] == (20000, 99999)  # still a vague magnitude


def test_numbers_one_character_fractions():
    assert read("the crate weighs 15½ pounds")[0][0] == 15.5
    assert read("a 2¼ mile stretch")[0][0] == 2.25
    assert read("¾ of the harvest")[0][0] == 75


def test_numbers_a_hyphen_spaced_from_its_number_keeps_the_duration():
    assert read("a 3 -day visit")[0][5] == "days"


def test_numbers_spaced_scale_abbreviations_multiply():
    # "bn", "mn", "tn" are no English words: a scale wherever they follow the number
    assert read("The utility lost €3 bn last year")[0][:4] == (3e9, None, None, "EUR")
    assert read("Norway exports 40 bn cubic metres of gas")[0][0] == 40e9
    assert read("Norway exports 40 bn cubic metres of gas")[0][5] == "cubic metre"
    assert read("The port handled 2.5 mn containers")[0][0] == 2.5e6


def test_numbers_iso_codes_before_a_spaced_number():
    assert read("The fund raised SGD 300 million")[0][:4] == (300e6, None, None, "SGD")
    assert read("The ferry line cost DKK 2 billion")[0][:4] == (2e9, None, None, "DKK")
    # initials that are codes too read as what they are
    assert read("The TOP 40 chart")[0][3] is None
    assert read("A fix for CVE 2031 was issued")[0][3] is None


def test_numbers_a_spaced_pc_is_a_percentage_up_to_a_hundred():
    assert read("Turnout fell to 58.2 pc in the north")[0][4] is True
    assert read("The college bought 300 pc monitors")[0][4] is False
    assert read("The office has 30 PC desks")[0][4] is False


def test_numbers_short_units_spaced_before_a_dimension():
    assert read("The mast is 828 m tall")[0][5] == "metre"
    assert read("The ice shelf is 3 ft thick")[0][5] == "foot"
    assert read("The buoy sits 20 ft away")[0][5] == "foot"
    assert read("She finished 5 in long jump")[0][5] is None  # "in" is the preposition
    assert read("Only 828 m remain")[0][5] is None  # no dimension: "m" may be anything


def test_numbers_a_unit_keeps_its_sentence_full_stop_out():
    assert read("The new charger delivers 250 kW. It is fast.")[0][5] == "kilowatt"
    assert read("The pipe is 12 km. Work starts soon.")[0][5] == "kilometre"


def test_numbers_percent_forms_hyphened_and_singular_points():
    assert read("Joblessness is 4 per-cent")[0][4] is True
    assert read("The board backed a 5-percent raise")[0][:5] == (5, None, None, None, True)
    assert read("The board backed a 5-per-cent raise")[0][4] is True
    assert read("The lender made a 0.25 percentage point cut")[0][4] is True
    assert read("Turnout showed a 2-percentage-point drop")[0][4] is True
    assert read("She won by a 3 percentage-point margin")[0][4] is True
    assert read("A 10-point lead")[0][4] is False  # points of a score, not of a percentage


def test_numbers_times_a_power_of_ten_in_one_token_or_several():
    assert [(a[0], a[5]) for a in read("a neutron star of about 2.8×10^30 kilograms")] == [(2.8e30, "kilogram")]
    assert [a[0] for a in read("each grain weighs 4.2 x 10^-6 grams")] == [4.2e-6]
    assert [a[0] for a in read("a dose of 3.5×10−4 grams")] == [3.5e-4]  # a superscript lost to a minus sign
    assert [a[0] for a in read("some 6.1×10²² molecules")] == [6.1e22]
    # no mark of a power: a size or two numbers, as before
    assert [a[0] for a in read("a hall of 20 x 40 metres")] == [20, 40]
    assert read("a 2x10 beam") == []


def test_numbers_a_time_word_hyphenated_before_a_number_is_no_prefix():
    assert [(a[0], a[5]) for a in read("the then-52-year-old mayor")] == [(52, "year of age")]
    assert [(a[0], a[5]) for a in read("her now-9-month-old son")] == [(9, "month of age")]
    assert read("the Su-27 jets") == []
