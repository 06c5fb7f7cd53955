"""Heading lines: the one test of whether a line of a report is running text or page furniture (a
headline, a section title, a byline, a caption, a label).

Three stages ask it: the layout breaks (a heading ends its sentence before the parser runs), the
statements and quotes (a headline is not something the report asserts or reports), and the actors (a
name in a headline is not a mention in the body). One test keeps them agreeing about the same line.
"""

from __future__ import annotations

import re

HEADING_MAX_WORDS = 20
"""A line without sentence punctuation at its end up to this many words long is a heading."""
ACTOR_HEADING_MAX_WORDS = 30
"""The bound the actors use: a name on a long line without a sentence end (a photo caption with its credit,
a headline with its standfirst) is no mention in the body, though the line is long enough to read as a
sentence to the statements."""
BREAK_HEADING_MAX_WORDS = 10
"""The bound the layout breaks use: they cut a sentence before the parser sees it, on a line ended by a
single line break, where a hard-wrapped line of running text is longer than this."""
TITLE_CASE_MAX_WORDS = 15
"""A line in title case up to this long is a heading whatever its last mark ("A New Front in the Sahel?")."""
TITLE_CASE_SHARE = 0.7
"""The share of the line's longer words written with a capital that makes it title case."""

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# A line that ends a sentence (or carries on into the next line: ",", ":", ";"), a closing quotation mark or
# bracket after the mark aside. A closing mark alone ends a quoted headline ("Mayor calls plan 'a disgrace'").
_SENTENCE_END = re.compile(r"[.!?…:;,][\"“”’‘')\]]*\s*\Z")
_BULLETS = "-*•#>·–— "


def is_heading_line(line: str, max_words: int = HEADING_MAX_WORDS) -> bool:
    """True when a line is not running text: empty of words; at most ``max_words`` words without
    sentence punctuation at its end ("Talks at an Impasse", "By Amal Haddad · 12 March"); or a short line
    in title case not closed by a full stop ("A New Front in the Sahel?", "The Road to Jeddah: What Comes
    Next")."""
    body = line.strip().lstrip(_BULLETS).strip()
    words = _WORD.findall(body)
    if not words:
        return True
    if len(words) <= max_words and not _SENTENCE_END.search(body):
        return True
    return (len(words) <= min(max_words, TITLE_CASE_MAX_WORDS) and _title_case(words)
            and not body.rstrip("\"“”’‘') ").endswith("."))


def _title_case(words: list[str]) -> bool:
    """Most of the longer words (over three letters) open with a capital, and there are at least two."""
    long = [w for w in words if len(w) > 3]
    return len(long) >= 2 and sum(w[0].isupper() for w in long) >= TITLE_CASE_SHARE * len(long)
