"""Read a hand-written story of tests/fixtures/stories for the end-to-end actor tests: every report
parsed with its publication date, the corpus's entities built, and each listed name's identities."""

import datetime as dt
import json

from storyline.analysis.entities import build_entities
from storyline.kb.lookup import load_kb
from storyline.kb.normalize import key


_read: dict = {}


def read_actor_story(nlp, folder):
    """Return (expected, entities by id, entity ids by name key, mentions) for the story in `folder`, read
    once per session for the story's own tests and the checks every story shares."""
    if (id(nlp), str(folder)) not in _read:
        _read[id(nlp), str(folder)] = _read_story(nlp, folder)
    return _read[id(nlp), str(folder)]


def _read_story(nlp, folder):
    from storyline.nlp.pipeline import make_doc

    expected = json.loads((folder / "expected.json").read_text())
    mentions = []
    for d in expected["documents"]:
        text = (folder / d["file"]).read_text()
        doc = nlp(make_doc(nlp, d["file"], text, dt.date.fromisoformat(d["published"])))
        mentions += doc._.mentions
    entities, remap = build_entities(mentions, load_kb())
    by_id = {e.id: e for e in entities}
    ids: dict[str, set[str]] = {}
    for m in mentions:
        ids.setdefault(key(m.text), set()).add(remap.get(m.entity, m.entity))
    return expected, by_id, ids, mentions


def wrong_identities(story) -> list:
    """Listed actors that are not exactly one identity of the listed type and name: (name, ids found)."""
    expected, by_id, ids, _ = story
    wrong = []
    for want in expected["entities"]:
        found = set().union(*(ids.get(key(f), set()) for f in want["surface_forms"]))
        entity = by_id.get(next(iter(found))) if len(found) == 1 else None
        if entity is None or entity.type != want["type"] or key(entity.name) != key(want["name"]):
            wrong.append((want["name"], sorted(found)))
    return wrong


def unlisted_actors(story) -> list[str]:
    """Names of the actors found that the story does not list."""
    expected, by_id, _, _ = story
    listed = {key(e["name"]) for e in expected["entities"]}
    return sorted(e.name for e in by_id.values() if key(e.name) not in listed)


def named_non_actors(story) -> list[str]:
    """Names the story lists as no actors (datelines, bylines, works, aircraft...) that became actors."""
    expected, _, ids, _ = story
    return [b for b in expected["must_not_entities"] if key(b) in ids]
