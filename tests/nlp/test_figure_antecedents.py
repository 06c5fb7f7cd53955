"""A bare number whose counted noun is said after a later number (nlp/figure_antecedents.py
``noun_said_after``), on Docs built by hand so that the parse under test is fixed (model-free)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from storyline.models import Figure
from storyline.nlp.figure_antecedents import noun_said_after


def _doc(rows: list[tuple[str, int, str, str, str]]) -> Doc:
    """A Doc from (word, head, dep, pos, tag) rows."""
    words, heads, deps, pos, tags = (list(column) for column in zip(*rows))
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags)


def _counted(doc: Doc, number: int, unit: str) -> Figure:
    token = doc[number]
    return Figure(doc="", start=token.idx, end=doc[token.head.i].idx + len(token.head), text="", value=float(token.text),
                  counts="other", unit_text=doc[token.head.i].text, unit=unit)


def test_a_number_before_a_joined_verb_with_no_subject_shares_its_noun():
    # "Rebels burned 30 and looted 12 shops ."
    doc = _doc([
        ("Rebels", 1, "nsubj", "NOUN", "NNS"), ("burned", 1, "ROOT", "VERB", "VBD"), ("30", 1, "dobj", "NUM", "CD"),
        ("and", 1, "cc", "CCONJ", "CC"), ("looted", 1, "conj", "VERB", "VBD"), ("12", 6, "nummod", "NUM", "CD"),
        ("shops", 4, "dobj", "NOUN", "NNS"), (".", 1, "punct", "PUNCT", "."),
    ])
    shops = _counted(doc, 5, "shop")
    assert noun_said_after(doc[2], [(doc[5], shops)]) is shops


def test_a_while_clause_with_its_own_subject_shares_its_noun_but_an_and_clause_does_not():
    # "Lima sold 300 while Quito sold 200 buses ." / "Lima sold 300 and Quito sold 200 buses ."
    for join, dep, mark in (("while", "advcl", "mark"), ("and", "conj", "cc")):
        head = 5 if mark == "mark" else 1
        doc = _doc([
            ("Lima", 1, "nsubj", "PROPN", "NNP"), ("sold", 1, "ROOT", "VERB", "VBD"), ("300", 1, "dobj", "NUM", "CD"),
            (join, head, mark, "SCONJ", "IN"), ("Quito", 5, "nsubj", "PROPN", "NNP"), ("sold", 1, dep, "VERB", "VBD"),
            ("200", 7, "nummod", "NUM", "CD"), ("buses", 5, "dobj", "NOUN", "NNS"), (".", 1, "punct", "PUNCT", "."),
        ])
        buses = _counted(doc, 6, "bus")
        assert noun_said_after(doc[2], [(doc[6], buses)]) is (buses if join == "while" else None)


def test_a_number_in_another_role_does_not_share_the_noun():
    # "Rebels burned 30 and looted shops with 12 trucks .": the trucks are no object of "looted"
    doc = _doc([
        ("Rebels", 1, "nsubj", "NOUN", "NNS"), ("burned", 1, "ROOT", "VERB", "VBD"), ("30", 1, "dobj", "NUM", "CD"),
        ("and", 1, "cc", "CCONJ", "CC"), ("looted", 1, "conj", "VERB", "VBD"), ("shops", 4, "dobj", "NOUN", "NNS"),
        ("with", 4, "prep", "ADP", "IN"), ("12", 8, "nummod", "NUM", "CD"), ("trucks", 6, "pobj", "NOUN", "NNS"),
        (".", 1, "punct", "PUNCT", "."),
    ])
    trucks = _counted(doc, 7, "truck")
    assert noun_said_after(doc[2], [(doc[7], trucks)]) is None
