"""Written shapes of amounts (real model): symbols after the number, rates past a conversion, fractions of
a unit, suspended hyphens, glued ranges, and numbers that name a technology. Sentences of our own."""

from __future__ import annotations

import pytest

from storyline.nlp.amounts import find_amounts

pytestmark = pytest.mark.integration


def found(parse, text):
    return [(f.text, f.value, f.low, f.high, f.counts, f.unit) for f in parse(text)._.figures]


def test_figure_shapes_a_currency_symbol_after_the_number(parse):
    assert found(parse, "In Porto a laptop costs 1,200€ in August and a hostel bed 35 € a night in March.") == [
        ("1,200€", 1200, None, None, "money:EUR", "euro"),
        ("35 € a night", 35, None, None, "money:EUR per night", "euro per night")]


def test_figure_shapes_a_rate_said_after_a_conversion_in_brackets(parse):
    figures = found(parse, "Kenya will spend 9 billion shillings ($70 million) a year on dams.")
    assert [(f[1], f[4]) for f in figures] == [(9e9, "money:KES per year"), (70e6, "money:USD per year")]
    # words in the brackets are a remark: the rate after them is not the amount's
    figures = found(parse, "The port handled 3 million tonnes (a record) a year ago.")
    assert [(f[1], f[5]) for f in figures] == [(3e6, "metric ton")]


def test_figure_shapes_a_fraction_of_a_unit_is_a_measure(parse):
    figures = found(parse, "Each ration was 1/8 of a gallon of water and a third of a mile separated the camps.")
    assert [(round(f[1], 4), f[4], f[5]) for f in figures] == [(0.125, "unit:gallon", "gallon"),
                                                                (0.3333, "unit:mile", "mile")]
    # a fraction of a thing stays a share, in percent
    assert [f[4] for f in found(parse, "Two-thirds of a village near Dhaka was flooded.")] == ["percent"]


def test_figure_shapes_suspended_hyphens_share_the_last_noun(parse):
    figures = found(parse, "Lisbon's bakers sell two-, four- and six-loaf boxes, and the city built 5- and 10-kilometre trails.")
    assert [(f[0], f[1], f[5]) for f in figures] == [
        ("two", 2, "loaf"), ("four", 4, "loaf"), ("six-loaf", 6, "loaf"),
        ("5", 5, "kilometre"), ("10-kilometre", 10, "kilometre")]


def test_figure_shapes_a_range_glued_to_to(parse):
    figures = found(parse, "Divers found 1,500 to-2,000 year-old amphorae off Crete.")
    assert [(f[2], f[3], f[5]) for f in figures] == [(1500, 2000, "year of age")]


def test_figure_shapes_technology_generations_are_no_figures(parse):
    figures = found(parse, "Operators in Ghana moved 40 towns from 3G to 5G coverage, and G20 ministers met.")
    assert [(f[1], f[5]) for f in figures] == [(40, "town")]


def test_figure_shapes_a_bare_old_level_takes_the_scale_of_the_new_one(parse):
    figures = found(parse, "Chile's copper exports rose from 2.1 to 3.5 million tonnes, and the budget from 24.2 to 30-32 billion pesos.")
    assert [(f[1], f[2], f[3]) for f in figures] == [(2.1e6, None, None), (3.5e6, None, None), (24.2e9, None, None), (None, 30e9, 32e9)]
    doc = parse("Chile's copper exports rose from 2.1 to 3.5 million tonnes, and the budget from 24.2 to 30-32 billion pesos.")
    assert [(f.change_from, f.stage) for f in doc._.figures] == [(None, "previous"), (2.1e6, None), (None, "previous"), (24.2e9, None)]
    # an old level far below the new one keeps its own size
    assert [(f.value, f.change_from) for f in parse("The town grew from 800 to 1.2 million people.")._.figures] == [(800, None), (1.2e6, 800)]


def test_figure_shapes_half_of_is_a_share_but_not_the_half_of_a_period(parse):
    figures = found(parse, "Almost half of which were in Mombasa, and in the second half of 2023 the rains failed.")
    assert [(f[0], f[1], f[4]) for f in figures] == [("Almost half", 50, "percent")]  # "half" is 50 percent
    # other fractions are shares in percent as "half" is
    assert [(round(f[1], 1), f[4]) for f in found(parse, "Two-thirds of the voters in Oslo stayed home.")] == [
        (66.7, "percent")]


def test_figure_shapes_a_bare_number_after_the_same_word_takes_the_unit(parse):
    figures = found(parse, "Inflation in Poland fell to 11.6% in May and to 11.2 in June; the Nikkei closed at 31,200 points "
                           "and the Hang Seng at 17,950.")
    assert [(f[1], f[5]) for f in figures] == [(11.6, "percent"), (11.2, "percent"), (31200, "point"), (17950, "point")]
    # a toll read off its verb keeps its own measure; money is not carried to a bare number
    figures = found(parse, "The river rose to 4.2 metres and the toll rose to 45; shares rose to $5 and then to 7.")
    assert [(f[1], f[4], f[5]) for f in figures] == [(4.2, "unit:metre", "metre"), (45, "killed", None),
                                                     (5, "money:USD", "dollar"), (7, None, None)]


def test_figure_shapes_bands_said_with_or_and_fuzzy_scales(parse):
    figures = found(parse, "Rescuers said 5 or 6 boats sank, 70 or 80,000 people fled, and repairs cost several hundred "
                           "thousand pesos in 2019 or 2020.")
    assert [(f[2], f[3]) for f in figures] == [(5, 6), (70_000, 80_000), (200_000, 999_999)]


def test_figure_shapes_one_before_a_plural_is_no_count(parse):
    figures = found(parse, 'He said Czechs and Slovaks were "one people", and one miner died.')
    assert [(f[0], f[1]) for f in figures] == [("one miner", 1)]


def test_figure_shapes_spelled_halves_and_fractions_of_a_scale(parse):
    figures = found(parse, "Farmers in Gujarat dumped three and a half million litres of milk, and a quarter of a million "
                           "people marched.")
    assert [(f[1], f[5]) for f in figures] == [(3.5e6, "litre"), (250_000, "people")]


def test_figure_shapes_plus_after_the_number_is_a_qualifier(parse):
    doc = parse("The landslide in Nepal killed 40 people and injured 300-plus; 40-odd boats sank.")
    assert [(f.value, f.qualifier, f.unit) for f in doc._.figures] == [
        (40, None, "people"), (300, "at least", "people"), (40, "about", "boat")]


def test_figure_shapes_a_count_before_a_model_number(parse):
    figures = found(parse, "Air Peru grounded 12 Airbus 320 jets, and the 787 Dreamliner was late.")
    assert [(f[1], f[5]) for f in figures] == [(12, "jet")]


def test_figure_shapes_a_level_after_a_measured_change_takes_its_unit(parse):
    figures = found(parse, "The Nikkei fell 120 points to 31,450; the Rhine rose 2 metres to 8.5; Sasol shares rose 5% to 20.")
    assert [(f[1], f[5]) for f in figures] == [(120, "point"), (31450, "point"), (2, "metre"), (8.5, "metre"),
                                               (5, "percent"), (20, None)]


def test_figure_shapes_more_before_a_duration(parse):
    figures = found(parse, "Nurses in Leeds won 3 extra days of leave and 2 more years of cover.")
    assert [(f[1], f[4]) for f in figures] == [(3, "days"), (2, "years")]


def test_figure_shapes_hyphenated_durations_in_digits_are_lengths_of_time_and_ages_are_ages(parse):
    figures = found(parse, "Talks in Yemen hit the 48-hour deadline of a 10-year truce with a 50-year-old farmer.")
    assert [(f[1], f[4], f[5]) for f in figures] == [(48, "hours", "hour"), (10, "years", "year"),
                                                     (50, "unit:year of age", "year of age")]
    # a point in time or a record named by a length of time is none
    assert found(parse, "Exports hit a 30-year low as the strike passed the 100-day mark.") == []


def test_figure_shapes_a_number_in_a_descriptive_compound_counts_nothing(parse):
    figures = found(parse, "Chad's army launched a two-pronged attack with a three-tiered command and 40 armoured trucks.")
    assert [(f[1], f[5]) for f in figures] == [(40, "armoured truck")]


def test_figure_shapes_thousands_set_apart_by_spaces(parse):
    assert found(parse, "According to the Warsaw office, about 12 000 people fled the floods.") == [
        ("about 12 000 people", 12000, None, None, "displaced", "people")]
    assert [f[1] for f in found(parse, "The electoral board counted 1 250 000 ballots in Lyon.")] == [1250000]
    assert found(parse, "A flat in Riga costs €12 500 a year.") == [
        ("€12 500 a year", 12500, None, None, "money:EUR per year", "euro per year")]
    # a year and a day of a date are no leading group
    for text in ("In 2019 400 people died in the Lagos floods.", "On March 3 100 people marched in Quito."):
        doc = parse(text)
        assert [a.value for a in find_amounts(doc, 0, len(doc))][-1] in (100, 400)


def test_figure_shapes_a_band_with_its_scale_in_words_that_ner_takes_for_a_date(parse):
    assert found(parse, "Between 30 and 35 thousand people marched in Santiago.") == [
        ("Between 30 and 35 thousand people", None, 30000, 35000, "people", "people")]


def test_figure_shapes_a_count_ner_takes_for_a_time(parse):
    text = "In addition, as part of the drills in the Aegean Sea, the Turkish navy gathered over 30 warships."
    assert [(f[1], f[4]) for f in found(parse, text)] == [(30, "ships")]


def test_figure_shapes_the_belarusian_rouble(parse):
    assert found(parse, "About Br5 million was spent on the new school in Gomel.") == [
        ("About Br5 million", 5e6, None, None, "money:BYN", "belarusian ruble")]


def test_figure_shapes_a_stock_index_named_by_its_size_in_lower_case(parse):
    text = "in lower-case wire copy the kospi 200 slipped 1.1% and the asx 200 fell 35 points."
    assert [(f[1], f[4]) for f in found(parse, text)] == [(1.1, "percent"), (35, "unit:point")]
    assert [f[1] for f in found(parse, "The ASX rose 200 points.")] == [200]  # a move, not the index's name


def test_figure_shapes_half_of_one_unit_is_a_measure_not_a_share(parse):
    figures = found(parse, "The levee held for over half a year, and the ferry ran half an hour late across half a mile.")
    assert [(f[1], f[4], f[5]) for f in figures] == [(0.5, "years", "year"), (0.5, "hours", "hour"),
                                                     (0.5, "unit:mile", "mile")]
    # half of a group stays a share, half a million a number
    assert [(f[1], f[4]) for f in found(parse, "Half a million farmers voted and half of them lost seed.")][1:] == [
        (50, "percent")]


def test_figure_shapes_a_year_run_into_the_next_sentence(parse):
    # the source lost the space after "2011.": the figure is the 12 years, its text leaves the year out
    figures = found(parse, "The dam was finished in 2011.12 years have passed since the valley flooded.")
    assert [(f[0], f[1], f[4]) for f in figures] == [("12 years", 12, "years")]
    # a decimal level stays whole
    assert [f[1] for f in found(parse, "The index closed at 2011.25 points.")] == [2011.25]


def test_figure_shapes_a_scale_said_after_the_currency_country(parse):
    figures = found(parse, "The mills lost twelve U.S. billions, the minister said.")
    assert [(f[1], f[4]) for f in figures] == [(12e9, "money:USD")]


def test_figure_shapes_a_hundred_percent_as_an_intensifier_is_no_figure(parse):
    assert found(parse, "The mayor will '100%' rebuild the bridge and is 100 percent sure of the money.") == []
    # a hundred percent of something, or a rise of it, stays a figure
    figures = found(parse, "Rents rose 100% and the council owns 100 percent of the land.")
    assert [(f[1], f[4]) for f in figures] == [(100, "percent"), (100, "percent")]


def test_figure_shapes_a_name_whose_number_modifies_the_noun_is_no_count(parse):
    figures = parse("Engineers inspected the Balticconnector 2 pipeline and 14 valves near Inkoo.")._.figures
    assert [(f.value, f.unit_text) for f in figures] == [(14, "valves")]


def test_figure_shapes_a_count_of_capitalised_plural_names(parse):
    figures = parse("The ruling binds the 19 Eurozone Member States until March.")._.figures
    assert [f.value for f in figures] == [19]


def test_figure_shapes_the_points_of_a_position_are_no_score(parse):
    assert parse("Ankara published a 9-point position on the grain corridor.")._.figures == []


def test_figure_shapes_one_character_fractions(parse):
    figures = parse("The parcels weigh 15½ pounds and the trail is ¾ mile long.")._.figures
    assert [(f.value, f.counts) for f in figures] == [(15.5, "unit:pound-mass"), (0.75, "unit:mile")]


def test_figure_shapes_a_hyphen_spaced_from_its_number(parse):
    figures = parse("The envoy began a 3 -day visit to Dili, after a two -day stop in Kupang.")._.figures
    assert [(f.value, f.counts) for f in figures] == [(3, "days")]


def test_figure_shapes_zero_in_a_compound_adjective_is_no_figure(parse):
    figures = parse("Both capitals see the water dispute as zero-sum, and Cairo bought 40 zero-emission buses.")._.figures
    assert [(f.value, f.unit_text) for f in figures] == [(40, "zero-emission buses")]
