"""The embedding cache: vectors stored by text, read back in the order asked (no model loaded)."""

import duckdb
import numpy as np

from storyline.analysis.embed import DIM, MODEL_NAME, EmbeddingCache, text_key


def test_cached_vectors_come_back_in_order_for_repeated_and_respaced_texts():
    con = duckdb.connect()
    cache = EmbeddingCache(con)
    texts = ["The river rose overnight.", "Polls closed at eight.", "Dockers walked out."]
    rng = np.random.default_rng(5)
    vectors = rng.standard_normal((len(texts), DIM)).astype(np.float32)
    for text, vector in zip(texts, vectors):
        con.execute(f"INSERT INTO {EmbeddingCache.TABLE} VALUES (?, ?, ?)",
                    [text_key(text), MODEL_NAME, vector.tolist()])
    con.execute(f"INSERT INTO {EmbeddingCache.TABLE} VALUES (?, ?, ?)", ["other", "another-model", vectors[0].tolist()])
    asked = [texts[2], texts[0], "Polls  closed at\\neight.".replace("\\n", "\n"), texts[2]]
    got = cache.get(["a", "b", "c", "d"], asked)
    assert got.dtype == np.float32 and got.shape == (4, DIM)
    assert np.array_equal(got, vectors[[2, 0, 1, 2]])
    assert cache.get([], []).shape == (0, DIM)


def test_an_unknown_encoder_runtime_is_refused_with_one_line():
    import pytest

    from storyline.analysis.embed import EncoderError, check

    check("torch")
    with pytest.raises(EncoderError, match="unknown encoder 'tensorflow'"):
        EmbeddingCache(duckdb.connect(), backend="tensorflow")


def test_the_onnx_encoder_without_onnx_runtime_names_the_extra(monkeypatch):
    import sys

    import pytest

    from storyline.analysis.embed import EncoderError, check

    monkeypatch.setitem(sys.modules, "onnxruntime", None)  # an import of it now fails
    with pytest.raises(EncoderError, match=r"storyline\[onnx\]"):
        check("onnx")


def test_the_onnx_export_is_kept_in_the_cache_folder_named_by_the_weights(monkeypatch, tmp_path):
    from storyline.analysis import embed

    monkeypatch.setenv("STORYLINE_CACHE", str(tmp_path))
    path = embed.onnx_file()
    assert path.parent == tmp_path and path.name.startswith(MODEL_NAME) and path.suffix == ".onnx"
    assert embed.onnx_file() == path  # the same name on every call: exported once


def test_store_embeddings_encode_with_the_configured_runtime():
    from storyline import config
    from storyline.analysis.run import store_embeddings

    settings = config.defaults()
    assert store_embeddings(duckdb.connect(), settings).backend == settings["analysis"]["encoder"] == "torch"


def test_the_cli_stops_before_any_work_when_the_onnx_encoder_is_not_installed(monkeypatch, tmp_path):
    import sys

    from click.testing import CliRunner

    from storyline.cli import cli

    monkeypatch.setitem(sys.modules, "onnxruntime", None)
    settings = tmp_path / "onnx.toml"
    settings.write_text('[analysis]\nencoder = "onnx"\n')
    report = tmp_path / "report.txt"
    report.write_text("Dockers in the port walked out on Monday, the union said.\n")
    db = tmp_path / "store.duckdb"
    result = CliRunner().invoke(cli, ["--config", str(settings), "analyze", str(report), "-o", str(tmp_path / "out"),
                                      "--db", str(db)])
    assert result.exit_code == 2, result.output
    assert "storyline[onnx]" in result.output and "Traceback" not in result.output
    assert not db.exists()  # nothing ingested, nothing parsed


def test_a_large_encode_goes_to_the_pool_only_when_asked_and_with_cores_to_spare():
    from storyline.analysis import embed

    alone = EmbeddingCache(duckdb.connect(), processes=1, pool=True)
    alone._encoder(5000)
    assert alone.pool is None  # one core asked: never a pool
    threaded = EmbeddingCache(duckdb.connect(), processes=2)
    threaded._encoder(5000)
    assert threaded.pool is None  # no pool asked: the cores are intra-op threads here
    shared = EmbeddingCache(duckdb.connect(), processes=2, pool=True)
    small = shared._encoder(EmbeddingCache.POOL_MIN - 1)
    assert shared.pool is None and not hasattr(small, "__self__")  # a few texts: encoded here
    large = shared._encoder(EmbeddingCache.POOL_MIN)
    assert isinstance(shared.pool, embed.EncoderPool) and large == shared.pool.encode
    assert shared.pool.processes == 2 and shared.pool._pool is None  # made, not started: no encode ran
    shared.close()
    assert shared.pool is None


def test_store_embeddings_encode_on_the_run_s_workers():
    from storyline import config
    from storyline.analysis.run import store_embeddings

    settings = config.defaults()
    assert store_embeddings(duckdb.connect(), settings, workers=3).processes == 3
    settings["model"]["workers"] = 1
    assert store_embeddings(duckdb.connect(), settings).processes == 1
    assert store_embeddings(duckdb.connect(), settings).use_pool is False
    settings["analysis"]["encoder_processes"] = True
    assert store_embeddings(duckdb.connect(), settings).use_pool is True


def test_encoder_threads_are_set_for_the_block_and_restored():
    import torch

    from storyline.analysis import embed

    before = torch.get_num_threads()
    with embed.threads(1):
        assert torch.get_num_threads() == 1
    assert torch.get_num_threads() == before
    with embed.threads(None):
        assert torch.get_num_threads() == before


def test_an_encode_here_runs_on_as_many_threads_as_the_run_has_cores(monkeypatch):
    import torch

    from storyline.analysis import embed

    seen = []
    monkeypatch.setattr(embed, "encode", lambda texts, backend="torch", precision="float32": seen.append(torch.get_num_threads()))
    before = torch.get_num_threads()
    EmbeddingCache(duckdb.connect(), processes=2)._encoder(10)(["a sentence"])
    EmbeddingCache(duckdb.connect(), processes=1)._encoder(10)(["a sentence"])
    assert seen == [2, 1] and torch.get_num_threads() == before


def test_lazy_rows_encode_only_the_rows_indexed_and_read_cached_ones_at_once():
    con = duckdb.connect()
    cache = EmbeddingCache(con)
    texts = ["The river rose overnight.", "Polls closed at eight.", "Dockers walked out."]
    cached = np.eye(1, DIM, dtype=np.float32)[0]
    con.execute(f"INSERT INTO {EmbeddingCache.TABLE} VALUES (?, ?, ?)", [text_key(texts[1]), MODEL_NAME, cached.tolist()])
    encoded: list[str] = []

    def fake(batch):
        encoded.extend(batch)
        return np.full((len(batch), DIM), 0.5, dtype=np.float32)

    cache._encoder = lambda count: fake  # no model loaded
    rows = cache.lazy(["a", "b", "c"], texts)
    assert len(rows) == 3 and np.array_equal(rows[1], cached) and encoded == []
    assert float(rows[2] @ rows[1]) == 0.5 and encoded == [texts[2]]
    assert float(rows[2][0]) == 0.5 and encoded == [texts[2]]  # encoded once, then kept
    assert cache.encoded == 1 and np.array_equal(cache.get([], [texts[2]])[0], rows[2])  # and cached in the store


def test_lazy_rows_keep_their_encodes_in_memory_and_store_them_together_on_close():
    con = duckdb.connect()
    cache = EmbeddingCache(con)
    texts = ["The ferry sailed at dawn.", "Two wardens were fined.", "The ferry sailed at dawn."]
    encoded: list[str] = []

    def fake(batch):
        encoded.extend(batch)
        return np.full((len(batch), DIM), 0.25, dtype=np.float32)

    cache._encoder = lambda count: fake  # no model loaded
    rows = cache.lazy(["a", "b", "c"], texts)
    assert float(rows[0][0]) == 0.25 and float(rows[2][0]) == 0.25 and encoded == [texts[0]]  # one text, once
    assert con.execute(f"SELECT count(*) FROM {EmbeddingCache.TABLE}").fetchone()[0] == 0  # not yet written
    assert np.array_equal(cache.get([], [texts[0]])[0], rows[0]) and encoded == [texts[0]]  # but read back at once
    cache.close()
    assert con.execute(f"SELECT count(*) FROM {EmbeddingCache.TABLE}").fetchone()[0] == 1
    again = EmbeddingCache(con)
    again._encoder = lambda count: fake
    assert np.array_equal(again.lazy(["a"], texts[:1])[0], rows[0]) and encoded == [texts[0]]  # a later run reads it


def test_conflicts_read_a_store_cache_lazily_and_any_other_function_as_it_is():
    from storyline.analysis.run import conflict_vectors

    cache = EmbeddingCache(duckdb.connect())
    assert conflict_vectors(cache.get) == cache.lazy

    def plain(ids, texts):
        return np.zeros((len(texts), DIM), dtype=np.float32)

    assert conflict_vectors(plain) is plain


def test_encoder_precisions_resolve_per_runtime_and_refuse_what_cannot_run(monkeypatch):
    import pytest

    from storyline.analysis import embed

    assert embed.resolve_precision("float32") == "float32" and embed.resolve_precision("bfloat16") == "bfloat16"
    assert embed.resolve_precision("auto", "onnx") == "float32"  # the ONNX export is float32
    monkeypatch.setattr(embed, "native_bfloat16", lambda: True)
    assert embed.resolve_precision("auto") == "bfloat16"
    monkeypatch.setattr(embed, "native_bfloat16", lambda: False)
    assert embed.resolve_precision("auto") == "float32"
    with pytest.raises(embed.EncoderError, match="unknown encoder precision 'half'"):
        embed.check_precision("half")
    with pytest.raises(embed.EncoderError, match="needs the torch encoder"):
        embed.check_precision("bfloat16", "onnx")
    assert embed.model_tag("float32") == MODEL_NAME and embed.model_tag("bfloat16") != MODEL_NAME


def test_a_cache_at_another_precision_encodes_its_own_vectors_instead_of_reading_float32_ones(monkeypatch):
    from storyline.analysis import embed

    con = duckdb.connect()
    text = "The ferry union voted to strike."
    float32 = np.eye(1, DIM, dtype=np.float32)[0]
    cache = EmbeddingCache(con, precision="bfloat16")
    con.execute(f"INSERT INTO {EmbeddingCache.TABLE} VALUES (?, ?, ?)", [text_key(text), MODEL_NAME, float32.tolist()])
    asked: list[tuple[list[str], str]] = []

    def fake(texts, batch_size=64, backend="torch", precision="float32"):
        asked.append((texts, precision))
        return np.full((len(texts), DIM), 0.5, dtype=np.float32)

    monkeypatch.setattr(embed, "encode", fake)
    got = cache.get([], [text])[0]
    assert asked == [([text], "bfloat16")] and float(got[0]) == 0.5  # encoded at its precision, not read back
    assert np.array_equal(EmbeddingCache(con, precision="bfloat16").get([], [text])[0], got)  # then kept as such
