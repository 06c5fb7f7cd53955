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
   the nearest earlier person the report gave that office ("Foreign Minister Ana Ruiz").
4. A pronoun: the nearest compatible named actor, the subjects of earlier sentences first
   ("he"/"she": persons, with "Mr"/"Ms" and gendered role words as cues; "it"/"its": an
   organisation, state or group; "they"/"them"/"their": an organisation, group or state, else a person).

No statistical coreference model is used: this is deliberately a small rule set over the
dependency parse and the actor mentions, so it runs wherever the pipeline runs.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from storyline.models import Mention
from storyline.nlp.cue_words import MEDIA_NAMES, MEDIA_WORDS

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
             "army": ("army", "forces", "military"), "military": ("military", "forces", "army"),
             "group": ("group", "forces", "front", "movement", "brigade", "network", "syndicate", "committee")}
# Role and title words that say whether a person is a woman or a man.
FEMALE_CUES = {"ms", "mrs", "miss", "madam", "spokeswoman", "chairwoman", "congresswoman", "businesswoman",
               "queen", "princess", "woman", "mother", "daughter", "wife", "sister", "dame"}
MALE_CUES = {"mr", "sir", "spokesman", "chairman", "congressman", "businessman", "king", "prince", "man",
             "father", "son", "husband", "brother", "lord"}
MAX_SENTENCES_BACK = 3
# How far after an office a name may stand and still be the office's holder.
LATER_SENTENCES = 2
# Nouns that describe a person by office or rank: "the president", "the general", "its chairman".
OFFICE_NOUNS = {
    "president", "leader", "minister", "secretary", "premier", "chancellor", "governor", "senator", "mayor",
    "general", "admiral", "colonel", "commander", "chief", "head", "chairman", "chairwoman", "chair",
    "ambassador", "envoy", "diplomat", "king", "queen", "prince", "emir", "sultan", "monarch", "pope",
    "speaker", "director", "prosecutor", "judge", "spokesman", "spokeswoman", "spokesperson",
    "congressman", "congresswoman", "lawmaker", "representative", "nominee", "candidate", "mogul",
    "treasurer", "attorney", "commissioner", "councillor", "councilor", "marshal", "lieutenant", "captain",
}
# Offices a "leader" or "head of state/government" can hold; offices a "top diplomat" can hold.
LEADER_OFFICES = {"president", "premier", "chancellor", "leader", "king", "queen", "emir", "sultan", "monarch",
                  "prime", "head", "chief", "chairman", "taoiseach", "dictator", "ruler"}
DIPLOMAT_OFFICES = {"foreign", "diplomat", "diplomacy", "state"}
# Titles of whoever runs a body: "the head of the union" is its chairman, director or president.
HEAD_NOUNS = {"head", "chief", "chairman", "chairwoman", "chair", "director", "leader", "president"}


def antecedent(doc: Doc, span: Span) -> Mention | None:
    """The named actor a pronoun, a relative "who" or a definite description refers to, or None."""
    mentions = sorted(doc._.mentions or [], key=lambda m: (m.start, m.end))
    if not mentions or not len(span):
        return None
    if span.root.lower_ in OFFICE_NOUNS:
        holder = _office_holder(mentions, span)
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
    if not mentions or not len(span) or not (span.root.pos_ == "NOUN" or span.root.lower_ in OFFICE_NOUNS):
        return None
    return _office_holder(mentions, span) or _description(mentions, span)


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


def _candidates_before(doc: Doc, mentions: list[Mention], token: Token) -> list[tuple[Mention, int, Token | None]]:
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
        if 0 <= back <= MAX_SENTENCES_BACK:
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
    head = span.root
    noun = head.lower_
    if head.pos_ not in ("NOUN", "PROPN") or span[0].lower_ not in ("the", "this", "that", "these", "those"):
        if not (head.pos_ in ("NOUN", "PROPN") and head.i > span.start):
            return None
    doc = span.doc
    pool = [c for c in _candidates_before(doc, mentions, span[0]) if c[0].type not in ("place", None)]
    if noun not in MEDIA_NOUNS:
        pool = [c for c in pool if not _outlet(c[0])]  # "Reuters reported ... the company said": not Reuters
    pool.sort(key=lambda c: -c[0].start)
    words = SAME_KIND.get(noun, (noun,))
    for mention, _, _ in pool:
        if any(w in mention.text.lower().split() for w in words):
            return mention
    types = DESCRIPTION_TYPES.get(noun)
    if types is None:
        return None
    for mention, _, _ in pool:
        if mention.type in types and not (mention.type == "state" and noun in ("army", "military")
                                          and mention.facet not in ("military", None)):
            return mention
    return None


# Descriptions that can stand for a news outlet; any other ("the company", "the ministry") cannot.
MEDIA_NOUNS = MEDIA_WORDS | {"outlet", "paper", "magazine", "publication", "site", "website"}


def _outlet(mention: Mention) -> bool:
    """A mention that names a news outlet: "Reuters", "the Kyiv Post", "Nippon Television"."""
    words = mention.text.lower().replace("’", "'").removesuffix("'s").split()
    return any(w in MEDIA_NAMES for w in words) or (len(words) > 1 and words[-1] in MEDIA_WORDS - {"agency"})


def _office_words(span: Span) -> tuple[str, set[str]]:
    """(the office noun, the words that may name that office) of a description of a person."""
    head = span.root
    noun = head.lower_
    words = {noun}
    of = [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    if noun in ("head", "chief") and of and of[0].lower_ in ("state", "government"):
        words = set(LEADER_OFFICES)  # "the head of state"
    elif noun in ("head", "chief") and of and of[0].lower_ in ("diplomacy",):
        words = set(DIPLOMAT_OFFICES)  # "the head of American diplomacy"
    elif noun in HEAD_NOUNS and of:
        # "the head of the union": whoever heads the body the phrase names, by any of the titles for it
        # (a "<body word> <noun>" entry narrows the match to holders whose role names the body)
        words = set(HEAD_NOUNS) | {f"{w.lower_} {noun}" for w in of[0].subtree if w.pos_ in ("PROPN", "NOUN")}
    elif noun == "leader":
        words = set(LEADER_OFFICES)
    elif of and of[0].ent_type_ not in ("GPE", "NORP", "LOC") and of[0].lower_ not in ("the", "a"):
        words.add(f"{of[0].lower_} {noun}")  # "the minister of defence", "the secretary of state"
    elif noun == "diplomat" and any(c.lower_ == "top" for c in head.children):
        words = set(DIPLOMAT_OFFICES)
    # "the foreign minister", "the prime minister": the modifier narrows the office
    narrow = {c.lower_ for c in head.children if c.dep_ in ("compound", "amod") and c.pos_ != "PROPN"
              and c.ent_type_ not in ("NORP", "GPE")}
    return noun, words | ({f"{w} {noun}" for w in narrow} if narrow else set())


def _office_holder(mentions: list[Mention], span: Span) -> Mention | None:
    """"the president", "Chile's foreign minister", "the head of the commission Ana Ruiz": the person."""
    head = span.root
    if head.pos_ != "NOUN" and not (head.pos_ == "PROPN" and head.lower_ in OFFICE_NOUNS):
        return None
    if head.lower_ not in OFFICE_NOUNS:
        return None
    doc = span.doc
    phrase = doc[head.left_edge.i: head.i + 1] if head.i < span.end else span
    # a name inside the phrase itself: "the head of the European Commission Ana Ruiz"
    inner = [m for m in mentions if span.start_char <= m.start and m.end <= span.end_char and m.type == "person"]
    if inner:
        return inner[0]
    determiners = {c.lower_ for c in head.children if c.dep_ in ("det", "poss")}
    if not determiners & {"the", "this", "that"} and not any(c.dep_ == "poss" for c in head.children):
        return None  # "a minister", "officials": nobody in particular
    noun, words = _office_words(phrase)
    roles: dict[str, set[str]] = {}
    for m in mentions:
        if m.type == "person" and m.entity and m.role:
            low = m.role.lower()
            roles.setdefault(m.entity, set()).update(low.split())
            roles[m.entity].add(low)
    narrow = {w for w in words if " " in w}
    countries = _countries(phrase)

    def holds(m: Mention) -> bool:
        if m.type != "person" or not m.entity or not _serves(m.entity, countries, doc._.published):
            return False  # "the Belarusian leader" is not Ukraine's president
        held = (roles.get(m.entity, set()) | _title_before(doc, m) | _apposed_role(doc, m)
                | _role_around(doc, m) | _kb_titles(m.entity, doc._.published))
        # "the foreign minister" is not the defence minister
        return bool(held & words) and not (narrow and not any(n.split()[0] in held for n in narrow))

    best = None
    for m in mentions:
        if m.start < span.start_char and holds(m):
            best = m  # the nearest earlier holder
    if best is None:
        # "Ukraine's prime minister has told the BBC ... Denys Shmyhal said": a report that names the
        # office first and the person in the next sentences
        sents = list(doc.sents)
        here = next(i for i, s in enumerate(sents) if s.start <= span.start < s.end)
        limit = sents[min(here + LATER_SENTENCES, len(sents) - 1)].end_char
        best = next((m for m in mentions if span.end_char <= m.start < limit and holds(m)), None)
    return best


def _role_around(doc: Doc, mention: Mention) -> set[str]:
    """The words of an office the name is written inside, without a comma: "the head of American
    diplomacy Antony Blinken", "the deputy minister of foreign affairs of Russia Sergei Vershinin"."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or not len(span):
        return set()
    tok = span.root
    for _ in range(4):
        if tok.dep_ not in ("pobj", "prep", "compound", "appos", "flat", "nmod") or tok.head.i == tok.i:
            return set()
        tok = tok.head
        if tok.lower_ in OFFICE_NOUNS and tok.pos_ in ("NOUN", "PROPN") and tok.i < span.start:
            return {t.lower_ for t in doc[tok.left_edge.i: span.start] if t.is_alpha}
    return set()


def _countries(phrase: Span) -> set[str]:
    """Knowledge-base ids of the states a description of an office names: "the Belarusian leader",
    "Ukraine's prime minister", "the US secretary of state"."""
    from storyline.kb.lookup import load_kb

    kb = load_kb()
    found = set()
    for tok in phrase:
        if tok.ent_type_ in ("NORP", "GPE") or tok.dep_ == "poss" and tok.pos_ == "PROPN":
            word = tok.text.removesuffix("'s").removesuffix("’s")
            state = kb.demonym(word) or next((e for e in kb.lookup(word) if e.type == "state"), None)
            if state is not None:
                found.add(state.id)
    return found


def _serves(entity: str, countries: set[str], on) -> bool:
    """Whether a person may hold an office of these states: a knowledge-base person with offices
    must hold one of theirs; anyone else may."""
    if not countries or not entity.startswith("kb:"):
        return True
    from storyline.kb.lookup import load_kb

    spells = load_kb().offices(entity[3:])
    return not spells or any(t.of in countries for t in spells)


def _kb_titles(entity: str, on) -> set[str]:
    """The words of the offices the knowledge base has a person hold (on the report's date, when
    it is known and the person held one then): "Secretary of State" -> {"secretary", "of", "state"}."""
    if not entity.startswith("kb:"):
        return set()
    from storyline.kb.lookup import load_kb

    kb = load_kb()
    spells = (kb.offices(entity[3:], on) if on is not None else []) or kb.offices(entity[3:])
    return {w for t in spells for w in (t.title or "").lower().replace("-", " ").split()}


def _apposed_role(doc: Doc, mention: Mention) -> set[str]:
    """The words of the role a name stands in apposition to: "the chairman of the union, Lena Fischer"
    or "Lena Fischer, the chairman of the union" -> {"chairman", "of", "union", ...}, lower case."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or not len(span):
        return set()
    name = span.root
    roles = []
    if name.dep_ == "appos" and (name.head.pos_ == "NOUN" or name.head.lower_ in OFFICE_NOUNS):
        roles.append(name.head)  # "the Chairman of the committee, Maria Delgado": a capitalised title too
    # "Lena Fischer, the chairman of the union": a role right after the name's comma, not an appositive
    # the parser hung after a relative clause ("X, who spoke ..., a correspondent reports")
    roles += [c for c in name.children if c.dep_ == "appos" and c.pos_ == "NOUN" and c.left_edge.i <= span.end + 1]
    if not roles and (before := _title_before_comma(doc, span)) is not None:
        roles.append(before)
    words = set()
    for role in roles:
        skip = {t.i for t in name.subtree} if role.i == name.head.i else set()
        skip |= {t.i for c in role.children if c.dep_ in ("relcl", "acl") for t in c.subtree}
        words |= {t.lower_ for t in role.subtree if t.i not in skip and t.is_alpha}
    return words


def _title_before_comma(doc: Doc, name: Span) -> Token | None:
    """The office written just before ", Name" when the parser did not join them: "according to the
    Director of the National Weather Service, Dr Amal Haddad" -> Director."""
    first = name.start
    if first >= 3 and doc[first - 1].is_title and doc[first - 2].text == ",":
        first -= 1  # "..., General Robert Brieger": a rank written before the name
    if first < 2 or doc[first - 1].text != ",":
        return None
    tok = doc[first - 2]
    for _ in range(6):
        if tok.lower_ in OFFICE_NOUNS and tok.pos_ in ("NOUN", "PROPN"):
            return tok
        if tok.dep_ not in ("pobj", "prep", "compound") or tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _title_before(doc: Doc, mention: Mention) -> set[str]:
    """The title written right before a name ("General", "Sen."), lower case."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or span.start == 0:
        return set()
    prev = doc[span.start - 1]
    return {prev.lower_.rstrip(".")} if prev.is_title and prev.pos_ in ("PROPN", "NOUN") else set()
