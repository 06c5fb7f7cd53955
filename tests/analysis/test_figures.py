"""Figure tables: grouping figures by measure across reports, and assessing whether they agree."""

from __future__ import annotations

import random
import time

from storyline.analysis.corpus import Corpus
from storyline.analysis.entities import Entity
from storyline.analysis.figures import (
    CONSISTENT, CONTRADICTION, EVOLVING, assess, build_figure_tables, figure_conflicts, format_value, normalise_counts,
)
from storyline.models import Figure, FigureRow, Mention

ENTITIES = [Entity("kb:PRK", "North Korea", "state"), Entity("kb:RUS", "Russia", "state"),
            Entity("kb:USA", "United States", "state"), Entity("kb:KOR", "South Korea", "state")]


class Docs:
    """Hand-written reports: each a list of sentences, with helpers that place records in them."""

    def __init__(self) -> None:
        self.documents: dict[str, dict] = {}
        self.sentences: dict[str, list[tuple[int, int]]] = {}

    def add(self, doc: str, *sentences: str, published: str | None = None, outlet: str | None = None) -> None:
        text, spans = "", []
        for sentence in sentences:
            start = len(text) + (1 if text else 0)
            text = f"{text} {sentence}" if text else sentence
            spans.append((start, len(text)))
        self.documents[doc] = {"id": doc, "text": text, "published": published, "outlet": outlet or f"Outlet {doc}"}
        self.sentences[doc] = spans

    def at(self, doc: str, fragment: str) -> tuple[int, int]:
        start = self.documents[doc]["text"].index(fragment)
        return start, start + len(fragment)

    def figure(self, doc: str, fragment: str, value: float | None, **kw) -> Figure:
        kw.setdefault("counts", "troops")
        kw.setdefault("subject", "kb:PRK")
        return Figure(doc, *self.at(doc, fragment), fragment, value, **kw)

    def corpus(self, **records) -> Corpus:
        return Corpus(documents=self.documents, sentences=self.sentences, entities=ENTITIES, **records)


def _seed_like() -> tuple[Docs, list[Figure]]:
    docs = Docs()
    docs.add("a", "Pyongyang has sent about 1,500 troops in a first wave, the spy agency said.", published="2024-10-18")
    docs.add("b", "Officials said the first contingent had up to 3,000 soldiers.",
             "It could later grow to 12,000 personnel.", published="2024-10-24")
    docs.add("c", "Some 10,000 North Korean forces are now in Russia.", published="2024-10-30")
    figures = [
        docs.figure("a", "about 1,500 troops", 1500, qualifier="about", stage="initial", attributed_text="spy agency"),
        docs.figure("b", "up to 3,000 soldiers", 3000, qualifier="up to", stage="initial", counts="soldiers",
                    attributed_text="officials"),
        docs.figure("b", "12,000 personnel", 12000, stage="potential", counts="personnel"),
        docs.figure("c", "Some 10,000 North Korean forces", 10000, qualifier="about", counts="forces"),
    ]
    return docs, figures


def test_figures_with_troops_soldiers_personnel_forces_form_one_table():
    docs, figures = _seed_like()
    tables = build_figure_tables(docs.corpus(figures=figures))
    assert len(tables) == 1
    table = tables[0]
    assert table.counts == "troops" and table.subject == "kb:PRK"
    assert table.measure == "troops (North Korea)"
    assert [r.value for r in table.rows] == [1500, 3000, 12000, 10000]


def test_figures_at_different_stages_are_an_evolving_estimate_not_a_contradiction():
    docs, figures = _seed_like()
    assert build_figure_tables(docs.corpus(figures=figures))[0].assessment == EVOLVING


def test_two_measures_are_never_compared():
    docs = Docs()
    docs.add("a", "About 1,000 troops of the North were seen.", published="2024-11-01")
    docs.add("b", "Moscow has 50,000 troops there.", published="2024-11-01")
    docs.add("c", "The strike killed 40 people.", published="2024-11-01")
    figures = [
        docs.figure("a", "About 1,000 troops", 1000),
        docs.figure("b", "50,000 troops", 50000, subject="kb:RUS"),
        docs.figure("c", "killed 40", 40, counts="killed", subject="kb:RUS"),
    ]
    tables = build_figure_tables(docs.corpus(figures=figures))
    assert sorted(t.measure for t in tables) == ["killed (Russia)", "troops (North Korea)", "troops (Russia)"]
    assert all(t.assessment == CONSISTENT and len(t.rows) == 1 for t in tables)


def test_same_stage_and_date_from_different_sources_is_a_contradiction():
    docs = Docs()
    docs.add("a", "There are 3,000 of them, Seoul said.", published="2024-11-01")
    docs.add("b", "There are 11,000 of them, Kyiv said.", published="2024-11-01")
    figures = [docs.figure("a", "3,000", 3000, attributed_to="kb:KOR"),
               docs.figure("b", "11,000", 11000, attributed_text="Kyiv")]
    table = build_figure_tables(docs.corpus(figures=figures))[0]
    assert table.assessment == CONTRADICTION
    assert {r.source for r in table.rows} == {"South Korea", "Kyiv"}


def test_different_report_dates_make_an_evolving_estimate():
    docs = Docs()
    docs.add("a", "There are 3,000 of them.", published="2024-10-20")
    docs.add("b", "There are 11,000 of them.", published="2024-11-20")
    figures = [docs.figure("a", "3,000", 3000), docs.figure("b", "11,000", 11000)]
    assert build_figure_tables(docs.corpus(figures=figures))[0].assessment == EVOLVING


def test_dates_are_intervals_with_their_precision():
    rows = [FigureRow("f1", "a", 3000, None, None, None, None, "2024-11", "A", "3,000"),
            FigureRow("f2", "b", 9000, None, None, None, None, "2024-11-04 (report)", "B", "9,000")]
    assert assess(rows).assessment == EVOLVING  # a month is not the same time as one day in it
    assert [r.relation for r in rows] == ["not comparable", "evolving"]
    rows[0].date = "2024"
    assert assess(rows).assessment == EVOLVING  # nor is a year every day of it
    rows[0].date = "2024-11-09"
    assert assess(rows).assessment == CONTRADICTION  # five days apart: the same week
    rows[0].date = "2024-11-20"
    assert assess(rows).assessment == EVOLVING


def test_same_week_tolls_from_three_bodies_are_a_contradiction_naming_each():
    docs = Docs()
    docs.add("a", "The health ministry said 1,200 people died in the floods.", published="2024-08-02")
    docs.add("b", "The Red Crescent counted 2,100 dead.", published="2024-08-04")
    docs.add("c", "A doctors' union put the toll at 3,400.", published="2024-08-05")
    figures = [docs.figure("a", "1,200 people", 1200, counts="killed", subject="kb:KOR", attributed_text="health ministry"),
               docs.figure("b", "2,100 dead", 2100, counts="killed", subject="kb:KOR", attributed_text="Red Crescent"),
               docs.figure("c", "3,400", 3400, counts="killed", subject="kb:KOR", attributed_text="doctors' union")]
    table = build_figure_tables(docs.corpus(figures=figures))[0]
    assert table.assessment == CONTRADICTION
    assert {r.source for r in table.rows if r.relation == CONTRADICTION} == {
        "health ministry", "Red Crescent", "doctors' union"}
    assert (table.low, table.best, table.high, table.sources) == (1200, 2100, 3400, 3)
    assert table.conservative == 1200 and table.disputed and "median" in table.rule
    [conflict] = figure_conflicts(docs.corpus(figures=figures), [table])
    assert all(body in conflict.summary for body in ("health ministry", "Red Crescent", "doctors' union"))


def test_one_bodys_later_counts_revise_its_own_and_clash_with_no_other_bodys_earlier_count():
    # The agency and the Red Cross disagree on Monday; the agency's Wednesday and Saturday counts revise
    # its Monday one, and are not set against the Red Cross's Monday count a few days before them.
    docs = Docs()
    docs.add("a", "The agency said on Monday that 3,200 people had been evacuated.", published="2043-05-12")
    docs.add("b", "The Red Cross said on Monday that 4,500 people had been evacuated.", published="2043-05-12")
    docs.add("c", "The agency said on Wednesday that 5,100 people had been evacuated.", published="2043-05-14")
    docs.add("d", "The agency said on Saturday that 6,000 people had been evacuated.", published="2043-05-19")
    figures = []
    for doc, text, value, body, day in (("a", "3,200 people", 3200, "the agency", "2043-05-11"),
                                        ("b", "4,500 people", 4500, "the Red Cross", "2043-05-11"),
                                        ("c", "5,100 people", 5100, "the agency", "2043-05-13"),
                                        ("d", "6,000 people", 6000, "the agency", "2043-05-16")):
        figures.append(docs.figure(doc, text, value, counts="displaced", subject="kb:KOR", attributed_text=body))
        figures[-1].date = day
    corpus = docs.corpus(figures=figures)
    [table] = build_figure_tables(corpus)
    [conflict] = figure_conflicts(corpus, [table])
    assert {(r.value, r.relation) for r in table.rows} == {
        (3200, CONTRADICTION), (4500, CONTRADICTION), (5100, "evolving"), (6000, "evolving")}
    assert "3,200" in conflict.summary and "4,500" in conflict.summary and "5,100" not in conflict.summary


def test_a_lower_bound_passed_by_another_days_count_is_no_contradiction():
    # "at least 2,000" on Monday and 2,600 on Thursday: the count grew past the bound. A day apart the two
    # bodies' counts are still set against each other, and so is a later count under the bound or an earlier
    # one over it.
    def conflicts(later_value: float, later_day: str) -> list:
        docs = Docs()
        docs.add("a", "The agency said at least 2,000 soldiers were massed at the border.", published="2043-05-12")
        docs.add("b", "The monitors said 2,600 soldiers were massed at the border.", published=later_day)
        figures = [docs.figure("a", "at least 2,000 soldiers", 2000, qualifier="at least", attributed_text="the agency"),
                   docs.figure("b", "2,600 soldiers", later_value, attributed_text="the monitors")]
        for f, day in zip(figures, ("2043-05-12", later_day)):
            f.date = day
        corpus = docs.corpus(figures=figures)
        return figure_conflicts(corpus, build_figure_tables(corpus))

    assert conflicts(2600, "2043-05-15") == []
    assert [c.kind for c in conflicts(2600, "2043-05-13")] == ["figure"]
    assert [c.kind for c in conflicts(1500, "2043-05-15")] == ["figure"]
    # an "at least" given days after a larger count is lower than it, not passed by it
    assert [c.kind for c in conflicts(2600, "2043-05-09")] == ["figure"]


def test_a_revision_by_one_body_is_evolving_and_counts_once_in_the_estimate():
    docs = Docs()
    docs.add("a", "The election commission said 4.1 million ballots were counted.", published="2024-05-02")
    docs.add("b", "The election commission now says 5.9 million ballots were counted.", published="2024-05-03")
    figures = [docs.figure("a", "4.1 million ballots", 4.1e6, counts="ballots", subject="kb:KOR",
                           attributed_text="election commission"),
               docs.figure("b", "5.9 million ballots", 5.9e6, counts="ballots", subject="kb:KOR",
                           attributed_text="election commission")]
    table = build_figure_tables(docs.corpus(figures=figures))[0]
    assert table.assessment == EVOLVING and [r.relation for r in table.rows] == ["evolving", "evolving"]
    assert (table.low, table.best, table.high, table.sources) == (5.9e6, 5.9e6, 5.9e6, 1)  # its latest word


def test_vague_magnitudes_are_shown_as_written_not_as_a_precise_range():
    docs = Docs()
    docs.add("a", "Thousands of troops massed.", published="2024-11-01")
    [row] = build_figure_tables(docs.corpus(figures=[docs.figure("a", "Thousands of troops", None, low=2000,
                                                                  high=9999)]))[0].rows
    assert row.vague and format_value(row) == "Thousands" and (row.low, row.high) == (2000, 9999)


def test_one_bodys_revision_is_evolving_in_its_table_and_no_conflict():
    docs = Docs()
    docs.add("a", "There are 10,000 of them, the army said.", published="2024-10-20")
    docs.add("b", "There are 1,500 of them, the army said.", published="2024-10-21")
    figures = [docs.figure("a", "10,000", 10000, attributed_text="the army"),
               docs.figure("b", "1,500", 1500, attributed_text="the army")]
    corpus = docs.corpus(figures=figures)
    [table] = build_figure_tables(corpus)
    assert [r.relation for r in table.rows] == ["evolving", "evolving"]
    assert figure_conflicts(corpus, [table]) == []


def test_figures_of_two_reports_weeks_apart_are_no_conflict():
    docs = Docs()
    docs.add("a", "There are 10,000 of them.", published="2024-10-01")
    docs.add("b", "There are 1,500 of them.", published="2024-11-20")
    corpus = docs.corpus(figures=[docs.figure("a", "10,000", 10000), docs.figure("b", "1,500", 1500)])
    assert figure_conflicts(corpus, build_figure_tables(corpus)) == []


def _toll_pair(first: str, second: str, v1: float, v2: float, **kw) -> list:
    docs = Docs()
    docs.add("a", first, published="2025-03-03")
    docs.add("b", second, published="2025-03-04")
    f1 = docs.figure("a", first.split()[kw.pop("at1", 0)], v1, counts="killed", subject="kb:KOR",
                     attributed_text="police", qualifier=kw.pop("q1", None))
    f2 = docs.figure("b", second.split()[kw.pop("at2", 0)], v2, counts="killed", subject="kb:KOR",
                     attributed_text="hospital")
    corpus = docs.corpus(figures=[f1, f2])
    return figure_conflicts(corpus, build_figure_tables(corpus))


def test_concurrent_tolls_of_one_event_are_a_disagreement_naming_each_body():
    [conflict] = _toll_pair("Police said 41 people died when the dam above the valley town gave way.",
                            "A hospital official said 90 people died after the dam burst over the valley.", 41, 90,
                            at1=2, at2=3)
    assert conflict.assessment == CONTRADICTION and "police" in conflict.summary and "hospital" in conflict.summary


def test_a_lower_bound_toll_is_that_sources_figure():
    [conflict] = _toll_pair("At least 41 people died when the dam above the valley town gave way, police said.",
                            "A hospital official said 90 people died after the dam burst over the valley.", 41, 90,
                            at1=2, at2=3, q1="at least")
    assert conflict.assessment == CONTRADICTION


def test_tolls_of_two_events_in_one_week_are_not_compared():
    # nothing in common besides the measure: two strikes, two tolls
    assert _toll_pair("Police said 41 people died when a bus plunged off a mountain road near the northern pass.",
                      "A hospital official said 90 people died after fire swept through a crowded textile factory.",
                      41, 90, at1=2, at2=3) == []


def test_a_daily_rate_and_a_count_are_not_compared():
    assert _toll_pair("Police said 41 people died in the valley flood.",
                      "A hospital official said 90 people die every day in the valley flood.", 41, 90,
                      at1=2, at2=3) == []


def test_values_an_order_of_magnitude_apart_count_different_things():
    assert _toll_pair("Police said 4 people died in the valley flood.",
                      "A hospital official said 900 people died in the valley flood.", 4, 900,
                      at1=2, at2=3) == []


def test_values_within_tolerance_or_overlapping_ranges_are_consistent():
    docs = Docs()
    docs.add("a", "Roughly 10,000 are there.", published="2024-11-01")
    docs.add("b", "About 10,800 are there.", published="2024-11-01")
    docs.add("c", "Up to 12,000 are there.", published="2024-11-01")
    docs.add("d", "Between 9,000 and 11,000 are there.", published="2024-11-01")
    figures = [docs.figure("a", "Roughly 10,000", 10000, qualifier="about"),
               docs.figure("b", "About 10,800", 10800, qualifier="about"),
               docs.figure("c", "Up to 12,000", 12000, qualifier="up to"),
               docs.figure("d", "Between 9,000 and 11,000", None, low=9000, high=11000)]
    assert build_figure_tables(docs.corpus(figures=figures))[0].assessment == CONSISTENT


def test_figures_that_differ_within_one_report_are_not_a_contradiction():
    docs = Docs()
    docs.add("a", "The army has 900,000 in all.", "Some 190,000 are at the border, Kyiv says.", published="2024-11-01")
    figures = [docs.figure("a", "900,000", 900000), docs.figure("a", "190,000", 190000, attributed_text="Kyiv")]
    table = build_figure_tables(docs.corpus(figures=figures))[0]
    # two quantities the author tells apart: no estimate moved, and neither row is set against the other
    assert table.assessment == CONSISTENT
    assert [r.relation for r in table.rows] == ["not comparable", "not comparable"]
    docs.add("b", "The army has 400,000 in all.", published="2024-11-09")
    figures.append(docs.figure("b", "400,000", 400000))
    assert build_figure_tables(docs.corpus(figures=figures))[0].assessment == EVOLVING  # another report's count


def test_a_vague_magnitude_has_a_floor_but_no_ceiling():
    docs = Docs()
    docs.add("a", "Thousands of them are there.", published="2024-11-01")
    docs.add("b", "About 100,000 of them are there.", published="2024-11-01")
    docs.add("c", "Only 500 of them are there.", published="2024-11-01")
    figures = [docs.figure("a", "Thousands", None, low=2000, high=9999),
               docs.figure("b", "About 100,000", 100000, qualifier="about")]
    assert build_figure_tables(docs.corpus(figures=figures))[0].assessment == CONSISTENT
    figures.append(docs.figure("c", "500", 500))
    assert build_figure_tables(docs.corpus(figures=figures))[0].assessment == CONTRADICTION


def test_an_expected_figure_is_a_potential_one():
    docs = Docs()
    docs.add("a", "There are 3,000 of them.", published="2024-11-01")
    docs.add("b", "There could be 50,000 of them.", published="2024-11-01")
    figures = [docs.figure("a", "3,000", 3000), docs.figure("b", "50,000", 50000, status="possible")]
    table = build_figure_tables(docs.corpus(figures=figures))[0]
    assert [r.stage for r in table.rows] == [None, "potential"] and table.assessment == EVOLVING


def test_subjectless_figure_joins_the_one_state_whose_forces_its_sentence_names():
    docs = Docs()
    docs.add("a", "Some 2,000 North Korean troops arrived.", "Around 2,100 are there now.", published="2024-11-01")
    docs.add("b", "Some 2,000 North Korean troops joined Russian soldiers.", published="2024-11-01")
    mentions = [
        Mention("a", *docs.at("a", "North Korean troops"), "North Korean troops", "DEMONYM", "kb:PRK", "state",
                facet="military"),
        Mention("b", *docs.at("b", "North Korean troops"), "North Korean troops", "DEMONYM", "kb:PRK", "state",
                facet="military"),
        Mention("b", *docs.at("b", "Russian soldiers"), "Russian soldiers", "DEMONYM", "kb:RUS", "state",
                facet="military"),
    ]
    figures = [docs.figure("a", "Some 2,000", 2000, subject=None),
               docs.figure("a", "Around 2,100", 2100, subject=None),  # no forces named in its sentence
               docs.figure("b", "Some 2,000", 2000, subject=None)]  # two states' forces: ambiguous
    tables = build_figure_tables(docs.corpus(figures=figures, mentions=mentions))
    assert len(tables) == 1 and [r.text for r in tables[0].rows] == ["Some 2,000"]
    assert tables[0].rows[0].doc == "a" and tables[0].subject == "kb:PRK"


def test_subjectless_figure_takes_the_reports_one_subject_when_its_sentence_names_that_state():
    docs = Docs()
    docs.add("a", "Some 10,000 of Pyongyang's troops are there.", "First about 1,500 soldiers came from North Korea.",
             "Then 300 soldiers came from Russia.", published="2024-11-01")
    mentions = [Mention("a", *docs.at("a", "North Korea"), "North Korea", "GPE", "kb:PRK", "state"),
                Mention("a", *docs.at("a", "Russia"), "Russia", "GPE", "kb:RUS", "state")]
    figures = [docs.figure("a", "Some 10,000", 10000),
               docs.figure("a", "about 1,500", 1500, subject=None, stage="initial"),
               docs.figure("a", "300", 300, subject=None)]
    tables = build_figure_tables(docs.corpus(figures=figures, mentions=mentions))
    assert [[r.value for r in t.rows] for t in tables] == [[10000, 1500]]


def test_row_source_is_the_actor_the_text_or_the_outlet_and_report_dates_are_marked():
    docs = Docs()
    docs.add("a", "Seoul counts 1,500.", "Officials count 1,600.", "We count 1,550 as of October 20.",
             published="2024-11-01", outlet="Daily Example")
    figures = [docs.figure("a", "1,500", 1500, attributed_to="kb:KOR"),
               docs.figure("a", "1,600", 1600, attributed_text="officials"),
               docs.figure("a", "1,550", 1550, date="2024-10-20")]
    rows = build_figure_tables(docs.corpus(figures=figures))[0].rows
    by_value = {r.value: r for r in rows}
    assert by_value[1500].source == "South Korea" and by_value[1500].date == "2024-11-01 (report)"
    assert by_value[1600].source == "officials"
    assert by_value[1550].source == "Daily Example" and by_value[1550].date == "2024-10-20"
    assert rows[0].value == 1550  # its own date comes first


def test_negated_figures_money_units_and_generic_counts_get_no_table():
    docs = Docs()
    docs.add("a", "It is not 10,000 troops.", "Aid rose 5 percent.", "The package was $8bn.")
    figures = [docs.figure("a", "10,000 troops", 10000, status="negated"),
               docs.figure("a", "5 percent", 5, counts="percent", subject="kb:USA"),
               docs.figure("a", "$8bn", 8e9, counts="money:USD", subject="kb:USA"),
               docs.figure("a", "troops", 3, counts="other", subject="kb:USA")]
    assert build_figure_tables(docs.corpus(figures=figures)) == []


def test_normalise_counts_keeps_currency_codes_and_folds_nouns():
    assert normalise_counts("Soldiers") == "troops"
    assert normalise_counts("USD") == "USD" and normalise_counts("money:USD") == "money:USD"
    assert normalise_counts("killed") == "killed"
    assert normalise_counts(None) is None


def test_table_ids_and_order_are_deterministic_whatever_the_input_order():
    docs, figures = _seed_like()
    first = build_figure_tables(docs.corpus(figures=list(figures)))
    shuffled = list(figures)
    random.Random(7).shuffle(shuffled)
    second = build_figure_tables(docs.corpus(figures=shuffled))
    assert first == second
    assert first[0].id.startswith("ft") and len(first[0].id) == 14


def _many_reports(n: int):
    docs = Docs()
    figures = []
    rng = random.Random(1)
    subjects = ["kb:PRK", "kb:RUS", "kb:USA", "kb:KOR"]
    for d in range(n):
        doc = f"d{d:04d}"
        sentences = [f"Figure {k} is {1000 + k}." for k in range(5)]
        docs.add(doc, *sentences, published=f"2024-{1 + d % 12:02d}-{1 + d % 28:02d}")
        for k in range(5):
            figures.append(docs.figure(doc, f"{1000 + k}", rng.choice([1000, 1050, 5000, None]) or 900,
                                       subject=rng.choice(subjects), stage=rng.choice([None, "initial", "potential"]),
                                       counts=rng.choice(["troops", "soldiers", "killed"])))
    return docs.corpus(figures=figures)


def _seconds(fn) -> float:
    began = time.process_time()
    fn()
    return time.process_time() - began


def test_figure_tables_grow_about_linearly_with_the_reports():
    small, large = _many_reports(200), _many_reports(1000)
    assert sum(len(t.rows) for t in build_figure_tables(large)) == 5000
    # Interleaved, best of three: both sizes see the same load. 5x the reports: linear ~5x, quadratic ~25x.
    pairs = [(_seconds(lambda: build_figure_tables(small)), _seconds(lambda: build_figure_tables(large)))
             for _ in range(3)]
    ratio = min(p[1] for p in pairs) / max(min(p[0] for p in pairs), 1e-6)
    assert ratio < 15, f"5x the reports took {ratio:.1f}x as long"


def test_a_report_that_gives_the_same_number_for_a_part_does_not_contradict_it():
    docs = Docs()
    docs.add("a", "Police said 100 people died in the valley flood and 30 in the town.", published="2025-03-03")
    docs.add("b", "A hospital official said 30 people died in the valley flood.", published="2025-03-04")
    figures = [docs.figure("a", "100 people", 100, counts="killed", subject="kb:KOR", attributed_text="police"),
               docs.figure("a", "30 in", 30, counts="killed", subject="kb:KOR", attributed_text="police"),
               docs.figure("b", "30 people", 30, counts="killed", subject="kb:KOR", attributed_text="hospital")]
    corpus = docs.corpus(figures=figures)
    assert figure_conflicts(corpus, build_figure_tables(corpus)) == []


def test_a_smaller_figure_beside_a_larger_one_in_its_sentence_is_a_part_not_a_rival():
    docs = Docs()
    docs.add("a", "Police said 100 people died in the valley flood, 30 of them in the town.", published="2025-03-03")
    docs.add("b", "A hospital official said 95 people died in the valley flood.", published="2025-03-04")
    figures = [docs.figure("a", "100 people", 100, counts="killed", subject="kb:KOR", attributed_text="police"),
               docs.figure("a", "30 of them", 30, counts="killed", subject="kb:KOR", attributed_text="police"),
               docs.figure("b", "95 people", 95, counts="killed", subject="kb:KOR", attributed_text="hospital")]
    corpus = docs.corpus(figures=figures)
    assert figure_conflicts(corpus, build_figure_tables(corpus)) == []


def _unit_story(first: str, second: str, unit: str, counts: str, v1: float, v2: float, f1: str, f2: str,
                **kw) -> list:
    docs = Docs()
    docs.add("a", first, published="2031-03-02")
    docs.add("b", second, published="2031-03-03")
    figures = [docs.figure("a", f1, v1, counts=counts, unit=unit, unit_text=f1.split()[-1], subject=None,
                           attributed_to="local:organization:agency", **kw),
               docs.figure("b", f2, v2, counts=counts, unit=unit, unit_text=f2.split()[-1], subject=None,
                           attributed_to="local:organization:company", **kw)]
    corpus = docs.corpus(figures=figures)
    return build_figure_tables(corpus), corpus


def test_figures_in_one_unit_whose_clauses_share_a_verb_form_one_table_and_their_conflict():
    tables, corpus = _unit_story(
        "A freighter grounded off Durban has spilled an estimated 900 barrels of diesel into the harbour, the port "
        "authority said on Friday.",
        "The shipping line said that about 120 barrels of diesel had spilled from a ruptured tank.",
        "barrel", "unit:barrel", 900, 120, "an estimated 900 barrels", "about 120 barrels", qualifier="about")
    assert [len(t.rows) for t in tables] == [2]
    assert tables[0].subject is None and tables[0].measure.startswith("barrels (")
    assert "spilled" in tables[0].measure and "diesel" in tables[0].measure
    assert [c.kind for c in figure_conflicts(corpus, tables)] == ["figure"]


def test_counted_nouns_of_no_named_party_destroyed_in_both_reports_form_one_table():
    tables, _ = _unit_story("Floodwater from the Ebro destroyed 120 houses in the lower valley on Monday, the "
                            "regional government said.",
                            "The mayor said on Tuesday that more than 200 houses had been destroyed by the flood.",
                            "house", "other", 120, 200, "120 houses", "more than 200 houses")
    assert [t.measure for t in tables] == ["houses (destroyed)"]


def test_one_unit_in_unrelated_clauses_makes_no_table():
    # Two distances near one named town: a shared name says where, not what is measured.
    tables, _ = _unit_story("The convoy stopped 10 km outside Mosul, the army said.",
                            "Mosul lies 300 km from the capital, a spokesman said.",
                            "kilometre", "unit:kilometre", 10, 300, "10 km", "300 km")
    assert tables == []


def test_the_same_words_in_another_unit_or_one_report_make_no_table():
    docs = Docs()
    docs.add("a", "The storm destroyed 40 homes and destroyed 12 barns.", published="2031-03-02")
    docs.add("b", "Officials said 15 schools were destroyed.", published="2031-03-02")
    figures = [docs.figure("a", "40 homes", 40, counts="other", unit="home", subject=None),
               docs.figure("a", "12 barns", 12, counts="other", unit="barn", subject=None),
               docs.figure("b", "15 schools", 15, counts="other", unit="school", subject=None)]
    assert build_figure_tables(docs.corpus(figures=figures)) == []


def test_money_shares_and_spans_of_time_never_pool_by_their_words():
    docs = Docs()
    docs.add("a", "The ministry pledged $8bn in aid for the region.", "Prices rose 5 percent in the region.",
             "The strike lasted 3 days at the plant.")
    docs.add("b", "The ministry pledged $61bn in aid for the region.", "Prices rose 9 percent in the region.",
             "The strike lasted 10 days at the plant.")
    figures = []
    for doc, (money, share, days) in {"a": ("$8bn", "5 percent", "3 days"), "b": ("$61bn", "9 percent", "10 days")}.items():
        figures += [docs.figure(doc, money, 1e9, counts="money:USD", unit="dollar", subject=None),
                    docs.figure(doc, share, 5, counts="percent", unit="percent", subject=None),
                    docs.figure(doc, days, 3, counts="days", unit="day", subject=None)]
    assert build_figure_tables(docs.corpus(figures=figures)) == []


def test_the_table_and_the_figure_conflicts_agree_on_what_contradicts():
    # "at least 41" is the police's 41 (a conflict with the hospital's 90), though as an interval
    # it allows 90: the table takes the conflicts' word and says contradiction too.
    docs = Docs()
    docs.add("a", "At least 41 people died when the dam above the valley town gave way, police said.",
             published="2025-03-03")
    docs.add("b", "A hospital official said 90 people died after the dam burst over the valley.", published="2025-03-04")
    figures = [docs.figure("a", "41", 41, counts="killed", subject="kb:KOR", attributed_text="police",
                           qualifier="at least"),
               docs.figure("b", "90", 90, counts="killed", subject="kb:KOR", attributed_text="hospital")]
    corpus = docs.corpus(figures=figures)
    [table] = build_figure_tables(corpus)
    [conflict] = figure_conflicts(corpus, [table])
    assert table.assessment == conflict.assessment == CONTRADICTION
    assert [r.relation for r in table.rows] == [CONTRADICTION, CONTRADICTION]


def test_a_disagreement_the_conflicts_do_not_set_against_each_other_is_no_table_contradiction():
    # Two tolls of one week with nothing in common but the measure: the values cannot both hold for
    # one count, but they count two things; no conflict, so the table is no contradiction either.
    docs = Docs()
    docs.add("a", "Police said 41 people died when a bus plunged off a mountain road near the northern pass.",
             published="2025-03-03")
    docs.add("b", "A hospital official said 90 people died after fire swept through a crowded textile factory.",
             published="2025-03-04")
    figures = [docs.figure("a", "41", 41, counts="killed", subject="kb:KOR", attributed_text="police"),
               docs.figure("b", "90", 90, counts="killed", subject="kb:KOR", attributed_text="hospital")]
    corpus = docs.corpus(figures=figures)
    [table] = build_figure_tables(corpus)
    assert table.assessment == CONTRADICTION  # the values alone cannot both hold
    assert figure_conflicts(corpus, [table]) == []
    assert table.assessment == EVOLVING and CONTRADICTION not in {r.relation for r in table.rows}


def test_a_toll_a_states_body_gives_counts_in_that_state_and_a_report_naming_none_follows_it():
    # The story names a neighbour as often as the stricken state: the toll given by the stricken
    # state's own ministry says where the dead were counted, and the report naming no state follows.
    docs = Docs()
    docs.add("a", "North Korea's health ministry said 18 people had died in the capital.",
             "The outbreak may have reached South Korea, a South Korean official said.")
    docs.add("b", "At least 31 people have died, the Red Cross said.")
    docs.add("c", "No case was found in South Korea.", "North Korea asked for vaccines.")
    mentions = [Mention("a", *docs.at("a", "North Korea's"), "North Korea's", "GPE", "kb:PRK", "state"),
                Mention("a", *docs.at("a", "South Korea,"), "South Korea", "GPE", "kb:KOR", "state"),
                Mention("a", *docs.at("a", "South Korean"), "South Korean", "NORP", "kb:KOR", "state"),
                Mention("c", *docs.at("c", "South Korea."), "South Korea", "GPE", "kb:KOR", "state"),
                Mention("c", *docs.at("c", "North Korea asked"), "North Korea", "GPE", "kb:PRK", "state")]
    figures = [docs.figure("a", "18 people", 18, counts="killed", subject=None, attributed_to="kb:PRK"),
               docs.figure("b", "At least 31 people", 31, counts="killed", subject=None, qualifier="at least",
                           attributed_text="the Red Cross")]
    [table] = build_figure_tables(docs.corpus(figures=figures, mentions=mentions))
    assert table.subject == "kb:PRK" and len(table.rows) == 2


def test_one_days_losses_and_the_running_total_are_never_rows_of_one_table():
    docs = Docs()
    docs.add("a", "The rebels lost 120 fighters in the past day and 9,400 since the offensive began, the army said.",
             "A day earlier the army counted 9,280 in all.", published="2026-05-12")
    docs.add("b", "The army said the rebels had lost 9,300 fighters so far.", published="2026-05-11")
    figures = [docs.figure(d, frag, v, counts="killed", subject="kb:KOR", attributed_text="army")
               for d, frag, v in (("a", "120 fighters", 120), ("a", "9,400", 9400), ("a", "9,280", 9280),
                                  ("b", "9,300 fighters", 9300))]
    tables = {t.measure: t for t in build_figure_tables(docs.corpus(figures=figures))}
    assert set(tables) == {"killed (South Korea)", "killed (South Korea), one day"}
    assert [r.value for r in tables["killed (South Korea), one day"].rows] == [120]
    assert sorted(r.value for r in tables["killed (South Korea)"].rows) == [9280, 9300, 9400]
    assert tables["killed (South Korea)"].low >= 9280  # the day's 120 never sets the total's low end


def test_people_who_fled_count_as_the_side_they_fled_not_their_shelter():
    docs = Docs()
    docs.add("a", "Some 40,000 people have fled North Korea into Russia since the spring, the agency said.",
             published="2026-05-12")
    docs.add("b", "About 2,000 people were displaced in Russia by the floods.", published="2026-05-12")
    docs.add("c", "Since Russia invaded North Korea, the South has taken in 9,000 refugees.", published="2026-05-12")
    mentions = [Mention("a", *docs.at("a", "North Korea"), "North Korea", "GPE", "kb:PRK", "state"),
                Mention("a", *docs.at("a", "Russia"), "Russia", "GPE", "kb:RUS", "state"),
                Mention("b", *docs.at("b", "Russia"), "Russia", "GPE", "kb:RUS", "state"),
                Mention("c", *docs.at("c", "Russia"), "Russia", "GPE", "kb:RUS", "state"),
                Mention("c", *docs.at("c", "North Korea"), "North Korea", "GPE", "kb:PRK", "state")]
    figures = [docs.figure("a", "Some 40,000 people", 40000, counts="displaced", subject=None),
               docs.figure("b", "About 2,000 people", 2000, counts="displaced", subject=None),
               docs.figure("c", "9,000 refugees", 9000, counts="refugees", subject=None)]
    tables = {(t.counts, t.subject): [r.value for r in t.rows]
              for t in build_figure_tables(docs.corpus(figures=figures, mentions=mentions))}
    assert tables == {("displaced", "kb:PRK"): [40000], ("displaced", "kb:RUS"): [2000], ("refugees", "kb:PRK"): [9000]}


def test_two_bodies_one_report_names_without_ids_disagree_but_one_bodys_two_names_do_not():
    def conflicts(first_body: str, second_body: str) -> list:
        docs = Docs()
        docs.add("a", f"{first_body} said 41 people died in the valley flood.",
                 f"{second_body} said 90 people died in the valley flood.", published="2025-03-03")
        figures = [docs.figure("a", "41 people", 41, counts="killed", subject="kb:KOR", attributed_text=first_body),
                   docs.figure("a", "90 people", 90, counts="killed", subject="kb:KOR", attributed_text=second_body)]
        corpus = docs.corpus(figures=figures)
        return figure_conflicts(corpus, build_figure_tables(corpus))

    [conflict] = conflicts("The health department", "The Valley Doctors' Union")
    assert "health department" in conflict.summary and "Doctors' Union" in conflict.summary
    assert conflicts("The health department", "The department") == []


def test_a_report_repeating_one_of_its_figures_gives_one_row():
    # A summary line above the story that the story then repeats is one count, not two rows that agree;
    # the same figure in another report stays a row of its own.
    docs = Docs()
    docs.add("a", "About 1,500 North Korean troops are in Kursk, the agency said.",
             "Officials: about 1,500 North Korean troops are in Kursk.",
             "About 1,500 North Korean troops are in Kursk, the agency said.", published="2024-10-18")
    docs.add("b", "About 1,500 North Korean troops are in Kursk, the agency said.", published="2024-10-18")
    text = docs.documents["a"]["text"]
    second = text.index("About 1,500", 5)
    third = text.rindex("About 1,500")
    figures = [docs.figure("a", "About 1,500 North Korean troops", 1500, qualifier="about"),
               Figure("a", second, second + 31, "about 1,500 North Korean troops", 1500, qualifier="about",
                      counts="troops", subject="kb:PRK"),
               Figure("a", third, third + 31, "About 1,500 North Korean troops", 1500, qualifier="about",
                      counts="troops", subject="kb:PRK"),
               docs.figure("b", "About 1,500 North Korean troops", 1500, qualifier="about")]
    [table] = build_figure_tables(docs.corpus(figures=figures))
    assert [r.doc for r in table.rows] == ["a", "b"]


def test_a_count_over_a_stretch_is_dated_by_its_report_not_by_the_day_the_stretch_opens():
    from storyline.analysis.figures import row_of
    from storyline.models import TimeRef

    docs = Docs()
    docs.add("a", "The agency said 40,000 people have been evacuated since 3 March.",
             "The army moved 2,000 troops on 3 March.", published="2031-04-10")
    since = docs.figure("a", "40,000 people", 40000, counts="displaced", date="2031-03-03")
    moved = docs.figure("a", "2,000 troops", 2000, date="2031-03-03")
    text = docs.documents["a"]["text"]
    times = [TimeRef("a", *docs.at("a", "3 March."), "3 March", "2031-03-03", "day", head=text.index("evacuated"))]
    corpus = docs.corpus(figures=[since, moved], times=times)
    assert row_of(corpus, since).date == "2031-04-10 (report)"
    assert row_of(corpus, moved).date == "2031-03-03"  # the day of its own sentence's act


def test_counts_over_different_spans_are_not_compared():
    # a week's count against the running total, and a single day's against a week's
    assert _toll_pair("Police said 41 people died in the past week in the valley flood.",
                      "A hospital official said 90 people have died in the valley flood since it began.", 41, 90,
                      at1=2, at2=3) == []
    assert _toll_pair("Police said 41 people died in a single day in the valley flood.",
                      "A hospital official said 90 people die every week in the valley flood.", 41, 90,
                      at1=2, at2=3) == []
    assert _toll_pair("Police said 41 people died in one day in the valley flood.",
                      "A hospital official said 90 people died in the valley flood.", 41, 90, at1=2, at2=3) == []
    # the same span named by both: one count, disagreeing
    [conflict] = _toll_pair("Police said 41 people died in the past 24 hours in the valley flood.",
                            "A hospital official said 90 people died over the last 24 hours in the valley flood.",
                            41, 90, at1=2, at2=3)
    assert conflict.assessment == CONTRADICTION
