"""The evidence behind each actor of a report (actor_confidence), on Docs built by hand (model-free)."""

import math

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from storyline.models import Mention
from storyline.nlp.actor_confidence import Evidence, confidence, doubtful, evidence


def _doc(words, heads, deps, spaces=None):
    doc = Doc(Vocab(), words=words, spaces=spaces, heads=heads, deps=deps,
              sent_starts=[True] + [False] * (len(words) - 1))
    return doc


def _mention(doc, i, j, entity, label="ORG"):
    span = doc[i:j]
    return Mention("d", span.start_char, span.end_char, span.text, label, entity, entity.split(":")[1])


def test_a_speaker_in_running_text_acts_and_a_modifier_does_not():
    # "Marta Quispe said the Andes Council would meet ." : the speaker acts; "Andes" only modifies "Council".
    words = ["Marta", "Quispe", "said", "the", "Andes", "Council", "would", "meet", "on", "Friday", "."]
    heads = [1, 2, 2, 5, 5, 7, 7, 2, 7, 8, 2]
    deps = ["compound", "nsubj", "ROOT", "det", "compound", "nsubj", "aux", "ccomp", "prep", "pobj", "punct"]
    doc = _doc(words, heads, deps)
    mentions = [_mention(doc, 0, 2, "local:person:marta-quispe", "PERSON"),
                _mention(doc, 4, 5, "local:place:andes", "LOC")]
    found = {e.entity: e for e in evidence(doc, mentions)}
    person, place = found["local:person:marta-quispe"], found["local:place:andes"]
    assert person.speaker and person.acting and not person.modifier_only and person.name_shaped
    assert place.modifier_only and not place.acting and not place.speaker
    assert person.prose == 1.0  # eleven words ending a sentence
    assert confidence(person) > confidence(place)


def test_a_known_actor_is_never_doubtful_and_the_shipped_threshold_keeps_every_actor():
    words = ["Chile", "exports", "copper", "."]
    doc = _doc(words, [1, 1, 1, 1], ["nsubj", "ROOT", "dobj", "punct"])
    mentions = [_mention(doc, 0, 1, "kb:CHL", "GPE"), _mention(doc, 2, 3, "local:organization:copper")]
    assert doubtful(doc, mentions) == set()  # the shipped threshold (0) drops nothing
    assert "kb:CHL" not in doubtful(doc, mentions, threshold=0.99)
    assert doubtful(doc, mentions, threshold=0.99) == {"local:organization:copper"}


def test_weak_evidence_scores_below_strong_evidence():
    weak = Evidence("local:person:x", known=False, mentions=1, sentences=1, acting=False, speaker=False,
                    modifier_only=True, labels_agree=True, name_shaped=False, prose=0.0)
    strong = Evidence("local:person:y", known=False, mentions=4, sentences=3, acting=True, speaker=True,
                      modifier_only=False, labels_agree=True, name_shaped=True, prose=1.0)
    assert confidence(weak) < 0.5 < confidence(strong)


def test_a_common_word_scores_higher_than_a_rare_name():
    pytest.importorskip("wordfreq")
    from storyline.nlp.actor_confidence import commonness

    assert commonness("Borders") > 0.45 > commonness("Zbigniew Wrzosek")
    assert commonness("the Navy") == commonness("Navy")  # function words do not count
    assert commonness("4-5") == 0.0 and commonness("") == 0.0
    shared = Evidence("local:person:x", known=False, mentions=1, sentences=1, acting=False, speaker=False,
                      modifier_only=False, labels_agree=True, name_shaped=True, prose=1.0, elsewhere=3)
    from storyline.nlp.actor_confidence import FEATURES, WEIGHTS

    assert len(shared.features()) == len(FEATURES) == len(WEIGHTS)
    assert dict(zip(FEATURES, shared.features()))["log_elsewhere"] == pytest.approx(math.log(4))
