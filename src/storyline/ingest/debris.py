"""Line-level signals of web-page debris (shapes, timestamps, boilerplate phrases) for the cleaner."""

from __future__ import annotations

import math
import re
from collections import Counter

# Bullets and list numbering are presentation, not words: shape tests look past them.
BULLET_RE = re.compile(r"^(?:[•·▪◦‣●○■□►▶*+\-–—»]|>{1,2}|\(?\d{1,2}[.)]|\[\d{1,3}\])\s+")
WORD_RE = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*")
ELLIPSIS_END_RE = re.compile(r"(?:\.\s?\.\s?\.|…)\s*[\"”’)\]]*\s*$")
SENTENCE_END_RE = re.compile(r"[.!?][\"”’)\]]*\s*$")
URL_RE = re.compile(r"https?://\S+|www\.\S+|\bdoi:\s*\S+|\b10\.\d{4,}/\S+", re.I)
YEAR_RE = re.compile(r"\b(?:1[5-9]|20)\d{2}[a-z]?\b")

MONTHS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
).split()
WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun".split()
_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))

# A small English stop list: enough to make topic overlap look at content words only.
STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had has
    have having he her here hers him his how i if in into is it its itself just more most my no nor not
    now of off on once only or other our out over own same she should so some such than that the their
    them then there these they this those through to too under until up very was we were what when where
    which while who whom why will with would you your yours new said says one two may might must can
    like get got make made many much even still well back way us per since within without""".split()
)


def strip_bullet(s: str) -> str:
    """The line without a leading bullet or list number."""
    return BULLET_RE.sub("", s, count=1)


def words(s: str) -> list[str]:
    """Word tokens (letters/digits, with inner apostrophes, dots and hyphens)."""
    return WORD_RE.findall(s)


def content_words(s: str) -> list[str]:
    """Lower-cased words that carry topic: no stop words, no numbers, at least three letters."""
    return [w for w in (t.lower() for t in words(s)) if len(w) >= 3 and w not in STOPWORDS and not w[0].isdigit()]


def cosine(a: Counter[str], b: Counter[str]) -> float:
    """Cosine similarity of two bags of words (0 when either is empty)."""
    if not a or not b:
        return 0.0
    dot = sum(n * b[w] for w, n in a.items() if w in b)
    return dot / (math.sqrt(sum(n * n for n in a.values())) * math.sqrt(sum(n * n for n in b.values())))


def is_teaser(s: str) -> bool:
    """A truncated card text: several words cut off with an ellipsis."""
    return bool(ELLIPSIS_END_RE.search(s)) and len(words(s)) >= 4


def ends_sentence(s: str) -> bool:
    """Ends like a finished sentence (not an ellipsis)."""
    return bool(SENTENCE_END_RE.search(s)) and not ELLIPSIS_END_RE.search(s)


def is_prose(s: str) -> bool:
    """Reads as running text: a finished sentence of some length, or a long line."""
    if is_teaser(s):
        return False
    n = len(words(s))
    return n >= 20 or (n >= 5 and ends_sentence(s))


def is_headline_shaped(s: str, max_words: int = 30) -> bool:
    """A short line that does not end like a sentence: a heading, headline, label or link text."""
    body = strip_bullet(s)
    n = len(words(body))
    if n == 0 or n > max_words or len(body) > 250 or is_teaser(body):
        return False
    return not body.rstrip("\"”’)] ").endswith(".") or bool(re.search(r"\b[A-Z]\.(?:[A-Z]\.)*\s*$", body))


# "A Headline In Title Case – The first sentence of the body...": a heading glued to its paragraph by a spaced dash.
# Lines reach it with their whitespace normalised to single spaces: one space each side of the dash.
_GLUED_HEAD_RE = re.compile(r"^(?P<head>[^.!?,;\n]{25,220}?) [–—-] (?=[A-Z“\"‘'])")
_TITLE_FUNCTION_RE = re.compile(r"\b(?:of|in|the|for|on|to|with|at|from|by|over|after|against)\b")


def glued_heading_end(s: str) -> int | None:
    """Where a title-case heading glued to the start of a paragraph ends (after its dash), or None.

    The heading has six or more words, capitalises every longer word, keeps a lowercase small word
    such as "of" or "in" (a list of names has only "and", and a dateline is in capitals), and what
    follows the dash is running text."""
    m = _GLUED_HEAD_RE.match(s)
    if m is None:
        return None
    head = m.group("head")
    if len(words(head)) < 6 or head.upper() == head or title_case_ratio(head) < 1.0:
        return None
    if not _TITLE_FUNCTION_RE.search(head) or not is_prose(s[m.end():]):
        return None
    return m.end()


def title_case_ratio(s: str) -> float:
    """Share of the longer words that start with a capital letter."""
    ws = [w for w in words(s) if len(w) > 3]
    return sum(w[0].isupper() for w in ws) / len(ws) if ws else 0.0


# --- timestamps -------------------------------------------------------------------------------

_TS_TOKEN = re.compile(
    r"(?:updated|published|posted|last|modified|edited|first|on|at|by|am|pm|a\.m\.|p\.m\.|ago|just|now|"
    r"today|yesterday|gmt|utc|bst|cet|cest|est|edt|pst|pdt|ist|jst|kst|t|z|st|nd|rd|th|"
    r"(?:an?|\d+)|(?:sec|secs|second|seconds|min|mins|minute|minutes|hr|hrs|hour|hours|day|days|week|weeks|"
    r"month|months|year|years)|" + _MONTH_ALT + "|" + "|".join(WEEKDAYS) + r")\.?",
    re.I,
)
_TS_CORE = re.compile(
    r"\b(?:" + _MONTH_ALT + r")\.?\s+\d{1,2}\b|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:" + _MONTH_ALT + r")\b|"
    r"\b\d{4}-\d{2}-\d{2}|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b|\b\d{1,2}:\d{2}|"
    r"\b(?:\d+|an?)\s+(?:sec|min|hour|hr|day|week|month|year)s?\.?\s+ago\b|\b(?:just now|yesterday|today)\b",
    re.I,
)


def is_timestamp(s: str) -> bool:
    """The whole line is a date and/or time stamp ("August 3, 2025 at 6:30:00 PM", "2 hours ago")."""
    s = strip_bullet(s).strip()
    if not s or len(s) > 80 or not _TS_CORE.search(s):
        return False
    rest = re.sub(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?", " ", s)
    rest = re.sub(r"\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{1,2}[:.]\d{2}(?::\d{2})?|[+-]\d{2}:?\d{2}", " ", rest)
    for tok in re.split(r"[\s,|·•/()\-–—:]+", rest):
        if tok and not _TS_TOKEN.fullmatch(tok):
            return False
    return True


# --- single-token tracking debris -----------------------------------------------------------


def is_tracking_token(s: str) -> bool:
    """A lone machine token: a vowel-less lowercase code, a hex/base64-like id or a query string."""
    s = s.strip()
    if not s or " " in s or len(s) > 200:
        return False
    if re.fullmatch(r"[?&]?(?:[\w.\-]+=[\w.%\-]*&?){1,}", s) and "=" in s:
        return True  # utm_source=...&utm_medium=...
    if re.fullmatch(r"[a-z]{2,12}", s):
        return not re.search(r"[aeiouy]", s)  # tag and pixel codes have no vowels; words do
    if re.fullmatch(r"[a-z0-9_\-]{8,}", s, re.I) and re.search(r"\d", s) and re.search(r"[a-z]", s, re.I):
        return len(re.findall(r"\d", s)) >= 3  # hex ids / hashes mix letters and many digits
    return False


# --- image credits ----------------------------------------------------------------------------

_CREDIT_PREFIX = re.compile(
    r"^[(\[]?\s*(?:(?:main |top |header |featured |cover |file |lead )?(?:image|photo|picture|photograph|illustration|"
    r"graphic|video|footage)s?\s*(?:credits?|courtesy|source|caption)?|credits?|captions?|photo by|image by|"
    r"photograph by|pictured|courtesy(?: of)?)\s*[:：|/]",
    re.I,
)
_CREDIT_PHRASE = re.compile(r"getty images|ap photo|photo by|image by|/\s*(?:photo|images?)\b|\bvia getty\b", re.I)


def is_image_credit(s: str) -> bool:
    """A photo or image credit line ("Photo: A. Person/Agency", "Image Credits: X")."""
    s = strip_bullet(s).strip()
    n = len(words(s))
    if _CREDIT_PREFIX.match(s):
        return n <= 25
    return bool(_CREDIT_PHRASE.search(s)) and n <= 12 and not ends_sentence(s.rstrip(")"))


# --- phrase lists (web-wide boilerplate, not any one site's wording) -------------------------

_I = re.I
# Whole-line forms: (reason, pattern). Patterns are anchored to the full (bullet-stripped) line.
LINE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("advertisement", re.compile(
        r"(?:advertisement|advert|ad|ads|sponsored(?: content| post)?|paid (?:content|post)|"
        r"(?:story|article|text) continues (?:below|after)(?: (?:the )?(?:advertisement|ad|video))?|"
        r"continue reading (?:below|the (?:main )?(?:story|article))|scroll (?:down )?to continue(?: with content)?)\W*", _I)),
    ("share-widget", re.compile(
        r"(?:(?:share(?: this| the)?(?: article| story| post| page)?(?: on| via| with)?|tweet|email|e-mail|print|"
        r"copy(?: the)? link|copied|facebook|twitter|linkedin|whatsapp|telegram|reddit|pinterest|messenger|"
        r"flipboard|threads|bluesky|mastodon|sms)\b[\s:|,/·•]*)+", _I)),
    ("share-widget", re.compile(
        r"(?:follow|like|find) us on\b.{0,80}|(?:follow|like|find|join) us(?: at)?\s*[:：].{0,80}|"
        r"(?:share|follow)\s*(?:on|via|this)\b.{0,60}|share\s*[:：]\s*\D{0,60}", _I)),
    ("comment-form", re.compile(
        r"(?:leave a (?:reply|comment)|post a comment|add (?:a|your) comment|cancel reply|post comment|submit comment|"
        r"comments? (?:\*|are closed)|(?:name|email|e-mail|website|comment)\s*\*|\d+\s+(?:comments?|responses?|replies)|"
        r"(?:show|view|load|read) (?:all )?comments(?: \(\d+\))?|join the (?:discussion|conversation)|"
        r"you must be logged in to post a comment\.?|reply|"
        r"comments (?:are|have been) (?:closed|disabled|turned off)(?: (?:for|on) this (?:article|story|post|page))?|"
        r"(?:reader |readers['’]? |user )?comments?\s*\(\d+\)(?:\s*[·|•,]\s*sort by\b.{0,30})?|"
        r"sort by\s*:.{0,30})\W*", _I)),
    ("feedback", re.compile(
        r"(?:was|is|did you find) (?:this|the) (?:article|story|page|post|information|content) "
        r"(?:useful|helpful|interesting|informative)\??(?:\s*(?:yes|no|[/|]))*\W*", _I)),
    ("navigation", re.compile(
        r"(?:skip to (?:main )?content|skip navigation|back to top|(?:main )?menu|home(?:page)?|search|log ?in|"
        r"sign ?in|log ?out|register|close|toggle navigation|open menu|next (?:article|story|post|page)|"
        r"previous (?:article|story|post|page)|(?:older|newer) posts?|expand|view (?:video|gallery)|"
        r"watch(?: the)? video|listen(?: to (?:this|the) (?:article|story))?|play video|"
        r"print(?: this)?(?: page| article| story)?|save(?: (?:this )?(?:article|story))?)\W*", _I)),
    ("related-links", re.compile(
        r"(?:related(?: (?:articles?|stories|posts|content|coverage|news|reading|links))?|read (?:more|also|next)|"
        r"also read|see also|more (?:stories|news|articles|headlines|on this (?:story|topic))|"
        r"more from [\w&' ]{1,40}|you (?:may|might) (?:also )?(?:like|enjoy|be interested in)|recommended(?: for you)?|"
        r"most (?:read|popular|viewed|shared)|trending(?: now| stories)?|top stories|latest (?:news|stories|posts)|"
        r"editor'?s? picks?|don'?t miss|load more|show more|more|keep reading)\s*[:»>…]*", _I)),
    ("copyright", re.compile(
        r"(?:(?:copyright|\(c\)|©)\s*(?:©\s*)?\d{4}.{0,120}|©.{1,160}|.{0,120}\ball rights reserved\b.{0,80}|"
        # "(c)" also numbers list items, so without a year it must go on to speak of rights or permission.
        r"\(c\)\s+(?-i:[A-Z]).{0,160}\b(?:rights|reproduced|republished|permission|licen[cs]e)\b.{0,80})", _I)),
    ("promo", re.compile(r"click here\b.{0,120}|download (?:our|the) (?:free )?app\b.{0,80}", _I)),
    # A note that the text goes on below a player: "The rest of the story is below the video".
    ("advertisement", re.compile(
        r"(?:the )?(?:rest|remainder|continuation|further part) of the (?:text|article|story|material|report|post|"
        r"interview)(?: is| continues)?(?: located| found| available)? (?:under|below|after|beneath)(?: the)?"
        r"(?: \w+){0,2}? (?:video|podcast|audio|player|photos?|gallery|advertisement|ad)(?: material)?\W*", _I)),
    # A pointer to more of the outlet's own pages: "Read more news on our home page", "You can read the
    # whole interview here", "More information can be found on the portal's main page".
    ("related-links", re.compile(
        r"(?:you can )?(?:read|find|see|get|watch|listen to) (?:more|further|the latest|all|the (?:whole|full))\b.{0,80}?"
        r"\b(?:here|on (?:the |our )?(?:[\w.'’-]+ )?(?:main|home|front) ?page(?: of .{1,40})?|"
        r"on (?:our|the|this) (?:website|site|portal|channel|app)|(?:on|at) (?:www\.)?[\w-]+(?:\.[a-z]{2,3})+)\W*|"
        r"(?:more|further) (?:similar |detailed )?(?:information|news|stories|reports?) (?:can be found|is available|are available)"
        r" (?:on|at|in) .{1,60}|"
        r"(?:more|further) (?:\w+ ){0,2}?(?:information|news|messages|stories|reports?)\b.{0,80}?"
        r"\b(?:on|at) (?:the )?(?:[\w.'’-]+ )?(?:main|home|front) ?page\b.{0,40}|"
        r"for more (?:information|news|details|stories)\b.{0,20}\b(?:visit|go to|see)\b.{1,60}", _I)),
    ("promo", re.compile(r"(?:new[:!]?\s+)?you can now listen to .{1,60}", _I)),
    # A video teaser set into the text: "See the video: ...", "WATCH VIDEO Minister on the floods".
    ("related-links", re.compile(r"(?:see|watch|view) (?:the |our )?video\b\s*[:\-–—]?\s*\S.{0,200}", _I)),
]

# Phrases that mark a line as boilerplate wherever they occur in it (for lines up to a length cap).
PHRASE_PATTERNS: list[tuple[str, int, re.Pattern[str]]] = [
    ("comment-form", 40, re.compile(
        r"your email address will not be published|required fields are marked|"
        r"save my name, email,? and website|notify me of (?:follow-?up comments|new (?:posts|comments))|"
        r"you must be (?:logged|signed) in to (?:post|leave) a comment|this site uses akismet", _I)),
    ("newsletter", 40, re.compile(
        r"\b(?:sign(?:ing)? up|subscrib(?:e|ing)|register)\b.{0,60}\bnewsletters?\b|\bnewsletters?\b.{0,60}\b(?:sign up|subscribe)\b|"
        r"delivered (?:straight |directly |right )?to your inbox|enter your e-?mail(?: address)?|"
        r"unsubscribe at any time|by (?:signing up|subscribing|submitting your e-?mail)|"
        r"^(?:sign up|subscribe)\b|^newsletters?\b|get our (?:free |daily |weekly )?\w* ?newsletter|"
        r"\b(?:subscribe|sign up|newsletters?|weekly|daily)\b.{0,100}\b(?:to|in) your inbox\b|"
        r"\b(?:to|in) your inbox\b.{0,60}\b(?:subscribe|sign up)\b", _I)),
    # A call to follow the outlet elsewhere: "Click here to subscribe", "... is now on YouTube", "subscribe to
    # our channel and watch ...".
    ("promo", 40, re.compile(
        r"\b(?:click|tap) here\b.{0,30}\b(?:to )?(?:subscribe|watch|listen|download|sign up|follow)\b|"
        r"\bsubscribe to\b.{0,60}\b(?:and|to) (?:watch|listen|stream|get|receive)\b|"
        r"\bis now on (?:youtube|instagram|tiktok|telegram|whatsapp|facebook|twitter|threads)\b", _I)),
    # Editorial disclaimers name the piece or its author; a report that views were "expressed" does not.
    ("disclaimer", 50, re.compile(
        r"\b(?:opinions?|views?)\s+expressed\s+(?:in|on|here|herein|within|by)\b.{0,60}?"
        r"\b(?:(?:this|these)\s+(?:article|post|piece|column|commentary|op-?ed|blog|site|publication|website|"
        r"essay|analysis|opinion)|authors?|writers?|contributors?|columnists?|herein|here)\b|"
        r"\bexpressed\s+(?:\w+\s+){0,6}?(?:are|is)\s+(?:solely\s+)?(?:the\s+)?(?:authors?|writers?)(?:'s|’s|s'|s’)?\b|"
        r"\b(?:are|is|remain|reflect)\s+(?:solely\s+)?(?:those|that|the (?:views?|opinions?)) of the (?:authors?|writers?)\b|"
        r"\bauthor(?:'s|’s|s'|s’)\s+own\b|"
        r"\bdo(?:es)? not necessarily (?:reflect|represent)\b.{0,60}\b(?:editorial|publisher|editors|"
        r"this (?:site|publication|website|newspaper|outlet|platform))", _I)),
]

READ_MORE_INLINE_RE = re.compile(
    r"^(?:read more|read also|also read|read next|up next|see also|related(?: story| article| coverage)?|more|watch|"
    r"listen|recommended|further reading|most (?:read|popular|viewed|shared)|trending(?: now)?)\s*[:|»>\-–—]\s*"
    r"(?P<rest>\S.*)$",
    re.I,
)
BREADCRUMB_RE = re.compile(r"^[\w&'’ .-]{1,30}(?:\s*[>›»]\s*[\w&'’ .-]{1,40}){2,}$")
COMMENT_START_RE = re.compile(
    r"^(?:leave a (?:reply|comment)|post a comment|add (?:a|your) comment|join the (?:discussion|conversation)|"
    r"\d+\s+(?:comments?|responses?|replies)|comments are closed|(?:show|view|load) comments|"
    r"(?:reader |readers['’]? )?comments?\s*\(\d+\)(?:\s*[·|•,]\s*sort by\b.{0,30})?)\W*$",
    re.I,
)
ABOUT_AUTHOR_RE = re.compile(r"^(?:about the authors?|about the writer|author bio(?:graphy)?|the authors?)\s*:?\s*$", re.I)
REFERENCES_HEAD_RE = re.compile(
    r"^(?:references?|sources?|bibliography|notes|end ?notes|foot ?notes|works cited|citations|"
    r"further reading|reference list|literature)\s*:?\s*$",
    re.I,
)
SOURCES_INLINE_RE = re.compile(r"^(?:sources|references)\s*:\s*(?P<rest>\S.*)$", re.I)

# A related-content lead-in glued to the teaser it introduces, with no separator between them:
# "Other Stories of Interest Floods Cut Road to Capital Rescuers reached ...". Only lead-ins that never open
# a sentence of a report, and only before a capitalised headline of several title-case words.
RELATED_GLUED_RE = re.compile(
    r"^(?:(?:other|more) (?:topics|stories|articles|news|reports)(?: of interest| you (?:may|might) (?:like|have missed))?|"
    r"(?:topics|stories|articles) of interest|read (?:also|more|next)|also read|see also|further reading|"
    r"related (?:stories|articles|coverage|news|reading|links)|you (?:may|might) (?:also )?(?:like|enjoy)|"
    r"recommended (?:stories|reading|for you)|editor'?s? picks?)\s+(?P<rest>(?-i:[A-Z“‘'\"]).+)$",
    re.I,
)


def glued_related_teaser(s: str) -> bool:
    """A related-content lead-in followed directly by a headline in title case (its first six words or up to
    the first colon mostly capitalised), the teaser's text after it."""
    m = RELATED_GLUED_RE.match(strip_bullet(s).strip())
    if m is None:
        return False
    rest = m.group("rest")
    head = rest.split(":", 1)[0] if ":" in rest[:80] else " ".join(words(rest)[:6])
    return len(words(head)) >= 2 and title_case_ratio(head) >= 0.75


def line_pattern_reason(s: str) -> str | None:
    """The boilerplate reason of a whole line (fixed web-wide forms), or None."""
    body = strip_bullet(s).strip()
    if not body:
        return None
    n = len(words(body))
    if n <= 20:
        for reason, pat in LINE_PATTERNS:
            if pat.fullmatch(body):
                return reason
        if BREADCRUMB_RE.match(body) and n <= 15:
            return "navigation"
    for reason, cap, pat in PHRASE_PATTERNS:
        if n <= cap and pat.search(body):
            return reason
    return None


def is_citation(s: str) -> bool:
    """Shaped like a bibliography entry: a link, or a year inside a short multi-part reference."""
    body = s.strip()
    n = len(words(body))
    if n == 0 or n > 80:
        return False
    if URL_RE.search(body) or BULLET_RE.match(body):
        return True
    parts = [p for p in re.split(r"[.,;:]\s+", body) if p]
    return bool(YEAR_RE.search(body)) and len(parts) >= 3
