"""A news outlet described by its trade ("the daily", "the Chilean weekly") speaks as the outlet the report named
before, never as another body or a state named in between."""

from __future__ import annotations

import pytest


def speaker_names(doc, fragment: str) -> set[str]:
    found = [q for q in doc._.quotes if fragment in q.text]
    assert found, f"no quote holds {fragment!r}: {[(q.speaker_text, q.text) for q in doc._.quotes]}"
    return {m.text for q in found for m in doc._.mentions or () if q.speaker is not None and m.entity == q.speaker}


@pytest.mark.integration
def test_speakers_the_daily_is_the_paper_named_before_not_a_company_between(parse):
    doc = parse("The strike at the copper mine entered its second week, the Chilean newspaper La Tercera reported. "
                "The mining company Andes Cobre rejected the figure. "
                "The daily said that the owners had offered a bonus of four percent.")
    assert "La Tercera" in speaker_names(doc, "offered a bonus")


@pytest.mark.integration
def test_speakers_a_weekly_is_never_the_city_or_state_in_its_description(parse):
    doc = parse("Wages at the port have not risen for six years, writes the Nairobi weekly The Standard Review. "
                "The weekly adds that dockers plan a march on Friday.")
    names = speaker_names(doc, "dockers plan a march")
    assert "Standard Review" in names and "Nairobi" not in names


@pytest.mark.integration
def test_speakers_a_daily_with_no_outlet_named_before_is_no_one(parse):
    doc = parse("Flood waters reached the old town of Tulcea on Sunday, and the Tulcea County Council met at night. "
                "The Romanian daily wrote that the council had ordered the school closed.")
    found = [q for q in doc._.quotes if "ordered the school closed" in q.text]
    assert found and all(q.speaker is None for q in found)


@pytest.mark.integration
def test_speakers_a_paper_named_in_quotation_marks_after_says_is_the_speaker(parse):
    doc = parse('Farmers are blocking three highways near the port - says "Kyiv Post" on Monday.')
    found = [q for q in doc._.quotes if "Farmers are blocking three highways" in q.text]
    assert found and found[0].speaker_text == "Kyiv Post"
    assert "Kyiv Post" in speaker_names(doc, "Farmers are blocking")


@pytest.mark.integration
def test_speakers_a_show_title_in_quotation_marks_is_not_the_speaker(parse):
    doc = parse('"The harbour is safe," Marta Ruiz, the port director, said on Monday on Radio Sur\'s "Morning Call."')
    found = [q for q in doc._.quotes if "The harbour is safe" in q.text]
    assert found and all(q.speaker_text != "Morning Call" for q in found)


@pytest.mark.integration
@pytest.mark.parametrize("sentence", ["The daily reports that the turbines were shipped through Armenia in April.",
                                      "The British daily reports that the turbines were shipped through Armenia in April."])
def test_speakers_the_daily_reports_that_is_the_outlets_report_though_the_parse_reads_a_noun_phrase(parse, sentence):
    doc = parse(f"Turkey bought gas turbines from Iran worth over $ 30 million, the Financial Times said on Monday.\n\n"
                f"{sentence}")
    (quote,) = [q for q in doc._.quotes if "shipped through Armenia" in q.text]
    assert quote.speaker_text.lower().startswith("the") and quote.speaker_text.endswith("daily")
    assert "Financial Times" in speaker_names(doc, "shipped through Armenia")


def test_speakers_the_daily_the_tagger_took_for_a_name_is_still_the_paper_named_before():
    # '"...," explained the daily.': the tagger can read "daily" as a proper noun; lower case, it is no name
    # (model-free: a Doc built by hand, with the one outlet mention the actors component gives)
    import spacy
    from spacy.tokens import Doc

    from storyline.models import Mention
    from storyline.nlp.pipeline import register_extensions
    from storyline.nlp.quote_cues import Context
    from storyline.nlp.speakers import resolve

    register_extensions()
    words = ["The", "Financial", "Times", "broke", "the", "story", ".", "Prices", "rise", ",", "explained", "the",
             "daily", "."]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[2, 2, 3, 3, 5, 3, 3, 8, 10, 10, 10, 12, 10, 10],
              deps=["det", "compound", "nsubj", "ROOT", "det", "dobj", "punct", "nsubj", "ccomp", "punct", "ROOT",
                    "det", "nsubj", "punct"],
              pos=["DET", "PROPN", "PROPN", "VERB", "DET", "NOUN", "PUNCT", "NOUN", "VERB", "PUNCT", "VERB", "DET",
                   "PROPN", "PUNCT"],
              tags=["DT", "NNP", "NNP", "VBD", "DT", "NN", ".", "NNS", "VBP", ",", "VBD", "DT", "NNP", "."],
              sent_starts=[True] + [False] * 6 + [True] + [False] * 6)
    doc._.doc_id = "t"
    doc._.mentions = [Mention("t", 4, 19, "Financial Times", "ORG", "local:organization:financial-times", "organization")]
    assert resolve(Context(doc), doc[12]) == ("local:organization:financial-times", False)
