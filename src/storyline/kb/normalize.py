"""Match keys for knowledge-base surfaces: case, diacritics, dots, hyphens and possessives folded."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Letters that NFKD does not decompose into a base letter plus a mark, and
# typographic variants of the apostrophe and hyphen that news text is full of.
_FOLD = str.maketrans(
    {
        "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ß": "ss",
        "đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "ı": "i", "þ": "th", "Þ": "Th", "ð": "d",
        "\u2019": "'", "\u2018": "'", "\u02bb": "'", "\u02bc": "'", "`": "'", "\u00b4": "'",
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
    }
)
_POSSESSIVE = re.compile(r"(?<=[\w.])'s\b")
_APOSTROPHE = re.compile(r"'")
_DOT = re.compile(r"\.")
_SEPARATOR = re.compile(r"[^\w\s]|_")
_SPACE = re.compile(r"\s+")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)

# Acronyms whose lower-case form is an ordinary English word ("US" vs "us", "WHO"
# vs "who"): they only match when the surface is written in capitals too.
COMMON_WORDS = frozenset(
    "us who car it is as am an or on in at no so do go me my we he be by to of up if "
    "au all can and are pa sis isa png aid".split()
)


def fold(text: str) -> str:
    """Strip diacritics and unify apostrophes and dashes, keeping case."""
    if text.isascii():  # nothing to decompose: the common case, and the loader folds tens of thousands of names
        return text.translate(_FOLD)
    text = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


@lru_cache(maxsize=65536)
def key(text: str) -> str:
    """The case-insensitive match key: ``"the U.S.'s"`` -> ``"us"``, ``"Kim Jong-un"`` -> ``"kim jong un"``."""
    text = _POSSESSIVE.sub("", fold(text))
    text = _DOT.sub("", _APOSTROPHE.sub("", text))
    text = _SEPARATOR.sub(" ", text)
    text = _SPACE.sub(" ", text).strip().casefold()
    return _LEADING_THE.sub("", text)


def acronym_key(text: str) -> str:
    """The case-preserving key used for acronyms that collide with common words."""
    text = _DOT.sub("", _POSSESSIVE.sub("", fold(text)))
    text = _SPACE.sub(" ", _SEPARATOR.sub(" ", _APOSTROPHE.sub("", text))).strip()
    return _LEADING_THE.sub("", text)


def is_case_sensitive(alias: str) -> bool:
    """True for an all-capitals acronym whose lower-case form is a common word."""
    if len(alias) > 16:  # longer than any such acronym with "the", dots and a possessive
        return False
    bare = acronym_key(alias)
    return bare.isupper() and " " not in bare and bare.lower() in COMMON_WORDS


def slug(text: str) -> str:
    """An ASCII identifier fragment: ``"Volodymyr Zelenskyy"`` -> ``"volodymyr-zelenskyy"``."""
    return key(text).replace(" ", "-")


# Spelling and filler differences that do not change which office a title names.
_TITLE_WORDS = {"defense": "defence", "organisation": "organization", "programme": "program"}
_TITLE_FILLER = re.compile(r"^(?:(?:acting|interim|caretaker|then|former|ex|outgoing|incoming|new|current)\s+)+")


def title_key(text: str, strip: bool = True) -> str:
    """Normalise an office title: ``"then-Defense Secretary"`` -> ``"defence secretary"``.

    ``strip=False`` keeps qualifiers such as "acting", for offices whose title carries one.
    """
    words = " ".join(_TITLE_WORDS.get(w, w) for w in key(text).split())
    return _TITLE_FILLER.sub("", words) if strip else words
