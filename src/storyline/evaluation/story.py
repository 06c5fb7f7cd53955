"""Strict scores of the story-level output: conflicts, claims (clusters), timeline, bottom line, options.

Each output item is matched one-to-one to a gold item through the report spans they stand on
(see ``strict.py`` for the rules); every output item is a true or a false positive.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from storyline.evaluation.gold import Gold, Span
from storyline.evaluation.strict import Score, Share, _record_overlap, _tally, match, overlap


def _spans_of(records: Iterable[dict[str, Any]]) -> list[tuple[str, int, int]]:
    return [(r["doc"], r["start"], r["end"]) for r in records if r.get("doc") is not None]


def _best_overlaps(gold_spans: list[Span | None], output_spans: list[tuple[str, int, int]]) -> int:
    """How many gold spans are hit, each by a different output span."""
    return len(match(gold_spans, output_spans, lambda g, o: (n,) if (n := overlap(g, *o)) else None))


def conflicts(gold: Gold, data: dict[str, Any]) -> dict[str, Score]:
    if gold.conflicts is None:
        return {}
    output = data["conflicts"]

    def weigh(g: dict, c: dict) -> tuple | None:
        if c["kind"] != g["kind"]:
            return None
        sides = _spans_of(c["sides"])
        if g["sides"] is None:  # expected.json: the reports on each side
            return (1,) if g["docs"] <= {s[0] for s in sides} else None
        hit = _best_overlaps(g["sides"], sides)
        return (hit,) if hit == len(g["sides"]) else None

    return {"conflicts": _tally(len(gold.conflicts), len(output), len(match(gold.conflicts, output, weigh)))}


def claims(gold: Gold, data: dict[str, Any]) -> dict[str, Score]:
    """A cluster is the gold claim when its statements hit members of it in at least two reports."""
    if gold.claims is None:
        return {}
    statements_ = {s["id"]: s for s in data["statements"]}
    output = [_spans_of(statements_[i] for i in c["statements"] if i in statements_) for c in data["clusters"]]

    def weigh(g: dict, spans: list) -> tuple | None:
        hits = match(g["members"], spans, lambda m, o: (n,) if (n := overlap(m, *o)) else None)
        reports = {g["members"][i][0] for i in hits}
        return (len(reports), len(hits)) if len(reports) >= 2 else None

    scores = {"claims": _tally(len(gold.claims), len(output), len(match(gold.claims, output, weigh)))}
    scores.update(claim_purity(gold.claims, output))
    return scores


def claim_purity(gold_claims: list[dict], clusters: list[list[tuple[str, int, int]]]) -> dict[str, Share]:
    """How many members of each cluster express the cluster's claim.

    A member expresses a gold claim when its span overlaps one of that claim's member spans; a
    cluster's claim is the gold claim most of its members express (clusters that express none are
    not judged). ``claim_purity`` counts only the members that express some gold claim, so it measures
    claims mixed with each other; ``claim_purity_all`` also counts every other member against the
    cluster, which is right where the gold lists every member of a claim and a lower bound where it
    misses some.
    """
    judged, every = Share(), Share()
    for spans in clusters:
        if len(spans) < 2:
            continue
        expresses = [{i for i, g in enumerate(gold_claims) if any(overlap(m, *o) for m in g["members"])}
                     for o in spans]
        votes = [i for claims_ in expresses for i in claims_]
        if not votes:
            continue
        claim = max(sorted(set(votes)), key=votes.count)
        agree = sum(claim in claims_ for claims_ in expresses)
        judged.add(Share(tp=agree, fp=sum(bool(c) for c in expresses) - agree))
        every.add(Share(tp=agree, fp=len(spans) - agree))
    return {"claim_purity": judged, "claim_purity_all": every}


def timeline_pairs(gold: Gold, output: list[dict[str, Any]], data: dict[str, Any]) -> dict[int, int]:
    """Gold timeline items paired one-to-one with the ``output`` entries: an entry matches when its record
    lies on the gold evidence and its date agrees to the gold's precision."""
    refs = {r["id"]: r for r in data["statements"] + data["events"]}

    def weigh(g: dict, entry: dict) -> tuple | None:
        record = refs.get(entry["ref"])
        if record is None or not str(entry.get("date") or "").startswith(g["date"]):
            return None
        n = max((_record_overlap(span, record) for span in g["evidence"]), default=0)
        return (n,) if n else None

    return match(gold.timeline or [], output, weigh)


def chronology(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The timeline entries not marked ``forecast`` or ``background``."""
    return [e for e in data["timeline"] if e.get("category", "happened") == "happened"]


def timeline(gold: Gold, data: dict[str, Any]) -> dict[str, Score]:
    """Entries paired with the gold by ``timeline_pairs``.

    ``timeline`` counts every entry the timeline shows. ``timeline_chronology`` counts only the
    entries not marked ``forecast`` or ``background`` (the gold leaves out scheduled items and history
    before the story); a gold happening marked either way is a miss there."""
    if gold.timeline is None:
        return {}
    scores = {}
    for name, output in (("timeline", data["timeline"]), ("timeline_chronology", chronology(data))):
        scores[name] = _tally(len(gold.timeline), len(output), len(timeline_pairs(gold, output, data)))
    return scores


def _evidence_match(items: list[dict], output: list[list[tuple[str, int, int]]], name: str) -> dict[str, Score]:
    def weigh(g: dict, spans: list) -> tuple | None:
        n = max((overlap(e, *o) for e in g["evidence"] for o in spans), default=0)
        return (n,) if n else None

    return {name: _tally(len(items), len(output), len(match(items, output, weigh)))}


def bottom_line(gold: Gold, data: dict[str, Any]) -> dict[str, Score]:
    """The briefing's bottom-line lines, judged by the sentences they cite."""
    if gold.bottom_line is None:
        return {}
    from storyline.render.view import build_view

    sections, _ = build_view(data)
    lines = next(s for s in sections if s.key == "bottom-line").items
    output = [[(c.doc, c.start, c.end) for c in line.cites] for line in lines]
    return _evidence_match(gold.bottom_line, output, "bottom_line")


def options(gold: Gold, data: dict[str, Any]) -> dict[str, Score]:
    if gold.options is None:
        return {}
    return _evidence_match(gold.options, [_spans_of(o["evidence"]) for o in data["options"]], "options")
