"""Where extraction time goes: each pipeline component's CPU seconds, beside bare ``nlp.pipe``.

Usage: .venv/bin/python bench/components.py [--docs 80] [--profile FILE] [--json FILE]

Takes the first ``--docs`` reports of the 447-article corpus (their raw text; cleaning is not
measured here), runs bare spaCy (same model, lemmatizer excluded) and Storyline's pipeline over
them alternately (floor, ours, floor, ours), and times every component of ours by wrapping its
call (process CPU seconds, so other jobs on the machine do not count). ``--profile`` writes
cProfile statistics of one pass of ours (``python -m pstats FILE``).
"""

from __future__ import annotations

import argparse
import cProfile
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WAR = ROOT.parent / "shared" / "corpus" / "ukraine-war-2022-2024" / "articles.json"


class Timed:
    """A pipeline component whose calls add their CPU seconds to ``spent[name]``."""

    def __init__(self, name: str, component, spent: dict) -> None:
        self.name, self.component, self.spent = name, component, spent

    def __call__(self, doc):
        started = time.process_time()
        doc = self.component(doc)
        self.spent[self.name] += time.process_time() - started
        return doc

    def pipe(self, docs, batch_size: int = 16, **kwargs):
        from spacy.util import minibatch

        inner = getattr(self.component, "pipe", None)
        # Each batch is pulled from the upstream components before the clock starts, so a
        # component's time is its own (a generator chain would otherwise charge it upstream work).
        for batch in minibatch(docs, batch_size):
            started = time.process_time()
            out = list(inner(batch, batch_size=batch_size)) if inner else [self.component(d) for d in batch]
            self.spent[self.name] += time.process_time() - started
            yield from out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=80)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--profile")
    parser.add_argument("--json")
    args = parser.parse_args()
    if not WAR.is_file():
        print("../shared corpus absent: nothing to measure", file=sys.stderr)
        return 0
    import spacy

    from storyline import config
    from storyline.nlp import pipeline

    texts = [r["content"] for r in json.loads(WAR.read_text())[: args.docs]]
    model = config.defaults()["model"]["spacy"]
    bare = spacy.load(model, exclude=["lemmatizer"])
    ours = pipeline.load(model)
    spent: dict[str, float] = defaultdict(float)
    # Wrapped in place (replace_pipe wants registered factories).
    ours._components = [(name, Timed(name, component, spent)) for name, component in ours._components]
    items = [(f"d{i}", text, None) for i, text in enumerate(texts)]
    rows: dict[str, list[float]] = defaultdict(list)
    for _ in range(args.rounds):
        started = time.process_time()
        for _ in bare.pipe(texts, batch_size=16):
            pass
        rows["floor"].append(time.process_time() - started)
        spent.clear()
        started = time.process_time()
        for _ in pipeline.extract(ours, items):
            pass
        rows["ours"].append(time.process_time() - started)
        rows["components"].append(dict(spent))
    if args.profile:  # a separate pass: the profiler's overhead would distort the timings above
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in pipeline.extract(ours, items):
            pass
        profiler.disable()
        profiler.dump_stats(args.profile)
    words = sum(len(t.split()) for t in texts)
    print(f"{len(texts)} reports, {words:,} words; CPU seconds per round")
    print(f"floor (bare nlp.pipe): {', '.join(f'{s:.1f}' for s in rows['floor'])}")
    print(f"ours (pipeline.extract): {', '.join(f'{s:.1f}' for s in rows['ours'])}")
    last = rows["components"][-1]
    total = rows["ours"][-1]
    for name, seconds in sorted(last.items(), key=lambda kv: -kv[1]):
        print(f"  {name:24s} {seconds:7.2f} s  {100 * seconds / total:5.1f}%")
    rest = total - sum(last.values())
    print(f"  {'(outside components)':24s} {rest:7.2f} s  {100 * rest / total:5.1f}%")
    if args.json:
        Path(args.json).write_text(json.dumps({"docs": len(texts), "words": words, **rows}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
