"""Numbers over spaCy tokens: the parser of one number (digits, words, glued forms, fractions); the lexicon is number_words."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from storyline.nlp.currencies import CURRENCY_PREFIXES
from storyline.nlp.number_words import (  # noqa: F401  (re-exported: the parser's lexicon)
    DENOMINATORS, FUZZY, ONES, POST_QUALIFIERS, QUALIFIERS, RE_SLASH, SCALE_SUFFIXES, SCALES, TENS, VAGUE,
    WEAK_QUALIFIERS,
)
from storyline.nlp.units import DURATIONS, duration_name, unit_name

PLURAL_SCALES = frozenset("thousands millions billions trillions".split())

RE_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
# Unicode's one-character fractions, alone or after whole digits ("15½ pounds", "¾ of a mile").
VULGAR = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅕": 0.2, "⅖": 0.4, "⅗": 0.6, "⅘": 0.8,
          "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 0.125, "⅜": 0.375, "⅝": 0.625, "⅞": 0.875}
RE_VULGAR = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)?([½¼¾⅓⅔⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞])$")
RE_PESO = re.compile(r"^P(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)$")
RE_SUFFIXED = re.compile(r"^(\d+(?:\.\d+)?)(k|bn|b|mn|mln|tn|trn|m)$", re.IGNORECASE)
DASHES = {"-", "–", "—", "to"}
# A number glued to what precedes or follows it in one token: "RM23.50", "PS8.1bn", "10kW",
# "1.38pc", "minus-5", "-50.8bn", ".001", "Y=28,030".
RE_GLUED = re.compile(
    r"^(?P<pre>[^\d.\-−+]*?)(?P<sign>minus-|[-−+])?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)(?P<suf>[^\d,.\s][^\s]*)?$",
    re.IGNORECASE,
)
PERCENT_SUFFIXES = {"%", "pc", "pct"}
# Words of time hyphenated before a number, which say when it held: "the then-45-year-old", "now-18".
TIME_PREFIXES = frozenset({"now", "then"})
# A number times a power of ten: "1.99×10^30", "6.02 x 10²³", "1.6×10−19" (a superscript lost to a minus sign);
# the power needs its mark, a sign or superscript digits ("2x10" alone is a size, "2 x 10 metres").
RE_POWER = re.compile(r"^(\d+(?:\.\d+)?)[×x]10(?:(?:\^|\*\*)([-−+]?\d{1,3})|([-−]\d{1,3})|([⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}))$")
SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", "0123456789-+")
POWER_TOKENS = 6
"""Most tokens a number with its power of ten runs over ("1.99", "×", "10", "^", "-", "30")."""
# A unit glued to a word of dimension, maybe closing a bracket: "10ft-long", "(37m / 121ft)-long".
RE_DIMENSION = re.compile(r"^([^\d\s()-]+)\)?-(?:long|wide|high|tall|deep|thick)$", re.IGNORECASE)
# A number run into a word where the source lost a space: "100,000soldiers", "27.The".
RE_RUN_ON = re.compile(r"^(?P<num>\d{1,3}(?:,\d{3})+|\d+)(?:(?P<word>[a-z]{3,}s)|\.[A-Z][a-z]+)$")
# A scale word run into the next one after a lost space: "$60.8 billion.for".
RE_SCALE_RUN_ON = re.compile(r"^([a-z]+)\.[a-z]+$")
# "118.5p" is pence (British share prices are quoted in them; exchanges code pence sterling
# "GBX"), except the video formats written the same way ("1080p").
PENCE_SUFFIX = "p"
VIDEO_LINES = frozenset({144, 240, 360, 480, 576, 720, 1080, 1440, 2160, 4320})
RANGING = frozenset("range ranges ranged ranging vary varies varied varying span spans spanning".split())
# Currency codes that also prefix "$" in one token with a space before it: "HK $5.4m", "US $58".
DOLLAR_PREFIXES = {"us": "USD", "hk": "HKD", "a": "AUD", "au": "AUD", "nz": "NZD", "c": "CAD", "s": "SGD"}


def _word(token: Token) -> str:
    word = token.lower_.replace("’", "'")
    if "." in word and (m := RE_SCALE_RUN_ON.match(word)) and m[1] in SCALES:
        return m[1]  # "billion.for": the source lost the space after the full stop
    return word


def _digits(text: str) -> float | None:
    if RE_DIGITS.match(text):
        return float(text.replace(",", ""))
    return None


def _vulgar(text: str) -> float | None:
    """"15½" -> 15.5, "¾" -> 0.75: digits with a one-character fraction."""
    if (m := RE_VULGAR.match(text)) is None:
        return None
    return float((m[1] or "0").replace(",", "")) + VULGAR[m[2]]


def _word_value(word: str) -> float | None:
    if word in ONES:
        return ONES[word]
    if word in TENS:
        return TENS[word]
    if "-" in word:
        head, _, tail = word.partition("-")
        if head in TENS and tail in ONES and ONES[tail] < 10:
            return TENS[head] + ONES[tail]
    return None


STARTERS = frozenset(ONES) | frozenset(TENS) | frozenset(VAGUE) | frozenset(FUZZY) | {
    "a", "an", "half", "dozen", "hundred", "thousand", "million", "billion", "trillion"}
# Words that let a bare scale word stand for one of it: "another million".
ADDING = frozenset("another additional extra further".split())


def _may_start(word: str) -> bool:
    """Cheap test before parsing: can a number expression begin with this word?"""
    return word in STARTERS or word[:1].isdigit() or word[:1] in VULGAR or ("-" in word and word.partition("-")[0] in TENS) or (
        any(c.isdigit() for c in word) and RE_GLUED.match(word) is not None)


def _run_on(text: str) -> float | None:
    """A number run into a plural word or, after a full stop, the next sentence ("27.The"); not
    into a unit, an ordinal ("3rd") or a decade."""
    m = RE_RUN_ON.match(text)
    if m is None or (m["word"] and (unit_name(m["word"], glued=True) or duration_name(m["word"], glued=True))):
        return None
    if re.match(r"^(?:1[89]|2[01])\d\d$", m["num"]):
        return None  # "until 2005.When": a year ending its sentence
    return float(m["num"].replace(",", ""))


def _glued(doc: Doc, i: int) -> tuple[float, dict] | None:
    """A number with a currency prefix, sign, scale, percent or unit glued to it in one token."""
    m = RE_GLUED.match(doc[i].text)
    if m is None:
        value = _run_on(doc[i].text)
        return None if value is None else (value, {})
    pre, sign, suf = m["pre"] or "", m["sign"], m["suf"] or ""
    value = float(m["num"].replace(",", ""))
    extras: dict = {}
    if pre in ("~", "≈", "c.", "ca."):
        extras["qualifier"], pre = "about", ""  # "~25", "≈32m2"
    if pre.lower() == "sub" and sign == "-":
        extras["qualifier"], pre, sign = "fewer than", "", None  # "sub-7 nanometre chips"
    timed = pre.lower() in TIME_PREFIXES and sign == "-"
    if timed:
        pre, sign = "", None  # "her now-18-month-old daughter", "the then-45-year-old minister": the age then or now
    if pre:
        code = CURRENCY_PREFIXES.get(pre) or CURRENCY_PREFIXES.get(pre.lower() if pre.lower() != "ps" else "")
        if code is None and pre.isupper() and i > 0 and doc[i - 1].text == "$" and _attached(doc, i):
            code = DOLLAR_PREFIXES.get(pre.lower())  # "$A82,615,680"
        if code is None:
            return None
        extras["currency"], extras["currency_text"] = code, pre
    if sign == "+":
        sign = None  # "+0.3%": a rise, written with its sign
    if sign:
        if not pre and i > 0 and doc[i - 1].is_alpha and doc[i - 1].text[:1].isupper() and sign != "minus-":
            return None  # "COVID -19": a name's number, not a negative one
        value = -value
    if suf and (m_dim := RE_DIMENSION.match(suf)) and (unit_name(m_dim[1], glued=True) or duration_name(m_dim[1], glued=True)):
        suf = m_dim[1]  # "121ft)-long", "5km-wide": the unit, then what it measures
    if suf:
        low = suf.lower()
        if low in SCALE_SUFFIXES and (low != "m" or pre or suf == "M"):
            value *= SCALE_SUFFIXES[low]
        elif low in PERCENT_SUFFIXES:
            extras["percent"] = True
        elif suf == PENCE_SUFFIX and not pre and not sign and value not in VIDEO_LINES:
            extras["currency"], extras["currency_text"] = "GBX", suf
        elif (name := unit_name(suf, glued=True) or duration_name(suf, glued=True)) is not None:
            extras["unit"], extras["unit_text"] = name, suf
        elif not pre and not sign and (value := _run_on(doc[i].text)) is None:
            return None
    elif not pre and not sign and not m["num"].startswith(".") and not extras and m["sign"] != "+" and not timed:
        return None  # plain digits are read by _digits
    return value, extras


def _power(doc: Doc, i: int, limit: int) -> tuple[int, float] | None:
    """A number times a power of ten from token ``i``, in one token or several ("1.99 × 10^30"): (end, value)."""
    text = ""
    found = None
    for k in range(i, min(limit, i + POWER_TOKENS)):
        if k > i and doc[k - 1].whitespace_ not in ("", " "):
            break
        text += doc[k].text
        if (m := RE_POWER.match(text)) is not None:
            power = (m[2] or m[3] or m[4]).translate(SUPERSCRIPTS).replace("−", "-")
            found = k + 1, float(f"{m[1]}e{int(power)}")
    return found


def _attached(doc: Doc, i: int) -> bool:
    """True when token ``i`` follows token ``i - 1`` with no space ("40m", "1,000-1,500")."""
    return i > 0 and not doc[i - 1].whitespace_


def _parse_number(doc: Doc, i: int, limit: int) -> tuple[int, float, float | None, float | None, bool, bool] | None:
    """Parse an exact or vague number at token ``i``: (end, value, low, high, vague, spelled)."""
    if i >= limit or not _may_start(_word(doc[i])):
        return None
    # A number expression is short: a window keeps the scan linear in the sentence.
    words = [_word(t) for t in doc[i:min(limit, i + 12)]]
    w = words[0]
    if (fraction := _fraction(words)) is not None:
        n = fraction[0]
        if words[n + 1: n + 2] in (["a"], ["an"]) and n + 2 < len(words) and words[n + 2] in SCALES:
            return i + n + 3, fraction[1] * SCALES[words[n + 2]], None, None, False, True  # "a quarter of a million"
        return i + n, fraction[1], None, None, False, True
    if w == "half" and len(words) > 1 and words[1] == "of" and not (
            i > 0 and (doc[i - 1].pos_ in ("DET", "ADJ", "NUM", "PRON") or doc[i - 1].tag_ in ("POS", "PRP$"))):
        return i + 1, 0.5, None, None, False, True  # "almost half of them"; not "the second half of 2024"
    if w == "half" and len(words) > 2 and words[1] in ("a", "an") and (
            duration_name(words[2]) is not None or unit_name(doc[i + 2].text) is not None):
        return i + 2, 0.5, None, None, False, True  # "over half a year", "half a mile": half of one unit
    # Vague magnitudes: "thousands", "tens of thousands", "hundreds of thousands".
    if w == "scores" and (len(words) < 2 or words[1] != "of"):
        return None  # "exam scores", "the scores": the noun, not "scores of people"
    if w in VAGUE and (w != "tens" or (len(words) > 2 and words[1] == "of" and words[2] in VAGUE)):
        low, high = VAGUE[w]
        j = 1
        while j + 1 < len(words) and words[j] == "of" and words[j + 1] in VAGUE and words[j + 1] not in ("dozens", "scores", "tens"):
            scale = VAGUE[words[j + 1]][0] / 2
            low, high = low * scale, (high + 1) * scale - 1
            j += 2
        return i + j, None, float(low), float(high), True, True
    # Fuzzy multipliers: "several hundred", "a few thousand", "many thousands".
    k = 1 if w == "a" and len(words) > 1 and words[1] in ("few", "couple") else 0
    if words[k] in FUZZY and k + 1 < len(words):
        j = k + 1 + (1 if words[k] == "couple" and k + 2 < len(words) and words[k + 1] == "of" else 0)
        nxt = words[j] if j < len(words) else ""
        if nxt in SCALES or nxt == "dozen":
            scale = SCALES.get(nxt, 12)
            a, b = FUZZY[words[k]]
            low, high = a * scale, (b + 1) * scale - 1 if scale >= 100 else b * scale
            if j + 1 < len(words) and SCALES.get(words[j + 1], 0) > scale:
                # "several hundred thousand rubles": the second scale multiplies the band
                low, high, j = low * SCALES[words[j + 1]], (high + 1) * SCALES[words[j + 1]] - 1, j + 1
            return i + j + 1, None, float(low), float(high), True, True
        if nxt in VAGUE and nxt != "tens" and words[k] == "many":
            low, high = VAGUE[nxt]
            return i + j + 1, None, float(low), float(high), True, True
        return None
    # Exact numbers: digits, digits with a scale, or number words.
    value: float | None = None
    j = 0
    spelled = False
    if w[:1].isdigit() and (power := _power(doc, i, limit)) is not None:
        return power[0], power[1], None, None, False, False
    if (d := _digits(w)) is not None:
        value, j = d, 1
        # "15-thousand", "15-hundred": a scale word hyphenated to the digits.
        if len(words) > 2 and words[1] == "-" and words[2] in SCALES and _attached(doc, i + 1) and _attached(doc, i + 2):
            value, j = value * SCALES[words[2]], 3
    elif (d := _vulgar(w)) is not None:
        value, j = d, 1
    elif m := RE_SUFFIXED.match(w):
        if m[2].lower() == "m":
            return None  # "40m" alone: metres unless a currency says otherwise (handled by the caller)
        return i + 1, float(m[1]) * SCALE_SUFFIXES[m[2].lower()], None, None, False, False
    elif (g := _glued(doc, i)) is not None:
        value, j = g[0], 1  # what was glued to it is read again by the caller
    elif w in ("a", "an", "half") or _word_value(w) is not None or w in ("dozen", "hundred", "thousand") or (
            w in ("million", "billion", "trillion") and i > 0 and _word(doc[i - 1]) in ADDING):
        total, current, j, spelled = 0.0, 0.0, 0, True
        seen = False
        parts = _hyphen_parts(words)
        while j < len(words):
            x = words[j]
            if j in parts:  # "thousand-100", "four-thousand": one token, several number words
                sub = parts[j]
                for y in sub:
                    if y in SCALES and y != "hundred":
                        total += (current or 1) * SCALES[y]
                        current = 0
                    elif y == "hundred":
                        current = (current or 1) * 100
                    elif (v := _word_value(y)) is not None or (v := _digits(y)) is not None:
                        current += v
                seen = True
                j += 1
                continue
            if x == "-" and j > 0 and j + 1 < len(words) and _attached(doc, i + j) and _attached(doc, i + j + 1) and (
                words[j + 1] in SCALES or words[j + 1] in ("dozen",) or j + 1 in parts
                or (_digits(words[j + 1]) is not None and words[j - 1] in SCALES)
            ):
                j += 1  # "four-thousand-100", "15-hundred": hyphens inside one number
                continue
            if seen and words[j - 1] in SCALES and (d := _digits(x)) is not None and d < 1000 and _attached(doc, i + j):
                current += d  # "four-thousand-100"
                j += 1
                continue
            if x in ("a", "an") and j + 1 < len(words) and (words[j + 1] in SCALES or words[j + 1] in ("dozen", "half")):
                current = current or 1
            elif x == "half":
                current = 0.5 if j and words[j - 1] in ("a", "an") and not seen else current + 0.5  # "a half-dozen"
            elif (v := _word_value(x)) is not None:
                if seen and current % 100 and (current % 10 or v >= 10):
                    break  # "one two": two numbers, not one ("twenty five" is one)
                current += v
            elif x == "-" and j + 1 < len(words) and words[j + 1] in ONES and j > 0 and words[j - 1] in TENS:
                pass
            elif x == "hundred":
                current = (current or 1) * 100
            elif x == "dozen":
                current = (current or 1) * 12
            elif x in SCALES:
                total += (current or 1) * SCALES[x]
                current = 0
            elif x == "and" and seen and j + 2 < len(words) and words[j + 1] in ("a", "an") and words[j + 2] == "half":
                current += 0.5  # "three and a half million"
                j += 3
                continue
            elif x == "and" and seen and j + 1 < len(words) and _word_value(words[j + 1]) is not None \
                    and words[j - 1] in ("hundred", "thousand", "million", "billion"):
                pass
            else:
                break
            seen = seen or x not in ("a", "an", "half")
            j += 1
        if not seen:
            return None
        value = total + current
    else:
        return None
    # Scale words after digits: "1.5 million", "5 thousand".
    while j < len(words) and words[j] in SCALES and not spelled:
        value *= SCALES[words[j]]
        j += 1
    if j < len(words) and words[j] in PLURAL_SCALES and value >= 2:
        value *= SCALES[words[j][:-1]]  # "fifteen billions", "two millions of people": a scale, not "billions"
        j += 1
    if j < len(words) and not spelled and words[j] in SCALE_SUFFIXES:
        token = doc[i + j]
        nxt = doc[i + j + 1] if i + j + 1 < limit else None
        if _attached(doc, i + j) and (words[j] != "m" or token.text == "M" or _million_m(nxt)):
            value *= SCALE_SUFFIXES[words[j]]
            j += 1
        elif token.text in ("bn", "mn", "mln", "tn", "trn") or (
                token.text == "B" and nxt is not None and nxt.pos_ in ("NOUN", "ADP")):
            value *= SCALE_SUFFIXES[words[j]]  # "€3 bn", "40 bn cubic metres": no English word; "8 B people"
            j += 1
    return i + j, value, None, None, False, spelled


def fraction_words(words: list[str]) -> tuple[int, float] | None:
    """A fraction in words below one at the start of ``words``: "two-thirds", "a third", "one quarter",
    "three quarters", "two - thirds": (tokens, value); not "half", which is read on its own terms, nor
    an ordinal ("twenty-fifth": twenty fifths)."""
    head, _, tail = words[0].partition("-")
    found = None
    if tail in DENOMINATORS and (n := _word_value(head)):
        found = 1, n / DENOMINATORS[tail]
    elif len(words) > 1 and words[1] in DENOMINATORS and words[0] != "half":
        n = 1 if words[0] in ("a", "one") else _word_value(words[0])
        if n and (n == 1) == (not words[1].endswith("s")):
            found = 2, n / DENOMINATORS[words[1]]
    elif len(words) > 2 and words[1] == "-" and words[2] in DENOMINATORS and (n := _word_value(words[0])):
        found = 3, n / DENOMINATORS[words[2]]
    return found if found is not None and found[1] < 1 else None


def _fraction(words: list[str]) -> tuple[int, float] | None:
    """A fraction before "of" ("two-thirds of", "a third of", "one quarter of", "1/16 of"), or hyphenated,
    which is a fraction with or without it ("a two-thirds majority", "two-thirds backed it"): (tokens, value)."""
    if (found := fraction_words(words)) is not None:
        return found if words[found[0]: found[0] + 1] == ["of"] or found[0] != 2 else None
    if (m := RE_SLASH.match(words[0])) and len(words) > 1 and words[1] == "of" and 0 < int(m[1]) < int(m[2]):
        return 1, int(m[1]) / int(m[2])
    # "eight out of ten", "one in five", "two in three": a share. "in" only with a spelled or
    # unit numerator, so that "5 in 12 attacks" stays a count.
    n = _word_value(words[0]) if words[0] != "a" else None
    n = n if n is not None else _digits(words[0])
    out_of = len(words) > 3 and words[1] == "out" and words[2] == "of"
    one_in = len(words) > 2 and words[1] == "in" and (n == 1 or _word_value(words[0]) is not None)
    if n and (out_of or one_in):
        k = 3 if out_of else 2
        d = _word_value(words[k])
        d = d if d is not None else _digits(words[k])
        if d and n < d <= 1000:
            return k + 1, n / d
    return None


def _million_m(nxt: Token | None) -> bool:
    """A bare "m" glued to digits is a million before "of", a plural noun or a unit ("12.3m tonnes")."""
    if nxt is None:
        return False
    return nxt.lower_ == "of" or nxt.tag_ == "NNS" or (unit_name(nxt.text) is not None and nxt.lower_ not in DURATIONS)


def _hyphen_parts(words: list[str]) -> dict[int, list[str]]:
    """Tokens that join number words with hyphens ("thousand-100", "four-thousand"), split."""
    out = {}
    for j, x in enumerate(words):
        if "-" in x and x != "-":
            pieces = x.split("-")
            if all(p in SCALES or _word_value(p) is not None or (_digits(p) is not None and k) for k, p in enumerate(pieces)) \
                    and any(p in SCALES for p in pieces):
                out[j] = pieces
    return out
