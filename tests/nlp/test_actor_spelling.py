"""One spelling for the transliterations of a name, and the known person a full name spells another way
(model-free)."""

from storyline.kb.lookup import load_kb
from storyline.nlp.actor_spans import is_table_line
from storyline.nlp.actor_spelling import (SpellingIndex, declined_form, english_spelling, polish_spelling, similar_place,
                                          similar_surname, skeleton)


def test_polish_and_english_spellings_of_one_name_share_a_skeleton():
    for a, b in [("lawrow", "lavrov"), ("charkow", "kharkiv"), ("czernihiw", "chernihiv"), ("awdijwka", "avdiivka"),
                 ("zacharowa", "zakharova"), ("chruszczow", "khrushchev")]:
        assert skeleton(a) == skeleton(b), (a, b)
        assert english_spelling(a)[0] == english_spelling(b)[0]


def test_different_names_keep_different_skeletons():
    assert skeleton("pokrovsk") != skeleton("pokrova")
    assert skeleton("kherson") != skeleton("kharkiv")


def test_a_bare_misspelt_surname_finds_its_one_entity_only():
    surnames = {"zelensky": "kb:z", "lavrov": "kb:l"}
    assert similar_surname("zelanski", surnames) == "kb:z"
    assert similar_surname("lawrow", surnames) == "kb:l"
    assert similar_surname("smith", surnames) is None


def test_a_full_name_in_another_spelling_finds_the_known_person_and_nothing_else():
    index = SpellingIndex(load_kb())
    assert index.person(["dmitry", "pieskow"]).id == "person:dmitry-peskov"
    assert index.person(["maria", "zacharowa"]).id == "person:maria-zakharova"
    assert index.person(["anna", "pieskow"]) is None  # another given name: another person
    assert index.person(["jewgenija", "prigozyna"]) is None  # a woman of the family, not Yevgeny Prigozhin
    assert index.person(["john", "smith"]) is None


def test_a_short_surname_with_two_letters_swapped_is_the_known_person_of_that_very_given_name():
    index = SpellingIndex(load_kb())
    assert index.person(["jen", "pskai"]).id == "person:jen-psaki"
    assert index.person(["jenny", "pskai"]) is None  # a given name merely alike is not enough for three consonants
    assert index.person(["jen", "pskaio"]) is None  # nor a surname of another length
    assert index.person(["joe", "bidn"]) is None


def test_a_polish_ski_and_a_russian_given_name_are_the_same_ukrainian_name():
    index = SpellingIndex(load_kb())
    # "-ski" is "-sky"; "Vladimir" and "Aleksandr" are "Volodymyr" and "Alexander" in other languages
    assert index.person(["wolodymyr", "zelenski"]).id == "person:volodymyr-zelenskyy"
    assert index.person(["vladimir", "zelenskiy"]).id == "person:volodymyr-zelenskyy"
    assert index.person(["aleksandr", "lukaszenko"]).id == "person:alexander-lukashenko"
    assert getattr(index.person(["olena", "zelenska"]), "id", None) != "person:volodymyr-zelenskyy"  # a woman of the family
    assert index.person(["boris", "zelenski"]) is None  # another given name: another person


def test_known_given_names_exclude_words_the_knowledge_base_knows_otherwise():
    index = SpellingIndex(load_kb())
    assert index.given_name("Vladimir") and index.given_name("Sergei")
    assert not index.given_name("Israel")  # Israel Katz's given name is a state's name
    assert not index.given_name("Kim")  # a surname the knowledge base indexes


def test_a_flattened_table_row_is_not_running_text():
    assert is_table_line("Town 58 22 61 19 Suburb over 50 thousand 80 11 79 12")
    assert not is_table_line("Officials said 12 people died and 40 were hurt in the blast on Monday.")


def test_a_misspelt_place_finds_the_place_but_not_an_adjective_or_a_neighbour():
    forms = {"kherson": "kb:place:kherson", "crimea": "kb:place:crimea", "kremlin": "kb:place:kremlin",
             "valparaiso": "local:valparaiso"}
    assert similar_place("kerson", forms) == "kb:place:kherson"
    assert similar_place("valparaizo", forms) == "local:valparaiso"
    assert similar_place("crimean", forms) is None  # an adjective: another last letter
    assert similar_place("kreminna", forms) is None  # another town
    assert similar_place("kherson", forms) is None  # the spelling itself is no misspelling


CASES = {"a", "u", "y", "e", "ie", "om", "em", "owi", "ovi", "ego"}


def test_case_forms_of_a_surname_polish_declines():
    for word, name in [("odingi", "odinga"), ("kenyatcie", "kenyatta"), ("odindze", "odinga"), ("orlova", "orlov"),
                       ("orlovowi", "orlov"), ("nawrockiego", "nawrocki"), ("nawrockim", "nawrocki"),
                       ("kowalskiej", "kowalska")]:
        assert declined_form(word, name, CASES), (word, name)
    for word, name in [("orlov", "orlov"), ("odingo", "odin"), ("kowalskiego", "kowalska")]:
        assert not declined_form(word, name, CASES), (word, name)
    assert not declined_form("annie", "anna", CASES, surname=False)  # a given name keeps its own forms


def test_a_report_in_polish_letters_declines_names():
    assert polish_spelling("Spotkanie w Łodzi") and not polish_spelling("A meeting in Lodz")


def test_a_surname_in_another_alphabets_spelling_is_the_known_one():
    assert similar_surname("tokajew", {"tokayev": "kb:person:kassym-jomart-tokayev"}) == "kb:person:kassym-jomart-tokayev"


def test_a_womans_form_of_an_adjectival_surname_is_not_the_mans_misspelt():
    known = {"zelensky": "kb:person:volodymyr-zelenskyy"}
    assert similar_surname("zelenska", known) is None and similar_surname("zelenskaya", known) is None
    assert similar_surname("zelenskiy", known) == "kb:person:volodymyr-zelenskyy"
