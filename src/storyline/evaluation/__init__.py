"""Scoring Storyline against gold: what a correct analysis of a corpus must and must not contain.

``score`` (strict, ``strict.py``) is what the quality gate enforces; ``score_lenient``
(``lenient.py``) is the first scorer, kept for side-by-side figures. Team-written golden sets
(``expected.json``) are analysed by ``golden.py``; real-text gold (``gold.json``, offsets into
the war-news corpus) by ``realtext.py``.
"""

from storyline.evaluation.gold import Gold, Identity, from_expected, from_realtext
from storyline.evaluation.golden import analyse_golden, golden_sets, score_golden
from storyline.evaluation.lenient import Score as LenientScore
from storyline.evaluation.lenient import score_lenient
from storyline.evaluation.strict import Score, match, score, score_gold, total

__all__ = [
    "Gold", "Identity", "LenientScore", "Score", "analyse_golden", "from_expected", "from_realtext", "golden_sets",
    "match", "score", "score_gold", "score_golden", "score_lenient", "total",
]
