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


def body(doc, text, entity, kind="organization"):
    return Mention(doc, 0, len(text), text, "ORG", entity, kind)


def test_one_name_typed_differently_in_two_reports_is_one_place():
    mentions = [body("d1", "Tigray", "local:organization:tigray"), body("d2", "Tigray", "local:organization:tigray"),
                Mention("d3", 0, 6, "Tigray", "GPE", "local:place:tigray", "place")]
    entities, remap = build_entities(mentions, load_kb())
    assert remap == {"local:organization:tigray": "local:place:tigray"}
    assert [(e.id, e.type, len(e.mentions)) for e in entities] == [("local:place:tigray", "place", 3)]


def test_transliterations_of_a_place_join_but_two_towns_do_not():
    mentions = [Mention("d1", 0, 7, "Kharkov", "GPE", "local:place:kharkov", "place"),
                Mention("d2", 0, 7, "Kharkiv", "GPE", "local:place:kharkiv", "place"),
                Mention("d3", 0, 7, "Kharkiv", "GPE", "local:place:kharkiv", "place"),
                Mention("d1", 0, 8, "Pokrovsk", "GPE", "local:place:pokrovsk", "place"),
                Mention("d2", 0, 9, "Pokrovske", "GPE", "local:place:pokrovske", "place")]
    assert merge_local_actors(mentions) == {"local:place:kharkov": "local:place:kharkiv"}


def test_a_body_with_and_without_its_state_and_by_its_first_word_is_one_body():
    states = {"us", "united states", "kenya"}
    mentions = [body("d1", "US House of Representatives", "local:organization:us-house-of-representatives"),
                body("d2", "House of Representatives", "local:organization:house-of-representatives"),
                body("d3", "House", "local:organization:house"),
                body("d1", "Kenya Senate", "local:organization:kenya-senate"),
                body("d2", "Senate", "local:organization:senate")]
    remap = merge_local_actors(mentions, states)
    assert remap == {"local:organization:house-of-representatives": "local:organization:us-house-of-representatives",
                     "local:organization:house": "local:organization:us-house-of-representatives",
                     "local:organization:senate": "local:organization:kenya-senate"}
    # Without the states the prefixed name is another body.
    assert "local:organization:house-of-representatives" not in merge_local_actors(mentions)


def test_a_first_word_two_bodies_share_joins_neither():
    mentions = [body("d1", "Bank of Ghana", "local:organization:bank-of-ghana"),
                body("d2", "Bank of Japan", "local:organization:bank-of-japan"),
                body("d3", "Bank", "local:organization:bank")]
    assert merge_local_actors(mentions, {"ghana", "japan"}) == {}


def test_an_entity_is_named_by_the_form_its_id_was_made_from():
    mentions = [Mention("d1", 0, 18, "Sahel region", "LOC", "local:place:sahel", "place"),
                Mention("d2", 0, 5, "Sahel", "LOC", "local:place:sahel", "place")]
    entities, _ = build_entities(mentions, load_kb())
    assert [e.name for e in entities] == ["Sahel"]


def test_a_place_known_only_with_its_generic_noun_is_named_without_it():
    mentions = [Mention("d1", 0, 19, "Asia-Pacific region", "LOC", "local:place:asia-pacific", "place")]
    entities, _ = build_entities(mentions, load_kb())
    assert [e.name for e in entities] == ["Asia-Pacific"]


def test_a_bare_surname_is_the_person_its_own_report_names_in_full():
    mentions = [person("d1", "Amara Okonkwo", "local:person:amara-okonkwo"),
                person("d1", "Okonkwo", "local:person:okonkwo@d1"),
                person("d2", "Okonkwo", "local:person:okonkwo@d2")]
    # d2 never names her in full: its Okonkwo stays its own.
    assert merge_local_actors(mentions) == {"local:person:okonkwo@d1": "local:person:amara-okonkwo"}


def test_a_generic_name_in_another_report_joins_the_named_body():
    from storyline.analysis.entities import build_entities
    from storyline.kb.lookup import load_kb
    from storyline.models import Mention

    mentions = [Mention("d1", 0, 10, "US Senate", "ORG", "kb:USA.SENATE", "organization"),
                Mention("d2", 0, 6, "Senate", "ORG", "local:organization:senate", "organization"),
                Mention("d3", 0, 15, "U.S. Senate", "ORG", "local:organization:us-senate", "organization")]
    entities, remap = build_entities(mentions, load_kb())
    assert [e.id for e in entities] == ["kb:USA.SENATE"]


def test_a_full_name_reports_give_to_a_person_more_often_stays_the_person():
    mentions = [person("d1", "Ines Okafor", "local:person:ines-okafor"),
                person("d2", "Ines Okafor", "local:person:ines-okafor"),
                Mention("d3", 0, 11, "Ines Okafor", "GPE", "local:place:ines-okafor", "place")]
    entities, remap = build_entities(mentions, load_kb())
    assert remap == {"local:place:ines-okafor": "local:person:ines-okafor"}
    assert [(e.id, e.type, len(e.mentions)) for e in entities] == [("local:person:ines-okafor", "person", 3)]


def state(doc, name, code):
    return Mention(doc, 0, len(name), name, "GPE", f"kb:{code}", "state")


def test_a_surname_joins_the_one_person_so_named_when_the_reports_share_their_actors():
    mentions = [person("d1", "Efua Mensah", "local:person:efua-mensah"), state("d1", "Ghana", "GHA"),
                body("d1", "ECOWAS", "kb:ECOWAS", "igo"),
                person("d2", "Mensah", "local:person:mensah@d2"), state("d2", "Ghana", "GHA"),
                body("d2", "ECOWAS", "kb:ECOWAS", "igo")]
    assert merge_local_actors(mentions) == {"local:person:mensah@d2": "local:person:efua-mensah"}


def test_a_surname_stays_apart_when_two_people_bear_it_or_the_reports_share_too_little():
    shared = [state(d, "Ghana", "GHA") for d in ("d1", "d2", "d3")] + [
        body(d, "ECOWAS", "kb:ECOWAS", "igo") for d in ("d1", "d2", "d3")]
    two = [person("d1", "Efua Mensah", "local:person:efua-mensah"),
           person("d3", "Kojo Mensah", "local:person:kojo-mensah"), person("d2", "Mensah", "local:person:mensah@d2")]
    assert merge_local_actors(two + shared) == {}
    thin = [person("d1", "Efua Mensah", "local:person:efua-mensah"), state("d1", "Ghana", "GHA"),
            person("d2", "Mensah", "local:person:mensah@d2"), state("d2", "Ghana", "GHA")]
    assert merge_local_actors(thin) == {}


def test_a_surname_after_a_courtesy_title_needs_one_shared_actor_to_join_the_full_name():
    # "Ms Dlamini" in a follow-up that shares only the district with the report naming Thandi Dlamini.
    texts = {"d1": "Thandi Dlamini, a council spokeswoman, spoke.", "d2": "The dam held, Ms Dlamini said."}
    mentions = [Mention("d1", 0, 14, "Thandi Dlamini", "PERSON", "local:person:thandi-dlamini", "person"),
                state("d1", "Eswatini", "SWZ"), state("d2", "Eswatini", "SWZ"),
                Mention("d2", 17, 24, "Dlamini", "PERSON", "local:person:dlamini@d2", "person")]
    _, remap = build_entities(mentions, load_kb(), texts)
    assert remap == {"local:person:dlamini@d2": "local:person:thandi-dlamini"}
    # Without the title the bare surname needs more in common.
    bare = {**texts, "d2": "The dam held, Dlamini said.    "}
    moved = [*mentions[:3], Mention("d2", 14, 21, "Dlamini", "PERSON", "local:person:dlamini@d2", "person")]
    _, remap = build_entities(moved, load_kb(), bare)
    assert remap == {}


def test_the_tail_of_a_known_body_name_is_that_body():
    mentions = [body("d1", "West African Power Pool", "kb:WAPP", "igo"),
                body("d2", "Power Pool", "local:organization:power-pool")]
    _, remap = build_entities(mentions, load_kb())
    assert remap == {"local:organization:power-pool": "kb:WAPP"}


def test_a_generic_name_joins_a_named_body_only_where_its_reports_name_the_bodys_state():
    # d2's "Senate" is in a report about Poland: it does not join the US Senate d1 names.
    mentions = [Mention("d1", 0, 9, "US Senate", "ORG", "kb:USA.SENATE", "organization"),
                state("d1", "United States", "USA"),
                Mention("d2", 0, 6, "Senate", "ORG", "local:organization:senate", "organization"),
                state("d2", "Poland", "POL")]
    entities, remap = build_entities(mentions, load_kb())
    assert "local:organization:senate" not in remap
    mentions.append(state("d2", "United States", "USA"))  # the report names the US too: the one Senate named
    entities, remap = build_entities(mentions, load_kb())
    assert remap["local:organization:senate"] == "kb:USA.SENATE"


def test_an_acronym_joins_the_body_whose_initials_spell_it():
    mentions = [body("d1", "Kivu Mining Board", "local:organization:kivu-mining-board"),
                body("d2", "KMB", "local:organization:kmb")]
    assert merge_local_actors(mentions) == {"local:organization:kmb": "local:organization:kivu-mining-board"}


def test_a_name_holding_an_acronym_of_its_own_spells_no_other_acronym():
    # "TV Patagonia" has the initials of "TP", but a report naming "TP" means another body.
    mentions = [body("d1", "TV Patagonia", "local:organization:tv-patagonia"),
                body("d2", "TP", "local:organization:tp")]
    assert merge_local_actors(mentions) == {}


def test_a_bodys_head_before_of_joins_its_full_name_from_another_report():
    # A follow-up writes "the Reserve Bank" for the bank another report named in full.
    mentions = [body("d1", "Reserve Bank of Malawi", "local:organization:reserve-bank-of-malawi"),
                body("d2", "Reserve Bank", "local:organization:reserve-bank")]
    assert merge_local_actors(mentions) == {"local:organization:reserve-bank": "local:organization:reserve-bank-of-malawi"}


def test_a_head_two_full_names_share_joins_neither():
    mentions = [body("d1", "Reserve Bank of Malawi", "local:organization:reserve-bank-of-malawi"),
                body("d2", "Reserve Bank of Zambia", "local:organization:reserve-bank-of-zambia"),
                body("d3", "Reserve Bank", "local:organization:reserve-bank")]
    assert merge_local_actors(mentions) == {}
