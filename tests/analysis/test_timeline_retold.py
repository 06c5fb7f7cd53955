"""One happening retold by several reports in other words is one timeline entry."""

from __future__ import annotations

import re

from storyline.analysis.timeline import build_timeline
from storyline.models import TimeRef
from tests.analysis.test_timeline import Reports


def _dated(r: Reports, day: str, value: str) -> None:
    for doc, info in r.documents.items():
        for m in re.finditer(day, info["text"]):
            r.times.append(TimeRef(doc, m.start(), m.end(), day, value, "day", head=_verb_before(info["text"], m.start())))


def _verb_before(text: str, at: int) -> int | None:
    words = list(re.finditer(r"[a-z]+ed\b|made\b|said\b", text[:at]))
    return words[-1].start() if words else None


def test_one_persons_speaking_of_a_day_told_by_two_reports_is_one_entry():
    r = Reports()
    r.add("a", "The governor on Thursday blamed the utility for the blackout.", published="2031-06-13")
    r.add("b", "The governor made the comment Thursday at a press conference in the capital.", published="2031-06-13")
    gov = "local:person:governor"
    r.event("a", "The governor on Thursday blamed the utility for the blackout.", type="ACCUSE",
            actors=["local:state:x", gov], date="2031-06-12")
    r.say("b", "The governor made the comment Thursday at a press conference in the capital.", date="2031-06-12",
          agent=gov, predicate="make", actors=[gov])
    _dated(r, "Thursday", "2031-06-12")
    assert [sorted(e.docs) for e in build_timeline(r.corpus())] == [["a", "b"]]


def test_one_persons_doings_that_are_no_speaking_stay_apart_across_reports():
    r = Reports()
    r.add("a", "The governor on Thursday blamed the utility for the blackout.", published="2031-06-13")
    r.add("b", "The governor visited the flooded district on Thursday.", published="2031-06-13")
    gov = "local:person:governor"
    r.event("a", "The governor on Thursday blamed the utility for the blackout.", type="ACCUSE",
            actors=["local:state:x", gov], date="2031-06-12")
    r.say("b", "The governor visited the flooded district on Thursday.", date="2031-06-12", agent=gov,
          predicate="visit", actors=[gov])
    _dated(r, "Thursday", "2031-06-12")
    assert sorted(sorted(e.docs) for e in build_timeline(r.corpus())) == [["a"], ["b"]]


def test_an_act_told_with_its_doer_named_and_described_is_one_entry():
    r = Reports()
    r.add("a", "Mount Ruang erupted on Tuesday, the agency said.", published="2031-06-13")
    r.add("b", "The volcano first erupted on Tuesday, closing the airport.", published="2031-06-13")
    r.say("a", "Mount Ruang erupted on Tuesday, the agency said.", date="2031-06-10", agent="local:place:ruang",
          predicate="erupt", actors=["local:place:ruang"])
    r.say("b", "The volcano first erupted on Tuesday, closing the airport.", date="2031-06-10", agent="volcano",
          predicate="erupt")
    _dated(r, "Tuesday", "2031-06-10")
    assert [sorted(e.docs) for e in build_timeline(r.corpus())] == [["a", "b"]]


def test_one_act_told_with_other_verbs_and_subjects_is_one_entry():
    r = Reports()
    r.add("a", "The Senate passed the flood relief bill on Tuesday.", published="2031-06-13")
    r.add("b", "Parliament approved the relief bill on Tuesday after a long night.", published="2031-06-13")
    r.say("a", "The Senate passed the flood relief bill on Tuesday.", date="2031-06-10", agent="local:org:senate",
          predicate="pass", actors=["local:org:senate"])
    r.say("b", "Parliament approved the relief bill on Tuesday after a long night.", date="2031-06-10",
          agent="local:org:parliament", predicate="approve", actors=["local:org:parliament"])
    _dated(r, "Tuesday", "2031-06-10")
    assert [sorted(e.docs) for e in build_timeline(r.corpus())] == [["a", "b"]]


def test_an_act_told_by_its_verb_and_by_its_noun_is_one_entry():
    r = Reports()
    r.add("a", "The fertiliser plant exploded on Monday, the fire service said.", published="2031-06-13")
    r.add("b", "The blast at the plant on Monday destroyed forty homes.", published="2031-06-13")
    r.say("a", "The fertiliser plant exploded on Monday, the fire service said.", date="2031-06-09",
          agent="plant", predicate="explode")
    r.say("b", "The blast at the plant on Monday destroyed forty homes.", date="2031-06-09", agent="blast",
          predicate="destroy")
    for doc, verb in (("a", "exploded"), ("b", "destroyed")):
        text = r.documents[doc]["text"]
        at = text.index("Monday")
        r.times.append(TimeRef(doc, at, at + 6, "Monday", "2031-06-09", "day", head=text.index(verb)))
    assert [sorted(e.docs) for e in build_timeline(r.corpus())] == [["a", "b"]]


def test_the_same_kind_of_act_on_other_things_or_places_stays_apart():
    r = Reports()
    r.add("a", "The Senate passed the flood relief bill on Tuesday.", published="2031-06-13")
    r.add("b", "Parliament approved the new budget on Tuesday.", published="2031-06-13")
    r.add("c", "A gas depot exploded in Tarvel on Tuesday.", published="2031-06-13")
    r.add("d", "The blast at a depot in Morwen on Tuesday destroyed homes.", published="2031-06-13")
    r.say("a", "The Senate passed the flood relief bill on Tuesday.", date="2031-06-10", predicate="pass")
    r.say("b", "Parliament approved the new budget on Tuesday.", date="2031-06-10", predicate="approve")
    r.say("c", "A gas depot exploded in Tarvel on Tuesday.", date="2031-06-10", predicate="explode",
          actors=["local:place:tarvel"])
    r.say("d", "The blast at a depot in Morwen on Tuesday destroyed homes.", date="2031-06-10", predicate="destroy",
          actors=["local:place:morwen"])
    _dated(r, "Tuesday", "2031-06-10")
    assert sorted(sorted(e.docs) for e in build_timeline(r.corpus())) == [["a"], ["b"], ["c"], ["d"]]


def _lede_story(later: str, value: str, doer: str = "local:person:eva-lind") -> list:
    r = Reports()
    lede = "The transport minister, Eva Lind, has ordered the grain terminals at Velport reopened."
    r.add("a", f"{lede} Dockers cheered. {later}", published="2025-03-14")
    lind = "local:person:eva-lind"
    r.say("a", lede, agent=lind, predicate="order")
    r.say("a", "Dockers cheered.")
    r.say("a", later, date=value, predicate="order", agent=doer)
    r.times.append(TimeRef("a", *r.at("a", "on Wednesday"), "on Wednesday", value, "day",
                           head=r.documents["a"]["text"].index("ordered the terminals")))
    r.who("a", "Eva Lind")
    return build_timeline(r.corpus())


def test_a_news_perfect_lede_retold_with_its_day_takes_that_day():
    timeline = _lede_story("Lind ordered the terminals at Velport reopened on Wednesday after a week of talks.",
                           "2025-03-12")
    assert [(e.date, e.precision, e.undated, e.text[:18]) for e in timeline] == [
        ("2025-03-12", "day", False, "The transport mini")]


def test_a_lede_keeps_the_reports_day_when_the_day_further_down_is_long_before():
    timeline = _lede_story("Lind ordered the terminals at Velport closed on Wednesday last winter.", "2024-12-11")
    assert ("2025-03-14", "report") in [(e.date, e.precision) for e in timeline]


def test_a_lede_keeps_the_reports_day_when_the_day_further_down_is_anothers_act():
    timeline = _lede_story("Port guards ordered the terminals at Velport reopened on Wednesday.", "2025-03-12",
                           doer="local:org:port-guards")
    assert ("2025-03-14", "report") in [(e.date, e.precision) for e in timeline]


def _two_reports(later_lede: str, earlier: str, value: str) -> list:
    """Report "a" tells a dated act; report "b", two days on, opens with a news-perfect lede."""
    r = Reports()
    r.add("a", earlier, published="2025-03-12")
    r.add("b", f"{later_lede} Dockers cheered.", published="2025-03-14")
    lind = "local:person:eva-lind"
    r.say("a", earlier, date=value, predicate="order", agent=lind)
    r.times.append(TimeRef("a", *r.at("a", "on Tuesday"), "on Tuesday", value, "day",
                           head=earlier.index("ordered")))
    r.say("b", later_lede, agent=lind, predicate="order")
    r.say("b", "Dockers cheered.")
    r.who("b", "Eva Lind")
    return build_timeline(r.corpus())


def test_a_lede_retelling_what_another_report_dated_days_before_joins_that_day():
    timeline = _two_reports("The transport minister, Eva Lind, has ordered the grain terminals at Velport reopened.",
                            "Eva Lind ordered the grain terminals at Velport reopened on Tuesday.", "2025-03-11")
    assert [(e.date, e.precision, e.undated, e.docs, e.dated_by, e.date_conflict) for e in timeline] == [
        ("2025-03-11", "day", False, ["a", "b"], ["a"], False)]


def test_a_lede_telling_another_act_of_the_same_person_keeps_its_reports_day():
    timeline = _two_reports("The transport minister, Eva Lind, has ordered the grain terminals at Velport reopened.",
                            "Eva Lind ordered an inquiry into the ferry fire on Tuesday.", "2025-03-11")
    assert [(e.date, e.precision, e.docs) for e in timeline] == [("2025-03-11", "day", ["a"]),
                                                                 ("2025-03-14", "report", ["b"])]
