"""Canonical unit names (no model): singulars of counted nouns, units with their rates, currency names."""

from __future__ import annotations

import pytest

from storyline.nlp import currencies as C
from storyline.nlp.units import UNITS, abbreviation, canonical, counted, singular, unit_name


def test_units_singular_follows_english_endings():
    cases = {
        "countries": "country", "viruses": "virus", "boxes": "box", "matches": "match", "classes": "class",
        "fishermen": "fisherman", "chairwomen": "chairwoman", "wolves": "wolf", "heroes": "hero",
        "mosques": "mosque", "purchases": "purchase", "crises": "crisis", "children": "child", "feet": "foot",
        "houses": "house", "causes": "cause", "excuses": "excuse", "warehouses": "warehouse", "buses": "bus",
        "bonuses": "bonus", "campuses": "campus", "censuses": "census", "cases": "case",
        "crimeans": "crimean", "Yemenis": "yemeni", "Pakistanis": "pakistani",
    }
    assert {w: singular(w) for w in cases} == cases


def test_units_singular_leaves_singulars_and_invariant_nouns_alone():
    for word in ("virus", "analysis", "class", "politics", "news", "series", "species", "people", "cattle", "gas",
                 "specimen", "abdomen"):
        assert singular(word) == word, word


def test_units_counted_noun_keeps_its_modifiers_and_drops_its_plural():
    assert counted("European countries") == "european country"
    assert counted("first-team players") == "first-team player"
    assert counted("flooded Villages") == "flooded village"
    assert counted("displaced Iraqis") == "displaced iraqi" and counted("dead Crimeans") == "dead crimean"
    assert counted(".DXY") is None and counted(None) is None


def test_units_canonical_is_singular_with_its_denominator():
    assert canonical("years") == "year"
    assert canonical("mile per hour") == "mile per hour"
    assert canonical("dollar", "barrel") == "dollar per barrel"
    assert canonical("metre", "day") == "metre per day"
    assert canonical(None, "day") is None


def test_units_every_currency_code_has_a_name():
    codes = set(C.CURRENCY_SYMBOLS.values()) | set(C.CURRENCY_PREFIXES.values()) | set(C.CURRENCY_ADJECTIVES.values()) \
        | set(C.CURRENCY_BY_PLACE.values()) | set(C.LOCAL_SYMBOLS.values()) \
        | {code for code in C.CURRENCY_WORDS.values() if code}
    missing = sorted(code for code in codes if code not in C.CURRENCY_NAMES)
    assert missing == []
    assert C.CURRENCY_NAMES["USD"] == "dollar" and C.CURRENCY_NAMES["GBP"] == "pound sterling"
    assert C.CURRENCY_NAMES["ILS"] == "shekel"  # as English writes it, like the unmarked "dollar"


def test_units_unit_names_are_singular_words():
    # Every name a unit form maps to ends in a singular word ("mile per hour", "kilowatt hour").
    plural = sorted({name for name in UNITS.values() if name.split()[-1] != singular(name.split()[-1])})
    assert plural == []


def test_units_horsepower_spaced_only_in_lower_case():
    assert unit_name("hp") == "horsepower"
    assert unit_name("HP") is None  # the company
    assert unit_name("hp", glued=True) == "horsepower"


def test_units_energy_pressure_and_radiation_units_by_name():
    assert unit_name("MMBtu") == "mega british thermal unit" and unit_name("btu") == "british thermal unit"
    assert unit_name("hPa") == "hectopascal" and unit_name("psi") == "pound per square inch"
    assert unit_name("mSv") == "millisievert" and unit_name("becquerels") == "becquerel"
    assert unit_name("kilotonnes") == "kiloton" and unit_name("TW") == "terawatt"


def test_units_short_forms_that_are_words_need_the_number_glued():
    # "Ms Patel", "5 ms apart" in lower case, "a j": spaced, these are words; glued ("40ms", "3mSv"), units
    assert unit_name("ms") is None and unit_name("ms", glued=True) == "millisecond"
    assert unit_name("j") is None and unit_name("j", glued=True) == "joule"
    assert unit_name("sv") is None and unit_name("Sv") == "sievert"


def test_units_statistics_by_their_abbreviation_are_spelled_out():
    assert counted("RBIs") == "run batted in" and counted("ERA") == "earned run average"
    assert counted("TDs") == "touchdown" and counted("WAR") == "win above replacement"
    assert abbreviation("war") is None and abbreviation("Eras") is None  # words, not abbreviations
    assert counted("wars") == "war"


def test_units_energy_and_shipping_units_in_capitals():
    assert unit_name("MWe") == "megawatt electric" and unit_name("TEU") == "twenty-foot equivalent unit"
    assert unit_name("boe") == "barrel of oil equivalent"


def test_units_iso_codes_after_a_number_and_quote_codes():
    assert C.iso_code("CZK") == "CZK" and C.iso_code("KZT") == "KZT"
    assert C.iso_code("JPY=") == "JPY"  # a price quote's instrument code
    assert C.iso_code("ALL") is None and C.iso_code("TOP") is None  # words in capitals
    assert C.iso_code("NATO") is None and C.iso_code("czk") is None and C.iso_code("ABC") is None
    assert C.currency_name("KZT") == "kazakhstani tenge" and C.currency_name("XAF") == "cfa franc beac"
    assert C.currency_name("QQQ") is None


def test_units_local_currency_symbols_are_cldr_symbols():
    numbers = pytest.importorskip("babel.numbers")
    locales = {"PLN": "pl_PL", "CZK": "cs_CZ", "BGN": "bg_BG", "GHS": "ak_GH", "PYG": "es_PY"}
    for symbol, code in C.LOCAL_SYMBOLS.items():
        assert symbol.rstrip(".") == numbers.get_currency_symbol(code, locale=locales[code]).rstrip("."), symbol


def test_units_two_word_units_hyphenated_before_a_noun():
    from storyline.nlp.units import phrase_at

    # "a 1,500-square-kilometre zone": the tokenizer splits the hyphens off
    assert phrase_at(["square", "-", "kilometre", "zone"]) == (3, "square kilometre")
    assert phrase_at(["nautical", "-", "mile", "limit"]) == (3, "nautical mile")
    assert phrase_at(["square", "kilometres"]) == (2, "square kilometre")


def test_units_a_customary_unit_said_with_its_system_is_that_unit():
    from storyline.nlp.units import phrase_at

    assert phrase_at(["US", "gallons", "of", "fuel"]) == (2, "gallon")
    assert phrase_at(["imperial", "pints"]) == (2, "pint")
    assert phrase_at(["U.S.", "fluid", "ounces"]) == (3, "fluid ounce")
    assert phrase_at(["US", "tons"]) == (2, "ton")
    # a system word before anything else is no unit ("5 US troops"), nor before a metric unit
    assert phrase_at(["US", "troops"]) is None
    assert phrase_at(["imperial", "metres"]) is None


def test_units_mixed_case_prefixes_are_read_spaced_and_words_are_not():
    assert {"KSh", "TSh", "USh", "Rs"} <= C.SPACED_PREFIXES
    # all capitals ("USD", "EUR"), a mangled "£" ("PS") and "Br" are words or initials when spaced
    assert not {"USD", "PS", "Br", "RM", "$"} & C.SPACED_PREFIXES
