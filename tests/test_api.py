"""The Python API: real signatures, failed inputs reported in ``errors`` with one warning,
and a stored analysis read back as it was written."""

from __future__ import annotations

import inspect
import json

import pytest

import storyline
from storyline import api


def test_public_functions_have_real_signatures_and_docstrings():
    for func in (storyline.analyze, storyline.load, api.analyze, api.load):
        params = inspect.signature(func).parameters
        assert not any(p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD) for p in params.values()), func
        assert func.__doc__ and len(func.__doc__) > 80
    assert list(inspect.signature(storyline.analyze).parameters) == list(inspect.signature(api.analyze).parameters)
    assert inspect.signature(storyline.analyze).parameters["db"].default == ":memory:"


def test_loading_a_store_without_an_analysis_raises_store_error(tmp_path):
    from storyline.store.db import Store

    Store.open(tmp_path / "s.duckdb").close()
    with pytest.raises(api.StoreError, match="no stored analysis"):
        storyline.load(tmp_path / "s.duckdb")


REPORT = """Ceasefire holds in Tigray town

The regional administration said on Monday that the ceasefire had held for a third day in the town of Adigrat.
Aid agencies said 12 trucks of food reached the town on Sunday.
"""


@pytest.mark.integration
def test_failed_inputs_are_listed_with_one_warning_and_the_rest_analysed(tmp_path):
    missing = tmp_path / "missing.txt"
    with pytest.warns(api.InputWarning, match="1 of 2 inputs could not be read"):
        result = storyline.analyze([REPORT, missing], db=tmp_path / "s.duckdb")
    assert [(e.source, e.status) for e in result.errors] == [(str(missing), "error")]
    assert result.errors[0].message
    assert len(result.corpus.documents) == 1 and result.run.id == 1

    again = storyline.load(tmp_path / "s.duckdb")
    assert again.run.id == 1
    written, read = result.to_dict(), again.to_dict()
    for key in ("documents", "entities", "statements", "clusters", "conflicts", "figure_tables", "timeline",
                "network", "options", "implications"):
        assert json.loads(json.dumps(read[key], default=str)) == json.loads(json.dumps(written[key], default=str)), key


def test_an_ingest_stopped_short_stops_the_workers_started_ahead(tmp_path, monkeypatch):
    from storyline.ingest import pipeline
    from storyline.nlp import workers

    stopped = []

    class Pool:
        def shutdown(self, wait=True, cancel_futures=False):
            stopped.append(cancel_futures)

    def interrupted(*args, **kwargs):
        workers._WARM["pool"], workers._WARM["key"] = Pool(), ("started", "ahead")
        raise KeyboardInterrupt

    monkeypatch.setattr(pipeline, "run_ingest", interrupted)
    monkeypatch.setitem(workers._KEPT, "on", False)
    with pytest.raises(KeyboardInterrupt):
        api.analyze([str(tmp_path / "report.txt")], db=tmp_path / "s.duckdb")
    assert stopped == [True] and workers._WARM["pool"] is None
