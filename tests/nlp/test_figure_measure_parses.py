"""What a figure counts, on hand-built parses (no model): shapes the parser gives at the edges of a text."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from storyline.nlp.figure_measures import _casualty_kind


def test_casualty_kind_reads_a_clause_that_opens_the_text():
    # "Fleeing, 200 villagers sheltered": the clause verb is the text's first token, with nothing before it
    doc = Doc(spacy.blank("en").vocab, words=["Fleeing", "200", "villagers", "sheltered"], heads=[3, 2, 3, 3],
              deps=["advcl", "nummod", "nsubj", "ROOT"], pos=["VERB", "NUM", "NOUN", "VERB"])
    assert _casualty_kind(doc[2]) is None  # read to the end (no word of harm here), not stopped by an IndexError
