"""The timeline: which events and statements go in, how they merge across reports, and their order."""

from __future__ import annotations

import re

from storyline.analysis.corpus import Corpus
from storyline.analysis.timeline import build_timeline, report_dates
from storyline.models import Cluster, Event, Mention, Statement, TimeRef
from storyline.store.records import record_id


class Reports:
    def __init__(self) -> None:
        self.documents: dict[str, dict] = {}
        self.events: list[Event] = []
        self.statements: list[Statement] = []
        self.times: list[TimeRef] = []
        self.mentions: list[Mention] = []

    def add(self, doc: str, text: str, published: str | None = None) -> None:
        self.documents[doc] = {"id": doc, "text": text, "published": published, "outlet": doc}

    def at(self, doc: str, fragment: str) -> tuple[int, int]:
        start = self.documents[doc]["text"].index(fragment)
        return start, start + len(fragment)

    def event(self, doc: str, fragment: str, type: str = "MOBILIZE", actors=("kb:PRK",), **kw) -> Event:
        e = Event(doc, *self.at(doc, fragment), fragment, type, actors=list(actors), **kw)
        self.events.append(e)
        return e

    def say(self, doc: str, fragment: str, kind: str = "fact", status: str = "asserted", **kw) -> Statement:
        s = Statement(doc, *self.at(doc, fragment), fragment, kind, status, **kw)
        self.statements.append(s)
        return s

    def who(self, doc: str, fragment: str, type: str = "person") -> None:
        """An actor mention, as the actor finder gives it."""
        self.mentions.append(Mention(doc, *self.at(doc, fragment), fragment, "ROLE", f"local:{type}:x", type))

    def dated(self, doc: str, fragment: str, value: str, heads: tuple[str, ...] = ()) -> None:
        """A day time expression at every ``fragment`` of the report, attached to the verb named in ``heads`` in
        turn (the nearest such word before it, or after it for "said"), as the parse gives it."""
        text = self.documents[doc]["text"]
        for n, at in enumerate(m.start() for m in re.finditer(re.escape(fragment), text)):
            verb = heads[n] if n < len(heads) else None
            head = None if verb is None else text.find(verb, at) if verb == "said" else text.rfind(verb, 0, at)
            self.times.append(TimeRef(doc, at, at + len(fragment), fragment, value, "day", head=head))

    def corpus(self) -> Corpus:
        return Corpus(documents=self.documents, events=self.events, statements=self.statements, times=self.times,
                      mentions=self.mentions)


def test_dated_events_come_in_date_order_with_their_precision():
    r = Reports()
    r.add("a", "Troops moved on 3 October. Talks were held in September.", published="2024-10-04")
    r.event("a", "Troops moved on 3 October", date="2024-10-03")
    r.event("a", "Talks were held in September", type="CONSULT", date="2024-09")
    timeline = build_timeline(r.corpus())
    assert [(e.date, e.precision, e.kind) for e in timeline] == [("2024-09", "month", "event"),
                                                                  ("2024-10-03", "day", "event")]
    assert timeline[1].text == "Troops moved on 3 October" and timeline[1].docs == ["a"]


def test_the_same_event_in_two_reports_is_one_entry_listing_both():
    r = Reports()
    r.add("a", "Troops moved on 3 October.", published="2024-10-05")
    r.add("b", "On 3 October the troops moved.", published="2024-10-06")
    r.add("c", "Troops moved again on 9 October.", published="2024-10-10")
    first = r.event("a", "Troops moved on 3 October", date="2024-10-03")
    r.event("b", "On 3 October the troops moved", date="2024-10-03")
    r.event("c", "Troops moved again on 9 October", date="2024-10-09")
    timeline = build_timeline(r.corpus())
    assert [(e.date, e.docs) for e in timeline] == [("2024-10-03", ["a", "b"]), ("2024-10-09", ["c"])]
    assert timeline[0].ref == record_id("e", first)


def test_events_with_other_actors_or_types_stay_separate():
    r = Reports()
    r.add("a", "Troops moved on 3 October.", published="2024-10-05")
    r.add("b", "Other troops moved on 3 October.", published="2024-10-05")
    r.event("a", "Troops moved on 3 October", date="2024-10-03")
    r.event("b", "Other troops moved on 3 October", actors=("kb:RUS",), date="2024-10-03")
    assert len(build_timeline(r.corpus())) == 2


def test_undated_items_stay_out_and_a_report_date_never_dates_a_sentence():
    r = Reports()
    r.add("a", "Troops moved. Talks were held on 5 November.", published="2024-11-05")
    r.add("b", "Sanctions were announced.")
    r.event("a", "Troops moved")
    r.event("a", "Talks were held on 5 November", type="CONSULT", date="2024-11-05")
    r.event("b", "Sanctions were announced", type="SANCTION", actors=("kb:USA",))
    timeline = build_timeline(r.corpus())
    assert [(e.date, e.precision, e.undated, e.docs) for e in timeline] == [("2024-11-05", "day", False, ["a"])]


def test_denied_negated_and_merely_possible_events_are_left_out():
    r = Reports()
    r.add("a", "No troops moved. Troops may have moved. Troops moved.", published="2024-11-05")
    r.event("a", "No troops moved", status="negated", date="2024-11-04")
    r.event("a", "Troops may have moved", status="possible", date="2024-11-04")
    r.event("a", "Troops moved.", status="reported", date="2024-11-04")
    assert [e.text for e in build_timeline(r.corpus())] == ["Troops moved."]


def test_statements_go_in_when_dated_but_not_opinions_questions_or_plain_sentences():
    r = Reports()
    r.add("a", "The border closed on 1 May. Prices are high. Will it last? The army is tired.", published="2024-06-01")
    r.add("b", "Soldiers are exhausted.", published="2024-06-02")
    r.say("a", "The border closed on 1 May.", date="2024-05-01")
    r.say("a", "Prices are high.")
    r.say("a", "Will it last?", kind="question", date="2024-06-03")
    r.say("a", "Prices are high.", kind="opinion", date="2024-06-04")
    tired = r.say("a", "The army is tired.")
    exhausted = r.say("b", "Soldiers are exhausted.")
    cluster = Cluster("c1", [record_id("s", tired), record_id("s", exhausted)], ["a", "b"])
    timeline = build_timeline(r.corpus(), clusters=[cluster])
    assert [(e.date, e.kind, e.text, e.docs, e.undated) for e in timeline] == [
        ("2024-05-01", "statement", "The border closed on 1 May.", ["a"], False),
    ]
    assert timeline[0].evidence[0].doc == "a" and timeline[0].dated_by == ["a"]


def test_a_statement_holding_an_event_is_not_listed_twice():
    r = Reports()
    r.add("a", "Troops moved on 3 October, officials said.", published="2024-10-05")
    r.event("a", "Troops moved on 3 October", date="2024-10-03")
    r.say("a", "Troops moved on 3 October, officials said.", date="2024-10-03")
    assert [e.kind for e in build_timeline(r.corpus())] == ["event"]


def test_precision_comes_from_the_time_expression_when_there_is_one():
    r = Reports()
    r.add("a", "Troops moved in early October.", published="2024-11-10")
    r.event("a", "Troops moved in early October", date="2024-10")
    r.times.append(TimeRef("a", *r.at("a", "early October"), "early October", "2024-10", "month"))
    assert build_timeline(r.corpus())[0].precision == "month"


def test_a_week_places_nothing_but_a_day_in_the_same_sentence_does():
    r = Reports()
    r.add("a", "Troops moved last week. This week's talks opened on Tuesday.", published="2024-10-10")
    r.event("a", "Troops moved last week", date="2024-09-30")
    r.event("a", "This week's talks opened on Tuesday", type="CONSULT", date="2024-10-07")
    r.times.append(TimeRef("a", *r.at("a", "last week"), "last week", "2024-09-30", "week"))
    r.times.append(TimeRef("a", *r.at("a", "This week"), "This week", "2024-10-07", "week"))
    r.times.append(TimeRef("a", *r.at("a", "Tuesday"), "Tuesday", "2024-10-08", "day"))
    assert [(e.date, e.precision) for e in build_timeline(r.corpus())] == [("2024-10-08", "day")]


def test_timeline_is_deterministic():
    r = Reports()
    r.add("a", "Troops moved. Talks were held.", published="2024-11-05")
    r.event("a", "Talks were held", type="CONSULT", date="2024-11-04")
    r.event("a", "Troops moved", date="2024-11-04")
    first = build_timeline(r.corpus())
    r.events.reverse()
    assert build_timeline(r.corpus()) == first
    assert [e.text for e in first] == ["Troops moved", "Talks were held"]  # report order on one date


def test_forecasts_and_background_are_kept_apart_and_marked():
    r = Reports()
    r.add("a", "Flood waters peaked on 2 March. The dam will be inspected on 20 March. "
               "The river last flooded like this in 1998.", published="2024-03-05")
    r.event("a", "Flood waters peaked on 2 March", type="DISASTER", date="2024-03-02")
    r.say("a", "The dam will be inspected on 20 March.", date="2024-03-20")
    r.say("a", "The river last flooded like this in 1998.", date="1998")
    r.say("a", "Flood waters peaked on 2 March.", kind="prediction", date="2024-03-02")
    timeline = build_timeline(r.corpus())
    assert [(e.category, e.date) for e in timeline] == [("happened", "2024-03-02"), ("forecast", "2024-03-20"),
                                                        ("background", "1998")]


def test_captions_datelines_and_events_inside_opinions_stay_out():
    r = Reports()
    text = ("GENEVA, March 4 (Reuters) - Aid agencies appealed for funds.\n"
            "Residents wade through water on March 3. (AP Photo/Jane Doe)\n"
            "It is shameful that the council met on 1 March and did nothing.\n"
            "The council approved $5 million on 2 March.")
    r.add("a", text, published="2024-03-04")
    r.times.append(TimeRef("a", *r.at("a", "March 4"), "March 4", "2024-03-04", "day"))
    r.event("a", "GENEVA, March 4 (Reuters) - Aid agencies appealed for funds", type="APPEAL", date="2024-03-04")
    r.event("a", "Residents wade through water on March 3", type="DISASTER", date="2024-03-03")
    r.say("a", "It is shameful that the council met on 1 March and did nothing.", kind="opinion", date="2024-03-01")
    r.event("a", "the council met on 1 March", type="CONSULT", date="2024-03-01")
    r.event("a", "The council approved $5 million on 2 March", type="AID", date="2024-03-02")
    assert [e.text for e in build_timeline(r.corpus())] == ["The council approved $5 million on 2 March"]


def test_reports_giving_different_dates_for_one_happening_are_flagged():
    r = Reports()
    r.add("a", "The bridge collapsed on 3 May.", published="2024-05-06")
    r.add("b", "The bridge collapsed on 5 May.", published="2024-05-07")
    r.add("c", "The bridge collapsed in May.", published="2024-05-08")
    first = r.say("a", "The bridge collapsed on 3 May.", date="2024-05-03")
    second = r.say("b", "The bridge collapsed on 5 May.", date="2024-05-05")
    cluster = Cluster("c1", [record_id("s", first), record_id("s", second)], ["a", "b"])
    [entry] = build_timeline(r.corpus(), clusters=[cluster])
    assert entry.date_conflict and entry.dates == ["2024-05-03", "2024-05-05"] and entry.docs == ["a", "b"]
    third = r.say("c", "The bridge collapsed in May.", date="2024-05")
    vague = Cluster("c2", [record_id("s", first), record_id("s", third)], ["a", "c"])
    r.statements.remove(second)
    [entry] = build_timeline(r.corpus(), clusters=[vague])
    assert not entry.date_conflict  # "May" and "3 May" can be the same day


def test_similar_sentences_about_happenings_weeks_apart_are_two_entries_not_a_conflict():
    r = Reports()
    r.add("a", "A three-day truce took effect on 24 April.", published="2024-04-25")
    r.add("b", "A seven-day truce took effect on 22 May.", published="2024-05-23")
    first = r.say("a", "A three-day truce took effect on 24 April.", date="2024-04-24")
    second = r.say("b", "A seven-day truce took effect on 22 May.", date="2024-05-22")
    cluster = Cluster("c1", [record_id("s", first), record_id("s", second)], ["a", "b"])
    timeline = build_timeline(r.corpus(), clusters=[cluster])
    assert [(e.date, e.date_conflict) for e in timeline] == [("2024-04-24", False), ("2024-05-22", False)]


def test_a_date_after_since_opens_a_span_and_dates_nothing():
    r = Reports()
    r.add("a", "No aid has arrived since 3 May. The convoy arrived on 9 May.", published="2024-05-10")
    r.times.append(TimeRef("a", *r.at("a", "3 May"), "3 May", "2024-05-03", "day"))
    r.say("a", "No aid has arrived since 3 May.", date="2024-05-03")
    r.say("a", "The convoy arrived on 9 May.", date="2024-05-09")
    assert [e.date for e in build_timeline(r.corpus())] == ["2024-05-09"]


def test_a_date_in_a_clause_opened_by_since_dates_nothing_but_one_after_a_comma_does():
    r = Reports()
    text = ("Prices have tripled since the floods swept the delta last year. Since then, the dam broke on 2 May.")
    r.add("a", text, published="2024-05-10")
    r.times.append(TimeRef("a", *r.at("a", "last year"), "last year", "2023", "year"))
    r.times.append(TimeRef("a", *r.at("a", "2 May"), "2 May", "2024-05-02", "day"))
    r.say("a", "Prices have tripled since the floods swept the delta last year.", date="2023")
    r.say("a", "Since then, the dam broke on 2 May.", date="2024-05-02")
    assert [e.date for e in build_timeline(r.corpus())] == ["2024-05-02"]


def test_this_year_in_a_report_of_that_year_places_nothing():
    r = Reports()
    r.add("a", "The appeal for this year is underfunded.", published="2024-04-25")
    r.say("a", "The appeal for this year is underfunded.", date="2024")
    assert build_timeline(r.corpus()) == []


def test_report_dates_count_dated_and_undated_reports():
    r = Reports()
    r.add("a", "One.", published="2024-10-30")
    r.add("b", "Two.")
    r.add("c", "Three.", published="2024-11-02")
    counts = report_dates(r.corpus())
    assert (counts["reports"], counts["dated"], counts["undated"]) == (3, 2, 1)
    assert (counts["earliest"], counts["latest"]) == ("2024-10-30", "2024-11-02")


def test_what_is_recalled_from_before_the_reports_is_background_and_today_or_quotes_date_nothing():
    r = Reports()
    r.add("a", "Talks opened on 3 June. In February the border closed. Prices are high today. He said: we won on 2 June.",
          published="2024-06-05")
    r.add("b", "Talks continued on 6 June.", published="2024-06-07")
    r.say("a", "Talks opened on 3 June.", date="2024-06-03")
    r.say("a", "In February the border closed.", date="2024-02")
    r.times.append(TimeRef("a", *r.at("a", "today"), "today", "2024-06-05", "day"))
    r.say("a", "Prices are high today.", date="2024-06-05")
    r.say("a", "we won on 2 June.", date="2024-06-02", source_kind="quoted")
    r.say("b", "Talks continued on 6 June.", date="2024-06-06")
    assert [(e.category, e.date) for e in build_timeline(r.corpus())] == [
        ("happened", "2024-06-03"), ("happened", "2024-06-06"), ("background", "2024-02")]


def test_what_a_later_report_recalls_of_the_months_the_story_covers_is_its_chronology():
    r = Reports()
    r.add("a", "The ferry sank on 2 March.", published="2024-03-03")
    r.add("b", "The inquiry opened on 4 May. On 10 April the owners were charged. In late March the wreck was raised. "
               "The ferry sank on 2 March.", published="2024-05-06")
    r.event("a", "The ferry sank on 2 March.", type="ACCIDENT", actors=("kb:GRC",), date="2024-03-02")
    r.say("b", "The inquiry opened on 4 May.", date="2024-05-04")
    r.say("b", "On 10 April the owners were charged.", date="2024-04-10")
    r.say("b", "In late March the wreck was raised.", date="2024-03")
    r.event("b", "The ferry sank on 2 March.", type="ACCIDENT", actors=("kb:GRC",), date="2024-03-02")
    assert [(e.category, e.date, e.docs) for e in build_timeline(r.corpus())] == [
        ("happened", "2024-03", ["b"]), ("happened", "2024-03-02", ["a", "b"]), ("happened", "2024-04-10", ["b"]),
        ("happened", "2024-05-04", ["b"])]


def test_a_day_recalled_from_months_before_the_story_is_chronology_but_not_a_month_a_forecast_or_an_old_day():
    r = Reports()
    r.add("a", "The strike began on 2 September. The port closed on 14 May. In May the union balloted. "
               "The union expected a walkout on 20 May. On 11 June 2023 the miners marched.", published="2024-09-03")
    r.say("a", "The strike began on 2 September.", date="2024-09-02")
    r.say("a", "The port closed on 14 May.", date="2024-05-14")
    r.say("a", "In May the union balloted.", date="2024-05")
    r.say("a", "The union expected a walkout on 20 May.", date="2024-05-20", kind="prediction")
    r.say("a", "On 11 June 2023 the miners marched.", date="2023-06-11")
    assert [(e.category, e.date) for e in build_timeline(r.corpus())] == [
        ("happened", "2024-05-14"), ("happened", "2024-09-02"),
        ("background", "2023-06-11"), ("background", "2024-05"), ("background", "2024-05-20")]


def test_a_day_recalled_from_months_before_the_story_only_deep_in_its_report_is_background():
    r = Reports()
    lead = "The river burst its banks on 4 October, flooding the lower town. On 12 August the council cut the dyke budget. "
    tail = "Residents were moved to the school hall overnight, and volunteers filled sandbags. " * 3
    r.add("a", lead + tail + "As reported, on 20 July the mayor opened a new pumping station.", published="2024-10-05")
    r.say("a", "The river burst its banks on 4 October, flooding the lower town.", date="2024-10-04")
    r.say("a", "On 12 August the council cut the dyke budget.", date="2024-08-12")
    r.say("a", "As reported, on 20 July the mayor opened a new pumping station.", date="2024-07-20")
    assert [(e.category, e.date) for e in build_timeline(r.corpus())] == [
        ("happened", "2024-08-12"), ("happened", "2024-10-04"), ("background", "2024-07-20")]


def test_words_dated_only_by_their_month_are_background_but_an_act_of_that_month_stays():
    r = Reports()
    walkout, warned, said, claimed, published = ("Dockers walked out at the port on Tuesday.",
                                                 "Last month the union warned that pay talks would fail.",
                                                 "In late May, the employers said an offer was coming.",
                                                 "The union claimed in May that wages had been cut.",
                                                 "In May the port authority published its accounts.")
    text = " ".join((walkout, warned, said, claimed, published))
    r.add("a", text, published="2025-06-05")
    r.say("a", walkout, date="2025-06-03")
    for sentence, when, verb in ((warned, "Last month", "warned"), (said, "late May", "said"),
                                 (claimed, "May", "claimed"), (published, "May", "published")):
        start = text.index(sentence)
        at = text.index(when, start)
        r.times.append(TimeRef("a", at, at + len(when), when, "2025-05", "month", head=text.index(verb, start)))
        r.say("a", sentence, date="2025-05")
    assert [(e.category, e.date, e.text) for e in build_timeline(r.corpus())] == [
        ("happened", "2025-05", published), ("happened", "2025-06-03", walkout),
        ("background", "2025-05", warned), ("background", "2025-05", said), ("background", "2025-05", claimed)]


def test_a_date_in_a_future_or_planned_clause_is_a_forecast_even_before_the_report():
    r = Reports()
    r.add("a", "The union said on Monday that members would strike this week. Dockers walked out on Monday.",
          published="2025-03-12")
    r.say("a", "The union said on Monday that members would strike this week.", date="2025-03-10")
    r.say("a", "Dockers walked out on Monday.", date="2025-03-10")
    r.times.append(TimeRef("a", *r.at("a", "Monday"), "Monday", "2025-03-10", "day", ahead=False))
    second = r.documents["a"]["text"].rindex("Monday")
    r.times.append(TimeRef("a", second, second + 6, "Monday", "2025-03-10", "day", ahead=False))
    assert [(e.category, e.text) for e in build_timeline(r.corpus())] == [
        ("happened", "The union said on Monday that members would strike this week."),
        ("happened", "Dockers walked out on Monday.")]
    r2 = Reports()
    r2.add("b", "The vote on the offer is set for 11 March.", published="2025-03-12")
    r2.say("b", "The vote on the offer is set for 11 March.", date="2025-03-11")
    r2.times.append(TimeRef("b", *r2.at("b", "11 March"), "11 March", "2025-03-11", "day", ahead=True))
    assert [e.category for e in build_timeline(r2.corpus())] == ["forecast"]


def test_a_prediction_dated_by_its_telling_is_the_telling_a_happening():
    r = Reports()
    r.add("a", '"The port will stay shut," the union leader said on Friday.', published="2025-03-15")
    r.say("a", '"The port will stay shut," the union leader said on Friday.', kind="prediction",
          status="expected", date="2025-03-14")
    r.times.append(TimeRef("a", *r.at("a", "Friday"), "Friday", "2025-03-14", "day"))
    assert [(e.category, e.date) for e in build_timeline(r.corpus())] == [("happened", "2025-03-14")]


def test_a_quotation_is_dated_by_its_frame_never_by_its_own_words():
    r = Reports()
    text = ('Speaking to reporters on Tuesday, the minister said: "We needed a deal yesterday." '
            '"We won on 2 March," a striker said.')
    r.add("a", text, published="2025-03-12")
    r.say("a", 'Speaking to reporters on Tuesday, the minister said: "We needed a deal yesterday."',
          source_kind="quoted", date="2025-03-11")
    r.say("a", '"We won on 2 March," a striker said.', source_kind="quoted", date="2025-03-02")
    r.times.append(TimeRef("a", *r.at("a", "Tuesday"), "Tuesday", "2025-03-11", "day"))
    r.times.append(TimeRef("a", *r.at("a", "yesterday"), "yesterday", "2025-03-10", "day"))
    r.times.append(TimeRef("a", *r.at("a", "2 March"), "2 March", "2025-03-02", "day"))
    assert [(e.date, e.text[:8]) for e in build_timeline(r.corpus())] == [("2025-03-11", "Speaking")]


def test_state_predicates_are_not_happenings():
    r = Reports()
    r.add("a", "The offer made on Monday includes a 4% raise. The Monday talks were a failure.", published="2025-03-12")
    r.say("a", "The offer made on Monday includes a 4% raise.", date="2025-03-10", predicate="include")
    r.say("a", "The Monday talks were a failure.", date="2025-03-10", predicate="be")
    assert build_timeline(r.corpus()) == []


def test_one_happening_told_on_one_day_by_several_reports_or_twice_in_one_is_one_entry():
    r = Reports()
    r.add("a", "Mayor Ana Ruiz met union chief Tomas Vidal on 10 March.", published="2025-03-11")
    r.add("b", "On 10 March, Vidal and Ruiz held talks at city hall.", published="2025-03-12")
    r.add("c", "Vidal spoke to dockers on 11 March.", published="2025-03-12")
    r.add("d", "Vidal said on 11 March that the pickets stay.", published="2025-03-12")
    r.add("e", "The port union and the harbour board met the ministry on 12 March. On 12 March the union, the "
               "board and the ministry signed a truce. The port union and the harbour board closed the docks on "
               "12 March.", published="2025-03-13")
    ruiz, vidal = "local:person:ana-ruiz", "local:person:tomas-vidal"
    r.say("a", "Mayor Ana Ruiz met union chief Tomas Vidal on 10 March.", date="2025-03-10", actors=[ruiz, vidal])
    r.say("b", "On 10 March, Vidal and Ruiz held talks at city hall.", date="2025-03-10", actors=[vidal, ruiz])
    r.say("c", "Vidal spoke to dockers on 11 March.", date="2025-03-11", agent=vidal, predicate="speak",
          actors=[vidal])
    r.say("d", "Vidal said on 11 March that the pickets stay.", date="2025-03-11", source=vidal,
          source_kind="named", actors=[vidal])
    union, board, ministry = "local:organization:port-union", "local:organization:harbour-board", "kb:ministry"
    r.say("e", "The port union and the harbour board met the ministry on 12 March.", date="2025-03-12",
          actors=[union, board, ministry])
    r.say("e", "On 12 March the union, the board and the ministry signed a truce.", date="2025-03-12",
          actors=[union, board, ministry])
    r.say("e", "The port union and the harbour board closed the docks on 12 March.", date="2025-03-12",
          actors=[union, board])
    for doc in "ab":
        r.times.append(TimeRef(doc, *r.at(doc, "10 March"), "10 March", "2025-03-10", "day"))
    text = r.documents["e"]["text"]
    for at in (m.start() for m in re.finditer("12 March", text)):
        r.times.append(TimeRef("e", at, at + 8, "12 March", "2025-03-12", "day"))
    timeline = build_timeline(r.corpus())
    assert [(e.date, sorted(e.docs)) for e in timeline] == [
        ("2025-03-10", ["a", "b"]), ("2025-03-11", ["c", "d"]), ("2025-03-12", ["e"]), ("2025-03-12", ["e"])]
    # the entry is told by the record whose date frames its whole sentence
    assert timeline[0].text.startswith("On 10 March, Vidal and Ruiz")
    assert timeline[2].text.startswith("On 12 March the union") and timeline[3].text.endswith("docks on 12 March.")


def test_two_dated_predicates_of_one_sentence_are_two_happenings():
    r = Reports()
    text = "Dockers struck from 3 March, and on 6 March the rail workers joined them."
    r.add("a", text, published="2025-03-10")
    s = r.say("a", text, date="2025-03-03")
    r.times.append(TimeRef("a", *r.at("a", "3 March"), "3 March", "2025-03-03", "day", head=text.index("struck")))
    r.times.append(TimeRef("a", *r.at("a", "6 March"), "6 March", "2025-03-06", "day", head=text.index("joined")))
    timeline = build_timeline(r.corpus())
    assert [(e.date, e.ref) for e in timeline] == [("2025-03-03", record_id("s", s)), ("2025-03-06", record_id("s", s))]


def test_a_calendar_date_restating_a_weekday_is_no_second_happening():
    r = Reports()
    text = "The dam burst on Monday (6 February).Crews were sent in, and on Sunday, 12 March the river fell."
    r.add("a", text, published="2025-03-13")
    s = r.say("a", text, date="2025-03-06")
    r.times.append(TimeRef("a", *r.at("a", "Monday"), "Monday", "2025-03-06", "day", head=text.index("burst")))
    # a misprinted month, hung by the parser on the next sentence's verb: it still dates nothing new
    r.times.append(TimeRef("a", *r.at("a", "6 February)"), "6 February)", "2025-02-06", "day", head=text.index("sent")))
    r.times.append(TimeRef("a", *r.at("a", "Sunday"), "Sunday", "2025-03-12", "day", head=text.index("fell")))
    r.times.append(TimeRef("a", *r.at("a", "12 March"), "12 March", "2025-03-12", "day", head=text.index("river")))
    timeline = build_timeline(r.corpus())
    assert [(e.date, e.ref) for e in timeline] == [("2025-03-06", record_id("s", s)), ("2025-03-12", record_id("s", s))]


def test_a_lede_in_the_news_perfect_is_dated_by_its_report_and_no_other_undated_sentence_is():
    r = Reports()
    r.add("a", "The transport minister, Eva Lind, has ordered the ports reopened. Dockers went home.",
          published="2025-03-12T18:00:00")
    r.add("b", "The union has said that the strike is over.", published="2025-03-12")
    r.add("c", "Ships are waiting off the coast.", published="2025-03-12")
    r.say("a", "The transport minister, Eva Lind, has ordered the ports reopened.")
    r.say("a", "Dockers went home.")
    r.say("b", "The union has said that the strike is over.", status="reported", source_kind="named")
    r.say("c", "Ships are waiting off the coast.")
    r.who("a", "Eva Lind")
    timeline = build_timeline(r.corpus())
    assert [(e.date, e.precision, e.undated, e.dated_by, e.text[:18]) for e in timeline] == [
        ("2025-03-12", "report", True, [], "The transport mini")]


def test_a_speech_lede_takes_the_day_its_report_gives_the_speech_and_tells_the_entry():
    r = Reports()
    text = ("Union leader Tomas Vidal has said the strike will go on. Vidal spoke to dockers late on Friday "
            "outside the port gates.")
    r.add("a", text, published="2025-03-15")
    r.add("b", "Mayor Ana Ruiz has said the talks failed. Ruiz will speak on Monday.", published="2025-03-15")
    vidal, ruiz = "local:person:tomas-vidal", "local:person:ana-ruiz"
    r.say("a", "Union leader Tomas Vidal has said the strike will go on.", status="reported", source=vidal,
          source_kind="named")
    r.say("a", "Vidal spoke to dockers late on Friday outside the port gates.", date="2025-03-14", agent=vidal,
          predicate="speak")
    r.times.append(TimeRef("a", *r.at("a", "late on Friday"), "late on Friday", "2025-03-14", "day"))
    r.say("b", "Mayor Ana Ruiz has said the talks failed.", status="reported", source=ruiz, source_kind="named")
    r.say("b", "Ruiz will speak on Monday.", kind="prediction", status="expected", date="2025-03-17", agent=ruiz,
          predicate="speak")
    r.times.append(TimeRef("b", *r.at("b", "Monday"), "Monday", "2025-03-17", "day", ahead=True))
    timeline = build_timeline(r.corpus())
    # Ruiz's speech has no day further down (what lies ahead is another one): the report's own day
    # dates it, as the news of the day.
    assert [(e.date, e.category, e.text[:20]) for e in timeline] == [
        ("2025-03-14", "happened", "Union leader Tomas V"), ("2025-03-15", "happened", "Mayor Ana Ruiz has s"),
        ("2025-03-17", "forecast", "Ruiz will speak on M")]


def test_a_date_known_only_to_its_year_is_context_not_chronology():
    r = Reports()
    r.add("a", "Exports fell in 2025. The minister resigned on 3 February.", published="2026-02-05")
    r.say("a", "Exports fell in 2025.", date="2025")
    r.times.append(TimeRef("a", *r.at("a", "2025"), "2025", "2025", "year"))
    r.say("a", "The minister resigned on 3 February.", date="2026-02-03")
    r.times.append(TimeRef("a", *r.at("a", "3 February"), "3 February", "2026-02-03", "day"))
    assert [(e.category, e.date) for e in build_timeline(r.corpus())] == [
        ("happened", "2026-02-03"), ("background", "2025")]


def test_a_date_written_before_a_noun_names_it_and_dates_only_the_happening_it_names():
    # "the country's 9 June vote" does not date the court's upholding; the vote itself happened that day.
    r = Reports()
    text = "The court on Thursday upheld the result of the country's 9 June vote, and on 12 June the count was certified."
    r.add("a", text, published="2025-06-20")
    r.say("a", text, date="2025-06-19", predicate="uphold")
    r.times.append(TimeRef("a", *r.at("a", "on Thursday"), "on Thursday", "2025-06-19", "day",
                           head=text.index("upheld")))
    r.times.append(TimeRef("a", *r.at("a", "9 June"), "9 June", "2025-06-09", "day", head=text.index("upheld") + 1))
    r.times.append(TimeRef("a", *r.at("a", "12 June"), "12 June", "2025-06-12", "day", head=text.index("certified")))
    assert [(e.date, e.text[:9]) for e in build_timeline(r.corpus())] == [
        ("2025-06-09", "The court"), ("2025-06-12", "The court"), ("2025-06-19", "The court")]


def test_a_has_opening_a_relative_clause_or_after_a_copula_is_no_news_perfect_lede():
    r = Reports()
    r.add("a", "The region is bracing for floods, a valley that has a long history of them.", published="2025-04-02")
    r.add("b", "The water board, which runs the dams, has opened two spillways.", published="2025-04-02")
    r.say("a", "The region is bracing for floods, a valley that has a long history of them.")
    r.say("b", "The water board, which runs the dams, has opened two spillways.")
    r.who("b", "water board", "organization")
    assert [(e.text[:15], e.undated) for e in build_timeline(r.corpus())] == [("The water board", True)]


def test_a_prediction_dated_on_its_own_verb_is_a_forecast_and_a_photographer_credit_is_a_caption():
    r = Reports()
    text = ("On Monday the envoy will fly to Lima for talks. The envoy said on Friday that talks will resume.\n"
            "Dockers gather at the gate on Friday (Maria Rojas/AP)\n")
    r.add("a", text, published="2025-03-16")
    r.say("a", "On Monday the envoy will fly to Lima for talks.", kind="prediction", status="expected",
          date="2025-03-10")
    r.times.append(TimeRef("a", *r.at("a", "On Monday"), "On Monday", "2025-03-10", "day", head=text.index("fly")))
    r.say("a", "The envoy said on Friday that talks will resume.", kind="prediction", status="expected",
          date="2025-03-14")
    r.times.append(TimeRef("a", *r.at("a", "on Friday that"), "on Friday", "2025-03-14", "day",
                           head=text.index("said")))
    r.say("a", "Dockers gather at the gate on Friday (Maria Rojas/AP)", date="2025-03-14")
    r.times.append(TimeRef("a", *r.at("a", "on Friday (M"), "on Friday", "2025-03-14", "day"))
    assert [(e.category, e.text[:16]) for e in build_timeline(r.corpus())] == [
        ("happened", "The envoy said o"), ("forecast", "On Monday the en")]



def test_a_quotation_without_its_speaker_resolved_joins_that_persons_speech_of_the_day():
    r = Reports()
    r.add("a", 'Union leader Tomas Vidal spoke to dockers on Friday.', published="2025-03-15")
    r.add("b", '"The strike goes on," said union leader Tomas Vidal on Friday. "It ends," said Ana Ruiz on Friday.',
          published="2025-03-15")
    vidal = "local:person:tomas-vidal"
    r.say("a", "Union leader Tomas Vidal spoke to dockers on Friday.", date="2025-03-14", agent=vidal, predicate="speak")
    r.times.append(TimeRef("a", *r.at("a", "on Friday"), "on Friday", "2025-03-14", "day"))
    r.say("b", '"The strike goes on," said union leader Tomas Vidal on Friday.', source_kind="quoted",
          date="2025-03-14")
    r.times.append(TimeRef("b", *r.at("b", "on Friday"), "on Friday", "2025-03-14", "day"))
    r.say("b", '"It ends," said Ana Ruiz on Friday.', source_kind="quoted", date="2025-03-14")
    second = r.documents["b"]["text"].rindex("on Friday")
    r.times.append(TimeRef("b", second, second + 9, "on Friday", "2025-03-14", "day"))
    assert sorted((len(e.docs), e.text[:12]) for e in build_timeline(r.corpus())) == [
        (1, '"It ends," s'), (2, "Union leader")]


def test_a_date_that_bounds_a_stretch_of_time_dates_no_happening():
    r = Reports()
    text = ("The regulator had warned the airline prior to 4 March. The audit covers the period to May 2025. "
            "A poll was conducted between 2 and 9 June. The airline grounded its fleet on 11 June.")
    r.add("a", text, published="2025-06-12")
    for fragment, value in (("4 March", "2025-03-04"), ("May 2025", "2025-05"), ("2 and 9 June", "2025-06-02"),
                            ("11 June", "2025-06-11")):
        r.times.append(TimeRef("a", *r.at("a", fragment), fragment, value, "day" if len(value) == 10 else "month"))
    for sentence, value in (("The regulator had warned the airline prior to 4 March.", "2025-03-04"),
                            ("The audit covers the period to May 2025.", "2025-05"),
                            ("A poll was conducted between 2 and 9 June.", "2025-06-02"),
                            ("The airline grounded its fleet on 11 June.", "2025-06-11")):
        r.say("a", sentence, date=value)
    assert [(e.date, e.text[:11]) for e in build_timeline(r.corpus())] == [("2025-06-11", "The airline")]


def test_a_date_naming_a_noun_does_not_date_the_verb_of_its_sentence():
    r = Reports()
    text = "The central bank raised its March forecast for growth. Ministers met on 9 May."
    r.add("a", text, published="2025-05-10")
    r.times.append(TimeRef("a", *r.at("a", "March"), "March", "2025-03", "month"))
    r.times.append(TimeRef("a", *r.at("a", "9 May"), "9 May", "2025-05-09", "day"))
    r.say("a", "The central bank raised its March forecast for growth.", date="2025-03")
    r.say("a", "Ministers met on 9 May.", date="2025-05-09")
    assert [e.date for e in build_timeline(r.corpus())] == ["2025-05-09"]


def test_a_lede_telling_a_habit_in_the_news_perfect_is_no_happening_of_its_day():
    r = Reports()
    r.add("a", "The finance minister has repeatedly criticised the central bank.", published="2025-05-10")
    r.add("b", "The finance minister has resigned.", published="2025-05-10")
    r.say("a", "The finance minister has repeatedly criticised the central bank.")
    r.say("b", "The finance minister has resigned.")
    r.who("a", "finance minister")
    r.who("b", "finance minister")
    assert [(e.date, e.docs) for e in build_timeline(r.corpus())] == [("2025-05-10", ["b"])]


def test_a_date_naming_the_occasion_a_verb_happens_in_dates_it():
    r = Reports()
    text = "The president spoke to farmers during a Tuesday address."
    r.add("a", text, published="2025-05-08")
    r.times.append(TimeRef("a", *r.at("a", "Tuesday"), "Tuesday", "2025-05-06", "day"))
    r.say("a", text, date="2025-05-06")
    assert [e.date for e in build_timeline(r.corpus())] == ["2025-05-06"]


def test_a_report_retelling_one_happening_further_down_makes_one_entry():
    r = Reports()
    text = ("Shelling hit a clinic in Dolyna on Thursday, officials said. Trains ran late on Thursday. "
            "The governor said the attack on the clinic in Dolyna on Thursday wounded two nurses.")
    r.add("a", text, published="2025-05-09")
    for at in (m.start() for m in re.finditer("Thursday", text)):
        r.times.append(TimeRef("a", at, at + 8, "Thursday", "2025-05-08", "day"))
    r.say("a", "Shelling hit a clinic in Dolyna on Thursday, officials said.", date="2025-05-08")
    r.say("a", "Trains ran late on Thursday.", date="2025-05-08")
    r.say("a", "The governor said the attack on the clinic in Dolyna on Thursday wounded two nurses.",
          date="2025-05-08", source="local:person:governor", source_kind="named")
    timeline = build_timeline(r.corpus())
    assert [e.text[:14] for e in timeline] == ["Shelling hit a", "Trains ran lat"]


def test_a_date_in_an_example_of_what_the_sentence_tells_dates_nothing():
    r = Reports()
    text = "More patients have reached the hospital in recent days, including some on Sunday. Doctors struck on Monday."
    r.add("a", text, published="2025-05-13")
    r.times.append(TimeRef("a", *r.at("a", "Sunday"), "Sunday", "2025-05-11", "day"))
    r.times.append(TimeRef("a", *r.at("a", "Monday"), "Monday", "2025-05-12", "day"))
    r.say("a", "More patients have reached the hospital in recent days, including some on Sunday.", date="2025-05-11")
    r.say("a", "Doctors struck on Monday.", date="2025-05-12")
    assert [e.date for e in build_timeline(r.corpus())] == ["2025-05-12"]


def test_a_dated_telling_of_a_sentence_that_dates_what_it_tells_is_no_second_happening():
    r = Reports()
    text = "The storm made landfall late on Monday, the weather office said on Tuesday."
    r.add("a", text, published="2025-10-08")
    r.times.append(TimeRef("a", *r.at("a", "late on Monday"), "late on Monday", "2025-10-06", "day",
                           head=text.index("made")))
    r.times.append(TimeRef("a", *r.at("a", "on Tuesday"), "on Tuesday", "2025-10-07", "day", head=text.index("said")))
    r.say("a", text, date="2025-10-06")
    assert [e.date for e in build_timeline(r.corpus())] == ["2025-10-06"]


def test_a_date_in_a_before_phrase_a_relative_clause_or_pointing_back_dates_no_happening():
    r = Reports()
    text = ("Before the start of the harvest on 4 June, rebels burned three silos. "
            "The mayor met a driver who was injured on 2 June. "
            "The port reopened in March and the ferries returned later that month. "
            "A convoy sets off for the coast, following the truce on 1 June. "
            "Troops left the town on 5 June.")
    r.add("a", text, published="2025-06-10")
    for frag, value in (("4 June", "2025-06-04"), ("2 June", "2025-06-02"), ("1 June", "2025-06-01"),
                        ("5 June", "2025-06-05")):
        r.times.append(TimeRef("a", *r.at("a", frag), frag, value, "day"))
    r.times.append(TimeRef("a", *r.at("a", "later that month"), "later that month", "2025-06", "month"))
    r.say("a", "Before the start of the harvest on 4 June, rebels burned three silos.", date="2025-06-04")
    r.say("a", "The mayor met a driver who was injured on 2 June.", date="2025-06-02")
    r.say("a", "The port reopened in March and the ferries returned later that month.", date="2025-06")
    r.say("a", "A convoy sets off for the coast, following the truce on 1 June.", date="2025-06-01")
    r.say("a", "Troops left the town on 5 June.", date="2025-06-05")
    assert [(e.date, e.text[:10]) for e in build_timeline(r.corpus())] == [("2025-06-05", "Troops lef")]


def test_a_table_run_together_into_one_record_is_no_happening():
    r = Reports()
    row = "Region Jan 2024 May 2024 North 41 18 44 17 South 52 11 57 9 East 38 22 35 26 on 3 May"
    r.add("a", row + "\nThe council met on 3 May.", published="2024-05-10")
    r.say("a", row, date="2024-05-03")
    r.say("a", "The council met on 3 May.", date="2024-05-03")
    assert [e.text for e in build_timeline(r.corpus())] == ["The council met on 3 May."]


def test_what_lay_ahead_long_before_the_reports_is_background_not_a_forecast():
    r = Reports()
    text = "The two states blocked the treaty in 2011, which would have opened the border."
    r.add("a", text, published="2025-06-10")
    r.times.append(TimeRef("a", *r.at("a", "2011"), "2011", "2011", "year", ahead=True))
    r.say("a", text, date="2011")
    timeline = build_timeline(r.corpus())
    assert [(e.date, e.category) for e in timeline] == [("2011", "background")]


def test_one_act_told_with_one_verb_by_two_reports_is_one_entry():
    r = Reports()
    r.add("a", "The Surma burst its banks on Saturday, flooding 300 villages near the town.", published="2033-07-18")
    r.add("b", "The Surma burst its banks on Saturday after heavy rain, submerging villages.", published="2033-07-19")
    r.add("c", "The Kosi burst its banks on Saturday in Nepal.", published="2033-07-19")
    for doc in "abc":
        text = r.documents[doc]["text"]
        r.say(doc, text, date="2033-07-16", predicate="burst")
        r.times.append(TimeRef(doc, *r.at(doc, "Saturday"), "Saturday", "2033-07-16", "day"))
    assert sorted(sorted(e.docs) for e in build_timeline(r.corpus())) == [["a", "b"], ["c"]]


def test_a_body_telling_of_its_own_act_that_day_is_that_act():
    r = Reports()
    text = ("On Thursday, the council extended the sanctions for six months. The council recalled in a "
            "statement on Thursday that the sanctions began in 2014. The ministry banned exports on Thursday.")
    r.add("a", text, published="2025-07-20")
    council, ministry = "local:organization:council", "local:organization:ministry"
    r.event("a", "On Thursday, the council extended the sanctions for six months.", type="SANCTION",
            actors=[council], date="2025-07-17")
    r.say("a", "The council recalled in a statement on Thursday that the sanctions began in 2014.",
          date="2025-07-17", predicate="recall", agent=council, actors=[council])
    r.say("a", "The ministry banned exports on Thursday.", date="2025-07-17", predicate="ban", agent=ministry,
          actors=[ministry])
    for at in (m.start() for m in re.finditer("Thursday", text)):
        r.times.append(TimeRef("a", at, at + 8, "Thursday", "2025-07-17", "day"))
    assert [e.text[:12] for e in build_timeline(r.corpus())] == ["On Thursday,", "The ministry"]


def test_a_news_perfect_lede_of_a_persons_act_joins_the_day_the_report_gives_it():
    r = Reports()
    text = "President Ana Ruiz has defended her decision to close the border. Ruiz told radio on Friday she had no choice."
    r.add("a", text, published="2025-03-15")
    ruiz = "local:person:ana-ruiz"
    r.say("a", "President Ana Ruiz has defended her decision to close the border.", agent=ruiz, predicate="defend")
    r.say("a", "Ruiz told radio on Friday she had no choice.", date="2025-03-14", agent=ruiz, predicate="tell")
    r.times.append(TimeRef("a", *r.at("a", "Friday"), "Friday", "2025-03-14", "day"))
    assert [(e.date, e.undated, e.text[:14]) for e in build_timeline(r.corpus())] == [
        ("2025-03-14", False, "President Ana ")]


def test_one_persons_doings_of_a_day_in_one_report_are_one_entry_but_not_across_reports():
    r = Reports()
    r.add("a", "The envoy Ana Ruiz on Monday drew a line under the talks. In her speech Monday, Ruiz named the "
               "rebels.", published="2025-03-18")
    r.add("b", "Ruiz visited the camp on Monday.", published="2025-03-18")
    ruiz = "local:person:ana-ruiz"
    r.say("a", "The envoy Ana Ruiz on Monday drew a line under the talks.", date="2025-03-17", actors=[ruiz],
          predicate="draw")
    r.say("a", "In her speech Monday, Ruiz named the rebels.", date="2025-03-17", actors=[ruiz], predicate="name")
    r.say("b", "Ruiz visited the camp on Monday.", date="2025-03-17", actors=[ruiz], predicate="visit")
    for doc in "ab":
        for m in re.finditer("Monday", r.documents[doc]["text"]):
            r.times.append(TimeRef(doc, m.start(), m.end(), "Monday", "2025-03-17", "day"))
    assert sorted(sorted(e.docs) for e in build_timeline(r.corpus())) == [["a"], ["b"]]


def test_a_bodys_announcement_and_its_act_of_one_day_are_one_entry_a_countrys_are_not():
    r = Reports()
    r.add("a", "The defence ministry sent rockets to the army on Monday.", published="2025-03-18")
    r.add("b", "On Monday the defence ministry announced a new aid package.", published="2025-03-18")
    r.add("c", "On Monday Chile announced new tariffs.", published="2025-03-18")
    r.add("d", "Chile sent rescuers to the border on Monday.", published="2025-03-18")
    ministry = "local:organization:defence-ministry"
    r.event("a", "The defence ministry sent rockets to the army on Monday.", type="AID", actors=[ministry],
            date="2025-03-17")
    r.say("b", "On Monday the defence ministry announced a new aid package.", date="2025-03-17", agent=ministry,
          predicate="announce", actors=[ministry])
    r.say("c", "On Monday Chile announced new tariffs.", date="2025-03-17", agent="kb:CHL", predicate="announce",
          actors=["kb:CHL"])
    r.event("d", "Chile sent rescuers to the border on Monday.", type="AID", actors=["kb:CHL"], date="2025-03-17")
    for doc in "abcd":
        r.times.append(TimeRef(doc, *r.at(doc, "Monday"), "Monday", "2025-03-17", "day"))
    assert sorted(sorted(e.docs) for e in build_timeline(r.corpus())) == [["a", "b"], ["c"], ["d"]]


def test_a_news_perfect_lede_telling_a_tally_since_the_war_began_is_no_happening_of_its_day():
    r = Reports()
    r.add("a", "More than 500 children have been killed since the rebels invaded the north in 2019.",
          published="2025-03-12")
    r.add("b", "Floods have displaced 20,000 people so far, officials say.", published="2025-03-12")
    r.add("c", "The health minister has resigned over the cholera outbreak.", published="2025-03-12")
    r.times.append(TimeRef("a", *r.at("a", "2019"), "2019", "2019", "year"))
    r.say("a", "More than 500 children have been killed since the rebels invaded the north in 2019.")
    r.say("b", "Floods have displaced 20,000 people so far, officials say.")
    r.say("c", "The health minister has resigned over the cholera outbreak.")
    r.who("c", "health minister")
    timeline = build_timeline(r.corpus())
    assert [(e.date, e.precision, e.text[:10]) for e in timeline] == [("2025-03-12", "report", "The health")]


def test_a_speech_lede_read_as_a_forecast_joins_the_dated_speech_but_does_not_tell_it():
    r = Reports()
    text = ("The environment minister has told reporters there will be worse flooding if the levees give way. "
            "Speaking in Porto Alegre on Tuesday, Minister Lena Holt said the pumps were needed at once.")
    r.add("a", text, published="2031-05-08")
    holt = "local:person:lena-holt"
    r.say("a", "The environment minister has told reporters there will be worse flooding if the levees give way.",
          kind="prediction", status="expected", source=holt, source_kind="named")
    r.say("a", "Speaking in Porto Alegre on Tuesday, Minister Lena Holt said the pumps were needed at once.",
          status="reported", date="2031-05-06", source=holt, source_kind="named", agent=holt, predicate="need")
    r.times.append(TimeRef("a", *r.at("a", "on Tuesday"), "on Tuesday", "2031-05-06", "day"))
    timeline = build_timeline(r.corpus())
    assert [(e.date, e.category, e.undated, e.text[:22]) for e in timeline] == [
        ("2031-05-06", "happened", False, "Speaking in Porto Aleg")]


def test_a_call_told_as_a_dated_past_act_is_a_happening_a_call_for_a_later_day_is_not():
    r = Reports()
    r.add("a", "Dock workers' leader Ines Boro rejected the pay offer on Monday and called for a general strike.",
          published="2029-10-03")
    r.add("b", "The farmers' union urges a boycott on Friday. The union will call for talks on Sunday.",
          published="2029-10-03")
    boro = "local:person:ines-boro"
    text = r.documents["a"]["text"]
    r.say("a", text, kind="recommendation", status="denied", date="2029-10-01", source=boro, actors=[boro])
    r.times.append(TimeRef("a", *r.at("a", "on Monday"), "on Monday", "2029-10-01", "day", head=text.index("rejected")))
    other = r.documents["b"]["text"]
    r.say("b", "The farmers' union urges a boycott on Friday.", kind="recommendation", date="2029-10-05")
    r.times.append(TimeRef("b", *r.at("b", "on Friday"), "on Friday", "2029-10-05", "day", head=other.index("urges")))
    r.say("b", "The union will call for talks on Sunday.", kind="recommendation", date="2029-10-07")
    r.times.append(TimeRef("b", *r.at("b", "on Sunday"), "on Sunday", "2029-10-07", "day", head=other.index("call"),
                           ahead=True))
    assert [(e.date, e.category, e.docs) for e in build_timeline(r.corpus())] == [("2029-10-01", "happened", ["a"])]


def test_a_call_made_in_a_dated_speech_is_a_happening_of_that_day_whatever_verb_the_day_hangs_on():
    r = Reports()
    text = "The mayor, Rui Costa, called for an inquiry to hold the builders to account in a televised address Tuesday."
    r.add("a", text, published="2029-10-03")
    r.add("b", "The union urged a boycott to pressure the owners in the coming weeks, at a rally Friday.",
          published="2029-10-03")
    r.say("a", text, kind="recommendation", status="reported", date="2029-10-02")
    # the parser hangs the day on the infinitive of what is asked, not on the call
    r.times.append(TimeRef("a", *r.at("a", "Tuesday"), "Tuesday", "2029-10-02", "day", head=text.index("hold")))
    other = r.documents["b"]["text"]
    r.say("b", other, kind="recommendation", status="reported", date="2029-10-05")
    # a rally is no speaking occasion the rule knows, and a day after the report is no past act
    r.times.append(TimeRef("b", *r.at("b", "Friday"), "Friday", "2029-10-05", "day", head=other.index("pressure")))
    assert [(e.date, e.category, e.docs) for e in build_timeline(r.corpus())] == [("2029-10-02", "happened", ["a"])]


def test_a_news_perfect_lede_about_a_thing_named_after_an_actor_is_no_happening_of_its_day():
    r = Reports()
    r.add("a", "The strike in Lagos has exposed the weakness of the unions.", published="2025-03-12")
    r.add("b", "Chile's decision to close the mines has rattled investors.", published="2025-03-12")
    r.add("c", "Analysts have warned that the currency could fall.", published="2025-03-12")
    r.add("d", "The port authority has closed the harbour.", published="2025-03-12")
    r.add("e", "Members of the dockers' union have voted to strike.", published="2025-03-12")
    r.add("f", "The Andean Pact presidency has called for talks.", published="2025-03-12")
    r.add("g", "The Chilean government's decision has angered miners.", published="2025-03-12")
    for doc in "abcdefg":
        r.say(doc, r.documents[doc]["text"])
    r.who("a", "Lagos", "place")
    r.who("b", "Chile", "state")
    r.who("d", "port authority", "organization")
    r.who("f", "Andean Pact", "igo")
    assert [(e.date, e.docs) for e in build_timeline(r.corpus())] == [("2025-03-12", [d]) for d in "def"]


def test_a_date_opening_the_stretch_of_a_noun_or_after_after_dates_no_happening():
    r = Reports()
    text = ("The government announced on 2 May a ban on exports from 1 June. The minister resigned shortly after "
            "the release of a report on 3 May. After a week of rain the river burst its banks on 4 May.")
    r.add("a", text, published="2025-05-06")
    heads = {"2 May": "announced", "1 June": "announced", "3 May": "resigned", "4 May": "burst"}
    for fragment, value in (("2 May", "2025-05-02"), ("1 June", "2025-06-01"), ("3 May", "2025-05-03"),
                            ("4 May", "2025-05-04")):
        r.times.append(TimeRef("a", *r.at("a", fragment), fragment, value, "day", head=text.index(heads[fragment])))
    r.say("a", "The government announced on 2 May a ban on exports from 1 June.", date="2025-06-01")
    r.say("a", "The minister resigned shortly after the release of a report on 3 May.", date="2025-05-03")
    r.say("a", "After a week of rain the river burst its banks on 4 May.", date="2025-05-04")
    assert [(e.date, e.text[:10]) for e in build_timeline(r.corpus())] == [
        ("2025-05-02", "The govern"), ("2025-05-04", "After a we")]


def test_one_doers_act_told_with_one_verb_by_two_reports_is_one_entry():
    r = Reports()
    r.add("a", "Chile announced on Tuesday a ban on copper exports, sending prices up.", published="2025-05-07")
    r.add("b", "Chile announced the ban on Tuesday after a strike by miners closed two ports.", published="2025-05-08")
    r.add("c", "Chile announced new taxes on Tuesday.", published="2025-05-08")
    for doc, sentence in (("a", "Chile announced on Tuesday a ban on copper exports, sending prices up."),
                          ("b", "Chile announced the ban on Tuesday after a strike by miners closed two ports."),
                          ("c", "Chile announced new taxes on Tuesday.")):
        start, _ = r.at(doc, sentence)
        at = start + sentence.index("Tuesday")
        r.times.append(TimeRef(doc, at, at + 7, "Tuesday", "2025-05-06", "day", head=start + sentence.index("announced")))
        r.say(doc, sentence, date="2025-05-06", agent="kb:CHL", actors=["kb:CHL"], predicate="announce")
    r.times.sort(key=lambda t: (t.doc, t.start))
    assert sorted(sorted(e.docs) for e in build_timeline(r.corpus())) == [["a", "b"], ["c"]]


def test_a_sentence_going_on_from_the_last_with_a_thing_of_its_doer_tells_the_same_happening():
    r = Reports()
    r.add("a", "The farm minister answered the growers' union on Saturday.\nHer post appeared on 14 June on her "
               "blog.\n\nThe union blocked a motorway on 14 June. Its members also marched on 14 June.",
          published="2025-06-15")
    for fragment in ("The farm minister answered the growers' union on Saturday.",
                     "Her post appeared on 14 June on her blog.", "The union blocked a motorway on 14 June.",
                     "Its members also marched on 14 June."):
        r.say("a", fragment, date="2025-06-14")
    r.dated("a", "Saturday", "2025-06-14")
    r.dated("a", "14 June", "2025-06-14")
    timeline = build_timeline(r.corpus())
    # the post is where the answer came out; the march, after a sentence of the union's, goes on from it too;
    # the blockade, two sentences on from the answer, is a happening of its own
    assert [e.text for e in timeline] == ["The farm minister answered the growers' union on Saturday.",
                                          "The union blocked a motorway on 14 June."]


def test_a_meeting_told_from_each_side_in_one_report_is_one_happening():
    r = Reports()
    r.add("a", "Trade minister Lena Ortiz said on Monday she had raised steel quotas in talks with her counterpart "
               "Joon Park. Park defended his country's mills during Monday's talks, his ministry said. Customs chief "
               "Ana Weiss flew to Osaka on Monday.", published="2025-09-09")
    ortiz, park = "local:person:lena-ortiz", "local:person:joon-park"
    r.event("a", "Trade minister Lena Ortiz said on Monday she had raised steel quotas in talks with her counterpart "
                 "Joon Park.", type="CONSULT", actors=[ortiz])
    r.say("a", "Park defended his country's mills during Monday's talks, his ministry said.", date="2025-09-08",
          agent=park, actors=[park])
    weiss = "local:person:ana-weiss"
    r.say("a", "Customs chief Ana Weiss flew to Osaka on Monday.", date="2025-09-08", agent=weiss, actors=[weiss])
    r.events[0].date = "2025-09-08"  # the event holds Ortiz alone, as the event finder may give it
    r.dated("a", "Monday", "2025-09-08")
    timeline = build_timeline(r.corpus())
    # the talks, told by each minister's side, are one entry; another official's flight that day is another
    assert [e.text.split()[0] for e in timeline] == ["Trade", "Customs"]


def test_one_act_told_again_in_other_words_by_its_own_report_is_one_happening():
    r = Reports()
    r.add("a", "Rebels fired 40 rockets at the port on Sunday. The army says it downed 12 of the rockets launched "
               "Sunday. Rebels launched a drone at the airport on Sunday.", published="2025-05-05")
    r.say("a", "Rebels fired 40 rockets at the port on Sunday.", date="2025-05-04", agent="local:organization:rebels")
    r.say("a", "The army says it downed 12 of the rockets launched Sunday.", date="2025-05-04",
          agent="local:organization:army")
    r.say("a", "Rebels launched a drone at the airport on Sunday.", date="2025-05-04", agent="local:organization:rebel")
    r.dated("a", "Sunday", "2025-05-04", heads=("fired", "launched", "launched"))
    timeline = build_timeline(r.corpus())
    # the rockets fired and the rockets launched are one barrage; the drone, naming no rockets, another act
    assert [e.text.split()[2] for e in timeline] == ["40", "a"]


def test_two_entries_of_one_report_naming_one_body_one_place_and_one_thing_are_one_happening():
    r = Reports()
    r.add("a", "The tariff was the main issue, trade envoy Ines Roca told reporters after a sitting of the port "
               "council in Valparaiso on 3 June. The port council was sitting in Valparaiso on 3 June. The port "
               "council inspected cranes in Valparaiso on 3 June.", published="2025-06-04")
    council, town = "local:organization:port-council", "local:place:valparaiso"
    r.say("a", "The tariff was the main issue, trade envoy Ines Roca told reporters after a sitting of the port "
               "council in Valparaiso on 3 June.", date="2025-06-03", actors=["local:person:ines-roca", council, town])
    r.say("a", "The port council was sitting in Valparaiso on 3 June.", date="2025-06-03", actors=[council, town])
    r.say("a", "The port council inspected cranes in Valparaiso on 3 June.", date="2025-06-03", actors=[council, town])
    r.dated("a", "3 June", "2025-06-03")
    timeline = build_timeline(r.corpus())
    # the sitting, told twice, is one entry; the inspection, naming the same body and town but no sitting, another
    assert len(timeline) == 2 and timeline[1].text == "The port council inspected cranes in Valparaiso on 3 June."


def test_a_person_telling_what_the_country_did_speaks_for_it_in_one_telling_of_the_day():
    r = Reports()
    r.add("a", "The government vowed on Thursday to put a 20% tariff on steel imports. On Thursday, Prime Minister "
               "Eva Lind said the government was applying a tariff on steel imports. On Thursday, union leader Tom "
               "Berg said the levy would cost jobs.", published="2025-10-10")
    lind, berg = "local:person:eva-lind", "local:person:tom-berg"
    r.say("a", "The government vowed on Thursday to put a 20% tariff on steel imports.", date="2025-10-09",
          source="kb:ABC", source_kind="named", agent="kb:ABC", actors=["kb:ABC"])
    r.say("a", "On Thursday, Prime Minister Eva Lind said the government was applying a tariff on steel imports.",
          date="2025-10-09", source=lind, source_kind="named", agent="kb:ABC", actors=[lind, "kb:ABC"])
    r.say("a", "On Thursday, union leader Tom Berg said the levy would cost jobs.",
          date="2025-10-09", source=berg, source_kind="named", actors=[berg])
    r.dated("a", "Thursday", "2025-10-09", heads=("vowed", "said", "said"))
    timeline = build_timeline(r.corpus())
    # the prime minister tells the government's tariff: one telling; the union leader's is his own
    assert ["Lind" in e.text for e in timeline] == [True, False] and "Berg" in timeline[1].text


def test_a_person_named_in_another_entry_of_the_day_ties_two_entries_only_through_one_thing():
    r = Reports()
    r.add("a", "Judge Ana Ruiz sentenced the former mayor Carl Dunn to four years on 4 March. Carl Dunn resigned from "
               "the port board on 4 March.", published="2031-03-05")
    ruiz, dunn, board = "local:person:ana-ruiz", "local:person:carl-dunn", "local:organization:port-board"
    r.say("a", "Judge Ana Ruiz sentenced the former mayor Carl Dunn to four years on 4 March.", date="2031-03-04",
          agent=ruiz, actors=[ruiz, dunn])
    r.say("a", "Carl Dunn resigned from the port board on 4 March.", date="2031-03-04", agent=dunn,
          actors=[dunn, board])
    r.dated("a", "4 March", "2031-03-04")
    # the day's number and the name are no thing in common: the sentence and the resignation are two happenings
    assert [e.text.split()[0] for e in build_timeline(r.corpus())] == ["Judge", "Carl"]
