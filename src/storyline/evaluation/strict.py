"""The strict scorer: one-to-one matching, every output record counted, identities not strings.

Rules (each one closes a leniency of the lenient scorer in ``lenient.py``):

* one-to-one: a gold item is consumed by at most one output record and a record by at most
  one gold item (greedy by best match: a correct pair before a wrong one, then the larger
  overlap). The one exception is a quotation split around its cue (``"A," she said, "B."``):
  gold lists each fragment, and one output quote covering both fills one slot per fragment;
* every output record in a document that has gold for the category is scored: unmatched or
  wrongly labelled records are false positives. Conflicts, claims (clusters), timeline
  entries, bottom-line lines and options are scored for precision and recall over the story;
* people, organisations and states match by resolved identity: the output entity's
  Wikidata id equals the gold ``kb_id``, or its canonical name (or a knowledge-base name of
  that identity) equals the gold name or one of the gold's other names, after normalisation
  (``kb.normalize.key``), never by substring and never by the mention's surface text;
* nothing found is not perfect: precision is undefined (``None``) when there is no output
  and recall is 0 when gold exists.

Statements are the exception to "every record counts": gold lists only each report's main
claims, so ``statement_*`` categories score the output statement paired with each gold
statement (its status, kind or source); output statements elsewhere are not judged.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from storyline.evaluation.gold import Gold, Identity, Span, from_expected
from storyline.kb.normalize import key

FRAGMENT_GAP = 80
"""Largest gap (characters) between two gold quote fragments that one split quote joins."""


@dataclass
class Score:
    """Counts for one category; precision and recall are None when undefined."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None and r is None:
            return None
        p, r = p or 0.0, r or 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: "Score") -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    def as_dict(self) -> dict[str, Any]:
        def r(x: float | None) -> float | None:
            return None if x is None else round(x, 3)

        return {"precision": r(self.precision), "recall": r(self.recall), "f1": r(self.f1),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Share(Score):
    """A share of judged items (``tp`` of ``tp + fp``), given as precision; recall and F1 do not apply."""

    @property
    def recall(self) -> float | None:
        return None

    @property
    def f1(self) -> float | None:
        return None


# -- matching --------------------------------------------------------------------------------


def match(gold: list, output: list, weigh: Callable[[Any, Any], tuple | None]) -> dict[int, int]:
    """One-to-one pairs ``{gold index: output index}``, greedy by weight (tuples compare in order).

    ``weigh`` returns None for a pair that cannot match."""
    pairs = []
    for gi, g in enumerate(gold):
        for oi, o in enumerate(output):
            w = weigh(g, o)
            if w is not None:
                pairs.append((w, -gi, -oi))
    pairs.sort(reverse=True)
    taken_g: dict[int, int] = {}
    taken_o: set[int] = set()
    for _, gi, oi in pairs:
        gi, oi = -gi, -oi
        if gi not in taken_g and oi not in taken_o:
            taken_g[gi] = oi
            taken_o.add(oi)
    return taken_g


def overlap(a: Span | None, doc: str, start: int, end: int) -> int:
    """Characters shared by a gold span and an output record's span (0 if none or another document)."""
    if a is None or a[0] != doc:
        return 0
    return max(0, min(a[2], end) - max(a[1], start))


def _record_overlap(span: Span | None, record: dict[str, Any]) -> int:
    return overlap(span, record["doc"], record["start"], record["end"])


def _tally(gold_n: int, output_n: int, correct: int) -> Score:
    return Score(tp=correct, fp=output_n - correct, fn=gold_n - correct)


# -- identities ------------------------------------------------------------------------------


class Names:
    """Output entities as identities: canonical name, Wikidata id, knowledge-base names."""

    def __init__(self, data: dict[str, Any], kb_names: Callable[[str], Iterable[str]] | None = None) -> None:
        self.entities = {e["id"]: e for e in data["entities"]}
        self.kb_names = kb_names if kb_names is not None else _kb_names

    def forms(self, entity_id: str) -> set[str]:
        entity = self.entities.get(entity_id)
        if entity is None:
            return set()
        forms = {key(entity["name"])}
        if entity_id.startswith("kb:"):
            forms |= {key(n) for n in self.kb_names(entity_id[3:])}
        return forms - {""}

    def weight(self, identity: Identity | None, entity_id: str | None, text: str | None = None) -> int:
        """3 same Wikidata id, 2 same canonical name, 1 another name of the identity, 0 different.

        A knowledge-base entity is that identity when one of its knowledge-base names is a name
        of it; an entity the reports alone define, when its canonical name is one of the forms.

        ``identity`` None is an unnamed source: right only when the output names nobody. An
        output source left unresolved (no entity) is compared by its exact written form."""
        if identity is None:
            return 3 if entity_id is None or entity_id not in self.entities else 0
        if entity_id is None or entity_id not in self.entities:
            return 1 if text and key(text) in identity.forms else 0
        entity = self.entities[entity_id]
        if identity.kb_id and entity.get("kb_id") and identity.kb_id == entity["kb_id"]:
            return 3
        if key(entity["name"]) == key(identity.name):
            return 2
        if entity_id.startswith("kb:"):
            return 1 if self.forms(entity_id) & identity.strong() else 0
        return 1 if key(entity["name"]) in identity.forms else 0


def _kb_names(kb_id: str) -> list[str]:
    """The knowledge base's names of an entity; a state's body also by each generic name with its state's
    ("Foreign Ministry (Kenya)", "Kenya's Foreign Ministry", "Foreign Ministry of Kenya")."""
    from storyline.kb.lookup import load_kb

    kb = load_kb()
    try:
        entity = kb.get(kb_id)
    except KeyError:
        return []
    names = [entity.name, *entity.aliases]
    try:
        state = kb.get(entity.country) if entity.country else None
    except KeyError:
        state = None
    if state is not None and entity.type == "organization":
        for generic in _kb_generic(kb_id):
            names += [f"{generic} ({state.name})", f"{state.name}'s {generic}", f"{generic} of {state.name}"]
    return names


def _kb_generic(kb_id: str) -> tuple[str, ...]:
    from storyline.kb.lookup import load_kb

    try:
        return tuple(load_kb().get(kb_id).extra.get("generic", ()))
    except KeyError:
        return ()


# -- categories ------------------------------------------------------------------------------


def _in_scope(records: list[dict[str, Any]], docs: set[str]) -> list[dict[str, Any]]:
    return [r for r in records if r["doc"] in docs]


def entities(gold: Gold, data: dict[str, Any], names: Names) -> dict[str, Score]:
    docs = gold.scope.get("entities", set())
    if not gold.entities and not docs:
        return {}
    output = [e for e in data["entities"] if any(m["doc"] in docs for m in e["mentions"])]
    resolved: dict[str, set[str]] = {}
    for e in output:
        for m in e["mentions"]:
            resolved.setdefault(key(m["text"]), set()).add(e["id"])

    def weigh(g: dict, e: dict) -> tuple | None:
        w = names.weight(g["identity"], e["id"])
        if not w:
            return None
        if g["docs"] is None:
            # expected.json lists the forms that must resolve to the identity: all of them must.
            found = set().union(*(resolved.get(f, set()) for f in g["surface"]))
            if found - {e["id"]}:
                return None
        return (w,)

    pairs = match(gold.entities, output, weigh)
    out = {"entities": _tally(len(gold.entities), len(output), len(pairs))}
    for bad in gold.must_not:
        forms = {key(e["name"]) for e in output} | {key(m["text"]) for e in output for m in e["mentions"]}
        out["entities"].fp += key(bad) in forms
    if all(g["docs"] is not None for g in gold.entities):
        # Per report: is each identity found in each report that mentions it?
        gold_pairs = sum(len(g["docs"]) for g in gold.entities)
        output_pairs = sum(len({m["doc"] for m in e["mentions"] if m["doc"] in docs}) for e in output)
        hit = sum(len(gold.entities[gi]["docs"] & {m["doc"] for m in output[oi]["mentions"]})
                  for gi, oi in pairs.items())
        out["entity_docs"] = _tally(gold_pairs, output_pairs, hit)
    return out


def _quote_right(names: Names, direct: bool = True) -> Callable[[dict, dict], bool]:
    def right(g: dict, q: dict) -> bool:
        if not names.weight(g["speaker"], q.get("speaker"), q.get("speaker_text")):
            return False
        if g.get("via") is not None and not names.weight(g["via"], q.get("via"), q.get("via_text")):
            return False
        return not direct or g.get("direct") is None or q["direct"] == g["direct"]
    return right


def _fragment_groups(items: list[dict[str, Any]], texts: dict[str, str]) -> dict[int, list[int]]:
    """Gold quotes that are fragments of one quotation split around its cue: same report,
    same speaker, next to each other in one sentence (no sentence end between them).
    Index -> the indices of its group."""
    order = sorted((i for i, q in enumerate(items) if q["span"]), key=lambda i: items[i]["span"])
    groups: dict[int, list[int]] = {i: [i] for i in range(len(items))}
    for a, b in zip(order, order[1:]):
        qa, qb = items[a], items[b]
        after = qa["span"][0] == qb["span"][0] and qb["span"][1] >= qa["span"][2]  # nested spans are not fragments
        gap = texts.get(qa["span"][0], "")[qa["span"][2]:qb["span"][1]] if after else "."
        if (after and len(gap) <= FRAGMENT_GAP and not re.search(r"[.!?]", gap)
                and qa["speaker"] == qb["speaker"] and qa.get("direct") == qb.get("direct")):
            group = groups[a] + [i for i in groups[b] if i not in groups[a]]
            for i in group:
                groups[i] = group
    return groups


def _match_quotes(items: list, output: list, right: Callable[[dict, dict], bool] | None,
                  texts: dict[str, str]) -> tuple[dict[int, int], int]:
    """Pairs and the number of output quotes used, letting one quote fill each fragment of a split quote."""
    def weigh(g: dict, q: dict) -> tuple | None:
        n = _record_overlap(g["span"], q)
        return ((right(g, q) if right else True), n) if n else None

    pairs = match(items, output, weigh)
    groups = _fragment_groups(items, texts)
    for gi, oi in list(pairs.items()):
        for mate in groups[gi]:
            if mate not in pairs and weigh(items[mate], output[oi]):
                pairs[mate] = oi
    return pairs, len(set(pairs.values()))


def quotes(gold: Gold, data: dict[str, Any], names: Names) -> dict[str, Score]:
    docs = gold.scope.get("quotes", set())
    if not docs:
        return {}
    output = _in_scope(data["quotes"], docs)
    texts = {d["id"]: d["text"] for d in data["documents"]}
    spans, used = _match_quotes(gold.quotes, output, None, texts)
    out = {"quote_spans": Score(tp=len(spans), fp=len(output) - used, fn=len(gold.quotes) - len(spans))}
    # quotes: content, speaker (and relay) and direct/indirect right; quote_speakers: content and speaker.
    for name, right in (("quotes", _quote_right(names)), ("quote_speakers", _quote_right(names, direct=False))):
        pairs, _ = _match_quotes(gold.quotes, output, right, texts)
        correct = [gi for gi, oi in pairs.items() if right(gold.quotes[gi], output[oi])]
        used_right = len({pairs[gi] for gi in correct})
        out[name] = Score(tp=len(correct), fp=len(output) - used_right, fn=len(gold.quotes) - len(correct))
    return out


VAGUE_BOUND_TOLERANCE = 1e-3
"""A vague quantity's bounds ("billions" = 2 to 9.999 billion, tests/golden/README.md) are written to four
significant digits: an upper bound of 9,999,000,000 and one of 9,999,999,999 both say "below ten billion"."""


def _value_right(g: dict[str, Any], f: dict[str, Any]) -> bool:
    vague = g.get("value") is None
    for name in ("value", "low", "high"):
        want = g.get(name)
        tolerance = VAGUE_BOUND_TOLERANCE if vague and name != "value" else 1e-6
        if want is not None and (f.get(name) is None or abs(f[name] - want) > tolerance * max(1, abs(want))):
            return False
    if g.get("value") is None and g.get("low") is None and g.get("high") is None:
        return False  # nothing to compare: gold says this is not a number we can check
    return g.get("qualifier") in (None, f.get("qualifier")) or key(g["qualifier"]) == key(f.get("qualifier") or "")


def figures(gold: Gold, data: dict[str, Any], names: Names) -> dict[str, Score]:
    docs = gold.scope.get("figures", set())
    if not docs:
        return {}
    output = _in_scope(data["figures"], docs)

    def pair(right: Callable[[dict, dict], bool], items: list[dict]) -> tuple[dict[int, int], int]:
        pairs = match(items, output, lambda g, f: (right(g, f), n) if (n := _record_overlap(g["span"], f)) else None)
        return pairs, sum(right(items[gi], output[oi]) for gi, oi in pairs.items())

    _, values = pair(_value_right, gold.figures)
    out = {"figures": _tally(len(gold.figures), len(output), values)}
    sourced = [g for g in gold.figures if g["has_source"]]
    if sourced:
        def attributed(g: dict, f: dict) -> bool:
            return _value_right(g, f) and figure_source_right(names, g, f)

        pairs, hits = pair(attributed, sourced)
        # Output figures paired with a gold figure that states no source are not judged here.
        unsourced = len(match([g for g in gold.figures if not g["has_source"]], output,
                              lambda g, f: (1,) if _record_overlap(g["span"], f) else None))
        out["figure_attribution"] = _tally(len(sourced), len(output) - unsourced, hits)
    return out


def figure_source_right(names: Names, g: dict, f: dict) -> bool:
    """The output figure credits the gold figure's source (by identity)."""
    return bool(names.weight(g["source"], f.get("attributed_to"), f.get("attributed_text")))


def statement_source_right(names: Names, g: dict, s: dict) -> bool:
    """The output statement's source is the gold statement's source."""
    if g["source"] is None:
        # The report's own voice or an unnamed source ("officials said"), not a named one left unresolved.
        return s.get("source_kind") in ("author", "anonymous") or (s.get("source") is None and not s.get("source_text"))
    return bool(names.weight(g["source"], s.get("source"), s.get("source_text")))


def statements(gold: Gold, data: dict[str, Any], names: Names) -> dict[str, Score]:
    docs = gold.scope.get("statements", set())
    if not docs:
        return {}
    output = _in_scope(data["statements"], docs)
    checks: dict[str, Callable[[dict, dict], bool]] = {
        "statement_status": lambda g, s: s["status"] == g["status"],
    }
    if any(g.get("kind") for g in gold.statements):
        checks["statement_kind"] = lambda g, s: s["kind"] == g["kind"]
    if any(g.get("has_source") for g in gold.statements):
        checks["statement_source"] = lambda g, s: statement_source_right(names, g, s)
    out = {}
    for name, right in checks.items():
        items = [g for g in gold.statements if name != "statement_kind" or g.get("kind")]
        pairs = match(items, output, lambda g, s: (right(g, s), n) if (n := _record_overlap(g["span"], s)) else None)
        hits = sum(right(items[gi], output[oi]) for gi, oi in pairs.items())
        out[name] = Score(tp=hits, fp=len(pairs) - hits, fn=len(items) - hits)
    return out


def presence(gold: Gold, data: dict[str, Any]) -> dict[str, Score]:
    """Debris that cleaning must remove and body text it must keep (expected.json only)."""
    texts = {d["id"]: d["text"] for d in data["documents"]}
    out = {}
    for name, items, want in (("debris", gold.debris, False), ("body", gold.body, True)):
        if not items:
            continue
        score = Score()
        for item in items:
            right = item["doc"] is not None and (item["text"] in texts[item["doc"]]) == want
            score.tp += right
            score.fn += not right
            score.fp += item["doc"] is not None and not right
        out[name] = score
    return out


def score_gold(gold: Gold, data: dict[str, Any], kb_names: Callable[[str], Iterable[str]] | None = None) -> dict[str, Score]:
    """Per-category strict scores of one analysis (the JSON contract) against one located gold."""
    from storyline.evaluation.story import bottom_line, claims, conflicts, options, timeline

    names = Names(data, kb_names)
    out: dict[str, Score] = {}
    for part in (entities(gold, data, names), quotes(gold, data, names), figures(gold, data, names),
                 statements(gold, data, names), conflicts(gold, data), claims(gold, data), timeline(gold, data),
                 bottom_line(gold, data), options(gold, data), presence(gold, data)):
        out.update(part)
    return out


def score(data: dict[str, Any], expected: dict[str, Any], kb_names: Callable[[str], Iterable[str]] | None = None
          ) -> dict[str, Score]:
    """Strict per-category scores of one analysis against one ``expected.json`` golden set."""
    return score_gold(from_expected(expected, data), data, kb_names)


def total(scores: list[dict[str, Any]]) -> dict[str, Any]:
    """Micro-averaged scores over several golden sets (strict or lenient ``Score`` alike)."""
    out: dict[str, Any] = {}
    for per_set in scores:
        for name, value in per_set.items():
            out.setdefault(name, type(value)()).add(value)
    return out
