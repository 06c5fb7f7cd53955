"""From the quotes found in a document to its quote records: one record per attribution, a report inside
another's words credited once, a thought restated by its own speaker and a headline's words dropped."""

from __future__ import annotations

import re
from dataclasses import replace

from storyline.models import Quote
from storyline.nlp import quote_cues as cues
from storyline.nlp.actor_outlets import REPORTER_NOUNS


def records(quotes: list[Quote], text: str) -> list[Quote]:
    """The records of a document's quotes (sorted by position): see the module docstring."""
    kept = [q for q in quotes if not _restated(q, quotes) and not _in_headline(text, q)]
    return one_per_attribution(_credit_embedded(kept), text)


def _in_headline(text: str, q: Quote) -> bool:
    """A speaker on a line written in capitals is a headline's ("BIDEN WARNS OF WAR IF ...", "MAYOR
    SAYS BRIDGE WILL REOPEN"): the report itself tells who said what, below it."""
    at = q.speaker_start if q.speaker_start is not None else q.start
    line = text[text.rfind("\n", 0, at) + 1 : (text.find("\n", at) + 1 or len(text) + 1) - 1]
    letters = [c for c in line if c.isalpha()]
    return len(line.split()) >= 4 and len(letters) >= 12 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


# Pronouns by which a report's speaker goes on to state a thought of their own.
SELF_PRONOUNS = frozenset({"he", "she", "they", "it", "i", "we"})
EVIDENCE_CUES = frozenset({"show", "suggest", "indicate", "reveal", "find", "mean", "prove"})
THOUGHT_CUES = frozenset(cues.COGNITION_VERBS) - frozenset(cues.SPEECH_VERBS)


def _restated(q: Quote, quotes: list[Quote]) -> bool:
    """A thought reported inside another report by its own speaker: "Ruiz said she hopes that ...",
    "the minister said he thinks ...". The outer report carries it; the inner one is no second source."""
    if q.cue.removeprefix("not ") in EVIDENCE_CUES and (q.speaker_text or "").lower() in ("that", "which", "it", "this"):
        return True
    if q.direct or q.cue.removeprefix("not ") not in THOUGHT_CUES or (q.speaker_text or "").lower() not in SELF_PRONOUNS:
        return False
    return any(p is not q and not p.partial and p.start <= q.start and q.end <= p.end and (p.start, p.end) != (q.start, q.end)
               for p in quotes)


def _credit_embedded(quotes: list[Quote]) -> list[Quote]:
    """One record for a reported clause inside another's words. "The spokesman said the president had called
    for calm": the spokesman says it, and the president's call is part of what he says, not a second
    record. An outlet's report of someone's words is a relay: "dpa reported the minister said ..."
    credits the minister, with the outlet as ``via``."""
    dropped: set[int] = set()
    relayed: dict[int, Quote] = {}
    for i, q in enumerate(quotes):
        if q.speaker_start is None or q.direct:
            continue  # a quoted fragment keeps its own record ("it had concluded, on 'credible reports'")
        host = next((j for j, p in enumerate(quotes) if j != i and p.speaker_start is not None and not p.partial
                     and p.start <= q.speaker_start < p.end and q.end <= p.end and (p.start, p.end) != (q.start, q.end)
                     and p.speaker_start != q.speaker_start), None)
        if host is None:
            continue
        outer = quotes[host]
        if q.end <= outer.start:
            # "Prices rose. / The minister said this in Kyiv, according to a Reuters correspondent": the host
            # reports the sentence that credits q back, not q's words; an outlet's or reporter's host relays q
            if _is_outlet(outer.speaker_text or "") or _reporter(outer.speaker_text or ""):
                dropped.add(host)
                relayed[i] = replace(q, via=outer.speaker, via_text=outer.speaker_text)
            continue
        if _is_outlet(outer.speaker_text or "") and q.via is None:
            dropped.add(host)
            relayed[i] = replace(q, via=outer.speaker, via_text=outer.speaker_text)
        else:
            dropped.add(i)
    return [relayed.get(i, q) for i, q in enumerate(quotes) if i not in dropped or i in relayed]


def _is_outlet(phrase: str) -> bool:
    """A speaker written as a news outlet ("Reuters", "the German news agency dpa", "state TV")."""
    words = re.findall(r"[\w']+", phrase.lower())
    return (any(w in cues.MEDIA_NAMES or w in NEWS_WORDS for w in words)
            or (len(words) > 1 and words[-1] in cues.MEDIA_WORDS and words[-1] != "agency"))


def _reporter(phrase: str) -> bool:
    """A speaker written as a reporter ("a Reuters correspondent", "our reporter"): the report's own voice."""
    words = phrase.lower().split()
    return bool(words) and words[-1] in REPORTER_NOUNS


# Words that make a phrase a news outlet wherever they stand ("the state broadcaster NHK"); "times" or
# "post" only do as its last word, and "agency" never alone ("the news agency", not "the Energy Agency").
NEWS_WORDS = frozenset({"news", "newspaper", "broadcaster", "television", "tv", "radio", "channel", "wire"})


# Closing punctuation a quotation carries inside its marks ("... a con.") that the reported
# clause around it stops before.
CLOSING = " \t.,;:!?\"'”’»"
# Between two fragments: quotation marks, spaces and commas around the joining word (stripped
# before the match, so the pattern has no unbounded run to backtrack over).
JOINERS = re.compile(r"(?:(?:and|but|or)(?: then| also| still)?)?[ \t]?(?:an?|the)?")
_JOIN_LEAD = " \t\n\r\"'“”‘’«»,"
_JOIN_TRAIL = " \t\n\r\"'“”‘’«»"


def one_per_attribution(quotes: list[Quote], text: str) -> list[Quote]:
    """One record per attribution: a quoted fragment inside the clause reported with it is that
    clause ('she said his plan was "a disgrace."' is one direct attribution), a record inside
    another of the same speaker at the same cue is part of it, a reported clause that is only the
    opening of a longer quotation is that quotation ('she said that "the dam holds. ..."'), and
    fragments of one speaker joined only by commas, "and" or "but" ('called it "reckless" and "a
    disgrace"') are one record."""
    quotes = sorted(quotes, key=lambda q: (q.start, -q.end))
    kept: list[Quote] = []
    for q in quotes:
        host = next((k for k in reversed(kept) if _same_speaker(k, q) and _inside(q, k)), None)
        if host is not None:
            if q.direct and not host.direct:
                kept[kept.index(host)] = replace(host, direct=True, partial=False)
            continue
        last = kept[-1] if kept else None
        if last is not None and _same_speaker(last, q) and _opens_quotation(last, q, text):
            kept[-1] = q
            continue
        if last is not None and _same_speaker(last, q) and _joined(last, q, text):
            kept[-1] = _merged(last, q, text)
            continue
        kept.append(q)
    return kept


def _same_speaker(a: Quote, b: Quote) -> bool:
    return a.speaker_start is not None and a.speaker_start == b.speaker_start and a.doc == b.doc


def _inside(q: Quote, host: Quote) -> bool:
    """Whether q's words lie within host's (closing punctuation inside the marks aside)."""
    return host.start <= q.start and q.start + len(q.text.rstrip(CLOSING)) <= host.end


def _opens_quotation(clause: Quote, quotation: Quote, text: str) -> bool:
    """Whether a reported clause is nothing but "that" and the opening of a quotation that runs on past the
    clause's end ('Ruiz said that "the levee held. Crews are still pumping."'): one attribution, the quotation."""
    if clause.direct or not quotation.direct or not clause.start <= quotation.start < clause.end < quotation.end:
        return False
    return text[clause.start:quotation.start].strip(_JOIN_LEAD).lower() in ("", "that")


def _joined(a: Quote, b: Quote, text: str) -> bool:
    """Two records of one speaker at one cue with nothing but quotation marks, commas, "and", "but" or
    "or" and an article between: 'called it "reckless" and "a disgrace"', 'called him a "liar," a "bully"'."""
    if b.start < a.end or b.start - a.end > 16 or a.cue != b.cue or not (a.direct or b.direct):
        return False
    return JOINERS.fullmatch(text[a.end:b.start].lstrip(_JOIN_LEAD).rstrip(_JOIN_TRAIL)) is not None


def _merged(a: Quote, b: Quote, text: str) -> Quote:
    end = max(a.end, b.end)
    return replace(a, end=end, text=text[a.start:end], direct=True, partial=a.partial and b.partial)
