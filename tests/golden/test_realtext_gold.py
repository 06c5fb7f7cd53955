"""Consistency of the real-text gold: schema, span hashes against the corpus, figure values, report references."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
REALTEXT = ROOT / "tests" / "golden" / "realtext"
CORPUS = ROOT.parent / "shared" / "corpus" / "ukraine-war-2022-2024" / "articles.json"

TOP_KEYS = {"story", "title", "split", "documents", "entities", "quotes", "figures", "statements",
            "claims", "conflicts", "timeline", "bottom_line"}
ENTITY_TYPES = {"person", "state", "organization", "igo", "place", "group"}
STATUSES = {"confirmed", "asserted", "reported", "expected", "possible", "unconfirmed", "denied", "negated"}
STANCES = {"asserts", "reports", "hedges", "denies"}
CONFLICT_KINDS = {"figure", "status", "negation", "knowledge"}

pytestmark = pytest.mark.integration


def _gold_files() -> list[Path]:
    return sorted(REALTEXT.glob("*/gold.json"))


@pytest.fixture(scope="module")
def corpus() -> dict[str, str]:
    if not CORPUS.is_file():
        pytest.skip("../shared/corpus/ukraine-war-2022-2024 is not present")
    return {record["filename"]: record["content"] for record in json.loads(CORPUS.read_text(encoding="utf-8"))}


@pytest.fixture(scope="module", params=_gold_files(), ids=lambda path: path.parent.name)
def gold(request) -> dict:
    return json.loads(request.param.read_text(encoding="utf-8"))


def _spans(gold: dict):
    """Every span object in the gold, with where it sits."""
    for i, quote in enumerate(gold["quotes"]):
        yield f"quotes[{i}]", quote["span"]
        if quote["speaker_span"] is not None:
            yield f"quotes[{i}].speaker_span", quote["speaker_span"]
    for name in ("figures", "statements"):
        for i, item in enumerate(gold[name]):
            yield f"{name}[{i}]", item["span"]
    for claim in gold["claims"]:
        for j, member in enumerate(claim["members"]):
            yield f"claims[{claim['id']}][{j}]", member["span"]
    for i, conflict in enumerate(gold["conflicts"]):
        for j, side in enumerate(conflict["sides"]):
            yield f"conflicts[{i}][{j}]", side
    for name in ("timeline", "bottom_line"):
        for i, item in enumerate(gold[name]):
            for j, span in enumerate(item["evidence"]):
                yield f"{name}[{i}][{j}]", span


def test_the_real_text_set_has_a_dev_and_a_test_story():
    splits = [json.loads(path.read_text(encoding="utf-8"))["split"] for path in _gold_files()]
    assert "dev" in splits and "test" in splits


def test_schema_keys_and_labels(gold):
    assert set(gold) == TOP_KEYS
    assert gold["split"] in {"dev", "test"}
    assert gold["story"] and gold["title"]
    for entity in gold["entities"]:
        assert set(entity) == {"name", "type", "kb_id", "also", "docs"}
        assert entity["type"] in ENTITY_TYPES, entity["name"]
        assert entity["docs"], entity["name"]
    names = [entity["name"] for entity in gold["entities"]]
    assert len(names) == len(set(names)), "an entity is listed twice"
    for quote in gold["quotes"]:
        assert set(quote) == {"span", "speaker", "speaker_span", "direct"}
        assert quote["speaker"] is None or quote["speaker"] in names, quote["speaker"]
    for statement in gold["statements"]:
        assert statement["status"] in STATUSES
        assert statement["source"] is None or statement["source"] in names, statement["source"]
    for claim in gold["claims"]:
        assert {member["stance"] for member in claim["members"]} <= STANCES, claim["id"]
    for conflict in gold["conflicts"]:
        assert conflict["kind"] in CONFLICT_KINDS and len(conflict["sides"]) == 2
    assert 3 <= len(gold["bottom_line"]) <= 6
    claim_ids = {claim["id"] for claim in gold["claims"]}
    assert len(claim_ids) == len(gold["claims"]), "a claim id is used twice"
    for line in gold["bottom_line"]:
        assert line["claim"] is None or line["claim"] in claim_ids
        assert line["evidence"]


def test_figures_have_a_value_or_a_range(gold):
    names = {entity["name"] for entity in gold["entities"]}
    for figure in gold["figures"]:
        assert set(figure) == {"span", "value", "low", "high", "counts", "subject", "attributed_to", "date"}
        assert figure["value"] is not None or figure["low"] is not None or figure["high"] is not None, figure
        assert figure["counts"], figure
        for key in ("subject", "attributed_to"):
            assert figure[key] is None or figure[key] in names, figure[key]


def test_documents_exist_and_match_the_corpus(gold, corpus):
    for document in gold["documents"]:
        content = corpus.get(document["file"])
        assert content is not None, document["file"]
        assert hashlib.sha1(content.encode("utf-8")).hexdigest()[:12] == document["sha1"], document["file"]


def test_every_span_hash_matches_the_corpus_text(gold, corpus):
    listed = {document["file"] for document in gold["documents"]}
    for where, span in _spans(gold):
        assert span["file"] in listed, f"{where}: {span['file']} is not among the story's documents"
        content = corpus[span["file"]]
        assert 0 <= span["start"] < span["end"] <= len(content), where
        text = content[span["start"]:span["end"]]
        assert text == text.strip(), f"{where}: span has surrounding whitespace"
        assert hashlib.sha1(text.encode("utf-8")).hexdigest()[:8] == span["h"], f"{where}: hash drift"


def test_references_stay_inside_the_story(gold):
    listed = {document["file"] for document in gold["documents"]}
    for entity in gold["entities"]:
        assert set(entity["docs"]) <= listed, entity["name"]
    for claim in gold["claims"]:
        reports = {member["span"]["file"] for member in claim["members"]}
        assert reports <= listed, f"claim {claim['id']} cites a report outside the story"
        assert len(reports) >= 2, f"claim {claim['id']} is backed by fewer than two reports"
    for conflict in gold["conflicts"]:
        assert {side["file"] for side in conflict["sides"]} <= listed, conflict["label"]
    for quote in gold["quotes"]:
        if quote["speaker_span"] is not None:
            assert quote["speaker_span"]["file"] == quote["span"]["file"]
