"""Quote spans and speakers where the parse goes wrong in ways news text makes common: a quotation the
reported clause opens and the parse cuts short, a report coordinated after another, a clause joined from the
next paragraph, a participle after a request, a verb of saying read as a noun, two subjects before a cue."""

from __future__ import annotations

import pytest

from storyline.nlp.quote_records import one_per_attribution


def quotes_of(doc):
    return one_per_attribution(doc._.quotes or [], doc.text)


def holding(doc, fragment: str):
    found = [q for q in quotes_of(doc) if fragment in q.text]
    assert found, f"no quote holds {fragment!r}: {[(q.speaker_text, q.text) for q in quotes_of(doc)]}"
    return found


@pytest.mark.integration
def test_reported_words_run_to_the_end_of_the_quotation_they_open(parse):
    doc = parse('The harbour master called the collision "the worst accident... on this coast since the storm of 1987."')
    (quote,) = holding(doc, "the worst accident")
    assert quote.speaker_text == "The harbour master"
    assert quote.text.rstrip('."').endswith("storm of 1987")
    assert len([q for q in quotes_of(doc) if "worst accident" in q.text]) == 1  # one record, not a clause and a fragment


@pytest.mark.integration
def test_a_coordinated_report_of_its_own_is_no_part_of_the_clause_before_it(parse):
    doc = parse('She said evening classes would not be cut, and when pressed on the budget, the principal replied, '
                '"We will find the money somewhere."')
    (said,) = holding(doc, "evening classes")
    assert said.text == "evening classes would not be cut" and said.speaker_text == "She"
    (replied,) = holding(doc, "find the money")
    assert replied.speaker_text == "the principal" and replied.direct


@pytest.mark.integration
def test_a_participle_after_a_request_speaks_for_the_one_who_asked(parse):
    doc = parse("The ferry union requested the port authority delay the new timetable, saying crews had not been "
                "consulted.")
    (quote,) = holding(doc, "crews had not been consulted")
    assert quote.speaker_text == "The ferry union"


@pytest.mark.integration
def test_a_thing_that_continues_speaks_no_quotation(parse):
    doc = parse('Water cuts will continue "for several weeks," the utility says.')
    for quote in holding(doc, "several weeks"):
        assert quote.speaker_text == "the utility"


@pytest.mark.integration
def test_a_verb_of_saying_read_as_a_noun_still_reports_its_clause(parse):
    doc = parse("But Okafor claims that the tender was rigged.\n\nMensah charges that the auditors were paid off.")
    (claim,) = holding(doc, "the tender was rigged")
    assert claim.speaker_text == "Okafor" and claim.cue == "claim"
    (charge,) = holding(doc, "the auditors were paid off")
    assert charge.speaker_text == "Mensah"


@pytest.mark.integration
def test_the_subject_running_up_to_the_cue_speaks_not_a_fronted_phrase(parse):
    doc = parse("His pledges notwithstanding, independent auditors agree the scheme would cost far more.")
    (quote,) = holding(doc, "the scheme would cost far more")
    assert quote.speaker_text == "independent auditors"


@pytest.mark.integration
def test_studies_and_panels_speak_for_their_findings(parse):
    doc = parse("Several studies have shown large parts of the delta are sinking.\n\n"
                "A panel of engineers found the levee was built too low.")
    (studies,) = holding(doc, "are sinking")
    assert studies.speaker_text == "Several studies" and studies.text.startswith("large parts of the delta")
    (panel,) = holding(doc, "built too low")
    assert panel.speaker_text.startswith("A panel")


@pytest.mark.integration
def test_a_verbless_quotation_on_its_own_line_takes_its_dash_credit(parse):
    doc = parse("Readers wrote in about the closure.\n"
                "“No notice, no plan, no apology.” ― Teodora Vasquez\n")
    (quote,) = holding(doc, "No notice")
    assert quote.speaker_text == "Teodora Vasquez"


@pytest.mark.integration
def test_a_thing_that_adds_pressure_is_no_speaker_a_pronoun_goes_on_from(parse):
    doc = parse("Former president Tom Keller said in March he could end the strike in a day.\n\n"
                "Prime minister Ken Nakamura was asked whether the prospect of a Keller comeback adds pressure to "
                "settle the strike before the vote.\n\n"
                "“Of course we want it settled soon. It has nothing to do with who wins,” he replied.")
    (quote,) = holding(doc, "want it settled soon")
    assert quote.speaker_text == "he" and quote.speaker is not None and "nakamura" in quote.speaker


@pytest.mark.integration
def test_a_call_on_someone_to_act_reports_what_was_asked(parse):
    doc = parse("The mayor called on residents to stay indoors until the water recedes.\n\n"
                "Ana Ruiz called on Tuesday for an inquiry into the flooding.")
    for fragment, speaker, opening in (("stay indoors", "The mayor", "residents to stay indoors"),
                                       ("an inquiry", "Ana Ruiz", "an inquiry into")):  # not "Tuesday"
        (quote,) = holding(doc, fragment)
        assert quote.speaker_text == speaker and quote.text.startswith(opening)


@pytest.mark.integration
def test_words_a_dash_closes_before_their_speaker_are_the_speakers(parse):
    doc = parse("The barrier held through the night.\n\n"
                "- We have never seen water this high. The pumps ran for twenty hours without a break - the head of "
                "the regional water board, Piotr Malek, told reporters.\n\n"
                "- The dam is safe - Malek said.")
    expected = {"twenty hours": ("We have never seen water this high. The pumps ran for twenty hours without a break",
                                 "the head of the regional water board, Piotr Malek"),
                "The dam is": ("The dam is safe", "Malek")}  # not cut at "safe", which the parser hangs on Malek
    for fragment, words_and_speaker in expected.items():
        (quote,) = holding(doc, fragment)
        assert (quote.text, quote.speaker_text) == words_and_speaker


@pytest.mark.integration
def test_a_poll_shows_a_candidate_leading_a_guide_shows_visitors_nothing(parse):
    doc = parse("Two polls show the incumbent leading her rival 48 percent to 44 percent.\n\n"
                "The guide showed visitors leaving the hall a map of the old town.")
    shown = {q.speaker_text: q.text for q in quotes_of(doc)}  # nothing from the guide
    assert shown == {"Two polls": "the incumbent leading her rival 48 percent to 44 percent"}


@pytest.mark.integration
def test_a_headline_with_a_verb_of_saying_reports_no_one(parse):
    doc = parse("Brno mayor says fare rise will hurt students\n\nThe mayor of Brno said on Monday that the new fares "
                "would hurt students and pensioners most.")
    assert not [q for q in quotes_of(doc) if q.start < doc.text.index("\n")], [q.text for q in quotes_of(doc)]
    (quote,) = holding(doc, "would hurt students and pensioners")
    assert "mayor" in quote.speaker_text.lower()


@pytest.mark.integration
def test_a_run_in_heading_is_no_quote_and_credits_no_quotation_after_it(parse):
    doc = parse("Dock strike goes on: Despite weeks of talks as the port authority tries to \"break the strike\", "
                "dockers picket the gates.\n\nTycoon slams strike: Retail tycoon Tom Reyes has slammed the dock "
                "strike. \"I see no winner,\" he wrote.\n\nThe mayor added: \"The port must reopen.\"")
    assert not [q for q in quotes_of(doc) if "break the strike" in q.text or "slams strike" in q.text], \
        [(q.speaker_text, q.text) for q in quotes_of(doc)]
    (added,) = holding(doc, "The port must reopen")
    assert added.speaker_text == "The mayor"


@pytest.mark.integration
def test_a_wh_heading_ending_in_a_colon_introduces_no_block_quote(parse):
    doc = parse("Levees fail in river towns\n\nThe river broke through levees in four towns overnight.\n\n"
                "What the mayor said:\n\nThe town will rebuild the levee before the winter rains.\n\n"
                "The governor added:\n\nThe state will pay for the new levee.")
    assert not [q for q in quotes_of(doc) if "rebuild the levee" in q.text]
    (added,) = holding(doc, "The state will pay")
    assert added.speaker_text == "The governor"


@pytest.mark.integration
def test_said_to_be_and_continuing_an_act_report_no_speech(parse):
    doc = parse("A mill town said to be close to bankruptcy, Harlow has asked the state for a loan.\n\n"
                "The former treasurer is said to have moved the funds abroad.\n\n"
                "As the council tries to \"close the books\" on the scheme, residents continue to occupy the hall.\n\n"
                "\"We will not leave,\" she continued.")
    assert [q.text for q in quotes_of(doc)] == ["We will not leave"], [(q.speaker_text, q.text) for q in quotes_of(doc)]


@pytest.mark.integration
def test_words_after_a_run_in_heading_keep_their_own_cue(parse):
    doc = parse("Dock strike: the latest\n\nUnion warns of strike: Dockers will walk out on Friday, the union said.\n\n"
                "The ministry told reporters on Monday: the port will reopen next week.")
    (walk,) = holding(doc, "Dockers will walk out")
    assert walk.text == "Dockers will walk out on Friday" and walk.speaker_text == "the union"
    (reopen,) = holding(doc, "the port will reopen")
    assert reopen.speaker_text == "The ministry"


@pytest.mark.integration
def test_an_outlets_sign_off_is_not_what_the_cue_before_it_says(parse):
    doc = parse("Fuel prices will fall before the summer, the minister said on Monday, the agency has learned.\n\n"
                "The minister said that prices would fall. Talks with the unions are continuing, she said.")
    assert not [q for q in quotes_of(doc) if "has learned" in q.text], [(q.speaker_text, q.text) for q in quotes_of(doc)]
    (fall,) = holding(doc, "prices would fall")
    assert fall.speaker_text == "The minister"
    (talks,) = holding(doc, "are continuing")  # a clause of a thing going on is no sign-off
    assert talks.speaker_text == "she"


@pytest.mark.integration
@pytest.mark.parametrize("description", ["the Chilean deputy prime minister", "the head of the regional council"])
def test_an_according_to_description_with_a_name_set_off_by_commas_credits_the_clause_after_the_name(parse, description):
    doc = parse(f"According to {description}, Marta Quiroga, a second bridge will reopen in May.")
    (quote,) = holding(doc, "will reopen")
    assert quote.text == "a second bridge will reopen in May"
    assert quote.speaker_text.startswith(description)
    assert "bridge" not in quote.speaker_text


@pytest.mark.integration
def test_a_quotation_left_open_over_paragraphs_is_the_speaker_of_its_last_paragraph(parse):
    doc = parse("The harbour master, Pedro Alves, met the ferry crews in Split on Monday.\n"
                '"The breakwater took the worst of the storm. Two cranes are down.\n'
                '"No ferry leaves before Wednesday.\n'
                '"We will check every mooring first," he said.')
    for words in ("The breakwater took the worst", "No ferry leaves", "We will check every mooring"):
        (quote,) = holding(doc, words)
        assert quote.direct and quote.speaker_text == "he"
        assert "Pedro Alves" in {m.text for m in doc._.mentions if m.entity == quote.speaker}


@pytest.mark.integration
def test_a_closed_quotation_with_no_cue_before_an_attributed_paragraph_is_nobodys(parse):
    doc = parse('Fishermen in the bay call it "the graveyard".\n'
                '"We lost two boats there," said Ana Duarte, a trawler captain.')
    assert not [q for q in quotes_of(doc) if "graveyard" in q.text and q.speaker_text == "Ana Duarte, a trawler captain"]


@pytest.mark.integration
def test_a_heading_in_quotation_marks_continues_no_quotation(parse):
    doc = parse('"Prices will keep rising through the winter," the economist, Lena Holm, said. "Nobody can change that.\n\n'
                "'Hard Times Ahead.'\n\nThe central bank meets next week.")
    assert holding(doc, "Nobody can change that")
    assert not [q for q in quotes_of(doc) if "Hard Times Ahead" in q.text]


@pytest.mark.integration
def test_where_a_speaker_said_it_after_the_comma_is_no_part_of_the_speaker(parse):
    doc = parse("Brazilian President Carlos Andrade signed the new mining law on Monday.\n\n"
                "“The forests will pay for this law,” said Souza, the deputy head of Brazil's senate ethics panel, "
                "in a post on X.")
    (quote,) = holding(doc, "forests will pay")
    assert quote.speaker_text == "Souza, the deputy head of Brazil's senate ethics panel"
