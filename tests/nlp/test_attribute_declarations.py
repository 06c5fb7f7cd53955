"""Every Storyline component declares the Doc attributes it reads (``requires``) and writes (``assigns``),
so ``nlp.analyze_pipes()`` catches a pipeline whose components run in the wrong order.

The reads and writes are recorded while the pipeline runs on a report that exercises every extractor
(offices, pronouns, quotes, figures, statements, dates), not read off the source code.
"""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.tokens import Doc
from spacy.tokens.underscore import Underscore

pytestmark = pytest.mark.integration

# Set on the Doc by ``pipeline.make_doc`` before any component runs.
CONTEXT = {"doc_id", "published", "outlet"}

REPORT = """LIMA, March 4 — Peru's electoral board confirmed on Monday that 2,400 ballots from two districts were
annulled, a decision the opposition called "a theft".

"The count will stand," the board's president, Rosa Quispe, told reporters. She said 31 observers had
watched the recount, and the president of the board rejected the opposition's claim that 5,000 votes were lost.

The ministry of the interior said on Tuesday it had deployed 800 police officers to Lima. According to the
ministry, no one was hurt. Opposition leader Carlos Mendoza, who has demanded a new vote, said the ruling was
unfair and that his party would appeal to the constitutional court next week.
"""


def _record(nlp, text: str, published: dt.date) -> dict[str, tuple[set[str], set[str]]]:
    """{component: (Doc attributes read, Doc attributes written)} for one run of the pipeline."""
    from storyline.nlp.pipeline import make_doc

    log: dict[str, tuple[set[str], set[str]]] = {}
    current: list[str | None] = [None]
    get, put = Underscore.__getattr__, Underscore.__setattr__

    def reading(self, name):
        if current[0] and isinstance(self._obj, Doc):
            log.setdefault(current[0], (set(), set()))[0].add(name)
        return get(self, name)

    def writing(self, name, value):
        if current[0] and isinstance(self._obj, Doc) and not name.startswith("_"):
            log.setdefault(current[0], (set(), set()))[1].add(name)
        return put(self, name, value)

    doc = make_doc(nlp, "t", text, published)
    Underscore.__getattr__, Underscore.__setattr__ = reading, writing
    try:
        for name, proc in nlp.pipeline:
            current[0] = name if name.startswith("storyline_") else None
            doc = proc(doc)
    finally:
        Underscore.__getattr__, Underscore.__setattr__ = get, put
    return log


def _declared(attrs: list[str]) -> set[str]:
    return {a.removeprefix("doc._.") for a in attrs if a.startswith("doc._.")}


def test_components_read_only_what_they_require_and_write_only_what_they_assign(nlp):
    log = _record(nlp, REPORT, dt.date(2026, 3, 4))
    assert set(log) == {n for n in nlp.pipe_names if n.startswith("storyline_")}
    for name, (reads, writes) in log.items():
        meta = nlp.get_pipe_meta(name)
        required, assigned = _declared(meta.requires), _declared(meta.assigns)
        assert reads - required - assigned - CONTEXT == set(), (name, "reads undeclared", reads - required - assigned)
        assert writes - assigned == set(), (name, "writes undeclared", writes - assigned)
        # a date already known is not written again (times infers "published" only when it is missing)
        assert assigned - CONTEXT <= writes, (name, "declares but never writes", assigned - writes)


def test_analyze_pipes_finds_every_required_attribute_assigned_before(nlp):
    analysis = nlp.analyze_pipes()
    assert not any(analysis["problems"].values()), analysis["problems"]


def test_a_misordered_pipeline_is_reported(nlp):
    """The declarations are what make a wrong order visible: statements before attribution is caught."""
    from storyline.nlp import pipeline

    order = ("storyline_times", "storyline_actors", "storyline_quotes", "storyline_statements",
             "storyline_attribution", "storyline_figures")
    wrong = pipeline.load(components=order)
    problems = wrong.analyze_pipes()["problems"]
    assert "doc._.readings" in problems["storyline_statements"]
    assert "doc._.figures" in problems["storyline_statements"]


def test_the_recording_catches_a_component_that_reads_an_attribute_it_does_not_require(nlp):
    """The check above can fail: a component reading ``doc._.frames`` without declaring it is caught."""
    from spacy.language import Language

    from storyline.nlp import pipeline

    name = "storyline_test_undeclared_reader"
    if name not in Language.factories:
        @Language.factory(name, requires=["doc._.quotes"], assigns=[])
        def make_reader(nlp, name):
            def read(doc):
                _ = doc._.quotes, doc._.frames
                return doc
            return read

    # a fresh pipeline (``load`` is cached per process; the shared one stays as it is)
    nlp2 = pipeline.load.__wrapped__(components=("storyline_times", "storyline_actors", "storyline_quotes",
                                                 "storyline_attribution"))
    nlp2.add_pipe(name, last=True)
    log = _record(nlp2, REPORT, dt.date(2026, 3, 4))
    reads, _ = log[name]
    required = _declared(nlp2.get_pipe_meta(name).requires)
    assert reads - required - CONTEXT == {"frames"}
