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
