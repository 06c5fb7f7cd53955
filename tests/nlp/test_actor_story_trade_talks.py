"""Every actor of one hand-written story checked end to end: trade talks in Laos whose ministers are named
by surname after the first mention, with an untagged Lao name, a Russian name in two transliterations,
an outlet and a broadcaster, metonyms, a pact's acronym and page debris."""

import pytest

from storyline.kb.normalize import key

from tests.conftest import STORIES
from tests.nlp.actor_story import read_actor_story

pytestmark = pytest.mark.integration

FOLDER = STORIES / "mekong_rice_floor"


@pytest.fixture(scope="module")
def story(nlp):
    return read_actor_story(nlp, FOLDER)


def test_surname_and_transliteration_follow_the_full_name(story):
    _, by_id, ids, _ = story
    (vorontsov,) = ids[key("Alexei Vorontsov")]
    assert ids[key("Aleksei Vorontsov")] == ids[key("Vorontsov")] == {vorontsov}
    assert by_id[vorontsov].type == "person"
    # An untagged Lao name beside its title, and the surname NER tags alone elsewhere, are one person.
    assert ids[key("Somsack Phommachanh")] == ids[key("Phommachanh")]
    # The outlet the minister spoke to is a body, not the city in its name.
    assert {by_id[i].type for i in ids[key("Vientiane Times")]} == {"organization"}
