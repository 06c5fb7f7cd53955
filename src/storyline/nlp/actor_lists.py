"""Names in one list take one kind: the members listed after a plural title ("Senators Risch, Cardin and
Graham") are persons, and names listed among known bodies with no known place beside them ("Suspilne,
Dzerkalo Tyzhnia, LB.ua and Glavcom") are bodies, whatever NER guessed for each word."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from storyline.kb.normalize import slug
from storyline.models import Mention
from storyline.nlp.actor_roles import PERSON_NOUNS, TITLE_WORDS

# Abbreviated plural titles written before names ("Sens. Risch and Cardin", "Reps. Smith and Jones").
_SHORT_TITLES = {"sens": "senator", "reps": "representative", "gens": "general", "drs": "doctor"}
_BODY_TYPES = ("organization", "igo", "group")


def list_members(tok: Token) -> list[Token]:
    """The list a token stands in: its first member and every member conjoined to it, in order."""
    top = tok
    while top.dep_ == "conj" and top.head.i != top.i:
        top = top.head
    members, todo = [], [top]
    while todo:
        member = todo.pop()
        members.append(member)
        todo.extend(c for c in member.children if c.dep_ == "conj")
    return sorted(members, key=lambda t: t.i)


def _plural_title(word: str) -> bool:
    """"Senators", "Ministers", "Sens.": a title or person noun in the plural."""
    lower = word.lower().rstrip(".")
    if lower in _SHORT_TITLES:
        return True
    if not lower.endswith("s") or len(lower) < 4:
        return False
    one = lower[:-1]
    return one in TITLE_WORDS or one in PERSON_NOUNS


def titled_list(first: Token) -> bool:
    """The list's first member comes right after a plural title it is compounded with ("Senators Risch")."""
    doc = first.doc
    i = first.i - 1
    if i >= 0 and doc[i].text == "." and i > 0:
        i -= 1  # "Sens. Risch"
    return i >= 0 and _plural_title(doc[i].text) and doc[i].head.i == first.i and doc[i].text[:1].isupper()


def _root(doc: Doc, m: Mention) -> Token | None:
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _local_name(m: Mention) -> str:
    return (m.entity or "").split(":", 2)[2].split("@")[0] if (m.entity or "").count(":") >= 2 else slug(m.text)


def _lists(doc: Doc, mentions: list[Mention]) -> list[tuple[list[Token], list[Mention]]]:
    """Every list of two or more members a mention stands in: its tokens, and the mentions at their roots."""
    by_root: dict[int, Mention] = {}
    for m in mentions:
        root = _root(doc, m)
        if root is not None:
            by_root.setdefault(root.i, m)
    seen: set[int] = set()
    out = []
    for i in by_root:
        if i in seen:
            continue
        members = list_members(doc[i])
        seen.update(t.i for t in members)
        if len(members) >= 2:
            out.append((members, [by_root[t.i] for t in members if t.i in by_root]))
    return out


def cities_listed_with_places(doc: Doc, mentions: list[Mention], city_of) -> None:
    """A capital listed among towns ("in London, Tel Aviv, Augsburg and Nagoya") is a city like them, not the
    state governed from it: each name written for its state becomes the city ``city_of`` gives, when another
    member is a place and none is a state written by its own name."""
    for _, listed in _lists(doc, mentions):
        seats = [x for x in listed if x.label == "METONYM" and x.type == "state"]
        if not seats or not any(x.type == "place" for x in listed) \
                or any(x.type == "state" and x.label != "METONYM" for x in listed):
            continue
        for x in seats:
            if (city := city_of(x.text)) is not None:
                x.entity, x.type, x.facet = city, "place", None


def one_kind_per_list(doc: Doc, mentions: list[Mention], doc_tag: str) -> None:
    """Give the local members of a list the kind their list shows: persons after a plural title, bodies
    among known bodies where no member is a known place or state."""
    for members, listed in _lists(doc, mentions):
        local = [x for x in listed if (x.entity or "").startswith("local:")]
        if titled_list(members[0]):
            for x in local:
                name = slug(x.text)
                x.type = "person"
                x.entity = f"local:person:{name}@{doc_tag}" if " " not in x.text.strip() else f"local:person:{name}"
            continue
        known = [x for x in listed if (x.entity or "").startswith("kb:")]
        if any(x.type in ("place", "state") for x in known) or not any(x.type in _BODY_TYPES for x in known):
            continue
        bodies = [x for x in listed if x.type in _BODY_TYPES]
        places = [x for x in local if x.type == "place"]
        if places and len(bodies) >= 2 and len(bodies) > len(places):
            for x in places:
                x.type, x.entity = "organization", f"local:organization:{_local_name(x)}"
