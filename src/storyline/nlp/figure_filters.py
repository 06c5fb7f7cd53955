"""Numbers that are not quantities: names, addresses, dates, ranks, ages, phone numbers and labels."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from storyline.nlp import figure_words as W
from storyline.nlp.amounts import Amount
from storyline.nlp.coordinated import is_tally, spaced_groups
from storyline.nlp.rates import AGE_UNITS, AGE_WORDS
from storyline.nlp.dates import MONTHS, WEEKDAYS
from storyline.nlp.figure_sources import SourceContext
from storyline.nlp.numbers import SCALE_SUFFIXES, SCALES, VAGUE, _digits
from storyline.nlp.units import DURATIONS, duration_name

# A phone number starts with "+" and digits only ("+44"), or with a trunk "0" ("020"); "+0.3" is a rise.
RE_PHONE = re.compile(r"^\+\d+$|^0\d")
RE_CLOCK = re.compile(r"^(?:[01]?\d|2[0-3])[.:][0-5]\d$")
# Verbs that put a level at a number ("closed at 12.30"): there a clock-like number is a price or an index.
LEVEL_VERBS = W.inflect("close", "end", "finish", "open", "trade", "settle", "peak", "climb", "jump", "value",
                        "price", "fix", "cap", "level", "stall") | frozenset(
    "stand stands stood standing rise rises rose risen rising fall falls fell fallen falling drop drops dropped "
    "dropping slip slips slipped slipping sell sells sold selling set sets setting".split())
# A number that ends its sentence, run into the next where the source lost the space ("27.The").
RE_ENDS_SENTENCE = re.compile(r"\A\d[\d,]*\.[A-Z][a-z]+\Z")
RE_YEAR = re.compile(r"^(?:1[89]|2[01])\d{2}$")
RE_OLD_YEAR = re.compile(r"^1[0-7]\d{2}$")
# A DATE entity that is a length of time in digits ("a lease for 50 years") is a figure.
# Words that make a DATE or TIME entity a time; NER also marks counts after "the next" as dates.
TIME_WORDS = frozenset(
    "decade decades century centuries today yesterday tomorrow tonight morning afternoon evening night nights "
    "weekend weekends season seasons quarter quarters spring summer autumn fall winter noon midnight dawn dusk "
    "ago age ages era period term".split()) | frozenset(DURATIONS) | frozenset(MONTHS) | frozenset(WEEKDAYS)
# Texts counted by their items ("a 12-point plan"): a points figure before one of them is no score.
PLAN_NOUNS = frozenset("plan plans programme programmes program programs proposal proposals agenda agendas list "
                       "document documents formula charter framework roadmap declaration memorandum manifesto position "
                       "paper statement strategy blueprint initiative ultimatum demands checklist".split())
RE_DURATION = re.compile(r"^(?:for |of |a |an |the )?\d[\d,.]*[\s-]+(?:days?|weeks?|months?|years?|decades?)(?: long)?$", re.I)


def not_a_quantity(doc: Doc, amount: Amount, ctx: SourceContext) -> bool:
    """Numbers that are names, dates, ranks, ages, phone numbers or labels rather than quantities."""
    if amount.score:
        return True
    numbers = doc[amount.num_start: amount.num_end]
    ent = ctx.ent_of.get(amount.num_start)
    duration = ent is not None and ent.label_ in ("DATE", "TIME") and (
        RE_DURATION.match(ent.text) and not amount.spelled or amount.unit in DURATIONS.values())
    measured = amount.unit is not None and amount.unit not in DURATIONS.values()
    # NER takes a long bare number for a date ("at 2483805", "ended at 1,334.20", "the toll is around 68", its
    # qualifier with it); a date is not written so.
    not_date = ent is not None and ent.label_ == "DATE" and ent.text in (numbers.text, doc[amount.start: amount.num_end].text) \
        and amount.value is not None \
        and not RE_YEAR.match(numbers.text) and not (float(amount.value).is_integer() and 0 < amount.value <= 31)
    # "rose from 20 to 45", "between 30 and 35 thousand": NER takes a change or a band of bare numbers
    # for a date; with no year, no word of time in it and no end that could be an hour ("open from 9 to 5"), it is none
    not_date = not_date or ent is not None and ent.label_ == "DATE" and (
        amount.change_from is not None or amount.low is not None) and max(
        amount.value or 0, amount.change_from or 0, amount.high or 0) > 24 and all(
        t.lower_ in ("from", "to", "-", "–", "and", "between") or t.lower_ in SCALES or t.like_num and t.text[:1].isdigit()
        and not RE_YEAR.match(t.text) for t in ent)
    # "the next seven thousand workers": an entity marked as a date with no word of time in it
    counted = doc[amount.num_end - 1].head
    # ("over 30 warships": NER's time, the counted noun inside it, with no word of time either)
    timeless = ent is not None and counted.tag_ == "NNS" and (ent.label_ == "DATE" and counted.i >= ent.end or (
        ent.label_ == "TIME" and counted.i >= amount.num_end and not RE_YEAR.match(numbers.text))) and not any(
        t.lower_.rstrip(".") in TIME_WORDS or t.text[:1].isdigit() and not t.like_num for t in ent) and not (
        RE_YEAR.match(numbers.text) and amount.num_start > 0 and doc[amount.num_start - 1].tag_ in ("DT", "PRP$", "POS"))
    # (but "the 2024 elections", "Kenya's 2022 polls": a year before a noun follows a determiner)
    # "up at 96.088": NER's ordinal in plain digits with a decimal point; an ordinal is written "4th"
    not_date = not_date or ent is not None and ent.label_ == "ORDINAL" and ent.text == numbers.text \
        and "." in numbers.text and _digits(numbers.text) is not None
    # "Millions fled": NER takes a capitalised vague magnitude opening a sentence for a name
    magnitude = amount.vague and all(t.lower_ in VAGUE or t.lower_ == "of" for t in numbers)
    tally = is_tally(doc, amount, len(doc))  # "a vote of 88-65", "passed the House 312-118": votes, not a date nor a name
    # "4.3M new cars": NER takes digits with a scale letter for a product's name; a name's number has no scale
    scaled = amount.num_end - amount.num_start > 1 and doc[amount.num_start].text[:1].isdigit() and (
        doc[amount.num_end - 1].lower_ in SCALES or doc[amount.num_end - 1].lower_ in SCALE_SUFFIXES)
    if any(t.ent_type_ in W.SKIP_ENTS for t in numbers) and not duration and not measured and not not_date \
            and not timeless and not magnitude and not tally and not scaled and not (
            amount.num_end - amount.num_start > 1 and spaced_groups(doc, amount.num_start, amount.num_end)) and not (
            amount.currency or amount.percent):
        return True
    first = doc[amount.num_start]
    before = doc[amount.start - 1] if amount.start > 0 else None
    after = doc[amount.end] if amount.end < len(doc) else None
    if _intensifier(doc, amount):
        return True
    if _name_or_address(doc, amount, before, after) and not tally:
        return True
    if amount.spelled and after is not None and after.i == amount.end and after.text[:1] == "-" \
            and duration_name(after.text[1:]) is not None and after.i + 1 < len(doc) and doc[after.i + 1].pos_ in ("NOUN", "ADJ"):
        return True  # "a two -day summit": a length in words before a noun, left out as "a two-day summit" is
    if not (amount.unit or amount.currency or amount.percent) and after is not None and after.text == "-" \
            and after.i + 1 < len(doc) and not after.whitespace_ and not doc[after.i - 1].whitespace_ \
            and doc[after.i + 1].lower_.endswith("ed") and doc[after.i + 1].lower_ not in W.COUNT_OF:
        return True  # "a two-pronged attack", "a three-tiered system": the number describes, it counts nothing
    if amount.spelled and amount.value == 0 and after is not None and after.text == "-" and not doc[after.i - 1].whitespace_:
        return True  # "a zero-sum game", "zero-emission buses": a compound adjective, no count of sums or emissions
    if after is not None and after.i == amount.num_end and not doc[amount.num_end - 1].whitespace_ \
            and len(after.text) == 1 and after.text.isupper() and not (amount.unit or amount.currency or amount.percent):
        return True  # "5G data", "4K screens": a letter glued to the number names a generation or a format
    if before is not None and (before.lower_ in W.LABEL_WORDS or before.text == "#"):
        return True
    if before is not None and before.lower_ == "of" and before.i >= 2 and doc[before.i - 1].like_num \
            and doc[before.i - 2].lower_ in W.LABEL_WORDS:
        return True  # "Image 2 of 3", "page 4 of 12": the count of a gallery's items, not a figure
    if not (amount.unit or amount.currency or amount.percent) and before is not None and before.text == ":" and before.i > 0 and doc[before.i - 1].ent_type_ == "PERSON" \
            and ctx.ent_of.get(before.i - 1) is not None and ctx.ent_of[before.i - 1].start == doc[before.i].sent.start:
        return True  # "Ana Ruiz: 7": a mark given to a person, as in a ratings list
    if any(t is not None and t.text[:1].isupper() and t.lower_.rstrip(".") in MONTHS for t in (before, after)):
        return True  # "September 1", "1 September" that NER did not mark as a date
    bare = not (amount.unit or amount.currency or amount.percent)
    if bare and amount.num_end - amount.num_start == 1 and after is not None and after.text in (".", ")") \
            and (first.tag_ == "LS" or before is None or "\n" in before.text or before.is_space):
        return True  # "1. Five killed as ...": the number of an item in a list
    if bare and _ratio(doc, amount):
        return True  # "2 in 3 voters": a share written as a ratio, not two counts
    if RE_PHONE.match(first.text) or (bare and before is not None and before.like_num and before.text[:1].isdigit()) or (
        bare and after is not None and after.like_num and after.text[:1].isdigit() and not after.is_punct
    ):
        return True  # runs of bare numbers: phone numbers, codes, tables
    if amount.num_start > 1 and doc[amount.num_start - 1].text == "-" and not doc[amount.num_start - 1].whitespace_ \
            and not doc[amount.num_start - 2].whitespace_ and doc[amount.num_start - 2].is_alpha:
        return True  # "Su-27", "MiG-29": a model number
    following = " ".join(t.lower_ for t in doc[amount.end: amount.end + 4])
    if re.match(r"(?:- )?years?(?: - | )old\b|(?:- )?year -|(?:a\.m\.|p\.m\.|am|pm|o'clock|hours? gmt)\b", following):
        return True
    if before is not None and before.lower_ in ("aged", "age", "ages") and amount.unit not in AGE_UNITS.values():
        return True  # "aged 18 months", "aged 1.5": no age in years that the reader took
    if bare and before is not None and before.lower_ == "than" and before.i > 0 and doc[before.i - 1].lower_ in (
            "younger", "older"):
        return True  # "adults younger than 40": an age that bounds a group of people
    if _group_age(doc, amount):
        return True  # "voters aged 30 to 49", "men between the ages of 18 and 60": so too
    if bare and _age_apposition(doc, amount):
        return True  # "Okafor, 61, resigned": a person's age said in passing, no figure of the story
    if amount.unit in DURATIONS.values() and after is not None and after.lower_ == "ago":
        return True  # "since independence 30 years ago": when, not how long
    if amount.unit in DURATIONS.values() and after is not None and after.lower_ in ("anniversary", "mark", "low", "high"):
        return True  # "the two-year mark", "a ten-year low": a point in time or a record, not a length of time
    named = after
    while named is not None and named.is_quote and named.i + 1 < len(doc) and named.i < amount.end + 2:
        named = doc[named.i + 1]  # 'a 12-point "peace plan"': the plan's name in quotation marks
    if amount.unit == "point" and named is not None and doc[amount.end - 2].text == "-" \
            and (named.lower_ in PLAN_NOUNS or named.pos_ in ("NOUN", "PROPN") and (
                doc[amount.end - 1].head.lower_ in PLAN_NOUNS or named.head.lower_ in PLAN_NOUNS)) \
            and not doc[amount.end - 2].whitespace_:
        return True  # "a 12-point peace plan", "the ten-point programme": how many items a text has, not a score
    if amount.unit in ("millimetre", "centimetre") and after is not None and _calibre_of(doc, after.i):
        return True  # "155mm shells", "122mm rockets", "155mm towed howitzers": a calibre names the kind of gun
    if bare and before is not None and before.lower_ in ("at", "by", "until", "till", "before", "after") \
            and RE_CLOCK.match(first.text) and amount.num_end - amount.num_start == 1 \
            and before.head.lower_ not in LEVEL_VERBS:
        return True  # "the summit opens at 12.30": a time of day
    if bare and amount.num_end - amount.num_start == 1 and before is not None and before.lower_ in ("in", "since") \
            and RE_OLD_YEAR.match(first.text) and amount.qualifier is None and (after is None or after.pos_ not in ("NOUN", "PROPN")):
        return True  # "since the schism in 1054", "in 1648": an older year, which the year pattern below leaves out
    if (RE_YEAR.match(first.text) and amount.num_end - amount.num_start == 1 and not amount.currency
            and not amount.percent and amount.qualifier is None):
        nxt = doc[amount.num_end] if amount.num_end < len(doc) else None
        if nxt is None or nxt.tag_ != "NNS":
            return True
    return False


# Endings of nouns for people ("teacher", "activist", "migrant", "fisherman").
PERSON_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "ee", "ess", "ete", "man", "men", "woman", "women", "child",
                  "children", "boy", "girl", "son", "daughter", "baby", "babies", "teen", "kid", "kids", "wife",
                  "husband")
# People whose name has none of those endings.
PERSON_NOUNS = frozenset(
    "nurse suspect victim patient mother mum mom father dad widow orphan veteran star pupil guy youth adult infant "
    "toddler twin twins native local heir bride groom chef pilot cop spouse king queen prince monk nun priest imam "
    "rabbi pope chief boss ceo mp senator candidate graduate rookie striker midfielder goalkeeper pensioner "
    "grandmother grandfather grandson granddaughter nephew niece cousin sister brother sibling self".split())


# Words that "100 percent" intensifies when it stands before them ("100 percent sure").
SURE_WORDS = frozenset("sure certain confident committed convinced behind".split())
QUOTE_MARKS = frozenset("' ‘ ’ \" “ ” ` ``".split())


def _intensifier(doc: Doc, amount: Amount) -> bool:
    """ "will '100%' stay", "I am 100 percent sure": a hundred percent said for "entirely", not a share of anything."""
    if not amount.percent or amount.value != 100 or amount.low is not None:
        return False
    i, j = amount.start - 1, amount.end
    while i >= 0 and doc[i].text in QUOTE_MARKS:
        i -= 1
    while j < len(doc) and doc[j].text in QUOTE_MARKS:
        j += 1
    modal = i >= 0 and (doc[i].tag_ == "MD" or doc[i].lower_ in ("will", "would", "can", "could", "should", "must"))
    return modal or j < len(doc) and doc[j].lower_ in SURE_WORDS


def _calibre_of(doc: Doc, i: int) -> bool:
    """A gun or its ammunition named at ``i``, maybe after the words that describe it ("lightweight towed")."""
    for token in doc[i: min(len(doc), i + 4)]:
        if token.lower_ in W.CALIBRE_NOUNS:
            return True
        if not (token.pos_ in ("ADJ", "PROPN") or token.tag_ == "VBN" or token.dep_ in ("amod", "compound")):
            return False
    return False


def _ratio(doc: Doc, amount: Amount) -> bool:
    """Either number of a ratio "2 in 3", "1 in 10 children" (not "2 in 2020")."""
    def number(i: int) -> bool:
        return 0 <= i < len(doc) and doc[i].like_num and doc[i].text[:1].isdigit() and not RE_YEAR.match(doc[i].text)
    i, j = amount.num_start, amount.num_end
    if j + 1 < len(doc) and doc[j].lower_ == "in" and number(j + 1) and amount.num_end - amount.num_start == 1:
        return True
    return i >= 2 and doc[i - 1].lower_ == "in" and number(i - 2) and amount.num_end - amount.num_start == 1


def _age_apposition(doc: Doc, amount: Amount) -> bool:
    """A whole number from 1 to 120 between commas after a person's name: "Okafor, 61, said"."""
    i, j = amount.start, amount.end
    if amount.value is None or not float(amount.value).is_integer() or not 0 < amount.value <= 120 or amount.spelled:
        return False
    return i >= 2 and j < len(doc) and doc[i - 1].text == "," and doc[j].text == "," \
        and (doc[i - 2].ent_type_ == "PERSON" or doc[i - 2].pos_ == "PROPN" and doc[i - 2].text[:1].isupper())


# Words between a plural noun and the age that bounds its group: "men between the ages of 18 and 60".
AGE_BAND_WORDS = AGE_WORDS | frozenset("between over under above below from of the and or to -".split())


# Pronouns for a group that an age can bound: "those aged 65 and older".
GROUP_PRONOUNS = frozenset(("those", "these", "them"))


def _group_age(doc: Doc, amount: Amount) -> bool:
    """An age said with a word of age right after a plural noun or "those": the ages of a group of people, not
    a person's ("voters aged 30 to 49", "residents over the age of 16", "those aged 65 and older")."""
    if amount.unit != AGE_UNITS["year"] or (amount.unit_text or "").lower() not in AGE_WORDS | {""}:
        return False
    k = amount.start - 1
    while k >= 0 and k > amount.start - 8 and (doc[k].lower_ in AGE_BAND_WORDS or doc[k].like_num):
        k -= 1
    return k >= 0 and k < amount.start - 1 and (doc[k].tag_ in ("NNS", "NNPS") or doc[k].lower_ in GROUP_PRONOUNS) and any(
        t.lower_ in AGE_WORDS for t in doc[k + 1: amount.start])


def person_word(word: str) -> bool:
    """A noun for a person, by its ending or as known ("teacher", "activist", "nurse"), singular."""
    return word in PERSON_NOUNS or word.endswith(PERSON_ENDINGS)


def _name_or_address(doc: Doc, amount: Amount, before: Token | None, after: Token | None) -> bool:
    """A number that is part of a name ("S&P 500", "iPhone 11 Pro", "787 Dreamliner") or an address."""
    if amount.currency or amount.percent or amount.unit or amount.qualifier or amount.vague:
        return False
    if RE_ENDS_SENTENCE.match(doc[amount.num_end - 1].text):
        return False  # "a joint statement of 27.The Union's ...": the words after the point start the next sentence
    names_before = before is not None and before.i == amount.num_start - 1 and (
        (before.pos_ == "PROPN" and before.text[:1].isupper() or any(c.isupper() for c in before.text[1:])
         or "&" in before.text) and before.ent_type_ not in ("GPE", "NORP", "DATE", "PERSON") and not before.is_sent_start)
    after_noun = after is not None and after.pos_ == "NOUN" and after.text[:1].islower()
    if names_before and not after_noun:
        return True  # "S&P 500", "iPhone 11", "FTSE 100"
    number = doc[amount.num_end - 1]
    if names_before and after_noun and before.dep_ in ("compound", "nmod") and before.head.i == number.head.i == after.i:
        return True  # "the Nord Stream 1 pipeline", "Windows 10 laptops": the name and its number both modify the noun
    if before is not None and before.i == amount.num_start - 1 and (before.lower_, amount.value) in W.INDEX_NAMES:
        return True  # a stock index named by its size, however written ("the sp 500", "nikkei 225")
    last = doc[amount.num_end - 1]
    if after is not None and after.text[:1].isupper() and last.head.pos_ == "NOUN" and any(
            c.dep_ == "nummod" and c.like_num and c.i < amount.start for c in last.head.children):
        return True  # "two new 737 Max jets": the count comes first, the number after it names the model
    # "787 Dreamliner", "11 Pro Max", "575 Wilbraham Road": capitalised words after the number
    # that end the phrase (no counted noun follows) or end in a street word.
    k = amount.end
    caps = []
    while k < len(doc) and doc[k].text[:1].isupper() and doc[k].pos_ == "PROPN" and doc[k].ent_type_ not in ("NORP", "GPE"):
        caps.append(doc[k])
        k += 1
    if not caps or not float(amount.value or 0).is_integer():
        return False  # a name's number is whole ("787 Dreamliner"); "0.5 WAR" is a measure
    if caps[-1].lower_.rstrip(".") in W.STREET_WORDS:
        return True
    if caps[-1].text.endswith("s") and not caps[-1].text.endswith("ss") and (amount.value or 0) > 1 and (
            caps[-1].tag_ == "NNPS" if len(caps) == 1 else doc[amount.num_end - 1].head.i == caps[-1].i):
        return False  # "500 Tomahawks", "14 Challengers", "the 27 EU Member States": a count of things called by a name
    nxt = doc[k] if k < len(doc) else None
    if nxt is not None and nxt.like_num and nxt.text[:1].isdigit() and k + 1 < len(doc) and doc[k + 1].pos_ == "NOUN":
        return False  # "12 Boeing 737 jets": the count comes first, the model's number after it
    return nxt is None or not (nxt.pos_ == "NOUN" and not nxt.text[:1].isupper())
