"""Storyline's Python API: ``analyze()`` does what ``storyline analyze`` does.

    >>> import storyline
    >>> result = storyline.analyze(["reports/", "https://example.org/story.html"])
    >>> [c.summary for c in result.cross.conflicts]
    >>> result.write("out/")          # analysis.json, briefing.html, briefing.md
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from storyline import __version__
from storyline import config as config_module
from storyline.analysis.corpus import Corpus
from storyline.analysis.embed import model as embedding_model
from storyline.analysis.run import CrossSource, analyse, store_embeddings
from storyline.ingest.fetch import FetchOptions
from storyline.ingest.loaders import LoadOptions
from storyline.ingest.pipeline import Item, Summary, is_url, iter_inputs, run_ingest
from storyline.models import RawInput
from storyline.nlp.runner import extract_pending
from storyline.store.db import Store

SCHEMA_VERSION = "1.0"


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

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract (docs/json-contract.md, schema/analysis.schema.json)."""
        from storyline.render.contract import to_contract

        return to_contract(self)

    def write(self, outdir: str | Path) -> dict[str, Path]:
        """Write analysis.json, briefing.html and briefing.md into ``outdir``."""
        from storyline.render.briefing import render_html, render_markdown

        out = Path(outdir)
        out.mkdir(parents=True, exist_ok=True)
        data = self.to_dict()
        paths = {"json": out / "analysis.json", "html": out / "briefing.html", "md": out / "briefing.md"}
        _atomic_write(paths["json"], json.dumps(data, ensure_ascii=False, indent=1))
        _atomic_write(paths["html"], render_html(data))
        _atomic_write(paths["md"], render_markdown(data))
        return paths

    def summary(self) -> str:
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
    named: list[str] = []
    for n, value in enumerate(inputs):
        text = str(value)
        if isinstance(value, Path) or text == "-" or is_url(text) or ("\n" not in text and Path(text).exists()):
            named.append(text)
        else:
            if named:
                yield from iter_inputs(named, load, fetch)
                named = []
            yield RawInput(source=f"text:{n + 1}", content=text)
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
) -> Analysis:
    """Ingest ``inputs`` (paths, URLs or report texts) into the store at ``db``, extract, and
    analyse across sources. With an existing store, only new reports are parsed and embedded."""
    started = time.perf_counter()
    progress = progress or Progress()
    cfg = config if isinstance(config, dict) else config_module.load(config)
    timings: dict[str, float] = {}
    with Store.open(db) as store:
        summary = None
        inputs = list(inputs)
        tick = time.perf_counter()
        if inputs:
            progress.stage("ingest")
            load = LoadOptions(max_bytes=cfg["ingest"]["max_bytes"], fields=fields or {})
            fetch = FetchOptions(timeout=cfg["ingest"]["fetch_timeout"], max_bytes=cfg["ingest"]["max_bytes"],
                                 max_redirects=cfg["ingest"]["max_redirects"], allow_private=allow_private)

            def on_item(status: Any) -> None:
                progress.item(status)
                progress.advance()

            summary = run_ingest(store, _items(inputs, load, fetch), cfg, on_item, command="analyze")
        timings["ingest"] = time.perf_counter() - tick
        tick = time.perf_counter()
        # The sentence encoder takes seconds to import and load; do it beside the parsing.
        warm = threading.Thread(target=embedding_model, daemon=True)
        warm.start()
        extract_pending(store, cfg, on_doc=lambda _: progress.advance(),
                        on_total=lambda n: progress.stage("extract", n))
        timings["extract"] = time.perf_counter() - tick
        tick = time.perf_counter()
        progress.stage("cross-source")
        from storyline.kb.lookup import load_kb

        corpus = Corpus.from_store(store, load_kb())
        cache = store_embeddings(store)
        warm.join()
        cross = analyse(corpus, cfg, cache.get)
        timings["cross-source"] = time.perf_counter() - tick
    return Analysis(
        corpus=corpus, cross=cross, ingest=summary, config_hash=config_module.config_hash(cfg),
        seconds=time.perf_counter() - started, stage_seconds=timings,
    )


def generated_at() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


__all__ = ["Analysis", "Progress", "analyze", "SCHEMA_VERSION", "__version__"]
