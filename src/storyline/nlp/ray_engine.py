"""The per-document stage on a Ray cluster (optional: ``pip install 'storyline[ray]'``).

The documents to extract become a Ray Data dataset; ``map_batches`` runs them through a pool of
actors, each holding one spaCy pipeline loaded once, and every document comes back as plain
records (a pickled :class:`~storyline.nlp.pipeline.Extraction`, never spaCy objects) in the
order it was given. The calling process stays the store's one writer, exactly as with local
worker processes, so the store holds the same records whichever engine extracted them.

With no address a local Ray is started for the run and shut down after it; with an address
(``ray://head:10001`` or ``auto``) the run joins that cluster and leaves it running. Every node
needs Storyline and its English pipeline installed (the same ``pip install``), because each
actor loads the model on its own node.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterator
from typing import Any

from storyline.nlp import workers as local


class EngineError(Exception):
    """Ray is missing or the cluster cannot be reached; the message is one line for the user."""


def _ray():
    try:
        import ray
        import ray.data  # noqa: F401 - the Data library is a separate extra of Ray
    except ImportError:
        raise EngineError("the Ray engine needs Ray: pip install 'storyline[ray]'") from None
    return ray


class _Extractor:
    """One Ray actor: loads the pipeline once, then extracts batches of documents."""

    def __init__(self, model: str, window: int) -> None:
        local.init_worker(model, window, lean=False)  # a Ray actor's process is Ray's: its imports are left alone

    def __call__(self, batch: dict[str, Any]) -> dict[str, list]:
        rows = [pickle.loads(blob) for blob in batch["row"]]
        results = local.extract_rows(rows)
        return {"doc_id": [r.doc_id for r in results],
                "result": [pickle.dumps(r, protocol=pickle.HIGHEST_PROTOCOL) for r in results]}


def extract_ray(rows: list[dict[str, Any]], workers: int, initargs: tuple, address: str | None = None,
                chunk: int = local.CHUNK) -> Iterator[Any]:
    """Each row's Extraction or Failure, in the order of ``rows``, computed by ``workers`` Ray actors."""
    ray = _ray()
    started_here = not ray.is_initialized()
    if started_here:
        try:
            if address:
                ray.init(address=address, log_to_driver=False)
            else:
                ray.init(num_cpus=workers, include_dashboard=False, log_to_driver=False)
        except Exception as exc:  # noqa: BLE001 - ConnectionError, RuntimeError... one line for the user
            raise EngineError(f"cannot start or reach Ray{f' at {address}' if address else ''}: "
                              f"{str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__}") from None
    try:
        context = ray.data.DataContext.get_current()
        context.execution_options.preserve_order = True
        context.enable_progress_bars = False
        dataset = ray.data.from_items([{"row": pickle.dumps(row, protocol=pickle.HIGHEST_PROTOCOL)} for row in rows])
        results = dataset.map_batches(_Extractor, fn_constructor_args=initargs, batch_size=chunk,
                                      concurrency=workers, num_cpus=1, batch_format="numpy")
        for row in results.iter_rows():
            yield pickle.loads(row["result"])
    finally:
        if started_here:
            ray.shutdown()
