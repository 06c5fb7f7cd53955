"""The cleaner on the five real seed reports in ../shared/corpus/seeds (skipped where that folder is absent).

Body loss measured when written: 0 of 40,820 characters in the 85 body paragraphs of 25+ words across
the five seeds (21/22/19/14/9 per seed); seeds 000 and 002 come through with nothing removed.
The tests refer to seed text only by position and shape, never by quoting it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from storyline.ingest.clean import clean_text

pytestmark = pytest.mark.integration

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "seeds"
# Card timestamps of a recirculation list: "Month D, YYYY at H:MM:SS PM".
CARD_STAMP_RE = re.compile(r"^[A-Z][a-z]+ \d{1,2}, \d{4} at \d{1,2}:\d{2}(?::\d{2})? [AP]M$")


def _norm(s: str) -> str:
    return " ".join(s.split())


def _seed(prefix: str) -> str:
    if not SEEDS.is_dir():
        pytest.skip(f"seed corpus not found at {SEEDS}")
    found = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not found:
        pytest.skip(f"seed {prefix} not found in {SEEDS}")
    return found[0].read_text(encoding="utf-8")


def _lines(raw: str) -> list[str]:
    """Non-blank lines, whitespace-normalised (some seeds put one paragraph per line, no blank lines)."""
    return [_norm(x) for x in raw.splitlines() if x.strip()]


def _is_name(line: str) -> bool:
    ws = line.split()
    return 2 <= len(ws) <= 4 and all(w[0].isupper() for w in ws) and not re.search(r"[.!?:,]$", line)


def _structural_debris(lines: list[str], i: int) -> bool:
    """Long lines that are debris by shape: a truncated teaser card, or a bio opening with the name above it."""
    line = lines[i]
    if re.search(r"(?:\.\.\.|…)$", line):
        return True
    return i > 0 and _is_name(lines[i - 1]) and line.startswith(lines[i - 1] + " ")


def _body_paragraphs(raw: str) -> list[str]:
    lines = _lines(raw)
    return [x for i, x in enumerate(lines) if len(x.split()) >= 25 and not _structural_debris(lines, i)]


def _headings(raw: str) -> list[str]:
    """Short unpunctuated lines standing between two lines of prose: the body's section headings."""
    lines = _lines(raw)
    return [
        x for i, x in enumerate(lines[1:-1], 1)
        if len(x.split()) <= 10 and not re.search(r"[.!?…]$", x)
        and len(lines[i - 1].split()) >= 12 and len(lines[i + 1].split()) >= 12
    ]


ALL = ["000", "001", "002", "003", "004"]


@pytest.mark.parametrize("prefix", ALL)
def test_no_body_paragraph_is_lost(prefix: str) -> None:
    raw = _seed(prefix)
    result = clean_text(raw)
    cleaned = _norm(result.text)
    headings = [_norm(s.text) for s in result.removed if s.reason == "heading"]
    body = _body_paragraphs(raw)
    assert len(body) >= 5
    # A paragraph whose glued heading was split off counts as kept when the rest of it is.
    lost = [p for p in body if p not in cleaned
            and not any(p.startswith(h) and p[len(h):].strip() in cleaned for h in headings)]
    assert sum(len(p) for p in lost) == 0, f"{len(lost)} body paragraphs lost"


@pytest.mark.parametrize("prefix", ALL)
def test_spans_are_exact_ordered_and_cleaning_is_idempotent(prefix: str) -> None:
    raw = _seed(prefix)
    r = clean_text(raw)
    end = 0
    for s in r.removed:
        assert raw[s.start : s.end] == s.text and s.start >= end
        end = s.end
        if s.reason == "repeated-paragraph":  # only true repeats: the text was seen before
            assert _norm(s.text) in _norm(raw[: s.start])
    again = clean_text(r.text)
    assert again.text == r.text and again.removed == []


@pytest.mark.parametrize("prefix", ["000", "001"])
def test_section_headings_are_kept(prefix: str) -> None:
    raw = _seed(prefix)
    kept = set(clean_text(raw).text.split("\n"))
    headings = _headings(raw)
    assert headings, "the seed should have section headings"
    assert [h for h in headings if h not in kept] == []


@pytest.mark.parametrize("prefix", ["000", "002"])
def test_clean_seeds_pass_through(prefix: str) -> None:
    raw = _seed(prefix)
    r = clean_text(raw)
    assert r.removed == []
    assert _lines(r.text) == _lines(raw)


def test_seed_001_recirculation_list_is_gone() -> None:
    raw = _seed("001")
    r = clean_text(raw)
    lines = _lines(raw)
    assert not [x for x in _lines(r.text) if CARD_STAMP_RE.match(x)]
    # The debris is ~3,500 of ~11,900 characters; what is left is body (~70.7% of the raw text).
    assert len(r.text) < 0.72 * len(raw)
    related = [s for s in r.removed if s.reason == "related-links"]
    assert len(related) == 1
    first_stamp = next(m.start() for m in re.finditer(r"(?m)^.*$", raw) if CARD_STAMP_RE.match(m.group().strip()))
    assert related[0].start < first_stamp and related[0].end == len(raw.rstrip())
    # Headline first, then a doubled image-credit line; the opening bullet summary is body.
    assert r.hints["title"] == lines[0]
    assert [(s.reason, _norm(s.text)) for s in r.removed[:2]] == [("title", lines[0]), ("image-credit", lines[1])]
    bullets = [x for x in lines if x.startswith("•")]
    assert len(bullets) == 3 and all(b in r.text for b in bullets)


def test_seed_003_head_debris_byline_and_republication() -> None:
    raw = _seed("003")
    r = clean_text(raw)
    lines = _lines(raw)
    removed = {_norm(s.text): s.reason for s in r.removed}
    assert removed.get(lines[0]) == "tracking-token"
    assert removed.get(lines[1]) == "navigation"
    assert r.hints["title"] == lines[2] and removed.get(lines[2]) == "title"
    byline = next(x for x in lines if x.startswith("By "))
    assert removed.get(byline) == "byline"
    assert len(r.hints["author"].split()) == 2 and r.hints["author"] in byline
    assert r.hints["author_role"] and r.hints["author_role"] in byline
    assert r.hints["republished_from"] and r.hints["republished_from"] in lines[-2]
    assert removed.get(lines[-2]) == "republished-note"
    assert removed.get(lines[-1]) == "comment-form"
    assert _lines(r.text)[0] not in lines[:4]  # the body starts at the lede


def test_seed_003_repeats_only_what_repeats() -> None:
    raw = _seed("003")
    lines = [x for x in _lines(raw) if len(x) >= 40]
    repeats = len(lines) - len(set(lines))
    assert sum(s.reason == "repeated-paragraph" for s in clean_text(raw).removed) == repeats


def test_seed_004_disclaimer_references_bio_and_comment_form() -> None:
    raw = _seed("004")
    r = clean_text(raw)
    lines = _lines(raw)
    reasons = [s.reason for s in r.removed]
    assert reasons == ["title", "byline", "disclaimer", "references", "author-bio", "comment-form"]
    assert len(r.references) == 4 and all(re.search(r"\b(?:19|20)\d{2}\b", e) for e in r.references)
    cleaned_lines = _lines(r.text)
    bio_at = next(i for i in range(1, len(lines)) if _structural_debris(lines, i) and _is_name(lines[i - 1]))
    for gone in lines[bio_at - 1 : bio_at + 1] + lines[-2:]:  # bio name + bio, comment-form stub
        assert gone not in cleaned_lines
    assert cleaned_lines[-1] == _body_paragraphs(raw)[-1]  # the body ends at its conclusion
    assert r.hints.get("author") == lines[bio_at - 1]  # the byline is empty; the bio names the author


def test_larger_corpus_loses_no_long_lines_to_shape_rules() -> None:
    """Generality check on the 447-article corpus beside the seeds (skipped where absent).

    Lines of 25+ words may only go for what they say (newsletter pitch, editorial disclaimer,
    author bio, comment form, a related-content lead-in glued to its teaser) or for being an exact
    repeat; never for their shape or position. Measured when written: 24 such lines removed
    (20 newsletter, 3 disclaimer, 1 repeat), no other; 26 related teasers were added later.
    """
    path = SEEDS.parent / "ukraine-war-2022-2024" / "articles.json"
    if not path.is_file():
        pytest.skip(f"corpus not found at {path}")
    import json

    allowed = {"newsletter", "disclaimer", "author-bio", "comment-form", "repeated-paragraph", "related-teaser"}
    bad = []
    for item in json.loads(path.read_text(encoding="utf-8")):
        raw = item["content"]
        for s in clean_text(raw).removed:
            assert raw[s.start : s.end] == s.text
            if s.reason not in allowed and any(len(x.split()) >= 25 for x in s.text.splitlines()):
                bad.append((item["filename"], s.reason))
    assert bad == []
