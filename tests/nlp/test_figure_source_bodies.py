"""Figure sources a description or a nested report stands for: records called by another word than the one they
were released under, a survey's or a poll's maker, a finding of a survey about a split, the maker of remarks whose
content an "in which" clause gives, and a speaker quoted inside a relayed interview (nlp/speakers.py,
nlp/speaker_pronouns.py, nlp/sources.py, nlp/figure_sources.py), on texts written for the tests."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.integration


def _figure(doc, number: str):
    found = [f for f in doc._.figures if number in f.text]
    assert found, [f.text for f in doc._.figures]
    return found[0]


def test_the_data_are_the_records_released_just_before(parse):
    doc = parse("Statistics Norway published new figures on the harvest on Tuesday. The presented data shows that "
                "farmers lost almost 40% of the wheat crop, along with 12,000 head of cattle.")
    for number in ("40%", "12,000"):
        assert _figure(doc, number).attributed_to == "local:organization:statistics-norway"


def test_reports_no_one_released_stay_unnamed(parse):
    doc = parse("Statistics Norway opened a new office in Bergen on Tuesday.\n\n"
                "According to the latest reports, farmers lost almost 40% of the wheat crop.")
    assert _figure(doc, "40%").attributed_to is None


def test_a_survey_is_the_makers_named_in_its_own_phrase(parse):
    doc = parse("The Lake County Survey found that 70% of residents back the new dam.\n\n"
                "The Gallup/Ipsos June survey showed that only 38 percent of farmers back the plan.")
    assert _figure(doc, "38 percent").attributed_to == "kb:IPSOS"


def test_a_split_a_survey_found_is_its_finding(parse):
    doc = parse("The Hartley Institute survey found a clear split between residents who want the dam rebuilt "
                "quickly (41% of those asked), and those who want it removed (33%).")
    for number in ("41%", "33%"):
        assert "Hartley Institute" in (_figure(doc, number).attributed_text or "")


def test_a_ferry_rescuers_found_is_no_finding(parse):
    doc = parse("Rescuers found a ferry carrying 140 passengers off the coast on Sunday.")
    assert _figure(doc, "140").attributed_to is None


def test_a_claim_in_which_clause_is_the_remarks_makers(parse):
    doc = parse("Governor Paul Hale has said he \"did not understand\" recent remarks made by Mark Olsen in which "
                "he claimed he would end the strike \"in 48 hours\", saying he could have done so while in office.")
    assert _figure(doc, "48 hours").attributed_to == "local:person:mark-olsen"



def test_the_polling_is_the_one_maker_of_a_report_named_before(parse):
    doc = parse("Support for the new dam is slipping, polling across 12 counties suggests.\n\n"
                "\"Voters have changed their minds,\" said Ines Moro, a co-author of a report by the Hartley Institute "
                "on the dam.\n\nThe polling, carried out in May, found that 61% of residents now oppose the plan.")
    assert _figure(doc, "61%").attributed_to == "local:organization:hartley-institute"


def test_the_polling_is_no_ones_when_reports_by_two_makers_came_before(parse):
    doc = parse("A report by the Hartley Institute and a study by the Moreno Foundation looked at the dam.\n\n"
                "The polling, carried out in May, found that 61% of residents now oppose the plan.")
    assert _figure(doc, "61%").attributed_to is None


def test_a_speaker_quoted_inside_a_relayed_interview_gives_the_figure(parse):
    doc = parse("Governor Paul Hale spoke about the strike on Monday.\n\n"
                "In an interview with Reuters, he said: \u201cI did not understand when Mark Olsen said \u2018in 48 hours "
                "I will end the strike and bring both sides to the table.\u2019")
    assert _figure(doc, "48 hours").attributed_to == "local:person:mark-olsen"
