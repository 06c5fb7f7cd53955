"""Who gives a figure: the source that governs it in the parse (the frame module's walk,
``sources.source_on_path``), the speaker of the quote around it, or the source of its clause's attribution
frame."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from storyline.nlp import figure_words as W
from storyline.nlp.attribution import RECORD_NOUNS, FrameIndex
from storyline.nlp.grammar import lemma
from storyline.nlp.pipeline import text_of
from storyline.nlp.sources import BACKGROUND, SCENE_MARKS, outer_speaker, reporting_subject, source_on_path
from storyline.nlp.speakers import credited, speaker_of

ACTOR_LABELS = frozenset("NORP GPE ORG PERSON".split())


class SourceContext:
    """Per-document lookups: entity of each token, mentions and quotes by character offset."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.ent_of: dict[int, Span] = {t: ent for ent in doc.ents for t in range(ent.start, ent.end)}
        mentions = (doc._.mentions if Doc.has_extension("mentions") else None) or []
        self.actors = Doc.has_extension("mentions") and doc._.mentions is not None
        """Whether the actors component ran (a sentence may name no one)."""
        self.mentions = sorted(mentions, key=lambda m: (m.start, m.end))
        self.mention_starts = [m.start for m in self.mentions]
        self.quotes = (doc._.quotes if Doc.has_extension("quotes") else None) or []
        frames = (doc._.frames if Doc.has_extension("frames") else None) or []
        self.frames = FrameIndex(frames) if frames else None

    def mention_in(self, start: int, end: int, head: Token | None = None):
        """The mention inside ``[start, end)``; the one covering ``head`` when several."""
        lo, hi = bisect_left(self.mention_starts, start), bisect_right(self.mention_starts, end)
        inside = [m for m in self.mentions[lo:hi] if m.end <= end]
        if head is not None:
            for m in inside:
                if m.start <= head.idx < m.end:
                    return m
        return inside[0] if inside else None

    def mention_at(self, offset: int):
        """The mention covering a character offset, if any."""
        i = bisect_right(self.mention_starts, offset)
        for m in reversed(self.mentions[max(0, i - 8): i]):
            if m.start <= offset < m.end:
                return m
        return None

    @cached_property
    def speech(self):
        """Quotation marks and cue frames, for the shared speaker resolver."""
        from storyline.nlp.quote_cues import Context

        return Context(self.doc)

    def quote_at(self, start: int, end: int):
        for quote in self.quotes:
            if quote.start <= start and end <= quote.end and (quote.speaker_text or quote.speaker):
                return quote
        return None


def span_text(doc: Doc, first: int, last: int) -> tuple[str, int, int]:
    span = doc[first: last + 1]
    return span.text, span.start_char, span.end_char


def _phrase(token: Token) -> tuple[int, int]:
    """Token range of the noun phrase headed by ``token``, without relative clauses or appositions."""
    left = token.left_edge.i
    while left < token.i and token.doc[left].is_punct:
        left += 1
    right = token.i
    for child in token.rights:
        if child.dep_ == "prep" and not any(g.dep_ == "pobj" and (g.pos_ == "PROPN" or g.ent_type_) for g in child.children):
            break  # "the Service of South Korea", but not "the Press of the tally sheets published by ..."
        if child.dep_ in ("prep", "compound", "amod", "nummod", "conj", "cc", "flat", "nmod", "case"):
            right = max(right, child.right_edge.i)
        else:
            break
    while right > token.i and token.doc[right].is_punct:
        right -= 1
    return left, right


def entity_text(ctx: SourceContext, token: Token) -> tuple[str | None, str | None]:
    """Actor id (from the actors component's mentions) and text of the entity at ``token``."""
    ent = ctx.ent_of.get(token.i)
    start, end = (ent.start_char, ent.end_char) if ent is not None else (token.idx, token.idx + len(token))
    mention = ctx.mention_in(start, end, token) if ctx.mentions else None
    if mention is None and ctx.mentions:
        mention = ctx.mention_at(token.idx)
    if mention is not None:
        return mention.entity, mention.text
    if ent is not None:
        return None, ent.text.removesuffix("'s").removesuffix("’s")
    return None, token.text


def is_actor(ctx: SourceContext, token: Token) -> bool:
    ent = ctx.ent_of.get(token.i)
    if ent is not None and ent.label_ in ACTOR_LABELS:
        return True
    return ctx.mention_at(token.idx) is not None


def _source(token: Token, ctx: SourceContext) -> tuple[str | None, str | None]:
    left, right = _phrase(token)
    text, start, end = span_text(token.doc, left, right)
    # One resolver: a speaker the quotes component resolved ("he put turnout at 59 per cent", "the
    # president said") keeps that actor here, as in the clause's quote and statement; any other speaker
    # ("he put the toll at 40", "the ministry estimated") is who the speaker resolver says it is.
    if (quote := credited(ctx.quotes, token)) is not None:
        if quote.speaker is None and (body := described_body(ctx, token)) is not None:
            return body, text  # "a senior German defence official": the state the unnamed official speaks for
        if quote.speaker is None and (pollster := _pollster(ctx, left, token)) is not None:
            return pollster
        return quote.speaker, text
    if (pollster := _pollster(ctx, left, token)) is not None:
        return pollster  # "The Axios/Ipsos March survey": the first partner, where the names ran together
    if not ctx.mentions:
        return None, text
    if (mention := ctx.mention_in(start, end, token)) is not None:
        return mention.entity, text  # a name written in the phrase ("the Eastern Samar disaster office")
    entity = speaker_of(ctx.speech, ctx.quotes, token) if token.pos_ in ("PRON", "NOUN", "PROPN") else None
    return entity, text


OFFICIAL_NOUNS = frozenset(
    "official officials spokesman spokesmen spokeswoman spokeswomen spokesperson spokespeople spokespersons "
    "representative representatives diplomat diplomats envoy envoys aide aides".split())
"""Nouns for one who speaks for a state or body without a name of their own ("a senior Brazilian official")."""
BODY_TYPES = ("state", "organization", "igo")
BODY_PREPOSITIONS = frozenset({"of", "for", "with", "from"})


def described_body(ctx: SourceContext, token: Token) -> str | None:
    """The state or body an unnamed official is described by: a word before the noun ("a senior German defence
    official", "a White House spokeswoman") or a phrase after it ("a representative of the US administration",
    "an official with the UN agency"). None for a noun that is no official's, for a person named in the phrase ("an
    aide to Ana Ruiz" speaks for no state), and where no such name is written."""
    if token.lower_ not in OFFICIAL_NOUNS or not ctx.mentions:
        return None
    words = [t for t in token.subtree if t.i < token.i and t.dep_ not in ("relcl", "acl", "appos")]
    for prep in token.rights:
        if prep.dep_ == "prep" and prep.lower_ in BODY_PREPOSITIONS:
            words += list(prep.subtree)
    if any(m.type == "person" for t in token.subtree if t.dep_ not in ("relcl", "acl")
           and (m := ctx.mention_at(t.idx)) is not None):
        return None
    found = [m for t in words if (m := ctx.mention_at(t.idx)) is not None]
    bodies = {m.entity: m for m in found if m.type in BODY_TYPES and m.entity}
    return next(iter(bodies)) if len(bodies) == 1 else None


GAP_JOINS = frozenset({"and", "while", "whereas", "but"})
GAP_MAX_WORDS = 6
"""Longest source phrase of a gapped clause ("and the regional fire and rescue service, 12")."""


def gapped_source(ctx: SourceContext, first: Token) -> tuple[str | None, str] | None:
    """The source of a gapped clause that gives a figure with no verb of its own: "the governor said 40 people were
    killed and the fire service, 12", "the ministry put the toll at 40, and the Red Cross at 52". ``first`` is the
    figure's first token; the source is the actor's phrase between the joining word and the figure (a comma or "at"
    before it). None where the words before the figure are no such phrase, or it names no actor ("and the rebels,
    12 trucks" reads as well as a second count of the one clause)."""
    doc, i = ctx.doc, first.i - 1
    if i >= 0 and doc[i].lower_ == "at":
        i -= 1
    if i >= 0 and doc[i].text == ",":
        i -= 1
    if i < 1 or doc[i].pos_ not in ("NOUN", "PROPN") or doc[i].i == first.sent.start:
        return None
    j = i
    while j > first.sent.start and i - j < GAP_MAX_WORDS and doc[j - 1].lower_ not in GAP_JOINS and not doc[j - 1].is_punct \
            and doc[j - 1].pos_ in ("DET", "PROPN", "NOUN", "ADJ", "PART"):
        j -= 1
    if doc[j - 1].lower_ not in GAP_JOINS or not (any(is_actor(ctx, t) for t in doc[j:i + 1])
                                                  or doc[i].lower_ in W.BODY_NOUNS | OFFICIAL_NOUNS):
        return None
    phrase = doc[j:i + 1]
    mention = ctx.mention_in(phrase.start_char, phrase.end_char, phrase[-1]) if ctx.mentions else None
    if mention is not None and mention.type not in ("person", "organization", "igo", "state"):
        return None
    return (mention.entity if mention is not None else None), phrase.text


def _speaker(ctx: SourceContext, quote) -> tuple[str | None, str | None]:
    """A quote's speaker as a figure's source: the actor the quote resolved, else the person named in apposition at
    the end of its speaker's phrase ("according to the author of the study, the midwife Ana Ruiz, ...": Ana Ruiz,
    where the quote resolved the description only). A state, body or place the phrase names is not the speaker
    ("authorities in Chile's north", "Estonian services" speak unnamed), nor a person it names without a comma
    before them ("a lawyer for Ana Ruiz")."""
    if quote.speaker is not None or quote.speaker_start is None or quote.speaker_end is None:
        return quote.speaker, quote.speaker_text
    span = ctx.doc.char_span(quote.speaker_start, quote.speaker_end, alignment_mode="expand")
    if span is not None and len(span) and (body := described_body(ctx, span.root)) is not None:
        return body, quote.speaker_text  # '"...," a senior Brazilian official told reporters': Brazil's
    if span is not None and len(span) and (pollster := _pollster(ctx, span.start, span.root)) is not None:
        return pollster
    if not ctx.mentions:
        return quote.speaker, quote.speaker_text
    mention = ctx.mention_in(quote.speaker_start, quote.speaker_end)
    phrase = text_of(ctx.doc)[quote.speaker_start:quote.speaker_end]
    named = mention is not None and mention.type == "person" and mention.end == quote.speaker_start + len(phrase.rstrip()) \
        and "," in phrase[:mention.start - quote.speaker_start]
    return (mention.entity if named else None), quote.speaker_text


def attribution(ctx: SourceContext, figure_start: int, figure_end: int, path: list[Token], sent: Span) -> tuple[str | None, str | None]:
    """Who gives the figure: the nearest source in the parse, else the speaker of the quote around it.

    A source inside the quoted words ("X said that reports show thousands ...") is nearer than
    the quote's speaker, so it wins. An outlet or body that only relays the clause's words is not their source:
    whom its attribution frame says it cites is ("according to the FT, which cited Western officials").
    """
    entity, text = _attribution(ctx, figure_start, figure_end, path, sent)
    frame = ctx.frames.at(figure_start, figure_end) if ctx.frames is not None and text is not None else None
    if frame is not None and frame.relays and frame.source_text and frame.source_kind != "author" \
            and _gives_words(frame.cue) and not _holds(frame, figure_start) and _relayed(frame, entity, text):
        # (one who only requested or did something the outlet reports gives no words: "prosecutors requested three
        # years in prison, according to Tanjug" is the agency's)
        return frame.source, frame.source_text
    return entity, text


def _relayed(frame, entity: str | None, text: str) -> bool:
    """Whether a source found for a figure is one of the hops that relayed its frame's words (not the same
    speaker again: "the company said it expects $45bn" is the company's)."""
    if frame.source_text.lower() in PRONOUNS or entity is not None and frame.source == entity:
        return False
    written = text.lower().removeprefix("the ")
    return any(hop == entity or hop.lower().removeprefix("the ") == written for hop in frame.relays if hop)


PRONOUNS = frozenset("i we you he she it they me us him her them".split())


def _attribution(ctx: SourceContext, figure_start: int, figure_end: int, path: list[Token], sent: Span) -> tuple[str | None, str | None]:
    if (item := _item_line(sent.doc, figure_start)) is not None:
        # a list item is a sentence of its own, whatever the parser glued to it
        inside = [t for t in path if item.start <= t.i < item.end]
        path = path[:len(inside)] if path[:len(inside)] == inside else inside[:1]
        sent = item
    source = source_on_path(path, sent)
    quote = ctx.quote_at(figure_start, figure_end)
    if source is BACKGROUND:
        # the speaker's own words describe it inside quotation marks ("... the drought, which has driven
        # 40,000 from their farms," said X); outside them it is the report's description
        if quote is not None and quote.direct and (any(
                m.inner_start <= figure_start and figure_end <= m.inner_end for m in ctx.speech.marks)
                or not any(m.start < quote.end and quote.start < m.end for m in ctx.speech.marks)):
            # (words set off by dashes, "- ... since the storm in 2011 ... - the reporter stressed", are all the
            # speaker's own, as words inside quotation marks are)
            return _speaker(ctx, quote)
        return trailing_speaker(ctx, sent, figure_end) if _glued_to_speaker(ctx, figure_start) else (None, None)
    if source is not None and _paragraph_between(sent.doc, source, figure_start):
        source = None  # a heading or dateline the parser glued to the lede ("Lagos Reuters —", then a blank line)
    if quote is not None and not quote.direct and not _gives_words(quote.cue):
        quote = None  # "pressed lawmakers for six months to approve ...": the report's figure, not his
    if quote is not None and quote.speaker is None and (quote.speaker_text or "").lower() in W.INDEFINITE_SPEAKERS:
        quote = None  # "some say the dam could hold 2 metres more": no one named gives it
    if quote is not None and not (source is not None and quote.start <= source.idx < quote.end):
        return _speaker(ctx, quote)
    if quote is not None and source is not None and (source.lower_ in FIRST_PERSON or any(
            c.dep_ == "poss" and c.lower_ in FIRST_PERSON_OWNERS for c in source.children)):
        # "we counted the flooded homes ourselves", "our teams counted 212 trucks", in her quote
        return _speaker(ctx, quote)
    frame = ctx.frames.at(figure_start, figure_end) if ctx.frames is not None else None
    if frame is not None and (frame.source_kind == "author" or not frame.source_text or SHARE.match(frame.source_text)
                              or frame.source is None and frame.source_start is None
                              or frame.source is None and frame.source_text.lower() in W.INDEFINITE_SPEAKERS):
        # (a share of those asked speaks for no one: "Some 80% of the farmers asked said"; nor do "many" who
        # expect something; nor does a frame with no speaker in the text and no actor: "it was stressed that
        # ...", a quotation no one is named for)
        frame = None
    # where the frame is said: its cue, else its speaker (a frame that kept no cue offsets)
    said_at = None if frame is None else frame.cue_start if frame.cue_start is not None else frame.source_start
    if said_at is not None and ";" in (text_of(sent.doc)[figure_end:said_at] if figure_end <= said_at
                                       else text_of(sent.doc)[said_at:figure_start]):
        # "Some 1,200 homes lost power; the utility said crews were out", "analysts estimated the party spent $90m;
        # its rival spent about $20m": the cue answers for its own side of the semicolon
        frame = None
    if source is not None:
        if frame is not None and _same_source(frame, source, path) and not _holds(frame, figure_start):
            # the clause's attribution frame answers for the figure as for the clause's quote and statement
            # (the original source of a relayed report: "Yonhap, citing the spy agency, said 3,000 ...")
            entity, text = frame.source, frame.source_text
            if (pollster := _pollster(ctx, _phrase(source)[0], source)) is not None:
                entity, text = pollster  # "The Times-Ipsos poll found ...": the first partner, as everywhere
        else:
            entity, text = _source(source, ctx)
        if entity is None and source.pos_ == "PRON" and (outer := outer_speaker(source)) is not None:
            return _source(outer, ctx)  # "the utility said it expects $4bn": the utility, when "it" resolves to no one
        return entity, text
    # otherwise the source of the clause's attribution frame (a relayed or trailing attribution)
    if frame is not None and _gives_words(frame.cue) and not (path and _aside(sent.doc, frame, path[0])):
        return frame.source, frame.source_text
    if frame is None and (lead := list_lead(text_of(sent.doc), figure_start)) is not None:
        return lead_source(ctx, *lead)  # a list or table under "The ministry gave these figures on Tuesday:"
    if (speaker := trailing_speaker(ctx, sent, figure_end)) != (None, None):
        return speaker
    if (records := trailing_records(sent)) is not None and figure_end <= records.start_char:
        # "..., customs data show.": the parser read the closing verb as a noun, so no walk reached it
        mention = ctx.mention_in(records.start_char, records.end_char) if ctx.mentions else None
        return (mention.entity if mention is not None else None), records.text
    if ctx.quote_at(figure_start, figure_end) is None and (earlier := _quoted_on(ctx, figure_start, figure_end)) is not None:
        return _speaker(ctx, earlier)
    return None, None


QUOTED_ON_WORDS = 4
"""Fewest words inside quotation marks that go on with an earlier speaker's words (fewer are a name or a term)."""


def _quoted_on(ctx: SourceContext, figure_start: int, figure_end: int):
    """The quote whose speaker's words go on in the quotation marks around a figure that no cue of its own
    covers: the last direct quote with a speaker before them, in their paragraph or the one before ('..."remain
    on paper", Ortega wrote. Since the storm, the fleet has grown "from 12 to 31 boats"': Ortega's)."""
    if not any(q.end <= figure_start and q.direct for q in ctx.quotes):
        return None  # (no quote before it: the quotation marks need not be read)
    text = text_of(ctx.doc)
    mark = next((m for m in ctx.speech.marks if m.inner_start <= figure_start and figure_end <= m.inner_end), None)
    if mark is None or len(text[mark.inner_start:mark.inner_end].split()) < QUOTED_ON_WORDS:
        return None
    earlier = [q for q in ctx.quotes if q.end <= mark.start and q.direct and (q.speaker or q.speaker_text)]
    if not earlier:
        return None
    quote = max(earlier, key=lambda q: q.end)
    if (quote.speaker is None and (quote.speaker_text or "").lower() in W.INDEFINITE_SPEAKERS
            or text[quote.end:mark.start].replace("\r", "").count("\n\n") > 1):
        return None
    return quote


POLL_NOUNS = frozenset({"poll", "polls", "polling", "survey", "surveys"})


def paragraph_poll(ctx: SourceContext, offset: int, report: bool = False) -> tuple[str | None, str] | None:
    """The poll or survey its paragraph names last before ``offset``, as a source (actor id, text): what shares of
    respondents say is its finding ("..., according to a Harbour Times poll. In all, 61 percent say ..."). With
    ``report``, the last one the report names before it, in any paragraph; a later "the new poll" that names no
    pollster is the one named before it ("a Harbour Times poll ... the new poll"). Not the polls of an election
    ("at the polls", "polls closed")."""
    text = text_of(ctx.doc)
    begin = 0 if report else text.rfind("\n", 0, offset) + 1
    span = ctx.doc.char_span(begin, offset, alignment_mode="contract")
    polls = [t for t in span or () if t.lower_ in POLL_NOUNS and t.pos_ in ("NOUN", "PROPN") and not _voting(t)]
    nearest = nearest_poll = None
    for poll in reversed(polls):
        left, right = _phrase(poll)
        words, start, end = span_text(ctx.doc, left, right)
        mention = ctx.mention_in(start, end) if ctx.mentions else None
        found = _pollster(ctx, left, poll) or ((mention.entity, words) if mention is not None else (None, words))
        if nearest is not None:
            if found[0] is not None or found[1] != words:
                return found
            continue
        nearest, nearest_poll = found, poll
        if found[1] != words or found[0] is not None or not report \
                or not any(t.lower_ in ("the", "this", "that") for t in ctx.doc[left:poll.i]):
            break
    if nearest is not None and nearest[0] is None and (spoken := _frame_speaker(ctx, nearest_poll)) is not None:
        return spoken, nearest[1]  # "The polling ... found ...": whom the attribution frame's resolver made of it
    return nearest


def _frame_speaker(ctx: SourceContext, token: Token) -> str | None:
    """The actor an attribution frame whose speaker's phrase holds ``token`` resolved that speaker to, else the one
    the speaker resolver makes of it, if any."""
    if ctx.frames is not None and (found := next((
            f.source for f in ctx.frames.frames if f.source is not None and f.source_start is not None
            and f.source_start <= token.idx < (f.source_end or 0)), None)) is not None:
        return found
    return speaker_of(ctx.speech, ctx.quotes, token) if ctx.mentions else None


def _pollster(ctx: SourceContext, left: int, poll: Token) -> tuple[str | None, str] | None:
    """The organisation a poll's phrase names before its noun where no mention covers it, read part by part where
    the parts run together ("The Axios/Ipsos March survey", "a Harbour Times-Ipsos poll"): the first part that names
    an organisation the report named before, or one in the knowledge base, by its leading words ("Ipsos March" is
    Ipsos), as (actor id, the name as written); a knowledge-base id only where the report has that actor elsewhere.
    A joint poll is its first partner's even where a mention covers a later one. None for a noun that is no poll's,
    and without the actors component."""
    if poll.lower_ not in POLL_NOUNS or not ctx.actors:
        return None
    doc = ctx.doc
    from storyline.kb.lookup import load_kb

    kb = load_kb()
    words = [t.text for t in doc[left:poll.i] if t.lower_ not in ("the", "a", "an", "new", "latest", "recent")]
    parts = re.split(r"\s*[/–-]\s*", " ".join(words).replace(" / ", "/").replace(" - ", "-"))
    if len(parts) < 2 and ctx.mention_in(doc[left].idx, poll.idx) is not None:
        return None  # one pollster, named by a mention of its own
    for part in parts:
        names = part.split()
        for n in range(len(names), 0, -1):
            if (named := _named_before(ctx, " ".join(names[:n]), doc[left].idx)) is not None:
                return named  # "a poll by the Harbour Times and Ipsos ... the Times-Ipsos poll": the Harbour Times
            found = [e for e in kb.lookup(" ".join(names[:n])) if e.type == "organization"]
            if found:
                entity = f"kb:{found[0].id}"
                return (entity if any(m.entity == entity for m in ctx.mentions) else None), " ".join(names[:n])
    return None


def _named_before(ctx: SourceContext, name: str, offset: int) -> tuple[str, str] | None:
    """The organisation the report named before ``offset`` whose name is or ends with ``name`` ("Times" after "the
    Harbour Times"), as (actor id, the name as written)."""
    words = name.lower().split()
    for mention in ctx.mentions:
        if mention.start >= offset:
            break
        if mention.entity and mention.type in ("organization", "igo") and mention.text.lower().split()[-len(words):] == words:
            return mention.entity, name
    return None


def _voting(poll: Token) -> bool:
    """"at the polls", "the polls closed", "polls opened at 7am": the places or hours of a vote, not a survey."""
    return poll.lower_ == "polls" and (poll.dep_ == "pobj" and poll.head.lower_ == "at" or poll.head.lower_ in VOTING_HOURS)


VOTING_HOURS = frozenset("open opens opened close closes closed".split())


def trailing_records(sent: Span) -> Span | None:
    """The records a sentence closes by citing, whatever the parse made of it: ", Chilean customs data show."
    gives "Chilean customs data" (the words after the last comma, ending in a record noun before a verb of
    showing)."""
    words = [t for t in sent if not t.is_space]
    while words and words[-1].is_punct:
        words.pop()
    if len(words) < 3 or words[-1].lower_ not in SHOWING or words[-2].lower_ not in RECORD_NOUNS:
        return None
    comma = next((t for t in reversed(words[:-2]) if t.text == ","), None)
    if comma is None or words[-2].i - comma.i > 6:
        return None
    return sent.doc[comma.i + 1:words[-1].i]


SHOWING = frozenset({"show", "shows", "showed", "suggest", "suggests", "suggested", "indicate", "indicates", "indicated"})


def trailing_speaker(ctx: SourceContext, sent: Span, figure_end: int) -> tuple[str | None, str | None]:
    """The speaker a sentence closes with, whatever the parse made of it: "The blasts injured 15 people, the
    region's governor, Ana Ruiz, said on Telegram." gives Ana Ruiz, where the parser hung "the governor" on the
    figure's noun and left "said" with no subject. The speaker is the run of comma-set phrases between the words
    and a closing verb of saying that only times or places follow ("on Monday", "in a statement"): a name in it,
    else the description's resolved actor. (None, None) when the sentence does not end so or the figure is not
    before the speaker."""
    words = [t for t in sent if not t.is_space]
    while words and words[-1].is_punct:
        words.pop()
    cue = next((t for t in reversed(words) if t.pos_ in ("VERB", "AUX")), None)
    if cue is None or cue.lower_ not in TRAILING_CUES or any(
            c.dep_ in ("nsubj", "nsubjpass", "ccomp", "dobj", "xcomp") and c.i > cue.i for c in cue.children):
        return None, None
    if any(t.pos_ in ("VERB", "AUX") or t.text in (",", ";", ":") or t.is_quote for t in words[words.index(cue) + 1:]):
        return None, None  # "said on Monday, adding that ...": more is said after the cue
    doc, end = sent.doc, cue.i
    if doc[end - 1].text == ",":
        end -= 1  # "the governor, Ana Ruiz, said"
    phrases: list[Span] = []  # the speaker's phrases, at most a description and a name
    while len(phrases) < 2 and (comma := next((t.i for t in reversed(doc[sent.start:end]) if t.text == ","), None)):
        phrase = doc[comma + 1:end]
        if not _speaker_phrase(phrase):
            break  # ("including a child", "who was hurt": words about someone, no speaker's phrase)
        phrases.insert(0, phrase)
        end = comma
        if not (phrase[0].lower_ in ("the", "a", "an") or phrase[0].pos_ == "PROPN" or phrase[0].dep_ == "poss"):
            break  # a name or a description is set off by commas of its own; anything else ends the speaker
    if not phrases or figure_end > phrases[0].start_char or ";" in text_of(doc)[figure_end:phrases[0].start_char]:
        return None, None  # ("1,200 homes lost power; crews were out, the utility said": the cue's own side only)
    text = text_of(doc)[phrases[0].start_char:phrases[-1].end_char]
    for phrase in reversed(phrases):
        mention = ctx.mention_in(phrase.start_char, phrase.end_char, phrase[-1]) if ctx.mentions else None
        if mention is not None and mention.type in ("person", "organization", "igo") and mention.end == phrase.end_char:
            return mention.entity, text
    return _source(phrases[-1][-1], ctx)[0], text


def _speaker_phrase(phrase: Span) -> bool:
    """A short noun phrase with no verb of its own ("the region's Moscow-installed head", "Ana Ruiz")."""
    return 0 < len(phrase) <= 8 and phrase[-1].pos_ in ("NOUN", "PROPN") and phrase[0].pos_ != "ADP" and not any(
        t.pos_ in ("VERB", "AUX") and t.tag_ != "VBN" or t.is_quote for t in phrase)


# Verbs that close a trailing attribution ("..., the governor, Ana Ruiz, said on Telegram.").
TRAILING_CUES = frozenset({"said", "says", "told", "added", "wrote", "stated", "tweeted", "reported", "announced"})


def _glued_to_speaker(ctx: SourceContext, offset: int) -> bool:
    """Whether the parse put the figure into the phrase of its clause's speaker ("14 people, including a child, the
    governor, Ana Ruiz, said": the speaker's phrase read as running from the figure): a source never holds what it
    gives."""
    frame = ctx.frames.at(offset) if ctx.frames is not None else None
    return frame is not None and _holds(frame, offset)


def _paragraph_between(doc: Doc, source: Token, offset: int) -> bool:
    """Whether a blank line parts the source from the figure: one sentence never runs across paragraphs."""
    start, end = sorted((source.idx, offset))
    return "\n\n" in text_of(doc)[start:end].replace("\r", "")


LIST_MARKS = ("-", "•", "*", "–", "—", "·", "‣", "◦", "▪", "|")
LEAD_LINES = 12
"""How many list or table lines a lead may stand above."""


def _list_line(line: str) -> bool:
    """A line of a list or a table: a bullet, a numbered item ("3)", "3."), cells split by tabs or bars."""
    stripped = line.lstrip()
    if stripped.startswith(LIST_MARKS) or "\t" in stripped.strip() or stripped.count("|") >= 2:
        return True
    head = stripped.split(" ", 1)[0]
    return len(head) >= 2 and head[:-1].isdigit() and head[-1] in ".)" and len(head) <= 4


def _item_line(doc: Doc, offset: int) -> Span | None:
    """The tokens of the list or table line at ``offset``, if it is one."""
    text = text_of(doc)
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    end = len(text) if end < 0 else end
    if not _list_line(text[start:end]):
        return None
    return doc.char_span(start, end, alignment_mode="expand")


def list_lead(text: str, offset: int) -> tuple[int, int] | None:
    """The line a list or table is under, when the line at ``offset`` is an item of one and that line
    introduces it with a colon: ``(start, end)`` of the lead line."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    if not _list_line(text[start:end if end >= 0 else len(text)]):
        return None
    for _ in range(LEAD_LINES):
        if start == 0:
            return None
        end = start - 1
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        if not line.strip() or _list_line(line):
            continue
        return (start, end) if line.rstrip().endswith(":") else None
    return None


def lead_source(ctx: SourceContext, start: int, end: int) -> tuple[str | None, str | None]:
    """Who gives the figures of a list, by its lead line: the lead's attribution frame ("the ministry said on
    Tuesday:", "according to the ministry:"), or the subject of a verb that gives figures ("The ministry
    released the following figures:")."""
    span = ctx.doc.char_span(start, end, alignment_mode="contract")
    if span is None or not len(span):
        return None, None
    # the line's last sentence is the one that opens the list
    span = ctx.doc[max(span.start, span[-1].sent.start):span.end]
    frame = ctx.frames.at(span.start_char, span.end_char) if ctx.frames is not None else None
    if frame is not None and frame.source_kind != "author" and frame.source_text and _gives_words(frame.cue):
        return frame.source, frame.source_text
    speaker = reporting_subject(span.root, span)
    return _source(speaker, ctx) if speaker is not None else (None, None)


def _same_source(frame, source: Token, path: list[Token]) -> bool:
    """Whether the frame of the figure's clause is the report the walk found: its cue on the figure's path
    with the walk's source as its speaker, or its speaker's phrase holding the walk's source."""
    if frame.source_start is not None and frame.source_start <= source.idx < (frame.source_end or 0):
        return True
    if not frame.relays or frame.cue_start is None:
        return False
    # a relayed report: the frame's speaker is whom the walk's source, the subject of the frame's cue, cites (not
    # a speaker the frame's own words quote: "he said: 'when Olsen said in 48 hours ...'" is Olsen's figure)
    return any(t.idx == frame.cue_start and any(c.dep_ == "nsubj" and c.i == source.i for c in t.children)
               for t in path)


def _holds(frame, offset: int) -> bool:
    """Whether the frame's speaker phrase runs over the figure: a source never holds what it gives, so the
    parse glued the clause's subject to the speaker ("According to the bureau, 40% of households ..." with the
    share read as an apposition of "the bureau"), and the walk's own noun phrase is the source as written."""
    return frame.source_start is not None and frame.source_start <= offset < (frame.source_end or 0)


FIRST_PERSON = frozenset({"i", "we", "me", "us"})
FIRST_PERSON_OWNERS = frozenset({"my", "our"})
SHARE = re.compile(r"\A(?:[A-Za-z]{1,12} ){0,3}[\d.,]{1,12} ?(?:%|per ?cent\b|percent\b)")
"""A speaker that is a share of people: "More than 80% in Poland", "Some 60 per cent of farmers"."""


def _aside(doc: Doc, frame, figure: Token) -> bool:
    """A cue inside a relative or scene-setting clause, or a trailing participle, that does not hold the figure:
    "Two fires prompted claims of arson, which the port's managers admitted" reports on the
    claims, not the fires; "The army shelled 40 villages, saying fighters hid there" on the fighters."""
    tokens = doc[figure.sent.start:figure.sent.end]
    node = next((t for t in tokens if t.idx == frame.cue_start), None)
    if node is None and frame.cue_start is None and frame.cue:
        # a frame that kept no cue offsets: its cue word ("argue" for "arguing"), when the sentence has it once
        cues = [t for t in tokens if lemma(t) == frame.cue.split()[-1] and t.pos_ in ("VERB", "AUX")]
        node = cues[0] if len(cues) == 1 else None
    if node is None:  # else climb from its speaker
        node = next((t for t in tokens if t.idx == frame.source_start), None)
    for _ in range(8):
        if node is None or node.head.i == node.i or figure in node.subtree:
            return False
        relative = node.dep_ == "relcl" and any(t.lower_ in ("which", "who", "whom", "whose", "that", "where")
                                                for t in node.doc[node.left_edge.i:node.i])
        # (a trailing ", the agency said" the parser hangs on the last noun as a relative clause has no "which")
        if relative or node.dep_ == "advcl" and any(
                c.dep_ == "mark" and c.lower_ in SCENE_MARKS | {"when", "while", "because"} for c in node.children):
            return True
        if node.dep_ == "advcl" and node.tag_ == "VBG" and node.i > node.head.i and not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
            # "when he published a 3,000-word letter, arguing that ...": a participle after the act says what
            # its words argued, not the act's own figures
            return True
        node = node.head
    return False


def _gives_words(cue: str | None) -> bool:
    """Whether a frame's cue reports words, findings or a promise ("said", "estimated", "according to",
    "promised that France would send six howitzers"), not an act or a reaction ("pressed lawmakers for six
    months", "welcomed signs of a $61bn package")."""
    from storyline.nlp.cue_words import COGNITION_FORMS

    words = (cue or "").lower().removeprefix("not ").split()
    if not words or words[0] == "according" or "view" in words:
        return bool(words)
    return words[-1] in W.SPEECH_VERBS | PLEDGE_FORMS or COGNITION_FORMS.get(words[-1], words[-1]) in BELIEF_VERBS


# Verbs of promising: what a source promised ("pledged that 500 homes would be rebuilt") is its own word.
PLEDGE_FORMS = W.inflect("promise", "pledge", "vow")


# Verbs of judging by which a source gives its own figure ("he feared the last 48 hours were staged").
BELIEF_VERBS = frozenset("fear reckon suspect doubt worry judge think believe expect estimate consider assess".split())
