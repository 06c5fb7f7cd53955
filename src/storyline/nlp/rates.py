"""Rates and ages of an amount: "$80 a barrel", "3 metres a year", "a 2,000-year-old temple", "aged 19"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc

from storyline.nlp.currencies import CURRENCY_SYMBOLS, CURRENCY_WORDS
from storyline.nlp.numbers import SCALES, _attached, _word
from storyline.nlp.units import LONGEST, duration_name, phrase_at

if TYPE_CHECKING:
    from storyline.nlp.amounts import Amount


# Denominators of a rate written with "a"/"an" ("$90 a barrel", "$3,500 a month"); after "per"
# any noun will do ("per share", "per capita").
RATE_NOUNS = frozenset(
    "second minute hour day week month year decade century barrel gallon litre liter ounce pound kilo tonne ton "
    "share head person night trip ticket unit dose bag ride".split())


def read_per(doc: Doc, amount: Amount, j: int, limit: int) -> int:
    """The denominator of a rate after money or a unit: "per barrel", "a month", "per sq m"."""
    found = rate_at(doc, j, limit)
    if found is None:
        return j
    end, amount.per, amount.per_text = found
    return end


def rate_at(doc: Doc, j: int, limit: int) -> tuple[int, str, str] | None:
    """A rate's denominator at ``j`` ("per barrel", "a day"): (end, its name, as written), or None."""
    if j + 1 >= limit:
        return None
    word = _word(doc[j])
    if word in ("each", "every") and duration_name(_word(doc[j + 1])) and doc[j + 1].tag_ != "NNS":
        word = "a"  # "100 soldiers each day", "300 tonnes every week": a time rate (not "each share")
    if word not in ("per", "a", "an"):
        return None
    # "per sq m." ending a sentence: the full stop is not the unit's
    texts = [t.text.rstrip(".") if len(t.text) > 1 else t.text for t in doc[j + 1: min(limit, j + 1 + LONGEST)]]
    found = phrase_at(texts)
    if found is not None and len(texts[0]) > 1:
        size, name = found
    else:
        size, noun = 1, _word(doc[j + 1])
        singular = noun[:-1] if noun.endswith("s") and noun[:-1] in RATE_NOUNS else noun
        if not doc[j + 1].is_alpha or (word != "per" and singular not in RATE_NOUNS):
            return None
        name = duration_name(noun) or singular
        name = name[:-1] if name.endswith("s") and name[:-1] in RATE_NOUNS else name
    if j + 1 + size < limit and _word(doc[j + 1 + size]) in ("ago", "earlier", "later", "before", "after"):
        return None  # "$5m a week ago": a time, not a rate
    text = doc[j: j + 1 + size].text
    return j + 1 + size, name, text[:-1] if text.endswith(".") and len(doc[j + size]) > 1 else text


def per_past_brackets(doc: Doc, amount: Amount, j: int, limit: int) -> None:
    """A rate said once after an amount and its conversion in brackets: both "9 billion shekels"
    and "$2.4 billion" are per year in "9 billion shekels ($2.4 billion) a year". The span stays
    the amount's own; the brackets hold a figure of their own."""
    k = j
    if k < limit and doc[k].text == "(":
        k += 1
        while k < min(limit, j + 8) and doc[k].text != ")":
            if doc[k].text in ("(", ";") or doc[k].is_alpha and doc[k].lower_ not in ("us", "u.s.", "about", "around", "or"):
                word = _word(doc[k])
                if word not in CURRENCY_SYMBOLS and word not in SCALES and word.rstrip("s") not in CURRENCY_WORDS \
                        and phrase_at([doc[k].text]) is None:
                    return  # words in the brackets: a remark, not a conversion
            k += 1
    if k >= limit or doc[k].text != ")":
        return
    found = rate_at(doc, k + 1, limit)
    if found is not None:
        _, amount.per, amount.per_text = found


AGE_UNITS = {"year": "year of age", "month": "month of age", "week": "week of age", "day": "day of age"}


def age_at(doc: Doc, j: int, limit: int) -> tuple[int, str, bool] | None:
    """An age after the number: "-year-old", " years old", "-month-old": (end, unit name, one token).

    A thing's age ("a 2,000-year-old temple") and a person's ("a 50-year-old driver") are both
    figures in years of age (docs/figures.md)."""
    if j < limit and doc[j].text == "-" and _attached(doc, j):
        j += 1
    if j >= limit:
        return None
    word = _word(doc[j])
    head, _, tail = word.partition("-")
    if tail == "old" and head.rstrip("s") in AGE_UNITS:
        return j + 1, AGE_UNITS[head.rstrip("s")], True  # "year-old" in one token
    unit = AGE_UNITS.get(word[:-1] if word.endswith("s") else word)
    if unit is None:
        return None
    if j + 2 < limit and doc[j + 1].text == "-" and _word(doc[j + 2]) == "old":
        return j + 3, unit, False
    if j + 1 < limit and _word(doc[j + 1]) == "old":
        return j + 2, unit, False
    return None


# Words before a bare number that make it an age in years: "aged 19", "at age 50", "over the age of 21".
AGE_WORDS = frozenset(("aged", "age", "ages"))
# Forms of "be" whose complement is a person's age: "he will be 35", "she was 42 when".
BE_FORMS = frozenset("be is was are were been being 's".split())
# Subject pronouns of one person.
PERSON_PRONOUNS = frozenset("he she i".split())


def age_before(doc: Doc, amount: Amount, floor: int) -> str | None:
    """The words said around a bare whole number that make it a person's age in years, or None:
    the word of age before it as written ("aged 19", "at age 50", "the age of 21", "between the ages
    of 18 and 60"), or "" for an age written with no unit: the second of two ages ("aged 5 and 12")
    or after "be" with one person as the subject ("he will be 35"). A bare number between commas
    after a name ("Okafor, 61, resigned") is an aside on the person, left out by figure_filters.

    A whole number up to 120 only: "aged" before "1.5 million" is no age."""
    values = [v for v in (amount.value, amount.low, amount.high) if v is not None]
    if not values or not all(float(v).is_integer() and 0 < v <= 120 for v in values):
        return None
    k = amount.start - 1
    if k > floor and _word(doc[k]) == "of":
        k -= 1
    if k >= floor and _word(doc[k]) in AGE_WORDS and doc[k].pos_ != "PROPN":
        return doc[k].text
    if _second_age(doc, amount, floor):
        return ""
    j = amount.end
    if amount.spelled or j >= len(doc):
        return None
    number = doc[amount.num_end - 1]
    verb = number.head
    if number.dep_ == "attr" and verb.lower_ in BE_FORMS and doc[j].pos_ in ("PUNCT", "ADP", "SCONJ", "ADV") and any(
            c.dep_ == "nsubj" and (c.lower_ in PERSON_PRONOUNS or c.ent_type_ == "PERSON") for c in verb.children):
        return ""
    return None


def _second_age(doc: Doc, amount: Amount, floor: int) -> bool:
    """The second of two ages said after one word of age: "children aged 5 and 12", "aged 40 or 50"."""
    k = amount.start - 1
    if k <= floor or _word(doc[k]) not in ("and", "to", "or", "-"):
        return False
    if amount.end < len(doc) and doc[amount.end].pos_ in ("NOUN", "ADJ"):
        return False  # "children aged 5 and 12 other pupils": a count of its own
    k -= 1
    while k >= floor and k > amount.start - 5 and (doc[k].like_num or _word(doc[k]) in ("of", "and", "to", "-")):
        k -= 1
    return k >= floor and _word(doc[k]) in AGE_WORDS
