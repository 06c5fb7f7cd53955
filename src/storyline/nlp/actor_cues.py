"""Words around a name that say what it names: a publication before "newspaper", a person before "who"."""

from __future__ import annotations

from spacy.tokens import Span, Token

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
    doc = word.doc
    return any(who_follows(doc[t.i : t.i + 1]) for t in doc if t.text == word.text)
