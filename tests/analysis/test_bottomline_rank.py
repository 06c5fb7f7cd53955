"""The bottom line's ranking model: general features of a candidate line, and the lines it keeps."""

from __future__ import annotations

from storyline.analysis import bottomline
from storyline.analysis import bottomline_rank as rank
from storyline.analysis.claims import corroborate
from storyline.models import BottomLine, Evidence, Statement

from tests.analysis.stories import StoryBuilder


def _line(text: str, kind: str = "fact", sources: int = 1, docs: tuple[str, ...] = ("a",)) -> BottomLine:
    return BottomLine(text=text, kind=kind, evidence=[Evidence(d, 0, len(text), text) for d in docs], sources=sources)


def test_features_read_who_says_it_how_sure_where_it_stands_and_how_it_opens():
    text = "This ends forty years of neutrality for the two countries."
    lead = Statement("a", 0, len(text), text, "fact", "asserted", source_kind="author")
    f = rank.features(_line(text), lead, position=0.5)
    assert f["author"] == 1.0 and f["named"] == 0.0 and f["pronoun"] == 1.0 and f["lede"] == 0.0
    assert f["early"] == 0.5 and f["sources"] == 0.0
    text = "The port authority confirmed on Monday that 14 vessels were held at anchor."
    lead = Statement("a", 0, len(text), text, "fact", "confirmed", source_kind="named", date="2025-03-03",
                     actors=["kb:AAA", "kb:BBB"], predicate_class="deploy")
    f = rank.features(_line(text, "confirmation", sources=3, docs=("a", "b", "c")), lead, position=0.0, verbatim=True)
    assert f["confirmed"] == f["named"] == f["lede"] == f["number"] == f["dated"] == f["act"] == f["verbatim"] == 1.0
    assert f["sources"] == 2.0 and f["pronoun"] == 0.0


def test_a_confirmed_fact_several_reports_state_outranks_one_reports_aside_in_its_own_voice():
    fact = "The port authority confirmed on Monday that 14 vessels were held at anchor."
    aside = "They were, as ever, the last to know about it in the end."
    strong = rank.probability(rank.features(
        _line(fact, "confirmation", sources=3, docs=("a", "b", "c")),
        Statement("a", 0, len(fact), fact, "fact", "confirmed", source_kind="named", actors=["kb:AAA"]), 0.0))
    weak = rank.probability(rank.features(
        _line(aside, "report"), Statement("a", 0, len(aside), aside, "fact", "asserted", source_kind="author"), 0.8))
    assert strong >= rank.KEEP > weak


class Story(StoryBuilder):
    pass


def test_the_ranked_bottom_line_keeps_a_shared_confirmation_and_drops_a_lone_aside_further_down():
    fact = "The port authority confirmed on Monday that 14 vessels were held at anchor off Arland."
    told = "Fourteen vessels were held at anchor off Arland on Monday, the port authority confirmed."
    opening = "A storm closed the harbour of Arland on Sunday night, the coast guard said."
    aside = "They were, as ever, the last to know about it in the end."
    story = Story()
    story.report("a", opening, aside, published="2025-03-03")
    story.report("b", fact, published="2025-03-03")
    story.report("c", told, published="2025-03-03")
    records = story.records["statements"]
    records.append(Statement("a", 0, len(opening), opening, "fact", "reported", source_kind="named",
                             actors=["kb:AAA"], source_text="the coast guard"))
    at = len(opening) + 1
    records.append(Statement("a", at, at + len(aside), aside, "fact", "asserted", source_kind="author"))
    for doc, text in (("b", fact), ("c", told)):
        records.append(Statement(doc, 0, len(text), text, "fact", "confirmed", source_kind="named", actors=["kb:AAA"],
                                 source_text="the port authority"))
    corpus = story.corpus()
    claim = corroborate(corpus, [s for s in corpus.statements if s.doc in ("b", "c")])
    lines = [b for b in bottomline.bottom_line(corpus, [claim], [], []) if b.kind != "commentary"]
    texts = [b.text for b in lines]
    assert texts[0] in (fact, told) and lines[0].sources == 2  # the shared confirmation leads
    assert opening in texts and aside not in texts
    assert [b.score for b in lines] == sorted((b.score for b in lines), reverse=True)
