"""Readings of single sentences kept across runs (``reuse.TextChecks``): read back while what they are read from is
unchanged, read again where it changed, and the conflicts found with them equal those found afresh."""

from __future__ import annotations

import duckdb

from storyline.analysis.conflict_intent import intentions
from storyline.analysis.conflict_judged import judgements
from storyline.analysis.conflicts import find_conflicts
from storyline.analysis.entities import Entity
from storyline.analysis.reuse import TextChecks, remembered_intentions, remembered_judgements
from storyline.models import Mention, Statement

from tests.analysis.stories import StoryBuilder

MILL = "local:organization:river-mill"
TOWN = "kb:TWN"
JUDGED = [
    "The council said the new water charge was unfair to farmers.",
    "The regulator said the new water charge was fair to farmers.",
    "Pickets gathered outside the mill gates before dawn.",
]


def _mentions(doc: str, text: str, entity: str = MILL, offset: int = 0) -> list[Mention]:
    at = text.lower().find("the mill")
    return [Mention(doc, offset + at, offset + at + 8, text[at:at + 8], "KB", entity, "organization")] if at >= 0 else []


def test_judgements_are_read_back_in_a_later_run_and_read_again_for_a_changed_sentence():
    con = duckdb.connect(":memory:")
    checks = TextChecks(con)
    read = remembered_judgements(checks)
    assert [read(t) for t in JUDGED] == [judgements(t) for t in JUDGED]
    assert checks.read == len(JUDGED)
    checks.save()
    later = TextChecks(con)  # a new run on the same store
    read = remembered_judgements(later)
    changed = JUDGED[:2] + ["Pickets gathered outside the mill gates after dusk."]
    assert [read(t) for t in changed] == [judgements(t) for t in changed]
    assert later.read == 1  # only the sentence that changed was read
    later.save()
    stored = con.execute("SELECT count(*) FROM text_checks").fetchone()[0]
    assert stored == len(changed)  # the old reading of the changed sentence is gone


def test_an_intention_is_read_again_when_the_party_named_in_its_context_changes():
    report = "Workers walked out at the mill on Monday. It could close its doors for good, the union warned."
    sentence = "It could close its doors for good, the union warned."
    start = report.index(sentence)
    checks = TextChecks()
    read = remembered_intentions(checks)
    args = (sentence, _mentions("d", report), start, None, report[:start])
    assert read(*args) == intentions(*args)
    checks.save()
    read = remembered_intentions(checks)
    assert read(*args) == intentions(*args) and checks.read == 0  # read back
    merged = (sentence, _mentions("d", report, "kb:MIL"), start, None, report[:start])
    assert read(*merged) == intentions(*merged) and checks.read == 1  # the mill's actor id changed: read again
    other = (sentence, _mentions("d", report), start, None, "The mill owners met the council. ")
    assert read(*other) == intentions(*other) and checks.read == 2  # other text before it: read again


class Story(StoryBuilder):
    ENTITIES = [Entity(MILL, "the mill", "organization"), Entity(TOWN, "Tarnow", "state")]

    def say(self, doc: str, text: str, published: str, actors: list[str], source: str | None = None) -> None:
        self.report(doc, text, published=published)
        self.records["statements"].append(Statement(doc, 0, len(text), text, "claim", "asserted", actors=actors,
                                                    source=source, source_kind="named" if source else "author"))
        self.records["mentions"].extend(_mentions(doc, text))


def test_conflicts_found_with_remembered_readings_equal_those_found_afresh():
    story = Story()
    story.say("a", "The council said the new water charge was unfair to farmers.", "2031-05-02", [TOWN], TOWN)
    story.say("b", "The mill said the new water charge was fair to farmers.", "2031-05-03", [MILL], MILL)
    story.say("c", "The union said the mill could close its doors for good.", "2031-05-03", [MILL], "kb:UNN")
    story.say("d", "The mill has no plans to close its doors, its owner said.", "2031-05-04", [MILL], MILL)
    corpus = story.corpus()
    fresh = find_conflicts(corpus)
    assert {c.kind for c in fresh} == {"negation"} and len(fresh) == 2  # a judgement and an intention disputed
    checks = TextChecks()
    assert find_conflicts(corpus, checks=checks) == fresh
    checks.save()
    assert find_conflicts(corpus, checks=checks) == fresh and checks.read == 0
