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
    """One Extraction from the Extractions of a report's windows, given as ``(offset, part)``.

    Ids that derive from offsets (a record's ``frame`` pointer to its attribution frame) are
    recomputed after the shift, so they still name the stored frame.
    """
    from storyline.store.records import record_id

    first = parts[0][1]
    merged = dataclasses.replace(first)
    lists = [f.name for f in dataclasses.fields(first) if isinstance(getattr(first, f.name), list)]
    for name in lists:
        setattr(merged, name, [])
    for offset, part in parts:
        frames = getattr(part, "frames", None) or []
        before = [record_id("a", frame) for frame in frames]
        for name in lists:
            values = getattr(part, name)
            if name == "sentences":
                merged.sentences.extend((a + offset, b + offset) for a, b in values)
            else:
                getattr(merged, name).extend(shift(r, offset) for r in values)
        renamed = {old: record_id("a", frame) for old, frame in zip(before, frames)}
        for name in lists:
            for record in getattr(part, name):
                if getattr(record, "frame", None) in renamed:
                    record.frame = renamed[record.frame]
    for f in dataclasses.fields(first):
        if f.name not in lists and f.name != "doc_id":
            setattr(merged, f.name, next((getattr(p, f.name) for _, p in parts if getattr(p, f.name) is not None), None))
    return merged
