"""Speakers of attribution frames the parser mislaid (nlp/sources.py ``find_frame``), on Docs built by hand
so that the parse under test is fixed (model-free)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from storyline.nlp.sources import find_frame


def _doc(rows: list[tuple[str, int, str, str, str]]) -> Doc:
    """A Doc from (word, head, dep, pos, tag) rows."""
    words, heads, deps, pos, tags = (list(column) for column in zip(*rows))
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags)


def test_a_trailing_speaker_hung_as_an_apposition_of_the_reported_clause_speaks():
    # "Some 600 villagers were hiding inside the mine, Tomas Berg, chief of police, told AFP.": the parse
    # makes the name an apposition of "mine" and leaves "told" without a subject
    doc = _doc([
        ("Some", 2, "advmod", "ADV", "RB"), ("600", 2, "nummod", "NUM", "CD"), ("villagers", 4, "nsubj", "NOUN", "NNS"),
        ("were", 4, "aux", "AUX", "VBD"), ("hiding", 16, "ccomp", "VERB", "VBG"), ("inside", 4, "prep", "ADP", "IN"),
        ("the", 7, "det", "DET", "DT"), ("mine", 5, "pobj", "NOUN", "NN"), (",", 7, "punct", "PUNCT", ","),
        ("Tomas", 10, "compound", "PROPN", "NNP"), ("Berg", 7, "appos", "PROPN", "NNP"), (",", 10, "punct", "PUNCT", ","),
        ("chief", 10, "appos", "NOUN", "NN"), ("of", 12, "prep", "ADP", "IN"), ("police", 13, "pobj", "NOUN", "NN"),
        (",", 16, "punct", "PUNCT", ","), ("told", 16, "ROOT", "VERB", "VBD"), ("AFP", 16, "dobj", "PROPN", "NNP"),
        (".", 16, "punct", "PUNCT", "."),
    ])
    frame = find_frame(doc[16], 0, len(doc))
    assert frame is not None and frame.speaker is not None and frame.speaker.text == "Berg"
    assert frame.content is not None and frame.content.text == "hiding"


def test_a_name_inside_the_reported_clause_is_not_taken_for_the_speaker():
    # "Crews reached the mine, Tomas Berg's old employer, and left.": no cue, no speaker
    doc = _doc([
        ("Crews", 1, "nsubj", "NOUN", "NNS"), ("reached", 1, "ROOT", "VERB", "VBD"), ("the", 3, "det", "DET", "DT"),
        ("mine", 1, "dobj", "NOUN", "NN"), (",", 3, "punct", "PUNCT", ","), ("Berg", 3, "appos", "PROPN", "NNP"),
        (",", 1, "punct", "PUNCT", ","), ("left", 1, "conj", "VERB", "VBD"), (".", 1, "punct", "PUNCT", "."),
    ])
    frame = find_frame(doc[1], 0, len(doc))
    assert frame is None or frame.speaker is None or frame.speaker.text != "Berg"
