"""NewsQuant dev scored on the canonical unit (Figure.unit) beside the unit as written (Figure.unit_text).

Usage: .venv/bin/python bench/newsquant_units.py [--data PATH] [--out DIR]

Runs the public figure path (``storyline.extract_figures``) once over every NewsQuant-dev sentence
(read at run time from ../shared/eval/newsquant-dev; nothing of it is kept in the project) and
writes two predictions files in the format of the shared ``newsquant_predict.py``:

* ``newsquant-storyline.json``: as the shared script writes it, ``unit_text`` = the unit as written;
* ``newsquant-storyline-unit.json``: the same figures with the canonical ``unit`` ("mile per hour",
  "kilowatt", "dollar per barrel", "virus") in the ``unit_text`` slot.

Both are scored by the shared ``newsquant_score.py`` (the CQE paper's protocol and its one-to-one
variants), which prints them side by side. That scorer maps a system's unit by lower-casing it,
dropping a final "s" and looking it up in the CQE authors' dictionary for free-text units; a
canonical name that ends in "s" ("virus", "celsius") is clipped by that step like any plural, so a
third line, ``storyline-unit-asis``, scores the canonical names without the clipping (the scorer's
own code with only its unit reading replaced: the name, lower case). Money and percentages are read
from ``counts`` by the scorer in every line.

A change ("fell from $36,040 to $34,935") is one Figure with ``value`` the new level and
``change_from`` the old one; NewsQuant writes it as the pair (old, new), as it writes a range, and
the shared predict script, reading ``value`` only, cannot see the old level. The fourth line,
``storyline-unit-changes``, writes a change as that pair (everything else as in the second line),
so that the difference between the two is what the record's reading of a change costs on this
protocol, not an extraction error.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NEWSQUANT = ROOT.parent / "shared" / "eval" / "newsquant-dev"
sys.path.insert(0, str(ROOT / "src"))


def predictions(texts: list[str]) -> tuple[list[list[dict]], float]:
    """Per sentence, each figure as the shared predict script writes it, plus its canonical unit."""
    from storyline import extract_figures

    t0 = time.perf_counter()
    out = []
    for text in texts:
        out.append([{"value": f.value if f.value is not None else [f.low, f.high], "counts": f.counts,
                     "unit_text": f.unit_text, "unit": f.unit, "change_from": f.change_from, "qualifier": f.qualifier, "span": f.text,
                     "start": f.start, "end": f.end} for f in extract_figures(text)])
    return out, time.perf_counter() - t0


def write(path: Path, system: str, texts: list[str], tags: list[list[dict]], seconds: float) -> None:
    path.write_text(json.dumps({"system": system, "info": {}, "seconds": round(seconds, 1),
                                "sentences": [{"text": t, "tags": p} for t, p in zip(texts, tags)]},
                               ensure_ascii=False, indent=0))


def as_unit(tags: list[list[dict]]) -> list[list[dict]]:
    """The same figures with the canonical unit where the scorer reads the unit as written."""
    return [[{**t, "unit_text": t["unit"]} for t in sentence] for sentence in tags]


def as_pairs(tags: list[list[dict]]) -> list[list[dict]]:
    """A change as NewsQuant writes it: the pair (old level, new level)."""
    return [[{**t, "value": [t["change_from"], t["value"] if t["value"] is not None and not isinstance(t["value"], list)
                             else t["value"][1]]} if t["change_from"] is not None else t for t in sentence]
            for sentence in tags]


def score_asis(data: list[dict], blob: dict, scorer_path: Path) -> dict:
    """The shared scorer's ``score`` with its unit reading replaced: the canonical name, lower case."""
    spec = importlib.util.spec_from_file_location("newsquant_score", scorer_path)
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    scorer.surface_unit = lambda u: u.lower().strip() if u else "-"
    out, _ = scorer.score(data, {**blob, "system": "storyline-unit-asis"})
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=NEWSQUANT / "NewsQuant-dev.json")
    ap.add_argument("--out", type=Path, default=Path("/tmp/newsquant-units"), help="folder for predictions and scores")
    a = ap.parse_args()
    if not a.data.exists():
        raise SystemExit(f"no NewsQuant data at {a.data} (the shared eval folder is read at run time)")
    scorer_path = a.data.parent / "newsquant_score.py"
    data = json.loads(a.data.read_text(encoding="utf-8"))
    texts = [d["text"] for d in data]
    tags, seconds = predictions(texts)
    a.out.mkdir(parents=True, exist_ok=True)
    written, canonical = a.out / "newsquant-storyline.json", a.out / "newsquant-storyline-unit.json"
    write(written, "storyline", texts, tags, seconds)
    write(canonical, "storyline-unit", texts, as_unit(tags), seconds)
    changes = a.out / "newsquant-storyline-unit-changes.json"
    write(changes, "storyline-unit-changes", texts, as_pairs(as_unit(tags)), seconds)
    report = a.out / "newsquant-units-score.json"
    subprocess.run([sys.executable, str(scorer_path), "--data", str(a.data), str(written), str(canonical), str(changes),
                    "--json", str(report), "--errors", str(a.out / "errors")], check=True)
    asis = score_asis(data, json.loads(canonical.read_text(encoding="utf-8")), scorer_path)
    keys = ["cqe_value", "cqe_value+unit", "value_1to1", "value+unit_1to1", "value+unit_as_written_1to1"]
    print(f"{asis['system']:<16}{asis['tags']:>6}  " + "".join(
        f"{asis[k]['p']:>10.1f}{asis[k]['r']:>9.1f}{asis[k]['f1']:>9.1f}" for k in keys))
    results = json.loads(report.read_text()) + [asis]
    report.write_text(json.dumps(results, indent=1))
    print(f"predictions and scores in {a.out}")


if __name__ == "__main__":
    main()
