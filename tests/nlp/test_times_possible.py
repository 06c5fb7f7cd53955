"""Dates of what may come to pass: under a hedging modal or a noun of chance they date the possible
thing, never the telling of it."""

from __future__ import annotations

import datetime as dt

import pytest

pytestmark = pytest.mark.integration

WED = dt.date(2031, 6, 11)  # a Wednesday


def ahead_of(parse, text):
    return {t.text: t.ahead for t in parse(text, published=WED)._.times}


def test_a_date_under_could_may_or_might_is_ahead(parse):
    assert ahead_of(parse, "Officials fear the levee could fail on Friday.")["Friday"] is True
    assert ahead_of(parse, "The strike might spread to the northern ports in July.")["July"] is True


def test_may_have_looks_back(parse):
    assert ahead_of(parse, "The tanker may have run aground on Monday.")["Monday"] is False


def test_a_date_on_a_thing_under_a_noun_of_chance_dates_that_thing(parse):
    got = ahead_of(parse, "The governor warned last week of the possibility of a dam collapse in August.")
    assert got["August"] is True
    assert ahead_of(parse, "The port authority closed the harbour on Monday.")["Monday"] is False
