"""Conflict shapes written in other words: a state that outlasted a forecast of its end, a short clause
against a forecast, a cause in other words, and an accusation answered in another report."""

from __future__ import annotations

from storyline.analysis.conflict_pairs import ANAPHORIC_DENIAL
from storyline.analysis.conflicts import find_conflicts
from storyline.analysis.entities import Entity
from storyline.analysis.lasting import persisted_state
from storyline.analysis.wording import stem
from storyline.models import Mention

from tests.analysis.test_conflicts import Story

BORDER = [Entity("kb:PER", "Peru", "state"), Entity("kb:ECU", "Ecuador", "state"),
          Entity("local:organization:defence-ministry", "Defence Ministry", "organization"),
          Entity("local:organization:charity", "Sahel Water Partnership", "organization")]


class BorderStory(Story):
    ENTITIES = BORDER


def _pair(first: str, first_status: str, later: str, later_status: str, *, first_kind="fact", later_kind="fact",
          dates=("2026-11-10", "2026-11-12"), first_date=None, later_date=None, first_actors=(), later_actors=(),
          first_source=None, later_source=None) -> BorderStory:
    story = BorderStory()
    story.report("a", first, published=dates[0])
    story.report("b", later, published=dates[1])
    story.say("a", first, first_status, actors=first_actors, kind=first_kind, date=first_date, source=first_source,
              source_kind="named" if first_source else "author")
    story.say("b", later, later_status, actors=later_actors, kind=later_kind, date=later_date, source=later_source,
              source_kind="named" if later_source else "author")
    return story


def _found(story: Story) -> list[tuple[str, list[str]]]:
    return [(c.kind, [s.doc for s in c.sides]) for c in find_conflicts(story.corpus())]


def test_a_lasting_state_is_read_with_its_subject_and_the_changes_it_rules_out():
    subject, ended = persisted_state("The Aguas Verdes crossing remained closed on Thursday, traders said.")
    assert subject == stem("crossing") and stem("reopen") in ended
    subject, ended = persisted_state("The remaining hostages were still being held on Monday, the charity said.")
    assert subject == stem("hostages") and stem("freed") in ended
    assert persisted_state("The talks remained difficult, diplomats said.") is None
    assert persisted_state("No hostage was still held on Monday.") is None


def test_a_state_that_outlasted_a_forecast_of_its_end_negates_the_forecast():
    forecast = "The border crossing was expected to reopen on Wednesday."
    later = "The border crossing remained closed on Thursday, with lorries queuing for miles."
    story = _pair(forecast, "expected", later, "asserted", first_kind="prediction", first_date="2026-11-11",
                  later_date="2026-11-12")
    assert _found(story) == [("negation", ["a", "b"])]
    # reported before the day it was due: not reopened yet is no contradiction
    story.documents["b"]["published"] = "2026-11-10"
    assert _found(story) == []


def test_a_lasting_state_of_something_else_or_against_a_plain_claim_is_no_conflict():
    other = _pair("The border crossing was expected to reopen on Wednesday.", "expected",
                  "The village school remained closed on Thursday.", "asserted", first_kind="prediction")
    assert _found(other) == []
    # a lasting state meets only a forecast of its end, not a claim that shares its words
    plain = _pair("The border crossing reopened to lorries on Tuesday, traders said.", "reported",
                  "The border crossing remained closed to buses on Thursday.", "asserted")
    assert _found(plain) == []


def test_a_scheduled_release_overtaken_by_captives_still_held_is_a_negation():
    story = _pair("Mediators expected the remaining hostages to be freed by Sunday.", "expected",
                  "The remaining hostages were still being held on Monday, Sahel Water Partnership said.", "reported",
                  dates=("2026-03-14", "2026-03-16"), later_actors=("local:organization:charity",),
                  later_source="local:organization:charity")
    assert _found(story) == [("negation", ["a", "b"])]


def test_a_forecast_with_a_short_subject_is_negated_by_a_later_report_that_it_is_not_done():
    story = _pair("The team's director said the B sample would be analysed by Friday.", "expected",
                  "The B sample had not been analysed by Saturday, the laboratory said.", "negated",
                  first_kind="prediction", dates=("2026-06-02", "2026-06-06"), first_date="2026-06-05")
    assert _found(story) == [("negation", ["a", "b"])]


def test_a_cause_denied_in_other_words_is_a_status_conflict():
    assert stem("blame") == stem("caused") and stem("paid") == stem("payment")
    story = _pair("The rider's lawyer said a contaminated vitamin supplement had caused the positive result.",
                  "reported", "The agency rejected the claim that a contaminated supplement was to blame.", "denied",
                  dates=("2026-06-03", "2026-06-06"))
    assert _found(story) == [("status", ["a", "b"])]


def test_a_denial_that_names_what_it_denies_is_not_aimed_at_the_sentence_before_it():
    assert ANAPHORIC_DENIAL.search("The ministry rejected the accusations.")
    assert not ANAPHORIC_DENIAL.search("The agency rejected the claim that a contaminated supplement was to blame.")


ACCUSATION = "Peru accused Ecuadorian soldiers of opening fire on its border post without warning."
ANSWER = ("Ecuador's Defence Ministry rejected the accusation, saying its patrol had come under fire from the "
          "Peruvian side of the canal.")


def _answered(accusation: str, answer: str = ANSWER, accused=("kb:PER", "kb:ECU")) -> BorderStory:
    story = _pair(accusation, "reported", answer, "denied", dates=("2026-11-10", "2026-11-10"), first_actors=accused,
                  first_source="kb:PER", later_actors=("kb:ECU", "kb:PER"),
                  later_source="local:organization:defence-ministry")
    story.records["statements"][1].source_text = "Ecuador's Defence Ministry"
    story.records["mentions"].append(Mention("b", *story.at("b", "Ecuador"), "Ecuador", "GPE", entity="kb:ECU",
                                             type="state"))
    return story


def test_an_accusation_answered_in_another_report_by_the_accused_is_a_negation():
    assert _found(_answered(ACCUSATION)) == [("negation", ["a", "b"])]


def test_a_rejected_accusation_about_another_act_or_by_a_party_not_named_is_no_conflict():
    assert _found(_answered("Peru accused Ecuadorian officials of smuggling rice across the border.")) == []
    # Ecuador is not among those accused: its rejection answers another accusation
    assert _found(_answered("Peru accused Bolivian smugglers of opening fire on its border post.",
                            accused=("kb:PER",))) == []
    # "denied those claims" while accusing someone else of something is no answer to an accusation
    assert _found(_answered(ACCUSATION, "Ecuador denied those claims and accused Peru of firing across the canal.")) \
        == []
    # a word of the act only in who denies ("Ecuador's border fire brigade rejected the accusation") is no answer
    assert _found(_answered(ACCUSATION, "Ecuador's border post fire brigade rejected the accusation.")) == []


def test_a_quotation_closed_before_its_frame_is_what_is_claimed():
    from storyline.analysis.clauses import claimed_clause

    assert claimed_clause("“The port will reopen on Monday,” the harbour master said on Sunday.") == \
        "The port will reopen on Monday"
    assert claimed_clause('"Troops are preparing to cross the river," said the governor at a briefing in the capital.') \
        == "Troops are preparing to cross the river"
    assert claimed_clause("The governor said troops were preparing to cross the river.") == \
        "troops were preparing to cross the river"


def test_a_denial_names_the_doer_in_other_words_than_the_claim():
    claim = "Peru's trade ministry said on Monday that Ecuador had barred Peruvian trawlers from landing shrimp at its ports."
    denial = "Ecuador's trade ministry categorically rejects the claim that Peruvian vessels had been barred from its ports."
    both = ("kb:PER", "kb:ECU")
    story = _pair(claim, "reported", denial, "denied", first_actors=both, later_actors=both,
                  first_source="kb:PER", later_source="kb:ECU")
    assert _found(story) == [("status", ["a", "b"])]
    # another act done to the vessels at the ports is no denial of the ban
    other = _pair(claim, "reported", denial.replace("barred from", "inspected at"), "denied", first_actors=both,
                  later_actors=both, first_source="kb:PER", later_source="kb:ECU")
    assert _found(other) == []
