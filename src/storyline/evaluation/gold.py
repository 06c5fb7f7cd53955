"""Gold for the strict scorer: both golden formats brought to spans in an analysis's documents.

Two formats are read:

* ``expected.json`` (tests/fixtures/stories/README.md): items name a file and a
  ``text_contains`` fragment, which only locates the item (its first occurrence in the
  cleaned text); entity identities are a name and its ``surface_forms``.
* real-text ``gold.json`` (tests/golden/README.md): spans are offsets into the raw corpus
  record, checked by a hash and located in the cleaned text; entities carry ``also`` names
  and an optional Wikidata ``kb_id``.

Both become one :class:`Gold`: every span a ``(doc id, start, end)`` in the analysed text
(or ``None`` when cleaning removed it: a miss for the system), and every person or
organisation named by the gold an :class:`Identity`.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

from storyline.kb.normalize import key

Span = tuple[str, int, int]
"""A span of an analysed document: document id, start and end offsets into its text."""


@dataclass(frozen=True)
class Identity:
    """Who a gold item names: a canonical name, its other names (as match keys), a Wikidata id."""

    name: str
    forms: frozenset[str]
    """Every form that names it, as match keys (for expected.json also its surface forms)."""
    kb_id: str | None = None
    names: frozenset[str] | None = None
    """The forms a knowledge-base entity must carry to be it; ``forms`` when None. For
    expected.json only the canonical name: "Washington" is a surface form of the United
    States, and the knowledge base's Washington is not the United States."""

    def strong(self) -> frozenset[str]:
        return self.forms if self.names is None else self.names


@dataclass
class Gold:
    """One golden set in the analysis's own coordinates."""

    files: dict[str, str]
    """Report file name -> document id."""
    scope: dict[str, set[str]] = field(default_factory=dict)
    """Category -> ids of the documents whose output that category scores."""
    entities: list[dict[str, Any]] = field(default_factory=list)
    must_not: list[str] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    figures: list[dict[str, Any]] = field(default_factory=list)
    statements: list[dict[str, Any]] = field(default_factory=list)
    conflicts: list[dict[str, Any]] | None = None
    claims: list[dict[str, Any]] | None = None
    timeline: list[dict[str, Any]] | None = None
    bottom_line: list[dict[str, Any]] | None = None
    options: list[dict[str, Any]] | None = None
    debris: list[dict[str, Any]] = field(default_factory=list)
    body: list[dict[str, Any]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    """Spans whose hash does not match the corpus (the gold has drifted from its reports)."""


def file_name(source: str) -> str:
    """The report's file name from a document's ``source``: ``…/bulk.json#NAME`` or ``…/NAME``."""
    source = source.replace("\\", "/")
    return source.rsplit("#", 1)[-1].rsplit("/", 1)[-1] if "#" in source else source.rsplit("/", 1)[-1]


def short_hash(text: str, n: int = 8) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:n]


class _Names:
    """Gold names -> identities, from the gold's own entity list."""

    def __init__(self) -> None:
        self.by_key: dict[str, Identity] = {}

    def add(self, name: str, others: list[str], kb_id: str | None = None, surface: bool = False) -> Identity:
        forms = frozenset({key(name)} | {key(o) for o in others if key(o)})
        identity = Identity(name, forms, kb_id or None, frozenset({key(name)}) if surface else None)
        self.by_key.setdefault(key(name), identity)
        return identity

    def get(self, name: str | None) -> Identity | None:
        if name is None:
            return None
        return self.by_key.get(key(name)) or Identity(name, frozenset({key(name)}))


def _doc_ids(data: dict[str, Any]) -> dict[str, str]:
    return {file_name(d["source"]): d["id"] for d in data["documents"]}


# -- expected.json -----------------------------------------------------------------------------


def from_expected(expected: dict[str, Any], data: dict[str, Any]) -> Gold:
    """An ``expected.json`` golden set, located in ``data`` (the JSON contract)."""
    files = _doc_ids(data)
    texts = {d["id"]: d["text"] for d in data["documents"]}
    gold = Gold(files)
    names = _Names()
    for e in expected.get("entities", []):
        # Surface forms are how the reports write it, not names of it ("Washington" for the United
        # States): they must resolve to the identity, but an entity named so is not that identity.
        gold.entities.append({"identity": names.add(e["name"], e.get("surface_forms", []), surface=True),
                              "type": e.get("type"), "docs": None,
                              "surface": {key(f) for f in e.get("surface_forms", [])} | {key(e["name"])}})
    gold.must_not = list(expected.get("must_not_entities", []))
    every = set(files.values())
    gold.scope["entities"] = every if expected.get("entities") else set()

    def locate(item: dict[str, Any]) -> Span | None:
        doc = files.get(item["file"])
        if doc is None:
            return None
        at = texts[doc].find(item["text_contains"])
        return (doc, at, at + len(item["text_contains"])) if at >= 0 else None

    def scoped(category: str, items: list[dict[str, Any]]) -> None:
        gold.scope[category] = {files[i["file"]] for i in items if i["file"] in files}

    quotes = expected.get("quotes", [])
    scoped("quotes", quotes)
    for q in quotes:
        gold.quotes.append({"span": locate(q), "speaker": names.get(q.get("speaker")),
                            "direct": q.get("direct"), "via": names.get(q["via"]) if q.get("via") else None})
    figures = expected.get("figures", [])
    scoped("figures", figures)
    for f in figures:
        gold.figures.append({"span": locate(f), "value": f.get("value"), "low": f.get("low"), "high": f.get("high"),
                             "qualifier": f.get("qualifier"), "has_source": "attributed_to" in f,
                             "source": names.get(f.get("attributed_to"))})
    statements = expected.get("statements", [])
    scoped("statements", statements)
    for s in statements:
        gold.statements.append({"span": locate(s), "status": s.get("status"), "kind": s.get("kind"),
                                "has_source": False})
    if "conflicts" in expected:
        # A source's own account that changed is listed apart as an evolution; it is output as a
        # conflict of kind ``evolution``, so it is gold of that kind here.
        gold.conflicts = [{"kind": c.get("kind", "evolution"), "docs": {files.get(f) for f in c["between"]},
                           "sides": None} for c in expected["conflicts"] + expected.get("evolutions", [])]
        gold.scope["conflicts"] = every
    for name, out in (("debris", gold.debris), ("body_must_remain", gold.body)):
        for item in expected.get(name, []):
            out.append({"doc": files.get(item["file"]), "text": item["text_contains"]})
    return gold


# -- real-text gold.json -----------------------------------------------------------------------


def locate_span(content: str, start: int, end: int, text: str) -> tuple[int, int] | None:
    """Where ``content[start:end]`` sits in the cleaned ``text``: the occurrence nearest to the
    proportional position; whitespace may differ (cleaning re-flows paragraphs)."""
    fragment = content[start:end]
    if not fragment.strip():
        return None
    guess = start * len(text) / max(1, len(content))
    hits = [(m.start(), m.start() + len(fragment)) for m in re.finditer(re.escape(fragment), text)]
    if not hits:
        words = fragment.split()
        pattern = r"\s+".join(re.escape(w) for w in words)
        hits = [(m.start(), m.end()) for m in re.finditer(pattern, text)]
    if not hits:
        return None
    return min(hits, key=lambda h: abs(h[0] - guess))


def from_realtext(gold_json: dict[str, Any], data: dict[str, Any], contents: dict[str, str]) -> Gold:
    """A real-text ``gold.json``, located in ``data``; ``contents`` maps file name -> raw corpus text."""
    files = _doc_ids(data)
    docs = {d["id"]: d for d in data["documents"]}
    gold = Gold(files)
    names = _Names()
    listed = [d["file"] for d in gold_json.get("documents", [])]
    for f in listed:
        # A record whose content repeats another's exactly is stored once, under the other's name.
        twin = next((g for g in files if f in contents and contents.get(g) == contents[f]), None)
        if f not in files and twin:
            files[f] = files[twin]
        elif f not in files:
            gold.problems.append(f"{f}: not among the analysed documents")
    every = {files[f] for f in listed if f in files}

    def span(s: dict[str, Any] | None) -> Span | None:
        if not s:
            return None
        content = contents.get(s["file"])
        if content is None:
            gold.problems.append(f"{s['file']}: not in the corpus")
            return None
        if short_hash(content[s["start"]:s["end"]], len(s.get("h") or "")) != s.get("h"):
            gold.problems.append(f"{s['file']}[{s['start']}:{s['end']}]: hash {s.get('h')} does not match the corpus")
            return None
        doc = files.get(s["file"])
        if doc is None:
            return None
        # A report linked as a copy of another keeps its text, but its records live on the original.
        target = docs[doc].get("duplicate_of") or doc
        at = locate_span(content, s["start"], s["end"], docs.get(target, docs[doc])["text"])
        return (target, *at) if at else None

    for e in gold_json.get("entities", []):
        gold.entities.append({"identity": names.add(e["name"], e.get("also", []), e.get("kb_id")),
                              "type": e.get("type"), "docs": {files[f] for f in e.get("docs", []) if f in files}})
    for category in ("entities", "quotes", "figures", "statements"):
        gold.scope[category] = every if category in gold_json else set()
    for q in gold_json.get("quotes", []):
        gold.quotes.append({"span": span(q["span"]), "speaker": names.get(q.get("speaker")),
                            "speaker_span": span(q.get("speaker_span")), "direct": q.get("direct"), "via": None})
    for f in gold_json.get("figures", []):
        gold.figures.append({"span": span(f["span"]), "value": f.get("value"), "low": f.get("low"),
                             "high": f.get("high"), "qualifier": None, "counts": f.get("counts"),
                             "has_source": True, "source": names.get(f.get("attributed_to")),
                             "date": f.get("date")})
    for s in gold_json.get("statements", []):
        gold.statements.append({"span": span(s["span"]), "status": s.get("status"), "kind": None,
                                "has_source": True, "source": names.get(s.get("source"))})
    if "conflicts" in gold_json:
        gold.conflicts = [{"kind": c["kind"], "docs": None, "sides": [span(x) for x in c["sides"]]}
                          for c in gold_json["conflicts"]]
        gold.scope["conflicts"] = every
    if "claims" in gold_json:
        gold.claims = [{"id": c.get("id"), "members": [span(m["span"]) for m in c["members"]]}
                       for c in gold_json["claims"]]
    if "timeline" in gold_json:
        gold.timeline = [{"date": t["date"], "label": t.get("label"), "evidence": [span(x) for x in t.get("evidence", [])]}
                         for t in gold_json["timeline"]]
    if "bottom_line" in gold_json:
        gold.bottom_line = [{"evidence": [span(x) for x in b.get("evidence", [])]} for b in gold_json["bottom_line"]]
    if "options" in gold_json:
        gold.options = [{"evidence": [span(x) for x in o.get("evidence", [])]} for o in gold_json["options"]]
    return gold
