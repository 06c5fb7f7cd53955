"""Read a hand-written story of tests/fixtures/stories for the end-to-end actor tests: every report
parsed with its publication date, the corpus's entities built, and each listed name's identities."""

import datetime as dt
import json

from storyline.analysis.entities import build_entities
from storyline.kb.lookup import load_kb
from storyline.kb.normalize import key


def read_actor_story(nlp, folder):
    """Return (expected, entities by id, entity ids by name key, mentions) for the story in `folder`."""
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
