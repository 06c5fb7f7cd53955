"""A known body's name with its words in another order, as a translation writes it, is that body."""

import pytest
import spacy

from storyline.kb.lookup import KBEntity
from storyline.nlp.actor_word_order import WordOrderIndex


class _KB:
    def __init__(self, *entities: KBEntity) -> None:
        self._entities = entities

    def entities(self, type=None):
        return iter(self._entities)


COUNCIL = KBEntity(id="FRE.SDC", name="Supreme Security and Defence Council of Freedonia", type="organization",
                   qid=None, aliases=(), country="FRE")
BOARD = KBEntity(id="FRE.WB", name="Freedonia Water Board", type="organization", qid=None, aliases=(), country="FRE")


@pytest.fixture(scope="module")
def blank():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def test_the_words_of_a_known_body_in_another_order_read_on_to_its_name(blank):
    index = WordOrderIndex(_KB(COUNCIL, BOARD))
    doc = blank("The head of the Supreme Security Council and Defence of Freedonia spoke on Monday.")
    span, body = index.body(doc[4:7])  # NER's "Supreme Security Council"
    assert (span.text, body.id) == ("Supreme Security Council and Defence of Freedonia", "FRE.SDC")
    doc = blank("said the head of the Supreme Security Council and the defence of Freedonia.")
    span, body = index.body(doc[5:8])
    assert span.text == "Supreme Security Council and the defence of Freedonia"


def test_other_words_or_too_few_words_name_no_body(blank):
    index = WordOrderIndex(_KB(COUNCIL, BOARD))
    assert index.body(blank("The Supreme Security Council met on Monday.")[1:4]) is None  # a word short
    assert index.body(blank("The Supreme Security Council and Defence of Ruritania met.")[1:4]) is None
    assert index.body(blank("The Water Board of Freedonia met.")[1:3]) is None  # three words: too few to stand alone
