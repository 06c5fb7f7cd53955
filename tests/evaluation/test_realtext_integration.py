"""The real-text runner on the stories annotated so far: the gold fits the corpus and dates come from file names."""

import pytest

from storyline.evaluation.gold import file_name, from_realtext
from storyline.ingest.loaders import stamp_from_identifier

pytestmark = pytest.mark.integration


def test_every_report_is_analysed_with_its_file_name_date(realtext_analyses):
    for story, (data, gold, contents, _) in realtext_analyses.items():
        files = {file_name(d["source"]): d for d in data["documents"]}
        for listed in gold["documents"]:
            # Every report is analysed, unless it repeats another one's content exactly (stored once).
            assert listed["file"] in files or any(contents[listed["file"]] == contents.get(f) for f in files), story
        for name, doc in files.items():
            assert doc["published"][:10] == stamp_from_identifier(name)[:10], (story, name)


def test_gold_spans_fit_the_corpus(realtext_analyses):
    for story, (data, gold, contents, _) in realtext_analyses.items():
        located = from_realtext(gold, data, contents)
        assert located.problems == [], story
        spans = [q["span"] for q in located.quotes] + [f["span"] for f in located.figures]
        # Spans cleaning removed are the system's misses; most of the body must survive cleaning.
        assert sum(s is not None for s in spans) >= 0.9 * len(spans), story
