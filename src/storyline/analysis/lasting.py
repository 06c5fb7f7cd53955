"""States that outlast a forecast of their end: "the crossing remained closed" says it did not
reopen, "the hostages were still being held" that they were not freed."""

from __future__ import annotations

import re

from storyline.analysis.wording import _NEGATION, _WORD, STOP, head_clause, stem

# A state that outlasted a forecast of its end: "the crossing remained closed" says it did not reopen,
# "the hostages were still being held" that they were not freed. Each state names the changes it
# rules out; the forms are stemmed as claims are.
UNDONE_BY = {
    ("closed", "shut", "suspended", "halted", "idle", "blocked", "sealed off"):
        ("reopen", "reopened", "open", "opened", "resume", "resumed", "restart", "restarted", "lift", "lifted"),
    ("held", "captive", "detained", "missing", "in custody", "in captivity"):
        ("free", "freed", "release", "released", "return", "returned", "found"),
    ("burning", "alight", "spreading", "out of control", "uncontained"):
        ("contain", "contained", "control", "controlled", "extinguish", "extinguished", "out"),
    ("without power", "without electricity", "in darkness", "in the dark", "cut off", "offline", "down"):
        ("restore", "restored", "reconnect", "reconnected", "return", "returned"),
    ("stranded", "stuck", "trapped"): ("rescue", "rescued", "evacuate", "evacuated", "reach", "reached"),
    ("in place", "in force"): ("lift", "lifted", "end", "ended", "scrap", "scrapped"),
}
_STATES = {state: frozenset(stem(w) for w in ended) for states, ended in UNDONE_BY.items() for state in states}
_PERSISTED = re.compile(
    r"\b(?:still|remain(?:s|ed)?|stay(?:s|ed)?|"
    r"continu(?:e|es|ed)\s+to\s+be)\s+(?:(?:been|being|largely|mostly|partly|all)\s+)*(?P<state>"
    + "|".join(sorted((re.escape(k) for k in _STATES), key=len, reverse=True)) + r")\b", re.IGNORECASE)


def persisted_state(text: str) -> tuple[str, frozenset[str]] | None:
    """``(subject stem, stems of the changes it rules out)`` for a sentence saying a state lasted ("The
    crossing remained closed on Thursday" gives ("cross", {"reopen", "open", ...})), else None."""
    head = head_clause(text)
    m = _PERSISTED.search(head)
    before = head[:m.start()] if m else ""
    if m is None or "," in before or len(before.strip()) < 3 or _NEGATION.search(before) \
            or re.search(r"\bno\s*(?:body|one)\b", before, re.IGNORECASE):
        return None  # the subject is the whole clause before the verb ("The crossing remained closed")
    subject = [stem(w) for w in _WORD.findall(before.lower()) if w not in STOP and stem(w) not in STOP]
    return (subject[-1], _STATES[m.group("state").lower()]) if subject else None
