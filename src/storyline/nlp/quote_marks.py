"""Quotation marks: the quoted stretches of a text, double and single marks, paragraph by paragraph."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class QuoteMark:
    """A stretch of text between quotation marks: outer span with the marks, inner without."""

    start: int
    end: int
    inner_start: int
    inner_end: int


_OPEN_DOUBLE = "“„«"
_CLOSE_DOUBLE = "”»"
_WORD = re.compile(r"\w")
# The scans jump from one candidate mark to the next instead of visiting every character.
# Two single marks typed for one double (‘‘ ... ’’), as some newsrooms' systems print it, count as a double.
_DOUBLE_MARK = re.compile("''|``|‘‘|’’|[\"“„«”»]")
_SINGLE_MARK = re.compile("[‘’']")


def _is_word(ch: str) -> bool:
    return bool(ch) and bool(_WORD.match(ch))


def find_quote_marks(text: str) -> list[QuoteMark]:
    """Quoted stretches of ``text``, paragraph by paragraph, double marks first, then single.

    An opening mark left open at a paragraph's end closes there: news style reopens a long
    quotation on each new paragraph without closing the previous one.
    """
    marks: list[QuoteMark] = []
    for para in re.finditer(r"[^\n]+", text):
        doubles = _double_marks(text, para.start(), para.end())
        marks.extend(doubles)
        marks.extend(m for m in _single_marks(text, para.start(), para.end()) if not _inside(m, doubles))
    marks.sort(key=lambda m: m.start)
    return marks


def _inside(mark: QuoteMark, others: list[QuoteMark]) -> bool:
    return any(o.start <= mark.start and mark.end <= o.end for o in others)


def _double_marks(text: str, start: int, end: int) -> list[QuoteMark]:
    marks = []
    open_at: int | None = None
    for found in _DOUBLE_MARK.finditer(text, start, end + 1):  # a doubled mark may straddle ``end``
        i, ch = found.start(), found.group()
        if i >= end:
            break
        straight = ch in ('"', "''", "``")
        opens, closes = ch in _OPEN_DOUBLE or ch == "‘‘", ch in _CLOSE_DOUBLE or ch == "’’"
        if opens and open_at is not None and text[start:i].rstrip().endswith(":") and text[open_at:i].count("\n") == 0 \
                and ch in _OPEN_DOUBLE and text[open_at] == ch:
            # “I kept asking him: “Sit down and talk,” she said: a quotation the speaker quotes inside their own,
            # which one mark closes with the outer
            continue
        if opens or (straight and open_at is None and not _is_word(text[i - 1 : i])
                     and not text[i + len(ch) : i + len(ch) + 1].isspace()):
            # A second opening mark before any close: the first ran on (or was a typo); restart. A straight
            # mark with a space after it closes words whose opening mark was lost ("Water for All," she said).
            open_at = i
        elif (closes or straight) and open_at is not None:
            marks.append(_mark(text, open_at, found.end()))
            open_at = None
        elif closes and not text[start:i].strip():
            open_at = i  # a closing mark typed for an opening one at the start of a paragraph
    if open_at is not None and end - open_at > 2:
        marks.append(_mark(text, open_at, end))
    return marks


def _single_marks(text: str, start: int, end: int) -> list[QuoteMark]:
    # Single marks double as apostrophes (O'Sullivan, Russia's, troops'), so an opening mark
    # must follow a non-word character and precede one, and a closing mark must not be
    # followed by a letter.
    marks = []
    open_at: int | None = None
    for found in _SINGLE_MARK.finditer(text, start, end):
        i, ch = found.start(), found.group()
        before, after = text[i - 1 : i], text[i + 1 : i + 2]
        if ch in "‘'" and open_at is None:
            if not _is_word(before) and _is_word(after):
                open_at = i
        elif ch in "’'" and open_at is not None and _closes(text, i, end) and i - open_at > 1:
            if before == "s" and text[i + 1 : i + 3].strip()[:1].islower() and _closer_ahead(text, i + 1, end):
                continue  # "the troops' advance'": a plural possessive, the quote closes later
            marks.append(_mark(text, open_at, i + 1))
            open_at = None
    return marks


def _closes(text: str, i: int, end: int) -> bool:
    return not _is_word(text[i + 1 : i + 2]) and text[i - 1 : i] not in (" ", "\t")


def _closer_ahead(text: str, start: int, end: int) -> bool:
    """Whether a closing single mark follows before the next one that would open."""
    for found in _SINGLE_MARK.finditer(text, start, end):
        j = found.start()
        if text[j] in "’'" and _closes(text, j, end):
            return True
        if text[j] in "‘'" and not _is_word(text[j - 1 : j]) and _is_word(text[j + 1 : j + 2]):
            return False
    return False


def _mark(text: str, start: int, end: int) -> QuoteMark:
    inner_start = start + (2 if text[start : start + 2] in ("''", "``", "‘‘") else 1)
    inner_end = end
    while inner_end > inner_start and text[inner_end - 1] in "”»\"'’" and end - inner_end < 2:
        inner_end -= 1
    while inner_start < inner_end and text[inner_start].isspace():
        inner_start += 1
    while inner_end > inner_start and text[inner_end - 1] in " \t,":
        inner_end -= 1
    return QuoteMark(start, end, inner_start, inner_end)
