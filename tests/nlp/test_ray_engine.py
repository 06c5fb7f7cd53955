"""The per-document stage on Ray actors gives the analysis the default engine gives."""

from __future__ import annotations

import json

import pytest


def _comparable(data: dict) -> dict:
    data = {k: v for k, v in data.items() if k not in ("generated_at", "seconds", "run", "changes")}
    return json.loads(json.dumps(data, sort_keys=True, default=str))


@pytest.mark.integration
def test_ray_engine_gives_the_same_analysis_as_local_processes(example_analysis, tmp_path):
    pytest.importorskip("ray.data")
    from storyline.api import analyze
    from storyline.data import example_corpus

    with example_corpus() as folder:  # the session's example_analysis is this folder's, on one local worker
        on_ray = analyze([folder], db=tmp_path / "ray.duckdb", workers=2, engine="ray").to_dict()
    a, b = _comparable(example_analysis), _comparable(on_ray)
    assert a["statements"] and a["quotes"] and a["figures"]
    assert a == b


def test_an_unknown_engine_is_refused_by_the_cli(tmp_path):
    from click.testing import CliRunner

    from storyline.cli import cli

    result = CliRunner().invoke(cli, ["analyze", str(tmp_path), "-o", str(tmp_path / "out"), "--engine", "spark"])
    assert result.exit_code == 2 and "--engine" in result.output


def test_a_missing_ray_is_one_line_for_the_user(monkeypatch):
    import builtins

    from storyline.nlp import ray_engine

    real_import = builtins.__import__

    def no_ray(name, *args, **kwargs):
        if name == "ray" or name.startswith("ray."):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_ray)
    with pytest.raises(ray_engine.EngineError, match=r"pip install 'storyline\[ray\]'"):
        list(ray_engine.extract_ray([{"id": "d"}], 1, ("m", 100)))
