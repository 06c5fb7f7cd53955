"""The strict scorer on small hand-made analyses with known answers: each leniency of the first scorer is gone."""

from __future__ import annotations

import pytest

from storyline.evaluation import score, score_lenient
from storyline.evaluation.strict import Score, match

TEXT_A = ('The port authority said 1,200 containers were stranded. "We cannot move anything," '
          'harbour master Ilse Varga said, "until the cranes are repaired." Officials in Valdmark confirmed the closure.')
TEXT_B = "Valdmark's ministry put the number of stranded containers at 900. Ilse Varga said work would resume on Monday."


def no_kb(_: str) -> list[str]:
    return []


def at(text: str, fragment: str) -> tuple[int, int]:
    start = text.index(fragment)
    return start, start + len(fragment)


def analysis(**records) -> dict:
    """A minimal JSON contract with two reports and whatever records the test gives."""
    data = {
        "documents": [{"id": "da", "source": "/x/a.txt", "text": TEXT_A, "duplicate_of": None},
                      {"id": "db", "source": "/x/b.txt", "text": TEXT_B, "duplicate_of": None}],
        "entities": [], "quotes": [], "figures": [], "statements": [], "clusters": [], "conflicts": [],
        "events": [], "timeline": [], "options": [], "implications": [], "figure_tables": [],
    }
    data.update(records)
    return data


def entity(eid: str, name: str, *mentions: tuple[str, str], kb_id: str | None = None) -> dict:
    ms = []
    for doc, text in mentions:
        start, end = at(TEXT_A if doc == "da" else TEXT_B, text)
        ms.append({"doc": doc, "start": start, "end": end, "text": text})
    return {"id": eid, "name": name, "type": "person", "kb_id": kb_id, "aliases": [m["text"] for m in ms],
            "roles": [], "mentions": ms, "docs": len({m["doc"] for m in ms})}


def quote(doc: str, fragment: str, speaker: str | None, speaker_text: str | None, direct: bool = True) -> dict:
    start, end = at(TEXT_A if doc == "da" else TEXT_B, fragment)
    return {"doc": doc, "start": start, "end": end, "text": fragment, "speaker": speaker,
            "speaker_text": speaker_text, "direct": direct, "via": None, "via_text": None}


def figure(doc: str, fragment: str, value: float, attributed_to: str | None = None) -> dict:
    start, end = at(TEXT_A if doc == "da" else TEXT_B, fragment)
    return {"doc": doc, "start": start, "end": end, "text": fragment, "value": value, "low": None, "high": None,
            "qualifier": None, "attributed_to": attributed_to, "attributed_text": None}


def conflict(kind: str, *sides: tuple[str, str]) -> dict:
    spans = []
    for doc, fragment in sides:
        start, end = at(TEXT_A if doc == "da" else TEXT_B, fragment)
        spans.append({"doc": doc, "start": start, "end": end, "text": fragment})
    return {"id": f"c{len(sides)}{kind}", "kind": kind, "summary": "", "sides": spans}


EXPECTED = {
    "documents": [{"file": "a.txt"}, {"file": "b.txt"}],
    "entities": [{"name": "Ilse Varga", "type": "person", "surface_forms": ["Ilse Varga"]},
                 {"name": "Valdmark", "type": "state", "surface_forms": ["Valdmark"]}],
    "quotes": [{"file": "a.txt", "text_contains": "We cannot move anything", "speaker": "Ilse Varga", "direct": True},
               {"file": "a.txt", "text_contains": "until the cranes are repaired", "speaker": "Ilse Varga",
                "direct": True}],
    "figures": [{"file": "a.txt", "text_contains": "1,200 containers", "value": 1200},
                {"file": "b.txt", "text_contains": "900", "value": 900}],
    "conflicts": [{"kind": "figure", "between": ["a.txt", "b.txt"]}],
}
VARGA = entity("local:person:ilse-varga", "Ilse Varga", ("da", "Ilse Varga"), ("db", "Ilse Varga"))
VALDMARK = entity("local:state:valdmark", "Valdmark", ("da", "Valdmark"), ("db", "Valdmark"))
RIGHT_FIGURE_CONFLICT = conflict("figure", ("da", "1,200 containers"), ("db", "900"))


def test_score_has_no_precision_without_output():
    assert Score(tp=0, fp=0, fn=3).precision is None
    assert Score(tp=0, fp=0, fn=3).recall == 0.0
    assert Score(tp=0, fp=0, fn=3).f1 == 0.0
    assert Score().f1 is None


def test_empty_output_is_not_perfect():
    strict = score(analysis(), EXPECTED, kb_names=no_kb)
    assert strict["conflicts"].precision is None and strict["conflicts"].recall == 0.0
    assert strict["quotes"].precision is None and strict["quotes"].recall == 0.0
    assert strict["figures"].recall == 0.0
    # The first scorer called the same empty output perfectly precise.
    assert score_lenient(analysis(), EXPECTED)["conflicts"].precision == 1.0


def test_spurious_conflict_lowers_precision():
    spurious = conflict("status", ("da", "Officials in Valdmark confirmed the closure."),
                        ("db", "Ilse Varga said work would resume on Monday."))
    data = analysis(conflicts=[RIGHT_FIGURE_CONFLICT, spurious])
    strict = score(data, EXPECTED, kb_names=no_kb)["conflicts"]
    assert (strict.tp, strict.fp, strict.fn) == (1, 1, 0)
    assert strict.precision == 0.5
    assert score_lenient(data, EXPECTED)["conflicts"].precision == 1.0


def test_one_conflict_cannot_match_two_gold_conflicts():
    expected = {**EXPECTED, "conflicts": EXPECTED["conflicts"] * 2}
    strict = score(analysis(conflicts=[RIGHT_FIGURE_CONFLICT]), expected, kb_names=no_kb)["conflicts"]
    assert (strict.tp, strict.fp, strict.fn) == (1, 0, 1)


def test_conflict_of_the_wrong_kind_is_a_miss():
    wrong = conflict("status", ("da", "1,200 containers"), ("db", "900"))
    strict = score(analysis(conflicts=[wrong]), EXPECTED, kb_names=no_kb)["conflicts"]
    assert (strict.tp, strict.fp, strict.fn) == (0, 1, 1)


def test_a_listed_evolution_is_gold_of_its_own_kind():
    expected = {**EXPECTED, "evolutions": [{"between": ["a.txt", "b.txt"], "source": "Ilse Varga",
                                            "sides": ["Officials in Valdmark", "work would resume"]}]}
    evolution = conflict("evolution", ("da", "Officials in Valdmark confirmed the closure."),
                         ("db", "Ilse Varga said work would resume on Monday."))
    found = score(analysis(conflicts=[RIGHT_FIGURE_CONFLICT, evolution]), expected, kb_names=no_kb)["conflicts"]
    assert (found.tp, found.fp, found.fn) == (2, 0, 0)
    as_status = {**evolution, "kind": "status"}
    wrong = score(analysis(conflicts=[RIGHT_FIGURE_CONFLICT, as_status]), expected, kb_names=no_kb)["conflicts"]
    assert (wrong.tp, wrong.fp, wrong.fn) == (1, 1, 1)
    missed = score(analysis(conflicts=[RIGHT_FIGURE_CONFLICT]), expected, kb_names=no_kb)["conflicts"]
    assert (missed.tp, missed.fp, missed.fn) == (1, 0, 1)


def test_wrong_entity_with_the_right_surface_form_is_a_miss():
    # The mention "Ilse Varga" resolved to an entity that is someone else (a harbour of that name).
    wrong = entity("kb:place:varga-harbour", "Varga Harbour", ("da", "Ilse Varga"), ("db", "Ilse Varga"))
    data = analysis(entities=[wrong, VALDMARK],
                    quotes=[quote("da", "We cannot move anything", wrong["id"], "Ilse Varga")])
    strict = score(data, EXPECTED, kb_names=no_kb)
    assert (strict["entities"].tp, strict["entities"].fp, strict["entities"].fn) == (1, 1, 1)
    assert strict["quotes"].tp == 0
    # The first scorer matched the speaker by its surface text.
    assert score_lenient(data, EXPECTED)["quotes"].tp >= 1


def test_entity_by_knowledge_base_name_or_wikidata_id():
    kb_entity = entity("kb:VLD", "Republic of Valdmark", ("da", "Valdmark"), ("db", "Valdmark"))
    data = analysis(entities=[VARGA, kb_entity])
    assert score(data, EXPECTED, kb_names=lambda i: ["Valdmark"] if i == "VLD" else [])["entities"].tp == 2
    assert score(data, EXPECTED, kb_names=no_kb)["entities"].tp == 1


def test_name_that_only_contains_the_gold_name_is_not_it():
    near = entity("local:person:ilse-varga-jr", "Ilse Varga Junior", ("da", "Ilse Varga"), ("db", "Ilse Varga"))
    strict = score(analysis(entities=[near, VALDMARK]), EXPECTED, kb_names=no_kb)["entities"]
    assert strict.tp == 1 and strict.fn == 1


def test_every_output_record_counts_toward_precision():
    # A figure where no gold fragment sits is still a false positive (the first scorer never saw it).
    data = analysis(figures=[figure("da", "1,200 containers", 1200), figure("db", "900", 900),
                             figure("db", "Monday", 1)])
    strict = score(data, EXPECTED, kb_names=no_kb)["figures"]
    assert (strict.tp, strict.fp, strict.fn) == (2, 1, 0)
    assert score_lenient(data, EXPECTED)["figures"].fp == 0


def test_one_prediction_cannot_hit_two_gold_items():
    expected = {**EXPECTED, "figures": [{"file": "a.txt", "text_contains": "1,200", "value": 1200},
                                        {"file": "a.txt", "text_contains": "containers", "value": 1200}]}
    strict = score(analysis(figures=[figure("da", "1,200 containers", 1200)]), expected, kb_names=no_kb)["figures"]
    assert (strict.tp, strict.fp, strict.fn) == (1, 0, 1)


def test_two_predictions_on_one_gold_item_leave_one_false_positive():
    data = analysis(figures=[figure("da", "1,200 containers", 1200), figure("da", "1,200", 1200),
                             figure("db", "900", 900)])
    strict = score(data, EXPECTED, kb_names=no_kb)["figures"]
    assert (strict.tp, strict.fp, strict.fn) == (2, 1, 0)


def test_a_quote_split_around_its_cue_fills_one_slot_per_fragment():
    whole = ('We cannot move anything," harbour master Ilse Varga said, "until the cranes are repaired')
    data = analysis(entities=[VARGA, VALDMARK], quotes=[quote("da", whole, VARGA["id"], "Ilse Varga")])
    strict = score(data, EXPECTED, kb_names=no_kb)["quotes"]
    assert (strict.tp, strict.fp, strict.fn) == (2, 0, 0)


def test_a_long_quote_does_not_fill_two_unrelated_gold_quotes():
    expected = {**EXPECTED, "quotes": [
        {"file": "a.txt", "text_contains": "1,200 containers were stranded", "speaker": "Ilse Varga", "direct": True},
        {"file": "a.txt", "text_contains": "until the cranes are repaired", "speaker": "Ilse Varga", "direct": True}]}
    span = TEXT_A[: TEXT_A.index("repaired") + 8]
    data = analysis(entities=[VARGA, VALDMARK], quotes=[quote("da", span, VARGA["id"], "Ilse Varga")])
    strict = score(data, expected, kb_names=no_kb)["quotes"]
    assert (strict.tp, strict.fn) == (1, 1)


def test_anonymous_gold_speaker_wants_no_named_speaker():
    expected = {**EXPECTED, "quotes": [{"file": "a.txt", "text_contains": "1,200 containers were stranded",
                                        "speaker": None, "direct": False}]}
    fragment = "1,200 containers were stranded"
    named = analysis(entities=[VARGA, VALDMARK], quotes=[quote("da", fragment, VARGA["id"], "Ilse Varga", False)])
    unnamed = analysis(entities=[VARGA, VALDMARK], quotes=[quote("da", fragment, None, "The port authority", False)])
    assert score(named, expected, kb_names=no_kb)["quotes"].tp == 0
    assert score(unnamed, expected, kb_names=no_kb)["quotes"].tp == 1


def test_figure_source_matched_by_identity():
    expected = {**EXPECTED, "figures": [{"file": "b.txt", "text_contains": "900", "value": 900,
                                         "attributed_to": "Valdmark"}]}
    right = analysis(entities=[VARGA, VALDMARK], figures=[figure("db", "900", 900, VALDMARK["id"])])
    wrong = analysis(entities=[VARGA, VALDMARK], figures=[figure("db", "900", 900, VARGA["id"])])
    assert score(right, expected, kb_names=no_kb)["figure_attribution"].tp == 1
    result = score(wrong, expected, kb_names=no_kb)["figure_attribution"]
    assert (result.tp, result.fp, result.fn) == (0, 1, 1)


def test_match_prefers_a_correct_pair_over_a_larger_overlap():
    pairs = match(["g"], [("wrong", 10), ("right", 3)],
                  lambda g, o: (o[0] == "right", o[1]))
    assert pairs == {0: 1}


@pytest.mark.parametrize("category", ["entities", "quotes", "figures", "conflicts"])
def test_perfect_output_scores_one(category):
    data = analysis(entities=[VARGA, VALDMARK],
                    quotes=[quote("da", "We cannot move anything", VARGA["id"], "Ilse Varga"),
                            quote("da", "until the cranes are repaired", VARGA["id"], "Ilse Varga")],
                    figures=[figure("da", "1,200 containers", 1200), figure("db", "900", 900)],
                    conflicts=[RIGHT_FIGURE_CONFLICT])
    result = score(data, EXPECTED, kb_names=no_kb)[category]
    assert result.precision == 1.0 and result.recall == 1.0


def test_quote_speakers_ignores_only_direct_or_indirect():
    data = analysis(entities=[VARGA, VALDMARK],
                    quotes=[quote("da", "We cannot move anything", VARGA["id"], "Ilse Varga", direct=False),
                            quote("da", "until the cranes are repaired", VALDMARK["id"], "Valdmark")])
    strict = score(data, EXPECTED, kb_names=no_kb)
    assert (strict["quotes"].tp, strict["quote_speakers"].tp, strict["quote_spans"].tp) == (0, 1, 2)


def test_error_list_names_each_miss_false_output_and_wrong_label():
    from storyline.evaluation.errors import errors
    from storyline.evaluation.gold import from_expected

    wrong_speaker = quote("da", "We cannot move anything", "local:state:valdmark", "Valdmark")
    data = analysis(entities=[VARGA, VALDMARK, entity("local:person:port", "Port", ("da", "port"))],
                    quotes=[wrong_speaker, quote("da", "the closure", "local:state:valdmark", "Officials", False)],
                    figures=[figure("da", "1,200 containers", 1300)])
    got = {(e["category"], e["kind"]) for e in errors(from_expected(EXPECTED, data), data, no_kb)}
    assert got == {
        ("entities", "false"),          # "Port" is no gold actor
        ("quote_speakers", "wrong"),    # Valdmark credited with Varga's words
        ("quote_speakers", "miss"),     # the second fragment, not found
        ("quote_speakers", "false"),    # a quote gold does not list
        ("figures", "wrong"),           # 1,300 for 1,200
        ("figures", "miss"),            # 900 not found
    }
    scores = score(data, EXPECTED, no_kb)
    assert scores["entities"].fp == 1 and scores["figures"].fn == 2  # the same items the scorer counts


@pytest.mark.parametrize("split", [[], ["--split", "test"]])
def test_errors_are_never_listed_for_the_test_split(split, tmp_path, capsys):
    from storyline.evaluation.realtext import main

    assert main([str(tmp_path), *split, "--errors", str(tmp_path / "e.json")]) == 2
    assert "dev split only" in capsys.readouterr().err
    assert not (tmp_path / "e.json").exists()


def test_a_vague_quantitys_bounds_match_to_four_digits_and_no_further():
    from storyline.evaluation.strict import _value_right

    billions = {"value": None, "low": 2e9, "high": 9_999_000_000}
    assert _value_right(billions, {"value": None, "low": 2e9, "high": 9_999_999_999})
    assert not _value_right(billions, {"value": None, "low": 2e9, "high": 999e9})  # "hundreds of billions"
    assert not _value_right(billions, {"value": None, "low": 2e6, "high": 9_999_999})  # "millions"
    # An exact value keeps the strict comparison: 1,200 is not 1,201.
    assert not _value_right({"value": 1200}, {"value": 1201})


def test_a_states_body_is_the_gold_body_named_by_its_generic_name_and_state():
    from storyline.evaluation.gold import Identity
    from storyline.evaluation.strict import Names
    from storyline.kb.normalize import key

    names = Names({"entities": [{"id": "kb:KEN.MFA", "name": "Ministry of Foreign Affairs of Kenya"},
                                {"id": "kb:CHL.MOI", "name": "Ministry of Internal Affairs of Chile"}]})

    def gold(name: str) -> Identity:
        return Identity(name, frozenset({key(name)}), names=frozenset({key(name)}))

    assert names.weight(gold("Ministry of Foreign Affairs (Kenya)"), "kb:KEN.MFA") == 1
    assert names.weight(gold("Kenya's Foreign Ministry"), "kb:KEN.MFA") == 1
    # a generic name alone names no state: it is not proof of which state's body the output found
    assert names.weight(gold("Interior Ministry"), "kb:CHL.MOI") == 0
    assert names.weight(gold("Ministry of Foreign Affairs (Peru)"), "kb:KEN.MFA") == 0  # another state's
    assert names.weight(gold("Interior Ministry"), "kb:KEN.MFA") == 0  # another body
