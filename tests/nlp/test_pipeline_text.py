"""The Doc text that extractors read: joined once per Doc, the same string spaCy gives."""

import spacy

from storyline.nlp import pipeline


def test_text_of_a_made_doc_is_the_text_it_was_made_from():
    pipeline.register_extensions()
    nlp = spacy.blank("en")
    text = "Floodwater reached the town hall on Tuesday.\n\nResidents were moved to the school."
    doc = pipeline.make_doc(nlp, "d1", text, None)
    assert pipeline.text_of(doc) == doc.text == text
    assert pipeline.text_of(doc) is pipeline.text_of(doc)


def test_text_of_a_doc_built_elsewhere_is_joined_once_and_kept():
    nlp = spacy.blank("en")
    doc = nlp("Dockworkers in the port walked out at dawn.  Talks resume Friday.")
    first = pipeline.text_of(doc)
    assert first == doc.text
    assert pipeline.text_of(doc) is first
    assert pipeline.text_of(doc[2:5].doc) is first
