"""Analyse the team-written golden sets (``expected.json``) and score them, strictly or leniently."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from storyline.evaluation.strict import score, total


def golden_sets(root) -> list[Path]:
    """Every ``expected.json`` below the given folders."""
    found: list[Path] = []
    for folder in root if isinstance(root, (list, tuple)) else [root]:
        found += sorted(Path(folder).glob("**/expected.json"))
    return found


def analyse_golden(path, workdir, config: dict | None = None) -> dict[str, Any]:
    """Analyse the reports a golden set lists, with their stated publication dates."""
    from storyline.api import analyze

    expected = json.loads(Path(path).read_text())
    folder = Path(workdir) / Path(path).parent.name
    folder.mkdir(parents=True, exist_ok=True)
    # Reports beside the expectations, or (for corpora that must not be copied) where it says.
    source = (Path(path).parent / expected.get("source_dir", ".")).resolve()
    manifest = {}
    for doc in expected["documents"]:
        shutil.copy(source / doc["file"], folder / doc["file"])
        manifest[doc["file"]] = {"published": doc["published"]} if doc.get("published") else {}
    (folder / "manifest.json").write_text(json.dumps(manifest))
    return analyze([folder], db=Path(workdir) / f"{folder.name}.duckdb", config=config).to_dict()


def score_golden(paths, workdir, analyses: dict | None = None,
                 scorer: Callable[[dict, dict], dict] = score) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    """Scores over several golden sets: the total and each set's own (strict unless ``scorer`` says).

    Pass a dict as ``analyses`` to keep each set's ``(analysis, expected)`` for reuse.
    """
    per_set = {}
    for path in paths:
        data = analyse_golden(path, workdir)
        expected = json.loads(Path(path).read_text())
        per_set[Path(path).parent.name] = scorer(data, expected)
        if analyses is not None:
            analyses[Path(path).parent.name] = (data, expected)
    return total(list(per_set.values())), per_set
