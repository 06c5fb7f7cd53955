"""Who speaks in a bottom line: a principal of the story, whose demand is news, or one whose plea is not."""

from __future__ import annotations

import pytest

from storyline.analysis.bottomline import appeal, candidates, motive_reading
from storyline.analysis.bottomline_speakers import commentator, principal
from storyline.analysis.entities import Entity
from storyline.models import Statement
from tests.analysis.test_claims import Story


class Cast(Story):
    ENTITIES = Story.ENTITIES + [
        Entity("kb:OCN", "Ocean Council", "igo"),
        Entity("local:person:mara-lind", "Mara Lind", "person", roles=["Prime Minister"]),
        Entity("local:person:otto-brandt", "Otto Brandt", "person", roles=["former Prime Minister"]),
        Entity("local:person:ida-vos", "Ida Vos", "person", roles=["senior fellow at the Harbour Institute"]),
        Entity("local:group:civic-groups", "civic groups", "group"),
        Entity("local:person:rhea-moll", "Rhea Moll", "person", roles=["opposition lawmaker"]),
        Entity("local:person:governor-tal", "Governor Tal", "person", roles=["governor"]),
    ]


@pytest.mark.parametrize("actor, expected", [
    ("kb:AAA", True),  # a state
    ("kb:OCN", True),  # an international body
    ("local:person:mara-lind", True),  # a head of government
    ("local:person:otto-brandt", False),  # out of office
    ("local:person:ida-vos", False),  # a reader of events
    ("local:group:civic-groups", False),
    (None, False),
])
def test_a_principal_is_a_state_a_body_or_one_in_office_to_decide_for_it(actor, expected):
    story = Cast()
    story.report("a", "The harbour stays shut.", published="2026-03-02")
    assert principal(story.corpus(), actor, "a") is expected


def test_a_commentator_is_named_so_or_given_such_a_role():
    story = Cast()
    story.report("a", "The harbour stays shut.", published="2026-03-02")
    corpus = story.corpus()
    assert commentator(corpus, "local:person:ida-vos", "Ida Vos", "a")
    assert commentator(corpus, None, "two shipping analysts", "a")
    assert not commentator(corpus, "local:person:mara-lind", "Mara Lind", "a")


PLEA = "Civic groups and two unions have called on the donors to withhold the reconstruction funds from Varn."
DEMAND = "The government of Arland has called on the striking dockers to return to work at Varn by Friday."


def _opening(text: str, agent: str | None) -> list[str]:
    later = "Ferries to the islands ran again on Thursday after a three-day stoppage, the port authority said."
    story = Cast()
    story.report("a", text, later, published="2026-03-02")
    story.records["statements"] += [
        Statement("a", 0, len(text), text, "fact", "asserted", actors=["kb:AAA"], agent=agent),
        Statement("a", len(text) + 1, len(text) + 1 + len(later), later, "fact", "reported", actors=["kb:AAA"],
                  source_kind="named")]
    # the lede section as it is built, before the ranking model weighs its lines
    return [b.text for b in candidates(story.corpus(), [], [], [], capped=True) if b.kind == "fact"]


def test_a_plea_by_one_who_decides_nothing_is_no_lede_but_a_partys_demand_is():
    assert _opening(PLEA, "local:group:civic-groups") == []
    assert _opening(PLEA, None) == []
    assert _opening(DEMAND, "kb:AAA") == [DEMAND]


@pytest.mark.parametrize("text", [
    "Harbour pilots called on Monday for talks on the new shift rota to resume.",
    "The fishermen appealed to the court to overturn the ban on night trawling.",
    "A retired admiral criticised the closure of the yard, calling on the ministry to reopen it.",
])
def test_a_day_a_court_or_a_participle_is_no_plea(text):
    story = Cast()
    story.report("a", text, published="2026-03-02")
    s = Statement("a", 0, len(text), text, "fact", "asserted", agent="local:group:civic-groups")
    assert not appeal(story.corpus(), s)


@pytest.mark.parametrize("kw, expected", [
    ({"source": "local:person:mara-lind", "predicate_class": "deploy"}, True),  # the prime minister sends ships
    ({"source": None, "agent": "kb:AAA", "predicate_class": "sanction", "source_kind": "author"}, True),  # a state acts
    ({"source": "local:person:ida-vos", "predicate_class": "deploy"}, False),  # a fellow tells of it
    ({"source": "local:person:otto-brandt", "predicate_class": "deploy"}, False),  # out of office
    ({"source": "local:person:mara-lind", "predicate_class": "meet"}, False),  # no act a party decides
    ({"source": "local:person:mara-lind", "predicate_class": "deploy", "status": "negated"}, False),
    ({"source": "local:person:mara-lind", "predicate_class": "deploy", "status": "possible"}, False),
    ({"source": "local:person:mara-lind", "predicate_class": "deploy", "date": "2026-02-27"}, True),  # last week
    ({"source": "local:person:mara-lind", "predicate_class": "deploy", "date": "2026-01"}, False),  # weeks before: a recap
    ({"source": None, "agent": "kb:AAA", "predicate_class": "fund", "source_kind": "author", "date": "2025-11"}, False),
])
def test_a_decision_is_an_act_a_principal_tells_it_decided(kw, expected):
    from storyline.analysis.bottomline import decision

    text = "Two frigates will sail to the strait of Varn on Monday to escort the grain convoys, the minister said."
    story = Cast()
    story.report("a", text, published="2026-03-02")
    kw = {"source_kind": "named", "status": "reported", **kw}
    s = Statement("a", 0, len(text), text, "fact", kw.pop("status"), **kw)
    assert decision(story.corpus(), s) is expected


def test_a_principals_decision_weighs_for_its_line():
    from storyline.analysis import bottomline_rank as rank
    from storyline.analysis.bottomline import line_features
    from storyline.models import BottomLine, Evidence

    text = "The prime minister announced that two frigates would escort the grain convoys through the strait."
    story = Cast()
    story.report("a", "Grain prices rose again on Monday.", text, published="2026-03-02")
    start = story.documents["a"]["text"].index(text)
    lines = []
    for source in ("local:person:mara-lind", "local:person:ida-vos"):
        story.records["statements"] = [Statement("a", start, start + len(text), text, "fact", "reported",
                                                 source=source, source_kind="named", predicate_class="announce",
                                                 actors=["kb:AAA"])]
        line = BottomLine(text=text, kind="report", evidence=[Evidence("a", start, start + len(text), text)],
                          sources=1, detail="")
        lines.append(line_features(story.corpus(), [line])[0])
    assert lines[0]["decision"] == 1.0 and lines[1]["decision"] == 0.0
    assert rank.probability(lines[0]) > rank.probability(lines[1])


def test_a_report_that_opens_with_a_commentators_word_has_its_own_news_for_lede():
    reading = "Grain exports through Varn have fallen by half since the closure, Ida Vos told reporters on Monday."
    news = "The port authority of Arland closed the harbour at Varn to all shipping on Sunday after a dredger sank."
    story = Cast()
    story.report("a", reading, news, published="2026-03-02")
    at = len(reading) + 1
    story.records["statements"] += [
        Statement("a", 0, len(reading), reading, "fact", "reported", source="local:person:ida-vos",
                  source_text="Ida Vos", source_kind="named", actors=["kb:AAA"]),
        Statement("a", at, at + len(news), news, "fact", "asserted", actors=["kb:AAA"], agent="kb:AAA")]
    ledes = [b.text for b in candidates(story.corpus(), [], [], [], capped=True) if b.kind == "fact"]
    assert ledes == [news]
    # the same words from the port authority's own head are the report's lede
    story.records["statements"][0].source = "local:person:mara-lind"
    story.records["statements"][0].source_text = "Mara Lind"
    assert [b.text for b in candidates(story.corpus(), [], [], [], capped=True) if b.kind == "fact"] == [reading]


@pytest.mark.parametrize("text, source, agent, expected", [
    # a lawmaker ascribes an aim to another: a reading of motive
    ("Rhea Moll said Governor Tal is trying to break the dockers' union before the port is sold.",
     "local:person:rhea-moll", "local:person:governor-tal", True),
    ("The ruling bloc wants to delay the vote until the floods recede, Rhea Moll told the radio station.",
     "local:person:rhea-moll", None, True),
    # the prime minister's word on it is her party's position
    ("Mara Lind said the rebels are trying to seize the grain depots north of Varn.",
     "local:person:mara-lind", None, False),
    # the speaker's own aim, and an accusation, are no reading of another's motive
    ("Rhea Moll said she is seeking to force a recount in the three coastal districts.",
     "local:person:rhea-moll", "local:person:rhea-moll", False),
    ("Rhea Moll accused the governor of trying to hide the cost of the new dam.",
     "local:person:rhea-moll", None, False),
    # no aim ascribed
    ("Rhea Moll said the governor closed the harbour to trawlers on Monday.", "local:person:rhea-moll", None, False),
])
def test_a_motive_a_speaker_who_decides_nothing_ascribes_to_another_is_a_reading(text, source, agent, expected):
    story = Cast()
    story.report("a", text, published="2026-03-02")
    s = Statement("a", 0, len(text), text, "fact", "reported", actors=["kb:AAA"], source=source, agent=agent,
                  source_kind="named")
    assert motive_reading(story.corpus(), s) is expected


def test_a_lawmakers_reading_of_motive_is_no_lede():
    text = "Rhea Moll, an opposition lawmaker, said the governor is trying to sell the port to a rival before the vote."
    story = Cast()
    later = "Ferries to the islands ran again on Thursday after a three-day stoppage, the port authority said."
    story.report("a", text, later, published="2026-03-02")
    story.records["statements"] += [
        Statement("a", 0, len(text), text, "fact", "reported", actors=["kb:AAA", "kb:BBB"],
                  source="local:person:rhea-moll", source_kind="named"),
        Statement("a", len(text) + 1, len(text) + 1 + len(later), later, "fact", "reported", actors=["kb:AAA"],
                  source_kind="named")]
    facts = [b.text for b in candidates(story.corpus(), [], [], [], capped=False) if b.kind != "commentary"]
    assert text not in facts


@pytest.mark.parametrize("text, expected", [
    ("The head of the opposition bloc in the assembly said in an interview that the governor is trying to sell the"
     " port.", True),
    ("The prime minister said in an interview that the rebels are trying to seize the grain depots.", False),
])
def test_a_reading_of_motive_the_parse_left_in_the_reports_voice_is_still_read_by_who_speaks(text, expected):
    story = Cast()
    story.report("a", text, published="2026-03-02")
    s = Statement("a", 0, len(text), text, "fact", "asserted", actors=["kb:AAA"], predicate="say",
                  source_kind="author")
    assert motive_reading(story.corpus(), s) is expected
