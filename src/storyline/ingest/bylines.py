"""Bylines, republication notes and datelines: who wrote a report, where it first ran, where and when it was filed."""

from __future__ import annotations

import re

from storyline.ingest.debris import MONTHS, URL_RE, WEEKDAYS, _MONTH_ALT, is_timestamp, words

_NAME_WORD = r"(?:[A-Z][\w'’.\-]*|(?:de|da|van|von|der|den|al|bin|el|la|le|del|di|du|dos|ibn|ter|y)\b)"
NAME_RE = re.compile(rf"[A-Z][\w'’.\-]*(?:\s+{_NAME_WORD}){{0,4}}")
# Case-sensitive on purpose: names are capitalised, and "and" between two names must stay lowercase.
BYLINE_RE = re.compile(
    rf"^(?i:(?:written|words|story|reporting|text|report|analysis) )?(?i:by)\s*:?\s*"
    rf"(?P<name>{NAME_RE.pattern}(?:\s*(?:,|and|&)\s*{NAME_RE.pattern}){{0,3}}?)"
    rf"(?:\s*(?:,|\||·|•|—|–|-)\s*(?P<role>.+?))?\s*$"
)
READ_TIME_RE = re.compile(r"\d+\s*(?:-\s*)?min(?:ute)?s?\.?(?:\s+read)?", re.I)
BYLINE_STUB_RE = re.compile(r"^(?:written )?by\s*:?$", re.I)
NOT_NAMES = frozenset(MONTHS + WEEKDAYS + "the a an this that then now far way submitting signing clicking using continuing".split())

REPUBLISHED_RE = re.compile(
    r"^[(\[*_]*\s*(?:"
    r"this\s+(?:post|article|story|piece|essay|commentary|op-?ed|column|analysis|interview|report)\s+"
    r"(?:is|was|has been|had been|first|originally)?\s*(?:originally\s+|first\s+)?"
    r"(?:re-?published|published|appeared|posted|ran)"
    r"|re-?published|originally published|first published|originally appeared|first appeared"
    r"|a version of (?:this|the) (?:\w+\s+){0,2}(?:(?:was\s+)?(?:originally|first)\s+)?(?:appeared|was published|published)"
    r")\s+(?:here\s+)?(?:with (?:kind )?permission\s+)?(?:from|in|on|at|by|via)\s+(?P<src>.+?)[\s.)\]*_]*$",
    re.I,
)
# Dates, licences and relative clauses after the outlet's name are not part of it.
_REPUB_TAIL = re.compile(
    # Starts only where a run of spaces starts, and spaces are taken whole: linear on any line.
    r"(?<![\s,])(?:,?\s++(?:on|in)\s+(?:(?:" + "|".join(WEEKDAYS) + r"),?\s+)?(?:\d|(?:" + _MONTH_ALT + r")\b).*|"
    r",?\s++(?:under|with|and is|and was|which)\b.*|\s*+,\s*\d{4}.*)$",
    re.I,
)

# Case-sensitive: a dateline's place is capitalised; only month and weekday names may vary in case.
DATELINE_RE = re.compile(
    r"^(?:[A-Z][A-Za-z.'’\-]*(?:\s+[A-Z][A-Za-z.'’\-]*){0,3})(?:\s*,\s*[A-Z][A-Za-z.'’\-]*(?:\s+[A-Z][A-Za-z.'’\-]*){0,2})?"
    r"\s*,?\s+(?P<date>(?i:(?:(?:" + "|".join(WEEKDAYS) + r")\.?,?\s+)?"
    r"(?:(?:" + _MONTH_ALT + r")\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?|\d{1,2}(?:st|nd|rd|th)?\s+(?:"
    + _MONTH_ALT + r")\.?(?:,?\s+\d{4})?)))\s*(?:\([^)]{1,40}\)\s*)?[-–—]{1,2}\s",
)


_SENTENCE_END_RE = re.compile(r"[a-z]{3}\.$")


def parse_byline(s: str) -> tuple[str, str] | None:
    """(author, role) from a byline such as "By Jane Doe, Senior Fellow at X"; None if it is not one."""
    body = s.strip()
    # A byline does not end on a sentence's full stop ("... the ministry said."); the check reads
    # the line's last characters only, so one long token cannot make it quadratic.
    if len(words(body)) > 25 or _SENTENCE_END_RE.search(body[-8:]):
        return None
    m = BYLINE_RE.match(body)
    if not m:
        return None
    name = m.group("name").strip(" ,")
    first = name.split()[0].lower().strip(".,")
    if first in NOT_NAMES or not any(c.isupper() for c in name):
        return None
    # Dates and reading times strung after the name ("| Nairobi | 3 May 2023 | 4 min read") are no role.
    parts = re.split(r"\s*[|·•]\s*", (m.group("role") or "").strip(" ,|-–—"))
    role = ", ".join(p for p in parts if p and not is_timestamp(p) and not READ_TIME_RE.fullmatch(p))
    return name, role


def republished_source(s: str) -> str | None:
    """The outlet named in a republication note ("(This post is republished from X.)"), or None."""
    if len(words(s)) > 30:
        return None
    m = REPUBLISHED_RE.match(s.strip())
    if not m:
        return None
    src = _REPUB_TAIL.sub("", m.group("src")).strip(" .,;:)]*_\"”")
    # An outlet is a name or an address, not a running clause.
    if not src or not (src[0].isupper() or URL_RE.match(src) or re.match(r"the [A-Z]", src)):
        return None
    return src


def dateline_date(s: str) -> str | None:
    """The raw date text of a lede dateline ("DHAKA, June 4 —" gives "June 4"), or None."""
    m = DATELINE_RE.match(s.strip())
    return m.group("date") if m else None
