"""Number expressions in context: ranges, qualifiers, currencies, percentages and units around a number."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from storyline.nlp.currencies import (CURRENCY_ADJECTIVES, CURRENCY_PREFIXES, CURRENCY_SYMBOLS, CURRENCY_WORDS, LOCAL_SYMBOLS,
                                      SPACED_PREFIXES, iso_code)
from storyline.nlp.numbers import (
    DASHES, DOLLAR_PREFIXES, PENCE_SUFFIX, PLURAL_SCALES, POST_QUALIFIERS, QUALIFIERS, RE_PESO, RE_SUFFIXED, SCALES,
    VIDEO_LINES, VULGAR, WEAK_QUALIFIERS,
    _attached, _digits, _glued, _parse_number, _word, _word_value, fraction_words,
)
from storyline.nlp.changes import _changes, _ranging, _year_between
from storyline.nlp.coordinated import share_units, spaced_thousands, suspended, tallies
from storyline.nlp.rates import AGE_UNITS, age_at, age_before, per_past_brackets, read_per
from storyline.nlp.units import LONGEST, duration_name, phrase_at


# A year and a number run together where the source lost the space after a full stop ("in 2008.15 years
# have passed"): the year ends one sentence, the number after the point starts the next.
RE_YEAR_RUN_ON = re.compile(r"\A((?:1[89]|20)\d\d)\.([1-9]\d{0,2})\Z")
YEAR_WORDS = frozenset("in since until till of".split())
# Adjectives said between a number and its length of time ("five consecutive months", "30 straight years").
SPAN_ADJECTIVES = frozenset("consecutive straight successive previous past long full whole".split())


# Verbs and adverbs of change written straight before the amount changed by ("fell 4.5p to 212p").
# Adjectives of size said after a measure ("30 m wide", "20 ft away").
DIMENSION_WORDS = frozenset("long wide high tall deep thick across away".split())
CHANGE_WORDS = frozenset(
    "rose rise rises risen fell fall falls fallen dropped drop drops climbed climbs gained gains lost loses "
    "slipped slips jumped jumps added adds shed sheds surged surges plunged plunges slid slides declined "
    "declines increased increases decreased decreases grew grows eased eases up down".split())


@dataclass
class Amount:
    """A number expression found in the tokens, before its context is read."""

    start: int
    """First token, qualifier and currency symbol included."""
    end: int
    """One past the last token, currency word or percent sign included."""
    num_start: int
    num_end: int
    """Token range of the number words themselves."""
    value: float | None
    low: float | None = None
    high: float | None = None
    qualifier: str | None = None
    vague: bool = False
    currency: str | None = None
    """ISO code, ``?`` for a currency word that names no country ("pesos"), or None."""
    currency_text: str | None = None
    percent: bool = False
    more: bool = False
    """True for "1,000 more", "thousands more": an additional figure."""
    spelled: bool = False
    """True when written entirely in words ("two", "a dozen"): small ones are often not figures."""
    score: bool = False
    """True for "79-18": a score or a tally of votes, not a quantity."""
    fraction: bool = False
    """True for "two-thirds of", "1/16 of": a share of something, not a count of it."""
    unit: str | None = None
    """Unit of measurement by name ("kilometre", "mile per hour"), or a duration ("years")."""
    unit_text: str | None = None
    """The unit as written ("km/h", "mph", "years")."""
    per: str | None = None
    """What a rate is per, singular ("barrel", "month", "square foot"): "$80 a barrel", "3 feet per century"."""
    per_text: str | None = None
    """The rate's denominator as written ("per barrel", "a month")."""
    change_from: float | None = None
    """For a change "from 20 to 45", the level it started from (the amount is the new level)."""
    previous: Amount | None = None
    """For a change "from 20 to 45", the old level as an amount of its own (its tokens, qualifier and unit)."""
    level_start: int | None = None
    """For a change "from 20 to 45", the first token of the new level (``start`` is the old one's)."""
    joined: int | None = None
    """For "four-" in "four-, five- and six-cylinder": the first token of the number whose noun it shares."""
    skip_chars: int = 0
    """Characters at the start of the first number token that belong to the sentence before it ("2008." in
    "in 2008.15 years have passed")."""


def _match_before(doc: Doc, i: int, floor: int, table: dict) -> tuple[int, str | None]:
    """Longest qualifier phrase ending just before token ``i``: (its first token, normalised form)."""
    for size in (3, 2, 1):
        if i - size < floor:
            continue
        words = tuple(_word(t) for t in doc[i - size: i])
        if words in table:
            if size == 1 and words[0] in WEAK_QUALIFIERS and doc[i - 1].dep_ not in ("quantmod", "advmod", "det", "amod"):
                continue
            return i - size, table[words]
    return i, None


def _currency_before(doc: Doc, i: int, floor: int) -> tuple[int, str | None, str | None]:
    if i - 1 < floor:
        return i, None, None
    word = _word(doc[i - 1])
    if word in CURRENCY_SYMBOLS and (doc[i - 1].tag_ == "$" or not word.isalpha() or doc[i - 1].is_upper or word in ("rs", "rs.")):
        return i - 1, CURRENCY_SYMBOLS[word], doc[i - 1].text
    written = doc[i - 1].text
    if written in SPACED_PREFIXES:
        return i - 1, CURRENCY_PREFIXES[written], written  # "KSh 45 million", "USh 1.3 billion": as written, case and all
    if doc[i - 1].is_upper and (code := iso_code(written)):
        return i - 1, code, written  # "SGD 300 million", "DKK 2 billion": any ISO 4217 code, as after the number
    return i, None, None


def _pence(doc: Doc, k: int, limit: int) -> bool:
    """True for pence written as a word after the number ("212 pence") or spaced from it ("68 p", "125.8 p." at a
    sentence's end), not a video format ("1080 p") nor the "p" of "p.m." or of a page before its number ("p 12")."""
    word = _word(doc[k])
    if word == "pence":
        return True
    if doc[k].text not in (PENCE_SUFFIX, f"{PENCE_SUFFIX}.") or (k + 1 < limit and doc[k + 1].like_num):
        return False
    return _digits(_word(doc[k - 1])) not in VIDEO_LINES


def _currency_after(doc: Doc, j: int, limit: int) -> tuple[int, str | None, str | None]:
    """A currency word or code after the number, with a national adjective: "Mexican pesos", "USD"."""
    k = j
    adjective = None
    for size in (2, 1):
        words = " ".join(_word(t) for t in doc[k: k + size])
        if k + size < limit and words in CURRENCY_ADJECTIVES:
            adjective, k = CURRENCY_ADJECTIVES[words], k + size
            break
    if k >= limit:
        return j, None, None
    token = doc[k]
    word = _word(token)
    singular = word[:-1] if word.endswith("s") and word[:-1] in CURRENCY_WORDS else word
    if singular in CURRENCY_WORDS:
        if singular == "pound" and k + 1 < limit and (_word(doc[k + 1]) == "of" or (
                doc[k + 1].text == "-" and _attached(doc, k + 1))):
            return j, None, None  # "ten pounds of rice" is a weight, "275 pound-feet" a torque
        code = adjective or CURRENCY_WORDS[singular] or "?"
        return k + 1, code, doc[j: k + 1].text
    if token.is_upper and (code := iso_code(token.text)):
        return k + 1, code, token.text  # "300 SEK", "108.79 JPY=" (a quote's instrument code)
    if k == j and token.text in LOCAL_SYMBOLS:
        return k + 1, LOCAL_SYMBOLS[token.text], token.text  # "200 zł"
    if k == j and _pence(doc, k, limit):
        return k + 1, "GBX", token.text  # "down 68 p at 1112 p", "212 pence": pence sterling, as "118.5p"
    if k == j and word in CURRENCY_SYMBOLS and not any(c.isalpha() for c in word) and not (
            k + 1 < limit and doc[k + 1].like_num):
        return k + 1, CURRENCY_SYMBOLS[word], token.text  # "1,200€", "35 €": the symbol after the number
    return j, None, None


def find_amounts(doc: Doc, start: int = 0, end: int | None = None) -> list[Amount]:
    """Every number expression in ``doc[start:end]``, left to right, without overlaps."""
    end = len(doc) if end is None else end
    found: list[Amount] = []
    i = start
    while i < end:
        amount = _amount_at(doc, i, start, end)
        if amount is None:
            i += 1
            continue
        found.append(amount)
        i = max(amount.end, i + 1)
    found = tallies(doc, spaced_thousands(doc, found, end), end)
    share_units(doc, found)
    found = _lone_shares(doc, found, start, end)
    return _changes(doc, suspended(doc, found, start, end), start)


# Words before a fraction that make it a time or a rate ("in a quarter", "per quarter"), not a share.
NOT_SHARE_BEFORE = frozenset("in per within each every for last next this that".split())
# Words after a fraction that make it a length of time ("a quarter earlier", "a third later").
NOT_SHARE_AFTER = frozenset("earlier later ago before after".split())


def _lone_shares(doc: Doc, found: list[Amount], start: int, end: int) -> list[Amount]:
    """A fraction said with no "of" after a percentage in the same span: "3% backed the plan and
    around a quarter opposed it", "rose to 30%, up from a quarter": a share, in percent as every
    fraction is. Only where a percentage comes before, so that "a third term" and "a quarter
    earlier" (nothing shared) stay out, and only before a verb, a preposition or punctuation."""
    if not any(a.percent for a in found):
        return found
    taken = {i for a in found for i in range(a.start, a.end)}
    first_percent = min(a.start for a in found if a.percent)
    out = list(found)
    for i in range(first_percent + 1, end):
        if i in taken or (i > start and _word(doc[i - 1]) in NOT_SHARE_BEFORE):
            continue
        words = [_word(t) for t in doc[i: min(end, i + 3)]]
        if (fraction := fraction_words(words)) is None:
            continue
        j = i + fraction[0]
        if any(k in taken for k in range(i, j)) or j < end and (
                doc[j].pos_ not in ("VERB", "AUX", "ADP", "PUNCT", "CCONJ", "SCONJ")
                or _word(doc[j]) in NOT_SHARE_AFTER or _word(doc[j]) == "of"):
            continue
        first, qualifier = _match_before(doc, i, start, QUALIFIERS)
        out.append(Amount(start=first, end=j, num_start=i, num_end=j, value=fraction[1] * 100, qualifier=qualifier,
                          spelled=True, fraction=True, percent=True))
        taken.update(range(first, j))
    return sorted(out, key=lambda a: a.start)


def _amount_at(doc: Doc, i: int, floor: int, limit: int) -> Amount | None:
    parsed = _parse_number(doc, i, limit)
    after_symbol = i > floor and _word(doc[i - 1]) in CURRENCY_SYMBOLS
    peso = False
    if parsed is None and (m := RE_PESO.match(doc[i].text)) and _peso_context(doc, i, limit):
        parsed, peso = _scaled(doc, i, limit, float(m[1].replace(",", ""))), True
    if parsed is None:
        # "€40m": the bare "m" suffix is a million only after a currency symbol.
        m = RE_SUFFIXED.match(_word(doc[i])) if i < limit else None
        if m and m[2].lower() == "m" and after_symbol:
            parsed = (i + 1, float(m[1]) * 1e6, None, None, False, False)
        else:
            return None
    j, value, low, high, vague, spelled = parsed
    skip = 0
    if j == i + 1 and i > floor and _word(doc[i - 1]) in YEAR_WORDS and (m := RE_YEAR_RUN_ON.match(doc[i].text)) \
            and i + 1 < limit and not doc[i + 1].is_punct:
        value, skip = float(m[2]), len(m[1]) + 1  # "in 2008.15 years have passed": 15 years, not 2008.15
    us = None
    if value is not None and not vague and j + 1 < limit and _word(doc[j]) in ("u.s.", "us") \
            and _word(doc[j + 1]) in PLURAL_SCALES:
        # "lost fifteen U.S. billions": the scale said after the currency's country, as translations write it
        value, us, j = value * SCALES[_word(doc[j + 1])[:-1]], doc[j].text, j + 2
    half_of_unit = spelled and value == 0.5 and j == i + 2 and _word(doc[i]) == "half" and _word(doc[i + 1]) in ("a", "an")
    glued = (_glued(doc, i) or (0, {}))[1] if not spelled and _digits(_word(doc[i])) is None else {}
    if j < limit and _word(doc[j]) in ("m", "m.") and _attached(doc, j) and (after_symbol or glued.get("currency")) \
            and value is not None:
        value, j = value * 1e6, j + 1
    amount = Amount(start=i, end=j, num_start=i, num_end=j, value=value, low=low, high=high, vague=vague, spelled=spelled,
                    skip_chars=skip)
    amount.percent = glued.get("percent", False)
    # ("half a year" is a length of time: half of a unit, not a share of something)
    vulgar_of = doc[i].text in VULGAR and j < limit and _word(doc[j]) == "of"  # "¾ of the harvest" ("¾ mile" is a measure)
    amount.fraction = value is not None and 0 < value < 1 and (
        spelled or "/" in doc[i].text or "⁄" in doc[i].text or vulgar_of) and not half_of_unit
    amount.unit, amount.unit_text = glued.get("unit"), glued.get("unit_text")
    glued_qualifier = glued.get("qualifier")
    if j == i + 1 and amount.unit is None and not glued and value is not None and j < limit \
            and _word(doc[j]) == "m" and _attached(doc, j) and not after_symbol:
        amount.unit, amount.unit_text, amount.end = "metre", doc[j].text, j + 1  # "37m": metres
    _read_range(doc, amount, limit)
    # Currency and qualifier before the number ("up to $3 million", "some €40m").
    first, code, symbol = _currency_before(doc, amount.num_start, floor)
    if glued.get("currency"):
        code, symbol = glued["currency"], glued["currency_text"]
    if us is not None and code is None:
        code, symbol = "USD", us
    if code == "USD" and first > floor and _word(doc[first - 1]) in DOLLAR_PREFIXES and doc[first - 1].is_upper:
        first, code, symbol = first - 1, DOLLAR_PREFIXES[_word(doc[first - 1])], doc[first - 1: amount.num_start].text
    if first > floor and _word(doc[first - 1]) == "minus" and amount.value is not None:
        first, amount.value = first - 1, -amount.value  # "minus 387 Fahrenheit"
    first, qualifier = _match_before(doc, first, floor, QUALIFIERS)
    between = first > floor and _word(doc[first - 1]) == "between" and amount.low is not None and not amount.vague
    if between:
        first -= 1
    amount.start, amount.qualifier, amount.currency, amount.currency_text = first, qualifier or glued_qualifier, code, symbol
    if peso:
        amount.currency, amount.currency_text = "PHP", "P"
    _read_after(doc, amount, limit)
    if not (amount.unit or amount.currency or amount.percent or amount.vague or amount.fraction) \
            and (written := age_before(doc, amount, floor)) is not None:
        amount.unit, amount.unit_text = AGE_UNITS["year"], written or None  # "aged 19", "he will be 58": a person's age
    if amount.fraction:
        # One convention for every share said as a fraction ("about half of them", "a third of the voters",
        # "one in four homes", "¾ of the harvest"): a percentage, as "35 percent" in another report is, so that
        # the two compare and read alike ("a third" is 33.3 percent). A fraction of a unit ("a third of a
        # mile", "half a year") is a measure in that unit and no share (fraction reset above).
        if amount.value is not None:
            amount.value *= 100
        elif amount.low is not None and amount.high is not None:  # "two-thirds to three-quarters of the voters"
            amount.low, amount.high = amount.low * 100, amount.high * 100
        amount.percent = True
    if amount.value is None and not amount.vague and amount.qualifier == "about":
        amount.qualifier = None  # a range already says the figure is approximate
    return amount


def _scaled(doc: Doc, i: int, limit: int, value: float) -> tuple[int, float, None, None, bool, bool]:
    """A number read elsewhere, with the scale words after it ("P1.2 billion")."""
    j = i + 1
    while j < limit and _word(doc[j]) in SCALES:
        value *= SCALES[_word(doc[j])]
        j += 1
    return j, value, None, None, False, False


def _peso_context(doc: Doc, i: int, limit: int) -> bool:
    """"P1.2 billion" is Philippine pesos in Philippine writing; "P5" alone could be anything."""
    nxt = _word(doc[i + 1]) if i + 1 < limit else ""
    if nxt in SCALES or "," in doc[i].text:
        return True
    return any(ent.label_ in ("GPE", "NORP") and ent.text.lower() in ("philippines", "the philippines", "filipino", "manila")
               for ent in doc.ents)


def _read_range(doc: Doc, amount: Amount, limit: int) -> None:
    """Extend "1,000-1,500", "1,000 to 1,500", "between 1,000 and 1,500", "two or three" into a range."""
    j = amount.num_end
    if j + 1 >= limit or amount.vague or amount.value is None:
        return
    # "5% to 6%", "1 per cent to 1.5 per cent": the unit said at both ends.
    marker = _percent_marker(doc, j, limit)
    if marker and j + marker + 1 < limit and _word(doc[j + marker]) in ("-", "–", "to", "and"):
        j += marker
    else:
        marker = 0
    sep = _word(doc[j])
    if sep.startswith(("to-", "to–")) and (glued_high := _digits(sep[3:])) is not None and glued_high > amount.value:
        # "a 200,000 to-260,000 year-old skull": the second number glued to "to-"
        amount.num_end = amount.end = j + 1
        amount.value, amount.low, amount.high = None, amount.value, glued_high
        return
    before = _word(doc[amount.num_start - 1]) if amount.num_start > 0 else ""
    if before in CURRENCY_SYMBOLS and amount.num_start > 1:
        before = _word(doc[amount.num_start - 2])  # "between $62 and $68"
    if sep == "to" and before == "from" and not _ranging(doc, amount.num_start):
        return  # "rose from 20 to 45" is a change, read as two figures
    if sep == "to" and (before == "by" or before in CHANGE_WORDS) and (marker or _word(doc[j + 1]) in CURRENCY_SYMBOLS or (
            (g := _glued(doc, j + 1)) is not None and (g[1].get("currency") or g[1].get("percent")))):
        # "increased by $43.6 billion to $419.2 billion", "by 5% to 20%", "fell 4.5p to 212p":
        # the change and the new level, each with its unit ("rose 20 to 30 percent" stays a range)
        return
    if sep == "and" and before != "between" and not _between_ages(doc, amount.num_start):
        return
    other = _digits(_word(doc[j + 1])) if sep == "or" else None
    if sep == "or" and not (amount.spelled and amount.value < 20) and not (other is not None and (
            amount.value < 1000 <= other and other / 2 <= amount.value * 1000 <= other
            or amount.value < other <= 2 * amount.value and not 1800 <= amount.value <= 2199)):
        return  # but "5 or 6 boats" and "70 or 80,000" (the thousands said once) are bands
    if sep not in DASHES and sep not in ("and", "or"):
        return
    k = j + 1
    if _word(doc[k]) in CURRENCY_SYMBOLS and not doc[k].is_alpha:
        k += 1  # "between $1 and $2 million"
    parsed = _parse_number(doc, k, limit) if k < limit else None
    if parsed is None or parsed[1] is None:
        return
    end, high, _, _, _, _ = parsed
    if marker and not _percent_marker(doc, end, limit):
        return  # "5% and 6 people": not one range
    low = amount.value
    raw_high = _digits(_word(doc[k])) or _word_value(_word(doc[k]))
    if raw_high and high > raw_high and low < raw_high:
        low *= high / raw_high  # "2-3 billion": the scale covers both ends
    elif low < 1000 <= high and high / 2 <= low * 1000 <= high:
        low *= 1000  # "30 to 35,000" means thirty thousand
    if high <= low:
        if sep in ("-", "–") and _attached(doc, j) and _attached(doc, k):
            amount.num_end = amount.end = end
            amount.score = True  # "a 79-18 vote": a score, not a quantity
        return
    amount.num_end = amount.end = end
    amount.value, amount.low, amount.high = None, low, high
    if end == k + 1 and (g := _glued(doc, k)) is not None and g[1].get("unit"):
        amount.unit, amount.unit_text = g[1]["unit"], g[1]["unit_text"]  # "5-10W"


def _between_ages(doc: Doc, i: int) -> bool:
    """True after "between the ages of" (or "age of"): "between the ages of 18 and 60" is one band of ages."""
    words = tuple(_word(t) for t in doc[max(0, i - 4): i])
    return words in (("between", "the", "ages", "of"), ("between", "the", "age", "of"))


def _percent_marker(doc: Doc, j: int, limit: int) -> int:
    """Tokens of a percent sign or word at ``j`` ("%", "percent", "per cent", "per-cent", "pc"), or 0."""
    if j < limit and doc[j].lower_ in ("%", "percent", "pct", "pc"):
        return 1
    if j < limit and doc[j].lower_.startswith("percent") and doc[j].text[7:8].isupper():
        return 1  # "42 percentRepublicans": the next word run on in the page's text
    if j + 1 < limit and doc[j].lower_ == "per" and doc[j + 1].lower_ == "cent":
        return 2
    if j + 2 < limit and doc[j].lower_ == "per" and doc[j + 1].text == "-" and doc[j + 2].lower_ == "cent" \
            and _attached(doc, j + 1) and _attached(doc, j + 2):
        return 3
    return 0


def _percentage_points(doc: Doc, j: int, limit: int) -> int:
    """Tokens of "percentage point(s)" or "percentage-point" at ``j``, or 0."""
    if j + 1 >= limit or doc[j].lower_ != "percentage":
        return 0
    k = j + 1 + (doc[j + 1].text == "-" and _attached(doc, j + 1))
    return k + 1 - j if k < limit and doc[k].lower_ in ("point", "points") else 0


def _hyphened_percent(doc: Doc, j: int, limit: int) -> bool:
    """True for a hyphen that joins a percentage's number to its word before a noun: "a 5-percent
    rise", "a 2-percentage-point drop"."""
    return j + 1 < limit and doc[j].text == "-" and _attached(doc, j) and _attached(doc, j + 1) and bool(
        _percent_marker(doc, j + 1, limit) or _percentage_points(doc, j + 1, limit))


def _spaced_pc(token: Token, amount: Amount) -> bool:
    """True for a "pc" spaced from a number that can be a percentage ("58.2 pc"), written in lower
    case; "PC" and a count above a hundred ("1,000 PCs") are computers."""
    top = amount.value if amount.value is not None else amount.high
    return token.text == "pc" and top is not None and top <= 100


def _read_unit(doc: Doc, amount: Amount, j: int, limit: int) -> int:
    """A unit of measurement or a duration after the number: "155 mph", "3 hours", "24.5 cubic feet"."""
    if j + 1 < limit and amount.unit in ("kilometre", "mile", "metre") and doc[j].text == "/" \
            and doc[j + 1].lower_ in ("h", "hr", "s"):
        per = "second" if doc[j + 1].lower_ == "s" else "hour"  # "100km/hr"
        # the unit glued to the number ("100km") is written once, without the number
        amount.unit, amount.unit_text = f"{amount.unit} per {per}", f"{amount.unit_text}/{doc[j + 1].text}"
        return j + 2
    if amount.unit is not None or j >= limit:
        return j
    if doc[j].text == "-" and j + 1 < limit and _attached(doc, j) and _attached(doc, j + 1) \
            and (found := phrase_at([t.text for t in doc[j + 1: min(limit, j + 1 + LONGEST)]])) is not None:
        # "a 30-mile convoy", "a 5-mpg gain": a unit hyphenated to its number before a noun
        amount.unit, amount.unit_text = found[1], doc[j + 1: j + 1 + found[0]].text
        return j + 1 + found[0]
    if doc[j].text == "-" and j + 1 < limit and _attached(doc, j) and _attached(doc, j + 1) and not amount.spelled \
            and (name := duration_name(doc[j + 1].text)) is not None \
            and not (j + 2 < limit and doc[j + 2].text in ("-", "old") or doc[j + 1].lower_.endswith("old")):
        # "the 48-hour deadline", "a 10-year bond"; in words ("a seven-day truce") the team's golden sets leave it out
        amount.unit, amount.unit_text = name, doc[j + 1].text
        return j + 2
    if doc[j].text[:1] == "-" and not amount.spelled and not _attached(doc, j) \
            and (name := duration_name(doc[j].text[1:])) is not None and j + 1 < limit and doc[j + 1].text != "old":
        amount.unit, amount.unit_text = name, doc[j].text[1:]  # "a 2 -day meeting": the hyphen lost its number's side
        return j + 1
    # "828 m tall", "3 ft thick": a short form spaced from its number is a unit when a dimension follows it
    glued = _attached(doc, j) or (j + 1 < limit and doc[j + 1].lower_ in DIMENSION_WORDS and doc[j].lower_ not in ("in", "a"))
    texts = [t.text for t in doc[j: min(limit, j + LONGEST)]]
    found = phrase_at(texts, glued)
    if found is not None:
        size, name = found
        # "/ h" after a glued "km": "100km/hr"
        if name == "kilometre" and j + 2 < limit and doc[j + 1].text == "/" and doc[j + 2].lower_ in ("h", "hr"):
            size, name = 3, "kilometre per hour"
        amount.unit, amount.unit_text = name, doc[j: j + size].text
        return j + size
    if (age := age_at(doc, j, limit)) is not None:
        amount.unit, amount.unit_text = age[1], (doc[age[0] - 1].text if age[2] else doc[j: age[0]].text).lstrip("-")
        return age[0]
    if _word(doc[j]) in ("more", "additional", "extra") and j + 1 < limit \
            and (name := duration_name(doc[j + 1].text)) is not None:
        amount.more, amount.unit, amount.unit_text = True, name, doc[j + 1].text  # "3 extra days of leave"
        return j + 2
    if _word(doc[j]) in SPAN_ADJECTIVES and j + 1 < limit and (name := duration_name(doc[j + 1].text)) is not None:
        amount.unit, amount.unit_text = name, doc[j + 1].text  # "for five consecutive months": a length of time
        return j + 2
    if (name := duration_name(doc[j].text, glued)) is not None:
        nxt = doc[j + 1].lower_ if j + 1 < limit else ""
        if nxt not in ("old", "-"):  # "45 years old", "45-year-old" are ages
            amount.unit, amount.unit_text = name, doc[j].text
            return j + 1
    return j


def _read_after(doc: Doc, amount: Amount, limit: int) -> None:
    j = max(amount.num_end, amount.end)
    if not amount.percent and _hyphened_percent(doc, j, limit):
        j += 1
    if amount.percent:
        pass  # glued: "1.38pc"
    elif _percent_marker(doc, j, limit) and (doc[j].lower_ != "pc" or _attached(doc, j) or _spaced_pc(doc[j], amount)):
        amount.percent = True
        j += _percent_marker(doc, j, limit)
        if j < limit and doc[j].lower_ == "points":
            j += 1
    elif points := _percentage_points(doc, j, limit):
        amount.percent, j = True, j + points  # "1.5 percentage points", "a 0.25 percentage point cut"
    else:
        # "billions of dollars": a vague magnitude reaches its currency through "of".
        of = 1 if (amount.vague or _word(doc[j - 1]) in PLURAL_SCALES) and j < limit and doc[j].lower_ == "of" else 0
        k, code, text = _currency_after(doc, j + of, limit)
        if code is None:
            k = j
        if code and not amount.currency:
            amount.currency, amount.currency_text, j = code, text, k
        elif code and amount.currency:
            j = k  # "$5 million dollars": said twice
        elif amount.fraction and j + 2 < limit and _word(doc[j]) == "of" and _word(doc[j + 1]) in ("a", "an"):
            # "1/16 of a pint", "a third of a mile": a measure in that unit, not a share of something
            k = j + 2 + (_word(doc[j + 2]) in ("us", "u.s.", "imperial", "metric") and j + 3 < limit)
            end = _read_unit(doc, amount, k, limit)
            if amount.unit is not None:
                amount.fraction, j = False, end
        elif not amount.currency and not amount.percent and not amount.vague:
            j = _read_unit(doc, amount, j, limit)
        elif amount.vague and not amount.currency and j < limit and doc[j].lower_ != "of":
            j = _read_unit(doc, amount, j, limit)
        elif amount.vague and not amount.currency and j + 1 < limit:
            k = _read_unit(doc, amount, j + 1, limit)  # "thousands of kilometres": the unit after "of"
            j = k if amount.unit is not None else j
    if amount.currency == "USD" and j < limit and doc[j].text in ("U.S.", "US") and (
            j + 1 >= limit or doc[j + 1].is_punct or _word(doc[j + 1]) in ("per", "a", "an")):
        amount.currency_text, j = f"{amount.currency_text} {doc[j].text}", j + 1  # "$75 U.S. per barrel"
    if amount.currency or (amount.unit and amount.unit not in AGE_UNITS.values()):
        j = read_per(doc, amount, j, limit)
        if amount.per is None:
            per_past_brackets(doc, amount, j, limit)
    for words, qualifier in POST_QUALIFIERS.items():
        if j + len(words) <= limit and tuple(_word(t) for t in doc[j: j + len(words)]) == words:
            if amount.qualifier is None:
                amount.qualifier = qualifier
            j += len(words)
            break
    if j < limit and _word(doc[j]) in ("more", "additional", "extra") and not (
        j + 1 < limit and _word(doc[j + 1]) == "than"
    ):
        amount.more = True
    amount.end = j
