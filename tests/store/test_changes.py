"""What changed between two runs, read from their records alone (no models)."""

from types import SimpleNamespace

from storyline.models import Cluster, Statement
from storyline.store.changes import compare
from storyline.store.records import record_id


def _analysis(statements: list[Statement], clusters: list[Cluster]) -> SimpleNamespace:
    corpus = SimpleNamespace(documents={s.doc: {} for s in statements}, statements=statements, entities=[])
    return SimpleNamespace(corpus=corpus, cross=SimpleNamespace(clusters=clusters, conflicts=[], figure_tables=[]))


def test_a_new_reports_denial_kept_out_of_the_claims_members_is_cited_as_what_disputes_it():
    # Two reports say the ferry service resumed; a third report's harbour office says it did not.
    said = [Statement("a", 0, 40, "The ferry service to Skarn resumed on Friday.", "fact", "asserted"),
            Statement("b", 0, 42, "Ferries to Skarn sailed again on Friday.", "fact", "asserted")]
    denied = Statement("c", 0, 50, "The harbour office said the ferries had not resumed.", "fact", "negated")
    ids = [record_id("s", s) for s in said]
    before = Cluster("c1", ids, ["a", "b"])
    after = Cluster("c1", ids, ["a", "b"], denying=["c"], disputed_by=[record_id("s", denied)])
    run = SimpleNamespace
    changes = compare(_analysis(said, [before]), _analysis([*said, denied], [after]), run(id=1), run(id=2))
    assert [item["claim"] for item in changes["disputed"]] == ["c1"]
    assert [e["doc"] for e in changes["disputed"][0]["evidence"]] == ["c"]
