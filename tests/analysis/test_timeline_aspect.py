"""Timeline entries told apart by aspect, tense and place in the report: a view told deep in a report is
colour, a present passive or a perfect over a stretch is no act of a day, a lede telling a plan is the
telling of its day as well as a forecast, and a quotation's last sentence is dated by its frame.
Model-free: records placed by hand."""

from __future__ import annotations

import pytest

from storyline.analysis.dating import past_word
from storyline.analysis.timeline import build_timeline, split_timeline
from storyline.models import TimeRef
from tests.analysis.test_timeline import Reports

MAYOR, ENGINEER = "local:person:ada-ruiz", "local:person:tomas-berg"
FILLER = "The river rose through the night and the old town was cut off from the main road. " * 4


def _dated(r: Reports, doc: str, fragment: str, day: str, head: str, **kw) -> None:
    text = r.documents[doc]["text"]
    r.times.append(TimeRef(doc, *r.at(doc, fragment), fragment, day, "day", head=text.index(head), **kw))


def _view(where: str) -> list:
    view = "The mayor said on Tuesday that the levee is a disgrace."
    text = view + " " + FILLER if where == "opening" else FILLER + view
    r = Reports()
    r.add("a", text, published="2031-05-08")
    r.say("a", view, kind="opinion", status="reported", source=MAYOR, source_kind="named", date="2031-05-06")
    _dated(r, "a", "on Tuesday", "2031-05-06", "said")
    return build_timeline(r.corpus())


def test_a_view_told_in_the_opening_is_its_days_telling_but_told_deep_in_the_report_it_is_colour():
    assert [(e.date, e.text[:9]) for e in _view("opening")] == [("2031-05-06", "The mayor")]
    assert _view("deep") == []


def _telling(sentence: str, where: str, **kw) -> list:
    """One dated telling by the shipping board, in the opening or deep in its report."""
    text = sentence + " " + FILLER if where == "opening" else FILLER + sentence
    r = Reports()
    r.add("a", text, published="2031-05-08")
    r.say("a", sentence, status="reported", source="local:organization:shipping-board", source_kind="named",
          date="2031-05-06", **kw)
    _dated(r, "a", "on Tuesday", "2031-05-06", "said")
    return build_timeline(r.corpus())


@pytest.mark.parametrize("sentence, proposition", [
    ("The ferry port is closed to lorries, the shipping board said on Tuesday.", {"predicate": "be"}),
    ("The shipping board said on Tuesday that talks with the crews remain stuck.", {"predicate": "remain"}),
    # The proposition read only the telling: what was said is unread.
    ("The shipping board said on Tuesday that the queues are longer than in any winter.", {"predicate": "say"}),
])
def test_a_dated_telling_of_how_things_stand_is_colour_deep_in_a_report(sentence, proposition):
    assert [e.date for e in _telling(sentence, "opening", **proposition)] == ["2031-05-06"]
    assert _telling(sentence, "deep", **proposition) == []


@pytest.mark.parametrize("sentence, proposition", [
    ("The shipping board said on Tuesday that it cancelled the night crossings.", {"predicate": "cancel"}),
    ("The shipping board said on Tuesday that it had fined the operator.", {"predicate": "say", "theme": "operator"}),
    ("At a press conference the shipping board said on Tuesday that the port is closed.", {"predicate": "be"}),
])
def test_a_dated_telling_of_an_act_or_at_an_occasion_stays_deep_in_a_report(sentence, proposition):
    assert [e.date for e in _telling(sentence, "deep", **proposition)] == ["2031-05-06"]


def test_a_dated_act_told_deep_in_a_report_stays():
    act = "The engineers opened the sluices on Tuesday."
    r = Reports()
    r.add("a", FILLER + act, published="2031-05-08")
    r.say("a", act, source_kind="author", date="2031-05-06")
    _dated(r, "a", "on Tuesday", "2031-05-06", "opened")
    assert [e.date for e in build_timeline(r.corpus())] == ["2031-05-06"]


def test_a_participle_after_a_present_be_is_no_past_act():
    text = "The month of May is dedicated to the river saints. The dam was opened in May. Talks are held yearly."
    assert not past_word(text, text.index("dedicated"))
    assert past_word(text, text.index("opened"))
    assert not past_word(text, text.index("held"))


def test_a_participle_after_a_modal_be_is_no_past_act():
    text = "The levee should be raised in June, the treaty is to be signed soon, and the old one was signed in 1990."
    assert not past_word(text, text.index("raised"))
    assert not past_word(text, text.index("signed soon"))
    assert past_word(text, text.index("signed in"))


def test_a_generic_present_dated_by_the_reports_own_month_is_no_happening():
    text = "In this valley, the month of May is dedicated to the river saints."
    r = Reports()
    r.add("a", text, published="2031-05-02")
    r.say("a", text, source_kind="author", date="2031-05")
    r.times.append(TimeRef("a", *r.at("a", "the month of May"), "the month of May", "2031-05", "month",
                           head=text.index("dedicated")))
    assert build_timeline(r.corpus()) == []


def test_a_news_perfect_lede_over_a_stretch_is_no_news_of_the_day():
    def lede(text: str) -> list:
        r = Reports()
        r.add("a", text, published="2031-05-08")
        r.say("a", text, source_kind="author", agent=ENGINEER)
        r.who("a", "The chief engineer, Tomas Berg,")
        return build_timeline(r.corpus())

    assert [e.precision for e in lede("The chief engineer, Tomas Berg, has closed the upper sluices.")] == ["report"]
    assert lede("The chief engineer, Tomas Berg, has chosen his words carefully throughout the flood.") == []


@pytest.mark.parametrize("text, phrase, day, head, kind, status", [
    # someone has spoken of a plan
    ("The mayor has told a press conference that she plans to visit the dam on Friday.", "on Friday", "2031-05-09",
     "plans", "prediction", "expected"),
    # a source tells what starts after the report, read as a fact
    ("The water utility says it is cutting supplies to the old town by half from Thursday.", "from Thursday",
     "2031-05-08", "cutting", "fact", "reported"),
])
def test_a_lede_telling_what_lies_ahead_is_the_tellings_day_and_what_lies_ahead_a_forecast(text, phrase, day, head,
                                                                                          kind, status):
    r = Reports()
    r.add("a", text, published="2031-05-06")
    r.say("a", text, kind=kind, status=status, source=MAYOR, source_kind="named", date=day)
    _dated(r, "a", phrase, day, head)
    happened, forecasts, _ = split_timeline(build_timeline(r.corpus()))
    assert [(e.date, e.precision) for e in happened] == [("2031-05-06", "report")]
    assert [e.date for e in forecasts] == [day]


def test_the_last_sentence_of_a_quotation_is_dated_by_its_frame():
    text = ("\u201cThe water is rising. The town must be ready,\u201d the mayor said on Tuesday.")
    last = "The town must be ready,\u201d the mayor said on Tuesday."
    r = Reports()
    r.add("a", text, published="2031-05-08")
    r.say("a", last, kind="recommendation", status="reported", source=MAYOR, source_kind="quoted",
          date="2031-05-06")
    _dated(r, "a", "on Tuesday", "2031-05-06", "said")
    assert [e.date for e in build_timeline(r.corpus())] == ["2031-05-06"]
