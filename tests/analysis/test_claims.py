"""Claims: complete-link groups without chaining, and corroboration that counts independent sources once."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from storyline.analysis.bottomline import bottom_line
from storyline.analysis.claims import (
    NEAR, PROPOSITION_BONUS, complete_link, group_claims, independence_key, judge_pairs, one_act, shown_claims,
)
from storyline.analysis.clusters import statement_id
from storyline.analysis.entities import Entity
from storyline.models import Figure, Frame, Statement
from storyline.store.records import record_id

from tests.analysis.stories import StoryBuilder

ACTORS = ("kb:AAA", "kb:BBB")


class Story(StoryBuilder):
    ENTITIES = [Entity("kb:AAA", "Arland", "state"), Entity("kb:BBB", "Borduria", "state")]

    def say(self, doc: str, text: str, status: str = "asserted", kind: str = "fact", **kw) -> Statement:
        self.report(doc, text, published=kw.pop("published", "2025-01-10"))
        s = Statement(doc, 0, len(text), text, kind, status, actors=list(kw.pop("actors", ACTORS)), **kw)
        self.records["statements"].append(s)
        return s


def vectors_by_text(table: dict[str, tuple[float, float]]):
    """An embeddings function that gives each sentence the unit vector the test chose for it."""
    def embed(ids, texts):
        out = np.array([table[t] for t in texts], dtype=np.float32)
        return out / np.linalg.norm(out, axis=1, keepdims=True)
    return embed


A, B, C = "Arland moved troops to the border.", "Arland sent soldiers to the frontier.", "Arland shelled the frontier."
# A~B and B~C are close (0.8), A and C are not (0.28).
CHAIN = {A: (1.0, 0.0), B: (0.8, 0.6), C: (0.28, 0.96)}


def test_claims_do_not_chain_through_a_middle_statement():
    story = Story()
    for doc, text in zip("abc", (A, B, C)):
        story.say(doc, text)
    claims = group_claims(story.corpus(), vectors_by_text(CHAIN), threshold=0.7)
    assert len(claims) == 1 and len(claims[0].statements) == 2
    texts = {s.text for s in story.records["statements"] if statement_id(s) in claims[0].statements}
    assert B in texts and not {A, C} <= texts


def test_complete_link_merges_only_when_every_member_is_linked_and_keeps_one_statement_per_report():
    edges = {(0, 1): 0.9, (1, 2): 0.85, (0, 2): 0.8, (2, 3): 0.95}
    assert sorted(map(sorted, complete_link(4, edges, ["a", "b", "c", "d"]))) == [[0, 1], [2, 3]]
    # The same three all linked, but two in one report: that report gives one member only.
    groups = complete_link(3, {(0, 1): 0.9, (1, 2): 0.85, (0, 2): 0.8}, ["a", "b", "a"])
    assert [sorted(g) for g in groups] == [[0, 1]]


def test_propositions_that_differ_never_join_however_close_their_wording():
    story = Story()
    story.say("a", A, predicate_class="deploy", agent="kb:AAA")
    story.say("b", B, predicate_class="attack", agent="kb:AAA")
    assert group_claims(story.corpus(), vectors_by_text({A: (1.0, 0.0), B: (0.99, 0.1)})) == []
    story.records["statements"][1].predicate_class = "deploy"
    assert len(group_claims(story.corpus(), vectors_by_text({A: (1.0, 0.0), B: (0.99, 0.1)}))) == 1


def test_opinions_are_not_claims_of_fact():
    story = Story()
    story.say("a", A, kind="opinion")
    story.say("b", B, kind="opinion")
    assert group_claims(story.corpus(), vectors_by_text(CHAIN)) == []


def test_an_imperative_to_the_reader_printed_in_two_reports_is_no_claim():
    furniture = "Follow our live coverage of the storm on our channel."
    story = Story()
    for doc in ("a", "b"):
        story.say(doc, furniture, predicate="follow", predicate_class="follow", theme="our live coverage of storm",
                  actors=[])
    assert group_claims(story.corpus(), vectors_by_text({furniture: (1.0, 0.0)})) == []
    # a misparse that takes the opening noun for the verb leaves no object: still a claim
    news = "Flooding in the delta worsens as the river rises for a third day."
    story = Story()
    for doc in ("a", "b"):
        story.say(doc, news, predicate="flooding", predicate_class="flooding", actors=[])
    assert len(group_claims(story.corpus(), vectors_by_text({news: (1.0, 0.0)}))) == 1


def test_a_syndicated_copy_and_relays_of_one_origin_count_once():
    story = Story()
    story.say("a", A, source="kb:BBB", source_kind="named")
    story.say("b", B, source="kb:BBB", source_kind="named")
    story.say("c", B + " ", published="2025-01-11")  # a copy of b
    story.documents["c"]["duplicate_of"] = "b"
    vectors = vectors_by_text({A: (1.0, 0.0), B: (0.9, 0.3), B + " ": (0.9, 0.3)})
    claim = group_claims(story.corpus(), vectors)[0]
    assert len(claim.statements) == 3 and sorted(claim.sources) == ["a", "b"]
    assert claim.corroboration.startswith("2 independent sources")
    # Both reports relay one wire quoting one official: one independent source.
    frames = []
    for s in story.records["statements"][:2]:
        f = Frame(s.doc, s.start, s.end, s.text, source="kb:BBB", relays=["kb:WIRE"])
        s.frame = record_id("a", f)
        frames.append(f)
    corpus = story.corpus()
    corpus.frames = frames
    corpus.__post_init__()
    assert independence_key(corpus, story.records["statements"][0]) == independence_key(
        corpus, story.records["statements"][1])
    assert group_claims(corpus, vectors)[0].corroboration.startswith("1 independent source")


def test_bottom_line_quotes_a_cited_sentence_and_counts_the_documents_it_cites():
    story = Story()
    story.say("a", A, status="confirmed", source="kb:BBB", source_kind="named")
    story.say("b", B)
    story.say("c", B + " ", published="2025-01-11")
    story.documents["c"]["duplicate_of"] = "b"
    story.say("d", "Arland's move signals a new era of concern for the region.", published="2025-01-12")
    corpus = story.corpus()
    claims = group_claims(corpus, vectors_by_text({A: (1.0, 0.0), B: (0.9, 0.3), B + " ": (0.9, 0.3),
                                                   "Arland's move signals a new era of concern for the region.":
                                                       (0.0, 1.0)}))
    lines = bottom_line(corpus, claims, [], [])
    facts = [b for b in lines if b.kind != "commentary"]
    assert facts and facts[0].kind == "confirmation"
    for line in lines:
        assert line.text in [e.text for e in line.evidence] and line.evidence[0].text == line.text
        copies = {d for d, row in corpus.documents.items() if row.get("duplicate_of")}
        assert line.sources == len({e.doc for e in line.evidence} - copies)
    assert facts[0].sources == 2 and "confirmed by Borduria" in facts[0].detail
    assert [b.kind for b in lines if "new era" in b.text] == ["commentary"]


def test_a_verb_outside_the_synonym_classes_does_not_keep_one_claim_apart():
    # "passed" and "voted to approve" parse as two lemmas: a higher bar, not a veto.
    story = Story()
    story.say("a", A, predicate_class="pass", agent="local:organization:senate")
    story.say("b", B, predicate_class="approve", agent="local:organization:us-senate")
    close = vectors_by_text({A: (1.0, 0.0), B: (0.9, 0.436)})  # cosine 0.90
    assert len(group_claims(story.corpus(), close, threshold=0.7)) == 1
    barely = vectors_by_text({A: (1.0, 0.0), B: (0.72, 0.694)})  # cosine 0.72: above 0.7, below 0.74
    assert group_claims(story.corpus(), barely, threshold=0.7) == []


def test_judged_pairs_keep_every_near_score_and_link_at_the_bar_their_propositions_set():
    # 0 and 1 state one proposition: the bar is the threshold less the bonus. 2 and 3 give none: the threshold.
    story = Story()
    statements = [story.say("a", A, predicate_class="deploy", agent="kb:AAA"),
                  story.say("b", B, predicate_class="deploy", agent="kb:AAA"),
                  story.say("c", "Talks resumed in the capital."), story.say("d", "Talks went on.")]
    lowest = 0.7 - PROPOSITION_BONUS
    cases = [((0, 1), lowest + 0.01, True), ((0, 1), lowest - 0.01, False), ((2, 3), 0.71, True),
             ((2, 3), 0.69, False), ((2, 3), NEAR, False)]
    for pair, score, linked in cases:
        assert judge_pairs(story.corpus(), statements, {}, [pair], [score], 0.7) == {pair: (score, linked)}
    assert judge_pairs(story.corpus(), statements, {}, [(2, 3)], [NEAR - 0.01], 0.7) == {}


def test_two_different_known_agents_are_two_claims():
    story = Story()
    story.say("a", A, predicate_class="deploy", agent="kb:AAA")
    story.say("b", B, predicate_class="deploy", agent="kb:BBB")
    assert group_claims(story.corpus(), vectors_by_text({A: (1.0, 0.0), B: (0.99, 0.1)})) == []


def test_a_confirmation_joins_the_claim_it_confirms():
    # "..., the presidency confirmed": the frame verb is no proposition of its own.
    story = Story()
    story.say("a", A, predicate_class="announce", agent="kb:AAA")
    story.say("b", B, status="confirmed", predicate_class="confirm", agent="local:organization:presidency")
    assert len(group_claims(story.corpus(), vectors_by_text({A: (1.0, 0.0), B: (0.95, 0.31)}))) == 1


def test_each_reports_lede_fills_the_bottom_line_after_the_corroborated_facts():
    story = Story()
    lede_a = "The port authority of Arland said on Monday that cargo handling had resumed at two terminals."
    lede_b = "Dock workers in Arland voted to extend their strike by a week, union officials said."
    later = "Ships waited offshore for most of the week before the terminals reopened to traffic."
    story.report("a", lede_a, later, published="2025-01-10")
    story.records["statements"] += [
        Statement("a", 0, len(lede_a), lede_a, "fact", "reported", actors=list(ACTORS), source="kb:BBB",
                  source_kind="named"),
        Statement("a", len(lede_a) + 1, len(lede_a) + 1 + len(later), later, "fact", "asserted", actors=list(ACTORS))]
    story.say("b", lede_b, status="reported", source="kb:BBB", source_kind="named", published="2025-01-11")
    story.say("c", "It may rain in Arland next week, forecasters said.", status="possible", published="2025-01-12")
    lines = bottom_line(story.corpus(), [], [], [])
    ledes = [b.text for b in lines if b.kind == "fact"]
    assert sorted(ledes) == sorted([lede_a, lede_b])  # one lede per report, never a later sentence or a hedge
    assert all(b.sources == 1 and b.evidence[0].text == b.text for b in lines if b.kind == "fact")


def test_two_different_figures_of_one_measure_are_two_claims_close_ones_one():
    from storyline.models import Figure

    story = Story()
    a, b, c = ("Arland has massed 130,000 troops on the border.", "Arland has massed over 90,000 troops on the border.",
               "Arland has massed about 128,000 troops on the border.")
    for doc, text in zip("abc", (a, b, c)):
        story.say(doc, text)
        number = text.split()[3] if text.split()[3][0].isdigit() else text.split()[4]
        at = text.index(number)
        story.records["figures"].append(Figure(doc, at, at + len(number), number, float(number.replace(",", "")),
                                               counts="troops"))
    same = vectors_by_text({a: (1.0, 0.0), b: (1.0, 0.0), c: (1.0, 0.0)})
    claims = group_claims(story.corpus(), same, threshold=0.7)
    texts = [{s.text for s in story.records["statements"] if statement_id(s) in cl.statements} for cl in claims]
    assert texts == [{a, c}]


def test_casting_doubt_on_a_claim_is_not_stating_it():
    story = Story()
    claim = "Arland said it was pulling troops back from the border."
    doubt = "A Bordurian official cast doubt on Arland's assertion that it was pulling troops back from the border."
    story.say("a", claim, "reported")
    story.say("b", doubt, "reported")
    claims = group_claims(story.corpus(), vectors_by_text({claim: (1.0, 0.0), doubt: (1.0, 0.0)}), threshold=0.7)
    assert claims == []


def test_different_figures_weeks_apart_may_be_one_toll_as_it_grew():
    from storyline.models import Figure

    story = Story()
    a, b = "Arland says 550 people have been killed in the fighting.", "Arland says 1,000 people have been killed in the fighting."
    for doc, text, day in (("a", a, "2025-01-10"), ("b", b, "2025-02-12")):
        story.say(doc, text, published=day)
        number = text.split()[2]
        at = text.index(number)
        story.records["figures"].append(Figure(doc, at, at + len(number), number, float(number.replace(",", "")),
                                               counts="killed"))
    claims = group_claims(story.corpus(), vectors_by_text({a: (1.0, 0.0), b: (1.0, 0.0)}), threshold=0.7)
    assert len(claims) == 1


def test_a_sources_denial_in_a_status_conflict_is_led_with_after_the_claim_it_denies():
    from storyline.models import Conflict, Evidence

    story = Story()
    claim = "Arland's army said its troops had crossed the river at dawn on Monday."
    denial = "Borduria denied that Arland's troops had crossed the river, calling the report false."
    story.say("a", claim, status="reported", source="kb:AAA", source_kind="named")
    story.say("b", denial, status="denied", source="kb:BBB", source_kind="named", published="2025-01-11")
    corpus = story.corpus()
    sides = [Evidence("a", 0, len(claim), claim), Evidence("b", 0, len(denial), denial)]
    lines = bottom_line(corpus, [], [Conflict(id="x1", kind="status", summary="Reported; denied: “claim”",
                                              sides=sides)], [])
    disputed = [b for b in lines if b.kind == "disputed"]
    assert [b.text for b in disputed] == [claim, denial]
    assert all(b.evidence[0].text == b.text and len(b.evidence) == 2 for b in disputed)
    # the report's own doubt is no source's denial: the claim alone is led with
    corpus.statements[1].source_kind = "author"
    lines = bottom_line(corpus, [], [Conflict(id="x1", kind="status", summary="Reported; doubted: “claim”",
                                              sides=sides)], [])
    assert [b.text for b in lines if b.kind == "disputed"] == [claim]


# The second stage: two wordings of one fact below the similarity bar (cosine 0.66 here), joined when each is
# the other's closest statement in the other's report and they give one number or share a name and words.
RESCUED = "Rescuers brought 62 survivors alive to shore by morning, the coastguard said."
PULLED = "Fishermen pulled 62 survivors from the water overnight, according to the port office."
RESCUED_OTHER = "Rescuers brought 48 survivors alive to shore by morning, the coastguard said."
REOPENED = "The harbour at Keth reopened to cargo ships on Friday after a week of repairs."


def _rescue_story(first: str, second: str, **kw) -> Story:
    story = Story()
    story.say("a", first, actors=[], predicate_class="bring", **kw)
    story.say("b", second, actors=[], predicate_class="withdraw", **kw)  # "pulled" as the parse classes it
    for doc, text in (("a", first), ("b", second)):
        for number in ("62", "48"):
            if f" {number} " in text:
                at = text.index(number)
                story.records["figures"].append(Figure(doc, at, at + 2, number, float(number), counts="people"))
    return story


def _vectors(first: str, second: str, cosine: float):
    return vectors_by_text({first: (1.0, 0.0), second: (cosine, (1 - cosine ** 2) ** 0.5)})


def test_two_wordings_that_give_one_number_are_one_claim_below_the_similarity_bar():
    story = _rescue_story(RESCUED, PULLED)
    claims = group_claims(story.corpus(), _vectors(RESCUED, PULLED, 0.66))
    assert len(claims) == 1 and len(claims[0].statements) == 2


def test_the_second_stage_keeps_apart_other_numbers_distant_wordings_and_denials():
    # a figure of one measure that differs on one day: two claims (the figure tables compare them)
    story = _rescue_story(RESCUED_OTHER, PULLED)
    assert group_claims(story.corpus(), _vectors(RESCUED_OTHER, PULLED, 0.66)) == []
    # sentences that share a number but say little alike
    story = _rescue_story(RESCUED, PULLED)
    assert group_claims(story.corpus(), _vectors(RESCUED, PULLED, 0.5)) == []
    # a denial in other words is left to the first stage and the conflicts
    story = _rescue_story(RESCUED, PULLED, status="denied")
    assert group_claims(story.corpus(), _vectors(RESCUED, PULLED, 0.66)) == []


def test_a_statement_placed_beside_a_background_event_is_tied_by_none_of_its_numbers():
    # "The minister's visit comes as 62 survivors were pulled from the water": the number is the rescue's, the news
    # is the visit.
    story = _rescue_story(RESCUED, PULLED)
    story.records["statements"][1].predicate = "come"
    assert group_claims(story.corpus(), _vectors(RESCUED, PULLED, 0.66)) == []


def test_a_statement_joins_only_its_closest_telling_in_another_report():
    story = _rescue_story(RESCUED, PULLED)
    also = "Later that day 62 survivors were counted in the port office's hall at the harbour, officials said."
    story.report("c", "", published="2025-01-10")
    story.documents["b"]["text"] += " " + also
    at = story.documents["b"]["text"].index(also)
    story.records["statements"].append(Statement("b", at, at + len(also), also, "fact", "asserted", actors=[],
                                                 predicate_class="count"))
    story.records["figures"].append(Figure("b", at + 15, at + 17, "62", 62.0, counts="people"))
    vectors = vectors_by_text({RESCUED: (1.0, 0.0, 0.0), PULLED: (0.66, 0.75, 0.0), also: (0.63, 0.0, 0.78)})
    claims = group_claims(story.corpus(), vectors)
    texts = [{s.text for s in story.records["statements"] if statement_id(s) in c.statements} for c in claims]
    assert texts == [{RESCUED, PULLED}]


def test_two_wordings_that_name_one_actor_and_share_its_words_are_one_claim():
    first = "The Harbour Board ordered all ferries on the lake to stay in port until further notice."
    second = "Every ferry service on the lake was suspended by the Harbour Board until further notice."
    story = Story()
    story.say("a", first, actors=["kb:AAA"])
    story.say("b", second, actors=["kb:AAA"])
    story.say("c", REOPENED, actors=["kb:AAA"], published="2025-01-11")
    vectors = vectors_by_text({first: (1.0, 0.0, 0.0), second: (0.65, 0.76, 0.0), REOPENED: (0.3, 0.0, 0.95)})
    claims = group_claims(story.corpus(), vectors)
    assert len(claims) == 1 and len(claims[0].statements) == 2
    # the same pair dated apart (one "on Friday", one undated) names the actor only: two claims
    story.records["statements"][0].date = "2025-01-10"
    assert group_claims(story.corpus(), vectors) == []


IMPOUNDED = "Arland's coastguard impounded three trawlers off the cape."
SHELLED = "Arland's navy shelled the harbour on the southern coast."


def _thin_pair(first: str, second: str, cosine: float, one: dict, two: dict) -> list:
    story = Story()
    story.say("a", first, **one)
    story.say("b", second, **two)
    sine = (1 - cosine * cosine) ** 0.5
    return group_claims(story.corpus(), vectors_by_text({first: (1.0, 0.0), second: (cosine, sine)}), threshold=0.66)


def test_a_thin_tie_between_two_different_acts_needs_a_higher_bar():
    # one subject (the country's forces at sea), two acts: no word in common but the name, two verbs of their own
    one = {"agent": "kb:AAA", "predicate": "impound", "predicate_class": "impound"}
    two = {"agent": "kb:AAA", "predicate": "shell", "predicate_class": "attack"}
    assert _thin_pair(IMPOUNDED, SHELLED, 0.73, one, two) == []
    # much closer, they are one statement in other words
    assert len(_thin_pair(IMPOUNDED, SHELLED, 0.8, one, two)) == 1
    # two words in common besides the name are more than a subject
    second = "Arland's navy impounded the trawlers in the harbour."
    assert len(_thin_pair(IMPOUNDED, second, 0.73, one, two)) == 1
    # both date what they say to one day: that day is in common too
    dated = ({**one, "date": "2025-01-08"}, {**two, "date": "2025-01-08"})
    assert len(_thin_pair(IMPOUNDED, SHELLED, 0.73, *dated)) == 1


def test_a_thin_tie_between_two_wordings_whose_parses_read_one_act_or_no_verb_keeps_the_plain_bar():
    first, second = "Thieves stole the portraits overnight.", "The paintings were taken before dawn."
    # two verbs of one kindred set: "stole" and "taken" may tell one theft
    one = {"agent": "thieves", "predicate": "steal", "predicate_class": "steal"}
    two = {"predicate": "take", "predicate_class": "take"}
    assert len(_thin_pair(first, second, 0.73, one, two)) == 1
    # a clause whose verb the parse did not read gives too little to tell two acts apart
    assert len(_thin_pair(first, second, 0.73, one, {})) == 1


def test_a_thin_tie_with_a_light_verb_reads_no_one_act():
    # "is" says nothing of what happened: beside a theft, or beside another "is", it is no sign of one fact
    first, second = "Thieves stole the portraits overnight.", "Among the missing works is a view of the harbour."
    be = {"predicate": "be", "predicate_class": "be"}
    assert _thin_pair(first, second, 0.73, {"predicate": "steal", "predicate_class": "steal"}, be) == []
    first, second = "One more pressure on the republic is the closing of its airports.", "The first is armed force."
    assert _thin_pair(first, second, 0.73, be, be) == []
    assert len(_thin_pair(first, second, 0.8, be, be)) == 1


def test_one_body_under_a_local_and_a_knowledge_base_id_is_one_agent_for_a_thin_tie():
    # "Arland" as the knowledge base knows it and as one report's parse typed it: one agent, one act
    one = {"agent": "kb:AAA", "predicate": "impound", "predicate_class": "impound"}
    same = {"agent": "local:organization:arland", "predicate": "impound", "predicate_class": "impound"}
    second = "The southern fleet has seized vessels near the harbour."
    assert len(_thin_pair(IMPOUNDED, second, 0.73, one, same)) == 1
    # another body is another act
    other = {"agent": "local:organization:cordova", "predicate": "impound", "predicate_class": "impound"}
    assert _thin_pair(IMPOUNDED, second, 0.73, one, other) == []


def test_two_wordings_that_share_rare_words_but_no_actor_are_compared_and_linked_at_the_bar():
    first = "The town of Keth shut its drinking water intake on the river on Wednesday."
    second = "Officials in Keth closed the river intake that supplies the town's tap water."
    story = Story()
    story.say("a", first, actors=[], predicate_class="shut")
    story.say("b", second, actors=[], predicate_class="close")
    claims = group_claims(story.corpus(), vectors_by_text({first: (1.0, 0.0), second: (0.81, 0.59)}))
    assert len(claims) == 1 and len(claims[0].statements) == 2


def test_numbers_written_in_both_and_none_alike_keep_two_statements_apart():
    first = "Arland has massed at least 130,000 troops on the border with Borduria."
    second = "There are 150,000 Arland soldiers along the border with Borduria."
    story = Story()
    story.say("a", first)
    story.say("b", second)
    assert group_claims(story.corpus(), vectors_by_text({first: (1.0, 0.0), second: (0.95, 0.31)})) == []
    # a short sentence printed word for word in two reports is page furniture, not a fact they share
    story = Story()
    furniture = "Help Arland, join the collection."
    story.say("a", furniture)
    story.say("b", furniture)
    assert group_claims(story.corpus(), vectors_by_text({furniture: (1.0, 0.0)})) == []


def test_amounts_written_with_scale_words_and_none_alike_keep_two_statements_apart():
    first = "Velmora pledged $225 million in flood relief to the delta provinces."
    second = "Velmora pledged a billion dollars in flood relief to the delta provinces."
    story = Story()
    story.say("a", first)
    story.say("b", second)
    assert group_claims(story.corpus(), vectors_by_text({first: (1.0, 0.0), second: (0.95, 0.31)})) == []
    # the same amount written two ways is one claim
    third = "Velmora pledged 225 million dollars in flood relief to the delta provinces."
    story = Story()
    story.say("a", first)
    story.say("b", third)
    claims = group_claims(story.corpus(), vectors_by_text({first: (1.0, 0.0), third: (0.95, 0.31)}))
    assert len(claims) == 1 and len(claims[0].statements) == 2


def test_one_measured_figure_on_one_stated_day_ties_distant_wordings():
    first = "The central bank raised its key rate to 7.25 percent on Thursday."
    second = "Borrowing costs were lifted to 7.25% by the central bank on Thursday."
    story = Story()
    for doc, text in (("a", first), ("b", second)):
        story.say(doc, text, actors=[], predicate_class="raise", date="2025-01-09")
        at = text.index("7.25")
        story.records["figures"].append(Figure(doc, at, at + 4, "7.25", 7.25, counts="percent"))
    vectors = vectors_by_text({first: (1.0, 0.0), second: (0.42, 0.91)})
    claims = group_claims(story.corpus(), vectors)
    assert len(claims) == 1 and len(claims[0].statements) == 2
    # undated, the same two wordings stay apart: a number alone is no anchor that far below the bar
    for s in story.records["statements"]:
        s.date = None
    assert group_claims(story.corpus(), vectors) == []


def test_each_pair_is_scored_once_for_both_stages():
    story = _rescue_story(RESCUED, PULLED)
    calls = []
    embed = _vectors(RESCUED, PULLED, 0.66)

    def counting(ids, texts):
        calls.append(len(ids))
        return embed(ids, texts)

    assert len(group_claims(story.corpus(), counting)) == 1
    assert calls == [2]


def test_two_numbers_both_give_on_one_stated_day_tie_distant_wordings():
    first = "The assembly approved the fishing pact on Wednesday by 22 votes to 8."
    second = "Lawmakers ratified the accord on Wednesday, with 22 in favour and 8 against."
    other = "Lawmakers ratified the accord on Wednesday, with 25 in favour and 8 against."
    for text, grouped in ((second, True), (other, False)):
        story = Story()
        story.say("a", first, actors=["kb:AAA"], predicate_class="approve", date="2025-01-08")
        story.say("b", text, actors=["kb:AAA"], predicate_class="sign", date="2025-01-08")
        claims = group_claims(story.corpus(), vectors_by_text({first: (1.0, 0.0), text: (0.5, 0.87)}))
        assert bool(claims) is grouped, text
    # the same two wordings dated to different days are two votes
    story = Story()
    story.say("a", first, actors=["kb:AAA"], predicate_class="approve", date="2025-01-08")
    story.say("b", second, actors=["kb:AAA"], predicate_class="sign", date="2025-01-09")
    assert group_claims(story.corpus(), vectors_by_text({first: (1.0, 0.0), second: (0.5, 0.87)})) == []


def test_one_named_sources_figure_retold_the_same_day_ties_undated_wordings():
    first = "The raiders broke in through a skylight and left within 10 minutes, a police spokesman said."
    second = "The spokesman said the intruders came through a roof window and were gone in under 10 minutes."
    vectors = vectors_by_text({first: (1.0, 0.0), second: (0.41, 0.91)})
    for source, grouped in (("local:person:claes", True), (None, False)):
        story = Story()
        for doc, text in (("a", first), ("b", second)):
            story.say(doc, text, status="reported", actors=[], source_kind="named", source=source, predicate_class="enter")
            at = text.index("10")
            story.records["figures"].append(Figure(doc, at, at + 2, "10", 10.0, counts="minutes"))
        claims = group_claims(story.corpus(), vectors)
        assert bool(claims) is grouped


def test_a_decision_a_source_announces_is_a_claim_two_reports_tell_and_advice_is_not():
    first = "Arland's president told Borduria he will move quickly to send fresh military aid."
    second = "In a call, Arland's president said he would move quickly to send Borduria military aid."
    vectors = vectors_by_text({first: (1.0, 0.0), second: (0.9, 0.44)})
    for kind, status, source_kind, grouped in (("prediction", "expected", "named", True),
                                               ("prediction", "possible", "named", False),  # a hedge
                                               ("prediction", "expected", "author", False),  # the report's forecast
                                               ("recommendation", "reported", "named", False)):  # advice
        story = Story()
        story.say("a", first, status=status, kind=kind, source_kind=source_kind)
        story.say("b", second, status=status, kind=kind, source_kind=source_kind)
        assert bool(group_claims(story.corpus(), vectors)) is grouped, (kind, status, source_kind)


def test_one_exact_count_both_give_on_one_stated_day_ties_wordings_whatever_each_says_it_counts():
    first = "The ferry ran aground on Tuesday, leaving 243 passengers on board overnight."
    second = "Crews took off 243 people who were trapped when the ferry struck a sandbank on Tuesday."
    for one, two, day, grouped in ((first, second, "2025-01-07", True),
                                   (first.replace("243", "240"), second.replace("243", "240"), "2025-01-07", False),
                                   (first, second, "2025-01-08", False)):  # a round count; another day
        story = Story()
        story.say("a", one, actors=[], predicate_class="run", date="2025-01-07")
        story.say("b", two, actors=[], predicate_class="take", date=day)
        for doc, text, counts in (("a", one, "passengers"), ("b", two, "people")):
            at = text.index("24")
            story.records["figures"].append(Figure(doc, at, at + 3, text[at:at + 3], float(text[at:at + 3]),
                                                   counts=counts))
        claims = group_claims(story.corpus(), vectors_by_text({one: (1.0, 0.0), two: (0.55, 0.84)}))
        assert bool(claims) is grouped, (one, day)


def test_a_support_verb_lends_its_clause_to_the_noun_it_takes():
    first = "Prosecutors launched an inquiry into the sinking of the river ferry."
    second = "The regional prosecutor held an inquiry into how the river ferry sank."
    story = Story()
    story.say("a", first, actors=[], predicate="launch", predicate_class="attack", theme="inquiry")
    story.say("b", second, actors=[], predicate="hold", predicate_class="meet", theme="inquiry")
    vectors = vectors_by_text({first: (1.0, 0.0), second: (0.75, 0.66)})
    assert len(group_claims(story.corpus(), vectors)) == 1
    # a verb of one class with an actor as its object is the verb's own act: "launched" Arland's raid, "held" talks
    story.records["statements"][0].theme = "kb:BBB"
    assert group_claims(story.corpus(), vectors) == []


def test_the_day_both_statements_date_anchors_two_rare_words_they_share():
    first = "Prosecutors began a probe on Monday into possible negligence by the ferry company."
    second = "The regional prosecutor's office opened an investigation on Monday into whether negligence sank the boat."
    vectors = vectors_by_text({first: (1.0, 0.0), second: (0.66, 0.75), REOPENED: (0.0, 1.0)})
    for date, grouped in (("2025-01-06", True), (None, False), ("2025-01", False)):
        story = Story()
        story.say("a", first, actors=[], predicate="begin", predicate_class="begin", theme="probe", date=date)
        story.say("b", second, actors=[], predicate="open", predicate_class="open", theme="investigation", date=date)
        story.say("c", REOPENED, actors=[], predicate_class="reopen")  # a third report: the two words are rare
        assert bool(group_claims(story.corpus(), vectors)) is grouped, date
    # words every report names (the story's own subject) are no anchor, dated alike or not
    story = Story()
    story.say("a", first, actors=[], predicate="begin", predicate_class="begin", theme="probe", date="2025-01-06")
    story.say("b", second, actors=[], predicate="open", predicate_class="open", theme="investigation", date="2025-01-06")
    assert group_claims(story.corpus(), vectors) == []


RETOLD_FIRST = "The minister said the mills along the coast had stopped buying grain from farmers in the north."
RETOLD_SECOND = "Mills on the coast no longer buy grain from the farmers of the north, according to the minister."
RETOLD_OTHER = "The minister said the harbour would reopen to cargo ships once the repairs were done."


def _retold_story(sources: tuple[str | None, str | None], second: str = RETOLD_SECOND, kinds=("named", "named"),
                  status: str = "reported") -> Story:
    story = Story()
    for doc, text, source, kind in (("a", RETOLD_FIRST, sources[0], kinds[0]), ("b", second, sources[1], kinds[1])):
        story.say(doc, text, status=status, actors=[], source_kind=kind, source=source, predicate_class="stop")
    return story


def test_one_speakers_statement_retold_by_two_reports_in_other_words_is_one_claim():
    vectors = _vectors(RETOLD_FIRST, RETOLD_SECOND, 0.5)
    minister = "local:person:minister"
    claims = group_claims(_retold_story((minister, minister)).corpus(), vectors)
    assert len(claims) == 1 and len(claims[0].statements) == 2
    # a quotation and a paraphrase of one speaker's words are one voice too
    assert len(group_claims(_retold_story((minister, minister), kinds=("quoted", "named")).corpus(), vectors)) == 1
    # two speakers, or the reports' own voice, are no one voice: the pair stays under the similarity bar
    assert group_claims(_retold_story((minister, "local:person:mayor")).corpus(), vectors) == []
    assert group_claims(_retold_story((None, None), kinds=("author", "author")).corpus(), vectors) == []
    # too far apart in meaning, whoever says it
    assert group_claims(_retold_story((minister, minister)).corpus(), _vectors(RETOLD_FIRST, RETOLD_SECOND, 0.4)) == []


def test_a_retold_statement_joins_the_speakers_statement_that_shares_its_words_not_another():
    minister = "local:person:minister"
    story = _retold_story((minister, minister))
    story.documents["b"]["text"] += " " + RETOLD_OTHER
    at = story.documents["b"]["text"].index(RETOLD_OTHER)
    story.records["statements"].append(Statement("b", at, at + len(RETOLD_OTHER), RETOLD_OTHER, "fact", "reported",
                                                 actors=[], source_kind="named", source=minister,
                                                 predicate_class="stop"))
    # the other statement of the minister is the closer sentence, but shares only "minister" and "said" in words
    vectors = vectors_by_text({RETOLD_FIRST: (1.0, 0.0, 0.0), RETOLD_SECOND: (0.5, 0.87, 0.0),
                               RETOLD_OTHER: (0.55, 0.0, 0.84)})
    claims = group_claims(story.corpus(), vectors)
    texts = [{s.text for s in story.records["statements"] if statement_id(s) in c.statements} for c in claims]
    assert texts == [{RETOLD_FIRST, RETOLD_SECOND}]
    # one says it is so, the other that it is not: no one claim
    story = _retold_story((minister, minister))
    story.records["statements"][1].status = "denied"
    assert group_claims(story.corpus(), _vectors(RETOLD_FIRST, RETOLD_SECOND, 0.5)) == []


def test_what_a_statement_says_leaves_out_its_attribution():
    from storyline.analysis.claims import said_words

    text = "The dam held through the night, the regional governor said in an interview with a radio station in Keth."
    story = Story()
    s = story.say("a", text, status="reported", actors=[], source_kind="named", source="local:person:governor")
    source, cue = text.index("the regional governor"), text.index("said")
    f = Frame("a", 0, len(text), text, source="local:person:governor", source_start=source,
              source_end=source + len("the regional governor"), cue="said", cue_start=cue, cue_end=cue + 4)
    s.frame = record_id("a", f)
    corpus = story.corpus()
    corpus.frames = [f]
    corpus.__post_init__()
    words = said_words(corpus, s)
    assert {"dam", "night"} <= words and not words & {"interview", "radio", "station", "keth", "governor"}
    # the attribution first ("According to the governor, ..."): what follows it is what is said
    text = "According to the governor, the dam held through the night and no village was flooded."
    s.text, s.end = text, len(text)
    cue = text.index("According to")
    source = text.index("the governor")
    f = replace(f, text=text, end=len(text), source_start=source, source_end=source + 12, cue="according to",
                cue_start=cue, cue_end=cue + 12)
    s.frame = record_id("a", f)
    corpus.frames = [f]
    corpus.__post_init__()
    words = said_words(corpus, s)
    from storyline.analysis.wording import content_words

    assert words == content_words("the dam held through the night and no village was flooded.")


def test_an_accusation_joins_the_claim_it_accuses_someone_of():
    # The accuser is the agent of "accused", not of the act: the act is what both reports claim.
    accusation = "Arland has accused Borduria of using the river's water as a weapon."
    act = "Borduria is using the river's water as a weapon, the minister said."
    table = {accusation: (1.0, 0.0), act: (0.74, 0.67)}  # similarity 0.74
    story = Story()
    story.say("a", accusation, predicate_class="accuse", agent="kb:AAA", theme="kb:BBB")
    story.say("b", act, predicate_class="use", agent="kb:BBB", theme="water")
    assert len(group_claims(story.corpus(), vectors_by_text(table))) == 1
    # Two accusers' acts still differ from each other: "Arland attacked" is not "Borduria attacked".
    story.records["statements"][0].predicate_class = "attack"
    assert group_claims(story.corpus(), vectors_by_text(table)) == []


def test_a_matching_proposition_lowers_the_bar_only_when_both_say_who_did_it():
    weeks = "The port of Lorn has been shelled again and again in recent weeks."
    night = "Arland's artillery shelled the port of Lorn on Tuesday night, the mayor said."
    table = {weeks: (1.0, 0.0), night: (0.65, 0.76)}  # similarity 0.65: over the lowered bar, under the plain one
    story = Story()
    story.say("a", weeks, predicate_class="attack", agent=None, theme="kb:place:lorn")
    story.say("b", night, predicate_class="attack", agent="kb:AAA", theme="kb:place:lorn", date="2025-01-07")
    assert group_claims(story.corpus(), vectors_by_text(table)) == []
    story.records["statements"][0].agent = "kb:AAA"
    assert len(group_claims(story.corpus(), vectors_by_text(table))) == 1


def test_a_pronoun_or_an_unresolved_agent_does_not_lower_the_bar():
    # Two speakers at a strike: "they" and "we" want different things, though both parse as "want" with an agent.
    first = "They want the whole harbour closed until the pay talks resume, the union leader said."
    second = "We do not want a long strike at the harbour, the port director said."
    story = Story()
    story.say("a", first, predicate_class="want", agent="they")
    story.say("b", second, predicate_class="want", agent="we")
    at_bonus_bar = _vectors(first, second, 0.61)  # over the lowered bar (0.60), under the plain one (0.72)
    assert group_claims(story.corpus(), at_bonus_bar) == []
    # One resolved agent in both: the matching proposition lowers the bar.
    for s in story.records["statements"]:
        s.agent = "kb:AAA"
    assert len(group_claims(story.corpus(), at_bonus_bar)) == 1


def test_a_verb_that_introduces_a_clause_carries_no_proposition_of_its_own():
    # "added that ..." in both: the clauses say two different things about the strike.
    first = "Arland's labour minister added that the dockworkers had accepted the new pay offer."
    second = "Arland's labour minister added on Monday that the strike would spread to the rail depots."
    story = Story()
    story.say("a", first, predicate="add", predicate_class="add", agent="kb:AAA")
    story.say("b", second, predicate="add", predicate_class="add", agent="kb:AAA")
    assert group_claims(story.corpus(), _vectors(first, second, 0.61)) == []
    # The same verb telling what happened, with no clause after it, is still the proposition both state.
    story.records["statements"][0].text = first = "Arland added two rail depots to the strike."
    story.records["statements"][1].text = second = "Arland added the rail depots to its strike on Monday."
    assert len(group_claims(story.corpus(), _vectors(first, second, 0.61))) == 1


def test_the_names_of_the_actors_a_statement_mentions_are_not_words_of_what_it_says():
    from storyline.analysis.claims import said_words

    # One premier on an election count, twice: the country's name is shared, the statements are not.
    counted = "Arland has counted every ballot from the northern districts, the premier said."
    ready = "Arland is ready to accept the result of the count, the premier said."
    story = Story()
    first = story.say("a", counted, status="reported", actors=["kb:AAA"], source_kind="named", source="kb:AAA")
    second = story.say("b", ready, status="reported", actors=["kb:AAA"], source_kind="named", source="kb:AAA")
    corpus = story.corpus()
    assert "arland" not in said_words(corpus, first) | said_words(corpus, second)
    assert {"ballot", "district"} <= said_words(corpus, first)
    # Sharing only the country and one word ("count") they are two statements of one voice, not one retold.
    assert group_claims(corpus, _vectors(counted, ready, 0.5)) == []


def test_a_negated_statement_is_kept_out_of_the_claim_it_denies_but_stays_in_the_group_compared():
    # Reports on a dock strike: two say the union called it off, two that it did not, one that it may have.
    off = "The dockworkers' union called off the strike at the port of Lorn on Monday."
    ended = "The dockers' union ended its strike at the port of Lorn on Monday."
    not_off = "The dockworkers' union did not call off the strike at the port of Lorn on Monday."
    still_on = "The dockers' union has not called off its strike at the port of Lorn on Monday."
    story = Story()
    for doc, text, status in (("a", off, "asserted"), ("b", ended, "asserted"), ("c", not_off, "negated"),
                              ("d", still_on, "negated")):
        story.say(doc, text, status=status, predicate_class="call", agent="kb:AAA", date="2025-01-06")
    table = {text: (1.0, 0.02 * n) for n, text in enumerate((off, ended, not_off, still_on))}
    corpus = story.corpus()
    groups = group_claims(corpus, vectors_by_text(table))
    assert len(groups) == 1 and len(groups[0].statements) == 4  # what the conflicts compare
    ids = {s.text: statement_id(s) for s in story.records["statements"]}
    stated, denied = sorted(shown_claims(corpus, groups), key=lambda c: ids[not_off] in c.statements)
    assert set(stated.statements) == {ids[off], ids[ended]} and set(denied.statements) == {ids[not_off], ids[still_on]}
    assert set(stated.disputed_by) == {ids[not_off], ids[still_on]} and stated.denying == ["c", "d"]
    assert denied.disputed_by == [] and denied.denying == ["c", "d"]
    # one report against one: neither side is a claim two reports state
    pair = group_claims(corpus, vectors_by_text(table))[0]
    pair.statements = [ids[off], ids[not_off]]
    assert shown_claims(corpus, [pair]) == []
    # a group that only asserts is shown as it is
    assert shown_claims(corpus, [replace(pair, statements=[ids[off], ids[ended]])]) == [
        replace(pair, statements=[ids[off], ids[ended]])]


def test_what_counts_as_a_verb_that_introduces_a_clause():
    from storyline.analysis.claims import _introduces_clause

    def said(predicate: str, text: str) -> bool:
        return _introduces_clause(Statement("a", 0, len(text), text, "fact", "asserted", predicate=predicate))

    assert said("add", "The mayor added that the count would finish by noon.")
    assert said("note", "Observers noted on Sunday that turnout had fallen.")
    assert said("tell", "The returning officer told the candidates' agents that every ballot was counted.")
    assert said("assure", "The commission assured: no ballot box was opened early.")
    # a relative clause after the verb's object, and a verb with no clause after it
    assert not said("fire", "Strikers fired flares that lit up the depot.")
    assert not said("count", "Officials counted 40,000 ballots on Sunday.")


def test_a_verb_that_introduces_a_clause_is_read_with_one_pattern_for_all_its_sentences():
    from storyline.analysis.claims import _clause_pattern, _introduces_clause

    def said(predicate: str, text: str) -> bool:
        return _introduces_clause(Statement("a", 0, len(text), text, "fact", "asserted", predicate=predicate))

    _clause_pattern.cache_clear()
    assert said("concede", "The ferry operator conceded that two crossings were cancelled.")
    assert not said("concede", "The visiting side conceded a goal in the last minute.")
    assert said("Concede", "The harbour master conceded on Monday that the pier was unsafe.")
    assert _clause_pattern.cache_info().misses == 1  # one verb, one compiled pattern
    assert not said("", "Nobody conceded that the bridge was closed.")


def test_the_day_two_statements_date_is_no_number_they_share_but_still_brings_them_together():
    # Two things reported of one election day: the date's "14" is no count both give.
    counted = "On 14 March the electoral commission of Arland finished counting the votes cast in the capital."
    flooded = "Floods closed three polling stations in southern Arland on 14 March, officials in Borduria said."
    story = Story()
    story.say("a", counted, date="2025-03-14")
    story.say("b", flooded, date="2025-03-14")
    assert group_claims(story.corpus(), _vectors(counted, flooded, 0.5)) == []
    # Two tellings of one day's event that name no actor alike are still compared, and join over the bar.
    result = "The count ended in the capital on 14 March with the ruling party ahead."
    ended = "Counting in the capital finished on 14 March, the ruling party leading."
    story = Story()
    story.say("a", result, actors=[], predicate_class="finish", date="2025-03-14")
    story.say("b", ended, actors=[], predicate_class="finish", date="2025-03-14")
    assert len(group_claims(story.corpus(), _vectors(result, ended, 0.75))) == 1
    # One named speaker's account of that day, told by two reports the same day: one claim, though the two share few
    # words (too few to be one statement retold) and no number.
    story = Story()
    fair = "The count in the capital was fair, open and complete, with observers from every party watching."
    clean = "No ballot went missing during the count in the capital, where turnout beat every earlier vote."
    for doc, text in (("a", fair), ("b", clean)):
        story.say(doc, text, status="reported", actors=[], source_kind="named", source="local:person:premier",
                  predicate_class="say", date="2025-03-14")
    others = {f"Arland and Borduria reopened border crossing {doc.upper()} to lorries.": vector
              for doc, vector in (("c", (0.0, 0.0, 1.0)), ("d", (0.0, 1.0, 0.0)))}
    for doc, text in zip("cd", others):  # other reports of the story, on other things
        story.say(doc, text)
    vectors = vectors_by_text({fair: (1.0, 0.0, 0.0), clean: (0.5, 0.0, 0.866), **others})  # fair, clean: 0.5
    assert len(group_claims(story.corpus(), vectors)) == 1


def test_two_speakers_quotations_are_two_claims_however_alike_their_words():
    # "“The ceasefire is holding,” the mayor said" and "“The truce is holding,” the union leader said".
    story = Story()
    story.say("a", A, source="kb:AAA", source_kind="quoted")
    story.say("b", B, source="kb:BBB", source_kind="quoted")
    close = vectors_by_text({A: (1.0, 0.0), B: (0.95, 0.31)})
    assert group_claims(story.corpus(), close, threshold=0.7) == []
    # One speaker quoted by two reports, or one quoted and one paraphrased, may be one claim.
    story.records["statements"][1].source = "kb:AAA"
    assert len(group_claims(story.corpus(), close, threshold=0.7)) == 1
    story.records["statements"][1].source, story.records["statements"][1].source_kind = "kb:BBB", "named"
    assert len(group_claims(story.corpus(), close, threshold=0.7)) == 1


def test_an_agent_the_other_statement_never_names_raises_the_bar():
    # "Arland imposed a levy on grain" and "the neighbours imposed a levy on grain" (an agent the parse missed,
    # naming only Borduria): one predicate, but not one resolved agent.
    story = Story()
    story.say("a", A, predicate_class="tax", agent="kb:AAA", actors=["kb:AAA"])
    story.say("b", B, predicate_class="tax", agent=None, actors=["kb:BBB"])
    barely = vectors_by_text({A: (1.0, 0.0), B: (0.72, 0.694)})  # cosine 0.72: above 0.7, below 0.74
    assert group_claims(story.corpus(), barely, threshold=0.7) == []
    # The same when the other names that actor: a clause without an agent matches any.
    story.records["statements"][1].actors = ["kb:AAA", "kb:BBB"]
    assert len(group_claims(story.corpus(), barely, threshold=0.7)) == 1
    # A report-local actor the other report names too, though its parse typed the name otherwise ("the Seagull"
    # a vessel here, a place there), is named there.
    story.records["statements"][0].agent = "local:organization:seagull"
    story.records["statements"][1].actors = ["local:place:seagull"]
    assert len(group_claims(story.corpus(), barely, threshold=0.7)) == 1
    story.records["statements"][1].actors = ["local:place:kestrel"]
    assert group_claims(story.corpus(), barely, threshold=0.7) == []


def test_a_negation_closed_by_its_source_after_a_dash_is_not_the_statement_it_negates():
    # Translated reports often close a quotation with a dash and its source: "... is not open - the mayor said".
    from storyline.analysis.claims import negative

    story = Story()
    stated, denied = "The Arland ferry is running to the islands.", "The Arland ferry is not running to the islands - the mayor said."
    story.say("a", stated)
    story.say("b", denied, status="reported")
    assert negative(story.records["statements"][1]) and not negative(story.records["statements"][0])
    close = vectors_by_text({stated: (1.0, 0.0), denied: (0.95, 0.31)})
    assert group_claims(story.corpus(), close, threshold=0.7) == []


def test_a_short_statement_beside_a_sentence_three_times_as_long_needs_the_higher_bar():
    # The short one tells at most one clause of the long one: the encoder's score is no evidence of one claim.
    short = "Arland's ministers talked about the grain."
    long_ = ("As the minister wrote on his blog on Friday, he confirmed during a long call with Borduria's envoy the "
             "position of the two governments on grain, on the harbour fees and on the ferry to the islands.")
    story = Story()
    story.say("a", short)
    story.say("b", long_)
    barely = vectors_by_text({short: (1.0, 0.0), long_: (0.72, 0.694)})  # cosine 0.72: above 0.7, below 0.74
    assert group_claims(story.corpus(), barely, threshold=0.7) == []
    assert len(group_claims(story.corpus(), vectors_by_text({short: (1.0, 0.0), long_: (0.9, 0.436)}),
                            threshold=0.7)) == 1


ACT_FIRST = "The harbour board approved the dredging plan on Monday after weeks of quarrels in the chamber."
ACT_SECOND = "On Monday the board finally approved a $12 million dredging plan for the harbour in a wider budget."


def _act_story(second_class: str = "approve", date: str | None = "2025-01-06", agent: str = "kb:AAA") -> Story:
    story = Story()
    story.say("a", ACT_FIRST, predicate="approve", predicate_class="approve", agent="kb:AAA", theme="dredging plan",
              date=date)
    story.say("b", ACT_SECOND, predicate=second_class, predicate_class=second_class, agent=agent, theme="plan",
              date=date)
    story.say("c", REOPENED, actors=[], predicate_class="reopen")  # a third report: the shared words are rare
    return story


def test_one_actors_one_act_on_one_day_ties_two_wordings_below_the_content_bar():
    claims = group_claims(_act_story().corpus(), _vectors(ACT_FIRST, ACT_SECOND, 0.5))
    assert len(claims) == 1 and len(claims[0].statements) == 2
    assert one_act(_act_story().corpus(), *_act_story().records["statements"][:2])
    # another act, another agent, no day or a month only, or wordings too far apart: two claims
    for story, cosine in ((_act_story(second_class="reject"), 0.5), (_act_story(agent="kb:BBB"), 0.5),
                          (_act_story(date=None), 0.5), (_act_story(date="2025-01"), 0.5), (_act_story(), 0.4)):
        assert group_claims(story.corpus(), _vectors(ACT_FIRST, ACT_SECOND, cosine)) == []


def test_one_act_meets_the_closest_telling_of_that_act_in_the_other_report():
    closer = "The board approved the dredging plan for the harbour on Monday, its chairman said."
    story = _act_story()
    story.say("b", closer, predicate="approve", predicate_class="approve", agent="kb:AAA", theme="plan",
              date="2025-01-06")
    vectors = vectors_by_text({ACT_FIRST: (1.0, 0.0), ACT_SECOND: (0.5, 0.866), closer: (0.55, -0.835),
                               REOPENED: (0.0, 1.0)})
    claims = group_claims(story.corpus(), vectors)
    texts = {s.text for s in story.records["statements"] if claims and statement_id(s) in claims[0].statements}
    assert texts == {ACT_FIRST, closer}


def test_a_credit_line_or_an_editors_note_is_no_claim():
    for first, second in (("The Tidewater Herald contributed to this report.",
                           "Coastal Wire contributed reporting to this story."),
                          ("This article has been updated with new figures.", "This story was updated on Friday.")):
        story = Story()
        story.say("a", first, actors=[], predicate="contribute", predicate_class="contribute", agent="x")
        story.say("b", second, actors=[], predicate="contribute", predicate_class="contribute", agent="y")
        assert group_claims(story.corpus(), vectors_by_text({first: (1.0, 0.0), second: (0.95, 0.31)})) == []
    # a gift to a fund is a claim of fact
    first = "The union contributed to the relief fund for the flooded towns."
    second = "The union gave money to the flood relief fund."
    story = Story()
    story.say("a", first, actors=[], predicate="contribute", predicate_class="contribute")
    story.say("b", second, actors=[], predicate="contribute", predicate_class="contribute")
    assert len(group_claims(story.corpus(), vectors_by_text({first: (1.0, 0.0), second: (0.95, 0.31)}))) == 1


def test_one_proposition_with_not_one_word_in_common_but_names_earns_no_lower_bar():
    # one agent, one act class, one theme: the bonus bar would join a war's start and its hundredth day of shelling
    first = "Arland invaded Borduria last spring because its rulers expected a quick win."
    second = "For 90 days Arland has kept bombarding Bordurian towns and ports."
    one = {"agent": "kb:AAA", "predicate": "invade", "predicate_class": "attack", "theme": "kb:BBB"}
    two = {"agent": "kb:AAA", "predicate": "bombard", "predicate_class": "attack", "theme": "kb:BBB"}
    assert _thin_pair(first, second, 0.6, one, two) == []
    # at the plain bar they may still be one statement in other words
    assert len(_thin_pair(first, second, 0.7, one, two)) == 1
    # a word in common besides the names keeps the lower bar of one proposition
    third = "For 90 days Arland has kept bombarding Bordurian towns since it invaded."
    assert len(_thin_pair(first, third, 0.6, one, two)) == 1
    # so does a theme told in words: what was done is more than one actor acting on another
    assert len(_thin_pair(first, second, 0.6, one, {**two, "theme": "towns and ports"})) == 1


def test_a_capability_and_an_act_of_that_kind_are_two_claims():
    act = "Arland's new levee held back the river flood near Borduria on Sunday."
    able = "Arland's new levee can hold back a river flood near Borduria twice that size."
    vectors = vectors_by_text({act: (1.0, 0.0), able: (0.98, 0.2)})
    story = Story()
    story.say("a", act, predicate="hold", predicate_class="hold", agent="kb:AAA")
    story.say("b", able, predicate="hold", predicate_class="hold", agent="kb:AAA", modality="can")
    assert group_claims(story.corpus(), vectors) == []
    # "able to" / "capable of" before the verb is a capability too, read from the words where the parse gives no modal
    port = "The Borduria port is able to load forty grain ships a day under the new trade deal."
    loaded = "The Borduria port loaded forty grain ships on Monday under the new trade deal."
    story = Story()
    story.say("a", port, predicate="load")
    story.say("b", loaded, predicate="load")
    assert group_claims(story.corpus(), vectors_by_text({port: (1.0, 0.0), loaded: (0.98, 0.2)})) == []
    # two tellings of one capability are one claim
    story = Story()
    story.say("a", able, predicate="hold", modality="can")
    other = "Arland's levee is capable of holding back a flood near Borduria twice that size."
    story.say("b", other, predicate="hold")
    claims = group_claims(story.corpus(), vectors_by_text({able: (1.0, 0.0), other: (0.98, 0.2)}))
    assert len(claims) == 1 and len(claims[0].statements) == 2


def test_a_belief_in_an_act_and_the_act_itself_are_two_claims():
    rigged = "The count in the Arland election was rigged in favour of the ruling party."
    convinced = "The Borduria opposition is convinced the count in the Arland election was rigged for the ruling party."
    vectors = vectors_by_text({rigged: (1.0, 0.0), convinced: (0.98, 0.2)})
    story = Story()
    story.say("a", rigged)
    story.say("b", convinced)
    assert group_claims(story.corpus(), vectors) == []
    # "believes that" is a belief; "is believed to" is a hedged report of the thing itself
    believes = "Borduria believes that the count in the Arland election was rigged for the ruling party."
    hedged = "The count in the Arland election is believed to have been rigged for the ruling party."
    story = Story()
    story.say("a", believes)
    story.say("b", hedged)
    assert group_claims(story.corpus(), vectors_by_text({believes: (1.0, 0.0), hedged: (0.98, 0.2)})) == []
    story = Story()
    story.say("a", rigged)
    story.say("b", hedged)
    claims = group_claims(story.corpus(), vectors_by_text({rigged: (1.0, 0.0), hedged: (0.98, 0.2)}))
    assert len(claims) == 1 and len(claims[0].statements) == 2


def test_one_kind_of_act_in_two_towns_is_two_claims():
    lenton = "The river Arle burst its banks in Lenton after three days of rain."
    dunmore = "Three days of rain made the river Arle burst its banks and flood homes in Dunmore."
    places = [Entity("local:place:lenton", "Lenton", "place"), Entity("local:place:dunmore", "Dunmore", "place"),
              Entity("local:place:lenton-county", "Lenton county", "place")]
    vectors = vectors_by_text({lenton: (1.0, 0.0), dunmore: (0.98, 0.2)})

    def story_of(second: str, place: str, actors: list[str]) -> Story:
        story = Story()
        story.ENTITIES = Story.ENTITIES + places
        story.say("a", lenton, predicate="burst", place="local:place:lenton", actors=["local:place:lenton"])
        story.say("b", second, predicate="burst", place=place, actors=actors)
        return story

    assert group_claims(story_of(dunmore, "local:place:dunmore", ["local:place:dunmore"]).corpus(), vectors) == []
    # a town and a region named after it are one place; so is a place the other statement names too
    county = "Three days of rain made the river Arle burst its banks across Lenton county."
    story = story_of(county, "local:place:lenton-county", ["local:place:lenton-county"])
    claims = group_claims(story.corpus(), vectors_by_text({lenton: (1.0, 0.0), county: (0.98, 0.2)}))
    assert len(claims) == 1 and len(claims[0].statements) == 2
    near = "Three days of rain made the river Arle burst its banks in Dunmore, near Lenton."
    story = story_of(near, "local:place:dunmore", ["local:place:dunmore", "local:place:lenton"])
    claims = group_claims(story.corpus(), vectors_by_text({lenton: (1.0, 0.0), near: (0.98, 0.2)}))
    assert len(claims) == 1 and len(claims[0].statements) == 2
