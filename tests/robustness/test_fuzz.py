"""Fuzzing every loader, the cleaner and the store with hostile inputs (hypothesis).

For each generated input: no exception escapes, nothing hangs (a per-input alarm), every
input gets a status line, and a good report given beside it is always stored. The example
budget here fits CI; ``bench/fuzz.py`` runs the same strategies with a budget of thousands.
"""

from __future__ import annotations

import os
import signal
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from storyline import config
from storyline.ingest.clean import clean_text
from storyline.ingest.fetch import FetchOptions
from storyline.ingest.loaders import LoadOptions
from storyline.ingest.pipeline import iter_inputs, run_ingest
from storyline.store.db import Store

sys.path.insert(0, str(Path(__file__).parent))
from strategies import hostile_text, inputs  # noqa: E402 - shared with bench/fuzz.py

EXAMPLES = int(os.environ.get("STORYLINE_FUZZ_EXAMPLES", "40"))
SECONDS_PER_INPUT = 10
GOOD = (
    "Engineers restored power to the northern grid on Thursday after a storm brought down "
    "transmission lines, the utility said, while crews kept working on rural feeders."
)

FUZZ = settings(
    max_examples=EXAMPLES, deadline=None, derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture, HealthCheck.data_too_large],
)


class Hang(Exception):
    pass


@contextmanager
def time_limit(seconds: float):
    def alarm(*_):
        raise Hang(f"no answer within {seconds} s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = Store.open(tmp_path_factory.mktemp("store") / "fuzz.duckdb")
    yield s
    s.close()


@FUZZ
@given(case=inputs)
def test_any_input_gets_a_status_and_a_good_report_beside_it_is_stored(tmp_path_factory, store, case):
    name, data = case
    folder = tmp_path_factory.mktemp("in")
    (folder / name).write_bytes(data)
    (folder / "good.txt").write_text(GOOD)
    with time_limit(SECONDS_PER_INPUT):
        items = iter_inputs([str(folder / name), str(folder / "good.txt")], LoadOptions(), FetchOptions(timeout=1))
        summary = run_ingest(store, items, config.defaults())
    sources = [s.source for s in summary.items]
    assert any(name in src for src in sources), "the hostile input got no status line"
    [good] = [s for s in summary.items if s.source.endswith("good.txt")]
    assert good.status in {"added", "duplicate"} and store.has_document(good.doc_id)
    for status in summary.items:
        assert status.status in {"added", "unchanged", "duplicate", "updated", "error"}
        if status.status == "error":
            assert status.message and status.message.isprintable()


@FUZZ
@given(text=hostile_text)
def test_cleaner_never_raises_and_keeps_offsets(text):
    with time_limit(SECONDS_PER_INPUT):
        result = clean_text(text)
    for span in result.removed:
        if span.start is not None:
            assert 0 <= span.start <= span.end <= len(text)
