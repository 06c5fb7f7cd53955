"""How names are spelt: a consonant skeleton that survives misspellings and the transliterations of
one Cyrillic name into other languages' alphabets ("Ławrow", "Pieskow", "Patruszew" are Lavrov,
Peskov, Patrushev), and the knowledge-base person a full name spells that way."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from storyline.kb.lookup import KBEntity, KnowledgeBase
from storyline.kb.normalize import key

SIMILAR_SURNAME = 0.8
SIMILAR_GIVEN = 0.6
MIN_SKELETON = 4
# A surname of three consonants ("Psaki") is matched only with the known person's very given name and as many
# letters ("Jen Pskai").
MIN_SHORT_SKELETON = 3

# Letter groups of the English, Polish, Czech and German spellings of Slavic names, in one spelling.
# "ch" is English "ch" (Polish "cz") or Polish "ch" (English "kh"): all three read as "h".
_LATIN = (("szcz", "shh"), ("sch", "sh"), ("sz", "sh"), ("cz", "h"), ("ch", "h"), ("kh", "h"), ("zh", "z"),
          ("w", "v"), ("j", "y"), ("ck", "k"), ("ks", "x"))
_LATIN_RE = re.compile("|".join(re.escape(a) for a, _ in _LATIN))
_LATIN_MAP = dict(_LATIN)


def english_spelling(word: str) -> str:
    """A name's letters in one spelling for every transliteration ("patruszew" and "patrushev" are both
    "patrushev", "charkow" and "kharkov" both "harkov")."""
    return _LATIN_RE.sub(lambda m: _LATIN_MAP[m.group(0)], word)


def skeleton(word: str) -> str:
    """Consonants with doubles collapsed, in English spelling: "zelanski" and "zelensky" are both
    "zlnsk"; "lawrow" and "lavrov" both "lvrv"."""
    return re.sub(r"(.)\1+", r"\1", re.sub(r"[aeiouy]", "", english_spelling(word)))


def _one_spelling(word: str) -> str:
    """A name in English spelling with "y" as "i": "szojgu" and "shoigu" are both "shoigu"."""
    return english_spelling(word).replace("y", "i")


def similar_surname(word: str, surnames: dict[str, str]) -> str | None:
    """The one entity whose surname a bare name misspells ("blinkken" for "blinken", "zelanski" for
    "zelensky") or spells another way ("szojgu" for "shoigu"), or None."""
    if len(word) < 5 or not word.isalpha():
        return None
    hits = {entity for name, entity in surnames.items()
            if name != word and name[:1] == word[:1] and len(name) >= 5 and not feminine_of(word, name)
            and (SequenceMatcher(None, word, name).ratio() >= SIMILAR_SURNAME
                 or SequenceMatcher(None, _one_spelling(word), _one_spelling(name)).ratio() >= SIMILAR_SURNAME
                 or (len(skeleton(word)) >= MIN_SKELETON and skeleton(word) == skeleton(name)))}
    return next(iter(hits)) if len(hits) == 1 else None


# Surname endings whose form with "-a" is a woman's surname ("Ivanova" is Ivanov's wife or daughter), not
# the man's name misspelt or declined.
FEMININE_A = ("ov", "ev", "in", "yn")


def feminine_of(word: str, surname: str) -> bool:
    """``word`` is the woman's form of ``surname``: "sidorova" of "sidorov", "putina" of "putin", "zelenska"
    or "zelenskaya" of "zelensky"."""
    if word == surname + "a" and surname.endswith(FEMININE_A):
        return True
    return surname.endswith(("ski", "sky", "cki", "cky", "zki", "zky")) and word in (
        surname[:-1] + "a", surname[:-1] + "aya", surname[:-1] + "aja")


# Letters only Polish spells names with ("Ławrow", "Łukaszenka", "Zełenski", "Rzeszów"): a report that writes
# them was written in Polish or translated from it, and declines names the Polish way.
POLISH_LETTERS = frozenset("łŁśŚżŻźŹćĆńŃęĘąĄ")
# Case endings of a name ending in "-a" ("Duda": "Dudy", "Dudę", "Dudą", "Kułebie"), and the consonants that
# soften before "-e"/"-ie" ("Dudzie", "Łukaszence").
_A_STEM_ENDINGS = ("y", "i", "e", "ie", "o")
_SOFTENED = {"d": "dz", "t": "c", "r": "rz", "k": "c", "g": "dz"}
# Case endings of an adjectival surname ("Zełenski": "Zełenskiego", "Zełenskiemu", "Zełenskim").
_ADJECTIVE_ENDINGS = ("iego", "ego", "iemu", "emu", "im", "ym", "ich", "ych")


def polish_spelling(text: str) -> bool:
    """The text spells names with Polish letters ("Ławrow", "Zełenski"), so it declines them."""
    return any(ch in POLISH_LETTERS for ch in text)


def declined_form(word: str, name: str, endings: set[str], surname: bool = True) -> bool:
    """``word`` (a match key) is a case form of the name ``name``: the name with one of ``endings``
    ("timura" of "timur"), or, for a surname, an "-a" name's stem with its endings ("dudy", "dudzie" of
    "duda") or an adjectival surname's ("zelenskiego", "morawieckim" of "zelenski", "morawiecki")."""
    if len(name) < 4 or word == name:
        return False
    if word.startswith(name) and word[len(name):] in endings:
        return True
    if not surname:
        return False  # "Annie" is no form of "Anna"
    if name.endswith("a") and not name.endswith(("ska", "cka", "zka")):
        stem = name[:-1]
        soft = stem[:-1] + _SOFTENED[stem[-1]] if stem[-1] in _SOFTENED else stem
        return any(word == stem + e for e in _A_STEM_ENDINGS) or word in (soft + "e", soft + "ie")
    if name.endswith(("ski", "cki", "sky", "cky", "zki", "zky")):
        return any(word == name[:-1] + e for e in _ADJECTIVE_ENDINGS)
    if name.endswith(("ska", "cka", "zka")):
        return word in (name[:-1] + "iej", name[:-1] + "ej")  # "Zdanowskiej" of "Zdanowska"
    return False


SIMILAR_PLACE = 0.85


def similar_place(word: str, forms: dict[str, str]) -> str | None:
    """The one place whose spelling a one-word name misspells ("kerson" for "kherson"), or None. Stricter than
    a surname: the same last letter too, so that an adjective ("crimean") or another place ("kreminna" beside
    "kremlin") is not taken for it."""
    if len(word) < 5 or not word.isalpha():
        return None
    hits = {place for form, place in forms.items()
            if form != word and form[:1] == word[:1] and form[-1:] == word[-1:] and len(form) >= 5
            and SequenceMatcher(None, word, form).ratio() >= SIMILAR_PLACE}
    return next(iter(hits)) if len(hits) == 1 else None


def _same_ends(a: str, b: str) -> bool:
    """Same first and last letter in one spelling: "Prigozhina" (a woman) is not "Prigozhin". A final
    "i" is a final "y": the Polish and Czech "-ski" is the English "-sky" ("Zelanski", "Zelensky")."""
    a, b = english_spelling(a), english_spelling(b)
    return a[:1] == b[:1] and _last(a) == _last(b)


def _last(word: str) -> str:
    return "y" if word.endswith("i") else word[-1:]


def _given_alike(given: str, known: str) -> bool:
    """Given names alike in letters, or one name in two languages' forms with the same consonants
    ("Vladimir" and "Volodymyr", "Aleksandr" and "Alexander")."""
    a, b = english_spelling(given), english_spelling(known)
    return a[:1] == b[:1] and (SequenceMatcher(None, a, b).ratio() >= SIMILAR_GIVEN
                               or len(skeleton(a)) >= 3 and skeleton(a) == skeleton(b))


class SpellingIndex:
    """Knowledge-base persons by the skeleton of their surname, for names spelt another way."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._by_skeleton: dict[str, list[tuple[list[str], KBEntity]]] | None = None
        self._given: set[str] | None = None

    def given_name(self, word: str) -> bool:
        """A word that opens the name of a known person and names no place or body ("Svetlana", "Serhiy")."""
        if self._given is None:
            firsts = {key(form).split()[0] for person in self.kb.entities("person")
                      for form in (person.name, *person.aliases) if len(key(form).split()) > 1}
            self._given = {w for w in firsts if len(w) >= 3 and w.isalpha() and not self.kb.lookup(w)}
        return key(word) in self._given

    def _index(self) -> dict[str, list[tuple[list[str], KBEntity]]]:
        if self._by_skeleton is None:
            self._by_skeleton = {}
            for person in self.kb.entities("person"):
                for form in (person.name, *person.aliases):
                    words = key(form).split()
                    if len(words) > 1 and len(skeleton(words[-1])) >= MIN_SHORT_SKELETON:
                        self._by_skeleton.setdefault(skeleton(words[-1]), []).append((words, person))
        return self._by_skeleton

    def person(self, words: list[str]) -> KBEntity | None:
        """The one known person a full name ("dmitry pieskow") spells another way: the same surname
        skeleton, first and last letter, and a given name alike; None when no one or several fit."""
        if len(words) < 2 or len(words[-1]) < 4 or not words[-1].isalpha():
            return None
        # "Jen Pskai": a surname of few consonants needs as many letters and the very given name
        short = len(skeleton(words[-1])) < MIN_SKELETON

        def fits(known: list[str]) -> bool:
            if not _same_ends(known[-1], words[-1]):
                return False
            if short:
                return len(known[-1]) == len(words[-1]) and known[0] == words[0]
            return _given_alike(words[0], known[0])

        found = {person.id: person for known, person in self._index().get(skeleton(words[-1]), ()) if fits(known)}
        return next(iter(found.values())) if len(found) == 1 else None
