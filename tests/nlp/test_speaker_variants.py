"""Speakers in translated and dash-quoted reports, unnamed descriptions, and figures credited through the
clause's attribution frame, on short reports written for these tests: a border closure, an orchard frost,
a dock strike, a ferry count, a migration survey."""

from __future__ import annotations

import pytest

from storyline.nlp.speaker_pronouns import spelling_of
from tests.nlp.test_speaker_descriptions import names_of, quote_with


def test_a_surname_in_another_case_ending_or_spelling_is_the_same_name():
    assert spelling_of("Szabova", "Szabová")
    assert spelling_of("Kowalczykowa", "Kowalczyków")
    assert spelling_of("Zelenskyy", "Zelensky")


def test_short_or_different_surnames_are_not_spellings_of_each_other():
    assert not spelling_of("Johnson", "Johnston")  # a stem of five letters is too short to tell
    assert not spelling_of("Kowalski", "Kowalczyk")
    assert not spelling_of("Lind", "Linde")
    assert not spelling_of("Berg", "Berg-Olsen")


@pytest.mark.integration
def test_a_name_written_in_another_case_ending_speaks_as_the_person_and_so_do_her_pronouns(parse):
    doc = parse(
        "A spokeswoman for the Slovak interior ministry, Katarina Szabova, said on Monday that the border "
        "crossing at Vysne Nemecke would stay closed.\n\n"
        "Szabovej stated that trucks would be sent to other crossings. - Nobody will cross there this week - "
        "she said.")
    named = quote_with(doc, "would stay closed")
    assert "Katarina Szabova" in names_of(doc, named.speaker)
    assert quote_with(doc, "trucks would be sent").speaker == named.speaker
    assert quote_with(doc, "Nobody will cross").speaker == named.speaker


@pytest.mark.integration
def test_dash_quoted_words_glued_to_a_sentence_start_after_its_end(parse):
    doc = parse(
        "In turn, the farm economist Tomas Brandt said on local radio that the apple harvest would be late "
        "this year.- The frost has ruined half of the orchards in the valley - said the economist.")
    quote = quote_with(doc, "The frost has ruined")
    assert "harvest would be late" not in quote.text
    assert "Tomas Brandt" in names_of(doc, quote.speaker)


@pytest.mark.integration
def test_a_pronoun_is_not_the_person_named_in_its_own_dash_quoted_words(parse):
    doc = parse(
        "Dockers' union leader Marta Holm said the strike at the port of Gdynia would go on.\n\n"
        "- Nothing will change until the board forces Peter Lindqvist to resign - he added.")
    quote = quote_with(doc, "Nothing will change")
    assert "Peter Lindqvist" not in names_of(doc, quote.speaker)


@pytest.mark.integration
def test_an_official_no_name_accounts_for_is_an_anonymous_source(parse):
    doc = parse(
        "The ferry operator said 212 passengers had been on board.\n\n"
        "Rescue teams searched the coast overnight. The official said the search would resume at dawn.")
    frame = next(f for f in doc._.frames if "search would resume" in f.text)
    assert frame.source is None and frame.source_kind == "anonymous"


@pytest.mark.integration
def test_a_partitive_relative_clause_keeps_the_surveys_source(parse):
    doc = parse(
        "The national statistics office estimates that about 2.1 million residents moved abroad in 2023, "
        "of whom about 30% are nurses and doctors.")
    from storyline.nlp.pipeline import to_extraction

    figures = to_extraction(doc).figures
    whole = next(f for f in figures if f.value == 2_100_000)
    part = next(f for f in figures if f.value == 30)
    assert whole.attributed_text and "statistics office" in whole.attributed_text
    assert part.attributed_to == whole.attributed_to and part.attributed_text == whole.attributed_text


@pytest.mark.integration
def test_a_relayed_figure_credits_the_original_source_as_its_clause_does(parse):
    doc = parse("The Kyodo news agency, citing the coast guard, said 14 fishing boats were missing off Hokkaido.")
    from storyline.nlp.pipeline import to_extraction

    extraction = to_extraction(doc)
    figure = next(f for f in extraction.figures if f.value == 14)
    frame = next(f for f in extraction.frames if f.start <= figure.start < f.end)
    assert "coast guard" in (frame.source_text or ""), frame
    assert (figure.attributed_to, figure.attributed_text) == (frame.source, frame.source_text)


@pytest.mark.integration
def test_a_paragraph_opened_by_a_dash_is_the_speakers_words_up_to_the_closing_dash(parse):
    doc = parse(
        "Mountain rescue chief Anton Gruber spoke to reporters in Zermatt on Sunday.\n\n"
        "- The pass has been closed since Friday. The snow will not stop before Tuesday, so nobody should "
        "try to cross - he said.")
    quote = quote_with(doc, "The snow will not stop")
    assert "The pass has been closed" in quote.text
    assert "Anton Gruber" in names_of(doc, quote.speaker)
    frame = next(f for f in doc._.frames if "snow will not stop" in f.text)
    assert frame.source == quote.speaker and frame.source_kind != "author"
