"""The briefing rendered from a contract: sections, citations, escaping and Markdown."""

import json
import re
from html.parser import HTMLParser
from importlib import resources

import jsonschema
import pytest

from storyline.render.briefing import render_html, render_markdown
from storyline.render.view import build_view, figure_value

TEXT_A = ("The ministry said 40 people died in the floods on Tuesday. "
          "Aid groups warned that <script>alert('x')</script> could happen. "
          'Click <a href="javascript:alert(1)" onerror="alert(2)">here</a> now.')
TEXT_B = "The agency put the toll at 55 on Wednesday. Officials confirmed the dam held."


def span(doc, text, needle):
    start = text.index(needle)
    return {"doc": doc, "start": start, "end": start + len(needle), "text": needle}


def contract():
    s1 = {**span("da", TEXT_A, "The ministry said 40 people died in the floods on Tuesday."), "id": "s1",
          "kind": "fact", "status": "reported", "source": "kb:X", "source_text": "The ministry", "cluster": "c1"}
    s2 = {**span("db", TEXT_B, "The agency put the toll at 55 on Wednesday."), "id": "s2", "kind": "fact",
          "status": "reported", "source": None, "source_text": "The agency", "cluster": "c1"}
    f1 = {**span("da", TEXT_A, "40 people died"), "id": "f1", "value": 40.0, "low": None, "high": None,
          "qualifier": None, "counts": "killed", "subject": None, "stage": None, "date": "2024-06-04",
          "attributed_to": "kb:X", "attributed_text": "The ministry", "status": "reported"}
    f2 = {**span("db", TEXT_B, "55"), "id": "f2", "value": 55.0, "low": None, "high": None, "qualifier": "at least",
          "counts": "killed", "subject": None, "stage": None, "date": "2024-06-05", "attributed_to": None,
          "attributed_text": "The agency", "status": "reported"}
    evil = span("da", TEXT_A, "Aid groups warned that <script>alert('x')</script> could happen.")
    return {
        "schema_version": "1.0", "generated_at": "2024-06-06T00:00:00+00:00",
        "documents": [
            {"id": "da", "source": "a.txt", "title": "Floods <b>hit</b>", "author": None, "outlet": "Delta <i>Daily</i>",
             "published": "2024-06-04", "text": TEXT_A, "removed": [{"reason": "share-widget", "text": "Share"}],
             "duplicate_of": None},
            {"id": "db", "source": "javascript:alert(3)", "title": None, "author": None, "outlet": None,
             "published": "2024-06-05", "text": TEXT_B, "removed": [], "duplicate_of": None},
        ],
        "entities": [{"id": "kb:X", "name": "Ministry <img src=x onerror=alert(4)>", "type": "organization",
                      "kb_id": None, "aliases": ["The ministry"], "roles": [],
                      "mentions": [{**span("da", TEXT_A, "The ministry")}]}],
        "quotes": [{**evil, "id": "q1", "speaker": None, "speaker_text": "Aid groups", "cue": "warn", "direct": True,
                    "via": None}],
        "figures": [f1, f2],
        "figure_tables": [{"id": "t1", "measure": "killed", "counts": "killed", "subject": None, "assessment": "evolving estimate",
                           "rows": [{"figure": "f1", "doc": "da", "value": 40.0, "low": None, "high": None, "qualifier": None,
                                     "stage": None, "date": "2024-06-04", "source": "The ministry", "text": "40"},
                                    {"figure": "f2", "doc": "db", "value": 55.0, "low": None, "high": None,
                                     "qualifier": "at least", "stage": None, "date": "2024-06-05", "source": "The agency",
                                     "text": "55"}]}],
        "statements": [s1, s2],
        "clusters": [{"id": "c1", "statements": ["s1", "s2"], "sources": ["da", "db"],
                      "corroboration": "2 independent sources", "label": s1["text"]}],
        "conflicts": [{"id": "k1", "kind": "figure", "summary": "Death toll: 40 (ministry) vs at least 55 (agency).",
                       "sides": [f1 | {"text": f1["text"]}, f2 | {"text": f2["text"]}], "assessment": "evolving estimate"}],
        "events": [], "timeline": [{"date": "2024-06-04", "precision": "day", "ref": "s1", "docs": ["da"],
                                    "kind": "statement", "text": s1["text"], "undated": False}],
        "network": {"nodes": [], "edges": []},
        "options": [], "implications": [],
    }


class Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.scripts, self.handlers, self.hrefs, self.tags = [], [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append(name)
            if name in ("href", "src"):
                self.hrefs.append(value)
        if tag == "script":
            self.scripts.append(tag)


def test_source_text_is_inert_in_html():
    html = render_html(contract())
    parser = Collector()
    parser.feed(html)
    assert len(parser.scripts) == 1  # Storyline's own inline script, nothing from the reports
    assert parser.handlers == []
    assert not any(h.lower().startswith("javascript:") for h in parser.hrefs)
    assert all(h.startswith("#") for h in parser.hrefs)
    assert "img" not in parser.tags and "b" not in parser.tags and "i" not in parser.tags
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html


def test_html_is_self_contained():
    html = render_html(contract())
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert "@import" not in html and "url(" not in html
    assert "Content-Security-Policy" in html


def test_every_section_is_present_and_every_line_cites():
    sections, citations = build_view(contract())
    assert [s.key for s in sections] == ["bottom-line", "figures", "disputed", "actors", "options",
                                        "implications", "timeline", "quotes", "sources"]
    html = render_html(contract())
    for section in sections:
        assert f'id="{section.key}"' in html
        for item in section.items:
            cites = item.cites if hasattr(item, "cites") else item.heading.cites
            assert cites, f"{section.key}: a line without evidence"
    for cite in citations.all():
        doc = {d["id"]: d for d in contract()["documents"]}[cite.doc]
        assert doc["text"][cite.start:cite.end] == cite.text


def test_citation_shows_the_sentence_and_links_to_the_full_report():
    html = render_html(contract())
    assert '<mark class="sentence">The agency put the toll at 55 on Wednesday.</mark>' in html
    assert 'href="#doc-db"' in html and 'id="doc-db"' in html


def test_markdown_has_sections_and_numbered_citations():
    md = render_markdown(contract())
    for title in ("## Bottom line", "## Key figures", "## What is disputed", "## Sources", "## Citations"):
        assert title in md
    assert "<script>" not in md and "&lt;script&gt;" in md
    assert re.search(r"^1\. .+\(d[ab], characters \d+–\d+\): “", md, re.M)


def test_empty_sections_say_so():
    data = contract()
    data["conflicts"] = []
    html = render_html(data)
    assert "do not contradict each other" in html


@pytest.mark.parametrize("row, expected", [
    ({"value": 3000.0, "qualifier": "up to"}, "up to 3,000"),
    ({"value": None, "low": 2000.0, "high": 9999.0, "qualifier": None}, "2,000–9,999"),
    ({"value": 1.5, "qualifier": None}, "1.5"),
    ({"value": None, "low": 2000.0, "high": 9999.0, "vague": True, "text": "thousands more troops"}, "thousands"),
    ({"value": None, "low": 10000.0, "high": 99999.0, "vague": True, "text": "tens of thousands of people"},
     "tens of thousands"),
    ({"value": None, "low": 200.0, "high": 999.0, "vague": True, "qualifier": "at least",
      "text": "several hundred striking dockers"}, "at least several hundred"),
])
def test_figure_values(row, expected):
    assert figure_value(row) == expected


def test_schema_accepts_the_contract_and_rejects_a_broken_one():
    schema = json.loads(resources.files("storyline.schema").joinpath("analysis.schema.json").read_text())
    jsonschema.validate(contract(), schema)
    broken = contract()
    broken["statements"][0]["status"] = "probably"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)


def test_an_implication_cites_the_sentence_it_quotes_not_every_statement_on_its_target():
    data = contract()
    quoted = span("db", TEXT_B, "The agency put the toll at 55 on Wednesday.")
    other = span("da", TEXT_A, "The ministry said 40 people died in the floods on Tuesday.")
    data["implications"] = [{"target": "kb:X", "target_name": "Delta", "text": quoted["text"], "docs": ["db", "da"],
                             "evidence": [other, quoted]}]
    sections, citations = build_view(data)
    [section] = [s for s in sections if s.key == "implications"]
    [line] = section.items
    assert [(c.doc, c.start, c.end) for c in line.cites] == [(quoted["doc"], quoted["start"], quoted["end"])]
    assert line.detail == "for Delta; 1 other statement on it in the explorer"
