"""Events: PLOVER-coded who-did-what-to-whom, on hand-written sentences and on the seeds."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.nlp import plover
from storyline.nlp.certainty import STATUSES
from storyline.nlp.prose import actor_mentions

pytestmark = pytest.mark.integration


def names(doc, ids) -> str:
    """Surface forms of the actors behind ids, lower-cased, so assertions do not depend on id schemes."""
    ids = [ids] if isinstance(ids, str) else list(ids or [])
    return " | ".join(m.text.lower() for m in actor_mentions(doc) if m.entity in ids)


def events(doc, type_: str):
    return [e for e in doc._.events if e.type == type_]


def only(doc, type_: str):
    found = events(doc, type_)
    assert len(found) == 1, (type_, doc._.events)
    return found[0]


def test_lexicon_maps_triggers_to_types_and_modes():
    assert [t.type for t in plover.VERBS["send"]][:2] == ["MOBILIZE", "MOBILIZE"]
    assert {t.type for t in plover.VERBS["deploy"]} == {"MOBILIZE"}
    assert plover.NOUN_TRIGGERS["call"].mode == "phone"


def test_troop_deployment_with_destination_and_date(parse):
    doc = parse("Russia deployed 2,000 troops to Belarus on Monday.", published=dt.date(2022, 2, 9))
    e = only(doc, "MOBILIZE")
    assert e.mode == "troops" and e.status == "asserted" and e.trigger == "deployed"
    assert "russia" in names(doc, e.actors) and "belarus" in names(doc, e.recipients)
    if doc._.times is not None:
        assert e.date == "2022-02-07"


def test_passive_deployment_takes_the_troops_state_as_actor(parse):
    doc = parse("North Korean troops were deployed to the Kursk region last week.")
    e = only(doc, "MOBILIZE")
    assert "north korea" in names(doc, e.actors)


def test_phone_call_is_consult_phone_with_both_sides(parse):
    doc = parse("Turkish President Recep Tayyip Erdogan spoke by phone with Ukrainian President Volodymyr Zelensky.")
    e = only(doc, "CONSULT")
    assert e.mode == "phone"
    both = names(doc, e.actors + e.recipients)
    assert "erdogan" in both and "zelensky" in both


def test_sanctions_imposed_name_their_target(parse):
    doc = parse("The European Union imposed sanctions on Iranian drone makers on Thursday.")
    e = only(doc, "SANCTION")
    assert "european union" in names(doc, e.actors) and "iran" in names(doc, e.recipients)
    assert e.status == "asserted"


def test_promised_military_aid_is_expected(parse):
    doc = parse("Germany will provide air defence systems to Ukraine.")
    e = only(doc, "AID")
    assert (e.mode, e.status) == ("military", "expected")
    assert "ukraine" in names(doc, e.recipients)


def test_shelling_is_an_assault_with_its_target(parse):
    doc = parse("Azerbaijani forces shelled Armenian positions near Jermuk.")
    e = only(doc, "ASSAULT")
    assert e.mode == "heavy-weapons"
    assert "azerbaijan" in names(doc, e.actors) and "armenia" in names(doc, e.recipients)


def test_negated_aid_is_not_counted_as_happened(parse):
    e = only(parse("Hungary did not send weapons to Ukraine."), "AID")
    assert e.status == "negated"


def test_denied_aid_carries_the_denial(parse):
    e = only(parse("Iran denied supplying drones to Russia."), "AID")
    assert e.status == "denied"


def test_hypothetical_deployment_is_possible(parse):
    e = only(parse("China could send troops to the border if the fighting spreads."), "MOBILIZE")
    assert e.status == "possible"


def test_signed_pact_is_agree_with_both_parties(parse):
    doc = parse("Kenya and Ethiopia signed a security pact in Nairobi on Friday.")
    e = only(doc, "AGREE")
    assert "kenya" in names(doc, e.actors) and "ethiopia" in names(doc, e.actors)


def test_metaphorical_attack_is_not_an_assault(parse):
    doc = parse("The opposition launched an attack on the government's pension policy. "
                "Critics attacked the plan as reckless.")
    assert events(doc, "ASSAULT") == []


def test_recommended_sanctions_are_not_an_event(parse):
    doc = parse("Sanctions on Belarus should be broadened. The EU must impose sanctions on Minsk.")
    assert events(doc, "SANCTION") == []


def test_urging_is_a_request_and_the_urged_act_did_not_happen(parse):
    doc = parse("Poland's president urged NATO to send more troops to the eastern flank.")
    assert events(doc, "MOBILIZE") == []
    e = only(doc, "REQUEST")
    assert "nato" in names(doc, e.recipients)


def test_no_event_without_a_resolved_actor(parse):
    doc = parse("Troops were sent to the border. It imposed sanctions.")
    assert doc._.events == []


# -- the seeds --------------------------------------------------------------------------
def test_seed_trudeau_yoon_phone_call(seed_docs):
    doc = seed_docs["002"]
    calls = [e for e in events(doc, "CONSULT") if e.mode == "phone"]
    assert calls
    both = names(doc, calls[0].actors + calls[0].recipients)
    assert "trudeau" in both and "yoon" in both


def test_seed_north_korean_troops_to_russia_hedged(seed_docs):
    doc = seed_docs["002"]
    moves = [e for e in events(doc, "MOBILIZE") if e.mode == "troops" and "north korea" in names(doc, e.actors)
             and "russia" in names(doc, e.recipients)]
    assert moves and any(e.status != "asserted" for e in moves)


def test_seed_recommended_sanctions_are_not_happened_events(seed_docs):
    for doc in seed_docs.values():
        assert not [e for e in events(doc, "SANCTION") if e.status in {"asserted", "confirmed"}]


def test_seed_events_are_well_formed(seed_docs):
    for doc in seed_docs.values():
        for e in doc._.events:
            assert e.status in STATUSES and e.actors and e.trigger
            assert doc.text[e.start:e.end] == e.text
            assert not set(e.actors) & set(e.recipients)
