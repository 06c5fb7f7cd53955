"""Sentence starts the text's layout fixes before parsing: the ``layout_breaks`` component.

The parser reads a heading or a short title line and the paragraph after it as one sentence
when nothing but a line break parts them ("Talks at an Impasse" + blank line + "The union
said ..." parses as one sentence whose subject runs from the heading into the body), so the
heading's words end up inside actors, statements and quotes. A blank line, the end of a
heading-shaped line and a line that ends on a full stop are sentence ends in written text; this
component marks the first token after one as a sentence start, which the parser then keeps.

The parser also often starts a sentence at the closing quotation mark after a full stop
("... on Friday." + blank line), which the layout's start after it would leave as a sentence of
its own: a quote's last sentence then has no closing mark and the paragraph after it sits two
sentences from it. Likewise, given a start at a paragraph's opening mark, it may start another
at the word after the mark, leaving the mark alone and the quotation without it. A closing mark
glued to a full stop ends that stop's sentence and an opening mark glued to a word opens that
word's sentence, so the component forbids a start on either. A word written in lower case
after anything but a sentence's final mark carries on the sentence before it (the parser, given a
start after a heading line, sometimes cuts the paragraph below into pieces: "Reports" / "of the
next 7,000 soldiers" / "were confirmed by ..."), so no sentence starts there either. It leaves
every other token to the parser.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from storyline.nlp.headings import BREAK_HEADING_MAX_WORDS, is_heading_line

_FULL_STOPS = {".", "!", "?", "…"}
_CLOSERS = {'"', "”", "’", "'", ")", "]"}
_OPENERS = {'"', "“", "‘", "'", "(", "["}
# A line ending on one of these carries on into the next one: "…, he said:" + a quote below,
# "… talks with the" + a hard-wrapped name.
_CARRY_ON = {",", ":", ";", "(", "/", "&"}
# Penn tags of words that need a word after them (article, preposition, conjunction, "to",
# possessive), so a line ending on one is cut mid-sentence.
_CARRY_ON_TAGS = {"DT", "IN", "CC", "TO", "PRP$", "POS", "WDT", "HYPH"}


def line_break_starts(doc: Doc) -> list[int]:
    """Indices of the tokens that open a sentence by the layout: the first word after a blank
    line, after a heading-shaped line or after a line ending on a full stop, unless that word is
    written in lower case or the text before the break carries on into it."""
    starts = []
    prev: Token | None = None
    line_start = 0  # index of the first word of the line ``prev`` ends
    gap = ""
    for tok in doc:
        if tok.is_space:
            gap += tok.text + tok.whitespace_
            continue
        if prev is not None:
            gap = prev.whitespace_ + gap
            breaks = gap.count("\n")
            if breaks and _opens(tok) and not _carries_on(prev):
                if breaks > 1 or _heading_line(doc[line_start: prev.i + 1]) or _full_stop(prev):
                    starts.append(tok.i)
            if breaks:
                line_start = tok.i
        prev, gap = tok, ""
    return starts


def inside_marks(doc: Doc) -> list[int]:
    """Indices of the tokens no sentence starts at because a quotation mark or bracket binds them
    to the token before: a closing mark glued to the full stop before it ("... on Friday.\"") and
    a word glued to the opening mark before it ("\"Not a single ..."). A closing mark glued to the
    word after it as well ("ended.\"The") could open the next sentence and is left alone."""
    inside = []
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if prev.whitespace_:
            continue
        glued_after = tok.i + 1 < len(doc) and not tok.whitespace_ and doc[tok.i + 1].is_alpha
        if tok.text in _CLOSERS and _full_stop(prev) and not glued_after:
            inside.append(tok.i)
        elif prev.text in _OPENERS and not tok.is_punct and not tok.is_space and _opening(prev):
            inside.append(tok.i)
    return inside


def glued_marks(doc: Doc) -> tuple[list[int], list[int]]:
    """(sentence starts, tokens no sentence starts at) for a quotation mark glued both to the full stop before
    it and to the word after it, as text copied without its spacing prints it ('on the edge."He said'): a mark
    that closes a quotation ends the stop's sentence and the word after it opens the next one; a mark that
    opens one ('talks."We will') opens the next sentence itself. A curly mark says which it is; a straight one
    closes when an odd number of straight marks stand before it in its paragraph."""
    starts, inside = [], []
    opened = 0  # straight double marks seen in the paragraph so far
    for tok in doc:
        if "\n" in tok.text or "\n" in tok.whitespace_:
            opened = 0
        if tok.text not in ('"', "\u201c", "\u201d"):
            continue
        glued = (0 < tok.i < len(doc) - 1 and not tok.whitespace_ and not doc[tok.i - 1].whitespace_
                 and _full_stop(doc[tok.i - 1]) and doc[tok.i + 1].is_alpha)
        closes = tok.text == "\u201d" or tok.text == '"' and opened % 2 == 1
        if tok.text == '"':
            opened += 1
        if not glued:
            continue
        if closes:
            inside.append(tok.i)
            starts.append(tok.i + 1)
        else:
            starts.append(tok.i)
            inside.append(tok.i + 1)
    return starts, inside


def _opening(mark: Token) -> bool:
    """A mark at the start of the text or after a space (so not an apostrophe or a closing mark)."""
    return mark.i == 0 or mark.doc[mark.i - 1].is_space or bool(mark.doc[mark.i - 1].whitespace_)


def _opens(tok: Token) -> bool:
    """A word that can open a sentence: not written in lower case ("iPhone" aside, a lower-case
    word after a break continues a sentence that page debris cut in two)."""
    return not tok.text[:1].islower()


def _carries_on(tok: Token) -> bool:
    return tok.text in _CARRY_ON or tok.tag_ in _CARRY_ON_TAGS


def _full_stop(tok: Token) -> bool:
    """A sentence's final mark, alone or inside a closing quote or bracket (a full stop inside a
    token, as in "Dr." or "U.S.", is an abbreviation's)."""
    while tok.text in _CLOSERS and tok.i > 0:
        tok = tok.doc[tok.i - 1]
    return tok.text in _FULL_STOPS


def _heading_line(line: Span) -> bool:
    """A heading-shaped line (headings.is_heading_line) no longer than a hard-wrapped line of running text."""
    return is_heading_line(line.text, BREAK_HEADING_MAX_WORDS)


def lower_case_carry_ons(doc: Doc) -> list[int]:
    """Indices of the words written in lower case that follow anything but a sentence's final mark
    (a full stop, alone or inside a closing quote or bracket): each carries on the sentence before it
    ("... along the border, according to officials", "The" + line break + "ministry said"). A word
    after a blank line or a line that ends on a full stop is left alone, as is "iPhone" after a stop."""
    carry = []
    prev: Token | None = None
    for tok in doc:
        if tok.is_space:
            continue
        if prev is not None and tok.text[:1].islower() and not _full_stop(prev):
            carry.append(tok.i)
        prev = tok
    return carry


class BreaksComponent:
    """Pipeline component, placed before the parser: sets ``is_sent_start`` at layout breaks and
    clears it on closing marks that end a sentence and on words in lower case that carry one on."""

    def __call__(self, doc: Doc) -> Doc:
        for i in line_break_starts(doc):
            doc[i].is_sent_start = True
        for i in inside_marks(doc):
            doc[i].is_sent_start = False
        for i in lower_case_carry_ons(doc):
            doc[i].is_sent_start = False
        starts, inside = glued_marks(doc)
        for i in starts:
            doc[i].is_sent_start = True
        for i in inside:
            doc[i].is_sent_start = False
        return doc


@Language.factory("layout_breaks", requires=["token.tag"], assigns=["token.is_sent_start"])
def make_breaks(nlp: Language, name: str) -> BreaksComponent:
    return BreaksComponent()
