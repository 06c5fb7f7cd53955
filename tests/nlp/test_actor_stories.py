"""Checks every hand-written actor story shares: each listed actor is exactly one identity of its type and
name, no actor goes beyond the listed ones, and none of the names the story lists as no actors (datelines,
bylines, sign-offs, works, aircraft, currencies) becomes one. Each story's own file checks what it plants."""

import pytest

from tests.conftest import STORIES
from tests.nlp.actor_story import named_non_actors, read_actor_story, unlisted_actors, wrong_identities

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module", params=["accra_grid_talks", "mekong_rice_floor", "quito_mercury_talks"])
def story(request, nlp):
    return read_actor_story(nlp, STORIES / request.param)


def test_every_listed_actor_is_one_identity_of_its_type(story):
    assert wrong_identities(story) == []


def test_no_actor_beyond_the_listed_ones(story):
    assert unlisted_actors(story) == []


def test_named_non_actors_are_no_actors(story):
    assert named_non_actors(story) == []
