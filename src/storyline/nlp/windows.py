"""Long reports read in windows the parser accepts, with offsets shifted back into the whole text.

spaCy refuses texts over ``nlp.max_length`` (E088) and its parser needs memory in proportion
to the text. A report longer than one window is cut at paragraph breaks (else line breaks,
else sentence ends, else spaces) into windows parsed one by one; each window's records are
shifted by its start so offsets still index the whole cleaned text.
"""

from __future__ import annotations

import dataclasses
from typing import Any

# Where a window may end, best first.
_BREAKS = ("\n\n", "\n", ". ", " ")


def spans(text: str, size: int) -> list[tuple[int, int]]:
    """``(start, end)`` windows covering ``text``, each at most ``size`` characters."""
    if size <= 0 or len(text) <= size:
        return [(0, len(text))]
    out: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > size:
        limit = start + size
        cut = -1
        for mark in _BREAKS:
            at = text.rfind(mark, start + size // 2, limit)
            if at >= 0:
                cut = at + len(mark)
                break
        if cut <= start:
            cut = limit
        out.append((start, cut))
        start = cut
    out.append((start, len(text)))
    return out


def _is_offset(name: str) -> bool:
    return name in ("start", "end") or name.endswith(("_start", "_end"))


def shift(record: Any, offset: int) -> Any:
    """The record with every character offset moved by ``offset`` (in place; returned)."""
    if not offset:
        return record
    for f in dataclasses.fields(record):
        value = getattr(record, f.name)
        if _is_offset(f.name) and isinstance(value, int) and not isinstance(value, bool):
            setattr(record, f.name, value + offset)
    return record


def merge(parts: list[tuple[int, Any]]) -> Any:
    """One Extraction from the Extractions of a report's windows, given as ``(offset, part)``."""
    first = parts[0][1]
    merged = dataclasses.replace(first)
    for f in dataclasses.fields(first):
        values = [getattr(part, f.name) for _, part in parts]
        if f.name == "sentences":
            setattr(merged, f.name, [(a + off, b + off) for off, part in parts for a, b in part.sentences])
        elif isinstance(values[0], list):
            setattr(merged, f.name, [shift(r, off) for off, part in parts for r in getattr(part, f.name)])
        elif f.name != "doc_id":
            setattr(merged, f.name, next((v for v in values if v is not None), None))
    return merged
