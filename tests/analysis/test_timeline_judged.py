"""What the chronology makes of a dated happening that a sentence only judges ("The strike on Monday exposed
deep divisions"), of a name given to something with a date ("described the offer as an insult"), of a survey
dated before its noun ("the union's September survey showed ...", "A Kantar February poll found ..."), and of a day
before a noun of a strike, a walkout or a protest."""

from __future__ import annotations

from storyline.analysis.timeline import build_timeline
from storyline.models import TimeRef
from tests.analysis.test_timeline import Reports

LEDE = "Nurses across the country walked out of hospitals on Monday in a national strike over pay. "
FILLER = "Hospitals cancelled routine operations. Unions say more walkouts are possible. " * 3


def _texts(entries) -> list[str]:
    return [e.text for e in entries]


def _dated(r: Reports, doc: str, sentence: str, fragment: str, value: str, verb: str) -> None:
    """A day time expression at ``fragment`` of ``sentence`` attached to its ``verb``, wherever the verb stands."""
    text = r.documents[doc]["text"]
    start = text.index(sentence)
    at = text.index(fragment, start)
    precision = {10: "day", 7: "month"}[len(value)]
    r.times.append(TimeRef(doc, at, at + len(fragment), fragment, value, precision, head=text.index(verb, start)))


def test_an_assessment_of_a_dated_happening_deep_in_its_report_is_no_entry():
    r = Reports()
    judged = "The strike on Monday exposed deep divisions in the cabinet."
    r.add("a", LEDE + FILLER + judged, published="2046-10-10")
    r.say("a", LEDE.strip(), date="2046-10-08")
    r.say("a", judged, predicate="expose", date="2046-10-08")
    _dated(r, "a", LEDE, "on Monday", "2046-10-08", "walked")
    _dated(r, "a", judged, "on Monday", "2046-10-08", "exposed")
    texts = _texts(build_timeline(r.corpus()))
    assert any("walked out" in t for t in texts)
    assert judged not in texts


def test_an_assessment_told_first_is_no_entry_either():
    r = Reports()
    judged = "A blast near the harbour last week underlined how stretched the coastguard has become."
    r.add("a", judged + " " + FILLER, published="2046-10-10")
    r.say("a", judged, predicate="underline", date="2046-10")
    _dated(r, "a", judged, "last week", "2046-10", "underlined")
    # The author's judgement, told high in the report: an opinion, as "the strike was a mistake" is.
    assert build_timeline(r.corpus()) == []


def test_a_doer_who_signals_on_a_day_is_no_assessment():
    r = Reports()
    act = "The port authority on Friday signalled that it was ready to delay the plans."
    r.add("a", LEDE + FILLER + act, published="2047-03-08")
    r.say("a", act, predicate="signal", date="2047-03-07")
    _dated(r, "a", act, "on Friday", "2047-03-07", "signalled")
    assert act in _texts(build_timeline(r.corpus()))


def test_a_release_that_shows_something_is_no_assessment():
    r = Reports()
    release = "Figures released on Wednesday showed waiting lists grew by 12 percent in a year."
    r.add("a", LEDE + FILLER + release, published="2046-10-12")
    r.say("a", release, predicate="show", date="2046-10-10")
    _dated(r, "a", release, "on Wednesday", "2046-10-10", "showed")
    assert release in _texts(build_timeline(r.corpus()))


def test_a_name_given_in_a_week_is_no_happening():
    r = Reports()
    named = "Last week, union leaders branded the automation plan a betrayal."
    r.add("a", named + " " + FILLER, published="2047-03-12")
    r.say("a", named, source="kb:org:union", source_text="union leaders", source_kind="named", date="2047-03")
    _dated(r, "a", named, "Last week", "2047-03", "branded")
    assert build_timeline(r.corpus()) == []


def test_a_survey_dated_by_its_month_before_the_noun_is_a_happening_of_that_month():
    r = Reports()
    survey = "A Kantar February poll found that 61 percent of voters back the dockers."
    forecast = "The agency raised its January forecast for exports."
    r.add("a", survey + " " + forecast, published="2047-03-08")
    r.say("a", survey)
    r.say("a", forecast)
    _dated(r, "a", survey, "February", "2047-02", "found")
    _dated(r, "a", forecast, "January", "2047-01", "raised")
    entries = build_timeline(r.corpus())
    assert [(e.date, e.precision, e.text) for e in entries] == [("2047-02", "month", survey)]


def test_a_day_before_a_noun_of_a_strike_dates_it():
    r = Reports()
    cost = "The March 7 strike cost shippers an estimated 90 million euros."
    r.add("a", cost, published="2047-03-12")
    r.say("a", cost, date="2047-03-07")
    _dated(r, "a", cost, "March 7", "2047-03-07", "cost")
    assert [(e.date, e.text) for e in build_timeline(r.corpus())] == [("2047-03-07", cost)]

