"""Extraction across worker processes: same records as one process, and a crashing worker
reported for its document instead of hanging the run."""

from __future__ import annotations

import json
import os

import pytest

from storyline.nlp import workers


# Module-level so spawned workers can import them by name.
def _no_model() -> None:
    pass


def _fake_task(rows):
    """Stands in for the parser: a document whose text says so kills its process outright
    (as a crash in native code would); one that says so raises."""
    from storyline.nlp.pipeline import Extraction

    out = []
    for row in rows:
        if "KILL" in row["text"]:
            os._exit(9)
        if "RAISE" in row["text"]:
            out.append(workers.Failure(row["id"], "extraction failed: ValueError"))
            continue
        out.append(Extraction(doc_id=row["id"], sentences=[(0, len(row["text"]))]))
    return out


def _rows(texts):
    return [{"id": f"d{i}", "text": text, "published": None, "published_precision": None}
            for i, text in enumerate(texts)]


def test_results_come_back_in_input_order():
    rows = _rows([f"report number {i}" for i in range(11)])
    results = list(workers.extract_parallel(rows, 2, task=_fake_task, initializer=_no_model, chunk=2))
    assert [r.doc_id for r in results] == [r["id"] for r in rows]
    assert results[3].sentences == [(0, len("report number 3"))]


def _pid_task(rows):
    """Each document answered with the id of the worker process that read it (a plain record, so
    that the worker need not import the pipeline)."""
    return [workers.Failure(row["id"], str(os.getpid())) for row in rows]


def test_a_kept_pool_serves_only_the_next_run_with_the_same_workers_rules_and_environment(monkeypatch):
    rows = _rows(["one", "two"])

    def pids(keep, count=1):
        results = workers.extract_parallel(rows, count, task=_pid_task, initializer=_no_model, chunk=1, keep=keep)
        return {r.message for r in results}

    workers.keep_pools(True)
    try:
        first = pids("rules-a")
        assert pids("rules-a") == first  # the same workers, started once
        second = pids("rules-b")
        assert second != first  # other rules: fresh workers
        monkeypatch.setenv("STORYLINE_KB_OVERLAY", "elsewhere.json")
        assert pids("rules-b") != second  # another environment: fresh workers
        assert pids(None) != pids(None)  # a run that names no identity never shares its pool
        workers.keep_pools(False)
        assert pids("rules-b") != pids("rules-b")  # not kept: each run starts its own
    finally:
        workers.keep_pools(True)
        workers.close_kept()


def test_workers_started_ahead_serve_the_next_run_of_their_identity():
    rows = _rows(["one", "two", "three"])
    workers.keep_pools(False)  # (the suite keeps pools: a kept one would serve instead)
    workers.prestart(2, initializer=_no_model, keep="rules-a")
    try:
        pool = workers._WARM["pool"]
        pool.submit(os.getpid).result()
        started = set(pool._processes)  # every worker prestart spawned (a quick task may reach only one of them)
        assert workers.warm_workers(initializer=_no_model, keep="rules-a") == 2
        assert workers.warm_workers(initializer=_no_model, keep="rules-b") == 0
        results = workers.extract_parallel(rows, 2, task=_pid_task, initializer=_no_model, chunk=1, keep="rules-a")
        assert len(started) == 2 and {r.message for r in results} <= {str(pid) for pid in started}  # started ahead
        assert workers.warm_workers(initializer=_no_model, keep="rules-a") == 0  # taken by that run
        workers.prestart(2, initializer=_no_model, keep="rules-a")
        stale = workers._WARM["pool"]
        results = list(workers.extract_parallel(rows, 2, task=_pid_task, initializer=_no_model, chunk=1, keep="rules-b"))
        assert workers._WARM["pool"] is None and stale._shutdown_thread  # another identity: stopped, not used
        assert not {r.message for r in results} & {str(pid) for pid in started}
    finally:
        workers.keep_pools(True)
        workers.close_warm()
        workers.close_kept()


def test_prestart_waits_for_enough_new_reports_to_keep_every_worker_busy(monkeypatch):
    from types import SimpleNamespace

    from storyline import config
    from storyline.nlp import runner

    started = []
    monkeypatch.setattr(runner.Prestart, "start", lambda self: started.append(self.added) or setattr(self, "started", True))
    cfg = config.defaults()
    early = runner.Prestart(cfg, workers=2)
    for status in ("unchanged", "error", "added", "updated"):
        early.item(SimpleNamespace(status=status, duplicate_of=None))
    early.item(SimpleNamespace(status="added", duplicate_of="d0"))  # a copy is not read
    assert not started and early.added == 2
    for _ in range(2 * workers.CHUNK):
        early.item(SimpleNamespace(status="added", duplicate_of=None))
    assert started == [2 * workers.CHUNK]
    one = runner.Prestart(cfg, workers=1)  # one worker reads in this process: nothing to start
    for _ in range(10):
        one.item(SimpleNamespace(status="added", duplicate_of=None))
    assert one.off and not one.started


def test_a_crashing_worker_fails_its_document_only():
    texts = [f"report number {i}" for i in range(9)]
    texts[4] = "this one KILLs the worker"
    texts[7] = "this one RAISEs"
    rows = _rows(texts)
    results = list(workers.extract_parallel(rows, 2, task=_fake_task, initializer=_no_model, chunk=2))
    by_id = {r.doc_id: r for r in results}
    assert sorted(by_id) == sorted(r["id"] for r in rows)  # every document answered once
    assert len(results) == len(rows)
    failed = {doc_id for doc_id, r in by_id.items() if isinstance(r, workers.Failure)}
    assert failed == {"d4", "d7"}
    assert "stopped" in by_id["d4"].message
    from storyline.nlp.pipeline import Extraction

    assert all(isinstance(by_id[f"d{i}"], Extraction) for i in (0, 1, 2, 3, 5, 6, 8))


def test_worker_count_setting(monkeypatch):
    assert workers.resolve_workers(0) == workers.usable_cores()
    assert workers.resolve_workers(None) == workers.usable_cores() <= (os.cpu_count() or 1)
    # A process narrowed to one core (a container's quota, taskset) gets one worker, not the machine's count.
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0}, raising=False)
    assert workers.resolve_workers(0) == 1
    assert workers.resolve_workers(3) == 3
    with pytest.raises(ValueError):
        workers.resolve_workers(-1)


@pytest.mark.integration
@pytest.mark.parametrize("window", [100_000, 1_500])
def test_one_and_two_workers_give_the_same_analysis(tmp_path, window, monkeypatch):
    """Also with reports parsed in windows (a 1,500-character window cuts every example report).
    With the whole reports, chunks of one report let the seven example reports start the workers
    during ingest and be read ahead there (Prestart); with windows, the workers start after it."""
    from storyline import config
    from storyline.api import analyze
    from storyline.data import example_corpus

    cfg = config.defaults()
    cfg["model"]["window"] = window
    given = []
    if window == 100_000:
        real = workers.submit_ahead
        monkeypatch.setattr(workers, "CHUNK", 1)
        monkeypatch.setattr(workers, "submit_ahead", lambda rows, *a: given.extend(r["id"] for r in rows) or real(rows, *a))
    with example_corpus() as folder:
        one = analyze([folder], db=tmp_path / "one.duckdb", workers=1, config=cfg).to_dict()
        analysis = analyze([folder], db=tmp_path / "two.duckdb", workers=2, config=cfg)
        two = analysis.to_dict()
    assert len(given) == (len(analysis.corpus.originals()) if window == 100_000 else 0)  # all read ahead

    def comparable(data):
        data = {k: v for k, v in data.items() if k not in ("generated_at", "seconds", "run", "changes")}
        return json.loads(json.dumps(data, sort_keys=True, default=str))

    a, b = comparable(one), comparable(two)
    assert a["statements"] and a["quotes"]
    assert a == b


@pytest.mark.integration
def test_extraction_records_are_plain_and_picklable(parse):
    import pickle

    from storyline.nlp.pipeline import to_extraction

    doc = parse("The minister said on Monday that 1,200 people had left the city.", doc_id="x")
    extraction = to_extraction(doc)
    back = pickle.loads(pickle.dumps(extraction))
    assert back == extraction and back.statements


def test_a_missing_model_is_reported_before_any_worker_starts():
    from storyline.nlp.runner import _check_model

    with pytest.raises(RuntimeError, match="not installed"):
        _check_model("no_such_spacy_model_here")


def test_cli_refuses_a_negative_worker_count(tmp_path):
    from click.testing import CliRunner

    from storyline.cli import cli

    result = CliRunner().invoke(cli, ["analyze", str(tmp_path), "-o", str(tmp_path / "out"), "--workers", "-1"])
    assert result.exit_code == 2 and "--workers" in result.output


def test_a_model_of_plain_layers_keeps_torch_out_of_its_worker(tmp_path, monkeypatch):
    """thinc imports PyTorch when installed; a worker whose model has no PyTorch layer is spared it."""
    import types

    plain = tmp_path / "plain"
    (plain / "plain-1.0").mkdir(parents=True)
    (plain / "plain-1.0" / "config.cfg").write_text('[components.tok2vec.model]\n@architectures = "spacy.Tok2Vec.v2"\n')
    wrapped = tmp_path / "wrapped"
    wrapped.mkdir()
    (wrapped / "config.cfg").write_text('[components.transformer.model]\n@architectures = '
                                        '"spacy-transformers.TransformerModel.v3"\n')
    assert not workers.needs_torch(str(plain))
    assert workers.needs_torch(str(wrapped))
    assert workers.needs_torch(str(tmp_path / "no_such_model"))  # unreadable: left as it is

    fake = types.SimpleNamespace(modules={})
    monkeypatch.setattr(workers, "sys", fake)
    assert workers.keep_torch_out(str(plain)) and fake.modules == {"torch": None}
    fake.modules = {}
    assert not workers.keep_torch_out(str(wrapped)) and fake.modules == {}
    fake.modules = {"torch": object()}  # already imported: nothing to spare
    assert not workers.keep_torch_out(str(plain))
