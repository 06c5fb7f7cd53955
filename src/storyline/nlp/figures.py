"""Quantities in a report, with what they count, whose they are and who gives them: ``storyline_figures``."""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from storyline.models import Figure, TimeRef
from storyline.nlp import figure_words as W
from storyline.nlp.figure_sources import (POLL_NOUNS, SourceContext, attribution, entity_text, gapped_source, is_actor,
                                         paragraph_poll, span_text)
from storyline.nlp.amounts import Amount, find_amounts
from storyline.nlp.figure_filters import RE_ENDS_SENTENCE, not_a_quantity, person_word
from storyline.nlp.currencies import currency_name
from storyline.nlp.figure_antecedents import gapped, noun_said_after, partitive, unit_said_before
from storyline.nlp.figure_measures import anchor_of, classify, counted_noun, rate_after
from storyline.nlp.figure_money import money_in_context
from storyline.nlp.number_words import SCALE_SUFFIXES
from storyline.nlp.grammar import lemma
from storyline.nlp.pipeline import text_of
from storyline.nlp.units import DURATIONS, singular
from storyline.nlp.times import extract_times, is_reference_line, line_of

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
    # forces gathered, placed or withdrawn, and weapons fired, stay the mover's: "Peru concentrated 9,000 troops"
    "concentrate", "gather", "assemble", "position", "place", "move", "relocate", "withdraw", "redeploy", "rotate", "muster",
    "launch", "fire", "invest", "recruit",
) | {"build", "builds", "built", "building", "keep", "keeps", "kept", "keeping", "withdrew", "withdrawn",
     "send", "sends", "sent", "sending", "give", "gives", "gave", "given", "giving", "lose", "loses",
     "lost", "losing", "spend", "spends", "spent", "spending"}
# Verbs of an authority that lets a sum be spent ("the House approved a $61bn package"): it says whose
# decision the sum is, not that the approver gives the figure as a donor gives its pledge.
AUTHORISE_VERBS = W.inflect("approve", "authorise", "authorize")
# Counts of people in a conflict or disaster: a number standing alone after one of them counts the same people.
CASUALTY_MEASURES = frozenset({"killed", "wounded", "prisoners", "troops", "casualties", "displaced", "refugees"})
# Counts of people: "from" names whose they are ("2,000 soldiers from Chad"), not a seller or a maker.
PERSON_MEASURES = CASUALTY_MEASURES | {"people", "prisoners"}
# Units of length: a distance "of" or "from" a place does not belong to it.
LENGTH_UNITS = frozenset({"metre", "kilometre", "centimetre", "millimetre", "mile", "foot", "yard", "nautical mile", "inch"})
# Nouns that only carry the sum after their "of": "a total of $9bn", "an amount of 40 tanks".
SUM_NOUNS = frozenset("total sum amount tally".split())
# Prepositions that carry a quantity to its verb ("lost between 3,000 and 4,000 vehicles", "sent around 500 troops").
QUANTITY_PREPS = frozenset("between around about over nearly under".split())
# Counts one has as one's own: forces and tolls ("Peru has 1,700 personnel there").
HELD_MEASURES = frozenset({"troops", "casualties", "killed", "wounded"})
STAGE_DEPS = frozenset("amod det advmod npadvmod nummod quantmod".split())


def _subject(ctx: SourceContext, amount: Amount, noun: Token | None, anchor: Token) -> tuple[str | None, str | None, bool]:
    """Whose troops, casualties or money: "North Korean troops", "Russia's losses", "Germany pledged".

    The third item is True when the owner is the one who gives or sends it (a pledge's donor), not
    when it only approves it.
    """
    if noun is not None:
        people = (W.COUNT_OF.get(noun.lower_) or W.COUNT_OF.get(singular(noun.lower_))) in PERSON_MEASURES \
            or person_word(singular(noun.lower_))
        for child in noun.children:
            if child.dep_ in ("compound", "nmod") and not people and child.ent_type_ not in ("GPE", "NORP") \
                    and ctx.mention_at(child.idx) is None:
                # "six Caesar artillery systems", "50 Bradley fighting vehicles": a name that is no actor's
                # mention before a thing is its make or model, not its owner (unlike "30 NATO jets")
                continue
            if child.dep_ in ("amod", "compound", "nmod", "poss") and is_actor(ctx, child) and not _regional(ctx, child):
                return (*entity_text(ctx, child), False)
        # "2,000 soldiers from Chad" are Chad's; "100,000 suits from a Shanghai firm" are bought from it, not its
        # "within 200 kilometres of Bakhmut", "56 miles from Kyiv": a distance is from a place, not the place's
        distance = amount.unit in LENGTH_UNITS
        for child in ([] if distance else noun.children):
            if child.dep_ == "prep" and (child.lower_ == "of" or child.lower_ == "from" and people):
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and is_actor(ctx, pobj) and not (child.lower_ == "from" and pobj.ent_type_ == "LOC"):
                        # (people "from the Middle East" come from a region, a side of no one's)
                        return (*entity_text(ctx, pobj), False)
    # "North Korea sent 10,000 troops", "Germany pledged €40m", "euros released by the EU".
    candidates = [t for t in (noun, anchor, anchor.head) if t is not None]
    for token in candidates:
        if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lower_ in SUM_NOUNS:
            token = token.head.head  # "sent Ukraine a total of $9.1 billion": the sum is the verb's object
        listed = token
        for _ in range(6):  # "lost 24,000 soldiers, 1,000 tanks and 500 artillery systems": a later item is the first's
            if listed.dep_ not in ("conj", "appos") or listed.head.pos_ not in ("NOUN", "PROPN", "NUM") or (
                    listed.dep_ == "appos" and not (_counted_by_number(listed) and _counted_by_number(listed.head))):
                break  # (a list read as an apposition, "sent 200 tents, 40 generators and ...", has numbers on both)
            listed = listed.head
        if listed is not token and listed.dep_ in ("dobj", "nsubjpass"):
            token = listed
        governor = token.head
        if token.dep_ == "pobj" and governor.lower_ in QUANTITY_PREPS and governor.head.pos_ in ("VERB", "AUX"):
            governor = governor.head  # "Peru has lost between 3,000-4,000 vehicles": the range's noun is the verb's object
        elif token.dep_ == "conj" and token.pos_ == "NOUN" and governor.pos_ == "VERB" \
                and any(c.dep_ == "dobj" for c in governor.children):
            pass  # "lost 2,000 soldiers, 90 trucks, and 40 guns" with the last item hung on the verb: its object too
        elif token.dep_ == "nsubj" and governor.tag_ == "VBN" and governor.dep_ in ("ccomp", "xcomp", "oprd") \
                and governor.head.lemma_ == "have":
            governor = governor.head  # "where Peru already has 1,700 personnel deployed": had, as a force in place
        elif token.dep_ not in ("dobj", "nsubjpass"):
            governor = None
        verbs = [governor] if governor is not None else []
        verbs += [c for c in token.children if c.dep_ == "acl"]
        for verb in verbs:
            # "Peru has 1,700 personnel there", "has had 70,000 casualties": a force or a toll one has is one's own
            # (not prisoners or refugees one holds or hosts)
            held = verb.lemma_ == "have" and noun is not None and (noun.lower_ == "losses" or (
                W.COUNT_OF.get(noun.lower_) or W.COUNT_OF.get(singular(noun.lower_))) in HELD_MEASURES)
            if verb.lower_ not in POSSESS_VERBS and not held:
                continue
            children, controller, borrowed = list(verb.children), None, []
            if not any(c.dep_ in ("nsubj", "nsubjpass") for c in children) and (controller := _controller(verb)) is not None:
                # "Germany agreed to send 14 tanks", "the US has committed to sending $9bn", "Kyiv urged Berlin
                # to send tanks": the verb's unsaid subject is the one who controls it
                children.append(controller)
            elif verb.dep_ in ("advcl", "conj") and not any(c.dep_ in ("nsubj", "nsubjpass") for c in children):
                # "Peru, while mobilizing 20,000 troops, denies ...", "Peru has 2,000 troops and has lost 40": the
                # clause's subject is the sentence's
                borrowed = [c for c in verb.head.children if c.dep_ == "nsubj"]
                children += borrowed  # (whose they are, but the clause is no statement of theirs: not the giver)
            gapped = [c for c in children if c.dep_ == "conj" and c.i < token.i and is_actor(ctx, c)
                      and any(d.dep_ == "dobj" and d.i < c.i for d in children)]
            if gapped and governor is not None and verb.i == governor.i:
                # "Uruguay pledged $2 million and Spain up to €1.5 million": the second clause's verb is left
                # out, its subject standing between the two objects
                return (*entity_text(ctx, gapped[-1]), verb.lower_ not in AUTHORISE_VERBS)
            for child in children:
                if child.dep_ == "nsubj" and child.lower_ == "it" and verb.dep_ == "ccomp" and governor is not None and verb.i == governor.i:
                    # "the government announced it would send 3,000 troops": "it" is the one who announces it
                    child = next((c for c in verb.head.children if c.dep_ == "nsubj" and c.tag_ in ("NN", "NNP")), child)
                if (child.dep_ in ("nsubj", "nsubjpass", "dobj") or child is controller) and (child.dep_ == "nsubj" or child.head.i != verb.i) \
                        and governor is not None and verb.i == governor.i and (actor := _actor_at(ctx, child)) is not None:
                    # (one who only agrees, plans or is urged to give is the sum's owner, not its giver)
                    return (*entity_text(ctx, actor), verb.lower_ not in AUTHORISE_VERBS and child is not controller
                            and child not in borrowed)
                if child.dep_ == "agent":
                    for pobj in child.children:
                        if pobj.dep_ == "pobj" and is_actor(ctx, pobj):
                            return (*entity_text(ctx, pobj), verb.lower_ not in AUTHORISE_VERBS)
    if (owner := _listed_losses_owner(ctx, noun if noun is not None else anchor)) is not None:
        return (*entity_text(ctx, owner), False)
    if (owner := _level_owner(ctx, noun if noun is not None else anchor)) is not None:
        return (*entity_text(ctx, owner), False)
    return None, None, False


# Verbs that bring a stated quantity to a level: "takes Australia's contributions to $116m", "put
# Peru's losses at 300".
LEVEL_SETTING_VERBS = W.inflect("take", "bring", "raise", "lift", "increase", "push", "boost", "cut", "reduce", "lower",
                                "put", "estimate", "place")


def _level_owner(ctx: SourceContext, token: Token) -> Token | None:
    """The side named in the quantity a verb brings to this figure: "takes Australia's military contributions
    to Ukraine to $116m" (Australia's), "put the region's losses at 300" (when the region is an actor)."""
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ not in ("to", "at") or prep.head.lower_ not in LEVEL_SETTING_VERBS:
        return None
    for measured in prep.head.children:
        if measured.dep_ == "dobj" and measured.pos_ == "NOUN" and measured.i < prep.i:
            for child in measured.children:
                if child.dep_ in ("poss", "amod", "compound") and is_actor(ctx, child) and not _regional(ctx, child):
                    return child
    return None


# Nouns that sum up one side's losses, whose items a verb lists ("Russian losses include 579 tanks").
LOSS_NOUNS = frozenset({"loss", "losses", "casualties", "toll"})
LISTING_VERBS = W.inflect("include", "comprise", "reach", "total", "amount", "number") | frozenset(
    "stand stands stood standing is are was were".split())


def _regional(ctx: SourceContext, token: Token) -> bool:
    """An adjective of a continent or region that names no actor ("17 African nations", "European
    countries"): it says where the counted things are, not whose they are."""
    return token.dep_ == "amod" and entity_text(ctx, token)[0] is None


def _actor_at(ctx: SourceContext, token: Token) -> Token | None:
    """The actor a subject names: itself, or the state or body that owns it ("Chile's government", "the
    city's council"), when the subject is a common noun that names no actor of its own."""
    if is_actor(ctx, token):
        return token
    if token.pos_ == "NOUN":
        return next((c for c in token.children if c.dep_ == "poss" and is_actor(ctx, c)), None)
    return None


def _counted_by_number(noun: Token) -> bool:
    return any(c.dep_ == "nummod" for c in noun.children)


def _listed_losses_owner(ctx: SourceContext, token: Token) -> Token | None:
    """The side whose losses a verb lists: "Russian losses include 66,180 soldiers killed and the destruction
    of 579 tanks", "Ukraine's losses stood at 40 aircraft": the nearest verb above the figure, when its subject
    is a noun of losses that names whose they are."""
    for node in list(token.ancestors)[:8]:
        if node.pos_ not in ("VERB", "AUX") or node.dep_ == "acl":
            continue  # "4,120 soldiers killed along with ...": a participle describes, the verb above lists
        if node.lower_ not in LISTING_VERBS:
            return None
        for subject in node.children:
            if subject.dep_ == "nsubj" and subject.lower_ in LOSS_NOUNS:
                for child in subject.children:
                    if child.dep_ in ("amod", "compound", "nmod", "poss") and is_actor(ctx, child):
                        return child
        return None
    return None


# Nouns of one's own intention, whose infinitive's unsaid subject is the one who has it ("a plan to invest").
INTENT_NOUNS = frozenset("plan plans pledge pledges promise promises commitment commitments decision decisions offer "
                         "intent intention intentions bid".split())


def _controller(verb: Token) -> Token | None:
    """Who does what an infinitive or a gerund with no subject of its own says: the object of the verb that
    governs it when it has one ("urged Berlin to send"), else that verb's subject ("agreed to send",
    "is expected to send", "committed to sending")."""
    for _ in range(3):  # "wants to continue to send": up a short chain of such verbs
        if verb.dep_ == "acl" and verb.head.lower_ in INTENT_NOUNS and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            # "announced a plan to invest $75 billion", "Peru's decision to send 300 medics": whose the plan is
            intent = verb.head
            owner = next((c for c in intent.children if c.dep_ == "poss" and c.pos_ != "PRON"), None)
            if owner is None and intent.dep_ == "dobj":  # ("announced its intent to add": the announcer)
                owner = next((c for c in intent.head.children if c.dep_ == "nsubj"), None)
            return owner
        if verb.dep_ == "xcomp":
            governing = verb.head
        elif verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ in ("VERB", "AUX", "ADJ"):
            governing = verb.head.head
        else:
            return None
        children = list(governing.children)
        for dep in ("dobj", "nsubj", "nsubjpass"):
            found = next((c for c in children if c.dep_ == dep), None)
            if found is not None:
                return found
        verb = governing
    return None


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


def _date(times: list[TimeRef], sent: Span, path: list[Token], noun: Token | None, amount: Amount) -> str | None:
    """The value of a DATE attached to the figure's clause or to its noun phrase; never the
    figure's own number ("1260 soldiers", marked a year by NER)."""
    doc = sent.doc
    lo, hi = doc[amount.num_start].idx, doc[amount.num_end - 1].idx + len(doc[amount.num_end - 1])

    def own(ref: TimeRef) -> bool:
        return ref.start < hi and lo < ref.end

    here = [t for t in times if t.value and sent.start_char <= t.start < sent.end_char and not own(t)]
    if not here:
        return None
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


def _previous_start(sent: Span) -> int:
    """Where the sentence before this one starts (this one's start when it is the first)."""
    return sent.doc[sent.start - 1].sent.start_char if sent.start > 0 else sent.start_char


def _anaphoric(doc: Doc, sent: Span, amount: Amount) -> bool:
    """True when the sentence speaks of an earlier figure ("this number", "the figure") before this one."""
    for word in doc[sent.start: amount.start]:
        if word.lower_ in ANAPHORS and any(c.dep_ == "det" and c.lower_ in ("this", "that", "the") for c in word.children) \
                and not any(c.lower_ == "of" for c in word.children):
            return True
    return False


def _figure(doc: Doc, amount: Amount, sent: Span, ctx: SourceContext, times: list[TimeRef],
            earlier: list[Figure]) -> Figure | None:
    anchor = anchor_of(doc, amount)
    money_or_percent = amount.currency or amount.percent
    noun = None if amount.currency or amount.percent or amount.unit else counted_noun(doc, amount, anchor, sent)
    if noun is not None and amount.num_end <= noun.i < amount.end:
        noun = None  # "300-plus", "40-odd": the amount's own qualifier, not what it counts
    counts, unit_text, unit = classify(doc, amount, noun, anchor, sent)
    if counts is None and noun is None and (code := money_in_context(doc, amount, anchor, sent, [
            f.counts[6:] for f in earlier if f.counts and f.counts.startswith("money:") and " per " not in f.counts])):
        counts, unit = f"money:{code}", currency_name(code)  # "billions in military aid": the report's currency
    first = doc[amount.num_start]
    # Small numbers in words are mostly not figures ("the two leaders", "one of the", "on one side").
    if amount.spelled and amount.value is not None and amount.value <= 12 and not money_or_percent:
        before = doc[amount.start - 1].lower_ if amount.start > 0 else ""
        after = doc[amount.end].lower_ if amount.end < len(doc) else ""
        referring = before in W.REFERRING and counts not in ("killed", "wounded", "casualties")  # "the two soldiers killed"
        toll = counts in ("killed", "wounded", "casualties") and noun is None and amount.qualifier is not None
        # ("one metre", "one tonne": a measure in its unit; "one day", "at one point" are ways of speaking)
        measure = amount.unit is not None and amount.unit not in DURATIONS.values() and amount.unit not in W.IDIOM_UNITS
        # "four battalions and one special forces detachment": one more item of a list of counts is a count too
        listed = noun is not None and noun.dep_ == "conj" and any(c.dep_ == "nummod" for c in noun.head.children)
        if counts is None or (counts == "other" and (noun is None or amount.value == 1 and not listed)) or referring \
                or before == "no" or (
            amount.value == 1 and not measure and (
                after in W.PRONOUN_ONE_NEXT or first.pos_ == "PRON" or noun is None and not toll
                or noun is not None and noun.tag_ == "NNS")  # "one people": a nation, not a count
        ):  # ("killing at least one and wounding six": a toll of one, said with its qualifier)
            return None
    last = amount.end - 1
    if noun is not None and amount.end <= noun.i < min(sent.end, amount.end + 7):
        last = noun.i
        if (rate := rate_after(doc, noun, sent)) is not None and unit_text and unit_text.endswith(rate[2]):
            last = rate[0] - 1  # the span holds the rate it states
    text, start, end = span_text(doc, amount.start, last)
    if text.endswith(".") and doc[last].text[:-1].lower() in SCALE_SUFFIXES and (
            last == sent.end - 1 or doc[last + 1].is_punct or doc[last + 1].is_space or doc[last + 1].is_title):
        text, end = text[:-1], end - 1  # "would cost $350m.": the sentence's full stop is not the scale's
    if last == amount.num_end - 1 and RE_ENDS_SENTENCE.match(doc[last].text):
        text, end = text[:text.rindex(".")], end - (len(text) - text.rindex("."))  # "27.The": the number alone
    if amount.skip_chars and amount.start == amount.num_start:
        text, start = text[amount.skip_chars:], start + amount.skip_chars  # "2008.15 years": the year ends the sentence before
    if unit_text and unit_text.endswith(".") and unit_text.count(".") == 1 and len(unit_text) > 1 and unit_text != "in." \
            and (last == sent.end - 1 or (last == sent.end - 2 and doc[sent.end - 1].is_punct)):
        unit_text = unit_text[:-1]  # "at 125.8 p.": the sentence's full stop is not the unit's
        unit = unit[:-1] if unit and unit.endswith(".") else unit
    path = _path(anchor, noun)
    owner = noun if noun is not None else (anchor.head if anchor.dep_ in ("compound", "nummod") and anchor.head.pos_ == "NOUN" else None)
    subject, subject_text, giver = _subject(ctx, amount, owner, anchor)
    if noun is None and counts is None and not (amount.unit or amount.currency or amount.percent) and earlier \
            and earlier[-1].counts and _anaphoric(doc, sent, amount) and earlier[-1].start >= _previous_start(sent):
        counts, unit_text, unit = earlier[-1].counts, earlier[-1].unit_text, earlier[-1].unit  # "this number may reach"
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
    if noun is None and counts is None and anchor.dep_ == "conj" and earlier and earlier[-1].start >= sent.start_char \
            and _joined_to(anchor, earlier[-1]) and not (amount.unit or amount.currency or amount.percent):
        # "3,000 from the brigade and 2,000 who are stationed abroad": a bare number joined to a counted one
        # counts the same things, the same side's
        last = earlier[-1]
        counts, unit_text, unit = last.counts, last.unit_text, last.unit
        if subject_text is None:
            subject, subject_text = last.subject, last.subject_text
    if noun is None and subject_text is None and counts in CASUALTY_MEASURES and earlier \
            and earlier[-1].start >= sent.start_char and earlier[-1].counts in CASUALTY_MEASURES \
            and earlier[-1].unit_text and not (amount.unit or amount.currency or amount.percent):
        # "killed 300 Russian soldiers and wounded 500", "120 troops were killed and 300 injured":
        # the counted noun is said once, and so is whose they are.
        subject, subject_text, unit_text, unit = (earlier[-1].subject, earlier[-1].subject_text,
                                                   earlier[-1].unit_text, earlier[-1].unit)
    owner_of = noun if noun is not None else anchor
    if subject_text is None and earlier and (whole := _whole_of(doc, amount, owner_of, sent, earlier, counts)) is not None:
        subject, subject_text = whole.subject, whole.subject_text  # "the 3,000 troops include 2,000 ...": the whole's side
    if counts in ("other", "people", "troops") and owner_of.dep_ == "pobj" and owner_of.head.lower_ in ("including", "among") \
            and earlier and earlier[-1].start >= sent.start_char and earlier[-1].counts in CASUALTY_MEASURES - {"troops"} \
            and not (amount.unit or amount.currency or amount.percent):
        # "14 miners were killed, including three foreigners": part of the toll, with its measure
        counts = earlier[-1].counts
    elif counts is None and noun is None and owner_of.dep_ == "pobj" and owner_of.head.lower_ in ("including", "among") \
            and earlier and earlier[-1].start >= sent.start_char and earlier[-1].counts is not None \
            and not (amount.unit or amount.currency or amount.percent):
        # "100,000 people have crossed, including 9,000 who came on Saturday": some of those just counted
        counts, unit_text, unit = earlier[-1].counts, earlier[-1].unit_text, earlier[-1].unit
    if noun is None and counts is None and not (amount.unit or amount.currency or amount.percent or amount.vague) \
            and (said := unit_said_before(doc, amount, sent, earlier)) is not None:
        # "the DAX rose by 2 percent and the CAC by 1", "closed at 1,463 points ... ended at 1,334":
        # a bare number after the same word as a measured one just before is in its unit
        counts, unit_text, unit = said.counts, said.unit_text, said.unit
    if noun is None and counts is None and not (amount.unit or amount.currency or amount.percent or amount.vague) \
            and (whole := partitive(doc, amount, sent, earlier)) is not None:
        counts, unit_text, unit = whole.counts, whole.unit_text, whole.unit  # "disabling 16 of the 36 launched"
    gap_date = None
    if noun is None and counts is None and not (amount.unit or amount.currency or amount.percent or amount.vague) \
            and (first := gapped(doc, amount, sent, earlier)) is not None:
        # "310 mm in 2021 and 180 this year", "killed 40 people on Monday and 12 on Tuesday": one thing at two times
        counts, unit_text, unit = first.counts, first.unit_text, first.unit
        if subject_text is None:
            subject, subject_text = first.subject, first.subject_text
        gap_date = _own_time(doc, amount, times)
    level_of = None
    if noun is None and counts is None and not (amount.unit or amount.currency or amount.percent or amount.vague) \
            and (level_of := _level_after(anchor, earlier, sent)) is not None:
        # "rose by 3%, or 2,100 people, to reach 71,000": a level the parse hangs on the step's noun counts what it counts
        counts, unit_text, unit = level_of.counts, level_of.unit_text, level_of.unit
    if amount.currency and giver and ctx.quote_at(start, end) is None:
        # A pledge is its donor's own figure, whoever reports the pledge.
        attributed_to, attributed_text = subject, subject_text
    else:
        attributed_to, attributed_text = attribution(ctx, start, end, path, sent)
    if level_of is not None and attributed_text is None:
        attributed_to, attributed_text = level_of.attributed_to, level_of.attributed_text  # the same clause's giver
    if attributed_text is not None and any(f.start >= sent.start_char and f.attributed_text == attributed_text for f in earlier) \
            and (gap := gapped_source(ctx, doc[amount.start])) is not None:
        attributed_to, attributed_text = gap  # "the governor said 40 were killed and the fire service, 12"
    return Figure(
        doc=(doc._.doc_id if Doc.has_extension("doc_id") else None) or "",
        start=start, end=end, text=text,
        value=amount.value, low=amount.low, high=amount.high, qualifier=amount.qualifier,
        counts=counts, unit_text=unit_text, unit=unit, subject=subject, subject_text=subject_text,
        stage=_stage(amount, noun, path), date=gap_date or _date(times, sent, path, noun, amount),
        attributed_to=attributed_to, attributed_text=attributed_text, status=_status(sent, path),
        change_from=amount.change_from,
    )


LEVEL_VERBS = W.inflect("reach", "total", "top", "hit", "exceed", "surpass")
# Verbs whose object lists the parts of their subject ("the 3,000 troops include 2,000 paratroopers").
PART_VERBS = W.inflect("include", "comprise")
# Words before a number that point back to a figure already given ("the 3,000 troops", "these 40 tanks").
DEFINITE = frozenset("the these those".split())


def _whole_of(doc: Doc, amount: Amount, token: Token, sent: Span, earlier: list[Figure], counts: str | None) -> Figure | None:
    """The earlier figure with a side whose part or repetition this one is, so that it is the same side's:
    a part "including" or "among" a sum ("provided $156m, including $91m in military aid"), the object of
    "include" or "comprise" when the subject is that sum ("the 3,000 troops include 2,000 from ... and
    1,000 ..."), or the same number and measure said again with "the" ("will deploy 3,000 more U.S.
    troops ... The 3,000 troops ...")."""
    if amount.start > 0 and doc[amount.start - 1].lower_ in DEFINITE and counts is not None:
        again = [f for f in earlier if f.value is not None and f.value == amount.value and f.counts == counts]
        if again and again[-1].subject_text:
            return again[-1]
    listed = token
    for _ in range(6):  # "include 2,000 from ... and 1,000 who ...": a later item is the first's
        if listed.dep_ != "conj" or listed.head.pos_ not in ("NOUN", "PROPN", "NUM"):
            break
        listed = listed.head
    head = listed.head
    if listed.dep_ == "pobj" and head.lower_ in ("including", "among"):
        whole = head.head
        if whole.pos_ in ("VERB", "AUX"):  # "provided $156m ..., including $91m": the prepositional phrase hangs on the verb
            whole = next((c for c in whole.children if c.dep_ == "dobj"), None)
    elif listed.dep_ == "dobj" and head.lower_ in PART_VERBS:
        whole = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    else:
        return None
    if whole is None:
        return None
    for figure in reversed(earlier):
        if figure.start < sent.start_char:
            return None
        if figure.start <= whole.idx < figure.end:
            return figure if figure.subject_text else None
    return None


def _level_after(anchor: Token, earlier: list[Figure], sent: Span) -> Figure | None:
    """The figure whose noun the parse hangs a level's verb on ("2,100 people, to reach 71,000": "reach" read as a
    clause of "people"), when that figure is in this sentence and counts something."""
    verb = anchor.head
    if anchor.dep_ != "dobj" or verb.lower_ not in LEVEL_VERBS or verb.dep_ not in ("acl", "relcl"):
        return None
    noun = verb.head
    return next((f for f in reversed(earlier) if f.start >= sent.start_char and f.counts
                 and f.start <= noun.idx < f.end), None)


def _own_time(doc: Doc, amount: Amount, times: list[TimeRef]) -> str | None:
    """The date said right after a number in a gapped clause ("and 180 in May"): that number's own."""
    end = doc[amount.end - 1].idx + len(doc[amount.end - 1])
    limit = doc[min(len(doc), amount.end + 2) - 1].idx + len(doc[min(len(doc), amount.end + 2) - 1])
    for ref in times:
        if ref.value and end <= ref.start <= limit:
            return ref.value
    return None


def _joined_to(anchor: Token, last: Figure) -> bool:
    """True when a bare number is a conjunct of the figure just made: of its number ("700 from the unit and
    200 who ...") or, in a parse that joins the clauses, of the verb whose object that figure is ("counted 40
    fishermen and 12 who ...")."""
    head = anchor.head
    if last.start <= head.idx < last.end:
        return head.like_num
    return any(last.start <= c.idx < last.end and c.dep_ in ("dobj", "nsubjpass") for c in head.children if c.i < anchor.i)


def extract_figures(doc: Doc, times: list[TimeRef] | None = None) -> list[Figure]:
    """Every quantity stated in ``doc``, with its context read from the parse."""
    if times is None:
        times = doc._.times if Doc.has_extension("times") and doc._.times is not None else extract_times(doc)
    ctx = SourceContext(doc)
    figures = []
    text = text_of(doc)
    for sent in doc.sents:
        if is_reference_line(line_of(text, sent.start_char)):
            continue  # bibliography entries: page numbers and years, not figures
        made: dict[int, Figure] = {}
        levels: list[tuple[Figure, Figure]] = []
        anchors: dict[int, Token] = {}
        waiting = []
        for amount in find_amounts(doc, sent.start, sent.end):
            if amount.joined is not None:
                waiting.append(amount)  # read as the number whose noun it shares, if that one is a figure
                continue
            if not_a_quantity(doc, amount, ctx):
                continue
            figure = _figure(doc, amount, sent, ctx, times, figures)
            if figure is not None:
                if amount.previous is not None and (old := _level_from(doc, amount, figure, times)) is not None:
                    figures.append(old)
                    figure = replace(figure, start=doc[amount.level_start].idx, text=text_of(doc)[doc[amount.level_start].idx:figure.end])
                    levels.append((old, figure))
                figures.append(figure)
                made[amount.num_start] = figure
                anchors[amount.num_start] = anchor_of(doc, amount)
        respondents = _respondents_give_nothing(list(made.values()))
        _poll_shares(ctx, [(anchors[k], made[k]) for k in sorted(made)], respondents)
        _noun_said_last([(anchors[k], made[k]) for k in sorted(made)])
        _same_as_level(levels)
        for amount in waiting:
            figures.append(_shared(doc, amount, made.get(amount.joined)))
        if waiting:
            figures = [f for f in figures if f is not None]
            figures.sort(key=lambda f: f.start)
    return figures


def _level_from(doc: Doc, amount: Amount, figure: Figure, times: list[TimeRef]) -> Figure | None:
    """"rose from 300 to 969": the old level as a figure of its own, ``stage`` ``previous`` (a level the count has
    left, compared with no current count), said before the new one, which keeps it as ``change_from``. Both are the
    same measure, side and source."""
    old = amount.previous
    if old is None or amount.level_start is None:
        return None
    first, last = doc[old.start], doc[old.end - 1]
    start, end = first.idx, last.idx + len(last)
    if end > figure.end or doc[amount.level_start].idx >= figure.end or start < figure.start:
        return None
    return replace(figure, start=start, end=end, text=text_of(doc)[start:end], value=old.value, low=old.low,
                   high=old.high, qualifier=old.qualifier, change_from=None, stage="previous",
                   date=_own_time(doc, old, times))


def _same_as_level(levels: list[tuple[Figure, Figure]]) -> None:
    """The old level of a change reads what its sentence's later rules gave the new one: measure, side, source."""
    for old, new in levels:
        old.counts, old.unit_text, old.unit = new.counts, new.unit_text, new.unit
        old.subject, old.subject_text = new.subject, new.subject_text
        old.attributed_to, old.attributed_text = new.attributed_to, new.attributed_text


def _respondents_give_nothing(sentence: list[Figure]) -> set[int]:
    """"73 percent say ...", "61 percent of farmers and 57 percent of teachers saying ...": a share
    of people who say something is what a poll found, not who gives a figure; a source read from such a
    phrase is dropped (for every figure of the sentence). Returns the starts of the figures it was dropped from."""
    shares = [f.text for f in sentence if f.counts == "percent"]
    dropped = set()
    for figure in sentence:
        if figure.attributed_text and any(share in figure.attributed_text for share in shares):
            figure.attributed_to = figure.attributed_text = None
            dropped.add(figure.start)
    return dropped


def _poll_shares(ctx: SourceContext, sentence: list[tuple[Token, Figure]], respondents: set[int] = frozenset()) -> None:
    """"61 percent say ...", "Fifty percent oppose ...": a share of respondents, the subject of what they say, with no
    source of its own is what the poll its paragraph named before it found. A share holding an opinion ("72 percent
    oppose", "47 percent are opposed", "with 68 percent of farmers saying ...") is the finding of the last poll the
    report named before it, in any paragraph. A share restating the subject's ("About 2 in 3 voters, or 66 percent,
    say ...") is that subject. Once one share of a sentence is a poll's finding, so are the sentence's other shares
    with no source of their own ("42 percent approve, up from 33 percent", "as do 67 percent of voters overall",
    "with 81 percent saying ..., 80 percent concerned ..."). A share said to be "in the new poll" is that poll's, and so
    is one whose source was a phrase of shares of respondents (``respondents``: "More than 70% in the north, the coast
    (74%) and the valley (81%) said ...", the shares in brackets read as the speakers)."""
    shares = [(_restated(anchor.head if anchor.dep_ == "nummod" else anchor), figure) for anchor, figure in sentence
              if figure.counts == "percent"]
    # ("with 68 percent of farmers and 30 percent of fishers saying ...": the participle may hang on either)
    held = any(_opinion(share) for share, _ in shares)
    polled = next(((f.attributed_to, f.attributed_text) for _, f in shares
                   if f.attributed_text and POLL_NOUNS & set(f.attributed_text.lower().split())), None)
    for share, figure in shares:
        if figure.attributed_text is not None:
            continue
        poll = None
        if share.dep_ in ("nsubj", "nsubjpass") and share.head.pos_ in ("VERB", "AUX") or figure.start in respondents:
            poll = paragraph_poll(ctx, figure.start)
        if poll is None and (_opinion(share) or held and _with(share)):
            poll = paragraph_poll(ctx, figure.start, report=True)
        if poll is None and (named := _in_poll(share)) is not None:
            poll = paragraph_poll(ctx, named.idx + len(named), report=True)
        if poll is not None:
            figure.attributed_to, figure.attributed_text = poll
            polled = polled or poll
    for _, figure in shares:
        if figure.attributed_text is None and polled is not None:
            figure.attributed_to, figure.attributed_text = polled


def _in_poll(share: Token) -> Token | None:
    """The poll a share's clause says it is in ("rose to 42 percent in the new poll"), if any."""
    clause = {share.i, *(t.i for t in share.ancestors)}
    return next((t for t in share.sent if t.lower_ in POLL_NOUNS and t.dep_ == "pobj" and t.head.lower_ == "in"
                 and t.head.head.i in clause), None)


def _restated(share: Token) -> Token:
    """The phrase a share restates ("About 2 in 3 voters, or 66 percent, say ..."): its place in the clause."""
    if share.dep_ in ("conj", "appos") and share.head.dep_ in ("nsubj", "nsubjpass") \
            and any(t.lower_ == "or" for t in share.doc[share.head.i:share.i]):
        return share.head
    return share


def _opinion(share: Token) -> bool:
    """Whether a share of people holds a view: the subject of a verb or adjective of opinion ("oppose", "would back",
    "are concerned"), or a share "with" whom a participle of one goes ("with 52 percent disapproving")."""
    if share.dep_ in ("nsubj", "nsubjpass"):
        verb = share.head
        return lemma(verb) in W.OPINION_VERBS or any(
            c.dep_ in ("acomp", "attr") and c.lower_ in W.OPINION_ADJECTIVES for c in verb.children)
    if share.dep_ == "compound" and share.head.i == share.i + 1 and lemma(share.head) in W.OPINION_VERBS:
        return True  # "64 percent support raising it", the verb read as a noun
    if any(t.dep_ in ("acl", "relcl") and t.pos_ == "VERB" and lemma(t) in W.OPINION_VERBS for t in share.subtree):
        return True  # "Only 14 percent of conservatives approved ...", "73 percent of liberals and 41 percent of
        # independents approving", the verb read as a phrase's own
    first = share.head if share.dep_ == "conj" else share
    if _with(share):
        return any(c.dep_ in ("acl", "amod", "advcl") and (lemma(c) in W.OPINION_VERBS or c.lower_ in W.OPINION_ADJECTIVES)
                   for t in (share, first) for c in t.children)
    # "Similarly, 58% across the five countries wanted ...": a share the parse hung below a verb with no subject
    verb = next((a for a in share.ancestors if a.pos_ in ("VERB", "AUX")), None)
    return verb is not None and share.i < verb.i and lemma(verb) in W.OPINION_VERBS and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _with(share: Token) -> bool:
    """A share "with" whom the sentence goes on ("with 52 percent disapproving")."""
    first = share.head if share.dep_ == "conj" else share
    return first.dep_ == "pobj" and first.head.lower_ == "with"


def _noun_said_last(sentence: list[tuple[Token, Figure]]) -> None:
    """"killed 12 and wounded 30 civilians", "sold 400 while its rival sold 250 cars": a bare number whose
    counted noun is said once, after the last number of the joined clause, counts that noun too (in its
    own measure where its verb gave one: 12 killed civilians)."""
    for n, (anchor, figure) in enumerate(sentence):
        if figure.unit is None and figure.unit_text is None and figure.counts in (None, *CASUALTY_MEASURES) \
                and (shared := noun_said_after(anchor, sentence[n + 1:])) is not None:
            figure.counts = figure.counts or shared.counts
            figure.unit_text, figure.unit = shared.unit_text, shared.unit


def _shared(doc: Doc, amount: Amount, last: Figure | None) -> Figure | None:
    """"four-" in "four-, five- and six-cylinder engines": the last figure's reading with its own number."""
    if last is None:
        return None
    token = doc[amount.num_start]
    text = token.text.rstrip("-")
    return replace(last, start=token.idx, end=token.idx + len(text), text=text, value=float(amount.value), low=None, high=None,
                   qualifier=None, change_from=None)


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
