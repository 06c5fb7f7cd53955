"""The names the actor resolver looks for verbatim in a report: every knowledge-base name and alias, and
a state's ministries and intelligence services in the forms running text gives them, and the part of a
matched possessive phrase that is the body's own name."""

from __future__ import annotations

from spacy.tokens import Span

from storyline.kb.lookup import KnowledgeBase
from storyline.kb.normalize import is_case_sensitive


def match_surfaces(kb: KnowledgeBase) -> tuple[set[str], set[str]]:
    """Names to look for verbatim, and multi-word names to look for in any case."""
    exact: set[str] = set()
    lower: set[str] = set()
    for entity in kb.entities():
        for surface in (entity.name, *entity.aliases):
            if not surface or len(surface) < 2:
                continue
            exact.add(surface)
            if " " in surface and not is_case_sensitive(surface):
                lower.add(surface.lower())
    lower |= qualified_bodies(kb)
    return exact, lower


def qualified_bodies(kb: KnowledgeBase) -> set[str]:
    """A state's ministries and intelligence services as reports write them in running text, in any case:
    "Ukraine's foreign ministry", "the Kenyan interior ministry", "Russian military intelligence"."""
    out: set[str] = set()
    for entity in kb.entities("organization"):
        state = kb.get(entity.country) if entity.country else None
        if state is None or state.type != "state" or entity.extra.get("kind") not in ("ministry", "intelligence"):
            continue
        for generic in entity.extra.get("generic", ()):
            if " " not in generic or is_case_sensitive(generic):
                continue
            out.add(f"{state.name} {generic}".lower())
            out.update(f"{state.name}{mark} {generic}".lower() for mark in ("'s", "’s"))
            out.update(f"{demonym} {generic}".lower() for demonym in state.extra.get("demonyms", ())[:1])
    return out


def own_name(span: Span, kb: KnowledgeBase) -> Span:
    """"Canada's Department of National Defence" -> the body's own name when it alone names the same
    body; "Russia's defence ministry" stays whole."""
    mark = next((t.i for t in span if t.text in ("'s", "’s")), None)
    if mark is None or mark + 1 >= span.end:
        return span
    rest = span.doc[mark + 1 : span.end]
    return rest if kb.lookup(rest.text)[:1] == kb.lookup(span.text)[:1] else span
