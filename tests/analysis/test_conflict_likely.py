"""A claim its source judges probably so ("most likely caused by") is an assessment that a denial contradicts;
a weaker hedge ("may have been caused"), a forecast ("is likely to rise") or a doubt ("has not confirmed") is not."""

from __future__ import annotations

from storyline.analysis.conflict_pairs import judged_likely

from tests.analysis.test_conflict_shapes import _found, _pair

LIKELY = "The landslide above Huaraz was most likely triggered by illegal mining on the slope, the geologist said."


def test_a_probable_cause_is_an_assessment_and_weaker_hedges_or_forecasts_are_not():
    assert judged_likely(LIKELY)
    assert judged_likely("The pipeline probably burst because of corrosion, engineers said.")
    assert not judged_likely("The landslide may have been triggered by illegal mining, the geologist said.")
    assert not judged_likely("The death toll is likely to rise, officials said.")
    assert not judged_likely("It is unlikely that mining triggered the landslide.")


def test_a_probable_cause_against_its_denial_is_a_status_conflict():
    story = _pair(LIKELY, "possible",
                  "The mining cooperative denied that illegal mining had triggered the landslide above Huaraz.",
                  "denied", dates=("2027-01-18", "2027-01-19"), first_source="local:person:geologist",
                  later_source="local:organization:cooperative")
    assert _found(story) == [("status", ["a", "b"])]


def test_a_probable_cause_against_a_doubt_or_a_weaker_hedge_against_a_denial_is_none():
    # "not confirmed" and "most likely" agree: neither says it is settled
    story = _pair(LIKELY, "possible",
                  "Investigators have not confirmed that illegal mining triggered the landslide above Huaraz.",
                  "reported", dates=("2027-01-18", "2027-01-19"), first_source="local:person:geologist",
                  later_source="local:organization:investigators")
    assert _found(story) == []
    story = _pair("The landslide above Huaraz may have been triggered by illegal mining, the geologist said.",
                  "possible",
                  "The mining cooperative denied that illegal mining had triggered the landslide above Huaraz.",
                  "denied", dates=("2027-01-18", "2027-01-19"), first_source="local:person:geologist",
                  later_source="local:organization:cooperative")
    assert _found(story) == []
