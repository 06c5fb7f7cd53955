"""Fixtures shared by the analysis tests."""

from __future__ import annotations

import json

import pytest


@pytest.fixture(scope="module")
def analyse_reports(tmp_path_factory):
    """Analyse a list of ``{"filename", "content"}`` reports (a bulk JSON) in a fresh store; the JSON contract."""
    from storyline.api import analyze

    def run(name: str, reports: list[dict]) -> dict:
        folder = tmp_path_factory.mktemp(name)
        bulk = folder / f"{name}.json"
        bulk.write_text(json.dumps(reports), encoding="utf-8")
        return analyze([bulk], db=folder / "store.duckdb", workers=1).to_dict()

    return run
