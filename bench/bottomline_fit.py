"""Fit and check the bottom line's ranking model (storyline.analysis.bottomline_rank).

Usage: .venv/bin/python bench/bottomline_fit.py [--keep 0.45] [--l2 1.0]

Analyses the real-text DEV stories (never the test split) and the hand-labelled sets of non-test reports of the
war-news corpus (bench/bottomline_labels.json), takes every candidate line of each (``bottomline.candidates``
uncapped) with its features, labels a dev candidate 1 when it cites a sentence of the story's bottom-line gold
and a set's candidate by its hand label, and fits the logistic weights. It prints the weights, the bottom line's
P/R on dev (the strict scorer's one-to-one match) and on the hand sets (share of lines shown that are labelled
lead-worthy; share of the 'want' items some line cites) with the fixed sections (before) and the model (after),
and a leave-one-set-out check: each hand set scored with weights fitted without it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
WAR = SHARED / "corpus" / "ukraine-war-2022-2024" / "articles.json"
LABELS = ROOT / "bench" / "bottomline_labels.json"
TEST_POSITIONS = {37, *range(42, 47), 49, 51, 53, 60, *range(82, 87), 89, 121, 122, 124, 125, 128, 130, 131, 134,
                  200, 208, 214, 215, 217, *range(218, 250), *range(423, 429), 430, 431, 433, 444, 445}


def analysed(name: str, records: list[dict], folder: Path):
    """The stored inputs of one story's bottom line: (corpus, claims, conflicts, figure tables, analysis dict)."""
    from storyline.api import analyze

    (folder / name).mkdir(parents=True, exist_ok=True)
    bulk = folder / name / f"{name}.json"
    bulk.write_text(json.dumps(records), encoding="utf-8")
    result = analyze([bulk], db=folder / name / "store.duckdb")
    return result.corpus, result.cross.clusters, result.cross.conflicts, result.cross.figure_tables, result.to_dict()


def sentence_key(corpus, doc: str, start: int) -> str:
    a, b = corpus.sentence_span(doc, start)
    text = corpus.documents[doc]["text"][a:b].strip()
    name = corpus.documents[doc]["source"].replace("\\", "/").rsplit("#", 1)[-1].rsplit("/", 1)[-1]
    return f"{name}:{hashlib.sha1(text.encode()).hexdigest()[:8]}"


def stories(folder: Path) -> list[dict]:
    """Each dev story and hand set: its bottom line's inputs and how to label a line."""
    from storyline.evaluation.gold import from_realtext
    from storyline.evaluation.realtext import read_corpus, realtext_sets
    from storyline.evaluation.strict import overlap

    every = read_corpus(str(WAR))
    out = []
    for path in realtext_sets(ROOT / "tests" / "golden" / "realtext", "dev"):
        gold = json.loads(path.read_text())
        files = [d["file"] for d in gold["documents"]]
        corpus, claims, conflicts, tables, data = analysed(path.parent.name, [
            {"filename": f, "content": every[f]} for f in files], folder)
        spans = from_realtext(gold, data, {f: every[f] for f in files}).bottom_line

        def label(line, spans=spans):
            return int(any(overlap(g, e.doc, e.start, e.end) for item in spans for g in item["evidence"]
                           for e in line.evidence))
        out.append({"name": path.parent.name, "dev": True, "inputs": (corpus, claims, conflicts, tables),
                    "gold": spans, "label": label})
    corpus_rows = json.loads(WAR.read_text(encoding="utf-8"))
    for name, labelled in json.loads(LABELS.read_text())["sets"].items():
        if TEST_POSITIONS & set(labelled["positions"]):
            raise SystemExit(f"set {name} holds a test-story report")
        corpus, claims, conflicts, tables, _ = analysed(name, [
            {"filename": corpus_rows[i]["filename"], "content": corpus_rows[i]["content"]}
            for i in labelled["positions"]], folder)

        def label(line, corpus=corpus, labels=labelled["labels"]):
            for e in (line.evidence if line.kind == "figure" else line.evidence[:1]):
                key = sentence_key(corpus, e.doc, e.start)
                if key in labels:
                    return labels[key]
            return None
        out.append({"name": name, "dev": False, "inputs": (corpus, claims, conflicts, tables), "label": label,
                    "want": labelled["want"]})
    return out


def pool(story: dict) -> list[tuple[list[float], int]]:
    from storyline.analysis import bottomline
    from storyline.analysis import bottomline_rank as rank

    corpus = story["inputs"][0]
    lines = [b for b in bottomline.candidates(*story["inputs"], capped=False) if b.kind != "commentary"]
    rows = []
    for line, f in zip(lines, bottomline.line_features(corpus, lines)):
        y = story["label"](line)
        if y is not None:
            rows.append(([f[k] for k in rank.FEATURES], y))
    return rows


def fit(rows: list[tuple[list[float], int]], l2: float, iters: int = 4000, rate: float = 0.1) -> dict[str, float]:
    """L2-regularised logistic regression by gradient descent (the bias is not penalised)."""
    from storyline.analysis import bottomline_rank as rank

    w = [0.0] * len(rank.FEATURES)
    n = len(rows)
    for _ in range(iters):
        grad = [0.0] * len(w)
        for x, y in rows:
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, sum(a * b for a, b in zip(w, x))))))
            for i, v in enumerate(x):
                grad[i] += (p - y) * v / n
        w = [wi - rate * (g + (l2 * wi / n if i else 0.0)) for i, (wi, g) in enumerate(zip(w, grad))]
    return dict(zip(rank.FEATURES, w))


def measure(stories_: list[dict]) -> tuple[list[int], list[int]]:
    """Dev (matched, shown, gold) and hand sets (lead-worthy, shown, wanted found, wanted) of the current bottom line."""
    from storyline.analysis import bottomline
    from storyline.evaluation.strict import match, overlap

    dev, hand = [0, 0, 0], [0, 0, 0, 0]
    for story in stories_:
        corpus = story["inputs"][0]
        shown = [b for b in bottomline.bottom_line(*story["inputs"]) if b.kind != "commentary"][:10]
        if story["dev"]:
            spans = [[(e.doc, e.start, e.end) for e in b.evidence] for b in shown]
            found = match(story["gold"], spans, lambda g, o: (n,) if (n := max(
                (overlap(e, *x) for e in g["evidence"] for x in o), default=0)) else None)
            dev = [dev[0] + len(found), dev[1] + len(shown), dev[2] + len(story["gold"])]
            continue
        good = [b for b in shown if story["label"](b) == 1]
        keys = {sentence_key(corpus, e.doc, e.start) for b in good for e in b.evidence}
        hand = [hand[0] + len(good), hand[1] + len(shown),
                hand[2] + sum(any(k in keys for k in item) for item in story["want"]), hand[3] + len(story["want"])]
    return dev, hand


def report(title: str, dev: list[int], hand: list[int]) -> None:
    def share(a: int, b: int) -> str:
        return f"{a / b:.3f} ({a}/{b})" if b else "-"
    print(f"{title}: dev P {share(dev[0], dev[1])} R {share(dev[0], dev[2])}; "
          f"hand sets P {share(hand[0], hand[1])} R {share(hand[2], hand[3])}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=float, default=None, help="the least probability shown (default: KEEP)")
    parser.add_argument("--l2", type=float, default=1.0)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    from storyline.analysis import bottomline
    from storyline.analysis import bottomline_rank as rank

    if args.keep is not None:
        rank.KEEP = args.keep
    with tempfile.TemporaryDirectory() as folder:
        found = stories(Path(folder))
    rows = {s["name"]: pool(s) for s in found}
    bottomline.RANKED = False
    report("fixed sections", *measure(found))
    bottomline.RANKED = True
    report("model, shipped weights", *measure(found))
    weights = fit([r for s in found for r in rows[s["name"]]], args.l2)
    print("fitted on dev and every hand set:", json.dumps({k: round(v, 2) for k, v in weights.items()}))
    shipped = dict(rank.WEIGHTS)
    rank.WEIGHTS.update(weights)
    report("model, these weights", *measure(found))
    held = [0, 0, 0, 0]
    for story in [s for s in found if not s["dev"]]:
        rank.WEIGHTS.update(fit([r for s in found if s is not story for r in rows[s["name"]]], args.l2))
        _, hand = measure([story])
        held = [a + b for a, b in zip(held, hand)]
    report("each hand set with weights fitted without it", [0, 0, 0], held)
    rank.WEIGHTS.update(shipped)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
