"""He, she and it as speakers: the report a pronoun's cue is nested in, the named speakers before it, the
nearest person; and the actor a speaker's head token names. Used by the one resolver, ``speakers``."""

from __future__ import annotations

from spacy.tokens import Token

from storyline.nlp import coref
from storyline.nlp import quote_cues as cues
from storyline.nlp.actor_roles import person_noun
from storyline.nlp.cue_words import RELATIVE_PRONOUNS
from storyline.nlp.cue_content import is_passive
from storyline.nlp.quote_cues import Context
from storyline.nlp.relays import issued_by, speaking_subject


def end_char(tok: Token) -> int:
    return tok.idx + len(tok.text)


def entity_at(ctx: Context, head: Token) -> str | None:
    """The actor a mention over ``head`` resolves to; without the actors component, the name as
    written (the entity, or the run of proper nouns the head ends)."""
    mentions = ctx.doc._.mentions
    if mentions is not None:
        return next((m.entity for m in mentions if m.start <= head.idx < m.end), None)
    for ent in ctx.ents:
        if ent.start <= head.i < ent.end:
            return strip_possessive(ent.text) if ent.label_ in cues.NAMED_ENT_LABELS else None
    if head.pos_ == "PROPN":
        names = [c for c in head.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] + [head]
        return ctx.text[names[0].idx : end_char(head)]
    return None


def pronoun_speaker(ctx: Context, pronoun: Token, person: bool) -> str | None:
    """He, she or it: the speaker of an enclosing report ("the United States said it had
    concluded"), else the last named speaker of that kind in this or the previous paragraph
    ("Terhas has emphasized ... he argues"), else, for he or she, the nearest person named before."""
    other = other_gender(ctx, pronoun) if person else frozenset()
    author = _content_author(pronoun)
    if author is not None and is_person(ctx, author) == person and (found := entity_at(ctx, author)) not in other:
        return found
    outer = _outer_speaker(ctx, pronoun)
    if outer is not None and outer.pos_ != "PRON" and is_person(ctx, outer) == person and (
            found := _speaker_entity(ctx, outer)) not in other:
        return found  # "the mayor of Tromso Anna Dahl described ..., although she later said": Dahl
    if outer is not None and outer.pos_ == "PROPN" and person and entity_at(ctx, outer) is None and (
            (named := same_name(ctx, outer)) is not None and any(m.entity == named and m.type == "person"
                                                              for m in ctx.doc._.mentions)) and named not in other:
        return named  # "Biden estimated that ..., although he added": a name the actors missed here
    if not person and (subject := _previous_subject(ctx, pronoun)) is not None:
        return subject  # "Norway has been more wary, refusing ... It has long argued": Norway
    if not person and (last := continued_speaker(ctx, pronoun, plural=False)) is not None:
        from storyline.nlp.speakers import resolve  # the resolver asks this module about pronouns

        return resolve(ctx, last)[0]  # "Ukraine's military says ... On Saturday, it said": the body just quoted
    here = ctx.paragraph(pronoun)[0]
    skip = own_content(ctx, pronoun)
    # "- ... push Zelensky to continue the fighting - he added": a name inside the pronoun's own words
    # is talked about, whatever cue the parse hangs on it
    named = [s for s in _named_speakers(ctx, pronoun, person) if not skip[0] <= s.idx < skip[1]
             and (not other or _speaker_entity(ctx, s) not in other)]
    if named and named[0].idx >= here:
        return _speaker_entity(ctx, named[0])  # a speaker of this paragraph
    if person and (nearest := _nearest_person(ctx, pronoun.idx, here, skip, quoted=False, other=other)) is not None:
        return nearest  # a person this paragraph names before the pronoun, outside anyone's quoted words
    floor = previous_paragraph(ctx.text, here)
    if named and named[0].idx >= floor:
        return _speaker_entity(ctx, named[0])  # a speaker of the paragraph before
    if person and (chained := _same_pronoun_before(ctx, pronoun, prose_before(ctx.text, here),
                                                   named[0].idx if named else 0)) is not None and chained not in other:
        # "She argued that Kelly's assessment ... / 'No one ...,' she said": the she who spoke last, not a
        # name her words brought up
        return chained
    return _nearest_person(ctx, pronoun.idx, 0, skip, other=other) if person else None


# Titles that say whether a person is a man or a woman: "Mr Lukashenko", "Ms Tikhanovskaya".
MALE_TITLES = frozenset({"mr", "mr."})
FEMALE_TITLES = frozenset({"ms", "ms.", "mrs", "mrs.", "miss"})


def other_gender(ctx: Context, pronoun: Token) -> frozenset[str]:
    """People a he or she cannot stand for: those the report titles as the other sex ("Mr X" for a "she"), and the
    one the last he (for a she, and the reverse) before it in this or the paragraph before spoke as: "He later
    said ... / '...,' she said" is not him again."""
    word = pronoun.lower_.lstrip("-–—")
    mine = next((group for group in SAME_PERSON if word in group), None)
    if mine is None or ctx.doc._.mentions is None:
        return frozenset()
    theirs = SAME_PERSON[1] if mine is SAME_PERSON[0] else SAME_PERSON[0]
    titles = FEMALE_TITLES if mine is SAME_PERSON[0] else MALE_TITLES
    found = set()
    for m in ctx.doc._.mentions:
        if m.type == "person" and m.entity:
            words = ctx.text[max(0, m.start - 6):m.start].split()[-1:] + m.text.split()[:1]
            if any(w.lower() in titles for w in words):  # "Ms Varga", a mention written "Mrs Holt"
                found.add(m.entity)
    floor = prose_before(ctx.text, ctx.paragraph(pronoun)[0])
    earlier = [f.speaker for f in ctx.frames.values() if f.speaker is not None and floor <= f.speaker.idx
               and f.speaker.i < pronoun.i and f.speaker.lower_.lstrip("-–—") in theirs
               and f.speaker.dep_ in ("nsubj", "nsubjpass")]
    if earlier:
        last = max(earlier, key=lambda t: t.i)
        memo = ctx.__dict__.setdefault("_gendered_pronouns", {})
        if last.i not in memo:
            memo[last.i] = None  # met again while resolving itself: no one
            memo[last.i] = pronoun_speaker(ctx, last, person=True)
        if memo[last.i]:
            found.add(memo[last.i])
    return frozenset(found)


def prose_before(text: str, start: int) -> int:
    """Where the paragraph of prose before the one starting at ``start`` begins: a heading or caption line
    between them ("CHINA'S PRESIDENT TO VISIT RUSSIA") is passed over."""
    floor = start
    for _ in range(HEADINGS_PASSED + 1):
        if floor <= 0:
            return 0
        floor = previous_paragraph(text, floor)
        end = text.find("\n", floor)
        if text[floor:end if end >= 0 else len(text)].rstrip().endswith((".", "!", "?", '"', "”", "’", "'", ":")):
            break
    return floor


# The forms of one person's pronoun: "He warned ... According to him".
SAME_PERSON = (frozenset({"he", "him", "his"}), frozenset({"she", "her", "hers"}))
# How many heading or caption lines a pronoun's report may go on across.
HEADINGS_PASSED = 2


def _same_pronoun_before(ctx: Context, pronoun: Token, floor: int, after: int) -> str | None:
    """The person an earlier he or she spoke as, when the same pronoun spoke last in this or the paragraph
    before, after the last named speaker: a report that goes on in one voice keeps its speaker."""
    word = pronoun.lower_.lstrip("-–—")
    forms = next((group for group in SAME_PERSON if word in group), {word})
    earlier = [f.speaker for f in ctx.frames.values() if f.speaker is not None and f.speaker.i < pronoun.i
               and max(floor, after) <= f.speaker.idx and f.speaker.lower_.lstrip("-–—") in forms
               and f.lemma not in cues.ACT_VERBS]
    if not earlier:
        return None
    last = max(earlier, key=lambda t: t.i)
    memo = ctx.__dict__.setdefault("_chained_pronouns", {})
    if last.i not in memo:
        memo[last.i] = None  # a chain met again while resolving itself resolves to no one
        memo[last.i] = pronoun_speaker(ctx, last, person=True)
    return memo[last.i]


# Kinds of actor an "it" opening a sentence may take up from the subject of the sentence before.
IT_KINDS = frozenset({"state", "igo", "organization"})


def _previous_subject(ctx: Context, pronoun: Token) -> str | None:
    """"Norway has been far more wary, refusing the sales. It has long argued ...": an "it" that opens
    its sentence as the subject takes up the state or body that was the main subject of the sentence before in
    the same paragraph (not a name inside that sentence's clauses)."""
    mentions = ctx.doc._.mentions
    sent = pronoun.sent
    if not mentions or pronoun.lower_ != "it" or pronoun.dep_ != "nsubj" or sent.start == 0 or any(
            t.is_alpha for t in pronoun.doc[sent.start:pronoun.i]):
        return None
    before = pronoun.doc[sent.start - 1].sent
    if before.start_char < ctx.paragraph(pronoun)[0] or "\n" in ctx.text[before.end_char:sent.start_char]:
        return None
    subject = next((c for c in before.root.children if c.dep_ == "nsubj"), None)
    if subject is None or any(c.dep_ == "conj" for c in subject.children):
        return None
    return next((m.entity for m in mentions if m.start <= subject.idx < m.end and m.type in IT_KINDS and m.entity),
                None)


def continued_speaker(ctx: Context, pronoun: Token, plural: bool) -> Token | None:
    """The speaker a pronoun's report goes on from: the subject of the nearest cue before it, in its own sentence
    or the one before, when that speaker is a body or bodies as the pronoun is ("officials said. They said",
    "the agency said. It added"); None when the nearest speaker is a person or of the other number."""
    sent = pronoun.sent
    floor = sent.start_char if sent.start == 0 else pronoun.doc[sent.start - 1].sent.start_char
    before = [f for f in ctx.frames.values() if f.speaker is not None and f.speaker.i != pronoun.i
              and floor <= f.cue.idx < pronoun.idx and f.speaker.idx < pronoun.idx]
    if not before:
        return None
    speaker = max(before, key=lambda f: f.cue.idx).speaker
    if speaker.lower_ in RELATIVE_PRONOUNS or speaker.pos_ == "PRON" and speaker.lower_ not in (
            ("they",) if plural else ("it",)):
        return None
    many = speaker.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in speaker.children)
    # a plural-looking name ("Janes", "the Netherlands", "the Democrats") may be one body or many
    if (many != plural and speaker.tag_ != "NNPS") or not plural and is_person(ctx, speaker):
        return None
    return speaker


def own_content(ctx: Context, pronoun: Token) -> tuple[int, int]:
    """Characters of what the pronoun's own frame reports: "- ... Putin's propaganda ... - he said" names
    Putin inside the words, and he is not the one saying them."""
    for frame in ctx.frames.values():
        if frame.speaker is not None and frame.speaker.i == pronoun.i and frame.content is not None:
            doc = pronoun.doc
            return doc[frame.content[0]].idx, end_char(doc[frame.content[1] - 1])
    return (0, 0)


def previous_paragraph(text: str, start: int) -> int:
    """Where the paragraph before the one starting at ``start`` begins (blank lines skipped)."""
    end = start - 1
    while end > 0 and text[end - 1] in "\n \t\u00a0":
        end -= 1
    return text.rfind("\n", 0, end) + 1


def _named_speakers(ctx: Context, pronoun: Token, person: bool) -> list[Token]:
    """Named speakers of that kind before the pronoun, the nearest first ("The leader of the party,
    Ana Ruiz, said ..." counts as Ruiz)."""
    from storyline.nlp.quote_labels import section_labels

    found = [
        f.speaker
        for f in [*ctx.frames.values(), *section_labels(ctx)]
        if f.speaker is not None and f.cue.idx < pronoun.idx and f.speaker.i != pronoun.i
        and f.lemma not in cues.ACT_VERBS  # "Tinubu was seeking a third term" is an act, not speech
        and not (person and f.lemma == "report" and is_passive(f.cue))  # "This was reported by Euractiv": a relay
        and f.speaker.tag_ in ("NNP", "NN")
        and (f.speaker.tag_ == "NNP" or speaking_subject(f.speaker))  # not "the prospect of a X victory adds"
        and (f.speaker.lower_ not in cues.ANONYMOUS_NOUNS or described_person(ctx, f.speaker) is not None)
        and _speaker_entity(ctx, f.speaker) is not None
    ]
    if person:
        told = _told_by_people(ctx, pronoun)
        # "Truss reported that Lavrov told her ... 'However, ...' she said": a speaker inside a person's
        # reported words is talked about; the one reporting is the voice that goes on
        found = [s for s in found if not any(a <= s.idx < b for a, b in told)]
    return [s for s in sorted(found, key=lambda t: t.i, reverse=True) if is_person(ctx, _named_in(ctx, s) or s) == person]


def _told_by_people(ctx: Context, pronoun: Token) -> list[tuple[int, int]]:
    """Characters of what a named person or a he or she is reported to say, the pronoun's own report left out."""
    doc = pronoun.doc
    spans = []
    for f in ctx.frames.values():
        if f.content is None or f.speaker is None or f.lemma == "according to" or f.speaker.i == pronoun.i:
            continue
        if not (f.speaker.pos_ == "PROPN" or f.speaker.lower_ in cues.PERSON_PRONOUNS):
            continue
        start, end = doc[f.content[0]].idx, end_char(doc[f.content[1] - 1])
        if not start <= pronoun.idx < end:
            spans.append((start, end))
    return spans


def described_person(ctx: Context, head: Token) -> str | None:
    """The person a definite description speaking stands for ("the spokeswoman said" after "a spokeswoman,
    Maria Zakharova, said"), as the speaker resolver finds them; None for anyone else."""
    if head.tag_ != "NN" or ctx.doc._.mentions is None or not any(
            c.dep_ == "det" and c.lower_ in ("the", "this") for c in head.children):
        return None
    cache = ctx.__dict__.setdefault("_described_people", {})
    if head.i not in cache:
        from storyline.nlp.speakers import resolve  # the resolver asks this module about pronouns

        cache[head.i] = None  # a description met again while resolving itself resolves to no one
        entity, _ = resolve(ctx, head)
        cache[head.i] = entity if entity and any(
            m.entity == entity and m.type == "person" for m in ctx.doc._.mentions) else None
    return cache[head.i]


def _named_in(ctx: Context, head: Token) -> Token | None:
    """The named person inside a speaker's phrase written by role: "the leader of the party Ana Ruiz"."""
    if head.pos_ == "PROPN" or ctx.doc._.mentions is None:
        return None
    clauses = {t.i for c in head.children if c.dep_ in ("relcl", "acl", "advcl") for t in c.subtree}
    found = [tok for tok in head.subtree
             if tok.i != head.i and tok.i not in clauses and tok.pos_ == "PROPN" and tok.dep_ in ("appos", "compound", "pobj", "flat")
             and any(m.start <= tok.idx < m.end and m.type == "person" for m in ctx.doc._.mentions)]
    # "The Nato secretary general, Jens Stoltenberg": the name in apposition, not the body in the title
    return next((t for t in found if t.dep_ == "appos"), found[0] if found else None)


def _speaker_entity(ctx: Context, head: Token) -> str | None:
    named = _named_in(ctx, head)
    if named is not None:
        # the person mention over the name ("Nato" is both the alliance and part of "Nato secretary general")
        return next((m.entity for m in ctx.doc._.mentions if m.start <= named.idx < m.end and m.type == "person"),
                    entity_at(ctx, named))
    found = entity_at(ctx, head)
    if found is None and (head.pos_ == "PROPN" or _heading_name(ctx, head)) and ctx.doc._.mentions is not None:
        found = same_name(ctx, head)  # a name the actors component missed here ("Zacharów stated")
    return found or described_person(ctx, head)


def _content_author(pronoun: Token) -> Token | None:
    """The maker of the words whose content a "wherein" clause gives: "remarks made by the mayor in which she
    claimed", "the minister's letter, in which he promised" is the mayor or the minister, not whoever reports
    on the remarks or the letter."""
    clause = pronoun.head
    if pronoun.dep_ != "nsubj" or clause.dep_ != "relcl" or not any(
            c.dep_ == "prep" and any(g.dep_ == "pobj" and g.lower_ in ("which", "whom") for g in c.children)
            for c in clause.children):
        return None
    said = clause.head
    if said.dep_ == "pobj" and said.head.lower_ == "by" and said.head.dep_ in ("agent", "prep"):
        return said  # the parse hung the clause on the maker's name: "remarks made by the mayor, in which"
    return issued_by(said) or next((c for c in said.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)


def _outer_speaker(ctx: Context, pronoun: Token) -> Token | None:
    """The speaker of the report a pronoun's own cue is nested in."""
    tok = pronoun.head
    for _ in range(cues.MAX_WALK):
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        frame = ctx.frames.get(tok.i)
        if frame is not None and frame.speaker is not None and frame.speaker.i != pronoun.i:
            return frame.speaker
    return None


def _heading_name(ctx: Context, head: Token) -> bool:
    """Whether a token is the name of a "Name: claim" heading line (the tagger often reads a lone capitalised
    word there as a common noun)."""
    from storyline.nlp.quote_labels import section_labels

    return any(f.speaker.i == head.i for f in section_labels(ctx))


def is_person(ctx: Context, head: Token) -> bool:
    mentions = ctx.doc._.mentions
    if mentions is not None and head.pos_ != "PROPN" and _heading_name(ctx, head):
        named = same_name(ctx, head)
        return named is not None and any(m.entity == named and m.type == "person" for m in mentions)
    if any(c.dep_ == "appos" and c.pos_ == "NOUN" and (person_noun(c.lower_) or c.lower_ in coref.OFFICE_NOUNS)
           for c in head.children) and head.pos_ == "PROPN":
        return True  # "Natalia Humeniuk, a spokesperson for the command": a person, however the name was typed
    if mentions is not None:
        if head.pos_ == "NOUN" and described_person(ctx, head) is not None:
            return True
        if any(m.start <= head.idx < m.end for m in mentions) or head.pos_ != "PROPN":
            return any(m.start <= head.idx < m.end and m.type == "person" for m in mentions)
        named = same_name(ctx, head)  # a name the actors component missed here
        return named is not None and any(m.entity == named and m.type == "person" for m in mentions)
    if head.pos_ != "PROPN":
        return False
    # The tagger's entity type is weak on unfamiliar names; a role in apposition is not.
    return head.ent_type_ in ("PERSON", "") or any(c.dep_ == "appos" and c.pos_ == "NOUN" for c in head.children)


def _nearest_person(ctx: Context, before: int, after: int = 0, skip: tuple[int, int] = (0, 0),
                    quoted: bool = True, other: frozenset[str] = frozenset()) -> str | None:
    """The last person named between two offsets; one named inside quotation marks only when ``quoted``
    and no other is ("“... a war that President Putin has started,” he continued": not Putin)."""
    mentions = ctx.doc._.mentions
    if mentions is not None:
        people = [m for m in mentions if m.type == "person" and m.entity and after <= m.start and m.end <= before
                  and not skip[0] <= m.start < skip[1] and m.entity not in other and not _modifier(ctx, m)]
        outside = [m for m in people if not in_quotes(ctx, m.start)]  # not a name the speaker mentions
        people = outside or (people if quoted else [])
        told = reported_spans(ctx)
        unreported = [m for m in people if not any(a <= m.start < b for a, b in told)]  # nor one a speaker reports on
        people = unreported if told else people
        return max(people, key=lambda m: m.end).entity if people else None
    people = [e for e in ctx.ents if e.label_ == "PERSON" and after <= e.start_char and e.end_char <= before]
    return strip_possessive(people[-1].text) if people else None


def _modifier(ctx: Context, mention) -> bool:
    """A name that only modifies a noun ("the prospect of a Keller comeback", "the Biden administration"): the thing
    is talked about, the person does nothing a pronoun could go on from."""
    span = ctx.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    last = span[-1]
    return last.dep_ in ("compound", "amod", "nmod") and last.head.pos_ == "NOUN" and last.head.i >= span.end


def reported_spans(ctx: Context) -> list[tuple[int, int]]:
    """Characters of every reported clause: the people named there are talked about, not talking
    (also in a clause whose speaker the parse lost: "... Jeffries in an interview said that Putin ...")."""
    doc = ctx.doc
    return [(doc[f.content[0]].idx, end_char(doc[f.content[1] - 1])) for f in ctx.frames.values()
            if f.content is not None and (f.speaker is not None or f.strong)]


def in_quotes(ctx: Context, offset: int) -> bool:
    return any(m.start <= offset < m.end for m in ctx.marks)


def strip_possessive(text: str) -> str:
    for suffix in ("'s", "’s"):
        if text.endswith(suffix):
            return text[: -len(suffix)]
    return text


def same_name(ctx: Context, head: Token) -> str | None:
    """The actor of another mention written with this name (its last word, for a person's surname); else
    of the one person whose surname is this name in another spelling or case ending ("Zacharów" after
    "Maria Zacharowa" in a translated report)."""
    names = [c for c in head.lefts if c.dep_ in ("compound", "flat") and c.pos_ == "PROPN"] + [head]
    written = ctx.text[names[0].idx:end_char(head)].lower()
    people = [m for m in ctx.doc._.mentions if m.entity]
    found = {m.entity for m in people if
             m.text.lower() == written or m.type == "person" and m.text.lower().split()[-1:] == [head.lower_]}
    if not found and len(names) == 1:
        found = {m.entity for m in people if m.type == "person" and m.start < head.idx
                 and spelling_of(m.text.split()[-1], head.text)}
    return found.pop() if len(found) == 1 else None  # only when the name is unambiguous in the report


# Letters a surname may differ by at its end across spellings and case endings ("Zacharowa", "Zacharów").
VARIANT_TAIL = 3
VARIANT_STEM = 6


def spelling_of(name: str, other: str) -> bool:
    """Whether two written names are one surname in other spellings: a long shared stem (accents
    ignored) and endings of a few letters at most."""
    a, b = _plain(name), _plain(other)
    if a == b or not a.isalpha() or not b.isalpha():
        return a == b
    stem = 0
    for x, y in zip(a, b):
        if x != y:
            break
        stem += 1
    return stem >= VARIANT_STEM and max(len(a), len(b)) - stem <= VARIANT_TAIL


def _plain(word: str) -> str:
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", word.lower().replace("ł", "l"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).removesuffix("'s").removesuffix("’s")
