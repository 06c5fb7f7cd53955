"""Report metadata: dates with their precision, language, word counts and outlets."""

from __future__ import annotations

import email.utils
import re
from datetime import date, datetime
from functools import lru_cache
from urllib.parse import urlparse

from storyline.models import MetaValue

WORD_RE = re.compile(r"\w+(?:['’-]\w+)*")
YEAR_RE = re.compile(r"\b(1[89]\d\d|20\d\d|2100)\b")
MONTH_RE = re.compile(
    r"\b(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|"
    r"oct(ober)?|nov(ember)?|dec(ember)?)\b",
    re.I,
)
DAY_RE = re.compile(r"\b([12]?\d|3[01])(st|nd|rd|th)?\b")


def word_count(text: str) -> int:
    """Words as a reader counts them (hyphenated and apostrophe forms are one word)."""
    return len(WORD_RE.findall(text))


def parse_date(value: str, method: str) -> MetaValue | None:
    """A metadata date string as ``YYYY-MM-DD`` / ``YYYY-MM`` / ``YYYY`` with its precision.

    ISO 8601 and RFC 2822 (feeds, HTTP) are parsed exactly; anything else goes to
    dateparser, and its precision is what the string itself states: a bare year is
    never widened to a day.
    """
    value = value.strip()
    if not value:
        return None
    iso = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?", value)
    if iso:
        year, month, day = iso.groups()
        try:
            date(int(year), int(month or 1), int(day or 1))
        except ValueError:
            return None
        if day:
            return MetaValue(f"{year}-{month}-{day}", method, "day")
        if month:
            return MetaValue(f"{year}-{month}", method, "month")
        return MetaValue(year, method, "year")
    try:
        parsed = email.utils.parsedate_to_datetime(value)
        return MetaValue(parsed.date().isoformat(), method, "day")
    except (TypeError, ValueError, IndexError):
        pass
    if not YEAR_RE.search(value):
        return None  # a date without a year is not a publication date we can trust
    parsed = _dateparser(value)
    if parsed is None:
        return None
    if MONTH_RE.search(value) and DAY_RE.search(YEAR_RE.sub("", value)):
        return MetaValue(parsed.date().isoformat(), method, "day")
    if MONTH_RE.search(value):
        return MetaValue(parsed.strftime("%Y-%m"), method, "month")
    return MetaValue(str(parsed.year), method, "year")


def _dateparser(value: str) -> datetime | None:
    import dateparser  # imported lazily: it costs a second of start-up

    return dateparser.parse(
        value, languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}
    )


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str, sample: int = 2000) -> str | None:
    """ISO 639-1 code of the text's language, or None when there is too little text to tell."""
    snippet = text[:sample]
    if word_count(snippet) < 5:
        return None
    lang, prob = _identifier().classify(snippet)
    return lang if prob >= 0.5 else None


def outlet_from_url(url: str | None) -> str | None:
    """The site's host name without ``www.``, as a fallback outlet name."""
    if not url:
        return None
    host = urlparse(url).hostname or ""
    return host.removeprefix("www.") or None
