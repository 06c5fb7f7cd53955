"""Quotations credited by layout rather than by a verb: a transcript's speaker labels ("PENCE: Well, …"),
a headline's "Name: claim", and a paragraph that "Name added:" introduces.
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


def _end(tok) -> int:
    return tok.idx + len(tok.text)
