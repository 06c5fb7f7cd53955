"""Conflicts worded as wire reports word them: a doubt aimed back at the figures just relayed ("The figures could
not be independently verified"), an accusation and its denial told in one sentence and answered in another
report, and a denial whose clause ends where its source goes on to say something else ("and says")."""

from __future__ import annotations

from storyline.analysis.clauses import claimed_clause
from storyline.analysis.conflict_match import ANAPHORIC_DOUBT
from storyline.analysis.conflicts import accused_claims, find_conflicts, statement_props

from tests.analysis.test_conflicts import Story

CLAIM = "The harbour authority claims that 340 containers fell overboard during the storm."


def _doubted(claim: str, doubt: str, *, source: str | None = "kb:USA", between: str = "") -> Story:
    story = Story()
    story.report("a", *(x for x in (claim, between, doubt) if x), published="2026-02-03")
    story.say("a", claim, "reported", actors=("kb:USA",), source=source, source_kind="named" if source else "author")
    if between:
        story.say("a", between, "asserted", actors=())
    story.say("a", doubt, "unconfirmed", actors=())
    return story


def test_a_doubt_of_the_figures_just_relayed_is_a_status_conflict_citing_both_sentences():
    conflicts = find_conflicts(_doubted(CLAIM, "The figures could not be independently verified.").corpus())
    assert [c.kind for c in conflicts] == ["status"]
    assert [s.text for s in conflicts[0].sides] == [CLAIM, "The figures could not be independently verified."]


def test_a_doubt_of_the_figures_meets_only_a_relayed_claim_right_before_it():
    # the report's own account is not "the figures" a source gave
    own = _doubted("340 containers fell overboard during the storm.", "The figures could not be verified.", source=None)
    assert find_conflicts(own.corpus()) == []
    # another sentence between them: the doubt is aimed at that one, which claims nothing a source gave
    apart = _doubted(CLAIM, "The figures could not be verified.", between="The port reopened on Tuesday morning.")
    assert find_conflicts(apart.corpus()) == []


def test_only_a_doubt_that_names_none_of_the_claims_words_is_aimed_back():
    for text in ("The figures could not be independently verified.", "This could not be independently confirmed.",
                 "Reuters could not independently verify the claims.", "But the claim cannot be verified.",
                 "There was no independent confirmation of the reports."):
        assert ANAPHORIC_DOUBT.match(text), text
    for text in ("The figures were confirmed by the ministry.", "The ministry could not confirm that ships sank.",
                 "Officials could not verify whether the ship sank.", "The army has not confirmed the deaths."):
        assert not ANAPHORIC_DOUBT.match(text), text


ACCUSED = "The fishermen's union accuses the harbour authority of hiding the spill, something the authority has denied."
DENIAL = "The harbour authority denies hiding the spill and says its divers found no leak."


def _accused(denial: str) -> Story:
    story = Story()
    story.report("a", ACCUSED, published="2026-02-03")
    story.report("b", denial, published="2026-02-05")
    story.say("a", ACCUSED, "denied", actors=("kb:USA",))
    story.say("b", denial, "denied", actors=("kb:USA",), source="kb:USA", source_kind="named")
    return story


def test_an_accusation_told_with_its_denial_is_the_accusers_claim_that_another_report_denies():
    story = _accused(DENIAL)
    claims = accused_claims(statement_props(story.corpus()))
    assert [(p.status, p.clause) for p in claims] == [("reported", "the harbour authority hiding the spill")]
    conflicts = find_conflicts(story.corpus())
    assert [c.kind for c in conflicts] == ["negation"]
    assert {s.doc for s in conflicts[0].sides} == {"a", "b"}


def test_the_accusers_speak_the_accusation_not_the_party_the_frame_names():
    # the parse may credit the whole sentence to the party that denies it: the accusation is still the union's
    story = _accused(DENIAL)
    story.records["statements"][0].source = "kb:USA"
    story.records["statements"][0].source_kind = "named"
    claims = accused_claims(statement_props(story.corpus()))
    assert [(p.record.source, p.record.source_text) for p in claims] == [(None, "The fishermen's union")]
    assert [c.kind for c in find_conflicts(story.corpus())] == ["negation"]
    passive = Story()
    text = "The harbour authority has been accused of hiding the spill, which it denies."
    passive.report("a", text, published="2026-02-03")
    passive.say("a", text, "denied", actors=("kb:USA",))
    assert [(p.record.source_text, p.clause) for p in accused_claims(statement_props(passive.corpus()))] \
        == [(None, "hiding the spill")]


def test_an_accusation_told_with_its_denial_meets_no_denial_of_something_else():
    assert find_conflicts(_accused("The harbour authority denies raising the mooring fees this winter.").corpus()) == []
    # alone, the sentence is no conflict with itself
    story = Story()
    story.report("a", ACCUSED, published="2026-02-03")
    story.say("a", ACCUSED, "denied", actors=("kb:USA",))
    assert find_conflicts(story.corpus()) == []


def test_a_denied_clause_ends_where_its_source_goes_on_to_say_something_else():
    assert claimed_clause("The mill denies plans to close and says its owners are looking for a buyer.") \
        == "plans to close"
    assert claimed_clause(DENIAL) == "hiding the spill"


TERMED = "The mining group calls the new levy a temporary contribution to the rebuilding fund."


def _rebutted(claim: str, rebuttal: str, *, status: str = "denied", between: str = "") -> Story:
    """A claim a party makes in the report's own voice, and the next sentence's rebuttal naming none of its words."""
    story = Story()
    story.report("a", *(x for x in (claim, between, rebuttal) if x), published="2026-05-12")
    story.say("a", claim, "asserted", actors=())
    if between:
        story.say("a", between, "asserted", actors=())
    story.say("a", rebuttal, status, actors=(), source_text="Provincial councillors", source_kind="named")
    return story


def test_a_rebuttal_with_its_source_first_answers_a_party_s_word_relayed_right_before_it():
    rebuttal = "Provincial councillors say this is a baseless excuse for a permanent tax."
    conflicts = find_conflicts(_rebutted(TERMED, rebuttal).corpus())
    assert [c.kind for c in conflicts] == ["status"]
    assert [s.text for s in conflicts[0].sides] == [TERMED, rebuttal]
    # "That is a lie" and "This information is incorrect" after "X has said ..." rebut it too
    said = "The shipping line has said its ferries stayed in port throughout the storm."
    for text in ("That is a lie.", "This information is incorrect."):
        assert [c.kind for c in find_conflicts(_rebutted(said, text).corpus())] == ["status"], text


def test_a_rebuttal_meets_only_a_party_s_word_right_before_it():
    rebuttal = "Provincial councillors say this is a baseless excuse for a permanent tax."
    # the report's own account names no party that said it: no claim of someone the rebuttal answers
    own = "The new levy took effect on Monday across the province."
    assert find_conflicts(_rebutted(own, rebuttal).corpus()) == []
    # another sentence between them: the rebuttal answers that one
    between = "The levy applies to every mine in the province."
    assert find_conflicts(_rebutted(TERMED, rebuttal, between=between).corpus()) == []
    # a rebuttal that names what it rebuts ("it is not true that P") is matched on P, not aimed back
    named = "Councillors said it is not true that the levy doubles the royalty rate."
    assert find_conflicts(_rebutted(TERMED, named, status="negated").corpus()) == []
    # a false alarm rebuts nothing
    assert find_conflicts(_rebutted(TERMED, "Councillors said it was a false alarm.", status="negated").corpus()) == []


def test_a_denial_of_those_claims_answers_a_claim_relayed_as_a_noun_s_content_right_before_it():
    concern = ("The talks open amid warnings from the opposition that the port authority is selling berths to a "
               "foreign operator.")
    denial = "The port authority has denied those claims and says every berth stays in public hands."
    story = _rebutted(concern, denial)
    conflicts = find_conflicts(story.corpus())
    assert [c.kind for c in conflicts] == ["status"]
    assert [s.text for s in conflicts[0].sides] == [concern, denial]
    # the report's own account of the talks is no claim "those claims" answer
    own = "The talks open on Monday in the port authority's headquarters."
    assert find_conflicts(_rebutted(own, denial).corpus()) == []


def test_a_flat_rebuttal_typed_an_opinion_still_answers_the_claim_before_it():
    rebuttal = "Provincial councillors say this is a baseless excuse for a permanent tax."
    story = _rebutted(TERMED, rebuttal)
    story.records["statements"][-1].kind = "opinion"  # "baseless" reads as a judgement
    assert [c.kind for c in find_conflicts(story.corpus())] == ["status"]
    # an opinion that judges, with no rebuttal of what was said before it, is still no claim
    judged = "Provincial councillors say the levy is a baseless burden on small mines."
    story = _rebutted(TERMED, judged)
    story.records["statements"][-1].kind = "opinion"
    assert find_conflicts(story.corpus()) == []


def test_a_claim_and_its_rejection_in_one_sentence_give_the_claimants_claim():
    story = Story()
    told = "The drivers' union claimed that the depot had cut the night shift, a claim rejected by the depot."
    story.report("a", told, published="2026-02-03")
    story.say("a", told, "denied", actors=("kb:USA",))
    claims = accused_claims(statement_props(story.corpus()))
    assert [(p.status, p.clause, p.record.source_text) for p in claims] == \
        [("reported", "the depot had cut the night shift", "The drivers' union")]
    # a claim not rejected in the sentence gives none
    plain = Story()
    text = "The drivers' union claimed that the depot had cut the night shift."
    plain.report("a", text, published="2026-02-03")
    plain.say("a", text, "denied", actors=("kb:USA",))
    assert accused_claims(statement_props(plain.corpus())) == []
