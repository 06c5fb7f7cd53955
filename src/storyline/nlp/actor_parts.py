"""Names NER cut in two or ran together: a person after the publication or state owning them, a person
run into a heading or a town, a name cut after a quoted nickname, regions NER left untagged before a
lower-case region noun, companies listed as examples of a kind of firm, capitalised collective nouns."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from storyline.kb.towns import is_town
from storyline.nlp.actor_cues import appositive_head
from storyline.nlp.actor_lists import list_members, titled_list
from storyline.nlp.actor_roles import TITLE_WORDS, person_noun
from storyline.nlp.actor_spans import BODY_HEADS, PORTFOLIOS, collective_possessive, is_honorific
from storyline.nlp.actor_vocab import MEDIA_WORDS

_POSSESSIVES = {"'s", "’s", "'", "’"}
_OPENING = {"“", '"', "‘"}
_CLOSING = {"”", '"', "’"}
_BODY_WORDS = BODY_HEADS | {"bank", "group", "company", "airlines", "university", "party", "army", "forces", "news"}


def split_possessor(span: Span, label: str, known) -> list[tuple[Span, str]]:
    """A person NER ran into the body or state owning them: "Fox News' Anders Hagstrom", "Russia's
    Sergei Lavrov" are a publication or state, then a person. The owner must be known to the knowledge
    base and the rest look like a personal name (two or three capitalised words)."""
    doc = span.doc
    commas = [t.i for t in span[1:-1] if t.text == ","]
    if commas and commas[0] - span.start >= 3 and doc[commas[0] - 2].lower_ in ("of", "for") \
            and any(t.lower_ == "and" for t in doc[commas[-1] : span.end]):
        return [(span, label)]  # "National Society of Mining, Petroleum and Energy": one name listing its fields
    if label in ("ORG", "PERSON") and commas:
        # "Kharkiv, Sumy (or Zaporizhzhia)": a list NER ran into one name
        cuts = [t.i for t in span[1:-1] if t.text == ","] + [span.end]
        parts, start = [], span.start
        for cut in cuts:
            if start < cut:
                parts.append((doc[start:cut], label))
            start = cut + 1
        return parts
    if label in ("ORG", "PERSON") and len(span) >= 3 and span[0].lower_ in PORTFOLIOS and span[0].is_title \
            and all(t.is_title and t.is_alpha and t.lower_ not in TITLE_WORDS and not is_honorific(t.text) for t in span[1:]):
        return [(span[1:], "PERSON")]  # "(Ministers of Finance X,) Defense Petra Horakova": the portfolio, then a name
    for tok in span[1:-1]:
        if tok.text not in _POSSESSIVES:
            continue
        owner, rest = doc[span.start : tok.i], doc[tok.i + 1 : span.end]
        found = known(owner.text)
        if (found and (found[0].type in ("organization", "igo") or (found[0].type == "state" and label == "PERSON"))
                and 2 <= len(rest) <= 3 and all(t.is_title and t.is_alpha and t.lower_ not in _BODY_WORDS for t in rest)
                and not known(rest.text)
                # "Atlantic Council's Ukraine Alert": a name opening with a state or place is no person's
                and not any(e.type in ("state", "place", "igo") for e in known(rest[0].text))):
            return [(owner, "GPE" if found[0].type == "state" else "ORG"), (rest, "PERSON")]
        break
    return [(span, label)]


def listed_as_bodies(span: Span, body_nouns: set[str]) -> bool:
    """A name among the examples of a kind of body ("retailers such as Spain's Mercadona, Britain's Tesco
    and France's Carrefour", "firms like Danone and Henkel"), or one word right after a noun naming the
    kind ("the Swiss multinational Nestle"), or named by one ("a freight company called Nordlink", "Veritana,
    an online portal"): a company, whatever NER and the places beside it say."""
    doc = span.doc
    if len(span) == 1 and span.start > 0 and doc[span.start - 1].lower_ in body_nouns:
        return True
    if span.start > 1 and doc[span.start - 1].lower_ in ("called", "named") and _body_noun(doc[span.start - 2],
                                                                                          body_nouns):
        return True
    if (head := appositive_head(span)) is not None and _body_noun(head, body_nouns):
        return True
    top = span.root
    while top.dep_ == "conj" and top.head.i != top.i:
        top = top.head
    if top.dep_ != "pobj" or top.head.lower_ not in ("as", "like", "including"):
        return False
    return _body_noun(top.head.head, body_nouns)


def _body_noun(word: Token, body_nouns: set[str]) -> bool:
    """A common noun naming a kind of body, singular or plural ("company", "firms", "companies": no lemmas in
    the pipeline)."""
    kind = word.lower_
    return word.pos_ == "NOUN" and (kind in body_nouns or kind.removesuffix("s") in body_nouns
                                    or kind.removesuffix("ies") + "y" in body_nouns)


# Common nouns and adjectives written with a capital as if they named someone ("the Axis", "the eastern
# Front", "Allied support", "the Alliance"): alone, and unknown to the knowledge base, they name no actor.
COMMON_BODY_WORDS = {"alliance", "allied", "allies", "axis", "front", "force", "forces", "coalition", "command",
                     "resistance", "opposition", "junta", "regime", "bloc", "government", "administration",
                     "authorities", "military"}


def common_word_name(span: Span) -> bool:
    """One capitalised collective noun standing for no one in particular ("the Axis", "that Front")."""
    return len(span) == 1 and span[0].is_title and span[0].lower_ in COMMON_BODY_WORDS


def split_known_words(span: Span, label: str, known) -> list[tuple[Span, str]]:
    """A name NER ran over two known parties with no name of its own ("the former US Nato ambassador"):
    each word a state or an intergovernmental body the knowledge base knows, and the whole unknown. Or a
    listener run into the subject of what they were told ("told the BBC Chile would ..."): the body, then
    the state."""
    if label not in ("ORG", "GPE", "NORP") or not 2 <= len(span) <= 3 or known(span.text) \
            or not all(t.is_alpha for t in span):
        return [(span, label)]
    told = _told_then_subject(span, known)
    if told is not None:
        return told
    kinds = [next((e.type for e in known(t.text)), None) for t in span]
    if not all(k in ("state", "igo") for k in kinds):
        return [(span, label)]
    return [(span.doc[t.i : t.i + 1], "GPE" if k == "state" else "ORG") for t, k in zip(span, kinds)]


def split_demonym(span: Span, label: str, known, demonym) -> list[tuple[Span, str]]:
    """A people's adjective NER ran into a name the report also writes alone: "the French Courchevel" beside
    "in Courchevel", "the Chilean Valparaiso". The adjective, then the name, of the kind NER gives it where it
    stands alone. A body's name made so ("Polish Radio", "Turkish Airlines") is never written without its
    adjective, and keeps it."""
    doc = span.doc
    lead = span[0].lower_ in ("the", "a", "an")
    name = span[1:] if lead else span
    if label not in ("ORG", "GPE", "LOC", "FAC") or not 2 <= len(name) <= 3 or known(name.text) \
            or demonym(name[0].text) is None:
        return [(span, label)]
    rest = name[1:]
    if not all(t.is_title and t.is_alpha and t.lower_ not in _BODY_WORDS and t.lower_ not in MEDIA_WORDS
               for t in rest) or known(rest.text):
        return [(span, label)]
    words = [t.text for t in rest]
    alone = [i for i in range(len(doc) - len(rest) + 1) if not span.start <= i < span.end
             and [t.text for t in doc[i : i + len(rest)]] == words and (i == 0 or demonym(doc[i - 1].text) is None)]
    if not alone:
        return [(span, label)]
    kinds = [doc[i].ent_type_ for i in alone if doc[i].ent_type_ in ("ORG", "GPE", "LOC", "FAC", "PERSON")]
    return [(name[:1], "NORP"), (rest, kinds[0] if kinds else label)]


def _told_then_subject(span: Span, known) -> list[tuple[Span, str]] | None:
    """"(told) the BBC India would": a known body that a verb of telling governs, run into the known state
    that is the subject of the reported clause; None when the span is not so built."""
    last = span[-1]
    clause = last.head
    if last.dep_ != "nsubj" or clause.i < span.end or clause.dep_ != "ccomp" or clause.head.lower_ not in TOLD \
            or any(c.dep_ in ("dobj", "dative") for c in clause.head.children):
        return None
    body, state = span[:-1], span[-1:]
    if not any(e.type in ("organization", "igo") for e in known(body.text)[:1]) \
            or not any(e.type == "state" for e in known(state.text)[:1]):
        return None
    return [(body, "ORG"), (state, "GPE")]


# Verbs whose listener can come right before the reported clause with no "that": "told the BBC India would".
TOLD = {"told", "tell", "tells", "telling", "assured", "assure", "assures", "warned", "warn", "warns"}


def split_run_together(span: Span, label: str, known, given_name) -> list[tuple[Span, str]]:
    """A person NER ran into the words before them, across a heading or a missing comma: "(Other) Stories
    of Note Tarrant", "(the governor of the flooded) Kherson Sergei Petrenko", "Daily Ledger Ana Mora".
    The person must be known to the knowledge base, or open with a known given name after a word that is
    none; the words before are kept only as a body or place the knowledge base knows, or a town."""
    if label not in ("PERSON", "ORG") or len(span) < 2 or known(span.text) \
            or any(t.lower_ in TITLE_WORDS or is_honorific(t.text) for t in span):
        return [(span, label)]

    def first_name(word: str) -> bool:  # "Sergei", "Petro"
        found = known(word)
        return given_name(word) or (bool(found) and all(e.type == "person" for e in found))

    outlet = outlet_then_person(span, label, known, given_name)
    if outlet is not None:
        return outlet
    if two_surnames(span, label, known, given_name):
        return [(span[:1], "PERSON"), (span[1:], "PERSON")]
    prev = span.doc[span.start - 1] if span.start > 0 else None  # "the flooded (Derna)", not "analyst (Anna)"
    place_cue = prev is not None and prev.is_lower and prev.is_alpha and not person_noun(prev.text) \
        and prev.lower_ not in TITLE_WORDS
    for k in range(1, len(span)):
        head, rest = span.doc[span.start : span.start + k], span.doc[span.start + k : span.end]
        if len(rest) > 3 or all(t.is_stop for t in head) \
                or not all(t.is_title and t.is_alpha and t.lower_ not in _BODY_WORDS for t in rest):
            continue
        owner = known(head.text)
        body = bool(owner) and owner[0].type != "person"
        if len(rest) == 1:
            # "Topics of Interest Scholz": a known surname after words that are no given name
            joined = body or any(t.is_lower for t in head)
            if not (joined and any(e.type == "person" for e in known(rest.text))):
                continue
        elif not (first_name(rest[0].text) and not first_name(head[-1].text)
                  and (body or len(head) > 1 or label == "ORG" or (is_town(head.text) and place_cue))):
            continue
        if body and owner[0].type == "state":
            return [(span, label)]  # "(President of) Ukraine X": resolved as the person, the title's state aside
        two_people = label == "PERSON" and 2 <= len(head) <= 3 and first_name(head[0].text) \
            and all(t.is_title and t.is_alpha for t in head)  # "Juan Perez Maria Lopez": two people run together
        parts = [(head, "GPE" if owner[0].type == "place" else "ORG")] if body else \
            [(head, "PERSON")] if two_people else [(head, "GPE")] if is_town(head.text) else []
        return parts + [(rest, "PERSON")]
    return [(span, label)]


def two_surnames(span: Span, label: str, known, given_name) -> bool:
    """Two people's surnames NER ran together where a translation lost the comma or the preposition between
    them ("from the point of view of Lukashenko Zielak"): the first word is a known person's surname and no
    given name, and the second is a known person's too or ends a full name elsewhere in the report ("Piotr
    Zielak")."""
    if label != "PERSON" or len(span) != 2 or not all(t.is_title and t.is_alpha for t in span):
        return False
    first, second = span[0].text, span[1].text
    found = known(first)
    if not found or not all(e.type == "person" for e in found) or given_name(first) or given_name(second):
        return False
    also = known(second)
    if also and all(e.type == "person" for e in also):
        return True
    return any(ent.label_ == "PERSON" and len(ent) > 1 and ent[-1].text == second and ent.end != span.end
               for ent in span.doc.ents)


def given_name_cut_off(span: Span, label: str, known, given_name) -> list[tuple[Span, str]]:
    """A body's name NER ran on into the given name of the person after it and cut before the surname:
    "(Deputy Secretary of) the Treasury Jane" + "Roe", "the Central Bank Maria" + "Lind". The last word
    is a known given name compounded into the capitalised proper noun right after the span, which no other
    name takes: the body, then the person's full name."""
    doc = span.doc
    if label not in ("ORG", "GPE", "LOC", "FAC") or len(span) < 2 or span.end >= len(doc) or known(span.text):
        return [(span, label)]
    last, after = span[-1], doc[span.end]
    if not (given_name(last.text) and last.whitespace_ and last.dep_ == "compound" and last.head.i == after.i
            and after.is_title and after.is_alpha and after.pos_ == "PROPN" and not after.ent_type_
            and not known(after.text) and not span[-2].is_punct):
        return [(span, label)]
    return [(span[:-1], label), (doc[last.i : after.i + 1], "PERSON")]


_FOREIGN_ARTICLES = {"la", "el", "le", "les", "los", "las", "il", "lo", "der", "die", "das", "al", "de", "del", "du"}
_OUTLET_WORDS = MEDIA_WORDS | {"online", "digital", "free", "international", "world", "global", "live", "first"}


def outlet_then_person(span: Span, label: str, known, given_name) -> list[tuple[Span, str]] | None:
    """A broadcaster or paper NER ran into its journalist: "(French television) BFM Jean Dupont", "(the
    journalist of) The Daily Beast Julia Davis": an acronym of three or more capitals, or a name with a media
    word, then a given name and a surname."""
    doc = span.doc
    for k in range(len(span) - 2, 0, -1):
        head, rest = doc[span.start : span.start + k], doc[span.start + k : span.end]
        if len(rest) != 2 or not all(t.is_title and t.is_alpha and t.lower_ not in _OUTLET_WORDS for t in rest) \
                or rest[0].lower_ in _FOREIGN_ARTICLES \
                or known(rest.text) or not (label == "PERSON" or given_name(rest[0].text) or any(
                    person_noun(t.text) or t.lower_ in TITLE_WORDS for t in doc[max(0, span.start - 3) : span.start])):
            continue  # "Radio Free Asia", "Daily Mail Online": the outlet's own name
        acronym = len(head) == 1 and head[0].is_upper and head[0].is_alpha and len(head[0]) >= 3
        media = any(t.lower_ in MEDIA_WORDS and t.is_title for t in head)
        if (acronym or media) and not any(e.type == "person" for e in known(head.text)):
            return [(head, "ORG"), (rest, "PERSON")]
    return None


def join_nickname(spans: list[tuple[Span, str]]) -> list[tuple[Span, str]]:
    """A person NER cut after a quoted nickname: "Oleksandra “Sasha”" + "Kuvshynova" is one name. A
    name with a collective's possessive ("People's Republic") is a body's, not a person's."""
    out: list[tuple[Span, str]] = []
    for span, label in spans:
        if label == "PERSON" and any(t.text in _POSSESSIVES and collective_possessive(t) for t in span):
            label = "ORG"  # "the Lugansk People's Republic" is no person
        if out:
            prev, prev_label = out[-1]
            closed = prev.end == span.start and len(prev) > 2 and prev[-1].text in _CLOSING
            unclosed = (prev.end + 1 == span.start and span.doc[prev.end].text in _CLOSING
                        and any(t.text in _OPENING for t in prev))  # "Maria “Masha" + "”" + "Petrenko"
            if prev_label == "PERSON" and (closed or unclosed) and len(span) == 1 and span[0].is_title and span[0].is_alpha:
                out[-1] = (span.doc[prev.start : span.end], "PERSON")
                continue
        out.append((span, label))
    return out


# Nouns that follow a region's name in lower case ("the Donetsk region", "Sumy oblast").
REGION_NOUNS = {"oblast", "region", "province", "governorate", "prefecture", "county", "district", "state"}
HYPHENS = {"-", "‑", "–"}


def unlabelled_places(doc: Doc) -> list[Span]:
    """Regions NER left untagged: capitalised proper nouns before a lower-case region noun ("in the
    Donetsk region", "Ukraine's Sumy oblast"); the span takes the noun too."""
    out = []
    for tok in doc:
        if not (tok.lower_ in REGION_NOUNS and tok.is_lower and tok.i > 0):
            continue
        start = tok.i
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title and doc[start - 1].is_alpha \
                and not doc[start - 1].ent_type_ and not doc[start - 1].is_sent_start:
            start -= 1
        if start >= 2 and start < tok.i and doc[start - 1].text in HYPHENS and not doc[start - 2].whitespace_:
            continue  # "the Euro-Atlantic region": half of a hyphenated word is no region
        if start < tok.i and doc[tok.i - 1].lower_ in REGION_NOUNS:
            out.append(doc[start : tok.i])  # "the Kyiv Oblast region" is Kyiv Oblast
        elif start < tok.i and tok.i - start <= 2:
            out.append(doc[start : tok.i + 1])
    return out


def unlabelled_full_names(doc: Doc, known) -> list[Span]:
    """A person's full name NER left untagged where it tagged the surname elsewhere in the report
    ("Laos's commerce minister, Somsack Phommachanh, said ... Phommachanh added"): one or two capitalised
    proper nouns right before an untagged word that NER tags as a person's last name in the same report."""
    surnames = {e[-1].text for e in doc.ents if e.label_ == "PERSON" and e[-1].is_title and e[-1].is_alpha}
    covered = {t.i for e in doc.ents for t in e}
    out = []
    for tok in doc:
        if tok.text not in surnames or tok.i in covered:
            continue
        start = tok.i
        while start > 0 and tok.i - start < 2:
            prev = doc[start - 1]
            if prev.i in covered or not (prev.is_title and prev.is_alpha and prev.pos_ == "PROPN") \
                    or prev.lower_ in TITLE_WORDS or prev.lower_.removesuffix("s") in TITLE_WORDS \
                    or is_honorific(prev.text) or person_noun(prev.text) or known(prev.text) \
                    or (prev.is_sent_start and prev.lower_.endswith("ing") and len(prev) > 5):
                break  # "Joining Biggs on the letter were ...": a verb opening the sentence, not a given name
            start -= 1
        if start < tok.i:
            out.append(doc[start : tok.i + 1])
    return out


def titled_appositive_names(doc: Doc, known) -> list[Span]:
    """An untagged name in apposition with a title ("the Lao commerce minister, Somsack Phommachanh,";
    "Somsack Phommachanh, the commerce minister,"): two or three capitalised proper nouns that the
    knowledge base does not know as a place, state or body."""
    covered = {t.i for e in doc.ents for t in e}
    out = []
    for tok in doc:
        if tok.i in covered or tok.pos_ != "PROPN" or not tok.is_title:
            continue
        titled = (tok.dep_ == "appos" and (tok.head.lower_ in TITLE_WORDS or person_noun(tok.head.text))) or any(
            c.dep_ == "appos" and c.i > tok.i and (c.lower_ in TITLE_WORDS or person_noun(c.text)) for c in tok.children)
        if not titled:
            continue
        start = tok.i
        while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i == tok.i:
            start -= 1
        words = doc[start : tok.i + 1]
        if 2 <= len(words) <= 3 and not covered & set(range(start, tok.i + 1)) \
                and all(t.is_title and t.is_alpha and t.pos_ == "PROPN" and t.lower_ not in TITLE_WORDS
                        and not is_honorific(t.text) for t in words) \
                and not any(e.type != "person" for t in words for e in known(t.text)):
            out.append(words)
    return out


# Words that make a name a document's ("the Privacy Policy", "the Vilnius Summit Communique").
DOCUMENT_WORDS = {"policy", "terms", "communique", "communiqué", "strategy", "doctrine", "guidelines", "manifesto"}


def document_name(span: Span) -> bool:
    """The name of a document, not of a body: a document word and no body's head noun, a head after
    "of" aside ("Terms of Service" is no service)."""
    doc = span.doc
    words = [t for t in span if t.is_alpha]
    return (any(t.lower_ in DOCUMENT_WORDS for t in words)
            and not any(t.lower_ in _BODY_WORDS and not (t.i > 0 and doc[t.i - 1].lower_ == "of") for t in words))


_MODEL = re.compile(r"[A-Z][A-Za-z]{0,3}-?\d{1,4}[A-Z]?")


def model_designation(span: Span) -> bool:
    """A weapon's or vehicle's model ("F16", "T-72", "Su-25", "S-400"): letters glued to a number. Bodies
    so named ("G7", "M23") are known to the knowledge base, which is asked first."""
    return _MODEL.fullmatch(span.text.replace(" ", "")) is not None


def coordinated_places(doc: Doc, mentions: list, body_nouns: set[str]) -> None:
    """A one-word name typed as a person or body in a list of places ("Mikolaiv, Ochakiv and Odesa",
    "Kharkiv, Sumy or Zaporizhzhia") is a place, wherever in the list it stands; NER and the resolver
    only see the places before it."""
    places = {doc.char_span(m.start, m.end, alignment_mode="expand").root.i for m in mentions
              if m.type == "place" or (m.entity or "").startswith("local:place:")}
    for m in mentions:
        if not (m.entity or "").startswith(("local:person:", "local:organization:")) or " " in m.text.strip():
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        tok = span.root
        if tok.dep_ in ("nsubj", "nsubjpass") or tok.head.lower_ in ("said", "says", "told"):
            continue  # a name that acts is no place
        if listed_as_bodies(span, body_nouns):
            continue  # "retailers such as Tesco and Carrefour"
        members = list_members(tok)
        if titled_list(members[0]):
            continue  # "Senators Risch, Cardin and Graham": persons, whatever NER made of the others
        listed = {t.i for t in members}
        if (listed - {tok.i}) & places:
            m.entity, m.type = f"local:place:{m.entity.split(':', 2)[2].split('@')[0]}", "place"


def split_at_place(span: Span, label: str, known) -> list[tuple[Span, str]]:
    """A body NER ran into where it sits: "the Labour Department in Colombo", "(he came from) Buriaci in
    Siberia" are a name, then a place the knowledge base or the town list knows. A known name that holds
    "in" ("Organization for Security and Co-operation in Europe") is kept whole."""
    if label not in ("ORG", "PERSON", "FAC") or len(span) < 3 or known(span.text):
        return [(span, label)]
    doc = span.doc
    for tok in span[1:-1]:
        if tok.lower_ != "in":
            continue
        head, rest = doc[span.start : tok.i], doc[tok.i + 1 : span.end]
        if all(t.is_title for t in rest) and (is_town(rest.text) or any(
                e.type in ("place", "state") for e in known(rest.text))):
            before = doc[span.start - 1].lower_ if span.start > 0 else ""
            place = before in ("from", "in", "near") and not any(t.lower_ in _BODY_WORDS for t in head)
            return [(head, "GPE" if place else label), (rest, "GPE")]  # "(came from) Buriaci in Siberia"
        break
    return [(span, label)]


# Capitalised legal forms a company's name ends on ("Volkswagen AG", "Gazprom PJSC"): part of the name, not an
# acronym of it.
LEGAL_FORMS = {"ag", "sa", "se", "nv", "bv", "plc", "llc", "jsc", "pjsc", "oao", "ooo", "zao", "asa", "ab", "spa",
               "inc", "ltd", "co", "corp", "gmbh", "kg", "sas", "srl"}


def is_acronym(token: Token) -> bool:
    """A word written as an acronym: two to six capital letters ("DSNS", "SEDEC"), no company's legal form."""
    return token.is_alpha and token.is_upper and 2 <= len(token) <= 6 and token.lower_ not in LEGAL_FORMS


def split_acronym(span: Span, label: str, known) -> list[tuple[Span, str]]:
    """A body's name NER ran into the acronym written right after it, often in the body's own language
    ("the State Emergency Service DSNS", "the Civil Defence Secretariat SEDEC"): the name, then the acronym,
    both a body's, so that the acronym alone later in the report is the same body (DocState.note)."""
    name = span[:-1]
    if label not in ("ORG", "FAC") or len(span) < 3 or known(span.text) or not is_acronym(span[-1]) \
            or not (name[0].is_title or name[0].lower_ == "the") or not name[-1].is_title or name[-1].is_upper \
            or not all(t.is_title or t.is_stop for t in name):
        return [(span, label)]
    return [(name, "ORG"), (span[-1:], "ORG")]
