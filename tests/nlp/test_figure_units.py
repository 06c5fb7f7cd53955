"""A figure's canonical unit, and numbers NER misreads (real model): sentences from other places and crises."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.nlp.times import extract_times

pytestmark = pytest.mark.integration


def found(parse, text, published=None):
    return [f for f in parse(text, published=published)._.figures]


def test_figure_units_are_named_in_words_singular(parse):
    figures = found(parse, "Gusts of 87 mph and 140 km/h hit the coast of Galicia, and Lagos traders paid $80 a barrel.")
    assert [(f.unit_text, f.unit) for f in figures] == [
        ("mph", "mile per hour"), ("km/h", "kilometre per hour"), ("$ a barrel", "dollar per barrel")]
    assert found(parse, "The tractor's engine makes 95 hp.")[0].unit == "horsepower"


def test_figure_units_of_counted_nouns_and_durations(parse):
    figures = found(parse, "Inspectors in Bavaria counted 12 flooded villages and 3 new viruses; the strike lasted 9 days.")
    assert [(f.value, f.unit) for f in figures] == [(12, "flooded village"), (3, "virus"), (9, "day")]
    assert [f.counts for f in figures][-1] == "days"  # the measure keeps its plural; the unit is singular


def test_figure_units_a_toll_has_a_measure_but_no_unit(parse):
    figures = found(parse, "The flood toll in Sindh rose from 20 to 45.")
    assert [(f.value, f.change_from, f.counts, f.unit) for f in figures] == [(20, None, "killed", None), (45, 20, "killed", None)]


def test_figure_units_a_counted_noun_keeps_a_modifier_of_its_modifier(parse):
    # "heart" narrows "surgery", which narrows "nurses": both stay
    figures = found(parse, "The charity trained 40 heart surgery nurses last year, and the coach has won two Africa Cup finals.")
    assert [f.unit for f in figures] == ["heart surgery nurse", "africa cup final"]


def test_figure_units_a_count_before_a_plural_noun_is_no_year(parse):
    doc = parse("The ministry said 1260 soldiers had crossed the border in March.", published=dt.date(2024, 6, 1))
    assert [(f.value, f.counts, f.date) for f in doc._.figures] == [(1260, "troops", "2024-03")]
    assert [t.value for t in extract_times(doc)] == ["2024-03"]
    # a year after a determiner stays a year, and is no figure
    doc = parse("Turnout in the 2022 elections was 61%.")
    assert [t.value for t in extract_times(doc)] == ["2022"]
    assert [f.value for f in doc._.figures] == [61]


def test_figure_units_a_band_changed_to_another_band(parse):
    figures = found(parse, "The central bank cut its growth forecast for Chile from 6 to 8 per cent to 2 to 4 per cent.")
    assert [(f.value, f.low, f.high, f.counts) for f in figures] == [(None, 6, 8, "percent"), (None, 2, 4, "percent")]


def test_figure_units_new_level_said_in_the_band_unit(parse):
    figures = found(parse, "Fuel use fell from about 14-18 mpg to 24 on the new buses.")
    assert [(f.value, f.low, f.high, f.unit) for f in figures] == [
        (None, 14, 18, "mile per gallon"), (24, None, None, "mile per gallon")]


def test_figure_units_glued_prefix_and_dimension(parse):
    figures = found(parse, "The foundry in Hsinchu will make sub-3 nanometre chips.")
    assert [(f.value, f.qualifier, f.unit) for f in figures] == [(3, "fewer than", "nanometre")]
    figures = found(parse, "Crews found the 12m (40ft)-long hull of a Viking ship.")
    assert [(f.value, f.unit) for f in figures] == [(12, "metre"), (40, "foot")]


def test_figure_units_a_mark_given_to_a_person_is_no_figure(parse):
    assert found(parse, "Ana Ruiz: 7 Solid at the back all evening.") == []
    assert [f.value for f in found(parse, "Deaths: 45, officials said.")] == [45]


def test_figure_units_a_decimal_is_no_ordinal(parse):
    doc = parse("The euro index was up at 96.088 .EUX .")
    assert [e.label_ for e in doc.ents] == ["ORDINAL"]  # the model's reading that this test is about
    assert [(f.value, f.unit) for f in doc._.figures] == [(96.088, None)]


def test_figure_units_a_time_ago_is_no_duration(parse):
    figures = found(parse, "Since the dam burst 12 years ago, the valley has lost 4,000 residents over 12 years.")
    assert [(f.value, f.counts) for f in figures] == [(4000, "people"), (12, "years")]


def test_figure_units_a_rate_per_energy_unit(parse):
    figures = found(parse, "In Rotterdam, liquefied gas traded at $11.40 per MMBtu on Monday.")
    assert [(f.value, f.unit) for f in figures] == [(11.4, "dollar per mega british thermal unit")]


def test_figure_units_radiation_and_pressure_from_other_crises(parse):
    figures = found(parse, "Near the Fukushima plant, soil readings reached 8,000 becquerels, and the typhoon's "
                           "pressure fell to 935 hPa before it hit Okinawa.")
    assert [(f.value, f.unit) for f in figures] == [(8000, "becquerel"), (935, "hectopascal")]


def test_figure_units_a_count_hung_on_a_noun_that_modifies_a_plural(parse):
    # The parse hangs "two" on "prison" (and reads "inmates" as a verb): the count is of inmates.
    figures = found(parse, "Guards in Quito detained two prison inmates after the riot.")
    assert [(f.value, f.unit, f.counts) for f in figures] == [(2, "prison inmate", "prisoners")]
    figures = found(parse, "The union in Leeds represents 300 hospital cleaners.")
    assert [(f.value, f.unit) for f in figures] == [(300, "hospital cleaner")]
    # the plural's own modifier may stand between: the count is of groups, and a doubled-consonant verb
    # ("committed") still says whose they are
    figures = found(parse, "At the outset, Peru committed over 40 battalion tactical groups to the border.")
    assert [(f.value, f.unit, f.subject_text) for f in figures] == [(40, "tactical group", "Peru")]
    # but a hyphened count describes: "six-cylinder engine options" count cylinders
    figures = found(parse, "Buyers in Pune can pick six-cylinder engine options.")
    assert [(f.value, f.unit) for f in figures] == [(6, "cylinder")]


def test_figure_units_a_count_before_a_singular_compound_counts_the_modifier(parse):
    # "a three party coalition" is one coalition of three parties
    figures = found(parse, "Voters in Lesotho returned a three party coalition.")
    assert [(f.value, f.unit) for f in figures] == [(3, "party")]


def test_figure_units_numbers_run_into_the_next_word(parse):
    # scraped text that lost a space: the number is still read, and the next sentence is no unit
    figures = found(parse, "The Andean pact moved over 40,000troops to the border. The fund provides $ 2.5 billion.for repairs.")
    assert [f.value for f in figures] == [40000, 2.5e9]
    figures = found(parse, "Observers counted 3,500.Migrant boats were also seen.")
    assert [f.value for f in figures][:1] == [3500]
    assert found(parse, "The dam in Ghana was finished in 1965.Its lake is vast.") == []


def test_figure_units_a_named_kind_of_missile_keeps_its_unit(parse):
    figures = found(parse, "Houthi forces fired some 30 cruise missiles at ships in the Red Sea.")
    assert [(f.value, f.counts, f.unit) for f in figures] == [(30, "missiles", "cruise missile")]


def test_figure_units_a_number_read_on_a_scale(parse):
    figures = found(parse, "The quake near Izmir measured 6.1 on the Richter scale, and the gusts reached 90 on the km/h scale.")
    assert [(f.value, f.unit) for f in figures] == [(6.1, "richter scale"), (90, "kilometre per hour")]
    assert found(parse, "Pupils in Oslo scored 7 on the test.")[0].unit is None


def test_figure_units_sport_statistics_by_abbreviation(parse):
    figures = found(parse, "The Osaka closer finished the season with a 2.31 ERA, 1.4 WAR and 38 RBIs.")
    assert [(f.value, f.unit) for f in figures] == [
        (2.31, "earned run average"), (1.4, "win above replacement"), (38, "run batted in")]


def test_figure_units_currencies_by_iso_code_local_symbol_and_quote_code(parse):
    figures = found(parse, "Warsaw bakers paid 4,200 zł for flour, Almaty traders 90,000 KZT, and the forint "
                           "weakened to 395.2 HUF= on Friday.")
    assert [(f.value, f.counts, f.unit) for f in figures] == [
        (4200, "money:PLN", "polish zloty"), (90000, "money:KZT", "kazakhstani tenge"),
        (395.2, "money:HUF", "hungarian forint")]


def test_figure_units_a_sum_converted_in_brackets_is_not_in_the_brackets_currency(parse):
    # The bracket gives the sum in dollars because it was said in another currency.
    figures = found(parse, "The Kenyan tea board said its stock was worth 12 billion ($93m) after the rains.")
    assert [(f.value, f.counts) for f in figures] == [(12e9, "money:unknown"), (93e6, "money:USD")]
    # Without a conversion, a bare sum keeps the report's currency.
    figures = found(parse, "The board paid $40m for the crop. The new warehouse will cost 3 billion.")
    assert [f.counts for f in figures] == ["money:USD", "money:USD"]


def test_figure_units_a_multiple_is_no_toll(parse):
    # "three times as many displaced" compares two counts; it counts no displaced people itself
    figures = found(parse, "The floods in Sindh left 80,000 people homeless and almost three times as many displaced.")
    assert [(f.value, f.counts) for f in figures][1] == (3, "other")


def test_figure_units_a_percent_with_the_next_word_run_on(parse):
    # page text that lost a space: the share is a percentage, not a count of "percentVoters"
    figures = found(parse, "A survey in Chile found that only 38 percentVoters trust the new council.")
    assert [(f.value, f.counts, f.unit_text, f.unit) for f in figures] == [(38, "percent", "percent", "percent")]


def test_figure_units_keep_a_regions_adjective_but_not_a_states(parse):
    figures = found(parse, "Envoys of nine African countries and 40 Peruvian soldiers reached Lima.")
    assert [(f.value, f.unit) for f in figures] == [(9, "african country"), (40, "soldier")]
    assert figures[0].subject_text is None  # a continent's adjective narrows the kind and owns nothing


def test_figure_units_of_a_hyphenated_noun(parse):
    figures = found(parse, "The patrol boat made at least two fly-bys near Tromsø.")
    assert [(f.value, f.unit_text, f.unit) for f in figures] == [(2, "fly-bys", "fly-by")]


def test_figure_units_percentages_hyphened_before_a_noun(parse):
    figures = found(parse, "Polls in Chile showed a 2-percentage-point drop after a 5-per-cent rise in fares.")
    assert [(f.value, f.counts, f.unit, f.unit_text) for f in figures] == [
        (2, "percent", "percentage point", "percentage-point"), (5, "percent", "percent", "per-cent")]
