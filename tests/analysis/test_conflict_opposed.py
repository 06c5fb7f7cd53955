"""Meaning-level contradictions: two sources say opposite things of one subject in other words, with no denial
between them; near-misses (another subject, another day, a hedge, one source) stay apart."""

from __future__ import annotations

from storyline.analysis.conflict_opposed import pole, subject
from storyline.analysis.conflicts import find_conflicts
from storyline.models import Statement

from tests.analysis.test_conflict_shapes import BorderStory


def _story(first: str, later: str, *, first_prop: dict, later_prop: dict, first_source=None, later_source=None,
           first_date=None, later_date=None, first_actors=(), later_actors=(), published=("2026-11-10", "2026-11-11"),
           later_status="asserted") -> BorderStory:
    story = BorderStory()
    story.report("a", first, published=published[0])
    story.report("b", later, published=published[1])
    for doc, text, prop, source, date, actors, status in (
            ("a", first, first_prop, first_source, first_date, first_actors, "asserted"),
            ("b", later, later_prop, later_source, later_date, later_actors, later_status)):
        s = story.say(doc, text, status, actors=actors, date=date, source=source,
                      source_kind="named" if source else "author")
        for key, value in prop.items():
            setattr(s, key, value)
    return story


def _found(story: BorderStory) -> list[tuple[str, list[str]]]:
    return [(c.kind, [s.doc for s in c.sides]) for c in find_conflicts(story.corpus())]


WITHDREW = "Peruvian troops withdrew from the border post on Monday night."
MASSED = "Peruvian troops massed at the border post on Monday night."
PERU_TROOPS = {"agent": "kb:PER", "predicate": "withdraw", "predicate_class": "withdraw"}
PERU_MASSING = {"agent": "kb:PER", "predicate": "mass", "predicate_class": "mass"}


def test_a_statement_falls_on_the_pole_of_its_predicate_its_particle_or_its_deal():
    def record(text, **prop):
        return Statement("a", 0, len(text), text, "fact", "asserted", **prop)

    assert pole(record(WITHDREW, predicate="withdraw")) == "withdraw"
    assert pole(record("The army pulled back from the town.", predicate="pull")) == "withdraw"
    assert pole(record("The talks broke down on Friday.", predicate="break")) == "fail"
    assert pole(record("The sides reached an agreement.", predicate="reach", theme="agreement")) == "agree"
    assert pole(record("The convoy reached the town.", predicate="reach", theme="town")) is None
    assert pole(record("The minister spoke.", predicate="speak")) is None
    assert subject(record("x", agent="the riot police")) == subject(record("y", agent="police"))
    assert subject(record("x", theme="the border crossing")) == subject(record("y", agent="crossing"))


def test_two_sources_with_opposite_acts_of_one_subject_conflict_in_meaning():
    story = _story(WITHDREW, MASSED, first_prop=PERU_TROOPS, later_prop=PERU_MASSING,
                   first_source="kb:PER", later_source="kb:ECU", first_actors=("kb:PER",), later_actors=("kb:PER",))
    assert _found(story) == [("negation", ["a", "b"])]


def test_opposite_acts_of_two_subjects_or_on_two_days_or_hedged_or_by_one_source_do_not_conflict():
    other = dict(PERU_MASSING, agent="kb:ECU")
    assert _found(_story(WITHDREW, MASSED.replace("Peruvian", "Ecuadorian"), first_prop=PERU_TROOPS,
                         later_prop=other, first_source="kb:PER", later_source="kb:ECU")) == []
    assert _found(_story(WITHDREW, MASSED, first_prop=PERU_TROOPS, later_prop=PERU_MASSING, first_source="kb:PER",
                         later_source="kb:ECU", first_date="2026-11-09", later_date="2026-11-10")) == []
    hedged = "Peruvian troops could mass at the border post on Monday night."
    assert _found(_story(WITHDREW, hedged, first_prop=PERU_TROOPS, later_prop=PERU_MASSING,
                         first_source="kb:PER", later_source="kb:ECU")) == []
    assert _found(_story(WITHDREW, MASSED, first_prop=PERU_TROOPS, later_prop=PERU_MASSING,
                         first_source="kb:ECU", later_source="kb:ECU")) == []
    # two places named two ways are two acts
    assert _found(_story(WITHDREW, MASSED, first_prop=dict(PERU_TROOPS, place="kb:PER"),
                         later_prop=dict(PERU_MASSING, place="kb:ECU"),
                         first_source="kb:PER", later_source="kb:ECU")) == []


def test_an_agreement_and_talks_that_collapsed_are_one_outcome_told_two_ways():
    agreed = "The defence ministries of Peru and Ecuador reached an agreement on the border patrols."
    failed = "Talks between Peru and Ecuador on the border patrols collapsed, officials said."
    story = _story(agreed, failed, first_prop={"agent": "defence ministry", "predicate": "reach", "theme": "agreement"},
                   later_prop={"agent": "talk", "predicate": "collapse"}, first_source="kb:PER", later_source="kb:ECU",
                   first_actors=("kb:PER", "kb:ECU"), later_actors=("kb:PER", "kb:ECU"))
    assert _found(story) == [("negation", ["a", "b"])]
    # an outcome of other talks, with no party and one word in common, is another negotiation
    story = _story(agreed, "Talks on the new fishing quota collapsed on Friday.",
                   first_prop={"agent": "defence ministry", "predicate": "reach", "theme": "agreement"},
                   later_prop={"agent": "talk", "predicate": "collapse"}, first_source="kb:PER",
                   later_source="kb:ECU", first_actors=("kb:PER", "kb:ECU"), later_actors=())
    assert _found(story) == []


def test_a_flat_rebuttal_right_after_a_relayed_claim_answers_it():
    claim = "Rebel commanders claimed that their fighters had taken the hilltop town."
    rebuttal = "It's not true, our soldiers still hold it, the regional governor said."
    story = BorderStory()
    story.report("a", claim, rebuttal, published="2026-11-10")
    story.say("a", claim, "reported", actors=(), source_text="Rebel commanders", source_kind="named")
    story.say("a", rebuttal, "negated", actors=(), source_text="the regional governor", source_kind="named")
    assert _found(story) == [("negation", ["a", "a"])]
    # the same words, a sentence later than the one right before it: no rebuttal of it
    story = BorderStory()
    story.report("a", claim, "The town lies on the main road.", rebuttal, published="2026-11-10")
    story.say("a", claim, "reported", actors=(), source_text="Rebel commanders", source_kind="named")
    story.say("a", "The town lies on the main road.", "asserted", actors=())
    story.say("a", rebuttal, "negated", actors=(), source_text="the regional governor", source_kind="named")
    assert _found(story) == []


def test_a_state_reached_and_an_act_of_now_are_two_moments_not_a_contradiction():
    amassed = "Peruvian troops have massed at the border post."
    story = _story(amassed, "Peruvian troops withdraw from the border post.", first_prop=PERU_MASSING,
                   later_prop=PERU_TROOPS, first_source="kb:ECU", later_source="kb:PER")
    assert _found(story) == []


def test_a_wish_denied_is_no_answer_to_a_wish_for_something_else():
    wants = "Peru wants all of Ecuador's Zarumilla valley, the Ecuadorian minister said."
    not_war = "His country does not want a war over the Zarumilla valley with Peru, Ecuador's president said."
    story = _story(wants, not_war, first_prop={"agent": "kb:PER", "predicate": "want", "theme": "kb:ECU"},
                   later_prop={"agent": "his country", "predicate": "want", "theme": "war"}, first_source="kb:ECU",
                   later_source="kb:PER", first_actors=("kb:PER", "kb:ECU"), later_actors=("kb:ECU", "kb:PER"),
                   later_status="negated")
    assert _found(story) == []


def test_a_refusal_agrees_with_a_claim_that_itself_abstains():
    refrain = "Peru will refrain from joining the sanctions on Ecuador, the foreign minister repeated."
    refused = "The Peruvian authorities have refused to join the sanctions on Ecuador."
    story = _story(refrain, refused, first_prop={"agent": "kb:PER", "predicate": "refrain"},
                   later_prop={"agent": "authority", "predicate": "refuse"}, first_source="kb:PER",
                   first_actors=("kb:PER", "kb:ECU"), later_actors=("kb:PER", "kb:ECU"), later_status="negated")
    assert _found(story) == []


def test_the_subject_as_written_leads_over_an_actor_found_inside_it():
    line = "The line of contact with Peruvian forces withdrew into the valley on Monday night."
    story = _story(line, MASSED, first_prop={"agent": "kb:PER", "predicate": "withdraw"}, later_prop=PERU_MASSING,
                   first_source="kb:ECU", later_source="kb:PER", first_actors=("kb:PER",), later_actors=("kb:PER",))
    assert _found(story) == []
    helped = "Peru also sent help to the flooded valley on Monday night."
    assert _found(_story(WITHDREW, helped, first_prop=PERU_TROOPS, later_prop={"agent": "kb:PER", "predicate": "send"},
                         first_source="kb:ECU", later_source="kb:PER")) == []
