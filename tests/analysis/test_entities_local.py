"""Merging document-local actors across reports: full names and their variants, never a surname alone."""

from storyline.analysis.entities import build_entities, merge_local_actors
from storyline.kb.lookup import load_kb
from storyline.models import Mention


def person(doc, text, entity):
    return Mention(doc, 0, len(text), text, "PERSON", entity, "person")


def test_a_surname_alone_never_joins_a_person_from_another_report():
    mentions = [person("d1", "Lee", "local:person:lee@d1"),
                person("d2", "Lee Dong-won", "local:person:lee-dong-won")]
    assert merge_local_actors(mentions) == {}


def test_full_name_variants_join_across_reports():
    mentions = [person("d1", "Edmundo Gonzalez", "local:person:edmundo-gonzalez"),
                person("d2", "Edmundo Gonzalez Urrutia", "local:person:edmundo-gonzalez-urrutia")]
    assert merge_local_actors(mentions) == {"local:person:edmundo-gonzalez": "local:person:edmundo-gonzalez-urrutia"}


def test_a_bare_name_another_report_shows_to_be_a_place_is_that_place():
    mentions = [person("d1", "Samar", "local:person:samar@d1"),
                Mention("d2", 0, 5, "Samar", "GPE", "local:place:samar", "place")]
    entities, remap = build_entities(mentions, load_kb())
    assert remap == {"local:person:samar@d1": "local:place:samar"}
    assert [(e.id, e.type, len(e.mentions)) for e in entities] == [("local:place:samar", "place", 2)]
