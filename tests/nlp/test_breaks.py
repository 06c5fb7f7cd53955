"""Sentence starts fixed by the layout (blank lines, heading lines) before the parser runs."""

import pytest
import spacy

from storyline.nlp.breaks import BreaksComponent, glued_marks, inside_marks, line_break_starts, lower_case_carry_ons
from storyline.nlp.pipeline import _split_glued_quotes


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("en")


def _starts(nlp, text: str) -> list[str]:
    doc = nlp(text)
    return [doc[i].text for i in line_break_starts(doc)]


def test_heading_before_a_blank_line_ends_its_sentence(nlp):
    text = "Harvest Falls Short\n\nGrowers in the valley said on Friday that the frost had cut the crop."
    assert _starts(nlp, text) == ["Growers"]


def test_every_paragraph_after_a_blank_line_opens_a_sentence(nlp):
    text = "The dam held overnight.\n\nEngineers checked the spillway.\n \n\"It is sound,\" one said."
    assert _starts(nlp, text) == ["Engineers", '"']


def test_short_title_line_ended_by_one_line_break(nlp):
    text = "Where the Strike Stands\nNurses at two hospitals walked out on Monday."
    assert _starts(nlp, text) == ["Nurses"]


def test_a_line_ending_on_a_full_stop_ends_its_sentence(nlp):
    text = "The board met at noon.\nIts chair, Dr. Okafor, spoke first.\n\"We are ready.\"\nThe vote followed."
    assert _starts(nlp, text) == ["Its", "\"", "The"]
    assert _starts(nlp, "Aid reached the port on a ship hired by the U.S.\nState Department on Friday.") == []


def test_hard_wrapped_prose_is_left_to_the_parser(nlp):
    text = ("The mayor told reporters at the flooded bridge on Tuesday that repairs would take\n"
            "Several weeks, and that the county would pay for them.")
    assert _starts(nlp, text) == []


def test_a_break_inside_a_sentence_is_not_a_start(nlp):
    assert _starts(nlp, "The minister said:\n\n\"We will not sign.\"") == []  # the quote its cue opens
    assert _starts(nlp, "Voters in the north,\n\nand in the cities, turned out early.") == []
    assert _starts(nlp, "Prices rose again\n\nin the last week of the month.") == []  # debris cut it in two


def test_component_marks_the_tokens_for_the_parser(nlp):
    doc = BreaksComponent()(nlp("Storm Update\n\nThe coast road is closed."))
    assert [t.text for t in doc if t.is_sent_start] == ["Storm", "The"]
    assert doc[1].is_sent_start is None  # every other token is left to the parser


def _inside(nlp, text: str) -> list[str]:
    doc = nlp(text)
    return [f"{doc[i - 1].text}{doc[i].text}" for i in inside_marks(doc)]


def test_quotation_marks_stay_with_the_sentence_they_open_or_close(nlp):
    text = 'The coach said: "We lost the match."\n\n"Nobody here expected it," she added.'
    assert _inside(nlp, text) == ['"We', '."', '"Nobody']
    assert _inside(nlp, "The port reopened (the second time this year.) Ships queued.") == ["(the", ".)"]


def test_apostrophes_and_marks_glued_on_both_sides_are_left_to_the_parser(nlp):
    assert _inside(nlp, "The farmers' union met.\"Talks failed") == []
    assert _inside(nlp, "He called it 'a setback' on Monday.") == ["'a"]


def test_component_forbids_a_start_inside_the_marks(nlp):
    doc = BreaksComponent()(nlp('Storm Update\n\n"Stay indoors."\n\nThe coast road is closed.'))
    assert [t.text for t in doc if t.is_sent_start] == ["Storm", '"', "The"]
    # (the words in lower case are barred as well: each carries on its sentence)
    assert [t.text for t in doc if t.is_sent_start is False and not t.text[:1].islower()] == ["Stay", '"']


@pytest.fixture(scope="module")
def unglued():
    blank = spacy.blank("en")
    _split_glued_quotes(blank)
    return blank


def test_a_quotation_mark_glued_between_a_stop_and_a_word_is_its_own_token(unglued):
    words = [t.text for t in unglued('The pickets called it "a lockout."They stayed,"We hold the line."\u201cNo.\u201dAnd')]
    assert words[6:] == ["lockout", ".", '"', "They", "stayed", ",", '"', "We", "hold", "the", "line", ".", '"',
                         "\u201c", "No", ".", "\u201d", "And"]
    # an abbreviation keeps its stop, and a mark glued to nothing after a stop is left as it was
    assert [t.text for t in unglued('Aid from the U.S."Fund" arrived. "Done."')][3] == 'U.S."Fund'


def test_a_glued_mark_closes_or_opens_by_its_paragraph_count(unglued):
    doc = unglued('The strike went on. "It is a lockout."He left.\n\nTalks stalled."We will not sign," she said.')
    starts, inside = glued_marks(doc)
    # the first glued mark is the quotation's second: it closes, and "He" opens the next sentence
    assert [doc[i].text for i in starts] == ["He", '"']
    # the second is the first of its paragraph: it opens the quotation, and its sentence
    assert [f"{doc[i - 1].text}{doc[i].text}" for i in inside] == ['."', '"We']
    doc = BreaksComponent()(doc)
    assert next(t for t in doc if t.text == "He").is_sent_start
    assert next(t for t in doc if t.text == "We").is_sent_start is False


def _carried(nlp, text: str) -> list[str]:
    doc = nlp(text)
    return [doc[i].text for i in lower_case_carry_ons(doc)]


def test_a_word_in_lower_case_carries_on_the_sentence_before_it(nlp):
    # a flood report under a heading: no piece of the paragraph below may stand as a sentence of its own
    text = "Valley: The levee would hold\n\nWarnings of 300 more evacuees were confirmed by the county."
    assert _carried(nlp, text)[:4] == ["levee", "would", "hold", "of"]
    assert "were" in _carried(nlp, text)
    # a citation after a comma, and a speaker after a closing quote that no full stop ends
    assert "according" in _carried(nlp, "The ferry carried 80 cars, according to the port.")
    assert "he" in _carried(nlp, '"We will reopen on Monday," he said.')


def test_a_word_in_lower_case_after_a_full_stop_is_left_to_the_parser(nlp):
    assert _carried(nlp, "The ferry sailed.\n\niPhones were sold out.") == ["ferry", "sailed", "were", "sold", "out"]
    assert "after" not in _carried(nlp, '"It is over." after the vote, the hall emptied.')


def test_component_keeps_a_heading_from_breaking_the_paragraph_below(nlp):
    doc = BreaksComponent()(nlp("Harbour: The cranes stood still\n\nReports of 40 idle ships reached the board."))
    assert [t.text for t in doc if t.is_sent_start] == ["Harbour", "Reports"]
    assert next(t for t in doc if t.text == "of").is_sent_start is False
    assert next(t for t in doc if t.text == "reached").is_sent_start is False
