"""Look things up in the bundled knowledge base: names, demonyms, metonyms and dated office-holders."""

from __future__ import annotations

import dataclasses
import datetime
from collections import defaultdict
from functools import lru_cache
from typing import Any, Iterator, Mapping

from pathlib import Path

from storyline.kb.normalize import acronym_key, is_case_sensitive, key, slug, title_key
from storyline.kb.overlay import apply_overlay, overlay_hash, overlay_path, read_overlay
from storyline.kb.records import (
    ENTITY_FILES,
    TYPES,
    KBEntity,
    Tenure,
    entity_from_record,
    freeze,
    read_data,
    tenure_from_record,
)

__all__ = ["KBEntity", "KnowledgeBase", "Tenure", "load_kb"]

# Match strength, best first: a canonical name beats an alias, which beats a form
# the loader derived ("Lithuanian Foreign Ministry"), which beats a bare surname.
NAME, ALIAS, DERIVED, SURNAME = range(4)
_TYPE_ORDER = {t: i for i, t in enumerate(TYPES)}
_HONORIFICS = ("mr ", "mrs ", "ms ", "dr ", "sir ", "dame ")
_SCOPE_TYPES = ("state", "igo", "organization", "group")


class KnowledgeBase:
    """An in-memory, read-only knowledge base with its lookup indexes built once."""

    def __init__(self, data: Mapping[str, Mapping[str, Any]]):
        meta = data.get("meta", {})
        self.version: str = meta.get("version", "unknown")
        self.overlay: str | None = None
        """Path of the local overlay applied on top of the bundled data, if any."""
        self.as_of: datetime.date | None = datetime.date.fromisoformat(meta["as_of"]) if meta.get("as_of") else None
        self._entities: dict[str, KBEntity] = {}
        # key -> [(match strength, type order, seniority, sequence, id)], sorted once loaded
        self._index: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
        self._cs_index: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
        self._demonyms: dict[str, list[str]] = defaultdict(list)
        self._cs_demonyms: dict[str, list[str]] = defaultdict(list)
        self._seq = 0
        for stem in ENTITY_FILES:
            for rec in data[stem]["records"]:
                self._add_entity(rec)
        for rec in data["states"]["records"]:
            self._add_state_places(rec)
        for rec in data["organizations"]["records"]:
            self._add_generic_forms(rec)
        self._load_offices(data["offices"], data["tenures"]["records"])
        self._sort_index()

    # ----------------------------------------------------------------- building
    def _put(self, surface: str, rank: int, entity_id: str) -> None:
        """Index one surface form; acronyms that spell common words go to the case-sensitive index."""
        self._seq += 1
        etype = self._entities[entity_id].type
        if etype == "place":
            # "Vatican City" or "Singapore" should name the state before the city.
            rank = max(rank, ALIAS)
        entry = (rank, _TYPE_ORDER.get(etype, 9), self._seq, entity_id)
        if is_case_sensitive(surface):
            self._cs_index[acronym_key(surface)].append(entry)
        else:
            k = key(surface)
            if k:
                self._index[k].append(entry)

    def _add_entity(self, rec: Mapping[str, Any]) -> None:
        entity = entity_from_record(rec)
        self._entities[entity.id] = entity
        self._put(entity.name, NAME, entity.id)
        for alias in entity.aliases:
            self._put(alias, ALIAS, entity.id)
        if entity.type == "state":
            for word in (*rec.get("demonyms", ()), *rec.get("plural_demonyms", ())):
                if is_case_sensitive(word):
                    self._cs_demonyms[acronym_key(word)].append(entity.id)
                else:
                    self._demonyms[key(word)].append(entity.id)
        if entity.type == "person":
            for surname in self._surnames(rec):
                self._put(surname, SURNAME, entity.id)

    @staticmethod
    def _surnames(rec: Mapping[str, Any]) -> list[str]:
        """Explicit surnames, else the last word of the name and of each multi-word alias."""
        if "surname" in rec:
            return list(rec["surname"])
        names = [rec["name"], *rec.get("aliases", ())]
        return [n.split()[-1] for n in names if len(n.split()) > 1]

    def _add_state_places(self, rec: Mapping[str, Any]) -> None:
        """Each capital and seat of government becomes a place whose default referent is its state."""
        for kind, places in (("capital", rec.get("capitals", ())), ("seat", rec.get("seats", ()))):
            for place in places:
                pid = "place:" + slug(place["name"])
                if pid in self._entities:  # an explicit place (places.json) overrides the derived one
                    continue
                self._add_entity(
                    {"id": pid, "type": "place", "qid": place.get("qid"), "name": place["name"],
                     "aliases": place.get("aliases", []), "metonym_for": rec["id"], "kind": kind, "country": rec["id"]}
                )

    def _add_generic_forms(self, rec: Mapping[str, Any]) -> None:
        """Country-qualified forms of generic names: "Russia's Defence Ministry", "Ministry of Defence of Ukraine"."""
        state = self._entities.get(rec.get("country") or "")
        if state is None or state.type != "state":
            return
        prefixes = [state.name, *state.extra.get("demonyms", ())]
        prefixes += [a for a in state.aliases if acronym_key(a).isupper() and len(acronym_key(a)) <= 5]
        for generic in rec.get("generic") or ():
            for prefix in prefixes:
                self._put(f"{prefix} {generic}", DERIVED, rec["id"])
            self._put(f"{generic} of {state.name}", DERIVED, rec["id"])
            official = state.extra.get("official_name")
            if official and key(official) != key(state.name):  # "Ministry of Defence of the Russian Federation"
                self._put(f"{generic} of {official}", DERIVED, rec["id"])
                self._put(f"{generic} of the {official}", DERIVED, rec["id"])
                self._put(f"{official} {generic}", DERIVED, rec["id"])
        # A body's own multi-word names with its state in front: "U.S. Department of State".
        for alias in rec.get("aliases") or ():
            if " " in alias and not is_case_sensitive(alias):
                for prefix in prefixes:
                    self._put(f"{prefix} {alias}", DERIVED, rec["id"])
        # "Ministry of Foreign Affairs of Russia" is as often the "Russian Ministry of Foreign Affairs":
        # both are the body's names, so that either identifies it.
        body, _, owner = rec["name"].rpartition(" of ")
        demonyms = state.extra.get("demonyms", ())
        entity = self._entities[rec["id"]]
        if body and key(owner) == key(state.name) and demonyms:
            inverted = f"{demonyms[0]} {body}"
            if key(inverted) not in {key(a) for a in entity.aliases}:
                self._entities[rec["id"]] = dataclasses.replace(entity, aliases=(*entity.aliases, inverted))
                self._put(inverted, DERIVED, rec["id"])

    def _sort_index(self) -> None:
        """Order each key's candidates: match strength, type, then a person's most senior office."""
        seniority = {}
        for person, spells in self._by_person.items():
            seniority[person] = min(self._offices[t.office]["rank"] for t in spells)
        for table in (self._index, self._cs_index):
            for k, entries in table.items():
                table[k] = sorted((rank, kind, seniority.get(i, 99), seq, i) for rank, kind, seq, i in entries)

    def _load_offices(self, offices: Mapping[str, Any], tenures: list[Mapping[str, Any]]) -> None:
        kind_titles = offices.get("kind_titles", {})
        self._offices: dict[str, Mapping[str, Any]] = {o["key"]: freeze(o) for o in offices["records"]}
        self._office_titles: dict[str, set[str]] = {}
        self._title_keys: set[str] = set()
        for office_key, office in self._offices.items():
            titles = {title_key(t, strip=False) for t in (*office.get("titles", ()), *kind_titles.get(office["kind"], ()))}
            self._office_titles[office_key] = titles
            self._title_keys |= titles
        self._tenures: dict[str, list[Tenure]] = defaultdict(list)
        self._by_person: dict[str, list[Tenure]] = defaultdict(list)
        for rec in tenures:
            tenure = tenure_from_record(rec, self._offices[rec["office"]])
            self._tenures[tenure.office].append(tenure)
            self._by_person[tenure.person].append(tenure)
        for table in (self._tenures, self._by_person):
            for spells in table.values():
                spells.sort(key=lambda t: (t.start, t.office))

    # ------------------------------------------------------------------ entities
    def get(self, id: str) -> KBEntity:
        """The entity with this id; KeyError if there is none."""
        return self._entities[id]

    def entities(self, type: str | None = None) -> Iterator[KBEntity]:
        """Every entity, or every entity of one type, in data-file order."""
        return (e for e in self._entities.values() if type is None or e.type == type)

    def lookup(self, surface: str) -> list[KBEntity]:
        """Every entity a surface form may name, best first (ambiguity is returned, not resolved).

        Matching folds case, diacritics, a leading "the", possessives, dots ("U.S." is "US") and
        hyphens ("Kim Jong-un" is "Kim Jong Un"). Acronyms that spell common words ("US",
        "WHO") match only in capitals. A bare surname finds a person, ranked below full names.
        A leading title ("President Zelensky") is dropped when nothing matches with it.
        """
        found = self._candidates(surface)
        if not found:
            words = key(surface).split()
            for cut in range(min(len(words) - 1, 6), 0, -1):
                if " ".join(words[:cut]) in self._title_keys:
                    found = self._candidates(" ".join(words[cut:]))
                    break
        return [self._entities[i] for i in found]

    def _candidates(self, surface: str) -> list[str]:
        k = key(surface)
        for honorific in _HONORIFICS:
            if k.startswith(honorific):
                k = k[len(honorific):]
        plain, exact = self._index.get(k, []), self._cs_index.get(acronym_key(surface), [])
        entries = sorted(plain + exact) if plain and exact else plain or exact
        return list(dict.fromkeys(e[-1] for e in entries))

    def demonym(self, word: str) -> KBEntity | None:
        """The state a demonym or national adjective refers to ("North Korean", "Filipinos", "U.S.")."""
        ids = self._cs_demonyms.get(acronym_key(word)) or self._demonyms.get(key(word))
        return self._entities[ids[0]] if ids else None

    def demonym_candidates(self, word: str) -> list[KBEntity]:
        """Every state a demonym may refer to ("Congolese": both Congos)."""
        ids = self._cs_demonyms.get(acronym_key(word), []) + self._demonyms.get(key(word), [])
        return [self._entities[i] for i in dict.fromkeys(ids)]

    def metonym(self, surface: str) -> KBEntity | None:
        """The default referent of a place named for its occupant ("the Kremlin" -> Russia, "Brussels" -> EU)."""
        for entity_id in self._candidates(surface):
            entity = self._entities[entity_id]
            if entity.type == "place" and entity.extra.get("metonym_for"):
                return self._entities[entity.extra["metonym_for"]]
        return None

    def metonym_candidates(self, surface: str) -> list[KBEntity]:
        """The default referent first, then the other things the place can stand for."""
        for entity_id in self._candidates(surface):
            entity = self._entities[entity_id]
            if entity.type == "place" and entity.extra.get("metonym_for"):
                ids = [entity.extra["metonym_for"], *entity.extra.get("also", ())]
                return [self._entities[i] for i in ids]
        return []

    # ------------------------------------------------------------------- offices
    def office(self, office_key: str) -> Mapping[str, Any]:
        """The definition of an office (``of``, ``kind``, ``titles``...); KeyError if unknown."""
        return self._offices[office_key]

    def _resolve_office(self, office_key: str) -> str:
        seen = set()
        while "same_as" in self._offices.get(office_key, {}) and office_key not in seen:
            seen.add(office_key)
            office_key = self._offices[office_key]["same_as"]
        return office_key

    def tenures(self, office: str | None = None) -> list[Tenure]:
        """All tenures of one office (following ``same_as``), or of every office, in start order."""
        if office is None:
            return [t for spells in self._tenures.values() for t in spells]
        return list(self._tenures.get(self._resolve_office(office), []))

    def tenure(self, office: str, on: datetime.date) -> Tenure | None:
        """The tenure covering that day, preferring a substantive holder to an acting one."""
        spells = [t for t in self._tenures.get(self._resolve_office(office), []) if t.covers(on)]
        spells.sort(key=lambda t: t.acting)
        return spells[0] if spells else None

    def holder(self, office: str, on: datetime.date) -> KBEntity | None:
        """The person holding an office on a day (``holder("secretary_general:NATO", date(2024, 11, 1))``)."""
        spell = self.tenure(office, on)
        return self._entities[spell.person] if spell else None

    def offices(self, person_id: str, on: datetime.date | None = None) -> list[Tenure]:
        """A person's tenures in start order, or only those covering a given day."""
        return [t for t in self._by_person.get(person_id, []) if on is None or t.covers(on)]

    def find_office(self, title: str, of: str | None = None) -> list[str]:
        """Office keys a title names, within a state or organisation.

        ``of`` may be an id, a name or a demonym ("LTU", "Lithuania", "Lithuanian"); it may
        instead be part of the title ("Lithuanian foreign minister", "Secretary-General of
        NATO", "Kremlin spokesman"). Titles are normalised ("Defense"/"Defence",
        "Secretary-General"/"Secretary General"; "acting", "former" dropped).
        """
        scope = self._scope(of) if of is not None else None
        if of is not None and scope is None:
            return []
        found = self._offices_titled(title, scope)
        if found:
            return found
        split = self._split_title(title)
        if split is not None and (scope is None or split[0] == scope or scope in self._parents(split[0])):
            found = self._offices_titled(split[1], split[0])
        return found

    def _scope(self, text: str) -> str | None:
        """An entity id for a state or organisation given as id, name, demonym or metonym."""
        if text in self._entities:
            return text
        state = self.demonym(text)
        if state is not None:
            return state.id
        for entity in self.lookup(text):
            if entity.type in _SCOPE_TYPES:
                return entity.id
            if entity.type == "place" and entity.extra.get("metonym_for"):
                return entity.extra["metonym_for"]
        return None

    def _parents(self, entity_id: str) -> list[str]:
        """The organisations and state an entity sits under (EU-COM -> EU; USA.CIA -> USA)."""
        entity = self._entities.get(entity_id)
        if entity is None:
            return []
        out = []
        if entity.extra.get("parent"):
            out.append(entity.extra["parent"])
        if entity.type != "state" and entity.country:
            out.append(entity.country)
        return out

    def _offices_titled(self, title: str, scope: str | None) -> list[str]:
        """Offices answering to a title, those of the scope itself before those of its parts.

        The title is tried as written first ("acting President" is its own office in Seoul),
        then without qualifiers such as "acting" or "former".
        """
        for tkey in dict.fromkeys((title_key(title, strip=False), title_key(title))):
            found = self._offices_matching(tkey, scope)
            if found:
                return found
        return []

    def _offices_matching(self, tkey: str, scope: str | None) -> list[str]:
        ranked = []
        for office_key, titles in self._office_titles.items():
            if tkey not in titles:
                continue
            owner = self._offices[office_key]["of"]
            if scope is None or owner == scope:
                closeness = 0
            elif scope in self._parents(owner):
                closeness = 1
            else:
                continue
            ranked.append((closeness, self._offices[office_key]["rank"], office_key))
        return [k for *_, k in sorted(ranked)]

    def _split_title(self, text: str) -> tuple[str, str] | None:
        """Split "Lithuanian foreign minister" or "foreign minister of Lithuania" into (scope, title)."""
        words = text.split()
        for i in range(len(words) - 2, 0, -1):
            if words[i].lower() in ("of", "for"):
                # "of Sudan's ruling Sovereign Council": the shortest tail that names a body.
                for j in range(i + 1, len(words)):
                    scope = self._scope(" ".join(words[j:]))
                    if scope is not None:
                        # "RSF commander and deputy head": the title is the last conjunct.
                        title = " ".join(words[:i]).split(" and ")[-1]
                        return scope, title
        for cut in range(min(len(words) - 1, 5), 0, -1):
            scope = self._scope(" ".join(words[:cut]))
            if scope is not None:
                return scope, " ".join(words[cut:])
        return None


def load_kb() -> KnowledgeBase:
    """The bundled knowledge base with the user's local overlay on top (see ``storyline.kb.overlay``),
    loaded once per process and again only when the overlay file changes."""
    path = overlay_path()
    try:
        stat = path.stat()
        stamp: tuple[int, int] | None = (stat.st_mtime_ns, stat.st_size)
    except OSError:
        stamp = None
    return _load(str(path), stamp)


@lru_cache(maxsize=2)
def _load(path: str, stamp: tuple[int, int] | None) -> KnowledgeBase:
    overlay = Path(path) if stamp is not None else None
    stored = _stored_path(overlay)
    kb = _read_stored(stored)
    if kb is None:
        kb = _build(path, stamp)
        _store(stored, kb)
    return kb


def _build(path: str, stamp: tuple[int, int] | None) -> KnowledgeBase:
    data = read_data()
    overlay = read_overlay(Path(path)) if stamp is not None else None
    if overlay is None:
        return KnowledgeBase(data)
    digest = overlay_hash(Path(path))
    data = apply_overlay(data, overlay)
    data["meta"] = {**data["meta"], "version": f"{data['meta'].get('version', 'unknown')}+overlay.{digest}"}
    kb = KnowledgeBase(data)
    kb.overlay = path
    return kb


# The built knowledge base is kept in the cache folder (building its indexes takes about a third of a second, in
# every process and every parsing worker), under a key made of the bundled data, the overlay, the code that builds
# it and the Python version: a change to any of them makes a new key.
STORED_FOLDER = "kb"
STORED_VERSION = 1
"""Bumped when the stored layout changes."""
STORED_KEPT = 3
"""Stored knowledge bases kept (the bundled data alone, and with an overlay or two)."""
_BUILDERS = ("lookup.py", "records.py", "normalize.py", "overlay.py")


def _stored_path(overlay: Path | None) -> Path:
    import hashlib
    import sys
    from importlib.resources import files

    from storyline import cache
    from storyline.kb.records import DATA_FILES

    digest = hashlib.sha256(f"{STORED_VERSION}|{sys.version}|{overlay}".encode())
    root = files("storyline.kb").joinpath("data")
    for stem in (*DATA_FILES, "meta"):
        digest.update(root.joinpath(f"{stem}.json").read_bytes())
    here = Path(__file__).parent
    for module in _BUILDERS:
        digest.update((here / module).read_bytes())
    if overlay is not None:
        try:
            digest.update(overlay.read_bytes())
        except OSError:
            pass
    return cache.folder() / STORED_FOLDER / f"{digest.hexdigest()[:32]}.pickle"


def _read_stored(path: Path) -> KnowledgeBase | None:
    """The knowledge base an earlier process stored at ``path``, or None (absent or unreadable)."""
    import gc
    import pickle

    collecting = gc.isenabled()
    gc.disable()  # hundreds of thousands of small objects: the collector's passes would cost more than reading
    try:
        with open(path, "rb") as stored:
            kb = pickle.load(stored)
    except Exception:  # absent, half written by an older layout, or from another version: built again
        return None
    finally:
        if collecting:
            gc.enable()
    return kb if isinstance(kb, KnowledgeBase) else None


def _store(path: Path, kb: KnowledgeBase) -> None:
    """Written under a temporary name, then renamed: a process reading the folder never sees half a file.
    A folder that cannot be written only means the next process builds the knowledge base again."""
    import copyreg
    import os
    import pickle
    from types import MappingProxyType

    from storyline.kb.records import freeze

    partial = path.with_name(f"{path.stem}.{os.getpid()}.part")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(partial, "wb") as out:
            pickler = pickle.Pickler(out, protocol=pickle.HIGHEST_PROTOCOL)
            # Read-only mappings (an office's record, an entity's extra fields) are stored as dicts and frozen again.
            pickler.dispatch_table = {**copyreg.dispatch_table, MappingProxyType: lambda m: (freeze, (dict(m),))}
            pickler.dump(kb)
        os.replace(partial, path)
    except (OSError, pickle.PicklingError):
        partial.unlink(missing_ok=True)
        return
    # Each change of the data or the overlay leaves a new file: only the latest few are kept.
    try:
        kept = sorted(path.parent.glob("*.pickle"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for old in kept[STORED_KEPT:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass


def bundled_kb() -> KnowledgeBase:
    """The bundled knowledge base alone, without any local overlay."""
    return _load("", None)


load_kb.cache_clear = _load.cache_clear  # type: ignore[attr-defined]
