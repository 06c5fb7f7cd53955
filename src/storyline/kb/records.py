"""The knowledge base's records: entities and dated tenures, and how they are read from the data files."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from importlib.resources import files
from types import MappingProxyType
from typing import Any, Mapping

DATA_FILES = ("states", "igos", "organizations", "places", "persons", "offices", "tenures")
ENTITY_FILES = ("states", "igos", "organizations", "places", "persons")
TYPES = ("state", "igo", "organization", "group", "person", "place")

# Keys every record of a file must carry; the tests check the data against these.
REQUIRED_KEYS: dict[str, tuple[str, ...]] = {
    "states": ("id", "type", "qid", "name", "official_name", "aliases", "iso2", "un", "demonyms",
               "plural_demonyms", "capitals", "seats"),
    "igos": ("id", "type", "qid", "name", "aliases"),
    "organizations": ("id", "type", "qid", "name", "country", "kind", "aliases"),
    "places": ("id", "type", "name", "aliases", "metonym_for", "kind"),
    "persons": ("id", "type", "qid", "name", "aliases", "country"),
    "offices": ("key", "of", "kind", "titles", "rank"),
    "tenures": ("office", "person", "start", "end"),
}
# Record fields that become KBEntity attributes rather than ``extra``.
_CORE = frozenset({"id", "type", "qid", "name", "aliases", "country"})


@dataclass(frozen=True)
class KBEntity:
    """One thing the knowledge base knows: a state, organisation, group, person or place."""

    id: str
    """Stable id: ISO 3166 alpha-3 for states (``PRK``), an acronym for IGOs (``NATO``),
    ``ISO3.ACRONYM`` for agencies (``KOR.NIS``), ``person:slug`` and ``place:slug`` otherwise."""
    name: str
    """The usual English name, as a news report would first write it."""
    type: str
    """``person``, ``state``, ``igo``, ``organization``, ``group`` or ``place``."""
    qid: str | None = None
    """Wikidata identifier where known with confidence, else None."""
    aliases: tuple[str, ...] = ()
    """Other names it goes by (official names, acronyms, spelling variants)."""
    country: str | None = None
    """ISO3 of the state it belongs to or serves, where that applies."""
    extra: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}), compare=False, hash=False)
    """Kind-specific facts: demonyms and capitals for states, members for IGOs, referent for places..."""


@dataclass(frozen=True)
class Tenure:
    """One person's spell in one office."""

    office: str
    """Office key, ``kind:owner`` (``foreign_minister:LTU``, ``secretary_general:NATO``)."""
    title: str
    """The title the holder had, as reports write it (``Prime Minister``, ``acting President``)."""
    start: date
    """First day in office."""
    end: date | None
    """First day out of office (the successor's first day); None if in office at the KB's date."""
    of: str
    """Id of the state or organisation the office belongs to."""
    person: str
    """Id of the person who held it."""
    acting: bool = False
    """True for acting or interim holders."""
    approx: bool = False
    """True where the start or end day is only approximately known."""

    def covers(self, on: date) -> bool:
        """Whether the person held the office on that day (start inclusive, end exclusive)."""
        return self.start <= on and (self.end is None or on < self.end)


def freeze(value: Any) -> Any:
    """Read-only copies of JSON containers, so entities can be shared safely."""
    if isinstance(value, dict):
        return MappingProxyType({k: freeze(v) for k, v in value.items()})
    if isinstance(value, list):
        return tuple(freeze(v) for v in value)
    return value


def entity_from_record(rec: Mapping[str, Any]) -> KBEntity:
    """A KBEntity from a data-file record; everything beyond the core fields goes to ``extra``."""
    extra = {k: v for k, v in rec.items() if k not in _CORE}
    aliases = list(rec.get("aliases", ()))
    official = rec.get("official_name")
    if official and official != rec["name"] and official not in aliases:
        aliases.insert(0, official)
    if rec["type"] == "state":
        extra["capital"] = rec["capitals"][0]["name"] if rec.get("capitals") else None
    country = rec.get("country")
    if country is None and rec["type"] == "state":
        country = rec["id"]
    return KBEntity(
        id=rec["id"],
        name=rec["name"],
        type=rec["type"],
        qid=rec.get("qid"),
        aliases=tuple(aliases),
        country=country,
        extra=freeze(extra),
    )


def tenure_from_record(rec: Mapping[str, Any], office: Mapping[str, Any]) -> Tenure:
    """A Tenure from a data-file record and its office definition."""
    titles = office.get("titles") or [office["kind"].replace("_", " ")]
    return Tenure(
        office=rec["office"],
        person=rec["person"],
        title=rec.get("title") or titles[0],
        start=date.fromisoformat(rec["start"]),
        end=date.fromisoformat(rec["end"]) if rec.get("end") else None,
        of=office["of"],
        acting=bool(rec.get("acting", False)),
        approx=bool(rec.get("approx", False)),
    )


def read_data(package: str = "storyline.kb") -> dict[str, dict[str, Any]]:
    """The bundled data files, parsed, keyed by file stem (plus ``meta``)."""
    root = files(package).joinpath("data")
    out = {}
    for stem in (*DATA_FILES, "meta"):
        out[stem] = json.loads(root.joinpath(f"{stem}.json").read_text(encoding="utf-8"))
    return out
