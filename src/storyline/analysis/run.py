"""The cross-source stage: every analysis over the corpus's stored records, in dependency order."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from storyline.analysis import clusters as clustering
from storyline.analysis.corpus import Corpus
from storyline.analysis.embed import EmbeddingCache
from storyline.analysis.prop_wording import PropWordings
from storyline.models import BottomLine, Cluster, Conflict, Edge, FigureTable, Implication, Option, TimelineEntry


@dataclass
class CrossSource:
    """Everything the cross-source stage finds."""

    clusters: list[Cluster] = field(default_factory=list)
    figure_tables: list[FigureTable] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)
    """Dated happenings in date order (the chronology)."""
    forecasts: list[TimelineEntry] = field(default_factory=list)
    """What the reports expect or schedule, dated, kept off the chronology."""
    background: list[TimelineEntry] = field(default_factory=list)
    """History the reports recall (well before them, or known only to its year)."""
    edges: list[Edge] = field(default_factory=list)
    network: dict[str, Any] = field(default_factory=dict)
    options: list[Option] = field(default_factory=list)
    implications: list[Implication] = field(default_factory=list)
    bottom_line: list[BottomLine] = field(default_factory=list)
    """The briefing's lead: claims of fact ranked by corroboration and salience, then commentary."""
    graph: Any = None
    """The actor network as a networkx MultiDiGraph (for GraphML export)."""


def analyse(corpus: Corpus, config: dict, embeddings=None, links=None) -> CrossSource:
    """Run clustering, then figures and conflicts, timeline, network and options.

    ``embeddings(ids, texts)`` returns unit vectors; by default the store's cache is used
    by the caller passing ``EmbeddingCache(store).get``. ``links``: a ``reuse.LinkCache`` holding
    the claim blocks' links of earlier runs (kept in memory for this run when not given); the
    conflicts' judged pairs are kept in its store too.
    """
    from storyline.analysis import (
        bottomline, claims, conflicts, figures, implications, network, options, reuse, timeline,
    )

    settings = config["analysis"]
    result = CrossSource()
    # The groups as built are what the conflicts compare; the claims shown keep a statement's denials apart.
    groups = reuse.group_claims(
        corpus, embeddings, settings["cluster_threshold"], settings["block_window"], links
    ) if embeddings is not None else []
    result.clusters = claims.shown_claims(corpus, groups)
    member_of = {sid: c.id for c in result.clusters for sid in c.statements}
    for statement in corpus.statements:
        statement.cluster = member_of.get(clustering.statement_id(statement))
    result.figure_tables = figures.build_figure_tables(corpus)
    # Pairs of propositions judged in an earlier run on this store are read back (``reuse.JudgedPairs``).
    judged = reuse.JudgedPairs(links.store) if links is not None else None
    # And so are the readings of single sentences (``reuse.TextChecks``): an added report reads only its own.
    checks = reuse.TextChecks(links.store) if links is not None else None
    # So are the statements' wordings (``prop_wording``): an added report derives only its own.
    if links is not None and corpus.wordings is None:
        corpus.wordings = PropWordings(links.store)
    result.conflicts = conflicts.find_conflicts(corpus, result.figure_tables, groups,
                                                conflict_vectors(embeddings), judged, checks)
    if judged is not None:
        judged.save()
        checks.save()
    if corpus.wordings is not None:
        corpus.wordings.save()
    result.timeline, result.forecasts, result.background = timeline.split_timeline(timeline.build_timeline(corpus))
    result.graph, result.edges = network.build_network(corpus)
    result.network = network.to_json(result.edges, corpus)
    result.options = options.find_options(corpus)
    result.implications = implications.find_implications(corpus)
    result.bottom_line = bottomline.bottom_line(corpus, result.clusters, result.conflicts, result.figure_tables)
    return result


@contextmanager
def settled_heap() -> Iterator[Callable[[], None]]:
    """Within it, the objects made before it (the models, the store) and those made before each call of
    the function it gives (the corpus, once read) are left out of the garbage collector's passes.

    The cross-source stage holds the whole corpus's records while it makes many short-lived objects: each
    full pass of the collector walks every live object, so on a large store those passes cost a
    recomputation's share of an added report's time though they free nothing of the corpus. Objects
    made meanwhile are collected as usual; on leaving, the frozen ones are the collector's again."""
    gc.freeze()
    try:
        yield gc.freeze
    finally:
        gc.unfreeze()


def conflict_vectors(embeddings):
    """What the conflicts read their clauses' vectors from: a store's cache (``EmbeddingCache.get``) as
    ``EmbeddingCache.lazy`` rows, so that only the clauses a matched pair compares are encoded (the conflicts
    name every clause of a candidate pair, and compare about one in ten); any other function as it is."""
    cache = getattr(embeddings, "__self__", None)
    if isinstance(cache, EmbeddingCache) and embeddings == cache.get:
        return cache.lazy
    return embeddings


def store_embeddings(store, config: dict | None = None, workers: int | None = None) -> EmbeddingCache:
    """The store's embedding cache, encoding with the runtime ``[analysis] encoder`` names on as many
    cores as the run's parsing workers (``workers``, default ``[model] workers``, 0 meaning one per
    core): intra-op threads, or encoder processes where ``[analysis] encoder_processes`` asks; at the
    precision ``[analysis] encoder_precision`` names. The caller closes it."""
    from storyline.nlp.workers import resolve_workers

    config = config or {}
    count = resolve_workers(config.get("model", {}).get("workers", 0) if workers is None else workers)
    analysis = config.get("analysis", {})
    return EmbeddingCache(store, analysis.get("encoder", "torch"), count, bool(analysis.get("encoder_processes", False)),
                          analysis.get("encoder_precision", "float32"))
