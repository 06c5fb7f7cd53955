"""Quantities in a report, with what they count, whose they are and who gives them: ``storyline_figures``."""

from __future__ import annotations

import re
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from storyline.models import Figure, TimeRef
from storyline.nlp import figure_words as W
from storyline.nlp.figure_sources import SourceContext, attribution, entity_text, is_actor, span_text
from storyline.nlp.currencies import CURRENCY_BY_PLACE
from storyline.nlp.amounts import Amount, find_amounts
from storyline.nlp.figure_filters import not_a_quantity
from storyline.nlp.rates import rate_at
from storyline.nlp.times import extract_times, is_reference_line, line_of
from storyline.nlp.units import DURATIONS

RE_UNCONFIRMED = re.compile(
    r"\b(?:yet to be (?:independently )?(?:confirmed|verified)|unconfirmed|unverified|"
    r"(?:could|can)\s?(?:not|n't) (?:be )?(?:independently )?(?:confirm|verif)\w*|"
    r"(?:has|have|had)?\s?not (?:yet )?(?:been )?(?:independently )?(?:confirmed|verified))\b"
)
ANAPHORS = frozenset("number figure total count tally".split())
POSSESS_VERBS = W.inflect(
    "deploy", "dispatch", "mobilize", "mobilise", "station", "commit", "contribute", "provide", "supply",
    "pledge", "donate", "allocate", "approve", "field", "amass", "mass", "transfer", "deliver", "offer",
    "earmark", "promise", "grant", "release", "disburse",
) | {"send", "sends", "sent", "sending", "give", "gives", "gave", "given", "giving", "lose", "loses",
     "lost", "losing", "spend", "spends", "spent", "spending"}
# Counts of people in a conflict or disaster: a number standing alone after one of them counts the same people.
CASUALTY_MEASURES = frozenset({"killed", "wounded", "prisoners", "troops", "casualties", "displaced", "refugees"})
STAGE_DEPS = frozenset("amod det advmod npadvmod nummod quantmod".split())


def _singular(word: str) -> str:
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _count_of(word: str) -> str | None:
    return W.COUNT_OF.get(word) or W.COUNT_OF.get(_singular(word))


def _anchor(doc: Doc, amount: Amount) -> Token:
    """The number token that attaches the expression to the rest of the parse."""
    run = range(amount.num_start, amount.num_end)
    outside = [doc[i] for i in run if doc[i].head.i not in run or doc[i].head.i == i]
    return outside[-1] if outside else doc[amount.num_end - 1]


def _when(doc: Doc, amount: Amount, noun: Token) -> bool:
    """True for a time said after the number ("2.1 last year"): it says when, not what is counted."""
    return noun.ent_type_ in ("DATE", "TIME") and doc[amount.num_start].ent_type_ not in ("DATE", "TIME")


def _counted_noun(doc: Doc, amount: Amount, anchor: Token, sent: Span) -> Token | None:
    """The noun the figure counts: "3,000 soldiers", "thousands of soldiers", "a dozen tanks"."""
    if amount.end < sent.end and doc[amount.end].lower_ == "times":
        return doc[amount.end]  # "6.5 times earnings": a multiple, not a count of earnings
    for token in doc[amount.num_start: amount.end]:
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and pobj.pos_ in ("NOUN", "PROPN"):
                        return pobj
    head = anchor.head
    if (anchor.dep_ in ("nummod", "compound", "amod", "quantmod", "nmod", "npadvmod") and head.pos_ in ("NOUN", "PROPN")
            and amount.num_end <= head.i < sent.end):
        return None if _when(doc, amount, head) else head
    # The parse sometimes leaves the noun unattached ("12k people"): take the next noun
    # when only modifiers stand between.
    j = amount.end
    while j < min(sent.end, amount.end + 6):
        token = doc[j]
        if token.pos_ == "NOUN":
            return None if _when(doc, amount, token) else token
        if token.pos_ in ("ADJ", "PROPN", "NUM") or token.dep_ in ("amod", "compound") or token.text in ("-", "more"):
            j += 1
            continue
        break
    return None


def _noun_text(doc: Doc, amount: Amount, noun: Token) -> str:
    """The counted noun as written with the words that narrow it ("heart transplants", "first-team
    players"), not the owner ("Russian troops" counts troops) nor words like "more"."""
    if not amount.end <= noun.i < amount.end + 5:
        return noun.text
    first = noun.i
    while first - 1 >= amount.end and doc[first - 1].head.i == noun.i and doc[first - 1].dep_ in ("compound", "amod") \
            and doc[first - 1].ent_type_ not in ("NORP", "GPE", "ORG") and doc[first - 1].lower_ not in W.NOT_KIND_WORDS:
        first -= 1
        while first - 2 >= amount.end and doc[first - 1].text == "-" and not doc[first - 1].whitespace_ \
                and not doc[first - 2].whitespace_:
            first -= 2  # "first-team players"
    return doc[first: noun.i + 1].text


def _casualty_kind(token: Token) -> str | None:
    """Killed, wounded, displaced, prisoners or refugees, from the words around a noun or number."""
    words = [c for c in token.children if c.dep_ in ("amod", "acl", "relcl", "oprd", "acomp", "appos", "conj")]
    if token.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "conj", "pobj") or token.head.pos_ in ("VERB", "ADJ"):
        head = token.head
        words.append(head)
        words += [c for c in head.children if c.dep_ in ("oprd", "acomp", "xcomp")]
    for word in (token, token.head):
        for prep in word.children:
            if prep.dep_ == "prep" and prep.lower_ == "from" and any(g.lower_ in ("home", "homes") for g in prep.children):
                return "displaced"  # "drove thousands from their homes"
    for word in words:
        text = word.lower_
        if text in W.KILLED_WORDS:
            return "killed"
        if text in W.WOUNDED_WORDS:
            return "wounded"
        if text in W.MISSING_WORDS:
            return "casualties"
        if text in W.PRISONER_WORDS and not any(c.dep_ in ("dobj", "prt") and c.lower_ in ("part", "office", "place", "over")
                                                for c in word.children):
            return "prisoners"  # "taken prisoner", not "taken part" nor "held office"
        if text in W.DISPLACED_WORDS:
            across = any(c.dep_ == "prep" and c.lower_ in W.REFUGEE_DIRECTIONS
                         and any(g.ent_type_ == "GPE" for g in c.subtree) for c in word.children)
            return "refugees" if across or text == "abroad" else "displaced"
    return None


def _rate_after(doc: Doc, noun: Token, sent: Span) -> tuple[int, str, str] | None:
    """A rate right after the counted noun: "tests per day", "ships a week"."""
    return rate_at(doc, noun.i + 1, sent.end) if noun.i + 1 < sent.end else None


def _proxy(noun: Token) -> tuple[str, str] | None:
    """What "the number", "the toll" or "the figure" stands for: "the death toll" -> killed."""
    for child in noun.children:
        if child.dep_ == "compound" and (child.lower_, noun.lower_) in W.COMPOUNDS:
            return W.COMPOUNDS[(child.lower_, noun.lower_)], f"{child.text} {noun.text}"
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj" and (kind := _count_of(pobj.lower_)):
                    if kind in ("people", "troops"):
                        kind = _casualty_kind(pobj) or kind
                    return kind, pobj.text
    return None


def _classify(doc: Doc, amount: Amount, noun: Token | None, anchor: Token, sent: Span) -> tuple[str | None, str | None]:
    """``counts`` and ``unit_text``: what the figure counts, normalised and as written."""
    if amount.percent:
        return "percent", doc[amount.num_end: amount.end].text or "%"
    per, per_text = (f" per {amount.per}", f" {amount.per_text}") if amount.per else ("", "")  # a rate: "$80 a barrel"
    if amount.currency:
        return f"money:{_currency_code(amount.currency, sent)}{per}", f"{amount.currency_text}{per_text}"
    if amount.fraction:
        return "share", noun.text if noun is not None else None
    if amount.unit is not None:
        # Durations keep their plural as the measure ("years"); other units and rates are named ("unit:metre").
        measure = amount.unit if amount.unit in DURATIONS.values() and not per else f"unit:{amount.unit}{per}"
        return measure, f"{amount.unit_text}{per_text}"
    if noun is not None:
        for child in noun.children:
            if child.dep_ == "compound" and (child.lower_, noun.lower_) in W.COMPOUNDS:
                return W.COMPOUNDS[(child.lower_, noun.lower_)], f"{child.text} {noun.text}"
        kind = _count_of(noun.lower_)
        if kind in (None, "people", "troops"):
            # "tens of thousands of people were displaced": the verb governs the number.
            kind = _casualty_kind(noun) or (_casualty_kind(anchor) if anchor.i != noun.i else None) or kind
        if kind is None and noun.lower_ in W.PROXY_NOUNS and (found := _proxy(noun)):
            return found
        kind, written = kind or "other", _noun_text(doc, amount, noun)
        if (rate := _rate_after(doc, noun, sent)) is not None:
            # "40 villagers killed a week": a rate is its own measure, not a toll; generic counts
            # ("3,000 tests a day") stay generic, with the rate in their words
            return (kind if kind in ("other", "people") else f"{kind} per {rate[1]}"), f"{written} {rate[2]}"
        return kind, written
    if anchor.head.lower_ in ("more", "others", "additional") and anchor.dep_ in ("nummod", "quantmod", "npadvmod"):
        anchor = anchor.head  # "injured 35 more": the verb governs "more"
    kind = _casualty_kind(anchor)
    if kind:
        return kind, None
    # "the toll rose to 45", "officials put the figure at 400", "the number of refugees reached 2 million"
    head = anchor.head
    if anchor.dep_ == "pobj" and head.lower_ in ("to", "at"):
        head = head.head
    if head.pos_ in ("VERB", "AUX"):
        for child in head.children:
            if child.dep_ in ("nsubj", "nsubjpass", "dobj") and child.i != anchor.i:
                if child.lower_ in W.PROXY_NOUNS and (found := _proxy(child)):
                    return found
                if kind := _count_of(child.lower_):
                    return kind, child.text
    return None, None


def _currency_code(code: str, sent: Span) -> str:
    """An ISO code; "pesos" and "dinars" take the country named in the sentence, else the report."""
    if code != "?":
        return code
    for scope in (sent, sent.doc):
        for ent in scope.ents:
            if ent.label_ == "GPE" and (found := CURRENCY_BY_PLACE.get(ent.text.lower().removeprefix("the "))):
                return found
    return "unknown"


def _subject(ctx: SourceContext, amount: Amount, noun: Token | None, anchor: Token) -> tuple[str | None, str | None, bool]:
    """Whose troops, casualties or money: "North Korean troops", "Russia's losses", "Germany pledged".

    The third item is True when the owner is the one who gives or sends it (a pledge's donor).
    """
    if noun is not None:
        for child in noun.children:
            if child.dep_ in ("amod", "compound", "nmod", "poss") and is_actor(ctx, child):
                return (*entity_text(ctx, child), False)
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in ("from", "of"):
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and is_actor(ctx, pobj):
                        return (*entity_text(ctx, pobj), False)
    # "North Korea sent 10,000 troops", "Germany pledged €40m", "euros released by the EU".
    candidates = [t for t in (noun, anchor, anchor.head) if t is not None]
    for token in candidates:
        verbs = [token.head] if token.dep_ in ("dobj", "nsubjpass") else []
        verbs += [c for c in token.children if c.dep_ == "acl"]
        for verb in verbs:
            if verb.lower_ not in POSSESS_VERBS:
                continue
            for child in verb.children:
                if child.dep_ == "nsubj" and verb.i == token.head.i and is_actor(ctx, child):
                    return (*entity_text(ctx, child), True)
                if child.dep_ == "agent":
                    for pobj in child.children:
                        if pobj.dep_ == "pobj" and is_actor(ctx, pobj):
                            return (*entity_text(ctx, pobj), True)
    return None, None, False


def _path(anchor: Token, noun: Token | None) -> list[Token]:
    """The figure's chain of governors, from the number up to the sentence root."""
    start = noun if noun is not None and noun in anchor.ancestors else anchor
    path = [anchor] if start.i != anchor.i else []
    return path + [start] + list(start.ancestors)


def _stage(amount: Amount, noun: Token | None, path: list[Token]) -> str | None:
    """Which count in a sequence: initial, increase, additional, total; potential when only hedged."""
    doc = path[0].doc
    if amount.more or (amount.start > 0 and doc[amount.start - 1].lower_ in ("another", "additional", "extra", "further")):
        return "additional"
    potential = False
    previous = None
    for token in path:
        is_noun = noun is not None and token.i == noun.i
        words = [token] + [c for c in token.children if c.dep_ in STAGE_DEPS]
        if token.pos_ in ("VERB", "AUX"):
            for arg in token.children:
                if arg.dep_ in ("nsubj", "nsubjpass", "dobj"):
                    words += [c for c in arg.children if c.dep_ == "amod"]
        for word in words:
            text = word.lower_
            if text in W.STAGE_ADDITIONAL and word.i != token.i and (text != "more" or is_noun):
                return "additional"
            if text in W.STAGE_TOTAL:
                return "total"
            if text in ("initial", "initially", "preliminary") or (
                text == "first" and word.i != token.i and (is_noun or token.lower_ in W.STAGE_FIRST_NOUNS)
            ):
                return "initial"
            potential = potential or text in W.STAGE_POTENTIAL
        if any(c.dep_ == "prep" and c.lower_ == "in" and any(g.lower_ in ("all", "total") for g in c.children)
               for c in token.children):
            return "total"
        if previous is not None and previous.lower_ == "to" and previous.dep_ in ("prep", "dative") and token.lower_ in W.STAGE_INCREASE:
            return "increase"
        previous = token
    return "potential" if potential else None


def _status(sent: Span, path: list[Token]) -> str:
    """A sentence cue next to the figure: confirmed, possible, expected, unconfirmed; else asserted."""
    if RE_UNCONFIRMED.search(sent.text.lower()):
        return "unconfirmed"
    for token in path:
        words = {token.lower_} | {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass", "advmod", "neg", "amod")}
        if words & W.STATUS_CONFIRMED and token.pos_ in ("VERB", "AUX", "ADJ"):
            return "unconfirmed" if words & W.NEGATIONS else "confirmed"
        if words & W.STATUS_POSSIBLE or token.lower_ == "potential":
            return "possible"
        if words & W.STATUS_EXPECTED and token.pos_ in ("VERB", "AUX"):
            return "expected"
        if token.pos_ in ("VERB", "AUX") and token.lower_ not in W.SPEECH_VERBS and words & W.NEGATIONS:
            return "negated"  # "dozens of deaths were not included in its count": no figure is claimed
        if token.lower_ in W.SPEECH_VERBS:
            break  # the negation of a speech verb is not the figure's
    return "asserted"


def _date(times: list[TimeRef], sent: Span, path: list[Token], noun: Token | None) -> str | None:
    """The value of a DATE attached to the figure's clause or to its noun phrase."""
    here = [t for t in times if t.value and sent.start_char <= t.start < sent.end_char]
    if not here:
        return None
    doc = sent.doc
    near = {t.i for t in path} | ({t.i for t in noun.subtree} if noun is not None else set())
    for ref in here:
        span = doc.char_span(ref.start, ref.end, alignment_mode="expand")
        if span is None:
            continue
        head = span.root.head
        if head.dep_ == "prep" or head.pos_ == "ADP":
            head = head.head
        if head.i in near and head.i not in range(span.start, span.end):
            return ref.value
    return None


def _anaphoric(doc: Doc, sent: Span, amount: Amount) -> bool:
    """True when the sentence speaks of an earlier figure ("this number", "the figure") before this one."""
    for word in doc[sent.start: amount.start]:
        if word.lower_ in ANAPHORS and any(c.dep_ == "det" and c.lower_ in ("this", "that", "the") for c in word.children) \
                and not any(c.lower_ == "of" for c in word.children):
            return True
    return False


def _figure(doc: Doc, amount: Amount, sent: Span, ctx: SourceContext, times: list[TimeRef],
            earlier: list[Figure]) -> Figure | None:
    anchor = _anchor(doc, amount)
    money_or_percent = amount.currency or amount.percent or amount.fraction
    noun = None if amount.currency or amount.percent or amount.unit else _counted_noun(doc, amount, anchor, sent)
    counts, unit_text = _classify(doc, amount, noun, anchor, sent)
    first = doc[amount.num_start]
    # Small numbers in words are mostly not figures ("the two leaders", "one of the", "on one side").
    if amount.spelled and amount.value is not None and amount.value <= 12 and not money_or_percent:
        before = doc[amount.start - 1].lower_ if amount.start > 0 else ""
        after = doc[amount.end].lower_ if amount.end < len(doc) else ""
        if counts is None or (counts == "other" and (noun is None or amount.value == 1)) or before in W.REFERRING or before == "no" or (
            amount.value == 1 and (after in W.PRONOUN_ONE_NEXT or first.pos_ == "PRON" or noun is None)
        ):
            return None
    last = amount.end - 1
    if noun is not None and amount.end <= noun.i < min(sent.end, amount.end + 7):
        last = noun.i
        if (rate := _rate_after(doc, noun, sent)) is not None and unit_text and unit_text.endswith(rate[2]):
            last = rate[0] - 1  # the span holds the rate it states
    text, start, end = span_text(doc, amount.start, last)
    if unit_text and unit_text.endswith(".") and unit_text.count(".") == 1 and len(unit_text) > 1 and unit_text != "in." \
            and (last == sent.end - 1 or (last == sent.end - 2 and doc[sent.end - 1].is_punct)):
        unit_text = unit_text[:-1]  # "at 125.8 p.": the sentence's full stop is not the unit's
    path = _path(anchor, noun)
    owner = noun if noun is not None else (anchor.head if anchor.dep_ in ("compound", "nummod") and anchor.head.pos_ == "NOUN" else None)
    subject, subject_text, giver = _subject(ctx, amount, owner, anchor)
    if subject_text is None and earlier and _anaphoric(doc, sent, amount):
        # "5,000 Ruritanian troops, and this number could double to 10,000": the same owner
        same = [f for f in earlier if f.counts == counts and f.subject_text] or [None]
        if same[-1] is not None:
            subject, subject_text = same[-1].subject, same[-1].subject_text
    if noun is None and counts is None and anchor.dep_ in ("nsubj", "nsubjpass", "dobj") and earlier \
            and earlier[-1].start >= sent.start_char and earlier[-1].counts == "troops" \
            and not (amount.unit or amount.currency or amount.percent):
        # "400 troops are based there, while about 8,000 have taken part": a bare headcount standing
        # for the troops said just before counts them too (a toll's verb says its own kind)
        counts = earlier[-1].counts
    if noun is None and subject_text is None and counts in CASUALTY_MEASURES and earlier \
            and earlier[-1].start >= sent.start_char and earlier[-1].counts in CASUALTY_MEASURES \
            and earlier[-1].unit_text and not (amount.unit or amount.currency or amount.percent):
        # "killed 300 Russian soldiers and wounded 500", "120 troops were killed and 300 injured":
        # the counted noun is said once, and so is whose they are.
        subject, subject_text, unit_text = earlier[-1].subject, earlier[-1].subject_text, earlier[-1].unit_text
    if amount.currency and giver and ctx.quote_at(start, end) is None:
        # A pledge is its donor's own figure, whoever reports the pledge.
        attributed_to, attributed_text = subject, subject_text
    else:
        attributed_to, attributed_text = attribution(ctx, start, end, path, sent)
    return Figure(
        doc=(doc._.doc_id if Doc.has_extension("doc_id") else None) or "",
        start=start, end=end, text=text,
        value=amount.value, low=amount.low, high=amount.high, qualifier=amount.qualifier,
        counts=counts, unit_text=unit_text, subject=subject, subject_text=subject_text,
        stage=_stage(amount, noun, path), date=_date(times, sent, path, noun),
        attributed_to=attributed_to, attributed_text=attributed_text, status=_status(sent, path),
        change_from=amount.change_from,
    )


def extract_figures(doc: Doc, times: list[TimeRef] | None = None) -> list[Figure]:
    """Every quantity stated in ``doc``, with its context read from the parse."""
    if times is None:
        times = doc._.times if Doc.has_extension("times") and doc._.times is not None else extract_times(doc)
    ctx = SourceContext(doc)
    figures = []
    text = doc.text  # built on every access: read it once
    for sent in doc.sents:
        if is_reference_line(line_of(text, sent.start_char)):
            continue  # bibliography entries: page numbers and years, not figures
        for amount in find_amounts(doc, sent.start, sent.end):
            if not_a_quantity(doc, amount, ctx):
                continue
            figure = _figure(doc, amount, sent, ctx, times, figures)
            if figure is not None:
                figures.append(figure)
    return figures


class FiguresComponent:
    """Pipeline component: fills ``doc._.figures`` with Figure records."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.figures = extract_figures(doc)
        return doc


@Language.factory("storyline_figures", requires=["doc.ents", "token.dep", "doc._.times", "doc._.mentions", "doc._.quotes",
                                                        "doc._.frames"],
                  assigns=["doc._.figures"])
def make_figures(nlp: Language, name: str) -> FiguresComponent:
    from storyline.nlp.pipeline import register_extensions

    register_extensions()
    return FiguresComponent()
