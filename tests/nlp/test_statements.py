"""Statements: attribution, certainty and type of each sentence, on hand-written text and on the seeds."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from storyline.nlp import statements as st
from storyline.nlp.certainty import STATUSES
from storyline.nlp.grammar import verb_forms
from storyline.nlp.prose import actor_mentions

pytestmark = pytest.mark.integration

KINDS = {"fact", "estimate", "prediction", "recommendation", "opinion", "question"}


def statement(doc, fragment: str):
    """The statement whose text contains a fragment (exactly one must)."""
    found = [s for s in doc._.statements if fragment in s.text]
    assert len(found) == 1, (fragment, [s.text for s in doc._.statements])
    return found[0]


def names(doc, ids) -> str:
    """Surface forms of the actors behind a list of ids, lower-cased, for id-agnostic assertions."""
    ids = [ids] if isinstance(ids, str) else list(ids or [])
    return " | ".join(m.text.lower() for m in actor_mentions(doc) if m.entity in ids)


# -- model-free pieces ---------------------------------------------------------------
def test_verb_forms_cover_regular_and_irregular_inflection():
    assert {"send", "sends", "sending", "sent"} <= verb_forms("send")
    assert "sended" not in verb_forms("send")
    assert {"plans", "planned", "planning"} <= verb_forms("plan")
    assert {"denies", "denied"} <= verb_forms("deny")


# -- own-written text: every status ---------------------------------------------------
STATUS_CASES = [
    ("Azerbaijani troops crossed the border near Jermuk on Tuesday.", "crossed the border", "asserted", "fact"),
    ("The Armenian defence ministry confirmed that two border posts near Jermuk had been shelled overnight.",
     "two border posts", "confirmed", "fact"),
    ("Officials in Yerevan said the shelling stopped at dawn.", "shelling stopped", "reported", "fact"),
    ("Mali's ruling junta is expected to announce a new election timetable next month.", "election timetable",
     "expected", "prediction"),
    ("The European Union will hold an emergency summit on the crisis on Friday.", "emergency summit",
     "expected", "prediction"),
    ("The militia could seize the airport within days.", "seize the airport", "possible", "prediction"),
    ("The rebel commander reportedly fled to Niger with his bodyguards.", "fled to Niger", "possible", "fact"),
    ("The claims about the massacre could not be independently verified.", "independently verified",
     "unconfirmed", "fact"),
    ("There is no direct evidence that Iranian advisers are present in the city.", "Iranian advisers",
     "unconfirmed", "fact"),
    ("While the report has yet to be confirmed by the UN, aid groups have begun moving staff out of Goma.",
     "moving staff out", "unconfirmed", "fact"),
    ("The Rwandan government denied sending troops into eastern Congo.", "eastern Congo", "denied", "fact"),
    ("Kigali dismissed reports that its soldiers had crossed the border.", "dismissed reports", "denied", "fact"),
    ("The army did not send reinforcements to the northern front.", "northern front", "negated", "fact"),
    ("No foreign troops have been deployed to the capital so far.", "foreign troops", "negated", "fact"),
]


@pytest.mark.parametrize("text, fragment, status, kind", STATUS_CASES, ids=[c[2] + ":" + c[1] for c in STATUS_CASES])
def test_status_and_kind_of_written_sentences(parse, text, fragment, status, kind):
    s = statement(parse(text), fragment)
    assert (s.status, s.kind) == (status, kind), s
    assert s.status == "asserted" or s.cues, "a status other than asserted names its cue"


def test_every_status_is_covered_by_the_cases():
    assert {c[2] for c in STATUS_CASES} == set(STATUSES)


# -- own-written text: every kind ------------------------------------------------------
def test_estimate_from_a_qualified_figure(parse):
    s = statement(parse("About 3,000 people have fled the fighting, the UN refugee agency estimated."), "3,000")
    assert (s.kind, s.status, s.source_kind) == ("estimate", "reported", "named")


def test_prediction_with_an_if_condition(parse):
    s = statement(parse("If the ceasefire collapses, the fighting will spread to the coast."), "fighting will")
    assert (s.kind, s.status) == ("prediction", "expected")
    assert s.condition == "the ceasefire collapses"
    assert "fighting will spread" in s.consequence


def test_prediction_with_a_gerund_condition(parse):
    s = statement(parse("Arming the rebels would risk prolonging the war."), "Arming the rebels")
    assert (s.kind, s.status) == ("prediction", "possible")
    assert (s.condition, s.consequence) == ("Arming the rebels", "prolonging the war")


def test_recommendation_records_who_is_urged_and_what(parse):
    doc = parse("The African Union must impose targeted sanctions on the coup leaders.")
    s = statement(doc, "targeted sanctions")
    assert (s.kind, s.status, s.source_kind) == ("recommendation", "asserted", "author")
    assert "african union" in names(doc, s.addressed) or "African Union" in (s.addressed or "")
    assert s.action.startswith("impose targeted sanctions")


def test_recommendation_reported_from_a_named_source(parse):
    doc = parse("UN Secretary-General Antonio Guterres urged the Sudanese army to return to talks in Jeddah.")
    s = statement(doc, "return to talks")
    assert (s.kind, s.status, s.source_kind) == ("recommendation", "reported", "named")
    assert "guterres" in names(doc, s.source) or "Guterres" in s.source_text
    assert s.action.startswith("return to talks")


def test_passive_recommendation_names_the_action_not_an_addressee(parse):
    s = statement(parse("Sanctions on the junta should be broadened."), "should be broadened")
    assert s.kind == "recommendation" and s.addressed is None
    assert s.action.startswith("broaden sanctions")


def test_imperative_construction_is_a_recommendation(parse):
    s = statement(parse("It is imperative to restore humanitarian access to Darfur."), "imperative")
    assert s.kind == "recommendation" and s.action == "restore humanitarian access to Darfur"


def test_advice_against_something_is_not_a_negated_claim(parse):
    s = statement(parse("Nobody should be planning an invasion of Haiti."), "invasion of Haiti")
    assert (s.kind, s.status) == ("recommendation", "asserted")


def test_opinion_from_evaluative_language_and_first_person(parse):
    doc = parse("The decision to expel the peacekeepers was a dangerous mistake. I think the mediation has failed.")
    assert statement(doc, "dangerous mistake").kind == "opinion"
    assert statement(doc, "mediation has failed").kind == "opinion"


def test_question_asserts_nothing_even_with_will(parse):
    s = statement(parse("Who will pay for the reconstruction of Mariupol?"), "reconstruction")
    assert (s.kind, s.status) == ("question", "asserted")


# -- negatives -------------------------------------------------------------------------
def test_may_as_a_month_is_not_a_hedge(parse):
    s = statement(parse("The talks began in May and ended in June."), "talks began")
    assert (s.status, s.kind) == ("asserted", "fact")


def test_will_as_a_noun_is_not_a_future(parse):
    s = statement(parse("The political will to end the war in Yemen is fading."), "political will")
    assert s.status == "asserted" and s.kind != "prediction"


def test_question_inside_a_quote_does_not_make_the_sentence_a_question(parse):
    s = statement(parse('Protesters in Tbilisi carried banners asking "where is our future?" outside parliament.'),
                  "carried banners")
    assert s.kind != "question"


def test_inverted_should_is_a_condition_not_advice(parse):
    s = statement(parse("Should the talks fail, the rebels would resume their offensive."), "talks fail")
    assert s.kind == "prediction" and s.condition == "the talks fail"


def test_not_only_does_not_negate(parse):
    s = statement(parse("The blockade not only cut fuel supplies but also halted aid convoys."), "blockade")
    assert s.status == "asserted"


def test_verified_as_an_adjective_in_a_conditional_is_not_a_confirmation(parse):
    s = statement(parse("Any verified use of chemical weapons would trigger new sanctions."), "chemical weapons")
    assert s.status != "confirmed" and s.kind == "prediction"


# -- attribution, splitting, provenance ----------------------------------------------------
def test_anonymous_sources_and_according_to(parse):
    doc = parse("Western diplomats said the envoy had left Niamey. According to the Nigerien presidency, "
                "the envoy was expelled.")
    first, second = statement(doc, "envoy had left"), statement(doc, "was expelled")
    assert first.source_kind == "anonymous" and first.status == "reported"
    assert second.source_kind == "named" and second.cues[0] == "according to"


def test_quoted_sentence_takes_the_speaker(parse):
    doc = parse('"We will not withdraw from the city," the rebel spokesman Ahmed Musa said on Monday.')
    s = statement(doc, "withdraw from the city")
    assert s.source_kind == "quoted" and "Musa" in (s.source_text or "") + names(doc, s.source).title()


def test_clauses_with_different_status_are_split_with_exact_offsets(parse):
    text = "Officials in Kyiv said the bridge was destroyed, but Moscow has denied the claim."
    doc = parse(text)
    first, second = statement(doc, "bridge was destroyed"), statement(doc, "denied the claim")
    assert (first.status, second.status) == ("reported", "denied")
    for s in (first, second):
        assert text[s.start:s.end] == s.text


def test_statement_carries_date_actors_and_document_id(parse):
    doc = parse("On 3 March, Russian forces shelled Kharkiv.", published=dt.date(2022, 3, 5), doc_id="d1")
    s = statement(doc, "shelled Kharkiv")
    assert s.doc == "d1" and "kharkiv" in names(doc, s.actors)
    if doc._.times is not None:
        assert s.date == "2022-03-03"


def test_headings_bylines_and_fragments_are_skipped(parse):
    doc = parse("Border Clashes Escalate\n\nBy Lena Petrosyan\n\nFighting resumed on the Armenian border on Sunday.\n"
                "Read more")
    assert [s.text for s in doc._.statements] == ["Fighting resumed on the Armenian border on Sunday."]


def test_pipeline_order_is_valid(nlp):
    analysis = nlp.analyze_pipes()
    assert not any(analysis["problems"].values()), analysis["problems"]
    assert nlp.pipe_names.index("storyline_statements") < nlp.pipe_names.index("storyline_events")


def test_extract_statements_runs_on_a_bare_parse(nlp):
    """The plain function needs only the parse: earlier components may be absent."""
    from storyline.nlp import pipeline

    bare = pipeline.load(components=())
    doc = bare(pipeline.make_doc(bare, "b", "The army denied the claims. The envoy may resign.", None))
    found = st.extract_statements(doc)
    assert [s.status for s in found] == ["denied", "possible"]


# -- the seeds --------------------------------------------------------------------------
def test_seed_unconfirmed_by_western_intelligence(seed_docs):
    assert statement(seed_docs["000"], "yet to be confirmed").status == "unconfirmed"


def test_seed_united_states_confirmed_presence(seed_docs):
    s = statement(seed_docs["002"], "confirmed the presence")
    assert s.status == "confirmed" and s.source_kind == "named"


def test_seed_dia_lack_of_evidence(seed_docs):
    for fragment in ("no direct evidence", "clear evidence of"):
        s = statement(seed_docs["002"], fragment)
        assert s.status in {"unconfirmed", "negated"} and s.cues, s


def test_seed_recommendation_on_eu_troops_from_a_named_source(seed_docs):
    doc = seed_docs["000"]
    recs = [s for s in doc._.statements if s.kind == "recommendation" and "EU troops" in (s.action or "")]
    assert recs and all(s.source_kind == "named" and "landsbergis" in names(doc, s.source) for s in recs)


def test_seed_recommendations_on_diplomacy_and_economic_measures(seed_docs):
    recs = [s for s in seed_docs["001"]._.statements if s.kind == "recommendation"]
    actions = " ".join(s.action or "" for s in recs)
    assert "diplomatic efforts" in actions and "economic measures" in actions
    assert {"author", "quoted"} <= {s.source_kind for s in recs}


def test_seed_recommendations_on_pressure_sanctions_and_military_aid(seed_docs):
    recs = [s for s in seed_docs["004"]._.statements if s.kind == "recommendation"]
    actions = [s.action or "" for s in recs]
    for wanted in ("intensify diplomatic pressure", "broaden economic sanctions", "augment military support"):
        assert any(a.startswith(wanted) for a in actions), (wanted, actions)
    assert all(s.source_kind == "author" for s in recs if s.action.startswith("broaden"))


def test_seed_statements_are_well_formed(seed_docs):
    for doc in seed_docs.values():
        for s in doc._.statements:
            assert s.status in STATUSES and s.kind in KINDS
            assert doc.text[s.start:s.end] == s.text
            assert s.source_kind in {"author", "named", "anonymous", "quoted"}


# -- golden expectations --------------------------------------------------------------------
def _golden_files():
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    found = sorted(root.joinpath("tests", "fixtures", "stories").glob("*/expected.json"))
    return found + [root / "src" / "storyline" / "data" / "example" / "expected.json"]


@pytest.mark.parametrize("expected", _golden_files(), ids=lambda p: p.parent.name)
def test_golden_statement_expectations(nlp, expected):
    """Status and kind agree with the hand-labelled statements; the floor is 90% for each."""
    from storyline import config
    from storyline.ingest.loaders import LoadOptions, iter_path
    from storyline.ingest.prepare import prepare
    from storyline.nlp.pipeline import make_doc

    data = json.loads(expected.read_text())
    wanted = data.get("statements") or []
    if not wanted:
        pytest.skip("no statement expectations")
    dates = {d["file"]: d.get("published") for d in data.get("documents", [])}
    docs = {}
    for raw in iter_path(expected.parent, LoadOptions()):
        name = raw.source.rsplit("/", 1)[-1] if hasattr(raw, "content") else None
        if name in {w["file"] for w in wanted}:
            doc, _ = prepare(raw, config.defaults())
            published = dates.get(name) or (doc.published.value if doc.published.precision == "day" else None)
            docs[name] = nlp(make_doc(nlp, doc.id, doc.text, dt.date.fromisoformat(published) if published else None))
    status_ok = kind_ok = 0
    for w in wanted:
        doc = docs[w["file"]]
        at = doc.text.find(w["text_contains"])
        hits = [s for s in doc._.statements if s.start <= at < s.end]
        assert at >= 0 and hits, w["text_contains"]
        status_ok += hits[0].status == w["status"]
        kind_ok += hits[0].kind == w["kind"]
    # floors: lowering one is a deliberate, explained change (see docs/statements.md)
    assert status_ok >= 0.9 * len(wanted) and kind_ok >= 0.9 * len(wanted), (status_ok, kind_ok, len(wanted))


@pytest.mark.parametrize("text, who", [
    ("The mining inspectorate confirmed on Monday that no workers had been trapped underground.", "inspectorate"),
    ("The consulate confirmed that two of its nationals were among the injured passengers.", "consulate"),
    ("The sultanate confirmed that its tanker had left the strait before the collision.", "sultanate"),
])
def test_a_body_of_people_named_by_a_common_noun_is_the_source_of_what_it_confirms(nlp, text, who):
    found = [s for s in nlp(text)._.statements]
    assert len(found) == 1 and found[0].source_kind == "named" and who in found[0].source_text.lower()


def test_evidence_that_confirms_is_not_a_source(nlp):
    found = nlp("The satellite images confirmed that the bridge had collapsed into the river.")._.statements
    assert len(found) == 1 and found[0].source_kind == "author"
