"""Attribution frames: source, relays, certainty, polarity and date of each clause, on hand-written
sentences about elections, trade disputes and disasters."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.nlp.attribution import frame_id, polarity
from storyline.nlp.prose import dateline_end

PUBLISHED = dt.date(2025, 3, 5)


# -- model-free pieces ---------------------------------------------------------------
def test_polarity_is_negative_for_denials_negations_and_refusals_to_vouch():
    assert polarity([("reported", "said"), ("denied", "denied")]) == ("negative", "denied")
    assert polarity([("negated", "stopped short of")]) == ("negative", "stopped short of")
    assert polarity([("unconfirmed", "declined to confirm")]) == ("negative", "declined to confirm")
    # "yet to be confirmed" doubts the claim without negating it
    assert polarity([("unconfirmed", "yet to be confirmed")]) == ("positive", None)
    assert polarity([("confirmed", "confirmed")]) == ("positive", None)


@pytest.mark.parametrize("text, dateline", [
    ("LAGOS (AP) — The electoral commission said", "LAGOS (AP) — "),
    ("QUITO, Ecuador (Reuters) - Rescuers said", "QUITO, Ecuador (Reuters) - "),
    ("The commission said on Tuesday — late — that", None),
])
def test_dateline_is_recognised_only_at_a_paragraph_start(text, dateline):
    end = dateline_end(text, 0)
    assert (text[:end] if end is not None else None) == dateline


# -- on the parse ----------------------------------------------------------------------
def only_frame(parse, text):
    doc = parse(text, published=PUBLISHED)
    assert len(doc._.frames) == 1, [f.text for f in doc._.frames]
    return doc, doc._.frames[0]


@pytest.mark.integration
@pytest.mark.parametrize("text, status, cue", [
    ("The electoral commission denied that ballots had been destroyed in Kisumu.", "denied", "denied"),
    ("The trade ministry rejected claims that it had imposed a new tariff on steel.", "denied", "rejected"),
    ("The governor dismissed the reports as fabricated.", "denied", "dismissed"),
    ("The port authority said the figures were false.", "denied", "false"),
    ("The trade ministry called the reports of a new tariff fake news.", "denied", "fake"),
    ("The health minister dismissed the higher casualty figures.", "denied", "dismissed"),
    ("Officials stopped short of blaming the contractor for the dam collapse.", "negated", "stopped short of"),
    ("The president stopped short of condemning the strike on the power plant.", "negated", "stopped short of"),
    ("The ministry declined to confirm that the tariff had been raised.", "unconfirmed", "declined to confirm"),
    ("The mining company has not paid the fine imposed after the spill.", "negated", "not"),
    ("There is no evidence that the vote count in the capital was altered.", "unconfirmed", "no evidence"),
    ("The union said there was no truth in the claim that its members had damaged the depot.", "denied", "no truth"),
    ("The mayor said the story about the bridge tender had no basis.", "denied", "no basis"),
])
def test_negation_in_its_many_news_forms_makes_a_negative_frame(parse, text, status, cue):
    _, frame = only_frame(parse, text)
    assert (frame.status, frame.polarity) == (status, "negative")
    assert cue in frame.polarity_cue


@pytest.mark.integration
def test_a_verdict_on_a_claim_is_its_speakers_denial(parse):
    _, frame = only_frame(parse, "The trade ministry called the reports of a new tariff fake news.")
    assert frame.source_text == "The trade ministry" and frame.source_kind == "named"


@pytest.mark.integration
def test_whom_an_outlet_cites_is_no_quote_of_its_own(parse):
    doc = parse("The agency, which cited two officials, said the port had been closed.")
    assert not [q for q in doc._.quotes if q.text == "two officials"]
    frame = next(f for f in doc._.frames if "port" in f.text)
    assert frame.source_text == "two officials" and frame.relays


@pytest.mark.integration
def test_stopped_short_of_condemning_is_no_condemnation(parse):
    doc, frame = only_frame(parse, "The president stopped short of condemning the strike on the power plant.")
    assert frame.polarity == "negative"
    assert all(not q.cue or q.cue.startswith("not ") for q in doc._.quotes)
    statement = doc._.statements[0]
    assert statement.polarity == "negative" and statement.status == "negated"


@pytest.mark.integration
def test_a_confirmation_by_a_named_body_is_positive(parse):
    _, frame = only_frame(parse, "The electoral commission confirmed that turnout reached 61 percent.")
    assert (frame.status, frame.polarity, frame.source_kind) == ("confirmed", "positive", "named")
    assert frame.source_text == "The electoral commission"
    assert frame.cue == "confirmed" and frame.cue_start == frame.text.index("confirmed")


@pytest.mark.integration
def test_nothing_is_no_source_of_a_claim_its_speaker_adds(parse):
    _, frame = only_frame(parse, "Nothing indicates a change in their plans, the union leader added.")
    assert (frame.source_text, frame.cue, frame.polarity) == ("the union leader", "add", "positive")


@pytest.mark.integration
def test_citing_credits_the_original_source_and_keeps_the_outlet_as_a_relay(parse):
    _, frame = only_frame(parse, "Kyodo News, citing a senior trade official, reported that Tokyo would lift the ban.")
    assert "official" in frame.source_text and frame.source_kind == "anonymous"
    assert len(frame.relays) == 1 and frame.relays[0] != frame.source_text


@pytest.mark.integration
def test_quoted_as_saying_credits_the_speaker_not_the_broadcaster(parse):
    text = "The state broadcaster quoted the election chief as saying that the count would resume on Monday."
    _, frame = only_frame(parse, text)
    assert frame.source_text == "the election chief"
    assert frame.relays == ["The state broadcaster"]
    assert frame.date == "2025-03-03"


@pytest.mark.integration
def test_according_to_an_outlet_relays_the_officials_it_reports(parse):
    _, frame = only_frame(parse, "According to Reuters, officials said the levee failed overnight.")
    assert frame.source_text == "officials" and frame.source_kind == "anonymous"
    assert len(frame.relays) == 1


@pytest.mark.integration
def test_a_report_of_a_report_credits_the_inner_speaker(parse):
    _, frame = only_frame(parse, "The agency reported that rescuers said the bridge had collapsed at dawn.")
    assert frame.source_text == "rescuers"
    assert len(frame.relays) == 1


@pytest.mark.integration
def test_relative_who_is_never_the_speaker(parse):
    doc = parse("Relief supplies arrived from Maria Lopez, who said the shelters in the valley were full.")
    quote = next(q for q in doc._.quotes if "shelters" in q.text)
    # written as "who" (the subject of the cue), credited to its antecedent
    assert doc.text[quote.speaker_start:quote.speaker_end] == quote.speaker_text == "who"
    assert quote.speaker is not None and "lopez" in quote.speaker


@pytest.mark.integration
def test_dateline_and_editor_label_are_not_speakers(parse):
    doc = parse("EDITOR'S NOTE: This story has been updated to correct the turnout.\n"
                "LAGOS (AP) — The electoral commission said on Tuesday that results from three states "
                "would be delayed.", published=PUBLISHED)
    speakers = [q.speaker_text for q in doc._.quotes] + [f.source_text for f in doc._.frames]
    assert not any(s and ("LAGOS" in s or "AP" in s.split() or "EDITOR" in s) for s in speakers)
    frame = next(f for f in doc._.frames if "results" in f.text)
    assert frame.source_text == "The electoral commission" and not frame.text.startswith("LAGOS")


@pytest.mark.integration
def test_records_point_to_the_frame_of_their_clause(parse):
    doc = parse("Flood waters rose in Dhaka on Monday. The disaster agency said 4,000 people had been "
                "evacuated, and the army sent 20 boats.", published=PUBLISHED)
    ids = {frame_id(f) for f in doc._.frames}
    records = doc._.statements + doc._.quotes + doc._.events
    assert records and all(r.frame in ids for r in records)
    said = next(s for s in doc._.statements if "evacuated" in s.text)
    frame = next(f for f in doc._.frames if frame_id(f) == said.frame)
    assert (said.source_text, said.status) == (frame.source_text, frame.status)


@pytest.mark.integration
@pytest.mark.parametrize("text, predicate_class, theme", [
    ("The government sent 300 firefighters to the burning hills on Monday.", "deploy", "firefighters"),
    ("Rescuers dispatched boats to the flooded villages.", "deploy", "boats"),
    ("Customs officers seized two tonnes of undeclared steel at the port.", "capture", "tonnes"),
    ("The two trade ministers signed the accord in Geneva.", "sign", "accord"),
])
def test_factual_clauses_get_a_proposition_with_a_synonym_class(parse, text, predicate_class, theme):
    doc = parse(text, published=PUBLISHED)
    statement = doc._.statements[0]
    assert statement.kind == "fact"
    assert statement.predicate_class == predicate_class
    assert theme in (statement.theme or "")
    assert statement.agent is not None and statement.polarity == "positive"


@pytest.mark.integration
def test_opinions_keep_their_kind_and_get_no_proposition(parse):
    doc = parse("The decision to raise tariffs on grain is a reckless mistake.")
    statement = doc._.statements[0]
    assert statement.kind == "opinion" and statement.predicate is None


@pytest.mark.integration
def test_modal_clauses_carry_their_modality(parse):
    doc = parse("The tribunal may annul the results in two districts.")
    assert doc._.statements[0].modality == "may"


@pytest.mark.integration
def test_pipeline_declares_what_each_component_requires_and_assigns(nlp):
    analysis = nlp.analyze_pipes()
    assert not any(analysis["problems"].values()), analysis["problems"]
    assigned = set()
    for name in nlp.pipe_names:
        meta = nlp.get_pipe_meta(name)
        for attr in meta.requires:
            if attr.startswith("doc._.") and attr not in ("doc._.doc_id", "doc._.published"):
                assert attr in assigned, (name, attr)
        assigned.update(meta.assigns)
    assert {"doc._.frames", "doc._.readings"} <= assigned


@pytest.mark.integration
def test_thats_according_to_credits_the_sentence_before(parse):
    doc = parse("Member states understand the need to speed up deliveries of grain to the coast.\n\n"
                "That's according to the chairman of the committee, General Anna Berg, who spoke to reporters.\n\n"
                "The levee will hold for another year. That is according to the regional water authority.")
    quote = next(q for q in doc._.quotes if q.text.startswith("Member states understand"))
    assert "berg" in (quote.speaker or "")
    assert not any(q.text.startswith("That") for q in doc._.quotes)
    first = next(f for f in doc._.frames if f.text.startswith("Member states"))
    assert first.source == quote.speaker and first.source_kind == "named" and first.cue == "according to"
    levee = next(f for f in doc._.frames if f.text.startswith("The levee"))
    assert levee.source_text == "the regional water authority"
    statement = next(s for s in doc._.statements if s.text.startswith("The levee"))
    assert statement.source_text == "the regional water authority" and statement.source_kind != "author"


@pytest.mark.integration
def test_thats_according_to_after_the_first_sentence_keeps_the_credited_quote(parse):
    # the clause's own cue ("understand") sits inside the credited words: one record, the chairman's
    doc = parse("Member states understand the need to speed up deliveries of grain to the coast.\n\n"
                "That's according to the chairman of the committee, General Anna Berg, who spoke to reporters.")
    (quote,) = [q for q in doc._.quotes if "deliveries of grain" in q.text]
    assert quote.text.startswith("Member states") and "berg" in (quote.speaker or "")
