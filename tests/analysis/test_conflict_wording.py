"""Denials, doubts and claims in the many ways wire reports write them: a source set after the claim ("P, the
navy said in a statement"), a doubt added at the end ("P, though no official would confirm it"), denials in new
words ("categorically refuted on Tuesday that", "no truth whatsoever in the suggestion"), and one body under a
short and a full name denying, then conceding."""

from __future__ import annotations

from storyline.analysis.clauses import claimed_clause
from storyline.analysis.conflicts import find_conflicts
from storyline.analysis.entities import Entity
from storyline.analysis.wording import DENIAL, DOUBT

from tests.analysis.test_conflicts import Story

BODIES = [Entity("kb:SEN", "Senegal", "state"), Entity("kb:GNB", "Guinea-Bissau", "state"),
          Entity("local:organization:veridia", "Veridia", "organization"),
          Entity("local:organization:veridia-biologics", "Veridia Biologics", "organization"),
          Entity("local:organization:veridia-health-ministry", "Veridia Health Ministry", "organization")]


class SeaStory(Story):
    ENTITIES = BODIES


def _two(first: str, first_status: str, later: str, later_status: str, *, first_source=None, later_source=None,
         first_actors=(), later_actors=()) -> SeaStory:
    story = SeaStory()
    story.report("a", first, published="2026-09-07")
    story.report("b", later, published="2026-09-08")
    story.say("a", first, first_status, actors=first_actors, source=first_source,
              source_kind="named" if first_source else "anonymous")
    story.say("b", later, later_status, actors=later_actors, source=later_source,
              source_kind="named" if later_source else "anonymous")
    return story


def _found(story: SeaStory) -> list[tuple[str, list[str]]]:
    return [(c.kind, [s.doc for s in c.sides]) for c in find_conflicts(story.corpus())]


def test_a_claim_before_its_closing_source_is_what_is_claimed():
    assert claimed_clause("The vessel, the Kassumai, had been fishing inside the zone without a licence, the navy "
                          "said in a statement read on state radio.") == \
        "The vessel, the Kassumai, had been fishing inside the zone without a licence"
    assert claimed_clause("No shots were fired during the boarding, a navy spokesman, Captain Ndiaye, told reporters "
                          "in Dakar.") == "No shots were fired during the boarding"
    assert claimed_clause("None of the volunteers had been admitted to intensive care, the state health secretariat "
                          "said on Tuesday, adding that all three were stable.") == \
        "None of the volunteers had been admitted to intensive care"
    # a relative clause or a verb after the comma is no source: the frame's own words stay what is claimed
    assert claimed_clause("The ministry, which runs the port, said it would reopen on Monday.") == \
        "it would reopen on Monday"
    assert claimed_clause("Reports that a second rider from the team, Sierra Norte, had failed a test could not be "
                          "verified.") != "Reports that a second rider from the team"


def test_a_doubt_or_denial_added_at_the_end_is_about_the_claim_before_it():
    text = "Fishermen said a second trawler had escaped the patrol by sailing south, though no official would confirm it."
    assert DOUBT.search(text)
    assert claimed_clause(text) == "a second trawler had escaped the patrol by sailing south"
    assert claimed_clause("The army said it had retaken the town, but the claim could not be verified.") == \
        "it had retaken the town"


def test_denials_in_other_words_are_denials_aimed_at_their_clause():
    refuted = "The fisheries ministry categorically refuted on Tuesday that the trawler had been fishing in its waters."
    assert DENIAL.search(refuted)
    assert claimed_clause(refuted) == "the trawler had been fishing in its waters"
    quoted = ('"There is no truth whatsoever in the suggestion that inspectors warned us about the supports," said '
              "Abena Mensah, a spokeswoman for the operator, on Monday.")
    assert DENIAL.search(quoted)
    assert claimed_clause(quoted) == "inspectors warned us about the supports"
    assert DENIAL.search("The ministry said the report was not true.")
    closing = "The company denied that any blasting had taken place in the shaft, a spokeswoman, Abena Mensah, said."
    assert claimed_clause(closing) == "any blasting had taken place in the shaft"
    # "admitted to hospital" frames nothing; "admitted to having" does
    assert claimed_clause("Three volunteers were admitted to hospital in Recife on Sunday.") == \
        "Three volunteers were admitted to hospital in Recife on Sunday."
    assert not DENIAL.search("The union rejected the proposal on Monday.")


def test_a_claim_refuted_in_new_words_is_a_status_conflict_whatever_its_without():
    story = _two("The trawler had been fishing inside Senegal's exclusive economic zone without a licence, the navy "
                 "said in a statement.", "reported",
                 "Guinea-Bissau's fisheries ministry categorically refuted on Tuesday that the trawler had been "
                 "fishing inside Senegal's exclusive economic zone.", "denied",
                 first_source="kb:SEN", later_source="kb:GNB", first_actors=("kb:SEN",),
                 later_actors=("kb:GNB", "kb:SEN"))
    assert _found(story) == [("status", ["a", "b"])]


def test_none_fired_against_warning_shots_fired_is_a_negation():
    story = _two("A crew member said the sailors fired warning shots over the bridge before they climbed aboard.",
                 "reported", "No shots were fired during the boarding, a navy spokesman told reporters in Dakar.",
                 "negated")
    assert _found(story) == [("negation", ["a", "b"])]
    other = _two("A crew member said the sailors fired warning shots over the bridge before they climbed aboard.",
                 "reported", "No fish were landed during the boarding, a navy spokesman told reporters in Dakar.",
                 "negated")
    assert _found(other) == []


def test_one_body_under_a_short_and_a_full_name_denies_then_concedes_an_evolution():
    story = _two("Veridia denied that any volunteer had reported side effects before the second phase began.", "denied",
                 "Veridia Biologics conceded on Tuesday that two volunteers had reported side effects before the "
                 "second phase began.", "confirmed",
                 first_source="local:organization:veridia", later_source="local:organization:veridia-biologics",
                 first_actors=("local:organization:veridia",), later_actors=("local:organization:veridia-biologics",))
    assert _found(story) == [("evolution", ["a", "b"])]
    # a body whose name only begins like the other's is another body: a clash between sources
    story = _two("Veridia Health Ministry denied that any volunteer had reported side effects before the second "
                 "phase began.", "denied",
                 "Veridia Biologics conceded on Tuesday that two volunteers had reported side effects before the "
                 "second phase began.", "confirmed",
                 first_source="local:organization:veridia-health-ministry",
                 later_source="local:organization:veridia-biologics",
                 first_actors=("local:organization:veridia-health-ministry",),
                 later_actors=("local:organization:veridia-biologics",))
    assert _found(story) == [("status", ["b", "a"])]


def test_a_quotation_closed_before_a_comma_ends_the_negated_clause():
    text = ('The minister said "the army did not enter the border villages", and the mayors had fled before the '
            "flooding.")
    assert "mayors" not in claimed_clause(text)
    # a participle after a determiner is no frame
    warned = "The navy warned that the fleets would withdraw from the disputed waters within a week."
    assert claimed_clause(warned) == warned


def test_a_denial_is_paired_with_the_claim_that_makes_it_its_main_claim():
    story = SeaStory()
    story.report("a", "The navy said it had information that the zone was closed, and that patrol boats were planning to "
                 "board trawlers near the estuary.", "The navy also said patrol boats were preparing to board trawlers "
                 "in the disputed waters.", published="2026-09-07")
    story.report("b", "Guinea-Bissau rejected as false the claims that patrol boats were planning to board trawlers.",
                 published="2026-09-08")
    story.say("a", "The navy said it had information that the zone was closed, and that patrol boats were planning to "
              "board trawlers near the estuary.", "reported", actors=("kb:SEN",), source="kb:SEN", source_kind="named")
    story.say("a", "The navy also said patrol boats were preparing to board trawlers in the disputed waters.",
              "reported", actors=("kb:SEN",), source="kb:SEN", source_kind="named")
    story.say("b", "Guinea-Bissau rejected as false the claims that patrol boats were planning to board trawlers.",
              "denied", actors=("kb:GNB", "kb:SEN"), source="kb:GNB", source_kind="named")
    conflicts = find_conflicts(story.corpus())
    assert [c.kind for c in conflicts] == ["status"]
    assert conflicts[0].sides[0].text.startswith("The navy also said patrol boats were preparing")


def test_an_accusation_of_spreading_false_information_is_no_denial():
    assert not DENIAL.search('The ministry accused the broadcaster of spreading "false information" about the port.')
    assert not DENIAL.search("The army said the attack was a false flag operation.")
    assert DENIAL.search("The ministry called the report false.")
    assert DENIAL.search("The company dismissed the story as fake news.")


def test_a_negation_does_not_reach_the_next_coordinated_clause():
    from storyline.analysis.conflict_match import _negation_reaches
    text = "The council refused to condemn the strike, and continued to support the union with loans."
    assert not _negation_reaches(text, "support")
    assert _negation_reaches(text, "condemn")
    assert _negation_reaches("The council did not support the union.", "support")
    assert _negation_reaches("The navy denied that its boats had boarded the trawler.", "boarded")


def test_a_plain_negation_of_another_partys_act_is_no_conflict_even_in_one_claim():
    def story(agent: str) -> SeaStory:
        s = _two("The Senegalese admiral has met the Guinean fisheries minister twice since the seizure.", "asserted",
                 "He said he had not met the Guinean fisheries minister since the seizure.", "negated",
                 later_source="kb:GNB", first_actors=("kb:SEN", "kb:GNB"), later_actors=("kb:GNB",))
        first, later = s.records["statements"]
        first.agent, later.agent = "kb:SEN", agent
        first.cluster = later.cluster = "claim-1"  # grouped as one claim: the parties still differ
        return s
    assert _found(story("he")) == []
    assert _found(story("kb:SEN")) == [("negation", ["a", "b"])]


def test_a_forecast_reported_as_a_claim_is_not_contradicted_by_an_earlier_negation():
    forecast = "The navy warned that the fishing fleets would withdraw from the disputed waters within a week."
    negation = "The fishing fleets have not withdrawn from the disputed waters, the fisheries ministry said."
    earlier = _two(negation, "negated", forecast, "reported", first_source="kb:GNB", later_source="kb:SEN",
                   first_actors=("kb:GNB", "kb:SEN"), later_actors=("kb:SEN", "kb:GNB"))
    assert _found(earlier) == []
    # the same claim without "would" is contradicted
    claim = _two(negation, "negated", forecast.replace("would withdraw", "withdrew"), "reported", first_source="kb:GNB",
                 later_source="kb:SEN", first_actors=("kb:GNB", "kb:SEN"), later_actors=("kb:SEN", "kb:GNB"))
    assert [kind for kind, _ in _found(claim)] == ["negation"]


MUSEUMS = [Entity("local:organization:casa-ribeira", "Casa Ribeira", "organization"),
           Entity("local:organization:soares-house", "Soares House", "organization"),
           Entity("kb:ISL", "Iceland", "state"), Entity("kb:NOR", "Norway", "state")]


class MuseumStory(Story):
    ENTITIES = MUSEUMS


def _the_body_twice(first_lead: str, later_lead: str, body: str = "museum", names=(), same_report: bool = False):
    """"The museum denied ..." in one report and "The museum acknowledged ..." in another (or the same), each
    after a lead sentence; ``names``: (doc, surface, entity, type) mentions placed in the leads."""
    from storyline.models import Mention

    denial = f"The {body} denied on Sunday that its security staff had been cut last year."
    concession = f"The {body} acknowledged on Wednesday that it had cut its security staff last year."
    story = MuseumStory()
    if same_report:
        story.report("a", first_lead, denial, concession, published="2026-02-08")
    else:
        story.report("a", first_lead, denial, published="2026-02-08")
        story.report("b", later_lead, concession, published="2026-02-11")
    later = "a" if same_report else "b"
    story.say("a", denial, "denied", actors=(), source_text=f"the {body}", source_kind="named")
    story.say(later, concession, "confirmed", actors=(), source_text=f"the {body}", source_kind="named")
    for doc, surface, entity, kind in names:
        story.records["mentions"].append(Mention(doc, *story.at(doc, surface), surface, "ORG", entity, kind))
    return story


def test_the_body_of_two_reports_is_one_voice_only_when_both_name_the_same_body_before_it():
    one = _the_body_twice("Thieves broke into the Casa Ribeira museum in Porto early on Sunday.",
                          "Police found one of the paintings taken from the Casa Ribeira museum.",
                          names=[("a", "Casa Ribeira", "local:organization:casa-ribeira", "organization"),
                                 ("b", "Casa Ribeira", "local:organization:casa-ribeira", "organization")])
    assert _found(one) == [("evolution", ["a", "b"])]
    assert find_conflicts(one.corpus())[0].summary.startswith("The museum denied it")
    # two museums, each report's own: two voices, a clash between sources, never one body's changed account
    two = _the_body_twice("Thieves broke into the Casa Ribeira museum in Porto early on Sunday.",
                          "Thieves also raided the Soares House museum in Braga.",
                          names=[("a", "Casa Ribeira", "local:organization:casa-ribeira", "organization"),
                                 ("b", "Soares House", "local:organization:soares-house", "organization")])
    assert _found(two) == [("status", ["b", "a"])]
    # neither report says which museum: in a corpus of many stories that is no one voice
    none = _the_body_twice("Thieves broke into a museum early on Sunday.", "Police found one of the paintings.")
    assert _found(none) == [("status", ["b", "a"])]
    # within one report "the museum" twice is one voice, named or not: never a clash with itself
    assert _found(_the_body_twice("Thieves broke into a museum early on Sunday.", "", same_report=True)) == []


def test_a_ministry_is_known_by_the_state_whose_ministry_it_is_not_by_a_name_before_a_verb():
    same = _the_body_twice("Iceland's fisheries ministry opened an inquiry.", "Iceland's fisheries ministry spoke.",
                           body="ministry", names=[("a", "Iceland", "kb:ISL", "state"), ("b", "Iceland", "kb:ISL", "state")])
    assert [k for k, _ in _found(same)] == ["evolution"]
    other = _the_body_twice("Iceland's fisheries ministry opened an inquiry.", "Norway's fisheries ministry spoke.",
                            body="ministry", names=[("a", "Iceland", "kb:ISL", "state"), ("b", "Norway", "kb:NOR", "state")])
    assert [k for k, _ in _found(other)] == ["status"]
    # "Iceland said the ministry ...": a name followed by a verb is not what "the ministry" names
    said = _the_body_twice("Iceland said the ministry opened an inquiry.", "Iceland said the ministry spoke.",
                           body="ministry", names=[("a", "Iceland", "kb:ISL", "state"), ("b", "Iceland", "kb:ISL", "state")])
    assert [k for k, _ in _found(said)] == ["status"]


def test_a_rejected_assessment_or_a_claim_rejected_by_someone_is_a_denial():
    assert DENIAL.search("The regulator rejected the assessment that the dam had been poorly maintained.")
    assert DENIAL.search("The airline dismissed the conclusions that its pilots had ignored the warnings.")
    assert DENIAL.search("The board refuted the explanation that the turbines had failed in the cold.")
    assert DENIAL.search("The miners said the roof had collapsed, a claim firmly rejected by the operator.")
    assert DENIAL.search("The strikers spoke of intimidation, allegations dismissed by the haulage firm.")
    # what is rejected is no claim, or is rejected by no one it names
    assert not DENIAL.search("The pay offer was rejected by the union on Friday.")
    assert not DENIAL.search("The council rejected the assessment schedule proposed by the inspectors.")
    assert not DENIAL.search("The plan was dismissed by a court as too vague.")


def test_a_claim_told_with_its_rejection_by_another_party_meets_the_claim_made_elsewhere():
    claim = "Dock workers said the crane had toppled because its brakes were worn."
    told = "The dockers' union claimed that the crane had toppled because its brakes were worn, " \
           "a claim flatly rejected by the port operator."
    found = _found(_two(claim, "reported", told, "reported"))
    assert found == [("status", ["a", "b"])]
    # a claim told with no rejection is no conflict
    plain = "The dockers' union claimed that the crane had toppled because its brakes were worn."
    assert _found(_two(claim, "reported", plain, "reported")) == []


def test_an_assessment_rejected_is_a_denial_of_the_account_it_names():
    claim = "Inspectors said the flooding had started in a drainage tunnel beside the pump station."
    rejected = "The mine's owner rejected the assessment that the flooding had started in the tunnel."
    assert _found(_two(claim, "reported", rejected, "reported")) == [("status", ["a", "b"])]
    assert _found(_two(claim, "reported", "The mine's owner accepted the assessment that the flooding had started "
                                          "in the tunnel.", "reported")) == []
