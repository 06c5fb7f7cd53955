"""All of Storyline's benchmarks in one command; writes BENCHMARKS.md.

Usage: .venv/bin/python bench/run.py [--quick] [--out BENCHMARKS.md]

Each measurement runs in a fresh child process, so its peak memory is its own and no
model or cache is shared between measurements that are compared. Corpora are read from
../shared at run time; a measurement whose corpus is absent is reported as skipped.

- throughput: the whole ``analyze`` job, per stage, on the seeds x20 (each copy made
  distinct by a one-line preface, near-duplicate linking off so every copy is processed)
  and on the 447-article corpus; documents/s, words/s, peak memory (of the writer process, and of
  it and its worker processes together at one moment);
- floor: bare spaCy ``nlp.pipe`` with the same model and the same components excluded,
  over the same cleaned texts, in the same run; our throughput as a ratio of it;
- scaling: the cross-source stage on 100, 1,000 and 10,000 documents made by joining
  pairs of the 447 corpus's analysed documents (records shifted, texts concatenated);
  the exponent of a log-log fit;
- incremental (bench/incremental.py): adding one report to a store of 1,000 distinct reports,
  against the full analysis that built it, wall and CPU seconds;
- cores (bench/cores.py): the same two corpora at 1 and 2 workers against bare spaCy
  ``nlp.pipe(n_process=N)``, interleaved floor/ours, CPU time beside wall time;
- ray (bench/cores.py --engines local ray, when the ``storyline[ray]`` extra is installed): the 447
  corpus at 2 workers on local processes, then on a local two-CPU Ray: Ray's overhead;
- saves (bench/saves.py): writing the 447 corpus's records, former path against bulk inserts;
- components (bench/components.py): the per-document stage on 100 reports of the 447 corpus, CPU
  seconds per pipeline component, record lists, pickled return and saves, beside bare ``nlp.pipe``;
- encoder (bench/encoder.py): sentences/s of the sentence encoder on the 447 corpus's sentences;
- cold start: ``storyline analyze`` on the five seeds in a fresh process, to briefing.html;
- quality: the PolNeAR attribution benchmark, and bench/quality.py (every golden category's P/R/F1,
  lenient and strict, on the team stories, the seeds and the real-text dev and test sets; PolNeAR
  and NewsQuant with their strict variants).
"""

from __future__ import annotations

import argparse
import json
import math
import multiprocessing as mp
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
WAR = SHARED / "corpus" / "ukraine-war-2022-2024" / "articles.json"
NO_DEDUP = {"dedup": {"near_duplicates": False}}


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class TreePeak:
    """The largest resident memory this process and its child processes (the extraction's workers)
    held at one moment, sampled from /proc every ``every`` seconds while the block runs (Linux;
    elsewhere it stays None). ``ru_maxrss`` gives each process's own peak only, which misses the
    workers' models held beside the writer's memory."""

    def __init__(self, every: float = 0.2) -> None:
        self.every, self.mb, self._stop = every, None, None

    @staticmethod
    def _rss_mb(pid: int) -> float:
        with open(f"/proc/{pid}/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20

    def sample(self) -> float:
        me = os.getpid()
        total = self._rss_mb(me)
        for name in os.listdir("/proc"):
            if not name.isdigit() or int(name) == me:
                continue
            try:
                with open(f"/proc/{name}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
                if ppid == me:
                    total += self._rss_mb(int(name))
            except (OSError, ValueError, IndexError):
                continue  # a process that ended meanwhile
        return total

    def __enter__(self) -> "TreePeak":
        import threading

        if not os.path.isdir("/proc"):
            return self
        self._stop = threading.Event()

        def watch() -> None:
            while True:
                self.mb = max(self.mb or 0.0, self.sample())
                if self._stop.wait(self.every):
                    return

        self._thread = threading.Thread(target=watch, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        if self._stop is not None:
            self._stop.set()
            self._thread.join()


def _child(target, *args):
    """Run ``target(*args)`` in a fresh process and return its result."""
    ctx = mp.get_context("spawn")
    with ctx.Pool(1) as pool:
        return pool.apply(target, args)


def _config(overrides: dict | None = None) -> dict:
    from storyline import config

    cfg = config.defaults()
    for section, values in (overrides or {}).items():
        cfg[section].update(values)
    return cfg


# -- measurements (each runs in a child) ------------------------------------------------


def measure_analyze(inputs: list[str], workdir: str, overrides: dict | None = None) -> dict:
    from storyline.api import analyze

    config = _config(overrides)
    with TreePeak() as tree:
        started = time.perf_counter()
        result = analyze(inputs, db=Path(workdir) / "store.duckdb", config=config, keep_model=False)  # as the command
        tick = time.perf_counter()
        result.write(Path(workdir) / "out")
        render = time.perf_counter() - tick
        total = time.perf_counter() - started
    originals = [d for d in result.corpus.documents.values() if not d.get("duplicate_of")]
    words = sum(d["word_count"] or 0 for d in originals)
    from storyline.nlp.workers import resolve_workers

    return {"docs": len(originals), "words": words, "seconds": total,
            "stages": {**result.stage_seconds, "render": render}, "peak_mb": _peak_mb(),
            "workers": resolve_workers(config["model"].get("workers", 0)),
            "workers_peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
            "tree_peak_mb": tree.mb}


def measure_floor(db: str) -> dict:
    import duckdb
    import spacy

    from storyline.nlp.pipeline import available_components  # noqa: F401  (same imports as ours)

    con = duckdb.connect(db, read_only=True)
    texts = [r[0] for r in con.execute("SELECT text FROM documents WHERE duplicate_of IS NULL ORDER BY seq").fetchall()]
    con.close()
    nlp = spacy.load(_config()["model"]["spacy"], exclude=["lemmatizer"])
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    seconds = time.perf_counter() - started
    return {"docs": len(texts), "seconds": seconds, "peak_mb": _peak_mb()}


def _synthetic(corpus, n: int):
    """A corpus of ``n`` documents, each two real ones joined (records shifted to match)."""
    import copy
    import random

    from storyline.analysis.corpus import Corpus

    rng = random.Random(n)
    ids = corpus.originals()
    by_doc: dict[str, dict[str, list]] = {d: {k: [] for k in ("mentions", "times", "quotes", "figures", "statements", "events")} for d in ids}
    for kind in by_doc[ids[0]]:
        for record in getattr(corpus, kind):
            if record.doc in by_doc:
                by_doc[record.doc][kind].append(record)
    documents, sentences, out = {}, {}, {k: [] for k in by_doc[ids[0]]}
    for i in range(n):
        a, b = rng.choice(ids), rng.choice(ids)
        new = f"syn{i:05d}"
        text_a = corpus.documents[a]["text"]
        text = text_a + "\n\n" + corpus.documents[b]["text"]
        shift = len(text_a) + 2
        documents[new] = {**corpus.documents[a], "id": new, "text": text, "duplicate_of": None}
        sentences[new] = corpus.sentences.get(a, []) + [(s + shift, e + shift) for s, e in corpus.sentences.get(b, [])]
        for source, offset in ((a, 0), (b, shift)):
            for kind, records in by_doc[source].items():
                for record in records:
                    clone = copy.copy(record)
                    clone.doc, clone.start, clone.end = new, record.start + offset, record.end + offset
                    out[kind].append(clone)
    return Corpus(documents=documents, sentences=sentences, entities=corpus.entities, kb=corpus.kb, **out)


def measure_scaling(db: str, sizes: list[int]) -> dict:
    from storyline.analysis.corpus import Corpus
    from storyline.analysis.embed import EmbeddingCache
    from storyline.analysis.run import analyse
    from storyline.kb.lookup import load_kb
    from storyline.store.db import Store

    store = Store.open(db)
    base = Corpus.from_store(store, load_kb())
    cache = EmbeddingCache(store.con)
    cfg = _config()
    analyse(base, cfg, cache.get)  # fills the embedding cache: the timings below measure the stage itself
    points = []
    for n in sizes:
        corpus = _synthetic(base, n)
        started = time.perf_counter()
        result = analyse(corpus, cfg, cache.get)
        points.append({"docs": n, "seconds": time.perf_counter() - started,
                       "statements": len(corpus.statements), "clusters": len(result.clusters),
                       "conflicts": len(result.conflicts)})
    store.close()
    return {"points": points, "peak_mb": _peak_mb()}


# -- orchestration ----------------------------------------------------------------------


def seeds_x20(folder: Path) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(20):
        for seed in sorted(SEEDS.glob("*.txt")):
            (folder / f"{n:02d}_{seed.name}").write_text(f"Copy {n} of a report.\n\n" + seed.read_text())
    return [str(folder)]


def cold_start(workdir: Path) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "storyline.cli", "analyze", str(SEEDS), "-o", str(workdir / "cold")],
                   check=True, capture_output=True)
    return time.perf_counter() - started


def script(name: str, workdir: Path, *args: str) -> dict:
    """Run bench/NAME.py in its own process (it may start worker processes); its JSON result."""
    out = workdir / f"{name}.json"
    subprocess.run([sys.executable, str(ROOT / "bench" / f"{name}.py"), *args, "--json", str(out)],
                   check=True, capture_output=True)
    return json.loads(out.read_text())


def _has_ray() -> bool:
    """Whether the optional ``storyline[ray]`` extra is installed (Ray's overhead is measured only then)."""
    import importlib.util

    return importlib.util.find_spec("ray") is not None


def fit_exponent(points: list[dict]) -> float:
    xs = [math.log(p["docs"]) for p in points]
    ys = [math.log(max(p["seconds"], 1e-6)) for p in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


def quality(workdir: Path) -> dict:
    out: dict = {}
    polnear = workdir / "polnear.json"
    if (SHARED / "eval" / "polnear-dev").is_dir():
        subprocess.run([sys.executable, str(ROOT / "bench" / "polnear.py"), "--json", str(polnear)],
                       check=True, capture_output=True)
        out["polnear"] = json.loads(polnear.read_text())
    from quality import measure  # bench/quality.py: lenient and strict golden scores, PolNeAR, NewsQuant

    out["quality"] = measure(workdir / "quality")
    return out


def machine() -> str:
    import spacy
    import torch

    cpu = platform.processor() or platform.machine()
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    return (f"{platform.system()} {platform.release()}, {cpu}, {os.cpu_count()} cores, Python "
            f"{platform.python_version()}, spaCy {spacy.__version__}, torch {torch.__version__}"
            + (f"; code at commit {commit}" if commit else ""))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="skip the 10,000-document and 1,000-document runs")
    parser.add_argument("--out", default=str(ROOT / "BENCHMARKS.md"))
    args = parser.parse_args()
    if not SEEDS.is_dir():
        print("../shared/corpus is not present: nothing to measure", file=sys.stderr)
        return 0
    results: dict = {"machine": machine()}
    raw = Path(args.out).with_suffix(".json")

    def step(name: str, fn, *fn_args):
        """Run one measurement; a failure is recorded, not fatal, and results are saved as we go."""
        print(name, file=sys.stderr)
        try:
            value = fn(*fn_args)
        except Exception as exc:  # a benchmark that breaks is reported in the table
            value = {"error": f"{type(exc).__name__}: {exc}"}
        raw.write_text(json.dumps(results, indent=1, default=str))
        return value

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        runs = {"seeds x20": (seeds_x20(work / "seeds20"), NO_DEDUP)}
        if WAR.is_file():
            runs["447 articles"] = ([str(WAR)], None)
        for name, (inputs, overrides) in runs.items():
            folder = work / name.replace(" ", "_")
            folder.mkdir()
            ours = step(f"throughput: {name}", _child, measure_analyze, inputs, str(folder), overrides)
            floor = step(f"floor: {name}", _child, measure_floor, str(folder / "store.duckdb"))
            if "error" not in ours and "error" not in floor:
                results[name] = {"ours": ours, "floor": floor, "ratio": floor["seconds"] / ours["seconds"]}
        if WAR.is_file():
            sizes = [100, 447, 1000] if args.quick else [100, 1000, 10000]
            scaling = step(f"scaling: {sizes}", _child, measure_scaling, str(work / "447_articles" / "store.duckdb"), sizes)
            if "error" not in scaling:
                scaling["exponent"] = fit_exponent(scaling["points"])
            results["scaling"] = scaling
            if not args.quick:
                # bench/incremental.py: 1,000 distinct variants of the reports a benchmark may analyse
                # (held-out stories' reports left out), then one more added, twice; CPU beside wall time.
                results["incremental"] = step("incremental", script, "incremental", work, "--workdir",
                                              str(work / "incremental"), "--docs", "1000", "--repeat", "2")
        results["cores"] = step("cores: workers 1 and 2 against spaCy n_process", script, "cores", work,
                                "--workers", "1", "2")
        if WAR.is_file() and _has_ray():
            # Ray's overhead on the 447 corpus: the per-document stage on a local two-CPU Ray, right
            # after the same run on local processes (bench/cores.py --engines local ray).
            results["ray"] = step("ray: 447 corpus, 2 workers, local processes then Ray", script, "cores", work,
                                  "--workers", "2", "--corpus", "447", "--engines", "local", "ray")
        if WAR.is_file():
            results["saves"] = step("saves", script, "saves", work)
            # The per-document stage by component, with the records' return and saves (bench/components.py).
            results["components"] = step("components: the per-document stage, 100 reports", script, "components",
                                         work, "--docs", "100", "--profile", str(work / "components.prof"))
            results["encoder"] = step("encoder", script, "encoder", work)
        results["components_seeds"] = step("components: the per-document stage, 100 reports of the seeds x20",
                                           script, "components", work, "--docs", "100", "--corpus", "seeds",
                                           "--profile", str(work / "components_seeds.prof"))
        results["cold_start"] = step("cold start", cold_start, work)
        results["quality"] = step("quality", quality, work)
    from issue16 import summarise  # bench/issue16.py: the speed figures beside their targets

    results["issue16"] = summarise(results)
    raw.write_text(json.dumps(results, indent=1, default=str))
    Path(args.out).write_text(report(results))
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


def report(r: dict) -> str:
    from report import render  # bench/report.py: the Markdown layout

    return render(r)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    sys.exit(main())
