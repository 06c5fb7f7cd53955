"""Calendar rules that turn one DATE text into an ISO value against a publication date (no spaCy)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4,
    "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
}
MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
SMALL_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a couple of": 2, "couple of": 2,
}

_WD = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
_MO = "|".join(sorted(MONTHS, key=len, reverse=True))
_NUM = r"\d+|a couple of|couple of|a few|" + "|".join(k for k in SMALL_NUMBERS if " " not in k) + r"|several|few|many|some"
_UNIT = r"days?|weeks?|months?|years?|decades?|centur(?:y|ies)|hours?|minutes?"
_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"

RE_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
RE_DMY = re.compile(
    rf"(?:\b(?P<wd>{_WD})\.?,?\s+)?(?:the\s+)?\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{{1,2}}(?:st|nd|rd|th)?)?\s+(?:of\s+)?(?P<m>{_MO})\b\.?(?:,?\s+(?P<y>\d{{4}})\b)?"
)
RE_MDY = re.compile(
    rf"(?:\b(?P<wd>{_WD})\.?,?\s+)?\b(?P<m>{_MO})\b\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b"
    rf"(?:\s*[-–]\s*\d{{1,2}}(?:st|nd|rd|th)?\b)?(?:,?\s+(?P<y>\d{{4}})\b)?"
)
"""A range of days keeps its year: "August 6-8, 2016" begins on 6 August 2016."""
RE_MONTH_YEAR = re.compile(rf"\b(?P<m>{_MO})\b\.?,?\s+(?:of\s+)?(?P<y>\d{{4}})\b")
RE_MONTH = re.compile(
    rf"^(?:(?P<rel>last|next|this|coming|past)\s+)?(?:(?:early|mid|late|later|earlier|(?:the )?(?:end|beginning|start|middle|month) of)\s*-?\s*)?(?P<m>{_MO})$"
)
RE_MONTH_REL_YEAR = re.compile(rf"^(?P<m>{_MO})\s+(?:of\s+)?(?P<rel>last|this|next)\s+year$")
RE_YEAR = re.compile(
    r"^(?:the year\s+|fiscal\s+|(?:early|mid|late|the end of|the start of|the beginning of|the middle of|end of)\s*-?\s*)?(?P<y>\d{4})(?:\s*[-/–]\s*(?P<y2>\d{2,4}))?$"
)
RE_DECADE = re.compile(r"^(?:the\s+)?(?:early\s+|mid-?\s*|late\s+)?(?:\d{2})?(\d0)['’]?s$")
RE_NUMERIC = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{2}|\d{4})$")
RE_APPROXIMATE = re.compile(r"\s{0,3}(?:about|around|roughly|some|nearly|almost|more\s+than|over)\s")
RE_AGO = re.compile(rf"^(?P<about>about\s+|some\s+|nearly\s+|almost\s+|more than\s+|over\s+)?(?P<n>{_NUM})\s+(?P<u>{_UNIT})\s+ago$")
RE_REL_UNIT = re.compile(
    r"^(?:(?P<when>earlier|later|early|late|the end of|the start of|the beginning of|the middle of|end of|start of)\s+)?"
    r"(?P<rel>last|this|next|coming|previous|current)\s+(?P<u>week|month|year|weekend)$"
)
RE_WEEKDAY = re.compile(
    rf"^(?:(?P<rel>last|next|this|coming|past|previous|early|late|earlier|later|on)\s+)?(?P<wd>{_WD})\.?{_PART}$"
)
RE_WEEKEND = re.compile(r"^(?:over\s+|at\s+)?(?:the\s+)?(?P<rel>last|next|this|past|coming)?\s*weekend$")
RE_PERIOD = re.compile(
    rf"^(?:(?:in|over|during|within|for)\s+)?(?:the\s+)?(?:(?:last|past|next|coming|recent|previous|following|first|few|several)\s+)*(?:(?:{_NUM})\s+)?(?:{_UNIT})(?:\s+or\s+so)?(?:\s+to\s+come)?$"
)
RE_DURATION = re.compile(
    rf"^(?:(?:for|over|within|in|about|nearly|almost|more than|less than|some|another|the|up to|at least|just over|"
    rf"just|only)\s+)*(?:(?:{_NUM}|\d+(?:\.\d+)?|half an?|\w+ (?:to|or) \w+)[\s-]+)?(?:{_UNIT})"
    rf"(?:\s+and a half)?(?:[\s-]+(?:long|old|later|earlier))?$"
)
RE_AGE = re.compile(r"\byears?[\s-]+old\b|-year-old|\baged?\b|\bages? of\b")
RE_DAY_REL = re.compile(r"(last|past|previous|next|coming)\s")
"""A word before a day and month that says which way to look ("last November 24")."""
RE_LEAD = re.compile(r"^(?:on|in|at|of|during|since|from|around|about|by|until|the)\s+")


@dataclass
class Resolution:
    """A resolved DATE text: an ISO value (or None), its precision and why it is doubtful."""

    value: str | None
    precision: str
    note: str | None = None


def _num(word: str) -> int | None:
    word = word.strip()
    if word.isdigit():
        return int(word)
    return SMALL_NUMBERS.get(word)


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _add_months(day: dt.date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None for a day the calendar does not have (31 April, year 0)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def year_from_weekday(month: int, day: int, weekday: int, today: dt.date | None = None) -> int | None:
    """The most recent year, not after ``today``, in which ``month``/``day`` falls on ``weekday``."""
    today = today or dt.date.today()
    for year in range(today.year, today.year - 40, -1):
        date = safe_date(year, month, day)
        if date and date <= today and date.weekday() == weekday:
            return year
    return None


def _weekday_note(date: dt.date, weekday: int | None) -> str | None:
    if weekday is None or date.weekday() == weekday:
        return None
    return f"weekday does not match: {date.isoformat()} is a {date.strftime('%A')}"


def _month_day(month: int, day: int, year: int | None, weekday: int | None,
               base: dt.date | None, forward: bool, today: dt.date | None, backward: bool = False) -> Resolution:
    if year is not None:
        date = safe_date(year, month, day)
        if date is None:
            return Resolution(None, "vague", "not a calendar date")
        return Resolution(date.isoformat(), "day", _weekday_note(date, weekday))
    if base is not None:
        # The nearest such date to the report's date; forward context only looks ahead.
        candidates = [d for y in (base.year - 1, base.year, base.year + 1) if (d := safe_date(y, month, day))]
        if forward:
            ahead = [d for d in candidates if d >= base]
            candidates = ahead or candidates
        elif backward:
            # "last November 24", or a day on a verb in the past ("police arrested him on April 2" in
            # a February report): the latest such day not after the report.
            candidates = [d for d in candidates if d <= base] or candidates
        date = min(candidates, key=lambda d: (abs((d - base).days), d > base))
        return Resolution(date.isoformat(), "day", _weekday_note(date, weekday))
    if weekday is not None:
        year = year_from_weekday(month, day, weekday, today)
        if year is not None:
            return Resolution(dt.date(year, month, day).isoformat(), "day", "year inferred from the weekday")
    return Resolution(None, "day", "no publication date")


def _month_only(month: int, rel: str | None, base: dt.date | None, forward: bool) -> Resolution:
    if base is None:
        return Resolution(None, "month", "no publication date")
    if rel in ("last", "past"):
        year = base.year if month < base.month else base.year - 1
    elif rel in ("next", "coming") or (forward and rel != "this"):
        year = base.year if month > base.month else base.year + 1
    elif rel == "this":
        year = base.year
    else:
        # Past by default: the latest such month not after the report's month.
        year = base.year if month <= base.month else base.year - 1
    return Resolution(f"{year:04d}-{month:02d}", "month")


def _weekday(weekday: int, rel: str | None, base: dt.date | None, forward: bool) -> Resolution:
    if base is None:
        return Resolution(None, "day", "no publication date")
    if rel == "this":
        date = _monday(base) + dt.timedelta(days=weekday)
    elif rel in ("next", "coming"):
        date = base + dt.timedelta(days=(weekday - base.weekday() - 1) % 7 + 1)
    elif forward and rel not in ("last", "past", "previous"):
        # News usage again: "leaders meet on Thursday" in a Thursday report is that very day; a week
        # ahead would be "next Thursday".
        date = base + dt.timedelta(days=(weekday - base.weekday()) % 7)
    elif rel in ("last", "past", "previous"):
        date = base - dt.timedelta(days=(base.weekday() - weekday - 1) % 7 + 1)
        if (base - date).days == 1:
            # "last Monday" in a Tuesday report is not yesterday (that would be "on Monday" or
            # "yesterday"): it is the Monday of the week before.
            date -= dt.timedelta(days=7)
    else:
        # News usage: "on Wednesday" in a Wednesday report is that very day.
        date = base - dt.timedelta(days=(base.weekday() - weekday) % 7)
    return Resolution(date.isoformat(), "day")


def _relative_unit(when: str | None, rel: str, unit: str, base: dt.date | None) -> Resolution:
    precision = "week" if unit == "weekend" else unit
    if base is None:
        return Resolution(None, precision, "no publication date")
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(rel, 0)
    if unit in ("week", "weekend"):
        monday = _monday(base) + dt.timedelta(weeks=step)
        if unit == "weekend" and rel in ("this", "current") and base.weekday() < 5 and when is None:
            # "this weekend" early in a week still points at the coming one.
            monday = _monday(base)
        return Resolution(monday.isoformat(), "week")
    if unit == "month":
        year, month = _add_months(base, step)
        return Resolution(f"{year:04d}-{month:02d}", "month")
    return Resolution(f"{base.year + step:04d}", "year")


def _ago(n: int, unit: str, base: dt.date | None) -> Resolution:
    unit = unit.rstrip("s")
    if n > 1000:
        return Resolution(None, "vague", "too far back to place")
    precision = {"day": "day", "week": "week", "month": "month", "year": "year"}.get(unit, "vague")
    if base is None:
        return Resolution(None, precision, "no publication date")
    if unit == "day":
        return Resolution((base - dt.timedelta(days=n)).isoformat(), "day")
    if unit == "week":
        return Resolution(_monday(base - dt.timedelta(weeks=n)).isoformat(), "week")
    if unit == "month":
        year, month = _add_months(base, -n)
        return Resolution(f"{year:04d}-{month:02d}", "month")
    if unit == "year":
        return Resolution(f"{base.year - n:04d}", "year")
    return Resolution(None, "vague", "too coarse to place")


def resolve_date_text(
    text: str, base: dt.date | None, *, forward: bool = False, today: dt.date | None = None, backward: bool = False
) -> Resolution | None:
    """Resolve one DATE text against ``base`` (the publication date); None when it is no date at all.

    A day and month without a year is the nearest such day to ``base``; ``forward`` looks only ahead
    (a clause about what will happen), ``backward`` only back (a clause told in the past)."""
    low = " ".join(text.lower().replace("’", "'").split()).strip(" ,.;:()")
    if not low or "%" in low or "percent" in low or "per cent" in low:
        return None
    if RE_AGE.search(low):
        return None
    if re.fullmatch(r"\d{1,3}", low):
        return None  # a bare small number is an age or a count spaCy mislabelled
    if re.search(r"\bthe (?:last|past) (?:week|month|year)$", low):
        # "over the past year" is the last twelve months, not the previous calendar year
        return Resolution(None, "vague", "a period, not a point")
    # Strip prepositions and articles spaCy sometimes folds into the span.
    while (bare := RE_LEAD.sub("", low)) != low:
        low = bare
    if not re.search(r"\d|" + _WD + "|" + _MO + r"|today|tonight|last night|yesterday|tomorrow|week|month|year|decade|centur|day|spring|summer|autumn|fall|winter", low):
        return None
    if low in ("today", "tonight", "this morning", "this afternoon", "this evening", "now"):
        return Resolution(base.isoformat(), "day") if base else Resolution(None, "day", "no publication date")
    if low in ("yesterday", "tomorrow", "the day before yesterday", "day before yesterday", "last night") \
            or low.startswith(("yesterday ", "tomorrow ")):
        # "last night" is the evening before the report's day: a report of the morning tells the night before.
        if base is None:
            return Resolution(None, "day", "no publication date")
        delta = -2 if "before" in low else (-1 if low.startswith(("yesterday", "last")) else 1)
        return Resolution((base + dt.timedelta(days=delta)).isoformat(), "day")
    if m := RE_ISO.search(low):
        date = safe_date(int(m[1]), int(m[2]), int(m[3]))
        return Resolution(date.isoformat(), "day") if date else Resolution(None, "vague", "not a calendar date")
    for pattern in (RE_DMY, RE_MDY):
        if m := pattern.search(low):
            weekday = WEEKDAYS.get(m["wd"]) if m["wd"] else None
            year = int(m["y"]) if m["y"] else None
            rel = RE_DAY_REL.match(low)
            back = backward or (rel is not None and rel.group(1) in ("last", "past", "previous"))
            ahead = (forward and not back) or (rel is not None and rel.group(1) in ("next", "coming"))
            return _month_day(MONTHS[m["m"]], int(m["d"]), year, weekday, base, ahead, today, back)
    if m := RE_MONTH_YEAR.search(low):
        return Resolution(f"{int(m['y']):04d}-{MONTHS[m['m']]:02d}", "month")
    if m := RE_MONTH.match(low):
        return _month_only(MONTHS[m["m"]], m["rel"], base, forward)
    if m := RE_MONTH_REL_YEAR.match(low):
        if base is None:
            return Resolution(None, "month", "no publication date")
        year = base.year + {"last": -1, "this": 0, "next": 1}[m["rel"]]
        return Resolution(f"{year:04d}-{MONTHS[m['m']]:02d}", "month")
    if m := RE_YEAR.match(low):
        year = int(m["y"])
        if not 1000 <= year <= 2200:
            return None
        note = f"period {m['y']}-{m['y2']}" if m["y2"] else None
        return Resolution(f"{year:04d}", "year", note)
    if m := RE_DECADE.match(low):
        return Resolution(None, "vague", "a decade")
    if m := RE_NUMERIC.match(low):
        return _numeric(m, base, today)
    if m := RE_AGO.match(low):
        n = _num(m["n"])
        approximate = m["about"] or RE_APPROXIMATE.match(text.lower())
        if n and approximate and m["u"].rstrip("s") in ("day", "week", "month"):
            # "almost two months ago" may be either month: an approximate stretch back places no day,
            # week or month.
            return Resolution(None, "vague", "an approximate stretch back")
        return _ago(n, m["u"], base) if n else Resolution(None, "vague", "no count")
    if m := RE_REL_UNIT.match(low):
        return _relative_unit(m["when"], m["rel"], m["u"], base)
    if m := RE_WEEKEND.match(low):
        return _relative_unit(None, m["rel"] or "this", "weekend", base)
    if m := RE_WEEKDAY.match(low):
        rel = m["rel"] if m["rel"] not in ("on", "early", "late") else None
        return _weekday(WEEKDAYS[m["wd"]], rel, base, forward)
    if RE_PERIOD.match(low) and re.search(r"\b(?:last|past|next|coming|recent|previous|following|to come)\b", low):
        # A stretch of time ending or starting now: real, but no single point.
        return Resolution(None, "vague", "a period, not a point")
    if RE_DURATION.match(low):
        return None
    if low.startswith(("this ", "earlier this ", "later this ")) and low.split()[-1] in ("spring", "summer", "autumn", "fall", "winter"):
        return Resolution(f"{base.year:04d}", "year", "a season") if base else Resolution(None, "year", "no publication date")
    if re.search(rf"\b(?:{_UNIT})$", low) and not re.search(rf"\b(?:{_WD}|{_MO})\b", low):
        return None  # a length of time ("6 and 8 days"): dateparser would read it as that long ago
    return _dateparser(text, base, forward)


def _numeric(m: re.Match, base: dt.date | None, today: dt.date | None) -> Resolution | None:
    a, b, year = int(m[1]), int(m[2]), int(m[3])
    year += 2000 if year < 100 else 0
    if a > 12 >= b:
        date, note = safe_date(year, b, a), None
    elif b > 12 >= a:
        date, note = safe_date(year, a, b), None
    else:
        date, note = safe_date(year, b, a), "day/month order assumed"
    return Resolution(date.isoformat(), "day", note) if date else None


def _dateparser(text: str, base: dt.date | None, forward: bool) -> Resolution:
    if base is None and not re.search(r"\b\d{4}\b", text):
        return Resolution(None, "vague", "no publication date")
    import dateparser

    settings = {"PREFER_DATES_FROM": "future" if forward else "past", "RETURN_TIME_AS_PERIOD": True}
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(base, dt.time(12))
    try:
        data = dateparser.date.DateDataParser(languages=["en"], settings=settings).get_date_data(text)
    except Exception:  # dateparser raises a zoo of errors on odd input
        data = None
    if data is None or data.date_obj is None:
        return Resolution(None, "vague", "could not be placed")
    date = data.date_obj.date()
    period = data.period or "day"
    if period == "year":
        return Resolution(f"{date.year:04d}", "year")
    if period == "month":
        return Resolution(f"{date.year:04d}-{date.month:02d}", "month")
    if period == "week":
        return Resolution(_monday(date).isoformat(), "week")
    return Resolution(date.isoformat(), "day")


def date_interval(value: str | None) -> tuple[dt.date, dt.date] | None:
    """The days an ISO date of any precision covers: "2024" is the whole year, "2024-05" May.

    Dates are compared as intervals: a year-only date overlaps every day of that year but
    equals none of them.
    """
    if not value:
        return None
    text = value[:10]
    try:
        if len(text) == 4:
            year = int(text)
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        if len(text) == 7:
            year, month = int(text[:4]), int(text[5:7])
            last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1))
            return dt.date(year, month, 1), last
        if "-W" in value:
            year, week = int(value[:4]), int(value.split("-W")[1][:2])
            monday = dt.date.fromisocalendar(year, week, 1)
            return monday, monday + dt.timedelta(days=6)
        day = dt.date.fromisoformat(text)
        return day, day
    except ValueError:
        return None


def intervals_overlap(a: str | None, b: str | None) -> bool:
    """True when two dates of any precision can refer to the same day."""
    ia, ib = date_interval(a), date_interval(b)
    return ia is not None and ib is not None and ia[0] <= ib[1] and ib[0] <= ia[1]


def same_date(a: str | None, b: str | None) -> bool:
    """True only when both dates name the same span at the same precision ("2024" vs "2024-05-01" is not)."""
    ia, ib = date_interval(a), date_interval(b)
    return ia is not None and ia == ib
