"""Every actor of one hand-written story checked end to end: Andean ministers at talks on mercury in border
rivers, named in full once and by surname after (a follow-up never gives the full names: one surname NER
takes for a body, one written like a state's name with an accent the state's name lacks, one the first of
two family names), a body named by its possessor ("its Congress"), acronyms of bodies, a broadcaster, a
figure of history by surname alone, an aircraft, a treaty and a film named like actors, a dateline's
agency, a shouted share line, and a reader's letter with its sign-off."""

import pytest

from storyline.kb.normalize import key

from tests.conftest import STORIES
from tests.nlp.actor_story import read_actor_story

pytestmark = pytest.mark.integration

FOLDER = STORIES / "quito_mercury_talks"


@pytest.fixture(scope="module")
def story(nlp):
    return read_actor_story(nlp, FOLDER)


def test_surnames_of_a_follow_up_are_the_ministers_named_in_full_the_day_before(story):
    _, by_id, ids, _ = story
    assert by_id[next(iter(ids[key("Jordán")]))].name == "Rubén Jordán"  # not the state of Jordan
    assert by_id[next(iter(ids[key("Quispe")]))].name == "Carla Quispe Huamán"  # NER read a body


def test_a_body_named_by_its_possessor_and_a_figure_of_history(story):
    _, by_id, ids, _ = story
    assert ids[key("Congress")] == {"kb:PER.CONGRESS"}  # "before its Congress approves", not the US Congress
    assert ids[key("Bolívar")] == {"kb:person:simon-bolivar"}
