"""Checks shared by the end-to-end speaker stories: each planted quote's speaker and each figure's source,
compared through every way the report writes the actor behind an id (None: no named source)."""


def names(doc, entity: str | None) -> set[str]:
    """Every way the report writes the actor behind an id."""
    return {m.text for m in doc._.mentions or () if m.entity == entity} if entity else set()


def _wrong_actor(doc, want: str | None, entity: str | None) -> bool:
    return (want is None) != (entity is None) or want is not None and want not in names(doc, entity)


def wrong_speakers(doc, speakers: dict) -> list:
    """Planted quotes (words -> speaker as written) found without a quote or with another speaker."""
    wrong = []
    for words, speaker in speakers.items():
        found = [q for q in doc._.quotes if words in doc.text[q.start:q.end]]
        if not found:
            wrong.append((words, "no quote"))
        wrong += [(words, q.speaker_text, sorted(names(doc, q.speaker)))
                  for q in found if _wrong_actor(doc, speaker, q.speaker)]
    return wrong


def wrong_sources(doc, sources: dict, exact: bool = True) -> list:
    """Planted figures (text -> source as written) missing or credited to another source; with `exact`
    False every figure whose text holds the planted words is checked."""
    wrong = []
    for text, source in sources.items():
        found = [f for f in doc._.figures if (f.text == text if exact else text in f.text)]
        if not found:
            wrong.append((text, "no figure"))
        wrong += [(text, f.attributed_text, sorted(names(doc, f.attributed_to)))
                  for f in found if _wrong_actor(doc, source, f.attributed_to)]
    return wrong
