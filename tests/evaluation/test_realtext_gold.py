"""Real-text gold (offsets into raw corpus records) located in cleaned text and scored strictly."""

from __future__ import annotations

from storyline.evaluation.gold import from_realtext, locate_span, short_hash
from storyline.evaluation.realtext import as_expected, check_gold, score_story

RAW_A = ("MENU | SUBSCRIBE\n\nOfficials in Valdmark said on 3 March that the bridge reopened. "
         "The ministry said the bridge reopened after 40 days of repairs.\n\nShare this article")
CLEAN_A = ("Officials in Valdmark said on 3 March that the bridge reopened. "
           "The ministry said the bridge reopened after 40 days of repairs.")
RAW_B = "Valdmark's bridge reopened on 3 March, the transport ministry said. Repairs took 45 days."
CLEAN_B = RAW_B
CONTENTS = {"20230304T100000Z_XX_en_aaaa.txt": RAW_A, "20230305T100000Z_YY_en_bbbb.txt": RAW_B}
FA, FB = CONTENTS


def span(file: str, fragment: str, nth: int = 0) -> dict:
    content = CONTENTS[file]
    start = -1
    for _ in range(nth + 1):
        start = content.index(fragment, start + 1)
    end = start + len(fragment)
    return {"file": file, "start": start, "end": end, "h": short_hash(content[start:end])}


def analysis(**records) -> dict:
    data = {"documents": [{"id": "da", "source": f"/t/story.json#{FA}", "text": CLEAN_A, "duplicate_of": None},
                          {"id": "db", "source": f"/t/story.json#{FB}", "text": CLEAN_B, "duplicate_of": None}],
            "entities": [], "quotes": [], "figures": [], "statements": [], "clusters": [], "conflicts": [],
            "events": [], "timeline": [], "options": [], "implications": [], "figure_tables": []}
    data.update(records)
    return data


def record(doc: str, fragment: str, nth: int = 0, **fields) -> dict:
    text = CLEAN_A if doc == "da" else CLEAN_B
    start = -1
    for _ in range(nth + 1):
        start = text.index(fragment, start + 1)
    return {"doc": doc, "start": start, "end": start + len(fragment), "text": fragment, **fields}


GOLD = {
    "story": "valdmark-bridge", "split": "dev",
    "documents": [{"file": FA, "sha1": None, "published": "2023-03-04"}, {"file": FB, "sha1": None, "published": None}],
    "entities": [{"name": "Valdmark", "type": "state", "kb_id": None, "also": ["Valdmark's"], "docs": [FA, FB]}],
    "quotes": [], "figures": [
        {"span": span(FA, "40 days"), "value": 40, "low": None, "high": None, "counts": "day", "subject": None,
         "attributed_to": None, "date": None},
        {"span": span(FB, "45 days"), "value": 45, "low": None, "high": None, "counts": "day", "subject": None,
         "attributed_to": None, "date": None}],
    "statements": [],
    "claims": [{"id": "c1", "label": "the bridge reopened", "members": [
        {"span": span(FA, "the bridge reopened", 0), "stance": "reports"},
        {"span": span(FB, "Valdmark's bridge reopened on 3 March"), "stance": "reports"}]}],
    "conflicts": [{"kind": "figure", "label": "length of repairs", "sides": [span(FA, "40 days"), span(FB, "45 days")]}],
    "timeline": [{"date": "2023-03-03", "label": "bridge reopens",
                  "evidence": [span(FA, "the bridge reopened", 0), span(FB, "Valdmark's bridge reopened on 3 March")]}],
}


def test_located_span_is_the_nearest_occurrence_in_cleaned_text():
    first, second = span(FA, "the bridge reopened", 0), span(FA, "the bridge reopened", 1)
    assert locate_span(RAW_A, first["start"], first["end"], CLEAN_A) == (CLEAN_A.index("the bridge reopened"),
                                                                          CLEAN_A.index("the bridge reopened") + 19)
    at = locate_span(RAW_A, second["start"], second["end"], CLEAN_A)
    assert at[0] == CLEAN_A.rindex("the bridge reopened")


def test_removed_span_is_a_miss_not_an_error():
    gold = {**GOLD, "quotes": [{"span": span(FA, "SUBSCRIBE"), "speaker": None, "speaker_span": None, "direct": False}]}
    located = from_realtext(gold, analysis(), CONTENTS)
    assert located.quotes[0]["span"] is None and not located.problems


def test_drifted_span_is_reported():
    bad = {**span(FA, "40 days"), "h": "00000000"}
    gold = {**GOLD, "figures": [{**GOLD["figures"][0], "span": bad}]}
    assert any("hash" in p for p in check_gold(gold, CONTENTS))
    assert check_gold(GOLD, CONTENTS) == []
    assert from_realtext(gold, analysis(), CONTENTS).problems


def test_conflict_claim_and_timeline_scored_for_precision_and_recall():
    statements = [record("da", "Officials in Valdmark said on 3 March that the bridge reopened.", id="s1"),
                  record("db", "Valdmark's bridge reopened on 3 March, the transport ministry said.", id="s2"),
                  record("da", "The ministry said the bridge reopened after 40 days of repairs.", id="s3")]
    figures_ = [record("da", "40 days", value=40, low=None, high=None, qualifier=None),
                record("db", "45 days", value=45, low=None, high=None, qualifier=None)]
    right = {"id": "k1", "kind": "figure", "summary": "", "sides": [figures_[0], figures_[1]]}
    spurious = {"id": "k2", "kind": "negation", "summary": "", "sides": [statements[0], statements[1]]}
    data = analysis(statements=statements, figures=figures_, conflicts=[right, spurious],
                    clusters=[{"id": "c", "statements": ["s1", "s2"]}, {"id": "d", "statements": ["s3"]}],
                    timeline=[{"date": "2023-03-03", "ref": "s1", "docs": ["da"]},
                              {"date": "2023-03-04", "ref": "s2", "docs": ["db"]}])
    scores = score_story(data, GOLD, CONTENTS, kb_names=lambda _: [])
    assert (scores["conflicts"].tp, scores["conflicts"].fp, scores["conflicts"].fn) == (1, 1, 0)
    assert (scores["claims"].tp, scores["claims"].fp, scores["claims"].fn) == (1, 1, 0)
    # The second entry has the wrong date: a false positive, not a second hit.
    assert (scores["timeline"].tp, scores["timeline"].fp, scores["timeline"].fn) == (1, 1, 0)
    assert scores["figures"].precision == 1.0 and scores["figures"].recall == 1.0


def test_entities_per_report():
    valdmark = {"id": "local:state:valdmark", "name": "Valdmark", "type": "state", "kb_id": None,
                "aliases": ["Valdmark"], "mentions": [record("da", "Valdmark")], "roles": [], "docs": 1}
    scores = score_story(analysis(entities=[valdmark]), GOLD, CONTENTS, kb_names=lambda _: [])
    assert scores["entities"].tp == 1
    assert (scores["entity_docs"].tp, scores["entity_docs"].fn) == (1, 1)


def test_empty_analysis_has_undefined_precision_everywhere():
    scores = score_story(analysis(), GOLD, CONTENTS, kb_names=lambda _: [])
    for name in ("entities", "figures", "conflicts", "claims", "timeline"):
        assert scores[name].precision is None and scores[name].recall == 0.0, name


def test_gold_rewritten_for_the_lenient_scorer_locates_in_cleaned_text():
    expected = as_expected(analysis(), GOLD, CONTENTS)
    assert [f["text_contains"] for f in expected["figures"]] == ["40 days", "45 days"]
    assert expected["conflicts"][0]["between"] == [f"story.json#{FA}", f"story.json#{FB}"]


def test_report_repeating_another_exactly_is_scored_on_the_stored_copy():
    twin = "20230304T120000Z_XX_en_aaaa.txt"
    contents = {**CONTENTS, twin: RAW_A}
    start = RAW_A.index("40 days")
    gold = {**GOLD, "documents": GOLD["documents"] + [{"file": twin, "sha1": None, "published": None}],
            "figures": [{**GOLD["figures"][0], "span": {"file": twin, "start": start, "end": start + 7,
                                                         "h": short_hash("40 days")}}]}
    located = from_realtext(gold, analysis(), contents)
    assert located.problems == []
    assert located.figures[0]["span"] == ("da", CLEAN_A.index("40 days"), CLEAN_A.index("40 days") + 7)


def test_claim_purity_counts_members_of_other_claims_against_the_cluster():
    repairs = {"id": "c2", "label": "repairs took weeks", "members": [
        {"span": span(FA, "after 40 days of repairs"), "stance": "reports"},
        {"span": span(FB, "Repairs took 45 days"), "stance": "reports"}]}
    gold = {**GOLD, "claims": GOLD["claims"] + [repairs]}
    statements = [record("da", "Officials in Valdmark said on 3 March that the bridge reopened.", id="s1"),
                  record("db", "Valdmark's bridge reopened on 3 March, the transport ministry said.", id="s2"),
                  record("da", "The ministry said the bridge reopened after 40 days of repairs.", id="s3"),
                  record("db", "Repairs took 45 days.", id="s4")]
    mixed = {"id": "m", "statements": ["s1", "s2", "s3"]}
    unjudged = {"id": "u", "statements": ["s4"]}
    scores = score_story(analysis(statements=statements, clusters=[mixed, unjudged]), gold, CONTENTS,
                         kb_names=lambda _: [])
    # s1 and s2 express the bridge's reopening; s3 expresses the repairs claim, against the cluster.
    assert (scores["claim_purity"].tp, scores["claim_purity"].fp) == (2, 1)
    assert scores["claim_purity"].recall is None and scores["claim_purity"].f1 is None
    pure = analysis(statements=statements, clusters=[{"id": "a", "statements": ["s1", "s2"]},
                                                      {"id": "b", "statements": ["s3", "s4"]}])
    assert score_story(pure, gold, CONTENTS, kb_names=lambda _: [])["claim_purity"].precision == 1.0


def test_chronology_leaves_out_forecasts_and_background_but_the_timeline_counts_them():
    statements = [record("da", "Officials in Valdmark said on 3 March that the bridge reopened.", id="s1"),
                  record("da", "The ministry said the bridge reopened after 40 days of repairs.", id="s3")]
    entries = [{"date": "2023-03-03", "ref": "s1", "docs": ["da"], "category": "background"},
               {"date": "2023-03-09", "ref": "s3", "docs": ["da"], "category": "forecast"}]
    scores = score_story(analysis(statements=statements, timeline=entries), GOLD, CONTENTS, kb_names=lambda _: [])
    assert (scores["timeline"].tp, scores["timeline"].fp, scores["timeline"].fn) == (1, 1, 0)
    # The gold happening was marked background: the chronology misses it and shows nothing.
    assert (scores["timeline_chronology"].tp, scores["timeline_chronology"].fp,
            scores["timeline_chronology"].fn) == (0, 0, 1)


def test_timeline_errors_name_the_misdated_entry_beside_the_miss():
    from storyline.evaluation.errors import timeline_errors
    from storyline.evaluation.strict import Names

    statements = [record("da", "Officials in Valdmark said on 3 March that the bridge reopened.", id="s1"),
                  record("da", "The ministry said the bridge reopened after 40 days of repairs.", id="s3")]
    data = analysis(statements=statements,
                    timeline=[{"date": "2023-03-02", "ref": "s1", "docs": ["da"], "category": "happened",
                               "text": statements[0]["text"]},
                              {"date": "2023-03-04", "ref": "s3", "docs": ["da"], "category": "background",
                               "text": statements[1]["text"]}])
    located = from_realtext(GOLD, data, CONTENTS)
    got = timeline_errors(located, data, Names(data, lambda _: []))
    assert [(e["kind"], e.get("gold") or e.get("output")) for e in got] == [
        ("miss", "2023-03-03"), ("false", "2023-03-02"), ("false", "2023-03-04")]
    assert got[0]["label"] == "bridge reopens" and got[0]["near"] == ["2023-03-02 happened"]
