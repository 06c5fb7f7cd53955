"""Whole functions that read report text grow linearly: the cleaner on long hostile lines, the
office-holder check on a sentence of thousands of names."""

from __future__ import annotations

import time
from types import SimpleNamespace

from storyline.analysis.kbcheck import OfficeCheck, role_offices
from storyline.ingest.clean import clean_text
from storyline.kb.lookup import load_kb
from storyline.models import Mention


def _best(fn, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return min(times)


def _ratio(make, small: int, large: int) -> float:
    """Time on ``large`` over time on ``small`` (interleaved, best of three)."""
    a, b = make(small), make(large)
    pairs = [(_best(a, 1), _best(b, 1)) for _ in range(3)]
    return min(p[1] for p in pairs) / max(min(p[0] for p in pairs), 1e-6)


def test_cleaner_on_a_byline_with_one_huge_token_is_linear():
    def make(n):
        text = "By " + "a" * n + "\n\nThe flood rose on Tuesday, officials said in a statement to reporters."
        return lambda: clean_text(text)

    assert _ratio(make, 20_000, 160_000) < 30  # 8× longer: linear ~8×, quadratic ~64×


def test_cleaner_on_lines_of_links_and_brackets_is_linear():
    def make(n):
        text = "".join(f"* [Story {i}](https://example.org/{i}) [ a ] [ b ]\n" for i in range(n))
        return lambda: clean_text(text + "\nThe flood rose on Tuesday, officials said.")

    assert _ratio(make, 1_000, 8_000) < 30


def test_office_check_on_a_sentence_of_many_names_is_linear():
    check = OfficeCheck(load_kb())

    def make(n):
        text = "By " + "John Smith and " * n + "the minister spoke."
        starts = [3 + 15 * i for i in range(n)]
        mentions = [Mention("d", s, s + 10, "John Smith", "PERSON") for s in starts]
        corpus = SimpleNamespace(documents={"d": {"text": text}}, sentence_span=lambda doc, offset: (0, len(text)))
        return lambda: [role_offices(check, corpus, m, starts) for m in mentions]

    assert _ratio(make, 500, 4_000) < 30
