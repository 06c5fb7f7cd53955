"""The lenient (first) golden-set scorer, kept to show old and strict figures side by side.

``score_lenient(analysis_dict, expected)`` scores an ``expected.json`` set (see
tests/fixtures/stories/README.md) the way the quality gate did before the strict scorer
(``strict.py``): a record only counts where a golden fragment sits, names match by
substring, several records may hit one item, a conflict that matches nothing is never a
false positive, and an empty category scores precision 1.0. Do not gate on it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from storyline.kb.normalize import key


@dataclass
class Score:
    """Counts for one category."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: "Score") -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    def as_dict(self) -> dict[str, float]:
        return {"precision": round(self.precision, 3), "recall": round(self.recall, 3), "f1": round(self.f1, 3),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


class _Index:
    """Lookups from expectation vocabulary (file names, fragments, names) into an analysis."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self.doc_of_file = {d["source"].replace("\\", "/").rsplit("/", 1)[-1]: d for d in data["documents"]}
        self.names = {e["id"]: e for e in data["entities"]}

    def doc(self, file: str) -> dict[str, Any] | None:
        return self.doc_of_file.get(file)

    def span_of(self, file: str, fragment: str) -> tuple[str, int, int] | None:
        doc = self.doc(file)
        if doc is None:
            return None
        at = doc["text"].find(fragment)
        return (doc["id"], at, at + len(fragment)) if at >= 0 else None

    def records_at(self, records: list[dict[str, Any]], file: str, fragment: str) -> list[dict[str, Any]]:
        """Records whose span overlaps where the fragment occurs."""
        span = self.span_of(file, fragment)
        if span is None:
            return []
        doc, start, end = span
        return [r for r in records if r["doc"] == doc and r["start"] < end and start < r["end"]]

    def is_named(self, entity_id: str | None, text: str | None, name: str | None) -> bool:
        """Whether an extracted actor (id or surface text) is the expected canonical name."""
        if name is None:
            return entity_id is None
        wanted = key(name)
        entity = self.names.get(entity_id or "")
        forms = {key(entity["name"])} | {key(a) for a in entity["aliases"]} if entity else set()
        if text:
            forms.add(key(text))
        return wanted in forms or any(f and (f in wanted or wanted.endswith(f)) for f in forms if len(f) > 3)


def _entities(ix: _Index, expected: dict[str, Any]) -> Score:
    score = Score()
    by_form: dict[str, set[str]] = {}
    for entity in ix.data["entities"]:
        for mention in entity["mentions"]:
            by_form.setdefault(key(mention["text"]), set()).add(entity["id"])
    for entity in expected.get("entities", []):
        ids = set().union(*(by_form.get(key(f), set()) for f in entity["surface_forms"]))
        if len(ids) == 1:
            score.tp += 1
        else:
            score.fn += 1
            score.fp += max(0, len(ids) - 1)
    for bad in expected.get("must_not_entities", []):
        score.fp += key(bad) in by_form
    return score


def _match(ix: _Index, records: list, items: list, check: Callable[[dict, dict], bool]) -> Score:
    score = Score()
    for item in items:
        found = ix.records_at(records, item["file"], item["text_contains"])
        if any(check(r, item) for r in found):
            score.tp += 1
        else:
            score.fn += 1
            score.fp += bool(found)
    return score


def _quote_ok(ix: _Index) -> Callable[[dict, dict], bool]:
    def check(q: dict, item: dict) -> bool:
        if not ix.is_named(q.get("speaker"), q.get("speaker_text"), item.get("speaker")):
            return False
        if item.get("via") and not ix.is_named(q.get("via"), q.get("via_text"), item["via"]):
            return False
        return "direct" not in item or q["direct"] == item["direct"]
    return check


def _figure_ok(f: dict, item: dict) -> bool:
    for name in ("value", "low", "high"):
        if item.get(name) is not None and (f.get(name) is None or abs(f[name] - item[name]) > 1e-6 * max(1, item[name])):
            return False
    return item.get("qualifier") in (None, f.get("qualifier")) or key(item["qualifier"]) == key(f.get("qualifier") or "")


def _conflicts(ix: _Index, expected: dict[str, Any]) -> Score:
    score = Score()
    for item in expected.get("conflicts", []):
        docs = {d["id"] for f in item["between"] if (d := ix.doc(f))}
        hit = any(c["kind"] == item["kind"] and docs <= {s["doc"] for s in c["sides"]} for c in ix.data["conflicts"])
        score.tp += hit
        score.fn += not hit
    return score


def _present(ix: _Index, items: list[dict[str, Any]], want: bool) -> Score:
    score = Score()
    for item in items:
        doc = ix.doc(item["file"])
        if doc is None:
            score.fn += 1
            continue
        there = item["text_contains"] in doc["text"]
        if there == want:
            score.tp += 1
        else:
            score.fn += 1
            score.fp += 1
    return score


def score_lenient(data: dict[str, Any], expected: dict[str, Any]) -> dict[str, Score]:
    """Per-category lenient scores of one analysis against one golden set."""
    ix = _Index(data)
    return {
        "entities": _entities(ix, expected),
        "quotes": _match(ix, data["quotes"], expected.get("quotes", []), _quote_ok(ix)),
        "figures": _match(ix, data["figures"], expected.get("figures", []), _figure_ok),
        "figure_attribution": _match(
            ix, data["figures"], [f for f in expected.get("figures", []) if "attributed_to" in f],
            lambda f, item: _figure_ok(f, item) and ix.is_named(f.get("attributed_to"), f.get("attributed_text"),
                                                                  item["attributed_to"])),
        "statement_status": _match(ix, data["statements"], expected.get("statements", []),
                                   lambda s, item: s["status"] == item["status"]),
        "statement_kind": _match(ix, data["statements"], expected.get("statements", []),
                                 lambda s, item: s["kind"] == item["kind"]),
        "conflicts": _conflicts(ix, expected),
        "debris": _present(ix, expected.get("debris", []), want=False),
        "body": _present(ix, expected.get("body_must_remain", []), want=True),
    }
