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

A change ("fell from $36,040 to $34,935") is two Figures: the old level (``stage`` ``previous``) and
the new one, ``value`` the new level and ``change_from`` the old one; NewsQuant writes it as one
quantity, the pair (old, new), as it writes a range, so the shared predict script, reading each
figure's ``value``, finds the new level and counts the old one as a quantity of its own. The fourth line,
``storyline-unit-changes``, writes a change as that pair (everything else as in the second line),
so that the difference between the two is what the record's reading of a change costs on this
protocol, not an extraction error.

The fifth line, ``storyline-newsquant-forms``, writes every figure in NewsQuant's own conventions, all
at once: the canonical unit as it is (the fourth line's reading), a rate of money with the scorer's
own currency name ("singaporean dollar per month", where the canonical name is "singapore dollar per
month"; the scorer already names plain money so), a canonical name that the CQE authors' dictionary for free-text
units renames under that name ("time" -> "count", "tonne" -> "metric ton"), a change as its pair, and a vague magnitude as NewsQuant bounds
it: "thousands" 1,000 to 10,000, "dozens" 12 to 120 (the scale word to ten times it), where Storyline
says 2,000 to 9,999 and 24 to 99 (at least two of them, below the next order: docs/figures.md), and a share
said as a fraction as the fraction ("a third" 0.333), where Storyline says 33.3 percent. The
figures are the same; only their writing changes. Every line is printed; none replaces another.

quantulum3 runs beside them through the shared ``newsquant_predict.py`` when it is installed
(``pip install -e ".[bench]"``), so that both systems are scored in one run of the scorer.
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

from storyline.nlp.number_words import VAGUE  # noqa: E402


def predictions(texts: list[str]) -> tuple[list[list[dict]], float]:
    """Per sentence, each figure as the shared predict script writes it, plus its canonical unit."""
    from storyline import extract_figures

    t0 = time.perf_counter()
    out = []
    for text in texts:
        out.append([{"value": f.value if f.value is not None else [f.low, f.high], "counts": f.counts,
                     "unit_text": f.unit_text, "unit": f.unit, "change_from": f.change_from, "stage": f.stage, "qualifier": f.qualifier, "span": f.text,
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
    """A change as NewsQuant writes it: the pair (old level, new level), one quantity (the old level's own figure,
    at the stage ``previous``, is in the pair)."""
    return [[{**t, "value": [t["change_from"], t["value"] if t["value"] is not None and not isinstance(t["value"], list)
                             else t["value"][1]]} if t["change_from"] is not None else t for t in sentence
             if not _old_level(t, sentence)]
            for sentence in tags]


def _old_level(tag: dict, sentence: list[dict]) -> bool:
    """The old level of a change, said again as the pair of the new level that follows it."""
    return tag.get("stage") == "previous" and any(
        t["change_from"] == tag["value"] and t["start"] >= tag["end"] for t in sentence)


def load_scorer(scorer_path: Path):
    spec = importlib.util.spec_from_file_location("newsquant_score", scorer_path)
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    return scorer


def score_asis(data: list[dict], blob: dict, scorer_path: Path, system: str = "storyline-unit-asis") -> dict:
    """The shared scorer's ``score`` with its unit reading replaced: the canonical name, lower case."""
    scorer = load_scorer(scorer_path)
    scorer.surface_unit = lambda u: u.lower().strip() if u else "-"
    out, _ = scorer.score(data, {**blob, "system": system})
    return out


def vague_bounds(tag: dict) -> dict:
    """A vague magnitude ("thousands", "tens of millions") bounded as NewsQuant writes it: from the scale
    to ten times it. Storyline's low bound is two of the scale (docs/figures.md), so the scale is half of it."""
    words = {w.lower() for w in tag["span"].replace("-", " ").split()}
    v = tag["value"]
    if isinstance(v, list) and v[0] is not None and words & VAGUE.keys():
        return {**tag, "value": [v[0] / 2, v[0] * 5]}
    return tag


PERCENT_WORDS = ("%", "percent", "per cent", "pc", "percentage")


def fraction_form(tag: dict) -> dict:
    """A share said as a fraction ("a third of", "one in four"), which Storyline gives in percent (docs/figures.md),
    as NewsQuant writes it: the fraction itself (0.333)."""
    span = tag["span"].lower()
    if tag.get("counts") == "percent" and isinstance(tag["value"], float) and not any(w in span for w in PERCENT_WORDS):
        return {**tag, "value": tag["value"] / 100}
    return tag


def newsquant_forms(tags: list[list[dict]], iso_names: dict[str, str],
                    names: dict[str, str] | None = None) -> list[list[dict]]:
    """Every figure in NewsQuant's conventions (see the module docstring): changes as pairs, vague
    magnitudes to ten times their scale, a share said as a fraction as that fraction, a rate of money with the scorer's currency name, and a
    canonical name the CQE authors' dictionary renames ("time" -> "count") by that name."""
    out = []
    for sentence in as_pairs(as_unit(tags)):
        row = []
        for t in sentence:
            counts = t.get("counts") or ""
            if counts.startswith("money:") and " per " in counts:
                code, per = counts[6:].split(" per ", 1)
                if code in iso_names:
                    t = {**t, "unit_text": f"{iso_names[code]} per {per}"}
            elif names and t.get("unit_text") and t["unit_text"].lower() in names:
                t = {**t, "unit_text": names[t["unit_text"].lower()]}
            row.append(fraction_form(vague_bounds(t)))
        out.append(row)
    return out


def run_quantulum(data_path: Path, out: Path) -> Path | None:
    """quantulum3's predictions through the shared predict script, or None when it is not installed."""
    if importlib.util.find_spec("quantulum3") is None:
        print("quantulum3 is not installed (pip install -e '.[bench]'): scored without it")
        return None
    path = out / "newsquant-quantulum3.json"
    subprocess.run([sys.executable, str(data_path.parent / "newsquant_predict.py"), "--system", "quantulum3",
                    "--data", str(data_path), "--out", str(path)], check=True)
    return path


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
    forms = a.out / "newsquant-storyline-newsquant-forms.json"
    scorer = load_scorer(scorer_path)
    write(forms, "storyline-newsquant-forms", texts, newsquant_forms(tags, scorer.ISO_NAMES, scorer.SURFACE_DICT), seconds)
    quantulum = run_quantulum(a.data, a.out)
    report = a.out / "newsquant-units-score.json"
    subprocess.run([sys.executable, str(scorer_path), "--data", str(a.data), str(written), str(canonical), str(changes),
                    *([str(quantulum)] if quantulum else []), "--json", str(report), "--errors", str(a.out / "errors")],
                   check=True)
    asis = score_asis(data, json.loads(canonical.read_text(encoding="utf-8")), scorer_path)
    in_forms = score_asis(data, json.loads(forms.read_text(encoding="utf-8")), scorer_path, "storyline-newsquant-forms")
    keys = ["cqe_value", "cqe_value+unit", "value_1to1", "value+unit_1to1", "value+unit_as_written_1to1"]
    for row in (asis, in_forms):
        print(f"{row['system']:<16}{row['tags']:>6}  " + "".join(
            f"{row[k]['p']:>10.1f}{row[k]['r']:>9.1f}{row[k]['f1']:>9.1f}" for k in keys))
    results = json.loads(report.read_text()) + [asis, in_forms]
    report.write_text(json.dumps(results, indent=1))
    print(f"predictions and scores in {a.out}")


if __name__ == "__main__":
    main()
