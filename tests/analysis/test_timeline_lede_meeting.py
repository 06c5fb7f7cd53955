"""A report's lede placed only by its report's day that sums up what people of its two countries did together,
told with its day further down ("Argentina is urging Brazil to release more water ..." / "The Argentine foreign
minister met the Brazilian foreign minister in Brasilia on Tuesday, pressing for ..."), is one happening: one entry,
told by the dated sentence. What another party did that day ("Paraguay's navy said on Tuesday ...") stays its own
entry. A hand-written crisis: low water on the Parana stranding grain barges."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.integration

LOW_WATER = [
    {"title": "Argentina presses Brazil over the Parana", "published": "2056-10-17", "text": (
        "Argentina is urging Brazil to release more water from its dams on the Parana as grain barges run aground "
        "downstream.\n"
        "The Argentine foreign minister met the Brazilian foreign minister in Brasilia on Tuesday, pressing for a "
        "joint plan while warning that the soybean harvest could be stranded.\n"
        "Paraguay's navy said on Tuesday that it had closed the river to barges at night.\n"
        "River levels at Rosario are the lowest in half a century.\n")},
    {"title": "Brazil weighs the request", "published": "2056-10-18", "text": (
        "Brazil's energy ministry said on Wednesday that the dams could release more water only after the rains "
        "return.\n")},
]


@pytest.fixture(scope="module")
def timeline(analyse_reports):
    return analyse_reports("lede-meeting-parana", LOW_WATER)["timeline"]


def test_a_lede_summing_up_a_dated_meeting_is_one_entry(timeline, planted_chronology):
    assert not any(t["text"].startswith("Argentina is urging") for t in timeline)
    met = planted_chronology.telling(timeline, "2056-10-17", "met the Brazilian foreign minister")
    assert len(met) == 1 and not met[0]["undated"]


def test_another_partys_act_that_day_stays_its_own_entry(timeline, planted_chronology):
    assert planted_chronology.telling(timeline, "2056-10-17", "Paraguay's navy said")
    assert len([t for t in timeline if t["date"] == "2056-10-17"]) == 2
