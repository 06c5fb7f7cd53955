"""The number lexicon: number words, scales, vague magnitudes, fractions and qualifiers ("about", "up to")."""

from __future__ import annotations

import re

ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALES = {
    "hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
}
# Abbreviated scales written straight after the digits ("12k", "2.5bn", "€40m").
# A bare "m" is only a million next to a currency; otherwise it is metres.
SCALE_SUFFIXES = {"k": 1e3, "bn": 1e9, "b": 1e9, "mn": 1e6, "mln": 1e6, "tn": 1e12, "trn": 1e12, "m": 1e6}

# Vague magnitudes and the inclusive range each stands for (see docs/figures.md):
# "dozens" is at least two dozen, "thousands" at least two thousand, each below the next order.
# This is what the plural says: 1,000 is "a thousand", 10,000 "ten thousand"; so a report of "1,400
# evacuated" is not the same claim as "thousands evacuated". The bounds are the record's reading for
# comparing figures (assessment takes the low one as a floor); an analyst is shown the words as the
# report wrote them ("thousands", analysis.figures.format_value), never the bounds as if they were
# counted. The order-of-magnitude reading some benchmarks use (1,000-10,000, "dozens" 12-120) is not
# taken: it admits "a dozen" and "a thousand" and is not how the project's gold reads news.
VAGUE = {
    "dozens": (24, 99), "scores": (40, 99), "hundreds": (200, 999), "thousands": (2_000, 9_999),
    "millions": (2e6, 1e7 - 1), "billions": (2e9, 1e10 - 1), "tens": (20, 99),
}
# Fuzzy multipliers before a scale word: "several hundred" is 200-999 (read as the plural is: "several thousand"
# and "thousands" are one claim), "a few thousand" 2,000-5,999.
FUZZY = {"several": (2, 9), "few": (2, 5), "many": (2, 9), "couple": (2, 2)}
# Fractions in words, read only before "of" ("two-thirds of the vote").
DENOMINATORS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5,
                "fifths": 5, "sixth": 6, "sixths": 6, "eighth": 8, "eighths": 8, "tenth": 10, "tenths": 10}
RE_SLASH = re.compile(r"^(\d+)\s*[/⁄](\d+)$")

QUALIFIERS = {
    ("about",): "about", ("approximately",): "about", ("approx",): "about", ("approx.",): "about",
    ("around",): "about", ("roughly",): "about", ("some",): "about", ("an", "estimated"): "about",
    ("estimated",): "about", ("circa",): "about", ("close", "to"): "nearly", ("nearly",): "nearly",
    ("almost",): "nearly", ("just", "under"): "nearly", ("just", "shy", "of"): "nearly",
    ("up", "to"): "up to", ("as", "many", "as"): "up to", ("as", "much", "as"): "up to",
    ("at", "most"): "up to", ("no", "more", "than"): "up to", ("a", "maximum", "of"): "up to",
    ("at", "least"): "at least", ("a", "minimum", "of"): "at least", ("no", "fewer", "than"): "at least",
    ("no", "less", "than"): "at least", ("more", "than"): "more than", ("over",): "more than",
    ("well", "over"): "more than", ("just", "over"): "more than", ("in", "excess", "of"): "more than",
    ("upwards", "of"): "more than", ("upward", "of"): "more than", ("above",): "more than",
    ("exceeding",): "more than", ("greater", "than"): "more than", ("fewer", "than"): "fewer than",
    ("less", "than"): "fewer than", ("under",): "fewer than", ("below",): "fewer than",
}
# Single-word qualifiers that are also ordinary prepositions: trusted only when the parse
# ties them to the number ("over 1,000 people", not "flew over 20 villages").
WEAK_QUALIFIERS = {"over", "under", "above", "below", "around", "some"}
POST_QUALIFIERS = {("or", "more"): "at least", ("or", "so"): "about", ("odd",): "about",
                   ("-", "odd"): "about", ("plus",): "at least", ("-", "plus"): "at least", ("or", "fewer"): "up to", ("or", "less"): "up to"}
