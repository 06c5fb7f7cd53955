"""Span helpers for names NER ran together or cut, on hand-built Docs (model-free)."""

from types import SimpleNamespace

import spacy
from spacy.tokens import Doc

from storyline.nlp.actor_context import body_before_office, shares_plural_head
from storyline.nlp.actor_parts import (common_word_name, document_name, given_name_cut_off, join_nickname,
                                      model_designation, split_acronym, split_demonym, split_possessor,
                                      split_run_together)
from storyline.nlp.actor_spans import clean_edges, extend_facility

NLP = spacy.blank("en")
KNOWN = {"Fox News": "organization", "Austria": "state", "Reuters": "organization", "Tarrant": "person",
         "Biden": "person", "Joe Biden": "person", "Quito": "place"}
GIVEN = {"Ana", "Joe", "Paul", "Jean"}


def known(text):
    return [SimpleNamespace(type=KNOWN[text])] if text in KNOWN else []


def span_of(text, phrase):
    doc = NLP(text)
    start = text.index(phrase)
    return doc.char_span(start, start + len(phrase))


def test_a_person_after_a_publications_possessive_is_split_off():
    span = span_of("Fox News' Anders Hagstrom said so.", "Fox News' Anders Hagstrom")
    parts = [(s.text, label) for s, label in split_possessor(span, "ORG", known)]
    assert parts == [("Fox News", "ORG"), ("Anders Hagstrom", "PERSON")]


def test_a_states_possessive_splits_only_a_person_and_never_a_body():
    span = span_of("Austria's Raiffeisen Bank stayed.", "Austria's Raiffeisen Bank")
    assert [s.text for s, _ in split_possessor(span, "ORG", known)] == ["Austria's Raiffeisen Bank"]
    span = span_of("Austria's Karl Nehammer said so.", "Austria's Karl Nehammer")
    assert [s.text for s, _ in split_possessor(span, "PERSON", known)] == ["Austria", "Karl Nehammer"]


def test_an_unknown_owner_keeps_the_span_whole():
    span = span_of("Kyiv Post's Anna Kovac said so.", "Kyiv Post's Anna Kovac")
    assert [s.text for s, _ in split_possessor(span, "ORG", known)] == ["Kyiv Post's Anna Kovac"]


def test_a_list_run_into_one_name_is_split_at_its_commas():
    span = span_of("cities such as Kharkiv, Sumy or Odesa", "Kharkiv, Sumy")
    assert [s.text for s, _ in split_possessor(span, "ORG", known)] == ["Kharkiv", "Sumy"]


def test_a_portfolio_word_before_a_name_is_cut_off():
    span = span_of("Ministers of Finance Jan Novak, Defense Petra Horakova and others", "Defense Petra Horakova")
    assert [(s.text, label) for s, label in split_possessor(span, "ORG", known)] == [("Petra Horakova", "PERSON")]
    span = span_of("Defense Secretary Lloyd Austin said", "Defense Secretary Lloyd Austin")
    assert [s.text for s, _ in split_possessor(span, "ORG", known)] == ["Defense Secretary Lloyd Austin"]


def test_a_name_cut_after_a_quoted_nickname_is_joined():
    doc = NLP("Oleksandra “Sasha” Kuvshynova, 24, was killed.")
    joined = join_nickname([(doc[0:4], "PERSON"), (doc[4:5], "ORG")])
    assert [(s.text, label) for s, label in joined] == [("Oleksandra “Sasha” Kuvshynova", "PERSON")]
    doc = NLP("Maria “Masha” Petrenko was hurt.")
    joined = join_nickname([(doc[0:3], "PERSON"), (doc[4:5], "PERSON")])
    assert [s.text for s, _ in joined] == ["Maria “Masha” Petrenko"]


def test_a_peoples_republic_keeps_its_possessive_and_an_owner_does_not():
    doc = NLP("the Donetsk People's Republic and Truss's Foreign Office")
    assert clean_edges(doc[1:5]).text == "Donetsk People's Republic"
    assert clean_edges(doc[6:10]).text == "Truss"


def test_documents_and_model_numbers_are_told_from_bodies():
    doc = NLP("the Google Privacy Policy and Terms of Service; the Security Service of Ukraine; the F-16 and F16")
    assert document_name(doc[1:8])
    assert not document_name(doc[10:14])
    assert model_designation(doc[16:19]) or model_designation(doc[16:17])
    assert model_designation(doc[-1:])
    assert not model_designation(NLP("Gazprom")[0:1])


def run_together(text, phrase, label="ORG"):
    return [(s.text, lab) for s, lab in split_run_together(span_of(text, phrase), label, known, GIVEN.__contains__)]


def test_a_known_person_run_into_a_heading_keeps_only_the_person():
    assert run_together("Other Stories of Note Tarrant Calls Vote", "Stories of Note Tarrant") == [("Tarrant", "PERSON")]


def test_a_place_run_into_a_person_with_a_known_given_name_is_split():
    assert run_together("the mayor of Quito Ana Mora said", "Quito Ana Mora") == [("Quito", "GPE"), ("Ana Mora", "PERSON")]
    # a paper run into its journalist: both are kept, the paper as a body
    assert run_together("the Daily Ledger Ana Mora wrote", "Daily Ledger Ana Mora") == [("Daily Ledger", "ORG"),
                                                                                        ("Ana Mora", "PERSON")]


def test_an_outlet_run_into_its_journalist_is_split_but_an_outlets_own_name_is_not():
    assert run_together("reporter of French television BFM Ana Mora was hurt", "BFM Ana Mora", "PERSON") == [
        ("BFM", "ORG"), ("Ana Mora", "PERSON")]
    assert run_together("the journalist of The Daily Beast Julia Davis", "The Daily Beast Julia Davis") == [
        ("The Daily Beast", "ORG"), ("Julia Davis", "PERSON")]
    for name in ("Radio Free Asia", "Daily Mail Online", "Radio Free Europe"):
        assert run_together(f"he told {name} on Monday", name) == [(name, "ORG")]


def test_a_persons_own_names_are_never_split():
    for name in ("Hunter Biden", "Jean Paul Mora", "Joe Biden"):
        assert run_together(f"{name} spoke.", name, "PERSON") == [(name, "PERSON")]
    assert run_together("Minister Ana Mora spoke.", "Minister Ana Mora", "PERSON") == [("Minister Ana Mora", "PERSON")]


def test_a_capitalised_collective_noun_alone_names_no_actor():
    assert common_word_name(span_of("the war against the Axis ended", "Axis"))
    assert common_word_name(span_of("Allied troops landed", "Allied"))
    assert not common_word_name(span_of("the Axis Group bought it", "Axis Group"))
    assert not common_word_name(span_of("Carrefour stayed", "Carrefour"))


def test_an_article_or_a_name_that_may_be_a_town_is_not_cut_off_a_body_or_a_person():
    assert run_together("The Biden Administration said", "The Biden Administration") == [("The Biden Administration", "ORG")]
    phrase = "Anna Maria Mora"  # "Anna" is also a town's name, but no word before it says a place is meant
    assert run_together(f"On the other hand, {phrase} disagreed.", phrase, "PERSON") == [(phrase, "PERSON")]


def test_two_people_run_together_are_two_people():
    assert run_together("signed by Jean Mora Ana Lis and others", "Jean Mora Ana Lis", "PERSON") == [
        ("Jean Mora", "PERSON"), ("Ana Lis", "PERSON")]
    assert run_together("Jean Paul Mora spoke.", "Jean Paul Mora", "PERSON") == [("Jean Paul Mora", "PERSON")]


def _tagged(words: list[str], pos: list[str]):
    return Doc(NLP.vocab, words=words, pos=pos)


def test_a_facility_name_takes_the_common_nouns_after_a_place_but_not_a_port_of_another_place():
    doc = _tagged(["Troops", "left", "the", "Gomel", "training", "ground", "."],
                  ["NOUN", "VERB", "DET", "PROPN", "NOUN", "NOUN", "PUNCT"])
    assert extend_facility(doc[3:4]).text == "Gomel training ground"
    doc = _tagged(["Ships", "left", "the", "Caspian", "Sea", "port", "of", "Aktau", "."],
                  ["NOUN", "VERB", "DET", "PROPN", "PROPN", "NOUN", "ADP", "PROPN", "PUNCT"])
    assert extend_facility(doc[3:5]).text == "Caspian Sea"


DEMONYMS = {"Chilean": "CHL", "Polish": "POL", "Ghanaian": "GHA"}


def demonym(word):
    return DEMONYMS.get(word)


def test_a_peoples_adjective_run_into_a_name_written_alone_elsewhere_is_split():
    text = "Floods swept the Chilean Valparaiso on Monday. Rescuers in Valparaiso said so."
    doc = NLP(text)
    first, alone = text.index("the Chilean"), text.rindex("Valparaiso")
    doc.ents = [doc.char_span(first, first + 22, label="ORG"), doc.char_span(alone, alone + 10, label="GPE")]
    parts = split_demonym(doc.ents[0], "ORG", known, demonym)
    assert [(s.text, label) for s, label in parts] == [("Chilean", "NORP"), ("Valparaiso", "GPE")]


def test_a_bodys_name_made_of_a_peoples_adjective_is_kept_whole():
    # never written without its adjective, or ending in a body's word
    for text, phrase in (("Polish Lines cut fares, Polish Lines said.", "Polish Lines"),
                         ("Ghanaian Television reported it. Television was cut.", "Ghanaian Television")):
        span = span_of(text, phrase)
        assert [(s.text, label) for s, label in split_demonym(span, "ORG", known, demonym)] == [(phrase, "ORG")]


def test_a_body_run_into_the_given_name_of_the_person_after_it_is_split():
    words = ["the", "Central", "Bank", "Ana", "Lind", "agreed"]
    heads = [2, 2, 4, 4, 5, 5]
    deps = ["det", "compound", "compound", "compound", "nsubj", "ROOT"]
    doc = Doc(NLP.vocab, words=words, heads=heads, deps=deps, pos=["DET", "PROPN", "PROPN", "PROPN", "PROPN", "VERB"])
    parts = given_name_cut_off(doc[0:4], "ORG", known, lambda w: w in GIVEN)
    assert [(s.text, label) for s, label in parts] == [("the Central Bank", "ORG"), ("Ana Lind", "PERSON")]
    # a name that ends on a word no person is known to bear stays whole
    assert [(s.text, label) for s, label in given_name_cut_off(doc[0:4], "ORG", known, lambda w: False)] == [
        ("the Central Bank Ana", "ORG")]


def test_a_bodys_acronym_run_into_its_name_is_split_off():
    span = span_of("Rescuers from the National Flood Agency ANI arrived.", "National Flood Agency ANI")
    assert [(s.text, label) for s, label in split_acronym(span, "ORG", known)] == [
        ("National Flood Agency", "ORG"), ("ANI", "ORG")]
    span = span_of("The Office of Civil Defence OCD said so.", "Office of Civil Defence OCD")
    assert [s.text for s, _ in split_acronym(span, "ORG", known)] == ["Office of Civil Defence", "OCD"]


def test_a_companys_legal_form_a_persons_name_and_two_acronyms_are_not_split():
    span = span_of("Shares of Nordhafen Shipping AG fell.", "Nordhafen Shipping AG")
    assert [s.text for s, _ in split_acronym(span, "ORG", known)] == ["Nordhafen Shipping AG"]
    span = span_of("Said Ana Lima Costa OBE.", "Ana Lima Costa OBE")
    assert [s.text for s, _ in split_acronym(span, "PERSON", known)] == ["Ana Lima Costa OBE"]
    span = span_of("The EU NATO talks.", "EU NATO")
    assert [s.text for s, _ in split_acronym(span, "ORG", known)] == ["EU NATO"]


def test_names_listed_before_a_shared_plural_body_noun_are_fragments():
    doc = NLP("She sits on the Senate Finance, Mining and Energy Committees today.")
    assert shares_plural_head(doc[4:6]) and shares_plural_head(doc[7:8])  # "Senate Finance", "Mining"
    doc = NLP("The Finance and Interior Ministries agreed.")
    assert shares_plural_head(doc[1:2])
    doc = NLP("The Finance Ministry and the Central Bank agreed.")
    assert not shares_plural_head(doc[1:3])  # one body, then another
    doc = NLP("Officials of Chile, Peru and Bolivia met.")
    assert not shares_plural_head(doc[2:3])


def test_an_office_of_adjectives_before_its_title_names_no_body():
    doc = NLP("He met Special Presidential Envoy for Water Rosa Diaz.")
    assert body_before_office(doc[2:7]) is None
    doc = NLP("He met Water Board Director of Operations Rosa Diaz.")
    assert body_before_office(doc[2:8]).text == "Water Board"
