"""Measure (and fit) the actor confidence of storyline.nlp.actor_confidence on labelled actors.

Usage:
    .venv/bin/python bench/actor_confidence.py [--dev tests/golden/realtext] \
        [--labels bench/actor_labels/s31-tune.json ...] [--fit] [--json OUT]

Each report is cleaned and run through the pipeline up to the actor stage with the confidence
filter off; every actor the report resolves gets its evidence (actor_confidence.evidence) and a
label: from a labels file (bench/actor_labels/*.json: actors judged by reading, every unlisted
actor right), or, for the dev stories, from the gold (an actor is real when a gold entity of that
report has its Wikidata id or one of its names). Printed per set: actors, false actors, and how
many false and real actors the threshold would drop at the shipped weights (and at the fitted
ones with ``--fit``, fitted on dev and every labels file whose half is ``tune``, never on test
stories). Data are read from ../shared at run time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "ukraine-war-2022-2024" / "articles.json"


def _published(filename: str) -> dt.date | None:
    try:
        return dt.datetime.strptime(filename[:8], "%Y%m%d").date()
    except ValueError:
        return None


def _docs(nlp, items: list[tuple[str, str]]):
    """``(filename, doc)`` for each ``(filename, raw content)``, actors resolved, nothing dropped."""
    from storyline.ingest.clean import clean_text
    from storyline.nlp.pipeline import make_doc

    made = [make_doc(nlp, name, clean_text(content).text, _published(name)) for name, content in items]
    return zip([n for n, _ in items], nlp.pipe(made, batch_size=8))


def _local_key(entity: str) -> str:
    return entity.split("@")[0]


# Positions of the 447 corpus a run around a labelled report may take its neighbours from: the non-test
# ranges (never a test story's reports nor the positions around them).
READABLE = [*range(0, 37), *range(90, 121), *range(135, 200), *range(250, 318), *range(341, 360)]


def _identities(doc) -> set[str]:
    return {_local_key(m.entity) for m in doc._.mentions if m.entity}


def _elsewhere(named: dict[str, set[str]]) -> dict[str, dict[str, int]]:
    """For each report of a run and each identity it names, in how many other reports of the run it is named."""
    counts: dict[str, int] = defaultdict(int)
    for ids in named.values():
        for i in ids:
            counts[i] += 1
    return {name: {i: counts[i] - 1 for i in ids} for name, ids in named.items()}


def labelled_rows(nlp, labels_path: Path, articles: list[dict],
                  window: int = 3) -> list[tuple[list[float], bool, str, str]]:
    """``(features, real, report, actor)`` for every actor of a labels file's reports.

    The run a report belongs to (for ``Evidence.elsewhere``) is the labelled reports and, around each,
    the ``window`` readable reports before and after it in the corpus (reports of the same days)."""
    from storyline.nlp.actor_confidence import evidence

    spec = json.loads(labels_path.read_text(encoding="utf-8"))
    positions = spec["positions"]
    around = sorted({q for p in positions for q in range(p - window, p + window + 1) if q in READABLE} - set(positions))
    labels = {f: {_local_key(k): v for k, v in d.items()} for f, d in spec["labels"].items()}
    named: dict[str, set[str]] = {}
    evidences = []
    items = [(articles[p]["filename"], articles[p]["content"]) for p in [*positions, *around]]
    for i, (name, doc) in enumerate(_docs(nlp, items)):
        named[f"{i}:{name}"] = _identities(doc)
        if i < len(positions):
            evidences.append((f"{i}:{name}", name, evidence(doc, doc._.mentions)))
    elsewhere = _elsewhere(named)
    rows = []
    for run_key, name, evs in evidences:
        for ev in evs:
            ev.elsewhere = elsewhere[run_key].get(_local_key(ev.entity), 0)
            label = labels.get(name, {}).get(_local_key(ev.entity), "right")
            rows.append((ev.features(), label != "not_actor", name, ev.entity))
    return rows


def dev_rows(nlp, root: Path, articles: list[dict]) -> list[tuple[list[float], bool, str, str]]:
    """Rows for every actor of the dev stories' reports, real when the gold names it in that report."""
    from storyline.kb.lookup import load_kb
    from storyline.kb.normalize import key
    from storyline.nlp.actor_confidence import evidence

    kb = load_kb()
    contents = {a["filename"]: a["content"] for a in articles}
    rows = []
    for path in sorted(root.glob("*/gold.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if gold.get("split") != "dev":
            continue
        by_doc: dict[str, tuple[set, set]] = defaultdict(lambda: (set(), set()))
        for g in gold.get("entities", []):
            for f in g.get("docs") or ():
                qids, names = by_doc[f]
                if g.get("kb_id"):
                    qids.add(g["kb_id"])
                names.update(key(n) for n in (g["name"], *g.get("also", [])))
        files = [d["file"] for d in gold["documents"]]
        done = list(_docs(nlp, [(f, contents[f]) for f in files]))
        elsewhere = _elsewhere({name: _identities(doc) for name, doc in done})
        for name, doc in done:
            qids, names = by_doc[name]
            forms: dict[str, set[str]] = defaultdict(set)
            for m in doc._.mentions:
                if m.entity:
                    forms[m.entity].add(key(m.text))
            for ev in evidence(doc, doc._.mentions):
                ev.elsewhere = elsewhere[name].get(_local_key(ev.entity), 0)
                entity = kb.get(ev.entity[3:]) if ev.known else None
                known = {key(n) for n in (entity.name, *entity.aliases)} if entity else set()
                real = bool((entity and entity.qid in qids) or (forms[ev.entity] | known) & names)
                rows.append((ev.features(), real, name, ev.entity))
    return rows


def _p(weights, x) -> float:
    z = sum(w * v for w, v in zip(weights, x))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def fit(rows, l2: float = 1.0, steps: int = 3000, rate: float = 0.1, without: frozenset[int] = frozenset()) -> list[float]:
    """Logistic regression by gradient descent, L2 on every weight but the bias; ``without``: features held at 0."""
    n = len(rows[0][0])
    w = [0.0] * n
    for _ in range(steps):
        grad = [0.0] * n
        for x, y, *_ in rows:
            err = _p(w, x) - (1.0 if y else 0.0)
            for i in range(n):
                grad[i] += err * x[i]
        for i in range(n):
            if i not in without:
                w[i] -= rate * (grad[i] / len(rows) + (l2 * w[i] / len(rows) if i else 0.0))
    return w


def dropped(rows, weights, threshold: float) -> dict:
    """Of the actors not linked to the knowledge base, those the threshold drops."""
    false_dropped = [r for r in rows if r[0][1] == 0.0 and not r[1] and _p(weights, r[0]) < threshold]
    real_dropped = [r for r in rows if r[0][1] == 0.0 and r[1] and _p(weights, r[0]) < threshold]
    false_all = sum(1 for r in rows if not r[1])
    real_all = len(rows) - false_all
    before_p = real_all / len(rows) if rows else None
    kept = len(rows) - len(false_dropped) - len(real_dropped)
    after_p = (real_all - len(real_dropped)) / kept if kept else None
    return {"actors": len(rows), "false": false_all, "false_dropped": len(false_dropped),
            "real_dropped": len(real_dropped), "precision_before": before_p, "precision_after": after_p,
            "recall_after": (real_all - len(real_dropped)) / real_all if real_all else None,
            "dropped_false": [f"{r[2][:32]} {r[3]}" for r in false_dropped],
            "dropped_real": [f"{r[2][:32]} {r[3]}" for r in real_dropped]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dev", type=Path, help="folder of the real-text gold (its dev stories)")
    parser.add_argument("--labels", type=Path, action="append", default=[], help="a labels file (repeatable)")
    parser.add_argument("--fit", action="store_true", help="fit the weights on dev and the tuning halves")
    parser.add_argument("--threshold", type=float, default=None,
                        help="the confidence below which an actor is dropped (default: the shipped one, else 0.6)")
    parser.add_argument("--without", action="append", default=[],
                        help="a feature the fit holds at 0 (repeatable), e.g. log_elsewhere for a per-report filter")
    parser.add_argument("--window", type=int, default=3,
                        help="readable reports before and after each labelled one that make up its run")
    parser.add_argument("--json", type=Path, help="write the figures here")
    args = parser.parse_args(argv)
    if not CORPUS.exists():
        print(f"{CORPUS} not found", file=sys.stderr)
        return 2
    from storyline.nlp import actor_confidence
    from storyline.nlp.pipeline import load

    nlp = load(components=("storyline_times", "storyline_actors"))
    nlp.get_pipe("storyline_actors").resolver.min_confidence = 0.0
    articles = json.loads(CORPUS.read_text(encoding="utf-8"))
    sets: dict[str, list] = {}
    halves: dict[str, str] = {}
    if args.dev:
        sets["dev"] = dev_rows(nlp, args.dev, articles)
        halves["dev"] = "tune"
    for path in args.labels:
        sets[path.stem] = labelled_rows(nlp, path, articles, args.window)
        halves[path.stem] = json.loads(path.read_text(encoding="utf-8")).get("half", "check")
    threshold = args.threshold if args.threshold is not None else (actor_confidence.THRESHOLD or 0.6)
    report: dict = {"features": actor_confidence.FEATURES, "threshold": threshold,
                    "shipped": list(actor_confidence.WEIGHTS), "sets": {}}
    fitted = None
    if args.fit:
        train = [r for name, rows in sets.items() if halves[name] == "tune" for r in rows]
        fitted = fit(train, without=frozenset(actor_confidence.FEATURES.index(f) for f in args.without))
        report["fitted"] = [round(w, 3) for w in fitted]
        print("fitted:", ", ".join(f"{f} {w:+.2f}" for f, w in zip(actor_confidence.FEATURES, fitted)))
    for name, rows in sets.items():
        entry = {"half": halves[name], "shipped": dropped(rows, actor_confidence.WEIGHTS, threshold),
                 "rows": [[r[0], r[1], r[2], r[3]] for r in rows]}
        if fitted:
            entry["fitted"] = dropped(rows, fitted, threshold)
        report["sets"][name] = entry
        for which in ("shipped", "fitted"):
            if which in entry:
                d = entry[which]
                print(f"{name:12s} {which:8s} actors {d['actors']:4d} false {d['false']:3d} "
                      f"dropped false {d['false_dropped']:3d} real {d['real_dropped']:3d} "
                      f"P {d['precision_before']:.3f} -> {d['precision_after']:.3f}")
    if args.json:
        args.json.write_text(json.dumps(report, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
