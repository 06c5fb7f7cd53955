"""Conflicts: disagreeing figures, and a claim confirmed or stated in one report but doubted or denied in another."""

from __future__ import annotations

import random

import pytest

from storyline.analysis.conflicts import (
    JACCARD, JACCARD_WITH_EVENT, StatementMatcher, candidate_pairs, content_words, find_conflicts, statement_props,
)
from storyline.analysis.corpus import Corpus
from storyline.analysis.entities import Entity
from storyline.models import Cluster, Event, Figure, Statement
from storyline.store.records import record_id

from tests.analysis.stories import StoryBuilder

ENTITIES = [Entity("kb:PRK", "North Korea", "state"), Entity("kb:RUS", "Russia", "state"),
            Entity("kb:USA", "United States", "state"), Entity("kb:UKR", "Ukraine", "state")]


class Story(StoryBuilder):
    """Hand-written reports with records placed on fragments of their text."""

    ENTITIES = ENTITIES

    def say(self, doc: str, fragment: str, status: str, actors=("kb:PRK",), **kw) -> Statement:
        s = Statement(doc, *self.at(doc, fragment), fragment, kw.pop("kind", "fact"), status, actors=list(actors), **kw)
        self.records["statements"].append(s)
        return s

    def event(self, doc: str, fragment: str, type: str, status: str = "asserted", actors=("kb:PRK",), **kw) -> Event:
        e = Event(doc, *self.at(doc, fragment), fragment, type, status=status, actors=list(actors), **kw)
        self.records["events"].append(e)
        return e


def kinds(conflicts) -> list[str]:
    return [c.kind for c in conflicts]


# -- figures ----------------------------------------------------------------------------


def _figure_story(second_stage: str | None, second_date: str) -> Story:
    story = Story()
    story.report("a", "Seoul says 3,000 of the North's troops are there.", published="2024-11-01")
    story.report("b", "Kyiv puts the number at 11,000.", published=second_date)
    story.records["figures"] += [
        Figure("a", *story.at("a", "3,000"), "3,000", 3000, counts="troops", subject="kb:PRK", attributed_text="Seoul"),
        Figure("b", *story.at("b", "11,000"), "11,000", 11000, counts="soldiers", subject="kb:PRK",
               attributed_text="Kyiv", stage=second_stage),
    ]
    return story


def test_contradicting_figures_give_a_figure_conflict_with_both_sentences():
    conflicts = find_conflicts(_figure_story(None, "2024-11-01").corpus())
    assert kinds(conflicts) == ["figure"]
    c = conflicts[0]
    assert c.assessment == "contradiction"
    assert [s.doc for s in c.sides] == ["b", "a"]  # the higher figure first
    assert c.sides[1].text.startswith("Seoul says") and "11,000" in c.summary and "3,000" in c.summary


def test_figures_of_two_bodies_at_different_stages_are_neither_a_contradiction_nor_a_revision():
    assert find_conflicts(_figure_story("potential", "2024-11-01").corpus()) == []


def test_one_bodys_later_figure_is_a_revision_not_a_conflict():
    story = _figure_story(None, "2024-11-03")
    story.records["figures"][1].attributed_text = "Seoul"
    assert find_conflicts(story.corpus()) == []


def test_agreeing_figures_or_a_single_report_give_no_figure_conflict():
    story = _figure_story(None, "2024-11-01")
    story.records["figures"][1].value = 3100
    assert find_conflicts(story.corpus()) == []
    one = Story()
    one.report("a", "At first 3,000 went.", "Later 11,000 may go.", published="2024-11-01")
    one.records["figures"] += [
        Figure("a", *one.at("a", "3,000"), "3,000", 3000, counts="troops", subject="kb:PRK", stage="initial"),
        Figure("a", *one.at("a", "11,000"), "11,000", 11000, counts="troops", subject="kb:PRK", stage="potential"),
    ]
    assert find_conflicts(one.corpus()) == []


# -- status and negation ------------------------------------------------------------------


def _presence_story(status_b: str, actors_b=("kb:PRK",), text_b: str | None = None, doc_b: str = "b") -> Story:
    story = Story()
    story.report("a", "Washington confirmed that troops from Pyongyang are present in the Kursk region.",
                 published="2024-11-01")
    text_b = text_b or "That troops from Pyongyang are present in the Kursk region is yet to be confirmed."
    if doc_b == "a":
        story.documents["a"]["text"] += " " + text_b
        end = len(story.documents["a"]["text"])
        story.sentences["a"].append((end - len(text_b), end))
    else:
        story.report(doc_b, text_b, published="2024-10-28")
    story.say("a", "troops from Pyongyang are present in the Kursk region", "confirmed", actors=("kb:PRK", "kb:USA"),
              source="kb:USA", source_kind="named")
    story.say(doc_b, text_b, status_b, actors=actors_b)
    return story


def test_confirmed_in_one_report_and_unconfirmed_in_another_is_a_status_conflict():
    conflicts = find_conflicts(_presence_story("unconfirmed").corpus())
    assert kinds(conflicts) == ["status"]
    c = conflicts[0]
    assert [s.doc for s in c.sides] == ["a", "b"]
    assert c.sides[0].text.startswith("Washington confirmed") and c.sides[1].text.endswith("yet to be confirmed.")
    assert c.summary == ("Confirmed by United States in Outlet A (2024-11-01); unconfirmed in Outlet B (2024-10-28): "
                         "“troops from Pyongyang are present in the Kursk region”")


def test_a_hedge_is_speculation_not_a_doubt_so_it_never_conflicts():
    assert find_conflicts(_presence_story("possible").corpus()) == []
    story = _presence_story("possible")
    story.records["statements"][0].status = "asserted"
    assert find_conflicts(story.corpus()) == []


def test_in_combat_against_no_evidence_of_combat_is_a_status_conflict():
    story = Story()
    story.report("a", "Troops from Pyongyang are fighting in combat near Kursk.", published="2024-11-02")
    story.report("b", "There is no evidence that troops from Pyongyang are fighting in combat.", published="2024-11-02")
    story.say("a", "Troops from Pyongyang are fighting in combat near Kursk.", "asserted")
    story.say("b", "There is no evidence that troops from Pyongyang are fighting in combat.", "unconfirmed")
    assert kinds(find_conflicts(story.corpus())) == ["status"]


def test_no_status_conflict_without_a_shared_actor_or_shared_content_or_across_one_report():
    assert find_conflicts(_presence_story("unconfirmed", actors_b=("kb:UKR",)).corpus()) == []
    unrelated = "Grain exports from the port of Odesa have resumed after a long pause."
    assert find_conflicts(_presence_story("unconfirmed", text_b=unrelated).corpus()) == []
    assert find_conflicts(_presence_story("unconfirmed", doc_b="a").corpus()) == []


def test_confirmed_against_a_partys_denial_is_a_status_conflict_citing_exactly_both_sentences():
    denial = "Moscow denied that troops from Pyongyang are present in the Kursk region."
    story = _presence_story("denied", text_b=denial)
    conflicts = find_conflicts(story.corpus())
    assert kinds(conflicts) == ["status"] and "; denied in Outlet B (2024-10-28)" in conflicts[0].summary
    assert [s.text for s in conflicts[0].sides] == [story.documents["a"]["text"], denial]


def test_a_denial_written_only_in_the_text_is_found_without_a_denied_status():
    denial = "Moscow rejected as fake news the claim that troops from Pyongyang are present in the Kursk region."
    story = _presence_story("reported", text_b=denial)
    assert kinds(find_conflicts(story.corpus())) == ["status"]


def test_a_modal_negation_is_a_forecast_not_a_denial():
    hedge = "Troops from Pyongyang present in the Kursk region may not change the course of the war."
    assert find_conflicts(_presence_story("negated", text_b=hedge).corpus()) == []


def test_one_source_that_denies_then_acknowledges_is_an_evolution_not_a_contradiction():
    story = Story()
    story.report("a", "Moscow denied that troops from Pyongyang are present in the Kursk region.", published="2024-10-20")
    story.report("b", "Moscow acknowledged that troops from Pyongyang are present in the Kursk region.",
                 published="2024-11-05")
    story.say("a", story.documents["a"]["text"], "denied", actors=("kb:PRK", "kb:RUS"), source="kb:RUS",
              source_kind="named")
    story.say("b", story.documents["b"]["text"], "confirmed", actors=("kb:PRK", "kb:RUS"), source="kb:RUS",
              source_kind="named")
    conflicts = find_conflicts(story.corpus())
    assert [(c.kind, c.assessment) for c in conflicts] == [("evolution", "denied, then acknowledged")]
    assert [s.doc for s in conflicts[0].sides] == ["a", "b"] and conflicts[0].summary.startswith("Russia denied it")


def test_a_body_known_only_by_its_common_noun_in_two_reports_that_name_no_body_is_two_voices():
    def story_of(first: str, later: str) -> Story:
        story = Story()
        story.report("a", f"{first} denied on Sunday that its security staff had been cut last year.",
                     published="2026-02-08")
        story.report("b", f"{later} acknowledged on Wednesday that it had cut its security staff last year.",
                     published="2026-02-11")
        story.say("a", story.documents["a"]["text"], "denied", actors=(), source_text=first, source_kind="named")
        story.say("b", story.documents["b"]["text"], "confirmed", actors=(), source_text=later, source_kind="named")
        return story

    # two reports that never say which museum: in a corpus of many stories "the museum" of one report is not
    # that of another (test_conflict_wording: one voice when both name the same museum before it)
    assert kinds(find_conflicts(story_of("The museum", "The museum").corpus())) == ["status"]
    # two bodies, or people nobody names, are no one voice: the denial and the admission are two sources
    assert kinds(find_conflicts(story_of("The museum", "The gallery").corpus())) == ["status"]
    assert kinds(find_conflicts(story_of("Officials", "Officials").corpus())) == ["status"]


def test_a_syndicated_copy_adds_no_second_conflict():
    story = _presence_story("unconfirmed")
    text = story.documents["b"]["text"]
    story.report("c", text, published="2024-10-28")
    story.documents["c"]["duplicate_of"] = "b"
    story.say("c", text, "unconfirmed")
    assert kinds(find_conflicts(story.corpus())) == ["status"]


def test_statements_with_different_dates_do_not_conflict():
    story = _presence_story("negated", text_b="No troops from Pyongyang were present in the Kursk region in May.")
    story.records["statements"][0].date = "2024-10-30"
    story.records["statements"][1].date = "2024-05"
    assert find_conflicts(story.corpus()) == []


def test_statements_in_one_cluster_are_compared_without_shared_words():
    story = Story()
    story.report("a", "Pyongyang's soldiers have crossed into the war zone.", published="2024-11-01")
    story.report("b", "Officials dispute any such deployment.", published="2024-11-01")
    s1 = story.say("a", "Pyongyang's soldiers have crossed into the war zone.", "asserted")
    s2 = story.say("b", "Officials dispute any such deployment.", "denied", actors=())
    assert find_conflicts(story.corpus()) == []
    cluster = Cluster("c1", [record_id("s", s1), record_id("s", s2)], ["a", "b"])
    assert kinds(find_conflicts(story.corpus(), clusters=[cluster])) == ["status"]


def test_an_event_and_its_denial_are_a_negation_conflict_once():
    story = Story()
    story.report("a", "Pyongyang sent troops to Russia in October.", published="2024-11-01")
    story.report("b", "Pyongyang did not send troops to Russia.", published="2024-11-01")
    story.event("a", "Pyongyang sent troops to Russia", "MOBILIZE", recipients=["kb:RUS"])
    story.event("b", "Pyongyang did not send troops to Russia", "MOBILIZE", status="negated", recipients=["kb:RUS"])
    assert kinds(find_conflicts(story.corpus())) == ["negation"]
    # The same clash stated by the statements around the events is still one conflict.
    story.say("a", "Pyongyang sent troops to Russia in October.", "asserted")
    story.say("b", "Pyongyang did not send troops to Russia.", "negated")
    assert kinds(find_conflicts(story.corpus())) == ["negation"]


def test_an_event_in_a_sentence_that_negates_something_else_is_not_denied():
    story = Story()
    story.report("a", "Pyongyang condemned Russia.", published="2024-11-01")
    story.report("b", "Pyongyang condemned Russia but refused to join the sanctions.", published="2024-11-01")
    story.event("a", "Pyongyang condemned Russia", "DISAPPROVE", recipients=["kb:RUS"], trigger="condemned")
    story.event("b", "Pyongyang condemned Russia but refused to join the sanctions", "DISAPPROVE", status="negated",
                recipients=["kb:RUS"], trigger="condemned")
    assert find_conflicts(story.corpus()) == []
    story.records["events"][1].trigger = None  # without a trigger the negated sentence still counts
    assert kinds(find_conflicts(story.corpus())) == ["negation"]


def test_events_of_different_types_or_places_do_not_conflict():
    story = Story()
    story.report("a", "Pyongyang sent troops to Russia.", published="2024-11-01")
    story.report("b", "Pyongyang did not attack Ukraine.", published="2024-11-01")
    story.event("a", "Pyongyang sent troops to Russia", "MOBILIZE", recipients=["kb:RUS"])
    story.event("b", "Pyongyang did not attack Ukraine", "ASSAULT", status="negated", recipients=["kb:UKR"])
    assert find_conflicts(story.corpus()) == []
    story.records["events"][1].type = "MOBILIZE"
    story.records["events"][0].location = "Kursk"
    story.records["events"][1].location = "Donetsk"
    assert find_conflicts(story.corpus()) == []


def test_content_words_drop_function_and_cue_words_and_stem_plurals():
    assert content_words("The soldiers were reportedly not deployed to the regions") == {"troop", "deploy", "region"}


SAME_CLAIM = [
    ("Moscow has deployed thousands of soldiers to the border.", "Moscow denied deploying troops to the border."),
    ("Rockets struck the power grid overnight.", "The ministry denied that rockets hit the power grid."),
    ("Their troops are fighting in combat near the river.", "There is no evidence their troops take part in combat."),
]
OTHER_CLAIM = [
    ("Their troops arrived at the river in October.", "They denied sending weapons abroad."),
    ("Rockets struck the power grid overnight.", "They denied plans to call up more reservists."),
    ("New sanctions were imposed on the banks.", "The troop numbers have not been confirmed."),
]


def test_the_jaccard_bar_separates_hand_written_claims():
    for (a, b), same in [(pair, True) for pair in SAME_CLAIM] + [(pair, False) for pair in OTHER_CLAIM]:
        story = Story()
        story.report("a", a, published="2024-11-01")
        story.report("b", b, published="2024-11-01")
        story.say("a", a, "asserted")
        story.say("b", b, "denied")
        p, q = statement_props(story.corpus())
        score = StatementMatcher([p, q]).score(p.words, q.words)
        assert (score >= JACCARD) if same else (score < JACCARD_WITH_EVENT), (a, b, score)


def test_conflict_ids_are_content_derived_and_stable_across_runs():
    first = find_conflicts(_presence_story("unconfirmed").corpus())
    second = find_conflicts(_presence_story("unconfirmed").corpus())
    assert [c.id for c in first] == [c.id for c in second] and first[0].id.startswith("x")


def test_matching_five_thousand_statements_across_a_thousand_reports_stays_near_linear():
    story = Story()
    rng = random.Random(3)
    vocabulary = ["".join(rng.choice("bcdfgklmnprstvz") + rng.choice("aeiou") for _ in range(3)) for _ in range(400)]
    actors = [f"kb:A{i}" for i in range(30)]
    statuses = ["asserted"] * 7 + ["reported", "unconfirmed", "denied"]
    for d in range(1000):
        doc = f"d{d:04d}"
        sentences = [" ".join(rng.sample(vocabulary, 8)) + "." for _ in range(5)]
        story.report(doc, *sentences, published=f"2024-{1 + d % 12:02d}-{1 + d % 28:02d}")
        for sentence in sentences:
            story.say(doc, sentence, rng.choice(statuses), actors=rng.sample(actors, 2))
    corpus = story.corpus()
    props = statement_props(corpus)
    pairs = candidate_pairs(props)
    conflicts = find_conflicts(corpus)
    probes = sum(p.status not in ("asserted", "reported", "confirmed") for p in props)
    # Each probe meets at most 2 * WINDOW neighbours in each of its (actor, word) blocks.
    assert len(pairs) <= probes * 2 * 8 * 2 * 25
    assert len(pairs) < len(props) * (len(props) - 1) / 20
    assert isinstance(conflicts, list)


def test_statements_match_on_a_shared_actor_and_enough_shared_rare_words():
    story = _presence_story("unconfirmed")
    p, q = statement_props(story.corpus())
    match = StatementMatcher([p, q])
    assert match(q, p)  # (doubt, claim)
    q.words = q.clause_words = frozenset({"grain", "port"})
    assert not match(q, p)
    # Words every statement shares weigh little: a topic word alone makes no match.
    many = [statement_props(_presence_story("unconfirmed").corpus())[0] for _ in range(20)]
    p.words, q.words = frozenset({"troop", "region", "grain"}), frozenset({"troop", "region", "port"})
    for other in many:
        other.words = frozenset({"troop", "region"})
    q.clause_words = q.words
    assert not StatementMatcher([p, q, *many])(q, p)


# -- the seed reports, with the real pipeline ------------------------------------------------

# The seeds carry no dates; these are plausible ones in their late-October to early-November
# 2024 window (seed 002 gives "Wednesday, October 30" itself). All fall after NATO's change of
# Secretary-General on 2024-10-01.
SEED_DATES = {"000": "2024-10-28", "001": "2024-10-29", "002": "2024-10-30", "003": "2024-11-04", "004": "2024-11-06"}


@pytest.fixture(scope="module")
def kb():
    from storyline.kb.lookup import load_kb

    return load_kb()


@pytest.fixture(scope="module")
def seed_corpus(seed_docs, kb):
    from storyline.analysis.entities import build_entities
    from storyline.nlp.pipeline import to_extraction

    documents, sentences = {}, {}
    records: dict[str, list] = {k: [] for k in ("mentions", "times", "quotes", "figures", "statements", "events")}
    for prefix, doc in sorted(seed_docs.items()):
        extraction = to_extraction(doc)
        documents[extraction.doc_id] = {"id": extraction.doc_id, "text": doc.text, "published": SEED_DATES[prefix],
                                        "outlet": f"seed {prefix}"}
        sentences[extraction.doc_id] = extraction.sentences
        for name, items in records.items():
            items.extend(getattr(extraction, name))
    entities, remap = build_entities(records["mentions"], kb)
    corpus = Corpus(documents=documents, sentences=sentences, entities=entities, kb=kb, **records)
    corpus.apply_remap(remap)
    return corpus


@pytest.mark.integration
def test_seed_troop_figures_form_one_table_of_north_korean_troops(seed_corpus):
    from storyline.analysis.figures import build_figure_tables

    table = next(t for t in build_figure_tables(seed_corpus) if t.measure == "troops (North Korea)")
    values = {r.value for r in table.rows}
    assert {1500, 3000, 10000, 12000} <= values
    assert any(r.value is None and r.low and r.low >= 1000 for r in table.rows)  # "thousands"
    assert len({r.doc for r in table.rows}) >= 3
    assert table.assessment in ("evolving estimate", "contradiction")


@pytest.mark.integration
def test_seed_report_naming_the_previous_nato_secretary_general_is_flagged(seed_corpus):
    conflicts = find_conflicts(seed_corpus)
    knowledge = [c for c in conflicts if c.kind == "knowledge"]
    assert any("Jens Stoltenberg" in c.summary and "Mark Rutte" in c.summary for c in knowledge)
    assert not any("names Mark Rutte" in c.summary for c in knowledge)
    # The seeds' troop estimates are undated or at different stages (a first wave, a later total):
    # their table lists each with its source, but no two count the same thing at one time.
    assert not any(c.kind == "figure" for c in conflicts)


def test_reports_far_apart_in_time_do_not_contradict_each_other():
    from storyline.analysis.conflicts import REPORT_WINDOW_DAYS, _reports_apart

    assert _reports_apart("2022-04-12", "2023-03-27")
    assert not _reports_apart("2024-04-26", "2024-05-01")
    assert not _reports_apart("2024-04-26T10:00:00", "2024-04-26")
    assert not _reports_apart("9999", "2024-05-01")  # an undated report may be from any time
    assert REPORT_WINDOW_DAYS >= 30  # a story followed over weeks keeps its disputes


# -- denials that name what they deny only by pointing at it -----------------------------------------


FLOOD = [Entity("kb:NGA", "Nigeria", "state"), Entity("local:organization:dam-authority", "Dam Authority", "organization")]


class FloodStory(Story):
    ENTITIES = FLOOD


def test_a_claim_denied_with_despite_what_it_said_is_a_status_conflict_citing_both_sentences():
    story = FloodStory()
    claim = "The Dam Authority said the spillway gates were closed on Sunday."
    denial = "Despite what the Dam Authority said about closing the spillway gates, they have not been closed, residents said."
    story.report("a", claim, published="2026-09-07")
    story.report("b", denial, published="2026-09-08")
    story.say("a", claim, "reported", actors=("local:organization:dam-authority",),
              source="local:organization:dam-authority", source_kind="named")
    story.say("b", denial, "negated", actors=("local:organization:dam-authority",), source_text="residents",
              source_kind="anonymous")
    conflicts = find_conflicts(story.corpus())
    assert [(c.kind, [s.doc for s in c.sides]) for c in conflicts] == [("status", ["a", "b"])]
    # Without the words of the claim it would be nothing: the clause after "about" is what is denied.
    story.records["statements"][0].text = claim.replace("spillway gates were closed", "levee held")
    story.documents["a"]["text"] = story.records["statements"][0].text
    story.records["statements"][0].end = len(story.documents["a"]["text"])
    story.sentences["a"] = [(0, len(story.documents["a"]["text"]))]
    assert find_conflicts(story.corpus()) == []


def test_a_denial_of_the_reports_just_before_it_is_a_conflict_between_two_voices_in_one_report():
    story = FloodStory()
    accusation = "Farmers accused the Dam Authority of releasing water without warning."
    denial = "The Dam Authority denied the reports."
    story.report("a", accusation, denial, "Rain is forecast to ease on Friday.", published="2026-09-08")
    story.say("a", accusation, "denied", actors=("local:organization:dam-authority",), cues=["accused", "denied"])
    story.say("a", denial, "denied", actors=(), source="local:organization:dam-authority", source_kind="named",
              cues=["denied"])
    story.say("a", "Rain is forecast to ease on Friday.", "asserted", actors=())
    conflicts = find_conflicts(story.corpus())
    # the accused says it did not happen: a negation, as the real-text gold marks it
    assert [(c.kind, [s.text for s in c.sides]) for c in conflicts] == [("negation", [accusation, denial])]


def test_a_denial_of_the_reports_after_an_unrelated_sentence_is_no_conflict():
    story = FloodStory()
    story.report("a", "Farmers accused the Dam Authority of releasing water without warning.",
                 "Schools reopened in the state capital.", "The Dam Authority denied the reports.", published="2026-09-08")
    story.say("a", "Farmers accused the Dam Authority of releasing water without warning.", "reported",
              actors=("local:organization:dam-authority",))
    story.say("a", "Schools reopened in the state capital.", "asserted", actors=())
    story.say("a", "The Dam Authority denied the reports.", "denied", actors=(),
              source="local:organization:dam-authority", source_kind="named")
    assert find_conflicts(story.corpus()) == []


def test_no_sign_of_what_a_claim_says_is_a_negation_but_one_shared_word_is_not():
    def story(doubt: str) -> FloodStory:
        s = FloodStory()
        claim = "Officials said floodwater had breached the main levee in Lokoja on Monday."
        s.report("a", claim, published="2026-09-07")
        s.report("b", doubt, published="2026-09-08")
        s.say("a", claim, "reported", actors=("kb:NGA",), source_text="officials", source_kind="anonymous")
        s.say("b", doubt, "negated", actors=("kb:NGA",), source_text="engineers", source_kind="anonymous")
        return s

    assert kinds(find_conflicts(story("Engineers in Lokoja said there was no sign of a breached levee.").corpus())) \
        == ["negation"]
    assert find_conflicts(story("Engineers in Lokoja said there was no sign of looting on Monday.").corpus()) == []
    assert find_conflicts(story("Engineers said there was no sign of the main levee work starting.").corpus()) == []


def test_a_negation_that_affirms_is_no_denial():
    story = FloodStory()
    story.report("a", "The governor said the state can still evacuate the riverside towns.", published="2026-09-07")
    story.report("b", "It is not too late to evacuate the riverside towns, the governor said.", published="2026-09-08")
    story.say("a", story.documents["a"]["text"], "reported", actors=("kb:NGA",))
    story.say("b", story.documents["b"]["text"], "negated", actors=("kb:NGA",))
    assert find_conflicts(story.corpus()) == []


# -- denials of a claim that names no actor, and what a denied clause must share ----------------------


def _recall_story(claim: str, denial: str, claim_date: str | None = None) -> Story:
    """A claim with no actor in one report, a company's denial in another (a medicine recall)."""
    story = Story()
    story.report("a", claim, published="2026-05-20")
    story.report("b", denial, published="2026-05-21")
    story.say("a", claim, "reported", actors=(), source_kind="named", date=claim_date)
    story.say("b", denial, "denied", actors=("kb:KLR",), date="2026-05-21")
    return story


def test_a_denial_that_the_thing_occurred_denies_the_thing():
    story = _recall_story("Inspectors said the tablets had been contaminated at the plant in Linz.",
                          "The drugmaker denied on Thursday that the contamination had occurred at its plant in Linz.")
    assert kinds(find_conflicts(story.corpus())) == ["status"]


def test_a_closing_before_the_collapse_is_when_not_what_is_denied():
    story = _recall_story("The union said inspectors had reported cracks in the bridge deck in March.",
                          "The operator denied that cracks had been reported in the bridge deck before the collapse.",
                          claim_date="2026-03")
    # "denied on ..." dates the denial, not the cracks: the claim's March is no reason to keep them apart
    assert kinds(find_conflicts(story.corpus())) == ["status"]


def test_a_denial_of_something_else_at_the_same_place_is_no_conflict():
    story = _recall_story("Inspectors said the tablets had been contaminated at the plant in Linz.",
                          "The drugmaker denied on Thursday that it had cut jobs at its plant in Linz.")
    assert find_conflicts(story.corpus()) == []


def test_a_denial_that_adds_detail_to_who_did_what_still_denies_the_claim():
    # The denied clause's leading words (who did what to whom) are all in the claim; "taken from the
    # mission school near Bukavu" is the denial's own detail.
    story = _recall_story("The provincial governor said soldiers had freed 30 hostages in a raid on Monday.",
                          "The army denied that its soldiers had freed any hostages taken from the mission school "
                          "near Bukavu.")
    assert kinds(find_conflicts(story.corpus())) == ["status"]
    # Another act by the same soldiers is not denied by it.
    story = _recall_story("The provincial governor said soldiers had burned 30 houses in a raid on Monday.",
                          "The army denied that its soldiers had freed any hostages taken from the mission school "
                          "near Bukavu.")
    assert find_conflicts(story.corpus()) == []


def test_a_claim_whose_actors_the_denial_does_not_name_still_meets_it():
    # The claim names a place as its source, the denial names no one: blocking on word pairs brings them together.
    story = Story()
    claim = "Elders in Mutare said the council had paid a bribe to the contractors to secure the tender."
    denial = "The mayor's office rejected as false reports that a bribe had been paid to secure the tender."
    story.report("a", claim, published="2026-06-01")
    story.report("b", denial, published="2026-06-02")
    story.say("a", claim, "reported", actors=("local:place:mutare",), source="local:place:mutare", source_kind="named")
    story.say("b", denial, "denied", actors=())
    assert kinds(find_conflicts(story.corpus())) == ["status"]


def test_claimed_clause_leaves_out_attribution_in_the_middle_and_a_later_clauses_that():
    from storyline.analysis.clauses import claimed_clause

    assert claimed_clause("The gunmen, a district official told reporters on Friday, belonged to a militia from the "
                          "hills, although that could not be verified.") == \
        "The gunmen belonged to a militia from the hills"
    assert claimed_clause("The virus has reached Laos, according to a statement from the Lao ministry, which said "
                          "four cases had been found.") == "The virus has reached Laos"
    assert claimed_clause("The mayor said there had been no looting in the old town and that shops would reopen.") \
        == "there had been no looting in the old town"
    assert claimed_clause("Prices rose sharply in Lima on Friday, traders said, after rumours warned that the mill "
                          "would close.") == "Prices rose sharply in Lima on Friday"
    # the frame's own "that" after a noun: still the claim
    assert claimed_clause("The union rejected as false the ministry's claim that the strike had ended.") == \
        "the strike had ended"


def test_an_accusation_against_its_denial_is_a_negation_a_plain_claim_a_status():
    from storyline.analysis.conflicts import conflict_kind

    assert conflict_kind("reported", "denied", True, accusation=True) == "negation"
    assert conflict_kind("reported", "denied", True) == "status"
    assert conflict_kind("confirmed", "unconfirmed", True, accusation=True) == "status"


def test_a_person_giving_a_bodys_statement_is_one_voice_with_that_body():
    from storyline.analysis.conflicts import _same_speaker

    corpus = Corpus(documents={}, entities=[Entity("local:person:ana-ruiz", "Ana Ruiz", "person"),
                                            Entity("local:organization:banco-sur", "Banco Sur", "organization")])
    acknowledgment = "Banco Sur acknowledged that it had frozen accounts, its chairwoman, Ana Ruiz, said."
    assert _same_speaker(corpus, "local:person:ana-ruiz", "local:organization:banco-sur",
                         ("Ana Ruiz denied that accounts had been frozen.", acknowledgment))
    assert not _same_speaker(corpus, "local:person:ana-ruiz", "local:organization:banco-sur",
                             ("Ana Ruiz denied that accounts had been frozen.", "Banco Sur said accounts were frozen."))


def test_one_sentence_relayed_twice_never_conflicts_with_itself():
    story = _recall_story("Delegates said they were deeply concerned by the closure of schools in the occupied districts.",
                          "Delegates said on Tuesday they were deeply concerned by the closure of schools in the occupied "
                          "districts.")  # read as a denial in this copy: still the same sentence
    assert find_conflicts(story.corpus()) == []


# -- plain negations and forecasts ------------------------------------------------------------------

QUAKE = [Entity("kb:PER", "Peru", "state"), Entity("local:organization:civil-defence", "Civil Defence", "organization"),
         Entity("local:organization:mining-company", "Andes Copper", "organization")]


class QuakeStory(Story):
    ENTITIES = QUAKE


def _two_reports(claim: str, claim_status: str, other: str, other_status: str, *, claim_kind: str = "fact",
                 other_kind: str = "fact", dates=("2026-05-04", "2026-05-06"), claim_date=None, other_date=None):
    story = QuakeStory()
    story.report("a", claim, published=dates[0])
    story.report("b", other, published=dates[1])
    story.say("a", claim, claim_status, actors=(), kind=claim_kind, source_text="residents", source_kind="anonymous",
              date=claim_date)
    story.say("b", other, other_status, actors=("local:organization:civil-defence",), kind=other_kind,
              source="local:organization:civil-defence", source_kind="named", date=other_date)
    return story


def test_a_plain_negation_of_what_another_source_saw_is_a_negation_though_they_name_no_one_in_common():
    story = _two_reports("The landslide blocked the Rimac highway near Chosica, residents said.", "reported",
                         "The landslide did not block the Rimac highway, Civil Defence said on Wednesday.", "negated")
    conflicts = find_conflicts(story.corpus())
    assert [(c.kind, [s.doc for s in c.sides]) for c in conflicts] == [("negation", ["a", "b"])]


def test_a_plain_negation_about_something_else_is_no_conflict():
    story = _two_reports("The landslide blocked the Rimac highway near Chosica, residents said.", "reported",
                         "The school in Chosica did not reopen on Wednesday, Civil Defence said.", "negated")
    assert find_conflicts(story.corpus()) == []


def test_none_found_on_the_same_day_negates_what_was_seen_that_day():
    story = _two_reports("Cracks appeared in the walls of the Huaral clinic on Monday.", "asserted",
                         "Civil Defence said no cracks had been found at the Huaral clinic.", "negated",
                         claim_date="2026-05-04", other_date="2026-05-04")
    assert kinds(find_conflicts(story.corpus())) == ["negation"]


def test_a_forecast_is_contradicted_by_a_later_report_that_it_has_not_happened():
    forecast = "Andes Copper said its engineers would reopen the mine road by Tuesday."
    later = "The mine road had not been reopened by Thursday, Civil Defence said."
    story = _two_reports(forecast, "expected", later, "negated", claim_kind="prediction",
                         dates=("2026-05-04", "2026-05-07"), claim_date="2026-05-05", other_date="2026-05-07")
    conflicts = find_conflicts(story.corpus())
    assert [(c.kind, [s.doc for s in c.sides]) for c in conflicts] == [("negation", ["a", "b"])]
    # reported before the day it was expected by: not done yet is no contradiction
    story.documents["b"]["published"] = "2026-05-04"
    assert find_conflicts(story.corpus()) == []
    # a condition the forecast sets is no forecast: "would carry ore if the road reopened" foretells no reopening
    conditional = "Andes Copper said its lorries would carry ore to the port if the mine road reopened."
    assert find_conflicts(_two_reports(conditional, "expected", later, "negated", claim_kind="prediction",
                                       dates=("2026-05-04", "2026-05-07"), other_date="2026-05-07").corpus()) == []


def test_a_forecast_that_something_will_not_happen_meets_only_a_forecast_that_it_will():
    negative = "Civil Defence said the mine road would not be reopened before the weekend."
    forecast = _two_reports("Andes Copper said its engineers would reopen the mine road by Tuesday.", "expected",
                            negative, "negated", claim_kind="prediction", dates=("2026-05-04", "2026-05-05"))
    assert kinds(find_conflicts(forecast.corpus())) == ["negation"]
    # against a claim that the road was reopened, "would not be" is a forecast, not a denial
    fact = _two_reports("Andes Copper reopened the mine road on Monday.", "asserted", negative, "negated",
                        dates=("2026-05-04", "2026-05-05"))
    assert find_conflicts(fact.corpus()) == []


def test_a_forecast_that_something_will_not_happen_if_a_condition_holds_forecasts_nothing():
    claim = _two_reports("The port authority said the dockers would return to work on Monday.", "expected",
                         "If the wage offer is withdrawn, the dockers will not return to work, their union warned.",
                         "negated", claim_kind="prediction", dates=("2026-09-01", "2026-09-02"))
    assert find_conflicts(claim.corpus()) == []
    # without the condition it is a forecast against the other
    plain = _two_reports("The port authority said the dockers would return to work on Monday.", "expected",
                         "The dockers will not return to work on Monday, their union warned.", "negated",
                         claim_kind="prediction", dates=("2026-09-01", "2026-09-02"))
    assert kinds(find_conflicts(plain.corpus())) == ["negation"]


def test_one_collision_told_as_hit_and_as_crashed_into_is_one_event_for_a_negation():
    story = _two_reports("A lorry crashed into the Tortosa footbridge over the Ebro on Friday, residents said.",
                         "reported", "No lorry hit the Tortosa footbridge over the Ebro, Civil Defence said.", "negated")
    assert kinds(find_conflicts(story.corpus())) == ["negation"]
    # a death somewhere else is no answer to it
    other = _two_reports("Two miners were killed in the flooded shaft of the Kalmar pit, residents said.", "reported",
                         "No miners died in the fire at the Varna depot, Civil Defence said.", "negated")
    assert find_conflicts(other.corpus()) == []


def test_a_negated_clause_closed_by_its_source_is_a_negation_and_the_clause_keeps_its_subject():
    from storyline.analysis.clauses import claimed_clause
    from storyline.analysis.wording import negated_verb, probe_status

    text = "The mine road had not been reopened by Thursday, Civil Defence said, adding that crews were working."
    s = Statement("b", 0, len(text), text, "fact", "reported")
    assert probe_status(s) == "negated"
    assert claimed_clause(text) == "The mine road reopened by Thursday"
    assert negated_verb(text) == content_words("reopened").pop()
    assert claimed_clause("Lima condemned the strike but refused to join the talks.") == "join the talks"
    # the negation in what a confirmation adds is not what it confirms
    assert claimed_clause("The agency confirmed that the dam had cracked, adding that it had not been inspected.") \
        == "the dam had cracked"


def test_a_meeting_put_off_negates_the_forecast_that_it_would_be_held_that_day():
    forecast = "Civil Defence said a meeting with the mayors would be held on 12 May."
    put_off = "The meeting with the mayors, due on 12 May, has been postponed, officials said."
    story = _two_reports(put_off, "reported", forecast, "expected", other_kind="prediction",
                         dates=("2026-05-10", "2026-05-04"), claim_date="2026-05-12", other_date="2026-05-12")
    conflicts = find_conflicts(story.corpus())
    assert [(c.kind, sorted(s.doc for s in c.sides)) for c in conflicts] == [("negation", ["a", "b"])]
    # put off, said of another day's meeting: nothing to contradict
    story.records["statements"][0].date = "2026-06-02"
    assert find_conflicts(story.corpus()) == []


def test_a_sentence_relayed_inside_another_with_only_a_frame_added_is_no_conflict_but_a_denial_is():
    said = "Civil Defence said the clinic in Huaral had lost power and water for two days after the quake."
    relayed = "Officials said they believed Civil Defence that the clinic in Huaral had lost power and water for " \
              "two days after the quake."
    denied = "Civil Defence denied that the clinic in Huaral had lost power and water for two days after the quake."
    story = _two_reports(said, "reported", relayed, "denied")
    assert find_conflicts(story.corpus()) == []
    story = _two_reports(said, "reported", denied, "denied")
    assert kinds(find_conflicts(story.corpus())) == ["status"]


def test_not_saying_what_happened_is_no_negation_of_it():
    story = _two_reports("A civil defence engineer said the Rimac bridge had cracked near Chosica.", "reported",
                         "Civil Defence did not say whether the Rimac bridge had cracked near Chosica.", "negated")
    assert find_conflicts(story.corpus()) == []


LEADER = "kb:person:javier-milei"
"""A head of state in the knowledge base: president of Argentina from December 2023."""


def _glacier_story(published: str) -> Story:
    story = Story()
    story.ENTITIES = ENTITIES + [Entity("kb:CHL", "Chile", "state"), Entity("kb:ARG", "Argentina", "state"),
                                 Entity(LEADER, "Javier Milei", "person")]
    claim = "Chile confirmed that Argentine troops are stationed on the disputed glacier."
    denial = "Javier Milei denied that soldiers were posted on the glacier."
    story.report("a", claim, published=published)
    story.report("b", denial, published=published)
    story.say("a", claim, "confirmed", actors=("kb:CHL", "kb:ARG"), source="kb:CHL", source_kind="named")
    story.say("b", denial, "denied", actors=(LEADER,), source=LEADER, source_kind="named")
    return story


def test_a_head_of_state_in_office_denying_a_claim_about_his_state_is_a_status_conflict():
    assert kinds(find_conflicts(_glacier_story("2024-05-02").corpus())) == ["status"]
    # years before he took office he stood for no state: a person and a state, nothing in common
    assert find_conflicts(_glacier_story("2019-05-02").corpus()) == []
