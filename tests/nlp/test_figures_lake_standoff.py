"""Figures end to end on a report of our own about a standoff over a lake island: forces gathered, moved,
fired and withdrawn by two states (whose they are, from the verb), a headcount split into parts, money
in two shillings written with spaced prefixes, a range, a hyphenated area, and numbers that are no
figures (a plan's points, a time "ago")."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.integration

# Invented: the standoff, its figures and every statement are fictional; the states, the lake and the
# East African Community are real. No real incident is described.
REPORT = (
    "Uganda has concentrated about 1,200 soldiers on the shore of Lake Victoria facing the disputed island, "
    "Kenya's interior ministry said on Thursday. "
    "Kenya, while moving some 600 police officers to the lake, denied any plan to seize the island. "
    "The 900 officers now deployed include 700 from the marine unit and 200 who were flown in from Nairobi. "
    "Fishermen say dozens of boats have been impounded since the standoff began 11 days ago, and the "
    "cooperative puts their losses at KSh 45 million (USh 1.3 billion). "
    "Uganda fired three warning shots at a Kenyan patrol boat, the ministry said. "
    "The island, no bigger than half a football pitch, is home to between 400 and 500 people. "
    "A 1,500-square-kilometre fishing zone around it has been closed. "
    "Mediators from the East African Community presented a six-point plan on Friday; the first talks, 15 years "
    "ago, ended without a deal. "
    "Uganda has withdrawn 300 of its soldiers, a military spokesman said, but two gunboats remain. "
    "Kenya said it would send 150 more officers on Saturday. "
    "Uganda has about 2,000 personnel in the border district and has lost between 3 and 5 patrol boats."
)


@pytest.fixture(scope="module")
def found():
    from storyline import extract_figures

    return {f.text: f for f in extract_figures(REPORT, published="2026-05-08")}


def test_lake_every_figure_and_nothing_else(found):
    # "11 days ago" and "15 years ago" say when; "a six-point plan" how long a text is: none is a figure
    assert sorted(found) == sorted([
        "about 1,200 soldiers", "some 600 police officers", "900 officers", "700", "200", "dozens of boats",
        "KSh 45 million", "USh 1.3 billion", "three warning shots", "between 400 and 500 people",
        "1,500-square-kilometre", "300 of its soldiers", "two gunboats", "150 more officers",
        "about 2,000 personnel", "between 3 and 5 patrol boats"])


def test_lake_forces_belong_to_the_state_that_moves_them(found):
    # "concentrated", "fired", "withdrawn": the verb's subject owns the troops and the shots
    assert (found["about 1,200 soldiers"].counts, found["about 1,200 soldiers"].subject_text) == ("troops", "Uganda")
    assert found["three warning shots"].subject_text == "Uganda"
    assert found["300 of its soldiers"].subject_text == "Uganda"
    # "Kenya, while moving ...": the clause has no subject of its own, so the sentence's is the mover
    assert found["some 600 police officers"].subject_text == "Kenya"
    # "Kenya said it would send ...": "it" is the state that says so
    assert (found["150 more officers"].subject_text, found["150 more officers"].stage) == ("Kenya", "additional")
    # a force one "has" is one's own; a range carried by "between" is still the object of "lost"
    assert (found["about 2,000 personnel"].counts, found["about 2,000 personnel"].subject_text) == ("troops", "Uganda")
    assert (found["between 3 and 5 patrol boats"].counts, found["between 3 and 5 patrol boats"].subject_text) == (
        "ships", "Uganda")


def test_lake_parts_of_a_headcount_count_the_same_officers(found):
    # "include 700 from the marine unit and 200 who ...": the second bare number is joined to the first
    assert [(found[t].counts, found[t].unit) for t in ("700", "200")] == [("troops", "officer")] * 2
    assert (found["two gunboats"].counts, found["dozens of boats"].counts) == ("ships", "ships")


def test_lake_money_with_spaced_prefixes_areas_and_ranges(found):
    assert (found["KSh 45 million"].value, found["KSh 45 million"].counts) == (45e6, "money:KES")
    assert (found["USh 1.3 billion"].value, found["USh 1.3 billion"].counts) == (1.3e9, "money:UGX")
    assert (found["1,500-square-kilometre"].value, found["1,500-square-kilometre"].unit) == (1500, "square kilometre")
    people = found["between 400 and 500 people"]
    assert (people.value, people.low, people.high, people.counts) == (None, 400, 500, "people")
