"""Who did it: a party said by one source to have done something and, by another, not to have done it (a denial
of its own act as a gerund, a plain negation against "bears responsibility for", an act blamed on another party);
near-misses (another party, another object, one source, months apart) stay apart."""

from __future__ import annotations

from storyline.analysis.conflict_agency import Act, meets
from storyline.analysis.conflict_match import _other_agents
from storyline.analysis.conflicts import find_conflicts
from storyline.analysis.entities import Entity
from storyline.models import Mention, Statement

from tests.analysis.stories import StoryBuilder

UNION = "local:organization:dockers-union"
NAVY = "kb:KLV.NAVY"
DELTA = "local:organization:delta-hydro"
COUNCIL = "local:organization:valley-council"
REBELS = "local:group:river-front"
ARMY = "kb:KLV"


class HarbourStory(StoryBuilder):
    ENTITIES = [Entity(UNION, "Dockers' Union", "organization"), Entity(NAVY, "Kalvarian navy", "organization"),
                Entity(DELTA, "Delta Hydro", "organization"), Entity(COUNCIL, "Valley Council", "organization"),
                Entity(REBELS, "River Front", "group"), Entity(ARMY, "Kalvaria", "state")]
    NAMES = {"the Dockers' Union": UNION, "The Dockers' Union": UNION, "the Kalvarian navy": NAVY,
             "Delta Hydro": DELTA, "The Valley Council": COUNCIL, "River Front": REBELS, "the Kalvarian army": ARMY}

    def say(self, doc: str, text: str, status: str, published: str, **kw) -> Statement:
        self.report(doc, text, published=published)
        for name, entity in self.NAMES.items():
            if name in text:
                start = text.index(name)
                self.records["mentions"].append(Mention(doc, start, start + len(name), name, "KB", entity, "organization"))
        s = Statement(doc, 0, len(text), text, kw.pop("kind", "fact"), status, **kw)
        self.records["statements"].append(s)
        return s


def _found(story: HarbourStory) -> list[tuple[str, list[str]]]:
    return [(c.kind, [s.doc for s in c.sides]) for c in find_conflicts(story.corpus())]


BLOCKADE = "The blockade of the harbour by the Dockers' Union has stranded forty ships, the port authority said."
DENIED = "The Dockers' Union has denied blocking the harbour or turning ships away."


def _harbour(claim: str = BLOCKADE, denial: str = DENIED, dates=("2026-05-04", "2026-05-06"),
             denial_source=UNION) -> HarbourStory:
    story = HarbourStory()
    story.say("a", claim, "reported", dates[0], source_text="the port authority", source_kind="named",
              actors=[UNION])
    story.say("b", denial, "denied", dates[1], source=denial_source, source_text="The Dockers' Union",
              source_kind="named", agent=denial_source, predicate="deny", predicate_class="deny",
              actors=[denial_source], polarity="negative", cues=["denied"])
    return story


def test_a_party_denying_an_act_meets_the_claim_that_names_the_act_as_a_noun():
    assert _found(_harbour()) == [("status", ["a", "b"])]


def test_a_denial_meets_no_claim_of_another_party_another_object_or_another_month():
    navy = "The blockade of the harbour by the Kalvarian navy has stranded forty ships, the port authority said."
    assert _found(_harbour(claim=navy)) == []
    motorway = "The blockade of the motorway by the Dockers' Union has stranded forty lorries, the port authority said."
    assert _found(_harbour(claim=motorway)) == []
    assert _found(_harbour(dates=("2026-01-04", "2026-05-06"))) == []


def test_responsibility_for_an_act_against_a_plain_negation_by_its_party():
    story = HarbourStory()
    story.say("a", "Delta Hydro bears full responsibility for the flooding of the lower valley, the Valley Council said.",
              "reported", "2026-03-02", source=COUNCIL, source_text="the Valley Council", source_kind="named",
              agent=DELTA, predicate="bear", actors=[DELTA, COUNCIL])
    story.say("b", "Delta Hydro did not cause the flooding, a company engineer told reporters on Tuesday.", "negated",
              "2026-03-03", source_text="a company engineer", source_kind="anonymous", agent=DELTA,
              predicate="cause", actors=[DELTA], polarity="negative")
    assert _found(story) == [("negation", ["a", "b"])]


def test_an_act_blamed_on_another_party_negates_the_claim_that_the_blamer_did_it():
    story = HarbourStory()
    story.say("a", "River Front bombed the railway bridge near the dam on Sunday.", "asserted", "2026-08-10",
              agent=REBELS, predicate="bomb", predicate_class="attack", actors=[REBELS])
    story.say("b", "River Front blamed the bombing of the bridge on the Kalvarian army.", "asserted", "2026-08-11",
              agent=REBELS, predicate="blame", predicate_class="accuse", actors=[REBELS, ARMY])
    assert _found(story) == [("negation", ["a", "b"])]


def test_acts_meet_as_a_verb_and_its_noun_of_one_party_or_a_body_of_it():
    denied = Act("kb:KLV", frozenset({"block"}), frozenset({"harbour"}))
    assert meets(denied, Act(NAVY, frozenset({"blockad"}), frozenset({"harbour", "ship"})))
    assert meets(Act("kb:KLV", frozenset({"invasion"}), frozenset()), Act("kb:KLV", frozenset({"invad"}), frozenset()))
    assert not meets(denied, Act(UNION, frozenset({"blockad"}), frozenset({"harbour"})))
    assert not meets(denied, Act("kb:KLV", frozenset({"bomb"}), frozenset({"harbour"})))
    assert not meets(Act("kb:KLV", frozenset({"bomb"}), frozenset()), Act("kb:KLV", frozenset({"bombard"}), frozenset()))


def test_two_names_of_an_act_of_force_are_one_act_where_what_it_was_done_to_agrees():
    raid = Act(REBELS, frozenset({"raid"}), frozenset({"polic", "post"}))
    assert meets(raid, Act(REBELS, frozenset({"attack"}), frozenset({"polic", "post", "town"})))
    assert meets(Act(ARMY, frozenset({"invasion"}), frozenset()), Act(ARMY, frozenset({"offensiv"}), frozenset()))
    assert not meets(raid, Act(REBELS, frozenset({"attack"}), frozenset({"bridg"})))
    assert not meets(raid, Act(ARMY, frozenset({"attack"}), frozenset({"polic", "post"})))
    assert not meets(raid, Act(REBELS, frozenset({"clos"}), frozenset({"polic", "post"})))


def _pronoun_denial(source: str | None) -> HarbourStory:
    story = HarbourStory()
    story.say("a", "River Front attacked a police post near the dam on Sunday, the Valley Council said.", "reported",
              "2026-08-10", source=COUNCIL, source_text="the Valley Council", source_kind="named", agent=REBELS,
              predicate="attack", predicate_class="attack", actors=[REBELS, COUNCIL])
    story.say("b", "It denied carrying out the raid on the police post.", "denied", "2026-08-11", source=source,
              source_text="It", source_kind="named", agent="it", predicate="carry", polarity="negative")
    return story


def test_a_denial_whose_subject_is_a_pronoun_is_its_sources_own():
    assert _found(_pronoun_denial(REBELS)) == [("status", ["a", "b"])]
    assert _found(_pronoun_denial(DELTA)) == []  # the pronoun stands for another body: not the party accused
    assert _found(_pronoun_denial("local:person:ana-ruiz")) == []  # "it" is no person


def test_a_plural_group_and_a_named_person_are_two_agents():
    minister = Statement("a", 0, 10, "x", "fact", "reported", agent="local:person:ana-rek")
    farmers = Statement("b", 0, 10, "y", "fact", "negated", agent="many local farmers")
    pronoun = Statement("b", 0, 10, "y", "fact", "negated", agent="they")
    assert _other_agents(farmers, minister) and _other_agents(minister, farmers)
    assert not _other_agents(pronoun, minister)
    assert not _other_agents(Statement("b", 0, 10, "y", "fact", "negated", agent="the press"), minister)
    # a person who only says the clause is not its agent; one who does its act ("X condemned the move") is
    text = "Ana Rek condemned the move and warned of more attacks."
    speaker = Statement("a", 0, len(text), text, "fact", "reported", agent="local:person:ana-rek",
                        source="local:person:ana-rek", source_text="Ana Rek", predicate="warn")
    assert _other_agents(farmers, speaker, "condemn")
    assert not _other_agents(farmers, speaker, "attack")
    # a body doing the act, which the group's sentence does not name; one it names may be the group's own
    text = "The senate condemns the attack and calls for sanctions."
    senate = Statement("a", 0, len(text), text, "fact", "reported", agent="kb:XYZ.SENATE", source="kb:XYZ.SENATE",
                       source_text="The senate", predicate="call")
    assert _other_agents(farmers, senate, "condemn") and not _other_agents(farmers, senate)
    farmers.actors = ["kb:XYZ.SENATE"]
    assert not _other_agents(farmers, senate, "condemn")


def test_a_reason_ruled_out_meets_the_reason_the_party_gave_for_its_act():
    story = HarbourStory()
    story.report("a", "Delta Hydro said it had shut the sluice gates due to a structural fault in the dam wall. "
                      "The Valley Council said there was “no structural reason” for the decision by Delta Hydro.",
                 published="2026-04-01")
    text = story.documents["a"]["text"]
    story.records["mentions"] += [Mention("a", m, m + len("Delta Hydro"), "Delta Hydro", "KB", DELTA, "organization")
                                  for m in (text.index("Delta Hydro"), text.rindex("Delta Hydro"))]
    first, second = (s.strip() for s in text.split(". ", 1))
    for sentence, source, status in ((first + ".", DELTA, "reported"), (second, COUNCIL, "negated")):
        start = text.index(sentence)
        story.records["statements"].append(Statement("a", start, start + len(sentence), sentence, "fact", status,
                                                     source=source, source_kind="named", actors=[DELTA]))
    assert _found(story) == [("status", ["a", "a"])]
    # another kind of reason is no answer to it
    story.records["statements"][0].text = story.records["statements"][0].text.replace("structural", "legal")
    assert _found(story) == []


LEADER = "kb:person:javier-milei"
"""A head of state in the knowledge base: president of Argentina from December 2023."""


class PassStory(StoryBuilder):
    ENTITIES = [Entity(LEADER, "Javier Milei", "person"), Entity("kb:ARG", "Argentina", "state")]
    NAMES = {"Javier Milei": (LEADER, "person"), "Argentina": ("kb:ARG", "state")}

    def say(self, doc: str, text: str, status: str, published: str, **kw) -> None:
        self.report(doc, text, published=published)
        for name, (entity, type_) in self.NAMES.items():
            if name in text:
                start = text.index(name)
                self.records["mentions"].append(Mention(doc, start, start + len(name), name, "KB", entity, type_))
        self.records["statements"].append(Statement(doc, 0, len(text), text, kw.pop("kind", "fact"), status, **kw))


def _pass(dates=("2024-03-04", "2024-03-06")) -> list[tuple[str, list[str]]]:
    story = PassStory()
    story.say("a", "The blockade of the mountain pass by Argentina has stranded forty lorries, hauliers said.",
              "reported", dates[0], source_text="hauliers", source_kind="named", actors=["kb:ARG"])
    story.say("b", "Javier Milei has denied blocking the mountain pass or turning lorries away.", "denied", dates[1],
              source=LEADER, source_text="Javier Milei", source_kind="named", agent=LEADER, predicate="deny",
              predicate_class="deny", actors=[LEADER], polarity="negative", cues=["denied"])
    return _found(story)


def test_a_head_of_state_in_office_denying_an_act_answers_the_claim_that_his_state_did_it():
    assert _pass() == [("status", ["a", "b"])]
    assert _pass(dates=("2019-03-04", "2019-03-06")) == []  # years before he took office: his own act, not his state's
