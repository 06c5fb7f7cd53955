"""Storyline's Python API: ``analyze()`` does what ``storyline analyze`` does; ``load()`` reads
the latest stored analysis back without recomputing it.

    >>> import storyline
    >>> result = storyline.analyze(["reports/", "https://example.org/story.html"], db="crisis.duckdb")
    >>> for error in result.errors:          # inputs that could not be read (a warning is issued too)
    ...     print(error.source, error.message)
    >>> [c.summary for c in result.cross.conflicts]
    >>> result.write("out/")                  # analysis.json, briefing.html, briefing.md, explorer.html

Failed inputs never raise: they are listed in ``Analysis.errors`` (one ``InputError`` each,
with the input's ingest status) and announced by one ``InputWarning``; the other inputs are
stored and analysed. A store that cannot be opened raises ``StoreError``.
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the ingest and NLP stacks import slowly; reading a stored analysis needs neither
    from storyline.ingest.fetch import FetchOptions
    from storyline.ingest.loaders import LoadOptions
    from storyline.ingest.pipeline import Item, Summary

from storyline import __version__
from storyline import config as config_module
from storyline.analysis.corpus import Corpus
from storyline.analysis.run import CrossSource
from storyline.models import RawInput
from storyline.store import runs as stored_runs
from storyline.store.analysis import RunStamp
from storyline.store.db import Store, StoreError

SCHEMA_VERSION = "1.0"


class InputWarning(UserWarning):
    """Some inputs could not be read; ``Analysis.errors`` lists them."""


@dataclass
class InputError:
    """One input that could not be read, with its ingest status."""

    source: str
    """The path, URL or ``text:N`` as given."""
    status: str
    """The ingest status (``error``)."""
    message: str
    """Why, in one line."""


class Progress:
    """Callbacks a caller may pass to follow the stages; the defaults do nothing."""

    def stage(self, name: str, total: int | None = None) -> None:
        """A stage starts; ``total`` items when known."""

    def advance(self, n: int = 1) -> None:
        """One more item of the current stage is done."""

    def item(self, status: Any) -> None:
        """An input's ingest status."""


@dataclass
class Analysis:
    """The situation picture for a corpus: every record, and everything found across sources."""

    corpus: Corpus
    cross: CrossSource
    ingest: Summary | None = None
    config_hash: str = ""
    seconds: float = 0.0
    stage_seconds: dict[str, float] = field(default_factory=dict)
    run: RunStamp | None = None
    """The stored run this analysis is (None for an in-memory store that was not saved)."""
    changes: dict[str, Any] | None = None
    """What is new against the previous stored run (see ``storyline changes``); None for a first run."""
    extraction_errors: list[InputError] = field(default_factory=list)
    """Stored reports whose extraction failed in this call (left unextracted, tried again next run)."""

    @property
    def errors(self) -> list[InputError]:
        """Inputs that could not be read in this call (empty when all were read)."""
        read = [] if self.ingest is None else self.ingest.items
        return [InputError(i.source, i.status, i.message) for i in read if i.status == "error"] + self.extraction_errors

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract (docs/json-contract.md, schema/analysis.schema.json)."""
        from storyline.render.contract import to_contract

        return to_contract(self)

    def write(self, outdir: str | Path, explorer: bool = True) -> dict[str, Path]:
        """Write analysis.json, briefing.html, briefing.md and (unless ``explorer`` is False)
        explorer.html into ``outdir``; returns their paths by kind."""
        from storyline.render.briefing import render_html, render_markdown

        out = Path(outdir)
        out.mkdir(parents=True, exist_ok=True)
        data = self.to_dict()
        paths = {"json": out / "analysis.json", "html": out / "briefing.html", "md": out / "briefing.md"}
        _atomic_write(paths["json"], json.dumps(data, ensure_ascii=False, indent=1))
        _atomic_write(paths["html"], render_html(data))
        _atomic_write(paths["md"], render_markdown(data))
        if explorer:
            from storyline.render.explorer import render_explorer

            paths["explorer"] = out / "explorer.html"
            _atomic_write(paths["explorer"], render_explorer(data))
        return paths

    def summary(self) -> str:
        """One line: documents, actors, statements, conflicts and seconds."""
        from storyline.render.view import plural

        parts = [plural(len(self.corpus.documents), "document"), plural(len(self.corpus.entities), "actor"),
                 plural(len(self.corpus.statements), "statement"), plural(len(self.cross.conflicts), "conflict")]
        return ", ".join(parts) + f", {self.seconds:.1f} s"


def _atomic_write(path: Path, text: str) -> None:
    """Write via a temporary file and rename, so a reader never sees half a file.

    The temporary file is removed on any failure; one left by a killed run is overwritten
    and renamed away by the next write of the same file.
    """
    tmp = path.with_suffix(path.suffix + ".tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)


def _items(inputs: Iterable[str | Path], load: LoadOptions, fetch: FetchOptions) -> Iterable[Item]:
    """Paths, URLs and ``-`` go through the loaders; any other string is a report's text."""
    from storyline.ingest.pipeline import is_url, iter_inputs

    named: list[str] = []
    for n, value in enumerate(inputs):
        text = str(value)
        if isinstance(value, Path) or text == "-" or is_url(text) or ("\n" not in text and Path(text).exists()):
            named.append(text)
        else:
            if named:
                yield from iter_inputs(named, load, fetch)
                named = []
            # Named by content, so texts given in a later call join the store instead of replacing these.
            yield RawInput(source="text:" + hashlib.sha256(text.encode()).hexdigest()[:12], content=text)
    if named:
        yield from iter_inputs(named, load, fetch)


def analyze(
    inputs: Iterable[str | Path] = (),
    *,
    db: str | Path = ":memory:",
    config: dict | str | Path | None = None,
    fields: dict[str, str] | None = None,
    allow_private: bool = False,
    progress: Progress | None = None,
    workers: int | None = None,
    engine: str | None = None,
    address: str | None = None,
    keep_model: bool = True,
) -> Analysis:
    """Ingest ``inputs`` into the store at ``db``, extract, analyse across sources, and store the run.

    ``inputs``: paths (files, folders, bulk JSON/JSONL/CSV, feeds), URLs, ``-`` for stdin, or
    a report's text itself. ``db``: the DuckDB store (``:memory:`` keeps nothing). ``config``:
    a dict of settings, or a TOML file overriding the defaults. ``fields``: bulk-file field
    names (``text``, ``title``, ``published``...). ``allow_private``: fetch URLs on private
    networks. ``progress``: callbacks to follow the stages. ``workers``: processes that parse
    reports side by side (default: ``[model] workers``, 0 meaning one per CPU core; they are
    spawned, so a calling script keeps its top level under ``if __name__ == "__main__":``).
    ``engine``: ``"local"`` or ``"ray"`` (default ``[model] engine``): ``"ray"`` parses on Ray
    actors, on a local Ray or on the cluster at ``address``; the analysis is the same. ``keep_model``:
    keep the spaCy model loaded in this process after extraction, for the next call; ``False`` frees it
    for the cross-source stage (lower peak memory), as the command line does, whose process ends with the run.

    With an existing store only new reports are parsed and embedded. Inputs that cannot be
    read are listed in ``Analysis.errors`` with one ``InputWarning``; the rest are analysed.
    Raises ``StoreError`` when the store cannot be opened or written.
    """
    from storyline.analysis import embed
    from storyline.analysis.reuse import LinkCache
    from storyline.analysis.run import analyse, settled_heap, store_embeddings
    from storyline.ingest.fetch import FetchOptions
    from storyline.ingest.loaders import LoadOptions
    from storyline.ingest.pipeline import run_ingest
    from storyline.nlp.runner import Prestart, extract_pending

    started = time.perf_counter()
    started_at = stored_runs.now()
    progress = progress or Progress()
    cfg = config if isinstance(config, dict) else config_module.load(config)
    encoder = cfg["analysis"].get("encoder", "torch")
    embed.check(encoder)  # an encoder runtime that is not installed fails here, before any work
    embed.check_precision(cfg["analysis"].get("encoder_precision", "float32"), encoder)  # and so does a bad precision
    timings: dict[str, float] = {}
    with Store.open(db) as store:
        summary = None
        inputs = list(inputs)
        tick = time.perf_counter()
        early = None
        if inputs:
            progress.stage("ingest")
            load = LoadOptions(max_bytes=cfg["ingest"]["max_bytes"], fields=fields or {})
            fetch = FetchOptions(timeout=cfg["ingest"]["fetch_timeout"], max_bytes=cfg["ingest"]["max_bytes"],
                                 max_redirects=cfg["ingest"]["max_redirects"], allow_private=allow_private)

            early = Prestart(cfg, workers, engine, store)  # the workers load and parse while ingest runs

            def on_item(status: Any) -> None:
                progress.item(status)
                progress.advance()
                early.item(status)

            try:
                summary = run_ingest(store, _items(inputs, load, fetch), cfg, on_item, command="analyze")
            except BaseException:
                from storyline.nlp import workers as pool

                pool.close_warm()  # an ingest stopped short: the workers started ahead have no run to serve
                raise
        timings["ingest"] = time.perf_counter() - tick
        tick = time.perf_counter()
        # The sentence encoder takes seconds to import and load; do it beside the parsing.
        warm = threading.Thread(target=embed.load, args=(encoder,), daemon=True)
        warm.start()
        failed: list[InputError] = []

        def on_error(doc_id: str, message: str) -> None:
            row = store.find_document(doc_id)
            failed.append(InputError(row["source"] if row else doc_id, "error", message))

        extract_pending(store, cfg, on_doc=lambda _: progress.advance(),
                        on_total=lambda n: progress.stage("extract", n), workers=workers, on_error=on_error,
                        engine=engine, address=address, ahead=early, keep_model=keep_model)
        timings["extract"] = time.perf_counter() - tick
        tick = time.perf_counter()
        progress.stage("cross-source")
        from storyline.kb.lookup import load_kb

        with settled_heap() as settle:
            corpus = Corpus.from_store(store, load_kb())
            settle()  # the corpus lives as long as the stage: the collector's passes leave it out
            cache = store_embeddings(store, cfg, workers)
            store.pause()  # the cross-source stage computes for a while: readers may open the store
            warm.join()
            try:
                cross = analyse(corpus, cfg, cache.get, LinkCache(store))
            finally:
                cache.close()
            timings["cross-source"] = time.perf_counter() - tick
            result = Analysis(
                corpus=corpus, cross=cross, ingest=summary, config_hash=config_module.config_hash(cfg),
                seconds=time.perf_counter() - started, stage_seconds=timings, extraction_errors=failed,
            )
            previous = stored_runs.latest(store)
            result.run = stored_runs.save(store, result, started_at)
            if previous is not None:
                from storyline.store.changes import compare

                result.changes = compare(stored_runs.load_for_changes(store, previous), result, previous,
                                         result.run)
    if result.errors:
        total = len(summary.items) if summary else len(result.errors)
        warnings.warn(f"{len(result.errors)} of {total} inputs could not be read; "
                      "see Analysis.errors", InputWarning, stacklevel=2)
    return result


def load(db: str | Path, run: int | None = None) -> Analysis:
    """The stored analysis of the store at ``db`` (the latest run, or run number ``run``),
    read back without recomputing. Raises ``StoreError`` when there is none."""
    with Store.open(db, read_only=True) as store:
        stamp = stored_runs.find_run(store, run)
        if stamp is None:
            raise StoreError(f"no stored analysis in {db} (run 'storyline analyze' first)")
        result = stored_runs.load(store, stamp)
        previous = stored_runs.find_run(store, stamp.id - 1) if stamp.id > 1 else None
        if previous is not None:
            from storyline.store.changes import compare

            result.changes = compare(stored_runs.load(store, previous), result, previous, stamp)
    return result


def generated_at() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


__all__ = ["Analysis", "InputError", "InputWarning", "Progress", "StoreError", "analyze", "load",
           "SCHEMA_VERSION", "__version__"]
