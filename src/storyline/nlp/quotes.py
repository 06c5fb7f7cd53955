"""Quotes and attribution: who said what, in quotation marks or in reported speech (storyline.quotes.v1)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import registry

from storyline.models import Quote
from storyline.nlp import quote_cues as cues
from storyline.nlp.actor_outlets import REPORTER_NOUNS
from storyline.nlp.attribution import CREDITED_BACK
from storyline.nlp.certainty import negated_act
from storyline.nlp.headings import is_heading_line
from storyline.nlp.pipeline import register_extensions, text_of
from storyline.nlp.quote_cues import Context, Frame, QuoteMark, cue_lemma
from storyline.nlp.quote_dashes import dash_frames
from storyline.nlp.quote_labels import block_quotes, labelled_frames
from storyline.nlp.quote_records import records
from storyline.nlp.relays import speaking_subject
from storyline.nlp.speakers import phrase, resolve

VERSION = "storyline.quotes.v1"

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
# Children of a cue that belong to the act of saying, not to what was said: "told *reporters*
# *in Bamako* *on Tuesday*", "*also* said". A cue separated from a quotation by anything else
# is not that quotation's cue.
FRAME_DEPS = frozenset(
    {"aux", "auxpass", "neg", "advmod", "npadvmod", "dative", "dobj", "iobj", "prep", "agent", "prt", "cc"}
)
# How far a cue may sit before a fragment the parser left it no link to.
NEAR_CUE = 6
# “…” ― Name: a credit line after a quotation.
DASH_CREDIT = re.compile(r"(?<![ \t\u00a0])[ \t\u00a0]*+(?:―|—|–|--)[ \t\u00a0]*+([^\n]{2,80})")
# Said Ana Ruiz: “…”: an inverted cue opening a sentence, right before the quotation's mark.
SAID_CREDIT = re.compile(r"(?:^|(?<=[.!?\n])[ \t\u00a0]*|(?<=[.!?][\"”’'])[ \t\u00a0]*)(Said)[ \t\u00a0]+([^:\n]{2,80}?):[ \t\u00a0]*\Z",
                         re.M)
_NAMING = object()


@registry.misc(VERSION)
def make_extractor() -> Callable[[Doc], list[Quote]]:
    """The rule-based extractor over the dependency parse."""
    return extract_quotes


@Language.factory(
    "storyline_quotes",
    requires=["doc.sents", "doc.ents", "token.dep", "doc._.mentions", "doc._.published"],
    assigns=["doc._.quotes"],
    default_config={"extractor": {"@misc": VERSION}},
)
def make_quotes(nlp: Language, name: str, extractor: Callable[[Doc], list[Quote]]) -> QuotesComponent:
    register_extensions()
    return QuotesComponent(extractor)


class QuotesComponent:
    """Sets ``doc._.quotes`` to the quotes found in the document."""

    def __init__(self, extractor: Callable[[Doc], list[Quote]]):
        self.extractor = extractor

    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes = self.extractor(doc)
        return doc


def extract_quotes(doc: Doc) -> list[Quote]:
    """Direct quotations with their speakers, then reported speech, in document order."""
    ctx = Context(doc)
    labels = labelled_frames(ctx)
    quotes = [_quote(ctx, frame, direct=True) for frame in labels]
    labelled = [ctx.paragraph(f.cue) for f in labels]
    full_spans: list[tuple[int, int]] = []
    previous: tuple[int, Frame] | None = None  # where the last attributed quotation ended
    seen: list[tuple[QuoteMark, bool, Frame | None]] = []
    for mark in ctx.marks:
        span = doc.char_span(mark.inner_start, mark.inner_end, alignment_mode="expand")
        if span is None or not any(t.is_alpha for t in span) or any(s <= mark.start < e for s, e in labelled):
            continue
        full = _is_full(ctx, mark, span)
        frame = _frame_of(ctx, mark, span, full, previous)
        seen.append((mark, full, frame))
        if frame is None:
            continue
        if full:
            full_spans.append((mark.start, mark.end))
        quotes.append(_quote(ctx, frame, True, not full, (mark.inner_start, mark.inner_end)))
        previous = (span[-1].sent.end_char, frame)
    for mark, frame in _run_on(ctx, seen):  # “A. ⏎ “B. ⏎ “C,” she said: A and B are hers too
        full_spans.append((mark.start, mark.end))
        quotes.append(_quote(ctx, frame, True, False, (mark.inner_start, mark.inner_end)))
    for frame in dash_frames(ctx):  # "- We will stay - said Moreira": words set off by dashes, not marks
        start, end = _chars(doc, frame.content)
        if any(q.start < end and start < q.end for q in quotes):
            continue
        dashed = _quote(ctx, frame, direct=True)
        if dashed.speaker is None and not dashed.anonymous and frame.speaker.pos_ == "NOUN" and doc._.mentions is not None:
            continue  # no marks, and a credit by a description no one the report names answers: not shown as words
        full_spans.append((start, end))
        quotes.append(dashed)
    for frame in block_quotes(ctx):  # "Dubois added:" over a paragraph no quotation above credits
        start = doc[frame.content[0]].idx
        if not any(q.start <= start < q.end for q in quotes):
            quotes.append(_quote(ctx, frame, direct=True))
    for frame in {id(f): f for f in ctx.frames.values()}.values():  # a chain's frame sits at two cues
        frame = _said_back(ctx, frame, quotes) or frame
        if frame.content is None or not _reports(frame):
            continue
        frame = _past_run_in(ctx, frame)
        if _on_heading(ctx, frame):
            continue
        start, end = _chars(doc, frame.content)
        if not any(s < end and start < e for s, e in full_spans):
            quotes.append(_quote(ctx, frame, direct=False))
    quotes.sort(key=lambda q: (q.start, q.end))
    return records(quotes, ctx.text)


def _said_back(ctx: Context, frame: Frame, quotes: list[Quote]) -> Frame | None:
    """A sentence that credits the one before it ("Prices rose again. That's according to the central bank",
    "... . The minister said this at a briefing"): the frame with the sentence before as its content, when that
    sentence is prose no quotation or other cue accounts for; None for any other frame."""
    cue, sent = frame.cue, frame.cue.sent
    if frame.speaker is None or sent.start == 0:
        return None
    back = frame.lemma == "according to" and CREDITED_BACK.match(sent.text.lstrip()) is not None
    if not back and not (frame.strong and cue.tag_.startswith("VB") and negated_act(cue) is None and any(
            c.dep_ == "dobj" and c.lower_ in ("this", "that") and c.tag_ == "DT" and not list(c.children)
            for c in cue.children) and cue.dep_ not in ("relcl", "acl")):  # not "the waters that Beijing claims"
        return None
    prev = ctx.doc[sent.start - 1].sent
    words = [t for t in prev if not (t.is_space or t.is_punct)]
    last = next((t for t in reversed(prev) if not t.is_space), prev[-1])
    start, end = ctx.paragraph(prev[0])
    if len(words) < 4 or last.text not in (".", "!") or is_heading_line(ctx.text[start:end]) or any(
            ctx.in_mark[t.i] >= 0 for t in prev):
        return None
    if any(f.speaker is not None and f.strong and (prev.start <= f.cue.i < prev.end or f.content is not None
                                                   and prev.start <= f.content[0] < prev.end)
           for f in ctx.frames.values()) or any(q.start < prev.end_char and prev.start_char < q.end for q in quotes):
        return None  # the sentence before has a speaker of its own
    return replace(frame, content=(words[0].i, words[-1].i + 1))


# Cues that a thing as well as a speaker can be the subject of: "the blockade threatens to cause", "call it X",
# "the blast underlined how exposed the city is".
THING_VERBS = frozenset({"call", "threaten", "promise", "show", "point", "signal", "suggest", "indicate", "mean",
                         "continue", "underline", "underscore"})
SPOKEN = frozenset(cues.SPEECH_VERBS)


def _reports(frame: Frame) -> bool:
    """Whether a frame's clause is someone's reported speech rather than the author's voice, or
    the speaker's own aim or act ("wants to run", "backed the bill")."""
    speaker = frame.speaker
    if speaker is None or speaker.lower_ in cues.AUTHOR_PRONOUNS:
        return False
    if ((frame.lemma not in SPOKEN or frame.lemma in THING_VERBS) and not speaking_subject(speaker)
            and not cues.record_evidence(speaker, frame.lemma)):
        # "that conflict - call it a cold war", "the world must wait to see", "the blockade threatens to cause":
        # a thing is the subject, no one speaks (a plain "the clerk said" is someone, named by any noun)
        return False
    if frame.content is not None and (_answer(frame.cue.doc, frame.content) or _own_request(frame)
                                      or _sign_off(frame.cue.doc, frame.content) or _no_charge(frame)):
        return False
    if _own_outlet(speaker):
        return False  # "..., Ukrinform reports", "an Ukrinform correspondent reported": the report's own voice
    if frame.lemma == "ask" and frame.cue.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in frame.cue.children):
        return False  # "When asked whether the dam would hold, the mayor said": the mayor was asked, by no one named
    if frame.content is not None and _cue(frame).startswith("not ") and not _clausal(frame.cue.doc, frame.content):
        return False  # "refused to condemn the invasion", "did not mention the arrests": nothing was said
    return frame.lemma not in cues.ACT_VERBS or _clausal(frame.cue.doc, frame.content)


# Nouns for something said before that a source answers: "rejected the offer", "dismissed the claims".
SAID_BEFORE = frozenset({"offer", "offers", "demand", "demands", "request", "requests", "proposal", "proposals",
                         "claim", "claims", "report", "reports", "accusation", "accusations", "allegation",
                         "allegations", "denial", "suggestion", "suggestions", "idea", "call", "calls", "plan",
                         "remarks", "comments", "statement", "statements", "question", "ultimatum", "news"})


def _on_heading(ctx: Context, frame: Frame) -> bool:
    """A cue on a headline or section title ("Mayor blasts flood plan"): the page's line, not reported speech
    (the same test that keeps such lines out of the statements). A run-in heading that opens a paragraph
    ("Union backs strike: The drivers' union said ...") is no content of the sentence after it, and its own cue
    reports nothing after its colon when the heading is a whole clause ("backs strike", not "Dubois said:")."""
    start, end = ctx.paragraph(frame.cue)
    if is_heading_line(ctx.text[start:end]):
        return True
    heading = _run_in_heading(ctx, start, end)
    if heading is None:
        return False
    if ctx.doc[frame.content[1] - 1].idx < heading[1]:
        return True  # the heading read as what the sentence after it reports
    cue = frame.cue
    return cue.idx < heading[1] and any(_completes(c) and c.right_edge.idx < heading[1] for c in cue.children)


def _completes(child: Token) -> bool:
    """Whether a cue's dependent is what the cue says ("blasts *war*", "warns *of strike*", "calls *for talks*"),
    not whom it addresses or when and where ("told *reporters*", "said *in a statement*")."""
    if child.dep_ == "dobj":
        return child.pos_ != "PRON" and not cues.person_like(child) and child.lower_ not in cues.PERSON_NOUNS
    return child.dep_ in ("xcomp", "ccomp", "attr", "acomp") or child.dep_ == "prep" and child.lower_ in TOPIC_PREPS


def _past_run_in(ctx: Context, frame: Frame) -> Frame:
    """A frame whose content the parser ran back into the run-in heading before it ("Union warns of strike:
    Dockers will walk out, the union said"), with the content cut to start after the heading's colon."""
    first, last = frame.content
    heading = _run_in_heading(ctx, *ctx.paragraph(ctx.doc[first]))
    if heading is None or ctx.doc[first].idx >= heading[1] or ctx.doc[last - 1].idx < heading[1]:
        return frame
    after = next((t.i for t in ctx.doc[first:last] if t.idx > heading[1] and not (t.is_punct or t.is_space)), None)
    return frame if after is None or frame.cue.idx < heading[1] else replace(frame, content=(after, last))


def _under_run_in(ctx: Context, frame: Frame, mark: QuoteMark) -> bool:
    """Whether a cue sits in the run-in heading of a quotation's paragraph and the quotation is inside the
    sentence after it, not the words its colon introduces ("Ruiz added: “…”")."""
    heading = _run_in_heading(ctx, *ctx.paragraph(frame.cue))
    return heading is not None and frame.cue.idx < heading[1] < mark.start and bool(
        ctx.text[heading[1] + 1:mark.start].strip())


# Prepositions whose object is what a heading's verb says: "warns of", "calls for", "rails against".
TOPIC_PREPS = frozenset({"of", "for", "against", "about"})
# "Flood defences hold: ...": a short phrase opening a paragraph, ending at a colon with more text on its line.
RUN_IN = re.compile(r"[^\n:;.!?\"“”«»]{3,90}?:[ \t\u00a0]+(?=\S)")
# The most words a run-in heading holds.
RUN_IN_WORDS = 10


def _run_in_heading(ctx: Context, start: int, end: int) -> tuple[int, int] | None:
    """Character bounds of the run-in heading that opens the paragraph ``start:end``, if it has one: a few words
    with no sentence end, a colon, then the paragraph's text (news round-ups set each item's headline so)."""
    found = RUN_IN.match(ctx.text, start, end)
    if found is None:
        return None
    colon = found.group(0).rindex(":")
    if len(ctx.text[start:start + colon].split()) > RUN_IN_WORDS:
        return None
    return start, start + colon


def _answer(doc: Doc, content: tuple[int, int]) -> bool:
    """A noun phrase that points back at words said before ("dismissed the offer", "rejected that demand",
    "did not repeat such a denial"): an answer to them, not words of the speaker's own. A phrase that
    says what was claimed ("the claim that ...") or what the speaker calls it ("such claims as lies"), or quotes
    it, keeps its words."""
    tokens = doc[content[0]:content[1]]
    roots = [t for t in tokens if t.head.i not in range(*content) or t.head.i == t.i]
    if len(roots) != 1 or roots[0].pos_ != "NOUN" or any(t.is_quote for t in tokens):
        return False
    head = roots[0]
    if any(c.dep_ in ("acl", "relcl", "ccomp", "appos") or c.dep_ == "prep" and c.lower_ == "as" for c in head.children):
        return False  # "dismissed such claims as scaremongering": the verdict is the speaker's own
    dets = {c.lower_ for c in head.children if c.dep_ in ("det", "predet", "amod") and c.i < head.i}
    return bool(dets & {"this", "that", "these", "those", "such"}) or "the" in dets and head.lower_ in SAID_BEFORE


def _sign_off(doc: Doc, content: tuple[int, int]) -> bool:
    """A report's sign-off read as what the cue before it says ("..., the minister said, NTB has learned",
    "..., an NTB correspondent reported"): a clause of a subject and a verb of reporting or learning alone."""
    tokens = [t for t in doc[content[0]:content[1]] if not (t.is_punct or t.is_space)]
    roots = [t for t in tokens if t.head.i == t.i or not content[0] <= t.head.i < content[1]]
    if len(roots) != 1:
        return False
    verb = roots[0]
    # "That is according to the ministry, the Antara agency reports": the verb may be tagged as a plural noun
    lemma = (cue_lemma(verb) or (cues.SPEECH_FORMS.get(verb.lower_),))[0]
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    # the cue the sign-off's verb carries ("according to ..., Reuters reports") is outside the content
    return lemma in SIGN_OFF_LEMMAS and subject is not None and speaking_subject(subject) and all(
        c.dep_ in ("nsubj", "aux", "advmod", "punct") or not content[0] <= c.i < content[1] for c in verb.children)


# Verbs an outlet signs a report off with: "Ukrinform reports", "the agency has learned", "our correspondent writes".
SIGN_OFF_LEMMAS = frozenset({"report", "learn", "write", "say"})


def _own_outlet(speaker: Token) -> bool:
    """Whether a speaker is the report's own outlet or its correspondent: a news outlet the knowledge base knows
    that the actors component left without a mention, having found it signs the report."""
    doc = speaker.doc
    mentions = doc._.mentions
    if not mentions:
        return False
    names = [speaker] if speaker.pos_ == "PROPN" else [
        c for c in speaker.children if c.dep_ == "compound" and c.pos_ == "PROPN"] if speaker.lower_ in REPORTER_NOUNS else []
    if not names or any(m.start <= t.idx < m.end for t in names for m in mentions):
        return False
    from storyline.kb.lookup import load_kb
    from storyline.nlp.actor_outlets import outlet

    name = names[0]
    run = [c for c in name.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] + [name]
    text = text_of(doc)[run[0].idx:run[-1].idx + len(run[-1])]
    return any(outlet(f"kb:{e.id}") for e in load_kb().lookup(text)[:1])


def _no_charge(frame: Frame) -> bool:
    """"the shelling, for which Moscow accused Kyiv", "she accused the board": an accusation that leaves its charge
    unsaid reports no words of the accuser ("accused Kyiv of shelling the town" says what was charged)."""
    if frame.lemma != "accuse":
        return False
    tokens = frame.cue.doc[frame.content[0]:frame.content[1]]
    return not any(t.dep_ == "prep" and t.lower_ in ("of", "for") or t.dep_ in ("ccomp", "xcomp", "advcl", "pcomp")
                   for t in tokens)


def _own_request(frame: Frame) -> bool:
    """"a porter who asked not to be named", "who asked to remain anonymous": what a speaker asks to be done to
    themselves, or to stay, is no words reported."""
    if frame.lemma not in ("ask", "request"):
        return False
    if any(c.dep_ == "dobj" for c in frame.cue.children):
        return False  # "asked the court to be lenient": a request to someone
    return any(c.dep_ == "xcomp" and (c.lower_ in ("remain", "stay") or any(g.dep_ == "auxpass" for g in c.children))
               for c in frame.cue.children)  # "asked not to be named", "asked to remain anonymous"


def _clausal(doc: Doc, content: tuple[int, int]) -> bool:
    """Whether a content is a clause with a subject or complementizer ("that the vote was void",
    "whether to strike"), not an infinitive or a noun phrase."""
    inside = range(*content)
    roots = [t for t in doc[content[0]:content[1]] if t.head.i not in inside or t.head.i == t.i]
    return any(
        r.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass", "mark", "expl") for c in r.children)
        for r in roots
    )


def _chars(doc: Doc, tokens: tuple[int, int]) -> tuple[int, int]:
    return doc[tokens[0]].idx, _end_char(doc[tokens[1] - 1])


def _end_char(tok: Token) -> int:
    return tok.idx + len(tok.text)


# -- quotations -----------------------------------------------------------------------------


def _is_full(ctx: Context, mark: QuoteMark, span: Span) -> bool:
    """A quotation that is a clause of its own, not a fragment inside the author's sentence."""
    if not any(t.pos_ in ("VERB", "AUX") for t in span):
        return False
    i = mark.start - 1
    while i >= 0 and ctx.text[i] in " \t":
        i -= 1
    return i < 0 or ctx.text[i] in ",:;.!?\n—–-("


def _frame_of(ctx: Context, mark: QuoteMark, span: Span, full: bool, previous) -> Frame | None:
    if _is_title(ctx, mark, span):
        return None
    frame = _walk_to_cue(ctx, span)
    if frame is _NAMING:
        return None
    if frame is not None and _under_run_in(ctx, frame, mark):
        frame = None  # "Siege goes on: As the army tries to "close the ring", ...": the heading's verb quotes no one
    if frame is not None and frame.speaker is None and frame.cue.i > span.end:
        frame = _speaker_between(ctx, frame, span.end)  # “…,” Tulsa police chief Ann Ruiz said, the name misparsed
    if frame is not None and frame.lemma in cues.ACT_VERBS and not _clausal(ctx.doc, frame.content or (0, 0)):
        frame = None  # 'wants "a fair deal"': the subject's aim, whoever's words these are
    if frame is None:
        frame = _according_over(ctx, mark)
    if frame is None and full:
        frame = _adjacent_cue(ctx, mark, span) or _dash_credit(ctx, mark) or _said_credit(ctx, mark)
    if frame is None and not full and _opens_line(ctx, mark):
        frame = _dash_credit(ctx, mark)  # “No plan, no budget, no answers.” ― Ana Ruiz: verbless, credited all the same
    if frame is None and not full:
        frame = _near_cue(ctx, span)
    if frame is None and full and previous is not None:
        frame = _continuing(ctx, mark, previous)
    if frame is None and full:
        frame = _after_report(ctx, mark)
    return frame


def _after_report(ctx: Context, mark: QuoteMark) -> Frame | None:
    """"Ruiz acknowledges that the plant is old. “We need money to rebuild it.”": a full quotation with no cue of
    its own, right after a sentence of the same paragraph whose main verb reports its speaker's words or thought,
    goes on with that speaker's words."""
    doc, text = ctx.doc, ctx.text
    if not text[mark.inner_start:mark.inner_end].rstrip().endswith((".", "!", "?", "…")):
        return None  # '“Rebuild it now” is the slogan': words the sentence goes on to talk about, not more of hers
    i = mark.start - 1
    while i >= 0 and text[i] in " \t\u00a0":
        i -= 1
    if i < 0 or text[i] not in ".!?":
        return None
    stop = doc.char_span(i, i + 1, alignment_mode="expand")
    if stop is None or not len(stop):
        return None
    sentence = stop[0].sent
    if sentence.start_char > i or ctx.paragraph(stop[0])[0] > sentence.start_char or ctx.in_mark[stop[0].i] >= 0:
        return None
    root = sentence.root
    frame = ctx.frames.get(root.i)
    if frame is None or frame.speaker is None or frame.content is None or frame.via is not None:
        return None
    first, last = frame.content
    if not (root.i < first and last <= stop[0].i + 1) or any(ctx.in_mark[t.i] >= 0 for t in doc[first:last]):
        return None  # the report's own clause follows its cue and has no quoted words of its own
    return frame


def _opens_line(ctx: Context, mark: QuoteMark) -> bool:
    """Whether a quotation opens its line: words set apart as a paragraph of their own."""
    i = mark.start - 1
    while i >= 0 and ctx.text[i] in " \t\u00a0":
        i -= 1
    return i < 0 or ctx.text[i] == "\n"


def _is_title(ctx: Context, mark: QuoteMark, span: Span) -> bool:
    """Song, book and report titles, named terms ("the documentary 'Long Road Home'") and the quoted name of who
    did a passive's act ('quoted by "Valley news"')."""
    before = ctx.text[max(0, mark.start - 40) : mark.start].split()
    if before and before[-1].lower().strip(",") in cues.TITLE_NOUNS | cues.NAMING_WORDS:
        return True
    if any(t.tag_ in cues.FINITE_TAGS for t in span):
        return False
    if span.root.dep_ == "pobj" and span.root.head.dep_ == "agent":
        return True  # 'the mayor, quoted by "Valley news"': who relays the words, named, not words said
    # A fragment in title case mid-sentence is a name: Bruce Springsteen's “American Skin”.
    words = [t for t in span if t.is_alpha and len(t) > 3]
    return len(words) >= 1 and all(t.is_title for t in words) and mark.start > span[0].sent.start_char + 1


def _walk_to_cue(ctx: Context, span: Span):
    """Walk up the parse from the quotation to the first cue whose complement it is."""
    inside = range(span.start, span.end)
    roots = [t for t in span if t.head.i not in inside or t.head.i == t.i]
    start, end = ctx.paragraph(span[0])
    for root in roots:
        tok = root
        for _ in range(cues.MAX_WALK):
            head = tok.head
            if head.i == tok.i or not start <= head.idx < end:
                break  # the parser sometimes joins paragraphs; a quotation's cue is in its own
            if head.i not in inside:
                if _names(head):
                    return _NAMING
                frame = ctx.frames.get(head.i)
                if frame is not None:
                    if tok.dep_ in SUBJECT_DEPS:
                        break  # a quotation inside the speaker's own phrase
                    if frame.lemma in ("cite", "quote") and frame.content is None and tok.dep_ == "dobj":
                        return _NAMING  # 'citing "people familiar with the matter"': whom the report cites
                    if frame.lemma in THING_VERBS and frame.speaker is not None and not speaking_subject(frame.speaker, False):
                        return None  # 'Outages will continue "for months," the grid operator says': no one speaks at "continue"
                    if frame.strong or frame.content is not None:
                        return _outer_voice(ctx, frame, start, end) if frame.speaker is None else frame
            tok = head
    return None


def _outer_voice(ctx: Context, frame: Frame, start: int, end: int) -> Frame:
    """A cue no one speaks by ("that comment suggests", a thing's evidence) nested in a speaker's report:
    "Koffler said that comment suggests the strategies are 'intersecting'" quotes Koffler's words. The frame
    of the nearest enclosing cue that has a speaker, else the cue's own."""
    tok = frame.cue
    for _ in range(cues.MAX_WALK):
        head = tok.head
        if head.i == tok.i or not start <= head.idx < end:
            break
        outer = ctx.frames.get(head.i)
        if outer is not None and outer.speaker is not None and outer.content is not None and (
                outer.content[0] <= frame.cue.i < outer.content[1]):
            return outer
        tok = head
    return frame


def _names(head: Token) -> bool:
    """A participle that names rather than quotes: units "known as" "...", a group "calling itself"."""
    low = head.lower_
    if low in cues.NAMING_PARTICIPLES and head.tag_ == "VBN" and head.dep_ in ("acl", "amod", "relcl", "advcl"):
        return True
    return low.startswith("call") and any(c.lower_.endswith(("self", "selves")) for c in head.children)


def _according_over(ctx: Context, mark: QuoteMark) -> Frame | None:
    """“According to X, ...” whose clause holds the quotation; or a cue set in the clause it reports ('Outages will
    continue "for months," the grid operator says')."""
    for frame in ctx.frames.values():
        if (frame.lemma == "according to" or frame.cue.dep_ == "parataxis" and frame.strong) and (
                frame.content is not None and frame.speaker is not None):
            start, end = _chars(ctx.doc, frame.content)
            if start <= mark.inner_start and mark.inner_end <= end + 1:
                return frame
    return None


def _adjacent_cue(ctx: Context, mark: QuoteMark, span: Span) -> Frame | None:
    """A verb of saying right before or after the quotation ("“…,” she said" / "He states, “…”")."""
    first, last = span[0].i, span[-1].i
    candidates = []
    after = _neighbour(ctx.doc, last + 1, +1)
    if after is not None and "\n" not in ctx.text[mark.end : after.idx]:
        for tok in after.sent:
            frame = ctx.frames.get(tok.i)
            if tok.i > last and frame is not None and frame.strong:
                frame = frame if frame.speaker is not None else _speaker_between(ctx, frame, last + 1)
                candidates.append((_gap(ctx, last + 1, tok.i, frame), 0, frame))
    before = _neighbour(ctx.doc, first - 1, -1)
    if before is not None and ("\n" not in ctx.text[_end_char(before) : mark.start] or before.text == ":"):
        for tok in before.sent:
            frame = ctx.frames.get(tok.i)
            if tok.i < first and frame is not None and frame.strong:
                candidates.append((_gap(ctx, tok.i + 1, first, frame), 1, frame))
    candidates = [c for c in candidates if c[0] == 0 and c[2].speaker is not None]
    return min(candidates, key=lambda c: c[1])[2] if candidates else None


def _speaker_between(ctx: Context, frame: Frame, start: int) -> Frame:
    """“…,” Flynn, a surrogate, said: the words between quotation and cue, when the parser
    attached them elsewhere, are the speaker."""
    words = [t for t in ctx.doc[start : frame.cue.i] if ctx.in_mark[t.i] < 0 and not (t.is_punct or t.is_space)]
    inside = {t.i for t in words}
    outer = [t for t in words if t.head.i not in inside]
    heads = [t for t in outer if t.pos_ in ("PROPN", "NOUN", "PRON")]
    if not heads and len(outer) == 1 and outer[0].is_title:
        heads = [t for t in words if t.pos_ == "PROPN"][-1:]  # “…,” Tulsa police chief Ann Ruiz said: "Tulsa" read as a verb
    if not words or len(words) > 10 or len(heads) != 1:
        return frame
    return Frame(frame.cue, frame.lemma, frame.strong, heads[0], frame.via, frame.content)


def _neighbour(doc: Doc, i: int, step: int) -> Token | None:
    """The nearest token from ``i`` on that is neither space nor a quotation mark."""
    while 0 <= i < len(doc):
        tok = doc[i]
        if not tok.is_space and not tok.is_quote:
            return tok
        i += step
    return None


def _gap(ctx: Context, start: int, end: int, frame: Frame) -> int:
    """Words between a quotation and its cue that are neither the cue's frame nor the speaker."""
    own = {frame.cue.i}
    for tok in (frame.speaker, frame.via):
        if tok is not None:
            own.update(t.i for t in tok.subtree)
            up = tok.head  # words a name hangs from between quotation and cue are its own: "Tulsa police Chief Ann Ruiz"
            while start <= up.i < end and up.head.i != up.i:
                own.update(t.i for t in up.subtree)
                up = up.head
    for child in frame.cue.children:
        if child.dep_ in FRAME_DEPS:
            own.update(t.i for t in child.subtree)
    return sum(
        1
        for t in ctx.doc[start:end]
        if not (t.is_punct or t.is_space) and t.i not in own and ctx.in_mark[t.i] < 0
    )


def _dash_credit(ctx: Context, mark: QuoteMark) -> Frame | None:
    """“…” ― Steve Quinlan: a name credited after a dash."""
    found = DASH_CREDIT.match(ctx.text, mark.end)
    if found is None:
        return None
    dash = ctx.doc.char_span(mark.end, found.start(1), alignment_mode="expand")
    return _credited(ctx, found.start(1), found.end(1), dash[-1] if dash is not None else None, "—")


def _said_credit(ctx: Context, mark: QuoteMark) -> Frame | None:
    """Said Ana Ruiz: “…”: the inverted cue that opens a sentence, its speaker before the colon (the tagger
    reads "Said" as part of a name)."""
    found = SAID_CREDIT.search(ctx.text, max(0, mark.start - 120), mark.start)
    if found is None:
        return None
    said = ctx.doc.char_span(found.start(1), found.end(1), alignment_mode="expand")
    return _credited(ctx, found.start(2), found.end(2), said[0] if said is not None else None, "say")


def _credited(ctx: Context, start: int, end: int, cue: Token | None, lemma: str) -> Frame | None:
    """The frame of a name written at a quotation with no verb the parse links them by: the name's head word
    speaks at ``cue``."""
    name = ctx.doc.char_span(start, end, alignment_mode="expand")
    if name is None or cue is None or len(name) > 12 or not any(t.is_title or t.is_upper for t in name):
        return None
    words = []
    for tok in name:  # the name runs to the first comma: "― Ana Ruiz, a nurse in Quito"
        if tok.is_punct and tok.text not in (".", "'", "’"):
            break
        words.append(tok)
    head = next((t for t in reversed(words) if t.is_alpha), None)
    if head is None:
        return None
    return Frame(cue, lemma, True, head)


def _near_cue(ctx: Context, span: Span) -> Frame | None:
    """A fragment a few words after a cue the parser left without a complement:
    "what Zelenskyy has warned could become a 'world war'"."""
    sent_start = span[0].sent.start
    for i in range(span.start - 1, max(sent_start, span.start - NEAR_CUE) - 1, -1):
        tok = ctx.doc[i]
        if tok.text in (".", ";", ":") or ctx.in_mark[i] >= 0 and tok.is_alpha:
            return None
        frame = ctx.frames.get(i)
        if frame is not None and frame.strong and frame.speaker is not None and frame.content is None:
            if frame.lemma in THING_VERBS and not speaking_subject(frame.speaker, False):
                return None  # 'the fighting continues "without pause"': no one speaks
            if not any(c.dep_ in ("ccomp", "xcomp") for c in tok.children):
                return frame
    return None


def _run_on(ctx: Context, seen: list[tuple[QuoteMark, bool, Frame | None]]) -> list[tuple[QuoteMark, Frame]]:
    """Quotations with no cue that run on into an attributed one, each left open at its paragraph's end and the
    next reopened at the start of the following paragraph, as news style prints a quotation over several
    paragraphs with its cue in the last: each takes the frame of the quotation it runs into."""
    found: list[tuple[QuoteMark, Frame]] = []
    frames = [frame for _, _, frame in seen]
    for k in range(len(seen) - 2, -1, -1):
        mark, full, _ = seen[k]
        nxt, then = seen[k + 1][0], frames[k + 1]
        if frames[k] is not None or not full or then is None:
            continue
        between = ctx.text[mark.end : nxt.start]
        if ctx.text[mark.end - 1 : mark.end] in _CLOSING or between.strip() or not 1 <= between.count("\n") <= 2 \
                or ctx.text[mark.start] != ctx.text[nxt.start]:
            continue  # closed, or not reopened with the same mark on the next line (an excerpt above a quotation)
        frames[k] = then
        found.append((mark, then))
    return found


_CLOSING = set("”»\"'’")


def _continuing(ctx: Context, mark: QuoteMark, previous: tuple[int, Frame]) -> Frame | None:
    """“A,” she said. “B.”: a quotation right after an attributed one continues it."""
    end, frame = previous
    between = ctx.text[end : mark.start]
    if between.strip() or between.count("\n") > 2:
        return None
    if "\n" in between and _heading(ctx, mark):
        return None  # 'All Bets Are Off.' on a line of its own: the section's heading, not more of the words above
    return frame


def _heading(ctx: Context, mark: QuoteMark) -> bool:
    """A quotation that fills its line, every word of it capitalised: a heading set in quotation marks."""
    start, end = ctx.text.rfind("\n", 0, mark.start) + 1, ctx.text.find("\n", mark.end)
    line = ctx.text[start : len(ctx.text) if end < 0 else end]
    words = [w for w in ctx.text[mark.inner_start : mark.inner_end].split() if w[:1].isalpha()]
    return line.strip() == ctx.text[mark.start : mark.end].strip() and len(words) >= 2 and all(w[0].isupper() for w in words)


# -- records ------------------------------------------------------------------------------


def _quote(
    ctx: Context, frame: Frame, direct: bool, partial: bool = False, chars: tuple[int, int] | None = None
) -> Quote:
    """The record for a quotation (``chars``) or for a frame's own content."""
    start, end = chars or _chars(ctx.doc, frame.content)
    text = ctx.text
    s_start = s_end = s_text = None
    resolved, anonymous = None, False
    if frame.speaker is not None:
        s_start, s_end = phrase(ctx, frame.speaker, frame.cue)
        if s_start < start < s_end:  # a speaker's phrase never runs into the words credited to it
            s_end = _before(ctx.doc, s_start, start)
        s_text = text[s_start:s_end]
        resolved, anonymous = resolve(ctx, frame.speaker)
    via_text = via = None
    if frame.via is not None:
        v_start, v_end = phrase(ctx, frame.via, frame.cue)
        via_text = text[v_start:v_end]
        via, _ = resolve(ctx, frame.via)
    return Quote(
        doc=ctx.doc._.doc_id,
        start=start,
        end=end,
        text=text[start:end],
        speaker_text=s_text,
        speaker_start=s_start,
        speaker_end=s_end,
        speaker=resolved,
        cue=_cue(frame),
        direct=direct,
        partial=partial,
        via=via,
        via_text=via_text,
        anonymous=anonymous,
    )


def _before(doc: Doc, start: int, limit: int) -> int:
    """The end of the last word from ``start`` that ends before ``limit``, edge punctuation left out."""
    words = [t for t in doc.char_span(start, limit, alignment_mode="contract") or () if not (t.is_punct or t.is_space)]
    return _end_char(words[-1]) if words else limit


def _cue(frame: Frame) -> str:
    """The cue's lemma; a negated act keeps its negation ("not condemn" for "stopped short of condemning")."""
    if frame.cue.tag_.startswith("VB") and frame.lemma != "according to" and negated_act(frame.cue) is not None:
        # "according to" hangs on the clause it credits: "according to X, the talks failed" negates nothing
        return f"not {frame.lemma}"
    return frame.lemma
