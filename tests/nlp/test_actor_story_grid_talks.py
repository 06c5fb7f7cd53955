"""Every actor of one hand-written story checked end to end: West African ministers at talks on a power
line, named in full once and by surname after (also in a follow-up report that never gives the full
name), acronyms of bodies, a broadcaster, a permanent mission, a title-case dateline with its agency, a
shouted share line, and a reader's letter that cites the report it answers and ends on a sign-off."""

import pytest

from storyline.analysis.entities import build_entities
from storyline.kb.lookup import load_kb
from storyline.kb.normalize import key

from tests.conftest import STORIES
from tests.nlp.actor_story import read_actor_story

pytestmark = pytest.mark.integration

FOLDER = STORIES / "accra_grid_talks"


@pytest.fixture(scope="module")
def story(nlp):
    return read_actor_story(nlp, FOLDER)


def test_a_surname_in_a_follow_up_is_the_person_named_in_full_the_day_before(story):
    _, by_id, _, mentions = story
    later = {m.text: m.entity for m in mentions if m.doc == "02_coastal-courier.txt" and m.type == "person"}
    _, remap = build_entities(mentions, load_kb())
    assert by_id[remap.get(later["Mensah"], later["Mensah"])].name == "Efua Mensah"
    assert by_id[remap.get(later["Yao"], later["Yao"])].name == "Konan Yao"


def test_the_mission_speaks_for_its_state_and_the_union_stays_a_body(story):
    _, by_id, ids, _ = story
    assert ids[key("Permanent Mission of Senegal")] == ids[key("Senegal")] == {"kb:SEN"}
    assert by_id["kb:AU"].type == "igo"
