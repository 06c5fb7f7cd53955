"""Names NER cut in two or ran together: a person after the publication or state owning them, a name
cut after a quoted nickname, and regions NER left untagged before a lower-case region noun."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from storyline.nlp.actor_spans import BODY_HEADS, collective_possessive

_POSSESSIVES = {"'s", "’s", "'", "’"}
_BODY_WORDS = BODY_HEADS | {"bank", "group", "company", "airlines", "university", "party", "army", "forces", "news"}


def split_possessor(span: Span, label: str, known) -> list[tuple[Span, str]]:
    """A person NER ran into the body or state owning them: "Fox News' Anders Hagstrom", "Russia's
    Sergei Lavrov" are a publication or state, then a person. The owner must be known to the knowledge
    base and the rest look like a personal name (two or three capitalised words)."""
    doc = span.doc
    for tok in span[1:-1]:
        if tok.text not in _POSSESSIVES:
            continue
        owner, rest = doc[span.start : tok.i], doc[tok.i + 1 : span.end]
        found = known(owner.text)
        if (found and (found[0].type in ("organization", "igo") or (found[0].type == "state" and label == "PERSON"))
                and 2 <= len(rest) <= 3 and all(t.is_title and t.is_alpha and t.lower_ not in _BODY_WORDS for t in rest)
                and not known(rest.text)):
            return [(owner, "GPE" if found[0].type == "state" else "ORG"), (rest, "PERSON")]
        break
    return [(span, label)]


def join_nickname(spans: list[tuple[Span, str]]) -> list[tuple[Span, str]]:
    """A person NER cut after a quoted nickname: "Oleksandra “Sasha”" + "Kuvshynova" is one name. A
    name with a collective's possessive ("People's Republic") is a body's, not a person's."""
    out: list[tuple[Span, str]] = []
    for span, label in spans:
        if label == "PERSON" and any(t.text in _POSSESSIVES and collective_possessive(t) for t in span):
            label = "ORG"  # "the Lugansk People's Republic" is no person
        if out:
            prev, prev_label = out[-1]
            if (prev_label == "PERSON" and prev.end == span.start and len(prev) > 2 and prev[-1].text in ("”", '"', "’")
                    and len(span) == 1 and span[0].is_title and span[0].is_alpha):
                out[-1] = (span.doc[prev.start : span.end], "PERSON")
                continue
        out.append((span, label))
    return out


# Nouns that follow a region's name in lower case ("the Donetsk region", "Sumy oblast").
REGION_NOUNS = {"oblast", "region", "province", "governorate", "prefecture", "county", "district", "state"}


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
        if start < tok.i and tok.i - start <= 2:
            out.append(doc[start : tok.i + 1])
    return out
