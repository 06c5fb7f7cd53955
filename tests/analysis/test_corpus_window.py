"""A window of a store: the corpus of some documents only, with just their records."""

from storyline.analysis.corpus import Corpus
from storyline.kb.lookup import KnowledgeBase
from storyline.models import Mention, Statement
from storyline.store.db import ExtractionStore, Store

from tests.store.test_store import make_doc

EMPTY_KB = {name: {"records": []} for name in ("states", "igos", "organizations", "places", "persons", "offices",
                                                "tenures")}


def test_a_corpus_read_for_some_documents_holds_only_their_records(tmp_path):
    texts = {"d1": "Talks ended in Oslo.", "d2": "Ferries stopped at Bergen.", "d3": "Snow closed the Lyngen pass."}
    with Store.open(tmp_path / "s.duckdb") as store:
        with store.transaction():
            for doc, text in texts.items():
                store.insert_document(make_doc(doc, text), None)
        records = ExtractionStore(store)
        records.ensure_tables("k1")
        records.save_many([(doc, [(0, len(text))], [Statement(doc, 0, len(text), text, "fact", "asserted"),
                                                    Mention(doc, 0, 5, text[:5], "ORG")], "k1", None)
                           for doc, text in texts.items()])
        everything = Corpus.from_store(store, KnowledgeBase(EMPTY_KB))
        window = Corpus.from_store(store, KnowledgeBase(EMPTY_KB), only={"d1", "d3", "absent"})
    assert list(everything.documents) == ["d1", "d2", "d3"] and len(everything.statements) == 3
    assert list(window.documents) == ["d1", "d3"]
    assert [s.doc for s in window.statements] == ["d1", "d3"] and {m.doc for m in window.mentions} == {"d1", "d3"}
    assert set(window.sentences) == set(window.removed) == set(window.references) == {"d1", "d3"}
    assert window.sentence_span("d3", 4) == (0, len(texts["d3"]))
