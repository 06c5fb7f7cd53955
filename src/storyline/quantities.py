"""Public figure extraction for one text: ``storyline.extract_figures``."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from storyline.models import Figure

# The components a figure reads: dates (for relative dates), actors and quotes (for who
# gives it and whose it is), then the figures themselves.
FIGURE_COMPONENTS = (
    "storyline_times", "storyline_actors", "storyline_quotes", "storyline_attribution", "storyline_figures",
)


@lru_cache(maxsize=1)
def _nlp():
    from storyline.nlp.pipeline import load

    return load(components=FIGURE_COMPONENTS)


def _as_date(published: dt.date | dt.datetime | str | None) -> dt.date | None:
    if published is None or (isinstance(published, dt.date) and not isinstance(published, dt.datetime)):
        return published
    if isinstance(published, dt.datetime):
        return published.date()
    try:
        return dt.date.fromisoformat(str(published)[:10])
    except ValueError:
        raise ValueError(f"published must be a date or an ISO date string (YYYY-MM-DD), not {published!r}") from None


def extract_figures(text: str, published: dt.date | dt.datetime | str | None = None,
                    doc_id: str = "text") -> list[Figure]:
    """Every quantity stated in ``text``, as Figure records.

    Each record has ``value`` (None for a range or a vague magnitude), ``low``/``high``,
    ``qualifier`` ("about", "up to"...), ``counts`` (what is counted, normalised: "killed",
    "money:USD", "percent", "unit:kilometre", "years"; a rate names what it is per:
    "money:USD per barrel", "unit:metre per year"; a thing's age is "unit:year of age"),
    ``unit_text`` (as written: "mph", "$ a barrel", "European countries"), ``unit`` (its
    canonical name, singular, in words: "mile per hour", "dollar per barrel", "country"), ``change_from``
    (for a change "rose from 20 to 45", the old level; ``value`` is the new one),
    ``text`` with ``start``/``end`` offsets into ``text``, and, where the sentence says,
    whose it is (``subject``), who gives it (``attributed_to``) and the date it refers to.
    ``published`` (the report's date) resolves relative dates such as "last Tuesday".
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a string, not {type(text).__name__}")
    from storyline.nlp.pipeline import make_doc

    nlp = _nlp()
    doc = nlp(make_doc(nlp, doc_id, text, _as_date(published)))
    return list(doc._.figures or [])
