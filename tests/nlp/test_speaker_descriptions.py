"""Speakers written as descriptions, pronouns and fronted phrases (storyline.nlp.speakers), on short reports
written for these tests: an epidemic, a currency crisis, a disputed count, a strike, a flood, a border clash."""

from __future__ import annotations

import datetime as dt

import pytest

pytestmark = pytest.mark.integration


def quote_with(doc, fragment: str):
    found = [q for q in doc._.quotes if fragment in q.text]
    assert found, f"no quote holds {fragment!r}: {[q.text for q in doc._.quotes]}"
    return found[0]


def names_of(doc, entity: str | None) -> set[str]:
    return {m.text for m in doc._.mentions or () if m.entity == entity} if entity else set()


def spoken_by(doc, fragment: str) -> set[str]:
    """The names of the actor the quote holding ``fragment`` is credited to."""
    return names_of(doc, quote_with(doc, fragment).speaker)


def test_the_ministry_is_the_ministry_named_before_the_quotes_between(parse):
    doc = parse(
        "The Ministry of Health in Malawi confirmed 40 new cholera cases on Monday.\n\n"
        "\"The outbreak is spreading to the lakeshore districts,\" the statement said. \"Clinics are full.\"\n\n"
        "\"We need clean water in every village,\" a nurse in Mangochi said. \"People are drinking from the lake.\"\n\n"
        "\"Schools will stay open,\" the Malawi Red Cross said. \"Volunteers are going door to door.\"\n\n"
        "Hospitals in Zomba reported 12 deaths. Doctors said supplies were short.\n\n"
        "\"Vaccines arrive on Friday,\" the ministry said.")
    quote = quote_with(doc, "Vaccines arrive on Friday")
    assert "Ministry of Health" in " ".join(names_of(doc, quote.speaker)), quote.speaker


def test_a_description_repeats_the_speaker_written_with_the_same_noun(parse):
    doc = parse(
        "Ghana's central bank said on Thursday it would raise its policy rate to 27 percent as the cedi fell.\n\n"
        "Traders in Accra said prices of imported rice had doubled since January.\n\n"
        "The finance minister told parliament the budget would be revised.\n\n"
        "The central bank said inflation would slow by the end of the year.")
    first = quote_with(doc, "its policy rate")
    quote = quote_with(doc, "inflation would slow")
    assert quote.speaker is not None and quote.speaker == first.speaker


def test_a_deputy_is_not_the_head_a_description_names(parse):
    doc = parse(
        "The deputy head of the electoral commission, Ana Torres, defended the count on Monday.\n\n"
        "The head of the Mexican government said the recount would go ahead.", dt.date(2024, 6, 10))
    quote = quote_with(doc, "the recount would go ahead")
    assert "Ana Torres" not in names_of(doc, quote.speaker)


def test_a_possessor_in_a_title_is_not_the_titles_holder(parse):
    doc = parse("The deputy chief of Governor Ruth Achieng's staff Joseph Kamau said the strike would end on Friday.")
    quote = quote_with(doc, "the strike would end")
    assert "Joseph Kamau" in names_of(doc, quote.speaker)


def test_a_pronoun_after_a_title_with_a_body_is_the_named_person(parse):
    doc = parse(
        "The Red Cross director general, Pierre Lemaire, said the levees had held in the north.\n\n"
        "He said: \"We expect the river to crest on Sunday.\"")
    quote = quote_with(doc, "crest on Sunday")
    assert "Pierre Lemaire" in names_of(doc, quote.speaker)


def test_a_pronoun_after_quoted_words_is_not_a_person_named_in_them(parse):
    doc = parse(
        "\"The union will not go back to work,\" Oscar Varga, the union's leader, said on Tuesday.\n\n"
        "\"First of all, this is a strike that Mayor Ilona Kertesz provoked. Second, we have the right to strike,\" "
        "he continued.")
    quote = quote_with(doc, "we have the right to strike")
    assert "Oscar Varga" in names_of(doc, quote.speaker)


def test_a_name_inside_a_fronted_participle_is_the_speaker(parse):
    doc = parse("Speaking in Tarakan - the largest town on the island - Governor Zainal Paliwang warned that the "
                "border road would stay closed.")
    quote = quote_with(doc, "the border road would stay closed")
    assert quote.speaker_text == "Governor Zainal Paliwang"
    assert "Zainal Paliwang" in " ".join(names_of(doc, quote.speaker))


def test_a_possessor_owns_an_unnamed_military(parse):
    doc = parse("Eritrean forces shelled the border town on Sunday, witnesses said. "
                "Ethiopia's military said the clashes had ended.")
    quote = quote_with(doc, "the clashes")
    assert "Ethiopia" in " ".join(names_of(doc, quote.speaker))


def test_a_thing_found_is_no_finding_reported(parse):
    doc = parse("Rescuers reached the village after officials said they had found a collapsed school holding 30 pupils.")
    figure = next(f for f in doc._.figures if f.text.startswith("30"))
    assert figure.attributed_text != "they"


def test_a_name_right_after_its_description_is_the_speaker(parse):
    # the parser gives "firm" and "Vestra" a subject arc each
    doc = parse("The Norwegian shipping firm Vestra said that 12 crew members had been rescued off Bergen.")
    quote = quote_with(doc, "12 crew members")
    assert quote.speaker_text == "The Norwegian shipping firm Vestra"
    assert "Vestra" in " ".join(names_of(doc, quote.speaker))


def test_he_is_not_the_outlet_a_report_was_passed_on_by(parse):
    doc = parse("Chile's Finance Minister Mario Marcel said on Monday that copper exports would rise.\n\n"
                "This was reported by Diario Sur, according to the news agency Orbe.\n\n"
                "“We expect the mines to recover by March,” he said.")
    quote = quote_with(doc, "recover by March")
    assert "Mario Marcel" in " ".join(names_of(doc, quote.speaker))


def test_a_question_word_is_no_speaker(parse):
    doc = parse("The council again refused the proposal. What explains this refusal by the council?")
    assert not [q for q in doc._.quotes if (q.speaker_text or "").lower() == "what"]


def test_a_statement_speaks_for_who_issued_it(parse):
    doc = parse("The Kenya Ports Authority issued a statement on Monday.\n\n"
                "Workers blocked the gates at dawn.\n\n"
                "\"The port will stay closed until the gates are cleared,\" the statement said.")
    quote = quote_with(doc, "The port will stay closed")
    assert "Ports Authority" in " ".join(names_of(doc, quote.speaker))


def test_a_name_before_a_dashed_title_keeps_the_speaker(parse):
    doc = parse("At a hearing in Lima on Monday, Maria Quispe – chief adviser to Peru's president, Dina Boluarte – "
                "asked why the recount had been delayed.")
    quote = quote_with(doc, "why the recount had been delayed")
    assert quote.speaker_text.startswith("Maria Quispe")
    assert "Maria Quispe" in names_of(doc, quote.speaker)


def test_a_leaders_government_is_the_state(parse):
    doc = parse("President Emmanuel Macron's government said 300 police officers had been sent to Nouméa.",
                dt.date(2024, 5, 15))
    quote = quote_with(doc, "300 police officers")
    assert quote.speaker == "kb:FRA"
    assert _figure_source(doc, "300") == "kb:FRA"


def test_a_leaders_office_is_still_the_leader(parse):
    doc = parse("President Emmanuel Macron's office said the visit to Nouméa would go ahead.", dt.date(2024, 5, 15))
    quote = quote_with(doc, "the visit to Nouméa")
    assert quote.speaker and "macron" in quote.speaker


def _figure_source(doc, number: str) -> str | None:
    return next(f.attributed_to for f in doc._.figures if number in f.text)


def test_he_inside_a_named_speakers_report_is_that_speaker(parse):
    # lines without a full stop, as scraped reports often have them: the layout still parts them, so the
    # pronoun's clause lies inside the report its name opens and is that name's words
    doc = parse("Kenyan President William Ruto met union leaders in Nairobi on Friday.\n\n"
                "\"The levy will be different,\" said Ruto after the talks, including with Uganda\n\n"
                "Ruto estimated that the strike may end within days, though he added that it was still not "
                "too late for the unions to choose talks", dt.date(2024, 2, 18))
    quote = quote_with(doc, "still not too late")
    assert quote.speaker_text == "Ruto" and quote.text.startswith("that the strike may end")
    assert "William Ruto" in " ".join(names_of(doc, quote.speaker))


def test_a_description_by_origin_is_the_one_person_named_with_it(parse):
    doc = parse(
        "Ex-President of Uruguay (2010-2015) Marcos Ibarra gave a long interview on Tuesday.\n\n"
        "The former Uruguayan leader said the river treaty would survive the dispute.")
    quote = quote_with(doc, "the river treaty would survive")
    assert "Marcos Ibarra" in names_of(doc, quote.speaker), quote.speaker


def test_a_description_by_origin_that_fits_two_people_credits_neither(parse):
    doc = parse(
        "Uruguayan Foreign Minister Ana Ferro and ex-President of Uruguay Marcos Ibarra met in Salto on Tuesday.\n\n"
        "The former Uruguayan leader said the river treaty would survive the dispute.")
    quote = quote_with(doc, "the river treaty would survive")
    assert not names_of(doc, quote.speaker) & {"Marcos Ibarra", "Ana Ferro"}, names_of(doc, quote.speaker)


def test_a_report_speaks_for_the_body_that_released_it(parse):
    doc = parse(
        "A report released on Monday by the World Food Programme found that hunger had spread in the Sahel.\n\n"
        "Some 4.2 million people need food aid in Niger alone, the report said.")
    quote = quote_with(doc, "4.2 million people need food aid")
    assert "World Food Programme" in names_of(doc, quote.speaker), quote.speaker
    (figure,) = [f for f in doc._.figures if f.text.startswith("Some 4.2 million")]
    assert figure.attributed_to == quote.speaker


def test_the_reports_own_outlet_is_no_speaker_but_another_outlet_is(parse):
    doc = parse(
        "Romania will open two new border crossings next month, an Ukrinform correspondent reports.\n\n"
        "Die Welt reported that the German chancellor would visit Bucharest on Monday.")
    assert not [q for q in doc._.quotes if "border crossings" in q.text]
    quote = quote_with(doc, "would visit Bucharest")
    assert quote.speaker is not None


def test_a_description_by_origin_needs_the_same_office_for_an_office_noun(parse):
    doc = parse(
        "Peruvian President Elena Quispe opened the new port in Callao on Friday.\n\n"
        "The Peruvian minister said the port would handle twice as many ships by 2030.")
    quote = quote_with(doc, "the port would handle")
    assert "Elena Quispe" not in names_of(doc, quote.speaker)


def test_a_she_is_not_the_man_the_last_he_spoke_as(parse):
    doc = parse(
        "Okafor is the chair of the Lagos port authority and a close ally of the governor.\n\n"
        "Since the dock strike began in March, Adaeze Nwosu has pressed the authority to reopen talks.\n\n"
        "Okafor met the dockers' union twice last month.\n\n"
        "He later said the union knew where the money had gone.\n\n"
        "\"I have asked for the books many times, and nobody has shown them to me,\" she said on Tuesday.")
    quote = quote_with(doc, "I have asked for the books")
    assert "Adaeze Nwosu" in names_of(doc, quote.speaker), quote.speaker


def test_a_he_is_never_a_person_titled_ms(parse):
    doc = parse(
        "Ms Varga, the mayor of Pécs, opened the new tram line on Saturday.\n\n"
        "\"The line will carry 20,000 people a day,\" he said.")
    quote = quote_with(doc, "The line will carry")
    assert "Varga" not in " ".join(names_of(doc, quote.speaker))


def test_a_title_before_a_name_is_that_persons_and_no_state_speaks_for_a_scholar(parse):
    doc = parse(
        "Danish historian and former museum curator Mette Holm says the collection is older than the catalogue "
        "claims.\n\n"
        "The historian explained that most pieces were bought at auction in the 1920s.\n\n"
        "The Swedish historian said the auction records were lost in a fire.")
    first = quote_with(doc, "older than the catalogue")
    later = quote_with(doc, "bought at auction")
    assert "Mette Holm" in names_of(doc, first.speaker), first.speaker
    assert later.speaker == first.speaker
    assert quote_with(doc, "records were lost").speaker != "kb:SWE"  # a Swedish historian is no state


def test_a_lede_description_is_the_person_the_next_paragraph_names(parse):
    doc = parse(
        "The shipping line will resume sailings to the islands next week, the head of Norway's coastal ferry "
        "service said.\n\n"
        "Fleet director Ingrid Dahl said the repaired vessel had passed its sea trials on Sunday.")
    quote = quote_with(doc, "resume sailings")
    assert "Ingrid Dahl" in names_of(doc, quote.speaker), quote.speaker


def test_a_lede_description_is_not_a_person_of_another_state(parse):
    doc = parse(
        "Chile's envoy to Peru said the border crossing would reopen on Monday.\n\n"
        "Bolivian Ambassador Luis Arce Mendoza told reporters the trucks had waited for a week.")
    quote = quote_with(doc, "border crossing would reopen")
    assert "Luis Arce Mendoza" not in names_of(doc, quote.speaker)


def test_the_one_introduced_unnamed_is_not_the_last_person_named(parse):
    doc = parse(
        "Mayor Tomas Ruiz spoke to a local radio presenter on Friday about the flooded underpass.\n\n"
        "The presenter asked whether the pumps had failed, and Ruiz said they had not.")
    quote = quote_with(doc, "whether the pumps had failed")
    assert "Tomas Ruiz" not in names_of(doc, quote.speaker)


def test_they_in_a_coordinated_clause_are_its_first_subject(parse):
    doc = parse(
        "Firefighters from the Kenya Forest Service reach the blazes before the army does, and they also say "
        "the fires are being set on purpose near Nyeri.")
    quote = quote_with(doc, "being set on purpose")
    assert "Forest Service" in " ".join(names_of(doc, quote.speaker)), quote.speaker


def test_according_to_at_the_front_is_not_part_of_the_words(parse):
    doc = parse("But, according to the harbour master, the ferry left an hour late.")
    quote = quote_with(doc, "the ferry left")
    assert quote.text == "the ferry left an hour late" and quote.cue == "according to"


def test_asking_to_remain_anonymous_is_no_quote(parse):
    doc = parse("But according to a port official, who asked to remain anonymous, two cranes collapsed in the storm.")
    assert [q.text for q in doc._.quotes] == ["two cranes collapsed in the storm"]


def test_it_after_according_to_a_plural_looking_name_is_that_body(parse):
    doc = parse(
        "Somali pirates attacked two tankers off Somalia last week, according to Janes.\n\n"
        "Judging by the attacks so far, it considers that Somalia would need \"at least two years\" to rebuild "
        "its coast guard.")
    quote = quote_with(doc, "to rebuild")
    assert "Janes" in names_of(doc, quote.speaker), quote.speaker


def test_its_officials_speak_for_the_body_its_stands_for(parse):
    doc = parse("Chile wants more help with the fires from its neighbours, which its officials say has been too slow "
                "in arriving.")
    quote = quote_with(doc, "too slow")
    assert quote.speaker == "kb:CHL" and quote.anonymous


def test_a_lede_description_is_not_a_person_named_in_its_own_sentence(parse):
    doc = parse("The ambassador said the border talks would resume in May, and Ana Ruiz agreed with the date.\n\n"
                "Trucks have waited at the crossing for a week.")
    quote = quote_with(doc, "border talks would resume")
    assert "Ana Ruiz" not in names_of(doc, quote.speaker)


def test_a_firms_office_holder_is_the_person_the_report_went_on_naming(parse):
    doc = parse(
        "The head of the ferry operator Nordlink has criticised the new harbour fees.\n\n"
        "Speaking to reporters, Irina Sokol called the move \"reckless\". Sokol says the routes can still pay.\n\n"
        "Sokol fears that if Mayor Omar Haddad raises the fees again, the routes will close.\n\n"
        "\"We will not cut a single crossing,\" says the Nordlink CEO.\n\n"
        "Mayor Omar Haddad defended the fees. \"The roads are closed,\" the Kremlin spokesman said.")
    # the mayor a condition supposes ("if Mayor Omar Haddad raises") is not the one who goes on speaking
    assert "Irina Sokol" in names_of(doc, quote_with(doc, "single crossing").speaker)
    # a state's office is no firm's: its holder is not whoever the report named last
    assert "Omar Haddad" not in names_of(doc, quote_with(doc, "roads are closed").speaker)


def test_who_after_an_office_of_a_body_is_the_office_holder(parse):
    doc = parse(
        "Marc Duval, the head of the growers' cooperative, who told reporters that the drought was the worst in "
        "decades, called for aid.")
    assert "Marc Duval" in names_of(doc, quote_with(doc, "worst in decades").speaker)


def test_the_founder_of_a_firm_is_the_person_just_named_not_the_firm(parse):
    doc = parse(
        "Retail tycoon Tom Reyes has slammed the dock strike in a post on Tuesday. \"I see no winner in this stupid "
        "strike,\" the founder of Reyes Stores wrote.")
    quote = quote_with(doc, "I see no winner")
    assert "Tom Reyes" in names_of(doc, quote.speaker), quote.speaker


def test_a_described_office_of_another_state_is_not_the_leader_named_before(parse):
    doc = parse(
        "German Chancellor Olaf Brandt said on Monday that the grid link would open in May.\n\n"
        "\"We will pay our share of the cable,\" the president of France said.")
    quote = quote_with(doc, "pay our share")
    assert "Olaf Brandt" not in names_of(doc, quote.speaker), quote.speaker


def test_a_pronoun_before_any_name_is_the_person_its_cue_names_after_it(parse):
    doc = parse(
        "\"We are closing the western border crossings for two weeks. Trucks will wait,\" she wrote on social media "
        "Interior Minister Marta Quiroga.\n\nArgentina has protested against the closure. Quiroga said the crossings "
        "would reopen in June.")
    quote = quote_with(doc, "closing the western border")
    assert "Marta Quiroga" in names_of(doc, quote.speaker), quote.speaker


def test_a_pronoun_before_any_name_is_not_the_person_its_cue_addresses(parse):
    doc = parse(
        "\"The crossings must reopen before the harvest,\" he wrote to Interior Minister Marta Quiroga on Monday.\n\n"
        "Quiroga said the crossings would reopen in June.")
    quote = quote_with(doc, "must reopen before the harvest")
    assert "Marta Quiroga" not in names_of(doc, quote.speaker), quote.speaker


def test_a_description_after_he_said_is_the_person_he_stands_for(parse):
    doc = parse(
        "A radio station asked the head of the farmers' union, Marta Quiroga, about the drought on Monday.\n\n"
        "In her view, the harvest will be lost: - We cannot let the farms close this year -she said.\n\n"
        "The union leader warns of a long summer\n\n"
        "The politician stressed that the government must pay for new wells.")
    assert "Marta Quiroga" in spoken_by(doc, "must pay for new wells")


def test_a_named_text_speaks_for_the_body_whose_website_published_it(parse):
    doc = parse(
        "Fishing boats must stay out of the disputed waters around the islands.\n\n"
        "That is according to the Manila Summit Declaration, which has been published on the ASEAN website, "
        "a correspondent reports.\n\n"
        "\"All parties must avoid any escalation at sea,\" the document reads.")
    assert "ASEAN" in spoken_by(doc, "Fishing boats must stay out") == spoken_by(doc, "avoid any escalation")


def test_one_of_a_bodys_unnamed_officials_speaks_for_that_body(parse):
    doc = parse("Farmers blocked the roads outside the ministry in Lisbon. One of the senior EU officials told reporters "
                "that the blockade would last a week.")
    quote = quote_with(doc, "the blockade would last a week")
    assert quote.anonymous and quote.speaker is not None and "EU" in names_of(doc, quote.speaker), quote


def test_our_correspondent_is_the_correspondent_the_report_named(parse):
    doc = parse("Farm ministers met in Brussels on Monday. Radio Nord correspondent Petra Lind, who is at the meeting, "
                "says the talks have stalled. But the ministers were determined to reach a deal by Friday, our "
                "correspondent adds.")
    assert "Petra Lind" in spoken_by(doc, "determined to reach a deal")


def test_our_correspondent_is_nobody_when_no_correspondent_was_named(parse):
    doc = parse("Farm ministers met in Brussels on Monday. Agriculture minister Jonas Berg said the talks have stalled. "
                "But the ministers were determined to reach a deal by Friday, our correspondent adds.")
    assert quote_with(doc, "determined to reach a deal").speaker is None


def test_a_pronoun_in_a_clause_hung_on_a_described_speakers_cue_is_that_speaker(parse):
    doc = parse('Carl Olsen believes that the mill will close, and the mayor of Tromso Anna Dahl described the plan as '
                'a "betrayal", although she later called the owners "partners".')
    assert "Anna Dahl" in spoken_by(doc, "partners")


def test_the_spokesman_for_a_body_is_the_one_the_report_titled_so(parse):
    doc = parse("The talks in Geneva did not go well, a spokesman for the Chilean Ministry of Foreign Affairs Pablo Rojas "
                "said on Saturday.\n\n\"The offer was not serious,\" Rojas wrote. He added that talks would resume.\n\n"
                "\"We will not sign a bad deal,\" the spokesman for the Ministry of Foreign Affairs of Chile said.")
    quote = quote_with(doc, "We will not sign a bad deal")
    assert "Pablo Rojas" in names_of(doc, quote.speaker) and not quote.anonymous


def test_a_party_or_an_age_describes_the_person_just_named(parse):
    doc = parse(
        "Senator Maria Ortiz of Arizona criticised the flood relief bill on Tuesday. \"This package leaves rural "
        "towns behind,\" the Republican said in a statement.\n\n"
        "The union invited Governor Paul Brandt to the picket line, after the Democrat dismissed the strike as "
        "\"a wage quarrel\".")
    assert "Maria Ortiz" in " ".join(spoken_by(doc, "rural towns"))
    assert "Paul Brandt" in " ".join(spoken_by(doc, "a wage quarrel"))


def test_a_bodys_spokesman_is_the_spokesman_it_named_before(parse):
    doc = parse(
        "Agency spokesman Daniel Okoro said the port would reopen on Monday. Ships were queuing in the bay.\n\n"
        "The agency's spokesman said that pilots had been called back to work.")
    assert "Daniel Okoro" in " ".join(spoken_by(doc, "pilots had been called back"))



@pytest.mark.parametrize("later, fragment", [
    ("The European Commission's spokesman said the bloc would send pumps to the town.", "would send pumps"),
    ("The director of the board, who was questioned by police on Tuesday, said he had warned of the risk.",
     "warned of the risk"),
])
def test_another_bodys_spokesman_or_the_boards_head_is_not_the_spokesman_named_before(parse, later, fragment):
    doc = parse("Karl Tamm, a spokesman for the water board, said 40 homes in Tartu were flooded on Monday.\n\n" + later)
    assert "Karl Tamm" not in spoken_by(doc, fragment)


def test_a_description_by_another_office_is_not_the_person_titled_before(parse):
    doc = parse(
        "Chilean Interior Minister Carla Vega said on Monday that the Chacalluta border crossing would stay shut.\n\n"
        "\"Our trucks have been waiting for nine days, and the losses grow every hour,\" said the president of the "
        "truckers' federation.")
    assert "Carla Vega" not in spoken_by(doc, "waiting for nine days")


def test_a_description_of_another_state_is_not_the_person_titled_before(parse):
    doc = parse(
        "Indian Foreign Minister Rohan Mehta told reporters in Delhi that the talks on water sharing had stalled.\n\n"
        "A newspaper in Lahore quoted two sources close to the government. \"Nobody in Islamabad expects a deal "
        "before winter,\" said the former Pakistani official.")
    assert "Rohan Mehta" not in spoken_by(doc, "expects a deal")


def test_a_poll_naming_its_own_makers_is_not_the_pollster_named_before(parse):
    doc = parse(
        "A survey by Ipsos found that most Kenyans backed the new tax on mobile transfers.\n\n"
        "Support has since collapsed, says a Nairobi Star-KTN News poll released on Sunday. The Star-KTN poll "
        "found that younger voters were the most opposed.")
    quote = quote_with(doc, "younger voters were the most opposed")
    first = quote_with(doc, "most Kenyans backed")
    assert first.speaker is not None and quote.speaker != first.speaker


def test_the_unnamed_official_who_spoke_last_is_not_the_person_named_before(parse):
    doc = parse(
        "Defence Minister Tomas Varga said that his country would answer the raid at a time of its choosing. He "
        "added that the army was ready.\n\n"
        "\"We are not seeking a wider war,\" said the official of the Hungarian administration during a call with "
        "reporters. The official stressed that Budapest would consult its allies first.")
    assert "Tomas Varga" not in spoken_by(doc, "consult its allies")


def test_an_archbishop_of_a_city_is_a_person_not_the_city(parse):
    doc = parse(
        "The archbishop of Lyon has said that the closure of the shelters cannot be the answer to the cold.\n\n"
        "Marc Dubois, speaking at a service on Sunday, said families should not sleep in the streets.")
    quote = quote_with(doc, "closure of the shelters")
    kinds = {m.type for m in doc._.mentions or () if m.entity == quote.speaker}
    assert quote.speaker is None or kinds == {"person"}, kinds


def test_a_named_daughter_writes_her_own_words_not_her_father(parse):
    doc = parse(
        "Some background: In April of 2021, Novak’s then 12-year-old daughter Petra drew a picture of soldiers "
        "firing at a family and wrote “No to war” during her art class.")
    speakers = spoken_by(doc, "No to war")
    assert "Petra" in speakers and "Novak" not in " ".join(speakers), speakers


def test_a_dash_glued_to_a_full_stop_leaves_the_name_before_it(parse):
    doc = parse(
        "- The harvest was the best in ten years - said Kowalski.- Prices will still fall this winter - he "
        "continued.- Nobody in the village is happy - said Kowalski.")
    assert [t.text for t in doc if t.text.startswith("Kowalski")] == ["Kowalski", "Kowalski"]
    assert "Kowalski" in spoken_by(doc, "The harvest was the best")


def test_it_opening_a_sentence_is_the_state_that_was_the_subject_before(parse):
    doc = parse(
        "Brasilia and Mexico City have pledged to send more fuel to the island and have announced new credit lines. "
        "Brazil wants to lead the effort to prevent what the foreign minister, Paulo Reis, has called a \"total "
        "blackout\".\n\n"
        "Argentina has been far more cautious, blocking the sale of its tankers to either side. It has long argued "
        "against taking part in a dispute between neighbours.")
    assert "Argentina" in spoken_by(doc, "taking part in a dispute")


@pytest.mark.parametrize("text, fragment, name", [
    ("Colonel Omar Bashiru seized power in Niamey in March and dissolved the parliament.\n\n"
     "On Tuesday the dictator said that the elections would have to wait until the army had restored order.",
     "elections would have to wait", "Omar Bashiru"),
    ("Martin Kell spent twenty years in the British intelligence service before he retired to Devon.\n\n"
     "The former spy predicts that the talks in Geneva will fail before the summer.", "talks in Geneva", "Martin Kell"),
    ("Polish Defence Minister Jan Nowak visited the border crossing at Terespol on Monday. Belarusian President "
     "Viktor Sokal answered him a day later.\n\nThe Belarusian dictator said that his army would hold exercises "
     "near the border.", "hold exercises", "Viktor Sokal"),
])
def test_a_person_called_a_dictator_or_a_spy_is_the_person_named_before(parse, text, fragment, name):
    assert any(name in n for n in spoken_by(parse(text), fragment))


def test_a_dictator_of_one_state_is_not_a_minister_of_another_named_before(parse):
    doc = parse("Polish Defence Minister Jan Nowak visited the border crossing at Terespol on Monday.\n\n"
                "The Belarusian dictator said that his army would hold exercises near the border.")
    assert quote_with(doc, "hold exercises").speaker is None


def test_a_former_office_holder_is_not_the_person_titled_with_that_office_now(parse):
    doc = parse("Brazilian President Carlos Andrade signed the new mining law on Monday.\n\n"
                "“The forests will pay for this law,” said Paulo Souza, the deputy head of Brazil's senate ethics "
                "panel, in a post on X.\n\n“There is no other way to read it,” the former Brazilian president added.")
    assert spoken_by(doc, "no other way to read it") == spoken_by(doc, "forests will pay") == {"Paulo Souza"}
