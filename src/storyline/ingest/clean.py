"""Remove web-page debris (navigation, widgets, related links, bios, references) from scraped plain text."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from storyline.ingest import bylines as b
from storyline.ingest import debris as d
from storyline.ingest import furniture as f
from storyline.models import CleanResult, RemovedSpan

# Every character str.splitlines() breaks on, so a second pass over our "\n"-joined output splits the same way.
_LINE_BREAK_RE = re.compile(r"\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
# Invisible characters that scraping leaves inside words; dropping them changes no visible text.
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
_ZW_TABLE = str.maketrans("", "", ZERO_WIDTH)
_HEAD_MAX_LINES = 12  # debris before the lede is a handful of lines; further down, short lines are headings
_TAIL_REASONS = {"image-credit", "timestamp", "navigation", "tracking-token", "share-widget", "promo", "advertisement"}


@dataclass
class _Line:
    """One input line: its offsets into the raw text, its normalised text and its paragraph."""

    idx: int
    start: int
    end: int
    text: str
    para: int
    reason: str | None = None

    @property
    def blank(self) -> bool:
        return not self.text


class _Doc:
    """The lines of one input and the labels the passes give them."""

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.lines: list[_Line] = []
        self.hints: dict[str, str] = {}
        self.references: list[str] = []
        pos, para, prev_blank = 0, 0, True
        for m in [*_LINE_BREAK_RE.finditer(raw), None]:
            end = m.start() if m else len(raw)
            text = " ".join(raw[pos:end].translate(_ZW_TABLE).split())
            if text and prev_blank and self.lines:
                para += 1
            self.lines.append(_Line(-1, pos, end, text, para))
            prev_blank = not text
            pos = m.end() if m else end
        self.content = [ln for ln in self.lines if not ln.blank]
        for i, ln in enumerate(self.content):
            ln.idx = i

    def free(self) -> list[_Line]:
        """Non-blank lines no pass has labelled yet."""
        return [ln for ln in self.content if ln.reason is None]

    def pos(self, ln: _Line) -> float:
        """Relative position of a line in the text by characters (0 = start, 1 = end)."""
        return ln.start / max(1, len(self.raw))

    def after(self, ln: _Line) -> list[_Line]:
        """Non-blank lines after this one."""
        return self.content[ln.idx + 1 :]


def clean_text(text: str) -> CleanResult:
    """Split scraped text into body and debris; return the body, what was removed and why, and metadata hints."""
    doc = _Doc(text)
    for step in (_mark_line_patterns, _mark_references, _mark_republished, _mark_comment_tail,
                 _mark_related_blocks, _mark_related_tail, _mark_footer, _mark_head, _mark_author_bio, _mark_repeats,
                 _split_glued_headings):
        step(doc)
    _hint_dateline(doc)
    return CleanResult(text=_render(doc), removed=_spans(doc), references=doc.references, hints=doc.hints)


# --- passes -----------------------------------------------------------------------------------


def _mark_line_patterns(doc: _Doc) -> None:
    """Label lines whose shape or wording is debris wherever they stand (tokens, credits, widgets)."""
    for ln in doc.content:
        if f.is_rule(ln.text):
            ln.reason = "separator"
        elif d.is_tracking_token(ln.text):
            ln.reason = "tracking-token"
        elif d.is_image_credit(ln.text) or f.is_caption(ln.text):
            ln.reason = "image-credit"
        elif (reason := _pattern_reason(ln.text)) is not None:
            ln.reason = reason
        elif f.is_tag_list(ln.text):
            ln.reason = "tags"
        elif f.is_credit_line(ln.text):
            ln.reason = "credits"
        elif f.is_buttons(ln.text):
            ln.reason = "widget"
        elif f.is_link_list(ln.text) and not _in_table(doc, ln):
            ln.reason = "navigation"
        elif (m := d.READ_MORE_INLINE_RE.match(d.strip_bullet(ln.text))) and d.is_headline_shaped(m.group("rest"), 25):
            ln.reason = "related-links"
        elif d.glued_related_teaser(ln.text):
            ln.reason = "related-teaser"  # decided by its lead-in's words, whatever the teaser's length


def _pattern_reason(text: str) -> str | None:
    """The boilerplate reason of a line as it stands or, failing that, without emphasis marks around it."""
    reason = d.line_pattern_reason(text)
    if reason is None and (bare := f.unwrap(text)) != text:
        reason = d.line_pattern_reason(bare)
    return reason


def _in_table(doc: _Doc, ln: _Line) -> bool:
    """The header of a table: a neighbouring line of the paragraph has as many cells, one of them a figure."""
    cells = len(f.list_items(ln.text))
    near = [doc.content[j] for j in (ln.idx - 1, ln.idx + 1) if 0 <= j < len(doc.content)]
    return any(
        x.para == ln.para and len(items := f.list_items(x.text)) == cells and any(map(f.is_figure, items))
        for x in near
    )


def _mark_references(doc: _Doc) -> None:
    """A "References"/"Sources"/"Notes" heading in the second half followed by citation-shaped lines."""
    for ln in doc.free():
        if doc.pos(ln) < 0.5:
            continue
        if d.REFERENCES_HEAD_RE.match(ln.text):
            entries = []
            for nxt in doc.after(ln):
                if nxt.reason is not None or not d.is_citation(nxt.text):
                    break
                entries.append(nxt)
            if entries:
                for e in [ln, *entries]:
                    e.reason = "references"
                doc.references += [d.strip_bullet(e.text) for e in entries]
        elif (m := d.SOURCES_INLINE_RE.match(ln.text)) and len(d.words(ln.text)) <= 40:
            ln.reason = "references"
            doc.references += [p.strip() for p in m.group("rest").split(";") if p.strip()]


def _mark_republished(doc: _Doc) -> None:
    """A republication note: removed, its source kept as a hint."""
    for ln in doc.free():
        if (src := b.republished_source(ln.text)) is not None:
            ln.reason = "republished-note"
            doc.hints.setdefault("republished_from", src)


def _mark_comment_tail(doc: _Doc) -> None:
    """From a comment-section opener in the last part of the page, everything after it is the comment area."""
    for ln in doc.content:
        if doc.pos(ln) >= 0.5 and d.COMMENT_START_RE.match(ln.text):
            for x in [ln, *doc.after(ln)]:
                if x.reason is None or x.reason in _TAIL_REASONS:
                    x.reason = "comment-form"
            return


def _mark_footer(doc: _Doc) -> None:
    """Notes the page adds about itself (syndication, house rules, corrections contact) closing the text."""
    for ln in reversed(doc.content):
        if ln.reason is not None:
            continue
        if not f.is_footer_note(ln.text):
            return  # the body ends here: such wording above it is part of the report
        ln.reason = "footer"


def _is_card_line(ln: _Line) -> bool:
    """A line that can belong to a list of links: label, headline, teaser or date stamp."""
    return ln.reason is None and (
        d.is_headline_shaped(ln.text, 25) or d.is_teaser(ln.text) or d.is_timestamp(ln.text)
    )


def _mark_related_blocks(doc: _Doc) -> None:
    """A "Related"/"Read more" marker line swallows the headline-shaped lines right after it."""
    i = 0
    while i < len(doc.content):
        ln = doc.content[i]
        i += 1
        if ln.reason != "related-links" or d.READ_MORE_INLINE_RE.match(d.strip_bullet(ln.text)):
            continue
        for nxt in doc.after(ln):
            if nxt.reason not in _TAIL_REASONS and not _is_card_line(nxt):
                break
            if nxt.para != ln.para and _is_section_heading(doc, nxt):
                break  # the link list ended; this is the next section of the body
            nxt.reason = "related-links"
            i = nxt.idx + 1


def _is_section_heading(doc: _Doc, ln: _Line) -> bool:
    """A one-line paragraph directly followed by prose: a heading of the body."""
    nxt = doc.content[ln.idx + 1] if ln.idx + 1 < len(doc.content) else None
    return (
        nxt is not None and nxt.para != ln.para and nxt.reason is None and d.is_prose(nxt.text)
        and ln.idx > 0 and doc.content[ln.idx - 1].para != ln.para
    )


def _body_bag(doc: _Doc, lines: list[_Line]) -> Counter[str]:
    """Content words of the first half of the unlabelled text outside the given lines."""
    skip = {id(x) for x in lines}
    body = [ln for ln in doc.content if ln.reason is None and id(ln) not in skip]
    return Counter(w for ln in body[: max(1, len(body) // 2)] for w in d.content_words(ln.text))


def _mark_related_tail(doc: _Doc) -> None:
    """A trailing run of headline cards (headline, teaser "...", date stamp, credit) after the last prose."""
    block: list[_Line] = []
    for ln in reversed(doc.content):
        if ln.reason is not None and ln.reason not in _TAIL_REASONS:
            if block:
                break
            continue  # trailing comment forms etc. are already handled; look above them
        if ln.reason is None and not _is_card_line(ln):
            break
        block.append(ln)
    block.reverse()
    free = [ln for ln in block if ln.reason is None]
    if len(free) < 2:
        return
    stamps = sum(ln.reason == "timestamp" or d.is_timestamp(ln.text) for ln in block)
    teasers = sum(d.is_teaser(ln.text) for ln in free)
    heads = sum(d.is_headline_shaped(ln.text) and not d.is_timestamp(ln.text) for ln in free)
    credits = sum(ln.reason == "image-credit" for ln in block)
    cards = stamps + teasers + credits
    drift = d.cosine(Counter(w for ln in free for w in d.content_words(ln.text)), _body_bag(doc, block))
    # Shape evidence decides; topic drift only backs up a weaker shape signal.
    if (cards >= 3 and heads >= 2) or (cards >= 2 and heads >= 2 and drift < 0.2) or (heads >= 3 and drift < 0.1):
        for ln in block:
            ln.reason = "related-links"


def _name_line(s: str) -> bool:
    """A line holding only a person's name (2 to 5 capitalised words)."""
    ws = s.split()
    return 2 <= len(ws) <= 5 and all(re.fullmatch(r"[A-Z][\w'’.\-]*|(?:de|van|von|al|bin|da|del)", w) for w in ws)


_BIO_VERB = r"\s+(?:is|was|has|had|serves|served|works|worked|teaches|writes|holds|leads|heads|directs)\b"


def _mark_author_bio(doc: _Doc) -> None:
    """An author bio closing the text: "About the author" + paragraph, or a name line + "Name is a ..." line."""
    author = doc.hints.get("author")
    for ln in doc.free():
        if doc.pos(ln) < 0.5:
            continue
        opener = d.ABOUT_AUTHOR_RE.match(ln.text) or _name_line(ln.text)
        if not opener and not (author and doc.pos(ln) > 0.7 and re.match(re.escape(author) + _BIO_VERB, ln.text)):
            continue
        # A bio often ends with its own disclaimer sentence, which the phrase pass saw first.
        rest = [x for x in doc.after(ln) if x.reason in (None, "disclaimer")]
        bio = _bio_lines(ln, rest) if opener else [ln]
        if not bio or len(bio) > 12 or any(len(d.words(x.text)) > 150 for x in bio):
            continue
        if any(x.reason is None for x in rest if x not in bio):
            continue  # body text follows: this is not the closing bio
        for x in bio:
            x.reason = "author-bio"
        if _name_line(bio[0].text):
            doc.hints.setdefault("author", bio[0].text)
        return


def _bio_lines(ln: _Line, rest: list[_Line]) -> list[_Line]:
    """The bio that an "About the author" heading or a lone name line opens ([] when none)."""
    if not rest:
        return []
    nxt = rest[0]
    if _name_line(ln.text):
        return [ln, nxt] if re.match(re.escape(ln.text) + _BIO_VERB, nxt.text) else []
    bio = [ln, *[x for x in rest if x.para == nxt.para]]
    if len(rest) > 1 and _name_line(nxt.text) and rest[1].text.startswith(nxt.text):
        bio += [x for x in rest if x.para == rest[1].para]
    return bio


def _mark_head(doc: _Doc) -> None:
    """Before the lede: byline, title and the navigation lines above the title."""
    head: list[_Line] = []
    for ln in doc.content[:_HEAD_MAX_LINES]:
        if ln.reason is None and _is_lede(doc, ln):
            break
        head.append(ln)
    has_lede = len(head) < len(doc.content) and len(head) < _HEAD_MAX_LINES
    seen: set[str] = set()
    for ln in head:
        if ln.reason is None and ln.text in seen:
            ln.reason = "repeated-paragraph"
        elif ln.reason is None and d.is_timestamp(ln.text):
            ln.reason = "timestamp"
        elif ln.reason is None and b.BYLINE_STUB_RE.match(ln.text):
            ln.reason = "byline"
        elif ln.reason in (None, "navigation") and (by := b.parse_byline(ln.text)) is not None:
            ln.reason = "byline"
            doc.hints.setdefault("author", by[0])
            if by[1]:
                doc.hints.setdefault("author_role", by[1])
        seen.add(ln.text)
    if not has_lede:
        return
    title = _pick_title(doc, [ln for ln in head if ln.reason is None])
    if title is None:
        return
    title.reason = "title"
    doc.hints["title"] = title.text
    for ln in head[: head.index(title)]:
        if ln.reason is None and len(d.words(ln.text)) <= 12 and not d.ends_sentence(ln.text):
            ln.reason = "navigation"
    for ln in head[head.index(title) + 1 :]:
        # Under the headline, a name followed by a place, outlet, date or reading time is a byline without "By".
        dated = any(x.reason == "timestamp" for x in doc.content[max(0, ln.idx - 1) : ln.idx + 2])
        if ln.reason in (None, "navigation") and (name := f.name_byline(ln.text, dated)) is not None:
            ln.reason = "byline"
            doc.hints.setdefault("author", name)


def _is_lede(doc: _Doc, ln: _Line) -> bool:
    """Where the body starts: prose that is neither a byline nor a question headline standing alone."""
    if not d.is_prose(ln.text) or b.parse_byline(ln.text) is not None:
        return False
    alone = all(x.para != ln.para for x in doc.content[max(0, ln.idx - 1) : ln.idx + 2] if x is not ln)
    return not (alone and ln.idx <= 2 and ln.text[-1] in "?!" and len(d.words(ln.text)) <= 20)


def _pick_title(doc: _Doc, cands: list[_Line]) -> _Line | None:
    """The head line that reads as the headline: headline-shaped and about what the body is about."""
    # A line ending in a dash or colon is a dateline stub or a label, never the headline.
    cands = [
        c for c in cands
        if d.is_headline_shaped(c.text) and len(d.words(c.text)) >= 3
        and not d.BULLET_RE.match(c.text) and c.text[-1] not in "-–—:|"
    ]
    if not cands:
        return None
    skip = {id(c) for c in cands}
    body = {w for ln in doc.content if ln.reason is None and id(ln) not in skip for w in _stems(ln.text)}

    def on_topic(c: _Line) -> tuple[int, float]:
        ws = _stems(c.text)
        hit = len(ws & body)
        return hit, hit / len(ws) if ws else 0.0

    for min_words in (4, 1):
        for c in cands:
            hit, frac = on_topic(c)
            if len(d.words(c.text)) >= min_words and frac >= 0.5 and hit >= 2:
                return c
    first = cands[0]
    if first is doc.content[0] and d.title_case_ratio(first.text) >= 0.6:
        return first
    return None


def _stems(s: str) -> set[str]:
    """Content words cut to five letters, so a headline's "agree" meets the body's "agreed"."""
    return {w[:5] for w in d.content_words(s)}


def _mark_repeats(doc: _Doc) -> None:
    """Exact repeats (whitespace-normalised) of an earlier paragraph or line of 40+ characters."""
    seen: set[str] = set()
    by_para: dict[int, list[_Line]] = {}
    for ln in doc.free():
        by_para.setdefault(ln.para, []).append(ln)
    for lines in by_para.values():
        key = " ".join(ln.text for ln in lines)
        if len(key) >= 40 and key in seen:
            for ln in lines:
                ln.reason = "repeated-paragraph"
            continue
        # Lines are checked too: some scrapes put one paragraph per line with no blank lines between.
        for ln in lines:
            if len(ln.text) >= 40 and ln.text in seen:
                ln.reason = "repeated-paragraph"
            seen.add(ln.text)
        seen.add(key)


def _split_glued_headings(doc: _Doc) -> None:
    """A heading glued to the first line of its paragraph ("Title – Body text…") becomes a line of its own,
    removed as a heading; the body text stays."""
    for ln in doc.free():
        first = ln.idx == 0 or doc.content[ln.idx - 1].para != ln.para
        if not first or (cut := d.glued_heading_end(ln.text)) is None:
            continue
        raw = doc.raw[ln.start : ln.end]
        lead = len(raw) - len(raw.lstrip())
        # Map the cut in the normalised text back to the raw line: count its words.
        n_words = len(ln.text[:cut].split())
        m = re.match(r"\s*(?:\S+\s+){%d}" % n_words, raw)
        if m is None:
            continue
        split = ln.start + m.end()
        head = _Line(-1, ln.start + lead, split, " ".join(doc.raw[ln.start : split].split()), ln.para, "heading")
        ln.start, ln.text = split, " ".join(doc.raw[split : ln.end].split())
        doc.lines.insert(doc.lines.index(ln), head)
        doc.content.insert(ln.idx, head)
    for i, ln in enumerate(doc.content):
        ln.idx = i


def _hint_dateline(doc: _Doc) -> None:
    """The date of a "CITY, Month D (Agency) -" dateline opening the first kept line."""
    free = doc.free()
    if free and (date := b.dateline_date(free[0].text)) is not None:
        doc.hints["dateline"] = date


# --- output -----------------------------------------------------------------------------------


def _render(doc: _Doc) -> str:
    """Kept lines; lines of one paragraph stay together, paragraphs are separated by one blank line."""
    paras: dict[int, list[str]] = {}
    for ln in doc.free():
        paras.setdefault(ln.para, []).append(ln.text)
    return "\n\n".join("\n".join(p) for p in paras.values())


def _spans(doc: _Doc) -> list[RemovedSpan]:
    """Removed lines as spans of the raw text; neighbouring lines with one reason merge into one span."""
    spans: list[RemovedSpan] = []
    last: _Line | None = None
    for ln in doc.content:
        if ln.reason is None:
            last = None
            continue
        # Trim the raw line to its visible text so spans carry no stray whitespace.
        raw = doc.raw[ln.start : ln.end]
        lead = len(raw) - len(raw.lstrip())
        start, end = ln.start + lead, ln.start + len(raw.rstrip())
        if last is not None and last.reason == ln.reason and spans:
            start = spans.pop().start
        spans.append(RemovedSpan(ln.reason, doc.raw[start:end], start, end))
        last = ln
    return spans
