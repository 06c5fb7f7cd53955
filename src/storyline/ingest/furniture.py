"""Line shapes of page furniture (rules, link lists, tag lists, buttons, credits, captions, footers) for the cleaner."""

from __future__ import annotations

import re

from storyline.ingest.bylines import NAME_RE, NOT_NAMES, READ_TIME_RE
from storyline.ingest.debris import ends_sentence, is_timestamp, words

# A rule line: only dashes, stars, underscores and the like ("------", "* * *", "-- ").
_RULE_RE = re.compile(r"(?:[-–—_=*~#•·+]\s*){2,}")
# List items a page strings together with pipes, middle dots, bullets or spaced slashes.
_LIST_SEP_RE = re.compile(r"(?<!\s)(?:\s++[|·•/]\s+|\s*+[|·•]\s*)")
# Each control is "[", up to 48 characters that are not brackets, "]": one way to match any
# line, so a long row of brackets cannot make the engine backtrack.
_BUTTONS_RE = re.compile(r"(?:\[[^\[\]]{1,48}\]\s*)+")
# Emphasis marks wrapping a whole line (Markdown *...* or _..._) say nothing about its content.
_WRAP_RE = re.compile(r"^[*_]+\s*|(?<![\s*_])\s*+[*_]++$")

_TAG_LABEL_RE = re.compile(
    r"^(?:tags?|tagged(?: with)?|topics?|related topics|filed under|categories|category|keywords|subjects?|more on)"
    r"\s*:\s*(?P<rest>\S.*)$", re.I,
)
_CREDIT_ROLE = (
    r"(?:(?:additional|further|extra)\s+)?(?:reporting|writing|editing|research|fact-?checking|production|"
    r"graphics|photography|translation|video|illustrations?|design|data)"
)
_CREDIT_PART_RE = re.compile(
    rf"^(?:and\s+)?{_CREDIT_ROLE}(?:\s*(?:,|and|&)\s*{_CREDIT_ROLE})*\s+by\s+(?P<who>.+)$", re.I
)
_DESK_RE = re.compile(
    r"^(?:the\s+)?[\w'’.\- ]{0,40}\b(?:desk|team|staff|bureau|newsroom|editors?|correspondents?)$", re.I
)
# A caption closing on its credit: "... on Saturday. Photo: A. Person / Agency".
_CAPTION_TAIL_RE = re.compile(
    r"(?:^|[.!?][\"”’)]?\s+|\s[-–—|]\s)(?:(?:photo|image|picture|photograph|illustration|video|graphic)s?"
    r"(?:\s+credits?)?|credits?)\s*:\s*(?:[^.!?:]|(?<=[A-Z])\.){1,80}[.)\]]?$", re.I,
)
# Notes a page adds about itself at its foot: syndication, house rules, how to reach the desk.
FOOTER_RE = re.compile(
    r"\b(?:carries|publishes|includes|features|contains) (?:partner|syndicated|sponsored|licensed) "
    r"(?:content|articles|stories)\b|\b(?:partner|syndicated) (?:content|articles?|stories) (?:is|are) "
    r"(?:edited|published|provided|supplied|republished)\b|"
    r"\bedited (?:only )?for (?:length|clarity|style|house style)\b|"
    r"\bcontent-sharing (?:agreement|partnership)\b|"
    # Only how the page itself was put together: "this report was prepared by auditors" is news.
    r"^this (?:note|article|story|bulletin|newsletter|page|briefing|piece|post|digest) "
    r"(?:is|was|has been|had been) (?:compiled|updated|amended|corrected)\b|"
    r"^corrections?\s*[?:]|\bcontact (?:page|form)\b|^(?:have|got) a (?:news )?tip\b|"
    r"\b(?:write|send|email|e-mail) (?:to )?(?:us|the (?:desk|editors?|newsroom))\b",
    re.I,
)
_SPEECH_RE = re.compile(r"\b(?:said|says|told|according to|reported|claimed|argued)\b", re.I)


def unwrap(s: str) -> str:
    """The line without emphasis marks around it."""
    return _WRAP_RE.sub("", s.strip())


def is_rule(s: str) -> bool:
    """A separator line with no words in it."""
    return bool(_RULE_RE.fullmatch(s.strip()))


def list_items(s: str) -> list[str]:
    """The items of a line split at pipes, middle dots, bullets and spaced slashes."""
    return [unwrap(p) for p in _LIST_SEP_RE.split(unwrap(s)) if unwrap(p)]


def _short_item(p: str, max_words: int = 5) -> bool:
    """A list item: a few words that neither end a sentence nor trail off into a clause."""
    n = len(words(p))
    return 0 < n <= max_words and not ends_sentence(p) and p[-1] not in ",;:"


def is_link_list(s: str) -> bool:
    """Three or more short labels strung together ("Previous issue | Next issue | Archive")."""
    if s.lstrip().startswith("|"):
        return False  # a table row as trafilatura writes tables ("| Province | Turnout |"): body
    items = list_items(s)
    if len(items) < 3 or len(words(s)) > 20 or not all(_short_item(p) for p in items):
        return False
    # Figures in a row are a table of data, not links; dates and read times are page furniture.
    return all(not re.search(r"\d", p) or is_timestamp(p) or READ_TIME_RE.fullmatch(p) for p in items)


_FIGURE_RE = re.compile(r"[-+±~<>≈]?[$€£¥]?\d[\d,.]*\s*(?:%|per ?cent|[kmb]n?|million|billion)?", re.I)


def is_figure(s: str) -> bool:
    """A table cell holding a number ("61%", "12,400", "$1.2 million")."""
    return bool(_FIGURE_RE.fullmatch(s.strip()))


def is_tag_list(s: str) -> bool:
    """A labelled list of topics ("Tags: a, b, c", "Topics: a | b")."""
    m = _TAG_LABEL_RE.match(unwrap(s))
    if not m or len(words(s)) > 30:
        return False
    items = [p.strip() for p in re.split(r"\s*[,;|·•/]\s*", m.group("rest")) if p.strip()]
    return all(_short_item(p) for p in items)


def is_buttons(s: str) -> bool:
    """A row of bracketed controls ("[Listen]  [Share]  [Save]", "[ Post comment ]")."""
    body = s.strip()
    return bool(_BUTTONS_RE.fullmatch(body)) and len(words(body)) <= 12


def is_credit_line(s: str) -> bool:
    """A production credit ("Reporting by A. Person; Editing by the World desk")."""
    parts = [p.strip() for p in re.split(r"[;.]\s+|\s*;\s*", s.strip().rstrip(".")) if p.strip()]
    if not parts or len(words(s)) > 40:
        return False
    for part in parts:
        m = _CREDIT_PART_RE.match(part)
        if not m:
            return False
        who = m.group("who").strip()
        if not (_is_names(who) or _DESK_RE.match(who)):
            return False
    return True


def _is_names(s: str) -> bool:
    """One or more people's names joined by commas or "and"."""
    names = [p for p in re.split(r"\s*(?:,|\band\b|&)\s*", s) if p]
    return bool(names) and all(is_name(p) for p in names)


def is_name(s: str) -> bool:
    """A person's name: two to five words, capitalised, not a date or a stock word."""
    ws = s.split()
    return (
        2 <= len(ws) <= 5 and bool(NAME_RE.fullmatch(s)) and ws[0].lower() not in NOT_NAMES
        and not s.isupper()
    )


def is_caption(s: str) -> bool:
    """An image caption that closes on its credit ("Smoke over the city. Photo: Agency")."""
    body = unwrap(s)
    # Long lines go only for what they say outright; a caption of 25+ words stays (seed corpus check).
    return len(words(body)) < 25 and bool(_CAPTION_TAIL_RE.search(body))


def name_byline(s: str, dated: bool = False) -> str | None:
    """The name in a byline without "By" ("Jane Doe · 20 May 2023 · 6 min read"; "Jane Doe, Nairobi" if dated).

    A name-shaped pair ("Rising Rivers, Falling Hopes") may be a dek, so without a date or reading
    time in the line, ``dated`` must say that a date stamp stands next to it.
    """
    parts = [p.strip() for p in re.split(r"\s*[,·•|]\s*|\s+[—–]\s+", s.strip()) if p.strip()]
    if len(parts) < 2 or len(words(s)) > 16 or not is_name(parts[0]):
        return None
    stamps = [is_timestamp(p) or bool(READ_TIME_RE.fullmatch(p)) for p in parts[1:]]
    for p, stamp in zip(parts[1:], stamps):
        place = len(words(p)) <= 4 and all(w[0].isupper() for w in p.split() if w.lower() not in ("the", "of", "and"))
        if not (place or stamp):
            return None
    return parts[0] if dated or any(stamps) else None


def is_footer_note(s: str) -> bool:
    """A note a page adds about itself at its foot (syndication, house rules, corrections contact)."""
    # A report's closing line may quote someone on the same subject; a page's own note reports no speech.
    return len(words(s)) <= 40 and bool(FOOTER_RE.search(s.strip())) and not _SPEECH_RE.search(s)
