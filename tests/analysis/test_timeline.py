"""The timeline: which events and statements go in, how they merge across reports, and their order."""

from __future__ import annotations

from storyline.analysis.corpus import Corpus
from storyline.analysis.timeline import build_timeline
from storyline.models import Cluster, Event, Statement, TimeRef
from storyline.store.records import record_id


class Reports:
    def __init__(self) -> None:
        self.documents: dict[str, dict] = {}
        self.events: list[Event] = []
        self.statements: list[Statement] = []
        self.times: list[TimeRef] = []

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

    def corpus(self) -> Corpus:
        return Corpus(documents=self.documents, events=self.events, statements=self.statements, times=self.times)


def test_dated_events_come_in_date_order_with_their_precision():
    r = Reports()
    r.add("a", "Troops moved on 3 October. Talks were held in September.", published="2024-11-01")
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


def test_undated_items_are_placed_at_their_report_date_after_dated_ones():
    r = Reports()
    r.add("a", "Troops moved. Talks were held on 5 November.", published="2024-11-05")
    r.add("b", "Sanctions were announced.")
    r.event("a", "Troops moved")
    r.event("a", "Talks were held on 5 November", type="CONSULT", date="2024-11-05")
    r.event("b", "Sanctions were announced", type="SANCTION", actors=("kb:USA",))
    timeline = build_timeline(r.corpus())
    assert [(e.date, e.precision, e.undated, e.docs) for e in timeline] == [
        ("2024-11-05", "day", False, ["a"]),
        ("2024-11-05", "report", True, ["a"]),
        ("", "report", True, ["b"]),  # no date at all: last
    ]


def test_denied_negated_and_merely_possible_events_are_left_out():
    r = Reports()
    r.add("a", "No troops moved. Troops may have moved. Troops moved.", published="2024-11-05")
    r.event("a", "No troops moved", status="negated")
    r.event("a", "Troops may have moved", status="possible")
    r.event("a", "Troops moved.", status="reported")
    assert [e.text for e in build_timeline(r.corpus())] == ["Troops moved."]


def test_statements_go_in_when_dated_or_clustered_but_not_opinions_questions_or_plain_sentences():
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
        ("2024-06-01", "statement", "The army is tired.", ["a", "b"], True),
    ]


def test_a_statement_holding_an_event_is_not_listed_twice():
    r = Reports()
    r.add("a", "Troops moved on 3 October, officials said.", published="2024-10-05")
    r.event("a", "Troops moved on 3 October", date="2024-10-03")
    r.say("a", "Troops moved on 3 October, officials said.", date="2024-10-03")
    assert [e.kind for e in build_timeline(r.corpus())] == ["event"]


def test_precision_comes_from_the_time_expression_when_there_is_one():
    r = Reports()
    r.add("a", "Troops moved last week.", published="2024-10-10")
    r.event("a", "Troops moved last week", date="2024-10-03")
    r.times.append(TimeRef("a", *r.at("a", "last week"), "last week", "2024-10-03", "week"))
    assert build_timeline(r.corpus())[0].precision == "week"


def test_timeline_is_deterministic():
    r = Reports()
    r.add("a", "Troops moved. Talks were held.", published="2024-11-05")
    r.event("a", "Talks were held", type="CONSULT")
    r.event("a", "Troops moved")
    first = build_timeline(r.corpus())
    r.events.reverse()
    assert build_timeline(r.corpus()) == first
    assert [e.text for e in first] == ["Troops moved", "Talks were held"]  # report order on one date
