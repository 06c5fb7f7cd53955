"""The per-document stage across processes: one spaCy model per worker, plain records back.

Workers are started with the ``spawn`` method (a forked PyTorch or BLAS runtime is not safe to
use) and load the model once each. A task is a few documents; it returns each one's merged
:class:`~storyline.nlp.pipeline.Extraction` (dataclasses of plain values, never spaCy objects)
or a :class:`Failure`. Results come back in the order the documents were given, so the store
written by the one writer (the calling process) is the same with one worker or many.

A worker that dies (a crash in native code, the kernel's out-of-memory killer) breaks its pool.
The documents that were in flight are then read again one at a time in a one-worker pool, so
the one that kills its worker is named in a :class:`Failure` and the others are extracted; the
run never hangs on a dead worker.

By default each run starts its workers and stops them when it ends. A process that analyses again
and again (a service, a notebook, a test session) may call :func:`keep_pools` so that the last
run's workers, models loaded, serve the next run that needs the same workers: same count, same
model, window and rules (the pipeline key) and the same ``STORYLINE_*`` environment. A pool that
breaks, or a run that stops early, is never kept.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any

# Documents per task: enough to fill ``nlp.pipe``'s batches, few enough to balance the workers.
CHUNK = 4
# Chunks in flight per worker.
AHEAD = 4


@dataclass
class Failure:
    """A document whose extraction failed; it stays pending, so a later run tries it again."""

    doc_id: str
    message: str


def usable_cores() -> int:
    """The cores this process may run on: its affinity, which a container or ``taskset`` narrows,
    not the machine's count (more processes or threads than cores only wait for each other)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def resolve_workers(value: Any) -> int:
    """Worker processes for a setting: 0 or None means one per usable core."""
    if value in (None, 0, "0", "auto"):
        return usable_cores()
    count = int(value)
    if count < 1:
        raise ValueError(f"workers must be 1 or more (or 0 for one per core), not {value!r}")
    return count


# -- in the worker ----------------------------------------------------------------------

_STATE: dict[str, Any] = {}


def init_worker(model: str, window: int, lean: bool = True) -> None:
    """Load the model once per worker process. ``lean``: when the model needs no PyTorch, keep
    thinc from importing it (it does on import when installed): 180 MB less per worker, the same
    parse."""
    if lean:
        keep_torch_out(model)
    from storyline.nlp import pipeline

    nlp = pipeline.load(model)
    _STATE["nlp"] = nlp
    _STATE["size"] = min(window, nlp.max_length - 1)


def keep_torch_out(model: str) -> bool:
    """In a process that has not imported PyTorch, make ``import torch`` fail (thinc then runs
    without it) unless ``model`` needs it; True when it did. For a worker process only: it is for the
    rest of the process's life."""
    if "torch" in sys.modules or needs_torch(model):
        return False
    sys.modules["torch"] = None
    return True


def needs_torch(model: str) -> bool:
    """Whether a spaCy pipeline's configuration names a PyTorch-backed layer (a transformer, a
    PyTorch wrapper); True when its configuration cannot be read."""
    import importlib.util
    from pathlib import Path

    try:
        spec = importlib.util.find_spec(model)
    except (ImportError, ValueError):
        spec = None
    root = Path(spec.origin).parent if spec is not None and spec.origin else Path(model)
    configs = list(root.glob("config.cfg")) + list(root.glob("*/config.cfg"))
    if not configs:
        return True
    try:
        text = " ".join(path.read_text(encoding="utf-8", errors="replace").lower() for path in configs)
    except OSError:
        return True
    return any(word in text for word in ("torch", "transformer", "curated"))


def extract_rows(rows: list[dict[str, Any]]) -> list[Any]:
    """Extractions of ``rows`` (``id``, ``text``, ``published``...); a document whose extraction
    raises gets a Failure and the others of the task are still extracted."""
    from storyline.nlp.runner import _extract_windows

    try:
        return list(_extract_windows(_STATE["nlp"], rows, _STATE["size"]))
    except Exception as exc:  # noqa: BLE001 - reported per document, the run goes on
        if len(rows) == 1:
            return [Failure(rows[0]["id"], f"extraction failed: {type(exc).__name__}: {exc}"[:300])]
        return [result for row in rows for result in extract_rows([row])]


# -- in the writer ----------------------------------------------------------------------


# The pool kept between runs (keep_pools): its identity and the executor.
_KEPT: dict[str, Any] = {"on": False, "key": None, "pool": None}
# The pool started ahead of a run (prestart), its workers loading their models meanwhile.
_WARM: dict[str, Any] = {"key": None, "pool": None}


def _ready() -> int:
    """A task that only makes the pool start a worker process (its initializer loads the model)."""
    return os.getpid()


def prestart(workers: int, initargs: tuple = (), initializer: Callable[..., None] = init_worker,
             keep: str | None = None) -> None:
    """Start ``workers`` worker processes now, so they load their models while this process does
    other work (reading and cleaning the reports); the next :func:`extract_parallel` with the same
    identity uses them. A kept pool of that identity already serves, so none is started then; a
    kept or started pool of another identity is stopped first (one pool's workers at a time)."""
    identity = _identity(workers, initializer, initargs, keep)
    if _WARM["key"] == identity or (_KEPT["on"] and _KEPT["key"] == identity):
        return
    close_warm()
    close_kept()
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=initializer, initargs=initargs)
    for _ in range(workers):  # a spawning pool starts a process per task while none is idle
        pool.submit(_ready)
    _WARM["pool"], _WARM["key"] = pool, identity


def submit_ahead(rows: list[dict[str, Any]], task: Callable[[list[dict[str, Any]]], list[Any]] = extract_rows) -> Future | None:
    """Give a chunk of rows to the pool started ahead, before the run asks for it (the reports a
    running ingest has stored so far); None when there is no such pool or it broke."""
    pool = _WARM["pool"]
    if pool is None:
        return None
    try:
        return pool.submit(task, rows)
    except (BrokenProcessPool, RuntimeError):
        return None


def warm_workers(initargs: tuple = (), initializer: Callable[..., None] = init_worker, keep: str | None = None) -> int:
    """How many workers a pool started ahead (:func:`prestart`) for this identity, but any count, has;
    0 when none."""
    key = _WARM["key"]
    if key is not None and _WARM["pool"] is not None and key[1:] == _identity(0, initializer, initargs, keep)[1:]:
        return key[0]
    return 0


def close_warm() -> None:
    """Stop a pool started ahead (:func:`prestart`) that no run took, or keep it when pools are kept."""
    pool, _WARM["pool"], key, _WARM["key"] = _WARM["pool"], None, _WARM["key"], None
    if pool is None:
        return
    if _KEPT["on"] and _KEPT["pool"] is None:
        _KEPT["pool"], _KEPT["key"] = pool, key
    else:
        pool.shutdown(wait=True, cancel_futures=True)


def keep_pools(on: bool = True) -> None:
    """Keep (``on``) or stop keeping the last run's worker pool alive for the next run in this
    process; turning it off stops a kept pool's workers."""
    _KEPT["on"] = on
    if not on:
        close_kept()
        close_warm()


def close_kept() -> None:
    """Stop the kept pool's workers, if any (the next run starts fresh ones)."""
    pool, _KEPT["pool"], _KEPT["key"] = _KEPT["pool"], None, None
    if pool is not None:
        pool.shutdown(wait=True, cancel_futures=True)


def _identity(workers: int, initializer, initargs: tuple, keep: str) -> tuple:
    """What a kept pool must match to be reused: spawned workers read the environment and the
    rules when they start, so both are part of it."""
    environment = tuple(sorted((k, v) for k, v in os.environ.items() if k.startswith("STORYLINE_")))
    name = f"{initializer.__module__}.{initializer.__qualname__}"
    return workers, name, initargs, keep, environment


def extract_parallel(
    rows: list[dict[str, Any]],
    workers: int,
    initargs: tuple = (),
    task: Callable[[list[dict[str, Any]]], list[Any]] = extract_rows,
    initializer: Callable[..., None] = init_worker,
    chunk: int = CHUNK,
    keep: str | None = None,
    ahead: dict[str, tuple[dict[str, Any], Future, int]] | None = None,
) -> Iterator[Any]:
    """Each row's Extraction or Failure, in the order of ``rows``, computed by ``workers`` processes.

    ``task`` and ``initializer`` must be importable module-level functions (they are sent to
    spawned processes by name). ``keep``: what the workers' state depends on beyond ``initargs``
    (the pipeline key); with :func:`keep_pools` on, a pool started for the same identity is reused
    and this run's pool is kept for the next. Without it the pool ends with the run. ``ahead``: the
    rows already given to the pool started ahead (:func:`submit_ahead`), by id: ``(row, future, index
    of the row in the future's chunk)``; a row whose text or date changed since is read again."""
    identity = _identity(workers, initializer, initargs, keep) if keep is not None else None
    if ahead:
        rows = yield from _take_ahead(rows, ahead, task, chunk)
    chunks = deque(rows[at : at + chunk] for at in range(0, len(rows), chunk))
    while chunks:
        broken = yield from _drive(chunks, workers, task, initializer, initargs, identity=identity)
        if not broken:
            return
        # Read the suspects one by one, so a crash names its document.
        singles = deque([row] for part in broken for row in part)
        while singles:
            crashed = yield from _drive(singles, 1, task, initializer, initargs, ahead=1)
            for part in crashed:
                yield Failure(part[0]["id"], "extraction failed: the worker process reading this report "
                                             "stopped (crashed or was killed)")


def _take_ahead(rows: list[dict[str, Any]], ahead: dict[str, tuple[dict[str, Any], Future, int]], task, chunk: int):
    """Yield the results read ahead for ``rows``, in order (rows not read ahead are first given to the
    same workers); return the rows left to read the usual way (from the first whose chunk failed on)."""
    missing = [row for row in rows if (ahead.get(row["id"]) or (None,))[0] != row]
    for at in range(0, len(missing), chunk):  # rows the ingest did not store: given to the same workers
        part = missing[at : at + chunk]
        future = submit_ahead(part, task)
        if future is None:
            break
        ahead.update((row["id"], (row, future, index)) for index, row in enumerate(part))
    for at, row in enumerate(rows):
        early = ahead.get(row["id"])
        if early is None or early[0] != row:
            break
        try:
            results = early[1].result()
        except Exception:  # noqa: BLE001 - a broken pool: this row and the rest are read the usual way
            close_warm()
            break
        yield results[early[2]]
    else:
        at = len(rows)
    for _, future, _ in ahead.values():
        future.cancel()  # chunks read ahead for reports no longer pending (become copies of another)
    close_warm()  # kept for the next run when pools are kept, else stopped
    return rows[at:]


def _pool(workers: int, initializer, initargs: tuple, identity: tuple | None) -> ProcessPoolExecutor:
    """The kept pool when it matches ``identity``, else a new one (a kept pool that does not
    match is stopped first: one pool's workers at a time). A pool started ahead for ``identity``
    (:func:`prestart`) is taken first."""
    if identity is not None and _WARM["pool"] is not None:
        if _WARM["key"] == identity:
            pool, _WARM["pool"], _WARM["key"] = _WARM["pool"], None, None
            return pool
        close_warm()
    if identity is not None and _KEPT["on"]:
        pool = _KEPT["pool"]
        if pool is not None and _KEPT["key"] == identity:
            _KEPT["pool"], _KEPT["key"] = None, None  # taken: back only if this run ends well
            return pool
        close_kept()
    context = multiprocessing.get_context("spawn")
    return ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=initializer, initargs=initargs)


def _drive(chunks: deque, workers: int, task, initializer, initargs, ahead: int | None = None,
           identity: tuple | None = None):
    """Run ``chunks`` (consumed from the left) through one pool, yielding results in order.

    Returns the chunks that were in flight when the pool broke (empty when all finished). Up to
    ``ahead`` chunks are in flight (default four per worker): results are taken in order, so a
    long report at the head of the line holds the others' results back, and the other workers
    keep busy only while there is slack behind it."""
    ahead = ahead or AHEAD * workers
    pool = _pool(workers, initializer, initargs, identity)
    flight: deque[tuple[list, Future]] = deque()
    done = False
    try:
        while chunks or flight:
            while chunks and len(flight) < ahead:
                part = chunks.popleft()
                try:
                    flight.append((part, pool.submit(task, part)))
                except BrokenProcessPool:
                    chunks.appendleft(part)
                    return [p for p, _ in flight]
            part, future = flight[0]
            try:
                results = future.result()
            except BrokenProcessPool:
                return [p for p, _ in flight]
            flight.popleft()
            yield from results
        done = True
        return []
    finally:
        if done and identity is not None and _KEPT["on"] and _KEPT["pool"] is None:
            _KEPT["pool"], _KEPT["key"] = pool, identity
        else:
            pool.shutdown(wait=not flight, cancel_futures=True)
