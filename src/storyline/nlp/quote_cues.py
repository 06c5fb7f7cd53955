"""Cues for quote extraction: speech-verb lexicon, quotation marks, and what each cue word governs."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Doc, Span, Token

# The pipeline loads spaCy's model without its lemmatizer, so cue verbs are matched by their
# inflected forms, generated once here.

# Verbs of saying: a quotation next to one of these is attributed to its subject.
SPEECH_VERBS = """
say tell add warn note state emphasize emphasise argue claim insist deny confirm announce
stress write ask urge describe call report accuse acknowledge admit explain declare assert
contend maintain predict reply respond answer recall remark observe comment reiterate repeat
tweet post mention implore press cite complain concede caution threaten promise pledge vow allege testify quote
disclose reveal recount conclude agree demand propose recommend advise inform assure
question dismiss reject counter retort protest lament boast joke quip shout chant yell
whisper plead charge criticize criticise condemn blast praise welcome hail voice express
speculate continue point speak talk rail
echo liken compare mock ridicule decry denounce deplore lambast applaud dispute outline detail reference
apologize apologise thank congratulate reassure hint concur defend blame discuss
""".split()

# Verbs of cognition and evidence: they attribute a reported clause ("analysts believe that"),
# never a nearby quotation on their own.
COGNITION_VERBS = """
believe think estimate expect fear hope doubt worry feel know understand find show
forecast project assess judge suspect anticipate reckon suggest indicate
want plan intend hope aim seek wish refuse decline prefer support oppose favor favour endorse back consider
see view regard portray characterize characterise depict
decide realize realise recognize recognise learn remember admire offer
""".split()

# Verbs of saying whose infinitive complement is what was said: "urged the junta to ...",
# "called on Bamako to ...", "pledged to hold elections"; and "called for a truce".
INFINITIVE_VERBS = frozenset(
    "urge call ask demand warn tell advise recommend implore press promise pledge vow threaten agree "
    "want plan intend hope aim seek wish refuse decline prefer offer decide".split()
)

# Verbs of saying whose object is what was said: "confirmed the presence of troops",
# "accused the junta of ...", "denied the report".
OBJECT_VERBS = frozenset(
    "announce confirm deny claim accuse demand reject dismiss question praise condemn criticize blast "
    "welcome propose recommend reveal disclose report predict allege acknowledge admit blame describe "
    "support oppose endorse back cite mention discuss favor favour want call show "
    "defend echo mock ridicule decry denounce deplore lambast applaud dispute outline detail reference liken "
    "compare admire".split()
)

# Verbs whose object is a stance only with "as": "saw the comment as a dig", "described it as fake".
AS_VERBS = frozenset("see view regard portray characterize characterise depict consider describe".split())
# Verbs of saying whose prepositional object is what was said: "pointed to rising costs",
# "railed against the tax code", "spoke of a new era".
PREP_CONTENT = {"point": ("to",), "rail": ("against",), "speak": ("of", "about"), "talk": ("about",),
                "comment": ("on",), "complain": ("about", "of"), "warn": ("of", "about", "against"),
                "argue": ("for", "against"), "respond": ("to",), "call": ("for",), "agree": ("with", "on"),
                "speculate": ("about", "on"), "worry": ("about",), "hope": ("for",), "question": ("about",)}

# Nouns of saying and thinking that report a that-clause for their owner: "Trump's claim that".
CLAIM_CUE_NOUNS = (
    "claim assertion allegation statement warning promise pledge denial insistence argument suggestion view "
    "belief assessment conclusion prediction contention accusation charge admission announcement threat hope "
    "fear concern estimate finding assurance complaint position"
).split()
CLAIM_CUE_FORMS = {form: n for n in CLAIM_CUE_NOUNS for form in (n, n + "s" if not n.endswith("s") else n + "es")}

# Verbs that, besides their subject, name the person whose words they pass on:
# "the ministry quoted the envoy as saying", "cited officials as saying".
CONVEYING_VERBS = ("quote", "cite")

# Past participles that introduce a name, not speech: units "known as" "storm corps", a report
# "titled" "...". A quotation under one of these is a term or title, not a quote.
NAMING_PARTICIPLES = frozenset(
    "known called dubbed named titled entitled nicknamed labelled labeled branded termed styled "
    "billed described".split()
)
NAMING_WORDS = frozenset({"so-called", "socalled"})
# Nouns before a quotation that make it a title, not words spoken: the song "…", the report "…".
TITLE_NOUNS = frozenset(
    "book film song album report article documentary novel poem play show series movie essay column "
    "paper campaign operation program programme headline slogan hashtag motto title track podcast "
    "magazine newspaper exhibition initiative plan doctrine hymn anthem".split()
)

# Irregular forms (base -> 3sg, past, past participle, gerund); the rest are regular.
_IRREGULAR = {
    "say": ("says", "said", "said", "saying"),
    "tell": ("tells", "told", "told", "telling"),
    "write": ("writes", "wrote", "written", "writing"),
    "think": ("thinks", "thought", "thought", "thinking"),
    "know": ("knows", "knew", "known", "knowing"),
    "find": ("finds", "found", "found", "finding"),
    "show": ("shows", "showed", "shown", "showing"),
    "feel": ("feels", "felt", "felt", "feeling"),
    "understand": ("understands", "understood", "understood", "understanding"),
    "forecast": ("forecasts", "forecast", "forecast", "forecasting"),
    "plead": ("pleads", "pleaded", "pled", "pleading"),
    "learn": ("learns", "learned", "learnt", "learning"),
    "see": ("sees", "saw", "seen", "seeing"),
    "speak": ("speaks", "spoke", "spoken", "speaking"),
}
# Verbs that double their final consonant before -ed/-ing.
_DOUBLING = frozenset({"admit", "quip", "concur", "refer", "regret", "omit", "commit"})


def inflections(base: str) -> tuple[str, ...]:
    """The base form and its regular (or listed irregular) inflections."""
    if base in _IRREGULAR:
        return (base, *_IRREGULAR[base])
    if re.search(r"(s|sh|ch|x|z|o)$", base):
        third = base + "es"
    elif re.search(r"[^aeiou]y$", base):
        third = base[:-1] + "ies"
    else:
        third = base + "s"
    if base in _DOUBLING:
        stem = base + base[-1]
        return (base, third, stem + "ed", stem + "ing")
    if base.endswith("e"):
        past, gerund = base + "d", base[:-1] + "ing"
    elif re.search(r"[^aeiou]y$", base):
        past, gerund = base[:-1] + "ied", base + "ing"
    else:
        past, gerund = base + "ed", base + "ing"
    return (base, third, past, gerund)


def _forms(bases: list[str] | tuple[str, ...]) -> dict[str, str]:
    return {form: base for base in bases for form in inflections(base)}


# British spellings share one lemma so that ``Quote.cue`` is stable.
_SPELLING = {"emphasise": "emphasize", "criticise": "criticize", "apologise": "apologize", "realise": "realize",
             "recognise": "recognize", "characterise": "characterize"}

SPEECH_FORMS = {form: _SPELLING.get(base, base) for form, base in _forms(SPEECH_VERBS).items()}
COGNITION_FORMS = {f: b for f, b in _forms(COGNITION_VERBS).items() if f not in SPEECH_FORMS}

# News outlets that relay what a speaker told them: "told Reuters", "speaking to Anadolu Agency".
MEDIA_WORDS = frozenset(
    "agency news times post press tv television radio broadcaster newspaper daily journal gazette "
    "herald tribune wire channel network".split()
)
MEDIA_NAMES = frozenset(
    "reuters afp ap anadolu xinhua tass ria interfax yonhap kyodo bbc cnn bloomberg politico axios msnbc "
    "nbc abc cbs dpa efe ansa sputnik aljazeera".split()
)

# Nouns for speakers who are not named: "officials said", "a senior diplomat told Reuters".
_UNNAMED = (
    "official source diplomat spokesperson aide insider officer analyst expert observer resident person "
    "individual employee staffer lawmaker commander soldier fighter activist villager doctor medic worker "
    "negotiator member critic"
)
ANONYMOUS_NOUNS = frozenset(
    [w for n in _UNNAMED.split() for w in (n, n + "s")]
    + "spokesman spokesmen spokeswoman spokeswomen witness witnesses people someone somebody".split()
    + "others many some several few most all".split()
)

# Nouns for people a relative "who" can stand for, beyond the unnamed speakers above.
PERSON_NOUNS = frozenset(
    w for n in ("man woman architect economist lawyer teacher student leader candidate voter president minister "
                "senator governor mayor farmer nurse director manager founder owner author writer professor "
                "scientist researcher journalist reporter chief secretary chairman chairwoman adviser advisor").split()
    for w in (n, n + "s")
) | {"men", "women", "people"}
# Pronouns resolved to the nearest preceding person.
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
# The author's own voice in an opinion piece is not a quote.
AUTHOR_PRONOUNS = frozenset({"i", "we", "you", "us"})


@dataclass(frozen=True)
class QuoteMark:
    """A stretch of text between quotation marks: outer span with the marks, inner without."""

    start: int
    end: int
    inner_start: int
    inner_end: int


_OPEN_DOUBLE = "“„«"
_CLOSE_DOUBLE = "”»"
_WORD = re.compile(r"\w")


def _is_word(ch: str) -> bool:
    return bool(ch) and bool(_WORD.match(ch))


def find_quote_marks(text: str) -> list[QuoteMark]:
    """Quoted stretches of ``text``, paragraph by paragraph, double marks first, then single.

    An opening mark left open at a paragraph's end closes there: news style reopens a long
    quotation on each new paragraph without closing the previous one.
    """
    marks: list[QuoteMark] = []
    for para in re.finditer(r"[^\n]+", text):
        doubles = _double_marks(text, para.start(), para.end())
        marks.extend(doubles)
        marks.extend(m for m in _single_marks(text, para.start(), para.end()) if not _inside(m, doubles))
    marks.sort(key=lambda m: m.start)
    return marks


def _inside(mark: QuoteMark, others: list[QuoteMark]) -> bool:
    return any(o.start <= mark.start and mark.end <= o.end for o in others)


def _double_marks(text: str, start: int, end: int) -> list[QuoteMark]:
    marks = []
    open_at: int | None = None
    i = start
    while i < end:
        ch, width = text[i], 2 if text[i : i + 2] in ("''", "``") else 1
        straight = ch == '"' or width == 2
        if ch in _OPEN_DOUBLE or (straight and open_at is None and not _is_word(text[i - 1 : i])):
            # A second opening mark before any close: the first ran on (or was a typo); restart.
            open_at = i
        elif (ch in _CLOSE_DOUBLE or straight) and open_at is not None:
            marks.append(_mark(text, open_at, i + width))
            open_at = None
        elif ch in _CLOSE_DOUBLE and not text[start:i].strip():
            open_at = i  # a closing mark typed for an opening one at the start of a paragraph
        i += width
    if open_at is not None and end - open_at > 2:
        marks.append(_mark(text, open_at, end))
    return marks


def _single_marks(text: str, start: int, end: int) -> list[QuoteMark]:
    # Single marks double as apostrophes (O'Sullivan, Russia's, troops'), so an opening mark
    # must follow a non-word character and precede one, and a closing mark must not be
    # followed by a letter.
    marks = []
    open_at: int | None = None
    for i in range(start, end):
        ch = text[i]
        before, after = text[i - 1 : i], text[i + 1 : i + 2]
        if ch in "‘'" and open_at is None:
            if not _is_word(before) and _is_word(after):
                open_at = i
        elif ch in "’'" and open_at is not None and _closes(text, i, end) and i - open_at > 1:
            if before == "s" and text[i + 1 : i + 3].strip()[:1].islower() and _closer_ahead(text, i + 1, end):
                continue  # "the troops' advance'": a plural possessive, the quote closes later
            marks.append(_mark(text, open_at, i + 1))
            open_at = None
    return marks


def _closes(text: str, i: int, end: int) -> bool:
    return not _is_word(text[i + 1 : i + 2]) and text[i - 1 : i] not in (" ", "\t")


def _closer_ahead(text: str, start: int, end: int) -> bool:
    """Whether a closing single mark follows before the next one that would open."""
    for j in range(start, end):
        if text[j] in "’'" and _closes(text, j, end):
            return True
        if text[j] in "‘'" and not _is_word(text[j - 1 : j]) and _is_word(text[j + 1 : j + 2]):
            return False
    return False


def _mark(text: str, start: int, end: int) -> QuoteMark:
    inner_start = start + (2 if text[start : start + 2] in ("''", "``") else 1)
    inner_end = end
    while inner_end > inner_start and text[inner_end - 1] in "”»\"'’" and end - inner_end < 2:
        inner_end -= 1
    while inner_start < inner_end and text[inner_start].isspace():
        inner_start += 1
    while inner_end > inner_start and text[inner_end - 1] in " \t,":
        inner_end -= 1
    return QuoteMark(start, end, inner_start, inner_end)


# -- cue frames: who speaks at each cue word, through whom, and what ----------------------

FRAME_SUBJECTS = ("nsubj", "csubj")
NAMED_ENT_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
DEMONSTRATIVES = frozenset({"this", "that", "these", "those"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
MAX_WALK = 12


@dataclass
class Frame:
    """One act of speech found at a cue word: who said it, through whom, and what."""

    cue: Token
    lemma: str
    strong: bool
    """A verb of saying (attributes an adjacent quotation), not cognition or evidence."""
    speaker: Token | None
    via: Token | None = None
    content: tuple[int, int] | None = None
    """Token range [start, end) of the reported clause, for indirect speech."""


class Context:
    """One document's text, quotation marks and cue frames, computed once."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.text = doc.text  # Doc.text joins every token: read it once
        self.marks = find_quote_marks(self.text)
        self.in_mark = [-1] * len(doc)
        for k, mark in enumerate(self.marks):
            for tok in doc.char_span(mark.start, mark.end, alignment_mode="expand") or ():
                self.in_mark[tok.i] = k
        self.frames = find_frames(self)

    @cached_property
    def ents(self) -> list[Span]:
        return list(self.doc.ents)

    def paragraph(self, tok: Token) -> tuple[int, int]:
        """Character bounds of the paragraph (line) a token is in."""
        start = self.text.rfind("\n", 0, tok.idx) + 1
        end = self.text.find("\n", tok.idx)
        return start, len(self.text) if end < 0 else end


def cue_lemma(tok: Token) -> tuple[str, bool] | None:
    """(lemma, is a verb of saying) for a cue word, else None."""
    low = tok.lower_
    if low == "according" and tok.i + 1 < len(tok.doc) and tok.nbor().lower_ == "to":
        return "according to", True
    if not tok.tag_.startswith("VB"):
        return None
    if low in SPEECH_FORMS:
        return SPEECH_FORMS[low], True
    if low in COGNITION_FORMS:
        return COGNITION_FORMS[low], False
    return None


def find_frames(ctx: Context) -> dict[int, Frame]:
    """Frames by the index of their cue token; cues inside quotations are the quoted person's."""
    frames: dict[int, Frame] = {}
    for tok in ctx.doc:
        if ctx.in_mark[tok.i] >= 0 or tok.i in frames:
            continue
        found = cue_lemma(tok)
        if found is None:
            noun = _noun_frame(ctx, tok)
            if noun is not None:
                frames[tok.i] = noun
            continue
        lemma, strong = found
        if lemma == "according to":
            frame = _according_frame(ctx, tok)
        elif lemma in CONVEYING_VERBS and (conveyed := _conveyed(ctx, tok)) is not None:
            frame, inner = conveyed
            if inner is not None:
                frames[inner.i] = frame
        else:
            via = _media(tok) if strong else None
            frame = Frame(tok, lemma, strong, _speaker(ctx, tok), via, _content(ctx, tok, lemma, strong))
        frames[tok.i] = frame
    return frames


def _noun_frame(ctx: Context, tok: Token) -> Frame | None:
    """"Trump's claim that ...", "the ministry's warning that ...": a noun of saying or thinking
    with its owner and a that-clause is a report of its own."""
    if tok.tag_ not in ("NN", "NNS") or tok.lower_ not in CLAIM_CUE_FORMS:
        return None
    clause = next((c for c in tok.children if c.dep_ in ("acl", "ccomp", "appos")
                   and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
    if clause is None:
        return None
    owner = next((c for c in tok.children if c.dep_ == "poss"), None)
    if owner is None:
        owner = next((p for c in tok.children if c.dep_ == "prep" and c.lower_ in ("by", "from")
                      for p in c.children if p.dep_ == "pobj"), None)
    speaker = _checked(ctx, tok, owner)
    if speaker is None:
        return None
    return Frame(tok, CLAIM_CUE_FORMS[tok.lower_], False, speaker, content=extent(ctx, tok, list(clause.subtree)))


def _according_frame(ctx: Context, tok: Token) -> Frame:
    # "according to X": X is the source of the clause the phrase sits in.
    to = tok.nbor()
    objs = [c for c in to.children if c.dep_ == "pobj"] or [c for c in tok.children if c.dep_ == "pobj"]
    head = tok.head
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    skip = {t.i for t in tok.subtree}
    content = extent(ctx, tok, [t for t in head.subtree if t.i not in skip]) if head.i != tok.i else None
    return Frame(tok, "according to", True, _checked(ctx, tok, objs[0] if objs else None), content=content)


def _conveyed(ctx: Context, tok: Token) -> tuple[Frame, Token | None] | None:
    """"Yoon's office quoted Trudeau as saying": Trudeau speaks, Yoon's office passes it on."""
    children = list(tok.children)
    said = None
    for prep in (c for c in children if c.dep_ == "prep" and c.lower_ == "as"):
        said = next((c for c in prep.children if c.lower_ in SPEECH_FORMS), None)
    objs = [c for c in children if c.dep_ == "dobj"]
    passive = [c for c in children if c.dep_ == "nsubjpass"]
    if objs and (said is not None or (tok.lower_.startswith("quot") and _person_like(objs[0]))):
        speaker, via = objs[0], subject_of(tok, ctx)
    elif passive and said is not None:
        agents = [p for a in children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
        speaker, via = passive[0], (agents[0] if agents else None)
    else:
        return None
    content = _content(ctx, said, "say", True) if said is not None else None
    lemma = SPEECH_FORMS[tok.lower_]
    return Frame(tok, lemma, True, _checked(ctx, tok, speaker), _checked(ctx, tok, via), content), said


def _media(cue: Token) -> Token | None:
    """The news outlet a speaker talked to, which relays the words: "told Reuters", "speaking
    to Anadolu Agency", "in an interview with the BBC"."""
    listeners = []
    if SPEECH_FORMS.get(cue.lower_) == "tell":
        listeners += [c for c in cue.children if c.dep_ in ("dative", "dobj")]
    listeners += _objects(cue, ("to", "with"))
    for noun in _objects(cue, ("in",)):
        listeners += _objects(noun, ("with",))
    subject = next((c for c in cue.children if c.dep_ == "nsubj"), None)
    for child in [*cue.children, *(subject.children if subject is not None else ())]:
        if child.dep_ in ("advcl", "acl") and child.lower_ in ("speaking", "talking"):
            listeners += _objects(child, ("to", "with"))
    return next((t for t in listeners if _is_media(t)), None)


def _objects(head: Token, preps: tuple[str, ...]) -> list[Token]:
    return [p for c in head.children if c.dep_ == "prep" and c.lower_ in preps for p in c.children if p.dep_ == "pobj"]


def _is_media(tok: Token) -> bool:
    words = [t.lower_ for t in tok.subtree]
    named = any(t.pos_ == "PROPN" for t in tok.subtree)
    return any(w in MEDIA_NAMES for w in words) or (named and tok.lower_ in MEDIA_WORDS)


def _person_like(tok: Token) -> bool:
    return tok.ent_type_ == "PERSON" or tok.lower_ in ANONYMOUS_NOUNS


def subject_of(verb: Token, ctx: Context | None = None) -> Token | None:
    """The subject of a verb, outside quotations; for a passive one, the agent ("was told by
    officials"). The parser often makes a word of the quotation the subject of its cue."""
    for child in verb.children:
        if child.dep_ in FRAME_SUBJECTS and (ctx is None or ctx.in_mark[child.i] < 0):
            return child
    if _is_passive(verb):
        return next((p for a in verb.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"), None)
    return None


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def _speaker(ctx: Context, verb: Token) -> Token | None:
    """The subject of a cue verb, inherited through coordination and participles."""
    tok = verb
    while tok.dep_ == "conj" and subject_of(tok, ctx) is None and not _is_passive(tok):
        tok = tok.head
    subject = subject_of(tok, ctx)
    if subject is None and tok.dep_ == "acl" and tok.tag_ in ("VBD", "VBZ", "VBP", "VBG"):
        # "Machado, who ..., called on" (a main verb parsed as a modifier); "a statement saying"
        subject = tok.head
        if subject.dep_ in ("dobj", "pobj") and not _person_like(subject) and subject.pos_ == "NOUN":
            # "the council issued a statement calling ...": the issuer speaks through it
            subject = _enclosing_speaker(ctx, subject) or subject
    if subject is None and tok.dep_ == "xcomp":
        # "forced Stumpf to admit", "asked the envoy to confirm": the object speaks
        subject = next((c for c in tok.head.children if c.dep_ == "dobj" and c.i < tok.i), None)
    if subject is None and not _is_passive(tok) and (
        tok.dep_ in ("advcl", "xcomp", "pcomp", "acl", "prep", "dep") or tok.tag_ == "VBG"
    ):
        subject = _enclosing_speaker(ctx, tok)
    return _checked(ctx, verb, subject)


def _enclosing_speaker(ctx: Context, verb: Token) -> Token | None:
    """"..., adding that", "urging leaders to": a participle of saying continues the speech act
    of the nearest enclosing cue; failing that, it has the subject of the nearest clause."""
    fallback = None
    tok = verb
    for _ in range(MAX_WALK):
        if tok.head.i == tok.i:
            break
        tok = tok.head
        subject = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or (subject.lower_ == "it" and tok.pos_ == "AUX"):  # "it is worth noting"
            continue
        found = cue_lemma(tok)
        if found is not None and found[1]:  # a verb of saying; "plans", "wants" are the subject's own
            return subject_of(tok, ctx)
        fallback = fallback or subject
    return fallback


def _checked(ctx: Context, cue: Token, speaker: Token | None) -> Token | None:
    """The speaker, unless it lies inside a quotation, in another paragraph, or is no word."""
    if speaker is None or ctx.in_mark[speaker.i] >= 0 or not any(ch.isalpha() for ch in speaker.text):
        return None
    start, end = ctx.paragraph(cue)
    if not start <= speaker.idx < end:
        return None
    if speaker.lower_ in DEMONSTRATIVES and antecedent(speaker) is None and not any(
            c.dep_ in ("amod", "prep", "relcl", "acl") for c in speaker.children):  # "those close to him" speak
        return None  # "This suggests that": the author's own inference
    if speaker.left_edge.i <= cue.i <= speaker.right_edge.i and not (cue.dep_ == "acl" and cue.head.i == speaker.i):
        return None  # the cue inside its own speaker's phrase: a misparse
    return speaker


def antecedent(tok: Token) -> Token | None:
    """The noun a relative pronoun stands for: "Koné, *who* said"."""
    if tok.lower_ in RELATIVE_PRONOUNS and tok.head.dep_ == "relcl":
        return tok.head.head
    return None


def _content(ctx: Context, verb: Token, lemma: str, strong: bool) -> tuple[int, int] | None:
    """Token range of the clause a cue reports, or None."""
    clauses = [
        c
        for c in verb.children
        if (c.dep_ == "ccomp" or (c.dep_ == "parataxis" and _after_colon(verb, c))) and not _across_semicolon(verb, c)
    ]
    # A clause after the cue before one ahead of it: "(her campaign disclosed that ...)".
    for child in sorted(clauses, key=lambda c: c.i < verb.i):
        if not strong and (child.i < verb.i or not _finite(child)):
            continue  # "Russia finds itself cut off" is no report; keep cognition to full clauses
        return extent(ctx, verb, list(child.subtree))
    if lemma in INFINITIVE_VERBS:
        for child in verb.children:
            if child.dep_ == "xcomp" and child.i > verb.i:
                addressee = [
                    t
                    for c in verb.children
                    if c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ == "on" and c.i < child.i)
                    for t in c.subtree
                ]
                return extent(ctx, verb, addressee + list(child.subtree))
            if child.dep_ == "prep" and child.lower_ in ("for", "on") and lemma == "call" and _agent(verb):
                return extent(ctx, verb, [t for t in child.subtree if t.i != child.i])
    as_prep = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" and c.i > verb.i]
    if lemma in AS_VERBS and as_prep:
        objs = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
        if objs:
            return extent(ctx, verb, [t for c in objs[:1] + as_prep[:1] for t in c.subtree])
    if lemma in OBJECT_VERBS and lemma not in AS_VERBS:
        predicative = [c for c in verb.children if c.dep_ in ("oprd", "ccomp") and c.i > verb.i]
        objs = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i and (c.pos_ != "PRON" or predicative)]
        if objs and predicative:
            # "called the shootings a tragedy", "called him a liar": the object with what it is called
            return extent(ctx, verb, [t for c in objs[:1] + predicative[:1] for t in c.subtree])
        if objs:
            # "accused the junta of ...", "described the lead as ...": the rest belongs to the content
            reason = [
                c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("of", "for", "as") and c.i > objs[0].i
            ]
            if not reason and len(list(objs[0].subtree)) == 1:
                # "polls show Clinton with a lead": a bare name needs what is said of it
                reason = [c for c in verb.children if c.dep_ == "prep" and c.i > objs[0].i]
            return extent(ctx, verb, [t for c in objs[:1] + reason[:1] for t in c.subtree]) or _name(objs[0])
        by = [c for c in verb.children if c.dep_ == "agent"]
        passive = [c for c in verb.children if c.dep_ == "nsubjpass" and c.i < verb.i]
        if by and passive:  # "the plan has been endorsed by the union": the plan is what they endorse
            return extent(ctx, verb, list(passive[0].subtree)) or _name(passive[0])
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.i > verb.i):
        if prep.lower_ in PREP_CONTENT.get(lemma, ()) and any(p.dep_ in ("pobj", "pcomp") for p in prep.children):
            return extent(ctx, verb, [t for t in prep.subtree if t.i != prep.i])
    if verb.dep_ == "parataxis" and not any(c.dep_ in ("dobj", "ccomp") for c in verb.children):
        # "This involvement, Trudeau suggested, signals ...": the host clause is the content.
        skip = {t.i for t in verb.subtree}
        return extent(ctx, verb, [t for t in verb.head.subtree if t.i not in skip])
    return None


def _name(tok: Token) -> tuple[int, int] | None:
    """A one-word content that names someone: "backed Clinton", "Trump has been endorsed by"."""
    return (tok.i, tok.i + 1) if tok.pos_ == "PROPN" and tok.is_alpha else None


def _agent(verb: Token) -> bool:
    """Whether a cue's subject can speak: "the union calls for", not "this development calls for"."""
    subject = subject_of(verb)
    return subject is not None and (
        subject.pos_ in ("PROPN", "PRON")
        or subject.ent_type_ in NAMED_ENT_LABELS
        or subject.lower_ in ANONYMOUS_NOUNS
        or not any(c.lower_ in DEMONSTRATIVES for c in subject.children)
    )


def _finite(clause: Token) -> bool:
    """A clause with a complementizer or a tensed verb: "that ...", "whether ...", "she will ..."."""
    return clause.tag_ in FINITE_TAGS or any(
        c.dep_ == "mark" or (c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_TAGS) for c in clause.children
    )


def _across_semicolon(verb: Token, child: Token) -> bool:
    lo, hi = (child.right_edge.i, verb.i) if child.i < verb.i else (verb.i, child.left_edge.i)
    return any(t.text == ";" for t in verb.doc[lo:hi])


def _after_colon(verb: Token, child: Token) -> bool:
    return child.i > verb.i and any(t.text == ":" for t in verb.doc[verb.i : child.left_edge.i])


def extent(ctx: Context, cue: Token, tokens: list[Token]) -> tuple[int, int] | None:
    """[start, end) of the tokens in the cue's paragraph, without punctuation or space at the edges."""
    start, end = ctx.paragraph(cue)
    kept = [t.i for t in tokens if not (t.is_punct or t.is_space) and start <= t.idx < end]
    if len(kept) < 2:
        return None
    first, last = min(kept), max(kept) + 1
    doc = cue.doc
    if last < len(doc) and doc[last].is_quote and sum(t.is_quote for t in doc[first:last]) % 2:
        last += 1  # close a quotation the content opens: "talks were 'on track'"
    return first, last
