"""Negations that the statement's status misses and that the matcher must still read: a negation inside what a
source says (a quotation before its speaker, after "according to", after "X said"), "no report of" as a doubt,
a plain negation of the claim's own verb, and a denier named in apposition before the verb."""

from __future__ import annotations

from storyline.analysis.conflict_match import _asserted_stems
from storyline.analysis.entities import Entity
from storyline.analysis.wording import DOUBT, negated_claim, negated_verb, stem

from tests.analysis.test_conflict_shapes import _found, _pair


def test_a_negation_inside_what_a_source_says_is_read_as_one():
    assert negated_claim("“Not a single hut has been burned in the valley,” said a spokesman for the herders.")
    assert negated_claim("According to the minister, “our troops did not cross the river”, and talks would go on.")
    assert negated_claim("The league said its own analysts had seen nothing unusual in the betting.")
    # words with a "not" or "no" that negate nothing, a forecast, a negation in another clause
    assert not negated_claim("The minister said not only the port but the airport had been closed.")
    assert not negated_claim("The minister said the talks would not resume before June.")
    assert not negated_claim("The union said the strike would go on, which no one had expected.")
    assert not negated_claim("The company said 118 passengers had been on board.")


def test_no_report_of_is_a_doubt_and_a_negated_determiner_skips_to_its_verb():
    assert DOUBT.search("Local police said they had received no report of an attack on a herder.")
    assert DOUBT.search("There were no reports of casualties.")
    assert negated_verb("Not a single hut has been burned in the valley") == stem("burned")
    assert negated_verb("The captain did not abandon the ship") == stem("abandoned")
    assert stem("wolves") == stem("wolf")


def test_a_quoted_negation_of_the_claims_own_verb_is_a_negation():
    story = _pair("Relatives of the missing said the pilot had abandoned the boat before it sank.", "reported",
                  "“Our pilot did not abandon his passengers,” the owner told reporters.", "reported",
                  dates=("2026-05-09", "2026-05-10"))
    assert _found(story) == [("negation", ["a", "b"])]


def test_a_negated_verb_shared_alone_or_by_other_parties_is_no_conflict():
    # the verb only: "did not abandon the plan" against "abandoned the boat"
    story = _pair("Relatives said the pilot had abandoned the boat before it sank.", "reported",
                  "The ministry did not abandon its plan to widen the harbour, officials said.", "negated",
                  dates=("2026-05-09", "2026-05-10"))
    assert _found(story) == []
    # a report months later: another moment, not one disputed fact
    story = _pair("Relatives of the missing said the pilot had abandoned the boat before it sank.", "reported",
                  "“Our pilot did not abandon his passengers,” the owner told reporters.", "reported",
                  dates=("2026-05-09", "2026-09-10"))
    assert _found(story) == []


def test_a_denier_named_in_apposition_then_conceding_is_one_account_that_changed():
    story = _pair("The owner of the boat, Lakeside Marine, dismissed as speculation suggestions that the boat had "
                  "been overloaded.", "denied",
                  "Lakeside Marine conceded on Tuesday that the boat had been overloaded.", "reported",
                  dates=("2026-05-10", "2026-05-12"), later_source="local:organization:lakeside-marine",
                  first_actors=("local:organization:lakeside-marine",),
                  later_actors=("local:organization:lakeside-marine",))
    story.ENTITIES = [*story.ENTITIES, Entity("local:organization:lakeside-marine", "Lakeside Marine", "organization")]
    story.records["statements"][1].source_text = "Lakeside Marine"
    assert [kind for kind, _ in _found(story)] == ["evolution"]


def test_a_negated_verb_the_claim_names_only_in_a_condition_or_time_limit_is_no_conflict():
    # "until there is a pause in the shelling" says nothing paused: "the shelling did not pause" denies nothing
    story = _pair("Medical teams were ordered to stay in their shelters until there is a pause in the shelling.",
                  "reported", "“The shelling did not pause at all overnight,” a nurse told reporters.", "reported",
                  dates=("2026-05-09", "2026-05-10"))
    assert _found(story) == []
    # the same words with the pause said to have happened are one act denied
    story = _pair("Medical teams said the shelling paused overnight before the convoy left.", "reported",
                  "“The shelling did not pause at all overnight,” a nurse told reporters.", "reported",
                  dates=("2026-05-09", "2026-05-10"))
    assert _found(story) == [("negation", ["a", "b"])]


def test_a_verb_after_to_is_no_act_the_clause_asserts():
    assert stem("help") not in _asserted_stems("it is in the region's interest to help the growers cut their losses")
    assert stem("help") in _asserted_stems("the agency helped the growers cut their losses")
    assert stem("help") in _asserted_stems("to everyone's surprise the agency helped the growers")


def test_a_negation_since_a_time_covers_every_day_from_then_to_its_report():
    claim = "The mayor's office said the footbridge had been inspected in September and found safe."
    since = "The footbridge had not been inspected since it reopened last year, the engineers' council said."
    story = _pair(claim, "reported", since, "negated", dates=("2026-11-05", "2026-11-06"), first_date="2026-09",
                  later_date="2025")
    assert _found(story) == [("negation", ["a", "b"])]
    # a claim dated before the time the negation runs from is no contradiction of it
    story = _pair("The mayor's office said the footbridge had been inspected in September 2024 and found safe.",
                  "reported", since, "negated", dates=("2026-11-05", "2026-11-06"), first_date="2024-09",
                  later_date="2025")
    assert _found(story) == []


def test_none_damaged_is_contradicted_by_some_destroyed():
    # a subject that is none, then its verb; a stronger act of the same thing says the weaker one too
    assert negated_verb("No barges were damaged in the storm, the port authority said.") == stem("damaged")
    assert negated_verb("No one was seen near the depot, the police said.") is None
    story = _pair("Dock workers said the storm had destroyed four barges moored at the grain terminal.", "reported",
                  "No barges were damaged at the grain terminal, the port authority said.", "negated",
                  dates=("2026-05-09", "2026-05-10"))
    assert _found(story) == [("negation", ["a", "b"])]
    # the weaker act against the stronger one's absence is no contradiction, nor are two different things
    story = _pair("Dock workers said the storm had damaged four barges moored at the grain terminal.", "reported",
                  "No barges were destroyed at the grain terminal, the port authority said.", "negated",
                  dates=("2026-05-09", "2026-05-10"))
    assert _found(story) == []
    story = _pair("Dock workers said the storm had destroyed two cranes at the container terminal.", "reported",
                  "No barges were damaged at the grain terminal, the port authority said.", "negated",
                  dates=("2026-05-09", "2026-05-10"))
    assert _found(story) == []


def test_a_refusal_of_an_act_does_not_contradict_a_request_for_it():
    from storyline.analysis.conflicts import find_conflicts
    from storyline.models import Cluster
    from storyline.store.records import record_id
    from tests.analysis.test_conflicts import Story

    def pair(claim: str, published: str) -> list[str]:
        refused = "Several West African governments have refused to condemn the coup in Bamako."
        story = Story()
        story.report("a", claim, published="2026-09-02")
        story.report("b", refused, published=published)
        s1 = story.say("a", claim, "reported", actors=("kb:USA",), source="kb:USA", source_kind="named")
        s2 = story.say("b", refused, "negated", actors=("kb:USA",), source_kind="author")
        # grouped as one claim: the words alone would let the pair through
        cluster = Cluster("c1", [record_id("s", s1), record_id("s", s2)], ["a", "b"])
        return [c.kind for c in find_conflicts(story.corpus(), clusters=[cluster])]

    assert pair("The foreign minister was to urge the visiting premier to condemn the coup in Bamako.",
                "2026-09-03") == []
    # said done, the same act refused is a contradiction
    assert pair("The visiting premier condemned the coup in Bamako on Tuesday.", "2026-09-03") == ["negation"]
