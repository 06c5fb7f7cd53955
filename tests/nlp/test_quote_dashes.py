"""Quotations set off by dashes rather than quotation marks: words opened by a dash at a paragraph's start or
after a sentence's end, closed by the dash a credit follows, and a paragraph credited by a dashed line under it."""

from __future__ import annotations

import pytest

from storyline.nlp.quote_dashes import OPENER
from tests.nlp.test_quote_spans import holding, quotes_of

LEAD = "Finance Minister Karin Holm spoke to reporters in Tromso on Monday."


def test_dashed_words_open_at_a_paragraph_start_or_after_a_sentence_end_never_inside_a_word():
    text = "- We stay.\nShe spoke.- Prices rise.\nA so-called plan - the third - failed."
    assert [text[m.end():m.end() + 6] for m in OPENER.finditer(text)] == ["We sta", "Prices"]


@pytest.mark.integration
@pytest.mark.parametrize("credit, speaker", [("said Holm.", "Holm"), ("noted Karin Holm.", "Karin Holm"),
                                             ("answered the minister.", "the minister"), ("she added.", "she")])
def test_words_between_dashes_are_a_quotation_of_the_speaker_the_credit_names(parse, credit, speaker):
    doc = parse(f"{LEAD}\n\n- The fund will not be touched. Pensions will rise next year - {credit}")
    (quote,) = holding(doc, "Pensions will rise")
    assert quote.text == "The fund will not be touched. Pensions will rise next year"
    assert quote.direct and quote.speaker_text == speaker
    assert quote.speaker is not None and "karin-holm" in quote.speaker


@pytest.mark.integration
def test_dashed_words_glued_to_the_sentence_before_and_to_their_credit(parse):
    doc = parse(f"{LEAD}- The budget stays balanced.The fund is safe-emphasized Holm.She also spoke about roads.")
    (quote,) = holding(doc, "fund is safe")
    assert quote.text == "The budget stays balanced.The fund is safe" and quote.direct
    assert "karin-holm" in (quote.speaker or "")


@pytest.mark.integration
def test_a_dash_with_no_credit_after_it_stays_inside_the_quotation(parse):
    doc = parse(f"{LEAD}\n\n- I bring news from the north - from Alta, Bodo and Narvik. The roads there will be "
                "repaired first - said Holm.")
    (quote,) = holding(doc, "repaired first")
    assert quote.text.startswith("I bring news from the north - from Alta") and quote.speaker_text == "Holm"


@pytest.mark.integration
def test_a_dashed_credit_line_credits_the_paragraph_above_it(parse):
    doc = parse(f"{LEAD}\n\nOur budget is balanced and our fund is safe\n\n- wrote the finance minister.")
    (quote,) = holding(doc, "fund is safe")
    assert quote.text == "Our budget is balanced and our fund is safe" and quote.direct
    assert quote.speaker_text.startswith("the finance minister") and "karin-holm" in (quote.speaker or "")


@pytest.mark.integration
def test_dashed_lines_no_credit_closes_and_a_hyphen_before_a_verb_of_saying_quote_no_one(parse):
    doc = parse("Prices in May:\n\n- Bread rose by four percent.\n- Rents fell for a second month.\n\n"
                "- The so-called reform plan failed in the senate.")
    assert not [q for q in quotes_of(doc) if q.direct], [(q.speaker_text, q.text) for q in quotes_of(doc)]


@pytest.mark.integration
def test_dashed_words_credited_to_a_description_no_one_named_answers_are_not_shown_as_a_quotation(parse):
    doc = parse("Snow closed the northern pass on Sunday.\n\n- The road will stay shut until spring - said the politician.")
    assert not [q for q in quotes_of(doc) if q.direct], [(q.speaker_text, q.text) for q in quotes_of(doc)]


def test_a_cue_after_dashed_words_reports_the_clause_nearest_it():
    # "Ruiz said that prices rose. - We will act - said Ruiz.": the parse hangs both sentences on the last cue;
    # its words are the dashed ones, not the sentence before with its own cue (model-free: a Doc built by hand)
    import spacy
    from spacy.tokens import Doc

    from storyline.nlp.pipeline import register_extensions
    from storyline.nlp.quote_cues import Context

    register_extensions()
    words = ["Ruiz", "said", "that", "prices", "rose", ".", "-", "We", "will", "act", "-", "said", "Ruiz", "."]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 11, 4, 4, 1, 1, 1, 9, 9, 11, 11, 11, 11, 11],
              deps=["nsubj", "ccomp", "mark", "nsubj", "ccomp", "punct", "punct", "nsubj", "aux", "ccomp", "punct",
                    "ROOT", "nsubj", "punct"],
              pos=["PROPN", "VERB", "SCONJ", "NOUN", "VERB", "PUNCT", "PUNCT", "PRON", "AUX", "VERB", "PUNCT", "VERB",
                   "PROPN", "PUNCT"],
              tags=["NNP", "VBD", "IN", "NNS", "VBD", ".", ":", "PRP", "MD", "VB", ":", "VBD", "NNP", "."],
              sent_starts=[True] + [False] * 13)
    ctx = Context(doc)
    assert ctx.frames[11].content == (7, 10)
    assert ctx.frames[1].content == (2, 5)


@pytest.mark.parametrize("glued", [False, True])
def test_a_credit_after_its_cue_starts_after_the_cue_whatever_of_the_quotation_the_parse_hangs_on_the_name(glued):
    # "... but in any case we build - said party chairman.": with no article before the title, the parse can make
    # the quotation's last words ("we build -", or "soil-" glued to the cue) part of the name's phrase
    import spacy
    from spacy.tokens import Doc

    from storyline.nlp.pipeline import register_extensions
    from storyline.nlp.quote_cues import Context
    from storyline.nlp.speakers import phrase

    register_extensions()
    words = ["in", "any", "case", "we", "build", "-", "said", "party", "chairman", "."]
    spaces = [True, True, True, True, not glued, not glued, True, True, False, False]
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=spaces, heads=[4, 2, 0, 4, 8, 8, 8, 8, 8, 8],
              deps=["prep", "det", "pobj", "nsubj", "amod", "punct", "dep", "compound", "ROOT", "punct"],
              pos=["ADP", "DET", "NOUN", "PRON", "VERB", "PUNCT", "VERB", "NOUN", "NOUN", "PUNCT"],
              tags=["IN", "DT", "NN", "PRP", "VBP", ":", "VBD", "NN", "NN", "."],
              sent_starts=[True] + [False] * 9)
    ctx = Context(doc)
    start, end = phrase(ctx, doc[8], doc[6])
    assert doc.text[start:end] == "party chairman"
