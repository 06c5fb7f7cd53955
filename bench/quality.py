"""Quality benchmark: every category's P/R/F1, lenient (first scorer) beside strict, and the external sets.

Usage: .venv/bin/python bench/quality.py [--json OUT] [--write BENCHMARKS.md] [--skip-external] [--from-json OUT]
       .venv/bin/python bench/quality.py --suggest-floors [--pin]   # floors for tests/golden/floors.json

Golden sets (analysed fresh in a temporary folder, nothing cached):
- team: tests/fixtures/stories/* and the bundled example corpus (expected.json);
- seeds: tests/golden/seeds (the five seed reports, read from ../shared);
- real-text dev and test: tests/golden/realtext/*/gold.json, reports read from the war-news corpus in
  ../shared. The test split is scored here only, never in a CI gate.
Each group is scored by the strict scorer (storyline.evaluation.score) and the lenient one
(score_lenient; real-text gold is rewritten in memory as expected.json fragments for it). The
citation integrity of each group's briefing is measured too (storyline.render.citations).

External (scripts in ../shared/eval, run with this Python):
- PolNeAR dev: polnear_predict.py for Storyline and the naive-sayverb floor, polnear_eval.py for the
  project's current metric and the one-to-one, fragment-aware one-to-one and tight variants;
- NewsQuant dev: newsquant_predict.py and newsquant_score.py (the CQE paper's protocol, value and
  value+unit F1, and its one-to-one variants).
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
WAR = SHARED / "corpus" / "ukraine-war-2022-2024" / "articles.json"
REALTEXT = ROOT / "tests" / "golden" / "realtext"
POLNEAR = SHARED / "eval" / "polnear-dev"
NEWSQUANT = SHARED / "eval" / "newsquant-dev"
TEAM = [ROOT / "tests" / "fixtures" / "stories", ROOT / "src" / "storyline" / "data" / "example"]
SEEDS = [ROOT / "tests" / "golden" / "seeds"]
START, END = "<!-- quality:start -->", "<!-- quality:end -->"
MARGIN = 0.02
"""Floors are pinned at least this far below the measured strict figure (see suggest_floors)."""
# Real-text gold annotates no debris, no body text and no statement kinds.
NOT_IN_REALTEXT = {"debris", "body", "statement_kind"}


def _dicts(scores: dict) -> dict:
    return {name: s.as_dict() for name, s in sorted(scores.items())}


def golden_group(folders: list[Path], workdir: Path) -> dict:
    """Strict and lenient totals over the expected.json sets below ``folders``."""
    from storyline.evaluation import analyse_golden, golden_sets, score, score_lenient, total
    from storyline.render.citations import check_briefing

    strict, lenient, lines, failed = [], [], 0, 0
    paths = golden_sets(folders)
    for path in paths:
        data = analyse_golden(path, workdir)
        expected = json.loads(path.read_text())
        strict.append(score(data, expected))
        lenient.append(score_lenient(data, expected))
        report = check_briefing(data)
        lines, failed = lines + report.lines, failed + report.failed_lines
    return {"sets": [p.parent.name for p in paths], "strict": _dicts(total(strict)), "lenient": _dicts(total(lenient)),
            "citations": {"lines": lines, "failed": failed}}


def realtext_group(split: str, workdir: Path) -> dict:
    """Strict and lenient totals over the real-text stories of one split, with gold item counts."""
    from storyline.evaluation import score_lenient, total
    from storyline.evaluation.realtext import analyse_story, as_expected, realtext_sets, score_story
    from storyline.render.citations import check_briefing

    paths = realtext_sets(REALTEXT, split)
    if not paths:
        return {"error": f"no {split} stories under {REALTEXT.relative_to(ROOT)}"}
    strict, lenient, counts, lines, failed = [], [], {}, 0, 0
    for path in paths:
        data, gold, contents = analyse_story(path, workdir, WAR)
        strict.append(score_story(data, gold, contents))
        loose = score_lenient(data, as_expected(data, gold, contents))
        lenient.append({k: v for k, v in loose.items() if k not in NOT_IN_REALTEXT})
        for key, value in gold.items():
            if isinstance(value, list) and key != "documents":
                counts[key] = counts.get(key, 0) + len(value)
        counts["documents"] = counts.get("documents", 0) + len(gold["documents"])
        report = check_briefing(data)
        lines, failed = lines + report.lines, failed + report.failed_lines
    return {"sets": [p.parent.name for p in paths], "gold_items": counts, "strict": _dicts(total(strict)),
            "lenient": _dicts(total(lenient)), "citations": {"lines": lines, "failed": failed}}


def _run(args: list[str]) -> None:
    done = subprocess.run([sys.executable, *map(str, args)], capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"{Path(str(args[0])).name} exited {done.returncode}: {done.stderr.strip()[-300:]}")


def polnear(workdir: Path) -> dict:
    preds = []
    out: dict = {}
    for system in ("storyline", "naive-sayverb"):
        target = workdir / f"polnear-{system}.json"
        try:
            _run([POLNEAR / "polnear_predict.py", "--system", system, "--data", POLNEAR / "dev", "--out", target])
            preds.append(target)
        except RuntimeError as exc:  # the naive floor needs textacy's verb list
            out[f"{system}_error"] = str(exc)
    report = workdir / "polnear-eval.json"
    _run([POLNEAR / "polnear_eval.py", "--data", POLNEAR / "dev", *preds, "--json", report])
    out["systems"] = {r["system"]: r for r in json.loads(report.read_text())}
    return out


def newsquant(workdir: Path) -> dict:
    preds, report = workdir / "newsquant-storyline.json", workdir / "newsquant-score.json"
    data = NEWSQUANT / "NewsQuant-dev.json"
    _run([NEWSQUANT / "newsquant_predict.py", "--system", "storyline", "--data", data, "--out", preds])
    runs, out = [preds], {}
    peer = workdir / "newsquant-quantulum3.json"
    try:  # the rule-based peer, side by side (the `bench` extra installs it)
        _run([NEWSQUANT / "newsquant_predict.py", "--system", "quantulum3", "--data", data, "--out", peer])
        runs.append(peer)
        info = json.loads(peer.read_text()).get("info", {}) if peer.is_file() else {}
        if info.get("clf_error"):
            out["quantulum3_note"] = "quantulum3 ran on its rules only: its unit classifier did not load"
    except RuntimeError as exc:
        out["quantulum3_error"] = str(exc).splitlines()[-1][:200]
    _run([NEWSQUANT / "newsquant_score.py", "--data", data, *runs, "--json", report])
    systems = {r["system"]: r for r in json.loads(report.read_text())}
    try:  # the canonical unit (Figure.unit) read where the shared script reads unit_text
        units = workdir / "newsquant-units"
        _run([Path(__file__).parent / "newsquant_units.py", "--data", data, "--out", units])
        for r in json.loads((units / "newsquant-units-score.json").read_text()):
            if r["system"] in ("storyline-unit", "storyline-unit-changes"):
                systems[r["system"]] = r
    except RuntimeError as exc:
        out["units_error"] = str(exc).splitlines()[-1][:200]
    return {"systems": systems, **out}


def measure(workdir: Path, external: bool = True, only: set[str] | None = None) -> dict:
    """Every quality figure; a part whose data is absent or that fails is recorded as an error."""
    parts = {
        "team": lambda: golden_group(TEAM, workdir / "team"),
        "seeds": lambda: golden_group(SEEDS, workdir / "seeds"),
        "realtext_dev": lambda: realtext_group("dev", workdir / "rt-dev"),
        "realtext_test": lambda: realtext_group("test", workdir / "rt-test"),
    }
    if external:
        parts["polnear"] = lambda: polnear(workdir)
        parts["newsquant"] = lambda: newsquant(workdir)
    needs = {"seeds": SHARED / "corpus" / "seeds", "realtext_dev": WAR, "realtext_test": WAR,
             "polnear": POLNEAR, "newsquant": NEWSQUANT}
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    out: dict = {"measured": f"{date.today().isoformat()}, code at commit {commit or 'unknown'}"}
    for name, fn in parts.items():
        if only is not None and name not in only:
            continue
        print(f"quality: {name}", file=sys.stderr)
        if name in needs and not needs[name].exists():
            out[name] = {"error": f"{needs[name]} is not present"}
            continue
        (workdir / name).mkdir(parents=True, exist_ok=True)
        try:
            out[name] = fn()
        except Exception as exc:  # a part that breaks is reported in the table, the others still run
            out[name] = {"error": f"{type(exc).__name__}: {exc}"}
    return out


# -- the Markdown section -----------------------------------------------------------------------


def _f(x) -> str:
    return "n/a" if x is None else f"{x:.3f}"


GROUP_TITLES = {
    "team": "Team-written stories and the bundled example corpus",
    "seeds": "The five seed reports",
    "realtext_dev": "Real-text dev (war-news corpus)",
    "realtext_test": "Real-text test (war-news corpus; scored here only, never in a CI gate)",
}


def _group(name: str, g: dict) -> list[str]:
    out = ["", f"### {GROUP_TITLES[name]}", ""]
    if "error" in g:
        return out + [f"Not measured: {g['error']}."]
    out.append(f"Sets: {', '.join(g['sets'])}.")
    if g.get("gold_items"):
        out.append("Gold items: " + ", ".join(f"{k} {v}" for k, v in sorted(g["gold_items"].items())) + ".")
    c = g["citations"]
    out += [f"Citation integrity: {c['failed']} of {c['lines']} briefing lines (HTML and Markdown) fail.", "",
            "| category | lenient P | lenient R | lenient F1 | strict P | strict R | strict F1 | tp | fp | fn |",
            "|---|---|---|---|---|---|---|---|---|---|"]
    for cat in sorted(set(g["strict"]) | set(g["lenient"])):
        lo, st = g["lenient"].get(cat), g["strict"].get(cat)
        left = [_f(lo[k]) for k in ("precision", "recall", "f1")] if lo else ["-"] * 3
        right = [_f(st[k]) for k in ("precision", "recall", "f1")] + [str(st[k]) for k in ("tp", "fp", "fn")] \
            if st else ["-"] * 6
        out.append(f"| {cat} | " + " | ".join(left + right) + " |")
    return out


def _polnear_md(p: dict) -> list[str]:
    out = ["", "### PolNeAR dev (quote attribution)", ""]
    if "error" in p:
        return out + [f"Not measured: {p['error']}."]
    rows = [("current metric (overlap, as bench/polnear.py)", "speaker_attribution_overlap"),
            ("one-to-one (overlap)", "attribution_1to1_overlap"),
            ("fragment-aware one-to-one", "attribution_1to1_fragment_aware"),
            ("tight one-to-one (content Dice >= 0.5)", "attribution_1to1_tight"),
            ("content only, tight one-to-one", "content_1to1_tight")]
    systems = p["systems"]
    out += ["| metric | " + " | ".join(f"{s} P | {s} R | {s} F1" for s in systems) + " |",
            "|---|" + "---|---|---|" * len(systems)]
    for label, keyname in rows:
        cells = []
        for s in systems.values():
            m = s.get(keyname, {})
            cells += [_f(m.get("p")), _f(m.get("r")), f"**{_f(m.get('f1'))}**"]
        out.append(f"| {label} | " + " | ".join(cells) + " |")
    out += [f"{k}: {v}" for k, v in p.items() if k.endswith("_error")]
    return out


def _newsquant_md(n: dict) -> list[str]:
    out = ["", "### NewsQuant dev (quantities; the CQE paper's protocol)", ""]
    if "error" in n:
        return out + [f"Not measured: {n['error']}."]
    out += ["| system | gold | tags | value P | value R | value F1 | value+unit P | value+unit R | value+unit F1 "
            "| value F1 1:1 | value+unit F1 1:1 | value+unit-as-written F1 1:1 |", "|---|" + "---|" * 11]
    for name, s in n["systems"].items():
        v, vu = s["cqe_value"], s["cqe_value+unit"]
        out.append(f"| {name} | {s['gold']} | {s['tags']} | {v['p']} | {v['r']} | **{v['f1']}** | {vu['p']} | {vu['r']} "
                   f"| **{vu['f1']}** | {s['value_1to1']['f1']} | {s['value+unit_1to1']['f1']} "
                   f"| {s['value+unit_as_written_1to1']['f1']} |")
    out += [f"{v}." for k, v in n.items() if k.startswith(("quantulum3_", "units_"))]
    out += ["", "`storyline` is the shared predict script, which reads the unit as written (`unit_text`); "
            "`storyline-unit` is the same run's figures scored on their canonical unit (`unit`, "
            "`bench/newsquant_units.py`); `storyline-unit-changes` also writes a change \"from X to Y\" as "
            "NewsQuant's (old, new) pair instead of the new level alone. The scorer is the shared one in every line."]
    return out + ["", "Published on the whole set (value F1 / value+unit F1): CQE 92.0 / 85.6, quantulum3 73.0 / 47.2."]


def render_section(q: dict) -> str:
    out = [START, "## Quality", "",
           "Reproduce with `.venv/bin/python bench/quality.py --write BENCHMARKS.md` (also part of `make bench`). "
           "Lenient: the first scorer (`storyline.evaluation.score_lenient`): a record counts only where a golden "
           "fragment sits, names match by substring, one record may hit several items, unmatched conflicts are "
           "never false positives, empty output is precise. Strict (`storyline.evaluation.score`, what the quality "
           "gate enforces): one-to-one matching, every output record in an annotated report counts, identities "
           "(Wikidata id or canonical name) instead of surface strings, and undefined precision (n/a) for empty "
           "output. The team stories list only some quotes, so their strict quote precision is a lower bound; the "
           "real-text gold is exhaustive for entities, quotes and figures. The seeds' expected.json lists only 9 "
           "entities and 4 quotes, so their strict precision mostly counts what it does not list. Claim purity "
           "(given as P; recall does not apply) is the share of a cluster's members that express the gold claim "
           "most of its members express: `claim_purity` counts the members that express some gold claim, "
           "`claim_purity_all` counts every member (a lower bound where the gold misses members). A team "
           "story's evolutions (one source's own account that changed) are conflict gold of kind `evolution`."]
    if q.get("measured"):
        out += ["", f"Measured {q['measured']}."]
    for name in GROUP_TITLES:
        if name in q:
            out += _group(name, q[name])
    if "polnear" in q:
        out += _polnear_md(q["polnear"])
    if "newsquant" in q:
        out += _newsquant_md(q["newsquant"])
    return "\n".join(out + [END])


def write_section(path: Path, section: str) -> None:
    """Replace the quality section of BENCHMARKS.md (or append it)."""
    text = path.read_text() if path.exists() else ""
    if START in text and END in text:
        text = text[: text.index(START)] + section + text[text.index(END) + len(END):]
    else:
        text = text.rstrip() + "\n\n" + section + "\n"
    path.write_text(text)


# -- floors -----------------------------------------------------------------------------------


def suggest_floors(q: dict, margin: float = MARGIN) -> dict:
    """Floors a little below the measured strict figures, for the gated golden sets (team + seeds
    together, as the gate scores them) and the real-text dev split: the lower of ``margin`` below the
    figure and the figure with one more error, rounded down to 0.01; 1.0 where the figure is 1.0. A floor that would be 0 (or a
    figure that is undefined) is null: not gated until the system finds something there."""
    from storyline.evaluation.strict import Score, Share

    def floor(s: Score, kind: str) -> float | None:
        value = getattr(s, kind)
        if value is None:
            return None
        if value == 1.0:
            return 1.0  # a perfect category stays perfect: any slip is a real regression
        n = s.tp + (s.fp if kind == "precision" else s.fn)
        pinned = math.floor(min(value - margin, (s.tp - 1) / n) * 100 + 1e-9) / 100
        return pinned if pinned > 0 else None

    groups: dict[str, dict[str, Score]] = {"golden": {}, "realtext_dev": {}}
    for name, target in (("team", "golden"), ("seeds", "golden"), ("realtext_dev", "realtext_dev")):
        for cat, d in q.get(name, {}).get("strict", {}).items():
            kind = Share if d.get("recall") is None and d.get("fn") == 0 and d.get("precision") is not None else Score
            groups[target].setdefault(cat, kind()).add(kind(d["tp"], d["fp"], d["fn"]))
    return {name: {c: {"precision": floor(s, "precision"), "recall": floor(s, "recall")} for c, s in sorted(scores.items())}
            for name, scores in groups.items() if scores}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", help="write the raw figures here")
    parser.add_argument("--write", help="replace the quality section of this Markdown file (BENCHMARKS.md)")
    parser.add_argument("--skip-external", action="store_true", help="skip PolNeAR and NewsQuant")
    parser.add_argument("--pin", action="store_true",
                        help="with --suggest-floors: write them into tests/golden/floors.json (review the diff)")
    parser.add_argument("--from-json", help="use figures saved by an earlier --json run instead of measuring")
    parser.add_argument("--suggest-floors", action="store_true",
                        help="measure the gated sets only and print floors for tests/golden/floors.json")
    args = parser.parse_args()
    if args.from_json:
        q = json.loads(Path(args.from_json).read_text())
    else:
        with tempfile.TemporaryDirectory() as tmp:
            only = {"team", "seeds", "realtext_dev"} if args.suggest_floors else None
            q = measure(Path(tmp), external=not (args.skip_external or args.suggest_floors), only=only)
    if args.suggest_floors:
        floors = suggest_floors(q)
        print(json.dumps(floors, indent=1))
        if args.pin:
            path = ROOT / "tests" / "golden" / "floors.json"
            pinned = json.loads(path.read_text())
            pinned["floors"] = floors
            path.write_text(json.dumps(pinned, indent=1) + "\n")
            print(f"wrote {path.relative_to(ROOT)}", file=sys.stderr)
        return 0
    if args.json and not args.from_json:
        Path(args.json).write_text(json.dumps(q, indent=1))
    if args.write:
        write_section(Path(args.write), render_section(q))
        print(f"wrote the quality section of {args.write}", file=sys.stderr)
    else:
        print(render_section(q))
    return 0


if __name__ == "__main__":
    sys.exit(main())
