"""What a figure counts: its counted noun, its measure ("killed", "money:USD", "unit:kilometre") and its unit as written."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from storyline.nlp import figure_words as W
from storyline.nlp.amounts import Amount
from storyline.nlp.coordinated import TALLY_NOUNS, is_tally
from storyline.nlp.currencies import CURRENCY_BY_PLACE, currency_name
from storyline.nlp.figure_filters import RE_ENDS_SENTENCE, person_word
from storyline.nlp.figure_money import MONEY_NOUNS
from storyline.nlp.rates import AGE_UNITS, rate_at
from storyline.nlp.units import DURATIONS, canonical, counted, duration_name, phrase_at, singular, unit_name


def _count_of(word: str) -> str | None:
    if word == "peoples":
        return None  # "two peoples": nations, not a headcount
    return W.COUNT_OF.get(word) or W.COUNT_OF.get(singular(word))


def anchor_of(doc: Doc, amount: Amount) -> Token:
    """The number token that attaches the expression to the rest of the parse."""
    run = range(amount.num_start, amount.num_end)
    outside = [doc[i] for i in run if doc[i].head.i not in run or doc[i].head.i == i]
    return outside[-1] if outside else doc[amount.num_end - 1]


def _when(doc: Doc, amount: Amount, noun: Token) -> bool:
    """True for a time said after the number ("2.1 last year"): it says when, not what is counted."""
    return noun.ent_type_ in ("DATE", "TIME") and doc[amount.num_start].ent_type_ not in ("DATE", "TIME")


def counted_noun(doc: Doc, amount: Amount, anchor: Token, sent: Span) -> Token | None:
    """The noun the figure counts: "3,000 soldiers", "thousands of soldiers", "a dozen tanks"."""
    if amount.end < sent.end and doc[amount.end].lower_ == "times":
        return doc[amount.end]  # "6.5 times earnings": a multiple, not a count of earnings
    if RE_ENDS_SENTENCE.match(doc[amount.num_end - 1].text):
        return None  # "a statement of 27.The Union's": what follows starts the next sentence
    for token in doc[amount.num_start: amount.end]:
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and pobj.pos_ in ("NOUN", "PROPN") and pobj.i >= amount.end:
                        return pobj  # (not "thousands" in "hundreds of thousands")
    head = anchor.head
    if (anchor.dep_ in ("nummod", "compound", "amod", "quantmod", "nmod", "npadvmod") and head.pos_ in ("NOUN", "PROPN")
            and amount.num_end <= head.i < sent.end):
        return None if _when(doc, amount, head) else _plural_head(amount, head, sent)
    # The parse sometimes leaves the noun unattached ("12k people"): take the next noun
    # when only modifiers stand between.
    j = amount.end
    while j < min(sent.end, amount.end + 6):
        token = doc[j]
        if token.pos_ == "NOUN":
            return None if _when(doc, amount, token) else _plural_head(amount, token, sent)
        if token.pos_ in ("ADJ", "PROPN", "NUM") or token.dep_ in ("amod", "compound") or token.text in ("-", "more"):
            j += 1
            continue
        if token.lower_ in ("and", "or", ",") and j > amount.end and doc[j - 1].pos_ == "ADJ" and j + 1 < sent.end \
                and (doc[j + 1].pos_ == "ADJ" or doc[j + 1].tag_ == "VBN"):
            j += 1  # "4.3M digital and physical sales", "300 new or used cars": adjectives joined before the noun
            continue
        break
    return None


def _plural_head(amount: Amount, noun: Token, sent: Span) -> Token:
    """The plural noun that a singular noun in the number's place modifies: "two prison inmates" counts
    inmates, not prisons, "120 battalion tactical groups" groups (the parse may hang the number on "prison" and even read "inmates" as a verb:
    a compound's head is a noun all the same). A singular head keeps the modifier: "a three party
    coalition" counts parties."""
    head = noun.head
    between = noun.doc[noun.i + 1: head.i] if noun.i < head.i else None
    # ("120 battalion tactical groups": the head's own modifiers may stand between)
    if noun.dep_ not in ("compound", "nmod") or noun.tag_ not in ("NN", "NNP") or between is None or len(between) > 2 \
            or any(t.head.i != head.i or t.dep_ not in ("amod", "compound") for t in between) or head.i >= sent.end \
            or amount.value is None or amount.value <= 1 or not head.is_lower \
            or (len(between) and noun.i > 0 and noun.doc[noun.i - 1].text == "-"):
        return noun  # ("six-cylinder engine options": a hyphened count describes its noun's head)
    plural = head.tag_ in ("NNS", "NNPS") or (head.tag_ == "VBZ" and head.lower_.endswith("s"))
    return head if plural else noun


def _noun_text(doc: Doc, amount: Amount, noun: Token) -> str:
    """The counted noun as written with the words that narrow it ("heart transplants", "first-team
    players", "European countries", "FA Cup finals": a modifier of a modifier too), not the owner
    ("Russian troops" counts troops) nor words like "more"."""
    if not amount.end <= noun.i < amount.end + 5:
        return noun.text
    first = noun.i
    while first - 2 >= amount.end and doc[first - 1].text == "-" and not doc[first - 1].whitespace_ \
            and not doc[first - 2].whitespace_ and doc[first - 2].is_alpha:
        first -= 2  # "two fly-bys", "30 follow-ups": the noun is the hyphenated word
    while first - 1 >= amount.end and first <= doc[first - 1].head.i <= noun.i and doc[first - 1].dep_ in ("compound", "amod") \
            and (doc[first - 1].ent_type_ not in ("NORP", "GPE", "ORG") or doc[first - 1].lower_ in W.REGION_ADJECTIVES) \
            and doc[first - 1].lower_ not in W.NOT_KIND_WORDS:
        first -= 1
        while first - 2 >= amount.end and doc[first - 1].text == "-" and not doc[first - 1].whitespace_ \
                and not doc[first - 2].whitespace_:
            first -= 2  # "first-team players"
    return doc[first: noun.i + 1].text


def _animals(noun: Token) -> bool:
    """True for a count of animals: "2,000 goats", "40,000 head of cattle"."""
    if singular(noun.lower_) in W.ANIMAL_NOUNS or noun.lower_ in W.ANIMAL_NOUNS:
        return True
    return noun.lower_ == "head" and any(c.dep_ == "prep" and c.lower_ == "of" and any(
        g.dep_ == "pobj" and singular(g.lower_) in W.ANIMAL_NOUNS for g in c.children) for c in noun.children)


def _casualty_kind(token: Token) -> str | None:
    """Killed, wounded, displaced, prisoners or refugees, from the words around a noun or number."""
    words = [c for c in token.children if c.dep_ in ("amod", "acl", "relcl", "oprd", "acomp", "appos", "conj")]
    doer = token.dep_ == "nsubj" and token.head.lower_ not in W.UNDERGONE and any(c.dep_ == "dobj" for c in token.head.children)
    if not doer and (token.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "conj", "pobj") or token.head.pos_ in ("VERB", "ADJ")):
        # (the subject of a verb with an object does it: "400 rebels held the ridge", "30 soldiers captured a
        # town"; but "thousands fled the fighting")
        head = token.head
        words.append(head)
        words += [c for c in head.children if c.dep_ in ("oprd", "acomp", "xcomp") or c.pos_ == "VERB" and (
            c.dep_ == "conj" or c.dep_ == "advcl" and c.i > 0 and c.nbor(-1).text == ",")
            and not any(g.dep_ in ("nsubj", "nsubjpass", "dobj") for g in c.children)]  # "fell ..., perished"
    first = token
    while first.dep_ == "conj" and first.head.pos_ in ("NOUN", "PROPN") and first.head.i < first.i:
        first = first.head  # "the deaths of 300 rebels and 460 soldiers": both died
    if first.dep_ == "pobj" and first.head.lower_ == "of" and first.head.head.lower_ in W.DEATH_NOUNS:
        return "killed"  # "the bodies of 20 civilians", "the deaths of 12 miners"
    if first.dep_ == "pobj" and first.head.lower_ == "of" and first.head.head.lower_ in ("life", "lives") \
            and first.head.head.head.lower_ in W.TOOK_LIVES:
        return "killed"  # "claimed the lives of 14,000 people" (not "saved the lives of")
    if token.dep_ == "dobj" and len(kinds := {_verb_kind(v) for v in _verb_chain(token.head)} - {None}) > 1:
        return "casualties"  # "killed, injured or captured 5,000 troops"
    people = token.pos_ in ("NOUN", "PROPN") and (_count_of(token.lower_) in ("people", "troops")
                                                   or person_word(singular(token.lower_)))
    for word in (token, token.head):
        for prep in word.children:
            if prep.dep_ == "prep" and prep.lower_ == "from" and any(g.lower_ in ("home", "homes") for g in prep.children):
                return "displaced"  # "drove thousands from their homes"
    for word in words:
        if any(c.dep_ == "prep" and c.lower_ in ("in", "to", "into") and any(g.dep_ == "pobj" and g.lower_ in W.HOSPITAL_WORDS
                                                                          for g in c.children) for c in word.children):
            return "wounded"  # "three people were in hospital", "taken to hospital" (not prisoners)
    for word in words:
        text = word.lower_
        if people and text in W.ELIMINATED_WORDS:
            return "killed"  # "eliminated 200 militants" (not "200 jobs")
        if text in W.LOSS_WORDS and word.pos_ in ("VERB", "AUX") and _count_of(token.lower_) == "troops":
            return "casualties"  # "has lost 1,000 soldiers" (not "residents")
        if text in W.LEAVE_WORDS and any(c.dep_ == "dobj" and c.lower_ in W.HOME_WORDS for c in word.children):
            return "displaced"  # "forced to leave their homes"
        if text in W.KILLED_WORDS:
            return "killed"
        if text in W.WOUNDED_WORDS:
            return "wounded"
        if text in W.MISSING_WORDS:
            return "casualties"
        if text in W.PRISONER_WORDS and not any(c.dep_ in ("dobj", "prt") and c.lower_ in ("part", "office", "place", "over")
                                                for c in word.children):
            return "prisoners"  # "taken prisoner", not "taken part" nor "held office"
        if text in W.CROSS_WORDS and (token.lower_ in W.CROSSING_PEOPLE or token.ent_type_ == "NORP") and word.pos_ == "VERB" and any(
                c.dep_ == "prep" and c.lower_ in ("into", "to") and any(g.ent_type_ == "GPE" for g in c.subtree)
                for c in word.children):
            return "refugees"  # "100,000 people have crossed into Poland" (troops that cross stay troops)
        if text in W.DISPLACED_WORDS and _count_of(token.lower_) != "troops" and not _of_troops(token):
            # (troops "evacuated from the island" or moved are not displaced people, nor "hundreds of troops")
            across = any(c.dep_ == "prep" and c.lower_ in W.REFUGEE_DIRECTIONS
                         and any(g.ent_type_ == "GPE" for g in c.subtree) for c in word.children)
            return "refugees" if (across or text == "abroad") and text not in W.DEPORTED_WORDS else "displaced"
    return None


def _of_troops(token: Token) -> bool:
    """A vague number or a share whose "of" names troops: "evacuating hundreds of troops and civilians"."""
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" and _count_of(g.lower_) == "troops"
                                                           for g in c.children) for c in token.children)


def _verb_kind(verb: Token) -> str | None:
    """What a verb does to the people it governs: killed, wounded, prisoners, displaced, or None."""
    text = verb.lower_
    for kind, words in (("killed", W.KILLED_WORDS), ("wounded", W.WOUNDED_WORDS), ("prisoners", W.PRISONER_WORDS),
                        ("displaced", W.DISPLACED_WORDS)):
        if text in words:
            return kind
    return None


def _verb_chain(verb: Token) -> list[Token]:
    """A verb with the coordinated verbs before it that share its object ("killed, injured or captured")."""
    chain = [verb]
    while chain[-1].dep_ in ("conj", "advcl") and chain[-1].head.pos_ == "VERB" and chain[-1].head.i < chain[-1].i \
            and (chain[-1].dep_ == "conj" or chain[-1].nbor(-1).text == ",") \
            and not any(c.dep_ == "dobj" for c in chain[-1].head.children):
        chain.append(chain[-1].head)
    return chain


def rate_after(doc: Doc, noun: Token, sent: Span) -> tuple[int, str, str] | None:
    """A rate right after the counted noun: "tests per day", "ships a week"."""
    return rate_at(doc, noun.i + 1, sent.end) if noun.i + 1 < sent.end else None


# Measures a verb after the counted noun can give a rate to ("troops dying each day").
CASUALTY_RATES = frozenset({"killed", "wounded", "prisoners", "displaced", "refugees", "casualties"})


def _rate_of_verb(doc: Doc, noun: Token, sent: Span) -> tuple[int, str, str] | None:
    """A rate said right after a participle or relative verb of the counted noun, when none follows the
    noun itself: "824 Russian troops dying each day", "500 people who are killed every week"."""
    if rate_after(doc, noun, sent) is not None:
        return None
    verbs = [c for c in noun.children if c.dep_ in ("acl", "relcl") and c.i > noun.i]
    if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.i > noun.i:
        verbs.append(noun.head)  # "with 824 troops dying each day", "500 people die every week"
    for verb in verbs:
        if _verb_kind(verb) is not None:
            return rate_at(doc, verb.i + 1, sent.end)
    return None


def _proxy(noun: Token) -> tuple[str, str] | None:
    """What "the number", "the toll" or "the figure" stands for: "the death toll" -> killed."""
    for child in noun.children:
        if child.dep_ == "compound" and (child.lower_, noun.lower_) in W.COMPOUNDS:
            return W.COMPOUNDS[(child.lower_, noun.lower_)], f"{child.text} {noun.text}"
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj" and (kind := _count_of(pobj.lower_)):
                    if kind in ("people", "troops"):
                        kind = _casualty_kind(pobj) or _befell(noun) or kind
                    return kind, pobj.text
    return None


def _level_of(noun: Token) -> str | None:
    """What a count of "people" that is a level or a change of a proxy counts: "the number of refugees
    rose by 35%, or 8.9 million people" (refugees), "the number of displaced people rose to 110 million
    people" (displaced)."""
    first = noun
    while first.dep_ in ("conj", "appos") and first.head.i < first.i and first.head.pos_ != "VERB":
        first = first.head
    if first.dep_ == "conj" and first.head.pos_ == "VERB":
        verb = first.head  # "rose by 8%, or 120,000 people": the parse joins the second step to the verb
    elif first.dep_ == "pobj" and first.head.lower_ in ("to", "by", "at"):
        verb = first.head.head
    else:
        return None
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.lower_ in W.PROXY_NOUNS and (found := _proxy(child)):
            return found[0] if found[0] != "people" else None
    return None


def _subject_of_next_verb(doc: Doc, anchor: Token, sent: Span) -> str | None:
    """What befell a bare number the parse left without its verb, when the verb's auxiliary follows it and
    the verb has no subject of its own: "... by falling rocks and twenty-one were injured"."""
    if anchor.i + 1 >= sent.end or doc[anchor.i + 1].dep_ not in ("aux", "auxpass"):
        return None
    verb = doc[anchor.i + 1].head
    if verb.i <= anchor.i or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return None
    return _verb_kind(verb)


def _befell(noun: Token) -> str | None:
    """What a participle after "the number of people" says befell them, when the parse hangs it on
    "number": "the number of people forcibly displaced" (displaced), "of children abducted" (prisoners)."""
    verbs = [c for c in noun.children if c.dep_ in ("acl", "relcl") and c.i > noun.i]
    if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.tag_ in ("VBN", "VBD") \
            and not any(c.dep_ == "dobj" for c in noun.head.children):
        verbs.append(noun.head)  # the participle misread as a verb with "number" as its subject
    return next((kind for verb in verbs if (kind := _verb_kind(verb))), None)


def classify(doc: Doc, amount: Amount, noun: Token | None, anchor: Token,
             sent: Span) -> tuple[str | None, str | None, str | None]:
    """``counts``, ``unit_text`` and ``unit``: what the figure counts (normalised), its unit or
    counted noun as written, and the unit's canonical name (see ``units.canonical``)."""
    if amount.percent:
        written = doc[amount.num_end: amount.end].text.lstrip("-") or "%"  # ("a 5-percent rise")
        if written.lower().startswith("percent") and written[7:8].isupper():
            written = written[:7]  # "42 percentRepublicans": the next word run on
        # "1.5 percentage points", "a 2-percentage-point drop": a difference of two percentages, in points
        name = "percentage point" if written.lower().rstrip("s").endswith("point") else "percent"
        return "percent", written, canonical(name, amount.per)
    per, per_text = (f" per {amount.per}", f" {amount.per_text}") if amount.per else ("", "")  # a rate: "$80 a barrel"
    if amount.currency == "GBP" and _weighed(doc, amount, sent):
        written = f"{amount.currency_text}{per_text}"  # "weighed 208 pounds", "a weight of 90 pounds": pounds of mass
        return f"unit:pound-mass{per}", written, canonical("pound-mass", amount.per)
    if amount.currency:
        code = _currency_code(amount.currency, sent)
        name = currency_name(code) or counted(amount.currency_text)
        return f"money:{code}{per}", f"{amount.currency_text}{per_text}", canonical(name, amount.per)
    if amount.unit is not None:
        # Durations keep their plural as the measure ("years"); other units and rates are named ("unit:metre").
        measure = amount.unit if amount.unit in DURATIONS.values() and not per else f"unit:{amount.unit}{per}"
        written = f"{amount.unit_text}{per_text}" if amount.unit_text else None  # "Okafor, 61,": an age with no unit said
        return measure, written, canonical(amount.unit, amount.per)
    return _counted(doc, amount, noun, anchor, sent)


def _counted(doc: Doc, amount: Amount, noun: Token | None, anchor: Token,
             sent: Span) -> tuple[str | None, str | None, str | None]:
    """``classify`` for a count: the counted noun, or the verb that says what befell them. Its unit
    is the counted noun as written, singular ("heart transplant"), with any rate ("test per day");
    none for a measure read off a verb or a toll ("the death toll")."""
    if (noun is None or noun.lower_ in TALLY_NOUNS) and is_tally(doc, amount, sent.end):
        return "votes", None, "vote"  # "the vote was 79 to 18", "a 79-18 vote": votes cast, not the noun "vote"
    if noun is not None:
        for child in noun.children:
            if child.dep_ == "compound" and (child.lower_, noun.lower_) in W.COMPOUNDS:
                # "750 cruise missiles" are in cruise missiles; "the death toll" has no unit of its own
                written, kind = f"{child.text} {noun.text}", W.COMPOUNDS[(child.lower_, noun.lower_)]
                if kind in ("people", "troops"):
                    kind = _casualty_kind(noun) or kind  # "the deaths of 4,600 service members"
                return kind, written, None if noun.lower_ in W.PROXY_NOUNS else counted(written)
        if noun.lower_ == "pounds" and any(c.dep_ == "prep" and c.lower_ == "of" and any(
                g.dep_ == "pobj" and g.lower_ in MONEY_NOUNS for g in c.children) for c in noun.children):
            return "money:GBP", noun.text, currency_name("GBP")  # "millions of pounds of aid": not a weight
        kind = _count_of(noun.lower_)
        if kind is None and noun.lower_ == "losses" and not any(
                c.dep_ == "compound" and _count_of(c.lower_) is None for c in noun.children):
            kind = "casualties"  # "80,000 losses", "personnel losses" (not "2,000 job losses")
        if kind is None and noun.ent_type_ == "NORP" and noun.tag_ in ("NNS", "NNPS"):
            kind = "people"  # "millions of Ukrainians", "200 Hondurans": a people's members
        if kind is None and (_animals(noun) or noun.lower_ == "times"):
            pass  # "40,000 head of cattle have died", "three times as many displaced": no count of people
        elif kind in (None, "people", "troops"):
            # "tens of thousands of people were displaced": the verb governs the number.
            found = _casualty_kind(noun) or (_casualty_kind(anchor) if anchor.i != noun.i else None)
            if found == "prisoners" and kind is None and not person_word(singular(noun.lower_)):
                found = None  # "the UN held dozens of sessions", "captured 30 villages": no one held captive
            kind = found or kind
        elif kind == "casualties" and noun.lower_ in ("victim", "victims"):
            found = _casualty_kind(noun)  # "killed 80,000 victims": the verb says what befell them
            kind = found if found in ("killed", "wounded") else kind
        if kind is None and noun.lower_ in W.PROXY_NOUNS and (found := _proxy(noun)):
            return _with_unit(found)
        if kind == "people" and noun.lower_ in W.GENERIC:
            kind = _level_of(noun) or kind
        kind, written = kind or "other", _noun_text(doc, amount, noun)
        if kind in CASUALTY_RATES and (rate := _rate_of_verb(doc, noun, sent)) is not None:
            # "824 troops dying each day": the rate said after the participle that says what befell them
            return f"{kind} per {rate[1]}", written, canonical(_noun_unit(noun, written), rate[1])
        if (rate := rate_after(doc, noun, sent)) is not None:
            # "40 villagers killed a week": a rate is its own measure, not a toll; generic counts
            # ("3,000 tests a day") stay generic, with the rate in their words
            return ((kind if kind in ("other", "people") else f"{kind} per {rate[1]}"), f"{written} {rate[2]}",
                    canonical(_noun_unit(noun, written), rate[1]))
        return kind, written, _noun_unit(noun, written)
    if (scale := _on_scale(doc, amount, sent)) is not None:
        return scale
    if anchor.head.lower_ in ("more", "others", "additional") and anchor.dep_ in ("nummod", "quantmod", "npadvmod"):
        anchor = anchor.head  # "injured 35 more": the verb governs "more"
    kind = _casualty_kind(anchor) or _subject_of_next_verb(doc, anchor, sent)
    if kind:
        return kind, None, None
    # "the toll rose to 45", "officials put the figure at 400", "the number of refugees reached 2 million"
    head = anchor.head
    while amount.start <= head.i < amount.num_start and head.head.i != head.i:
        head = head.head  # "the toll is around 68": the parse hangs the number on its own qualifier
    if anchor.dep_ == "pobj" and head.lower_ in ("to", "at", "by", "from"):
        head = head.head
        if head.dep_ == "prep" and head.lower_ == "from":
            head = head.head  # "rose from 20 to 45", "to" hung on "from" (or both numbers on "from")
    verbs = [head]
    while verbs[-1].dep_ in ("xcomp", "advcl", "conj", "dep") and len(verbs) < 3 and verbs[-1].pos_ in ("VERB", "AUX") \
            and not any(c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.i != anchor.i for c in verbs[-1].children):
        # "the number of refugees rose ... to reach 34.6 million", "grew by 21%, standing at 108.4 million",
        # "is estimated to rise by 2 million": a verb with no subject of its own says its governor's subject's level
        verbs.append(verbs[-1].head)
    for verb in verbs:
        if verb.pos_ not in ("VERB", "AUX"):
            break
        for child in verb.children:
            if child.dep_ == "csubj":
                # "the number of children forcibly abducted ... could reach 300,000": "number" parsed as the
                # participle's subject
                child = next((c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")
                              and c.lower_ in W.PROXY_NOUNS), child)
            if child.dep_ in ("nsubj", "nsubjpass", "dobj") and child.i != anchor.i:
                if child.lower_ in W.AGE_NOUNS:
                    # "life expectancy is around 73", "raise the retirement age to 64": an age in years, a
                    # statistic or a rule (not "lives" lost, which "life" alone counts)
                    words = [c for c in child.children if c.dep_ in ("compound", "amod") and c.i < child.i] + [child]
                    return f"unit:{AGE_UNITS['year']}", " ".join(t.text for t in words), AGE_UNITS["year"]
                if child.lower_ in W.PROXY_NOUNS and (found := _proxy(child)):
                    return _with_unit(found)
                if child.lower_ == "number" and (what := _number_of(child)) is not None:
                    # "the number of licensed buyers ... stands at 112": a count of those things; "of fishermen
                    # seized": of people something befell
                    befell = (_casualty_kind(what) or _befell(child)) if person_word(singular(what.lower_)) else None
                    return befell or "other", what.text, counted(what.text)
                if kind := _count_of(child.lower_):
                    return kind, child.text, None if child.lower_ in W.PROXY_NOUNS else counted(child.text)
                for part in child.children:
                    if part.dep_ == "compound" and (kind := _count_of(part.lower_)):
                        # "the troop presence has risen to 24,000", "the refugee population reached 2 million"
                        return kind, f"{part.text} {child.text}", counted(part.text)
    if anchor.dep_ == "pobj" and head.lower_ == "of" and (head.head.lower_ in W.POPULATION_WORDS or head.head.lower_ in
                                                          W.PLACE_NOUNS and (amount.value or 0) >= 10_000) or (
            amount.start >= 2 and doc[amount.start - 2].lower_ in W.POPULATION_WORDS and doc[amount.start - 1].text in (".", ":")):
        return "people", None, None  # "a population of around 40 million", "(pop. 1.5 million)"
    if anchor.dep_ == "nsubj" and anchor.head.lower_ in W.LIVE_WORDS:
        return "people", None, None  # "just over 20 million live in free Ukraine"
    if amount.vague and anchor.head.pos_ == "VERB" and (anchor.dep_ in ("nsubj", "nsubjpass") or anchor.dep_ == "dobj" and any(
            c.dep_ == "prep" and c.lower_ == "without" for c in (*anchor.head.children, *anchor.children))):
        # "thousands marched", "left millions without power": people, said by the verb ("sold millions": not so)
        return "people", None, None
    return None, None, None


# Words that make "pounds" a weight said before the number: "weighs 208 pounds", "a weight of 90 pounds".
WEIGHT_WORDS = ("weigh", "weight", "heavier", "lighter")


def _weighed(doc: Doc, amount: Amount, sent: Span) -> bool:
    """True for "pounds" spelled out (no sign) after a word of weight a few words before: a mass, not money."""
    if (amount.currency_text or "").lower() not in ("pound", "pounds"):
        return False
    return any(t.lower_.startswith(WEIGHT_WORDS) for t in doc[max(sent.start, amount.start - 4): amount.start])


def _on_scale(doc: Doc, amount: Amount, sent: Span) -> tuple[str, str, str] | None:
    """A bare number read on a scale named after it: "between 50 and 70 on the GPa scale" (a unit),
    "6.1 on the Richter scale" (a named scale, its own unit)."""
    j = amount.end
    if j + 3 >= sent.end or doc[j].lower_ != "on" or doc[j + 1].lower_ != "the":
        return None
    for k in range(j + 3, min(sent.end, j + 6)):
        if doc[k].lower_ == "scale":
            words = doc[j + 2: k]
            found = phrase_at([t.text for t in words])
            name = found[1] if found is not None and found[0] == len(words) else None
            if name is not None:
                return f"unit:{name}", words.text, name
            if all(t.is_alpha or t.text == "-" for t in words):
                written = f"{words.text} scale"
                return "other", written, written.lower()
            return None
    return None


def _noun_unit(noun: Token, written: str) -> str | None:
    """A counted noun's unit: a unit of measure by its name ("517 rushing yards" -> yard), else the
    noun as written, singular."""
    return canonical(unit_name(noun.text) or duration_name(noun.text)) or counted(written)


def _number_of(noun: Token) -> Token | None:
    """The plural noun of "the number of licensed buyers", or None."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.tag_ == "NNS":
                    return pobj
    return None


def _with_unit(found: tuple[str, str]) -> tuple[str, str, str | None]:
    """A proxy's measure and noun with its unit: "the number of refugees" counts refugees, "the
    death toll" has no unit of its own."""
    kind, written = found
    return kind, written, None if " " in written else counted(written)


def _currency_code(code: str, sent: Span) -> str:
    """An ISO code; "pesos" and "dinars" take the country named in the sentence, else the report."""
    if code != "?":
        return code
    for scope in (sent, sent.doc):
        for ent in scope.ents:
            if ent.label_ == "GPE" and (found := CURRENCY_BY_PLACE.get(ent.text.lower().removeprefix("the "))):
                return found
    return "unknown"
