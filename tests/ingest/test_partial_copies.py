"""Partial copies: containment of the shorter text links a truncated, re-headlined copy to its original."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline import config
from storyline.ingest.dedup import containment, partial_copies, shingles
from storyline.ingest.fetch import FetchOptions
from storyline.ingest.loaders import LoadOptions
from storyline.ingest.pipeline import iter_inputs, run_ingest
from storyline.store.db import Store

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "ukraine-war-2022-2024" / "articles.json"

EPIDEMIC = [
    "Health officials in the river province confirmed 312 new cholera cases on Thursday, the highest "
    "daily count since the outbreak was declared in March, and warned that clinics were running short of salts.",
    "The provincial health director said most of the patients came from camps on the eastern bank, where "
    "latrines had overflowed after a week of heavy rain and families were drawing water from the river.",
    "Medical charities opened two treatment centres near the ferry landing and asked the government to "
    "allow trucks carrying chlorine tablets through the checkpoints on the northern road without delay.",
    "Schools in three districts were closed until further notice, and the education ministry said lessons "
    "would resume only when the number of new cases had fallen for two consecutive weeks.",
    "A vaccination campaign covering 400,000 people is due to start next month, once doses donated by "
    "neighbouring countries arrive at the airport and are moved to cold stores in the provincial capital.",
    "Traders at the central market said sales of fish had collapsed since the first cases were reported, "
    "and several stalls selling cooked food were shut by inspectors over the weekend.",
]
ELECTION = [
    "The electoral commission said turnout in Sunday's parliamentary vote reached 61 percent, up from 54 "
    "percent four years ago, with counting expected to finish by Wednesday in most constituencies.",
    "Opposition parties accused the governing coalition of using state media to campaign, a charge the "
    "information minister rejected as baseless in a televised statement on Monday evening.",
    "Observers from a regional body said voting had been orderly in most polling stations they visited, "
    "though they noted long queues in the capital and late deliveries of ballot papers in the south.",
] + EPIDEMIC[3:4]


def ingest(store, *paths):
    return run_ingest(store, iter_inputs([str(p) for p in paths], LoadOptions(), FetchOptions()), config.defaults())


def test_containment_of_the_shorter_text():
    original = "\n\n".join(EPIDEMIC)
    copy = "\n\n".join(EPIDEMIC[:3])
    share, short = containment(copy, original, 5)
    assert share == 1.0 and short == len(shingles(copy, 5))
    assert containment(original, copy, 5) == (share, short)  # symmetric: the shorter one decides


def test_partial_copies_need_enough_shared_text():
    original = "\n\n".join(EPIDEMIC)
    other = "\n\n".join(ELECTION)  # shares one paragraph with the original, not most of it
    assert partial_copies(other, {"o": original}, 5, 0.7, 20) == []
    tiny = EPIDEMIC[0]  # contained, but too short to call a copy
    assert partial_copies(tiny, {"o": original}, 5, 0.7, 60) == []
    assert partial_copies("\n\n".join(EPIDEMIC[:4]), {"o": original}, 5, 0.7, 60) == [("o", 1.0)]


def test_truncated_reheadlined_copy_links_to_its_original(tmp_path):
    (tmp_path / "a_original.txt").write_text("\n\n".join(EPIDEMIC) + "\n")
    (tmp_path / "b_copy.txt").write_text("Cholera cases climb as rains swamp camps\n\n" + "\n\n".join(EPIDEMIC[:3]) + "\n")
    (tmp_path / "c_other.txt").write_text("\n\n".join(ELECTION) + "\n")
    with Store.open(tmp_path / "s.duckdb") as store:
        ingest(store, tmp_path)
        rows = {r["source"].split("/")[-1]: r for r in store.list_documents()}
    assert rows["b_copy.txt"]["duplicate_of"] == rows["a_original.txt"]["id"]
    assert rows["c_other.txt"]["duplicate_of"] is None
    assert rows["a_original.txt"]["duplicate_of"] is None


def test_a_later_longer_version_keeps_its_own_place(tmp_path):
    # The later report holds the whole earlier one and adds to it: an update, not a copy to fold away.
    (tmp_path / "a_first.txt").write_text("\n\n".join(EPIDEMIC[:4]) + "\n")
    (tmp_path / "b_update.txt").write_text("\n\n".join(EPIDEMIC) + "\n")
    with Store.open(tmp_path / "s.duckdb") as store:
        ingest(store, tmp_path)
        rows = {r["source"].split("/")[-1]: r for r in store.list_documents()}
    assert rows["b_update.txt"]["duplicate_of"] is None and rows["a_first.txt"]["duplicate_of"] is None


@pytest.mark.integration
def test_real_report_and_its_truncated_reheadlined_copy(tmp_path):
    if not CORPUS.exists():
        pytest.skip("../shared corpus not available")
    articles = json.loads(CORPUS.read_text(encoding="utf-8"))
    # The first long report; its copy keeps the first 60% of its paragraphs under a new headline.
    text = next(a["content"] for a in articles if len(a["content"]) > 4000 and a["content"].count("\n") >= 8)
    paragraphs = [p for p in text.split("\n") if p.strip()]
    kept = paragraphs[: max(3, int(len(paragraphs) * 0.6))]
    (tmp_path / "a_original.txt").write_text("\n\n".join(paragraphs) + "\n")
    (tmp_path / "b_copy.txt").write_text("Latest: what we know so far\n\n" + "\n\n".join(kept) + "\n")
    with Store.open(tmp_path / "s.duckdb") as store:
        summary = ingest(store, tmp_path)
        rows = {r["source"].split("/")[-1]: r for r in store.list_documents()}
    assert rows["b_copy.txt"]["duplicate_of"] == rows["a_original.txt"]["id"], summary.items
    assert rows["b_copy.txt"]["similarity"] >= 0.7  # the containment that linked them
    # The whole-document similarity alone would not have linked them.
    a, b = shingles(rows["a_original.txt"]["text"], 5), shingles(rows["b_copy.txt"]["text"], 5)
    assert len(a & b) / len(a | b) < config.defaults()["dedup"]["threshold"]


def test_a_signature_is_the_plain_minhash_of_the_shingles_with_permutations_drawn_once():
    import numpy as np
    from datasketch import MinHash

    from storyline.ingest import dedup

    text = "Floodwaters breached the dike at Lorn on Tuesday, forcing 4,000 people from their homes. " * 3
    plain = MinHash(num_perm=64, seed=1, scheme=dedup.SCHEME)
    for shingle in dedup.shingles(text, 5):
        plain.update(shingle)
    assert np.array_equal(dedup.signature(text, 5, 64), plain.hashvalues.astype(np.uint64))
    assert dedup._permutations(64) is dedup._permutations(64)
