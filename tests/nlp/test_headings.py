"""The one heading test shared by the layout breaks, the statements and quotes, and the actors."""

import pytest
import spacy

from storyline.nlp.breaks import line_break_starts
from storyline.nlp.headings import ACTOR_HEADING_MAX_WORDS, BREAK_HEADING_MAX_WORDS, is_heading_line


@pytest.mark.parametrize("line, heading", [
    ("The Road to Jeddah: What Comes Next", True),
    ("By Amal Haddad  ·  12 March 2024  ·  5 min read", True),
    ("A New Front in the Sahel?", True),
    ("• Key Dates for the Harvest Season", True),
    ("Dockers vote to end the strike at Rotterdam", True),
    ("Minister calls the tariff plan 'a gift to smugglers'", True),
    ("***", True),
    ("", True),
    ("Will the ceasefire in Gaza hold beyond the end of the month?", False),
    ("The convoy reached Goma after two days on the road.", False),
    ("The river authority said in a statement on Thursday:", False),
    ("Farmers near the delta, who lost most of their rice,", False),
    ("\"We will reopen the bridge by Friday,\" the mayor said.", False),
])
def test_heading_lines_are_short_without_a_sentence_end_or_in_title_case(line, heading):
    assert is_heading_line(line) is heading


def test_a_long_line_without_a_full_stop_is_running_text():
    line = ("The flood reached the lower town on Sunday night and the water board said the pumps along the "
            "eastern canal would run until the level fell below the old quay")
    assert len(line.split()) > 20
    assert not is_heading_line(line)


def test_the_word_bound_is_the_callers():
    line = "Water board warns of a second flood wave on the lower river next week"
    assert is_heading_line(line)
    assert not is_heading_line(line, BREAK_HEADING_MAX_WORDS)


def test_layout_breaks_start_a_sentence_after_a_heading_line_only():
    nlp = spacy.blank("en")
    doc = nlp("Pumps Fail at Dawn\nThe water board said the pumps failed.\nIt sent crews to the quay and the\n"
              "River Authority took over.")
    for tok in doc:
        tok.tag_ = "DT" if tok.lower_ == "the" else "NN"
    starts = {doc[i].text for i in line_break_starts(doc)}
    assert "The" in starts  # after the heading
    assert "It" in starts  # after a full stop
    assert "River" not in starts  # the line before ends on an article: one sentence


def test_a_long_caption_without_a_sentence_end_is_furniture_to_the_actors_only():
    caption = ("Harbour workers unload sacks of grain at the port of Mombasa, Kenya, on May 3, 2031, after the "
               "strike ended. (Jane Roe/Coastal Wire)")
    assert not is_heading_line(caption)
    assert is_heading_line(caption, ACTOR_HEADING_MAX_WORDS)
