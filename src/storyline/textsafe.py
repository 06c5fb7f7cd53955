"""Report text made safe for a terminal: no control characters or direction overrides."""

from __future__ import annotations

import re

# C0/C1 control characters (escape sequences start with ESC or CSI) except tab and newline,
# and the bidirectional overrides and isolates that can reorder what a terminal shows.
_UNSAFE_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def terminal_text(text: str) -> str:
    """``text`` with every control character and direction override replaced by a visible mark."""
    return _UNSAFE_RE.sub("\ufffd", text)
