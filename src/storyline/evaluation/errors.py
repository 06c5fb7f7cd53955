"""What the strict scorer counted wrong, item by item, for reading errors on the dev split.

The lists pair gold and output one-to-one with the strict scorer's own matching and label checks
(:mod:`storyline.evaluation.strict`; figures are paired on value and source together, so a figure
right in value but wrong in source shows as ``figure_attribution``):

* ``miss``: a gold item no output record was paired with;
* ``false``: an output record no gold item was paired with;
* ``wrong``: a pair whose label (speaker, value, source, status) disagrees.

Timeline misses also name the entries that stand on the gold's evidence with another date or in
another part of the timeline (``near``): a happening misdated or filed as forecast or background.

The test split is never listed: it is scored as numbers only (tests/golden/README.md).
"""

from __future__ import annotations

from typing import Any

from storyline.evaluation.gold import Gold
from storyline.evaluation.strict import (
    Names, _match_quotes, _quote_right, _record_overlap, _value_right, figure_source_right, match,
    statement_source_right,
)
from storyline.evaluation.story import timeline_pairs

SNIPPET = 160


def _text(texts: dict[str, str], span) -> str:
    if not span:
        return ""
    doc, start, end = span
    return " ".join(texts.get(doc, "")[start:end].split())[:SNIPPET]


def _who(identity) -> str | None:
    return identity.name if identity is not None else None


def entity_errors(gold: Gold, data: dict[str, Any], names: Names) -> list[dict[str, Any]]:
    docs = gold.scope.get("entities", set())
    output = [e for e in data["entities"] if any(m["doc"] in docs for m in e["mentions"])]
    pairs = match(gold.entities, output, lambda g, e: (w,) if (w := names.weight(g["identity"], e["id"])) else None)
    out = [{"category": "entities", "kind": "miss", "gold": g["identity"].name}
           for gi, g in enumerate(gold.entities) if gi not in pairs]
    used = set(pairs.values())
    out += [{"category": "entities", "kind": "false", "output": e["name"], "type": e.get("type"),
             "forms": sorted({m["text"] for m in e["mentions"]})[:5]}
            for oi, e in enumerate(output) if oi not in used]
    return out


def quote_errors(gold: Gold, data: dict[str, Any], names: Names) -> list[dict[str, Any]]:
    docs = gold.scope.get("quotes", set())
    output = [q for q in data["quotes"] if q["doc"] in docs]
    texts = {d["id"]: d["text"] for d in data["documents"]}
    right = _quote_right(names, direct=False)
    pairs, _ = _match_quotes(gold.quotes, output, right, texts)
    out = []
    for gi, g in enumerate(gold.quotes):
        if gi not in pairs:
            out.append({"category": "quote_speakers", "kind": "miss", "text": _text(texts, g["span"]),
                        "gold": _who(g["speaker"])})
        elif not right(g, q := output[pairs[gi]]):
            out.append({"category": "quote_speakers", "kind": "wrong", "text": _text(texts, g["span"]),
                        "gold": _who(g["speaker"]), "output": q.get("speaker_text"), "cue": q.get("cue")})
    used = set(pairs.values())
    out += [{"category": "quote_speakers", "kind": "false", "text": q["text"][:SNIPPET],
             "output": q.get("speaker_text"), "cue": q.get("cue")}
            for oi, q in enumerate(output) if oi not in used]
    return out


def figure_errors(gold: Gold, data: dict[str, Any], names: Names) -> list[dict[str, Any]]:
    docs = gold.scope.get("figures", set())
    output = [f for f in data["figures"] if f["doc"] in docs]
    texts = {d["id"]: d["text"] for d in data["documents"]}

    def attributed(g: dict, f: dict) -> bool:
        return not g["has_source"] or figure_source_right(names, g, f)

    def right(g: dict, f: dict) -> bool:
        return _value_right(g, f) and attributed(g, f)

    pairs = match(gold.figures, output, lambda g, f: (right(g, f), n) if (n := _record_overlap(g["span"], f)) else None)
    out = []
    for gi, g in enumerate(gold.figures):
        wanted = {k: g.get(k) for k in ("value", "low", "high") if g.get(k) is not None}
        if gi not in pairs:
            out.append({"category": "figures", "kind": "miss", "text": _text(texts, g["span"]), "gold": wanted})
            continue
        f = output[pairs[gi]]
        if not _value_right(g, f):
            out.append({"category": "figures", "kind": "wrong", "text": _text(texts, g["span"]), "gold": wanted,
                        "output": {k: f.get(k) for k in ("value", "low", "high") if f.get(k) is not None}})
        elif not attributed(g, f):
            out.append({"category": "figure_attribution", "kind": "wrong", "text": _text(texts, g["span"]),
                        "gold": _who(g["source"]), "output": f.get("attributed_text")})
    used = set(pairs.values())
    out += [{"category": "figures", "kind": "false", "text": f.get("text", "")[:SNIPPET], "output": f.get("value"),
             "measure": f.get("measure")} for oi, f in enumerate(output) if oi not in used]
    return out


def statement_errors(gold: Gold, data: dict[str, Any], names: Names) -> list[dict[str, Any]]:
    docs = gold.scope.get("statements", set())
    output = [s for s in data["statements"] if s["doc"] in docs]
    texts = {d["id"]: d["text"] for d in data["documents"]}
    pairs = match(gold.statements, output, lambda g, s: (n,) if (n := _record_overlap(g["span"], s)) else None)
    out = []
    for gi, g in enumerate(gold.statements):
        if gi not in pairs:
            out.append({"category": "statements", "kind": "miss", "text": _text(texts, g["span"])})
            continue
        s = output[pairs[gi]]
        if s["status"] != g["status"]:
            out.append({"category": "statement_status", "kind": "wrong", "text": _text(texts, g["span"]),
                        "gold": g["status"], "output": s["status"]})
        if g.get("has_source") and not statement_source_right(names, g, s):
            out.append({"category": "statement_source", "kind": "wrong", "text": _text(texts, g["span"]),
                        "gold": _who(g["source"]), "output": s.get("source_text")})
    return out


def timeline_errors(gold: Gold, data: dict[str, Any], names: Names) -> list[dict[str, Any]]:
    if gold.timeline is None:
        return []
    texts = {d["id"]: d["text"] for d in data["documents"]}
    refs = {r["id"]: r for r in data["statements"] + data["events"]}
    output = data["timeline"]
    pairs = timeline_pairs(gold, output, data)

    def on(g: dict, entry: dict) -> bool:
        record = refs.get(entry["ref"])
        return record is not None and any(_record_overlap(span, record) for span in g["evidence"])

    out = [{"category": "timeline", "kind": "miss", "gold": g["date"], "label": g.get("label"),
            "text": _text(texts, next(iter(g["evidence"]), None)),
            "near": [f"{e['date']} {e.get('category')}" for e in output if on(g, e)]}
           for gi, g in enumerate(gold.timeline) if gi not in pairs]
    used = set(pairs.values())
    out += [{"category": "timeline", "kind": "false", "output": e["date"], "part": e.get("category"),
             "text": e["text"][:SNIPPET]} for oi, e in enumerate(output) if oi not in used]
    return out


def errors(gold: Gold, data: dict[str, Any], kb_names=None) -> list[dict[str, Any]]:
    """Every counted error of one analysis against one located gold, category by category."""
    names = Names(data, kb_names)
    out: list[dict[str, Any]] = []
    for part in (entity_errors, quote_errors, figure_errors, statement_errors, timeline_errors):
        out += part(gold, data, names)
    return out
