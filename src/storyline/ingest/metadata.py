"""Report metadata: dates with their precision, language, word counts and outlets."""

from __future__ import annotations

import email.utils
import lzma
import os
import re
import shutil
import zipfile
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlparse

import numpy as np

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
    """The language identifier. Its model ships LZMA-compressed and unpacking it takes most of its load;
    the unpacked arrays are kept in the cache folder (under a key made of the model file's size and time
    and the package's version) and read back by a later process: the same arrays, so the same answers."""
    from py3langid import modelio
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    try:
        path = _unpacked_model(MODEL_DIR / MODEL_FILE)
        with np.load(path, allow_pickle=False) as data:
            ptc, pc, classes = np.asarray(data["ptc"]), np.asarray(data["pc"]), data["classes"].tolist()
            nextmove, row = modelio._to_array(data["nextmove"]), modelio._to_array(data["nextmove_row"])
            output = data["out_feat"].tolist()
        return LanguageIdentifier(ptc, pc, classes, nextmove, output, norm_probs=True, tk_row=row)
    except (OSError, EOFError, KeyError, ValueError, AttributeError, lzma.LZMAError, zipfile.BadZipFile):
        return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _unpacked_model(packed: Path) -> Path:
    """The language model's arrays unpacked into the cache folder (written there the first time, under a
    temporary name and then renamed, so a process reading the folder never sees half a file)."""
    from importlib.metadata import version

    from storyline import cache

    stat = packed.stat()
    path = cache.folder() / "langid" / f"{version('py3langid')}-{stat.st_size}-{stat.st_mtime_ns}.npz"
    if path.is_file():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.stem}.{os.getpid()}.part")
    try:
        with lzma.open(packed) as source, open(partial, "wb") as out:
            shutil.copyfileobj(source, out, length=1 << 20)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return path


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


# -- publication dates stated in the text -------------------------------------------------------

# "Published: 14 July 2025", "Updated 3:40 PM EDT, Mon July 14, 2025", "First published on 2 May 2024".
STAMP_RE = re.compile(
    r"^\W*(?P<kind>(?:first |originally |last )?(?:published|updated|posted|modified)|date(?:d)?|"
    r"publication date|release date)\b(?:\s+on)?\s*[:\-–—|]?\s*(?P<rest>.{4,80})$",
    re.I,
)
# A date inside a byline or a header line: "14 July 2025", "July 14, 2025", "2025-07-14", "23.08.2024"
# (day first: dotted numeric dates are written so across Europe and Latin America).
DATE_IN_LINE_RE = re.compile(
    r"\b(?:\d{4}-\d{2}-\d{2}|(?:0?[1-9]|[12]\d|3[01])\.(?:0?[1-9]|1[0-2])\.(?:1[89]|20)\d\d"
    r"|(?:[12]?\d|3[01])(?:st|nd|rd|th)?\s+(?:of\s+)?" + MONTH_RE.pattern[2:-2] + r"\.?,?\s+(?:1[89]|20)\d\d"
    r"|" + MONTH_RE.pattern[2:-2] + r"\.?\s+(?:[12]?\d|3[01])(?:st|nd|rd|th)?,?\s+(?:1[89]|20)\d\d)\b",
    re.I,
)
# An ISO date running into its time ("2026-12-05T09:12:00Z"): the date ends at the T.
_ISO_TIME_RE = re.compile(r"\b(\d{4}-\d{2}-\d{2})T(?=\d)")
# What a header line holding only a date may hold besides it: a weekday, a time, a zone, separators.
DATE_LINE_REST_RE = re.compile(
    r"(?:\s|[,|·•\-–—:./()]|\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\.\d+)?"
    r"|\b[ap]\.?m\b\.?|\bat\b|\b(?-i:[A-Z]{1,5})\b|[+-]\d{2}:?\d{2}|(?-i:Z)\b)*", re.I)
# Header lines are short; a date deep in the body is the story's, not the report's.
HEADER_CHARS = 1500
DATELINE_LINES = 8
"""A dateline opens the lede, within the first few non-empty lines (outlet, section, headline, byline)."""
STAMP_RANK = {"published": 0, "first published": 0, "originally published": 0, "posted": 1, "date": 1,
              "dated": 1, "publication date": 0, "release date": 1, "updated": 2, "last updated": 2,
              "modified": 2, "last modified": 2}


def stated_published(raw_text: str, removed_spans: list | None = None) -> MetaValue | None:
    """The publication date a plain-text report states about itself, with how it was found.

    Read from the raw text before cleaning (so a "Published: ..." line or a dated byline that
    the cleaner removes as debris is never lost): a "Published/Posted/Updated ..." stamp in the
    header (a publication stamp beats an update stamp), else a date in a byline or a removed
    header line. ``removed_spans`` are the cleaner's RemovedSpan records of the same text.
    """
    header = raw_text[:HEADER_CHARS]
    best: tuple[int, MetaValue] | None = None
    for line in header.splitlines():
        line = line.strip()
        if not line or len(line) > 160:
            continue
        m = STAMP_RE.match(line)
        if m is None:
            continue
        found = _date_in(m["rest"], "text-stamp")
        rank = STAMP_RANK.get(" ".join(m["kind"].lower().split()), 1)
        if found is not None and (best is None or rank < best[0]):
            best = (rank, found)
    if best is not None:
        return best[1]
    if (found := _dateline_in(header)) is not None:
        return found
    if (found := _date_line_in(header)) is not None:
        return found
    for span in removed_spans or []:
        if span.start is not None and span.start < HEADER_CHARS and span.reason in ("byline", "dateline", "navigation",
                                                                                   "timestamp", "date", "metadata"):
            if (found := _date_in(span.text, "byline")) is not None:
                return found
    return None


def _date_line_in(header: str) -> MetaValue | None:
    """A header line that is a date and nothing else but a weekday and a time ("December 5, 2026 9:12
    AM ET", "Wed 14 July 2025 | 10:45 GMT"), among the first few non-empty lines."""
    for line in [_ISO_TIME_RE.sub(r"\1 ", ln.strip()) for ln in header.splitlines() if ln.strip()][:DATELINE_LINES]:
        m = DATE_IN_LINE_RE.search(line)
        if m is not None and len(line) <= 60 and DATE_LINE_REST_RE.fullmatch(line[:m.start()] + " " + line[m.end():]):
            return _date_in(line, "date-line")
    return None


def _date_in(text: str, method: str) -> MetaValue | None:
    """The first full date written in ``text``, parsed with its precision."""
    m = DATE_IN_LINE_RE.search(_ISO_TIME_RE.sub(r"\1 ", text))
    if m is None:
        return None
    dotted = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", m.group(0))
    if dotted:
        day, month, year = (int(g) for g in dotted.groups())
        try:
            return MetaValue(date(year, month, day).isoformat(), method, "day")
        except ValueError:
            return None
    return parse_date(m.group(0), method)


def _dateline_in(header: str) -> MetaValue | None:
    """The date of a lede's dateline that gives its year ("DHAKA, July 14, 2025 (Reuters) -"), in the
    first paragraphs of the header. Without a year a dateline dates nothing: the report's year is unknown."""
    from storyline.ingest.bylines import dateline_date

    for line in [ln for ln in header.splitlines() if ln.strip()][:DATELINE_LINES]:
        raw = dateline_date(line)
        if raw is not None and YEAR_RE.search(raw):
            return _date_in(raw, "dateline")
    return None


def _full_date(written: str) -> date | None:
    """The day a full date written in the text names ("4 November 2021", "2021-11-04"), when it parses."""
    found = _date_in(written, "text")
    return date.fromisoformat(found.value) if found is not None and found.precision == "day" else None


# A year after these words bounds a plan, not the report's own time ("by 2030", "until 2027"), nor does
# one closing a span of years ("the programme for 2021-2023").
RE_FUTURE_YEAR = re.compile(r"(?:\b(?:by|until|till|through|before|to)\s+|\b(?:1[89]|20)\d\d\s?[-–—/]\s?)$", re.I)


COMPLETED_YEARS_BACK = 10
"""A yearless dateline is completed only with a year at most this many years before today: a report that
writes no later year than one of long ago ("joined UNESCO in 1954") recalls history, and its own year is unknown."""


def dateline_with_year_in_text(raw_text: str, today: date | None = None) -> MetaValue | None:
    """A dateline without its year ("KYIV, March 3 (Reuters) -") completed with the latest year the
    report writes (not one it looks ahead to, "by 2030", nor one after ``today``). Weaker evidence
    than any stated date or file name, so it is the last resort; a report that writes no year stays undated.
    A weekday in the dateline must fall on the day in that year."""
    from storyline.ingest.bylines import dateline_date
    from storyline.nlp.dates import MONTHS, WEEKDAYS, safe_date

    header = raw_text[:HEADER_CHARS]
    line, raw = next(((ln, d) for ln in [x for x in header.splitlines() if x.strip()][:DATELINE_LINES]
                      if (d := dateline_date(ln)) is not None), ("", None))
    if raw is None or YEAR_RE.search(raw):
        return None
    words = re.findall(r"[a-z]+|\d+", raw.lower())
    month = next((MONTHS[w] for w in words if w in MONTHS), None)
    day = next((int(w) for w in words if w.isdigit()), None)
    # The weekday may be read as part of the place ("DHAKA, Sunday, July 14 -"): look before the date too.
    lead = re.findall(r"[a-z]+", line[:line.find(raw)].lower()) + words
    weekday = next((WEEKDAYS[w] for w in lead if w in WEEKDAYS and len(w) > 3), None)
    limit = (today or date.today()).year
    years = [int(m.group(1)) for m in YEAR_RE.finditer(raw_text)
             if not RE_FUTURE_YEAR.search(raw_text[max(0, m.start() - 10):m.start()])]
    years = [y for y in years if y <= limit]
    if years and max(years) < limit - COMPLETED_YEARS_BACK:
        return None  # only history is written ("joined the body in 1954"): the report's year is unknown
    if month is None or day is None or not years:
        return None
    found = safe_date(max(years), month, day)
    # A full date the report writes later in that year ("signed on 4 November 2021" under "MINSK, 20 June")
    # was told before the report, so the dateline's day is that of the next year.
    told = [d for m in DATE_IN_LINE_RE.finditer(raw_text) if (d := _full_date(m.group(0))) is not None]
    if found is not None and any(d > found and d.year == found.year for d in told):
        found = safe_date(found.year + 1, month, day) if found.year + 1 <= limit else None
    if found is None or (weekday is not None and found.weekday() != weekday):
        return None
    return MetaValue(found.isoformat(), "dateline+year-in-text", "day")

