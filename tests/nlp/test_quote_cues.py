"""What a cue word governs (storyline.nlp.quote_cues), on Docs built by hand: no model is loaded."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from storyline.nlp.pipeline import register_extensions
from storyline.nlp.quote_cues import Context


def _doc(words, heads, deps, pos, tags, people=()):
    register_extensions()
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags,
              sent_starts=[True] + [False] * (len(words) - 1))
    doc.ents = [Span(doc, a, b, label="PERSON") for a, b in people]
    return doc


def test_quote_cues_a_name_the_parser_read_as_a_verb_still_speaks():
    # "The party leader Kofi Mensah in an interview said that taxes rose.", parsed with "Kofi" as a verb
    words = ["The", "party", "leader", "Kofi", "Mensah", "in", "an", "interview", "said", "that", "taxes", "rose", "."]
    heads = [2, 2, 3, 8, 3, 3, 7, 5, 8, 11, 11, 8, 8]
    deps = ["det", "compound", "nsubj", "ccomp", "dobj", "prep", "det", "pobj", "ROOT", "mark", "nsubj", "ccomp", "punct"]
    pos = ["DET", "NOUN", "NOUN", "VERB", "PROPN", "ADP", "DET", "NOUN", "VERB", "SCONJ", "NOUN", "VERB", "PUNCT"]
    tags = ["DT", "NN", "NN", "VBD", "NNP", "IN", "DT", "NN", "VBD", "IN", "NNS", "VBD", "."]
    frame = Context(_doc(words, heads, deps, pos, tags, people=[(3, 5)])).frames[8]
    assert frame.speaker is not None and frame.speaker.text == "Mensah"


def test_quote_cues_no_name_is_taken_across_another_clause():
    # "Kofi Mensah left, and the statement said that taxes rose.", parsed without a subject for "said"
    words = ["Kofi", "Mensah", "left", ",", "and", "then", "said", "that", "taxes", "rose", "."]
    heads = [1, 2, 6, 6, 6, 6, 6, 9, 9, 6, 6]
    deps = ["compound", "nsubj", "advcl", "punct", "cc", "advmod", "ROOT", "mark", "nsubj", "ccomp", "punct"]
    pos = ["PROPN", "PROPN", "VERB", "PUNCT", "CCONJ", "ADV", "VERB", "SCONJ", "NOUN", "VERB", "PUNCT"]
    tags = ["NNP", "NNP", "VBD", ",", "CC", "RB", "VBD", "IN", "NNS", "VBD", "."]
    frame = Context(_doc(words, heads, deps, pos, tags, people=[(0, 2)])).frames[6]
    assert frame.speaker is None
