"""Word-level signals of what a name is, on Docs built by hand (no model): person nouns before a name,
"who" after it, battles and statutes, publications before "newspaper", bodies split at "and"."""

import spacy

from storyline.nlp import actor_context as context
from storyline.nlp import actor_cues as cues
from storyline.nlp.actor_roles import person_noun
from storyline.nlp.actor_spans import join_adjacent


def doc_of(text):
    return spacy.blank("en")(text)


def test_person_nouns_in_any_case_and_number():
    assert person_noun("Villager") and person_noun("oligarchs") and person_noun("Fishermen")
    assert not person_noun("Nabi") and not person_noun("Copper")


def test_who_after_a_name_anywhere_in_the_report():
    doc = doc_of("Garland appointed Eli Rosenbaum . Rosenbaum , who served for years , will lead .")
    assert cues.who_follows(doc[5:6])
    assert cues.who_follows_anywhere(doc[3])  # "Rosenbaum" of "Eli Rosenbaum"
    assert not cues.who_follows_anywhere(doc[0])


def test_battles_sieges_and_statutes_are_events_or_documents():
    doc = doc_of("the Siege of Sarajevo and the Rome Statute and the Commission of Inquiry")
    assert context.event_name(doc[1:4])
    assert context.event_name(doc[6:8])
    assert not context.event_name(doc[10:13])


def test_a_name_before_newspaper_is_a_publication_unless_a_place_modifies_it():
    doc = doc_of("told La República newspaper ; quoted by the Karachi newspaper")
    assert cues.publication_before_noun(doc[1:3], "GPE")
    assert not cues.publication_before_noun(doc[8:9], "GPE")
    assert cues.publication_before_noun(doc[8:9], "ORG")


def test_a_body_split_at_and_is_joined_only_when_the_second_part_ends_its_name():
    doc = doc_of("The Flood Forecasting and Warning Centre said ; Google Privacy Policy and Terms of Service apply")
    joined = join_adjacent([(doc[1:3], "ORG"), (doc[4:6], "ORG")], lambda text: [])
    assert [s.text for s, _ in joined] == ["Flood Forecasting and Warning Centre"]
    kept = join_adjacent([(doc[8:11], "ORG"), (doc[12:15], "ORG")], lambda text: [])
    assert len(kept) == 2


def test_who_follows_anywhere_answers_as_a_walk_of_every_token_would():
    nlp = spacy.blank("en")
    texts = ["Okafor, who chairs the board, spoke. Then Okafor left, and okafor who? , who ran.",
             "The Harbour Trust, who objected, and NASA who launched it; Mbeki, , who knew.",
             "who came first? Lindqvist who. Lindqvist, who. 42, who counted."]
    for text in texts:
        doc = nlp(text)
        for word in doc:
            walked = any(cues.who_follows(doc[t.i : t.i + 1]) for t in doc if t.text == word.text)
            assert cues.who_follows_anywhere(word) == walked, (text, word.text)


def test_a_standfirst_byline_ends_on_names_and_report():
    """A sentence whose last clause is names, places and "report(s)" is a byline; one ending otherwise, or on a
    verb of reporting after a common noun, is not (only its last two words are read before the clause)."""
    from spacy.tokens import Doc

    words = ("Floods cut the coast road , Mara Lind in Tallinn and Ott Saar report . "
             "Two ferries sailed , officials report . The mayor will report .").split()
    doc = Doc(spacy.blank("en").vocab, words=words,
              sent_starts=[i in (0, 15, 22) for i in range(len(words))],
              pos=["PROPN" if w[0].isupper() and i not in (0, 15, 22) else "NOUN" for i, w in enumerate(words)])
    assert context.byline_sentence(doc[6:8])  # "Mara Lind"
    assert not context.byline_sentence(doc[0:1])  # "Floods": before the byline's clause
    assert not context.byline_sentence(doc[19:20])  # "officials report": no name before "report"
    assert not context.byline_sentence(doc[23:24])  # "will report" with no names
