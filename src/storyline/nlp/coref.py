"""Which named actor a pronoun, "who" or a definite description refers to, from the parse alone.

``antecedent(doc, span)`` takes a span of a Doc that went through the actors component and
returns the named ``Mention`` (from ``doc._.mentions``) it refers to, or None. In order:

1. "who" (and "which", "that"): the head of the relative clause, followed through an appositive
   to the name it describes ("the army chief, General X, who said": General X).
2. A description in apposition with a name ("Margaret Harris, a WHO spokeswoman": both ways).
3. A definite description ("the ministry", "the agency", "the pro-democracy medical group"): the
   nearest earlier actor whose name carries the head noun ("the agency" after "the International
   Atomic Energy Agency"), else the nearest earlier actor of a fitting type. A description of a
   person by office ("the president", "the general", "Chile's foreign minister", "the head of
   state") is a person named in the phrase itself ("the head of the commission Ana Ruiz"), else
   the nearest earlier person the report gave that office ("Foreign Minister Ana Ruiz"; see
   ``office_holders``).
4. A pronoun: the nearest compatible named actor, the subjects of earlier sentences first
   ("he"/"she": persons, with "Mr"/"Ms" and gendered role words as cues; "it"/"its": an
   organisation, state or group; "they"/"them"/"their": an organisation, group or state, else a person).

No statistical coreference model is used: this is deliberately a small rule set over the
dependency parse and the actor mentions, so it runs wherever the pipeline runs.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from storyline.models import Mention
from storyline.nlp.actor_outlets import outlet
from storyline.nlp.cue_words import MEDIA_NAMES, MEDIA_WORDS
from storyline.nlp.office_holders import OFFICE_NOUNS, office_holder  # noqa: F401  (OFFICE_NOUNS re-exported)

RELATIVE = {"who", "whom", "whose", "which", "that"}
MALE = {"he", "him", "his", "himself"}
FEMALE = {"she", "her", "hers", "herself"}
NEUTER = {"it", "its", "itself"}
PLURAL = {"they", "them", "their", "theirs", "themselves"}
PRONOUNS = MALE | FEMALE | NEUTER | PLURAL
COLLECTIVE_TYPES = ("organization", "igo", "group", "state")
# The types a description's head noun can refer to; a noun not listed can be any actor but a place.
DESCRIPTION_TYPES: dict[str, tuple[str, ...]] = {
    "ministry": ("organization",), "department": ("organization",), "office": ("organization", "igo"),
    "agency": ("organization", "igo"), "service": ("organization",), "organisation": ("organization", "igo"),
    "organization": ("organization", "igo"), "body": ("organization", "igo"), "bloc": ("igo",),
    "alliance": ("igo", "group"), "union": ("igo", "organization"), "council": ("organization", "igo"),
    "group": ("group", "organization"), "militia": ("group",), "movement": ("group", "organization"),
    "force": ("group", "organization"), "forces": ("group", "organization"), "army": ("organization", "state"),
    "military": ("organization", "state"), "government": ("state",), "country": ("state",),
    "state": ("state",), "nation": ("state",), "regime": ("state", "group"), "company": ("organization",),
    "firm": ("organization",), "charity": ("organization",), "network": ("organization",),
    "syndicate": ("organization",), "committee": ("organization",), "court": ("organization", "igo"),
    "newspaper": ("organization",), "broadcaster": ("organization",), "paper": ("organization",),
}
# Nouns that name the same kind of body as the description ("the ministry" is a "Department of ...").
SAME_KIND = {"ministry": ("ministry", "department"), "department": ("department", "ministry"),
             "agency": ("agency", "organization", "organisation", "programme", "program", "office", "fund"),
             "army": ("army", "armed forces", "military"), "military": ("military", "armed forces", "army"),
             "group": ("group", "forces", "front", "movement", "brigade", "network", "syndicate", "committee")}
# Role and title words that say whether a person is a woman or a man.
FEMALE_CUES = {"ms", "mrs", "miss", "madam", "spokeswoman", "chairwoman", "congresswoman", "businesswoman",
               "queen", "princess", "woman", "mother", "daughter", "wife", "sister", "dame"}
MALE_CUES = {"mr", "sir", "spokesman", "chairman", "congressman", "businessman", "king", "prince", "man",
             "father", "son", "husband", "brother", "lord"}
MAX_SENTENCES_BACK = 3
# How far back a name that carries a description's own noun may stand ("the Foreign Ministry ... the ministry").
NAMED_SENTENCES_BACK = 12


def antecedent(doc: Doc, span: Span) -> Mention | None:
    """The named actor a pronoun, a relative "who" or a definite description refers to, or None."""
    mentions = sorted(doc._.mentions or [], key=lambda m: (m.start, m.end))
    if not mentions or not len(span):
        return None
    if span.root.lower_ in OFFICE_NOUNS:
        holder = office_holder(mentions, span)
        if holder is not None:
            return holder
    own = _mention_over(mentions, span.start_char, span.end_char)
    if own is not None and own.label not in ("ROLE",):
        return own  # the span is itself a name
    word = span.text.lower()
    if len(span) == 1 and word in RELATIVE:
        return _relative_head(mentions, span[0])
    appositive = _appositive(mentions, span)
    if appositive is not None:
        return appositive
    if len(span) == 1 and word in PRONOUNS:
        return _pronoun(mentions, span[0])
    return _description(mentions, span)


def described(doc: Doc, span: Span) -> Mention | None:
    """The named actor a description stands for ("the president", "the ministry"), never a name
    inside it that is not the described one ("Chile's foreign minister" is not Chile)."""
    mentions = sorted(doc._.mentions or [], key=lambda m: (m.start, m.end))
    if not mentions or not len(span) or not (_head(span).pos_ == "NOUN" or _head(span).lower_ in OFFICE_NOUNS | OUTLET_NOUNS):
        return None
    return office_holder(mentions, span) or _description(mentions, span)


def _head(span: Span) -> Token:
    """The span's root, or its last word where the root is a determiner: in "The daily reports that" the parse hung
    both words on the cue it read as a noun."""
    return span[-1] if span.root.pos_ == "DET" and len(span) > 1 else span.root


def _mention_over(mentions: list[Mention], start: int, end: int) -> Mention | None:
    """The mention overlapping these character offsets (the longest, if several)."""
    hits = [m for m in mentions if m.start < end and start < m.end and m.type != "place"]
    return max(hits, key=lambda m: m.end - m.start) if hits else None


def _mention_of_token(mentions: list[Mention], token: Token) -> Mention | None:
    """The named actor a token belongs to: its own mention, else one in its compound/flat modifiers."""
    found = _mention_over(mentions, token.idx, token.idx + len(token.text))
    if found is not None:
        return found
    for child in token.children:
        if child.dep_ in ("compound", "flat", "nmod", "poss") and child.i < token.i:
            found = _mention_over(mentions, child.idx, child.idx + len(child.text))
            if found is not None and child.dep_ != "poss":
                return found
    return None


def _named_through_apposition(mentions: list[Mention], token: Token) -> Mention | None:
    """The name a noun stands for: itself, the head it is an appositive of, or its appositive child."""
    found = _mention_of_token(mentions, token)
    if found is not None:
        return found
    if token.dep_ == "appos":
        found = _mention_of_token(mentions, token.head)
        if found is not None:
            return found
    for child in token.children:
        if child.dep_ == "appos":
            found = _mention_of_token(mentions, child)
            if found is not None:
                return found
    return None


def _relative_head(mentions: list[Mention], token: Token) -> Mention | None:
    """"X, who said": the noun the relative clause modifies, and the name it stands for."""
    verb = token.head
    while verb.dep_ not in ("relcl", "acl") and verb.head is not verb and verb.head.i > token.i - 12:
        if verb.dep_ in ("ROOT",):
            break
        verb = verb.head
    if verb.dep_ in ("relcl", "acl") and verb.head.i < token.i:
        return _named_through_apposition(mentions, verb.head)
    # A parse without the relative clause: the nearest name right before ", who".
    prev = token.i - 1
    while prev >= 0 and token.doc[prev].is_punct:
        prev -= 1
    return _named_through_apposition(mentions, token.doc[prev]) if prev >= 0 else None


def _appositive(mentions: list[Mention], span: Span) -> Mention | None:
    root = span.root
    if root.dep_ == "appos" or any(c.dep_ == "appos" for c in root.children):
        found = _named_through_apposition(mentions, root)
        if found is not None and not (found.start >= span.start_char and found.end <= span.end_char):
            return found
    return None


def _gender_cues(doc: Doc, mention: Mention) -> set[str]:
    words = {mention.role.lower()} if mention.role else set()
    words = {w for r in words for w in r.split()}
    before = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if before is not None and before.start > 0:
        words.add(doc[before.start - 1].lower_.rstrip("."))
    cues = set()
    if words & FEMALE_CUES:
        cues.add("female")
    if words & MALE_CUES:
        cues.add("male")
    return cues


def _fits_pronoun(doc: Doc, mention: Mention, word: str) -> bool:
    if mention.type == "place" or mention.type is None:
        return False
    if word in MALE | FEMALE:
        if mention.type != "person":
            return False
        cues = _gender_cues(doc, mention)
        return not cues or ("male" if word in MALE else "female") in cues
    if word in NEUTER:
        return mention.type in COLLECTIVE_TYPES and mention.facet != "people"
    return mention.type in COLLECTIVE_TYPES or mention.type == "person"


def _candidates_before(doc: Doc, mentions: list[Mention], token: Token,
                       back_limit: int = MAX_SENTENCES_BACK) -> list[tuple[Mention, int, Token | None]]:
    """Named mentions before the token within a few sentences: (mention, sentences back, its root)."""
    sents = list(doc.sents)
    here = next(i for i, s in enumerate(sents) if s.start <= token.i < s.end)
    out = []
    for m in mentions:
        if m.end > token.idx or m.label == "ROLE":
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        back = here - next(i for i, s in enumerate(sents) if s.start <= span.start < s.end)
        if 0 <= back <= back_limit:
            out.append((m, back, span.root))
    return out


def _salience(item: tuple[Mention, int, Token | None], token: Token) -> tuple[int, int, int]:
    """Same or nearer sentence first; within one, the subject first; then the nearest."""
    mention, back, root = item
    subject = root is not None and root.dep_ in ("nsubj", "nsubjpass") and root.head.dep_ == "ROOT"
    return (back, 0 if subject else 1, -mention.start)


def _pronoun(mentions: list[Mention], token: Token) -> Mention | None:
    doc = token.doc
    word = token.lower_
    pool = [c for c in _candidates_before(doc, mentions, token) if _fits_pronoun(doc, c[0], word)]
    if word in PLURAL:
        # "they" prefers a body of people (an organisation, a group, a state's forces) to a person.
        collective = [c for c in pool if c[0].type in COLLECTIVE_TYPES]
        pool = collective or pool
    if not pool:
        return None
    return min(pool, key=lambda c: _salience(c, token))[0]


def _description(mentions: list[Mention], span: Span) -> Mention | None:
    """"the ministry": the nearest earlier actor named like one, else of a type a ministry can be."""
    head = _head(span)
    noun = head.lower_
    if head.pos_ not in ("NOUN", "PROPN") and noun not in OUTLET_NOUNS or span[0].lower_ not in ("the", "this", "that", "these", "those"):
        if not (head.pos_ in ("NOUN", "PROPN") and head.i > span.start):
            return None
    doc = span.doc
    # A name that carries the description's noun ("the ministry" after "the Ukrainian Foreign Ministry") is
    # looked for further back than an actor that merely fits its type: quotes may stand between them.
    pool = [c for c in _candidates_before(doc, mentions, span[0], NAMED_SENTENCES_BACK) if c[0].type not in ("place", None)]
    if noun in OUTLET_NOUNS:
        # "the Ukrainian daily", "the weekly": the outlet named last, never another body, nor one inside quoted words
        return next((m for m, _, _ in sorted(pool, key=lambda c: -c[0].start) if outlet_mention(doc, m)), None)
    if noun not in MEDIA_NOUNS:
        pool = [c for c in pool if not _outlet(c[0])]  # "Reuters reported ... the company said": not Reuters
    pool.sort(key=lambda c: -c[0].start)
    words = SAME_KIND.get(noun, (noun,))
    types = DESCRIPTION_TYPES.get(noun)
    for mention, _, _ in pool:
        # "the army" is the "Armed Forces of X", not the "Rapid Support Forces" named before it: the
        # name carries the description's own noun and is of a type the description can refer to.
        if _carries(mention.text, words) and (types is None or mention.type in types):
            return mention
    if types is None:
        return None
    for mention, back, _ in pool:
        if back > MAX_SENTENCES_BACK:
            continue
        if noun in BUSINESS_NOUNS and mention.text.lower().split()[-1] in PUBLIC_BODY_NOUNS:
            continue  # "the company" is not the "Mineworkers' Union" or the "Health Ministry" named before it
        if noun in ("army", "military") and mention.type != "state":
            continue  # a body not named as an army ("the Rapid Support Forces", a ministry) is not "the army"
        if mention.type in types and not (mention.type == "state" and noun in ("army", "military")
                                          and mention.facet not in ("military", None)):
            return mention
    return None


def _carries(name: str, words: tuple[str, ...]) -> bool:
    """A name that holds one of the words or phrases ("armed forces") as whole words."""
    padded = f" {' '.join(name.lower().split())} "
    return any(f" {w} " in padded for w in words)


BUSINESS_NOUNS = {"company", "firm"}
PUBLIC_BODY_NOUNS = set(DESCRIPTION_TYPES) - BUSINESS_NOUNS - {"group", "network", "syndicate", "body"}
"""Heads of names that say a body is no business: a union, a ministry, an agency, a council."""


# Descriptions that can stand for a news outlet; any other ("the company", "the ministry") cannot.
MEDIA_NOUNS = MEDIA_WORDS | {"outlet", "paper", "magazine", "publication", "site", "website"}


# Nouns that describe a news outlet by its trade and can stand for no other body: "the daily", "the weekly".
OUTLET_NOUNS = frozenset({"daily", "weekly", "newspaper", "paper", "magazine", "tabloid", "outlet", "broadcaster",
                          "publication", "website", "portal"})


def outlet_mention(doc: Doc, mention: Mention) -> bool:
    """A mention of a news outlet: by its name ("the Kyiv Post"), as the knowledge base knows it, or as the report
    introduces it ("the Chilean newspaper La Tercera", "La Republica newspaper", "Gazeta, a weekly")."""
    if _outlet(mention) or (mention.entity is not None and outlet(mention.entity)):
        return True
    if mention.type != "organization":
        return False  # "the Chilean newspaper La Tercera": the paper, not its country
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    near = [doc[span.start - 1]] if span.start > 0 else []
    near += [doc[span.end]] if span.end < len(doc) else []
    near += [span.root.head] if span.root.dep_ in ("appos", "compound") else []
    near += [c for c in span.root.children if c.dep_ == "appos"]
    return any(t.lower_ in OUTLET_NOUNS for t in near)


def _outlet(mention: Mention) -> bool:
    """A mention that names a news outlet: "Reuters", "the Kyiv Post", "Nippon Television"."""
    words = mention.text.lower().replace("’", "'").removesuffix("'s").split()
    # "agency" alone names an outlet only after "news" ("Ghana News Agency", not "the Atomic Energy Agency")
    return any(w in MEDIA_NAMES for w in words) or (len(words) > 1 and (words[-1] in MEDIA_WORDS - {"agency"}
                                                                         or words[-2:] == ["news", "agency"]))
