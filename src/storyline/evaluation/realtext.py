"""The real-text evaluation: analyse a story's reports from the war-news corpus and score its gold.

A story's ``gold.json`` (tests/golden/README.md) names reports of the corpus by ``filename``
and holds offsets into their raw ``content``. The runner reads the corpus at run time,
checks the gold against it (document and span hashes), writes the story's records into a
temporary bulk file shaped like the corpus itself (so ingest takes each publication date
from the file name's timestamp, as it does for the whole corpus), analyses it with
:func:`storyline.analyze`, locates every span in the cleaned text and scores it.

    python -m storyline.evaluation.realtext tests/golden/realtext [--split dev] [--corpus PATH]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

from storyline.evaluation.gold import file_name, from_realtext, short_hash
from storyline.evaluation.strict import Score, score_gold, total

CORPUS = Path("corpus") / "ukraine-war-2022-2024" / "articles.json"


def realtext_sets(root, split: str | None = None) -> list[Path]:
    """Every ``gold.json`` below ``root``, only those of ``split`` when given."""
    found = sorted(Path(root).glob("**/gold.json"))
    return [p for p in found if split is None or json.loads(p.read_text()).get("split") == split]


@lru_cache(maxsize=2)
def read_corpus(path: str) -> dict[str, str]:
    """The corpus as ``{filename: content}``."""
    return {r["filename"]: r["content"] for r in json.loads(Path(path).read_text(encoding="utf-8"))}


def check_gold(gold: dict[str, Any], contents: dict[str, str]) -> list[str]:
    """Where the gold no longer fits the corpus: missing reports, changed reports, drifted spans."""
    problems = []
    for doc in gold.get("documents", []):
        content = contents.get(doc["file"])
        if content is None:
            problems.append(f"{doc['file']}: not in the corpus")
        elif doc.get("sha1") and not hashlib.sha1(content.encode("utf-8")).hexdigest().startswith(doc["sha1"]):
            problems.append(f"{doc['file']}: content differs from the annotated report (sha1 {doc['sha1']})")
    for span in _spans(gold):
        content = contents.get(span["file"])
        if content is not None and short_hash(content[span["start"]:span["end"]], len(span.get("h") or "")) != span.get("h"):
            problems.append(f"{span['file']}[{span['start']}:{span['end']}]: hash {span.get('h')} does not match")
    return problems


def _spans(node: Any):
    """Every span object anywhere in the gold."""
    if isinstance(node, dict):
        if {"file", "start", "end"} <= node.keys():
            yield node
        else:
            for value in node.values():
                yield from _spans(value)
    elif isinstance(node, list):
        for value in node:
            yield from _spans(value)


def analyse_story(path, workdir, corpus: str | Path, config: dict | None = None) -> tuple[dict, dict, dict[str, str]]:
    """Analyse one story's reports: ``(analysis, gold, {filename: raw content})``.

    Raises ValueError when the gold does not fit the corpus."""
    from storyline.api import analyze

    gold = json.loads(Path(path).read_text(encoding="utf-8"))
    every = read_corpus(str(corpus))
    files = [d["file"] for d in gold["documents"]]
    contents = {f: every[f] for f in files if f in every}
    problems = check_gold(gold, every)
    if problems:
        raise ValueError(f"{path}: {len(problems)} problems, first: {problems[0]}")
    story = Path(path).parent.name
    folder = Path(workdir) / story
    folder.mkdir(parents=True, exist_ok=True)
    bulk = folder / f"{story}.json"
    bulk.write_text(json.dumps([{"filename": f, "content": contents[f]} for f in files]), encoding="utf-8")
    data = analyze([bulk], db=folder / "store.duckdb", config=config).to_dict()
    return data, gold, contents


def score_story(data: dict, gold: dict, contents: dict[str, str], kb_names=None) -> dict[str, Score]:
    """Strict per-category scores of one story's analysis."""
    return score_gold(from_realtext(gold, data, contents), data, kb_names)


def as_expected(data: dict, gold: dict, contents: dict[str, str]) -> dict[str, Any]:
    """The gold rewritten as an ``expected.json`` (fragments of the cleaned text locate each item), so the
    lenient scorer can be shown beside the strict one. Built in memory only, never stored."""
    located = from_realtext(gold, data, contents)
    texts = {d["id"]: d["text"] for d in data["documents"]}
    # The lenient scorer knows a report by the last path part of its source.
    files = {d["id"]: d["source"].replace("\\", "/").rsplit("/", 1)[-1] for d in data["documents"]}

    def loc(span) -> dict[str, str] | None:
        return {"file": files[span[0]], "text_contains": texts[span[0]][span[1]:span[2]]} if span else None

    out: dict[str, Any] = {"entities": [{"name": e["name"], "surface_forms": [e["name"], *e.get("also", [])]}
                                        for e in gold.get("entities", [])]}
    out["quotes"] = [{**where, "speaker": q.get("speaker"), "direct": q.get("direct")}
                     for q, g in zip(gold.get("quotes", []), located.quotes) if (where := loc(g["span"]))]
    out["figures"] = [{**where, "value": f.get("value"), "low": f.get("low"), "high": f.get("high"),
                       "attributed_to": f.get("attributed_to")}
                      for f, g in zip(gold.get("figures", []), located.figures) if (where := loc(g["span"]))]
    out["statements"] = [{**where, "status": s.get("status"), "kind": None}
                         for s, g in zip(gold.get("statements", []), located.statements) if (where := loc(g["span"]))]
    if located.conflicts is not None:
        out["conflicts"] = [{"kind": c["kind"], "between": [files[s[0]] for s in c["sides"] if s]}
                            for c in located.conflicts]
    return out


def _format(scores: dict[str, Score]) -> str:
    rows = []
    for name, s in sorted(scores.items()):
        d = s.as_dict()
        rows.append(f"{name:20s} P {d['precision']!s:6s} R {d['recall']!s:6s} F1 {d['f1']!s:6s} "
                    f"tp {s.tp} fp {s.fp} fn {s.fn}")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Score Storyline on the real-text gold.")
    parser.add_argument("root", help="folder holding <story>/gold.json")
    parser.add_argument("--split", choices=["dev", "test"], help="only the stories of this split")
    parser.add_argument("--corpus", default=None, help="articles.json (default ../shared/corpus/...)")
    parser.add_argument("--json", help="write the per-story and total scores here")
    parser.add_argument("--errors", metavar="FILE",
                        help="with --split dev: write every counted error (misses, false outputs, wrong labels) here as JSON")
    args = parser.parse_args(argv)
    if args.errors and args.split != "dev":
        print("--errors lists the dev split only (--split dev): the test split is scored as numbers", file=sys.stderr)
        return 2
    corpus = Path(args.corpus) if args.corpus else Path.cwd().parent / "shared" / CORPUS
    if not corpus.is_file():
        print(f"corpus not found: {corpus}", file=sys.stderr)
        return 2
    paths = realtext_sets(args.root, args.split)
    if not paths:
        print(f"no gold.json below {args.root}", file=sys.stderr)
        return 2
    per_story, listed = {}, {}
    with tempfile.TemporaryDirectory() as tmp:
        for path in paths:
            try:
                data, gold, contents = analyse_story(path, tmp, corpus)
            except ValueError as exc:
                print(str(exc), file=sys.stderr)
                return 1
            per_story[path.parent.name] = score_story(data, gold, contents)
            if args.errors:
                from storyline.evaluation.errors import errors

                listed[path.parent.name] = errors(from_realtext(gold, data, contents), data)
            print(f"# {path.parent.name}\n{_format(per_story[path.parent.name])}\n")
    all_ = total(list(per_story.values()))
    print(f"# total ({len(paths)} stories)\n{_format(all_)}")
    if args.errors:
        Path(args.errors).write_text(json.dumps(listed, indent=1, ensure_ascii=False))
    if args.json:
        Path(args.json).write_text(json.dumps({"total": {k: v.as_dict() for k, v in all_.items()},
                                               "stories": {s: {k: v.as_dict() for k, v in sc.items()}
                                                           for s, sc in per_story.items()}}, indent=1))
    return 0


__all__ = ["analyse_story", "as_expected", "check_gold", "file_name", "read_corpus", "realtext_sets", "score_story"]

if __name__ == "__main__":
    sys.exit(main())
