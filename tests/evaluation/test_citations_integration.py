"""Citation integrity of the briefing over every golden corpus: seeds, example, team stories, real text."""

import pytest

from storyline.render.citations import check_briefing

pytestmark = pytest.mark.integration


def _assert_sound(name: str, data: dict) -> None:
    report = check_briefing(data)
    assert report.lines > 0
    shown = "; ".join(f"{p.format} {p.rule}: {p.detail} ({p.line[:60]!r})" for p in report.problems[:5])
    assert not report.problems, f"{name}: {report.failed_lines} of {report.lines} lines fail: {shown}"


def test_golden_briefings_cite_what_they_show(golden_analyses):
    for name, (data, _) in golden_analyses.items():
        _assert_sound(name, data)


def test_realtext_briefings_cite_what_they_show(realtext_analyses):
    for name, (data, *_) in realtext_analyses.items():
        _assert_sound(name, data)
