"""Reuse across runs: claims built from stored block links equal claims built afresh, and an added
report recomputes only the blocks it joins."""

from __future__ import annotations

import duckdb
import numpy as np

from storyline.analysis import claims as claim_rules
from storyline.analysis.claims import group_claims
from storyline.analysis.entities import Entity
from storyline.analysis.reuse import LinkCache, group_claims as reused_claims
from storyline.models import Statement

from tests.analysis.stories import StoryBuilder

FLOOD = ("kb:MOR", "kb:ODR")  # a river flood: the region and its river authority
STRIKE = ("kb:VEL", "kb:UNI")  # a dock strike: the port city and the dockers' union


class Story(StoryBuilder):
    ENTITIES = [Entity("kb:MOR", "Moravia", "state"), Entity("kb:ODR", "Oder Authority", "organization"),
                Entity("kb:VEL", "Velmar", "state"), Entity("kb:UNI", "Dockers Union", "organization")]

    def say(self, doc: str, text: str, actors: tuple[str, ...], published: str = "2031-03-04", **kw) -> Statement:
        self.report(doc, text, published=published)
        s = Statement(doc, 0, len(text), text, "fact", kw.pop("status", "asserted"), actors=list(actors), **kw)
        self.records["statements"].append(s)
        return s


TEXTS = {
    "f1": "Floodwater from the Oder covered three villages in Moravia overnight.",
    "f2": "Three Moravian villages were flooded overnight as the Oder burst its banks.",
    "f3": "The Oder authority opened two spillways to protect the town of Brno.",
    "s1": "Dockers in Velmar walked out on Monday over pay, halting container traffic.",
    "s2": "A pay strike by Velmar dockers stopped container traffic at the port on Monday.",
    "s3": "The dockers' union said talks with the Velmar port operator would resume on Friday.",
    "s4": "Container traffic at Velmar stood still on Monday as dockers struck over wages.",
}
# Sentences about one thing point the same way; the two stories are far apart.
DIRECTIONS = {"f1": (1.0, 0.1, 0.0), "f2": (0.95, 0.2, 0.0), "f3": (0.5, 0.9, 0.0),
              "s1": (0.0, 0.1, 1.0), "s2": (0.05, 0.15, 0.97), "s3": (0.0, 0.9, 0.5), "s4": (0.02, 0.1, 0.99)}


def embed(ids, texts):
    by_text = {TEXTS[k]: v for k, v in DIRECTIONS.items()}
    out = np.array([by_text[t] for t in texts], dtype=np.float32)
    return out / np.linalg.norm(out, axis=1, keepdims=True)


def story(*docs: str) -> Story:
    built = Story()
    for n, key in enumerate(docs):
        built.say(f"{key}-{n}", TEXTS[key], FLOOD if key[0] == "f" else STRIKE, published=f"2031-03-0{1 + n % 9}")
    return built


def count_links(monkeypatch) -> list:
    calls: list = []
    original = claim_rules.link_threshold

    def counted(a, b, threshold):
        calls.append((a.text, b.text))
        return original(a, b, threshold)

    monkeypatch.setattr(claim_rules, "link_threshold", counted)
    return calls


def test_claims_from_stored_links_equal_claims_built_afresh():
    cache = LinkCache()
    for docs in (("f1", "f2", "f3", "s1", "s2"), ("f1", "f2", "f3", "s1", "s2", "s3", "s4")):
        corpus = story(*docs).corpus()
        expected = group_claims(corpus, embed, threshold=0.7)
        assert expected  # the stories do make claims
        assert reused_claims(corpus, embed, 0.7, cache=cache) == expected
        assert reused_claims(corpus, embed, 0.7, cache=cache) == expected  # all read back this time
        assert cache.computed == 0 and cache.reused > 0


def test_an_added_report_recomputes_only_the_blocks_it_joins(monkeypatch):
    cache = LinkCache()
    reused_claims(story("f1", "f2", "f3", "s1", "s2").corpus(), embed, 0.7, cache=cache)
    calls = count_links(monkeypatch)
    corpus = story("f1", "f2", "f3", "s1", "s2", "s4").corpus()
    claims = reused_claims(corpus, embed, 0.7, cache=cache)
    calls = list(calls)
    assert cache.reused >= 1 and cache.computed >= 1
    # The strike's block, which the report joins, is recomputed; the flood's links are read back.
    assert any(TEXTS["s4"] in pair for pair in calls)
    assert not any("Oder" in t for pair in calls for t in pair)
    assert claims == group_claims(corpus, embed, threshold=0.7)


def test_a_changed_statement_makes_its_blocks_stale(monkeypatch):
    cache = LinkCache()
    built = story("f1", "f2", "s1", "s2")
    reused_claims(built.corpus(), embed, 0.7, cache=cache)
    built.records["statements"][0].status = "denied"  # the flood report now denies what the other states
    calls = count_links(monkeypatch)
    corpus = built.corpus()
    claims = reused_claims(corpus, embed, 0.7, cache=cache)
    assert any(TEXTS["f1"] in pair for pair in calls)
    assert not any("Velmar" in t for pair in calls for t in pair)
    assert claims == group_claims(corpus, embed, threshold=0.7)


def test_links_kept_in_the_store_write_only_new_blocks_and_drop_gone_ones():
    con = duckdb.connect(":memory:")
    cache = LinkCache(con)
    reused_claims(story("f1", "f2", "s1", "s2").corpus(), embed, 0.7, cache=cache)
    first = dict(con.execute("SELECT id, links FROM claim_blocks").fetchall())
    assert first and cache.computed == len(first)
    corpus = story("f1", "f2", "s1", "s2", "s4").corpus()
    assert reused_claims(corpus, embed, 0.7, cache=LinkCache(con)) == group_claims(corpus, embed, threshold=0.7)
    second = dict(con.execute("SELECT id, links FROM claim_blocks").fetchall())
    kept = set(first) & set(second)
    assert kept and all(first[k] == second[k] for k in kept)  # the flood's blocks stay as they were
    assert set(first) - set(second)  # the strike's old blocks, which gained a member, are gone
    flood = story("f1", "f2").corpus()
    reused_claims(flood, embed, 0.7, cache=LinkCache(con))
    alone = duckdb.connect(":memory:")
    reused_claims(flood, embed, 0.7, cache=LinkCache(alone))
    rows = "SELECT id FROM claim_blocks ORDER BY id"
    assert con.execute(rows).fetchall() == alone.execute(rows).fetchall()  # the strike's blocks are gone


def test_a_rerun_on_unchanged_reports_scores_no_pair_in_either_stage():
    cache = LinkCache()
    corpus = story("f1", "f2", "f3", "s1", "s2").corpus()
    first = reused_claims(corpus, embed, 0.7, cache=cache)
    asked: list = []

    def counted(ids, texts):
        asked.append(len(ids))
        return embed(ids, texts)

    assert reused_claims(corpus, counted, 0.7, cache=cache) == first
    assert asked == []  # the second stage reads the scores stored with the first
