"""A record that is a table row run together, not a sentence: most of its words hold digits."""

from storyline.analysis.dating import tabular


def test_a_run_together_table_row_is_tabular():
    assert tabular("Q1 2019 Q2 2019 North 41 17 39 20 South 33 25 30 27 East 12 9")
    assert tabular("Lot 4 Lot 5 Lot 6 — 12 m² 14 m² 9 m² 3rd 4th 5th floor west wing")


def test_a_sentence_with_a_few_figures_is_not():
    assert not tabular("The ferry left the harbour at 6 a.m. with 212 passengers and 40 cars aboard, the operator said.")
    assert not tabular("Rainfall of 120 mm fell on 3 May, flooding 14 streets.")  # under twelve words


def test_digits_of_other_scripts_and_superscripts_count():
    assert tabular("²³ ¹² ④ ⑤ ٣ ٤ ۵ ۶ ७ ८ and four more rows of the table beside them")
    assert not tabular("The survey covered ² and ³ of the districts named in the annex to the spring report")
