"""Quotes and attribution (storyline.quotes.v1): quotation marks, cues, speakers, via chains."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from storyline.nlp.pipeline import register_extensions
from storyline.nlp.quote_cues import find_quote_marks, inflections, record_evidence
from storyline.models import Quote
from storyline.nlp.quote_records import _credit_embedded, one_per_attribution
from storyline.nlp.cue_content import _after_dash_opener
from storyline.nlp.quote_cues import Context
from storyline.nlp.quotes import extract_quotes

STORIES = Path(__file__).resolve().parents[1] / "fixtures" / "stories"
# Share of the team's golden story quotes that must come out with content, speaker, via and
# direct all right. Measured 48/51 (0.94) when this floor was set; the three misses need the
# actors component to resolve "Somali officials" and two departments named by description.
STORY_FLOOR = 0.90


def names(doc: Doc, quote) -> set[str]:
    """Every way the quote's speaker is written: its resolved id, its text, its mentions."""
    found = {quote.speaker, quote.speaker_text} - {None}
    if quote.speaker is not None:
        found |= {m.text for m in doc._.mentions or () if m.entity == quote.speaker}
    return found


def spoken_by(doc: Doc, fragment: str, speaker: str | None):
    """The quotes whose text holds ``fragment``, checked to name ``speaker`` (None: anonymous)."""
    found = [q for q in doc._.quotes if fragment in q.text]
    assert found, f"no quote holds {fragment!r}: {[q.text for q in doc._.quotes]}"
    for quote in found:
        if speaker is None:
            assert quote.speaker is None, quote
        else:
            assert any(speaker in name for name in names(doc, quote)), quote
    return found


def no_quote(doc: Doc, fragment: str) -> None:
    """No quotation of ``fragment`` (a reported clause that merely contains it may exist)."""
    assert not [q for q in doc._.quotes if q.direct and fragment in q.text], doc._.quotes


# -- model-free --------------------------------------------------------------------------


def _record(text: str, content: str, speaker: str, cue: str = "say", **kw) -> Quote:
    start = text.index(content)
    s_start = text.index(speaker)
    return Quote(doc="t", start=start, end=start + len(content), text=content, speaker_text=speaker,
                 speaker_start=s_start, speaker_end=s_start + len(speaker), cue=cue, **{"direct": False, **kw})


def test_embedded_report_is_part_of_the_outer_speakers_words():
    text = "A court spokesman said the chief justice had called the evidence weak."
    outer = _record(text, "the chief justice had called the evidence weak", "A court spokesman")
    inner = _record(text, "the evidence weak", "the chief justice", cue="call")
    assert _credit_embedded([outer, inner]) == [outer]


def test_a_clause_that_only_opens_a_longer_quotation_is_that_quotation():
    text = 'The mayor said that "the levee held overnight. Crews are pumping the lower town dry." She left.'
    clause = _record(text, 'that "the levee held overnight.', "The mayor")
    quotation = _record(text, "the levee held overnight. Crews are pumping the lower town dry.", "The mayor", direct=True)
    assert one_per_attribution([clause, quotation], text) == [quotation]
    shorter = _record(text, "the levee held overnight.", "The mayor", direct=True)  # inside the clause: one direct record
    (kept,) = one_per_attribution([clause, shorter], text)
    assert kept.start == clause.start and kept.direct


def test_embedded_report_relayed_by_an_outlet_credits_its_origin():
    text = "The state broadcaster NHK reported that the utility said the reactor was stable."
    outer = _record(text, "that the utility said the reactor was stable", "The state broadcaster NHK", cue="report")
    inner = _record(text, "the reactor was stable", "the utility")
    (kept,) = _credit_embedded([outer, inner])
    assert kept.speaker_text == "the utility" and kept.via_text == "The state broadcaster NHK"


def test_a_reporters_report_of_a_back_credit_relays_it():
    text = "Grain prices rose again. The minister said this in Lima, an Andina correspondent reported."
    back = _record(text, "Grain prices rose again", "The minister")
    host = _record(text, "The minister said this in Lima", "an Andina correspondent", cue="report")
    (kept,) = _credit_embedded([back, host])
    assert kept.speaker_text == "The minister" and kept.via_text == "an Andina correspondent"


def test_reports_side_by_side_are_both_kept():
    text = "The mayor said the dam held. Engineers said the river was falling."
    first = _record(text, "the dam held", "The mayor")
    second = _record(text, "the river was falling", "Engineers")
    assert _credit_embedded([first, second]) == [first, second]



def test_quote_marks_tell_quotes_from_apostrophes():
    text = "O'Sullivan's view: “A,” she said, 'the troops' advance' and \"B\"."
    marks = [text[m.inner_start : m.inner_end] for m in find_quote_marks(text)]
    assert marks == ["A", "the troops' advance", "B"]


def test_quote_marks_run_to_paragraph_end_when_left_open():
    text = "“First paragraph of a long quote.\n“Second, closed.”"
    marks = [text[m.inner_start : m.inner_end] for m in find_quote_marks(text)]
    assert marks == ["First paragraph of a long quote.", "Second, closed."]


def test_quote_marks_read_doubled_apostrophes_as_quotes():
    text = "He said, ''We will stay.''"
    assert [text[m.inner_start : m.inner_end] for m in find_quote_marks(text)] == ["We will stay."]


def test_cue_inflections_cover_irregular_and_doubled_forms():
    assert {"said", "says", "saying"} <= set(inflections("say"))
    assert "told" in inflections("tell") and "admitted" in inflections("admit")
    assert {"notes", "noted", "noting"} <= set(inflections("note"))


def test_quotes_from_a_hand_built_parse_without_mentions():
    register_extensions()
    words = ["“", "We", "will", "stay", ",", "”", "Koné", "said", "."]
    doc = Doc(
        spacy.blank("en").vocab,
        words=words,
        spaces=[False, True, True, False, False, True, True, False, False],
        heads=[3, 3, 3, 7, 7, 7, 7, 7, 7],
        deps=["punct", "nsubj", "aux", "ccomp", "punct", "punct", "nsubj", "ROOT", "punct"],
        tags=["``", "PRP", "MD", "VB", ",", "''", "NNP", "VBD", "."],
        pos=["PUNCT", "PRON", "AUX", "VERB", "PUNCT", "PUNCT", "PROPN", "VERB", "PUNCT"],
        ents=["O"] * 6 + ["B-PERSON"] + ["O"] * 2,
    )
    doc._.doc_id = "hand"
    (quote,) = extract_quotes(doc)
    assert (quote.text, quote.speaker_text, quote.speaker, quote.cue) == ("We will stay", "Koné", "Koné", "say")
    assert quote.direct and not quote.partial and quote.doc == "hand"
    assert doc.text[quote.start : quote.end] == quote.text


# -- the real pipeline on text written for these tests --------------------------------------


@pytest.mark.integration
def test_quotes_component_declares_what_it_needs(nlp):
    assert "storyline_quotes" in nlp.pipe_names
    assert nlp.analyze_pipes()["problems"]["storyline_quotes"] == []


@pytest.mark.integration
def test_quotes_direct_after_cue_with_speaker_inversion(parse):
    doc = parse("“We will not leave Ménaka,” said Amadou Koné, a farmer who sells millet in the market.")
    (quote,) = spoken_by(doc, "not leave Ménaka", "Koné")
    assert quote.direct and not quote.partial and quote.cue == "say"
    assert doc.text[quote.speaker_start : quote.speaker_end].startswith("Amadou Koné")


@pytest.mark.integration
def test_quotes_cue_before_straight_marks_multi_sentence(parse):
    doc = parse('Colonel Aïssata Diallo told reporters in Gao: "The road is open. Convoys resume on Monday."')
    (quote,) = spoken_by(doc, "Convoys resume", "Diallo")
    assert quote.text.startswith("The road is open") and quote.cue == "tell"


@pytest.mark.integration
def test_quotes_split_around_cue_keep_speaker_and_resolve_pronoun(parse):
    doc = parse("Mariam Traoré runs the clinic in Ansongo. “The army has left,” she said. “We are alone now.”")
    first = spoken_by(doc, "army has left", "Mariam Traoré")
    second = spoken_by(doc, "alone now", "Mariam Traoré")
    assert first[0].speaker_text == second[0].speaker_text == "she"


@pytest.mark.integration
def test_quotes_partial_quote_attributed_to_subject(parse):
    doc = parse("Mali's transport minister called the ambush a 'cowardly provocation' and promised an inquiry.")
    # "call X Y" reports a stance: one record, the clause around the quoted words, direct since it
    # carries the minister's own words (not a second record for the fragment)
    (quote,) = spoken_by(doc, "cowardly provocation", "minister")
    assert quote.direct and not quote.partial and quote.cue == "call"
    assert quote.text.startswith("the ambush")


@pytest.mark.integration
def test_quotes_indirect_speech_that_clause_according_to_and_trailing_cue(parse):
    doc = parse(
        "Niger's foreign minister warned that the corridor could close within days. "
        "The World Food Programme said the stocks would last a month. "
        "According to the regional governor, twelve villages have been emptied. "
        "The convoy reached Ménaka on Friday, the mayor said."
    )
    assert spoken_by(doc, "corridor could close", "minister")[0].cue == "warn"
    assert not spoken_by(doc, "stocks would last", "World Food Programme")[0].direct
    according = spoken_by(doc, "villages have been emptied", "the regional governor")[0]
    assert according.cue == "according to" and "According" not in according.text
    assert spoken_by(doc, "convoy reached Ménaka", "the mayor")[0].speaker_text == "the mayor"


@pytest.mark.integration
def test_quotes_reported_via_quoted_as_saying_and_cited_as_saying(parse):
    doc = parse(
        "State television quoted Prime Minister Choguel Maïga as saying the border would reopen. "
        "The ministry cited the envoy as saying talks were 'on track'."
    )
    (reopen,) = spoken_by(doc, "border would reopen", "Choguel Maïga")
    assert reopen.via_text == "State television" and reopen.cue == "quote"
    for quote in spoken_by(doc, "on track", "the envoy"):
        assert quote.via_text == "The ministry" and quote.cue == "cite"


@pytest.mark.integration
def test_quotes_anonymous_sources_keep_their_words(parse):
    doc = parse(
        "Officials said the curfew would be lifted. A senior Malian official said the talks had stalled. "
        "Sources told Reuters that two soldiers were killed."
    )
    for fragment, written in [("curfew", "Officials"), ("talks had stalled", "A senior Malian official")]:
        (quote,) = spoken_by(doc, fragment, None)
        assert quote.anonymous and quote.speaker_text == written
    (told,) = spoken_by(doc, "two soldiers were killed", None)
    assert told.anonymous and told.speaker_text == "Sources" and told.via_text == "Reuters"


@pytest.mark.integration
def test_quotes_andean_story_pronoun_directive_and_colon(parse):
    doc = parse(
        "Protesters in Puno blocked the airport road. Peru's ombudsman, Eliana Revollar, urged the "
        'government to open a dialogue. Local leader Rosa Quispe said: "We have been ignored for decades." '
        'She adds, "Nobody from Lima has come to listen."'
    )
    assert spoken_by(doc, "open a dialogue", "Eliana Revollar")[0].cue == "urge"
    spoken_by(doc, "ignored for decades", "Rosa Quispe")
    (adds,) = spoken_by(doc, "come to listen", "Rosa Quispe")
    assert adds.speaker_text == "She" and adds.cue == "add"


@pytest.mark.integration
def test_quotes_relative_and_nested_pronouns_resolve_to_their_antecedents(parse):
    doc = parse(
        "The curfew was lifted by Colonel Aïssata Diallo, who said the town was calm. The World Food "
        "Programme said it had concluded, on the basis of 'credible reports', that convoys were looted."
    )
    (calm,) = spoken_by(doc, "town was calm", "Diallo")
    # the speaker as written is the relative pronoun; the actor it resolves to is its antecedent
    assert calm.speaker_text == "who" == doc.text[calm.speaker_start:calm.speaker_end]
    assert calm.speaker is not None and "diallo" in calm.speaker
    partial = [q for q in doc._.quotes if q.text == "credible reports"]
    assert partial and partial[0].speaker_text == "it"
    assert any("World Food Programme" in name for name in names(doc, partial[0]))


@pytest.mark.integration
def test_quotes_parenthetical_cue_reports_its_host_clause(parse):
    doc = parse("This involvement, the analyst suggested, signals a wider network of influence.")
    (quote,) = spoken_by(doc, "wider network", None)
    assert quote.anonymous and quote.cue == "suggest" and not quote.direct


@pytest.mark.integration
def test_quotes_titles_scare_quotes_and_song_names_have_no_speaker(parse):
    doc = parse(
        'The report, titled "Sahel at the Crossroads", was published on Monday. Volunteers handed out '
        'leaflets about the so-called "peace corridor". The singer Oumou Sangaré performed "Mali Ko" at '
        'the rally. Specialized units known as the "desert lions" patrol the border.'
    )
    for fragment in ("Crossroads", "peace corridor", "Mali Ko", "desert lions"):
        no_quote(doc, fragment)


@pytest.mark.integration
def test_quotes_a_cue_in_a_condition_reports_nothing(parse):
    doc = parse("The union's leader, Maria Lopes, said the strike will spread to the ports if the owners think they "
                "can wait out the drivers. Prices will fall unless the board says otherwise.")
    assert not [q for q in doc._.quotes if q.cue in ("think", "say") and q.speaker_text in ("the owners", "the board")]
    spoken_by(doc, "the strike will spread", "Maria Lopes")


@pytest.mark.integration
def test_quotes_an_accusation_without_its_charge_or_a_welcome_of_news_reports_nothing(parse):
    doc = parse("The flood destroyed the bridge at Orvik. Officials at the water board accused the contractor. "
                "Mayor Ines Koller welcomed the news on Tuesday. She accused the contractor of ignoring safety rules.")
    assert [q.text for q in doc._.quotes] == ["the contractor of ignoring safety rules"]


@pytest.mark.integration
def test_quotes_a_quoted_name_that_relays_the_words_is_no_quotation(parse):
    doc = parse('The dam will hold through the winter, the engineer Lars Moe said on Monday, quoted by "Valley news".')
    no_quote(doc, "Valley news")
    spoken_by(doc, "The dam will hold", "Lars Moe")


def test_written_records_tell_what_they_show_but_pictures_stay_mute():
    doc = Doc(spacy.blank("en").vocab, words=["records", "footage", "Records"], pos=["NOUN", "NOUN", "PROPN"])
    assert record_evidence(doc[0], "show") and not record_evidence(doc[0], "continue")
    assert not record_evidence(doc[1], "show")  # footage is evidence the report describes, nobody's statement
    assert not record_evidence(doc[2], "show")  # a name is a speaker in its own right, not a record


@pytest.mark.integration
def test_quotes_records_and_statistics_speak_for_their_makers(parse):
    doc = parse(
        "Court records show the bakery chain paid no rent for three years. "
        "Federal statistics indicate that flood claims doubled in a decade. "
        "Footage from the harbour shows that the pier gave way first. "
        "Casualty figures continue to climb in the valley."
    )
    assert spoken_by(doc, "paid no rent", None)[0].speaker_text == "Court records"
    assert spoken_by(doc, "flood claims doubled", None)[0].cue == "indicate"
    assert not [q for q in doc._.quotes if "pier gave way" in q.text or "to climb" in q.text]


@pytest.mark.integration
def test_quotes_dash_credit_and_transcript_labels(parse):
    doc = parse('“Maybe the river will save us.” ― Fatoumata Cissé\n"MODERATOR: Will the talks resume?\n')
    spoken_by(doc, "river will save us", "Fatoumata Cissé")
    assert spoken_by(doc, "talks resume", "MODERATOR")[0].cue == ":"


# -- the seeds (real reports in ../shared) ---------------------------------------------------


@pytest.mark.integration
def test_seed_001_expert_quotes_with_pronoun_speakers(seed_docs):
    doc = seed_docs["001"]
    (states,) = spoken_by(doc, "represents a significant escalation", "O'Sullivan")
    assert states.direct and states.speaker_text == "He" and states.cue == "state"
    assert spoken_by(doc, "bolsters Russia's military capabilities", "O'Sullivan")[0].cue == "add"
    (notes,) = spoken_by(doc, "transfer of military technology", "Sarah Johnson")
    assert notes.speaker_text == "She" and notes.cue == "note"


@pytest.mark.integration
def test_seed_001_partial_quotes_attributed_and_term_skipped(seed_docs):
    doc = seed_docs["001"]
    for fragment in ("substantial pressure", "world war"):
        # the quoted words are Zelenskyy's, either as a fragment of their own or inside the clause
        # reported with them (then one direct record)
        found = spoken_by(doc, fragment, "Zelenskyy")
        assert [q for q in found if q.direct]
    no_quote(doc, "storm corps")


@pytest.mark.integration
def test_seed_002_trudeau_quoted_by_yoons_office(seed_docs):
    doc = seed_docs["002"]
    for fragment in ("becoming more fierce", "overall security of Europe"):
        (quote,) = spoken_by(doc, fragment, "Trudeau")
        assert quote.direct and quote.speaker_text == "Trudeau"
        assert "Yoon" in quote.via_text and "office" in quote.via_text


@pytest.mark.integration
def test_seed_002_partial_quotes_by_yoon(seed_docs):
    doc = seed_docs["002"]
    for fragment in ("faster-than-expected", "dangerous development"):
        # every record holding the words is Yoon's; for "calling the situation a 'dangerous
        # development'" that is one direct record, the stance around the quoted words
        found = spoken_by(doc, fragment, "Yoon")
        assert [q for q in found if q.direct]


# -- the team's golden stories -------------------------------------------------------------


def _story_cases():
    return sorted(STORIES.glob("*/expected.json"))


@pytest.mark.integration
@pytest.mark.skipif(not _story_cases(), reason="no story fixtures with expected quotes")
def test_quotes_golden_stories_meet_floor(nlp, parse):
    hits, misses = 0, []
    for path in _story_cases():
        expected = json.loads(path.read_text(encoding="utf-8"))
        forms = {e["name"]: {e["name"], *e.get("surface_forms", [])} for e in expected.get("entities", [])}
        docs: dict[str, Doc] = {}
        for case in expected.get("quotes", []):
            if case["file"] not in docs:
                text = (path.parent / case["file"]).read_text(encoding="utf-8")
                docs[case["file"]] = parse(text, doc_id=case["file"])
            if _story_quote_found(docs[case["file"]], case, forms):
                hits += 1
            else:
                misses.append((path.parent.name, case["text_contains"][:40]))
    total = hits + len(misses)
    assert total and hits / total >= STORY_FLOOR, misses


def _story_quote_found(doc: Doc, case: dict, forms: dict[str, set[str]]) -> bool:
    start = doc.text.find(case["text_contains"])
    end = start + len(case["text_contains"])
    for quote in doc._.quotes:
        if not (quote.start < end and start < quote.end) or quote.direct != case["direct"]:
            continue
        if (quote.via_text is None) != (case["via"] is None):
            continue
        if case["speaker"] is None and quote.speaker is None:
            return True
        if case["speaker"] is not None and names(doc, quote) & forms.get(case["speaker"], {case["speaker"]}):
            return True
    return False


@pytest.mark.integration
def test_quotes_speaker_described_by_office_resolves_to_holder(parse):
    doc = parse("Peruvian President Dina Boluarte visited the flooded coast on Monday. "
                "The president said the army would deliver water to every district.")
    (quote,) = spoken_by(doc, "deliver water", "Dina Boluarte")
    assert quote.speaker_text == "The president" and "boluarte" in (quote.speaker or "")


@pytest.mark.integration
def test_quotes_fragment_inside_reported_clause_is_one_direct_record(parse):
    doc = parse('The union leader said the offer was "an insult to every driver" and urged members to strike.')
    (quote,) = spoken_by(doc, "an insult", "union leader")
    assert quote.direct and quote.text.startswith("the offer")


@pytest.mark.integration
def test_quotes_a_clausal_subject_split_from_its_predicate_is_one_clause(parse):
    doc = parse('In a letter, Ortiz said that "becoming further involved in a border quarrel between the two provinces" '
                'was not "essential" to the county\'s interests in a reply to the council.')
    (quote,) = [q for q in doc._.quotes if "border quarrel" in q.text]
    assert "essential" in quote.text and not [q for q in doc._.quotes if q.text.strip('"') == "essential"]


@pytest.mark.integration
def test_quotes_acts_and_subjects_over_a_noun_phrase_are_no_words(parse):
    doc = parse("Several governors have refused to condemn the strike. The union announced its candidate for mayor "
                "on Monday. The senator commented on the flood maps. The mayor did not say that the dam would hold. "
                "The council announced that the bridge would reopen in May.")
    assert not [q for q in doc._.quotes if "strike" in q.text or "candidate" in q.text or "flood maps" in q.text]
    assert spoken_by(doc, "the dam would hold", "mayor")[0].cue == "not say"
    assert spoken_by(doc, "the bridge would reopen", "council")


@pytest.mark.integration
def test_quotes_fragments_joined_by_and_are_one_record(parse):
    doc = parse('The farmers\' leader called the tariff "a betrayal" and "the end of our orchards".')
    (quote,) = spoken_by(doc, "betrayal", "farmers' leader")
    assert "end of our orchards" in quote.text and quote.direct


@pytest.mark.integration
def test_quotes_clause_inside_a_clause_of_the_same_speaker_is_not_repeated(parse):
    doc = parse("The port director said it was too early to tell whether the crane had failed.")
    (quote,) = spoken_by(doc, "crane had failed", "port director")
    assert quote.cue == "say"


@pytest.mark.integration
def test_quotes_aims_and_acts_are_not_attributions(parse):
    doc = parse("The drivers' union wants to strike on Monday. Senator Ines Mora backed the flood levy. "
                "The mayor decided that the vote was void.")
    assert not [q for q in doc._.quotes if "strike on Monday" in q.text or "flood levy" in q.text]
    spoken_by(doc, "vote was void", "mayor")


@pytest.mark.integration
def test_quotes_pronoun_goes_back_to_the_speaker_of_the_previous_paragraph(parse):
    # paragraphs separated by blank lines; the person named after the speaker does not speak
    doc = parse("The dock strike entered its second week.\n\n"
                "Prime Minister Sofia Lindqvist said her talks with Governor Paulo Reis had failed.\n\n"
                "She added that talks would resume on Friday.")
    (quote,) = spoken_by(doc, "talks would resume", "Lindqvist")
    assert quote.speaker_text == "She"


def test_previous_paragraph_skips_blank_lines():
    from storyline.nlp.speaker_pronouns import previous_paragraph as _previous_paragraph

    text = "First one.\n\nSecond one.\n\n\nThird."
    assert _previous_paragraph(text, text.index("Third")) == text.index("Second")
    assert _previous_paragraph(text, text.index("Second")) == 0


@pytest.mark.integration
def test_quotes_report_inside_a_report_is_not_credited_to_the_one_reported_on(parse):
    doc = parse("A spokesman for the supreme court said on Monday that the chief justice had called the new "
                "evidence insufficient. The company said in a statement that its chief executive had promised "
                "to compensate every family affected by the blast.")
    spoken_by(doc, "chief justice had called", None)
    assert not [q for q in doc._.quotes if q.speaker_text in ("the chief justice", "its chief executive")], doc._.quotes


@pytest.mark.integration
def test_quotes_outlet_reporting_what_a_body_said_credits_the_body(parse):
    doc = parse("Reuters reported that the election commission said the recount would resume on Friday.")
    (quote,) = doc._.quotes
    assert quote.speaker_text == "the election commission" and quote.via_text == "Reuters"


@pytest.mark.integration
def test_quotes_list_of_quoted_names_at_one_cue_is_one_record(parse):
    doc = parse('The opposition leader called the electoral commission a "rubber stamp," a "sham" and a '
                '"disgrace to the republic."')
    quotes = [q for q in doc._.quotes if q.speaker_text == "The opposition leader"]
    assert len(quotes) == 1 and "rubber stamp" in quotes[0].text and "disgrace" in quotes[0].text, doc._.quotes


@pytest.mark.integration
def test_quotes_a_headline_in_capitals_has_no_speaker(parse):
    doc = parse("STRIKE: UNION SAYS PORT WORKERS WILL WALK OUT ON MONDAY\n\n"
                "The dockers' union said its members would walk out on Monday over pay.\n\n"
                "MORALES: We will not accept a deal that cuts our wages.")
    assert not [q for q in doc._.quotes if q.speaker_text and q.speaker_text.isupper() and "STRIKE" in q.speaker_text]
    assert not [q for q in doc._.quotes if "WALK OUT" in q.text], doc._.quotes
    spoken_by(doc, "its members would walk out", "union")
    spoken_by(doc, "We will not accept a deal", "MORALES")


@pytest.mark.integration
@pytest.mark.parametrize("text, speaker, content", [
    # a reported clause the parser reads as an adverbial of the cue
    ("The coach said after the final whistle he would not resign over the defeat.", "The coach",
     "he would not resign over the defeat"),
    # a "that" clause the parser reads as a relative clause of the people told
    ("In Accra last week, the minister told a meeting of cocoa farmers that few buyers would pay the old price.",
     "the minister", "few buyers would pay the old price"),
])
def test_quotes_a_reported_clause_the_parser_attached_elsewhere_is_still_the_content(parse, text, speaker, content):
    doc = parse(text)
    found = [q for q in doc._.quotes if content in q.text]
    assert found and found[0].speaker_text == speaker, [(q.speaker_text, q.text) for q in doc._.quotes]


@pytest.mark.integration
def test_quotes_a_time_clause_after_said_is_not_what_was_said(parse):
    doc = parse("Residents said little when the floodwaters reached the market.")
    assert not any("the floodwaters reached the market" in q.text for q in doc._.quotes)


@pytest.mark.integration
def test_quotes_a_thing_that_shows_or_suggests_is_no_speaker(parse):
    doc = parse(
        "Their remarks show how divided the farmers' coalition has become. The arrival of foreign engineers "
        "suggests that the dam project is further along than admitted. The council's policy consists in "
        "quietly denying the shortages. A survey by the statistics office showed that 40 percent of "
        "households lack heating. The general suggested that the ceasefire would hold."
    )
    said = {q.text: q.speaker_text for q in doc._.quotes}
    assert not any(w in t for t in said for w in ("divided", "dam project", "shortages")), said
    assert any("households lack heating" in t for t in said), said
    assert any("ceasefire would hold" in t and said[t] == "The general" for t in said), said


@pytest.mark.integration
def test_quotes_those_who_say_is_no_one_in_particular(parse):
    doc = parse("Those who say the harvest is lost are mistaken. Anyone who claims the levee is safe has not "
                "walked along it. The farmers of the delta, who said the water was salty, moved their herds.")
    said = {q.text: q.speaker_text for q in doc._.quotes}
    assert not any("harvest is lost" in t or "levee is safe" in t for t in said), said
    assert any("water was salty" in t for t in said), said
    frame = next(f for f in doc._.frames if "harvest" in f.text)
    assert frame.source_kind == "author"


@pytest.mark.integration
def test_quotes_a_letter_that_reads_speaks_for_whoever_sent_it(parse):
    doc = parse('The National Mining Union sent a letter to the council on Friday. "The shaft is unsafe and the '
                'pumps have failed twice," the letter reads. She reads the paper every day.')
    quote = next(q for q in doc._.quotes if "shaft is unsafe" in q.text)
    assert quote.direct and quote.speaker_text == "the letter"
    assert "mining-union" in (quote.speaker or "")
    assert not any("paper" in q.text for q in doc._.quotes)
    frame = next(f for f in doc._.frames if "pumps" in f.text)
    assert frame.source == quote.speaker and frame.source_kind != "author"


@pytest.mark.integration
def test_quotes_an_inverted_said_before_a_colon_credits_the_name(parse):
    doc = parse("The storm cut power to half the county. Said Brook: “I do not think the lines will be back this week.”")
    (quote,) = spoken_by(doc, "lines will be back", "Brook")
    assert quote.speaker_text == "Brook" and quote.cue == "say"


@pytest.mark.integration
def test_quotes_a_name_the_tagger_split_between_quotation_and_cue_still_speaks(parse):
    # The tagger reads the place name that opens the speaker's title as a verb.
    doc = parse("The department is investigating the shooting.\n"
                "“I will make this promise to you: we will find justice,” Tulsa police Chief Chuck Jordan said Monday.")
    spoken_by(doc, "we will find justice", "Jordan")


@pytest.mark.integration
def test_quotes_a_complaint_or_a_brief_speaks_for_whoever_filed_it(parse):
    doc = parse("The union's complaint to the labor board says the company broke the contract.")
    (quote,) = spoken_by(doc, "the company broke the contract", "complaint")
    assert quote.speaker_text.startswith("The union's complaint")
    doc = parse("However, Ana Ruiz's brief said that was not her view.")
    assert spoken_by(doc, "that was not her view", "brief")[0].speaker_text == "Ana Ruiz's brief"


@pytest.mark.integration
def test_quotes_a_participle_of_saying_takes_the_subject_of_its_own_paragraph(parse):
    # The parser runs the second paragraph on from the first and gives its verb a word of the quotation as a
    # subject too.
    doc = parse("Rivera, a former council chairman, poked at the mayor's budget during the Monday night debate, "
                "tweeting, “Notice the deficit all the time. Cooked books?”\n\n"
                "Rivera, a retired engineer, then appeared on WNYC on Tuesday and began by saying he would “never” "
                "support the toll.")
    spoken_by(doc, "support the toll", "Rivera")


@pytest.mark.integration
def test_quotes_a_sentence_crediting_the_one_before_gives_it_its_speaker(parse):
    doc = parse(
        "Drought poses the greatest threat to farms in the region, and the state will go on helping growers.\n\n"
        "Agriculture minister Ana Ruiz said this while presenting the new water plan, a correspondent reported.\n\n"
        "Grain prices rose again in March across the region. That is according to the central bank, Reuters reports.\n\n"
        "The union wants higher pay. The mayor did not say that.\n\n"
        "The navy has grown fast in recent years. It patrols the waters that Seoul claims as its own.")
    by_text = {q.text: q for q in doc._.quotes}
    drought = by_text.get("Drought poses the greatest threat to farms in the region, and the state will go on "
                          "helping growers")
    assert drought is not None and drought.speaker_text == "Agriculture minister Ana Ruiz", list(by_text)
    prices = by_text.get("Grain prices rose again in March across the region")
    assert prices is not None and prices.speaker_text == "the central bank", list(by_text)
    assert not any("Reuters reports" in t or "union wants" in t or "navy has grown" in t for t in by_text), list(by_text)


def test_words_set_off_by_dashes_after_a_quotation_start_after_its_dash():
    register_extensions()
    text = 'She said that "the plan failed" - we lost a year - she said.'
    words = ["She", "said", "that", '"', "the", "plan", "failed", '"', "-", "we", "lost", "a", "year", "-", "she",
             "said", "."]
    spaces = [True, True, True, False, True, True, False, True, True, True, True, True, True, True, True, False, False]
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=spaces)
    assert doc.text == text
    ctx = Context(doc)
    assert _after_dash_opener(ctx, 0, 13, doc[15]) == 9  # "we", not "She"
    assert _after_dash_opener(ctx, 0, 8, doc[1]) == 0  # no dash sets the cue off: the sentence's start


@pytest.mark.integration
@pytest.mark.parametrize("report", ["Quispe acknowledges that the main dam is forty years old and leaks in two places.",
                                    "Quispe believes the dam will not hold for another season."])
def test_a_quotation_with_no_cue_after_a_reported_sentence_goes_on_with_its_speakers_words(parse, report):
    doc = parse("The head of the Andes water board, Rosa Quispe, spoke at a hearing in Cusco on Tuesday.\n\n"
                f"{report} “We need money from the capital to rebuild it before the rains come. Nobody in the valley "
                "wants another flood.”\n\nThe regional governor disagreed with her figures.")
    (quote,) = spoken_by(doc, "Nobody in the valley", "Rosa Quispe")
    assert quote.direct and quote.text.startswith("We need money")


@pytest.mark.integration
def test_a_quotation_the_next_sentence_talks_about_is_not_the_speaker_before(parse):
    doc = parse("Rosa Quispe runs the Andes water board.\n\nQuispe said that the dam was old. “Rebuild it now” is the "
                "slogan on the banners the farmers carried to Cusco.")
    no_quote(doc, "Rebuild it now")


@pytest.mark.integration
def test_a_credit_after_the_quotation_whose_verb_the_parse_read_as_a_noun_names_the_speaker(parse):
    doc = parse("Rosa Quispe runs the Andes water board.\n\n“The dam was never in danger, as the engineers who inspected it "
                "found. The town also had other options to store water if it wanted to,” Quispe comments.\n\n"
                "The governor disagreed.")
    (quote,) = spoken_by(doc, "The town also had other options", "Rosa Quispe")
    assert quote.speaker_text == "Quispe" and quote.direct
