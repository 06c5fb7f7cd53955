"""Quotations credited by layout rather than by a verb: a transcript's speaker labels ("PENCE: Well, …"),
a headline's "Name: claim", and a paragraph that "Name added:" introduces; and the "Name: claim" heading lines inside
a report, which credit no quotation but say who the pronouns under them are.
"""

from __future__ import annotations

import re

from storyline.nlp import quote_cues as cues
from storyline.nlp.quote_cues import Context, Frame

# WALLACE: … / "PENCE: …": a speaker label opening a transcript line.
SPEAKER_LABEL = re.compile(
    r"^[ \t]*+(?:[\"“”][ \t]*+)?([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2})[ \t]*+:[ \t]+(?=\S)", re.M
)
NOT_SPEAKERS = frozenset(
    "UPDATE UPDATED NOTE EDITOR'S PHOTO VIDEO WATCH READ RELATED SOURCE SOURCES ADVERTISEMENT Q A "
    "BREAKING EXCLUSIVE ANALYSIS OPINION CORRECTION CLARIFICATION WARNING TRANSCRIPT DISCLAIMER".split()
)
# "Sanders: Clinton must …", "Poll: …": a headline crediting its claim to the name before its colon.
HEADLINE_LABEL = re.compile(r"\A\s*+([A-Z][\w.'’&-]*+(?: [A-Z][\w.'’&-]*+){0,3})[ \t]*+:[ \t]++(?=\S)")
HEADLINE_SOURCES = frozenset({"poll", "survey", "study"})


def labelled_frames(ctx: Context) -> list[Frame]:
    """Transcript labels and a headline's label, in document order (block quotes go last, see
    :func:`block_quotes`)."""
    return sorted(speaker_labels(ctx) + headline_label(ctx), key=lambda f: f.cue.i)


def speaker_labels(ctx: Context) -> list[Frame]:
    """Transcript lines opened by a speaker's name in capitals: "PENCE: Well, look, ..."."""
    frames = []
    for found in SPEAKER_LABEL.finditer(ctx.text):
        words = re.split(r"[ .]+", found.group(1).rstrip("."))
        if any(w in NOT_SPEAKERS or w.rstrip("'’S") in NOT_SPEAKERS for w in words) or len(found.group(1)) < 2:
            continue
        end = ctx.text.find("\n", found.end())
        frame = _label_frame(ctx, found, len(ctx.text) if end < 0 else end)
        if frame is not None:
            frames.append(frame)
    return frames


def headline_label(ctx: Context) -> list[Frame]:
    """A first line "Name: claim" whose name the report names again as a person or body ("Sanders" for
    "Bernie Sanders"), or that is a poll or survey: the name says the claim. "The Latest: …" or a
    place ("Ukraine: …") credits nobody."""
    found = HEADLINE_LABEL.match(ctx.text)
    end = ctx.text.find("\n")
    if found is None or end < found.end() or not ctx.text[end:].strip():
        return []
    label = ctx.doc.char_span(found.start(1), found.end(1), alignment_mode="expand")
    if label is None or SPEAKER_LABEL.match(ctx.text):
        return []
    last = label[-1].lower_
    named = any(e.label_ in ("PERSON", "ORG") and e.start_char > end and e[-1].lower_ == last for e in ctx.ents)
    if not named and not (len(label) == 1 and last in HEADLINE_SOURCES):
        return []
    frame = _label_frame(ctx, found, end)
    return [] if frame is None else [frame]


# "Lavrov: There will be no war" as a heading line inside a report: a line of its own, short, "Name: claim".
SECTION_LABEL = re.compile(r"(?<=\n)[ \t]*+([A-Z][\w.'’&-]*+(?: [A-Z][\w.'’&-]*+){0,3})[ \t]*+:[ \t]++(?=\S)")
# The most words a heading line may hold.
SECTION_WORDS = 20


def section_labels(ctx: Context) -> list[Frame]:
    """Heading lines inside a report that credit their claim as a headline does ("Lavrov: We do not want
    war", "Truss: Facts speak for themselves"): a line of its own between paragraphs, of a few words, whose
    name the report names as a person or body elsewhere. A heading is no quotation of the body's (news
    annotators leave it out), but it says who the "he" of the paragraphs under it is: the pronoun resolver
    reads these frames. Cached on the context."""
    cached = ctx.__dict__.get("_section_labels")
    if cached is not None:
        return cached
    frames = []
    first = ctx.text.find("\n")
    for found in SECTION_LABEL.finditer(ctx.text, max(first, 0)):
        end = ctx.text.find("\n", found.end())
        end = len(ctx.text) if end < 0 else end
        line = ctx.text[found.start():end]
        if first < 0 or len(line.split()) > SECTION_WORDS or SPEAKER_LABEL.match(line) or (
                not ctx.text[:found.start()].endswith("\n\n") and not ctx.text[:found.start()].rstrip(" \t").endswith("\n\n")):
            continue
        label = ctx.doc.char_span(found.start(1), found.end(1), alignment_mode="expand")
        if label is None:
            continue
        last = label[-1].lower_
        if not any(e.label_ in ("PERSON", "ORG") and not e.start_char <= found.start(1) < e.end_char
                   and e[-1].lower_ == last for e in ctx.ents):
            continue
        frame = _label_frame(ctx, found, end)
        if frame is not None:
            frames.append(frame)
    ctx.__dict__["_section_labels"] = frames
    return frames


def _label_frame(ctx: Context, found: re.Match, end: int) -> Frame | None:
    """The frame of a label (group 1 of ``found``) and its colon, saying the rest of the line up to ``end``."""
    label = ctx.doc.char_span(found.start(1), found.end(1), alignment_mode="expand")
    colon = ctx.doc.char_span(found.end(1), found.end(), alignment_mode="expand")
    body = ctx.doc.char_span(found.end(), end, alignment_mode="expand")
    if label is None or colon is None or body is None:
        return None
    content = cues.extent(ctx, colon[0], [t for t in body if not t.is_quote])
    return None if content is None else Frame(colon[0], ":", True, label.root, content=content)


def block_quotes(ctx: Context) -> list[Frame]:
    """A paragraph ending "Dubois added:" introduces the next paragraph as her words, quoted or set
    off as a block without quotation marks."""
    frames = []
    for frame in {id(f): f for f in ctx.frames.values()}.values():
        cue = frame.cue
        if not frame.strong or frame.speaker is None or frame.content is not None or frame.speaker.i > cue.i:
            continue
        start, end = ctx.paragraph(cue)
        colon = cue.i + 1
        if colon >= len(ctx.doc) or ctx.doc[colon].text != ":" or ctx.text[_end(ctx.doc[colon]) : end].strip():
            continue
        if _titled(ctx, cue, start):
            continue
        following = ctx.text[end:]
        para_start = end + len(following) - len(following.lstrip())
        para_end = ctx.text.find("\n", para_start)
        body = ctx.doc.char_span(para_start, len(ctx.text) if para_end < 0 else para_end, alignment_mode="expand")
        if body is None or para_start == len(ctx.text):
            continue
        mark = next((m for m in ctx.marks if m.start == para_start), None)
        if mark is not None:  # a quotation may run on through more paragraphs
            body = ctx.doc.char_span(mark.inner_start, mark.inner_end, alignment_mode="expand") or body
        words = [t.i for t in body if not (t.is_punct or t.is_space)]
        content = (words[0], words[-1] + 1) if len(words) > 1 else None
        if content is not None:
            frames.append(Frame(cue, frame.lemma, True, frame.speaker, frame.via, content))
    return frames


def _titled(ctx: Context, cue, start: int) -> bool:
    """Whether a line ending in a cue and a colon is a heading over what follows ("What the minister said:",
    "How the union answered:"): a clause the wh-word that opens the line makes a title, which credits the
    paragraph under it with no words (it sums them up)."""
    first = next((t for t in cue.sent if t.idx >= start and not (t.is_space or t.is_punct)), None)
    return first is not None and first.tag_ in ("WP", "WRB", "WDT") and first.i < cue.i and first.head.i == cue.i


def _end(tok) -> int:
    return tok.idx + len(tok.text)
