"""What a figure counts, read from the words around it (real model): sentences from other places and crises."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.integration


def measures(parse, text):
    return [(f.value if f.value is not None else (f.low, f.high), f.counts) for f in parse(text)._.figures]


def test_figure_measures_part_of_a_toll_takes_its_measure(parse):
    assert measures(parse, "In Chile, 12 miners died in the blast, including four foreigners.") == [(12, "killed"), (4, "killed")]
    assert measures(parse, "Floods in Sindh killed 40 people, among them nine children.") == [(40, "killed"), (9, "killed")]


def test_figure_measures_a_headcount_that_includes_others_stays_a_headcount(parse):
    # no toll before it: "including" alone says nothing of what befell them
    assert measures(parse, "The delegation of 30 people, including six students, reached Lima.")[-1] == (6, "people")


def test_figure_measures_the_bodies_of_people_are_dead(parse):
    assert measures(parse, "Rescuers found the bodies of at least 20 migrants off the coast of Libya.") == [(20, "killed")]


def test_figure_measures_a_people_named_by_its_nationality_are_people(parse):
    assert measures(parse, "The blockade deprived millions of Venezuelans of basic services.") == [((2e6, 1e7 - 1), "people")]


def test_figure_measures_a_bare_magnitude_the_verb_says_are_people(parse):
    assert measures(parse, "The cyclone left millions without power across Bangladesh.") == [((2e6, 1e7 - 1), "people")]
    assert measures(parse, "Millions fled the fighting in Sudan.") == [((2e6, 1e7 - 1), "displaced")]
    assert measures(parse, "The Lagos label sold millions last year.") == [((2e6, 1e7 - 1), None)]


def test_figure_measures_fighters_of_other_wars_are_troops(parse):
    assert measures(parse, "Some 400 rebels and 30 snipers held the ridge above Goma.") == [(400, "troops"), (30, "troops")]


def test_figure_measures_a_bare_scale_after_another_is_one_of_it(parse):
    assert measures(parse, "Japan will provide an additional billion dollars in flood aid.") == [(1e9, "money:USD")]


def test_figure_measures_the_subject_of_a_verb_with_an_object_does_it(parse):
    assert measures(parse, "About 300 soldiers captured the airport near Bamako.") == [(300, "troops")]
    assert measures(parse, "In Manila, 200 residents were detained overnight.") == [(200, "prisoners")]


def test_figure_measures_a_headcount_named_by_its_subject(parse):
    assert measures(parse, "In Mali, the UN troop presence has fallen from 13,000 to about 4,000.") == [(13000, "troops"), (4000, "troops")]


def test_figure_measures_some_of_those_just_counted(parse):
    got = measures(parse, "Around 80,000 people have crossed into Chad, including 6,000 who arrived on Sunday.")
    assert got == [(80000, "refugees"), (6000, "refugees")]
    got = measures(parse, "The delegation counted 900 voters at the school, including 40 who came from Cusco.")
    assert got == [(900, "other"), (40, "other")]


def test_figure_measures_people_forced_from_their_homes_are_displaced(parse):
    assert measures(parse, "In Mozambique, thousands were forced to leave their homes.") == [((2000, 9999), "displaced")]


def test_figure_measures_a_ratio_and_a_list_number_are_no_counts(parse):
    text = "Live updates.\n\n1. Five killed as floods hit Porto Alegre\n\nAbout 2 in 3 Brazilians, or 66 percent, are worried."
    assert measures(parse, text) == [(5, "killed"), (66, "percent")]
    assert [f.value for f in parse("The fund in Quito gave 2 in 2020 and 1 in 2021.")._.figures] == [2, 1]


def test_figure_measures_percentage_points_are_their_unit(parse):
    figures = parse("Support in the Lisbon poll moved about 1.5 percentage points.")._.figures
    assert [(f.counts, f.unit) for f in figures] == [("percent", "percentage point")]


def test_figure_measures_a_gallery_count_and_a_calibre_are_no_figures(parse):
    text = "Rain hit Lima.  Image 3 of 5 prev  Image 4 of 5 next  The army sent 40 trucks."
    assert measures(parse, text) == [(40, "other")]
    assert measures(parse, "Chile provided 155mm towed howitzers, and 40mm of rain fell in Santiago.") == [(40, "unit:millimetre")]


def test_figure_measures_people_in_hospital_are_wounded(parse):
    assert measures(parse, "After the bus crash near Cusco, three people were in hospital.") == [(3, "wounded")]
    # taken to hospital, not taken prisoner
    assert measures(parse, "Five workers were taken to hospital after the Dhaka factory fire.") == [(5, "wounded")]
    assert measures(parse, "Twelve miners were hospitalised after the blast in Silesia.") == [(12, "wounded")]
    assert measures(parse, "Police in Lima arrested 40 protesters on Friday.") == [(40, "prisoners")]


def test_figure_measures_a_vote_tally_counts_votes(parse):
    assert measures(parse, "The vote in the Bundestag was 412 to 190.") == [(412, "votes"), (190, "votes")]
    assert measures(parse, "Lawmakers in Nairobi approved the finance bill 195-106 on Tuesday.") == [(195, "votes"), (106, "votes")]
    assert measures(parse, "The Dail passed the motion by a vote of 88-65.") == [(88, "votes"), (65, "votes")]
    # a game's score is no tally, and a band of counts after a vote is still a band
    assert measures(parse, "Boca Juniors beat River Plate 3-1 on Sunday.") == []
    assert measures(parse, "After the vote, 30 to 40 workers blocked the road.") == [((30, 40), "people")]
    assert measures(parse, "The Knesset adopted the law with 64 votes in favour.") == [(64, "votes")]


def test_figure_measures_a_bare_sum_takes_the_reports_currency(parse):
    text = "Japan pledged ¥500 billion in January. Tokyo has since sent billions in reconstruction aid to Manila."
    assert measures(parse, text) == [(5e11, "money:JPY"), ((2e9, 1e10 - 1), "money:JPY")]
    assert measures(parse, "The bridge to Zanzibar is costing millions to maintain, and it cost $40 million.") == [
        ((2e6, 1e7 - 1), "money:USD"), (4e7, "money:USD")]
    # millions of people are no sum
    assert measures(parse, "The drought in Somalia left millions in need of food.")[0][1] != "money:USD"


def test_figure_measures_things_held_or_captured_are_no_prisoners(parse):
    assert measures(parse, "The council has held dozens of sessions on the Sahel.") == [((24, 99), "other")]
    assert measures(parse, "Police in Minsk detained 30 journalists.") == [(30, "prisoners")]


def test_figure_measures_a_count_of_military_are_troops(parse):
    assert measures(parse, "Officials in Addis Ababa said 1200 Eritrean military had crossed the border.") == [(1200, "troops")]


def test_figure_measures_lives_claimed_are_dead_and_lives_saved_are_not(parse):
    text = "The cholera outbreak in Haiti has claimed the lives of about 900 people and sickened 12,000."
    assert measures(parse, text)[0] == (900, "killed")
    assert measures(parse, "Lifeguards in Goa saved the lives of 40 swimmers.") == [(40, "other")]


def test_figure_measures_coordinated_verbs_of_several_kinds_make_casualties(parse):
    text = "Army units repulsed the raid in Cabo Delgado and killed, wounded or captured 600 insurgents."
    assert measures(parse, text) == [(600, "casualties")]
    assert measures(parse, "The cyclone killed 14 fishermen and injured 40.") == [(14, "killed"), (40, "wounded")]


def test_figure_measures_deaths_of_two_groups_are_both_killed(parse):
    text = "The siege of the town caused the deaths of 300 rebels and nearly 460 policemen."
    assert measures(parse, text) == [(300, "killed"), (460, "killed")]
    text = "The insurgency caused the deaths of tens of thousands of Malians and about 1,200 service members."
    assert measures(parse, text)[-1] == (1200, "killed")  # a compound that names troops, dead all the same


def test_figure_measures_people_eliminated_or_lost(parse):
    assert measures(parse, "The Sahel army said it eliminated 200 militants near Gao.") == [(200, "killed")]
    assert measures(parse, "The carmaker eliminated 200 jobs in Turin.") == [(200, "other")]  # no toll
    assert measures(parse, "The militia has lost almost a thousand fighters and 15 trucks.") == [
        (1000, "casualties"), (15, "other")]
    # a rate of deaths is a measure of its own, as "40 villagers killed a week" is
    assert measures(parse, "Official data show 82 miners dying each year in Shanxi.") == [(82, "killed per year")]


def test_figure_measures_a_bare_part_of_a_bare_whole_counts_what_was_just_counted(parse):
    text = "Militants fired three dozen rockets at the base in Kandahar. Guards shot down 16 of the 36 launched."
    figures = parse(text)._.figures
    assert [(f.value, f.counts, f.unit) for f in figures] == [
        (36, "missiles", "rocket"), (16, "missiles", "rocket"), (36, "missiles", "rocket")]
    assert measures(parse, "Prices rose 5% in May. Traders sold 3 of the 10 in June.")[1:] == [(3, None), (10, None)]


def test_figure_measures_a_count_of_things_called_by_a_name(parse):
    assert measures(parse, "Canberra will buy 220 Tomahawks from the United States.") == [(220, "other")]
    assert measures(parse, "Qantas flew the 787 Dreamliner to Perth.") == []  # a model's number


def test_figure_measures_a_bare_population_counts_people(parse):
    assert measures(parse, "Before the war, Sudan had a population of around 45 million.") == [(45e6, "people")]
    assert measures(parse, "Tiny Timor-Leste (pop. 1.3 million) won independence in 2002.")[0] == (1.3e6, "people")
    assert measures(parse, "Today, just over 20 million live in the south of the country.") == [(20e6, "people")]
    assert measures(parse, "The lake has a population of 300 flamingos.") == [(300, "other")]


def test_figure_measures_hundreds_of_thousands_is_no_count_of_thousands(parse):
    figures = parse("Hundreds of thousands could flee the floods in Bangladesh.")._.figures
    assert [(f.low, f.high, f.counts, f.unit) for f in figures] == [(200000, 999999, "displaced", None)]


def test_figure_measures_a_sum_with_a_misparsed_verb_takes_the_reports_currency(parse):
    text = "Kenya's dam is a liability to the treasury - costing billions to maintain. It got KES 4 billion in May."
    assert measures(parse, text)[0] == ((2e9, 1e10 - 1), "money:KES")


def test_figure_measures_losses_of_an_army_are_casualties(parse):
    assert measures(parse, "Ethiopia's army has suffered about 70 to 80,000 losses in Tigray.") == [((70000, 80000), "casualties")]
    assert measures(parse, "The carmaker announced 2,000 job losses in Turin.") == [(2000, "other")]


def test_figure_measures_pounds_of_aid_are_money_and_a_city_of_millions_is_people(parse):
    text = "Donors have given hundreds of millions of pounds of humanitarian aid to Yemen."
    assert measures(parse, text) == [((2e8, 1e9 - 1), "money:GBP")]
    assert measures(parse, "The baker bought ten pounds of flour.") == [(10, "other")]
    assert measures(parse, "Floods hit Dhaka, a city of 10 million, on Monday.")[0] == (10e6, "people")


def test_figure_measures_a_toll_after_the_is_still_a_toll(parse):
    text = "The mayor spoke of the two rangers killed and three wounded in Virunga park today."
    assert measures(parse, text) == [(2, "killed"), (3, "wounded")]
    assert measures(parse, "The two leaders met in Nairobi.") == []  # a reference, not a count


def test_figure_measures_a_later_verb_of_the_same_subject_says_what_befell_them(parse):
    text = "Historians recall that thousands of conscripts marched north, perished in the snow, or deserted."
    assert measures(parse, text) == [((2000, 9999), "killed")]
    assert measures(parse, "About 1,000 militiamen arrived and burned the granaries.") == [(1000, "troops")]  # doers


def test_figure_measures_this_number_counts_what_was_just_counted(parse):
    text = "Some 40,000 Sudanese refugees reached Chad in May. Aid agencies say this number may rise to 60,000."
    assert measures(parse, text) == [(40000, "refugees"), (60000, "refugees")]
    assert measures(parse, "Some 40,000 refugees reached Chad. The budget rose to 60,000.")[1] == (60000, None)


def test_figure_measures_an_approved_sum_is_the_approvers_but_not_its_own_figure(parse):
    # A parliament that approves a budget decides on the sum; it does not give it as a donor gives a pledge.
    approved = parse("Kenya's National Assembly approved on Thursday a $40m drought relief package.")._.figures[0]
    assert (approved.subject_text, approved.attributed_text) == ("National Assembly", None)
    pledged = parse("Norway pledged $12m in drought relief on Tuesday.")._.figures[0]
    assert (pledged.subject_text, pledged.attributed_text) == ("Norway", "Norway")


def test_figure_measures_a_gapped_clause_counts_what_its_first_clause_counts(parse):
    assert measures(parse, "Shelling killed 40 civilians in Idlib on Monday and 12 on Tuesday.") == [(40, "killed"), (12, "killed")]
    assert measures(parse, "Unemployment in Peru was 6.8% in March and 7.1 in April.") == [(6.8, "percent"), (7.1, "percent")]
    # a bare sum is not said in the currency of another, and a number with no time of its own is no gapped clause
    assert measures(parse, "The port earned $5m in 2020 and 7 new cranes arrived.")[-1][1] != "money:USD"


def test_figure_measures_a_level_after_a_verb_with_no_subject_is_its_governors(parse):
    assert measures(parse, "The number of refugees in Chad rose by 40,000 in June to reach 1.1 million.") == [
        (40000, "refugees"), (1.1e6, "refugees")]
    assert measures(parse, "Of the 60 miners trapped in the shaft, 41 were rescued alive.")[-1][1] == \
        measures(parse, "Of the 60 miners trapped in the shaft, 41 were rescued alive.")[0][1]


def test_figure_measures_ages_that_bound_a_group_are_no_figures(parse):
    assert measures(parse, "Approval stands at 61 percent among voters aged 30 to 49 and 38 percent among people younger than 30.") == [
        (61, "percent"), (38, "percent")]


def test_figure_measures_owners_are_not_sellers_nor_places_a_distance_is_from(parse):
    figures = parse("The ministry bought 100,000 helmets from Norinco, while 2,000 soldiers from Chad stayed "
                    "within 50 kilometres of Abeche.")._.figures
    assert [(f.value, f.subject_text) for f in figures] == [(100000, None), (2000, "Chad"), (50, None)]
    # people who come from a region belong to no side by it
    figures = parse("Last year 4,000 migrants from the Middle East reached the Greek islands.")._.figures
    assert [(f.value, f.subject_text) for f in figures] == [(4000, None)]


def test_figure_measures_a_participle_hung_on_number_says_what_befell_them(parse):
    # "the number of people forcibly displaced": the parse hangs the participle on "number"
    assert measures(parse, "In Haiti the number of people forcibly displaced rose by 40,000 to stand at 580,000.") == [
        (40000, "displaced"), (580000, "displaced")]
    assert measures(parse, "The number of fishermen seized by the coast guard could reach 900, Dhaka said.")[0] == (900, "prisoners")


def test_figure_measures_people_as_the_step_of_a_proxys_level_count_what_it_counts(parse):
    assert measures(parse, "The number of refugees in Uganda rose by 8%, or 120,000 people, last year.") == [
        (8, "percent"), (120000, "refugees")]
    # a count of people with no proxy above it stays people
    assert measures(parse, "The stadium's capacity rose to 40,000 people.") == [(40000, "people")]


def test_figure_measures_the_deported_are_displaced_and_moved_troops_are_troops(parse):
    assert measures(parse, "Officials said 2,400 villagers had been deported to Kazakhstan.") == [(2400, "displaced")]
    assert measures(parse, "Some 3,000 villagers fled to Kazakhstan.") == [(3000, "refugees")]
    assert measures(parse, "Ankara evacuated 500 soldiers from the island.") == [(500, "troops")]


def test_figure_measures_vehicles_and_warships_are_counted_as_such(parse):
    assert measures(parse, "The rebels lost 40 armoured vehicles and two destroyers near Aden.") == [
        (40, "vehicles"), (2, "ships")]


def test_figure_measures_whose_a_total_of_a_sum_is_and_a_force_one_has_deployed(parse):
    total = parse("Japan has committed to sending Peru a total of $2.4 billion in reconstruction aid.")._.figures[0]
    assert (total.value, total.subject_text) == (2.4e9, "Japan")
    held = parse("Canada keeps a frigate in the Baltic, where Canada already has about 700 personnel deployed.")._.figures
    assert (held[-1].value, held[-1].subject_text) == (700, "Canada")


def test_figure_measures_a_subject_borrowed_by_a_participle_owns_but_does_not_give(parse):
    # the Senate's clause says it passed a bill; the sum it delivers is the report's figure, not the Senate's
    figure = parse("Chile's Senate passed a relief bill on Monday, delivering millions of dollars to farmers.")._.figures[-1]
    assert (figure.subject_text, figure.attributed_text) == ("Senate", None)


def test_figure_measures_people_crossing_into_another_country_are_refugees(parse):
    assert measures(parse, "Some 12,000 civilians crossed into Armenia over the weekend.") == [(12000, "refugees")]
    # troops and workers who cross a border are not refugees
    assert measures(parse, "About 5,000 soldiers crossed into Armenia on Monday.") == [(5000, "troops")]
    assert measures(parse, "Each morning 3,000 workers cross into Singapore from Johor.") == [(3000, "people")]


def test_figure_measures_victims_take_what_the_verb_did_to_them(parse):
    assert measures(parse, "The militia killed 40 victims in the raid near Beni.") == [(40, "killed")]
    assert measures(parse, "The cyclone left 300 victims in Beira.") == [(300, "casualties")]


def test_figure_measures_a_rate_after_the_verb_that_befell_them(parse):
    assert measures(parse, "Aid groups say the famine is severe, with 90 children dying each day.") == [(90, "killed per day")]
    assert measures(parse, "Officials say 60 people were killed last week.") == [(60, "killed")]


def test_figure_measures_personnel_carriers_are_vehicles(parse):
    assert measures(parse, "The column included 30 armoured personnel carriers.") == [(30, "vehicles")]


def test_figure_measures_a_level_hung_on_the_steps_noun_counts_what_it_counts(parse):
    figures = parse("The number of people evacuated rose by 8%, or 900 people, to reach 12,000, the Cebu office said.")._.figures
    level = [f for f in figures if f.value == 12000][0]
    assert (level.counts, level.attributed_text) == ("displaced", "the Cebu office")


def test_figure_measures_troops_evacuated_by_a_vague_number_stay_troops(parse):
    doc = parse("The mayor asked for help evacuating hundreds of troops and medics. Boats evacuated hundreds of "
                "villagers from the delta.")
    assert [f.counts for f in doc._.figures] == ["troops", "displaced"]


def units(parse, text):
    return [(f.value, f.counts, f.unit) for f in parse(text)._.figures]


def test_figure_measures_a_noun_said_after_the_last_number_counts_both(parse):
    assert units(parse, "Gunmen killed 9 and wounded 17 worshippers in Kano.") == [
        (9, "killed", "worshipper"), (17, "wounded", "worshipper")]
    assert units(parse, "The brewery shipped 800 while its rival delivered 650 kegs.") == [
        (800, "other", "keg"), (650, "other", "keg")]
    # a clause with a subject of its own, joined by "and", says its own thing
    assert units(parse, "She scored 3 and her team won 5 matches.")[0] == (3, None, None)
    # "others" are not the ones counted first
    assert units(parse, "The blast hit a fish market, killing at least two and wounding nine others.")[0] == (2, "killed", None)


def test_figure_measures_the_level_of_an_age_is_in_years_of_age(parse):
    assert units(parse, "Life expectancy in Lesotho fell to 51.") == [(51, "unit:year of age", "year of age")]
    retirement = parse("The retirement age in Chile will rise from 60 to 65.")._.figures
    assert [(f.value, f.change_from, f.unit, f.unit_text) for f in retirement] == [(60, None, "year of age", "retirement age"),
                                                                                             (65, 60, "year of age", "retirement age")]
    # "lives" still counts the dead
    assert units(parse, "The flood claimed 40 lives and the toll rose to 45.")[0] == (40, "killed", "life")


def test_figure_measures_a_level_with_its_qualifier_is_read_through_it(parse):
    # NER takes "around 68" for a date, and the parse hangs the number on "around": a level all the same
    found = parse("Average life expectancy in the district is around 68, and the death toll is now about 45.")._.figures
    assert [(f.value, f.qualifier, f.counts) for f in found] == [(68, "about", "unit:year of age"), (45, "about", "killed")]
