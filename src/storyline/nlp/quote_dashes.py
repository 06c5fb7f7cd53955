"""Quotations set off by dashes instead of quotation marks, as reports translated from many languages
print them: "- We will rebuild every bridge - said Moreira.", "...on Monday.- Pensions will rise - she
added.", and a paragraph of words credited by the line under it ("- wrote the mayor on Twitter.")."""

from __future__ import annotations

import re

from spacy.tokens import Token

from storyline.nlp.cue_content import DASHES, cue_lemma
from storyline.nlp.quote_cues import Context, Frame

# Where dashed words open: at the start of a paragraph, or right after a sentence the splitter glued them to
# ("... on Monday.- Pensions will rise").
OPENER = re.compile(r"(?:^|(?<=[.!?…])[\"”’]?[ \t]?)[-–—][ \t]*(?=[\w\"“„«])", re.M)
# How many words a credit after the closing dash may hold before its cue ("- the head of the port authority said").
SPEAKER_WORDS = 8
# How many words a credit line under a paragraph may hold in all ("- wrote the mayor of Porto on Twitter.").
CREDIT_LINE_WORDS = 14
# Words of the speaker's phrase after an inverted cue ("- said the US president", "- noted Karin Holm").
PHRASE_TAGS = frozenset({"PROPN", "NOUN", "ADJ", "DET", "NUM"})


def dash_frames(ctx: Context) -> list[Frame]:
    """Frames of the words set off by dashes in each paragraph and credited right after their closing dash, and
    of a paragraph credited by a line of its own that opens with a dash."""
    frames = []
    text = ctx.text
    for para in re.finditer(r"[^\n]+", text):
        start, end = para.start(), para.end()
        credit_line = _credit_line(ctx, start, end)
        if credit_line is not None:
            frames.append(credit_line)
            continue
        for opened in OPENER.finditer(text, start, end):
            frame = _closed(ctx, opened.end(), end)
            if frame is not None:
                frames.append(frame)
    return frames


def _closed(ctx: Context, start: int, end: int) -> Frame | None:
    """The frame of dashed words opening at ``start``: closed by the first dash in the paragraph that a credit
    follows ("- ... - said Duda", "- ... -emphasized Duda", "- ... - he added"); dashes with no credit after them
    set off words inside the quotation ("- I went north - to Alta and Bodo - she said")."""
    doc = ctx.doc
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    for dash in span:
        if dash.text not in DASHES or dash.i == span.start or ctx.in_mark[dash.i] >= 0:
            continue
        if doc[dash.i - 1].text in (".", "!", "?", "…"):
            return None  # the words ended uncredited; the dash opens someone's next words
        glued = not dash.whitespace_ and not doc[dash.i - 1].whitespace_
        credit = _credit(ctx, dash.i + 1, end, glued)
        if credit is None:
            continue
        words = [t for t in doc[span.start:dash.i] if not (t.is_punct or t.is_space)]
        if len(words) < 2:
            return None
        cue, speaker, via = credit
        last = dash.i
        while last > span.start and (doc[last - 1].is_punct or doc[last - 1].is_space) and doc[last - 1].text != "”":
            last -= 1
        return Frame(cue, cue_lemma(cue)[0], True, speaker, via, (span.start, last))
    return None


def _credit(ctx: Context, first: int, end: int, glued: bool) -> tuple[Token, Token, Token | None] | None:
    """(cue, speaker, via) of a credit starting at token ``first``: a verb of saying with its speaker after it
    ("said the US president") or before it ("he added", "the spokeswoman said"), up to the sentence's end."""
    doc = ctx.doc
    words = []
    for tok in doc[first:min(len(doc), first + SPEAKER_WORDS + 1)]:
        if tok.idx >= end or tok.is_space:
            break
        words.append(tok)
    cue = next((t for t in words if _strong(t)), None)
    if cue is None or ctx.in_mark[cue.i] >= 0:
        return None
    before = [t for t in words if t.i < cue.i and not t.is_punct]
    frame = ctx.frames.get(cue.i)
    via = frame.via if frame is not None else None
    if not before:
        speaker = _after(doc, cue, end)
        if speaker is None:
            return None
        if glued and not _ends(doc, speaker, end):
            return None  # "the so-called referendum": a hyphen inside the words, not a dash before a credit
        if frame is not None and frame.speaker is not None and cue.i < frame.speaker.i < cue.i + SPEAKER_WORDS \
                and frame.speaker.idx < end:
            speaker = frame.speaker  # the parser's own reading, where it found the inverted subject
        return cue, speaker, via
    if glued or any(t.pos_ in ("VERB", "AUX") for t in before):
        return None
    if frame is not None and frame.speaker is not None and first <= frame.speaker.i < cue.i:
        return cue, frame.speaker, via
    heads = [t for t in before if t.pos_ in ("PRON", "PROPN", "NOUN")]
    return (cue, heads[-1], via) if heads and heads[0].i == before[0].i or heads and before[0].pos_ == "DET" else None


def _strong(tok: Token) -> bool:
    """A verb of saying, as the tagger read it or not: "- said Moreira" is often parsed as a modifier."""
    found = cue_lemma(tok)
    if found is not None:
        return found[1]
    return False


def _after(doc, cue: Token, end: int) -> Token | None:
    """The head word of the speaker's phrase right after an inverted cue: its last noun or name before a
    preposition, comma or verb ("said the head of the agency" is "head", "noted Karin Holm" is "Holm")."""
    last = None
    for tok in doc[cue.i + 1:min(len(doc), cue.i + 1 + SPEAKER_WORDS)]:
        if tok.idx >= end or tok.pos_ not in PHRASE_TAGS and not (tok.text in DASHES and not tok.whitespace_):
            break
        if tok.pos_ in ("PROPN", "NOUN"):
            last = tok
    if last is None and cue.i + 1 < len(doc) and doc[cue.i + 1].pos_ == "PRON" and doc[cue.i + 1].idx < end:
        return doc[cue.i + 1]  # "- added she" is rare, but "- says he" is not
    return last


def _ends(doc, speaker: Token, end: int) -> bool:
    """Whether the sentence ends right after a speaker's name (a full stop, the paragraph's end)."""
    nxt = speaker.i + 1
    return nxt >= len(doc) or doc[nxt].idx >= end or doc[nxt].text in (".", "!", "?") or doc[nxt].is_space


def _credit_line(ctx: Context, start: int, end: int) -> Frame | None:
    """"Our values are not for sale\\n\\n- wrote the head of the council.": a paragraph that is only a dash and a
    credit credits the paragraph above it."""
    opened = re.match(r"[-–—][ \t]*", ctx.text[start:end])
    if opened is None or start == 0:
        return None
    doc = ctx.doc
    line = doc.char_span(start + opened.end(), end, alignment_mode="expand")
    if line is None or not len(line) or len([t for t in line if not t.is_punct]) > CREDIT_LINE_WORDS:
        return None
    credit = _credit(ctx, line.start, end, False)
    if credit is None or credit[0].i != line.start and not any(t.pos_ == "PRON" for t in doc[line.start:credit[0].i]):
        return None
    prev_end = ctx.text.rfind("\n", 0, start)
    while prev_end > 0 and ctx.text[prev_end - 1] in "\n \t":
        prev_end -= 1
    if prev_end <= 0:
        return None
    prev_start = ctx.text.rfind("\n", 0, prev_end) + 1
    body = doc.char_span(prev_start, prev_end, alignment_mode="expand")
    if body is None:
        return None
    words = [t.i for t in body if not (t.is_punct or t.is_space)]
    if len(words) < 3 or OPENER.match(ctx.text, prev_start) is not None:
        return None  # a dashed paragraph above closes with its own credit, or none
    cue, speaker, via = credit
    return Frame(cue, cue_lemma(cue)[0], True, speaker, via, (words[0], words[-1] + 1))
