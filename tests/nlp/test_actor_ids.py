"""Actor ids: which ones name a party the knowledge base knows (model-free)."""

from storyline.nlp.actor_links import known_party


def test_a_known_state_body_or_person_is_a_party_but_a_known_city_is_not():
    assert known_party("kb:UKR") and known_party("kb:person:joe-biden") and known_party("kb:NATO")
    assert not known_party("kb:place:kyiv")  # "talks in Kyiv": where, not who
    assert not known_party("local:organization:harbour-board") and not known_party("local:place:rivne")
