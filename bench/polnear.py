"""Benchmark of quote and speaker extraction (storyline.quotes.v1) against PolNeAR's dev split.

Usage: .venv/bin/python bench/polnear.py [--limit N] [--json OUT] [--errors OUT]

Data: ../shared/eval/polnear-dev/dev (BRAT standoff; read at run time, never copied). PolNeAR
has several annotators for some articles; this uses one annotator file per article, the first
alphabetically (``NAME_<annotator>.ann``), so every article counts once.

Definitions. A gold attribution is an ``E`` line: a Content span, a Cue, and optionally a
Source; spans may be discontinuous (``a b;c d``), and then count as the set of their
fragments. A prediction is a ``Quote``: its content ``start:end`` and its speaker
``speaker_start:speaker_end`` (None when it has none).

* overlap: two spans share at least one character (any fragment of either).
* exact: equal after trimming whitespace, quotation marks and ``.,;:`` at both edges; a gold
  span matches if the prediction equals its whole extent or one of its fragments.
* content P/R/F1: P = predictions whose content matches some gold content / predictions;
  R = gold attributions whose content is matched by some prediction / gold attributions.
* source P/R/F1: over distinct speaker spans. P = predicted speaker spans matching some gold
  Source / predicted speaker spans; R = gold Sources matched by some predicted speaker span /
  gold Sources.
* speaker attribution P/R/F1 (the headline, overlap): a prediction with a speaker and a gold
  attribution with a Source agree when their contents overlap and their speaker and Source
  match (overlap, or exact for the exact variant). P = predictions with a speaker that agree
  with some gold attribution / predictions with a speaker; R = gold attributions with a Source
  that agree with some prediction / gold attributions with a Source.
* speaker accuracy: among gold attributions with a Source whose content overlaps some
  prediction, the share for which one of those predictions has an overlapping speaker.
* "speech" subset: gold attributions whose Cue contains a verb of saying (say, tell, add,
  write, state, according to, ...); recall there shows coverage of quotes proper, since
  PolNeAR also annotates beliefs, intentions and findings ("wants", "plans", "'s nominee").
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "eval" / "polnear-dev" / "dev"
SPEECH_CUE = re.compile(
    r"\b(sa(y|ys|id|ying)|t(ell|ells|old|elling)|add(s|ed|ing)?|wr(ite|ites|ote|iting)|"
    r"stat(e|es|ed|ing)|according|not(e|es|ed|ing)|ask(s|ed|ing)?|quot(e|es|ed|ing)|"
    r"warn(s|ed|ing)?|tweet(s|ed|ing)?|explain(s|ed|ing)?|announc(e|es|ed|ing))\b",
    re.I,
)
EDGE = " \t\n\"'“”‘’«».,;:"

Spans = list[tuple[int, int]]


@dataclass
class Gold:
    """One gold attribution."""

    content: Spans
    source: Spans | None
    cue: str = ""


@dataclass
class Article:
    name: str
    text: str
    gold: list[Gold] = field(default_factory=list)


def load(limit: int | None) -> list[Article]:
    articles = []
    for txt in sorted((DATA / "text").glob("*.txt"))[:limit]:
        anns = sorted((DATA / "attributions").glob(f"{txt.stem}_*.ann"))
        if anns:
            text = txt.read_text(encoding="utf-8")
            articles.append(Article(txt.stem, text, parse_ann(anns[0].read_text(encoding="utf-8"), text)))
    return articles


def parse_ann(ann: str, text: str) -> list[Gold]:
    spans: dict[str, Spans] = {}
    events = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            _, offsets = parts[1].split(" ", 1)
            spans[parts[0]] = [tuple(map(int, frag.split())) for frag in offsets.split(";")]
        elif line.startswith("E") and len(parts) >= 2:
            events.append(dict(role.split(":", 1) for role in parts[1].split()))
    gold = []
    for event in events:
        content = spans.get(event.get("Content", ""))
        if not content:
            continue
        cue = " ".join(text[s:e] for s, e in spans.get(event.get("Cue", ""), []))
        gold.append(Gold(content, spans.get(event.get("Source", "")), cue))
    return gold


def overlaps(a: Spans, b: Spans) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in EDGE:
        start += 1
    while end > start and text[end - 1] in EDGE:
        end -= 1
    return start, end


def exact(text: str, pred: tuple[int, int], gold: Spans) -> bool:
    candidates = [(gold[0][0], gold[-1][1]), *gold]
    return trimmed(text, *pred) in {trimmed(text, s, e) for s, e in candidates}


def matcher(mode: str, text: str):
    if mode == "overlap":
        return lambda pred, gold: overlaps([pred], gold)
    return lambda pred, gold: exact(text, pred, gold)


def prf(tp_p: int, n_p: int, tp_r: int, n_r: int) -> dict[str, float]:
    p = tp_p / n_p if n_p else 0.0
    r = tp_r / n_r if n_r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


@dataclass
class Pred:
    """One predicted quote as spans: its content and its speaker (None when it has none)."""

    content: tuple[int, int]
    speaker: tuple[int, int] | None
    quote: object


class Tally:
    """Counts behind every metric, summed over articles, and the errors behind them."""

    def __init__(self):
        self.c = Counter()
        self.missed_cues = Counter()
        self.errors = []

    def add(self, art: Article, quotes: list) -> None:
        preds = [
            Pred((q.start, q.end), (q.speaker_start, q.speaker_end) if q.speaker_start is not None else None, q)
            for q in quotes
        ]
        for mode in ("overlap", "exact"):
            m = matcher(mode, art.text)
            self._content(mode, m, art.gold, preds)
            self._sources(mode, m, art.gold, preds)
            self._attribution(mode, m, art.gold, preds)
        self._diagnose(art, preds)
        c = self.c
        c["articles"] += 1
        c["pred"] += len(preds)
        c["pred_speaker"] += sum(1 for p in preds if p.speaker)
        c["gold"] += len(art.gold)
        c["gold_source"] += sum(1 for g in art.gold if g.source)

    def _content(self, mode, m, gold, preds) -> None:
        self.c[f"content_tp_p_{mode}"] += sum(any(m(p.content, g.content) for g in gold) for p in preds)
        self.c[f"content_tp_r_{mode}"] += sum(any(m(p.content, g.content) for p in preds) for g in gold)

    def _sources(self, mode, m, gold, preds) -> None:
        predicted = {p.speaker for p in preds if p.speaker}
        sources = [list(s) for s in {tuple(g.source) for g in gold if g.source}]
        self.c[f"source_tp_p_{mode}"] += sum(any(m(s, g) for g in sources) for s in predicted)
        self.c[f"source_tp_r_{mode}"] += sum(any(m(s, g) for s in predicted) for g in sources)
        if mode == "overlap":
            self.c["source_pred"] += len(predicted)
            self.c["source_gold"] += len(sources)

    def _attribution(self, mode, m, gold, preds) -> None:
        def agree(p: Pred, g: Gold) -> bool:
            return bool(p.speaker and g.source and overlaps([p.content], g.content) and m(p.speaker, g.source))

        self.c[f"attr_tp_p_{mode}"] += sum(any(agree(p, g) for g in gold) for p in preds if p.speaker)
        self.c[f"attr_tp_r_{mode}"] += sum(1 for g in gold if any(agree(p, g) for p in preds))

    def _diagnose(self, art: Article, preds: list[Pred]) -> None:
        """Speaker accuracy, the speech-verb subset, and the error dump (overlap matching)."""
        c = self.c

        def agree(p: Pred, g: Gold) -> bool:
            return bool(p.speaker and g.source and overlaps([p.content], g.content) and overlaps([p.speaker], g.source))

        for g in art.gold:
            if not g.source:
                continue
            near = [p for p in preds if overlaps([p.content], g.content)]
            hit = any(agree(p, g) for p in near)
            speech = bool(SPEECH_CUE.search(g.cue))
            c["speech_gold"] += speech
            c["speech_hit"] += speech and hit
            c["acc_n"] += bool(near)
            c["acc_hit"] += bool(near) and hit
            if not hit:
                self.missed_cues[g.cue.lower()] += 1
                self.errors.append(_error(art, "wrong-speaker" if near else "missed", g, near))
        for p in preds:
            if p.speaker and not any(agree(p, g) for g in art.gold):
                found = any(overlaps([p.content], g.content) for g in art.gold)
                q = p.quote
                self.errors.append({"article": art.name, "kind": "wrong-speaker-pred" if found else "spurious",
                                    "content": q.text[:200], "speaker": q.speaker_text, "cue": q.cue})

    def report(self) -> dict:
        c = self.c
        out = {"articles": c["articles"], "gold_attributions": c["gold"], "gold_with_source": c["gold_source"],
               "predicted_quotes": c["pred"], "predicted_with_speaker": c["pred_speaker"]}
        for mode in ("overlap", "exact"):
            out[f"content_{mode}"] = prf(c[f"content_tp_p_{mode}"], c["pred"], c[f"content_tp_r_{mode}"], c["gold"])
            out[f"source_{mode}"] = prf(
                c[f"source_tp_p_{mode}"], c["source_pred"], c[f"source_tp_r_{mode}"], c["source_gold"]
            )
            out[f"speaker_attribution_{mode}"] = prf(
                c[f"attr_tp_p_{mode}"], c["pred_speaker"], c[f"attr_tp_r_{mode}"], c["gold_source"]
            )
        out["speaker_accuracy"] = round(c["acc_hit"] / c["acc_n"], 4) if c["acc_n"] else 0.0
        out["speaker_accuracy_n"] = c["acc_n"]
        out["speech_subset_recall"] = round(c["speech_hit"] / c["speech_gold"], 4) if c["speech_gold"] else 0.0
        out["speech_subset_n"] = c["speech_gold"]
        out["top_missed_cues"] = self.missed_cues.most_common(15)
        return out


def _error(art: Article, kind: str, g: Gold, near: list[Pred]) -> dict:
    text = art.text
    return {
        "article": art.name,
        "kind": kind,
        "content": " … ".join(text[s:e] for s, e in g.content)[:200],
        "source": " … ".join(text[s:e] for s, e in g.source) if g.source else None,
        "cue": g.cue,
        "predicted_speakers": [text[p.speaker[0] : p.speaker[1]] if p.speaker else None for p in near],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="only the first N articles")
    parser.add_argument("--json", type=Path, help="write the figures to this JSON file")
    parser.add_argument("--errors", type=Path, help="write misses and false attributions to this JSON file")
    args = parser.parse_args(argv)
    if not DATA.is_dir():
        print(f"skipped: {DATA} is not present (PolNeAR is read from ../shared at run time)")
        return 0
    sys.path.insert(0, str(ROOT / "src"))
    from storyline.nlp import pipeline, quotes

    articles = load(args.limit)
    nlp = pipeline.load(components=())
    tally = Tally()
    extract_s = 0.0
    t0 = time.perf_counter()
    docs = (pipeline.make_doc(nlp, a.name, a.text, None) for a in articles)
    for art, doc in zip(articles, nlp.pipe(docs, batch_size=16)):
        t1 = time.perf_counter()
        found = quotes.extract_quotes(doc)
        extract_s += time.perf_counter() - t1
        tally.add(art, found)
    parse_s = time.perf_counter() - t0 - extract_s
    out = tally.report()
    out["seconds"] = {"parse": round(parse_s, 2), "quotes": round(extract_s, 2)}
    print_report(out)
    if args.json:
        args.json.write_text(json.dumps(out, indent=2))
    if args.errors:
        args.errors.write_text(json.dumps(tally.errors, indent=1, ensure_ascii=False))
    return 0


def print_report(out: dict) -> None:
    print(f"PolNeAR dev: {out['articles']} articles, {out['gold_attributions']} gold attributions "
          f"({out['gold_with_source']} with a Source); {out['predicted_quotes']} predicted quotes "
          f"({out['predicted_with_speaker']} with a speaker)")
    print(f"{'':32}{'P':>8}{'R':>8}{'F1':>8}")
    for key in ("content", "source", "speaker_attribution"):
        for mode in ("exact", "overlap"):
            m = out[f"{key}_{mode}"]
            print(f"{key + ' (' + mode + ')':32}{m['p']:>8.3f}{m['r']:>8.3f}{m['f1']:>8.3f}")
    print(f"speaker accuracy (content found): {out['speaker_accuracy']:.3f} of {out['speaker_accuracy_n']}")
    print(f"recall on speech-verb attributions: {out['speech_subset_recall']:.3f} of {out['speech_subset_n']}")
    print(f"headline: speaker attribution overlap F1 = {out['speaker_attribution_overlap']['f1']:.3f}")
    print(f"time: parse {out['seconds']['parse']}s, quotes {out['seconds']['quotes']}s")


if __name__ == "__main__":
    sys.exit(main())
