"""Which ledes in the simple past tell one doer's act (``happenings.past_lede``): a roundup joining a second named
doer's past act ("..., and Peru flew in two water bombers") is none; a second clause of telling or one with no named
subject goes on with the first act. No models: the lede is written as a statement."""

from __future__ import annotations

import pytest

from storyline.analysis.happenings import past_lede
from storyline.models import Statement


def _lede(text: str, predicate: str) -> Statement:
    return Statement(doc="d", start=0, end=len(text), text=text, kind="fact", status="asserted", predicate=predicate)


@pytest.mark.parametrize("text, predicate", [
    ("Chile sent 300 firefighters to the south, and Peru flew in two water bombers.", "send"),
    ("Kenya airlifted food to Turkana, while Uganda opened two border crossings for herders.", "airlift"),
])
def test_a_roundup_of_two_doers_is_no_lede_of_one_act(text, predicate):
    assert past_lede(_lede(text, predicate)) is None


@pytest.mark.parametrize("text, predicate, verb", [
    ("The Chilean government declared a state of emergency in Biobio, and the interior ministry said more troops "
     "would follow.", "declare", "declared"),
    ("Kenya closed its border with Somalia, and the president visited the camps in Dadaab.", "close", "closed"),
    ("Chile sent 300 firefighters to the south, and Chilean pilots flew in two water bombers.", "send", "sent"),
])
def test_one_doers_act_told_on_is_a_lede_of_one_act(text, predicate, verb):
    m = past_lede(_lede(text, predicate))
    assert m is not None and m.group(0) == verb
