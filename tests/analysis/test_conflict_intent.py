"""What a party means to do: one source warns that a party will, could or is preparing to act, another says the
party has no such plan (a strike threatened and disowned, an offensive warned of and "reports of an imminent
offensive" dismissed, a closure forecast and called unlikely); near-misses (another party, another act, another
object, a condition, one source, months apart) stay apart."""

from __future__ import annotations

from storyline.analysis.conflict_intent import DISOWNED, WARNED, intentions
from storyline.analysis.conflicts import find_conflicts
from storyline.analysis.entities import Entity
from storyline.models import Mention, Statement

from tests.analysis.stories import StoryBuilder

UNION = "local:organization:pilots-union"
CREW = "local:organization:cabin-crew"
AIRLINE = "local:organization:skyline-air"
ARMY = "kb:KLV"
NAMES = {"the pilots' union": UNION, "The pilots' union": UNION, "Ostland": "kb:OST", "the cabin crew association": CREW,
         "The cabin crew association": CREW, "Skyline Air": AIRLINE, "Kalvaria": ARMY, "Kalvarian": ARMY}


def _mentions(doc: str, text: str, offset: int = 0) -> list[Mention]:
    out = []
    for name, entity in NAMES.items():
        at = text.find(name)
        while at >= 0:
            out.append(Mention(doc, offset + at, offset + at + len(name), name, "KB", entity,
                               "state" if entity == ARMY else "organization"))
            at = text.find(name, at + 1)
    return out


def _read(text: str) -> list[tuple[str, list[str], list[str], int]]:
    return [(i.party, sorted(i.acts), sorted(i.objects), i.pole) for i in intentions(text, _mentions("d", text), 0)]


def test_an_intention_is_read_with_its_party_its_act_and_its_pole():
    assert _read("Skyline Air said the pilots' union could strike at any time.") == [(UNION, ["strik"], [], WARNED)]
    assert _read("The pilots' union has no plans to strike, its chairman said.") == [(UNION, ["strik"], [], DISOWNED)]
    assert _read("Kalvarian troops are preparing to launch an offensive against the port.") == \
        [(ARMY, ["offensiv"], ["port"], WARNED)]
    assert _read("Kalvaria dismissed reports of an imminent Kalvarian offensive against the port.") == \
        [(ARMY, ["offensiv"], ["port"], DISOWNED)]
    assert _read("Kalvaria denied it was planning to invade the island.") == [(ARMY, ["invad"], ["island"], DISOWNED)]
    assert _read("It is unlikely that Skyline Air will close its base, analysts said.") == \
        [(AIRLINE, ["clos"], ["base"], DISOWNED)]


def test_a_plan_denied_as_a_noun_or_by_a_pronoun_standing_for_the_speaker_is_disowned():
    assert _read("Kalvaria denied planning an invasion of the island.") == [(ARMY, ["invasion"], ["island"], DISOWNED)]
    assert _read("Kalvaria has denied it intends to launch an attack.") == [(ARMY, ["attack"], [], DISOWNED)]
    assert _read("Kalvarian troops may be preparing for an assault on the port.") == \
        [(ARMY, ["assault"], ["port"], WARNED)]

    def read(text: str, speaker: str) -> list[tuple[str, list[str], int]]:
        return [(i.party, sorted(i.acts), i.pole) for i in intentions(text, [], 0, speaker)]

    assert read("It denied planning an attack on the port.", ARMY) == [(ARMY, ["attack"], DISOWNED)]
    assert read("The ministry said on Tuesday that it had no plans for a raid on the port.", ARMY) == \
        [(ARMY, ["raid"], DISOWNED)]
    assert read("He said it has no plans to invade the island.", "local:person:ana-ruiz") == []  # "it" is no person
    assert read("It could attack the port.", ARMY) == []  # a warning's pronoun may be anyone


def _in_report(report: str, sentence: str, speaker: str | None = None) -> list[tuple[str, list[str], int]]:
    """The intentions of one sentence of a report, read with the report's text before it."""
    start = report.index(sentence)
    return [(i.party, sorted(i.acts), i.pole)
            for i in intentions(sentence, _mentions("d", report), start, speaker, report[:start])]


def test_a_warned_acts_pronoun_is_the_party_named_before_it_not_the_speaker():
    report = "Kalvaria massed tanks near the border of Ostland, and Skyline Air warned that it was preparing an invasion."
    assert _in_report(report, report, AIRLINE) == [(ARMY, ["invasion"], WARNED)]  # not Ostland: after "of"
    report = "The pilots' union met the ministry. It could strike at any time, Skyline Air said."
    assert _in_report(report, "It could strike at any time, Skyline Air said.", AIRLINE) == [(UNION, ["strik"], WARNED)]
    # after a verb of saying, a pronoun that fits the speaker is the speaker's own intention
    assert _in_report("Skyline Air said it could close its base.", "Skyline Air said it could close its base.",
                      AIRLINE) == [(AIRLINE, ["clos"], WARNED)]
    # no party named before it, or only the speaker: no party
    assert _in_report("It could strike at any time, Skyline Air said.", "It could strike at any time, Skyline Air said.",
                      AIRLINE) == []


def test_an_act_as_the_subject_of_its_coming_or_of_a_plan_ruled_out_is_an_intention():
    report = "Kalvaria moved tanks to the coast. An invasion of the island could begin at any time, Skyline Air said."
    assert _in_report(report, "An invasion of the island could begin at any time, Skyline Air said.", AIRLINE) == \
        [(ARMY, ["invasion"], WARNED)]
    assert _read("A Kalvarian offensive against the port is imminent.") == [(ARMY, ["offensiv"], ["port"], WARNED)]
    assert _in_report("No invasion of the island is planned, it said.", "No invasion of the island is planned, it said.",
                      ARMY) == [(ARMY, ["invasion"], DISOWNED)]
    assert _in_report("There will be no strike at the port.", "There will be no strike at the port.", UNION) == \
        [(UNION, ["strik"], DISOWNED)]
    # a party that only frames the warning, or one named before the sentence that does not open the one before it
    warning = "Ostland officials briefed that invasion could be “four to six weeks away”."
    assert _in_report(warning, warning) == []
    assert _in_report("Kalvaria moved tanks. " + warning, warning) == [(ARMY, ["invasion"], WARNED)]
    assert _in_report("Kalvaria's Skyline Air moved its jets. " + warning, warning) == [(AIRLINE, ["invasion"], WARNED)]
    report = "Leaders of Skyline Air may meet Kalvaria. An invasion could begin within weeks."
    assert _in_report(report, "An invasion could begin within weeks.") == []
    # the object of a verb, a consequence, a negated warning: no intention
    for text in ("Preparations for an invasion could begin in May.", "An invasion would have severe consequences.",
                 "Nobody believes an invasion could begin soon."):
        assert _in_report("Kalvaria moved tanks. " + text, text, AIRLINE) == [], text


def test_more_wordings_of_a_party_denying_its_own_plan():
    assert _read("Kalvaria denies it has any plans to invade the island.") == \
        [(ARMY, ["invad"], ["island"], DISOWNED)]
    assert _read("Kalvaria denied any intention of invading the island.") == \
        [(ARMY, ["invad"], ["island"], DISOWNED)]
    assert _read("Kalvaria denies it is planning an invasion of the island.") == \
        [(ARMY, ["invasion"], ["island"], DISOWNED)]
    assert _read("Kalvaria rejected claims the pilots' union was preparing to strike.") == \
        [(UNION, ["strik"], [], DISOWNED)]


def test_conditions_questions_negated_warnings_and_places_state_no_intention():
    for text in ("If the pilots' union strikes, flights will stop.", "Will the pilots' union strike?",
                 "Nobody believes the pilots' union will strike.", "Flights to Kalvaria could be delayed by fog."):
        assert _read(text) == [], text


class AirlineStory(StoryBuilder):
    ENTITIES = [Entity(UNION, "Pilots' Union", "organization"), Entity(CREW, "Cabin Crew Association", "organization"),
                Entity(AIRLINE, "Skyline Air", "organization"), Entity(ARMY, "Kalvaria", "state")]

    def say(self, doc: str, text: str, status: str, published: str, source: str, kind: str = "fact") -> Statement:
        self.report(doc, text, published=published)
        self.records["mentions"] += _mentions(doc, text)
        s = Statement(doc, 0, len(text), text, kind, status, source=source, source_text=source, source_kind="named")
        self.records["statements"].append(s)
        return s


WARNING = "Skyline Air said the pilots' union could strike at any time."
DISOWNING = "The pilots' union has no plans to strike, its chairman said."


def _found(warning: str = WARNING, disowning: str = DISOWNING, dates=("2026-09-14", "2026-09-15"),
           sources=(AIRLINE, UNION)) -> list[tuple[str, list[str]]]:
    story = AirlineStory()
    story.say("a", warning, "possible", dates[0], sources[0], kind="prediction")
    story.say("b", disowning, "negated", dates[1], sources[1])
    return [(c.kind, [s.doc for s in c.sides]) for c in find_conflicts(story.corpus())]


def test_a_warned_act_and_its_partys_disowning_of_it_are_a_negation():
    assert _found() == [("negation", ["a", "b"])]
    assert _found("Kalvarian troops are preparing to launch an offensive against the port, the airline said.",
                  "Kalvaria dismissed reports of an imminent Kalvarian offensive against the port.") == \
        [("negation", ["a", "b"])]
    assert _found("Skyline Air will close its base in the north next spring, the union said.",
                  "Skyline Air is unlikely to close its base in the north, the ministry said.",
                  sources=(UNION, "local:organization:ministry")) == [("negation", ["a", "b"])]


def test_an_act_of_force_warned_under_one_name_and_disowned_under_another_is_a_negation():
    offensive = "Kalvarian troops are preparing an offensive against the port, the airline said."
    assert _found(offensive, "Kalvaria denied planning an attack on the port.", sources=(AIRLINE, ARMY)) == \
        [("negation", ["a", "b"])]
    assert _found(offensive, "It denied planning an attack on the port.", sources=(AIRLINE, ARMY)) == \
        [("negation", ["a", "b"])]
    # another object, another party, another act
    assert _found(offensive, "Kalvaria denied planning an attack on the airport.", sources=(AIRLINE, ARMY)) == []
    assert _found(offensive, "It denied planning an attack on the port.", sources=(AIRLINE, UNION)) == []
    assert _found(offensive, "Kalvaria denied planning a blockade of the port.", sources=(AIRLINE, ARMY)) == []


def test_another_party_act_or_object_one_source_or_months_apart_do_not_conflict():
    assert _found("The cabin crew association could also strike this month, its spokeswoman said.") == []
    assert _found(disowning="The pilots' union has no plans to resign from the talks, its chairman said.") == []
    assert _found("Skyline Air will close its base in the north next spring, the union said.",
                  "Skyline Air is unlikely to close its office in the capital, the ministry said.",
                  sources=(UNION, "local:organization:ministry")) == []
    assert _found(sources=(UNION, UNION)) == []
    assert _found(dates=("2026-01-14", "2026-09-15")) == []
    assert _found("If talks fail, the pilots' union could strike at any time, the airline said.") == []


def test_a_warning_that_a_party_will_not_stop_at_a_place_is_more_force_to_come_even_under_a_condition():
    assert _read("Ostland warned that Kalvaria would “not stop at the river” if it took the port.") == \
        [(ARMY, ["~further"], [], WARNED)]
    assert _read("Kalvaria won't stop there, Ostland said.") == [(ARMY, ["~further"], [], WARNED)]
    # no act it disowns, and no party: nothing
    assert _read("The talks will not stop at the tariff question, Ostland said.") == []
    # a plan "one day" to act is a plan all the same
    assert _read("Kalvaria dismissed suggestions that Kalvaria might one day invade Ostland as absurd.") == \
        [(ARMY, ["invad"], ["ostland"], DISOWNED)]


def test_more_force_warned_of_meets_an_act_of_force_its_party_disowns_but_no_other_act():
    warning = "Ostland warned that Kalvaria would not stop at the river if it took the port."
    assert _found(warning, "Kalvaria dismissed suggestions that Kalvaria might one day invade Ostland as absurd.",
                  sources=("kb:OST", ARMY)) == [("negation", ["a", "b"])]
    assert _found(warning, "Kalvaria has no plans to close its embassy in Ostland.", sources=("kb:OST", ARMY)) == []
    assert _found(warning, "The pilots' union has no plans to attack the airline.", sources=("kb:OST", UNION)) == []


LEADER = "kb:person:javier-milei"
"""A head of state in the knowledge base: president of Argentina from December 2023."""


class BorderStory(StoryBuilder):
    ENTITIES = [Entity(LEADER, "Javier Milei", "person"), Entity("kb:ARG", "Argentina", "state"),
                Entity("kb:CHL", "Chile", "state")]
    NAMES = {"Javier Milei": (LEADER, "person"), "Argentina": ("kb:ARG", "state"), "Chile": ("kb:CHL", "state")}

    def say(self, doc: str, text: str, status: str, published: str, source: str, kind: str = "fact") -> None:
        self.report(doc, text, published=published)
        for name, (entity, type_) in self.NAMES.items():
            at = text.find(name)
            if at >= 0:
                self.records["mentions"].append(Mention(doc, at, at + len(name), name, "KB", entity, type_))
        self.records["statements"].append(Statement(doc, 0, len(text), text, kind, status, source=source,
                                                    source_text=source, source_kind="named"))


def _border(dates=("2024-03-04", "2024-03-05"), leader=LEADER) -> list[tuple[str, list[str]]]:
    story = BorderStory()
    story.say("a", "Chile said President Javier Milei plans to close the mountain pass to lorries.", "possible",
              dates[0], "kb:CHL", kind="prediction")
    story.say("b", "Argentina has no plans to close the mountain pass, its foreign ministry said.", "negated",
              dates[1], "kb:ARG")
    return [(c.kind, [s.doc for s in c.sides]) for c in find_conflicts(story.corpus())]


def test_a_head_of_state_in_office_means_what_his_state_means():
    assert _border() == [("negation", ["a", "b"])]
    # years before he took office, he was no head of state: his plan is his own
    assert _border(dates=("2019-03-04", "2019-03-05")) == []


def test_a_disowning_is_set_against_the_warning_its_own_report_tells():
    other = "Skyline Air said the pilots' union could strike at any time."
    own = "Managers at Skyline Air warned that the pilots' union could strike at any time."
    story = AirlineStory()
    story.say("a", other, "possible", "2026-09-15", AIRLINE, kind="prediction")
    story.report("b", own, DISOWNING, published="2026-09-15")
    for text, status, source, kind in ((own, "possible", AIRLINE, "prediction"), (DISOWNING, "negated", UNION, "fact")):
        start, end = story.at("b", text)
        story.records["mentions"] += _mentions("b", text, start)
        story.records["statements"].append(Statement("b", start, end, text, kind, status, source=source,
                                                     source_text=source, source_kind="named"))
    found = [c for c in find_conflicts(story.corpus()) if c.kind == "negation"]
    assert [[s.text for s in c.sides] for c in found] == [[own, DISOWNING]]
