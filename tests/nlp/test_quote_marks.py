"""The quotation-mark scans that jump between marks find exactly what a character-by-character scan finds."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.nlp import quote_marks as qm

# Quote characters of every kind, apostrophe contexts (s', letters, digits), spaces and paragraph breaks.
PIECES = list("“”„«»\"'‘’`") + ["''", "``", "‘‘", "’’", " 'a", " ‘a", "a' ", "a’ ", "s' a", "s’ a"] + list("aSé7 \t\n,.")
TEXTS = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)


def reference_doubles(text: str, start: int, end: int) -> list[qm.QuoteMark]:
    """Double marks found by visiting every character of [start, end)."""
    marks = []
    open_at = None
    i = start
    while i < end:
        pair = text[i : i + 2]
        ch, width = text[i], 2 if pair in ("''", "``", "‘‘", "’’") else 1
        straight = ch == '"' or pair in ("''", "``")
        opens, closes = ch in "“„«" or pair == "‘‘", ch in "”»" or pair == "’’"
        nested = (ch in "“„«" and open_at is not None and text[open_at] == ch and "\n" not in text[open_at:i]
                  and text[start:i].rstrip().endswith(":"))
        if nested:
            i += width
            continue
        if opens or (straight and open_at is None and not qm._is_word(text[i - 1 : i])
                     and not text[i + width : i + width + 1].isspace()):
            open_at = i
        elif (closes or straight) and open_at is not None:
            marks.append(qm._mark(text, open_at, i + width))
            open_at = None
        elif closes and not text[start:i].strip():
            open_at = i
        i += width
    if open_at is not None and end - open_at > 2:
        marks.append(qm._mark(text, open_at, end))
    return marks


def reference_singles(text: str, start: int, end: int) -> list[qm.QuoteMark]:
    """Single marks found by visiting every character of [start, end)."""

    def opens(j: int) -> bool:
        return text[j] in "‘'" and not qm._is_word(text[j - 1 : j]) and qm._is_word(text[j + 1 : j + 2])

    def closer_ahead(j0: int) -> bool:
        for j in range(j0, end):
            if text[j] in "’'" and qm._closes(text, j, end):
                return True
            if opens(j):
                return False
        return False

    marks = []
    open_at = None
    for i in range(start, end):
        if text[i] in "‘'" and open_at is None:
            if opens(i):
                open_at = i
        elif text[i] in "’'" and open_at is not None and qm._closes(text, i, end) and i - open_at > 1:
            plural = text[i - 1 : i] == "s" and text[i + 1 : i + 3].strip()[:1].islower()
            if plural and closer_ahead(i + 1):
                continue
            marks.append(qm._mark(text, open_at, i + 1))
            open_at = None
    return marks


def reference_find(text: str) -> list[qm.QuoteMark]:
    marks = []
    for para in re.finditer(r"[^\n]+", text):
        doubles = reference_doubles(text, para.start(), para.end())
        singles = reference_singles(text, para.start(), para.end())
        marks += doubles + [m for m in singles if not qm._inside(m, doubles)]
    return sorted(marks, key=lambda m: m.start)


def test_a_straight_mark_before_a_space_closes_words_whose_opening_was_lost():
    text = 'The mayor said this while unveiling the plan: Dry Streets by Spring," the Gazette reported.'
    text += '\n"We will rebuild," she said.'
    assert [text[m.inner_start : m.inner_end] for m in qm.find_quote_marks(text)] == ["We will rebuild"]


def test_quote_marks_reference_scan_reads_news_text():
    text = "“We stay,” she said. The union's chief said 'no deal' to the bosses' offer.\n''Never,'' he said."
    text += "\n ”We rebuild,” the mayor said."
    found = [text[m.inner_start : m.inner_end] for m in reference_find(text)]
    assert found == ["We stay", "no deal", "Never", "We rebuild"]
    assert qm.find_quote_marks(text) == reference_find(text)


@settings(max_examples=400)
@given(TEXTS)
def test_quote_marks_match_a_character_by_character_scan(text):
    assert qm.find_quote_marks(text) == reference_find(text)


@settings(max_examples=400)
@given(st.data())
def test_quote_mark_scans_match_the_reference_on_any_range(data):
    text = data.draw(TEXTS)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert qm._double_marks(text, start, end) == reference_doubles(text, start, end)
    assert qm._single_marks(text, start, end) == reference_singles(text, start, end)


@pytest.mark.parametrize("text, inner", [
    ("“The levee held through the night,’’ said Anne Holt, the county's engineer.", "The levee held through the night"),
    ("‘‘We will rebuild the market,’’ the mayor said on Friday.", "We will rebuild the market"),
])
def test_two_single_marks_typed_for_a_double_mark_quote(text, inner):
    assert [text[m.inner_start:m.inner_end] for m in qm.find_quote_marks(text)] == [inner]


def test_a_quotation_quoted_inside_another_closes_with_it():
    text = "“I phoned her every day and told her: “Come back to the table,” the mayor said. “Now it is late.”"
    found = [text[m.inner_start:m.inner_end] for m in qm.find_quote_marks(text)]
    assert found == ["I phoned her every day and told her: “Come back to the table", "Now it is late."]
    assert qm.find_quote_marks(text) == reference_find(text)
