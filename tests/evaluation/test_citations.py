"""Citation integrity on hand-made analyses: sound briefings pass, each kind of break is caught."""

from __future__ import annotations

import copy

from storyline.render.citations import check_briefing

A = ("Fighting closed the northern road on Friday. The relief convoy reached Arlen on Monday. "
     "Officials said the convoy carried food for 5,000 families.")
B = "The relief convoy reached Arlen on Monday. Aid groups said more trucks would follow."
C = A  # a syndicated copy of A


def _statement(sid: str, doc: str, text: str, source_text: str) -> dict:
    start = (A if doc in ("da", "dc") else B).index(text)
    return {"id": sid, "doc": doc, "start": start, "end": start + len(text), "text": text, "kind": "fact",
            "status": "asserted", "source": None, "source_text": source_text, "source_kind": "author"}


def contract() -> dict:
    doc = {"title": None, "author": None, "outlet": None, "published": "2025-03-03", "removed": [],
           "references": [], "duplicate_of": None, "similarity": None}
    statements = [_statement("s1", "da", "Fighting closed the northern road on Friday.", "author"),
                  _statement("s2", "da", "The relief convoy reached Arlen on Monday.", "author"),
                  _statement("s3", "db", "The relief convoy reached Arlen on Monday.", "author"),
                  _statement("s4", "dc", "The relief convoy reached Arlen on Monday.", "author")]
    return {
        "schema_version": "1.0", "generated_at": "2025-03-04T00:00:00+00:00",
        "documents": [{**doc, "id": "da", "source": "a.txt", "text": A},
                      {**doc, "id": "db", "source": "b.txt", "text": B},
                      {**doc, "id": "dc", "source": "c.txt", "text": C, "duplicate_of": "da"}],
        "entities": [], "quotes": [], "figures": [], "figure_tables": [], "statements": statements,
        # The label sentence is the second statement of its first report: the citation must still be it.
        "clusters": [{"id": "k1", "statements": ["s1", "s2", "s3", "s4"], "sources": ["da", "db"],
                      "corroboration": "2 independent sources", "label": "The relief convoy reached Arlen on Monday."}],
        "conflicts": [], "events": [], "timeline": [], "network": {}, "options": [], "implications": [],
    }


def test_sound_briefing_passes_in_both_formats():
    report = check_briefing(contract())
    assert report.problems == []
    assert report.lines >= 8  # bottom line and sources, each in HTML and Markdown


def test_quoted_line_citing_another_sentence_is_caught():
    data = contract()
    # The record's text is no longer what its span holds: the line quotes words no citation contains.
    data["statements"][1]["text"] = data["clusters"][0]["label"] = "The convoy reached Arlen."
    report = check_briefing(data)
    assert {(p.format, p.rule) for p in report.problems} >= {("html", "quote"), ("markdown", "quote")}
    assert report.failure_rate > 0


def test_citation_outside_its_report_is_caught():
    data = contract()
    data["statements"][0]["end"] = len(A) + 40
    data["clusters"][0]["label"] = data["statements"][0]["text"]
    rules = {p.rule for p in check_briefing(data).problems}
    assert "span" in rules


def test_source_count_must_equal_distinct_cited_reports():
    from storyline.render.citations import Report, _check, _Item

    cites = [("da", 0, 44, ""), ("db", 0, 42, ""), ("dc", 0, 44, "")]  # dc is a copy of da
    report = Report()
    _check([_Item("x", False, "47 independent sources", cites), _Item("y", False, "2 independent sources", cites)],
           "html", contract(), report)
    assert [p.rule for p in report.problems] == ["sources"] and "47" in report.problems[0].detail


def test_briefing_states_the_sources_it_cites():
    data = contract()
    data["clusters"][0]["corroboration"] = "47 independent sources, 1 hedges"
    assert check_briefing(data).problems == []
    assert all("2 independent sources, 1 hedges" in text and "47" not in text for text in _rendered(data))


def test_syndicated_copy_counts_once():
    data = copy.deepcopy(contract())
    assert not [p for p in check_briefing(data).problems if p.rule == "sources"]


def _rendered(data: dict) -> list[str]:
    from storyline.render.briefing import render_html, render_markdown

    return [render_html(data), render_markdown(data)]
