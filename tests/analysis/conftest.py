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


def entries_telling(timeline: list[dict], day: str, words: str) -> list[dict]:
    """Timeline entries of ``day`` whose text holds ``words``: how a planted happening is found."""
    return [t for t in timeline if t["date"] == day and words in t["text"]]


@pytest.fixture(scope="session")
def planted_chronology():
    """``compare(timeline, planted)``: the planted (day, words) found, and the entries no planted happening explains;
    ``compare.is_the_timeline`` and ``compare.one_entry_each`` assert them."""

    def compare(timeline: list[dict], planted: set[tuple[str, str]]) -> tuple[set, list]:
        found = {(day, words) for day, words in planted if entries_telling(timeline, day, words)}
        extra = [(t["date"], t["text"]) for t in timeline
                 if not any(t["date"] == day and words in t["text"] for day, words in planted)]
        return found, extra

    def is_the_timeline(timeline: list[dict], planted: set[tuple[str, str]]) -> None:
        """Every planted happening is on the timeline, and nothing else is."""
        found, extra = compare(timeline, planted)
        assert found == planted
        assert extra == []

    def one_entry_each(timeline: list[dict], planted: set[tuple[str, str]], shared: tuple[str, str]) -> None:
        """Each planted happening is one entry, and the one two reports tell cites both."""
        for day, words in planted:
            assert len(entries_telling(timeline, day, words)) == 1, (day, words)
        assert len(entries_telling(timeline, *shared)[0]["docs"]) == 2

    compare.telling = entries_telling
    compare.is_the_timeline = is_the_timeline
    compare.one_entry_each = one_entry_each
    return compare
