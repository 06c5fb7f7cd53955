"""Where the per-document stage's time goes: each pipeline component, the records, their return
from a worker and their saving, in CPU seconds beside bare ``nlp.pipe``.

Usage: .venv/bin/python bench/components.py [--docs 80] [--rounds 2] [--corpus 447|seeds] [--profile FILE]
       [--top N] [--json FILE]

Takes the first ``--docs`` reports of the 447-article corpus (their raw text; cleaning is not
measured here) or, with ``--corpus seeds``, of the seeds x20 (each seed twenty times behind a
one-line preface, as bench/run.py makes them), runs bare spaCy (same model, lemmatizer excluded) and Storyline's pipeline over
them alternately (floor, ours, floor, ours), and times every component of ours by wrapping its
call (process CPU seconds, so other jobs on the machine do not count). After the pipeline, the
rest of the per-document stage is timed on the last round's extractions: building each
document's record list as the runner does, pickling and unpickling it (what a worker process
returns), and saving it in a fresh store (``ExtractionStore.save_many``, ``SAVE_BATCH`` documents
per transaction). ``--profile`` runs one more pass of ours under cProfile, writes its statistics
(``python -m pstats FILE``) and prints the share of that pass spent in a few kinds of work that
cut across components (knowledge-base lookups, spaCy matchers, regular expressions, token
access); shares of a profiled pass, since the profiler slows Python code more than native code.
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
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"


def texts_of(corpus: str, docs: int) -> list[str]:
    """The first ``docs`` texts of the 447-article corpus or of the seeds x20."""
    if corpus == "seeds":
        seeds = [path.read_text() for path in sorted(SEEDS.glob("*.txt"))]
        return [f"Copy {n} of a report.\n\n" + seed for n in range(20) for seed in seeds][:docs]
    return [r["content"] for r in json.loads(WAR.read_text())[:docs]]


def top_functions(stats, count: int) -> list[dict]:
    """The ``count`` functions of Storyline (``storyline/``) and of the record saving with the most
    time of their own in a profiled pass (tottime), each with its cumulative time and calls."""
    rows = []
    for (file, line, name), (_, calls, tottime, cumtime, _) in stats.stats.items():
        if "/storyline/" not in file:
            continue
        short = file.split("/storyline/", 1)[1]
        rows.append({"function": f"{short}:{line}({name})", "tottime": tottime, "cumtime": cumtime, "calls": calls})
    rows.sort(key=lambda r: -r["tottime"])
    return rows[:count]


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


# Work that cuts across components, by the functions it runs in (for the --profile shares).
KINDS = {
    "knowledge-base lookups (storyline.kb)": lambda file, name: "/storyline/kb/" in file,
    "spaCy Matcher / PhraseMatcher calls": lambda file, name: "matcher" in file and name == "__call__",
    "regular expressions (re)": lambda file, name: "re.Pattern" in name,
    "token access (Doc[i], iteration, Token objects)": lambda file, name: file.endswith(("doc.pyx", "token.pxd"))
    and name in ("__getitem__", "__iter__", "cinit"),
}


def _kinds(stats) -> dict[str, float]:
    """Seconds of a profiled pass spent in each kind of work: the cumulative time of the outermost
    calls of that kind (a call of the same kind inside one is not counted twice), leaving out calls
    made by spaCy's own components."""
    out: dict[str, float] = {}
    for kind, test in KINDS.items():
        total = 0.0
        for (file, _, name), (_, _, tottime, cumtime, callers) in stats.stats.items():
            if not test(file, name):
                continue
            # time reached from callers that are not themselves of this kind
            # (spaCy's own components, such as the attribute ruler's matcher, are the floor's work too)
            outer = sum(v[3] for c, v in callers.items() if not test(c[0], c[2]) and "spacy/pipeline" not in c[0])
            total += outer
        out[kind] = total
    return out


def after_pipeline(extractions: list) -> dict[str, float]:
    """CPU seconds of the rest of the per-document stage for ``extractions``: the record lists the
    runner builds, a worker's pickled return, and the saves into a fresh store."""
    import pickle

    from storyline.nlp.runner import SAVE_BATCH
    from storyline.store.db import Store
    from storyline.store.extractions import ExtractionStore

    spent: dict[str, float] = {}
    started = time.process_time()
    items = []
    for extraction in extractions:
        found = []
        for name in ("mentions", "times", "quotes", "frames", "figures", "statements", "events"):
            found.extend(getattr(extraction, name))
        items.append((extraction.doc_id, extraction.sentences, found, "bench", None))
    spent["record lists (runner)"] = time.process_time() - started
    started = time.process_time()
    blobs = [pickle.dumps(e, protocol=pickle.HIGHEST_PROTOCOL) for e in extractions]
    spent["pickle (worker side)"] = time.process_time() - started
    started = time.process_time()
    for blob in blobs:
        pickle.loads(blob)
    spent["unpickle (writer side)"] = time.process_time() - started
    spent["returned MB"] = sum(len(b) for b in blobs) / 1e6
    with Store.open(":memory:") as store:
        records = ExtractionStore(store)
        records.ensure_tables("bench")
        started = time.process_time()
        for at in range(0, len(items), SAVE_BATCH):
            records.save_many(items[at: at + SAVE_BATCH])
        spent["saves (save_many)"] = time.process_time() - started
    spent["save ms per document"] = 1000 * spent["saves (save_many)"] / max(1, len(items))
    spent["returned KB per document"] = 1000 * spent["returned MB"] / max(1, len(items))
    return spent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=80)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--corpus", choices=["447", "seeds"], default="447")
    parser.add_argument("--profile")
    parser.add_argument("--top", type=int, default=10, help="functions listed from the profile")
    parser.add_argument("--json")
    args = parser.parse_args()
    if not (WAR.is_file() if args.corpus == "447" else SEEDS.is_dir()):
        print("../shared corpus absent: nothing to measure", file=sys.stderr)
        return 0
    import spacy

    from storyline import config
    from storyline.nlp import pipeline

    texts = texts_of(args.corpus, args.docs)
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
        extractions = list(pipeline.extract(ours, items))
        rows["ours"].append(time.process_time() - started)
        rows["components"].append(dict(spent))
    rows["after"] = after_pipeline(extractions)
    del extractions
    if args.profile:  # a separate pass: the profiler's overhead would distort the timings above
        import pstats

        profiler = cProfile.Profile()
        profiler.enable()
        extractions = list(pipeline.extract(ours, items))
        after_pipeline(extractions)  # record lists, pickling and saves: in the profile too
        profiler.disable()
        del extractions
        profiler.dump_stats(args.profile)
        stats = pstats.Stats(args.profile)
        rows["profiled_total"] = stats.total_tt
        rows["kinds"] = _kinds(stats)
        rows["top"] = top_functions(stats, args.top)
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
    after = rows["after"]
    print(f"after the pipeline (CPU seconds; {after['returned MB']:.1f} MB pickled):")
    for name, seconds in after.items():
        if name.endswith(" per document"):
            print(f"  {name:24s} {seconds:7.1f}")
        elif name != "returned MB":
            print(f"  {name:24s} {seconds:7.2f} s  {100 * seconds / total:5.1f}% of ours")
    if "kinds" in rows:
        print("share of a profiled pass (cProfile):")
        for kind, seconds in rows["kinds"].items():
            print(f"  {kind:48s} {100 * seconds / rows['profiled_total']:5.1f}%")
        print(f"Storyline's costliest functions in the profiled pass (own time; of {rows['profiled_total']:.1f} s):")
        for row in rows["top"]:
            print(f"  {row['tottime']:6.2f} s own {row['cumtime']:6.2f} s cum {row['calls']:9d}  {row['function']}")
    if args.json:
        Path(args.json).write_text(json.dumps({"docs": len(texts), "words": words, **rows}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
