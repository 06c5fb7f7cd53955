"""Which person a description by office refers to: "the president", "Chile's foreign minister",
"the head of the commission Ana Ruiz", "the head of state".

``office_holder(mentions, span)`` returns the person named in the phrase itself, else the nearest
earlier person the report gives that office (by a title before the name, an apposition, the words
around the name, or the knowledge base's tenures on the report's date), else a person named with
that office in the next sentences. A person the knowledge base places in another state's offices
is never the holder of "the Belarusian leader" or "Ukraine's prime minister".
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from storyline.models import Mention
from storyline.nlp.pipeline import text_of

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
    "administrator", "rapporteur", "coordinator", "pontiff", "executive", "ceo", "archbishop", "bishop", "patriarch",
}
# Office nouns a report writes for a title it gives the holder under another word: "the pontiff" after
# "Pope Francis", "the executive" after "chief executive Ana Ruiz".
OFFICE_SYNONYMS = {"pontiff": {"pope", "pontiff"}, "executive": {"executive", "ceo"}, "ceo": {"ceo", "executive"}}
# Offices a "leader" or "head of state/government" can hold; offices a "top diplomat" can hold.
LEADER_OFFICES = {"president", "premier", "chancellor", "leader", "king", "queen", "emir", "sultan", "monarch",
                  "prime", "head", "chief", "chairman", "taoiseach", "dictator", "ruler"}
DIPLOMAT_OFFICES = {"foreign", "diplomat", "diplomacy", "state"}
# Words of a title that make its holder the second to an office: a deputy head is not the head.
DEPUTY_WORDS = {"deputy", "vice", "assistant", "under", "undersecretary", "vice-president", "deputy-head"}
# Titles of whoever runs a body: "the head of the union" is its chairman, director or president.
HEAD_NOUNS = {"head", "chief", "chairman", "chairwoman", "chair", "director", "leader", "president"}


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
    elif noun in HEAD_NOUNS and of and _state(of[0]) is None:
        # "the head of the union": whoever heads the body the phrase names, by any of the titles for it
        # (a "<body word> <noun>" entry narrows the match to holders whose role names the body)
        words = set(HEAD_NOUNS) | {f"{w.lower_} {noun}" for w in of[0].subtree if w.pos_ in ("PROPN", "NOUN")}
    elif noun == "leader":
        words = set(LEADER_OFFICES)
    elif of and of[0].ent_type_ not in ("GPE", "NORP", "LOC") and of[0].lower_ not in ("the", "a") and _state(of[0]) is None:
        words.add(f"{of[0].lower_} {noun}")  # "the minister of defence", "the secretary of state"
    elif noun == "diplomat" and any(c.lower_ == "top" for c in head.children):
        words = set(DIPLOMAT_OFFICES)
    # "the foreign minister", "the prime minister": the modifier narrows the office
    narrow = {c.lower_ for c in head.children if c.dep_ in ("compound", "amod") and c.pos_ != "PROPN"
              and c.ent_type_ not in ("NORP", "GPE")}
    words |= OFFICE_SYNONYMS.get(noun, set())
    return noun, words | ({f"{w} {noun}" for w in narrow} if narrow else set())


def office_holder(mentions: list[Mention], span: Span) -> Mention | None:
    """"the president", "Chile's foreign minister", "the head of the commission Ana Ruiz": the person."""
    head = span.root
    if head.pos_ != "NOUN" and not (head.pos_ == "PROPN" and head.lower_ in OFFICE_NOUNS):
        return None
    if head.lower_ not in OFFICE_NOUNS:
        return None
    doc = span.doc
    phrase = doc[head.left_edge.i: head.i + 1] if head.i < span.end else span
    # a name inside the phrase itself: "the head of the European Commission Ana Ruiz"; never a possessor
    # ("the deputy head of Putin's administration Dmitry Kozak" is Kozak)
    inner = [m for m in mentions if span.start_char <= m.start and m.end <= span.end_char and m.type == "person"
             and not _possessor(doc, m)]
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
    # "the head of the Indian government": the states the office's own words name, its "of" phrase included
    of = [t for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for t in c.subtree]
    countries = _countries(list(phrase) + of)
    phrase_words = {t.lower_ for t in phrase}

    def holds(m: Mention) -> bool:
        if m.type != "person" or not m.entity or not _serves(m.entity, countries, doc._.published):
            return False  # "the Belarusian leader" is not Ukraine's president
        held = (roles.get(m.entity, set()) | _title_before(doc, m) | _apposed_role(doc, m)
                | _role_around(doc, m) | _kb_titles(m.entity, doc._.published)
                | {w for w in m.text.lower().split() if w in OFFICE_NOUNS})  # "Pope Francis"
        # "the foreign minister" is not the defence minister, and a deputy head is not the head
        return (bool(held & words) and not (narrow and not any(n.split()[0] in held for n in narrow))
                and not (held & DEPUTY_WORDS and not phrase_words & DEPUTY_WORDS))

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


def later_holder(mentions: list[Mention], span: Span) -> Mention | None:
    """"the Ukrainian leader said ..." paragraphs before "Volodymyr Zelensky" is named: the one person named later
    in the report whom the knowledge base has hold that state's office on the report's date; never for the head of
    a body ("the head of the Russian foreign ministry" is not the Russian president) nor for a deputy."""
    head, doc = span.root, span.doc
    if head.lower_ not in OFFICE_NOUNS or doc._.published is None:
        return None
    phrase = doc[head.left_edge.i: head.i + 1] if head.i < span.end else span
    of = [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    if any(_state(g) is None for g in of) or {t.lower_ for t in phrase} & DEPUTY_WORDS:
        return None
    countries = _countries(list(phrase) + [t for g in of for t in g.subtree])
    if not countries:
        return None
    _, words = _office_words(phrase)
    later = [m for m in mentions if m.start >= span.end_char and m.type == "person" and m.entity
             and _kb_holds(m.entity, countries, words, doc._.published)]
    return later[0] if len({m.entity for m in later}) == 1 else None


def _kb_holds(entity: str, countries: set[str], words: set[str], on) -> bool:
    """Whether the knowledge base has the person hold, on that day, an office of one of these states
    that one of the words names."""
    if not entity.startswith("kb:"):
        return False
    from storyline.kb.lookup import load_kb

    return any(t.of in countries and words & set((t.title or "").lower().replace("-", " ").split())
               for t in load_kb().offices(entity[3:], on))


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


def _countries(phrase: Span | list[Token]) -> set[str]:
    """Knowledge-base ids of the states a description of an office names: "the Belarusian leader",
    "Ukraine's prime minister", "the US secretary of state"."""
    found = set()
    for tok in phrase:
        if tok.ent_type_ in ("NORP", "GPE") or tok.pos_ == "PROPN":
            state = _state(tok)  # "of Moldova", whatever label the tagger gave the name
            if state is not None:
                found.add(state)
    return found


def _state(tok: Token) -> str | None:
    """The knowledge-base id of the state a word names or an adjective belongs to ("Moldova", "Belarusian")."""
    from storyline.kb.lookup import load_kb

    if not (tok.ent_type_ in ("NORP", "GPE") or tok.pos_ == "PROPN"):
        return None
    kb = load_kb()
    word = tok.text.removesuffix("'s").removesuffix("’s")
    state = kb.demonym(word) or next((e for e in kb.lookup(word) if e.type == "state"), None)
    return state.id if state is not None else None


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


def _possessor(doc: Doc, mention: Mention) -> bool:
    """A name written as a possessor ("Putin's administration"): whose office it is, not who holds it."""
    end = mention.end
    text = text_of(doc)
    return text[end:end + 2] in ("'s", "’s") or text[end - 2:end] in ("'s", "’s")


def _title_before(doc: Doc, mention: Mention) -> set[str]:
    """The title written right before a name ("General", "Sen."), lower case."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or span.start == 0:
        return set()
    prev = doc[span.start - 1]
    return {prev.lower_.rstrip(".")} if prev.is_title and prev.pos_ in ("PROPN", "NOUN") else set()
