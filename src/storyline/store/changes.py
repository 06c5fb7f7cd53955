"""What is new in one stored analysis against an earlier one: claims, corroboration, disputes,
conflicts, estimates and actors. Analysts following a story read this first.

Claims (clusters) are matched across runs by the statements they share, since a claim's id
changes when a new report joins it; conflicts by the source spans of their sides; figure
tables by their measure; actors by id.
"""

from __future__ import annotations

from typing import Any

from storyline.store.records import record_id

READS = ("clusters", "claims", "conflicts", "figure_tables")
"""The result lists ``compare`` reads of the earlier run (besides its documents and actors)."""
KINDS = ("new_claims", "corroborated", "disputed", "new_conflicts", "revised_estimates", "new_actors")
TITLES = {
    "new_claims": "New claims",
    "corroborated": "Newly corroborated",
    "disputed": "Newly disputed",
    "new_conflicts": "New conflicts",
    "revised_estimates": "Revised estimates",
    "new_actors": "New actors",
}


def _span(record: Any) -> dict[str, Any]:
    return {"doc": record.doc, "start": record.start, "end": record.end, "text": record.text}


def _claims(analysis: Any) -> list[Any]:
    """The claims of a run: its ``claims`` records where the analysis produces them (with their
    member statements), else its clusters."""
    cross = analysis.cross
    claims = [c for c in getattr(cross, "claims", None) or [] if getattr(c, "statements", None)]
    return claims or [c for c in cross.clusters if not c.id.startswith("k")]


def _members(claim: Any) -> set[str]:
    return set(getattr(claim, "statements", None) or [])


def _docs(claim: Any, name: str) -> set[str]:
    return set(getattr(claim, name, None) or [])


def compare(before: Any, after: Any, before_run: Any, after_run: Any) -> dict[str, Any]:
    """Changes from ``before`` to ``after`` (two api.Analysis objects of the same store)."""
    old_docs = set(before.corpus.documents)
    new_docs = [d for d in after.corpus.documents if d not in old_docs]
    statements = {record_id("s", s): s for s in after.corpus.statements}
    old_claims = _claims(before)
    owner: dict[str, Any] = {sid: c for c in old_claims for sid in _members(c)}
    changes: dict[str, Any] = {"since": before_run.id, "run": after_run.id, "new_documents": new_docs}
    changes.update({kind: [] for kind in KINDS})

    def claim_item(claim: Any, docs: set[str], note: str) -> dict[str, Any]:
        members = [statements[s] for s in getattr(claim, "statements", None) or [] if s in statements]
        # a claim's denials are no members of it (``claims.shown_claims``): a new report's denial is cited all the same
        denials = [statements[s] for s in getattr(claim, "disputed_by", None) or [] if s in statements]
        fresh = [m for m in members + denials if m.doc in docs] or members
        text = getattr(claim, "label", "") or getattr(claim, "text", "") or (members[0].text if members else "")
        return {"claim": getattr(claim, "id", None), "text": text,
                "note": note, "evidence": [_span(m) for m in fresh[:3]]}

    disputed_ids: set[str] = set()
    for claim in _claims(after):
        matches = [owner[s] for s in _members(claim) if s in owner]
        previous = max(matches, key=lambda c: len(_members(c) & _members(claim)), default=None)
        sources = _docs(claim, "sources")
        deniers = _docs(claim, "denying")
        if previous is None:
            member_docs = {statements[s].doc for s in _members(claim) if s in statements}
            if member_docs & old_docs:
                fresh = member_docs - old_docs - deniers  # a new report that denies an old statement corroborates nothing
                if fresh:
                    changes["corroborated"].append(
                        claim_item(claim, fresh, f"now {getattr(claim, 'corroboration', '') or len(sources)}"))
            else:
                changes["new_claims"].append(claim_item(claim, member_docs, getattr(claim, "corroboration", "")))
            continue
        gained = (sources - _docs(previous, "sources")) - deniers
        if gained - (deniers | _docs(claim, "hedging")) and len(sources - deniers) > len(_docs(previous, "sources") - _docs(previous, "denying")):
            changes["corroborated"].append(claim_item(claim, gained, f"now {getattr(claim, 'corroboration', '')}"))
        if deniers - _docs(previous, "denying"):
            changes["disputed"].append(claim_item(claim, deniers - _docs(previous, "denying"), "denied by a new report"))
            disputed_ids.add(claim.id)

    old_sides = {(s.doc, s.start, s.end) for c in before.cross.conflicts for s in c.sides}
    after_owner = {sid: c for c in _claims(after) for sid in _members(c)}
    by_span = {(s.doc, s.start, s.end): s for s in after.corpus.statements}
    for conflict in after.cross.conflicts:
        sides = {(s.doc, s.start, s.end) for s in conflict.sides}
        if sides <= old_sides:
            continue
        changes["new_conflicts"].append({"conflict": conflict.id, "kind": conflict.kind, "text": conflict.summary,
                                         "evidence": [_span(s) for s in conflict.sides]})
        # What a new report contradicts is newly disputed: the claim (or single statement) of an
        # earlier report that is a side of the new conflict.
        fresh = [x for x in conflict.sides if x.doc not in old_docs]
        for side in conflict.sides:
            if side.doc not in old_docs or not fresh:
                continue
            statement = by_span.get((side.doc, side.start, side.end))
            claim = after_owner.get(record_id("s", statement)) if statement is not None else None
            key = claim.id if claim is not None else f"{side.doc}:{side.start}"
            if key in disputed_ids or (claim is not None and getattr(claim, "id", None) in disputed_ids):
                continue
            disputed_ids.add(key)
            changes["disputed"].append({
                "claim": claim.id if claim is not None else None,
                "text": (getattr(claim, "label", "") if claim is not None else "") or side.text,
                "note": f"contradicted by a new report ({conflict.kind})",
                "evidence": [_span(side)] + [_span(x) for x in fresh]})

    old_tables = {t.measure: t for t in before.cross.figure_tables}
    for table in after.cross.figure_tables:
        old = old_tables.get(table.measure)
        old_rows = {r.figure for r in old.rows} if old else set()
        added = [r for r in table.rows if r.figure not in old_rows]
        if old is not None and (added or old.assessment != table.assessment):
            changes["revised_estimates"].append({
                "measure": table.measure, "text": f"{table.measure}: {table.assessment}"
                + (f" (was {old.assessment})" if old.assessment != table.assessment else ""),
                "evidence": [{"doc": r.doc, "figure": r.figure, "text": r.text, "value": r.value} for r in added]})
    old_actors = {e.id for e in before.corpus.entities}
    for entity in after.corpus.entities:
        if entity.id not in old_actors:
            changes["new_actors"].append({"actor": entity.id, "text": entity.name, "evidence": entity.mentions[:1]})
    return changes


def count(changes: dict[str, Any] | None) -> int:
    return sum(len(changes.get(kind, [])) for kind in KINDS) if changes else 0
