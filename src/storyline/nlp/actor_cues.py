"""Words around a name that say what it names: a publication before "newspaper", a person before "who"."""

from __future__ import annotations

from spacy.tokens import Span, Token

from storyline.nlp.actor_roles import TITLE_WORDS, person_noun

# Common nouns that say the name before them is a publication: "told La República newspaper".
PUBLICATION_NOUNS = {"newspaper", "newspapers", "daily", "weekly", "magazine", "tabloid", "broadcaster",
                     "channel", "website", "outlet"}


def publication_before_noun(span: Span, label: str) -> bool:
    """A name followed by a noun saying it is a publication ("La República newspaper", "Lloyd's List
    magazine"), not "the Karachi newspaper", where NER saw a place name modifying the noun."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].lower_ not in PUBLICATION_NOUNS:
        return False
    place_modifier = span.start > 0 and doc[span.start - 1].lower_ == "the" and label in ("GPE", "LOC")
    return not place_modifier


def who_follows(span: Span) -> bool:
    """A name followed by the relative pronoun "who" ("Rosenbaum, who served ..."): a person, whatever
    NER called it."""
    doc = span.doc
    nxt = span.end + (1 if span.end < len(doc) and doc[span.end].text == "," else 0)
    return nxt < len(doc) and doc[nxt].lower_ == "who" and all(t.is_title for t in span if t.is_alpha)


def who_follows_anywhere(word: Token) -> bool:
    """The report follows this word with "who" somewhere ("Rosenbaum, who served ..."): a person's name."""
    return word.text in _followed_by_who(word.doc)


_WHO = "storyline.followed_by_who"


def _followed_by_who(doc) -> frozenset[str]:
    """The texts of the words :func:`who_follows` holds for as one-word names, found once per Doc
    (kept in ``user_data``) from its "who" tokens rather than by a walk of the report per name."""
    found = doc.user_data.get(_WHO)
    if found is None:
        words = set()
        for tok in doc:
            if tok.lower_ != "who" or tok.i == 0:
                continue
            before = doc[tok.i - 1]
            candidates = [before]
            if before.text == "," and tok.i >= 2:
                candidates.append(doc[tok.i - 2])
            words.update(t.text for t in candidates if t.is_title or not t.is_alpha)
        found = doc.user_data[_WHO] = frozenset(words)
    return found


def appositive_head(span: Span) -> Token | None:
    """The head noun of an indefinite appositive right after a name (", an online portal that ...", ", a
    group leader in ..."): the first word after the article that is not a modifier. None without one."""
    doc = span.doc
    i = span.end
    if i + 2 >= len(doc) or doc[i].text != "," or doc[i + 1].lower_ not in ("a", "an"):
        return None
    for word in doc[i + 2 : min(len(doc), i + 7)]:
        if word.pos_ not in ("ADJ", "ADV") and word.dep_ not in ("compound", "amod", "npadvmod"):
            return word
    return None


def described_as_person(span: Span) -> bool:
    """A name followed by an age between commas or by an appositive naming what a person does ("Nadia
    Koval, 12, said", "Amara Diallo, a group leader in Bamako,"): a person, whatever NER called it."""
    doc = span.doc
    if not all(t.is_title for t in span if t.is_alpha) or span.end + 2 >= len(doc) or doc[span.end].text != ",":
        return False
    age = doc[span.end + 1]
    if age.text.isdigit() and 0 < int(age.text) < 120 and doc[span.end + 2].text == ",":
        return True
    head = appositive_head(span)
    return head is not None and (person_noun(head.text) or head.lower_ in TITLE_WORDS)
