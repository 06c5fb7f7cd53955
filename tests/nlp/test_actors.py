"""Actor mentions resolved to one identity each, on the seeds and on team-written stories."""

import datetime as dt
import json

import pytest

from storyline.analysis.entities import build_entities
from storyline.kb.lookup import load_kb
from storyline.kb.normalize import key
from storyline.nlp.headings import ACTOR_HEADING_MAX_WORDS, is_heading_line

from tests.conftest import STORIES

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def seed_entities(seed_docs):
    mentions = [m for doc in seed_docs.values() for m in doc._.mentions]
    entities, _ = build_entities(mentions, load_kb())
    return {e.id: e for e in entities}, mentions


def entity_of(mentions, form):
    return {m.entity for m in mentions if key(m.text) == key(form)}


@pytest.mark.parametrize("canonical, forms", [
    ("kb:PRK", ["North Korea", "Pyongyang"]),
    ("kb:RUS", ["Russia", "Moscow", "Kremlin"]),
    ("kb:USA", ["United States", "U.S.", "Washington"]),
    ("kb:person:kim-jong-un", ["Kim Jong Un"]),
    ("kb:person:volodymyr-zelenskyy", ["Volodymyr Zelenskyy", "Zelenskyy"]),
    ("kb:person:yoon-suk-yeol", ["Yoon Suk Yeol", "Yoon"]),
    ("kb:person:justin-trudeau", ["Justin Trudeau", "Trudeau"]),
])
def test_seed_actor_is_one_identity_with_all_its_forms(seed_entities, canonical, forms):
    entities, mentions = seed_entities
    assert canonical in entities
    for form in forms:
        assert entity_of(mentions, form) == {canonical}, form
    aliases = {key(a) for a in entities[canonical].aliases}
    assert {key(f) for f in forms} <= aliases


def test_seed_types(seed_entities):
    entities, mentions = seed_entities
    assert entities["kb:NATO"].type == "igo" and entities["kb:EU"].type == "igo"
    assert {entities[e].type for e in entity_of(mentions, "Kursk")} == {"place"}
    assert entities["kb:PRK"].type == "state" and entities["kb:PRK"].kb_id == "Q423"


def test_seed_demonym_phrases_are_the_states_military(seed_entities):
    _, mentions = seed_entities
    troops = [m for m in mentions if key(m.text) == "north korean troops"]
    assert troops and all(m.entity == "kb:PRK" and m.facet == "military" for m in troops)
    metonyms = [m for m in mentions if m.text == "Pyongyang"]
    assert metonyms and all(m.facet == "government" for m in metonyms)


def test_nobody_from_the_debris_headlines(seed_docs):
    names = {key(m.text) for m in seed_docs["001"]._.mentions}
    assert not names & {"donald trump", "trump", "steve witkoff", "malaysia", "singapore", "gaza"}


def test_roles_are_recorded(seed_entities):
    entities, _ = seed_entities
    trudeau = entities["kb:person:justin-trudeau"]
    assert any("Prime Minister" in r for r in trudeau.roles)


def test_disambiguation_by_country(seed_docs):
    dia = [m for m in seed_docs["002"]._.mentions if m.text in ("DIA", "Defense Intelligence Agency")]
    assert dia and {m.entity for m in dia} == {"kb:KOR.DIA"}


def story_expectations():
    return sorted(STORIES.glob("*/expected.json"))


@pytest.mark.parametrize("path", story_expectations(), ids=lambda p: p.parent.name)
def test_team_written_story_actors(path, nlp):
    """Every surface form of an expected actor that is found resolves to one identity."""
    from storyline.nlp.pipeline import make_doc

    expected = json.loads(path.read_text())
    if not expected.get("entities"):
        pytest.skip("the story lists no actors (it checks conflicts or the bottom line)")
    mentions = []
    for d in expected["documents"]:
        text = (path.parent / d["file"]).read_text()
        doc = nlp(make_doc(nlp, d["file"], text, dt.date.fromisoformat(d["published"])))
        mentions += doc._.mentions
    entities, remap = build_entities(mentions, load_kb())
    by_form: dict[str, set[str]] = {}
    for m in mentions:
        by_form.setdefault(key(m.text), set()).add(remap.get(m.entity, m.entity))
    merged = found = 0
    for entity in expected["entities"]:
        ids = set().union(*(by_form.get(key(f), set()) for f in entity["surface_forms"]))
        if ids:
            found += 1
            merged += len(ids) == 1
    # Floors, not perfection: raise them as resolution improves.
    assert found / len(expected["entities"]) >= 0.75
    assert merged / found >= 0.8
    bad = [b for b in expected["must_not_entities"] if key(b) in by_form and key(b) not in {"imf"}]
    assert len(bad) <= 2, bad


def _example_docs(nlp):
    from storyline import config
    from storyline.data import example_corpus
    from storyline.ingest.loaders import LoadOptions, iter_path
    from storyline.ingest.prepare import prepare
    from storyline.nlp.pipeline import make_doc

    docs = []
    with example_corpus() as folder:
        for raw in iter_path(folder, LoadOptions()):
            doc, _ = prepare(raw, config.defaults())
            if doc.text.strip():
                docs.append(nlp(make_doc(nlp, doc.id, doc.text, None)))
    return docs


def test_every_actor_on_seeds_and_example_is_a_name_from_the_body(seed_docs, nlp):
    """No actor is a heading, caption, byline, dateline, label or fragment: list them all and check
    each against the line of cleaned text it comes from."""
    import re

    bad = []
    for doc in [*seed_docs.values(), *_example_docs(nlp)]:
        for m in doc._.mentions:
            line_start = doc.text.rfind("\n", 0, m.start) + 1
            line_end = doc.text.find("\n", m.end)
            line = doc.text[line_start : line_end if line_end >= 0 else len(doc.text)].strip()
            problems = [
                "\n" in m.text,
                doc.text[m.start : m.end] != m.text,
                not m.text[:1].isalnum(),
                not m.text[-1:].isalnum() and not re.search(r"\b[A-Z]\.(?:[A-Z]\.)*$|\b(?:Jr|Sr|Inc|Ltd)\.$", m.text),
                # A heading-shaped line, by the test every stage shares.
                is_heading_line(line, ACTOR_HEADING_MAX_WORDS),
                line.startswith("[") and m.start - line_start < line.find("]"),
            ]
            if any(problems):
                bad.append((m.text, line[:60]))
    assert not bad, bad


def test_bare_surnames_stay_local_without_a_full_name_or_fitting_context(parse):
    doc = parse("Lee, an opposition lawmaker, told reporters the vote would go ahead. Lee said the party "
                "would not back down.", published=dt.date(2025, 9, 1), doc_id="a")
    assert {m.entity for m in doc._.mentions if m.text == "Lee"} == {"local:person:lee@a"}
    doc = parse("The prisoner, Ri, said he had been held for two years in North Korea.",
                published=dt.date(2024, 11, 1), doc_id="b")
    assert [m.entity for m in doc._.mentions if m.text == "Ri"] == ["local:person:ri@b"]
    doc = parse("Opposition lawmaker Lee Dong-won said the plan was flawed. Lee added that the cabinet "
                "must respond.", published=dt.date(2024, 11, 1))
    assert {m.entity for m in doc._.mentions if "Lee" in m.text} == {"local:person:lee-dong-won"}
    doc = parse("Putin said Russia would respond.", published=dt.date(2024, 11, 1))
    assert [m.entity for m in doc._.mentions if m.text == "Putin"] == ["kb:person:vladimir-putin"]


def test_types_follow_the_context(parse):
    doc = parse("The UN Office for the Coordination of Humanitarian Affairs reported that 40,000 people had fled. "
                "Residents in Bahri said the shelling continued. Secretary of Defense Lloyd Austin said "
                "the troops were in Russia.", published=dt.date(2023, 5, 1))
    by_text = {m.text: m for m in doc._.mentions}
    assert by_text["UN Office for the Coordination of Humanitarian Affairs"].entity == "kb:OCHA"
    assert by_text["Bahri"].type == "place"
    assert by_text["Lloyd Austin"].entity == "kb:person:lloyd-austin"
    assert not any("Defense Lloyd" in m.text for m in doc._.mentions)


def test_datelines_labels_and_credits_are_not_actors(parse):
    doc = parse("KHARTOUM, April 16 (Reuters) — Fighting spread across the city on Sunday, residents said.\n\n"
                "EDITOR'S NOTE: This story was updated.\n\nPhoto: Jane Smith/Getty Images\n\n"
                "By John Doe\n\nThe minister spoke in Kyiv on Monday about the war.")
    assert {m.text for m in doc._.mentions} == {"Kyiv"}


def test_no_merge_across_reports_by_surname_alone():
    from storyline.analysis.entities import merge_local_actors
    from storyline.models import Mention

    mentions = [Mention("d1", 0, 3, "Lee", "PERSON", "local:person:lee@d1", "person"),
                Mention("d2", 0, 15, "Lee Dong-won", "PERSON", "local:person:lee-dong-won", "person")]
    assert merge_local_actors(mentions) == {}


def test_ner_slips_become_the_right_kind_of_actor(parse):
    doc = parse("Belarus leader Alexandre Lukashenko told the BelTA agency that troops had gathered near Pinsk. "
                "Photograph by Jana Novak/Redux for the paper.", published=dt.date(2022, 2, 1))
    by_text = {m.text: m for m in doc._.mentions}
    assert by_text["Alexandre Lukashenko"].entity == "kb:person:alexander-lukashenko"  # a transliteration
    assert by_text["Belarus"].entity == "kb:BLR"
    assert by_text["BelTA"].type != "person"
    assert by_text["Pinsk"].type == "place"
    assert "Jana Novak" not in by_text  # a photo credit


def test_a_bare_surname_two_office_holders_share_is_not_guessed(parse):
    # Both Kamala Harris (US Vice President) and Simon Harris (Taoiseach) held office on this day.
    doc = parse("Harris said the talks had been useful.", published=dt.date(2024, 6, 1), doc_id="h")
    assert [m.entity for m in doc._.mentions if m.text == "Harris"] == ["local:person:harris@h"]
    doc = parse("The United States sent a delegation. Harris said the talks had been useful.",
                published=dt.date(2024, 6, 1))
    assert [m.entity for m in doc._.mentions if m.text == "Harris"] == ["kb:person:kamala-harris"]


def test_parts_of_titles_are_not_organisations(parse):
    doc = parse("Defense Secretary Lloyd Austin met Anna Kowalczyk, a professor of Comparative Politics "
                "at Yale, and the Secretary of State.", published=dt.date(2024, 11, 1))
    texts = {m.text for m in doc._.mentions}
    assert "Defense" not in texts and "Comparative Politics" not in texts and "State" not in texts
    assert {m.entity for m in doc._.mentions if m.text == "Lloyd Austin"} == {"kb:person:lloyd-austin"}


def test_an_acronym_is_not_a_leaders_surname(parse):
    doc = parse("North Korean leader Kim Jong Un met officials. The UN said it was concerned.",
                published=dt.date(2024, 11, 1))
    assert [m.entity for m in doc._.mentions if m.text == "UN"] == ["kb:UN"]


def test_a_title_written_like_a_name_is_not_an_organisation(parse):
    doc = parse("Sanctions will bite hard, the Minister of Foreign Affairs Liz Truss told parliament on Monday.",
                published=dt.date(2022, 2, 20))
    assert {m.text for m in doc._.mentions} == {"Liz Truss"}


def test_a_surname_after_a_given_name_ner_left_out_is_not_the_office_holder(parse):
    # NER tags only "Martin" in "Teacher Ana Martin"; Micheál Martin held office on this day.
    doc = parse("Teacher Ana Martin, who lives in Bitola, said prices had doubled. Ireland was not mentioned "
                "by name in her complaint.", published=dt.date(2024, 4, 20), doc_id="m")
    assert "kb:person:micheal-martin" not in {m.entity for m in doc._.mentions}
    # A title that ends in a capitalised word is not a given name.
    doc = parse("Perhaps US Secretary of State Blinken will raise it at the summit, a US diplomat told reporters.",
                published=dt.date(2023, 1, 27))
    assert [m.entity for m in doc._.mentions if m.text == "Blinken"] == ["kb:person:antony-blinken"]


def test_a_national_office_holder_by_surname_needs_their_country_in_the_report(parse):
    doc = parse("Martin said the talks had been useful.", published=dt.date(2024, 6, 1), doc_id="n")
    assert [m.entity for m in doc._.mentions if m.text == "Martin"] == ["local:person:martin@n"]
    doc = parse("Ireland sent a delegation. Martin said the talks had been useful.", published=dt.date(2024, 6, 1))
    assert [m.entity for m in doc._.mentions if m.text == "Martin"] == ["kb:person:micheal-martin"]
    # A head of state or government is still named by surname alone (the report's date decides who).
    doc = parse("Protesters marched in Lima. Boluarte said elections would be brought forward.",
                published=dt.date(2023, 1, 10))
    assert [m.entity for m in doc._.mentions if m.text == "Boluarte"] == ["kb:person:dina-boluarte"]


def test_a_role_description_resolves_by_the_reports_date_in_any_country(parse):
    text = "Dockworkers walked out on Thursday, and the Bulgarian prime minister urged talks."
    for day, holder in ((dt.date(2022, 3, 10), "kb:person:kiril-petkov"),
                        (dt.date(2023, 9, 1), "kb:person:nikolai-denkov")):
        doc = parse(text, published=day)
        assert [m.entity for m in doc._.mentions if m.label == "ROLE"] == [holder]


def test_a_states_possessive_role_description_is_the_holder_on_the_reports_date(parse):
    text = "Harbour cranes stood idle, and Bulgaria’s Prime Minister called the unions to talks."
    doc = parse(text, published=dt.date(2022, 3, 10))
    roles = [(m.text, m.entity) for m in doc._.mentions if m.label == "ROLE"]
    assert roles == [("Prime Minister", "kb:person:kiril-petkov")]
    assert "kb:BGR" in {m.entity for m in doc._.mentions}  # the state's name stays the state's mention
    # A name after the title is the mention; a former holder is nobody the date can tell.
    doc = parse("Lithuania's Foreign Minister Gabrielius Landsbergis spoke first, then Chile's former foreign "
                "minister replied.", published=dt.date(2022, 5, 2))
    assert not [m for m in doc._.mentions if m.label == "ROLE"]


def test_a_misspelt_surname_with_the_holders_own_given_name_is_that_holder(parse):
    doc = parse("Farmers blocked roads near Varna. Prime Minister Kiril Petkow said the fuel tax would fall.",
                published=dt.date(2022, 3, 10))
    assert {m.entity for m in doc._.mentions if "Petkow" in m.text} == {"kb:person:kiril-petkov"}
    # Another given name is another person, however close the surname.
    doc = parse("Farmers blocked roads near Varna. Farmer Stoyan Petkow said the fuel tax would fall.",
                published=dt.date(2022, 3, 10))
    assert "kb:person:kiril-petkov" not in {m.entity for m in doc._.mentions}


def test_a_known_body_followed_by_its_own_words_is_not_split_into_a_person(parse):
    doc = parse("The chairman of the EU Military Committee said training would expand.",
                published=dt.date(2024, 4, 20))
    assert not [m for m in doc._.mentions if m.type == "person"]


def test_names_listed_with_places_or_before_plural_place_nouns_are_places(parse):
    doc = parse("Floodwaters reached the south, and residents of Jacobabad and Larkana fled north. "
                "Referendums were held in Zaporizhzhia, Kherson, Donetsk, and Luhansk oblasts.",
                published=dt.date(2022, 10, 1))
    types = {m.text: m.type for m in doc._.mentions}
    assert types.get("Larkana") == "place" and types.get("Kherson") == "place"
    assert types.get("Luhansk oblasts") == "place"  # the province, its noun with it
    # A person coordinated with a country stays a person.
    doc = parse("Talks between Russia and Yevgeny Prigozhin stalled.", published=dt.date(2023, 3, 1))
    assert {m.text: m.type for m in doc._.mentions}["Yevgeny Prigozhin"] == "person"


def test_a_word_opening_the_sentence_is_not_a_person(parse):
    doc = parse("Aid was slow to arrive. Worldwide, from Iran to Peru, relief efforts fail.",
                published=dt.date(2022, 4, 22))
    texts = {m.text for m in doc._.mentions}
    assert "Worldwide" not in texts and {"Iran", "Peru"} <= texts


def test_a_states_ministry_in_running_text_is_that_ministry(parse):
    doc = parse("Ukraine’s foreign ministry is suspending consular services, and Russia's Defence Ministry "
                "said drills began. The deputy head of the Ukrainian military intelligence spoke too.",
                published=dt.date(2024, 4, 24))
    assert {m.entity for m in doc._.mentions} >= {"kb:UKR.MFA", "kb:RUS.MOD", "kb:UKR.HUR"}


def test_the_country_that_licenses_a_surname_may_come_later_in_the_report(parse):
    doc = parse("Blinken said the talks had been useful. He spoke at the U.S. embassy.", published=dt.date(2023, 6, 1))
    assert [m.entity for m in doc._.mentions if m.text == "Blinken"] == ["kb:person:antony-blinken"]


def test_captions_opened_by_a_label_are_not_actors_but_speaker_lines_are(parse):
    doc = parse("Hakainde Hichilema was sworn in at a stadium on Tuesday.\n"
                "Photo: Supporters of the new president gather in Lusaka before the ceremony.\n"
                "Pictured: Edgar Lungu leaving the stadium on Tuesday.\n"
                "Hichilema: \"I will serve every Zambian,\" he told the crowd.",
                published=dt.date(2021, 8, 30))
    texts = [m.text for m in doc._.mentions]
    assert "Lusaka" not in texts and "Edgar Lungu" not in texts
    assert texts.count("Hichilema") == 1 and "Hakainde Hichilema" in texts


def test_a_person_ner_took_for_a_body_is_a_person(parse):
    doc = parse("The commission's chairwoman, Palesa Ntho, said counting had finished. Ntho said the result "
                "stood.", published=dt.date(2025, 3, 10))
    by_text = {m.text: m for m in doc._.mentions}
    assert by_text["Palesa Ntho"].type == "person"
    assert by_text["Ntho"].entity == by_text["Palesa Ntho"].entity


def test_a_known_name_written_in_the_other_order_is_that_person(parse):
    doc = parse("Prime Minister Orbán Viktor told lawmakers in Budapest that the budget would be cut. "
                "In Tokyo, Kishida Fumio met the visiting delegation.", published=dt.date(2023, 3, 14))
    by_text = {m.text: m.entity for m in doc._.mentions}
    assert by_text["Orbán Viktor"] == "kb:person:viktor-orban"
    assert by_text["Kishida Fumio"] == "kb:person:fumio-kishida"
    doc = parse("Foreign Minister Szijjártó Péter flew to Ankara. Szijjártó said the deal was close.",
                published=dt.date(2023, 3, 14))
    assert {m.entity for m in doc._.mentions if "Szijj" in m.text} == {"kb:person:peter-szijjarto"}
    doc = parse("Austin Lloyd, a farmer from Iowa, said the drought had ruined his crop.", published=dt.date(2023, 3, 14))
    assert "kb:person:lloyd-austin" not in {m.entity for m in doc._.mentions}


def test_dams_pipelines_and_bridges_are_not_actors(parse):
    doc = parse("The Trans-Sahara Gas pipeline will cross Niger, officials said. Engineers warned that Trans-Sahara "
                "Gas could be delayed. The Grand Renaissance dam filled again in August, and a lorry hit the "
                "Galata Bridge.", published=dt.date(2024, 9, 2))
    texts = " | ".join(m.text for m in doc._.mentions)
    assert "Gas" not in texts and "Renaissance" not in texts and "Galata" not in texts
    assert "Niger" in texts


def test_an_outlets_own_correspondent_named_before_the_name_makes_it_the_reports_outlet(parse):
    doc = parse("Al Jazeera senior correspondent Omar Haddad, reporting from Amman, says the border stayed shut. "
                "Al Jazeera asked the ministry for comment.", published=dt.date(2024, 2, 5))
    texts = [m.text for m in doc._.mentions]
    assert "Al Jazeera" not in texts and "Omar Haddad" in texts


def test_pro_or_anti_run_onto_a_known_name_is_no_actor(parse):
    doc = parse("Prochinese lawmakers walked out. The Antiputin movement grew in Tbilisi. He warned about the "
                "Senate. The Proputin camp objected.", published=dt.date(2023, 5, 2))
    texts = [m.text for m in doc._.mentions]
    assert not any(t.startswith(("Pro", "Anti")) for t in texts)
    assert "Tbilisi" in texts
