"""Actor ids: which ones name a party the knowledge base knows (model-free)."""

from storyline.nlp.actor_links import known_party


def test_a_known_state_body_or_person_is_a_party_but_a_known_city_is_not():
    assert known_party("kb:UKR") and known_party("kb:person:joe-biden") and known_party("kb:NATO")
    assert not known_party("kb:place:kyiv")  # "talks in Kyiv": where, not who
    assert not known_party("local:organization:harbour-board") and not known_party("local:place:rivne")


def test_a_generic_body_after_a_states_possessive_is_that_states_body():
    from storyline.kb.lookup import load_kb
    from storyline.models import Mention
    from storyline.nlp.actor_links import head_word_links, owned_generic_links

    text = "Poland's Senate voted. The Senate met again."
    mentions = [Mention("d", 0, 6, "Poland", "GPE", "kb:POL", "state"),
                Mention("d", 9, 15, "Senate", "ORG", "local:organization:senate", "organization"),
                Mention("d", 27, 33, "Senate", "ORG", "local:organization:senate", "organization")]
    kb = load_kb()
    owned_generic_links(text, mentions, kb)
    assert [m.entity for m in mentions] == ["kb:POL", "kb:POL.SENATE", "local:organization:senate"]
    head_word_links(mentions, kb)  # the report's other bare "Senate" is the same body
    assert mentions[2].entity == "kb:POL.SENATE"
    alone = [Mention("d", 27, 33, "Senate", "ORG", "local:organization:senate", "organization")]
    owned_generic_links(text, alone, kb)
    assert alone[0].entity == "local:organization:senate"  # no owner: no link


def test_a_name_cut_in_two_at_of_is_the_one_entity_its_whole_names():
    from storyline.kb.lookup import load_kb
    from storyline.models import Mention
    from storyline.nlp.actor_links import split_name_links

    text = "The Islamic Republic of Iran said so. The Islamic Republic will reply. The Bank of Chile agreed."
    mentions = [Mention("d", 4, 20, "Islamic Republic", "GPE", "local:place:islamic-republic", "place"),
                Mention("d", 24, 28, "Iran", "GPE", "kb:IRN", "state"),
                Mention("d", 42, 58, "Islamic Republic", "GPE", "local:place:islamic-republic", "place"),
                Mention("d", 74, 78, "Bank", "ORG", "local:organization:bank", "organization"),
                Mention("d", 82, 87, "Chile", "GPE", "kb:CHL", "state")]
    split_name_links(text, mentions, load_kb())
    assert [(m.entity, m.type) for m in mentions][:3] == [("kb:IRN", "state")] * 3
    assert mentions[3].entity == "local:organization:bank"  # "Bank of Chile" is no name the knowledge base knows


def test_the_head_of_a_known_name_written_in_full_is_that_entity():
    from storyline.kb.lookup import load_kb
    from storyline.models import Mention
    from storyline.nlp.actor_links import split_name_links

    text = "The Republic of Korea voted. The Republic abstained later. The North Atlantic froze."
    mentions = [Mention("d", 4, 21, "Republic of Korea", "GPE", "kb:KOR", "state"),
                Mention("d", 33, 41, "Republic", "GPE", "local:place:republic", "place"),
                Mention("d", 64, 78, "North Atlantic", "LOC", "local:place:north-atlantic", "place")]
    split_name_links(text, mentions, load_kb())
    assert mentions[1].entity == "local:place:republic"  # one word: too little to go on
    full = [Mention("d", 0, 24, "Islamic Republic of Iran", "GPE", "kb:IRN", "state"),
            Mention("d", 40, 56, "Islamic Republic", "GPE", "local:place:islamic-republic", "place"),
            Mention("d", 64, 78, "North Atlantic", "LOC", "local:place:north-atlantic", "place")]
    split_name_links("", full, load_kb())
    assert [m.entity for m in full] == ["kb:IRN", "kb:IRN", "local:place:north-atlantic"]
